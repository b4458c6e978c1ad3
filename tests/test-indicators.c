/* 効果検証指標: the catalog's indicators, fiscal periods, ratios, on-track evaluation, the store's indicators and
 * measurements, and the CSV import of measurements. */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rk-catalog.h"
#include "rk-csv.h"
#include "rk-indicator.h"
#include "rk-store-indicators.h"
#include "rk-test-core.h"

static const char *test_dir;

static const RkCouncilInfo council_info = {
  .name = "みなと市在宅医療・救急医療連携推進協議会",
  .municipality = "みなと市",
  .prefecture = "架空県",
  .fiscal_year = 2025,
  .setup = RK_SETUP_BOTH,
  .notes = "",
};

static RkStore *
new_store (const char  *name,
           char       **path_out)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *unique = g_strdup_printf ("%02u-%s.renkei", ++counter, name);
  g_autofree char *path = g_build_filename (test_dir, unique, NULL);
  RkStore *store = rk_store_create (path, &council_info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
reopen (RkStore    **store,
        const char  *path)
{
  g_autoptr(GError) error = NULL;

  rk_store_close (*store, &error);
  g_assert_no_error (error);
  g_clear_object (store);
  *store = rk_store_open (path, &error);
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The catalog, as DOMAIN.md lists it (share -1: the guide gives none). */

static const struct {
  const char *code;
  const char *group;
  const char *name;
  RkUnitKind  kind;
  double      share;
} expected_indicators[] = {
  { "A1", "transport", "ツールを活用した場合の救急搬送の際の現場滞在時間", RK_UNIT_KIND_TIME, 5.7 },
  { "A2", "transport", "救急搬送時の現場到着所要時間及び病院収容所要時間", RK_UNIT_KIND_TIME, 5.7 },
  { "A3", "transport", "救急出動件数、搬送人員(自宅・高齢者福祉施設への出動、及びそこからの搬送)", RK_UNIT_KIND_COUNT, -1 },
  { "A4", "transport", "救急隊からの医療機関照会回数", RK_UNIT_KIND_COUNT, 5.7 },
  { "B1", "tools", "救急医療情報キットの普及率", RK_UNIT_KIND_RATIO, 26.1 },
  { "B2", "tools", "共通書式(診療情報提供書等)の導入比率", RK_UNIT_KIND_RATIO, 11.4 },
  { "B3", "tools", "連携システムの施設別加入率", RK_UNIT_KIND_RATIO, 12.5 },
  { "B4", "tools", "ICTを利用した地域医療介護連携ツールの利用状況(1か月、3か月時のログイン数および割合)", RK_UNIT_KIND_COUNT,
    12.5 },
  { "B5", "tools", "ツールを活用していた患者における在宅看取り率", RK_UNIT_KIND_RATIO, 2.3 },
  { "C1", "end-of-life", "ACP実施の推移", RK_UNIT_KIND_COUNT, 12.5 },
  { "C2", "end-of-life", "自宅死の割合の推移", RK_UNIT_KIND_RATIO, 39.8 },
  { "C3", "end-of-life", "老人ホーム(高齢者施設)死の割合の推移", RK_UNIT_KIND_RATIO, 21.6 },
  { "C4", "end-of-life", "在宅(自宅・施設)で医師が死亡診断書を作成した件数", RK_UNIT_KIND_COUNT, -1 },
  { "C5", "end-of-life", "住民がどこで最期を迎えたいかの場所の割合", RK_UNIT_KIND_RATIO, -1 },
  { "D1", "capacity", "在宅療養支援診療所・病院数", RK_UNIT_KIND_COUNT, 39.8 },
  { "D2", "capacity", "訪問診療を実施している診療所・病院数", RK_UNIT_KIND_COUNT, 48.9 },
  { "D3", "capacity", "往診を実施している診療所・病院数", RK_UNIT_KIND_COUNT, 46.6 },
  { "D4", "capacity", "在宅療養支援歯科診療所数", RK_UNIT_KIND_COUNT, 31.8 },
  { "E1", "fees", "看取り数(死亡診断のみの場合を含む)", RK_UNIT_KIND_COUNT, 31.8 },
  { "E2", "fees", "在宅ターミナルケアを受けた患者数", RK_UNIT_KIND_COUNT, 15.9 },
  { "E3", "fees", "ターミナルケア加算", RK_UNIT_KIND_COUNT, 11.4 },
  { "E4", "fees", "往診料(夜間、日祝)／全体", RK_UNIT_KIND_RATIO, 10.2 }, /* a share of all 往診料 */
  { "E5", "fees", "看取り介護加算", RK_UNIT_KIND_COUNT, 9.1 },
  { "E6", "fees", "緊急時訪問看護加算", RK_UNIT_KIND_COUNT, 4.5 },
  { "E7", "fees", "緊急訪問看護加算", RK_UNIT_KIND_COUNT, 4.5 },
  { "E8", "fees", "ターミナルケアマネジメント加算", RK_UNIT_KIND_COUNT, 3.4 },
  { "E9", "fees", "緊急時等居宅カンファレンス加算", RK_UNIT_KIND_COUNT, 2.3 },
  { "E10", "fees", "緊急時訪問介護加算", RK_UNIT_KIND_COUNT, 1.1 },
  { "E11", "fees", "配置医師緊急時対応加算", RK_UNIT_KIND_COUNT, 1.1 },
  { "E12", "fees", "機能強化型訪問看護管理療養費", RK_UNIT_KIND_COUNT, 1.1 },
};

static void
test_catalog_indicators (void)
{
  RkCatalog *catalog = rk_catalog_get_default ();
  g_autoptr(RkStore) store = new_store ("catalog", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkIndicator) again = NULL;
  g_autoptr(RkIndicator) nope = NULL;
  GListModel *list;

  g_assert_cmpuint (rk_catalog_get_indicator_survey_n (catalog), ==, 88);
  g_assert_cmpuint (g_list_model_get_n_items (rk_catalog_get_indicators (catalog)), ==,
                    G_N_ELEMENTS (expected_indicators));

  for (guint i = 0; i < G_N_ELEMENTS (expected_indicators); i++)
    {
      RkIndicatorDef *def = rk_catalog_lookup_indicator (catalog, expected_indicators[i].code);
      g_autoptr(RkIndicator) indicator = NULL;

      g_assert_nonnull (def);
      g_assert_cmpstr (rk_indicator_def_get_group (def), ==, expected_indicators[i].group);
      g_assert_cmpstr (rk_indicator_def_get_name (def), ==, expected_indicators[i].name);
      g_assert_cmpint (rk_indicator_def_get_unit_kind (def), ==, expected_indicators[i].kind);
      if (expected_indicators[i].share < 0)
        g_assert_false (rk_indicator_def_has_share (def));
      else
        g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (def), expected_indicators[i].share, 1e-9);

      /* Every one can be chosen, and carries its catalog code and group into the council file. */
      indicator = rk_store_add_catalog_indicator (store, expected_indicators[i].code, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rk_indicator_get_catalog_code (indicator), ==, expected_indicators[i].code);
      g_assert_cmpstr (rk_indicator_get_group (indicator), ==, expected_indicators[i].group);
      g_assert_cmpstr (rk_indicator_get_name (indicator), ==, expected_indicators[i].name);
      g_assert_cmpint (rk_indicator_get_is_ratio (indicator), ==, expected_indicators[i].kind == RK_UNIT_KIND_RATIO);
      /* Times improve as they fall. */
      g_assert_cmpint (rk_indicator_get_higher_is_better (indicator), ==,
                       expected_indicators[i].kind != RK_UNIT_KIND_TIME);
      g_assert_cmpstr (rk_indicator_get_unit (indicator), ==,
                       expected_indicators[i].kind == RK_UNIT_KIND_RATIO ? "%" :
                       expected_indicators[i].kind == RK_UNIT_KIND_TIME ? "分" : "件");
    }
  list = rk_store_get_indicators (store);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected_indicators));

  /* The guide's 考え方 for 体制整備. */
  g_assert_nonnull (strstr (rk_indicator_def_get_rationale (rk_catalog_lookup_indicator (catalog, "D1")),
                            "医療資源量"));

  again = rk_store_add_catalog_indicator (store, "C2", &error);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_null (again);
  g_clear_error (&error);
  nope = rk_store_add_catalog_indicator (store, "Z9", &error);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_null (nope);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected_indicators));
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Periods */

static void
assert_period (const char *text,
               RkFrequency frequency,
               int         fiscal_year,
               int         index,
               const char *canonical,
               const char *label,
               const char *short_label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *string = NULL;
  g_autofree char *formatted = rk_period_format (text);
  g_autofree char *formatted_short = rk_period_format_short (text);
  RkPeriod period;

  g_assert_true (rk_period_parse (text, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.frequency, ==, frequency);
  g_assert_cmpint (period.fiscal_year, ==, fiscal_year);
  g_assert_cmpint (period.index, ==, index);
  string = rk_period_to_string (&period);
  g_assert_cmpstr (string, ==, canonical);
  g_assert_cmpstr (formatted, ==, label);
  g_assert_cmpstr (formatted_short, ==, short_label);
  g_assert_true (rk_period_validate (text, frequency, &error));
  g_assert_no_error (error);
}

static void
assert_for_month (int         year,
                  int         month,
                  RkFrequency frequency,
                  const char *expected)
{
  g_autofree char *text = NULL;
  RkPeriod period;

  rk_period_for_month (year, month, frequency, &period);
  text = rk_period_to_string (&period);
  g_assert_cmpstr (text, ==, expected);
}

static int
compare_period_ptrs (const void *a,
                     const void *b)
{
  return rk_period_compare (*(const char * const *) a, *(const char * const *) b);
}

static void
test_periods (void)
{
  static const char *const bad[] = { "", "abcd", "1900", "2025Q5", "2025Q0", "2025H3", "2025-13", "2025-00",
                                     "2025-4", "2025Q1x", "令和", "令和X年度", NULL };
  const char *unsorted[] = { "2026-03", "2025Q2", "2025", "2025H2", "2024", "2025-04", "2025H1", "2025Q1",
                             "2026-01", "2025Q4" };
  const char *sorted[] = { "2024", "2025", "2025H1", "2025Q1", "2025-04", "2025Q2", "2025H2", "2025Q4",
                           "2026-01", "2026-03" };
  g_autoptr(GError) error = NULL;
  RkPeriod a, b;
  int year, month, n;

  assert_period ("2025", RK_FREQUENCY_YEAR, 2025, 0, "2025", "令和7年度", "令和7年度");
  assert_period ("2019", RK_FREQUENCY_YEAR, 2019, 0, "2019", "令和元年度", "令和元年度");
  assert_period ("2025H1", RK_FREQUENCY_HALF, 2025, 1, "2025H1", "令和7年度上半期", "令和7年度上期");
  assert_period (" 2025h2 ", RK_FREQUENCY_HALF, 2025, 2, "2025H2", "令和7年度下半期", "令和7年度下期");
  assert_period ("2025Q1", RK_FREQUENCY_QUARTER, 2025, 1, "2025Q1", "令和7年度第1四半期(4〜6月)", "令和7年度1Q");
  assert_period ("2025Q3", RK_FREQUENCY_QUARTER, 2025, 3, "2025Q3", "令和7年度第3四半期(10〜12月)", "令和7年度3Q");
  assert_period ("2025Q4", RK_FREQUENCY_QUARTER, 2025, 4, "2025Q4", "令和7年度第4四半期(1〜3月)", "令和7年度4Q");
  assert_period ("2025-04", RK_FREQUENCY_MONTH, 2025, 1, "2025-04", "令和7年(2025年)4月", "令和7年4月");
  /* March belongs to the previous 年度: its twelfth month. */
  assert_period ("2026-03", RK_FREQUENCY_MONTH, 2025, 12, "2026-03", "令和8年(2026年)3月", "令和8年3月");
  assert_period ("2026-01", RK_FREQUENCY_MONTH, 2025, 10, "2026-01", "令和8年(2026年)1月", "令和8年1月");

  /* What people type: full-width digits, 年度, and Japanese era years. */
  {
    static const struct { const char *typed; const char *stored; } typed[] = {
      { "２０２５", "2025" }, { "2025年度", "2025" }, { "令和6年度", "2024" }, { "令和６", "2024" }, { "R7", "2025" },
      { "令和元年度", "2019" }, { "平成30年度", "2018" }, { "令和7H1", "2025H1" }, { "Ｒ7Ｑ2", "2025Q2" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        RkPeriod period;
        g_autofree char *stored = NULL;

        g_assert_true (rk_period_parse (typed[i].typed, &period, &error));
        g_assert_no_error (error);
        stored = rk_period_to_string (&period);
        g_assert_cmpstr (stored, ==, typed[i].stored);
      }
  }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *label = rk_period_format (bad[i]);

      g_assert_false (rk_period_parse (bad[i], NULL, &error));
      g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
      g_clear_error (&error);
      g_assert_null (label);
    }

  /* A period of another frequency is refused, naming the form expected. */
  g_assert_false (rk_period_validate ("2025Q1", RK_FREQUENCY_YEAR, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_assert_nonnull (strstr (error->message, "2025Q1"));
  g_clear_error (&error);
  g_assert_false (rk_period_validate ("2025", RK_FREQUENCY_MONTH, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_assert_nonnull (strstr (error->message, "2025-04"));
  g_clear_error (&error);

  /* Fiscal arithmetic: January–March belong to the 年度 that began the April before. */
  assert_for_month (2026, 3, RK_FREQUENCY_YEAR, "2025");
  assert_for_month (2025, 3, RK_FREQUENCY_YEAR, "2024");
  assert_for_month (2025, 4, RK_FREQUENCY_YEAR, "2025");
  assert_for_month (2026, 3, RK_FREQUENCY_QUARTER, "2025Q4");
  assert_for_month (2025, 6, RK_FREQUENCY_QUARTER, "2025Q1");
  assert_for_month (2025, 7, RK_FREQUENCY_QUARTER, "2025Q2");
  assert_for_month (2025, 9, RK_FREQUENCY_HALF, "2025H1");
  assert_for_month (2025, 10, RK_FREQUENCY_HALF, "2025H2");
  assert_for_month (2026, 2, RK_FREQUENCY_HALF, "2025H2");
  assert_for_month (2026, 3, RK_FREQUENCY_MONTH, "2026-03");

  g_assert_true (rk_period_parse ("2025Q4", &a, NULL));
  rk_period_get_months (&a, &year, &month, &n);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (n, ==, 3);
  g_assert_true (rk_period_parse ("2025H2", &a, NULL));
  rk_period_get_months (&a, &year, &month, &n);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (month, ==, 10);
  g_assert_cmpint (n, ==, 6);

  g_assert_true (rk_period_parse ("2022", &a, NULL));
  g_assert_true (rk_period_parse ("2027", &b, NULL));
  g_assert_cmpint (rk_period_months_between (&a, &b), ==, 60);
  g_assert_cmpint (rk_period_months_between (&b, &a), ==, -60);
  g_assert_true (rk_period_parse ("2025Q1", &a, NULL));
  g_assert_true (rk_period_parse ("2026-03", &b, NULL));
  g_assert_cmpint (rk_period_months_between (&a, &b), ==, 11);

  qsort (unsorted, G_N_ELEMENTS (unsorted), sizeof (char *), compare_period_ptrs);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpstr (unsorted[i], ==, sorted[i]);
  /* Not a period: after every period. */
  g_assert_cmpint (rk_period_compare ("xyz", "2030"), >, 0);
  g_assert_cmpint (rk_period_compare ("2025", "2025"), ==, 0);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Numbers and ratios */

static void
test_numbers (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "18.2", 18.2 }, { " 1,234 ", 1234 }, { "１，２３４．５", 1234.5 }, { "0", 0 }, { "-3", -3 },
  };
  static const char *const bad[] = { "", "  ", "18.2%", "abc", "十", "inf", "nan", "0x10", "1.2.3", "12分", NULL };
  g_autoptr(GError) error = NULL;
  RkIndicatorInfo percent = { .name = "割合", .unit = "%", .is_ratio = TRUE, .factor = 100 };
  RkIndicatorInfo count = { .name = "件数", .unit = "件" };
  double value = 0;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (rk_indicator_parse_number (good[i].text, "値", &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, good[i].value, 1e-9);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_assert_false (rk_indicator_parse_number (bad[i], "値", &value, &error));
      g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_NUMBER);
      g_assert_nonnull (strstr (error->message, "値"));
      g_clear_error (&error);
    }

  /* 自宅死の割合 = 自宅での死亡数 / 死亡数 × 100 */
  g_assert_true (rk_indicator_compute_ratio (182, 1000, 100, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (value, 18.2, 1e-9);
  g_assert_true (rk_indicator_compute_ratio (3, 4, 1, &value, &error));
  g_assert_cmpfloat_with_epsilon (value, 0.75, 1e-12);
  g_assert_false (rk_indicator_compute_ratio (5, 0, 100, &value, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_ZERO_DENOMINATOR);
  g_clear_error (&error);
  g_assert_false (rk_indicator_compute_ratio (-1, 10, 100, &value, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);

  /* Above 100 % is refused for "%", not for a count. */
  g_assert_true (rk_indicator_info_check_value (&percent, 100, &error));
  g_assert_false (rk_indicator_info_check_value (&percent, 120, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_OVER_100);
  g_clear_error (&error);
  g_assert_true (rk_indicator_info_check_value (&count, 120, &error));
  g_assert_no_error (error);
  g_assert_false (rk_indicator_info_check_value (&count, -1, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  RkIndicatorInfo info = {
    .name = "自宅死の割合", .unit = "%", .unit_kind = RK_UNIT_KIND_RATIO, .is_ratio = TRUE,
    .numerator_label = "自宅での死亡数", .denominator_label = "死亡数", .factor = 100, .higher_is_better = TRUE,
    .frequency = RK_FREQUENCY_YEAR, .has_baseline = TRUE, .baseline_value = 18, .baseline_period = "2022",
    .has_target = TRUE, .target_value = 25, .target_period = "2027",
  };
  RkIndicatorInfo bad;

  g_assert_true (rk_indicator_info_validate (&info, &error));
  g_assert_no_error (error);

  bad = info, bad.name = " 　";
  g_assert_false (rk_indicator_info_validate (&bad, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
  bad = info, bad.factor = 0;
  g_assert_false (rk_indicator_info_validate (&bad, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
  bad = info, bad.target_period = "2027Q1";
  g_assert_false (rk_indicator_info_validate (&bad, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_clear_error (&error);
  bad = info, bad.target_period = "2020";
  g_assert_false (rk_indicator_info_validate (&bad, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_clear_error (&error);
  bad = info, bad.target_value = 130;
  g_assert_false (rk_indicator_info_validate (&bad, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_OVER_100);
  g_clear_error (&error);
  bad = info, bad.baseline_period = NULL;
  g_assert_false (rk_indicator_info_validate (&bad, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_clear_error (&error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* On track */

static void
test_on_track (void)
{
  /* Higher is better: 18.0 % (令和4年度) → 25.0 % (令和9年度); by 令和6年度 2/5 of the way: 20.8 expected. */
  RkIndicatorInfo up = {
    .name = "自宅死の割合", .unit = "%", .higher_is_better = TRUE, .frequency = RK_FREQUENCY_YEAR,
    .has_baseline = TRUE, .baseline_value = 18, .baseline_period = "2022",
    .has_target = TRUE, .target_value = 25, .target_period = "2027",
  };
  /* Lower is better: 40 分 (令和5年度) → 30 分 (令和8年度); by 令和6年度 36.7 expected. */
  RkIndicatorInfo down = {
    .name = "現場滞在時間", .unit = "分", .higher_is_better = FALSE, .frequency = RK_FREQUENCY_YEAR,
    .has_baseline = TRUE, .baseline_value = 40, .baseline_period = "2023",
    .has_target = TRUE, .target_value = 30, .target_period = "2026",
  };
  RkIndicatorInfo no_target = up;
  RkIndicatorInfo no_baseline = up;

  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 21, "2024"), ==, RK_INDICATOR_STATUS_ON_TRACK);
  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 20.8, "2024"), ==, RK_INDICATOR_STATUS_ON_TRACK);
  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 20, "2024"), ==, RK_INDICATOR_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 17, "2023"), ==, RK_INDICATOR_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 26, "2023"), ==, RK_INDICATOR_STATUS_ON_TRACK);
  /* The target period came and the target was not reached. */
  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 24.9, "2027"), ==,
                   RK_INDICATOR_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (rk_indicator_info_evaluate (&up, 0, NULL, 25, "2027"), ==, RK_INDICATOR_STATUS_ON_TRACK);

  g_assert_cmpint (rk_indicator_info_evaluate (&down, 0, NULL, 36, "2024"), ==, RK_INDICATOR_STATUS_ON_TRACK);
  g_assert_cmpint (rk_indicator_info_evaluate (&down, 0, NULL, 38, "2024"), ==,
                   RK_INDICATOR_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (rk_indicator_info_evaluate (&down, 0, NULL, 29, "2024"), ==, RK_INDICATOR_STATUS_ON_TRACK);
  g_assert_cmpint (rk_indicator_info_evaluate (&down, 0, NULL, 31, "2026"), ==,
                   RK_INDICATOR_STATUS_NEEDS_ATTENTION);

  no_target.has_target = FALSE;
  g_assert_cmpint (rk_indicator_info_evaluate (&no_target, 0, NULL, 99, "2024"), ==, RK_INDICATOR_STATUS_NONE);

  /* Without a baseline the first measurement is the start. */
  no_baseline.has_baseline = FALSE;
  g_assert_cmpint (rk_indicator_info_evaluate (&no_baseline, 20, "2022", 20, "2022"), ==, RK_INDICATOR_STATUS_NONE);
  g_assert_cmpint (rk_indicator_info_evaluate (&no_baseline, 20, "2022", 22.5, "2024"), ==,
                   RK_INDICATOR_STATUS_ON_TRACK);
  g_assert_cmpint (rk_indicator_info_evaluate (&no_baseline, 20, "2022", 21, "2024"), ==,
                   RK_INDICATOR_STATUS_NEEDS_ATTENTION);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The store */

static const RkIndicatorInfo home_death = {
  .catalog_code = "C2", .name = "自宅死の割合", .group = "end-of-life", .unit = "%",
  .unit_kind = RK_UNIT_KIND_RATIO, .is_ratio = TRUE, .numerator_label = "自宅での死亡数",
  .denominator_label = "死亡数", .factor = 100, .higher_is_better = TRUE, .data_source = "人口動態統計",
  .frequency = RK_FREQUENCY_YEAR, .has_baseline = TRUE, .baseline_value = 18, .baseline_period = "2022",
  .has_target = TRUE, .target_value = 25, .target_period = "2027", .notes = "",
};

static const RkIndicatorInfo stay_time = {
  .name = "現場滞在時間(平均)", .unit = "分", .unit_kind = RK_UNIT_KIND_TIME, .factor = 1,
  .higher_is_better = FALSE, .data_source = "消防本部 救急活動記録", .frequency = RK_FREQUENCY_QUARTER,
  .has_target = TRUE, .target_value = 30, .target_period = "2026Q4",
};

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
set_parts (RkStore      *store,
           RkIndicator  *indicator,
           const char   *period,
           double        numerator,
           double        denominator,
           RkValueMode   mode,
           GError      **error)
{
  RkIndicatorValueInfo info = { .period = period, .has_parts = TRUE, .numerator = numerator,
                                .denominator = denominator, .note = "" };

  rk_store_set_indicator_value (store, indicator, &info, mode, error);
}

static void
test_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("store", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkIndicator) ratio = NULL;
  g_autoptr(RkIndicator) time = NULL;
  g_autoptr(RkIndicator) reloaded = NULL;
  g_autofree char *definition = NULL;
  RkIndicatorInfo info;
  RkIndicatorValueInfo direct = { .period = "2025Q1", .value = 42.5, .note = "速報値" };
  const RkIndicatorValue *value;
  GListModel *list;
  guint notified = 0;

  ratio = rk_store_add_indicator (store, &home_death, &error);
  g_assert_no_error (error);
  time = rk_store_add_indicator (store, &stay_time, &error);
  g_assert_no_error (error);
  list = rk_store_get_indicators (store);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  definition = rk_indicator_describe_definition (ratio);
  g_assert_cmpstr (definition, ==, "自宅での死亡数 / 死亡数 × 100");

  g_signal_connect (ratio, "notify::n-values", G_CALLBACK (count_notify), &notified);
  set_parts (store, ratio, "2023", 182, 1000, RK_VALUE_ADD, &error);
  g_assert_no_error (error);
  set_parts (store, ratio, "2024", 195, 1000, RK_VALUE_ADD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 2);
  value = rk_indicator_get_value (ratio, 0);
  g_assert_cmpstr (value->period, ==, "2023");
  g_assert_cmpfloat_with_epsilon (value->value, 18.2, 1e-9);
  g_assert_true (value->has_parts);
  g_assert_cmpfloat (value->denominator, ==, 1000);
  /* 19.5 in 令和6年度 against 20.8 expected: behind. */
  g_assert_cmpint (rk_indicator_get_status (ratio), ==, RK_INDICATOR_STATUS_NEEDS_ATTENTION);

  /* A "new" measurement for a period already recorded is refused; setting it updates. */
  set_parts (store, ratio, "2024", 220, 1000, RK_VALUE_ADD, &error);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "令和6年度"));
  g_clear_error (&error);
  set_parts (store, ratio, "2024", 220, 1000, RK_VALUE_SET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 2);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (ratio, "2024")->value, 22.0, 1e-9);
  g_assert_cmpint (rk_indicator_get_status (ratio), ==, RK_INDICATOR_STATUS_ON_TRACK);

  /* Bad input: nothing written. */
  set_parts (store, ratio, "2025", 5, 0, RK_VALUE_SET, &error);
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_ZERO_DENOMINATOR);
  g_clear_error (&error);
  set_parts (store, ratio, "2025", 1200, 1000, RK_VALUE_SET, &error);
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_OVER_100);
  g_clear_error (&error);
  set_parts (store, ratio, "2025Q1", 1, 10, RK_VALUE_SET, &error);
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_clear_error (&error);
  set_parts (store, time, "2025Q1", 1, 10, RK_VALUE_SET, &error);
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 2);
  g_assert_cmpuint (rk_indicator_get_n_values (time), ==, 0);

  /* A direct value, period written loosely and stored canonically. */
  direct.period = "2025q1";
  g_assert_true (rk_store_set_indicator_value (store, time, &direct, RK_VALUE_ADD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_indicator_get_value (time, 0)->period, ==, "2025Q1");
  g_assert_cmpstr (rk_indicator_get_value (time, 0)->note, ==, "速報値");
  g_assert_false (rk_indicator_get_value (time, 0)->has_parts);

  /* The frequency cannot change under recorded periods. */
  rk_indicator_get_info (time, &info);
  info.frequency = RK_FREQUENCY_MONTH;
  info.target_period = "2027-03";
  g_assert_false (rk_store_update_indicator (store, time, &info, &error));
  g_assert_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  g_clear_error (&error);

  rk_indicator_get_info (ratio, &info);
  info.data_source = "人口動態統計(保健所)";
  info.target_value = 26;
  g_assert_true (rk_store_update_indicator (store, ratio, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_indicator_get_data_source (ratio), ==, "人口動態統計(保健所)");

  g_assert_true (rk_store_remove_indicator_value (store, time, "2025Q1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_indicator_get_n_values (time), ==, 0);
  g_assert_false (rk_store_remove_indicator_value (store, time, "2025Q1", &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The bin and back; a removed catalog indicator can be chosen anew only once it is gone. */
  g_assert_true (rk_store_remove_indicator (store, ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_null (rk_store_lookup_indicator (store, "C2"));
  g_assert_true (rk_store_restore_indicator (store, ratio, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (rk_store_lookup_indicator (store, "C2") == ratio);
  g_assert_true (rk_store_lookup_indicator (store, " 現場滞在時間(平均) ") == time);
  g_assert_true (g_list_model_get_item (list, 0) == (gpointer) ratio);
  g_object_unref (ratio);

  g_signal_handlers_disconnect_by_func (ratio, count_notify, &notified);
  reopen (&store, path);
  list = rk_store_get_indicators (store);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  reloaded = g_list_model_get_item (list, 0);
  g_assert_cmpstr (rk_indicator_get_catalog_code (reloaded), ==, "C2");
  g_assert_cmpstr (rk_indicator_get_data_source (reloaded), ==, "人口動態統計(保健所)");
  g_assert_cmpfloat (rk_indicator_get_target_value (reloaded), ==, 26);
  g_assert_cmpstr (rk_indicator_get_baseline_period (reloaded), ==, "2022");
  g_assert_true (rk_indicator_get_is_ratio (reloaded));
  g_assert_cmpuint (rk_indicator_get_n_values (reloaded), ==, 2);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (reloaded, "2024")->numerator, 220, 1e-9);
  g_clear_object (&reloaded);
  reloaded = g_list_model_get_item (list, 1);
  g_assert_false (rk_indicator_get_higher_is_better (reloaded));
  g_assert_cmpint (rk_indicator_get_frequency (reloaded), ==, RK_FREQUENCY_QUARTER);
  g_assert_false (rk_indicator_get_has_baseline (reloaded));
}

/* ------------------------------------------------------------------------------------------------------------ */
/* CSV */

static RkStore *
csv_store (RkIndicator **ratio,
           RkIndicator **time)
{
  g_autoptr(GError) error = NULL;
  RkStore *store = new_store ("csv", NULL);

  *ratio = rk_store_add_indicator (store, &home_death, &error);
  g_assert_no_error (error);
  *time = rk_store_add_indicator (store, &stay_time, &error);
  g_assert_no_error (error);
  return store;
}

static RkIndicatorImport *
read_csv (RkStore     *store,
          const char  *text,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rk_store_read_indicator_csv (store, bytes, error);
}

static void
test_csv_good (void)
{
  g_autoptr(RkIndicator) ratio = NULL;
  g_autoptr(RkIndicator) time = NULL;
  g_autoptr(RkStore) store = csv_store (&ratio, &time);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkIndicatorImport) import = NULL;
  g_autoptr(RkIndicatorImport) again = NULL;
  g_autoptr(GBytes) cp932 = NULL;
  const char *cp932_text = "指標コード,期間,分子,分母\r\nC2,2023,190,1000\r\nC2,2025,250,1000\r\n";
  const char *text =
    "\xEF\xBB\xBF" "指標コード,指標名,期間,値,分子,分母,備考\r\n"
    "C2,,2023,,182,1000,人口動態統計\r\n"
    "C2,,2024,19.5,,,公表値\r\n"
    ",現場滞在時間(平均),2025Q1,\"1,042\",,,\r\n"
    ",,,,,,\r\n"
    ",現場滞在時間(平均),2025q2,38.5,,,\"注記, 改行\n付き\"\r\n";

  import = read_csv (store, text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_indicator_import_get_encoding (import), ==, RK_CSV_ENCODING_UTF8);
  g_assert_cmpuint (rk_indicator_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (rk_indicator_import_get_n_good (import), ==, 4);
  g_assert_cmpuint (rk_indicator_import_get_n_replacing (import), ==, 0);
  /* Nothing is written before the import is applied. */
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 0);

  g_assert_true (rk_store_apply_indicator_import (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 2);
  g_assert_cmpuint (rk_indicator_get_n_values (time), ==, 2);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (ratio, "2023")->value, 18.2, 1e-9);
  g_assert_cmpstr (rk_indicator_lookup_value (ratio, "2023")->note, ==, "人口動態統計");
  g_assert_false (rk_indicator_lookup_value (ratio, "2024")->has_parts);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (time, "2025Q1")->value, 1042, 1e-9);
  g_assert_cmpstr (rk_indicator_lookup_value (time, "2025Q2")->note, ==, "注記, 改行\n付き");

  /* The same file in CP932: every row now replaces a recorded one. */
  cp932 = rk_csv_encode (cp932_text, strlen (cp932_text), RK_CSV_ENCODING_CP932, NULL, &error);
  g_assert_no_error (error);
  again = rk_store_read_indicator_csv (store, cp932, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_indicator_import_get_encoding (again), ==, RK_CSV_ENCODING_CP932);
  g_assert_cmpuint (rk_indicator_import_get_n_good (again), ==, 2);
  g_assert_cmpuint (rk_indicator_import_get_n_replacing (again), ==, 1);
  g_assert_true (rk_store_apply_indicator_import (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 3);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (ratio, "2023")->value, 19.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (ratio, "2025")->value, 25.0, 1e-9);
}

static void
test_csv_bad (void)
{
  g_autoptr(RkIndicator) ratio = NULL;
  g_autoptr(RkIndicator) time = NULL;
  g_autoptr(RkStore) store = csv_store (&ratio, &time);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkIndicatorImport) import = NULL;
  g_autoptr(RkIndicatorImport) header = NULL;
  static const struct { guint line; RkIndicatorError code; const char *needle; } expected[] = {
    { 3, 0, "X9" },                                       /* unknown indicator code */
    { 4, 0, "2025Q1" },                                   /* a quarter for a 年度 indicator */
    { 5, RK_INDICATOR_ERROR_NUMBER, "十二" },             /* text in a number field */
    { 6, RK_INDICATOR_ERROR_ZERO_DENOMINATOR, NULL },     /* zero denominator */
    { 7, RK_INDICATOR_ERROR_OVER_100, "100" },            /* ratio above 100 % */
    { 8, 0, "line 2" },                                   /* the period again, first on line 2 */
    { 9, 0, "どこにもない指標" },                         /* unknown name */
  };
  const char *text =
    "指標コード,指標名,期間,値,分子,分母,備考\n"
    "C2,,2023,,182,1000,\n"          /* 2: good */
    "X9,,2023,10,,,\n"               /* 3 */
    "C2,,2025Q1,,1,10,\n"            /* 4 */
    ",現場滞在時間(平均),2025Q1,十二,,,\n" /* 5 */
    "C2,,2024,,5,0,\n"               /* 6 */
    "C2,,2025,,1200,1000,\n"         /* 7 */
    "C2,,2023,,190,1000,\n"          /* 8 */
    ",どこにもない指標,2023,1,,,\n"   /* 9 */
    ",現場滞在時間(平均),2025Q3,40,,,\n"; /* 10: good */

  import = read_csv (store, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_indicator_import_get_n_good (import), ==, 2);
  g_assert_cmpuint (rk_indicator_import_get_n_problems (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const RkIndicatorImportProblem *problem = rk_indicator_import_get_problem (import, i);

      g_test_message ("line %u: %s", problem->line, problem->message);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_true (problem->message != NULL && *problem->message != '\0');
      if (expected[i].needle != NULL)
        g_assert_nonnull (strstr (problem->message, expected[i].needle));
    }

  /* All or nothing: an indicator removed since the file was read fails the whole import. */
  g_assert_true (rk_store_remove_indicator (store, time, &error));
  g_assert_no_error (error);
  g_assert_false (rk_store_apply_indicator_import (store, import, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 0);
  g_assert_cmpuint (rk_indicator_get_n_values (time), ==, 0);
  g_assert_true (rk_store_restore_indicator (store, time, &error));
  g_assert_no_error (error);

  /* Then the good rows only. */
  g_assert_true (rk_store_apply_indicator_import (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_indicator_get_n_values (ratio), ==, 1);
  g_assert_cmpuint (rk_indicator_get_n_values (time), ==, 1);

  /* The file as a whole. */
  header = read_csv (store, "指標コード,値\nC2,1\n", &error);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER);
  g_assert_null (header);
  g_clear_error (&error);
  header = read_csv (store, "指標コード,期間,期間,値\nC2,2023,2023,1\n", &error);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER);
  g_assert_null (header);
  g_clear_error (&error);
  header = read_csv (store, "", &error);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_EMPTY);
  g_assert_null (header);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-test-indicators-XXXXXX", NULL);

  g_test_add_func ("/indicators/catalog", test_catalog_indicators);
  g_test_add_func ("/indicators/periods", test_periods);
  g_test_add_func ("/indicators/numbers", test_numbers);
  g_test_add_func ("/indicators/validate", test_validate);
  g_test_add_func ("/indicators/on-track", test_on_track);
  g_test_add_func ("/indicators/store", test_store);
  g_test_add_func ("/indicators/csv-good", test_csv_good);
  g_test_add_func ("/indicators/csv-bad", test_csv_bad);

  return rk_test_core_run ();
}

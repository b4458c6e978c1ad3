/* test-catalog.c — every catalog counted and spot-checked against DOMAIN.md, and every catalog file validated
 * against data/catalog/catalog.rng. */
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "rk-catalog.h"

#define RESOURCE_DIR "/io/github/renkei/Renkei/catalog/"

static const char * const catalog_files[] = {
  "member-types.xml",
  "schedule-templates.xml",
  "selfcheck.xml",
  "indicators.xml",
  "rule-kinds.xml",
  "tips.xml",
};

/* ---- helpers ---- */

static char *
catalog_dir (void)
{
  const char *schema_dir = g_getenv ("RK_SCHEMA_DIR");

  g_assert_nonnull (schema_dir);
  return g_build_filename (schema_dir, "catalog", NULL);
}

/* The seed text uses Kangxi radicals (⼿), CJK radical supplements (⺠) and compatibility ideographs; a catalog
 * string must use the ordinary kanji. */
static void
assert_ordinary_text (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF))
        g_error ("\"%s\" contains U+%04X, a radical or compatibility code point", text, c);
    }
}

/* Every string property of every item, recursively through list properties, is ordinary text. */
static void
assert_model_text (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      guint n_props;
      g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_props);

      for (guint p = 0; p < n_props; p++)
        {
          GType type = G_PARAM_SPEC_VALUE_TYPE (props[p]);

          if (type == G_TYPE_STRING)
            {
              g_autofree char *text = NULL;

              g_object_get (item, props[p]->name, &text, NULL);
              g_assert_nonnull (text);
              assert_ordinary_text (text);
            }
          else if (type == G_TYPE_STRV)
            {
              g_auto(GStrv) texts = NULL;

              g_object_get (item, props[p]->name, &texts, NULL);
              g_assert_nonnull (texts);
              for (guint t = 0; texts[t] != NULL; t++)
                assert_ordinary_text (texts[t]);
            }
          else if (type == G_TYPE_LIST_MODEL)
            {
              g_autoptr(GListModel) child = NULL;

              g_object_get (item, props[p]->name, &child, NULL);
              g_assert_nonnull (child);
              assert_model_text (child);
            }
        }
    }
}

static gpointer
get_default_in_thread (gpointer data)
{
  return rk_catalog_get_default ();
}

/* ---- loading ---- */

static void
test_load_threads (void)
{
  GThread *threads[8];
  RkCatalog *first = NULL;

  /* Runs first, so the catalogs are loaded while several threads race for them. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("catalog", get_default_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      RkCatalog *catalog = g_thread_join (threads[i]);

      g_assert_true (RK_IS_CATALOG (catalog));
      if (first == NULL)
        first = catalog;
      g_assert_true (catalog == first);
    }
  g_assert_true (rk_catalog_get_default () == first);
}

static void
test_all_text_ordinary (void)
{
  RkCatalog *catalog = rk_catalog_get_default ();

  assert_model_text (rk_catalog_get_member_types (catalog));
  assert_model_text (rk_catalog_get_lead_organisations (catalog));
  assert_model_text (rk_catalog_get_schedule_templates (catalog));
  assert_model_text (rk_catalog_get_check_questions (catalog));
  assert_model_text (rk_catalog_get_support_wanted (catalog));
  assert_model_text (rk_catalog_get_support_received (catalog));
  assert_model_text (rk_catalog_get_prefecture_roles (catalog));
  assert_model_text (rk_catalog_get_indicators (catalog));
  assert_model_text (rk_catalog_get_rule_kinds (catalog));
  assert_model_text (rk_catalog_get_rule_areas (catalog));
  assert_model_text (rk_catalog_get_cases (catalog));
  assert_model_text (rk_catalog_get_tips (catalog));
}

/* ---- member types ---- */

static void
test_member_types (void)
{
  static const struct { const char *name; double participation; } expected[] = {
    { "都道府県", 25.3 }, { "市町村", 88.8 }, { "保健所", 61.0 }, { "消防機関", 22.1 }, { "医師会", 73.1 },
    { "歯科医師会", 40.2 }, { "薬剤師会", 43.4 }, { "看護協会", 13.7 },
    { "訪問看護ステーション連絡会・協議会・連絡協議会", 27.7 }, { "介護支援専門員協会", 56.2 },
    { "医療機関", 74.7 }, { "訪問看護ステーション", 36.1 }, { "地域包括支援センター", 75.5 },
    { "民生委員児童委員協議会", 2.4 }, { "社会福祉協議会", 19.3 }, { "町会・自治会連合会", 2.0 },
    { "医療情報ネットワーク運営組織", 3.2 }, { "学識経験者", 5.2 }, { "法律専門家", 0.4 }, { "その他", 38.6 },
  };
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *types = rk_catalog_get_member_types (catalog);
  RkMemberType *type;
  double participation = 0.0;
  g_autofree char *name = NULL;

  g_assert_true (g_list_model_get_item_type (types) == RK_TYPE_MEMBER_TYPE);
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 20);
  g_assert_cmpuint (rk_catalog_get_member_type_survey_n (catalog), ==, 249);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RkMemberType) item = g_list_model_get_item (types, i);

      g_assert_cmpuint (rk_member_type_get_number (item), ==, i + 1);
      g_assert_cmpstr (rk_member_type_get_name (item), ==, expected[i].name);
      g_assert_cmpfloat_with_epsilon (rk_member_type_get_participation (item), expected[i].participation, 1e-9);
      g_assert_true (rk_catalog_lookup_member_type (catalog, i + 1) == item);
    }

  type = rk_catalog_lookup_member_type (catalog, 4);
  g_assert_cmpstr (rk_member_type_get_name (type), ==, "消防機関");
  g_assert_cmpfloat_with_epsilon (rk_member_type_get_participation (type), 22.1, 1e-9);
  g_assert_cmpstr (rk_member_type_get_survey_label (type), ==, "消防機関");
  g_assert_cmpstr (rk_member_type_get_note (type), ==, "");

  type = rk_catalog_lookup_member_type (catalog, 2);
  g_assert_cmpstr (rk_member_type_get_name (type), ==, "市町村");
  g_assert_cmpstr (rk_member_type_get_survey_label (type), ==, "市区町村");
  g_assert_cmpfloat_with_epsilon (rk_member_type_get_participation (type), 88.8, 1e-9);

  type = rk_catalog_lookup_member_type (catalog, 19);
  g_assert_cmpstr (rk_member_type_get_name (type), ==, "法律専門家");
  g_assert_cmpfloat_with_epsilon (rk_member_type_get_participation (type), 0.4, 1e-9);
  g_assert_nonnull (strstr (rk_member_type_get_note (type), "DNARの意思表示等の扱いについて意見"));
  g_assert_nonnull (strstr (rk_member_type_get_note (type), "都道府県等において設置する会議体"));

  /* What widgets bind to is what the getters say. */
  g_object_get (type, "participation", &participation, "name", &name, NULL);
  g_assert_cmpfloat_with_epsilon (participation, 0.4, 1e-9);
  g_assert_cmpstr (name, ==, "法律専門家");

  g_assert_null (rk_catalog_lookup_member_type (catalog, 0));
  g_assert_null (rk_catalog_lookup_member_type (catalog, 21));
  g_assert_cmpfloat_with_epsilon (rk_catalog_get_member_type_no_answer (catalog), 1.6, 1e-9);
}

static void
test_lead_organisations (void)
{
  static const struct { const char *label; double share; } expected[] = {
    { "市区町村", 35.3 }, { "都道府県", 19.3 }, { "医師会", 18.1 }, { "消防機関", 3.6 }, { "医療機関", 2.4 },
    { "救急医療機関", 0.4 }, { "その他", 20.1 },
  };
  GListModel *leads = rk_catalog_get_lead_organisations (rk_catalog_get_default ());

  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RkSurveyShare) share = g_list_model_get_item (leads, i);

      g_assert_cmpstr (rk_survey_share_get_label (share), ==, expected[i].label);
      g_assert_cmpfloat_with_epsilon (rk_survey_share_get_share (share), expected[i].share, 1e-9);
    }
}

/* ---- schedule templates ---- */

static void
test_step_titles (void)
{
  static const char * const titles[] = {
    "事業設計",
    "支援者（医療・介護専門職）の合意形成と課題の抽出",
    "関係者の組織化・課題抽出・対応策・具体的な事業の検討",
    "地域住民への周知啓発・勉強会等の開催",
    "具体的な連携ルール作り",
    "連携ルールの運用と運用状況の把握",
  };
  RkCatalog *catalog = rk_catalog_get_default ();

  g_assert_cmpuint (rk_catalog_get_n_steps (catalog), ==, 6);
  for (guint step = 1; step <= 6; step++)
    g_assert_cmpstr (rk_catalog_get_step_title (catalog, step), ==, titles[step - 1]);
}

static void
assert_template_codes (RkScheduleTemplate  *template,
                       const char * const  *codes,
                       guint                n_codes)
{
  GListModel *items = rk_schedule_template_get_items (template);
  guint months = rk_schedule_template_get_years (template) * 12;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_codes);
  for (guint i = 0; i < n_codes; i++)
    {
      g_autoptr(RkTemplateItem) item = g_list_model_get_item (items, i);
      const char *code = rk_template_item_get_code (item);

      g_assert_cmpstr (code, ==, codes[i]);
      /* The code's first digit is its STEP. */
      g_assert_cmpuint (rk_template_item_get_step (item), ==, (guint) (code[0] - '0'));
      g_assert_cmpstr (rk_template_item_get_title (item), !=, "");
      g_assert_cmpuint (rk_template_item_get_duration_months (item), >=, 1);
      g_assert_cmpuint (rk_template_item_get_start_month (item) + rk_template_item_get_duration_months (item),
                        <=, months);
      g_assert_true (rk_schedule_template_lookup_item (template, code) == item);
    }
  g_assert_null (rk_schedule_template_lookup_item (template, "9-9"));
}

static void
test_three_year_template (void)
{
  static const char * const codes[] = {
    "1-1", "1-2", "2-1", "2-2", "2-3", "3-1", "3-2", "4-1", "4-2", "5-1", "5-2", "5-3", "6-1", "6-2",
  };
  static const char * const titles[] = {
    "情報共有と事業設計", "情報収集、研修・学会等への参加", "支援者勉強会用資料・アンケート作成",
    "関係機関への説明と協力依頼、聞き取り等", "全包括全地区ACP勉強会の開催", "中核となる関係者打合せ",
    "定期研究会の開催", "ACPに関する勉強会", "市民啓発講演会等の開催", "三師会・消防・警察・行政との協議・研修会の開催",
    "連携ルール完成", "関係機関・住民への周知啓発", "運用状況確認アンケート", "検証、見直し",
  };
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *templates = rk_catalog_get_schedule_templates (catalog);
  RkScheduleTemplate *template = rk_catalog_lookup_schedule_template (catalog, "three-year");
  GListModel *items;
  RkTemplateItem *item;

  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 2);
  g_assert_nonnull (template);
  g_assert_cmpuint (rk_schedule_template_get_years (template), ==, 3);
  assert_template_codes (template, codes, G_N_ELEMENTS (codes));

  items = rk_schedule_template_get_items (template);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(RkTemplateItem) it = g_list_model_get_item (items, i);

      g_assert_cmpstr (rk_template_item_get_title (it), ==, titles[i]);
      /* The canonical template's items carry the app's STEP titles. */
      g_assert_cmpstr (rk_template_item_get_step_title (it), ==,
                       rk_catalog_get_step_title (catalog, rk_template_item_get_step (it)));
    }

  /* 1-1: year 1, August to November, counted from 1 April. */
  item = rk_schedule_template_lookup_item (template, "1-1");
  g_assert_cmpuint (rk_template_item_get_start_month (item), ==, 4);
  g_assert_cmpuint (rk_template_item_get_duration_months (item), ==, 4);
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "研究会立ち上げの了承"));
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "広域消防局"));

  item = rk_schedule_template_lookup_item (template, "1-2");
  g_assert_cmpuint (rk_template_item_get_start_month (item), ==, 6); /* October */
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "在宅医療・救急医療連携セミナー"));

  item = rk_schedule_template_lookup_item (template, "2-2");
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "薬剤師会・歯科医師会"));

  item = rk_schedule_template_lookup_item (template, "2-3");
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "参加者へ開催前後のアンケート調査"));
  g_assert_cmpuint (rk_template_item_get_start_month (item) + rk_template_item_get_duration_months (item), <=, 12);

  item = rk_schedule_template_lookup_item (template, "3-2");
  g_assert_cmpstr (rk_template_item_get_cadence (item), ==, "2か月に1回程度開催");

  item = rk_schedule_template_lookup_item (template, "4-2");
  g_assert_cmpstr (rk_template_item_get_cadence (item), ==, "年度1回");

  item = rk_schedule_template_lookup_item (template, "5-2");
  g_assert_cmpuint (rk_template_item_get_start_month (item), ==, 12); /* year 2 */
  g_assert_cmpstr (rk_template_item_get_timing (item), ==, "2年目");

  item = rk_schedule_template_lookup_item (template, "6-1");
  g_assert_cmpuint (rk_template_item_get_start_month (item), ==, 24); /* year 3 */
}

static void
test_one_year_template (void)
{
  static const char * const codes[] = {
    "1-1", "1-2", "2-1", "2-2", "3-1", "3-2", "4-3", "4-4", "4-5", "4-6", "4-7", "5-1", "5-2",
  };
  RkCatalog *catalog = rk_catalog_get_default ();
  RkScheduleTemplate *template = rk_catalog_lookup_schedule_template (catalog, "one-year");
  RkTemplateItem *item;

  g_assert_nonnull (template);
  g_assert_cmpuint (rk_schedule_template_get_years (template), ==, 1);
  assert_template_codes (template, codes, G_N_ELEMENTS (codes));

  g_assert_cmpstr (rk_template_item_get_title (rk_schedule_template_lookup_item (template, "1-1")), ==, "データ収集");
  item = rk_schedule_template_lookup_item (template, "1-2");
  g_assert_cmpstr (rk_template_item_get_title (item), ==, "聞き取り調査");
  g_assert_cmpstr (rk_template_item_get_detail (item), ==, "医師会・消防・ケアマネ協会");
  g_assert_cmpstr (rk_template_item_get_title (rk_schedule_template_lookup_item (template, "2-1")), ==,
                   "キーマン小規模MTG");
  item = rk_schedule_template_lookup_item (template, "3-2");
  g_assert_cmpstr (rk_template_item_get_title (item), ==, "現場レベルの会議");
  g_assert_nonnull (strstr (rk_template_item_get_cadence (item), "月1回"));
  item = rk_schedule_template_lookup_item (template, "4-4");
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "ICT?紙?"));
  item = rk_schedule_template_lookup_item (template, "4-5");
  g_assert_cmpstr (rk_template_item_get_title (item), ==, "作業ワーキング");
  g_assert_nonnull (strstr (rk_template_item_get_detail (item), "患者情報"));
  item = rk_schedule_template_lookup_item (template, "5-2");
  g_assert_cmpstr (rk_template_item_get_title (item), ==, "効果検証");
  g_assert_cmpstr (rk_template_item_get_step_title (item), ==, "連携ルールの運用と運用状況の把握");

  g_assert_nonnull (strstr (rk_schedule_template_get_notes (template), "開催回数は必要に応じ設定"));
  g_assert_nonnull (strstr (rk_schedule_template_get_notes (template), "オブザーバーや参考人"));

  g_assert_null (rk_catalog_lookup_schedule_template (catalog, "five-year"));
}

/* ---- self-check ---- */

static guint
count_options (RkCheckQuestion *question,
               const char      *letter)
{
  GListModel *options = rk_check_question_get_options (question);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(RkCheckOption) option = g_list_model_get_item (options, i);

      if (g_str_equal (rk_check_option_get_sub_question (option), letter))
        count++;
    }
  return count;
}

static RkCheckOption *
last_option (RkCheckQuestion *question)
{
  GListModel *options = rk_check_question_get_options (question);
  g_autoptr(RkCheckOption) option = g_list_model_get_item (options, g_list_model_get_n_items (options) - 1);

  return option; /* the question keeps its reference */
}

static void
test_selfcheck_questions (void)
{
  static const guint n_options[] = { 11, 44, 8, 7, 13, 7, 9 };
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *questions = rk_catalog_get_check_questions (catalog);
  g_autoptr(GRegex) code_pattern = g_regex_new ("^q[1-7][a-h]?[1-9][0-9]*$", 0, 0, NULL);
  RkCheckQuestion *q;

  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(RkCheckQuestion) question = g_list_model_get_item (questions, i);
      GListModel *options = rk_check_question_get_options (question);

      g_assert_cmpuint (rk_check_question_get_number (question), ==, i + 1);
      g_assert_true (rk_catalog_lookup_check_question (catalog, i + 1) == question);
      g_assert_cmpuint (g_list_model_get_n_items (options), ==, n_options[i]);

      for (guint j = 0; j < g_list_model_get_n_items (options); j++)
        {
          g_autoptr(RkCheckOption) option = g_list_model_get_item (options, j);
          const char *code = rk_check_option_get_code (option);
          const char *label = rk_check_option_get_label (option);
          g_autofree char *nfkc = g_utf8_normalize (label, -1, G_NORMALIZE_NFKC);

          g_assert_true (g_regex_match (code_pattern, code, 0, NULL));
          g_assert_cmpuint (rk_check_option_get_question (option), ==, i + 1);
          g_assert_true (rk_catalog_lookup_check_option (catalog, code) == option);
          /* Copied from the seed in NFKC, so no full-width ASCII or radicals are left in a label. */
          g_assert_cmpstr (label, ==, nfkc);
          if (rk_check_option_get_kind (option) == RK_CHECK_KIND_TEXT)
            g_assert_true (rk_check_option_get_has_text (option));
          if (g_str_equal (label, "その他"))
            g_assert_true (rk_check_option_get_has_text (option));
        }
    }
  g_assert_null (rk_catalog_lookup_check_question (catalog, 8));
  g_assert_null (rk_catalog_lookup_check_option (catalog, "q99"));

  /* 問1: はい/いいえ, then (a)(b)(c) only if はい. */
  q = rk_catalog_lookup_check_question (catalog, 1);
  g_assert_cmpstr (rk_check_question_get_text (q), ==,
                   "自治体、消防、医療機関、介護福祉施設等が在宅医療の課題点を議論するための会議体を設けている");
  g_assert_cmpstrv (rk_check_question_get_sub_questions (q), ((const char *[]) { "a", "b", "c", NULL }));
  g_assert_cmpstr (rk_check_question_get_sub_question_text (q, "b"), ==, "参加機関");
  g_assert_cmpstr (rk_check_question_get_sub_question_condition (q, "a"), ==, "q11");
  g_assert_null (rk_check_question_get_sub_question_text (q, "z"));
  g_assert_cmpuint (count_options (q, ""), ==, 2);
  g_assert_cmpuint (count_options (q, "b"), ==, 7);

  /* 問2: (a)…(h); (d) has seven options, (g)'s reasons only if (g) = はい. */
  q = rk_catalog_lookup_check_question (catalog, 2);
  g_assert_cmpstrv (rk_check_question_get_sub_questions (q),
                    ((const char *[]) { "a", "b", "c", "d", "e", "f", "g", "h", NULL }));
  g_assert_cmpuint (count_options (q, "a"), ==, 9);
  g_assert_cmpuint (count_options (q, "b"), ==, 7);
  g_assert_cmpuint (count_options (q, "d"), ==, 7);
  g_assert_cmpuint (count_options (q, "e"), ==, 2);
  g_assert_cmpuint (count_options (q, "g"), ==, 6);
  g_assert_cmpuint (count_options (q, "h"), ==, 5);
  g_assert_nonnull (strstr (rk_check_question_get_sub_question_note (q, "c"), "救急医療情報キット"));
  g_assert_cmpstr (rk_check_question_get_sub_question_condition (q, "h"), ==, "q21");

  /* 問3: six EHR/PHR/SNS variants, その他, 特に検討していない. */
  q = rk_catalog_lookup_check_question (catalog, 3);
  g_assert_nonnull (strstr (rk_check_question_get_note (q), "※施設"));
  g_assert_cmpstr (rk_check_option_get_label (last_option (q)), ==, "特に検討していない");
  g_assert_true (rk_check_option_get_exclusive (last_option (q)));

  /* 問4: grouped under the guide's headings. */
  q = rk_catalog_lookup_check_question (catalog, 4);
  g_assert_cmpstr (rk_check_question_get_text (q), ==, "多機関連携に関して、都道府県へ期待する支援");

  /* 問5: thirteen options ending with 特に検討していない. */
  q = rk_catalog_lookup_check_question (catalog, 5);
  g_assert_cmpuint (g_list_model_get_n_items (rk_check_question_get_options (q)), ==, 13);
  g_assert_cmpstr (rk_check_option_get_code (last_option (q)), ==, "q513");
  g_assert_cmpstr (rk_check_option_get_label (last_option (q)), ==, "特に検討していない");
  g_assert_true (rk_check_option_get_exclusive (last_option (q)));

  /* 問6 and 問7 (nine options ending with 特に進めていない). */
  q = rk_catalog_lookup_check_question (catalog, 6);
  g_assert_cmpstr (rk_check_question_get_text (q), ==, "ACP(アドバンス・ケア・プランニング)について取り組みを進めている機関");
  q = rk_catalog_lookup_check_question (catalog, 7);
  g_assert_cmpuint (g_list_model_get_n_items (rk_check_question_get_options (q)), ==, 9);
  g_assert_cmpstr (rk_check_option_get_label (last_option (q)), ==, "特に進めていない");
}

static void
test_selfcheck_options (void)
{
  RkCatalog *catalog = rk_catalog_get_default ();
  RkCheckOption *option;
  RkCheckKind kind;
  g_autofree char *condition = NULL;

  option = rk_catalog_lookup_check_option (catalog, "q11");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "はい");
  g_assert_cmpint (rk_check_option_get_kind (option), ==, RK_CHECK_KIND_YES_NO);
  g_assert_cmpstr (rk_check_option_get_condition (option), ==, "");

  option = rk_catalog_lookup_check_option (catalog, "q1a1");
  g_assert_cmpint (rk_check_option_get_kind (option), ==, RK_CHECK_KIND_TEXT);
  g_assert_cmpstr (rk_check_option_get_sub_question (option), ==, "a");
  g_assert_cmpstr (rk_check_option_get_condition (option), ==, "q11"); /* only if 問1 = はい */

  option = rk_catalog_lookup_check_option (catalog, "q1b1");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "自治体");
  g_assert_true (rk_check_option_get_has_text (option));
  g_assert_cmpstr (rk_check_option_get_text_label (option), ==, "部署名");
  g_assert_cmpint (rk_check_option_get_kind (option), ==, RK_CHECK_KIND_CHECKBOX);

  option = rk_catalog_lookup_check_option (catalog, "q2a8");
  g_assert_cmpstr (rk_check_option_get_label (option), ==,
                   "病院、救急、介護福祉施設、診療所等(かかりつけ医/在宅医との連携医体制)");

  option = rk_catalog_lookup_check_option (catalog, "q2c1");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "ある");
  g_assert_cmpint (rk_check_option_get_kind (option), ==, RK_CHECK_KIND_RADIO);
  option = rk_catalog_lookup_check_option (catalog, "q2c2");
  g_assert_cmpstr (rk_check_option_get_text_label (option), ==, "名称");
  g_assert_cmpstr (rk_check_option_get_condition (option), ==, "q2c1");

  option = rk_catalog_lookup_check_option (catalog, "q2d1");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "本人の基本情報※の確認方法");
  g_assert_nonnull (strstr (rk_check_option_get_note (option), "かかりつけ医療機関名、かかっている病気、緊急連絡先等"));
  option = rk_catalog_lookup_check_option (catalog, "q2d3");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "本人の基本情報や意思を確認するための情報ツールおよび使用方法");
  g_assert_cmpstr (rk_check_option_get_condition (option), ==, "q21");

  option = rk_catalog_lookup_check_option (catalog, "q2f1");
  g_assert_cmpstr (rk_check_option_get_text_label (option), ==, "理由");

  option = rk_catalog_lookup_check_option (catalog, "q2g4");
  g_assert_cmpstr (rk_check_option_get_condition (option), ==, "q2g1");
  g_assert_cmpstr (rk_check_option_get_label (option), ==,
                   "在宅療養の継続や避難所等への移送に際し、支援に支障があると予想される場合に備え、"
                   "あらかじめ支援の要請体制を整備している");

  option = rk_catalog_lookup_check_option (catalog, "q31");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "EHRによる情報連携(医療機関、下記の5施設※との連携を含む)");

  option = rk_catalog_lookup_check_option (catalog, "q43");
  g_assert_cmpstr (rk_check_option_get_group (option), ==, "【人材育成】");
  g_assert_true (g_str_has_prefix (rk_check_option_get_label (option),
                                   "市町村職員、相談窓口コーディネーターや委託事業者の事業担当職員を対象とした研修"));

  option = rk_catalog_lookup_check_option (catalog, "q54");
  g_assert_cmpstr (rk_check_option_get_label (option), ==,
                   "在宅主治医等との連携が取れない場合に備えた、在宅主治医のグループ制の導入"
                   "(主治医・副主治医あるいは在宅往診当番医など複数によるバックアップ等)");
  option = rk_catalog_lookup_check_option (catalog, "q57");
  g_assert_cmpstr (rk_check_option_get_label (option), ==, "在宅時の異常を判断して自動通報する「安否確認センサー」サービスの提供");
  option = rk_catalog_lookup_check_option (catalog, "q56");
  g_assert_nonnull (strstr (rk_check_option_get_note (option), "365日24時間体制"));

  option = rk_catalog_lookup_check_option (catalog, "q61");
  g_assert_cmpstr (rk_check_option_get_text_label (option), ==, "部署名");
  option = rk_catalog_lookup_check_option (catalog, "q77");
  g_assert_cmpstr (rk_check_option_get_label (option), ==,
                   "ACPに関する内容を含んだ「高齢者施設のための救急対応マニュアル」等を整備");

  g_object_get (rk_catalog_lookup_check_option (catalog, "q2g3"), "kind", &kind, "condition", &condition, NULL);
  g_assert_cmpint (kind, ==, RK_CHECK_KIND_CHECKBOX);
  g_assert_cmpstr (condition, ==, "q2g1");
  g_assert_cmpstr (rk_check_kind_to_string (RK_CHECK_KIND_YES_NO), ==, "yes-no");
}

static void
test_prefecture_support (void)
{
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *wanted = rk_catalog_get_support_wanted (catalog);
  GListModel *received = rk_catalog_get_support_received (catalog);
  GListModel *roles = rk_catalog_get_prefecture_roles (catalog);
  g_autoptr(RkSurveyShare) first_wanted = g_list_model_get_item (wanted, 0);
  g_autoptr(RkSurveyShare) first_received = g_list_model_get_item (received, 0);
  g_autoptr(RkPrefectureRole) sixth = NULL;
  double sum_wanted = 0.0;

  g_assert_cmpuint (rk_catalog_get_support_wanted_n (catalog), ==, 870);
  g_assert_cmpuint (rk_catalog_get_support_received_n (catalog), ==, 121);
  g_assert_cmpuint (g_list_model_get_n_items (wanted), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (received), ==, 9);

  g_assert_cmpstr (rk_survey_share_get_label (first_wanted), ==, "情報発信、必要なデータの提供及び分析・活用支援");
  g_assert_cmpfloat_with_epsilon (rk_survey_share_get_share (first_wanted), 66.1, 1e-9);
  g_assert_cmpstr (rk_survey_share_get_id (first_received), ==, "coordination");
  g_assert_cmpfloat_with_epsilon (rk_survey_share_get_share (first_received), 56.2, 1e-9);

  for (guint i = 0; i < g_list_model_get_n_items (wanted); i++)
    {
      g_autoptr(RkSurveyShare) share = g_list_model_get_item (wanted, i);

      sum_wanted += rk_survey_share_get_share (share);
    }
  /* 66.1+63.6+58.9+56.6+55.7+42.9+37.1+36.9+3.7+1.7 */
  g_assert_cmpfloat_with_epsilon (sum_wanted, 423.2, 1e-6);

  /* Every kind of support received is one that was asked about, under the same id and wording. */
  for (guint i = 0; i < g_list_model_get_n_items (received); i++)
    {
      g_autoptr(RkSurveyShare) got = g_list_model_get_item (received, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (wanted); j++)
        {
          g_autoptr(RkSurveyShare) want = g_list_model_get_item (wanted, j);

          if (g_str_equal (rk_survey_share_get_id (got), rk_survey_share_get_id (want)))
            {
              g_assert_cmpstr (rk_survey_share_get_label (got), ==, rk_survey_share_get_label (want));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 6);
  sixth = g_list_model_get_item (roles, 5);
  g_assert_cmpuint (rk_prefecture_role_get_number (sixth), ==, 6);
  g_assert_cmpstr (rk_prefecture_role_get_title (sixth), ==, "他の計画や取組との整合性の確認");
  g_assert_nonnull (strstr (rk_prefecture_role_get_detail (sixth), "消防法第35条の5"));
}

/* ---- indicators ---- */

static void
test_indicators (void)
{
  static const struct { const char *group; guint count; } groups[] = {
    { "transport", 4 }, { "tools", 5 }, { "end-of-life", 5 }, { "capacity", 4 }, { "fees", 12 },
  };
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *indicators = rk_catalog_get_indicators (catalog);
  guint n = g_list_model_get_n_items (indicators);
  guint without_share = 0;
  RkIndicatorDef *indicator = NULL;
  RkUnitKind unit_kind;

  g_assert_cmpuint (n, ==, 30);
  g_assert_cmpuint (rk_catalog_get_indicator_survey_n (catalog), ==, 88);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint count = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RkIndicatorDef) def = g_list_model_get_item (indicators, i);

          if (g_str_equal (rk_indicator_def_get_group (def), groups[g].group))
            count++;
        }
      g_assert_cmpuint (count, ==, groups[g].count);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkIndicatorDef) def = g_list_model_get_item (indicators, i);

      g_assert_true (rk_catalog_lookup_indicator (catalog, rk_indicator_def_get_code (def)) == def);
      g_assert_cmpstr (rk_indicator_def_get_group_title (def), !=, "");
      if (!rk_indicator_def_has_share (def))
        {
          g_assert_cmpfloat (rk_indicator_def_get_share (def), <, 0.0);
          without_share++;
        }
      if (g_str_equal (rk_indicator_def_get_name (def), "自宅死の割合の推移"))
        indicator = def;
    }
  g_assert_cmpuint (without_share, ==, 3); /* the three — of DOMAIN.md */

  g_assert_nonnull (indicator);
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 39.8, 1e-9);
  g_assert_cmpint (rk_indicator_def_get_unit_kind (indicator), ==, RK_UNIT_KIND_RATIO);
  g_assert_cmpstr (rk_indicator_def_get_group_title (indicator), ==, "患者数・在宅での看取り");
  g_assert_cmpstr (rk_indicator_def_get_perspective (indicator), ==, "連携実績指標");

  indicator = rk_catalog_lookup_indicator (catalog, "A1");
  g_assert_cmpstr (rk_indicator_def_get_name (indicator), ==, "ツールを活用した場合の救急搬送の際の現場滞在時間");
  g_assert_cmpint (rk_indicator_def_get_unit_kind (indicator), ==, RK_UNIT_KIND_TIME);
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 5.7, 1e-9);

  indicator = rk_catalog_lookup_indicator (catalog, "A3");
  g_assert_true (g_str_has_prefix (rk_indicator_def_get_name (indicator), "救急出動件数、搬送人員"));
  g_assert_false (rk_indicator_def_has_share (indicator));
  g_assert_cmpint (rk_indicator_def_get_unit_kind (indicator), ==, RK_UNIT_KIND_COUNT);

  indicator = rk_catalog_lookup_indicator (catalog, "B1");
  g_assert_cmpstr (rk_indicator_def_get_name (indicator), ==, "救急医療情報キットの普及率");
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 26.1, 1e-9);

  indicator = rk_catalog_lookup_indicator (catalog, "D1");
  g_assert_cmpstr (rk_indicator_def_get_name (indicator), ==, "在宅療養支援診療所・病院数");
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 39.8, 1e-9);
  g_assert_nonnull (strstr (rk_indicator_def_get_rationale (indicator), "医師による診察・診断を供給できる医療資源量"));
  g_assert_nonnull (strstr (rk_indicator_def_get_rationale (indicator), "医師数"));
  g_assert_cmpstr (rk_indicator_def_get_perspective (indicator), ==, "体制整備指標");

  indicator = rk_catalog_lookup_indicator (catalog, "D2");
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 48.9, 1e-9);
  g_assert_nonnull (strstr (rk_indicator_def_get_rationale (indicator), "連携に係る診療報酬"));
  indicator = rk_catalog_lookup_indicator (catalog, "D4");
  g_assert_nonnull (strstr (rk_indicator_def_get_rationale (indicator), "口腔健康管理や栄養管理"));
  g_assert_cmpstr (rk_indicator_def_get_rationale (rk_catalog_lookup_indicator (catalog, "D3")), ==, "");

  indicator = rk_catalog_lookup_indicator (catalog, "E1");
  g_assert_cmpstr (rk_indicator_def_get_name (indicator), ==, "看取り数(死亡診断のみの場合を含む)");
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 31.8, 1e-9);
  indicator = rk_catalog_lookup_indicator (catalog, "E12");
  g_assert_cmpstr (rk_indicator_def_get_name (indicator), ==, "機能強化型訪問看護管理療養費");
  g_assert_cmpfloat_with_epsilon (rk_indicator_def_get_share (indicator), 1.1, 1e-9);

  g_object_get (rk_catalog_lookup_indicator (catalog, "E4"), "unit-kind", &unit_kind, NULL);
  g_assert_cmpint (unit_kind, ==, RK_UNIT_KIND_RATIO);
  g_assert_cmpstr (rk_unit_kind_to_string (RK_UNIT_KIND_TIME), ==, "time");
  g_assert_null (rk_catalog_lookup_indicator (catalog, "Z9"));
}

/* ---- rules ---- */

static void
test_rule_kinds (void)
{
  static const char * const titles[] = {
    "救急搬送時の情報連携ツール", "救急搬送時の救急隊情報連携ルール", "救急搬送 市民向け普及啓発",
  };
  static const char * const kind1_towns[] = { "墨田区", "鈴鹿市", "八王子市" };
  static const char * const kind2_towns[] = { "臼杵市", "岡崎市", "静岡市", "" };
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *kinds = rk_catalog_get_rule_kinds (catalog);
  GListModel *areas = rk_catalog_get_rule_areas (catalog);
  GListModel *cases = rk_catalog_get_cases (catalog);
  RkRuleKind *kind;
  guint n_process = 0;
  gboolean kamaishi = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RkRuleKind) k = g_list_model_get_item (kinds, i);

      g_assert_cmpuint (rk_rule_kind_get_number (k), ==, i + 1);
      g_assert_cmpstr (rk_rule_kind_get_title (k), ==, titles[i]);
      g_assert_true (rk_catalog_lookup_rule_kind (catalog, rk_rule_kind_get_id (k)) == k);
    }

  kind = rk_catalog_lookup_rule_kind (catalog, "info-tool");
  g_assert_cmpuint (g_list_model_get_n_items (rk_rule_kind_get_cases (kind)), ==, G_N_ELEMENTS (kind1_towns));
  for (guint i = 0; i < G_N_ELEMENTS (kind1_towns); i++)
    {
      g_autoptr(RkRuleCase) c = g_list_model_get_item (rk_rule_kind_get_cases (kind), i);

      g_assert_cmpstr (rk_rule_case_get_municipality (c), ==, kind1_towns[i]);
      g_assert_cmpstr (rk_rule_case_get_kind (c), ==, "info-tool");
    }
  {
    g_autoptr(RkRuleCase) hachioji = g_list_model_get_item (rk_rule_kind_get_cases (kind), 2);

    g_assert_cmpstrv (rk_rule_case_get_points (hachioji),
                      ((const char *[]) { "できるだけ救命", "延命してほしい", "苦痛をやわらげる処置なら希望する",
                                          "その他", NULL }));
  }

  kind = rk_catalog_lookup_rule_kind (catalog, "ems-rule");
  g_assert_cmpuint (g_list_model_get_n_items (rk_rule_kind_get_cases (kind)), ==, G_N_ELEMENTS (kind2_towns));
  for (guint i = 0; i < G_N_ELEMENTS (kind2_towns); i++)
    {
      g_autoptr(RkRuleCase) c = g_list_model_get_item (rk_rule_kind_get_cases (kind), i);

      g_assert_cmpstr (rk_rule_case_get_municipality (c), ==, kind2_towns[i]);
    }
  {
    g_autoptr(RkRuleCase) tfd = g_list_model_get_item (rk_rule_kind_get_cases (kind), 3);

    g_assert_nonnull (strstr (rk_rule_case_get_name (tfd), "東京消防庁"));
    g_assert_cmpuint (g_strv_length ((GStrv) rk_rule_case_get_points (tfd)), ==, 4);
    g_assert_nonnull (strstr (rk_rule_case_get_points (tfd)[3], "想定された症状と現在の症状とが合致"));
  }

  kind = rk_catalog_lookup_rule_kind (catalog, "public-awareness");
  {
    g_autoptr(RkRuleCase) c = g_list_model_get_item (rk_rule_kind_get_cases (kind), 0);

    g_assert_cmpstr (rk_rule_case_get_municipality (c), ==, "下関市");
    g_assert_nonnull (strstr (rk_rule_case_get_summary (c), "市報と併せて全戸配布"));
  }

  g_assert_cmpuint (g_list_model_get_n_items (areas), ==, 6);
  {
    g_autoptr(RkRuleKind) backup = g_list_model_get_item (areas, 5);

    g_assert_cmpstr (rk_rule_kind_get_title (backup), ==, "後方支援体制");
    g_assert_cmpuint (rk_rule_kind_get_number (backup), ==, 0);
    g_assert_nonnull (strstr (rk_rule_kind_get_detail (backup), "問5"));
  }

  /* 3 + 4 + 1 rule cases and the four process cases. */
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 12);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(RkRuleCase) c = g_list_model_get_item (cases, i);

      g_assert_cmpstr (rk_rule_case_get_summary (c), !=, "");
      if (g_str_equal (rk_rule_case_get_kind (c), "process"))
        {
          n_process++;
          if (g_str_equal (rk_rule_case_get_municipality (c), "釜石市"))
            {
              kamaishi = TRUE;
              g_assert_cmpstr (rk_rule_case_get_prefecture (c), ==, "岩手県");
              g_assert_nonnull (strstr (rk_rule_case_get_summary (c), "消防"));
            }
        }
    }
  g_assert_cmpuint (n_process, ==, 4);
  g_assert_true (kamaishi);
  g_assert_null (rk_catalog_lookup_rule_kind (catalog, "process"));
}

/* ---- tips ---- */

static void
test_tips (void)
{
  GListModel *tips = rk_catalog_get_tips (rk_catalog_get_default ());
  g_autoptr(RkTip) shared = NULL;
  g_autoptr(RkTip) fire = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (tips), ==, 3);

  shared = g_list_model_get_item (tips, 0);
  g_assert_nonnull (strstr (rk_tip_get_title (shared), "ゴールイメージの共有"));
  g_assert_cmpuint (g_strv_length ((GStrv) rk_tip_get_challenges (shared)), ==, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) rk_tip_get_remedies (shared)), ==, 3);
  g_assert_cmpstr (rk_tip_get_remedies (shared)[1], ==, "多職種の意見交換会を実施する");

  fire = g_list_model_get_item (tips, 2);
  g_assert_nonnull (strstr (rk_tip_get_title (fire), "消防機関との連携の敷居が高い"));
  g_assert_nonnull (strstr (rk_tip_get_remedies (fire)[1], "独居の高齢者や施設入所者の緊急連絡先"));
}

/* ---- the files themselves ---- */

static xmlRelaxNGPtr
load_schema (void)
{
  g_autofree char *dir = catalog_dir ();
  g_autofree char *path = g_build_filename (dir, "catalog.rng", NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGPtr schema;

  g_assert_nonnull (parser);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  return schema;
}

/* Collects libxml2's validity messages so a failure can name its cause without flooding the TAP log. */
static void
collect_error (void       *data,
               const char *format,
               ...)
{
  GString *messages = data;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (messages, format, args);
  va_end (args);
}

static int
validate_document (xmlRelaxNGPtr  schema,
                   xmlDocPtr      doc,
                   GString       *messages)
{
  xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt (schema);
  int result;

  g_assert_nonnull (validator);
  xmlRelaxNGSetValidErrors (validator, collect_error, collect_error, messages);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  return result;
}

static void
test_files_validate (void)
{
  g_autofree char *dir = catalog_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  xmlRelaxNGPtr schema = load_schema ();
  guint validated = 0;
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GString) messages = g_string_new (NULL);
      xmlDocPtr doc;

      if (!g_str_has_suffix (name, ".xml") || g_str_equal (name, "catalog.gresource.xml"))
        continue;

      path = g_build_filename (dir, name, NULL);
      doc = xmlReadFile (path, "UTF-8", XML_PARSE_NONET);
      g_assert_nonnull (doc);
      if (validate_document (schema, doc, messages) != 0)
        g_error ("%s does not validate against catalog.rng: %s", path, messages->str);
      xmlFreeDoc (doc);
      validated++;
    }
  g_assert_cmpuint (validated, ==, G_N_ELEMENTS (catalog_files));

  xmlRelaxNGFree (schema);
}

/* The schema is strict enough to catch the mistakes an editor is likely to make. */
static void
test_schema_rejects (void)
{
  static const char * const bad[] = {
    /* member type 21 */
    "<member-types survey='s' n='249'><member-type number='21' name='x' participation='1.0'/>"
    "<no-answer share='1.6'/><lead-organisations n='249'><share label='a' value='1.0'/></lead-organisations>"
    "</member-types>",
    /* a share over 100% */
    "<member-types survey='s' n='249'><member-type number='1' name='x' participation='101.0'/>"
    "<no-answer share='1.6'/><lead-organisations n='249'><share label='a' value='1.0'/></lead-organisations>"
    "</member-types>",
    /* an unknown unit kind */
    "<indicators n='88'><group id='g' perspective='p' title='t'>"
    "<indicator code='A1' unit='days' name='n'/></group></indicators>",
    /* an option code that is not q + question + letter + position */
    "<selfcheck title='t'><question number='1' text='t'><option code='x1' kind='checkbox' label='l'/></question>"
    "<prefecture-support><wanted n='1' title='t'><share label='a' value='1.0'/></wanted>"
    "<received n='1' title='t'><share label='a' value='1.0'/></received>"
    "<roles><role number='1' title='t'/></roles></prefecture-support></selfcheck>",
    /* an item in STEP7 */
    "<schedule-templates><template id='x' title='t' years='1'><step number='1' title='t'/>"
    "<item step='7' code='7-1' title='t' start='0' duration='1'><detail/></item></template></schedule-templates>",
    /* a tip without a remedy */
    "<tips><tip id='a' title='t'><challenge>c</challenge></tip></tips>",
    /* an unknown root */
    "<catalog/>",
  };
  xmlRelaxNGPtr schema = load_schema ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      xmlDocPtr doc = xmlReadMemory (bad[i], (int) strlen (bad[i]), "bad.xml", "UTF-8", XML_PARSE_NONET);
      g_autoptr(GString) messages = g_string_new (NULL);

      g_assert_nonnull (doc);
      g_assert_cmpint (validate_document (schema, doc, messages), !=, 0);
      g_assert_cmpuint (messages->len, >, 0);
      xmlFreeDoc (doc);
    }

  xmlRelaxNGFree (schema);
}

/* The bundle in the binary is the files in the tree: every catalog is listed in catalog.gresource.xml and none is
 * stale. */
static void
test_bundle_matches_files (void)
{
  g_autofree char *dir = catalog_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (catalog_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, catalog_files[i], NULL);
      g_autofree char *resource = g_strconcat (RESOURCE_DIR, catalog_files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  /* First, so the load races between threads. */
  g_test_add_func ("/catalog/load-threads", test_load_threads);
  g_test_add_func ("/catalog/text-ordinary", test_all_text_ordinary);
  g_test_add_func ("/catalog/member-types", test_member_types);
  g_test_add_func ("/catalog/lead-organisations", test_lead_organisations);
  g_test_add_func ("/catalog/step-titles", test_step_titles);
  g_test_add_func ("/catalog/template/three-year", test_three_year_template);
  g_test_add_func ("/catalog/template/one-year", test_one_year_template);
  g_test_add_func ("/catalog/selfcheck/questions", test_selfcheck_questions);
  g_test_add_func ("/catalog/selfcheck/options", test_selfcheck_options);
  g_test_add_func ("/catalog/selfcheck/prefecture-support", test_prefecture_support);
  g_test_add_func ("/catalog/indicators", test_indicators);
  g_test_add_func ("/catalog/rule-kinds", test_rule_kinds);
  g_test_add_func ("/catalog/tips", test_tips);
  g_test_add_func ("/catalog/files/validate", test_files_validate);
  g_test_add_func ("/catalog/files/schema-rejects", test_schema_rejects);
  g_test_add_func ("/catalog/files/bundle", test_bundle_matches_files);

  return g_test_run ();
}

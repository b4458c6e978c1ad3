/* rk-indicator.h — a 効果検証指標 the council chose (from the catalog or its own), its measurement periods and how
 * it is judged.
 *
 * Periods are stored as text, one form per frequency, all fiscal (年度 from April to March):
 *   年度 "2025"            → 令和7年度
 *   半期 "2025H1"/"2025H2" → 令和7年度上半期 (4〜9月) / 令和7年度下半期 (10〜3月)
 *   四半期 "2025Q1".."Q4"  → 令和7年度第1四半期(4〜6月) … 第4四半期(1〜3月, of calendar year 2026)
 *   月 "2025-04"           → 令和7年(2025年)4月 (calendar year and month; March 2026 belongs to 年度 2025)
 * GTK-free. */
#pragma once

#include <glib-object.h>

#include "rk-catalog.h"

G_BEGIN_DECLS

/* Same numbering as the store's indicator.frequency column. */
typedef enum {
  RK_FREQUENCY_YEAR    = 0, /* 年度 */
  RK_FREQUENCY_HALF    = 1, /* 半期 */
  RK_FREQUENCY_QUARTER = 2, /* 四半期 */
  RK_FREQUENCY_MONTH   = 3, /* 月 */
} RkFrequency;

#define RK_TYPE_FREQUENCY (rk_frequency_get_type ())
GType        rk_frequency_get_type (void);
/* Translated: "Fiscal year" / "Half year" / "Quarter" / "Month" (年度 / 半期 / 四半期 / 月 under ja). */
const char  *rk_frequency_to_label (RkFrequency frequency);

/* Same numbering as RkIndicatorChartStatus (rk-indicator-chart.h), so one casts to the other. */
typedef enum {
  RK_INDICATOR_STATUS_NONE            = 0, /* not judged: no target, or too few measurements */
  RK_INDICATOR_STATUS_ON_TRACK        = 1, /* 順調 */
  RK_INDICATOR_STATUS_NEEDS_ATTENTION = 2, /* 要注意 */
} RkIndicatorStatus;

#define RK_INDICATOR_ERROR (rk_indicator_error_quark ())
typedef enum {
  RK_INDICATOR_ERROR_INVALID,          /* an empty name, a bad factor, a negative value, … */
  RK_INDICATOR_ERROR_PERIOD,           /* not a period, or not one of the indicator's frequency */
  RK_INDICATOR_ERROR_NUMBER,           /* text in a number field */
  RK_INDICATOR_ERROR_ZERO_DENOMINATOR, /* a ratio's denominator is 0 */
  RK_INDICATOR_ERROR_OVER_100,         /* a value above 100 for unit "%" */
} RkIndicatorError;
GQuark       rk_indicator_error_quark (void);

/* ---- Periods ------------------------------------------------------------------------------------------------ */

typedef struct {
  RkFrequency frequency;
  int         fiscal_year; /* 2025 for every period of 年度 2025, March 2026 included */
  int         index;       /* 0 for a 年度; 1–2 for a half; 1–4 for a quarter; 1–12 for a month, counted from April */
} RkPeriod;

/* Parses any of the four forms (white space around is ignored; years 1989–2200). FALSE with a translated
 * RK_INDICATOR_ERROR_PERIOD naming the text otherwise. @period is nullable (just a check). */
gboolean     rk_period_parse              (const char  *text,
                                           RkPeriod    *period,
                                           GError     **error);
/* rk_period_parse() and also that it is of @frequency ("2025Q1" for a 年度 indicator is refused, the message naming
 * the frequency expected and an example). */
gboolean     rk_period_validate           (const char  *text,
                                           RkFrequency  frequency,
                                           GError     **error);
/* The stored form ("2025", "2025H2", "2025Q4", "2026-03"). */
char        *rk_period_to_string          (const RkPeriod *period);
/* The period of @frequency that contains the calendar month @year-@month: (2026, 3, YEAR) → "2025",
 * (2026, 3, QUARTER) → "2025Q4", (2025, 10, HALF) → "2025H2". */
void         rk_period_for_month          (int          year,
                                           int          month,
                                           RkFrequency  frequency,
                                           RkPeriod    *period);
/* The first calendar month of the period and how many months it spans (12, 6, 3, 1). */
void         rk_period_get_months         (const RkPeriod *period,
                                           int         *start_year,
                                           int         *start_month,
                                           int         *n_months);
/* Months from the start of @from to the start of @to (negative when @to is earlier). */
int          rk_period_months_between     (const RkPeriod *from,
                                           const RkPeriod *to);
/* Chronological by first month, then the longer period first ("2025" < "2025H1" < "2025Q1" < "2025-04"); text that
 * is not a period sorts last, by strcmp. NULL-safe. */
int          rk_period_compare            (const char  *a,
                                           const char  *b);
/* The label in 和暦: "令和7年度", "令和7年度上半期", "令和7年度第1四半期(4〜6月)", "令和7年(2025年)4月"; NULL when @text
 * is not a period. */
char        *rk_period_format             (const char  *text);
/* Short form for charts and tables: "令和7年度", "令和7年度上期", "令和7年度1Q", "令和7年4月"; NULL when not a
 * period. */
char        *rk_period_format_short       (const char  *text);

/* ---- Numbers ------------------------------------------------------------------------------------------------ */

/* A number a user typed or a CSV cell: white space, thousands commas and full-width digits allowed ("１,２３４.５");
 * a trailing unit ("18.2%") is refused. RK_INDICATOR_ERROR_NUMBER with a message quoting @text (and @field, the
 * name of the field, nullable) otherwise, and for an empty text. */
gboolean     rk_indicator_parse_number    (const char  *text,
                                           const char  *field,
                                           double      *value,
                                           GError     **error);

/* numerator / denominator × factor. A zero denominator is refused (RK_INDICATOR_ERROR_ZERO_DENOMINATOR), as are a
 * negative numerator or denominator (INVALID). */
gboolean     rk_indicator_compute_ratio   (double       numerator,
                                           double       denominator,
                                           double       factor,
                                           double      *value,
                                           GError     **error);

/* ---- Definition --------------------------------------------------------------------------------------------- */

typedef struct {
  const char  *catalog_code;      /* "C2", or NULL/"" for the council's own */
  const char  *name;              /* 自宅死の割合 */
  const char  *group;             /* the catalog group ("end-of-life"), "" for the council's own */
  const char  *unit;              /* "分", "件", "%", "施設" */
  RkUnitKind   unit_kind;
  gboolean     is_ratio;          /* value = numerator / denominator × factor */
  const char  *numerator_label;   /* 自宅での死亡数 */
  const char  *denominator_label; /* 死亡数 */
  double       factor;            /* 100 for a percentage; 1 for a direct value */
  gboolean     higher_is_better;
  const char  *data_source;       /* 人口動態統計 */
  RkFrequency  frequency;
  gboolean     has_baseline;
  double       baseline_value;
  const char  *baseline_period;   /* of @frequency; required with has_baseline */
  gboolean     has_target;
  double       target_value;
  const char  *target_period;     /* of @frequency; required with has_target */
  gint64       rule_document_id;  /* the rule it evaluates, or 0 */
  gint64       task_id;           /* the STEP6 evaluation task, or 0 */
  const char  *notes;
} RkIndicatorInfo;

/* Fills @info with the catalog's defaults for @def (strings point into @def, which the catalog keeps): name, code,
 * group, unit kind; unit 分 / 件 / % by kind; a ratio kind is a ratio × 100; a time is better lower, anything else
 * higher; 年度; no baseline or target. */
void         rk_indicator_info_init_from_def (RkIndicatorInfo *info,
                                              RkIndicatorDef  *def);

/* Refuses, with a translated message naming the field (RK_INDICATOR_ERROR): an empty name; a frequency outside the
 * enum; a ratio with a factor ≤ 0; a baseline or target period missing or not of the frequency; a baseline or target
 * value not acceptable for the indicator (rk_indicator_info_check_value()); a target period before the baseline
 * period. */
gboolean     rk_indicator_info_validate      (const RkIndicatorInfo *info,
                                              GError               **error);
/* A value the indicator can take: finite, not negative, and not above 100 when the unit is "%"
 * (RK_INDICATOR_ERROR_OVER_100). */
gboolean     rk_indicator_info_check_value   (const RkIndicatorInfo *info,
                                              double                 value,
                                              GError               **error);

/* On track or not, from plain data. With a target and a measurement @value at @period:
 *  - the target reached (≥ for higher is better, ≤ for lower) → ON_TRACK;
 *  - otherwise, with a baseline (or, without one, @start_value/@start_period: the first measurement; pass NULL
 *    for none): the straight line from there to the target gives the value expected at @period; at least as good
 *    as that → ON_TRACK, else NEEDS_ATTENTION (a period at or after the target period and not reached →
 *    NEEDS_ATTENTION);
 *  - no target, no measurement, or nothing to start from → NONE. */
RkIndicatorStatus rk_indicator_info_evaluate (const RkIndicatorInfo *info,
                                              double                 start_value,
                                              const char            *start_period,
                                              double                 value,
                                              const char            *period);

/* ---- Measurements ------------------------------------------------------------------------------------------- */

/* What one enters for a period. For a ratio indicator give numerator and denominator (has_parts); the value is
 * computed. For a direct one give the value. */
typedef struct {
  const char *period;
  gboolean    has_parts;
  double      numerator;
  double      denominator;
  double      value;       /* ignored with has_parts */
  const char *note;
} RkIndicatorValueInfo;

/* One recorded measurement (immutable, owned by its RkIndicator). */
typedef struct {
  gint64    id;
  char     *period;
  double    value;       /* computed for a ratio */
  gboolean  has_parts;
  double    numerator;
  double    denominator;
  char     *note;
} RkIndicatorValue;

/* ---- The object --------------------------------------------------------------------------------------------- */

#define RK_TYPE_INDICATOR (rk_indicator_get_type ())
G_DECLARE_FINAL_TYPE (RkIndicator, rk_indicator, RK, INDICATOR, GObject)

/* Properties: "id" (gint64, construct-only), "catalog-code" ("" for own), "name", "group", "unit", "unit-kind"
 * (RkUnitKind as int), "is-ratio", "numerator-label", "denominator-label", "factor", "higher-is-better",
 * "data-source", "frequency" (RkFrequency), "has-baseline", "baseline-value", "baseline-period", "has-target",
 * "target-value", "target-period", "rule-document-id", "task-id", "notes", "position", "n-values" (changes, and is
 * notified, whenever the measurements change — views redraw on notify::n-values), "status" (RkIndicatorStatus of
 * the latest measurement). A property bag only the store writes (edits go through rk-store-indicators.h). */
gint64       rk_indicator_get_id                (RkIndicator *self);
const char  *rk_indicator_get_catalog_code      (RkIndicator *self);
const char  *rk_indicator_get_name              (RkIndicator *self);
const char  *rk_indicator_get_group             (RkIndicator *self);
const char  *rk_indicator_get_unit              (RkIndicator *self);
RkUnitKind   rk_indicator_get_unit_kind         (RkIndicator *self);
gboolean     rk_indicator_get_is_ratio          (RkIndicator *self);
const char  *rk_indicator_get_numerator_label   (RkIndicator *self);
const char  *rk_indicator_get_denominator_label (RkIndicator *self);
double       rk_indicator_get_factor            (RkIndicator *self);
gboolean     rk_indicator_get_higher_is_better  (RkIndicator *self);
const char  *rk_indicator_get_data_source       (RkIndicator *self);
RkFrequency  rk_indicator_get_frequency         (RkIndicator *self);
gboolean     rk_indicator_get_has_baseline      (RkIndicator *self);
double       rk_indicator_get_baseline_value    (RkIndicator *self);
const char  *rk_indicator_get_baseline_period   (RkIndicator *self);
gboolean     rk_indicator_get_has_target        (RkIndicator *self);
double       rk_indicator_get_target_value      (RkIndicator *self);
const char  *rk_indicator_get_target_period     (RkIndicator *self);
gint64       rk_indicator_get_rule_document_id  (RkIndicator *self);
gint64       rk_indicator_get_task_id           (RkIndicator *self);
const char  *rk_indicator_get_notes             (RkIndicator *self);
int          rk_indicator_get_position          (RkIndicator *self);
/* Strings in @info point into @self: valid until the next edit. */
void         rk_indicator_get_info              (RkIndicator     *self,
                                                 RkIndicatorInfo *info);
/* The definition in words: "自宅での死亡数 / 死亡数 × 100" for a ratio (factor omitted when 1), "" for a direct
 * value. */
char        *rk_indicator_describe_definition   (RkIndicator *self);

/* The measurements, oldest period first (rk_period_compare()); RkIndicatorValue, owned by @self, valid until the
 * next change of n-values. */
guint        rk_indicator_get_n_values          (RkIndicator *self);
const RkIndicatorValue *rk_indicator_get_value  (RkIndicator *self,
                                                 guint        index);
/* The measurement of @period, or NULL. */
const RkIndicatorValue *rk_indicator_lookup_value (RkIndicator *self,
                                                   const char  *period);
/* rk_indicator_info_evaluate() of the latest measurement (the first as start when there is no baseline). */
RkIndicatorStatus rk_indicator_get_status       (RkIndicator *self);

G_END_DECLS

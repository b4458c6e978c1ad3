/* rk-indicator.c — a chosen 効果検証指標: periods, numbers, validation, on-track evaluation, the property bag. */

#include "rk-indicator.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rk-era.h"
#include "rk-indicator-private.h"
#include "rk-store-private.h"

#define FIRST_YEAR 1989
#define LAST_YEAR  2200

G_DEFINE_QUARK (rk-indicator-error-quark, rk_indicator_error)

GType
rk_frequency_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { RK_FREQUENCY_YEAR, "RK_FREQUENCY_YEAR", "year" },
        { RK_FREQUENCY_HALF, "RK_FREQUENCY_HALF", "half" },
        { RK_FREQUENCY_QUARTER, "RK_FREQUENCY_QUARTER", "quarter" },
        { RK_FREQUENCY_MONTH, "RK_FREQUENCY_MONTH", "month" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("RkFrequency"), values));
    }
  return type_id;
}

const char *
rk_frequency_to_label (RkFrequency frequency)
{
  switch (frequency)
    {
    case RK_FREQUENCY_YEAR:
      return _("Fiscal year");
    case RK_FREQUENCY_HALF:
      return _("Half year");
    case RK_FREQUENCY_QUARTER:
      return _("Quarter");
    case RK_FREQUENCY_MONTH:
      return _("Month");
    default:
      return "";
    }
}

/* An example of the stored form, for messages. */
static const char *
frequency_example (RkFrequency frequency)
{
  switch (frequency)
    {
    case RK_FREQUENCY_HALF:
      return "2025H1";
    case RK_FREQUENCY_QUARTER:
      return "2025Q1";
    case RK_FREQUENCY_MONTH:
      return "2025-04";
    case RK_FREQUENCY_YEAR:
    default:
      return "2025";
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Periods */

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* What people type for a period, in the stored form: full-width digits and letters folded (NFKC), and a leading
 * Japanese era year ("令和6年度", "令和6", "R6", "平成30年度", "令和元年度") or a Western "2025年度" turned into the
 * fiscal year's four digits, with whatever follows kept ("令和7H1" → "2025H1"). */
static char *
normalize_period_text (const char *text)
{
  static const struct { const char *prefix; int base; } eras[] = {
    { "令和", 2018 }, { "R", 2018 }, { "r", 2018 }, { "平成", 1988 }, { "H", 1988 }, { "h", 1988 },
  };
  g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  char *s = g_strstrip (folded != NULL ? folded : (char *) text);

  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      const char *p;
      int n;

      if (!g_str_has_prefix (s, eras[i].prefix))
        continue;
      p = s + strlen (eras[i].prefix);
      if (g_str_has_prefix (p, "元"))
        {
          n = 1;
          p += strlen ("元");
        }
      else if (g_ascii_isdigit (*p))
        n = (int) g_ascii_strtoll (p, (char **) &p, 10);
      else
        continue;
      if (g_str_has_prefix (p, "年度"))
        p += strlen ("年度");
      return g_strdup_printf ("%04d%s", eras[i].base + n, p);
    }
  if (strlen (s) >= 4 && all_digits (s, 4) && g_str_has_prefix (s + 4, "年度"))
    return g_strdup_printf ("%.4s%s", s, s + 4 + strlen ("年度"));
  return g_strdup (s);
}

static gboolean
parse_period (const char *text,
              RkPeriod   *period)
{
  g_autofree char *copy = NULL;
  gsize len;
  int year;

  if (text == NULL)
    return FALSE;
  copy = normalize_period_text (text);
  len = strlen (copy);
  if (len < 4 || !all_digits (copy, 4))
    return FALSE;
  year = atoi (copy);
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return FALSE;

  if (len == 4)
    {
      *period = (RkPeriod) { RK_FREQUENCY_YEAR, year, 0 };
      return TRUE;
    }
  if (len == 6 && (copy[4] == 'H' || copy[4] == 'h') && (copy[5] == '1' || copy[5] == '2'))
    {
      *period = (RkPeriod) { RK_FREQUENCY_HALF, year, copy[5] - '0' };
      return TRUE;
    }
  if (len == 6 && (copy[4] == 'Q' || copy[4] == 'q') && copy[5] >= '1' && copy[5] <= '4')
    {
      *period = (RkPeriod) { RK_FREQUENCY_QUARTER, year, copy[5] - '0' };
      return TRUE;
    }
  if (len == 7 && copy[4] == '-' && all_digits (copy + 5, 2))
    {
      int month = atoi (copy + 5);

      if (month < 1 || month > 12)
        return FALSE;
      rk_period_for_month (year, month, RK_FREQUENCY_MONTH, period);
      return TRUE;
    }
  return FALSE;
}

gboolean
rk_period_parse (const char  *text,
                 RkPeriod    *period,
                 GError     **error)
{
  RkPeriod tmp;

  if (!parse_period (text, &tmp))
    {
      /* TRANSLATORS: %s is what the user entered; the examples are the forms the program reads. */
      g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD,
                   _("“%s” is not a period. Write a fiscal year as 2025, a half as 2025H1, a quarter as 2025Q1 "
                     "(quarters start in April) or a month as 2025-04."), text != NULL ? text : "");
      return FALSE;
    }
  if (period != NULL)
    *period = tmp;
  return TRUE;
}

gboolean
rk_period_validate (const char  *text,
                    RkFrequency  frequency,
                    GError     **error)
{
  RkPeriod period;

  if (!rk_period_parse (text, &period, error))
    return FALSE;
  if (period.frequency != frequency)
    {
      /* TRANSLATORS: %s: the period entered, the indicator's frequency ("Quarter"), an example ("2025Q1"). */
      g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD,
                   _("The period “%s” does not match the indicator’s frequency (%s). Write it like %s."),
                   text, rk_frequency_to_label (frequency), frequency_example (frequency));
      return FALSE;
    }
  return TRUE;
}

void
rk_period_get_months (const RkPeriod *period,
                      int            *start_year,
                      int            *start_month,
                      int            *n_months)
{
  int offset = 0, n = 12;

  g_return_if_fail (period != NULL);

  switch (period->frequency)
    {
    case RK_FREQUENCY_YEAR:
      offset = 0, n = 12;
      break;
    case RK_FREQUENCY_HALF:
      offset = 6 * (period->index - 1), n = 6;
      break;
    case RK_FREQUENCY_QUARTER:
      offset = 3 * (period->index - 1), n = 3;
      break;
    case RK_FREQUENCY_MONTH:
    default:
      offset = period->index - 1, n = 1;
      break;
    }
  /* April is month 3 counted from 0; the fiscal year's last three months fall in the next calendar year. */
  if (start_year != NULL)
    *start_year = period->fiscal_year + (3 + offset) / 12;
  if (start_month != NULL)
    *start_month = (3 + offset) % 12 + 1;
  if (n_months != NULL)
    *n_months = n;
}

void
rk_period_for_month (int          year,
                     int          month,
                     RkFrequency  frequency,
                     RkPeriod    *period)
{
  int from_april;

  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (period != NULL);

  from_april = (month + 8) % 12; /* April 0 … March 11 */
  period->frequency = frequency;
  period->fiscal_year = rk_era_fiscal_year_of (year, month);
  switch (frequency)
    {
    case RK_FREQUENCY_YEAR:
      period->index = 0;
      break;
    case RK_FREQUENCY_HALF:
      period->index = from_april / 6 + 1;
      break;
    case RK_FREQUENCY_QUARTER:
      period->index = from_april / 3 + 1;
      break;
    case RK_FREQUENCY_MONTH:
    default:
      period->frequency = RK_FREQUENCY_MONTH;
      period->index = from_april + 1;
      break;
    }
}

char *
rk_period_to_string (const RkPeriod *period)
{
  int year, month;

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->frequency)
    {
    case RK_FREQUENCY_YEAR:
      return g_strdup_printf ("%d", period->fiscal_year);
    case RK_FREQUENCY_HALF:
      return g_strdup_printf ("%dH%d", period->fiscal_year, period->index);
    case RK_FREQUENCY_QUARTER:
      return g_strdup_printf ("%dQ%d", period->fiscal_year, period->index);
    case RK_FREQUENCY_MONTH:
    default:
      rk_period_get_months (period, &year, &month, NULL);
      return g_strdup_printf ("%04d-%02d", year, month);
    }
}

static int
absolute_start (const RkPeriod *period)
{
  int year, month;

  rk_period_get_months (period, &year, &month, NULL);
  return year * 12 + month - 1;
}

int
rk_period_months_between (const RkPeriod *from,
                          const RkPeriod *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  return absolute_start (to) - absolute_start (from);
}

int
rk_period_compare (const char *a,
                   const char *b)
{
  RkPeriod pa, pb;
  gboolean va = parse_period (a, &pa), vb = parse_period (b, &pb);

  if (va && vb)
    {
      int sa = absolute_start (&pa), sb = absolute_start (&pb);

      if (sa != sb)
        return sa < sb ? -1 : 1;
      /* The longer period first: 年度 before its first half, quarter and month. */
      if (pa.frequency != pb.frequency)
        return pa.frequency < pb.frequency ? -1 : 1;
      return 0;
    }
  if (va != vb)
    return va ? -1 : 1;
  return g_strcmp0 (a, b);
}

/* "令和7年度(2025年度)" → "令和7年度": the Gregorian year in brackets is dropped where the era form is asked for. */
static char *
drop_bracket (char *text)
{
  char *open = strchr (text, '(');
  char *close = open != NULL ? strchr (open, ')') : NULL;

  if (open != NULL && close != NULL)
    memmove (open, close + 1, strlen (close + 1) + 1);
  return text;
}

static char *
format_period (const char *text,
               gboolean    is_short)
{
  RkPeriod period;
  g_autofree char *year = NULL;
  int start_year, start_month, n;

  if (!parse_period (text, &period))
    return NULL;

  rk_period_get_months (&period, &start_year, &start_month, &n);
  if (period.frequency == RK_FREQUENCY_MONTH)
    {
      char *month = rk_era_format_month (start_year, start_month);

      return is_short ? drop_bracket (month) : month;
    }

  year = drop_bracket (rk_era_format_fiscal_year (period.fiscal_year));
  switch (period.frequency)
    {
    case RK_FREQUENCY_HALF:
      if (is_short)
        return g_strconcat (year, period.index == 1 ? "上期" : "下期", NULL);
      return g_strconcat (year, period.index == 1 ? "上半期" : "下半期", NULL);
    case RK_FREQUENCY_QUARTER:
      if (is_short)
        return g_strdup_printf ("%s%dQ", year, period.index);
      return g_strdup_printf ("%s第%d四半期(%d〜%d月)", year, period.index, start_month,
                              (start_month + n - 2) % 12 + 1);
    case RK_FREQUENCY_YEAR:
    case RK_FREQUENCY_MONTH:
    default:
      return g_steal_pointer (&year);
    }
}

char *
rk_period_format (const char *text)
{
  return format_period (text, FALSE);
}

char *
rk_period_format_short (const char *text)
{
  return format_period (text, TRUE);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Numbers */

gboolean
rk_indicator_parse_number (const char  *text,
                           const char  *field,
                           double      *value,
                           GError     **error)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) plain = NULL;
  char *end = NULL;
  double v;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC); /* full-width digits, comma and point to ASCII */
  if (normal != NULL)
    {
      g_strstrip (normal);
      plain = g_string_new (NULL);
      for (const char *p = normal; *p != '\0'; p++)
        if (*p != ',')
          g_string_append_c (plain, *p);
    }

  /* Only what a decimal number is written with: strtod alone would take "inf", "nan" and hex. */
  if (plain == NULL || plain->len == 0 || strspn (plain->str, "0123456789.+-") != plain->len)
    goto bad;
  v = g_ascii_strtod (plain->str, &end);
  if (end == plain->str || *end != '\0' || !isfinite (v))
    goto bad;
  *value = v;
  return TRUE;

bad:
  if (text == NULL || *text == '\0')
    {
      if (field != NULL)
        /* TRANSLATORS: %s is the field, e.g. "Denominator". */
        g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_NUMBER, _("%s: enter a number."), field);
      else
        g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_NUMBER, _("Enter a number."));
    }
  else if (field != NULL)
    /* TRANSLATORS: the first %s is the field, the second what was entered. */
    g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_NUMBER,
                 _("%s: “%s” is not a number. Enter digits only, e.g. 18.2 (no unit)."), field, text);
  else
    g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_NUMBER,
                 _("“%s” is not a number. Enter digits only, e.g. 18.2 (no unit)."), text);
  return FALSE;
}

gboolean
rk_indicator_compute_ratio (double   numerator,
                            double   denominator,
                            double   factor,
                            double  *value,
                            GError **error)
{
  if (denominator == 0)
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_ZERO_DENOMINATOR,
                           _("The denominator is 0, so the ratio cannot be computed. Enter the denominator, or "
                             "leave the period without a measurement."));
      return FALSE;
    }
  if (numerator < 0 || denominator < 0 || !isfinite (numerator) || !isfinite (denominator))
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("The numerator and the denominator are counts: they cannot be negative."));
      return FALSE;
    }
  *value = numerator / denominator * factor;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Definition */

void
rk_indicator_info_init_from_def (RkIndicatorInfo *info,
                                 RkIndicatorDef  *def)
{
  RkUnitKind kind;

  g_return_if_fail (info != NULL);
  g_return_if_fail (RK_IS_INDICATOR_DEF (def));

  kind = rk_indicator_def_get_unit_kind (def);
  *info = (RkIndicatorInfo) {
    .catalog_code = rk_indicator_def_get_code (def),
    .name = rk_indicator_def_get_name (def),
    .group = rk_indicator_def_get_group (def),
    .unit = kind == RK_UNIT_KIND_TIME ? "分" : kind == RK_UNIT_KIND_RATIO ? "%" : "件",
    .unit_kind = kind,
    .is_ratio = kind == RK_UNIT_KIND_RATIO,
    .numerator_label = "",
    .denominator_label = "",
    .factor = kind == RK_UNIT_KIND_RATIO ? 100 : 1,
    /* Times (搬送時間, 現場滞在時間) improve as they fall; counts and shares as they rise. */
    .higher_is_better = kind != RK_UNIT_KIND_TIME,
    .data_source = "",
    .frequency = RK_FREQUENCY_YEAR,
    .notes = "",
  };
}

static gboolean
text_ok (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

gboolean
rk_indicator_info_check_value (const RkIndicatorInfo *info,
                               double                 value,
                               GError               **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!isfinite (value) || value < 0)
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("The value cannot be negative."));
      return FALSE;
    }
  /* A share cannot pass the whole; the factor may be 1000 (‰) or 100,000 (per 10万人), so only "%" is bounded. */
  if (g_strcmp0 (info->unit, "%") == 0 && value > 100 + 1e-9)
    {
      g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_OVER_100,
                   _("The value %.1f%% is above 100%%. Check the numerator and the denominator (the numerator "
                     "cannot be larger)."), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_reference (const RkIndicatorInfo *info,
                 const char            *field,
                 double                 value,
                 const char            *period,
                 GError               **error)
{
  g_autoptr(GError) local = NULL;

  if (period == NULL || *period == '\0')
    {
      /* TRANSLATORS: %s is "Baseline" or "Target". */
      g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD,
                   _("%s: enter the period it refers to, e.g. %s."), field, frequency_example (info->frequency));
      return FALSE;
    }
  if (!rk_period_validate (period, info->frequency, &local)
      || !rk_indicator_info_check_value (info, value, &local))
    {
      /* TRANSLATORS: %s is "Baseline" or "Target", then the reason. */
      g_set_error (error, RK_INDICATOR_ERROR, local->code, _("%s: %s"), field, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_indicator_info_validate (const RkIndicatorInfo *info,
                            GError               **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!text_ok (info->catalog_code) || !text_ok (info->name) || !text_ok (info->group) || !text_ok (info->unit)
      || !text_ok (info->numerator_label) || !text_ok (info->denominator_label) || !text_ok (info->data_source)
      || !text_ok (info->baseline_period) || !text_ok (info->target_period) || !text_ok (info->notes))
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("The indicator’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->name))
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("Name: enter what the indicator measures; it cannot be empty."));
      return FALSE;
    }
  if ((int) info->frequency < RK_FREQUENCY_YEAR || info->frequency > RK_FREQUENCY_MONTH)
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("Frequency: choose fiscal year, half year, quarter or month."));
      return FALSE;
    }
  if ((int) info->unit_kind < RK_UNIT_KIND_TIME || info->unit_kind > RK_UNIT_KIND_RATIO)
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("Kind: choose a time, a count or a ratio."));
      return FALSE;
    }
  if (info->is_ratio && (!isfinite (info->factor) || info->factor <= 0))
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("Factor: a ratio is multiplied by a positive number, e.g. 100 for a percentage."));
      return FALSE;
    }
  if (info->rule_document_id < 0 || info->task_id < 0)
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("Choose the linked rule and task from the lists."));
      return FALSE;
    }
  if (info->has_baseline
      && !check_reference (info, _("Baseline"), info->baseline_value, info->baseline_period, error))
    return FALSE;
  if (info->has_target && !check_reference (info, _("Target"), info->target_value, info->target_period, error))
    return FALSE;
  if (info->has_baseline && info->has_target
      && rk_period_compare (info->target_period, info->baseline_period) < 0)
    {
      g_autofree char *target = rk_period_format (info->target_period);
      g_autofree char *baseline = rk_period_format (info->baseline_period);

      g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD,
                   _("Target: its period (%s) is before the baseline’s (%s). Choose a later target period."),
                   target, baseline);
      return FALSE;
    }
  return TRUE;
}

RkIndicatorStatus
rk_indicator_info_evaluate (const RkIndicatorInfo *info,
                            double                 start_value,
                            const char            *start_period,
                            double                 value,
                            const char            *period)
{
  RkPeriod at, target, start;
  gboolean reached;
  double from, expected, fraction;
  int total;

  g_return_val_if_fail (info != NULL, RK_INDICATOR_STATUS_NONE);

  if (!info->has_target || !parse_period (period, &at) || !parse_period (info->target_period, &target))
    return RK_INDICATOR_STATUS_NONE;

  reached = info->higher_is_better ? value >= info->target_value : value <= info->target_value;
  if (reached)
    return RK_INDICATOR_STATUS_ON_TRACK;
  /* The time is up and the target not reached. */
  if (rk_period_months_between (&target, &at) >= 0)
    return RK_INDICATOR_STATUS_NEEDS_ATTENTION;

  if (info->has_baseline)
    {
      from = info->baseline_value;
      start_period = info->baseline_period;
    }
  else
    from = start_value;
  if (!parse_period (start_period, &start) || rk_period_compare (start_period, period) == 0)
    return RK_INDICATOR_STATUS_NONE;

  total = rk_period_months_between (&start, &target);
  if (total <= 0)
    return RK_INDICATOR_STATUS_NEEDS_ATTENTION;
  fraction = CLAMP ((double) rk_period_months_between (&start, &at) / total, 0.0, 1.0);
  expected = from + (info->target_value - from) * fraction;
  /* A small tolerance so that a value printed equal to the expected one is not judged behind it. */
  if (info->higher_is_better ? value >= expected - 1e-9 : value <= expected + 1e-9)
    return RK_INDICATOR_STATUS_ON_TRACK;
  return RK_INDICATOR_STATUS_NEEDS_ATTENTION;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Measurements */

RkIndicatorValue *
rk_indicator_value_new (gint64      id,
                        const char *period,
                        double      value,
                        gboolean    has_parts,
                        double      numerator,
                        double      denominator,
                        const char *note)
{
  RkIndicatorValue *self = g_new0 (RkIndicatorValue, 1);

  self->id = id;
  self->period = g_strdup (period != NULL ? period : "");
  self->value = value;
  self->has_parts = has_parts;
  self->numerator = numerator;
  self->denominator = denominator;
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

void
rk_indicator_value_free (RkIndicatorValue *value)
{
  if (value == NULL)
    return;
  g_free (value->period);
  g_free (value->note);
  g_free (value);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The object */

struct _RkIndicator
{
  GObject      parent_instance;

  gint64       id;
  char        *catalog_code;
  char        *name;
  char        *group;
  char        *unit;
  RkUnitKind   unit_kind;
  gboolean     is_ratio;
  char        *numerator_label;
  char        *denominator_label;
  double       factor;
  gboolean     higher_is_better;
  char        *data_source;
  RkFrequency  frequency;
  gboolean     has_baseline;
  double       baseline_value;
  char        *baseline_period;
  gboolean     has_target;
  double       target_value;
  char        *target_period;
  gint64       rule_document_id;
  gint64       task_id;
  char        *notes;
  int          position;

  GPtrArray   *values; /* RkIndicatorValue, by period */
  RkIndicatorStatus status;
};

G_DEFINE_FINAL_TYPE (RkIndicator, rk_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATALOG_CODE,
  PROP_NAME,
  PROP_GROUP,
  PROP_UNIT,
  PROP_UNIT_KIND,
  PROP_IS_RATIO,
  PROP_NUMERATOR_LABEL,
  PROP_DENOMINATOR_LABEL,
  PROP_FACTOR,
  PROP_HIGHER_IS_BETTER,
  PROP_DATA_SOURCE,
  PROP_FREQUENCY,
  PROP_HAS_BASELINE,
  PROP_BASELINE_VALUE,
  PROP_BASELINE_PERIOD,
  PROP_HAS_TARGET,
  PROP_TARGET_VALUE,
  PROP_TARGET_PERIOD,
  PROP_RULE_DOCUMENT_ID,
  PROP_TASK_ID,
  PROP_NOTES,
  PROP_POSITION,
  PROP_N_VALUES,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rk_indicator_finalize (GObject *object)
{
  RkIndicator *self = RK_INDICATOR (object);

  g_free (self->catalog_code);
  g_free (self->name);
  g_free (self->group);
  g_free (self->unit);
  g_free (self->numerator_label);
  g_free (self->denominator_label);
  g_free (self->data_source);
  g_free (self->baseline_period);
  g_free (self->target_period);
  g_free (self->notes);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (rk_indicator_parent_class)->finalize (object);
}

static void
rk_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RkIndicator *self = RK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CATALOG_CODE: g_value_set_string (value, self->catalog_code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_GROUP: g_value_set_string (value, self->group); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_UNIT_KIND: g_value_set_int (value, self->unit_kind); break;
    case PROP_IS_RATIO: g_value_set_boolean (value, self->is_ratio); break;
    case PROP_NUMERATOR_LABEL: g_value_set_string (value, self->numerator_label); break;
    case PROP_DENOMINATOR_LABEL: g_value_set_string (value, self->denominator_label); break;
    case PROP_FACTOR: g_value_set_double (value, self->factor); break;
    case PROP_HIGHER_IS_BETTER: g_value_set_boolean (value, self->higher_is_better); break;
    case PROP_DATA_SOURCE: g_value_set_string (value, self->data_source); break;
    case PROP_FREQUENCY: g_value_set_enum (value, self->frequency); break;
    case PROP_HAS_BASELINE: g_value_set_boolean (value, self->has_baseline); break;
    case PROP_BASELINE_VALUE: g_value_set_double (value, self->baseline_value); break;
    case PROP_BASELINE_PERIOD: g_value_set_string (value, self->baseline_period); break;
    case PROP_HAS_TARGET: g_value_set_boolean (value, self->has_target); break;
    case PROP_TARGET_VALUE: g_value_set_double (value, self->target_value); break;
    case PROP_TARGET_PERIOD: g_value_set_string (value, self->target_period); break;
    case PROP_RULE_DOCUMENT_ID: g_value_set_int64 (value, self->rule_document_id); break;
    case PROP_TASK_ID: g_value_set_int64 (value, self->task_id); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_POSITION: g_value_set_int (value, self->position); break;
    case PROP_N_VALUES: g_value_set_uint (value, self->values->len); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_indicator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RkIndicator *self = RK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

static void
rk_indicator_class_init (RkIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_indicator_finalize;
  object_class->get_property = rk_indicator_get_property;
  object_class->set_property = rk_indicator_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG_CODE] = g_param_spec_string ("catalog-code", NULL, NULL, "", RO);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", RO);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", RO);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", RO);
  properties[PROP_UNIT_KIND] = g_param_spec_int ("unit-kind", NULL, NULL, 0, 2, RK_UNIT_KIND_COUNT, RO);
  properties[PROP_IS_RATIO] = g_param_spec_boolean ("is-ratio", NULL, NULL, FALSE, RO);
  properties[PROP_NUMERATOR_LABEL] = g_param_spec_string ("numerator-label", NULL, NULL, "", RO);
  properties[PROP_DENOMINATOR_LABEL] = g_param_spec_string ("denominator-label", NULL, NULL, "", RO);
  properties[PROP_FACTOR] = g_param_spec_double ("factor", NULL, NULL, 0, G_MAXDOUBLE, 1, RO);
  properties[PROP_HIGHER_IS_BETTER] = g_param_spec_boolean ("higher-is-better", NULL, NULL, TRUE, RO);
  properties[PROP_DATA_SOURCE] = g_param_spec_string ("data-source", NULL, NULL, "", RO);
  properties[PROP_FREQUENCY] = g_param_spec_enum ("frequency", NULL, NULL, RK_TYPE_FREQUENCY, RK_FREQUENCY_YEAR, RO);
  properties[PROP_HAS_BASELINE] = g_param_spec_boolean ("has-baseline", NULL, NULL, FALSE, RO);
  properties[PROP_BASELINE_VALUE] = g_param_spec_double ("baseline-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                                                         RO);
  properties[PROP_BASELINE_PERIOD] = g_param_spec_string ("baseline-period", NULL, NULL, "", RO);
  properties[PROP_HAS_TARGET] = g_param_spec_boolean ("has-target", NULL, NULL, FALSE, RO);
  properties[PROP_TARGET_VALUE] = g_param_spec_double ("target-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, RO);
  properties[PROP_TARGET_PERIOD] = g_param_spec_string ("target-period", NULL, NULL, "", RO);
  properties[PROP_RULE_DOCUMENT_ID] = g_param_spec_int64 ("rule-document-id", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_TASK_ID] = g_param_spec_int64 ("task-id", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", RO);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, RO);
  properties[PROP_N_VALUES] = g_param_spec_uint ("n-values", NULL, NULL, 0, G_MAXUINT, 0, RO);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, 2, RK_INDICATOR_STATUS_NONE, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_indicator_init (RkIndicator *self)
{
  self->catalog_code = g_strdup ("");
  self->name = g_strdup ("");
  self->group = g_strdup ("");
  self->unit = g_strdup ("");
  self->numerator_label = g_strdup ("");
  self->denominator_label = g_strdup ("");
  self->data_source = g_strdup ("");
  self->baseline_period = g_strdup ("");
  self->target_period = g_strdup ("");
  self->notes = g_strdup ("");
  self->unit_kind = RK_UNIT_KIND_COUNT;
  self->factor = 1;
  self->higher_is_better = TRUE;
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_indicator_value_free);
}

static void
set_string (RkIndicator  *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define SET_SCALAR(field, value, prop) \
  G_STMT_START { \
    if (self->field != (value)) \
      { \
        self->field = (value); \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      } \
  } G_STMT_END

static void
update_status (RkIndicator *self)
{
  RkIndicatorStatus status = rk_indicator_get_status (self);

  SET_SCALAR (status, status, PROP_STATUS);
}

RkIndicator *
rk_indicator_new_for_store (gint64                 id,
                            const RkIndicatorInfo *info,
                            int                    position)
{
  RkIndicator *self = g_object_new (RK_TYPE_INDICATOR, "id", id, NULL);

  rk_indicator_set_info (self, info);
  self->position = position;
  return self;
}

void
rk_indicator_set_info (RkIndicator           *self,
                       const RkIndicatorInfo *info)
{
  g_return_if_fail (RK_IS_INDICATOR (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->catalog_code, info->catalog_code, PROP_CATALOG_CODE);
  set_string (self, &self->name, info->name, PROP_NAME);
  set_string (self, &self->group, info->group, PROP_GROUP);
  set_string (self, &self->unit, info->unit, PROP_UNIT);
  SET_SCALAR (unit_kind, info->unit_kind, PROP_UNIT_KIND);
  SET_SCALAR (is_ratio, !!info->is_ratio, PROP_IS_RATIO);
  set_string (self, &self->numerator_label, info->numerator_label, PROP_NUMERATOR_LABEL);
  set_string (self, &self->denominator_label, info->denominator_label, PROP_DENOMINATOR_LABEL);
  SET_SCALAR (factor, info->factor, PROP_FACTOR);
  SET_SCALAR (higher_is_better, !!info->higher_is_better, PROP_HIGHER_IS_BETTER);
  set_string (self, &self->data_source, info->data_source, PROP_DATA_SOURCE);
  SET_SCALAR (frequency, info->frequency, PROP_FREQUENCY);
  SET_SCALAR (has_baseline, !!info->has_baseline, PROP_HAS_BASELINE);
  SET_SCALAR (baseline_value, info->has_baseline ? info->baseline_value : 0, PROP_BASELINE_VALUE);
  set_string (self, &self->baseline_period, info->has_baseline ? info->baseline_period : "", PROP_BASELINE_PERIOD);
  SET_SCALAR (has_target, !!info->has_target, PROP_HAS_TARGET);
  SET_SCALAR (target_value, info->has_target ? info->target_value : 0, PROP_TARGET_VALUE);
  set_string (self, &self->target_period, info->has_target ? info->target_period : "", PROP_TARGET_PERIOD);
  SET_SCALAR (rule_document_id, info->rule_document_id, PROP_RULE_DOCUMENT_ID);
  SET_SCALAR (task_id, info->task_id, PROP_TASK_ID);
  set_string (self, &self->notes, info->notes, PROP_NOTES);
  update_status (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const RkIndicatorValue *va = *(const RkIndicatorValue * const *) a;
  const RkIndicatorValue *vb = *(const RkIndicatorValue * const *) b;

  return rk_period_compare (va->period, vb->period);
}

void
rk_indicator_set_values (RkIndicator *self,
                         GPtrArray   *values)
{
  g_return_if_fail (RK_IS_INDICATOR (self));
  g_return_if_fail (values != NULL);

  g_ptr_array_sort (values, compare_values);
  g_ptr_array_unref (self->values);
  self->values = values;
  g_object_freeze_notify (G_OBJECT (self));
  /* Always: the count may stay the same while a value changed, and views redraw on this. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VALUES]);
  update_status (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64       rk_indicator_get_id                (RkIndicator *self) { return self->id; }
const char  *rk_indicator_get_catalog_code      (RkIndicator *self) { return self->catalog_code; }
const char  *rk_indicator_get_name              (RkIndicator *self) { return self->name; }
const char  *rk_indicator_get_group             (RkIndicator *self) { return self->group; }
const char  *rk_indicator_get_unit              (RkIndicator *self) { return self->unit; }
RkUnitKind   rk_indicator_get_unit_kind         (RkIndicator *self) { return self->unit_kind; }
gboolean     rk_indicator_get_is_ratio          (RkIndicator *self) { return self->is_ratio; }
const char  *rk_indicator_get_numerator_label   (RkIndicator *self) { return self->numerator_label; }
const char  *rk_indicator_get_denominator_label (RkIndicator *self) { return self->denominator_label; }
double       rk_indicator_get_factor            (RkIndicator *self) { return self->factor; }
gboolean     rk_indicator_get_higher_is_better  (RkIndicator *self) { return self->higher_is_better; }
const char  *rk_indicator_get_data_source       (RkIndicator *self) { return self->data_source; }
RkFrequency  rk_indicator_get_frequency         (RkIndicator *self) { return self->frequency; }
gboolean     rk_indicator_get_has_baseline      (RkIndicator *self) { return self->has_baseline; }
double       rk_indicator_get_baseline_value    (RkIndicator *self) { return self->baseline_value; }
const char  *rk_indicator_get_baseline_period   (RkIndicator *self) { return self->baseline_period; }
gboolean     rk_indicator_get_has_target        (RkIndicator *self) { return self->has_target; }
double       rk_indicator_get_target_value      (RkIndicator *self) { return self->target_value; }
const char  *rk_indicator_get_target_period     (RkIndicator *self) { return self->target_period; }
gint64       rk_indicator_get_rule_document_id  (RkIndicator *self) { return self->rule_document_id; }
gint64       rk_indicator_get_task_id           (RkIndicator *self) { return self->task_id; }
const char  *rk_indicator_get_notes             (RkIndicator *self) { return self->notes; }
int          rk_indicator_get_position          (RkIndicator *self) { return self->position; }
guint        rk_indicator_get_n_values          (RkIndicator *self) { return self->values->len; }

void
rk_indicator_get_info (RkIndicator     *self,
                       RkIndicatorInfo *info)
{
  g_return_if_fail (RK_IS_INDICATOR (self));
  g_return_if_fail (info != NULL);

  *info = (RkIndicatorInfo) {
    .catalog_code = self->catalog_code,
    .name = self->name,
    .group = self->group,
    .unit = self->unit,
    .unit_kind = self->unit_kind,
    .is_ratio = self->is_ratio,
    .numerator_label = self->numerator_label,
    .denominator_label = self->denominator_label,
    .factor = self->factor,
    .higher_is_better = self->higher_is_better,
    .data_source = self->data_source,
    .frequency = self->frequency,
    .has_baseline = self->has_baseline,
    .baseline_value = self->baseline_value,
    .baseline_period = self->baseline_period,
    .has_target = self->has_target,
    .target_value = self->target_value,
    .target_period = self->target_period,
    .rule_document_id = self->rule_document_id,
    .task_id = self->task_id,
    .notes = self->notes,
  };
}

char *
rk_indicator_describe_definition (RkIndicator *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR (self), NULL);

  if (!self->is_ratio)
    return g_strdup ("");
  if (self->factor == 1)
    return g_strdup_printf ("%s / %s", self->numerator_label, self->denominator_label);
  return g_strdup_printf ("%s / %s × %g", self->numerator_label, self->denominator_label, self->factor);
}

const RkIndicatorValue *
rk_indicator_get_value (RkIndicator *self,
                        guint        index)
{
  g_return_val_if_fail (RK_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (index < self->values->len, NULL);

  return g_ptr_array_index (self->values, index);
}

const RkIndicatorValue *
rk_indicator_lookup_value (RkIndicator *self,
                           const char  *period)
{
  g_return_val_if_fail (RK_IS_INDICATOR (self), NULL);

  for (guint i = 0; i < self->values->len; i++)
    {
      const RkIndicatorValue *value = g_ptr_array_index (self->values, i);

      if (rk_period_compare (value->period, period) == 0)
        return value;
    }
  return NULL;
}

RkIndicatorStatus
rk_indicator_get_status (RkIndicator *self)
{
  RkIndicatorInfo info;
  const RkIndicatorValue *first, *last;

  g_return_val_if_fail (RK_IS_INDICATOR (self), RK_INDICATOR_STATUS_NONE);

  if (self->values->len == 0)
    return RK_INDICATOR_STATUS_NONE;
  rk_indicator_get_info (self, &info);
  first = g_ptr_array_index (self->values, 0);
  last = g_ptr_array_index (self->values, self->values->len - 1);
  return rk_indicator_info_evaluate (&info, first->value, first->period, last->value, last->period);
}

/* rk-era.c — Japanese era (和暦) dates and fiscal years. */

#include "rk-era.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  const char *name;
  int         year, month, day; /* first day of the era */
} RkEra;

/* Newest first. Dates before 明治 are outside what a council file can hold. */
static const RkEra eras[] = {
  { "令和", 2019, 5, 1 },
  { "平成", 1989, 1, 8 },
  { "昭和", 1926, 12, 25 },
  { "大正", 1912, 7, 30 },
  { "明治", 1868, 1, 25 },
};

static const RkEra *
era_of (int year, int month, int day)
{
  int key = year * 10000 + month * 100 + day;

  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (key >= eras[i].year * 10000 + eras[i].month * 100 + eras[i].day)
      return &eras[i];
  return NULL;
}

/* "令和7年" or "令和元年"; NULL before 明治. */
static char *
format_era_year (int year, int month, int day)
{
  const RkEra *era = era_of (year, month, day);
  int n;

  if (era == NULL)
    return NULL;
  n = year - era->year + 1;
  if (n == 1)
    return g_strdup_printf ("%s元年", era->name);
  return g_strdup_printf ("%s%d年", era->name, n);
}

char *
rk_era_format_ymd (int year, int month, int day)
{
  g_autofree char *era_year = NULL;

  g_return_val_if_fail (g_date_valid_dmy (day, month, year), NULL);

  era_year = format_era_year (year, month, day);
  if (era_year == NULL)
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup_printf ("%s(%d年)%d月%d日", era_year, year, month, day);
}

char *
rk_era_format_date (GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return rk_era_format_ymd (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
rk_era_format_month (int year, int month)
{
  g_autofree char *era_year = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* A month takes the era of its last day: 2019年5月 is 令和元年5月, 2019年4月 is 平成31年4月. */
  era_year = format_era_year (year, month, g_date_get_days_in_month (month, year));
  if (era_year == NULL)
    return g_strdup_printf ("%d年%d月", year, month);
  return g_strdup_printf ("%s(%d年)%d月", era_year, year, month);
}

char *
rk_era_format_fiscal_year (int fiscal_year)
{
  const RkEra *era;
  int n;

  /* A 年度 takes the era in force for most of it: FY2019 (April 2019–March 2020) is 令和元年度. */
  era = era_of (fiscal_year, 12, 31);
  if (era == NULL)
    return g_strdup_printf ("%d年度", fiscal_year);
  n = fiscal_year - era->year + 1;
  if (n == 1)
    return g_strdup_printf ("%s元年度(%d年度)", era->name, fiscal_year);
  return g_strdup_printf ("%s%d年度(%d年度)", era->name, n, fiscal_year);
}

int
rk_era_fiscal_year_of (int year, int month)
{
  return month >= 4 ? year : year - 1;
}

gboolean
rk_era_parse_iso_date (const char *text, GDate *date)
{
  unsigned y, m, d;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

void
rk_era_get_today (GDate *date)
{
  const char *pinned = g_getenv ("RK_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (pinned != NULL && *pinned != '\0')
    {
      if (rk_era_parse_iso_date (pinned, date))
        return;
      g_warning ("RK_TODAY=%s is not a date (YYYY-MM-DD); using the clock", pinned);
    }
  now = g_date_time_new_now_local ();
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Japanese era dates and fiscal-year arithmetic. */

#include "rk-era.h"

static void
check_ymd (int y, int m, int d, const char *expected)
{
  g_autofree char *s = rk_era_format_ymd (y, m, d);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_era_dates (void)
{
  check_ymd (2025, 4, 1, "令和7年(2025年)4月1日");
  check_ymd (2019, 5, 1, "令和元年(2019年)5月1日");
  check_ymd (2019, 4, 30, "平成31年(2019年)4月30日");
  check_ymd (1989, 1, 8, "平成元年(1989年)1月8日");
  check_ymd (1989, 1, 7, "昭和64年(1989年)1月7日");
  check_ymd (2000, 2, 29, "平成12年(2000年)2月29日");
}

static void
test_era_month (void)
{
  g_autofree char *a = rk_era_format_month (2019, 4);
  g_autofree char *b = rk_era_format_month (2019, 5);
  g_autofree char *c = rk_era_format_month (2024, 11);

  g_assert_cmpstr (a, ==, "平成31年(2019年)4月");
  g_assert_cmpstr (b, ==, "令和元年(2019年)5月");
  g_assert_cmpstr (c, ==, "令和6年(2024年)11月");
}

static void
test_era_fiscal_year (void)
{
  g_autofree char *fy2018 = rk_era_format_fiscal_year (2018);
  g_autofree char *fy2019 = rk_era_format_fiscal_year (2019);
  g_autofree char *fy2025 = rk_era_format_fiscal_year (2025);

  g_assert_cmpstr (fy2018, ==, "平成30年度(2018年度)");
  g_assert_cmpstr (fy2019, ==, "令和元年度(2019年度)");
  g_assert_cmpstr (fy2025, ==, "令和7年度(2025年度)");

  /* March belongs to the previous 年度. */
  g_assert_cmpint (rk_era_fiscal_year_of (2026, 3), ==, 2025);
  g_assert_cmpint (rk_era_fiscal_year_of (2026, 4), ==, 2026);
  g_assert_cmpint (rk_era_fiscal_year_of (2025, 12), ==, 2025);
  g_assert_cmpint (rk_era_fiscal_year_of (2025, 1), ==, 2024);
}

static void
test_era_parse (void)
{
  GDate date;

  g_assert_true (rk_era_parse_iso_date ("2025-04-01", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2025);
  g_assert_cmpint (g_date_get_month (&date), ==, 4);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_true (rk_era_parse_iso_date ("2024-02-29", &date));

  g_assert_false (rk_era_parse_iso_date ("2025-02-30", &date));
  g_assert_false (rk_era_parse_iso_date ("2023-02-29", &date));
  g_assert_false (rk_era_parse_iso_date ("2025-13-01", &date));
  g_assert_false (rk_era_parse_iso_date ("2025-4-1", &date));
  g_assert_false (rk_era_parse_iso_date ("2025-04-01x", &date));
  g_assert_false (rk_era_parse_iso_date ("", &date));
  g_assert_false (rk_era_parse_iso_date (NULL, &date));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/era/dates", test_era_dates);
  g_test_add_func ("/era/month", test_era_month);
  g_test_add_func ("/era/fiscal-year", test_era_fiscal_year);
  g_test_add_func ("/era/parse", test_era_parse);
  return g_test_run ();
}

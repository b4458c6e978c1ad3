/* rk-era.h — Japanese era (和暦) dates and fiscal years (年度, April–March). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "令和7年(2025年)4月1日"; "平成31年(2019年)4月30日"; 元年 is written 元年 ("令和元年(2019年)5月1日"). */
char    *rk_era_format_date        (GDate       *date);
char    *rk_era_format_ymd         (int          year,
                                    int          month,
                                    int          day);
/* "令和7年(2025年)4月" */
char    *rk_era_format_month       (int          year,
                                    int          month);
/* "令和7年度(2025年度)": the fiscal year that starts in April of @fiscal_year. */
char    *rk_era_format_fiscal_year (int          fiscal_year);
/* The 年度 a month belongs to: March 2026 belongs to fiscal 2025. */
int      rk_era_fiscal_year_of     (int          year,
                                    int          month);
/* Today's date in local time; RK_TODAY=YYYY-MM-DD pins it (tests, and a demo written "as of" a day). Everything
 * that judges "today" (current members, overdue tasks and action items, documents' dates) asks this. */
void     rk_era_get_today          (GDate       *date);
/* Parses "2025-04-01" (ISO) into @date; FALSE for anything impossible (2025-02-30). */
gboolean rk_era_parse_iso_date     (const char  *text,
                                    GDate       *date);

G_END_DECLS

/* rk-month-row.h — a row that picks a month: a year and a month, with the month shown in 和暦 beneath its title
 * ("令和7年(2025年)4月"). Used for a task's start and end and for the month a schedule template starts. */
#pragma once

#include <adwaita.h>

#include "rk-schedule.h"

G_BEGIN_DECLS

#define RK_TYPE_MONTH_ROW (rk_month_row_get_type ())
G_DECLARE_FINAL_TYPE (RkMonthRow, rk_month_row, RK, MONTH_ROW, AdwActionRow)

/* Properties: "month" (int, an RkMonth), notified whenever the year or the month changes. */
GtkWidget   *rk_month_row_new       (const char *title);
RkMonth      rk_month_row_get_month (RkMonthRow *self);
void         rk_month_row_set_month (RkMonthRow *self,
                                     RkMonth     month);

G_END_DECLS

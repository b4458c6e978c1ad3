/* rk-schedule.h — month arithmetic, fiscal years and progress for the work schedule; pure functions, no store. */
#pragma once

#include <gio/gio.h> /* GListModel */

#include "rk-task.h"

G_BEGIN_DECLS

/* A month as one integer: year * 12 + (month - 1). */
typedef int RkMonth;

gboolean  rk_month_parse            (const char *text,   /* "YYYY-MM" */
                                     RkMonth    *month);
char     *rk_month_to_string        (RkMonth     month); /* "YYYY-MM" */
int       rk_month_get_year         (RkMonth     month);
int       rk_month_get_month        (RkMonth     month); /* 1–12 */
RkMonth   rk_month_from_date        (GDate      *date);
/* The 年度 a month belongs to (March 2026 → 2025), and the first month of a 年度 (April). */
int       rk_month_get_fiscal_year  (RkMonth     month);
RkMonth   rk_month_fiscal_start     (int         fiscal_year);
/* "2025年6月–2026年3月" — the span as bars and accessible names show it; a single month is "2025年10月". */
char     *rk_month_format_span      (RkMonth     start,
                                     RkMonth     end);

/* The tasks a catalog template (rk-catalog.h RkScheduleTemplate, "three-year" or "one-year") gives when its
 * timeline starts at @anchor: each item's start = anchor + its start offset. Returns a GPtrArray of RkTaskInfo whose
 * strings it owns (free with g_ptr_array_unref); NULL with a GError for an unknown template. */
GPtrArray *rk_schedule_instantiate_template (const char *template_id,
                                             RkMonth     anchor,
                                             GError    **error);

/* Share of a step's tasks that are done, 0.0–1.0, not counting cancelled ones; -1 when the step has none.
 * @tasks: a GListModel of RkTask. */
double    rk_schedule_step_progress (GListModel *tasks,
                                     int         step);

G_END_DECLS

/* rk-schedule-page.h — 工程表: the work schedule (STEP1–6) as a Gantt chart, started from a template of the guide,
 * edited task by task, exported as PDF or PNG and printed. */
#pragma once

#include <adwaita.h>

#include "rk-gantt.h"
#include "rk-store-tasks.h"

G_BEGIN_DECLS

#define RK_TYPE_SCHEDULE_PAGE (rk_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (RkSchedulePage, rk_schedule_page, RK, SCHEDULE_PAGE, AdwBin)

/* Actions (each does what the user's click or key does; x is a task id):
 *   "schedule.add-task" (Ctrl+Shift+N): the task editor for a new task (in the selected row's step);
 *   "schedule.edit-task" (x) (Enter on a task row): the task editor;
 *   "schedule.remove-task" (x) (Delete on the selected row): removes with an undo toast;
 *   "schedule.undo-remove": undoes the last removal;
 *   "schedule.move-up" (x) / "schedule.move-down" (x) (Alt+Up / Alt+Down on the selected row): within its step;
 *   "schedule.set-status" ((xi)): task id, RkTaskStatus;
 *   "schedule.choose-template" (s): asks the start month, then adds the template's tasks;
 *   "schedule.start-template" ((ss)): template id ("three-year" / "one-year"), start month "YYYY-MM";
 *   "schedule.zoom" (s, stateful): "month" (Ctrl+Plus) or "quarter" (Ctrl+Minus);
 *   "schedule.export-pdf" / "schedule.export-png": save dialog; "schedule.export-pdf-to" (s) /
 *   "schedule.export-png-to" (s): write to the path without asking;
 *   "schedule.print": GtkPrintOperation drawing the PDF's pages (A4 landscape). */
GtkWidget   *rk_schedule_page_new              (RkStore        *store);
RkStore     *rk_schedule_page_get_store        (RkSchedulePage *self);
/* The chart as shown, brought up to date first (the page rebuilds it once after a burst of changes). Owned by the
 * page: valid until the next change to the tasks or the zoom. */
RkGantt     *rk_schedule_page_get_gantt        (RkSchedulePage *self);
/* The list's model: one item per row of the chart. */
GListModel  *rk_schedule_page_get_rows         (RkSchedulePage *self);
/* The widget showing row @row while it is on screen (it has the row's accessible label), else NULL. */
GtkWidget   *rk_schedule_page_get_row_widget   (RkSchedulePage *self,
                                                guint           row);
/* The selected task, or NULL. Selecting scrolls the chart to it. */
RkTask      *rk_schedule_page_get_selected_task (RkSchedulePage *self);
void         rk_schedule_page_select_task      (RkSchedulePage *self,
                                                RkTask         *task);
/* The toast offering to undo the last removal while it is shown, else NULL (for tests: its button-clicked). */
AdwToast    *rk_schedule_page_get_undo_toast   (RkSchedulePage *self);

gboolean     rk_schedule_page_start_template   (RkSchedulePage *self,
                                                const char     *template_id,
                                                const char     *start_month,
                                                GError        **error);
gboolean     rk_schedule_page_export_pdf       (RkSchedulePage *self,
                                                const char     *path,
                                                GError        **error);
gboolean     rk_schedule_page_export_png       (RkSchedulePage *self,
                                                const char     *path,
                                                GError        **error);

G_END_DECLS

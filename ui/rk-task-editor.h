/* rk-task-editor.h — a dialog that adds a task to the work schedule (工程表) or edits one: its step, code, title,
 * span of months, owner, status, milestone flag, cadence and notes, and (read-only) the meetings that serve it. */
#pragma once

#include <adwaita.h>

#include "rk-store-tasks.h"

G_BEGIN_DECLS

#define RK_TYPE_TASK_EDITOR (rk_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkTaskEditor, rk_task_editor, RK, TASK_EDITOR, AdwWindow)

/* Actions (what the user's edits do):
 *   "editor.set-field" (ss): "step" (1–6), "code", "title", "start-month" and "end-month" ("YYYY-MM"),
 *                            "owner-member" (a member id, "0" for none), "owner-text", "status" (RkTaskStatus,
 *                            decimal), "milestone" ("true"/"false"), "cadence" or "notes", and its new value;
 *   "editor.save": validates, writes to the store and closes (stays open with the message when refused);
 *   "editor.cancel": closes, changing nothing.
 * @task: NULL to add a new task; @info (nullable) pre-fills a new task (e.g. its step and start month). */
GtkWidget   *rk_task_editor_new            (GtkWindow        *parent,
                                            RkStore          *store,
                                            RkTask           *task,
                                            const RkTaskInfo *info);
/* The task being edited, or the one just added by a successful save; NULL before. */
RkTask      *rk_task_editor_get_task       (RkTaskEditor     *self);
gboolean     rk_task_editor_get_can_save   (RkTaskEditor     *self);
/* Why the task cannot be saved as entered (translated), or NULL. */
const char  *rk_task_editor_get_message    (RkTaskEditor     *self);
/* How many meetings the "Meetings" group lists. */
guint        rk_task_editor_get_n_meetings (RkTaskEditor     *self);

G_END_DECLS

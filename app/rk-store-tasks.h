/* rk-store-tasks.h — the work schedule's part of the store (app/rk-store-tasks.c). */
#pragma once

#include "rk-schedule.h"
#include "rk-store.h"
#include "rk-task.h"

G_BEGIN_DECLS

/* All tasks not deleted, ordered by step then position. Changes as tasks are added, edited, moved, removed. */
GListModel *rk_store_get_tasks          (RkStore          *self);
/* Appends at the end of its step. Returns a new reference. */
RkTask     *rk_store_add_task           (RkStore          *self,
                                         const RkTaskInfo *info,
                                         GError          **error);
gboolean    rk_store_update_task        (RkStore          *self,
                                         RkTask           *task,
                                         const RkTaskInfo *info,
                                         GError          **error);
/* Moves the task up (-1) or down (+1) within its step; FALSE without error when it is already first/last. */
gboolean    rk_store_move_task          (RkStore          *self,
                                         RkTask           *task,
                                         int               delta,
                                         GError          **error);
gboolean    rk_store_remove_task        (RkStore          *self,
                                         RkTask           *task,
                                         GError          **error);
gboolean    rk_store_restore_task       (RkStore          *self,
                                         RkTask           *task,
                                         GError          **error);
/* Adds @n tasks in one transaction, each appended at the end of its step in the order given; all or nothing (a
 * refused one is named by its number and code). The list hears of a large batch in one splice. */
gboolean    rk_store_add_tasks          (RkStore          *self,
                                         const RkTaskInfo *tasks,
                                         guint             n,
                                         GError          **error);
/* Adds every task of a catalog template anchored at @anchor, in one transaction. */
gboolean    rk_store_add_template_tasks (RkStore          *self,
                                         const char       *template_id,
                                         RkMonth           anchor,
                                         GError          **error);

/* A meeting that serves a task (meeting.task_id), for showing a task's meetings. */
typedef struct {
  gint64  meeting_id;
  char   *body_name;
  int     number;    /* 第n回 */
  char   *title;
  char   *starts_at; /* "YYYY-MM-DDTHH:MM" */
  int     status;    /* 0 予定, 1 開催済, 2 中止 */
} RkTaskMeeting;
void        rk_task_meeting_free        (RkTaskMeeting    *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkTaskMeeting, rk_task_meeting_free)
/* GPtrArray of RkTaskMeeting (free func set), by date. */
GPtrArray  *rk_store_list_task_meetings (RkStore          *self,
                                         RkTask           *task,
                                         GError          **error);

G_END_DECLS

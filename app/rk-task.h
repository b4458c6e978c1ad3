/* rk-task.h — a task of the work schedule (工程表): STEP1–6, a code such as "3-2", a span of months, an owner and a
 * status. Months are ISO "YYYY-MM". */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  RK_TASK_TODO      = 0, /* 未着手 */
  RK_TASK_DOING     = 1, /* 進行中 */
  RK_TASK_DONE      = 2, /* 完了 */
  RK_TASK_CANCELLED = 3, /* 中止 */
} RkTaskStatus;

#define RK_TYPE_TASK_STATUS (rk_task_status_get_type ())
GType        rk_task_status_get_type  (void);
const char  *rk_task_status_to_label  (RkTaskStatus status); /* translated: 未着手 … under ja_JP */

typedef struct {
  int           step;            /* 1–6 */
  const char   *code;            /* "3-2"; may be empty */
  const char   *title;           /* 定期研究会の開催 */
  const char   *start_month;     /* "2025-06" */
  const char   *end_month;       /* "2026-03", not before start_month */
  gint64        owner_member_id; /* a member of the roster, or 0 */
  const char   *owner_text;      /* or an organisation typed in */
  RkTaskStatus  status;
  gboolean      milestone;       /* e.g. 5-2 連携ルール完成, 6-1 運用開始 */
  const char   *cadence;         /* "2か月に1回" */
  const char   *notes;
} RkTaskInfo;

/* Refuses, with a translated message naming the field: a step outside 1–6, an empty title, a month that is not
 * "YYYY-MM" with 01–12 (or before 1989 / after 2200), an end month before the start month. */
gboolean     rk_task_info_validate (const RkTaskInfo *info,
                                    GError          **error);

#define RK_TYPE_TASK (rk_task_get_type ())
G_DECLARE_FINAL_TYPE (RkTask, rk_task, RK, TASK, GObject)

/* Properties: "id" (gint64, construct-only), "step", "code", "title", "start-month", "end-month",
 * "owner-member-id" (gint64), "owner-text", "status" (RkTaskStatus), "milestone", "cadence", "notes", "position" (int:
 * order within the step). A property bag only the store writes (edits go through rk_store_update_task()). */
gint64        rk_task_get_id              (RkTask *self);
int           rk_task_get_step            (RkTask *self);
const char   *rk_task_get_code            (RkTask *self);
const char   *rk_task_get_title           (RkTask *self);
const char   *rk_task_get_start_month     (RkTask *self);
const char   *rk_task_get_end_month       (RkTask *self);
gint64        rk_task_get_owner_member_id (RkTask *self);
const char   *rk_task_get_owner_text      (RkTask *self);
RkTaskStatus  rk_task_get_status          (RkTask *self);
gboolean      rk_task_get_milestone       (RkTask *self);
const char   *rk_task_get_cadence         (RkTask *self);
const char   *rk_task_get_notes           (RkTask *self);
int           rk_task_get_position        (RkTask *self);
void          rk_task_get_info            (RkTask     *self,
                                           RkTaskInfo *info);
/* Overdue: not done or cancelled, and its end month is before the month of @today (NULL: today, as the store
 * sees it, RK_TODAY-aware). */
gboolean      rk_task_is_overdue          (RkTask     *self,
                                           GDate      *today);

G_END_DECLS

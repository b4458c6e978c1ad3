/* rk-task-private.h — for the store module (rk-store-tasks.c) only: RkTask is a property bag that only the store
 * writes, after the edit is committed. */
#pragma once

#include "rk-task.h"

G_BEGIN_DECLS

/* Strings in @info are copied; NULL reads as "". */
RkTask  *rk_task_new_for_store (gint64            id,
                                const RkTaskInfo *info,
                                int               position);
/* Notifies only the properties whose value changed. */
void     rk_task_set_info      (RkTask           *self,
                                const RkTaskInfo *info);
void     rk_task_set_position  (RkTask           *self,
                                int               position);

G_END_DECLS

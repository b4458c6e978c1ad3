/* rk-action-tracker.h — every action item (宿題事項) across the council's meetings: filter open / overdue / done,
 * mark done, change the status, jump to the meeting it came from. */
#pragma once

#include <adwaita.h>

#include "rk-meeting.h"
#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_ACTION_TRACKER (rk_action_tracker_get_type ())
G_DECLARE_FINAL_TYPE (RkActionTracker, rk_action_tracker, RK, ACTION_TRACKER, AdwBin)

/* Actions (group "tracker"): "filter" (s, stateful: "all", "open", "overdue", "done"), "mark-done" (x: item id),
 * "set-status" ((xi): item id, RkActionStatus), "show-meeting" (x: item id; needs an RkWindow with a "meetings"
 * page). */
GtkWidget      *rk_action_tracker_new        (RkStore         *store);
RkStore        *rk_action_tracker_get_store  (RkActionTracker *self);
RkActionFilter  rk_action_tracker_get_filter (RkActionTracker *self);
void            rk_action_tracker_set_filter (RkActionTracker *self,
                                              RkActionFilter   filter);
/* The items shown under the filter (RkActionItem), for tests. */
GListModel     *rk_action_tracker_get_items  (RkActionTracker *self);

G_END_DECLS

/* rk-challenges-view.h — the council's challenges (課題): add, edit, status, and notes taken in meetings that follow
 * each one across meetings; removal with undo. */
#pragma once

#include <adwaita.h>

#include "rk-meeting.h"
#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_CHALLENGES_VIEW (rk_challenges_view_get_type ())
G_DECLARE_FINAL_TYPE (RkChallengesView, rk_challenges_view, RK, CHALLENGES_VIEW, AdwBin)

/* Actions (group "challenges"): "add" (opens the editor), "edit" (x: id), "remove" (x: id; undo in a toast),
 * "set-status" ((xi): id, RkChallengeStatus), "select" (x: id), "add-note" (adds the note typed under the timeline
 * in the meeting chosen there), "remove-note" (x: note id; undo in a toast). */
GtkWidget    *rk_challenges_view_new             (RkStore          *store);
RkStore      *rk_challenges_view_get_store       (RkChallengesView *self);
/* The challenge whose details and notes are shown, or NULL. */
RkChallenge  *rk_challenges_view_get_selected    (RkChallengesView *self);
void          rk_challenges_view_select          (RkChallengesView *self,
                                                  RkChallenge      *challenge);
/* The note entry and meeting chooser under the timeline, for tests and for the meetings page to preset. */
void          rk_challenges_view_set_note_meeting (RkChallengesView *self,
                                                   gint64            meeting_id);
GtkEditable  *rk_challenges_view_get_note_entry  (RkChallengesView *self);
/* The timeline's rows (one AdwActionRow per note, in order), for tests. */
GtkListBox   *rk_challenges_view_get_timeline    (RkChallengesView *self);

G_END_DECLS

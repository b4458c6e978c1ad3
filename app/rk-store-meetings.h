/* rk-store-meetings.h — the meetings' part of the store (app/rk-store-meetings.c): meetings of the bodies with their
 * automatic number (第n回), agendas and minutes, attendance, action items with carry-over (継続審議), challenges
 * (課題) with notes across meetings.
 *
 * Every edit is one transaction. Every text written (meeting title and notes, agenda item title + discussion +
 * decisions, action item title, challenge title + description + notes) is mirrored into search_index in the same
 * transaction, under kind "meeting", "agenda_item", "action_item" or "challenge" with the row's id as ref. A removal
 * is a soft delete (for undo) that drops the row's index entry; restore puts it back.
 *
 * Lists: the GListModels returned are owned by the store (transfer none) and stay valid while it lives; they change
 * as edits are made. Meetings of a body in the bin are in no list (and come back with the body). */
#pragma once

#include "rk-meeting.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------------------------ */
/* Meetings */

/* All meetings not deleted, of bodies not deleted, ordered by starts_at then id. */
GListModel   *rk_store_get_meetings          (RkStore             *self);
/* The meetings of one body, ordered by number (第1回, 第2回, …). An unknown body gives an empty list. */
GListModel   *rk_store_get_body_meetings     (RkStore             *self,
                                              gint64               body_id);
/* The meeting with @id in rk_store_get_meetings() (transfer none), or NULL: for "jump to the meeting". */
RkMeeting    *rk_store_find_meeting          (RkStore             *self,
                                              gint64               id);

/* Numbering (第n回): a new meeting takes one more than the largest number among the body's meetings not deleted.
 * Nothing is renumbered on delete: removing 第3回 of 第1–4回 leaves a gap, and restore brings 第3回 back. Removing the
 * last one (第4回) and then adding a meeting gives that number again (第4回); restoring the removed one then gives it
 * the next free number (第5回), because two live meetings of a body never share a number. A meeting moved to
 * another body takes the next number there.
 *
 * The body must be one of the council's bodies (not in the bin) and the task, when set, one of the schedule's tasks
 * (not in the bin): INVALID naming the field otherwise. Returns a new reference. */
RkMeeting    *rk_store_add_meeting           (RkStore             *self,
                                              const RkMeetingInfo *info,
                                              GError             **error);
gboolean      rk_store_update_meeting        (RkStore             *self,
                                              RkMeeting           *meeting,
                                              const RkMeetingInfo *info,
                                              GError             **error);
/* Soft delete: the meeting leaves the lists with its agenda, action items and their search entries; restore brings
 * them all back (see numbering above). */
gboolean      rk_store_remove_meeting        (RkStore             *self,
                                              RkMeeting           *meeting,
                                              GError             **error);
gboolean      rk_store_restore_meeting       (RkStore             *self,
                                              RkMeeting           *meeting,
                                              GError             **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Agenda (議事次第) and minutes (議事録) */

/* The meeting's agenda items not deleted, in order (position). */
GListModel   *rk_store_get_agenda            (RkStore                *self,
                                              RkMeeting              *meeting);
/* Appends at the end of the agenda. The presenter, when set, must be a member of the roster. Returns a new
 * reference. */
RkAgendaItem *rk_store_add_agenda_item       (RkStore                *self,
                                              RkMeeting              *meeting,
                                              const RkAgendaItemInfo *info,
                                              GError                **error);
gboolean      rk_store_update_agenda_item    (RkStore                *self,
                                              RkAgendaItem           *item,
                                              const RkAgendaItemInfo *info,
                                              GError                **error);
/* Writes only the minutes of an item (議事内容 and 決定事項; NULL reads as "") and its search entry: one small
 * transaction, cheap enough to call from a debounced "changed" handler as the user types. Once it returns TRUE the
 * text is on disk (synchronous=FULL), so it survives a crash. Nothing is written when the text did not change. */
gboolean      rk_store_set_agenda_text       (RkStore                *self,
                                              RkAgendaItem           *item,
                                              const char             *discussion,
                                              const char             *decisions,
                                              GError                **error);
/* Moves the item up (-1) or down (+1); FALSE without error when it is already first/last. */
gboolean      rk_store_move_agenda_item      (RkStore                *self,
                                              RkAgendaItem           *item,
                                              int                     delta,
                                              GError                **error);
/* Soft delete with its search entry; its action items stay (they keep agenda_item_id, so restore relinks them). */
gboolean      rk_store_remove_agenda_item    (RkStore                *self,
                                              RkAgendaItem           *item,
                                              GError                **error);
gboolean      rk_store_restore_agenda_item   (RkStore                *self,
                                              RkAgendaItem           *item,
                                              GError                **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Attendance (出欠) */

/* One member expected at a meeting. */
typedef struct {
  gint64              member_id;
  char               *name;
  char               *organisation;
  char               *alternate;   /* the member's registered 代理出席者, for the proxy field's default */
  RkAttendanceStatus  status;      /* RK_ATTENDANCE_UNRECORDED when not yet marked */
  char               *proxy_name;  /* who came in the member's place (status PROXY), "" otherwise */
} RkAttendee;
void          rk_attendee_free               (RkAttendee          *attendee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkAttendee, rk_attendee_free)

/* Every member (not deleted, term not ended before the day) seated on the meeting's body on the meeting's date
 * (body_member.joined_on unset or on/before the date, left_on unset or after it), ordered by member type then kana:
 * a GPtrArray of RkAttendee (free func set). A body with no members then gives an empty array, not an error. */
GPtrArray    *rk_store_list_attendance       (RkStore             *self,
                                              RkMeeting           *meeting,
                                              GError             **error);
/* Marks one member. RK_ATTENDANCE_UNRECORDED clears the mark. For PROXY, @proxy_name (NULL or blank: the member's
 * registered alternate) names who came; a proxy with no name at all is refused. A member not seated on the body on
 * that date is refused (INVALID). */
gboolean      rk_store_set_attendance        (RkStore             *self,
                                              RkMeeting           *meeting,
                                              gint64               member_id,
                                              RkAttendanceStatus   status,
                                              const char          *proxy_name,
                                              GError             **error);

typedef struct {
  guint  size;       /* members seated on the body that day */
  guint  present;    /* 出席 + 代理出席 + オンライン */
  guint  in_person;  /* 出席 */
  guint  proxy;      /* 代理出席 */
  guint  online;     /* オンライン */
  guint  absent;     /* 欠席 */
  guint  unrecorded; /* not yet marked */
} RkAttendanceCounts;
/* Counts over a list from rk_store_list_attendance() (pure; for a list the UI holds). */
void          rk_attendance_count            (GPtrArray           *attendees,
                                              RkAttendanceCounts  *counts);
/* Lists and counts; 0/0 for a body with no members. */
gboolean      rk_store_count_attendance      (RkStore             *self,
                                              RkMeeting           *meeting,
                                              RkAttendanceCounts  *counts,
                                              GError             **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Action items and the tracker */

/* Every action item not deleted, of meetings in rk_store_get_meetings(), across the council: ordered by due date
 * (those without one last), then id. Filter it with rk_action_item_matches() (e.g. a GtkCustomFilter); each item's
 * "meeting-id" finds its meeting with rk_store_find_meeting(). */
GListModel   *rk_store_get_action_items      (RkStore                *self);
/* A snapshot of rk_store_get_action_items() under @filter (today as the store sees it, RK_TODAY-aware), limited to
 * one meeting when @meeting is not NULL: a GPtrArray of RkActionItem references (free func set). */
GPtrArray    *rk_store_list_action_items     (RkStore                *self,
                                              RkActionFilter          filter,
                                              RkMeeting              *meeting);
/* The agenda item, when set, must be one of @meeting's; the assignee, when set, a member of the roster. Marking one
 * done records done_on = today; any other status clears it. Returns a new reference. */
RkActionItem *rk_store_add_action_item       (RkStore                *self,
                                              RkMeeting              *meeting,
                                              const RkActionItemInfo *info,
                                              GError                **error);
gboolean      rk_store_update_action_item    (RkStore                *self,
                                              RkActionItem           *action,
                                              const RkActionItemInfo *info,
                                              GError                **error);
gboolean      rk_store_remove_action_item    (RkStore                *self,
                                              RkActionItem           *action,
                                              GError                **error);
gboolean      rk_store_restore_action_item   (RkStore                *self,
                                              RkActionItem           *action,
                                              GError                **error);

/* Carry-over (継続審議): the open action items from the body's earlier meetings (starts_at before @meeting's; not
 * deleted), except those already carried into @meeting by an agenda item not deleted; oldest first. A GPtrArray of
 * RkActionItem references (free func set); NULL with @error only when the file cannot be read. */
GPtrArray    *rk_store_list_open_actions_before (RkStore          *self,
                                                 RkMeeting        *meeting,
                                                 GError          **error);
/* Appends an agenda item "Continued deliberation: <title>" (継続審議: <title>) with carried_action_id set to
 * @action, whose status stays open. Refused (INVALID) when @action is not open, comes from another body, or is
 * already carried into @meeting. Returns a new reference to the agenda item. */
RkAgendaItem *rk_store_carry_action          (RkStore                *self,
                                              RkMeeting              *meeting,
                                              RkActionItem           *action,
                                              GError                **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Challenges (課題) */

/* All challenges not deleted, open ones first (status), then newest first (created_at, id). */
GListModel   *rk_store_get_challenges        (RkStore               *self);
/* The raised meeting, when set, must be a meeting not deleted. Returns a new reference. */
RkChallenge  *rk_store_add_challenge         (RkStore               *self,
                                              const RkChallengeInfo *info,
                                              GError               **error);
gboolean      rk_store_update_challenge      (RkStore               *self,
                                              RkChallenge           *challenge,
                                              const RkChallengeInfo *info,
                                              GError               **error);
gboolean      rk_store_remove_challenge      (RkStore               *self,
                                              RkChallenge           *challenge,
                                              GError               **error);
gboolean      rk_store_restore_challenge     (RkStore               *self,
                                              RkChallenge           *challenge,
                                              GError               **error);

/* A note on a challenge, taken in a meeting: how the challenge is followed across meetings. */
typedef struct {
  gint64  id;
  gint64  challenge_id;
  gint64  meeting_id; /* 0 when not tied to a meeting (or that meeting was purged) */
  char   *note;
  char   *created_at; /* "2025-06-12T14:03:00" */
} RkChallengeNote;
void          rk_challenge_note_free         (RkChallengeNote       *note);
RkChallengeNote *rk_challenge_note_copy      (const RkChallengeNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkChallengeNote, rk_challenge_note_free)

/* Adds a note (cannot be empty) taken in @meeting_id (a meeting not deleted, or 0). Returns the note's id, or 0
 * with @error. The challenge's search entry then includes it. */
gint64        rk_store_add_challenge_note    (RkStore               *self,
                                              RkChallenge           *challenge,
                                              gint64                 meeting_id,
                                              const char            *note,
                                              GError               **error);
/* The challenge's notes, ordered by the date of their meeting (notes without one by when they were written), then
 * id: a GPtrArray of RkChallengeNote (free func set). */
GPtrArray    *rk_store_list_challenge_notes  (RkStore               *self,
                                              RkChallenge           *challenge,
                                              GError               **error);
/* challenge_note has no deleted_at: removal deletes the row and returns a copy (transfer full) to hand back to
 * rk_store_restore_challenge_note() for undo, which puts it back with the same id. NULL with @error on failure. */
RkChallengeNote *rk_store_remove_challenge_note  (RkStore           *self,
                                                  gint64             note_id,
                                                  GError           **error);
gboolean      rk_store_restore_challenge_note (RkStore               *self,
                                               const RkChallengeNote *note,
                                               GError               **error);

G_END_DECLS

/* rk-meeting.h — meetings (会議) of the council's bodies and what hangs off them: the agenda (議事次第) with the
 * minutes per item (議事内容, 決定事項), attendance (出欠), action items (宿題事項: 担当者, 期限, 状態) and challenges
 * (課題) followed across meetings.
 *
 * Date-times are local ISO text without seconds, "2025-06-12T14:00"; dates are ISO "2025-06-30". The objects are
 * property bags that only the store writes (app/rk-store-meetings.h), after the edit is committed. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------------------------ */
/* Enumerations: the values are those stored in the schema (app/rk-store-schema.c). Labels are translated. */

typedef enum {
  RK_MEETING_PLANNED   = 0, /* 予定 */
  RK_MEETING_HELD      = 1, /* 開催済 */
  RK_MEETING_CANCELLED = 2, /* 中止 */
} RkMeetingStatus;

#define RK_TYPE_MEETING_STATUS (rk_meeting_status_get_type ())
GType        rk_meeting_status_get_type     (void);
const char  *rk_meeting_status_to_label     (RkMeetingStatus status); /* "Planned" / 予定 … */

/* A member's attendance at one meeting. UNRECORDED is no row in the table: not yet marked. */
typedef enum {
  RK_ATTENDANCE_UNRECORDED = -1, /* 未記入 */
  RK_ATTENDANCE_PRESENT    = 0,  /* 出席 */
  RK_ATTENDANCE_ABSENT     = 1,  /* 欠席 */
  RK_ATTENDANCE_PROXY      = 2,  /* 代理出席 (with the alternate's name) */
  RK_ATTENDANCE_ONLINE     = 3,  /* オンライン */
} RkAttendanceStatus;

#define RK_TYPE_ATTENDANCE_STATUS (rk_attendance_status_get_type ())
GType        rk_attendance_status_get_type  (void);
const char  *rk_attendance_status_to_label  (RkAttendanceStatus status); /* "Present" / 出席 …; "Not recorded" */
/* Counts towards the quorum: present, by proxy or online. */
gboolean     rk_attendance_status_is_present (RkAttendanceStatus status);

typedef enum {
  RK_ACTION_OPEN    = 0, /* 未完了 */
  RK_ACTION_DONE    = 1, /* 完了 */
  RK_ACTION_DROPPED = 2, /* 取り下げ */
} RkActionStatus;

#define RK_TYPE_ACTION_STATUS (rk_action_status_get_type ())
GType        rk_action_status_get_type      (void);
const char  *rk_action_status_to_label      (RkActionStatus status); /* "Open" / 未完了 … */

/* The action-item tracker's filters. */
typedef enum {
  RK_ACTION_FILTER_ALL     = 0,
  RK_ACTION_FILTER_OPEN    = 1, /* status open */
  RK_ACTION_FILTER_OVERDUE = 2, /* status open and due before today */
  RK_ACTION_FILTER_DONE    = 3, /* status done */
} RkActionFilter;

#define RK_TYPE_ACTION_FILTER (rk_action_filter_get_type ())
GType        rk_action_filter_get_type      (void);
const char  *rk_action_filter_to_label      (RkActionFilter filter); /* "All" / "Open" / "Overdue" / "Done" */

typedef enum {
  RK_CHALLENGE_OPEN       = 0, /* 未対応 */
  RK_CHALLENGE_ADDRESSING = 1, /* 対応中 */
  RK_CHALLENGE_RESOLVED   = 2, /* 解決 */
} RkChallengeStatus;

#define RK_TYPE_CHALLENGE_STATUS (rk_challenge_status_get_type ())
GType        rk_challenge_status_get_type   (void);
const char  *rk_challenge_status_to_label   (RkChallengeStatus status); /* "Open" / "Being addressed" / "Resolved" */

/* Where a challenge came from. */
typedef enum {
  RK_CHALLENGE_FROM_MEETING    = 0, /* 会議 */
  RK_CHALLENGE_FROM_SELF_CHECK = 1, /* 自己チェック */
  RK_CHALLENGE_FROM_DATA       = 2, /* データ */
  RK_CHALLENGE_FROM_INTERVIEWS = 3, /* 聞き取り */
} RkChallengeSource;

#define RK_TYPE_CHALLENGE_SOURCE (rk_challenge_source_get_type ())
GType        rk_challenge_source_get_type   (void);
const char  *rk_challenge_source_to_label   (RkChallengeSource source); /* "Meeting" / "Self-check" / "Data" /
                                                                          * "Interviews" */

/* Parses "YYYY-MM-DDTHH:MM" (a real date, 1989–2200; 00:00–23:59). FALSE for anything else. @date and @minutes (minutes
 * since midnight) may be NULL. */
gboolean     rk_meeting_parse_date_time     (const char *text,
                                             GDate      *date,
                                             int        *minutes);

/* ------------------------------------------------------------------------------------------------------------ */
/* Meetings */

/* What a user enters for a meeting. The number (第n回) is not entered: the store gives the next one of the body. */
typedef struct {
  gint64           body_id;   /* the body (会議体) that meets; must be one of the council's bodies */
  const char      *title;     /* may be empty: the UI then shows 第n回 and the body's name */
  const char      *starts_at; /* "2025-06-12T14:00" */
  const char      *ends_at;   /* "2025-06-12T16:00", not before starts_at; NULL or "" when open-ended */
  const char      *place;     /* 会場 */
  gboolean         online;    /* held (also) online */
  gint64           task_id;   /* the schedule task it serves (工程表), or 0 */
  RkMeetingStatus  status;
  const char      *notes;
} RkMeetingInfo;

/* Refuses, with a translated message naming the field: no body (body_id <= 0), a start or end that is not
 * "YYYY-MM-DDTHH:MM" or is impossible (2025-02-30, 25:00), an end before the start, a status out of range, text
 * that is not UTF-8. Whether the body and task exist is checked by the store. */
gboolean     rk_meeting_info_validate (const RkMeetingInfo *info,
                                       GError             **error);

#define RK_TYPE_MEETING (rk_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RkMeeting, rk_meeting, RK, MEETING, GObject)

/* Properties: "id" (gint64, construct-only), "body-id" (gint64), "number" (int, 第n回, ≥ 1), "title", "starts-at",
 * "ends-at" ("" when none), "place", "online" (boolean), "task-id" (gint64, 0 for none), "status" (RkMeetingStatus),
 * "notes". Edits go through rk_store_update_meeting(). */
gint64           rk_meeting_get_id        (RkMeeting     *self);
gint64           rk_meeting_get_body_id   (RkMeeting     *self);
int              rk_meeting_get_number    (RkMeeting     *self);
const char      *rk_meeting_get_title     (RkMeeting     *self);
const char      *rk_meeting_get_starts_at (RkMeeting     *self);
const char      *rk_meeting_get_ends_at   (RkMeeting     *self);
const char      *rk_meeting_get_place     (RkMeeting     *self);
gboolean         rk_meeting_get_online    (RkMeeting     *self);
gint64           rk_meeting_get_task_id   (RkMeeting     *self);
RkMeetingStatus  rk_meeting_get_status    (RkMeeting     *self);
const char      *rk_meeting_get_notes     (RkMeeting     *self);
/* Strings point into @self: valid until the next edit of the meeting. */
void             rk_meeting_get_info      (RkMeeting     *self,
                                           RkMeetingInfo *info);
/* The day it is held, "2025-06-12" (the date part of starts_at). */
char            *rk_meeting_dup_date      (RkMeeting     *self);
/* "No. 3", translated as 第3回. */
char            *rk_meeting_dup_number_label (RkMeeting  *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* Agenda items (議事次第) with their minutes */

typedef struct {
  const char  *title;               /* 議題; cannot be empty */
  gint64       presenter_member_id; /* 説明者, a member of the roster, or 0 */
  int          minutes_allotted;    /* 時間 (minutes), 0–1440, or -1 for not set */
  const char  *discussion;          /* 議事内容 */
  const char  *decisions;           /* 決定事項 */
} RkAgendaItemInfo;

/* Refuses, with a translated message naming the field: an empty title, minutes allotted outside -1…1440, a negative
 * presenter id, text that is not UTF-8. */
gboolean     rk_agenda_item_info_validate (const RkAgendaItemInfo *info,
                                           GError                **error);

#define RK_TYPE_AGENDA_ITEM (rk_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (RkAgendaItem, rk_agenda_item, RK, AGENDA_ITEM, GObject)

/* Properties: "id" (gint64, construct-only), "meeting-id" (gint64, construct-only), "position" (int: order within the
 * meeting), "title", "presenter-member-id" (gint64, 0 for none), "minutes-allotted" (int, -1 for not set),
 * "discussion", "decisions", "carried-action-id" (gint64: the action item this 継続審議 item carries over, or 0).
 * Edits go through rk_store_update_agenda_item() and rk_store_set_agenda_text(). */
gint64       rk_agenda_item_get_id                  (RkAgendaItem     *self);
gint64       rk_agenda_item_get_meeting_id          (RkAgendaItem     *self);
int          rk_agenda_item_get_position            (RkAgendaItem     *self);
const char  *rk_agenda_item_get_title               (RkAgendaItem     *self);
gint64       rk_agenda_item_get_presenter_member_id (RkAgendaItem     *self);
int          rk_agenda_item_get_minutes_allotted    (RkAgendaItem     *self);
const char  *rk_agenda_item_get_discussion          (RkAgendaItem     *self);
const char  *rk_agenda_item_get_decisions           (RkAgendaItem     *self);
gint64       rk_agenda_item_get_carried_action_id   (RkAgendaItem     *self);
void         rk_agenda_item_get_info                (RkAgendaItem     *self,
                                                     RkAgendaItemInfo *info);

/* ------------------------------------------------------------------------------------------------------------ */
/* Action items (担当者, 期限, 状態) */

typedef struct {
  gint64          agenda_item_id;     /* the agenda item it came from (of the same meeting), or 0 */
  const char     *title;              /* cannot be empty */
  gint64          assignee_member_id; /* 担当者: a member of the roster, or 0 … */
  const char     *assignee_text;      /* … or an organisation or person typed in */
  const char     *due_date;           /* 期限, ISO "2025-07-31"; NULL or "" for none */
  RkActionStatus  status;
} RkActionItemInfo;

/* Refuses, with a translated message naming the field: an empty title, an impossible due date, a status out of
 * range, negative ids, text that is not UTF-8. */
gboolean     rk_action_item_info_validate (const RkActionItemInfo *info,
                                           GError                **error);

#define RK_TYPE_ACTION_ITEM (rk_action_item_get_type ())
G_DECLARE_FINAL_TYPE (RkActionItem, rk_action_item, RK, ACTION_ITEM, GObject)

/* Properties: "id" (gint64, construct-only), "meeting-id" (gint64, construct-only: the meeting it came from, for
 * "jump to the meeting"), "agenda-item-id" (gint64, 0 for none), "title", "assignee-member-id" (gint64, 0 for none),
 * "assignee-text", "due-date" ("" for none), "status" (RkActionStatus), "done-on" (string, read-only: the day it was
 * marked done, "" otherwise; the store sets it). Edits go through rk_store_update_action_item(). */
gint64          rk_action_item_get_id                 (RkActionItem     *self);
gint64          rk_action_item_get_meeting_id         (RkActionItem     *self);
gint64          rk_action_item_get_agenda_item_id     (RkActionItem     *self);
const char     *rk_action_item_get_title              (RkActionItem     *self);
gint64          rk_action_item_get_assignee_member_id (RkActionItem     *self);
const char     *rk_action_item_get_assignee_text      (RkActionItem     *self);
const char     *rk_action_item_get_due_date           (RkActionItem     *self);
RkActionStatus  rk_action_item_get_status             (RkActionItem     *self);
const char     *rk_action_item_get_done_on            (RkActionItem     *self);
void            rk_action_item_get_info               (RkActionItem     *self,
                                                       RkActionItemInfo *info);
/* Overdue: open, with a due date before @today (NULL: today as the store sees it, RK_TODAY-aware). */
gboolean        rk_action_item_is_overdue             (RkActionItem     *self,
                                                       GDate            *today);
/* Whether the tracker shows @self under @filter (@today as for rk_action_item_is_overdue()). For a
 * GtkCustomFilter over rk_store_get_action_items(). */
gboolean        rk_action_item_matches                (RkActionItem     *self,
                                                       RkActionFilter    filter,
                                                       GDate            *today);

/* ------------------------------------------------------------------------------------------------------------ */
/* Challenges (課題) */

typedef struct {
  const char         *title;             /* cannot be empty */
  const char         *description;
  RkChallengeSource   source;
  gint64              raised_meeting_id; /* the meeting it was raised in, or 0 */
  RkChallengeStatus   status;
} RkChallengeInfo;

/* Refuses, with a translated message naming the field: an empty title, a source or status out of range, a negative
 * meeting id, text that is not UTF-8. */
gboolean     rk_challenge_info_validate (const RkChallengeInfo *info,
                                         GError               **error);

#define RK_TYPE_CHALLENGE (rk_challenge_get_type ())
G_DECLARE_FINAL_TYPE (RkChallenge, rk_challenge, RK, CHALLENGE, GObject)

/* Properties: "id" (gint64, construct-only), "title", "description", "source" (RkChallengeSource),
 * "raised-meeting-id" (gint64, 0 for none), "status" (RkChallengeStatus), "created-at" (string, construct-only),
 * "n-notes" (uint, read-only: how many notes follow it). Edits go through rk_store_update_challenge(); notes through
 * rk_store_add_challenge_note(). */
gint64             rk_challenge_get_id                (RkChallenge     *self);
const char        *rk_challenge_get_title             (RkChallenge     *self);
const char        *rk_challenge_get_description       (RkChallenge     *self);
RkChallengeSource  rk_challenge_get_source            (RkChallenge     *self);
gint64             rk_challenge_get_raised_meeting_id (RkChallenge     *self);
RkChallengeStatus  rk_challenge_get_status            (RkChallenge     *self);
const char        *rk_challenge_get_created_at        (RkChallenge     *self);
guint              rk_challenge_get_n_notes           (RkChallenge     *self);
void               rk_challenge_get_info              (RkChallenge     *self,
                                                       RkChallengeInfo *info);

G_END_DECLS

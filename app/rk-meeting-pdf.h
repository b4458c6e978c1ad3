/* rk-meeting-pdf.h — the documents of a meeting: the 開催通知 (notice, with its 出欠回答票 reply slip) and the 議事録
 * (minutes), A4 portrait in the form of a Japanese municipal document, dates in 和暦.
 *
 * The input is plain data (RkMeetingDoc), so the documents can be typeset and tested without a store. The pages come
 * from rk-pdf, so the same document serves the PDF export, the preview and GtkPrintOperation. The fixed wording of
 * the documents (記, 以上, 出欠回答票, …) is Japanese whatever the UI language: they are Japanese administrative forms. */
#pragma once

#include "rk-meeting.h"
#include "rk-pdf.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* The attendance values of the council file (attendance.status). */
typedef enum {
  RK_MEETING_DOC_PRESENT = 0, /* 出席 */
  RK_MEETING_DOC_ABSENT  = 1, /* 欠席 */
  RK_MEETING_DOC_PROXY   = 2, /* 代理出席: proxy_name attended */
  RK_MEETING_DOC_ONLINE  = 3, /* オンライン */
} RkMeetingDocPresence;

/* The action-item values of the council file (action_item.status). */
typedef enum {
  RK_MEETING_DOC_ACTION_OPEN      = 0, /* 未完了 */
  RK_MEETING_DOC_ACTION_DONE      = 1, /* 完了 */
  RK_MEETING_DOC_ACTION_WITHDRAWN = 2, /* 取り下げ */
} RkMeetingDocActionState;

/* One agenda item (議題) and its minutes. Strings may be NULL or "". */
typedef struct {
  char *title;
  char *presenter;        /* 説明者, e.g. "事務局" or "消防本部 警防課長 鈴木 一郎" */
  int   minutes_allotted; /* 0: not given */
  char *discussion;       /* 議事内容: paragraphs, one per line */
  char *decisions;        /* 決定事項: one decision per line */
} RkMeetingDocItem;

typedef struct {
  char                 *name;
  char                 *affiliation; /* 所属・役職, printed after the name */
  RkMeetingDocPresence  presence;
  char                 *proxy_name;  /* for RK_MEETING_DOC_PROXY */
} RkMeetingDocAttendee;

typedef struct {
  char                    *title;      /* what is to be done */
  char                    *assignee;   /* 担当者 */
  GDate                    due;        /* 期限; an invalid (cleared) date: none */
  RkMeetingDocActionState  state;
  int                      item_index; /* the agenda item it came from (0-based index into items), -1: none */
} RkMeetingDocAction;

typedef struct {
  /* The meeting. */
  char       *council_name;      /* e.g. みなと市在宅医療・救急医療連携推進協議会 */
  char       *body_name;         /* the body that meets, e.g. 在宅医療・救急医療連携推進協議会 */
  guint       number;            /* 第n回 */
  char       *title;             /* the meeting's own title; may be NULL */
  GDateTime  *start;             /* owned; any time zone, printed in Japan time */
  GDateTime  *end;               /* owned; NULL: open end */
  char       *place;
  gboolean    online;
  gboolean    cancelled;         /* 中止: the notice announces the cancellation */

  /* The notice. */
  char       *document_number;   /* e.g. みなと地医第123号; NULL: no number line */
  GDate       issued;            /* date of issue; invalid: today */
  char       *addressee;         /* e.g. 〇〇協議会 委員 各位; NULL: "<body> 委員 各位" unless addressee_names */
  GPtrArray  *addressee_names;   /* char *: named addressees, each printed with 様 (used when addressee is NULL) */
  char       *chair_title;       /* e.g. 会長; NULL: 会長 */
  char       *chair_name;
  char       *secretariat;       /* 事務局 contact, one line per line: department, person, telephone, e-mail */
  char       *reply_to;          /* where the reply slip goes, e.g. "FAX 045-000-0000 ／ メール …" */
  GDate       reply_by;          /* 回答期限; invalid: none */
  char       *notes;             /* その他: one note per line */
  gboolean    reply_slip;        /* print the 出欠回答票; TRUE from rk_meeting_doc_new() */

  /* The minutes. */
  guint       body_size;         /* 委員数 for 出席者数 n/m; 0: the number of attendance rows */
  char       *recorder;          /* 記録者 (NULL: not printed) */
  GPtrArray  *handouts;          /* char *: 配付資料 */

  GPtrArray  *items;             /* RkMeetingDocItem */
  GPtrArray  *attendees;         /* RkMeetingDocAttendee */
  GPtrArray  *actions;           /* RkMeetingDocAction */
} RkMeetingDoc;

/* A meeting with everything else empty; @start is referenced. */
RkMeetingDoc  *rk_meeting_doc_new              (const char                 *council_name,
                                                const char                 *body_name,
                                                guint                       number,
                                                GDateTime                  *start,
                                                GDateTime                  *end);
void           rk_meeting_doc_free             (RkMeetingDoc               *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkMeetingDoc, rk_meeting_doc_free)
/* Each appends a copy. */
void           rk_meeting_doc_add_item         (RkMeetingDoc               *doc,
                                                const RkMeetingDocItem     *item);
void           rk_meeting_doc_add_attendee     (RkMeetingDoc               *doc,
                                                const RkMeetingDocAttendee *attendee);
void           rk_meeting_doc_add_action       (RkMeetingDoc               *doc,
                                                const RkMeetingDocAction   *action);

/* The documents of @meeting as the council file holds them: the body's name and number, times, place, agenda with
 * presenters (the member's name and organisation), the attendance of the members seated that day (not yet marked:
 * left out of the lists but counted in the body's size), action items with their agenda item. The chair is the
 * body's member with the role 会長 (else the council's), the secretariat the 事務局 member's organisation, name, phone
 * and e-mail. Issued today (rk_store_get_today, RK_TODAY-aware); the reply is asked for a week before the meeting
 * when that is still to come. Adjust the fields before building. NULL with @error when the file cannot be read. */
RkMeetingDoc  *rk_meeting_doc_new_from_store   (RkStore                    *store,
                                                RkMeeting                  *meeting,
                                                GError                    **error);

/* "令和7年(2025年)6月10日(火)". */
char          *rk_meeting_format_date          (const GDate                *date);
/* "令和7年(2025年)6月10日(火) 14:00〜16:00" in Japan time; the end date is repeated when it is another day. */
char          *rk_meeting_format_when          (GDateTime                  *start,
                                                GDateTime                  *end);
/* "第3回 在宅医療・救急医療連携推進協議会". */
char          *rk_meeting_doc_get_name         (const RkMeetingDoc         *doc);
/* Counts for 出席者数: present counts 出席, 代理出席 and オンライン; @total is body_size or the attendance rows. */
void           rk_meeting_doc_count_present    (const RkMeetingDoc         *doc,
                                                guint                      *present,
                                                guint                      *total);

/* The notice's title: "第3回 在宅医療・救急医療連携推進協議会の開催について（通知）" (…の中止について when cancelled). */
char          *rk_meeting_notice_get_title     (const RkMeetingDoc         *doc);
/* The minutes' title: "第3回 在宅医療・救急医療連携推進協議会 議事録". */
char          *rk_meeting_minutes_get_title    (const RkMeetingDoc         *doc);

/* Typesets the notice once: page 1 the notice, the reply slip under a cut line when it fits, else on page 2. */
RkPdfDocument *rk_meeting_notice_build         (const RkMeetingDoc         *doc);
/* Typesets the minutes: heading table (日時, 場所, 出席者, 欠席者, 出席者数), one section per agenda item with its
 * 議事内容 and boxed 決定事項, then 今後の対応; page numbers "- n -" and one outline entry per agenda item. */
RkPdfDocument *rk_meeting_minutes_build        (const RkMeetingDoc         *doc);

/* Build and write to @path (temporary file + rename) with the title, the council as author and @creation_date (NULL:
 * now) as metadata. */
gboolean       rk_meeting_notice_export        (const RkMeetingDoc         *doc,
                                                const char                 *path,
                                                GDateTime                  *creation_date,
                                                GCancellable               *cancellable,
                                                GError                    **error);
gboolean       rk_meeting_minutes_export       (const RkMeetingDoc         *doc,
                                                const char                 *path,
                                                GDateTime                  *creation_date,
                                                GCancellable               *cancellable,
                                                GError                    **error);

G_END_DECLS

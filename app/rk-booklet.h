/* rk-booklet.h — 冊子: the rule booklet a council publishes.
 *
 * Three layers, all GTK-free:
 *  1. RkBooklet, the composition saved in the council file (tables booklet, booklet_part): the cover fields and
 *     the ordered parts, a rule part naming one version of one rule document.
 *  2. RkBookletContent, a snapshot of everything the composition prints, read from the store in one go on the
 *     thread that owns the store. It is plain data: it can be handed to a worker thread and typeset there while the
 *     window goes on editing the council.
 *  3. The typesetting (rk-booklet-pdf.c): the content laid out once into an RkPdfDocument — for the export
 *     (streamed page by page, so memory stays flat), the in-app preview and GtkPrintOperation.
 *
 * What cannot be printed as asked (a composition naming a deleted version, a rule document without sections, a
 * missing Japanese font) is left out or replaced and explained in the content's warnings, never a broken PDF. */
#pragma once

#include "rk-gantt.h"
#include "rk-indicator-chart.h"
#include "rk-pdf.h"
#include "rk-roster-pdf.h"
#include "rk-store.h"
#include "rk-store-rules.h"

G_BEGIN_DECLS

/* The values are stored in booklet_part.part: never renumber. */
typedef enum {
  RK_BOOKLET_PART_COVER      = 0, /* 表紙 */
  RK_BOOKLET_PART_CONTENTS   = 1, /* 目次 */
  RK_BOOKLET_PART_RULES      = 2, /* ルール本文: the text sections of one rule version */
  RK_BOOKLET_PART_FORMS      = 3, /* 様式: the form sections of one rule version, each as a fill-in form */
  RK_BOOKLET_PART_HISTORY    = 4, /* 策定の経過: the meetings and their decisions */
  RK_BOOKLET_PART_ROSTER     = 5, /* 委員名簿 */
  RK_BOOKLET_PART_SCHEDULE   = 6, /* 工程表: the Gantt chart */
  RK_BOOKLET_PART_INDICATORS = 7, /* 効果検証指標: the chosen indicator set with charts */
  RK_BOOKLET_PART_REVIEW     = 8, /* 運用・見直し */
} RkBookletPartKind;

#define RK_BOOKLET_N_PART_KINDS 9

/* "Cover" / 表紙, "Table of Contents" / 目次, "Rules" / 連携ルール, "Forms" / 様式, "Drafting History" / 策定の経過,
 * "Member List" / 委員名簿, "Schedule" / 工程表, "Indicators" / 効果検証指標, "Operation and Review" / 運用・見直し. */
const char   *rk_booklet_part_kind_to_label (RkBookletPartKind kind);
/* TRUE for RULES and FORMS: the part names a rule version. */
gboolean      rk_booklet_part_kind_has_version (RkBookletPartKind kind);

/* ---- 1. The composition ---------------------------------------------------------------------------------- */

typedef struct {
  RkBookletPartKind kind;
  gint64            version_id; /* RULES, FORMS: the rule_version row; 0 for the other kinds */
} RkBookletPart;

typedef struct {
  gint64  id;          /* 0 until saved */
  char   *title;       /* "みなと市 急変時・救急搬送時の連携ルール"; never empty once validated */
  char   *edition;     /* "第2版", "令和7年4月改訂"; may be "" */
  char   *issue_date;  /* ISO "2025-04-01", or NULL */
  char   *publisher;   /* the issuing council, "みなと市在宅医療・救急医療連携協議会" */
  GArray *parts;       /* of RkBookletPart, in print order */
  guint   n_dropped;   /* rule parts read from the file whose version no longer exists: left out, and said so */
} RkBooklet;

RkBooklet *rk_booklet_new                 (void);
RkBooklet *rk_booklet_copy                (const RkBooklet *booklet);
void       rk_booklet_free                (RkBooklet       *booklet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkBooklet, rk_booklet_free)

void       rk_booklet_add_part            (RkBooklet         *booklet,
                                           RkBookletPartKind  kind,
                                           gint64             version_id);
/* Index of the first part of @kind (with @version_id when it has one), or -1. */
int        rk_booklet_find_part           (const RkBooklet   *booklet,
                                           RkBookletPartKind  kind,
                                           gint64             version_id);
/* Checks what a user can get wrong: an empty title, an unreadable issue date, a rule part without a version, the
 * same part twice. FALSE with a translated message in RK_STORE_ERROR / RK_STORE_ERROR_INVALID. */
gboolean   rk_booklet_validate            (const RkBooklet   *booklet,
                                           GError           **error);

/* The council's saved composition (the first booklet row), or — when the file has none — a proposal that is not
 * saved yet (id 0): the council's name as publisher, the latest version of each rule document, every part.
 * NULL with @error only when the file cannot be read. */
RkBooklet *rk_store_get_booklet           (RkStore           *store,
                                           GError           **error);
/* Saves @booklet in one transaction (validated first; a version that does not exist or was deleted is refused and
 * nothing changes), setting booklet->id when it was new. */
gboolean   rk_store_save_booklet          (RkStore           *store,
                                           RkBooklet         *booklet,
                                           GError           **error);
/* The rule version @version_id named for a message, "“急変時・救急搬送時の連携ルール” 第2版" (translated quotes), even
 * when it or its document was deleted; NULL when there is no such row. */
char      *rk_store_dup_rule_version_name (RkStore           *store,
                                           gint64             version_id);

/* ---- 2. The content -------------------------------------------------------------------------------------- */

/* One rule version, as RULES or FORMS print it. */
typedef struct {
  gint64     version_id;
  char      *document_title;   /* "急変時・救急搬送時の連携ルール" */
  char      *version_label;    /* "第2版" */
  char      *status_label;     /* "施行中" / "案" …: rk_rule_version_status_to_label() */
  char      *effective_label;  /* "令和7年(2025年)4月1日施行", or NULL */
  GPtrArray *sections;         /* of RkRuleExportSection, document order (rk_store_export_rule_version()) */
} RkBookletRules;

/* One meeting of the drafting history (策定の経過), oldest first. */
typedef struct {
  char  *date_label;   /* "令和7年(2025年)5月27日" */
  char  *name;         /* "第3回 みなと市在宅医療・救急医療連携協議会" */
  char **topics;       /* the agenda item titles */
  char **decisions;    /* the decisions recorded in the minutes, one per entry */
} RkBookletMeeting;

/* One item of 運用・見直し. */
typedef struct {
  char *heading;       /* "運用状況の把握" */
  char *text;          /* a paragraph, may contain \n */
} RkBookletReviewItem;

typedef struct {
  RkBookletPartKind  kind;
  RkBookletRules    *rules;      /* RULES, FORMS: owned by content->rules, not by the part */
} RkBookletContentPart;

typedef struct {
  /* The cover */
  char             *title;
  char             *edition;
  char             *issue_label;     /* "令和7年(2025年)4月" (the month of the issue date), or NULL */
  char             *publisher;       /* the issuing council */
  char             *municipality;    /* "みなと市" */

  GArray           *parts;           /* of RkBookletContentPart, in print order; parts that could not be read are
                                      * left out (see warnings) */
  GPtrArray        *rules;           /* of RkBookletRules (owns them) */
  GPtrArray        *history;         /* of RkBookletMeeting, oldest first; the meetings held (not cancelled) */
  RkRoster         *roster;          /* as of the issue date (or today) */
  RkGantt          *gantt;           /* a snapshot of the schedule; NULL when there are no tasks */
  GPtrArray        *charts;          /* of RkIndicatorChartPage, owning deep copies (rk_indicator_chart_pages_*) */
  GPtrArray        *review;          /* of RkBookletReviewItem */

  GPtrArray        *warnings;        /* of char *, translated: what was left out or replaced, and why */
  GDateTime        *creation_date;   /* for the PDF metadata: the issue date at 00:00 local, or now */
} RkBookletContent;

/* An empty content whose arrays own what is added to them (rules, meetings, chart pages from
 * rk_indicator_chart_page_new_from_indicator(), review items, warnings): what rk_booklet_content_new_from_store()
 * fills, and what a test builds by hand. */
RkBookletContent *rk_booklet_content_new            (void);
/* Reads what @booklet prints from @store. Never fails for a part it cannot print: that part is left out with a
 * warning. NULL with @error when the file cannot be read at all or @booklet is invalid. */
RkBookletContent *rk_booklet_content_new_from_store (RkStore          *store,
                                                     const RkBooklet  *booklet,
                                                     GError          **error);
void              rk_booklet_content_free           (RkBookletContent *content);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkBookletContent, rk_booklet_content_free)

/* ---- 3. Typesetting (rk-booklet-pdf.c) ------------------------------------------------------------------- */

/* @fraction runs from 0 to 1 as the content is typeset and written. Called on the typesetting thread. */
typedef void (*RkBookletProgressFunc) (double   fraction,
                                       gpointer user_data);

/* The whole booklet laid out once into a recorded document (A4 portrait, left binding), for the in-app preview
 * and GtkPrintOperation (rk_pdf_document_draw_page()). Pages: the cover (unnumbered), the table of contents
 * (unnumbered; its page numbers come from the one pass over the body), then the parts, numbered "- 1 -" on.
 * NULL with G_IO_ERROR_CANCELLED when @cancellable is cancelled. */
RkPdfDocument    *rk_booklet_build                  (const RkBookletContent *content,
                                                     GCancellable           *cancellable,
                                                     RkBookletProgressFunc   progress,
                                                     gpointer                progress_data,
                                                     GError                **error);
/* The same booklet written to @path as it is typeset, page by page (memory stays flat however long the booklet):
 * a temporary file beside @path renamed over it once complete, so @path is never left half-written. Metadata:
 * title, author = the publisher, subject, creation date from the content. */
gboolean          rk_booklet_export                 (const RkBookletContent *content,
                                                     const char             *path,
                                                     GCancellable           *cancellable,
                                                     RkBookletProgressFunc   progress,
                                                     gpointer                progress_data,
                                                     GError                **error);
/* The metadata rk_booklet_export() writes (strings owned by @content or static). */
void              rk_booklet_get_metadata           (const RkBookletContent *content,
                                                     RkPdfMetadata          *metadata);

G_END_DECLS

/* rk-roster-pdf.h — the printed 委員名簿: A4 portrait, the council's name, the date in 和暦, one table per body.
 *
 * The input is plain data (RkRoster), so it can be typeset and tested without a store; rk_roster_new_from_store()
 * builds it from a council file. The pages come from rk-pdf, so the same document serves the PDF export, the preview
 * and GtkPrintOperation, and the booklet (冊子) can append the roster as an annex. */
#pragma once

#include "rk-pdf.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* One line of the roster. Every field may be NULL or "". */
typedef struct {
  char *role;          /* 役割: 会長, 委員, … */
  char *name;          /* 氏名 */
  char *kana;          /* ふりがな, printed small above the name */
  char *organisation;  /* 所属 */
  char *title;         /* 役職 */
  char *member_type;   /* 区分: the member type's name, e.g. 消防機関 */
  char *term;          /* 任期, as printed: rk_roster_format_term() */
} RkRosterRow;

/* The members of one body (会議体). */
typedef struct {
  char      *name;     /* e.g. 在宅医療・救急医療連携推進協議会 */
  char      *tier;     /* e.g. 中枢会議; may be NULL */
  GPtrArray *rows;     /* RkRosterRow, in print order */
} RkRosterGroup;

typedef struct {
  char      *council_name;
  char      *municipality;
  GDate      as_of;    /* the roster's 現在 date */
  GPtrArray *groups;   /* RkRosterGroup, in print order */
} RkRoster;

RkRoster      *rk_roster_new              (const char        *council_name,
                                           const char        *municipality,
                                           const GDate       *as_of);
void           rk_roster_free             (RkRoster          *roster);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRoster, rk_roster_free)
/* Appends a body; the roster owns the group returned. */
RkRosterGroup *rk_roster_add_group        (RkRoster          *roster,
                                           const char        *name,
                                           const char        *tier);
/* Appends a copy of @row. */
void           rk_roster_group_add_row    (RkRosterGroup     *group,
                                           const RkRosterRow *row);

/* "令和7年(2025年)4月1日〜令和9年(2027年)3月31日" from ISO dates (either may be NULL or "": "…〜" / "〜…"); "" for
 * neither. An unparsable date is printed as given. */
char          *rk_roster_format_term      (const char        *start,
                                           const char        *end);

/* The council's members on @as_of (NULL: today), grouped by the bodies they sit on, in the bodies' order; in each
 * body ordered by role (会長 first, 事務局 last) then as the store orders them. Members whose term has not begun
 * or has ended on @as_of are left out; members seated on no body form a last group. */
RkRoster      *rk_roster_new_from_store   (RkStore           *store,
                                           const GDate       *as_of);

/* Typesets the roster once: the pages, one outline entry per body, page numbers "- n -". */
RkPdfDocument *rk_roster_pdf_build        (const RkRoster    *roster);
/* The PDF's title, as printed at the top: "<council> 委員名簿" (translated). */
char          *rk_roster_pdf_get_title    (const RkRoster    *roster);
/* Builds and writes the roster to @path (temporary file + rename), with the title, the council as author and
 * @creation_date (NULL: now) as metadata. */
gboolean       rk_roster_pdf_export       (const RkRoster    *roster,
                                           const char        *path,
                                           GDateTime         *creation_date,
                                           GCancellable      *cancellable,
                                           GError           **error);

G_END_DECLS

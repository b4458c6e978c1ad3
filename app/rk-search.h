/* rk-search.h — full-text search across a council: minutes (議事内容, 決定事項), agenda items, action items,
 * challenges and their notes, meetings, handout pages and the latest version of each rule document.
 *
 * A query is split on white space (ASCII and the ideographic space U+3000) into terms; every term must occur (AND).
 * Terms are plain text, never syntax: quotes, `*`, `NEAR(`, `AND`, `%`, `_` and SQL-looking text are searched for as
 * written. Terms of three characters or more go through the FTS5 trigram index; shorter ones, which trigrams cannot
 * find, are matched with LIKE on the plain tables (DESIGN.md, Full-text search). Case is ignored for ASCII letters. */
#pragma once

#include <gio/gio.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_SEARCH_ERROR (rk_search_error_quark ())
GQuark rk_search_error_quark (void);

typedef enum {
  /* The query has no terms (empty or only white space): the UI shows the message as a hint, not as a failure. */
  RK_SEARCH_ERROR_EMPTY,
} RkSearchError;

/* The kinds of result; the strings are the search_index kinds (source table names). */
#define RK_SEARCH_KIND_MEETING         "meeting"
#define RK_SEARCH_KIND_AGENDA_ITEM     "agenda_item"
#define RK_SEARCH_KIND_ACTION_ITEM     "action_item"
#define RK_SEARCH_KIND_CHALLENGE       "challenge"
#define RK_SEARCH_KIND_ATTACHMENT_PAGE "attachment_page"
#define RK_SEARCH_KIND_RULE_SECTION    "rule_section"

typedef struct {
  const char *kind;       /* one of RK_SEARCH_KIND_* (static) */
  gint64      ref;        /* the row's id in that table (for a handout page: the attachment's id) */
  int         page;       /* handout pages: the page number from 1; 0 otherwise */
  gint64      meeting_id; /* the meeting it belongs to or was raised in; 0 when none (rule sections, …) */
  char       *title;      /* where it is, as PLAIN text: "救急搬送連携部会 第3回 — 議題", "第1回 会議資料 p. 2" */
  char       *snippet;    /* Pango/GMarkup: the matching passage, escaped, with the matches in <b>…</b> */
  char       *date;       /* what recency is ranked by: the meeting's start, else the row's creation ("2025-06-12…") */
  double      score;      /* bm25 (lower is better); 0 for a query of short terms only */
} RkSearchResult;

void        rk_search_result_free (RkSearchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkSearchResult, rk_search_result_free)

/* The query's terms, as rk_search() uses them (for the UI to echo, and tests). NULL-terminated; empty for a blank
 * query. Invalid UTF-8 is repaired first. */
char      **rk_search_split_query (const char *query);

/* Searches @store for @query. Returns RkSearchResult (transfer full), at most @limit (0: all), best first: by bm25
 * relevance when the query has a term of three characters or more, then by recency (newest first). Removed rows and
 * everything in a removed meeting, body or rule document are left out. An empty or blank @query is the error
 * RK_SEARCH_ERROR_EMPTY ("Type something to search for."); any other query is never an error of the user's. Reads
 * only: the file is never changed. */
GPtrArray  *rk_search             (RkStore    *store,
                                   const char *query,
                                   guint       limit,
                                   GError    **error);

G_END_DECLS

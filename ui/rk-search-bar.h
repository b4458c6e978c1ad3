/* rk-search-bar.h — search across a council, available anywhere in its window (Ctrl+F, win.search).
 *
 * The widget wraps the window's content (its "child"): a GtkSearchBar with the entry above it, and the results in a
 * card laid over it, so the page stays where it was while the user searches. Typing runs rk_search() after a short
 * pause; a result opens the place it came from (the meeting, its agenda item, the action or challenge view, or the
 * handout at its page) and closes the search. */
#pragma once

#include <adwaita.h>

#include "rk-search.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* The pause after the last keystroke before the query runs, in milliseconds. */
#define RK_SEARCH_BAR_DELAY 250
/* The most results listed; a query matching more says so and asks for another word. */
#define RK_SEARCH_BAR_LIMIT 50

#define RK_TYPE_SEARCH_BAR (rk_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (RkSearchBar, rk_search_bar, RK, SEARCH_BAR, GtkWidget)

/* Properties: "store" (RkStore, searched; NULL searches nothing), "child" (the content the results are laid over),
 * "search-mode-enabled" (gboolean: the bar is shown). */
GtkWidget            *rk_search_bar_new                 (void);
RkStore              *rk_search_bar_get_store           (RkSearchBar *self);
void                  rk_search_bar_set_store           (RkSearchBar *self,
                                                         RkStore     *store);
GtkWidget            *rk_search_bar_get_child           (RkSearchBar *self);
void                  rk_search_bar_set_child           (RkSearchBar *self,
                                                         GtkWidget   *child);
gboolean              rk_search_bar_get_search_mode     (RkSearchBar *self);
void                  rk_search_bar_set_search_mode     (RkSearchBar *self,
                                                         gboolean     enabled);
/* Shows the bar (if hidden) and puts the focus in the entry with its text selected: what Ctrl+F does. */
void                  rk_search_bar_start               (RkSearchBar *self);

/* The entry (for tests, which type into it). */
GtkEditable          *rk_search_bar_get_entry           (RkSearchBar *self);
/* Runs the query in the entry now instead of after the pause. */
void                  rk_search_bar_search_now          (RkSearchBar *self);
/* The entry's text whose outcome is shown, as typed ("" once the search is closed). */
const char           *rk_search_bar_get_shown_query     (RkSearchBar *self);
/* What the results area shows: "hint" (nothing typed), "results", "empty" (no results) or "error". */
const char           *rk_search_bar_get_state           (RkSearchBar *self);
/* The text shown for "hint", "empty" and "error", or the count line for "results". */
const char           *rk_search_bar_get_message         (RkSearchBar *self);
/* The results listed, best first (transfer none). */
guint                 rk_search_bar_get_n_results       (RkSearchBar *self);
const RkSearchResult *rk_search_bar_get_result          (RkSearchBar *self,
                                                         guint        index);
/* The row of result @index (a GtkListBoxRow: activating it opens the result), or NULL. */
GtkWidget            *rk_search_bar_get_result_row      (RkSearchBar *self,
                                                         guint        index);

/* Whether a result of @kind can be opened in a window with the pages it has: rule sections need the rules page. Pure
 * on @kind and @has_rules_page, for tests. */
gboolean              rk_search_kind_is_shown           (const char  *kind,
                                                         gboolean     has_rules_page);
/* The symbolic icon and the (translated) name of a kind of result. */
const char           *rk_search_kind_icon_name          (const char  *kind);
const char           *rk_search_kind_describe           (const char  *kind);

G_END_DECLS

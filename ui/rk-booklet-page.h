/* rk-booklet-page.h — the 冊子 page: compose the council's booklet, preview it page by page, export and print it.
 *
 * Actions (group "booklet"):
 *   booklet.set-field (ss)       a cover field ("title", "edition", "issue-date", "publisher") to a text; the issue
 *                                date is read as people write it (ISO, 令和7年4月1日, R7.4.1) and "" clears it
 *   booklet.set-part (ib)        include or leave out a part that names no rule version (RkBookletPartKind)
 *   booklet.set-rule-part (xib)  for rule document @x, include or leave out its text (RULES) or its forms (FORMS)
 *   booklet.set-version (xx)     the version of rule document @x that its text and forms print
 *   booklet.export (s)           export to the path; "" asks where with a file dialog first (Ctrl+E)
 *   booklet.cancel               cancels the export in progress
 *   booklet.print                prints the booklet (Ctrl+P)
 *   booklet.refresh              typesets the preview again now (F5)
 *   booklet.previous-page, booklet.next-page, booklet.open-viewer, booklet.show-preview, booklet.show-composition
 * Every edit is saved in the council file at once; a composition the store refuses is not kept. */
#pragma once

#include <adwaita.h>
#include <poppler.h>

#include "rk-booklet.h"
#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_BOOKLET_PAGE (rk_booklet_page_get_type ())
G_DECLARE_FINAL_TYPE (RkBookletPage, rk_booklet_page, RK, BOOKLET_PAGE, AdwBin)

GtkWidget       *rk_booklet_page_new                 (RkStore       *store);
RkStore         *rk_booklet_page_get_store           (RkBookletPage *self);
/* The composition the page shows: the saved one, or the store's proposal until the first edit saves it. */
const RkBooklet *rk_booklet_page_get_booklet         (RkBookletPage *self);

/* The preview: the PDF poppler shows (NULL until the first preview is typeset), its number of pages, the page shown
 * (from 1), and whether a new one is being typeset (or waiting to be, after an edit). */
PopplerDocument *rk_booklet_page_get_preview         (RkBookletPage *self);
guint            rk_booklet_page_get_preview_n_pages (RkBookletPage *self);
guint            rk_booklet_page_get_preview_page    (RkBookletPage *self);
gboolean         rk_booklet_page_get_preview_busy    (RkBookletPage *self);
/* What the preview left out or replaced, and why (translated; NULL-terminated, owned by the page). */
const char * const *rk_booklet_page_get_warnings     (RkBookletPage *self);

/* TRUE while an export runs (started by booklet.export, stopped by booklet.cancel). */
gboolean         rk_booklet_page_get_exporting       (RkBookletPage *self);

G_END_DECLS

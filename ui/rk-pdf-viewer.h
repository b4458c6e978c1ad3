/* rk-pdf-viewer.h — a window that reads a PDF (a handout) page by page with poppler-glib: previous/next page
 * (Page Up/Down), "n / m", zoom (fit width, 100 %, Ctrl+plus/minus). */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_PDF_VIEWER (rk_pdf_viewer_get_type ())
G_DECLARE_FINAL_TYPE (RkPdfViewer, rk_pdf_viewer, RK, PDF_VIEWER, AdwWindow)

/* A viewer of the PDF in @data, titled @title, transient for @parent (may be NULL). Not shown yet: call
 * gtk_window_present(). NULL with @error (RK_HANDOUT_ERROR, translated) when poppler cannot open it. */
RkPdfViewer *rk_pdf_viewer_new             (GtkWindow   *parent,
                                            GBytes      *data,
                                            const char  *title,
                                            GError     **error);
/* A viewer of handout @handout_id of @store (see app/rk-handout.h). NULL with @error when it is gone or unreadable. */
RkPdfViewer *rk_pdf_viewer_new_for_handout (GtkWindow   *parent,
                                            RkStore     *store,
                                            gint64       handout_id,
                                            GError     **error);
/* Shows page @page, counted from 1 as in "page n of m" and in search results (RkSearchResult.page); clamped to the
 * document's pages. */
void         rk_pdf_viewer_show_page       (RkPdfViewer *self,
                                            guint        page);
/* The page shown, from 1. */
guint        rk_pdf_viewer_get_page        (RkPdfViewer *self);
guint        rk_pdf_viewer_get_n_pages     (RkPdfViewer *self);
/* The zoom: 0 for "fit width", otherwise a factor of the page's real size (1.0 = 100 %). */
double       rk_pdf_viewer_get_zoom        (RkPdfViewer *self);
void         rk_pdf_viewer_set_zoom        (RkPdfViewer *self,
                                            double       zoom);
/* The text of the "n / m" label, for tests. */
const char  *rk_pdf_viewer_get_page_label  (RkPdfViewer *self);

G_END_DECLS

/* rk-overview-page.h — 概要: the council's properties and its bodies, edited in place. */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_OVERVIEW_PAGE (rk_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (RkOverviewPage, rk_overview_page, RK, OVERVIEW_PAGE, AdwBin)

/* Actions (each does what the user's edit does, saving at once):
 *   "overview.set-field" (ss): field "name", "municipality", "prefecture", "fiscal-year" (decimal), "setup"
 *                              (RkSetupKind as decimal) or "notes", and its new value;
 *   "overview.add-body";  "overview.remove-body" (x, a body id);  "overview.undo-remove" (the last removal). */
GtkWidget *rk_overview_page_new          (RkStore        *store);
RkStore   *rk_overview_page_get_store    (RkOverviewPage *self);
/* The row of the @index-th body (an RkBodyRow), or NULL. */
GtkWidget *rk_overview_page_get_body_row (RkOverviewPage *self,
                                          guint           index);

G_END_DECLS

/* rk-body-row.h — one body (会議体) of the council in the overview: name, tier and purpose, edited in place. */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_BODY_ROW (rk_body_row_get_type ())
G_DECLARE_FINAL_TYPE (RkBodyRow, rk_body_row, RK, BODY_ROW, AdwExpanderRow)

/* Actions, each saved at once through rk_store_update_body() exactly as the user's edit would be:
 * "body.rename" (s), "body.set-tier" (i, an RkTier), "body.set-tier-label" (s, for RK_TIER_OTHER),
 * "body.set-purpose" (s), and "body.remove", which asks the page ("overview.remove-body") so it can offer undo. */
GtkWidget *rk_body_row_new      (RkStore   *store,
                                 RkBody    *body);
RkBody    *rk_body_row_get_body (RkBodyRow *self);
/* Expands the row and puts the cursor in the name, for a body just added. */
void       rk_body_row_edit     (RkBodyRow *self);

G_END_DECLS

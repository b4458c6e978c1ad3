/* rk-coverage-panel.h — which of the 20 candidate member types the council covers, beside the national
 * participation shares, with the guide's advice where it applies. */
#pragma once

#include <adwaita.h>

#include "rk-coverage.h"

G_BEGIN_DECLS

#define RK_TYPE_COVERAGE_PANEL (rk_coverage_panel_get_type ())
G_DECLARE_FINAL_TYPE (RkCoveragePanel, rk_coverage_panel, RK, COVERAGE_PANEL, AdwBin)

/* @members: a GListModel of RkMember (the store's roster). The panel follows its items-changed by itself; a
 * change inside a member (an edit, an ended term) is announced with rk_coverage_panel_update(). */
GtkWidget   *rk_coverage_panel_new            (GListModel      *members);
void         rk_coverage_panel_update         (RkCoveragePanel *self);
/* What the panel shows now (owned by the panel, replaced by every update). */
RkCoverage  *rk_coverage_panel_get_coverage   (RkCoveragePanel *self);
/* The row of a member type (1–20): an AdwActionRow whose subtitle names the members and whose accessible
 * description says who fills it and the national share. */
GtkWidget   *rk_coverage_panel_get_type_row   (RkCoveragePanel *self,
                                               int              member_type);
/* The accessible description of that row, e.g. "Filled by 山田 太郎 (みなと市消防本部). National participation 22.1%." */
const char  *rk_coverage_panel_get_type_description (RkCoveragePanel *self,
                                                     int              member_type);
guint        rk_coverage_panel_get_n_advice   (RkCoveragePanel *self);
/* The row of the @index-th piece of advice (most important first; the rows of missing common types sit inside
 * one expander row), or NULL. */
GtkWidget   *rk_coverage_panel_get_advice_row (RkCoveragePanel *self,
                                               guint            index);

G_END_DECLS

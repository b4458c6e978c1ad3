/* rk-council-fields.h — the choices a council's fields offer (prefecture, fiscal year, set-up), shared by the New
 * Council dialog and the overview page so both show them the same way. */
#pragma once

#include <gtk/gtk.h>

#include "rk-council.h"

G_BEGIN_DECLS

/* The 47 prefectures (data, not translated), plus @extra at the end when it is not one of them (e.g. a fictional
 * prefecture in the demo), so a stored value can always be shown. */
GtkStringList *rk_prefecture_model_new      (const char *extra);
/* The position of @name in a string list, or GTK_INVALID_LIST_POSITION. */
guint          rk_string_model_find         (GListModel *model,
                                             const char *name);

/* The fiscal years offered: from @first to @last, shown as 和暦 ("令和7年度(2025年度)"). */
GtkStringList *rk_fiscal_year_model_new     (int         first,
                                             int         last);
/* A range around the current fiscal year that always contains @wanted. */
void           rk_fiscal_year_range         (int         wanted,
                                             int        *first,
                                             int        *last);
int            rk_current_fiscal_year       (void);

/* The three set-ups, in RkSetupKind order, translated. */
GtkStringList *rk_setup_model_new           (void);

G_END_DECLS

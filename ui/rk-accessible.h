/* rk-accessible.h — accessible names GTK 4.8 and libadwaita 1.2 get wrong or leave out, put right in one place.
 *
 * Over AT-SPI, GTK 4.8 names a button with a text label twice (its raw label, mnemonic underline included, and
 * again through the label child); list items of combo rows and drop-downs have no name; and the drop-down's inner
 * button and list views are named after their GType, and so is the pencil of an entry row. Every page calls rk_accessible_fix_names() on its template
 * after gtk_widget_init_template(), and again on widgets it builds later (dialogs, toasts). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Fixes the names of the buttons, combo rows and drop-downs in @root and below, and hides the pencils of entry rows
 * from assistive technologies (see above). A drop-down's inner
 * parts are named after its tooltip; name one without a tooltip with rk_accessible_name_drop_down(). */
void rk_accessible_fix_names       (GtkWidget   *root);
/* Names @drop_down and its inner button and lists @name (translated), and its items by their text. */
void rk_accessible_name_drop_down  (GtkDropDown *drop_down,
                                    const char  *name);

/* Names the lists inside @row after its title (call again when the title changes). */
void rk_accessible_name_expander_row (AdwExpanderRow      *row);
/* Names the list of a preferences group without a title. */
void rk_accessible_name_group        (AdwPreferencesGroup *group,
                                      const char          *name);

G_END_DECLS

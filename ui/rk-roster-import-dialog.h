/* rk-roster-import-dialog.h — the preview of a roster CSV before anything is imported: how many rows, the good
 * rows, and each bad row with its line number and why. Import adds the good rows in one transaction. */
#pragma once

#include <adwaita.h>

#include "rk-roster-csv.h"
#include "rk-store-members.h"

G_BEGIN_DECLS

#define RK_TYPE_ROSTER_IMPORT_DIALOG (rk_roster_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RkRosterImportDialog, rk_roster_import_dialog, RK, ROSTER_IMPORT_DIALOG, AdwWindow)

/* Actions: "import.accept" (imports the good rows, all or nothing, then closes; stays open with the message when
 * the store refuses) and "import.cancel" (closes, importing nothing). Signal "imported" (guint n) after a
 * successful import. Takes ownership of @import. */
GtkWidget   *rk_roster_import_dialog_new        (GtkWindow            *parent,
                                                 RkStore              *store,
                                                 RkRosterImport       *import,
                                                 const char           *file_name);
RkRosterImport *rk_roster_import_dialog_get_import (RkRosterImportDialog *self);
/* The rows shown (capped for huge files: the counts are always whole). */
guint        rk_roster_import_dialog_get_n_good_rows_shown (RkRosterImportDialog *self);
guint        rk_roster_import_dialog_get_n_bad_rows_shown  (RkRosterImportDialog *self);
/* The title of the @index-th bad row shown ("Line 4: …") and its subtitle (the problem), for tests. */
const char  *rk_roster_import_dialog_get_bad_row_title    (RkRosterImportDialog *self,
                                                           guint                 index);
const char  *rk_roster_import_dialog_get_bad_row_problem  (RkRosterImportDialog *self,
                                                           guint                 index);
/* Why the last accept failed (translated), or NULL. */
const char  *rk_roster_import_dialog_get_message (RkRosterImportDialog *self);

G_END_DECLS

/* rk-new-council-dialog.h — asks what a new council is called, where it is and how it is set up, then creates its
 * file. */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_NEW_COUNCIL_DIALOG (rk_new_council_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RkNewCouncilDialog, rk_new_council_dialog, RK, NEW_COUNCIL_DIALOG, AdwWindow)

/* Actions: "dialog.create" (asks for the file unless "target-path" is set, creates it, emits ::created and closes),
 * "dialog.cancel". Signal ::created (RkStore *store). */
GtkWidget  *rk_new_council_dialog_new             (GtkWindow          *parent);
/* Fills the fields as if the user had typed @info. */
void        rk_new_council_dialog_set_info        (RkNewCouncilDialog *self,
                                                   const RkCouncilInfo *info);
/* Where to create the file; when set, "dialog.create" does not ask (tests, and callers that already chose). */
void        rk_new_council_dialog_set_target_path (RkNewCouncilDialog *self,
                                                   const char         *path);
const char *rk_new_council_dialog_get_target_path (RkNewCouncilDialog *self);
/* Whether the fields are complete, i.e. "dialog.create" is enabled; otherwise the message says what is missing. */
gboolean    rk_new_council_dialog_get_can_create  (RkNewCouncilDialog *self);
const char *rk_new_council_dialog_get_message     (RkNewCouncilDialog *self);

G_END_DECLS

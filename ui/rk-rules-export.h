/* rk-rules-export.h — exporting a version of a rule document as Akoma Ntoso 3.0 XML (app/rk-akn.h). */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

/* Writes the version @version_id of a rule document as Akoma Ntoso to @path (through a temporary file, so a failed
 * write leaves what was there). FALSE with @error (a message for the user) when the version is gone, cannot be read
 * or does not make a valid document (a council without a name …). */
gboolean  rk_rules_export_akn_to_path (RkStore     *store,
                                       gint64       version_id,
                                       const char  *path,
                                       GError     **error);
/* Asks where to save (a save dialog in Documents, named after the rule and the version) and exports there; a toast
 * in @parent's window says where it went or why it failed. */
void      rk_rules_export_akn         (GtkWidget   *parent,
                                       RkStore     *store,
                                       gint64       version_id);
/* The file name the save dialog suggests: "<title> <version label>.xml", without characters file systems refuse. */
char     *rk_rules_export_akn_file_name (RkStore   *store,
                                         gint64     version_id);

G_END_DECLS

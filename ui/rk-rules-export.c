/* rk-rules-export.c — the Akoma Ntoso export of a rule version: gathering the document's metadata from the store
 * (app/rk-akn.h reads nothing itself) and a save dialog. */
#include <glib/gi18n.h>
#include <string.h>

#include "rk-akn.h"
#include "rk-rules-export.h"
#include "rk-store-rules.h"
#include "rk-window.h"

gboolean
rk_rules_export_akn_to_path (RkStore     *store,
                             gint64       version_id,
                             const char  *path,
                             GError     **error)
{
  RkRuleVersion *version;
  RkRuleDocument *document;
  RkCouncil *council;
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *document_id = NULL;
  g_autofree char *work_date = NULL;
  RkAknDocument akn = { 0 };

  g_return_val_if_fail (RK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  version = rk_store_find_rule_version (store, version_id);
  document = version ? rk_store_find_rule_document (store, rk_rule_version_get_document_id (version)) : NULL;
  if (document == NULL)
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID, _("The version was removed."));
      return FALSE;
    }

  sections = rk_store_export_rule_version (store, version, error);
  if (sections == NULL)
    return FALSE;

  council = rk_store_get_council (store);
  document_id = g_strdup_printf ("%" G_GINT64_FORMAT, rk_rule_document_get_id (document));
  /* created_at is "2025-01-14T20:00": the work is dated by the day the rule document was begun. */
  if (strlen (rk_rule_document_get_created_at (document)) >= 10)
    work_date = g_strndup (rk_rule_document_get_created_at (document), 10);

  akn.document_id = document_id;
  akn.title = rk_rule_document_get_title (document);
  akn.work_date = work_date;
  akn.version_label = rk_rule_version_get_label (version);
  akn.version_date = rk_rule_version_get_version_date (version);
  akn.status = rk_rule_version_get_status (version);
  akn.council = rk_council_get_name (council);
  akn.municipality = rk_council_get_municipality (council);
  akn.sections = sections;

  return rk_akn_write (&akn, path, error);
}

char *
rk_rules_export_akn_file_name (RkStore *store,
                               gint64   version_id)
{
  RkRuleVersion *version;
  RkRuleDocument *document;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  version = rk_store_find_rule_version (store, version_id);
  document = version ? rk_store_find_rule_document (store, rk_rule_version_get_document_id (version)) : NULL;
  if (document == NULL)
    return g_strdup ("rule.xml");

  name = g_strdup_printf ("%s %s", rk_rule_document_get_title (document),
                          rk_rule_version_get_display_label (version));
  /* Characters Windows and some file systems refuse, so the file travels. */
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  return g_strconcat (g_strstrip (name), ".xml", NULL);
}

typedef struct {
  GtkWidget *parent;
  RkStore   *store;
  gint64     version_id;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  ExportData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a folder on this computer."));
      if (error == NULL && rk_rules_export_akn_to_path (data->store, data->version_id, path, &error))
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *title = g_strdup_printf (_("Exported as %s"), basename);

          rk_widget_add_toast (data->parent, adw_toast_new (title));
        }
      else
        rk_widget_show_error_toast (data->parent, error);
    }

  g_object_unref (dialog);
  export_data_free (data);
}

void
rk_rules_export_akn (GtkWidget *parent,
                     RkStore   *store,
                     gint64     version_id)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportData *data;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (RK_IS_STORE (store));

  root = gtk_widget_get_root (parent);
  dialog = gtk_file_chooser_native_new (_("Export Akoma Ntoso"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Akoma Ntoso XML"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  rk_file_chooser_use_documents (GTK_FILE_CHOOSER (dialog));
  name = rk_rules_export_akn_file_name (store, version_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  data = g_new0 (ExportData, 1);
  data->parent = g_object_ref (parent);
  data->store = g_object_ref (store);
  data->version_id = version_id;
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

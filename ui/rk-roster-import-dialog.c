/* rk-roster-import-dialog.c — the preview of a roster CSV.
 *
 * Nothing reaches the council until the user accepts; then the good rows go in through one call of
 * rk_store_import_members(), one transaction, so a refusal leaves the roster as it was. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-catalog.h"
#include "rk-roster-import-dialog.h"

/* A file of 50,000 rows must not become 50,000 widgets: the counts say how many there are, the lists show the
 * first rows of each kind. */
#define MAX_ROWS_SHOWN 200

struct _RkRosterImportDialog
{
  AdwWindow             parent_instance;

  RkStore              *store;
  RkRosterImport       *import;
  char                 *file_name;
  char                 *message;
  GPtrArray            *bad_rows; /* AdwActionRow, owned by the group */
  guint                 n_good_shown;

  AdwWindowTitle       *window_title;
  GtkWidget            *accept_button;
  GtkRevealer          *message_revealer;
  GtkLabel             *message_label;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *bad_group;
  AdwPreferencesGroup  *good_group;
};

G_DEFINE_FINAL_TYPE (RkRosterImportDialog, rk_roster_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The title and subtitle name and describe the row (AdwActionRow's relations): nothing to add. */
  return row;
}

static const char *
type_name (int member_type)
{
  RkMemberType *type = NULL;

  if (member_type >= RK_MEMBER_TYPE_FIRST && member_type <= RK_MEMBER_TYPE_LAST)
    type = rk_catalog_lookup_member_type (rk_catalog_get_default (), (guint) member_type);

  return type ? rk_member_type_get_name (type) : "";
}

/* "消防機関 · みなと市消防本部 · 委員 · 中枢会議、作業ワーキング" */
static char *
describe_member (const RkMemberInfo  *info,
                 const char * const  *body_names)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *bodies = body_names && body_names[0] ? g_strjoinv ("、", (char **) body_names) : NULL;

  if (*type_name (info->member_type))
    g_strv_builder_add (parts, type_name (info->member_type));
  if (info->organisation && *info->organisation)
    g_strv_builder_add (parts, info->organisation);
  if ((guint) info->role <= RK_ROLE_LAST)
    g_strv_builder_add (parts, rk_role_to_label (info->role));
  if (bodies != NULL)
    g_strv_builder_add (parts, bodies);

  strv = g_strv_builder_end (parts);
  return g_strjoinv (" · ", strv);
}

static void
rk_roster_import_dialog_fill (RkRosterImportDialog *self)
{
  guint n_rows = rk_roster_import_get_n_rows (self->import);
  guint n_good = rk_roster_import_get_n_good (self->import);
  guint n_bad = rk_roster_import_get_n_bad (self->import);
  g_autofree char *rows_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *accept = NULL;
  guint n_bad_shown = 0;

  /* Translators: %u is the number of data rows in a roster file. */
  rows_text = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  /* Translators: the import summary: "12 rows in UTF-8: 11 can be imported, 1 cannot." */
  summary = g_strdup_printf (_("%1$s in %2$s: %3$u can be imported, %4$u cannot."), rows_text,
                             rk_csv_encoding_to_string (rk_roster_import_get_encoding (self->import)), n_good, n_bad);
  gtk_label_set_text (self->summary_label, summary);
  adw_window_title_set_subtitle (self->window_title, self->file_name);

  for (guint row = 0; row < n_rows; row++)
    {
      const RkMemberInfo *info = rk_roster_import_get_info (self->import, row);
      const char *problem = rk_roster_import_get_problem (self->import, row);
      const char *name = info->name && *info->name ? info->name : _("(no name)");

      if (problem != NULL && n_bad_shown < MAX_ROWS_SHOWN)
        {
          /* Translators: a row of the import preview that cannot be imported: its line in the file, the name. */
          g_autofree char *title = g_strdup_printf (_("Line %1$u: %2$s"),
                                                    rk_roster_import_get_line (self->import, row), name);
          GtkWidget *widget = create_row (title, problem);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 0);
          adw_preferences_group_add (self->bad_group, widget);
          g_ptr_array_add (self->bad_rows, widget);
          n_bad_shown++;
        }
      else if (problem == NULL && self->n_good_shown < MAX_ROWS_SHOWN)
        {
          g_autofree char *subtitle = describe_member (info, rk_roster_import_get_body_names (self->import, row));

          adw_preferences_group_add (self->good_group, create_row (name, subtitle));
          self->n_good_shown++;
        }
    }

  if (n_bad > n_bad_shown)
    {
      /* Translators: the last row of a long list in the import preview. */
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more row", "And %u more rows", n_bad - n_bad_shown),
                                               n_bad - n_bad_shown);

      adw_preferences_group_add (self->bad_group, create_row (more, ""));
    }
  if (n_good > self->n_good_shown)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more row", "And %u more rows",
                                                         n_good - self->n_good_shown),
                                               n_good - self->n_good_shown);

      adw_preferences_group_add (self->good_group, create_row (more, ""));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->bad_group), n_bad > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->good_group), n_good > 0);

  /* Translators: the button that imports the good rows of a roster file. */
  accept = g_strdup_printf (ngettext ("_Import %u Member", "_Import %u Members", n_good), n_good);
  gtk_button_set_label (GTK_BUTTON (self->accept_button), accept);
  rk_accessible_fix_names (self->accept_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.accept", n_good > 0);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkRosterImportDialog *self = RK_ROSTER_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const RkMemberInfo *members = NULL;
  const char * const **body_names = NULL;
  guint n = rk_roster_import_get_good (self->import, &members, &body_names);

  if (n == 0)
    return;

  if (!rk_store_import_members (self->store, members, body_names, n, &error))
    {
      g_free (self->message);
      self->message = g_strdup (error->message);
      gtk_label_set_text (self->message_label, error->message);
      gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

RkRosterImport *
rk_roster_import_dialog_get_import (RkRosterImportDialog *self)
{
  g_return_val_if_fail (RK_IS_ROSTER_IMPORT_DIALOG (self), NULL);

  return self->import;
}

guint
rk_roster_import_dialog_get_n_good_rows_shown (RkRosterImportDialog *self)
{
  g_return_val_if_fail (RK_IS_ROSTER_IMPORT_DIALOG (self), 0);

  return self->n_good_shown;
}

guint
rk_roster_import_dialog_get_n_bad_rows_shown (RkRosterImportDialog *self)
{
  g_return_val_if_fail (RK_IS_ROSTER_IMPORT_DIALOG (self), 0);

  return self->bad_rows->len;
}

const char *
rk_roster_import_dialog_get_bad_row_title (RkRosterImportDialog *self,
                                           guint                 index)
{
  g_return_val_if_fail (RK_IS_ROSTER_IMPORT_DIALOG (self), NULL);

  if (index >= self->bad_rows->len)
    return NULL;

  return adw_preferences_row_get_title (g_ptr_array_index (self->bad_rows, index));
}

const char *
rk_roster_import_dialog_get_bad_row_problem (RkRosterImportDialog *self,
                                             guint                 index)
{
  g_return_val_if_fail (RK_IS_ROSTER_IMPORT_DIALOG (self), NULL);

  if (index >= self->bad_rows->len)
    return NULL;

  return adw_action_row_get_subtitle (g_ptr_array_index (self->bad_rows, index));
}

const char *
rk_roster_import_dialog_get_message (RkRosterImportDialog *self)
{
  g_return_val_if_fail (RK_IS_ROSTER_IMPORT_DIALOG (self), NULL);

  return self->message;
}

static void
rk_roster_import_dialog_finalize (GObject *object)
{
  RkRosterImportDialog *self = RK_ROSTER_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, rk_roster_import_free);
  g_clear_pointer (&self->bad_rows, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_roster_import_dialog_parent_class)->finalize (object);
}

static void
rk_roster_import_dialog_class_init (RkRosterImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rk_roster_import_dialog_finalize;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renkei/Renkei/ui/rk-roster-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, bad_group);
  gtk_widget_class_bind_template_child (widget_class, RkRosterImportDialog, good_group);

  gtk_widget_class_install_action (widget_class, "import.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
rk_roster_import_dialog_init (RkRosterImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  self->bad_rows = g_ptr_array_new ();
}

GtkWidget *
rk_roster_import_dialog_new (GtkWindow      *parent,
                             RkStore        *store,
                             RkRosterImport *import,
                             const char     *file_name)
{
  RkRosterImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (RK_TYPE_ROSTER_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = import;
  self->file_name = g_strdup (file_name ? file_name : "");
  rk_roster_import_dialog_fill (self);

  return GTK_WIDGET (self);
}

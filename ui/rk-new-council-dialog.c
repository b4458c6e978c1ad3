/* rk-new-council-dialog.c — the New Council dialog.
 *
 * The fields are checked with rk_council_info_validate() as the user types, so Create is only enabled when the
 * store would accept them; the store still has the last word and its error is shown if creating fails. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-council-fields.h"
#include "rk-new-council-dialog.h"
#include "rk-window.h"

struct _RkNewCouncilDialog
{
  AdwWindow             parent_instance;

  char                 *target_path;
  char                 *message;
  GtkFileChooserNative *chooser;
  int                   first_fiscal_year;
  gboolean              can_create;
  /* The message only appears once the user has changed something, not on an empty new dialog. */
  gboolean              touched;
  gboolean              filling;

  AdwEntryRow          *name_row;
  AdwEntryRow          *municipality_row;
  AdwComboRow          *prefecture_row;
  AdwComboRow          *fiscal_year_row;
  AdwComboRow          *setup_row;
  GtkLabel             *message_label;
};

G_DEFINE_FINAL_TYPE (RkNewCouncilDialog, rk_new_council_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_TARGET_PATH,
  PROP_CAN_CREATE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Fills @info with pointers into the widgets (and @prefecture), valid until they change. */
static void
rk_new_council_dialog_read_info (RkNewCouncilDialog *self,
                                 RkCouncilInfo      *info)
{
  GtkStringObject *prefecture = adw_combo_row_get_selected_item (self->prefecture_row);
  guint year = adw_combo_row_get_selected (self->fiscal_year_row);

  info->name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  info->municipality = gtk_editable_get_text (GTK_EDITABLE (self->municipality_row));
  info->prefecture = prefecture ? gtk_string_object_get_string (prefecture) : "";
  info->fiscal_year = year == GTK_INVALID_LIST_POSITION ? 0 : self->first_fiscal_year + (int) year;
  info->setup = (RkSetupKind) adw_combo_row_get_selected (self->setup_row);
  info->notes = NULL;
}

static void
rk_new_council_dialog_validate (RkNewCouncilDialog *self)
{
  RkCouncilInfo info;
  g_autoptr(GError) error = NULL;
  gboolean can_create;

  rk_new_council_dialog_read_info (self, &info);
  can_create = rk_council_info_validate (&info, &error);

  g_free (self->message);
  self->message = can_create ? NULL : g_strdup (error->message);
  if (!can_create && (info.prefecture == NULL || *info.prefecture == '\0'))
    {
      RkCouncilInfo chosen = info;

      /* The core asks to enter a prefecture; here it is picked from a list. */
      chosen.prefecture = "東京都";
      if (rk_council_info_validate (&chosen, NULL))
        {
          g_free (self->message);
          self->message = g_strdup (_("Choose the prefecture."));
        }
    }
  gtk_label_set_text (self->message_label, self->message ? self->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), self->touched && self->message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", can_create && self->chooser == NULL);

  if (can_create != self->can_create)
    {
      self->can_create = can_create;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CREATE]);
    }
}

static void
field_changed_cb (RkNewCouncilDialog *self)
{
  if (!self->filling)
    self->touched = TRUE;
  rk_new_council_dialog_validate (self);
}

static void
rk_new_council_dialog_create_at (RkNewCouncilDialog *self,
                                 const char         *path)
{
  g_autoptr(RkNewCouncilDialog) hold = g_object_ref (self);
  g_autoptr(RkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info;

  rk_new_council_dialog_read_info (self, &info);
  store = rk_store_create (path, &info, &error);

  if (store == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Create the Council"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      rk_accessible_fix_names (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rk_new_council_dialog_chooser_response_cb (RkNewCouncilDialog   *self,
                                           int                   response,
                                           GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  rk_new_council_dialog_validate (self);

  if (file == NULL)
    return;

  if ((path = g_file_get_path (file)) == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Create the Council"),
                                                  _("Choose a folder on this computer."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      rk_accessible_fix_names (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The file must carry the suffix so the desktop recognises it as a council. */
  if (!g_str_has_suffix (path, RK_STORE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, RK_STORE_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }

  rk_new_council_dialog_create_at (self, path);
}

static void
rk_new_council_dialog_choose_file (RkNewCouncilDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  gtk_file_filter_set_name (filter, _("Renkei Councils"));
  gtk_file_filter_add_mime_type (filter, RK_STORE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, RK_STORE_SUFFIX + 1);

  name = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), RK_STORE_SUFFIX, NULL);
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');

  self->chooser = gtk_file_chooser_native_new (_("Save the New Council"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  rk_file_chooser_use_documents (GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (rk_new_council_dialog_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  rk_new_council_dialog_validate (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkNewCouncilDialog *self = RK_NEW_COUNCIL_DIALOG (widget);

  self->touched = TRUE;
  rk_new_council_dialog_validate (self);
  if (!self->can_create || self->chooser != NULL)
    return;

  if (self->target_path != NULL)
    rk_new_council_dialog_create_at (self, self->target_path);
  else
    rk_new_council_dialog_choose_file (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

void
rk_new_council_dialog_set_info (RkNewCouncilDialog  *self,
                                const RkCouncilInfo *info)
{
  guint prefecture;

  g_return_if_fail (RK_IS_NEW_COUNCIL_DIALOG (self));
  g_return_if_fail (info != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), info->name ? info->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->municipality_row), info->municipality ? info->municipality : "");

  prefecture = rk_string_model_find (adw_combo_row_get_model (self->prefecture_row), info->prefecture);
  if (prefecture == GTK_INVALID_LIST_POSITION && info->prefecture && *info->prefecture)
    {
      g_autoptr(GtkStringList) model = rk_prefecture_model_new (info->prefecture);

      adw_combo_row_set_model (self->prefecture_row, G_LIST_MODEL (model));
      prefecture = rk_string_model_find (G_LIST_MODEL (model), info->prefecture);
    }
  adw_combo_row_set_selected (self->prefecture_row, prefecture);

  if (info->fiscal_year > 0)
    {
      int first, last;
      g_autoptr(GtkStringList) years = NULL;

      rk_fiscal_year_range (info->fiscal_year, &first, &last);
      years = rk_fiscal_year_model_new (first, last);
      self->first_fiscal_year = first;
      adw_combo_row_set_model (self->fiscal_year_row, G_LIST_MODEL (years));
      adw_combo_row_set_selected (self->fiscal_year_row, info->fiscal_year - first);
    }

  adw_combo_row_set_selected (self->setup_row, info->setup);
}

void
rk_new_council_dialog_set_target_path (RkNewCouncilDialog *self,
                                       const char         *path)
{
  g_return_if_fail (RK_IS_NEW_COUNCIL_DIALOG (self));

  if (g_strcmp0 (self->target_path, path) == 0)
    return;

  g_free (self->target_path);
  self->target_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_PATH]);
}

const char *
rk_new_council_dialog_get_target_path (RkNewCouncilDialog *self)
{
  g_return_val_if_fail (RK_IS_NEW_COUNCIL_DIALOG (self), NULL);

  return self->target_path;
}

gboolean
rk_new_council_dialog_get_can_create (RkNewCouncilDialog *self)
{
  g_return_val_if_fail (RK_IS_NEW_COUNCIL_DIALOG (self), FALSE);

  return self->can_create;
}

const char *
rk_new_council_dialog_get_message (RkNewCouncilDialog *self)
{
  g_return_val_if_fail (RK_IS_NEW_COUNCIL_DIALOG (self), NULL);

  return self->message;
}

static void
rk_new_council_dialog_dispose (GObject *object)
{
  RkNewCouncilDialog *self = RK_NEW_COUNCIL_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);


  G_OBJECT_CLASS (rk_new_council_dialog_parent_class)->dispose (object);
}

static void
rk_new_council_dialog_finalize (GObject *object)
{
  RkNewCouncilDialog *self = RK_NEW_COUNCIL_DIALOG (object);

  g_clear_pointer (&self->target_path, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rk_new_council_dialog_parent_class)->finalize (object);
}

static void
rk_new_council_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RkNewCouncilDialog *self = RK_NEW_COUNCIL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TARGET_PATH:
      g_value_set_string (value, self->target_path);
      break;

    case PROP_CAN_CREATE:
      g_value_set_boolean (value, self->can_create);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_new_council_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RkNewCouncilDialog *self = RK_NEW_COUNCIL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TARGET_PATH:
      rk_new_council_dialog_set_target_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_new_council_dialog_class_init (RkNewCouncilDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_new_council_dialog_dispose;
  object_class->finalize = rk_new_council_dialog_finalize;
  object_class->get_property = rk_new_council_dialog_get_property;
  object_class->set_property = rk_new_council_dialog_set_property;

  properties[PROP_TARGET_PATH] =
    g_param_spec_string ("target-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_CREATE] =
    g_param_spec_boolean ("can-create", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RK_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/renkei/Renkei/ui/rk-new-council-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RkNewCouncilDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RkNewCouncilDialog, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, RkNewCouncilDialog, prefecture_row);
  gtk_widget_class_bind_template_child (widget_class, RkNewCouncilDialog, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, RkNewCouncilDialog, setup_row);
  gtk_widget_class_bind_template_child (widget_class, RkNewCouncilDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}


/* The groups have no titles (the dialog's title says it all), so GTK would name their lists after their type. */
static void
rk_new_council_dialog_name_groups (GtkWidget *widget,
                                   guint     *n_found)
{
  const char *names[] = { N_("Council"), N_("How the Council Is Set Up") };

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_GROUP (child))
        {
          if (*n_found < G_N_ELEMENTS (names))
            rk_accessible_name_group (ADW_PREFERENCES_GROUP (child), _(names[*n_found]));
          (*n_found)++;
        }
      else
        rk_new_council_dialog_name_groups (child, n_found);
    }
}

static void
rk_new_council_dialog_init (RkNewCouncilDialog *self)
{
  g_autoptr(GtkStringList) prefectures = rk_prefecture_model_new (NULL);
  g_autoptr(GtkStringList) years = NULL;
  g_autoptr(GtkStringList) setups = rk_setup_model_new ();
  int current = rk_current_fiscal_year ();
  int last;
  guint n_groups = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  rk_new_council_dialog_name_groups (GTK_WIDGET (self), &n_groups);

  self->filling = TRUE;
  adw_combo_row_set_model (self->prefecture_row, G_LIST_MODEL (prefectures));
  /* No prefecture is preselected: a wrong default would easily go unnoticed. */
  adw_combo_row_set_selected (self->prefecture_row, GTK_INVALID_LIST_POSITION);

  rk_fiscal_year_range (current, &self->first_fiscal_year, &last);
  years = rk_fiscal_year_model_new (self->first_fiscal_year, last);
  adw_combo_row_set_model (self->fiscal_year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->fiscal_year_row, current - self->first_fiscal_year);

  adw_combo_row_set_model (self->setup_row, G_LIST_MODEL (setups));
  adw_combo_row_set_selected (self->setup_row, RK_SETUP_NEW);
  self->filling = FALSE;

  rk_new_council_dialog_validate (self);
}

GtkWidget *
rk_new_council_dialog_new (GtkWindow *parent)
{
  return g_object_new (RK_TYPE_NEW_COUNCIL_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

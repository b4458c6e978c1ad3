/* rk-task-editor.c — add or edit one task of the work schedule.
 *
 * Like the member editor, a task is saved as a whole: a span whose end comes before its start must never reach the
 * file, so the dialog validates as the user types with rk_task_info_validate() (the store's own rules), shows why
 * it cannot save, and Save writes everything in one go. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-catalog.h"
#include "rk-era.h"
#include "rk-month-row.h"
#include "rk-store-members.h"
#include "rk-task-editor.h"

struct _RkTaskEditor
{
  AdwWindow       parent_instance;

  RkStore        *store;
  RkTask         *task;
  /* The member id at each position of owner_row; 0 at position 0 (nobody). */
  GArray         *owner_ids;
  char           *message;
  char           *start_text;
  char           *end_text;
  guint           n_meetings;
  gboolean        can_save;
  /* The user has changed something, so a message about what is wrong is useful rather than nagging. */
  gboolean        touched;
  gboolean        updating;

  AdwWindowTitle *window_title;
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  AdwComboRow    *step_row;
  AdwEntryRow    *code_row;
  AdwEntryRow    *title_row;
  RkMonthRow     *start_row;
  RkMonthRow     *end_row;
  AdwEntryRow    *cadence_row;
  GtkSwitch      *milestone_switch;
  AdwComboRow    *status_row;
  AdwComboRow    *owner_row;
  AdwEntryRow    *owner_text_row;
  AdwEntryRow    *notes_row;
  AdwPreferencesGroup *meetings_group;
  GtkListBox     *meetings_list;
};

G_DEFINE_FINAL_TYPE (RkTaskEditor, rk_task_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Borrowed pointers into the widgets and the editor: valid until the next edit. */
static void
rk_task_editor_get_info (RkTaskEditor *self,
                         RkTaskInfo   *info)
{
  guint owner = adw_combo_row_get_selected (self->owner_row);

  g_free (self->start_text);
  self->start_text = rk_month_to_string (rk_month_row_get_month (self->start_row));
  g_free (self->end_text);
  self->end_text = rk_month_to_string (rk_month_row_get_month (self->end_row));

  info->step = (int) adw_combo_row_get_selected (self->step_row) + 1;
  info->code = entry_text (self->code_row);
  info->title = entry_text (self->title_row);
  info->start_month = self->start_text;
  info->end_month = self->end_text;
  info->owner_member_id = owner < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, owner) : 0;
  info->owner_text = entry_text (self->owner_text_row);
  info->status = (RkTaskStatus) adw_combo_row_get_selected (self->status_row);
  info->milestone = gtk_switch_get_active (self->milestone_switch);
  info->cadence = entry_text (self->cadence_row);
  info->notes = entry_text (self->notes_row);
}

static void
rk_task_editor_validate (RkTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  RkTaskInfo info;

  rk_task_editor_get_info (self, &info);
  self->can_save = rk_task_info_validate (&info, &error);
  g_clear_pointer (&self->message, g_free);
  if (!self->can_save)
    self->message = g_strdup (error->message);

  gtk_label_set_text (self->message_label, self->message ? self->message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, self->touched && self->message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
}

static void
changed_cb (RkTaskEditor *self)
{
  if (self->updating)
    return;

  self->touched = TRUE;
  rk_task_editor_validate (self);
}

static void
rk_task_editor_show_message (RkTaskEditor *self,
                             const char   *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
rk_task_editor_save (RkTaskEditor *self)
{
  g_autoptr(GError) error = NULL;
  RkTaskInfo info;

  rk_task_editor_get_info (self, &info);
  if (!rk_task_info_validate (&info, &error))
    {
      rk_task_editor_show_message (self, error->message);
      return;
    }

  if (self->task == NULL)
    {
      RkTask *task = rk_store_add_task (self->store, &info, &error);

      if (task == NULL)
        {
          rk_task_editor_show_message (self, error->message);
          return;
        }
      /* From now on a retry edits this task instead of adding a second one. */
      self->task = task;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK]);
    }
  else if (!rk_store_update_task (self->store, self->task, &info, &error))
    {
      rk_task_editor_show_message (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_activated_cb (RkTaskEditor *self)
{
  if (self->can_save)
    rk_task_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rk_task_editor_save (RK_TASK_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
rk_task_editor_select_owner (RkTaskEditor *self,
                             gint64        member_id)
{
  for (guint i = 0; i < self->owner_ids->len; i++)
    if (g_array_index (self->owner_ids, gint64, i) == member_id)
      {
        adw_combo_row_set_selected (self->owner_row, i);
        return;
      }

  adw_combo_row_set_selected (self->owner_row, 0);
}

static gboolean
rk_task_editor_set_month (RkMonthRow *row,
                          const char *text)
{
  RkMonth month;

  if (text == NULL || !rk_month_parse (text, &month))
    return FALSE;

  rk_month_row_set_month (row, month);
  return TRUE;
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkTaskEditor *self = RK_TASK_EDITOR (widget);
  const char *field, *value;
  gint64 number;

  g_variant_get (param, "(&s&s)", &field, &value);
  number = g_ascii_strtoll (value, NULL, 10);

  if (g_str_equal (field, "step"))
    {
      if (number >= 1 && number <= 6)
        adw_combo_row_set_selected (self->step_row, (guint) number - 1);
    }
  else if (g_str_equal (field, "code"))
    gtk_editable_set_text (GTK_EDITABLE (self->code_row), value);
  else if (g_str_equal (field, "title"))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), value);
  else if (g_str_equal (field, "start-month"))
    rk_task_editor_set_month (self->start_row, value);
  else if (g_str_equal (field, "end-month"))
    rk_task_editor_set_month (self->end_row, value);
  else if (g_str_equal (field, "owner-member"))
    rk_task_editor_select_owner (self, number);
  else if (g_str_equal (field, "owner-text"))
    gtk_editable_set_text (GTK_EDITABLE (self->owner_text_row), value);
  else if (g_str_equal (field, "status"))
    {
      if (number >= RK_TASK_TODO && number <= RK_TASK_CANCELLED)
        adw_combo_row_set_selected (self->status_row, (guint) number);
    }
  else if (g_str_equal (field, "milestone"))
    gtk_switch_set_active (self->milestone_switch, g_str_equal (value, "true"));
  else if (g_str_equal (field, "cadence"))
    gtk_editable_set_text (GTK_EDITABLE (self->cadence_row), value);
  else if (g_str_equal (field, "notes"))
    gtk_editable_set_text (GTK_EDITABLE (self->notes_row), value);
  else
    g_critical ("editor.set-field: unknown field “%s”", field);
}

static void
rk_task_editor_set_info (RkTaskEditor     *self,
                         const RkTaskInfo *info)
{
  self->updating = TRUE;
  if (info->step >= 1 && info->step <= 6)
    adw_combo_row_set_selected (self->step_row, (guint) info->step - 1);
  set_entry_text (self->code_row, info->code);
  set_entry_text (self->title_row, info->title);
  rk_task_editor_set_month (self->start_row, info->start_month);
  rk_task_editor_set_month (self->end_row, info->end_month);
  rk_task_editor_select_owner (self, info->owner_member_id);
  set_entry_text (self->owner_text_row, info->owner_text);
  if (info->status >= RK_TASK_TODO && info->status <= RK_TASK_CANCELLED)
    adw_combo_row_set_selected (self->status_row, (guint) info->status);
  gtk_switch_set_active (self->milestone_switch, info->milestone);
  set_entry_text (self->cadence_row, info->cadence);
  set_entry_text (self->notes_row, info->notes);
  self->updating = FALSE;

  rk_task_editor_validate (self);
}

RkTask *
rk_task_editor_get_task (RkTaskEditor *self)
{
  g_return_val_if_fail (RK_IS_TASK_EDITOR (self), NULL);

  return self->task;
}

gboolean
rk_task_editor_get_can_save (RkTaskEditor *self)
{
  g_return_val_if_fail (RK_IS_TASK_EDITOR (self), FALSE);

  return self->can_save;
}

const char *
rk_task_editor_get_message (RkTaskEditor *self)
{
  g_return_val_if_fail (RK_IS_TASK_EDITOR (self), NULL);

  return self->message;
}

guint
rk_task_editor_get_n_meetings (RkTaskEditor *self)
{
  g_return_val_if_fail (RK_IS_TASK_EDITOR (self), 0);

  return self->n_meetings;
}

/* ---- Construction -------------------------------------------------------------------------------------- */

static void
rk_task_editor_fill_choices (RkTaskEditor *self,
                             gint64        owner_id)
{
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *members = rk_store_get_members (self->store);
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  gint64 nobody = 0;

  for (guint step = 1; step <= 6; step++)
    {
      /* Translators: a step of the schedule in the task dialog: its number, then its title. */
      g_autofree char *label = g_strdup_printf (_("STEP%u %s"), step, rk_catalog_get_step_title (catalog, step));

      gtk_string_list_append (steps, label);
    }
  for (RkTaskStatus status = RK_TASK_TODO; status <= RK_TASK_CANCELLED; status++)
    gtk_string_list_append (statuses, rk_task_status_to_label (status));

  g_array_append_val (self->owner_ids, nobody);
  gtk_string_list_append (owners, _("No member (or the organisation below)"));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);
      gint64 id = rk_member_get_id (member);
      const char *organisation = rk_member_get_organisation (member);
      g_autofree char *label = NULL;

      /* Former members only when they already own the task: it keeps its owner. */
      if (!rk_member_get_current (member) && id != owner_id)
        continue;

      if (organisation != NULL && *organisation != '\0')
        /* Translators: a member as the owner of a task: name, then organisation. */
        label = g_strdup_printf (C_("task owner", "%1$s (%2$s)"), rk_member_get_name (member), organisation);
      else
        label = g_strdup (rk_member_get_name (member));

      g_array_append_val (self->owner_ids, id);
      gtk_string_list_append (owners, label);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (steps));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  self->updating = FALSE;
}

static const char *
meeting_status_label (int status)
{
  switch (status)
    {
    case 1:
      return _("Held");
    case 2:
      return _("Cancelled");
    default:
      return _("Planned");
    }
}

static void
rk_task_editor_add_meetings (RkTaskEditor *self)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  if (self->task == NULL)
    {
      /* A new task has no meetings yet: they are linked to it from the meetings page. */
      gtk_widget_set_visible (GTK_WIDGET (self->meetings_group), FALSE);
      return;
    }

  meetings = rk_store_list_task_meetings (self->store, self->task, &error);
  if (meetings == NULL)
    {
      g_warning ("Listing the meetings of a task: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->meetings_group), FALSE);
      return;
    }

  self->n_meetings = meetings->len;
  if (meetings->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No meetings for this task yet"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "rk-placeholder");
      gtk_list_box_set_placeholder (self->meetings_list, label);
      return;
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      RkTaskMeeting *meeting = g_ptr_array_index (meetings, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GDate date;
      char ymd[11] = { 0 };

      if (meeting->starts_at != NULL)
        g_strlcpy (ymd, meeting->starts_at, sizeof ymd);
      if (rk_era_parse_iso_date (ymd, &date))
        when = rk_era_format_date (&date);

      /* Translators: a meeting in the task dialog: 第%d回 (the meeting's number), then its title. */
      title = g_strdup_printf (_("No. %1$d %2$s"), meeting->number, meeting->title ? meeting->title : "");
      /* Translators: under a meeting in the task dialog: the body, the date (和暦) and held/planned/cancelled. */
      subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"), meeting->body_name ? meeting->body_name : "",
                                  when ? when : "", meeting_status_label (meeting->status));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->meetings_list, row);
    }
}

static void
rk_task_editor_constructed (GObject *object)
{
  RkTaskEditor *self = RK_TASK_EDITOR (object);
  RkTaskInfo info = { 0, };

  G_OBJECT_CLASS (rk_task_editor_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  /* A new task is filled in by rk_task_editor_new(). */
  if (self->task != NULL)
    rk_task_get_info (self->task, &info);

  rk_task_editor_fill_choices (self, self->task ? info.owner_member_id : 0);
  rk_task_editor_add_meetings (self);

  if (self->task != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Task"));
      adw_window_title_set_subtitle (self->window_title, rk_task_get_title (self->task));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Task"));
      rk_task_editor_set_info (self, &info);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Add Task"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Task"));
    }
}

static void
rk_task_editor_finalize (GObject *object)
{
  RkTaskEditor *self = RK_TASK_EDITOR (object);

  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->start_text, g_free);
  g_clear_pointer (&self->end_text, g_free);
  g_clear_object (&self->task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_task_editor_parent_class)->finalize (object);
}

static void
rk_task_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RkTaskEditor *self = RK_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_task_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RkTaskEditor *self = RK_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TASK:
      self->task = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_task_editor_class_init (RkTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_task_editor_constructed;
  object_class->finalize = rk_task_editor_finalize;
  object_class->get_property = rk_task_editor_get_property;
  object_class->set_property = rk_task_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Set at construction to edit a task; set by the first successful save of a new one. */
  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL, RK_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RK_TYPE_MONTH_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, step_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, milestone_switch);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, owner_text_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, RkTaskEditor, meetings_list);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.set-field", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rk_task_editor_init (RkTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
rk_task_editor_new (GtkWindow        *parent,
                    RkStore          *store,
                    RkTask           *task,
                    const RkTaskInfo *info)
{
  RkTaskEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (task == NULL || RK_IS_TASK (task), NULL);

  self = g_object_new (RK_TYPE_TASK_EDITOR, "store", store, "task", task, "transient-for", parent, NULL);
  if (task == NULL)
    {
      RkTaskInfo defaults = { .step = 1, .status = RK_TASK_TODO };

      rk_task_editor_set_info (self, info ? info : &defaults);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }

  return GTK_WIDGET (self);
}

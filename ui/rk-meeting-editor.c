/* rk-meeting-editor.c — plan or edit one meeting.
 *
 * Like the task editor, a meeting is saved as a whole: an end before the start must never reach the file, so the
 * dialog validates as the user types with rk_meeting_info_validate() (the store's own rules), says inline why it
 * cannot save, and Save writes everything in one go. */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rk-accessible.h"
#include "rk-meeting-editor.h"
#include "rk-meeting-pdf.h"
#include "rk-store-tasks.h"

struct _RkMeetingEditor
{
  AdwWindow       parent_instance;

  RkStore        *store;
  RkMeeting      *meeting;
  /* The ids at each position of body_row and task_row (0 at position 0 of task_row: none). */
  GArray         *body_ids;
  GArray         *task_ids;
  GDate           date;
  char           *message;
  char           *starts_at;
  char           *ends_at;
  gboolean        can_save;
  /* The user has changed something, so a message about what is wrong helps rather than nags. */
  gboolean        touched;
  gboolean        updating;

  AdwWindowTitle *window_title;
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  AdwComboRow    *body_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *status_row;
  AdwActionRow   *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *place_row;
  GtkSwitch      *online_switch;
  AdwComboRow    *task_row;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (RkMeetingEditor, rk_meeting_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING,
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

/* "9:00" → "09:00", so that a time typed the short way still parses; anything else is left for validation to name. */
static char *
normalize_time (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int hours, minutes;
  char tail;

  /* Full-width digits and colon come from a Japanese input method. */
  {
    g_autofree char *folded = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL_COMPOSE);

    if (folded != NULL)
      {
        g_free (stripped);
        stripped = g_steal_pointer (&folded);
      }
  }
  if (sscanf (stripped, "%d:%d%c", &hours, &minutes, &tail) == 2 && hours >= 0 && hours < 100 && minutes >= 0
      && minutes < 100 && strlen (stripped) <= 5)
    return g_strdup_printf ("%02d:%02d", hours, minutes);

  return g_steal_pointer (&stripped);
}

static void
rk_meeting_editor_update_date_row (RkMeetingEditor *self)
{
  g_autofree char *text = NULL;

  if (g_date_valid (&self->date))
    text = rk_meeting_format_date (&self->date);
  adw_action_row_set_subtitle (self->date_row, text ? text : _("Not set"));
}

/* Borrowed pointers into the widgets and the editor: valid until the next edit. */
static void
rk_meeting_editor_get_info (RkMeetingEditor *self,
                            RkMeetingInfo   *info)
{
  guint body = adw_combo_row_get_selected (self->body_row);
  guint task = adw_combo_row_get_selected (self->task_row);
  g_autofree char *start = normalize_time (entry_text (self->start_row));
  g_autofree char *end = normalize_time (entry_text (self->end_row));
  char day[16] = "";

  if (g_date_valid (&self->date))
    g_snprintf (day, sizeof day, "%04d-%02d-%02d", g_date_get_year (&self->date), g_date_get_month (&self->date),
                g_date_get_day (&self->date));

  g_free (self->starts_at);
  self->starts_at = g_strdup_printf ("%sT%s", day, start);
  g_free (self->ends_at);
  self->ends_at = *end != '\0' ? g_strdup_printf ("%sT%s", day, end) : g_strdup ("");

  memset (info, 0, sizeof *info);
  info->body_id = body < self->body_ids->len ? g_array_index (self->body_ids, gint64, body) : 0;
  info->title = entry_text (self->title_row);
  info->starts_at = self->starts_at;
  info->ends_at = self->ends_at;
  info->place = entry_text (self->place_row);
  info->online = gtk_switch_get_active (self->online_switch);
  info->task_id = task < self->task_ids->len ? g_array_index (self->task_ids, gint64, task) : 0;
  info->status = (RkMeetingStatus) adw_combo_row_get_selected (self->status_row);
  info->notes = entry_text (self->notes_row);
}

static void
rk_meeting_editor_validate (RkMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  RkMeetingInfo info;
  gboolean end_ok = TRUE;
  int start_minutes, end_minutes;

  rk_meeting_editor_get_info (self, &info);
  self->can_save = rk_meeting_info_validate (&info, &error);
  g_clear_pointer (&self->message, g_free);
  if (!self->can_save)
    self->message = g_strdup (error->message);

  /* Mark the field at fault, so the user sees where, not only what. */
  if (*info.ends_at != '\0')
    end_ok = rk_meeting_parse_date_time (info.ends_at, NULL, &end_minutes)
             && (!rk_meeting_parse_date_time (info.starts_at, NULL, &start_minutes) || end_minutes >= start_minutes);
  if (end_ok || !self->touched)
    gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
  if (rk_meeting_parse_date_time (info.starts_at, NULL, NULL) || !self->touched)
    gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");

  gtk_label_set_text (self->message_label, self->message ? self->message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, self->touched && self->message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
}

static void
changed_cb (RkMeetingEditor *self)
{
  if (self->updating)
    return;

  self->touched = TRUE;
  rk_meeting_editor_validate (self);
}

static void
day_selected_cb (RkMeetingEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);

  if (self->updating)
    return;

  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  rk_meeting_editor_update_date_row (self);
  gtk_menu_button_popdown (self->date_button);
  changed_cb (self);
}

static void
rk_meeting_editor_set_date (RkMeetingEditor *self,
                            const GDate     *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return;

  self->date = *date;
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->updating = FALSE;
  rk_meeting_editor_update_date_row (self);
}

static void
rk_meeting_editor_show_message (RkMeetingEditor *self,
                                const char      *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
rk_meeting_editor_save (RkMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  RkMeetingInfo info;

  rk_meeting_editor_get_info (self, &info);
  if (!rk_meeting_info_validate (&info, &error))
    {
      rk_meeting_editor_show_message (self, error->message);
      return;
    }

  if (self->meeting == NULL)
    {
      RkMeeting *meeting = rk_store_add_meeting (self->store, &info, &error);

      if (meeting == NULL)
        {
          rk_meeting_editor_show_message (self, error->message);
          return;
        }
      /* From now on a retry edits this meeting instead of adding a second one. */
      self->meeting = meeting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
    }
  else if (!rk_store_update_meeting (self->store, self->meeting, &info, &error))
    {
      rk_meeting_editor_show_message (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_activated_cb (RkMeetingEditor *self)
{
  if (self->can_save)
    rk_meeting_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rk_meeting_editor_save (RK_MEETING_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkMeetingEditor *self = RK_MEETING_EDITOR (widget);
  const char *field, *value;
  gint64 number;

  g_variant_get (param, "(&s&s)", &field, &value);
  number = g_ascii_strtoll (value, NULL, 10);

  if (g_str_equal (field, "body"))
    select_id (self->body_row, self->body_ids, number);
  else if (g_str_equal (field, "title"))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), value);
  else if (g_str_equal (field, "date"))
    {
      /* The store's own parser, so the dialog accepts exactly the days the store does. */
      g_autofree char *probe = g_strconcat (value, "T00:00", NULL);
      GDate date;

      if (rk_meeting_parse_date_time (probe, &date, NULL))
        {
          rk_meeting_editor_set_date (self, &date);
          changed_cb (self);
        }
    }
  else if (g_str_equal (field, "start"))
    gtk_editable_set_text (GTK_EDITABLE (self->start_row), value);
  else if (g_str_equal (field, "end"))
    gtk_editable_set_text (GTK_EDITABLE (self->end_row), value);
  else if (g_str_equal (field, "place"))
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), value);
  else if (g_str_equal (field, "online"))
    gtk_switch_set_active (self->online_switch, g_str_equal (value, "true"));
  else if (g_str_equal (field, "task"))
    select_id (self->task_row, self->task_ids, number);
  else if (g_str_equal (field, "status"))
    {
      if (number >= RK_MEETING_PLANNED && number <= RK_MEETING_CANCELLED)
        adw_combo_row_set_selected (self->status_row, (guint) number);
    }
  else if (g_str_equal (field, "notes"))
    gtk_editable_set_text (GTK_EDITABLE (self->notes_row), value);
  else
    g_critical ("editor.set-field: unknown field “%s”", field);
}

static void
rk_meeting_editor_set_info (RkMeetingEditor     *self,
                            const RkMeetingInfo *info)
{
  GDate date;
  int minutes;

  self->updating = TRUE;
  select_id (self->body_row, self->body_ids, info->body_id);
  set_entry_text (self->title_row, info->title);
  if (info->starts_at != NULL && rk_meeting_parse_date_time (info->starts_at, &date, &minutes))
    {
      g_autofree char *time = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

      rk_meeting_editor_set_date (self, &date);
      set_entry_text (self->start_row, time);
    }
  if (info->ends_at != NULL && rk_meeting_parse_date_time (info->ends_at, NULL, &minutes))
    {
      g_autofree char *time = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

      set_entry_text (self->end_row, time);
    }
  else
    set_entry_text (self->end_row, "");
  set_entry_text (self->place_row, info->place);
  gtk_switch_set_active (self->online_switch, info->online);
  select_id (self->task_row, self->task_ids, info->task_id);
  if (info->status >= RK_MEETING_PLANNED && info->status <= RK_MEETING_CANCELLED)
    adw_combo_row_set_selected (self->status_row, (guint) info->status);
  set_entry_text (self->notes_row, info->notes);
  self->updating = FALSE;

  rk_meeting_editor_validate (self);
}

RkMeeting *
rk_meeting_editor_get_meeting (RkMeetingEditor *self)
{
  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), NULL);

  return self->meeting;
}

gboolean
rk_meeting_editor_get_can_save (RkMeetingEditor *self)
{
  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), FALSE);

  return self->can_save;
}

const char *
rk_meeting_editor_get_message (RkMeetingEditor *self)
{
  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), NULL);

  return self->message;
}

/* ---- Construction -------------------------------------------------------------------------------------- */

static void
rk_meeting_editor_fill_choices (RkMeetingEditor *self)
{
  GListModel *bodies = rk_store_get_bodies (self->store);
  GListModel *tasks = rk_store_get_tasks (self->store);
  g_autoptr(GtkStringList) body_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) task_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  gint64 none = 0;

  for (guint i = 0; i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);
      gint64 id = rk_body_get_id (body);

      g_array_append_val (self->body_ids, id);
      gtk_string_list_append (body_names, rk_body_get_name (body));
    }

  g_array_append_val (self->task_ids, none);
  gtk_string_list_append (task_names, _("None"));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);
      gint64 id = rk_task_get_id (task);
      const char *code = rk_task_get_code (task);
      g_autofree char *label = NULL;

      if (code != NULL && *code != '\0')
        /* Translators: a schedule task in the meeting dialog: its code (e.g. 3-2), then its title. */
        label = g_strdup_printf (C_("task choice", "%1$s %2$s"), code, rk_task_get_title (task));
      else
        label = g_strdup (rk_task_get_title (task));
      g_array_append_val (self->task_ids, id);
      gtk_string_list_append (task_names, label);
    }

  for (RkMeetingStatus status = RK_MEETING_PLANNED; status <= RK_MEETING_CANCELLED; status++)
    gtk_string_list_append (statuses, rk_meeting_status_to_label (status));

  self->updating = TRUE;
  adw_combo_row_set_model (self->body_row, G_LIST_MODEL (body_names));
  adw_combo_row_set_model (self->task_row, G_LIST_MODEL (task_names));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating = FALSE;
}

static void
rk_meeting_editor_constructed (GObject *object)
{
  RkMeetingEditor *self = RK_MEETING_EDITOR (object);
  RkMeetingInfo info = { 0, };

  G_OBJECT_CLASS (rk_meeting_editor_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  if (self->meeting != NULL)
    rk_meeting_get_info (self->meeting, &info);

  rk_meeting_editor_fill_choices (self);

  if (self->meeting != NULL)
    {
      g_autofree char *number = rk_meeting_dup_number_label (self->meeting);

      adw_window_title_set_title (self->window_title, _("Edit Meeting"));
      adw_window_title_set_subtitle (self->window_title, number);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Meeting"));
      rk_meeting_editor_set_info (self, &info);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Plan a Meeting"));
      gtk_window_set_title (GTK_WINDOW (self), _("Plan a Meeting"));
    }
}

static void
rk_meeting_editor_finalize (GObject *object)
{
  RkMeetingEditor *self = RK_MEETING_EDITOR (object);

  g_clear_pointer (&self->body_ids, g_array_unref);
  g_clear_pointer (&self->task_ids, g_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->starts_at, g_free);
  g_clear_pointer (&self->ends_at, g_free);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_meeting_editor_parent_class)->finalize (object);
}

static void
rk_meeting_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkMeetingEditor *self = RK_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meeting_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RkMeetingEditor *self = RK_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meeting_editor_class_init (RkMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_meeting_editor_constructed;
  object_class->finalize = rk_meeting_editor_finalize;
  object_class->get_property = rk_meeting_editor_get_property;
  object_class->set_property = rk_meeting_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Set at construction to edit a meeting; set by the first successful save of a new one. */
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, RK_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, body_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, online_switch);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, task_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.set-field", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rk_meeting_editor_init (RkMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  /* "Choose the Day" says it all; the row's title label, which libadwaita makes the button's too, would be read
   * after it ("開催日を選択 開催日"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  self->body_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->task_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->date, 1);
  rk_meeting_editor_update_date_row (self);
}

GtkWidget *
rk_meeting_editor_new (GtkWindow           *parent,
                       RkStore             *store,
                       RkMeeting           *meeting,
                       const RkMeetingInfo *info)
{
  RkMeetingEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting == NULL || RK_IS_MEETING (meeting), NULL);

  self = g_object_new (RK_TYPE_MEETING_EDITOR, "store", store, "meeting", meeting, "transient-for", parent, NULL);
  if (meeting == NULL)
    {
      RkMeetingInfo defaults = { .status = RK_MEETING_PLANNED };

      rk_meeting_editor_set_info (self, info ? info : &defaults);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }

  return GTK_WIDGET (self);
}

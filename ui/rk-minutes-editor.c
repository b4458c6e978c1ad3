/* rk-minutes-editor.c — the minutes of one agenda item, saved as the user types.
 *
 * The debounce starts at the first change of a burst and is not pushed back by later ones: steady typing is saved
 * every RK_MINUTES_SAVE_DELAY_MS, so a crash never loses more. Each save is one small transaction of the store's, on
 * disk when it returns (synchronous=FULL); nothing is written when the text did not change. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-era.h"
#include "rk-minutes-editor.h"
#include "rk-store-members.h"
#include "rk-window.h"

struct _RkMinutesEditor
{
  GtkBox        parent_instance;

  RkStore      *store;
  RkAgendaItem *item;
  guint         number;
  guint         save_id;
  guint         n_actions;
  gboolean      loading;

  GtkLabel     *heading_label;
  GtkWidget    *discussion_label;
  GtkWidget    *decisions_label;
  GtkTextView  *discussion_view;
  GtkTextView  *decisions_view;
  GtkWidget    *add_action_button;
  GtkListBox   *actions_list;
};

G_DEFINE_FINAL_TYPE (RkMinutesEditor, rk_minutes_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
rk_minutes_editor_write (RkMinutesEditor  *self,
                         GError          **error)
{
  g_autofree char *discussion = buffer_text (self->discussion_view);
  g_autofree char *decisions = buffer_text (self->decisions_view);

  return rk_store_set_agenda_text (self->store, self->item, discussion, decisions, error);
}

gboolean
rk_minutes_editor_flush (RkMinutesEditor  *self,
                         GError          **error)
{
  g_return_val_if_fail (RK_IS_MINUTES_EDITOR (self), FALSE);

  if (self->save_id == 0)
    return TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);

  return rk_minutes_editor_write (self, error);
}

static void
rk_minutes_editor_save (RkMinutesEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!rk_minutes_editor_flush (self, &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static gboolean
save_timeout_cb (gpointer data)
{
  RkMinutesEditor *self = data;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (!rk_minutes_editor_write (self, &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (RkMinutesEditor *self)
{
  if (self->loading || self->save_id != 0)
    return;

  /* Removed in dispose, so it never outlives the editor. */
  self->save_id = g_timeout_add (RK_MINUTES_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_leave_cb (RkMinutesEditor *self)
{
  rk_minutes_editor_save (self);
}

static void
rk_minutes_editor_load (RkMinutesEditor *self)
{
  g_autofree char *heading = NULL;
  const char *title = rk_agenda_item_get_title (self->item);

  /* Translators: the heading of an agenda item's minutes: its number in the agenda, then its title. */
  heading = g_strdup_printf (_("%1$u. %2$s"), self->number, title);
  gtk_label_set_text (self->heading_label, heading);

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->discussion_view),
                            rk_agenda_item_get_discussion (self->item), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->decisions_view),
                            rk_agenda_item_get_decisions (self->item), -1);
  self->loading = FALSE;

  {
    /* Translators: the accessible name of an agenda item's "Add Action Item" button; %s is the item's title. */
    g_autofree char *label = g_strdup_printf (_("Add an Action Item to “%s”"), title);

    gtk_widget_set_tooltip_text (self->add_action_button, label);
  }
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_action_button),
                                          g_variant_new_int64 (rk_agenda_item_get_id (self->item)));
}

/* ---- Action items ------------------------------------------------------------------------------------- */

static char *
rk_minutes_editor_dup_assignee (RkMinutesEditor *self,
                                RkActionItem    *action)
{
  gint64 member_id = rk_action_item_get_assignee_member_id (action);
  GListModel *members = rk_store_get_members (self->store);

  if (member_id != 0)
    for (guint i = 0; i < g_list_model_get_n_items (members); i++)
      {
        g_autoptr(RkMember) member = g_list_model_get_item (members, i);

        if (rk_member_get_id (member) == member_id)
          return g_strdup (rk_member_get_name (member));
      }

  return g_strdup (rk_action_item_get_assignee_text (action));
}

static void
status_selected_cb (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    RkMinutesEditor *self)
{
  RkActionItem *action = g_object_get_data (G_OBJECT (dropdown), "rk-action");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || action == NULL || (int) selected == (int) rk_action_item_get_status (action))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.set-action-status", "(xi)",
                              rk_action_item_get_id (action), (int) selected);
}

static GtkWidget *
rk_minutes_editor_create_action_row (RkMinutesEditor *self,
                                     RkActionItem    *action)
{
  g_autofree char *assignee = rk_minutes_editor_dup_assignee (self, action);
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const char *title = rk_action_item_get_title (action);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown, *remove;
  GDate date;

  if (rk_era_parse_iso_date (rk_action_item_get_due_date (action), &date))
    due = rk_era_format_date (&date);

  if (assignee != NULL && *assignee != '\0' && due != NULL)
    /* Translators: under an action item: who does it (担当者), then by when (期限, a date). */
    subtitle = g_strdup_printf (_("%1$s · due %2$s"), assignee, due);
  else if (due != NULL)
    /* Translators: under an action item with no assignee: by when (期限, a date). */
    subtitle = g_strdup_printf (_("Due %s"), due);
  else if (assignee != NULL && *assignee != '\0')
    subtitle = g_strdup (assignee);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (rk_action_item_is_overdue (action, NULL))
    gtk_widget_add_css_class (row, "rk-overdue");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meetings.edit-action-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (rk_action_item_get_id (action)));

  for (RkActionStatus status = RK_ACTION_OPEN; status <= RK_ACTION_DROPPED; status++)
    gtk_string_list_append (statuses, rk_action_status_to_label (status));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) rk_action_item_get_status (action));
  g_object_set_data_full (G_OBJECT (dropdown), "rk-action", g_object_ref (action), g_object_unref);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  /* Translators: accessible name of an action item's status menu; %s is the action item. */
  label = g_strdup_printf (_("Status of “%s”"), title);
  rk_accessible_name_drop_down (GTK_DROP_DOWN (dropdown), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "meetings.remove-action-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (rk_action_item_get_id (action)));
  g_free (label);
  /* Translators: accessible name and tooltip of an action item's remove button; %s is the action item. */
  label = g_strdup_printf (_("Remove “%s”"), title);
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

void
rk_minutes_editor_set_actions (RkMinutesEditor *self,
                               GPtrArray       *actions)
{
  GtkWidget *child;

  g_return_if_fail (RK_IS_MINUTES_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))))
    gtk_list_box_remove (self->actions_list, child);

  self->n_actions = actions ? actions->len : 0;
  self->loading = TRUE;
  for (guint i = 0; actions && i < actions->len; i++)
    gtk_list_box_append (self->actions_list, rk_minutes_editor_create_action_row (self, g_ptr_array_index (actions, i)));
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), self->n_actions > 0);
}

guint
rk_minutes_editor_get_n_actions (RkMinutesEditor *self)
{
  g_return_val_if_fail (RK_IS_MINUTES_EDITOR (self), 0);

  return self->n_actions;
}

/* ---- Public API --------------------------------------------------------------------------------------- */

RkAgendaItem *
rk_minutes_editor_get_item (RkMinutesEditor *self)
{
  g_return_val_if_fail (RK_IS_MINUTES_EDITOR (self), NULL);

  return self->item;
}

GtkTextView *
rk_minutes_editor_get_discussion_view (RkMinutesEditor *self)
{
  g_return_val_if_fail (RK_IS_MINUTES_EDITOR (self), NULL);

  return self->discussion_view;
}

GtkTextView *
rk_minutes_editor_get_decisions_view (RkMinutesEditor *self)
{
  g_return_val_if_fail (RK_IS_MINUTES_EDITOR (self), NULL);

  return self->decisions_view;
}

gboolean
rk_minutes_editor_get_pending (RkMinutesEditor *self)
{
  g_return_val_if_fail (RK_IS_MINUTES_EDITOR (self), FALSE);

  return self->save_id != 0;
}

/* ---- Construction ------------------------------------------------------------------------------------- */

static void
rk_minutes_editor_constructed (GObject *object)
{
  RkMinutesEditor *self = RK_MINUTES_EDITOR (object);
  GtkTextView *views[] = { self->discussion_view, self->decisions_view };

  G_OBJECT_CLASS (rk_minutes_editor_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));
  g_return_if_fail (RK_IS_AGENDA_ITEM (self->item));

  rk_minutes_editor_load (self);
  /* Every item has a "Discussion": the item's heading tells a screen reader's user which one. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->discussion_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->heading_label, self->discussion_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->decisions_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->heading_label, self->decisions_label, NULL, -1);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed", G_CALLBACK (buffer_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (views[i]), focus);
    }
}

static void
rk_minutes_editor_dispose (GObject *object)
{
  RkMinutesEditor *self = RK_MINUTES_EDITOR (object);

  /* Whatever waits is written before the views go: a rebuilt agenda or a closed window loses nothing. */
  if (self->save_id != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!rk_minutes_editor_flush (self, &error))
        g_warning ("Saving the minutes of “%s”: %s", rk_agenda_item_get_title (self->item), error->message);
    }

  G_OBJECT_CLASS (rk_minutes_editor_parent_class)->dispose (object);
}

static void
rk_minutes_editor_finalize (GObject *object)
{
  RkMinutesEditor *self = RK_MINUTES_EDITOR (object);

  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_minutes_editor_parent_class)->finalize (object);
}

static void
rk_minutes_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkMinutesEditor *self = RK_MINUTES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_minutes_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RkMinutesEditor *self = RK_MINUTES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_minutes_editor_class_init (RkMinutesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_minutes_editor_constructed;
  object_class->dispose = rk_minutes_editor_dispose;
  object_class->finalize = rk_minutes_editor_finalize;
  object_class->get_property = rk_minutes_editor_get_property;
  object_class->set_property = rk_minutes_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, RK_TYPE_AGENDA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-minutes-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, discussion_label);
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, decisions_label);
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, discussion_view);
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, decisions_view);
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, RkMinutesEditor, actions_list);
}

static void
rk_minutes_editor_init (RkMinutesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
}

GtkWidget *
rk_minutes_editor_new (RkStore      *store,
                       RkAgendaItem *item,
                       guint         number)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (item), NULL);

  return g_object_new (RK_TYPE_MINUTES_EDITOR, "store", store, "item", item, "number", number, NULL);
}

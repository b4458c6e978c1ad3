/* rk-member-editor.c — add or edit one member of the roster.
 *
 * Unlike the overview's fields, a member is saved as a whole: a new member does not exist until its name and type
 * are there, and a half-typed term (an end before the start) must not reach the file. So the dialog validates as
 * the user types (rk_member_info_validate(), the store's own rules), and Save writes everything in one go. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-catalog.h"
#include "rk-era.h"
#include "rk-member-editor.h"

struct _RkMemberEditor
{
  AdwWindow       parent_instance;

  RkStore        *store;
  RkMember       *member;
  /* The body check buttons, each with its body id as "rk-body-id". */
  GPtrArray      *body_checks;
  char           *message;
  gboolean        can_save;
  /* The user has changed something, so a message about what is wrong is useful rather than nagging. */
  gboolean        touched;
  gboolean        updating;

  AdwWindowTitle *window_title;
  GtkRevealer    *message_revealer;
  GtkLabel       *message_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *kana_row;
  AdwEntryRow    *organisation_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *type_row;
  AdwComboRow    *role_row;
  AdwEntryRow    *alternate_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwPreferencesGroup *term_group;
  AdwEntryRow    *term_start_row;
  AdwEntryRow    *term_end_row;
  AdwPreferencesGroup *bodies_group;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (RkMemberEditor, rk_member_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEMBER,
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

/* Borrowed pointers into the widgets: valid until the next edit. */
static void
rk_member_editor_get_info (RkMemberEditor *self,
                           RkMemberInfo   *info)
{
  guint type = adw_combo_row_get_selected (self->type_row);

  /* No type until the user picks one: 0 is none of the 20. */
  info->member_type = type == GTK_INVALID_LIST_POSITION ? 0 : (int) type + RK_MEMBER_TYPE_FIRST;
  info->organisation = entry_text (self->organisation_row);
  info->name = entry_text (self->name_row);
  info->kana = entry_text (self->kana_row);
  info->title = entry_text (self->title_row);
  info->role = (RkRole) adw_combo_row_get_selected (self->role_row);
  info->alternate = entry_text (self->alternate_row);
  info->phone = entry_text (self->phone_row);
  info->email = entry_text (self->email_row);
  info->term_start = entry_text (self->term_start_row);
  info->term_end = entry_text (self->term_end_row);
  info->notes = entry_text (self->notes_row);
}

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0' || !rk_era_parse_iso_date (iso, &date))
    return NULL;

  return rk_era_format_date (&date);
}

static void
rk_member_editor_update_term_description (RkMemberEditor *self)
{
  g_autofree char *start = format_iso_date (entry_text (self->term_start_row));
  g_autofree char *end = format_iso_date (entry_text (self->term_end_row));
  g_autofree char *description = NULL;

  if (start != NULL || end != NULL)
    /* Translators: the term of office in the member dialog, in 和暦: start – end (either may be empty). */
    description = g_strdup_printf (C_("term of office", "%1$s – %2$s"), start ? start : "", end ? end : "");
  else
    description = g_strdup (_("Dates as YYYY-MM-DD, or pick them from the calendar"));

  adw_preferences_group_set_description (self->term_group, description);
}

static void
rk_member_editor_validate (RkMemberEditor *self)
{
  g_autoptr(GError) error = NULL;
  RkMemberInfo info;

  rk_member_editor_get_info (self, &info);
  g_clear_pointer (&self->message, g_free);
  if (info.member_type == 0)
    {
      /* The type is a choice the user makes, not a default: say so once the rest is in order. */
      info.member_type = RK_MEMBER_TYPE_FIRST;
      self->can_save = FALSE;
      self->message = rk_member_info_validate (&info, &error) ? g_strdup (_("Choose the member type."))
                                                               : g_strdup (error->message);
    }
  else if (!(self->can_save = rk_member_info_validate (&info, &error)))
    self->message = g_strdup (error->message);

  gtk_label_set_text (self->message_label, self->message ? self->message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, self->touched && self->message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->can_save);
  rk_member_editor_update_term_description (self);
}

static void
changed_cb (RkMemberEditor *self)
{
  if (self->updating)
    return;

  self->touched = TRUE;
  rk_member_editor_validate (self);
}

static void
rk_member_editor_show_message (RkMemberEditor *self,
                               const char     *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static gboolean
rk_member_editor_bodies_changed (RkMemberEditor *self,
                                 GArray         *wanted)
{
  const GArray *current;

  if (self->member == NULL)
    return wanted->len > 0;

  current = rk_member_get_body_ids (self->member);
  if (current == NULL)
    return wanted->len > 0;
  if (current->len != wanted->len)
    return TRUE;

  /* Both ascending: the store's by contract, @wanted sorted by the caller. */
  for (guint i = 0; i < wanted->len; i++)
    if (g_array_index (current, gint64, i) != g_array_index (wanted, gint64, i))
      return TRUE;

  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
rk_member_editor_save (RkMemberEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) body_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *term_start = NULL;
  RkMemberInfo info;

  rk_member_editor_get_info (self, &info);
  if (!rk_member_info_validate (&info, &error))
    {
      rk_member_editor_show_message (self, error->message);
      return;
    }
  term_start = g_strdup (info.term_start);

  for (guint i = 0; i < self->body_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->body_checks, i);

      if (gtk_check_button_get_active (check))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "rk-body-id");

          g_array_append_val (body_ids, id);
        }
    }
  g_array_sort (body_ids, compare_ids);

  if (self->member == NULL)
    {
      RkMember *member = rk_store_add_member (self->store, &info, &error);

      if (member == NULL)
        {
          rk_member_editor_show_message (self, error->message);
          return;
        }
      /* From now on a retry edits this member instead of adding a second one. */
      self->member = member;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);

      /* A new member sits on the bodies from the start of their term when it is known. */
      if (body_ids->len > 0
          && !rk_store_set_member_bodies (self->store, member, (const gint64 *) body_ids->data, body_ids->len,
                                          term_start && *term_start ? term_start : NULL, &error))
        {
          rk_member_editor_show_message (self, error->message);
          return;
        }
    }
  else
    {
      if (!rk_store_update_member (self->store, self->member, &info, &error))
        {
          rk_member_editor_show_message (self, error->message);
          return;
        }
      if (rk_member_editor_bodies_changed (self, body_ids)
          && !rk_store_set_member_bodies (self->store, self->member, (const gint64 *) body_ids->data, body_ids->len,
                                          NULL, &error))
        {
          rk_member_editor_show_message (self, error->message);
          return;
        }
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_activated_cb (RkMemberEditor *self)
{
  if (self->can_save)
    rk_member_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  rk_member_editor_save (RK_MEMBER_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static AdwEntryRow *
rk_member_editor_lookup_entry (RkMemberEditor *self,
                               const char     *field)
{
  const struct { const char *name; AdwEntryRow *row; } fields[] = {
    { "name", self->name_row },
    { "kana", self->kana_row },
    { "organisation", self->organisation_row },
    { "title", self->title_row },
    { "alternate", self->alternate_row },
    { "phone", self->phone_row },
    { "email", self->email_row },
    { "term-start", self->term_start_row },
    { "term-end", self->term_end_row },
    { "notes", self->notes_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return fields[i].row;

  return NULL;
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (widget);
  const char *field, *value;
  AdwEntryRow *row;

  g_variant_get (param, "(&s&s)", &field, &value);

  if ((row = rk_member_editor_lookup_entry (self, field)))
    gtk_editable_set_text (GTK_EDITABLE (row), value);
  else if (g_str_equal (field, "member-type"))
    {
      guint64 type = g_ascii_strtoull (value, NULL, 10);

      if (type >= RK_MEMBER_TYPE_FIRST && type <= RK_MEMBER_TYPE_LAST)
        adw_combo_row_set_selected (self->type_row, (guint) type - RK_MEMBER_TYPE_FIRST);
    }
  else if (g_str_equal (field, "role"))
    {
      guint64 role = g_ascii_strtoull (value, NULL, 10);

      if (role <= RK_ROLE_LAST)
        adw_combo_row_set_selected (self->role_row, (guint) role);
    }
  else
    g_critical ("editor.set-field: unknown field “%s”", field);
}

static void
set_body_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (widget);
  gint64 id;
  gboolean active;

  g_variant_get (param, "(xb)", &id, &active);

  for (guint i = 0; i < self->body_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->body_checks, i);

      if (*(gint64 *) g_object_get_data (G_OBJECT (check), "rk-body-id") == id)
        gtk_check_button_set_active (check, active);
    }
}

void
rk_member_editor_set_info (RkMemberEditor     *self,
                           const RkMemberInfo *info)
{
  g_return_if_fail (RK_IS_MEMBER_EDITOR (self));
  g_return_if_fail (info != NULL);

  self->updating = TRUE;
  set_entry_text (self->name_row, info->name);
  set_entry_text (self->kana_row, info->kana);
  set_entry_text (self->organisation_row, info->organisation);
  set_entry_text (self->title_row, info->title);
  set_entry_text (self->alternate_row, info->alternate);
  set_entry_text (self->phone_row, info->phone);
  set_entry_text (self->email_row, info->email);
  set_entry_text (self->term_start_row, info->term_start);
  set_entry_text (self->term_end_row, info->term_end);
  set_entry_text (self->notes_row, info->notes);
  if (info->member_type >= RK_MEMBER_TYPE_FIRST && info->member_type <= RK_MEMBER_TYPE_LAST)
    adw_combo_row_set_selected (self->type_row, (guint) (info->member_type - RK_MEMBER_TYPE_FIRST));
  if ((guint) info->role <= RK_ROLE_LAST)
    adw_combo_row_set_selected (self->role_row, (guint) info->role);
  self->updating = FALSE;

  rk_member_editor_validate (self);
}

RkMember *
rk_member_editor_get_member (RkMemberEditor *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), NULL);

  return self->member;
}

gboolean
rk_member_editor_get_can_save (RkMemberEditor *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), FALSE);

  return self->can_save;
}

const char *
rk_member_editor_get_message (RkMemberEditor *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), NULL);

  return self->message;
}

/* ---- The calendar beside a date field ------------------------------------------------------------------- */

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
calendar_popover_show_cb (GtkPopover  *popover,
                          AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  GDate date;

  /* Open on the date already entered, so a small change is one click. */
  if (rk_era_parse_iso_date (gtk_editable_get_text (GTK_EDITABLE (row)), &date))
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                         g_date_get_day (&date), 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, row);
      gtk_calendar_select_day (calendar, when);
      g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, row);
    }
}

static void
add_calendar_button (AdwEntryRow *row,
                     const char  *accessible_name)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), row, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_popover_show_cb), row, 0);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  adw_entry_row_add_suffix (row, button);
}

/* ---- Construction -------------------------------------------------------------------------------------- */

static void
rk_member_editor_add_body_rows (RkMemberEditor *self)
{
  GListModel *bodies = rk_store_get_bodies (self->store);
  guint n = g_list_model_get_n_items (bodies);
  const GArray *seated = self->member ? rk_member_get_body_ids (self->member) : NULL;

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No bodies yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add the council’s meetings on the Overview page."));
      adw_preferences_group_add (self->bodies_group, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = rk_body_get_id (body);
      gboolean active = FALSE;

      for (guint j = 0; seated != NULL && j < seated->len; j++)
        active |= g_array_index (seated, gint64, j) == id;

      g_object_set_data_full (G_OBJECT (check), "rk-body-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rk_body_get_name (body), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_body_get_name (body));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rk_body_get_display_tier (body));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->bodies_group, row);
      g_ptr_array_add (self->body_checks, check);
    }
}

static void
rk_member_editor_constructed (GObject *object)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (object);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GListModel *catalog_types = rk_catalog_get_member_types (rk_catalog_get_default ());

  G_OBJECT_CLASS (rk_member_editor_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  for (guint i = 0; i < g_list_model_get_n_items (catalog_types); i++)
    {
      g_autoptr(RkMemberType) type = g_list_model_get_item (catalog_types, i);

      gtk_string_list_append (types, rk_member_type_get_name (type));
    }
  for (RkRole role = RK_ROLE_CHAIR; role <= RK_ROLE_LAST; role++)
    gtk_string_list_append (roles, rk_role_to_label (role));

  self->updating = TRUE;
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  /* A new member's type is chosen, never assumed (the first of the list would be 都道府県). */
  adw_combo_row_set_selected (self->type_row, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  self->updating = FALSE;

  rk_member_editor_add_body_rows (self);

  if (self->member != NULL)
    {
      RkMemberInfo info;

      adw_window_title_set_title (self->window_title, _("Edit Member"));
      adw_window_title_set_subtitle (self->window_title, rk_member_get_name (self->member));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Member"));
      rk_member_get_info (self->member, &info);
      rk_member_editor_set_info (self, &info);
    }
  else
    {
      RkMemberInfo info = {
        /* None: the user picks the type (a guess would be saved unnoticed). */
        .member_type = 0,
        .role = RK_ROLE_MEMBER,
      };

      adw_window_title_set_title (self->window_title, _("Add Member"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Member"));
      rk_member_editor_set_info (self, &info);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
}

static void
rk_member_editor_finalize (GObject *object)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (object);

  g_clear_pointer (&self->body_checks, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_object (&self->member);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_member_editor_parent_class)->finalize (object);
}

static void
rk_member_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_member_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MEMBER:
      self->member = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_member_editor_class_init (RkMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_member_editor_constructed;
  object_class->finalize = rk_member_editor_finalize;
  object_class->get_property = rk_member_editor_get_property;
  object_class->set_property = rk_member_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Set at construction to edit a member; set by the first successful save of a new one. */
  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, RK_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, kana_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, alternate_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, term_group);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, term_start_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, term_end_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, bodies_group);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.set-field", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "editor.set-body", "(xb)", set_body_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rk_member_editor_init (RkMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  self->body_checks = g_ptr_array_new ();
  add_calendar_button (self->term_start_row, _("Choose the Start of Term"));
  add_calendar_button (self->term_end_row, _("Choose the End of Term"));
}

GtkWidget *
rk_member_editor_new (GtkWindow *parent,
                      RkStore   *store,
                      RkMember  *member)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (member == NULL || RK_IS_MEMBER (member), NULL);

  return g_object_new (RK_TYPE_MEMBER_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "member", member,
                       NULL);
}

/* rk-body-row.c — a body of the council, edited in place.
 *
 * An edit goes to the store when the user applies it (Enter, the apply button) or leaves the field, and applying one
 * field saves what the others hold too. The row then follows the body's properties, but a field whose text the user
 * has changed keeps that text until it is saved: a reload after another field's save never throws it away. A
 * refused edit is reported in a toast and that field shows the stored value again. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-body-row.h"
#include "rk-window.h"

typedef enum {
  FIELD_NAME,
  FIELD_TIER_LABEL,
  FIELD_PURPOSE,
  N_TEXT_FIELDS
} TextField;

struct _RkBodyRow
{
  AdwExpanderRow  parent_instance;

  RkStore        *store;
  RkBody         *body;
  /* Set while the row copies the body into its widgets, so that does not count as the user's edit. */
  gboolean        updating;

  GtkWidget      *remove_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *tier_row;
  AdwEntryRow    *tier_label_row;
  AdwEntryRow    *purpose_row;

  /* The stored value each text field was last given, by TextField: text that differs is the user's unsaved edit. */
  char           *shown[N_TEXT_FIELDS];
};

G_DEFINE_FINAL_TYPE (RkBodyRow, rk_body_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Programmatic text must not leave the apply button showing, as if the user had typed it. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static AdwEntryRow *
rk_body_row_get_entry (RkBodyRow *self,
                       TextField  field)
{
  switch (field)
    {
    case FIELD_NAME:
      return self->name_row;
    case FIELD_TIER_LABEL:
      return self->tier_label_row;
    case FIELD_PURPOSE:
      return self->purpose_row;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
rk_body_row_get_stored (RkBodyRow *self,
                        TextField  field)
{
  const char *value;

  switch (field)
    {
    case FIELD_NAME:
      value = rk_body_get_name (self->body);
      break;
    case FIELD_TIER_LABEL:
      value = rk_body_get_tier (self->body) == RK_TIER_OTHER ? rk_body_get_tier_label (self->body) : NULL;
      break;
    case FIELD_PURPOSE:
      value = rk_body_get_purpose (self->body);
      break;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return value ? value : "";
}

/* Whether the user changed @field since the row last showed the stored value. */
static gboolean
rk_body_row_is_edited (RkBodyRow *self,
                       TextField  field)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rk_body_row_get_entry (self, field))),
                    self->shown[field] ? self->shown[field] : "") != 0;
}

/* Shows the stored value of @field, unless @keep_edit and the user has an unsaved edit there. */
static void
rk_body_row_sync_field (RkBodyRow *self,
                        TextField  field,
                        gboolean   keep_edit)
{
  const char *stored = rk_body_row_get_stored (self, field);
  AdwEntryRow *entry = rk_body_row_get_entry (self, field);

  if (!keep_edit || !rk_body_row_is_edited (self, field))
    set_entry_text (entry, stored);
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), stored) == 0)
    {
      /* Saved: the apply button has nothing left to apply. */
      adw_entry_row_set_show_apply_button (entry, FALSE);
      adw_entry_row_set_show_apply_button (entry, TRUE);
    }

  g_free (self->shown[field]);
  self->shown[field] = g_strdup (stored);
}

static void
rk_body_row_update (RkBodyRow *self)
{
  const char *purpose = rk_body_get_purpose (self->body);
  const char *tier = rk_body_get_display_tier (self->body);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  self->updating = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rk_body_get_name (self->body));
  if (purpose != NULL && *purpose != '\0')
    /* Translators: a body's subtitle: its tier, then its purpose. */
    subtitle = g_strdup_printf (C_("body subtitle", "%1$s — %2$s"), tier, purpose);
  else
    subtitle = g_strdup (tier);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    rk_body_row_sync_field (self, field, TRUE);
  adw_combo_row_set_selected (self->tier_row, rk_body_get_tier (self->body));
  /* A tier of one's own being named stays open until it is saved. */
  gtk_widget_set_visible (GTK_WIDGET (self->tier_label_row),
                          rk_body_get_tier (self->body) == RK_TIER_OTHER
                          || adw_combo_row_get_selected (self->tier_row) == RK_TIER_OTHER
                          || rk_body_row_is_edited (self, FIELD_TIER_LABEL));

  /* Translators: accessible name of a body's remove button; %s is the body's name. */
  remove_label = g_strdup_printf (_("Remove “%s”"), rk_body_get_name (self->body));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rk_body_get_name (self->body), -1);
  rk_accessible_name_expander_row (ADW_EXPANDER_ROW (self));

  self->updating = FALSE;
}

/* Saves the body with one field changed. The strings are copied first: the store replaces the body's own strings,
 * which rk_body_get_info() only borrows. Returns whether the store took it. */
static gboolean
rk_body_row_save (RkBodyRow  *self,
                  const char *name,
                  int         tier,
                  const char *tier_label,
                  const char *purpose)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *new_tier_label = NULL;
  g_autofree char *new_purpose = NULL;
  RkBodyInfo info;

  rk_body_get_info (self->body, &info);
  new_name = g_strdup (name ? name : info.name);
  new_purpose = g_strdup (purpose ? purpose : info.purpose);
  if (tier >= 0)
    info.tier = tier;
  new_tier_label = info.tier == RK_TIER_OTHER ? g_strdup (tier_label ? tier_label : info.tier_label) : NULL;

  info.name = new_name;
  info.purpose = new_purpose;
  info.tier_label = new_tier_label;

  if (!rk_store_update_body (self->store, self->body, &info, &error))
    {
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return FALSE;
    }

  return TRUE;
}

/* Saves what the user typed in @field, if anything; a refused value is replaced by the stored one. */
static void
rk_body_row_commit (RkBodyRow *self,
                    TextField  field)
{
  g_autofree char *text = NULL;
  gboolean saved;

  if (self->body == NULL || self->store == NULL || !rk_body_row_is_edited (self, field))
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (rk_body_row_get_entry (self, field))));
  switch (field)
    {
    case FIELD_NAME:
      saved = rk_body_row_save (self, text, -1, NULL, NULL);
      break;
    case FIELD_TIER_LABEL:
      /* Naming a tier of one's own is what chooses it. */
      saved = rk_body_row_save (self, NULL, RK_TIER_OTHER, text, NULL);
      break;
    case FIELD_PURPOSE:
      saved = rk_body_row_save (self, NULL, -1, NULL, text);
      break;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (!saved)
    {
      self->updating = TRUE;
      rk_body_row_sync_field (self, field, FALSE);
      self->updating = FALSE;
    }
  else
    /* Also when the store kept the value it had, so no notification came. */
    rk_body_row_update (self);
}

/* Applying one field saves the others the user left unsaved too, so no edit waits on a field the user moved off. */
static void
rk_body_row_commit_all (RkBodyRow *self)
{
  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    rk_body_row_commit (self, field);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *focus,
                      RkBodyRow               *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    if (GTK_WIDGET (rk_body_row_get_entry (self, field)) == entry)
      rk_body_row_commit (self, field);
}

static void
name_apply_cb (RkBodyRow *self)
{
  rk_body_row_commit_all (self);
}

static void
purpose_apply_cb (RkBodyRow *self)
{
  rk_body_row_commit_all (self);
}

static void
tier_label_apply_cb (RkBodyRow *self)
{
  rk_body_row_commit_all (self);
}

static void
tier_selected_cb (RkBodyRow *self)
{
  guint tier = adw_combo_row_get_selected (self->tier_row);

  if (self->updating || tier == GTK_INVALID_LIST_POSITION || tier == (guint) rk_body_get_tier (self->body))
    return;

  if (tier == RK_TIER_OTHER)
    {
      const char *label = gtk_editable_get_text (GTK_EDITABLE (self->tier_label_row));

      /* A tier of one's own needs a name first; it is saved when the name is applied. */
      gtk_widget_set_visible (GTK_WIDGET (self->tier_label_row), TRUE);
      if (*label == '\0')
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->tier_label_row));
          return;
        }
      if (rk_body_row_save (self, NULL, RK_TIER_OTHER, label, NULL))
        rk_body_row_update (self);
      return;
    }

  if (!rk_body_row_save (self, NULL, (int) tier, NULL, NULL))
    rk_body_row_update (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkBodyRow *self = RK_BODY_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_variant_get_string (param, NULL));
  name_apply_cb (self);
}

static void
set_purpose_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkBodyRow *self = RK_BODY_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), g_variant_get_string (param, NULL));
  purpose_apply_cb (self);
}

static void
set_tier_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RkBodyRow *self = RK_BODY_ROW (widget);
  int tier = g_variant_get_int32 (param);

  if (tier < RK_TIER_CORE || tier > RK_TIER_OTHER)
    return;

  adw_combo_row_set_selected (self->tier_row, (guint) tier);
}

static void
set_tier_label_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RkBodyRow *self = RK_BODY_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->tier_label_row), g_variant_get_string (param, NULL));
  tier_label_apply_cb (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkBodyRow *self = RK_BODY_ROW (widget);

  gtk_widget_activate_action (widget, "overview.remove-body", "x", rk_body_get_id (self->body));
}

RkBody *
rk_body_row_get_body (RkBodyRow *self)
{
  g_return_val_if_fail (RK_IS_BODY_ROW (self), NULL);

  return self->body;
}

void
rk_body_row_edit (RkBodyRow *self)
{
  g_return_if_fail (RK_IS_BODY_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
rk_body_row_constructed (GObject *object)
{
  RkBodyRow *self = RK_BODY_ROW (object);

  G_OBJECT_CLASS (rk_body_row_parent_class)->constructed (object);

  g_signal_connect_object (self->body, "notify", G_CALLBACK (rk_body_row_update), self, G_CONNECT_SWAPPED);
  rk_body_row_update (self);
}

static void
rk_body_row_finalize (GObject *object)
{
  RkBodyRow *self = RK_BODY_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->body);
  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    g_clear_pointer (&self->shown[field], g_free);

  G_OBJECT_CLASS (rk_body_row_parent_class)->finalize (object);
}

static void
rk_body_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RkBodyRow *self = RK_BODY_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BODY:
      g_value_set_object (value, self->body);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_body_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RkBodyRow *self = RK_BODY_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_body_row_class_init (RkBodyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_body_row_constructed;
  object_class->finalize = rk_body_row_finalize;
  object_class->get_property = rk_body_row_get_property;
  object_class->set_property = rk_body_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_object ("body", NULL, NULL, RK_TYPE_BODY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-body-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RkBodyRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RkBodyRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RkBodyRow, tier_row);
  gtk_widget_class_bind_template_child (widget_class, RkBodyRow, tier_label_row);
  gtk_widget_class_bind_template_child (widget_class, RkBodyRow, purpose_row);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, purpose_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, tier_label_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, tier_selected_cb);

  gtk_widget_class_install_action (widget_class, "body.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "body.set-purpose", "s", set_purpose_action);
  gtk_widget_class_install_action (widget_class, "body.set-tier", "i", set_tier_action);
  gtk_widget_class_install_action (widget_class, "body.set-tier-label", "s", set_tier_label_action);
  gtk_widget_class_install_action (widget_class, "body.remove", NULL, remove_action);
}

static void
rk_body_row_init (RkBodyRow *self)
{
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  /* Leaving a field saves it: text typed without pressing Enter is not lost. */
  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (rk_body_row_get_entry (self, field)), focus);
    }

  /* In RkTier order, so the position is the tier. */
  for (RkTier tier = RK_TIER_CORE; tier <= RK_TIER_OTHER; tier++)
    gtk_string_list_append (tiers, rk_tier_to_label (tier));
  self->updating = TRUE;
  adw_combo_row_set_model (self->tier_row, G_LIST_MODEL (tiers));
  self->updating = FALSE;
}

GtkWidget *
rk_body_row_new (RkStore *store,
                 RkBody  *body)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (RK_IS_BODY (body), NULL);

  return g_object_new (RK_TYPE_BODY_ROW, "store", store, "body", body, NULL);
}

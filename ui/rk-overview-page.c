/* rk-overview-page.c — the 概要 page.
 *
 * The council's fields are saved one at a time through rk_store_update_council(): a text field when the user applies
 * it or leaves it (applying one saves what the others hold too), a choice at once. The widgets then follow the
 * council's properties, except a text field the user has changed and not yet saved, which keeps its text. A refused
 * edit shows the store's message in a toast and that field's stored value again. Bodies are
 * a GtkListBox bound to the store's GListModel; removing one offers undo. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-body-row.h"
#include "rk-council-fields.h"
#include "rk-overview-page.h"
#include "rk-window.h"

typedef enum {
  FIELD_NAME,
  FIELD_MUNICIPALITY,
  FIELD_NOTES,
  N_TEXT_FIELDS
} TextField;

static const char *const text_field_names[N_TEXT_FIELDS] = { "name", "municipality", "notes" };

struct _RkOverviewPage
{
  AdwBin        parent_instance;

  RkStore      *store;
  int           first_fiscal_year;
  /* Set while the page copies the council into its widgets, so that is not saved back as an edit. */
  gboolean      updating;


  AdwEntryRow  *name_row;
  AdwEntryRow  *municipality_row;
  AdwComboRow  *prefecture_row;
  AdwComboRow  *fiscal_year_row;
  AdwComboRow  *setup_row;
  GtkTextView  *notes_view;
  GtkListBox   *bodies_list;

  /* The stored text each text field was last given, by TextField: text that differs is the user's unsaved edit. */
  char         *shown[N_TEXT_FIELDS];
};

G_DEFINE_FINAL_TYPE (RkOverviewPage, rk_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
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

static void
rk_overview_page_set_notes_text (RkOverviewPage *self,
                                 const char     *notes)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, notes ? notes : "") != 0)
    gtk_text_buffer_set_text (buffer, notes ? notes : "", -1);
}

static char *
rk_overview_page_get_notes_text (RkOverviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}


static char *
rk_overview_page_get_text (RkOverviewPage *self,
                           TextField       field)
{
  switch (field)
    {
    case FIELD_NAME:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
    case FIELD_MUNICIPALITY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->municipality_row)));
    case FIELD_NOTES:
      return rk_overview_page_get_notes_text (self);
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
rk_overview_page_get_stored (RkOverviewPage *self,
                             TextField       field)
{
  RkCouncil *council = rk_store_get_council (self->store);
  const char *value;

  switch (field)
    {
    case FIELD_NAME:
      value = rk_council_get_name (council);
      break;
    case FIELD_MUNICIPALITY:
      value = rk_council_get_municipality (council);
      break;
    case FIELD_NOTES:
      value = rk_council_get_notes (council);
      break;
    case N_TEXT_FIELDS:
    default:
      g_assert_not_reached ();
    }

  return value ? value : "";
}

/* Whether the user changed @field since the page last showed the stored value. */
static gboolean
rk_overview_page_is_edited (RkOverviewPage *self,
                            TextField       field)
{
  g_autofree char *text = rk_overview_page_get_text (self, field);

  return g_strcmp0 (text, self->shown[field] ? self->shown[field] : "") != 0;
}

/* Shows the stored value of @field, unless @keep_edit and the user has an unsaved edit there. */
static void
rk_overview_page_sync_field (RkOverviewPage *self,
                             TextField       field,
                             gboolean        keep_edit)
{
  const char *stored = rk_overview_page_get_stored (self, field);
  g_autofree char *text = rk_overview_page_get_text (self, field);

  if (!keep_edit || !rk_overview_page_is_edited (self, field))
    {
      if (field == FIELD_NOTES)
        rk_overview_page_set_notes_text (self, stored);
      else
        set_entry_text (field == FIELD_NAME ? self->name_row : self->municipality_row, stored);
    }
  else if (field != FIELD_NOTES && g_strcmp0 (text, stored) == 0)
    {
      AdwEntryRow *row = field == FIELD_NAME ? self->name_row : self->municipality_row;

      /* Saved: the apply button has nothing left to apply. */
      adw_entry_row_set_show_apply_button (row, FALSE);
      adw_entry_row_set_show_apply_button (row, TRUE);
    }

  g_free (self->shown[field]);
  self->shown[field] = g_strdup (stored);
}

static void
rk_overview_page_update (RkOverviewPage *self)
{
  RkCouncil *council = rk_store_get_council (self->store);
  const char *prefecture = rk_council_get_prefecture (council);
  int fiscal_year = rk_council_get_fiscal_year (council);
  GListModel *prefectures = adw_combo_row_get_model (self->prefecture_row);
  guint position;
  int first, last;

  self->updating = TRUE;

  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    rk_overview_page_sync_field (self, field, TRUE);

  /* A stored prefecture outside the 47 (the demo's fictional one) is still shown as it is. */
  position = prefectures ? rk_string_model_find (prefectures, prefecture) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GtkStringList) model = rk_prefecture_model_new (prefecture);

      adw_combo_row_set_model (self->prefecture_row, G_LIST_MODEL (model));
      position = rk_string_model_find (G_LIST_MODEL (model), prefecture);
    }
  adw_combo_row_set_selected (self->prefecture_row, position);

  rk_fiscal_year_range (fiscal_year, &first, &last);
  if (first != self->first_fiscal_year || adw_combo_row_get_model (self->fiscal_year_row) == NULL
      || g_list_model_get_n_items (adw_combo_row_get_model (self->fiscal_year_row)) != (guint) (last - first + 1))
    {
      g_autoptr(GtkStringList) years = rk_fiscal_year_model_new (first, last);

      self->first_fiscal_year = first;
      adw_combo_row_set_model (self->fiscal_year_row, G_LIST_MODEL (years));
    }
  adw_combo_row_set_selected (self->fiscal_year_row, fiscal_year - first);

  adw_combo_row_set_selected (self->setup_row, rk_council_get_setup (council));

  self->updating = FALSE;
}

/* Saves the council with one field changed (the others as stored). Strings are copied first: the store replaces
 * the council's own strings, which rk_council_get_info() only borrows. */
static gboolean
rk_overview_page_save (RkOverviewPage *self,
                       const char     *field,
                       const char     *text,
                       int             number)
{
  RkCouncil *council = rk_store_get_council (self->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *prefecture = NULL;
  g_autofree char *notes = NULL;
  RkCouncilInfo info;

  rk_council_get_info (council, &info);
  name = g_strdup (info.name);
  municipality = g_strdup (info.municipality);
  prefecture = g_strdup (info.prefecture);
  notes = g_strdup (info.notes);

  info.name = g_str_equal (field, "name") ? text : name;
  info.municipality = g_str_equal (field, "municipality") ? text : municipality;
  info.prefecture = g_str_equal (field, "prefecture") ? text : prefecture;
  info.notes = g_str_equal (field, "notes") ? text : notes;
  if (g_str_equal (field, "fiscal-year"))
    info.fiscal_year = number;
  if (g_str_equal (field, "setup"))
    info.setup = (RkSetupKind) number;

  if (!rk_store_update_council (self->store, &info, &error))
    {
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return FALSE;
    }

  return TRUE;
}

/* Saves what the user typed in @field, if anything; a refused value is replaced by the stored one. */
static void
rk_overview_page_commit (RkOverviewPage *self,
                         TextField       field)
{
  g_autofree char *text = NULL;

  if (self->store == NULL || !rk_overview_page_is_edited (self, field))
    return;

  text = rk_overview_page_get_text (self, field);
  if (rk_overview_page_save (self, text_field_names[field], text, 0))
    /* Also when the store kept the value it had, so no notification came. */
    rk_overview_page_update (self);
  else
    {
      self->updating = TRUE;
      rk_overview_page_sync_field (self, field, FALSE);
      self->updating = FALSE;
    }
}

/* Applying one field saves the others the user left unsaved too. */
static void
rk_overview_page_commit_all (RkOverviewPage *self)
{
  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    rk_overview_page_commit (self, field);
}

/* A choice failed: show the stored choices again (text fields keep their unsaved edits). */
static void
rk_overview_page_save_choice (RkOverviewPage *self,
                              const char     *field,
                              const char     *text,
                              int             number)
{
  if (!rk_overview_page_save (self, field, text, number))
    rk_overview_page_update (self);
}

static void
text_apply_cb (RkOverviewPage *self,
               AdwEntryRow    *row)
{
  rk_overview_page_commit_all (self);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *focus,
                      RkOverviewPage          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  /* Notes are long text: saved when the user leaves the field rather than with an apply button. */
  if (widget == GTK_WIDGET (self->name_row))
    rk_overview_page_commit (self, FIELD_NAME);
  else if (widget == GTK_WIDGET (self->municipality_row))
    rk_overview_page_commit (self, FIELD_MUNICIPALITY);
  else if (widget == GTK_WIDGET (self->notes_view))
    rk_overview_page_commit (self, FIELD_NOTES);
}

static void
combo_selected_cb (RkOverviewPage *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->store == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->prefecture_row)
    {
      GtkStringObject *item = adw_combo_row_get_selected_item (row);

      rk_overview_page_save_choice (self, "prefecture", gtk_string_object_get_string (item), 0);
    }
  else if (row == self->fiscal_year_row)
    rk_overview_page_save_choice (self, "fiscal-year", NULL, self->first_fiscal_year + (int) selected);
  else if (row == self->setup_row)
    rk_overview_page_save_choice (self, "setup", NULL, (int) selected);
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (widget);
  const char *field, *value;

  g_variant_get (param, "(&s&s)", &field, &value);

  /* Put the value where the user would, then save it the way the user's edit is saved. */
  if (g_str_equal (field, "notes"))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), value, -1);
      rk_overview_page_commit (self, FIELD_NOTES);
    }
  else if (g_str_equal (field, "name") || g_str_equal (field, "municipality"))
    {
      AdwEntryRow *row = g_str_equal (field, "name") ? self->name_row : self->municipality_row;

      gtk_editable_set_text (GTK_EDITABLE (row), value);
      text_apply_cb (self, row);
    }
  else if (g_str_equal (field, "prefecture"))
    {
      guint position = rk_string_model_find (adw_combo_row_get_model (self->prefecture_row), value);

      if (position == GTK_INVALID_LIST_POSITION)
        rk_overview_page_save_choice (self, "prefecture", value, 0);
      else
        adw_combo_row_set_selected (self->prefecture_row, position);
    }
  else if (g_str_equal (field, "fiscal-year"))
    {
      int year = (int) g_ascii_strtoll (value, NULL, 10);
      GListModel *years = adw_combo_row_get_model (self->fiscal_year_row);

      if (year >= self->first_fiscal_year && year - self->first_fiscal_year < (int) g_list_model_get_n_items (years))
        adw_combo_row_set_selected (self->fiscal_year_row, year - self->first_fiscal_year);
      else
        rk_overview_page_save_choice (self, "fiscal-year", NULL, year);
    }
  else if (g_str_equal (field, "setup"))
    adw_combo_row_set_selected (self->setup_row, (guint) g_ascii_strtoull (value, NULL, 10));
  else
    g_critical ("overview.set-field: unknown field “%s”", field);
}

static GtkWidget *
create_body_row (gpointer item,
                 gpointer user_data)
{
  RkOverviewPage *self = user_data;

  return rk_body_row_new (self->store, RK_BODY (item));
}

static const char *
rk_overview_page_new_body_name (RkOverviewPage *self,
                                char          **owned)
{
  GListModel *bodies = rk_store_get_bodies (self->store);
  guint n = g_list_model_get_n_items (bodies);

  /* Avoid a name that is already there, so the new row is easy to tell apart. */
  for (guint attempt = 1; ; attempt++)
    {
      gboolean taken = FALSE;

      g_free (*owned);
      /* Translators: the name of a body just added; the user renames it. %u is a number from 2 on. */
      *owned = attempt == 1 ? g_strdup (_("New Body")) : g_strdup_printf (_("New Body %u"), attempt);

      for (guint i = 0; i < n && !taken; i++)
        {
          g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

          taken = g_strcmp0 (rk_body_get_name (body), *owned) == 0;
        }

      if (!taken)
        return *owned;
    }
}

static void
add_body_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkBody) body = NULL;
  g_autofree char *name = NULL;
  guint n = g_list_model_get_n_items (rk_store_get_bodies (self->store));
  RkBodyInfo info = {
    .name = rk_overview_page_new_body_name (self, &name),
    /* The usual order of a council's tiers: a core meeting first, then field level, then working groups. */
    .tier = n == 0 ? RK_TIER_CORE : n == 1 ? RK_TIER_FIELD : RK_TIER_WORKING,
    .tier_label = NULL,
    .purpose = "",
  };

  if (!(body = rk_store_add_body (self->store, &info, &error)))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->bodies_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RK_IS_BODY_ROW (row) && rk_body_row_get_body (RK_BODY_ROW (row)) == body)
      rk_body_row_edit (RK_BODY_ROW (row));
}

static gboolean
restore_body (GtkWidget  *widget,
              gpointer    body,
              GError    **error)
{
  return rk_store_restore_body (RK_OVERVIEW_PAGE (widget)->store, body, error);
}

static void
remove_body_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  GListModel *bodies = rk_store_get_bodies (self->store);
  g_autoptr(RkBody) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; body == NULL && i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) item = g_list_model_get_item (bodies, i);

      if (rk_body_get_id (item) == id)
        body = g_steal_pointer (&item);
    }

  if (body == NULL)
    return;

  if (!rk_store_remove_body (self->store, body, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  escaped = g_markup_escape_text (rk_body_get_name (body), -1);
  /* Translators: a toast after removing a body; %s is its name. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (body), restore_body);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_widget_undo (widget);
}

RkStore *
rk_overview_page_get_store (RkOverviewPage *self)
{
  g_return_val_if_fail (RK_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}

GtkWidget *
rk_overview_page_get_body_row (RkOverviewPage *self,
                               guint           index)
{
  g_return_val_if_fail (RK_IS_OVERVIEW_PAGE (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->bodies_list, (int) index));
}

static void
rk_overview_page_constructed (GObject *object)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (object);
  g_autoptr(GtkStringList) setups = rk_setup_model_new ();

  G_OBJECT_CLASS (rk_overview_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  self->updating = TRUE;
  adw_combo_row_set_model (self->setup_row, G_LIST_MODEL (setups));
  self->updating = FALSE;

  g_signal_connect_object (rk_store_get_council (self->store), "notify",
                           G_CALLBACK (rk_overview_page_update), self, G_CONNECT_SWAPPED);
  rk_overview_page_update (self);

  gtk_list_box_bind_model (self->bodies_list, rk_store_get_bodies (self->store), create_body_row, self, NULL);
}

static void
rk_overview_page_dispose (GObject *object)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (object);

  rk_widget_forget_undo (GTK_WIDGET (self));

  if (self->bodies_list != NULL)
    gtk_list_box_bind_model (self->bodies_list, NULL, NULL, NULL, NULL);


  G_OBJECT_CLASS (rk_overview_page_parent_class)->dispose (object);
}

static void
rk_overview_page_finalize (GObject *object)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (object);

  g_clear_object (&self->store);
  for (TextField field = 0; field < N_TEXT_FIELDS; field++)
    g_clear_pointer (&self->shown[field], g_free);

  G_OBJECT_CLASS (rk_overview_page_parent_class)->finalize (object);
}

static void
rk_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_overview_page_class_init (RkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_overview_page_constructed;
  object_class->dispose = rk_overview_page_dispose;
  object_class->finalize = rk_overview_page_finalize;
  object_class->get_property = rk_overview_page_get_property;
  object_class->set_property = rk_overview_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, prefecture_row);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, setup_row);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, bodies_list);
  gtk_widget_class_bind_template_callback (widget_class, text_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);

  gtk_widget_class_install_action (widget_class, "overview.set-field", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "overview.add-body", NULL, add_body_action);
  gtk_widget_class_install_action (widget_class, "overview.remove-body", "x", remove_body_action);
  gtk_widget_class_install_action (widget_class, "overview.undo-remove", NULL, undo_remove_action);
}

static void
rk_overview_page_init (RkOverviewPage *self)
{
  GtkWidget *fields[3];
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  /* Leaving a field saves it: text typed without pressing Enter is not lost. */
  fields[0] = GTK_WIDGET (self->name_row);
  fields[1] = GTK_WIDGET (self->municipality_row);
  fields[2] = GTK_WIDGET (self->notes_view);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (field_focus_leave_cb), self, 0);
      gtk_widget_add_controller (fields[i], focus);
    }

  placeholder = gtk_label_new (_("No bodies yet. Add the meetings the council works through."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "rk-placeholder");
  gtk_list_box_set_placeholder (self->bodies_list, placeholder);
}

GtkWidget *
rk_overview_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_OVERVIEW_PAGE, "store", store, NULL);
}

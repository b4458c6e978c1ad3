/* rk-rules-page.c — the 連携ルール page.
 *
 * Three levels, left to right: the council's rule documents and the selected document's versions (two list boxes
 * bound to the store's models), the selected version's sections as one indented list (a GtkListView over the
 * store's flat, depth-first model: the store keeps each section's depth and number current, the rows follow them
 * through property bindings), and the editor of the selected section. Heading and body are saved after a short
 * pause, when another section is selected and before any change of the tree, so a move never loses typing. Every
 * tree edit is committed by the store at once; a removal offers undo in a toast (the store's snapshot). A frozen
 * version shows its text read-only under a label that says how to go on editing. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-council.h"
#include "rk-era.h"
#include "rk-form-pdf.h"
#include "rk-rule-compare.h"
#include "rk-rule-template.h"
#include "rk-rules-export.h"
#include "rk-rules-page.h"
#include "rk-section-trace.h"
#include "rk-window.h"

/* Like the minutes editor: long enough not to write on every key, short enough that a crash loses little. */
#define RK_RULES_SAVE_DELAY_MS 800
/* Pixels of indentation per level of the tree. */
#define RK_RULES_INDENT_PX 18

/* ---- A removal the undo toast holds (rk_widget_add_undo_toast() takes a GObject) --------------------------------- */

#define RK_TYPE_RULES_REMOVAL (rk_rules_removal_get_type ())
G_DECLARE_FINAL_TYPE (RkRulesRemoval, rk_rules_removal, RK, RULES_REMOVAL, GObject)

struct _RkRulesRemoval
{
  GObject        parent_instance;
  RkRuleRemoval *removal;
  char          *uid;
};

G_DEFINE_FINAL_TYPE (RkRulesRemoval, rk_rules_removal, G_TYPE_OBJECT)

static void
rk_rules_removal_finalize (GObject *object)
{
  RkRulesRemoval *self = RK_RULES_REMOVAL (object);

  g_clear_pointer (&self->removal, rk_rule_removal_free);
  g_clear_pointer (&self->uid, g_free);

  G_OBJECT_CLASS (rk_rules_removal_parent_class)->finalize (object);
}

static void
rk_rules_removal_class_init (RkRulesRemovalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_rules_removal_finalize;
}

static void
rk_rules_removal_init (RkRulesRemoval *self)
{
}

/* ---- The page ---------------------------------------------------------------------------------------------------- */

struct _RkRulesPage
{
  AdwBin              parent_instance;

  RkStore            *store;
  RkRuleDocument     *document;
  RkRuleVersion      *version;
  GtkSingleSelection *section_selection;
  /* The section the editor shows (a reference: the store's list may drop it while the editor still holds text). */
  RkRuleSection      *editing;
  guint               save_id;
  gboolean            loading;

  GtkStack           *content_stack;
  GtkListBox         *document_list;
  GtkListBox         *version_list;
  GtkLabel           *version_title;
  GtkDropDown        *status_drop_down;
  GtkStringList      *status_list;
  GtkLabel           *frozen_banner;
  GtkListView        *section_view;
  GtkWidget          *editor_box;
  GtkLabel           *number_label;
  GtkEntry           *heading_entry;
  GtkLabel           *body_label;
  GtkTextView        *body_view;
  GtkLabel           *rendered_label;
  GtkWidget          *form_box;
  GtkListBox         *field_list;
  GtkExpander        *trace_expander;
};

G_DEFINE_FINAL_TYPE (RkRulesPage, rk_rules_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rk_rules_page_load_editor (RkRulesPage *self);

static void
rk_rules_page_show_error (RkRulesPage  *self,
                          const GError *error)
{
  rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static gboolean
rk_rules_page_is_frozen (RkRulesPage *self)
{
  return self->version != NULL && rk_rule_version_get_frozen (self->version);
}

/* ---- Lookup ------------------------------------------------------------------------------------------------------ */

static guint
find_in_model (GListModel *model,
               gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static RkRuleVersion *
rk_rules_page_find_version (RkRulesPage *self,
                            gint64       id)
{
  RkRuleVersion *version = rk_store_find_rule_version (self->store, id);

  /* Only the selected document's versions can be selected. */
  if (version == NULL || self->document == NULL
      || rk_rule_version_get_document_id (version) != rk_rule_document_get_id (self->document))
    return NULL;

  return version;
}

static RkRuleSection *
rk_rules_page_find_section (RkRulesPage *self,
                            gint64       id)
{
  GListModel *sections = rk_rules_page_get_sections (self);

  if (sections == NULL)
    return NULL;

  /* Transfer none: the store's list keeps the section alive. */
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (sections, i);

      if (rk_rule_section_get_id (section) == id)
        return section;
    }

  return NULL;
}

/* ---- Actions' sensitivity ---------------------------------------------------------------------------------------- */

static void
rk_rules_page_update_actions (RkRulesPage *self)
{
  gboolean editable = self->version != NULL && !rk_rule_version_get_frozen (self->version);
  gboolean has_section = rk_rules_page_get_selected_section (self) != NULL;
  gboolean is_form = has_section
                     && rk_rule_section_get_kind (rk_rules_page_get_selected_section (self)) == RK_RULE_SECTION_FORM;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "rules.add-section", editable);
  gtk_widget_action_set_enabled (widget, "rules.add-form", editable);
  gtk_widget_action_set_enabled (widget, "rules.indent", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.outdent", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.move-up", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.move-down", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.remove-section", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.insert-reference", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.insert-reference-to", editable && has_section);
  gtk_widget_action_set_enabled (widget, "rules.add-field", editable && is_form);
  gtk_widget_action_set_enabled (widget, "rules.save-fields", editable && is_form);
  /* A frozen version's forms print too: that is what gets handed out. */
  gtk_widget_action_set_enabled (widget, "rules.print-form", is_form);
  gtk_widget_action_set_enabled (widget, "rules.export-form-pdf", is_form);
  gtk_widget_action_set_enabled (widget, "rules.export-form-pdf-to", is_form);
  gtk_widget_action_set_enabled (widget, "rules.freeze-dialog", editable);
  gtk_widget_action_set_enabled (widget, "rules.freeze", editable);
  gtk_widget_action_set_enabled (widget, "rules.branch", self->version != NULL);
  gtk_widget_action_set_enabled (widget, "rules.set-status", self->version != NULL);
  gtk_widget_action_set_enabled (widget, "rules.compare", self->version != NULL);
  gtk_widget_action_set_enabled (widget, "rules.export-akn", self->version != NULL);
  gtk_widget_action_set_enabled (widget, "rules.export-akn-to", self->version != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_drop_down), self->version != NULL);
}

/* ---- The editor of one section ----------------------------------------------------------------------------------- */

static char *
rk_rules_page_dup_body_text (RkRulesPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
rk_rules_page_flush (RkRulesPage  *self,
                     GError      **error)
{
  g_autofree char *body = NULL;
  RkRuleSectionInfo info;

  g_return_val_if_fail (RK_IS_RULES_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  /* Nothing to write for a section no longer in its version (removed meanwhile) or a frozen one. */
  if (self->editing == NULL || rk_rules_page_is_frozen (self)
      || find_in_model (rk_rules_page_get_sections (self), self->editing) == GTK_INVALID_LIST_POSITION)
    return TRUE;

  body = rk_rules_page_dup_body_text (self);
  rk_rule_section_get_info (self->editing, &info);
  if (g_strcmp0 (info.heading, gtk_editable_get_text (GTK_EDITABLE (self->heading_entry))) == 0
      && g_strcmp0 (info.body, body) == 0)
    return TRUE;

  info.heading = gtk_editable_get_text (GTK_EDITABLE (self->heading_entry));
  info.body = body;
  return rk_store_update_rule_section (self->store, self->editing, &info, error);
}

/* After a refused save: the editor shows what is stored again, so the refusal is reported once rather than at every
 * later save, and it no longer blocks freezing, branching or removing. The body typed alongside a refused heading is
 * kept when the store takes it. */
static void
rk_rules_page_revert_refused (RkRulesPage *self)
{
  if (self->editing == NULL)
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->heading_entry), rk_rule_section_get_heading (self->editing));
  self->loading = FALSE;
  if (rk_rules_page_flush (self, NULL))
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), rk_rule_section_get_body (self->editing), -1);
  self->loading = FALSE;
}

/* Saves the editor; FALSE when the store refused it: the error is shown and the editor reverted to what is stored. */
static gboolean
rk_rules_page_flush_or_report (RkRulesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (rk_rules_page_flush (self, &error))
    return TRUE;

  rk_rules_page_show_error (self, error);
  rk_rules_page_revert_refused (self);
  return FALSE;
}

static void
rk_rules_page_save (RkRulesPage *self)
{
  rk_rules_page_flush_or_report (self);
}

static gboolean
save_timeout_cb (gpointer data)
{
  RkRulesPage *self = data;

  self->save_id = 0;
  rk_rules_page_save (self);
  return G_SOURCE_REMOVE;
}

static char *
lookup_citation_cb (const char *uid,
                    gpointer    data)
{
  GListModel *sections = data;

  for (guint i = 0; sections != NULL && i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (sections, i);

      if (g_strcmp0 (rk_rule_section_get_uid (section), uid) == 0)
        return g_strdup (rk_rule_section_get_citation (section));
    }

  return NULL;
}

/* The text in the editor, not the stored body: a reference just inserted reads right away, before it is saved. */
static void
rk_rules_page_update_rendered (RkRulesPage *self)
{
  g_autofree char *body = NULL;
  g_autofree char *rendered = NULL;
  g_auto(GStrv) refs = NULL;

  if (self->editing != NULL)
    {
      body = rk_rules_page_dup_body_text (self);
      refs = rk_rule_body_list_refs (body);
    }
  if (refs != NULL && refs[0] != NULL)
    {
      g_autofree char *text = rk_rule_render_body (body, lookup_citation_cb, rk_rules_page_get_sections (self));

      /* Translators: under the body text, how its references to other sections read with the current numbers. */
      rendered = g_strdup_printf (_("Reads as: %s"), text);
    }
  gtk_label_set_text (self->rendered_label, rendered != NULL ? rendered : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rendered_label), rendered != NULL);
}

static void
editor_changed_cb (RkRulesPage *self)
{
  if (self->loading || self->editing == NULL)
    return;

  rk_rules_page_update_rendered (self);
  if (self->save_id != 0)
    return;

  /* The pause starts at the first change of a burst: steady typing is still saved now and then. Removed in
   * dispose, so it never outlives the page. */
  self->save_id = g_timeout_add (RK_RULES_SAVE_DELAY_MS, save_timeout_cb, self);
}

static const char *
field_kind_label (guint kind)
{
  return rk_form_field_kind_to_label ((RkFormFieldKind) kind);
}

static void
remove_field_clicked_cb (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
}

static void
rk_rules_page_append_field_row (RkRulesPage       *self,
                                const RkFormField *field)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *row, *box, *top, *bottom, *label_entry, *kind_drop_down, *choices_entry, *remove_button;
  g_auto(GStrv) choices = NULL;
  g_autofree char *choices_text = NULL;
  gboolean editable = !rk_rules_page_is_frozen (self);

  for (guint kind = RK_FORM_FIELD_TEXT; kind <= RK_FORM_FIELD_CHECKBOX; kind++)
    gtk_string_list_append (kinds, field_kind_label (kind));

  /* Two lines, the label over its kind and choices: one line of three entries is wider than a narrow editor. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (label_entry, TRUE);
  /* Entries ask for 20 characters at least otherwise; the row has to shrink with the window. */
  gtk_editable_set_width_chars (GTK_EDITABLE (label_entry), 4);
  gtk_entry_set_placeholder_text (GTK_ENTRY (label_entry), _("Field label"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Field label"), -1);
  gtk_editable_set_text (GTK_EDITABLE (label_entry), field ? field->label : "");
  gtk_editable_set_editable (GTK_EDITABLE (label_entry), editable);

  kind_drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind_drop_down), field ? (guint) field->kind : RK_FORM_FIELD_TEXT);
  gtk_widget_set_sensitive (kind_drop_down, editable);
  rk_accessible_name_drop_down (GTK_DROP_DOWN (kind_drop_down), _("Field kind"));

  /* One line for all the choices: typed as they print, separated by commas (、 or ,). */
  if (field != NULL)
    choices = rk_form_field_dup_choices (field);
  choices_text = choices != NULL ? g_strjoinv ("、", choices) : g_strdup ("");
  choices_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (choices_entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (choices_entry), 4);
  gtk_entry_set_placeholder_text (GTK_ENTRY (choices_entry), _("Choices, separated by commas"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choices_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choices"), -1);
  gtk_editable_set_text (GTK_EDITABLE (choices_entry), choices_text);
  gtk_editable_set_editable (GTK_EDITABLE (choices_entry), editable);

  remove_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (remove_button, _("Remove Field"));
  gtk_widget_set_sensitive (remove_button, editable);
  gtk_widget_add_css_class (remove_button, "flat");

  gtk_box_append (GTK_BOX (top), label_entry);
  gtk_box_append (GTK_BOX (top), remove_button);
  gtk_box_append (GTK_BOX (bottom), kind_drop_down);
  gtk_box_append (GTK_BOX (bottom), choices_entry);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "label-entry", label_entry);
  g_object_set_data (G_OBJECT (row), "kind-drop-down", kind_drop_down);
  g_object_set_data (G_OBJECT (row), "choices-entry", choices_entry);
  g_signal_connect_swapped (remove_button, "clicked", G_CALLBACK (remove_field_clicked_cb), row);
  gtk_list_box_append (self->field_list, row);
  rk_accessible_fix_names (row);
}

static void
rk_rules_page_load_fields (RkRulesPage *self)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->field_list))) != NULL)
    gtk_list_box_remove (self->field_list, child);

  if (self->editing == NULL || rk_rule_section_get_kind (self->editing) != RK_RULE_SECTION_FORM)
    return;

  if (!(fields = rk_store_list_form_fields (self->store, self->editing, &error)))
    {
      rk_rules_page_show_error (self, error);
      return;
    }
  for (guint i = 0; i < fields->len; i++)
    rk_rules_page_append_field_row (self, g_ptr_array_index (fields, i));
}

static gboolean
rk_rules_page_save_fields (RkRulesPage  *self,
                           GError      **error)
{
  g_autoptr(GArray) infos = g_array_new (FALSE, TRUE, sizeof (RkFormFieldInfo));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  if (self->editing == NULL || rk_rule_section_get_kind (self->editing) != RK_RULE_SECTION_FORM)
    return TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->field_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *label_entry = g_object_get_data (G_OBJECT (row), "label-entry");
      GtkDropDown *kind_drop_down = g_object_get_data (G_OBJECT (row), "kind-drop-down");
      GtkEditable *choices_entry = g_object_get_data (G_OBJECT (row), "choices-entry");
      g_auto(GStrv) parts = NULL;
      g_autoptr(GString) choices = g_string_new (NULL);
      RkFormFieldInfo info;

      if (label_entry == NULL)
        continue;

      parts = g_regex_split_simple ("[,、，]", gtk_editable_get_text (choices_entry), 0, 0);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] == '\0')
            continue;
          if (choices->len > 0)
            g_string_append_c (choices, '\n');
          g_string_append (choices, parts[i]);
        }

      info.label = gtk_editable_get_text (label_entry);
      info.kind = (RkFormFieldKind) gtk_drop_down_get_selected (kind_drop_down);
      info.choices = choices->str;
      g_ptr_array_add (strings, g_string_free (g_steal_pointer (&choices), FALSE));
      info.choices = g_ptr_array_index (strings, strings->len - 1);
      g_array_append_val (infos, info);
    }

  return rk_store_set_form_fields (self->store, self->editing, (const RkFormFieldInfo *) infos->data, infos->len,
                                   error);
}

/* The trace is read when it is opened, not for every section the user passes through. */
static void
rk_rules_page_load_trace (RkRulesPage *self)
{
  GtkWidget *trace = NULL;

  if (self->editing != NULL && self->document != NULL && gtk_expander_get_expanded (self->trace_expander))
    trace = rk_section_trace_new (self->store, rk_rule_document_get_id (self->document),
                                  rk_rule_section_get_uid (self->editing));
  gtk_expander_set_child (self->trace_expander, trace);
  gtk_widget_set_visible (GTK_WIDGET (self->trace_expander), self->editing != NULL);
}

static void
rk_rules_page_load_editor (RkRulesPage *self)
{
  RkRuleSection *section = rk_rules_page_get_selected_section (self);
  gboolean frozen = rk_rules_page_is_frozen (self);
  g_autofree char *title = NULL;

  if (section == self->editing && section != NULL)
    {
      rk_rules_page_update_actions (self);
      return;
    }

  /* What was typed into the section shown so far goes to that section, not to the next one. */
  rk_rules_page_save (self);
  g_set_object (&self->editing, section);

  self->loading = TRUE;
  /* Not insensitive without a section: that would take the focus from the entry behind GtkText's back (GTK 4.8). */
  gtk_label_set_text (self->number_label, section != NULL ? rk_rule_section_get_number (section) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->heading_entry), section != NULL ? rk_rule_section_get_heading (section)
                                                                             : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            section != NULL ? rk_rule_section_get_body (section) : "", -1);
  gtk_editable_set_editable (GTK_EDITABLE (self->heading_entry), section != NULL && !frozen);
  gtk_text_view_set_editable (self->body_view, section != NULL && !frozen);
  gtk_text_view_set_cursor_visible (self->body_view, section != NULL && !frozen);
  self->loading = FALSE;

  rk_rules_page_update_rendered (self);

  gtk_label_set_text_with_mnemonic (self->body_label,
                                    section != NULL && rk_rule_section_get_kind (section) == RK_RULE_SECTION_FORM
                                    ? _("_Note") : _("_Text"));
  gtk_widget_set_visible (self->form_box,
                          section != NULL && rk_rule_section_get_kind (section) == RK_RULE_SECTION_FORM);
  rk_rules_page_load_fields (self);
  rk_rules_page_load_trace (self);
  rk_rules_page_update_actions (self);
}

static void
section_selected_cb (RkRulesPage *self)
{
  rk_rules_page_load_editor (self);
}

static gboolean
rk_rules_page_select_section (RkRulesPage   *self,
                              RkRuleSection *section)
{
  guint position;

  if (self->section_selection == NULL || section == NULL)
    return FALSE;

  position = find_in_model (G_LIST_MODEL (self->section_selection), section);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->section_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->section_view), "list.scroll-to-item", "u", position);
  /* The selection may not have changed (a move keeps the item): the editor still has to show the new number. */
  if (self->editing == section)
    gtk_label_set_text (self->number_label, rk_rule_section_get_number (section));
  rk_rules_page_load_editor (self);
  return TRUE;
}

/* ---- The section list -------------------------------------------------------------------------------------------- */

static gboolean
depth_to_margin (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_int (to, 6 + RK_RULES_INDENT_PX * (int) g_value_get_uint (from));
  return TRUE;
}

static gboolean
kind_to_icon_visible (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == RK_RULE_SECTION_FORM);
  return TRUE;
}

static void
section_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic");
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *heading = gtk_label_new (NULL);

  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), heading);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "number", number);
  g_object_set_data (G_OBJECT (box), "heading", heading);
  gtk_list_item_set_child (item, box);
}

static void
update_row_accessible (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RkRuleSection *section = gtk_list_item_get_item (item);
  g_autofree char *title = NULL;

  if (section == NULL)
    return;

  /* One name for the row (number and heading), not the two labels read one after the other. */
  title = rk_rule_section_dup_title (section);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The row GTK makes for the item is what AT-SPI lists; it has no name of its own in GTK 4.8. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

static void
section_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RkRuleSection *section = gtk_list_item_get_item (item);
  GPtrArray *bindings = g_ptr_array_new ();

  /* The store renumbers sections in place: the row follows their properties while bound. */
  g_ptr_array_add (bindings, g_object_bind_property (section, "number", g_object_get_data (G_OBJECT (box), "number"),
                                                     "label", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (section, "heading", g_object_get_data (G_OBJECT (box), "heading"),
                                                     "label", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property_full (section, "depth", box, "margin-start", G_BINDING_SYNC_CREATE,
                                                          depth_to_margin, NULL, NULL, NULL));
  g_ptr_array_add (bindings, g_object_bind_property_full (section, "kind", g_object_get_data (G_OBJECT (box), "icon"),
                                                          "visible", G_BINDING_SYNC_CREATE,
                                                          kind_to_icon_visible, NULL, NULL, NULL));
  g_object_set_data_full (G_OBJECT (item), "bindings", bindings, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (section, "notify::number", G_CALLBACK (update_row_accessible), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (section, "notify::heading", G_CALLBACK (update_row_accessible), item, G_CONNECT_SWAPPED);
  update_row_accessible (item);
}

static void
section_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "bindings");
  RkRuleSection *section = gtk_list_item_get_item (item);

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (item), "bindings", NULL);
  if (section != NULL)
    g_signal_handlers_disconnect_by_func (section, update_row_accessible, item);
}

/* ---- Versions ---------------------------------------------------------------------------------------------------- */

static char *
format_version_date (RkRuleVersion *version)
{
  const char *iso = rk_rule_version_get_version_date (version);
  GDate date;

  if (iso == NULL || iso[0] == '\0' || !rk_era_parse_iso_date (iso, &date))
    return NULL;

  return rk_era_format_date (&date);
}

static void
update_version_row (GtkWidget *row)
{
  RkRuleVersion *version = g_object_get_data (G_OBJECT (row), "version");
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  g_autofree char *date = format_version_date (version);
  g_autofree char *subtitle = NULL;
  const char *status = rk_rule_version_status_to_label (rk_rule_version_get_status (version));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_rule_version_get_display_label (version));
  /* Translators: under a version's label: its date (和暦) and its status. */
  subtitle = date != NULL ? g_strdup_printf (_("%1$s · %2$s"), date, status) : g_strdup (status);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (badge, rk_rule_version_get_frozen (version));
}

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  RkRuleVersion *version = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (_("Frozen"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, "accent");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  g_object_set_data_full (G_OBJECT (row), "version", g_object_ref (version), g_object_unref);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_signal_connect_object (version, "notify", G_CALLBACK (update_version_row), row, G_CONNECT_SWAPPED);
  update_version_row (row);
  return row;
}

static void
rk_rules_page_update_version_header (RkRulesPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *banner = NULL;
  g_autofree char *date = NULL;
  gboolean frozen = rk_rules_page_is_frozen (self);

  if (self->version != NULL)
    {
      date = format_version_date (self->version);
      /* Translators: above the editor: the document's title, then the version's label. */
      title = g_strdup_printf (_("%1$s — %2$s"), rk_rule_document_get_title (self->document),
                               rk_rule_version_get_display_label (self->version));
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->status_drop_down, (guint) rk_rule_version_get_status (self->version));
      self->loading = FALSE;
    }
  if (frozen)
    /* Translators: the label over a frozen version's read-only text. */
    banner = g_strdup_printf (_("“%1$s” (%2$s) is frozen and cannot be edited. "
                                "Start a new draft from it to make changes."),
                              rk_rule_version_get_display_label (self->version), date != NULL ? date : "");

  gtk_label_set_text (self->version_title, title != NULL ? title : "");
  gtk_label_set_text (self->frozen_banner, banner != NULL ? banner : "");
  gtk_widget_set_visible (GTK_WIDGET (self->frozen_banner), frozen);
}

static void
version_changed_cb (RkRulesPage *self)
{
  gboolean editable = !rk_rules_page_is_frozen (self) && self->editing != NULL;

  rk_rules_page_update_version_header (self);
  /* Freezing turns the editor read-only at once. */
  gtk_editable_set_editable (GTK_EDITABLE (self->heading_entry), editable);
  gtk_text_view_set_editable (self->body_view, editable);
  gtk_text_view_set_cursor_visible (self->body_view, editable);
  rk_rules_page_update_actions (self);
}

static void
rk_rules_page_set_version (RkRulesPage   *self,
                           RkRuleVersion *version)
{
  g_autoptr(GtkSingleSelection) old = NULL;

  if (version == self->version && version != NULL)
    return;

  rk_rules_page_save (self);
  if (self->version != NULL)
    g_signal_handlers_disconnect_by_func (self->version, version_changed_cb, self);
  g_set_object (&self->version, version);
  g_clear_object (&self->editing);

  old = g_steal_pointer (&self->section_selection);
  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, section_selected_cb, self);
  if (version != NULL)
    {
      self->section_selection = gtk_single_selection_new (g_object_ref (rk_store_get_rule_sections (self->store,
                                                                                                     version)));
      gtk_single_selection_set_autoselect (self->section_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->section_selection, TRUE);
      g_signal_connect_object (self->section_selection, "notify::selected-item", G_CALLBACK (section_selected_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (version, "notify", G_CALLBACK (version_changed_cb), self, G_CONNECT_SWAPPED);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->section_selection)) > 0)
        gtk_single_selection_set_selected (self->section_selection, 0);
    }
  gtk_list_view_set_model (self->section_view, GTK_SELECTION_MODEL (self->section_selection));

  /* Keep the version list's selection in step when the version was chosen by an action. */
  if (version != NULL)
    {
      guint position = find_in_model (rk_store_get_rule_versions (self->store, self->document), version);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->version_list, (int) position);

      if (row != NULL && gtk_list_box_get_selected_row (self->version_list) != row)
        gtk_list_box_select_row (self->version_list, row);
    }

  rk_rules_page_update_version_header (self);
  rk_rules_page_load_editor (self);
}

static void
version_selected_cb (RkRulesPage   *self,
                     GtkListBoxRow *row)
{
  if (row != NULL)
    rk_rules_page_set_version (self, g_object_get_data (G_OBJECT (row), "version"));
}

static void
status_selected_cb (RkRulesPage *self)
{
  RkRuleVersionInfo info;
  g_autoptr(GError) error = NULL;
  guint status = gtk_drop_down_get_selected (self->status_drop_down);

  if (self->loading || self->version == NULL || status == GTK_INVALID_LIST_POSITION
      || status == (guint) rk_rule_version_get_status (self->version))
    return;

  rk_rule_version_get_info (self->version, &info);
  info.status = (RkRuleVersionStatus) status;
  if (!rk_store_update_rule_version (self->store, self->version, &info, &error))
    {
      rk_rules_page_show_error (self, error);
      rk_rules_page_update_version_header (self);
    }
}

/* ---- Documents --------------------------------------------------------------------------------------------------- */

static void
update_document_row (GtkWidget *row)
{
  RkRuleDocument *document = g_object_get_data (G_OBJECT (row), "document");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_rule_document_get_title (document));
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  RkRuleDocument *document = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (update_document_row), row, G_CONNECT_SWAPPED);
  update_document_row (row);
  return row;
}

static void
rk_rules_page_set_document (RkRulesPage    *self,
                            RkRuleDocument *document)
{
  guint position;

  if (document == self->document && document != NULL)
    return;

  rk_rules_page_save (self);
  rk_rules_page_set_version (self, NULL);
  g_set_object (&self->document, document);
  gtk_list_box_bind_model (self->version_list,
                           document != NULL ? rk_store_get_rule_versions (self->store, document) : NULL,
                           create_version_row, NULL, NULL);

  position = document != NULL ? find_in_model (rk_store_get_rule_documents (self->store), document)
                              : GTK_INVALID_LIST_POSITION;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->document_list, (int) position);

      if (row != NULL && gtk_list_box_get_selected_row (self->document_list) != row)
        gtk_list_box_select_row (self->document_list, row);
    }

  /* The editor opens the newest version first. */
  if (document != NULL)
    rk_rules_page_set_version (self, rk_store_get_latest_rule_version (self->store, document));
}

static void
document_selected_cb (RkRulesPage   *self,
                      GtkListBoxRow *row)
{
  if (row != NULL)
    rk_rules_page_set_document (self, g_object_get_data (G_OBJECT (row), "document"));
}

static void
documents_changed_cb (RkRulesPage *self)
{
  GListModel *documents = rk_store_get_rule_documents (self->store);

  gtk_stack_set_visible_child_name (self->content_stack, g_list_model_get_n_items (documents) > 0 ? "rules"
                                                                                                  : "empty");
  /* The selected document was removed: show another one, or none. */
  if (self->document != NULL && find_in_model (documents, self->document) == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(RkRuleDocument) first = g_list_model_get_item (documents, 0);

      rk_rules_page_set_document (self, NULL);
      rk_rules_page_set_document (self, first);
    }
}

/* ---- Editing actions --------------------------------------------------------------------------------------------- */

static void
rk_rules_page_add_section (RkRulesPage       *self,
                           RkRuleSectionKind  kind)
{
  RkRuleSection *selected = rk_rules_page_get_selected_section (self);
  RkRuleSection *parent = NULL;
  g_autoptr(RkRuleSection) section = NULL;
  g_autoptr(GError) error = NULL;
  RkRuleSectionInfo info = { kind, "", "" };
  int position = -1;

  if (self->version == NULL || !rk_rules_page_flush_or_report (self))
    return;

  /* A section goes right after the selected one, as its sibling; a form goes to the annexes at the end. */
  if (kind == RK_RULE_SECTION_TEXT && selected != NULL)
    {
      parent = rk_store_find_rule_section (self->store, self->version, rk_rule_section_get_parent_uid (selected));
      position = rk_rule_section_get_position (selected) + 1;
    }

  if (!(section = rk_store_add_rule_section (self->store, self->version, parent, position, &info, &error)))
    {
      rk_rules_page_show_error (self, error);
      return;
    }
  rk_rules_page_select_section (self, section);
  gtk_widget_grab_focus (GTK_WIDGET (self->heading_entry));
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rk_rules_page_add_section (RK_RULES_PAGE (widget), RK_RULE_SECTION_TEXT);
}

static void
add_form_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rk_rules_page_add_section (RK_RULES_PAGE (widget), RK_RULE_SECTION_FORM);
}

typedef enum {
  TREE_INDENT,
  TREE_OUTDENT,
  TREE_UP,
  TREE_DOWN,
} TreeEdit;

static void
rk_rules_page_edit_tree (RkRulesPage *self,
                         TreeEdit     edit)
{
  RkRuleSection *section = rk_rules_page_get_selected_section (self);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  if (section == NULL || !rk_rules_page_flush_or_report (self))
    return;

  /* Keep the section alive across the model's rebuild of its rows. */
  g_object_ref (section);
  switch (edit)
    {
    case TREE_INDENT:
      done = rk_store_indent_rule_section (self->store, section, &error);
      break;
    case TREE_OUTDENT:
      done = rk_store_outdent_rule_section (self->store, section, &error);
      break;
    case TREE_UP:
      done = rk_store_move_rule_section (self->store, section, -1, &error);
      break;
    case TREE_DOWN:
      done = rk_store_move_rule_section (self->store, section, +1, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!done && error != NULL)
    rk_rules_page_show_error (self, error);
  else if (!done)
    gtk_widget_error_bell (GTK_WIDGET (self));
  rk_rules_page_select_section (self, section);
  /* The move renumbered sections the body may cite. */
  rk_rules_page_update_rendered (self);
  g_object_unref (section);
}

static void
indent_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rk_rules_page_edit_tree (RK_RULES_PAGE (widget), TREE_INDENT);
}

static void
outdent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rk_rules_page_edit_tree (RK_RULES_PAGE (widget), TREE_OUTDENT);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rk_rules_page_edit_tree (RK_RULES_PAGE (widget), TREE_UP);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rk_rules_page_edit_tree (RK_RULES_PAGE (widget), TREE_DOWN);
}

static gboolean
undo_removal (GtkWidget  *widget,
              gpointer    item,
              GError    **error)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  RkRulesRemoval *removal = item;

  if (!rk_store_restore_rule_section (self->store, removal->removal, error))
    return FALSE;

  if (self->version != NULL)
    rk_rules_page_select_section (self, rk_store_find_rule_section (self->store, self->version, removal->uid));
  return TRUE;
}

static void
remove_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  RkRuleSection *section = rk_rules_page_get_selected_section (self);
  g_autoptr(RkRulesRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  guint position, n_sections;

  /* What was typed is saved first, so undo brings it back too. A refused edit stops the removal with its error
   * (the editor then shows what is stored, and removing again goes ahead): a removal never goes on silently, and
   * the error toast never takes the place of the removal's undo toast. */
  if (section == NULL || !rk_rules_page_flush_or_report (self))
    return;

  removal = g_object_new (RK_TYPE_RULES_REMOVAL, NULL);
  removal->uid = g_strdup (rk_rule_section_get_uid (section));
  title = rk_rule_section_dup_title (section);
  position = gtk_single_selection_get_selected (self->section_selection);
  g_clear_object (&self->editing);
  if (!(removal->removal = rk_store_remove_rule_section (self->store, section, &error)))
    {
      rk_rules_page_show_error (self, error);
      rk_rules_page_load_editor (self);
      return;
    }

  /* The row that took its place is the natural next one to work on. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->section_selection)) > 0)
    gtk_single_selection_set_selected (self->section_selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->section_selection))
                                                      - 1));
  rk_rules_page_load_editor (self);

  escaped = g_markup_escape_text (title, -1);
  n_sections = rk_rule_removal_get_n_sections (removal->removal);
  if (n_sections > 1)
    /* Translators: a toast; %1$s is the section's number and heading, %2$u how many subsections went with it. */
    message = g_strdup_printf (ngettext ("“%1$s” and %2$u subsection removed", "“%1$s” and %2$u subsections removed",
                                         n_sections - 1), escaped, n_sections - 1);
  else
    /* Translators: a toast; %s is the section's number and heading. */
    message = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, message, G_OBJECT (removal), undo_removal);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rk_widget_undo (widget);
}

static void
add_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  GtkWidget *last;

  rk_rules_page_append_field_row (self, NULL);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->field_list));
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (last), "label-entry"));
}

static void
save_fields_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rk_rules_page_save_fields (self, &error))
    rk_rules_page_show_error (self, error);
  else
    rk_widget_add_toast (widget, adw_toast_new (_("Form fields saved")));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rk_rules_page_save (RK_RULES_PAGE (widget));
}

/* ---- Selection actions ------------------------------------------------------------------------------------------- */

static void
select_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  RkRuleDocument *document = rk_store_find_rule_document (self->store, g_variant_get_int64 (parameter));

  if (document != NULL)
    rk_rules_page_set_document (self, document);
}

static void
select_version_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  RkRuleVersion *version = rk_rules_page_find_version (self, g_variant_get_int64 (parameter));

  if (version != NULL)
    rk_rules_page_set_version (self, version);
}

static void
select_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);

  rk_rules_page_select_section (self, rk_rules_page_find_section (self, g_variant_get_int64 (parameter)));
}

/* ---- New documents ----------------------------------------------------------------------------------------------- */

static gboolean
rk_rules_page_new_rule (RkRulesPage  *self,
                        const char   *template_id,
                        const char   *title,
                        GError      **error)
{
  RkRuleTemplate *template = NULL;
  g_autoptr(RkRuleDocument) document = NULL;
  g_autoptr(GPtrArray) for_kind = NULL;
  const RkRuleSectionSpec *specs = NULL;
  RkRuleDocumentInfo info = { title, "" };
  guint n_specs = 0;

  if (template_id != NULL && template_id[0] != '\0')
    {
      /* A template's id, or a rule kind's (its first template). */
      if (!(template = rk_rule_templates_find (template_id)))
        {
          for_kind = rk_rule_templates_list_for_kind (template_id);
          if (for_kind->len > 0)
            template = g_ptr_array_index (for_kind, 0);
        }
      if (template == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no rule template “%s”."), template_id);
          return FALSE;
        }
      specs = rk_rule_template_get_sections (template, &n_specs);
      info.kind = rk_rule_template_get_kinds (template)[0];
      if (title == NULL || title[0] == '\0')
        info.title = rk_rule_template_get_title (template);
    }

  if (!rk_rules_page_flush_or_report (self))
    return TRUE;
  if (!(document = rk_store_add_rule_document (self->store, &info, specs, n_specs, error)))
    return FALSE;

  rk_rules_page_set_document (self, document);
  return TRUE;
}

static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  const char *template_id, *title;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &template_id, &title);
  if (!rk_rules_page_new_rule (self, template_id, title, &error))
    rk_rules_page_show_error (self, error);
}

typedef struct {
  RkRulesPage *page;
  GtkEditable *title_entry;
  GtkDropDown *template_drop_down;
  /* The title follows the chosen template until the user types one. */
  gboolean     title_edited;
  gboolean     setting_title;
} NewRuleDialog;

static RkRuleTemplate *
new_rule_dialog_get_template (NewRuleDialog *data)
{
  guint selected = gtk_drop_down_get_selected (data->template_drop_down);
  GListModel *templates = rk_rule_templates_get_default ();
  g_autoptr(RkRuleTemplate) template = NULL;

  /* Item 0 is "Empty rule". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  template = g_list_model_get_item (templates, selected - 1);
  return template;
}

static void
new_rule_template_selected_cb (NewRuleDialog *data)
{
  RkRuleTemplate *template = new_rule_dialog_get_template (data);

  if (data->title_edited)
    return;

  data->setting_title = TRUE;
  gtk_editable_set_text (data->title_entry, template != NULL ? rk_rule_template_get_title (template) : "");
  data->setting_title = FALSE;
}

static void
new_rule_title_changed_cb (NewRuleDialog *data)
{
  if (!data->setting_title)
    data->title_edited = gtk_editable_get_text (data->title_entry)[0] != '\0';
}

static void
new_rule_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NewRuleDialog    *data)
{
  RkRuleTemplate *template = new_rule_dialog_get_template (data);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  if (!rk_rules_page_new_rule (data->page, template != NULL ? rk_rule_template_get_id (template) : "",
                               gtk_editable_get_text (data->title_entry), &error))
    rk_rules_page_show_error (data->page, error);
}

static void
new_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  GListModel *templates = rk_rule_templates_get_default ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog, *box, *title_entry, *drop_down, *label;
  NewRuleDialog *data;

  gtk_string_list_append (names, _("Empty rule"));
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(RkRuleTemplate) template = g_list_model_get_item (templates, i);

      gtk_string_list_append (names, rk_rule_template_get_title (template));
    }

  dialog = rk_widget_new_confirm_dialog (widget, _("New Rule"),
                                         _("Start empty, or from a template with example clauses and annex forms to edit."),
                                         "create", _("C_reate"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Template"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  label = gtk_label_new_with_mnemonic (_("T_itle"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  title_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (title_entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), title_entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), title_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  rk_accessible_name_drop_down (GTK_DROP_DOWN (drop_down), _("Template"));

  data = g_new0 (NewRuleDialog, 1);
  data->page = self;
  data->title_entry = GTK_EDITABLE (title_entry);
  data->template_drop_down = GTK_DROP_DOWN (drop_down);
  g_object_set_data_full (G_OBJECT (dialog), "rk-new-rule", data, g_free);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (new_rule_template_selected_cb), data);
  g_signal_connect_swapped (title_entry, "changed", G_CALLBACK (new_rule_title_changed_cb), data);
  g_signal_connect (dialog, "response", G_CALLBACK (new_rule_response_cb), data);
  /* Templates first: most councils start from one. */
  if (g_list_model_get_n_items (templates) > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  new_rule_template_selected_cb (data);

  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Versions' actions ------------------------------------------------------------------------------------------- */

static gboolean
rk_rules_page_freeze (RkRulesPage  *self,
                      const char   *label,
                      const char   *date,
                      GError      **error)
{
  RkRuleVersionInfo info;

  if (self->version == NULL)
    return TRUE;
  if (!rk_rules_page_flush (self, error))
    {
      /* The caller shows the error; the editor shows what is stored, so freezing again works. */
      rk_rules_page_revert_refused (self);
      return FALSE;
    }

  rk_rule_version_get_info (self->version, &info);
  info.label = label;
  info.version_date = date;
  return rk_store_freeze_rule_version (self->store, self->version, &info, error);
}

static void
freeze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *label, *date;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &label, &date);
  if (!rk_rules_page_freeze (RK_RULES_PAGE (widget), label, date, &error))
    rk_rules_page_show_error (RK_RULES_PAGE (widget), error);
}

static void
freeze_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RkRulesPage      *self)
{
  GtkEditable *label = g_object_get_data (G_OBJECT (dialog), "label-entry");
  GtkEditable *date = g_object_get_data (G_OBJECT (dialog), "date-entry");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "freeze") == 0
      && !rk_rules_page_freeze (self, gtk_editable_get_text (label), gtk_editable_get_text (date), &error))
    rk_rules_page_show_error (self, error);
}

static void
freeze_dialog_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  GtkWidget *dialog, *box, *label, *label_entry, *date_entry;
  g_autofree char *today_text = NULL;
  GDate today;

  /* Refused text in the editor is reported now, not after the user has filled in the dialog. */
  if (self->version == NULL || !rk_rules_page_flush_or_report (self))
    return;

  rk_era_get_today (&today);
  today_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today));

  dialog = rk_widget_new_confirm_dialog (widget, _("Freeze Version"),
                                         _("A frozen version can no longer be edited; its status can still change. "
                                           "Start a new draft from it to go on."),
                                         "freeze", _("_Freeze"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Label"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  label_entry = gtk_entry_new ();
  /* Translators: an example of a version label, in the placeholder of its entry. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (label_entry), _("e.g. 第2版 素案"));
  gtk_editable_set_text (GTK_EDITABLE (label_entry), rk_rule_version_get_label (self->version));
  gtk_entry_set_activates_default (GTK_ENTRY (label_entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), label_entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), label_entry);
  label = gtk_label_new_with_mnemonic (_("_Date (YYYY-MM-DD)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  date_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (date_entry), today_text);
  gtk_entry_set_activates_default (GTK_ENTRY (date_entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), date_entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), date_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "label-entry", label_entry);
  g_object_set_data (G_OBJECT (dialog), "date-entry", date_entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (freeze_response_cb), self, 0);

  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
branch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  g_autoptr(RkRuleVersion) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->version == NULL || !rk_rules_page_flush_or_report (self))
    return;

  if (!(draft = rk_store_branch_rule_version (self->store, self->version, NULL, &error)))
    {
      rk_rules_page_show_error (self, error);
      return;
    }
  rk_rules_page_set_version (self, draft);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  int status = g_variant_get_int32 (parameter);

  if (status < RK_RULE_VERSION_DRAFT || status > RK_RULE_VERSION_REVIEW)
    return;
  /* The drop-down writes the status (status_selected_cb), as a click would. */
  gtk_drop_down_set_selected (self->status_drop_down, (guint) status);
}

/* ---- Compare and export ------------------------------------------------------------------------------------------ */

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (self->version == NULL || !rk_rules_page_flush_or_report (self))
    return;

  /* The selected version against the one it was drafted from (the window picks one when there is none). */
  window = rk_rule_compare_new (self->store, rk_rule_document_get_id (self->document),
                                rk_rule_version_get_based_on_id (self->version),
                                rk_rule_version_get_id (self->version));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_akn_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);

  if (self->version != NULL && rk_rules_page_flush_or_report (self))
    rk_rules_export_akn (widget, self->store, rk_rule_version_get_id (self->version));
}

static void
export_akn_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->version == NULL || !rk_rules_page_flush_or_report (self))
    return;

  if (!rk_rules_export_akn_to_path (self->store, rk_rule_version_get_id (self->version),
                                    g_variant_get_string (parameter, NULL), &error))
    rk_rules_page_show_error (self, error);
}

/* ---- The selected form as a fill-in form (PDF, print) ------------------------------------------------------------ */

/* The selected form laid out, or NULL (the error shown) when it is not a form or its fields cannot be read.
 * @title_out: 「【様式1】救急医療情報シート」 for the job name and the suggested file name. */
static RkPdfDocument *
rk_rules_page_build_form (RkRulesPage  *self,
                          char        **title_out)
{
  RkRuleSection *section = rk_rules_page_get_selected_section (self);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *number, *heading;

  if (section == NULL || rk_rule_section_get_kind (section) != RK_RULE_SECTION_FORM ||
      !rk_rules_page_flush_or_report (self))
    return NULL;

  if (!(fields = rk_store_list_form_fields (self->store, section, &error)))
    {
      rk_rules_page_show_error (self, error);
      return NULL;
    }

  number = rk_rule_section_get_number (section);
  heading = rk_rule_section_get_heading (section);
  if (title_out != NULL)
    *title_out = number != NULL && *number != '\0' ? g_strdup_printf ("【%s】%s", number, heading)
                                                   : g_strdup (heading);
  return rk_form_pdf_build (rk_council_get_name (rk_store_get_council (self->store)), number, heading,
                            (const RkFormField *const *) fields->pdata, fields->len);
}

static void
rk_rules_page_export_form (RkRulesPage *self,
                           const char  *path)
{
  RkRuleSection *section = rk_rules_page_get_selected_section (self);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;

  if (section == NULL || rk_rule_section_get_kind (section) != RK_RULE_SECTION_FORM ||
      !rk_rules_page_flush_or_report (self))
    return;

  if (!(fields = rk_store_list_form_fields (self->store, section, &error)) ||
      !rk_form_pdf_export (rk_council_get_name (rk_store_get_council (self->store)),
                           rk_rule_section_get_number (section), rk_rule_section_get_heading (section),
                           (const RkFormField *const *) fields->pdata, fields->len, path, NULL, &error))
    {
      rk_rules_page_show_error (self, error);
      return;
    }
  rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Form exported")));
}

static void
print_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  g_autoptr(RkPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!(document = rk_rules_page_build_form (self, &title)))
    return;
  if (!rk_widget_print_document (widget, document, title, GTK_PAGE_ORIENTATION_PORTRAIT, &error))
    rk_widget_show_error (widget, _("Could Not Print the Form"), error);
}

static void
export_form_chosen_cb (GtkWidget  *widget,
                       const char *path,
                       gpointer    data)
{
  rk_rules_page_export_form (RK_RULES_PAGE (widget), path);
}

static void
export_form_pdf_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  RkRuleSection *section = rk_rules_page_get_selected_section (self);
  g_autofree char *name = NULL;
  const char *number;

  if (section == NULL || rk_rule_section_get_kind (section) != RK_RULE_SECTION_FORM)
    return;

  /* "様式1 救急医療情報シート.pdf" */
  number = rk_rule_section_get_number (section);
  name = number != NULL && *number != '\0'
           ? g_strdup_printf ("%s %s.pdf", number, rk_rule_section_get_heading (section))
           : g_strdup_printf ("%s.pdf", rk_rule_section_get_heading (section));
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  rk_widget_choose_path (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Form as PDF"), name, _("PDF Documents"),
                         "application/pdf", "pdf", export_form_chosen_cb, NULL);
}

static void
export_form_pdf_to_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  rk_rules_page_export_form (RK_RULES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* ---- Cross-references ------------------------------------------------------------------------------------------- */

/* Puts the token for @uid at the cursor of the body; the usual pause then saves it. FALSE (with a bell) when there is
 * nothing to insert into or @uid is not a section of the version: a token to nowhere would read "(missing reference)". */
static gboolean
rk_rules_page_insert_reference (RkRulesPage *self,
                                const char  *uid)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *citation = NULL;
  g_autofree char *token = NULL;

  if (self->editing == NULL || rk_rules_page_is_frozen (self) || !rk_rule_uid_is_valid (uid)
      || g_strcmp0 (uid, rk_rule_section_get_uid (self->editing)) == 0
      || !(citation = lookup_citation_cb (uid, rk_rules_page_get_sections (self))))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  token = rk_rule_body_make_ref (uid);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, token, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  return TRUE;
}

static void
insert_reference_to_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  rk_rules_page_insert_reference (RK_RULES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* How a section is listed in the dialog: its citation and heading, or for a paragraph without heading the start of
 * its text, so that 第2の1 and 第2の2 can be told apart. */
static char *
dup_reference_title (RkRulesPage   *self,
                     RkRuleSection *section)
{
  const char *heading = rk_rule_section_get_heading (section);
  g_autofree char *body = NULL;

  if (heading != NULL && *heading != '\0')
    return g_strdup_printf ("%s %s", rk_rule_section_get_citation (section), heading);

  body = rk_store_render_rule_body (self->store, section);
  g_strstrip (g_strdelimit (body, "\r\n\t", ' '));
  if (*body == '\0')
    return g_strdup (rk_rule_section_get_citation (section));
  if (g_utf8_strlen (body, -1) > 20)
    {
      g_autofree char *cut = g_utf8_substring (body, 0, 20);

      /* "第2の1 救急隊は、搬送先の医療機関に…": the ellipsis says the text goes on. */
      return g_strdup_printf ("%s %s…", rk_rule_section_get_citation (section), cut);
    }
  return g_strdup_printf ("%s %s", rk_rule_section_get_citation (section), body);
}

static void
insert_reference_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RkRulesPage      *self)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "drop-down");
  GPtrArray *uids = g_object_get_data (G_OBJECT (dialog), "uids");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (g_strcmp0 (response, "insert") == 0 && selected < uids->len)
    rk_rules_page_insert_reference (self, g_ptr_array_index (uids, selected));
}

static void
insert_reference_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RkRulesPage *self = RK_RULES_PAGE (widget);
  GListModel *sections = rk_rules_page_get_sections (self);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dialog, *box, *label, *drop_down;

  if (self->editing == NULL || rk_rules_page_is_frozen (self) || sections == NULL)
    {
      g_ptr_array_unref (uids);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (sections, i);
      g_autofree char *title = NULL;

      /* A section citing itself says nothing. */
      if (section == self->editing)
        continue;
      title = dup_reference_title (self, section);
      gtk_string_list_append (titles, title);
      g_ptr_array_add (uids, g_strdup (rk_rule_section_get_uid (section)));
    }
  if (uids->len == 0)
    {
      g_ptr_array_unref (uids);
      gtk_widget_error_bell (widget);
      return;
    }

  dialog = rk_widget_new_confirm_dialog (widget, _("Insert Reference"),
                                         _("The reference shows the section's current number, and follows it when "
                                           "sections are moved or added."),
                                         "insert", _("_Insert"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Section"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (titles)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "drop-down", drop_down);
  g_object_set_data_full (G_OBJECT (dialog), "uids", uids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (insert_reference_response_cb), self, 0);

  rk_accessible_name_drop_down (GTK_DROP_DOWN (drop_down), _("Section to refer to"));
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ----------------------------------------------------------------------------------------------------- */

static void
rk_rules_page_constructed (GObject *object)
{
  RkRulesPage *self = RK_RULES_PAGE (object);
  GListModel *documents;
  g_autoptr(RkRuleDocument) first = NULL;

  G_OBJECT_CLASS (rk_rules_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  documents = rk_store_get_rule_documents (self->store);
  gtk_list_box_bind_model (self->document_list, documents, create_document_row, NULL, NULL);
  g_signal_connect_object (documents, "items-changed", G_CALLBACK (documents_changed_cb), self, G_CONNECT_SWAPPED);
  documents_changed_cb (self);

  if ((first = g_list_model_get_item (documents, 0)) != NULL)
    rk_rules_page_set_document (self, first);
  else
    rk_rules_page_load_editor (self);
}

static void
rk_rules_page_dispose (GObject *object)
{
  RkRulesPage *self = RK_RULES_PAGE (object);

  /* Typing of the last moments is not lost when the council closes. */
  if (self->store != NULL)
    rk_rules_page_save (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  rk_widget_forget_undo (GTK_WIDGET (self));
  if (self->section_view != NULL)
    gtk_list_view_set_model (self->section_view, NULL);
  if (self->version != NULL)
    g_signal_handlers_disconnect_by_func (self->version, version_changed_cb, self);
  g_clear_object (&self->section_selection);
  g_clear_object (&self->editing);
  g_clear_object (&self->version);
  g_clear_object (&self->document);

  /* AdwBin unparents its child (the template's content) itself. */
  G_OBJECT_CLASS (rk_rules_page_parent_class)->dispose (object);
}

static void
rk_rules_page_finalize (GObject *object)
{
  RkRulesPage *self = RK_RULES_PAGE (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_rules_page_parent_class)->finalize (object);
}

static void
rk_rules_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RkRulesPage *self = RK_RULES_PAGE (object);

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
rk_rules_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RkRulesPage *self = RK_RULES_PAGE (object);

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
rk_rules_page_class_init (RkRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_rules_page_constructed;
  object_class->dispose = rk_rules_page_dispose;
  object_class->finalize = rk_rules_page_finalize;
  object_class->get_property = rk_rules_page_get_property;
  object_class->set_property = rk_rules_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, document_list);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, version_list);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, version_title);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, frozen_banner);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, section_view);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, heading_entry);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, rendered_label);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, form_box);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, field_list);
  gtk_widget_class_bind_template_child (widget_class, RkRulesPage, trace_expander);
  gtk_widget_class_bind_template_callback (widget_class, document_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed_cb);

  gtk_widget_class_install_action (widget_class, "rules.new-rule", NULL, new_rule_action);
  gtk_widget_class_install_action (widget_class, "rules.new-from-template", "(ss)", new_from_template_action);
  gtk_widget_class_install_action (widget_class, "rules.select-document", "x", select_document_action);
  gtk_widget_class_install_action (widget_class, "rules.select-version", "x", select_version_action);
  gtk_widget_class_install_action (widget_class, "rules.select-section", "x", select_section_action);
  gtk_widget_class_install_action (widget_class, "rules.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "rules.add-form", NULL, add_form_action);
  gtk_widget_class_install_action (widget_class, "rules.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "rules.outdent", NULL, outdent_action);
  gtk_widget_class_install_action (widget_class, "rules.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "rules.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "rules.remove-section", NULL, remove_section_action);
  gtk_widget_class_install_action (widget_class, "rules.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "rules.add-field", NULL, add_field_action);
  gtk_widget_class_install_action (widget_class, "rules.save-fields", NULL, save_fields_action);
  gtk_widget_class_install_action (widget_class, "rules.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "rules.insert-reference", NULL, insert_reference_action);
  gtk_widget_class_install_action (widget_class, "rules.insert-reference-to", "s", insert_reference_to_action);
  gtk_widget_class_install_action (widget_class, "rules.freeze-dialog", NULL, freeze_dialog_action);
  gtk_widget_class_install_action (widget_class, "rules.freeze", "(ss)", freeze_action);
  gtk_widget_class_install_action (widget_class, "rules.branch", NULL, branch_action);
  gtk_widget_class_install_action (widget_class, "rules.set-status", "i", set_status_action);
  gtk_widget_class_install_action (widget_class, "rules.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "rules.export-akn", NULL, export_akn_action);
  gtk_widget_class_install_action (widget_class, "rules.export-akn-to", "s", export_akn_to_action);
  gtk_widget_class_install_action (widget_class, "rules.print-form", NULL, print_form_action);
  gtk_widget_class_install_action (widget_class, "rules.export-form-pdf", NULL, export_form_pdf_action);
  gtk_widget_class_install_action (widget_class, "rules.export-form-pdf-to", "s", export_form_pdf_to_action);

  /* Ctrl+Return adds a section from anywhere on the page, the heading entry included. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "rules.add-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "rules.add-section", NULL);
}

static void
rk_rules_page_init (RkRulesPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *shortcuts;
  const struct { guint key; GdkModifierType mods; const char *action; } tree_keys[] = {
    { GDK_KEY_Tab, 0, "rules.indent" },
    { GDK_KEY_KP_Tab, 0, "rules.indent" },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "rules.outdent" },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, "rules.outdent" },
    { GDK_KEY_Up, GDK_ALT_MASK, "rules.move-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "rules.move-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "rules.move-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "rules.move-down" },
    { GDK_KEY_Delete, 0, "rules.remove-section" },
    { GDK_KEY_KP_Delete, 0, "rules.remove-section" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (RkRuleVersionStatus status = RK_RULE_VERSION_DRAFT; status <= RK_RULE_VERSION_REVIEW; status++)
    gtk_string_list_append (self->status_list, rk_rule_version_status_to_label (status));
  g_signal_connect_object (self->status_drop_down, "notify::selected", G_CALLBACK (status_selected_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (section_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (section_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (section_unbind_cb), NULL);
  gtk_list_view_set_factory (self->section_view, factory);
  g_object_unref (factory);

  /* The tree's keys belong to the section list only: Tab in the editor still moves the focus (or types a tab). */
  shortcuts = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (tree_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (tree_keys[i].key,
                                                                                    tree_keys[i].mods),
                                                            gtk_named_action_new (tree_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->section_view), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed", G_CALLBACK (editor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->trace_expander, "notify::expanded", G_CALLBACK (rk_rules_page_load_trace), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heading_entry, "activate", G_CALLBACK (rk_rules_page_save), self,
                           G_CONNECT_SWAPPED);

  rk_accessible_name_drop_down (self->status_drop_down, _("Status of the version"));
  rk_accessible_fix_names (GTK_WIDGET (self));
  rk_rules_page_update_actions (self);
}

GtkWidget *
rk_rules_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_RULES_PAGE, "store", store, NULL);
}

RkStore *
rk_rules_page_get_store (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return self->store;
}

RkRuleDocument *
rk_rules_page_get_selected_document (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return self->document;
}

RkRuleVersion *
rk_rules_page_get_selected_version (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return self->version;
}

RkRuleSection *
rk_rules_page_get_selected_section (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  if (self->section_selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->section_selection);
}

GListModel *
rk_rules_page_get_sections (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return self->section_selection != NULL ? gtk_single_selection_get_model (self->section_selection) : NULL;
}

GtkEditable *
rk_rules_page_get_heading_entry (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return GTK_EDITABLE (self->heading_entry);
}

GtkTextView *
rk_rules_page_get_body_view (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return self->body_view;
}

GtkWidget *
rk_rules_page_get_frozen_banner (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return GTK_WIDGET (self->frozen_banner);
}

GtkListBox *
rk_rules_page_get_field_list (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return self->field_list;
}

AdwToast *
rk_rules_page_get_undo_toast (RkRulesPage *self)
{
  g_return_val_if_fail (RK_IS_RULES_PAGE (self), NULL);

  return rk_widget_get_undo_toast (GTK_WIDGET (self));
}

/* test-rules-page.c — the 連携ルール page, driven like a user would through its actions (suite "ui", under Xvfb).
 *
 * A council is opened in a window; a rule is started from a template; a section is added after 第1 (it becomes 第2
 * and the old 第2 becomes 第3), indented under 第1 (it takes the next number there and the top level closes up),
 * edited, removed and restored with undo; the draft is frozen (edits refused by the store, the editor read-only,
 * the label saying so), a new draft is branched from it, compared with it and exported as Akoma Ntoso. The annex
 * form shows its fields and exports as a fill-in PDF. What is checked is the store and the editor's widgets, never pixels. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rk-rule-compare.h"
#include "rk-rule-template.h"
#include "rk-rules-page.h"
#include "rk-test-ui.h"

static RkRuleSection *
section_at (RkRulesPage *page,
            guint        position)
{
  g_autoptr(RkRuleSection) section = g_list_model_get_item (rk_rules_page_get_sections (page), position);

  g_assert_nonnull (section);
  /* Transfer none: the store's list keeps it. */
  return section;
}

static guint
count_children (RkRulesPage   *page,
                RkRuleSection *parent)
{
  GListModel *sections = rk_rules_page_get_sections (page);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (sections, i);

      n += g_strcmp0 (rk_rule_section_get_parent_uid (section), rk_rule_section_get_uid (parent)) == 0
           && rk_rule_section_get_kind (section) == RK_RULE_SECTION_TEXT;
    }

  return n;
}

static gboolean
undo_toast_shown (gpointer data)
{
  return rk_rules_page_get_undo_toast (data) != NULL;
}

static void
test_rules_page (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp_dir, "minato.renkei", NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  g_autoptr(RkRuleTemplate) template = NULL;
  RkRuleSection *first, *second, *added;
  RkRuleVersion *draft, *frozen;
  GListModel *sections;
  RkRulesPage *page;
  RkWindow *window;
  RkStore *store;
  guint n_sections, n_template, n_children;
  const RkRuleSectionSpec *specs;

  rk_test_create_council (path, &info);
  window = rk_test_open_council (path, "the council");
  store = rk_window_get_store (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  page = RK_RULES_PAGE (rk_window_get_page (window, "rules"));
  g_assert_true (RK_IS_RULES_PAGE (page));
  g_assert_true (rk_rules_page_get_store (page) == store);
  rk_test_spin (50);

  /* A new council has no rules: nothing selected, nothing to edit. */
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_documents (store)), ==, 0);
  g_assert_null (rk_rules_page_get_selected_version (page));
  g_assert_null (rk_rules_page_get_sections (page));

  /* An unknown template is refused with a toast; nothing is added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.new-from-template", "(ss)", "no-such", ""));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_documents (store)), ==, 0);

  /* From the first bundled template, with its title. */
  template = g_list_model_get_item (rk_rule_templates_get_default (), 0);
  g_assert_nonnull (template);
  specs = rk_rule_template_get_sections (template, &n_template);
  g_assert_cmpuint (n_template, >, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.new-from-template", "(ss)",
                                             rk_rule_template_get_id (template), ""));
  rk_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_documents (store)), ==, 1);
  g_assert_nonnull (rk_rules_page_get_selected_document (page));
  g_assert_cmpstr (rk_rule_document_get_title (rk_rules_page_get_selected_document (page)), ==,
                   rk_rule_template_get_title (template));
  draft = rk_rules_page_get_selected_version (page);
  g_assert_nonnull (draft);
  g_assert_false (rk_rule_version_get_frozen (draft));
  sections = rk_rules_page_get_sections (page);
  n_sections = g_list_model_get_n_items (sections);
  g_assert_cmpuint (n_sections, ==, n_template);
  g_assert_cmpstr (rk_rule_section_get_heading (section_at (page, 0)), ==, specs[0].heading);

  /* The first section is selected and shown in the editor. */
  first = section_at (page, 0);
  g_assert_true (rk_rules_page_get_selected_section (page) == first);
  g_assert_cmpstr (rk_rule_section_get_number (first), ==, "第1");
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==,
                   rk_rule_section_get_heading (first));

  /* An annex form shows its fields, one row each; a field without a label is refused and nothing changes. */
  {
    RkRuleSection *form = NULL;
    g_autoptr(GPtrArray) fields = NULL;
    guint n_rows = 0;

    for (guint i = 0; i < n_sections && form == NULL; i++)
      if (rk_rule_section_get_kind (section_at (page, i)) == RK_RULE_SECTION_FORM)
        form = section_at (page, i);
    g_assert_nonnull (form);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-section", "x",
                                               rk_rule_section_get_id (form)));
    g_assert_true (rk_rules_page_get_selected_section (page) == form);
    g_assert_cmpstr (rk_rule_section_get_number (form), ==, "様式1");
    fields = rk_store_list_form_fields (store, form, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fields->len, >, 0);
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (rk_rules_page_get_field_list (page))); row;
         row = gtk_widget_get_next_sibling (row))
      n_rows += GTK_IS_LIST_BOX_ROW (row);
    g_assert_cmpuint (n_rows, ==, fields->len);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.add-field", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.save-fields", NULL));
    g_clear_pointer (&fields, g_ptr_array_unref);
    fields = rk_store_list_form_fields (store, form, &error);
    g_assert_cmpuint (fields->len, ==, n_rows);

    /* Exported as a fill-in form: the file is there and carries the form's title. */
    {
      g_autofree char *pdf_path = g_build_filename (tmp_dir, "form.pdf", NULL);
      g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
      g_autofree char *title = g_strdup_printf ("【様式1】%s", rk_rule_section_get_heading (form));
      g_autofree char *text = NULL;
      PopplerDocument *pdf;
      PopplerPage *pdf_page;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.export-form-pdf-to", "s", pdf_path));
      g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
      pdf = poppler_document_new_from_file (uri, NULL, &error);
      g_assert_no_error (error);
      pdf_page = poppler_document_get_page (pdf, 0);
      text = poppler_page_get_text (pdf_page);
      g_assert_nonnull (strstr (text, title));
      g_object_unref (pdf_page);
      g_object_unref (pdf);
      g_assert_cmpint (g_unlink (pdf_path), ==, 0);
    }

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-section", "x",
                                               rk_rule_section_get_id (first)));
  }

  /* The top level's second section, found before the edit. */
  second = NULL;
  for (guint i = 1; i < n_sections && second == NULL; i++)
    if (rk_rule_section_get_depth (section_at (page, i)) == 0
        && rk_rule_section_get_kind (section_at (page, i)) == RK_RULE_SECTION_TEXT)
      second = section_at (page, i);
  g_assert_nonnull (second);
  g_object_ref (second);
  g_assert_cmpstr (rk_rule_section_get_number (second), ==, "第2");
  n_children = count_children (page, first);

  /* Ctrl+Return's action: a new sibling right after 第1; everything after it renumbers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.add-section", NULL));
  rk_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections + 1);
  added = rk_rules_page_get_selected_section (page);
  g_assert_nonnull (added);
  g_object_ref (added);
  g_assert_false (added == first);
  g_assert_cmpuint (rk_rule_section_get_depth (added), ==, 0);
  g_assert_cmpstr (rk_rule_section_get_number (added), ==, "第2");
  g_assert_cmpstr (rk_rule_section_get_number (second), ==, "第3");
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==, "");

  /* Typing a heading and a body; rules.save writes them without waiting for the pause. */
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), "救急搬送時の情報提供");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (rk_rules_page_get_body_view (page)),
                            "救急医療情報シートを提供する。", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.save", NULL));
  g_assert_cmpstr (rk_rule_section_get_heading (added), ==, "救急搬送時の情報提供");
  g_assert_cmpstr (rk_rule_section_get_body (added), ==, "救急医療情報シートを提供する。");

  /* A heading of only spaces is refused and stays in the entry: nothing is lost. */
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), "　 ");
  g_assert_false (rk_rules_page_flush (page, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (rk_rule_section_get_heading (added), ==, "救急搬送時の情報提供");
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==, "　 ");
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), "救急搬送時の情報提供");

  /* Saved as after the typing pause: refused once, and the entry shows the stored heading again, so the error is
   * not raised at every later save. */
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), "   ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.save", NULL));
  g_assert_cmpstr (rk_rule_section_get_heading (added), ==, "救急搬送時の情報提供");
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==, "救急搬送時の情報提供");
  g_assert_true (rk_rules_page_flush (page, &error));
  g_assert_no_error (error);
  /* A removal with refused text stops with the error: nothing removed, no undo toast; the entry is reverted. */
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), "\t ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.remove-section", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections + 1);
  g_assert_true (rk_rules_page_get_selected_section (page) == added);
  g_assert_null (rk_rules_page_get_undo_toast (page));
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==, "救急搬送時の情報提供");

  /* Tab's action: it becomes the last child of 第1, numbered after 第1's children; the old 第3 is 第2 again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.indent", NULL));
  rk_test_spin (20);
  {
    g_autofree char *expected = rk_rule_number_label (1, n_children);

    g_assert_cmpuint (rk_rule_section_get_depth (added), ==, 1);
    g_assert_cmpstr (rk_rule_section_get_parent_uid (added), ==, rk_rule_section_get_uid (first));
    g_assert_cmpstr (rk_rule_section_get_number (added), ==, expected);
    g_assert_cmpstr (rk_rule_section_get_number (second), ==, "第2");
    g_assert_true (rk_rules_page_get_selected_section (page) == added);
  }

  /* Shift+Tab's action puts it back at the top level, after 第1; Alt+Down's moves it after the next one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.outdent", NULL));
  g_assert_cmpuint (rk_rule_section_get_depth (added), ==, 0);
  g_assert_cmpstr (rk_rule_section_get_number (added), ==, "第2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.move-down", NULL));
  g_assert_cmpstr (rk_rule_section_get_number (added), ==, "第3");
  g_assert_cmpstr (rk_rule_section_get_number (second), ==, "第2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.move-up", NULL));
  g_assert_cmpstr (rk_rule_section_get_number (added), ==, "第2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (
                     gtk_widget_get_parent (GTK_WIDGET (rk_rules_page_get_heading_entry (page)))))), ==, "第2");

  /* Delete's action removes it with an undo toast; undo puts it back in its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.remove-section", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections);
  g_assert_cmpstr (rk_rule_section_get_number (second), ==, "第2");
  rk_test_wait_for (undo_toast_shown, page, "the undo toast");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.undo-remove", NULL));
  rk_test_spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections + 1);
  {
    RkRuleSection *restored = rk_rules_page_get_selected_section (page);

    g_assert_nonnull (restored);
    g_assert_cmpstr (rk_rule_section_get_uid (restored), ==, rk_rule_section_get_uid (added));
    g_assert_cmpstr (rk_rule_section_get_number (restored), ==, "第2");
    g_assert_cmpstr (rk_rule_section_get_heading (restored), ==, "救急搬送時の情報提供");
    g_assert_cmpstr (rk_rule_section_get_number (second), ==, "第3");
  }

  /* Status, then freezing: the version is read-only, in the store and on screen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.set-status", "i",
                                             (int) RK_RULE_VERSION_DISCUSSION));
  g_assert_cmpint (rk_rule_version_get_status (draft), ==, RK_RULE_VERSION_DISCUSSION);
  g_assert_false (gtk_widget_get_visible (rk_rules_page_get_frozen_banner (page)));
  /* A freeze with a heading of only spaces in the editor stops with the error (never silently); the entry shows the
   * stored heading again, the body typed with it is kept, and the next freeze is not blocked by it. */
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), "　");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (rk_rules_page_get_body_view (page)),
                            "救急医療情報シートを提供する。写しを保管する。", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.freeze", "(ss)", "第1版 素案", "2025-10-01"));
  g_assert_false (rk_rule_version_get_frozen (draft));
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==, "救急搬送時の情報提供");
  /* The restored section (undo made it anew under the same uid) is the one selected. */
  g_assert_cmpstr (rk_rule_section_get_heading (rk_rules_page_get_selected_section (page)), ==, "救急搬送時の情報提供");
  g_assert_cmpstr (rk_rule_section_get_body (rk_rules_page_get_selected_section (page)), ==,
                   "救急医療情報シートを提供する。写しを保管する。");
  /* Likewise before the freeze dialog opens. */
  gtk_editable_set_text (rk_rules_page_get_heading_entry (page), " ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.freeze-dialog", NULL));
  g_assert_cmpstr (gtk_editable_get_text (rk_rules_page_get_heading_entry (page)), ==, "救急搬送時の情報提供");
  g_assert_false (rk_rule_version_get_frozen (draft));
  /* A freeze without a label is refused. */
  gtk_widget_activate_action (GTK_WIDGET (page), "rules.freeze", "(ss)", "", "2025-10-01");
  g_assert_false (rk_rule_version_get_frozen (draft));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.freeze", "(ss)", "第1版 素案", "2025-10-01"));
  frozen = draft;
  g_assert_true (rk_rule_version_get_frozen (frozen));
  g_assert_cmpstr (rk_rule_version_get_label (frozen), ==, "第1版 素案");
  g_assert_cmpstr (rk_rule_version_get_version_date (frozen), ==, "2025-10-01");
  g_assert_cmpint (rk_rule_version_get_status (frozen), ==, RK_RULE_VERSION_DISCUSSION);
  g_assert_true (gtk_widget_get_visible (rk_rules_page_get_frozen_banner (page)));
  g_assert_false (gtk_editable_get_editable (rk_rules_page_get_heading_entry (page)));
  g_assert_false (gtk_text_view_get_editable (rk_rules_page_get_body_view (page)));
  /* The editing actions are off (they do nothing); the store refuses an edit all the same. */
  gtk_widget_activate_action (GTK_WIDGET (page), "rules.add-section", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "rules.indent", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "rules.remove-section", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections + 1);
  g_assert_cmpuint (rk_rule_section_get_depth (added), ==, 0);
  {
    RkRuleSectionInfo section_info = { RK_RULE_SECTION_TEXT, "書き換え", "" };

    g_assert_false (rk_store_update_rule_section (store, added, &section_info, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  /* Status still changes on a frozen version. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.set-status", "i",
                                             (int) RK_RULE_VERSION_FINAL));
  g_assert_cmpint (rk_rule_version_get_status (frozen), ==, RK_RULE_VERSION_FINAL);

  /* A new draft from it: selected, editable, the same sections under the same uids. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.branch", NULL));
  rk_test_spin (20);
  draft = rk_rules_page_get_selected_version (page);
  g_assert_false (draft == frozen);
  g_assert_false (rk_rule_version_get_frozen (draft));
  g_assert_cmpint (rk_rule_version_get_based_on_id (draft), ==, rk_rule_version_get_id (frozen));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_versions (store,
                                                rk_rules_page_get_selected_document (page))), ==, 2);
  sections = rk_rules_page_get_sections (page);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections + 1);
  g_assert_nonnull (rk_store_find_rule_section (store, draft, rk_rule_section_get_uid (added)));
  g_assert_false (gtk_widget_get_visible (rk_rules_page_get_frozen_banner (page)));
  g_assert_true (gtk_editable_get_editable (rk_rules_page_get_heading_entry (page)));
  g_assert_true (gtk_text_view_get_editable (rk_rules_page_get_body_view (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.add-section", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, n_sections + 2);

  /* Compare…: the new draft against the version it was drafted from. */
  {
    GtkWindow *compare;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.compare", NULL));
    compare = rk_test_wait_for_toplevel (RK_TYPE_RULE_COMPARE, "the compare window");
    g_assert_cmpint (rk_rule_compare_get_old_version_id (RK_RULE_COMPARE (compare)), ==,
                     rk_rule_version_get_id (frozen));
    g_assert_cmpint (rk_rule_compare_get_new_version_id (RK_RULE_COMPARE (compare)), ==,
                     rk_rule_version_get_id (draft));
    gtk_window_destroy (compare);
    rk_test_spin (20);
  }

  /* Export as Akoma Ntoso (the page menu's item, without the save dialog). */
  {
    g_autofree char *xml_path = g_build_filename (tmp_dir, "rule.xml", NULL);
    g_autofree char *xml = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.export-akn-to", "s", xml_path));
    g_assert_true (g_file_get_contents (xml_path, &xml, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (xml, "akomaNtoso"));
    g_assert_nonnull (strstr (xml, "救急搬送時の情報提供"));
    g_unlink (xml_path);
  }

  /* Selecting the frozen version again by id shows it read-only again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-version", "x",
                                             rk_rule_version_get_id (frozen)));
  g_assert_true (rk_rules_page_get_selected_version (page) == frozen);
  g_assert_true (gtk_widget_get_visible (rk_rules_page_get_frozen_banner (page)));
  g_assert_cmpuint (g_list_model_get_n_items (rk_rules_page_get_sections (page)), ==, n_sections + 1);

  g_object_unref (added);
  g_object_unref (second);
  rk_test_close_window (window);
}

/* The preview under the body ("Reads as: …"), or NULL while it is hidden. */
static const char *
find_preview (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
          && g_str_has_prefix ((text = gtk_label_get_text (GTK_LABEL (child))), "Reads as: "))
        return text;
      if ((text = find_preview (child)) != NULL)
        return text;
    }

  return NULL;
}

static void
body_set_text_with_cursor_at_end (RkRulesPage *page,
                                  const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (rk_rules_page_get_body_view (page));
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* A reference from one section to another is inserted at the cursor, saved as a token and read with the target's
 * number, which follows the target when it moves. */
static void
test_insert_reference (void)
{
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), "xref.renkei", NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  g_autoptr(RkRuleTemplate) template = g_list_model_get_item (rk_rule_templates_get_default (), 0);
  g_autoptr(RkRuleSection) target = NULL;
  g_autofree char *token = NULL;
  g_autofree char *old_citation = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *rendered = NULL;
  GtkTextBuffer *buffer;
  RkRuleSection *source;
  RkRulesPage *page;
  RkWindow *window;
  RkStore *store;
  guint n_sections;

  rk_test_create_council (path, &info);
  window = rk_test_open_council (path, "the council");
  store = rk_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  page = RK_RULES_PAGE (rk_window_get_page (window, "rules"));
  g_assert_nonnull (template);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.new-from-template", "(ss)",
                                             rk_rule_template_get_id (template), ""));
  rk_test_spin (50);
  n_sections = g_list_model_get_n_items (rk_rules_page_get_sections (page));
  buffer = gtk_text_view_get_buffer (rk_rules_page_get_body_view (page));

  /* 第1 refers to 第2, a top-level text section followed by another one, so that it can move down. */
  source = section_at (page, 0);
  for (guint i = 1; i < n_sections && target == NULL; i++)
    if (rk_rule_section_get_depth (section_at (page, i)) == 0
        && rk_rule_section_get_kind (section_at (page, i)) == RK_RULE_SECTION_TEXT)
      target = g_object_ref (section_at (page, i));
  g_assert_nonnull (target);
  g_assert_cmpstr (rk_rule_section_get_number (target), ==, "第2");
  g_assert_true (rk_rules_page_get_selected_section (page) == source);
  g_assert_null (find_preview (GTK_WIDGET (page)));

  /* Unknown uids and the section itself are refused: the text does not change. */
  body_set_text_with_cursor_at_end (page, "詳細は");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.insert-reference-to", "s", "no-such-uid"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.insert-reference-to", "s",
                                             rk_rule_section_get_uid (source)));
  {
    g_autofree char *text = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "詳細は");
  }

  /* Inserted at the cursor, between the typed text; the preview reads it at once, before it is saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.insert-reference-to", "s",
                                             rk_rule_section_get_uid (target)));
  gtk_text_buffer_insert_at_cursor (buffer, "を参照する。", -1);
  old_citation = g_strdup (rk_rule_section_get_citation (target));
  g_assert_cmpstr (old_citation, ==, "第2");
  expected = g_strdup_printf ("Reads as: 詳細は%sを参照する。", old_citation);
  g_assert_cmpstr (find_preview (GTK_WIDGET (page)), ==, expected);

  /* Saved as the token, rendered with the target's number. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.save", NULL));
  token = rk_rule_body_make_ref (rk_rule_section_get_uid (target));
  g_assert_nonnull (strstr (rk_rule_section_get_body (source), token));
  {
    g_autofree char *stored = g_strdup_printf ("詳細は%sを参照する。", token);

    g_assert_cmpstr (rk_rule_section_get_body (source), ==, stored);
  }
  rendered = rk_store_render_rule_body (store, source);
  g_assert_cmpstr (rendered, ==, "詳細は第2を参照する。");
  g_clear_pointer (&rendered, g_free);

  /* The target moves down: the stored body is unchanged and reads with its new number. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-section", "x",
                                             rk_rule_section_get_id (target)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.move-down", NULL));
  rk_test_spin (20);
  g_assert_cmpstr (rk_rule_section_get_number (target), ==, "第3");
  rendered = rk_store_render_rule_body (store, source);
  g_assert_cmpstr (rendered, ==, "詳細は第3を参照する。");
  g_clear_pointer (&rendered, g_free);

  /* Indented under 第1 it is cited through it; back at 第1 the preview shows that. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.indent", NULL));
  rk_test_spin (20);
  g_assert_cmpuint (rk_rule_section_get_depth (target), ==, 1);
  rendered = rk_store_render_rule_body (store, source);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("詳細は%sを参照する。", rk_rule_section_get_citation (target));
  g_assert_cmpstr (rendered, ==, expected);
  g_assert_true (g_str_has_prefix (rk_rule_section_get_citation (target), "第"));
  g_assert_nonnull (strstr (rk_rule_section_get_citation (target), "の"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-section", "x",
                                             rk_rule_section_get_id (source)));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Reads as: %s", rendered);
  g_assert_cmpstr (find_preview (GTK_WIDGET (page)), ==, expected);

  /* The dialog lists the other sections; its first entry is inserted on "insert". */
  body_set_text_with_cursor_at_end (page, "");
  g_assert_null (find_preview (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "rules.insert-reference", NULL));
  rk_test_spin (20);
  {
    g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;
    g_autofree char *text = NULL;
    g_autofree char *first_ref = NULL;
    g_autoptr(RkRuleSection) listed = g_list_model_get_item (rk_rules_page_get_sections (page), 1);
    GtkTextIter start, end;

    g_object_ref (toplevels);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "insert");
    rk_test_spin (20);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    first_ref = rk_rule_body_make_ref (rk_rule_section_get_uid (listed));
    g_assert_cmpstr (text, ==, first_ref);
    g_assert_nonnull (find_preview (GTK_WIDGET (page)));
  }
  g_assert_true (rk_rules_page_flush (page, &error));
  g_assert_no_error (error);

  rk_test_close_window (window);
}

/* With RK_SCREENSHOT_DIR set: the page with the demo council (its two rule documents) at 1280×800. */
static void
test_screenshot (void)
{
  const char *dir = g_getenv ("RK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), "demo.renkei", NULL);
  g_autofree char *file = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  RkRulesPage *page;
  RkWindow *window;
  int status = 0;

  if (dir == NULL)
    {
      g_test_skip ("RK_SCREENSHOT_DIR is not set");
      return;
    }

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  window = rk_test_open_council (path, "the demo council");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules");
  page = RK_RULES_PAGE (rk_window_get_page (window, "rules"));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_documents (rk_window_get_store (window))), ==, 2);
  g_assert_nonnull (rk_rules_page_get_selected_version (page));
  /* A section a few rows down, so the editor shows a body. */
  if (g_list_model_get_n_items (rk_rules_page_get_sections (page)) > 2)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (rk_rules_page_get_sections (page), 2);

      gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-section", "x", rk_rule_section_get_id (section));
    }
  rk_test_spin (700);

  file = g_build_filename (dir, "rules-1280.png", NULL);
  quoted = g_shell_quote (file);
  command = g_strdup_printf ("import -window root -crop %dx%d+0+0 +repage %s",
                             gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                             quoted);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("Saved %s", file);

  /* The first annex form (様式1): its fields and buttons fit the window, nothing past its right edge. */
  for (guint i = 0; i < g_list_model_get_n_items (rk_rules_page_get_sections (page)); i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (rk_rules_page_get_sections (page), i);

      if (rk_rule_section_get_kind (section) != RK_RULE_SECTION_FORM)
        continue;
      gtk_widget_activate_action (GTK_WIDGET (page), "rules.select-section", "x", rk_rule_section_get_id (section));
      break;
    }
  rk_test_spin (700);
  {
    GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (rk_rules_page_get_field_list (page)));
    graphene_rect_t bounds;

    g_assert_nonnull (last);
    g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (window), &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  }
  g_free (file);
  g_free (quoted);
  g_free (command);
  file = g_build_filename (dir, "rules-1280-form.png", NULL);
  quoted = g_shell_quote (file);
  command = g_strdup_printf ("import -window root -crop %dx%d+0+0 +repage %s",
                             gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                             quoted);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("Saved %s", file);

  rk_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  rk_test_ui_init (&argc, &argv, "renkei-test-rules-page-XXXXXX");

  g_test_add_func ("/rules-page/template-edit-freeze-branch", test_rules_page);
  g_test_add_func ("/rules-page/insert-reference", test_insert_reference);
  g_test_add_func ("/rules-page/screenshot", test_screenshot);

  return rk_test_ui_run ();
}

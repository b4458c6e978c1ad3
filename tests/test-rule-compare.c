/* test-rule-compare.c — the comparison window (ui/rk-rule-compare.h), the trace panel (ui/rk-section-trace.h) and
 * the Akoma Ntoso export (ui/rk-rules-export.h).
 *
 * The comparison is of two versions of a small rule with known edits: a section inserted (so the later ones are
 * renumbered) and a phrase inserted into a body; the change stops, the inline text and where next/previous land are
 * checked, in both modes. The trace links a section of the demo council to a decision and a challenge and removes
 * the links again; the export of the demo's 第2版 is validated against the OASIS schema at $RK_AKN_SCHEMA.
 *
 * With RK_SCREENSHOT_DIR set, the demo's 急変時・救急搬送時の連携ルール 第1版 vs 第2版 is saved at 1280×800. */
#include <glib/gi18n.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#include "rk-rule-compare.h"
#include "rk-rules-export.h"
#include "rk-section-trace.h"
#include "rk-store-meetings.h"
#include "rk-store-rules.h"
#include "rk-test-ui.h"
#include "rk-test-core.h"

static RkStore *
create_store (const char *name)
{
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo council = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
  };
  RkStore *store = rk_store_create (path, &council, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static RkStore *
open_demo (const char *name)
{
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), name, NULL);

  return rk_test_open_demo (path);
}

static RkRuleDocument *
find_document (RkStore    *store,
               const char *title)
{
  GListModel *documents = rk_store_get_rule_documents (store);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RkRuleDocument) document = g_list_model_get_item (documents, i);

      if (g_strcmp0 (rk_rule_document_get_title (document), title) == 0)
        return document;
    }
  g_assert_not_reached ();
}

static char *
buffer_text (GtkTextBuffer *buffer,
             int            start,
             int            end)
{
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  if (end < 0)
    gtk_text_buffer_get_end_iter (buffer, &end_iter);
  else
    gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  return gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
}

static char *
selected_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_tag_throughout (GtkTextBuffer *buffer,
                    int            start,
                    int            end,
                    const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  g_assert_nonnull (tag);
  for (int i = start; i < end; i++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, i);
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }
  return TRUE;
}

/* The side-by-side text views in grid order (old, new, old, new …), after the two column titles. */
static GPtrArray *
side_views (RkRuleCompare *compare)
{
  GPtrArray *views = g_ptr_array_new ();
  GtkWidget *grid = gtk_widget_get_first_child (GTK_WIDGET (compare));
  GPtrArray *stack = g_ptr_array_new ();

  /* Depth-first search for the GtkGrid: the template keeps it private. */
  g_ptr_array_add (stack, grid);
  grid = NULL;
  while (stack->len > 0 && grid == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_GRID (widget))
        grid = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  g_assert_nonnull (grid);

  for (int row = 1; gtk_grid_get_child_at (GTK_GRID (grid), 0, row) != NULL; row++)
    {
      g_ptr_array_add (views, gtk_grid_get_child_at (GTK_GRID (grid), 0, row));
      g_ptr_array_add (views, gtk_grid_get_child_at (GTK_GRID (grid), 1, row));
    }
  return views;
}

/* ---- Compare ----------------------------------------------------------------------------------------------- */

static void
test_compare (void)
{
  g_autoptr(RkStore) store = create_store ("compare.renkei");
  g_autoptr(GError) error = NULL;
  static const RkRuleSectionSpec specs[] = {
    { "purpose", -1, RK_RULE_SECTION_TEXT, "目的", "本人の意思を尊重する。", NULL, 0 },
    { "scope", -1, RK_RULE_SECTION_TEXT, "対象", "在宅療養者を対象とする。", NULL, 0 },
    { "contacts", -1, RK_RULE_SECTION_TEXT, "連絡先", "主治医に連絡する。", NULL, 0 },
  };
  RkRuleDocumentInfo info = { .title = "急変時・救急搬送時の連携ルール", .kind = "emergency" };
  g_autoptr(RkRuleDocument) document = rk_store_add_rule_document (store, &info, specs, G_N_ELEMENTS (specs),
                                                                   &error);
  RkRuleVersionInfo freeze = { .label = "第1版", .version_date = "2025-02-18", .status = RK_RULE_VERSION_FINAL };
  RkRuleVersion *first;
  g_autoptr(RkRuleVersion) second = NULL;
  RkRuleSectionInfo definitions = { RK_RULE_SECTION_TEXT, "定義", "この規則で「かかりつけ医」とは、主治医をいう。" };
  RkRuleSectionInfo scope = { RK_RULE_SECTION_TEXT, "対象", "在宅療養者及び施設入所者を対象とする。" };
  g_autoptr(RkRuleSection) added = NULL;
  g_autoptr(GPtrArray) views = NULL;
  GtkWidget *widget;
  RkRuleCompare *compare;
  GtkTextBuffer *buffer;
  const RkRuleDiff *diff;
  const RkRuleDiffChange *change;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  int start, end;

  g_assert_no_error (error);
  first = rk_store_get_latest_rule_version (store, document);
  g_assert_true (rk_store_freeze_rule_version (store, first, &freeze, &error));
  g_assert_no_error (error);
  second = rk_store_branch_rule_version (store, first, "第2版", &error);
  g_assert_no_error (error);
  added = rk_store_add_rule_section (store, second, NULL, 1, &definitions, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_update_rule_section (store, rk_store_find_rule_section (store, second, "scope"), &scope,
                                               &error));
  g_assert_no_error (error);

  widget = rk_rule_compare_new (store, rk_rule_document_get_id (document), rk_rule_version_get_id (first),
                                rk_rule_version_get_id (second));
  compare = RK_RULE_COMPARE (widget);
  gtk_window_present (GTK_WINDOW (widget));
  rk_test_spin (100);

  g_assert_cmpint (rk_rule_compare_get_old_version_id (compare), ==, rk_rule_version_get_id (first));
  g_assert_cmpint (rk_rule_compare_get_new_version_id (compare), ==, rk_rule_version_get_id (second));
  diff = rk_rule_compare_get_diff (compare);
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->entries->len, ==, 4);
  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_changed, ==, 1);
  /* 連絡先 is only renumbered: no stop of its own. */
  g_assert_cmpuint (diff->n_renumbered, ==, 1);
  g_assert_cmpuint (diff->changes->len, ==, 2);
  change = &g_array_index (diff->changes, RkRuleDiffChange, 0);
  g_assert_cmpint (change->field, ==, RK_RULE_DIFF_FIELD_SECTION);
  change = &g_array_index (diff->changes, RkRuleDiffChange, 1);
  g_assert_cmpint (change->field, ==, RK_RULE_DIFF_FIELD_BODY);

  /* The inline text: the added section and the renumbered one read with old and new numbers; a pure insertion
   * leaves the new body, the inserted run tagged. */
  buffer = rk_rule_compare_get_inline_buffer (compare);
  text = buffer_text (buffer, 0, -1);
  expected = g_strconcat ("第1\u3000目的\n本人の意思を尊重する。\n\n",
                          "第2\u3000定義 \u2009", _("Added"), "\u2009\n",
                          "この規則で「かかりつけ医」とは、主治医をいう。\n\n",
                          "第2\u2192第3\u3000対象 \u2009", _("Changed"), "\u2009 \u2009", _("Renumbered"), "\u2009\n",
                          "在宅療養者及び施設入所者を対象とする。\n\n",
                          "第3\u2192第4\u3000連絡先 \u2009", _("Renumbered"), "\u2009\n",
                          "主治医に連絡する。\n\n", NULL);
  g_assert_cmpstr (text, ==, expected);

  /* Next change: F8's action, then the function; past the last one nothing moves. */
  g_assert_cmpint (rk_rule_compare_get_current_change (compare), ==, -1);
  g_assert_false (rk_rule_compare_get_change_range (compare, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (widget, "compare.next-change", NULL));
  g_assert_cmpint (rk_rule_compare_get_current_change (compare), ==, 0);
  g_assert_true (rk_rule_compare_get_change_range (compare, &start, &end));
  g_clear_pointer (&text, g_free);
  text = buffer_text (buffer, start, end);
  g_assert_true (g_str_has_prefix (text, "第2\u3000定義"));
  g_assert_true (has_tag_throughout (buffer, start, start + 2, "insert"));
  g_clear_pointer (&text, g_free);
  text = selected_text (buffer);
  g_assert_true (g_str_has_prefix (text, "第2\u3000定義"));

  g_assert_true (has_tag_throughout (buffer, start, end, "current"));
  {
    int first_start = start, first_end = end;

    g_assert_true (rk_rule_compare_step_change (compare, TRUE));
    /* Only the change the reader is at is marked. */
    g_assert_false (has_tag_throughout (buffer, first_start, first_end, "current"));
  }
  g_assert_cmpint (rk_rule_compare_get_current_change (compare), ==, 1);
  g_assert_true (rk_rule_compare_get_change_range (compare, &start, &end));
  g_clear_pointer (&text, g_free);
  text = buffer_text (buffer, start, end);
  g_assert_nonnull (strstr (text, "施設入所者"));
  g_assert_null (strstr (text, "対象"));
  g_assert_true (has_tag_throughout (buffer, start, end, "insert"));
  g_assert_true (has_tag_throughout (buffer, start, end, "current"));
  g_assert_false (has_tag_throughout (buffer, start - 1, end, "insert"));
  g_assert_false (rk_rule_compare_step_change (compare, TRUE));
  g_assert_cmpint (rk_rule_compare_get_current_change (compare), ==, 1);

  g_assert_true (gtk_widget_activate_action (widget, "compare.previous-change", NULL));
  g_assert_cmpint (rk_rule_compare_get_current_change (compare), ==, 0);

  /* Side by side: one row per section, the old side without the inserted text, the new side with it; the current
   * change stays selected on the new side. */
  g_assert_true (gtk_widget_activate_action (widget, "compare.side-by-side", NULL));
  g_assert_true (rk_rule_compare_get_side_by_side (compare));
  rk_test_spin (100);
  views = side_views (compare);
  g_assert_cmpuint (views->len, ==, 8);
  {
    GtkTextBuffer *old_added = gtk_text_view_get_buffer (g_ptr_array_index (views, 2));
    GtkTextBuffer *old_scope = gtk_text_view_get_buffer (g_ptr_array_index (views, 4));
    GtkTextBuffer *new_scope = gtk_text_view_get_buffer (g_ptr_array_index (views, 5));
    g_autofree char *old_added_text = buffer_text (old_added, 0, -1);
    g_autofree char *old_text = buffer_text (old_scope, 0, -1);
    g_autofree char *new_text = buffer_text (new_scope, 0, -1);
    g_autofree char *selection = NULL;

    g_assert_cmpstr (old_added_text, ==, "(not in this version)\n\n");
    g_assert_cmpstr (old_text, ==, "第2\u3000対象\n在宅療養者を対象とする。\n\n");
    g_assert_true (g_str_has_prefix (new_text, "第3\u3000対象 "));
    g_assert_nonnull (strstr (new_text, "\n在宅療養者及び施設入所者を対象とする。\n\n"));

    g_assert_true (rk_rule_compare_step_change (compare, TRUE));
    selection = selected_text (new_scope);
    g_assert_nonnull (strstr (selection, "施設入所者"));
    g_assert_null (strstr (selection, "対象"));
  }

  /* Choosing the same version twice: nothing differs, no stops. */
  rk_rule_compare_set_versions (compare, rk_rule_version_get_id (second), rk_rule_version_get_id (second));
  diff = rk_rule_compare_get_diff (compare);
  g_assert_cmpuint (diff->changes->len, ==, 0);
  g_assert_cmpint (rk_rule_compare_get_current_change (compare), ==, -1);
  g_assert_false (rk_rule_compare_step_change (compare, TRUE));

  g_object_ref (widget);
  gtk_window_destroy (GTK_WINDOW (widget));
  g_assert_finalize_object (widget);
}

/* ---- Trace ------------------------------------------------------------------------------------------------- */

static void
test_trace (void)
{
  g_autoptr(RkStore) store = open_demo ("trace.renkei");
  RkRuleDocument *document = find_document (store, "急変時・救急搬送時の連携ルール");
  GListModel *versions = rk_store_get_rule_versions (store, document);
  g_autoptr(RkRuleVersion) first = g_list_model_get_item (versions, 0);
  g_autoptr(GPtrArray) old_links = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *trace = rk_section_trace_new (store, rk_rule_document_get_id (document), "privacy");
  RkSectionTrace *panel = RK_SECTION_TRACE (trace);
  GListModel *challenges = rk_store_get_challenges (store);
  g_autoptr(RkChallenge) challenge = g_list_model_get_item (challenges, 0);
  guint n_links, n_targets;
  gint64 link_id;

  gtk_window_set_child (GTK_WINDOW (window), trace);
  gtk_window_present (GTK_WINDOW (window));
  rk_test_spin (100);

  n_links = rk_section_trace_get_links (panel)->len;
  n_targets = rk_section_trace_get_n_targets (panel);
  g_assert_cmpuint (n_targets, >, 0);

  /* The first target the drop-down offers (a decision of the demo's meetings). */
  g_assert_true (gtk_widget_activate_action (trace, "trace.link-selected", NULL));
  g_assert_cmpuint (rk_section_trace_get_links (panel)->len, ==, n_links + 1);
  g_assert_cmpuint (rk_section_trace_get_n_targets (panel), ==, n_targets - 1);
  g_assert_cmpint (((RkRuleSectionLink *) g_ptr_array_index (rk_section_trace_get_links (panel), 0))->agenda_item_id,
                   >, 0);

  /* A challenge, through the action with ids. */
  g_assert_true (gtk_widget_activate_action (trace, "trace.link", "(xx)", (gint64) 0,
                                             rk_challenge_get_id (challenge)));
  g_assert_cmpuint (rk_section_trace_get_links (panel)->len, ==, n_links + 2);
  g_assert_cmpuint (rk_section_trace_get_n_targets (panel), ==, n_targets - 2);
  /* Linking the same challenge again is refused and changes nothing. */
  g_assert_false (rk_section_trace_link (panel, 0, rk_challenge_get_id (challenge), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (rk_section_trace_get_links (panel)->len, ==, n_links + 2);

  /* 個人情報の取扱い is new in 第2版; a section of both versions shows its links in the old one too. */
  g_assert_null (rk_store_find_rule_section (store, first, "privacy"));

  /* Removing both links. */
  while (rk_section_trace_get_links (panel)->len > n_links)
    {
      link_id = ((RkRuleSectionLink *) g_ptr_array_index (rk_section_trace_get_links (panel), 0))->id;
      g_assert_true (gtk_widget_activate_action (trace, "trace.unlink", "x", link_id));
    }
  g_assert_cmpuint (rk_section_trace_get_n_targets (panel), ==, n_targets);

  /* Links follow the uid across versions. */
  {
    GtkWidget *scope = rk_section_trace_new (store, rk_rule_document_get_id (document), "scope");
    guint before = rk_section_trace_get_links (RK_SECTION_TRACE (scope))->len;

    g_object_ref_sink (scope);
    g_assert_true (rk_section_trace_link (RK_SECTION_TRACE (scope), 0, rk_challenge_get_id (challenge), &error));
    g_assert_no_error (error);
    old_links = rk_store_list_section_links (store, rk_store_find_rule_section (store, first, "scope"), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (old_links->len, ==, before + 1);
    g_assert_finalize_object (scope);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Akoma Ntoso ------------------------------------------------------------------------------------------- */

static void
collect_error (void       *data,
               const char *format,
               ...)
{
  GString *messages = data;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (messages, format, args);
  va_end (args);
}

static void
test_akn_export (void)
{
  g_autoptr(RkStore) store = open_demo ("akn.renkei");
  RkRuleDocument *document = find_document (store, "急変時・救急搬送時の連携ルール");
  RkRuleVersion *latest = rk_store_get_latest_rule_version (store, document);
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), "rule.xml", NULL);
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  const char *schema_path = g_getenv ("RK_AKN_SCHEMA");
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr validator;
  xmlDocPtr doc;

  g_assert_true (rk_rules_export_akn_to_path (store, rk_rule_version_get_id (latest), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<doc name=\"rule\">"));
  g_assert_nonnull (strstr (contents, "第2版(案)"));
  g_assert_nonnull (strstr (contents, "個人情報の取扱い"));
  g_assert_nonnull (strstr (contents, "みなと市在宅医療"));

  g_assert_nonnull (schema_path);
  parser = xmlSchemaNewParserCtxt (schema_path);
  g_assert_nonnull (parser);
  xmlSchemaSetParserErrors (parser, collect_error, collect_error, messages);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidErrors (validator, collect_error, collect_error, messages);
  if (xmlSchemaValidateDoc (validator, doc) != 0)
    g_error ("the export does not validate: %s", messages->str);
  xmlSchemaFreeValidCtxt (validator);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);

  /* The name the save dialog offers. */
  name = rk_rules_export_akn_file_name (store, rk_rule_version_get_id (latest));
  g_assert_cmpstr (name, ==, "急変時・救急搬送時の連携ルール 第2版(案).xml");

  /* A version that is not there: an error, and the file written before is left alone. */
  g_assert_false (rk_rules_export_akn_to_path (store, 999999, path, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "第2版(案)"));
}

/* ---- Screenshot (RK_SCREENSHOT_DIR) ------------------------------------------------------------------------ */

static void
test_screenshot (void)
{
  const char *dir = g_getenv ("RK_SCREENSHOT_DIR");
  g_autoptr(RkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  RkRuleDocument *document;
  GListModel *versions;
  g_autoptr(RkRuleVersion) first = NULL;
  g_autoptr(RkRuleVersion) second = NULL;
  GtkWidget *widget;
  int status = 0;

  if (dir == NULL)
    {
      g_test_skip ("RK_SCREENSHOT_DIR is not set");
      return;
    }

  store = open_demo ("screenshot.renkei");
  document = find_document (store, "急変時・救急搬送時の連携ルール");
  versions = rk_store_get_rule_versions (store, document);
  first = g_list_model_get_item (versions, 0);
  second = g_list_model_get_item (versions, 1);
  widget = rk_rule_compare_new (store, rk_rule_document_get_id (document), rk_rule_version_get_id (first),
                                rk_rule_version_get_id (second));
  gtk_window_set_default_size (GTK_WINDOW (widget), 1280, 800);
  if (g_strcmp0 (g_getenv ("RK_SCREENSHOT_MODE"), "side-by-side") == 0)
    rk_rule_compare_set_side_by_side (RK_RULE_COMPARE (widget), TRUE);
  gtk_window_present (GTK_WINDOW (widget));
  rk_test_spin (500);
  rk_rule_compare_step_change (RK_RULE_COMPARE (widget), TRUE);
  rk_rule_compare_step_change (RK_RULE_COMPARE (widget), TRUE);
  rk_test_spin (700);

  file = g_build_filename (dir, rk_rule_compare_get_side_by_side (RK_RULE_COMPARE (widget))
                                ? "rule-compare-1280-side.png" : "rule-compare-1280.png", NULL);
  quoted = g_shell_quote (file);
  command = g_strdup_printf ("import -window root -crop %dx%d+0+0 +repage %s", gtk_widget_get_width (widget),
                             gtk_widget_get_height (widget), quoted);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("Saved %s", file);

  gtk_window_destroy (GTK_WINDOW (widget));
}

int
main (int    argc,
      char **argv)
{
  rk_test_ui_init (&argc, &argv, "test-rule-compare-XXXXXX");
  xmlInitParser ();
  /* The schema imports xml.xsd next to it; nothing is fetched from the network. */
  xmlSetExternalEntityLoader (xmlNoNetExternalEntityLoader);

  g_test_add_func ("/rule-compare/compare", test_compare);
  g_test_add_func ("/rule-compare/trace", test_trace);
  g_test_add_func ("/rule-compare/akn-export", test_akn_export);
  g_test_add_func ("/rule-compare/screenshot", test_screenshot);

  return rk_test_ui_run ();
}

/* test-members-page.c — the 会議体・構成員 page, driven like a user would through its actions (suite "ui", under Xvfb).
 *
 * One council is opened in a window; members are added through the member editor, removed and restored through
 * the undo toast, ended, filtered, imported through the preview dialog and exported. What is checked is the store,
 * the page's models and the coverage panel's state (its rows' texts and accessible descriptions), never pixels. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rk-coverage-panel.h"
#include "rk-member-editor.h"
#include "rk-members-page.h"
#include "rk-roster-import-dialog.h"
#include "rk-test-ui.h"

static RkApplication *app;
static const char *tmp_dir;

/* Destroys nothing itself: waits for @window (a dialog that closes itself) to be finalized. */
static void
assert_closed_and_finalized (gpointer window)
{
  rk_test_spin (20);
  g_assert_finalize_object (window);
}

static RkMember *
find_member (RkStore    *store,
             const char *name)
{
  GListModel *members = rk_store_get_members (store);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);

      if (g_strcmp0 (rk_member_get_name (member), name) == 0)
        return member;
    }

  return NULL;
}

static gboolean
model_has_name (GListModel *model,
                const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (model, i);

      if (g_strcmp0 (rk_member_get_name (member), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
coverage_has_advice (RkCoveragePanel *panel,
                     RkAdviceKind     kind)
{
  const GPtrArray *advice = rk_coverage_get_advice (rk_coverage_panel_get_coverage (panel));
  gboolean found = FALSE;

  for (guint i = 0; i < advice->len; i++)
    found |= ((RkAdvice *) g_ptr_array_index (advice, i))->kind == kind;

  /* What the panel computed is also what it shows: one row per piece of advice. */
  g_assert_cmpuint (rk_coverage_panel_get_n_advice (panel), ==, advice->len);
  return found;
}

/* Adds a member through the editor, as a user would: "members.add", the fields, the bodies, Save. */
static RkMember *
add_member_through_editor (RkMembersPage *page,
                           const char    *fields[][2],
                           gint64         body_id)
{
  RkMemberEditor *editor;
  RkMember *member;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.add", NULL));
  editor = RK_MEMBER_EDITOR (rk_test_wait_for_toplevel (RK_TYPE_MEMBER_EDITOR, "the member editor"));
  g_assert_null (rk_member_editor_get_member (editor));

  for (guint i = 0; fields[i][0] != NULL; i++)
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", fields[i][0], fields[i][1]);
  if (body_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-body", "(xb)", body_id, TRUE);
  g_assert_true (rk_member_editor_get_can_save (editor));
  g_assert_null (rk_member_editor_get_message (editor));

  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  member = rk_member_editor_get_member (editor);
  g_assert_nonnull (member);
  g_object_add_weak_pointer (G_OBJECT (member), (gpointer *) &member);
  assert_closed_and_finalized (editor);
  g_assert_null (rk_test_find_toplevel (RK_TYPE_MEMBER_EDITOR));
  /* The store's list keeps it. */
  g_assert_nonnull (member);
  g_object_remove_weak_pointer (G_OBJECT (member), (gpointer *) &member);

  return member;
}

static char *
yesterday_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  return g_date_time_format (yesterday, "%Y-%m-%d");
}

static void
test_members_page (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "minato.renkei", NULL);
  g_autofree char *csv_path = g_build_filename (tmp_dir, "roster-in.csv", NULL);
  g_autofree char *bad_csv_path = g_build_filename (tmp_dir, "broken.csv", NULL);
  g_autofree char *utf8_path = g_build_filename (tmp_dir, "roster-utf8.csv", NULL);
  g_autofree char *cp932_path = g_build_filename (tmp_dir, "roster-cp932.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "roster.pdf", NULL);
  g_autofree char *yesterday = yesterday_iso ();
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  const char *fire_fields[][2] = {
    { "name", "消防 太郎" },
    { "kana", "しょうぼう たろう" },
    { "organisation", "みなと市消防本部" },
    { "title", "救急課長" },
    { "member-type", "4" },
    { "role", "2" },
    { "phone", "045-000-0000" },
    { "email", "kyukyu@example.jp" },
    { "term-start", "2025-04-01" },
    { "term-end", "2099-03-31" },
    { NULL, NULL },
  };
  const char *doctor_fields[][2] = {
    { "name", "医師 花子" },
    { "kana", "いし はなこ" },
    { "organisation", "みなと市医師会" },
    { "member-type", "5" },
    { "role", "0" },
    { "term-start", "2025-04-01" },
    { NULL, NULL },
  };
  gint64 core_id, working_id;
  RkMembersPage *page;
  RkCoveragePanel *panel;
  GListModel *visible;
  RkWindow *window;
  RkStore *store;
  RkMember *fire, *doctor;

  /* A council with two bodies, opened in a window as from the command line. */
  {
    g_autoptr(RkStore) created = rk_store_create (path, &info, &error);
    RkBodyInfo core = { "連携推進協議会", RK_TIER_CORE, NULL, "" };
    RkBodyInfo working = { "作業部会", RK_TIER_WORKING, NULL, "" };
    g_autoptr(RkBody) core_body = NULL;
    g_autoptr(RkBody) working_body = NULL;

    g_assert_no_error (error);
    core_body = rk_store_add_body (created, &core, &error);
    g_assert_no_error (error);
    working_body = rk_store_add_body (created, &working, &error);
    g_assert_no_error (error);
    core_id = rk_body_get_id (core_body);
    working_id = rk_body_get_id (working_body);
    g_assert_true (rk_store_close (created, &error));
  }
  window = rk_test_open_council (path, "the council");
  store = rk_window_get_store (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members"));
  page = RK_MEMBERS_PAGE (rk_window_get_page (window, "members"));
  g_assert_true (RK_IS_MEMBERS_PAGE (page));
  g_assert_true (rk_members_page_get_store (page) == store);
  panel = RK_COVERAGE_PANEL (rk_members_page_get_coverage_panel (page));
  visible = rk_members_page_get_visible_members (page);
  rk_test_spin (50);

  /* An empty council: no type covered, and the guide's advice on the fire department. */
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  g_assert_cmpuint (rk_coverage_get_n_covered (rk_coverage_panel_get_coverage (panel)), ==, 0);
  g_assert_true (coverage_has_advice (panel, RK_ADVICE_NO_FIRE_DEPARTMENT));
  g_assert_true (g_str_has_prefix (rk_coverage_panel_get_type_description (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT),
                                   "Not on the council"));
  g_assert_nonnull (strstr (rk_coverage_panel_get_type_description (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT),
                            "22.1%"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     rk_coverage_panel_get_type_row (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT))), ==, "消防機関");

  /* The editor refuses what the store would: no name, a term that ends before it starts. */
  {
    RkMemberEditor *editor;

    gtk_widget_activate_action (GTK_WIDGET (page), "members.add", NULL);
    editor = RK_MEMBER_EDITOR (rk_test_wait_for_toplevel (RK_TYPE_MEMBER_EDITOR, "the member editor"));
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "organisation", "みなと市");
    g_assert_false (rk_member_editor_get_can_save (editor));
    g_assert_nonnull (rk_member_editor_get_message (editor));
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "name", "任期 逆転");
    /* The member type is chosen, never assumed: Save waits for it and says so. */
    g_assert_false (rk_member_editor_get_can_save (editor));
    g_assert_cmpstr (rk_member_editor_get_message (editor), ==, "Choose the member type.");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "member-type", "2");
    g_assert_true (rk_member_editor_get_can_save (editor));
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "term-start", "2026-04-01");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "term-end", "2025-03-31");
    g_assert_false (rk_member_editor_get_can_save (editor));
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    g_assert_true (rk_test_find_toplevel (RK_TYPE_MEMBER_EDITOR) == GTK_WINDOW (editor));
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_members (store)), ==, 0);
    g_object_ref (editor);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
    assert_closed_and_finalized (editor);
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_members (store)), ==, 0);
  }

  /* Add a member of type 消防機関 (4): the panel names them and the fire-department advice goes. */
  fire = add_member_through_editor (page, fire_fields, core_id);
  g_assert_cmpint (rk_member_get_member_type (fire), ==, RK_MEMBER_TYPE_FIRE_DEPARTMENT);
  g_assert_cmpstr (rk_member_get_organisation (fire), ==, "みなと市消防本部");
  g_assert_cmpstr (rk_member_get_term_end (fire), ==, "2099-03-31");
  g_assert_cmpuint (rk_member_get_body_ids (fire)->len, ==, 1);
  g_assert_cmpint (g_array_index (rk_member_get_body_ids (fire), gint64, 0), ==, core_id);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpuint (rk_coverage_get_n_covered (rk_coverage_panel_get_coverage (panel)), ==, 1);
  g_assert_false (coverage_has_advice (panel, RK_ADVICE_NO_FIRE_DEPARTMENT));
  g_assert_true (g_str_has_prefix (rk_coverage_panel_get_type_description (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT),
                                   "Filled by 消防 太郎"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                              rk_coverage_panel_get_type_row (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT))), "消防 太郎"));

  doctor = add_member_through_editor (page, doctor_fields, working_id);
  g_assert_cmpint (rk_member_get_role (doctor), ==, RK_ROLE_CHAIR);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  g_assert_cmpuint (rk_coverage_get_n_covered (rk_coverage_panel_get_coverage (panel)), ==, 2);

  /* Editing in the editor changes the member in place. */
  {
    RkMemberEditor *editor;

    gtk_widget_activate_action (GTK_WIDGET (page), "members.edit", "x", rk_member_get_id (doctor));
    editor = RK_MEMBER_EDITOR (rk_test_wait_for_toplevel (RK_TYPE_MEMBER_EDITOR, "the member editor"));
    g_assert_true (rk_member_editor_get_member (editor) == doctor);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "title", "会長");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-body", "(xb)", core_id, TRUE);
    g_object_ref (editor);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    assert_closed_and_finalized (editor);
    g_assert_cmpstr (rk_member_get_title (doctor), ==, "会長");
    g_assert_cmpuint (rk_member_get_body_ids (doctor)->len, ==, 2);
    g_assert_cmpstr (rk_member_get_name (doctor), ==, "医師 花子");
  }

  /* Filters: by type, by body, by role. */
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "type", "4");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_true (model_has_name (visible, "消防 太郎"));
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "type", "0");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, working_id);

    gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "body", id);
    g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
    g_assert_true (model_has_name (visible, "医師 花子"));
    gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "body", "0");
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "role", "0");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_true (model_has_name (visible, "医師 花子"));
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "role", "-1");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);

  /* Remove the fire department member, then undo through the toast's button. */
  gtk_widget_activate_action (GTK_WIDGET (page), "members.remove", "x", rk_member_get_id (fire));
  g_assert_null (find_member (store, "消防 太郎"));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_true (coverage_has_advice (panel, RK_ADVICE_NO_FIRE_DEPARTMENT));
  g_assert_true (g_str_has_prefix (rk_coverage_panel_get_type_description (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT),
                                   "Not on the council"));
  g_assert_nonnull (rk_members_page_get_undo_toast (page));
  g_signal_emit_by_name (rk_members_page_get_undo_toast (page), "button-clicked");
  g_assert_null (rk_members_page_get_undo_toast (page));
  fire = find_member (store, "消防 太郎");
  g_assert_nonnull (fire);
  g_assert_cmpuint (rk_member_get_body_ids (fire)->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  g_assert_false (coverage_has_advice (panel, RK_ADVICE_NO_FIRE_DEPARTMENT));
  g_assert_true (g_str_has_prefix (rk_coverage_panel_get_type_description (panel, RK_MEMBER_TYPE_FIRE_DEPARTMENT),
                                   "Filled by"));

  /* End the fire member's term (yesterday): they leave the roster shown, stay in the history, and the type is no
   * longer covered. */
  gtk_widget_activate_action (GTK_WIDGET (page), "members.end-term-on", "(xs)", rk_member_get_id (fire), yesterday);
  g_assert_false (rk_member_get_current (fire));
  g_assert_cmpstr (rk_member_get_term_end (fire), ==, yesterday);
  g_assert_nonnull (find_member (store, "消防 太郎"));
  g_assert_false (model_has_name (visible, "消防 太郎"));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_true (coverage_has_advice (panel, RK_ADVICE_NO_FIRE_DEPARTMENT));
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "former", "true");
  g_assert_true (model_has_name (visible, "消防 太郎"));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "former", "false");
  g_assert_false (model_has_name (visible, "消防 太郎"));

  /* "Term ends within 12 months": the chair's term has no end, so nobody. */
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "term-months", "12");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "members.set-filter", "(ss)", "term-months", "0");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);

  /* Import: a file that cannot be read at all changes nothing and opens no preview. */
  {
    static const guint8 binary[] = { 0x00, 0xff, 0xfe, 0x00, 0x81, 0x00, 0xff, 0x00 };
    g_autoptr(GError) parse_error = NULL;

    g_assert_true (g_file_set_contents (bad_csv_path, (const char *) binary, sizeof binary, NULL));
    g_assert_null (rk_members_page_import_from (page, bad_csv_path, &parse_error));
    g_assert_nonnull (parse_error);
    g_assert_null (rk_test_find_toplevel (RK_TYPE_ROSTER_IMPORT_DIALOG));
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_members (store)), ==, 2);
  }

  /* Import a small roster with one bad row: the preview lists it, Cancel imports nothing, Import adds the rest. */
  {
    const char *csv =
      "氏名,ふりがな,所属,構成員区分,役割,所属会議体\r\n"
      "薬剤 次郎,やくざい じろう,みなと市薬剤師会,薬剤師会,委員,作業部会\r\n"
      "宇宙 人,うちゅう じん,銀河連邦,宇宙人会,委員,\r\n"
      "包括 三郎,ほうかつ さぶろう,みなと北地域包括支援センター,13,オブザーバー,\r\n";
    RkRosterImportDialog *dialog;
    RkRosterImport *import;

    g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));

    for (guint attempt = 0; attempt < 2; attempt++)
      {
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.import-from", "s", csv_path));
        dialog = RK_ROSTER_IMPORT_DIALOG (rk_test_wait_for_toplevel (RK_TYPE_ROSTER_IMPORT_DIALOG,
                                                                     "the import preview"));
        import = rk_roster_import_dialog_get_import (dialog);
        g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, 3);
        g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, 2);
        g_assert_cmpuint (rk_roster_import_get_n_bad (import), ==, 1);
        g_assert_cmpuint (rk_roster_import_dialog_get_n_good_rows_shown (dialog), ==, 2);
        g_assert_cmpuint (rk_roster_import_dialog_get_n_bad_rows_shown (dialog), ==, 1);
        /* The bad row says where it is and why. */
        g_assert_true (g_str_has_prefix (rk_roster_import_dialog_get_bad_row_title (dialog, 0), "Line 3"));
        g_assert_nonnull (strstr (rk_roster_import_dialog_get_bad_row_title (dialog, 0), "宇宙 人"));
        g_assert_cmpstr (rk_roster_import_dialog_get_bad_row_problem (dialog, 0), ==,
                         rk_roster_import_get_problem (import, 1));
        g_assert_cmpstr (rk_roster_import_dialog_get_bad_row_problem (dialog, 0), !=, "");

        g_object_ref (dialog);
        gtk_widget_activate_action (GTK_WIDGET (dialog), attempt == 0 ? "import.cancel" : "import.accept", NULL);
        assert_closed_and_finalized (dialog);
        g_assert_null (rk_test_find_toplevel (RK_TYPE_ROSTER_IMPORT_DIALOG));
        g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_members (store)), ==, attempt == 0 ? 2 : 4);
      }

    g_assert_nonnull (find_member (store, "薬剤 次郎"));
    g_assert_nonnull (find_member (store, "包括 三郎"));
    g_assert_null (find_member (store, "宇宙 人"));
    g_assert_cmpint (rk_member_get_member_type (find_member (store, "包括 三郎")), ==, 13);
    g_assert_cmpstr (rk_member_get_bodies (find_member (store, "薬剤 次郎")), ==, "作業部会");
    g_assert_true (model_has_name (visible, "薬剤 次郎"));
    g_assert_cmpuint (rk_coverage_get_n_covered (rk_coverage_panel_get_coverage (panel)), ==, 3);
  }

  /* Export: CSV in both encodings and the PDF, straight to paths (what the save dialogs call). */
  {
    g_autofree char *contents = NULL;
    g_autofree char *converted = NULL;
    gsize length;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.export-csv-to", "(ss)", utf8_path,
                                               "utf-8"));
    g_assert_true (g_file_get_contents (utf8_path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 3);
    g_assert_cmpmem (contents, 3, "\xef\xbb\xbf", 3);
    g_assert_nonnull (strstr (contents, "医師 花子"));
    g_assert_nonnull (strstr (contents, "包括 三郎"));
    /* The roster as shown: former members are not. */
    g_assert_null (strstr (contents, "消防 太郎"));
    g_clear_pointer (&contents, g_free);

    g_assert_true (rk_members_page_export_csv (page, cp932_path, RK_CSV_ENCODING_CP932, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (cp932_path, &contents, &length, NULL));
    g_assert_false (length >= 3 && memcmp (contents, "\xef\xbb\xbf", 3) == 0);
    g_assert_false (g_utf8_validate (contents, (gssize) length, NULL));
    converted = g_convert (contents, (gssize) length, "UTF-8", "CP932", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (converted, "医師 花子"));
  }
  {
    g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
    PopplerDocument *document;
    GString *text = g_string_new (NULL);
    g_autofree char *all_text = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "members.export-pdf-to", "s", pdf_path));
    document = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
    for (int i = 0; i < poppler_document_get_n_pages (document); i++)
      {
        PopplerPage *pdf_page = poppler_document_get_page (document, i);
        g_autofree char *page_text = poppler_page_get_text (pdf_page);

        g_string_append (text, page_text);
        g_object_unref (pdf_page);
      }
    all_text = g_string_free (text, FALSE);
    g_assert_nonnull (strstr (all_text, "みなと市医師会"));
    /* The printed roster is the council as of today: the former member is not on it. */
    g_assert_null (strstr (all_text, "みなと市消防本部"));
    g_object_unref (document);
    g_assert_nonnull (strstr (all_text, "薬剤師会"));
  }

  /* The window and its page go away without leaks. */
  {
    g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
    rk_test_close_window (window);
    g_assert_null (page);
  }
}

int
main (int    argc,
      char **argv)
{
  app = rk_test_ui_init (&argc, &argv, "renkei-test-members-page-XXXXXX");
  tmp_dir = rk_test_ui_get_tmp_dir ();

  g_test_add_func ("/members-page/roster-coverage-import-export", test_members_page);

  return rk_test_ui_run ();
}

/* test-window.c — the window, driven like a user would through its actions (suite "ui", under Xvfb, with the
 * harness of rk-test-ui.h). */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rk-body-row.h"
#include "rk-meetings-page.h"
#include "rk-new-council-dialog.h"
#include "rk-overview-page.h"
#include "rk-test-ui.h"
#include "rk-welcome-page.h"

static RkApplication *app;
static const char *tmp_dir;

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static gboolean
has_n_windows (gpointer data)
{
  return count_windows () == GPOINTER_TO_UINT (data);
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  rk_test_wait_for (rk_test_no_windows, NULL, "all windows to close");
}

/* Closes @window with win.close and checks that the window and its council file are finalized. */
static void
close_window_and_check_finalized (RkWindow *window)
{
  RkStore *store = rk_window_get_store (window);

  if (store != NULL)
    g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);

  rk_test_close_window (window);
  g_assert_null (store);
}

static RkWindow *
active_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && gtk_application_get_windows (GTK_APPLICATION (app)))
    window = gtk_application_get_windows (GTK_APPLICATION (app))->data;

  g_assert_true (RK_IS_WINDOW (window));
  return RK_WINDOW (window);
}

static guint
n_bodies (RkStore *store)
{
  return g_list_model_get_n_items (rk_store_get_bodies (store));
}

static RkBody *
find_body (RkStore    *store,
           const char *name)
{
  GListModel *bodies = rk_store_get_bodies (store);

  for (guint i = 0; i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      if (g_strcmp0 (rk_body_get_name (body), name) == 0)
        return body;
    }

  return NULL;
}

static RkBodyRow *
find_body_row (RkOverviewPage *page,
               const char     *name)
{
  GtkWidget *row;

  for (guint i = 0; (row = rk_overview_page_get_body_row (page, i)); i++)
    if (g_strcmp0 (rk_body_get_name (rk_body_row_get_body (RK_BODY_ROW (row))), name) == 0)
      return RK_BODY_ROW (row);

  return NULL;
}

/* The entry row titled @title inside @root (depth first), or NULL. */
static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ENTRY_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list row named @name (a sidebar row's page id) inside @root, or NULL. */
static GtkListBoxRow *
find_named_row (GtkWidget  *root,
                const char *name)
{
  if (GTK_IS_LIST_BOX_ROW (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return GTK_LIST_BOX_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBoxRow *found = find_named_row (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
page_is_shown (RkWindow   *window,
               const char *page_id)
{
  GtkWidget *page = rk_window_get_page (window, page_id);

  return page != NULL && gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (page))) == page;
}

static void
test_window_starts_on_welcome (void)
{
  RkWindow *window;

  g_application_activate (G_APPLICATION (app));
  rk_test_wait_for (has_n_windows, GUINT_TO_POINTER (1), "the first window");

  window = active_window ();
  g_assert_cmpstr (rk_window_get_visible_view (window), ==, "welcome");
  g_assert_null (rk_window_get_store (window));
  g_assert_null (rk_window_get_page (window, "overview"));
  g_assert_cmpuint (rk_welcome_page_get_n_recent (RK_WELCOME_PAGE (rk_window_get_welcome_page (window))), ==, 0);

  /* Activating again presents the same window rather than opening another. */
  g_application_activate (G_APPLICATION (app));
  rk_test_spin (20);
  g_assert_cmpuint (count_windows (), ==, 1);

  /* The size is remembered when the window closes and used by the next one. */
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  close_window_and_check_finalized (window);
  g_assert_cmpint (g_settings_get_int (rk_application_get_settings (app), "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (rk_application_get_settings (app), "window-height"), ==, 610);

  g_application_activate (G_APPLICATION (app));
  rk_test_wait_for (has_n_windows, GUINT_TO_POINTER (1), "a second window");
  window = active_window ();
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 820);
    g_assert_cmpint (height, ==, 610);
  }
  close_window_and_check_finalized (window);
}

static void
test_window_new_council_validation (void)
{
  RkNewCouncilDialog *dialog;
  g_autofree char *path = g_build_filename (tmp_dir, "never-created.renkei", NULL);
  RkCouncilInfo info = { "", "みなと市", "東京都", 2025, RK_SETUP_NEW, NULL };

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-council", NULL);
  dialog = RK_NEW_COUNCIL_DIALOG (rk_test_wait_for_toplevel (RK_TYPE_NEW_COUNCIL_DIALOG, "the New Council dialog"));

  /* An empty dialog cannot create anything, and says why once the user has typed. */
  g_assert_false (rk_new_council_dialog_get_can_create (dialog));
  rk_new_council_dialog_set_info (dialog, &info);
  g_assert_false (rk_new_council_dialog_get_can_create (dialog));
  g_assert_nonnull (rk_new_council_dialog_get_message (dialog));
  g_assert_cmpstr (rk_new_council_dialog_get_message (dialog), !=, "");

  rk_new_council_dialog_set_target_path (dialog, path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  rk_test_spin (20);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (rk_test_find_toplevel (RK_TYPE_NEW_COUNCIL_DIALOG) == GTK_WINDOW (dialog));

  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  rk_test_spin (20);
  g_assert_finalize_object (dialog);
  g_assert_null (rk_test_find_toplevel (RK_TYPE_NEW_COUNCIL_DIALOG));
  g_assert_cmpstr (rk_window_get_visible_view (active_window ()), ==, "welcome");

  close_all_windows ();
}

static void
test_window_create_edit_reopen (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "minato.renkei", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_BOTH,
    .notes = NULL,
  };
  RkNewCouncilDialog *dialog;
  RkOverviewPage *page;
  RkWindow *window;
  RkStore *store;
  RkBodyRow *row;
  RkBody *body;
  GStatBuf st;

  g_application_activate (G_APPLICATION (app));
  rk_test_wait_for (has_n_windows, GUINT_TO_POINTER (1), "the first window");
  window = active_window ();

  /* Create the council through the dialog, as a user would (the file chooser answered by target-path). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-council", NULL);
  dialog = RK_NEW_COUNCIL_DIALOG (rk_test_wait_for_toplevel (RK_TYPE_NEW_COUNCIL_DIALOG, "the New Council dialog"));
  rk_new_council_dialog_set_info (dialog, &info);
  g_assert_true (rk_new_council_dialog_get_can_create (dialog));
  rk_new_council_dialog_set_target_path (dialog, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  rk_test_spin (20);
  g_assert_null (dialog);

  /* The same window now shows it. */
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_true (window == active_window ());
  g_assert_cmpstr (rk_window_get_visible_view (window), ==, "council");
  store = rk_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, info.name);
  g_assert_cmpstr (rk_council_get_prefecture (rk_store_get_council (store)), ==, "神奈川県");
  g_assert_cmpint (rk_council_get_fiscal_year (rk_store_get_council (store)), ==, 2025);
  g_assert_cmpint (rk_council_get_setup (rk_store_get_council (store)), ==, RK_SETUP_BOTH);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  page = RK_OVERVIEW_PAGE (rk_window_get_page (window, "overview"));
  g_assert_nonnull (page);
  /* Every page of the process is in the sidebar, the booklet last. */
  g_assert_nonnull (rk_window_get_page (window, "rules"));
  g_assert_nonnull (rk_window_get_page (window, "booklet"));

  /* Edit the council in place. */
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.set-field", "(ss)", "fiscal-year", "2026");
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.set-field", "(ss)", "notes", "事務局: 地域包括ケア推進課");
  g_assert_cmpint (rk_council_get_fiscal_year (rk_store_get_council (store)), ==, 2026);
  g_assert_cmpstr (rk_council_get_notes (rk_store_get_council (store)), ==, "事務局: 地域包括ケア推進課");
  /* A refused edit (an empty name) keeps the stored value, in the model and in the window. */
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.set-field", "(ss)", "name", "");
  g_assert_cmpstr (rk_council_get_name (rk_store_get_council (store)), ==, info.name);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, info.name);

  /* Add two bodies and edit them. */
  g_assert_cmpuint (n_bodies (store), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "overview.add-body", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "overview.add-body", NULL));
  g_assert_cmpuint (n_bodies (store), ==, 2);
  row = RK_BODY_ROW (rk_overview_page_get_body_row (page, 0));
  g_assert_nonnull (row);
  gtk_widget_activate_action (GTK_WIDGET (row), "body.rename", "s", "在宅医療・救急医療連携 作業部会");
  gtk_widget_activate_action (GTK_WIDGET (row), "body.set-tier", "i", RK_TIER_WORKING);
  gtk_widget_activate_action (GTK_WIDGET (row), "body.set-purpose", "s", "連携シートの患者情報項目の検討");
  body = rk_body_row_get_body (row);
  g_assert_cmpstr (rk_body_get_name (body), ==, "在宅医療・救急医療連携 作業部会");
  g_assert_cmpint (rk_body_get_tier (body), ==, RK_TIER_WORKING);

  /* Text typed in one field and never applied survives another field's save, and is saved with it. */
  {
    AdwEntryRow *purpose_row = find_entry_row (GTK_WIDGET (row), "Purpose");
    AdwEntryRow *municipality_row = find_entry_row (GTK_WIDGET (page), "Municipality");

    g_assert_nonnull (purpose_row);
    gtk_editable_set_text (GTK_EDITABLE (purpose_row), "連携シートの様式と運用の検討");
    gtk_widget_activate_action (GTK_WIDGET (row), "body.rename", "s", "連携シート作業部会");
    g_assert_cmpstr (rk_body_get_name (body), ==, "連携シート作業部会");
    g_assert_cmpstr (rk_body_get_purpose (body), ==, "連携シートの様式と運用の検討");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (purpose_row)), ==, "連携シートの様式と運用の検討");

    /* A refused rename keeps the other field's unsaved text too. */
    gtk_editable_set_text (GTK_EDITABLE (purpose_row), "連携シートの患者情報項目の検討");
    gtk_widget_activate_action (GTK_WIDGET (row), "body.rename", "s", "");
    g_assert_cmpstr (rk_body_get_name (body), ==, "連携シート作業部会");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (purpose_row)), ==, "連携シートの患者情報項目の検討");

    /* Leaving a field saves it, without Enter. */
    gtk_widget_activate_action (GTK_WIDGET (row), "body.rename", "s", "在宅医療・救急医療連携 作業部会");
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    gtk_window_present (GTK_WINDOW (window));
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (purpose_row)));
    gtk_editable_set_text (GTK_EDITABLE (purpose_row), "連携シートの患者情報項目の整理");
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
    g_assert_cmpstr (rk_body_get_purpose (body), ==, "連携シートの患者情報項目の整理");
    gtk_widget_activate_action (GTK_WIDGET (row), "body.set-purpose", "s", "連携シートの患者情報項目の検討");

    /* The same for the council's own fields. */
    g_assert_nonnull (municipality_row);
    gtk_editable_set_text (GTK_EDITABLE (municipality_row), "みなと区");
    gtk_widget_activate_action (GTK_WIDGET (page), "overview.set-field", "(ss)", "name", "みなと区在宅医療・救急医療連携推進協議会");
    g_assert_cmpstr (rk_council_get_name (rk_store_get_council (store)), ==, "みなと区在宅医療・救急医療連携推進協議会");
    g_assert_cmpstr (rk_council_get_municipality (rk_store_get_council (store)), ==, "みなと区");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (municipality_row)), ==, "みなと区");
    g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (municipality_row)));
    gtk_editable_set_text (GTK_EDITABLE (municipality_row), "みなと市");
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
    g_assert_cmpstr (rk_council_get_municipality (rk_store_get_council (store)), ==, "みなと市");
    gtk_widget_activate_action (GTK_WIDGET (page), "overview.set-field", "(ss)", "name", info.name);
  }

  row = RK_BODY_ROW (rk_overview_page_get_body_row (page, 1));
  gtk_widget_activate_action (GTK_WIDGET (row), "body.rename", "s", "病院連絡会");
  /* A tier of the user's own: choosing "other" waits for its name, then saves both. */
  gtk_widget_activate_action (GTK_WIDGET (row), "body.set-tier", "i", RK_TIER_OTHER);
  g_assert_cmpint (rk_body_get_tier (rk_body_row_get_body (row)), !=, RK_TIER_OTHER);
  gtk_widget_activate_action (GTK_WIDGET (row), "body.set-tier-label", "s", "病院間の連絡会議");
  g_assert_cmpint (rk_body_get_tier (rk_body_row_get_body (row)), ==, RK_TIER_OTHER);
  g_assert_cmpstr (rk_body_get_display_tier (rk_body_row_get_body (row)), ==, "病院間の連絡会議");

  /* Close, reopen (as from the command line), and the edits are there. */
  close_window_and_check_finalized (window);
  window = rk_test_open_council (path, "the reopened council");
  store = rk_window_get_store (window);
  g_assert_cmpstr (rk_store_get_path (store), ==, path);
  g_assert_cmpint (rk_council_get_fiscal_year (rk_store_get_council (store)), ==, 2026);
  g_assert_cmpuint (n_bodies (store), ==, 2);
  body = find_body (store, "在宅医療・救急医療連携 作業部会");
  g_assert_nonnull (body);
  g_assert_cmpint (rk_body_get_tier (body), ==, RK_TIER_WORKING);
  g_assert_cmpstr (rk_body_get_purpose (body), ==, "連携シートの患者情報項目の検討");
  body = find_body (store, "病院連絡会");
  g_assert_nonnull (body);
  g_assert_cmpint (rk_body_get_tier (body), ==, RK_TIER_OTHER);
  g_assert_cmpstr (rk_body_get_tier_label (body), ==, "病院間の連絡会議");

  /* …and in the widgets. */
  page = RK_OVERVIEW_PAGE (rk_window_get_page (window, "overview"));
  row = find_body_row (page, "在宅医療・救急医療連携 作業部会");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "在宅医療・救急医療連携 作業部会");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), rk_tier_to_label (RK_TIER_WORKING)));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "連携シートの患者情報項目の検討"));
  row = find_body_row (page, "病院連絡会");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "病院間の連絡会議"));

  /* Remove a body, then undo. */
  gtk_widget_activate_action (GTK_WIDGET (row), "body.remove", NULL);
  g_assert_cmpuint (n_bodies (store), ==, 1);
  g_assert_null (find_body (store, "病院連絡会"));
  g_assert_null (find_body_row (page, "病院連絡会"));
  gtk_widget_activate_action (GTK_WIDGET (page), "overview.undo-remove", NULL);
  g_assert_cmpuint (n_bodies (store), ==, 2);
  body = find_body (store, "病院連絡会");
  g_assert_nonnull (body);
  g_assert_cmpstr (rk_body_get_tier_label (body), ==, "病院間の連絡会議");
  g_assert_nonnull (find_body_row (page, "病院連絡会"));

  /* Opening it again presents this window instead of failing or opening a second one. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  rk_test_spin (20);
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_true (rk_window_get_store (window) == store);

  close_window_and_check_finalized (window);
}

static void
test_window_one_council_per_window (void)
{
  g_autofree char *path_a = g_build_filename (tmp_dir, "a.renkei", NULL);
  g_autofree char *path_b = g_build_filename (tmp_dir, "b.renkei", NULL);
  RkCouncilInfo info = { "連携推進会議", "あさひ町", "北海道", 2024, RK_SETUP_EXISTING, NULL };
  RkWindow *window_a;
  GList *windows;

  rk_test_create_council (path_a, &info);
  rk_test_create_council (path_b, &info);

  window_a = rk_test_open_council (path_a, "the first council");

  /* A second council gets a window of its own; the first keeps its council. */
  gtk_widget_activate_action (GTK_WIDGET (window_a), "win.open-file", "s", path_b);
  rk_test_wait_for (has_n_windows, GUINT_TO_POINTER (2), "a second window");
  for (windows = gtk_application_get_windows (GTK_APPLICATION (app)); windows; windows = windows->next)
    g_assert_nonnull (rk_window_get_store (windows->data));
  g_assert_cmpstr (rk_store_get_path (rk_window_get_store (window_a)), ==, path_a);

  /* Dropping on (or opening from) the second window a file the first shows presents the first. */
  gtk_widget_activate_action (GTK_WIDGET (active_window ()), "win.open-file", "s", path_a);
  rk_test_spin (20);
  g_assert_cmpuint (count_windows (), ==, 2);

  close_all_windows ();
}

/* Writes a council and returns its bytes, to make damaged copies of. */
static GBytes *
council_bytes (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "intact.renkei", NULL);
  RkCouncilInfo info = { "連携推進会議", "あさひ町", "北海道", 2024, RK_SETUP_EXISTING, NULL };
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  rk_test_create_council (path, &info);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_unlink (path);

  return g_bytes_new_take (contents, length);
}

static void
test_window_bad_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.renkei", NULL);
  g_autofree char *empty = g_build_filename (tmp_dir, "empty.renkei", NULL);
  g_autofree char *truncated = g_build_filename (tmp_dir, "truncated.renkei", NULL);
  g_autofree char *zeroed = g_build_filename (tmp_dir, "zeroed.renkei", NULL);
  const char *bad_files[] = { path, empty, truncated, zeroed };
  g_autoptr(GBytes) council = council_bytes ();
  g_autofree char *contents = NULL;
  g_autofree char *damaged = g_memdup2 (g_bytes_get_data (council, NULL), g_bytes_get_size (council));
  const char *text = "This is a plain text file, not a council.\n";
  AdwMessageDialog *dialog;
  RkWindow *window;

  g_assert_cmpuint (g_bytes_get_size (council), >, 4096);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (truncated, damaged, g_bytes_get_size (council) / 2, NULL));
  memset (damaged, 0, 100);
  g_assert_true (g_file_set_contents (zeroed, damaged, g_bytes_get_size (council), NULL));

  g_application_activate (G_APPLICATION (app));
  rk_test_wait_for (has_n_windows, GUINT_TO_POINTER (1), "the welcome window");
  window = active_window ();

  /* Recent councils from the earlier tests are listed. */
  g_assert_cmpuint (rk_welcome_page_get_n_recent (RK_WELCOME_PAGE (rk_window_get_welcome_page (window))), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_test_message ("Opening %s", bad_files[i]);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", bad_files[i]);
      dialog = ADW_MESSAGE_DIALOG (rk_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the error dialog"));

      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
      /* The store's own (translated) message, not a generic one. */
      {
        g_autoptr(GError) expected = NULL;
        g_autoptr(RkStore) refused = rk_store_open (bad_files[i], &expected);

        g_assert_null (refused);
        g_assert_error (expected, RK_STORE_ERROR, expected->code);
        g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
      }
      /* Nothing else changed: the same window, still on the welcome page, and the file untouched. */
      g_assert_cmpuint (count_windows (), ==, 1);
      g_assert_cmpstr (rk_window_get_visible_view (window), ==, "welcome");
      g_assert_null (rk_window_get_store (window));

      g_object_ref (dialog);
      adw_message_dialog_response (dialog, "close");
      gtk_window_destroy (GTK_WINDOW (dialog));
      rk_test_spin (20);
      g_assert_finalize_object (dialog);
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  close_window_and_check_finalized (window);
}

static void
test_window_demo (void)
{
  g_autofree char *demo_path = rk_application_get_demo_path ();
  RkWindow *window;
  RkStore *store;

  g_assert_true (g_str_has_prefix (demo_path, tmp_dir));
  g_assert_false (g_file_test (demo_path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  rk_test_wait_for (rk_test_window_shows_council, NULL, "the demo council");
  window = active_window ();
  store = rk_window_get_store (window);
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (rk_store_get_path (store), ==, demo_path);
  g_assert_cmpstr (rk_council_get_name (rk_store_get_council (store)), !=, "");
  g_assert_cmpuint (n_bodies (store), >, 0);
  g_assert_nonnull (rk_overview_page_get_body_row (RK_OVERVIEW_PAGE (rk_window_get_page (window, "overview")), 0));

  /* The shown page follows the sidebar's selection, as an assistive technology selects a row over AT-SPI (without
   * activating it), and the selection follows the page when an action switches it. */
  {
    GtkListBoxRow *members_row = find_named_row (GTK_WIDGET (window), "members");
    GtkListBox *sidebar;

    g_assert_nonnull (members_row);
    sidebar = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (members_row)));
    g_assert_true (page_is_shown (window, "overview"));
    gtk_list_box_select_row (sidebar, members_row);
    g_assert_true (page_is_shown (window, "members"));
    gtk_list_box_select_row (sidebar, find_named_row (GTK_WIDGET (sidebar), "schedule"));
    g_assert_true (page_is_shown (window, "schedule"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
    g_assert_true (page_is_shown (window, "overview"));
    g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar))), ==, "overview");
  }

  /* Opening the demo again shows the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  rk_test_spin (20);
  g_assert_cmpuint (count_windows (), ==, 1);

  close_window_and_check_finalized (window);
}

static int
min_width (GtkWidget *widget)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return min;
}

/* The narrowest the window's content can get. The window's own measure adds the frame that client-side decorations
 * draw around it (its shadow, none on a phone, where windows fill the screen). */
static int
window_min_width (RkWindow *window)
{
  return min_width (gtk_window_get_child (GTK_WINDOW (window)));
}

/* The adaptive floor: every page and view usable at 360 px wide, a phone held upright. */
static void
test_window_narrow (void)
{
  static const char *page_ids[] = { "overview", "members", "schedule", "meetings", "rules", "indicators",
                                    "booklet" };
  static const char *meeting_views[] = { "meetings", "actions", "challenges" };
  RkWindow *window;
  GtkWidget *page;
  GtkWidget *view;
  int min;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  rk_test_wait_for (rk_test_window_shows_council, NULL, "the demo council");
  window = active_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_present (GTK_WINDOW (window));
  rk_test_spin (200);

  /* Every page the sidebar lists, and every view of the meetings page, fits a window 360 px wide. */
  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    {
      GtkListBoxRow *row = find_named_row (GTK_WIDGET (window), page_ids[i]);

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page_ids[i]));
      g_assert_true (page_is_shown (window, page_ids[i]));
      page = rk_window_get_page (window, page_ids[i]);
      g_test_message ("%s: the page's minimum width is %d px", page_ids[i], min_width (page));
      g_assert_cmpint (min_width (page), <=, 360);
      min = window_min_width (window);
      g_test_message ("%s: the window's minimum width is %d px", page_ids[i], min);
      g_assert_cmpint (min, <=, 360);
      rk_test_save_screenshot (window, page_ids[i]);
    }
  /* No page is left out of the list above. */
  g_assert_null (gtk_widget_get_next_sibling (GTK_WIDGET (find_named_row (GTK_WIDGET (window), "booklet"))));

  /* Folded, the booklet's preview is a view of its own. */
  page = rk_window_get_page (window, "booklet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "booklet"));
  g_assert_true (gtk_widget_activate_action (page, "booklet.show-preview", NULL));
  rk_test_spin (300);
  min = window_min_width (window);
  g_test_message ("booklet page, the preview: the window's minimum width is %d px", min);
  g_assert_cmpint (min, <=, 360);
  rk_test_save_screenshot (window, "booklet-preview");
  g_assert_true (gtk_widget_activate_action (page, "booklet.show-composition", NULL));

  /* The meetings page's views are measured and scrolled while it is the page shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings"));
  page = rk_window_get_page (window, "meetings");
  for (guint i = 0; i < G_N_ELEMENTS (meeting_views); i++)
    {
      g_autofree char *name = g_strconcat ("meetings-", meeting_views[i], NULL);

      rk_meetings_page_show_view (RK_MEETINGS_PAGE (page), meeting_views[i]);
      g_assert_cmpstr (rk_meetings_page_get_visible_view (RK_MEETINGS_PAGE (page)), ==, meeting_views[i]);
      view = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (rk_test_find_descendant (page, ADW_TYPE_VIEW_STACK)),
                                               meeting_views[i]);
      g_test_message ("meetings page, %s view: its minimum width is %d px", meeting_views[i], min_width (view));
      g_assert_cmpint (min_width (view), <=, 360);
      min = window_min_width (window);
      g_test_message ("meetings page, %s view: the window's minimum width is %d px", meeting_views[i], min);
      g_assert_cmpint (min, <=, 360);
      rk_test_save_screenshot (window, name);
    }

  /* A meeting's detail in the narrow window. Shown for one of its agenda items, it is scrolled to that item's minutes;
   * another meeting is then read from its top. */
  {
    RkStore *store = rk_window_get_store (window);
    GListModel *meetings = rk_store_get_meetings (store);
    g_autoptr(RkMeeting) first = NULL;
    g_autoptr(RkMeeting) other = NULL;
    g_autoptr(RkMeeting) zeroth = NULL;
    g_autoptr(RkAgendaItem) last_item = NULL;
    GtkScrolledWindow *scrolled;
    GtkAdjustment *adjustment;
    GListModel *agenda = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (meetings) && last_item == NULL; i++)
      {
        g_clear_object (&first);
        first = g_list_model_get_item (meetings, i);
        agenda = rk_store_get_agenda (store, first);
        if (g_list_model_get_n_items (agenda) >= 3)
          last_item = g_list_model_get_item (agenda, g_list_model_get_n_items (agenda) - 1);
      }
    g_assert_nonnull (last_item);
    zeroth = g_list_model_get_item (meetings, 0);
    other = g_list_model_get_item (meetings, zeroth == first ? 1 : 0);

    rk_meetings_page_show_meeting (RK_MEETINGS_PAGE (page), rk_meeting_get_id (first),
                                   rk_agenda_item_get_id (last_item));
    min = window_min_width (window);
    g_test_message ("meetings page, a meeting's detail: the window's minimum width is %d px", min);
    g_assert_cmpint (min, <=, 360);
    rk_test_save_screenshot (window, "meetings-detail");

    scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
      rk_meetings_page_get_minutes_editor (RK_MEETINGS_PAGE (page), rk_agenda_item_get_id (last_item)),
      GTK_TYPE_SCROLLED_WINDOW));
    adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
    rk_test_spin (300);
    g_test_message ("scrolled to the agenda item's minutes: %g of %g", gtk_adjustment_get_value (adjustment),
                    gtk_adjustment_get_upper (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

    rk_meetings_page_show_meeting (RK_MEETINGS_PAGE (page), rk_meeting_get_id (other), 0);
    rk_test_spin (300);
    g_assert_true (rk_meetings_page_get_selected_meeting (RK_MEETINGS_PAGE (page)) == other);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  }

  close_window_and_check_finalized (window);
}

static void
test_window_color_scheme (void)
{
  GSettings *settings = rk_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_action_group_change_action_state (G_ACTION_GROUP (app), "color-scheme", g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  g_action_group_change_action_state (G_ACTION_GROUP (app), "color-scheme", g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  app = rk_test_ui_init (&argc, &argv, "renkei-test-window-XXXXXX");
  tmp_dir = rk_test_ui_get_tmp_dir ();

  g_test_add_func ("/window/starts-on-welcome", test_window_starts_on_welcome);
  g_test_add_func ("/window/new-council-validation", test_window_new_council_validation);
  g_test_add_func ("/window/create-edit-reopen", test_window_create_edit_reopen);
  g_test_add_func ("/window/one-council-per-window", test_window_one_council_per_window);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/demo", test_window_demo);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/color-scheme", test_window_color_scheme);

  return rk_test_ui_run ();
}

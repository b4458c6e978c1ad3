/* test-booklet-page.c — the 冊子 page, driven like a user would through its widgets and actions (suite "ui", under
 * Xvfb).
 *
 * The demo council is opened in a window and its booklet page shown: the preview is typeset in the background and
 * shows pages; parts are left out through a switch and through the actions, and the composition in the council file
 * follows; cover fields are set (和暦 accepted, refused input not saved); the booklet is exported through
 * booklet.export and read back with poppler-glib; an export cancelled leaves no file. A council without rule
 * documents still makes a booklet. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rk-booklet.h"
#include "rk-booklet-page.h"
#include "rk-pdf-viewer.h"
#include "rk-store-rules.h"
#include "rk-test-ui.h"
#include "rk-window.h"
#include "rk-test-core.h"

#define TODAY "2025-10-01"

static RkApplication *app;

/* The switch of the row titled @title, or NULL. */
static GtkSwitch *
find_switch_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    {
      GtkWidget *activatable = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));

      return GTK_IS_SWITCH (activatable) ? GTK_SWITCH (activatable) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_switch_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The preferences group titled @title, or NULL. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
preview_ready (gpointer data)
{
  RkBookletPage *page = data;

  return !rk_booklet_page_get_preview_busy (page) && rk_booklet_page_get_preview_n_pages (page) > 0;
}

static gboolean
export_done (gpointer data)
{
  return !rk_booklet_page_get_exporting (RK_BOOKLET_PAGE (data));
}

/* The composition saved in the council file. */
static RkBooklet *
saved_booklet (RkStore *store)
{
  g_autoptr(GError) error = NULL;
  RkBooklet *booklet = rk_store_get_booklet (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (booklet);
  return booklet;
}

static void
assert_same_parts (const RkBooklet *a,
                   const RkBooklet *b)
{
  g_assert_cmpuint (a->parts->len, ==, b->parts->len);
  for (guint i = 0; i < a->parts->len; i++)
    {
      g_assert_cmpint (g_array_index (a->parts, RkBookletPart, i).kind, ==,
                       g_array_index (b->parts, RkBookletPart, i).kind);
      g_assert_cmpint (g_array_index (a->parts, RkBookletPart, i).version_id, ==,
                       g_array_index (b->parts, RkBookletPart, i).version_id);
    }
}

/* No file in @dir but @expected (a NULL-terminated list of names): an export never leaves a temporary file. */
static void
assert_dir_holds (const char         *dir,
                  const char * const *expected)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (!g_str_has_suffix (name, ".pdf") && strstr (name, "booklet") == NULL)
        continue;
      g_test_message ("in the export folder: %s", name);
      g_assert_true (g_strv_contains (expected, name));
    }
}


/* The shortcut of @widget's managed shortcut controller for @accelerator, or NULL. Managed: the window runs it while
 * the page is shown, whatever has the focus (the sidebar, after the page was chosen there). */
static GtkShortcut *
find_managed_shortcut (GtkWidget  *widget,
                       const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return shortcut;
        }
    }

  return NULL;
}

/* Runs @widget's managed shortcut for @accelerator as the window would. */
static gboolean
activate_shortcut (GtkWidget  *widget,
                   const char *accelerator)
{
  GtkShortcut *shortcut = find_managed_shortcut (widget, accelerator);

  g_assert_nonnull (shortcut);
  /* The window runs managed shortcuts only for a widget on screen. */
  g_assert_true (gtk_widget_get_mapped (widget));
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                       gtk_shortcut_get_arguments (shortcut));
}

typedef struct {
  gboolean  seen;
} PrintDialogSeen;

/* Cancels the print dialog (it runs a nested main loop). */
static gboolean
cancel_print_dialog (gpointer data)
{
  PrintDialogSeen *seen = data;
  /* GtkPrintUnixDialog's header is not among the tests' dependencies: it is found by its type name. */
  GType type = g_type_from_name ("GtkPrintUnixDialog");
  GtkWindow *dialog = type != 0 ? rk_test_find_toplevel (type) : NULL;

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;

  seen->seen = TRUE;
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  return G_SOURCE_REMOVE;
}

static gboolean
page_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
print_dialog_seen (gpointer data)
{
  return ((PrintDialogSeen *) data)->seen;
}

static void
test_booklet_page_demo (void)
{
  g_autofree char *dir = g_build_filename (rk_test_ui_get_tmp_dir (), "exports", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "booklet.pdf", NULL);
  g_autofree char *cancelled_path = g_build_filename (dir, "cancelled-booklet.pdf", NULL);
  const char *expected[] = { "booklet.pdf", NULL };
  g_autoptr(RkBooklet) before = NULL;
  g_autoptr(RkBooklet) saved = NULL;
  RkBookletPage *page;
  RkWindow *window;
  RkStore *store;
  GtkSwitch *schedule_switch;
  RkPdfViewer *viewer;
  guint n_pages;
  gint64 document_id = 0;
  gint64 version_id = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  rk_test_wait_for (rk_test_window_shows_council, NULL, "the demo council");
  window = RK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  store = rk_window_get_store (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  page = RK_BOOKLET_PAGE (rk_window_get_page (window, "booklet"));
  g_assert_true (RK_IS_BOOKLET_PAGE (page));
  g_assert_true (rk_booklet_page_get_store (page) == store);

  /* Out of sight, the page typesets nothing. */
  rk_test_spin (100);
  g_assert_null (rk_booklet_page_get_preview (page));

  /* Shown, the preview is typeset in the background and shows the booklet's pages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "booklet"));
  rk_test_wait_for (preview_ready, page, "the booklet's preview");
  n_pages = rk_booklet_page_get_preview_n_pages (page);
  g_test_message ("the preview has %u pages", n_pages);
  g_assert_cmpuint (n_pages, >, 5);
  g_assert_cmpuint (rk_booklet_page_get_preview_page (page), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.next-page", NULL));
  g_assert_cmpuint (rk_booklet_page_get_preview_page (page), ==, 2);
  rk_test_save_screenshot (window, "booklet-demo");
  for (const char * const *w = rk_booklet_page_get_warnings (page); *w; w++)
    g_test_message ("warning: %s", *w);

  /* The preview opens in the PDF reader at the page shown, with the same pages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.open-viewer", NULL));
  viewer = RK_PDF_VIEWER (rk_test_wait_for_toplevel (RK_TYPE_PDF_VIEWER, "the PDF reader"));
  g_assert_cmpuint (rk_pdf_viewer_get_n_pages (viewer), ==, n_pages);
  g_assert_cmpuint (rk_pdf_viewer_get_page (viewer), ==, 2);
  gtk_window_destroy (GTK_WINDOW (viewer));
  rk_test_spin (50);

  /* The demo's proposal prints every part and some rule text. */
  before = rk_booklet_copy (rk_booklet_page_get_booklet (page));
  g_assert_cmpint (rk_booklet_find_part (before, RK_BOOKLET_PART_SCHEDULE, 0), >=, 0);
  for (guint i = 0; i < before->parts->len && version_id == 0; i++)
    if (g_array_index (before->parts, RkBookletPart, i).kind == RK_BOOKLET_PART_RULES)
      version_id = g_array_index (before->parts, RkBookletPart, i).version_id;
  g_assert_cmpint (version_id, !=, 0);
  document_id = rk_rule_version_get_document_id (rk_store_find_rule_version (store, version_id));

  /* Leave the schedule out with its switch: saved at once, and a new preview comes. */
  schedule_switch = find_switch_row (GTK_WIDGET (page), rk_booklet_part_kind_to_label (RK_BOOKLET_PART_SCHEDULE));
  g_assert_nonnull (schedule_switch);
  g_assert_true (gtk_switch_get_active (schedule_switch));
  gtk_switch_set_active (schedule_switch, FALSE);
  g_assert_true (rk_booklet_page_get_preview_busy (page));
  saved = saved_booklet (store);
  g_assert_cmpint (saved->id, !=, 0);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_SCHEDULE, 0), ==, -1);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_ROSTER, 0), >=, 0);
  assert_same_parts (saved, rk_booklet_page_get_booklet (page));
  g_clear_pointer (&saved, rk_booklet_free);

  /* The roster through the action, and back; a rule document's forms out; the switches follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-part", "(ib)",
                                             RK_BOOKLET_PART_ROSTER, FALSE));
  saved = saved_booklet (store);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_ROSTER, 0), ==, -1);
  g_assert_false (gtk_switch_get_active (
    find_switch_row (GTK_WIDGET (page), rk_booklet_part_kind_to_label (RK_BOOKLET_PART_ROSTER))));
  g_clear_pointer (&saved, rk_booklet_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-part", "(ib)",
                                             RK_BOOKLET_PART_ROSTER, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-rule-part", "(xib)",
                                             document_id, RK_BOOKLET_PART_FORMS, FALSE));
  saved = saved_booklet (store);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_ROSTER, 0), >=, 0);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_RULES, version_id), >=, 0);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_FORMS, version_id), ==, -1);
  /* Still in the canonical order: the roster after the rules. */
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_ROSTER, 0), >,
                   rk_booklet_find_part (saved, RK_BOOKLET_PART_RULES, version_id));
  g_clear_pointer (&saved, rk_booklet_free);

  /* Cover fields: the issue date in 和暦, saved as ISO; a date that does not exist and an empty title are refused and
   * the file keeps the last good composition. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-field", "(ss)", "title",
                                             "みなと市連携ルール集"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-field", "(ss)", "issue-date",
                                             "令和7年4月1日"));
  saved = saved_booklet (store);
  g_assert_cmpstr (saved->title, ==, "みなと市連携ルール集");
  g_assert_cmpstr (saved->issue_date, ==, "2025-04-01");
  g_clear_pointer (&saved, rk_booklet_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-field", "(ss)", "issue-date",
                                             "2025-02-30"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-field", "(ss)", "title", "  "));
  saved = saved_booklet (store);
  g_assert_cmpstr (saved->title, ==, "みなと市連携ルール集");
  g_assert_cmpstr (saved->issue_date, ==, "2025-04-01");
  g_assert_cmpstr (rk_booklet_page_get_booklet (page)->title, ==, "みなと市連携ルール集");
  g_clear_pointer (&saved, rk_booklet_free);

  /* The preview catches up with the edits (one build, after they pause). */
  rk_test_wait_for (preview_ready, page, "the preview after the edits");
  g_assert_false (rk_booklet_page_get_preview_busy (page));
  g_test_message ("the preview now has %u pages", rk_booklet_page_get_preview_n_pages (page));
  {
    g_autofree char *cover = rk_test_pdf_page_text (rk_booklet_page_get_preview (page), 0, " \t\n\v\f\r");

    g_assert_nonnull (strstr (cover, "みなと市連携ルール集"));
  }

  /* Export through the action with a path: it runs in the background, and the file is complete when it ends. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.export", "s", pdf_path));
  g_assert_true (rk_booklet_page_get_exporting (page));
  rk_test_wait_for (export_done, page, "the export");
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(RkTestPdf) document = rk_test_open_pdf (pdf_path);
    g_autofree char *cover = rk_test_pdf_page_text (document, 0, " \t\n\v\f\r");

    g_test_message ("the exported booklet has %d pages", poppler_document_get_n_pages (document));
    g_assert_cmpint (poppler_document_get_n_pages (document), >, 5);
    g_assert_nonnull (strstr (cover, "みなと市連携ルール集"));
  }

  /* An export cancelled at once leaves no file, and no temporary file either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.export", "s", cancelled_path));
  g_assert_true (rk_booklet_page_get_exporting (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.cancel", NULL));
  rk_test_wait_for (export_done, page, "the cancelled export");
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  assert_dir_holds (dir, expected);

  /* A refresh (F5) typesets the same booklet again; its shortcut is the window's while the page is shown, so it
   * works with the focus still in the sidebar. */
  g_assert_nonnull (find_managed_shortcut (GTK_WIDGET (page), "<Control>e"));
  g_assert_nonnull (find_managed_shortcut (GTK_WIDGET (page), "<Control>p"));
  gtk_widget_grab_focus (rk_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (page)));
  g_assert_true (activate_shortcut (GTK_WIDGET (page), "F5"));
  g_assert_true (rk_booklet_page_get_preview_busy (page));
  rk_test_wait_for (preview_ready, page, "the refreshed preview");

  /* Ctrl+P opens the print dialog. */
  {
    PrintDialogSeen seen = { FALSE, };

    /* Removes itself once it has cancelled the dialog. */
    g_timeout_add (50, cancel_print_dialog, &seen);

    g_assert_true (activate_shortcut (GTK_WIDGET (page), "<Control>p"));
    rk_test_wait_for (print_dialog_seen, &seen, "the print dialog");
  }

  /* Out of sight, the page's shortcuts are not the window's: another page shown, the booklet takes no key. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules"));
  rk_test_wait_for (page_unmapped, page, "the booklet page out of sight");

  rk_test_close_window (window);
}

/* A council without rule documents still makes a booklet, and the page says so. */
static void
test_booklet_page_no_rules (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp_dir, "new.renkei", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "new-booklet.pdf", NULL);
  RkCouncilInfo info = {
    .name = "さくら町在宅医療・救急医療連携協議会",
    .municipality = "さくら町",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  g_autoptr(RkBooklet) saved = NULL;
  RkBookletPage *page;
  RkWindow *window;
  GtkWidget *group;

  rk_test_create_council (path, &info);
  window = rk_test_open_council (path, "the council");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "booklet"));
  page = RK_BOOKLET_PAGE (rk_window_get_page (window, "booklet"));

  group = find_group (GTK_WIDGET (page), "Rule Documents");
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "no rule documents"));

  rk_test_wait_for (preview_ready, page, "the preview");
  g_assert_cmpuint (rk_booklet_page_get_preview_n_pages (page), >=, 2);
  rk_test_save_screenshot (window, "booklet-no-rules");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.set-part", "(ib)",
                                             RK_BOOKLET_PART_REVIEW, FALSE));
  saved = saved_booklet (rk_window_get_store (window));
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_REVIEW, 0), ==, -1);
  g_assert_cmpint (rk_booklet_find_part (saved, RK_BOOKLET_PART_COVER, 0), >=, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "booklet.export", "s", pdf_path));
  rk_test_wait_for (export_done, page, "the export");
  {
    g_autoptr(RkTestPdf) document = rk_test_open_pdf (pdf_path);
    g_autofree char *cover = rk_test_pdf_page_text (document, 0, " \t\n\v\f\r");

    g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
    g_assert_nonnull (strstr (cover, "さくら町"));
  }

  rk_test_close_window (window);
}

/* Printing draws the recorded booklet through GtkPrintOperation: exported to a file here (the dialog's "Print to
 * File" without the dialog), it has the booklet's pages, and the landscape 工程表 pages come out on landscape paper
 * rather than shrunk onto portrait. */
static void
test_booklet_print_to_file (void)
{
  g_autofree char *dir = rk_test_make_tmp_dir ("renkei-booklet-print-XXXXXX");
  g_autofree char *council = g_build_filename (dir, "print.renkei", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(RkStore) store = rk_test_open_demo (council);
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(RkPdfDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint n_landscape = 0;

  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  document = rk_booklet_build (content, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  operation = rk_print_operation_new_for_document (document, booklet->title, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  pdf = rk_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) rk_pdf_document_get_n_pages (document));
  for (guint i = 0; i < rk_pdf_document_get_n_pages (document); i++)
    {
      g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, (int) i);
      double width, height, printed_width, printed_height;

      rk_pdf_document_get_page_size (document, i, &width, &height);
      poppler_page_get_size (page, &printed_width, &printed_height);
      /* The paper turns with the page. */
      g_assert_cmpint (printed_width > printed_height, ==, width > height);
      n_landscape += width > height;
    }
  g_assert_cmpuint (n_landscape, >=, 1);
  rk_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  /* The demo is written as of "today": pinned, so its dates and the booklet's do not move under the test. */
  g_setenv ("RK_TODAY", TODAY, TRUE);
  app = rk_test_ui_init (&argc, &argv, "renkei-test-booklet-page-XXXXXX");

  g_test_add_func ("/booklet-page/demo", test_booklet_page_demo);
  g_test_add_func ("/booklet-page/no-rules", test_booklet_page_no_rules);
  g_test_add_func ("/booklet-page/print-to-file", test_booklet_print_to_file);

  return rk_test_ui_run ();
}

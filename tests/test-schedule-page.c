/* test-schedule-page.c — the 工程表 page, driven like a user would through its actions (suite "ui", under Xvfb).
 *
 * A council is opened in a window, the schedule is started from the guide's three-year plan, tasks are moved, set
 * done, removed and restored, added and refused through the task editor, the chart is zoomed and exported. What is
 * checked is the store, the chart (RkGantt) the page shows and the accessible labels of the rows on screen — what a
 * screen reader says — never pixels. The PDF is read back with poppler-glib. */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rk-gantt-row.h"
#include "rk-month-row.h"
#include "rk-schedule-page.h"
#include "rk-task-editor.h"
#include "rk-test-ui.h"

static RkTask *
find_task (RkStore    *store,
           const char *code)
{
  GListModel *tasks = rk_store_get_tasks (store);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (rk_task_get_code (task), code) == 0)
        return task;
    }

  return NULL;
}

static guint
find_row (RkGantt *gantt,
          RkTask  *task)
{
  for (guint row = 0; row < rk_gantt_get_n_rows (gantt); row++)
    if (rk_gantt_get_row_task (gantt, row) == task)
      return row;

  g_assert_not_reached ();
}

static guint
find_step_row (RkGantt *gantt,
               int      step)
{
  for (guint row = 0; row < rk_gantt_get_n_rows (gantt); row++)
    if (rk_gantt_get_row_kind (gantt, row) == RK_GANTT_ROW_STEP && rk_gantt_get_row_step (gantt, row) == step)
      return row;

  g_assert_not_reached ();
}

typedef struct {
  RkSchedulePage *page;
  guint           row;
} RowRef;

static gboolean
row_on_screen (gpointer data)
{
  RowRef *ref = data;

  return rk_schedule_page_get_row_widget (ref->page, ref->row) != NULL;
}

/* The accessible label of @row on screen: what the chart's own description says. Returns it (owned by the row). */
static const char *
assert_row_label (RkSchedulePage *page,
                  guint           row)
{
  RowRef ref = { page, row };
  g_autofree char *expected = NULL;
  GtkWidget *widget;

  rk_test_wait_for (row_on_screen, &ref, "the row on screen");
  rk_test_spin (20);
  widget = rk_schedule_page_get_row_widget (page, row);
  expected = rk_gantt_describe_row (rk_schedule_page_get_gantt (page), row);
  g_assert_cmpstr (rk_gantt_row_get_label (RK_GANTT_ROW (widget)), ==, expected);
  g_assert_cmpuint (rk_gantt_row_get_row (RK_GANTT_ROW (widget)), ==, row);

  return rk_gantt_row_get_label (RK_GANTT_ROW (widget));
}

static void
assert_label_has_span (const char *label,
                       RkTask     *task)
{
  RkMonth start, end;
  g_autofree char *span = NULL;

  g_assert_true (rk_month_parse (rk_task_get_start_month (task), &start));
  g_assert_true (rk_month_parse (rk_task_get_end_month (task), &end));
  span = rk_month_format_span (start, end);
  g_assert_nonnull (strstr (label, rk_task_get_code (task)));
  g_assert_nonnull (strstr (label, rk_task_get_title (task)));
  g_assert_nonnull (strstr (label, span));
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
close_editor (RkTaskEditor *editor,
              const char   *action)
{
  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL);
  rk_test_spin (20);
  g_assert_finalize_object (editor);
  g_assert_null (rk_test_find_toplevel (RK_TYPE_TASK_EDITOR));
}

static void
test_schedule_page (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp_dir, "minato.renkei", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "schedule.pdf", NULL);
  g_autofree char *png_path = g_build_filename (tmp_dir, "schedule.png", NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  RkSchedulePage *page;
  GListModel *rows;
  RkWindow *window;
  RkStore *store;
  RkTask *first, *second;
  guint n_step3 = 0, row;

  rk_test_create_council (path, &info);
  window = rk_test_open_council (path, "the council");
  store = rk_window_get_store (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "schedule"));
  page = RK_SCHEDULE_PAGE (rk_window_get_page (window, "schedule"));
  g_assert_true (RK_IS_SCHEDULE_PAGE (page));
  g_assert_true (rk_schedule_page_get_store (page) == store);
  rows = rk_schedule_page_get_rows (page);
  rk_test_spin (50);

  /* No tasks: the empty state offers the templates; the chart still has its six steps. */
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_tasks (store)), ==, 0);
  g_assert_true (gtk_widget_get_mapped (rk_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE)));
  g_assert_cmpuint (rk_gantt_get_n_rows (rk_schedule_page_get_gantt (page)), ==, 6);

  /* Choosing a template asks the start month, from April of the council's first fiscal year. */
  {
    GtkWindow *dialog;
    GtkWidget *month_row;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.choose-template", "s", "three-year"));
    dialog = rk_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the template dialog");
    month_row = rk_test_find_descendant (GTK_WIDGET (dialog), RK_TYPE_MONTH_ROW);
    g_assert_nonnull (month_row);
    g_assert_cmpint (rk_month_row_get_month (RK_MONTH_ROW (month_row)), ==, 2025 * 12 + 3);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (month_row)), "令和7年"));
    g_object_ref (dialog);
    /* What its Cancel button does. */
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    gtk_window_close (dialog);
    rk_test_spin (20);
    g_assert_finalize_object (dialog);
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_tasks (store)), ==, 0);
  }

  /* Start from the three-year plan: six step rows and the plan's fourteen tasks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.start-template", "(ss)", "three-year",
                                             "2025-04"));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_tasks (store)), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6 + 14);
  g_assert_cmpuint (rk_gantt_get_n_rows (rk_schedule_page_get_gantt (page)), ==, 6 + 14);
  rk_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (rk_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE)));
  for (row = 0; row < 6 + 14; row++)
    assert_row_label (page, row);

  /* Each task row says its code, title and span; each step row says its step. */
  first = find_task (store, "3-1");
  second = find_task (store, "3-2");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  assert_label_has_span (assert_row_label (page, find_row (rk_schedule_page_get_gantt (page), second)), second);
  g_assert_true (g_str_has_prefix (assert_row_label (page, find_step_row (rk_schedule_page_get_gantt (page), 3)),
                                   "STEP3"));
  for (row = 0; row < rk_gantt_get_n_rows (rk_schedule_page_get_gantt (page)); row++)
    {
      RkTask *task = rk_gantt_get_row_task (rk_schedule_page_get_gantt (page), row);

      n_step3 += task != NULL && rk_task_get_step (task) == 3;
    }
  g_assert_cmpuint (n_step3, >=, 2);

  /* Move 3-1 down: it swaps with 3-2, in the store, the chart and what the rows say; the selection follows. */
  {
    guint first_row = find_row (rk_schedule_page_get_gantt (page), first);
    guint second_row = find_row (rk_schedule_page_get_gantt (page), second);

    g_assert_cmpuint (second_row, ==, first_row + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.move-down", "x",
                                               rk_task_get_id (first)));
    g_assert_cmpint (rk_task_get_position (first), >, rk_task_get_position (second));
    g_assert_cmpuint (find_row (rk_schedule_page_get_gantt (page), first), ==, second_row);
    g_assert_cmpuint (find_row (rk_schedule_page_get_gantt (page), second), ==, first_row);
    assert_label_has_span (assert_row_label (page, first_row), second);
    assert_label_has_span (assert_row_label (page, second_row), first);
    g_assert_true (rk_schedule_page_get_selected_task (page) == first);

    /* And back up. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.move-up", "x", rk_task_get_id (first)));
    g_assert_cmpuint (find_row (rk_schedule_page_get_gantt (page), first), ==, first_row);
    assert_label_has_span (assert_row_label (page, first_row), first);
  }

  /* Done: the step row's label (and the chart's step header) shows the step's progress. */
  {
    guint step_row = find_step_row (rk_schedule_page_get_gantt (page), 3);
    g_autofree char *before = g_strdup (assert_row_label (page, step_row));
    g_autofree char *share = g_strdup_printf ("1/%u", n_step3);
    const char *after;

    g_assert_null (strstr (before, share));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.set-status", "(xi)",
                                               rk_task_get_id (first), (int) RK_TASK_DONE));
    g_assert_cmpint (rk_task_get_status (first), ==, RK_TASK_DONE);
    after = assert_row_label (page, step_row);
    g_assert_cmpstr (after, !=, before);
    g_assert_nonnull (strstr (after, share));
    g_assert_nonnull (strstr (assert_row_label (page, find_row (rk_schedule_page_get_gantt (page), first)),
                              rk_task_status_to_label (RK_TASK_DONE)));
  }

  /* Remove 3-2 and undo it from the toast. */
  {
    gint64 id = rk_task_get_id (second);
    AdwToast *toast;

    g_object_ref (second);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.remove-task", "x", id));
    g_assert_null (find_task (store, "3-2"));
    /* The chart follows once the burst of changes is over, without anyone asking for it. */
    rk_test_spin (100);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6 + 13);
    for (row = 0; row < 6 + 13; row++)
      g_assert_null (strstr (assert_row_label (page, row), rk_task_get_title (second)));
    toast = rk_schedule_page_get_undo_toast (page);
    g_assert_nonnull (toast);
    g_signal_emit_by_name (toast, "button-clicked");
    g_assert_null (rk_schedule_page_get_undo_toast (page));
    g_assert_true (find_task (store, "3-2") == second);
    g_assert_cmpuint (g_list_model_get_n_items (rk_schedule_page_get_rows (page)), ==, 6 + 14);
    assert_label_has_span (assert_row_label (page, find_row (rk_schedule_page_get_gantt (page), second)), second);
    g_object_unref (second);
  }

  /* The editor refuses an end before the start, and shows the task's (no) meetings. */
  {
    RkTaskEditor *editor;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.edit-task", "x",
                                               rk_task_get_id (second)));
    editor = RK_TASK_EDITOR (rk_test_wait_for_toplevel (RK_TYPE_TASK_EDITOR, "the task editor"));
    g_assert_true (rk_task_editor_get_task (editor) == second);
    g_assert_true (rk_task_editor_get_can_save (editor));
    g_assert_cmpuint (rk_task_editor_get_n_meetings (editor), ==, 0);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "start-month", "2026-04");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "end-month", "2025-06");
    g_assert_false (rk_task_editor_get_can_save (editor));
    g_assert_nonnull (rk_task_editor_get_message (editor));
    g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (editor), "editor.save")));
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    g_assert_true (rk_test_find_toplevel (RK_TYPE_TASK_EDITOR) == GTK_WINDOW (editor));
    g_assert_cmpstr (rk_task_get_start_month (second), !=, "2026-04");
    close_editor (editor, "editor.cancel");
  }

  /* Add a milestone through the editor: it joins STEP5 and the chart says so. */
  {
    RkTaskEditor *editor;
    RkTask *added;
    const char *label;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.add-task", NULL));
    editor = RK_TASK_EDITOR (rk_test_wait_for_toplevel (RK_TYPE_TASK_EDITOR, "the task editor"));
    g_assert_null (rk_task_editor_get_task (editor));
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "step", "5");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "code", "5-9");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "title", "議会への報告");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "start-month", "2026-09");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "end-month", "2026-10");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "owner-text", "みなと市役所");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "milestone", "true");
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "status", "1");
    g_assert_true (rk_task_editor_get_can_save (editor));
    g_object_ref (editor);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    added = rk_task_editor_get_task (editor);
    g_assert_nonnull (added);
    g_object_ref (added);
    rk_test_spin (20);
    g_assert_finalize_object (editor);

    g_assert_cmpint (rk_task_get_step (added), ==, 5);
    g_assert_true (rk_task_get_milestone (added));
    g_assert_cmpstr (rk_task_get_owner_text (added), ==, "みなと市役所");
    g_assert_cmpint (rk_task_get_status (added), ==, RK_TASK_DOING);
    g_assert_cmpuint (g_list_model_get_n_items (rk_schedule_page_get_rows (page)), ==, 6 + 15);
    row = find_row (rk_schedule_page_get_gantt (page), added);
    g_assert_cmpint (rk_gantt_get_row_step (rk_schedule_page_get_gantt (page), row), ==, 5);
    g_assert_true (rk_gantt_get_row_kind (rk_schedule_page_get_gantt (page), row + 1) == RK_GANTT_ROW_STEP);
    label = assert_row_label (page, row);
    assert_label_has_span (label, added);
    g_assert_nonnull (strstr (label, rk_task_status_to_label (RK_TASK_DOING)));
    g_object_unref (added);
  }

  /* Quarters make the timeline narrower; months bring it back. */
  {
    double months = rk_gantt_get_timeline_width (rk_schedule_page_get_gantt (page));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.zoom", "s", "quarter"));
    g_assert_cmpfloat (rk_gantt_get_timeline_width (rk_schedule_page_get_gantt (page)), <, months);
    assert_row_label (page, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.zoom", "s", "month"));
    g_assert_cmpfloat (rk_gantt_get_timeline_width (rk_schedule_page_get_gantt (page)), ==, months);
  }

  /* Export: a PDF that poppler reads, with the tasks in it, and a PNG that loads. */
  {
    PopplerDocument *document;
    g_autoptr(GdkPixbuf) pixbuf = NULL;
    g_autofree char *uri = NULL;
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *title = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.export-pdf-to", "s", pdf_path));
    g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
    uri = g_filename_to_uri (pdf_path, NULL, &error);
    g_assert_no_error (error);
    document = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
    for (int i = 0; i < poppler_document_get_n_pages (document); i++)
      {
        PopplerPage *pdf_page = poppler_document_get_page (document, i);
        g_autofree char *page_text = poppler_page_get_text (pdf_page);

        g_string_append (text, page_text);
        g_object_unref (pdf_page);
      }
    g_assert_nonnull (strstr (text->str, "定期研究会の開催"));
    g_assert_nonnull (strstr (text->str, "議会への報告"));
    title = poppler_document_get_title (document);
    g_assert_nonnull (strstr (title, info.name));
    g_object_unref (document);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "schedule.export-png-to", "s", png_path));
    pixbuf = gdk_pixbuf_new_from_file (png_path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 100);
    g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >, 100);
  }

  rk_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  rk_test_ui_init (&argc, &argv, "renkei-test-schedule-page-XXXXXX");

  g_test_add_func ("/schedule-page/template-move-status-remove-export", test_schedule_page);

  return rk_test_ui_run ();
}

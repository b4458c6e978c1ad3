/* test-indicators-page.c — the 効果検証指標 page, driven like a user would through its actions (suite "ui", under Xvfb).
 *
 * A council is opened in a window, an indicator is chosen from the guide's catalog, measurements are recorded for two
 * periods and bad ones refused, measurements are imported from a CSV with a bad row, the indicator is removed and
 * restored, and the indicators are exported. What is checked is the store and what the chart says in words — the
 * accessible description a screen reader reads — never pixels. The PDF is read back with poppler-glib. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rk-indicators-page.h"
#include "rk-store-tasks.h"
#include "rk-task.h"
#include "rk-test-ui.h"

static RkApplication *app;

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_suggested_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_suggested_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
record (RkIndicatorsPage *page,
        RkIndicator      *indicator,
        const char       *period,
        const char       *numerator,
        const char       *denominator)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.record", "(xssss)",
                                             rk_indicator_get_id (indicator), period, "", numerator, denominator));
}

static void
assert_refused (RkIndicatorsPage *page,
                RkIndicator      *indicator,
                const char       *period,
                const char       *numerator,
                const char       *denominator,
                GQuark            domain,
                int               code)
{
  g_autoptr(GError) error = NULL;
  guint n = rk_indicator_get_n_values (indicator);
  g_autofree char *before = g_strdup (rk_indicators_page_get_chart_description (page));

  g_assert_false (rk_indicators_page_record (page, indicator, period, "", numerator, denominator, &error));
  g_assert_error (error, domain, code);
  g_test_message ("refused %s %s/%s: %s", period, numerator, denominator, error->message);
  g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, n);
  g_assert_cmpstr (rk_indicators_page_get_chart_description (page), ==, before);
}

static void
test_indicators_page (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp_dir, "minato.renkei", NULL);
  g_autofree char *csv_path = g_build_filename (tmp_dir, "measurements.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "indicators.pdf", NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  RkIndicatorsPage *page;
  RkIndicator *indicator;
  RkWindow *window;
  RkStore *store;
  g_autofree char *empty = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  rk_test_create_council (path, &info);
  window = rk_test_open_council (path, "the council");
  store = rk_window_get_store (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "indicators"));
  page = RK_INDICATORS_PAGE (rk_window_get_page (window, "indicators"));
  g_assert_true (RK_IS_INDICATORS_PAGE (page));
  g_assert_true (rk_indicators_page_get_store (page) == store);
  rk_test_spin (50);

  /* Nothing chosen: the empty state offers the catalog. */
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_indicators (store)), ==, 0);
  g_assert_cmpuint (rk_indicators_page_get_n_dashboard_charts (page), ==, 0);
  g_assert_true (gtk_widget_get_mapped (rk_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE)));
  g_assert_null (rk_indicators_page_get_shown_indicator (page));

  /* The catalog dialog lists the guide's indicators; choosing C2 (自宅死の割合) shows it. */
  {
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.choose-catalog", NULL));
    dialog = rk_test_wait_for_toplevel (ADW_TYPE_WINDOW, "the catalog dialog");
    g_assert_nonnull (rk_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW));
    g_object_ref (dialog);
    gtk_window_destroy (dialog);
    rk_test_spin (20);
    g_assert_finalize_object (dialog);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-catalog", "s", "C2"));
  indicator = rk_indicators_page_get_shown_indicator (page);
  g_assert_nonnull (indicator);
  g_assert_cmpstr (rk_indicator_get_catalog_code (indicator), ==, "C2");
  g_assert_true (rk_indicator_get_is_ratio (indicator));
  g_assert_cmpuint (rk_indicators_page_get_n_dashboard_charts (page), ==, 1);
  rk_test_spin (50);
  /* The catalog now offers it as added. */
  {
    GtkWindow *dialog;
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    guint n_added = 0, n_offered = 0;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.choose-catalog", NULL));
    dialog = rk_test_wait_for_toplevel (ADW_TYPE_WINDOW, "the catalog dialog");
    collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      {
        const char *code = g_object_get_data (g_ptr_array_index (buttons, i), "rk-code");

        if (code == NULL)
          continue;
        n_offered++;
        n_added += !gtk_widget_get_sensitive (g_ptr_array_index (buttons, i));
        g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)) == (g_strcmp0 (code, "C2") != 0));
      }
    g_assert_cmpuint (n_offered, ==, g_list_model_get_n_items (rk_catalog_get_indicators (rk_catalog_get_default ())));
    g_assert_cmpuint (n_added, ==, 1);
    g_object_ref (dialog);
    gtk_window_destroy (dialog);
    rk_test_spin (20);
    g_assert_finalize_object (dialog);
  }
  g_assert_true (gtk_widget_get_mapped (rk_indicators_page_get_chart (page)));
  empty = g_strdup (rk_indicators_page_get_chart_description (page));
  g_assert_nonnull (empty);
  g_assert_true (g_str_has_prefix (empty, rk_indicator_get_name (indicator)));

  /* The same catalog indicator twice is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-catalog", "s", "C2"));
  rk_test_spin (20);
  {
    GtkWindow *dialog = rk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    gtk_window_destroy (dialog);
  }
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_indicators (store)), ==, 1);

  /* Two periods, numerator and denominator: the chart says each, and changes each time. */
  record (page, indicator, "2023", "166", "1212");
  one = g_strdup (rk_indicators_page_get_chart_description (page));
  g_test_message ("one period: %s", one);
  g_assert_cmpstr (one, !=, empty);
  g_assert_nonnull (strstr (one, "令和5年度"));
  g_assert_nonnull (strstr (one, "13.7"));
  record (page, indicator, "2024", "181", "1240");
  two = g_strdup (rk_indicators_page_get_chart_description (page));
  g_test_message ("two periods: %s", two);
  g_assert_cmpstr (two, !=, one);
  g_assert_nonnull (strstr (two, "令和5年度"));
  g_assert_nonnull (strstr (two, "令和6年度"));
  g_assert_nonnull (strstr (two, "14.6"));
  g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 2);
  g_assert_cmpfloat_with_epsilon (rk_indicator_lookup_value (indicator, "2024")->value, 181.0 / 1240 * 100, 1e-9);
  {
    g_autofree char *described = rk_indicators_page_describe_indicator (page, indicator);

    g_assert_cmpstr (described, ==, two);
  }

  /* Bad input: clear refusals, nothing recorded, the chart unchanged. */
  assert_refused (page, indicator, "2024", "1", "2", RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  assert_refused (page, indicator, "2025Q1", "1", "2", RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD);
  assert_refused (page, indicator, "2025", "1", "0", RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_ZERO_DENOMINATOR);
  assert_refused (page, indicator, "2025", "130", "100", RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_OVER_100);
  assert_refused (page, indicator, "2025", "たくさん", "100", RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_NUMBER);

  /* Correcting a measurement through the form: loaded from its row, recorded again, updated in place. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    collect (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, entries);
    g_assert_cmpuint (entries->len, ==, 5); /* period, value, numerator, denominator, note */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.load-value", "s", "2024"));
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "2024");
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 2)), ==, "181");
    gtk_editable_set_text (g_ptr_array_index (entries, 2), "182");
    gtk_editable_set_text (g_ptr_array_index (entries, 4), "確定値");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.record-entered", NULL));
    g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 2);
    g_assert_cmpfloat (rk_indicator_lookup_value (indicator, "2024")->numerator, ==, 182);
    g_assert_cmpstr (rk_indicator_lookup_value (indicator, "2024")->note, ==, "確定値");
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "");
    g_assert_cmpstr (rk_indicators_page_get_chart_description (page), !=, two);

    /* A new period typed into the form is recorded as new. */
    gtk_editable_set_text (g_ptr_array_index (entries, 0), "2022");
    gtk_editable_set_text (g_ptr_array_index (entries, 2), "158");
    gtk_editable_set_text (g_ptr_array_index (entries, 3), "1187");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.record-entered", NULL));
    g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 3);
    /* Oldest first, whatever the order of entry. */
    g_assert_cmpstr (rk_indicator_get_value (indicator, 0)->period, ==, "2022");
    g_assert_nonnull (strstr (rk_indicators_page_get_chart_description (page), "令和4年度"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.remove-value", "(xs)",
                                               rk_indicator_get_id (indicator), "2022"));
    g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 2);
    g_assert_null (strstr (rk_indicators_page_get_chart_description (page), "令和4年度"));
  }

  /* CSV: one good row, one of an unknown code; the preview shows the bad one, the import takes the good one only. */
  {
    const char *csv = "指標コード,期間,分子,分母,備考\n"
                      "C2,2025,190,1250,速報値\n"
                      "Z9,2025,1,2,\n";
    AdwMessageDialog *dialog;

    g_assert_true (g_file_set_contents (csv_path, csv, -1, &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.import-csv-from", "s", csv_path));
    dialog = ADW_MESSAGE_DIALOG (rk_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the import preview"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 row"));
    g_assert_nonnull (rk_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW));
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
    g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 2);
    adw_message_dialog_response (dialog, "import");
    gtk_window_destroy (GTK_WINDOW (dialog));
    rk_test_spin (20);
    g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 3);
    g_assert_nonnull (strstr (rk_indicators_page_get_chart_description (page), "令和7年度"));
  }

  /* The editor sets the baseline and target; a target period not of the indicator's frequency is refused there. */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    g_autofree char *before = g_strdup (rk_indicators_page_get_chart_description (page));
    GtkWindow *editor;
    GtkWidget *save;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.edit", NULL));
    editor = rk_test_wait_for_toplevel (ADW_TYPE_WINDOW, "the indicator editor");
    collect (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, entries);
    /* name, unit, numerator, denominator, factor, source, notes, baseline value and period, target value and period */
    g_assert_cmpuint (entries->len, ==, 11);
    g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, rk_indicator_get_name (indicator));
    save = find_suggested_button (GTK_WIDGET (editor));
    gtk_editable_set_text (g_ptr_array_index (entries, 7), "13.7");
    gtk_editable_set_text (g_ptr_array_index (entries, 8), "2023");
    gtk_editable_set_text (g_ptr_array_index (entries, 9), "25");
    gtk_editable_set_text (g_ptr_array_index (entries, 10), "2027Q1");
    g_signal_emit_by_name (save, "clicked");
    g_assert_true (rk_test_find_toplevel (ADW_TYPE_WINDOW) == editor);
    g_assert_false (rk_indicator_get_has_target (indicator));
    gtk_editable_set_text (g_ptr_array_index (entries, 10), "2027");
    g_object_ref (editor);
    g_signal_emit_by_name (save, "clicked");
    rk_test_spin (20);
    g_assert_finalize_object (editor);
    g_assert_true (rk_indicator_get_has_target (indicator));
    g_assert_cmpfloat (rk_indicator_get_target_value (indicator), ==, 25);
    g_assert_cmpstr (rk_indicator_get_target_period (indicator), ==, "2027");
    g_assert_true (rk_indicator_get_has_baseline (indicator));
    g_test_message ("with a target: %s", rk_indicators_page_get_chart_description (page));
    g_assert_cmpstr (rk_indicators_page_get_chart_description (page), !=, before);
    g_assert_nonnull (strstr (rk_indicators_page_get_chart_description (page), "令和9年度"));
  }

  /* The dashboard shows every chosen indicator; the back button goes there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-catalog", "s", "A4"));
  g_assert_cmpuint (rk_indicators_page_get_n_dashboard_charts (page), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.show-dashboard", NULL));
  g_assert_null (rk_indicators_page_get_shown_indicator (page));
  g_assert_null (rk_indicators_page_get_chart_description (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.show", "x",
                                             rk_indicator_get_id (indicator)));
  g_assert_true (rk_indicators_page_get_shown_indicator (page) == indicator);

  /* Remove and undo from the toast. */
  {
    AdwToast *toast;

    g_object_ref (indicator);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.remove", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_indicators (store)), ==, 1);
    g_assert_cmpuint (rk_indicators_page_get_n_dashboard_charts (page), ==, 1);
    toast = rk_indicators_page_get_undo_toast (page);
    g_assert_nonnull (toast);
    g_signal_emit_by_name (toast, "button-clicked");
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_indicators (store)), ==, 2);
    g_assert_true (rk_indicators_page_get_shown_indicator (page) == indicator);
    g_assert_cmpuint (rk_indicator_get_n_values (indicator), ==, 3);
    g_object_unref (indicator);
  }

  /* An own indicator through the editor: an empty name is refused in the editor, then it is added and shown. */
  {
    GtkWindow *editor;
    GPtrArray *entries = g_ptr_array_new ();
    GtkWidget *add_button = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.add-own", NULL));
    editor = rk_test_wait_for_toplevel (ADW_TYPE_WINDOW, "the indicator editor");
    collect (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, entries);
    add_button = find_suggested_button (GTK_WIDGET (editor));
    g_assert_nonnull (add_button);
    g_assert_cmpuint (entries->len, >=, 2);
    g_signal_emit_by_name (add_button, "clicked");
    g_assert_true (rk_test_find_toplevel (ADW_TYPE_WINDOW) == editor);
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_indicators (store)), ==, 2);
    /* The first rows: name, unit. */
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "訪問看護ステーション数");
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "施設");
    g_object_ref (editor);
    g_signal_emit_by_name (add_button, "clicked");
    rk_test_spin (20);
    g_assert_finalize_object (editor);
    g_ptr_array_unref (entries);
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_indicators (store)), ==, 3);
    g_assert_cmpstr (rk_indicator_get_name (rk_indicators_page_get_shown_indicator (page)), ==,
                     "訪問看護ステーション数");
    g_assert_cmpstr (rk_indicator_get_catalog_code (rk_indicators_page_get_shown_indicator (page)), ==, "");
    g_assert_cmpuint (rk_indicators_page_get_n_dashboard_charts (page), ==, 3);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.show", "x",
                                               rk_indicator_get_id (indicator)));
  }

  /* Export: a page per indicator, its name and 和暦 periods in the text. */
  {
    PopplerDocument *document;
    g_autofree char *uri = NULL;
    g_autoptr(GString) text = g_string_new (NULL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.export-pdf-to", "s", pdf_path));
    g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
    uri = g_filename_to_uri (pdf_path, NULL, &error);
    g_assert_no_error (error);
    document = poppler_document_new_from_file (uri, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);
    for (int i = 0; i < poppler_document_get_n_pages (document); i++)
      {
        PopplerPage *pdf_page = poppler_document_get_page (document, i);
        g_autofree char *page_text = poppler_page_get_text (pdf_page);

        g_string_append (text, page_text);
        g_object_unref (pdf_page);
      }
    g_assert_nonnull (strstr (text->str, rk_indicator_get_name (indicator)));
    g_assert_nonnull (strstr (text->str, "令和6年度"));
    g_object_unref (document);
  }

  rk_test_close_window (window);
}

/* The demo council's four indicators, each a chart on the dashboard that says its series in words. */
static void
test_indicators_page_demo (void)
{
  RkIndicatorsPage *page;
  RkWindow *window;
  GListModel *indicators;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  rk_test_wait_for (rk_test_window_shows_council, NULL, "the demo council");
  window = RK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "indicators"));
  page = RK_INDICATORS_PAGE (rk_window_get_page (window, "indicators"));
  indicators = rk_store_get_indicators (rk_window_get_store (window));

  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 4);
  g_assert_cmpuint (rk_indicators_page_get_n_dashboard_charts (page), ==, 4);
  rk_test_spin (800);
  rk_test_save_screenshot (window, "indicators-dashboard");

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(RkIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autofree char *described = rk_indicators_page_describe_indicator (page, indicator);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.show", "x",
                                                 rk_indicator_get_id (indicator)));
      g_test_message ("%s", rk_indicators_page_get_chart_description (page));
      g_assert_cmpstr (rk_indicators_page_get_chart_description (page), ==, described);
      /* The demo's periods follow today's date: each measurement's period is in the description. */
      g_assert_cmpuint (rk_indicator_get_n_values (indicator), >=, 2);
      for (guint j = 0; j < rk_indicator_get_n_values (indicator); j++)
        {
          g_autofree char *label = rk_period_format_short (rk_indicator_get_value (indicator, j)->period);

          g_assert_nonnull (strstr (described, label));
        }
      if (g_strcmp0 (rk_indicator_get_catalog_code (indicator), "C2") == 0)
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
            GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (rk_indicators_page_get_chart (page),
                                                          GTK_TYPE_SCROLLED_WINDOW)));

          rk_test_save_screenshot (window, "indicators-detail");
          /* And the measurements and links below the chart. */
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          rk_test_save_screenshot (window, "indicators-detail-end");
        }
    }

  /* Link the last shown indicator to a STEP6 task, and back to none. */
  {
    GListModel *tasks = rk_store_get_tasks (rk_window_get_store (window));
    RkIndicator *shown = rk_indicators_page_get_shown_indicator (page);
    gint64 task_id = 0;

    for (guint i = 0; i < g_list_model_get_n_items (tasks) && task_id == 0; i++)
      {
        g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);

        if (rk_task_get_step (task) == 6 && rk_task_get_id (task) != rk_indicator_get_task_id (shown))
          task_id = rk_task_get_id (task);
      }
    g_assert_cmpint (task_id, !=, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.link-task", "(xx)",
                                               rk_indicator_get_id (shown), task_id));
    g_assert_cmpint (rk_indicator_get_task_id (shown), ==, task_id);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "indicators.link-task", "(xx)",
                                               rk_indicator_get_id (shown), (gint64) 0));
    g_assert_cmpint (rk_indicator_get_task_id (shown), ==, 0);
  }

  rk_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  app = rk_test_ui_init (&argc, &argv, "renkei-test-indicators-page-XXXXXX");

  g_test_add_func ("/indicators-page/choose-record-import-remove-export", test_indicators_page);
  g_test_add_func ("/indicators-page/demo", test_indicators_page_demo);

  return rk_test_ui_run ();
}

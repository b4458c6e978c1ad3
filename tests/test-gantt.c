/* test-gantt.c — the Gantt chart: rows, geometry, accessible descriptions, pixels, the PDF read back with
 * poppler-glib, the PNG, and 10,000 tasks. */

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "rk-catalog.h"
#include "rk-gantt.h"
#include "rk-schedule.h"
#include "rk-store-tasks.h"
#include "rk-store.h"
#include "rk-task-private.h"
#include "rk-task.h"
#include "rk-test-core.h"

/* ---- Helpers ----------------------------------------------------------------------------------------------- */

static const char *test_dir;

static GDate *
date_new (int year,
          int month,
          int day)
{
  return g_date_new_dmy (day, month, year);
}

typedef struct {
  int          step;
  const char  *code;
  const char  *title;
  const char  *start;
  const char  *end;
  RkTaskStatus status;
  gboolean     milestone;
} Spec;

static RkTask *
task_new (const Spec *spec,
          gint64      id)
{
  RkTaskInfo info = { 0 };

  info.step = spec->step;
  info.code = spec->code;
  info.title = spec->title;
  info.start_month = spec->start;
  info.end_month = spec->end;
  info.status = spec->status;
  info.milestone = spec->milestone;
  return rk_task_new_for_store (id, &info, (int) id);
}

static GListStore *
store_of (const Spec *specs,
          guint       n)
{
  GListStore *list = g_list_store_new (RK_TYPE_TASK);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTask) task = task_new (&specs[i], i + 1);

      g_list_store_append (list, task);
    }
  return list;
}

/* The three-year template anchored at 令和7年(2025年)4月, with a few statuses set the way a council would have them
 * in its second autumn. */
static GListStore *
template_tasks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GListStore *list = g_list_store_new (RK_TYPE_TASK);
  RkMonth anchor;

  g_assert_true (rk_month_parse ("2025-04", &anchor));
  infos = rk_schedule_instantiate_template ("three-year", anchor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (infos);
  for (guint i = 0; i < infos->len; i++)
    {
      RkTaskInfo info = *(RkTaskInfo *) g_ptr_array_index (infos, i);
      g_autoptr(RkTask) task = NULL;

      if (g_str_has_prefix (info.code, "1-") || g_str_equal (info.code, "2-1"))
        info.status = RK_TASK_DONE;
      else if (g_str_equal (info.code, "2-2"))
        info.status = RK_TASK_CANCELLED;
      else if (info.step == 3 || info.step == 4)
        info.status = RK_TASK_DOING;
      if (g_str_equal (info.code, "5-2") || g_str_equal (info.code, "6-1"))
        info.milestone = TRUE;
      task = rk_task_new_for_store (i + 1, &info, i);
      g_list_store_append (list, task);
    }
  return list;
}

static RkMonth
month (const char *text)
{
  RkMonth m;

  g_assert_true (rk_month_parse (text, &m));
  return m;
}

/* ---- Rows and range ---------------------------------------------------------------------------------------- */

static void
test_rows (void)
{
  /* Out of step order on purpose: the chart groups them, keeping the order within a step. */
  static const Spec specs[] = {
    { 3, "3-1", "中核となる関係者打合せ", "2025-04", "2027-11", RK_TASK_DOING, FALSE },
    { 1, "1-1", "情報共有と事業設計", "2025-08", "2025-11", RK_TASK_DONE, FALSE },
    { 3, "3-2", "定期研究会の開催", "2025-06", "2026-03", RK_TASK_DOING, FALSE },
    { 6, "6-1", "運用状況確認アンケート", "2027-04", "2028-03", RK_TASK_TODO, TRUE },
  };
  static const struct { RkGanttRowKind kind; int step; int spec; } expected[] = {
    { RK_GANTT_ROW_STEP, 1, -1 }, { RK_GANTT_ROW_TASK, 1, 1 },
    { RK_GANTT_ROW_STEP, 2, -1 },
    { RK_GANTT_ROW_STEP, 3, -1 }, { RK_GANTT_ROW_TASK, 3, 0 }, { RK_GANTT_ROW_TASK, 3, 2 },
    { RK_GANTT_ROW_STEP, 4, -1 },
    { RK_GANTT_ROW_STEP, 5, -1 },
    { RK_GANTT_ROW_STEP, 6, -1 }, { RK_GANTT_ROW_TASK, 6, 3 },
  };
  g_autoptr(GListStore) list = store_of (specs, G_N_ELEMENTS (specs));
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  g_autoptr(RkGantt) gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);

  g_assert_cmpuint (rk_gantt_get_n_rows (gantt), ==, G_N_ELEMENTS (expected));
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    {
      g_assert_cmpint (rk_gantt_get_row_kind (gantt, r), ==, expected[r].kind);
      g_assert_cmpint (rk_gantt_get_row_step (gantt, r), ==, expected[r].step);
      if (expected[r].spec < 0)
        g_assert_null (rk_gantt_get_row_task (gantt, r));
      else
        {
          g_autoptr(RkTask) task = g_list_model_get_item (G_LIST_MODEL (list), expected[r].spec);

          g_assert_true (rk_gantt_get_row_task (gantt, r) == task);
        }
    }

  /* Whole fiscal years: 2025-04 (令和7年度) to 2028-03, the end of 令和9年度 where 6-1 ends. */
  g_assert_cmpint (rk_gantt_get_first_month (gantt), ==, month ("2025-04"));
  g_assert_cmpint (rk_gantt_get_last_month (gantt), ==, month ("2028-03"));
  g_assert_cmpfloat (rk_gantt_get_timeline_width (gantt), >, 0);
  g_assert_cmpfloat (rk_gantt_get_label_width (gantt), >, 100);
  g_assert_cmpfloat (rk_gantt_get_row_height (gantt), >, 10);
  g_assert_cmpfloat (rk_gantt_get_header_height (gantt), >, rk_gantt_get_row_height (gantt));
}

static void
test_range (void)
{
  static const Spec one_month[] = { { 2, "2-1", "アンケート作成", "2026-01", "2026-01", RK_TASK_TODO, FALSE } };
  /* March 2019 belongs to 平成30年度; the chart then runs across the era boundary to 令和2年度. */
  static const Spec across_eras[] = {
    { 1, "1-1", "事業設計", "2019-03", "2019-05", RK_TASK_DONE, FALSE },
    { 5, "5-2", "連携ルール完成", "2020-04", "2021-03", RK_TASK_DONE, TRUE },
  };
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  g_autoptr(GListStore) a = store_of (one_month, 1);
  g_autoptr(GListStore) b = store_of (across_eras, 2);
  g_autoptr(GListStore) empty = g_list_store_new (RK_TYPE_TASK);
  g_autoptr(RkGantt) ga = rk_gantt_new (G_LIST_MODEL (a), RK_GANTT_ZOOM_MONTH, today);
  g_autoptr(RkGantt) gb = rk_gantt_new (G_LIST_MODEL (b), RK_GANTT_ZOOM_MONTH, today);
  g_autoptr(RkGantt) ge = rk_gantt_new (G_LIST_MODEL (empty), RK_GANTT_ZOOM_MONTH, today);

  g_assert_cmpint (rk_gantt_get_first_month (ga), ==, month ("2025-04"));
  g_assert_cmpint (rk_gantt_get_last_month (ga), ==, month ("2026-03"));
  g_assert_cmpint (rk_gantt_get_first_month (gb), ==, month ("2018-04"));
  g_assert_cmpint (rk_gantt_get_last_month (gb), ==, month ("2021-03"));

  /* No tasks: the six step headers and the fiscal year of today. */
  g_assert_cmpuint (rk_gantt_get_n_rows (ge), ==, 6);
  g_assert_cmpint (rk_gantt_get_first_month (ge), ==, month ("2025-04"));
  g_assert_cmpint (rk_gantt_get_last_month (ge), ==, month ("2026-03"));
  for (guint r = 0; r < 6; r++)
    {
      g_autofree char *text = rk_gantt_describe_row (ge, r);
      g_autofree char *prefix = g_strdup_printf ("STEP%u ", r + 1);

      g_assert_cmpint (rk_gantt_get_row_kind (ge, r), ==, RK_GANTT_ROW_STEP);
      g_assert_true (g_str_has_prefix (text, prefix));
      g_assert_true (g_str_has_suffix (text, ", No tasks"));
    }
}

static void
test_zoom (void)
{
  static const Spec specs[] = { { 4, "4-1", "ACPに関する勉強会", "2025-04", "2028-03", RK_TASK_DOING, FALSE } };
  g_autoptr(GListStore) list = store_of (specs, 1);
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  g_autoptr(RkGantt) by_month = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  g_autoptr(RkGantt) by_quarter = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_QUARTER, today);
  double month_w = rk_gantt_get_timeline_width (by_month);
  double quarter_w = rk_gantt_get_timeline_width (by_quarter);

  /* The same months, narrower columns; neither zoom changes what is shown. */
  g_assert_cmpint (rk_gantt_get_first_month (by_month), ==, rk_gantt_get_first_month (by_quarter));
  g_assert_cmpint (rk_gantt_get_last_month (by_month), ==, rk_gantt_get_last_month (by_quarter));
  g_assert_cmpfloat (quarter_w, <, month_w * 0.75);
  g_assert_cmpfloat (quarter_w, >, 0);
  /* Both are a whole number of months wide: 36 of them. */
  g_assert_cmpfloat_with_epsilon (month_w / 36 * 36, month_w, 1e-9);
  g_assert_cmpuint (rk_gantt_get_n_rows (by_month), ==, rk_gantt_get_n_rows (by_quarter));
}

/* ---- Descriptions ------------------------------------------------------------------------------------------ */

static void
test_describe (void)
{
  static const Spec specs[] = {
    { 3, "3-2", "定期研究会の開催", "2025-06", "2026-03", RK_TASK_DOING, FALSE },
    { 3, "3-3", "事例検討会", "2025-05", "2025-07", RK_TASK_DONE, FALSE },
    { 3, "3-4", "視察", "2025-05", "2025-05", RK_TASK_CANCELLED, FALSE },
    { 3, "3-5", "研修会", "2025-04", "2025-08", RK_TASK_TODO, FALSE },
    { 5, "5-2", "連携ルール完成", "2025-09", "2025-09", RK_TASK_TODO, TRUE },
    { 6, "", "運用開始", "2026-04", "2026-04", RK_TASK_DONE, TRUE },
  };
  g_autoptr(GListStore) list = store_of (specs, G_N_ELEMENTS (specs));
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  g_autoptr(RkGantt) gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  RkCatalog *catalog = rk_catalog_get_default ();
  g_autofree char *expected_step3 = NULL;
  g_autofree char *expected_step1 = NULL;
  g_autofree char *text = NULL;

  /* Rows: STEP1, STEP2, STEP3, 3-2, 3-3, 3-4, 3-5, STEP4, STEP5, 5-2, STEP6, 運用開始. */
  g_assert_cmpuint (rk_gantt_get_n_rows (gantt), ==, 12);

  text = rk_gantt_describe_row (gantt, 3);
  g_assert_cmpstr (text, ==, "3-2 定期研究会の開催, 2025年6月–2026年3月, In progress");
  g_clear_pointer (&text, g_free);
  text = rk_gantt_describe_row (gantt, 4);
  g_assert_cmpstr (text, ==, "3-3 事例検討会, 2025年5月–2025年7月, Done");
  g_clear_pointer (&text, g_free);
  /* Ended in August, not done, and it is October: overdue. */
  text = rk_gantt_describe_row (gantt, 6);
  g_assert_cmpstr (text, ==, "3-5 研修会, 2025年4月–2025年8月, Not started, overdue");
  g_clear_pointer (&text, g_free);
  /* A cancelled task is never overdue. */
  text = rk_gantt_describe_row (gantt, 5);
  g_assert_true (g_str_has_prefix (text, "3-4 視察, "));
  g_assert_true (g_str_has_suffix (text, ", Cancelled"));
  g_clear_pointer (&text, g_free);
  text = rk_gantt_describe_row (gantt, 9);
  g_assert_true (g_str_has_prefix (text, "5-2 連携ルール完成, "));
  g_assert_true (g_str_has_suffix (text, ", Not started, milestone, overdue"));
  g_clear_pointer (&text, g_free);
  /* No code: the title alone leads. */
  text = rk_gantt_describe_row (gantt, 11);
  g_assert_true (g_str_has_prefix (text, "運用開始, "));
  g_assert_true (g_str_has_suffix (text, ", Done, milestone"));
  g_clear_pointer (&text, g_free);

  /* Progress per step: done of the tasks not cancelled. */
  expected_step3 = g_strdup_printf ("STEP3 %s, Done 1/3 (33%%)", rk_catalog_get_step_title (catalog, 3));
  text = rk_gantt_describe_row (gantt, 2);
  g_assert_cmpstr (text, ==, expected_step3);
  g_clear_pointer (&text, g_free);
  expected_step1 = g_strdup_printf ("STEP1 %s, No tasks", rk_catalog_get_step_title (catalog, 1));
  text = rk_gantt_describe_row (gantt, 0);
  g_assert_cmpstr (text, ==, expected_step1);
  g_clear_pointer (&text, g_free);
  text = rk_gantt_describe_row (gantt, 10);
  g_assert_true (g_str_has_prefix (text, "STEP6 "));
  g_assert_true (g_str_has_suffix (text, ", Done 1/1 (100%)"));
}

/* A month that cannot be read (a file written by something else) still gives its row, with a note, and never
 * decides the range. */
static void
test_invalid_months (void)
{
  static const Spec specs[] = {
    { 2, "2-1", "読めない月", "2025-13", "令和7年", RK_TASK_DOING, FALSE },
    { 2, "2-2", "終わりが先", "2026-05", "2026-01", RK_TASK_TODO, FALSE },
    { 2, "2-3", "普通", "2025-06", "2025-07", RK_TASK_TODO, FALSE },
  };
  g_autoptr(GListStore) list = store_of (specs, G_N_ELEMENTS (specs));
  g_autoptr(GDate) today = date_new (2025, 5, 1);
  g_autoptr(RkGantt) gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  double width = rk_gantt_get_label_width (gantt) + rk_gantt_get_timeline_width (gantt);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (rk_gantt_get_n_rows (gantt), ==, 9);
  g_assert_cmpint (rk_gantt_get_first_month (gantt), ==, month ("2025-04"));
  g_assert_cmpint (rk_gantt_get_last_month (gantt), ==, month ("2026-03"));
  first = rk_gantt_describe_row (gantt, 2);
  second = rk_gantt_describe_row (gantt, 3);
  g_assert_cmpstr (first, ==, "2-1 読めない月, months not readable, In progress");
  g_assert_cmpstr (second, ==, "2-2 終わりが先, months not readable, Not started");

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) rk_gantt_get_row_height (gantt));
  cr = cairo_create (surface);
  for (guint r = 0; r < rk_gantt_get_n_rows (gantt); r++)
    rk_gantt_draw_row (gantt, cr, r, width, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Pixels ------------------------------------------------------------------------------------------------ */

typedef struct {
  guint8 r, g, b;
} Pixel;

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 value = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (Pixel) { value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff };
}

static gboolean
is_blank (Pixel p)
{
  return p.r > 235 && p.g > 235 && p.b > 235;
}

/* Draws the row of a task in progress, June–August 2025, at @width, and checks that the bar covers exactly its
 * months: the blue of "in progress" inside, the background outside. */
static void
check_bar_pixels (RkGantt *gantt,
                  double   width)
{
  double label = rk_gantt_get_label_width (gantt);
  double row_h = rk_gantt_get_row_height (gantt);
  double pm = MAX (rk_gantt_get_timeline_width (gantt), width - label) / 12;
  double x0 = label + 2 * pm, x1 = label + 5 * pm; /* June is the third month of the fiscal year */
  int y = (int) (row_h / 2);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) row_h);
  cairo_t *cr = cairo_create (surface);

  rk_gantt_draw_row (gantt, cr, 3, width, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int x = (int) x0 + 3; x < (int) x1 - 3; x++)
    {
      Pixel p = pixel_at (surface, x, y);

      /* #3584e4 */
      g_assert_cmpint (ABS (p.r - 0x35), <, 24);
      g_assert_cmpint (ABS (p.g - 0x84), <, 24);
      g_assert_cmpint (ABS (p.b - 0xe4), <, 24);
    }
  /* May (before the bar; the today line is in April) and December to March (after the bar and its label). */
  for (int x = (int) (label + 1.2 * pm); x < (int) (label + 1.8 * pm); x++)
    g_assert_true (is_blank (pixel_at (surface, x, y)));
  for (int m = 8; m < 12; m++)
    for (int x = (int) (label + (m + 0.2) * pm); x < (int) (label + (m + 0.8) * pm); x++)
      g_assert_true (is_blank (pixel_at (surface, x, y)));
  /* Above and below the bar, within its months: the background. */
  g_assert_true (is_blank (pixel_at (surface, (int) ((x0 + x1) / 2), 1)));
  g_assert_true (is_blank (pixel_at (surface, (int) ((x0 + x1) / 2), (int) row_h - 2)));
  /* The label column has the title in it. */
  {
    guint inked = 0;

    for (int x = 40; x < (int) label - 10; x++)
      for (int yy = 0; yy < (int) row_h; yy++)
        inked += !is_blank (pixel_at (surface, x, yy));
    g_assert_cmpuint (inked, >, 20);
  }
  cairo_surface_destroy (surface);
}

static void
test_draw_pixels (void)
{
  static const Spec specs[] = { { 3, "3-2", "定期研究会の開催", "2025-06", "2025-08", RK_TASK_DOING, FALSE } };
  g_autoptr(GListStore) list = store_of (specs, 1);
  g_autoptr(GDate) today = date_new (2025, 4, 16);
  g_autoptr(RkGantt) gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  double label = rk_gantt_get_label_width (gantt);
  double natural = label + rk_gantt_get_timeline_width (gantt);
  double header_h = rk_gantt_get_header_height (gantt);
  cairo_surface_t *surface;
  cairo_t *cr;
  double today_x;
  gboolean red = FALSE;
  guint inked = 0;

  g_assert_cmpint (rk_gantt_get_row_kind (gantt, 3), ==, RK_GANTT_ROW_TASK);
  check_bar_pixels (gantt, natural);
  /* Wider than natural: the timeline stretches and the bar with it. */
  check_bar_pixels (gantt, natural + 360);

  /* The header: the fiscal-year label in the top band, and the today marker (red) in April, half-way through. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) natural, (int) header_h);
  cr = cairo_create (surface);
  rk_gantt_draw_header (gantt, cr, natural, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int x = (int) label + 2; x < (int) natural - 2; x++)
    for (int y = 2; y < (int) header_h / 2 - 2; y++)
      {
        Pixel p = pixel_at (surface, x, y);

        inked += p.r < 128 && p.g < 128 && p.b < 128;
      }
  g_assert_cmpuint (inked, >, 50);
  today_x = label + (rk_gantt_get_timeline_width (gantt) / 12) * (15.5 / 30);
  for (int x = (int) today_x - 2; x <= (int) today_x + 2; x++)
    {
      Pixel p = pixel_at (surface, x, (int) header_h - 3);

      red |= p.r > 180 && p.g < 90 && p.b < 90;
    }
  g_assert_true (red);
  cairo_surface_destroy (surface);
}

/* ---- PDF --------------------------------------------------------------------------------------------------- */

static void
test_pdf (void)
{
  g_autoptr(GListStore) list = template_tasks ();
  g_autoptr(GDate) today = date_new (2026, 10, 15);
  g_autoptr(RkGantt) gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  g_autoptr(RkPdfDocument) doc = rk_gantt_build_document (gantt, "みなと市在宅医療・救急医療連携推進協議会 工程表");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 10, 15, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfFontInfo) font_info = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *path = g_build_filename (test_dir, "工程表.pdf", NULL);
  g_autofree char *uri = NULL;
  RkCatalog *catalog = rk_catalog_get_default ();
  RkPdfMetadata metadata = { .title = "工程表", .creation_date = created };
  PopplerFontsIter *fonts = NULL;
  guint n_fonts = 0;
  int n_pages;

  g_assert_true (rk_pdf_document_export (doc, path, &metadata, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (g_getenv ("RK_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("RK_KEEP_PDF"), "gantt.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (keep, contents, length, NULL));
    }

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >, 0);
  g_assert_cmpint (n_pages, ==, (int) rk_pdf_document_get_n_pages (doc));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *text = rk_test_pdf_page_text (pdf, i, " \n");
      g_autofree char *number = g_strdup_printf ("%d/%d", i + 1, n_pages);
      double w, h;

      /* A4 landscape, with the title, the fiscal-year header and the page number on every page. */
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (w, >, h);
      g_assert_cmpfloat_with_epsilon (w, 841.89, 1);
      g_assert_nonnull (strstr (text, "工程表"));
      g_assert_nonnull (strstr (text, "令和7年度(2025年度)"));
      g_assert_nonnull (strstr (text, "令和9年度(2027年度)"));
      g_assert_nonnull (strstr (text, number));
      g_string_append (all, text);
    }

  for (guint s = 1; s <= 6; s++)
    {
      g_autofree char *title = rk_test_strip (rk_catalog_get_step_title (catalog, s), " \n");
      g_autofree char *badge = g_strdup_printf ("STEP%u", s);

      g_assert_nonnull (strstr (all->str, badge));
      g_assert_nonnull (strstr (all->str, title));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *title = rk_test_strip (rk_task_get_title (task), " \n");

      g_assert_nonnull (strstr (all->str, title));
      g_assert_nonnull (strstr (all->str, rk_task_get_code (task)));
    }
  /* Progress is printed on the step rows, statuses and the legend in words. */
  g_assert_nonnull (strstr (all->str, "Done2/2"));
  g_assert_nonnull (strstr (all->str, "Inprogress"));
  g_assert_nonnull (strstr (all->str, "Milestone"));

  /* Every font is embedded (as a subset). */
  font_info = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (font_info, n_pages, &fonts))
    {
      if (fonts == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (fonts));
          g_assert_true (poppler_fonts_iter_is_subset (fonts));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (fonts));
      poppler_fonts_iter_free (fonts);
      fonts = NULL;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* Many tasks: rows go over pages, each with the header again and no row cut. */
static void
test_pdf_many_pages (void)
{
  g_autoptr(GListStore) list = g_list_store_new (RK_TYPE_TASK);
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  g_autoptr(RkGantt) gantt = NULL;
  g_autoptr(RkPdfDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  guint n_tasks = 120;

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u-%u", i % 6 + 1, i / 6 + 1);
      g_autofree char *title = g_strdup_printf ("作業%03u", i);
      Spec spec = { (int) (i % 6 + 1), code, title, "2025-04", "2025-09", (RkTaskStatus) (i % 4), FALSE };
      g_autoptr(RkTask) task = task_new (&spec, i + 1);

      g_list_store_append (list, task);
    }
  gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_QUARTER, today);
  doc = rk_gantt_build_document (gantt, NULL);
  /* The document outlives the chart it was built from. */
  g_clear_pointer (&gantt, rk_gantt_free);
  bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 3);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = rk_test_pdf_page_text (pdf, i, " \n");

      g_assert_nonnull (strstr (text, "令和7年度(2025年度)"));
    }
  /* Every task on exactly one page. */
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *title = g_strdup_printf ("作業%03u", i);
      guint found = 0;

      for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
        {
          g_autofree char *text = rk_test_pdf_page_text (pdf, p, " \n");

          found += strstr (text, title) != NULL;
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

/* A chart a few rows longer than a page is drawn a little smaller on one page rather than leaving those rows on a
 * page of their own: whenever the chart goes over, its last page has a fair share of the rows. */
static void
test_pdf_no_orphan_rows (void)
{
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  guint one_page_max = 0;

  for (guint n_tasks = 6; n_tasks <= 30; n_tasks += 2)
    {
      g_autoptr(GListStore) list = g_list_store_new (RK_TYPE_TASK);
      g_autoptr(RkGantt) gantt = NULL;
      g_autoptr(RkPdfDocument) doc = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RkTestPdf) pdf = NULL;
      int n_pages;

      for (guint i = 0; i < n_tasks; i++)
        {
          g_autofree char *code = g_strdup_printf ("%u-%u", i % 6 + 1, i / 6 + 1);
          g_autofree char *title = g_strdup_printf ("作業%03u", i);
          Spec spec = { (int) (i % 6 + 1), code, title, "2025-04", "2025-09", RK_TASK_TODO, FALSE };
          g_autoptr(RkTask) task = task_new (&spec, i + 1);

          g_list_store_append (list, task);
        }
      gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_QUARTER, today);
      doc = rk_gantt_build_document (gantt, NULL);
      bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
      g_assert_no_error (error);
      pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      n_pages = poppler_document_get_n_pages (pdf);
      if (n_pages == 1)
        one_page_max = n_tasks;
      else
        {
          g_autofree char *last = rk_test_pdf_page_text (pdf, n_pages - 1, " \n");
          guint on_last = 0;

          for (guint i = 0; i < n_tasks; i++)
            {
              g_autofree char *title = g_strdup_printf ("作業%03u", i);

              on_last += strstr (last, title) != NULL;
            }
          g_test_message ("%u tasks: %d pages, %u on the last", n_tasks, n_pages, on_last);
          g_assert_cmpuint (on_last, >=, 3);
        }
    }
  /* 14 tasks and 6 STEP rows fit on one page only because they are drawn smaller (17 rows at full size). */
  g_assert_cmpuint (one_page_max, >=, 14);
}

/* ---- PNG --------------------------------------------------------------------------------------------------- */

static void
test_png (void)
{
  g_autoptr(GListStore) list = template_tasks ();
  g_autoptr(GDate) today = date_new (2026, 10, 15);
  g_autoptr(RkGantt) gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "工程表.png", NULL);
  double width = rk_gantt_get_label_width (gantt) + rk_gantt_get_timeline_width (gantt);
  double height = rk_gantt_get_header_height (gantt) + rk_gantt_get_n_rows (gantt) * rk_gantt_get_row_height (gantt);
  cairo_surface_t *png;

  g_assert_true (rk_gantt_export_png (gantt, path, 1.0, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (width));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (height));
  cairo_surface_destroy (png);

  g_assert_true (rk_gantt_export_png (gantt, path, 2.0, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (width * 2));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (height * 2));
  cairo_surface_destroy (png);

  if (g_getenv ("RK_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("RK_KEEP_PDF"), "gantt.png", NULL);

      g_assert_true (rk_gantt_export_png (gantt, keep, 1.5, NULL));
    }
}

/* ---- 10,000 tasks ------------------------------------------------------------------------------------------ */

static void
test_many_tasks (void)
{
  g_autoptr(GListStore) list = g_list_store_new (RK_TYPE_TASK);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) today = date_new (2025, 10, 15);
  g_autoptr(RkGantt) gantt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "huge.png", NULL);
  g_autofree char *last = NULL;
  gint64 start;
  double seconds;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *code = g_strdup_printf ("%u-%u", i % 6 + 1, i / 6 + 1);
      g_autofree char *title = g_strdup_printf ("作業 %u", i);
      g_autofree char *start_month = g_strdup_printf ("%04u-%02u", 2025 + i % 5, i % 12 + 1);
      Spec spec = { (int) (i % 6 + 1), code, title, start_month, start_month, (RkTaskStatus) (i % 4), i % 50 == 0 };

      g_ptr_array_add (tasks, task_new (&spec, i + 1));
    }
  g_list_store_splice (list, 0, 0, tasks->pdata, tasks->len);

  start = g_get_monotonic_time ();
  gantt = rk_gantt_new (G_LIST_MODEL (list), RK_GANTT_ZOOM_MONTH, today);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("10,000 tasks laid out in %.1f ms", seconds * 1000);
  g_assert_cmpfloat (seconds, <, 0.5);

  g_assert_cmpuint (rk_gantt_get_n_rows (gantt), ==, 10006);
  g_assert_cmpint (rk_gantt_get_first_month (gantt), ==, month ("2024-04"));
  g_assert_cmpint (rk_gantt_get_last_month (gantt), ==, month ("2030-03"));
  last = rk_gantt_describe_row (gantt, 10005);
  g_assert_true (g_str_has_prefix (last, "6-"));

  /* Far too tall for one image: a clear error, and nothing written. */
  g_assert_false (rk_gantt_export_png (gantt, path, 1.0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The chart of a council file: the store's live task list, whatever its contents. */
static void
test_from_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "generated.renkei", NULL);
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkGantt) gantt = NULL;
  g_autoptr(RkPdfDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDate) today = date_new (2026, 6, 1);
  GListModel *tasks;
  guint n_tasks, task_rows = 0;

  g_assert_true (rk_store_write_generated (path, 3, 7, &error));
  g_assert_no_error (error);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  tasks = rk_store_get_tasks (store);
  n_tasks = g_list_model_get_n_items (tasks);
  g_assert_cmpuint (n_tasks, >, 0);

  gantt = rk_gantt_new (tasks, RK_GANTT_ZOOM_MONTH, today);
  g_assert_cmpuint (rk_gantt_get_n_rows (gantt), ==, n_tasks + 6);
  for (guint r = 0; r < rk_gantt_get_n_rows (gantt); r++)
    {
      g_autofree char *text = rk_gantt_describe_row (gantt, r);
      RkTask *task = rk_gantt_get_row_task (gantt, r);

      g_assert_nonnull (text);
      if (task == NULL)
        continue;
      task_rows++;
      g_assert_cmpint (rk_task_get_step (task), ==, rk_gantt_get_row_step (gantt, r));
      g_assert_nonnull (strstr (text, rk_task_get_title (task)));
      g_assert_nonnull (strstr (text, rk_task_status_to_label (rk_task_get_status (task))));
      /* Every task lies within the chart's months. */
      g_assert_cmpint (month (rk_task_get_start_month (task)), >=, rk_gantt_get_first_month (gantt));
      g_assert_cmpint (month (rk_task_get_end_month (task)), <=, rk_gantt_get_last_month (gantt));
    }
  g_assert_cmpuint (task_rows, ==, n_tasks);
  g_assert_cmpint (rk_month_get_month (rk_gantt_get_first_month (gantt)), ==, 4);
  g_assert_cmpint (rk_month_get_month (rk_gantt_get_last_month (gantt)), ==, 3);

  doc = rk_gantt_build_document (gantt, NULL);
  bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_clear_pointer (&gantt, rk_gantt_free);
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "rk-gantt-XXXXXX", NULL);

  g_test_add_func ("/gantt/rows", test_rows);
  g_test_add_func ("/gantt/range", test_range);
  g_test_add_func ("/gantt/zoom", test_zoom);
  g_test_add_func ("/gantt/describe", test_describe);
  g_test_add_func ("/gantt/invalid-months", test_invalid_months);
  g_test_add_func ("/gantt/draw-pixels", test_draw_pixels);
  g_test_add_func ("/gantt/pdf", test_pdf);
  g_test_add_func ("/gantt/pdf-many-pages", test_pdf_many_pages);
  g_test_add_func ("/gantt/pdf-no-orphan-rows", test_pdf_no_orphan_rows);
  g_test_add_func ("/gantt/png", test_png);
  g_test_add_func ("/gantt/many-tasks", test_many_tasks);
  g_test_add_func ("/gantt/from-store", test_from_store);

  return rk_test_core_run ();
}

/* bench-gantt.c — what drawing the Gantt chart costs with 500 tasks, against an empty chart.
 *
 * Two figures, each the median over repeated runs: one window frame (the header and the rows that fit in 1280×800,
 * as the schedule page's recycling list draws them while scrolling), and the whole chart (export and print).
 * RK_BENCH_REPEAT sets the number of runs. */

#include <stdlib.h>

#include <cairo.h>
#include <glib.h>

#include "rk-gantt.h"
#include "rk-task-private.h"
#include "rk-test-core.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800

static GListStore *
make_tasks (guint n)
{
  static const char *const titles[] = {
    "情報共有と事業設計", "支援者勉強会用資料・アンケート作成", "全包括全地区ACP勉強会の開催", "定期研究会の開催",
    "市民啓発講演会等の開催", "三師会・消防・警察・行政との協議・研修会の開催", "連携ルール完成", "運用状況確認アンケート",
  };
  GListStore *list = g_list_store_new (RK_TYPE_TASK);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      int step = (int) (i * 6 / MAX (n, 1)) + 1;
      g_autofree char *code = g_strdup_printf ("%d-%u", step, i + 1);
      g_autofree char *title = g_strdup_printf ("%s %u", titles[i % G_N_ELEMENTS (titles)], i + 1);
      int start = (int) (i * 7 % 30);
      g_autofree char *start_month = g_strdup_printf ("%04d-%02d", 2025 + (start + 3) / 12, (start + 3) % 12 + 1);
      int end = start + (int) (i % 6);
      g_autofree char *end_month = g_strdup_printf ("%04d-%02d", 2025 + (end + 3) / 12, (end + 3) % 12 + 1);
      RkTaskInfo info = {
        .step = step, .code = code, .title = title, .start_month = start_month, .end_month = end_month,
        .status = (RkTaskStatus) (i % 4), .milestone = i % 17 == 0,
      };

      g_ptr_array_add (tasks, rk_task_new_for_store (i + 1, &info, (int) i));
    }
  g_list_store_splice (list, 0, 0, tasks->pdata, tasks->len);
  return list;
}

/* The header and rows from @first down to @height, as a scrolled window shows them. */
static void
draw_frame (RkGantt *gantt,
            cairo_t *cr,
            guint    first,
            double   width,
            double   height)
{
  double y = rk_gantt_get_header_height (gantt), row_h = rk_gantt_get_row_height (gantt);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
  rk_gantt_draw_header (gantt, cr, width, NULL);
  for (guint row = first; row < rk_gantt_get_n_rows (gantt) && y < height; row++, y += row_h)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      rk_gantt_draw_row (gantt, cr, row, width, NULL);
      cairo_restore (cr);
    }
}

/* Median milliseconds of a window frame, scrolling a little further down each run. */
static double
time_window (RkGantt *gantt,
             guint    repeat)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WINDOW_WIDTH, WINDOW_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree double *times = g_new (double, repeat);
  guint n_rows = rk_gantt_get_n_rows (gantt);

  draw_frame (gantt, cr, 0, WINDOW_WIDTH, WINDOW_HEIGHT); /* warm the fonts, as a shown window has */
  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();

      draw_frame (gantt, cr, (i * 7) % n_rows, WINDOW_WIDTH, WINDOW_HEIGHT);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return rk_test_median (times, repeat);
}

/* Median milliseconds of the whole chart, every row, onto one image. */
static double
time_full (RkGantt *gantt,
           guint    repeat)
{
  double width = rk_gantt_get_label_width (gantt) + rk_gantt_get_timeline_width (gantt);
  double height = rk_gantt_get_header_height (gantt) + rk_gantt_get_n_rows (gantt) * rk_gantt_get_row_height (gantt);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  g_autofree double *times = g_new (double, repeat);

  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();

      draw_frame (gantt, cr, 0, width, height);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return rk_test_median (times, repeat);
}

int
main (void)
{
  const char *env = g_getenv ("RK_BENCH_REPEAT");
  guint repeat = env != NULL ? MAX (1, (guint) g_ascii_strtoull (env, NULL, 10)) : 200;
  g_autoptr(GListStore) tasks = make_tasks (500);
  g_autoptr(GListStore) none = make_tasks (0);
  g_autoptr(GDate) today = g_date_new_dmy (15, 10, 2026);
  g_autoptr(RkGantt) full = NULL;
  g_autoptr(RkGantt) empty = NULL;
  double window_full, window_empty, chart_full, chart_empty, build_ms;
  gint64 start;

  start = g_get_monotonic_time ();
  full = rk_gantt_new (G_LIST_MODEL (tasks), RK_GANTT_ZOOM_MONTH, today);
  build_ms = (g_get_monotonic_time () - start) / 1000.0;
  empty = rk_gantt_new (G_LIST_MODEL (none), RK_GANTT_ZOOM_MONTH, today);

  window_full = time_window (full, repeat);
  window_empty = time_window (empty, repeat);
  chart_full = time_full (full, MAX (repeat / 10, 3));
  chart_empty = time_full (empty, MAX (repeat / 10, 3));

  g_print ("gantt: layout of 500 tasks (rk_gantt_new): %.3f ms\n", build_ms);
  g_print ("gantt: window frame %dx%d, 500 tasks: %.3f ms median of %u\n", WINDOW_WIDTH, WINDOW_HEIGHT,
           window_full, repeat);
  g_print ("gantt: window frame %dx%d, empty chart: %.3f ms median of %u\n", WINDOW_WIDTH, WINDOW_HEIGHT,
           window_empty, repeat);
  g_print ("gantt: window frame ratio 500 tasks / empty: %.2f\n", window_full / window_empty);
  g_print ("gantt: whole chart, 500 tasks (%u rows): %.3f ms median of %u\n", rk_gantt_get_n_rows (full),
           chart_full, MAX (repeat / 10, 3));
  g_print ("gantt: whole chart, empty (%u rows): %.3f ms median of %u\n", rk_gantt_get_n_rows (empty),
           chart_empty, MAX (repeat / 10, 3));
  g_print ("gantt: whole chart ratio 500 tasks / empty: %.2f\n", chart_full / chart_empty);
  return 0;
}

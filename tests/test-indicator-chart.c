/* test-indicator-chart.c — an indicator's chart: values in words, pixels, geometry, and the PDF read back with
 * poppler-glib. */

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "rk-indicator-chart.h"
#include "rk-test-core.h"

static const char *test_dir;

static const RkIndicatorChartPoint home_death_points[] = {
  { "令和5年度", 18.2 },
  { "令和6年度", 19.5 },
  { "令和7年度", 21.04 },
};

/* 自宅死の割合: a share, higher is better. */
static RkIndicatorChartData
home_death (void)
{
  RkIndicatorChartData data = {
    .title = "自宅死の割合",
    .unit = "%",
    .points = home_death_points,
    .n_points = G_N_ELEMENTS (home_death_points),
    .has_target = TRUE,
    .target = 25.0,
    .target_label = "令和9年度",
    .higher_is_better = TRUE,
    .status = RK_INDICATOR_CHART_STATUS_ON_TRACK,
    .decimals = -1,
  };

  return data;
}

static const RkIndicatorChartPoint transport_points[] = {
  { "令和6年4月", 44.0 },
  { "令和6年5月", 45.0 },
  { "令和6年6月", 43.0 },
  { "令和6年7月", 46.0 },
};

/* 救急搬送時間: minutes, lower is better, far from zero. */
static RkIndicatorChartData
transport_time (void)
{
  RkIndicatorChartData data = {
    .title = "救急搬送に要した平均時間",
    .unit = "分",
    .points = transport_points,
    .n_points = G_N_ELEMENTS (transport_points),
    .has_baseline = TRUE,
    .baseline = 44.5,
    .baseline_label = "令和5年度",
    .has_target = TRUE,
    .target = 40.0,
    .target_label = "令和8年度",
    .higher_is_better = FALSE,
    .status = RK_INDICATOR_CHART_STATUS_NEEDS_ATTENTION,
    .decimals = -1,
  };

  return data;
}

/* ---- Words ------------------------------------------------------------------------------------------------- */

static void
test_format_value (void)
{
  RkIndicatorChartData data = home_death ();
  g_autofree char *a = rk_indicator_chart_format_value (&data, 18.2);
  g_autofree char *b = rk_indicator_chart_format_value (&data, 25);
  g_autofree char *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  /* One decimal when any value has one: the target prints as 25.0%, as its neighbours do. */
  g_assert_cmpstr (a, ==, "18.2%");
  g_assert_cmpstr (b, ==, "25.0%");

  data.unit = "件";
  data.points = NULL;
  data.n_points = 0;
  data.target = 1200;
  c = rk_indicator_chart_format_value (&data, 12345);
  g_assert_cmpstr (c, ==, "12,345件");
  d = rk_indicator_chart_format_value (&data, 999);
  g_assert_cmpstr (d, ==, "999件");
  data.decimals = 2;
  e = rk_indicator_chart_format_value (&data, -1234567.256);
  g_assert_cmpstr (e, ==, "-1,234,567.26件");
  data.decimals = 1;
  data.unit = NULL;
  f = rk_indicator_chart_format_value (&data, -0.01);
  g_assert_cmpstr (f, ==, "0.0");
}

static void
test_describe (void)
{
  RkIndicatorChartData data = home_death ();
  g_autofree char *text = NULL, *with_baseline = NULL, *empty = NULL, *unjudged = NULL;

  data.n_points = 2;
  text = rk_indicator_chart_describe (&data);
  g_assert_cmpstr (text, ==, "自宅死の割合 over time: 令和5年度 18.2%, 令和6年度 19.5%; Target 25.0% (令和9年度); On track");

  /* The baseline has a decimal, so every value gets one. */
  data = transport_time ();
  with_baseline = rk_indicator_chart_describe (&data);
  g_assert_cmpstr (with_baseline, ==,
                   "救急搬送に要した平均時間 over time: 令和6年4月 44.0分, 令和6年5月 45.0分, 令和6年6月 43.0分, "
                   "令和6年7月 46.0分; "
                   "Baseline 44.5分 (令和5年度); Target 40.0分 (令和8年度); Needs attention");

  data.n_points = 0;
  data.has_baseline = FALSE;
  data.target_label = NULL;
  data.decimals = 0;
  empty = rk_indicator_chart_describe (&data);
  g_assert_cmpstr (empty, ==, "救急搬送に要した平均時間 over time: No measurements; Target 40分; Needs attention");

  data.status = RK_INDICATOR_CHART_STATUS_NONE;
  data.has_target = FALSE;
  unjudged = rk_indicator_chart_describe (&data);
  g_assert_cmpstr (unjudged, ==, "救急搬送に要した平均時間 over time: No measurements");
}

static void
test_copy (void)
{
  RkIndicatorChartData data = transport_time ();
  g_autoptr(RkIndicatorChartData) copy = rk_indicator_chart_data_copy (&data);
  g_autofree char *a = rk_indicator_chart_describe (&data);
  g_autofree char *b = rk_indicator_chart_describe (copy);

  g_assert_true (copy->points != data.points);
  g_assert_true (copy->title != data.title);
  g_assert_cmpstr (a, ==, b);
}

/* ---- Pixels ------------------------------------------------------------------------------------------------ */

#define IMG_W 560
#define IMG_H 340

static cairo_surface_t *
render (const RkIndicatorChartData *data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, IMG_W, IMG_H);
  cairo_t *cr = cairo_create (surface);

  /* Something that is not white, to see that the chart paints its own background. */
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  rk_indicator_chart_draw (data, cr, IMG_W, IMG_H, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

/* The series' blue (#3584e4 line, #1c71d8 dots, and their antialiased edges over white): far more blue than red.
 * The target's green, the baseline's grey, the text's near-black and the chips never are. */
static gboolean
is_series (guint32 rgb)
{
  int r = rgb >> 16 & 0xff, b = rgb & 0xff;

  return b - r > 90;
}

static void
assert_series_in_plot (const RkIndicatorChartData *data)
{
  RkIndicatorChartData without = *data;
  cairo_surface_t *with_points = render (data);
  cairo_surface_t *no_points = NULL;
  cairo_rectangle_t plot;
  guint n_series = 0;

  without.n_points = 0;
  no_points = render (&without);
  rk_indicator_chart_get_plot_area (data, IMG_W, IMG_H, NULL, &plot);
  g_assert_cmpfloat (plot.x, >, 0);
  g_assert_cmpfloat (plot.y, >, 0);
  g_assert_cmpfloat (plot.x + plot.width, <=, IMG_W);
  g_assert_cmpfloat (plot.y + plot.height, <=, IMG_H);
  g_assert_cmpfloat (plot.width, >, IMG_W / 2);
  g_assert_cmpfloat (plot.height, >, IMG_H / 3);

  /* The background is painted white (no red left), and only the series — not the legend's sample, which both
   * drawings have — is blue in one and not the other; all of it lies in the plot area (dots overhang by their
   * radius). */
  for (int y = 0; y < IMG_H; y++)
    for (int x = 0; x < IMG_W; x++)
      {
        guint32 a = pixel (with_points, x, y);

        g_assert_cmphex (a, !=, 0xff0000);
        if (is_series (a) && !is_series (pixel (no_points, x, y)))
          {
            g_assert_cmpfloat (x, >=, plot.x - 5);
            g_assert_cmpfloat (x, <=, plot.x + plot.width + 5);
            g_assert_cmpfloat (y, >=, plot.y - 5);
            g_assert_cmpfloat (y, <=, plot.y + plot.height + 5);
            n_series++;
          }
      }
  /* A line between points, or a lone dot. */
  g_assert_cmpuint (n_series, >, data->n_points > 1 ? 100 : 20);

  /* Each dot is where rk_indicator_chart_get_point() says, inside the plot, in the dots' colour. */
  for (guint i = 0; i < data->n_points; i++)
    {
      double x, y;

      g_assert_true (rk_indicator_chart_get_point (data, IMG_W, IMG_H, NULL, i, &x, &y));
      g_assert_cmpfloat (x, >, plot.x);
      g_assert_cmpfloat (x, <, plot.x + plot.width);
      g_assert_cmpfloat (y, >=, plot.y);
      g_assert_cmpfloat (y, <=, plot.y + plot.height);
      g_assert_cmphex (pixel (with_points, (int) x, (int) y), ==, 0x1c71d8);
      g_assert_false (is_series (pixel (no_points, (int) x, (int) y)));
    }
  g_assert_false (rk_indicator_chart_get_point (data, IMG_W, IMG_H, NULL, data->n_points, NULL, NULL));

  cairo_surface_destroy (with_points);
  cairo_surface_destroy (no_points);
}

static void
test_pixels (void)
{
  RkIndicatorChartData home = home_death ();
  RkIndicatorChartData transport = transport_time ();
  RkIndicatorChartPoint many[40];
  RkIndicatorChartData monthly = transport_time ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  assert_series_in_plot (&home);
  assert_series_in_plot (&transport);

  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    {
      char *label = g_strdup_printf ("令和%u年%u月", 6 + (i + 3) / 12, (i + 3) % 12 + 1);

      g_ptr_array_add (labels, label);
      many[i].label = label;
      many[i].value = 40 + 5 * sin (i / 3.0);
    }
  monthly.points = many;
  monthly.n_points = G_N_ELEMENTS (many);
  assert_series_in_plot (&monthly);
}

/* Later points: x grows; a higher value is drawn higher; the lines fall where their values do. */
static void
test_geometry (void)
{
  RkIndicatorChartData data = home_death ();
  double x0, y0, x1, y1, x2, y2;
  cairo_rectangle_t plot;
  cairo_surface_t *surface;
  gboolean target_seen = FALSE;
  RkIndicatorChartPoint flat[] = { { "令和6年度", 5 } };
  RkIndicatorChartPoint negative[] = { { "令和6年度", -3 }, { "令和7年度", 2 } };

  g_assert_true (rk_indicator_chart_get_point (&data, IMG_W, IMG_H, NULL, 0, &x0, &y0));
  g_assert_true (rk_indicator_chart_get_point (&data, IMG_W, IMG_H, NULL, 1, &x1, &y1));
  g_assert_true (rk_indicator_chart_get_point (&data, IMG_W, IMG_H, NULL, 2, &x2, &y2));
  g_assert_cmpfloat (x0, <, x1);
  g_assert_cmpfloat (x1, <, x2);
  g_assert_cmpfloat_with_epsilon (x1 - x0, x2 - x1, 1e-6);
  g_assert_cmpfloat (y0, >, y1);
  g_assert_cmpfloat (y1, >, y2);

  /* The target (25 %) is above every point; the green dashed line crosses the plot between the last point's y and
   * the plot's top, on a column with no point. */
  rk_indicator_chart_get_plot_area (&data, IMG_W, IMG_H, NULL, &plot);
  surface = render (&data);
  for (int y = (int) plot.y; y < (int) y2 - 4; y++)
    for (int x = (int) plot.x + 2; x < (int) (plot.x + plot.width); x++)
      {
        guint32 rgb = pixel (surface, x, y);
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;

        /* #26a269, antialiased over white on a line 1.5 wide. */
        if (g - r > 60 && g - b > 30)
          target_seen = TRUE;
      }
  g_assert_true (target_seen);
  cairo_surface_destroy (surface);

  /* A share never gets an axis above 100 %: a value of 100 sits on the top edge. */
  {
    RkIndicatorChartPoint full[] = { { "令和6年度", 60 }, { "令和7年度", 100 } };
    RkIndicatorChartData share = data;
    double y;

    share.points = full;
    share.n_points = 2;
    share.has_target = FALSE;
    rk_indicator_chart_get_plot_area (&share, IMG_W, IMG_H, NULL, &plot);
    g_assert_true (rk_indicator_chart_get_point (&share, IMG_W, IMG_H, NULL, 1, NULL, &y));
    g_assert_cmpfloat_with_epsilon (y, plot.y, 1e-6);
  }

  /* One point, negative values, no target, tiny and huge sizes: drawn without trouble, points inside the plot. */
  data.points = flat;
  data.n_points = 1;
  data.has_target = FALSE;
  data.status = RK_INDICATOR_CHART_STATUS_NONE;
  assert_series_in_plot (&data);
  data.points = negative;
  data.n_points = 2;
  data.unit = NULL;
  assert_series_in_plot (&data);
  g_assert_true (rk_indicator_chart_get_point (&data, IMG_W, IMG_H, NULL, 0, NULL, &y0));
  g_assert_true (rk_indicator_chart_get_point (&data, IMG_W, IMG_H, NULL, 1, NULL, &y1));
  g_assert_cmpfloat (y0, >, y1);

  /* A value that is not a number leaves a gap and does not break the drawing (a broken cairo_t would break a PDF). */
  {
    RkIndicatorChartPoint gap[] = { { "令和5年度", 3 }, { "令和6年度", NAN }, { "令和7年度", 4 } };
    RkIndicatorChartData gapped = data;
    cairo_surface_t *s;

    gapped.points = gap;
    gapped.n_points = 3;
    s = render (&gapped);
    cairo_surface_destroy (s);
  }

  for (guint i = 0; i < 3; i++)
    {
      static const int sizes[][2] = { { 40, 30 }, { 1, 1 }, { 2400, 1600 } };
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[i][0], sizes[i][1]);
      cairo_t *cr = cairo_create (s);

      rk_indicator_chart_draw (&data, cr, sizes[i][0], sizes[i][1], NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
    }
}

/* ---- PDF --------------------------------------------------------------------------------------------------- */

static void
test_pdf (void)
{
  RkIndicatorChartData home = home_death ();
  RkIndicatorChartData transport = transport_time ();
  RkIndicatorChartTerm home_terms[] = {
    { "定義", "自宅での死亡数 / 死亡数 × 100" },
    { "単位", "%" },
    { "データソース", "人口動態統計" },
    { "頻度", "年度" },
  };
  RkIndicatorChartTerm transport_terms[] = {
    { "定義", "救急搬送に要した時間の平均" },
    { "データソース", "消防本部 救急活動記録" },
  };
  RkIndicatorChartPage pages[] = {
    { &home, "患者数・在宅での看取り", home_terms, G_N_ELEMENTS (home_terms) },
    { &transport, "救急搬送 時間・数", transport_terms, G_N_ELEMENTS (transport_terms) },
  };
  g_autoptr(RkPdfDocument) doc = rk_indicator_chart_build_document ("みなと市 効果検証指標", pages, G_N_ELEMENTS (pages));
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 10, 15, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfFontInfo) font_info = NULL;
  g_autofree char *path = g_build_filename (test_dir, "指標.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *first = NULL, *second = NULL;
  RkPdfMetadata metadata = { .title = "効果検証指標", .creation_date = created };
  PopplerFontsIter *fonts = NULL;
  guint n_fonts = 0;

  /* The document copied everything: change the caller's data before export. */
  home_terms[0].value = "changed";
  home.title = "changed";

  g_assert_true (rk_pdf_document_export (doc, path, &metadata, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (g_getenv ("RK_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("RK_KEEP_PDF"), "indicators.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (keep, contents, length, NULL));
    }

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  g_assert_cmpstr (poppler_document_get_title (pdf), ==, "効果検証指標");

  /* A page per indicator: running head, group, name, definition lines, the chart's title, 和暦 periods, values,
   * the target, the status, the page number. */
  first = rk_test_pdf_page_text (pdf, 0, " \n");
  g_assert_nonnull (strstr (first, "みなと市効果検証指標"));
  g_assert_nonnull (strstr (first, "患者数・在宅での看取り"));
  g_assert_nonnull (strstr (first, "自宅死の割合"));
  g_assert_nonnull (strstr (first, "自宅での死亡数/死亡数×100"));
  g_assert_nonnull (strstr (first, "人口動態統計"));
  g_assert_null (strstr (first, "changed"));
  g_assert_nonnull (strstr (first, "令和5年度"));
  g_assert_nonnull (strstr (first, "令和6年度"));
  g_assert_nonnull (strstr (first, "令和7年度"));
  g_assert_nonnull (strstr (first, "19.5%"));
  g_assert_nonnull (strstr (first, "Target25.0%(令和9年度)"));
  g_assert_nonnull (strstr (first, "Ontrack"));
  g_assert_nonnull (strstr (first, "Unit:%"));
  g_assert_nonnull (strstr (first, "-1-"));
  g_assert_null (strstr (first, "救急搬送に要した平均時間"));

  second = rk_test_pdf_page_text (pdf, 1, " \n");
  g_assert_nonnull (strstr (second, "救急搬送に要した平均時間"));
  g_assert_nonnull (strstr (second, "消防本部救急活動記録"));
  g_assert_nonnull (strstr (second, "令和6年4月"));
  g_assert_nonnull (strstr (second, "令和6年7月"));
  g_assert_nonnull (strstr (second, "Baseline44.5分(令和5年度)"));
  g_assert_nonnull (strstr (second, "Needsattention"));
  g_assert_nonnull (strstr (second, "Lowerisbetter"));
  g_assert_nonnull (strstr (second, "-2-"));

  /* Every font is embedded (as a subset). */
  font_info = poppler_font_info_new (pdf);
  while (poppler_font_info_scan (font_info, 2, &fonts))
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

/* No indicators: one page saying so, not an empty file. */
static void
test_pdf_empty (void)
{
  g_autoptr(RkPdfDocument) doc = rk_indicator_chart_build_document ("効果検証指標", NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = rk_test_pdf_page_text (pdf, 0, " \n");
  g_assert_nonnull (strstr (text, "効果検証指標"));
  g_assert_nonnull (strstr (text, "Noindicatorshavebeenchosen."));
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-chart-XXXXXX", NULL);

  g_test_add_func ("/indicator-chart/format-value", test_format_value);
  g_test_add_func ("/indicator-chart/describe", test_describe);
  g_test_add_func ("/indicator-chart/copy", test_copy);
  g_test_add_func ("/indicator-chart/pixels", test_pixels);
  g_test_add_func ("/indicator-chart/geometry", test_geometry);
  g_test_add_func ("/indicator-chart/pdf", test_pdf);
  g_test_add_func ("/indicator-chart/pdf-empty", test_pdf_empty);

  return rk_test_core_run ();
}

/* rk-indicator-chart.c — one 効果検証指標 as a chart.
 *
 * Geometry is computed by one function (chart_geometry()) that measures the text it will draw, so drawing, the
 * plot-area query and the point query always agree. Layouts are made per call: a chart has a few dozen of them and
 * is redrawn only when its data or size changes. */

#include "rk-indicator-chart.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#define PAD            8.0
#define TITLE_SIZE     11.0
#define CHIP_SIZE      8.5
#define TICK_SIZE      8.0
#define VALUE_SIZE     7.5
#define LEGEND_SIZE    8.0
#define DOT_RADIUS     3.5
#define LEGEND_SAMPLE  18.0
#define PAGE_CHART_MIN 220.0

/* The GNOME palette, as in rk-gantt.c. */
typedef struct { double r, g, b; } Rgb;
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }
static const Rgb ink = RGB (0x241f31);
static const Rgb ink_dim = RGB (0x5e5c64);
static const Rgb grid = RGB (0xe6e5e3);
static const Rgb axis = RGB (0x77767b);
static const Rgb series = RGB (0x3584e4);
static const Rgb series_dark = RGB (0x1c71d8);
static const Rgb baseline_grey = RGB (0x9a9996);
static const Rgb target_green = RGB (0x26a269);
static const Rgb chip_good_bg = RGB (0xd5f2e1);
static const Rgb chip_good_fg = RGB (0x1d7a4f);
static const Rgb chip_warn_bg = RGB (0xfbe7b5);
static const Rgb chip_warn_fg = RGB (0x8a5a00);

static void
set_rgb (cairo_t   *cr,
         const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

/* ---- Plain data -------------------------------------------------------------------------------------------- */

RkIndicatorChartData *
rk_indicator_chart_data_copy (const RkIndicatorChartData *data)
{
  RkIndicatorChartData *copy;
  RkIndicatorChartPoint *points;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (data->n_points == 0 || data->points != NULL, NULL);

  copy = g_new (RkIndicatorChartData, 1);
  *copy = *data;
  copy->title = g_strdup (data->title);
  copy->unit = g_strdup (data->unit);
  copy->baseline_label = g_strdup (data->baseline_label);
  copy->target_label = g_strdup (data->target_label);
  points = g_new0 (RkIndicatorChartPoint, MAX (data->n_points, 1));
  for (guint i = 0; i < data->n_points; i++)
    {
      points[i].label = g_strdup (data->points[i].label);
      points[i].value = data->points[i].value;
    }
  copy->points = points;
  return copy;
}

void
rk_indicator_chart_data_free (RkIndicatorChartData *data)
{
  if (data == NULL)
    return;
  for (guint i = 0; i < data->n_points; i++)
    g_free ((char *) data->points[i].label);
  g_free ((RkIndicatorChartPoint *) data->points);
  g_free ((char *) data->title);
  g_free ((char *) data->unit);
  g_free ((char *) data->baseline_label);
  g_free ((char *) data->target_label);
  g_free (data);
}

static gboolean
is_whole (double value)
{
  return fabs (value - round (value)) < 1e-9;
}

static int
chart_decimals (const RkIndicatorChartData *data)
{
  if (data->decimals >= 0)
    return MIN (data->decimals, 6);
  for (guint i = 0; i < data->n_points; i++)
    if (!is_whole (data->points[i].value))
      return 1;
  if ((data->has_baseline && !is_whole (data->baseline)) || (data->has_target && !is_whole (data->target)))
    return 1;
  return 0;
}

/* "1,234.5": locale-independent, grouped by thousands as Japanese official documents write numbers. */
static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *digits, *point;
  gsize n_int;

  /* -0.0 would print as "-0". */
  if (fabs (value) < 0.5 * pow (10, -decimals))
    value = 0;
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  digits = buffer;
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
rk_indicator_chart_format_value (const RkIndicatorChartData *data,
                                 double                      value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  number = format_number (value, chart_decimals (data));
  return g_strconcat (number, data->unit != NULL ? data->unit : "", NULL);
}

static char *
reference_text (const RkIndicatorChartData *data,
                gboolean                    target)
{
  g_autofree char *value = rk_indicator_chart_format_value (data, target ? data->target : data->baseline);
  const char *label = target ? data->target_label : data->baseline_label;

  if (label != NULL && *label != '\0')
    /* Translators: "目標 25.0% (令和9年度)": the target value, then the period it is to be reached in. */
    return target ? g_strdup_printf (_("Target %s (%s)"), value, label)
    /* Translators: "基準値 18.0% (令和4年度)": the baseline value, then the period it was measured in. */
                  : g_strdup_printf (_("Baseline %s (%s)"), value, label);
  /* Translators: "目標 25.0%" */
  return target ? g_strdup_printf (_("Target %s"), value)
  /* Translators: "基準値 18.0%" */
                : g_strdup_printf (_("Baseline %s"), value);
}

static const char *
status_text (RkIndicatorChartStatus status)
{
  switch (status)
    {
    case RK_INDICATOR_CHART_STATUS_ON_TRACK:
      /* Translators: the status of an indicator against its target: 順調 */
      return _("On track");
    case RK_INDICATOR_CHART_STATUS_NEEDS_ATTENTION:
      /* Translators: the status of an indicator against its target: 要注意 */
      return _("Needs attention");
    case RK_INDICATOR_CHART_STATUS_NONE:
    default:
      return NULL;
    }
}

char *
rk_indicator_chart_describe (const RkIndicatorChartData *data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *status;

  g_return_val_if_fail (data != NULL, NULL);

  /* Translators: the start of a chart's description: "自宅死の割合の推移" */
  g_string_append_printf (text, _("%s over time"), data->title != NULL ? data->title : "");
  g_string_append (text, ": ");
  if (data->n_points == 0)
    /* Translators: a chart with no measured values yet: 測定値なし */
    g_string_append (text, _("No measurements"));
  for (guint i = 0; i < data->n_points; i++)
    {
      g_autofree char *value = rk_indicator_chart_format_value (data, data->points[i].value);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "",
                              data->points[i].label != NULL ? data->points[i].label : "", value);
    }
  if (data->has_baseline)
    {
      g_autofree char *baseline = reference_text (data, FALSE);

      g_string_append_printf (text, "; %s", baseline);
    }
  if (data->has_target)
    {
      g_autofree char *target = reference_text (data, TRUE);

      g_string_append_printf (text, "; %s", target);
    }
  status = status_text (data->status);
  if (status != NULL)
    g_string_append_printf (text, "; %s", status);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- Text -------------------------------------------------------------------------------------------------- */

/* The same settings as the PDF's context, so a chart measures the same on an image as in the PDF. */
static PangoContext *
new_default_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("ja-jp"));
  return context;
}

static PangoLayout *
new_layout (PangoContext *context,
            double        size,
            gboolean      bold,
            const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, rk_pdf_face_get_family (RK_PDF_FACE_GOTHIC, NULL));
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *color)
{
  set_rgb (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---- Geometry ---------------------------------------------------------------------------------------------- */

typedef enum {
  LEGEND_SERIES,
  LEGEND_BASELINE,
  LEGEND_TARGET,
  LEGEND_DIRECTION,
  N_LEGEND,
} LegendKind;

typedef struct {
  PangoLayout *layout;
  double       x, y;   /* of the sample's left edge and the row's top, relative to the legend's origin */
  gboolean     shown;
} LegendItem;

typedef struct {
  PangoContext     *context;
  PangoContext     *own;
  int               decimals;
  /* The value axis. */
  double            lo, hi, step;
  int               tick_decimals;
  /* Text. */
  PangoLayout      *title;
  PangoLayout      *chip;
  PangoLayout      *unit;
  double            header_h;
  double            tick_w, tick_h;
  double            value_h;
  double            xlabel_h;
  int               label_every;
  LegendItem        legend[N_LEGEND];
  double            legend_h;
  double            legend_y;
  cairo_rectangle_t plot;
  double            column;
} Geometry;

static double
nice_step (double raw)
{
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* The value range: every point, the baseline and the target, from zero when the values are not far from it (a
 * count or a share), else from just below the lowest (transport times of 40–45 minutes). */
static void
value_axis (const RkIndicatorChartData *data,
            Geometry                   *geo)
{
  double lo = INFINITY, hi = -INFINITY;
  gboolean percent = data->unit != NULL && strcmp (data->unit, "%") == 0;

  for (guint i = 0; i < data->n_points; i++)
    if (isfinite (data->points[i].value))
      {
        lo = MIN (lo, data->points[i].value);
        hi = MAX (hi, data->points[i].value);
      }
  if (data->has_baseline && isfinite (data->baseline))
    {
      lo = MIN (lo, data->baseline);
      hi = MAX (hi, data->baseline);
    }
  if (data->has_target && isfinite (data->target))
    {
      lo = MIN (lo, data->target);
      hi = MAX (hi, data->target);
    }
  if (lo > hi)
    {
      lo = 0;
      hi = percent ? 100 : 10;
    }
  if (lo >= 0 && lo <= hi * 0.5)
    lo = 0;
  if (hi - lo < 1e-9)
    {
      double spread = MAX (fabs (hi) * 0.1, 1);

      lo = lo >= 0 && lo - spread < 0 ? 0 : lo - spread;
      hi += spread;
    }

  geo->step = nice_step ((hi - lo) / 4);
  geo->lo = floor (lo / geo->step + 1e-9) * geo->step;
  /* A line on the lowest value would hide in the x axis: one step of room below it, unless it is zero. */
  if (lo != 0 && fabs (geo->lo - lo) < geo->step * 1e-6)
    geo->lo -= geo->step;
  geo->hi = ceil (hi / geo->step - 1e-9) * geo->step;
  if (geo->hi - geo->lo < geo->step)
    geo->hi = geo->lo + geo->step;
  /* A share never goes above 100 %. */
  if (percent && hi <= 100 && geo->hi > 100)
    geo->hi = 100;
  geo->tick_decimals = MAX (0, (int) -floor (log10 (geo->step) + 1e-9));
}

static double
value_y (const Geometry *geo,
         double          value)
{
  return geo->plot.y + geo->plot.height * (geo->hi - value) / (geo->hi - geo->lo);
}

static double
point_x (const Geometry *geo,
         guint           index)
{
  return geo->plot.x + geo->column * (index + 0.5);
}

/* Lays the legend's items in rows of @width; returns its height. */
static double
legend_flow (Geometry *geo,
             double    width)
{
  double x = 0, y = 0, row_h = 0;

  for (guint i = 0; i < N_LEGEND; i++)
    {
      LegendItem *item = &geo->legend[i];
      double w, h;

      if (!item->shown)
        continue;
      layout_size (item->layout, &w, &h);
      w += i == LEGEND_DIRECTION ? 0 : LEGEND_SAMPLE + 4;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += row_h + 3;
          row_h = 0;
        }
      item->x = x;
      item->y = y;
      x += w + 14;
      row_h = MAX (row_h, h);
    }
  return y + row_h;
}

static void
geometry_clear (Geometry *geo)
{
  g_clear_object (&geo->title);
  g_clear_object (&geo->chip);
  g_clear_object (&geo->unit);
  for (guint i = 0; i < N_LEGEND; i++)
    g_clear_object (&geo->legend[i].layout);
  g_clear_object (&geo->own);
}

static void
chart_geometry (const RkIndicatorChartData *data,
                double                      width,
                double                      height,
                PangoContext               *context,
                Geometry                   *geo)
{
  const char *status = status_text (data->status);
  double title_w, title_h, chip_w = 0, chip_h = 0, unit_h = 0, top, bottom, left;
  double widest_label = 0;
  guint n_ticks;

  memset (geo, 0, sizeof *geo);
  if (context == NULL)
    context = geo->own = new_default_context ();
  geo->context = context;
  geo->decimals = chart_decimals (data);
  value_axis (data, geo);

  /* The header: the title, ellipsized, and the status chip on the right. */
  if (status != NULL)
    {
      geo->chip = new_layout (context, CHIP_SIZE, TRUE, status);
      layout_size (geo->chip, &chip_w, &chip_h);
      chip_w += 12;
      chip_h += 4;
    }
  geo->title = new_layout (context, TITLE_SIZE, TRUE, data->title);
  pango_layout_set_width (geo->title, (int) (MAX (width - 2 * PAD - chip_w - 8, 20) * PANGO_SCALE));
  pango_layout_set_ellipsize (geo->title, PANGO_ELLIPSIZE_END);
  layout_size (geo->title, &title_w, &title_h);
  geo->header_h = MAX (title_h, chip_h);

  if (data->unit != NULL && *data->unit != '\0')
    {
      /* Translators: over a chart's value axis: "単位: %" */
      g_autofree char *unit = g_strdup_printf (_("Unit: %s"), data->unit);

      geo->unit = new_layout (context, TICK_SIZE, FALSE, unit);
      layout_size (geo->unit, NULL, &unit_h);
    }

  /* The value axis' labels: the widest decides where the plot starts. */
  n_ticks = (guint) round ((geo->hi - geo->lo) / geo->step);
  for (guint i = 0; i <= n_ticks; i++)
    {
      g_autofree char *text = format_number (geo->lo + i * geo->step, geo->tick_decimals);
      g_autoptr(PangoLayout) layout = new_layout (context, TICK_SIZE, FALSE, text);
      double w, h;

      layout_size (layout, &w, &h);
      geo->tick_w = MAX (geo->tick_w, w);
      geo->tick_h = MAX (geo->tick_h, h);
    }

  /* The legend. */
  geo->legend[LEGEND_SERIES].layout = new_layout (context, LEGEND_SIZE, FALSE,
                                                  /* Translators: the legend of a chart's series: 実績 */
                                                  _("Measured"));
  geo->legend[LEGEND_SERIES].shown = TRUE;
  if (data->has_baseline)
    {
      g_autofree char *text = reference_text (data, FALSE);

      geo->legend[LEGEND_BASELINE].layout = new_layout (context, LEGEND_SIZE, FALSE, text);
      geo->legend[LEGEND_BASELINE].shown = TRUE;
    }
  if (data->has_target)
    {
      g_autofree char *text = reference_text (data, TRUE);

      geo->legend[LEGEND_TARGET].layout = new_layout (context, LEGEND_SIZE, FALSE, text);
      geo->legend[LEGEND_TARGET].shown = TRUE;
    }
  {
    g_autofree char *text = g_strconcat (data->higher_is_better ? "↑ " : "↓ ",
                                         data->higher_is_better ? _("Higher is better") : _("Lower is better"),
                                         NULL);

    geo->legend[LEGEND_DIRECTION].layout = new_layout (context, LEGEND_SIZE, FALSE, text);
    geo->legend[LEGEND_DIRECTION].shown = TRUE;
  }
  geo->legend_h = legend_flow (geo, width - 2 * PAD);

  /* The period labels' widest decides how many fit under the axis. */
  for (guint i = 0; i < data->n_points; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (context, TICK_SIZE, FALSE, data->points[i].label);
      double w;

      layout_size (layout, &w, NULL);
      widest_label = MAX (widest_label, w);
    }

  /* Under the header: the unit, then room for the value over a dot on the top line. */
  {
    g_autoptr(PangoLayout) value = new_layout (context, VALUE_SIZE, FALSE, "0");

    layout_size (value, NULL, &geo->value_h);
  }
  top = PAD + geo->header_h + 6 + MAX (unit_h, geo->tick_h / 2) + 2 + geo->value_h + DOT_RADIUS;
  left = PAD + geo->tick_w + 6;
  geo->xlabel_h = data->n_points > 0 ? geo->tick_h + 2 : 0;
  geo->legend_y = height - PAD - geo->legend_h;
  geo->plot.x = left;
  geo->plot.y = top;
  geo->plot.width = MAX (width - PAD - 4 - left, 10);
  geo->column = geo->plot.width / MAX (data->n_points, 1);
  /* Period labels stay on one line ("令和6年10月" split before 月 reads badly): when the widest does not fit its
   * column, only every n-th is shown. */
  geo->label_every = MAX (1, (int) ceil ((widest_label + 6) / geo->column));
  bottom = geo->legend_y - 8 - geo->xlabel_h - 4;
  geo->plot.height = MAX (bottom - top, 10);
}

void
rk_indicator_chart_get_plot_area (const RkIndicatorChartData *data,
                                  double                      width,
                                  double                      height,
                                  PangoContext               *context,
                                  cairo_rectangle_t          *area)
{
  Geometry geo;

  g_return_if_fail (data != NULL);
  g_return_if_fail (area != NULL);

  chart_geometry (data, width, height, context, &geo);
  *area = geo.plot;
  geometry_clear (&geo);
}

gboolean
rk_indicator_chart_get_point (const RkIndicatorChartData *data,
                              double                      width,
                              double                      height,
                              PangoContext               *context,
                              guint                       index,
                              double                     *x,
                              double                     *y)
{
  Geometry geo;

  g_return_val_if_fail (data != NULL, FALSE);

  if (index >= data->n_points)
    return FALSE;
  chart_geometry (data, width, height, context, &geo);
  if (x != NULL)
    *x = point_x (&geo, index);
  if (y != NULL)
    *y = value_y (&geo, data->points[index].value);
  geometry_clear (&geo);
  return TRUE;
}

/* ---- Drawing ----------------------------------------------------------------------------------------------- */

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
reference_line (cairo_t   *cr,
                double     x0,
                double     x1,
                double     y,
                const Rgb *color)
{
  static const double dashes[] = { 5.0, 3.0 };

  cairo_save (cr);
  set_rgb (cr, color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_header (const RkIndicatorChartData *data,
             Geometry                   *geo,
             cairo_t                    *cr,
             double                      width)
{
  double title_h;

  layout_size (geo->title, NULL, &title_h);
  show_layout (cr, geo->title, PAD, PAD + (geo->header_h - title_h) / 2, &ink);
  if (geo->chip != NULL)
    {
      gboolean good = data->status == RK_INDICATOR_CHART_STATUS_ON_TRACK;
      double w, h, chip_w, chip_h, x;

      layout_size (geo->chip, &w, &h);
      chip_w = w + 12;
      chip_h = h + 4;
      x = width - PAD - chip_w;
      rounded_rectangle (cr, x, PAD + (geo->header_h - chip_h) / 2, chip_w, chip_h, chip_h / 2);
      set_rgb (cr, good ? &chip_good_bg : &chip_warn_bg);
      cairo_fill (cr);
      show_layout (cr, geo->chip, x + 6, PAD + (geo->header_h - h) / 2, good ? &chip_good_fg : &chip_warn_fg);
    }
}

static void
draw_axes (const RkIndicatorChartData *data,
           Geometry                   *geo,
           cairo_t                    *cr)
{
  const cairo_rectangle_t *plot = &geo->plot;
  guint n_ticks = (guint) round ((geo->hi - geo->lo) / geo->step);

  /* Grid lines and the value labels. */
  cairo_set_line_width (cr, 0.75);
  for (guint i = 0; i <= n_ticks; i++)
    {
      double value = MIN (geo->lo + i * geo->step, geo->hi);
      double y = round (value_y (geo, value)) + 0.375;
      g_autofree char *text = format_number (value, geo->tick_decimals);
      g_autoptr(PangoLayout) layout = new_layout (geo->context, TICK_SIZE, FALSE, text);
      double w, h;

      set_rgb (cr, &grid);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      layout_size (layout, &w, &h);
      show_layout (cr, layout, plot->x - 6 - w, y - h / 2, &ink_dim);
    }
  if (geo->unit != NULL)
    {
      double h;

      layout_size (geo->unit, NULL, &h);
      show_layout (cr, geo->unit, PAD, PAD + geo->header_h + 6, &ink_dim);
    }

  /* The axes. */
  set_rgb (cr, &axis);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, plot->x, plot->y);
  cairo_line_to (cr, plot->x, plot->y + plot->height);
  cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height);
  cairo_stroke (cr);

  /* The period labels, centred under their points; the last one is always shown. */
  for (guint i = 0; i < data->n_points; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double label_w = geo->column * geo->label_every - 2;
      double x = point_x (geo, i), w;

      if ((data->n_points - 1 - i) % geo->label_every != 0)
        continue;
      set_rgb (cr, &axis);
      cairo_move_to (cr, round (x) + 0.5, plot->y + plot->height);
      cairo_line_to (cr, round (x) + 0.5, plot->y + plot->height + 3);
      cairo_stroke (cr);
      layout = new_layout (geo->context, TICK_SIZE, FALSE, data->points[i].label);
      pango_layout_set_width (layout, (int) (label_w * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      w = label_w;
      show_layout (cr, layout, x - w / 2, plot->y + plot->height + 4, &ink);
    }
}

static void
draw_series (const RkIndicatorChartData *data,
             Geometry                   *geo,
             cairo_t                    *cr)
{
  gboolean label_values = TRUE;

  if (data->n_points == 0)
    {
      /* Translators: inside an empty chart */
      g_autoptr(PangoLayout) layout = new_layout (geo->context, LEGEND_SIZE + 1, FALSE, _("No measurements"));
      double w, h;

      layout_size (layout, &w, &h);
      show_layout (cr, layout, geo->plot.x + (geo->plot.width - w) / 2, geo->plot.y + (geo->plot.height - h) / 2,
                   &ink_dim);
      return;
    }

  cairo_save (cr);
  set_rgb (cr, &series);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Start clean: the last label drawn left a current point, which the first line_to would join to. */
  cairo_new_path (cr);
  /* A value that is not a number (never from the store) is a gap: NaN in a path would put the cairo_t, and with
   * it a whole PDF, in an error state. */
  for (guint i = 0; i < data->n_points; i++)
    if (isfinite (data->points[i].value))
      cairo_line_to (cr, point_x (geo, i), value_y (geo, data->points[i].value));
    else
      cairo_new_sub_path (cr);
  cairo_stroke (cr);
  for (guint i = 0; i < data->n_points; i++)
    {
      if (!isfinite (data->points[i].value))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, point_x (geo, i), value_y (geo, data->points[i].value), DOT_RADIUS, 0, 2 * G_PI);
    }
  set_rgb (cr, &series_dark);
  cairo_fill (cr);
  cairo_restore (cr);

  /* The values over their dots, when every one fits its column. */
  for (guint i = 0; i < data->n_points && label_values; i++)
    {
      g_autofree char *text = rk_indicator_chart_format_value (data, data->points[i].value);
      g_autoptr(PangoLayout) layout = new_layout (geo->context, VALUE_SIZE, FALSE, text);
      double w;

      layout_size (layout, &w, NULL);
      label_values = w + 4 <= geo->column && isfinite (data->points[i].value);
    }
  if (!label_values)
    return;
  for (guint i = 0; i < data->n_points; i++)
    {
      g_autofree char *text = rk_indicator_chart_format_value (data, data->points[i].value);
      g_autoptr(PangoLayout) layout = new_layout (geo->context, VALUE_SIZE, FALSE, text);
      double x = point_x (geo, i), y = value_y (geo, data->points[i].value), w, h, ty;
      /* Under a dip (both neighbours higher) the label goes below the dot, clear of the lines. */
      gboolean dip = data->n_points > 1
                     && (i == 0 || data->points[i - 1].value > data->points[i].value)
                     && (i + 1 == data->n_points || data->points[i + 1].value > data->points[i].value);

      layout_size (layout, &w, &h);

      ty = y - DOT_RADIUS - 1 - h;
      if (dip && y + DOT_RADIUS + 1 + h <= geo->plot.y + geo->plot.height)
        ty = y + DOT_RADIUS + 1;
      show_layout (cr, layout, x - w / 2, ty, &ink);
    }
}

static void
draw_legend (Geometry *geo,
             cairo_t  *cr)
{
  for (guint i = 0; i < N_LEGEND; i++)
    {
      LegendItem *item = &geo->legend[i];
      double x = PAD + item->x, y = geo->legend_y + item->y, h, cy;

      if (!item->shown)
        continue;
      layout_size (item->layout, NULL, &h);
      cy = y + h / 2;
      switch ((LegendKind) i)
        {
        case LEGEND_SERIES:
          set_rgb (cr, &series);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + LEGEND_SAMPLE, cy);
          cairo_stroke (cr);
          set_rgb (cr, &series_dark);
          cairo_arc (cr, x + LEGEND_SAMPLE / 2, cy, DOT_RADIUS - 0.5, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case LEGEND_BASELINE:
          reference_line (cr, x, x + LEGEND_SAMPLE, cy, &baseline_grey);
          break;
        case LEGEND_TARGET:
          reference_line (cr, x, x + LEGEND_SAMPLE, cy, &target_green);
          break;
        case LEGEND_DIRECTION:
        case N_LEGEND:
        default:
          break;
        }
      if (i != LEGEND_DIRECTION)
        x += LEGEND_SAMPLE + 4;
      show_layout (cr, item->layout, x, y, i == LEGEND_DIRECTION ? &ink_dim : &ink);
    }
}

void
rk_indicator_chart_draw (const RkIndicatorChartData *data,
                         cairo_t                    *cr,
                         double                      width,
                         double                      height,
                         PangoContext               *context)
{
  Geometry geo;

  g_return_if_fail (data != NULL);
  g_return_if_fail (data->n_points == 0 || data->points != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  chart_geometry (data, width, height, context, &geo);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_header (data, &geo, cr, width);
  draw_axes (data, &geo, cr);
  if (data->has_baseline && isfinite (data->baseline))
    reference_line (cr, geo.plot.x, geo.plot.x + geo.plot.width, value_y (&geo, data->baseline), &baseline_grey);
  if (data->has_target && isfinite (data->target))
    reference_line (cr, geo.plot.x, geo.plot.x + geo.plot.width, value_y (&geo, data->target), &target_green);
  draw_series (data, &geo, cr);
  draw_legend (&geo, cr);

  cairo_restore (cr);
  geometry_clear (&geo);
}

/* ---- PDF --------------------------------------------------------------------------------------------------- */

typedef struct {
  RkPdfDocument        *doc; /* not a reference: the document owns this closure */
  RkIndicatorChartData *data;
} PageChart;

static void
page_chart_free (gpointer user_data)
{
  PageChart *chart = user_data;

  rk_indicator_chart_data_free (chart->data);
  g_free (chart);
}

static void
page_chart_draw (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  PageChart *chart = user_data;

  rk_indicator_chart_draw (chart->data, cr, width, height, rk_pdf_document_get_context (chart->doc));
  /* A hairline frame, so the white chart reads as a figure on the page. */
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 0.25, 0.25, width - 0.5, height - 0.5);
  cairo_stroke (cr);
}

#define TERM_WIDTH 96.0
#define TERM_GAP   10.0

static void
add_indicator_page (RkPdfDocument              *doc,
                    RkPdfFlow                  *flow,
                    const char                 *title,
                    const RkIndicatorChartPage *page,
                    guint                       index)
{
  g_autofree char *dest = g_strdup_printf ("indicator-%u", index + 1);
  const char *name = page->chart->title != NULL ? page->chart->title : "";
  double width, height, chart_h;
  PageChart *chart;

  if (index > 0)
    rk_pdf_flow_new_page (flow);
  rk_pdf_document_get_content_size (doc, flow->page, &width, &height);

  /* The running head: the document's title, small, over a rule. */
  if (title != NULL && *title != '\0')
    {
      g_autoptr(PangoLayout) head = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 8.0, FALSE, width, title);

      pango_layout_set_alignment (head, PANGO_ALIGN_RIGHT);
      rk_pdf_flow_add_block (flow, 0, head);
      rk_pdf_document_add_rule (doc, flow->page, 0, flow->y + 2, width, flow->y + 2, 0.5, 0.5);
      rk_pdf_flow_skip (flow, 14);
    }

  rk_pdf_document_add_dest (doc, flow->page, dest, 0, flow->y);
  rk_pdf_document_add_outline (doc, 0, name, dest, FALSE);
  if (page->heading != NULL && *page->heading != '\0')
    {
      g_autoptr(PangoLayout) heading = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 9.5, FALSE, width,
                                                                   page->heading);

      rk_pdf_flow_add_block (flow, 0, heading);
      rk_pdf_flow_skip (flow, 2);
    }
  {
    g_autoptr(PangoLayout) heading = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 16.0, TRUE, width, name);

    rk_pdf_flow_add_block (flow, 0, heading);
    rk_pdf_document_add_rule (doc, flow->page, 0, flow->y + 3, width, flow->y + 3, 1.0, 0.3);
    rk_pdf_flow_skip (flow, 12);
  }

  /* The definition table: term in ゴシック, value in 明朝, a hairline under each row. */
  for (guint i = 0; i < page->n_terms; i++)
    {
      const RkIndicatorChartTerm *term = &page->terms[i];
      g_autoptr(PangoLayout) left = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 9.5, TRUE, TERM_WIDTH,
                                                                term->term != NULL ? term->term : "");
      g_autoptr(PangoLayout) right = rk_pdf_document_new_layout (doc, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE,
                                                                 width - TERM_WIDTH - TERM_GAP,
                                                                 term->value != NULL ? term->value : "");
      double row_h = MAX (rk_pdf_layout_get_height (left), rk_pdf_layout_get_height (right)) + 8;

      rk_pdf_flow_ensure (flow, row_h);
      rk_pdf_document_add_layout (doc, flow->page, 0, flow->y + 4 + 0.5, left);
      rk_pdf_document_add_layout (doc, flow->page, TERM_WIDTH + TERM_GAP, flow->y + 4, right);
      rk_pdf_document_add_rule (doc, flow->page, 0, flow->y + row_h, width, flow->y + row_h, 0.4, 0.7);
      rk_pdf_flow_skip (flow, row_h);
    }
  rk_pdf_flow_skip (flow, 14);

  /* The chart: as wide as the text block, in a 16:10 frame, smaller when the table leaves less room, and on the
   * next page when too little is left. */
  chart_h = MIN (width * 0.62, rk_pdf_flow_get_remaining (flow));
  if (chart_h < PAGE_CHART_MIN)
    {
      rk_pdf_flow_new_page (flow);
      chart_h = MIN (width * 0.62, rk_pdf_flow_get_remaining (flow));
    }
  chart = g_new0 (PageChart, 1);
  chart->doc = doc;
  chart->data = rk_indicator_chart_data_copy (page->chart);
  rk_pdf_document_add_drawing (doc, flow->page, 0, flow->y, width, chart_h, page_chart_draw, chart,
                               page_chart_free);
  rk_pdf_flow_skip (flow, chart_h);
}

RkPdfDocument *
rk_indicator_chart_build_document (const char                 *title,
                                   const RkIndicatorChartPage *pages,
                                   guint                       n_pages)
{
  RkPdfDocument *doc;
  RkPdfFlow flow;

  g_return_val_if_fail (n_pages == 0 || pages != NULL, NULL);

  doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  rk_pdf_document_set_page_numbers (doc, RK_PDF_PAGE_NUMBERS_DASHED, 0);
  rk_pdf_flow_init (&flow, doc);
  if (n_pages == 0)
    {
      /* Translators: the only line of an indicator PDF with no indicators chosen */
      g_autoptr(PangoLayout) none = rk_pdf_document_new_layout (doc, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE,
                                                                -1, _("No indicators have been chosen."));

      if (title != NULL && *title != '\0')
        {
          g_autoptr(PangoLayout) heading = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 16.0, TRUE, -1,
                                                                       title);

          rk_pdf_flow_add_block (&flow, 0, heading);
          rk_pdf_flow_skip (&flow, 12);
        }
      rk_pdf_flow_add_block (&flow, 0, none);
      return doc;
    }
  for (guint i = 0; i < n_pages; i++)
    {
      g_return_val_if_fail (pages[i].chart != NULL, doc);
      add_indicator_page (doc, &flow, title, &pages[i], i);
    }
  return doc;
}

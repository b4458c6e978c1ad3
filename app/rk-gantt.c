/* rk-gantt.c — the work schedule as a Gantt chart.
 *
 * rk_gantt_new() takes a snapshot of the tasks once (values copied, rows bucketed by step in O(n)), so drawing and
 * describing never touch the task objects again and the same RkGantt can be drawn for the screen and, through the
 * document's closures, for a PDF written later. Text is laid out through a small cache of PangoLayouts keyed by the
 * PangoContext's serial: a scrolling list redraws the same rows again and again. */

#include "rk-gantt.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rk-catalog.h"
#include "rk-era.h"
#include "rk-store-private.h"

#define N_STEPS          6
#define LABEL_WIDTH      268.0
#define ROW_HEIGHT       22.0
#define BAND_HEIGHT      20.0 /* each of the header's two bands: fiscal years, then months */
#define HEADER_HEIGHT    (2 * BAND_HEIGHT)
#define MONTH_WIDTH      30.0 /* a month column at zoom "month" */
#define QUARTER_WIDTH    42.0 /* a quarter column at zoom "quarter" */
#define MIN_PRINT_MONTH  12.0 /* the narrowest month a printed page squeezes in before splitting fiscal years */
#define CODE_X           14.0
#define TITLE_X          48.0
#define BAR_INSET        5.0
#define LAYOUT_CACHE_MAX 4096
#define PNG_MAX_SIDE     32000

/* The GNOME palette. */
typedef struct { double r, g, b; } Rgb;
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }
static const Rgb ink = RGB (0x241f31);
static const Rgb ink_dim = RGB (0x5e5c64);
static const Rgb grid_light = RGB (0xe6e5e3);
static const Rgb grid_year = RGB (0xc0bfbc);
static const Rgb rule_dark = RGB (0x9a9996);
static const Rgb header_bg = RGB (0xf6f5f4);
static const Rgb step_bg = RGB (0xebeaf0);
static const Rgb year_shade = RGB (0xf8f8f7);
static const Rgb red = RGB (0xe01b24);
static const Rgb blue = RGB (0x3584e4);
static const Rgb blue_dark = RGB (0x1c71d8);
static const Rgb blue_light = RGB (0x99c1f1);
static const Rgb green = RGB (0x2ec27e);
static const Rgb green_dark = RGB (0x26a269);
static const Rgb grey_light = RGB (0xdeddda);
static const Rgb grey = RGB (0x9a9996);
static const Rgb grey_dark = RGB (0x77767b);
static const Rgb orange = RGB (0xf5c211);
static const Rgb orange_dark = RGB (0xc88800);
static const Rgb white = RGB (0xffffff);
static const Rgb badge_bg = RGB (0x3d3846);

typedef struct {
  RkTask       *task;
  const char   *code;        /* in the snapshot's string chunk */
  const char   *title;
  const char   *start_text;  /* as stored, for the note when it cannot be read */
  const char   *end_text;
  RkMonth       start;
  RkMonth       end;
  int           step;
  RkTaskStatus  status;
  guint         valid : 1;
  guint         milestone : 1;
  guint         overdue : 1;
} Item;

typedef struct {
  guint n_tasks;
  guint n_done;
  guint n_cancelled;
} StepSummary;

typedef struct {
  int step;
  int item; /* -1 for the step's header */
} Row;

typedef enum {
  STYLE_CODE,
  STYLE_TITLE,
  STYLE_TITLE_CANCELLED,
  STYLE_NOTE,
  STYLE_STEP_BADGE,
  STYLE_STEP_TITLE,
  STYLE_PROGRESS,
  STYLE_STATUS,
  STYLE_HEADER,
  STYLE_HEADER_BOLD,
  STYLE_PAGE_TITLE,
  STYLE_PAGE_NOTE,
} Style;

typedef struct {
  PangoContext *context; /* the one the layouts belong to */
  guint         serial;
  PangoContext *own;     /* for a NULL context */
  GHashTable   *layouts; /* "style:width:text" → PangoLayout */
} LayoutCache;

struct _RkGantt {
  gatomicrefcount  ref_count;  /* the PDF's drawing closures keep the snapshot alive */
  RkGanttZoom      zoom;
  GDate            today;
  RkMonth          today_month;
  double           today_fraction; /* how far into its month today is, 0–1 */
  RkMonth          first;
  RkMonth          last;
  GStringChunk    *strings;
  Item            *items;
  guint            n_items;
  Row             *rows;
  guint            n_rows;
  StepSummary      steps[N_STEPS + 1];
  char            *step_titles[N_STEPS + 1];
  LayoutCache      cache;      /* for rk_gantt_draw_*(): the screen, from one thread */
};

/* Where a drawing puts its months: the label column, then months m0…m1 at @pm points each. */
typedef struct {
  double  width;
  double  label_width;
  double  pm;
  RkMonth m0;
  RkMonth m1;
} Frame;

/* ---- Layout cache ------------------------------------------------------------------------------------------ */

static void
layout_cache_init (LayoutCache *cache)
{
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
layout_cache_clear (LayoutCache *cache)
{
  g_clear_pointer (&cache->layouts, g_hash_table_unref);
  g_clear_object (&cache->context);
  g_clear_object (&cache->own);
}

/* The same settings as the PDF's context, so a PNG measures like the PDF. */
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

static void
style_font (Style   style,
            double *size,
            gboolean *bold)
{
  static const struct { double size; gboolean bold; } fonts[] = {
    [STYLE_CODE] = { 8.5, FALSE },
    [STYLE_TITLE] = { 9.0, FALSE },
    [STYLE_TITLE_CANCELLED] = { 9.0, FALSE },
    [STYLE_NOTE] = { 8.0, FALSE },
    [STYLE_STEP_BADGE] = { 8.0, TRUE },
    [STYLE_STEP_TITLE] = { 9.5, TRUE },
    [STYLE_PROGRESS] = { 8.5, FALSE },
    [STYLE_STATUS] = { 7.5, FALSE },
    [STYLE_HEADER] = { 8.0, FALSE },
    [STYLE_HEADER_BOLD] = { 8.5, TRUE },
    [STYLE_PAGE_TITLE] = { 14.0, TRUE },
    [STYLE_PAGE_NOTE] = { 9.0, FALSE },
  };

  *size = fonts[style].size;
  *bold = fonts[style].bold;
}

/* A layout of @text in @style, ellipsized at @width points (≤ 0: not limited); owned by the cache. */
static PangoLayout *
layout_cache_get (LayoutCache  *cache,
                  PangoContext *context,
                  Style         style,
                  double        width,
                  const char   *text)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoFontDescription *desc;
  double size;
  gboolean bold;

  if (context == NULL)
    {
      if (cache->own == NULL)
        cache->own = new_default_context ();
      context = cache->own;
    }
  /* A new context, or new font settings in the same one: every cached measurement is stale. */
  if (context != cache->context || pango_context_get_serial (context) != cache->serial
      || g_hash_table_size (cache->layouts) > LAYOUT_CACHE_MAX)
    {
      g_hash_table_remove_all (cache->layouts);
      g_set_object (&cache->context, context);
      cache->serial = pango_context_get_serial (context);
    }

  key = g_strdup_printf ("%d:%d:%s", style, width > 0 ? (int) (width * 8) : 0, text);
  layout = g_hash_table_lookup (cache->layouts, key);
  if (layout != NULL)
    return layout;

  layout = pango_layout_new (context);
  style_font (style, &size, &bold);
  desc = pango_font_description_new ();
  pango_font_description_set_family_static (desc, rk_pdf_face_get_family (RK_PDF_FACE_GOTHIC, NULL));
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (style == STYLE_TITLE_CANCELLED || style == STYLE_NOTE)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      if (style == STYLE_TITLE_CANCELLED)
        pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      else
        pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
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

/* Shows @layout with its left edge at @x, centred vertically on @cy. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       cy,
             const Rgb   *color)
{
  double height;

  layout_size (layout, NULL, &height);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_move_to (cr, x, cy - height / 2);
  pango_cairo_show_layout (cr, layout);
}

/* ---- The snapshot ------------------------------------------------------------------------------------------ */

static gboolean
read_span (const char *start_text,
           const char *end_text,
           RkMonth    *start,
           RkMonth    *end)
{
  return start_text != NULL && end_text != NULL && rk_month_parse (start_text, start)
         && rk_month_parse (end_text, end) && *end >= *start;
}

RkGantt *
rk_gantt_new (GListModel  *tasks,
              RkGanttZoom  zoom,
              GDate       *today)
{
  RkGantt *self;
  RkCatalog *catalog = rk_catalog_get_default ();
  guint n, counts[N_STEPS + 1] = { 0 }, next[N_STEPS + 1];
  int min_fy = G_MAXINT, max_fy = G_MININT;

  g_return_val_if_fail (G_IS_LIST_MODEL (tasks), NULL);
  g_return_val_if_fail (zoom == RK_GANTT_ZOOM_MONTH || zoom == RK_GANTT_ZOOM_QUARTER, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  self = g_new0 (RkGantt, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->zoom = zoom;
  if (today != NULL)
    self->today = *today;
  else
    rk_store_get_today (&self->today);
  self->today_month = rk_month_from_date (&self->today);
  self->today_fraction = (g_date_get_day (&self->today) - 0.5)
                         / g_date_get_days_in_month (g_date_get_month (&self->today),
                                                     g_date_get_year (&self->today));
  self->strings = g_string_chunk_new (4096);
  layout_cache_init (&self->cache);

  n = g_list_model_get_n_items (tasks);
  self->n_items = n;
  self->items = g_new0 (Item, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      Item *item = &self->items[i];
      RkTask *task = g_list_model_get_item (tasks, i);
      const char *start_text = rk_task_get_start_month (task);
      const char *end_text = rk_task_get_end_month (task);

      item->task = task; /* the reference from get_item */
      /* A step outside 1–6 cannot be stored; should one come, it is shown under the nearest step, not lost. */
      item->step = CLAMP (rk_task_get_step (task), 1, N_STEPS);
      item->code = g_string_chunk_insert_const (self->strings, rk_task_get_code (task) ? rk_task_get_code (task) : "");
      item->title = g_string_chunk_insert (self->strings, rk_task_get_title (task) ? rk_task_get_title (task) : "");
      item->status = rk_task_get_status (task);
      item->milestone = rk_task_get_milestone (task) != FALSE;
      item->valid = read_span (start_text, end_text, &item->start, &item->end);
      if (!item->valid)
        {
          item->start_text = g_string_chunk_insert_const (self->strings, start_text ? start_text : "");
          item->end_text = g_string_chunk_insert_const (self->strings, end_text ? end_text : "");
        }
      else
        {
          min_fy = MIN (min_fy, rk_month_get_fiscal_year (item->start));
          max_fy = MAX (max_fy, rk_month_get_fiscal_year (item->end));
        }
      /* The same rule as rk_task_is_overdue(), on the snapshot's values. */
      item->overdue = item->valid && item->end < self->today_month
                      && item->status != RK_TASK_DONE && item->status != RK_TASK_CANCELLED;

      counts[item->step]++;
      self->steps[item->step].n_tasks++;
      if (item->status == RK_TASK_DONE)
        self->steps[item->step].n_done++;
      else if (item->status == RK_TASK_CANCELLED)
        self->steps[item->step].n_cancelled++;
    }

  if (min_fy > max_fy)
    min_fy = max_fy = rk_month_get_fiscal_year (self->today_month);
  self->first = rk_month_fiscal_start (min_fy);
  self->last = rk_month_fiscal_start (max_fy) + 11;

  /* The model is in step-then-position order; bucketing by step keeps that order within a step in O(n). */
  self->n_rows = N_STEPS + n;
  self->rows = g_new (Row, self->n_rows);
  next[1] = 0;
  for (int s = 1; s <= N_STEPS; s++)
    {
      self->rows[next[s]] = (Row) { s, -1 };
      next[s]++;
      if (s < N_STEPS)
        next[s + 1] = next[s] + counts[s];
    }
  for (guint i = 0; i < n; i++)
    {
      int s = self->items[i].step;

      self->rows[next[s]++] = (Row) { s, (int) i };
    }

  for (int s = 1; s <= N_STEPS; s++)
    {
      const char *title = rk_catalog_get_step_title (catalog, s);

      self->step_titles[s] = g_strdup (title != NULL ? title : "");
    }
  return self;
}

static RkGantt *
rk_gantt_ref (RkGantt *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rk_gantt_free (RkGantt *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i].task);
  g_free (self->items);
  g_free (self->rows);
  for (int s = 0; s <= N_STEPS; s++)
    g_free (self->step_titles[s]);
  g_string_chunk_free (self->strings);
  layout_cache_clear (&self->cache);
  g_free (self);
}

RkMonth
rk_gantt_get_first_month (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first;
}

RkMonth
rk_gantt_get_last_month (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->last;
}

guint
rk_gantt_get_n_rows (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

RkGanttRowKind
rk_gantt_get_row_kind (RkGantt *self,
                       guint    row)
{
  g_return_val_if_fail (self != NULL, RK_GANTT_ROW_STEP);
  g_return_val_if_fail (row < self->n_rows, RK_GANTT_ROW_STEP);
  return self->rows[row].item < 0 ? RK_GANTT_ROW_STEP : RK_GANTT_ROW_TASK;
}

int
rk_gantt_get_row_step (RkGantt *self,
                       guint    row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  return self->rows[row].step;
}

RkTask *
rk_gantt_get_row_task (RkGantt *self,
                       guint    row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->rows[row].item < 0 ? NULL : self->items[self->rows[row].item].task;
}

static double
natural_month_width (RkGantt *self)
{
  return self->zoom == RK_GANTT_ZOOM_QUARTER ? QUARTER_WIDTH / 3 : MONTH_WIDTH;
}

double
rk_gantt_get_label_width (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return LABEL_WIDTH;
}

double
rk_gantt_get_timeline_width (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (self->last - self->first + 1) * natural_month_width (self);
}

double
rk_gantt_get_row_height (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ROW_HEIGHT;
}

double
rk_gantt_get_header_height (RkGantt *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return HEADER_HEIGHT;
}

/* ---- Words ------------------------------------------------------------------------------------------------- */

static char *
format_progress (const StepSummary *summary,
                 gboolean           with_percent)
{
  guint counted = summary->n_tasks - summary->n_cancelled;

  if (summary->n_tasks == 0)
    return g_strdup (_("No tasks"));
  if (with_percent && counted > 0)
    /* Translators: a step's progress: tasks done of the tasks not cancelled, and the share, "完了 2/5 (40%)". */
    return g_strdup_printf (_("Done %u/%u (%u%%)"), summary->n_done, counted,
                            (guint) floor (100.0 * summary->n_done / counted + 0.5));
  /* Translators: a step's progress: tasks done of the tasks not cancelled, "完了 2/5". */
  return g_strdup_printf (_("Done %u/%u"), summary->n_done, counted);
}

char *
rk_gantt_describe_row (RkGantt *self,
                       guint    row)
{
  GString *text;
  const Row *r;
  const Item *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  r = &self->rows[row];
  text = g_string_new (NULL);
  if (r->item < 0)
    {
      g_autofree char *progress = format_progress (&self->steps[r->step], TRUE);

      g_string_append_printf (text, "STEP%d", r->step);
      if (*self->step_titles[r->step] != '\0')
        g_string_append_printf (text, " %s", self->step_titles[r->step]);
      g_string_append_printf (text, ", %s", progress);
      return g_string_free (text, FALSE);
    }

  item = &self->items[r->item];
  if (*item->code != '\0')
    g_string_append_printf (text, "%s ", item->code);
  g_string_append (text, item->title);
  if (item->valid)
    {
      g_autofree char *span = rk_month_format_span (item->start, item->end);

      g_string_append_printf (text, ", %s", span);
    }
  else
    g_string_append_printf (text, ", %s", _("months not readable"));
  g_string_append_printf (text, ", %s", rk_task_status_to_label (item->status));
  if (item->milestone)
    g_string_append_printf (text, ", %s", _("milestone"));
  if (item->overdue)
    g_string_append_printf (text, ", %s", _("overdue"));
  return g_string_free (text, FALSE);
}

/* ---- Drawing ----------------------------------------------------------------------------------------------- */

/* @fit: squeeze the months into @width too (a printed page), rather than only stretching them. */
static void
frame_init (RkGantt  *self,
            Frame    *frame,
            double    width,
            RkMonth   m0,
            RkMonth   m1,
            gboolean  fit)
{
  int n = m1 - m0 + 1;
  double natural = n * natural_month_width (self);
  double available = width - LABEL_WIDTH;

  frame->width = width;
  frame->label_width = LABEL_WIDTH;
  frame->m0 = m0;
  frame->m1 = m1;
  frame->pm = available > natural || (fit && available > 0) ? available / n : natural_month_width (self);
}

static double
month_x (const Frame *frame,
         double       month)
{
  return frame->label_width + (month - frame->m0) * frame->pm;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static double
timeline_end (const Frame *frame)
{
  return month_x (frame, frame->m1 + 1);
}

/* The months whose columns the clip shows, so a wide timeline in a scrolled window only draws what is seen. */
static void
visible_months (cairo_t     *cr,
                const Frame *frame,
                RkMonth     *from,
                RkMonth     *to)
{
  double x0, y0, x1, y1;

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  *from = MAX (frame->m0, frame->m0 + (int) floor ((x0 - frame->label_width) / frame->pm) - 1);
  *to = MIN (frame->m1, frame->m0 + (int) ceil ((x1 - frame->label_width) / frame->pm) + 1);
}

static gboolean
is_column_start (RkGantt *self,
                 RkMonth  month)
{
  int m = rk_month_get_month (month);

  if (self->zoom == RK_GANTT_ZOOM_QUARTER)
    return m == 4 || m == 7 || m == 10 || m == 1;
  return TRUE;
}

/* Alternate fiscal years faintly shaded, column rules light and fiscal-year rules darker. */
static void
draw_grid (RkGantt     *self,
           cairo_t     *cr,
           const Frame *frame,
           double       top,
           double       height,
           gboolean     shade)
{
  RkMonth from, to;

  visible_months (cr, frame, &from, &to);
  if (from > to)
    return;
  if (shade)
    for (RkMonth m = rk_month_fiscal_start (rk_month_get_fiscal_year (from)); m <= to; m += 12)
      if (rk_month_get_fiscal_year (m) % 2 == 1)
        {
          double x0 = MAX (month_x (frame, m), frame->label_width);
          double x1 = MIN (month_x (frame, m + 12), timeline_end (frame));

          set_rgb (cr, &year_shade);
          cairo_rectangle (cr, x0, top, x1 - x0, height);
          cairo_fill (cr);
        }

  cairo_set_line_width (cr, 0.5);
  set_rgb (cr, &grid_light);
  for (RkMonth m = from; m <= to; m++)
    if (rk_month_get_month (m) != 4 && is_column_start (self, m))
      {
        double x = month_x (frame, m);

        cairo_move_to (cr, x, top);
        cairo_line_to (cr, x, top + height);
      }
  cairo_stroke (cr);

  set_rgb (cr, &grid_year);
  for (RkMonth m = from; m <= to + 1; m++)
    if (rk_month_get_month (m) == 4)
      {
        double x = month_x (frame, m);

        cairo_move_to (cr, x, top);
        cairo_line_to (cr, x, top + height);
      }
  cairo_stroke (cr);
}

static gboolean
today_x (RkGantt     *self,
         const Frame *frame,
         double      *x)
{
  if (self->today_month < frame->m0 || self->today_month > frame->m1)
    return FALSE;
  *x = month_x (frame, self->today_month + self->today_fraction);
  return TRUE;
}

/* Dashed in phase with @y_offset, so the line runs on unbroken from row to row. */
static void
draw_today_line (RkGantt     *self,
                 cairo_t     *cr,
                 const Frame *frame,
                 double       top,
                 double       height,
                 double       y_offset)
{
  static const double dashes[] = { 4.0, 3.0 };
  double x;

  if (!today_x (self, frame, &x))
    return;
  cairo_save (cr);
  set_rgb (cr, &red);
  cairo_set_line_width (cr, 1.25);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), fmod (y_offset, dashes[0] + dashes[1]));
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, top + height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
warning_triangle (cairo_t *cr,
                  double   cx,
                  double   cy,
                  double   size)
{
  double h = size * 0.9;

  set_rgb (cr, &red);
  cairo_move_to (cr, cx, cy - h / 2);
  cairo_line_to (cr, cx + size / 2, cy + h / 2);
  cairo_line_to (cr, cx - size / 2, cy + h / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* The exclamation mark, cut out in white. */
  set_rgb (cr, &white);
  cairo_set_line_width (cr, size * 0.14);
  cairo_move_to (cr, cx, cy - h * 0.12);
  cairo_line_to (cr, cx, cy + h * 0.2);
  cairo_stroke (cr);
  cairo_arc (cr, cx, cy + h * 0.34, size * 0.07, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
diamond (cairo_t *cr,
         double   cx,
         double   cy,
         double   r)
{
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
}

static void
status_colors (RkTaskStatus  status,
               const Rgb   **fill,
               const Rgb   **outline)
{
  switch (status)
    {
    case RK_TASK_DOING:
      *fill = &blue;
      *outline = &blue_dark;
      break;
    case RK_TASK_DONE:
      *fill = &green;
      *outline = &green_dark;
      break;
    case RK_TASK_CANCELLED:
      *fill = &grey_light;
      *outline = &grey;
      break;
    case RK_TASK_TODO:
    default:
      *fill = &grey_light;
      *outline = &blue_light;
      break;
    }
}

/* A bar from @x0 to @x1, in the colours of @status; cancelled ones hatched and struck through. */
static void
draw_bar (cairo_t      *cr,
          double        x0,
          double        x1,
          double        y,
          double        height,
          RkTaskStatus  status,
          gboolean      overdue)
{
  const Rgb *fill, *outline;

  status_colors (status, &fill, &outline);
  rounded_rectangle (cr, x0 + 0.5, y, MAX (x1 - x0 - 1, 1), height, 3);
  set_rgb (cr, fill);
  cairo_fill_preserve (cr);
  if (status == RK_TASK_CANCELLED)
    {
      cairo_save (cr);
      cairo_clip_preserve (cr);
      set_rgb (cr, &grey);
      cairo_set_line_width (cr, 0.75);
      for (double hx = x0 - height; hx < x1; hx += 4)
        {
          cairo_move_to (cr, hx, y + height);
          cairo_line_to (cr, hx + height, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      rounded_rectangle (cr, x0 + 0.5, y, MAX (x1 - x0 - 1, 1), height, 3);
    }
  if (overdue)
    {
      set_rgb (cr, &red);
      cairo_set_line_width (cr, 1.75);
    }
  else
    {
      set_rgb (cr, outline);
      cairo_set_line_width (cr, 1.0);
    }
  cairo_stroke (cr);
  if (status == RK_TASK_CANCELLED)
    {
      set_rgb (cr, &grey_dark);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x0, y + height / 2);
      cairo_line_to (cr, x1, y + height / 2);
      cairo_stroke (cr);
    }
}

static void
draw_milestone (cairo_t      *cr,
                double        cx,
                double        cy,
                double        r,
                RkTaskStatus  status,
                gboolean      overdue)
{
  const Rgb *fill = &orange, *outline = &orange_dark;

  if (status == RK_TASK_DONE)
    {
      fill = &green;
      outline = &green_dark;
    }
  else if (status == RK_TASK_CANCELLED)
    {
      fill = &grey_light;
      outline = &grey;
    }
  diamond (cr, cx, cy, r);
  set_rgb (cr, fill);
  cairo_fill_preserve (cr);
  set_rgb (cr, overdue ? &red : outline);
  cairo_set_line_width (cr, overdue ? 1.75 : 1.0);
  cairo_stroke (cr);
}

static void
draw_row_background (RkGantt     *self,
                     cairo_t     *cr,
                     const Frame *frame,
                     gboolean     step)
{
  if (step)
    {
      set_rgb (cr, &step_bg);
      cairo_rectangle (cr, 0, 0, frame->width, ROW_HEIGHT);
      cairo_fill (cr);
      draw_grid (self, cr, frame, 0, ROW_HEIGHT, FALSE);
    }
  else
    {
      set_rgb (cr, &white);
      cairo_rectangle (cr, 0, 0, frame->width, ROW_HEIGHT);
      cairo_fill (cr);
      draw_grid (self, cr, frame, 0, ROW_HEIGHT, TRUE);
    }

  /* The rule under the row and the one closing the label column. */
  cairo_set_line_width (cr, step ? 0.75 : 0.5);
  set_rgb (cr, step ? &grid_year : &grid_light);
  cairo_move_to (cr, 0, ROW_HEIGHT - 0.25);
  cairo_line_to (cr, MIN (frame->width, timeline_end (frame)), ROW_HEIGHT - 0.25);
  cairo_stroke (cr);
  /* A step's name runs across the label column's edge: its band is one piece. */
  if (step)
    return;
  set_rgb (cr, &rule_dark);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, frame->label_width, 0);
  cairo_line_to (cr, frame->label_width, ROW_HEIGHT);
  cairo_stroke (cr);
}

static void
draw_step_row (RkGantt      *self,
               LayoutCache  *cache,
               PangoContext *context,
               cairo_t      *cr,
               const Frame  *frame,
               int           step)
{
  const StepSummary *summary = &self->steps[step];
  g_autofree char *badge_text = g_strdup_printf ("STEP%d", step);
  g_autofree char *progress_text = format_progress (summary, FALSE);
  PangoLayout *badge = layout_cache_get (cache, context, STYLE_STEP_BADGE, -1, badge_text);
  PangoLayout *progress = layout_cache_get (cache, context, STYLE_PROGRESS, -1, progress_text);
  PangoLayout *title;
  double badge_w, progress_w, x, title_w, meter_w = 44, right;
  double cy = ROW_HEIGHT / 2;

  layout_size (badge, &badge_w, NULL);
  layout_size (progress, &progress_w, NULL);

  /* The step's name runs across the whole row (titles are long); progress sits at its end. */
  set_rgb (cr, &badge_bg);
  rounded_rectangle (cr, 6, 4, badge_w + 10, ROW_HEIGHT - 8, 3);
  cairo_fill (cr);
  show_layout (cr, badge, 11, cy, &white);

  x = 6 + badge_w + 10 + 8;
  right = MIN (frame->width, timeline_end (frame)) - 8;
  title_w = right - x - progress_w - meter_w - 24;
  if (*self->step_titles[step] != '\0' && title_w > 20)
    {
      double used;

      title = layout_cache_get (cache, context, STYLE_STEP_TITLE, title_w, self->step_titles[step]);
      layout_size (title, &used, NULL);
      show_layout (cr, title, x, cy, &ink);
      x += used + 14;
    }

  show_layout (cr, progress, x, cy, &ink_dim);
  x += progress_w + 6;
  if (summary->n_tasks > summary->n_cancelled && x + meter_w <= right + 8)
    {
      double share = (double) summary->n_done / (summary->n_tasks - summary->n_cancelled);

      rounded_rectangle (cr, x, cy - 2.5, meter_w, 5, 2.5);
      set_rgb (cr, &white);
      cairo_fill_preserve (cr);
      set_rgb (cr, &grey);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      if (share > 0)
        {
          rounded_rectangle (cr, x, cy - 2.5, meter_w * share, 5, 2.5);
          set_rgb (cr, &green);
          cairo_fill (cr);
        }
    }
}

static void
draw_task_row (RkGantt      *self,
               LayoutCache  *cache,
               PangoContext *context,
               cairo_t      *cr,
               const Frame  *frame,
               const Item   *item)
{
  double cy = ROW_HEIGHT / 2;
  PangoLayout *title;

  /* The label column, clipped so nothing runs into the timeline. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, frame->label_width - 2, ROW_HEIGHT);
  cairo_clip (cr);
  if (item->overdue)
    warning_triangle (cr, 7, cy, 9);
  if (*item->code != '\0')
    show_layout (cr, layout_cache_get (cache, context, STYLE_CODE, TITLE_X - CODE_X - 4, item->code), CODE_X, cy,
                 &ink_dim);
  title = layout_cache_get (cache, context,
                            item->status == RK_TASK_CANCELLED ? STYLE_TITLE_CANCELLED : STYLE_TITLE,
                            frame->label_width - TITLE_X - 6, item->title);
  show_layout (cr, title, TITLE_X, cy, item->status == RK_TASK_CANCELLED ? &grey_dark : &ink);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, frame->label_width, 0, MAX (0, timeline_end (frame) - frame->label_width), ROW_HEIGHT);
  cairo_clip (cr);
  if (!item->valid)
    {
      g_autofree char *note = g_strdup_printf (_("Months cannot be read (start “%s”, end “%s”)"), item->start_text,
                                               item->end_text);

      show_layout (cr, layout_cache_get (cache, context, STYLE_NOTE, -1, note), frame->label_width + 6, cy, &red);
    }
  else if (item->end >= frame->m0 && item->start <= frame->m1)
    {
      double x0 = month_x (frame, item->start);
      double x1 = month_x (frame, item->end + 1);
      double bar_h = item->milestone ? 6 : ROW_HEIGHT - 2 * BAR_INSET;
      double r = (ROW_HEIGHT - 2 * 3.5) / 2;
      double text_left, text_right, status_w;
      PangoLayout *status;

      draw_bar (cr, x0, x1, cy - bar_h / 2, bar_h, item->status, item->overdue);
      if (item->milestone)
        draw_milestone (cr, month_x (frame, item->end + 0.5), cy, r, item->status, item->overdue);

      /* The status in words beside the bar, for a chart printed in black and white. */
      status = layout_cache_get (cache, context, STYLE_STATUS, -1, rk_task_status_to_label (item->status));
      layout_size (status, &status_w, NULL);
      text_left = item->milestone ? month_x (frame, item->end + 0.5) + r + 3 : x1 + 3;
      text_right = (item->milestone ? MIN (x0, month_x (frame, item->end + 0.5) - r) : x0) - 3;
      if (text_left + status_w <= timeline_end (frame) - 2)
        show_layout (cr, status, text_left, cy, item->overdue ? &red : &ink_dim);
      else if (text_right - status_w >= frame->label_width + 2)
        show_layout (cr, status, text_right - status_w, cy, item->overdue ? &red : &ink_dim);
    }
  cairo_restore (cr);
}

static void
draw_row_in_frame (RkGantt      *self,
                   LayoutCache  *cache,
                   PangoContext *context,
                   cairo_t      *cr,
                   const Frame  *frame,
                   guint         row)
{
  const Row *r = &self->rows[row];

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, frame->width, ROW_HEIGHT);
  cairo_clip (cr);
  draw_row_background (self, cr, frame, r->item < 0);
  if (r->item < 0)
    draw_step_row (self, cache, context, cr, frame, r->step);
  else
    draw_task_row (self, cache, context, cr, frame, &self->items[r->item]);
  draw_today_line (self, cr, frame, 0, ROW_HEIGHT, HEADER_HEIGHT + row * ROW_HEIGHT);
  cairo_restore (cr);
}

/* "4月" or "4–6月"; without 月 when @short (a narrow column). Dates are written the Japanese way in every locale
 * (DESIGN.md), as rk-era does. */
static char *
column_label (RkGantt  *self,
              RkMonth   month,
              gboolean  short_form)
{
  int m = rk_month_get_month (month);

  if (self->zoom == RK_GANTT_ZOOM_QUARTER)
    return g_strdup_printf (short_form ? "%d–%d" : "%d–%d月", m, m + 2);
  return g_strdup_printf (short_form ? "%d" : "%d月", m);
}

static void
draw_header_in_frame (RkGantt      *self,
                      LayoutCache  *cache,
                      PangoContext *context,
                      cairo_t      *cr,
                      const Frame  *frame)
{
  RkMonth from, to;
  double end = timeline_end (frame), x;
  PangoLayout *layout;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, frame->width, HEADER_HEIGHT);
  cairo_clip (cr);

  set_rgb (cr, &header_bg);
  cairo_rectangle (cr, 0, 0, frame->width, HEADER_HEIGHT);
  cairo_fill (cr);
  draw_grid (self, cr, frame, BAND_HEIGHT, BAND_HEIGHT, FALSE);

  layout = layout_cache_get (cache, context, STYLE_HEADER_BOLD, frame->label_width - 12, _("Step and task"));
  show_layout (cr, layout, 10, HEADER_HEIGHT / 2, &ink);

  visible_months (cr, frame, &from, &to);
  cairo_save (cr);
  cairo_rectangle (cr, frame->label_width, 0, MAX (0, end - frame->label_width), HEADER_HEIGHT);
  cairo_clip (cr);
  for (RkMonth m = rk_month_fiscal_start (rk_month_get_fiscal_year (MAX (from, frame->m0))); m <= to; m += 12)
    {
      g_autofree char *label = rk_era_format_fiscal_year (rk_month_get_fiscal_year (m));
      double x0 = month_x (frame, m), x1 = month_x (frame, m + 12), w;

      layout = layout_cache_get (cache, context, STYLE_HEADER_BOLD, x1 - x0 - 8, label);
      layout_size (layout, &w, NULL);
      show_layout (cr, layout, x0 + (x1 - x0 - w) / 2, BAND_HEIGHT / 2, &ink);
      set_rgb (cr, &grid_year);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x0, 0);
      cairo_line_to (cr, x0, BAND_HEIGHT);
      cairo_stroke (cr);
    }
  for (RkMonth m = from; m <= to; m++)
    if (is_column_start (self, m))
      {
        g_autofree char *label = column_label (self, m, FALSE);
        int span = self->zoom == RK_GANTT_ZOOM_QUARTER ? 3 : 1;
        double x0 = month_x (frame, m), w;

        layout = layout_cache_get (cache, context, STYLE_HEADER, -1, label);
        layout_size (layout, &w, NULL);
        if (w > span * frame->pm - 4)
          {
            g_autofree char *short_label = column_label (self, m, TRUE);

            layout = layout_cache_get (cache, context, STYLE_HEADER, -1, short_label);
            layout_size (layout, &w, NULL);
          }
        show_layout (cr, layout, x0 + (span * frame->pm - w) / 2, BAND_HEIGHT * 1.5, &ink_dim);
      }
  cairo_restore (cr);

  /* Rules: between the bands, under the header, and closing the label column. */
  cairo_set_line_width (cr, 0.5);
  set_rgb (cr, &grid_year);
  cairo_move_to (cr, frame->label_width, BAND_HEIGHT);
  cairo_line_to (cr, end, BAND_HEIGHT);
  cairo_move_to (cr, end, 0);
  cairo_line_to (cr, end, HEADER_HEIGHT);
  cairo_stroke (cr);
  set_rgb (cr, &rule_dark);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, HEADER_HEIGHT - 0.5);
  cairo_line_to (cr, MIN (frame->width, end), HEADER_HEIGHT - 0.5);
  cairo_move_to (cr, frame->label_width, 0);
  cairo_line_to (cr, frame->label_width, HEADER_HEIGHT);
  cairo_stroke (cr);

  /* Today: a marker at the foot of the month band, where the line starts. */
  if (today_x (self, frame, &x))
    {
      draw_today_line (self, cr, frame, BAND_HEIGHT, BAND_HEIGHT, BAND_HEIGHT);
      set_rgb (cr, &red);
      cairo_move_to (cr, x - 3.5, HEADER_HEIGHT - 4);
      cairo_line_to (cr, x + 3.5, HEADER_HEIGHT - 4);
      cairo_line_to (cr, x, HEADER_HEIGHT);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
rk_gantt_draw_header (RkGantt      *self,
                      cairo_t      *cr,
                      double        width,
                      PangoContext *layout_context)
{
  Frame frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  frame_init (self, &frame, width, self->first, self->last, FALSE);
  draw_header_in_frame (self, &self->cache, layout_context, cr, &frame);
}

void
rk_gantt_draw_row (RkGantt      *self,
                   cairo_t      *cr,
                   guint         row,
                   double        width,
                   PangoContext *layout_context)
{
  Frame frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (row < self->n_rows);

  frame_init (self, &frame, width, self->first, self->last, FALSE);
  draw_row_in_frame (self, &self->cache, layout_context, cr, &frame, row);
}

/* ---- The legend (print) ------------------------------------------------------------------------------------ */

#define LEGEND_HEIGHT 16.0

static void
draw_legend (LayoutCache  *cache,
             PangoContext *context,
             cairo_t      *cr)
{
  static const RkTaskStatus statuses[] = { RK_TASK_TODO, RK_TASK_DOING, RK_TASK_DONE, RK_TASK_CANCELLED };
  double x = 0, cy = LEGEND_HEIGHT / 2, w;
  PangoLayout *layout;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      draw_bar (cr, x, x + 22, cy - 4, 8, statuses[i], FALSE);
      layout = layout_cache_get (cache, context, STYLE_STATUS, -1, rk_task_status_to_label (statuses[i]));
      layout_size (layout, &w, NULL);
      show_layout (cr, layout, x + 26, cy, &ink);
      x += 26 + w + 14;
    }

  draw_milestone (cr, x + 5, cy, 5, RK_TASK_TODO, FALSE);
  layout = layout_cache_get (cache, context, STYLE_STATUS, -1, _("Milestone"));
  layout_size (layout, &w, NULL);
  show_layout (cr, layout, x + 14, cy, &ink);
  x += 14 + w + 14;

  draw_bar (cr, x, x + 22, cy - 4, 8, RK_TASK_DOING, TRUE);
  warning_triangle (cr, x + 30, cy, 9);
  layout = layout_cache_get (cache, context, STYLE_STATUS, -1, _("Overdue"));
  layout_size (layout, &w, NULL);
  show_layout (cr, layout, x + 38, cy, &ink);
  x += 38 + w + 14;

  {
    static const double dashes[] = { 3.0, 2.0 };

    cairo_save (cr);
    set_rgb (cr, &red);
    cairo_set_line_width (cr, 1.25);
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    cairo_move_to (cr, x + 3, 1);
    cairo_line_to (cr, x + 3, LEGEND_HEIGHT - 1);
    cairo_stroke (cr);
    cairo_restore (cr);
  }
  layout = layout_cache_get (cache, context, STYLE_STATUS, -1, _("Today"));
  show_layout (cr, layout, x + 9, cy, &ink);
}

/* ---- The paginated document -------------------------------------------------------------------------------- */

/* What one page's drawing needs; it outlives the RkGantt the caller frees, and lays its text out in the PDF's own
 * context, from whichever thread writes the PDF. */
typedef struct {
  RkGantt       *gantt;
  RkPdfDocument *doc; /* not a reference: the document owns this closure */
  RkMonth        m0;
  RkMonth        m1;
  guint          row0;
  guint          row1; /* exclusive; row0 == row1 draws the legend */
  double         scale; /* < 1: a few rows more than a page holds, drawn a little smaller rather than overflowing */
  LayoutCache    cache;
} PageChart;

/* How much smaller a page's rows may be drawn so that the last few do not go over onto a page of their own. */
#define MIN_FIT_SCALE 0.85

static void
page_chart_free (gpointer data)
{
  PageChart *chart = data;

  layout_cache_clear (&chart->cache);
  rk_gantt_free (chart->gantt);
  g_free (chart);
}

static void
page_chart_draw (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  PageChart *chart = user_data;
  PangoContext *context = rk_pdf_document_get_context (chart->doc);
  Frame frame;

  if (chart->row0 == chart->row1)
    {
      draw_legend (&chart->cache, context, cr);
      return;
    }
  if (chart->scale < 1)
    {
      cairo_scale (cr, chart->scale, chart->scale);
      width /= chart->scale;
    }
  frame_init (chart->gantt, &frame, width, chart->m0, chart->m1, TRUE);
  draw_header_in_frame (chart->gantt, &chart->cache, context, cr, &frame);
  for (guint row = chart->row0; row < chart->row1; row++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, HEADER_HEIGHT + (row - chart->row0) * ROW_HEIGHT);
      draw_row_in_frame (chart->gantt, &chart->cache, context, cr, &frame, row);
      cairo_restore (cr);
    }
  /* The frame around the chart. */
  set_rgb (cr, &rule_dark);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, 0.375, 0.375, timeline_end (&frame) - 0.75,
                   HEADER_HEIGHT + (chart->row1 - chart->row0) * ROW_HEIGHT - 0.75);
  cairo_stroke (cr);
}

static PageChart *
page_chart_new (RkGantt       *self,
                RkPdfDocument *doc,
                RkMonth        m0,
                RkMonth        m1,
                guint          row0,
                guint          row1)
{
  PageChart *chart = g_new0 (PageChart, 1);

  chart->gantt = rk_gantt_ref (self);
  chart->doc = doc;
  chart->m0 = m0;
  chart->m1 = m1;
  chart->row0 = row0;
  chart->row1 = row1;
  chart->scale = 1;
  layout_cache_init (&chart->cache);
  return chart;
}

static char *
fiscal_span_text (RkMonth m0,
                  RkMonth m1)
{
  int fy0 = rk_month_get_fiscal_year (m0), fy1 = rk_month_get_fiscal_year (m1);
  g_autofree char *first = rk_era_format_fiscal_year (fy0);
  g_autofree char *last = NULL;

  if (fy0 == fy1)
    return g_steal_pointer (&first);
  last = rk_era_format_fiscal_year (fy1);
  return g_strconcat (first, "〜", last, NULL);
}

/* The page's title line: the title on the left; the fiscal years shown and the date on the right. */
static double
add_page_title (RkGantt       *self,
                RkPdfDocument *doc,
                guint          page,
                double         width,
                const char    *title,
                RkMonth        m0,
                RkMonth        m1)
{
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) note = NULL;
  g_autofree char *span = fiscal_span_text (m0, m1);
  g_autofree char *date = rk_era_format_date (&self->today);
  /* Translators: under the roster's title: "%s現在", %s is a date such as 令和7年(2025年)4月1日. */
  g_autofree char *as_of = g_strdup_printf (_("As of %s"), date);
  g_autofree char *note_text = g_strdup_printf ("%s　%s", span, as_of);
  double note_w, heading_h, note_h;

  note = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 9.0, FALSE, -1, note_text);
  note_w = rk_pdf_layout_get_width (note);
  heading = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 14.0, TRUE, MAX (width - note_w - 16, 100), title);
  heading_h = rk_pdf_layout_get_height (heading);
  note_h = rk_pdf_layout_get_height (note);
  rk_pdf_document_add_layout (doc, page, 0, 0, heading);
  rk_pdf_document_add_layout (doc, page, width - note_w, heading_h - note_h, note);
  rk_pdf_document_add_rule (doc, page, 0, heading_h + 3, width, heading_h + 3, 1.0, 0.3);
  return heading_h + 10;
}

RkPdfDocument *
rk_gantt_build_document (RkGantt    *self,
                         const char *title)
{
  RkPdfDocument *doc;
  PageChart *chart;
  double width, height, title_h = 0, rows_h, scale;
  int fy0, fy1, years_per_page;
  guint rows_per_page;
  g_autofree char *default_title = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (title == NULL || *title == '\0')
    title = default_title = g_strdup (_("Work Schedule"));

  doc = rk_pdf_document_new (RK_PDF_LANDSCAPE, NULL);
  rk_pdf_document_set_page_numbers (doc, RK_PDF_PAGE_NUMBERS_OF_TOTAL, 0);
  rk_pdf_document_add_page (doc, -1);
  rk_pdf_document_get_content_size (doc, 0, &width, &height);

  /* Whole fiscal years across a page, as many as fit without squeezing months unreadably; more go on further
   * pages, each with the label column again. */
  fy0 = rk_month_get_fiscal_year (self->first);
  fy1 = rk_month_get_fiscal_year (self->last);
  years_per_page = MAX (1, (int) floor ((width - LABEL_WIDTH) / (12 * MIN_PRINT_MONTH)));

  for (int fy = fy0; fy <= fy1; fy += years_per_page)
    {
      RkMonth m0 = rk_month_fiscal_start (fy);
      RkMonth m1 = rk_month_fiscal_start (MIN (fy + years_per_page - 1, fy1)) + 11;
      guint row = 0;

      while (row < self->n_rows)
        {
          guint page = fy == fy0 && row == 0 ? 0 : rk_pdf_document_add_page (doc, -1);
          guint end;

          title_h = add_page_title (self, doc, page, width, title, m0, m1);
          rows_h = height - title_h - HEADER_HEIGHT - LEGEND_HEIGHT - 8;
          rows_per_page = MAX (1, (guint) floor (rows_h / ROW_HEIGHT));
          end = MIN (self->n_rows, row + rows_per_page);
          scale = 1;
          /* The last few rows would fill a page of their own: draw this page's a little smaller instead. */
          if (end < self->n_rows
              && HEADER_HEIGHT + (self->n_rows - row) * ROW_HEIGHT <= (HEADER_HEIGHT + rows_h) / MIN_FIT_SCALE)
            {
              scale = (HEADER_HEIGHT + rows_h) / (HEADER_HEIGHT + (self->n_rows - row) * ROW_HEIGHT);
              end = self->n_rows;
            }
          /* A step's header never ends a page: it goes over with its first task. */
          if (end < self->n_rows && end - row > 1 && self->rows[end - 1].item < 0)
            end--;

          chart = page_chart_new (self, doc, m0, m1, row, end);
          chart->scale = scale;
          rk_pdf_document_add_drawing (doc, page, 0, title_h, width,
                                       (HEADER_HEIGHT + (end - row) * ROW_HEIGHT) * scale,
                                       page_chart_draw, chart, page_chart_free);
          rk_pdf_document_add_drawing (doc, page, 0, height - LEGEND_HEIGHT, width, LEGEND_HEIGHT,
                                       page_chart_draw, page_chart_new (self, doc, m0, m1, 0, 0),
                                       page_chart_free);
          row = end;
        }
    }
  return doc;
}

/* ---- PNG --------------------------------------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rk_gantt_export_png (RkGantt     *self,
                     const char  *path,
                     double       scale,
                     GError     **error)
{
  double width, height;
  int pixel_w, pixel_h;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr(GByteArray) png = NULL;
  LayoutCache cache = { 0 };
  Frame frame;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  width = LABEL_WIDTH + rk_gantt_get_timeline_width (self);
  height = HEADER_HEIGHT + self->n_rows * ROW_HEIGHT;
  pixel_w = (int) ceil (width * scale);
  pixel_h = (int) ceil (height * scale);
  if (pixel_w > PNG_MAX_SIDE || pixel_h > PNG_MAX_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The chart is too large for an image (%d × %d pixels). Export it as PDF, or use a smaller "
                     "scale."), pixel_w, pixel_h);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_w, pixel_h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  layout_cache_init (&cache);
  frame_init (self, &frame, width, self->first, self->last, FALSE);
  draw_header_in_frame (self, &cache, NULL, cr, &frame);
  for (guint row = 0; row < self->n_rows; row++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, HEADER_HEIGHT + row * ROW_HEIGHT);
      draw_row_in_frame (self, &cache, NULL, cr, &frame, row);
      cairo_restore (cr);
    }
  layout_cache_clear (&cache);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  /* Written beside @path and renamed over it, so a failed export never leaves half an image. */
  return g_file_set_contents_full (path, (const char *) png->data, png->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                   error);
}

/* rk-gantt-row.c — a row of the Gantt chart.
 *
 * The chart is a GtkListView of these, so only the rows on screen exist, however many tasks there are; each draws
 * its own row with rk_gantt_draw_row() at the list's width. The header above the list is the same class drawing
 * rk_gantt_draw_header(), shifted by the list's horizontal scrolling so months stay above their bars. */
#include <glib/gi18n.h>
#include <math.h>

#include "rk-gantt-row.h"

struct _RkGanttRow
{
  GtkWidget      parent_instance;

  RkGantt       *gantt; /* borrowed, see rk_gantt_row_set_row() */
  guint          row;
  char          *label;
  gboolean       header;
  gboolean       selected;
  GtkAdjustment *hadjustment;
};

G_DEFINE_FINAL_TYPE (RkGanttRow, rk_gantt_row, GTK_TYPE_WIDGET)

static int
rk_gantt_row_get_natural_width (RkGanttRow *self)
{
  if (self->gantt == NULL)
    return 0;

  return (int) ceil (rk_gantt_get_label_width (self->gantt) + rk_gantt_get_timeline_width (self->gantt));
}

static void
rk_gantt_row_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  RkGanttRow *self = RK_GANTT_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int width = rk_gantt_row_get_natural_width (self);

      /* The header must not widen the page: the list sets the width and scrolls. */
      *minimum = self->header ? 0 : width;
      *natural = width;
    }
  else if (self->gantt == NULL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = (int) ceil (self->header ? rk_gantt_get_header_height (self->gantt)
                                                   : rk_gantt_get_row_height (self->gantt));
}

static void
rk_gantt_row_draw (RkGanttRow  *self,
                   GtkSnapshot *snapshot,
                   double       x,
                   double       width,
                   double       height)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, 0, width, height));

  cairo_translate (cr, x, 0);
  if (self->header)
    rk_gantt_draw_header (self->gantt, cr, width, context);
  else
    rk_gantt_draw_row (self->gantt, cr, self->row, width, context);
  cairo_destroy (cr);
}

/* Where the list's visible area starts, in the row's coordinates: the scrolled distance, give or take the list
 * row's own padding. */
static double
rk_gantt_row_get_view_start (RkGanttRow *self,
                             double      scrolled)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);
  graphene_point_t origin;

  if (list != NULL && gtk_widget_compute_point (list, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &origin))
    return MAX (0, origin.x);

  return scrolled;
}

static void
rk_gantt_row_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  RkGanttRow *self = RK_GANTT_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scrolled = 0, content_width = width, label_width;

  if (self->gantt == NULL || width <= 0 || height <= 0)
    return;

  if (self->hadjustment != NULL)
    scrolled = floor (gtk_adjustment_get_value (self->hadjustment));
  label_width = ceil (rk_gantt_get_label_width (self->gantt));

  if (self->header)
    {
      /* The list beneath is as wide as the chart's natural width or the view, whichever is wider; the header
       * follows its scrolling. */
      content_width = MAX (width, rk_gantt_row_get_natural_width (self));
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      rk_gantt_row_draw (self, snapshot, -scrolled, content_width, height);
      gtk_snapshot_pop (snapshot);
    }
  else
    rk_gantt_row_draw (self, snapshot, 0, content_width, height);

  /* Scrolled along the timeline, the step and task names stay in view: the label column is drawn again where
   * the view starts, over the months that passed beneath it. */
  if (scrolled > 0 && label_width < width)
    {
      double x = self->header ? 0 : rk_gantt_row_get_view_start (self, scrolled);
      GdkRGBA shadow = { 0, 0, 0, 0.12 };
      GdkRGBA background = { 1, 1, 1, 1 };

      /* The chart leaves parts of its rows unpainted: nothing that scrolled beneath may show through. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "view_bg_color", &background);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, 0, label_width, height));
      gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (x, 0, label_width, height));
      rk_gantt_row_draw (self, snapshot, x, content_width, height);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_color (snapshot, &shadow, &GRAPHENE_RECT_INIT (x + label_width, 0, 2, height));
    }

  /* The chart paints its own background, which would hide the list's selection: mark it on top. */
  if (!self->header && self->selected)
    {
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
      GtkStyleContext *style = gtk_widget_get_style_context (widget);
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
      GdkRGBA fill;
      float widths[4] = { 2, 2, 2, 2 };
      GskRoundedRect outline;

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_lookup_color (style, "accent_bg_color", &accent);
      G_GNUC_END_IGNORE_DEPRECATIONS
      fill = accent;
      fill.alpha = 0.15;
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, (GdkRGBA[4]) { accent, accent, accent, accent });
    }
}

static void
rk_gantt_row_update_label (RkGanttRow *self)
{
  g_clear_pointer (&self->label, g_free);

  if (self->gantt == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      return;
    }

  if (self->header)
    {
      RkMonth first = rk_gantt_get_first_month (self->gantt);
      RkMonth last = rk_gantt_get_last_month (self->gantt);
      g_autofree char *span = rk_month_format_span (first, last);

      /* Translators: accessible name of the months above the Gantt chart; %s is a span such as 2025年4月–2028年3月. */
      self->label = g_strdup_printf (_("Timeline, %s"), span);
    }
  else
    {
      GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

      self->label = rk_gantt_describe_row (self->gantt, self->row);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->label);
      /* In the schedule's list, GTK's item around the row is what AT-SPI lists, and GTK 4.8 leaves it nameless. */
      if (item != NULL && !GTK_IS_BOX (item))
        gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
}

void
rk_gantt_row_set_row (RkGanttRow *self,
                      RkGantt    *gantt,
                      guint       row)
{
  int old_width;

  g_return_if_fail (RK_IS_GANTT_ROW (self));
  g_return_if_fail (gantt == NULL || self->header || row < rk_gantt_get_n_rows (gantt));

  old_width = rk_gantt_row_get_natural_width (self);
  self->gantt = gantt;
  self->row = row;

  rk_gantt_row_update_label (self);
  /* Most changes (a status, a title) keep the chart's width: a redraw is enough. */
  if (old_width != rk_gantt_row_get_natural_width (self) || gantt == NULL)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rk_gantt_row_set_selected (RkGanttRow *self,
                           gboolean    selected)
{
  g_return_if_fail (RK_IS_GANTT_ROW (self));

  if (self->selected == !!selected)
    return;

  self->selected = !!selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
rk_gantt_row_get_row (RkGanttRow *self)
{
  g_return_val_if_fail (RK_IS_GANTT_ROW (self), 0);

  return self->row;
}

const char *
rk_gantt_row_get_label (RkGanttRow *self)
{
  g_return_val_if_fail (RK_IS_GANTT_ROW (self), NULL);

  return self->label;
}

static void
rk_gantt_row_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  /* A row's only children are its context menus. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
rk_gantt_row_dispose (GObject *object)
{
  RkGanttRow *self = RK_GANTT_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_clear_object (&self->hadjustment);

  G_OBJECT_CLASS (rk_gantt_row_parent_class)->dispose (object);
}

static void
rk_gantt_row_finalize (GObject *object)
{
  RkGanttRow *self = RK_GANTT_ROW (object);

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (rk_gantt_row_parent_class)->finalize (object);
}

static void
rk_gantt_row_class_init (RkGanttRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_gantt_row_dispose;
  object_class->finalize = rk_gantt_row_finalize;

  widget_class->measure = rk_gantt_row_measure;
  widget_class->size_allocate = rk_gantt_row_size_allocate;
  widget_class->snapshot = rk_gantt_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "ganttrow");
  /* A drawn row: its name says everything the picture shows. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rk_gantt_row_init (RkGanttRow *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

static RkGanttRow *
rk_gantt_row_new_full (gboolean       header,
                       GtkAdjustment *hadjustment)
{
  RkGanttRow *self = g_object_new (RK_TYPE_GANTT_ROW, NULL);

  self->header = header;
  if (hadjustment != NULL)
    {
      self->hadjustment = g_object_ref (hadjustment);
      /* Scrolling moves the rows but does not redraw them: the label column must follow. */
      g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                               G_CONNECT_SWAPPED);
    }

  return self;
}

GtkWidget *
rk_gantt_row_new (GtkAdjustment *hadjustment)
{
  g_return_val_if_fail (hadjustment == NULL || GTK_IS_ADJUSTMENT (hadjustment), NULL);

  return GTK_WIDGET (rk_gantt_row_new_full (FALSE, hadjustment));
}

GtkWidget *
rk_gantt_row_new_header (GtkAdjustment *hadjustment)
{
  g_return_val_if_fail (hadjustment == NULL || GTK_IS_ADJUSTMENT (hadjustment), NULL);

  return GTK_WIDGET (rk_gantt_row_new_full (TRUE, hadjustment));
}

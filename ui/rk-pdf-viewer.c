/* rk-pdf-viewer.c — reads a PDF page by page.
 *
 * One page at a time is drawn by poppler (rk_handout_render_page) into an image at the size it is shown, in device
 * pixels so it stays sharp on a HiDPI screen, and kept until the page, the zoom or the width changes. "Fit width"
 * lets the page take the window's width (the drawing area expands and its height follows the page's proportions);
 * a fixed zoom gives the area the page's size and lets the scrolled window scroll both ways. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-handout.h"
#include "rk-pdf-viewer.h"

/* 100 %: a point is 1/72 inch, a logical pixel 1/96 inch. */
#define PIXELS_PER_POINT (96.0 / 72.0)

static const double zoom_levels[] = { 0.25, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

struct _RkPdfViewer
{
  AdwWindow          parent_instance;

  PopplerDocument   *document;
  guint              page;   /* 0-based */
  guint              n_pages;
  double             zoom;   /* 0: fit width */
  int                fit_width;
  guint              resize_id;

  cairo_surface_t   *rendered;
  guint              rendered_page;
  int                rendered_width;

  AdwWindowTitle    *window_title;
  GtkLabel          *page_label;
  GtkMenuButton     *zoom_button;
  GtkScrolledWindow *scrolled_window;
  GtkDrawingArea    *area;
};

G_DEFINE_FINAL_TYPE (RkPdfViewer, rk_pdf_viewer, ADW_TYPE_WINDOW)

static void
rk_pdf_viewer_page_size (RkPdfViewer *self,
                         double      *width,
                         double      *height)
{
  PopplerPage *page = poppler_document_get_page (self->document, (int) self->page);

  *width = 595.0;
  *height = 842.0;
  if (page != NULL)
    {
      poppler_page_get_size (page, width, height);
      g_object_unref (page);
    }
  if (*width < 1.0 || *height < 1.0)
    {
      *width = 595.0;
      *height = 842.0;
    }
}

/* The zoom in effect: with "fit width", what the window's width makes of the page. */
static double
rk_pdf_viewer_effective_zoom (RkPdfViewer *self)
{
  double width, height;

  if (self->zoom > 0)
    return self->zoom;

  rk_pdf_viewer_page_size (self, &width, &height);
  return self->fit_width > 0 ? self->fit_width / (width * PIXELS_PER_POINT) : 1.0;
}

static void
rk_pdf_viewer_update_size (RkPdfViewer *self)
{
  double width, height;

  rk_pdf_viewer_page_size (self, &width, &height);
  if (self->zoom > 0)
    {
      int w = (int) (width * PIXELS_PER_POINT * self->zoom + 0.5);

      gtk_widget_set_halign (GTK_WIDGET (self->area), GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (GTK_WIDGET (self->area), FALSE);
      gtk_scrolled_window_set_policy (self->scrolled_window, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      gtk_drawing_area_set_content_width (self->area, w);
      gtk_drawing_area_set_content_height (self->area, (int) (w * height / width + 0.5));
    }
  else
    {
      /* The area takes whatever width the window gives it; its height follows in the resize handler. */
      gtk_widget_set_halign (GTK_WIDGET (self->area), GTK_ALIGN_FILL);
      gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
      gtk_scrolled_window_set_policy (self->scrolled_window, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_drawing_area_set_content_width (self->area, 1);
      if (self->fit_width > 0)
        gtk_drawing_area_set_content_height (self->area, (int) (self->fit_width * height / width + 0.5));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
rk_pdf_viewer_update_controls (RkPdfViewer *self)
{
  g_autofree char *page_text = NULL;
  g_autofree char *zoom_text = NULL;
  g_autofree char *page_tooltip = NULL;
  double zoom = rk_pdf_viewer_effective_zoom (self);

  /* Translators: the page shown and the number of pages of a PDF, "2 / 5". */
  page_text = g_strdup_printf (_("%1$u / %2$u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, page_text);
  /* Translators: the tooltip of the "n / m" label of the PDF reader. */
  page_tooltip = g_strdup_printf (_("Page %1$u of %2$u"), self->page + 1, self->n_pages);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_label), page_tooltip);

  if (self->zoom > 0)
    /* Translators: a zoom level, "125%". */
    zoom_text = g_strdup_printf (_("%d%%"), (int) (self->zoom * 100 + 0.5));
  else
    zoom_text = g_strdup (_("Fit Width"));
  gtk_menu_button_set_label (self->zoom_button, zoom_text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.first-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page", self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.last-page", self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", zoom > zoom_levels[0]);
}

static void
area_draw_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  RkPdfViewer *self = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  int pixels = MIN (width * scale, RK_HANDOUT_MAX_RENDER_SIZE);

  if (self->document == NULL || pixels < 1)
    return;

  if (self->rendered == NULL || self->rendered_page != self->page || self->rendered_width != pixels)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&self->rendered, cairo_surface_destroy);
      self->rendered = rk_handout_render_page (self->document, (int) self->page, pixels, &error);
      if (self->rendered == NULL)
        {
          g_warning ("%s", error->message);
          return;
        }
      self->rendered_page = self->page;
      self->rendered_width = pixels;
    }

  cairo_save (cr);
  cairo_scale (cr, (double) width / pixels, (double) width / pixels);
  cairo_set_source_surface (cr, self->rendered, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static gboolean
rk_pdf_viewer_fit_idle (gpointer data)
{
  RkPdfViewer *self = data;

  self->resize_id = 0;
  rk_pdf_viewer_update_size (self);
  rk_pdf_viewer_update_controls (self);
  return G_SOURCE_REMOVE;
}

static void
area_resize_cb (GtkDrawingArea *area,
                int             width,
                int             height,
                RkPdfViewer    *self)
{
  if (self->zoom > 0 || width == self->fit_width)
    return;

  /* The height follows the new width, but not from inside the allocation that gave it. */
  self->fit_width = width;
  if (self->resize_id == 0)
    self->resize_id = g_idle_add (rk_pdf_viewer_fit_idle, self);
}

void
rk_pdf_viewer_show_page (RkPdfViewer *self,
                         guint        page)
{
  g_return_if_fail (RK_IS_PDF_VIEWER (self));

  page = CLAMP (page, 1, MAX (self->n_pages, 1)) - 1;
  if (page == self->page)
    return;

  self->page = page;
  rk_pdf_viewer_update_size (self);
  rk_pdf_viewer_update_controls (self);
  /* A new page is read from its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

guint
rk_pdf_viewer_get_page (RkPdfViewer *self)
{
  g_return_val_if_fail (RK_IS_PDF_VIEWER (self), 0);

  return self->page + 1;
}

guint
rk_pdf_viewer_get_n_pages (RkPdfViewer *self)
{
  g_return_val_if_fail (RK_IS_PDF_VIEWER (self), 0);

  return self->n_pages;
}

double
rk_pdf_viewer_get_zoom (RkPdfViewer *self)
{
  g_return_val_if_fail (RK_IS_PDF_VIEWER (self), 0);

  return self->zoom;
}

void
rk_pdf_viewer_set_zoom (RkPdfViewer *self,
                        double       zoom)
{
  g_return_if_fail (RK_IS_PDF_VIEWER (self));

  zoom = zoom <= 0 ? 0 : CLAMP (zoom, zoom_levels[0], zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  rk_pdf_viewer_update_size (self);
  rk_pdf_viewer_update_controls (self);
}

const char *
rk_pdf_viewer_get_page_label (RkPdfViewer *self)
{
  g_return_val_if_fail (RK_IS_PDF_VIEWER (self), NULL);

  return gtk_label_get_text (self->page_label);
}

static void
rk_pdf_viewer_page_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RkPdfViewer *self = RK_PDF_VIEWER (widget);
  guint page = self->page + 1;

  if (g_str_equal (action_name, "viewer.previous-page"))
    page = page > 1 ? page - 1 : 1;
  else if (g_str_equal (action_name, "viewer.next-page"))
    page = page + 1;
  else if (g_str_equal (action_name, "viewer.first-page"))
    page = 1;
  else
    page = self->n_pages;

  rk_pdf_viewer_show_page (self, page);
}

static void
rk_pdf_viewer_zoom_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RkPdfViewer *self = RK_PDF_VIEWER (widget);
  double current = rk_pdf_viewer_effective_zoom (self);
  double zoom = current;

  if (g_str_equal (action_name, "viewer.zoom-fit"))
    zoom = 0;
  else if (g_str_equal (action_name, "viewer.zoom-original"))
    zoom = 1.0;
  else if (g_str_equal (action_name, "viewer.zoom-in"))
    {
      /* The next level up from what is shown, also when that came from fitting the width. */
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > current + 0.001)
          {
            zoom = zoom_levels[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < current - 0.001)
          {
            zoom = zoom_levels[i - 1];
            break;
          }
    }

  rk_pdf_viewer_set_zoom (self, zoom);
}

static void
rk_pdf_viewer_dispose (GObject *object)
{
  RkPdfViewer *self = RK_PDF_VIEWER (object);

  g_clear_handle_id (&self->resize_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PDF_VIEWER);

  G_OBJECT_CLASS (rk_pdf_viewer_parent_class)->dispose (object);
}

static void
rk_pdf_viewer_finalize (GObject *object)
{
  RkPdfViewer *self = RK_PDF_VIEWER (object);

  g_clear_pointer (&self->rendered, cairo_surface_destroy);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rk_pdf_viewer_parent_class)->finalize (object);
}

static void
rk_pdf_viewer_class_init (RkPdfViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_pdf_viewer_dispose;
  object_class->finalize = rk_pdf_viewer_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-pdf-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, RkPdfViewer, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkPdfViewer, page_label);
  gtk_widget_class_bind_template_child (widget_class, RkPdfViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, RkPdfViewer, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RkPdfViewer, area);
  gtk_widget_class_bind_template_callback (widget_class, area_resize_cb);

  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, rk_pdf_viewer_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, rk_pdf_viewer_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, rk_pdf_viewer_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, rk_pdf_viewer_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, rk_pdf_viewer_zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, rk_pdf_viewer_zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit", NULL, rk_pdf_viewer_zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-original", NULL, rk_pdf_viewer_zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "viewer.zoom-original", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "viewer.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static gboolean
page_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             RkPdfViewer           *self)
{
  const char *action = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = "viewer.previous-page";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = "viewer.next-page";
      break;
    case GDK_KEY_Home:
      action = "viewer.first-page";
      break;
    case GDK_KEY_End:
      action = "viewer.last-page";
      break;
    default:
      return FALSE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static void
rk_pdf_viewer_init (RkPdfViewer *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, area_draw_cb, self, NULL);

  /* Page Up/Down turn the page: caught before the scrolled window would scroll by a screen. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (page_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

RkPdfViewer *
rk_pdf_viewer_new (GtkWindow   *parent,
                   GBytes      *data,
                   const char  *title,
                   GError     **error)
{
  PopplerDocument *document;
  RkPdfViewer *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!(document = rk_handout_open (data, title, error)))
    return NULL;

  self = g_object_new (RK_TYPE_PDF_VIEWER,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->document = document;
  self->n_pages = (guint) poppler_document_get_n_pages (self->document);
  adw_window_title_set_title (self->window_title, title);
  rk_pdf_viewer_update_size (self);
  rk_pdf_viewer_update_controls (self);

  return self;
}

RkPdfViewer *
rk_pdf_viewer_new_for_handout (GtkWindow   *parent,
                               RkStore     *store,
                               gint64       handout_id,
                               GError     **error)
{
  g_autoptr(RkHandout) handout = NULL;
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!(handout = rk_store_get_handout (store, handout_id, error)) ||
      !(data = rk_store_get_handout_data (store, handout_id, error)))
    return NULL;

  return rk_pdf_viewer_new (parent, data, handout->title, error);
}

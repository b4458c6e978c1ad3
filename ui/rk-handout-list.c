/* rk-handout-list.c — a meeting's handouts (資料).
 *
 * Nothing here blocks the window on a PDF: a file offered is read and checked (size, header, poppler, every page's
 * text) in a GTask thread by rk_handout_file_load(), and only the short write of the checked file happens on the main
 * thread. Thumbnails are drawn in threads too, each on its own PopplerDocument (poppler documents are not shared
 * between threads), and kept in a cache keyed by the file's SHA-256, so switching meetings back and forth or
 * restoring a removed handout draws nothing twice. A refused file is explained in a dialog and changes nothing. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-handout-list.h"
#include "rk-handout.h"
#include "rk-pdf-viewer.h"
#include "rk-window.h"

/* Thumbnails are drawn this wide (logical pixels) and at twice that for HiDPI screens. */
#define THUMBNAIL_WIDTH  48
#define THUMBNAIL_HEIGHT 64
/* The cache is dropped whole past this many entries: thumbnails are small and cheap to redraw. */
#define THUMBNAIL_CACHE_MAX 256

struct _RkHandoutList
{
  AdwBin                parent_instance;

  RkStore              *store;
  gint64                meeting_id;
  GPtrArray            *handouts;  /* RkHandout */
  GHashTable           *rows;      /* handout id (gint64*) → AdwActionRow (borrowed: the list box owns it) */
  GHashTable           *pictures;  /* handout id (gint64*) → GtkPicture */
  GCancellable         *cancellable;
  guint                 n_busy;
  gboolean              constructed;
  GtkFileChooserNative *chooser;

  GtkSpinner           *spinner;
  GtkListBox           *list_box;
};

G_DEFINE_FINAL_TYPE (RkHandoutList, rk_handout_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* sha256 → GdkTexture, shared by every handout list of the process. */
static GHashTable *thumbnail_cache;

static GdkPaintable *
thumbnail_cache_lookup (const char *sha256)
{
  return thumbnail_cache != NULL && sha256 != NULL ? g_hash_table_lookup (thumbnail_cache, sha256) : NULL;
}

static void
thumbnail_cache_insert (const char *sha256,
                        GdkTexture *texture)
{
  if (thumbnail_cache == NULL)
    thumbnail_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_size (thumbnail_cache) >= THUMBNAIL_CACHE_MAX)
    g_hash_table_remove_all (thumbnail_cache);
  g_hash_table_replace (thumbnail_cache, g_strdup (sha256), g_object_ref (texture));
}

static void
rk_handout_list_show_error (RkHandoutList *self,
                            const char    *heading,
                            const GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rk_handout_list_set_busy (RkHandoutList *self,
                          gboolean       busy)
{
  self->n_busy += busy ? 1 : -1;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_busy > 0);
  gtk_spinner_set_spinning (self->spinner, self->n_busy > 0);
}

/* ---- Thumbnails ----------------------------------------------------------------------------------------- */

typedef struct {
  GBytes *data;
  char   *filename;
  int     width;
} ThumbnailJob;

static void
thumbnail_job_free (gpointer data)
{
  ThumbnailJob *job = data;

  g_bytes_unref (job->data);
  g_free (job->filename);
  g_free (job);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailJob *job = task_data;
  PopplerDocument *document;
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;

  if (!(document = rk_handout_open (job->data, job->filename, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  surface = rk_handout_render_page (document, 0, job->width, &error);
  g_object_unref (document);
  if (surface == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  /* cairo's ARGB32 is premultiplied native-endian ARGB: GDK_MEMORY_DEFAULT. */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, pixels, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
thumbnail_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autofree char *sha256 = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  RkHandoutList *self;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RK_HANDOUT_LIST (source);
  rk_handout_list_set_busy (self, FALSE);
  if (texture == NULL)
    {
      /* The file was checked when it was added: a thumbnail failing now is not the user's to fix. */
      g_warning ("Thumbnail: %s", error->message);
      return;
    }

  thumbnail_cache_insert (sha256, texture);
  for (guint i = 0; i < self->handouts->len; i++)
    {
      RkHandout *handout = g_ptr_array_index (self->handouts, i);
      GtkPicture *picture;

      if (g_strcmp0 (handout->sha256, sha256) == 0 &&
          (picture = g_hash_table_lookup (self->pictures, &handout->id)) != NULL)
        gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
    }
}

static void
rk_handout_list_request_thumbnail (RkHandoutList *self,
                                   RkHandout     *handout,
                                   GtkPicture    *picture)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GdkPaintable *cached;
  ThumbnailJob *job;
  GBytes *data;

  if ((cached = thumbnail_cache_lookup (handout->sha256)) != NULL)
    {
      gtk_picture_set_paintable (picture, cached);
      return;
    }

  /* Reading the blob is a quick local read; the PDF is parsed and drawn in the thread. */
  if (!(data = rk_store_get_handout_data (self->store, handout->id, &error)))
    {
      g_warning ("Thumbnail: %s", error->message);
      return;
    }

  job = g_new0 (ThumbnailJob, 1);
  job->data = data;
  job->filename = g_strdup (handout->filename);
  job->width = THUMBNAIL_WIDTH * MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 2);

  task = g_task_new (self, self->cancellable, thumbnail_done_cb, g_strdup (handout->sha256));
  g_task_set_source_tag (task, rk_handout_list_request_thumbnail);
  g_task_set_task_data (task, job, thumbnail_job_free);
  rk_handout_list_set_busy (self, TRUE);
  g_task_run_in_thread (task, thumbnail_thread);
}

/* ---- The list ------------------------------------------------------------------------------------------- */

static GtkWidget *
rk_handout_list_create_row (RkHandoutList *self,
                            RkHandout     *handout)
{
  g_autofree char *title = g_markup_escape_text (handout->title, -1);
  g_autofree char *size = g_format_size ((guint64) handout->size);
  g_autofree char *pages = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row, *picture, *button;

  pages = g_strdup_printf (ngettext ("%d page", "%d pages", handout->page_count), handout->page_count);
  /* Translators: under a handout's title: pages, file size and file name, "2 pages · 12.3 kB · report.pdf". */
  subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"), pages, size, handout->filename);
  escaped = g_markup_escape_text (subtitle, -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "handouts.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (handout->id));
  gtk_widget_set_tooltip_text (row, _("Open in the reader"));

  picture = gtk_picture_new ();
  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), _("First page"));
  gtk_widget_add_css_class (picture, "card");
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), picture);

  /* Translators: the accessible name of the remove button of a handout row. */
  remove_label = g_strdup_printf (_("Remove “%s”"), handout->title);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "handouts.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (handout->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_hash_table_insert (self->rows, g_memdup2 (&handout->id, sizeof handout->id), row);
  g_hash_table_insert (self->pictures, g_memdup2 (&handout->id, sizeof handout->id), picture);
  rk_handout_list_request_thumbnail (self, handout, GTK_PICTURE (picture));

  return row;
}

static void
rk_handout_list_reload (RkHandoutList *self)
{
  g_autoptr(GPtrArray) handouts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->pictures);
  g_ptr_array_set_size (self->handouts, 0);

  if (self->store == NULL || self->meeting_id <= 0)
    return;

  if (!(handouts = rk_store_list_handouts (self->store, self->meeting_id, &error)))
    {
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < handouts->len; i++)
    {
      RkHandout *handout = rk_handout_copy (g_ptr_array_index (handouts, i));

      g_ptr_array_add (self->handouts, handout);
      gtk_list_box_append (self->list_box, rk_handout_list_create_row (self, handout));
    }
}

/* ---- Attaching ------------------------------------------------------------------------------------------ */

static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  RkHandoutFile *file = rk_handout_file_load (G_FILE (task_data), cancellable, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, (GDestroyNotify) rk_handout_file_free);
}

static void
attach_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RkHandoutFile) file = NULL;
  g_autoptr(RkHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  RkHandoutList *self;

  file = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RK_HANDOUT_LIST (source);
  rk_handout_list_set_busy (self, FALSE);
  if (file == NULL ||
      !(handout = rk_store_add_handout_file (self->store, self->meeting_id, file, NULL, &error)))
    {
      rk_handout_list_show_error (self, _("Could Not Attach the File"), error);
      return;
    }

  /* The new row is the confirmation: a toast here would also push aside an undo toast still on screen. */
  rk_handout_list_reload (self);
}

static void
rk_handout_list_attach_file (RkHandoutList *self,
                             GFile         *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, attach_done_cb, NULL);

  g_task_set_source_tag (task, rk_handout_list_attach_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  rk_handout_list_set_busy (self, TRUE);
  g_task_run_in_thread (task, attach_thread);
}

static void
chooser_response_cb (RkHandoutList        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            gtk_widget_activate_action (GTK_WIDGET (self), "handouts.attach-from", "s", path);
        }
    }

  g_clear_object (&self->chooser);
}

static void
rk_handout_list_attach_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RkHandoutList *self = RK_HANDOUT_LIST (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  self->chooser = gtk_file_chooser_native_new (_("Attach PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
rk_handout_list_attach_from_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  rk_handout_list_attach_file (RK_HANDOUT_LIST (widget), file);
}

/* ---- Open, remove ---------------------------------------------------------------------------------------- */

GtkWidget *
rk_handout_list_open_handout (RkHandoutList *self,
                              gint64         handout_id)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  RkPdfViewer *viewer;

  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  viewer = rk_pdf_viewer_new_for_handout (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, handout_id,
                                          &error);
  if (viewer == NULL)
    {
      rk_handout_list_show_error (self, _("Could Not Open the Handout"), error);
      return NULL;
    }

  gtk_window_present (GTK_WINDOW (viewer));
  return GTK_WIDGET (viewer);
}

static void
rk_handout_list_open_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  rk_handout_list_open_handout (RK_HANDOUT_LIST (widget), g_variant_get_int64 (parameter));
}

#define UNDO_HANDOUT_ID "rk-handout-id"

static gboolean
rk_handout_list_undo_remove (GtkWidget  *widget,
                             gpointer    item,
                             GError    **error)
{
  RkHandoutList *self = RK_HANDOUT_LIST (widget);
  gint64 *id = g_object_get_data (item, UNDO_HANDOUT_ID);

  if (!rk_store_restore_handout (self->store, *id, error))
    return FALSE;

  rk_handout_list_reload (self);
  return TRUE;
}

static void
rk_handout_list_remove_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RkHandoutList *self = RK_HANDOUT_LIST (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(RkHandout) handout = NULL;
  g_autoptr(GObject) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (!(handout = rk_store_get_handout (self->store, id, &error)) || !rk_store_remove_handout (self->store, id, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }
  rk_handout_list_reload (self);

  /* The undo toast keeps a GObject: a plain one carrying the id (handouts are plain structs). */
  item = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (item, UNDO_HANDOUT_ID, g_memdup2 (&id, sizeof id), g_free);
  escaped = g_markup_escape_text (handout->title, -1);
  /* Translators: a toast after a handout was removed from a meeting; it offers Undo. */
  title = g_strdup_printf (_("Removed “%s”"), escaped);
  rk_widget_add_undo_toast (widget, title, item, rk_handout_list_undo_remove);
}

/* ---- Public API ---------------------------------------------------------------------------------------- */

GtkWidget *
rk_handout_list_new (RkStore *store,
                     gint64   meeting_id)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_HANDOUT_LIST, "store", store, "meeting-id", meeting_id, NULL);
}

RkStore *
rk_handout_list_get_store (RkHandoutList *self)
{
  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), NULL);

  return self->store;
}

gint64
rk_handout_list_get_meeting_id (RkHandoutList *self)
{
  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), 0);

  return self->meeting_id;
}

void
rk_handout_list_set_meeting_id (RkHandoutList *self,
                                gint64         meeting_id)
{
  g_return_if_fail (RK_IS_HANDOUT_LIST (self));

  if (meeting_id == self->meeting_id)
    return;

  self->meeting_id = meeting_id;
  /* An attachment still being read belongs to the meeting it was offered to: it is not cancelled. */
  rk_handout_list_reload (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handouts.attach", meeting_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handouts.attach-from", meeting_id > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ID]);
}

GPtrArray *
rk_handout_list_get_handouts (RkHandoutList *self)
{
  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), NULL);

  return self->handouts;
}

GtkWidget *
rk_handout_list_get_row (RkHandoutList *self,
                         gint64         handout_id)
{
  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), NULL);

  return g_hash_table_lookup (self->rows, &handout_id);
}

GdkPaintable *
rk_handout_list_get_thumbnail (RkHandoutList *self,
                               gint64         handout_id)
{
  GtkPicture *picture;

  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), NULL);

  picture = g_hash_table_lookup (self->pictures, &handout_id);
  return picture != NULL ? gtk_picture_get_paintable (picture) : NULL;
}

gboolean
rk_handout_list_is_busy (RkHandoutList *self)
{
  g_return_val_if_fail (RK_IS_HANDOUT_LIST (self), FALSE);

  return self->n_busy > 0;
}

/* ---- GObject --------------------------------------------------------------------------------------------- */

static void
rk_handout_list_constructed (GObject *object)
{
  RkHandoutList *self = RK_HANDOUT_LIST (object);

  G_OBJECT_CLASS (rk_handout_list_parent_class)->constructed (object);

  self->constructed = TRUE;
  rk_handout_list_reload (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handouts.attach", self->meeting_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handouts.attach-from", self->meeting_id > 0);
}

static void
rk_handout_list_dispose (GObject *object)
{
  RkHandoutList *self = RK_HANDOUT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  rk_widget_forget_undo (GTK_WIDGET (self));
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_HANDOUT_LIST);

  G_OBJECT_CLASS (rk_handout_list_parent_class)->dispose (object);
}

static void
rk_handout_list_finalize (GObject *object)
{
  RkHandoutList *self = RK_HANDOUT_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->handouts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_handout_list_parent_class)->finalize (object);
}

static void
rk_handout_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkHandoutList *self = RK_HANDOUT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_handout_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RkHandoutList *self = RK_HANDOUT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      /* Before constructed() the list is loaded once, there. */
      if (!self->constructed)
        self->meeting_id = g_value_get_int64 (value);
      else
        rk_handout_list_set_meeting_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_handout_list_class_init (RkHandoutListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_handout_list_constructed;
  object_class->dispose = rk_handout_list_dispose;
  object_class->finalize = rk_handout_list_finalize;
  object_class->get_property = rk_handout_list_get_property;
  object_class->set_property = rk_handout_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-handout-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RkHandoutList, spinner);
  gtk_widget_class_bind_template_child (widget_class, RkHandoutList, list_box);

  gtk_widget_class_install_action (widget_class, "handouts.attach", NULL, rk_handout_list_attach_action);
  gtk_widget_class_install_action (widget_class, "handouts.attach-from", "s", rk_handout_list_attach_from_action);
  gtk_widget_class_install_action (widget_class, "handouts.open", "x", rk_handout_list_open_action);
  gtk_widget_class_install_action (widget_class, "handouts.remove", "x", rk_handout_list_remove_action);
}

static void
rk_handout_list_init (RkHandoutList *self)
{
  self->handouts = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_handout_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pictures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  rk_accessible_name_group (ADW_PREFERENCES_GROUP (adw_bin_get_child (ADW_BIN (self))), _("Handouts"));
}

/* rk-handout.c — PDF handouts: checks, text extraction, rendering, and their rows in the council file. */

#include "rk-handout.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rk-store-private.h"

/* PDF readers accept a header anywhere in the first kilobyte, and the end-of-file marker in the last one. */
#define PDF_MARKER_WINDOW 1024

G_DEFINE_QUARK (rk-handout-error-quark, rk_handout_error)

/* poppler-glib 22.12 declares no autoptr cleanups: ours, under names of our own. */
typedef PopplerDocument RkPopplerDocument;
typedef PopplerPage RkPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkPopplerPage, g_object_unref)

struct _RkHandoutFile {
  char      *filename;
  char      *pdf_title;   /* the document's own title, or NULL */
  GBytes    *data;
  GPtrArray *page_texts;  /* char *, one per page */
};

/* ------------------------------------------------------------------------------------------------------------ */
/* Plain structs */

void
rk_handout_free (RkHandout *handout)
{
  if (handout == NULL)
    return;
  g_free (handout->filename);
  g_free (handout->title);
  g_free (handout->mime_type);
  g_free (handout->sha256);
  g_free (handout->added_at);
  g_free (handout);
}

RkHandout *
rk_handout_copy (const RkHandout *handout)
{
  RkHandout *copy;

  g_return_val_if_fail (handout != NULL, NULL);

  copy = g_memdup2 (handout, sizeof *handout);
  copy->filename = g_strdup (handout->filename);
  copy->title = g_strdup (handout->title);
  copy->mime_type = g_strdup (handout->mime_type);
  copy->sha256 = g_strdup (handout->sha256);
  copy->added_at = g_strdup (handout->added_at);
  return copy;
}

void
rk_handout_file_free (RkHandoutFile *file)
{
  if (file == NULL)
    return;
  g_free (file->filename);
  g_free (file->pdf_title);
  g_clear_pointer (&file->data, g_bytes_unref);
  g_clear_pointer (&file->page_texts, g_ptr_array_unref);
  g_free (file);
}

int
rk_handout_file_get_page_count (RkHandoutFile *file)
{
  g_return_val_if_fail (file != NULL, 0);
  return (int) file->page_texts->len;
}

const char *
rk_handout_file_get_page_text (RkHandoutFile *file,
                               int            index)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (index >= 0 && (guint) index < file->page_texts->len, NULL);
  return g_ptr_array_index (file->page_texts, index);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Checks */

static void
set_too_large (GError     **error,
               const char  *filename)
{
  g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_TOO_LARGE,
               _("“%s” is too large to attach: handouts must be smaller than %d MB. Split it, or attach a "
                 "compressed copy."),
               filename, (int) (RK_HANDOUT_MAX_SIZE / (1024 * 1024)));
}

static gboolean
find_marker (const char *data,
             gsize       size,
             const char *marker)
{
  gsize len = strlen (marker);

  for (gsize i = 0; i + len <= size; i++)
    if (memcmp (data + i, marker, len) == 0)
      return TRUE;
  return FALSE;
}

PopplerDocument *
rk_handout_open (GBytes      *data,
                 const char  *filename,
                 GError     **error)
{
  g_autoptr(RkPopplerDocument) document = NULL;
  g_autoptr(GError) poppler_error = NULL;
  const char *bytes;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if (!find_marker (bytes, MIN (size, PDF_MARKER_WINDOW), "%PDF-"))
    {
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file. Only PDF handouts can be attached; save or print it as PDF first."),
                   filename);
      return NULL;
    }
  /* poppler reconstructs a file that was cut short and shows what is left of it: a handout that lost its last pages
   * in a failed download or copy must be noticed now, not by the people reading it. */
  if (!find_marker (bytes + size - MIN (size, PDF_MARKER_WINDOW), MIN (size, PDF_MARKER_WINDOW), "%%EOF"))
    {
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_DAMAGED,
                   _("“%s” is incomplete: the file ends before the PDF does. Copy or download it again."),
                   filename);
      return NULL;
    }

  document = poppler_document_new_from_bytes (data, NULL, &poppler_error);
  if (document == NULL)
    {
      if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password. Attach a copy saved without the password, so that "
                       "everyone can read it."),
                     filename);
      else
        g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be read as a PDF (%s)."),
                     filename, poppler_error != NULL ? poppler_error->message : "?");
      return NULL;
    }
  if (poppler_document_get_n_pages (document) <= 0)
    {
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_NO_PAGES,
                   _("“%s” has no pages."), filename);
      return NULL;
    }
  return g_steal_pointer (&document);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Text */

/* Ideographs, kana, CJK punctuation and full-width forms: where a line break is only where layout wrapped. */
static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF)
         || (c >= 0x20000 && c <= 0x3FFFF);
}

/* Characters that only get in the way of searching: zero-width spaces and joiners, soft hyphens, BOMs. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF;
}

char *
rk_handout_normalize_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GString) out = NULL;
  glong n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  chars = g_utf8_to_ucs4_fast (nfc != NULL ? nfc : valid, -1, &n);
  out = g_string_sized_new (strlen (valid));

  for (glong i = 0; i < n; i++)
    {
      gunichar c = chars[i];

      /* Fonts often map ideographs to the look-alike Kangxi radicals (⽅ for 方) in their ToUnicode tables; NFKC
       * turns those back, and only those: NFKC on the whole text would also rewrite ① or ㈱, which users type. */
      if ((c >= 0x2E80 && c <= 0x2EFF) || (c >= 0x2F00 && c <= 0x2FDF))
        {
          char utf8[8] = { 0 };
          g_autofree char *folded = NULL;

          g_unichar_to_utf8 (c, utf8);
          folded = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFKC);
          if (folded != NULL && g_utf8_strlen (folded, -1) == 1)
            c = g_utf8_get_char (folded);
        }

      if (c == '\r')
        {
          if (i + 1 < n && chars[i + 1] == '\n')
            continue;
          c = '\n';
        }
      if (c == '\t')
        c = ' ';
      if (c == '\n')
        {
          /* A line of Japanese wrapped by layout: joining it lets 救急搬\n送 be found as 救急搬送. */
          gunichar next = i + 1 < n ? chars[i + 1] : 0;
          const char *last = out->len > 0 ? g_utf8_find_prev_char (out->str, out->str + out->len) : NULL;

          if (last != NULL && is_cjk (g_utf8_get_char (last)) && is_cjk (next))
            continue;
          g_string_append_c (out, '\n');
          continue;
        }
      if (g_unichar_iscntrl (c) || is_invisible (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
rk_handout_page_text (PopplerDocument *document,
                      int              index)
{
  g_autoptr(RkPopplerPage) page = NULL;
  g_autofree char *raw = NULL;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  page = poppler_document_get_page (document, index);
  if (page == NULL)
    return g_strdup ("");
  raw = poppler_page_get_text (page);
  return rk_handout_normalize_text (raw);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Rendering */

cairo_surface_t *
rk_handout_render_page (PopplerDocument  *document,
                        int               index,
                        int               width,
                        GError          **error)
{
  g_autoptr(RkPopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double page_width = 0, page_height = 0, scale;
  int height;
  cairo_t *cr;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  if (index < 0 || index >= poppler_document_get_n_pages (document)
      || (page = poppler_document_get_page (document, index)) == NULL)
    {
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_PAGE,
                   _("The handout has no page %d."), index + 1);
      return NULL;
    }
  poppler_page_get_size (page, &page_width, &page_height);
  if (width < 1 || width > RK_HANDOUT_MAX_RENDER_SIZE || page_width <= 0 || page_height <= 0)
    {
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_PAGE,
                   _("Page %d of the handout cannot be shown at that size."), index + 1);
      return NULL;
    }
  scale = width / page_width;
  height = (int) CLAMP (ceil (page_height * scale), 1, RK_HANDOUT_MAX_RENDER_SIZE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* PDF pages are paper: transparent areas show white, as in every PDF reader. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_PAGE,
                   _("Page %d of the handout could not be drawn: %s"), index + 1, cairo_status_to_string (status));
      return NULL;
    }
  return surface;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Files */

RkHandoutFile *
rk_handout_file_new_from_bytes (const char  *filename,
                                GBytes      *data,
                                GError     **error)
{
  g_autoptr(RkPopplerDocument) document = NULL;
  g_autoptr(RkHandoutFile) file = NULL;
  int n_pages;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if ((gint64) g_bytes_get_size (data) >= RK_HANDOUT_MAX_SIZE)
    {
      set_too_large (error, filename);
      return NULL;
    }
  document = rk_handout_open (data, filename, error);
  if (document == NULL)
    return NULL;

  file = g_new0 (RkHandoutFile, 1);
  file->filename = g_strdup (filename);
  file->pdf_title = poppler_document_get_title (document);
  file->data = g_bytes_ref (data);
  n_pages = poppler_document_get_n_pages (document);
  file->page_texts = g_ptr_array_new_full (n_pages, g_free);
  for (int i = 0; i < n_pages; i++)
    g_ptr_array_add (file->page_texts, rk_handout_page_text (document, i));
  return g_steal_pointer (&file);
}

RkHandoutFile *
rk_handout_file_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  const char *display_name;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  display_name = g_file_info_get_display_name (info);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file. Only PDF handouts can be attached; save or print it as PDF first."),
                   display_name);
      return NULL;
    }
  /* Before reading: a file that is too large must not cost its size in memory to be refused. */
  if (g_file_info_get_size (info) >= RK_HANDOUT_MAX_SIZE)
    {
      set_too_large (error, display_name);
      return NULL;
    }
  data = g_file_load_bytes (file, cancellable, NULL, error);
  if (data == NULL)
    return NULL;
  return rk_handout_file_new_from_bytes (display_name, data, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Store */

#define HANDOUT_COLUMNS "id, meeting_id, filename, title, mime_type, size, sha256, page_count, added_at"

static RkHandout *
handout_from_row (sqlite3_stmt *stmt)
{
  RkHandout *handout = g_new0 (RkHandout, 1);

  handout->id = sqlite3_column_int64 (stmt, 0);
  handout->meeting_id = sqlite3_column_int64 (stmt, 1);
  handout->filename = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  handout->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  handout->mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  handout->size = sqlite3_column_int64 (stmt, 5);
  handout->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  handout->page_count = sqlite3_column_int (stmt, 7);
  handout->added_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return handout;
}

static void
set_handout_not_found (GError **error)
{
  rk_store_set_not_found (error, _("The handout"));
}

/* The name to show when the user gave none: the PDF's title, else the file name without ".pdf". */
static char *
default_title (RkHandoutFile *file)
{
  g_autofree char *pdf_title = file->pdf_title != NULL ? g_strstrip (g_strdup (file->pdf_title)) : NULL;

  if (pdf_title != NULL && *pdf_title != '\0' && g_utf8_validate (pdf_title, -1, NULL))
    return g_steal_pointer (&pdf_title);
  if (g_str_has_suffix (file->filename, ".pdf") || g_str_has_suffix (file->filename, ".PDF"))
    return g_strndup (file->filename, strlen (file->filename) - 4);
  return g_strdup (file->filename);
}

static gboolean
meeting_is_live (sqlite3  *db,
                 gint64    meeting_id,
                 gboolean *live,
                 GError  **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db,
                                             "SELECT 1 FROM meeting m JOIN body b ON b.id = m.body_id "
                                             "WHERE m.id = ?1 AND m.deleted_at IS NULL AND b.deleted_at IS NULL",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  *live = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
index_pages (sqlite3  *db,
             gint64    attachment_id,
             GError  **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "SELECT page, text FROM attachment_page WHERE attachment_id = ?1 "
                                             "ORDER BY page", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char title[16];

      /* The page number is the index row's title: rk_store_index_put() keeps one row per page by it. */
      g_snprintf (title, sizeof title, "%d", sqlite3_column_int (stmt, 0));
      if (!rk_store_index_put (db, "attachment_page", attachment_id, title,
                               (const char *) sqlite3_column_text (stmt, 1), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

RkHandout *
rk_store_add_handout_file (RkStore        *store,
                           gint64          meeting_id,
                           RkHandoutFile  *file,
                           const char     *title,
                           GError        **error)
{
  sqlite3 *db;
  g_autoptr(RkStmt) insert = NULL;
  g_autoptr(RkStmt) page = NULL;
  g_autoptr(RkStmt) select = NULL;
  g_autofree char *now = rk_store_now_text ();
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  RkHandout *handout;
  gboolean live = FALSE;
  gconstpointer data;
  gsize size;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  db = rk_store_get_db (store);

  name = title != NULL && !rk_store_text_is_blank (title) && rk_store_text_is_valid (title)
           ? g_strstrip (g_strdup (title)) : default_title (file);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file->data);
  data = g_bytes_get_data (file->data, &size);

  if (!rk_store_begin (db, error))
    return NULL;
  if (!meeting_is_live (db, meeting_id, &live, error))
    goto fail;
  if (!live)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND,
                   _("The meeting is no longer in this council; it may have been removed meanwhile."));
      goto fail;
    }

  insert = rk_store_prepare (db, "INSERT INTO attachment (meeting_id, filename, title, mime_type, size, sha256, "
                             "page_count, data, added_at) VALUES (?1, ?2, ?3, 'application/pdf', ?4, ?5, ?6, ?7, ?8)",
                             error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_int64 (insert, 1, meeting_id);
  rk_store_bind_text (insert, 2, file->filename);
  rk_store_bind_text (insert, 3, name);
  sqlite3_bind_int64 (insert, 4, (gint64) size);
  rk_store_bind_text (insert, 5, sha256);
  sqlite3_bind_int (insert, 6, (int) file->page_texts->len);
  sqlite3_bind_blob64 (insert, 7, data, size, SQLITE_STATIC);
  rk_store_bind_text (insert, 8, now);
  if (!rk_store_step_done (insert, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);

  page = rk_store_prepare (db, "INSERT INTO attachment_page (attachment_id, page, text) VALUES (?1, ?2, ?3)", error);
  if (page == NULL)
    goto fail;
  for (guint i = 0; i < file->page_texts->len; i++)
    {
      sqlite3_reset (page);
      sqlite3_bind_int64 (page, 1, id);
      sqlite3_bind_int (page, 2, (int) i + 1);
      rk_store_bind_text (page, 3, g_ptr_array_index (file->page_texts, i));
      if (!rk_store_step_done (page, error))
        goto fail;
    }
  if (!index_pages (db, id, error))
    goto fail;

  select = rk_store_prepare (db, "SELECT " HANDOUT_COLUMNS " FROM attachment WHERE id = ?1", error);
  if (select == NULL)
    goto fail;
  sqlite3_bind_int64 (select, 1, id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, sqlite3_errcode (db), error);
      goto fail;
    }
  handout = handout_from_row (select);
  g_clear_pointer (&select, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&page, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_handout_free (handout);
      goto fail;
    }
  return handout;

fail:
  g_clear_pointer (&select, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&page, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

RkHandout *
rk_store_add_handout_bytes (RkStore     *store,
                            gint64       meeting_id,
                            const char  *filename,
                            GBytes      *data,
                            const char  *title,
                            GError     **error)
{
  g_autoptr(RkHandoutFile) file = NULL;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  file = rk_handout_file_new_from_bytes (filename, data, error);
  if (file == NULL)
    return NULL;
  return rk_store_add_handout_file (store, meeting_id, file, title, error);
}

RkHandout *
rk_store_add_handout (RkStore     *store,
                      gint64       meeting_id,
                      GFile       *file,
                      const char  *title,
                      GError     **error)
{
  g_autoptr(RkHandoutFile) loaded = NULL;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  loaded = rk_handout_file_load (file, NULL, error);
  if (loaded == NULL)
    return NULL;
  return rk_store_add_handout_file (store, meeting_id, loaded, title, error);
}

GPtrArray *
rk_store_list_handouts (RkStore  *store,
                        gint64    meeting_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) handouts = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_handout_free);
  g_autoptr(RkStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  db = rk_store_get_db (store);
  stmt = rk_store_prepare (db, "SELECT " HANDOUT_COLUMNS " FROM attachment "
                           "WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (handouts, handout_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&handouts);
}

RkHandout *
rk_store_get_handout (RkStore  *store,
                      gint64    handout_id,
                      GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  db = rk_store_get_db (store);
  stmt = rk_store_prepare (db, "SELECT " HANDOUT_COLUMNS " FROM attachment WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, handout_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return handout_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_handout_not_found (error);
  else
    rk_store_set_error_from_db (db, rc, error);
  return NULL;
}

GBytes *
rk_store_get_handout_data (RkStore  *store,
                           gint64    handout_id,
                           GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  db = rk_store_get_db (store);
  stmt = rk_store_prepare (db, "SELECT data FROM attachment WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, handout_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const void *blob = sqlite3_column_blob (stmt, 0);
      int size = sqlite3_column_bytes (stmt, 0);

      return g_bytes_new (blob, (gsize) size);
    }
  if (rc == SQLITE_DONE)
    set_handout_not_found (error);
  else
    rk_store_set_error_from_db (db, rc, error);
  return NULL;
}

PopplerDocument *
rk_store_open_handout (RkStore  *store,
                       gint64    handout_id,
                       GError  **error)
{
  g_autoptr(RkHandout) handout = rk_store_get_handout (store, handout_id, error);
  g_autoptr(GBytes) data = NULL;

  if (handout == NULL)
    return NULL;
  data = rk_store_get_handout_data (store, handout_id, error);
  if (data == NULL)
    return NULL;
  return rk_handout_open (data, handout->filename, error);
}

/* Soft delete and undo: the row's deleted_at, and the search index rows of its pages, in one transaction. */
static gboolean
set_removed (RkStore   *store,
             gint64     handout_id,
             gboolean   removed,
             GError   **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = rk_store_now_text ();
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (store), FALSE);

  if (!rk_store_check_open (store, error))
    return FALSE;
  db = rk_store_get_db (store);
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db,
                           removed ? "UPDATE attachment SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
                                   : "UPDATE attachment SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, handout_id);
  if (removed)
    rk_store_bind_text (stmt, 2, now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      set_handout_not_found (error);
      goto fail;
    }
  if (removed ? !rk_store_index_drop (db, "attachment_page", handout_id, error) : !index_pages (db, handout_id, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_handout (RkStore  *store,
                         gint64    handout_id,
                         GError  **error)
{
  return set_removed (store, handout_id, TRUE, error);
}

gboolean
rk_store_restore_handout (RkStore  *store,
                          gint64    handout_id,
                          GError  **error)
{
  return set_removed (store, handout_id, FALSE, error);
}

/* rk-handout.h — handouts (資料): PDF files attached to a meeting and stored inside the council file.
 *
 * Adding a handout checks it completely before anything is written: its size (RK_HANDOUT_MAX_SIZE, checked before the
 * file is read), that it is a PDF poppler-glib can open without a password, and that it has pages. Its text is
 * extracted page by page (attachment_page) and indexed for search (search_index, kind "attachment_page"), in the same
 * transaction as the attachment row. Removal is soft (undo restores it, index rows included).
 *
 * Handouts are plain structs (RkHandout) in a GPtrArray: they never change once written, so the UI copies what it
 * shows. Rendering (thumbnails, the reader) works on a PopplerDocument opened with rk_handout_open(). */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

#include "rk-store.h"

G_BEGIN_DECLS

/* The largest file refused is this size or more: 200 MB (MiB) and up never gets read. */
#define RK_HANDOUT_MAX_SIZE (G_GINT64_CONSTANT (200) * 1024 * 1024)
/* The widest rendering rk_handout_render_page() makes, in pixels (also the cap on its height). */
#define RK_HANDOUT_MAX_RENDER_SIZE 8192

#define RK_HANDOUT_ERROR (rk_handout_error_quark ())
GQuark rk_handout_error_quark (void);

/* Refusals of a file offered as a handout; every message is translated and names the file. Nothing is written. */
typedef enum {
  RK_HANDOUT_ERROR_TOO_LARGE, /* RK_HANDOUT_MAX_SIZE or more */
  RK_HANDOUT_ERROR_NOT_PDF,   /* no "%PDF-" header: another kind of file */
  RK_HANDOUT_ERROR_DAMAGED,   /* poppler cannot read it, or it is cut short (no %%EOF at the end) */
  RK_HANDOUT_ERROR_ENCRYPTED, /* it needs a password to open */
  RK_HANDOUT_ERROR_NO_PAGES,  /* it opens but has no pages */
  RK_HANDOUT_ERROR_PAGE,      /* rendering: no such page, or a width out of range */
} RkHandoutError;

typedef struct {
  gint64  id;
  gint64  meeting_id;
  char   *filename;   /* the name it was added under (display name, no folder) */
  char   *title;      /* what the user called it; the PDF's own title or the file name when none was given */
  char   *mime_type;  /* "application/pdf" */
  gint64  size;       /* bytes */
  char   *sha256;     /* hex */
  int     page_count;
  char   *added_at;   /* "2025-04-01T09:30:00" */
} RkHandout;

void        rk_handout_free              (RkHandout  *handout);
RkHandout  *rk_handout_copy              (const RkHandout *handout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkHandout, rk_handout_free)

/* A file checked and read, ready to store: the slow half of adding a handout (reading, parsing, extracting the text of
 * every page), which touches no store and may run in a GTask thread so the window never freezes. */
typedef struct _RkHandoutFile RkHandoutFile;

/* Checks the size first (nothing is read from a file of RK_HANDOUT_MAX_SIZE or more), then reads and checks it. */
RkHandoutFile *rk_handout_file_load      (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* The same for a PDF in memory; @filename is the display name to keep. */
RkHandoutFile *rk_handout_file_new_from_bytes (const char *filename,
                                          GBytes        *data,
                                          GError       **error);
int            rk_handout_file_get_page_count (RkHandoutFile *file);
/* The text of page @index (0-based), normalised as rk_handout_page_text() does. */
const char    *rk_handout_file_get_page_text  (RkHandoutFile *file,
                                          int            index);
void           rk_handout_file_free       (RkHandoutFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkHandoutFile, rk_handout_file_free)

/* Stores a checked file as a handout of meeting @meeting_id: the attachment row, its pages' text and their search
 * index rows in one transaction. @title NULL or blank: the PDF's own title, else the file name without ".pdf".
 * RK_STORE_ERROR_NOT_FOUND for a meeting that was removed meanwhile. Returns the new handout (transfer full). */
RkHandout  *rk_store_add_handout_file    (RkStore        *store,
                                          gint64          meeting_id,
                                          RkHandoutFile  *file,
                                          const char     *title,
                                          GError        **error);

/* Both steps at once (for a CLI and tests): attaches the PDF at @file to meeting @meeting_id. @title NULL or blank: the PDF's title, else the file name.
 * Errors: RK_HANDOUT_ERROR (refusals), G_IO_ERROR (cannot read the file), RK_STORE_ERROR (NOT_FOUND for a meeting
 * that is gone, IO). Returns the new handout (transfer full). */
RkHandout  *rk_store_add_handout         (RkStore     *store,
                                          gint64       meeting_id,
                                          GFile       *file,
                                          const char  *title,
                                          GError     **error);
/* The same for a PDF already in memory (drag and drop, tests); @filename is the display name to keep. */
RkHandout  *rk_store_add_handout_bytes   (RkStore     *store,
                                          gint64       meeting_id,
                                          const char  *filename,
                                          GBytes      *data,
                                          const char  *title,
                                          GError     **error);

/* A meeting's handouts (RkHandout, transfer full), in the order they were added; removed ones are left out. */
GPtrArray  *rk_store_list_handouts       (RkStore     *store,
                                          gint64       meeting_id,
                                          GError     **error);
/* One handout (not removed); NOT_FOUND otherwise. */
RkHandout  *rk_store_get_handout         (RkStore     *store,
                                          gint64       handout_id,
                                          GError     **error);
/* The PDF file's bytes, exactly as added. */
GBytes     *rk_store_get_handout_data    (RkStore     *store,
                                          gint64       handout_id,
                                          GError     **error);
/* Soft delete (its pages leave the search index) and undo (they come back). NOT_FOUND when there is nothing to do. */
gboolean    rk_store_remove_handout      (RkStore     *store,
                                          gint64       handout_id,
                                          GError     **error);
gboolean    rk_store_restore_handout     (RkStore     *store,
                                          gint64       handout_id,
                                          GError     **error);
/* The stored PDF opened with poppler, for thumbnails and the reader. */
PopplerDocument *rk_store_open_handout   (RkStore     *store,
                                          gint64       handout_id,
                                          GError     **error);

/* Checks @data as a handout (everything but the size of a file) and opens it; @filename only names it in messages. */
PopplerDocument *rk_handout_open         (GBytes      *data,
                                          const char  *filename,
                                          GError     **error);
/* The text of page @index (0-based), made fit for search: valid UTF-8 without control characters, NFC, Kangxi
 * radicals and CJK compatibility forms that some fonts map glyphs to turned into the ordinary ideographs, and line
 * breaks inside Japanese text (where layout wrapped a line) removed so that words across them are found. */
char       *rk_handout_page_text         (PopplerDocument *document,
                                          int              index);
/* The normalisation rk_handout_page_text() applies, for any text extracted from a PDF. */
char       *rk_handout_normalize_text    (const char  *text);
/* Page @index (0-based) drawn on white into a new CAIRO_FORMAT_ARGB32 image @width pixels wide (height to scale),
 * for thumbnails and the reader. PAGE error for a page out of range or a width outside 1 … RK_HANDOUT_MAX_RENDER_SIZE. */
cairo_surface_t *rk_handout_render_page  (PopplerDocument *document,
                                          int              index,
                                          int              width,
                                          GError         **error);

G_END_DECLS

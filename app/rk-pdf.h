/* rk-pdf.h — the document machinery every PDF of Renkei uses (委員名簿, 冊子, 議事録, 工程表).
 *
 * A document is laid out ONCE into pages: the producer creates PangoLayouts (rk_pdf_document_new_layout), places
 * them with a RkPdfFlow or at fixed positions, and the document records, page by page, what goes where. Drawing a
 * page (rk_pdf_document_draw_page) only replays that record, so the PDF export, the in-app preview and
 * GtkPrintOperation draw exactly the same thing and no text is laid out twice to find the page breaks.
 *
 * Units are PDF points (1/72 in). Item positions are relative to the top-left corner of the page's text block (the
 * page minus its margins), so a producer never deals with the binding side. GTK-free. */
#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define RK_PDF_MM(mm)     ((mm) * 72.0 / 25.4)
#define RK_PDF_A4_WIDTH   RK_PDF_MM (210.0) /* 595.276 pt */
#define RK_PDF_A4_HEIGHT  RK_PDF_MM (297.0) /* 841.890 pt */
#define RK_PDF_BODY_SIZE  10.5              /* pt, the body text of a municipal booklet */

typedef enum {
  RK_PDF_PORTRAIT,
  RK_PDF_LANDSCAPE,
} RkPdfOrientation;

typedef enum {
  RK_PDF_FACE_MINCHO, /* 明朝: long text. Noto Serif CJK JP */
  RK_PDF_FACE_GOTHIC, /* ゴシック: headings, tables, captions. Noto Sans CJK JP */
} RkPdfFace;

typedef enum {
  RK_PDF_PAGE_NUMBERS_NONE,
  RK_PDF_PAGE_NUMBERS_DASHED,   /* "- 3 -" centred in the footer */
  RK_PDF_PAGE_NUMBERS_OF_TOTAL, /* "3 / 12" centred in the footer */
} RkPdfPageNumbers;

/* @inner is the binding side: the left edge of every page (left binding), or of odd pages only when the document
 * is mirrored for printing on both sides. */
typedef struct {
  double top;
  double bottom;
  double inner;
  double outer;
} RkPdfMargins;

/* The margins of a Renkei booklet page: 20 mm top and bottom, 25 mm on the binding side, 20 mm outside. */
void         rk_pdf_margins_init_default (RkPdfMargins *margins);

/* ---- Fonts ------------------------------------------------------------------------------------------------- */

/* The family used for @face: Noto Serif/Sans CJK JP, or — when that is not installed — another Japanese face or the
 * generic "serif"/"sans-serif", with one g_warning() per process naming the missing font. @fell_back (nullable) is
 * set to TRUE when the Noto face was missing. Thread-safe; the answer is cached. */
const char  *rk_pdf_face_get_family      (RkPdfFace   face,
                                          gboolean   *fell_back);
/* Whether @family (what rk_pdf_face_get_family() gave) has Japanese glyphs: a generic fallback may have none, and
 * a document set in it would be empty boxes. */
gboolean     rk_pdf_family_has_japanese  (const char *family);
/* The first of @candidates (NULL-terminated) that is installed, else @generic. Used by rk_pdf_face_get_family(). */
const char  *rk_pdf_pick_family          (const char *const *candidates,
                                          const char        *generic);

/* Adds to @attrs an allow-breaks=FALSE attribute over every run of @text that must stay on one line: dates
 * (令和7年(2025年)4月1日, 2025年4月, 令和7年度(2025年度)), numbers with their unit (45分, 22.1%, 第8版, 3か月) and
 * numbers themselves. Pango still breaks before and after such a run. */
void         rk_pdf_keep_together        (const char    *text,
                                          PangoAttrList *attrs);

/* ---- The paginated document -------------------------------------------------------------------------------- */

/* Custom drawing (a chart, a Gantt bar): @cr is translated so (0, 0) is the item's top-left corner. */
typedef void (*RkPdfDrawFunc) (cairo_t  *cr,
                               double    width,
                               double    height,
                               gpointer  user_data);

/* Called after each page is written; @pages_done runs from 1 to @n_pages. */
typedef void (*RkPdfProgressFunc) (guint    pages_done,
                                   guint    n_pages,
                                   gpointer user_data);

typedef struct {
  const char *title;
  const char *author;        /* the council */
  const char *subject;
  const char *keywords;
  GDateTime  *creation_date; /* written as both creation and modification date; NULL: now (not reproducible) */
} RkPdfMetadata;

#define RK_TYPE_PDF_DOCUMENT (rk_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (RkPdfDocument, rk_pdf_document, RK, PDF_DOCUMENT, GObject)

/* @orientation of A4; @margins NULL for rk_pdf_margins_init_default(). The document's PangoContext belongs to the
 * calling thread's font map: build and draw a document from one thread at a time. */
RkPdfDocument *rk_pdf_document_new               (RkPdfOrientation    orientation,
                                                  const RkPdfMargins *margins);
/* Mirrored margins put the binding on the right of even pages (printing on both sides). Default FALSE. */
void           rk_pdf_document_set_mirrored      (RkPdfDocument      *self,
                                                  gboolean            mirrored);
/* Page numbers are drawn by the document itself (cairo 1.16's page labels write nothing). Pages before
 * @first_numbered (e.g. a cover) carry no number; that page is number 1 and the total counts from it. */
void           rk_pdf_document_set_page_numbers  (RkPdfDocument      *self,
                                                  RkPdfPageNumbers    style,
                                                  guint               first_numbered);
PangoContext  *rk_pdf_document_get_context       (RkPdfDocument      *self);

/* A new layout (transfer full) in @face at @size pt (bold when @bold), wrapped at @width pt (≤ 0: no wrapping),
 * with rk_pdf_keep_together() applied. Nothing is laid out until it is first measured, so alignment, justification
 * (pango_layout_set_justify() gives Japanese 両端揃え), indent and attributes can still be set for free; to add
 * attributes, insert them into pango_layout_get_attributes() and set that list again, keeping the unbroken runs. */
PangoLayout   *rk_pdf_document_new_layout        (RkPdfDocument      *self,
                                                  RkPdfFace           face,
                                                  double              size,
                                                  gboolean            bold,
                                                  double              width,
                                                  const char         *text);
/* Height in points of a layout (its logical extents). */
double         rk_pdf_layout_get_height          (PangoLayout        *layout);
double         rk_pdf_layout_get_width           (PangoLayout        *layout);

/* Appends a page in @orientation (or the document's when @orientation is -1); returns its index. */
guint          rk_pdf_document_add_page          (RkPdfDocument      *self,
                                                  int                 orientation);
/* Inserts a page before page @index (a table of contents typeset after the body whose page numbers it lists);
 * the pages after it move up by one with everything on them. Links and outline entries name their destinations,
 * so they follow. A page inserted at or before the first numbered page carries no number, and the numbered pages
 * keep theirs. Returns @index. */
guint          rk_pdf_document_insert_page       (RkPdfDocument      *self,
                                                  guint               index,
                                                  int                 orientation);
guint          rk_pdf_document_get_n_pages       (RkPdfDocument      *self);
void           rk_pdf_document_get_page_size     (RkPdfDocument      *self,
                                                  guint               page,
                                                  double             *width,
                                                  double             *height);
/* The text block of @page: the page size minus the margins. */
void           rk_pdf_document_get_content_size  (RkPdfDocument      *self,
                                                  guint               page,
                                                  double             *width,
                                                  double             *height);

/* Items. Coordinates are relative to the top-left corner of @page's text block. The document keeps a reference to
 * @layout; do not change it afterwards. */
void           rk_pdf_document_add_layout        (RkPdfDocument      *self,
                                                  guint               page,
                                                  double              x,
                                                  double              y,
                                                  PangoLayout        *layout);
/* One line of @layout (a paragraph split over pages), its baseline at @baseline. */
void           rk_pdf_document_add_layout_line   (RkPdfDocument      *self,
                                                  guint               page,
                                                  double              x,
                                                  double              baseline,
                                                  PangoLayout        *layout,
                                                  PangoLayoutLine    *line);
/* A straight rule of @line_width pt in @gray (0 black … 1 white). */
void           rk_pdf_document_add_rule          (RkPdfDocument      *self,
                                                  guint               page,
                                                  double              x0,
                                                  double              y0,
                                                  double              x1,
                                                  double              y1,
                                                  double              line_width,
                                                  double              gray);
void           rk_pdf_document_add_fill          (RkPdfDocument      *self,
                                                  guint               page,
                                                  double              x,
                                                  double              y,
                                                  double              width,
                                                  double              height,
                                                  double              gray);
void           rk_pdf_document_add_drawing       (RkPdfDocument      *self,
                                                  guint               page,
                                                  double              x,
                                                  double              y,
                                                  double              width,
                                                  double              height,
                                                  RkPdfDrawFunc       func,
                                                  gpointer            user_data,
                                                  GDestroyNotify      destroy);
/* A named destination (the target of links and outline entries) at (@x, @y). */
void           rk_pdf_document_add_dest          (RkPdfDocument      *self,
                                                  guint               page,
                                                  const char         *name,
                                                  double              x,
                                                  double              y);
/* A clickable area linking to the destination @dest. */
void           rk_pdf_document_add_link          (RkPdfDocument      *self,
                                                  guint               page,
                                                  double              x,
                                                  double              y,
                                                  double              width,
                                                  double              height,
                                                  const char         *dest);
/* An outline (bookmark) entry under @parent (0 for the top level) pointing at the destination @dest; returns its
 * id, to be the parent of sub-entries. */
int            rk_pdf_document_add_outline       (RkPdfDocument      *self,
                                                  int                 parent,
                                                  const char         *title,
                                                  const char         *dest,
                                                  gboolean            open);

/* Draws page @page onto @cr, an area of @width × @height in @cr's units: a PDF page, a print page or a preview.
 * A page of another size is scaled to fit and centred. For GtkPrintOperation: set use-full-page and the unit to
 * points, n-pages from rk_pdf_document_get_n_pages(), and in ::draw-page call this with the print context's cairo
 * context, width and height. */
void           rk_pdf_document_draw_page         (RkPdfDocument      *self,
                                                  cairo_t            *cr,
                                                  guint               page,
                                                  double              width,
                                                  double              height);

/* Writes the PDF to a temporary file beside @path and renames it over @path once the whole file is written, so
 * @path is never left half-written. Fails with G_IO_ERROR_CANCELLED when @cancellable is cancelled (checked between
 * pages), with a G_IO_ERROR for the disk and with G_IO_ERROR_FAILED when cairo fails. */
gboolean       rk_pdf_document_export            (RkPdfDocument      *self,
                                                  const char         *path,
                                                  const RkPdfMetadata *metadata,
                                                  GCancellable       *cancellable,
                                                  RkPdfProgressFunc   progress,
                                                  gpointer            progress_data,
                                                  GError            **error);
/* The same PDF in memory (for the in-app preview through poppler_document_new_from_bytes()). */
GBytes        *rk_pdf_document_export_bytes      (RkPdfDocument      *self,
                                                  const RkPdfMetadata *metadata,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

/* ---- Streaming and assembling ------------------------------------------------------------------------------- */

/* Starts writing the document to @path while it is still being built (a long booklet): from now on
 * rk_pdf_document_flush() writes the pages the producer has finished and frees what they hold, so a document of any
 * length needs the memory of the pages in progress only. The file is a temporary one beside @path until
 * rk_pdf_document_end_export() renames it; @metadata is copied. A page inserted (rk_pdf_document_insert_page())
 * before pages already written — a table of contents typeset after the body — is written at the end and moved to
 * its place in the file's page order when the export ends. Pages already written draw nothing any more. */
gboolean       rk_pdf_document_begin_export      (RkPdfDocument      *self,
                                                  const char         *path,
                                                  const RkPdfMetadata *metadata,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
/* Pages before @n_complete are finished: writes those not yet written and frees their items. Cheap when there is
 * nothing new. A no-op when no export is in progress (the recorded document keeps everything). */
void           rk_pdf_document_flush             (RkPdfDocument      *self,
                                                  guint               n_complete);
/* Writes the remaining pages and the outline, puts the pages in order and renames the file over @path. On any
 * failure, or when the cancellable of rk_pdf_document_begin_export() was cancelled (G_IO_ERROR_CANCELLED), the
 * temporary file is removed and @path is left as it was. */
gboolean       rk_pdf_document_end_export        (RkPdfDocument      *self,
                                                  GError            **error);
/* Gives up an export in progress: the temporary file is removed. Also done when the document is finalized. */
void           rk_pdf_document_abort_export      (RkPdfDocument      *self);

/* Moves every page of @other (a roster, a form, a chart built on its own) to the end of @self, with what is on
 * them; its outline entries go under @self's entry @outline_parent (0: the top level). Destination names are
 * prefixed so they cannot clash with @self's. Items keep their place on the page when the margins differ. @other
 * is left with no pages; @self keeps a reference to it, for the drawings that refer to it. */
void           rk_pdf_document_append            (RkPdfDocument      *self,
                                                  RkPdfDocument      *other,
                                                  int                 outline_parent);

/* ---- Flowing content down the pages ----------------------------------------------------------------------- */

/* A cursor: the current page and the y of the next item in it. */
typedef struct {
  RkPdfDocument *document;
  guint          page;
  double         y;
} RkPdfFlow;

/* Starts at the top of a new page. */
void           rk_pdf_flow_init                  (RkPdfFlow          *flow,
                                                  RkPdfDocument      *document);
void           rk_pdf_flow_new_page              (RkPdfFlow          *flow);
/* Space left on the current page. */
double         rk_pdf_flow_get_remaining         (RkPdfFlow          *flow);
/* Starts a new page unless @height fits on this one (or this page is still empty: something taller than a page is
 * placed anyway, rather than looping). Returns TRUE when it started a new page. */
gboolean       rk_pdf_flow_ensure                (RkPdfFlow          *flow,
                                                  double              height);
/* Places @layout whole (a heading, a table cell row, …) at @x, after rk_pdf_flow_ensure(), and moves down. */
void           rk_pdf_flow_add_block             (RkPdfFlow          *flow,
                                                  double              x,
                                                  PangoLayout        *layout);
/* Places @layout line by line at @x, continuing on the next page when a line does not fit. */
void           rk_pdf_flow_add_paragraph         (RkPdfFlow          *flow,
                                                  double              x,
                                                  PangoLayout        *layout);
/* Told of each line rk_pdf_flow_add_paragraph_full() places: its box on @flow's current page (text-block
 * coordinates), e.g. to put links over words on whichever page their line landed. */
typedef void (*RkPdfLineFunc) (RkPdfFlow       *flow,
                               PangoLayoutLine *line,
                               double           x,
                               double           top,
                               double           height,
                               gpointer         user_data);
void           rk_pdf_flow_add_paragraph_full    (RkPdfFlow          *flow,
                                                  double              x,
                                                  PangoLayout        *layout,
                                                  RkPdfLineFunc       line_func,
                                                  gpointer            user_data);
void           rk_pdf_flow_skip                  (RkPdfFlow          *flow,
                                                  double              height);

G_END_DECLS

/* rk-pdf.c — paginated documents recorded once, drawn to PDF, print or preview. */

#define _GNU_SOURCE /* memmem() */
#include "rk-pdf.h"

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

/* ---- Fonts ------------------------------------------------------------------------------------------------- */

void
rk_pdf_margins_init_default (RkPdfMargins *margins)
{
  g_return_if_fail (margins != NULL);

  margins->top = RK_PDF_MM (20.0);
  margins->bottom = RK_PDF_MM (20.0);
  margins->inner = RK_PDF_MM (25.0);
  margins->outer = RK_PDF_MM (20.0);
}

static gboolean
family_installed (PangoFontFamily **families,
                  int               n_families,
                  const char       *name)
{
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0)
      return TRUE;
  return FALSE;
}

const char *
rk_pdf_pick_family (const char *const *candidates,
                    const char        *generic)
{
  g_autofree PangoFontFamily **families = NULL;
  int n_families = 0;

  g_return_val_if_fail (candidates != NULL, generic);

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n_families);
  for (guint i = 0; candidates[i] != NULL; i++)
    if (family_installed (families, n_families, candidates[i]))
      return candidates[i];
  return generic;
}

gboolean
rk_pdf_family_has_japanese (const char *family)
{
  PangoContext *context;
  PangoFontDescription *desc;
  PangoFont *font;
  gboolean japanese;

  g_return_val_if_fail (family != NULL, FALSE);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_language (context, pango_language_from_string ("ja-jp"));
  desc = pango_font_description_from_string (family);
  pango_font_description_set_size (desc, 12 * PANGO_SCALE);
  font = pango_context_load_font (context, desc);
  /* ひらがなの「あ」と漢字の「連」: a font with both sets Japanese text. */
  japanese = font != NULL && pango_font_has_char (font, 0x3042) && pango_font_has_char (font, 0x9023);
  g_clear_object (&font);
  pango_font_description_free (desc);
  g_object_unref (context);
  return japanese;
}

/* Listing the font families costs a few milliseconds: do it once per process. */
static const char *
resolve_face (RkPdfFace face)
{
  static const char *const mincho[] = { "Noto Serif CJK JP", "Source Han Serif JP", "IPAexMincho", "IPAMincho",
                                        "TakaoMincho", NULL };
  static const char *const gothic[] = { "Noto Sans CJK JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic",
                                        "TakaoGothic", NULL };
  const char *const *candidates = face == RK_PDF_FACE_MINCHO ? mincho : gothic;
  const char *family = rk_pdf_pick_family (candidates, face == RK_PDF_FACE_MINCHO ? "serif" : "sans-serif");

  if (family != candidates[0])
    g_warning ("The font “%s” is not installed (Debian package fonts-noto-cjk); PDF documents use “%s” instead",
               candidates[0], family);
  return family;
}

const char *
rk_pdf_face_get_family (RkPdfFace  face,
                        gboolean  *fell_back)
{
  static const char *families[2];
  static gsize resolved = 0;

  g_return_val_if_fail (face == RK_PDF_FACE_MINCHO || face == RK_PDF_FACE_GOTHIC, NULL);

  if (g_once_init_enter (&resolved))
    {
      families[RK_PDF_FACE_MINCHO] = resolve_face (RK_PDF_FACE_MINCHO);
      families[RK_PDF_FACE_GOTHIC] = resolve_face (RK_PDF_FACE_GOTHIC);
      g_once_init_leave (&resolved, 1);
    }
  if (fell_back != NULL)
    *fell_back = !g_str_has_prefix (families[face], "Noto ");
  return families[face];
}

/* ---- Runs that must not be broken -------------------------------------------------------------------------- */

#define NUM   "[0-9０-９]+(?:[.,．，][0-9０-９]+)*"
#define UNIT  "(?:年度|年|か月|ヶ月|カ月|ヵ月|箇月|月|日|時間|時|分|秒|歳|人|名|件|回|床|施設|か所|箇所|ヵ所|" \
              "ページ|頁|枚|台|円|万|億|千|%|％|割|倍|版|号|条|項|章|節|km|kg|mg|mL|ml|cm|mm|m)"
#define ERA   "(?:令和|平成|昭和|大正|明治)(?:元|" NUM ")年度?"
#define PAREN "(?:[(（]" NUM "年度?[)）])"

static GRegex *
keep_together_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      /* An era year or a (第)number with its unit, an optional bracketed Western year, then more number+unit
       * pairs: 令和7年(2025年)4月1日, 2025年4月, 第8版, 22.1%, 45分. */
      GRegex *r = g_regex_new ("(?:" ERA "|第?" NUM UNIT "?)" PAREN "?(?:" NUM UNIT ")*",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (r != NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

void
rk_pdf_keep_together (const char    *text,
                      PangoAttrList *attrs)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_return_if_fail (text != NULL);
  g_return_if_fail (attrs != NULL);

  g_regex_match (keep_together_regex (), text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* A single character has nothing inside it to break. */
      if (g_utf8_next_char (text + start) < text + end)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = start;
          attr->end_index = end;
          pango_attr_list_insert (attrs, attr);
        }
      g_match_info_next (match, NULL);
    }
}

/* ---- The document ------------------------------------------------------------------------------------------ */

typedef enum {
  ITEM_LAYOUT,
  ITEM_LINE,
  ITEM_RULE,
  ITEM_FILL,
  ITEM_DRAWING,
  ITEM_DEST,
  ITEM_LINK,
} ItemKind;

typedef struct {
  ItemKind         kind;
  double           x, y;
  double           x1, y1;      /* the rule's end; width and height for the others */
  double           line_width;
  double           gray;
  PangoLayout     *layout;
  PangoLayoutLine *line;        /* owned by layout */
  char            *name;        /* destination name (ITEM_DEST, ITEM_LINK) */
  RkPdfDrawFunc    func;
  gpointer         data;
  GDestroyNotify   destroy;
} Item;

typedef struct {
  double  width, height;
  double  dx, dy;   /* where an appended page's text block sits against this document's (other margins) */
  int     written;  /* streamed: its place in the file's page order, -1 until written */
  GArray *items;
} Page;

typedef struct {
  int       parent;
  char     *title;
  char     *dest;
  gboolean  open;
} Outline;

typedef struct _Export Export;
static void export_free (Export *export);

struct _RkPdfDocument
{
  GObject           parent_instance;

  PangoContext     *context;
  RkPdfOrientation  orientation;
  RkPdfMargins      margins;
  gboolean          mirrored;
  RkPdfPageNumbers  page_numbers;
  guint             first_numbered;
  GArray           *pages;    /* Page */
  GArray           *outline;  /* Outline */
  GPtrArray        *appended; /* documents whose pages were moved here: their drawings may point back at them */
  Export           *export;   /* a streamed export in progress, or NULL */
};

G_DEFINE_FINAL_TYPE (RkPdfDocument, rk_pdf_document, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->name, g_free);
  if (item->destroy != NULL)
    item->destroy (item->data);
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->items, g_array_unref);
}

static void
outline_clear (gpointer data)
{
  Outline *entry = data;

  g_free (entry->title);
  g_free (entry->dest);
}

static void
rk_pdf_document_finalize (GObject *object)
{
  RkPdfDocument *self = RK_PDF_DOCUMENT (object);

  g_clear_pointer (&self->export, export_free);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->appended, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rk_pdf_document_parent_class)->finalize (object);
}

static void
rk_pdf_document_class_init (RkPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_pdf_document_finalize;
}

static void
rk_pdf_document_init (RkPdfDocument *self)
{
  cairo_font_options_t *options;

  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  self->outline = g_array_new (FALSE, TRUE, sizeof (Outline));
  g_array_set_clear_func (self->outline, outline_clear);
  self->appended = g_ptr_array_new_with_free_func (g_object_unref);

  /* Device-independent metrics in points: what is laid out here is what lands on paper, at any resolution. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("ja-jp"));
}

RkPdfDocument *
rk_pdf_document_new (RkPdfOrientation    orientation,
                     const RkPdfMargins *margins)
{
  RkPdfDocument *self = g_object_new (RK_TYPE_PDF_DOCUMENT, NULL);

  self->orientation = orientation;
  if (margins != NULL)
    self->margins = *margins;
  else
    rk_pdf_margins_init_default (&self->margins);
  return self;
}

void
rk_pdf_document_set_mirrored (RkPdfDocument *self,
                              gboolean       mirrored)
{
  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));

  self->mirrored = !!mirrored;
}

void
rk_pdf_document_set_page_numbers (RkPdfDocument    *self,
                                  RkPdfPageNumbers  style,
                                  guint             first_numbered)
{
  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));

  self->page_numbers = style;
  self->first_numbered = first_numbered;
}

PangoContext *
rk_pdf_document_get_context (RkPdfDocument *self)
{
  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), NULL);

  return self->context;
}

PangoLayout *
rk_pdf_document_new_layout (RkPdfDocument *self,
                            RkPdfFace      face,
                            double         size,
                            gboolean       bold,
                            double         width,
                            const char    *text)
{
  PangoLayout *layout;
  PangoFontDescription *desc;
  PangoAttrList *attrs;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (size > 0, NULL);

  if (text == NULL)
    text = "";

  layout = pango_layout_new (self->context);
  desc = pango_font_description_new ();
  pango_font_description_set_family_static (desc, rk_pdf_face_get_family (face, NULL));
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE + 0.5));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  attrs = pango_attr_list_new ();
  rk_pdf_keep_together (text, attrs);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

double
rk_pdf_layout_get_height (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.y + logical.height) / PANGO_SCALE;
}

double
rk_pdf_layout_get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

static Page
page_new (RkPdfDocument *self,
          int            orientation)
{
  Page page;

  if (orientation < 0)
    orientation = self->orientation;
  page.width = orientation == RK_PDF_LANDSCAPE ? RK_PDF_A4_HEIGHT : RK_PDF_A4_WIDTH;
  page.height = orientation == RK_PDF_LANDSCAPE ? RK_PDF_A4_WIDTH : RK_PDF_A4_HEIGHT;
  page.dx = page.dy = 0;
  page.written = -1;
  page.items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page.items, item_clear);
  return page;
}

guint
rk_pdf_document_add_page (RkPdfDocument *self,
                          int            orientation)
{
  Page page;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), 0);

  page = page_new (self, orientation);
  g_array_append_val (self->pages, page);
  return self->pages->len - 1;
}

guint
rk_pdf_document_insert_page (RkPdfDocument *self,
                             guint          index,
                             int            orientation)
{
  Page page;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), 0);
  g_return_val_if_fail (index <= self->pages->len, 0);

  page = page_new (self, orientation);
  g_array_insert_val (self->pages, index, page);
  /* A table of contents inserted before the body: the body keeps its numbers, the inserted page has none. */
  if (index <= self->first_numbered)
    self->first_numbered++;
  return index;
}

guint
rk_pdf_document_get_n_pages (RkPdfDocument *self)
{
  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), 0);

  return self->pages->len;
}

void
rk_pdf_document_get_page_size (RkPdfDocument *self,
                               guint          page,
                               double        *width,
                               double        *height)
{
  const Page *p;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  if (width != NULL)
    *width = p->width;
  if (height != NULL)
    *height = p->height;
}

void
rk_pdf_document_get_content_size (RkPdfDocument *self,
                                  guint          page,
                                  double        *width,
                                  double        *height)
{
  double w, h;

  rk_pdf_document_get_page_size (self, page, &w, &h);
  if (width != NULL)
    *width = w - self->margins.inner - self->margins.outer;
  if (height != NULL)
    *height = h - self->margins.top - self->margins.bottom;
}

static Item *
append_item (RkPdfDocument *self,
             guint          page,
             ItemKind       kind,
             double         x,
             double         y)
{
  GArray *items;
  Item *item;

  /* A streamed page already in the file cannot take more. */
  g_warn_if_fail (g_array_index (self->pages, Page, page).written < 0);
  items = g_array_index (self->pages, Page, page).items;
  g_array_set_size (items, items->len + 1);
  item = &g_array_index (items, Item, items->len - 1);
  item->kind = kind;
  item->x = x;
  item->y = y;
  return item;
}

void
rk_pdf_document_add_layout (RkPdfDocument *self,
                            guint          page,
                            double         x,
                            double         y,
                            PangoLayout   *layout)
{
  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  append_item (self, page, ITEM_LAYOUT, x, y)->layout = g_object_ref (layout);
}

void
rk_pdf_document_add_layout_line (RkPdfDocument   *self,
                                 guint            page,
                                 double           x,
                                 double           baseline,
                                 PangoLayout     *layout,
                                 PangoLayoutLine *line)
{
  Item *item;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (line != NULL);

  /* The layout's reference keeps its lines alive. */
  item = append_item (self, page, ITEM_LINE, x, baseline);
  item->layout = g_object_ref (layout);
  item->line = line;
}

void
rk_pdf_document_add_rule (RkPdfDocument *self,
                          guint          page,
                          double         x0,
                          double         y0,
                          double         x1,
                          double         y1,
                          double         line_width,
                          double         gray)
{
  Item *item;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);

  item = append_item (self, page, ITEM_RULE, x0, y0);
  item->x1 = x1;
  item->y1 = y1;
  item->line_width = line_width;
  item->gray = gray;
}

void
rk_pdf_document_add_fill (RkPdfDocument *self,
                          guint          page,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          double         gray)
{
  Item *item;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);

  item = append_item (self, page, ITEM_FILL, x, y);
  item->x1 = width;
  item->y1 = height;
  item->gray = gray;
}

void
rk_pdf_document_add_drawing (RkPdfDocument  *self,
                             guint           page,
                             double          x,
                             double          y,
                             double          width,
                             double          height,
                             RkPdfDrawFunc   func,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  Item *item;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (func != NULL);

  item = append_item (self, page, ITEM_DRAWING, x, y);
  item->x1 = width;
  item->y1 = height;
  item->func = func;
  item->data = user_data;
  item->destroy = destroy;
}

void
rk_pdf_document_add_dest (RkPdfDocument *self,
                          guint          page,
                          const char    *name,
                          double         x,
                          double         y)
{
  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (name != NULL && strchr (name, '\'') == NULL);

  append_item (self, page, ITEM_DEST, x, y)->name = g_strdup (name);
}

void
rk_pdf_document_add_link (RkPdfDocument *self,
                          guint          page,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          const char    *dest)
{
  Item *item;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (dest != NULL && strchr (dest, '\'') == NULL);

  item = append_item (self, page, ITEM_LINK, x, y);
  item->x1 = width;
  item->y1 = height;
  item->name = g_strdup (dest);
}

int
rk_pdf_document_add_outline (RkPdfDocument *self,
                             int            parent,
                             const char    *title,
                             const char    *dest,
                             gboolean       open)
{
  Outline entry;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), 0);
  g_return_val_if_fail (parent >= 0 && (guint) parent <= self->outline->len, 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (dest != NULL && strchr (dest, '\'') == NULL, 0);

  entry.parent = parent;
  entry.title = g_strdup (title);
  entry.dest = g_strdup (dest);
  entry.open = open;
  g_array_append_val (self->outline, entry);
  return self->outline->len;
}

/* ---- Drawing ----------------------------------------------------------------------------------------------- */

static void
draw_page_number (RkPdfDocument *self,
                  cairo_t       *cr,
                  guint          page,
                  const Page    *p)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  guint number, total;

  if (self->page_numbers == RK_PDF_PAGE_NUMBERS_NONE || page < self->first_numbered)
    return;

  number = page - self->first_numbered + 1;
  total = self->pages->len - self->first_numbered;
  if (self->page_numbers == RK_PDF_PAGE_NUMBERS_DASHED)
    text = g_strdup_printf ("- %u -", number);
  else
    text = g_strdup_printf ("%u / %u", number, total);

  layout = rk_pdf_document_new_layout (self, RK_PDF_FACE_MINCHO, 9.0, FALSE, -1, text);
  /* Centred in the bottom margin, whatever the binding side. */
  cairo_move_to (cr, (p->width - rk_pdf_layout_get_width (layout)) / 2,
                 p->height - self->margins.bottom / 2 - rk_pdf_layout_get_height (layout) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The rules from @first on that share a width and a gray, stroked as one path: a table's grid is hundreds of rules,
 * and one stroke each makes a long PDF and slow analysis in cairo. Returns the index after them. */
static guint
draw_rules (cairo_t      *cr,
            const GArray *items,
            guint         first)
{
  const Item *rule = &g_array_index (items, Item, first);
  guint i = first;

  cairo_save (cr);
  cairo_set_source_rgb (cr, rule->gray, rule->gray, rule->gray);
  cairo_set_line_width (cr, rule->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  for (; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (item->kind != ITEM_RULE || item->line_width != rule->line_width || item->gray != rule->gray)
        break;
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x1, item->y1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  return i;
}

static void
draw_item (cairo_t    *cr,
           const Item *item)
{
  g_autofree char *attrs = NULL;
  double x, y;

  switch (item->kind)
    {
    case ITEM_LAYOUT:
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      break;

    case ITEM_LINE:
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout_line (cr, item->line);
      break;

    case ITEM_FILL:
      cairo_save (cr);
      cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
      cairo_rectangle (cr, item->x, item->y, item->x1, item->y1);
      cairo_fill (cr);
      cairo_restore (cr);
      break;

    case ITEM_DRAWING:
      cairo_save (cr);
      cairo_translate (cr, item->x, item->y);
      cairo_rectangle (cr, 0, 0, item->x1, item->y1);
      cairo_clip (cr);
      item->func (cr, item->x1, item->y1, item->data);
      cairo_restore (cr);
      break;

    case ITEM_DEST:
      /* cairo takes the destination's position in device space, i.e. PDF points from the page's top-left. */
      x = item->x;
      y = item->y;
      cairo_user_to_device (cr, &x, &y);
      attrs = g_strdup_printf ("name='%s' x=%.2f y=%.2f", item->name, x, y);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
      break;

    case ITEM_LINK:
      {
        double x1 = item->x + item->x1, y1 = item->y + item->y1;

        x = item->x;
        y = item->y;
        cairo_user_to_device (cr, &x, &y);
        cairo_user_to_device (cr, &x1, &y1);
        attrs = g_strdup_printf ("dest='%s' rect=[%.2f %.2f %.2f %.2f]", item->name, x, y, x1 - x, y1 - y);
        cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
      break;

    case ITEM_RULE: /* draw_rules() */
    default:
      g_assert_not_reached ();
    }
}

void
rk_pdf_document_draw_page (RkPdfDocument *self,
                           cairo_t       *cr,
                           guint          page,
                           double         width,
                           double         height)
{
  const Page *p;
  double scale, left;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  scale = MIN (width / p->width, height / p->height);

  cairo_save (cr);
  cairo_translate (cr, (width - p->width * scale) / 2, (height - p->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_page_number (self, cr, page, p);

  /* Page i is 0-based: the odd pages of the printed booklet are the even indices. */
  left = self->mirrored && page % 2 == 1 ? self->margins.outer : self->margins.inner;
  cairo_translate (cr, left + p->dx, self->margins.top + p->dy);
  for (guint i = 0; i < p->items->len; i++)
    {
      const Item *item = &g_array_index (p->items, Item, i);

      if (item->kind == ITEM_RULE)
        i = draw_rules (cr, p->items, i) - 1;
      else
        draw_item (cr, item);
    }

  cairo_restore (cr);
}

/* ---- Writing ----------------------------------------------------------------------------------------------- */

/* cairo writes the page tree as "<< /Type /Pages\n   /Kids [ 2 0 R 7 0 R … ]": pages written out of order (a table
 * of contents typeset after the body it lists) are put in place by permuting those references, which keeps every
 * byte offset of the file valid. */
#define KIDS_MARKER     "/Type /Pages\n   /Kids [ "
#define KIDS_MARKER_LEN (sizeof KIDS_MARKER - 1)

/* Where the PDF goes: a file descriptor or memory. It notes where the page tree's Kids array starts. */
typedef struct {
  int         fd;
  GByteArray *bytes;
  gboolean    discard;      /* an abandoned export: cairo may still be writing as it is torn down */
  int         saved_errno;
  gint64      offset;
  gint64      kids_at;      /* offset of the first reference in Kids, or -1 */
  guchar      carry[KIDS_MARKER_LEN];
  guint       carry_len;
  guchar     *buffer;       /* cairo writes a few bytes at a time: gather them into fewer write()s */
  gsize       buffered;
} Sink;

#define SINK_BUFFER_SIZE (64 * 1024)

static gboolean
sink_write_fd (Sink                *sink,
               const unsigned char *data,
               gsize                length)
{
  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
sink_flush (Sink *sink)
{
  gboolean ok = sink->buffered == 0 || sink_write_fd (sink, sink->buffer, sink->buffered);

  sink->buffered = 0;
  return ok;
}

static void
sink_scan (Sink                *sink,
           const unsigned char *data,
           unsigned int         length)
{
  guchar joined[2 * KIDS_MARKER_LEN];
  guint head = MIN (length, KIDS_MARKER_LEN - 1);
  const guchar *found;

  /* The marker split between two writes. */
  memcpy (joined, sink->carry, sink->carry_len);
  memcpy (joined + sink->carry_len, data, head);
  found = memmem (joined, sink->carry_len + head, KIDS_MARKER, KIDS_MARKER_LEN);
  if (found != NULL)
    sink->kids_at = sink->offset - sink->carry_len + (found - joined) + KIDS_MARKER_LEN;
  found = memmem (data, length, KIDS_MARKER, KIDS_MARKER_LEN);
  if (found != NULL)
    sink->kids_at = sink->offset + (found - data) + KIDS_MARKER_LEN;

  if (length >= KIDS_MARKER_LEN - 1)
    {
      sink->carry_len = KIDS_MARKER_LEN - 1;
      memcpy (sink->carry, data + length - sink->carry_len, sink->carry_len);
    }
  else
    {
      guint keep = MIN (sink->carry_len, KIDS_MARKER_LEN - 1 - length);

      memmove (sink->carry, sink->carry + sink->carry_len - keep, keep);
      memcpy (sink->carry + keep, data, length);
      sink->carry_len = keep + length;
    }
}

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->discard)
    return CAIRO_STATUS_SUCCESS;

  sink_scan (sink, data, length);
  sink->offset += length;
  if (sink->bytes != NULL)
    {
      g_byte_array_append (sink->bytes, data, length);
      return CAIRO_STATUS_SUCCESS;
    }

  if (sink->buffered + length > SINK_BUFFER_SIZE && !sink_flush (sink))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= SINK_BUFFER_SIZE)
    return sink_write_fd (sink, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
  if (sink->buffer == NULL)
    sink->buffer = g_malloc (SINK_BUFFER_SIZE);
  memcpy (sink->buffer + sink->buffered, data, length);
  sink->buffered += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Puts the page references of the written file in the document's page order. */
static gboolean
sink_reorder_pages (Sink          *sink,
                    RkPdfDocument *self)
{
  gsize span = (gsize) self->pages->len * 24 + 2;
  g_autofree char *kids = NULL;
  g_autoptr(GString) sorted = g_string_sized_new (span);
  g_auto(GStrv) refs = NULL;
  char *end;
  gsize length;
  gboolean in_order = TRUE;

  /* A recorded document is written in order; a streamed one has every page's place noted. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      int written = g_array_index (self->pages, Page, i).written;

      if (written < 0)
        return TRUE;
      in_order = in_order && written == (int) i;
    }
  if (in_order)
    return TRUE;
  if (sink->kids_at < 0)
    return FALSE;

  if (sink->bytes != NULL)
    {
      span = MIN (span, sink->bytes->len - (gsize) sink->kids_at);
      kids = g_strndup ((const char *) sink->bytes->data + sink->kids_at, span);
    }
  else
    {
      ssize_t n;

      kids = g_malloc0 (span + 1);
      n = pread (sink->fd, kids, span, sink->kids_at);
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return FALSE;
        }
    }

  end = strchr (kids, ']');
  if (end == NULL)
    return FALSE;
  length = end - kids;
  *end = '\0';
  /* "2 0 R 7 0 R 11 0 R " → one reference per page, each "N 0 R". */
  refs = g_strsplit (kids, " 0 R ", -1);
  if (g_strv_length (refs) != self->pages->len + 1)
    return FALSE;
  for (guint i = 0; i < self->pages->len; i++)
    g_string_append_printf (sorted, "%s 0 R ", refs[g_array_index (self->pages, Page, i).written]);
  if (sorted->len != length)
    return FALSE;

  if (sink->bytes != NULL)
    {
      memcpy (sink->bytes->data + sink->kids_at, sorted->str, length);
      return TRUE;
    }
  if (pwrite (sink->fd, sorted->str, length, sink->kids_at) != (ssize_t) length)
    {
      sink->saved_errno = errno != 0 ? errno : EIO;
      return FALSE;
    }
  return TRUE;
}

static char *
pdf_date (GDateTime *date_time)
{
  /* cairo wants ISO 8601 with the zone as ±hh:mm (or Z). */
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
}

/* One PDF being written: the whole recorded document at once, or a streamed one page by page. */
struct _Export {
  Sink             sink;
  char            *path;      /* NULL when writing to memory */
  char            *tmp_path;
  cairo_surface_t *surface;
  cairo_t         *cr;
  GCancellable    *cancellable;
  gboolean         cancelled;
  guint            n_written;
};

static void
export_free (Export *export)
{
  if (export->cr != NULL)
    {
      export->sink.discard = TRUE;
      cairo_destroy (export->cr);
      cairo_surface_destroy (export->surface);
    }
  g_free (export->sink.buffer);
  if (export->sink.fd >= 0)
    close (export->sink.fd);
  if (export->tmp_path != NULL)
    g_unlink (export->tmp_path);
  g_clear_object (&export->cancellable);
  g_free (export->path);
  g_free (export->tmp_path);
  g_free (export);
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not save “%s”: %s"), display,
               g_strerror (saved_errno));
}

/* A descriptor this process already has on the file @target (a council open in the window), or -1. Found through
 * /proc/self/fd, because opening and closing the file anew would drop the POSIX locks SQLite holds on it (closing
 * any descriptor of a file releases the process's locks on it), and another program could then take the council's
 * WAL from under us. */
static int
find_open_fd (const struct stat *target)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;

  while (fds != NULL && (name = g_dir_read_name (fds)) != NULL)
    {
      struct stat st;
      int fd = atoi (name);

      if (fstat (fd, &st) == 0 && st.st_dev == target->st_dev && st.st_ino == target->st_ino)
        return fd;
    }
  return -1;
}

/* An SQLite file — a council, most likely the one being exported — is never replaced by a PDF. */
static gboolean
is_database (const char *path)
{
  static const char header[16] = "SQLite format 3";
  char head[16];
  struct stat target;
  gboolean database;
  int fd;

  if (g_stat (path, &target) != 0 || !S_ISREG (target.st_mode))
    return FALSE;
  fd = find_open_fd (&target);
  if (fd >= 0)
    return pread (fd, head, sizeof head, 0) == sizeof head && memcmp (head, header, sizeof head) == 0;
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return FALSE;
  database = read (fd, head, sizeof head) == sizeof head && memcmp (head, header, sizeof head) == 0;
  close (fd);
  return database;
}

/* A temporary file beside @path (to @path's directory, so the final rename is atomic), or memory for NULL. */
static Export *
export_new (RkPdfDocument       *self,
            const char          *path,
            const RkPdfMetadata *metadata,
            GCancellable        *cancellable,
            GError             **error)
{
  Export *export = g_new0 (Export, 1);
  double width = RK_PDF_A4_WIDTH, height = RK_PDF_A4_HEIGHT;

  export->sink.fd = -1;
  export->sink.kids_at = -1;
  export->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (path != NULL && is_database (path))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is a council file (a database), not a PDF: choose another name for the PDF."), display);
      g_free (export);
      return NULL;
    }
  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *base = g_path_get_basename (path);

      export->path = g_strdup (path);
      export->tmp_path = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
      export->sink.fd = g_mkstemp_full (export->tmp_path, O_RDWR, 0666);
      if (export->sink.fd < 0)
        {
          set_io_error (error, path, errno);
          g_clear_pointer (&export->tmp_path, g_free);
          export_free (export);
          return NULL;
        }
    }
  else
    export->sink.bytes = g_byte_array_new ();

  if (self->pages->len > 0)
    {
      width = g_array_index (self->pages, Page, 0).width;
      height = g_array_index (self->pages, Page, 0).height;
    }
  export->surface = cairo_pdf_surface_create_for_stream (sink_write, &export->sink, width, height);

  if (metadata != NULL)
    {
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *date = NULL;
      GDateTime *created = metadata->creation_date;

      if (created == NULL)
        created = now = g_date_time_new_now_local ();
      date = pdf_date (created);
      if (metadata->title != NULL)
        cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_TITLE, metadata->title);
      if (metadata->author != NULL)
        cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_AUTHOR, metadata->author);
      if (metadata->subject != NULL)
        cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_SUBJECT, metadata->subject);
      if (metadata->keywords != NULL)
        cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_KEYWORDS, metadata->keywords);
      cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_CREATOR, "Renkei");
      cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (export->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
  export->cr = cairo_create (export->surface);
  return export;
}

/* Writes page @index; a streamed page is then emptied, as nothing will draw it again. FALSE when cancelled or
 * cairo failed. */
static gboolean
export_page (RkPdfDocument *self,
             Export        *export,
             guint          index,
             gboolean       streamed)
{
  Page *p = &g_array_index (self->pages, Page, index);

  if (export->cancelled || cairo_status (export->cr) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  if (g_cancellable_is_cancelled (export->cancellable))
    {
      export->cancelled = TRUE;
      return FALSE;
    }
  cairo_pdf_surface_set_size (export->surface, p->width, p->height);
  rk_pdf_document_draw_page (self, export->cr, index, p->width, p->height);
  cairo_show_page (export->cr);
  if (streamed)
    {
      p->written = export->n_written;
      g_array_set_size (p->items, 0);
    }
  export->n_written++;
  return cairo_status (export->cr) == CAIRO_STATUS_SUCCESS;
}

/* The outline, the end of the file, the page order. */
static gboolean
export_finish (RkPdfDocument  *self,
               Export         *export,
               GError        **error)
{
  g_autoptr(GArray) outline_ids = NULL;
  int root = CAIRO_PDF_OUTLINE_ROOT;
  cairo_status_t status;
  gboolean ordered = TRUE;

  /* cairo numbers outline entries itself: map ours (1-based, in order) to its ids. */
  outline_ids = g_array_sized_new (FALSE, FALSE, sizeof (int), self->outline->len + 1);
  g_array_append_val (outline_ids, root);
  for (guint i = 0; i < self->outline->len && !export->cancelled; i++)
    {
      const Outline *entry = &g_array_index (self->outline, Outline, i);
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);
      int id = cairo_pdf_surface_add_outline (export->surface, g_array_index (outline_ids, int, entry->parent),
                                              entry->title, link,
                                              entry->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

      g_array_append_val (outline_ids, id);
    }

  status = cairo_status (export->cr);
  g_clear_pointer (&export->cr, cairo_destroy);
  cairo_surface_finish (export->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (export->surface);
  g_clear_pointer (&export->surface, cairo_surface_destroy);
  if (export->sink.bytes == NULL && !export->sink.discard && !sink_flush (&export->sink) && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status == CAIRO_STATUS_SUCCESS && !export->cancelled)
    ordered = sink_reorder_pages (&export->sink, self);

  if (export->cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }
  if (export->sink.saved_errno != 0)
    {
      set_io_error (error, export->path, export->sink.saved_errno);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS || !ordered)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : "page tree");
      return FALSE;
    }
  return TRUE;
}

/* Like g_file_set_contents(): flush to disk before replacing an existing file, so a crash leaves the old one. */
static gboolean
export_commit (Export  *export,
               GError **error)
{
  gboolean replacing = g_file_test (export->path, G_FILE_TEST_EXISTS);

  if ((replacing && fsync (export->sink.fd) != 0) || close (export->sink.fd) != 0)
    {
      export->sink.fd = -1;
      set_io_error (error, export->path, errno);
      return FALSE;
    }
  export->sink.fd = -1;
  if (g_rename (export->tmp_path, export->path) != 0)
    {
      set_io_error (error, export->path, errno);
      return FALSE;
    }
  g_clear_pointer (&export->tmp_path, g_free);
  return TRUE;
}

static gboolean
write_all (RkPdfDocument     *self,
           Export            *export,
           RkPdfProgressFunc  progress,
           gpointer           progress_data,
           GError           **error)
{
  if (self->pages->len == 0)
    rk_pdf_document_add_page (self, -1);
  for (guint i = 0; i < self->pages->len; i++)
    {
      if (!export_page (self, export, i, FALSE))
        break;
      if (progress != NULL)
        progress (i + 1, self->pages->len, progress_data);
    }
  return export_finish (self, export, error);
}

gboolean
rk_pdf_document_export (RkPdfDocument       *self,
                        const char          *path,
                        const RkPdfMetadata *metadata,
                        GCancellable        *cancellable,
                        RkPdfProgressFunc    progress,
                        gpointer             progress_data,
                        GError             **error)
{
  Export *export;
  gboolean ok;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export = export_new (self, path, metadata, cancellable, error);
  if (export == NULL)
    return FALSE;
  ok = write_all (self, export, progress, progress_data, error) && export_commit (export, error);
  export_free (export);
  return ok;
}

GBytes *
rk_pdf_document_export_bytes (RkPdfDocument       *self,
                              const RkPdfMetadata *metadata,
                              GCancellable        *cancellable,
                              GError             **error)
{
  Export *export;
  GBytes *bytes = NULL;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  export = export_new (self, NULL, metadata, cancellable, error);
  if (write_all (self, export, NULL, NULL, error))
    bytes = g_byte_array_free_to_bytes (g_steal_pointer (&export->sink.bytes));
  g_clear_pointer (&export->sink.bytes, g_byte_array_unref);
  export_free (export);
  return bytes;
}

/* ---- Streaming and assembling ------------------------------------------------------------------------------ */

gboolean
rk_pdf_document_begin_export (RkPdfDocument       *self,
                              const char          *path,
                              const RkPdfMetadata *metadata,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->export == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->export = export_new (self, path, metadata, cancellable, error);
  return self->export != NULL;
}

void
rk_pdf_document_flush (RkPdfDocument *self,
                       guint          n_complete)
{
  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));

  if (self->export == NULL)
    return;
  n_complete = MIN (n_complete, self->pages->len);
  for (guint i = 0; i < n_complete; i++)
    if (g_array_index (self->pages, Page, i).written < 0 && !export_page (self, self->export, i, TRUE))
      return;
}

gboolean
rk_pdf_document_end_export (RkPdfDocument  *self,
                            GError        **error)
{
  Export *export;
  gboolean ok;

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->export != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export = g_steal_pointer (&self->export);
  if (self->pages->len == 0)
    rk_pdf_document_add_page (self, -1);
  for (guint i = 0; i < self->pages->len; i++)
    if (g_array_index (self->pages, Page, i).written < 0 && !export_page (self, export, i, TRUE))
      break;
  ok = export_finish (self, export, error) && export_commit (export, error);
  export_free (export);
  return ok;
}

void
rk_pdf_document_abort_export (RkPdfDocument *self)
{
  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));

  g_clear_pointer (&self->export, export_free);
}

static char *
prefixed (const char *prefix,
          const char *name)
{
  return g_strconcat (prefix, name, NULL);
}

void
rk_pdf_document_append (RkPdfDocument *self,
                        RkPdfDocument *other,
                        int            outline_parent)
{
  g_autofree char *prefix = NULL;
  guint base;

  g_return_if_fail (RK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (RK_IS_PDF_DOCUMENT (other));
  g_return_if_fail (self != other);
  g_return_if_fail (outline_parent >= 0 && (guint) outline_parent <= self->outline->len);

  /* A chart's drawing may keep a pointer to the document it was built in: keep that alive as long as its pages. */
  g_ptr_array_add (self->appended, g_object_ref (other));
  prefix = g_strdup_printf ("a%u-", self->appended->len);
  for (guint i = 0; i < other->pages->len; i++)
    {
      Page page = g_array_index (other->pages, Page, i);

      page.dx += other->margins.inner - self->margins.inner;
      page.dy += other->margins.top - self->margins.top;
      page.written = -1;
      for (guint j = 0; j < page.items->len; j++)
        {
          Item *item = &g_array_index (page.items, Item, j);

          if (item->name != NULL)
            {
              char *name = prefixed (prefix, item->name);

              g_free (item->name);
              item->name = name;
            }
        }
      g_array_append_val (self->pages, page);
      /* The page's items now belong to @self. */
      g_array_index (other->pages, Page, i).items = NULL;
    }
  g_array_set_size (other->pages, 0);

  base = self->outline->len;
  for (guint i = 0; i < other->outline->len; i++)
    {
      Outline *entry = &g_array_index (other->outline, Outline, i);
      Outline moved = { 0, };

      moved.parent = entry->parent == 0 ? outline_parent : (int) base + entry->parent;
      moved.title = g_steal_pointer (&entry->title);
      moved.dest = prefixed (prefix, entry->dest);
      moved.open = entry->open;
      g_array_append_val (self->outline, moved);
    }
  g_array_set_size (other->outline, 0);
}

/* ---- Flow -------------------------------------------------------------------------------------------------- */

void
rk_pdf_flow_init (RkPdfFlow     *flow,
                  RkPdfDocument *document)
{
  g_return_if_fail (flow != NULL);
  g_return_if_fail (RK_IS_PDF_DOCUMENT (document));

  flow->document = document;
  flow->page = rk_pdf_document_add_page (document, -1);
  flow->y = 0;
}

void
rk_pdf_flow_new_page (RkPdfFlow *flow)
{
  g_return_if_fail (flow != NULL);

  flow->page = rk_pdf_document_add_page (flow->document, -1);
  flow->y = 0;
}

double
rk_pdf_flow_get_remaining (RkPdfFlow *flow)
{
  double height;

  g_return_val_if_fail (flow != NULL, 0);

  rk_pdf_document_get_content_size (flow->document, flow->page, NULL, &height);
  return height - flow->y;
}

gboolean
rk_pdf_flow_ensure (RkPdfFlow *flow,
                    double     height)
{
  g_return_val_if_fail (flow != NULL, FALSE);

  /* A hair of tolerance: a block that fits exactly must not be pushed by rounding. */
  if (flow->y <= 0 || height <= rk_pdf_flow_get_remaining (flow) + 0.01)
    return FALSE;
  rk_pdf_flow_new_page (flow);
  return TRUE;
}

void
rk_pdf_flow_add_block (RkPdfFlow   *flow,
                       double       x,
                       PangoLayout *layout)
{
  double height;

  g_return_if_fail (flow != NULL);

  height = rk_pdf_layout_get_height (layout);
  rk_pdf_flow_ensure (flow, height);
  rk_pdf_document_add_layout (flow->document, flow->page, x, flow->y, layout);
  flow->y += height;
}

void
rk_pdf_flow_add_paragraph (RkPdfFlow   *flow,
                           double       x,
                           PangoLayout *layout)
{
  rk_pdf_flow_add_paragraph_full (flow, x, layout, NULL, NULL);
}

void
rk_pdf_flow_add_paragraph_full (RkPdfFlow     *flow,
                                double         x,
                                PangoLayout   *layout,
                                RkPdfLineFunc  line_func,
                                gpointer       user_data)
{
  PangoLayoutIter *iter;
  double page_height;
  double offset = 0;   /* the layout's y that sits at flow->y on the current page */
  double bottom = 0;

  g_return_if_fail (flow != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  rk_pdf_document_get_content_size (flow->document, flow->page, NULL, &page_height);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double top, baseline, line_x;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      /* Break before a line that does not fit, unless it would be the first thing on its page. */
      if (flow->y + bottom - offset > page_height + 0.01 && (flow->y > 0 || top > offset))
        {
          rk_pdf_flow_new_page (flow);
          rk_pdf_document_get_content_size (flow->document, flow->page, NULL, &page_height);
          offset = top;
        }
      line_x = x + (double) logical.x / PANGO_SCALE;
      rk_pdf_document_add_layout_line (flow->document, flow->page, line_x, flow->y + baseline - offset, layout, line);
      if (line_func != NULL)
        line_func (flow, line, line_x, flow->y + top - offset, (double) logical.height / PANGO_SCALE, user_data);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  flow->y += bottom - offset;
}

void
rk_pdf_flow_skip (RkPdfFlow *flow,
                  double     height)
{
  g_return_if_fail (flow != NULL);

  flow->y += height;
}

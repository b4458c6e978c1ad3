/* rk-booklet-pdf.c — the booklet typeset once: the cover, the parts in order (each heading's page noted as it is
 * placed), then the table of contents from those notes, inserted after the cover. The export streams the pages to
 * the file as they are finished; the preview keeps them. */

#include "rk-booklet.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rk-form-pdf.h"

#define EM            RK_PDF_BODY_SIZE /* one character of body text: the unit of Japanese indents */
#define PART_SIZE     16.0
#define SECTION_SIZE  11.5
#define TABLE_SIZE    9.5
#define LINE_GAP      3.5              /* between lines of running text: a pitch of about 1.7 characters */
#define CELL_PAD      4.0
#define HEADER_GRAY   0.88
#define MAX_INDENT    8                /* deeper items stay at this indent rather than squeezing the text */

/* Pango lays a paragraph out in one go and walks it for every query; a paragraph of a megabyte would take seconds
 * and hundreds of megabytes. Longer paragraphs are cut at a sentence end into layouts of about this size, the
 * continuation set flush so that the reader sees one paragraph. */
#define CHUNK_BYTES   3000

/* Private-use marks around a citation while the body is rendered, to find where each one landed. */
#define MARK_OPEN     "\xee\x80\x80" /* U+E000 */
#define MARK_CLOSE    "\xee\x80\x81" /* U+E001 */

typedef struct {
  char  *title;
  char  *dest;
  guint  level; /* 0: a part; 1: a section or form under it */
  guint  page;  /* the page its heading is on, counted before the contents are inserted */
} TocEntry;

typedef struct {
  gsize  start;
  gsize  end;
  char  *dest;  /* the cited section's destination, or NULL when it is not printed (no link) */
} Citation;

typedef struct {
  PangoLayout *layout;
  double       x;
  GArray      *citations; /* Citation, offsets into the layout's text; NULL when none */
} Chunk;

typedef struct {
  const RkBookletContent *content;
  RkPdfDocument          *doc;
  RkPdfFlow               flow;
  gboolean                started;     /* the flow has a page */
  double                  width;       /* of a portrait text block */
  guint                   first_numbered;
  GArray                 *toc;         /* TocEntry */
  GHashTable             *dests;       /* the sections the booklet prints, for links made before their target */
  GCancellable           *cancellable;
  RkBookletProgressFunc   progress;
  gpointer                progress_data;
  guint                   n_units;
  guint                   units_done;
} Booklet;

static void
toc_entry_clear (gpointer data)
{
  TocEntry *entry = data;

  g_free (entry->title);
  g_free (entry->dest);
}

static void
citation_clear (gpointer data)
{
  g_free (((Citation *) data)->dest);
}

static void
chunk_free (gpointer data)
{
  Chunk *chunk = data;

  g_clear_object (&chunk->layout);
  g_clear_pointer (&chunk->citations, g_array_unref);
  g_free (chunk);
}

static char *
section_dest (gint64      version_id,
              const char *uid)
{
  /* uids are ASCII letters, digits, '-' and '_': safe in a PDF name. */
  return g_strdup_printf ("s%" G_GINT64_FORMAT "-%s", version_id, uid);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
unit_done (Booklet *b)
{
  b->units_done++;
  if (b->progress != NULL)
    b->progress (MIN (0.99, (double) b->units_done / MAX (1, b->n_units)), b->progress_data);
}

static void
toc_add (Booklet    *b,
         guint       level,
         const char *title,
         const char *dest,
         guint       page)
{
  TocEntry entry = { g_strdup (title), g_strdup (dest), level, page };

  g_array_append_val (b->toc, entry);
}

/* The next part starts on a new page; the first thing typeset starts the document. */
static void
start_page (Booklet *b)
{
  if (!b->started)
    rk_pdf_flow_init (&b->flow, b->doc);
  else
    rk_pdf_flow_new_page (&b->flow);
  b->started = TRUE;
}

static PangoLayout *
new_layout (Booklet    *b,
            RkPdfFace   face,
            double      size,
            gboolean    bold,
            double      width,
            const char *text)
{
  return rk_pdf_document_new_layout (b->doc, face, size, bold, width, text);
}

static PangoLayout *
centred_layout (Booklet    *b,
                RkPdfFace   face,
                double      size,
                gboolean    bold,
                const char *text)
{
  PangoLayout *layout = new_layout (b, face, size, bold, b->width, text);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* Height of the first line of @layout: what must fit under a heading that keeps with its text. */
static double
first_line_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* ---- The cover ------------------------------------------------------------------------------------------- */

/* The title on one line when it fits at a size between 26 and 20 pt. A longer one that names its municipality
 * first ("みなと市 急変時・救急搬送時の連携ルール") sets the name smaller on a line of its own (@above), as covers
 * do; otherwise it wraps at 26 pt. */
static PangoLayout *
cover_title (Booklet     *b,
             const char  *text,
             PangoLayout **above)
{
  const char *space = NULL;
  PangoLayout *layout;

  *above = NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((*p == ' ' || g_str_has_prefix (p, "\u3000")) && p > text)
      {
        space = p;
        break;
      }

  for (int attempt = 0; attempt < 2; attempt++)
    {
      const char *line = attempt == 0 ? text : g_utf8_next_char (space);

      if (attempt == 1 && space == NULL)
        break;
      for (double size = 26.0; size >= 20.0; size -= 2.0)
        {
          layout = centred_layout (b, RK_PDF_FACE_GOTHIC, size, TRUE, line);
          if (pango_layout_get_line_count (layout) == 1)
            {
              if (attempt == 1)
                {
                  g_autofree char *name = g_strndup (text, space - text);

                  *above = centred_layout (b, RK_PDF_FACE_GOTHIC, 17.0, TRUE, name);
                }
              return layout;
            }
          g_object_unref (layout);
        }
    }

  layout = centred_layout (b, RK_PDF_FACE_GOTHIC, 26.0, TRUE, text);
  pango_layout_set_spacing (layout, 8 * PANGO_SCALE);
  return layout;
}

static void
typeset_cover (Booklet *b)
{
  const RkBookletContent *c = b->content;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) above = NULL;
  g_autoptr(PangoLayout) publisher = NULL;
  double height, y, title_h;

  start_page (b);
  rk_pdf_document_get_content_size (b->doc, b->flow.page, NULL, &height);

  /* The title between a double rule at about a quarter of the page, as printed municipal booklets set it. */
  y = height * 0.25;
  rk_pdf_document_add_rule (b->doc, b->flow.page, 0, y, b->width, y, 2.0, 0.15);
  rk_pdf_document_add_rule (b->doc, b->flow.page, 0, y + 4, b->width, y + 4, 0.5, 0.15);
  y += 30;
  title = cover_title (b, c->title != NULL ? c->title : "", &above);
  if (above != NULL)
    {
      rk_pdf_document_add_layout (b->doc, b->flow.page, 0, y, above);
      y += rk_pdf_layout_get_height (above) + 6;
    }
  title_h = rk_pdf_layout_get_height (title);
  rk_pdf_document_add_layout (b->doc, b->flow.page, 0, y, title);
  y += title_h + 26;
  rk_pdf_document_add_rule (b->doc, b->flow.page, 0, y, b->width, y, 0.5, 0.15);
  rk_pdf_document_add_rule (b->doc, b->flow.page, 0, y + 4, b->width, y + 4, 2.0, 0.15);
  y += 28;

  if (!is_empty (c->edition))
    {
      g_autoptr(PangoLayout) edition = centred_layout (b, RK_PDF_FACE_MINCHO, 15.0, FALSE, c->edition);

      rk_pdf_document_add_layout (b->doc, b->flow.page, 0, y, edition);
    }

  /* The date and the issuer at the foot of the page. */
  y = height - 40;
  if (!is_empty (c->municipality) && (is_empty (c->publisher) || strstr (c->publisher, c->municipality) == NULL))
    {
      g_autoptr(PangoLayout) municipality = centred_layout (b, RK_PDF_FACE_MINCHO, 13.0, FALSE, c->municipality);

      rk_pdf_document_add_layout (b->doc, b->flow.page, 0, y, municipality);
      y -= rk_pdf_layout_get_height (municipality) + 4;
    }
  if (!is_empty (c->publisher))
    {
      publisher = centred_layout (b, RK_PDF_FACE_GOTHIC, 16.0, TRUE, c->publisher);
      y -= rk_pdf_layout_get_height (publisher);
      rk_pdf_document_add_layout (b->doc, b->flow.page, 0, y + 4, publisher);
      y -= 20;
    }
  if (!is_empty (c->issue_label))
    {
      g_autoptr(PangoLayout) issue = centred_layout (b, RK_PDF_FACE_MINCHO, 14.0, FALSE, c->issue_label);

      y -= rk_pdf_layout_get_height (issue);
      rk_pdf_document_add_layout (b->doc, b->flow.page, 0, y, issue);
    }
}

/* ---- Headings -------------------------------------------------------------------------------------------- */

/* A part opens a new page with its heading over a rule; returns its outline entry. */
static int
place_part_heading (Booklet    *b,
                    guint       part_index,
                    const char *title)
{
  g_autoptr(PangoLayout) heading = NULL;
  g_autofree char *dest = g_strdup_printf ("part-%u", part_index);
  double height;

  start_page (b);
  heading = new_layout (b, RK_PDF_FACE_GOTHIC, PART_SIZE, TRUE, b->width, title);
  height = rk_pdf_layout_get_height (heading);
  rk_pdf_document_add_dest (b->doc, b->flow.page, dest, 0, b->flow.y);
  rk_pdf_document_add_layout (b->doc, b->flow.page, 0, b->flow.y, heading);
  b->flow.y += height + 5;
  rk_pdf_document_add_rule (b->doc, b->flow.page, 0, b->flow.y, b->width, b->flow.y, 1.0, 0.2);
  b->flow.y += 16;
  toc_add (b, 0, title, dest, b->flow.page);
  return rk_pdf_document_add_outline (b->doc, 0, title, dest, TRUE);
}

/* ---- Running text ---------------------------------------------------------------------------------------- */

static gboolean
may_start_line (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
    case G_UNICODE_BREAK_EXCLAMATION:
    case G_UNICODE_BREAK_INFIX_SEPARATOR:
    case G_UNICODE_BREAK_COMBINING_MARK:
    case G_UNICODE_BREAK_QUOTATION:
    case G_UNICODE_BREAK_NUMERIC:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Where the chunk that starts at @start ends: after the first sentence end (。 and any closing marks after it) past
 * CHUNK_BYTES, or — in text without one — at the first character that may start a line; never inside a citation. */
static gsize
chunk_end (const char   *text,
           gsize         start,
           gsize         end,
           const GArray *citations)
{
  const char *p, *limit, *found;

  if (end - start <= CHUNK_BYTES * 3 / 2)
    return end;

  p = text + start + CHUNK_BYTES;
  while ((*p & 0xc0) == 0x80)
    p++;
  limit = text + MIN (end, start + 4 * CHUNK_BYTES);
  found = g_strstr_len (p, limit - p, "。");
  if (found != NULL)
    p = found + strlen ("。");
  while (p < text + end && !may_start_line (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  for (guint i = 0; citations != NULL && i < citations->len; i++)
    {
      const Citation *cite = &g_array_index (citations, Citation, i);

      if (cite->start < (gsize) (p - text) && (gsize) (p - text) < cite->end)
        p = text + cite->end;
    }
  return MIN ((gsize) (p - text), end);
}

/* A paragraph that opens with its own item mark — (1), ア, ①, ・, ○, ※ — hangs after it like a numbered item,
 * rather than taking the 字下げ of running text. */
static gboolean
opens_with_mark (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^(?:[(（][0-9０-９ア-ンa-zＡ-Ｚ]{1,3}[)）]|[0-9０-９]{1,2}[ 　.．]|[ア-ン][ 　]|"
                               "[・○●◯※■□◆◇①-⑳])", G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (r != NULL);
      g_once_init_leave (&regex, r);
    }
  return g_regex_match (regex, text, 0, NULL);
}

/* A paragraph of running text as layouts of bounded size. @prefix (a section number with its space, or NULL) is
 * set in front and the lines after the first hang under the text (ぶら下げ); without it the first line is indented
 * one character (字下げ). @start..@end is a range of @text; @citations' offsets are into @text. */
static GPtrArray *
make_paragraph (Booklet      *b,
                double        x,
                double        width,
                const char   *prefix,
                const char   *text,
                gsize         start,
                gsize         end,
                const GArray *citations)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func (chunk_free);
  gsize prefix_len = prefix != NULL ? strlen (prefix) : 0;
  gboolean hanging = prefix != NULL;

  if (!hanging && end > start)
    {
      char head[32];

      g_strlcpy (head, text + start, MIN (sizeof head, end - start + 1));
      hanging = opens_with_mark (head);
    }

  do
    {
      gsize stop = chunk_end (text, start, end, citations);
      gboolean first = chunks->len == 0;
      gsize shift = first ? prefix_len : 0;
      g_autofree char *piece = g_strdup_printf ("%s%.*s", first && prefix != NULL ? prefix : "", (int) (stop - start),
                                                text + start);
      Chunk *chunk = g_new0 (Chunk, 1);

      /* A continuation goes on under the text of the first line, with no indent of its own. */
      chunk->x = x + (!first && hanging ? EM : 0);
      chunk->layout = new_layout (b, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, width - (chunk->x - x), piece);
      pango_layout_set_justify (chunk->layout, TRUE);
      pango_layout_set_spacing (chunk->layout, (int) (LINE_GAP * PANGO_SCALE));
      if (first)
        pango_layout_set_indent (chunk->layout, (int) ((hanging ? -EM : EM) * PANGO_SCALE));

      for (guint i = 0; citations != NULL && i < citations->len; i++)
        {
          const Citation *cite = &g_array_index (citations, Citation, i);
          Citation local;

          if (cite->dest == NULL || cite->end <= start || cite->start >= stop)
            continue;
          if (chunk->citations == NULL)
            {
              chunk->citations = g_array_new (FALSE, FALSE, sizeof (Citation));
              g_array_set_clear_func (chunk->citations, citation_clear);
            }
          local.start = MAX (cite->start, start) - start + shift;
          local.end = MIN (cite->end, stop) - start + shift;
          local.dest = g_strdup (cite->dest);
          g_array_append_val (chunk->citations, local);
        }
      g_ptr_array_add (chunks, chunk);
      start = stop;
    }
  while (start < end);
  return chunks;
}

typedef struct {
  Booklet     *b;
  const Chunk *chunk;
} LineLinks;

/* Links over the part of each citation that is on @line (a citation broken over two lines gets two). */
static void
add_line_links (RkPdfFlow       *flow,
                PangoLayoutLine *line,
                double           line_x,
                double           top,
                double           height,
                gpointer         user_data)
{
  LineLinks *links = user_data;
  const Chunk *chunk = links->chunk;
  const char *text = pango_layout_get_text (chunk->layout);
  gsize line_start = line->start_index, line_end = line->start_index + line->length;

  for (guint i = 0; i < chunk->citations->len; i++)
    {
      const Citation *cite = &g_array_index (chunk->citations, Citation, i);
      gsize s = MAX (cite->start, line_start), e = MIN (cite->end, line_end);
      int x0, x1;

      if (s >= e)
        continue;
      pango_layout_line_index_to_x (line, (int) s, FALSE, &x0);
      pango_layout_line_index_to_x (line, (int) (g_utf8_prev_char (text + e) - text), TRUE, &x1);
      rk_pdf_document_add_link (links->b->doc, flow->page, line_x + (double) MIN (x0, x1) / PANGO_SCALE, top,
                                (double) ABS (x1 - x0) / PANGO_SCALE, height, cite->dest);
    }
}

static void
place_chunk (Booklet     *b,
             const Chunk *chunk)
{
  LineLinks links = { b, chunk };

  rk_pdf_flow_add_paragraph_full (&b->flow, chunk->x, chunk->layout,
                                  chunk->citations != NULL ? add_line_links : NULL, &links);
}

static void
place_paragraph (Booklet   *b,
                 GPtrArray *chunks)
{
  for (guint i = 0; i < chunks->len; i++)
    {
      if (b->flow.y > 0)
        rk_pdf_flow_skip (&b->flow, LINE_GAP);
      place_chunk (b, g_ptr_array_index (chunks, i));
      /* A paragraph of many pages frees the ones it has filled. */
      rk_pdf_document_flush (b->doc, b->flow.page);
    }
}

/* ---- Rules ----------------------------------------------------------------------------------------------- */

typedef struct {
  Booklet              *b;
  const RkBookletRules *rules;
  GHashTable           *by_uid;   /* uid → RkRuleExportSection */
  GHashTable           *outline;  /* uid → outline id of the section (its parent's when it has no heading) */
  GPtrArray            *cited;    /* destinations of the citations, in the order they were rendered */
} RulesPart;

static char *
lookup_marked_citation (const char *uid,
                        gpointer    user_data)
{
  RulesPart *r = user_data;
  const RkRuleExportSection *target = g_hash_table_lookup (r->by_uid, uid);
  char *dest;

  if (target == NULL)
    return NULL;
  dest = section_dest (r->rules->version_id, target->uid);
  if (!g_hash_table_contains (r->b->dests, dest))
    g_clear_pointer (&dest, g_free);
  g_ptr_array_add (r->cited, dest);
  return g_strconcat (MARK_OPEN, target->citation, MARK_CLOSE, NULL);
}

/* The body with its references rendered as rk_rule_render_body() renders them, and where each citation is. */
static char *
render_body (RulesPart                 *r,
             const RkRuleExportSection *section,
             GArray                    *citations)
{
  g_autofree char *marked = NULL;
  GString *out;
  const char *p;
  guint n = 0;

  if (section->body_source == NULL || strstr (section->body_source, "{{ref:") == NULL ||
      strstr (section->body_source, MARK_OPEN) != NULL || strstr (section->body_source, MARK_CLOSE) != NULL)
    return g_strdup (section->body != NULL ? section->body : "");

  g_ptr_array_set_size (r->cited, 0);
  marked = rk_rule_render_body (section->body_source, lookup_marked_citation, r);
  out = g_string_sized_new (strlen (marked));
  for (p = marked; *p != '\0';)
    {
      const char *open = strstr (p, MARK_OPEN);
      const char *close;
      Citation cite;

      if (open == NULL || (close = strstr (open, MARK_CLOSE)) == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      cite.start = out->len;
      g_string_append_len (out, open + strlen (MARK_OPEN), close - open - strlen (MARK_OPEN));
      cite.end = out->len;
      cite.dest = n < r->cited->len ? g_strdup (g_ptr_array_index (r->cited, n)) : NULL;
      n++;
      g_array_append_val (citations, cite);
      p = close + strlen (MARK_CLOSE);
    }
  return g_string_free (out, FALSE);
}

static void
typeset_section (RulesPart                 *r,
                 int                        part_outline,
                 const RkRuleExportSection *section)
{
  Booklet *b = r->b;
  guint depth = MIN (section->depth, MAX_INDENT);
  double x = depth * EM;
  g_autofree char *dest = section_dest (r->rules->version_id, section->uid);
  g_autoptr(GArray) citations = g_array_new (FALSE, FALSE, sizeof (Citation));
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *body = NULL;
  g_autofree char *prefix = NULL;
  gboolean has_heading = !is_empty (section->heading);
  gpointer parent_outline = NULL;
  int outline = part_outline;
  const char *p, *end;

  g_array_set_clear_func (citations, citation_clear);
  if (section->parent_uid != NULL && g_hash_table_lookup_extended (r->outline, section->parent_uid, NULL,
                                                                   &parent_outline))
    outline = GPOINTER_TO_INT (parent_outline);

  /* Each paragraph of the body (one per line of the text); a section without a heading sets its number in front of
   * the first. */
  body = render_body (r, section, citations);
  if (!has_heading)
    prefix = g_strconcat (section->number, "\u3000", NULL);
  for (p = body, end = body + strlen (body); p <= end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl != NULL ? nl : end;

      if (stop > p)
        {
          gboolean first = paragraphs->len == 0;

          if (first && !has_heading)
            g_ptr_array_add (paragraphs, make_paragraph (b, x, b->width - x, prefix, body, p - body, stop - body,
                                                         citations));
          else
            g_ptr_array_add (paragraphs, make_paragraph (b, x + EM, b->width - x - EM, NULL, body, p - body,
                                                         stop - body, citations));
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  if (!has_heading && paragraphs->len == 0)
    g_ptr_array_add (paragraphs, make_paragraph (b, x, b->width - x, prefix, prefix, 0, 0, NULL));

  if (b->flow.y > 0)
    rk_pdf_flow_skip (&b->flow, depth == 0 ? 12 : 5);

  if (has_heading)
    {
      g_autofree char *text = g_strconcat (section->number, "\u3000", section->heading, NULL);
      g_autoptr(PangoLayout) heading = new_layout (b, RK_PDF_FACE_GOTHIC, depth == 0 ? SECTION_SIZE : EM,
                                                   depth == 0, b->width - x, text);
      double height, keep;

      pango_layout_set_indent (heading, (int) (-EM * PANGO_SCALE));
      height = rk_pdf_layout_get_height (heading);
      keep = height;
      if (paragraphs->len > 0)
        {
          GPtrArray *first = g_ptr_array_index (paragraphs, 0);

          keep += 4 + first_line_height (((Chunk *) g_ptr_array_index (first, 0))->layout);
        }
      rk_pdf_flow_ensure (&b->flow, keep);
      rk_pdf_document_add_dest (b->doc, b->flow.page, dest, x, b->flow.y);
      rk_pdf_document_add_layout (b->doc, b->flow.page, x, b->flow.y, heading);
      outline = rk_pdf_document_add_outline (b->doc, outline, text, dest, FALSE);
      if (depth == 0)
        toc_add (b, 1, text, dest, b->flow.page);
      b->flow.y += height + 4 - LINE_GAP;
    }
  else
    {
      GPtrArray *first = g_ptr_array_index (paragraphs, 0);

      rk_pdf_flow_ensure (&b->flow, first_line_height (((Chunk *) g_ptr_array_index (first, 0))->layout));
      rk_pdf_document_add_dest (b->doc, b->flow.page, dest, x, b->flow.y);
    }
  g_hash_table_insert (r->outline, section->uid, GINT_TO_POINTER (outline));

  for (guint i = 0; i < paragraphs->len; i++)
    {
      if (i == 0 && !has_heading)
        {
          /* The number was placed with the first line: no gap above it. */
          GPtrArray *chunks = g_ptr_array_index (paragraphs, 0);

          for (guint j = 0; j < chunks->len; j++)
            {
              if (j > 0)
                rk_pdf_flow_skip (&b->flow, LINE_GAP);
              place_chunk (b, g_ptr_array_index (chunks, j));
              rk_pdf_document_flush (b->doc, b->flow.page);
            }
          continue;
        }
      place_paragraph (b, g_ptr_array_index (paragraphs, i));
    }
}

static gboolean
rules_have_text (const RkBookletRules *rules)
{
  for (guint i = 0; i < rules->sections->len; i++)
    if (((RkRuleExportSection *) g_ptr_array_index (rules->sections, i))->kind == RK_RULE_SECTION_TEXT)
      return TRUE;
  return FALSE;
}

static gboolean
rules_have_forms (const RkBookletRules *rules)
{
  for (guint i = 0; i < rules->sections->len; i++)
    if (((RkRuleExportSection *) g_ptr_array_index (rules->sections, i))->kind == RK_RULE_SECTION_FORM)
      return TRUE;
  return FALSE;
}

static gboolean
typeset_rules (Booklet              *b,
               guint                 part_index,
               const RkBookletRules *rules)
{
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) outline = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cited = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);
  RulesPart r = { b, rules, by_uid, outline, cited };
  int part_outline;

  for (guint i = 0; i < rules->sections->len; i++)
    {
      RkRuleExportSection *section = g_ptr_array_index (rules->sections, i);

      g_hash_table_insert (by_uid, section->uid, section);
    }

  part_outline = place_part_heading (b, part_index, !is_empty (rules->document_title)
                                                      ? rules->document_title
                                                      : rk_booklet_part_kind_to_label (RK_BOOKLET_PART_RULES));

  /* 第2版　運用中　令和7年(2025年)4月1日施行, set right under the title's rule. */
  for (guint i = 0; i < 3; i++)
    {
      const char *item = i == 0 ? rules->version_label : i == 1 ? rules->status_label : rules->effective_label;

      if (!is_empty (item))
        g_string_append_printf (line, "%s%s", line->len > 0 ? "\u3000" : "", item);
    }
  if (line->len > 0)
    {
      g_autoptr(PangoLayout) version = new_layout (b, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, b->width,
                                                   line->str);

      pango_layout_set_alignment (version, PANGO_ALIGN_RIGHT);
      b->flow.y -= 10;
      rk_pdf_flow_add_block (&b->flow, 0, version);
      rk_pdf_flow_skip (&b->flow, 10);
    }
  unit_done (b);

  for (guint i = 0; i < rules->sections->len; i++)
    {
      const RkRuleExportSection *section = g_ptr_array_index (rules->sections, i);

      if (g_cancellable_is_cancelled (b->cancellable))
        return FALSE;
      if (section->kind != RK_RULE_SECTION_TEXT)
        continue;
      typeset_section (&r, part_outline, section);
      rk_pdf_document_flush (b->doc, b->flow.page);
      unit_done (b);
    }
  return TRUE;
}

/* ---- Documents built on their own (forms, roster, schedule, charts) --------------------------------------- */

/* Moves @other's pages to the end; returns the index of its first page, or -1 when it had none. */
static int
append_document (Booklet       *b,
                 RkPdfDocument *other,
                 int            outline_parent)
{
  guint first = rk_pdf_document_get_n_pages (b->doc);
  guint n;

  rk_pdf_document_append (b->doc, other, outline_parent);
  n = rk_pdf_document_get_n_pages (b->doc);
  if (n <= first)
    return -1;

  /* The next part starts after these pages. */
  b->started = TRUE;
  b->flow.document = b->doc;
  b->flow.page = n - 1;
  b->flow.y = 0;
  return first;
}

static void
append_part (Booklet       *b,
             guint          part_index,
             const char    *title,
             RkPdfDocument *other)
{
  g_autofree char *dest = g_strdup_printf ("part-%u", part_index);
  int outline = rk_pdf_document_add_outline (b->doc, 0, title, dest, FALSE);
  int first = append_document (b, other, outline);

  if (first < 0)
    return;
  rk_pdf_document_add_dest (b->doc, first, dest, 0, 0);
  toc_add (b, 0, title, dest, first);
  rk_pdf_document_flush (b->doc, rk_pdf_document_get_n_pages (b->doc));
}

static gboolean
typeset_forms (Booklet              *b,
               guint                 part_index,
               const RkBookletRules *rules)
{
  g_autofree char *dest = g_strdup_printf ("part-%u", part_index);
  const char *label = rk_booklet_part_kind_to_label (RK_BOOKLET_PART_FORMS);
  int outline = rk_pdf_document_add_outline (b->doc, 0, label, dest, TRUE);
  gboolean placed = FALSE;

  for (guint i = 0; i < rules->sections->len; i++)
    {
      const RkRuleExportSection *section = g_ptr_array_index (rules->sections, i);
      g_autoptr(RkPdfDocument) form = NULL;
      g_autofree char *form_dest = NULL;
      g_autofree char *title = NULL;
      int first;

      if (g_cancellable_is_cancelled (b->cancellable))
        return FALSE;
      if (section->kind != RK_RULE_SECTION_FORM)
        continue;

      form = rk_form_pdf_build (b->content->publisher, section->number, section->heading,
                                (const RkFormField *const *) section->fields->pdata, section->fields->len);
      first = append_document (b, form, outline);
      if (first < 0)
        continue;
      if (!placed)
        {
          rk_pdf_document_add_dest (b->doc, first, dest, 0, 0);
          toc_add (b, 0, label, dest, first);
          placed = TRUE;
        }
      form_dest = section_dest (rules->version_id, section->uid);
      title = g_strconcat (section->number, "\u3000", section->heading, NULL);
      rk_pdf_document_add_dest (b->doc, first, form_dest, 0, 0);
      rk_pdf_document_add_outline (b->doc, outline, title, form_dest, FALSE);
      toc_add (b, 1, title, form_dest, first);
      rk_pdf_document_flush (b->doc, rk_pdf_document_get_n_pages (b->doc));
      unit_done (b);
    }
  return TRUE;
}

/* ---- 策定の経過: a table of the meetings ------------------------------------------------------------------- */

typedef struct {
  double       x[4];   /* the columns' left edges and the right edge */
  PangoLayout *header[3];
  double       header_height;
} HistoryTable;

static void
history_rules (Booklet            *b,
               const HistoryTable *t,
               double              top,
               double              bottom)
{
  for (guint c = 0; c < 4; c++)
    rk_pdf_document_add_rule (b->doc, b->flow.page, t->x[c], top, t->x[c], bottom, 0.5, 0);
  rk_pdf_document_add_rule (b->doc, b->flow.page, t->x[0], bottom, t->x[3], bottom, 0.5, 0);
}

static void
history_header (Booklet            *b,
                const HistoryTable *t)
{
  double top = b->flow.y;

  rk_pdf_document_add_fill (b->doc, b->flow.page, t->x[0], top, t->x[3] - t->x[0], t->header_height, HEADER_GRAY);
  rk_pdf_document_add_rule (b->doc, b->flow.page, t->x[0], top, t->x[3], top, 0.5, 0);
  for (guint c = 0; c < 3; c++)
    rk_pdf_document_add_layout (b->doc, b->flow.page,
                                t->x[c] + (t->x[c + 1] - t->x[c] - rk_pdf_layout_get_width (t->header[c])) / 2,
                                top + CELL_PAD, t->header[c]);
  history_rules (b, t, top, top + t->header_height);
  b->flow.y += t->header_height;
}

static PangoLayout *
meeting_topics (Booklet                *b,
                const RkBookletMeeting *meeting,
                double                  width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoLayout *layout;
  gsize label_start = 0, label_end = 0;

  for (guint i = 0; meeting->topics != NULL && meeting->topics[i] != NULL; i++)
    g_string_append_printf (text, "%s・%s", text->len > 0 ? "\n" : "", meeting->topics[i]);
  if (meeting->decisions != NULL && meeting->decisions[0] != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      label_start = text->len;
      /* Translators: the label before a meeting's decisions in the booklet's drafting history (決定事項) */
      g_string_append_printf (text, "【%s】", C_("drafting history", "Decisions"));
      label_end = text->len;
      for (guint i = 0; meeting->decisions[i] != NULL; i++)
        g_string_append_printf (text, "\n・%s", meeting->decisions[i]);
    }

  layout = new_layout (b, RK_PDF_FACE_MINCHO, TABLE_SIZE, FALSE, width, text->str);
  /* Each item hangs after its bullet. */
  pango_layout_set_indent (layout, (int) (-TABLE_SIZE * PANGO_SCALE));
  pango_layout_set_spacing (layout, 2 * PANGO_SCALE);
  if (label_end > label_start)
    {
      PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
      PangoAttribute *family = pango_attr_family_new (rk_pdf_face_get_family (RK_PDF_FACE_GOTHIC, NULL));

      family->start_index = label_start;
      family->end_index = label_end;
      pango_attr_list_insert (attrs, family);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static gboolean
typeset_history (Booklet *b,
                 guint    part_index)
{
  const GPtrArray *history = b->content->history;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_object_unref);
  HistoryTable t = { { 0 } };
  double date_width = 0, page_height, table_top;
  static const char *const headers[] = {
    /* Translators: column headings of the drafting history (策定の経過) table in the booklet: 開催日, 会議, … */
    NC_("drafting history", "Date"), NC_("drafting history", "Meeting"),
    NC_("drafting history", "Main Topics and Decisions"),
  };

  place_part_heading (b, part_index, rk_booklet_part_kind_to_label (RK_BOOKLET_PART_HISTORY));
  rk_pdf_document_get_content_size (b->doc, b->flow.page, NULL, &page_height);

  /* The date column takes its widest date: a date is never broken. */
  for (guint i = 0; i < history->len; i++)
    {
      const RkBookletMeeting *meeting = g_ptr_array_index (history, i);
      PangoLayout *date = new_layout (b, RK_PDF_FACE_MINCHO, TABLE_SIZE, FALSE, -1, meeting->date_label);

      date_width = MAX (date_width, rk_pdf_layout_get_width (date));
      g_ptr_array_add (dates, date);
    }
  date_width = CLAMP (date_width + 2 * CELL_PAD, 6 * TABLE_SIZE, b->width * 0.3);
  t.x[0] = 0;
  t.x[1] = date_width;
  t.x[2] = t.x[1] + (b->width - date_width) * 0.4;
  t.x[3] = b->width;
  for (guint c = 0; c < 3; c++)
    {
      t.header[c] = new_layout (b, RK_PDF_FACE_GOTHIC, TABLE_SIZE, TRUE, -1,
                                g_dpgettext2 (GETTEXT_PACKAGE, "drafting history", headers[c]));
      t.header_height = MAX (t.header_height, rk_pdf_layout_get_height (t.header[c]) + 2 * CELL_PAD);
    }

  table_top = -1;
  for (guint i = 0; i < history->len; i++)
    {
      const RkBookletMeeting *meeting = g_ptr_array_index (history, i);
      PangoLayout *date = g_ptr_array_index (dates, i);
      g_autoptr(PangoLayout) name = new_layout (b, RK_PDF_FACE_MINCHO, TABLE_SIZE, FALSE,
                                                t.x[2] - t.x[1] - 2 * CELL_PAD, meeting->name);
      g_autoptr(PangoLayout) topics = meeting_topics (b, meeting, t.x[3] - t.x[2] - 2 * CELL_PAD);
      double height, top;

      if (g_cancellable_is_cancelled (b->cancellable))
        {
          for (guint c = 0; c < 3; c++)
            g_object_unref (t.header[c]);
          return FALSE;
        }

      if (rk_pdf_layout_get_width (date) > t.x[1] - t.x[0] - 2 * CELL_PAD)
        pango_layout_set_width (date, (int) ((t.x[1] - t.x[0] - 2 * CELL_PAD) * PANGO_SCALE));
      height = MAX (rk_pdf_layout_get_height (date), rk_pdf_layout_get_height (name));
      height = MAX (height, rk_pdf_layout_get_height (topics)) + 2 * CELL_PAD;

      /* A row never splits: it goes to the next page, under the header again. */
      if (table_top < 0 || b->flow.y + height > page_height + 0.01)
        {
          if (table_top >= 0)
            rk_pdf_flow_new_page (&b->flow);
          table_top = b->flow.y;
          history_header (b, &t);
        }
      top = b->flow.y;
      rk_pdf_document_add_layout (b->doc, b->flow.page, t.x[0] + CELL_PAD, top + CELL_PAD, date);
      rk_pdf_document_add_layout (b->doc, b->flow.page, t.x[1] + CELL_PAD, top + CELL_PAD, name);
      rk_pdf_document_add_layout (b->doc, b->flow.page, t.x[2] + CELL_PAD, top + CELL_PAD, topics);
      history_rules (b, &t, top, top + height);
      b->flow.y += height;
      rk_pdf_document_flush (b->doc, b->flow.page);
    }

  for (guint c = 0; c < 3; c++)
    g_object_unref (t.header[c]);
  return TRUE;
}

/* ---- 運用・見直し ------------------------------------------------------------------------------------------ */

static gboolean
typeset_review (Booklet *b,
                guint    part_index)
{
  const GPtrArray *review = b->content->review;
  int outline = place_part_heading (b, part_index, rk_booklet_part_kind_to_label (RK_BOOKLET_PART_REVIEW));

  for (guint i = 0; i < review->len; i++)
    {
      const RkBookletReviewItem *item = g_ptr_array_index (review, i);
      g_autofree char *dest = g_strdup_printf ("part-%u-%u", part_index, i + 1);
      g_autofree char *text = g_strdup_printf ("%u\u3000%s", i + 1, item->heading != NULL ? item->heading : "");
      g_autoptr(PangoLayout) heading = new_layout (b, RK_PDF_FACE_GOTHIC, SECTION_SIZE, TRUE, b->width, text);
      g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      const char *body = item->text != NULL ? item->text : "";
      const char *p = body, *end = body + strlen (body);
      double keep;

      if (g_cancellable_is_cancelled (b->cancellable))
        return FALSE;

      while (p < end)
        {
          const char *nl = memchr (p, '\n', end - p);
          const char *stop = nl != NULL ? nl : end;

          if (stop > p)
            g_ptr_array_add (paragraphs, make_paragraph (b, EM, b->width - EM, NULL, body, p - body, stop - body,
                                                         NULL));
          p = stop + 1;
        }

      pango_layout_set_indent (heading, (int) (-EM * PANGO_SCALE));
      if (b->flow.y > 0)
        rk_pdf_flow_skip (&b->flow, 12);
      keep = rk_pdf_layout_get_height (heading);
      if (paragraphs->len > 0)
        {
          GPtrArray *first = g_ptr_array_index (paragraphs, 0);

          keep += 4 + first_line_height (((Chunk *) g_ptr_array_index (first, 0))->layout);
        }
      rk_pdf_flow_ensure (&b->flow, keep);
      rk_pdf_document_add_dest (b->doc, b->flow.page, dest, 0, b->flow.y);
      rk_pdf_document_add_outline (b->doc, outline, text, dest, FALSE);
      rk_pdf_document_add_layout (b->doc, b->flow.page, 0, b->flow.y, heading);
      b->flow.y += rk_pdf_layout_get_height (heading) + 4 - LINE_GAP;
      for (guint j = 0; j < paragraphs->len; j++)
        place_paragraph (b, g_ptr_array_index (paragraphs, j));
      rk_pdf_document_flush (b->doc, b->flow.page);
    }
  return TRUE;
}

/* ---- 目次, typeset last ---------------------------------------------------------------------------------- */

static void
draw_leader (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  static const double dots[] = { 0, 3.2 };

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.9);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_move_to (cr, 1, height / 2);
  cairo_line_to (cr, width - 1, height / 2);
  cairo_stroke (cr);
}

static void
typeset_contents (Booklet *b,
                  guint    at)
{
  g_autoptr(PangoLayout) heading = NULL;
  PangoAttrList *attrs;
  double width, height, y, spacing = PART_SIZE;
  guint page = rk_pdf_document_insert_page (b->doc, at, RK_PDF_PORTRAIT);

  rk_pdf_document_get_content_size (b->doc, page, &width, &height);

  /* 目　次: spaced out, centred (the spacing after the last letter is taken back). */
  /* Translators: the heading of the booklet's table of contents (目次) */
  heading = new_layout (b, RK_PDF_FACE_GOTHIC, PART_SIZE, TRUE, -1, C_("booklet", "Contents"));
  if (g_utf8_strlen (C_("booklet", "Contents"), -1) <= 4)
    {
      attrs = pango_attr_list_copy (pango_layout_get_attributes (heading));
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (spacing * PANGO_SCALE)));
      pango_layout_set_attributes (heading, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    spacing = 0;
  rk_pdf_document_add_layout (b->doc, page, (width - rk_pdf_layout_get_width (heading) + spacing) / 2, 0, heading);
  y = rk_pdf_layout_get_height (heading) + 28;

  for (guint i = 0; i < b->toc->len; i++)
    {
      const TocEntry *entry = &g_array_index (b->toc, TocEntry, i);
      gboolean part = entry->level == 0;
      double x = part ? 0 : 1.5 * EM;
      double size = part ? 11.0 : RK_PDF_BODY_SIZE;
      RkPdfFace face = part ? RK_PDF_FACE_GOTHIC : RK_PDF_FACE_MINCHO;
      g_autofree char *number_text = g_strdup_printf ("%u", entry->page - b->first_numbered + 1);
      g_autoptr(PangoLayout) number = new_layout (b, face, size, part, -1, number_text);
      g_autoptr(PangoLayout) title = NULL;
      PangoRectangle last;
      double number_w = rk_pdf_layout_get_width (number), title_h, last_top, leader_x0, leader_x1;

      title = new_layout (b, face, size, part, width - x - 4 * EM, entry->title);
      pango_layout_set_indent (title, (int) (-EM * PANGO_SCALE));
      title_h = rk_pdf_layout_get_height (title);
      pango_layout_line_get_extents (pango_layout_get_line_readonly (title, pango_layout_get_line_count (title) - 1),
                                     NULL, &last);
      last_top = title_h - (double) last.height / PANGO_SCALE;

      if (part && i > 0)
        y += 10;
      if (y + title_h > height + 0.01)
        {
          page = rk_pdf_document_insert_page (b->doc, page + 1, RK_PDF_PORTRAIT);
          y = 0;
        }

      rk_pdf_document_add_layout (b->doc, page, x, y, title);
      rk_pdf_document_add_layout (b->doc, page, width - number_w, y + last_top, number);
      leader_x0 = x + (double) (last.x + last.width) / PANGO_SCALE + 6;
      leader_x1 = width - number_w - 6;
      if (leader_x1 > leader_x0 + 6)
        rk_pdf_document_add_drawing (b->doc, page, leader_x0, y + last_top + (double) last.height / PANGO_SCALE / 2 - 2,
                                     leader_x1 - leader_x0, 4, draw_leader, NULL, NULL);
      rk_pdf_document_add_link (b->doc, page, x, y, width - x, title_h, entry->dest);
      y += title_h + 6;
    }
}

/* ---- The whole ------------------------------------------------------------------------------------------- */

static gboolean
part_is_printed (const RkBookletContent     *content,
                 const RkBookletContentPart *part)
{
  switch (part->kind)
    {
    case RK_BOOKLET_PART_RULES:
      return part->rules != NULL && rules_have_text (part->rules);
    case RK_BOOKLET_PART_FORMS:
      return part->rules != NULL && rules_have_forms (part->rules);
    case RK_BOOKLET_PART_HISTORY:
      return content->history != NULL && content->history->len > 0;
    case RK_BOOKLET_PART_ROSTER:
      return content->roster != NULL && content->roster->groups != NULL && content->roster->groups->len > 0;
    case RK_BOOKLET_PART_SCHEDULE:
      return content->gantt != NULL;
    case RK_BOOKLET_PART_INDICATORS:
      return content->charts != NULL && content->charts->len > 0;
    case RK_BOOKLET_PART_REVIEW:
      return content->review != NULL && content->review->len > 0;
    case RK_BOOKLET_PART_COVER:
    case RK_BOOKLET_PART_CONTENTS:
    default:
      return FALSE;
    }
}

/* What the progress counts: each part, each section and form, the contents. Also notes the destinations the
 * booklet will have, so that a reference to a section further on gets its link. */
static void
plan (Booklet *b)
{
  const GArray *parts = b->content->parts;

  b->n_units = 1;
  for (guint i = 0; i < parts->len; i++)
    {
      const RkBookletContentPart *part = &g_array_index (parts, RkBookletContentPart, i);
      RkRuleSectionKind kind = part->kind == RK_BOOKLET_PART_RULES ? RK_RULE_SECTION_TEXT : RK_RULE_SECTION_FORM;

      b->n_units++;
      if (!part_is_printed (b->content, part) ||
          (part->kind != RK_BOOKLET_PART_RULES && part->kind != RK_BOOKLET_PART_FORMS))
        continue;
      for (guint j = 0; j < part->rules->sections->len; j++)
        {
          const RkRuleExportSection *section = g_ptr_array_index (part->rules->sections, j);

          if (section->kind != kind)
            continue;
          b->n_units++;
          g_hash_table_add (b->dests, section_dest (part->rules->version_id, section->uid));
        }
    }
}

static gboolean
typeset_part (Booklet                    *b,
              guint                       index,
              const RkBookletContentPart *part)
{
  const RkBookletContent *c = b->content;
  const char *label = rk_booklet_part_kind_to_label (part->kind);

  switch (part->kind)
    {
    case RK_BOOKLET_PART_RULES:
      return typeset_rules (b, index, part->rules);

    case RK_BOOKLET_PART_FORMS:
      return typeset_forms (b, index, part->rules);

    case RK_BOOKLET_PART_HISTORY:
      return typeset_history (b, index);

    case RK_BOOKLET_PART_ROSTER:
      {
        g_autoptr(RkPdfDocument) roster = rk_roster_pdf_build (c->roster);

        append_part (b, index, label, roster);
      }
      return TRUE;

    case RK_BOOKLET_PART_SCHEDULE:
      {
        g_autoptr(RkPdfDocument) gantt = rk_gantt_build_document (c->gantt, label);

        append_part (b, index, label, gantt);
      }
      return TRUE;

    case RK_BOOKLET_PART_INDICATORS:
      {
        g_autofree RkIndicatorChartPage *pages = g_new (RkIndicatorChartPage, c->charts->len);
        g_autoptr(RkPdfDocument) charts = NULL;

        for (guint i = 0; i < c->charts->len; i++)
          pages[i] = *(const RkIndicatorChartPage *) g_ptr_array_index (c->charts, i);
        charts = rk_indicator_chart_build_document (label, pages, c->charts->len);
        append_part (b, index, label, charts);
      }
      return TRUE;

    case RK_BOOKLET_PART_REVIEW:
      return typeset_review (b, index);

    case RK_BOOKLET_PART_COVER:
    case RK_BOOKLET_PART_CONTENTS:
    default:
      return TRUE;
    }
}

static gboolean
find_part (const RkBookletContent *content,
           RkBookletPartKind       kind)
{
  for (guint i = 0; i < content->parts->len; i++)
    if (g_array_index (content->parts, RkBookletContentPart, i).kind == kind)
      return TRUE;
  return FALSE;
}

/* Lays the booklet out into @doc (streaming to its file when an export has begun). FALSE when cancelled. */
static gboolean
typeset (const RkBookletContent *content,
         RkPdfDocument          *doc,
         GCancellable           *cancellable,
         RkBookletProgressFunc   progress,
         gpointer                progress_data,
         GError                **error)
{
  g_autoptr(GArray) toc = g_array_new (FALSE, TRUE, sizeof (TocEntry));
  g_autoptr(GHashTable) dests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_cover = find_part (content, RK_BOOKLET_PART_COVER);
  Booklet b = { 0 };
  RkPdfMargins margins;

  g_array_set_clear_func (toc, toc_entry_clear);
  b.content = content;
  b.doc = doc;
  b.toc = toc;
  b.dests = dests;
  b.cancellable = cancellable;
  b.progress = progress;
  b.progress_data = progress_data;
  b.first_numbered = has_cover ? 1 : 0;
  /* The text block of a portrait page (the document's default margins), as every part but the schedule has. */
  rk_pdf_margins_init_default (&margins);
  b.width = RK_PDF_A4_WIDTH - margins.inner - margins.outer;
  plan (&b);

  /* The cover and the contents carry no number: the body is "- 1 -" on. */
  rk_pdf_document_set_page_numbers (doc, RK_PDF_PAGE_NUMBERS_DASHED, b.first_numbered);
  if (has_cover)
    {
      typeset_cover (&b);
      rk_pdf_document_flush (doc, 1);
    }

  for (guint i = 0; i < content->parts->len; i++)
    {
      const RkBookletContentPart *part = &g_array_index (content->parts, RkBookletContentPart, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (part_is_printed (content, part) && !typeset_part (&b, i, part))
        break;
      if (b.started)
        rk_pdf_document_flush (doc, b.flow.page);
      unit_done (&b);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The contents go after the cover, wherever the composition lists them: their pages must not shift the body's
   * numbers, which the entries already print. */
  if (find_part (content, RK_BOOKLET_PART_CONTENTS) && toc->len > 0)
    typeset_contents (&b, b.first_numbered);
  if (rk_pdf_document_get_n_pages (doc) == 0)
    rk_pdf_document_add_page (doc, -1);
  return TRUE;
}

RkPdfDocument *
rk_booklet_build (const RkBookletContent *content,
                  GCancellable           *cancellable,
                  RkBookletProgressFunc   progress,
                  gpointer                progress_data,
                  GError                **error)
{
  g_autoptr(RkPdfDocument) doc = NULL;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  if (!typeset (content, doc, cancellable, progress, progress_data, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&doc);
}

gboolean
rk_booklet_export (const RkBookletContent *content,
                   const char             *path,
                   GCancellable           *cancellable,
                   RkBookletProgressFunc   progress,
                   gpointer                progress_data,
                   GError                **error)
{
  g_autoptr(RkPdfDocument) doc = NULL;
  RkPdfMetadata metadata;

  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  rk_booklet_get_metadata (content, &metadata);
  if (!rk_pdf_document_begin_export (doc, path, &metadata, cancellable, error))
    return FALSE;
  if (!typeset (content, doc, cancellable, progress, progress_data, error))
    {
      rk_pdf_document_abort_export (doc);
      return FALSE;
    }
  if (!rk_pdf_document_end_export (doc, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

void
rk_booklet_get_metadata (const RkBookletContent *content,
                         RkPdfMetadata          *metadata)
{
  g_return_if_fail (content != NULL);
  g_return_if_fail (metadata != NULL);

  memset (metadata, 0, sizeof *metadata);
  metadata->title = content->title;
  metadata->author = content->publisher;
  /* Translators: the subject written in the booklet PDF's document properties */
  metadata->subject = _("Home and Emergency Medical Care Coordination Rules");
  metadata->creation_date = content->creation_date;
}

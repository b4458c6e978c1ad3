/* bench-booklet.c — what exporting the 冊子 costs, measured in one run against three yardsticks:
 *
 *  a. rk_booklet_export() of a synthetic council's booklet of about 60 pages and of about 600 pages (median of
 *     several runs after one warm-up): target under 0.25 s for 60 pages.
 *  b. The floor: a bare loop that lays out and draws the same text (every string the booklet prints, walked from the
 *     same RkBookletContent) in the same fonts, sizes and widths onto as many A4 pages of a cairo PDF surface, a new
 *     PangoLayout per paragraph and pango_cairo_show_layout_line() per line. Target: booklet / floor ≤ 1.3.
 *  c. LibreOffice converting the same content, written as one HTML file, to PDF (when `libreoffice` is installed;
 *     otherwise that comparison is skipped and said so). Targets: 60 pages at least 3× faster, 600 pages no slower.
 *  d. Peak RSS of `renkei export-booklet` (the real command, a child process) for both: the 600-page peak should stay
 *     flat, at most 1.5× the 60-page one (streaming export).
 *  e. Pagination once: during one export, every PangoLayout the program touches is watched (the pango_layout_*
 *     calls are interposed, see below); a layout whose text, width, font or attributes change after it was measured
 *     is a second layout of the same text. Target: none.
 *
 * Both in-process timings are taken warm: a first run of each (untimed) pays fontconfig's start-up and the loading
 * of the Noto CJK faces, which happen once per process whoever comes first; what is timed then is what every export
 * costs (layout, drawing, font subsetting when the surface finishes, writing the file). The cold figure — a whole
 * process, fonts and all — is what the child-process runs of (d) measure, and that is the figure set against
 * LibreOffice, which is also timed as a whole process.
 *
 * RK_BENCH_REPEAT sets the number of timed runs (default 7 for 60 pages, a third of it for 600); RK_BENCH_KEEP=1 keeps
 * the councils, the PDFs (booklet, floor, LibreOffice's) and the HTML files to look at; RK_BENCH_DEBUG=1 names every
 * layout laid out again; RK_BENCH_PARTS=1 also times each part of the 60-page booklet on its own. */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "rk-booklet.h"
#include "rk-test-core.h"

/* The two councils: `renkei generate --years N`, then a composition with more rule versions for the long one. */
#define SMALL_YEARS          1
#define BIG_YEARS            15
#define BIG_EXTRA_VERSIONS   0
#define SMALL_EXTRA_VERSIONS 1

#define TARGET_SMALL_MS      250.0
#define TARGET_FLOOR_RATIO   1.3
#define TARGET_LO_SMALL      3.0
#define TARGET_LO_BIG        1.0
#define TARGET_RSS_RATIO     1.5

static char *tmpdir;
static guint n_checks;
static guint n_failed;

static void
check (gboolean    ok,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static void
check (gboolean    ok,
       const char *format,
       ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("%s %u - %s\n", ok ? "ok" : "not ok", ++n_checks, text);
  if (!ok)
    n_failed++;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
count_pages (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  if (document == NULL)
    g_error ("%s: %s", path, error->message);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

/* ---- e. Watching the layouts --------------------------------------------------------------------------------- *
 *
 * The bench defines the pango_layout_* functions below itself: the core library linked into it (and libpangocairo)
 * call these, which count and forward to Pango's own (dlsym RTLD_NEXT). A layout is "measured" once anything asks
 * for its lines or extents; a change that makes Pango lay it out again after that (new text, attributes, width,
 * font, wrap, indent, alignment, justification, context change) is counted as a relayout. Watching is on for one
 * untimed export only. */

static gboolean watching;
static guint n_layouts_created;
static guint n_relayouts;
static GHashTable *measured_layouts;

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (G_UNLIKELY (real_##name == NULL)) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

/* Pango measures a font by laying out the sample sentence of the language ("いろはにほへと…", "The quick brown
 * fox…") in a layout of its own, once per font (pangocairo's font metrics): that is Pango filling its cache, not
 * the booklet's text, so layouts created and changed from inside Pango's libraries are not counted. Measuring is
 * watched whoever does it (pango_cairo_show_layout() measures too). */
static gboolean
from_pango (const void *caller)
{
  Dl_info info;

  return dladdr (caller, &info) != 0 && info.dli_fname != NULL && strstr (info.dli_fname, "/libpango") != NULL;
}

#define WATCHING() (watching && !from_pango (__builtin_return_address (0)))

static void
watch_created (PangoLayout *layout)
{
  n_layouts_created++;
}

/* A layout freed is forgotten, so that a new one at the same address starts afresh. */
static void
watch_finalized (gpointer  data,
                 GObject  *where_the_object_was)
{
  if (measured_layouts != NULL)
    g_hash_table_remove (measured_layouts, where_the_object_was);
}

static void
watch_measured (PangoLayout *layout)
{
  if (g_hash_table_add (measured_layouts, layout))
    g_object_weak_ref (G_OBJECT (layout), watch_finalized, NULL);
}

static void
watch_changed (PangoLayout *layout)
{
  if (g_hash_table_remove (measured_layouts, layout))
    {
      g_object_weak_unref (G_OBJECT (layout), watch_finalized, NULL);
      n_relayouts++;
      if (g_getenv ("RK_BENCH_DEBUG") != NULL)
        g_printerr ("relayout of “%s”\n", pango_layout_get_text (layout));
    }
}

PangoLayout *
pango_layout_new (PangoContext *context)
{
  PangoLayout *layout;
  REAL (pango_layout_new);

  layout = real_pango_layout_new (context);
  if (WATCHING ())
    watch_created (layout);
  return layout;
}

PangoLayout *
pango_cairo_create_layout (cairo_t *cr)
{
  PangoLayout *layout;
  REAL (pango_cairo_create_layout);

  layout = real_pango_cairo_create_layout (cr);
  if (WATCHING ())
    watch_created (layout);
  return layout;
}

PangoLayout *
pango_layout_copy (PangoLayout *src)
{
  PangoLayout *layout;
  REAL (pango_layout_copy);

  layout = real_pango_layout_copy (src);
  if (WATCHING ())
    watch_created (layout);
  return layout;
}

#define WATCH_MEASURE(ret, name, params, args) \
  ret name params \
  { \
    REAL (name); \
    if (watching) \
      watch_measured (layout); \
    return real_##name args; \
  }

#define WATCH_MEASURE_VOID(name, params, args) \
  void name params \
  { \
    REAL (name); \
    if (watching) \
      watch_measured (layout); \
    real_##name args; \
  }

WATCH_MEASURE_VOID (pango_layout_get_extents, (PangoLayout *layout, PangoRectangle *ink, PangoRectangle *logical),
                    (layout, ink, logical))
WATCH_MEASURE_VOID (pango_layout_get_pixel_extents, (PangoLayout *layout, PangoRectangle *ink, PangoRectangle *logical),
                    (layout, ink, logical))
WATCH_MEASURE_VOID (pango_layout_get_size, (PangoLayout *layout, int *width, int *height), (layout, width, height))
WATCH_MEASURE_VOID (pango_layout_get_pixel_size, (PangoLayout *layout, int *width, int *height),
                    (layout, width, height))
WATCH_MEASURE (int, pango_layout_get_line_count, (PangoLayout *layout), (layout))
WATCH_MEASURE (int, pango_layout_get_baseline, (PangoLayout *layout), (layout))
WATCH_MEASURE (GSList *, pango_layout_get_lines, (PangoLayout *layout), (layout))
WATCH_MEASURE (GSList *, pango_layout_get_lines_readonly, (PangoLayout *layout), (layout))
WATCH_MEASURE (PangoLayoutLine *, pango_layout_get_line, (PangoLayout *layout, int line), (layout, line))
WATCH_MEASURE (PangoLayoutLine *, pango_layout_get_line_readonly, (PangoLayout *layout, int line), (layout, line))
WATCH_MEASURE (PangoLayoutIter *, pango_layout_get_iter, (PangoLayout *layout), (layout))

/* Changes Pango always lays out again for. */
#define WATCH_CHANGE(name, params, args) \
  void name params \
  { \
    REAL (name); \
    if (WATCHING ()) \
      watch_changed (layout); \
    real_##name args; \
  }

/* Changes Pango ignores when the value is the same. */
#define WATCH_CHANGE_VALUE(name, type, getter) \
  void name (PangoLayout *layout, type value) \
  { \
    REAL (name); \
    if (WATCHING () && getter (layout) != value) \
      watch_changed (layout); \
    real_##name (layout, value); \
  }

WATCH_CHANGE (pango_layout_set_text, (PangoLayout *layout, const char *text, int length), (layout, text, length))
WATCH_CHANGE (pango_layout_set_markup, (PangoLayout *layout, const char *markup, int length),
              (layout, markup, length))
WATCH_CHANGE (pango_layout_set_attributes, (PangoLayout *layout, PangoAttrList *attrs), (layout, attrs))
WATCH_CHANGE (pango_layout_context_changed, (PangoLayout *layout), (layout))
WATCH_CHANGE_VALUE (pango_layout_set_width, int, pango_layout_get_width)
WATCH_CHANGE_VALUE (pango_layout_set_wrap, PangoWrapMode, pango_layout_get_wrap)
WATCH_CHANGE_VALUE (pango_layout_set_indent, int, pango_layout_get_indent)
WATCH_CHANGE_VALUE (pango_layout_set_alignment, PangoAlignment, pango_layout_get_alignment)
WATCH_CHANGE_VALUE (pango_layout_set_justify, gboolean, pango_layout_get_justify)

void
pango_layout_set_font_description (PangoLayout *layout, const PangoFontDescription *desc)
{
  const PangoFontDescription *old;
  REAL (pango_layout_set_font_description);

  old = pango_layout_get_font_description (layout);
  if (WATCHING () && old != desc && (old == NULL || desc == NULL || !pango_font_description_equal (old, desc)))
    watch_changed (layout);
  real_pango_layout_set_font_description (layout, desc);
}

/* ---- Walking the content's text --------------------------------------------------------------------------- *
 *
 * One walk over an RkBookletContent feeds both the floor and the HTML file, so both carry the same text: the cover
 * fields; a contents line per part and per rule document; each rule version's title, version line and every
 * section's number, heading and body; each form's heading and its fields (label and choices); each meeting's date,
 * name, topics and decisions; the roster's groups and every cell of every row; each Gantt row as its description
 * (code, title, months, status: the label column's text and the months the header spells); each indicator page's
 * heading, title, definition terms and every point's period and value; each review item. Each part starts a page.
 * Every text is set in the face the booklet sets it in (a table header in Gothic bold, a Gantt row in Gothic, …):
 * the PDF embeds a subset of each face with the glyphs used, and writing those subsets is a third of the time, so
 * the floor must embed the same ones (it does: the subsets of both PDFs are the same size within 1%). */

typedef enum {
  STYLE_COVER_TITLE,
  STYLE_COVER_LINE,
  STYLE_PART_TITLE,
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_ITEM,
  STYLE_TOC,
  STYLE_CAPTION,
  STYLE_CELL,
  STYLE_HEADER_CELL,
  STYLE_GOTHIC_CELL,
  STYLE_FOOTER,
  N_STYLES
} Style;

/* The booklet's faces, sizes and line gaps (rk-booklet-pdf.c: PART_SIZE, SECTION_SIZE, TABLE_SIZE, LINE_GAP). */
static const struct {
  RkPdfFace   face;
  double      size;
  gboolean    bold;
  double      space_before;
  double      line_gap;
  const char *tag;
} styles[N_STYLES] = {
  [STYLE_COVER_TITLE] = { RK_PDF_FACE_GOTHIC, 24.0, TRUE, 180.0, 0.0, "h1" },
  [STYLE_COVER_LINE] = { RK_PDF_FACE_GOTHIC, 14.0, FALSE, 24.0, 0.0, "p" },
  [STYLE_PART_TITLE] = { RK_PDF_FACE_GOTHIC, 16.0, TRUE, 0.0, 0.0, "h1" },
  [STYLE_TITLE] = { RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, 0.0, 0.0, "h2" },
  [STYLE_HEADING] = { RK_PDF_FACE_GOTHIC, 11.5, TRUE, 12.0, 0.0, "h3" },
  [STYLE_SUBHEADING] = { RK_PDF_FACE_GOTHIC, RK_PDF_BODY_SIZE, FALSE, 5.0, 0.0, "h4" },
  [STYLE_BODY] = { RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, 3.5, 3.5, "p" },
  [STYLE_ITEM] = { RK_PDF_FACE_MINCHO, 9.5, FALSE, 2.0, 2.0, "li" },
  [STYLE_TOC] = { RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, 6.0, 0.0, "p" },
  [STYLE_CAPTION] = { RK_PDF_FACE_GOTHIC, 9.5, FALSE, 3.0, 0.0, "p" },
  [STYLE_CELL] = { RK_PDF_FACE_MINCHO, 9.5, FALSE, 0.0, 2.0, "td" },
  /* Table headers (策定の経過, 委員名簿, a Gantt chart's STEP rows) are Gothic bold; a Gantt chart's task rows, a
   * form's labels and an indicator's terms Gothic: rk-booklet-pdf.c, rk-roster-pdf.c, rk-gantt.c, rk-form-pdf.c. */
  [STYLE_HEADER_CELL] = { RK_PDF_FACE_GOTHIC, 9.5, TRUE, 0.0, 2.0, "th" },
  [STYLE_GOTHIC_CELL] = { RK_PDF_FACE_GOTHIC, 9.5, FALSE, 0.0, 2.0, "td" },
  /* The page numbers (rk-pdf.c). */
  [STYLE_FOOTER] = { RK_PDF_FACE_MINCHO, 9.0, FALSE, 0.0, 0.0, "p" },
};

typedef struct {
  void (*part)      (gpointer data, const char *label);   /* a part starts, on a new page */
  void (*paragraph) (gpointer data, Style style, double indent, const char *text);
  /* @cell_styles: the style of each cell */
  void (*row)       (gpointer data, const char *const *cells, const double *widths, guint n, const Style *cell_styles);
} Sink;

static void
walk_paragraphs (const Sink *sink,
                 gpointer    data,
                 Style       style,
                 double      indent,
                 const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      sink->paragraph (data, style, indent, lines[i]);
}

static void
walk_rules (const Sink           *sink,
            gpointer              data,
            const RkBookletRules *rules,
            gboolean              forms)
{
  g_autofree char *version = g_strjoin ("  ", rules->version_label ? rules->version_label : "",
                                        rules->status_label ? rules->status_label : "",
                                        rules->effective_label ? rules->effective_label : "", NULL);

  if (!forms)
    {
      sink->paragraph (data, STYLE_PART_TITLE, 0, rules->document_title);
      sink->paragraph (data, STYLE_TITLE, 0, version);
    }
  for (guint i = 0; i < rules->sections->len; i++)
    {
      const RkRuleExportSection *s = g_ptr_array_index (rules->sections, i);
      g_autofree char *heading = g_strdup_printf ("%s\u3000%s", s->number ? s->number : "", s->heading ? s->heading : "");
      gboolean is_form = s->kind == RK_RULE_SECTION_FORM;
      double indent = s->depth * RK_PDF_BODY_SIZE;

      if (is_form != forms)
        continue;
      sink->paragraph (data, s->depth == 0 ? STYLE_HEADING : STYLE_SUBHEADING, indent, heading);
      walk_paragraphs (sink, data, STYLE_BODY, indent + (s->depth == 0 ? 0 : RK_PDF_BODY_SIZE), s->body);
      if (is_form)
        for (guint f = 0; f < s->fields->len; f++)
          {
            const RkFormField *field = g_ptr_array_index (s->fields, f);
            g_auto(GStrv) choices = rk_form_field_dup_choices (field);
            g_autofree char *boxes = g_strjoinv ("  □", choices);
            g_autofree char *joined = choices[0] != NULL ? g_strconcat ("□", boxes, NULL) : g_strdup ("");
            static const double widths[] = { 0.3, 0.7 };

            sink->row (data, (const char *const[]) { field->label, joined }, widths, 2,
                       (const Style[]) { STYLE_GOTHIC_CELL, STYLE_CELL });
          }
    }
}

static void
walk_content (const RkBookletContent *content,
              const Sink             *sink,
              gpointer                data)
{
  for (guint p = 0; p < content->parts->len; p++)
    {
      const RkBookletContentPart *part = &g_array_index (content->parts, RkBookletContentPart, p);

      sink->part (data, part->kind == RK_BOOKLET_PART_COVER || part->kind == RK_BOOKLET_PART_RULES
                          ? NULL : rk_booklet_part_kind_to_label (part->kind));
      switch (part->kind)
        {
        case RK_BOOKLET_PART_COVER:
          sink->paragraph (data, STYLE_COVER_TITLE, 0, content->title);
          sink->paragraph (data, STYLE_COVER_LINE, 0, content->edition);
          sink->paragraph (data, STYLE_COVER_LINE, 0, content->issue_label);
          sink->paragraph (data, STYLE_COVER_LINE, 0, content->publisher);
          break;

        case RK_BOOKLET_PART_CONTENTS:
          for (guint q = 0, n = 0; q < content->parts->len; q++)
            {
              const RkBookletContentPart *other = &g_array_index (content->parts, RkBookletContentPart, q);
              g_autofree char *line = NULL;

              if (other->kind == RK_BOOKLET_PART_COVER || other->kind == RK_BOOKLET_PART_CONTENTS)
                continue;
              line = g_strdup_printf ("%s …… %u", other->kind == RK_BOOKLET_PART_RULES && other->rules
                                                    ? other->rules->document_title
                                                    : rk_booklet_part_kind_to_label (other->kind), ++n);
              sink->paragraph (data, STYLE_HEADING, 0, line);
              for (guint i = 0; other->rules != NULL && i < other->rules->sections->len; i++)
                {
                  const RkRuleExportSection *section = g_ptr_array_index (other->rules->sections, i);
                  gboolean is_form = section->kind == RK_RULE_SECTION_FORM;

                  if (is_form != (other->kind == RK_BOOKLET_PART_FORMS) || (!is_form && section->depth > 0))
                    continue;
                  g_free (line);
                  line = g_strdup_printf ("%s\u3000%s …… %u", section->number, section->heading, ++n);
                  sink->paragraph (data, STYLE_TOC, RK_PDF_BODY_SIZE, line);
                }
            }
          break;

        case RK_BOOKLET_PART_RULES:
        case RK_BOOKLET_PART_FORMS:
          if (part->rules != NULL)
            walk_rules (sink, data, part->rules, part->kind == RK_BOOKLET_PART_FORMS);
          break;

        case RK_BOOKLET_PART_HISTORY:
          {
            static const double widths[] = { 0.2, 0.32, 0.48 };
            const char *const header[] = { "開催日", "会議", "主な協議事項・決定事項" };

            sink->row (data, header, widths, 3, (const Style[]) { STYLE_HEADER_CELL, STYLE_HEADER_CELL, STYLE_HEADER_CELL });
            for (guint i = 0; content->history != NULL && i < content->history->len; i++)
              {
                const RkBookletMeeting *m = g_ptr_array_index (content->history, i);
                g_autoptr(GString) topics = g_string_new (NULL);

                for (guint t = 0; m->topics != NULL && m->topics[t] != NULL; t++)
                  g_string_append_printf (topics, "%s・%s", topics->len > 0 ? "\n" : "", m->topics[t]);
                if (m->decisions != NULL && m->decisions[0] != NULL)
                  g_string_append_printf (topics, "%s【決定事項】", topics->len > 0 ? "\n" : "");
                for (guint d = 0; m->decisions != NULL && m->decisions[d] != NULL; d++)
                  g_string_append_printf (topics, "\n・%s", m->decisions[d]);
                sink->row (data, (const char *const[]) { m->date_label, m->name, topics->str }, widths, 3,
                           (const Style[]) { STYLE_CELL, STYLE_CELL, STYLE_CELL });
              }
          }
          break;

        case RK_BOOKLET_PART_ROSTER:
          for (guint g = 0; content->roster != NULL && g < content->roster->groups->len; g++)
            {
              const RkRosterGroup *group = g_ptr_array_index (content->roster->groups, g);
              static const double widths[] = { 0.1, 0.18, 0.27, 0.15, 0.12, 0.18 };
              const char *const header[] = { "役割", "氏名", "所属", "役職", "区分", "任期" };

              sink->paragraph (data, STYLE_HEADING, 0, group->name);
              if (group->tier != NULL)
                sink->paragraph (data, STYLE_CAPTION, 0, group->tier);
              sink->row (data, header, widths, 6, (const Style[]) { STYLE_HEADER_CELL, STYLE_HEADER_CELL,
                                                                  STYLE_HEADER_CELL, STYLE_HEADER_CELL,
                                                                  STYLE_HEADER_CELL, STYLE_HEADER_CELL });
              for (guint r = 0; r < group->rows->len; r++)
                {
                  const RkRosterRow *row = g_ptr_array_index (group->rows, r);
                  g_autofree char *name = g_strdup_printf ("%s\n%s", row->kana ? row->kana : "", row->name);

                  sink->row (data, (const char *const[]) { row->role, name, row->organisation, row->title,
                                                           row->member_type, row->term },
                             widths, 6, (const Style[]) { STYLE_CELL, STYLE_CELL, STYLE_CELL, STYLE_CELL, STYLE_CELL,
                                                          STYLE_CELL });
                }
            }
          break;

        case RK_BOOKLET_PART_SCHEDULE:
          for (guint r = 0; content->gantt != NULL && r < rk_gantt_get_n_rows (content->gantt); r++)
            {
              g_autofree char *text = rk_gantt_describe_row (content->gantt, r);
              static const double widths[] = { 1.0 };

              sink->row (data, (const char *const[]) { text }, widths, 1,
                         (const Style[]) { rk_gantt_get_row_kind (content->gantt, r) == RK_GANTT_ROW_STEP
                                           ? STYLE_HEADER_CELL : STYLE_GOTHIC_CELL });
            }
          break;

        case RK_BOOKLET_PART_INDICATORS:
          for (guint c = 0; content->charts != NULL && c < content->charts->len; c++)
            {
              const RkIndicatorChartPage *page = g_ptr_array_index (content->charts, c);
              static const double widths[] = { 0.25, 0.75 };

              if (c > 0)
                sink->part (data, NULL);
              if (page->heading != NULL)
                sink->paragraph (data, STYLE_CAPTION, 0, page->heading);
              sink->paragraph (data, STYLE_HEADING, 0, page->chart->title);
              for (guint t = 0; t < page->n_terms; t++)
                sink->row (data, (const char *const[]) { page->terms[t].term, page->terms[t].value }, widths, 2,
                           (const Style[]) { STYLE_HEADER_CELL, STYLE_BODY });
              for (guint i = 0; i < page->chart->n_points; i++)
                {
                  g_autofree char *value = rk_indicator_chart_format_value (page->chart, page->chart->points[i].value);
                  g_autofree char *line = g_strdup_printf ("%s  %s", page->chart->points[i].label, value);

                  sink->paragraph (data, STYLE_CAPTION, 0, line);
                }
            }
          break;

        case RK_BOOKLET_PART_REVIEW:
          for (guint i = 0; content->review != NULL && i < content->review->len; i++)
            {
              const RkBookletReviewItem *item = g_ptr_array_index (content->review, i);

              sink->paragraph (data, STYLE_HEADING, 0, item->heading);
              walk_paragraphs (sink, data, STYLE_BODY, 0, item->text);
            }
          break;

        default:
          break;
        }
    }
}

/* ---- b. The floor ------------------------------------------------------------------------------------------ */

typedef struct {
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];
  double                left, top, width, height; /* the text block of every page (left binding) */
  double                y;                        /* in the text block of the current page */
  guint                 page;                     /* pages begun */
  guint                 n_layouts;
  guint                 n_chars;
  gboolean              page_empty;
} Floor;

static PangoLayout *
floor_layout (Floor      *floor,
              Style       style,
              double      width,
              const char *text)
{
  PangoLayout *layout = pango_layout_new (floor->context);

  pango_layout_set_font_description (layout, floor->fonts[style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  floor->n_layouts++;
  floor->n_chars += g_utf8_strlen (text, -1);
  return layout;
}

/* The page number in the footer, as the booklet prints one on every page after the cover. */
static void
floor_finish_page (Floor *floor)
{
  if (floor->page > 1)
    {
      g_autofree char *text = g_strdup_printf ("- %u -", floor->page - 1);
      g_autoptr(PangoLayout) layout = floor_layout (floor, STYLE_FOOTER, floor->width, text);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cairo_move_to (floor->cr, floor->left, floor->top + floor->height + RK_PDF_MM (8));
      pango_cairo_show_layout (floor->cr, layout);
    }
  cairo_show_page (floor->cr);
}

static void
floor_new_page (Floor *floor)
{
  if (floor->page > 0)
    floor_finish_page (floor);
  floor->page++;
  floor->y = 0;
  floor->page_empty = TRUE;
}

static void
floor_part (gpointer    data,
            const char *label)
{
  Floor *floor = data;

  if (!floor->page_empty || floor->page == 0)
    floor_new_page (floor);
  if (label != NULL)
    {
      g_autoptr(PangoLayout) layout = floor_layout (floor, STYLE_PART_TITLE, floor->width, label);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      cairo_move_to (floor->cr, floor->left, floor->top);
      pango_cairo_show_layout (floor->cr, layout);
      floor->y = logical.height / (double) PANGO_SCALE + 12.0;
      floor->page_empty = FALSE;
    }
}

static void
floor_paragraph (gpointer    data,
                 Style       style,
                 double      indent,
                 const char *text)
{
  Floor *floor = data;
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;

  if (text == NULL || text[0] == '\0')
    return;
  layout = floor_layout (floor, style, floor->width - indent, text);
  if (!floor->page_empty)
    floor->y += styles[style].space_before;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      if (floor->y + height > floor->height && !floor->page_empty)
        floor_new_page (floor);
      cairo_move_to (floor->cr, floor->left + indent, floor->top + floor->y + baseline);
      pango_cairo_show_layout_line (floor->cr, pango_layout_iter_get_line_readonly (iter));
      floor->y += height + styles[style].line_gap;
      floor->page_empty = FALSE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
floor_row (gpointer           data,
           const char *const *cells,
           const double      *widths,
           guint              n,
           const Style       *cell_styles)
{
  Floor *floor = data;
  PangoLayout *layouts[8] = { NULL };
  double height = 0, x = 0;

  g_assert (n <= G_N_ELEMENTS (layouts));
  for (guint i = 0; i < n; i++)
    {
      PangoRectangle logical;

      layouts[i] = floor_layout (floor, cell_styles[i], widths[i] * floor->width - 8, cells[i] ? cells[i] : "");
      pango_layout_set_spacing (layouts[i], (int) (styles[cell_styles[i]].line_gap * PANGO_SCALE));
      pango_layout_get_extents (layouts[i], NULL, &logical);
      height = MAX (height, logical.height / (double) PANGO_SCALE + 8);
    }
  if (floor->y + height > floor->height && !floor->page_empty)
    floor_new_page (floor);
  for (guint i = 0; i < n; i++)
    {
      cairo_move_to (floor->cr, floor->left + x + 4, floor->top + floor->y + 4);
      pango_cairo_show_layout (floor->cr, layouts[i]);
      x += widths[i] * floor->width;
      g_object_unref (layouts[i]);
    }
  floor->y += height;
  floor->page_empty = FALSE;
}

static const Sink floor_sink = { floor_part, floor_paragraph, floor_row };

typedef struct {
  double ms;
  guint  natural_pages; /* what the text needed; the rest up to the booklet's count carry only a page number */
  guint  n_layouts;
  guint  n_chars;
} FloorResult;

static FloorResult
floor_run (const RkBookletContent *content,
           guint                   n_pages,
           const char             *path)
{
  Floor floor = { 0 };
  FloorResult result = { 0 };
  RkPdfMargins margins;
  cairo_font_options_t *options;
  double start = now_ms ();

  rk_pdf_margins_init_default (&margins);
  floor.left = margins.inner;
  floor.top = margins.top;
  floor.width = RK_PDF_A4_WIDTH - margins.inner - margins.outer;
  floor.height = RK_PDF_A4_HEIGHT - margins.top - margins.bottom;
  floor.surface = cairo_pdf_surface_create (path, RK_PDF_A4_WIDTH, RK_PDF_A4_HEIGHT);
  floor.cr = cairo_create (floor.surface);
  /* The context the booklet's document uses (rk-pdf.c): 72 dpi, no hinting. */
  floor.context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (floor.context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (floor.context, options);
  cairo_font_options_destroy (options);
  for (guint i = 0; i < N_STYLES; i++)
    {
      floor.fonts[i] = pango_font_description_new ();
      pango_font_description_set_family_static (floor.fonts[i], rk_pdf_face_get_family (styles[i].face, NULL));
      pango_font_description_set_size (floor.fonts[i], (int) (styles[i].size * PANGO_SCALE + 0.5));
      pango_font_description_set_weight (floor.fonts[i], styles[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    }
  cairo_set_source_rgb (floor.cr, 0, 0, 0);

  walk_content (content, &floor_sink, &floor);
  result.natural_pages = floor.page;
  while (floor.page < n_pages)
    floor_new_page (&floor);
  floor_finish_page (&floor);

  cairo_destroy (floor.cr);
  cairo_surface_finish (floor.surface);
  g_assert_cmpint (cairo_surface_status (floor.surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (floor.surface);
  for (guint i = 0; i < N_STYLES; i++)
    pango_font_description_free (floor.fonts[i]);
  g_object_unref (floor.context);

  result.ms = now_ms () - start;
  result.n_layouts = floor.n_layouts;
  result.n_chars = floor.n_chars;
  return result;
}

/* ---- c. The same content as HTML, for LibreOffice ----------------------------------------------------------- */

typedef struct {
  GString *html;
  gboolean in_list;
  gboolean in_table;
} Html;

static void
html_close (Html *html)
{
  if (html->in_list)
    g_string_append (html->html, "</ul>\n");
  if (html->in_table)
    g_string_append (html->html, "</table>\n");
  html->in_list = html->in_table = FALSE;
}

static void
html_part (gpointer    data,
           const char *label)
{
  Html *html = data;
  g_autofree char *escaped = label ? g_markup_escape_text (label, -1) : NULL;

  html_close (html);
  if (html->html->len > 0 && strstr (html->html->str, "<body>") != NULL)
    g_string_append (html->html, "<div style=\"page-break-before: always\"></div>\n");
  if (label != NULL)
    g_string_append_printf (html->html, "<h1>%s</h1>\n", escaped);
}

static void
html_paragraph (gpointer    data,
                Style       style,
                double      indent,
                const char *text)
{
  Html *html = data;
  g_autofree char *escaped = NULL;
  const char *tag = styles[style].tag;

  if (text == NULL || text[0] == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  if (g_str_equal (tag, "li") != html->in_list || html->in_table)
    {
      gboolean list = g_str_equal (tag, "li");

      html_close (html);
      if (list)
        g_string_append (html->html, "<ul>\n");
      html->in_list = list;
    }
  if (indent > 0 && !html->in_list)
    g_string_append_printf (html->html, "<%s style=\"margin-left: %.1fpt\">%s</%s>\n", tag, indent, escaped, tag);
  else
    g_string_append_printf (html->html, "<%s>%s</%s>\n", tag, escaped, tag);
}

static void
html_row (gpointer           data,
          const char *const *cells,
          const double      *widths,
          guint              n,
          const Style       *cell_styles)
{
  Html *html = data;

  if (!html->in_table)
    {
      html_close (html);
      g_string_append (html->html, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n");
      html->in_table = TRUE;
    }
  g_string_append (html->html, "<tr>");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[i] ? cells[i] : "", -1);
      g_autofree char *with_breaks = NULL;
      g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

      with_breaks = g_strjoinv ("<br>", lines);
      g_string_append_printf (html->html, "<%s width=\"%d%%\">%s</%s>", styles[cell_styles[i]].tag,
                              (int) (widths[i] * 100), with_breaks, styles[cell_styles[i]].tag);
    }
  g_string_append (html->html, "</tr>\n");
}

static const Sink html_sink = { html_part, html_paragraph, html_row };

static void
write_html (const RkBookletContent *content,
            const char             *path)
{
  Html html = { g_string_new (NULL) };
  g_autofree char *title = g_markup_escape_text (content->title, -1);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  walk_content (content, &html_sink, &html);
  html_close (&html);
  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n"
                          "<style>\n"
                          "@page { size: 210mm 297mm; margin: 20mm 20mm 20mm 25mm; }\n"
                          "body { font-family: '%s'; font-size: %.1fpt; text-align: justify; }\n"
                          "h1, h2, h3, h4, td, th { font-family: '%s'; }\n"
                          "h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }"
                          " h4 { font-size: 10.5pt; } td, th { font-size: 9pt; }\n"
                          "</style>\n</head>\n<body>\n",
                          title, rk_pdf_face_get_family (RK_PDF_FACE_MINCHO, NULL), RK_PDF_BODY_SIZE,
                          rk_pdf_face_get_family (RK_PDF_FACE_GOTHIC, NULL));
  g_string_append (out, html.html->str);
  g_string_append (out, "</body>\n</html>\n");
  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    g_error ("%s", error->message);
  g_string_free (out, TRUE);
  g_string_free (html.html, TRUE);
}

/* ---- Child processes: the real command, and LibreOffice --------------------------------------------------- */

typedef struct {
  double ms;
  long   max_rss_kb;
  int    status;
} ChildResult;

/* Runs @argv with stdout and stderr to /dev/null (unless @show_errors), no display, and waits for it with wait4() so
 * the peak RSS is this child's alone. */
static ChildResult
run_child (const char *const *argv,
           gboolean           show_errors)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  ChildResult result = { 0 };
  struct rusage usage = { 0 };
  GPid pid;
  int wait_status = 0;
  double start;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  start = now_ms ();
  if (!g_spawn_async (NULL, (char **) argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                        | (show_errors ? 0 : G_SPAWN_STDERR_TO_DEV_NULL),
                      NULL, NULL, &pid, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (wait4 (pid, &wait_status, 0, &usage) != pid)
    g_error ("wait4 failed");
  result.ms = now_ms () - start;
  result.max_rss_kb = usage.ru_maxrss;
  result.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_spawn_close_pid (pid);
  return result;
}

/* `renkei export-booklet` @repeat times after one warm-up: median wall time, largest peak RSS. */
static ChildResult
time_cli (const char *council,
          const char *pdf,
          guint       repeat)
{
  const char *const argv[] = { g_getenv ("RK_RENKEI"), "export-booklet", council, "-o", pdf, NULL };
  g_autofree double *times = g_new (double, repeat);
  ChildResult result = { 0 };

  for (guint i = 0; i <= repeat; i++)
    {
      ChildResult run = run_child (argv, TRUE);

      if (run.status != 0)
        g_error ("renkei export-booklet %s failed (%d)", council, run.status);
      if (i == 0)
        continue;
      times[i - 1] = run.ms;
      result.max_rss_kb = MAX (result.max_rss_kb, run.max_rss_kb);
    }
  result.ms = rk_test_median (times, repeat);
  return result;
}

static gboolean
libreoffice_installed (void)
{
  g_autofree char *path = g_find_program_in_path ("libreoffice");

  return path != NULL;
}

/* Converts @html to PDF in @outdir with a private profile; returns the wall time, or < 0 when it failed. */
static double
time_libreoffice (const char *profile_uri,
                  const char *html,
                  const char *outdir,
                  int        *n_pages)
{
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *base = g_path_get_basename (html);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".html"));
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (outdir, pdf_name, NULL);
  const char *const argv[] = { "timeout", "300", "libreoffice", env, "--headless", "--convert-to", "pdf",
                               "--outdir", outdir, html, NULL };
  ChildResult run;

  g_unlink (pdf);
  run = run_child (argv, FALSE);
  if (run.status != 0 || !g_file_test (pdf, G_FILE_TEST_EXISTS))
    return -1;
  *n_pages = count_pages (pdf);
  return run.ms;
}

/* ---- The councils ------------------------------------------------------------------------------------------ */

typedef struct {
  const char       *name;
  char             *council;
  char             *pdf;
  char             *floor_pdf;
  char             *html;
  RkBookletContent *content;
  guint             n_parts;
  guint             n_rule_parts;
  guint             n_meetings;
  int               n_pages;
  guint             layouts_created;
  guint             relayouts;
  double            first_export_ms;
  double            first_floor_ms;
  double            export_ms;
  FloorResult       floor;
  ChildResult       cli;
  double            lo_ms;
  int               lo_pages;
} Case;

/* The saved composition with @extra more rule versions (older ones of every document, newest first) printed after
 * the rule part already there, saved so that `renkei export-booklet` prints the same. */
static void
compose (RkStore *store,
         guint    extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkBooklet) booklet = rk_store_get_booklet (store, &error);
  GListModel *documents = rk_store_get_rule_documents (store);
  int at;

  g_assert_no_error (error);
  at = rk_booklet_find_part (booklet, RK_BOOKLET_PART_RULES, 0);
  for (guint i = 0; i < booklet->parts->len && at < 0; i++)
    if (g_array_index (booklet->parts, RkBookletPart, i).kind == RK_BOOKLET_PART_RULES)
      at = (int) i;
  g_assert_cmpint (at, >=, 0);
  at++;
  for (guint round = 0; extra > 0; round++)
    {
      gboolean any = FALSE;

      for (guint d = 0; d < g_list_model_get_n_items (documents) && extra > 0; d++)
        {
          g_autoptr(RkRuleDocument) document = g_list_model_get_item (documents, d);
          GListModel *versions = rk_store_get_rule_versions (store, document);
          guint n = g_list_model_get_n_items (versions);
          g_autoptr(RkRuleVersion) version = NULL;
          gint64 id;

          if (round >= n)
            continue;
          any = TRUE;
          version = g_list_model_get_item (versions, n - 1 - round);
          g_object_get (version, "id", &id, NULL);
          if (rk_booklet_find_part (booklet, RK_BOOKLET_PART_RULES, id) >= 0)
            continue;
          rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, id);
          {
            /* add_part appends: move it next to the other rules */
            RkBookletPart part = g_array_index (booklet->parts, RkBookletPart, booklet->parts->len - 1);

            g_array_remove_index (booklet->parts, booklet->parts->len - 1);
            g_array_insert_val (booklet->parts, at++, part);
          }
          extra--;
        }
      if (!any)
        break;
    }
  if (!rk_store_save_booklet (store, booklet, &error))
    g_error ("saving the composition: %s", error->message);
}

static void
case_load (Case       *c,
           guint       years,
           guint       extra_versions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkBooklet) booklet = NULL;

  c->council = g_strdup_printf ("%s/%s.renkei", tmpdir, c->name);
  c->pdf = g_strdup_printf ("%s/%s.pdf", tmpdir, c->name);
  c->floor_pdf = g_strdup_printf ("%s/%s-floor.pdf", tmpdir, c->name);
  c->html = g_strdup_printf ("%s/%s.html", tmpdir, c->name);
  if (!rk_store_write_generated (c->council, years, 1, &error))
    g_error ("%s", error->message);
  store = rk_store_open (c->council, &error);
  g_assert_no_error (error);
  if (extra_versions > 0)
    compose (store, extra_versions);
  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  c->content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  c->n_parts = c->content->parts->len;
  for (guint i = 0; i < c->content->parts->len; i++)
    if (g_array_index (c->content->parts, RkBookletContentPart, i).kind == RK_BOOKLET_PART_RULES)
      c->n_rule_parts++;
  c->n_meetings = c->content->history ? c->content->history->len : 0;
  for (guint i = 0; i < c->content->warnings->len; i++)
    g_print ("# %s: content warning: %s\n", c->name, (const char *) g_ptr_array_index (c->content->warnings, i));
  if (!rk_store_close (store, &error))
    g_error ("%s", error->message);
}

static double
export_once (Case *c)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  if (!rk_booklet_export (c->content, c->pdf, NULL, NULL, NULL, &error))
    g_error ("%s: %s", c->name, error->message);
  return now_ms () - start;
}

static void
case_time (Case  *c,
           guint  repeat)
{
  g_autofree double *export_times = g_new (double, repeat);
  g_autofree double *floor_times = g_new (double, repeat);

  /* The warm-up of each is also the run that counts pages and watches the layouts. */
  c->first_floor_ms = floor_run (c->content, 0, c->floor_pdf).ms;
  measured_layouts = g_hash_table_new (NULL, NULL);
  n_layouts_created = n_relayouts = 0;
  watching = TRUE;
  c->first_export_ms = export_once (c);
  watching = FALSE;
  g_clear_pointer (&measured_layouts, g_hash_table_unref);
  c->layouts_created = n_layouts_created;
  c->relayouts = n_relayouts;
  c->n_pages = count_pages (c->pdf);

  /* Alternating, so that anything slowing the machine down for a while weighs on both. */
  for (guint i = 0; i < repeat; i++)
    {
      export_times[i] = export_once (c);
      c->floor = floor_run (c->content, (guint) c->n_pages, c->floor_pdf);
      floor_times[i] = c->floor.ms;
    }
  c->export_ms = rk_test_median (export_times, repeat);
  c->floor.ms = rk_test_median (floor_times, repeat);
}

/* Where the time goes: each part of the small booklet exported on its own (median of 3 after a warm-up), against the
 * floor of the same part. Diagnostic only: no target. */
static void
case_profile_parts (Case *c)
{
  GArray *all = c->content->parts;
  g_autofree char *path = g_strdup_printf ("%s/part.pdf", tmpdir);

  for (guint p = 0; p < all->len; p++)
    {
      RkBookletContentPart part = g_array_index (all, RkBookletContentPart, p);
      GArray *one = g_array_new (FALSE, FALSE, sizeof (RkBookletContentPart));
      double export_times[3], floor_times[3];
      int n_pages;

      g_array_append_val (one, part);
      c->content->parts = one;
      export_once (c);
      for (guint i = 0; i < 3; i++)
        export_times[i] = export_once (c);
      n_pages = count_pages (c->pdf);
      floor_run (c->content, (guint) n_pages, path);
      for (guint i = 0; i < 3; i++)
        floor_times[i] = floor_run (c->content, (guint) n_pages, path).ms;
      c->content->parts = all;
      g_array_unref (one);
      g_print ("# %s: part %u (%s) alone: %d pages, export %.1f ms, floor %.1f ms, ratio %.2f\n", c->name, p,
               rk_booklet_part_kind_to_label (part.kind), n_pages, rk_test_median (export_times, 3),
               rk_test_median (floor_times, 3), rk_test_median (export_times, 3) / rk_test_median (floor_times, 3));
    }
}

static void
case_clear (Case *c)
{
  g_free (c->council);
  g_free (c->pdf);
  g_free (c->floor_pdf);
  g_free (c->html);
  rk_booklet_content_free (c->content);
}

static void
report_case (const Case *c)
{
  g_print ("# %s: %d pages (%u parts, %u rule versions, %u meetings in 策定の経過)\n", c->name, c->n_pages, c->n_parts,
           c->n_rule_parts, c->n_meetings);
  g_print ("# %s: rk_booklet_export %.1f ms median (%.2f ms/page); first run in the process %.1f ms\n", c->name,
           c->export_ms, c->export_ms / c->n_pages, c->first_export_ms);
  g_print ("# %s: floor %.1f ms median (%.2f ms/page; %u layouts, %u characters; the text fills %u pages, the "
           "other %d carry a page number); first run %.1f ms\n",
           c->name, c->floor.ms, c->floor.ms / c->n_pages, c->floor.n_layouts, c->floor.n_chars,
           c->floor.natural_pages, MAX (0, c->n_pages - (int) c->floor.natural_pages), c->first_floor_ms);
  g_print ("# %s: booklet / floor = %.2f\n", c->name, c->export_ms / c->floor.ms);
  g_print ("# %s: `renkei export-booklet` (whole process: start-up, fonts, reading the council, export) %.1f ms "
           "median, peak RSS %.1f MiB\n", c->name, c->cli.ms, c->cli.max_rss_kb / 1024.0);
  g_print ("# %s: during one export %u PangoLayouts were created, %u laid out again after being measured "
           "(the floor needs %u for the same text)\n", c->name, c->layouts_created, c->relayouts, c->floor.n_layouts);
  if (c->lo_ms > 0)
    g_print ("# %s: LibreOffice %.1f ms (%d pages from the HTML); LibreOffice / `renkei export-booklet` = %.1f\n",
             c->name, c->lo_ms, c->lo_pages, c->lo_ms / c->cli.ms);
}

int
main (void)
{
  const char *env = g_getenv ("RK_BENCH_REPEAT");
  guint repeat = env != NULL ? MAX (1, (guint) g_ascii_strtoull (env, NULL, 10)) : 7;
  Case small = { .name = "booklet-60" }, big = { .name = "booklet-600" };
  gboolean have_lo = libreoffice_installed ();

  setlocale (LC_ALL, "");
  tmpdir = g_dir_make_tmp ("renkei-bench-booklet-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("RK_TODAY", "2025-10-01", TRUE);

  g_print ("# fonts: %s / %s\n", rk_pdf_face_get_family (RK_PDF_FACE_MINCHO, NULL),
           rk_pdf_face_get_family (RK_PDF_FACE_GOTHIC, NULL));
  case_load (&small, SMALL_YEARS, SMALL_EXTRA_VERSIONS);
  case_load (&big, BIG_YEARS, BIG_EXTRA_VERSIONS);
  case_time (&small, repeat);
  case_time (&big, MAX (1, repeat / 3));

  if (g_getenv ("RK_BENCH_PARTS") != NULL)
    case_profile_parts (&small);

  small.cli = time_cli (small.council, small.pdf, 3);
  big.cli = time_cli (big.council, big.pdf, 1);

  if (have_lo)
    {
      g_autofree char *profile = g_build_filename (tmpdir, "lo-profile", NULL);
      g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
      g_autofree char *outdir = g_build_filename (tmpdir, "lo", NULL);
      int warm_pages = 0;

      write_html (small.content, small.html);
      write_html (big.content, big.html);
      g_mkdir (outdir, 0700);
      /* The warm-up creates the profile and fills the disk cache. */
      if (time_libreoffice (profile_uri, small.html, outdir, &warm_pages) < 0)
        g_print ("# LibreOffice failed to convert %s: comparison skipped\n", small.html), have_lo = FALSE;
      if (have_lo)
        {
          small.lo_ms = time_libreoffice (profile_uri, small.html, outdir, &small.lo_pages);
          big.lo_ms = time_libreoffice (profile_uri, big.html, outdir, &big.lo_pages);
        }
    }
  else
    g_print ("# LibreOffice not installed: comparison skipped\n");

  report_case (&small);
  report_case (&big);

  g_print ("1..%d\n", have_lo ? 8 : 6);
  check (small.export_ms < TARGET_SMALL_MS, "%d-page booklet exported in %.1f ms (target < %.0f ms)",
         small.n_pages, small.export_ms, TARGET_SMALL_MS);
  check (small.export_ms / small.floor.ms <= TARGET_FLOOR_RATIO, "%d pages: booklet / floor = %.2f (target ≤ %.1f)",
         small.n_pages, small.export_ms / small.floor.ms, TARGET_FLOOR_RATIO);
  check (big.export_ms / big.floor.ms <= TARGET_FLOOR_RATIO, "%d pages: booklet / floor = %.2f (target ≤ %.1f)",
         big.n_pages, big.export_ms / big.floor.ms, TARGET_FLOOR_RATIO);
  if (have_lo)
    {
      check (small.lo_ms > 0 && small.lo_ms / small.cli.ms >= TARGET_LO_SMALL,
             "%d pages: LibreOffice %.0f ms / renkei export-booklet %.0f ms = %.1f (target ≥ %.0f)", small.n_pages,
             small.lo_ms, small.cli.ms, small.lo_ms / small.cli.ms, TARGET_LO_SMALL);
      check (big.lo_ms > 0 && big.lo_ms / big.cli.ms >= TARGET_LO_BIG,
             "%d pages: LibreOffice %.0f ms / renkei export-booklet %.0f ms = %.1f (target ≥ %.0f)", big.n_pages,
             big.lo_ms, big.cli.ms, big.lo_ms / big.cli.ms, TARGET_LO_BIG);
    }
  check ((double) big.cli.max_rss_kb <= TARGET_RSS_RATIO * small.cli.max_rss_kb,
         "peak RSS %.1f MiB for %d pages, %.1f MiB for %d pages: ratio %.2f (target ≤ %.1f)",
         big.cli.max_rss_kb / 1024.0, big.n_pages, small.cli.max_rss_kb / 1024.0, small.n_pages,
         (double) big.cli.max_rss_kb / small.cli.max_rss_kb, TARGET_RSS_RATIO);
  check (small.relayouts == 0 && small.layouts_created > 0, "%d pages: no layout laid out twice (%u layouts, %u relayouts)",
         small.n_pages, small.layouts_created, small.relayouts);
  check (big.relayouts == 0 && big.layouts_created > 0, "%d pages: no layout laid out twice (%u layouts, %u relayouts)",
         big.n_pages, big.layouts_created, big.relayouts);

  case_clear (&small);
  case_clear (&big);
  if (g_getenv ("RK_BENCH_KEEP") != NULL)
    g_print ("# the councils, PDFs and HTML files are kept in %s\n", tmpdir);
  else
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", tmpdir);
    }
  g_free (tmpdir);
  return n_failed > 0 ? 1 : 0;
}

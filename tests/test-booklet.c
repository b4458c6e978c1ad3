/* test-booklet.c — the typeset booklet (rk-booklet-pdf.c), read back with poppler-glib: the cover, the table of
 * contents against the pages its entries name, the outline, links, fonts, metadata, line breaking, cancelling, a
 * section of a megabyte, and the demo council's booklet. */

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "rk-booklet.h"
#include "rk-store.h"
#include "rk-test-core.h"

#define TITLE     "みなと市 急変時・救急搬送時の連携ルール"
#define EDITION   "第2版"
#define ISSUE     "令和7年(2025年)4月"
#define PUBLISHER "みなと市在宅医療・救急医療連携協議会"
#define VERSION   7

/* ---- Helpers: files and text ------------------------------------------------------------------------------ */

/* What squeezed text leaves out: ASCII spaces, ideographic spaces and line breaks (poppler guesses spaces from glyph
 * gaps, and a heading or a cell may wrap). */
#define SPACES " \u3000\n\r"

/* The text whose glyphs' centres fall inside @area (in PDF space, origin bottom left, as link areas are), squeezed.
 * poppler_page_get_text_for_area() selects as a mouse does, in reading order, and picks up text outside. */
static char *
text_in_link_area (PopplerPage            *page,
                   const PopplerRectangle *area)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_rects = 0, i = 0;
  double width, height;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      double x = (rects[i].x1 + rects[i].x2) / 2, y = height - (rects[i].y1 + rects[i].y2) / 2;

      if (x >= area->x1 && x <= area->x2 && y >= MIN (area->y1, area->y2) && y <= MAX (area->y1, area->y2))
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether every word of @words (split where poppler saw a gap) is in @squeezed_text: a heading "第1　目的" reads
 * as two blocks of text. */
static gboolean
has_words (const char *squeezed_text,
           const char *words)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[ \u3000\n]+", words, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && strstr (squeezed_text, parts[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The page (0-based) a destination of a link or an outline entry leads to, or -1. */
static int
dest_page_top (PopplerDocument *pdf,
               PopplerDest     *dest,
               double          *top)
{
  PopplerDest *found;
  int page;

  if (dest == NULL)
    return -1;
  if (dest->type != POPPLER_DEST_NAMED)
    found = poppler_dest_copy (dest);
  else
    found = poppler_document_find_dest (pdf, dest->named_dest);
  if (found == NULL)
    return -1;
  page = found->page_num - 1;
  if (top != NULL)
    *top = found->top;
  poppler_dest_free (found);
  return page;
}

static int
dest_page (PopplerDocument *pdf,
           PopplerDest     *dest)
{
  return dest_page_top (pdf, dest, NULL);
}

/* The line of text that starts at @top (PDF space) on page @index: what a destination points at. */
static char *
text_at (PopplerDocument *pdf,
         int              index,
         double           top)
{
  g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, index);
  PopplerRectangle band = { 0, top - 18, 10000, top + 1 };
  g_autofree char *raw = text_in_link_area (page, &band);

  return rk_test_strip (raw, SPACES);
}

/* The physical page that prints "- @n -" in its footer is @n + @offset: the cover and the contents come first. */
static int
find_body_offset (PopplerDocument *pdf)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = rk_test_pdf_page_text (pdf, i, SPACES);

      if (g_str_has_suffix (text, "-1-") || strstr (text, "-1-") != NULL)
        return i - 1;
    }
  return -1;
}

static void
assert_lines_well_broken (PopplerDocument *pdf)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *raw = rk_test_pdf_page_text (pdf, i, NULL);
      g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *line = lines[l];

          while (*line == ' ')
            line++;
          if (g_str_has_prefix (line, "、") || g_str_has_prefix (line, "。") || g_str_has_prefix (line, "」"))
            g_error ("page %d: a line starts with a closing mark: “%s”", i + 1, line);
        }
    }
}

static void
assert_fonts_embedded_subset (PopplerDocument *pdf)
{
  g_autoptr(RkTestPdfFontInfo) info = poppler_font_info_new (pdf);
  PopplerFontsIter *fonts = NULL;
  guint n = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &fonts));
  g_assert_nonnull (fonts);
  do
    {
      g_assert_nonnull (strstr (poppler_fonts_iter_get_name (fonts), "Noto"));
      g_assert_true (poppler_fonts_iter_is_embedded (fonts));
      g_assert_true (poppler_fonts_iter_is_subset (fonts));
      n++;
    }
  while (poppler_fonts_iter_next (fonts));
  poppler_fonts_iter_free (fonts);
  g_assert_cmpuint (n, >=, 2); /* Mincho and Gothic */
}

/* Every outline title, depth first, into @titles; each entry must lead to a page. */
static void
collect_outline (PopplerDocument  *pdf,
                 PopplerIndexIter *iter,
                 GPtrArray        *titles,
                 GArray           *pages)
{
  do
    {
      g_autoptr(RkTestPdfAction) action = poppler_index_iter_get_action (iter);
      g_autoptr(RkTestPdfIndexIter) child = NULL;
      int page;

      g_assert_nonnull (action);
      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      page = dest_page (pdf, action->goto_dest.dest);
      g_assert_cmpint (page, >=, 0);
      g_ptr_array_add (titles, rk_test_strip (action->any.title, SPACES));
      g_array_append_val (pages, page);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        collect_outline (pdf, child, titles, pages);
    }
  while (poppler_index_iter_next (iter));
}

static gboolean
strv_has (GPtrArray  *titles,
          const char *title)
{
  g_autofree char *want = rk_test_strip (title, SPACES);

  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), want) == 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  char *title;     /* squeezed */
  char *words;     /* as read, with the gaps poppler saw */
  int   number;    /* the page number printed */
  int   target;    /* the physical page the entry's link leads to */
  double top;      /* where on it (PDF space) */
} TocRow;

static void
toc_row_clear (gpointer data)
{
  g_free (((TocRow *) data)->title);
  g_free (((TocRow *) data)->words);
}

/* The rows of the contents on pages 1 … @offset: each link's area read back as "title … n". */
static GArray *
read_contents (PopplerDocument *pdf,
               int              offset)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (TocRow));

  g_array_set_clear_func (rows, toc_row_clear);
  for (int i = 1; i <= offset; i++)
    {
      g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, i);
      GList *links = poppler_page_get_link_mapping (page);

      /* The mapping lists links last first. */
      links = g_list_reverse (links);
      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;
          g_autofree char *raw = text_in_link_area (page, &mapping->area);
          g_autofree char *flat = rk_test_strip (raw, SPACES);
          TocRow row = { 0 };
          char *digits;

          g_assert_cmpint (mapping->action->type, ==, POPPLER_ACTION_GOTO_DEST);
          digits = flat + strlen (flat);
          while (digits > flat && g_ascii_isdigit (digits[-1]))
            digits--;
          g_assert_true (*digits != '\0');
          row.number = atoi (digits);
          *digits = '\0';
          row.title = g_strdup (flat);
          row.words = g_strdup (raw);
          g_strchomp (row.words);
          while (row.words[0] != '\0' && g_ascii_isdigit (row.words[strlen (row.words) - 1]))
            row.words[strlen (row.words) - 1] = '\0';
          row.target = dest_page_top (pdf, mapping->action->goto_dest.dest, &row.top);
          g_array_append_val (rows, row);
        }
      poppler_page_free_link_mapping (links);
    }
  return rows;
}

/* Every link in the document (apart from the contents) resolves to a page; returns how many there are. */
static guint
count_body_links (PopplerDocument *pdf,
                  int              offset)
{
  guint n = 0;

  for (int i = offset + 1; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, i);
      GList *links = poppler_page_get_link_mapping (page);

      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;

          g_assert_cmpint (mapping->action->type, ==, POPPLER_ACTION_GOTO_DEST);
          g_assert_cmpint (dest_page (pdf, mapping->action->goto_dest.dest), >=, 0);
          n++;
        }
      poppler_page_free_link_mapping (links);
    }
  return n;
}

/* Parts built on their own and appended print their own title (or none, the forms): their entry in the contents
 * leads to their first page. */
static gboolean
is_annex (const char *squeezed_title)
{
  static const RkBookletPartKind annexes[] = { RK_BOOKLET_PART_FORMS, RK_BOOKLET_PART_ROSTER,
                                               RK_BOOKLET_PART_SCHEDULE, RK_BOOKLET_PART_INDICATORS };

  for (guint i = 0; i < G_N_ELEMENTS (annexes); i++)
    {
      g_autofree char *label = rk_test_strip (rk_booklet_part_kind_to_label (annexes[i]), SPACES);

      if (g_str_equal (label, squeezed_title))
        return TRUE;
    }
  return FALSE;
}

/* The checks every booklet passes; returns the body offset. */
static int
check_booklet (PopplerDocument        *pdf,
               const RkBookletContent *content,
               guint                   min_toc_rows)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) outline_pages = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(RkTestPdfIndexIter) index = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *cover = rk_test_pdf_page_text (pdf, 0, SPACES);
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  int offset = find_body_offset (pdf);
  g_autoptr(GRegex) brackets = g_regex_new ("[【】]", 0, 0, NULL);

  /* The cover. */
  for (const char *const *s = (const char *const[]) { content->title, content->edition, content->issue_label,
                                                      content->publisher, NULL };
       *s != NULL; s++)
    {
      g_autofree char *want = rk_test_strip (*s, SPACES);

      g_assert_nonnull (strstr (cover, want));
    }
  g_assert_null (strstr (cover, "-1-"));

  /* The contents: after the cover, unnumbered; each entry's number is the page its heading is on. */
  g_assert_cmpint (offset, >=, 1);
  rows = read_contents (pdf, offset);
  g_assert_cmpuint (rows->len, >=, min_toc_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const TocRow *row = &g_array_index (rows, TocRow, i);
      g_autofree char *target = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *footer = g_strdup_printf ("-%d-", row->number);

      g_assert_cmpint (row->target, ==, row->number + offset);
      /* The heading is where the entry leads (an annex built on its own: at the top of the page). */
      heading = text_at (pdf, row->target, row->top);
      target = rk_test_pdf_page_text (pdf, row->target, SPACES);
      /* A form prints its number in brackets: 【様式1】救急医療情報シート. */
      {
        g_autofree char *plain = g_regex_replace_literal (brackets, target, -1, 0, "", 0, NULL);

        g_free (target);
        target = g_steal_pointer (&plain);
      }
      if (!g_str_has_prefix (heading, row->title) && !has_words (target, row->words) && !is_annex (row->title))
        g_error ("contents entry “%s” (page %d): not found there but “%s”", row->title, row->number, heading);
      g_assert_nonnull (strstr (target, footer));
    }

  /* The outline has every entry of the contents, on the same page. */
  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  collect_outline (pdf, index, titles, outline_pages);
  for (guint i = 0; i < rows->len; i++)
    {
      const TocRow *row = &g_array_index (rows, TocRow, i);
      gboolean found = FALSE;

      for (guint j = 0; j < titles->len && !found; j++)
        found = g_str_equal (g_ptr_array_index (titles, j), row->title) &&
                g_array_index (outline_pages, int, j) == row->target;
      if (!found)
        g_error ("contents entry “%s” has no outline entry on page %d", row->title, row->target + 1);
    }
  /* … and every heading of the rules. */
  for (guint p = 0; p < content->parts->len; p++)
    {
      const RkBookletContentPart *part = &g_array_index (content->parts, RkBookletContentPart, p);

      if (part->kind != RK_BOOKLET_PART_RULES && part->kind != RK_BOOKLET_PART_FORMS)
        continue;
      for (guint i = 0; i < part->rules->sections->len; i++)
        {
          const RkRuleExportSection *section = g_ptr_array_index (part->rules->sections, i);
          g_autofree char *heading = g_strconcat (section->number, section->heading, NULL);

          if (section->heading == NULL || *section->heading == '\0' ||
              (section->kind == RK_RULE_SECTION_FORM) != (part->kind == RK_BOOKLET_PART_FORMS))
            continue;
          if (!strv_has (titles, heading))
            g_error ("no outline entry for “%s”", heading);
        }
    }

  /* Metadata. */
  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  g_assert_cmpstr (title, ==, content->title);
  g_assert_cmpstr (author, ==, content->publisher);
  created = poppler_document_get_creation_date_time (pdf);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_to_unix (created), ==, g_date_time_to_unix (content->creation_date));
  {
    g_autofree char *subject = poppler_document_get_subject (pdf);

    g_assert_nonnull (subject);
    g_assert_cmpstr (subject, !=, "");
  }

  assert_fonts_embedded_subset (pdf);
  assert_lines_well_broken (pdf);
  return offset;
}

/* ---- Helpers: content built by hand ----------------------------------------------------------------------- */

static RkRuleExportSection *
section_new (const char        *uid,
             const char        *parent_uid,
             guint              depth,
             const char        *number,
             const char        *citation,
             const char        *heading,
             const char        *body,
             RkRuleSectionKind  kind)
{
  RkRuleExportSection *section = g_new0 (RkRuleExportSection, 1);

  section->uid = g_strdup (uid);
  section->parent_uid = g_strdup (parent_uid);
  section->depth = depth;
  section->number = g_strdup (number);
  section->citation = g_strdup (citation);
  section->heading = g_strdup (heading);
  section->body_source = g_strdup (body);
  section->kind = kind;
  section->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_form_field_free);
  return section;
}

static char *
lookup_in (const char *uid,
           gpointer    user_data)
{
  GPtrArray *sections = user_data;

  for (guint i = 0; i < sections->len; i++)
    {
      RkRuleExportSection *section = g_ptr_array_index (sections, i);

      if (g_str_equal (section->uid, uid))
        return g_strdup (section->citation);
    }
  return NULL;
}

static void
add_field (RkRuleExportSection *form,
           const char          *label,
           RkFormFieldKind      kind,
           const char          *choices)
{
  RkFormField *field = g_new0 (RkFormField, 1);

  field->position = form->fields->len;
  field->label = g_strdup (label);
  field->kind = kind;
  field->choices = g_strdup (choices);
  g_ptr_array_add (form->fields, field);
}

/* A paragraph of @n sentences. */
static char *
sentences (guint n,
           guint seed)
{
  static const char *const pool[] = {
    "在宅療養中の患者が急変した場合、家族等は、かかりつけ医に連絡し、指示を受けるものとする。",
    "救急隊は、現場到着後、本人の意思を記載した書面の有無を確認する。",
    "かかりつけ医が概ね45分以内に到着できる場合、救急隊は医師の到着を待つものとする。",
    "医療機関及び介護事業所は、令和7年(2025年)4月1日以降、情報提供書を用いて連携する。",
    "「人生の最終段階における医療・ケア」についての本人の意向は、書面又は口頭により確認する。",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, pool[(seed + i) % G_N_ELEMENTS (pool)]);
  return g_string_free (out, FALSE);
}

static RkBookletRules *
make_rules (void)
{
  RkBookletRules *rules = g_new0 (RkBookletRules, 1);
  g_autofree char *long_body = NULL;
  g_autofree char *para1 = sentences (6, 0);
  g_autofree char *para2 = sentences (9, 2);
  g_autofree char *para3 = sentences (40, 1);
  RkRuleExportSection *form;

  rules->version_id = VERSION;
  rules->document_title = g_strdup ("急変時・救急搬送時の連携ルール");
  rules->version_label = g_strdup (EDITION);
  rules->status_label = g_strdup ("運用中");
  rules->effective_label = g_strdup ("令和7年(2025年)4月1日施行");
  rules->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_rule_export_section_free);

  long_body = g_strdup_printf ("%s{{ref:purpose}}に定める目的を踏まえ、{{ref:scope-1}}の者を対象とする。%s\n%s"
                               "詳細は{{ref:form-sheet}}を用いる。{{ref:nosuch}}は参照先がない。\n%s",
                               para1, para2, para3, para1);

  g_ptr_array_add (rules->sections, section_new ("purpose", NULL, 0, "第1", "第1", "目的",
                                                 "この要綱は、在宅療養中の患者が急変した場合における関係機関の連携の"
                                                 "手順を定め、本人の意思を尊重した救急医療を提供することを目的とする。",
                                                 RK_RULE_SECTION_TEXT));
  g_ptr_array_add (rules->sections, section_new ("scope", NULL, 0, "第2", "第2", "対象", NULL,
                                                 RK_RULE_SECTION_TEXT));
  g_ptr_array_add (rules->sections, section_new ("scope-1", "scope", 1, "1", "第2の1", "対象者",
                                                 "在宅で療養し、かかりつけ医による訪問診療を受けている者とする。",
                                                 RK_RULE_SECTION_TEXT));
  g_ptr_array_add (rules->sections, section_new ("scope-1-1", "scope-1", 2, "(1)", "第2の1の(1)", "",
                                                 "外因性の心肺停止（交通事故・自傷・他害）の場合は、この限りでない。"
                                                 "{{ref:procedure}}の手順によらず、通常の救急活動を行う。",
                                                 RK_RULE_SECTION_TEXT));
  g_ptr_array_add (rules->sections, section_new ("scope-1-1-a", "scope-1-1", 3, "ア", "第2の1の(1)のア", "",
                                                 "短期入院の者", RK_RULE_SECTION_TEXT));
  g_ptr_array_add (rules->sections, section_new ("procedure", NULL, 0, "第3", "第3", "急変時の連絡の手順",
                                                 long_body, RK_RULE_SECTION_TEXT));
  g_ptr_array_add (rules->sections, section_new ("review", NULL, 0, "第4", "第4", "見直し",
                                                 "このルールは、毎年度、運用状況を検証し、必要に応じて見直すものとする。",
                                                 RK_RULE_SECTION_TEXT));
  form = section_new ("form-sheet", NULL, 0, "様式1", "様式1", "救急医療情報シート", "", RK_RULE_SECTION_FORM);
  add_field (form, "氏名(ふりがな)", RK_FORM_FIELD_TEXT, "");
  add_field (form, "生年月日", RK_FORM_FIELD_DATE, "");
  add_field (form, "性別", RK_FORM_FIELD_CHOICE, "男\n女");
  g_ptr_array_add (rules->sections, form);
  form = section_new ("form-consent", NULL, 0, "様式2", "様式2", "同意書", "", RK_RULE_SECTION_FORM);
  add_field (form, "氏名", RK_FORM_FIELD_TEXT, "");
  add_field (form, "記入日", RK_FORM_FIELD_DATE, "");
  g_ptr_array_add (rules->sections, form);

  for (guint i = 0; i < rules->sections->len; i++)
    {
      RkRuleExportSection *section = g_ptr_array_index (rules->sections, i);

      section->body = rk_rule_render_body (section->body_source, lookup_in, rules->sections);
    }
  return rules;
}

/* The content a store would give, built by hand: this file tests the typesetting, not the reading. */
typedef struct {
  RkBookletContent *content;
  GListStore       *tasks;
} HandContent;

static const RkIndicatorChartPoint chart_points[] = { { "令和5年度", 18.2 }, { "令和6年度", 19.5 } };
static const RkIndicatorChartData chart_data = {
  .title = "自宅死の割合", .unit = "%", .points = chart_points, .n_points = 2, .has_baseline = TRUE,
  .baseline = 18.0, .baseline_label = "令和4年度", .has_target = TRUE, .target = 25.0, .target_label = "令和9年度",
  .higher_is_better = TRUE, .status = RK_INDICATOR_CHART_STATUS_ON_TRACK, .decimals = -1,
};
static const RkIndicatorChartTerm chart_terms[] = { { "定義", "自宅での死亡数 / 死亡数 × 100" } };
static const RkIndicatorChartPage chart_page = { &chart_data, "在宅での看取り", chart_terms, 1 };

static void
add_part (RkBookletContent  *content,
          RkBookletPartKind  kind,
          RkBookletRules    *rules)
{
  RkBookletContentPart part = { kind, rules };

  g_array_append_val (content->parts, part);
}

static HandContent *
hand_content_new (RkBookletRules *rules,
                  gboolean        everything)
{
  HandContent *hand = g_new0 (HandContent, 1);
  RkBookletContent *c = hand->content = rk_booklet_content_new ();
  GDate today;

  c->title = g_strdup (TITLE);
  c->edition = g_strdup (EDITION);
  c->issue_label = g_strdup (ISSUE);
  c->publisher = g_strdup (PUBLISHER);
  c->municipality = g_strdup ("みなと市");
  /* The chart page here is static, not one the content may free. */
  g_ptr_array_set_free_func (c->charts, NULL);
  c->creation_date = g_date_time_new_local (2025, 4, 1, 0, 0, 0);
  g_ptr_array_add (c->rules, rules);

  add_part (c, RK_BOOKLET_PART_COVER, NULL);
  add_part (c, RK_BOOKLET_PART_CONTENTS, NULL);
  add_part (c, RK_BOOKLET_PART_RULES, rules);
  if (!everything)
    return hand;

  add_part (c, RK_BOOKLET_PART_FORMS, rules);
  add_part (c, RK_BOOKLET_PART_HISTORY, NULL);
  add_part (c, RK_BOOKLET_PART_ROSTER, NULL);
  add_part (c, RK_BOOKLET_PART_SCHEDULE, NULL);
  add_part (c, RK_BOOKLET_PART_INDICATORS, NULL);
  add_part (c, RK_BOOKLET_PART_REVIEW, NULL);

  for (guint i = 0; i < 14; i++)
    {
      RkBookletMeeting *meeting = g_new0 (RkBookletMeeting, 1);
      const char *topics[] = { "急変時の連絡体制について", "救急医療情報シートの様式について",
                               "在宅医療と救急医療の連携に関する課題の整理", NULL };
      const char *decisions[] = { "連絡体制の素案を了承した。", "様式は次回までに事務局が修正する。", NULL };

      meeting->date_label = g_strdup_printf ("令和%u年(%u年)%u月%u日", 6 + i / 6, 2024 + i / 6, 4 + i % 6 * 2,
                                             10 + i);
      meeting->name = g_strdup_printf ("第%u回 みなと市在宅医療・救急医療連携協議会", i + 1);
      meeting->topics = g_strdupv ((char **) topics);
      meeting->decisions = i % 3 == 2 ? NULL : g_strdupv ((char **) decisions);
      g_ptr_array_add (c->history, meeting);
    }

  g_date_set_dmy (&today, 1, 4, 2025);
  c->roster = rk_roster_new (PUBLISHER, "みなと市", &today);
  {
    RkRosterGroup *group = rk_roster_add_group (c->roster, PUBLISHER, "中枢会議");
    RkRosterRow row = { "会長", "山田 太郎", "やまだ たろう", "みなと市医師会", "会長", "医師会", "" };

    rk_roster_group_add_row (group, &row);
    row.role = "委員";
    row.name = "佐藤 花子";
    row.kana = "さとう はなこ";
    row.organisation = "みなと市消防本部";
    row.member_type = "消防機関";
    rk_roster_group_add_row (group, &row);
  }

  hand->tasks = g_list_store_new (RK_TYPE_TASK);
  c->gantt = rk_gantt_new (G_LIST_MODEL (hand->tasks), RK_GANTT_ZOOM_MONTH, &today);
  g_ptr_array_add (c->charts, (gpointer) &chart_page);

  {
    RkBookletReviewItem *item = g_new0 (RkBookletReviewItem, 1);

    item->heading = g_strdup ("運用状況の把握");
    item->text = g_strdup ("協議会は、毎年度、救急搬送の件数及び在宅での看取りの状況を把握する。\n"
                           "把握した結果は、協議会において報告する。");
    g_ptr_array_add (c->review, item);
    item = g_new0 (RkBookletReviewItem, 1);
    item->heading = g_strdup ("ルールの見直し");
    item->text = g_strdup ("このルールは、運用状況を踏まえ、概ね3年ごとに見直すものとする。");
    g_ptr_array_add (c->review, item);
  }
  return hand;
}

static void
hand_content_free (HandContent *hand)
{
  /* The content first: its Gantt chart holds the tasks. */
  rk_booklet_content_free (hand->content);
  g_clear_object (&hand->tasks);
  g_free (hand);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandContent, hand_content_free)

typedef struct {
  double   last;
  guint    calls;
  double   cancel_at;
  GCancellable *cancellable;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  if (p->cancellable != NULL && fraction >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

/* ---- Tests ------------------------------------------------------------------------------------------------- */

static void
test_booklet_hand (void)
{
  g_autoptr(HandContent) hand = hand_content_new (make_rules (), TRUE);
  const RkBookletContent *content = hand->content;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkPdfDocument) preview = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-booklet-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "冊子.pdf", NULL);
  Progress progress = { 0 };
  RkPdfMetadata metadata;
  gint64 start;
  int offset, n_pages;
  guint n_links;

  start = g_get_monotonic_time ();
  g_assert_true (rk_booklet_export (content, path, NULL, on_progress, &progress, &error));
  g_assert_no_error (error);
  g_test_message ("booklet exported in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 5);
  rk_test_keep_file (path, "booklet-hand.pdf");

  pdf = rk_test_open_pdf (path);
  n_pages = poppler_document_get_n_pages (pdf);
  /* cover, contents, 3+ pages of rules, 2 forms, history, roster, schedule, chart, review */
  g_assert_cmpint (n_pages, >=, 12);
  offset = check_booklet (pdf, content, 12);

  /* The contents list the parts and the rules' top-level sections, in order. */
  rows = read_contents (pdf, offset);
  {
    static const char *const expected[] = { "急変時・救急搬送時の連携ルール", "第1目的", "第2対象", "第3急変時の連絡の手順",
                                            "第4見直し", "Forms", "様式1救急医療情報シート", "様式2同意書",
                                            "DraftingHistory", "MemberList", "Schedule", "Indicators",
                                            "OperationandReview" };

    g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (g_array_index (rows, TocRow, i).title, ==, expected[i]);
    /* The body starts on page "- 1 -"; the schedule's pages are landscape. */
    g_assert_cmpint (g_array_index (rows, TocRow, 0).number, ==, 1);
    {
      g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, g_array_index (rows, TocRow, 10).target);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (width, >, height);
    }
  }

  /* The version line under the title, a section without heading with its number in front, the missing
   * reference. */
  {
    g_autofree char *first = rk_test_pdf_page_text (pdf, offset + 1, SPACES);

    g_assert_true (has_words (first, "第2版 運用中 令和7年(2025年)4月1日施行"));
    g_assert_true (has_words (first, "(1) 外因性の心肺停止"));
    g_assert_true (has_words (first, "ア 短期入院の者"));
  }

  /* Cross-references link to the cited section: 第1, 第2の1, 第3 and 様式1, one each. */
  n_links = count_body_links (pdf, offset);
  g_assert_cmpuint (n_links, >=, 4);
  {
    guint found_purpose = 0, found_scope = 0, found_form = 0, found_procedure = 0;

    for (int i = offset + 1; i < n_pages; i++)
      {
        g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, i);
        GList *links = poppler_page_get_link_mapping (page);

        for (GList *l = links; l != NULL; l = l->next)
          {
            PopplerLinkMapping *mapping = l->data;
            g_autofree char *raw = text_in_link_area (page, &mapping->area);
            g_autofree char *flat = rk_test_strip (raw, SPACES);
            double top = 0;
            int to = dest_page_top (pdf, mapping->action->goto_dest.dest, &top);
            g_autofree char *target = text_at (pdf, to, top);

            /* The link sits over the citation, and leads to the cited heading. */
            if (g_str_equal (flat, "第1"))
              {
                g_assert_cmpstr (target, ==, "第1目的");
                found_purpose++;
              }
            else if (g_str_equal (flat, "第2の1"))
              {
                g_assert_cmpstr (target, ==, "1対象者");
                found_scope++;
              }
            else if (g_str_equal (flat, "様式1"))
              {
                g_autofree char *page = rk_test_pdf_page_text (pdf, to, SPACES);

                g_assert_nonnull (strstr (page, "救急医療情報シート"));
                found_form++;
              }
            else if (g_str_equal (flat, "第3"))
              {
                g_assert_cmpstr (target, ==, "第3急変時の連絡の手順");
                found_procedure++;
              }
          }
        poppler_page_free_link_mapping (links);
      }
    g_assert_cmpuint (found_purpose, ==, 1);
    g_assert_cmpuint (found_scope, ==, 1);
    g_assert_cmpuint (found_form, ==, 1);
    g_assert_cmpuint (found_procedure, ==, 1);
  }
  /* A reference to a section that is not there reads as missing and links nowhere. */
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (int i = offset + 1; i < n_pages; i++)
      {
        g_autofree char *text = rk_test_pdf_page_text (pdf, i, SPACES);

        g_string_append (all, text);
      }
    g_assert_nonnull (strstr (all->str, "(missingreference)は参照先がない"));
    g_assert_null (strstr (all->str, "{{ref:"));
  }

  /* The preview is the same booklet. */
  preview = rk_booklet_build (content, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview);
  g_assert_cmpuint (rk_pdf_document_get_n_pages (preview), ==, n_pages);

  rk_booklet_get_metadata (content, &metadata);
  g_assert_cmpstr (metadata.title, ==, TITLE);
  g_assert_cmpstr (metadata.author, ==, PUBLISHER);
  g_assert_true (metadata.creation_date == content->creation_date);

  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  rk_test_remove_tree (dir);
}

/* Parts with nothing to print are left out, and the contents stay right. */
static void
test_booklet_empty_parts (void)
{
  g_autoptr(HandContent) hand = hand_content_new (make_rules (), TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-booklet-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "冊子.pdf", NULL);
  int offset;

  g_ptr_array_set_size (hand->content->history, 0);
  g_ptr_array_set_size (hand->content->charts, 0);
  g_clear_pointer (&hand->content->gantt, rk_gantt_free);

  g_assert_true (rk_booklet_export (hand->content, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  pdf = rk_test_open_pdf (path);
  offset = check_booklet (pdf, hand->content, 8);
  rows = read_contents (pdf, offset);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = g_array_index (rows, TocRow, i).title;

      g_assert_cmpstr (title, !=, "DraftingHistory");
      g_assert_cmpstr (title, !=, "Schedule");
      g_assert_cmpstr (title, !=, "Indicators");
    }
  rk_test_remove_tree (dir);
}

static void
test_booklet_cancel (void)
{
  g_autoptr(HandContent) hand = hand_content_new (make_rules (), TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-booklet-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "冊子.pdf", NULL);
  g_autofree char *old = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *contents = NULL;
  Progress progress = { .cancel_at = 0.3, .cancellable = cancellable };

  /* Cancelled half-way: no file. */
  g_assert_false (rk_booklet_export (hand->content, path, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 0);

  /* An existing file stays as it was. */
  g_assert_true (g_file_set_contents (old, "the old booklet", -1, NULL));
  g_cancellable_reset (cancellable);
  progress.last = 0;
  g_assert_false (rk_booklet_export (hand->content, old, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old booklet");
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);

  /* The preview too. */
  g_assert_null (rk_booklet_build (hand->content, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  rk_test_remove_tree (dir);
}

/* A section of a megabyte of text: split into layouts of bounded size, it flows over pages in a bounded time. */
static void
test_booklet_huge_section (void)
{
  g_autoptr(HandContent) hand = hand_content_new (make_rules (), FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-booklet-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "冊子.pdf", NULL);
  RkBookletRules *rules = g_ptr_array_index (hand->content->rules, 0);
  RkRuleExportSection *section = g_ptr_array_index (rules->sections, 0);
  guint n_chars;
  gint64 start;
  double seconds;
  int n_pages;

  while (huge->len < 1024 * 1024)
    {
      g_autofree char *more = sentences (5, huge->len);

      g_string_append (huge, more);
    }
  /* One paragraph with a reference in the middle. */
  g_string_insert (huge, huge->len / 2, "{{ref:review}}");
  n_chars = g_utf8_strlen (huge->str, -1);
  g_free (section->body_source);
  g_free (section->body);
  section->body_source = g_strdup (huge->str);
  section->body = rk_rule_render_body (section->body_source, lookup_in, rules->sections);

  start = g_get_monotonic_time ();
  g_assert_true (rk_booklet_export (hand->content, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a section of %zu bytes (%u characters) exported in %.2f s", huge->len, n_chars, seconds);

  pdf = rk_test_open_pdf (path);
  n_pages = poppler_document_get_n_pages (pdf);
  /* About 43 characters a line, 38 lines a page. */
  g_test_message ("%d pages", n_pages);
  g_assert_cmpint (n_pages, >, n_chars / (46 * 42));
  g_assert_cmpint (n_pages, <, n_chars / (38 * 34) + 10);
  g_assert_cmpfloat (seconds, <, 30);
  {
    /* A page in the middle is full text; its lines break well. */
    g_autofree char *raw = rk_test_pdf_page_text (pdf, n_pages / 3, NULL);
    g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), >, 30);
  }
  assert_lines_well_broken (pdf);
  rk_test_remove_tree (dir);
}

/* The demo council's booklet, as the store composes it. */
static void
test_booklet_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkPdfDocument) preview = NULL;
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-booklet-XXXXXX");
  g_autofree char *council = g_build_filename (dir, "demo.renkei", NULL);
  g_autofree char *path = g_build_filename (dir, "冊子.pdf", NULL);
  gint64 start;
  double ms;

  store = rk_test_open_demo (council);
  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);

  start = g_get_monotonic_time ();
  g_assert_true (rk_booklet_export (content, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  rk_test_keep_file (path, "booklet-demo.pdf");

  pdf = rk_test_open_pdf (path);
  g_test_message ("the demo booklet: %d pages in %.1f ms", poppler_document_get_n_pages (pdf), ms);
  check_booklet (pdf, content, 5);

  preview = rk_booklet_build (content, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_pdf_document_get_n_pages (preview), ==, poppler_document_get_n_pages (pdf));

  g_clear_object (&store);
  rk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rk_test_core_init (&argc, &argv, NULL, "2025-10-01");

  g_test_add_func ("/booklet/hand", test_booklet_hand);
  g_test_add_func ("/booklet/empty-parts", test_booklet_empty_parts);
  g_test_add_func ("/booklet/cancel", test_booklet_cancel);
  g_test_add_func ("/booklet/huge-section", test_booklet_huge_section);
  g_test_add_func ("/booklet/demo", test_booklet_demo);

  return rk_test_core_run ();
}

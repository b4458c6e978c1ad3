/* test-roster-pdf.c — the shared PDF machinery (rk-pdf) and the printed 委員名簿, read back with poppler-glib. */

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "rk-body.h"
#include "rk-catalog.h"
#include "rk-council.h"
#include "rk-era.h"
#include "rk-pdf.h"
#include "rk-roster-pdf.h"
#include "rk-store-members.h"
#include "rk-store.h"
#include "rk-test-core.h"

#define COUNCIL "みなと市在宅医療・救急医療連携推進協議会"
#define AS_OF   "令和7年(2025年)4月1日"

/* ---- Helpers ----------------------------------------------------------------------------------------------- */

/* No extracted line may start with 、 or 。 (kinsoku), and every era date on a line is whole: the date is never
 * split across lines. */
static void
assert_lines_well_broken (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GRegex) whole = g_regex_new ("^(令和|平成)(元|[0-9]+)年\\([0-9]{4}年\\)[0-9]{1,2}月[0-9]{1,2}日", 0, 0, NULL);
  guint n_dates = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *p;

      if (g_str_has_prefix (line, "、") || g_str_has_prefix (line, "。"))
        g_error ("line %u starts with a comma or full stop: “%s”", i, lines[i]);
      for (p = strstr (line, "令和"); p != NULL; p = strstr (p + 1, "令和"))
        {
          if (!g_regex_match (whole, p, 0, NULL))
            g_error ("a date is split at the end of line %u: “%s”", i, lines[i]);
          n_dates++;
        }
    }
  g_assert_cmpuint (n_dates, >, 0);
}

/* ---- rk-pdf ------------------------------------------------------------------------------------------------ */

static void
test_pdf_fonts (void)
{
  static const char *const missing[] = { "No Such Font Renkei", NULL };
  static const char *const present[] = { "No Such Font Renkei", "Noto Sans CJK JP", NULL };
  gboolean fell_back = TRUE;

  g_assert_cmpstr (rk_pdf_face_get_family (RK_PDF_FACE_MINCHO, &fell_back), ==, "Noto Serif CJK JP");
  g_assert_false (fell_back);
  g_assert_cmpstr (rk_pdf_face_get_family (RK_PDF_FACE_GOTHIC, &fell_back), ==, "Noto Sans CJK JP");
  g_assert_false (fell_back);
  /* A missing face falls back gracefully. */
  g_assert_cmpstr (rk_pdf_pick_family (missing, "serif"), ==, "serif");
  g_assert_cmpstr (rk_pdf_pick_family (present, "serif"), ==, "Noto Sans CJK JP");
}

/* At every width from narrow to wide, a date, a number with its unit and 第8版 stay on one line. */
static void
test_pdf_keep_together (void)
{
  static const char *const runs[] = { AS_OF, "令和7年度(2025年度)", "22.1%", "第8版", "45分", "2025年4月1日" };
  const char *text = "協議会は" AS_OF "に設置され、令和7年度(2025年度)から消防機関の参加率22.1%を参考に、"
                     "第8版の改訂では到着まで45分以内の場合を定め、2025年4月1日から運用した。";
  g_autoptr(RkPdfDocument) doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  guint n_breaks_seen = 0;

  for (double width = 40; width <= 400; width += 3)
    {
      g_autoptr(PangoLayout) layout = rk_pdf_document_new_layout (doc, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE,
                                                                  width, text);
      GSList *lines = pango_layout_get_lines_readonly (layout);

      n_breaks_seen += g_slist_length (lines) - 1;
      for (GSList *l = lines; l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          int start = line->start_index, end = line->start_index + line->length;

          for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
            {
              const char *at = strstr (text, runs[r]);
              int run_start = at - text, run_end = run_start + strlen (runs[r]);

              /* A line may not begin or end strictly inside a run. */
              if ((start > run_start && start < run_end) || (end > run_start && end < run_end))
                g_error ("width %.0f: “%s” is broken across lines", width, runs[r]);
            }
          g_assert_false (g_str_has_prefix (text + start, "、"));
          g_assert_false (g_str_has_prefix (text + start, "。"));
        }
    }
  g_assert_cmpuint (n_breaks_seen, >, 100);
}

static void
draw_cross (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  guint *calls = user_data;

  (*calls)++;
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, width, height);
  cairo_stroke (cr);
}

/* A long paragraph flows over pages; links, destinations and outline entries land where they were put. */
static RkPdfDocument *
build_flow_document (guint *drawing_calls)
{
  RkPdfDocument *doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  GString *text = g_string_new (NULL);
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) paragraph = NULL;
  g_autoptr(PangoLayout) annex = NULL;
  g_autoptr(PangoLayout) cover = NULL;
  RkPdfFlow flow;
  double width;
  int parent;

  /* Numbered from the body's first page; the cover inserted before it at the end carries no number. */
  rk_pdf_document_set_page_numbers (doc, RK_PDF_PAGE_NUMBERS_OF_TOTAL, 0);
  rk_pdf_flow_init (&flow, doc);
  rk_pdf_document_get_content_size (doc, 0, &width, NULL);

  heading = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 14, TRUE, width, "第1 目的");
  rk_pdf_document_add_dest (doc, flow.page, "purpose", 0, flow.y);
  rk_pdf_document_add_link (doc, flow.page, 0, flow.y, 100, 20, "annex");
  rk_pdf_flow_add_block (&flow, 0, heading);

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (text, "この規則は、%sから施行し、救急搬送の際の情報共有について、関係機関の役割を定める。",
                            i % 3 == 0 ? AS_OF : "令和8年(2026年)10月31日");
  paragraph = rk_pdf_document_new_layout (doc, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, width, text->str);
  pango_layout_set_justify (paragraph, TRUE);
  g_string_free (text, TRUE);
  rk_pdf_flow_add_paragraph (&flow, 0, paragraph);

  rk_pdf_flow_new_page (&flow);
  annex = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 14, TRUE, width, "様式1");
  rk_pdf_document_add_dest (doc, flow.page, "annex", 0, flow.y);
  rk_pdf_flow_add_block (&flow, 0, annex);
  rk_pdf_document_add_drawing (doc, flow.page, 0, flow.y, 100, 50, draw_cross, drawing_calls, NULL);

  parent = rk_pdf_document_add_outline (doc, 0, "第1 目的", "purpose", TRUE);
  rk_pdf_document_add_outline (doc, parent, "様式1", "annex", FALSE);

  /* A cover typeset last and put first: the pages, their links and destinations move along. */
  cover = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 24, TRUE, width, "入退院支援ルール");
  rk_pdf_document_add_layout (doc, rk_pdf_document_insert_page (doc, 0, RK_PDF_PORTRAIT), 0, 200, cover);
  return doc;
}

static void
test_pdf_flow_links_outline (void)
{
  guint drawing_calls = 0;
  g_autoptr(RkPdfDocument) doc = build_flow_document (&drawing_calls);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfPage) first = NULL;
  g_autoptr(RkTestPdfIndexIter) index = NULL;
  g_autoptr(RkTestPdfIndexIter) child = NULL;
  g_autoptr(RkTestPdfAction) action = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  GList *links;
  guint n_pages = rk_pdf_document_get_n_pages (doc);
  g_autofree char *numbering = NULL;
  PopplerLinkMapping *mapping;
  PopplerDest *dest;

  g_assert_cmpuint (n_pages, >=, 5);
  bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drawing_calls, ==, 1);
  if (g_getenv ("RK_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("RK_KEEP_PDF"), "flow.pdf", NULL);

      g_assert_true (g_file_set_contents (keep, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    }
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, n_pages);

  text = rk_test_pdf_text (pdf, " ");
  assert_lines_well_broken (text);
  g_assert_nonnull (strstr (text, "第1目的"));
  g_assert_nonnull (strstr (text, "入退院支援ルール"));
  {
    g_autofree char *cover = rk_test_pdf_page_text (pdf, 0, " ");

    g_assert_nonnull (strstr (cover, "入退院支援ルール"));
    g_assert_null (strstr (cover, "/"));
  }
  /* Numbering starts at the second page, after the cover: "n / total" counts from there. */
  last_page = rk_test_pdf_page_text (pdf, n_pages - 1, " ");
  numbering = g_strdup_printf ("%u/%u", n_pages - 1, n_pages - 1);
  g_assert_nonnull (strstr (last_page, numbering));
  g_free (numbering);
  numbering = g_strdup_printf ("%u/%u", n_pages, n_pages - 1);
  g_assert_null (strstr (text, numbering));

  /* The link on the first page after the cover goes to the destination on the last page. */
  first = poppler_document_get_page (pdf, 1);
  links = poppler_page_get_link_mapping (first);
  g_assert_cmpuint (g_list_length (links), ==, 1);
  mapping = links->data;
  g_assert_cmpint (mapping->action->type, ==, POPPLER_ACTION_GOTO_DEST);
  dest = mapping->action->goto_dest.dest;
  if (dest->type == POPPLER_DEST_NAMED)
    dest = poppler_document_find_dest (pdf, dest->named_dest);
  else
    dest = poppler_dest_copy (dest);
  g_assert_nonnull (dest);
  g_assert_cmpint (dest->page_num, ==, n_pages);
  poppler_dest_free (dest);
  /* The link's area is where it was put: 100 × 20 pt at the text block's top-left (25 mm, 20 mm); cairo rounds
   * the annotation's /Rect outwards to whole points. */
  g_assert_cmpfloat_with_epsilon (mapping->area.x1, RK_PDF_MM (25), 1.0);
  g_assert_cmpfloat_with_epsilon (mapping->area.x2 - mapping->area.x1, 100, 2.0);
  g_assert_cmpfloat_with_epsilon (mapping->area.y2, RK_PDF_A4_HEIGHT - RK_PDF_MM (20), 1.0);
  poppler_page_free_link_mapping (links);

  /* Outline: 第1 目的 → page 2 (after the cover), with 様式1 under it → the last page. */
  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  action = poppler_index_iter_get_action (index);
  g_assert_cmpstr (action->any.title, ==, "第1 目的");
  g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
  dest = action->goto_dest.dest;
  dest = dest->type == POPPLER_DEST_NAMED ? poppler_document_find_dest (pdf, dest->named_dest)
                                          : poppler_dest_copy (dest);
  g_assert_cmpint (dest->page_num, ==, 2);
  poppler_dest_free (dest);
  child = poppler_index_iter_get_child (index);
  g_assert_nonnull (child);
  {
    g_autoptr(RkTestPdfAction) sub = poppler_index_iter_get_action (child);

    g_assert_cmpstr (sub->any.title, ==, "様式1");
    g_assert_cmpint (sub->type, ==, POPPLER_ACTION_GOTO_DEST);
    dest = sub->goto_dest.dest;
    dest = dest->type == POPPLER_DEST_NAMED ? poppler_document_find_dest (pdf, dest->named_dest)
                                            : poppler_dest_copy (dest);
    g_assert_cmpint (dest->page_num, ==, n_pages);
    poppler_dest_free (dest);
  }
  g_assert_false (poppler_index_iter_next (index));
}

/* The drawing that makes the PDF serves print: a page drawn onto Letter paper is scaled to fit, not cut off. */
static void
test_pdf_draw_other_paper (void)
{
  guint drawing_calls = 0;
  g_autoptr(RkPdfDocument) doc = build_flow_document (&drawing_calls);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cairo_t *cr = cairo_create (surface);
  guchar *data;
  int stride;
  guint dark_top = 0, dark_bottom = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rk_pdf_document_draw_page (doc, cr, 1, 612, 792);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 792; y++)
    for (int x = 0; x < 612; x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0xc0)
        {
          /* Text in the upper half, and the page number in the bottom margin: all of the page is there. */
          if (y < 792 / 2)
            dark_top++;
          else if (y > 792 - 40)
            dark_bottom++;
        }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dark_top, >, 1000);
  g_assert_cmpuint (dark_bottom, >, 20);
}

static void
count_progress (guint    done,
                guint    n_pages,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, *calls + 1);
  g_assert_cmpuint (done, <=, n_pages);
  (*calls)++;
}

static void
cancel_after_first (guint    done,
                    guint    n_pages,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_pdf_export_atomic (void)
{
  guint drawing_calls = 0, progress_calls = 0;
  g_autoptr(RkPdfDocument) doc = build_flow_document (&drawing_calls);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-roster-pdf-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  gsize length;
  GStatBuf before, after;

  /* A folder that does not exist: an error, and nothing is created. */
  g_assert_false (rk_pdf_document_export (doc, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 0);

  /* Over an existing file: replaced whole (a new inode from the rename), nothing else left in the folder. */
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (rk_pdf_document_export (doc, path, NULL, NULL, count_progress, &progress_calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress_calls, ==, rk_pdf_document_get_n_pages (doc));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 6);
  g_assert_cmpmem (contents + length - 6, 6, "%%EOF\n", 6);
  pdf = rk_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, rk_pdf_document_get_n_pages (doc));

  /* Cancelled half-way: an error, the earlier file untouched, no temporary file left. */
  g_assert_true (rk_pdf_document_export (doc, path, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_false (rk_pdf_document_export (doc, path, NULL, cancellable, cancel_after_first, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);

  rk_test_remove_tree (dir);
}

/* ---- The roster -------------------------------------------------------------------------------------------- */

static const char *
type_name (guint number)
{
  return rk_member_type_get_name (rk_catalog_lookup_member_type (rk_catalog_get_default (), number));
}

static void
add_row (RkRosterGroup *group,
         const char    *role,
         const char    *name,
         const char    *kana,
         const char    *organisation,
         const char    *title,
         guint          type,
         const char    *term)
{
  RkRosterRow row = {
    (char *) role, (char *) name, (char *) kana, (char *) organisation, (char *) title,
    (char *) type_name (type), (char *) term,
  };

  rk_roster_group_add_row (group, &row);
}

#define WG_ROWS 24

static RkRoster *
make_roster (void)
{
  static const char *const family[] = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村" };
  static const char *const family_kana[] = { "さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ",
                                             "やまもと", "なかむら" };
  static const char *const given[] = { "花子", "一郎", "美咲" };
  static const char *const given_kana[] = { "はなこ", "いちろう", "みさき" };
  GDate as_of;
  RkRoster *roster;
  RkRosterGroup *group;
  g_autofree char *term = rk_roster_format_term ("2025-04-01", "2027-03-31");

  g_date_set_dmy (&as_of, 1, 4, 2025);
  roster = rk_roster_new (COUNCIL, "みなと市", &as_of);

  group = rk_roster_add_group (roster, "在宅医療・救急医療連携推進協議会", "中枢会議");
  add_row (group, "会長", "山田 太郎", "やまだ たろう", "みなと市医師会", "会長", 1, term);
  add_row (group, "副会長", "川口 直子", "かわぐち なおこ", "みなと市消防本部", "消防長", 4, term);
  add_row (group, "委員", "森 健二", "もり けんじ", "みなと市立総合病院", "院長", 7, term);
  add_row (group, "事務局", "石井 恵", "いしい めぐみ", "みなと市健康福祉部地域包括ケア推進課", "課長", 13, term);

  group = rk_roster_add_group (roster, "入退院支援ルール検討部会", "現場レベルの会議");
  add_row (group, "委員", "大野 拓也", "おおの たくや",
           "みなと市地域包括支援センター連絡会（北部、南部、中央、東部、西部の各センター）、居宅介護支援事業所協議会",
           "代表", 11, term);
  add_row (group, "委員", "小林 由美", "こばやし ゆみ", "みなと訪問看護ステーション", "管理者", 9, term);
  add_row (group, "オブザーバー", "長谷川 誠", "はせがわ まこと", "架空県保健所", "所長", 14, "");
  add_row (group, "参考人", "松本 千尋", "まつもと ちひろ", "みなと法律事務所", "弁護士", 19,
           "令和7年(2025年)4月1日〜");

  /* Long enough to run onto a second page. */
  group = rk_roster_add_group (roster, "救急搬送情報共有ワーキング", "作業ワーキング");
  for (guint i = 0; i < WG_ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s%u", family[i % 8], given[i % 3], i + 1);
      g_autofree char *kana = g_strdup_printf ("%s %s", family_kana[i % 8], given_kana[i % 3]);
      g_autofree char *organisation = g_strdup_printf ("みなと第%u事業所", i + 1);

      add_row (group, "委員", name, kana, organisation, i % 2 ? "主任" : "救急救命士", 1 + i % 20, term);
    }
  return roster;
}

static GDateTime *
creation_date (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, 2025, 4, 1, 9, 30, 0);
}

static void
test_roster_format_term (void)
{
  g_autofree char *both = rk_roster_format_term ("2025-04-01", "2027-03-31");
  g_autofree char *from = rk_roster_format_term ("2019-05-01", NULL);
  g_autofree char *to = rk_roster_format_term ("", "2026-03-31");
  g_autofree char *none = rk_roster_format_term (NULL, "");
  g_autofree char *odd = rk_roster_format_term ("いつか", NULL);

  g_assert_cmpstr (both, ==, "令和7年(2025年)4月1日〜令和9年(2027年)3月31日");
  g_assert_cmpstr (from, ==, "令和元年(2019年)5月1日〜");
  g_assert_cmpstr (to, ==, "〜令和8年(2026年)3月31日");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (odd, ==, "いつか〜");
}

static void
test_roster_pdf (void)
{
  g_autoptr(RkRoster) roster = make_roster ();
  g_autoptr(GDateTime) created = creation_date ();
  g_autoptr(GDateTime) read_created = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfFontInfo) font_info = NULL;
  g_autoptr(RkTestPdfIndexIter) index = NULL;
  PopplerFontsIter *fonts = NULL;
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-roster-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "委員名簿.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *flat1 = NULL;
  g_autofree char *flat2 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  guint n_fonts = 0, n_outline = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (rk_roster_pdf_export (roster, path, created, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("roster of %u rows exported in %.1f ms", 8 + WG_ROWS,
                  (g_get_monotonic_time () - start) / 1000.0);

  if (g_getenv ("RK_KEEP_PDF") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("RK_KEEP_PDF"), "roster.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (keep, contents, length, NULL));
    }
  pdf = rk_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);

  text = rk_test_pdf_text (pdf, " ");
  flat = rk_test_strip (text, "\n");
  g_assert_nonnull (strstr (flat, COUNCIL));
  g_assert_nonnull (strstr (text, AS_OF));
  for (guint g = 0; g < roster->groups->len; g++)
    {
      RkRosterGroup *group = g_ptr_array_index (roster->groups, g);

      g_assert_nonnull (strstr (flat, group->name));
      for (guint r = 0; r < group->rows->len; r++)
        {
          RkRosterRow *row = g_ptr_array_index (group->rows, r);
          g_autofree char *name = rk_test_strip (row->name, " ");

          g_assert_nonnull (strstr (flat, name));
          g_assert_nonnull (strstr (flat, row->member_type));
        }
    }
  g_assert_nonnull (strstr (flat, "やまだたろう"));
  g_assert_nonnull (strstr (flat, "消防機関"));
  assert_lines_well_broken (text);

  /* The date line reads whole, on its own line under the title. */
  page1 = rk_test_pdf_page_text (pdf, 0, " ");
  {
    g_auto(GStrv) lines = g_strsplit (page1, "\n", -1);
    gboolean found = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      found |= strstr (lines[i], AS_OF) != NULL;
    g_assert_true (found);
  }
  g_assert_nonnull (strstr (page1, "-1-"));

  /* The working group continues on page 2 under its heading and the table's header; rows are never split: each
   * member's name and organisation are on the same page. */
  page2 = rk_test_pdf_page_text (pdf, 1, " ");
  flat1 = rk_test_strip (page1, "\n");
  flat2 = rk_test_strip (page2, "\n");
  g_assert_nonnull (strstr (page2, "救急搬送情報共有ワーキング"));
  g_assert_nonnull (strstr (page2, "Organisationandtitle"));
  g_assert_nonnull (strstr (page2, "-2-"));
  {
    RkRosterGroup *wg = g_ptr_array_index (roster->groups, 2);
    guint on_page2 = 0;

    for (guint r = 0; r < wg->rows->len; r++)
      {
        RkRosterRow *row = g_ptr_array_index (wg->rows, r);
        g_autofree char *name = rk_test_strip (row->name, " ");
        gboolean name1 = strstr (flat1, name) != NULL, name2 = strstr (flat2, name) != NULL;

        g_assert_true (name1 != name2);
        g_assert_true ((strstr (flat1, row->organisation) != NULL) == name1);
        g_assert_true ((strstr (flat2, row->organisation) != NULL) == name2);
        on_page2 += name2;
      }
    g_assert_cmpuint (on_page2, >, 0);
    g_assert_cmpuint (on_page2, <, WG_ROWS);
  }

  /* Metadata as set. */
  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  g_assert_cmpstr (title, ==, COUNCIL " Member Roster");
  g_assert_cmpstr (author, ==, COUNCIL);
  read_created = poppler_document_get_creation_date_time (pdf);
  g_assert_nonnull (read_created);
  g_assert_true (g_date_time_equal (read_created, created));
  {
    g_autofree char *creator = poppler_document_get_creator (pdf);

    g_assert_cmpstr (creator, ==, "Renkei");
  }

  /* Fonts: Noto, embedded, subset. */
  font_info = poppler_font_info_new (pdf);
  g_assert_true (poppler_font_info_scan (font_info, poppler_document_get_n_pages (pdf), &fonts));
  g_assert_nonnull (fonts);
  do
    {
      const char *name = poppler_fonts_iter_get_name (fonts);

      g_assert_nonnull (strstr (name, "Noto"));
      g_assert_true (poppler_fonts_iter_is_embedded (fonts));
      g_assert_true (poppler_fonts_iter_is_subset (fonts));
      n_fonts++;
    }
  while (poppler_fonts_iter_next (fonts));
  poppler_fonts_iter_free (fonts);
  g_assert_cmpuint (n_fonts, >=, 2); /* Mincho and Gothic */

  /* One bookmark per body. */
  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  do
    {
      g_autoptr(RkTestPdfAction) action = poppler_index_iter_get_action (index);

      g_assert_nonnull (strstr (action->any.title, ((RkRosterGroup *) g_ptr_array_index (roster->groups,
                                                                                         n_outline))->name));
      n_outline++;
    }
  while (poppler_index_iter_next (index));
  g_assert_cmpuint (n_outline, ==, 3);

  /* Exporting again with the same creation date gives the same bytes: the output is reproducible. */
  {
    g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
    g_autofree char *a = NULL, *b = NULL;
    gsize la, lb;

    g_assert_true (rk_roster_pdf_export (roster, again, created, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &a, &la, NULL));
    g_assert_true (g_file_get_contents (again, &b, &lb, NULL));
    g_assert_cmpmem (a, la, b, lb);
  }

  rk_test_remove_tree (dir);
}

static void
test_roster_empty (void)
{
  GDate as_of;
  g_autoptr(RkRoster) roster = NULL;
  g_autoptr(RkPdfDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  g_date_set_dmy (&as_of, 1, 5, 2019);
  roster = rk_roster_new ("空の協議会", NULL, &as_of);
  rk_roster_add_group (roster, "準備会", NULL);
  doc = rk_roster_pdf_build (roster);
  g_assert_cmpuint (rk_pdf_document_get_n_pages (doc), ==, 1);
  bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  text = rk_test_pdf_page_text (pdf, 0, " ");
  g_assert_nonnull (strstr (text, "令和元年(2019年)5月1日"));
  g_assert_nonnull (strstr (text, "準備会"));
  g_assert_nonnull (strstr (text, "Nomembers"));
}

/* The convenience that reads a council file: current members grouped by body, 会長 first. */
static void
test_roster_from_store (void)
{
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-roster-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "council.renkei", NULL);
  RkCouncilInfo council = { COUNCIL, "みなと市", "架空県", 2025, RK_SETUP_NEW, NULL };
  RkBodyInfo core = { "推進協議会", RK_TIER_CORE, NULL, "" };
  RkBodyInfo field = { "入退院支援部会", RK_TIER_FIELD, NULL, "" };
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkBody) core_body = NULL;
  g_autoptr(RkBody) field_body = NULL;
  g_autoptr(RkMember) chair = NULL;
  g_autoptr(RkMember) member = NULL;
  g_autoptr(RkMember) former = NULL;
  g_autoptr(RkMember) loose = NULL;
  g_autoptr(RkRoster) roster = NULL;
  g_autoptr(GError) error = NULL;
  RkMemberInfo info = { 0 };
  RkRosterGroup *group;
  RkRosterRow *row;
  gint64 ids[2];
  GDate as_of;

  store = rk_store_create (path, &council, &error);
  g_assert_no_error (error);
  core_body = rk_store_add_body (store, &core, &error);
  g_assert_no_error (error);
  field_body = rk_store_add_body (store, &field, &error);
  g_assert_no_error (error);
  ids[0] = rk_body_get_id (core_body);
  ids[1] = rk_body_get_id (field_body);

  info.member_type = RK_MEMBER_TYPE_FIRE_DEPARTMENT;
  info.name = "川口 直子";
  info.kana = "かわぐち なおこ";
  info.organisation = "みなと市消防本部";
  info.title = "救急課長";
  info.role = RK_ROLE_MEMBER;
  info.term_start = "2025-04-01";
  info.term_end = "2027-03-31";
  member = rk_store_add_member (store, &info, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_set_member_bodies (store, member, ids, 2, "2025-04-01", &error));
  g_assert_no_error (error);

  info.member_type = 1;
  info.name = "山田 太郎";
  info.kana = "やまだ たろう";
  info.organisation = "みなと市医師会";
  info.title = "会長";
  info.role = RK_ROLE_CHAIR;
  chair = rk_store_add_member (store, &info, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_set_member_bodies (store, chair, ids, 1, "2025-04-01", &error));
  g_assert_no_error (error);

  info.name = "過去 退任";
  info.role = RK_ROLE_MEMBER;
  info.term_start = "2020-04-01";
  info.term_end = "2022-03-31";
  former = rk_store_add_member (store, &info, &error);
  g_assert_no_error (error);

  info.name = "未定 委員";
  info.term_start = NULL;
  info.term_end = NULL;
  loose = rk_store_add_member (store, &info, &error);
  g_assert_no_error (error);

  g_date_set_dmy (&as_of, 1, 6, 2025);
  roster = rk_roster_new_from_store (store, &as_of);
  g_assert_cmpstr (roster->council_name, ==, COUNCIL);
  g_assert_cmpstr (roster->municipality, ==, "みなと市");
  g_assert_cmpuint (roster->groups->len, ==, 3);

  group = g_ptr_array_index (roster->groups, 0);
  g_assert_cmpstr (group->name, ==, "推進協議会");
  g_assert_cmpstr (group->tier, ==, rk_tier_to_label (RK_TIER_CORE));
  g_assert_cmpuint (group->rows->len, ==, 2);
  row = g_ptr_array_index (group->rows, 0);
  g_assert_cmpstr (row->name, ==, "山田 太郎"); /* the chair first */
  g_assert_cmpstr (row->role, ==, rk_role_to_label (RK_ROLE_CHAIR));
  row = g_ptr_array_index (group->rows, 1);
  g_assert_cmpstr (row->name, ==, "川口 直子");
  g_assert_cmpstr (row->kana, ==, "かわぐち なおこ");
  g_assert_cmpstr (row->member_type, ==, "消防機関");
  g_assert_cmpstr (row->organisation, ==, "みなと市消防本部");
  g_assert_cmpstr (row->title, ==, "救急課長");
  g_assert_cmpstr (row->term, ==, "令和7年(2025年)4月1日〜令和9年(2027年)3月31日");

  group = g_ptr_array_index (roster->groups, 1);
  g_assert_cmpuint (group->rows->len, ==, 1);
  g_assert_cmpstr (((RkRosterRow *) g_ptr_array_index (group->rows, 0))->name, ==, "川口 直子");

  /* The member whose term ended is not on the roster; the one seated nowhere is listed last. */
  group = g_ptr_array_index (roster->groups, 2);
  g_assert_cmpuint (group->rows->len, ==, 1);
  g_assert_cmpstr (((RkRosterRow *) g_ptr_array_index (group->rows, 0))->name, ==, "未定 委員");
  g_assert_null (group->tier);

  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
  rk_test_remove_tree (dir);
}

/* How long the roster takes per page, on a roster of ~30 pages (reported, and bounded loosely). */
static void
test_roster_timing (void)
{
  GDate as_of;
  g_autoptr(RkRoster) roster = NULL;
  g_autoptr(RkPdfDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *term = rk_roster_format_term ("2025-04-01", "2027-03-31");
  RkRosterGroup *group;
  gint64 start, built;
  guint n_pages;
  double per_page;

  g_date_set_dmy (&as_of, 1, 4, 2025);
  roster = rk_roster_new (COUNCIL, "みなと市", &as_of);
  for (guint g = 0; g < 10; g++)
    {
      g_autofree char *name = g_strdup_printf ("第%u部会", g + 1);

      group = rk_roster_add_group (roster, name, "現場レベルの会議");
      for (guint i = 0; i < 60; i++)
        {
          g_autofree char *person = g_strdup_printf ("委員 %u-%u", g + 1, i + 1);
          g_autofree char *organisation = g_strdup_printf ("みなと市第%u地区の訪問看護ステーション", i + 1);

          add_row (group, "委員", person, "いいん", organisation, "管理者", 1 + i % 20, term);
        }
    }

  start = g_get_monotonic_time ();
  doc = rk_roster_pdf_build (roster);
  built = g_get_monotonic_time ();
  bytes = rk_pdf_document_export_bytes (doc, NULL, NULL, &error);
  g_assert_no_error (error);
  n_pages = rk_pdf_document_get_n_pages (doc);
  per_page = (g_get_monotonic_time () - start) / 1000.0 / n_pages;
  g_test_message ("roster: %u rows on %u pages: layout %.1f ms, total %.2f ms per page, %zu bytes",
                  600, n_pages, (built - start) / 1000.0, per_page, g_bytes_get_size (bytes));
  g_assert_cmpuint (n_pages, >=, 20);
  /* Far above the few milliseconds measured: only catches laying out per draw or quadratic pagination. */
  g_assert_cmpfloat (per_page, <, 50.0);
}

/* Page @index's destination @name as a 1-based page number, following a named destination. */
static int
link_target_page (PopplerDocument *pdf,
                  PopplerDest     *dest)
{
  PopplerDest *found;
  int page_num;

  if (dest->type != POPPLER_DEST_NAMED)
    return dest->page_num;
  found = poppler_document_find_dest (pdf, dest->named_dest);
  g_assert_nonnull (found);
  page_num = found->page_num;
  poppler_dest_free (found);
  return page_num;
}

/* A streamed export: pages are written as they are finished, a table of contents typeset after the body is
 * inserted before it and lands in place, another document is appended with its outline, and the body keeps its
 * page numbers. */
static void
test_pdf_stream (void)
{
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-roster-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "stream.pdf", NULL);
  g_autoptr(RkPdfDocument) doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  g_autoptr(RkPdfDocument) annex = rk_pdf_document_new (RK_PDF_LANDSCAPE, NULL);
  g_autoptr(PangoLayout) cover = NULL;
  g_autoptr(PangoLayout) toc = NULL;
  g_autoptr(PangoLayout) annex_title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfIndexIter) index = NULL;
  RkPdfMetadata metadata = { .title = "Stream" };
  RkPdfFlow flow;
  double width;
  guint n_body = 0, toc_page;
  int body_outline;

  rk_pdf_document_set_page_numbers (doc, RK_PDF_PAGE_NUMBERS_DASHED, 1);
  g_assert_true (rk_pdf_document_begin_export (doc, path, &metadata, NULL, &error));
  g_assert_no_error (error);

  rk_pdf_flow_init (&flow, doc);
  rk_pdf_document_get_content_size (doc, 0, &width, NULL);
  cover = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 24, TRUE, width, "表紙の題名");
  rk_pdf_document_add_layout (doc, flow.page, 0, 200, cover);

  /* Twelve body pages, each with a heading the table of contents links to; written as soon as they are done. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("section-%u", i);
      g_autofree char *title = g_strdup_printf ("本文の見出し%u", i + 1);
      g_autoptr(PangoLayout) heading = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 14, TRUE, width, title);

      rk_pdf_flow_new_page (&flow);
      rk_pdf_document_add_dest (doc, flow.page, name, 0, flow.y);
      rk_pdf_flow_add_block (&flow, 0, heading);
      rk_pdf_document_flush (doc, flow.page);
      n_body++;
    }
  body_outline = rk_pdf_document_add_outline (doc, 0, "本文", "section-0", TRUE);
  rk_pdf_document_add_outline (doc, body_outline, "本文の見出し12", "section-11", FALSE);

  annex_title = rk_pdf_document_new_layout (annex, RK_PDF_FACE_GOTHIC, 14, TRUE, -1, "別添の表");
  rk_pdf_document_add_layout (annex, rk_pdf_document_add_page (annex, -1), 0, 0, annex_title);
  rk_pdf_document_add_dest (annex, 0, "section-0", 0, 0); /* the same name as the body's: must not clash */
  rk_pdf_document_add_outline (annex, 0, "別添", "section-0", FALSE);
  rk_pdf_document_append (doc, annex, body_outline);
  g_assert_cmpuint (rk_pdf_document_get_n_pages (annex), ==, 0);

  /* The table of contents, typeset last, goes after the cover. */
  toc_page = rk_pdf_document_insert_page (doc, 1, -1);
  toc = rk_pdf_document_new_layout (doc, RK_PDF_FACE_GOTHIC, 14, TRUE, width, "目次");
  rk_pdf_document_add_layout (doc, toc_page, 0, 0, toc);
  rk_pdf_document_add_link (doc, toc_page, 0, 40, 200, 14, "section-11");

  g_assert_true (rk_pdf_document_end_export (doc, &error));
  g_assert_no_error (error);

  pdf = rk_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1 + 1 + n_body + 1);
  {
    g_autofree char *first = rk_test_pdf_page_text (pdf, 0, " ");
    g_autofree char *second = rk_test_pdf_page_text (pdf, 1, " ");
    g_autofree char *third = rk_test_pdf_page_text (pdf, 2, " ");
    g_autofree char *last_body = rk_test_pdf_page_text (pdf, 13, " ");
    g_autofree char *appended = rk_test_pdf_page_text (pdf, 14, " ");
    g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, 1);
    GList *links = poppler_page_get_link_mapping (page);
    g_autoptr(RkTestPdfPage) annex_page = poppler_document_get_page (pdf, 14);
    PopplerLinkMapping *mapping;
    double w, h;

    g_assert_nonnull (strstr (first, "表紙の題名"));
    g_assert_nonnull (strstr (second, "目次"));
    g_assert_null (strstr (second, "-")); /* the inserted page has no number */
    g_assert_nonnull (strstr (third, "本文の見出し1"));
    g_assert_nonnull (strstr (third, "-1-"));
    g_assert_nonnull (strstr (last_body, "本文の見出し12"));
    g_assert_nonnull (strstr (last_body, "-12-"));
    g_assert_nonnull (strstr (appended, "別添の表"));
    g_assert_nonnull (strstr (appended, "-13-"));
    poppler_page_get_size (annex_page, &w, &h);
    g_assert_cmpfloat (w, >, h);

    g_assert_cmpuint (g_list_length (links), ==, 1);
    mapping = links->data;
    g_assert_cmpint (mapping->action->type, ==, POPPLER_ACTION_GOTO_DEST);
    g_assert_cmpint (link_target_page (pdf, mapping->action->goto_dest.dest), ==, 14);
    poppler_page_free_link_mapping (links);
  }

  /* The outline: 本文 → the first body page, under it 本文の見出し12 and the appended 別添 → the last page. */
  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  {
    g_autoptr(RkTestPdfAction) action = poppler_index_iter_get_action (index);
    g_autoptr(RkTestPdfIndexIter) child = poppler_index_iter_get_child (index);
    g_autoptr(RkTestPdfAction) sub = NULL;

    g_assert_cmpstr (action->any.title, ==, "本文");
    g_assert_cmpint (link_target_page (pdf, action->goto_dest.dest), ==, 3);
    g_assert_nonnull (child);
    g_assert_true (poppler_index_iter_next (child));
    sub = poppler_index_iter_get_action (child);
    g_assert_cmpstr (sub->any.title, ==, "別添");
    g_assert_cmpint (link_target_page (pdf, sub->goto_dest.dest), ==, 15);
  }
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  rk_test_remove_tree (dir);
}

/* A cancelled or abandoned streamed export leaves nothing behind and an existing file as it was. */
static void
test_pdf_stream_cancel (void)
{
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-roster-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "kept.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  RkPdfFlow flow;

  g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
  {
    g_autoptr(RkPdfDocument) doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);

    g_assert_true (rk_pdf_document_begin_export (doc, path, NULL, cancellable, &error));
    rk_pdf_flow_init (&flow, doc);
    rk_pdf_flow_new_page (&flow);
    rk_pdf_document_flush (doc, flow.page);
    g_cancellable_cancel (cancellable);
    rk_pdf_flow_new_page (&flow);
    rk_pdf_document_flush (doc, flow.page);
    g_assert_false (rk_pdf_document_end_export (doc, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  {
    g_autoptr(RkPdfDocument) doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);

    g_assert_true (rk_pdf_document_begin_export (doc, path, NULL, NULL, &error));
    rk_pdf_flow_init (&flow, doc);
    rk_pdf_flow_new_page (&flow);
    rk_pdf_document_flush (doc, flow.page);
    /* Dropped without ending: the temporary file goes with it. */
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old file");
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  rk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/fonts", test_pdf_fonts);
  g_test_add_func ("/pdf/keep-together", test_pdf_keep_together);
  g_test_add_func ("/pdf/flow-links-outline", test_pdf_flow_links_outline);
  g_test_add_func ("/pdf/draw-other-paper", test_pdf_draw_other_paper);
  g_test_add_func ("/pdf/export-atomic", test_pdf_export_atomic);
  g_test_add_func ("/pdf/stream", test_pdf_stream);
  g_test_add_func ("/pdf/stream-cancel", test_pdf_stream_cancel);
  g_test_add_func ("/roster/format-term", test_roster_format_term);
  g_test_add_func ("/roster/pdf", test_roster_pdf);
  g_test_add_func ("/roster/empty", test_roster_empty);
  g_test_add_func ("/roster/from-store", test_roster_from_store);
  g_test_add_func ("/roster/timing", test_roster_timing);

  return g_test_run ();
}

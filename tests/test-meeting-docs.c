/* test-meeting-docs.c — the 開催通知 and 議事録 PDFs read back with poppler-glib, and the iCalendar export. */

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "rk-ics.h"
#include "rk-meeting-pdf.h"
#include "rk-store-meetings.h"
#include "rk-store.h"
#include "rk-test-core.h"

#define COUNCIL  "みなと市在宅医療・救急医療連携推進協議会"
#define BODY     "在宅医療・救急医療連携推進協議会"
#define WHEN     "令和7年(2025年)6月10日(火)"
#define HOURS    "14:00〜16:00"
#define REPLY_BY "令和7年(2025年)6月3日(火)"
#define ITEM1    "救急医療情報シートの様式改訂について"
#define ITEM2    "入退院支援ルール（第8版）の運用状況の報告について"
#define ITEM3    "心肺蘇生を望まない傷病者への対応手順（案）について"
#define DECISION "救急医療情報シートの改訂版を令和7年(2025年)10月1日から運用する。"
#define ASSIGNEE "みなと市消防本部 警防課"
#define DUE      "令和7年(2025年)7月31日"

/* ---- Helpers ----------------------------------------------------------------------------------------------- */

static GDateTime *
jst (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* TRUE when some extracted line contains @needle whole. */
static gboolean
has_line_with (const char *text,
               const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* The whole line equals @needle (記 and 以上 stand alone). */
static gboolean
has_line_equal (const char *text,
                const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strcmp0 (lines[i], needle) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_no_line_starts_with_punctuation (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "、") || g_str_has_prefix (lines[i], "。"))
      g_error ("line %u starts with a comma or full stop: “%s”", i, lines[i]);
}

static void
assert_fonts_embedded (PopplerDocument *pdf)
{
  g_autoptr(RkTestPdfFontInfo) info = poppler_font_info_new (pdf);
  PopplerFontsIter *fonts = NULL;
  guint n = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &fonts));
  g_assert_nonnull (fonts);
  do
    {
      const char *name = poppler_fonts_iter_get_name (fonts);

      g_assert_nonnull (strstr (name, "Noto"));
      g_assert_true (poppler_fonts_iter_is_embedded (fonts));
      g_assert_true (poppler_fonts_iter_is_subset (fonts));
      n++;
    }
  while (poppler_fonts_iter_next (fonts));
  poppler_fonts_iter_free (fonts);
  /* Both faces: 明朝 for the text, ゴシック for the headings. */
  g_assert_cmpuint (n, >=, 2);
}

static void
assert_metadata (PopplerDocument *pdf,
                 const char      *title,
                 GDateTime       *created)
{
  g_autofree char *read_title = poppler_document_get_title (pdf);
  g_autofree char *author = poppler_document_get_author (pdf);
  g_autoptr(GDateTime) read_created = poppler_document_get_creation_date_time (pdf);

  g_assert_cmpstr (read_title, ==, title);
  g_assert_cmpstr (author, ==, COUNCIL);
  g_assert_nonnull (read_created);
  g_assert_true (g_date_time_equal (read_created, created));
}

static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_ptr_array_add (titles, g_strdup (action->any.title));
      poppler_action_free (action);
      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        {
          collect_outline (child, titles);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *s)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* ---- The fixture ------------------------------------------------------------------------------------------- */

static void
add_attendee (RkMeetingDoc         *doc,
              const char           *name,
              const char           *affiliation,
              RkMeetingDocPresence  presence,
              const char           *proxy)
{
  RkMeetingDocAttendee a = { (char *) name, (char *) affiliation, presence, (char *) proxy };

  rk_meeting_doc_add_attendee (doc, &a);
}

static void
add_action (RkMeetingDoc            *doc,
            const char              *title,
            const char              *assignee,
            int                      year,
            int                      month,
            int                      day,
            RkMeetingDocActionState  state,
            int                      item_index)
{
  RkMeetingDocAction a = { (char *) title, (char *) assignee, { 0 }, state, item_index };

  g_date_clear (&a.due, 1);
  if (year > 0)
    g_date_set_dmy (&a.due, day, month, year);
  rk_meeting_doc_add_action (doc, &a);
}

static RkMeetingDoc *
make_meeting (void)
{
  g_autoptr(GDateTime) start = jst (2025, 6, 10, 14, 0);
  g_autoptr(GDateTime) end = jst (2025, 6, 10, 16, 0);
  RkMeetingDoc *doc = rk_meeting_doc_new (COUNCIL, BODY, 3, start, end);
  RkMeetingDocItem item = { 0 };
  GString *long_discussion = g_string_new (NULL);

  doc->title = g_strdup ("救急医療情報シートの改訂");
  doc->place = g_strdup ("みなと市役所 本庁舎5階 第1会議室");
  doc->online = TRUE;
  doc->document_number = g_strdup ("み地医第1234号");
  g_date_set_dmy (&doc->issued, 20, 5, 2025);
  g_date_set_dmy (&doc->reply_by, 3, 6, 2025);
  doc->chair_name = g_strdup ("山田 太郎");
  doc->secretariat = g_strdup ("事務局：みなと市 健康福祉局 地域医療課（担当：佐藤）\n"
                               "電話 045-000-1234　FAX 045-000-1235\nメール chiiki-iryo@city.minato.example.jp");
  doc->reply_to = g_strdup ("FAX 045-000-1235");
  doc->notes = g_strdup ("当日は公共交通機関をご利用ください。\n資料は事前に送付いたします。");
  doc->body_size = 10;
  doc->recorder = g_strdup ("事務局 佐藤 花子");
  g_ptr_array_add (doc->handouts, g_strdup ("救急医療情報シート改訂案"));
  g_ptr_array_add (doc->handouts, g_strdup ("入退院支援ルール運用状況報告"));

  /* A discussion long enough to wrap, full of commas and full stops that may not start a line. */
  for (guint i = 0; i < 6; i++)
    g_string_append (long_discussion, "○委員　救急隊が現着した時点で、本人の意思を確認できない場合には、"
                                      "かかりつけ医に連絡し、到着まで45分以内であれば待機するとの運用を確認したい。"
                                      "現場の負担を考えると、連絡先の一覧を最新に保つことが重要である。\n");
  g_string_append (long_discussion, "○事務局　ご指摘のとおり、連絡先一覧は四半期ごとに更新し、各消防署に配布する。");

  item.title = ITEM1;
  item.presenter = "事務局";
  item.minutes_allotted = 30;
  item.discussion = "事務局から、資料1に基づき救急医療情報シートの改訂案（服薬欄・アレルギー欄の拡充、"
                    "緊急連絡先を2件に増やすこと）について説明があった。\n"
                    "○委員　記入日の欄を設け、情報の鮮度が分かるようにしてはどうか。\n"
                    "○事務局　ご意見を踏まえ、記入日欄を追加する。";
  item.decisions = DECISION "\n記入日欄を追加したうえで、各医療機関・介護事業所に周知する。";
  rk_meeting_doc_add_item (doc, &item);

  item.title = ITEM2;
  item.presenter = "みなと市医師会 理事 鈴木 一郎";
  item.minutes_allotted = 20;
  item.discussion = long_discussion->str;
  item.decisions = "";
  rk_meeting_doc_add_item (doc, &item);

  item.title = ITEM3;
  item.presenter = "みなと市消防本部 警防課長 高橋 健";
  item.minutes_allotted = 40;
  item.discussion = "消防本部から、心肺蘇生を望まない傷病者への対応手順（案）について説明があった。\n"
                    "外因性の心肺停止（交通事故・自傷・他害）の場合は、心肺蘇生を継続することを確認した。";
  item.decisions = "対応手順（案）を次回会議で最終確認する。";
  rk_meeting_doc_add_item (doc, &item);
  g_string_free (long_discussion, TRUE);

  add_attendee (doc, "山田 太郎", "みなと市医師会 会長", RK_MEETING_DOC_PRESENT, NULL);
  add_attendee (doc, "鈴木 一郎", "みなと市医師会 理事", RK_MEETING_DOC_PRESENT, NULL);
  add_attendee (doc, "高橋 健", "みなと市消防本部 警防課長", RK_MEETING_DOC_PROXY, "田中 実");
  add_attendee (doc, "伊藤 恵", "訪問看護ステーションみなと 所長", RK_MEETING_DOC_ONLINE, NULL);
  add_attendee (doc, "渡辺 誠", "みなと中央病院 地域連携室長", RK_MEETING_DOC_PRESENT, NULL);
  add_attendee (doc, "小林 久美子", "みなと市介護支援専門員協会", RK_MEETING_DOC_ABSENT, NULL);
  add_attendee (doc, "加藤 浩", "みなと市歯科医師会", RK_MEETING_DOC_PRESENT, NULL);
  add_attendee (doc, "吉田 明", "みなと市薬剤師会", RK_MEETING_DOC_ONLINE, NULL);

  add_action (doc, "救急医療情報シート改訂版の印刷・配布", ASSIGNEE, 2025, 7, 31, RK_MEETING_DOC_ACTION_OPEN, 0);
  add_action (doc, "連絡先一覧の更新", "事務局", 2025, 9, 30, RK_MEETING_DOC_ACTION_OPEN, 1);
  add_action (doc, "対応手順（案）の修正", "みなと市消防本部", 0, 0, 0, RK_MEETING_DOC_ACTION_DONE, 2);
  return doc;
}

/* ---- The notice -------------------------------------------------------------------------------------------- */

static void
test_format (void)
{
  g_autoptr(GDateTime) start = jst (2025, 6, 10, 14, 0);
  g_autoptr(GDateTime) end = jst (2025, 6, 10, 16, 0);
  g_autoptr(GDateTime) next_day = jst (2025, 6, 11, 9, 30);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 6, 10, 5, 0, 0);
  g_autofree char *both = rk_meeting_format_when (start, end);
  g_autofree char *open = rk_meeting_format_when (start, NULL);
  g_autofree char *two_days = rk_meeting_format_when (start, next_day);
  g_autofree char *from_utc = rk_meeting_format_when (utc, NULL);
  g_autofree char *sunday = NULL;
  g_autofree char *gannen = NULL;
  GDate date;

  g_assert_cmpstr (both, ==, WHEN " " HOURS);
  g_assert_cmpstr (open, ==, WHEN " 14:00〜");
  g_assert_cmpstr (two_days, ==, WHEN " 14:00〜令和7年(2025年)6月11日(水) 09:30");
  /* Printed in Japan time, whatever zone the meeting came in. */
  g_assert_cmpstr (from_utc, ==, WHEN " 14:00〜");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 6, 2025);
  sunday = rk_meeting_format_date (&date);
  g_assert_cmpstr (sunday, ==, "令和7年(2025年)6月1日(日)");
  g_date_set_dmy (&date, 1, 5, 2019);
  gannen = rk_meeting_format_date (&date);
  g_assert_cmpstr (gannen, ==, "令和元年(2019年)5月1日(水)");
}

static void
test_notice (void)
{
  g_autoptr(RkMeetingDoc) doc = make_meeting ();
  g_autoptr(GDateTime) created = jst (2025, 5, 20, 9, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfIndexIter) index = NULL;
  g_autoptr(GPtrArray) outline = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-meeting-docs-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "開催通知.pdf", NULL);
  g_autofree char *title = rk_meeting_notice_get_title (doc);
  g_autofree char *page1 = NULL;
  g_autofree char *last = NULL;
  g_autofree char *all = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *flat1 = NULL;
  int n_pages;

  g_assert_cmpstr (title, ==, "第3回 " BODY "の開催について（通知）");
  g_assert_true (rk_meeting_notice_export (doc, path, created, NULL, &error));
  g_assert_no_error (error);
  /* Only the PDF is left: the temporary file was renamed over it. */
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  rk_test_keep_file (path, "notice.pdf");

  pdf = rk_test_open_pdf (path);
  n_pages = poppler_document_get_n_pages (pdf);
  /* The notice, and the reply slip under it or on a second page. */
  g_assert_cmpint (n_pages, >=, 1);
  g_assert_cmpint (n_pages, <=, 2);
  page1 = rk_test_pdf_page_text (pdf, 0, " ");
  last = rk_test_pdf_page_text (pdf, n_pages - 1, " ");
  all = g_strconcat (page1, n_pages > 1 ? last : "", NULL);
  flat = rk_test_strip (all, "\n");
  flat1 = rk_test_strip (page1, "\n");

  g_assert_true (has_line_with (page1, "み地医第1234号"));
  g_assert_true (has_line_with (page1, "令和7年(2025年)5月20日"));
  g_assert_true (has_line_with (page1, BODY "委員各位"));
  g_assert_true (has_line_with (page1, "会長山田太郎"));
  g_assert_nonnull (strstr (flat1, "第3回" BODY "の開催について（通知）"));
  g_assert_nonnull (strstr (flat1, "下記のとおり開催しますので"));
  g_assert_true (has_line_equal (page1, "記"));
  g_assert_true (has_line_equal (page1, "以上"));
  /* The date, its weekday and the hours on one line. */
  g_assert_true (has_line_with (page1, WHEN HOURS));
  g_assert_nonnull (strstr (flat1, "みなと市役所本庁舎5階第1会議室（オンライン併用）"));
  g_assert_nonnull (strstr (flat1, "(1)" ITEM1));
  g_assert_nonnull (strstr (flat1, "(2)" ITEM2));
  g_assert_nonnull (strstr (flat1, "(3)" ITEM3));
  g_assert_nonnull (strstr (flat1, "当日は公共交通機関をご利用ください。"));
  g_assert_true (has_line_with (page1, REPLY_BY "までに"));
  g_assert_nonnull (strstr (flat1, "chiiki-iryo@city.minato.example.jp"));
  /* 記 comes before the items and 以上 after them. */
  g_assert_true (strstr (page1, "\n記\n") < strstr (page1, ITEM1));
  g_assert_true (strstr (page1, "\n以上\n") > strstr (page1, ITEM3));

  /* The reply slip. */
  g_assert_nonnull (strstr (last, "出欠回答票"));
  g_assert_nonnull (strstr (last, "□ご出席"));
  g_assert_nonnull (strstr (last, "□ご欠席"));
  g_assert_nonnull (strstr (last, "□代理出席（代理出席者名："));
  {
    g_autofree char *labels = rk_test_strip (last, "\n \u3000");

    g_assert_nonnull (strstr (labels, "氏名"));
    g_assert_nonnull (strstr (labels, "所属"));
    g_assert_nonnull (strstr (labels, "備考"));
    g_assert_nonnull (strstr (labels, "回答期限"));
  }
  g_assert_true (has_line_with (last, REPLY_BY "まで"));
  {
    g_autofree char *flat_last = rk_test_strip (last, "\n");

    g_assert_nonnull (strstr (flat_last, "事務局行（FAX045-000-1235）"));
  }

  assert_no_line_starts_with_punctuation (all);
  assert_fonts_embedded (pdf);
  assert_metadata (pdf, title, created);

  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  collect_outline (index, outline);
  g_assert_true (contains_string (outline, title));
  g_assert_true (contains_string (outline, "出欠回答票"));

  rk_test_remove_tree (dir);
}

/* Named addressees instead of 各位; a cancelled meeting's notice announces the cancellation, with no reply slip. */
static void
test_notice_variants (void)
{
  g_autoptr(RkMeetingDoc) doc = make_meeting ();
  g_autoptr(RkPdfDocument) named = NULL;
  g_autoptr(RkPdfDocument) cancelled = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  doc->reply_slip = FALSE;
  g_ptr_array_add (doc->addressee_names, g_strdup ("山田 太郎"));
  g_ptr_array_add (doc->addressee_names, g_strdup ("鈴木 一郎"));
  named = rk_meeting_notice_build (doc);
  g_assert_cmpuint (rk_pdf_document_get_n_pages (named), ==, 1);
  bytes = rk_pdf_document_export_bytes (named, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  text = rk_test_pdf_page_text (pdf, 0, " ");
  g_assert_true (has_line_with (text, "山田太郎様"));
  g_assert_true (has_line_with (text, "鈴木一郎様"));
  g_assert_null (strstr (text, "各位"));
  g_assert_null (strstr (text, "出欠回答票"));
  g_clear_object (&pdf);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);

  /* A short notice keeps its reply slip on the same page, under a cut line. */
  {
    g_autoptr(RkMeetingDoc) short_doc = make_meeting ();
    g_autoptr(RkPdfDocument) one_page = NULL;
    g_autoptr(GBytes) one_bytes = NULL;
    g_autoptr(RkTestPdf) one_pdf = NULL;
    g_autofree char *one_text = NULL;

    g_ptr_array_set_size (short_doc->items, 1);
    g_clear_pointer (&short_doc->notes, g_free);
    g_clear_pointer (&short_doc->secretariat, g_free);
    one_page = rk_meeting_notice_build (short_doc);
    g_assert_cmpuint (rk_pdf_document_get_n_pages (one_page), ==, 1);
    one_bytes = rk_pdf_document_export_bytes (one_page, NULL, NULL, &error);
    g_assert_no_error (error);
    one_pdf = poppler_document_new_from_bytes (one_bytes, NULL, &error);
    g_assert_no_error (error);
    one_text = rk_test_pdf_page_text (one_pdf, 0, " ");
    g_assert_true (has_line_equal (one_text, "以上"));
    g_assert_nonnull (strstr (one_text, "きりとり線"));
    g_assert_nonnull (strstr (one_text, "出欠回答票"));
    g_assert_nonnull (strstr (one_text, "□ご出席"));
    g_assert_true (strstr (one_text, "\n以上\n") < strstr (one_text, "□ご出席"));
    g_assert_null (strstr (one_text, ITEM2));
    if (g_getenv ("RK_KEEP_PDF") != NULL)
      {
        g_autofree char *target = g_build_filename (g_getenv ("RK_KEEP_PDF"), "notice-short.pdf", NULL);

        g_assert_true (g_file_set_contents (target, g_bytes_get_data (one_bytes, NULL),
                                            g_bytes_get_size (one_bytes), NULL));
      }
  }

  doc->cancelled = TRUE;
  doc->reply_slip = TRUE;
  title = rk_meeting_notice_get_title (doc);
  g_assert_cmpstr (title, ==, "第3回 " BODY "の中止について（通知）");
  cancelled = rk_meeting_notice_build (doc);
  bytes = rk_pdf_document_export_bytes (cancelled, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = rk_test_pdf_page_text (pdf, 0, " ");
  {
    g_autofree char *flat = rk_test_strip (text, "\n");

    g_assert_nonnull (strstr (flat, "中止することといたしました"));
    g_assert_nonnull (strstr (flat, WHEN "に開催を予定して"));
  }
  g_assert_null (strstr (text, "出欠回答票"));
  g_assert_null (strstr (text, ITEM1));
}

/* ---- The minutes ------------------------------------------------------------------------------------------- */

static void
test_minutes (void)
{
  g_autoptr(RkMeetingDoc) doc = make_meeting ();
  g_autoptr(GDateTime) created = jst (2025, 6, 17, 10, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfIndexIter) index = NULL;
  g_autoptr(GPtrArray) outline = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-meeting-docs-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "議事録.pdf", NULL);
  g_autofree char *title = rk_meeting_minutes_get_title (doc);
  g_autofree char *page1 = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *decision = rk_test_strip (DECISION, " ");
  g_autofree char *assignee = rk_test_strip (ASSIGNEE, " ");
  guint present, total;
  int n_pages;

  g_assert_cmpstr (title, ==, "第3回 " BODY " 議事録");
  rk_meeting_doc_count_present (doc, &present, &total);
  g_assert_cmpuint (present, ==, 7);
  g_assert_cmpuint (total, ==, 10);

  g_assert_true (rk_meeting_minutes_export (doc, path, created, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  rk_test_keep_file (path, "minutes.pdf");

  pdf = rk_test_open_pdf (path);
  n_pages = poppler_document_get_n_pages (pdf);
  /* The long discussion of item 2 runs the minutes onto a second page. */
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpint (n_pages, <=, 3);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = rk_test_pdf_page_text (pdf, i, " ");
      g_autofree char *number = g_strdup_printf ("-%d-", i + 1);

      /* Running page numbers. */
      g_assert_true (has_line_equal (text, number));
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  page1 = rk_test_pdf_page_text (pdf, 0, " ");
  flat = rk_test_strip (all->str, "\n");

  {
    g_autofree char *flat1 = rk_test_strip (page1, "\n");

    g_assert_nonnull (strstr (flat1, "第3回" BODY "議事録"));
  }
  g_assert_true (has_line_with (page1, WHEN HOURS));
  /* Attendance, grouped. */
  g_assert_nonnull (strstr (flat, "【出席】山田太郎（みなと市医師会会長）、鈴木一郎"));
  g_assert_nonnull (strstr (flat, "【代理出席】田中実（みなと市消防本部警防課長高橋健代理）"));
  g_assert_nonnull (strstr (flat, "【オンライン】伊藤恵"));
  g_assert_nonnull (strstr (flat, "吉田明"));
  g_assert_nonnull (strstr (flat, "欠席者小林久美子"));
  g_assert_nonnull (strstr (flat, "出席者数7/10名（うち代理出席1名、オンライン2名）"));
  g_assert_nonnull (strstr (flat, "救急医療情報シート改訂案"));
  /* The items, in order, with presenter, discussion and decisions. */
  g_assert_nonnull (strstr (flat, "(1)" ITEM1));
  g_assert_nonnull (strstr (flat, "(2)" ITEM2));
  g_assert_nonnull (strstr (flat, "(3)" ITEM3));
  g_assert_true (strstr (flat, "(1)" ITEM1) < strstr (flat, "(2)" ITEM2));
  g_assert_true (strstr (flat, "(2)" ITEM2) < strstr (flat, "(3)" ITEM3));
  g_assert_nonnull (strstr (flat, "説明：みなと市消防本部警防課長高橋健"));
  g_assert_nonnull (strstr (flat, "記入日の欄を設け、情報の鮮度が分かるようにしてはどうか。"));
  g_assert_nonnull (strstr (flat, "決定事項"));
  g_assert_nonnull (strstr (flat, decision));
  /* 今後の対応: assignee, due date in 和暦, state. */
  g_assert_nonnull (strstr (flat, "今後の対応"));
  g_assert_nonnull (strstr (flat, "救急医療情報シート改訂版の印刷・配布"));
  g_assert_nonnull (strstr (flat, assignee));
  g_assert_true (has_line_with (all->str, DUE));
  g_assert_true (has_line_with (all->str, "令和7年(2025年)9月30日"));
  g_assert_nonnull (strstr (flat, "未完了"));
  g_assert_nonnull (strstr (flat, "完了"));
  g_assert_true (has_line_equal (all->str, "以上"));
  g_assert_true (strstr (flat, "(3)" ITEM3) < strstr (flat, "今後の対応"));

  assert_no_line_starts_with_punctuation (all->str);
  assert_fonts_embedded (pdf);
  assert_metadata (pdf, title, created);

  /* One outline entry per agenda item, under 議事. */
  index = poppler_index_iter_new (pdf);
  g_assert_nonnull (index);
  collect_outline (index, outline);
  g_assert_true (contains_string (outline, title));
  g_assert_true (contains_string (outline, "議事"));
  g_assert_true (contains_string (outline, "(1) " ITEM1));
  g_assert_true (contains_string (outline, "(2) " ITEM2));
  g_assert_true (contains_string (outline, "(3) " ITEM3));
  g_assert_true (contains_string (outline, "今後の対応"));

  rk_test_remove_tree (dir);
}

/* The same document draws on any cairo surface (GtkPrintOperation's) as it exports. */
static void
test_minutes_print (void)
{
  g_autoptr(RkMeetingDoc) doc = make_meeting ();
  g_autoptr(RkPdfDocument) pdf = rk_meeting_minutes_build (doc);

  for (guint i = 0; i < rk_pdf_document_get_n_pages (pdf); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 210, 297);
      cairo_t *cr = cairo_create (surface);
      guint32 *data;
      guint dark = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      rk_pdf_document_draw_page (pdf, cr, i, 210, 297);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = (guint32 *) cairo_image_surface_get_data (surface);
      for (int p = 0; p < 210 * 297; p++)
        dark += (data[p] & 0xff) < 128;
      g_assert_cmpuint (dark, >, 100);
      cairo_surface_destroy (surface);
    }
}

/* ---- iCalendar --------------------------------------------------------------------------------------------- */

#define LONG_TITLE "救急医療情報シートの様式改訂と心肺蘇生を望まない傷病者への対応手順、入退院支援ルールの見直し"

/* Splits an .ics file into lines, checking CRLF ends and the 75-octet limit; unfolds continuation lines. */
static GPtrArray *
unfold (const char *ics)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;
  const char *p = ics;

  g_assert_true (g_utf8_validate (ics, -1, NULL));
  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  while (*p != '\0')
    {
      const char *end = strstr (p, "\r\n");
      gsize length;

      g_assert_nonnull (end);
      length = end - p;
      /* No bare LF or CR inside a line. */
      g_assert_null (memchr (p, '\n', length));
      g_assert_null (memchr (p, '\r', length));
      g_assert_cmpuint (length, <=, 75);
      /* Each physical line is valid UTF-8 by itself: no character was split by the folding. */
      g_assert_true (g_utf8_validate (p, length, NULL));
      if (*p == ' ')
        {
          g_assert_nonnull (current);
          g_string_append_len (current, p + 1, length - 1);
        }
      else
        {
          if (current != NULL)
            g_ptr_array_add (lines, g_string_free (current, FALSE));
          current = g_string_new_len (p, length);
        }
      p = end + 2;
    }
  if (current != NULL)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  return lines;
}

/* Inverse of the TEXT escaping, failing on an unescaped , or ; (which would split the value). */
static char *
unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        {
          p++;
          switch (*p)
            {
            case 'n':
            case 'N':
              g_string_append_c (out, '\n');
              break;
            case '\\':
            case ';':
            case ',':
              g_string_append_c (out, *p);
              break;
            default:
              g_error ("bad escape \\%c in “%s”", *p, value);
            }
        }
      else
        {
          g_assert_true (*p != ',' && *p != ';');
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* The value of the first property @name (with or without parameters) after line @from, or NULL. */
static const char *
find_property (GPtrArray  *lines,
               guint       from,
               const char *name,
               guint      *at)
{
  gsize n = strlen (name);

  for (guint i = from; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line, "END:VEVENT") && from > 0)
        return NULL;
      if (strncmp (line, name, n) == 0 && (line[n] == ':' || line[n] == ';'))
        {
          if (at != NULL)
            *at = i;
          return strchr (line, ':') + 1;
        }
    }
  return NULL;
}

static void
test_ics_escape_and_fold (void)
{
  g_autofree char *escaped = rk_ics_escape_text ("a,b;c\\d\ne\r\nf\rg");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *uid1 = rk_ics_make_uid (12, "みなと市 2025-04-01T09:00");
  g_autofree char *uid2 = rk_ics_make_uid (12, "みなと市 2025-04-01T09:00");
  g_autofree char *uid3 = rk_ics_make_uid (12, "かわせ町 2024-10-01T10:00");
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_assert_cmpstr (escaped, ==, "a\\,b\\;c\\\\d\\ne\\nf\\ng");
  g_assert_cmpstr (uid1, ==, uid2);
  g_assert_cmpstr (uid1, !=, uid3);
  g_assert_true (g_str_has_prefix (uid1, "meeting-12-"));
  g_assert_true (g_str_has_suffix (uid1, "@renkei"));

  /* Short lines are untouched; 75 octets exactly is not folded; 76 is. */
  rk_ics_append_line (out, "VERSION:2.0");
  g_assert_cmpstr (out->str, ==, "VERSION:2.0\r\n");
  g_string_truncate (out, 0);
  line = g_strnfill (75, 'x');
  rk_ics_append_line (out, line);
  g_assert_cmpuint (out->len, ==, 77);
  g_string_truncate (out, 0);
  g_free (line);
  line = g_strnfill (76, 'x');
  rk_ics_append_line (out, line);
  g_assert_cmpstr (out->str + 75, ==, "\r\n x\r\n");

  /* Three-octet characters at every offset: each fold lands between characters. */
  for (guint prefix = 0; prefix < 3; prefix++)
    {
      g_autofree char *pad = g_strnfill (prefix, 'p');
      g_autofree char *text = g_strconcat ("SUMMARY:", pad, LONG_TITLE LONG_TITLE, NULL);

      g_string_truncate (out, 0);
      rk_ics_append_line (out, text);
      g_clear_pointer (&lines, g_ptr_array_unref);
      lines = unfold (out->str);
      g_assert_cmpuint (lines->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, text);
    }
}

static void
test_ics (void)
{
  g_autoptr(GDateTime) start1 = jst (2025, 6, 10, 14, 0);
  g_autoptr(GDateTime) end1 = jst (2025, 6, 10, 16, 0);
  /* Given in UTC: written in Tokyo time. */
  g_autoptr(GDateTime) start2 = g_date_time_new_utc (2025, 9, 9, 1, 30, 0);
  g_autoptr(GDateTime) end2 = g_date_time_new_utc (2025, 9, 9, 3, 0, 0);
  g_autoptr(GDateTime) start3 = jst (2025, 12, 2, 18, 30);
  g_autoptr(GDateTime) dtstamp = g_date_time_new_utc (2025, 5, 20, 0, 0, 0);
  const char *agenda1[] = { ITEM1, ITEM2 "，報告", "様式の確認; 継続審議, 質疑\\その他", NULL };
  const char *notes = "持ち物：資料一式\n駐車場はありません。";
  RkIcsMeeting meetings[3] = {
    { 101, 3, BODY, LONG_TITLE, start1, end1, "みなと市役所 本庁舎5階 第1会議室, 東側", TRUE, agenda1, notes,
      RK_ICS_CONFIRMED },
    { 102, 4, BODY, NULL, start2, end2, NULL, TRUE, NULL, NULL, RK_ICS_TENTATIVE },
    { 7, 1, "救急搬送情報共有ワーキング", NULL, start3, NULL, "消防本部 3階会議室", FALSE, NULL, NULL,
      RK_ICS_CANCELLED },
  };
  g_autofree char *ics = rk_ics_build (meetings, 3, "みなと市 2025-04-01T09:00", COUNCIL, dtstamp);
  g_autofree char *again = rk_ics_build (meetings, 3, "みなと市 2025-04-01T09:00", COUNCIL, dtstamp);
  g_autoptr(GPtrArray) lines = unfold (ics);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rk_test_make_tmp_dir ("rk-meeting-docs-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "会議.ics", NULL);
  g_autofree char *written = NULL;
  g_autofree char *uid = rk_ics_make_uid (101, "みなと市 2025-04-01T09:00");
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GHashTable) tzids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *stack = g_ptr_array_new_with_free_func (g_free);
  guint n_events = 0, at = 0, event[3] = { 0 }, folded = 0;

  /* Reproducible. */
  g_assert_cmpstr (ics, ==, again);
  /* Long Japanese lines were folded. */
  for (const char *p = strstr (ics, "\r\n "); p != NULL; p = strstr (p + 1, "\r\n "))
    folded++;
  g_assert_cmpuint (folded, >, 3);

  /* BEGIN/END balanced and properly nested. */
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line, "BEGIN:"))
        {
          if (g_str_equal (line, "BEGIN:VEVENT"))
            event[n_events++] = i;
          g_ptr_array_add (stack, g_strdup (line + 6));
        }
      else if (g_str_has_prefix (line, "END:"))
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, line + 4);
          g_ptr_array_remove_index (stack, stack->len - 1);
        }
      else
        {
          const char *tzid = strstr (line, ";TZID=");

          /* Every line is a property: NAME[;params]:value. */
          g_assert_nonnull (strchr (line, ':'));
          if (tzid != NULL)
            g_hash_table_add (tzids, g_strndup (tzid + 6, strcspn (tzid + 6, ":;")));
        }
    }
  g_assert_cmpuint (stack->len, ==, 0);
  g_ptr_array_unref (stack);
  g_assert_cmpuint (n_events, ==, 3);

  /* The calendar's required properties, and the time zone every TZID names. */
  g_assert_nonnull (find_property (lines, 0, "PRODID", NULL));
  g_assert_cmpstr (find_property (lines, 0, "VERSION", NULL), ==, "2.0");
  g_assert_cmpstr (find_property (lines, 0, "CALSCALE", NULL), ==, "GREGORIAN");
  g_assert_true (g_ptr_array_find_with_equal_func (lines, "BEGIN:VTIMEZONE", g_str_equal, &at));
  g_assert_cmpstr (g_ptr_array_index (lines, at + 1), ==, "TZID:" RK_ICS_TZID);
  g_assert_cmpstr (find_property (lines, at, "TZOFFSETTO", NULL), ==, "+0900");
  g_assert_cmpstr (find_property (lines, at, "TZOFFSETFROM", NULL), ==, "+0900");
  g_assert_cmpuint (g_hash_table_size (tzids), ==, 1);
  g_assert_true (g_hash_table_contains (tzids, RK_ICS_TZID));

  /* Every event has UID, DTSTAMP, DTSTART, SUMMARY and STATUS. */
  for (guint e = 0; e < 3; e++)
    {
      g_assert_nonnull (find_property (lines, event[e], "UID", NULL));
      g_assert_cmpstr (find_property (lines, event[e], "DTSTAMP", NULL), ==, "20250520T000000Z");
      g_assert_nonnull (find_property (lines, event[e], "DTSTART", NULL));
      g_assert_nonnull (find_property (lines, event[e], "SUMMARY", NULL));
      g_assert_nonnull (find_property (lines, event[e], "STATUS", NULL));
    }

  /* Meeting 1: the long Japanese summary and description come back exactly after unfolding and unescaping. */
  g_assert_cmpstr (find_property (lines, event[0], "UID", NULL), ==, uid);
  find_property (lines, event[0], "DTSTART", &at);
  g_assert_cmpstr (g_ptr_array_index (lines, at), ==, "DTSTART;TZID=Asia/Tokyo:20250610T140000");
  find_property (lines, event[0], "DTEND", &at);
  g_assert_cmpstr (g_ptr_array_index (lines, at), ==, "DTEND;TZID=Asia/Tokyo:20250610T160000");
  summary = unescape (find_property (lines, event[0], "SUMMARY", NULL));
  g_assert_cmpstr (summary, ==, "第3回 " BODY "「" LONG_TITLE "」");
  location = unescape (find_property (lines, event[0], "LOCATION", NULL));
  g_assert_cmpstr (location, ==, "みなと市役所 本庁舎5階 第1会議室, 東側（オンライン併用）");
  g_assert_nonnull (strstr (find_property (lines, event[0], "LOCATION", NULL), "第1会議室\\, 東側"));
  description = unescape (find_property (lines, event[0], "DESCRIPTION", NULL));
  g_assert_cmpstr (description, ==, "議題\n(1) " ITEM1 "\n(2) " ITEM2 "，報告\n(3) 様式の確認; 継続審議, 質疑\\その他"
                                    "\n\n持ち物：資料一式\n駐車場はありません。");
  g_assert_nonnull (strstr (find_property (lines, event[0], "DESCRIPTION", NULL),
                            "様式の確認\\; 継続審議\\, 質疑\\\\その他\\n\\n"));
  g_assert_cmpstr (find_property (lines, event[0], "STATUS", NULL), ==, "CONFIRMED");

  /* Meeting 2: UTC in, Tokyo out; online only. */
  find_property (lines, event[1], "DTSTART", &at);
  g_assert_cmpstr (g_ptr_array_index (lines, at), ==, "DTSTART;TZID=Asia/Tokyo:20250909T103000");
  find_property (lines, event[1], "DTEND", &at);
  g_assert_cmpstr (g_ptr_array_index (lines, at), ==, "DTEND;TZID=Asia/Tokyo:20250909T120000");
  g_assert_cmpstr (find_property (lines, event[1], "LOCATION", NULL), ==, "オンライン");
  g_assert_cmpstr (find_property (lines, event[1], "SUMMARY", NULL), ==, "第4回 " BODY);
  g_assert_null (find_property (lines, event[1], "DESCRIPTION", NULL));
  g_assert_cmpstr (find_property (lines, event[1], "STATUS", NULL), ==, "TENTATIVE");

  /* Meeting 3: cancelled, no end. */
  g_assert_cmpstr (find_property (lines, event[2], "STATUS", NULL), ==, "CANCELLED");
  g_assert_null (find_property (lines, event[2], "DTEND", NULL));
  g_assert_cmpstr (find_property (lines, event[1], "UID", NULL), !=, find_property (lines, event[2], "UID", NULL));

  /* Written through a temporary file: the file holds exactly the text, and nothing else is left. */
  g_assert_true (rk_ics_export (meetings, 3, "みなと市 2025-04-01T09:00", COUNCIL, dtstamp, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, ics);
  g_assert_cmpuint (rk_test_count_entries (dir), ==, 1);
  rk_test_keep_file (path, "meetings.ics");

  /* A directory that does not exist: a clear error. */
  {
    g_autofree char *bad = g_build_filename (dir, "no-such-dir", "x.ics", NULL);

    g_assert_false (rk_ics_export (meetings, 1, "k", NULL, dtstamp, bad, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "x.ics"));
  }
  rk_test_remove_tree (dir);
}

/* ---- From the store ---------------------------------------------------------------------------------------- */

static RkStore *
open_demo (char **dir_out)
{
  char *dir = rk_test_make_tmp_dir ("rk-meeting-docs-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "demo.renkei", NULL);

  *dir_out = dir;
  return rk_test_open_demo (path);
}

static void
test_from_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkMeetingDoc) doc = NULL;
  g_autoptr(RkPdfDocument) minutes = NULL;
  g_autoptr(RkPdfDocument) notice = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *flat = NULL;
  g_autofree char *when = NULL;
  g_autofree char *first_title = NULL;
  GListModel *meetings, *agenda;
  RkMeeting *meeting = NULL;
  RkAttendanceCounts counts;
  guint present, total;

  store = open_demo (&dir);
  meetings = rk_store_get_meetings (store);
  for (guint i = 0, n = g_list_model_get_n_items (meetings); i < n; i++)
    {
      g_autoptr(RkMeeting) m = g_list_model_get_item (meetings, i);

      if (g_strcmp0 (rk_meeting_get_title (m), "連携ルール第2版(案)と入退院支援ルール") == 0)
        meeting = m;
    }
  g_assert_nonnull (meeting);

  doc = rk_meeting_doc_new_from_store (store, meeting, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (doc->number, ==, 4);
  g_assert_cmpstr (doc->place, ==, "みなと市役所 本庁舎3階 第1会議室");
  g_assert_cmpstr (doc->body_name, !=, "");
  g_assert_cmpstr (doc->council_name, !=, "");
  when = rk_meeting_format_when (doc->start, doc->end);
  g_assert_cmpstr (when, ==, "令和7年(2025年)7月15日(火) 14:00〜16:00");
  /* Issued today; the reply a week before the meeting. */
  g_assert_cmpint (g_date_get_day (&doc->issued), ==, 1);
  g_assert_cmpint (g_date_get_month (&doc->issued), ==, 7);
  g_assert_true (g_date_valid (&doc->reply_by));
  g_assert_cmpint (g_date_get_day (&doc->reply_by), ==, 8);

  agenda = rk_store_get_agenda (store, meeting);
  g_assert_cmpuint (doc->items->len, ==, g_list_model_get_n_items (agenda));
  g_assert_cmpuint (doc->items->len, >, 0);
  {
    g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, 0);

    first_title = g_strdup (rk_agenda_item_get_title (item));
  }
  g_assert_true (rk_store_count_attendance (store, meeting, &counts, &error));
  g_assert_no_error (error);
  rk_meeting_doc_count_present (doc, &present, &total);
  g_assert_cmpuint (present, ==, counts.present);
  g_assert_cmpuint (total, ==, counts.size);
  g_assert_cmpuint (present, >, 0);

  minutes = rk_meeting_minutes_build (doc);
  bytes = rk_pdf_document_export_bytes (minutes, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *page = rk_test_pdf_page_text (pdf, i, " ");

      g_string_append (text, page);
    }
  flat = rk_test_strip (text->str, "\n");
  {
    g_autofree char *title = rk_test_strip (first_title, " ");
    g_autofree char *heading = g_strconcat ("(1)", title, NULL);
    g_autofree char *count = g_strdup_printf ("%u/%u名", counts.present, counts.size);

    g_assert_nonnull (strstr (flat, heading));
    g_assert_nonnull (strstr (flat, count));
  }
  g_assert_nonnull (strstr (flat, "第4回"));
  assert_no_line_starts_with_punctuation (text->str);

  if (g_getenv ("RK_KEEP_PDF") != NULL)
    {
      g_autofree char *target = g_build_filename (g_getenv ("RK_KEEP_PDF"), "minutes-demo.pdf", NULL);
      g_autofree char *target2 = g_build_filename (g_getenv ("RK_KEEP_PDF"), "notice-demo.pdf", NULL);

      g_assert_true (rk_meeting_minutes_export (doc, target, NULL, NULL, NULL));
      g_assert_true (rk_meeting_notice_export (doc, target2, NULL, NULL, NULL));
    }
  /* The demo council's chair and secretariat sign the notice. */
  g_assert_cmpstr (doc->chair_name, ==, "高橋 誠一");
  g_assert_nonnull (doc->secretariat);
  g_assert_nonnull (strstr (doc->secretariat, "石川 葵"));
  notice = rk_meeting_notice_build (doc);
  g_assert_cmpuint (rk_pdf_document_get_n_pages (notice), >=, 1);
  {
      g_autoptr(GBytes) notice_bytes = rk_pdf_document_export_bytes (notice, NULL, NULL, &error);
      g_autoptr(RkTestPdf) notice_pdf = poppler_document_new_from_bytes (notice_bytes, NULL, &error);
      g_autofree char *page = NULL;
      g_autofree char *chair = rk_test_strip (doc->chair_name, " ");

      g_assert_no_error (error);
      page = rk_test_pdf_page_text (notice_pdf, 0, " ");
      g_assert_nonnull (strstr (page, chair));
      g_assert_true (has_line_with (page, "令和7年(2025年)7月8日(火)までに"));
    }

  /* The calendar of every meeting: one event each, stable UIDs whatever the time of export. */
  {
    g_autofree char *ics_path = g_build_filename (dir, "meetings.ics", NULL);
    g_autofree char *ics = NULL;
    g_autofree char *ics2 = NULL;
    g_autofree char *key = rk_ics_dup_council_key (store);
    g_autofree char *key2 = rk_ics_dup_council_key (store);
    g_autoptr(GDateTime) stamp1 = g_date_time_new_utc (2025, 7, 1, 0, 0, 0);
    g_autoptr(GDateTime) stamp2 = g_date_time_new_utc (2025, 8, 1, 0, 0, 0);
    g_autoptr(GPtrArray) lines = NULL;
    g_autoptr(GPtrArray) lines2 = NULL;
    g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
    guint n_events = 0;

    g_assert_cmpstr (key, ==, key2);
    g_assert_true (rk_ics_export_store (store, 0, stamp1, ics_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (ics_path, &ics, NULL, NULL));
    g_assert_true (rk_ics_export_store (store, 0, stamp2, ics_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (ics_path, &ics2, NULL, NULL));
    lines = unfold (ics);
    lines2 = unfold (ics2);
    g_assert_cmpuint (lines->len, ==, lines2->len);
    for (guint i = 0; i < lines->len; i++)
      {
        const char *line = g_ptr_array_index (lines, i);

        n_events += g_str_equal (line, "BEGIN:VEVENT");
        if (g_str_has_prefix (line, "UID:"))
          {
            g_assert_false (g_hash_table_contains (uids, line));
            g_hash_table_add (uids, (gpointer) line);
            g_assert_cmpstr (line, ==, g_ptr_array_index (lines2, i));
          }
      }
    g_assert_cmpuint (n_events, ==, g_list_model_get_n_items (meetings));
    g_assert_cmpuint (g_hash_table_size (uids), ==, n_events);
    g_assert_nonnull (strstr (ics, "SUMMARY:第4回 "));
    g_assert_nonnull (strstr (ics, "DTSTART;TZID=Asia/Tokyo:20250715T140000"));
  }

  g_clear_object (&store);
  rk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rk_test_core_init (&argc, &argv, NULL, "2025-07-01");

  g_test_add_func ("/meeting-docs/format", test_format);
  g_test_add_func ("/meeting-docs/notice", test_notice);
  g_test_add_func ("/meeting-docs/notice-variants", test_notice_variants);
  g_test_add_func ("/meeting-docs/minutes", test_minutes);
  g_test_add_func ("/meeting-docs/minutes-print", test_minutes_print);
  g_test_add_func ("/meeting-docs/ics-escape-fold", test_ics_escape_and_fold);
  g_test_add_func ("/meeting-docs/ics", test_ics);
  g_test_add_func ("/meeting-docs/from-store", test_from_store);

  return rk_test_core_run ();
}

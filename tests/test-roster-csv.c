/* The roster as CSV: RFC 4180 reading, both encodings, formula escaping, the import preview and every bad input. */

#include <string.h>

#include <glib/gstdio.h>

#include "rk-catalog.h"
#include "rk-csv.h"
#include "rk-roster-csv.h"
#include "rk-store-members.h"
#include "rk-store.h"
#include "rk-body.h"
#include "rk-council.h"
#include "rk-test-core.h"

static const char *test_dir;

static const char *const bodies_core[] = { "在宅医療・救急医療連携推進協議会", "作業ワーキング", NULL };
static const char *const bodies_field[] = { "現場レベルの会議", NULL };
static const char *const bodies_none[] = { NULL };

/* Chosen to hit every hard case at once: CP932's NEC/IBM kanji, formula-looking cells, quotes, commas and line
 * breaks in notes, a note that already starts with an apostrophe. */
static const RkMemberInfo sample_members[] = {
  {
    .member_type = RK_MEMBER_TYPE_FIRE_DEPARTMENT,
    .organisation = "みなと市消防本部", .name = "山田 太郎", .kana = "やまだ たろう", .title = "警防課長",
    .role = RK_ROLE_MEMBER, .alternate = "佐藤 次郎", .phone = "+81-3-1234-5678", .email = "yamada@example.jp",
    .term_start = "2025-04-01", .term_end = "2027-03-31", .notes = "=SUM(A1)",
  },
  {
    .member_type = 5,
    .organisation = "みなと市医師会", .name = "髙橋 一郎", .kana = "たかはし いちろう", .title = "会長",
    .role = RK_ROLE_CHAIR, .phone = "-1", .term_start = "2019-05-01",
    .notes = "一行目, 読点あり\n二行目 \"引用\"\r\n三行目",
  },
  {
    .member_type = RK_MEMBER_TYPE_LEGAL_EXPERT,
    .organisation = "@cmd 法律事務所", .name = "山﨑 花子", .kana = "やまざき はなこ",
    .role = RK_ROLE_OBSERVER, .email = "h@example.jp", .notes = "'=already escaped",
  },
  {
    .member_type = 20,
    .organisation = "みなと市健康福祉部", .name = "鈴木 ①", .title = "課長補佐",
    .role = RK_ROLE_SECRETARIAT, .notes = "\t=tab first",
  },
  {
    .member_type = 1,
    .organisation = "架空県", .name = "'plain apostrophe", .role = RK_ROLE_VICE_CHAIR,
    .alternate = "@", .notes = "'",
  },
};

static const char *const *const sample_bodies[] = {
  bodies_core, bodies_field, bodies_none, bodies_core, NULL,
};

#define N_SAMPLES G_N_ELEMENTS (sample_members)

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static void
assert_info_equal (const RkMemberInfo *a, const RkMemberInfo *b)
{
  g_assert_cmpint (a->member_type, ==, b->member_type);
  g_assert_cmpint (a->role, ==, b->role);
  g_assert_cmpstr (or_empty (a->organisation), ==, or_empty (b->organisation));
  g_assert_cmpstr (or_empty (a->name), ==, or_empty (b->name));
  g_assert_cmpstr (or_empty (a->kana), ==, or_empty (b->kana));
  g_assert_cmpstr (or_empty (a->title), ==, or_empty (b->title));
  g_assert_cmpstr (or_empty (a->alternate), ==, or_empty (b->alternate));
  g_assert_cmpstr (or_empty (a->phone), ==, or_empty (b->phone));
  g_assert_cmpstr (or_empty (a->email), ==, or_empty (b->email));
  g_assert_cmpstr (or_empty (a->term_start), ==, or_empty (b->term_start));
  g_assert_cmpstr (or_empty (a->term_end), ==, or_empty (b->term_end));
  g_assert_cmpstr (or_empty (a->notes), ==, or_empty (b->notes));
}

static void
assert_bodies_equal (const char *const *got, const char *const *expected)
{
  const char *const empty[] = { NULL };

  if (expected == NULL)
    expected = empty;
  g_assert_nonnull (got);
  g_assert_cmpstrv (got, expected);
}

static gboolean
bytes_contain (GBytes *bytes, const void *needle, gsize needle_len)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; needle_len <= size && i <= size - needle_len; i++)
    if (memcmp (data + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

static RkRosterImport *
parse_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return rk_roster_csv_parse (bytes, error);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Generic CSV */

static void
test_csv_rfc4180 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkCsvTable) table = NULL;
  const char *text =
    "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"  /* line 1 */
    "\"two\nlines\",x\n"                /* lines 2–3 */
    "\r\n"                              /* line 4: an empty record */
    "last,,\r"                          /* line 5, a lone CR */
    "\"\",end\r\n";                     /* line 6, then the trailing line end */

  table = rk_csv_table_new_from_text (text, -1, RK_CSV_READ_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_csv_table_get_encoding (table), ==, RK_CSV_ENCODING_UTF8);
  g_assert_cmpuint (rk_csv_table_get_n_rows (table), ==, 5);

  g_assert_cmpuint (rk_csv_table_get_line (table, 0), ==, 1);
  g_assert_cmpuint (rk_csv_table_get_n_fields (table, 0), ==, 3);
  g_assert_cmpstr (rk_csv_table_get_field (table, 0, 0), ==, "a");
  g_assert_cmpstr (rk_csv_table_get_field (table, 0, 1), ==, "b,c");
  g_assert_cmpstr (rk_csv_table_get_field (table, 0, 2), ==, "say \"hi\"");
  g_assert_null (rk_csv_table_get_field (table, 0, 3));

  g_assert_cmpuint (rk_csv_table_get_line (table, 1), ==, 2);
  g_assert_cmpstr (rk_csv_table_get_field (table, 1, 0), ==, "two\nlines");
  g_assert_cmpstr (rk_csv_table_get_field (table, 1, 1), ==, "x");

  g_assert_cmpuint (rk_csv_table_get_line (table, 2), ==, 4);
  g_assert_cmpuint (rk_csv_table_get_n_fields (table, 2), ==, 1);
  g_assert_true (rk_csv_table_row_is_blank (table, 2));

  g_assert_cmpuint (rk_csv_table_get_line (table, 3), ==, 5);
  g_assert_cmpuint (rk_csv_table_get_n_fields (table, 3), ==, 3);
  g_assert_cmpstr (rk_csv_table_get_field (table, 3, 2), ==, "");
  g_assert_false (rk_csv_table_row_is_blank (table, 3));

  g_assert_cmpuint (rk_csv_table_get_line (table, 4), ==, 6);
  g_assert_cmpstr (rk_csv_table_get_field (table, 4, 0), ==, "");
  g_assert_cmpstr (rk_csv_table_get_field (table, 4, 1), ==, "end");
}

static void
test_csv_writer_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkCsvWriter) writer = rk_csv_writer_new (RK_CSV_WRITE_ESCAPE_FORMULAS);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkCsvTable) table = NULL;
  const char *row[] = { "plain", "a,b", "q\"q", "line\nbreak", NULL, "=1+1", "-5", "''+x" };
  const char *expected = "\xEF\xBB\xBF" "plain,\"a,b\",\"q\"\"q\",\"line\nbreak\",,'=1+1,'-5,'''+x\r\n";
  gsize size;
  const char *data;

  rk_csv_writer_add_row (writer, row, G_N_ELEMENTS (row));
  bytes = rk_csv_writer_finish (writer, RK_CSV_ENCODING_UTF8, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpmem (data, size, expected, strlen (expected));

  table = rk_csv_table_new_from_bytes (bytes, RK_CSV_READ_UNESCAPE_FORMULAS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_csv_table_get_n_rows (table), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_assert_cmpstr (rk_csv_table_get_field (table, 0, i), ==, or_empty (row[i]));

  /* Without the flag the apostrophes stay, as Excel would show them. */
  g_clear_pointer (&table, rk_csv_table_free);
  table = rk_csv_table_new_from_bytes (bytes, RK_CSV_READ_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rk_csv_table_get_field (table, 0, 5), ==, "'=1+1");
}

static void
test_csv_formula_rule (void)
{
  g_assert_true (rk_csv_field_needs_formula_escape ("=SUM(A1)"));
  g_assert_true (rk_csv_field_needs_formula_escape ("+81"));
  g_assert_true (rk_csv_field_needs_formula_escape ("-1"));
  g_assert_true (rk_csv_field_needs_formula_escape ("@cmd"));
  g_assert_true (rk_csv_field_needs_formula_escape ("\tx"));
  g_assert_true (rk_csv_field_needs_formula_escape ("\rx"));
  g_assert_true (rk_csv_field_needs_formula_escape ("'=x"));
  g_assert_false (rk_csv_field_needs_formula_escape ("'x"));
  g_assert_false (rk_csv_field_needs_formula_escape ("a=b"));
  g_assert_false (rk_csv_field_needs_formula_escape (""));
  g_assert_false (rk_csv_field_needs_formula_escape (NULL));
}

static void
test_csv_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (RK_CSV_MAX_SIZE + 1), RK_CSV_MAX_SIZE + 1);
  g_autoptr(RkCsvTable) table = rk_csv_table_new_from_bytes (bytes, RK_CSV_READ_NONE, &error);
  g_autoptr(RkRosterImport) import = NULL;

  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_TOO_LARGE);
  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "64"));
  g_clear_error (&error);

  import = rk_roster_csv_parse (bytes, &error);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_TOO_LARGE);
  g_assert_null (import);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Export and round trip */

static GBytes *
export_samples (RkCsvEncoding encoding, guint *n_replaced)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = rk_roster_csv_export (sample_members, sample_bodies, N_SAMPLES, encoding, n_replaced, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
check_round_trip (RkCsvEncoding encoding)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  const RkMemberInfo *good = NULL;
  const char *const **good_bodies = NULL;
  guint n_replaced = 99;

  bytes = export_samples (encoding, &n_replaced);
  g_assert_cmpuint (n_replaced, ==, 0);

  import = rk_roster_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_roster_import_get_encoding (import), ==, encoding);
  g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, N_SAMPLES);
  g_assert_cmpuint (rk_roster_import_get_n_bad (import), ==, 0);
  g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, N_SAMPLES);
  g_assert_cmpuint (rk_roster_import_get_good (import, &good, &good_bodies), ==, N_SAMPLES);

  for (guint i = 0; i < N_SAMPLES; i++)
    {
      g_assert_null (rk_roster_import_get_problem (import, i));
      assert_info_equal (rk_roster_import_get_info (import, i), &sample_members[i]);
      assert_info_equal (&good[i], &sample_members[i]);
      assert_bodies_equal (rk_roster_import_get_body_names (import, i), (const char *const *) sample_bodies[i]);
      assert_bodies_equal (good_bodies[i], (const char *const *) sample_bodies[i]);
    }
  /* The header is line 1; the second member's notes span three lines. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 0), ==, 2);
  g_assert_cmpuint (rk_roster_import_get_line (import, 1), ==, 3);
  g_assert_cmpuint (rk_roster_import_get_line (import, 2), ==, 6);
}

static void
test_round_trip_utf8 (void)
{
  check_round_trip (RK_CSV_ENCODING_UTF8);
}

static void
test_round_trip_cp932 (void)
{
  check_round_trip (RK_CSV_ENCODING_CP932);
}

static void
test_export_utf8 (void)
{
  g_autoptr(GBytes) bytes = export_samples (RK_CSV_ENCODING_UTF8, NULL);
  const char *header = "\xEF\xBB\xBF" "所属,氏名,ふりがな,役職,役割,構成員区分,所属会議体,代理出席者,電話,メール,"
                       "任期開始,任期終了,備考\r\n";
  const char *first = "みなと市消防本部,山田 太郎,やまだ たろう,警防課長,委員,消防機関,"
                      "在宅医療・救急医療連携推進協議会、作業ワーキング,佐藤 次郎,'+81-3-1234-5678,"
                      "yamada@example.jp,2025-04-01,2027-03-31,'=SUM(A1)\r\n";
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, strlen (header));
  g_assert_cmpmem (data, strlen (header), header, strlen (header));
  g_assert_true (g_str_has_prefix (data + strlen (header), first));

  /* Formula-looking cells carry the apostrophe in the file; quoted cells keep it inside the quotes. */
  g_assert_true (bytes_contain (bytes, ",'-1,", 5));
  g_assert_true (bytes_contain (bytes, "\r\n'@cmd 法律事務所,", strlen ("\r\n'@cmd 法律事務所,")));
  g_assert_true (bytes_contain (bytes, ",''=already escaped\r\n", strlen (",''=already escaped\r\n")));
  g_assert_true (bytes_contain (bytes, "\"一行目, 読点あり\n二行目 \"\"引用\"\"\r\n三行目\"",
                                strlen ("\"一行目, 読点あり\n二行目 \"\"引用\"\"\r\n三行目\"")));
  /* Records end in CRLF: no bare LF outside that quoted note. */
  g_assert_true (bytes_contain (bytes, ",会長,医師会,", strlen (",会長,医師会,")));
}

static void
test_export_cp932 (void)
{
  g_autoptr(GBytes) bytes = export_samples (RK_CSV_ENCODING_CP932, NULL);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  /* 山田 */
  const guint8 yamada[] = { 0x8E, 0x52, 0x93, 0x63 };
  /* 髙橋 (髙 is an IBM extension) */
  const guint8 takahashi[] = { 0xFB, 0xFC, 0x8B, 0xB4 };
  /* 﨑 (IBM extension) */
  const guint8 saki[] = { 0xFA, 0xB1 };
  /* ① (NEC special character) */
  const guint8 circled_one[] = { 0x87, 0x40 };
  /* 所属,氏名 */
  const guint8 header[] = { 0x8F, 0x8A, 0x91, 0xAE, ',', 0x8E, 0x81, 0x96, 0xBC };

  g_assert_cmpuint (size, >, 3);
  g_assert_false (data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF);
  g_assert_cmpmem (data, sizeof header, header, sizeof header);
  g_assert_true (bytes_contain (bytes, yamada, sizeof yamada));
  g_assert_true (bytes_contain (bytes, takahashi, sizeof takahashi));
  g_assert_true (bytes_contain (bytes, saki, sizeof saki));
  g_assert_true (bytes_contain (bytes, circled_one, sizeof circled_one));
  g_assert_false (g_utf8_validate ((const char *) data, size, NULL));
}

static void
test_export_cp932_unrepresentable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  const guint8 geta[] = { 0x81, 0xAC };
  RkMemberInfo member = {
    .member_type = 2, .name = "𠮷田 😀", .organisation = "한국", .notes = "ok 山田",
  };
  guint n_replaced = 0;

  bytes = rk_roster_csv_export (&member, NULL, 1, RK_CSV_ENCODING_CP932, &n_replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_replaced, ==, 4);
  g_assert_true (bytes_contain (bytes, geta, sizeof geta));

  import = rk_roster_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, 1);
  g_assert_cmpstr (rk_roster_import_get_info (import, 0)->name, ==, "〓田 〓");
  g_assert_cmpstr (rk_roster_import_get_info (import, 0)->organisation, ==, "〓〓");
  g_assert_cmpstr (rk_roster_import_get_info (import, 0)->notes, ==, "ok 山田");

  /* The same member in UTF-8 loses nothing. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&import, rk_roster_import_free);
  bytes = rk_roster_csv_export (&member, NULL, 1, RK_CSV_ENCODING_UTF8, &n_replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_replaced, ==, 0);
  import = rk_roster_csv_parse (bytes, &error);
  g_assert_no_error (error);
  assert_info_equal (rk_roster_import_get_info (import, 0), &member);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Dates */

static void
check_date (const char *text, const char *expected)
{
  GDate date;
  char iso[16];

  g_date_clear (&date, 1);
  if (expected == NULL)
    {
      if (rk_roster_csv_parse_date (text, &date))
        g_error ("“%s” should not be a date", text);
      return;
    }
  if (!rk_roster_csv_parse_date (text, &date))
    g_error ("“%s” should be %s", text, expected);
  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_dates (void)
{
  check_date ("2025-04-01", "2025-04-01");
  check_date ("2025/4/1", "2025-04-01");
  check_date ("2025.4.1", "2025-04-01");
  check_date ("2025年4月1日", "2025-04-01");
  check_date ("20250401", "2025-04-01");
  check_date (" 2025/04/01 ", "2025-04-01");
  check_date ("２０２５／４／１", "2025-04-01");
  check_date ("令和7年4月1日", "2025-04-01");
  check_date ("令和 7年 4月 1日", "2025-04-01");
  check_date ("令和7年(2025年)4月1日", "2025-04-01");
  check_date ("令和７年４月１日", "2025-04-01");
  check_date ("令和元年5月1日", "2019-05-01");
  check_date ("R7.4.1", "2025-04-01");
  check_date ("r07/04/01", "2025-04-01");
  check_date ("R1.5.1", "2019-05-01");
  check_date ("平成31年4月30日", "2019-04-30");
  check_date ("H31.4.30", "2019-04-30");
  check_date ("平成元年1月8日", "1989-01-08");
  check_date ("昭和64年1月7日", "1989-01-07");
  check_date ("2024-02-29", "2024-02-29");

  check_date ("2025-02-30", NULL);
  check_date ("2025/13/1", NULL);
  check_date ("2023-02-29", NULL);
  check_date ("令和1年4月30日", NULL); /* 令和 began on 1 May 2019 */
  check_date ("令和0年4月1日", NULL);
  check_date ("令和7年(2024年)4月1日", NULL);
  check_date ("令和7年4月31日", NULL);
  check_date ("平成元年1月7日", NULL);
  check_date ("X7.4.1", NULL);
  check_date ("2025-04", NULL);
  check_date ("2025-04-01x", NULL);
  check_date ("4/1", NULL);
  check_date ("来年", NULL);
  check_date ("", NULL);
  check_date (NULL, NULL);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Import: the preview */

static void
test_import_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  const RkMemberInfo *good = NULL;
  const char *const **good_bodies = NULL;
  const char *text =
    "氏名,構成員区分,任期開始,任期終了,役割,所属会議体\r\n"
    "山田 太郎,消防機関,2025-04-01,2027-03-31,委員,中枢会議、作業ワーキング\r\n" /* 2: good */
    ",医師会,,,,\r\n"                                                          /* 3: empty name */
    "佐藤 花子,消防機関,2025-04-01,2024-03-31,,\r\n"                           /* 4: ends before it starts */
    "鈴木 一郎,消防団,,,,\r\n"                                                 /* 5: unknown member type */
    "田中 二郎,4,2025-02-30,,,\r\n"                                            /* 6: impossible date */
    ",,,,,\r\n"                                                                /* 7: blank, skipped */
    "伊藤 三郎,４,令和7年4月1日,R9.3.31,会長,\"中枢会議, 現場会議\"\r\n"        /* 8: good */
    "渡辺 四郎,消防機関,,,部長,\r\n"                                           /* 9: unknown role */
    "　,,明日,,,\r\n";                                                        /* 10: everything wrong */

  import = parse_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, 8);
  g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, 2);
  g_assert_cmpuint (rk_roster_import_get_n_bad (import), ==, 6);

  /* Line 2: good. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 0), ==, 2);
  g_assert_null (rk_roster_import_get_problem (import, 0));
  g_assert_cmpint (rk_roster_import_get_info (import, 0)->member_type, ==, RK_MEMBER_TYPE_FIRE_DEPARTMENT);

  /* Line 3: no name. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 1), ==, 3);
  g_assert_nonnull (rk_roster_import_get_problem (import, 1));
  g_assert_null (rk_roster_import_get_info (import, 1)->name);
  g_assert_cmpint (rk_roster_import_get_info (import, 1)->member_type, ==, 5);

  /* Line 4: the term ends before it starts. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 2), ==, 4);
  g_assert_nonnull (rk_roster_import_get_problem (import, 2));
  g_assert_cmpstr (rk_roster_import_get_info (import, 2)->term_end, ==, "2024-03-31");

  /* Line 5: unknown type, named in the reason. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 3), ==, 5);
  g_assert_nonnull (strstr (rk_roster_import_get_problem (import, 3), "消防団"));
  g_assert_nonnull (strstr (rk_roster_import_get_problem (import, 3), "構成員区分"));
  g_assert_cmpint (rk_roster_import_get_info (import, 3)->member_type, ==, 0);
  g_assert_cmpstr (rk_roster_import_get_info (import, 3)->name, ==, "鈴木 一郎");

  /* Line 6: 2025-02-30. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 4), ==, 6);
  g_assert_nonnull (strstr (rk_roster_import_get_problem (import, 4), "2025-02-30"));
  g_assert_nonnull (strstr (rk_roster_import_get_problem (import, 4), "任期開始"));
  g_assert_null (rk_roster_import_get_info (import, 4)->term_start);

  /* Line 8: good, written the way people type it (blank line 7 skipped). */
  g_assert_cmpuint (rk_roster_import_get_line (import, 5), ==, 8);
  g_assert_null (rk_roster_import_get_problem (import, 5));
  {
    const RkMemberInfo *info = rk_roster_import_get_info (import, 5);
    const char *const bodies[] = { "中枢会議", "現場会議", NULL };

    g_assert_cmpint (info->member_type, ==, 4);
    g_assert_cmpint (info->role, ==, RK_ROLE_CHAIR);
    g_assert_cmpstr (info->term_start, ==, "2025-04-01");
    g_assert_cmpstr (info->term_end, ==, "2027-03-31");
    assert_bodies_equal (rk_roster_import_get_body_names (import, 5), bodies);
  }

  /* Line 9: unknown role. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 6), ==, 9);
  g_assert_nonnull (strstr (rk_roster_import_get_problem (import, 6), "部長"));

  /* Line 10: every problem is listed, not just the first. */
  g_assert_cmpuint (rk_roster_import_get_line (import, 7), ==, 10);
  {
    const char *problem = rk_roster_import_get_problem (import, 7);
    g_auto(GStrv) parts = g_strsplit (problem, "\n", -1);

    g_assert_nonnull (strstr (problem, "構成員区分"));
    g_assert_nonnull (strstr (problem, "明日"));
    g_assert_cmpuint (g_strv_length (parts), ==, 3); /* type, date, name */
  }

  /* Exactly the good rows, for rk_store_import_members(). */
  g_assert_cmpuint (rk_roster_import_get_good (import, &good, &good_bodies), ==, 2);
  g_assert_cmpstr (good[0].name, ==, "山田 太郎");
  g_assert_cmpstr (good[1].name, ==, "伊藤 三郎");
  g_assert_cmpstr (good_bodies[0][1], ==, "作業ワーキング");
  g_assert_cmpstr (good_bodies[1][0], ==, "中枢会議");
}

static void
test_import_any_order_cp932 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  const char *text =
    "\r\n"
    "備考,年齢,構成員区分,ﾌﾘｶﾞﾅ,氏名 ,電話番号,E-Mail\r\n"
    "\"'=HYPERLINK(\"\"x\"\")\",52,法律専門家,ﾔﾏｻﾞｷ,山﨑 花子,'+81 3,h@example.jp\r\n"
    "\"\",,市区町村,,髙木,,\r\n";
  gsize size = 0;
  g_autofree char *cp932 = g_convert (text, -1, "CP932", "UTF-8", NULL, &size, &error);
  const RkMemberInfo *info;

  g_assert_no_error (error);
  bytes = g_bytes_new (cp932, size);
  import = rk_roster_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_roster_import_get_encoding (import), ==, RK_CSV_ENCODING_CP932);
  g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, 2);

  info = rk_roster_import_get_info (import, 0);
  g_assert_cmpuint (rk_roster_import_get_line (import, 0), ==, 3);
  g_assert_cmpstr (info->name, ==, "山﨑 花子");
  g_assert_cmpstr (info->kana, ==, "ﾔﾏｻﾞｷ");
  g_assert_cmpint (info->member_type, ==, RK_MEMBER_TYPE_LEGAL_EXPERT);
  g_assert_cmpint (info->role, ==, RK_ROLE_MEMBER);
  g_assert_cmpstr (info->phone, ==, "+81 3");
  g_assert_cmpstr (info->email, ==, "h@example.jp");
  g_assert_cmpstr (info->notes, ==, "=HYPERLINK(\"x\")");

  /* The survey's wording of a type is understood too. */
  info = rk_roster_import_get_info (import, 1);
  g_assert_cmpstr (info->name, ==, "髙木");
  g_assert_cmpint (info->member_type, ==, 2);
  g_assert_null (info->notes);
}

static void
test_import_all_bad (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  const RkMemberInfo *good = (const RkMemberInfo *) 0x1;
  const char *text =
    "氏名,構成員区分,任期開始\n"
    ",消防機関,\n"
    "山田,存在しない区分,\n"
    "佐藤,21,\n"
    "鈴木,0,\n"
    "高橋,消防機関,2025-02-30\n";

  import = parse_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, 5);
  g_assert_cmpuint (rk_roster_import_get_n_bad (import), ==, 5);
  g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, 0);
  g_assert_cmpuint (rk_roster_import_get_good (import, &good, NULL), ==, 0);
  for (guint i = 0; i < 5; i++)
    g_assert_nonnull (rk_roster_import_get_problem (import, i));

  /* A header with no rows is a roster of nobody, not an error. */
  g_clear_pointer (&import, rk_roster_import_free);
  import = parse_text ("氏名,構成員区分\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, 0);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Bad files */

static void
assert_encoding_error_full (const guint8 *data, gsize size, const char *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(RkRosterImport) import = rk_roster_csv_parse (bytes, &error);

  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "neither UTF-8 nor Shift_JIS (CP932)"));
  if (detail != NULL)
    g_assert_nonnull (strstr (error->message, detail));
}

static void
assert_encoding_error (const guint8 *data, gsize size)
{
  assert_encoding_error_full (data, size, NULL);
}

static void
test_bad_encoding (void)
{
  g_autoptr(GError) error = NULL;
  const char *roster = "氏名,構成員区分,所属\r\n山田 太郎,消防機関,みなと市消防本部\r\n佐藤 花子,医師会,みなと市医師会\r\n";
  gsize size = 0;
  g_autofree char *euc = g_convert (roster, -1, "EUC-JP", "UTF-8", NULL, &size, &error);
  g_autofree char *utf16 = NULL;
  const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I', 'H', 'D', 'R' };
  guint8 noise[4096];
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  g_assert_no_error (error);
  assert_encoding_error_full ((const guint8 *) euc, size, "EUC-JP");

  /* UTF-16 with BOM, as Excel's "Unicode Text" writes it. */
  {
    gsize n = 0;
    char *raw = g_convert (roster, -1, "UTF-16LE", "UTF-8", NULL, &n, &error);

    g_assert_no_error (error);
    utf16 = g_malloc (n + 2);
    utf16[0] = (char) 0xFF;
    utf16[1] = (char) 0xFE;
    memcpy (utf16 + 2, raw, n);
    g_free (raw);
    assert_encoding_error_full ((const guint8 *) utf16, n + 2, "UTF-16");
  }

  assert_encoding_error (png, sizeof png);
  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  assert_encoding_error (noise, sizeof noise);
  /* High bytes only, no control characters: still neither encoding. */
  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) (0x80 + (i * 7) % 0x80);
  assert_encoding_error (noise, sizeof noise);

  /* A BOM in front of bytes that are not UTF-8. */
  {
    const guint8 liar[] = { 0xEF, 0xBB, 0xBF, 0x8E, 0x52, 0x93, 0x63, '\n' };
    g_autoptr(GBytes) bytes = g_bytes_new (liar, sizeof liar);
    g_autoptr(RkRosterImport) import = rk_roster_csv_parse (bytes, &error);

    g_assert_null (import);
    g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING);
  }
}

static void
test_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkRosterImport) import = NULL;

  import = parse_text ("氏名,構成員区分,備考\r\n山田,消防機関,ok\r\n佐藤,医師会,\"not closed\r\nstill open\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_bad_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkRosterImport) import = NULL;

  import = parse_text ("所属,電話\r\nみなと市,03\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "氏名"));
  g_assert_nonnull (strstr (error->message, "構成員区分"));
  g_clear_error (&error);

  import = parse_text ("氏名,所属\r\n山田,みなと市\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "構成員区分"));
  g_assert_null (strstr (error->message, "no column 氏名"));
  g_clear_error (&error);

  /* A roster whose first line is data, not a header. */
  import = parse_text ("山田 太郎,消防機関\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER);
  g_clear_error (&error);

  import = parse_text ("氏名,構成員区分,氏名\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER);
  g_clear_error (&error);

  import = parse_text ("", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_EMPTY);
  g_clear_error (&error);

  import = parse_text ("\r\n\r\n,,\r\n", &error);
  g_assert_null (import);
  g_assert_error (error, RK_CSV_ERROR, RK_CSV_ERROR_EMPTY);
}

static void
test_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_sized_new (8 * 1024 * 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  g_autoptr(GTimer) timer = NULL;
  const guint n = 50000;
  double elapsed;

  g_string_append (text, "\xEF\xBB\xBF所属,氏名,ふりがな,役職,役割,構成員区分,所属会議体,代理出席者,電話,メール,"
                         "任期開始,任期終了,備考\r\n");
  for (guint i = 0; i < n; i++)
    {
      /* Every tenth row names a type that does not exist. */
      const char *type = i % 10 == 9 ? "存在しない区分" : "消防機関";

      g_string_append_printf (text, "みなと市消防本部 第%u分署,山田 太郎%u,やまだ たろう,課長,委員,%s,"
                                    "中枢会議、現場会議,佐藤 次郎,'+81-3-1234-%04u,m%u@example.jp,"
                                    "2025-04-01,令和9年3月31日,\"備考, %u\"\r\n",
                              i, i, type, i % 10000, i, i);
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  timer = g_timer_new ();
  import = rk_roster_csv_parse (bytes, &error);
  elapsed = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_test_message ("%u rows parsed in %.3f s", n, elapsed);

  g_assert_cmpuint (rk_roster_import_get_n_rows (import), ==, n);
  g_assert_cmpuint (rk_roster_import_get_n_good (import), ==, n - n / 10);
  g_assert_cmpuint (rk_roster_import_get_n_bad (import), ==, n / 10);
  g_assert_cmpuint (rk_roster_import_get_line (import, n - 1), ==, n + 1);
  g_assert_cmpstr (rk_roster_import_get_info (import, n - 1)->phone, ==, "+81-3-1234-9999");
  g_assert_cmpstr (rk_roster_import_get_info (import, n - 1)->term_end, ==, "2027-03-31");
  g_assert_nonnull (rk_roster_import_get_problem (import, n - 1));
  /* Generous for a loaded CI machine; it takes a fraction of that. */
  g_assert_cmpfloat (elapsed, <, 2.0);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Through the store: import the good rows, export the list of RkMember */

static const RkCouncilInfo council_info = {
  .name = "みなと市在宅医療・救急医療連携推進協議会",
  .municipality = "みなと市",
  .prefecture = "架空県",
  .fiscal_year = 2025,
  .setup = RK_SETUP_BOTH,
};

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static GPtrArray *
sorted_names (const char *const *names)
{
  GPtrArray *array = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (array, (gpointer) names[i]);
  g_ptr_array_sort (array, compare_strings);
  return array;
}

static void
test_store_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (test_dir, "roster.renkei", NULL);
  g_autoptr(RkStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(RkRosterImport) import = NULL;
  g_autoptr(RkRosterImport) reread = NULL;
  const RkMemberInfo *good = NULL;
  const char *const **good_bodies = NULL;
  const RkBodyInfo bodies[] = {
    { .name = "在宅医療・救急医療連携推進協議会", .tier = RK_TIER_CORE },
    { .name = "現場レベルの会議", .tier = RK_TIER_FIELD },
    { .name = "作業ワーキング", .tier = RK_TIER_WORKING },
  };
  GListModel *members;
  guint n;

  store = rk_store_create (path, &council_info, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(RkBody) body = rk_store_add_body (store, &bodies[i], &error);
      g_assert_no_error (error);
    }

  bytes = export_samples (RK_CSV_ENCODING_CP932, NULL);
  import = rk_roster_csv_parse (bytes, &error);
  g_assert_no_error (error);
  n = rk_roster_import_get_good (import, &good, &good_bodies);
  g_assert_cmpuint (n, ==, N_SAMPLES);
  rk_store_import_members (store, good, (const char *const **) good_bodies, n, &error);
  g_assert_no_error (error);

  members = rk_store_get_members (store);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, N_SAMPLES);

  again = rk_roster_csv_export_members (members, RK_CSV_ENCODING_UTF8, NULL, &error);
  g_assert_no_error (error);
  reread = rk_roster_csv_parse (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_roster_import_get_n_good (reread), ==, N_SAMPLES);

  /* The store orders by type and kana: match the members by name. */
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < N_SAMPLES && !found; j++)
        {
          const RkMemberInfo *info = rk_roster_import_get_info (reread, j);

          if (g_strcmp0 (info->name, sample_members[i].name) != 0)
            continue;
          found = TRUE;
          assert_info_equal (info, &sample_members[i]);
          {
            g_autoptr(GPtrArray) got = sorted_names (rk_roster_import_get_body_names (reread, j));
            g_autoptr(GPtrArray) expected = sorted_names ((const char *const *) sample_bodies[i]);

            g_assert_cmpuint (got->len, ==, expected->len);
            for (guint k = 0; k < got->len; k++)
              g_assert_cmpstr (g_ptr_array_index (got, k), ==, g_ptr_array_index (expected, k));
          }
        }
      g_assert_true (found);
    }

  rk_store_close (store, &error);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-roster-csv-XXXXXX", NULL);

  g_test_add_func ("/csv/rfc4180", test_csv_rfc4180);
  g_test_add_func ("/csv/writer-quoting", test_csv_writer_quoting);
  g_test_add_func ("/csv/formula-rule", test_csv_formula_rule);
  g_test_add_func ("/csv/too-large", test_csv_too_large);
  g_test_add_func ("/roster-csv/export-utf8", test_export_utf8);
  g_test_add_func ("/roster-csv/export-cp932", test_export_cp932);
  g_test_add_func ("/roster-csv/export-cp932-unrepresentable", test_export_cp932_unrepresentable);
  g_test_add_func ("/roster-csv/round-trip-utf8", test_round_trip_utf8);
  g_test_add_func ("/roster-csv/round-trip-cp932", test_round_trip_cp932);
  g_test_add_func ("/roster-csv/dates", test_dates);
  g_test_add_func ("/roster-csv/import-bad-rows", test_import_bad_rows);
  g_test_add_func ("/roster-csv/import-any-order-cp932", test_import_any_order_cp932);
  g_test_add_func ("/roster-csv/import-all-bad", test_import_all_bad);
  g_test_add_func ("/roster-csv/bad-encoding", test_bad_encoding);
  g_test_add_func ("/roster-csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/roster-csv/bad-header", test_bad_header);
  g_test_add_func ("/roster-csv/large", test_large);
  g_test_add_func ("/roster-csv/store-round-trip", test_store_round_trip);

  return rk_test_core_run ();
}

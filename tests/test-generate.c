/* test-generate.c — the demo council and synthetic councils (rk_store_write_demo, rk_store_write_generated). */

#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "rk-era.h"
#include "rk-store.h"
#include "rk-test-core.h"

/* The demo is written as of today's fiscal year; main() pins today (RK_TODAY) in another fiscal year than the
 * demo's tables (2025), so what the demo writes has moved. */
#define DEMO_TODAY "2026-11-01"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("renkei-generate-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Whole years the demo's dates move by from its tables, as of DEMO_TODAY. */
static int
demo_shift (void)
{
  GDate today;

  g_assert_true (rk_era_parse_iso_date (DEMO_TODAY, &today));
  return rk_era_fiscal_year_of (g_date_get_year (&today), g_date_get_month (&today)) - 2025;
}

static sqlite3 *
open_readonly (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *param)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

  return query_int (db, sql, NULL);
}

static gint64
count_matches (sqlite3    *db,
               const char *term)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", term);

  return query_int (db, "SELECT count(*) FROM search_index WHERE search_index MATCH ?", quoted);
}

static void
assert_every_table_filled (const char *path)
{
  sqlite3 *db = open_readonly (path);
  const char *const *tables = rk_store_table_names ();

  g_assert_nonnull (tables);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      gint64 n = count_rows (db, tables[i]);

      if (n == 0)
        g_test_message ("table %s is empty", tables[i]);
      g_assert_cmpint (n, >, 0);
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
  sqlite3_close (db);
}

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_demo_opens (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "demo.renkei");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  RkCouncil *council;
  RkStoreReport report = { 0 };

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  council = rk_store_get_council (store);
  g_assert_cmpstr (rk_council_get_name (council), ==, "みなと市在宅医療・救急医療連携推進協議会");
  g_assert_cmpstr (rk_council_get_municipality (council), ==, "みなと市");
  g_assert_cmpint (rk_council_get_fiscal_year (council), ==, 2024 + demo_shift ());
  {
    /* Years written in the text move with the dates: the notes name the council's first 年度. */
    g_autofree char *era = g_strdup_printf ("令和%d年度設置", 6 + demo_shift ());

    g_assert_nonnull (strstr (rk_council_get_notes (council), era));
  }
  g_assert_cmpint (rk_council_get_setup (council), ==, RK_SETUP_BOTH);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_bodies (store)), ==, 4);
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);

  g_assert_true (rk_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_true (report.quick_check_ok);
  g_assert_true (report.application_id_ok);
  g_assert_cmpint (report.schema_version, ==, RK_STORE_SCHEMA_VERSION);
  rk_store_report_clear (&report);
}

static void
test_demo_tables (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "demo.renkei");
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  assert_every_table_filled (path);
}

static void
test_demo_content (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "demo.renkei");
  g_autoptr(GError) error = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *tiers = NULL;
  g_autofree char *overdue_before = g_strdup_printf ("%04d-09-01", 2025 + demo_shift ());
  sqlite3 *db;

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  db = open_readonly (path);

  tiers = query_text (db, "SELECT group_concat(tier, ',') FROM (SELECT tier FROM body ORDER BY position)");
  g_assert_cmpstr (tiers, ==, "0,1,2,3");
  g_assert_cmpint (count_rows (db, "member"), >=, 20);
  /* An ended term is kept as history. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM body_member WHERE left_on IS NOT NULL", NULL), >, 0);
  /* STEP1–6, with the milestones 5-2 and 6-1. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT step) FROM task", NULL), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM task WHERE milestone = 1 AND code IN ('5-2', '6-1')", NULL),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM task", NULL), ==, 3);
  /* Done, open and one overdue action item. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM action_item WHERE status = 1", NULL), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM action_item WHERE status = 0 AND due_date < ?1",
                              overdue_before), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM agenda_item WHERE carried_action_id IS NOT NULL", NULL), ==, 1);

  /* The emergency rule: a frozen 素案 and a draft based on it, sharing section uids. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM rule_version WHERE frozen = 1", NULL), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM rule_version WHERE based_on_id IS NOT NULL", NULL), ==, 1);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM rule_section a JOIN rule_section b ON a.uid = b.uid "
                              "JOIN rule_version va ON va.id = a.version_id JOIN rule_version vb ON vb.id = b.version_id "
                              "WHERE va.frozen = 1 AND vb.based_on_id = va.id "
                              "AND a.uid IN ('purpose', 'scope', 'procedure', 'consent', 'contacts', 'operation')",
                              NULL), ==, 6);
  consent = query_text (db, "SELECT body FROM rule_section s JOIN rule_version v ON v.id = s.version_id "
                            "WHERE s.uid = 'consent' AND v.based_on_id IS NOT NULL");
  g_assert_nonnull (strstr (consent, "人生の最終段階にある"));
  g_assert_nonnull (strstr (consent, "45分"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM form_field f JOIN rule_section s ON s.id = f.section_id "
                                  "WHERE s.uid = 'form-sheet' AND f.label = '延命治療についての希望'", NULL), ==, 2);

  /* Ratio indicators carry numerator and denominator. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id "
                                  "WHERE i.catalog_code = 'C2' AND v.denominator > 0", NULL), ==, 3);

  /* Search finds minutes, rule text and handout text. */
  g_assert_cmpint (count_matches (db, "心肺蘇生"), >, 0);
  g_assert_cmpint (count_matches (db, "救急医療情報シート"), >, 0);
  g_assert_cmpint (count_matches (db, "会議資料"), >, 0);
  sqlite3_close (db);
}

static void
test_demo_handout (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "demo.renkei");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_autofree char *text = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *stored_sha256 = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int page_count;

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  db = open_readonly (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data, page_count, sha256 FROM attachment LIMIT 1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  page_count = sqlite3_column_int (stmt, 1);
  stored_sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (sha256, ==, stored_sha256);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, page_count);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "第1回"));
  g_assert_nonnull (strstr (text, "会議資料"));
  g_object_unref (page);
  g_object_unref (document);
}

static void
test_generate_tables (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "one.renkei");
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_store_write_generated (path, 1, 42, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);
  assert_every_table_filled (path);
}

static char *
first_agenda_text (const char *path)
{
  sqlite3 *db = open_readonly (path);
  char *text = query_text (db, "SELECT group_concat(t, '|') FROM (SELECT title || discussion || decisions AS t "
                               "FROM agenda_item ORDER BY id LIMIT 10)");

  sqlite3_close (db);
  return text;
}

static char *
row_counts (const char *path)
{
  sqlite3 *db = open_readonly (path);
  const char *const *tables = rk_store_table_names ();
  GString *counts = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", tables[i], count_rows (db, tables[i]));
  sqlite3_close (db);
  return g_string_free (counts, FALSE);
}

static void
test_generate_deterministic (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *a = fixture_path (f, "a.renkei");
  g_autofree char *b = fixture_path (f, "b.renkei");
  g_autofree char *c = fixture_path (f, "c.renkei");
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_a = NULL;
  g_autofree char *counts_b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *text_c = NULL;

  g_assert_true (rk_store_write_generated (a, 2, 7, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_write_generated (b, 2, 7, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_write_generated (c, 2, 8, &error));
  g_assert_no_error (error);

  counts_a = row_counts (a);
  counts_b = row_counts (b);
  g_assert_cmpstr (counts_a, ==, counts_b);
  text_a = first_agenda_text (a);
  text_b = first_agenda_text (b);
  text_c = first_agenda_text (c);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (text_a, !=, text_c);
  g_assert_cmpuint (strlen (text_a), >, 1000);
}

static void
test_generate_scales (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const tables[] = {
    "meeting", "agenda_item", "attendance", "action_item", "task", "rule_version", "rule_section",
    "indicator_value", "selfcheck_set",
  };
  g_autofree char *one = fixture_path (f, "one.renkei");
  g_autofree char *two = fixture_path (f, "two.renkei");
  g_autoptr(GError) error = NULL;
  sqlite3 *db_one, *db_two;

  g_assert_true (rk_store_write_generated (one, 1, 3, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_write_generated (two, 2, 3, &error));
  g_assert_no_error (error);

  db_one = open_readonly (one);
  db_two = open_readonly (two);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_test_message ("%s: %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT, tables[i], count_rows (db_one, tables[i]),
                      count_rows (db_two, tables[i]));
      g_assert_cmpint (count_rows (db_two, tables[i]), >, count_rows (db_one, tables[i]));
    }
  /* 60 meetings a fiscal year; 30 handout pages. */
  g_assert_cmpint (count_rows (db_one, "meeting"), ==, 60);
  g_assert_cmpint (count_rows (db_two, "meeting"), ==, 120);
  g_assert_cmpint (count_rows (db_two, "attachment_page"), >=, 50);
  /* Rule sections keep their uids from one version to the next. */
  g_assert_cmpint (query_int (db_two, "SELECT count(DISTINCT uid) FROM rule_section", NULL), <,
                   count_rows (db_two, "rule_section"));
  g_assert_cmpint (query_int (db_two, "SELECT min(n) FROM (SELECT count(*) AS n FROM rule_section GROUP BY version_id)",
                              NULL), >=, 30);
  sqlite3_close (db_one);
  sqlite3_close (db_two);
}

static void
test_generate_history (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "history.renkei");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (rk_store_write_generated (path, 5, 2, &error));
  g_assert_no_error (error);
  db = open_readonly (path);
  /* Terms end and successors take the seat: the ended memberships stay as history. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM body_member WHERE left_on IS NOT NULL", NULL), >, 0);
  g_assert_cmpint (count_rows (db, "member"), >, 27);
  /* Every meeting held was attended, and only by members of that body on that day. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM meeting m WHERE m.status = 1 AND "
                                  "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) < 3", NULL), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
                                  "WHERE NOT EXISTS (SELECT 1 FROM body_member bm WHERE bm.body_id = m.body_id "
                                  "AND bm.member_id = a.member_id AND bm.joined_on <= substr(m.starts_at, 1, 10) "
                                  "AND (bm.left_on IS NULL OR bm.left_on >= substr(m.starts_at, 1, 10)))", NULL),
                   ==, 0);
  /* Meetings are numbered 第1回, 第2回 … per body without gaps. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT body_id, max(number) AS n, count(*) AS c "
                                  "FROM meeting GROUP BY body_id) WHERE n <> c", NULL), ==, 0);
  /* Done action items were done; open ones past their due date exist (overdue). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM action_item WHERE status = 1 AND done_on IS NULL", NULL), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM action_item WHERE status = 0 AND due_date < '2024-01-01'",
                              NULL), >, 0);
  sqlite3_close (db);
}

static void
test_generate_search (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const terms[] = { "連携シート", "救急搬送", "看取り", "人生会議", "心肺蘇生を望まない" };
  g_autofree char *path = fixture_path (f, "search.renkei");
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (rk_store_write_generated (path, 1, 11, &error));
  g_assert_no_error (error);
  db = open_readonly (path);
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    g_assert_cmpint (count_matches (db, terms[i]), >, 0);
  /* Every agenda item with minutes, and every handout page, can be found. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE kind = 'agenda_item'", NULL), ==,
                   count_rows (db, "agenda_item"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE kind = 'attachment_page'", NULL), ==,
                   count_rows (db, "attachment_page"));
  g_assert_cmpint (count_matches (db, "存在しない語句です"), ==, 0);
  sqlite3_close (db);
}

static void
test_refuse_existing (Fixture       *f,
                      gconstpointer  data)
{
  static const char content[] = "not a council, and not to be touched";
  g_autofree char *path = fixture_path (f, "existing.renkei");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  g_assert_no_error (error);

  g_assert_false (rk_store_write_demo (path, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (rk_store_write_generated (path, 1, 1, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &after, &length, &error));
  g_assert_cmpstr (after, ==, content);
  g_assert_cmpuint (length, ==, strlen (content));
}

static void
test_refuse_years (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "zero.renkei");
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_store_write_generated (path, 0, 1, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rk_store_write_generated (path, 51, 1, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "demo.renkei", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_store_write_demo (path, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == RK_STORE_ERROR);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A disk that fills up half-way: the partial council is removed, nothing is left behind. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      struct rlimit limit = { 1024 * 1024, 1024 * 1024 };
      g_autoptr(GError) error = NULL;
      gboolean ok;

      /* The parent's folder: this process's fixture made another one. */
      path = g_strdup (g_getenv ("RK_TEST_FULL_PATH"));
      g_assert_nonnull (path);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      ok = rk_store_write_generated (path, 3, 1, &error);
      g_assert_false (ok);
      g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }

  path = fixture_path (f, "full.renkei");
  g_setenv ("RK_TEST_FULL_PATH", path, TRUE);
  g_test_trap_subprocess ("/generate/refuse/disk-full", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RK_TODAY", DEMO_TODAY, TRUE);

  g_test_add ("/generate/demo/opens", Fixture, NULL, fixture_set_up, test_demo_opens, fixture_tear_down);
  g_test_add ("/generate/demo/tables", Fixture, NULL, fixture_set_up, test_demo_tables, fixture_tear_down);
  g_test_add ("/generate/demo/content", Fixture, NULL, fixture_set_up, test_demo_content, fixture_tear_down);
  g_test_add ("/generate/demo/handout", Fixture, NULL, fixture_set_up, test_demo_handout, fixture_tear_down);
  g_test_add ("/generate/synthetic/tables", Fixture, NULL, fixture_set_up, test_generate_tables, fixture_tear_down);
  g_test_add ("/generate/synthetic/deterministic", Fixture, NULL, fixture_set_up, test_generate_deterministic,
              fixture_tear_down);
  g_test_add ("/generate/synthetic/scales", Fixture, NULL, fixture_set_up, test_generate_scales, fixture_tear_down);
  g_test_add ("/generate/synthetic/history", Fixture, NULL, fixture_set_up, test_generate_history, fixture_tear_down);
  g_test_add ("/generate/synthetic/search", Fixture, NULL, fixture_set_up, test_generate_search, fixture_tear_down);
  g_test_add ("/generate/refuse/existing", Fixture, NULL, fixture_set_up, test_refuse_existing, fixture_tear_down);
  g_test_add ("/generate/refuse/years", Fixture, NULL, fixture_set_up, test_refuse_years, fixture_tear_down);
  g_test_add ("/generate/refuse/missing-folder", Fixture, NULL, fixture_set_up, test_missing_folder,
              fixture_tear_down);

  g_test_add ("/generate/refuse/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);

  return g_test_run ();
}

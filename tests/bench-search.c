/* bench-search.c — search over a synthetic ten-year council (600 meetings, ~10,000 minute paragraphs, 300 handout
 * pages): the median time of rk_search() over a fixed set of Japanese queries, against a LIKE scan of the same text
 * for the same terms, measured in the same run. */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rk-search.h"
#include "rk-store.h"
#include "rk-test-core.h"

#define RUNS  7
#define LIMIT 50

/* One to four characters, and several terms (AND) mixing long and short ones. */
static const char *const queries[] = {
  "看", "搬", "医", "看取", "救急", "連携", "意思", "看取り", "訪問看護", "救急搬送", "情報共有", "連携シート",
  "在宅医療", "救急搬送 看取り", "看取り 意思", "救急 連携", "訪問看護 夜間", "連携シート 更新", "在宅 救急 看",
  "救急搬送 医療 情報",
};

/* The same plain text the search covers, scanned with LIKE for every term: what search would cost without FTS. */
static const char like_scan_sql[] =
  "SELECT count(*) FROM ("
  "SELECT title || char(10) || notes AS t FROM meeting "
  "UNION ALL SELECT title || char(10) || discussion || char(10) || decisions FROM agenda_item "
  "UNION ALL SELECT title || char(10) || assignee_text FROM action_item "
  "UNION ALL SELECT title || char(10) || description FROM challenge "
  "UNION ALL SELECT note FROM challenge_note "
  "UNION ALL SELECT text FROM attachment_page "
  "UNION ALL SELECT heading || char(10) || body FROM rule_section"
  ") WHERE (?1 IS NULL OR t LIKE ?1) AND (?2 IS NULL OR t LIKE ?2) AND (?3 IS NULL OR t LIKE ?3)";

static double
median (GArray *times)
{
  g_array_sort (times, rk_test_compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* The benchmark's queries have at most three terms, none with a quote or a LIKE wildcard. */
static void
bind_like_terms (sqlite3_stmt *scan,
                 const char   *query)
{
  g_auto(GStrv) terms = rk_search_split_query (query);

  g_assert (g_strv_length (terms) <= 3);
  for (int i = 0; i < 3; i++)
    if (i < (int) g_strv_length (terms))
      sqlite3_bind_text (scan, i + 1, g_strdup_printf ("%%%s%%", terms[i]), -1, g_free);
    else
      sqlite3_bind_null (scan, i + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("renkei-bench-search-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) like_times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *reader = NULL;
  sqlite3_stmt *scan = NULL;
  double search_median, like_median;
  guint64 total_results = 0;
  gint64 total_like = 0;

  g_setenv ("RK_TODAY", "2025-11-01", FALSE);
  if (dir == NULL)
    g_error ("%s", error->message);
  {
    /* Backups taken on close go here, not into the user's data directory. */
    g_autofree char *data_home = g_build_filename (dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }
  path = g_build_filename (dir, "bench.renkei", NULL);
  if (!rk_store_write_generated (path, 10, 7, &error))
    g_error ("%s", error->message);
  store = rk_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (reader, like_scan_sql, -1, &scan, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (reader));

  for (int run = 0; run < RUNS; run++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GPtrArray) results = NULL;
        gint64 start;
        double elapsed;

        start = g_get_monotonic_time ();
        results = rk_search (store, queries[q], LIMIT, &error);
        elapsed = (g_get_monotonic_time () - start) / 1000.0;
        if (results == NULL)
          g_error ("%s: %s", queries[q], error->message);
        g_array_append_val (search_times, elapsed);
        total_results += results->len;

        start = g_get_monotonic_time ();
        sqlite3_reset (scan);
        bind_like_terms (scan, queries[q]);
        if (sqlite3_step (scan) != SQLITE_ROW)
          g_error ("%s", sqlite3_errmsg (reader));
        total_like += sqlite3_column_int64 (scan, 0);
        elapsed = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (like_times, elapsed);
      }

  search_median = median (search_times);
  like_median = median (like_times);
  g_print ("search: median %.3f ms per query (%u queries x %d runs, limit %d, %" G_GUINT64_FORMAT " results)\n",
           search_median, (guint) G_N_ELEMENTS (queries), RUNS, LIMIT, total_results / RUNS);
  g_print ("like scan: median %.3f ms per query (same terms over the same plain text, %" G_GINT64_FORMAT " rows)\n",
           like_median, total_like / RUNS);
  g_print ("ratio: LIKE scan / search = %.2f\n", like_median / MAX (search_median, 0.001));

  sqlite3_finalize (scan);
  sqlite3_close (reader);
  rk_store_close (store, NULL);
  g_clear_object (&store);
  rk_test_remove_tree (dir);
  return 0;
}

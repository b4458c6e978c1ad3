/* bench-rule-diff.c — the benchmark: diff two versions of a 300-section rule, against reading both versions
 * from a council file, measured in the same run.
 *
 * The two versions are written into the rule tables of a council file (schema version 1, with sqlite3 directly):
 * 300 sections three levels deep with Japanese bodies of realistic lengths; the second version has about 15% of the
 * bodies edited (a word replaced, a clause inserted, a sentence dropped), a few headings changed, three sections
 * moved (one to another parent, two reordered), four added and three removed. "Reading" is what the compare view
 * does first: both versions' rows into plain arrays, with the tree rebuilt and every section numbered. */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rk-rule-diff.h"
#include "rk-rule.h"
#include "rk-store-schema.h"
#include "rk-test-core.h"

#define RUNS       21
#define N_SECTIONS 300

static const char *const phrases[] = {
  "救急隊は", "かかりつけ医に", "在宅医に", "速やかに連絡し", "本人の意思を確認する", "家族の同意を得た上で",
  "訪問看護ステーションと", "情報を共有する", "救急医療情報シートを", "冷蔵庫に保管し", "心肺蘇生を中止し",
  "医療機関へ搬送する", "地域包括支援センターは", "ケアマネジャーと協力して", "退院前カンファレンスを開き",
  "連携シートを更新する", "主治医が45分以内に到着できる場合は", "到着を待ち", "外因性の心肺停止を除き",
  "事前に話し合った内容を", "書面又は口頭で", "年1回見直す",
};

static const char *const headings[] = {
  "目的", "対象", "定義", "基本方針", "119番通報", "現場到着", "意思の確認", "主治医への連絡", "引継ぎ", "搬送",
  "入院時の連携", "退院支援", "退院後の支援", "情報共有", "連絡先", "様式の取扱い", "研修", "運用", "見直し", "Q&A",
};

typedef struct {
  char *uid, *parent_uid, *heading, *body;
  int   position;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;
  g_free (row->uid);
  g_free (row->parent_uid);
  g_free (row->heading);
  g_free (row->body);
  g_free (row);
}

static char *
sentence (GRand *rand)
{
  GString *s = g_string_new (NULL);

  for (int w = g_rand_int_range (rand, 3, 7); w > 0; w--)
    g_string_append (s, phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))]);
  g_string_append (s, "。");
  return g_string_free (s, FALSE);
}

static char *
paragraph (GRand *rand)
{
  GString *s = g_string_new (NULL);

  /* One to eight sentences: 60 to 900 characters, as in real rules. */
  for (int n = g_rand_int_range (rand, 1, 9); n > 0; n--)
    {
      g_autofree char *one = sentence (rand);
      g_string_append (s, one);
    }
  return g_string_free (s, FALSE);
}

static Row *
row_new (const char *uid,
         const char *parent_uid,
         int         position,
         const char *heading,
         char       *body)
{
  Row *row = g_new0 (Row, 1);
  row->uid = g_strdup (uid);
  row->parent_uid = g_strdup (parent_uid);
  row->position = position;
  row->heading = g_strdup (heading);
  row->body = body;
  return row;
}

/* 10 chapters (第1 …) of 4 sections (1, 2 …) of 6 or 7 items ((1), (2) …): 300 sections. */
static GPtrArray *
make_first_version (GRand *rand)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  guint made = 0;

  for (int c = 0; c < 10; c++)
    {
      g_autofree char *cu = g_strdup_printf ("c%d", c);
      g_ptr_array_add (rows, row_new (cu, NULL, c, headings[c * 2], paragraph (rand)));
      made++;
      for (int s = 0; s < 4; s++)
        {
          g_autofree char *su = g_strdup_printf ("c%d-s%d", c, s);
          int items = (c * 4 + s) < 10 ? 7 : 6; /* 10 × 7 + 30 × 6 = 250 items */
          g_ptr_array_add (rows, row_new (su, cu, s, headings[(c + s) % G_N_ELEMENTS (headings)], paragraph (rand)));
          made++;
          for (int i = 0; i < items; i++)
            {
              g_autofree char *iu = g_strdup_printf ("c%d-s%d-i%d", c, s, i);
              g_ptr_array_add (rows, row_new (iu, su, i, "", paragraph (rand)));
              made++;
            }
        }
    }
  g_assert_cmpuint (made, ==, N_SECTIONS);
  return rows;
}

static Row *
find_row (GPtrArray  *rows,
          const char *uid)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((Row *) g_ptr_array_index (rows, i))->uid, uid) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
  return NULL;
}

static void
edit_body (GRand *rand,
           Row   *row)
{
  GString *s = g_string_new (row->body);
  glong chars = g_utf8_strlen (s->str, -1);
  glong at = g_rand_int_range (rand, 0, MAX (chars - 8, 1));
  gsize byte = g_utf8_offset_to_pointer (s->str, at) - s->str;
  gsize end = g_utf8_offset_to_pointer (s->str + byte, MIN (chars - at, 4)) - s->str;

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0: /* a word replaced */
      g_string_erase (s, byte, end - byte);
      g_string_insert (s, byte, phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))]);
      break;
    case 1: /* a clause inserted */
      g_string_insert (s, byte, "（休日・夜間を含む。）");
      break;
    default: /* a sentence added at the end and the first few characters dropped */
      {
        g_autofree char *more = sentence (rand);
        g_string_append (s, more);
        g_string_erase (s, 0, g_utf8_offset_to_pointer (s->str, 3) - s->str);
      }
      break;
    }
  g_free (row->body);
  row->body = g_string_free (s, FALSE);
}

static GPtrArray *
make_second_version (GRand     *rand,
                     GPtrArray *first)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  guint edited = 0;

  for (guint i = 0; i < first->len; i++)
    {
      const Row *r = g_ptr_array_index (first, i);
      g_ptr_array_add (rows, row_new (r->uid, r->parent_uid, r->position, r->heading, g_strdup (r->body)));
    }

  /* About 15% of the bodies edited, and five headings. */
  while (edited < N_SECTIONS * 15 / 100)
    {
      Row *r = g_ptr_array_index (rows, g_rand_int_range (rand, 0, rows->len));
      edit_body (rand, r);
      edited++;
    }
  for (int h = 0; h < 5; h++)
    {
      Row *r = g_ptr_array_index (rows, 41 * h + 1);
      g_autofree char *old = r->heading;
      r->heading = g_strconcat (old, "及び", headings[h], NULL);
    }

  /* Moved: an item to another section, and two items swapped. */
  {
    Row *r = find_row (rows, "c2-s1-i3");
    g_free (r->parent_uid);
    r->parent_uid = g_strdup ("c5-s2");
    r->position = 100;
    find_row (rows, "c7-s0-i1")->position = 2;
    find_row (rows, "c7-s0-i2")->position = 1;
  }
  /* Removed. */
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *r = g_ptr_array_index (rows, i);
      if (g_strcmp0 (r->uid, "c3-s3-i5") == 0 || g_strcmp0 (r->uid, "c8-s1-i0") == 0
          || g_strcmp0 (r->uid, "c9-s2-i4") == 0)
        g_ptr_array_remove_index (rows, i--);
    }
  /* Added: one first in a section (its siblings renumber), others last. */
  g_ptr_array_add (rows, row_new ("new-1", "c1-s0", -1, "", paragraph (rand)));
  g_ptr_array_add (rows, row_new ("new-2", "c4-s3", 50, "", paragraph (rand)));
  g_ptr_array_add (rows, row_new ("new-3", "c6", 50, "救急医療情報シートの更新", paragraph (rand)));
  g_ptr_array_add (rows, row_new ("new-4", NULL, 50, "附則", paragraph (rand)));
  return rows;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static void
write_version (sqlite3   *db,
               gint64     version_id,
               GPtrArray *rows)
{
  sqlite3_stmt *insert = NULL;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO rule_section (version_id, uid, parent_uid, position, kind, heading, body) "
                          "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6)", -1, &insert, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *r = g_ptr_array_index (rows, i);
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, version_id);
      sqlite3_bind_text (insert, 2, r->uid, -1, SQLITE_STATIC);
      if (r->parent_uid != NULL)
        sqlite3_bind_text (insert, 3, r->parent_uid, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (insert, 3);
      sqlite3_bind_int (insert, 4, r->position);
      sqlite3_bind_text (insert, 5, r->heading, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, r->body, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
    }
  sqlite3_finalize (insert);
}

/* One version as read for the compare view: the rows, then the tree and the numbers. */
typedef struct {
  GStringChunk      *strings;
  RkRuleDiffSection *sections;
  guint              n;
  GPtrArray         *labels;
} Version;

static void
version_clear (Version *v)
{
  g_string_chunk_free (v->strings);
  g_free (v->sections);
  g_ptr_array_unref (v->labels);
}

static void
number_children (Version    *v,
                 GHashTable *children,
                 const char *parent_uid,
                 guint       depth)
{
  GArray *list = g_hash_table_lookup (children, parent_uid != NULL ? parent_uid : "");

  if (list == NULL)
    return;
  for (guint k = 0; k < list->len; k++)
    {
      RkRuleDiffSection *s = &v->sections[g_array_index (list, guint, k)];
      char *label = rk_rule_number_label (depth, k);
      g_ptr_array_add (v->labels, label);
      s->label = label;
      number_children (v, children, s->uid, depth + 1);
    }
}

static void
read_version (sqlite3_stmt *select,
              gint64        version_id,
              Version      *v)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RkRuleDiffSection));
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);

  v->strings = g_string_chunk_new (64 * 1024);
  v->labels = g_ptr_array_new_with_free_func (g_free);
  sqlite3_reset (select);
  sqlite3_bind_int64 (select, 1, version_id);
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      RkRuleDiffSection s = { 0, };
      const char *parent = (const char *) sqlite3_column_text (select, 1);
      GArray *list;
      guint index = rows->len;

      s.uid = g_string_chunk_insert (v->strings, (const char *) sqlite3_column_text (select, 0));
      s.parent_uid = parent != NULL ? g_string_chunk_insert (v->strings, parent) : NULL;
      s.position = sqlite3_column_int (select, 2);
      s.heading = g_string_chunk_insert (v->strings, (const char *) sqlite3_column_text (select, 3));
      s.body = g_string_chunk_insert (v->strings, (const char *) sqlite3_column_text (select, 4));
      g_array_append_val (rows, s);

      /* Rows come ordered by parent and position, so each list is in sibling order. */
      list = g_hash_table_lookup (children, s.parent_uid != NULL ? s.parent_uid : "");
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (children, (gpointer) (s.parent_uid != NULL ? s.parent_uid : ""), list);
        }
      g_array_append_val (list, index);
    }
  v->n = rows->len;
  v->sections = (RkRuleDiffSection *) g_array_free (g_steal_pointer (&rows), FALSE);
  number_children (v, children, NULL, 0);
}

static double
median (GArray *times)
{
  g_array_sort (times, rk_test_compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("renkei-bench-rule-diff-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diff_times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *select = NULL;
  RkRuleDiff *last = NULL;
  double read_median, diff_median;
  guint n_old = 0, n_new = 0;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.renkei", NULL);

  first = make_first_version (rand);
  second = make_second_version (rand, first);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; BEGIN");
  exec_or_die (db, rk_store_schema_v1);
  exec_or_die (db, "INSERT INTO rule_document (id, title, created_at) "
                   "VALUES (1, '急変時・救急搬送時の連携ルール', '2025-04-01T09:00');"
                   "INSERT INTO rule_version (id, document_id, label, version_date, status, frozen, created_at) "
                   "VALUES (1, 1, '第1版', '2025-04-01', 4, 1, '2025-04-01T09:00'),"
                   "       (2, 1, '第2版 素案', '2025-10-01', 1, 0, '2025-10-01T09:00');");
  write_version (db, 1, first);
  write_version (db, 2, second);
  exec_or_die (db, "COMMIT");
  sqlite3_close (db);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db,
                             "SELECT uid, parent_uid, position, heading, body FROM rule_section "
                             "WHERE version_id = ?1 ORDER BY parent_uid, position, id", -1, &select, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  for (int run = 0; run < RUNS; run++)
    {
      Version old_v, new_v;
      RkRuleDiff *diff;
      gint64 start;
      double elapsed;

      start = g_get_monotonic_time ();
      read_version (select, 1, &old_v);
      read_version (select, 2, &new_v);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (read_times, elapsed);

      start = g_get_monotonic_time ();
      diff = rk_rule_diff_new (old_v.sections, old_v.n, new_v.sections, new_v.n);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (diff_times, elapsed);

      n_old = old_v.n, n_new = new_v.n;
      rk_rule_diff_free (last);
      last = diff;
      version_clear (&old_v);
      version_clear (&new_v);
    }

  /* The benchmark measures what it claims: the versions differ as built. */
  g_assert_cmpuint (n_old, ==, N_SECTIONS);
  g_assert_cmpuint (last->n_added, ==, 4);
  g_assert_cmpuint (last->n_removed, ==, 3);
  g_assert_cmpuint (last->n_moved, >=, 2);

  read_median = median (read_times);
  diff_median = median (diff_times);
  g_print ("versions: %u and %u sections; %u changed, %u moved, %u added, %u removed, %u renumbered; %u change stops\n",
           n_old, n_new, last->n_changed, last->n_moved, last->n_added, last->n_removed, last->n_renumbered,
           last->changes->len);
  g_print ("read both versions: median %.3f ms (%d runs)\n", read_median, RUNS);
  g_print ("diff: median %.3f ms (%d runs)\n", diff_median, RUNS);
  g_print ("ratio: diff / read = %.2f\n", diff_median / MAX (read_median, 0.001));

  rk_rule_diff_free (last);
  sqlite3_finalize (select);
  sqlite3_close (db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}

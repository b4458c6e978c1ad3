/* test-search.c — handouts (rk-handout.h) and full-text search (rk-search.h). */

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <sqlite3.h>
#include <string.h>

#include "rk-handout.h"
#include "rk-search.h"
#include "rk-store-private.h"
#include "rk-store.h"
#include "rk-test-core.h"

#define TODAY "2025-11-01"

/* A paragraph long enough to wrap several times on A4: its text must come back whole, without the line breaks. */
#define LONG_PARAGRAPH \
  "在宅療養者の急変時には、かかりつけ医と訪問看護ステーションが連携して本人の意思を確認し、救急隊への情報提供を" \
  "円滑に行うため、救急医療情報シートを自宅の冷蔵庫に保管することとし、年に一度は内容を更新する。"

typedef struct {
  char    *dir;
  char    *path;
  RkStore *store;
  sqlite3 *reader;   /* a second, read-only connection: what is really in the file */
  gint64   meeting_id;
  gint64   other_meeting_id;
} Fixture;

/* ------------------------------------------------------------------------------------------------------------ */
/* Helpers */

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Everything a refused handout or a search must leave as it was. */
static char *
file_state (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  char *state;

  g_assert_cmpint (sqlite3_prepare_v2 (f->reader,
                                       "SELECT (SELECT count(*) FROM meeting) || '/' || (SELECT count(*) FROM attachment)"
                                       " || '/' || (SELECT count(*) FROM attachment_page) || '/' || "
                                       "(SELECT count(*) FROM search_index) || '/' || (SELECT count(*) FROM agenda_item)"
                                       " || '/' || (SELECT modified_at FROM council)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return state;
}

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = rk_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF drawn as the app draws its documents: cairo, Pango, Noto CJK. */
static GBytes *
make_pdf (const char *const *pages)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK JP 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 400 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      cairo_move_to (cr, 56, 64);
      pango_layout_set_text (layout, pages[i], -1);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buffer);
}

/* A one-page PDF written by hand with its cross-reference table. With @encrypted, the standard security handler with
 * a user password (the /U entry matches no empty password), so a reader must ask for it. @n_pages 0: an empty tree. */
static GBytes *
make_raw_pdf (gboolean encrypted,
              int      n_pages)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  gsize offsets[5];
  gsize xref;
  int n_objects = encrypted ? 5 : 4;

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  if (n_pages > 0)
    g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  else
    g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n");
  if (encrypted)
    {
      offsets[4] = pdf->len;
      g_string_append (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44\n"
                            "/O <5D2A9C1B7E3F40618293A4B5C6D7E8F90123456789ABCDEF0F1E2D3C4B5A6978>\n"
                            "/U <A1B2C3D4E5F60718293A4B5C6D7E8F9011223344556677889900AABBCCDDEEFF> >>\nendobj\n");
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %d\n0000000000 65535 f \n", n_objects);
  for (int i = 1; i < n_objects; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %d /Root 1 0 R", n_objects);
  if (encrypted)
    g_string_append (pdf, " /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
  g_string_append_printf (pdf, " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
  return g_bytes_new (pdf->str, pdf->len);
}

/* The hand-made council: one body, two meetings, agenda items whose text the tests below know exactly. */
static const struct {
  int         meeting;  /* 0 or 1 */
  const char *title;
  const char *discussion;
  const char *decisions;
} hand_items[] = {
  { 0, "看取りの連携", "在宅での看取りについて意見交換した。", "看取り期の連絡先を一覧にする。" },
  { 0, "救急搬送の課題", "救急搬送時に本人の意思が伝わらない事例がある。", "救急搬送の手順を部会で検討する。" },
  { 0, "記号の扱い", "a<b & c>d の比較、100% の達成、snake_case の名前、\"引用\" と * と NEAR( の文字。",
    "決定なし" },
  { 1, "看護師の配置", "訪問看護の夜間体制について。", "次回までに調査する。" },
  { 1, "その他", "特になし。", "" },
};

static void
write_hand_made (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  RkCouncilInfo info = { .name = "テスト協議会", .municipality = "テスト市", .prefecture = "テスト県",
                         .fiscal_year = 2025 };
  sqlite3 *db = NULL;
  gint64 meetings[2];

  store = rk_store_create (f->path, &info, &error);
  g_assert_no_error (error);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_true (rk_store_exec (db, "BEGIN; INSERT INTO body (id, name, tier) VALUES (1, '救急搬送連携部会', 1);"
                                    "INSERT INTO meeting (id, body_id, number, title, starts_at) "
                                    "VALUES (1, 1, 1, '第1回部会', '2025-05-10T14:00'), "
                                    "(2, 1, 2, '第2回部会', '2025-07-10T14:00');", &error));
  g_assert_no_error (error);
  meetings[0] = 1;
  meetings[1] = 2;
  for (guint i = 0; i < G_N_ELEMENTS (hand_items); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *body = g_strconcat (hand_items[i].discussion, "\n", hand_items[i].decisions, NULL);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO agenda_item (meeting_id, position, title, discussion, "
                                               "decisions) VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, meetings[hand_items[i].meeting]);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, hand_items[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, hand_items[i].discussion, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, hand_items[i].decisions, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_assert_true (rk_store_index_put (db, "agenda_item", sqlite3_last_insert_rowid (db), hand_items[i].title,
                                         body, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rk_store_exec (db, "COMMIT", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  f->meeting_id = meetings[0];
  f->other_meeting_id = meetings[1];
  open_store (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("renkei-search-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "council.renkei", NULL);
  if (GPOINTER_TO_INT (data) == 1)
    {
      rk_store_write_generated (f->path, 1, 42, &error);
      g_assert_no_error (error);
      open_store (f);
      f->meeting_id = query_int (f->reader, "SELECT min(id) FROM meeting");
    }
  else
    write_hand_made (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sqlite3_close (f->reader);
  if (f->store != NULL)
    {
      rk_store_close (f->store, &error);
      g_assert_no_error (error);
      g_clear_object (&f->store);
    }
  rk_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GPtrArray *
search (Fixture    *f,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = rk_search (f->store, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static gboolean
has_result (GPtrArray  *results,
            const char *kind,
            gint64      ref)
{
  for (guint i = 0; i < results->len; i++)
    {
      RkSearchResult *r = g_ptr_array_index (results, i);
      if (g_str_equal (r->kind, kind) && r->ref == ref)
        return TRUE;
    }
  return FALSE;
}

/* Agenda items of the hand-made council whose title, discussion or decisions hold every one of @terms. */
static guint
expected_items (const char *const *terms)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (hand_items); i++)
    {
      g_autofree char *text = g_strjoin ("\n", hand_items[i].title, hand_items[i].discussion,
                                         hand_items[i].decisions, NULL);
      gboolean all = TRUE;

      for (guint t = 0; terms[t] != NULL; t++)
        all = all && strstr (text, terms[t]) != NULL;
      n += all;
    }
  return n;
}

/* Every result's snippet is valid markup with the match in bold. */
static void
assert_snippets (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      RkSearchResult *r = g_ptr_array_index (results, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      static const GMarkupParser parser = { 0 };
      g_autofree char *wrapped = g_strconcat ("<markup>", r->snippet, "</markup>", NULL);

      g_assert_nonnull (strstr (r->snippet, "<b>"));
      context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
      g_markup_parse_context_parse (context, wrapped, -1, &error);
      g_assert_no_error (error);
      g_markup_parse_context_end_parse (context, &error);
      g_assert_no_error (error);
      g_assert_nonnull (r->title);
      g_assert_cmpstr (r->title, !=, "");
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Query parsing */

static void
test_split (void)
{
  g_auto(GStrv) a = rk_search_split_query ("  看取り\u3000救急搬送\t看 ");
  g_auto(GStrv) b = rk_search_split_query ("\u3000 \n");
  g_auto(GStrv) c = rk_search_split_query (NULL);

  g_assert_cmpuint (g_strv_length (a), ==, 3);
  g_assert_cmpstr (a[0], ==, "看取り");
  g_assert_cmpstr (a[1], ==, "救急搬送");
  g_assert_cmpstr (a[2], ==, "看");
  g_assert_cmpuint (g_strv_length (b), ==, 0);
  g_assert_cmpuint (g_strv_length (c), ==, 0);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Search on hand-made data */

static void
test_term_lengths (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const terms[] = { "看", "看取", "看取り", "救急搬送", "看護", "意思" };

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      const char *query[] = { terms[i], NULL };
      g_autoptr(GPtrArray) results = search (f, terms[i]);
      guint items = 0;

      for (guint r = 0; r < results->len; r++)
        items += g_str_equal (((RkSearchResult *) g_ptr_array_index (results, r))->kind, "agenda_item");
      g_assert_cmpuint (items, ==, expected_items (query));
      g_assert_cmpuint (items, >, 0);
      assert_snippets (results);
    }
}

static void
test_and (Fixture       *f,
          gconstpointer  data)
{
  /* Long + long, long + short, short + short, and a pair no single item holds. */
  static const char *const queries[][3] = {
    { "救急搬送", "意思", NULL },
    { "看取り", "連絡", NULL },
    { "看", "夜", NULL },
    { "救急搬送", "看取り", NULL },
    { "救急", "手順", NULL },
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *query = g_strjoinv ("\u3000", (char **) queries[q]);
      g_autoptr(GPtrArray) results = search (f, query);
      guint expected = expected_items (queries[q]);

      g_assert_cmpuint (results->len, ==, expected);
      assert_snippets (results);
    }
  /* The pair in one item vs one term only: 救急搬送 is in item 2 (with 意思), not in item 1. */
  {
    g_autoptr(GPtrArray) both = search (f, "救急搬送 意思");
    g_autoptr(GPtrArray) one = search (f, "救急搬送");

    g_assert_cmpuint (both->len, ==, 1);
    g_assert_cmpuint (one->len, ==, 1);
    g_assert_true (has_result (both, "agenda_item", 2));
  }
  {
    g_autoptr(GPtrArray) none = search (f, "救急搬送 看取り");
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  static const char *const queries[] = {
    "\"", "*", "NEAR(", "NEAR(看取り 救急搬送)", "'); DROP TABLE meeting; --", "%", "_", "\\", "AND", "OR NOT",
    "\"看取り", "看取り\"", "看取り*", "^看", "col:看取り", "{title}:看取り", "%%%%", "___", "a\"b\"c", "\u3000*\u3000",
    "\xff\xfe invalid", "SELECT * FROM meeting",
  };
  g_autofree char *before = file_state (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = search (f, queries[i]);
      assert_snippets (results);
    }

  /* Wildcards are literal: only the item with "100%" and "snake_case" match them. */
  {
    g_autoptr(GPtrArray) percent = search (f, "%");
    g_autoptr(GPtrArray) underscore = search (f, "_");
    g_autoptr(GPtrArray) quote = search (f, "\"");
    g_autoptr(GPtrArray) star = search (f, "*");
    g_autoptr(GPtrArray) near = search (f, "NEAR(");

    g_assert_cmpuint (percent->len, ==, 1);
    g_assert_true (has_result (percent, "agenda_item", 3));
    g_assert_cmpuint (underscore->len, ==, 1);
    g_assert_cmpuint (quote->len, ==, 1);
    g_assert_cmpuint (star->len, ==, 1);
    g_assert_cmpuint (near->len, ==, 1);
    g_assert_true (has_result (near, "agenda_item", 3));
  }

  for (guint i = 0; i < 3; i++)
    {
      static const char *const blanks[] = { "", "   ", "\u3000\t" };

      empty = rk_search (f->store, blanks[i], 0, &error);
      g_assert_error (error, RK_SEARCH_ERROR, RK_SEARCH_ERROR_EMPTY);
      g_assert_null (empty);
      g_clear_error (&error);
    }

  {
    g_autofree char *after = file_state (f);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpint (query_int (f->reader, "SELECT count(*) FROM meeting"), ==, 2);
  }
}

static void
test_snippet_markup (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const queries[] = { "比較", "a<b", "c>d", "&", "<", "比較 &" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = search (f, queries[i]);
      RkSearchResult *r;

      g_assert_cmpuint (results->len, ==, 1);
      assert_snippets (results);
      r = g_ptr_array_index (results, 0);
      g_assert_nonnull (strstr (r->snippet, "&lt;"));
      g_assert_nonnull (strstr (r->snippet, "&gt;"));
      g_assert_nonnull (strstr (r->snippet, "&amp;"));
      {
        g_autoptr(GString) bare = g_string_new (r->snippet);

        /* Apart from the highlighting, no markup gets through: every < and > of the text is escaped. */
        g_string_replace (bare, "<b>", "", 0);
        g_string_replace (bare, "</b>", "", 0);
        g_assert_null (strchr (bare->str, '<'));
        g_assert_null (strchr (bare->str, '>'));
      }
      g_assert_cmpint (r->meeting_id, ==, f->meeting_id);
    }
  {
    g_autoptr(GPtrArray) results = search (f, "a<b");
    RkSearchResult *r = g_ptr_array_index (results, 0);
    g_assert_nonnull (strstr (r->snippet, "<b>a&lt;b</b>"));
  }
  {
    g_autoptr(GPtrArray) results = search (f, "看");
    RkSearchResult *r = g_ptr_array_index (results, 0);
    g_assert_nonnull (strstr (r->snippet, "<b>看</b>"));
  }
}

static void
test_limit_and_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = search (f, "看");
  g_autoptr(GPtrArray) one = rk_search (f->store, "看", 1, &error);
  RkSearchResult *first;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (one->len, ==, 1);
  /* Short terms only: newest first (the second meeting's 看護師 item). */
  first = g_ptr_array_index (all, 0);
  g_assert_cmpint (first->meeting_id, ==, f->other_meeting_id);
  g_assert_cmpint (((RkSearchResult *) g_ptr_array_index (one, 0))->ref, ==, first->ref);
}

static void
test_soft_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = rk_store_get_db (f->store);

  {
    g_autoptr(GPtrArray) results = search (f, "看取り");
    g_assert_cmpuint (results->len, ==, 1);
  }
  /* A removed item, and every item of a removed meeting, are gone from both kinds of search; the index rows stay,
   * as the meetings core may leave them: the source tables decide. */
  g_assert_true (rk_store_exec (db, "UPDATE agenda_item SET deleted_at = '2025-11-01T00:00:00' WHERE id = 1", &error));
  {
    g_autoptr(GPtrArray) long_term = search (f, "看取り");
    g_autoptr(GPtrArray) short_term = search (f, "看取");
    g_assert_cmpuint (long_term->len, ==, 0);
    g_assert_cmpuint (short_term->len, ==, 0);
  }
  g_assert_true (rk_store_exec (db, "UPDATE meeting SET deleted_at = '2025-11-01T00:00:00' WHERE id = 2", &error));
  {
    g_autoptr(GPtrArray) results = search (f, "看護");
    g_assert_cmpuint (results->len, ==, 0);
  }
  g_assert_true (rk_store_exec (db, "UPDATE meeting SET deleted_at = NULL; UPDATE agenda_item SET deleted_at = NULL",
                                &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) results = search (f, "看取り");
    g_assert_cmpuint (results->len, ==, 1);
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Handouts */

static void
test_handout_text (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const pages[] = { "第1回 会議資料テスト\n救急搬送連携部会", "資料2\n" LONG_PARAGRAPH, NULL };
  g_autoptr(GBytes) pdf = make_pdf (pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkHandout) handout = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(RkTestPdf) document = NULL;
  cairo_surface_t *thumbnail;

  handout = rk_store_add_handout_bytes (f->store, f->meeting_id, "shiryo.pdf", pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (handout);
  g_assert_cmpint (handout->page_count, ==, 2);
  g_assert_cmpint (handout->size, ==, (gint64) g_bytes_get_size (pdf));
  g_assert_cmpstr (handout->title, ==, "shiryo");
  g_assert_cmpstr (handout->mime_type, ==, "application/pdf");
  g_assert_cmpuint (strlen (handout->sha256), ==, 64);
  g_assert_cmpint (query_int (f->reader, "SELECT count(*) FROM attachment_page"), ==, 2);

  list = rk_store_list_handouts (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((RkHandout *) g_ptr_array_index (list, 0))->id, ==, handout->id);

  back = rk_store_get_handout_data (f->store, handout->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));

  /* The text is found by a long term, a short one, and a phrase that layout wrapped over lines. */
  {
    g_autoptr(GPtrArray) results = search (f, "会議資料テスト");
    RkSearchResult *r;

    g_assert_cmpuint (results->len, ==, 1);
    r = g_ptr_array_index (results, 0);
    g_assert_cmpstr (r->kind, ==, RK_SEARCH_KIND_ATTACHMENT_PAGE);
    g_assert_cmpint (r->ref, ==, handout->id);
    g_assert_cmpint (r->page, ==, 1);
    g_assert_cmpint (r->meeting_id, ==, f->meeting_id);
    g_assert_nonnull (strstr (r->snippet, "<b>"));
    assert_snippets (results);
  }
  {
    g_autoptr(GPtrArray) results = search (f, "冷蔵庫");
    g_assert_cmpuint (results->len, ==, 1);
    g_assert_cmpint (((RkSearchResult *) g_ptr_array_index (results, 0))->page, ==, 2);
  }
  {
    g_autoptr(GPtrArray) results = search (f, "資料 テスト");
    g_assert_true (has_result (results, RK_SEARCH_KIND_ATTACHMENT_PAGE, handout->id));
  }
  document = rk_store_open_handout (f->store, handout->id, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = rk_handout_page_text (document, 1);
    g_assert_nonnull (strstr (text, LONG_PARAGRAPH));
  }

  /* A thumbnail 120 pixels wide, to A4's proportions, with something drawn on white. */
  thumbnail = rk_handout_render_page (document, 0, 120, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (thumbnail), ==, 120);
  g_assert_cmpint (cairo_image_surface_get_height (thumbnail), ==, 170);
  {
    const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (thumbnail);
    int stride = cairo_image_surface_get_stride (thumbnail) / 4;
    guint dark = 0;

    g_assert_cmphex (pixels[0], ==, 0xFFFFFFFF);
    for (int y = 0; y < 170; y++)
      for (int x = 0; x < 120; x++)
        dark += (pixels[y * stride + x] & 0xFF) < 0x80;
    g_assert_cmpuint (dark, >, 0);
  }
  cairo_surface_destroy (thumbnail);
  g_assert_null (rk_handout_render_page (document, 2, 120, &error));
  g_assert_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_PAGE);
  g_clear_error (&error);
  g_assert_null (rk_handout_render_page (document, 0, 0, &error));
  g_assert_error (error, RK_HANDOUT_ERROR, RK_HANDOUT_ERROR_PAGE);
  g_clear_error (&error);

  /* Removed: gone from the list, the index and search; restored: back in all three. */
  g_assert_true (rk_store_remove_handout (f->store, handout->id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) results = search (f, "会議資料テスト");
    g_autoptr(GPtrArray) short_results = search (f, "資料");
    g_autoptr(GPtrArray) handouts = rk_store_list_handouts (f->store, f->meeting_id, &error);

    g_assert_cmpuint (results->len, ==, 0);
    g_assert_false (has_result (short_results, RK_SEARCH_KIND_ATTACHMENT_PAGE, handout->id));
    g_assert_cmpuint (handouts->len, ==, 0);
    g_assert_cmpint (query_int (f->reader, "SELECT count(*) FROM search_index WHERE kind = 'attachment_page'"), ==, 0);
  }
  g_assert_false (rk_store_remove_handout (f->store, handout->id, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rk_store_get_handout_data (f->store, handout->id, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rk_store_restore_handout (f->store, handout->id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) results = search (f, "会議資料テスト");
    g_assert_cmpuint (results->len, ==, 1);
    g_assert_cmpint (query_int (f->reader, "SELECT count(*) FROM search_index WHERE kind = 'attachment_page'"), ==, 2);
  }

  /* A file on disk, with a title of the user's. */
  {
    g_autofree char *path = g_build_filename (f->dir, "資料2.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(RkHandout) second = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
    second = rk_store_add_handout (f->store, f->other_meeting_id, file, "  第2回 資料  ", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (second->title, ==, "第2回 資料");
    g_assert_cmpstr (second->filename, ==, "資料2.pdf");
  }
}

/* Each refusal: the right error, and nothing written. */
static void
assert_refused (Fixture    *f,
                GFile      *file,
                GBytes     *bytes,
                int         code,
                int         other_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_state (f);
  g_autofree char *after = NULL;
  g_autoptr(RkHandout) handout = NULL;

  if (file != NULL)
    handout = rk_store_add_handout (f->store, f->meeting_id, file, NULL, &error);
  else
    handout = rk_store_add_handout_bytes (f->store, f->meeting_id, "bad.pdf", bytes, NULL, &error);
  g_assert_null (handout);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (error->domain == RK_HANDOUT_ERROR);
  if (error->code != code)
    g_assert_cmpint (error->code, ==, other_code);
  after = file_state (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_handout_refusals (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const pages[] = { "会議資料テスト", NULL };
  g_autoptr(GBytes) pdf = make_pdf (pages);
  g_autoptr(GError) error = NULL;

  /* A text file renamed .pdf. */
  {
    g_autofree char *path = g_build_filename (f->dir, "memo.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (g_file_set_contents (path, "議事メモ: これはPDFではありません。\n", -1, NULL));
    assert_refused (f, file, NULL, RK_HANDOUT_ERROR_NOT_PDF, -1);
  }
  /* Cut short, as by a failed download: half the file, and all but the last bytes. */
  {
    g_autoptr(GBytes) half = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 2);
    g_autoptr(GBytes) most = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) - 8);

    assert_refused (f, NULL, half, RK_HANDOUT_ERROR_DAMAGED, -1);
    assert_refused (f, NULL, most, RK_HANDOUT_ERROR_DAMAGED, -1);
  }
  /* A PDF header and end, and nothing poppler can read in between. */
  {
    g_autoptr(GBytes) garbage = g_bytes_new_static ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R\n"
                                                    "garbage garbage\n%%EOF\n", 70);
    assert_refused (f, NULL, garbage, RK_HANDOUT_ERROR_DAMAGED, -1);
  }
  /* Encrypted with a user password; the same file without /Encrypt opens. */
  {
    g_autoptr(GBytes) encrypted = make_raw_pdf (TRUE, 1);
    g_autoptr(GBytes) plain = make_raw_pdf (FALSE, 1);
    g_autoptr(RkTestPdf) document = rk_handout_open (plain, "plain.pdf", &error);

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
    assert_refused (f, NULL, encrypted, RK_HANDOUT_ERROR_ENCRYPTED, -1);
  }
  /* No pages. */
  {
    g_autoptr(GBytes) empty = make_raw_pdf (FALSE, 0);
    assert_refused (f, NULL, empty, RK_HANDOUT_ERROR_NO_PAGES, RK_HANDOUT_ERROR_DAMAGED);
  }
  /* 200 MB: a sparse file, refused from its size without being read. */
  {
    g_autofree char *path = g_build_filename (f->dir, "huge.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    FILE *out = g_fopen (path, "wb");

    g_assert_nonnull (out);
    fputs ("%PDF-1.4\n", out);
    fclose (out);
    g_assert_cmpint (truncate (path, RK_HANDOUT_MAX_SIZE), ==, 0);
    assert_refused (f, file, NULL, RK_HANDOUT_ERROR_TOO_LARGE, -1);
    g_assert_cmpint (truncate (path, RK_HANDOUT_MAX_SIZE + 4096), ==, 0);
    assert_refused (f, file, NULL, RK_HANDOUT_ERROR_TOO_LARGE, -1);
  }
  /* A meeting that is not there. */
  {
    g_autoptr(RkHandout) handout = rk_store_add_handout_bytes (f->store, 999, "shiryo.pdf", pdf, NULL, &error);
    g_assert_null (handout);
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_normalize (void)
{
  g_autofree char *joined = rk_handout_normalize_text ("救急搬\n送の手順\r\nSTEP1\nSTEP2\n看取り\nA");
  g_autofree char *radicals = rk_handout_normalize_text ("\xe2\xbd\x85\xe9\x87\x9d");  /* ⽅針 with a Kangxi ⽅ */
  g_autofree char *controls = rk_handout_normalize_text ("a\x01" "b\xe2\x80\x8b" "c\td");

  g_assert_cmpstr (joined, ==, "救急搬送の手順\nSTEP1\nSTEP2\n看取り\nA");
  g_assert_cmpstr (radicals, ==, "方針");
  g_assert_cmpstr (controls, ==, "abc d");
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The generated council */

static void
test_generated (Fixture       *f,
                gconstpointer  data)
{
  static const char *const chain[] = { "看", "看取", "看取り" };
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GError) error = NULL;

  /* 看取り ⊆ 看取 ⊆ 看: the FTS and LIKE paths agree on the same text. */
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    {
      g_autoptr(GPtrArray) results = search (f, chain[i]);

      g_test_message ("%s: %u results", chain[i], results->len);
      g_assert_cmpuint (results->len, >, 0);
      assert_snippets (results);
      if (previous != NULL)
        {
          g_assert_cmpuint (results->len, <=, previous->len);
          for (guint r = 0; r < results->len; r++)
            {
              RkSearchResult *x = g_ptr_array_index (results, r);
              gboolean found = FALSE;

              for (guint p = 0; p < previous->len && !found; p++)
                {
                  RkSearchResult *y = g_ptr_array_index (previous, p);
                  found = g_str_equal (x->kind, y->kind) && x->ref == y->ref && x->page == y->page;
                }
              g_assert_true (found);
            }
        }
      g_clear_pointer (&previous, g_ptr_array_unref);
      previous = g_steal_pointer (&results);
    }

  {
    g_autoptr(GPtrArray) four = search (f, "救急搬送");
    g_autoptr(GPtrArray) both = search (f, "救急搬送 看取り");
    g_autoptr(GPtrArray) limited = rk_search (f->store, "救急搬送", 5, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (four->len, >, 0);
    g_assert_cmpuint (both->len, <, four->len);
    g_assert_cmpuint (limited->len, ==, 5);
    /* bm25 order: scores never get better down the list. */
    for (guint i = 1; i < four->len; i++)
      g_assert_cmpfloat (((RkSearchResult *) g_ptr_array_index (four, i - 1))->score, <=,
                         ((RkSearchResult *) g_ptr_array_index (four, i))->score);
    assert_snippets (both);
  }

  /* The generated handouts (cairo + Pango, Noto CJK): their Japanese text comes back from the stored PDF. */
  {
    gint64 id = query_int (f->reader, "SELECT min(id) FROM attachment");
    g_autoptr(RkTestPdf) document = rk_store_open_handout (f->store, id, &error);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_no_error (error);
    first = rk_handout_page_text (document, 0);
    second = rk_handout_page_text (document, 1);
    g_assert_nonnull (strstr (first, "会議資料"));
    g_assert_nonnull (strstr (second, "協議事項の説明資料"));
  }
  {
    g_autoptr(GPtrArray) pages = search (f, "会議資料");
    g_assert_true (has_result (pages, RK_SEARCH_KIND_ATTACHMENT_PAGE, query_int (f->reader, "SELECT min(id) FROM attachment")));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = g_dir_make_tmp ("renkei-search-data-XXXXXX", NULL);
  g_autofree char *data_home = NULL;
  int status;

  /* Before anything reads the date, or asks GLib for the user data directory (backups go there; it is cached). */
  g_setenv ("RK_TODAY", TODAY, TRUE);
  g_assert_nonnull (data_dir);
  data_home = g_build_filename (data_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/split", test_split);
  g_test_add_func ("/handout/normalize", test_normalize);
  g_test_add ("/search/term-lengths", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_term_lengths,
              fixture_tear_down);
  g_test_add ("/search/and", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_and, fixture_tear_down);
  g_test_add ("/search/bad-input", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/search/snippet-markup", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_snippet_markup,
              fixture_tear_down);
  g_test_add ("/search/limit-order", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_limit_and_order,
              fixture_tear_down);
  g_test_add ("/search/soft-delete", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_soft_delete,
              fixture_tear_down);
  g_test_add ("/handout/text", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_handout_text, fixture_tear_down);
  g_test_add ("/handout/refusals", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_handout_refusals,
              fixture_tear_down);
  g_test_add ("/search/generated", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_generated, fixture_tear_down);
  status = g_test_run ();
  rk_test_remove_tree (data_dir);
  return status;
}

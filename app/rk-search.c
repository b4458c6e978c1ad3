/* rk-search.c — full-text search: FTS5 trigram for terms of three characters or more, LIKE on the plain tables for
 * shorter ones (DESIGN.md, Full-text search).
 *
 * How the two kinds of term combine (every term must match, AND):
 *  - Long terms only, or long and short: the FTS5 query ("t1" AND "t2" …, each term one quoted phrase) selects the
 *    candidate index rows, best bm25 first. Each candidate is then looked up in its source table by id, through a
 *    per-kind statement that applies the soft-delete filters (the row, its meeting, its body, its rule document or
 *    version) and checks every short term with LIKE on that same row's plain text. The index mirrors exactly that
 *    text (rk-store-generate.c and the store write title and body from these columns), so a row passes only when
 *    all terms occur in one place. Lookups stop once @limit rows have passed and the next candidate ranks strictly
 *    worse, so a frequent term does not cost a lookup per match.
 *  - Short terms only: trigrams cannot help, so each kind's plain table is scanned with all the LIKE terms, newest
 *    first, and the kinds are merged by date.
 * The SQL is constant: terms are bound as parameters (one per LIKE slot, one FTS expression), so user text never
 * becomes SQL, and inside FTS5 quotes it never becomes query syntax either. */

#include "rk-search.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rk-store-private.h"

/* Characters below which a term cannot be found through trigrams. */
#define TRIGRAM 3
/* Context around a match in snippets built here: characters before and after it. */
#define SNIPPET_BEFORE 16
#define SNIPPET_AFTER  48
/* snippet()'s window, in trigram tokens (about one character each). */
#define FTS_SNIPPET_TOKENS "40"

/* Markers for matches inside snippet text, turned into <b></b> once the text around them is escaped. */
#define MARK_OPEN  '\x01'
#define MARK_CLOSE '\x02'

G_DEFINE_QUARK (rk-search-error-quark, rk_search_error)

void
rk_search_result_free (RkSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->title);
  g_free (result->snippet);
  g_free (result->date);
  g_free (result);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Per-kind SQL. Every base query yields ref, page, meeting_id, place (body or document name), number, label, text
 * and at (for recency), with the soft-delete filters applied. */

#define BASE_MEETING \
  "SELECT m.id AS ref, 0 AS page, m.id AS meeting_id, b.name AS place, m.number AS number, m.title AS label, " \
  "m.title || char(10) || m.notes AS text, m.starts_at AS at " \
  "FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.deleted_at IS NULL AND b.deleted_at IS NULL"

#define BASE_AGENDA_ITEM \
  "SELECT a.id AS ref, 0 AS page, m.id AS meeting_id, b.name AS place, m.number AS number, a.title AS label, " \
  "a.title || char(10) || a.discussion || char(10) || a.decisions AS text, m.starts_at AS at " \
  "FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id " \
  "WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL AND b.deleted_at IS NULL"

#define BASE_ACTION_ITEM \
  "SELECT x.id AS ref, 0 AS page, m.id AS meeting_id, b.name AS place, m.number AS number, x.title AS label, " \
  "x.title || char(10) || x.assignee_text AS text, m.starts_at AS at " \
  "FROM action_item x JOIN meeting m ON m.id = x.meeting_id JOIN body b ON b.id = m.body_id " \
  "WHERE x.deleted_at IS NULL AND m.deleted_at IS NULL AND b.deleted_at IS NULL"

/* A challenge is found by its notes too, as the index holds them with it. */
#define BASE_CHALLENGE \
  "SELECT c.id AS ref, 0 AS page, m.id AS meeting_id, NULL AS place, 0 AS number, c.title AS label, " \
  "c.title || char(10) || c.description || coalesce(char(10) || " \
  "(SELECT group_concat(n.note, char(10)) FROM challenge_note n WHERE n.challenge_id = c.id), '') AS text, " \
  "c.created_at AS at " \
  "FROM challenge c LEFT JOIN meeting m ON m.id = c.raised_meeting_id AND m.deleted_at IS NULL " \
  "WHERE c.deleted_at IS NULL"

#define BASE_ATTACHMENT_PAGE \
  "SELECT t.id AS ref, p.page AS page, m.id AS meeting_id, b.name AS place, m.number AS number, t.title AS label, " \
  "p.text AS text, m.starts_at AS at " \
  "FROM attachment_page p JOIN attachment t ON t.id = p.attachment_id JOIN meeting m ON m.id = t.meeting_id " \
  "JOIN body b ON b.id = m.body_id " \
  "WHERE t.deleted_at IS NULL AND m.deleted_at IS NULL AND b.deleted_at IS NULL"

/* Only the latest live version of each rule document: older versions are history, not the rule. */
#define BASE_RULE_SECTION \
  "SELECT s.id AS ref, 0 AS page, NULL AS meeting_id, d.title AS place, 0 AS number, s.heading AS label, " \
  "s.heading || char(10) || s.body AS text, coalesce(v.version_date, v.created_at) AS at " \
  "FROM rule_section s JOIN rule_version v ON v.id = s.version_id JOIN rule_document d ON d.id = v.document_id " \
  "WHERE v.deleted_at IS NULL AND d.deleted_at IS NULL " \
  "AND v.id = (SELECT max(v2.id) FROM rule_version v2 WHERE v2.document_id = d.id AND v2.deleted_at IS NULL)"

/* Up to LIKE_SLOTS short terms are checked in SQL, each bound to its own parameter (NULL: unused); a query with
 * more short terms than that (rare: each is one or two characters) has the rest checked in C with the same rule. */
#define LIKE_SLOTS 4
#define LIKE_SLOT(n) "(?" n " IS NULL OR text LIKE ?" n " ESCAPE '\\')"
#define LIKE_ALL(a, b, c, d) LIKE_SLOT (a) " AND " LIKE_SLOT (b) " AND " LIKE_SLOT (c) " AND " LIKE_SLOT (d)

/* Lookup of one row: ?1 ref, ?2 page, ?3–?6 LIKE patterns. */
#define LOOKUP(base) "SELECT * FROM (" base ") WHERE ref = ?1 AND " LIKE_ALL ("3", "4", "5", "6")
#define LOOKUP_PAGE(base) "SELECT * FROM (" base ") WHERE ref = ?1 AND page = ?2 AND " LIKE_ALL ("3", "4", "5", "6")
/* Scan for short terms: ?1–?4 LIKE patterns, ?5 limit. Only what ranks the rows: the text is read again by the
 * lookup of the few rows shown, rather than carried through the sort for every match. */
#define SCAN(base) "SELECT ref, page, at FROM (" base ") WHERE " LIKE_ALL ("1", "2", "3", "4") \
  " ORDER BY at DESC, ref DESC, page LIMIT ?5"

typedef enum {
  KIND_MEETING,
  KIND_AGENDA_ITEM,
  KIND_ACTION_ITEM,
  KIND_CHALLENGE,
  KIND_ATTACHMENT_PAGE,
  KIND_RULE_SECTION,
  N_KINDS
} Kind;

typedef struct {
  const char *name;
  const char *lookup_sql;
  const char *scan_sql;
} KindSql;

static const KindSql kinds[N_KINDS] = {
  [KIND_MEETING] = { RK_SEARCH_KIND_MEETING, LOOKUP (BASE_MEETING), SCAN (BASE_MEETING) },
  [KIND_AGENDA_ITEM] = { RK_SEARCH_KIND_AGENDA_ITEM, LOOKUP (BASE_AGENDA_ITEM), SCAN (BASE_AGENDA_ITEM) },
  [KIND_ACTION_ITEM] = { RK_SEARCH_KIND_ACTION_ITEM, LOOKUP (BASE_ACTION_ITEM), SCAN (BASE_ACTION_ITEM) },
  [KIND_CHALLENGE] = { RK_SEARCH_KIND_CHALLENGE, LOOKUP (BASE_CHALLENGE), SCAN (BASE_CHALLENGE) },
  [KIND_ATTACHMENT_PAGE] = { RK_SEARCH_KIND_ATTACHMENT_PAGE, LOOKUP_PAGE (BASE_ATTACHMENT_PAGE),
                             SCAN (BASE_ATTACHMENT_PAGE) },
  [KIND_RULE_SECTION] = { RK_SEARCH_KIND_RULE_SECTION, LOOKUP (BASE_RULE_SECTION), SCAN (BASE_RULE_SECTION) },
};

/* Columns of the base queries. */
enum { COL_REF, COL_PAGE, COL_MEETING_ID, COL_PLACE, COL_NUMBER, COL_LABEL, COL_TEXT, COL_AT };

static int
find_kind (const char *name)
{
  for (int i = 0; i < N_KINDS; i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      return i;
  return -1;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Query */

char **
rk_search_split_query (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *valid = NULL;
  const char *start = NULL;

  if (query == NULL)
    return g_strv_builder_end (builder);

  valid = g_utf8_make_valid (query, -1);
  for (const char *p = valid;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* g_unichar_isspace() covers ASCII white space and U+3000 (the ideographic space of Japanese input). */
      if (c == 0 || g_unichar_isspace (c))
        {
          if (start != NULL)
            {
              g_autofree char *term = g_strndup (start, p - start);
              g_strv_builder_add (builder, term);
              start = NULL;
            }
          if (c == 0)
            break;
        }
      else if (start == NULL)
        start = p;
    }
  return g_strv_builder_end (builder);
}

/* One FTS5 phrase per term: inside double quotes nothing is syntax, and a quote is written twice. */
static void
append_fts_phrase (GString    *expr,
                   const char *term)
{
  if (expr->len > 0)
    g_string_append (expr, " AND ");
  g_string_append_c (expr, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, *p);
    }
  g_string_append_c (expr, '"');
}

/* '%term%' with LIKE's own wildcards and the escape character escaped. */
static char *
make_like_pattern (const char *term)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Snippets */

/* Length in bytes of a match of a short term at @p, as LIKE matches: ASCII letters in any case, the rest exactly. */
static gsize
match_at (const char         *p,
          const char *const  *terms)
{
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      gsize len = strlen (terms[i]);

      if (len > 0 && g_ascii_strncasecmp (p, terms[i], len) == 0)
        return len;
    }
  return 0;
}

/* Escapes @text for markup and turns its markers, and the matches of @terms outside them, into <b></b>. Line breaks
 * become spaces (a snippet is one line) and control characters, which markup refuses, are dropped. */
static char *
build_markup (const char         *text,
              const char *const  *terms)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean bold = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gsize len;

      if (c == (gunichar) MARK_OPEN || c == (gunichar) MARK_CLOSE)
        {
          gboolean open = c == (gunichar) MARK_OPEN;

          if (open != bold)
            g_string_append (out, open ? "<b>" : "</b>");
          bold = open;
          p++;
          continue;
        }
      if (!bold && (len = match_at (p, terms)) > 0)
        {
          g_autofree char *escaped = g_markup_escape_text (p, (gssize) len);
          g_string_append_printf (out, "<b>%s</b>", escaped);
          p += len;
          continue;
        }
      if (c == '\n' || c == '\t')
        g_string_append_c (out, ' ');
      else if (!g_unichar_iscntrl (c))
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *escaped = g_markup_escape_text (p, next - p);
          g_string_append (out, escaped);
        }
      p = g_utf8_next_char (p);
    }
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A snippet around the first match of any of @terms in @text, cut on character boundaries. */
static char *
build_like_snippet (const char         *text,
                    const char *const  *terms)
{
  g_autofree char *window = NULL;
  const char *first = NULL, *start, *end;
  g_autoptr(GString) cut = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (match_at (p, terms) > 0)
      {
        first = p;
        break;
      }
  if (first == NULL)
    first = text;

  start = first;
  for (int i = 0; i < SNIPPET_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  end = first;
  for (int i = 0; i < SNIPPET_AFTER && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  cut = g_string_new (start > text ? "…" : "");
  g_string_append_len (cut, start, end - start);
  if (*end != '\0')
    g_string_append (cut, "…");
  return build_markup (cut->str, terms);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Results */

static char *
meeting_line (sqlite3_stmt *row)
{
  const char *place = (const char *) sqlite3_column_text (row, COL_PLACE);

  /* TRANSLATORS: a body's name and a meeting's number, as in 救急搬送連携部会 第3回 */
  return g_strdup_printf (_("%1$s meeting %2$d"), place != NULL ? place : "", sqlite3_column_int (row, COL_NUMBER));
}

static char *
result_title (Kind          kind,
              sqlite3_stmt *row)
{
  const char *label = (const char *) sqlite3_column_text (row, COL_LABEL);
  const char *place = (const char *) sqlite3_column_text (row, COL_PLACE);
  g_autofree char *meeting = NULL;
  g_autofree char *page = NULL;

  label = label != NULL ? label : "";
  switch (kind)
    {
    case KIND_MEETING:
      meeting = meeting_line (row);
      return *label != '\0' ? g_strdup_printf ("%s %s", meeting, label) : g_steal_pointer (&meeting);
    case KIND_AGENDA_ITEM:
    case KIND_ACTION_ITEM:
      meeting = meeting_line (row);
      return g_strdup_printf ("%s — %s", meeting, label);
    case KIND_ATTACHMENT_PAGE:
      meeting = meeting_line (row);
      /* TRANSLATORS: a handout's title and a page number */
      page = g_strdup_printf (_("%1$s, page %2$d"), label, sqlite3_column_int (row, COL_PAGE));
      return g_strdup_printf ("%s — %s", meeting, page);
    case KIND_CHALLENGE:
      /* TRANSLATORS: a challenge (課題) found by search */
      return g_strdup_printf (_("Challenge: %s"), label);
    case KIND_RULE_SECTION:
      return g_strdup_printf ("%s — %s", place != NULL ? place : "", label);
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static RkSearchResult *
result_from_row (Kind          kind,
                 sqlite3_stmt *row,
                 double        score)
{
  RkSearchResult *result = g_new0 (RkSearchResult, 1);

  result->kind = kinds[kind].name;
  result->ref = sqlite3_column_int64 (row, COL_REF);
  result->page = sqlite3_column_int (row, COL_PAGE);
  result->meeting_id = sqlite3_column_int64 (row, COL_MEETING_ID);
  result->title = result_title (kind, row);
  result->date = g_strdup ((const char *) sqlite3_column_text (row, COL_AT));
  if (result->date == NULL)
    result->date = g_strdup ("");
  result->score = score;
  return result;
}

/* Best first: lower bm25, then newer, then a stable order. */
static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const RkSearchResult *x = *(RkSearchResult * const *) a;
  const RkSearchResult *y = *(RkSearchResult * const *) b;
  int order;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  if ((order = g_strcmp0 (y->date, x->date)) != 0)
    return order;
  if ((order = g_strcmp0 (x->kind, y->kind)) != 0)
    return order;
  if (x->ref != y->ref)
    return x->ref > y->ref ? -1 : 1;
  return x->page - y->page;
}

typedef struct {
  sqlite3      *db;
  char        **long_terms;
  char        **short_terms;
  char         *fts_expr;                /* NULL without long terms */
  char         *patterns[LIKE_SLOTS];    /* LIKE patterns of the first short terms; NULL when unused */
  char        **extra_terms;             /* short terms beyond LIKE_SLOTS, checked in C; NULL-terminated */
  guint         limit;
  sqlite3_stmt *lookups[N_KINDS];
} Search;

static void
search_clear (Search *search)
{
  g_strfreev (search->long_terms);
  g_strfreev (search->short_terms);
  g_strfreev (search->extra_terms);
  g_free (search->fts_expr);
  for (int i = 0; i < LIKE_SLOTS; i++)
    g_free (search->patterns[i]);
  for (int i = 0; i < N_KINDS; i++)
    g_clear_pointer (&search->lookups[i], sqlite3_finalize);
}

static void
bind_patterns (Search       *search,
               sqlite3_stmt *stmt,
               int           first)
{
  for (int i = 0; i < LIKE_SLOTS; i++)
    if (search->patterns[i] != NULL)
      sqlite3_bind_text (stmt, first + i, search->patterns[i], -1, SQLITE_STATIC);
    else
      sqlite3_bind_null (stmt, first + i);
}

/* LIKE's rule for the short terms past the slots: ASCII letters in any case, everything else exactly. */
static gboolean
has_extra_terms (Search     *search,
                 const char *text)
{
  for (guint i = 0; search->extra_terms[i] != NULL; i++)
    {
      const char *term[] = { search->extra_terms[i], NULL };
      gboolean found = FALSE;

      for (const char *p = text; *p != '\0' && !found; p = g_utf8_next_char (p))
        found = match_at (p, term) > 0;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Looks up row @ref (@page) of @kind with the soft-delete filters and every short term: a new result, or NULL when
 * the row does not qualify (@error unset) or the database failed (@error set). */
static RkSearchResult *
lookup (Search  *search,
        Kind     kind,
        gint64   ref,
        int      page,
        double   score,
        GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (search->lookups[kind] == NULL
      && (search->lookups[kind] = rk_store_prepare (search->db, kinds[kind].lookup_sql, error)) == NULL)
    return NULL;
  stmt = search->lookups[kind];
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, ref);
  sqlite3_bind_int (stmt, 2, page);
  bind_patterns (search, stmt, 3);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, COL_TEXT);
      RkSearchResult *result;

      if (!has_extra_terms (search, text != NULL ? text : ""))
        return NULL;
      result = result_from_row (kind, stmt, score);
      if (search->fts_expr == NULL)
        result->snippet = build_like_snippet (text != NULL ? text : "", (const char *const *) search->short_terms);
      return result;
    }
  if (rc != SQLITE_DONE)
    rk_store_set_error_from_db (search->db, rc, error);
  return NULL;
}

/* Candidates from the index, best bm25 first, each checked against its source row. */
static gboolean
search_fts (Search     *search,
            GPtrArray  *results,
            GError    **error)
{
  g_autoptr(RkStmt) candidates = NULL;
  g_autoptr(RkStmt) snippet = NULL;
  double cutoff = 0;
  int rc;

  candidates = rk_store_prepare (search->db, "SELECT rowid, kind, ref, title, bm25(search_index) FROM search_index "
                                 "WHERE search_index MATCH ?1 ORDER BY rank", error);
  if (candidates == NULL)
    return FALSE;
  rk_store_bind_text (candidates, 1, search->fts_expr);

  while ((rc = sqlite3_step (candidates)) == SQLITE_ROW)
    {
      int kind = find_kind ((const char *) sqlite3_column_text (candidates, 1));
      double score = sqlite3_column_double (candidates, 4);
      g_autoptr(GError) lookup_error = NULL;
      RkSearchResult *result;

      /* Ties on bm25 are ranked by recency, so every candidate as good as the last kept one is still looked at. */
      if (results->len >= search->limit && score > cutoff)
        break;
      if (kind < 0)
        continue;
      /* A handout page's index row names the page in its title. */
      result = lookup (search, kind, sqlite3_column_int64 (candidates, 2),
                       (int) g_ascii_strtoll ((const char *) sqlite3_column_text (candidates, 3), NULL, 10), score,
                       &lookup_error);
      if (lookup_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&lookup_error));
          return FALSE;
        }
      if (result == NULL)
        continue;
      /* The index rowid rides along in the snippet field until the final order is known. */
      result->snippet = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (candidates, 0));
      g_ptr_array_add (results, result);
      if (results->len == search->limit)
        cutoff = score;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (search->db, rc, error);
      return FALSE;
    }

  g_ptr_array_sort (results, compare_results);
  if (results->len > search->limit)
    g_ptr_array_set_size (results, search->limit);

  /* snippet() only for the rows shown: it is the costly part of an FTS query. */
  snippet = rk_store_prepare (search->db, "SELECT snippet(search_index, -1, char(1), char(2), '…', "
                              FTS_SNIPPET_TOKENS ") FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2",
                              error);
  if (snippet == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      RkSearchResult *result = g_ptr_array_index (results, i);
      gint64 rowid = g_ascii_strtoll (result->snippet, NULL, 10);
      const char *text;

      sqlite3_reset (snippet);
      rk_store_bind_text (snippet, 1, search->fts_expr);
      sqlite3_bind_int64 (snippet, 2, rowid);
      rc = sqlite3_step (snippet);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rk_store_set_error_from_db (search->db, rc, error);
          return FALSE;
        }
      text = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (snippet, 0) : NULL;
      g_free (result->snippet);
      /* Short terms are highlighted too, wherever they show in the passage. */
      result->snippet = build_markup (text != NULL ? text : "", (const char *const *) search->short_terms);
    }
  return TRUE;
}

typedef struct {
  Kind    kind;
  gint64  ref;
  int     page;
  char   *at;
} Hit;

static void
hit_clear (Hit *hit)
{
  g_free (hit->at);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;
  int order = g_strcmp0 (y->at, x->at);

  if (order != 0)
    return order;
  if (x->kind != y->kind)
    return g_strcmp0 (kinds[x->kind].name, kinds[y->kind].name);
  if (x->ref != y->ref)
    return x->ref > y->ref ? -1 : 1;
  return x->page - y->page;
}

/* Short terms only: a LIKE scan of every kind's text, newest first; details and snippets for the rows kept. */
static gboolean
search_like (Search     *search,
             GPtrArray  *results,
             GError    **error)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  /* Past the slots, rows the scan keeps may still fail a term: then the scan cannot stop at the limit. */
  gboolean exact = search->extra_terms[0] == NULL;

  g_array_set_clear_func (hits, (GDestroyNotify) hit_clear);
  for (int kind = 0; kind < N_KINDS; kind++)
    {
      g_autoptr(RkStmt) scan = rk_store_prepare (search->db, kinds[kind].scan_sql, error);
      int rc;

      if (scan == NULL)
        return FALSE;
      bind_patterns (search, scan, 1);
      sqlite3_bind_int64 (scan, 5, search->limit == G_MAXUINT || !exact ? -1 : (gint64) search->limit);
      while ((rc = sqlite3_step (scan)) == SQLITE_ROW)
        {
          Hit hit = { kind, sqlite3_column_int64 (scan, 0), sqlite3_column_int (scan, 1),
                      g_strdup ((const char *) sqlite3_column_text (scan, 2)) };
          g_array_append_val (hits, hit);
        }
      if (rc != SQLITE_DONE)
        {
          rk_store_set_error_from_db (search->db, rc, error);
          return FALSE;
        }
    }
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && results->len < search->limit; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);
      g_autoptr(GError) lookup_error = NULL;
      RkSearchResult *result = lookup (search, hit->kind, hit->ref, hit->page, 0, &lookup_error);

      if (lookup_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&lookup_error));
          return FALSE;
        }
      if (result != NULL)
        g_ptr_array_add (results, result);
    }
  return TRUE;
}

GPtrArray *
rk_search (RkStore     *store,
           const char  *query,
           guint        limit,
           GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_search_result_free);
  g_auto(GStrv) terms = NULL;
  g_autoptr(GStrvBuilder) long_terms = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) short_terms = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) extra_terms = g_strv_builder_new ();
  g_autoptr(GString) fts = g_string_new (NULL);
  Search search = { 0 };
  guint n_short = 0;
  gboolean ok;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  terms = rk_search_split_query (query);
  if (terms[0] == NULL)
    {
      g_set_error (error, RK_SEARCH_ERROR, RK_SEARCH_ERROR_EMPTY, _("Type something to search for."));
      return NULL;
    }
  if (!rk_store_check_open (store, error))
    return NULL;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      /* Characters, not bytes: 看取り is three characters and nine bytes. */
      if (g_utf8_strlen (terms[i], -1) >= TRIGRAM)
        {
          g_strv_builder_add (long_terms, terms[i]);
          append_fts_phrase (fts, terms[i]);
        }
      else
        {
          g_strv_builder_add (short_terms, terms[i]);
          if (n_short < LIKE_SLOTS)
            search.patterns[n_short] = make_like_pattern (terms[i]);
          else
            g_strv_builder_add (extra_terms, terms[i]);
          n_short++;
        }
    }

  search.db = rk_store_get_db (store);
  search.long_terms = g_strv_builder_end (long_terms);
  search.short_terms = g_strv_builder_end (short_terms);
  search.extra_terms = g_strv_builder_end (extra_terms);
  search.fts_expr = fts->len > 0 ? g_strdup (fts->str) : NULL;
  search.limit = limit > 0 ? limit : G_MAXUINT;

  ok = search.fts_expr != NULL ? search_fts (&search, results, error) : search_like (&search, results, error);
  search_clear (&search);
  if (!ok)
    return NULL;
  return g_steal_pointer (&results);
}

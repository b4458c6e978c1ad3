/* rk-store-generate.c — the demo council (みなと市, fictional) and synthetic councils of any size.
 *
 * Both write a new file through rk_store_create_db() and fill every table with their own prepared statements in one
 * transaction, mirroring searchable text into search_index as the store does for edits. A failure leaves no file
 * behind: a half-written council would look like a real one to its next reader.
 *
 * The demo's content lives in static tables (one loop per table); the generator builds text from phrase tables with a
 * GRand seeded by the caller, so the same seed always writes the same council. */

#include "rk-store-private.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <string.h>

#include "rk-era.h"

/* ------------------------------------------------------------------------------------------------------------------
 * Writer: prepared statements reused with sqlite3_reset(), and a sticky error.
 * ------------------------------------------------------------------------------------------------------------------ */

typedef enum {
  STMT_BODY,
  STMT_MEMBER,
  STMT_BODY_MEMBER,
  STMT_TASK,
  STMT_MEETING,
  STMT_AGENDA_ITEM,
  STMT_ATTENDANCE,
  STMT_ACTION_ITEM,
  STMT_ATTACHMENT,
  STMT_ATTACHMENT_PAGE,
  STMT_CHALLENGE,
  STMT_CHALLENGE_NOTE,
  STMT_RULE_DOCUMENT,
  STMT_RULE_VERSION,
  STMT_RULE_SECTION,
  STMT_FORM_FIELD,
  STMT_SECTION_LINK,
  STMT_REVIEW_COMMENT,
  STMT_INDICATOR,
  STMT_INDICATOR_VALUE,
  STMT_SELFCHECK_SET,
  STMT_SELFCHECK_ANSWER,
  STMT_BOOKLET,
  STMT_BOOKLET_PART,
  STMT_META,
  STMT_COUNCIL_LEAD_ORG,
  N_STMTS
} RkWriteStmt;

static const char *const write_sql[N_STMTS] = {
  [STMT_BODY] =
    "INSERT INTO body (name, tier, tier_label, purpose, position) VALUES (?, ?, ?, ?, ?)",
  [STMT_MEMBER] =
    "INSERT INTO member (member_type, organisation, name, kana, title, role, alternate, phone, email, term_start, "
    "term_end, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_BODY_MEMBER] =
    "INSERT INTO body_member (body_id, member_id, joined_on, left_on) VALUES (?, ?, ?, ?)",
  [STMT_TASK] =
    "INSERT INTO task (step, code, title, start_month, end_month, owner_member_id, owner_text, status, milestone, "
    "cadence, notes, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_MEETING] =
    "INSERT INTO meeting (body_id, number, title, starts_at, ends_at, place, online, task_id, status, notes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_AGENDA_ITEM] =
    "INSERT INTO agenda_item (meeting_id, position, title, presenter_member_id, minutes_allotted, discussion, "
    "decisions, carried_action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_ATTENDANCE] =
    "INSERT INTO attendance (meeting_id, member_id, status, proxy_name) VALUES (?, ?, ?, ?)",
  [STMT_ACTION_ITEM] =
    "INSERT INTO action_item (meeting_id, agenda_item_id, title, assignee_member_id, assignee_text, due_date, "
    "status, done_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_ATTACHMENT] =
    "INSERT INTO attachment (meeting_id, filename, title, mime_type, size, sha256, page_count, data, added_at) "
    "VALUES (?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?)",
  [STMT_ATTACHMENT_PAGE] =
    "INSERT INTO attachment_page (attachment_id, page, text) VALUES (?, ?, ?)",
  [STMT_CHALLENGE] =
    "INSERT INTO challenge (title, description, source, raised_meeting_id, status, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)",
  [STMT_CHALLENGE_NOTE] =
    "INSERT INTO challenge_note (challenge_id, meeting_id, note, created_at) VALUES (?, ?, ?, ?)",
  [STMT_RULE_DOCUMENT] =
    "INSERT INTO rule_document (title, kind, position, created_at) VALUES (?, ?, ?, ?)",
  [STMT_RULE_VERSION] =
    "INSERT INTO rule_version (document_id, label, version_date, status, frozen, based_on_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
  [STMT_RULE_SECTION] =
    "INSERT INTO rule_section (version_id, uid, parent_uid, position, kind, heading, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
  [STMT_FORM_FIELD] =
    "INSERT INTO form_field (section_id, position, label, kind, choices) VALUES (?, ?, ?, ?, ?)",
  [STMT_SECTION_LINK] =
    "INSERT INTO section_link (document_id, section_uid, agenda_item_id, challenge_id) VALUES (?, ?, ?, ?)",
  [STMT_REVIEW_COMMENT] =
    "INSERT INTO review_comment (version_id, section_uid, author, body, resolved, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)",
  [STMT_INDICATOR] =
    "INSERT INTO indicator (catalog_code, name, group_code, unit, unit_kind, is_ratio, numerator_label, "
    "denominator_label, factor, higher_is_better, data_source, frequency, baseline_value, baseline_period, "
    "target_value, target_period, rule_document_id, task_id, notes, position) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [STMT_INDICATOR_VALUE] =
    "INSERT INTO indicator_value (indicator_id, period, value, numerator, denominator, note) "
    "VALUES (?, ?, ?, ?, ?, ?)",
  [STMT_SELFCHECK_SET] =
    "INSERT INTO selfcheck_set (title, answered_on, respondent) VALUES (?, ?, ?)",
  [STMT_SELFCHECK_ANSWER] =
    "INSERT INTO selfcheck_answer (set_id, option_code, checked, text) VALUES (?, ?, ?, ?)",
  [STMT_BOOKLET] =
    "INSERT INTO booklet (title, edition, issue_date, publisher) VALUES (?, ?, ?, ?)",
  [STMT_BOOKLET_PART] =
    "INSERT INTO booklet_part (booklet_id, position, part, version_id) VALUES (?, ?, ?, ?)",
  [STMT_META] =
    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
  [STMT_COUNCIL_LEAD_ORG] =
    "UPDATE council SET lead_org = ? WHERE id = 1",
};

typedef struct {
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  /* The first failure. Later writes do nothing, so the fill code reads as a plain list of inserts and the error is
   * checked once, before COMMIT. */
  GError       *error;
  /* The demo is written as of this fiscal year: years in its text ("令和7年") move with its dates. */
  int           era_years;
  GStringChunk *texts;
} RkWriter;

/* @text with every 「令和N年」 (and a Western year in brackets right after it, 令和7年(2025年)) moved by @years;
 * NULL when nothing in it needs to move. */
static char *
rk_shift_era_text (const char *text,
                   int         years)
{
  static const char era[] = "令和";
  g_autoptr(GString) out = NULL;
  const char *p;

  if (text == NULL || years == 0 || strstr (text, era) == NULL)
    return NULL;

  out = g_string_new (NULL);
  p = text;
  while (*p != '\0')
    {
      const char *hit = strstr (p, era);
      const char *q;
      int n;

      if (hit == NULL)
        break;
      q = hit + strlen (era);
      g_string_append_len (out, p, q - p);
      p = q;
      if (g_str_has_prefix (q, "元"))
        {
          n = 1;
          q += strlen ("元");
        }
      else if (g_ascii_isdigit (*q))
        {
          n = (int) g_ascii_strtoll (q, (char **) &q, 10);
        }
      else
        continue;
      if (!g_str_has_prefix (q, "年"))
        continue;
      g_string_append_printf (out, "%d", n + years);
      p = q;
      /* 令和7年(2025年): the Western year follows the era year. */
      if (g_str_has_prefix (q, "年(") && g_ascii_isdigit (q[strlen ("年(")]))
        {
          const char *y = q + strlen ("年(");
          char *end = NULL;
          gint64 western = g_ascii_strtoll (y, &end, 10);

          if (end != NULL && g_str_has_prefix (end, "年"))
            {
              g_string_append_printf (out, "年(%" G_GINT64_FORMAT, western + years);
              p = end;
            }
        }
    }
  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @text as the council file should hold it: shifted when the writer moves years, and kept alive until the fill is
 * done (statements bind text without copying it). */
static const char *
rk_writer_text (RkWriter   *w,
                const char *text)
{
  g_autofree char *shifted = rk_shift_era_text (text, w->era_years);

  if (shifted == NULL)
    return text;
  if (w->texts == NULL)
    w->texts = g_string_chunk_new (4096);
  return g_string_chunk_insert (w->texts, shifted);
}

/* Binds the arguments described by @types and runs statement @which. Types: 's' text (NULL binds NULL), 'i' int,
 * 'I' gint64 row id (0 or less binds NULL), 'd' double, 'D' double (NAN binds NULL), 'b' blob (pointer, int size).
 * Returns the new row id, or 0 after a failure. */
static gint64
rk_writer_run (RkWriter    *w,
               RkWriteStmt  which,
               const char  *types,
               ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  int rc = SQLITE_OK;

  if (w->error != NULL)
    return 0;

  stmt = w->stmts[which];
  /* A mismatch is a bug in this file, never the user's doing. */
  g_assert ((int) strlen (types) == sqlite3_bind_parameter_count (stmt));
  va_start (args, types);
  for (int i = 0; types[i] != '\0' && rc == SQLITE_OK; i++)
    {
      int column = i + 1;

      switch (types[i])
        {
        case 's':
          {
            const char *text = rk_writer_text (w, va_arg (args, const char *));
            rc = text != NULL ? sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC)
                              : sqlite3_bind_null (stmt, column);
          }
          break;
        case 'i':
          rc = sqlite3_bind_int (stmt, column, va_arg (args, int));
          break;
        case 'I':
          {
            gint64 id = va_arg (args, gint64);
            rc = id > 0 ? sqlite3_bind_int64 (stmt, column, id) : sqlite3_bind_null (stmt, column);
          }
          break;
        case 'd':
          rc = sqlite3_bind_double (stmt, column, va_arg (args, double));
          break;
        case 'D':
          {
            double value = va_arg (args, double);
            rc = isnan (value) ? sqlite3_bind_null (stmt, column) : sqlite3_bind_double (stmt, column, value);
          }
          break;
        case 'b':
          {
            const void *data = va_arg (args, const void *);
            int size = va_arg (args, int);
            rc = sqlite3_bind_blob (stmt, column, data, size, SQLITE_STATIC);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  /* Bindings point into the caller's memory (SQLITE_STATIC): drop them before it goes away. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (w->db, rc, &w->error);
      return 0;
    }
  return sqlite3_last_insert_rowid (w->db);
}

static void
rk_writer_index (RkWriter   *w,
                 const char *kind,
                 gint64      ref,
                 const char *title,
                 const char *body)
{
  if (w->error == NULL)
    rk_store_index_put (w->db, kind, ref, rk_writer_text (w, title), rk_writer_text (w, body), &w->error);
}

static gboolean
rk_writer_prepare (RkWriter *w)
{
  for (guint i = 0; i < N_STMTS; i++)
    {
      int rc = sqlite3_prepare_v2 (w->db, write_sql[i], -1, &w->stmts[i], NULL);
      if (rc != SQLITE_OK)
        {
          rk_store_set_error_from_db (w->db, rc, &w->error);
          return FALSE;
        }
    }
  return TRUE;
}

static void
rk_writer_finalize (RkWriter *w)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&w->stmts[i], sqlite3_finalize);
}

/* A challenge is found by its title, its description and the notes that followed it across meetings, so it is indexed
 * once all of them are written. */
static void
rk_writer_index_challenges (RkWriter *w)
{
  static const char sql[] =
    "SELECT c.id, c.title, c.description || coalesce(char(10) || group_concat(n.note, char(10)), '') "
    "FROM challenge c LEFT JOIN challenge_note n ON n.challenge_id = c.id GROUP BY c.id ORDER BY c.id";
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (w->error != NULL)
    return;

  rc = sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW && w->error == NULL)
    {
      rk_writer_index (w, "challenge", sqlite3_column_int64 (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2));
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK && w->error == NULL)
    rk_store_set_error_from_db (w->db, rc, &w->error);
  sqlite3_finalize (stmt);
}

/* The rows both the demo and the generator write, one function per table. Those of a searchable table are mirrored
 * into search_index here, so neither can leave one out. */

static gint64
rk_writer_body (RkWriter   *w,
                const char *name,
                RkTier      tier,
                const char *tier_label,
                const char *purpose,
                int         position)
{
  return rk_writer_run (w, STMT_BODY, "sissi", name, (int) tier, tier_label ? tier_label : "", purpose, position);
}

/* A seat from @joined_on on each body whose bit is set in @bodies (bit b: @body_ids[b]); @left_on NULL while held. */
static void
rk_writer_seats (RkWriter     *w,
                 gint64        member_id,
                 const gint64 *body_ids,
                 guint         n_bodies,
                 guint         bodies,
                 const char   *joined_on,
                 const char   *left_on)
{
  for (guint b = 0; b < n_bodies; b++)
    if (bodies & (1u << b))
      rk_writer_run (w, STMT_BODY_MEMBER, "IIss", body_ids[b], member_id, joined_on, left_on);
}

static gint64
rk_writer_meeting (RkWriter   *w,
                   gint64      body_id,
                   int         number,
                   const char *title,
                   const char *starts_at,
                   const char *ends_at,
                   const char *place,
                   gboolean    online,
                   gint64      task_id,
                   int         status,
                   const char *notes)
{
  gint64 id = rk_writer_run (w, STMT_MEETING, "IissssiIis", body_id, number, title, starts_at, ends_at, place, online,
                             task_id, status, notes);

  rk_writer_index (w, "meeting", id, title, notes);
  return id;
}

static gint64
rk_writer_agenda_item (RkWriter   *w,
                       gint64      meeting_id,
                       int         position,
                       const char *title,
                       gint64      presenter_id,
                       int         minutes,
                       const char *discussion,
                       const char *decisions,
                       gint64      carried_action_id)
{
  g_autofree char *body = NULL;
  gint64 id = rk_writer_run (w, STMT_AGENDA_ITEM, "IisIissI", meeting_id, position, title, presenter_id, minutes,
                             discussion, decisions, carried_action_id);

  if (id <= 0)
    return id;
  body = g_strconcat (discussion ? discussion : "", "\n", decisions ? decisions : "", NULL);
  rk_writer_index (w, "agenda_item", id, title, body);
  return id;
}

/* Attachment pages are indexed with the attachment's id as ref and the page number as the title. */
static void
rk_writer_attachment_page (RkWriter   *w,
                           gint64      attachment_id,
                           int         page,
                           const char *text)
{
  char title[16];

  rk_writer_run (w, STMT_ATTACHMENT_PAGE, "Iis", attachment_id, page, text);
  g_snprintf (title, sizeof title, "%d", page);
  rk_writer_index (w, "attachment_page", attachment_id, title, text);
}

static gint64
rk_writer_rule_section (RkWriter   *w,
                        gint64      version_id,
                        const char *uid,
                        const char *parent_uid,
                        int         position,
                        int         kind,
                        const char *heading,
                        const char *body)
{
  gint64 id = rk_writer_run (w, STMT_RULE_SECTION, "Issiiss", version_id, uid, parent_uid, position, kind, heading,
                             body);

  rk_writer_index (w, "rule_section", id, heading, body);
  return id;
}

static void
rk_unlink_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

typedef void (*RkFillFunc) (RkWriter *w,
                            gpointer  user_data);

static gboolean
rk_write_council (const char          *path,
                  const RkCouncilInfo *info,
                  const char          *generator,
                  int                  era_years,
                  RkFillFunc           fill,
                  gpointer             user_data,
                  GError             **error)
{
  RkWriter w = { .era_years = era_years };
  RkCouncilInfo shifted = *info;
  g_autofree char *notes = rk_shift_era_text (info->notes, era_years);

  if (notes != NULL)
    shifted.notes = notes;
  w.db = rk_store_create_db (path, &shifted, error);
  if (w.db == NULL)
    return FALSE; /* nothing was created, or the path was already there: leave it alone */

  if (rk_writer_prepare (&w) && rk_store_begin (w.db, &w.error))
    {
      rk_writer_run (&w, STMT_META, "ss", "generator", generator);
      fill (&w, user_data);
      if (w.error == NULL)
        rk_store_commit (w.db, &w.error);
      if (w.error != NULL)
        rk_store_rollback (w.db);
    }
  rk_writer_finalize (&w);
  rk_store_close_db (w.db);
  g_clear_pointer (&w.texts, g_string_chunk_free);

  if (w.error != NULL)
    {
      rk_unlink_database (path);
      g_propagate_error (error, w.error);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------------
 * Handouts: small PDFs drawn with cairo and Pango, as the app draws its own documents.
 * ------------------------------------------------------------------------------------------------------------------ */

static cairo_status_t
rk_pdf_append (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
rk_render_handout (const char        *title,
                   const char *const *pages,
                   guint              n_pages,
                   GError           **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoFontDescription *font;
  PangoLayout *layout;
  cairo_t *cr;

  /* A4 portrait, in points. */
  surface = cairo_pdf_surface_create_for_stream (rk_pdf_append, buffer, 595.276, 841.89);
  /* A fixed date keeps the demo and the generated files reproducible. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-08-27T09:00:00");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Renkei");

  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Noto Sans CJK JP 14");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((595.276 - 2 * 56) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, 6 * PANGO_SCALE);

  for (guint i = 0; i < n_pages; i++)
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
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("Could not draw the handout “%s”: %s"), title, cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static gint64
rk_writer_attachment (RkWriter   *w,
                      gint64      meeting_id,
                      const char *filename,
                      const char *title,
                      GBytes     *pdf,
                      int         page_count,
                      const char *added_at)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (pdf, &size);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);

  return rk_writer_run (w, STMT_ATTACHMENT, "Issisibs",
                        meeting_id, filename, title, (int) size, sha256, page_count, data, (int) size, added_at);
}

/* ------------------------------------------------------------------------------------------------------------------
 * The demo council: みなと市 (a fictional city) in 架空県, from 令和6年度.
 * ------------------------------------------------------------------------------------------------------------------ */

#define DEMO_NAME "みなと市在宅医療・救急医療連携推進協議会"
#define NONE      (-1)

enum { B_CORE = 1 << 0, B_FIELD = 1 << 1, B_SHEET = 1 << 2, B_HOSP = 1 << 3 };
enum { ROLE_CHAIR, ROLE_VICE_CHAIR, ROLE_MEMBER, ROLE_OBSERVER, ROLE_REFERENCE, ROLE_SECRETARIAT };
enum { ATTEND_PRESENT, ATTEND_ABSENT, ATTEND_PROXY, ATTEND_ONLINE };
enum { TASK_TODO, TASK_IN_PROGRESS, TASK_DONE, TASK_CANCELLED };
enum { MEETING_PLANNED, MEETING_HELD, MEETING_CANCELLED };
enum { ACTION_OPEN, ACTION_DONE, ACTION_WITHDRAWN };
enum { SOURCE_MEETING, SOURCE_SELFCHECK, SOURCE_DATA, SOURCE_HEARING };
enum { CHALLENGE_OPEN, CHALLENGE_IN_PROGRESS, CHALLENGE_RESOLVED };
enum { VERSION_DRAFT, VERSION_DISCUSSION, VERSION_CONSULTATION, VERSION_FINAL, VERSION_IN_FORCE, VERSION_REVIEW };
enum { FIELD_TEXT, FIELD_DATE, FIELD_CHOICE, FIELD_CHECKBOX };
enum { UNIT_TIME, UNIT_COUNT, UNIT_RATIO };

typedef struct {
  const char *name;
  RkTier      tier;
  const char *tier_label;
  const char *purpose;
} DemoBody;

static const DemoBody demo_bodies[] = {
  { "在宅医療・救急医療連携推進協議会", RK_TIER_CORE, NULL,
    "在宅療養者の急変時・救急搬送時の連携ルールを審議・決定する。関係機関の合意形成と工程表の進行管理を担う。" },
  { "救急搬送連携部会", RK_TIER_FIELD, NULL,
    "救急隊、在宅医、訪問看護、介護支援専門員、救急病院の現場担当者が、救急搬送時の情報共有と本人の意思の確認の"
    "具体的な手順を検討し、協議会に報告する。" },
  { "連携シート作業部会", RK_TIER_WORKING, NULL,
    "救急医療情報シート(連携シート)の記載項目、保管方法、更新の仕組みの案を作成する。" },
  { "みなと市病院連絡会", RK_TIER_OTHER, "病院連絡会",
    "市内の救急告示病院・回復期病院の地域医療連携室が、入退院支援と転院搬送の調整を行う(既存の会議体を活用)。" },
};

enum {
  MB_TAKAHASHI, MB_NAKAMURA, MB_SATO, MB_KOBAYASHI, MB_YAMAMOTO, MB_ITO, MB_WATANABE, MB_KATO, MB_YOSHIDA,
  MB_YAMADA, MB_MATSUMOTO, MB_INOUE, MB_KIMURA, MB_HAYASHI, MB_SHIMIZU, MB_YAMAGUCHI, MB_MORI, MB_ABE, MB_IKEDA,
  MB_MAEDA, MB_OKADA, MB_ISHIKAWA, N_DEMO_MEMBERS
};

typedef struct {
  int         member_type;
  const char *organisation;
  const char *name;
  const char *kana;
  const char *title;
  int         role;
  const char *alternate;
  const char *phone;
  const char *email;
  const char *term_start;
  const char *term_end;
  const char *notes;
  guint       bodies;
} DemoMember;

#define TERM_START "2024-04-01"
#define TERM_END   "2026-03-31"

static const DemoMember demo_members[N_DEMO_MEMBERS] = {
  [MB_TAKAHASHI] = { 5, "みなと市医師会", "高橋 誠一", "たかはし せいいち", "会長", ROLE_CHAIR, "",
                     "000-210-0101", "takahashi@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_NAKAMURA] = { 11, "みなと市民病院", "中村 恵子", "なかむら けいこ", "副院長・地域医療連携室長", ROLE_VICE_CHAIR,
                    "林 さおり(退院支援看護師)", "000-210-0102", "nakamura@example.jp", TERM_START, TERM_END, "",
                    B_CORE | B_HOSP },
  [MB_SATO] = { 2, "みなと市 健康福祉部 地域包括ケア推進課", "佐藤 直樹", "さとう なおき", "課長", ROLE_MEMBER, "",
                "000-210-0103", "sato@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_KOBAYASHI] = { 4, "みなと市消防本部 警防課 救急係", "小林 大輔", "こばやし だいすけ", "救急係長", ROLE_MEMBER,
                     "斎藤 剛(中央消防署 救急隊長)", "000-210-0104", "kobayashi@example.jp", TERM_START,
                     "2025-03-31", "令和7年4月の人事異動により山本委員に交代。", B_CORE | B_FIELD },
  [MB_YAMAMOTO] = { 4, "みなと市消防本部 警防課 救急係", "山本 拓也", "やまもと たくや", "救急係長", ROLE_MEMBER,
                    "斎藤 剛(中央消防署 救急隊長)", "000-210-0104", "yamamoto@example.jp", "2025-04-01", TERM_END,
                    "小林委員の後任(残任期間)。", B_CORE | B_FIELD },
  [MB_ITO] = { 6, "みなと市歯科医師会", "伊藤 裕子", "いとう ゆうこ", "理事(地域保健担当)", ROLE_MEMBER, "",
               "000-210-0105", "ito@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_WATANABE] = { 7, "みなと市薬剤師会", "渡辺 健", "わたなべ けん", "副会長", ROLE_MEMBER, "",
                    "000-210-0106", "watanabe@example.jp", TERM_START, TERM_END, "", B_CORE | B_SHEET },
  [MB_KATO] = { 12, "訪問看護ステーションみなと", "加藤 美穂", "かとう みほ", "管理者", ROLE_MEMBER, "",
                "000-210-0107", "kato@example.jp", TERM_START, TERM_END, "", B_CORE | B_FIELD | B_SHEET },
  [MB_YOSHIDA] = { 13, "みなと市中央地域包括支援センター", "吉田 由美", "よしだ ゆみ", "センター長", ROLE_MEMBER, "",
                   "000-210-0108", "yoshida@example.jp", TERM_START, TERM_END, "", B_CORE | B_FIELD | B_SHEET },
  [MB_YAMADA] = { 10, "みなと市介護支援専門員協会", "山田 浩二", "やまだ こうじ", "会長", ROLE_MEMBER, "",
                  "000-210-0109", "yamada@example.jp", TERM_START, TERM_END, "", B_CORE | B_FIELD | B_SHEET },
  [MB_MATSUMOTO] = { 3, "架空県みなと保健所 企画調整課", "松本 真理", "まつもと まり", "課長補佐", ROLE_OBSERVER, "",
                     "000-210-0110", "matsumoto@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_INOUE] = { 15, "みなと市社会福祉協議会", "井上 正人", "いのうえ まさと", "地域福祉課長", ROLE_MEMBER, "",
                 "000-210-0111", "inoue@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_KIMURA] = { 5, "みなと市医師会(港南ホームクリニック)", "木村 亮", "きむら りょう", "在宅医療担当理事・院長",
                  ROLE_MEMBER, "", "000-210-0112", "kimura@example.jp", TERM_START, TERM_END, "",
                  B_FIELD | B_SHEET },
  [MB_HAYASHI] = { 11, "みなと市民病院 地域医療連携室", "林 さおり", "はやし さおり", "退院支援看護師", ROLE_MEMBER,
                   "", "000-210-0113", "hayashi@example.jp", TERM_START, TERM_END, "",
                   B_FIELD | B_SHEET | B_HOSP },
  [MB_SHIMIZU] = { 11, "みなと中央病院 救急科", "清水 隆", "しみず たかし", "部長", ROLE_MEMBER, "",
                   "000-210-0114", "shimizu@example.jp", TERM_START, TERM_END, "", B_FIELD | B_HOSP },
  [MB_YAMAGUCHI] = { 11, "港北リハビリテーション病院 地域連携室", "山口 彩", "やまぐち あや", "医療ソーシャルワーカー",
                     ROLE_MEMBER, "", "000-210-0115", "yamaguchi@example.jp", TERM_START, TERM_END, "", B_HOSP },
  [MB_MORI] = { 1, "架空県 健康福祉部 医療政策課", "森 和也", "もり かずや", "主査", ROLE_OBSERVER, "",
                "000-210-0116", "mori@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_ABE] = { 14, "みなと市民生委員児童委員協議会", "阿部 和子", "あべ かずこ", "副会長", ROLE_MEMBER, "",
               "000-210-0117", "abe@example.jp", TERM_START, TERM_END, "", B_FIELD },
  [MB_IKEDA] = { 18, "みなと医療福祉大学 看護学部", "池田 秀樹", "いけだ ひでき", "教授", ROLE_MEMBER, "",
                 "000-210-0118", "ikeda@example.jp", TERM_START, TERM_END, "", B_CORE },
  [MB_MAEDA] = { 19, "みなと中央法律事務所", "前田 修", "まえだ おさむ", "弁護士", ROLE_REFERENCE, "",
                 "000-210-0119", "maeda@example.jp", "2024-10-01", "2025-03-31",
                 "心肺蘇生を望まない傷病者への対応について助言を得るため参考人として招へい。", B_FIELD },
  [MB_OKADA] = { 9, "みなと市訪問看護ステーション連絡会", "岡田 智子", "おかだ ともこ", "会長", ROLE_MEMBER, "",
                 "000-210-0120", "okada@example.jp", TERM_START, TERM_END, "", B_FIELD },
  [MB_ISHIKAWA] = { 2, "みなと市 健康福祉部 地域包括ケア推進課", "石川 葵", "いしかわ あおい", "主任", ROLE_SECRETARIAT,
                    "", "000-210-0100", "ishikawa@example.jp", TERM_START, TERM_END, "会議の招集・議事録作成を担当。",
                    B_CORE | B_FIELD | B_SHEET | B_HOSP },
};

typedef struct {
  int         step;
  const char *code;
  const char *title;
  const char *start_month;
  const char *end_month;
  int         owner;
  const char *owner_text;
  int         status;
  gboolean    milestone;
  const char *cadence;
  const char *notes;
} DemoTask;

/* The guide's three-year template (STEP1–6), anchored at 令和6年8月. */
static const DemoTask demo_tasks[] = {
  { 1, "1-1", "情報共有と事業設計", "2024-08", "2024-11", MB_ISHIKAWA, "事務局", TASK_DONE, FALSE, "",
    "市・医師会・市民病院・消防本部で進め方、目標、工程表を確認。地域包括ケア推進会議で協議会の設置を了承。" },
  { 1, "1-2", "情報収集、研修・学会等への参加", "2024-10", "2024-12", MB_SATO, "", TASK_DONE, FALSE, "",
    "ACP市民公開講座、在宅医療・救急医療連携セミナー(医師・消防・行政)に参加。" },
  { 2, "2-1", "支援者勉強会用資料・アンケート作成", "2024-10", "2024-10", MB_YOSHIDA, "", TASK_DONE, FALSE, "",
    "専門職向けACP勉強会の資料と開催前後アンケートを作成。" },
  { 2, "2-2", "関係機関への説明と協力依頼、聞き取り等", "2024-10", "2024-12", MB_ISHIKAWA, "", TASK_DONE, FALSE, "",
    "薬剤師会・歯科医師会へ説明と協力依頼。消防本部救急係への聞き取り。" },
  { 2, "2-3", "全包括全地区ACP勉強会の開催", "2024-11", "2025-03", MB_YOSHIDA, "地域包括支援センター(5圏域)",
    TASK_IN_PROGRESS, FALSE, "",
    "4圏域で計7回、延べ268名参加。北部圏域は会場の都合で未開催(日程調整中)。参加者へ開催前後のアンケート調査を実施。" },
  { 3, "3-1", "中核となる関係者打合せ", "2024-08", "2027-03", MB_ISHIKAWA, "市医師会・市・市民病院・消防本部",
    TASK_IN_PROGRESS, FALSE, "随時開催", "" },
  { 3, "3-2", "定期研究会の開催", "2024-09", "2027-03", MB_ISHIKAWA, "救急搬送連携部会", TASK_IN_PROGRESS, FALSE,
    "2か月に1回程度開催", "情報共有・課題抽出・目標設定・解決策の検討・フィードバック。" },
  { 4, "4-1", "ACPに関する勉強会", "2024-11", "2027-03", MB_YOSHIDA, "", TASK_IN_PROGRESS, FALSE,
    "1年目は年度2回、以降全包括エリア全地区で開催", "令和7年度は町内会単位の出前講座を追加。" },
  { 4, "4-2", "市民啓発講演会等の開催", "2025-02", "2027-02", MB_SATO, "", TASK_IN_PROGRESS, FALSE, "年度1回",
    "令和7年2月 市民公開講座「住み慣れた家で最期まで」(参加186名)。" },
  { 5, "5-1", "三師会・消防・警察・行政との協議・研修会の開催", "2024-09", "2025-03", MB_TAKAHASHI, "", TASK_DONE,
    FALSE, "", "令和7年1月 合同研修会(心肺蘇生を望まない傷病者への対応)。" },
  { 5, "5-2", "連携ルール完成", "2025-04", "2026-03", MB_ISHIKAWA, "協議会", TASK_IN_PROGRESS, TRUE, "",
    "関係機関等へ意見聴取(令和7年4月、14機関・意見36件)。第2版(案)を協議中。" },
  { 5, "5-3", "関係機関・住民への周知啓発", "2026-04", "2027-03", MB_SATO, "", TASK_TODO, FALSE, "", "" },
  { 6, "6-1", "運用状況確認アンケート", "2026-04", "2026-09", MB_ISHIKAWA, "", TASK_TODO, TRUE, "",
    "運用開始後、関係機関へ運用状況確認アンケートを実施。" },
  { 6, "6-2", "検証、見直し", "2026-10", "2027-03", NONE, "協議会", TASK_TODO, FALSE, "年1回", "" },
};

enum { MT_C1, MT_F1, MT_C2, MT_W1, MT_F2, MT_C3, MT_H1, MT_F3, MT_W2, MT_C4, MT_C5, N_DEMO_MEETINGS };

typedef struct {
  int         body;
  int         number;
  const char *title;
  const char *starts_at;
  const char *ends_at;
  const char *place;
  gboolean    online;
  const char *task_code;
  int         status;
  const char *notes;
} DemoMeeting;

static const DemoMeeting demo_meetings[N_DEMO_MEETINGS] = {
  [MT_C1] = { 0, 1, "協議会の設置と今後の進め方", "2024-08-27T14:00", "2024-08-27T15:30",
              "みなと市役所 本庁舎3階 第1会議室", FALSE, "1-1", MEETING_HELD, "傍聴者2名。資料1〜3を事前送付。" },
  [MT_F1] = { 1, 1, "救急搬送時の情報共有の現状", "2024-10-08T18:30", "2024-10-08T20:00",
              "みなと市消防本部 2階 講堂", TRUE, "3-2", MEETING_HELD, "在宅医1名はオンラインで参加。" },
  [MT_C2] = { 0, 2, "ACP勉強会と効果検証指標", "2024-11-19T14:00", "2024-11-19T15:30",
              "みなと市役所 本庁舎3階 第1会議室", FALSE, "3-1", MEETING_HELD, "" },
  [MT_W1] = { 2, 1, "救急医療情報シートの記載項目", "2024-12-10T18:30", "2024-12-10T20:00",
              "みなと市保健福祉センター 2階 研修室", FALSE, "3-2", MEETING_HELD, "" },
  [MT_F2] = { 1, 2, "連携ルール素案の検討", "2025-01-14T18:30", "2025-01-14T20:00",
              "みなと市消防本部 2階 講堂", TRUE, "3-2", MEETING_HELD, "" },
  [MT_C3] = { 0, 3, "連携ルール第1版素案", "2025-02-18T14:00", "2025-02-18T16:00",
              "みなと市役所 本庁舎3階 第1会議室", FALSE, "5-2", MEETING_HELD, "傍聴者1名。" },
  [MT_H1] = { 3, 1, "入退院支援の現状と課題", "2025-03-11T17:30", "2025-03-11T19:00",
              "みなと市民病院 研修センター", FALSE, "3-1", MEETING_HELD, "令和6年度の病院連絡会に議題を追加して開催。" },
  [MT_F3] = { 1, 3, "意見照会の結果と図上訓練", "2025-05-20T18:30", "2025-05-20T20:00",
              "みなと市消防本部 2階 講堂", TRUE, "5-2", MEETING_HELD, "" },
  [MT_W2] = { 2, 2, "救急医療情報シートの改訂", "2025-06-10T18:30", "2025-06-10T20:00",
              "みなと市保健福祉センター 2階 研修室", FALSE, "5-2", MEETING_HELD, "" },
  [MT_C4] = { 0, 4, "連携ルール第2版(案)と入退院支援ルール", "2025-07-15T14:00", "2025-07-15T16:00",
              "みなと市役所 本庁舎3階 第1会議室", FALSE, "5-2", MEETING_HELD, "" },
  [MT_C5] = { 0, 5, "連携ルール第2版の確定", "2025-11-18T14:00", "2025-11-18T16:00",
              "みなと市役所 本庁舎3階 第1会議室", FALSE, "5-2", MEETING_PLANNED, "資料は11月11日までに送付予定。" },
};

/* Attendance that was not plain presence; everyone else on the body that day attended. */
typedef struct {
  int         meeting;
  int         member;
  int         status;
  const char *proxy_name;
} DemoAttendance;

static const DemoAttendance demo_attendance_exceptions[] = {
  { MT_C1, MB_ITO, ATTEND_ABSENT, "" },
  { MT_F1, MB_KIMURA, ATTEND_ONLINE, "" },
  { MT_C2, MB_NAKAMURA, ATTEND_PROXY, "林 さおり" },
  { MT_C2, MB_MORI, ATTEND_ONLINE, "" },
  { MT_F2, MB_SHIMIZU, ATTEND_ONLINE, "" },
  { MT_F2, MB_ABE, ATTEND_ABSENT, "" },
  { MT_C3, MB_KOBAYASHI, ATTEND_PROXY, "斎藤 剛" },
  { MT_F3, MB_KIMURA, ATTEND_ONLINE, "" },
  { MT_H1, MB_YAMAGUCHI, ATTEND_ABSENT, "" },
  { MT_C4, MB_IKEDA, ATTEND_ABSENT, "" },
  { MT_C4, MB_MATSUMOTO, ATTEND_ONLINE, "" },
};

typedef struct {
  int         meeting;
  int         position;
  const char *title;
  int         presenter;
  int         minutes;
  const char *discussion;
  const char *decisions;
  int         carried_action; /* index into demo_actions, or NONE */
} DemoAgendaItem;

static const DemoAgendaItem demo_agenda[] = {
  { MT_C1, 1, "会長・副会長の選出", MB_ISHIKAWA, 10,
    "委員の互選により、会長にみなと市医師会の高橋委員、副会長にみなと市民病院の中村委員が選出された。",
    "会長 高橋誠一委員(みなと市医師会)、副会長 中村恵子委員(みなと市民病院)とする。", NONE },
  { MT_C1, 2, "協議会の設置目的と今後の進め方について", MB_ISHIKAWA, 30,
    "事務局から、国の「在宅医療・救急医療等の連携ルール策定等に関する市町村等支援の手引き」に沿って、令和6年度から"
    "3年間で急変時・救急搬送時の連携ルールを策定する工程表(案)を説明した。\n"
    "消防本部から、令和5年の救急搬送のうち65歳以上が約6割を占め、自宅からの搬送で本人の意思やかかりつけ医が"
    "分からない事例が増えているとの報告があった。\n"
    "医師会から、ACP(人生会議)の取組は診療所ごとに差が大きく、話し合いの内容が救急隊に伝わる仕組みがないことが"
    "課題であるとの意見があった。",
    "工程表(案)のとおり進めることを承認した。現場レベルの会議として救急搬送連携部会を、作業ワーキングとして"
    "連携シート作業部会を設置する。", NONE },
  { MT_C1, 3, "現状と課題の把握(自己チェックシートの結果)", MB_SATO, 30,
    "事務局から、市町村自己チェックシートの回答結果を報告した。会議体としては既存の病院連絡会があるものの、"
    "消防機関が参加していないことが確認された。\n"
    "地域包括支援センターから、独居高齢者の緊急連絡先が救急隊に伝わらず、搬送先の病院で家族への連絡に時間が"
    "かかった事例が紹介された。\n"
    "訪問看護ステーションから、夜間に急変した利用者について、主治医と連絡が取れないまま119番通報に至る事例が"
    "あるとの報告があった。",
    "課題一覧に「独居高齢者の緊急連絡先が救急隊に伝わらない」「夜間・休日にかかりつけ医と連絡がつかない」を追加し、"
    "救急搬送連携部会で具体策を検討する。", NONE },

  { MT_F1, 1, "部会の進め方について", MB_ISHIKAWA, 15,
    "事務局から、部会の設置目的と検討事項(救急搬送時の情報共有、本人の意思の確認方法)を説明した。",
    "概ね2か月に1回開催し、検討結果を協議会に報告する。", NONE },
  { MT_F1, 2, "救急搬送時の情報共有の現状", MB_KOBAYASHI, 45,
    "消防本部から、救急隊が現場で確認している情報(氏名、既往歴、服薬、かかりつけ医療機関、緊急連絡先)と、確認に"
    "要する時間の実態について報告があった。現場滞在時間が30分を超えた事例の多くで、服薬情報とかかりつけ医の確認に"
    "時間を要していた。\n"
    "介護支援専門員協会から、救急医療情報キットを配布しているが、冷蔵庫に保管された情報が更新されていない例が"
    "多いとの意見があった。\n"
    "在宅医から、救急隊が到着した時点で主治医に電話が入れば、搬送の要否や搬送先について助言できるとの発言があった。",
    "救急医療情報キットの記載項目を見直し、救急隊が必要とする情報を優先した「救急医療情報シート」(連携シート)の素案を"
    "連携シート作業部会で作成する。", NONE },
  { MT_F1, 3, "心肺蘇生を望まない傷病者への対応について", MB_KIMURA, 30,
    "在宅医から、東京消防庁の「心肺蘇生を望まない傷病者への対応」の概要と4つの要件(ACPが行われている成人で"
    "心肺停止状態であること、人生の最終段階にあること、本人が心肺蘇生の実施を望まないこと、意思決定に際し想定された"
    "症状と現在の症状とが合致すること)が紹介された。\n"
    "消防本部から、現行の活動基準では心肺蘇生を中止する根拠がなく、救急隊員の心理的負担も大きいとの意見があった。\n"
    "参考人(弁護士)から、本人の意思は書面に限らず確認できるが、かかりつけ医への確認を必ず経る手順とすることが"
    "望ましいとの助言があった。",
    "みなと市版の対応手順を連携ルールの中に位置付ける方向で検討を続ける。次回までに消防本部が他市の運用状況を"
    "調査する。", NONE },

  { MT_C2, 1, "救急搬送連携部会の検討状況", MB_ISHIKAWA, 20,
    "事務局から、第1回救急搬送連携部会の議論(救急医療情報シートの作成、心肺蘇生を望まない傷病者への対応)を報告した。\n"
    "薬剤師会から、お薬手帳の写しをシートに添付する運用とすれば、服薬情報の記載の負担が減るとの提案があった。",
    "救急医療情報シートは、お薬手帳の写しの添付を可とする方向で作業部会に検討を依頼する。", NONE },
  { MT_C2, 2, "ACP勉強会・市民啓発の計画", MB_YOSHIDA, 30,
    "地域包括支援センターから、市内5圏域すべてでACP(人生会議)勉強会を開催する計画と、開催前後のアンケート案が"
    "説明された。\n"
    "社会福祉協議会から、民生委員の研修会でも人生会議を取り上げたいとの申し出があった。\n"
    "歯科医師会から、訪問歯科診療の場でも本人の意向を聞く機会があるため、専門職向け勉強会の案内を会員に周知するとの"
    "発言があった。",
    "全包括全地区ACP勉強会を令和6年度内に実施する。アンケート結果は第3回協議会で報告する。", NONE },
  { MT_C2, 3, "効果検証指標の選定", MB_SATO, 20,
    "事務局から、手引きの指標例のうち「自宅死の割合の推移」「救急医療情報キットの普及率」「救急隊からの医療機関"
    "照会回数」「訪問診療を実施している診療所・病院数」を候補として示した。\n"
    "保健所から、自宅死の割合は人口動態統計で毎年把握できるが、老人ホーム死と区別して見る必要があるとの助言があった。",
    "4指標を効果検証指標として採用し、令和5年度の値をベースラインとする。", NONE },

  { MT_W1, 1, "救急医療情報シートの記載項目", MB_KATO, 60,
    "他市の救急医療情報キットや119医療情報伝達カードを参考に、記載項目を検討した。必須項目は氏名(ふりがな)、"
    "生年月日、住所、かかりつけ医療機関、持病・既往歴、服薬、アレルギー、緊急連絡先2名とする案が示された。\n"
    "介護支援専門員協会から、延命治療についての希望欄は、本人が記入しにくいため選択式にすべきとの意見があった。\n"
    "市民病院から、血液型は救急現場での必要性が低いため任意項目でよいとの意見があった。",
    "延命治療についての希望は「できるだけ救命してほしい」「苦痛をやわらげる処置のみ希望する」「かかりつけ医と相談済み」"
    "「その他」の選択式とする。記入日欄を設け、年1回の更新を促す。", NONE },
  { MT_W1, 2, "シートの保管と更新の方法", MB_YOSHIDA, 30,
    "地域包括支援センターから、シートを冷蔵庫の扉に貼るマグネット式ケースで保管し、玄関内側にステッカーを貼る方式が"
    "提案された。\n"
    "介護支援専門員協会から、ケアプランの更新時にシートの内容を確認する運用とすれば、更新漏れを防げるとの意見が"
    "あった。",
    "保管は冷蔵庫のマグネット式ケースとし、介護支援専門員がケアプラン更新時に内容を確認する。", NONE },

  { MT_F2, 1, "前回の宿題事項(他市の運用状況)", MB_KOBAYASHI, 30,
    "消防本部から、心肺蘇生を望まない傷病者への対応を運用している他市の状況を報告した。いずれもかかりつけ医への連絡を"
    "必須とし、医師が概ね45分以内に到着できる場合は救急隊が待機する運用であった。\n"
    "救急科医師から、外因性の心肺停止(交通事故、自傷、他害など)は対象外とすべきとの意見があった。",
    "対象から外因性の心肺停止を除外する。家族等が心肺蘇生の継続を求めた場合は継続する。", NONE },
  { MT_F2, 2, "連携ルール素案(急変時・救急搬送時)", MB_ISHIKAWA, 45,
    "事務局から、連携ルール素案(目的、対象、手順、本人の意思の確認、連絡先、運用・見直し)を説明した。\n"
    "訪問看護ステーションから、夜間は訪問看護ステーションの緊急連絡先にも連絡する手順を加えてほしいとの要望があった。\n"
    "民生委員児童委員協議会から、独居高齢者の見守りの中でシートの有無を確認できるとの発言があった。",
    "素案を一部修正のうえ、第3回協議会に諮る。", NONE },

  { MT_C3, 1, "急変時・救急搬送時の連携ルール(第1版素案)", MB_ISHIKAWA, 45,
    "事務局から、救急搬送連携部会で検討した連携ルール第1版素案を説明した。\n"
    "医師会から、本人の意思の確認は、書面又は口頭のいずれであっても必ずかかりつけ医に確認する手順とすべきとの意見が"
    "あった。\n"
    "消防本部から、心肺蘇生を中止する際の4要件を満たすかどうかを救急隊が判断できるよう、確認表を様式に加えたいとの"
    "提案があった。",
    "第1版素案を確定し、関係機関への意見照会を行う。意見照会の期間は令和7年4月末までとする。心肺蘇生を望まない"
    "傷病者への対応は、4要件をすべて満たし、かかりつけ医の指示がある場合に限る。", NONE },
  { MT_C3, 2, "ACP勉強会の実施結果", MB_YOSHIDA, 20,
    "地域包括支援センターから、5圏域で計8回の勉強会を開催し、延べ312名が参加したと報告があった。開催後アンケートでは、"
    "人生会議という言葉を知っている人の割合が開催前の28%から71%に上がった。",
    "令和7年度は町内会単位の出前講座を追加する。", NONE },
  { MT_C3, 3, "令和7年度の事業計画", MB_SATO, 15,
    "事務局から、令和7年度は連携ルールの完成(工程表5-2)と、病院連絡会との入退院支援ルールの検討を並行して進める計画が"
    "説明された。",
    "令和7年度事業計画を承認した。", NONE },

  { MT_H1, 1, "入退院支援の現状", MB_HAYASHI, 40,
    "市民病院 地域医療連携室から、入院時に介護支援専門員からの情報提供が入院後3日以内に届いた割合が約4割にとどまる"
    "との報告があった。\n"
    "回復期病院から、退院前カンファレンスの日程調整に時間がかかり、在宅側の受入れ準備が間に合わない事例が紹介された。",
    "入院時情報提供書の様式を市内で統一する方向で、入退院支援ルールの検討を始める。", NONE },
  { MT_H1, 2, "救急搬送連携部会からの報告", MB_SHIMIZU, 20,
    "救急科から連携ルール素案の概要が説明され、搬送先病院が救急医療情報シートの原本を受け取った場合の返却方法を"
    "決めておく必要があるとの意見があった。",
    "シートは写しを病院で保管し、原本は本人又は家族に返却する旨を素案に追記するよう協議会に提案する。", NONE },

  { MT_F3, 1, "意見照会の結果", MB_ISHIKAWA, 40,
    "事務局から、関係機関への意見照会の結果(14機関、意見36件)を報告した。主な意見は、連絡先一覧の更新方法、夜間に"
    "かかりつけ医に連絡がつかない場合の対応、個人情報の取扱いであった。\n"
    "医師会から、かかりつけ医に連絡がつかない場合は、在宅当番医又は搬送先医療機関の医師の判断を仰ぐ手順とする案が"
    "示された。",
    "意見を反映した第2版(案)を作成する。個人情報の取扱いの節を新設する。", NONE },
  { MT_F3, 2, "図上訓練の実施結果", MB_YAMAMOTO, 30,
    "消防本部から、訪問看護ステーションと合同で実施した図上訓練の結果が報告された。シートの「延命治療についての希望」欄が"
    "空欄の事例で、救急隊の判断に迷いが生じた。",
    "シートの配布時に、延命治療についての希望欄の記入方法を説明するリーフレットを作成する。", NONE },

  { MT_W2, 1, "救急医療情報シート(改訂案)", MB_KATO, 60,
    "意見照会を踏まえ、シートに記入日と次回更新予定日の欄を設け、緊急連絡先を2名まで記載できるよう改めた。\n"
    "薬剤師会から、服薬欄は「お薬手帳の写しを添付」にチェックできるようにする案が示された。",
    "改訂案を第4回協議会に報告する。", NONE },

  { MT_C4, 1, "連携ルール第2版(案)", MB_ISHIKAWA, 40,
    "事務局から、意見照会の結果を反映した第2版(案)を説明した。主な変更点は、本人の意思の確認の手順の明確化、"
    "かかりつけ医に連絡がつかない場合の対応、個人情報の取扱いの新設である。\n"
    "保健所から、大規模災害時の取扱いについても今後の見直しで検討してほしいとの意見があった。",
    "第2版(案)について、救急搬送連携部会での最終調整を経て、第5回協議会で確定する。", NONE },
  { MT_C4, 2, "入退院支援ルールの検討開始", MB_NAKAMURA, 30,
    "病院連絡会から、入院時情報提供書の統一様式案と入退院支援ルールの骨子が報告された。\n"
    "介護支援専門員協会から、入院時の情報提供は入院後3日以内を目安とすることに賛成する意見があった。",
    "入退院支援ルール第1版(案)の作成を病院連絡会に依頼する。", NONE },
  { MT_C4, 3, "効果検証指標の令和6年度実績", MB_SATO, 15,
    "事務局から、令和6年度の指標の値を報告した。救急医療情報キットの普及率は12.5%で、目標の40%に向けて配布方法の"
    "工夫が必要である。",
    "キットの配布を民生委員の訪問活動と連動させる。", NONE },

  { MT_C5, 1, "連携ルール第2版の確定", MB_ISHIKAWA, 40, "", "", NONE },
  { MT_C5, 2, "入退院支援ルール第1版(案)", MB_HAYASHI, 30, "", "", NONE },
  { MT_C5, 3, "延命治療についての希望欄の説明リーフレット(継続審議)", MB_KATO, 15, "", "", 5 },
  { MT_C5, 4, "令和8年度の運用開始に向けた周知啓発", MB_SATO, 20, "", "", NONE },
};

typedef struct {
  int         meeting;
  int         position;
  const char *title;
  int         assignee;
  const char *assignee_text;
  const char *due_date;
  int         status;
  const char *done_on;
} DemoAction;

static const DemoAction demo_actions[] = {
  { MT_C1, 2, "救急搬送連携部会・連携シート作業部会の委員を選任する", MB_ISHIKAWA, "事務局", "2024-09-30",
    ACTION_DONE, "2024-09-20" },
  { MT_F1, 2, "救急医療情報シートの素案を作成する", MB_KATO, "連携シート作業部会", "2024-12-10", ACTION_DONE,
    "2024-12-10" },
  { MT_F1, 3, "他市の「心肺蘇生を望まない傷病者への対応」の運用状況を調査する", MB_KOBAYASHI, "消防本部", "2025-01-14",
    ACTION_DONE, "2025-01-09" },
  { MT_C2, 2, "ACP勉強会の開催前後アンケートを集計する", MB_YOSHIDA, "", "2025-02-18", ACTION_DONE, "2025-02-10" },
  { MT_C3, 1, "連携ルール第1版素案について関係機関への意見照会を行う", MB_ISHIKAWA, "事務局", "2025-04-30",
    ACTION_DONE, "2025-04-30" },
  { MT_F3, 2, "延命治療についての希望欄の記入方法を説明するリーフレットを作成する", MB_KATO, "訪問看護ステーションみなと",
    "2025-08-29", ACTION_OPEN, NULL },
  { MT_C4, 2, "入退院支援ルール第1版(案)を作成する", MB_HAYASHI, "病院連絡会", "2025-10-31", ACTION_OPEN, NULL },
  { MT_C4, 3, "民生委員の訪問活動と連動したキットの配布方法を検討する", MB_INOUE, "", "2026-01-30", ACTION_OPEN,
    NULL },
  { MT_H1, 2, "シート原本の返却方法を素案に追記する", MB_ISHIKAWA, "事務局", "2025-05-20", ACTION_DONE, "2025-05-16" },
  { MT_W1, 1, "血液型欄の要否を消防本部に確認する", MB_ISHIKAWA, "", "2025-01-14", ACTION_WITHDRAWN, NULL },
};

typedef struct {
  const char *title;
  const char *description;
  int         source;
  int         meeting;
  int         status;
  const char *created_at;
} DemoChallenge;

enum { CH_CONTACTS, CH_NIGHT_DOCTOR, CH_WISHES, CH_KIT_UPDATE, CH_ADMISSION, N_DEMO_CHALLENGES };

static const DemoChallenge demo_challenges[N_DEMO_CHALLENGES] = {
  [CH_CONTACTS] = { "独居高齢者の緊急連絡先が救急隊に伝わらない",
                    "救急隊が現場で家族等の緊急連絡先を確認できず、搬送先病院での家族への連絡や入院手続きが遅れる。",
                    SOURCE_MEETING, MT_C1, CHALLENGE_IN_PROGRESS, "2024-08-27T15:30" },
  [CH_NIGHT_DOCTOR] = { "夜間・休日にかかりつけ医と連絡がつかない",
                        "急変時に主治医と連絡が取れないまま119番通報に至り、本人の意向と異なる搬送になることがある。",
                        SOURCE_HEARING, MT_C1, CHALLENGE_IN_PROGRESS, "2024-08-27T15:30" },
  [CH_WISHES] = { "本人の意思(ACP)が救急隊に伝わる仕組みがない",
                  "人生会議で話し合った内容が家族・介護職までにとどまり、救急隊や搬送先病院に伝わらない。",
                  SOURCE_SELFCHECK, MT_F1, CHALLENGE_IN_PROGRESS, "2024-10-08T20:00" },
  [CH_KIT_UPDATE] = { "救急医療情報キットの内容が更新されていない",
                      "配布済みのキットの多くで、服薬やかかりつけ医の情報が古いまま保管されている。",
                      SOURCE_MEETING, MT_F1, CHALLENGE_RESOLVED, "2024-10-08T20:00" },
  [CH_ADMISSION] = { "入院時の情報提供が遅れ、退院調整に支障がある",
                     "介護支援専門員からの入院時情報提供が入院後3日以内に届く割合が約4割にとどまる。",
                     SOURCE_DATA, MT_H1, CHALLENGE_OPEN, "2025-03-11T19:00" },
};

typedef struct {
  int         challenge;
  int         meeting;
  const char *note;
  const char *created_at;
} DemoChallengeNote;

static const DemoChallengeNote demo_challenge_notes[] = {
  { CH_CONTACTS, MT_F1, "救急医療情報シートに緊急連絡先を2名記載する方向で検討する。", "2024-10-08T20:00" },
  { CH_CONTACTS, MT_W1, "緊急連絡先2名を必須項目とした。民生委員の見守り時にシートの有無を確認する案が出た。",
    "2024-12-10T20:00" },
  { CH_CONTACTS, MT_C4, "第2版(案)の「連絡先」に反映。民生委員の訪問と連動した配布を検討中。", "2025-07-15T16:00" },
  { CH_NIGHT_DOCTOR, MT_F1, "在宅医から、救急隊到着時に主治医へ電話が入れば助言できるとの発言。",
    "2024-10-08T20:00" },
  { CH_NIGHT_DOCTOR, MT_F3, "連絡がつかない場合は在宅当番医又は搬送先医療機関の医師の判断を仰ぐ案で合意。",
    "2025-05-20T20:00" },
  { CH_WISHES, MT_F1, "東京消防庁の「心肺蘇生を望まない傷病者への対応」を参考に、みなと市版の手順を検討する。",
    "2024-10-08T20:00" },
  { CH_WISHES, MT_C3, "4要件とかかりつけ医の指示を条件とすることを確定した。", "2025-02-18T16:00" },
  { CH_KIT_UPDATE, MT_W1, "ケアプラン更新時に介護支援専門員が内容を確認する運用で合意。解決とする。",
    "2024-12-10T20:00" },
  { CH_ADMISSION, MT_H1, "統一様式(入院時情報提供書)の検討を開始。", "2025-03-11T19:00" },
};

typedef struct {
  const char *title;
  const char *kind;
  const char *created_at;
} DemoRuleDocument;

enum { DOC_EMERGENCY, DOC_ADMISSION, N_DEMO_DOCUMENTS };

static const DemoRuleDocument demo_documents[N_DEMO_DOCUMENTS] = {
  [DOC_EMERGENCY] = { "急変時・救急搬送時の連携ルール", "emergency", "2025-01-14T20:00" },
  [DOC_ADMISSION] = { "入退院支援ルール", "admission-discharge", "2025-07-15T16:00" },
};

typedef struct {
  int         document;
  const char *label;
  const char *version_date;
  int         status;
  gboolean    frozen;
  int         based_on;
  const char *created_at;
} DemoRuleVersion;

enum { V_EMERGENCY_1, V_EMERGENCY_2, V_ADMISSION_1, N_DEMO_VERSIONS };

static const DemoRuleVersion demo_versions[N_DEMO_VERSIONS] = {
  [V_EMERGENCY_1] = { DOC_EMERGENCY, "第1版(素案)", "2025-02-18", VERSION_CONSULTATION, TRUE, NONE,
                      "2025-01-14T20:00" },
  [V_EMERGENCY_2] = { DOC_EMERGENCY, "第2版(案)", "2025-07-15", VERSION_DISCUSSION, FALSE, V_EMERGENCY_1,
                      "2025-05-20T20:00" },
  [V_ADMISSION_1] = { DOC_ADMISSION, "第1版(案)", "2025-09-30", VERSION_DRAFT, FALSE, NONE, "2025-07-15T16:00" },
};

#define IN_V1  (1 << V_EMERGENCY_1)
#define IN_V2  (1 << V_EMERGENCY_2)
#define IN_ADM (1 << V_ADMISSION_1)

/* A section row per version in @versions: unchanged sections list both versions, edited ones appear once per text. */
typedef struct {
  guint       versions;
  const char *uid;
  const char *parent_uid;
  int         kind;
  const char *heading;
  const char *body;
} DemoSection;

#define CONSENT_CONDITIONS \
  "救急隊は、次の(1)から(4)までのすべてに該当する場合に限り、かかりつけ医に連絡し、その指示により心肺蘇生を中止し、" \
  "本人をかかりつけ医又は家族等に引き継ぐ。\n" \
  "(1) ACP(人生会議)が行われている成人で、心肺停止状態であること。\n" \
  "(2) 人生の最終段階にあること。\n" \
  "(3) 本人が「心肺蘇生の実施を望まない」意思を示していること。\n" \
  "(4) 意思決定に際し想定された症状と現在の症状とが合致すること。"

static const DemoSection demo_sections[] = {
  { IN_V1 | IN_V2, "purpose", NULL, 0, "目的",
    "この連携ルールは、みなと市において在宅で療養する人が急変したとき及び救急搬送されるときに、本人の基本情報と意思を、"
    "家族、かかりつけ医、訪問看護師、介護支援専門員、救急隊及び搬送先医療機関の間で確実に共有し、本人の意思を尊重した"
    "医療・ケアを提供することを目的とする。" },
  { IN_V1, "scope", NULL, 0, "対象",
    "みなと市内に住所を有し、在宅(自宅及び高齢者施設等を含む。)で療養する人で、救急医療情報シートを作成している人を"
    "対象とする。ただし、外因性の心肺停止は「本人の意思の確認」の対象としない。" },
  { IN_V2, "scope", NULL, 0, "対象",
    "みなと市内に住所を有し、在宅(自宅及び高齢者施設等を含む。)で療養する人で、救急医療情報シートを作成している人を"
    "対象とする。ただし、交通事故、自傷、他害等による外因性の心肺停止は「本人の意思の確認」の対象としない。" },
  { IN_V1 | IN_V2, "procedure", NULL, 0, "手順", "急変時及び救急搬送時は、次の手順により対応する。" },
  { IN_V1 | IN_V2, "procedure-preparation", "procedure", 0, "平時の準備",
    "(1) 本人又は家族は、かかりつけ医、訪問看護師又は介護支援専門員の支援を受けて救急医療情報シートを作成し、"
    "冷蔵庫の扉のマグネット式ケースに保管する。\n"
    "(2) 玄関の内側に、シートの保管を示すステッカーを貼る。\n"
    "(3) 介護支援専門員は、ケアプランの更新時にシートの内容を本人と確認する。" },
  { IN_V1 | IN_V2, "procedure-call", "procedure", 0, "119番通報時",
    "(1) 通報者は、救急医療情報シートがあることを通報時に伝える。\n"
    "(2) 訪問看護ステーションの利用者は、可能な場合、通報と並行して訪問看護ステーションの緊急連絡先に連絡する。" },
  { IN_V1 | IN_V2, "procedure-arrival", "procedure", 0, "現場到着時",
    "(1) 救急隊は、シートにより本人の基本情報、かかりつけ医療機関及び緊急連絡先を確認する。\n"
    "(2) 救急隊は、必要に応じてかかりつけ医に連絡し、搬送の要否及び搬送先について助言を受ける。" },
  { IN_V1, "procedure-handover", "procedure", 0, "医療機関への引継ぎ",
    "救急隊は、シートを搬送先医療機関に引き継ぐ。" },
  { IN_V2, "procedure-handover", "procedure", 0, "医療機関への引継ぎ",
    "救急隊は、シートを搬送先医療機関に引き継ぐ。医療機関は写しを保管し、原本は本人又は家族に返却する。" },
  { IN_V1, "consent", NULL, 0, "本人の意思の確認(心肺蘇生を望まない傷病者への対応)", CONSENT_CONDITIONS },
  { IN_V2, "consent", NULL, 0, "本人の意思の確認(心肺蘇生を望まない傷病者への対応)",
    CONSENT_CONDITIONS "\n"
    "本人の意思は、書面又は口頭のいずれによるものであっても、必ずかかりつけ医に確認する。かかりつけ医が概ね45分以内に"
    "到着できる場合は、救急隊はその到着を待つ。外因性の心肺停止の場合又は家族等が心肺蘇生の継続を求めた場合は、"
    "心肺蘇生を継続する。かかりつけ医に連絡がつかない場合は、在宅当番医又は搬送先医療機関の医師の判断を仰ぐ。" },
  { IN_V1, "contacts", NULL, 0, "連絡先",
    "事務局(みなと市 健康福祉部 地域包括ケア推進課)は、関係機関の連絡先一覧を作成し、救急隊及び関係機関に配布する。" },
  { IN_V2, "contacts", NULL, 0, "連絡先",
    "事務局(みなと市 健康福祉部 地域包括ケア推進課)は、関係機関の連絡先一覧を作成し、救急隊及び関係機関に配布する。"
    "連絡先一覧は毎年4月1日時点で更新する。救急医療情報シートには、緊急連絡先を2名まで記載する。" },
  { IN_V2, "privacy", NULL, 0, "個人情報の取扱い",
    "シートに記載された個人情報は、本人の同意の範囲内で、救急搬送及びそれに続く医療・ケアの提供のためにのみ利用する。"
    "関係機関は、個人情報の保護に関する法律その他の法令に従い、これを適切に管理する。" },
  { IN_V1, "operation", NULL, 0, "運用・見直し",
    "このルールは、協議会が毎年度の運用状況確認アンケートの結果に基づいて検証し、必要に応じて見直す。" },
  { IN_V2, "operation", NULL, 0, "運用・見直し",
    "このルールは、協議会が毎年度の運用状況確認アンケートの結果に基づいて検証し、必要に応じて見直す。見直しの内容は、"
    "救急搬送連携部会の協議を経て協議会で決定する。" },
  { IN_V1 | IN_V2, "form-sheet", NULL, 1, "救急医療情報シート",
    "本人又は家族が記入し、冷蔵庫の扉のマグネット式ケースに保管する。内容に変更があったときは書き直す。" },

  { IN_ADM, "purpose", NULL, 0, "目的",
    "このルールは、在宅で療養する人が入院及び退院する際に、病院と介護支援専門員等が必要な情報を確実に共有し、"
    "切れ目のない医療・介護の提供と円滑な在宅復帰を図ることを目的とする。" },
  { IN_ADM, "scope", NULL, 0, "対象",
    "介護支援専門員が担当している要介護者等で、市内の病院に入院した人を対象とする。短期入院(概ね3日以内)は除く。" },
  { IN_ADM, "admission", NULL, 0, "入院時の情報提供",
    "介護支援専門員は、担当する利用者の入院を知ったときは、入院後3日以内を目安に入院時情報提供書により病院の"
    "地域医療連携室に情報を提供する。" },
  { IN_ADM, "discharge", NULL, 0, "退院調整",
    "病院は、退院の見込みが立った時点で介護支援専門員に連絡し、必要に応じて退院前カンファレンスを開催する。" },
  { IN_ADM, "after-discharge", NULL, 0, "退院後の支援",
    "介護支援専門員は、退院後のサービスの利用状況を確認し、必要に応じて病院に情報を提供する。" },
  { IN_ADM, "operation", NULL, 0, "運用・見直し", "このルールは、病院連絡会の意見を聴いて協議会が毎年度見直す。" },
  { IN_ADM, "form-admission", NULL, 1, "入院時情報提供書",
    "介護支援専門員が記入し、病院の地域医療連携室に提出する。" },
};

typedef struct {
  guint       versions;
  const char *uid;
  const char *label;
  int         kind;
  const char *choices;
} DemoFormField;

static const DemoFormField demo_form_fields[] = {
  { IN_V1 | IN_V2, "form-sheet", "氏名(ふりがな)", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "性別", FIELD_CHOICE, "男性\n女性\n回答しない" },
  { IN_V1 | IN_V2, "form-sheet", "生年月日", FIELD_DATE, "" },
  { IN_V1 | IN_V2, "form-sheet", "住所", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "電話", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "血液型", FIELD_CHOICE, "A型\nB型\nO型\nAB型\n不明" },
  { IN_V1 | IN_V2, "form-sheet", "かかりつけ医療機関", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "持病・既往歴", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "服薬", FIELD_TEXT, "" },
  { IN_V2, "form-sheet", "お薬手帳の写しを添付", FIELD_CHECKBOX, "" },
  { IN_V1 | IN_V2, "form-sheet", "アレルギー", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "緊急連絡先1(氏名・続柄・電話)", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "緊急連絡先2(氏名・続柄・電話)", FIELD_TEXT, "" },
  { IN_V1 | IN_V2, "form-sheet", "延命治療についての希望", FIELD_CHOICE,
    "できるだけ救命してほしい\n苦痛をやわらげる処置のみ希望する\nかかりつけ医と相談済み\nその他" },
  { IN_V1 | IN_V2, "form-sheet", "記入日", FIELD_DATE, "" },
  { IN_V2, "form-sheet", "次回更新予定日", FIELD_DATE, "" },
  { IN_ADM, "form-admission", "利用者氏名", FIELD_TEXT, "" },
  { IN_ADM, "form-admission", "入院日", FIELD_DATE, "" },
  { IN_ADM, "form-admission", "要介護度", FIELD_CHOICE, "要支援1\n要支援2\n要介護1\n要介護2\n要介護3\n要介護4\n要介護5" },
  { IN_ADM, "form-admission", "在宅での生活状況", FIELD_TEXT, "" },
  { IN_ADM, "form-admission", "本人・家族の意向", FIELD_TEXT, "" },
  { IN_ADM, "form-admission", "担当介護支援専門員(事業所・電話)", FIELD_TEXT, "" },
  { IN_ADM, "form-admission", "提供日", FIELD_DATE, "" },
};

typedef struct {
  int         document;
  const char *uid;
  int         agenda_meeting;   /* with agenda_position: a decision, or NONE */
  int         agenda_position;
  int         challenge;        /* or NONE */
} DemoSectionLink;

static const DemoSectionLink demo_section_links[] = {
  { DOC_EMERGENCY, "consent", MT_C3, 1, NONE },
  { DOC_EMERGENCY, "consent", NONE, 0, CH_WISHES },
  { DOC_EMERGENCY, "contacts", NONE, 0, CH_CONTACTS },
  { DOC_EMERGENCY, "procedure-preparation", MT_W1, 2, NONE },
  { DOC_EMERGENCY, "scope", MT_F2, 1, NONE },
  { DOC_ADMISSION, "admission", NONE, 0, CH_ADMISSION },
};

typedef struct {
  int         version;
  const char *uid;
  const char *author;
  const char *body;
  gboolean    resolved;
  const char *created_at;
} DemoReviewComment;

static const DemoReviewComment demo_reviews[] = {
  { V_EMERGENCY_1, "consent", "高橋 誠一(みなと市医師会)",
    "口頭で意思が示されている場合の確認方法を明記してください。", TRUE, "2025-03-10T10:00" },
  { V_EMERGENCY_1, "contacts", "加藤 美穂(訪問看護ステーションみなと)",
    "夜間の連絡先として訪問看護ステーションの緊急携帯電話を加えてください。", TRUE, "2025-03-21T16:30" },
  { V_EMERGENCY_1, "scope", "みなと市消防本部 警防課",
    "外因性の例として交通事故、自傷、他害を例示してください。", TRUE, "2025-04-15T09:15" },
  { V_EMERGENCY_2, "privacy", "松本 真理(架空県みなと保健所)",
    "同意の取得方法(シート作成時に署名を得る等)を記載してはどうでしょうか。", FALSE, "2025-08-05T14:00" },
  { V_EMERGENCY_2, "consent", "清水 隆(みなと中央病院 救急科)",
    "医師の到着を待つ時間の目安(45分)は、搬送先病院とも共有しておく必要があります。", FALSE, "2025-08-19T11:20" },
  { V_ADMISSION_1, "admission", "山田 浩二(みなと市介護支援専門員協会)",
    "「入院後3日以内」に休日を含めるかどうかを明記してください。", FALSE, "2025-10-06T13:40" },
};

typedef struct {
  const char *catalog_code;
  const char *name;
  const char *group_code;
  const char *unit;
  int         unit_kind;
  gboolean    is_ratio;
  const char *numerator_label;
  const char *denominator_label;
  double      factor;
  gboolean    higher_is_better;
  const char *data_source;
  double      baseline_value;
  const char *baseline_period;
  double      target_value;
  const char *target_period;
  int         document;
  const char *task_code;
  const char *notes;
} DemoIndicator;

static const DemoIndicator demo_indicators[] = {
  { "C2", "自宅死の割合の推移", "end-of-life", "%", UNIT_RATIO, TRUE, "自宅での死亡数", "死亡総数", 100, TRUE,
    "人口動態統計(架空県衛生統計年報)", 13.7, "2023", 18.0, "2027", NONE, "6-2",
    "老人ホーム死と区別して見る(保健所の助言)。" },
  { "B1", "救急医療情報キットの普及率", "tools", "%", UNIT_RATIO, TRUE, "シートを作成した世帯数",
    "65歳以上の単身世帯数", 100, TRUE, "地域包括支援センター配布実績・住民基本台帳", 7.6, "2023", 40.0, "2026",
    DOC_EMERGENCY, "5-3", "" },
  { "A4", "救急隊からの医療機関照会回数", "transport", "回", UNIT_COUNT, FALSE, "", "", 1, FALSE,
    "みなと市消防本部 救急活動記録(1搬送あたりの平均照会回数)", 1.8, "2023", 1.4, "2027", DOC_EMERGENCY, "6-1",
    "" },
  { "D2", "訪問診療を実施している診療所・病院数", "capacity", "施設", UNIT_COUNT, FALSE, "", "", 1, TRUE,
    "架空県 医療機能情報提供制度", 24, "2023", 30, "2027", NONE, NULL,
    "「在宅医療サービスの実績」とあわせて見る。" },
};

typedef struct {
  int         indicator;
  const char *period;
  double      value;       /* used when there is no denominator */
  double      numerator;
  double      denominator; /* 0: not a ratio */
  const char *note;
} DemoIndicatorValue;

static const DemoIndicatorValue demo_indicator_values[] = {
  { 0, "2022", 0, 158, 1187, "" },
  { 0, "2023", 0, 166, 1212, "" },
  { 0, "2024", 0, 181, 1240, "速報値" },
  { 1, "2023", 0, 310, 4080, "" },
  { 1, "2024", 0, 520, 4160, "配布方法の見直しが必要(第4回協議会)。" },
  { 2, "2022", 1.9, 0, 0, "" },
  { 2, "2023", 1.8, 0, 0, "" },
  { 2, "2024", 1.7, 0, 0, "" },
  { 3, "2022", 22, 0, 0, "" },
  { 3, "2023", 24, 0, 0, "" },
  { 3, "2024", 26, 0, 0, "" },
};

typedef struct {
  const char *code;
  const char *text;
} DemoAnswer;

/* Option codes of data/catalog/selfcheck.xml. */
static const DemoAnswer demo_selfcheck_answers[] = {
  { "q11", "" },
  { "q1a1", "みなと市病院連絡会" },
  { "q1b1", "健康福祉部 地域包括ケア推進課" },
  { "q1b3", "" },
  { "q1b4", "" },
  { "q1c1", "入退院時の情報共有、退院前カンファレンスの運用" },
  { "q21", "" },
  { "q2a2", "" },
  { "q2a7", "" },
  { "q2b1", "地域包括ケア推進課" },
  { "q2c1", "" },
  { "q2c2", "救急医療情報キット" },
  { "q2c3", "65歳以上の単身世帯に配布し、冷蔵庫に保管" },
  { "q2d5", "" },
  { "q2f2", "" },
  { "q2g2", "" },
  { "q2h2", "" },
  { "q38", "" },
  { "q41", "" },
  { "q44", "" },
  { "q45", "" },
  { "q51", "" },
  { "q58", "" },
  { "q61", "地域包括ケア推進課" },
  { "q63", "" },
  { "q64", "" },
  { "q74", "" },
  { "q75", "" },
};

typedef struct {
  int part;
  int version; /* or NONE */
} DemoBookletPart;

static const DemoBookletPart demo_booklet_parts[] = {
  { 0, NONE }, { 1, NONE }, { 2, V_EMERGENCY_2 }, { 3, V_EMERGENCY_2 }, { 4, NONE }, { 5, NONE }, { 6, NONE },
  { 7, NONE }, { 8, NONE },
};

static const char *const demo_handout_pages[] = {
  "第1回 会議資料\n" DEMO_NAME "\n令和6年(2024年)8月27日\n\n"
  "資料1 協議会設置要綱\n資料2 工程表(案)\n資料3 自己チェックシートの結果",
  "資料2 工程表(案)\n"
  "STEP1 事業設計(令和6年8月〜11月)\n"
  "STEP2 支援者の合意形成と課題の抽出\n"
  "STEP3 関係者の組織化・課題抽出・対応策の検討\n"
  "STEP4 地域住民への周知啓発・勉強会等の開催\n"
  "STEP5 具体的な連携ルール作り(令和7年度 連携ルール完成)\n"
  "STEP6 連携ルールの運用と運用状況の把握(令和8年度)",
};

static gboolean
demo_member_active (int         member,
                    const char *date_time)
{
  const DemoMember *m = &demo_members[member];

  return strncmp (m->term_start, date_time, 10) <= 0 && strncmp (m->term_end, date_time, 10) >= 0;
}

static gint64
demo_find_task (const gint64 *task_ids,
                const char   *code)
{
  if (code == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (demo_tasks); i++)
    if (g_str_equal (demo_tasks[i].code, code))
      return task_ids[i];
  return 0;
}

static gint64
demo_find_agenda (const gint64 *agenda_ids,
                  int           meeting,
                  int           position)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_agenda); i++)
    if (demo_agenda[i].meeting == meeting && demo_agenda[i].position == position)
      return agenda_ids[i];
  return 0;
}

#define ID_OR_NONE(ids, index) ((index) == NONE ? (gint64) 0 : (ids)[index])

/* The tables above tell the council as of the autumn of this fiscal year. The demo is written as of the autumn of
 * today's fiscal year instead: every date, month and year it writes moves by the same whole number of years (so
 * weekdays drift, but no date moves across another). */
#define DEMO_REFERENCE_FY 2025

typedef struct {
  GBytes       *handout;
  int           years;
  /* The moved dates: rk_writer_run() binds text without copying it, so they live until the fill is done. */
  GStringChunk *dates;
} DemoFill;

/* @text ("2025", "2025-11", "2025-11-18" or "2025-11-18T14:00") with its year moved by @years; 29 February becomes
 * 28 February in a year without one. NULL stays NULL. */
static char *
demo_shift_iso_years (const char *text,
                      int         years)
{
  char *shifted;
  int year;

  if (text == NULL)
    return NULL;
  if (years == 0 || strlen (text) < 4 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return g_strdup (text);

  year = (int) g_ascii_strtoll (text, NULL, 10) + years;
  g_return_val_if_fail (year >= 1 && year <= 9999, g_strdup (text));
  shifted = g_strdup_printf ("%04d%s", year, text + 4);
  if (strncmp (shifted + 4, "-02-29", 6) == 0 && !g_date_is_leap_year ((GDateYear) year))
    shifted[9] = '8';
  return shifted;
}

/* Whole fiscal years from DEMO_REFERENCE_FY to today's (RK_TODAY pins today). */
static int
demo_years_to_today (void)
{
  GDate today;

  rk_store_get_today (&today);
  return rk_era_fiscal_year_of (g_date_get_year (&today), g_date_get_month (&today)) - DEMO_REFERENCE_FY;
}

/* A date of the static tables, as the demo writes it. */
static const char *
demo_date (DemoFill   *demo,
           const char *text)
{
  g_autofree char *shifted = demo_shift_iso_years (text, demo->years);

  return shifted != NULL ? g_string_chunk_insert_const (demo->dates, shifted) : NULL;
}

/* A date-time of a demo meeting. The planned meeting must lie ahead whenever the demo is written: shifting by whole
 * years would leave it behind from its day until March, so it moves to the same weekday three to four weeks on. */
static const char *
demo_meeting_time (DemoFill          *demo,
                   const DemoMeeting *meeting,
                   const char        *text)
{
  const char *shifted = demo_date (demo, text);
  GDate today, day, original;
  g_autofree char *moved = NULL;

  if (shifted == NULL || meeting->status != MEETING_PLANNED)
    return shifted;
  rk_store_get_today (&today);
  g_date_clear (&day, 1);
  g_date_clear (&original, 1);
  g_date_set_dmy (&day, g_ascii_strtoll (shifted + 8, NULL, 10), g_ascii_strtoll (shifted + 5, NULL, 10),
                  g_ascii_strtoll (shifted, NULL, 10));
  if (g_date_days_between (&today, &day) >= 14)
    return shifted;

  original = day;
  day = today;
  g_date_add_days (&day, 21);
  while (g_date_get_weekday (&day) != g_date_get_weekday (&original))
    g_date_add_days (&day, 1);
  moved = g_strdup_printf ("%04u-%02u-%02u%s", g_date_get_year (&day), g_date_get_month (&day),
                           g_date_get_day (&day), shifted + 10);
  return g_string_chunk_insert_const (demo->dates, moved);
}

static void
demo_insert_agenda (RkWriter     *w,
                    const gint64 *meeting_ids,
                    const gint64 *action_ids,
                    const gint64 *member_ids,
                    gint64       *agenda_ids,
                    gboolean      carried)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_agenda); i++)
    {
      const DemoAgendaItem *a = &demo_agenda[i];

      if ((a->carried_action != NONE) != carried)
        continue;
      agenda_ids[i] = rk_writer_agenda_item (w, meeting_ids[a->meeting], a->position, a->title,
                                             ID_OR_NONE (member_ids, a->presenter), a->minutes, a->discussion,
                                             a->decisions, ID_OR_NONE (action_ids, a->carried_action));
    }
}

static void
demo_fill (RkWriter *w,
           gpointer  user_data)
{
  DemoFill *demo = user_data;
  gint64 body_ids[G_N_ELEMENTS (demo_bodies)];
  gint64 member_ids[N_DEMO_MEMBERS];
  gint64 task_ids[G_N_ELEMENTS (demo_tasks)];
  gint64 meeting_ids[N_DEMO_MEETINGS];
  gint64 agenda_ids[G_N_ELEMENTS (demo_agenda)] = { 0 };
  gint64 action_ids[G_N_ELEMENTS (demo_actions)];
  gint64 challenge_ids[N_DEMO_CHALLENGES];
  gint64 document_ids[N_DEMO_DOCUMENTS];
  gint64 version_ids[N_DEMO_VERSIONS];
  gint64 indicator_ids[G_N_ELEMENTS (demo_indicators)];
  gint64 attachment_id, set_id, booklet_id;

  rk_writer_run (w, STMT_COUNCIL_LEAD_ORG, "s", "みなと市(健康福祉部 地域包括ケア推進課)");

  for (guint i = 0; i < G_N_ELEMENTS (demo_bodies); i++)
    body_ids[i] = rk_writer_body (w, demo_bodies[i].name, demo_bodies[i].tier, demo_bodies[i].tier_label,
                                  demo_bodies[i].purpose, (int) i);

  for (guint i = 0; i < N_DEMO_MEMBERS; i++)
    {
      const DemoMember *m = &demo_members[i];

      member_ids[i] = rk_writer_run (w, STMT_MEMBER, "issssissssss", m->member_type, m->organisation, m->name,
                                     m->kana, m->title, m->role, m->alternate, m->phone, m->email,
                                     demo_date (demo, m->term_start), demo_date (demo, m->term_end), m->notes);
      rk_writer_seats (w, member_ids[i], body_ids, G_N_ELEMENTS (demo_bodies), m->bodies,
                       demo_date (demo, m->term_start),
                       g_str_equal (m->term_end, TERM_END) ? NULL : demo_date (demo, m->term_end));
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_tasks); i++)
    {
      const DemoTask *t = &demo_tasks[i];

      task_ids[i] = rk_writer_run (w, STMT_TASK, "issssIsiissi", t->step, t->code, t->title,
                                   demo_date (demo, t->start_month), demo_date (demo, t->end_month),
                                   ID_OR_NONE (member_ids, t->owner), t->owner_text, t->status, t->milestone,
                                   t->cadence, t->notes, (int) i);
    }

  for (guint i = 0; i < N_DEMO_MEETINGS; i++)
    {
      const DemoMeeting *m = &demo_meetings[i];

      meeting_ids[i] = rk_writer_meeting (w, body_ids[m->body], m->number, m->title,
                                          demo_meeting_time (demo, m, m->starts_at),
                                          demo_meeting_time (demo, m, m->ends_at), m->place, m->online,
                                          demo_find_task (task_ids, m->task_code), m->status, m->notes);
      if (m->status != MEETING_HELD)
        continue;

      for (guint j = 0; j < N_DEMO_MEMBERS; j++)
        {
          int status = ATTEND_PRESENT;
          const char *proxy = "";

          if (!(demo_members[j].bodies & (1u << m->body)) || !demo_member_active (j, m->starts_at))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (demo_attendance_exceptions); k++)
            if (demo_attendance_exceptions[k].meeting == (int) i && demo_attendance_exceptions[k].member == (int) j)
              {
                status = demo_attendance_exceptions[k].status;
                proxy = demo_attendance_exceptions[k].proxy_name;
              }
          rk_writer_run (w, STMT_ATTENDANCE, "IIis", meeting_ids[i], member_ids[j], status, proxy);
        }
    }

  /* Items that carry an open action item over (継続審議) come after the action items they point to. */
  demo_insert_agenda (w, meeting_ids, NULL, member_ids, agenda_ids, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      const DemoAction *a = &demo_actions[i];

      action_ids[i] = rk_writer_run (w, STMT_ACTION_ITEM, "IIsIssis", meeting_ids[a->meeting],
                                     demo_find_agenda (agenda_ids, a->meeting, a->position), a->title,
                                     ID_OR_NONE (member_ids, a->assignee), a->assignee_text,
                                     demo_date (demo, a->due_date), a->status, demo_date (demo, a->done_on));
      rk_writer_index (w, "action_item", action_ids[i], a->title, a->assignee_text);
    }
  demo_insert_agenda (w, meeting_ids, action_ids, member_ids, agenda_ids, TRUE);

  attachment_id = rk_writer_attachment (w, meeting_ids[MT_C1], "R6-01_kaigi-shiryo.pdf", "第1回 会議資料",
                                        demo->handout, G_N_ELEMENTS (demo_handout_pages),
                                        demo_date (demo, "2024-08-20T10:00"));
  for (guint i = 0; i < G_N_ELEMENTS (demo_handout_pages); i++)
    rk_writer_attachment_page (w, attachment_id, (int) i + 1, demo_handout_pages[i]);

  for (guint i = 0; i < N_DEMO_CHALLENGES; i++)
    {
      const DemoChallenge *c = &demo_challenges[i];

      challenge_ids[i] = rk_writer_run (w, STMT_CHALLENGE, "ssiIis", c->title, c->description, c->source,
                                        meeting_ids[c->meeting], c->status, demo_date (demo, c->created_at));
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_challenge_notes); i++)
    {
      const DemoChallengeNote *n = &demo_challenge_notes[i];

      rk_writer_run (w, STMT_CHALLENGE_NOTE, "IIss", challenge_ids[n->challenge], meeting_ids[n->meeting], n->note,
                     demo_date (demo, n->created_at));
    }
  rk_writer_index_challenges (w);

  for (guint i = 0; i < N_DEMO_DOCUMENTS; i++)
    document_ids[i] = rk_writer_run (w, STMT_RULE_DOCUMENT, "ssis", demo_documents[i].title, demo_documents[i].kind,
                                     (int) i, demo_date (demo, demo_documents[i].created_at));
  for (guint v = 0; v < N_DEMO_VERSIONS; v++)
    {
      const DemoRuleVersion *r = &demo_versions[v];
      int position = 0;

      version_ids[v] = rk_writer_run (w, STMT_RULE_VERSION, "IssiiIs", document_ids[r->document], r->label,
                                      demo_date (demo, r->version_date), r->status, r->frozen,
                                      ID_OR_NONE (version_ids, r->based_on), demo_date (demo, r->created_at));
      for (guint i = 0; i < G_N_ELEMENTS (demo_sections); i++)
        {
          const DemoSection *s = &demo_sections[i];
          gint64 section_id;
          int field_position = 0;

          if (!(s->versions & (1u << v)))
            continue;
          section_id = rk_writer_rule_section (w, version_ids[v], s->uid, s->parent_uid, position++, s->kind,
                                               s->heading, s->body);
          for (guint f = 0; f < G_N_ELEMENTS (demo_form_fields); f++)
            {
              const DemoFormField *field = &demo_form_fields[f];

              if ((field->versions & (1u << v)) && g_str_equal (field->uid, s->uid))
                rk_writer_run (w, STMT_FORM_FIELD, "Iisis", section_id, field_position++, field->label, field->kind,
                               field->choices);
            }
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_section_links); i++)
    {
      const DemoSectionLink *l = &demo_section_links[i];
      gint64 agenda_id = l->agenda_meeting == NONE ? 0
                                                   : demo_find_agenda (agenda_ids, l->agenda_meeting, l->agenda_position);

      rk_writer_run (w, STMT_SECTION_LINK, "IsII", document_ids[l->document], l->uid, agenda_id,
                     ID_OR_NONE (challenge_ids, l->challenge));
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_reviews); i++)
    {
      const DemoReviewComment *r = &demo_reviews[i];

      rk_writer_run (w, STMT_REVIEW_COMMENT, "Isssis", version_ids[r->version], r->uid, r->author, r->body,
                     r->resolved, demo_date (demo, r->created_at));
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_indicators); i++)
    {
      const DemoIndicator *d = &demo_indicators[i];

      indicator_ids[i] = rk_writer_run (w, STMT_INDICATOR, "ssssiissdisidsdsIIsi", d->catalog_code, d->name,
                                        d->group_code, d->unit, d->unit_kind, d->is_ratio, d->numerator_label,
                                        d->denominator_label, d->factor, d->higher_is_better, d->data_source, 0,
                                        d->baseline_value, demo_date (demo, d->baseline_period), d->target_value,
                                        demo_date (demo, d->target_period),
                                        ID_OR_NONE (document_ids, d->document), demo_find_task (task_ids, d->task_code),
                                        d->notes, (int) i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_indicator_values); i++)
    {
      const DemoIndicatorValue *v = &demo_indicator_values[i];
      gboolean ratio = v->denominator != 0;
      double value = ratio ? round (v->numerator / v->denominator * demo_indicators[v->indicator].factor * 10) / 10
                           : v->value;

      rk_writer_run (w, STMT_INDICATOR_VALUE, "IsdDDs", indicator_ids[v->indicator], demo_date (demo, v->period), value,
                     ratio ? v->numerator : NAN, ratio ? v->denominator : NAN, v->note);
    }

  set_id = rk_writer_run (w, STMT_SELFCHECK_SET, "sss", "令和6年度 自己チェック(協議会設置時)",
                          demo_date (demo, "2024-08-20"), "みなと市 健康福祉部 地域包括ケア推進課 石川");
  for (guint i = 0; i < G_N_ELEMENTS (demo_selfcheck_answers); i++)
    rk_writer_run (w, STMT_SELFCHECK_ANSWER, "Isis", set_id, demo_selfcheck_answers[i].code, 1,
                   demo_selfcheck_answers[i].text);

  booklet_id = rk_writer_run (w, STMT_BOOKLET, "ssss", "みなと市 急変時・救急搬送時の連携ルール", "第2版(案)",
                              demo_date (demo, "2025-11-18"), DEMO_NAME);
  for (guint i = 0; i < G_N_ELEMENTS (demo_booklet_parts); i++)
    rk_writer_run (w, STMT_BOOKLET_PART, "IiiI", booklet_id, (int) i, demo_booklet_parts[i].part,
                   ID_OR_NONE (version_ids, demo_booklet_parts[i].version));
}

gboolean
rk_store_write_demo (const char  *path,
                     GError     **error)
{
  DemoFill demo = { .years = demo_years_to_today () };
  const RkCouncilInfo info = {
    .name = DEMO_NAME,
    .municipality = "みなと市",
    .prefecture = "架空県",
    .fiscal_year = 2024 + demo.years,
    .setup = RK_SETUP_BOTH,
    .notes = "令和6年度設置。既存の病院連絡会を活用しつつ、救急搬送連携部会と連携シート作業部会を新設した(併用)。"
             "事務局は健康福祉部 地域包括ケア推進課。この協議会は架空のものです。",
  };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.handout = rk_render_handout ("第1回 会議資料", demo_handout_pages, G_N_ELEMENTS (demo_handout_pages), error);
  if (demo.handout == NULL)
    return FALSE;
  demo.dates = g_string_chunk_new (1024);
  ok = rk_write_council (path, &info, "demo", demo.years, demo_fill, &demo, error);
  g_string_chunk_free (demo.dates);
  g_bytes_unref (demo.handout);
  return ok;
}

/* ------------------------------------------------------------------------------------------------------------------
 * Synthetic councils: かえで市 (fictional), realistic shape, any number of fiscal years.
 * ------------------------------------------------------------------------------------------------------------------ */

#define GEN_MUNICIPALITY   "かえで市"
#define GEN_NAME           GEN_MUNICIPALITY "在宅医療・救急医療連携推進協議会"
#define GEN_MAX_YEARS      50
#define GEN_TERM_YEARS     2
#define GEN_PAGES          3
#define GEN_HANDOUT_EVERY  6
#define GEN_CHALLENGE_EVERY 15

enum { G_CORE = 1 << 0, G_FIELD = 1 << 1, G_SHEET = 1 << 2, G_DISCHARGE = 1 << 3, G_HOSP = 1 << 4 };

typedef struct {
  const char *name;
  RkTier      tier;
  const char *tier_label;
  const char *purpose;
  int         per_year;
  const char *place;
  int         hour;
  int         minute;
  int         duration;
} GenBody;

/* 60 meetings a year: the meetings benchmark's ten-year council has 600. */
static const GenBody gen_bodies[] = {
  { "在宅医療・救急医療連携推進協議会", RK_TIER_CORE, NULL,
    "連携ルールを審議・決定し、工程表の進行を管理する。", 6, "かえで市役所 本庁舎4階 大会議室", 14, 0, 90 },
  { "救急搬送連携部会", RK_TIER_FIELD, NULL,
    "救急搬送時の情報共有と本人の意思の確認の手順を、現場の担当者で検討する。", 12,
    "かえで市消防本部 3階 会議室", 18, 30, 90 },
  { "連携シート作業部会", RK_TIER_WORKING, NULL,
    "連携シート(救急医療情報シート)の項目と運用の案を作成する。", 18, "かえで市保健センター 2階 研修室", 18, 30, 60 },
  { "入退院支援ワーキング", RK_TIER_WORKING, NULL,
    "入院時・退院時の情報提供の様式と手順を検討する。", 12, "かえで市立病院 地域医療連携室 会議室", 17, 30, 60 },
  { "病院連絡会", RK_TIER_OTHER, "病院連絡会",
    "市内の病院の地域医療連携室が、入退院支援と転院搬送を調整する(既存の会議体)。", 12, "かえで中央病院 講堂", 17, 30,
    60 },
};

typedef struct {
  int         member_type;
  const char *organisation;
  const char *title;
  guint       bodies;
  int         role;
} GenSlot;

static const GenSlot gen_slots[] = {
  { 5, "かえで市医師会", "会長", G_CORE, ROLE_CHAIR },
  { 11, "かえで市立病院", "副院長", G_CORE | G_HOSP, ROLE_VICE_CHAIR },
  { 2, "かえで市 健康福祉部 高齢福祉課", "課長", G_CORE, ROLE_MEMBER },
  { 4, "かえで市消防本部 警防課", "救急担当課長補佐", G_CORE | G_FIELD, ROLE_MEMBER },
  { 4, "かえで市消防本部 中央消防署", "救急隊長", G_FIELD | G_SHEET, ROLE_MEMBER },
  { 6, "かえで市歯科医師会", "理事", G_CORE, ROLE_MEMBER },
  { 7, "かえで市薬剤師会", "理事", G_CORE | G_SHEET, ROLE_MEMBER },
  { 8, "架空県看護協会 かえで支部", "支部長", G_CORE, ROLE_MEMBER },
  { 9, "かえで市訪問看護ステーション連絡会", "会長", G_FIELD | G_SHEET, ROLE_MEMBER },
  { 12, "訪問看護ステーションかえで", "管理者", G_FIELD | G_SHEET | G_DISCHARGE, ROLE_MEMBER },
  { 10, "かえで市介護支援専門員協会", "会長", G_CORE | G_FIELD | G_DISCHARGE, ROLE_MEMBER },
  { 13, "かえで市北部地域包括支援センター", "センター長", G_FIELD | G_SHEET | G_DISCHARGE, ROLE_MEMBER },
  { 13, "かえで市南部地域包括支援センター", "主任介護支援専門員", G_FIELD, ROLE_MEMBER },
  { 3, "架空県かえで保健所", "地域保健課長", G_CORE, ROLE_OBSERVER },
  { 1, "架空県 健康福祉部 医療政策課", "主査", G_CORE, ROLE_OBSERVER },
  { 15, "かえで市社会福祉協議会", "事務局長", G_CORE, ROLE_MEMBER },
  { 14, "かえで市民生委員児童委員協議会", "会長", G_FIELD, ROLE_MEMBER },
  { 16, "かえで市自治会連合会", "副会長", G_CORE, ROLE_MEMBER },
  { 11, "かえで中央病院 救急科", "部長", G_FIELD | G_HOSP, ROLE_MEMBER },
  { 11, "かえで市立病院 地域医療連携室", "室長", G_SHEET | G_DISCHARGE | G_HOSP, ROLE_MEMBER },
  { 11, "かえで南病院 地域連携室", "医療ソーシャルワーカー", G_DISCHARGE | G_HOSP, ROLE_MEMBER },
  { 11, "かえでリハビリテーション病院", "看護部長", G_HOSP, ROLE_MEMBER },
  { 5, "かえで市医師会 在宅医療部会", "部会長", G_FIELD | G_SHEET, ROLE_MEMBER },
  { 17, "かえで地域医療情報ネットワーク協議会", "事務局長", G_SHEET, ROLE_REFERENCE },
  { 18, "かえで看護大学", "教授", G_CORE, ROLE_MEMBER },
  { 2, "かえで市 健康福祉部 高齢福祉課", "主査", G_CORE | G_FIELD | G_SHEET | G_DISCHARGE | G_HOSP, ROLE_SECRETARIAT },
  { 2, "かえで市 健康福祉部 高齢福祉課", "主事", G_CORE | G_FIELD | G_SHEET | G_DISCHARGE | G_HOSP, ROLE_SECRETARIAT },
};

#define GEN_SECRETARIAT_SLOT 25

typedef struct {
  const char *kanji;
  const char *kana;
} GenName;

static const GenName gen_family_names[] = {
  { "青木", "あおき" }, { "石田", "いしだ" }, { "上田", "うえだ" }, { "遠藤", "えんどう" }, { "大野", "おおの" },
  { "金子", "かねこ" }, { "菊地", "きくち" }, { "工藤", "くどう" }, { "近藤", "こんどう" }, { "坂本", "さかもと" },
  { "杉山", "すぎやま" }, { "関", "せき" }, { "高木", "たかぎ" }, { "千葉", "ちば" }, { "土屋", "つちや" },
  { "中島", "なかじま" }, { "西村", "にしむら" }, { "野口", "のぐち" }, { "橋本", "はしもと" }, { "平野", "ひらの" },
  { "藤田", "ふじた" }, { "星野", "ほしの" }, { "前川", "まえかわ" }, { "三浦", "みうら" }, { "村上", "むらかみ" },
  { "森田", "もりた" }, { "安田", "やすだ" }, { "横山", "よこやま" }, { "若林", "わかばやし" }, { "原", "はら" },
};

static const GenName gen_given_names[] = {
  { "健一", "けんいち" }, { "直子", "なおこ" }, { "浩", "ひろし" }, { "美紀", "みき" }, { "大輔", "だいすけ" },
  { "恵美", "えみ" }, { "隆之", "たかゆき" }, { "真由美", "まゆみ" }, { "修", "おさむ" }, { "陽子", "ようこ" },
  { "剛", "つよし" }, { "智子", "ともこ" }, { "雅人", "まさと" }, { "幸子", "さちこ" }, { "和也", "かずや" },
  { "里美", "さとみ" }, { "誠", "まこと" }, { "由紀", "ゆき" }, { "翔太", "しょうた" }, { "千尋", "ちひろ" },
  { "俊介", "しゅんすけ" }, { "明美", "あけみ" }, { "秀樹", "ひでき" }, { "綾", "あや" }, { "拓海", "たくみ" },
};

/* Phrase tables for minutes. Each is short; combined, they give varied, searchable text. */
static const char *const gen_speakers[] = {
  "医師会", "消防本部", "訪問看護ステーション", "地域包括支援センター", "市立病院 地域医療連携室", "介護支援専門員協会",
  "薬剤師会", "歯科医師会", "事務局", "保健所", "社会福祉協議会", "在宅医", "救急科医師", "民生委員児童委員協議会",
};

static const char *const gen_topics[] = {
  "救急搬送時の情報連携", "連携シートの記載項目", "在宅での看取り", "ACP(人生会議)の普及啓発",
  "救急医療情報キットの配布", "入退院支援ルール", "心肺蘇生を望まない傷病者への対応", "独居高齢者の緊急連絡先の把握",
  "後方支援病床の確保", "大規模災害時の本人の意思の共有", "転院搬送のルール", "夜間・休日のかかりつけ医との連絡体制",
  "退院前カンファレンスの運用", "高齢者施設からの救急要請", "連携ルールの周知啓発", "運用状況確認アンケート",
  "多職種合同研修", "ICTを活用した情報共有", "市民向け講演会", "効果検証指標",
};

static const char *const gen_reports[] = {
  "%sから、%sの現状について報告があった。",
  "%sより、%sに関する取組状況の説明があった。",
  "%sから、%sについて現場で生じている課題が示された。",
  "%sより、%sの進捗と今後の予定が報告された。",
  "%sから、%sに関する先行事例の紹介があった。",
  "%sから、%sについてのアンケート結果が報告された。",
};

static const char *const gen_facts[] = {
  "夜間・休日に主治医へ連絡がつかず、救急搬送に至った事例が報告された。",
  "救急隊が現場で本人の意思を確認できず、心肺蘇生を継続したまま搬送した事例があった。",
  "連携シートの記載項目が多く、記入に時間がかかるとの声が寄せられている。",
  "看取りの方針が家族の間で共有されていない事例が少なくない。",
  "人生会議で話し合った内容が、介護支援専門員や訪問看護師に引き継がれていない場合がある。",
  "救急医療情報キットが冷蔵庫に保管されていても、内容が更新されていない例が多い。",
  "独居高齢者の緊急連絡先が救急隊に伝わらず、病院での手続きが遅れた事例が報告された。",
  "入院時に介護支援専門員からの情報提供が遅れ、退院調整に影響した例があった。",
  "ACPを実施した利用者の割合は、地区によって差が大きい。",
  "救急隊からの医療機関照会回数は、前年度と比べて減少傾向にある。",
  "高齢者施設からの救急要請のうち、約3割で配置医への連絡が取れていなかった。",
  "救急搬送の現場滞在時間が長くなる要因として、服薬情報の確認が挙げられた。",
  "退院前カンファレンスに在宅側の関係者が参加できた割合は約半数にとどまった。",
  "在宅看取りに対応できる診療所は、この3年で4か所増えた。",
};

static const char *const gen_opinions[] = {
  "委員からは、%sとの意見が出された。",
  "%sとの意見があり、事務局で検討することとなった。",
  "複数の委員から、%sとの発言があった。",
  "これに対し、%sとの提案があった。",
};

static const char *const gen_proposals[] = {
  "記載項目を必須項目と任意項目に分けて簡素化すべき",
  "まずモデル地区で試行し、結果を検証してから全市に広げるべき",
  "救急隊と訪問看護師の合同研修を定期的に開催すべき",
  "かかりつけ医の連絡先を連携シートの1ページ目に記載すべき",
  "本人の意思は書面だけでなく口頭で確認した内容も記録に残すべき",
  "市民向けの周知は広報紙と自治会の回覧を併用すべき",
  "病院側の受入れ窓口を一本化すべき",
  "災害時にも参照できるよう紙とICTの両方で保管すべき",
  "看取りに対応できる在宅医の輪番制を検討すべき",
  "アンケートの設問を前年度と比較できる形にそろえるべき",
};

static const char *const gen_decisions[] = {
  "%sについては、事務局案のとおり承認された。",
  "%sについては、作業部会で修正案を作成し、次回会議に諮ることとした。",
  "%sについては、関係機関への意見照会を行ったうえで決定することとした。",
  "%sについては、継続審議とした。",
  "%sの実施方法について、消防本部と医師会が協議することとした。",
  "%sに関する資料を、次回までに事務局が取りまとめることとした。",
};

static const char *const gen_followups[] = {
  "結果は協議会に報告する。", "次回会議で進捗を確認する。", "関係機関には事務局から文書で通知する。",
  "必要な経費は次年度予算に計上する。",
};

static const char *const gen_actions[] = {
  "%sの修正案を作成する", "%sについて関係機関に照会する", "%sに関する資料を作成する", "%sの実施状況を集計する",
  "%sについて先行自治体に聞き取りを行う",
};

static const char *const gen_challenges[] = {
  "独居高齢者の緊急連絡先が救急隊に伝わらない", "夜間・休日にかかりつけ医と連絡がつかない",
  "本人の意思(ACP)が関係者間で共有されていない", "救急医療情報キットの内容が更新されていない",
  "高齢者施設からの救急要請時に配置医と連絡が取れない", "入院時の情報提供が遅れ、退院調整に支障がある",
  "退院後の訪問診療の導入が遅れる", "救急隊と介護職の間でDNARの理解に差がある",
  "転院搬送の基準が医療機関ごとに異なる", "大規模災害時に在宅療養者の意思を確認する手段がない",
  "看取りに対応できる在宅医が不足している", "市民の人生会議(ACP)の認知度が低い",
};

static const char *const gen_areas[] = { "北部", "南部", "東部", "西部", "中央" };

static const char *const gen_rule_templates[] = {
  "%sについては、関係機関が本ルールに基づき相互に協力して対応する。",
  "%sに当たっては、本人の意思を尊重し、家族等の意向にも配慮する。",
  "%sの具体的な方法は、別に定める手順書による。",
  "%sに関する情報は、救急医療情報シート又は連携シートにより共有する。",
  "%sの状況は、毎年度、運用状況確認アンケートにより把握する。",
};

static const char *const gen_rule_sentences[] = {
  "かかりつけ医に連絡がつかない場合は、在宅当番医の判断を仰ぐ。",
  "救急隊は、現場到着後速やかに救急医療情報シートを確認する。",
  "介護支援専門員は、ケアプランの更新時に記載内容を本人と確認する。",
  "入院時の情報提供は、入院後3日以内を目安とする。",
  "人生会議(ACP)で話し合った内容は、本人の同意を得て関係者で共有する。",
  "看取りの方針は、本人、家族、かかりつけ医及び訪問看護師で事前に確認する。",
  "外因性の心肺停止の場合は、心肺蘇生を継続する。",
  "連携シートの様式は、協議会の承認を得て改訂する。",
  "救急搬送の際は、連携シートの写しを搬送先医療機関に引き継ぐ。",
};

static const char *const gen_reviews[] = {
  "「%s」の記載が分かりにくいため、具体例を示してください。",
  "「%s」について、夜間・休日の場合の取扱いを明記してください。",
  "「%s」の内容を消防本部の活動基準と整合させてください。",
  "「%s」の表現を、市民にも分かりやすい言葉に改めてください。",
  "「%s」に関する様式の記入例を添付してください。",
};

static const char *const gen_added_headings[] = {
  "夜間・休日の対応", "施設入所者の取扱い", "研修の実施", "ICTの活用", "市民への周知", "記録の保存",
  "感染症流行時の対応", "関係機関の連絡会", "評価指標の把握", "様式の改訂手続",
};

typedef struct {
  const char *uid;
  const char *parent_uid;
  int         kind;
  const char *heading;
} GenOutline;

static const GenOutline gen_outline_emergency[] = {
  { "history", NULL, 0, "策定の経過" },
  { "purpose", NULL, 0, "目的" },
  { "policy", NULL, 0, "基本方針" },
  { "scope", NULL, 0, "対象" },
  { "roles", NULL, 0, "関係機関の役割" },
  { "roles-doctor", "roles", 0, "かかりつけ医" },
  { "roles-nurse", "roles", 0, "訪問看護ステーション" },
  { "roles-care-manager", "roles", 0, "介護支援専門員" },
  { "roles-fire", "roles", 0, "消防本部" },
  { "roles-hospital", "roles", 0, "救急医療機関" },
  { "roles-city", "roles", 0, "市" },
  { "preparation", NULL, 0, "平時の準備" },
  { "preparation-sheet", "preparation", 0, "救急医療情報シートの作成" },
  { "preparation-acp", "preparation", 0, "本人の意思の確認と記録" },
  { "preparation-update", "preparation", 0, "情報の更新" },
  { "emergency", NULL, 0, "急変時の対応" },
  { "emergency-call", "emergency", 0, "119番通報" },
  { "emergency-arrival", "emergency", 0, "現場到着時の確認" },
  { "emergency-consent", "emergency", 0, "本人の意思の確認" },
  { "emergency-doctor", "emergency", 0, "かかりつけ医への連絡" },
  { "emergency-destination", "emergency", 0, "搬送先の選定" },
  { "emergency-handover", "emergency", 0, "医療機関への引継ぎ" },
  { "no-cpr", NULL, 0, "心肺蘇生を望まない傷病者への対応" },
  { "no-cpr-conditions", "no-cpr", 0, "要件" },
  { "no-cpr-procedure", "no-cpr", 0, "手順" },
  { "no-cpr-exceptions", "no-cpr", 0, "心肺蘇生を継続する場合" },
  { "disaster", NULL, 0, "大規模災害時の対応" },
  { "disaster-plan", "disaster", 0, "個別避難計画との連携" },
  { "disaster-contact", "disaster", 0, "連絡の代行" },
  { "privacy", NULL, 0, "個人情報の取扱い" },
  { "contacts", NULL, 0, "連絡先" },
  { "qa", NULL, 0, "Q&A" },
  { "operation", NULL, 0, "運用・見直し" },
  { "form-sheet", NULL, 1, "救急医療情報シート" },
  { "form-checklist", NULL, 1, "心肺蘇生中止時の確認表" },
};

static const GenOutline gen_outline_discharge[] = {
  { "history", NULL, 0, "策定の経過" },
  { "purpose", NULL, 0, "目的" },
  { "policy", NULL, 0, "基本的な考え方" },
  { "scope", NULL, 0, "対象" },
  { "before", NULL, 0, "入院前(外来・在宅)の連携" },
  { "before-doctor", "before", 0, "かかりつけ医との連携" },
  { "before-info", "before", 0, "情報の準備" },
  { "admission", NULL, 0, "入院時の連携" },
  { "admission-timing", "admission", 0, "情報提供の時期" },
  { "admission-content", "admission", 0, "提供する情報" },
  { "admission-method", "admission", 0, "提供の方法" },
  { "stay", NULL, 0, "入院中の連携" },
  { "stay-start", "stay", 0, "退院支援の開始" },
  { "stay-conference", "stay", 0, "カンファレンス" },
  { "stay-wishes", "stay", 0, "本人・家族の意向の確認" },
  { "discharge", NULL, 0, "退院時の連携" },
  { "discharge-conference", "discharge", 0, "退院前カンファレンス" },
  { "discharge-info", "discharge", 0, "退院時の情報提供" },
  { "discharge-services", "discharge", 0, "サービスの調整" },
  { "after", NULL, 0, "退院後の連携" },
  { "after-followup", "after", 0, "退院後の状況確認" },
  { "after-readmission", "after", 0, "再入院時の対応" },
  { "transfer", NULL, 0, "転院時の連携" },
  { "transfer-rule", "transfer", 0, "転院搬送の手順" },
  { "contacts", NULL, 0, "連絡窓口" },
  { "privacy", NULL, 0, "個人情報の取扱い" },
  { "qa", NULL, 0, "Q&A" },
  { "operation", NULL, 0, "運用・見直し" },
  { "form-admission", NULL, 1, "入院時情報提供書" },
  { "form-discharge", NULL, 1, "退院時情報提供書" },
};

typedef struct {
  const char      *title;
  const char      *kind;
  const GenOutline *outline;
  guint            n_outline;
} GenDocument;

static const GenDocument gen_documents[] = {
  { "急変時・救急搬送時の連携ルール", "emergency", gen_outline_emergency, G_N_ELEMENTS (gen_outline_emergency) },
  { "入退院支援ルール", "admission-discharge", gen_outline_discharge, G_N_ELEMENTS (gen_outline_discharge) },
};

typedef struct {
  const char *uid;
  const char *label;
  int         kind;
  const char *choices;
} GenFormField;

static const GenFormField gen_form_fields[] = {
  { "form-sheet", "氏名(ふりがな)", FIELD_TEXT, "" },
  { "form-sheet", "性別", FIELD_CHOICE, "男性\n女性\n回答しない" },
  { "form-sheet", "生年月日", FIELD_DATE, "" },
  { "form-sheet", "住所", FIELD_TEXT, "" },
  { "form-sheet", "電話", FIELD_TEXT, "" },
  { "form-sheet", "血液型", FIELD_CHOICE, "A型\nB型\nO型\nAB型\n不明" },
  { "form-sheet", "かかりつけ医療機関", FIELD_TEXT, "" },
  { "form-sheet", "持病・既往歴", FIELD_TEXT, "" },
  { "form-sheet", "服薬", FIELD_TEXT, "" },
  { "form-sheet", "アレルギー", FIELD_TEXT, "" },
  { "form-sheet", "緊急連絡先1(氏名・続柄・電話)", FIELD_TEXT, "" },
  { "form-sheet", "緊急連絡先2(氏名・続柄・電話)", FIELD_TEXT, "" },
  { "form-sheet", "延命治療についての希望", FIELD_CHOICE,
    "できるだけ救命してほしい\n延命してほしい\n苦痛をやわらげる処置なら希望する\nその他" },
  { "form-sheet", "記入日", FIELD_DATE, "" },
  { "form-checklist", "ACPが行われている成人で心肺停止状態である", FIELD_CHECKBOX, "" },
  { "form-checklist", "人生の最終段階にある", FIELD_CHECKBOX, "" },
  { "form-checklist", "本人が「心肺蘇生の実施を望まない」", FIELD_CHECKBOX, "" },
  { "form-checklist", "想定された症状と現在の症状とが合致する", FIELD_CHECKBOX, "" },
  { "form-checklist", "かかりつけ医の指示を受けた時刻", FIELD_TEXT, "" },
  { "form-admission", "利用者氏名", FIELD_TEXT, "" },
  { "form-admission", "入院日", FIELD_DATE, "" },
  { "form-admission", "要介護度", FIELD_CHOICE, "要支援1\n要支援2\n要介護1\n要介護2\n要介護3\n要介護4\n要介護5" },
  { "form-admission", "在宅での生活状況", FIELD_TEXT, "" },
  { "form-admission", "本人・家族の意向", FIELD_TEXT, "" },
  { "form-admission", "提供日", FIELD_DATE, "" },
  { "form-discharge", "退院予定日", FIELD_DATE, "" },
  { "form-discharge", "退院後の医療処置", FIELD_TEXT, "" },
  { "form-discharge", "訪問診療の要否", FIELD_CHOICE, "要\n不要\n調整中" },
  { "form-discharge", "退院前カンファレンスの開催", FIELD_CHECKBOX, "" },
};

typedef struct {
  int         step;
  const char *code;
  const char *title;
  int         start;    /* months from April of the cycle's first year */
  int         duration; /* months */
  gboolean    milestone;
  const char *cadence;
} GenTask;

/* The guide's three-year template (data/catalog/schedule-templates.xml), repeated every three years and written up
 * to a year past the last fiscal year. */
static const GenTask gen_tasks[] = {
  { 1, "1-1", "情報共有と事業設計", 4, 4, FALSE, "" },
  { 1, "1-2", "情報収集、研修・学会等への参加", 6, 1, FALSE, "" },
  { 2, "2-1", "支援者勉強会用資料・アンケート作成", 6, 1, FALSE, "" },
  { 2, "2-2", "関係機関への説明と協力依頼、聞き取り等", 6, 1, FALSE, "" },
  { 2, "2-3", "全包括全地区ACP勉強会の開催", 6, 6, FALSE, "" },
  { 3, "3-1", "中核となる関係者打合せ", 4, 32, FALSE, "随時開催" },
  { 3, "3-2", "定期研究会の開催", 8, 28, FALSE, "2か月に1回程度開催" },
  { 4, "4-1", "ACPに関する勉強会", 0, 36, FALSE, "1年目は年度2回、以降全包括エリア全地区で開催" },
  { 4, "4-2", "市民啓発講演会等の開催", 0, 36, FALSE, "年度1回" },
  { 5, "5-1", "三師会・消防・警察・行政との協議・研修会の開催", 0, 12, FALSE, "" },
  { 5, "5-2", "連携ルール完成", 12, 12, TRUE, "" },
  { 5, "5-3", "関係機関・住民への周知啓発", 24, 12, FALSE, "" },
  { 6, "6-1", "運用状況確認アンケート", 24, 12, TRUE, "" },
  { 6, "6-2", "検証、見直し", 24, 12, FALSE, "" },
};

typedef struct {
  const char *code;       /* NULL: the council's own indicator */
  const char *name;
  const char *group_code;
  const char *unit;
  int         unit_kind;
  gboolean    is_ratio;
  const char *numerator_label;
  const char *denominator_label;
  gboolean    higher_is_better;
  const char *data_source;
  double      start;      /* first year's value */
  double      slope;      /* change per year */
  double      denominator;
} GenIndicator;

static const GenIndicator gen_indicators[] = {
  { "C2", "自宅死の割合の推移", "end-of-life", "%", UNIT_RATIO, TRUE, "自宅での死亡数", "死亡総数", TRUE,
    "人口動態統計", 13.0, 0.6, 1500 },
  { "B1", "救急医療情報キットの普及率", "tools", "%", UNIT_RATIO, TRUE, "シートを作成した世帯数",
    "65歳以上の単身世帯数", TRUE, "地域包括支援センター配布実績", 8.0, 4.0, 5200 },
  { "A4", "救急隊からの医療機関照会回数", "transport", "回", UNIT_COUNT, FALSE, "", "", FALSE,
    "消防本部 救急活動記録(1搬送あたりの平均)", 1.9, -0.05, 0 },
  { "A2", "救急搬送時の現場到着所要時間及び病院収容所要時間", "transport", "分", UNIT_TIME, FALSE, "", "", FALSE,
    "消防本部 救急活動記録(病院収容所要時間の平均)", 41.5, -0.4, 0 },
  { "D2", "訪問診療を実施している診療所・病院数", "capacity", "施設", UNIT_COUNT, FALSE, "", "", TRUE,
    "医療機能情報提供制度", 28, 1.0, 0 },
  { "C1", "ACP実施の推移", "end-of-life", "件", UNIT_COUNT, FALSE, "", "", TRUE,
    "訪問診療医・介護支援専門員への調査", 120, 35, 0 },
  { NULL, "多職種合同研修の参加者数", "", "人", UNIT_COUNT, FALSE, "", "", TRUE, "事務局の記録", 80, 12, 0 },
};

/* Option codes of data/catalog/selfcheck.xml; text for the ones with a text field. */
static const DemoAnswer gen_selfcheck_options[] = {
  { "q1a1", GEN_NAME }, { "q1b1", "健康福祉部 高齢福祉課" }, { "q1b2", "" }, { "q1b3", "" }, { "q1b4", "" },
  { "q1b5", "" }, { "q1b6", "" }, { "q1c1", "救急搬送時の情報共有と本人の意思の確認" },
  { "q2a1", "" }, { "q2a2", "" }, { "q2a3", "" }, { "q2a4", "" }, { "q2a5", "" }, { "q2a7", "" }, { "q2a8", "" },
  { "q2b1", "高齢福祉課" }, { "q2b3", "" }, { "q2c1", "" }, { "q2c2", "救急医療情報シート" },
  { "q2c3", "65歳以上の在宅療養者に配布し、冷蔵庫に保管" }, { "q2d1", "" }, { "q2d2", "" }, { "q2d3", "" },
  { "q2d4", "" }, { "q2d5", "" }, { "q2d6", "" }, { "q2e1", "" },
  { "q2f1", "連携シートに延命治療についての希望欄を設けたため" }, { "q2g3", "" }, { "q2h1", "" }, { "q2h2", "" },
  { "q2h3", "" }, { "q2h4", "" }, { "q33", "" }, { "q35", "" }, { "q41", "" }, { "q42", "" }, { "q43", "" },
  { "q44", "" }, { "q45", "" }, { "q51", "" }, { "q52", "" }, { "q53", "" }, { "q54", "" }, { "q58", "" },
  { "q59", "" }, { "q61", "高齢福祉課" }, { "q62", "" }, { "q63", "" }, { "q64", "" }, { "q65", "" }, { "q66", "" },
  { "q71", "" }, { "q72", "" }, { "q73", "" }, { "q74", "" }, { "q75", "" }, { "q76", "" }, { "q77", "" },
};

typedef struct {
  int      slot;
  int      first_fy; /* fiscal years of the appointment, inclusive */
  int      last_fy;
  gboolean replaced; /* left the council when the term ended */
  gint64   id;
  char    *name;
} GenOccupant;

typedef struct {
  char *uid;
  char *parent_uid;
  int   kind;
  char *heading;
  char *body;
} GenSection;

typedef struct {
  RkWriter  *w;
  GRand     *rand;
  guint      years;
  int        first_fy;
  int        ref_month;        /* months from April of first_fy: what lies before it has happened */
  GBytes    *handout;          /* one PDF reused by every handout; its page text differs per handout */
  GArray    *occupants;        /* GenOccupant */
  gint64     body_ids[G_N_ELEMENTS (gen_bodies)];
  gint64    *task_ids;         /* per cycle × gen_tasks */
  guint      n_cycles;
  GArray    *challenge_ids;    /* gint64 */
  gint64    *decision_ids;     /* per year: an agenda item with a decision, for section links */
  gint64     open_action[G_N_ELEMENTS (gen_bodies)];
  int        meeting_number[G_N_ELEMENTS (gen_bodies)];
  guint      meetings;
  guint      held;
} RkGen;

static const char *
gen_pick (RkGen             *gen,
          const char *const *table,
          guint              n)
{
  return table[g_rand_int_range (gen->rand, 0, (gint32) n)];
}

#define GEN_PICK(gen, table) gen_pick ((gen), (table), G_N_ELEMENTS (table))

/* Months counted from April of the first fiscal year, as "YYYY-MM" and as a date. */
static void
gen_month (RkGen *gen,
           int    index,
           int   *year,
           int   *month)
{
  int fy = gen->first_fy + index / 12;
  int m = index % 12;

  *year = fy + (m >= 9 ? 1 : 0);
  *month = (m + 3) % 12 + 1;
}

static char *
gen_month_text (RkGen *gen,
                int    index)
{
  int year, month;

  gen_month (gen, index, &year, &month);
  return g_strdup_printf ("%04d-%02d", year, month);
}

static char *
gen_date_text (RkGen *gen,
               int    index,
               int    day)
{
  int year, month;

  gen_month (gen, index, &year, &month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
gen_append_printf1 (GString    *text,
                    const char *format,
                    const char *arg)
{
  g_string_append_printf (text, format, arg);
}

static void
gen_paragraph (RkGen      *gen,
               GString    *text,
               const char *topic)
{
  g_string_append_printf (text, GEN_PICK (gen, gen_reports), GEN_PICK (gen, gen_speakers), topic);
  g_string_append (text, GEN_PICK (gen, gen_facts));
  if (g_rand_double (gen->rand) < 0.7)
    gen_append_printf1 (text, GEN_PICK (gen, gen_opinions), GEN_PICK (gen, gen_proposals));
}

static void
gen_decision (RkGen      *gen,
              GString    *text,
              const char *topic)
{
  gen_append_printf1 (text, GEN_PICK (gen, gen_decisions), topic);
  if (g_rand_double (gen->rand) < 0.4)
    g_string_append (text, GEN_PICK (gen, gen_followups));
}

static char *
gen_person_name (RkGen  *gen,
                 char  **kana)
{
  const GenName *family = &gen_family_names[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (gen_family_names))];
  const GenName *given = &gen_given_names[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (gen_given_names))];

  *kana = g_strdup_printf ("%s %s", family->kana, given->kana);
  return g_strdup_printf ("%s %s", family->kanji, given->kanji);
}

static void
gen_occupant_clear (gpointer data)
{
  GenOccupant *o = data;

  g_free (o->name);
}

static void
gen_section_free (gpointer data)
{
  GenSection *s = data;

  g_free (s->uid);
  g_free (s->parent_uid);
  g_free (s->heading);
  g_free (s->body);
  g_free (s);
}

/* Slots keep their seat across terms; at each two-year term some change hands, which leaves ended terms as history. */
static void
gen_members (RkGen *gen)
{
  int last_fy = gen->first_fy + (int) gen->years - 1;

  /* The sitting members' appointments run to the end of the current term, past the years written. */
  int term_end = gen->first_fy + ((last_fy - gen->first_fy) / GEN_TERM_YEARS + 1) * GEN_TERM_YEARS - 1;

  for (guint slot = 0; slot < G_N_ELEMENTS (gen_slots); slot++)
    {
      int start = gen->first_fy;
      GenOccupant sitting = { (int) slot, 0, term_end, FALSE, 0, NULL };

      for (int fy = gen->first_fy + GEN_TERM_YEARS; fy <= last_fy; fy += GEN_TERM_YEARS)
        if (g_rand_double (gen->rand) < 0.15)
          {
            GenOccupant leaving = { (int) slot, start, fy - 1, TRUE, 0, NULL };

            g_array_append_val (gen->occupants, leaving);
            start = fy;
          }
      sitting.first_fy = start;
      g_array_append_val (gen->occupants, sitting);
    }

  for (guint i = 0; i < gen->occupants->len; i++)
    {
      GenOccupant *o = &g_array_index (gen->occupants, GenOccupant, i);
      const GenSlot *slot = &gen_slots[o->slot];
      g_autofree char *kana = NULL;
      g_autofree char *term_start = g_strdup_printf ("%04d-04-01", o->first_fy);
      g_autofree char *term_end = g_strdup_printf ("%04d-03-31", o->last_fy + 1);
      g_autofree char *phone = g_strdup_printf ("000-%03u-%04u", 300 + i / 100, 1000 + i);
      g_autofree char *email = g_strdup_printf ("member%03u@example.jp", i + 1);
      const char *notes = o->replaced ? "任期満了により退任。" : "";

      o->name = gen_person_name (gen, &kana);
      o->id = rk_writer_run (gen->w, STMT_MEMBER, "issssissssss", slot->member_type, slot->organisation, o->name,
                             kana, slot->title, slot->role, "", phone, email, term_start, term_end, notes);
      rk_writer_seats (gen->w, o->id, gen->body_ids, G_N_ELEMENTS (gen_bodies), slot->bodies, term_start,
                       o->replaced ? term_end : NULL);
    }
}

static gint64
gen_secretariat (RkGen *gen,
                 int    fy)
{
  for (guint i = 0; i < gen->occupants->len; i++)
    {
      const GenOccupant *o = &g_array_index (gen->occupants, GenOccupant, i);

      if (o->slot == GEN_SECRETARIAT_SLOT && o->first_fy <= fy && fy <= o->last_fy)
        return o->id;
    }
  return 0;
}

static void
gen_tasks_write (RkGen *gen)
{
  int position = 0;

  gen->n_cycles = (gen->years + 2) / 3;
  gen->task_ids = g_new0 (gint64, gen->n_cycles * G_N_ELEMENTS (gen_tasks));
  for (guint c = 0; c < gen->n_cycles; c++)
    for (guint i = 0; i < G_N_ELEMENTS (gen_tasks); i++)
      {
        const GenTask *t = &gen_tasks[i];
        int start = (int) c * 36 + t->start;
        int end = start + t->duration - 1;
        int status = end < gen->ref_month ? TASK_DONE : start <= gen->ref_month ? TASK_IN_PROGRESS : TASK_TODO;
        g_autofree char *start_month = NULL;
        g_autofree char *end_month = NULL;
        g_autofree char *notes = NULL;

        /* The schedule is planned a year ahead of the last year written, no further. */
        if (start >= (int) gen->years * 12 + 12)
          continue;
        start_month = gen_month_text (gen, start);
        end_month = gen_month_text (gen, end);
        notes = c > 0 ? g_strdup_printf ("第%u期(%d年度〜)", c + 1, gen->first_fy + (int) c * 3) : g_strdup ("");

        gen->task_ids[c * G_N_ELEMENTS (gen_tasks) + i] =
          rk_writer_run (gen->w, STMT_TASK, "issssIsiissi", t->step, t->code, t->title, start_month, end_month,
                         gen_secretariat (gen, gen->first_fy + (int) c * 3), "事務局", status, t->milestone,
                         t->cadence, notes, position++);
      }
}

static gint64
gen_task (RkGen      *gen,
          int         fy,
          const char *code)
{
  guint cycle = (guint) (fy - gen->first_fy) / 3;

  for (guint i = 0; i < G_N_ELEMENTS (gen_tasks); i++)
    if (g_str_equal (gen_tasks[i].code, code))
      return gen->task_ids[cycle * G_N_ELEMENTS (gen_tasks) + i];
  return 0;
}

typedef struct {
  gint64      member_id;
  int         status;
  const char *proxy;
  const char *organisation;
} GenAttendee;

static guint
gen_attendees (RkGen       *gen,
               guint        body,
               int          fy,
               gboolean     held,
               GenAttendee *out,
               guint        max)
{
  guint n = 0;

  for (guint i = 0; i < gen->occupants->len && n < max; i++)
    {
      const GenOccupant *o = &g_array_index (gen->occupants, GenOccupant, i);
      double r;

      if (!(gen_slots[o->slot].bodies & (1u << body)) || fy < o->first_fy || fy > o->last_fy)
        continue;
      out[n].member_id = o->id;
      out[n].organisation = gen_slots[o->slot].organisation;
      out[n].proxy = "";
      out[n].status = ATTEND_PRESENT;
      if (held)
        {
          r = g_rand_double (gen->rand);
          if (r < 0.07)
            out[n].status = ATTEND_ABSENT;
          else if (r < 0.11)
            {
              out[n].status = ATTEND_PROXY;
              out[n].proxy = gen_family_names[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (gen_family_names))].kanji;
            }
          else if (r < 0.16)
            out[n].status = ATTEND_ONLINE;
        }
      n++;
    }
  return n;
}

static void
gen_challenge (RkGen      *gen,
               gint64      meeting_id,
               int         fy,
               const char *created_at)
{
  guint n = gen->challenge_ids->len;
  int last_fy = gen->first_fy + (int) gen->years - 1;
  g_autofree char *title = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  int status;
  gint64 id;

  if (n < G_N_ELEMENTS (gen_challenges))
    title = g_strdup (gen_challenges[n]);
  else
    title = g_strdup_printf ("%s(%s地区)", GEN_PICK (gen, gen_challenges), GEN_PICK (gen, gen_areas));
  g_string_append (description, GEN_PICK (gen, gen_facts));
  gen_append_printf1 (description, GEN_PICK (gen, gen_opinions), GEN_PICK (gen, gen_proposals));

  if (fy < last_fy - 1)
    status = g_rand_double (gen->rand) < 0.8 ? CHALLENGE_RESOLVED : CHALLENGE_IN_PROGRESS;
  else
    status = g_rand_double (gen->rand) < 0.5 ? CHALLENGE_OPEN : CHALLENGE_IN_PROGRESS;

  id = rk_writer_run (gen->w, STMT_CHALLENGE, "ssiIis", title, description->str,
                      g_rand_int_range (gen->rand, SOURCE_MEETING, SOURCE_HEARING + 1), meeting_id, status,
                      created_at);
  g_array_append_val (gen->challenge_ids, id);
}

static void
gen_challenge_note (RkGen      *gen,
                    gint64      meeting_id,
                    const char *body_name,
                    int         number,
                    const char *created_at)
{
  guint n = gen->challenge_ids->len;
  guint recent = MIN (n, 8u);
  gint64 challenge_id;
  g_autoptr(GString) note = g_string_new (NULL);

  if (n == 0)
    return;
  challenge_id = g_array_index (gen->challenge_ids, gint64, n - 1 - (guint) g_rand_int_range (gen->rand, 0, (gint32) recent));
  g_string_append_printf (note, "第%d回%sで協議した。", number, body_name);
  gen_append_printf1 (note, GEN_PICK (gen, gen_opinions), GEN_PICK (gen, gen_proposals));
  rk_writer_run (gen->w, STMT_CHALLENGE_NOTE, "IIss", challenge_id, meeting_id, note->str, created_at);
}

static void
gen_handout (RkGen      *gen,
             gint64      meeting_id,
             const char *body_name,
             int         number,
             const char *date,
             const char *topic,
             const char *agenda_text)
{
  g_autofree char *filename = g_strdup_printf ("%.4s%.2s%.2s_shiryo_%d.pdf", date, date + 5, date + 8, number);
  g_autofree char *title = g_strdup_printf ("第%d回%s 会議資料", number, body_name);
  g_autofree char *added_at = g_strdup_printf ("%.10sT09:00", date);
  gint64 id;

  id = rk_writer_attachment (gen->w, meeting_id, filename, title, gen->handout, GEN_PAGES, added_at);
  for (int page = 1; page <= GEN_PAGES; page++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (page == 1)
        g_string_append_printf (text, "%s\n%s\n\n次第\n%s", title, GEN_NAME, agenda_text);
      else
        {
          g_string_append_printf (text, "資料%d %s\n", page - 1, topic);
          gen_paragraph (gen, text, topic);
          g_string_append_c (text, '\n');
          g_string_append (text, GEN_PICK (gen, gen_facts));
        }
      rk_writer_attachment_page (gen->w, id, page, text->str);
    }
}

static void
gen_meeting (RkGen *gen,
             guint  body,
             int    year,
             int    month,
             int    day)
{
  const GenBody *b = &gen_bodies[body];
  int fy = gen->first_fy + year;
  int month_index = year * 12 + month;
  gboolean held = month_index <= gen->ref_month;
  int number = ++gen->meeting_number[body];
  int n_items = g_rand_int_range (gen->rand, 3, 7);
  const char *topics[6];
  GenAttendee attendees[64];
  guint n_attendees = gen_attendees (gen, body, fy, held, attendees, G_N_ELEMENTS (attendees));
  guint n_present = 0;
  g_autofree char *date = gen_date_text (gen, month_index, day);
  g_autofree char *starts_at = g_strdup_printf ("%sT%02d:%02d", date, b->hour, b->minute);
  g_autofree char *ends_at = g_strdup_printf ("%sT%02d:%02d", date, b->hour + (b->minute + b->duration) / 60,
                                              (b->minute + b->duration) % 60);
  g_autofree char *notes = NULL;
  g_autofree char *meeting_title = NULL;
  g_autoptr(GString) agenda_text = g_string_new (NULL);
  gboolean online = g_rand_double (gen->rand) < 0.15;
  gint64 meeting_id, first_decision = 0;

  for (int i = 0; i < n_items; i++)
    topics[i] = GEN_PICK (gen, gen_topics);
  for (guint i = 0; i < n_attendees; i++)
    if (attendees[i].status != ATTEND_ABSENT)
      n_present++;
  notes = held ? g_strdup_printf ("出席%u名、欠席%u名。", n_present, n_attendees - n_present)
               : g_strdup ("開催予定。資料は1週間前までに送付する。");

  meeting_title = g_strdup_printf ("%sについて", topics[1]);
  meeting_id = rk_writer_meeting (gen->w, gen->body_ids[body], number, meeting_title, starts_at, ends_at,
                                  online ? "オンライン(Web会議)" : b->place, online,
                                  gen_task (gen, fy, body == 0 ? "3-1" : "3-2"),
                                  held ? MEETING_HELD : MEETING_PLANNED, notes);

  if (held)
    for (guint i = 0; i < n_attendees; i++)
      rk_writer_run (gen->w, STMT_ATTENDANCE, "IIis", meeting_id, attendees[i].member_id, attendees[i].status,
                     attendees[i].proxy);

  for (int i = 0; i < n_items; i++)
    {
      g_autoptr(GString) discussion = g_string_new (NULL);
      g_autoptr(GString) decisions = g_string_new (NULL);
      g_autofree char *title = NULL;
      gint64 carried = i == 0 ? gen->open_action[body] : 0;
      const GenAttendee *presenter = &attendees[g_rand_int_range (gen->rand, 0, (gint32) MAX (n_attendees, 1u))];
      gint64 item_id;

      if (carried > 0)
        title = g_strdup_printf ("継続審議:%sについて", topics[i]);
      else
        title = g_strdup_printf (i == 0 ? "報告事項:%sの進捗について" : "協議事項:%sについて", topics[i]);
      g_string_append_printf (agenda_text, "%d %s\n", i + 1, title);

      if (held)
        {
          int paragraphs = g_rand_int_range (gen->rand, 2, 4) + (g_rand_double (gen->rand) < 0.4 ? 1 : 0);

          for (int p = 0; p < paragraphs; p++)
            {
              if (p > 0)
                g_string_append_c (discussion, '\n');
              gen_paragraph (gen, discussion, topics[i]);
            }
          gen_decision (gen, decisions, topics[i]);
        }

      item_id = rk_writer_agenda_item (gen->w, meeting_id, i + 1, title,
                                       n_attendees > 0 ? presenter->member_id : (gint64) 0,
                                       5 * g_rand_int_range (gen->rand, 2, 9), discussion->str, decisions->str,
                                       carried);
      if (held && i == 1)
        first_decision = item_id;

      /* Action items come out of the items discussed, not out of the opening report. */
      if (held && i > 0 && i <= 2 && (i == 1 || g_rand_double (gen->rand) < 0.5))
        {
          g_autofree char *action = g_strdup_printf (GEN_PICK (gen, gen_actions), topics[i]);
          const GenAttendee *assignee = &attendees[g_rand_int_range (gen->rand, 0, (gint32) MAX (n_attendees, 1u))];
          int due_index = month_index + g_rand_int_range (gen->rand, 1, 3);
          g_autofree char *due = gen_date_text (gen, due_index, 28);
          g_autofree char *done_on = NULL;
          int status = ACTION_OPEN;
          double r = g_rand_double (gen->rand);
          gint64 action_id;

          if (due_index < gen->ref_month)
            {
              if (r < 0.85)
                {
                  status = ACTION_DONE;
                  done_on = gen_date_text (gen, due_index, g_rand_int_range (gen->rand, 5, 28));
                }
              else if (r < 0.9)
                status = ACTION_WITHDRAWN;
            }
          action_id = rk_writer_run (gen->w, STMT_ACTION_ITEM, "IIsIssis", meeting_id, item_id, action,
                                     n_attendees > 0 ? assignee->member_id : (gint64) 0,
                                     n_attendees > 0 ? assignee->organisation : "事務局", due, status, done_on);
          rk_writer_index (gen->w, "action_item", action_id, action, n_attendees > 0 ? assignee->organisation : "");
          gen->open_action[body] = status == ACTION_OPEN ? action_id : 0;
        }
    }

  if (first_decision > 0 && gen->decision_ids[year] == 0)
    gen->decision_ids[year] = first_decision;

  /* Handouts go out a week ahead, so a meeting still to come may already have one. */
  if (++gen->meetings % GEN_HANDOUT_EVERY == 1)
    gen_handout (gen, meeting_id, b->name, number, date, topics[1], agenda_text->str);
  if (!held)
    return;
  gen->held++;
  if (gen->held % GEN_CHALLENGE_EVERY == 1)
    gen_challenge (gen, meeting_id, fy, ends_at);
  else if (g_rand_double (gen->rand) < 0.3)
    gen_challenge_note (gen, meeting_id, b->name, number, ends_at);
}

static void
gen_meetings (RkGen *gen)
{
  for (guint year = 0; year < gen->years; year++)
    for (int month = 0; month < 12; month++)
      for (guint body = 0; body < G_N_ELEMENTS (gen_bodies); body++)
        {
          int n = gen_bodies[body].per_year;

          /* Spread n meetings over the year; two in one month fall on different weeks. */
          for (int i = 0; i < n; i++)
            if (i * 12 / n == month)
              gen_meeting (gen, body, (int) year, month, 3 + (int) body * 3 + ((i * 12) % n) * 13 / n);
        }
}

static void
gen_rule_body (RkGen      *gen,
               GString    *text,
               const char *heading)
{
  gen_append_printf1 (text, GEN_PICK (gen, gen_rule_templates), heading);
  g_string_append (text, GEN_PICK (gen, gen_rule_sentences));
  if (g_rand_double (gen->rand) < 0.5)
    g_string_append (text, GEN_PICK (gen, gen_rule_sentences));
}

static void
gen_rules (RkGen   *gen,
           gint64  *document_ids,
           gint64  *latest_version_ids)
{
  int last_fy = gen->first_fy + (int) gen->years - 1;

  for (guint d = 0; d < G_N_ELEMENTS (gen_documents); d++)
    {
      const GenDocument *doc = &gen_documents[d];
      g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (gen_section_free);
      g_autofree char *created_at = g_strdup_printf ("%04d-07-01T10:00", gen->first_fy);
      gint64 previous = 0;
      guint added = 0;

      document_ids[d] = rk_writer_run (gen->w, STMT_RULE_DOCUMENT, "ssis", doc->title, doc->kind, (int) d,
                                       created_at);
      for (guint i = 0; i < doc->n_outline; i++)
        {
          GenSection *s = g_new0 (GenSection, 1);
          g_autoptr(GString) body = g_string_new (NULL);

          s->uid = g_strdup (doc->outline[i].uid);
          s->parent_uid = g_strdup (doc->outline[i].parent_uid);
          s->kind = doc->outline[i].kind;
          s->heading = g_strdup (doc->outline[i].heading);
          gen_rule_body (gen, body, s->heading);
          s->body = g_string_free (g_steal_pointer (&body), FALSE);
          g_ptr_array_add (sections, s);
        }

      for (int fy = gen->first_fy; fy <= last_fy; fy++)
        {
          gboolean latest = fy == last_fy;
          int n = fy - gen->first_fy + 1;
          g_autofree char *label = g_strdup_printf ("第%d版", n);
          g_autofree char *version_date = g_strdup_printf ("%04d-09-30", fy);
          g_autofree char *version_created = g_strdup_printf ("%04d-08-01T10:00", fy);
          int status = latest ? (n == 1 ? VERSION_DRAFT : VERSION_DISCUSSION)
                              : (fy < last_fy - 1 ? VERSION_IN_FORCE : VERSION_FINAL);
          gint64 version_id;

          /* A new version edits some sections and adds one: most uids carry over unchanged. */
          if (n > 1)
            {
              for (guint i = 0; i < sections->len; i++)
                {
                  GenSection *s = g_ptr_array_index (sections, i);

                  if (s->kind == 0 && g_rand_double (gen->rand) < 0.15)
                    {
                      char *body = g_strconcat (s->body, GEN_PICK (gen, gen_rule_sentences), NULL);
                      g_free (s->body);
                      s->body = body;
                    }
                }
              {
                GenSection *s = g_new0 (GenSection, 1);
                g_autoptr(GString) body = g_string_new (NULL);
                const GenSection *parent = NULL;
                guint at;

                /* Under a random chapter, after its last child. */
                do
                  parent = g_ptr_array_index (sections, g_rand_int_range (gen->rand, 0, (gint32) sections->len));
                while (parent->parent_uid != NULL || parent->kind != 0);
                for (at = 0; at < sections->len && g_ptr_array_index (sections, at) != parent; at++)
                  ;
                for (at++; at < sections->len
                           && g_strcmp0 (((GenSection *) g_ptr_array_index (sections, at))->parent_uid,
                                         parent->uid) == 0; at++)
                  ;
                s->uid = g_strdup_printf ("added-%02u", ++added);
                s->parent_uid = g_strdup (parent->uid);
                s->heading = g_strdup (gen_added_headings[(added - 1) % G_N_ELEMENTS (gen_added_headings)]);
                gen_rule_body (gen, body, s->heading);
                s->body = g_string_free (g_steal_pointer (&body), FALSE);
                g_ptr_array_insert (sections, (gint) at, s);
              }
            }

          version_id = rk_writer_run (gen->w, STMT_RULE_VERSION, "IssiiIs", document_ids[d], label, version_date,
                                      status, !latest, previous, version_created);
          for (guint i = 0; i < sections->len; i++)
            {
              const GenSection *s = g_ptr_array_index (sections, i);
              gint64 section_id = rk_writer_rule_section (gen->w, version_id, s->uid, s->parent_uid, (int) i,
                                                          s->kind, s->heading, s->body);
              int position = 0;

              for (guint f = 0; f < G_N_ELEMENTS (gen_form_fields); f++)
                if (g_str_equal (gen_form_fields[f].uid, s->uid))
                  rk_writer_run (gen->w, STMT_FORM_FIELD, "Iisis", section_id, position++, gen_form_fields[f].label,
                                 gen_form_fields[f].kind, gen_form_fields[f].choices);
            }

          for (int c = 0; c < 3; c++)
            {
              const GenSection *s;
              const GenOccupant *author = &g_array_index (gen->occupants, GenOccupant,
                                                          g_rand_int_range (gen->rand, 0, (gint32) gen->occupants->len));
              g_autofree char *who = g_strdup_printf ("%s(%s)", author->name, gen_slots[author->slot].organisation);
              g_autofree char *comment = NULL;
              g_autofree char *when = g_strdup_printf ("%04d-%02d-%02dT%02d:00", fy, 10 + c, 5 + c * 7, 10 + c);

              do
                s = g_ptr_array_index (sections, g_rand_int_range (gen->rand, 0, (gint32) sections->len));
              while (s->kind != 0);
              comment = g_strdup_printf (GEN_PICK (gen, gen_reviews), s->heading);
              rk_writer_run (gen->w, STMT_REVIEW_COMMENT, "Isssis", version_id, s->uid, who, comment, !latest, when);
            }

          {
            const GenSection *s = g_ptr_array_index (sections, g_rand_int_range (gen->rand, 0, (gint32) sections->len));
            gint64 decision = gen->decision_ids[fy - gen->first_fy];

            if (decision > 0)
              rk_writer_run (gen->w, STMT_SECTION_LINK, "IsII", document_ids[d], s->uid, decision, (gint64) 0);
            if (gen->challenge_ids->len > 0)
              {
                gint64 challenge = g_array_index (gen->challenge_ids, gint64,
                                                  g_rand_int_range (gen->rand, 0, (gint32) gen->challenge_ids->len));
                s = g_ptr_array_index (sections, g_rand_int_range (gen->rand, 0, (gint32) sections->len));
                rk_writer_run (gen->w, STMT_SECTION_LINK, "IsII", document_ids[d], s->uid, (gint64) 0, challenge);
              }
          }
          previous = version_id;
        }
      latest_version_ids[d] = previous;
    }
}

static void
gen_indicators_write (RkGen        *gen,
                      const gint64 *document_ids)
{
  int last_fy = gen->first_fy + (int) gen->years - 1;

  for (guint i = 0; i < G_N_ELEMENTS (gen_indicators); i++)
    {
      const GenIndicator *d = &gen_indicators[i];
      double target = d->start + d->slope * (gen->years + 2);
      g_autofree char *baseline_period = g_strdup_printf ("%d", gen->first_fy);
      g_autofree char *target_period = g_strdup_printf ("%d", last_fy + 3);
      gint64 id;

      id = rk_writer_run (gen->w, STMT_INDICATOR, "ssssiissdisidsdsIIsi", d->code, d->name, d->group_code, d->unit,
                          d->unit_kind, d->is_ratio, d->numerator_label, d->denominator_label,
                          d->is_ratio ? 100.0 : 1.0, d->higher_is_better, d->data_source, 0, d->start,
                          baseline_period, round (target * 10) / 10, target_period,
                          i < 3 ? document_ids[0] : (gint64) 0, gen_task (gen, last_fy, "6-2"), "", (int) i);
      for (guint y = 0; y < gen->years; y++)
        {
          g_autofree char *period = g_strdup_printf ("%d", gen->first_fy + (int) y);
          double value = d->start + d->slope * y + d->slope * (g_rand_double (gen->rand) - 0.5);
          const char *note = y + 1 == gen->years ? "速報値" : "";

          if (d->is_ratio)
            {
              double denominator = round (d->denominator * (1 + 0.01 * y));
              double numerator = round (denominator * value / 100);

              rk_writer_run (gen->w, STMT_INDICATOR_VALUE, "IsdDDs", id, period,
                             round (numerator / denominator * 1000) / 10, numerator, denominator, note);
            }
          else
            rk_writer_run (gen->w, STMT_INDICATOR_VALUE, "IsdDDs", id, period,
                           d->unit_kind == UNIT_COUNT && d->start >= 10 ? round (value) : round (value * 10) / 10,
                           (double) NAN, (double) NAN, note);
        }
    }
}

static void
gen_selfchecks (RkGen *gen)
{
  for (guint y = 0; y < gen->years; y++)
    {
      int fy = gen->first_fy + (int) y;
      g_autofree char *title = g_strdup_printf ("%d年度 自己チェック", fy);
      g_autofree char *answered_on = g_strdup_printf ("%04d-09-30", fy);
      double p = 0.25 + 0.6 * (y + 1) / gen->years;
      gint64 set_id = rk_writer_run (gen->w, STMT_SELFCHECK_SET, "sss", title, answered_on,
                                     "かえで市 健康福祉部 高齢福祉課");

      rk_writer_run (gen->w, STMT_SELFCHECK_ANSWER, "Isis", set_id, "q11", 1, "");
      rk_writer_run (gen->w, STMT_SELFCHECK_ANSWER, "Isis", set_id, y > 0 ? "q21" : "q22", 1, "");
      for (guint i = 0; i < G_N_ELEMENTS (gen_selfcheck_options); i++)
        {
          gboolean checked = g_rand_double (gen->rand) < p;

          rk_writer_run (gen->w, STMT_SELFCHECK_ANSWER, "Isis", set_id, gen_selfcheck_options[i].code, checked,
                         checked ? gen_selfcheck_options[i].text : "");
        }
    }
}

static void
gen_booklets (RkGen        *gen,
              const gint64 *latest_version_ids)
{
  int last_fy = gen->first_fy + (int) gen->years - 1;

  for (guint d = 0; d < G_N_ELEMENTS (gen_documents); d++)
    {
      g_autofree char *title = g_strdup_printf (GEN_MUNICIPALITY " %s", gen_documents[d].title);
      g_autofree char *edition = g_strdup_printf ("第%u版", gen->years);
      g_autofree char *issue_date = g_strdup_printf ("%04d-03-31", last_fy + 1);
      gint64 booklet_id = rk_writer_run (gen->w, STMT_BOOKLET, "ssss", title, edition, issue_date, GEN_NAME);

      for (int part = 0; part <= 8; part++)
        rk_writer_run (gen->w, STMT_BOOKLET_PART, "IiiI", booklet_id, part, part,
                       part == 2 || part == 3 ? latest_version_ids[d] : (gint64) 0);
    }
}

static void
gen_fill (RkWriter *w,
          gpointer  user_data)
{
  RkGen *gen = user_data;
  gint64 document_ids[G_N_ELEMENTS (gen_documents)];
  gint64 latest_version_ids[G_N_ELEMENTS (gen_documents)];

  gen->w = w;
  rk_writer_run (w, STMT_COUNCIL_LEAD_ORG, "s", GEN_MUNICIPALITY "(健康福祉部 高齢福祉課)");
  for (guint i = 0; i < G_N_ELEMENTS (gen_bodies); i++)
    gen->body_ids[i] = rk_writer_body (w, gen_bodies[i].name, gen_bodies[i].tier, gen_bodies[i].tier_label,
                                       gen_bodies[i].purpose, (int) i);
  gen_members (gen);
  gen_tasks_write (gen);
  gen_meetings (gen);
  rk_writer_index_challenges (w);
  gen_rules (gen, document_ids, latest_version_ids);
  gen_indicators_write (gen, document_ids);
  gen_selfchecks (gen);
  gen_booklets (gen, latest_version_ids);
}

gboolean
rk_store_write_generated (const char  *path,
                          guint        years,
                          guint32      seed,
                          GError     **error)
{
  static const char *const handout_pages[GEN_PAGES] = {
    "会議資料\n" GEN_NAME, "資料1\n協議事項の説明資料", "資料2\n参考データ",
  };
  g_autofree char *notes = NULL;
  g_autofree char *generator = NULL;
  RkCouncilInfo info = {
    .name = GEN_NAME,
    .municipality = GEN_MUNICIPALITY,
    .prefecture = "架空県",
    .setup = RK_SETUP_BOTH,
  };
  RkGen gen = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (years < 1 || years > GEN_MAX_YEARS)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("A synthetic council spans 1 to %d fiscal years, not %u."), GEN_MAX_YEARS, years);
      return FALSE;
    }

  gen.years = years;
  /* The last fiscal year written is 2024 while that fits; a long span starts no earlier than 2000. */
  gen.first_fy = MAX (2000, 2025 - (int) years);
  gen.ref_month = ((int) years - 1) * 12 + 9;
  gen.handout = rk_render_handout ("会議資料", handout_pages, GEN_PAGES, error);
  if (gen.handout == NULL)
    return FALSE;
  gen.rand = g_rand_new_with_seed (seed);
  gen.occupants = g_array_new (FALSE, TRUE, sizeof (GenOccupant));
  g_array_set_clear_func (gen.occupants, gen_occupant_clear);
  gen.challenge_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gen.decision_ids = g_new0 (gint64, years);

  info.fiscal_year = gen.first_fy;
  notes = g_strdup_printf ("renkei generate による合成データ(%u年度分、seed %u)。架空の市の協議会です。", years, seed);
  info.notes = notes;
  generator = g_strdup_printf ("generate years=%u seed=%u", years, seed);

  ok = rk_write_council (path, &info, generator, 0, gen_fill, &gen, error);

  g_bytes_unref (gen.handout);
  g_rand_free (gen.rand);
  g_array_unref (gen.occupants);
  g_array_unref (gen.challenge_ids);
  g_free (gen.decision_ids);
  g_free (gen.task_ids);
  return ok;
}

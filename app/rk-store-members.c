/* rk-store-members.c — the roster's part of the store: members, their seats on the bodies and the history of both.
 *
 * The roster (the members list and what keeps its "bodies" strings right) is created on first use and hangs off
 * the store as object data, so rk-store.c needs no knowledge of it. It prepares no statement that outlives a call:
 * the store must be able to close its database at any time. */

#include "rk-store-members.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rk-era.h"
#include "rk-store-private.h"

#define MEMBER_COLUMNS \
  "member_type, organisation, name, kana, title, role, alternate, phone, email, term_start, term_end, notes"

/* ------------------------------------------------------------------------------------------------------------ */
/* The roster object */

#define RK_TYPE_STORE_ROSTER (rk_store_roster_get_type ())
G_DECLARE_FINAL_TYPE (RkStoreRoster, rk_store_roster, RK, STORE_ROSTER, GObject)

struct _RkStoreRoster
{
  GObject     parent_instance;

  GListStore *members;
  /* The store's bodies list: a reference of our own, because the store drops its own before its object data. */
  GListModel *bodies;
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (RkStoreRoster, rk_store_roster, G_TYPE_OBJECT)

static GQuark
roster_quark (void)
{
  return g_quark_from_static_string ("rk-store-roster");
}

static void
rk_store_roster_finalize (GObject *object)
{
  RkStoreRoster *self = RK_STORE_ROSTER (object);

  g_clear_object (&self->members);
  g_clear_object (&self->bodies);

  G_OBJECT_CLASS (rk_store_roster_parent_class)->finalize (object);
}

static void
rk_store_roster_class_init (RkStoreRosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_store_roster_finalize;
}

static void
rk_store_roster_init (RkStoreRoster *self)
{
  self->members = g_list_store_new (RK_TYPE_MEMBER);
}

static void
refresh_all_bodies (RkStoreRoster *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      rk_member_refresh_bodies (member, self->bodies);
    }
}

static void
on_body_name_changed (RkBody        *body,
                      GParamSpec    *pspec,
                      RkStoreRoster *self)
{
  refresh_all_bodies (self);
}

static void
watch_body (RkStoreRoster *self,
            RkBody        *body)
{
  /* A restored body is the same object coming back: watch it once. */
  if (g_signal_handler_find (body, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_body_name_changed, self) != 0)
    return;
  g_signal_connect_object (body, "notify::name", G_CALLBACK (on_body_name_changed), self, 0);
}

static void
on_bodies_changed (GListModel    *bodies,
                   guint          position,
                   guint          removed,
                   guint          added,
                   RkStoreRoster *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      watch_body (self, body);
    }
  /* A body removed to the bin drops out of the members' "bodies"; restored, it comes back. */
  refresh_all_bodies (self);
}

static RkStoreRoster *
rk_store_roster_new (GListModel *bodies)
{
  RkStoreRoster *self = g_object_new (RK_TYPE_STORE_ROSTER, NULL);
  guint n = g_list_model_get_n_items (bodies);

  self->bodies = g_object_ref (bodies);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      watch_body (self, body);
    }
  g_signal_connect_object (bodies, "items-changed", G_CALLBACK (on_bodies_changed), self, 0);
  return self;
}

/* Member type, then kana (the name when there is none), then id: the order the header promises. */
static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RkMember *ma = (RkMember *) a;
  RkMember *mb = (RkMember *) b;
  int ta = rk_member_get_member_type (ma);
  int tb = rk_member_get_member_type (mb);
  const char *ka, *kb;
  gint64 ia, ib;
  int cmp;

  if (ta != tb)
    return ta < tb ? -1 : 1;
  ka = *rk_member_get_kana (ma) != '\0' ? rk_member_get_kana (ma) : rk_member_get_name (ma);
  kb = *rk_member_get_kana (mb) != '\0' ? rk_member_get_kana (mb) : rk_member_get_name (mb);
  cmp = strcmp (ka, kb);
  if (cmp != 0)
    return cmp;
  ia = rk_member_get_id (ma);
  ib = rk_member_get_id (mb);
  return ia < ib ? -1 : ia > ib;
}

static int
compare_member_ptrs (gconstpointer a,
                     gconstpointer b)
{
  return compare_members (*(RkMember *const *) a, *(RkMember *const *) b, NULL);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SQL helpers of the roster only (the shared ones are in rk-store-private.h) */

/* A date column: NULL when there is none. */
static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const char   *iso)
{
  if (iso == NULL || *iso == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Dates are compared as text in SQL, so every one is written in the one form 'YYYY-MM-DD'. "" when none or invalid
 * (validation refused invalid ones already). */
static char *
normalise_date (const char *text)
{
  GDate date;

  if (!rk_era_parse_iso_date (text, &date))
    return g_strdup ("");
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* 令和7年(2025年)4月1日, as dates are shown to a user. */
static char *
display_date (const char *iso)
{
  GDate date;

  if (!rk_era_parse_iso_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return rk_era_format_date (&date);
}

/* The date an edit takes effect: @date normalised, or today. */
static char *
effective_date (const char  *date,
                GError     **error)
{
  GDate parsed;

  if (date == NULL || *date == '\0')
    return rk_store_today_text ();
  if (!rk_era_parse_iso_date (date, &parsed))
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Date: “%s” is not a date that exists. Enter it as year-month-day, e.g. 2025-04-01."), date);
      return NULL;
    }
  return normalise_date (date);
}

/* Binds ?first … ?first+11 to MEMBER_COLUMNS; dates already normalised. */
static void
bind_member (sqlite3_stmt       *stmt,
             int                 first,
             const RkMemberInfo *info)
{
  sqlite3_bind_int (stmt, first, info->member_type);
  rk_store_bind_text (stmt, first + 1, info->organisation);
  rk_store_bind_text (stmt, first + 2, info->name);
  rk_store_bind_text (stmt, first + 3, info->kana);
  rk_store_bind_text (stmt, first + 4, info->title);
  sqlite3_bind_int (stmt, first + 5, info->role);
  rk_store_bind_text (stmt, first + 6, info->alternate);
  rk_store_bind_text (stmt, first + 7, info->phone);
  rk_store_bind_text (stmt, first + 8, info->email);
  bind_date (stmt, first + 9, info->term_start);
  bind_date (stmt, first + 10, info->term_end);
  rk_store_bind_text (stmt, first + 11, info->notes);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Loading */

/* The seats still open (left_on unset) of every member, or of @member_id only when it is > 0, ordered by member. */
static sqlite3_stmt *
prepare_open_seats (sqlite3  *db,
                    gint64    member_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  if (member_id > 0)
    {
      stmt = rk_store_prepare (db, "SELECT member_id, body_id FROM body_member "
                                   "WHERE member_id = ?1 AND left_on IS NULL ORDER BY body_id", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, member_id);
      return stmt;
    }
  return rk_store_prepare (db, "SELECT bm.member_id, bm.body_id FROM body_member bm "
                               "JOIN member m ON m.id = bm.member_id "
                               "WHERE bm.left_on IS NULL AND m.deleted_at IS NULL ORDER BY bm.member_id, bm.body_id",
                           error);
}

static gboolean
reload_seats (RkStoreRoster  *roster,
              sqlite3        *db,
              RkMember       *member,
              GError        **error)
{
  g_autoptr(RkStmt) stmt = prepare_open_seats (db, rk_member_get_id (member), error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  rk_member_set_seats (member, (const gint64 *) ids->data, ids->len, roster->bodies);
  return TRUE;
}

static gboolean
load_members (RkStoreRoster  *roster,
              sqlite3        *db,
              GError        **error)
{
  /* "ended": the term was ended through rk_store_end_member_term(), as the data tells — no seat open and one
   * closed on the day the term ended. */
  g_autoptr(RkStmt) stmt = rk_store_prepare (db,
    "SELECT m.id, " MEMBER_COLUMNS ", "
    "  m.term_end IS NOT NULL"
    "  AND NOT EXISTS (SELECT 1 FROM body_member b WHERE b.member_id = m.id AND b.left_on IS NULL)"
    "  AND EXISTS (SELECT 1 FROM body_member b WHERE b.member_id = m.id AND b.left_on = m.term_end) "
    "FROM member m WHERE m.deleted_at IS NULL ORDER BY m.id", error);
  g_autoptr(RkStmt) seats = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkMemberInfo info = {
        .member_type = CLAMP (sqlite3_column_int (stmt, 1), RK_MEMBER_TYPE_FIRST, RK_MEMBER_TYPE_LAST),
        .organisation = column_text (stmt, 2),
        .name = column_text (stmt, 3),
        .kana = column_text (stmt, 4),
        .title = column_text (stmt, 5),
        .role = (RkRole) CLAMP (sqlite3_column_int (stmt, 6), RK_ROLE_CHAIR, RK_ROLE_LAST),
        .alternate = column_text (stmt, 7),
        .phone = column_text (stmt, 8),
        .email = column_text (stmt, 9),
        .term_start = column_text (stmt, 10),
        .term_end = column_text (stmt, 11),
        .notes = column_text (stmt, 12),
      };
      RkMember *member = rk_member_new_for_store (sqlite3_column_int64 (stmt, 0), &info);

      if (sqlite3_column_int (stmt, 13))
        rk_member_mark_ended (member);
      g_ptr_array_add (items, member);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }

  /* Both lists are ordered by member id: one walk hands each member its seats. */
  seats = prepare_open_seats (db, 0, error);
  if (seats == NULL)
    return FALSE;
  rc = sqlite3_step (seats);
  for (guint i = 0; i < items->len; i++)
    {
      RkMember *member = g_ptr_array_index (items, i);
      gint64 id = rk_member_get_id (member);

      g_array_set_size (ids, 0);
      while (rc == SQLITE_ROW && sqlite3_column_int64 (seats, 0) <= id)
        {
          if (sqlite3_column_int64 (seats, 0) == id)
            {
              gint64 body_id = sqlite3_column_int64 (seats, 1);
              g_array_append_val (ids, body_id);
            }
          rc = sqlite3_step (seats);
        }
      rk_member_set_seats (member, (const gint64 *) ids->data, ids->len, roster->bodies);
    }
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (seats);
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }

  g_ptr_array_sort (items, compare_member_ptrs);
  g_list_store_splice (roster->members, 0, g_list_model_get_n_items (G_LIST_MODEL (roster->members)),
                       items->pdata, items->len);
  roster->loaded = TRUE;
  return TRUE;
}

static RkStoreRoster *
get_roster (RkStore *self)
{
  RkStoreRoster *roster = g_object_get_qdata (G_OBJECT (self), roster_quark ());

  if (roster == NULL)
    {
      roster = rk_store_roster_new (rk_store_get_bodies (self));
      g_object_set_qdata_full (G_OBJECT (self), roster_quark (), roster, g_object_unref);
    }
  return roster;
}

/* The roster, loaded; NULL with @error when the file is closed or cannot be read. */
static RkStoreRoster *
ensure_roster (RkStore  *self,
               GError  **error)
{
  RkStoreRoster *roster = get_roster (self);

  if (roster->loaded)
    return roster;
  if (!rk_store_check_open (self, error) || !load_members (roster, rk_store_get_db (self), error))
    return NULL;
  return roster;
}

GListModel *
rk_store_get_members (RkStore *self)
{
  g_autoptr(GError) error = NULL;
  RkStoreRoster *roster;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  roster = get_roster (self);
  if (!roster->loaded && rk_store_get_db (self) != NULL && ensure_roster (self, &error) == NULL)
    g_warning ("Could not read the members of %s: %s", rk_store_get_path (self), error->message);
  return G_LIST_MODEL (roster->members);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Edits */

/* @info with its dates in the stored form; the strings belong to @start and @end. */
static void
normalise_info (const RkMemberInfo  *info,
                RkMemberInfo        *out,
                char               **start,
                char               **end)
{
  *out = *info;
  *start = normalise_date (info->term_start);
  *end = normalise_date (info->term_end);
  out->term_start = *start;
  out->term_end = *end;
}

static gboolean
insert_member (sqlite3_stmt        *stmt,
               const RkMemberInfo  *info,
               gint64              *id,
               GError             **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  bind_member (stmt, 1, info);
  if (!rk_store_step_done (stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
  return TRUE;
}

RkMember *
rk_store_add_member (RkStore             *self,
                     const RkMemberInfo  *info,
                     GError             **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  RkMemberInfo stored;
  RkStoreRoster *roster;
  RkMember *member;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_member_info_validate (info, error) || (roster = ensure_roster (self, error)) == NULL)
    return NULL;
  normalise_info (info, &stored, &start, &end);

  db = rk_store_get_db (self);
  if (!rk_store_begin (db, error))
    return NULL;
  stmt = rk_store_prepare (db, "INSERT INTO member (" MEMBER_COLUMNS ") "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  if (stmt == NULL || !insert_member (stmt, &stored, &id, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, NULL, error) || !rk_store_commit (db, error))
    goto fail;

  member = rk_member_new_for_store (id, &stored);
  rk_member_set_seats (member, NULL, 0, roster->bodies);
  g_list_store_insert_sorted (roster->members, member, compare_members, NULL);
  return member;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_update_member (RkStore             *self,
                        RkMember            *member,
                        const RkMemberInfo  *info,
                        GError             **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  RkMemberInfo stored;
  RkStoreRoster *roster;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_member_info_validate (info, error) || (roster = ensure_roster (self, error)) == NULL)
    return FALSE;
  normalise_info (info, &stored, &start, &end);

  db = rk_store_get_db (self);
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db, "UPDATE member SET member_type = ?1, organisation = ?2, name = ?3, kana = ?4, "
                               "title = ?5, role = ?6, alternate = ?7, phone = ?8, email = ?9, term_start = ?10, "
                               "term_end = ?11, notes = ?12 WHERE id = ?13 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  bind_member (stmt, 1, &stored);
  sqlite3_bind_int64 (stmt, 13, rk_member_get_id (member));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_member_get_name (member));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, NULL, error) || !rk_store_commit (db, error))
    goto fail;

  rk_member_set_info (member, &stored);
  rk_store_item_changed (roster->members, member, compare_members);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_member (RkStore   *self,
                        RkMember  *member,
                        GError   **error)
{
  RkStoreRoster *roster;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEMBER (member), FALSE);

  /* The seats stay as they are, so that undo brings them back with the member. */
  if ((roster = ensure_roster (self, error)) == NULL
      || !rk_store_edit_row (self, "UPDATE member SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                           rk_member_get_id (member), rk_member_get_name (member), error))
    return FALSE;

  rk_store_list_remove (roster->members, member);
  return TRUE;
}

gboolean
rk_store_restore_member (RkStore   *self,
                         RkMember  *member,
                         GError   **error)
{
  g_autoptr(GError) seats_error = NULL;
  RkStoreRoster *roster;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEMBER (member), FALSE);

  if ((roster = ensure_roster (self, error)) == NULL
      || !rk_store_edit_row (self,
                           "UPDATE member SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                           rk_member_get_id (member), rk_member_get_name (member), error))
    return FALSE;

  /* The restore is committed; the seats only refresh what the member shows. */
  if (!reload_seats (roster, rk_store_get_db (self), member, &seats_error))
    g_warning ("Could not read the seats of a restored member: %s", seats_error->message);
  rk_store_list_insert (roster->members, member, compare_members);
  return TRUE;
}

static gboolean
body_is_listed (RkStoreRoster *roster,
                gint64         body_id)
{
  guint n = g_list_model_get_n_items (roster->bodies);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (roster->bodies, i);

      if (rk_body_get_id (body) == body_id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
contains_id (const gint64 *ids,
             guint         n,
             gint64        id)
{
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
set_joined_after_error (GError     **error,
                        RkMember    *member,
                        const char  *body_name,
                        const char  *joined_on,
                        const char  *date)
{
  g_autofree char *joined = display_date (joined_on);
  g_autofree char *when = display_date (date);

  g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
               _("Date: %s joined “%s” on %s, after %s. Choose a date on or after the day they joined."),
               rk_member_get_name (member), body_name, joined, when);
}

typedef struct {
  gint64  seat_id;
  gint64  body_id;
  char   *joined_on; /* "" when unknown */
  char   *body_name;
} OpenSeat;

static void
open_seat_clear (gpointer data)
{
  OpenSeat *seat = data;

  g_free (seat->joined_on);
  g_free (seat->body_name);
}

gboolean
rk_store_set_member_bodies (RkStore       *self,
                            RkMember      *member,
                            const gint64  *body_ids,
                            guint          n_body_ids,
                            const char    *date,
                            GError       **error)
{
  g_autoptr(RkStmt) check = NULL;
  g_autoptr(RkStmt) seats = NULL;
  g_autoptr(RkStmt) leave = NULL;
  g_autoptr(RkStmt) undo = NULL;
  g_autoptr(RkStmt) join = NULL;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenSeat));
  g_autofree char *day = NULL;
  RkStoreRoster *roster;
  gboolean ok;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (body_ids != NULL || n_body_ids == 0, FALSE);

  g_array_set_clear_func (open, open_seat_clear);
  if ((roster = ensure_roster (self, error)) == NULL || (day = effective_date (date, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < n_body_ids; i++)
    if (!body_is_listed (roster, body_ids[i]))
      {
        g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND,
                             _("A body chosen is no longer in this council; it may have been removed meanwhile."));
        return FALSE;
      }

  db = rk_store_get_db (self);
  if (!rk_store_begin (db, error))
    return FALSE;
  check = rk_store_prepare (db, "SELECT 1 FROM member WHERE id = ?1 AND deleted_at IS NULL", error);
  if (check == NULL)
    goto fail;
  sqlite3_bind_int64 (check, 1, rk_member_get_id (member));
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        rk_store_set_not_found (error, rk_member_get_name (member));
      else
        rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }

  /* Seats on bodies in the bin are left alone: restoring the body brings the member's seat back with it. */
  /* Joined and left on the same day (undo): a correction, a box ticked by mistake, not history worth keeping. */
  if ((seats = rk_store_prepare (db, "SELECT bm.id, bm.body_id, coalesce(bm.joined_on, ''), b.name "
                                     "FROM body_member bm JOIN body b ON b.id = bm.body_id "
                                     "WHERE bm.member_id = ?1 AND bm.left_on IS NULL AND b.deleted_at IS NULL",
                                 error)) == NULL
      || (leave = rk_store_prepare (db, "UPDATE body_member SET left_on = ?2 WHERE id = ?1", error)) == NULL
      || (undo = rk_store_prepare (db, "DELETE FROM body_member WHERE id = ?1", error)) == NULL
      || (join = rk_store_prepare (db, "INSERT INTO body_member (body_id, member_id, joined_on) VALUES (?1, ?2, ?3)",
                                   error)) == NULL)
    goto fail;
  /* Read first, then change: SQLite leaves undefined what a statement sees of rows changed while it steps. */
  sqlite3_bind_int64 (seats, 1, rk_member_get_id (member));
  while ((rc = sqlite3_step (seats)) == SQLITE_ROW)
    {
      OpenSeat seat = {
        .seat_id = sqlite3_column_int64 (seats, 0),
        .body_id = sqlite3_column_int64 (seats, 1),
        .joined_on = g_strdup (column_text (seats, 2)),
        .body_name = g_strdup (column_text (seats, 3)),
      };
      g_array_append_val (open, seat);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }
  for (guint i = 0; i < open->len; i++)
    {
      OpenSeat *seat = &g_array_index (open, OpenSeat, i);
      sqlite3_stmt *stmt;

      if (contains_id (body_ids, n_body_ids, seat->body_id))
        {
          g_array_append_val (kept, seat->body_id);
          continue;
        }
      if (*seat->joined_on != '\0' && strcmp (seat->joined_on, day) > 0)
        {
          set_joined_after_error (error, member, seat->body_name, seat->joined_on, day);
          goto fail;
        }
      stmt = g_str_equal (seat->joined_on, day) ? undo : leave;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, seat->seat_id);
      if (stmt == leave)
        rk_store_bind_text (stmt, 2, day);
      if (!rk_store_step_done (stmt, error))
        goto fail;
    }
  for (guint i = 0; i < n_body_ids; i++)
    {
      if (contains_id ((const gint64 *) kept->data, kept->len, body_ids[i]))
        continue;
      g_array_append_val (kept, body_ids[i]);
      sqlite3_reset (join);
      sqlite3_bind_int64 (join, 1, body_ids[i]);
      sqlite3_bind_int64 (join, 2, rk_member_get_id (member));
      rk_store_bind_text (join, 3, day);
      if (!rk_store_step_done (join, error))
        goto fail;
    }
  g_clear_pointer (&check, sqlite3_finalize);
  g_clear_pointer (&seats, sqlite3_finalize);
  g_clear_pointer (&leave, sqlite3_finalize);
  g_clear_pointer (&undo, sqlite3_finalize);
  g_clear_pointer (&join, sqlite3_finalize);
  if (!rk_store_touch_council (db, NULL, error) || !rk_store_commit (db, error))
    goto fail;

  ok = reload_seats (roster, db, member, error);
  rk_store_item_changed (roster->members, member, compare_members);
  return ok;

fail:
  g_clear_pointer (&check, sqlite3_finalize);
  g_clear_pointer (&seats, sqlite3_finalize);
  g_clear_pointer (&leave, sqlite3_finalize);
  g_clear_pointer (&undo, sqlite3_finalize);
  g_clear_pointer (&join, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_end_member_term (RkStore     *self,
                          RkMember    *member,
                          const char  *date,
                          GError     **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *day = NULL;
  RkMemberInfo info;
  RkStoreRoster *roster;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEMBER (member), FALSE);

  if ((roster = ensure_roster (self, error)) == NULL || (day = effective_date (date, error)) == NULL)
    return FALSE;
  if (*rk_member_get_term_start (member) != '\0' && strcmp (rk_member_get_term_start (member), day) > 0)
    {
      g_autofree char *start = display_date (rk_member_get_term_start (member));
      g_autofree char *end = display_date (day);

      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Term end: the term cannot end (%s) before it starts (%s)."), end, start);
      return FALSE;
    }

  db = rk_store_get_db (self);
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db, "UPDATE member SET term_end = ?2 WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_member_get_id (member));
  rk_store_bind_text (stmt, 2, day);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_member_get_name (member));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = rk_store_prepare (db, "SELECT b.name, bm.joined_on FROM body_member bm JOIN body b ON b.id = bm.body_id "
                               "WHERE bm.member_id = ?1 AND bm.left_on IS NULL AND bm.joined_on > ?2 "
                               "ORDER BY bm.joined_on DESC LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_member_get_id (member));
  rk_store_bind_text (stmt, 2, day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      set_joined_after_error (error, member, column_text (stmt, 0), column_text (stmt, 1), day);
      goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Every open seat, bodies in the bin included: the person leaves the council as a whole. */
  stmt = rk_store_prepare (db, "UPDATE body_member SET left_on = ?2 WHERE member_id = ?1 AND left_on IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_member_get_id (member));
  rk_store_bind_text (stmt, 2, day);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, NULL, error) || !rk_store_commit (db, error))
    goto fail;

  rk_member_get_info (member, &info);
  info.term_end = day;
  g_object_freeze_notify (G_OBJECT (member));
  rk_member_set_info (member, &info);
  rk_member_set_seats (member, NULL, 0, roster->bodies);
  rk_member_mark_ended (member);
  g_object_thaw_notify (G_OBJECT (member));
  rk_store_item_changed (roster->members, member, compare_members);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* History */

void
rk_seat_free (RkSeat *seat)
{
  if (seat == NULL)
    return;
  g_free (seat->member_name);
  g_free (seat->organisation);
  g_free (seat->joined_on);
  g_free (seat->left_on);
  g_free (seat);
}

static char *
column_date (sqlite3_stmt *stmt,
             int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (column_text (stmt, column));
}

GPtrArray *
rk_store_list_seats (RkStore  *self,
                     gint64    body_id,
                     GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) seats = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_seat_free);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  db = rk_store_get_db (self);
  /* A seat with no joining date is the oldest we know of: NULL sorts first. */
  stmt = rk_store_prepare (db, "SELECT bm.member_id, m.name, m.organisation, bm.joined_on, bm.left_on "
                               "FROM body_member bm JOIN member m ON m.id = bm.member_id "
                               "WHERE bm.body_id = ?1 AND m.deleted_at IS NULL ORDER BY bm.joined_on, bm.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, body_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkSeat *seat = g_new0 (RkSeat, 1);

      seat->member_id = sqlite3_column_int64 (stmt, 0);
      seat->member_name = g_strdup (column_text (stmt, 1));
      seat->organisation = g_strdup (column_text (stmt, 2));
      seat->joined_on = column_date (stmt, 3);
      seat->left_on = column_date (stmt, 4);
      g_ptr_array_add (seats, seat);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&seats);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Import */

/* Strips white space (the ideographic space too) from a body name as typed in a CSV cell. */
static char *
strip_name (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return g_strndup (start, end - start);
}

gboolean
rk_store_import_members (RkStore             *self,
                         const RkMemberInfo  *members,
                         const char *const  **body_names,
                         guint                n,
                         GError             **error)
{
  g_autoptr(GHashTable) body_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) seat_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint *seat_start = NULL;
  g_autofree gint64 *member_ids = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RkStmt) insert = NULL;
  g_autoptr(RkStmt) join = NULL;
  g_autoptr(GPtrArray) all = NULL;
  RkStoreRoster *roster;
  sqlite3 *db;
  guint n_bodies, n_old;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (members != NULL || n == 0, FALSE);

  if ((roster = ensure_roster (self, error)) == NULL)
    return FALSE;

  /* Everything that can refuse the import is checked before anything is written. */
  n_bodies = g_list_model_get_n_items (roster->bodies);
  for (guint i = 0; i < n_bodies; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (roster->bodies, i);
      char *name = strip_name (rk_body_get_name (body));

      if (g_hash_table_contains (body_by_name, name))
        g_free (name);
      else
        g_hash_table_insert (body_by_name, name, GINT_TO_POINTER (i));
    }
  seat_start = g_new (guint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      if (!rk_member_info_validate (&members[i], error))
        {
          /* TRANSLATORS: put before a reason why a row of an imported roster was refused. */
          g_prefix_error (error, _("Row %u: "), i + 1);
          return FALSE;
        }
      g_ptr_array_add (dates, normalise_date (members[i].term_start));
      g_ptr_array_add (dates, normalise_date (members[i].term_end));

      seat_start[i] = seat_ids->len;
      for (guint j = 0; body_names != NULL && body_names[i] != NULL && body_names[i][j] != NULL; j++)
        {
          g_autofree char *name = strip_name (body_names[i][j]);
          g_autoptr(RkBody) body = NULL;
          gpointer index;
          gint64 body_id;

          if (*name == '\0')
            continue;
          if (!g_hash_table_lookup_extended (body_by_name, name, NULL, &index))
            {
              g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Row %u: there is no body named “%s” in this council. Add the body first, or correct "
                             "the name."), i + 1, name);
              return FALSE;
            }
          body = g_list_model_get_item (roster->bodies, GPOINTER_TO_UINT (index));
          body_id = rk_body_get_id (body);
          if (!contains_id ((const gint64 *) seat_ids->data + seat_start[i], seat_ids->len - seat_start[i], body_id))
            g_array_append_val (seat_ids, body_id);
        }
    }
  seat_start[n] = seat_ids->len;

  db = rk_store_get_db (self);
  member_ids = g_new (gint64, MAX (n, 1));
  if (!rk_store_begin (db, error))
    return FALSE;
  if ((insert = rk_store_prepare (db, "INSERT INTO member (" MEMBER_COLUMNS ") "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error)) == NULL
      || (join = rk_store_prepare (db, "INSERT INTO body_member (body_id, member_id, joined_on) VALUES (?1, ?2, ?3)",
                                   error)) == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      RkMemberInfo stored = members[i];

      stored.term_start = g_ptr_array_index (dates, 2 * i);
      stored.term_end = g_ptr_array_index (dates, 2 * i + 1);
      if (!insert_member (insert, &stored, &member_ids[i], error))
        {
          g_prefix_error (error, _("Row %u: "), i + 1);
          goto fail;
        }
      /* An imported roster tells when the term began, not when each seat was taken: the term's start it is. */
      for (guint j = seat_start[i]; j < seat_start[i + 1]; j++)
        {
          sqlite3_reset (join);
          sqlite3_bind_int64 (join, 1, g_array_index (seat_ids, gint64, j));
          sqlite3_bind_int64 (join, 2, member_ids[i]);
          bind_date (join, 3, stored.term_start);
          if (!rk_store_step_done (join, error))
            goto fail;
        }
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&join, sqlite3_finalize);
  if (!rk_store_touch_council (db, NULL, error) || !rk_store_commit (db, error))
    goto fail;

  /* One splice for the whole import: a list view must not hear of 50,000 rows one by one. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (roster->members));
  all = g_ptr_array_new_full (n_old + n, g_object_unref);
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (all, g_list_model_get_item (G_LIST_MODEL (roster->members), i));
  for (guint i = 0; i < n; i++)
    {
      RkMemberInfo stored = members[i];
      RkMember *member;

      stored.term_start = g_ptr_array_index (dates, 2 * i);
      stored.term_end = g_ptr_array_index (dates, 2 * i + 1);
      member = rk_member_new_for_store (member_ids[i], &stored);
      rk_member_set_seats (member, (const gint64 *) seat_ids->data + seat_start[i],
                           seat_start[i + 1] - seat_start[i], roster->bodies);
      g_ptr_array_add (all, member);
    }
  g_ptr_array_sort (all, compare_member_ptrs);
  g_list_store_splice (roster->members, 0, n_old, all->pdata, all->len);
  return TRUE;

fail:
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&join, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

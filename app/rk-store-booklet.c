/* rk-store-booklet.c — the 冊子 part of the store: the composition of the council's booklet (tables booklet and
 * booklet_part) and the proposal offered when the council has none yet.
 *
 * A council has one booklet: the first row is the one shown and saved. Its parts are rewritten as a whole on every
 * save (delete and reinsert in the same transaction), since the user edits them as one ordered list. */
#include <glib/gi18n.h>

#include "rk-booklet.h"
#include "rk-store-private.h"

/* The live version @version_id of a live document: what a rule part may name. */
#define LIVE_VERSION_SQL                                                                                         \
  "SELECT count(*) FROM rule_version v JOIN rule_document d ON d.id = v.document_id "                            \
  "WHERE v.id = ?1 AND v.deleted_at IS NULL AND d.deleted_at IS NULL"

char *
rk_store_dup_rule_version_name (RkStore *store,
                                gint64   version_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStmt) stmt = NULL;
  const char *label;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  if (!rk_store_check_open (store, &error))
    return NULL;
  stmt = rk_store_prepare (rk_store_get_db (store),
                           "SELECT d.title, v.label FROM rule_version v JOIN rule_document d ON d.id = v.document_id "
                           "WHERE v.id = ?1", &error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  label = rk_store_column_text (stmt, 1);
  if (rk_store_text_is_blank (label))
    /* TRANSLATORS: a rule version that has no label yet; 案 / 作業中の版. */
    label = C_("rule version", "Draft");
  /* Translators: a version of a rule document in a message: %1$s the document's title, %2$s the version's label. */
  return g_strdup_printf (_("“%1$s” %2$s"), rk_store_column_text (stmt, 0), label);
}

/* ---- Reading ----------------------------------------------------------------------------------------------- */

static gboolean
read_parts (sqlite3    *db,
            RkBooklet  *booklet,
            GError    **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  int rc;

  stmt = rk_store_prepare (db, "SELECT part, version_id FROM booklet_part WHERE booklet_id = ?1 ORDER BY position",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, booklet->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkBookletPartKind kind = (RkBookletPartKind) sqlite3_column_int (stmt, 0);
      gint64 version_id = sqlite3_column_int64 (stmt, 1);

      /* A rule part whose version row is gone (ON DELETE SET NULL) names nothing that could be printed or shown:
       * it is dropped, as the version was, and counted so that the content can say so. A version only soft-deleted
       * is kept, for the content to name. */
      if (rk_booklet_part_kind_has_version (kind) && version_id <= 0)
        {
          booklet->n_dropped++;
          continue;
        }
      rk_booklet_add_part (booklet, kind, rk_booklet_part_kind_has_version (kind) ? version_id : 0);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* What a council that has not composed its booklet is offered: everything, each rule document at its latest
 * version (its forms when it has any). */
static RkBooklet *
propose_booklet (RkStore  *store,
                 GError  **error)
{
  g_autoptr(RkBooklet) booklet = rk_booklet_new ();
  RkCouncil *council = rk_store_get_council (store);
  GListModel *documents = rk_store_get_rule_documents (store);
  guint n = g_list_model_get_n_items (documents);
  static const RkBookletPartKind tail[] = {
    RK_BOOKLET_PART_HISTORY, RK_BOOKLET_PART_ROSTER, RK_BOOKLET_PART_SCHEDULE, RK_BOOKLET_PART_INDICATORS,
    RK_BOOKLET_PART_REVIEW,
  };

  if (n > 0)
    {
      g_autoptr(RkRuleDocument) first = g_list_model_get_item (documents, 0);

      booklet->title = g_strdup (rk_rule_document_get_title (first));
    }
  else
    /* Translators: the title proposed for a booklet when the council has no rule document yet; %s is the
     * council's name. */
    booklet->title = g_strdup_printf (_("%s Coordination Rules"), rk_council_get_name (council));
  booklet->publisher = g_strdup (rk_council_get_name (council));

  rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_CONTENTS, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkRuleDocument) document = g_list_model_get_item (documents, i);
      RkRuleVersion *version = rk_store_get_latest_rule_version (store, document);
      gint64 version_id, has_forms = 0;

      if (version == NULL)
        continue;
      version_id = rk_rule_version_get_id (version);
      rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, version_id);
      if (!rk_store_query_int64 (rk_store_get_db (store),
                                 "SELECT EXISTS (SELECT 1 FROM rule_section WHERE version_id = ?1 AND kind = ?2)",
                                 version_id, RK_RULE_SECTION_FORM, &has_forms, error))
        return NULL;
      if (has_forms)
        rk_booklet_add_part (booklet, RK_BOOKLET_PART_FORMS, version_id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
    rk_booklet_add_part (booklet, tail[i], 0);

  return g_steal_pointer (&booklet);
}

RkBooklet *
rk_store_get_booklet (RkStore  *store,
                      GError  **error)
{
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rk_store_check_open (store, error))
    return NULL;
  db = rk_store_get_db (store);
  stmt = rk_store_prepare (db, "SELECT id, title, edition, issue_date, publisher FROM booklet ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return propose_booklet (store, error);
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }

  booklet = rk_booklet_new ();
  booklet->id = sqlite3_column_int64 (stmt, 0);
  booklet->title = g_strdup (rk_store_column_text (stmt, 1));
  booklet->edition = g_strdup (rk_store_column_text (stmt, 2));
  booklet->issue_date = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL
                                                                      : g_strdup (rk_store_column_text (stmt, 3));
  booklet->publisher = g_strdup (rk_store_column_text (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!read_parts (db, booklet, error))
    return NULL;
  return g_steal_pointer (&booklet);
}

/* ---- Saving ------------------------------------------------------------------------------------------------ */

/* Inside the transaction: every rule part names a live version of a live document. */
static gboolean
check_versions (RkStore          *store,
                const RkBooklet  *booklet,
                GError          **error)
{
  for (guint i = 0; i < booklet->parts->len; i++)
    {
      const RkBookletPart *part = &g_array_index (booklet->parts, RkBookletPart, i);
      g_autofree char *name = NULL;
      gint64 live = 0;

      if (!rk_booklet_part_kind_has_version (part->kind))
        continue;
      if (!rk_store_query_int64 (rk_store_get_db (store), LIVE_VERSION_SQL, part->version_id, 0, &live, error))
        return FALSE;
      if (live > 0)
        continue;
      name = rk_store_dup_rule_version_name (store, part->version_id);
      if (name != NULL)
        g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                     /* Translators: %1$s a booklet part ("Rules"), %2$s a version ("“…ルール” 第2版"). */
                     _("The part “%1$s” names %2$s, which was deleted: choose another version."),
                     rk_booklet_part_kind_to_label (part->kind), name);
      else
        g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                     /* Translators: %s a booklet part ("Rules"). */
                     _("The part “%s” names a version of the rules that does not exist: choose another version."),
                     rk_booklet_part_kind_to_label (part->kind));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_booklet_row (sqlite3          *db,
                   const RkBooklet  *booklet,
                   gint64           *id,
                   GError          **error)
{
  g_autoptr(RkStmt) stmt = NULL;

  if (booklet->id > 0)
    stmt = rk_store_prepare (db, "UPDATE booklet SET title = ?1, edition = ?2, issue_date = ?3, publisher = ?4 "
                                 "WHERE id = ?5", error);
  else
    stmt = rk_store_prepare (db, "INSERT INTO booklet (title, edition, issue_date, publisher) "
                                 "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  rk_store_bind_text (stmt, 1, booklet->title);
  rk_store_bind_text (stmt, 2, booklet->edition);
  rk_store_bind_nullable_text (stmt, 3, booklet->issue_date);
  rk_store_bind_text (stmt, 4, booklet->publisher);
  if (booklet->id > 0)
    sqlite3_bind_int64 (stmt, 5, booklet->id);
  if (!rk_store_step_done (stmt, error))
    return FALSE;
  if (booklet->id > 0 && sqlite3_changes (db) == 0)
    {
      rk_store_set_not_found (error, booklet->title);
      return FALSE;
    }
  *id = booklet->id > 0 ? booklet->id : sqlite3_last_insert_rowid (db);
  return TRUE;
}

static gboolean
write_parts (sqlite3          *db,
             const RkBooklet  *booklet,
             gint64            id,
             GError          **error)
{
  g_autoptr(RkStmt) insert = NULL;

  if (!rk_store_exec_id (db, "DELETE FROM booklet_part WHERE booklet_id = ?1", id, NULL, NULL, error))
    return FALSE;
  insert = rk_store_prepare (db, "INSERT INTO booklet_part (booklet_id, position, part, version_id) "
                                 "VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < booklet->parts->len; i++)
    {
      const RkBookletPart *part = &g_array_index (booklet->parts, RkBookletPart, i);

      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int (insert, 2, (int) i);
      sqlite3_bind_int (insert, 3, part->kind);
      rk_store_bind_nullable_id (insert, 4, rk_booklet_part_kind_has_version (part->kind) ? part->version_id : 0);
      if (!rk_store_step_done (insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rk_store_save_booklet (RkStore    *store,
                       RkBooklet  *booklet,
                       GError    **error)
{
  g_autofree char *now = NULL;
  sqlite3 *db;
  gint64 id = 0;

  g_return_val_if_fail (RK_IS_STORE (store), FALSE);
  g_return_val_if_fail (booklet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rk_booklet_validate (booklet, error) || !rk_store_check_open (store, error))
    return FALSE;

  db = rk_store_get_db (store);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_versions (store, booklet, error) || !write_booklet_row (db, booklet, &id, error)
      || !write_parts (db, booklet, id, error) || !rk_store_touch_council (db, now, error)
      || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }

  booklet->id = id;
  return TRUE;
}

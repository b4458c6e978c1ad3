/* rk-store-private.h — shared between the files of the store module (rk-store*.c) only. */
#pragma once

#include <sqlite3.h>

#include "rk-member.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* g_autoptr for statements under a name of our own, so it never clashes with another module's cleanup function. */
typedef sqlite3_stmt RkStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkStmt, sqlite3_finalize)

/* The open database; valid until rk_store_close(). */
sqlite3   *rk_store_get_db          (RkStore     *self);

/* FALSE with a translated RK_STORE_ERROR_IO when the store was closed: edits need an open file. */
gboolean   rk_store_check_open      (RkStore     *self,
                                     GError     **error);

/* Prepares @sql (our own constant text); NULL with @error set from the database on failure. */
sqlite3_stmt *rk_store_prepare      (sqlite3     *db,
                                     const char  *sql,
                                     GError     **error);
/* Steps a statement that returns no rows; FALSE with @error set from the database otherwise. */
gboolean   rk_store_step_done       (sqlite3_stmt *stmt,
                                     GError      **error);
/* Binds @text, or "" for NULL (text columns are NOT NULL). */
void       rk_store_bind_text       (sqlite3_stmt *stmt,
                                     int           index,
                                     const char   *text);
/* The text of @column, or "" for NULL. */
const char *rk_store_column_text    (sqlite3_stmt *stmt,
                                     int           column);
/* Binds @text, or NULL for NULL or "" (optional text columns). */
void       rk_store_bind_nullable_text (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
/* Binds @id, or NULL for an id of 0 or less (optional references). */
void       rk_store_bind_nullable_id (sqlite3_stmt *stmt,
                                      int           index,
                                      gint64        id);
/* Runs @sql with ?1 = @a and (when it has one) ?2 = @b and reads the first column of the first row into @value (0
 * for no row or NULL). */
gboolean   rk_store_query_int64     (sqlite3      *db,
                                     const char   *sql,
                                     gint64        a,
                                     gint64        b,
                                     gint64       *value,
                                     GError      **error);

/* The local time as stored in *_at columns: "2025-04-01T09:30:00". */
char      *rk_store_now_text        (void);
/* Today's date. RK_TODAY=YYYY-MM-DD in the environment pins it (for tests, and to look at the demo as of another
 * day); otherwise the local date. */
void       rk_store_get_today       (GDate       *date);
/* Today as ISO text, "2025-04-01". */
char      *rk_store_today_text      (void);

/* Sets council.modified_at to @now (rk_store_now_text(), or the current time for NULL); inside the edit's
 * transaction. */
gboolean   rk_store_touch_council   (sqlite3     *db,
                                     const char  *now,
                                     GError     **error);
/* NOT_FOUND for an edit on a row that another edit removed meanwhile; @what names the row for the user. */
void       rk_store_set_not_found   (GError     **error,
                                     const char  *what);

/* Runs @sql (one or more statements, no parameters, our own constant text only) and turns a failure into a
 * GError in RK_STORE_ERROR with a translated message. */
gboolean   rk_store_exec            (sqlite3     *db,
                                     const char  *sql,
                                     GError     **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
gboolean   rk_store_begin           (sqlite3     *db,
                                     GError     **error);
gboolean   rk_store_commit          (sqlite3     *db,
                                     GError     **error);
void       rk_store_rollback        (sqlite3     *db);

/* Sets @error from the database's last error, mapping SQLITE_CORRUPT/NOTADB/READONLY/BUSY/FULL to RkStoreError. */
void       rk_store_set_error_from_db (sqlite3   *db,
                                       int        rc,
                                       GError   **error);

/* Mirrors a row's text into search_index (replacing what was there for kind/ref). Call inside the edit's
 * transaction. kind is the source table's name ("agenda_item", "action_item", "challenge", "attachment_page",
 * "rule_section", "meeting"). An attachment has one row per page: for "attachment_page", ref is the attachment's id
 * and the row replaced is the one with the same title (which names the page); rk_store_index_drop() drops every
 * page of the attachment. */
gboolean   rk_store_index_put       (sqlite3     *db,
                                     const char  *kind,
                                     gint64       ref,
                                     const char  *title,
                                     const char  *body,
                                     GError     **error);
gboolean   rk_store_index_drop      (sqlite3     *db,
                                     const char  *kind,
                                     gint64       ref,
                                     GError     **error);

/* Creates a database at @path (mode 0600, refusing an existing path), applies the settings DESIGN.md asks for and
 * schema version RK_STORE_SCHEMA_VERSION, and inserts the council row — without building an RkStore. The demo and
 * generator write through it and then fill tables with their own prepared statements in one transaction. */
sqlite3   *rk_store_create_db       (const char          *path,
                                     const RkCouncilInfo *info,
                                     GError             **error);
void       rk_store_close_db        (sqlite3             *db);

/* TRUE for a statfs() f_type of a network or FUSE file system (NFS, SMB/CIFS, sshfs, AFS, Ceph, 9P, …), where WAL
 * locking is unsafe. */
gboolean   rk_store_fs_type_is_network (gint64 f_type);

/* Text checks shared by the model objects' validation: NULL or only white space (including U+3000); valid UTF-8. */
gboolean   rk_store_text_is_blank   (const char *text);
gboolean   rk_store_text_is_valid   (const char *text);

/* Runs @sql, which takes ?1 = @id (and ?2 = @text when it has a second parameter) and changes rows, inside the
 * caller's transaction; fails with NOT_FOUND (naming @what) when none changed, unless @what is NULL. */
gboolean   rk_store_exec_id         (sqlite3             *db,
                                     const char          *sql,
                                     gint64               id,
                                     const char          *text,
                                     const char          *what,
                                     GError             **error);
/* A soft delete or restore of one row in its own transaction: rk_store_exec_id() with ?2 = the current time, and
 * the council's modified_at set to the same time. */
gboolean   rk_store_edit_row        (RkStore             *self,
                                     const char          *sql,
                                     gint64               id,
                                     const char          *what,
                                     GError             **error);

/* The store's GListStores hold live objects that views are bound to. rk_store_list_remove() drops @item and
 * rk_store_list_insert() puts it in its sorted place unless it is there already (both do nothing for a NULL list,
 * one not loaded yet). rk_store_item_changed() tells views that @item changed so they look at it again; with a
 * @compare, an item now out of order moves to its place. */
void       rk_store_list_remove     (GListStore          *list,
                                     gpointer             item);
void       rk_store_list_insert     (GListStore          *list,
                                     gpointer             item,
                                     GCompareDataFunc     compare);
void       rk_store_item_changed    (GListStore          *list,
                                     gpointer             item,
                                     GCompareDataFunc     compare);

/* The model objects are property bags that only the store writes, after the edit is committed. */
RkCouncil *rk_council_new_for_store (void);
void       rk_council_set_info      (RkCouncil           *self,
                                     const RkCouncilInfo *info);
RkBody    *rk_body_new_for_store    (gint64               id,
                                     const RkBodyInfo    *info,
                                     int                  position);
void       rk_body_set_info         (RkBody              *self,
                                     const RkBodyInfo    *info);
void       rk_body_set_position     (RkBody              *self,
                                     int                  position);

/* Members (rk-member.c). Dates in @info are ISO text, "" or NULL for none. */
RkMember  *rk_member_new_for_store  (gint64               id,
                                     const RkMemberInfo  *info);
void       rk_member_set_info       (RkMember            *self,
                                     const RkMemberInfo  *info);
/* The term was ended (rk_store_end_member_term) on the current term_end: "current" is FALSE while term_end stays
 * that date and the member holds no seat. */
void       rk_member_mark_ended     (RkMember            *self);
/* Every open seat (left_on unset), bodies in the bin included; "bodies" and the body ids are computed from those
 * in @bodies (the store's list), in its order. */
void       rk_member_set_seats      (RkMember            *self,
                                     const gint64        *body_ids,
                                     guint                n_body_ids,
                                     GListModel          *bodies);
/* Recomputes "bodies" after the council's bodies changed (renamed, removed, restored). */
void       rk_member_refresh_bodies (RkMember            *self,
                                     GListModel          *bodies);

G_END_DECLS

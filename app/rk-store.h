/* rk-store.h — a council file (*.renkei): one SQLite database holding one council's whole history.
 *
 * This module owns all SQL. Every edit is its own transaction, committed at once; deletions are soft (the row keeps a
 * deleted_at stamp) so that the window can offer undo, and are purged when the file closes. */
#pragma once

#include <gio/gio.h>

#include "rk-body.h"
#include "rk-council.h"

G_BEGIN_DECLS

#define RK_STORE_SCHEMA_VERSION 1
/* PRAGMA application_id: "RKEI". */
#define RK_STORE_APPLICATION_ID 0x524B4549
#define RK_STORE_MIME_TYPE      "application/x-renkei"
#define RK_STORE_SUFFIX         ".renkei"

#define RK_STORE_ERROR (rk_store_error_quark ())
GQuark rk_store_error_quark (void);

/* Every message is translated and says what the user can do. Nothing is ever written to a refused file. */
typedef enum {
  RK_STORE_ERROR_NOT_A_COUNCIL, /* not SQLite, a zeroed header, or another program's database */
  RK_STORE_ERROR_EMPTY,         /* a zero-length file */
  RK_STORE_ERROR_CORRUPT,       /* SQLITE_CORRUPT, truncated, or a failing quick_check */
  RK_STORE_ERROR_TOO_NEW,       /* user_version above RK_STORE_SCHEMA_VERSION */
  RK_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  RK_STORE_ERROR_IN_USE,        /* already open in this process, or locked by another */
  RK_STORE_ERROR_EXISTS,        /* create: the file is already there */
  RK_STORE_ERROR_IO,            /* any other failure of the disk or of SQLite */
  RK_STORE_ERROR_INVALID,       /* a value the user entered is not acceptable (empty name, …) */
  RK_STORE_ERROR_NOT_FOUND,     /* the row was deleted meanwhile */
} RkStoreError;

#define RK_TYPE_STORE (rk_store_get_type ())
G_DECLARE_FINAL_TYPE (RkStore, rk_store, RK, STORE, GObject)

/* Creates a new council file (mode 0600) with schema version RK_STORE_SCHEMA_VERSION. Refuses an existing path. */
RkStore     *rk_store_create          (const char          *path,
                                       const RkCouncilInfo *info,
                                       GError             **error);
/* Opens a council file, running forward migrations in one transaction. Refuses (never alters) a newer, damaged,
 * foreign, read-only or already-open file with the matching RkStoreError. */
RkStore     *rk_store_open            (const char          *path,
                                       GError             **error);
/* Checkpoints the WAL (TRUNCATE), purges soft-deleted rows, takes a rolling backup and closes the database.
 * Called by finalize too; calling it twice is harmless. */
gboolean     rk_store_close           (RkStore             *self,
                                       GError             **error);

const char  *rk_store_get_path        (RkStore             *self);
/* Non-NULL when the file sits on a network share (NFS, SMB, sshfs, …): a translated warning to show. */
const char  *rk_store_get_location_warning (RkStore        *self);

/* The live council object; edits go through rk_store_update_council(). */
RkCouncil   *rk_store_get_council     (RkStore             *self);
gboolean     rk_store_update_council  (RkStore             *self,
                                       const RkCouncilInfo *info,
                                       GError             **error);

/* A GListModel of RkBody in display order; it changes as bodies are added, removed or restored. */
GListModel  *rk_store_get_bodies      (RkStore             *self);
/* Returns a new reference (transfer full); the list holds its own. */
RkBody      *rk_store_add_body        (RkStore             *self,
                                       const RkBodyInfo    *info,
                                       GError             **error);
gboolean     rk_store_update_body     (RkStore             *self,
                                       RkBody              *body,
                                       const RkBodyInfo    *info,
                                       GError             **error);
/* Soft delete: the body leaves the list; rk_store_restore_body() brings it back (undo) with its memberships. */
gboolean     rk_store_remove_body     (RkStore             *self,
                                       RkBody              *body,
                                       GError             **error);
gboolean     rk_store_restore_body    (RkStore             *self,
                                       RkBody              *body,
                                       GError             **error);

/* "Save a copy…": a consistent copy through the SQLite online backup API, mode 0600. */
gboolean     rk_store_save_copy       (RkStore             *self,
                                       const char          *dest_path,
                                       GError             **error);
/* Rolling backups in $XDG_DATA_HOME/renkei/backups/<file-hash>/, newest kept, at most RK_STORE_BACKUPS_KEPT. */
#define RK_STORE_BACKUPS_KEPT 10
gboolean     rk_store_backup          (RkStore             *self,
                                       GError             **error);
char        *rk_store_get_backup_dir  (const char          *path);

/* What `renkei check` reports; never modifies the file (opened read-only, no migration). */
typedef struct {
  int      schema_version;     /* user_version */
  gboolean application_id_ok;
  gboolean quick_check_ok;
  char    *council_name;       /* NULL when it could not be read */
  gint64   row_counts[32];     /* per table, in rk_store_table_names() order */
} RkStoreReport;
void         rk_store_report_clear    (RkStoreReport       *report);
gboolean     rk_store_check           (const char          *path,
                                       RkStoreReport       *report,
                                       GError             **error);
/* NULL-terminated names of the schema's tables, for reports and tests. */
const char *const *rk_store_table_names (void);

/* Writes the demo council (みなと市, realistic Japanese content) to a new file at @path. */
gboolean     rk_store_write_demo      (const char          *path,
                                       GError             **error);
/* Writes a synthetic council spanning @years fiscal years, every table filled, deterministic for a @seed. */
gboolean     rk_store_write_generated (const char          *path,
                                       guint                years,
                                       guint32              seed,
                                       GError             **error);

/* For tests of the migration framework only: replaces the migration list (index i migrates version i + 1 → i + 2,
 * so @target_version is @n_migrations + 1). @migrations NULL restores the built-in list. */
typedef gboolean (*RkStoreMigration) (gpointer db, GError **error);
void         rk_store_set_migrations_for_testing (const RkStoreMigration *migrations,
                                                  guint                   n_migrations,
                                                  int                     target_version);

G_END_DECLS

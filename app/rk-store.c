/* rk-store.c — a council file (*.renkei): opening, refusing, migrating, backing up and editing it.
 *
 * The order of things on open matters: everything that can refuse a file is decided from its first bytes and from a
 * read-only SQLite connection before the file is opened for writing, so a refused file is never touched (not even
 * by a checkpoint when a connection closes). */

#include "rk-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "rk-era.h"
#include "rk-store-schema.h"

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_MAGIC    "SQLite format 3"

struct _RkStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;             /* canonical; the key of open_stores */
  /* Holds flock(LOCK_EX) against other processes. It stays open until after sqlite3_close(): closing any fd of the
   * file would drop the POSIX locks SQLite holds on it. */
  int         lock_fd;
  gboolean    registered;
  gboolean    opened;           /* fully opened: close() may purge, back up and checkpoint */

  RkCouncil  *council;
  GListStore *bodies;
  char       *location_warning;
};

G_DEFINE_FINAL_TYPE (RkStore, rk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-store-error-quark, rk_store_error)

/* Files open in this process, canonical path → RkStore. A second open of the same file would take SQLite's locks
 * through a second fd; closing either would silently drop the other's locks. */
G_LOCK_DEFINE_STATIC (open_stores);
static GHashTable *open_stores;

/* Forward migrations: rk_store_migrations[i] turns a version i + 1 file into version i + 2. A new schema version
 * appends its function here and raises RK_STORE_SCHEMA_VERSION. The trailing NULL only keeps the array non-empty. */
static const RkStoreMigration rk_store_migrations[] = {
  NULL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (rk_store_migrations) - 1 == RK_STORE_SCHEMA_VERSION - 1);

static const RkStoreMigration *migrations = rk_store_migrations;
static guint migrations_len = G_N_ELEMENTS (rk_store_migrations) - 1;
static int target_version = RK_STORE_SCHEMA_VERSION;

/* search_index rows get a rowid derived from (kind, ref), so replacing or dropping a row is a rowid lookup rather
 * than a scan of the whole index. Attachment pages share their attachment's ref: each has a slot of its own. */
typedef struct {
  const char *kind;
  const char *table;
  gint64      code;
} IndexKind;

static const IndexKind index_kinds[] = {
  { "meeting", "meeting", 1 },
  { "agenda_item", "agenda_item", 2 },
  { "action_item", "action_item", 3 },
  { "challenge", "challenge", 4 },
  { "attachment_page", "attachment", 5 },
  { "rule_section", "rule_section", 6 },
};

#define INDEX_KIND_SHIFT 56
#define INDEX_PAGE_BITS  16


/* ------------------------------------------------------------------------------------------------------------ */
/* Errors */

/* The sentence that tells where to restore @path from: only a folder that holds backups is worth naming. */
static char *
backup_advice (const char *path)
{
  g_autofree char *dir = rk_store_get_backup_dir (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *display = g_filename_display_name (dir);

  if (listing != NULL && g_dir_read_name (listing) != NULL)
    return g_strdup_printf (_("Restore a recent copy from the backups in “%s”."), display);
  return g_strdup (_("Renkei has no backup of it on this computer; restore it from your own copies."));
}

/* The refusals that depend only on the kind of problem and the file. */
static void
set_file_error (GError       **error,
                RkStoreError   code,
                const char    *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *backups = NULL;

  switch (code)
    {
    case RK_STORE_ERROR_NOT_A_COUNCIL:
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” is not a Renkei council file. Open a .renkei file that Renkei created."), name);
      break;
    case RK_STORE_ERROR_EMPTY:
      backups = backup_advice (path);
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” is empty (zero bytes), so it holds no council. %s"), name, backups);
      break;
    case RK_STORE_ERROR_CORRUPT:
      backups = backup_advice (path);
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” is damaged and cannot be opened. %s"), name, backups);
      break;
    case RK_STORE_ERROR_TOO_NEW:
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” was made by a newer version of Renkei; update Renkei to open it. The file has not been "
                     "changed."), name);
      break;
    case RK_STORE_ERROR_READ_ONLY:
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” cannot be changed because the file or its folder is read-only. Renkei saves every edit "
                     "at once: allow writing to it, or copy it to a folder of yours and open the copy."), name);
      break;
    case RK_STORE_ERROR_EXISTS:
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” already exists. Choose another name for the new council."), name);
      break;
    case RK_STORE_ERROR_IN_USE:
      g_set_error (error, RK_STORE_ERROR, code,
                   _("“%s” is open in another program, perhaps Renkei on this or another computer. Close it there "
                     "and try again."), name);
      break;
    case RK_STORE_ERROR_IO:
    case RK_STORE_ERROR_INVALID:
    case RK_STORE_ERROR_NOT_FOUND:
    default:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("Could not read or write “%s”. Check the disk and try again."), name);
      break;
    }
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      set_file_error (error, RK_STORE_ERROR_READ_ONLY, path);
      break;
    case ENOENT:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("“%s” does not exist (any more). It may have been moved, renamed or deleted."), name);
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("The disk is full: could not write “%s”. Free some space and try again."), name);
      break;
    default:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("Could not read or write “%s”: %s."), name, g_strerror (saved_errno));
      break;
    }
}

void
rk_store_set_error_from_db (sqlite3  *db,
                            int       rc,
                            GError  **error)
{
  const char *path = db != NULL ? sqlite3_db_filename (db, "main") : NULL;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *name = NULL;

  if (path == NULL || *path == '\0')
    path = "council.renkei";
  name = g_filename_display_basename (path);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      set_file_error (error, RK_STORE_ERROR_CORRUPT, path);
      break;
    case SQLITE_NOTADB:
      set_file_error (error, RK_STORE_ERROR_NOT_A_COUNCIL, path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      set_file_error (error, RK_STORE_ERROR_READ_ONLY, path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE,
                   _("“%s” is being changed by another program. Try again in a moment."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("The disk is full: could not save to “%s”. Free some space and try again."), name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("The change was refused because a value is not acceptable (%s)."), detail);
      break;
    default:
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("Could not read or write “%s” (%s). Check the disk and try again."), name, detail);
      break;
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SQL helpers */

gboolean
rk_store_exec (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_store_begin (sqlite3  *db,
                GError  **error)
{
  return rk_store_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
rk_store_commit (sqlite3  *db,
                 GError  **error)
{
  return rk_store_exec (db, "COMMIT", error);
}

void
rk_store_rollback (sqlite3 *db)
{
  if (db != NULL && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
rk_store_prepare (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (db, sql, -1, 0, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
rk_store_step_done (sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (sqlite3_db_handle (stmt), rc, error);
      return FALSE;
    }
  return TRUE;
}

void
rk_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

const char *
rk_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

void
rk_store_bind_nullable_text (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
rk_store_bind_nullable_id (sqlite3_stmt *stmt,
                           int           index,
                           gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
rk_store_query_int64 (sqlite3     *db,
                      const char  *sql,
                      gint64       a,
                      gint64       b,
                      gint64      *value,
                      GError     **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Reads one integer PRAGMA (application_id, user_version). */
static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            gint64      *value,
            GError     **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

char *
rk_store_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

void
rk_store_get_today (GDate *date)
{
  rk_era_get_today (date);
}

char *
rk_store_today_text (void)
{
  GDate today;

  rk_store_get_today (&today);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&today), g_date_get_month (&today),
                          g_date_get_day (&today));
}

/* Settings of every connection, read-only or not. */
static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* A file is untrusted input: no schema-defined functions or virtual tables in triggers and views, and no
   * writable_schema or shadow-table tricks. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  return rk_store_exec (db, "PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON;", error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Paths, locks and the file's first bytes */

static char *
canonical_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *real;

  real = realpath (absolute, NULL);
  if (real != NULL)
    {
      char *result = g_strdup (real);
      free (real);
      return result;
    }
  /* Not there yet (create, save a copy): resolve its folder. */
  dir = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  real = realpath (dir, NULL);
  if (real != NULL)
    {
      char *result = g_build_filename (real, base, NULL);
      free (real);
      return result;
    }
  return g_steal_pointer (&absolute);
}

static RkStore *
lookup_open_store_unlocked (const char *canonical)
{
  return open_stores != NULL ? g_hash_table_lookup (open_stores, canonical) : NULL;
}

static void
set_open_here_error (GError     **error,
                     const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE,
               _("“%s” is already open in Renkei. Switch to its window."), name);
}

static gboolean
register_store (RkStore  *self,
                GError  **error)
{
  gboolean ok = FALSE;

  G_LOCK (open_stores);
  if (open_stores == NULL)
    open_stores = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_contains (open_stores, self->path))
    {
      g_hash_table_insert (open_stores, self->path, self);
      self->registered = ok = TRUE;
    }
  G_UNLOCK (open_stores);

  if (!ok)
    set_open_here_error (error, self->path);
  return ok;
}

static void
unregister_store (RkStore *self)
{
  if (!self->registered)
    return;
  G_LOCK (open_stores);
  g_hash_table_remove (open_stores, self->path);
  G_UNLOCK (open_stores);
  self->registered = FALSE;
}

static gboolean
is_open_in_process (const char *canonical)
{
  gboolean found;

  G_LOCK (open_stores);
  found = lookup_open_store_unlocked (canonical) != NULL;
  G_UNLOCK (open_stores);
  return found;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | (guint32) p[3];
}

static gboolean
wal_has_data (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* What the first 100 bytes (the SQLite header) tell, without letting SQLite near the file. Fills @report with what
 * it learns even when it refuses. */
static gboolean
check_header (int             fd,
              const char     *path,
              RkStoreReport  *report,
              GError        **error)
{
  guint8 header[100];
  struct stat st;
  ssize_t n;
  guint32 page_size, n_pages, user_version;
  gboolean recent_wal;

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_file_error (error, RK_STORE_ERROR_NOT_A_COUNCIL, path);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      set_file_error (error, RK_STORE_ERROR_EMPTY, path);
      return FALSE;
    }

  do
    n = pread (fd, header, sizeof header, 0);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (n < (ssize_t) sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      /* A blank first block in a file the size of whole database pages is a damaged database, not a stranger. */
      gboolean blank = n == (ssize_t) sizeof header && st.st_size >= 1024 && st.st_size % 512 == 0;

      for (guint i = 0; blank && i < sizeof header; i++)
        blank = header[i] == 0;
      set_file_error (error, blank ? RK_STORE_ERROR_CORRUPT : RK_STORE_ERROR_NOT_A_COUNCIL, path);
      return FALSE;
    }

  user_version = read_be32 (header + 60);
  if (report != NULL)
    {
      report->schema_version = (int) MIN (user_version, (guint32) G_MAXINT);
      report->application_id_ok = read_be32 (header + 68) == RK_STORE_APPLICATION_ID;
    }
  if (read_be32 (header + 68) != RK_STORE_APPLICATION_ID)
    {
      set_file_error (error, RK_STORE_ERROR_NOT_A_COUNCIL, path);
      return FALSE;
    }
  /* The version only ever grows, so a newer one is refused even if the WAL holds a later header. */
  if (user_version > (guint32) target_version)
    {
      set_file_error (error, RK_STORE_ERROR_TOO_NEW, path);
      return FALSE;
    }

  /* A council is created whole (in rollback mode) before it is switched to WAL, so its header on disk is never
   * older than its creation; only when the WAL holds pages may the file's own size and header disagree. */
  recent_wal = wal_has_data (path);
  if (user_version < 1 && !recent_wal)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, path);
      return FALSE;
    }
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, path);
      return FALSE;
    }
  n_pages = read_be32 (header + 28);
  /* The in-header page count is valid only when the change counter matches "version-valid-for". */
  if (!recent_wal && n_pages > 0 && read_be32 (header + 24) == read_be32 (header + 92)
      && (guint64) st.st_size < (guint64) n_pages * page_size)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, path);
      return FALSE;
    }
  return TRUE;
}

/* access() says yes to root for anything, so a file with no write bit for anyone is refused as well: its owner
 * meant it to stay as it is. */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st, dst;

  if (g_stat (path, &st) != 0 || g_stat (dir, &dst) != 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  if (access (path, W_OK) != 0 || access (dir, W_OK) != 0
      || (st.st_mode & 0222) == 0 || (dst.st_mode & 0222) == 0)
    {
      set_file_error (error, RK_STORE_ERROR_READ_ONLY, path);
      return FALSE;
    }
  return TRUE;
}

static int
open_for_reading (const char  *path,
                  GError     **error)
{
  int fd;

  /* O_NONBLOCK: a FIFO given as a council must be refused, not wait forever for a writer. */
  do
    fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (path);

      if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                     _("“%s” cannot be read: permission denied. Ask its owner to share it with you."), name);
      else
        set_errno_error (error, saved_errno, path);
    }
  return fd;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Verification on a read-only connection, shared by open and check */

static gboolean
quick_check (sqlite3  *db,
             gboolean *ok,
             GError  **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "PRAGMA quick_check", error);
  int rc, rows = 0;

  *ok = FALSE;
  if (stmt == NULL)
    return FALSE;
  *ok = TRUE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (rows++ > 0 || g_strcmp0 (line, "ok") != 0)
        *ok = FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      *ok = FALSE;
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  if (rows == 0)
    *ok = FALSE;
  return TRUE;
}

static void
fill_report (sqlite3       *db,
             RkStoreReport *report)
{
  g_autoptr(RkStmt) name = rk_store_prepare (db, "SELECT name FROM council WHERE id = 1", NULL);

  if (name != NULL && sqlite3_step (name) == SQLITE_ROW)
    report->council_name = g_strdup ((const char *) sqlite3_column_text (name, 0));

  for (guint i = 0; rk_store_schema_tables[i] != NULL && i < G_N_ELEMENTS (report->row_counts); i++)
    {
      /* Table names are our own constants, never user text. */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", rk_store_schema_tables[i]);
      g_autoptr(RkStmt) count = rk_store_prepare (db, sql, NULL);

      report->row_counts[i] = count != NULL && sqlite3_step (count) == SQLITE_ROW
                              ? sqlite3_column_int64 (count, 0) : -1;
    }
}

/* Decides on a read-only connection whether the file may be opened: nothing is written, not even a checkpoint. */
static gboolean
verify_database (const char     *path,
                 RkStoreReport  *report,
                 GError        **error)
{
  sqlite3 *db = NULL;
  gint64 application_id = 0, user_version = 0;
  gboolean sound = FALSE;
  int rc;

  /* A read-only connection to a WAL file still creates -wal and -shm beside it and leaves them there. When the WAL
   * holds nothing the file alone is the whole council, so it is read as immutable: no locks, nothing created. */
  if (wal_has_data (path))
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  else
    {
      g_autofree char *escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, NULL);
    }
  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (db, rc, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);

  if (!pragma_int (db, "PRAGMA application_id", &application_id, error)
      || !pragma_int (db, "PRAGMA user_version", &user_version, error))
    goto out;
  if (report != NULL)
    {
      report->application_id_ok = application_id == RK_STORE_APPLICATION_ID;
      report->schema_version = (int) CLAMP (user_version, G_MININT, G_MAXINT);
    }
  if (application_id != RK_STORE_APPLICATION_ID)
    {
      set_file_error (error, RK_STORE_ERROR_NOT_A_COUNCIL, path);
      goto out;
    }
  if (user_version > target_version)
    {
      set_file_error (error, RK_STORE_ERROR_TOO_NEW, path);
      goto out;
    }
  if (user_version < 1)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, path);
      goto out;
    }

  if (!quick_check (db, &sound, error))
    goto out;
  if (report != NULL)
    report->quick_check_ok = sound;
  if (!sound)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, path);
      goto out;
    }
  if (report != NULL)
    fill_report (db, report);

out:
  sqlite3_close_v2 (db);
  return sound;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Creation */

static void
unlink_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
insert_council (sqlite3              *db,
                const RkCouncilInfo  *info,
                GError              **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(RkStmt) meta = NULL;
  g_autofree char *now = rk_store_now_text ();

  stmt = rk_store_prepare (db,
                           "INSERT INTO council (id, name, municipality, prefecture, fiscal_year, setup, notes, "
                           "created_at, modified_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  rk_store_bind_text (stmt, 1, info->name);
  rk_store_bind_text (stmt, 2, info->municipality);
  rk_store_bind_text (stmt, 3, info->prefecture);
  sqlite3_bind_int (stmt, 4, info->fiscal_year);
  sqlite3_bind_int (stmt, 5, info->setup);
  rk_store_bind_text (stmt, 6, info->notes);
  rk_store_bind_text (stmt, 7, now);
  if (!rk_store_step_done (stmt, error))
    return FALSE;

  meta = rk_store_prepare (db, "INSERT INTO meta (key, value) VALUES ('created_by', ?1)", error);
  if (meta == NULL)
    return FALSE;
  rk_store_bind_text (meta, 1, "Renkei " RK_VERSION);
  return rk_store_step_done (meta, error);
}

/* Creates the file with O_EXCL and mode 0600 before SQLite sees it, so it never exists with looser permissions.
 * When @lock_fd is NULL the creating fd is closed at once (before SQLite opens the file, so no lock is lost). */
static sqlite3 *
create_database (const char           *path,
                 const RkCouncilInfo  *info,
                 int                  *lock_fd,
                 GError              **error)
{
  sqlite3 *db = NULL;
  g_autofree char *header_sql = NULL;
  int fd, rc;

  if (!rk_council_info_validate (info, error))
    return NULL;

  do
    fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW, 0600);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      if (errno == EEXIST)
        set_file_error (error, RK_STORE_ERROR_EXISTS, path);
      else
        set_errno_error (error, errno, path);
      return NULL;
    }
  /* The umask may have taken bits away, never added; still, say exactly what is meant. */
  if (fchmod (fd, 0600) != 0 || (lock_fd != NULL && flock (fd, LOCK_EX | LOCK_NB) != 0))
    {
      set_errno_error (error, errno, path);
      close (fd);
      g_unlink (path);
      return NULL;
    }
  if (lock_fd == NULL)
    close (fd);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }
  if (!configure_connection (db, error) || !rk_store_exec (db, "PRAGMA synchronous = FULL", error))
    goto fail;

  /* Created whole in rollback mode, so the file on disk holds its header and schema even if Renkei stops before
   * the first checkpoint; only then switched to WAL. */
  header_sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                RK_STORE_APPLICATION_ID, RK_STORE_SCHEMA_VERSION);
  if (!rk_store_begin (db, error))
    goto fail;
  if (!rk_store_exec (db, header_sql, error)
      || !rk_store_exec (db, rk_store_schema_v1, error)
      || !insert_council (db, info, error)
      || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      goto fail;
    }
  if (!rk_store_exec (db, "PRAGMA journal_mode = WAL", error))
    goto fail;

  if (lock_fd != NULL)
    *lock_fd = fd;
  return db;

fail:
  sqlite3_close_v2 (db);
  unlink_database (path);
  if (lock_fd != NULL)
    close (fd);
  return NULL;
}

sqlite3 *
rk_store_create_db (const char           *path,
                    const RkCouncilInfo  *info,
                    GError              **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  canonical = canonical_path (path);
  return create_database (canonical, info, NULL, error);
}

void
rk_store_close_db (sqlite3 *db)
{
  if (db == NULL)
    return;
  /* Hand over one file: the last connection's close also removes the emptied WAL. */
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Network shares */

gboolean
rk_store_fs_type_is_network (gint64 f_type)
{
  /* statfs() magic numbers (linux/magic.h and the file systems' own headers). */
  static const guint32 network[] = {
    0x6969,      /* NFS */
    0x517B,      /* SMB */
    0xFE534D42,  /* SMB2 */
    0xFF534D42,  /* CIFS */
    0x65735546,  /* FUSE: sshfs, rclone, … */
    0x5346414F,  /* AFS (OpenAFS) */
    0x6B414653,  /* AFS (kAFS) */
    0x00C36400,  /* Ceph */
    0x01021997,  /* 9P (v9fs) */
    0x73757245,  /* Coda */
    0x564C,      /* NCP */
    0x0BD00BD0,  /* Lustre */
    0x01161970,  /* GFS2 */
    0x7461636F,  /* OCFS2 */
    0x20030528,  /* OrangeFS / PVFS2 */
    0x47504653,  /* GPFS */
  };
  guint32 type = (guint32) (f_type & 0xFFFFFFFF);

  for (guint i = 0; i < G_N_ELEMENTS (network); i++)
    if (network[i] == type)
      return TRUE;
  return FALSE;
}

static char *
location_warning (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = NULL;
  struct statfs sfs;

  if (statfs (dir, &sfs) != 0 || !rk_store_fs_type_is_network ((gint64) sfs.f_type))
    return NULL;
  name = g_filename_display_basename (path);
  return g_strdup_printf (_("“%s” is on a network share, where its edits are not safe from another computer’s. "
                            "Copy it to a folder on this computer and work on the copy."), name);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The object */

static void
teardown (RkStore *self)
{
  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        {
          g_critical ("A statement of %s was left unfinalized", self->path);
          sqlite3_close_v2 (self->db);
        }
      self->db = NULL;
    }
  /* Only after SQLite has let go of the file: see lock_fd. */
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
  unregister_store (self);
  self->opened = FALSE;
}

static void
rk_store_finalize (GObject *object)
{
  RkStore *self = RK_STORE (object);

  if (self->opened)
    {
      g_autoptr(GError) error = NULL;

      if (!rk_store_close (self, &error))
        g_warning ("Closing %s: %s", self->path, error->message);
    }
  teardown (self);

  g_clear_object (&self->council);
  g_clear_object (&self->bodies);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->location_warning, g_free);

  G_OBJECT_CLASS (rk_store_parent_class)->finalize (object);
}

static void
rk_store_class_init (RkStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_store_finalize;
}

static void
rk_store_init (RkStore *self)
{
  self->lock_fd = -1;
  self->council = rk_council_new_for_store ();
  self->bodies = g_list_store_new (RK_TYPE_BODY);
}

static gboolean
load (RkStore  *self,
      GError  **error)
{
  g_autoptr(RkStmt) council = NULL;
  g_autoptr(RkStmt) bodies = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  RkCouncilInfo info;
  int rc;

  council = rk_store_prepare (self->db,
                              "SELECT name, municipality, prefecture, fiscal_year, setup, notes FROM council "
                              "WHERE id = 1", error);
  if (council == NULL)
    return FALSE;
  rc = sqlite3_step (council);
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }
  info.name = (const char *) sqlite3_column_text (council, 0);
  info.municipality = (const char *) sqlite3_column_text (council, 1);
  info.prefecture = (const char *) sqlite3_column_text (council, 2);
  info.fiscal_year = sqlite3_column_int (council, 3);
  info.setup = (RkSetupKind) CLAMP (sqlite3_column_int (council, 4), RK_SETUP_EXISTING, RK_SETUP_BOTH);
  info.notes = (const char *) sqlite3_column_text (council, 5);
  rk_council_set_info (self->council, &info);

  bodies = rk_store_prepare (self->db,
                             "SELECT id, name, tier, tier_label, purpose, position FROM body "
                             "WHERE deleted_at IS NULL ORDER BY position, id", error);
  if (bodies == NULL)
    return FALSE;
  while ((rc = sqlite3_step (bodies)) == SQLITE_ROW)
    {
      RkBodyInfo body = {
        .name = (const char *) sqlite3_column_text (bodies, 1),
        .tier = (RkTier) CLAMP (sqlite3_column_int (bodies, 2), RK_TIER_CORE, RK_TIER_OTHER),
        .tier_label = (const char *) sqlite3_column_text (bodies, 3),
        .purpose = (const char *) sqlite3_column_text (bodies, 4),
      };

      g_ptr_array_add (items, rk_body_new_for_store (sqlite3_column_int64 (bodies, 0), &body,
                                                     sqlite3_column_int (bodies, 5)));
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (self->db, rc, error);
      return FALSE;
    }
  g_list_store_splice (self->bodies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bodies)),
                       items->pdata, items->len);
  return TRUE;
}

/* Runs the forward migrations from the file's version to target_version in one transaction: all or nothing. */
static gboolean
migrate (RkStore  *self,
         GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *name = NULL;
  g_autoptr(RkStmt) fk_check = NULL;
  gint64 version = 0;

  if (!pragma_int (self->db, "PRAGMA user_version", &version, error))
    return FALSE;
  if (version >= target_version)
    return TRUE;

  /* Table rebuilds (SQLite's twelve steps) need foreign keys off; they are checked as a whole before commit. */
  if (!rk_store_exec (self->db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!rk_store_begin (self->db, error))
    goto fail;
  for (gint64 v = version; v < target_version; v++)
    {
      RkStoreMigration migration = v - 1 < (gint64) migrations_len ? migrations[v - 1] : NULL;

      if (migration == NULL || !migration (self->db, error))
        {
          if (migration == NULL)
            set_file_error (error, RK_STORE_ERROR_IO, self->path);
          goto fail;
        }
    }
  fk_check = rk_store_prepare (self->db, "PRAGMA foreign_key_check", error);
  if (fk_check == NULL)
    goto fail;
  if (sqlite3_step (fk_check) != SQLITE_DONE)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, self->path);
      goto fail;
    }
  g_clear_pointer (&fk_check, sqlite3_finalize);
  set_version = g_strdup_printf ("PRAGMA user_version = %d", target_version);
  if (!rk_store_exec (self->db, set_version, error) || !rk_store_commit (self->db, error))
    goto fail;
  return rk_store_exec (self->db, "PRAGMA foreign_keys = ON", error);

fail:
  g_clear_pointer (&fk_check, sqlite3_finalize);
  rk_store_rollback (self->db);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  name = g_filename_display_basename (self->path);
  g_prefix_error (error, _("Could not update “%s” for this version of Renkei; the file was left as it was. "), name);
  return FALSE;
}

RkStore *
rk_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(RkStore) self = NULL;
  g_autoptr(GError) backup_error = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RK_TYPE_STORE, NULL);
  self->path = canonical_path (path);

  /* First, before any fd of ours could drop the locks of the connection already open. */
  if (is_open_in_process (self->path))
    {
      set_open_here_error (error, self->path);
      return NULL;
    }

  self->lock_fd = open_for_reading (self->path, error);
  if (self->lock_fd < 0)
    return NULL;
  if (!check_header (self->lock_fd, self->path, NULL, error) || !check_writable (self->path, error))
    return NULL;
  if (flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno == EWOULDBLOCK)
        set_file_error (error, RK_STORE_ERROR_IN_USE, self->path);
      else
        set_errno_error (error, errno, self->path);
      return NULL;
    }
  if (!register_store (self, error))
    return NULL;

  if (!verify_database (self->path, NULL, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (self->db, rc, error);
      return NULL;
    }
  if (!configure_connection (self->db, error))
    return NULL;

  /* The file as it was before this session's edits (and before any migration), for the user to go back to. */
  if (!rk_store_backup (self, &backup_error))
    g_warning ("No backup of %s on opening: %s", self->path, backup_error->message);

  if (!rk_store_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error)
      || !migrate (self, error)
      || !load (self, error))
    return NULL;

  self->location_warning = location_warning (self->path);
  self->opened = TRUE;
  return g_steal_pointer (&self);
}

RkStore *
rk_store_create (const char           *path,
                 const RkCouncilInfo  *info,
                 GError              **error)
{
  g_autoptr(RkStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rk_council_info_validate (info, error))
    return NULL;

  self = g_object_new (RK_TYPE_STORE, NULL);
  self->path = canonical_path (path);
  if (is_open_in_process (self->path))
    {
      set_file_error (error, RK_STORE_ERROR_EXISTS, self->path);
      return NULL;
    }
  self->db = create_database (self->path, info, &self->lock_fd, error);
  if (self->db == NULL)
    return NULL;
  if (!register_store (self, error)
      || !rk_store_exec (self->db, "PRAGMA synchronous = FULL", error)
      || !load (self, error))
    {
      teardown (self);
      unlink_database (self->path);
      return NULL;
    }
  self->location_warning = location_warning (self->path);
  self->opened = TRUE;
  return g_steal_pointer (&self);
}

/* Soft-deleted rows become final when the file closes: their children go by ON DELETE CASCADE, and so do the
 * search_index rows of everything that went. */
static gboolean
purge_deleted (RkStore  *self,
               GError  **error)
{
  sqlite3_int64 before;

  if (!rk_store_begin (self->db, error))
    return FALSE;
  before = sqlite3_total_changes64 (self->db);
  for (guint i = 0; rk_store_schema_soft_delete_tables[i] != NULL; i++)
    {
      /* Table names are our own constants, never user text. */
      g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE deleted_at IS NOT NULL",
                                              rk_store_schema_soft_delete_tables[i]);
      if (!rk_store_exec (self->db, sql, error))
        goto fail;
    }
  if (sqlite3_total_changes64 (self->db) != before)
    for (guint i = 0; i < G_N_ELEMENTS (index_kinds); i++)
      {
        g_autofree char *sql = g_strdup_printf ("DELETE FROM search_index WHERE rowid BETWEEN ?1 AND ?2 "
                                                "AND ref NOT IN (SELECT id FROM \"%s\")", index_kinds[i].table);
        g_autoptr(RkStmt) stmt = rk_store_prepare (self->db, sql, error);

        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, index_kinds[i].code << INDEX_KIND_SHIFT);
        sqlite3_bind_int64 (stmt, 2, (index_kinds[i].code << INDEX_KIND_SHIFT) | ((G_GINT64_CONSTANT (1) << INDEX_KIND_SHIFT) - 1));
        if (!rk_store_step_done (stmt, error))
          goto fail;
      }
  return rk_store_commit (self->db, error);

fail:
  rk_store_rollback (self->db);
  return FALSE;
}

gboolean
rk_store_close (RkStore  *self,
                GError  **error)
{
  g_autoptr(GError) purge_error = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autoptr(GError) checkpoint_error = NULL;
  GError **first;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);

  if (!self->opened)
    return TRUE;

  /* Each step is worth doing even when an earlier one failed; the first failure is reported. */
  purge_deleted (self, &purge_error);
  rk_store_backup (self, &backup_error);
  rk_store_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", &checkpoint_error);
  teardown (self);

  first = purge_error != NULL ? &purge_error : backup_error != NULL ? &backup_error : &checkpoint_error;
  if (*first != NULL)
    {
      g_propagate_error (error, g_steal_pointer (first));
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
rk_store_get_db (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  return self->db;
}

const char *
rk_store_get_path (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  return self->path;
}

const char *
rk_store_get_location_warning (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  return self->location_warning;
}

RkCouncil *
rk_store_get_council (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  return self->council;
}

GListModel *
rk_store_get_bodies (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->bodies);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Edits: each validated, then written in its own transaction, then shown */

gboolean
rk_store_check_open (RkStore  *self,
                     GError  **error)
{
  if (self->db != NULL)
    return TRUE;
  g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                       _("The council file is closed; open it again to make changes."));
  return FALSE;
}

gboolean
rk_store_touch_council (sqlite3     *db,
                        const char  *now,
                        GError     **error)
{
  g_autofree char *own_now = now == NULL ? rk_store_now_text () : NULL;
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "UPDATE council SET modified_at = ?1 WHERE id = 1", error);

  if (stmt == NULL)
    return FALSE;
  rk_store_bind_text (stmt, 1, now != NULL ? now : own_now);
  return rk_store_step_done (stmt, error);
}

void
rk_store_set_not_found (GError     **error,
                        const char  *what)
{
  g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND,
               _("“%s” is no longer in this council; it may have been removed meanwhile."), what);
}

gboolean
rk_store_update_council (RkStore              *self,
                         const RkCouncilInfo  *info,
                         GError              **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_check_open (self, error) || !rk_council_info_validate (info, error))
    return FALSE;

  now = rk_store_now_text ();
  if (!rk_store_begin (self->db, error))
    return FALSE;
  stmt = rk_store_prepare (self->db,
                           "UPDATE council SET name = ?1, municipality = ?2, prefecture = ?3, fiscal_year = ?4, "
                           "setup = ?5, notes = ?6, modified_at = ?7 WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_text (stmt, 1, info->name);
  rk_store_bind_text (stmt, 2, info->municipality);
  rk_store_bind_text (stmt, 3, info->prefecture);
  sqlite3_bind_int (stmt, 4, info->fiscal_year);
  sqlite3_bind_int (stmt, 5, info->setup);
  rk_store_bind_text (stmt, 6, info->notes);
  rk_store_bind_text (stmt, 7, now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      set_file_error (error, RK_STORE_ERROR_CORRUPT, self->path);
      goto fail;
    }
  if (!rk_store_commit (self->db, error))
    goto fail;

  rk_council_set_info (self->council, info);
  return TRUE;

fail:
  rk_store_rollback (self->db);
  return FALSE;
}

static int
compare_body_position (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  int pa = rk_body_get_position ((RkBody *) a);
  int pb = rk_body_get_position ((RkBody *) b);
  gint64 ia = rk_body_get_id ((RkBody *) a);
  gint64 ib = rk_body_get_id ((RkBody *) b);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

RkBody *
rk_store_add_body (RkStore           *self,
                   const RkBodyInfo  *info,
                   GError           **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkBody *body;
  gint64 id;
  int position;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_store_check_open (self, error) || !rk_body_info_validate (info, error))
    return NULL;

  now = rk_store_now_text ();
  if (!rk_store_begin (self->db, error))
    return NULL;
  /* Positions count soft-deleted bodies too, so a restored body never shares its place. */
  stmt = rk_store_prepare (self->db,
                           "INSERT INTO body (name, tier, tier_label, purpose, position) "
                           "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM body)) "
                           "RETURNING id, position", error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_text (stmt, 1, info->name);
  sqlite3_bind_int (stmt, 2, info->tier);
  rk_store_bind_text (stmt, 3, info->tier == RK_TIER_OTHER ? info->tier_label : "");
  rk_store_bind_text (stmt, 4, info->purpose);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rk_store_set_error_from_db (self->db, sqlite3_errcode (self->db), error);
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  position = sqlite3_column_int (stmt, 1);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (self->db, now, error) || !rk_store_commit (self->db, error))
    goto fail;

  body = rk_body_new_for_store (id, info, position);
  g_list_store_insert_sorted (self->bodies, body, compare_body_position, NULL);
  return body;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (self->db);
  return NULL;
}

gboolean
rk_store_update_body (RkStore           *self,
                      RkBody            *body,
                      const RkBodyInfo  *info,
                      GError           **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_BODY (body), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_check_open (self, error) || !rk_body_info_validate (info, error))
    return FALSE;

  now = rk_store_now_text ();
  if (!rk_store_begin (self->db, error))
    return FALSE;
  stmt = rk_store_prepare (self->db,
                           "UPDATE body SET name = ?2, tier = ?3, tier_label = ?4, purpose = ?5 "
                           "WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_body_get_id (body));
  rk_store_bind_text (stmt, 2, info->name);
  sqlite3_bind_int (stmt, 3, info->tier);
  rk_store_bind_text (stmt, 4, info->tier == RK_TIER_OTHER ? info->tier_label : "");
  rk_store_bind_text (stmt, 5, info->purpose);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      rk_store_set_not_found (error, rk_body_get_name (body));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (self->db, now, error) || !rk_store_commit (self->db, error))
    goto fail;

  rk_body_set_info (body, info);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (self->db);
  return FALSE;
}

gboolean
rk_store_remove_body (RkStore  *self,
                      RkBody   *body,
                      GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_BODY (body), FALSE);

  if (!rk_store_check_open (self, error)
      || !rk_store_edit_row (self, "UPDATE body SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                         rk_body_get_id (body), rk_body_get_name (body), error))
    return FALSE;

  rk_store_list_remove (self->bodies, body);
  return TRUE;
}

gboolean
rk_store_restore_body (RkStore  *self,
                       RkBody   *body,
                       GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_BODY (body), FALSE);

  if (!rk_store_check_open (self, error)
      || !rk_store_edit_row (self,
                         "UPDATE body SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                         rk_body_get_id (body), rk_body_get_name (body), error))
    return FALSE;

  rk_store_list_insert (self->bodies, body, compare_body_position);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Search index */

static const IndexKind *
find_index_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (index_kinds); i++)
    if (g_strcmp0 (index_kinds[i].kind, kind) == 0)
      return &index_kinds[i];
  return NULL;
}

static gboolean
is_page_kind (const IndexKind *kind)
{
  return g_str_equal (kind->kind, "attachment_page");
}

/* The rowids [*first, *last] that belong to (kind, ref). */
static gboolean
index_range (const IndexKind *kind,
             gint64           ref,
             gint64          *first,
             gint64          *last)
{
  gint64 base = kind->code << INDEX_KIND_SHIFT;

  if (is_page_kind (kind))
    {
      if (ref < 0 || ref >= (G_GINT64_CONSTANT (1) << (INDEX_KIND_SHIFT - INDEX_PAGE_BITS)))
        return FALSE;
      *first = base | (ref << INDEX_PAGE_BITS);
      *last = *first + (1 << INDEX_PAGE_BITS) - 1;
    }
  else
    {
      if (ref < 0 || ref >= (G_GINT64_CONSTANT (1) << INDEX_KIND_SHIFT))
        return FALSE;
      *first = *last = base | ref;
    }
  return TRUE;
}

gboolean
rk_store_index_put (sqlite3     *db,
                    const char  *kind,
                    gint64       ref,
                    const char  *title,
                    const char  *body,
                    GError     **error)
{
  const IndexKind *index_kind = find_index_kind (kind);
  g_autoptr(RkStmt) drop = NULL;
  g_autoptr(RkStmt) insert = NULL;
  gint64 first, last, rowid;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (index_kind != NULL, FALSE);
  g_return_val_if_fail (index_range (index_kind, ref, &first, &last), FALSE);

  if (is_page_kind (index_kind))
    {
      g_autoptr(RkStmt) top = NULL;

      drop = rk_store_prepare (db, "DELETE FROM search_index WHERE rowid BETWEEN ?1 AND ?2 AND title = ?3", error);
      if (drop == NULL)
        return FALSE;
      sqlite3_bind_int64 (drop, 1, first);
      sqlite3_bind_int64 (drop, 2, last);
      rk_store_bind_text (drop, 3, title);
      if (!rk_store_step_done (drop, error))
        return FALSE;

      top = rk_store_prepare (db, "SELECT max(rowid) FROM search_index WHERE rowid BETWEEN ?1 AND ?2", error);
      if (top == NULL)
        return FALSE;
      sqlite3_bind_int64 (top, 1, first);
      sqlite3_bind_int64 (top, 2, last);
      if (sqlite3_step (top) != SQLITE_ROW)
        {
          rk_store_set_error_from_db (db, sqlite3_errcode (db), error);
          return FALSE;
        }
      rowid = sqlite3_column_type (top, 0) == SQLITE_NULL ? first : sqlite3_column_int64 (top, 0) + 1;
      if (rowid > last)
        {
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       _("A handout has too many pages to be searched (at most %d)."), 1 << INDEX_PAGE_BITS);
          return FALSE;
        }
    }
  else
    {
      drop = rk_store_prepare (db, "DELETE FROM search_index WHERE rowid = ?1", error);
      if (drop == NULL)
        return FALSE;
      sqlite3_bind_int64 (drop, 1, first);
      if (!rk_store_step_done (drop, error))
        return FALSE;
      rowid = first;
    }

  insert = rk_store_prepare (db, "INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, rowid);
  rk_store_bind_text (insert, 2, index_kind->kind);
  sqlite3_bind_int64 (insert, 3, ref);
  rk_store_bind_text (insert, 4, title);
  rk_store_bind_text (insert, 5, body);
  return rk_store_step_done (insert, error);
}

gboolean
rk_store_exec_id (sqlite3     *db,
                  const char  *sql,
                  gint64       id,
                  const char  *text,
                  const char  *what,
                  GError     **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    rk_store_bind_text (stmt, 2, text);
  if (!rk_store_step_done (stmt, error))
    return FALSE;
  if (what != NULL && sqlite3_changes (db) == 0)
    {
      rk_store_set_not_found (error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_store_edit_row (RkStore     *self,
                   const char  *sql,
                   gint64       id,
                   const char  *what,
                   GError     **error)
{
  g_autofree char *now = rk_store_now_text ();

  if (!rk_store_begin (self->db, error))
    return FALSE;
  if (!rk_store_exec_id (self->db, sql, id, now, what, error)
      || !rk_store_touch_council (self->db, now, error) || !rk_store_commit (self->db, error))
    {
      rk_store_rollback (self->db);
      return FALSE;
    }
  return TRUE;
}

void
rk_store_list_remove (GListStore *list,
                      gpointer    item)
{
  guint position;

  if (list != NULL && g_list_store_find (list, item, &position))
    g_list_store_remove (list, position);
}

void
rk_store_list_insert (GListStore       *list,
                      gpointer          item,
                      GCompareDataFunc  compare)
{
  guint position;

  if (list != NULL && !g_list_store_find (list, item, &position))
    g_list_store_insert_sorted (list, item, compare, NULL);
}

void
rk_store_item_changed (GListStore       *list,
                       gpointer          item,
                       GCompareDataFunc  compare)
{
  /* The list's reference goes while the item moves or is spliced: hold it across. */
  g_autoptr(GObject) held = g_object_ref (item);
  g_autoptr(GObject) prev = NULL;
  g_autoptr(GObject) next = NULL;
  guint position;

  if (list == NULL || !g_list_store_find (list, item, &position))
    return;
  if (compare != NULL)
    {
      if (position > 0)
        prev = g_list_model_get_item (G_LIST_MODEL (list), position - 1);
      next = g_list_model_get_item (G_LIST_MODEL (list), position + 1);
    }
  if ((prev != NULL && compare (prev, item, NULL) > 0) || (next != NULL && compare (item, next, NULL) > 0))
    {
      g_list_store_remove (list, position);
      g_list_store_insert_sorted (list, held, compare, NULL);
    }
  else
    g_list_store_splice (list, position, 1, (gpointer *) &held, 1);
}

gboolean
rk_store_index_drop (sqlite3     *db,
                     const char  *kind,
                     gint64       ref,
                     GError     **error)
{
  const IndexKind *index_kind = find_index_kind (kind);
  g_autoptr(RkStmt) drop = NULL;
  gint64 first, last;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (index_kind != NULL, FALSE);
  g_return_val_if_fail (index_range (index_kind, ref, &first, &last), FALSE);

  drop = rk_store_prepare (db, "DELETE FROM search_index WHERE rowid BETWEEN ?1 AND ?2", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, first);
  sqlite3_bind_int64 (drop, 2, last);
  return rk_store_step_done (drop, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Copies and backups */

/* Writes a consistent copy of @src to @dest through the online backup API: into a fresh 0600 file beside @dest,
 * renamed over it only once complete, so a failed copy never leaves half a council behind. */
static gboolean
write_copy (sqlite3     *src,
            const char  *dest,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *hidden = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, hidden, NULL);
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, dest);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (dst, rc, error);
      goto fail;
    }
  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      rk_store_set_error_from_db (dst, sqlite3_errcode (dst), error);
      goto fail;
    }
  for (int tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= 100)
        break;
      sqlite3_sleep (50);
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (dst, rc, error);
      goto fail;
    }
  rc = sqlite3_close (dst);
  dst = NULL;
  if (rc != SQLITE_OK)
    {
      rk_store_set_error_from_db (NULL, rc, error);
      goto fail;
    }
  if (g_rename (tmp, dest) != 0)
    {
      set_errno_error (error, errno, dest);
      goto fail;
    }
  return TRUE;

fail:
  sqlite3_close_v2 (dst);
  unlink_database (tmp);
  return FALSE;
}

char *
rk_store_get_backup_dir (const char *path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *short_digest = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  canonical = canonical_path (path);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  short_digest = g_strndup (digest, 16);
  return g_build_filename (g_get_user_data_dir (), "renkei", "backups", short_digest, NULL);
}

/* "minato-council" for ".../minato-council.renkei". */
static char *
backup_stem (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, RK_STORE_SUFFIX) && strlen (base) > strlen (RK_STORE_SUFFIX))
    base[strlen (base) - strlen (RK_STORE_SUFFIX)] = '\0';
  return g_steal_pointer (&base);
}

/* Is @name a backup of @stem: "<stem>-YYYYMMDD-HHMMSS[-NN].renkei"? */
static gboolean
is_backup_name (const char *name,
                const char *stem)
{
  gsize stem_len = strlen (stem);
  const char *p;
  gsize rest;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-' || !g_str_has_suffix (name, RK_STORE_SUFFIX))
    return FALSE;
  p = name + stem_len + 1;
  rest = strlen (p) - strlen (RK_STORE_SUFFIX);
  if (rest != 15 && rest != 18)
    return FALSE;
  for (gsize i = 0; i < rest; i++)
    {
      gboolean dash = i == 8 || i == 15;
      if (dash ? p[i] != '-' : !g_ascii_isdigit (p[i]))
        return FALSE;
    }
  return TRUE;
}

/* Same stem, so the stamps decide; a same-second "-NN" sorts after its plain name, because the plain name is its
 * prefix once the suffix is cut. */
static int
compare_backup_names (gconstpointer a,
                      gconstpointer b)
{
  const char *na = *(const char *const *) a;
  const char *nb = *(const char *const *) b;
  gsize la = strlen (na) - strlen (RK_STORE_SUFFIX);
  gsize lb = strlen (nb) - strlen (RK_STORE_SUFFIX);
  int cmp = strncmp (na, nb, MIN (la, lb));

  if (cmp != 0)
    return cmp;
  return la < lb ? -1 : la > lb;
}

static void
rotate_backups (const char *dir,
                const char *stem)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (is_backup_name (name, stem))
      g_ptr_array_add (names, g_strdup (name));
  if (names->len <= RK_STORE_BACKUPS_KEPT)
    return;
  g_ptr_array_sort (names, compare_backup_names);
  for (guint i = 0; i + RK_STORE_BACKUPS_KEPT < names->len; i++)
    {
      g_autofree char *file = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (file);
    }
}

gboolean
rk_store_backup (RkStore  *self,
                 GError  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GDateTime) now = NULL;
  int last = 0;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);

  if (!rk_store_check_open (self, error))
    return FALSE;

  dir = rk_store_get_backup_dir (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_errno_error (error, errno, dir);
      return FALSE;
    }
  stem = backup_stem (self->path);
  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  /* Several backups within one second are numbered after the newest of them, never into a gap rotation left:
   * the names must sort in the order the backups were taken. */
  for (int n = 1; n < 100; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-%s%s", stem, stamp, RK_STORE_SUFFIX)
                                     : g_strdup_printf ("%s-%s-%02d%s", stem, stamp, n, RK_STORE_SUFFIX);
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        last = n;
    }
  if (last >= 99)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("Too many backups were taken within one second; try again."));
      return FALSE;
    }
  dest = last == 0 ? g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s-%s%s", dir, stem, stamp, RK_STORE_SUFFIX)
                   : g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s-%s-%02d%s", dir, stem, stamp, last + 1,
                                      RK_STORE_SUFFIX);
  if (!write_copy (self->db, dest, error))
    return FALSE;
  rotate_backups (dir, stem);
  return TRUE;
}

gboolean
rk_store_save_copy (RkStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *dest = NULL;
  g_autofree char *name = NULL;
  struct stat st_self, st_dest;
  gboolean exists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!rk_store_check_open (self, error))
    return FALSE;

  dest = canonical_path (dest_path);
  name = g_filename_display_basename (dest);
  exists = g_stat (dest, &st_dest) == 0;
  if (g_str_equal (dest, self->path)
      || (exists && g_stat (self->path, &st_self) == 0
          && st_self.st_dev == st_dest.st_dev && st_self.st_ino == st_dest.st_ino))
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE,
                   _("“%s” is the council that is open. Choose another name for the copy."), name);
      return FALSE;
    }
  if (is_open_in_process (dest))
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE,
                   _("“%s” is open in Renkei. Close it first, or choose another name for the copy."), name);
      return FALSE;
    }
  if (exists)
    {
      g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
      g_autofree char *shm = g_strconcat (dest, "-shm", NULL);
      int fd;

      if (!S_ISREG (st_dest.st_mode))
        {
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                       _("“%s” is not a file that can be replaced. Choose another name for the copy."), name);
          return FALSE;
        }
      /* A council being edited by another program must not be replaced under it. No connection of this process
       * has it open (checked above), so closing this fd drops no lock of ours. */
      fd = open (dest, O_RDONLY | O_CLOEXEC | O_NOCTTY);
      if (fd >= 0)
        {
          gboolean locked = flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;

          close (fd);
          if (locked)
            {
              set_file_error (error, RK_STORE_ERROR_IN_USE, dest);
              return FALSE;
            }
        }
      /* A WAL left beside the replaced file would be replayed into the copy. */
      g_unlink (wal);
      g_unlink (shm);
    }
  return write_copy (self->db, dest, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Check */

void
rk_store_report_clear (RkStoreReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->council_name, g_free);
  memset (report, 0, sizeof *report);
}

gboolean
rk_store_check (const char     *path,
                RkStoreReport  *report,
                GError        **error)
{
  g_autofree char *canonical = NULL;
  gboolean ok;
  RkStore *open_store;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  canonical = canonical_path (path);

  /* A file this process has open is read through the fd we already hold: opening and closing another would drop
   * SQLite's locks on it. */
  G_LOCK (open_stores);
  open_store = lookup_open_store_unlocked (canonical);
  if (open_store != NULL && open_store->lock_fd >= 0)
    {
      ok = check_header (open_store->lock_fd, canonical, report, error);
      G_UNLOCK (open_stores);
    }
  else
    {
      int fd;

      G_UNLOCK (open_stores);
      fd = open_for_reading (canonical, error);
      if (fd < 0)
        return FALSE;
      ok = check_header (fd, canonical, report, error);
      close (fd);
    }
  if (!ok)
    return FALSE;

  return verify_database (canonical, report, error);
}

const char *const *
rk_store_table_names (void)
{
  return rk_store_schema_tables;
}

void
rk_store_set_migrations_for_testing (const RkStoreMigration *new_migrations,
                                     guint                   n_migrations,
                                     int                     new_target_version)
{
  if (new_migrations == NULL)
    {
      migrations = rk_store_migrations;
      migrations_len = G_N_ELEMENTS (rk_store_migrations) - 1;
      target_version = RK_STORE_SCHEMA_VERSION;
      return;
    }
  g_return_if_fail (new_target_version == (int) n_migrations + 1);

  migrations = new_migrations;
  migrations_len = n_migrations;
  target_version = new_target_version;
}

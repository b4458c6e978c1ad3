/* The council file: create, reopen, refuse every bad input unchanged, migrate, edit bodies, back up, copy, check. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rk-store-private.h"
#include "rk-test-core.h"

static const char *test_dir;

static char *
test_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%02u-%s", ++counter, name);

  return g_build_filename (test_dir, unique, NULL);
}

static const RkCouncilInfo sample_info = {
  .name = "みなと市在宅医療・救急医療連携推進協議会",
  .municipality = "みなと市",
  .prefecture = "架空県",
  .fiscal_year = 2025,
  .setup = RK_SETUP_BOTH,
  .notes = "令和7年度に設置。事務局は健康福祉部。",
};

static const RkBodyInfo core_body = {
  .name = "在宅医療・救急医療連携推進協議会",
  .tier = RK_TIER_CORE,
  .purpose = "連携ルールの策定と合意",
};

static const RkBodyInfo working_body = {
  .name = "救急搬送ルール作業部会",
  .tier = RK_TIER_WORKING,
  .purpose = "情報共有シートの様式を作る",
};

static const RkBodyInfo other_body = {
  .name = "病院連絡会",
  .tier = RK_TIER_OTHER,
  .tier_label = "病院連絡会議",
  .purpose = "",
};

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
sidecar_exists (const char *path,
                const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);

  return g_file_test (file, G_FILE_TEST_EXISTS);
}

static gint64
sidecar_size (const char *path,
              const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  struct stat st;

  return g_stat (file, &st) == 0 ? st.st_size : -1;
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* A closed council with bodies, a single file on disk. */
static char *
make_council (const char *name,
              guint       n_extra_bodies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  char *path = test_path (name);

  store = rk_store_create (path, &sample_info, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &core_body, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_extra_bodies; i++)
    {
      g_autofree char *body_name = g_strdup_printf ("地区別連絡会 第%u地区", i + 1);
      g_autofree char *purpose = g_strnfill (200, 'x');
      RkBodyInfo info = { .name = body_name, .tier = RK_TIER_FIELD, .purpose = purpose };

      g_object_unref (rk_store_add_body (store, &info, &error));
      g_assert_no_error (error);
    }
  rk_store_close (store, &error);
  g_assert_no_error (error);
  return path;
}

/* Every refusal: the expected error from open and from check, and the file byte-identical with nothing beside it. */
static void
assert_refused (const char   *path,
                RkStoreError  code,
                gboolean      check_refuses)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  RkStoreReport report = { 0 };
  gboolean had_wal = sidecar_exists (path, "-wal");
  gboolean sound;

  store = rk_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RK_STORE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_test_message ("refused: %s", error->message);

  sound = rk_store_check (path, &report, &check_error);
  if (check_refuses)
    {
      g_assert_false (sound);
      g_assert_error (check_error, RK_STORE_ERROR, (int) code);
    }
  else
    {
      g_assert_no_error (check_error);
      g_assert_true (sound);
    }
  rk_store_report_clear (&report);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  if (!had_wal)
    {
      g_assert_false (sidecar_exists (path, "-wal"));
      g_assert_false (sidecar_exists (path, "-shm"));
    }
}

static void
test_create_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autofree char *path = test_path ("create.renkei");
  RkCouncil *council;
  GListModel *bodies;
  struct stat st;

  store = rk_store_create (path, &sample_info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_str_has_suffix (rk_store_get_path (store), "create.renkei"));
  g_assert_true (g_path_is_absolute (rk_store_get_path (store)));
  g_assert_null (rk_store_get_location_warning (store));
  g_assert_cmpint (g_list_model_get_n_items (rk_store_get_bodies (store)), ==, 0);

  g_object_unref (rk_store_add_body (store, &core_body, &error));
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &working_body, &error));
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &other_body, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_close (store, &error)); /* twice is harmless */
  g_clear_object (&store);

  /* -wal and -shm carry the same permissions as the file; all of it stays private. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  council = rk_store_get_council (store);
  g_assert_cmpstr (rk_council_get_name (council), ==, sample_info.name);
  g_assert_cmpstr (rk_council_get_municipality (council), ==, sample_info.municipality);
  g_assert_cmpstr (rk_council_get_prefecture (council), ==, sample_info.prefecture);
  g_assert_cmpint (rk_council_get_fiscal_year (council), ==, 2025);
  g_assert_cmpint (rk_council_get_setup (council), ==, RK_SETUP_BOTH);
  g_assert_cmpstr (rk_council_get_notes (council), ==, sample_info.notes);

  bodies = rk_store_get_bodies (store);
  g_assert_cmpint (g_list_model_get_n_items (bodies), ==, 3);
  {
    g_autoptr(RkBody) a = g_list_model_get_item (bodies, 0);
    g_autoptr(RkBody) b = g_list_model_get_item (bodies, 1);
    g_autoptr(RkBody) c = g_list_model_get_item (bodies, 2);

    g_assert_cmpstr (rk_body_get_name (a), ==, core_body.name);
    g_assert_cmpint (rk_body_get_tier (a), ==, RK_TIER_CORE);
    g_assert_cmpstr (rk_body_get_purpose (a), ==, core_body.purpose);
    g_assert_cmpstr (rk_body_get_display_tier (a), ==, "Core meeting");
    g_assert_cmpstr (rk_body_get_name (b), ==, working_body.name);
    g_assert_cmpstr (rk_body_get_display_tier (b), ==, "Working group");
    g_assert_cmpstr (rk_body_get_name (c), ==, other_body.name);
    g_assert_cmpint (rk_body_get_tier (c), ==, RK_TIER_OTHER);
    g_assert_cmpstr (rk_body_get_tier_label (c), ==, "病院連絡会議");
    g_assert_cmpstr (rk_body_get_display_tier (c), ==, "病院連絡会議");
    g_assert_cmpint (rk_body_get_position (a), <, rk_body_get_position (b));
    g_assert_cmpint (rk_body_get_position (b), <, rk_body_get_position (c));
  }
  {
    sqlite3 *db = rk_store_get_db (store);
    gint64 version = 0, app_id = 0;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    version = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    app_id = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    g_assert_cmpint (version, ==, RK_STORE_SCHEMA_VERSION);
    g_assert_cmpint (app_id, ==, RK_STORE_APPLICATION_ID);

    /* The settings DESIGN.md asks for. */
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2); /* FULL */
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA trusted_schema", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
}

static void
test_create_refuses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autofree char *existing = test_path ("existing.renkei");
  g_autofree char *fresh = test_path ("never-created.renkei");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RkCouncilInfo info = sample_info;

  write_bytes (existing, "someone's notes\n", 16);
  before = file_checksum (existing);
  store = rk_store_create (existing, &sample_info, &error);
  g_assert_null (store);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "existing.renkei"));
  after = file_checksum (existing);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A refused council leaves no file behind. */
  info.name = "　 ";
  store = rk_store_create (fresh, &info, &error);
  g_assert_null (store);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The private creation used by the demo and the generator makes the same single 0600 file. */
  {
    sqlite3 *db = rk_store_create_db (fresh, &sample_info, &error);
    struct stat st;

    g_assert_no_error (error);
    g_assert_nonnull (db);
    g_assert_null (rk_store_create_db (fresh, &sample_info, &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_EXISTS);
    g_clear_error (&error);
    rk_store_close_db (db);
    g_assert_cmpint (g_stat (fresh, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_false (sidecar_exists (fresh, "-wal"));
    store = rk_store_open (fresh, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rk_council_get_name (rk_store_get_council (store)), ==, sample_info.name);
  }
}

static void
test_council_validation (void)
{
  struct {
    const char *name, *municipality, *prefecture;
    int fiscal_year;
    int setup;
    const char *field; /* a word the message must contain */
  } cases[] = {
    { "", "みなと市", "架空県", 2025, 0, "name" },
    { NULL, "みなと市", "架空県", 2025, 0, "name" },
    { " \t", "みなと市", "架空県", 2025, 0, "name" },
    { "　", "みなと市", "架空県", 2025, 0, "name" }, /* U+3000 ideographic space */
    { "協議会", "", "架空県", 2025, 0, "municipality" },
    { "協議会", "みなと市", "  ", 2025, 0, "prefecture" },
    { "協議会", "みなと市", "架空県", 1988, 0, "fiscal year" },
    { "協議会", "みなと市", "架空県", 2201, 0, "fiscal year" },
    { "協議会", "みなと市", "架空県", 2025, 3, "set up" },
    { "協議会", "みなと市", "架空県", 2025, -1, "set up" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      RkCouncilInfo info = {
        cases[i].name, cases[i].municipality, cases[i].prefecture, cases[i].fiscal_year,
        (RkSetupKind) cases[i].setup, NULL
      };

      g_assert_false (rk_council_info_validate (&info, &error));
      g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].field));
    }
  g_assert_true (rk_council_info_validate (&sample_info, NULL));
  {
    RkCouncilInfo edge = sample_info;
    edge.fiscal_year = 1989;
    g_assert_true (rk_council_info_validate (&edge, NULL));
    edge.fiscal_year = 2200;
    g_assert_true (rk_council_info_validate (&edge, NULL));
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_council_update (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autofree char *path = test_path ("update.renkei");
  RkCouncilInfo info = sample_info;
  RkCouncil *council;
  sqlite3 *db;
  sqlite3_int64 changes;
  guint notified = 0;
  sqlite3_stmt *stmt;

  store = rk_store_create (path, &sample_info, &error);
  g_assert_no_error (error);
  council = rk_store_get_council (store);
  db = rk_store_get_db (store);
  g_signal_connect (council, "notify::name", G_CALLBACK (count_notify), &notified);

  /* A refused edit changes neither the object nor the file. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE council SET modified_at = '2000-01-01T00:00:00'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  changes = sqlite3_total_changes64 (db);
  info.name = "";
  g_assert_false (rk_store_update_council (store, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_total_changes64 (db), ==, changes);
  g_assert_cmpstr (rk_council_get_name (council), ==, sample_info.name);
  g_assert_cmpuint (notified, ==, 0);

  /* The same values again: no notification. */
  g_assert_true (rk_store_update_council (store, &sample_info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 0);

  info.name = "みなと市在宅医療・救急医療連携協議会";
  info.fiscal_year = 2026;
  info.setup = RK_SETUP_NEW;
  info.notes = NULL;
  g_assert_true (rk_store_update_council (store, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (rk_council_get_name (council), ==, info.name);
  g_assert_cmpint (rk_council_get_fiscal_year (council), ==, 2026);
  g_assert_cmpstr (rk_council_get_notes (council), ==, "");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT modified_at FROM council", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), >, "2000-01-01T00:00:00");
  sqlite3_finalize (stmt);

  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  council = rk_store_get_council (store);
  g_assert_cmpstr (rk_council_get_name (council), ==, info.name);
  g_assert_cmpint (rk_council_get_setup (council), ==, RK_SETUP_NEW);
  g_assert_cmpint (rk_council_get_fiscal_year (council), ==, 2026);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_bodies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autofree char *path = test_path ("bodies.renkei");
  g_autoptr(RkBody) core = NULL;
  g_autoptr(RkBody) working = NULL;
  g_autoptr(RkBody) gone = NULL;
  GListModel *bodies;
  guint changed = 0, notified = 0;
  gint64 gone_id, working_id;
  RkBodyInfo info;

  store = rk_store_create (path, &sample_info, &error);
  g_assert_no_error (error);
  bodies = rk_store_get_bodies (store);
  g_signal_connect (bodies, "items-changed", G_CALLBACK (on_items_changed), &changed);

  core = rk_store_add_body (store, &core_body, &error);
  g_assert_no_error (error);
  working = rk_store_add_body (store, &working_body, &error);
  g_assert_no_error (error);
  gone = rk_store_add_body (store, &other_body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (bodies), ==, 3);
  g_assert_cmpint (rk_body_get_position (core), ==, 1);
  g_assert_cmpint (rk_body_get_position (gone), ==, 3);
  g_assert_cmpint (rk_body_get_id (core), >, 0);

  /* Refused: an empty name, a tier of one's own without its name, an unknown tier. */
  info = working_body;
  info.name = " ";
  g_assert_null (rk_store_add_body (store, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rk_store_update_body (store, working, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  info = working_body;
  info.tier = RK_TIER_OTHER;
  info.tier_label = "";
  g_assert_false (rk_store_update_body (store, working, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tier"));
  g_clear_error (&error);
  info.tier = 7;
  g_assert_false (rk_body_info_validate (&info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rk_body_get_name (working), ==, working_body.name);
  g_assert_cmpint (rk_body_get_tier (working), ==, RK_TIER_WORKING);

  /* Update: written, then shown, with one notification per changed property. */
  g_signal_connect (working, "notify", G_CALLBACK (count_notify), &notified);
  g_assert_true (rk_store_update_body (store, working, &working_body, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 0);
  info = working_body;
  info.name = "情報共有ワーキンググループ";
  info.tier = RK_TIER_OTHER;
  info.tier_label = "ワーキンググループ";
  g_assert_true (rk_store_update_body (store, working, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 3); /* name, tier, tier-label */
  g_assert_cmpstr (rk_body_get_display_tier (working), ==, "ワーキンググループ");
  {
    RkBodyInfo read;
    rk_body_get_info (working, &read);
    g_assert_cmpstr (read.name, ==, info.name);
    g_assert_cmpstr (read.tier_label, ==, info.tier_label);
  }
  /* Back to a listed tier: the label goes. */
  info.tier = RK_TIER_FIELD;
  g_assert_true (rk_store_update_body (store, working, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_body_get_tier_label (working), ==, "");
  g_assert_cmpstr (rk_body_get_display_tier (working), ==, "Field-level meeting");

  /* Remove and restore (undo), at its place. */
  changed = 0;
  g_assert_true (rk_store_remove_body (store, working, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bodies), ==, 2);
  g_assert_false (rk_store_remove_body (store, working, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rk_store_update_body (store, working, &working_body, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rk_store_restore_body (store, working, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bodies), ==, 3);
  {
    g_autoptr(RkBody) middle = g_list_model_get_item (bodies, 1);
    g_assert_true (middle == working);
  }
  g_assert_false (rk_store_restore_body (store, working, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A body removed when the file closes is gone for good; a new one goes after it all the same. */
  g_assert_true (rk_store_remove_body (store, gone, &error));
  g_assert_no_error (error);
  gone_id = rk_body_get_id (gone);
  working_id = rk_body_get_id (working);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  bodies = rk_store_get_bodies (store);
  g_assert_cmpuint (g_list_model_get_n_items (bodies), ==, 2);
  {
    g_autoptr(RkBody) first = g_list_model_get_item (bodies, 0);
    g_autoptr(RkBody) second = g_list_model_get_item (bodies, 1);
    sqlite3_stmt *stmt;

    g_assert_cmpstr (rk_body_get_name (first), ==, core_body.name);
    g_assert_cmpint (rk_body_get_id (second), ==, working_id);
    g_assert_cmpstr (rk_body_get_name (second), ==, "情報共有ワーキンググループ");
    g_assert_cmpint (rk_body_get_tier (second), ==, RK_TIER_FIELD);
    g_assert_cmpint (sqlite3_prepare_v2 (rk_store_get_db (store), "SELECT count(*) FROM body WHERE id = ?1", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, gone_id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  g_assert_false (rk_store_restore_body (store, gone, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_labels (void)
{
  GEnumClass *tiers = g_type_class_ref (RK_TYPE_TIER);
  GEnumClass *setups = g_type_class_ref (RK_TYPE_SETUP_KIND);

  g_assert_cmpstr (rk_tier_to_label (RK_TIER_CORE), ==, "Core meeting");
  g_assert_cmpstr (rk_tier_to_label (RK_TIER_FIELD), ==, "Field-level meeting");
  g_assert_cmpstr (rk_tier_to_label (RK_TIER_WORKING), ==, "Working group");
  g_assert_cmpstr (rk_tier_to_label (RK_TIER_OTHER), ==, "Other");
  g_assert_cmpstr (rk_setup_kind_to_label (RK_SETUP_EXISTING), ==, "Use an existing body");
  g_assert_cmpstr (rk_setup_kind_to_label (RK_SETUP_NEW), ==, "Set up a new body");
  g_assert_cmpstr (rk_setup_kind_to_label (RK_SETUP_BOTH), ==, "Both");
  g_assert_cmpuint (tiers->n_values, ==, 4);
  g_assert_cmpstr (g_enum_get_value (tiers, RK_TIER_OTHER)->value_nick, ==, "other");
  g_assert_cmpuint (setups->n_values, ==, 3);
  g_assert_cmpstr (g_enum_get_value (setups, RK_SETUP_BOTH)->value_nick, ==, "both");
  g_type_class_unref (tiers);
  g_type_class_unref (setups);
}

static void
test_refuse_text (void)
{
  g_autofree char *path = test_path ("notes.renkei");
  const char *text = "これはテキストファイルです。\nThis is a text file, not a council.\n";

  write_bytes (path, text, strlen (text));
  assert_refused (path, RK_STORE_ERROR_NOT_A_COUNCIL, TRUE);

  /* Shorter than a header. */
  write_bytes (path, "SQLite", 6);
  assert_refused (path, RK_STORE_ERROR_NOT_A_COUNCIL, TRUE);
}

static void
test_refuse_empty (void)
{
  g_autofree char *path = test_path ("empty.renkei");

  write_bytes (path, "", 0);
  assert_refused (path, RK_STORE_ERROR_EMPTY, TRUE);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = make_council ("truncated.renkei", 120);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  write_bytes (path, contents, length / 2);
  assert_refused (path, RK_STORE_ERROR_CORRUPT, TRUE);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = make_council ("damaged.renkei", 120);
  g_autofree char *contents = NULL;
  gsize length;

  /* Whole pages of the middle overwritten: the header is fine, only quick_check can tell. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 4096 * 3; i < 4096 * 12 && i < length; i++)
    contents[i] = (char) (i * 131 + 7);
  write_bytes (path, contents, length);
  assert_refused (path, RK_STORE_ERROR_CORRUPT, TRUE);
}

static void
test_refuse_zeroed_header (void)
{
  g_autofree char *path = make_council ("zeroed.renkei", 0);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents, 0, 100);
  write_bytes (path, contents, length);
  /* Damaged rather than foreign: the message points at the backups. */
  assert_refused (path, RK_STORE_ERROR_CORRUPT, TRUE);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *path = test_path ("other-program.sqlite");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, RK_STORE_ERROR_NOT_A_COUNCIL, TRUE);
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = make_council ("newer.renkei", 0);
  g_autoptr(GError) error = NULL;
  RkStoreReport report = { 0 };

  set_user_version (path, RK_STORE_SCHEMA_VERSION + 1);
  assert_refused (path, RK_STORE_ERROR_TOO_NEW, TRUE);

  g_assert_false (rk_store_check (path, &report, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Renkei"));
  g_assert_cmpint (report.schema_version, ==, RK_STORE_SCHEMA_VERSION + 1);
  g_assert_true (report.application_id_ok);
  rk_store_report_clear (&report);
}

static void
test_refuse_read_only (void)
{
  g_autofree char *path = make_council ("read-only.renkei", 2);
  g_autofree char *dir = test_path ("read-only-folder");
  g_autofree char *inside = NULL;

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_refused (path, RK_STORE_ERROR_READ_ONLY, FALSE);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  /* A folder that cannot be written: the WAL could not be created beside the file. */
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  inside = g_build_filename (dir, "council.renkei", NULL);
  g_assert_cmpint (g_rename (path, inside), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  assert_refused (inside, RK_STORE_ERROR_READ_ONLY, FALSE);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

static void
test_refuse_open_here (void)
{
  g_autofree char *path = make_council ("twice.renkei", 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir_name = g_path_get_basename (test_dir);
  g_autofree char *other_spelling = g_build_filename (test_dir, ".", "..", dir_name, base, NULL);
  g_autofree char *link = test_path ("link.renkei");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkStore) again = NULL;
  RkStoreReport report = { 0 };

  store = rk_store_open (path, &error);
  g_assert_no_error (error);

  again = rk_store_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "already open"));
  g_clear_error (&error);

  again = rk_store_open (other_spelling, &error);
  g_assert_null (again);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_cmpint (symlink (path, link), ==, 0);
  again = rk_store_open (link, &error);
  g_assert_null (again);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  /* check() reads it without disturbing the open store, whose edits still work afterwards. */
  g_assert_true (rk_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.row_counts[2], ==, 2);
  rk_store_report_clear (&report);
  g_object_unref (rk_store_add_body (store, &working_body, &error));
  g_assert_no_error (error);

  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  again = rk_store_open (link, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_bodies (again)), ==, 3);
}

static void
test_refuse_locked_elsewhere (void)
{
  g_autofree char *path = make_council ("locked.renkei", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  int to_child[2], from_child[2], status = 0;
  char c = 0;
  pid_t pid;

  g_assert_cmpint (pipe (to_child), ==, 0);
  g_assert_cmpint (pipe (from_child), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Another Renkei holding the file: only async-signal-safe calls here. */
      int fd = open (path, O_RDONLY);

      if (fd < 0 || flock (fd, LOCK_EX) != 0)
        _exit (1);
      if (write (from_child[1], "r", 1) != 1)
        _exit (1);
      if (read (to_child[0], &c, 1) < 0)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (read (from_child[0], &c, 1), ==, 1);

  assert_refused (path, RK_STORE_ERROR_IN_USE, FALSE);

  g_assert_cmpint (write (to_child[1], "q", 1), ==, 1);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  /* Its "r" said the lock was taken; the exit code is not checked, as valgrind changes it. */
  g_assert_true (WIFEXITED (status));
  close (to_child[0]);
  close (to_child[1]);
  close (from_child[0]);
  close (from_child[1]);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static gboolean
fake_add_column (gpointer   db,
                 GError   **error)
{
  return rk_store_exec (db, "ALTER TABLE body ADD COLUMN colour TEXT NOT NULL DEFAULT '';"
                            "CREATE TABLE fake_v2 (id INTEGER PRIMARY KEY);", error);
}

static gboolean
fake_failure (gpointer   db,
              GError   **error)
{
  /* Half done, then fails: nothing of it may stay. */
  if (!rk_store_exec (db, "CREATE TABLE half_done (id INTEGER PRIMARY KEY);", error))
    return FALSE;
  return rk_store_exec (db, "INSERT INTO no_such_table VALUES (1);", error);
}

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

static void
test_migrate (void)
{
  static const RkStoreMigration good[] = { fake_add_column };
  static const RkStoreMigration bad[] = { fake_failure };
  g_autofree char *path = make_council ("migrate.renkei", 2);
  g_autofree char *failing = make_council ("migrate-fails.renkei", 2);
  g_autofree char *before = file_checksum (failing);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  sqlite3 *db;

  rk_store_set_migrations_for_testing (good, 1, 2);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  db = rk_store_get_db (store);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info('body') WHERE name = 'colour'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'fake_v2'"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_bodies (store)), ==, 3);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Opening a version 2 file again runs nothing. */
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  rk_store_set_migrations_for_testing (bad, 1, 2);
  store = rk_store_open (failing, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("failed migration: %s", error->message);
  g_assert_nonnull (strstr (error->message, "left as it was"));
  g_clear_error (&error);
  after = file_checksum (failing);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sidecar_exists (failing, "-wal"));

  rk_store_set_migrations_for_testing (NULL, 0, 0);
  /* Back to version 1: the migrated file is now from the future, the failed one opens as it was. */
  assert_refused (path, RK_STORE_ERROR_TOO_NEW, TRUE);
  store = rk_store_open (failing, &error);
  g_assert_no_error (error);
  db = rk_store_get_db (store);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), ==, 0);
}

static void
test_close_single_file (void)
{
  g_autofree char *path = make_council ("handover.renkei", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;

  g_assert_false (sidecar_exists (path, "-wal"));
  g_assert_false (sidecar_exists (path, "-shm"));

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &working_body, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sidecar_size (path, "-wal"), >, 0);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sidecar_size (path, "-wal"), <=, 0);
  g_assert_false (sidecar_exists (path, "-shm"));

  /* Calls after close are refused, not crashes. */
  g_assert_null (rk_store_add_body (store, &working_body, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO);
  g_clear_error (&error);

  /* Dropping the last reference closes as well. */
  g_clear_object (&store);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &other_body, &error));
  g_clear_object (&store);
  g_assert_cmpint (sidecar_size (path, "-wal"), <=, 0);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_bodies (store)), ==, 6);
}

/* A council left by a crash: its last edits only in the WAL beside it. They are there when it is opened again. */
static void
test_reopen_after_crash (void)
{
  g_autofree char *path = make_council ("crashed-source.renkei", 1);
  g_autofree char *crashed = test_path ("crashed.renkei");
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkStore) recovered = NULL;
  RkStoreReport report = { 0 };
  int status = -1;

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &working_body, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sidecar_size (path, "-wal"), >, 0);

  /* Copied by another process: reading the file from this one would drop the open store's locks. */
  {
    const char *argv[] = { "cp", path, crashed, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    argv[1] = wal;
    argv[2] = crashed_wal;
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }

  g_assert_true (rk_store_check (crashed, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.row_counts[2], ==, 3);
  rk_store_report_clear (&report);

  recovered = rk_store_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_bodies (recovered)), ==, 3);
  rk_store_close (recovered, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sidecar_size (crashed, "-wal"), <=, 0);
  g_assert_false (sidecar_exists (crashed, "-shm"));
}

static guint
count_backups (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (listing == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      struct stat st;

      if (!g_str_has_suffix (name, ".renkei"))
        g_error ("unexpected %s", name);
      g_assert_nonnull (strstr (name, "backed-up-20"));
      g_assert_cmpint (g_stat (file, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      n++;
    }
  return n;
}

static void
test_backups (void)
{
  g_autofree char *path = test_path ("backed-up.renkei");
  g_autofree char *dir = rk_store_get_backup_dir (path);
  g_autofree char *data_dir = g_build_filename (test_dir, "data", "renkei", "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n;

  /* $XDG_DATA_HOME/renkei/backups/<16 hex digits> */
  g_assert_true (g_str_has_prefix (dir, data_dir));
  g_assert_cmpuint (strlen (dir), ==, strlen (data_dir) + 1 + 16);
  {
    g_autofree char *again = rk_store_get_backup_dir (path);
    g_autofree char *other = rk_store_get_backup_dir ("/somewhere/else/backed-up.renkei");
    g_assert_cmpstr (dir, ==, again);
    g_assert_cmpstr (dir, !=, other);
  }

  store = rk_store_create (path, &sample_info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir), ==, 0);
  rk_store_close (store, &error); /* one on close */
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (count_backups (dir), ==, 1);

  store = rk_store_open (path, &error); /* one on open, before any edit */
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir), ==, 2);
  g_object_unref (rk_store_add_body (store, &core_body, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    {
      g_assert_true (rk_store_backup (store, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_backups (dir), ==, MIN (3 + i, RK_STORE_BACKUPS_KEPT));
    }

  /* The newest are kept: every one left holds the body added before them. */
  listing = g_dir_open (dir, 0, NULL);
  n = 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      RkStoreReport report = { 0 };

      g_assert_true (rk_store_check (file, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (report.council_name, ==, sample_info.name);
      g_assert_cmpint (report.row_counts[2], ==, 1);
      rk_store_report_clear (&report);
      n++;
    }
  g_assert_cmpuint (n, ==, RK_STORE_BACKUPS_KEPT);

  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir), ==, RK_STORE_BACKUPS_KEPT);
}

static void
test_save_copy (void)
{
  g_autofree char *path = make_council ("original.renkei", 2);
  g_autofree char *copy = test_path ("copy.renkei");
  g_autofree char *copy_dir = g_path_get_dirname (copy);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkStore) copied = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (rk_store_add_body (store, &other_body, &error));
  g_assert_no_error (error);

  /* Never onto the open file itself, under any spelling. */
  before = file_checksum (path);
  g_assert_false (rk_store_save_copy (store, path, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE);
  g_clear_error (&error);
  {
    g_autofree char *link = test_path ("copy-link.renkei");
    g_assert_cmpint (symlink (path, link), ==, 0);
    g_assert_false (rk_store_save_copy (store, link, &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE);
    g_clear_error (&error);
  }
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* Replacing an existing file, with a stale WAL beside it that must not leak into the copy. */
  write_bytes (copy, "old", 3);
  {
    g_autofree char *stale = g_strconcat (copy, "-wal", NULL);
    write_bytes (stale, "stale wal", 9);
  }
  g_assert_true (rk_store_save_copy (store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (sidecar_exists (copy, "-wal"));
  g_assert_false (sidecar_exists (copy, "-journal"));
  {
    g_autoptr(GDir) listing = g_dir_open (copy_dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".")); /* no temporary file left */
  }

  copied = rk_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rk_council_get_name (rk_store_get_council (copied)), ==, sample_info.name);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_bodies (copied)), ==, 4);

  /* Not onto another council open in Renkei either. */
  {
    g_autofree char *third = test_path ("third.renkei");
    g_assert_false (rk_store_save_copy (copied, path, &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IN_USE);
    g_clear_error (&error);
    g_assert_true (rk_store_save_copy (copied, third, &error));
    g_assert_no_error (error);
  }
}

static void
test_check (void)
{
  g_autofree char *path = make_council ("checked.renkei", 4);
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *const *tables = rk_store_table_names ();
  RkStoreReport report = { 0 };
  guint n_tables = 0;

  g_assert_true (rk_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.schema_version, ==, RK_STORE_SCHEMA_VERSION);
  g_assert_true (report.application_id_ok);
  g_assert_true (report.quick_check_ok);
  g_assert_cmpstr (report.council_name, ==, sample_info.name);
  for (; tables[n_tables] != NULL; n_tables++)
    {
      gint64 expected = g_str_equal (tables[n_tables], "council") ? 1
                        : g_str_equal (tables[n_tables], "meta") ? 1
                        : g_str_equal (tables[n_tables], "body") ? 5 : 0;
      g_assert_cmpint (report.row_counts[n_tables], ==, expected);
    }
  g_assert_cmpuint (n_tables, >=, 27);
  g_assert_cmpuint (n_tables, <=, G_N_ELEMENTS (report.row_counts));
  g_assert_cmpstr (tables[0], ==, "meta");
  g_assert_cmpstr (tables[n_tables - 1], ==, "search_index");
  rk_store_report_clear (&report);
  g_assert_null (report.council_name);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sidecar_exists (path, "-wal"));
  g_assert_false (sidecar_exists (path, "-shm"));

  /* A missing file. */
  {
    g_autofree char *missing = test_path ("missing.renkei");
    g_assert_false (rk_store_check (missing, &report, &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO);
    g_clear_error (&error);
    g_assert_null (rk_store_open (missing, &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO);
  }
}

static void
test_network_share (void)
{
  g_assert_true (rk_store_fs_type_is_network (0x6969));                         /* NFS */
  g_assert_true (rk_store_fs_type_is_network (0x517B));                         /* SMB */
  g_assert_true (rk_store_fs_type_is_network (0xFE534D42));                     /* SMB2 */
  g_assert_true (rk_store_fs_type_is_network (0xFF534D42));                     /* CIFS */
  g_assert_true (rk_store_fs_type_is_network ((gint64) (gint32) 0xFF534D42));   /* as a signed 32-bit f_type */
  g_assert_true (rk_store_fs_type_is_network (0x65735546));                     /* FUSE (sshfs) */
  g_assert_true (rk_store_fs_type_is_network (0x00C36400));                     /* Ceph */
  g_assert_true (rk_store_fs_type_is_network (0x01021997));                     /* 9P */
  g_assert_false (rk_store_fs_type_is_network (0xEF53));                        /* ext4 */
  g_assert_false (rk_store_fs_type_is_network (0x9123683E));                    /* btrfs */
  g_assert_false (rk_store_fs_type_is_network (0x58465342));                    /* XFS */
  g_assert_false (rk_store_fs_type_is_network (0x01021994));                    /* tmpfs */
  g_assert_false (rk_store_fs_type_is_network (0x794C7630));                    /* overlayfs */
}

static gint64
search_count (sqlite3    *db,
              const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM search_index WHERE search_index MATCH ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_search_index (void)
{
  g_autofree char *path = test_path ("search.renkei");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkBody) body = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  store = rk_store_create (path, &sample_info, &error);
  g_assert_no_error (error);
  db = rk_store_get_db (store);

  g_assert_true (rk_store_begin (db, &error));
  /* Only the challenge is a real row: it alone survives the purge on close below. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO challenge (id, title, created_at) "
                                     "VALUES (5, '夜間の連絡体制', '2025-05-01T10:00')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rk_store_index_put (db, "agenda_item", 5, "救急搬送時の情報共有",
                                     "在宅療養者の救急搬送時に、かかりつけ医の情報を救急隊と共有する方法を協議した。",
                                     &error));
  g_assert_true (rk_store_index_put (db, "challenge", 5, "夜間の連絡体制", "夜間・休日の連絡先が分からない。",
                                     &error));
  g_assert_true (rk_store_index_put (db, "attachment_page", 3, "1ページ", "情報共有シート(案)", &error));
  g_assert_true (rk_store_index_put (db, "attachment_page", 3, "2ページ", "救急隊への情報共有の流れ", &error));
  g_assert_true (rk_store_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (search_count (db, "\"情報共有\""), ==, 3);
  g_assert_cmpint (search_count (db, "\"連絡体制\""), ==, 1);
  g_assert_cmpint (search_count (db, "\"かかりつけ医\""), ==, 1);

  /* Replacing a row's text: the old text is no longer found, the row is there once. */
  g_assert_true (rk_store_index_put (db, "agenda_item", 5, "救急医療情報キット", "キットの配布対象を決めた。",
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (search_count (db, "\"かかりつけ医\""), ==, 0);
  g_assert_cmpint (search_count (db, "\"配布対象\""), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE kind = 'agenda_item' AND ref = 5"), ==, 1);
  /* A page replaced by its title; the other page stays. */
  g_assert_true (rk_store_index_put (db, "attachment_page", 3, "1ページ", "搬送先病院の一覧", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE kind = 'attachment_page' AND ref = 3"),
                   ==, 2);
  g_assert_cmpint (search_count (db, "\"搬送先病院\""), ==, 1);
  g_assert_cmpint (search_count (db, "\"情報共有\""), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT kind, ref FROM search_index WHERE search_index MATCH ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, "\"連絡先が分からない\"", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "challenge");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 5);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_true (rk_store_index_drop (db, "agenda_item", 5, &error));
  g_assert_true (rk_store_index_drop (db, "attachment_page", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (search_count (db, "\"配布対象\""), ==, 0);
  g_assert_cmpint (search_count (db, "\"搬送先病院\""), ==, 0);
  g_assert_cmpint (search_count (db, "\"連絡体制\""), ==, 1);

  /* Purged on close with the rows they mirror: a removed body takes its meeting, agenda item and their text. */
  body = rk_store_add_body (store, &core_body, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO meeting (id, body_id, number, starts_at) "
                                       "VALUES (9, ?1, 1, '2025-06-01T14:00')", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, rk_body_get_id (body));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO agenda_item (id, meeting_id, title) VALUES (11, 9, '退院調整')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rk_store_index_put (db, "meeting", 9, "第1回", "退院調整ルールの検討", &error));
  g_assert_true (rk_store_index_put (db, "agenda_item", 11, "退院調整", "病院と在宅の退院前カンファレンス", &error));
  g_assert_no_error (error);
  g_assert_cmpint (search_count (db, "\"退院調整\""), ==, 2);
  g_assert_true (rk_store_remove_body (store, body, &error));
  g_assert_no_error (error);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  db = rk_store_get_db (store);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM meeting"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM agenda_item"), ==, 0);
  g_assert_cmpint (search_count (db, "\"退院調整\""), ==, 0);
  g_assert_cmpint (search_count (db, "\"連絡体制\""), ==, 1);
}

int
main (int argc, char **argv)
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-test-store-XXXXXX", NULL);

  g_test_add_func ("/store/create-reopen", test_create_reopen);
  g_test_add_func ("/store/create-refuses", test_create_refuses);
  g_test_add_func ("/store/council-validation", test_council_validation);
  g_test_add_func ("/store/council-update", test_council_update);
  g_test_add_func ("/store/bodies", test_bodies);
  g_test_add_func ("/store/labels", test_labels);
  g_test_add_func ("/store/refuse/text-file", test_refuse_text);
  g_test_add_func ("/store/refuse/zero-length", test_refuse_empty);
  g_test_add_func ("/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/store/refuse/damaged-pages", test_refuse_damaged);
  g_test_add_func ("/store/refuse/zeroed-header", test_refuse_zeroed_header);
  g_test_add_func ("/store/refuse/other-database", test_refuse_foreign);
  g_test_add_func ("/store/refuse/newer-schema", test_refuse_too_new);
  g_test_add_func ("/store/refuse/read-only", test_refuse_read_only);
  g_test_add_func ("/store/refuse/open-here", test_refuse_open_here);
  g_test_add_func ("/store/refuse/locked-elsewhere", test_refuse_locked_elsewhere);
  g_test_add_func ("/store/migrate", test_migrate);
  g_test_add_func ("/store/close-single-file", test_close_single_file);
  g_test_add_func ("/store/reopen-after-crash", test_reopen_after_crash);
  g_test_add_func ("/store/backups", test_backups);
  g_test_add_func ("/store/save-copy", test_save_copy);
  g_test_add_func ("/store/check", test_check);
  g_test_add_func ("/store/network-share", test_network_share);
  g_test_add_func ("/store/search-index", test_search_index);

  return rk_test_core_run ();
}

/* The headless commands, run as a user would: the real binary, with no display. */

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <stdlib.h>

#include <poppler.h>
#include <sqlite3.h>

#include "rk-store.h"

static char *tmpdir;

/* Runs renkei with @args and no display; returns the exit status and the output. */
/* The folder the command runs in; NULL: this process's. */
static const char *run_cwd;

static int
run_renkei (const char *const *args, char **out, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RK_RENKEI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Headless means headless: no display to fall back on. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (run_cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_renkei ((const char *[]) { "--help", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "check"));
  g_assert_nonnull (strstr (out, "demo"));
  g_assert_nonnull (strstr (out, "generate"));
  g_assert_nonnull (strstr (out, "export-booklet"));
}

static void
test_cli_demo_and_check (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "demo.renkei", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;
  GStatBuf st;

  g_assert_cmpint (run_renkei ((const char *[]) { "demo", path, NULL }, &out, &err), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (run_renkei ((const char *[]) { "check", path, NULL }, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "quick_check"));
  g_assert_nonnull (strstr (out2, "council"));
  g_assert_nonnull (strstr (out2, "sound"));

  /* The demo refuses to overwrite what is there. */
  g_assert_cmpint (run_renkei ((const char *[]) { "demo", path, NULL }, &out3, &err3), ==, 1);
  g_assert_cmpstr (err3, !=, "");
}

static void
test_cli_check_refuses_bad_files (void)
{
  g_autofree char *text = g_build_filename (tmpdir, "notes.renkei", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "empty.renkei", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.renkei", NULL);
  const char *paths[] = { text, empty, missing };

  g_assert_true (g_file_set_contents (text, "議事録メモ: これは council ファイルではありません\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *before = NULL, *after = NULL;
      gsize len_before = 0, len_after = 0;
      gboolean existed = g_file_get_contents (paths[i], &before, &len_before, NULL);

      g_assert_cmpint (run_renkei ((const char *[]) { "check", paths[i], NULL }, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, "renkei check:"));
      g_assert_cmpuint (strlen (err), >, strlen ("renkei check: ") + 10);
      /* Nothing was changed, and nothing was created. */
      g_assert_cmpint (g_file_get_contents (paths[i], &after, &len_after, NULL), ==, existed);
      if (existed)
        g_assert_cmpmem (before, len_before, after, len_after);
    }
}

static void
test_cli_check_newer_schema (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "newer.renkei", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *before = NULL, *after = NULL;
  gsize len_before = 0, len_after = 0;
  sqlite3 *db = NULL;

  g_assert_cmpint (run_renkei ((const char *[]) { "demo", path, NULL }, &out, &err), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=DELETE; PRAGMA user_version=99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  g_assert_cmpint (run_renkei ((const char *[]) { "check", path, NULL }, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (out2, "99"));
  /* The file is intact: the report must not call its integrity failed. */
  g_assert_null (strstr (out2, "failed"));
  g_assert_cmpstr (err2, !=, "");
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_cli_generate (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "gen.renkei", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "never.renkei", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;

  g_assert_cmpint (run_renkei ((const char *[]) { "generate", "--years", "1", path, NULL }, &out, &err), ==, 0);
  g_assert_cmpint (run_renkei ((const char *[]) { "check", path, NULL }, &out2, &err2), ==, 0);

  g_assert_cmpint (run_renkei ((const char *[]) { "generate", "--years", "0", bad, NULL }, &out3, &err3), ==, 2);
  g_assert_cmpint (run_renkei ((const char *[]) { "generate", "--years", "many", bad, NULL }, &out4, &err4), ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_cli_usage_errors (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_autofree char *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run_renkei ((const char *[]) { "check", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "check"));

  /* A mistyped command is said to be one, not opened as a file in a window. */
  g_assert_cmpint (run_renkei ((const char *[]) { "chek", NULL }, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "chek"));
  g_assert_nonnull (strstr (err2, "--help"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Names in @dir, sorted and joined: to see that a failed export left nothing behind, not even a temporary file.
 * "renkei" (XDG_DATA_HOME's backups of the councils opened) is not the export's doing. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_str_equal (name, "renkei"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
test_cli_export_booklet (void)
{
  g_autofree char *council = g_build_filename (tmpdir, "booklet.renkei", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "冊子.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  gsize len = 0;

  g_assert_cmpint (run_renkei ((const char *[]) { "demo", council, NULL }, &out, &err), ==, 0);
  /* run_renkei() has no DISPLAY nor WAYLAND_DISPLAY: the export must not need GTK. */
  g_assert_cmpint (run_renkei ((const char *[]) { "export-booklet", council, "-o", pdf, NULL }, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "冊子.pdf"));
  g_assert_nonnull (strstr (out2, "pages"));
  g_assert_null (strstr (err2, "Gtk"));

  g_assert_true (g_file_get_contents (pdf, &header, &len, NULL));
  g_assert_cmpuint (len, >, 5);
  g_assert_cmpmem (header, 5, "%PDF-", 5);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 5);
  {
    /* The confirmation counts the pages of the file written. */
    g_autofree char *count = g_strdup_printf ("(%d pages)", poppler_document_get_n_pages (document));
    g_assert_nonnull (strstr (out2, count));
  }
  g_object_unref (document);

  /* A relative output is written where the command runs, and its pages are counted all the same. */
  {
    g_autofree char *out3 = NULL, *err3 = NULL;
    g_autofree char *relative = g_build_filename (tmpdir, "relative.pdf", NULL);

    run_cwd = tmpdir;
    g_assert_cmpint (run_renkei ((const char *[]) { "export-booklet", council, "-o", "relative.pdf", NULL },
                                 &out3, &err3), ==, 0);
    run_cwd = NULL;
    g_assert_true (g_file_test (relative, G_FILE_TEST_IS_REGULAR));
    g_assert_null (strstr (out3, "(0 pages)"));
    g_assert_nonnull (strstr (out3, " pages)"));
  }
}

static void
test_cli_export_booklet_failures (void)
{
  g_autofree char *council = g_build_filename (tmpdir, "booklet-fail.renkei", NULL);
  g_autofree char *notes = g_build_filename (tmpdir, "notes-not-council.renkei", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-council.renkei", NULL);
  g_autofree char *nowhere = g_build_filename (tmpdir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *outdir = g_build_filename (tmpdir, "exports", NULL);
  g_autofree char *pdf = g_build_filename (outdir, "out.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = NULL, *after = NULL, *top_before = NULL;
  const struct {
    const char *council;
    const char *output;
  } cases[] = {
    { council, nowhere }, /* the output's folder does not exist */
    { council, outdir },  /* the output is a folder: nothing can be renamed over it */
    { missing, pdf },
    { notes, pdf },
    { council, council }, /* the PDF would replace the council itself */
  };

  g_assert_cmpint (run_renkei ((const char *[]) { "demo", council, NULL }, &out, &err), ==, 0);
  g_assert_true (g_file_set_contents (notes, "議事録メモ\n", -1, NULL));
  g_assert_cmpint (g_mkdir (outdir, 0700), ==, 0);
  before = list_dir (outdir);
  top_before = list_dir (tmpdir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out2 = NULL, *err2 = NULL, *listing = NULL, *top_listing = NULL;
      const char *newline;

      g_test_message ("export %s -o %s", cases[i].council, cases[i].output);
      g_assert_cmpint (run_renkei ((const char *[]) { "export-booklet", cases[i].council, "-o", cases[i].output, NULL },
                                   &out2, &err2), ==, 1);
      /* One clear line naming the command, nothing claimed on stdout. */
      g_assert_true (g_str_has_prefix (err2, "renkei export-booklet: "));
      newline = strchr (err2, '\n');
      g_assert_nonnull (newline);
      g_assert_cmpstr (newline + 1, ==, "");
      g_assert_cmpuint (strlen (err2), >, strlen ("renkei export-booklet: ") + 10);
      g_assert_cmpstr (out2, ==, "");
      g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      listing = list_dir (outdir);
      g_assert_cmpstr (listing, ==, before);
      top_listing = list_dir (tmpdir);
      g_assert_cmpstr (top_listing, ==, top_before);
    }
  /* The council named as the output is still the council. */
  {
    g_autofree char *out3 = NULL, *err3 = NULL;

    g_assert_cmpint (run_renkei ((const char *[]) { "check", council, NULL }, &out3, &err3), ==, 0);
  }
  /* The refused file is left as it was: not made into a council. */
  g_assert_true (g_file_get_contents (notes, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "議事録メモ\n");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_cli_export_booklet_usage (void)
{
  g_autofree char *council = g_build_filename (tmpdir, "booklet-usage.renkei", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_true (g_file_set_contents (council, "", 0, NULL));
  /* No -o: a usage error naming the option, before the council is even opened. */
  g_assert_cmpint (run_renkei ((const char *[]) { "export-booklet", council, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  g_assert_nonnull (strstr (err, "Usage: renkei export-booklet"));
  g_assert_cmpint (run_renkei ((const char *[]) { "export-booklet", "-o", "x.pdf", NULL }, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "export-booklet"));
  g_assert_cmpint (run_renkei ((const char *[]) { "export-booklet", council, "-o", NULL }, &out3, &err3), ==, 2);
  g_assert_false (g_file_test ("x.pdf", G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("renkei-cli-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/demo-and-check", test_cli_demo_and_check);
  g_test_add_func ("/cli/check-refuses-bad-files", test_cli_check_refuses_bad_files);
  g_test_add_func ("/cli/check-newer-schema", test_cli_check_newer_schema);
  g_test_add_func ("/cli/generate", test_cli_generate);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/export-booklet", test_cli_export_booklet);
  g_test_add_func ("/cli/export-booklet-failures", test_cli_export_booklet_failures);
  g_test_add_func ("/cli/export-booklet-usage", test_cli_export_booklet_usage);
  status = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", tmpdir);
  }
  g_free (tmpdir);
  return status;
}

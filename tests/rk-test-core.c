/* rk-test-core.c — helpers every test and benchmark shares; see rk-test-core.h. */
#include "rk-test-core.h"

#include <glib/gstdio.h>
#include <stdlib.h>

static char *test_dir;

const char *
rk_test_core_init (int          *argc,
                   char       ***argv,
                   const char   *tmpl,
                   const char   *today)
{
  g_assert_null (test_dir);

  /* Environment variables are set while no thread exists yet. */
  if (today != NULL)
    g_setenv ("RK_TODAY", today, TRUE);
  if (tmpl != NULL)
    {
      g_autofree char *data_home = NULL;

      test_dir = rk_test_make_tmp_dir (tmpl);
      data_home = g_build_filename (test_dir, "data", NULL);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }
  g_test_init (argc, argv, NULL);
  return test_dir;
}

int
rk_test_core_run (void)
{
  int status = g_test_run ();

  if (test_dir != NULL && status != 0)
    g_printerr ("# kept %s to look at\n", test_dir);
  else if (test_dir != NULL)
    rk_test_remove_tree (test_dir);
  g_clear_pointer (&test_dir, g_free);
  return status;
}

char *
rk_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
rk_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have made the folder read-only, to see a write refused. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          rk_test_remove_tree (child);
        }
    }
  g_remove (path);
}

guint
rk_test_count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

void
rk_test_keep_file (const char *path,
                   const char *name)
{
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (g_getenv ("RK_KEEP_PDF") == NULL)
    return;
  target = g_build_filename (g_getenv ("RK_KEEP_PDF"), name, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

char *
rk_test_strip (const char *text,
               const char *drop)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (drop == NULL || g_utf8_strchr (drop, -1, c) == NULL)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

PopplerDocument *
rk_test_open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

char *
rk_test_pdf_page_text (PopplerDocument *pdf,
                       int              index,
                       const char      *drop)
{
  g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, index);
  g_autofree char *text = NULL;

  g_assert_nonnull (page);
  text = poppler_page_get_text (page);
  if (text == NULL)
    return g_strdup ("");
  return drop == NULL ? g_steal_pointer (&text) : rk_test_strip (text, drop);
}

char *
rk_test_pdf_text (PopplerDocument *pdf,
                  const char      *drop)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = rk_test_pdf_page_text (pdf, i, drop);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }
  return g_string_free (all, FALSE);
}

RkStore *
rk_test_open_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  RkStore *store;

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

int
rk_test_compare_doubles (gconstpointer a,
                         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
rk_test_median (double *values,
                guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), rk_test_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

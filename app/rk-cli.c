/* rk-cli.c — headless commands. Output is for people (translated); the exit status is for scripts. */

#include "rk-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include <poppler.h>

#include "rk-booklet.h"
#include "rk-store.h"

typedef struct {
  const char *name;
  const char *args;    /* shown in usage */
  const char *summary; /* N_() */
  int       (*run) (int argc, char **argv);
} RkCommand;

static int run_check (int argc, char **argv);
static int run_demo (int argc, char **argv);
static int run_generate (int argc, char **argv);
static int run_export_booklet (int argc, char **argv);

static const RkCommand commands[] = {
  { "check", N_("FILE.renkei"), N_("Report whether a council file is sound (schema version, integrity), changing nothing"), run_check },
  { "demo", N_("OUT.renkei"), N_("Write the demo council (a fictional city) to a new file"), run_demo },
  { "generate", N_("[--years N] [--seed S] OUT.renkei"), N_("Write a synthetic council spanning N fiscal years, every table filled"), run_generate },
  { "export-booklet", N_("FILE.renkei -o OUT.pdf"), N_("Write the council’s rule booklet as a PDF (the saved composition, or the proposed one when none is saved)"), run_export_booklet },
};

static const RkCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_help (void)
{
  g_print ("%s\n", _("Renkei — coordination rules for home and emergency care councils"));
  g_print ("\n%s\n", _("Usage:"));
  g_print ("  renkei [FILE.renkei…]          %s\n", _("Open council files in the window"));
  g_print ("  renkei --demo                  %s\n", _("Open the demo council in the window"));
  g_print ("  renkei COMMAND ARGS…           %s\n", _("Run a command without a display"));
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));
      g_print ("  %s\n      %s\n", left, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  -h, --help      %s\n", _("Show this help"));
  g_print ("  --version       %s\n", _("Show the version"));
}

/* A bare word that names no file ("renkei chek") is a mistyped command, not a council to open. */
static gboolean
is_unknown_command (const char *arg)
{
  return arg[0] != '-'
         && strchr (arg, '/') == NULL
         && strchr (arg, '.') == NULL
         && !g_file_test (arg, G_FILE_TEST_EXISTS);
}

gboolean
rk_cli_is_headless (int argc, char **argv)
{
  if (argc < 2)
    return FALSE;
  return find_command (argv[1]) != NULL
         || is_unknown_command (argv[1])
         || g_strcmp0 (argv[1], "--help") == 0
         || g_strcmp0 (argv[1], "-h") == 0
         || g_strcmp0 (argv[1], "help") == 0
         || g_strcmp0 (argv[1], "--version") == 0;
}

static int
usage_error (const RkCommand *command, const char *message)
{
  g_printerr ("renkei %s: %s\n", command->name, message);
  g_printerr (_("Usage: renkei %s %s\n"), command->name, _(command->args));
  return 2;
}

static int
fail (const RkCommand *command, const char *path, GError *error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_printerr ("renkei %s: %s: %s\n", command->name, display, error->message);
  return 1;
}

/* Parses the command's options; leaves the positional arguments in argv[1..]. */
static gboolean
parse_options (const RkCommand *command, GOptionEntry *entries, int *argc, char ***argv, int *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = g_strdup (_(command->args));

  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

static int
run_check (int argc, char **argv)
{
  const RkCommand *command = find_command ("check");
  g_autoptr(GError) error = NULL;
  const char *const *tables = rk_store_table_names ();
  RkStoreReport report = { 0 };
  int status = 0;
  gboolean sound;

  if (!parse_options (command, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (command, _("Name one council file to check."));

  sound = rk_store_check (argv[1], &report, &error);
  if (!sound && report.schema_version == 0)
    {
      rk_store_report_clear (&report);
      return fail (command, argv[1], error);
    }

  {
    g_autofree char *display = g_filename_display_name (argv[1]);
    g_print ("%s\n", display);
  }
  if (report.council_name != NULL)
    g_print ("  %-24s %s\n", _("Council:"), report.council_name);
  g_print ("  %-24s %d (%s %d)\n", _("Schema version:"), report.schema_version,
           _("this Renkei writes"), RK_STORE_SCHEMA_VERSION);
  if (sound)
    {
      g_print ("  %-24s %s\n", _("Application id:"), _("ok"));
      g_print ("  %-24s %s\n", _("Integrity (quick_check):"), _("ok"));
      g_print ("  %s\n", _("Rows:"));
      for (guint i = 0; tables[i] != NULL && i < G_N_ELEMENTS (report.row_counts); i++)
        g_print ("    %-20s %" G_GINT64_FORMAT "\n", tables[i], report.row_counts[i]);
      g_print ("%s\n", _("The council file is sound."));
    }
  else
    g_printerr ("renkei check: %s\n", error->message);

  rk_store_report_clear (&report);
  return sound ? 0 : 1;
}

static int
run_demo (int argc, char **argv)
{
  const RkCommand *command = find_command ("demo");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!parse_options (command, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (command, _("Name the file to write."));
  if (!rk_store_write_demo (argv[1], &error))
    return fail (command, argv[1], error);
  g_print (_("Wrote the demo council to %s\n"), argv[1]);
  return 0;
}

static int
run_generate (int argc, char **argv)
{
  const RkCommand *command = find_command ("generate");
  g_autoptr(GError) error = NULL;
  int years = 3, seed = 1, status = 0;
  GOptionEntry entries[] = {
    { "years", 'y', 0, G_OPTION_ARG_INT, &years, N_("How many fiscal years the council spans (1–50)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator; the same seed writes the same council"), N_("S") },
    { NULL }
  };

  if (!parse_options (command, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (command, _("Name the file to write."));
  if (years < 1 || years > 50)
    return usage_error (command, _("--years must be a whole number from 1 to 50."));
  if (!rk_store_write_generated (argv[1], (guint) years, (guint32) seed, &error))
    return fail (command, argv[1], error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote a synthetic council of %d fiscal year to %s\n",
                        "Wrote a synthetic council of %d fiscal years to %s\n", years), years, argv[1]);
  return 0;
}

/* The page count of the file just written, for the confirmation; 0 when it cannot be read back. */
static int
count_pdf_pages (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  PopplerDocument *document;
  int n_pages;

  if (uri == NULL)
    return 0;
  document = poppler_document_new_from_file (uri, NULL, NULL);
  if (document == NULL)
    return 0;
  n_pages = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n_pages;
}

/* The checks that need no typesetting: the folder exists, and @path is not a folder itself. */
static gboolean
check_output (const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("This is a folder: name the PDF file to write."));
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The folder “%s” does not exist."), display);
      return FALSE;
    }
  return TRUE;
}

static int
run_export_booklet (int argc, char **argv)
{
  const RkCommand *command = find_command ("export-booklet");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBookletContent) content = NULL;
  g_autofree char *output = NULL;
  g_autofree char *display = NULL;
  int status = 0, n_pages;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write (replaced when it exists)"), N_("OUT.pdf") },
    { NULL }
  };

  if (!parse_options (command, entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (command, _("Name one council file to export."));
  if (output == NULL || output[0] == '\0')
    return usage_error (command, _("Name the PDF to write with -o OUT.pdf."));

  /* A mistyped folder is said at once, not after the whole booklet has been typeset. */
  if (!check_output (output, &error))
    return fail (command, output, error);

  store = rk_store_open (argv[1], &error);
  if (store == NULL)
    return fail (command, argv[1], error);
  booklet = rk_store_get_booklet (store, &error);
  if (booklet == NULL)
    return fail (command, argv[1], error);
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  if (content == NULL)
    return fail (command, argv[1], error);
  /* Everything the PDF needs is read: the file is closed (and backed up) before the long part. */
  if (!rk_store_close (store, &error))
    return fail (command, argv[1], error);

  for (guint i = 0; i < content->warnings->len; i++)
    g_printerr (_("renkei: warning: %s\n"), (const char *) g_ptr_array_index (content->warnings, i));

  if (!rk_booklet_export (content, output, NULL, NULL, NULL, &error))
    {
      /* The export's messages name the file already. */
      g_printerr ("renkei %s: %s\n", command->name, error->message);
      return 1;
    }

  n_pages = count_pdf_pages (output);
  display = g_filename_display_name (output);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%d page)\n", "Wrote %s (%d pages)\n", n_pages), display, n_pages);
  return 0;
}

int
rk_cli_run (int argc, char **argv)
{
  const RkCommand *command;

  g_return_val_if_fail (argc >= 2, 2);

  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("renkei %s\n", RK_VERSION);
      return 0;
    }
  command = find_command (argv[1]);
  if (command == NULL && is_unknown_command (argv[1]))
    {
      g_printerr (_("renkei: “%s” is neither a command nor a council file. See “renkei --help”.\n"), argv[1]);
      return 2;
    }
  if (command == NULL)
    {
      print_help ();
      return 0;
    }
  return command->run (argc - 1, argv + 1);
}

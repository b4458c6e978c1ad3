/* rk-application.c — the Renkei application.
 *
 * One council per window, like GNOME Text Editor: opening a council while one is shown opens a new window, and
 * opening a council that is already open presents its window instead of failing. */
#include <errno.h>
#include <glib/gi18n.h>

#include "rk-application.h"
#include "rk-i18n.h"
#include "rk-new-council-dialog.h"
#include "rk-resources.h"
#include "rk-window.h"

struct _RkApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* Set by --demo in the primary instance: activate() then opens the demo instead of an empty window. */
  gboolean        open_demo_on_activate;
};

G_DEFINE_FINAL_TYPE (RkApplication, rk_application, ADW_TYPE_APPLICATION)

static RkWindow *
rk_application_get_active_rk_window (RkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RK_IS_WINDOW (window))
    return RK_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RK_IS_WINDOW (l->data))
      return RK_WINDOW (l->data);

  return NULL;
}

/* A window that shows no council yet, so a council can go there instead of into a new window. */
static RkWindow *
rk_application_find_empty_window (RkApplication *self,
                                  RkWindow      *preferred)
{
  if (preferred != NULL && rk_window_get_store (preferred) == NULL)
    return preferred;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (RK_IS_WINDOW (l->data) && rk_window_get_store (l->data) == NULL)
      return l->data;

  return NULL;
}

static RkWindow *
rk_application_find_window_for_file (RkApplication *self,
                                     GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      RkStore *store;

      if (!RK_IS_WINDOW (l->data) || !(store = rk_window_get_store (l->data)))
        continue;

      {
        g_autoptr(GFile) shown = g_file_new_for_path (rk_store_get_path (store));

        if (g_file_equal (shown, file))
          return l->data;
      }
    }

  return NULL;
}

static RkWindow *
rk_application_ensure_window (RkApplication *self,
                              RkWindow      *from)
{
  RkWindow *window = from;

  if (window == NULL)
    window = rk_application_get_active_rk_window (self);
  if (window == NULL)
    window = rk_window_new (self);

  return window;
}

static void
rk_application_note_recent (RkApplication *self,
                            RkStore       *store)
{
  g_autoptr(GFile) file = g_file_new_for_path (rk_store_get_path (store));
  g_autofree char *uri = g_file_get_uri (file);
  RkCouncil *council = rk_store_get_council (store);
  GtkRecentData data = {
    .display_name = (char *) rk_council_get_name (council),
    .description = NULL,
    .mime_type = (char *) RK_STORE_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "renkei %f",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

RkWindow *
rk_application_show_store (RkApplication *self,
                           RkStore       *store,
                           RkWindow      *from)
{
  RkWindow *window;

  g_return_val_if_fail (RK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  window = rk_application_find_empty_window (self, from);
  if (window == NULL)
    window = rk_window_new (self);

  rk_window_set_store (window, store);
  rk_application_note_recent (self, store);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

void
rk_application_open_file (RkApplication *self,
                          GFile         *file,
                          RkWindow      *from)
{
  g_autoptr(RkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  RkWindow *window;

  g_return_if_fail (RK_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((window = rk_application_find_window_for_file (self, file)))
    {
      gtk_window_present (GTK_WINDOW (window));
      rk_window_add_toast (window, adw_toast_new (_("This council is already open")));
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, RK_STORE_ERROR, RK_STORE_ERROR_IO,
                   _("“%s” is not a local file. Copy it to this computer first."), uri);
    }
  else
    store = rk_store_open (path, &error);

  if (store == NULL)
    {
      /* Nothing else changes: the window keeps what it showed and only reports the problem. */
      window = rk_application_ensure_window (self, from);
      gtk_window_present (GTK_WINDOW (window));
      rk_window_show_error (window, _("Could Not Open the Council"), error);
      return;
    }

  rk_application_show_store (self, store, from);
}

char *
rk_application_get_demo_path (void)
{
  /* Translators: the file name of the demo council in the user's data folder; keep “.renkei” out of it. */
  g_autofree char *basename = g_strconcat (_("Demo Council"), RK_STORE_SUFFIX, NULL);

  return g_build_filename (g_get_user_data_dir (), "renkei", basename, NULL);
}

gboolean
rk_application_is_council_uri (const char *uri,
                               const char *mime_type)
{
  if (g_strcmp0 (mime_type, RK_STORE_MIME_TYPE) == 0)
    return TRUE;

  return uri != NULL && g_str_has_suffix (uri, RK_STORE_SUFFIX);
}

static void
rk_application_open_demo (RkApplication *self)
{
  g_autofree char *path = rk_application_get_demo_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
        }
      else
        rk_store_write_demo (path, &error);

      if (error != NULL)
        {
          RkWindow *window = rk_application_ensure_window (self, NULL);

          gtk_window_present (GTK_WINDOW (window));
          rk_window_show_error (window, _("Could Not Create the Demo Council"), error);
          return;
        }
    }

  rk_application_open_file (self, file, rk_application_get_active_rk_window (self));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  rk_application_open_demo (RK_APPLICATION (user_data));
}

static void
new_council_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RkApplication *self = user_data;
  RkWindow *window = rk_application_ensure_window (self, NULL);

  gtk_window_present (GTK_WINDOW (window));
  rk_window_new_council (window);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  RkApplication *self = user_data;
  RkWindow *window = rk_application_ensure_window (self, NULL);

  gtk_window_present (GTK_WINDOW (window));
  rk_window_choose_file (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  RkApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window remember its size and close its council file cleanly. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  RkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Renkei contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Renkei"),
                        "application-icon", RK_APP_ID,
                        "developer-name", _("The Renkei Contributors"),
                        "version", RK_VERSION,
                        "comments", _("Draft the coordination rules between home medical care and emergency "
                                      "medical services, and keep a council’s whole history in one file."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  RkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/renkei/Renkei/ui/rk-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, parent);
  gtk_window_set_application (window, GTK_APPLICATION (self));
  gtk_window_present (window);
}

static void
rk_application_apply_color_scheme (RkApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static const GActionEntry app_actions[] = {
  { "new-council", new_council_action },
  { "open", open_action },
  { "open-demo", open_demo_action },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
};

static void
rk_application_startup (GApplication *app)
{
  RkApplication *self = RK_APPLICATION (app);
  g_autoptr(GAction) color_scheme = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new-council", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
  };

  G_APPLICATION_CLASS (rk_application_parent_class)->startup (app);

  g_set_application_name (_("Renkei"));
  gtk_window_set_default_icon_name (RK_APP_ID);

  self->settings = g_settings_new (RK_APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (rk_application_apply_color_scheme), self, G_CONNECT_SWAPPED);
  rk_application_apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
rk_application_activate (GApplication *app)
{
  RkApplication *self = RK_APPLICATION (app);
  RkWindow *window;

  if (self->open_demo_on_activate)
    {
      self->open_demo_on_activate = FALSE;
      rk_application_open_demo (self);
      return;
    }

  window = rk_application_get_active_rk_window (self);
  if (window == NULL)
    window = rk_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
rk_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  RkApplication *self = RK_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    rk_application_open_file (self, files[i], NULL);
}

static int
rk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RkApplication *self = RK_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "demo"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
      return 0;
    }

  self->open_demo_on_activate = TRUE;
  return -1;
}

static void
rk_application_dispose (GObject *object)
{
  RkApplication *self = RK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rk_application_parent_class)->dispose (object);
}

static void
rk_application_class_init (RkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rk_application_dispose;

  /* The resources live in a static library: referencing them keeps the linker from dropping them. */
  (void) rk_get_resource ();

  app_class->startup = rk_application_startup;
  app_class->activate = rk_application_activate;
  app_class->open = rk_application_open;
  app_class->handle_local_options = rk_application_handle_local_options;
}

static void
rk_application_init (RkApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo council"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

RkApplication *
rk_application_new (void)
{
  return g_object_new (RK_TYPE_APPLICATION,
                       "application-id", RK_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/renkei/Renkei",
                       NULL);
}

GSettings *
rk_application_get_settings (RkApplication *self)
{
  g_return_val_if_fail (RK_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* Running from the build tree (./build/ui/renkei): use the build's translations and schemas, so a developer sees
 * the app as installed without installing it. */
static gboolean
rk_running_from_build_tree (void)
{
#ifdef RK_BUILD_ROOT
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, RK_BUILD_ROOT G_DIR_SEPARATOR_S);
#else
  return FALSE;
#endif
}

int
rk_ui_main (int    argc,
            char **argv)
{
  g_autoptr(RkApplication) app = NULL;

  rk_i18n_init ();
#ifdef RK_BUILD_ROOT
  if (rk_running_from_build_tree ())
    {
      if (g_getenv ("RK_LOCALEDIR") == NULL)
        bindtextdomain (GETTEXT_PACKAGE, RK_BUILD_ROOT "/po");
      g_setenv ("GSETTINGS_SCHEMA_DIR", RK_BUILD_ROOT "/data", FALSE);
    }
#endif

  app = rk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

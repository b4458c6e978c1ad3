/* rk-test-ui.c — the harness every test of suite "ui" shares; see rk-test-ui.h. */
#include "rk-test-ui.h"

#include "rk-test-core.h"

#include <glib/gstdio.h>

static RkApplication *app;
static char *tmp_dir;
static GTestDBus *bus;

RkApplication *
rk_test_ui_init (int          *argc,
                 char       ***argv,
                 const char   *tmp_template)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  g_assert_null (app);

  tmp_dir = g_dir_make_tmp (tmp_template, &error);
  g_assert_no_error (error);
  /* The demo council and the recent-files list live in the user's data folder: keep them in the temp dir. */
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The private bus has no accessibility bus; the accessible names are still set and tested as properties. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* A private session bus: GtkApplication registers on it, and the test never touches the user's own session. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  display = g_strdup (g_getenv ("DISPLAY"));
  g_test_dbus_up (bus);
  /* g_test_dbus_up() unsets DISPLAY, but these tests need the (X)vfb display. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = rk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

const char *
rk_test_ui_get_tmp_dir (void)
{
  return tmp_dir;
}

int
rk_test_ui_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&app);
  /* Not g_test_dbus_down(): GTK and libadwaita keep the session bus connection until the process exits, so only
   * the daemon is stopped and @bus is left to the exit. */
  g_test_dbus_stop (bus);
  rk_test_remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);

  return ret;
}

void
rk_test_wait_for (RkTestPredicate  predicate,
                  gpointer         data,
                  const char      *what)
{
  gint64 deadline = g_get_monotonic_time () + RK_TEST_WAIT_USEC;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

void
rk_test_spin (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

GtkWindow *
rk_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

gboolean
rk_test_has_toplevel (gpointer data)
{
  return rk_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

GtkWindow *
rk_test_wait_for_toplevel (GType       type,
                           const char *what)
{
  rk_test_wait_for (rk_test_has_toplevel, GSIZE_TO_POINTER (type), what);
  return rk_test_find_toplevel (type);
}

gboolean
rk_test_no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

gboolean
rk_test_window_shows_council (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  return windows && RK_IS_WINDOW (windows->data) && rk_window_get_store (windows->data) != NULL;
}

GtkWidget *
rk_test_find_descendant (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rk_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
rk_test_save_screenshot (RkWindow   *window,
                         const char *name)
{
  const char *dir = g_getenv ("RK_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;

  rk_test_spin (300);
  snapshot = gtk_snapshot_new ();
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (GTK_WIDGET (window)),
                      gtk_widget_get_height (GTK_WIDGET (window)));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

RkWindow *
rk_test_open_council (const char *path,
                      const char *what)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  rk_test_wait_for (rk_test_window_shows_council, NULL, what);
  return RK_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
}

void
rk_test_create_council (const char          *path,
                        const RkCouncilInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = rk_store_create (path, info, &error);

  g_assert_no_error (error);
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
}

void
rk_test_close_window (RkWindow *window)
{
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  rk_test_wait_for (rk_test_no_windows, NULL, "the window to close");
  rk_test_spin (50);
  g_assert_finalize_object (window);
}

/* rk-welcome-page.c — the welcome page: New council…, Open…, Open demo, and the recent councils. */
#include <glib/gi18n.h>
#include <string.h>

#include "rk-accessible.h"
#include "rk-application.h"
#include "rk-welcome-page.h"

#define RK_WELCOME_MAX_RECENT 8

struct _RkWelcomePage
{
  AdwBin            parent_instance;

  GtkRecentManager *recent_manager;
  guint             n_recent;

  AdwStatusPage    *status_page;
  AdwPreferencesGroup *recent_group;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (RkWelcomePage, rk_welcome_page, ADW_TYPE_BIN)

static int
compare_recent_by_modified (gconstpointer a,
                            gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b), gtk_recent_info_get_modified (info_a));
}

static GtkWidget *
rk_welcome_page_create_recent_row (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shown_dir = NULL;
  const char *home = g_get_home_dir ();
  GtkWidget *row;

  /* ~/Documents reads better than /home/name/Documents. */
  if (g_str_has_prefix (dir, home) && (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    shown_dir = g_strconcat ("~", dir + strlen (home), NULL);
  else
    shown_dir = g_strdup (dir);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_dir);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-file");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
  gtk_widget_set_tooltip_text (row, path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  /* The row's title names it (AdwActionRow's labelled-by); a label of its own would be read as well. */

  return row;
}

static void
rk_welcome_page_reload_recent (RkWelcomePage *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  GtkWidget *child;

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (rk_application_is_council_uri (gtk_recent_info_get_uri (info), gtk_recent_info_get_mime_type (info))
          && gtk_recent_info_is_local (info)
          && gtk_recent_info_exists (info))
        g_ptr_array_add (shown, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (shown, compare_recent_by_modified);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  self->n_recent = MIN (shown->len, RK_WELCOME_MAX_RECENT);
  for (guint i = 0; i < self->n_recent; i++)
    gtk_list_box_append (self->recent_list, rk_welcome_page_create_recent_row (g_ptr_array_index (shown, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->n_recent > 0);
}

guint
rk_welcome_page_get_n_recent (RkWelcomePage *self)
{
  g_return_val_if_fail (RK_IS_WELCOME_PAGE (self), 0);

  return self->n_recent;
}

static void
rk_welcome_page_dispose (GObject *object)
{
  RkWelcomePage *self = RK_WELCOME_PAGE (object);

  self->recent_manager = NULL;

  G_OBJECT_CLASS (rk_welcome_page_parent_class)->dispose (object);
}

static void
rk_welcome_page_class_init (RkWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RkWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RkWelcomePage, recent_list);
}

static void
rk_welcome_page_init (RkWelcomePage *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  /* The app icon is installed with the app; from the build tree fall back to a stock icon. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  adw_status_page_set_icon_name (self->status_page,
                                 gtk_icon_theme_has_icon (theme, RK_APP_ID) ? RK_APP_ID : "system-users-symbolic");

  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (rk_welcome_page_reload_recent), self, G_CONNECT_SWAPPED);
  rk_welcome_page_reload_recent (self);
}

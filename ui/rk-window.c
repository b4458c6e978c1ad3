/* rk-window.c — a Renkei window.
 *
 * A window shows either the welcome page or exactly one council. The council view is an AdwLeaflet: the sidebar
 * follows the guide's process and the content shows one page. A page is a widget class with a construct-only
 * "store" property (RkStore); to add one, write the class and add a line to rk_pages[]. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-booklet-page.h"
#include "rk-indicators-page.h"
#include "rk-meetings-page.h"
#include "rk-rules-page.h"
#include "rk-members-page.h"
#include "rk-new-council-dialog.h"
#include "rk-overview-page.h"
#include "rk-schedule-page.h"
#include "rk-search-bar.h"
#include "rk-welcome-page.h"
#include "rk-window.h"

typedef struct
{
  const char *id;
  const char *title;     /* N_() */
  const char *icon_name;
  GType     (*get_type) (void);
} RkPageEntry;

/* In the order of the guide's process (DOMAIN.md). Later pages: 現状・課題, 会議体・構成員, 工程表, 会議・議事録, 連携ルール,
 * 効果検証指標, 冊子. */
static const RkPageEntry rk_pages[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", rk_overview_page_get_type },
  { "members", N_("Bodies & Members"), "system-users-symbolic", rk_members_page_get_type },
  { "schedule", N_("Schedule"), "x-office-calendar-symbolic", rk_schedule_page_get_type },
  { "meetings", N_("Meetings & Minutes"), "x-office-address-book-symbolic", rk_meetings_page_get_type },
  { "rules", N_("Rules"), "text-x-generic-symbolic", rk_rules_page_get_type },
  { "indicators", N_("Indicators"), "x-office-presentation-symbolic", rk_indicators_page_get_type },
  { "booklet", N_("Booklet"), "accessories-dictionary-symbolic", rk_booklet_page_get_type },
};

struct _RkWindow
{
  AdwApplicationWindow  parent_instance;

  RkStore              *store;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  RkWelcomePage        *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkLabel             *sidebar_title;
  GtkLabel             *sidebar_subtitle;
  AdwWindowTitle       *content_title;
  GtkListBox           *sidebar_list;
  GtkStack             *page_stack;
  RkSearchBar          *search_bar;
};

G_DEFINE_FINAL_TYPE (RkWindow, rk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const RkPageEntry *
rk_window_find_page_entry (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rk_pages); i++)
    if (g_strcmp0 (rk_pages[i].id, id) == 0)
      return &rk_pages[i];

  return NULL;
}

static RkApplication *
rk_window_get_rk_application (RkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return RK_IS_APPLICATION (app) ? RK_APPLICATION (app) : NULL;
}

static void
rk_window_update_title (RkWindow *self)
{
  RkCouncil *council;
  const char *name, *municipality, *prefecture;
  g_autofree char *subtitle = NULL;

  if (self->store == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Renkei"));
      return;
    }

  council = rk_store_get_council (self->store);
  name = rk_council_get_name (council);
  municipality = rk_council_get_municipality (council);
  prefecture = rk_council_get_prefecture (council);

  /* A Japanese address: the prefecture, then the municipality, with no separator (架空県みなと市), whatever the
   * language of the interface, since both are Japanese names. */
  subtitle = g_strconcat (prefecture ? prefecture : "", municipality ? municipality : "", NULL);

  gtk_window_set_title (GTK_WINDOW (self), name);
  gtk_label_set_text (self->sidebar_title, name);
  gtk_label_set_text (self->sidebar_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_subtitle), *subtitle != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), name);
  adw_window_title_set_subtitle (self->content_title, name);
}

static void
rk_window_show_page (RkWindow   *self,
                     const char *page_id)
{
  const RkPageEntry *entry = rk_window_find_page_entry (page_id);
  GtkWidget *row;

  if (entry == NULL || self->store == NULL)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, entry->id);
  adw_window_title_set_title (self->content_title, _(entry->title));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  /* The sidebar's selection always says which page is shown (the page was set first, so this changes nothing). */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), entry->id) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
}

static void
sidebar_row_activated_cb (RkWindow      *self,
                          GtkListBoxRow *row)
{
  rk_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* The shown page follows the sidebar's selection, however it changes: a click, the arrow keys, or an assistive
 * technology selecting a row over AT-SPI (which does not activate it). Only activating a row leaves a folded
 * sidebar for the page, so moving through the rows with the keyboard does not jump away from them. */
static void
sidebar_row_selected_cb (RkWindow      *self,
                         GtkListBoxRow *row)
{
  const RkPageEntry *entry;

  if (row == NULL || self->store == NULL
      || !(entry = rk_window_find_page_entry (gtk_widget_get_name (GTK_WIDGET (row))))
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), entry->id) == 0)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, entry->id);
  adw_window_title_set_title (self->content_title, _(entry->title));
}

static void
back_clicked_cb (RkWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
rk_window_create_sidebar_row (const RkPageEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(entry->title));

  gtk_widget_set_name (row, entry->id);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (entry->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(entry->title), -1);

  return row;
}

static void
rk_window_set_action_enabled (RkWindow   *self,
                              const char *name,
                              gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
rk_window_set_store (RkWindow *self,
                     RkStore  *store)
{
  const char *warning;

  g_return_if_fail (RK_IS_WINDOW (self));
  g_return_if_fail (RK_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);

  for (guint i = 0; i < G_N_ELEMENTS (rk_pages); i++)
    {
      GtkWidget *page = g_object_new (rk_pages[i].get_type (), "store", store, NULL);

      gtk_stack_add_named (self->page_stack, page, rk_pages[i].id);
      gtk_list_box_append (self->sidebar_list, rk_window_create_sidebar_row (&rk_pages[i]));
    }

  g_signal_connect_object (rk_store_get_council (store), "notify",
                           G_CALLBACK (rk_window_update_title), self, G_CONNECT_SWAPPED);
  rk_window_update_title (self);
  rk_window_show_page (self, rk_pages[0].id);
  /* Drop the focus from the welcome page first, or GTK hands it to the first entry, selecting its text. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, "council");
  /* Start on the sidebar, not inside the first field, so a keystroke cannot overwrite the council's name. */
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
  rk_window_set_action_enabled (self, "save-copy", TRUE);
  rk_search_bar_set_store (self->search_bar, store);
  rk_window_set_action_enabled (self, "search", TRUE);

  if ((warning = rk_store_get_location_warning (store)))
    {
      g_autofree char *escaped = g_markup_escape_text (warning, -1);
      AdwToast *toast = adw_toast_new (escaped);

      /* Stays until dismissed: the user must see it before they edit. */
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      rk_window_add_toast (self, toast);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RkStore *
rk_window_get_store (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
rk_window_get_visible_view (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
rk_window_get_welcome_page (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->welcome_page);
}

GtkWidget *
rk_window_get_page (RkWindow   *self,
                    const char *page_id)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;

  return gtk_stack_get_child_by_name (self->page_stack, page_id);
}

GtkWidget *
rk_window_get_search_bar (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->search_bar);
}

void
rk_window_add_toast (RkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rk_window_show_error (RkWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (RK_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
rk_file_chooser_use_documents (GtkFileChooser *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                  ? documents : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static GtkFileFilter *
rk_window_create_council_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Renkei Councils"));
  gtk_file_filter_add_mime_type (filter, RK_STORE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, RK_STORE_SUFFIX + 1);

  return filter;
}

static void
rk_window_open_response_cb (RkWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      RkApplication *app = rk_window_get_rk_application (self);

      if (file != NULL && app != NULL)
        rk_application_open_file (app, file, self);
    }

  g_clear_object (&self->chooser);
}

void
rk_window_choose_file (RkWindow *self)
{
  g_autoptr(GtkFileFilter) filter = rk_window_create_council_filter ();

  g_return_if_fail (RK_IS_WINDOW (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Council"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (rk_window_open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
rk_window_save_copy_to (RkWindow *self,
                        GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (&error, RK_STORE_ERROR, RK_STORE_ERROR_IO, _("Choose a folder on this computer."));
  else if (!g_str_has_suffix (path, RK_STORE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, RK_STORE_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }

  if (error == NULL && rk_store_save_copy (self->store, path, &error))
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *escaped = g_markup_escape_text (basename, -1);

      /* Translators: %s is a file name. */
      rk_window_add_toast (self, adw_toast_new_format (_("Copy saved as “%s”"), escaped));
      return;
    }

  rk_window_show_error (self, _("Could Not Save a Copy"), error);
}

static void
rk_window_save_copy_response_cb (RkWindow             *self,
                                 int                   response,
                                 GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        rk_window_save_copy_to (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
save_copy_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  RkWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = rk_window_create_council_filter ();
  g_autofree char *suggested = NULL;

  if (self->store == NULL || self->chooser != NULL)
    return;

  /* Translators: the suggested file name of "Save a Copy…"; %s is the council's name. */
  suggested = g_strdup_printf (_("%s (copy)"), rk_council_get_name (rk_store_get_council (self->store)));
  g_strdelimit (suggested, G_DIR_SEPARATOR_S, '-');

  self->chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  rk_file_chooser_use_documents (GTK_FILE_CHOOSER (self->chooser));
  {
    g_autofree char *name = g_strconcat (suggested, RK_STORE_SUFFIX, NULL);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (rk_window_save_copy_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
close_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static void
open_file_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  RkWindow *self = user_data;
  RkApplication *app = rk_window_get_rk_application (self);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  if (app != NULL)
    rk_application_open_file (app, file, self);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  rk_window_show_page (RK_WINDOW (user_data), g_variant_get_string (param, NULL));
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  RkWindow *self = user_data;

  if (self->store == NULL)
    return;

  /* Folded, the sidebar may be what is shown: the search lives above the content. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  rk_search_bar_start (self->search_bar);
}

static const GActionEntry win_actions[] = {
  { "close", close_action },
  { "save-copy", save_copy_action },
  { "open-file", open_file_action, "s" },
  { "show-page", show_page_action, "s" },
  { "search", search_action },
};

static void
rk_window_council_created_cb (RkWindow           *self,
                              RkStore            *store,
                              RkNewCouncilDialog *dialog)
{
  RkApplication *app = rk_window_get_rk_application (self);

  if (app != NULL)
    rk_application_show_store (app, store, self);
}

GtkWidget *
rk_window_new_council (RkWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  dialog = rk_new_council_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (rk_window_council_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static gboolean
rk_window_drop_cb (RkWindow      *self,
                   const GValue  *value,
                   double         x,
                   double         y,
                   GtkDropTarget *target)
{
  RkApplication *app = rk_window_get_rk_application (self);
  g_autoptr(GSList) files = NULL;

  if (app == NULL)
    return FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_slist_copy (gdk_file_list_get_files (g_value_get_boxed (value)));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));

  for (GSList *l = files; l; l = l->next)
    rk_application_open_file (app, l->data, self);

  return files != NULL;
}

static gboolean
rk_window_close_request (GtkWindow *window)
{
  RkWindow *self = RK_WINDOW (window);
  int width, height;

  /* Leaving the focused field saves what it holds (the notes are saved on focus-out) before the file closes. */
  gtk_window_set_focus (window, NULL);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Every edit is already committed; closing only checkpoints the WAL and takes a backup. */
      if (!rk_store_close (self->store, &error))
        g_warning ("Closing %s: %s", rk_store_get_path (self->store), error->message);
    }

  return GTK_WINDOW_CLASS (rk_window_parent_class)->close_request (window);
}

static void
rk_window_dispose (GObject *object)
{
  RkWindow *self = RK_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);


  G_OBJECT_CLASS (rk_window_parent_class)->dispose (object);
}

static void
rk_window_finalize (GObject *object)
{
  RkWindow *self = RK_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rk_window_parent_class)->finalize (object);
}

static void
rk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RkWindow *self = RK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_window_class_init (RkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rk_window_dispose;
  object_class->finalize = rk_window_finalize;
  object_class->get_property = rk_window_get_property;

  window_class->close_request = rk_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RK_TYPE_WELCOME_PAGE);
  g_type_ensure (RK_TYPE_SEARCH_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, sidebar_subtitle);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, search_bar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
rk_window_init (RkWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  rk_window_set_action_enabled (self, "save-copy", FALSE);
  rk_window_set_action_enabled (self, "search", FALSE);

  self->settings = g_settings_new (RK_APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (drop, "drop", G_CALLBACK (rk_window_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

RkWindow *
rk_window_new (RkApplication *app)
{
  return g_object_new (RK_TYPE_WINDOW, "application", app, NULL);
}

void
rk_widget_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if ((overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY)))
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  g_warning ("%s: %s", G_OBJECT_TYPE_NAME (widget), adw_toast_get_title (toast));
  g_object_unref (toast);
}

void
rk_widget_show_error_toast (GtkWidget    *widget,
                            const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (error != NULL);

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  rk_widget_add_toast (widget, toast);
}

/* One removal a widget can undo while its toast is shown, kept as object data on the widget. */
typedef struct {
  GObject    *item;
  RkUndoFunc  undo;
  /* A weak pointer: the toast overlay owns the toast. */
  AdwToast   *toast;
} RkUndoState;

#define RK_UNDO_STATE_KEY "rk-undo-state"

static void
rk_undo_state_forget (RkUndoState *state)
{
  if (state->toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (state->toast), (gpointer *) &state->toast);
      state->toast = NULL;
    }
  g_clear_object (&state->item);
}

static void
rk_undo_state_free (gpointer data)
{
  rk_undo_state_forget (data);
  g_free (data);
}

static void
undo_toast_dismissed_cb (GtkWidget *widget,
                         AdwToast  *toast)
{
  RkUndoState *state = g_object_get_data (G_OBJECT (widget), RK_UNDO_STATE_KEY);

  /* Once the toast is gone, so is the undo; the store purges the row when the file closes. */
  if (state != NULL && toast == state->toast)
    rk_undo_state_forget (state);
}

#define RK_TOAST_DISMISSED_KEY "rk-toast-dismissed"
/* Longer than AdwToastOverlay's show and hide animations (300 ms each). */
#define RK_TOAST_SETTLE_MS 350

static void
toast_mark_dismissed (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), RK_TOAST_DISMISSED_KEY, GINT_TO_POINTER (TRUE));
}

static gboolean
toast_dismiss_settled (gpointer data)
{
  AdwToast *toast = data;

  if (!g_object_get_data (G_OBJECT (toast), RK_TOAST_DISMISSED_KEY))
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 frees a toast's state twice when the toast is dismissed while its show animation still runs
 * (an undo right after a removal): let the animation settle first, and never dismiss a toast twice. */
static void
toast_dismiss_later (AdwToast *toast)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, RK_TOAST_SETTLE_MS, toast_dismiss_settled, g_object_ref (toast),
                      g_object_unref);
}

void
rk_widget_add_undo_toast (GtkWidget  *widget,
                          const char *title,
                          GObject    *item,
                          RkUndoFunc  undo)
{
  RkUndoState *state;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (undo != NULL);

  if (!(state = g_object_get_data (G_OBJECT (widget), RK_UNDO_STATE_KEY)))
    {
      state = g_new0 (RkUndoState, 1);
      g_object_set_data_full (G_OBJECT (widget), RK_UNDO_STATE_KEY, state, rk_undo_state_free);
    }
  rk_undo_state_forget (state);
  state->item = g_object_ref (item);
  state->undo = undo;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (rk_widget_undo), widget, G_CONNECT_SWAPPED);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_mark_dismissed), NULL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), widget, G_CONNECT_SWAPPED);
  state->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &state->toast);
  rk_widget_add_toast (widget, toast);
}

void
rk_widget_undo (GtkWidget *widget)
{
  RkUndoState *state = g_object_get_data (G_OBJECT (widget), RK_UNDO_STATE_KEY);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (state == NULL)
    return;

  item = g_steal_pointer (&state->item);
  if ((toast = state->toast) != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &state->toast);
      state->toast = NULL;
      toast_dismiss_later (toast);
    }

  if (item != NULL && !state->undo (widget, item, &error))
    rk_widget_show_error_toast (widget, error);
}

AdwToast *
rk_widget_get_undo_toast (GtkWidget *widget)
{
  RkUndoState *state = g_object_get_data (G_OBJECT (widget), RK_UNDO_STATE_KEY);

  return state != NULL ? state->toast : NULL;
}

void
rk_widget_forget_undo (GtkWidget *widget)
{
  RkUndoState *state = g_object_get_data (G_OBJECT (widget), RK_UNDO_STATE_KEY);

  if (state != NULL)
    rk_undo_state_forget (state);
}

void
rk_widget_unwatch (GtkWidget *widget,
                   GPtrArray *watched)
{
  if (watched == NULL)
    return;

  for (guint i = 0; i < watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (watched, i), widget);
  g_ptr_array_set_size (watched, 0);
}

void
rk_widget_show_error (GtkWidget    *widget,
                      const char   *heading,
                      const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  if (RK_IS_WINDOW (root))
    {
      rk_window_show_error (RK_WINDOW (root), heading, error);
      return;
    }

  /* A page shown outside a Renkei window (tests, previews) still reports to its own window, if any. */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

#define RK_FILE_CHOOSER_KEY "rk-file-chooser"

typedef struct
{
  RkPathFunc callback;
  gpointer   data;
} RkChooseData;

static void
rk_widget_drop_chooser (gpointer chooser)
{
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
rk_widget_choose_response_cb (GtkWidget            *widget,
                              int                   response,
                              GtkFileChooserNative *chooser)
{
  RkChooseData *choose = g_object_get_data (G_OBJECT (chooser), "rk-choose");
  RkPathFunc callback = choose->callback;
  gpointer data = choose->data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  /* Done with the dialog before acting on the answer, so that the callback may open another one. */
  g_object_steal_data (G_OBJECT (widget), RK_FILE_CHOOSER_KEY);
  g_object_unref (chooser);

  if (file != NULL && path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a file on this computer."));
      rk_widget_show_error (widget, _("Could Not Use the File"), error);
      return;
    }
  if (path != NULL)
    callback (widget, path, data);
}

void
rk_widget_choose_path (GtkWidget            *widget,
                       GtkFileChooserAction  action,
                       const char           *title,
                       const char           *suggested_name,
                       const char           *filter_name,
                       const char           *mime_type,
                       const char           *suffix,
                       RkPathFunc            callback,
                       gpointer              data)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root;
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  RkChooseData *choose;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (callback != NULL);

  if (g_object_get_data (G_OBJECT (widget), RK_FILE_CHOOSER_KEY) != NULL)
    return;

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);

  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, action,
                                         save ? _("_Export") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    rk_file_chooser_use_documents (GTK_FILE_CHOOSER (chooser));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  choose = g_new0 (RkChooseData, 1);
  choose->callback = callback;
  choose->data = data;
  g_object_set_data_full (G_OBJECT (chooser), "rk-choose", choose, g_free);
  g_object_set_data_full (G_OBJECT (widget), RK_FILE_CHOOSER_KEY, chooser, rk_widget_drop_chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (rk_widget_choose_response_cb), widget, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rk_print_begin_print_cb (GtkPrintOperation *operation,
                         GtkPrintContext   *context,
                         RkPdfDocument     *document)
{
  gtk_print_operation_set_n_pages (operation, (int) rk_pdf_document_get_n_pages (document));
}

/* A landscape page of the document (a Gantt chart in a portrait booklet) prints on landscape paper, not shrunk. */
static void
rk_print_request_page_setup_cb (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page,
                                GtkPageSetup      *setup,
                                RkPdfDocument     *document)
{
  double width, height;

  rk_pdf_document_get_page_size (document, (guint) page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
rk_print_draw_page_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       RkPdfDocument     *document)
{
  /* The very drawing of the PDF, scaled to the printer's page. */
  rk_pdf_document_draw_page (document, gtk_print_context_get_cairo_context (context), (guint) page,
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

GtkPrintOperation *
rk_print_operation_new_for_document (RkPdfDocument      *document,
                                     const char         *job_name,
                                     GtkPageOrientation  orientation)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (document), NULL);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The document has its own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (job_name != NULL && *job_name != '\0')
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *basename = g_strdup (job_name);

      gtk_print_operation_set_job_name (operation, job_name);
      /* "Print to File" names its file after this, not "output.pdf"; the backend adds the extension, and a title is
       * not a path. */
      g_strdelimit (basename, "/\\", '-');
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
      gtk_print_operation_set_print_settings (operation, settings);
    }
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (rk_print_begin_print_cb), g_object_ref (document),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (rk_print_request_page_setup_cb),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (rk_print_draw_page_cb), g_object_ref (document),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

gboolean
rk_widget_print_document (GtkWidget           *widget,
                          RkPdfDocument       *document,
                          const char          *job_name,
                          GtkPageOrientation   orientation,
                          GError             **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (RK_IS_PDF_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = rk_print_operation_new_for_document (document, job_name, orientation);
  root = gtk_widget_get_root (widget);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

GtkWidget *
rk_widget_new_confirm_dialog (GtkWidget  *widget,
                              const char *heading,
                              const char *body,
                              const char *response,
                              const char *response_label)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (response != NULL, NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

/* rk-window.h — a Renkei window: the welcome page, or one council with its sidebar of process pages. */
#pragma once

#include <adwaita.h>

#include "rk-application.h"
#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_WINDOW (rk_window_get_type ())
G_DECLARE_FINAL_TYPE (RkWindow, rk_window, RK, WINDOW, AdwApplicationWindow)

RkWindow    *rk_window_new           (RkApplication *app);
/* The council shown, or NULL while the welcome page is shown. */
RkStore     *rk_window_get_store     (RkWindow      *self);
/* Shows @store in this window, which must not show a council yet. */
void         rk_window_set_store     (RkWindow      *self,
                                      RkStore       *store);
/* "welcome" or "council". */
const char  *rk_window_get_visible_view (RkWindow   *self);
/* The welcome page (shown while no council is), for tests. */
GtkWidget   *rk_window_get_welcome_page (RkWindow   *self);
/* The page widget with the id of the sidebar table ("overview", …), or NULL when no council is shown. */
GtkWidget   *rk_window_get_page      (RkWindow      *self,
                                      const char    *page_id);
/* Takes ownership of @toast. */
void         rk_window_add_toast     (RkWindow      *self,
                                      AdwToast      *toast);
/* Reports a failure the user caused or can fix, with the (translated) message of @error. Changes nothing else. */
void         rk_window_show_error    (RkWindow      *self,
                                      const char    *heading,
                                      const GError  *error);
/* Asks for a council file to open (GtkFileChooserNative). */
void         rk_window_choose_file   (RkWindow      *self);
/* Presents the New Council dialog for this window and returns it (owned by GTK). */
GtkWidget   *rk_window_new_council   (RkWindow      *self);

G_END_DECLS

G_BEGIN_DECLS

/* Shows @toast (taking ownership) in the window that holds @widget; pages and rows use it for errors and undo. */
void         rk_widget_add_toast     (GtkWidget     *widget,
                                      AdwToast      *toast);
/* A toast with the (translated) message of @error, for a failed in-place edit. */
void         rk_widget_show_error_toast (GtkWidget  *widget,
                                         const GError *error);

G_END_DECLS

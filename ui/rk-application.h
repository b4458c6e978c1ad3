/* rk-application.h — the Renkei application: one window per council, app-wide actions, settings. */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_APPLICATION (rk_application_get_type ())
G_DECLARE_FINAL_TYPE (RkApplication, rk_application, RK, APPLICATION, AdwApplication)

typedef struct _RkWindow RkWindow;

RkApplication *rk_application_new        (void);
GSettings     *rk_application_get_settings (RkApplication *self);

/* Opens @file: presents the window that already shows it, or shows it in @from when that window has no council yet,
 * or in a new window. A file that cannot be opened is reported in @from (or the active window) and nothing else
 * changes. @from may be NULL. */
void           rk_application_open_file  (RkApplication *self,
                                          GFile         *file,
                                          RkWindow      *from);
/* Shows an opened or newly created @store, following the same window rules as rk_application_open_file(). */
RkWindow      *rk_application_show_store (RkApplication *self,
                                          RkStore       *store,
                                          RkWindow      *from);
/* Where "Open demo" keeps the demo council: a file in the user's data directory. */
char          *rk_application_get_demo_path (void);
/* Whether @file is a council file by its name or its MIME type, for recent-file lists and drops. */
gboolean       rk_application_is_council_uri (const char *uri,
                                              const char *mime_type);

/* The entry point of every invocation that needs a display (app/main.c): sets up gettext and runs the app. */
int            rk_ui_main                (int            argc,
                                          char         **argv);

G_END_DECLS

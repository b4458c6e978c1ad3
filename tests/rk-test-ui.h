/* rk-test-ui.h — the harness every test of suite "ui" shares (compiled into each of them by tests/meson.build).
 *
 * Nautilus-style: one application for the whole run on a private session bus, actions activated on the widgets, the
 * main loop spun with a bound (a test fails instead of hanging), and g_assert_finalize_object() where a window goes
 * away, to catch leaks of windows and council files. */
#pragma once

#include "rk-application.h"
#include "rk-window.h"

G_BEGIN_DECLS

#define RK_TEST_WAIT_USEC (10 * G_USEC_PER_SEC)

typedef gboolean (*RkTestPredicate) (gpointer data);

/* Prepares the run: a temporary directory from @tmp_template (g_dir_make_tmp()) as XDG_DATA_HOME (the demo council
 * and the recent-files list live there), memory GSettings, GTK_A11Y=none, a private session bus, gtk_test_init(),
 * adw_init(), and one registered RkApplication that handles files and is not unique. Returns the application (owned
 * by the harness). */
RkApplication *rk_test_ui_init              (int              *argc,
                                             char           ***argv,
                                             const char       *tmp_template);
/* The temporary directory of rk_test_ui_init(); removed with its contents by rk_test_ui_run(). */
const char    *rk_test_ui_get_tmp_dir       (void);
/* Runs the tests added with g_test_add_func(), then drops the application, stops the bus and removes the temporary
 * directory. Returns what g_test_run() returned. */
int            rk_test_ui_run               (void);

/* Spins the main loop until @predicate holds, failing the test after RK_TEST_WAIT_USEC instead of hanging. */
void           rk_test_wait_for             (RkTestPredicate   predicate,
                                             gpointer          data,
                                             const char       *what);
/* Lets pending idles and redraws run, for a bounded time. */
void           rk_test_spin                 (guint             msec);

/* The first visible toplevel of @type, or NULL. */
GtkWindow     *rk_test_find_toplevel        (GType             type);
/* A predicate for rk_test_wait_for(): @data is a GType (GSIZE_TO_POINTER). */
gboolean       rk_test_has_toplevel         (gpointer          data);
/* Waits for a visible toplevel of @type (a dialog the app opens) and returns it. */
GtkWindow     *rk_test_wait_for_toplevel    (GType             type,
                                             const char       *what);

/* Predicates for rk_test_wait_for() on the application's windows. */
gboolean       rk_test_no_windows           (gpointer          data);
gboolean       rk_test_window_shows_council (gpointer          data);

/* The first widget of @type in @widget's tree (@widget itself included, depth first), or NULL. */
GtkWidget     *rk_test_find_descendant      (GtkWidget        *widget,
                                             GType             type);
/* With RK_TEST_SCREENSHOT_DIR set, saves what @window shows as NAME.png there, to look at by eye. */
void           rk_test_save_screenshot      (RkWindow         *window,
                                             const char       *name);

/* Opens the council at @path as from the command line and returns the window once it shows it. */
RkWindow      *rk_test_open_council         (const char       *path,
                                             const char       *what);
/* Creates a council file at @path with @info and closes it, asserting that both worked. */
void           rk_test_create_council       (const char       *path,
                                             const RkCouncilInfo *info);
/* Closes @window (the only one) with win.close and checks that it is finalized. */
void           rk_test_close_window         (RkWindow         *window);

G_END_DECLS

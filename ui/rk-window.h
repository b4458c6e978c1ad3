/* rk-window.h — a Renkei window: the welcome page, or one council with its sidebar of process pages. */
#pragma once

#include <adwaita.h>

#include "rk-application.h"
#include "rk-pdf.h"
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
/* The search (an RkSearchBar, ui/rk-search-bar.h) that win.search (Ctrl+F) opens. */
GtkWidget   *rk_window_get_search_bar (RkWindow     *self);
/* Starts a save dialog in the user's Documents folder (the home folder when there is none), not wherever the
 * process happens to run. */
void         rk_file_chooser_use_documents (GtkFileChooser *chooser);
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

/* Puts back @item that @widget removed; FALSE with @error (a message for the user) when it cannot. */
typedef gboolean (*RkUndoFunc) (GtkWidget  *widget,
                                gpointer    item,
                                GError    **error);
/* After @widget removed @item: shows @title (markup) in a toast with an Undo button that calls @undo on @item.
 * A widget offers one undo at a time: a later removal replaces it, and it is gone once its toast is. */
void         rk_widget_add_undo_toast (GtkWidget  *widget,
                                       const char *title,
                                       GObject    *item,
                                       RkUndoFunc  undo);
/* Undoes @widget's last removal while its toast is shown (the toast's button, or a page's "undo-remove" action);
 * does nothing otherwise. */
void         rk_widget_undo          (GtkWidget     *widget);
/* The toast that offers @widget's undo, or NULL; for tests. */
AdwToast    *rk_widget_get_undo_toast (GtkWidget    *widget);
/* Drops @widget's undo (call in dispose: the removed item is not kept past the widget). */
void         rk_widget_forget_undo   (GtkWidget     *widget);

/* Disconnects @widget's handlers from every object in @watched (the models a page follows) and empties it; does
 * nothing when @watched is NULL (a page disposed twice). */
void         rk_widget_unwatch       (GtkWidget     *widget,
                                      GPtrArray     *watched);

/* Reports a failure the user caused or can fix in a message dialog over the window that holds @widget (see
 * rk_window_show_error()). */
void         rk_widget_show_error    (GtkWidget     *widget,
                                      const char    *heading,
                                      const GError  *error);

/* Called with the local path the user chose; not called when the dialog is cancelled. */
typedef void (*RkPathFunc) (GtkWidget  *widget,
                            const char *path,
                            gpointer    data);
/* Asks for a file (GtkFileChooserNative, modal): with GTK_FILE_CHOOSER_ACTION_SAVE where to export (accept label
 * "_Export", starting in the Documents folder, offering @suggested_name unless NULL), with
 * GTK_FILE_CHOOSER_ACTION_OPEN a file to open (accept label "_Open"). One filter @filter_name for @mime_type and
 * files ending in .@suffix. A widget has one file dialog at a time: does nothing while one is open. A file that is not
 * on this computer is reported to the user instead of being passed to @callback. The dialog goes when @widget does. */
void         rk_widget_choose_path   (GtkWidget            *widget,
                                      GtkFileChooserAction  action,
                                      const char           *title,
                                      const char           *suggested_name,
                                      const char           *filter_name,
                                      const char           *mime_type,
                                      const char           *suffix,
                                      RkPathFunc            callback,
                                      gpointer              data);
/* The print operation for @document (A4 in @orientation by default, each landscape page of the document on
 * landscape paper, the document's own margins, drawn by rk_pdf_document_draw_page()), named @job_name. */
GtkPrintOperation *rk_print_operation_new_for_document (RkPdfDocument      *document,
                                                        const char         *job_name,
                                                        GtkPageOrientation  orientation);
/* Prints @document (A4 in @orientation, the document's own margins) with the print dialog over @widget's window,
 * as @job_name, which also names the file "Print to File" offers (@job_name.pdf). FALSE with @error when printing
 * failed (a cancelled dialog is no failure). */
gboolean     rk_widget_print_document (GtkWidget          *widget,
                                       RkPdfDocument      *document,
                                       const char         *job_name,
                                       GtkPageOrientation  orientation,
                                       GError            **error);

/* An AdwMessageDialog over @widget's window (not yet presented) with a "cancel" response (_Cancel, also on
 * Escape) and @response labelled @response_label, suggested and the default (Enter). */
GtkWidget   *rk_widget_new_confirm_dialog (GtkWidget  *widget,
                                           const char *heading,
                                           const char *body,
                                           const char *response,
                                           const char *response_label);

G_END_DECLS

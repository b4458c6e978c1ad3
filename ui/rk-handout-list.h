/* rk-handout-list.h — a meeting's handouts (資料): PDFs with a thumbnail of their first page, title, pages and size;
 * attach (file chooser, or the "handouts.attach-from" action with a path), open in the reader (RkPdfViewer), remove
 * with undo. */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_HANDOUT_LIST (rk_handout_list_get_type ())
G_DECLARE_FINAL_TYPE (RkHandoutList, rk_handout_list, RK, HANDOUT_LIST, AdwBin)

/* Actions (group "handouts"): "attach" (opens the file chooser), "attach-from" (s: a path; refusals are shown in a
 * dialog and change nothing), "open" (x: handout id), "remove" (x: handout id; undo in a toast). */
GtkWidget   *rk_handout_list_new              (RkStore       *store,
                                               gint64         meeting_id);
RkStore     *rk_handout_list_get_store        (RkHandoutList *self);
gint64       rk_handout_list_get_meeting_id   (RkHandoutList *self);
/* Shows the handouts of another meeting. */
void         rk_handout_list_set_meeting_id   (RkHandoutList *self,
                                               gint64         meeting_id);
/* The handouts shown (RkHandout, transfer none), in order. */
GPtrArray   *rk_handout_list_get_handouts     (RkHandoutList *self);
/* The row of handout @handout_id (an AdwActionRow), or NULL; for tests. */
GtkWidget   *rk_handout_list_get_row          (RkHandoutList *self,
                                               gint64         handout_id);
/* The first page's thumbnail of handout @handout_id once rendered, or NULL while it is being made. */
GdkPaintable *rk_handout_list_get_thumbnail   (RkHandoutList *self,
                                               gint64         handout_id);
/* Whether an attachment is being read (the file is checked in a thread). */
gboolean     rk_handout_list_is_busy          (RkHandoutList *self);
/* Opens handout @handout_id in a reader window and returns it (owned by GTK), or NULL after showing an error. */
GtkWidget   *rk_handout_list_open_handout     (RkHandoutList *self,
                                               gint64         handout_id);

G_END_DECLS

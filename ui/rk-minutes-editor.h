/* rk-minutes-editor.h — the minutes (議事録) of one agenda item: its discussion (議事内容) and decisions (決定事項),
 * saved as the user types, and its action items (宿題事項: 担当者, 期限, 状態).
 *
 * The text is written with rk_store_set_agenda_text() at most RK_MINUTES_SAVE_DELAY_MS after the first keystroke of a
 * burst (not after the last one, so steady typing is still saved on time: a crash loses at most that interval), at
 * once when the focus leaves the text, and by rk_minutes_editor_flush() (the page calls it when it is hidden or its
 * window closes). The action item rows activate the page's actions ("meetings.…"; see rk-meetings-page.h). */
#pragma once

#include <adwaita.h>

#include "rk-store-meetings.h"

G_BEGIN_DECLS

#define RK_MINUTES_SAVE_DELAY_MS 600

#define RK_TYPE_MINUTES_EDITOR (rk_minutes_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkMinutesEditor, rk_minutes_editor, RK, MINUTES_EDITOR, GtkBox)

/* @number: the item's number in the agenda, from 1, for its heading. */
GtkWidget    *rk_minutes_editor_new                (RkStore         *store,
                                                    RkAgendaItem    *item,
                                                    guint            number);
RkAgendaItem *rk_minutes_editor_get_item           (RkMinutesEditor *self);
GtkTextView  *rk_minutes_editor_get_discussion_view (RkMinutesEditor *self);
GtkTextView  *rk_minutes_editor_get_decisions_view (RkMinutesEditor *self);
/* TRUE while typed text waits for its save. */
gboolean      rk_minutes_editor_get_pending        (RkMinutesEditor *self);
/* Writes what waits now. FALSE with @error when the store refused it: the text stays in the views, so nothing is
 * lost, and the next change tries again. */
gboolean      rk_minutes_editor_flush              (RkMinutesEditor *self,
                                                    GError         **error);
/* Shows @actions (RkActionItem, those of this item) as its action item rows. */
void          rk_minutes_editor_set_actions        (RkMinutesEditor *self,
                                                    GPtrArray       *actions);
guint         rk_minutes_editor_get_n_actions      (RkMinutesEditor *self);

G_END_DECLS

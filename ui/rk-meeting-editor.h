/* rk-meeting-editor.h — a dialog that plans a meeting (会議) of one of the council's bodies or edits one: the body,
 * title, day, start and end time, place or online, the schedule task it serves (工程表), status and notes. The number
 * (第n回) is not entered: the store gives the next one of the body. */
#pragma once

#include <adwaita.h>

#include "rk-store-meetings.h"

G_BEGIN_DECLS

#define RK_TYPE_MEETING_EDITOR (rk_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkMeetingEditor, rk_meeting_editor, RK, MEETING_EDITOR, AdwWindow)

/* Actions (what the user's edits do):
 *   "editor.set-field" (ss): "body" (a body id), "title", "date" ("YYYY-MM-DD"), "start" and "end" ("HH:MM"; "end"
 *                            may be empty), "place", "online" ("true"/"false"), "task" (a task id, "0" for none),
 *                            "status" (RkMeetingStatus, decimal) or "notes", and its new value;
 *   "editor.save": validates, writes to the store and closes (stays open with the message when refused);
 *   "editor.cancel": closes, changing nothing.
 * @meeting: NULL to plan a new meeting; @info (nullable) pre-fills a new one (its body, day, …). */
GtkWidget   *rk_meeting_editor_new          (GtkWindow           *parent,
                                             RkStore             *store,
                                             RkMeeting           *meeting,
                                             const RkMeetingInfo *info);
/* The meeting being edited, or the one just added by a successful save; NULL before. */
RkMeeting   *rk_meeting_editor_get_meeting  (RkMeetingEditor     *self);
gboolean     rk_meeting_editor_get_can_save (RkMeetingEditor     *self);
/* Why the meeting cannot be saved as entered (translated), or NULL. */
const char  *rk_meeting_editor_get_message  (RkMeetingEditor     *self);

G_END_DECLS

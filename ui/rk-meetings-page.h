/* rk-meetings-page.h — 会議・議事録: the meetings of the council's bodies with their agenda (議事次第), attendance
 * (出欠), minutes (議事録) and action items (宿題事項), the handouts (資料); the action-item tracker and the challenges
 * (課題) as two more views; the notice (開催通知) and the minutes as PDFs and on paper; meetings to a calendar (.ics). */
#pragma once

#include <adwaita.h>

#include "rk-store-meetings.h"

G_BEGIN_DECLS

#define RK_TYPE_MEETINGS_PAGE (rk_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (RkMeetingsPage, rk_meetings_page, RK, MEETINGS_PAGE, AdwBin)

/* Actions (each does what the user's click or key does; x is an id; "the meeting" is the one selected):
 *   "meetings.show-view" (s): "meetings", "actions" or "challenges";
 *   "meetings.filter-body" (x): list only that body's meetings (0: all bodies);
 *   "meetings.select-meeting" (x): selects and shows a meeting;
 *   "meetings.plan-meeting" (Ctrl+Shift+N): the meeting dialog for a new meeting (rk-meeting-editor.h);
 *   "meetings.edit-meeting" / "meetings.remove-meeting": the dialog / removes the meeting with an undo toast;
 *   "meetings.undo-remove": undoes the page's last removal (meeting, agenda item or action item);
 *   "meetings.add-agenda-item": a dialog for a new agenda item of the meeting;
 *   "meetings.append-agenda-item" ((sxi)): appends title, presenter (member id or 0), minutes allotted (-1: not set);
 *   "meetings.edit-agenda-item" (x) (Enter on the row): a dialog;
 *   "meetings.move-agenda-item-up" (x) / "…-down" (x) (Alt+Up / Alt+Down on the row);
 *   "meetings.remove-agenda-item" (x) (Delete on the row): removes with an undo toast;
 *   "meetings.carry-over": offers the open action items of the body's earlier meetings as 継続審議 items;
 *   "meetings.carry-action" (x): carries that action item into the meeting;
 *   "meetings.set-attendance" ((xis)): member id, RkAttendanceStatus, the proxy's name (for PROXY; "" for the
 *                                       member's registered alternate);
 *   "meetings.add-action-item" (x): a dialog for a new action item of that agenda item;
 *   "meetings.append-action-item" ((xsxss)): agenda item id, title, assignee member id (or 0), assignee text, due
 *                                            date ("YYYY-MM-DD" or "");
 *   "meetings.edit-action-item" (x) / "meetings.remove-action-item" (x) / "meetings.set-action-status" ((xi));
 *   "meetings.export-notice" / "meetings.export-minutes": save dialog (in Documents); "meetings.export-notice-to" (s)
 *   / "meetings.export-minutes-to" (s): write the PDF to the path without asking;
 *   "meetings.print-notice" / "meetings.print-minutes": GtkPrintOperation drawing the same pages;
 *   "meetings.export-ics" (s): "all" (every meeting) or "meeting" (the one selected), with a save dialog;
 *   "meetings.export-ics-to" ((ss)): the same, to a path. */
GtkWidget    *rk_meetings_page_new                 (RkStore        *store);
RkStore      *rk_meetings_page_get_store           (RkMeetingsPage *self);

/* Navigation for other widgets (search, the action tracker): selects the meeting (showing all bodies when the filter
 * hides it), and when @agenda_item_id is not 0 scrolls to that item's minutes and puts the focus in them. */
void          rk_meetings_page_show_meeting        (RkMeetingsPage *self,
                                                    gint64          meeting_id,
                                                    gint64          agenda_item_id);
/* "meetings", "actions" or "challenges". */
void          rk_meetings_page_show_view           (RkMeetingsPage *self,
                                                    const char     *view);
const char   *rk_meetings_page_get_visible_view    (RkMeetingsPage *self);

/* The meeting shown, or NULL. */
RkMeeting    *rk_meetings_page_get_selected_meeting (RkMeetingsPage *self);
/* "n of m present" as shown over the attendance; "" when no meeting is shown. */
const char   *rk_meetings_page_get_attendance_text (RkMeetingsPage *self);
/* The minutes editor (RkMinutesEditor) of an agenda item of the meeting shown, or NULL. */
GtkWidget    *rk_meetings_page_get_minutes_editor  (RkMeetingsPage *self,
                                                    gint64          agenda_item_id);
/* Writes every minute typed and not yet saved (the page does it itself when hidden or when its window closes). */
void          rk_meetings_page_flush               (RkMeetingsPage *self);
/* The toast offering to undo the last removal while it is shown, else NULL. */
AdwToast     *rk_meetings_page_get_undo_toast      (RkMeetingsPage *self);

gboolean      rk_meetings_page_export_notice       (RkMeetingsPage *self,
                                                    const char     *path,
                                                    GError        **error);
gboolean      rk_meetings_page_export_minutes      (RkMeetingsPage *self,
                                                    const char     *path,
                                                    GError        **error);
/* @scope: "all" or "meeting". */
gboolean      rk_meetings_page_export_ics          (RkMeetingsPage *self,
                                                    const char     *scope,
                                                    const char     *path,
                                                    GError        **error);

G_END_DECLS

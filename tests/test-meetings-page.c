/* test-meetings-page.c — the 会議・議事録 page, driven like a user would through its actions (suite "ui", under Xvfb).
 *
 * A council with a body and three members is opened in a window; meetings are planned through the meeting dialog
 * (numbered 第1回, 第2回 by the store), agenda items added and moved, attendance marked, minutes typed into the text
 * views and found again by rk_search(), an action item carried over into the next meeting, the notice and minutes
 * exported and read back with poppler-glib, the meetings exported as iCalendar. Closing the window right after
 * typing must still save the minutes. What is checked is the store and what the page says, never pixels.
 *
 * With RK_SCREENSHOT_DIR set, the demo council's meetings page is also saved as PNG at 1280×800 and 360×800. */
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "rk-meeting-editor.h"
#include "rk-meetings-page.h"
#include "rk-minutes-editor.h"
#include "rk-search.h"
#include "rk-store-members.h"
#include "rk-store-tasks.h"
#include "rk-test-ui.h"
#include "rk-test-core.h"

static RkMember *
add_member (RkStore    *store,
            const char *name,
            const char *organisation,
            const char *alternate,
            gint64      body_id)
{
  g_autoptr(GError) error = NULL;
  RkMemberInfo info = {
    .member_type = 1,
    .organisation = organisation,
    .name = name,
    .role = RK_ROLE_MEMBER,
    .alternate = alternate,
    .term_start = "2025-04-01",
  };
  g_autoptr(RkMember) member = rk_store_add_member (store, &info, &error);

  g_assert_no_error (error);
  g_assert_true (rk_store_set_member_bodies (store, member, &body_id, 1, "2025-04-01", &error));
  g_assert_no_error (error);

  /* The store's list keeps it. */
  return member;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return rk_test_find_toplevel (RK_TYPE_MEETING_EDITOR) == NULL;
}

/* Plans a meeting through the dialog, as the user fills it in, and returns it. */
static RkMeeting *
plan_meeting (RkMeetingsPage *page,
              gint64          body_id,
              const char     *date,
              gint64          task_id)
{
  g_autofree char *body = g_strdup_printf ("%" G_GINT64_FORMAT, body_id);
  g_autofree char *task = g_strdup_printf ("%" G_GINT64_FORMAT, task_id);
  RkMeetingEditor *editor;
  RkMeeting *meeting;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.plan-meeting", NULL));
  editor = RK_MEETING_EDITOR (rk_test_wait_for_toplevel (RK_TYPE_MEETING_EDITOR, "the meeting dialog"));
  g_assert_null (rk_meeting_editor_get_meeting (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "body", body);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "date", date);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "start", "14:00");
  /* An end before the start is refused where it is typed: Save is off and the dialog says why. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "end", "13:00");
  g_assert_false (rk_meeting_editor_get_can_save (editor));
  g_assert_nonnull (rk_meeting_editor_get_message (editor));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL) && editor_gone (NULL));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "end", "16:00");
  g_assert_true (rk_meeting_editor_get_can_save (editor));
  g_assert_null (rk_meeting_editor_get_message (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "place", "みなと市役所 3階 第1会議室");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "online", "true");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-field", "(ss)", "task", task);

  g_object_ref (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  meeting = rk_meeting_editor_get_meeting (editor);
  g_assert_nonnull (meeting);
  g_object_ref (meeting);
  rk_test_wait_for (editor_gone, NULL, "the meeting dialog to close");
  rk_test_spin (20);
  g_assert_finalize_object (editor);
  /* The store's list keeps the meeting. */
  g_object_unref (meeting);

  /* The page shows the meeting just planned. */
  g_assert_true (rk_meetings_page_get_selected_meeting (page) == meeting);
  return meeting;
}

static RkAgendaItem *
agenda_item (RkStore   *store,
             RkMeeting *meeting,
             guint      position)
{
  GListModel *agenda = rk_store_get_agenda (store, meeting);
  g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, position);

  return item;
}

static gboolean
not_pending (gpointer data)
{
  return !rk_minutes_editor_get_pending (data);
}

static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autoptr(RkTestPdf) document = rk_test_open_pdf (path);

  *n_pages = poppler_document_get_n_pages (document);
  return rk_test_pdf_text (document, NULL);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;

  return n;
}

static void
test_meetings_page (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp_dir, "minato.renkei", NULL);
  g_autofree char *notice_path = g_build_filename (tmp_dir, "notice.pdf", NULL);
  g_autofree char *minutes_path = g_build_filename (tmp_dir, "minutes.pdf", NULL);
  g_autofree char *ics_path = g_build_filename (tmp_dir, "meetings.ics", NULL);
  g_autofree char *ics_one_path = g_build_filename (tmp_dir, "meeting.ics", NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo council = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
  };
  RkBodyInfo body_info = { .name = "在宅医療・救急医療連携推進協議会", .tier = RK_TIER_CORE, .purpose = "" };
  RkBodyInfo empty_info = { .name = "救急搬送連携部会", .tier = RK_TIER_FIELD, .purpose = "" };
  RkTaskInfo task_info = { .step = 3, .code = "3-2", .title = "協議会の開催", .start_month = "2025-04",
                           .end_month = "2026-03", .status = RK_TASK_TODO };
  g_autoptr(RkBody) body = NULL;
  g_autoptr(RkBody) empty_body = NULL;
  g_autoptr(RkTask) task = NULL;
  RkMember *sato, *suzuki, *tanaka;
  RkMeeting *first, *second, *third;
  RkAgendaItem *opening, *rules;
  RkMeetingsPage *page;
  RkMinutesEditor *editor;
  RkWindow *window;
  RkStore *store;
  gint64 first_id, rules_id, opening_id;

  rk_test_create_council (path, &council);
  window = rk_test_open_council (path, "the council");
  store = rk_window_get_store (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings"));
  page = RK_MEETINGS_PAGE (rk_window_get_page (window, "meetings"));
  g_assert_true (RK_IS_MEETINGS_PAGE (page));
  g_assert_true (rk_meetings_page_get_store (page) == store);
  g_assert_cmpstr (rk_meetings_page_get_visible_view (page), ==, "meetings");
  rk_test_spin (50);
  g_assert_null (rk_meetings_page_get_selected_meeting (page));
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (page), "No Meetings Yet")));

  /* The three views. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.show-view", "s", "actions"));
  g_assert_cmpstr (rk_meetings_page_get_visible_view (page), ==, "actions");
  rk_meetings_page_show_view (page, "challenges");
  g_assert_cmpstr (rk_meetings_page_get_visible_view (page), ==, "challenges");
  rk_meetings_page_show_view (page, "meetings");

  body = rk_store_add_body (store, &body_info, &error);
  g_assert_no_error (error);
  empty_body = rk_store_add_body (store, &empty_info, &error);
  g_assert_no_error (error);
  task = rk_store_add_task (store, &task_info, &error);
  g_assert_no_error (error);
  sato = add_member (store, "佐藤 一郎", "みなと市医師会", "佐藤 花子", rk_body_get_id (body));
  suzuki = add_member (store, "鈴木 二郎", "みなと市消防本部", NULL, rk_body_get_id (body));
  tanaka = add_member (store, "田中 三郎", "訪問看護ステーションみなと", NULL, rk_body_get_id (body));

  /* Planning: the number is the store's, one more per body. */
  first = plan_meeting (page, rk_body_get_id (body), "2025-06-12", rk_task_get_id (task));
  g_assert_cmpint (rk_meeting_get_number (first), ==, 1);
  g_assert_cmpstr (rk_meeting_get_starts_at (first), ==, "2025-06-12T14:00");
  g_assert_cmpstr (rk_meeting_get_ends_at (first), ==, "2025-06-12T16:00");
  g_assert_true (rk_meeting_get_online (first));
  /* The page says the day in 和暦 with its weekday, and the time as entered (Japan time, whatever the zone). */
  rk_test_spin (50);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "令和7年(2025年)6月12日(木) 14:00〜16:00"));
  g_assert_cmpint (rk_meeting_get_task_id (first), ==, rk_task_get_id (task));
  second = plan_meeting (page, rk_body_get_id (body), "2025-09-11", rk_task_get_id (task));
  g_assert_cmpint (rk_meeting_get_number (second), ==, 2);
  first_id = rk_meeting_get_id (first);
  /* The schedule's task lists the meetings that serve it (the other end of the link). */
  {
    g_autoptr(GPtrArray) served = rk_store_list_task_meetings (store, task, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (served->len, ==, 2);
  }

  /* Agenda: two items, moved and moved back, one removed and undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.select-meeting", "x", first_id));
  g_assert_true (rk_meetings_page_get_selected_meeting (page) == first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.append-agenda-item", "(sxi)", "開会・会長挨拶",
                                             rk_member_get_id (sato), 5));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.append-agenda-item", "(sxi)",
                                             "救急搬送時の情報共有ルールの検討", (gint64) 0, 30));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_agenda (store, first)), ==, 2);
  opening = agenda_item (store, first, 0);
  rules = agenda_item (store, first, 1);
  opening_id = rk_agenda_item_get_id (opening);
  rules_id = rk_agenda_item_get_id (rules);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.move-agenda-item-up", "x", rules_id));
  g_assert_true (agenda_item (store, first, 0) == rules);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.move-agenda-item-down", "x", rules_id));
  g_assert_true (agenda_item (store, first, 1) == rules);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.remove-agenda-item", "x", opening_id));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_agenda (store, first)), ==, 1);
  g_assert_nonnull (rk_meetings_page_get_undo_toast (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.undo-remove", NULL));
  g_assert_null (rk_meetings_page_get_undo_toast (page));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_agenda (store, first)), ==, 2);
  g_assert_true (agenda_item (store, first, 0) == opening);
  rk_test_spin (50);
  g_assert_nonnull (rk_meetings_page_get_minutes_editor (page, opening_id));
  g_assert_nonnull (rk_meetings_page_get_minutes_editor (page, rules_id));

  /* Attendance: a proxy (the registered alternate's name), one present, one absent. */
  g_assert_cmpstr (rk_meetings_page_get_attendance_text (page), ==, "0 of 3 present");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.set-attendance", "(xis)",
                                             rk_member_get_id (sato), (int) RK_ATTENDANCE_PROXY, ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.set-attendance", "(xis)",
                                             rk_member_get_id (suzuki), (int) RK_ATTENDANCE_PRESENT, ""));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.set-attendance", "(xis)",
                                             rk_member_get_id (tanaka), (int) RK_ATTENDANCE_ABSENT, ""));
  g_assert_cmpstr (rk_meetings_page_get_attendance_text (page), ==, "2 of 3 present");
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (page), "2 of 3 present")));
  {
    g_autoptr(GPtrArray) attendees = rk_store_list_attendance (store, first, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (attendees->len, ==, 3);
    for (guint i = 0; i < attendees->len; i++)
      {
        RkAttendee *attendee = g_ptr_array_index (attendees, i);

        if (attendee->member_id == rk_member_get_id (sato))
          {
            g_assert_cmpint (attendee->status, ==, RK_ATTENDANCE_PROXY);
            g_assert_cmpstr (attendee->proxy_name, ==, "佐藤 花子");
          }
      }
  }
  /* A proxy named by hand; the one absent comes online after all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.set-attendance", "(xis)",
                                             rk_member_get_id (sato), (int) RK_ATTENDANCE_PROXY, "山本 四郎"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.set-attendance", "(xis)",
                                             rk_member_get_id (tanaka), (int) RK_ATTENDANCE_ONLINE, ""));
  g_assert_cmpstr (rk_meetings_page_get_attendance_text (page), ==, "3 of 3 present");
  g_assert_nonnull (find_label (GTK_WIDGET (page), "3 of 3 present"));

  /* Minutes: typed into the views, they reach the store after the debounce, without blocking. */
  editor = RK_MINUTES_EDITOR (rk_meetings_page_get_minutes_editor (page, rules_id));
  g_assert_nonnull (editor);
  {
    GtkTextBuffer *discussion = gtk_text_view_get_buffer (rk_minutes_editor_get_discussion_view (editor));
    GtkTextBuffer *decisions = gtk_text_view_get_buffer (rk_minutes_editor_get_decisions_view (editor));
    gint64 started = g_get_monotonic_time ();

    gtk_text_buffer_insert_at_cursor (discussion, "消防本部から救急搬送時の連絡票の様式について説明があった。", -1);
    gtk_text_buffer_insert_at_cursor (decisions, "連絡票の様式を統一する。", -1);
    g_assert_true (rk_minutes_editor_get_pending (editor));
    /* Nothing is written while the user types. */
    g_assert_cmpstr (rk_agenda_item_get_discussion (rules), ==, "");
    rk_test_wait_for (not_pending, editor, "the minutes to be saved");
    g_assert_cmpint (g_get_monotonic_time () - started, >=, (RK_MINUTES_SAVE_DELAY_MS - 50) * 1000);
    g_assert_cmpstr (rk_agenda_item_get_discussion (rules), ==,
                     "消防本部から救急搬送時の連絡票の様式について説明があった。");
    g_assert_cmpstr (rk_agenda_item_get_decisions (rules), ==, "連絡票の様式を統一する。");
  }

  /* Found by search (the core's; the search bar is another widget's), with a three- and a two-character term. */
  {
    g_autoptr(GPtrArray) results = rk_search (store, "連絡票", 0, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < results->len; i++)
      {
        RkSearchResult *result = g_ptr_array_index (results, i);

        if (g_str_equal (result->kind, RK_SEARCH_KIND_AGENDA_ITEM) && result->ref == rules_id)
          {
            found = TRUE;
            g_assert_cmpint (result->meeting_id, ==, first_id);
            g_assert_nonnull (strstr (result->snippet, "<b>"));
          }
      }
    g_assert_true (found);
    g_ptr_array_unref (results);
    results = rk_search (store, "様式 統一", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (results->len, >=, 1);
  }

  /* An action item on the item; open, so it is offered to the next meeting and carried over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.append-action-item", "(xsxss)", rules_id,
                                             "連絡票の様式案を作成する", rk_member_get_id (suzuki), "",
                                             "2025-08-31"));
  rk_test_spin (50);
  g_assert_cmpuint (rk_minutes_editor_get_n_actions (editor), ==, 1);
  {
    g_autoptr(GPtrArray) actions = rk_store_list_action_items (store, RK_ACTION_FILTER_OPEN, first);
    g_autoptr(GPtrArray) offered = NULL;
    RkActionItem *action;
    RkAgendaItem *carried;

    g_assert_cmpuint (actions->len, ==, 1);
    action = g_ptr_array_index (actions, 0);
    g_assert_cmpint (rk_action_item_get_agenda_item_id (action), ==, rules_id);
    g_assert_cmpint (rk_action_item_get_assignee_member_id (action), ==, rk_member_get_id (suzuki));

    rk_meetings_page_show_meeting (page, rk_meeting_get_id (second), 0);
    g_assert_true (rk_meetings_page_get_selected_meeting (page) == second);
    offered = rk_store_list_open_actions_before (store, second, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (offered->len, ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.carry-action", "x",
                                               rk_action_item_get_id (action)));
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_agenda (store, second)), ==, 1);
    carried = agenda_item (store, second, 0);
    g_assert_cmpint (rk_agenda_item_get_carried_action_id (carried), ==, rk_action_item_get_id (action));
    g_assert_nonnull (strstr (rk_agenda_item_get_title (carried), "連絡票の様式案を作成する"));
    rk_test_spin (50);
    g_assert_nonnull (rk_meetings_page_get_minutes_editor (page, rk_agenda_item_get_id (carried)));

    /* Nothing more to offer now: the dialog says so instead of showing an empty list. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.carry-over", NULL));
    {
      GtkWindow *dialog = rk_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the carry-over dialog");

      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Nothing to Carry Over");
      g_object_ref (dialog);
      gtk_window_close (dialog);
      rk_test_spin (20);
      g_assert_finalize_object (dialog);
    }
  }

  /* A body no one sits on: the attendance explains, and nothing breaks. */
  third = plan_meeting (page, rk_body_get_id (empty_body), "2025-07-03", 0);
  g_assert_cmpint (rk_meeting_get_number (third), ==, 1);
  rk_test_spin (50);
  g_assert_cmpstr (rk_meetings_page_get_attendance_text (page), ==, "0 of 0 present");
  g_assert_true (gtk_widget_get_mapped (find_label (GTK_WIDGET (page), "No member sits on this body")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.filter-body", "x",
                                             rk_body_get_id (empty_body)));
  g_assert_true (rk_meetings_page_get_selected_meeting (page) == third);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.filter-body", "x", (gint64) 0));

  /* Documents of the first meeting. */
  rk_meetings_page_show_meeting (page, first_id, rules_id);
  g_assert_true (rk_meetings_page_get_selected_meeting (page) == first);
  rk_test_spin (100);
  /* Shown at its agenda item, with the focus in its minutes. */
  editor = RK_MINUTES_EDITOR (rk_meetings_page_get_minutes_editor (page, rules_id));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window))
                 == GTK_WIDGET (rk_minutes_editor_get_discussion_view (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.export-notice-to", "s", notice_path));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.export-minutes-to", "s", minutes_path));
  {
    int n_pages;
    g_autofree char *notice = pdf_text (notice_path, &n_pages);
    g_autofree char *minutes = NULL;

    g_assert_cmpint (n_pages, >=, 1);
    g_assert_nonnull (strstr (notice, "開催について"));
    g_assert_nonnull (strstr (notice, "救急搬送時の情報共有ルールの検討"));
    minutes = pdf_text (minutes_path, &n_pages);
    g_assert_cmpint (n_pages, >=, 1);
    g_assert_nonnull (strstr (minutes, "議事録"));
    g_assert_nonnull (strstr (minutes, "連絡票の様式を統一する"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.export-ics-to", "(ss)", "all", ics_path));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.export-ics-to", "(ss)", "meeting",
                                             ics_one_path));
  {
    g_autofree char *all = NULL;
    g_autofree char *one = NULL;

    g_assert_true (g_file_get_contents (ics_path, &all, NULL, &error));
    g_assert_true (g_file_get_contents (ics_one_path, &one, NULL, &error));
    g_assert_true (g_str_has_prefix (all, "BEGIN:VCALENDAR\r\n"));
    g_assert_true (g_str_has_prefix (one, "BEGIN:VCALENDAR\r\n"));
    g_assert_cmpuint (count_occurrences (all, "BEGIN:VEVENT"), ==, 3);
    g_assert_cmpuint (count_occurrences (one, "BEGIN:VEVENT"), ==, 1);
    g_assert_nonnull (strstr (one, "DTSTART;TZID=Asia/Tokyo:20250612T140000"));
  }

  /* Typed and the window closed at once: the close writes the minutes before the file closes. */
  editor = RK_MINUTES_EDITOR (rk_meetings_page_get_minutes_editor (page, opening_id));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (rk_minutes_editor_get_decisions_view (editor)),
                            "次回は9月に開催する。", -1);
  g_assert_true (rk_minutes_editor_get_pending (editor));
  rk_test_close_window (window);

  {
    g_autoptr(RkStore) reopened = rk_store_open (path, &error);
    RkMeeting *meeting;
    RkAgendaItem *item;

    g_assert_no_error (error);
    meeting = rk_store_find_meeting (reopened, first_id);
    g_assert_nonnull (meeting);
    item = agenda_item (reopened, meeting, 0);
    g_assert_cmpint (rk_agenda_item_get_id (item), ==, opening_id);
    g_assert_cmpstr (rk_agenda_item_get_decisions (item), ==, "次回は9月に開催する。");
    item = agenda_item (reopened, meeting, 1);
    g_assert_cmpstr (rk_agenda_item_get_discussion (item), ==,
                     "消防本部から救急搬送時の連絡票の様式について説明があった。");
    g_assert_true (rk_store_close (reopened, &error));
  }
}

/* ---- Screenshots (RK_SCREENSHOT_DIR) ------------------------------------------------------------------ */

/* What the X server shows (the frames GTK drew), cut to the window. ImageMagick's import, as HACKING.md says. */
static void
save_screenshot (GtkWidget  *window,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("import -window root -crop %dx%d+0+0 +repage %s",
                                              gtk_widget_get_width (window), gtk_widget_get_height (window), quoted);
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("Saved %s", path);
}

static void
test_screenshots (void)
{
  const char *dir = g_getenv ("RK_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), "demo.renkei", NULL);
  g_autoptr(GError) error = NULL;
  /* detail: 0 the list, 1 a meeting from its top, 2 a meeting at its second agenda item's minutes. */
  const struct { const char *name; int width; int detail; const char *view; } shots[] = {
    /* The narrow list first: showing a meeting moves the page's leaflet to the meeting. */
    { "meetings-360-list.png", 360, 0, "meetings" },
    { "meetings-1280.png", 1280, 0, "meetings" },
    { "meetings-1280-detail.png", 1280, 1, "meetings" },
    { "meetings-1280-minutes.png", 1280, 2, "meetings" },
    { "meetings-1280-actions.png", 1280, 0, "actions" },
    { "meetings-360-detail.png", 360, 1, "meetings" },
  };
  RkMeetingsPage *page;
  RkWindow *window;
  GListModel *meetings;

  if (dir == NULL)
    {
      g_test_skip ("RK_SCREENSHOT_DIR is not set");
      return;
    }

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  window = rk_test_open_council (path, "the demo council");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  page = RK_MEETINGS_PAGE (rk_window_get_page (window, "meetings"));
  meetings = rk_store_get_meetings (rk_window_get_store (window));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *file = g_build_filename (dir, shots[i].name, NULL);

      gtk_window_unmaximize (GTK_WINDOW (window));
      gtk_window_set_default_size (GTK_WINDOW (window), shots[i].width, 800);
      /* Let the leaflets fold or unfold before anything navigates. */
      rk_test_spin (300);
      rk_meetings_page_show_view (page, shots[i].view);
      /* Narrow, the window's own leaflet shows the page rather than its sidebar. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
      if (shots[i].detail)
        {
          g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, shots[i].detail == 1 ? 3 : 2);
          GListModel *agenda = rk_store_get_agenda (rk_window_get_store (window), meeting);
          g_autoptr(RkAgendaItem) item = shots[i].detail == 2 && g_list_model_get_n_items (agenda) > 1
                                         ? g_list_model_get_item (agenda, 1) : NULL;

          rk_meetings_page_show_meeting (page, rk_meeting_get_id (meeting), item ? rk_agenda_item_get_id (item) : 0);
        }
      rk_test_spin (700);
      save_screenshot (GTK_WIDGET (window), file);
    }

  rk_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  rk_test_ui_init (&argc, &argv, "test-meetings-page-XXXXXX");

  g_test_add_func ("/meetings-page/plan-agenda-attendance-minutes", test_meetings_page);
  g_test_add_func ("/meetings-page/screenshots", test_screenshots);

  return rk_test_ui_run ();
}

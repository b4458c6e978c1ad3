/* test-meetings.c — meetings (第n回 numbering), agenda and minutes, attendance, action items with carry-over,
 * challenges with notes, their search-index mirror, undo, persistence and the demo council's meetings. */

#include <glib/gstdio.h>
#include <string.h>

#include "rk-store-meetings.h"
#include "rk-store-members.h"
#include "rk-store-private.h"
#include "rk-store-tasks.h"
#include "rk-test-core.h"

/* Pinned before anything reads it: the demo is written as of this day, and "overdue" is judged against it. */
#define TODAY "2026-11-01"

static const char *test_dir;

static char *
test_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%02u-%s.renkei", ++counter, name);

  return g_build_filename (test_dir, unique, NULL);
}

static const RkCouncilInfo council_info = {
  .name = "みなと市在宅医療・救急医療連携推進協議会",
  .municipality = "みなと市",
  .prefecture = "架空県",
  .fiscal_year = 2026,
  .setup = RK_SETUP_BOTH,
  .notes = "",
};

static RkStore *
new_store (const char  *name,
           char       **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path (name);
  RkStore *store = rk_store_create (path, &council_info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
reopen (RkStore    **store,
        const char  *path)
{
  g_autoptr(GError) error = NULL;

  rk_store_close (*store, &error);
  g_assert_no_error (error);
  g_clear_object (store);
  *store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*store);
}

static RkBody *
add_body (RkStore    *store,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  RkBodyInfo info = { .name = name, .tier = RK_TIER_CORE, .purpose = "" };
  RkBody *body = rk_store_add_body (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  return body;
}

static RkMember *
add_member (RkStore    *store,
            const char *name,
            const char *kana,
            const char *alternate)
{
  g_autoptr(GError) error = NULL;
  RkMemberInfo info = {
    .member_type = 1,
    .organisation = "みなと市医師会",
    .name = name,
    .kana = kana,
    .role = RK_ROLE_MEMBER,
    .alternate = alternate,
  };
  RkMember *member = rk_store_add_member (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (member);
  return member;
}

/* Seats @member on @body from @joined (and off it from @left, when set). */
static void
seat (RkStore    *store,
      RkMember   *member,
      RkBody     *body,
      const char *joined,
      const char *left)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rk_body_get_id (body);

  g_assert_true (rk_store_set_member_bodies (store, member, &id, 1, joined, &error));
  g_assert_no_error (error);
  if (left != NULL)
    {
      g_assert_true (rk_store_set_member_bodies (store, member, NULL, 0, left, &error));
      g_assert_no_error (error);
    }
}

static RkMeetingInfo
meeting_info (RkBody     *body,
              const char *title,
              const char *starts_at)
{
  RkMeetingInfo info = {
    .body_id = body != NULL ? rk_body_get_id (body) : 0,
    .title = title,
    .starts_at = starts_at,
    .ends_at = NULL,
    .place = "みなと市役所 第1会議室",
    .status = RK_MEETING_PLANNED,
    .notes = "",
  };

  return info;
}

static RkMeeting *
add_meeting (RkStore    *store,
             RkBody     *body,
             const char *title,
             const char *starts_at)
{
  g_autoptr(GError) error = NULL;
  RkMeetingInfo info = meeting_info (body, title, starts_at);
  RkMeeting *meeting = rk_store_add_meeting (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static RkAgendaItem *
add_item (RkStore    *store,
          RkMeeting  *meeting,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  RkAgendaItemInfo info = { .title = title, .minutes_allotted = 20 };
  RkAgendaItem *item = rk_store_add_agenda_item (store, meeting, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static RkActionItem *
add_action (RkStore        *store,
            RkMeeting      *meeting,
            const char     *title,
            const char     *due_date,
            RkActionStatus  status)
{
  g_autoptr(GError) error = NULL;
  RkActionItemInfo info = { .title = title, .assignee_text = "事務局", .due_date = due_date, .status = status };
  RkActionItem *action = rk_store_add_action_item (store, meeting, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (action);
  return action;
}

/* "1 2 3" for the numbers of a list of meetings. */
static char *
numbers_of (GListModel *meetings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (meetings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);

      g_string_append_printf (text, "%s%d", i > 0 ? " " : "", rk_meeting_get_number (meeting));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "a b c" for the titles of an agenda. */
static char *
titles_of (GListModel *agenda)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (agenda);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", rk_agenda_item_get_title (item));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
query_int (RkStore    *store,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (rk_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The ref of the one search_index row of @kind matching @match (FTS5 trigram), 0 for none; two is a failure. */
static gint64
search_ref (RkStore    *store,
            const char *kind,
            const char *match)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ref = 0;
  int rows = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (rk_store_get_db (store), "SELECT ref FROM search_index "
                                       "WHERE search_index MATCH ?1 AND kind = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ref = sqlite3_column_int64 (stmt, 0);
      rows++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (rows, <=, 1);
  return ref;
}

/* ------------------------------------------------------------------------------------------------------------ */

static void
test_numbering (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("numbering", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkBody) field = add_body (store, "現場レベルの会議");
  g_autoptr(RkMeeting) c1 = add_meeting (store, core, "キックオフ", "2026-04-20T14:00");
  g_autoptr(RkMeeting) c2 = add_meeting (store, core, "現状の共有", "2026-06-15T14:00");
  g_autoptr(RkMeeting) c3 = add_meeting (store, core, "課題の整理", "2026-08-17T14:00");
  g_autoptr(RkMeeting) f1 = add_meeting (store, field, "", "2026-05-11T18:30");
  g_autoptr(RkMeeting) c4 = NULL;
  g_autoptr(RkMeeting) c4b = NULL;
  g_autofree char *numbers = NULL;
  GListModel *all = rk_store_get_meetings (store);
  GListModel *core_list = rk_store_get_body_meetings (store, rk_body_get_id (core));

  g_assert_cmpint (rk_meeting_get_number (c1), ==, 1);
  g_assert_cmpint (rk_meeting_get_number (c2), ==, 2);
  g_assert_cmpint (rk_meeting_get_number (c3), ==, 3);
  g_assert_cmpint (rk_meeting_get_number (f1), ==, 1); /* separate per body */
  {
    g_autofree char *label = rk_meeting_dup_number_label (c3);
    g_autofree char *date = rk_meeting_dup_date (c3);

    g_assert_cmpstr (label, ==, "No. 3");
    g_assert_cmpstr (date, ==, "2026-08-17");
  }

  /* All meetings by date; one body's by number. */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  {
    g_autoptr(RkMeeting) second = g_list_model_get_item (all, 1);
    g_assert_true (second == f1);
  }
  numbers = numbers_of (core_list);
  g_assert_cmpstr (numbers, ==, "1 2 3");
  g_assert_true (rk_store_find_meeting (store, rk_meeting_get_id (c2)) == c2);
  g_assert_null (rk_store_find_meeting (store, 9999));
  g_assert_cmpint (search_ref (store, "meeting", "現状の共有"), ==, rk_meeting_get_id (c2));

  /* A deleted 第2回 leaves a gap: the next meeting is 第4回, and undo brings 第2回 back. */
  g_assert_true (rk_store_remove_meeting (store, c2, &error));
  g_assert_no_error (error);
  g_assert_null (rk_store_find_meeting (store, rk_meeting_get_id (c2)));
  g_assert_cmpint (search_ref (store, "meeting", "現状の共有"), ==, 0);
  g_clear_pointer (&numbers, g_free);
  numbers = numbers_of (core_list);
  g_assert_cmpstr (numbers, ==, "1 3");
  c4 = add_meeting (store, core, "ルール案の検討", "2026-10-19T14:00");
  g_assert_cmpint (rk_meeting_get_number (c4), ==, 4);
  g_assert_true (rk_store_restore_meeting (store, c2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_meeting_get_number (c2), ==, 2);
  g_assert_true (rk_store_find_meeting (store, rk_meeting_get_id (c2)) == c2);
  g_assert_cmpint (search_ref (store, "meeting", "現状の共有"), ==, rk_meeting_get_id (c2));
  g_clear_pointer (&numbers, g_free);
  numbers = numbers_of (core_list);
  g_assert_cmpstr (numbers, ==, "1 2 3 4");

  /* The last one removed and its number given again: restored, it takes the next free number. */
  g_assert_true (rk_store_remove_meeting (store, c4, &error));
  c4b = add_meeting (store, core, "ルール案の検討（再）", "2026-10-26T14:00");
  g_assert_cmpint (rk_meeting_get_number (c4b), ==, 4);
  g_assert_true (rk_store_restore_meeting (store, c4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_meeting_get_number (c4), ==, 5);
  g_clear_pointer (&numbers, g_free);
  numbers = numbers_of (core_list);
  g_assert_cmpstr (numbers, ==, "1 2 3 4 5");

  /* Moved to another body: the next number there. */
  {
    RkMeetingInfo info;

    rk_meeting_get_info (c3, &info);
    info.body_id = rk_body_get_id (field);
    g_assert_true (rk_store_update_meeting (store, c3, &info, &error));
    g_assert_no_error (error);
    g_assert_cmpint (rk_meeting_get_number (c3), ==, 2);
    g_clear_pointer (&numbers, g_free);
    numbers = numbers_of (rk_store_get_body_meetings (store, rk_body_get_id (field)));
    g_assert_cmpstr (numbers, ==, "1 2");
    g_clear_pointer (&numbers, g_free);
    numbers = numbers_of (core_list);
    g_assert_cmpstr (numbers, ==, "1 2 4 5");
  }

  /* A body in the bin hides its meetings; undo shows them again, the same objects. */
  g_assert_true (rk_store_remove_body (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);
  g_assert_null (rk_store_find_meeting (store, rk_meeting_get_id (f1)));
  g_assert_true (rk_store_restore_body (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 6);
  g_assert_true (rk_store_find_meeting (store, rk_meeting_get_id (f1)) == f1);
}

static void
assert_refused (RkStore             *store,
                const RkMeetingInfo *info,
                const char          *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkMeeting) meeting = rk_store_add_meeting (store, info, &error);

  g_assert_null (meeting);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, field))
    g_error ("“%s” does not name the field %s", error->message, field);
}

static void
test_validation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("validation", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkBody) gone = add_body (store, "廃止された会議");
  g_autoptr(RkTask) task = NULL;
  g_autoptr(RkMeeting) meeting = NULL;
  RkMeetingInfo info;
  RkTaskInfo task_info = {
    .step = 2, .code = "2-1", .title = "定期研究会の開催", .start_month = "2026-04", .end_month = "2027-03",
    .owner_text = "", .status = RK_TASK_TODO, .cadence = "", .notes = "",
  };

  task = rk_store_add_task (store, &task_info, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_remove_body (store, gone, &error));
  g_assert_no_error (error);

  info = meeting_info (NULL, "x", "2026-06-01T10:00");
  assert_refused (store, &info, "Body");
  info = meeting_info (core, "x", "2026-06-01T10:00");
  info.body_id = 9999;
  assert_refused (store, &info, "Body");
  info = meeting_info (gone, "x", "2026-06-01T10:00");
  assert_refused (store, &info, "Body");

  info = meeting_info (core, "x", "");
  assert_refused (store, &info, "Start");
  info = meeting_info (core, "x", "2026-02-30T10:00");
  assert_refused (store, &info, "Start");
  info = meeting_info (core, "x", "2026-06-01T24:00");
  assert_refused (store, &info, "Start");
  info = meeting_info (core, "x", "2026-06-01T10:60");
  assert_refused (store, &info, "Start");
  info = meeting_info (core, "x", "2026-06-01 10:00");
  assert_refused (store, &info, "Start");
  info = meeting_info (core, "x", "1900-06-01T10:00");
  assert_refused (store, &info, "Start");
  info = meeting_info (core, "x", "2026-06-01T10:00");
  info.ends_at = "2026-06-01T09:59";
  assert_refused (store, &info, "End");
  info.ends_at = "2026-06-31T12:00";
  assert_refused (store, &info, "End");
  info = meeting_info (core, "x", "2026-06-01T10:00");
  info.status = 7;
  assert_refused (store, &info, "Status");
  info = meeting_info (core, "x", "2026-06-01T10:00");
  info.task_id = 9999;
  assert_refused (store, &info, "Schedule task");
  info = meeting_info (core, "\xff\xfe", "2026-06-01T10:00");
  assert_refused (store, &info, "The meeting");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM meeting", NULL), ==, 0);

  /* Accepted: an end equal to a later time, online, the task it serves. */
  info = meeting_info (core, "第1回 中枢会議", "2026-06-01T10:00");
  info.ends_at = "2026-06-01T12:00";
  info.online = TRUE;
  info.task_id = rk_task_get_id (task);
  meeting = rk_store_add_meeting (store, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rk_meeting_get_ends_at (meeting), ==, "2026-06-01T12:00");
  g_assert_true (rk_meeting_get_online (meeting));
  g_assert_cmpint (rk_meeting_get_task_id (meeting), ==, rk_task_get_id (task));
  {
    g_autoptr(GPtrArray) served = rk_store_list_task_meetings (store, task, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (served->len, ==, 1);
  }

  /* An update is checked the same way and changes nothing when refused. */
  info.ends_at = "2026-05-31T12:00";
  g_assert_false (rk_store_update_meeting (store, meeting, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rk_meeting_get_ends_at (meeting), ==, "2026-06-01T12:00");
  info.ends_at = NULL;
  info.status = RK_MEETING_HELD;
  g_assert_true (rk_store_update_meeting (store, meeting, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_meeting_get_ends_at (meeting), ==, "");
  g_assert_cmpint (rk_meeting_get_status (meeting), ==, RK_MEETING_HELD);

  g_assert_cmpstr (rk_meeting_status_to_label (RK_MEETING_CANCELLED), ==, "Cancelled");
  g_assert_cmpstr (rk_attendance_status_to_label (RK_ATTENDANCE_PROXY), ==, "Proxy");
  g_assert_cmpstr (rk_action_status_to_label (RK_ACTION_DROPPED), ==, "Dropped");
  g_assert_cmpstr (rk_challenge_status_to_label (RK_CHALLENGE_ADDRESSING), ==, "Being addressed");
}

static void
test_agenda (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("agenda", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkMember) presenter = add_member (store, "山田 太郎", "やまだ たろう", "");
  g_autoptr(RkMeeting) meeting = add_meeting (store, core, "第1回", "2026-06-15T14:00");
  g_autoptr(RkAgendaItem) a = add_item (store, meeting, "A");
  g_autoptr(RkAgendaItem) b = add_item (store, meeting, "B");
  g_autoptr(RkAgendaItem) c = add_item (store, meeting, "C");
  GListModel *agenda = rk_store_get_agenda (store, meeting);
  g_autofree char *titles = NULL;
  RkAgendaItemInfo info = { .title = "", .minutes_allotted = -1 };

  titles = titles_of (agenda);
  g_assert_cmpstr (titles, ==, "A B C");
  g_assert_true (rk_store_move_agenda_item (store, c, -1, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_move_agenda_item (store, c, -1, &error));
  g_clear_pointer (&titles, g_free);
  titles = titles_of (agenda);
  g_assert_cmpstr (titles, ==, "C A B");
  g_assert_false (rk_store_move_agenda_item (store, c, -1, &error)); /* already first */
  g_assert_no_error (error);
  g_assert_false (rk_store_move_agenda_item (store, b, 1, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_move_agenda_item (store, a, 1, &error));
  g_clear_pointer (&titles, g_free);
  titles = titles_of (agenda);
  g_assert_cmpstr (titles, ==, "C B A");
  g_assert_cmpint (rk_agenda_item_get_position (c), <, rk_agenda_item_get_position (b));

  /* Validation. */
  g_assert_false (rk_store_update_agenda_item (store, a, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Title"));
  g_clear_error (&error);
  info.title = "在宅医療の現状報告";
  info.minutes_allotted = 2000;
  g_assert_false (rk_store_update_agenda_item (store, a, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Minutes allotted"));
  g_clear_error (&error);
  info.minutes_allotted = 30;
  info.presenter_member_id = 9999;
  g_assert_false (rk_store_update_agenda_item (store, a, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Presenter"));
  g_clear_error (&error);
  g_assert_cmpstr (rk_agenda_item_get_title (a), ==, "A");

  info.presenter_member_id = rk_member_get_id (presenter);
  g_assert_true (rk_store_update_agenda_item (store, a, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_agenda_item_get_title (a), ==, "在宅医療の現状報告");
  g_assert_cmpint (rk_agenda_item_get_presenter_member_id (a), ==, rk_member_get_id (presenter));
  g_assert_cmpint (rk_agenda_item_get_minutes_allotted (a), ==, 30);

  /* Remove and undo: back in its place. */
  g_assert_true (rk_store_remove_agenda_item (store, b, &error));
  g_assert_no_error (error);
  g_clear_pointer (&titles, g_free);
  titles = titles_of (agenda);
  g_assert_cmpstr (titles, ==, "C 在宅医療の現状報告");
  g_assert_false (rk_store_remove_agenda_item (store, b, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rk_store_restore_agenda_item (store, b, &error));
  g_assert_no_error (error);
  g_clear_pointer (&titles, g_free);
  titles = titles_of (agenda);
  g_assert_cmpstr (titles, ==, "C B 在宅医療の現状報告");
}

static void
test_minutes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("minutes", &path);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkMeeting) meeting = add_meeting (store, core, "第1回", "2026-06-15T14:00");
  g_autoptr(RkAgendaItem) item = add_item (store, meeting, "入退院支援の現状");
  gint64 item_id = rk_agenda_item_get_id (item);
  g_autofree char *modified = NULL;

  /* As typed: each call saves at once. */
  g_assert_true (rk_store_set_agenda_text (store, item, "訪問看護ステーション", "", &error));
  g_assert_true (rk_store_set_agenda_text (store, item, "訪問看護ステーションとの情報共有について意見交換した。",
                                           "退院前カンファレンスの様式を統一する。", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_agenda_item_get_decisions (item), ==, "退院前カンファレンスの様式を統一する。");
  g_assert_cmpint (search_ref (store, "agenda_item", "情報共有"), ==, item_id);
  g_assert_cmpint (search_ref (store, "agenda_item", "カンファレンス"), ==, item_id);
  g_assert_cmpint (search_ref (store, "agenda_item", "入退院支援"), ==, item_id); /* the title */
  g_assert_cmpint (search_ref (store, "agenda_item", "情報共有 様式を統一"), ==, item_id); /* both terms */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'agenda_item'", NULL), ==, 1);
  /* The same text again writes nothing. */
  modified = g_strdup_printf ("%" G_GINT64_FORMAT, query_int (store, "SELECT total_changes()", NULL));
  g_assert_true (rk_store_set_agenda_text (store, item, rk_agenda_item_get_discussion (item),
                                           rk_agenda_item_get_decisions (item), &error));
  g_assert_cmpint (query_int (store, "SELECT total_changes()", NULL), ==, g_ascii_strtoll (modified, NULL, 10));
  g_assert_false (rk_store_set_agenda_text (store, item, "\xff", NULL, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Survives closing the file, and the index follows a rewrite. */
  reopen (&store, path);
  g_set_object (&meeting, rk_store_find_meeting (store, rk_meeting_get_id (meeting)));
  g_clear_object (&item);
  item = g_list_model_get_item (rk_store_get_agenda (store, meeting), 0);
  g_assert_cmpint (rk_agenda_item_get_id (item), ==, item_id);
  g_assert_cmpstr (rk_agenda_item_get_discussion (item), ==, "訪問看護ステーションとの情報共有について意見交換した。");
  g_assert_true (rk_store_set_agenda_text (store, item, "救急搬送時の情報提供シートを検討した。", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (search_ref (store, "agenda_item", "情報共有"), ==, 0);
  g_assert_cmpint (search_ref (store, "agenda_item", "情報提供シート"), ==, item_id);

  /* Removed, it is not found; undo finds it again. Removing the meeting drops its items' entries too. */
  g_assert_true (rk_store_remove_agenda_item (store, item, &error));
  g_assert_cmpint (search_ref (store, "agenda_item", "情報提供シート"), ==, 0);
  g_assert_true (rk_store_restore_agenda_item (store, item, &error));
  g_assert_cmpint (search_ref (store, "agenda_item", "情報提供シート"), ==, item_id);
  g_assert_true (rk_store_remove_meeting (store, meeting, &error));
  g_assert_cmpint (search_ref (store, "agenda_item", "情報提供シート"), ==, 0);
  g_assert_true (rk_store_restore_meeting (store, meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (search_ref (store, "agenda_item", "情報提供シート"), ==, item_id);
}

static void
test_attendance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("attendance", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkBody) other = add_body (store, "作業ワーキング");
  g_autoptr(RkMember) seated = add_member (store, "青木 一郎", "あおき いちろう", "青木 次郎");
  g_autoptr(RkMember) second = add_member (store, "井上 花子", "いのうえ はなこ", "");
  g_autoptr(RkMember) left = add_member (store, "上田 誠", "うえだ まこと", "");
  g_autoptr(RkMember) later = add_member (store, "江藤 健", "えとう けん", "");
  g_autoptr(RkMember) elsewhere = add_member (store, "小川 恵", "おがわ めぐみ", "");
  g_autoptr(RkMeeting) meeting = NULL;
  g_autoptr(GPtrArray) list = NULL;
  RkAttendanceCounts counts;
  RkAttendee *attendee;

  seat (store, seated, core, "2026-04-01", NULL);
  seat (store, second, core, "2026-04-01", NULL);
  seat (store, left, core, "2026-04-01", "2026-05-31");  /* left before the meeting */
  seat (store, later, core, "2026-07-01", NULL);         /* joined after it */
  seat (store, elsewhere, other, "2026-04-01", NULL);   /* another body */
  meeting = add_meeting (store, core, "第1回", "2026-06-15T14:00");

  list = rk_store_list_attendance (store, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  attendee = g_ptr_array_index (list, 0);
  g_assert_cmpint (attendee->member_id, ==, rk_member_get_id (seated));
  g_assert_cmpstr (attendee->alternate, ==, "青木 次郎");
  g_assert_cmpint (attendee->status, ==, RK_ATTENDANCE_UNRECORDED);
  attendee = g_ptr_array_index (list, 1);
  g_assert_cmpint (attendee->member_id, ==, rk_member_get_id (second));
  g_assert_true (rk_store_count_attendance (store, meeting, &counts, &error));
  g_assert_cmpuint (counts.size, ==, 2);
  g_assert_cmpuint (counts.present, ==, 0);
  g_assert_cmpuint (counts.unrecorded, ==, 2);

  /* Proxy: the registered alternate by default. */
  g_assert_true (rk_store_set_attendance (store, meeting, rk_member_get_id (seated), RK_ATTENDANCE_PROXY, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_set_attendance (store, meeting, rk_member_get_id (second), RK_ATTENDANCE_ONLINE, NULL,
                                          &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = rk_store_list_attendance (store, meeting, &error);
  attendee = g_ptr_array_index (list, 0);
  g_assert_cmpint (attendee->status, ==, RK_ATTENDANCE_PROXY);
  g_assert_cmpstr (attendee->proxy_name, ==, "青木 次郎");
  rk_attendance_count (list, &counts);
  g_assert_cmpuint (counts.present, ==, 2);
  g_assert_cmpuint (counts.proxy, ==, 1);
  g_assert_cmpuint (counts.online, ==, 1);
  g_assert_cmpuint (counts.size, ==, 2);

  /* A proxy with no name at all, a member not seated that day: refused. */
  g_assert_false (rk_store_set_attendance (store, meeting, rk_member_get_id (second), RK_ATTENDANCE_PROXY, "　",
                                           &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Proxy"));
  g_clear_error (&error);
  g_assert_false (rk_store_set_attendance (store, meeting, rk_member_get_id (left), RK_ATTENDANCE_PRESENT, NULL,
                                           &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rk_store_set_attendance (store, meeting, rk_member_get_id (elsewhere), RK_ATTENDANCE_PRESENT,
                                           NULL, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Absent, then cleared. */
  g_assert_true (rk_store_set_attendance (store, meeting, rk_member_get_id (second), RK_ATTENDANCE_ABSENT, NULL,
                                          &error));
  g_assert_true (rk_store_count_attendance (store, meeting, &counts, &error));
  g_assert_cmpuint (counts.present, ==, 1);
  g_assert_cmpuint (counts.absent, ==, 1);
  g_assert_true (rk_store_set_attendance (store, meeting, rk_member_get_id (second), RK_ATTENDANCE_UNRECORDED, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_count_attendance (store, meeting, &counts, &error));
  g_assert_cmpuint (counts.unrecorded, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM attendance", NULL), ==, 1);

  /* Later meetings see the later member and not the first ones once they are gone. */
  {
    g_autoptr(RkMeeting) autumn = add_meeting (store, core, "第2回", "2026-07-01T14:00");

    g_assert_true (rk_store_count_attendance (store, autumn, &counts, &error));
    g_assert_cmpuint (counts.size, ==, 3); /* joined on the day: seated */
  }
}

static void
test_attendance_empty_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("empty-body", NULL);
  g_autoptr(RkBody) body = add_body (store, "新設の作業部会");
  g_autoptr(RkMeeting) meeting = add_meeting (store, body, "準備会", "2026-06-15T14:00");
  g_autoptr(GPtrArray) list = rk_store_list_attendance (store, meeting, &error);
  RkAttendanceCounts counts = { .size = 99, .present = 99 };

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (rk_store_count_attendance (store, meeting, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.size, ==, 0);
  g_assert_cmpuint (counts.present, ==, 0);
  rk_attendance_count (NULL, &counts);
  g_assert_cmpuint (counts.size, ==, 0);
}

static guint
count_filter (RkStore        *store,
              RkActionFilter  filter,
              RkMeeting      *meeting)
{
  g_autoptr(GPtrArray) items = rk_store_list_action_items (store, filter, meeting);

  return items->len;
}

static void
test_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("actions", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkMember) member = add_member (store, "佐藤 明", "さとう あきら", "");
  g_autoptr(RkMeeting) m1 = add_meeting (store, core, "第1回", "2026-06-15T14:00");
  g_autoptr(RkMeeting) m2 = add_meeting (store, core, "第2回", "2026-09-14T14:00");
  g_autoptr(RkAgendaItem) item = add_item (store, m1, "情報共有ツール");
  g_autoptr(RkAgendaItem) other_item = add_item (store, m2, "研修会");
  g_autoptr(RkActionItem) overdue = add_action (store, m1, "情報共有シート案の作成", "2026-10-31", RK_ACTION_OPEN);
  g_autoptr(RkActionItem) due_today = add_action (store, m1, "訪問診療医の名簿整理", TODAY, RK_ACTION_OPEN);
  g_autoptr(RkActionItem) no_due = add_action (store, m2, "研修会講師の打診", NULL, RK_ACTION_OPEN);
  g_autoptr(RkActionItem) done = add_action (store, m2, "アンケート集計", "2026-09-30", RK_ACTION_DONE);
  g_autoptr(RkActionItem) dropped = add_action (store, m2, "視察の調整", "2026-08-31", RK_ACTION_DROPPED);
  GListModel *tracker = rk_store_get_action_items (store);
  RkActionItemInfo info;
  GDate today;

  /* By due date, none last. */
  g_assert_cmpuint (g_list_model_get_n_items (tracker), ==, 5);
  {
    g_autoptr(RkActionItem) first = g_list_model_get_item (tracker, 0);
    g_autoptr(RkActionItem) last = g_list_model_get_item (tracker, 4);

    g_assert_true (first == dropped);
    g_assert_true (last == no_due);
  }
  g_assert_cmpstr (rk_action_item_get_done_on (done), ==, TODAY);
  g_assert_cmpstr (rk_action_item_get_done_on (overdue), ==, "");
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_ALL, NULL), ==, 5);
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_OPEN, NULL), ==, 3);
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_OVERDUE, NULL), ==, 1); /* due today is not late yet */
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_DONE, NULL), ==, 1);
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_ALL, m1), ==, 2);
  g_assert_true (rk_action_item_is_overdue (overdue, NULL));
  g_assert_false (rk_action_item_is_overdue (due_today, NULL));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, 11, 2026);
  g_assert_true (rk_action_item_matches (due_today, RK_ACTION_FILTER_OVERDUE, &today));
  /* Each knows its meeting, for "jump to the meeting". */
  g_assert_true (rk_store_find_meeting (store, rk_action_item_get_meeting_id (overdue)) == m1);

  /* Validation and links. */
  rk_action_item_get_info (overdue, &info);
  info.due_date = "2026-11-31";
  g_assert_false (rk_store_update_action_item (store, overdue, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Due date"));
  g_clear_error (&error);
  rk_action_item_get_info (overdue, &info);
  info.title = " ";
  g_assert_false (rk_store_update_action_item (store, overdue, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Title"));
  g_clear_error (&error);
  rk_action_item_get_info (overdue, &info);
  info.agenda_item_id = rk_agenda_item_get_id (other_item); /* of another meeting */
  g_assert_false (rk_store_update_action_item (store, overdue, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Agenda item"));
  g_clear_error (&error);

  /* Done: recorded today; the tracker follows. */
  rk_action_item_get_info (overdue, &info);
  info.agenda_item_id = rk_agenda_item_get_id (item);
  info.assignee_member_id = rk_member_get_id (member);
  info.status = RK_ACTION_DONE;
  g_assert_true (rk_store_update_action_item (store, overdue, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_action_item_get_done_on (overdue), ==, TODAY);
  g_assert_cmpint (rk_action_item_get_agenda_item_id (overdue), ==, rk_agenda_item_get_id (item));
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_OVERDUE, NULL), ==, 0);
  g_assert_cmpuint (count_filter (store, RK_ACTION_FILTER_DONE, NULL), ==, 2);
  info.status = RK_ACTION_OPEN;
  g_assert_true (rk_store_update_action_item (store, overdue, &info, &error));
  g_assert_cmpstr (rk_action_item_get_done_on (overdue), ==, "");
  g_assert_cmpint (search_ref (store, "action_item", "情報共有シート"), ==, rk_action_item_get_id (overdue));

  /* Remove and undo; a removed meeting takes its action items out of the tracker. */
  g_assert_true (rk_store_remove_action_item (store, no_due, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tracker), ==, 4);
  g_assert_cmpint (search_ref (store, "action_item", "講師の打診"), ==, 0);
  g_assert_true (rk_store_restore_action_item (store, no_due, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tracker), ==, 5);
  g_assert_cmpint (search_ref (store, "action_item", "講師の打診"), ==, rk_action_item_get_id (no_due));
  g_assert_true (rk_store_remove_meeting (store, m2, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tracker), ==, 2);
  g_assert_cmpint (search_ref (store, "action_item", "講師の打診"), ==, 0);
  g_assert_true (rk_store_restore_meeting (store, m2, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tracker), ==, 5);
  g_assert_true (rk_store_find_meeting (store, rk_action_item_get_meeting_id (no_due)) == m2);
  {
    g_autoptr(RkActionItem) last = g_list_model_get_item (tracker, 4);
    g_assert_true (last == no_due); /* the same object came back */
  }
}

static void
test_carry_over (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("carry", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkBody) field = add_body (store, "現場レベルの会議");
  g_autoptr(RkMeeting) m1 = add_meeting (store, core, "第1回", "2026-06-15T14:00");
  g_autoptr(RkMeeting) f1 = add_meeting (store, field, "第1回", "2026-06-20T18:00");
  g_autoptr(RkMeeting) m2 = add_meeting (store, core, "第2回", "2026-09-14T14:00");
  g_autoptr(RkActionItem) open = add_action (store, m1, "搬送時情報シートの試行", "2026-08-31", RK_ACTION_OPEN);
  g_autoptr(RkActionItem) done = add_action (store, m1, "名簿の更新", "2026-07-31", RK_ACTION_DONE);
  g_autoptr(RkActionItem) field_open = add_action (store, f1, "現場の意見集約", NULL, RK_ACTION_OPEN);
  g_autoptr(RkActionItem) later = add_action (store, m2, "次回までの宿題", NULL, RK_ACTION_OPEN);
  g_autoptr(GPtrArray) offered = NULL;
  g_autoptr(RkAgendaItem) carried = NULL;
  g_autoptr(RkAgendaItem) again = NULL;

  offered = rk_store_list_open_actions_before (store, m2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offered->len, ==, 1);
  g_assert_true (g_ptr_array_index (offered, 0) == open);
  g_clear_pointer (&offered, g_ptr_array_unref);
  offered = rk_store_list_open_actions_before (store, m1, &error);
  g_assert_cmpuint (offered->len, ==, 0);
  g_clear_pointer (&offered, g_ptr_array_unref);

  carried = rk_store_carry_action (store, m2, open, &error);
  g_assert_no_error (error);
  g_assert_nonnull (carried);
  g_assert_cmpstr (rk_agenda_item_get_title (carried), ==, "Continued deliberation: 搬送時情報シートの試行");
  g_assert_cmpint (rk_agenda_item_get_carried_action_id (carried), ==, rk_action_item_get_id (open));
  g_assert_cmpint (rk_action_item_get_status (open), ==, RK_ACTION_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_agenda (store, m2)), ==, 1);
  g_assert_cmpint (search_ref (store, "agenda_item", "搬送時情報シート"), ==, rk_agenda_item_get_id (carried));

  /* Offered once per meeting; a done item, another body's, or a later meeting's is refused. */
  offered = rk_store_list_open_actions_before (store, m2, &error);
  g_assert_cmpuint (offered->len, ==, 0);
  g_clear_pointer (&offered, g_ptr_array_unref);
  again = rk_store_carry_action (store, m2, open, &error);
  g_assert_null (again);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rk_store_carry_action (store, m2, done, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rk_store_carry_action (store, m2, field_open, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rk_store_carry_action (store, m1, later, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing the carried item offers it again. */
  g_assert_true (rk_store_remove_agenda_item (store, carried, &error));
  offered = rk_store_list_open_actions_before (store, m2, &error);
  g_assert_cmpuint (offered->len, ==, 1);
}

static void
test_challenges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("challenges", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkMeeting) m1 = add_meeting (store, core, "第1回", "2026-06-15T14:00");
  g_autoptr(RkMeeting) m2 = add_meeting (store, core, "第2回", "2026-09-14T14:00");
  g_autoptr(RkChallenge) challenge = NULL;
  g_autoptr(RkChallenge) second = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(RkChallengeNote) removed = NULL;
  RkChallengeInfo info = {
    .title = "夜間休日の連絡体制",
    .description = "在宅患者の急変時に主治医へ連絡がつかない。",
    .source = RK_CHALLENGE_FROM_MEETING,
    .raised_meeting_id = rk_meeting_get_id (m1),
    .status = RK_CHALLENGE_OPEN,
  };
  GListModel *list = rk_store_get_challenges (store);
  gint64 n2, n1;

  challenge = rk_store_add_challenge (store, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_challenge_get_raised_meeting_id (challenge), ==, rk_meeting_get_id (m1));
  g_assert_cmpint (search_ref (store, "challenge", "主治医へ連絡"), ==, rk_challenge_get_id (challenge));

  info.title = "";
  g_assert_null (rk_store_add_challenge (store, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Title"));
  g_clear_error (&error);
  info.title = "研修の機会";
  info.description = "多職種で学ぶ場が少ない。";
  info.raised_meeting_id = 9999;
  g_assert_null (rk_store_add_challenge (store, &info, &error));
  g_assert_true (g_str_has_prefix (error->message, "Raised in"));
  g_clear_error (&error);
  info.raised_meeting_id = 0;
  info.status = RK_CHALLENGE_RESOLVED;
  second = rk_store_add_challenge (store, &info, &error);
  g_assert_no_error (error);

  /* Followed across meetings: notes in meeting order, whatever order they were written in. */
  n2 = rk_store_add_challenge_note (store, challenge, rk_meeting_get_id (m2), "輪番制の試行を決定。", &error);
  g_assert_no_error (error);
  n1 = rk_store_add_challenge_note (store, challenge, rk_meeting_get_id (m1), "医師会で当番医の案を検討中。", &error);
  g_assert_cmpint (n1, >, 0);
  g_assert_cmpint (rk_store_add_challenge_note (store, challenge, 0, "　", &error), ==, 0);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (rk_challenge_get_n_notes (challenge), ==, 2);
  notes = rk_store_list_challenge_notes (store, challenge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpint (((RkChallengeNote *) g_ptr_array_index (notes, 0))->id, ==, n1);
  g_assert_cmpint (((RkChallengeNote *) g_ptr_array_index (notes, 1))->meeting_id, ==, rk_meeting_get_id (m2));
  g_assert_cmpint (search_ref (store, "challenge", "輪番制の試行"), ==, rk_challenge_get_id (challenge));

  /* A note removed and put back (undo). */
  removed = rk_store_remove_challenge_note (store, n2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  g_assert_cmpuint (rk_challenge_get_n_notes (challenge), ==, 1);
  g_assert_cmpint (search_ref (store, "challenge", "輪番制の試行"), ==, 0);
  g_assert_true (rk_store_restore_challenge_note (store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_challenge_get_n_notes (challenge), ==, 2);
  g_assert_cmpint (((RkChallengeNote *) g_ptr_array_index (notes, 1))->id, ==, removed->id); /* the same id back */
  g_assert_cmpint (search_ref (store, "challenge", "輪番制の試行"), ==, rk_challenge_get_id (challenge));

  /* Open ones first; status changes move it. */
  {
    g_autoptr(RkChallenge) first = g_list_model_get_item (list, 0);
    g_assert_true (first == challenge);
  }
  rk_challenge_get_info (challenge, &info);
  info.status = RK_CHALLENGE_RESOLVED;
  g_assert_true (rk_store_update_challenge (store, challenge, &info, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RkChallenge) first = g_list_model_get_item (list, 0);
    g_assert_true (first == second); /* newer among the resolved */
  }

  /* Remove and undo. */
  g_assert_true (rk_store_remove_challenge (store, challenge, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (search_ref (store, "challenge", "主治医へ連絡"), ==, 0);
  g_assert_true (rk_store_restore_challenge (store, challenge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpint (search_ref (store, "challenge", "輪番制の試行"), ==, rk_challenge_get_id (challenge));
}

static void
test_persistence (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("persist", &path);
  g_autoptr(RkBody) core = add_body (store, "中枢会議");
  g_autoptr(RkMember) member = add_member (store, "田中 一", "たなか はじめ", "");
  g_autoptr(RkMeeting) m1 = add_meeting (store, core, "第1回", "2026-06-15T14:00");
  g_autoptr(RkMeeting) m2 = add_meeting (store, core, "第2回", "2026-09-14T14:00");
  g_autoptr(RkAgendaItem) item = add_item (store, m1, "連携ルールの骨子");
  g_autoptr(RkActionItem) action = add_action (store, m1, "骨子案の修正", "2026-07-31", RK_ACTION_OPEN);
  g_autoptr(RkChallenge) challenge = NULL;
  RkChallengeInfo info = { .title = "ICTツールの選定", .source = RK_CHALLENGE_FROM_DATA };
  gint64 m1_id = rk_meeting_get_id (m1);
  RkMeeting *again;
  RkAttendanceCounts counts;

  seat (store, member, core, "2026-04-01", NULL);
  g_assert_true (rk_store_set_attendance (store, m1, rk_member_get_id (member), RK_ATTENDANCE_PRESENT, NULL, &error));
  g_assert_true (rk_store_set_agenda_text (store, item, "骨子案を説明した。", "次回までに修正する。", &error));
  challenge = rk_store_add_challenge (store, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_store_add_challenge_note (store, challenge, m1_id, "候補を3つに絞った。", &error), >, 0);
  g_assert_true (rk_store_remove_meeting (store, m2, &error)); /* purged on close */
  g_assert_no_error (error);

  reopen (&store, path);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_meetings (store)), ==, 1);
  again = rk_store_find_meeting (store, m1_id);
  g_assert_nonnull (again);
  g_assert_cmpint (rk_meeting_get_number (again), ==, 1);
  g_assert_cmpstr (rk_meeting_get_place (again), ==, "みなと市役所 第1会議室");
  {
    GListModel *agenda = rk_store_get_agenda (store, again);
    g_autoptr(RkAgendaItem) first = g_list_model_get_item (agenda, 0);

    g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
    g_assert_cmpstr (rk_agenda_item_get_decisions (first), ==, "次回までに修正する。");
    g_assert_cmpint (rk_agenda_item_get_minutes_allotted (first), ==, 20);
  }
  g_assert_true (rk_store_count_attendance (store, again, &counts, &error));
  g_assert_cmpuint (counts.present, ==, 1);
  g_assert_cmpuint (counts.size, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_action_items (store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_challenges (store)), ==, 1);
  {
    g_autoptr(RkChallenge) c = g_list_model_get_item (rk_store_get_challenges (store), 0);

    g_assert_cmpuint (rk_challenge_get_n_notes (c), ==, 1);
    g_assert_cmpint (rk_challenge_get_source (c), ==, RK_CHALLENGE_FROM_DATA);
  }
  /* The purged meeting's number is free again. */
  {
    g_autoptr(RkMeeting) next = add_meeting (store, core, "第2回（再）", "2026-09-28T14:00");
    g_assert_cmpint (rk_meeting_get_number (next), ==, 2);
  }
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("demo");
  g_autoptr(RkStore) store = NULL;
  GListModel *meetings, *bodies;
  guint n, held = 0, marked = 0;

  store = rk_test_open_demo (path);

  meetings = rk_store_get_meetings (store);
  n = g_list_model_get_n_items (meetings);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (n, ==, query_int (store, "SELECT count(*) FROM meeting WHERE deleted_at IS NULL", NULL));
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(RkMeeting) a = g_list_model_get_item (meetings, i);
      g_autoptr(RkMeeting) b = g_list_model_get_item (meetings, i + 1);

      g_assert_cmpstr (rk_meeting_get_starts_at (a), <=, rk_meeting_get_starts_at (b));
    }

  /* Every body's meetings are numbered without repeats, in order. */
  bodies = rk_store_get_bodies (store);
  for (guint b = 0; b < g_list_model_get_n_items (bodies); b++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, b);
      GListModel *list = rk_store_get_body_meetings (store, rk_body_get_id (body));

      for (guint i = 0; i + 1 < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(RkMeeting) x = g_list_model_get_item (list, i);
          g_autoptr(RkMeeting) y = g_list_model_get_item (list, i + 1);

          g_assert_cmpint (rk_meeting_get_number (x), <, rk_meeting_get_number (y));
        }
    }

  /* Held meetings: the attendance the demo recorded is that of the members listed. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autoptr(GPtrArray) list = rk_store_list_attendance (store, meeting, &error);
      RkAttendanceCounts counts;

      g_assert_no_error (error);
      rk_attendance_count (list, &counts);
      g_assert_cmpuint (counts.present, <=, counts.size);
      if (rk_meeting_get_status (meeting) != RK_MEETING_HELD)
        continue;
      held++;
      marked += counts.size - counts.unrecorded;
      g_assert_cmpuint (counts.size, >, 0);
      g_assert_cmpuint (counts.present, >, 0);
      g_assert_cmpuint (rk_store_get_agenda (store, meeting) != NULL, ==, TRUE);
    }
  g_assert_cmpuint (held, >, 0);
  g_assert_cmpint (marked, ==, query_int (store, "SELECT count(*) FROM attendance", NULL));

  /* Action items, the tracker as of the pinned day, carry-over and challenges. */
  g_assert_cmpint (g_list_model_get_n_items (rk_store_get_action_items (store)), ==,
                   query_int (store, "SELECT count(*) FROM action_item WHERE deleted_at IS NULL", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_action_items (store)), >, 0);
  {
    g_autoptr(RkMeeting) last = g_list_model_get_item (meetings, n - 1);
    g_autoptr(GPtrArray) offered = rk_store_list_open_actions_before (store, last, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < offered->len; i++)
      g_assert_cmpint (rk_action_item_get_status (g_ptr_array_index (offered, i)), ==, RK_ACTION_OPEN);
  }
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_challenges (store)), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM agenda_item WHERE carried_action_id IS NOT NULL", NULL),
                   >, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-meetings-XXXXXX", TODAY);

  g_test_add_func ("/meetings/numbering", test_numbering);
  g_test_add_func ("/meetings/validation", test_validation);
  g_test_add_func ("/meetings/agenda", test_agenda);
  g_test_add_func ("/meetings/minutes", test_minutes);
  g_test_add_func ("/meetings/attendance", test_attendance);
  g_test_add_func ("/meetings/attendance-empty-body", test_attendance_empty_body);
  g_test_add_func ("/meetings/actions", test_actions);
  g_test_add_func ("/meetings/carry-over", test_carry_over);
  g_test_add_func ("/meetings/challenges", test_challenges);
  g_test_add_func ("/meetings/persistence", test_persistence);
  g_test_add_func ("/meetings/demo", test_demo);

  return rk_test_core_run ();
}

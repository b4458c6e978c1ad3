/* The roster: members, validation, seats and their history, undo, purge, coverage and advice, bulk import. */

#include <glib/gstdio.h>
#include <string.h>

#include "rk-catalog.h"
#include "rk-coverage.h"
#include "rk-store-members.h"
#include "rk-store-private.h"
#include "rk-test-core.h"

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
  .fiscal_year = 2025,
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

static RkStore *
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
  return *store;
}

static RkBody *
add_body (RkStore    *store,
          const char *name,
          RkTier      tier)
{
  g_autoptr(GError) error = NULL;
  RkBodyInfo info = { .name = name, .tier = tier, .purpose = "" };
  RkBody *body = rk_store_add_body (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  return body;
}

static RkMember *
add_member (RkStore    *store,
            int         type,
            const char *name,
            const char *kana,
            const char *term_end)
{
  g_autoptr(GError) error = NULL;
  RkMemberInfo info = {
    .member_type = type,
    .organisation = "みなと市",
    .name = name,
    .kana = kana,
    .role = RK_ROLE_MEMBER,
    .term_end = term_end,
  };
  RkMember *member = rk_store_add_member (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (member);
  return member;
}

/* Today plus @days, as ISO text. */
static char *
iso_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static RkMember *
member_at (RkStore *store,
           guint    position)
{
  return g_list_model_get_item (rk_store_get_members (store), position);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* Connected swapped: the counter comes first. */
static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  (*counter)++;
}

/* ------------------------------------------------------------------------------------------------------------ */

static void
test_roles (void)
{
  RkRole role = RK_ROLE_OBSERVER;
  static const struct { const char *label; RkRole role; } accepted[] = {
    { "会長", RK_ROLE_CHAIR },
    { "副会長", RK_ROLE_VICE_CHAIR },
    { "委員", RK_ROLE_MEMBER },
    { "オブザーバー", RK_ROLE_OBSERVER },
    { "参考人", RK_ROLE_REFERENCE },
    { "事務局", RK_ROLE_SECRETARIAT },
    { "　委員　", RK_ROLE_MEMBER },
    { "Chair", RK_ROLE_CHAIR },
    { " vice-chair ", RK_ROLE_VICE_CHAIR },
    { "Reference person", RK_ROLE_REFERENCE },
    { "SECRETARIAT", RK_ROLE_SECRETARIAT },
  };

  /* The tests run under C.UTF-8: the English source strings. */
  g_assert_cmpstr (rk_role_to_label (RK_ROLE_CHAIR), ==, "Chair");
  g_assert_cmpstr (rk_role_to_label (RK_ROLE_REFERENCE), ==, "Reference person");
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (RK_TYPE_ROLE);

    g_assert_cmpstr (g_enum_get_value (klass, RK_ROLE_SECRETARIAT)->value_nick, ==, "secretariat");
  }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      role = RK_ROLE_OBSERVER == accepted[i].role ? RK_ROLE_CHAIR : RK_ROLE_OBSERVER;
      g_assert_true (rk_role_from_label (accepted[i].label, &role));
      g_assert_cmpint (role, ==, accepted[i].role);
    }
  role = RK_ROLE_OBSERVER;
  g_assert_false (rk_role_from_label ("部長", &role));
  g_assert_false (rk_role_from_label ("", &role));
  g_assert_false (rk_role_from_label (NULL, &role));
  g_assert_false (rk_role_from_label ("\xff\xfe", &role));
  g_assert_cmpint (role, ==, RK_ROLE_OBSERVER);
}

static void
assert_refused (const RkMemberInfo *info,
                const char         *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_member_info_validate (info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  if (field != NULL && strstr (error->message, field) == NULL)
    g_error ("“%s” does not name the field %s", error->message, field);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  const RkMemberInfo good = {
    .member_type = 5,
    .organisation = "みなと市医師会",
    .name = "山田 太郎",
    .kana = "やまだ たろう",
    .title = "会長",
    .role = RK_ROLE_CHAIR,
    .email = "yamada@example.jp",
    .term_start = "2025-04-01",
    .term_end = "2027-03-31",
  };
  RkMemberInfo info;

  g_assert_true (rk_member_info_validate (&good, &error));
  g_assert_no_error (error);

  /* A one-day term and no dates or e-mail at all are fine. */
  info = good;
  info.term_end = "2025-04-01";
  g_assert_true (rk_member_info_validate (&info, NULL));
  info = good;
  info.term_start = NULL;
  info.term_end = "";
  info.email = "";
  g_assert_true (rk_member_info_validate (&info, NULL));

  info = good;
  info.name = NULL;
  assert_refused (&info, "Name");
  info.name = "";
  assert_refused (&info, "Name");
  info.name = "  \t";
  assert_refused (&info, "Name");
  info.name = "\u3000\u3000";
  assert_refused (&info, "Name");

  info = good;
  info.member_type = 0;
  assert_refused (&info, "Member type");
  info.member_type = 21;
  assert_refused (&info, "Member type");

  info = good;
  info.role = (RkRole) 6;
  assert_refused (&info, "Role");

  info = good;
  info.term_start = "2025-02-30";
  assert_refused (&info, "Term start");
  info = good;
  info.term_end = "2027-13-01";
  assert_refused (&info, "Term end");
  info = good;
  info.term_end = "令和9年3月31日";
  assert_refused (&info, "Term end");

  info = good;
  info.term_start = "2027-04-01";
  info.term_end = "2027-03-31";
  assert_refused (&info, "Term end");

  info = good;
  info.email = "yamada.example.jp";
  assert_refused (&info, "E-mail");

  info = good;
  info.notes = "\xc3\x28";
  assert_refused (&info, NULL);
}

static void
test_crud_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("crud", &path);
  g_autoptr(RkMember) doctor = NULL;
  g_autoptr(RkMember) city_b = NULL;
  g_autoptr(RkMember) city_a = NULL;
  g_autoptr(RkMember) reloaded = NULL;
  GListModel *members = rk_store_get_members (store);
  RkMemberInfo info;
  guint name_notifies = 0, kana_notifies = 0;
  const RkMemberInfo full = {
    .member_type = 5,
    .organisation = "みなと市医師会",
    .name = "山田 太郎",
    .kana = "やまだ たろう",
    .title = "会長",
    .role = RK_ROLE_CHAIR,
    .alternate = "鈴木 花子",
    .phone = "03-0000-0000",
    .email = "yamada@example.jp",
    .term_start = "2025-04-01",
    .term_end = "2099-03-31",
    .notes = "在宅医療担当理事",
  };

  g_assert_true (G_IS_LIST_MODEL (members));
  g_assert_true (rk_store_get_members (store) == members);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 0);

  doctor = rk_store_add_member (store, &full, &error);
  g_assert_no_error (error);
  city_b = add_member (store, 2, "佐藤 次郎", "さとう じろう", NULL);
  city_a = add_member (store, 2, "青木 一郎", "あおき いちろう", NULL);

  /* Ordered by type, then kana. */
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 3);
  {
    g_autoptr(RkMember) m0 = member_at (store, 0);
    g_autoptr(RkMember) m1 = member_at (store, 1);
    g_autoptr(RkMember) m2 = member_at (store, 2);

    g_assert_true (m0 == city_a);
    g_assert_true (m1 == city_b);
    g_assert_true (m2 == doctor);
  }
  g_assert_cmpint (rk_member_get_id (doctor), >, 0);
  g_assert_cmpstr (rk_member_get_alternate (doctor), ==, "鈴木 花子");
  g_assert_true (rk_member_get_current (doctor));
  g_assert_cmpstr (rk_member_get_bodies (doctor), ==, "");
  g_assert_cmpuint (rk_member_get_body_ids (doctor)->len, ==, 0);

  /* Refused edits change nothing. */
  rk_member_get_info (city_b, &info);
  info.name = "\u3000";
  g_assert_false (rk_store_update_member (store, city_b, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (rk_member_get_name (city_b), ==, "佐藤 次郎");
  {
    RkMemberInfo bad = { .member_type = 25, .name = "x" };
    g_assert_null (rk_store_add_member (store, &bad, &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (members), ==, 3);
  }

  /* Notify only on change; a new kana moves the member to its place. */
  g_signal_connect_swapped (city_b, "notify::name", G_CALLBACK (count_signal), &name_notifies);
  g_signal_connect_swapped (city_b, "notify::kana", G_CALLBACK (count_signal), &kana_notifies);
  rk_member_get_info (city_b, &info);
  info.kana = "あいかわ じろう";
  info.role = RK_ROLE_VICE_CHAIR;
  g_assert_true (rk_store_update_member (store, city_b, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (name_notifies, ==, 0);
  g_assert_cmpuint (kana_notifies, ==, 1);
  g_assert_cmpint (rk_member_get_role (city_b), ==, RK_ROLE_VICE_CHAIR);
  {
    g_autoptr(RkMember) m0 = member_at (store, 0);
    g_assert_true (m0 == city_b);
  }
  g_signal_handlers_disconnect_by_data (city_b, &name_notifies);
  g_signal_handlers_disconnect_by_data (city_b, &kana_notifies);

  /* Everything survives a reopen. */
  reopen (&store, path);
  members = rk_store_get_members (store);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 3);
  reloaded = member_at (store, 2);
  g_assert_cmpint (rk_member_get_id (reloaded), ==, rk_member_get_id (doctor));
  rk_member_get_info (reloaded, &info);
  g_assert_cmpint (info.member_type, ==, 5);
  g_assert_cmpstr (info.organisation, ==, full.organisation);
  g_assert_cmpstr (info.name, ==, full.name);
  g_assert_cmpstr (info.kana, ==, full.kana);
  g_assert_cmpstr (info.title, ==, full.title);
  g_assert_cmpint (info.role, ==, RK_ROLE_CHAIR);
  g_assert_cmpstr (info.alternate, ==, full.alternate);
  g_assert_cmpstr (info.phone, ==, full.phone);
  g_assert_cmpstr (info.email, ==, full.email);
  g_assert_cmpstr (info.term_start, ==, "2025-04-01");
  g_assert_cmpstr (info.term_end, ==, "2099-03-31");
  g_assert_cmpstr (info.notes, ==, full.notes);
  {
    g_autoptr(RkMember) m0 = member_at (store, 0);
    g_assert_cmpstr (rk_member_get_kana (m0), ==, "あいかわ じろう");
    g_assert_cmpint (rk_member_get_role (m0), ==, RK_ROLE_VICE_CHAIR);
  }

  /* A closed file takes no edits. */
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_assert_null (rk_store_add_member (store, &full, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO);
}

static void
test_current_and_term (void)
{
  g_autoptr(RkStore) store = new_store ("term", NULL);
  g_autofree char *yesterday = iso_from_today (-1);
  g_autofree char *today_iso = iso_from_today (0);
  g_autoptr(RkMember) past = add_member (store, 3, "過去 委員", "かこ", yesterday);
  g_autoptr(RkMember) today = add_member (store, 3, "本日 委員", "ほんじつ", today_iso);
  g_autoptr(RkMember) open_ended = add_member (store, 3, "無期限 委員", "むきげん", NULL);
  g_autoptr(RkMember) ending = add_member (store, 3, "満了 委員", "まんりょう", "2025-03-31");
  GDate day;

  g_assert_false (rk_member_get_current (past));
  g_assert_true (rk_member_get_current (today));
  g_assert_true (rk_member_get_current (open_ended));

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, G_DATE_JANUARY, 2025);
  g_assert_true (rk_member_term_ends_within (ending, &day, 3));
  g_assert_false (rk_member_term_ends_within (ending, &day, 2));
  g_assert_false (rk_member_term_ends_within (open_ended, &day, 120));
  g_date_set_dmy (&day, 31, G_DATE_MARCH, 2025);
  g_assert_true (rk_member_term_ends_within (ending, &day, 0));
  g_date_set_dmy (&day, 1, G_DATE_APRIL, 2025);
  g_assert_false (rk_member_term_ends_within (ending, &day, 12));
}

static void
assert_seat (GPtrArray  *seats,
             guint       i,
             RkMember   *member,
             const char *joined_on,
             const char *left_on)
{
  RkSeat *seat = g_ptr_array_index (seats, i);

  g_assert_cmpint (seat->member_id, ==, rk_member_get_id (member));
  g_assert_cmpstr (seat->member_name, ==, rk_member_get_name (member));
  g_assert_cmpstr (seat->organisation, ==, rk_member_get_organisation (member));
  g_assert_cmpstr (seat->joined_on, ==, joined_on);
  g_assert_cmpstr (seat->left_on, ==, left_on);
}

static void
test_seats_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("seats", &path);
  g_autoptr(RkBody) core = add_body (store, "中枢会議", RK_TIER_CORE);
  g_autoptr(RkBody) field = add_body (store, "現場レベルの会議", RK_TIER_FIELD);
  g_autoptr(RkBody) working = add_body (store, "作業ワーキング", RK_TIER_WORKING);
  g_autoptr(RkMember) member = add_member (store, 4, "消防 一郎", "しょうぼう いちろう", NULL);
  g_autoptr(RkMember) other = add_member (store, 5, "医師 二郎", "いし じろう", NULL);
  g_autoptr(RkMember) reloaded = NULL;
  g_autoptr(GPtrArray) seats = NULL;
  gint64 core_id = rk_body_get_id (core), field_id = rk_body_get_id (field), working_id = rk_body_get_id (working);
  gint64 both[] = { field_id, core_id };
  gint64 all[] = { core_id, field_id, working_id };
  guint bodies_notifies = 0;
  const GArray *ids;

  g_signal_connect_swapped (member, "notify::bodies", G_CALLBACK (count_signal), &bodies_notifies);

  /* Join, join another, leave one, rejoin it: each a row of history. */
  g_assert_true (rk_store_set_member_bodies (store, member, &core_id, 1, "2021-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "中枢会議");
  g_assert_cmpuint (bodies_notifies, ==, 1);
  g_assert_true (rk_store_set_member_bodies (store, member, both, 2, "2021-10-01", &error));
  g_assert_no_error (error);
  /* Names in the bodies' order, ids ascending. */
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "中枢会議、現場レベルの会議");
  ids = rk_member_get_body_ids (member);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, MIN (core_id, field_id));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, MAX (core_id, field_id));
  g_assert_cmpuint (bodies_notifies, ==, 2);
  /* The same seats again change nothing. */
  g_assert_true (rk_store_set_member_bodies (store, member, both, 2, "2021-11-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bodies_notifies, ==, 2);

  g_assert_true (rk_store_set_member_bodies (store, member, &field_id, 1, "2022-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "現場レベルの会議");
  g_assert_true (rk_store_set_member_bodies (store, member, both, 2, "2022-10-01", &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_set_member_bodies (store, other, &core_id, 1, "2021-06-01", &error));
  g_assert_no_error (error);

  seats = rk_store_list_seats (store, core_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 3);
  assert_seat (seats, 0, member, "2021-04-01", "2022-04-01");
  assert_seat (seats, 1, other, "2021-06-01", NULL);
  assert_seat (seats, 2, member, "2022-10-01", NULL);
  g_clear_pointer (&seats, g_ptr_array_unref);

  /* A seat taken and given up on the same day was a slip, not history. */
  g_assert_true (rk_store_set_member_bodies (store, member, all, 3, "2022-11-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "中枢会議、現場レベルの会議、作業ワーキング");
  g_assert_true (rk_store_set_member_bodies (store, member, both, 2, "2022-11-01", &error));
  g_assert_no_error (error);
  seats = rk_store_list_seats (store, working_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 0);
  g_clear_pointer (&seats, g_ptr_array_unref);

  /* Leaving before one joined is refused, and nothing changes. */
  g_assert_false (rk_store_set_member_bodies (store, member, NULL, 0, "2022-01-01", &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rk_store_set_member_bodies (store, member, NULL, 0, "2022-02-30", &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 missing = 999999;
    g_assert_false (rk_store_set_member_bodies (store, member, &missing, 1, "2023-01-01", &error));
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "中枢会議、現場レベルの会議");

  /* The seats survive a reopen. */
  g_signal_handlers_disconnect_by_data (member, &bodies_notifies);
  g_clear_object (&member);
  g_clear_object (&other);
  g_clear_object (&core);
  g_clear_object (&field);
  g_clear_object (&working);
  reopen (&store, path);
  member = member_at (store, 0);
  g_assert_cmpstr (rk_member_get_name (member), ==, "消防 一郎");
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "中枢会議、現場レベルの会議");
  g_assert_true (rk_member_get_current (member));

  /* Ending the term keeps the person, as a former member with every seat closed. */
  g_assert_false (rk_store_end_member_term (store, member, "2022-09-30", &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rk_member_get_current (member));
  g_assert_true (rk_store_end_member_term (store, member, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *today = iso_from_today (0);

    g_assert_false (rk_member_get_current (member));
    g_assert_cmpstr (rk_member_get_term_end (member), ==, today);
    g_assert_cmpstr (rk_member_get_bodies (member), ==, "");
    g_assert_cmpuint (rk_member_get_body_ids (member)->len, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_members (store)), ==, 2);

    seats = rk_store_list_seats (store, core_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (seats->len, ==, 3);
    assert_seat (seats, 2, member, "2022-10-01", today);
    g_clear_pointer (&seats, g_ptr_array_unref);

    /* Still former after a reopen, though the term ends today. */
    g_clear_object (&member);
    reopen (&store, path);
    reloaded = member_at (store, 0);
    g_assert_cmpstr (rk_member_get_name (reloaded), ==, "消防 一郎");
    g_assert_false (rk_member_get_current (reloaded));
    g_assert_cmpstr (rk_member_get_term_end (reloaded), ==, today);
  }
}

static void
test_body_changes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("body-changes", NULL);
  g_autoptr(RkMember) member = add_member (store, 13, "包括 三郎", "ほうかつ さぶろう", NULL);
  g_autoptr(RkBody) core = add_body (store, "中枢会議", RK_TIER_CORE);
  g_autoptr(RkBody) field = add_body (store, "現場レベルの会議", RK_TIER_FIELD);
  gint64 ids[] = { rk_body_get_id (core), rk_body_get_id (field) };
  RkBodyInfo info;

  g_assert_true (rk_store_set_member_bodies (store, member, ids, 2, "2024-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "中枢会議、現場レベルの会議");

  rk_body_get_info (core, &info);
  info.name = "在宅医療・救急医療連携推進協議会";
  g_assert_true (rk_store_update_body (store, core, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "在宅医療・救急医療連携推進協議会、現場レベルの会議");

  g_assert_true (rk_store_remove_body (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "在宅医療・救急医療連携推進協議会");
  g_assert_cmpuint (rk_member_get_body_ids (member)->len, ==, 1);
  g_assert_true (rk_member_get_current (member));

  /* Seats are set among the bodies in the council; the one in the bin is left as it was. */
  g_assert_true (rk_store_set_member_bodies (store, member, ids, 1, "2024-05-01", &error));
  g_assert_no_error (error);

  g_assert_true (rk_store_restore_body (store, field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_member_get_bodies (member), ==, "在宅医療・救急医療連携推進協議会、現場レベルの会議");
  g_assert_cmpuint (rk_member_get_body_ids (member)->len, ==, 2);
}

static void
test_remove_restore_purge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("remove", &path);
  g_autoptr(RkBody) core = add_body (store, "中枢会議", RK_TIER_CORE);
  g_autoptr(RkMember) kept = add_member (store, 5, "医師 一郎", "いし いちろう", NULL);
  g_autoptr(RkMember) removed = add_member (store, 7, "薬剤 花子", "やくざい はなこ", NULL);
  g_autoptr(GPtrArray) seats = NULL;
  GListModel *members = rk_store_get_members (store);
  gint64 core_id = rk_body_get_id (core);
  gint64 removed_id = rk_member_get_id (removed);

  g_assert_true (rk_store_set_member_bodies (store, removed, &core_id, 1, "2024-04-01", &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_set_member_bodies (store, kept, &core_id, 1, "2024-04-01", &error));
  g_assert_no_error (error);

  g_assert_true (rk_store_remove_member (store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  seats = rk_store_list_seats (store, core_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 1);
  g_clear_pointer (&seats, g_ptr_array_unref);
  /* Removing twice finds nothing to remove. */
  g_assert_false (rk_store_remove_member (store, removed, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo brings the member back with the seat. */
  g_assert_true (rk_store_restore_member (store, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  g_assert_cmpstr (rk_member_get_bodies (removed), ==, "中枢会議");
  seats = rk_store_list_seats (store, core_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 2);
  g_clear_pointer (&seats, g_ptr_array_unref);

  /* Removed when the file closes: the row and its seats are purged. */
  g_assert_true (rk_store_remove_member (store, removed, &error));
  g_assert_no_error (error);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM member WHERE id = %" G_GINT64_FORMAT, removed_id);
    g_autofree char *seat_sql = g_strdup_printf ("SELECT count(*) FROM body_member WHERE member_id = %"
                                                 G_GINT64_FORMAT, removed_id);

    g_assert_cmpint (count_rows (path, sql), ==, 0);
    g_assert_cmpint (count_rows (path, seat_sql), ==, 0);
    g_assert_cmpint (count_rows (path, "SELECT count(*) FROM member"), ==, 1);
    g_assert_cmpint (count_rows (path, "SELECT count(*) FROM body_member"), ==, 1);
  }
  g_clear_object (&store);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_members (store)), ==, 1);
  g_assert_false (rk_store_restore_member (store, removed, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
}

static gboolean
advice_has (const GPtrArray *advice,
            RkAdviceKind     kind,
            int              member_type)
{
  for (guint i = 0; i < advice->len; i++)
    {
      RkAdvice *item = g_ptr_array_index ((GPtrArray *) advice, i);

      if (item->kind == kind && item->member_type == member_type)
        return TRUE;
    }
  return FALSE;
}

static void
test_coverage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("coverage", NULL);
  g_autoptr(RkCoverage) coverage = NULL;
  g_autoptr(RkMember) city1 = add_member (store, 2, "市 一", "し いち", NULL);
  g_autoptr(RkMember) city2 = add_member (store, 2, "市 二", "し に", NULL);
  g_autoptr(RkMember) doctors = add_member (store, 5, "医師会 三", "いしかい さん", NULL);
  g_autoptr(RkMember) former = add_member (store, 11, "病院 四", "びょういん よん", "2020-03-31");
  g_autoptr(RkMember) fire = NULL;
  g_autoptr(RkMember) lawyer = NULL;
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *members = rk_store_get_members (store);
  const RkCoverageEntry *entry;
  const GPtrArray *advice;
  RkAdvice *first;
  static const int expected_missing[] = { 13, 11, 3, 10 }; /* 75.5, 74.7, 61.0, 56.2 */
  guint common = 0, changes = 0;

  coverage = rk_coverage_compute (members, catalog, TRUE);
  for (int type = 1; type <= 20; type++)
    g_assert_cmpint (rk_coverage_get_entry (coverage, type)->member_type, ==, type);
  entry = rk_coverage_get_entry (coverage, 2);
  g_assert_cmpstr (entry->type_name, ==, "市町村");
  g_assert_cmpfloat_with_epsilon (entry->national_share, 88.8, 0.001);
  g_assert_cmpuint (entry->members->len, ==, 2);
  g_assert_cmpuint (rk_coverage_get_entry (coverage, 5)->members->len, ==, 1);
  g_assert_true (g_ptr_array_index (rk_coverage_get_entry (coverage, 5)->members, 0) == doctors);
  /* A former member covers nothing. */
  g_assert_cmpuint (rk_coverage_get_entry (coverage, 11)->members->len, ==, 0);
  entry = rk_coverage_get_entry (coverage, RK_MEMBER_TYPE_FIRE_DEPARTMENT);
  g_assert_cmpstr (entry->type_name, ==, "消防機関");
  g_assert_cmpfloat_with_epsilon (entry->national_share, 22.1, 0.001);
  g_assert_cmpuint (rk_coverage_get_n_covered (coverage), ==, 2);

  /* The fire department first, with the guide's tips from the catalog. */
  advice = rk_coverage_get_advice (coverage);
  g_assert_cmpuint (advice->len, >=, 1);
  first = g_ptr_array_index ((GPtrArray *) advice, 0);
  g_assert_cmpint (first->kind, ==, RK_ADVICE_NO_FIRE_DEPARTMENT);
  g_assert_cmpint (first->member_type, ==, RK_MEMBER_TYPE_FIRE_DEPARTMENT);
  g_assert_cmpstr (first->title, ==, "No fire department on the council");
  g_assert_nonnull (strstr (first->text, "消防機関との連携の敷居が高い"));
  g_assert_nonnull (strstr (first->text, "部門間連携と情報集約"));
  g_assert_nonnull (strstr (first->text, "独居の高齢者"));
  g_assert_nonnull (strstr (first->text, "図上訓練"));

  /* The common types this council lacks, most common first, with their shares; not those it has. */
  for (guint i = 0; i < advice->len; i++)
    {
      RkAdvice *item = g_ptr_array_index ((GPtrArray *) advice, i);
      g_autofree char *share = NULL;

      if (item->kind != RK_ADVICE_COMMON_TYPE_MISSING)
        continue;
      g_assert_cmpuint (common, <, G_N_ELEMENTS (expected_missing));
      g_assert_cmpint (item->member_type, ==, expected_missing[common]);
      share = g_strdup_printf ("%.1f%%", rk_coverage_get_entry (coverage, item->member_type)->national_share);
      g_assert_nonnull (strstr (item->text, share));
      g_assert_nonnull (strstr (item->text, rk_coverage_get_entry (coverage, item->member_type)->type_name));
      g_assert_nonnull (strstr (item->title, rk_coverage_get_entry (coverage, item->member_type)->type_name));
      common++;
    }
  g_assert_cmpuint (common, ==, G_N_ELEMENTS (expected_missing));
  g_assert_false (advice_has (advice, RK_ADVICE_COMMON_TYPE_MISSING, 2));
  g_assert_false (advice_has (advice, RK_ADVICE_COMMON_TYPE_MISSING, 4));

  /* The legal-expert note, with the guide's *1 from the catalog, last. */
  {
    RkAdvice *last = g_ptr_array_index ((GPtrArray *) advice, advice->len - 1);

    g_assert_cmpint (last->kind, ==, RK_ADVICE_LEGAL_EXPERT);
    g_assert_cmpint (last->member_type, ==, RK_MEMBER_TYPE_LEGAL_EXPERT);
    g_assert_nonnull (strstr (last->text, "都道府県等において設置する会議体"));
  }
  g_clear_pointer (&coverage, rk_coverage_free);

  /* A council that drafts no ambulance rules is not told about the fire department. */
  coverage = rk_coverage_compute (members, catalog, FALSE);
  g_assert_false (advice_has (rk_coverage_get_advice (coverage), RK_ADVICE_NO_FIRE_DEPARTMENT, 4));
  g_clear_pointer (&coverage, rk_coverage_free);

  /* A 消防機関 member and a legal expert make their advice go; the hospital's return makes its gap go. */
  fire = add_member (store, RK_MEMBER_TYPE_FIRE_DEPARTMENT, "消防 五郎", "しょうぼう ごろう", NULL);
  lawyer = add_member (store, RK_MEMBER_TYPE_LEGAL_EXPERT, "弁護 六子", "べんご むつこ", NULL);
  {
    RkMemberInfo info;

    rk_member_get_info (former, &info);
    info.term_end = NULL;
    g_assert_true (rk_store_update_member (store, former, &info, &error));
    g_assert_no_error (error);
  }
  coverage = rk_coverage_compute (members, catalog, TRUE);
  advice = rk_coverage_get_advice (coverage);
  g_assert_cmpuint (rk_coverage_get_n_covered (coverage), ==, 5);
  g_assert_false (advice_has (advice, RK_ADVICE_NO_FIRE_DEPARTMENT, 4));
  g_assert_false (advice_has (advice, RK_ADVICE_LEGAL_EXPERT, 19));
  g_assert_false (advice_has (advice, RK_ADVICE_COMMON_TYPE_MISSING, 11));
  g_assert_true (advice_has (advice, RK_ADVICE_COMMON_TYPE_MISSING, 13));
  g_assert_cmpuint (advice->len, ==, 3);
  g_clear_pointer (&coverage, rk_coverage_free);

  /* Ending the fire department's term brings the advice back; the list tells its views the member changed. */
  g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_true (rk_store_end_member_term (store, fire, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 6);
  g_signal_handlers_disconnect_by_data (members, &changes);
  coverage = rk_coverage_compute (members, catalog, TRUE);
  g_assert_true (advice_has (rk_coverage_get_advice (coverage), RK_ADVICE_NO_FIRE_DEPARTMENT, 4));
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("import", &path);
  g_autoptr(RkBody) core = add_body (store, "中枢会議", RK_TIER_CORE);
  g_autoptr(RkBody) field = add_body (store, "現場レベルの会議", RK_TIER_FIELD);
  g_autoptr(RkMember) existing = add_member (store, 2, "既存 委員", "きぞん", NULL);
  GListModel *members = rk_store_get_members (store);
  guint changes = 0;
  const char *const row1[] = { "中枢会議", "現場レベルの会議", NULL };
  const char *const row2[] = { "存在しない会議", NULL };
  const char *const row3[] = { " 現場レベルの会議\u3000", "現場レベルの会議", NULL };
  const char *const *bad_bodies[] = { row1, row2, row3 };
  const char *const *good_bodies[] = { row1, NULL, row3 };
  RkMemberInfo rows[] = {
    { .member_type = 5, .name = "医師 一郎", .kana = "いし いちろう", .role = RK_ROLE_CHAIR,
      .term_start = "2025-04-01", .term_end = "2027-03-31" },
    { .member_type = 4, .name = "消防 二郎", .kana = "しょうぼう じろう", .role = RK_ROLE_MEMBER },
    { .member_type = 13, .name = "包括 三子", .kana = "ほうかつ みつこ", .role = RK_ROLE_OBSERVER,
      .term_start = "2025-04-01" },
  };
  g_autoptr(GPtrArray) seats = NULL;

  g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* An unknown body name refuses the whole import, naming the row. */
  g_assert_false (rk_store_import_members (store, rows, bad_bodies, G_N_ELEMENTS (rows), &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_nonnull (strstr (error->message, "存在しない会議"));
  g_clear_error (&error);

  /* So does a bad row. */
  rows[2].name = "\u3000";
  g_assert_false (rk_store_import_members (store, rows, good_bodies, G_N_ELEMENTS (rows), &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);
  rows[2].name = "包括 三子";
  rows[1].term_end = "2025-02-29";
  g_assert_false (rk_store_import_members (store, rows, good_bodies, G_N_ELEMENTS (rows), &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rows[1].term_end = NULL;

  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM body_member"), ==, 0);
  g_clear_object (&core);
  g_clear_object (&field);
  g_clear_object (&existing);
  g_clear_object (&store);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  members = rk_store_get_members (store);
  g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* The good rows go in at once, in one change of the list. */
  g_assert_true (rk_store_import_members (store, rows, good_bodies, G_N_ELEMENTS (rows), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 4);
  {
    g_autoptr(RkMember) m0 = member_at (store, 0);
    g_autoptr(RkMember) m1 = member_at (store, 1);
    g_autoptr(RkMember) m2 = member_at (store, 2);
    g_autoptr(RkMember) m3 = member_at (store, 3);

    g_assert_cmpstr (rk_member_get_name (m0), ==, "既存 委員");
    g_assert_cmpstr (rk_member_get_name (m1), ==, "消防 二郎");
    g_assert_cmpstr (rk_member_get_bodies (m1), ==, "");
    g_assert_cmpstr (rk_member_get_name (m2), ==, "医師 一郎");
    g_assert_cmpstr (rk_member_get_bodies (m2), ==, "中枢会議、現場レベルの会議");
    g_assert_cmpint (rk_member_get_role (m2), ==, RK_ROLE_CHAIR);
    g_assert_cmpstr (rk_member_get_term_end (m2), ==, "2027-03-31");
    g_assert_cmpstr (rk_member_get_name (m3), ==, "包括 三子");
    g_assert_cmpstr (rk_member_get_bodies (m3), ==, "現場レベルの会議");
    g_assert_cmpuint (rk_member_get_body_ids (m3)->len, ==, 1);

    /* A seat imported starts with the term. */
    seats = rk_store_list_seats (store, rk_member_get_body_ids (m3)->len > 0
                                          ? g_array_index (rk_member_get_body_ids (m3), gint64, 0) : 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (seats->len, ==, 2);
    assert_seat (seats, 0, m2, "2025-04-01", NULL);
    assert_seat (seats, 1, m3, "2025-04-01", NULL);
  }
  g_signal_handlers_disconnect_by_data (members, &changes);
}

#define BULK_ROWS 50000

static void
test_import_bulk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("bulk", &path);
  g_autoptr(RkBody) core = add_body (store, "中枢会議", RK_TIER_CORE);
  g_autoptr(RkBody) field = add_body (store, "現場レベルの会議", RK_TIER_FIELD);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree RkMemberInfo *rows = g_new0 (RkMemberInfo, BULK_ROWS);
  g_autofree const char *const **bodies = g_new0 (const char *const *, BULK_ROWS);
  const char *const both[] = { "中枢会議", "現場レベルの会議", NULL };
  const char *const one[] = { "現場レベルの会議", NULL };
  GListModel *members = rk_store_get_members (store);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(RkCoverage) coverage = NULL;
  guint changes = 0;
  double seconds;

  for (guint i = 0; i < BULK_ROWS; i++)
    {
      char *name = g_strdup_printf ("委員 %05u", i);
      char *kana = g_strdup_printf ("いいん %05u", BULK_ROWS - i);

      g_ptr_array_add (strings, name);
      g_ptr_array_add (strings, kana);
      rows[i] = (RkMemberInfo) {
        .member_type = (int) (i % 20) + 1,
        .organisation = "架空団体",
        .name = name,
        .kana = kana,
        .role = RK_ROLE_MEMBER,
        .email = "member@example.jp",
        .term_start = "2025-04-01",
        .term_end = "2099-03-31",
      };
      bodies[i] = i % 2 == 0 ? both : one;
    }

  g_signal_connect (members, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_timer_start (timer);
  g_assert_true (rk_store_import_members (store, rows, bodies, BULK_ROWS, &error));
  g_assert_no_error (error);
  seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("Imported %d members in %.2f s", BULK_ROWS, seconds);
  g_assert_cmpfloat (seconds, <, 8.0);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, BULK_ROWS);
  {
    g_autoptr(RkMember) m0 = member_at (store, 0);
    g_autoptr(RkMember) last = member_at (store, BULK_ROWS - 1);

    g_assert_cmpint (rk_member_get_member_type (m0), ==, 1);
    g_assert_cmpint (rk_member_get_member_type (last), ==, 20);
  }

  coverage = rk_coverage_compute (members, rk_catalog_get_default (), TRUE);
  g_assert_cmpuint (rk_coverage_get_n_covered (coverage), ==, 20);
  g_assert_cmpuint (rk_coverage_get_entry (coverage, 7)->members->len, ==, BULK_ROWS / 20);
  g_assert_cmpuint (rk_coverage_get_advice (coverage)->len, ==, 0);

  g_signal_handlers_disconnect_by_data (members, &changes);
  rk_store_close (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM member"), ==, BULK_ROWS);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM body_member"), ==, BULK_ROWS + BULK_ROWS / 2);
}

/* ------------------------------------------------------------------------------------------------------------ */

int
main (int argc, char **argv)
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-test-members-XXXXXX", NULL);

  g_test_add_func ("/members/roles", test_roles);
  g_test_add_func ("/members/validate", test_validate);
  g_test_add_func ("/members/crud-reopen", test_crud_reopen);
  g_test_add_func ("/members/current-and-term", test_current_and_term);
  g_test_add_func ("/members/seats-history", test_seats_history);
  g_test_add_func ("/members/body-changes", test_body_changes);
  g_test_add_func ("/members/remove-restore-purge", test_remove_restore_purge);
  g_test_add_func ("/members/coverage", test_coverage);
  g_test_add_func ("/members/import/all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/members/import/bulk", test_import_bulk);

  return rk_test_core_run ();
}

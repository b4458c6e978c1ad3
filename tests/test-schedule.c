/* The work schedule (工程表): months and fiscal years, templates, progress, overdue, validation, and the store's
 * tasks — edits, moves, undo, persistence, a task's meetings, and 10,000 tasks at once. */

#include <glib/gstdio.h>
#include <string.h>

#include "rk-era.h"
#include "rk-schedule.h"
#include "rk-store-members.h"
#include "rk-store-private.h"
#include "rk-store-tasks.h"
#include "rk-task-private.h"
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

static RkMonth
month (const char *text)
{
  RkMonth m = 0;

  g_assert_true (rk_month_parse (text, &m));
  return m;
}

static RkTaskInfo
task_info (int         step,
           const char *code,
           const char *title,
           const char *start,
           const char *end)
{
  RkTaskInfo info = {
    .step = step,
    .code = code,
    .title = title,
    .start_month = start,
    .end_month = end,
    .owner_text = "",
    .status = RK_TASK_TODO,
    .cadence = "",
    .notes = "",
  };

  return info;
}

static RkTask *
add_task (RkStore    *store,
          int         step,
          const char *code,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  RkTaskInfo info = task_info (step, code, title, "2025-04", "2025-09");
  RkTask *task = rk_store_add_task (store, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (task);
  return task;
}

/* The codes of the list, "1-1 1-2 …", to compare orders at a glance. */
static char *
list_codes (GListModel *tasks)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  guint n = g_list_model_get_n_items (tasks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);

      if (i > 0)
        g_string_append_c (codes, ' ');
      g_string_append (codes, rk_task_get_code (task));
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

static RkTask *
find_task (GListModel *tasks,
           const char *code)
{
  guint n = g_list_model_get_n_items (tasks);

  for (guint i = 0; i < n; i++)
    {
      RkTask *task = g_list_model_get_item (tasks, i);

      if (g_str_equal (rk_task_get_code (task), code))
        return task;
      g_object_unref (task);
    }
  return NULL;
}

typedef struct {
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Months and fiscal years */

static void
test_month_parse (void)
{
  const char *bad[] = { NULL, "", "2025", "2025-6", "2025-13", "2025-00", "2025/06", " 2025-06", "2025-06 ",
                        "2025-06-01", "abcd-ef", "２０２５-06", "0000-01" };
  g_autofree char *text = NULL;
  RkMonth m;
  GDate date;

  m = month ("2025-06");
  g_assert_cmpint (m, ==, 2025 * 12 + 5);
  g_assert_cmpint (rk_month_get_year (m), ==, 2025);
  g_assert_cmpint (rk_month_get_month (m), ==, 6);
  text = rk_month_to_string (m + 7);
  g_assert_cmpstr (text, ==, "2026-01");
  g_clear_pointer (&text, g_free);
  text = rk_month_to_string (month ("1989-01") - 1);
  g_assert_cmpstr (text, ==, "1988-12");
  g_assert_cmpint (rk_month_get_month (month ("2025-12")), ==, 12);
  g_assert_cmpint (rk_month_get_month (month ("2025-01")), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      m = -12345;
      g_assert_false (rk_month_parse (bad[i], &m));
      g_assert_cmpint (m, ==, -12345);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_MARCH, 2026);
  g_assert_cmpint (rk_month_from_date (&date), ==, month ("2026-03"));
}

static void
test_fiscal_year (void)
{
  g_assert_cmpint (rk_month_get_fiscal_year (month ("2026-03")), ==, 2025);
  g_assert_cmpint (rk_month_get_fiscal_year (month ("2025-04")), ==, 2025);
  g_assert_cmpint (rk_month_get_fiscal_year (month ("2025-12")), ==, 2025);
  g_assert_cmpint (rk_month_get_fiscal_year (month ("2026-01")), ==, 2025);
  g_assert_cmpint (rk_month_get_fiscal_year (month ("2025-03")), ==, 2024);
  g_assert_cmpint (rk_month_fiscal_start (2025), ==, month ("2025-04"));
  g_assert_cmpint (rk_month_fiscal_start (rk_month_get_fiscal_year (month ("2026-02"))), ==, month ("2025-04"));

  /* Every month lies in the 年度 that starts at most 11 months before it, and agrees with rk-era. */
  for (RkMonth m = month ("2017-01"); m <= month ("2021-12"); m++)
    {
      int fy = rk_month_get_fiscal_year (m);

      g_assert_cmpint (m - rk_month_fiscal_start (fy), >=, 0);
      g_assert_cmpint (m - rk_month_fiscal_start (fy), <=, 11);
      g_assert_cmpint (fy, ==, rk_era_fiscal_year_of (rk_month_get_year (m), rk_month_get_month (m)));
    }
}

static void
test_fiscal_year_era (void)
{
  struct {
    const char *month;
    const char *label;
  } cases[] = {
    { "2018-04", "平成30年度(2018年度)" },
    /* March 2019 still belongs to FY2018, 平成30年度. */
    { "2019-03", "平成30年度(2018年度)" },
    /* FY2019 opened under 平成 (April 2019) but is counted 令和元年度. */
    { "2019-04", "令和元年度(2019年度)" },
    { "2020-03", "令和元年度(2019年度)" },
    { "2020-04", "令和2年度(2020年度)" },
    { "2025-06", "令和7年度(2025年度)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = rk_era_format_fiscal_year (rk_month_get_fiscal_year (month (cases[i].month)));

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_span (void)
{
  g_autofree char *span = rk_month_format_span (month ("2025-06"), month ("2026-03"));
  g_autofree char *single = rk_month_format_span (month ("2025-10"), month ("2025-10"));
  g_autofree char *same_year = rk_month_format_span (month ("2025-01"), month ("2025-12"));

  g_assert_cmpstr (span, ==, "2025年6月–2026年3月");
  g_assert_cmpstr (single, ==, "2025年10月");
  g_assert_cmpstr (same_year, ==, "2025年1月–2025年12月");
}

static void
test_status_labels (void)
{
  GEnumClass *klass = g_type_class_ref (RK_TYPE_TASK_STATUS);

  g_assert_cmpstr (rk_task_status_to_label (RK_TASK_TODO), ==, "Not started");
  g_assert_cmpstr (rk_task_status_to_label (RK_TASK_DOING), ==, "In progress");
  g_assert_cmpstr (rk_task_status_to_label (RK_TASK_DONE), ==, "Done");
  g_assert_cmpstr (rk_task_status_to_label (RK_TASK_CANCELLED), ==, "Cancelled");
  g_assert_cmpuint (klass->n_values, ==, 4);
  g_assert_cmpstr (g_enum_get_value (klass, RK_TASK_CANCELLED)->value_nick, ==, "cancelled");
  g_type_class_unref (klass);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Templates */

static void
check_template (const char         *template_id,
                RkMonth             anchor,
                const char         *codes,
                const char *const  *milestones)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = rk_schedule_instantiate_template (template_id, anchor, &error);
  g_autoptr(GString) got = g_string_new (NULL);
  g_auto(GStrv) want = g_strsplit (codes, " ", -1);

  g_assert_no_error (error);
  g_assert_nonnull (tasks);
  g_assert_cmpuint (tasks->len, ==, g_strv_length (want));
  for (guint i = 0; i < tasks->len; i++)
    {
      const RkTaskInfo *info = g_ptr_array_index (tasks, i);
      g_autoptr(GError) invalid = NULL;
      RkMonth start, end;

      if (i > 0)
        g_string_append_c (got, ' ');
      g_string_append (got, info->code);
      /* The step is the code's first number, and every task is one the store accepts. */
      g_assert_cmpint (info->step, ==, atoi (info->code));
      g_assert_true (rk_task_info_validate (info, &invalid));
      g_assert_no_error (invalid);
      g_assert_true (rk_month_parse (info->start_month, &start));
      g_assert_true (rk_month_parse (info->end_month, &end));
      g_assert_cmpint (start, >=, anchor);
      g_assert_cmpint (end, >=, start);
      g_assert_cmpint (info->status, ==, RK_TASK_TODO);
      g_assert_cmpint (info->owner_member_id, ==, 0);
      g_assert_cmpint (info->milestone, ==, g_strv_contains (milestones, info->code));
    }
  g_assert_cmpstr (got->str, ==, codes);
}

static const RkTaskInfo *
template_task (GPtrArray  *tasks,
               const char *code)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      const RkTaskInfo *info = g_ptr_array_index (tasks, i);

      if (g_str_equal (info->code, code))
        return info;
    }
  g_assert_not_reached ();
}

static void
test_template_three_year (void)
{
  const char *const milestones[] = { "5-2", "6-1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  const RkTaskInfo *info;

  check_template ("three-year", month ("2025-04"),
                  "1-1 1-2 2-1 2-2 2-3 3-1 3-2 4-1 4-2 5-1 5-2 5-3 6-1 6-2", milestones);

  tasks = rk_schedule_instantiate_template ("three-year", month ("2025-04"), &error);
  g_assert_no_error (error);
  /* 1-1 is 1年目8月〜11月. */
  info = template_task (tasks, "1-1");
  g_assert_cmpstr (info->title, ==, "情報共有と事業設計");
  g_assert_cmpstr (info->start_month, ==, "2025-08");
  g_assert_cmpstr (info->end_month, ==, "2025-11");
  g_assert_nonnull (strstr (info->notes, "市地域包括ケア協議会"));
  info = template_task (tasks, "3-2");
  g_assert_cmpstr (info->cadence, ==, "2か月に1回程度開催");
  /* 5-2 連携ルール完成 is the second year, 6-1 the third. */
  info = template_task (tasks, "5-2");
  g_assert_cmpstr (info->title, ==, "連携ルール完成");
  g_assert_cmpstr (info->start_month, ==, "2026-04");
  g_assert_cmpstr (info->end_month, ==, "2027-03");
  g_assert_true (info->milestone);
  info = template_task (tasks, "6-1");
  g_assert_cmpstr (info->start_month, ==, "2027-04");
  g_assert_nonnull (strstr (info->notes, "運用開始"));
  /* The whole plan fits in its three fiscal years. */
  for (guint i = 0; i < tasks->len; i++)
    {
      info = g_ptr_array_index (tasks, i);
      g_assert_cmpint (rk_month_get_fiscal_year (month (info->end_month)), <=, 2027);
    }
}

static void
test_template_one_year (void)
{
  const char *const milestones[] = { "5-1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;

  check_template ("one-year", month ("2025-04"),
                  "1-1 1-2 2-1 2-2 3-1 3-2 4-3 4-4 4-5 4-6 4-7 5-1 5-2", milestones);

  tasks = rk_schedule_instantiate_template ("one-year", month ("2025-04"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (template_task (tasks, "1-2")->notes, ==, "医師会・消防・ケアマネ協会");
  g_assert_cmpstr (template_task (tasks, "3-2")->cadence, ==, "その後月1回ずつ開催");
  /* One fiscal year: everything ends by March. */
  for (guint i = 0; i < tasks->len; i++)
    {
      const RkTaskInfo *info = g_ptr_array_index (tasks, i);

      g_assert_cmpint (month (info->end_month), <=, month ("2026-03"));
    }
}

static void
test_template_anchor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) april = rk_schedule_instantiate_template ("three-year", month ("2024-04"), &error);
  g_autoptr(GPtrArray) october = NULL;

  g_assert_no_error (error);
  october = rk_schedule_instantiate_template ("three-year", month ("2025-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (april->len, ==, october->len);
  for (guint i = 0; i < april->len; i++)
    {
      const RkTaskInfo *a = g_ptr_array_index (april, i);
      const RkTaskInfo *b = g_ptr_array_index (october, i);

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpint (month (b->start_month) - month (a->start_month), ==, 18);
      g_assert_cmpint (month (b->end_month) - month (a->end_month), ==, 18);
    }
  /* 4-1 starts at the anchor itself; 1-1 (month 4 of the plan) crosses into the next calendar year. */
  g_assert_cmpstr (template_task (october, "4-1")->start_month, ==, "2025-10");
  g_assert_cmpstr (template_task (october, "1-1")->start_month, ==, "2026-02");
  g_assert_cmpstr (template_task (october, "1-1")->end_month, ==, "2026-05");
}

static void
test_template_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = rk_schedule_instantiate_template ("five-year", month ("2025-04"), &error);

  g_assert_null (tasks);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "five-year"));
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Progress and overdue */

static void
append_task (GListStore   *list,
             int           step,
             RkTaskStatus  status,
             const char   *end)
{
  RkTaskInfo info = task_info (step, "", "作業", "2024-04", end);
  g_autoptr(RkTask) task = NULL;

  info.status = status;
  task = rk_task_new_for_store (g_list_model_get_n_items (G_LIST_MODEL (list)) + 1, &info, 0);
  g_list_store_append (list, task);
}

static void
test_progress (void)
{
  g_autoptr(GListStore) list = g_list_store_new (RK_TYPE_TASK);

  g_assert_cmpfloat (rk_schedule_step_progress (G_LIST_MODEL (list), 1), ==, -1.0);

  append_task (list, 1, RK_TASK_DONE, "2025-03");
  append_task (list, 1, RK_TASK_DOING, "2025-03");
  append_task (list, 1, RK_TASK_CANCELLED, "2025-03");
  append_task (list, 1, RK_TASK_TODO, "2025-03");
  append_task (list, 2, RK_TASK_CANCELLED, "2025-03");
  append_task (list, 4, RK_TASK_DONE, "2025-03");
  append_task (list, 4, RK_TASK_DONE, "2025-03");
  append_task (list, 5, RK_TASK_TODO, "2025-03");

  /* One done of three counted: the cancelled one is left out. */
  g_assert_cmpfloat_with_epsilon (rk_schedule_step_progress (G_LIST_MODEL (list), 1), 1.0 / 3.0, 1e-9);
  /* Only cancelled tasks: nothing to measure. */
  g_assert_cmpfloat (rk_schedule_step_progress (G_LIST_MODEL (list), 2), ==, -1.0);
  g_assert_cmpfloat (rk_schedule_step_progress (G_LIST_MODEL (list), 3), ==, -1.0);
  g_assert_cmpfloat (rk_schedule_step_progress (G_LIST_MODEL (list), 4), ==, 1.0);
  g_assert_cmpfloat (rk_schedule_step_progress (G_LIST_MODEL (list), 5), ==, 0.0);
}

static void
test_overdue (void)
{
  struct {
    RkTaskStatus status;
    const char  *end;
    gboolean     overdue;
  } cases[] = {
    { RK_TASK_TODO, "2025-05", TRUE },
    { RK_TASK_DOING, "2025-05", TRUE },
    { RK_TASK_TODO, "2025-06", FALSE },   /* ends this month: not late yet */
    { RK_TASK_DOING, "2026-03", FALSE },
    { RK_TASK_DONE, "2024-05", FALSE },
    { RK_TASK_CANCELLED, "2024-05", FALSE },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_JUNE, 2025);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RkTaskInfo info = task_info (1, "1-1", "作業", "2024-04", cases[i].end);
      g_autoptr(RkTask) task = NULL;

      info.status = cases[i].status;
      task = rk_task_new_for_store (1, &info, 0);
      g_assert_cmpint (rk_task_is_overdue (task, &today), ==, cases[i].overdue);
      /* No date: today as the store sees it, which RK_TODAY pins. */
      g_setenv ("RK_TODAY", "2025-06-30", TRUE);
      g_assert_cmpint (rk_task_is_overdue (task, NULL), ==, cases[i].overdue);
      g_setenv ("RK_TODAY", "2024-04-01", TRUE);
      g_assert_false (rk_task_is_overdue (task, NULL));
      g_unsetenv ("RK_TODAY");
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Validation */

static void
expect_invalid (const RkTaskInfo *info,
                const char       *field,
                const char       *also)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_task_info_validate (info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, field));
  if (also != NULL)
    g_assert_nonnull (strstr (error->message, also));
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  RkTaskInfo info = task_info (3, "3-2", "定期研究会の開催", "2025-06", "2026-03");

  g_assert_true (rk_task_info_validate (&info, &error));
  g_assert_no_error (error);
  /* NULL strings read as empty; an empty code is fine. */
  info.code = NULL;
  info.owner_text = NULL;
  info.cadence = NULL;
  info.notes = NULL;
  g_assert_true (rk_task_info_validate (&info, &error));
  g_assert_no_error (error);

  info = task_info (0, "", "作業", "2025-06", "2026-03");
  expect_invalid (&info, "Step:", "0");
  info.step = 7;
  expect_invalid (&info, "Step:", "7");

  info = task_info (1, "", "", "2025-06", "2026-03");
  expect_invalid (&info, "Title:", NULL);
  info.title = "　 ";
  expect_invalid (&info, "Title:", NULL);
  info.title = NULL;
  expect_invalid (&info, "Title:", NULL);

  info = task_info (1, "", "作業", "2025-6", "2026-03");
  expect_invalid (&info, "Start month:", "2025-6");
  info.start_month = "";
  expect_invalid (&info, "Start month:", NULL);
  info.start_month = "1988-12";
  expect_invalid (&info, "Start month:", "1989");
  info = task_info (1, "", "作業", "2025-06", "2025-13");
  expect_invalid (&info, "End month:", "2025-13");
  info.end_month = "2201-01";
  expect_invalid (&info, "End month:", "2200");

  /* End before start: named in the calendar form the chart shows. */
  info = task_info (1, "", "作業", "2025-06", "2025-03");
  expect_invalid (&info, "End month:", "2025年3月");
  info.end_month = "2025-06";
  g_assert_true (rk_task_info_validate (&info, NULL));

  info.status = (RkTaskStatus) 4;
  expect_invalid (&info, "Status:", NULL);
  info.status = RK_TASK_DONE;
  info.owner_member_id = -3;
  expect_invalid (&info, "Owner:", NULL);
  info.owner_member_id = 0;
  info.notes = "\xff\xfe";
  expect_invalid (&info, "The task", "UTF-8");
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The store */

static void
test_store_crud (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *codes = NULL;
  g_autoptr(RkStore) store = new_store ("crud", &path);
  g_autoptr(RkTask) task = NULL;
  g_autoptr(RkTask) other = NULL;
  g_autoptr(RkTask) reloaded = NULL;
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  ItemsChanged changes = { 0 };
  GListModel *tasks = rk_store_get_tasks (store);
  RkTaskInfo info;

  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 0);
  g_signal_connect (tasks, "items-changed", G_CALLBACK (on_items_changed), &changes);

  task = add_task (store, 3, "3-2", "定期研究会の開催");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpint (rk_task_get_id (task), >, 0);
  other = add_task (store, 1, "1-1", "情報共有と事業設計");
  g_assert_cmpuint (changes.calls, ==, 2);
  /* Ordered by step, whatever the order of adding. */
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "1-1 3-2");

  /* An edit notifies what changed, only that, and tells the list. */
  g_signal_connect (task, "notify", G_CALLBACK (count_notify), notified);
  rk_task_get_info (task, &info);
  info.status = RK_TASK_DOING;
  info.cadence = "2か月に1回";
  info.owner_text = "救急搬送連携部会";
  g_assert_true (rk_store_update_task (store, task, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified->len, ==, 3);
  g_assert_true (names_contain (notified, "status"));
  g_assert_true (names_contain (notified, "cadence"));
  g_assert_true (names_contain (notified, "owner-text"));
  g_assert_cmpuint (changes.calls, ==, 3);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);

  /* The same values again: nothing to notify. */
  g_ptr_array_set_size (notified, 0);
  rk_task_get_info (task, &info);
  g_assert_true (rk_store_update_task (store, task, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified->len, ==, 0);

  /* End before start: refused with the field named, nothing changed, in the list or the file. */
  rk_task_get_info (task, &info);
  info.title = "書き換え";
  info.start_month = "2026-04";
  info.end_month = "2026-01";
  changes.calls = 0;
  g_assert_false (rk_store_update_task (store, task, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "End month:"));
  g_clear_error (&error);
  g_assert_cmpstr (rk_task_get_title (task), ==, "定期研究会の開催");
  g_assert_cmpuint (changes.calls, ==, 0);
  info = task_info (2, "2-1", "資料作成", "2025-10", "2025-09");
  g_assert_null (rk_store_add_task (store, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);

  /* Everything survives a reopen. */
  g_signal_handlers_disconnect_by_data (tasks, &changes);
  g_signal_handlers_disconnect_by_data (task, notified);
  reopen (&store, path);
  tasks = rk_store_get_tasks (store);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "1-1 3-2");
  reloaded = find_task (tasks, "3-2");
  g_assert_nonnull (reloaded);
  g_assert_cmpint (rk_task_get_id (reloaded), ==, rk_task_get_id (task));
  g_assert_cmpint (rk_task_get_step (reloaded), ==, 3);
  g_assert_cmpstr (rk_task_get_title (reloaded), ==, "定期研究会の開催");
  g_assert_cmpstr (rk_task_get_start_month (reloaded), ==, "2025-04");
  g_assert_cmpstr (rk_task_get_end_month (reloaded), ==, "2025-09");
  g_assert_cmpint (rk_task_get_status (reloaded), ==, RK_TASK_DOING);
  g_assert_cmpstr (rk_task_get_cadence (reloaded), ==, "2か月に1回");
  g_assert_cmpstr (rk_task_get_owner_text (reloaded), ==, "救急搬送連携部会");
  g_assert_false (rk_task_get_milestone (reloaded));

  /* The closed file refuses edits with a message, never a crash. */
  rk_store_close (store, NULL);
  rk_task_get_info (reloaded, &info);
  g_assert_false (rk_store_update_task (store, reloaded, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_IO);
}

static void
test_store_step_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("step-change", NULL);
  g_autoptr(RkTask) a = add_task (store, 2, "2-1", "一");
  g_autoptr(RkTask) b = add_task (store, 2, "2-2", "二");
  g_autoptr(RkTask) c = add_task (store, 3, "3-1", "三");
  g_autoptr(RkTask) d = add_task (store, 3, "3-2", "四");
  g_autofree char *codes = NULL;
  GListModel *tasks = rk_store_get_tasks (store);
  RkTaskInfo info;

  /* Moved to another step, a task goes to the end of it. */
  rk_task_get_info (a, &info);
  info.step = 3;
  g_assert_true (rk_store_update_task (store, a, &info, &error));
  g_assert_no_error (error);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "2-2 3-1 3-2 2-1");
  g_assert_cmpint (rk_task_get_step (a), ==, 3);
  g_assert_cmpint (rk_task_get_position (a), >, rk_task_get_position (d));
}

static void
test_store_move (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("move", &path);
  g_autoptr(RkTask) s2 = add_task (store, 2, "2-1", "前");
  g_autoptr(RkTask) a = add_task (store, 3, "3-1", "一");
  g_autoptr(RkTask) b = add_task (store, 3, "3-2", "二");
  g_autoptr(RkTask) c = add_task (store, 3, "3-3", "三");
  g_autoptr(RkTask) s4 = add_task (store, 4, "4-1", "後");
  g_autofree char *codes = NULL;
  ItemsChanged changes = { 0 };
  GListModel *tasks = rk_store_get_tasks (store);
  int pa = rk_task_get_position (a), pb = rk_task_get_position (b);

  g_signal_connect (tasks, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* First and last of a step stay: never across into the next step. */
  g_assert_false (rk_store_move_task (store, a, -1, &error));
  g_assert_no_error (error);
  g_assert_false (rk_store_move_task (store, c, +1, &error));
  g_assert_no_error (error);
  g_assert_false (rk_store_move_task (store, s2, -1, &error));
  g_assert_false (rk_store_move_task (store, s4, +1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 0);

  g_assert_true (rk_store_move_task (store, b, -1, &error));
  g_assert_no_error (error);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "2-1 3-2 3-1 3-3 4-1");
  g_assert_cmpint (rk_task_get_position (b), ==, pa);
  g_assert_cmpint (rk_task_get_position (a), ==, pb);
  /* One change covering both rows. */
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 2);

  g_assert_true (rk_store_move_task (store, a, +1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "2-1 3-2 3-3 3-1 4-1");

  g_signal_handlers_disconnect_by_data (tasks, &changes);
  reopen (&store, path);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (rk_store_get_tasks (store));
  g_assert_cmpstr (codes, ==, "2-1 3-2 3-3 3-1 4-1");
}

/* A file written elsewhere may give every task the same position: a move still works, and sticks. */
static void
test_store_move_shared_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("move-shared", &path);
  g_autoptr(RkTask) a = add_task (store, 3, "3-1", "一");
  g_autoptr(RkTask) b = add_task (store, 3, "3-2", "二");
  g_autoptr(RkTask) c = add_task (store, 3, "3-3", "三");
  g_autoptr(RkTask) moved = NULL;
  g_autofree char *codes = NULL;

  g_assert_true (rk_store_exec (rk_store_get_db (store), "UPDATE task SET position = 0", &error));
  g_assert_no_error (error);
  reopen (&store, path);
  codes = list_codes (rk_store_get_tasks (store));
  g_assert_cmpstr (codes, ==, "3-1 3-2 3-3");

  moved = find_task (rk_store_get_tasks (store), "3-3");
  g_assert_true (rk_store_move_task (store, moved, -1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (rk_store_get_tasks (store));
  g_assert_cmpstr (codes, ==, "3-1 3-3 3-2");

  reopen (&store, path);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (rk_store_get_tasks (store));
  g_assert_cmpstr (codes, ==, "3-1 3-3 3-2");
}

static void
test_store_remove_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("remove", &path);
  g_autoptr(RkTask) a = add_task (store, 1, "1-1", "一");
  g_autoptr(RkTask) b = add_task (store, 1, "1-2", "二");
  g_autoptr(RkTask) c = add_task (store, 1, "1-3", "三");
  g_autoptr(RkTask) d = NULL;
  g_autofree char *codes = NULL;
  GListModel *tasks = rk_store_get_tasks (store);

  g_assert_true (rk_store_remove_task (store, b, &error));
  g_assert_no_error (error);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "1-1 1-3");
  /* Removed twice: the row is already gone. */
  g_assert_false (rk_store_remove_task (store, b, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A task added meanwhile does not take the removed one's place. */
  d = add_task (store, 1, "1-4", "四");
  g_assert_true (rk_store_restore_task (store, b, &error));
  g_assert_no_error (error);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "1-1 1-2 1-3 1-4");
  g_assert_false (rk_store_restore_task (store, b, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Restored, it persists; removed and left, it is purged when the file closes. */
  g_assert_true (rk_store_remove_task (store, c, &error));
  g_assert_no_error (error);
  reopen (&store, path);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (rk_store_get_tasks (store));
  g_assert_cmpstr (codes, ==, "1-1 1-2 1-4");
  g_assert_false (rk_store_restore_task (store, c, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND);
}

static void
test_store_owner (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("owner", &path);
  RkMemberInfo member_info = {
    .member_type = 2, .organisation = "みなと市医師会", .name = "石川 一郎", .kana = "いしかわ いちろう",
    .title = "理事", .role = RK_ROLE_CHAIR, .alternate = "", .phone = "", .email = "", .term_start = "",
    .term_end = "", .notes = "",
  };
  g_autoptr(RkMember) member = rk_store_add_member (store, &member_info, &error);
  g_autoptr(RkTask) task = NULL;
  g_autoptr(RkTask) reloaded = NULL;
  RkTaskInfo info = task_info (5, "5-2", "連携ルール完成", "2026-04", "2027-03");

  g_assert_no_error (error);
  info.owner_member_id = rk_member_get_id (member);
  info.milestone = TRUE;
  task = rk_store_add_task (store, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_task_get_owner_member_id (task), ==, rk_member_get_id (member));

  /* A member in the bin cannot be given a task. */
  g_assert_true (rk_store_remove_member (store, member, &error));
  g_assert_no_error (error);
  info.title = "別の作業";
  g_assert_null (rk_store_add_task (store, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Owner:"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_tasks (store)), ==, 1);
  g_assert_true (rk_store_restore_member (store, member, &error));
  g_assert_no_error (error);

  reopen (&store, path);
  reloaded = find_task (rk_store_get_tasks (store), "5-2");
  g_assert_nonnull (reloaded);
  g_assert_cmpint (rk_task_get_owner_member_id (reloaded), ==, rk_member_get_id (member));
  g_assert_true (rk_task_get_milestone (reloaded));
}

static void
test_store_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("template", &path);
  g_autoptr(RkTask) extra = add_task (store, 3, "3-9", "独自の作業");
  g_autoptr(RkTask) milestone = NULL;
  g_autofree char *codes = NULL;
  ItemsChanged changes = { 0 };
  GListModel *tasks = rk_store_get_tasks (store);

  /* An unknown template adds nothing. */
  g_assert_false (rk_store_add_template_tasks (store, "none", month ("2025-04"), &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);

  g_signal_connect (tasks, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_true (rk_store_add_template_tasks (store, "three-year", month ("2025-04"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, >=, 1);
  /* The template's tasks come after what the step already had. */
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "1-1 1-2 2-1 2-2 2-3 3-9 3-1 3-2 4-1 4-2 5-1 5-2 5-3 6-1 6-2");
  g_signal_handlers_disconnect_by_data (tasks, &changes);

  reopen (&store, path);
  tasks = rk_store_get_tasks (store);
  g_clear_pointer (&codes, g_free);
  codes = list_codes (tasks);
  g_assert_cmpstr (codes, ==, "1-1 1-2 2-1 2-2 2-3 3-9 3-1 3-2 4-1 4-2 5-1 5-2 5-3 6-1 6-2");
  milestone = find_task (tasks, "6-1");
  g_assert_true (rk_task_get_milestone (milestone));
  g_assert_cmpstr (rk_task_get_start_month (milestone), ==, "2027-04");
  g_assert_cmpstr (rk_task_get_end_month (milestone), ==, "2028-03");
  g_assert_cmpfloat (rk_schedule_step_progress (tasks, 5), ==, 0.0);
  g_assert_cmpfloat (rk_schedule_step_progress (tasks, 6), ==, 0.0);

  /* The one-year plan on top: STEP1 now holds four tasks. */
  g_assert_true (rk_store_add_template_tasks (store, "one-year", month ("2026-04"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 15 + 13);
}

static void
test_store_meetings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("demo");
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkTask) rules = NULL;
  g_autoptr(RkTask) study = NULL;
  g_autoptr(RkTask) none = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  RkTaskMeeting *meeting;

  /* The demo is written as of today's fiscal year: pin today to the one its tables tell. */
  g_setenv ("RK_TODAY", "2025-10-01", TRUE);
  g_assert_true (rk_store_write_demo (path, &error));
  g_unsetenv ("RK_TODAY");
  g_assert_no_error (error);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);

  rules = find_task (rk_store_get_tasks (store), "5-2");
  g_assert_nonnull (rules);
  g_assert_true (rk_task_get_milestone (rules));
  meetings = rk_store_list_task_meetings (store, rules, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 5);
  for (guint i = 1; i < meetings->len; i++)
    {
      RkTaskMeeting *prev = g_ptr_array_index (meetings, i - 1);

      meeting = g_ptr_array_index (meetings, i);
      g_assert_cmpstr (prev->starts_at, <=, meeting->starts_at);
    }
  meeting = g_ptr_array_index (meetings, 0);
  g_assert_cmpstr (meeting->body_name, ==, "在宅医療・救急医療連携推進協議会");
  g_assert_cmpint (meeting->number, ==, 3);
  g_assert_cmpstr (meeting->title, ==, "連携ルール第1版素案");
  g_assert_cmpstr (meeting->starts_at, ==, "2025-02-18T14:00");
  g_assert_cmpint (meeting->status, ==, 1);
  meeting = g_ptr_array_index (meetings, meetings->len - 1);
  g_assert_cmpint (meeting->status, ==, 0);
  g_clear_pointer (&meetings, g_ptr_array_unref);

  study = find_task (rk_store_get_tasks (store), "3-2");
  meetings = rk_store_list_task_meetings (store, study, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 3);
  meeting = g_ptr_array_index (meetings, 0);
  g_assert_cmpstr (meeting->body_name, ==, "救急搬送連携部会");
  g_clear_pointer (&meetings, g_ptr_array_unref);

  /* A meeting in the bin is not listed. */
  g_assert_true (rk_store_exec (rk_store_get_db (store),
                                "UPDATE meeting SET deleted_at = '2025-08-01T10:00:00' "
                                "WHERE title = '救急搬送時の情報共有の現状'", &error));
  g_assert_no_error (error);
  meetings = rk_store_list_task_meetings (store, study, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  g_clear_pointer (&meetings, g_ptr_array_unref);

  none = find_task (rk_store_get_tasks (store), "6-2");
  meetings = rk_store_list_task_meetings (store, none, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 0);
}

/* A meeting written straight into a new file, as the meetings page will, shows under its task. */
static void
test_store_meetings_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("meetings", NULL);
  RkBodyInfo body_info = { .name = "救急搬送連携部会", .tier = RK_TIER_FIELD, .purpose = "" };
  g_autoptr(RkBody) body = rk_store_add_body (store, &body_info, &error);
  g_autoptr(RkTask) task = add_task (store, 3, "3-2", "定期研究会の開催");
  g_autoptr(RkTask) other = add_task (store, 3, "3-1", "中核となる関係者打合せ");
  g_autoptr(GPtrArray) meetings = NULL;
  sqlite3_stmt *stmt = NULL;
  RkTaskMeeting *meeting;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (rk_store_get_db (store),
                                       "INSERT INTO meeting (body_id, number, title, starts_at, task_id, status) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (int i = 0; i < 3; i++)
    {
      const char *starts[] = { "2025-12-09T18:30", "2025-10-14T18:30", "2026-02-10T18:30" };
      g_autofree char *title = g_strdup_printf ("第%d回", i + 1);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, rk_body_get_id (body));
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, starts[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, i < 2 ? rk_task_get_id (task) : rk_task_get_id (other));
      sqlite3_bind_int (stmt, 6, i == 0 ? 2 : 1);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  meetings = rk_store_list_task_meetings (store, task, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 2);
  /* By date, not by number. */
  meeting = g_ptr_array_index (meetings, 0);
  g_assert_cmpint (meeting->number, ==, 2);
  g_assert_cmpstr (meeting->starts_at, ==, "2025-10-14T18:30");
  g_assert_cmpstr (meeting->body_name, ==, "救急搬送連携部会");
  meeting = g_ptr_array_index (meetings, 1);
  g_assert_cmpint (meeting->number, ==, 1);
  g_assert_cmpint (meeting->status, ==, 2);
  g_assert_cmpstr (meeting->title, ==, "第1回");

  /* A body in the bin takes its meetings out of view. */
  g_assert_true (rk_store_remove_body (store, body, &error));
  g_assert_no_error (error);
  g_clear_pointer (&meetings, g_ptr_array_unref);
  meetings = rk_store_list_task_meetings (store, task, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 0);
}

#define N_BULK 10000

static void
test_store_bulk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("bulk", &path);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree RkTaskInfo *infos = g_new0 (RkTaskInfo, N_BULK);
  g_autoptr(RkTask) first = NULL;
  g_autoptr(RkTask) last = NULL;
  ItemsChanged changes = { 0 };
  GListModel *tasks = rk_store_get_tasks (store);
  gint64 started;
  double seconds;
  int prev_step = 0, prev_position = -1;

  for (guint i = 0; i < N_BULK; i++)
    {
      RkMonth start = month ("2024-04") + (int) (i % 48);
      char *code = g_strdup_printf ("%u-%u", i % 6 + 1, i / 6 + 1);
      char *title = g_strdup_printf ("作業 %u", i);
      char *start_text = rk_month_to_string (start);
      char *end_text = rk_month_to_string (start + (int) (i % 7));

      g_ptr_array_add (strings, code);
      g_ptr_array_add (strings, title);
      g_ptr_array_add (strings, start_text);
      g_ptr_array_add (strings, end_text);
      infos[i] = task_info ((int) (i % 6) + 1, code, title, start_text, end_text);
      infos[i].status = (RkTaskStatus) (i / 6 % 4);
    }

  /* One bad task among them: refused as a whole, named, nothing written. */
  infos[5000].end_month = "2020-01";
  g_assert_false (rk_store_add_tasks (store, infos, N_BULK, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "5001"));
  g_assert_nonnull (strstr (error->message, "End month:"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 0);
  infos[5000].end_month = infos[5000].start_month;

  g_signal_connect (tasks, "items-changed", G_CALLBACK (on_items_changed), &changes);
  started = g_get_monotonic_time ();
  g_assert_true (rk_store_add_tasks (store, infos, N_BULK, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_test_message ("added %d tasks in %.3f s", N_BULK, seconds);
  g_assert_cmpfloat (seconds, <, 5.0);
  /* The list heard of them once. */
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.added, ==, N_BULK);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, N_BULK);
  g_signal_handlers_disconnect_by_data (tasks, &changes);

  started = g_get_monotonic_time ();
  reopen (&store, path);
  tasks = rk_store_get_tasks (store);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, N_BULK);
  /* Progress over the whole list, for every step, as the chart's headers ask for it. */
  for (int step = 1; step <= 6; step++)
    {
      double progress = rk_schedule_step_progress (tasks, step);

      g_assert_cmpfloat (progress, >, 0.0);
      g_assert_cmpfloat (progress, <, 1.0);
    }
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_test_message ("reopened and listed %d tasks in %.3f s", N_BULK, seconds);
  g_assert_cmpfloat (seconds, <, 5.0);

  for (guint i = 0; i < N_BULK; i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);

      g_assert_cmpint (rk_task_get_step (task), >=, prev_step);
      if (rk_task_get_step (task) == prev_step)
        g_assert_cmpint (rk_task_get_position (task), >, prev_position);
      prev_step = rk_task_get_step (task);
      prev_position = rk_task_get_position (task);
    }
  first = g_list_model_get_item (tasks, 0);
  g_assert_cmpstr (rk_task_get_code (first), ==, "1-1");
  last = g_list_model_get_item (tasks, N_BULK - 1);
  g_assert_cmpint (rk_task_get_step (last), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-test-schedule-XXXXXX", NULL);

  g_test_add_func ("/schedule/month/parse", test_month_parse);
  g_test_add_func ("/schedule/month/fiscal-year", test_fiscal_year);
  g_test_add_func ("/schedule/month/fiscal-year-era", test_fiscal_year_era);
  g_test_add_func ("/schedule/month/span", test_span);
  g_test_add_func ("/schedule/task/status-labels", test_status_labels);
  g_test_add_func ("/schedule/task/validate", test_validate);
  g_test_add_func ("/schedule/task/overdue", test_overdue);
  g_test_add_func ("/schedule/template/three-year", test_template_three_year);
  g_test_add_func ("/schedule/template/one-year", test_template_one_year);
  g_test_add_func ("/schedule/template/anchor", test_template_anchor);
  g_test_add_func ("/schedule/template/unknown", test_template_unknown);
  g_test_add_func ("/schedule/progress", test_progress);
  g_test_add_func ("/schedule/store/crud", test_store_crud);
  g_test_add_func ("/schedule/store/step-change", test_store_step_change);
  g_test_add_func ("/schedule/store/move", test_store_move);
  g_test_add_func ("/schedule/store/move-shared-positions", test_store_move_shared_positions);
  g_test_add_func ("/schedule/store/remove-restore", test_store_remove_restore);
  g_test_add_func ("/schedule/store/owner", test_store_owner);
  g_test_add_func ("/schedule/store/template", test_store_template);
  g_test_add_func ("/schedule/store/meetings-demo", test_store_meetings);
  g_test_add_func ("/schedule/store/meetings-new", test_store_meetings_new);
  g_test_add_func ("/schedule/store/bulk", test_store_bulk);

  return rk_test_core_run ();
}

/* rk-schedule.c — month arithmetic, fiscal years, template instantiation and progress for the work schedule. */

#include "rk-schedule.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rk-catalog.h"
#include "rk-store.h"

/* ------------------------------------------------------------------------------------------------------------ */
/* Months */

gboolean
rk_month_parse (const char *text,
                RkMonth    *month)
{
  int year, mon;

  g_return_val_if_fail (month != NULL, FALSE);

  /* Exactly "YYYY-MM": the form the file stores and compares as text, so "2025-6" or " 2025-06" are refused. */
  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100
         + g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  mon = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  if (year < 1 || mon < 1 || mon > 12)
    return FALSE;
  *month = year * 12 + (mon - 1);
  return TRUE;
}

char *
rk_month_to_string (RkMonth month)
{
  return g_strdup_printf ("%04d-%02d", rk_month_get_year (month), rk_month_get_month (month));
}

int
rk_month_get_year (RkMonth month)
{
  /* Floor division, so arithmetic that strays below year 0 still gives months 1–12. */
  return month >= 0 ? month / 12 : -((-month + 11) / 12);
}

int
rk_month_get_month (RkMonth month)
{
  return month - rk_month_get_year (month) * 12 + 1;
}

RkMonth
rk_month_from_date (GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return (int) g_date_get_year (date) * 12 + (int) g_date_get_month (date) - 1;
}

int
rk_month_get_fiscal_year (RkMonth month)
{
  /* A 年度 opens on 1 April: January–March belong to the year before. */
  return rk_month_get_month (month) >= 4 ? rk_month_get_year (month) : rk_month_get_year (month) - 1;
}

RkMonth
rk_month_fiscal_start (int fiscal_year)
{
  return fiscal_year * 12 + 3;
}

char *
rk_month_format_span (RkMonth start,
                      RkMonth end)
{
  /* Japanese calendar notation in every locale, like the 和暦 dates of rk-era: it is how the documents read. */
  if (start == end)
    return g_strdup_printf ("%d年%d月", rk_month_get_year (start), rk_month_get_month (start));
  return g_strdup_printf ("%d年%d月–%d年%d月", rk_month_get_year (start), rk_month_get_month (start),
                          rk_month_get_year (end), rk_month_get_month (end));
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Templates */

/* The catalog has no milestone flag: these are the items the guide names as turning points. Matched on code and
 * title, so that a catalog whose items change does not silently mark the wrong task.
 * - three-year 5-2 連携ルール完成: the rules are complete.
 * - three-year 6-1 運用状況確認アンケート: its detail reads 運用開始, the rules go into use.
 * - one-year 5-1 状況確認アンケート: the first item of that template's STEP5 (連携ルールの運用と運用状況の把握), the
 *   same point as the three-year 6-1. Its 5-2 効果検証 is ongoing work, not a point in time. */
static const struct {
  const char *template_id;
  const char *code;
  const char *title;
} milestones[] = {
  { "three-year", "5-2", "連携ルール完成" },
  { "three-year", "6-1", "運用状況確認アンケート" },
  { "one-year", "5-1", "状況確認アンケート" },
};

static gboolean
is_milestone (const char     *template_id,
              RkTemplateItem *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    if (g_str_equal (milestones[i].template_id, template_id)
        && g_str_equal (milestones[i].code, rk_template_item_get_code (item))
        && g_str_equal (milestones[i].title, rk_template_item_get_title (item)))
      return TRUE;
  return FALSE;
}

static void
task_info_free (gpointer data)
{
  RkTaskInfo *info = data;

  g_free ((char *) info->code);
  g_free ((char *) info->title);
  g_free ((char *) info->start_month);
  g_free ((char *) info->end_month);
  g_free ((char *) info->owner_text);
  g_free ((char *) info->cadence);
  g_free ((char *) info->notes);
  g_free (info);
}

GPtrArray *
rk_schedule_instantiate_template (const char *template_id,
                                  RkMonth     anchor,
                                  GError    **error)
{
  RkScheduleTemplate *template;
  g_autoptr(GPtrArray) tasks = NULL;
  GListModel *items;
  guint n;

  g_return_val_if_fail (template_id != NULL, NULL);

  template = rk_catalog_lookup_schedule_template (rk_catalog_get_default (), template_id);
  if (template == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Template: there is no schedule template “%s”. Choose the three-year or the one-year plan."),
                   template_id);
      return NULL;
    }

  items = rk_schedule_template_get_items (template);
  n = g_list_model_get_n_items (items);
  tasks = g_ptr_array_new_full (n, task_info_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTemplateItem) item = g_list_model_get_item (items, i);
      RkTaskInfo *info = g_new0 (RkTaskInfo, 1);
      RkMonth start = anchor + (int) rk_template_item_get_start_month (item);
      RkMonth end = start + (int) MAX (rk_template_item_get_duration_months (item), 1) - 1;

      info->step = (int) rk_template_item_get_step (item);
      info->code = g_strdup (rk_template_item_get_code (item));
      info->title = g_strdup (rk_template_item_get_title (item));
      info->start_month = rk_month_to_string (start);
      info->end_month = rk_month_to_string (end);
      info->owner_member_id = 0;
      info->owner_text = g_strdup ("");
      info->status = RK_TASK_TODO;
      info->milestone = is_milestone (template_id, item);
      info->cadence = g_strdup (rk_template_item_get_cadence (item));
      info->notes = g_strdup (rk_template_item_get_detail (item));
      g_ptr_array_add (tasks, info);
    }
  return g_steal_pointer (&tasks);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Progress */

double
rk_schedule_step_progress (GListModel *tasks,
                           int         step)
{
  guint n, counted = 0, done = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (tasks), -1.0);

  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);
      RkTaskStatus status;

      if (rk_task_get_step (task) != step)
        continue;
      status = rk_task_get_status (task);
      /* A cancelled task is work no one will do: it neither helps nor holds back the step. */
      if (status == RK_TASK_CANCELLED)
        continue;
      counted++;
      if (status == RK_TASK_DONE)
        done++;
    }
  return counted == 0 ? -1.0 : (double) done / (double) counted;
}

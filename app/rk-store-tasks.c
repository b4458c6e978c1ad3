/* rk-store-tasks.c — the work schedule's part of the store: tasks (工程表) and the meetings that serve them.
 *
 * The schedule (the tasks list) is created on first use and hangs off the store as object data, so rk-store.c needs
 * no knowledge of it. It prepares no statement that outlives a call: the store must be able to close its database
 * at any time.
 *
 * Positions: a new task takes one more than the largest position in the table, deleted rows included, so positions
 * stay unique and a restored task never shares its place; a move swaps two positions, which keeps them unique. */

#include "rk-store-tasks.h"

#include <glib/gi18n.h>

#include "rk-store-private.h"
#include "rk-task-private.h"

#define TASK_COLUMNS \
  "step, code, title, start_month, end_month, owner_member_id, owner_text, status, milestone, cadence, notes"

/* Up to this many new tasks go into the list one by one; more replace it in one splice, so that a list view hears
 * of 10,000 rows once, not 10,000 times. */
#define INSERT_ONE_BY_ONE_MAX 64

/* ------------------------------------------------------------------------------------------------------------ */
/* The schedule object */

#define RK_TYPE_STORE_SCHEDULE (rk_store_schedule_get_type ())
G_DECLARE_FINAL_TYPE (RkStoreSchedule, rk_store_schedule, RK, STORE_SCHEDULE, GObject)

struct _RkStoreSchedule
{
  GObject     parent_instance;

  GListStore *tasks;
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (RkStoreSchedule, rk_store_schedule, G_TYPE_OBJECT)

static GQuark
schedule_quark (void)
{
  return g_quark_from_static_string ("rk-store-schedule");
}

static void
rk_store_schedule_finalize (GObject *object)
{
  RkStoreSchedule *self = RK_STORE_SCHEDULE (object);

  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (rk_store_schedule_parent_class)->finalize (object);
}

static void
rk_store_schedule_class_init (RkStoreScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_store_schedule_finalize;
}

static void
rk_store_schedule_init (RkStoreSchedule *self)
{
  self->tasks = g_list_store_new (RK_TYPE_TASK);
}

/* Step, then position, then id: the order the header promises. */
static int
compare_tasks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RkTask *ta = (RkTask *) a;
  RkTask *tb = (RkTask *) b;
  int sa = rk_task_get_step (ta), sb = rk_task_get_step (tb);
  int pa = rk_task_get_position (ta), pb = rk_task_get_position (tb);
  gint64 ia = rk_task_get_id (ta), ib = rk_task_get_id (tb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static int
compare_task_ptrs (gconstpointer a,
                   gconstpointer b)
{
  return compare_tasks (*(RkTask *const *) a, *(RkTask *const *) b, NULL);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SQL helpers */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Binds ?first … ?first+10 to TASK_COLUMNS. */
static void
bind_task (sqlite3_stmt     *stmt,
           int               first,
           const RkTaskInfo *info)
{
  sqlite3_bind_int (stmt, first, info->step);
  rk_store_bind_text (stmt, first + 1, info->code);
  rk_store_bind_text (stmt, first + 2, info->title);
  rk_store_bind_text (stmt, first + 3, info->start_month);
  rk_store_bind_text (stmt, first + 4, info->end_month);
  if (info->owner_member_id > 0)
    sqlite3_bind_int64 (stmt, first + 5, info->owner_member_id);
  else
    sqlite3_bind_null (stmt, first + 5);
  rk_store_bind_text (stmt, first + 6, info->owner_text);
  sqlite3_bind_int (stmt, first + 7, info->status);
  sqlite3_bind_int (stmt, first + 8, info->milestone ? 1 : 0);
  rk_store_bind_text (stmt, first + 9, info->cadence);
  rk_store_bind_text (stmt, first + 10, info->notes);
}

/* The owner must be a member of the roster now: the foreign key alone would accept a member in the bin. @stmt is
 * "SELECT 1 FROM member WHERE id = ?1 AND deleted_at IS NULL". */
static gboolean
check_owner (sqlite3_stmt      *stmt,
             const RkTaskInfo  *info,
             GError           **error)
{
  int rc;

  if (info->owner_member_id <= 0)
    return TRUE;
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, info->owner_member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (sqlite3_db_handle (stmt), rc, error);
      return FALSE;
    }
  g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       _("Owner: the member chosen is no longer in this council. Choose another member, or type "
                         "an organisation."));
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Loading */

static gboolean
load_tasks (RkStoreSchedule  *schedule,
            sqlite3          *db,
            GError          **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = rk_store_prepare (db, "SELECT id, " TASK_COLUMNS ", position FROM task WHERE deleted_at IS NULL "
                               "ORDER BY step, position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkTaskInfo info = {
        .step = sqlite3_column_int (stmt, 1),
        .code = column_text (stmt, 2),
        .title = column_text (stmt, 3),
        .start_month = column_text (stmt, 4),
        .end_month = column_text (stmt, 5),
        .owner_member_id = sqlite3_column_int64 (stmt, 6),
        .owner_text = column_text (stmt, 7),
        .status = (RkTaskStatus) CLAMP (sqlite3_column_int (stmt, 8), RK_TASK_TODO, RK_TASK_CANCELLED),
        .milestone = sqlite3_column_int (stmt, 9) != 0,
        .cadence = column_text (stmt, 10),
        .notes = column_text (stmt, 11),
      };

      g_ptr_array_add (items, rk_task_new_for_store (sqlite3_column_int64 (stmt, 0), &info,
                                                     sqlite3_column_int (stmt, 12)));
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }

  g_list_store_splice (schedule->tasks, 0, g_list_model_get_n_items (G_LIST_MODEL (schedule->tasks)),
                       items->pdata, items->len);
  schedule->loaded = TRUE;
  return TRUE;
}

static RkStoreSchedule *
get_schedule (RkStore *self)
{
  RkStoreSchedule *schedule = g_object_get_qdata (G_OBJECT (self), schedule_quark ());

  if (schedule == NULL)
    {
      schedule = g_object_new (RK_TYPE_STORE_SCHEDULE, NULL);
      g_object_set_qdata_full (G_OBJECT (self), schedule_quark (), schedule, g_object_unref);
    }
  return schedule;
}

/* The schedule, loaded; NULL with @error when the file is closed or cannot be read. */
static RkStoreSchedule *
ensure_schedule (RkStore  *self,
                 GError  **error)
{
  RkStoreSchedule *schedule = get_schedule (self);

  if (schedule->loaded)
    return schedule;
  if (!rk_store_check_open (self, error) || !load_tasks (schedule, rk_store_get_db (self), error))
    return NULL;
  return schedule;
}

GListModel *
rk_store_get_tasks (RkStore *self)
{
  g_autoptr(GError) error = NULL;
  RkStoreSchedule *schedule;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  schedule = get_schedule (self);
  if (!schedule->loaded && rk_store_get_db (self) != NULL && ensure_schedule (self, &error) == NULL)
    g_warning ("Could not read the tasks of %s: %s", rk_store_get_path (self), error->message);
  return G_LIST_MODEL (schedule->tasks);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Adding */

/* Names which of several tasks was refused. */
static void
prefix_task_error (GError           **error,
                   const RkTaskInfo  *infos,
                   guint              i,
                   guint              n)
{
  if (n <= 1)
    return;
  if (!rk_store_text_is_blank (infos[i].code) && rk_store_text_is_valid (infos[i].code))
    {
      /* TRANSLATORS: put before the reason why one of several tasks was refused; %u counts from 1, %s is its
       * code such as 3-2. */
      g_prefix_error (error, _("Task %u (%s): "), i + 1, infos[i].code);
    }
  else
    {
      /* TRANSLATORS: put before the reason why one of several tasks was refused; %u counts from 1. */
      g_prefix_error (error, _("Task %u: "), i + 1);
    }
}

/* Writes @n tasks in one transaction, each appended at the end of its step in the order given, and shows them.
 * Nothing is written when one is refused. */
static gboolean
add_tasks (RkStore           *self,
           const RkTaskInfo  *infos,
           guint              n,
           GPtrArray         *added,
           GError           **error)
{
  g_autoptr(RkStmt) owner = NULL;
  g_autoptr(RkStmt) next = NULL;
  g_autoptr(RkStmt) insert = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_full (n, g_object_unref);
  g_autofree gint64 *ids = NULL;
  g_autofree char *now = NULL;
  RkStoreSchedule *schedule;
  sqlite3 *db;
  int first;

  for (guint i = 0; i < n; i++)
    if (!rk_task_info_validate (&infos[i], error))
      {
        prefix_task_error (error, infos, i, n);
        return FALSE;
      }
  if ((schedule = ensure_schedule (self, error)) == NULL)
    return FALSE;

  db = rk_store_get_db (self);
  ids = g_new (gint64, MAX (n, 1));
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if ((owner = rk_store_prepare (db, "SELECT 1 FROM member WHERE id = ?1 AND deleted_at IS NULL", error)) == NULL
      || (next = rk_store_prepare (db, "SELECT coalesce(max(position), -1) + 1 FROM task", error)) == NULL
      || (insert = rk_store_prepare (db, "INSERT INTO task (" TASK_COLUMNS ", position) VALUES (?1, ?2, ?3, ?4, "
                                         "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error)) == NULL)
    goto fail;
  if (sqlite3_step (next) != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, sqlite3_errcode (db), error);
      goto fail;
    }
  first = sqlite3_column_int (next, 0);
  g_clear_pointer (&next, sqlite3_finalize);

  for (guint i = 0; i < n; i++)
    {
      if (!check_owner (owner, &infos[i], error))
        {
          prefix_task_error (error, infos, i, n);
          goto fail;
        }
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      bind_task (insert, 1, &infos[i]);
      sqlite3_bind_int (insert, 12, first + (int) i);
      if (!rk_store_step_done (insert, error))
        goto fail;
      ids[i] = sqlite3_last_insert_rowid (db);
    }
  g_clear_pointer (&owner, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      RkTask *task = rk_task_new_for_store (ids[i], &infos[i], first + (int) i);

      g_ptr_array_add (tasks, task);
      if (added != NULL)
        g_ptr_array_add (added, g_object_ref (task));
    }
  if (n <= INSERT_ONE_BY_ONE_MAX)
    {
      for (guint i = 0; i < n; i++)
        g_list_store_insert_sorted (schedule->tasks, g_ptr_array_index (tasks, i), compare_tasks, NULL);
    }
  else
    {
      GListModel *model = G_LIST_MODEL (schedule->tasks);
      guint n_old = g_list_model_get_n_items (model);
      g_autoptr(GPtrArray) all = g_ptr_array_new_full (n_old + n, g_object_unref);

      for (guint i = 0; i < n_old; i++)
        g_ptr_array_add (all, g_list_model_get_item (model, i));
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (tasks, i)));
      g_ptr_array_sort (all, compare_task_ptrs);
      g_list_store_splice (schedule->tasks, 0, n_old, all->pdata, all->len);
    }
  return TRUE;

fail:
  g_clear_pointer (&owner, sqlite3_finalize);
  g_clear_pointer (&next, sqlite3_finalize);
  g_clear_pointer (&insert, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

RkTask *
rk_store_add_task (RkStore           *self,
                   const RkTaskInfo  *info,
                   GError           **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!add_tasks (self, info, 1, added, error))
    return NULL;
  return g_object_ref (g_ptr_array_index (added, 0));
}

gboolean
rk_store_add_tasks (RkStore           *self,
                    const RkTaskInfo  *tasks,
                    guint              n,
                    GError           **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (tasks != NULL || n == 0, FALSE);

  return add_tasks (self, tasks, n, NULL, error);
}

gboolean
rk_store_add_template_tasks (RkStore     *self,
                             const char  *template_id,
                             RkMonth      anchor,
                             GError     **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GArray) tasks = NULL;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  infos = rk_schedule_instantiate_template (template_id, anchor, error);
  if (infos == NULL)
    return FALSE;
  tasks = g_array_sized_new (FALSE, FALSE, sizeof (RkTaskInfo), infos->len);
  for (guint i = 0; i < infos->len; i++)
    g_array_append_vals (tasks, g_ptr_array_index (infos, i), 1);
  return add_tasks (self, (const RkTaskInfo *) tasks->data, tasks->len, NULL, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Editing */

gboolean
rk_store_update_task (RkStore           *self,
                      RkTask            *task,
                      const RkTaskInfo  *info,
                      GError           **error)
{
  g_autoptr(RkStmt) owner = NULL;
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreSchedule *schedule;
  sqlite3 *db;
  int position, rc;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_TASK (task), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_task_info_validate (info, error) || (schedule = ensure_schedule (self, error)) == NULL)
    return FALSE;

  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  owner = rk_store_prepare (db, "SELECT 1 FROM member WHERE id = ?1 AND deleted_at IS NULL", error);
  if (owner == NULL || !check_owner (owner, info, error))
    goto fail;
  g_clear_pointer (&owner, sqlite3_finalize);
  /* A task moved to another step goes to the end of it. */
  stmt = rk_store_prepare (db, "UPDATE task SET position = CASE WHEN step = ?1 THEN position "
                               "ELSE (SELECT coalesce(max(position), -1) + 1 FROM task) END, "
                               "step = ?1, code = ?2, title = ?3, start_month = ?4, end_month = ?5, "
                               "owner_member_id = ?6, owner_text = ?7, status = ?8, milestone = ?9, cadence = ?10, "
                               "notes = ?11 WHERE id = ?12 AND deleted_at IS NULL RETURNING position", error);
  if (stmt == NULL)
    goto fail;
  bind_task (stmt, 1, info);
  sqlite3_bind_int64 (stmt, 12, rk_task_get_id (task));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      rk_store_set_not_found (error, rk_task_get_title (task));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }
  position = sqlite3_column_int (stmt, 0);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (task));
  rk_task_set_info (task, info);
  rk_task_set_position (task, position);
  g_object_thaw_notify (G_OBJECT (task));
  rk_store_item_changed (schedule->tasks, task, compare_tasks);
  return TRUE;

fail:
  g_clear_pointer (&owner, sqlite3_finalize);
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

/* Writes @position for @task inside the open transaction; NOT_FOUND when the row was removed meanwhile. */
static gboolean
write_position (sqlite3_stmt  *stmt,
                RkTask        *task,
                int            position,
                GError       **error)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, rk_task_get_id (task));
  sqlite3_bind_int (stmt, 2, position);
  if (!rk_store_step_done (stmt, error))
    return FALSE;
  if (sqlite3_changes (sqlite3_db_handle (stmt)) != 1)
    {
      rk_store_set_not_found (error, rk_task_get_title (task));
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_store_move_task (RkStore  *self,
                    RkTask   *task,
                    int       delta,
                    GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(RkTask) neighbour = NULL;
  g_autoptr(GPtrArray) step_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *now = NULL;
  RkStoreSchedule *schedule;
  GListModel *model;
  guint index, other, first;
  int tmp;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_TASK (task), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if ((schedule = ensure_schedule (self, error)) == NULL)
    return FALSE;
  model = G_LIST_MODEL (schedule->tasks);
  if (!g_list_store_find (schedule->tasks, task, &index))
    {
      rk_store_set_not_found (error, rk_task_get_title (task));
      return FALSE;
    }
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= g_list_model_get_n_items (model)))
    return FALSE;
  other = delta < 0 ? index - 1 : index + 1;
  neighbour = g_list_model_get_item (model, other);
  if (rk_task_get_step (neighbour) != rk_task_get_step (task))
    return FALSE;

  if (rk_task_get_position (neighbour) != rk_task_get_position (task))
    {
      g_ptr_array_add (step_tasks, g_object_ref (task));
      g_ptr_array_add (step_tasks, g_object_ref (neighbour));
      tmp = rk_task_get_position (neighbour);
      g_array_append_val (positions, tmp);
      tmp = rk_task_get_position (task);
      g_array_append_val (positions, tmp);
    }
  else
    {
      guint n = g_list_model_get_n_items (model);
      guint task_at = 0, neighbour_at = 0;
      int base;

      /* Positions shared (a file written elsewhere): renumber the step after every position in the table, deleted
       * rows included, in the order shown, then swap the two. */
      stmt = rk_store_prepare (rk_store_get_db (self), "SELECT coalesce(max(position), -1) + 1 FROM task", error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rk_store_set_error_from_db (rk_store_get_db (self), sqlite3_errcode (rk_store_get_db (self)), error);
          return FALSE;
        }
      base = sqlite3_column_int (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      first = index;
      while (first > 0)
        {
          g_autoptr(RkTask) item = g_list_model_get_item (model, first - 1);

          if (rk_task_get_step (item) != rk_task_get_step (task))
            break;
          first--;
        }
      for (guint i = first; i < n; i++)
        {
          RkTask *item = g_list_model_get_item (model, i);

          if (rk_task_get_step (item) != rk_task_get_step (task))
            {
              g_object_unref (item);
              break;
            }
          if (item == task)
            task_at = step_tasks->len;
          else if (item == neighbour)
            neighbour_at = step_tasks->len;
          tmp = base + (int) step_tasks->len;
          g_ptr_array_add (step_tasks, item);
          g_array_append_val (positions, tmp);
        }
      tmp = g_array_index (positions, int, task_at);
      g_array_index (positions, int, task_at) = g_array_index (positions, int, neighbour_at);
      g_array_index (positions, int, neighbour_at) = tmp;
    }

  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db, "UPDATE task SET position = ?2 WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < step_tasks->len; i++)
    if (!write_position (stmt, g_ptr_array_index (step_tasks, i), g_array_index (positions, int, i), error))
      goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  for (guint i = 0; i < step_tasks->len; i++)
    rk_task_set_position (g_ptr_array_index (step_tasks, i), g_array_index (positions, int, i));
  {
    gpointer swapped[2];

    first = MIN (index, other);
    swapped[0] = g_list_model_get_item (model, first + 1);
    swapped[1] = g_list_model_get_item (model, first);
    g_list_store_splice (schedule->tasks, first, 2, swapped, 2);
    g_object_unref (swapped[0]);
    g_object_unref (swapped[1]);
  }
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_task (RkStore  *self,
                      RkTask   *task,
                      GError  **error)
{
  RkStoreSchedule *schedule;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_TASK (task), FALSE);

  /* The meetings keep their task_id, so that undo brings the links back with the task. */
  if ((schedule = ensure_schedule (self, error)) == NULL
      || !rk_store_edit_row (self, "UPDATE task SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                         rk_task_get_id (task), rk_task_get_title (task), error))
    return FALSE;

  rk_store_list_remove (schedule->tasks, task);
  return TRUE;
}

gboolean
rk_store_restore_task (RkStore  *self,
                       RkTask   *task,
                       GError  **error)
{
  RkStoreSchedule *schedule;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_TASK (task), FALSE);

  if ((schedule = ensure_schedule (self, error)) == NULL
      || !rk_store_edit_row (self, "UPDATE task SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                         rk_task_get_id (task), rk_task_get_title (task), error))
    return FALSE;

  rk_store_list_insert (schedule->tasks, task, compare_tasks);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Meetings */

void
rk_task_meeting_free (RkTaskMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->body_name);
  g_free (meeting->title);
  g_free (meeting->starts_at);
  g_free (meeting);
}

GPtrArray *
rk_store_list_task_meetings (RkStore  *self,
                             RkTask   *task,
                             GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_task_meeting_free);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_TASK (task), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  db = rk_store_get_db (self);
  /* Meetings in the bin, or of a body in the bin, are not shown; they come back with an undo. */
  stmt = rk_store_prepare (db, "SELECT m.id, b.name, m.number, m.title, m.starts_at, m.status FROM meeting m "
                               "JOIN body b ON b.id = m.body_id "
                               "WHERE m.task_id = ?1 AND m.deleted_at IS NULL AND b.deleted_at IS NULL "
                               "ORDER BY m.starts_at, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rk_task_get_id (task));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkTaskMeeting *meeting = g_new0 (RkTaskMeeting, 1);

      meeting->meeting_id = sqlite3_column_int64 (stmt, 0);
      meeting->body_name = g_strdup (column_text (stmt, 1));
      meeting->number = sqlite3_column_int (stmt, 2);
      meeting->title = g_strdup (column_text (stmt, 3));
      meeting->starts_at = g_strdup (column_text (stmt, 4));
      meeting->status = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (meetings, meeting);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&meetings);
}

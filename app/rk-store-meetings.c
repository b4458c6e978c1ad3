/* rk-store-meetings.c — the meetings' part of the store: meetings with their number (第n回), agendas and minutes,
 * attendance, action items with carry-over, challenges with notes.
 *
 * The lists hang off the store as object data (an RkStoreMeetings), created on first use, so rk-store.c needs no
 * knowledge of them. No statement outlives a call: the store must be able to close its database at any time.
 *
 * Objects keep their identity: a reload (after the council's bodies changed, which hides or shows their meetings)
 * refreshes the RkMeeting and RkActionItem objects handed out before in place (the store remembers them by id), so a
 * view or an undo toast holding one stays valid.
 *
 * Search: search_index is written in the same transaction as the text it mirrors, with the bodies the generator
 * writes (app/rk-store-generate.c): meeting = title / notes; agenda_item = title / discussion "\n" decisions;
 * action_item = title / assignee text; challenge = title / description "\n" notes. */

#include "rk-store-meetings.h"

#include <glib/gi18n.h>

#include "rk-meeting-private.h"
#include "rk-store-private.h"

#define MEETING_COLUMNS "m.id, m.body_id, m.number, m.title, m.starts_at, coalesce(m.ends_at, ''), m.place, " \
                        "m.online, coalesce(m.task_id, 0), m.status, m.notes"
#define AGENDA_COLUMNS  "id, meeting_id, position, title, coalesce(presenter_member_id, 0), " \
                        "coalesce(minutes_allotted, -1), discussion, decisions, coalesce(carried_action_id, 0)"
#define ACTION_COLUMNS  "a.id, a.meeting_id, coalesce(a.agenda_item_id, 0), a.title, " \
                        "coalesce(a.assignee_member_id, 0), a.assignee_text, coalesce(a.due_date, ''), a.status, " \
                        "coalesce(a.done_on, '')"
#define CHALLENGE_COLUMNS "c.id, c.title, c.description, c.source, coalesce(c.raised_meeting_id, 0), c.status, " \
                          "c.created_at, (SELECT count(*) FROM challenge_note n WHERE n.challenge_id = c.id)"

/* Meetings whose body is not in the bin. */
#define LIVE_MEETING "m.deleted_at IS NULL AND EXISTS (SELECT 1 FROM body b WHERE b.id = m.body_id " \
                     "AND b.deleted_at IS NULL)"

/* ------------------------------------------------------------------------------------------------------------ */
/* The lists */

#define RK_TYPE_STORE_MEETINGS (rk_store_meetings_get_type ())
G_DECLARE_FINAL_TYPE (RkStoreMeetings, rk_store_meetings, RK, STORE_MEETINGS, GObject)

struct _RkStoreMeetings
{
  GObject     parent_instance;

  RkStore    *store;       /* unowned: we live as its object data */
  GListStore *meetings;    /* by starts_at, id */
  GHashTable *body_lists;  /* body id (gint64 *) → GListStore of RkMeeting by number */
  GHashTable *agendas;     /* meeting id (gint64 *) → GListStore of RkAgendaItem by position */
  GListStore *actions;     /* by due date (none last), id */
  GListStore *challenges;  /* by status, then newest first */
  GHashTable *known_meetings; /* id → every RkMeeting handed out, so a reload finds the same object */
  GHashTable *known_actions;  /* id → every RkActionItem handed out */
  gboolean    loaded;
  gboolean    watching_bodies;
};

G_DEFINE_FINAL_TYPE (RkStoreMeetings, rk_store_meetings, G_TYPE_OBJECT)

static GQuark
meetings_quark (void)
{
  return g_quark_from_static_string ("rk-store-meetings");
}

static void
rk_store_meetings_finalize (GObject *object)
{
  RkStoreMeetings *self = RK_STORE_MEETINGS (object);

  g_clear_object (&self->meetings);
  g_clear_pointer (&self->body_lists, g_hash_table_unref);
  g_clear_pointer (&self->agendas, g_hash_table_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->challenges);
  g_clear_pointer (&self->known_meetings, g_hash_table_unref);
  g_clear_pointer (&self->known_actions, g_hash_table_unref);

  G_OBJECT_CLASS (rk_store_meetings_parent_class)->finalize (object);
}

static void
rk_store_meetings_class_init (RkStoreMeetingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_store_meetings_finalize;
}

static void
rk_store_meetings_init (RkStoreMeetings *self)
{
  self->meetings = g_list_store_new (RK_TYPE_MEETING);
  self->body_lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->agendas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->actions = g_list_store_new (RK_TYPE_ACTION_ITEM);
  self->challenges = g_list_store_new (RK_TYPE_CHALLENGE);
  self->known_meetings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->known_actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Orders */

static int
compare_ids (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b;
}

static int
compare_meetings_by_date (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  RkMeeting *ma = (RkMeeting *) a, *mb = (RkMeeting *) b;
  int cmp = strcmp (rk_meeting_get_starts_at (ma), rk_meeting_get_starts_at (mb));

  return cmp != 0 ? cmp : compare_ids (rk_meeting_get_id (ma), rk_meeting_get_id (mb));
}

static int
compare_meetings_by_number (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  RkMeeting *ma = (RkMeeting *) a, *mb = (RkMeeting *) b;
  int na = rk_meeting_get_number (ma), nb = rk_meeting_get_number (mb);

  return na != nb ? (na < nb ? -1 : 1) : compare_ids (rk_meeting_get_id (ma), rk_meeting_get_id (mb));
}

static int
compare_agenda_items (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  RkAgendaItem *ia = (RkAgendaItem *) a, *ib = (RkAgendaItem *) b;
  int pa = rk_agenda_item_get_position (ia), pb = rk_agenda_item_get_position (ib);

  return pa != pb ? (pa < pb ? -1 : 1) : compare_ids (rk_agenda_item_get_id (ia), rk_agenda_item_get_id (ib));
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RkActionItem *ia = (RkActionItem *) a, *ib = (RkActionItem *) b;
  const char *da = rk_action_item_get_due_date (ia), *db = rk_action_item_get_due_date (ib);

  /* No due date: last. */
  if ((*da == '\0') != (*db == '\0'))
    return *da == '\0' ? 1 : -1;
  if (strcmp (da, db) != 0)
    return strcmp (da, db);
  return compare_ids (rk_action_item_get_id (ia), rk_action_item_get_id (ib));
}

static int
compare_challenges (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  RkChallenge *ca = (RkChallenge *) a, *cb = (RkChallenge *) b;
  int sa = rk_challenge_get_status (ca), sb = rk_challenge_get_status (cb);
  int cmp;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  /* Newest first. */
  cmp = strcmp (rk_challenge_get_created_at (cb), rk_challenge_get_created_at (ca));
  return cmp != 0 ? cmp : compare_ids (rk_challenge_get_id (cb), rk_challenge_get_id (ca));
}

static int
compare_ptrs_by_date (gconstpointer a,
                      gconstpointer b)
{
  return compare_meetings_by_date (*(gpointer const *) a, *(gpointer const *) b, NULL);
}

static int
compare_ptrs_by_number (gconstpointer a,
                        gconstpointer b)
{
  return compare_meetings_by_number (*(gpointer const *) a, *(gpointer const *) b, NULL);
}

static int
compare_action_ptrs (gconstpointer a,
                     gconstpointer b)
{
  return compare_actions (*(gpointer const *) a, *(gpointer const *) b, NULL);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SQL helpers */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* A member of the roster now: the foreign key alone would accept a member in the bin. */
static gboolean
check_member (sqlite3     *db,
              gint64       member_id,
              const char  *message,
              GError     **error)
{
  gint64 found = 0;

  if (member_id <= 0)
    return TRUE;
  if (!rk_store_query_int64 (db, "SELECT 1 FROM member WHERE id = ?1 AND deleted_at IS NULL", member_id, 0, &found,
                             error))
    return FALSE;
  return found ? TRUE : invalid (error, message);
}

static gboolean
check_live_meeting (sqlite3     *db,
                    RkMeeting   *meeting,
                    GError     **error)
{
  gint64 found = 0;

  if (!rk_store_query_int64 (db, "SELECT 1 FROM meeting m WHERE m.id = ?1 AND " LIVE_MEETING,
                             rk_meeting_get_id (meeting), 0, &found, error))
    return FALSE;
  if (!found)
    {
      g_autofree char *label = rk_meeting_dup_number_label (meeting);

      rk_store_set_not_found (error, *rk_meeting_get_title (meeting) != '\0' ? rk_meeting_get_title (meeting) : label);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Search index */

static gboolean
index_agenda_text (sqlite3     *db,
                   gint64       id,
                   const char  *title,
                   const char  *discussion,
                   const char  *decisions,
                   GError     **error)
{
  g_autofree char *body = g_strconcat (discussion != NULL ? discussion : "", "\n",
                                       decisions != NULL ? decisions : "", NULL);

  return rk_store_index_put (db, "agenda_item", id, title, body, error);
}

/* Puts back (or drops) the index entries of a table's rows read with @sql (?1 = @id; columns id, title, body). */
static gboolean
index_rows (sqlite3     *db,
            const char  *kind,
            const char  *sql,
            gint64       id,
            gboolean     put,
            GError     **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ref = sqlite3_column_int64 (stmt, 0);
      gboolean ok = put ? rk_store_index_put (db, kind, ref, rk_store_column_text (stmt, 1),
                                              rk_store_column_text (stmt, 2), error)
                        : rk_store_index_drop (db, kind, ref, error);

      if (!ok)
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

#define AGENDA_INDEX_SQL "SELECT id, title, discussion || char(10) || decisions FROM agenda_item "
#define ACTION_INDEX_SQL "SELECT id, title, assignee_text FROM action_item "
#define CHALLENGE_INDEX_SQL \
  "SELECT c.id, c.title, c.description || coalesce(char(10) || (SELECT group_concat(note, char(10)) " \
  "FROM (SELECT note FROM challenge_note WHERE challenge_id = c.id ORDER BY id)), '') FROM challenge c WHERE c.id = ?1"

/* A meeting's own entry and those of its agenda items and action items not deleted: in the bin they would lead a
 * search to a meeting that is not shown. */
static gboolean
index_meeting_tree (sqlite3     *db,
                    gint64       meeting_id,
                    gboolean     put,
                    GError     **error)
{
  return index_rows (db, "meeting", "SELECT id, title, notes FROM meeting WHERE id = ?1", meeting_id, put, error)
         && index_rows (db, "agenda_item", AGENDA_INDEX_SQL "WHERE meeting_id = ?1 AND deleted_at IS NULL",
                        meeting_id, put, error)
         && index_rows (db, "action_item", ACTION_INDEX_SQL "WHERE meeting_id = ?1 AND deleted_at IS NULL",
                        meeting_id, put, error);
}

/* A challenge is found by its title, description and the notes that followed it. */
static gboolean
index_challenge (sqlite3     *db,
                 gint64       challenge_id,
                 GError     **error)
{
  return index_rows (db, "challenge", CHALLENGE_INDEX_SQL, challenge_id, TRUE, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Loading */

static void
read_meeting (sqlite3_stmt  *stmt,
              RkMeetingInfo *info)
{
  info->body_id = sqlite3_column_int64 (stmt, 1);
  info->title = rk_store_column_text (stmt, 3);
  info->starts_at = rk_store_column_text (stmt, 4);
  info->ends_at = rk_store_column_text (stmt, 5);
  info->place = rk_store_column_text (stmt, 6);
  info->online = sqlite3_column_int (stmt, 7) != 0;
  info->task_id = sqlite3_column_int64 (stmt, 8);
  info->status = (RkMeetingStatus) CLAMP (sqlite3_column_int (stmt, 9), RK_MEETING_PLANNED, RK_MEETING_CANCELLED);
  info->notes = rk_store_column_text (stmt, 10);
}

static void
read_action (sqlite3_stmt     *stmt,
             RkActionItemInfo *info)
{
  info->agenda_item_id = sqlite3_column_int64 (stmt, 2);
  info->title = rk_store_column_text (stmt, 3);
  info->assignee_member_id = sqlite3_column_int64 (stmt, 4);
  info->assignee_text = rk_store_column_text (stmt, 5);
  info->due_date = rk_store_column_text (stmt, 6);
  info->status = (RkActionStatus) CLAMP (sqlite3_column_int (stmt, 7), RK_ACTION_OPEN, RK_ACTION_DROPPED);
}

/* Keeps @object (an RkMeeting or RkActionItem) for later reloads; returns it. */
static gpointer
remember (GHashTable *known,
          gint64      id,
          gpointer    object)
{
  g_hash_table_replace (known, id_key (id), g_object_ref (object));
  return object;
}

/* Rebuilds one body's list from the list of all meetings. */
static void
fill_body_list (RkStoreMeetings *self,
                gint64           body_id,
                GListStore      *list)
{
  GListModel *all = G_LIST_MODEL (self->meetings);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      RkMeeting *meeting = g_list_model_get_item (all, i);

      if (rk_meeting_get_body_id (meeting) == body_id)
        g_ptr_array_add (items, meeting);
      else
        g_object_unref (meeting);
    }
  g_ptr_array_sort (items, compare_ptrs_by_number);
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), items->pdata, items->len);
}

static gboolean
load_meetings (RkStoreMeetings  *self,
               sqlite3          *db,
               GError          **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  stmt = rk_store_prepare (db, "SELECT " MEETING_COLUMNS " FROM meeting m WHERE " LIVE_MEETING, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int number = MAX (sqlite3_column_int (stmt, 2), 1);
      RkMeeting *meeting = g_hash_table_lookup (self->known_meetings, &id);
      RkMeetingInfo info;

      read_meeting (stmt, &info);
      if (meeting != NULL)
        {
          g_object_ref (meeting);
          rk_meeting_set_info (meeting, &info);
          rk_meeting_set_number (meeting, number);
        }
      else
        meeting = remember (self->known_meetings, id, rk_meeting_new_for_store (id, number, &info));
      g_ptr_array_add (items, meeting);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  g_ptr_array_sort (items, compare_ptrs_by_date);
  g_list_store_splice (self->meetings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meetings)),
                       items->pdata, items->len);

  g_hash_table_iter_init (&iter, self->body_lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    fill_body_list (self, *(gint64 *) key, value);
  return TRUE;
}

/* Action items of the meetings shown. */
static gboolean
load_actions (RkStoreMeetings  *self,
              sqlite3          *db,
              GError          **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = rk_store_prepare (db, "SELECT " ACTION_COLUMNS " FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
                               "WHERE a.deleted_at IS NULL AND " LIVE_MEETING, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      RkActionItem *action = g_hash_table_lookup (self->known_actions, &id);
      RkActionItemInfo info;

      read_action (stmt, &info);
      if (action != NULL)
        {
          g_object_ref (action);
          rk_action_item_set_info (action, &info, rk_store_column_text (stmt, 8));
        }
      else
        action = remember (self->known_actions, id,
                           rk_action_item_new_for_store (id, sqlite3_column_int64 (stmt, 1),
                                                         rk_store_column_text (stmt, 8), &info));
      g_ptr_array_add (items, action);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  g_ptr_array_sort (items, compare_action_ptrs);
  g_list_store_splice (self->actions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->actions)),
                       items->pdata, items->len);
  return TRUE;
}

static gboolean
load_challenges (RkStoreMeetings  *self,
                 sqlite3          *db,
                 GError          **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = rk_store_prepare (db, "SELECT " CHALLENGE_COLUMNS " FROM challenge c WHERE c.deleted_at IS NULL "
                               "ORDER BY c.status, c.created_at DESC, c.id DESC", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkChallengeInfo info = {
        .title = rk_store_column_text (stmt, 1),
        .description = rk_store_column_text (stmt, 2),
        .source = (RkChallengeSource) CLAMP (sqlite3_column_int (stmt, 3), RK_CHALLENGE_FROM_MEETING,
                                             RK_CHALLENGE_FROM_INTERVIEWS),
        .raised_meeting_id = sqlite3_column_int64 (stmt, 4),
        .status = (RkChallengeStatus) CLAMP (sqlite3_column_int (stmt, 5), RK_CHALLENGE_OPEN,
                                             RK_CHALLENGE_RESOLVED),
      };

      g_ptr_array_add (items, rk_challenge_new_for_store (sqlite3_column_int64 (stmt, 0),
                                                          rk_store_column_text (stmt, 6),
                                                          (guint) sqlite3_column_int (stmt, 7), &info));
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  g_list_store_splice (self->challenges, 0, g_list_model_get_n_items (G_LIST_MODEL (self->challenges)),
                       items->pdata, items->len);
  return TRUE;
}

static RkStoreMeetings *
get_meetings (RkStore *store)
{
  RkStoreMeetings *self = g_object_get_qdata (G_OBJECT (store), meetings_quark ());

  if (self == NULL)
    {
      self = g_object_new (RK_TYPE_STORE_MEETINGS, NULL);
      self->store = store;
      g_object_set_qdata_full (G_OBJECT (store), meetings_quark (), self, g_object_unref);
    }
  return self;
}

/* A body removed or restored hides or shows its meetings and their action items. */
static void
on_bodies_changed (GListModel      *bodies,
                   guint            position,
                   guint            removed,
                   guint            added,
                   RkStoreMeetings *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = rk_store_get_db (self->store);

  if (!self->loaded || db == NULL || removed == added)
    return;
  if (!load_meetings (self, db, &error) || !load_actions (self, db, &error))
    g_warning ("Could not read the meetings of %s: %s", rk_store_get_path (self->store), error->message);
}

/* The lists, loaded; NULL with @error when the file is closed or cannot be read. */
static RkStoreMeetings *
ensure_meetings (RkStore  *store,
                 GError  **error)
{
  RkStoreMeetings *self = get_meetings (store);
  sqlite3 *db;

  if (self->loaded)
    return rk_store_check_open (store, error) ? self : NULL;
  if (!rk_store_check_open (store, error))
    return NULL;
  db = rk_store_get_db (store);
  if (!load_meetings (self, db, error) || !load_actions (self, db, error) || !load_challenges (self, db, error))
    return NULL;
  self->loaded = TRUE;
  if (!self->watching_bodies)
    {
      /* Renames splice one body in place (removed == added) and change nothing here. */
      g_signal_connect_object (rk_store_get_bodies (store), "items-changed", G_CALLBACK (on_bodies_changed), self,
                               G_CONNECT_DEFAULT);
      self->watching_bodies = TRUE;
    }
  return self;
}

/* For the getters that return a list: a warning, not an error, when the file cannot be read. */
static RkStoreMeetings *
lists_for_getter (RkStore *store)
{
  g_autoptr(GError) error = NULL;
  RkStoreMeetings *self = get_meetings (store);

  if (!self->loaded && rk_store_get_db (store) != NULL && ensure_meetings (store, &error) == NULL)
    g_warning ("Could not read the meetings of %s: %s", rk_store_get_path (store), error->message);
  return self;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Meetings */

GListModel *
rk_store_get_meetings (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  return G_LIST_MODEL (lists_for_getter (self)->meetings);
}

GListModel *
rk_store_get_body_meetings (RkStore *self,
                            gint64   body_id)
{
  RkStoreMeetings *lists;
  GListStore *list;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  lists = lists_for_getter (self);
  list = g_hash_table_lookup (lists->body_lists, &body_id);
  if (list == NULL)
    {
      list = g_list_store_new (RK_TYPE_MEETING);
      g_hash_table_insert (lists->body_lists, id_key (body_id), list);
      fill_body_list (lists, body_id, list);
    }
  return G_LIST_MODEL (list);
}

RkMeeting *
rk_store_find_meeting (RkStore *self,
                       gint64   id)
{
  GListModel *meetings;
  guint n;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  meetings = rk_store_get_meetings (self);
  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);

      if (rk_meeting_get_id (meeting) == id)
        return meeting; /* the list holds a reference */
    }
  return NULL;
}

static GListStore *
body_list (RkStoreMeetings *self,
           gint64           body_id)
{
  return g_hash_table_lookup (self->body_lists, &body_id);
}

/* The body and the task must be there, not in the bin. */
static gboolean
check_meeting_links (sqlite3              *db,
                     const RkMeetingInfo  *info,
                     GError              **error)
{
  gint64 found = 0;

  if (!rk_store_query_int64 (db, "SELECT 1 FROM body WHERE id = ?1 AND deleted_at IS NULL", info->body_id, 0, &found,
                             error))
    return FALSE;
  if (!found)
    return invalid (error, _("Body: the body chosen is no longer in this council. Choose another body."));
  if (info->task_id <= 0)
    return TRUE;
  if (!rk_store_query_int64 (db, "SELECT 1 FROM task WHERE id = ?1 AND deleted_at IS NULL", info->task_id, 0, &found,
                             error))
    return FALSE;
  if (!found)
    return invalid (error, _("Schedule task: the task chosen is no longer in the schedule. Choose another task, "
                             "or none."));
  return TRUE;
}

static gboolean
next_number (sqlite3  *db,
             gint64    body_id,
             int      *number,
             GError  **error)
{
  gint64 value = 0;

  if (!rk_store_query_int64 (db, "SELECT coalesce(max(number), 0) + 1 FROM meeting "
                                 "WHERE body_id = ?1 AND deleted_at IS NULL",
                             body_id, 0, &value, error))
    return FALSE;
  *number = (int) value;
  return TRUE;
}

static void
bind_meeting (sqlite3_stmt        *stmt,
              const RkMeetingInfo *info)
{
  sqlite3_bind_int64 (stmt, 1, info->body_id);
  rk_store_bind_text (stmt, 2, info->title);
  rk_store_bind_text (stmt, 3, info->starts_at);
  rk_store_bind_nullable_text (stmt, 4, info->ends_at);
  rk_store_bind_text (stmt, 5, info->place);
  sqlite3_bind_int (stmt, 6, info->online ? 1 : 0);
  rk_store_bind_nullable_id (stmt, 7, info->task_id);
  sqlite3_bind_int (stmt, 8, info->status);
  rk_store_bind_text (stmt, 9, info->notes);
}

RkMeeting *
rk_store_add_meeting (RkStore              *self,
                      const RkMeetingInfo  *info,
                      GError              **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  RkMeeting *meeting;
  sqlite3 *db;
  gint64 id;
  int number;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_meeting_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_meeting_links (db, info, error) || !next_number (db, info->body_id, &number, error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO meeting (body_id, title, starts_at, ends_at, place, online, task_id, "
                               "status, notes, number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  bind_meeting (stmt, info);
  sqlite3_bind_int (stmt, 10, number);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_index_put (db, "meeting", id, info->title, info->notes, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  meeting = remember (lists->known_meetings, id, rk_meeting_new_for_store (id, number, info));
  rk_store_list_insert (lists->meetings, meeting, compare_meetings_by_date);
  rk_store_list_insert (body_list (lists, info->body_id), meeting, compare_meetings_by_number);
  return meeting;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_update_meeting (RkStore              *self,
                         RkMeeting            *meeting,
                         const RkMeetingInfo  *info,
                         GError              **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  gint64 old_body_id;
  sqlite3 *db;
  int number;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_meeting_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  old_body_id = rk_meeting_get_body_id (meeting);
  number = rk_meeting_get_number (meeting);
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_live_meeting (db, meeting, error) || !check_meeting_links (db, info, error))
    goto fail;
  /* Moved to another body: the next number there. */
  if (info->body_id != old_body_id && !next_number (db, info->body_id, &number, error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE meeting SET body_id = ?1, title = ?2, starts_at = ?3, ends_at = ?4, "
                               "place = ?5, online = ?6, task_id = ?7, status = ?8, notes = ?9, number = ?10 "
                               "WHERE id = ?11 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  bind_meeting (stmt, info);
  sqlite3_bind_int (stmt, 10, number);
  sqlite3_bind_int64 (stmt, 11, rk_meeting_get_id (meeting));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_index_put (db, "meeting", rk_meeting_get_id (meeting), info->title, info->notes, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (meeting));
  rk_meeting_set_info (meeting, info);
  rk_meeting_set_number (meeting, number);
  g_object_thaw_notify (G_OBJECT (meeting));
  rk_store_item_changed (lists->meetings, meeting, compare_meetings_by_date);
  if (info->body_id != old_body_id)
    {
      rk_store_list_remove (body_list (lists, old_body_id), meeting);
      rk_store_list_insert (body_list (lists, info->body_id), meeting, compare_meetings_by_number);
    }
  else if (body_list (lists, old_body_id) != NULL)
    rk_store_item_changed (body_list (lists, old_body_id), meeting, compare_meetings_by_number);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_meeting (RkStore    *self,
                         RkMeeting  *meeting,
                         GError    **error)
{
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEETING (meeting), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!rk_store_exec_id (db, "UPDATE meeting SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                         rk_meeting_get_id (meeting), now, rk_meeting_get_title (meeting), error)
      || !index_meeting_tree (db, rk_meeting_get_id (meeting), FALSE, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }

  {
    g_autoptr(RkMeeting) held = g_object_ref (meeting);
    g_autoptr(GError) local_error = NULL;

    rk_store_list_remove (lists->meetings, meeting);
    rk_store_list_remove (body_list (lists, rk_meeting_get_body_id (meeting)), meeting);
    if (!load_actions (lists, db, &local_error))
      g_warning ("Could not read the action items: %s", local_error->message);
  }
  return TRUE;
}

gboolean
rk_store_restore_meeting (RkStore    *self,
                          RkMeeting  *meeting,
                          GError    **error)
{
  g_autofree char *now = NULL;
  g_autoptr(RkStmt) stmt = NULL;
  RkStoreMeetings *lists;
  gint64 taken = 0, shown = 0, id;
  sqlite3 *db;
  int number;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEETING (meeting), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  id = rk_meeting_get_id (meeting);
  number = rk_meeting_get_number (meeting);
  if (!rk_store_begin (db, error))
    return FALSE;
  /* Its number was given to a newer meeting meanwhile: the next free one, as two live meetings never share one. */
  stmt = rk_store_prepare (db, "SELECT 1 FROM meeting WHERE body_id = ?1 AND number = ?2 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_meeting_get_body_id (meeting));
  sqlite3_bind_int (stmt, 2, number);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (taken && !next_number (db, rk_meeting_get_body_id (meeting), &number, error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE meeting SET deleted_at = NULL, number = ?2 "
                               "WHERE id = ?1 AND deleted_at IS NOT NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, number);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_meeting_get_title (meeting));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_meeting_tree (db, id, TRUE, error)
      || !rk_store_query_int64 (db, "SELECT 1 FROM meeting m WHERE m.id = ?1 AND " LIVE_MEETING, id, 0, &shown, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  {
    g_autoptr(GError) local_error = NULL;

    rk_meeting_set_number (meeting, number);
    /* A meeting of a body in the bin stays hidden until the body comes back. */
    if (shown)
      {
        rk_store_list_insert (lists->meetings, meeting, compare_meetings_by_date);
        rk_store_list_insert (body_list (lists, rk_meeting_get_body_id (meeting)), meeting, compare_meetings_by_number);
      }
    if (!load_actions (lists, db, &local_error))
      g_warning ("Could not read the action items: %s", local_error->message);
  }
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Agenda and minutes */

static GListStore *
load_agenda (sqlite3  *db,
             gint64    meeting_id,
             GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GListStore) list = g_list_store_new (RK_TYPE_AGENDA_ITEM);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = rk_store_prepare (db, "SELECT " AGENDA_COLUMNS " FROM agenda_item WHERE meeting_id = ?1 "
                               "AND deleted_at IS NULL ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkAgendaItemInfo info = {
        .title = rk_store_column_text (stmt, 3),
        .presenter_member_id = sqlite3_column_int64 (stmt, 4),
        .minutes_allotted = sqlite3_column_int (stmt, 5),
        .discussion = rk_store_column_text (stmt, 6),
        .decisions = rk_store_column_text (stmt, 7),
      };

      g_ptr_array_add (items, rk_agenda_item_new_for_store (sqlite3_column_int64 (stmt, 0), meeting_id,
                                                            sqlite3_column_int (stmt, 2),
                                                            sqlite3_column_int64 (stmt, 8), &info));
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return g_steal_pointer (&list);
}

/* The meeting's agenda list, loaded on first use; NULL with @error when it cannot be read. */
static GListStore *
ensure_agenda (RkStoreMeetings  *lists,
               gint64            meeting_id,
               GError          **error)
{
  GListStore *list = g_hash_table_lookup (lists->agendas, &meeting_id);

  if (list != NULL)
    return list;
  if (!rk_store_check_open (lists->store, error)
      || (list = load_agenda (rk_store_get_db (lists->store), meeting_id, error)) == NULL)
    return NULL;
  g_hash_table_insert (lists->agendas, id_key (meeting_id), list);
  return list;
}

GListModel *
rk_store_get_agenda (RkStore   *self,
                     RkMeeting *meeting)
{
  g_autoptr(GError) error = NULL;
  RkStoreMeetings *lists;
  GListStore *list;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);

  lists = get_meetings (self);
  id = rk_meeting_get_id (meeting);
  list = g_hash_table_lookup (lists->agendas, &id);
  if (list == NULL && rk_store_get_db (self) != NULL && (list = ensure_agenda (lists, id, &error)) == NULL)
    g_warning ("Could not read the agenda of %s: %s", rk_store_get_path (self), error->message);
  if (list == NULL)
    {
      /* A closed file: an empty list that stays empty. */
      list = g_list_store_new (RK_TYPE_AGENDA_ITEM);
      g_hash_table_insert (lists->agendas, id_key (id), list);
    }
  return G_LIST_MODEL (list);
}

/* Inserts an agenda item at the end of @meeting_id's agenda inside the open transaction; returns its id and
 * position. */
static gboolean
insert_agenda_item (sqlite3                 *db,
                    gint64                   meeting_id,
                    const RkAgendaItemInfo  *info,
                    gint64                   carried_action_id,
                    gint64                  *id,
                    int                     *position,
                    GError                 **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  gint64 next = 0;

  /* Deleted rows count, so a restored item never shares its place. */
  if (!rk_store_query_int64 (db, "SELECT coalesce(max(position), -1) + 1 FROM agenda_item WHERE meeting_id = ?1",
                             meeting_id, 0, &next, error))
    return FALSE;
  stmt = rk_store_prepare (db, "INSERT INTO agenda_item (meeting_id, position, title, presenter_member_id, "
                               "minutes_allotted, discussion, decisions, carried_action_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int (stmt, 2, (int) next);
  rk_store_bind_text (stmt, 3, info->title);
  rk_store_bind_nullable_id (stmt, 4, info->presenter_member_id);
  if (info->minutes_allotted >= 0)
    sqlite3_bind_int (stmt, 5, info->minutes_allotted);
  else
    sqlite3_bind_null (stmt, 5);
  rk_store_bind_text (stmt, 6, info->discussion);
  rk_store_bind_text (stmt, 7, info->decisions);
  rk_store_bind_nullable_id (stmt, 8, carried_action_id);
  if (!rk_store_step_done (stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (db);
  *position = (int) next;
  return index_agenda_text (db, *id, info->title, info->discussion, info->decisions, error);
}

#define PRESENTER_GONE N_("Presenter: the member chosen is no longer in this council. Choose another member, or none.")

RkAgendaItem *
rk_store_add_agenda_item (RkStore                 *self,
                          RkMeeting               *meeting,
                          const RkAgendaItemInfo  *info,
                          GError                 **error)
{
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  RkAgendaItem *item;
  GListStore *agenda;
  sqlite3 *db;
  gint64 id;
  int position;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_agenda_item_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL
      || (agenda = ensure_agenda (lists, rk_meeting_get_id (meeting), error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_live_meeting (db, meeting, error)
      || !check_member (db, info->presenter_member_id, _(PRESENTER_GONE), error)
      || !insert_agenda_item (db, rk_meeting_get_id (meeting), info, 0, &id, &position, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return NULL;
    }

  item = rk_agenda_item_new_for_store (id, rk_meeting_get_id (meeting), position, 0, info);
  rk_store_list_insert (agenda, item, compare_agenda_items);
  return item;
}

static GListStore *
agenda_of (RkStoreMeetings *lists,
           RkAgendaItem    *item)
{
  gint64 meeting_id = rk_agenda_item_get_meeting_id (item);

  return g_hash_table_lookup (lists->agendas, &meeting_id);
}

gboolean
rk_store_update_agenda_item (RkStore                 *self,
                             RkAgendaItem            *item,
                             const RkAgendaItemInfo  *info,
                             GError                 **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_agenda_item_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_member (db, info->presenter_member_id, _(PRESENTER_GONE), error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE agenda_item SET title = ?2, presenter_member_id = ?3, minutes_allotted = ?4, "
                               "discussion = ?5, decisions = ?6 WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_agenda_item_get_id (item));
  rk_store_bind_text (stmt, 2, info->title);
  rk_store_bind_nullable_id (stmt, 3, info->presenter_member_id);
  if (info->minutes_allotted >= 0)
    sqlite3_bind_int (stmt, 4, info->minutes_allotted);
  else
    sqlite3_bind_null (stmt, 4);
  rk_store_bind_text (stmt, 5, info->discussion);
  rk_store_bind_text (stmt, 6, info->decisions);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_agenda_item_get_title (item));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_agenda_text (db, rk_agenda_item_get_id (item), info->title, info->discussion, info->decisions, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_agenda_item_set_info (item, info);
  if (agenda_of (lists, item) != NULL)
    rk_store_item_changed (agenda_of (lists, item), item, compare_agenda_items);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_set_agenda_text (RkStore       *self,
                          RkAgendaItem  *item,
                          const char    *discussion,
                          const char    *decisions,
                          GError       **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (item), FALSE);

  if (discussion == NULL)
    discussion = "";
  if (decisions == NULL)
    decisions = "";
  if (!rk_store_text_is_valid (discussion) || !rk_store_text_is_valid (decisions))
    return invalid (error, _("The minutes contain text that is not valid UTF-8. Retype them."));
  if (g_str_equal (discussion, rk_agenda_item_get_discussion (item))
      && g_str_equal (decisions, rk_agenda_item_get_decisions (item)))
    return TRUE;
  if (!rk_store_check_open (self, error))
    return FALSE;

  /* Called as the user types: no list is loaded or touched, just the row, its index entry and modified_at. */
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db, "UPDATE agenda_item SET discussion = ?2, decisions = ?3 "
                               "WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_agenda_item_get_id (item));
  rk_store_bind_text (stmt, 2, discussion);
  rk_store_bind_text (stmt, 3, decisions);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_agenda_item_get_title (item));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_agenda_text (db, rk_agenda_item_get_id (item), rk_agenda_item_get_title (item), discussion, decisions,
                          error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_agenda_item_set_text (item, discussion, decisions);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_move_agenda_item (RkStore       *self,
                           RkAgendaItem  *item,
                           int            delta,
                           GError       **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  GListStore *agenda;
  GListModel *model;
  guint index, other, n;
  gint64 base = 0;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || (agenda = ensure_agenda (lists, rk_agenda_item_get_meeting_id (item), error)) == NULL)
    return FALSE;
  model = G_LIST_MODEL (agenda);
  n = g_list_model_get_n_items (model);
  if (!g_list_store_find (agenda, item, &index))
    {
      rk_store_set_not_found (error, rk_agenda_item_get_title (item));
      return FALSE;
    }
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    return FALSE;
  other = delta < 0 ? index - 1 : index + 1;

  db = rk_store_get_db (self);
  /* The whole agenda takes fresh positions after every position of the meeting (deleted rows included), in the new
   * order: positions stay unique even in a file written elsewhere with shared ones. */
  if (!rk_store_query_int64 (db, "SELECT coalesce(max(position), -1) + 1 FROM agenda_item WHERE meeting_id = ?1",
                             rk_agenda_item_get_meeting_id (item), 0, &base, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint from = i == index ? other : i == other ? index : i;
      int position = (int) base + (int) i;

      g_ptr_array_add (order, g_list_model_get_item (model, from));
      g_array_append_val (positions, position);
    }

  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db, "UPDATE agenda_item SET position = ?2 WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < order->len; i++)
    {
      RkAgendaItem *each = g_ptr_array_index (order, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, rk_agenda_item_get_id (each));
      sqlite3_bind_int (stmt, 2, g_array_index (positions, int, i));
      if (!rk_store_step_done (stmt, error))
        goto fail;
      if (sqlite3_changes (db) != 1)
        {
          rk_store_set_not_found (error, rk_agenda_item_get_title (each));
          goto fail;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  for (guint i = 0; i < order->len; i++)
    rk_agenda_item_set_position (g_ptr_array_index (order, i), g_array_index (positions, int, i));
  {
    gpointer swapped[2];
    guint first = MIN (index, other);

    swapped[0] = g_list_model_get_item (model, first + 1);
    swapped[1] = g_list_model_get_item (model, first);
    g_list_store_splice (agenda, first, 2, swapped, 2);
    g_object_unref (swapped[0]);
    g_object_unref (swapped[1]);
  }
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

/* Soft delete or restore of one row (?1 = id, ?2 = now when it has one) plus its index entry, in one transaction;
 * NOT_FOUND when no row matched. */
static gboolean
edit_row (RkStore     *self,
          gint64       id,
          const char  *title,
          const char  *sql,
          const char  *index_kind,
          const char  *index_sql,
          GError     **error)
{
  sqlite3 *db = rk_store_get_db (self);
  g_autofree char *now = rk_store_now_text ();

  if (!rk_store_begin (db, error))
    return FALSE;
  if (!rk_store_exec_id (db, sql, id, now, title, error)
      || (index_sql != NULL ? !index_rows (db, index_kind, index_sql, id, TRUE, error)
                            : !rk_store_index_drop (db, index_kind, id, error))
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_store_remove_agenda_item (RkStore       *self,
                             RkAgendaItem  *item,
                             GError       **error)
{
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (item), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !edit_row (self, rk_agenda_item_get_id (item), rk_agenda_item_get_title (item),
                    "UPDATE agenda_item SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                    "agenda_item", NULL, error))
    return FALSE;
  rk_store_list_remove (agenda_of (lists, item), item);
  return TRUE;
}

gboolean
rk_store_restore_agenda_item (RkStore       *self,
                              RkAgendaItem  *item,
                              GError       **error)
{
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (item), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !edit_row (self, rk_agenda_item_get_id (item), rk_agenda_item_get_title (item),
                    "UPDATE agenda_item SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                    "agenda_item", AGENDA_INDEX_SQL "WHERE id = ?1", error))
    return FALSE;
  rk_store_list_insert (agenda_of (lists, item), item, compare_agenda_items);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Attendance */

void
rk_attendee_free (RkAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->name);
  g_free (attendee->organisation);
  g_free (attendee->alternate);
  g_free (attendee->proxy_name);
  g_free (attendee);
}

/* Members seated on the body on the day (?2 body, ?3 date), with their mark at meeting ?1; ?4 limits it to one
 * member (or NULL for all). A member with two seat rows covering the day is listed once. */
#define ATTENDANCE_SQL \
  "SELECT m.id, m.name, m.organisation, m.alternate, coalesce(a.status, -1), coalesce(a.proxy_name, '') " \
  "FROM member m LEFT JOIN attendance a ON a.meeting_id = ?1 AND a.member_id = m.id " \
  "WHERE m.deleted_at IS NULL AND (?4 IS NULL OR m.id = ?4) " \
  "AND (m.term_start IS NULL OR m.term_start = '' OR m.term_start <= ?3) " \
  "AND (m.term_end IS NULL OR m.term_end = '' OR m.term_end >= ?3) " \
  "AND EXISTS (SELECT 1 FROM body_member bm WHERE bm.member_id = m.id AND bm.body_id = ?2 " \
  "AND (bm.joined_on IS NULL OR bm.joined_on = '' OR bm.joined_on <= ?3) " \
  "AND (bm.left_on IS NULL OR bm.left_on = '' OR bm.left_on > ?3)) " \
  "ORDER BY m.member_type, m.kana, m.id"

static GPtrArray *
list_attendance (sqlite3    *db,
                 RkMeeting  *meeting,
                 gint64      member_id,
                 GError    **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_attendee_free);
  g_autofree char *date = rk_meeting_dup_date (meeting);
  int rc;

  stmt = rk_store_prepare (db, ATTENDANCE_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rk_meeting_get_id (meeting));
  sqlite3_bind_int64 (stmt, 2, rk_meeting_get_body_id (meeting));
  rk_store_bind_text (stmt, 3, date);
  rk_store_bind_nullable_id (stmt, 4, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkAttendee *attendee = g_new0 (RkAttendee, 1);

      attendee->member_id = sqlite3_column_int64 (stmt, 0);
      attendee->name = g_strdup (rk_store_column_text (stmt, 1));
      attendee->organisation = g_strdup (rk_store_column_text (stmt, 2));
      attendee->alternate = g_strdup (rk_store_column_text (stmt, 3));
      attendee->status = (RkAttendanceStatus) CLAMP (sqlite3_column_int (stmt, 4), RK_ATTENDANCE_UNRECORDED,
                                                     RK_ATTENDANCE_ONLINE);
      attendee->proxy_name = g_strdup (rk_store_column_text (stmt, 5));
      g_ptr_array_add (attendees, attendee);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&attendees);
}

GPtrArray *
rk_store_list_attendance (RkStore    *self,
                          RkMeeting  *meeting,
                          GError    **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  return list_attendance (rk_store_get_db (self), meeting, 0, error);
}

gboolean
rk_store_set_attendance (RkStore             *self,
                         RkMeeting          *meeting,
                         gint64              member_id,
                         RkAttendanceStatus  status,
                         const char         *proxy_name,
                         GError            **error)
{
  g_autoptr(GPtrArray) seated = NULL;
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *proxy = NULL;
  RkAttendee *attendee;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (member_id > 0, FALSE);

  if ((int) status < RK_ATTENDANCE_UNRECORDED || status > RK_ATTENDANCE_ONLINE)
    return invalid (error, _("Attendance: choose present, absent, proxy or online."));
  if (!rk_store_text_is_valid (proxy_name))
    return invalid (error, _("Proxy: the name is not valid UTF-8. Retype it."));
  if (!rk_store_check_open (self, error))
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_live_meeting (db, meeting, error) || (seated = list_attendance (db, meeting, member_id, error)) == NULL)
    goto fail;
  if (seated->len == 0)
    {
      invalid (error, _("Attendance: this member does not sit on the meeting’s body on the day of the meeting."));
      goto fail;
    }
  attendee = g_ptr_array_index (seated, 0);
  if (status == RK_ATTENDANCE_PROXY)
    {
      proxy = g_strstrip (g_strdup (!rk_store_text_is_blank (proxy_name) ? proxy_name : attendee->alternate));
      if (rk_store_text_is_blank (proxy))
        {
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       _("Proxy: enter the name of the person attending in place of %s."), attendee->name);
          goto fail;
        }
    }

  if (status == RK_ATTENDANCE_UNRECORDED)
    stmt = rk_store_prepare (db, "DELETE FROM attendance WHERE meeting_id = ?1 AND member_id = ?2", error);
  else
    stmt = rk_store_prepare (db, "INSERT INTO attendance (meeting_id, member_id, status, proxy_name) "
                                 "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (meeting_id, member_id) "
                                 "DO UPDATE SET status = excluded.status, proxy_name = excluded.proxy_name", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_meeting_get_id (meeting));
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (status != RK_ATTENDANCE_UNRECORDED)
    {
      sqlite3_bind_int (stmt, 3, status);
      rk_store_bind_text (stmt, 4, proxy);
    }
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

void
rk_attendance_count (GPtrArray          *attendees,
                     RkAttendanceCounts *counts)
{
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (attendees == NULL)
    return;
  counts->size = attendees->len;
  for (guint i = 0; i < attendees->len; i++)
    {
      const RkAttendee *attendee = g_ptr_array_index (attendees, i);

      switch (attendee->status)
        {
        case RK_ATTENDANCE_PRESENT:
          counts->in_person++;
          break;
        case RK_ATTENDANCE_PROXY:
          counts->proxy++;
          break;
        case RK_ATTENDANCE_ONLINE:
          counts->online++;
          break;
        case RK_ATTENDANCE_ABSENT:
          counts->absent++;
          break;
        case RK_ATTENDANCE_UNRECORDED:
        default:
          counts->unrecorded++;
          break;
        }
    }
  counts->present = counts->in_person + counts->proxy + counts->online;
}

gboolean
rk_store_count_attendance (RkStore            *self,
                           RkMeeting          *meeting,
                           RkAttendanceCounts *counts,
                           GError            **error)
{
  g_autoptr(GPtrArray) attendees = NULL;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if ((attendees = rk_store_list_attendance (self, meeting, error)) == NULL)
    return FALSE;
  rk_attendance_count (attendees, counts);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Action items */

GListModel *
rk_store_get_action_items (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  return G_LIST_MODEL (lists_for_getter (self)->actions);
}

GPtrArray *
rk_store_list_action_items (RkStore        *self,
                            RkActionFilter  filter,
                            RkMeeting      *meeting)
{
  GListModel *actions;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;
  guint n;

  g_return_val_if_fail (RK_IS_STORE (self), result);
  g_return_val_if_fail (meeting == NULL || RK_IS_MEETING (meeting), result);

  g_date_clear (&today, 1);
  rk_store_get_today (&today);
  actions = rk_store_get_action_items (self);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      RkActionItem *action = g_list_model_get_item (actions, i);

      if ((meeting == NULL || rk_action_item_get_meeting_id (action) == rk_meeting_get_id (meeting))
          && rk_action_item_matches (action, filter, &today))
        g_ptr_array_add (result, action);
      else
        g_object_unref (action);
    }
  return result;
}

/* The agenda item must be one of the meeting's, the assignee on the roster. */
static gboolean
check_action_links (sqlite3                 *db,
                    gint64                   meeting_id,
                    const RkActionItemInfo  *info,
                    GError                 **error)
{
  gint64 found = 0;

  if (info->agenda_item_id > 0)
    {
      if (!rk_store_query_int64 (db,
                                 "SELECT 1 FROM agenda_item WHERE id = ?1 AND meeting_id = ?2 AND deleted_at IS NULL",
                                 info->agenda_item_id, meeting_id, &found, error))
        return FALSE;
      if (!found)
        return invalid (error, _("Agenda item: the item chosen is not on this meeting’s agenda. Choose another "
                                 "item, or none."));
    }
  return check_member (db, info->assignee_member_id,
                       _("Assignee: the member chosen is no longer in this council. Choose another member, or type "
                         "who is responsible."), error);
}

static void
bind_action (sqlite3_stmt           *stmt,
             const RkActionItemInfo *info,
             const char             *done_on)
{
  rk_store_bind_nullable_id (stmt, 2, info->agenda_item_id);
  rk_store_bind_text (stmt, 3, info->title);
  rk_store_bind_nullable_id (stmt, 4, info->assignee_member_id);
  rk_store_bind_text (stmt, 5, info->assignee_text);
  rk_store_bind_nullable_text (stmt, 6, info->due_date);
  sqlite3_bind_int (stmt, 7, info->status);
  rk_store_bind_nullable_text (stmt, 8, done_on);
}

RkActionItem *
rk_store_add_action_item (RkStore                 *self,
                          RkMeeting               *meeting,
                          const RkActionItemInfo  *info,
                          GError                 **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *done_on = NULL;
  RkStoreMeetings *lists;
  RkActionItem *action;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_action_item_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (info->status == RK_ACTION_DONE)
    done_on = rk_store_today_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_live_meeting (db, meeting, error) || !check_action_links (db, rk_meeting_get_id (meeting), info, error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO action_item (meeting_id, agenda_item_id, title, assignee_member_id, "
                               "assignee_text, due_date, status, done_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_meeting_get_id (meeting));
  bind_action (stmt, info, done_on);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_index_put (db, "action_item", id, info->title, info->assignee_text, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  action = remember (lists->known_actions, id, rk_action_item_new_for_store (id, rk_meeting_get_id (meeting), done_on,
                                                                            info));
  rk_store_list_insert (lists->actions, action, compare_actions);
  return action;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_update_action_item (RkStore                 *self,
                             RkActionItem            *action,
                             const RkActionItemInfo  *info,
                             GError                 **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *done_on = NULL;
  RkStoreMeetings *lists;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_ACTION_ITEM (action), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_action_item_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  /* Done once: it keeps the day it was done. */
  if (info->status == RK_ACTION_DONE)
    done_on = rk_action_item_get_status (action) == RK_ACTION_DONE && *rk_action_item_get_done_on (action) != '\0'
              ? g_strdup (rk_action_item_get_done_on (action)) : rk_store_today_text ();
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_action_links (db, rk_action_item_get_meeting_id (action), info, error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE action_item SET agenda_item_id = ?2, title = ?3, assignee_member_id = ?4, "
                               "assignee_text = ?5, due_date = ?6, status = ?7, done_on = ?8 "
                               "WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_action_item_get_id (action));
  bind_action (stmt, info, done_on);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_action_item_get_title (action));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_index_put (db, "action_item", rk_action_item_get_id (action), info->title, info->assignee_text,
                           error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_action_item_set_info (action, info, done_on);
  rk_store_item_changed (lists->actions, action, compare_actions);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_action_item (RkStore       *self,
                             RkActionItem  *action,
                             GError       **error)
{
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_ACTION_ITEM (action), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !edit_row (self, rk_action_item_get_id (action), rk_action_item_get_title (action),
                    "UPDATE action_item SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                    "action_item", NULL, error))
    return FALSE;
  rk_store_list_remove (lists->actions, action);
  return TRUE;
}

gboolean
rk_store_restore_action_item (RkStore       *self,
                              RkActionItem  *action,
                              GError       **error)
{
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_ACTION_ITEM (action), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !edit_row (self, rk_action_item_get_id (action), rk_action_item_get_title (action),
                    "UPDATE action_item SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                    "action_item", ACTION_INDEX_SQL "WHERE id = ?1", error))
    return FALSE;
  /* Only while its meeting is shown: the tracker lists the action items of the meetings in the list. */
  if (rk_store_find_meeting (self, rk_action_item_get_meeting_id (action)) != NULL)
    rk_store_list_insert (lists->actions, action, compare_actions);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Carry-over (継続審議) */

static RkActionItem *
find_action (RkStoreMeetings *lists,
             gint64           id)
{
  GListModel *actions = G_LIST_MODEL (lists->actions);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkActionItem) action = g_list_model_get_item (actions, i);

      if (rk_action_item_get_id (action) == id)
        return action; /* the list holds a reference */
    }
  return NULL;
}

/* Open action items of the body's meetings before @meeting, not already carried into it (?1 body, ?2 starts_at,
 * ?3 number, ?4 meeting); ?5 limits it to one action item (or NULL). */
#define OPEN_BEFORE_SQL \
  "SELECT a.id FROM action_item a JOIN meeting m ON m.id = a.meeting_id " \
  "WHERE m.body_id = ?1 AND m.id <> ?4 AND m.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = 0 " \
  "AND (m.starts_at < ?2 OR (m.starts_at = ?2 AND m.number < ?3)) AND (?5 IS NULL OR a.id = ?5) " \
  "AND NOT EXISTS (SELECT 1 FROM agenda_item g WHERE g.meeting_id = ?4 AND g.carried_action_id = a.id " \
  "AND g.deleted_at IS NULL) " \
  "ORDER BY m.starts_at, m.number, a.id"

static gboolean
query_open_before (sqlite3    *db,
                   RkMeeting  *meeting,
                   gint64      action_id,
                   GArray     *ids,
                   GError    **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, OPEN_BEFORE_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rk_meeting_get_body_id (meeting));
  rk_store_bind_text (stmt, 2, rk_meeting_get_starts_at (meeting));
  sqlite3_bind_int (stmt, 3, rk_meeting_get_number (meeting));
  sqlite3_bind_int64 (stmt, 4, rk_meeting_get_id (meeting));
  rk_store_bind_nullable_id (stmt, 5, action_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
rk_store_list_open_actions_before (RkStore    *self,
                                   RkMeeting  *meeting,
                                   GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *result;
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !query_open_before (rk_store_get_db (self), meeting, 0, ids, error))
    return NULL;
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      RkActionItem *action = find_action (lists, g_array_index (ids, gint64, i));

      if (action != NULL)
        g_ptr_array_add (result, g_object_ref (action));
    }
  return result;
}

RkAgendaItem *
rk_store_carry_action (RkStore       *self,
                       RkMeeting     *meeting,
                       RkActionItem  *action,
                       GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  RkStoreMeetings *lists;
  RkAgendaItemInfo info = { .minutes_allotted = -1 };
  RkAgendaItem *item;
  GListStore *agenda;
  sqlite3 *db;
  gint64 id;
  int position;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (RK_IS_ACTION_ITEM (action), NULL);

  if ((lists = ensure_meetings (self, error)) == NULL
      || (agenda = ensure_agenda (lists, rk_meeting_get_id (meeting), error)) == NULL)
    return NULL;
  /* TRANSLATORS: the title of an agenda item that takes up an open action item again (継続審議: %s). */
  title = g_strdup_printf (_("Continued deliberation: %s"), rk_action_item_get_title (action));
  info.title = title;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_live_meeting (db, meeting, error)
      || !query_open_before (db, meeting, rk_action_item_get_id (action), ids, error))
    goto fail;
  if (ids->len == 0)
    {
      invalid (error, _("Only an open action item from an earlier meeting of the same body can be carried over, "
                        "once per meeting."));
      goto fail;
    }
  if (!insert_agenda_item (db, rk_meeting_get_id (meeting), &info, rk_action_item_get_id (action), &id, &position,
                           error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  item = rk_agenda_item_new_for_store (id, rk_meeting_get_id (meeting), position, rk_action_item_get_id (action),
                                       &info);
  rk_store_list_insert (agenda, item, compare_agenda_items);
  return item;

fail:
  rk_store_rollback (db);
  return NULL;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Challenges */

GListModel *
rk_store_get_challenges (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  return G_LIST_MODEL (lists_for_getter (self)->challenges);
}

static gboolean
check_note_meeting (sqlite3     *db,
                    gint64       meeting_id,
                    const char  *message,
                    GError     **error)
{
  gint64 found = 0;

  if (meeting_id <= 0)
    return TRUE;
  if (!rk_store_query_int64 (db, "SELECT 1 FROM meeting WHERE id = ?1 AND deleted_at IS NULL", meeting_id, 0, &found,
                             error))
    return FALSE;
  return found ? TRUE : invalid (error, message);
}

#define RAISED_GONE N_("Raised in: the meeting chosen is no longer in this council. Choose another meeting, or none.")

static void
bind_challenge (sqlite3_stmt          *stmt,
                const RkChallengeInfo *info)
{
  rk_store_bind_text (stmt, 2, info->title);
  rk_store_bind_text (stmt, 3, info->description);
  sqlite3_bind_int (stmt, 4, info->source);
  rk_store_bind_nullable_id (stmt, 5, info->raised_meeting_id);
  sqlite3_bind_int (stmt, 6, info->status);
}

RkChallenge *
rk_store_add_challenge (RkStore                *self,
                        const RkChallengeInfo  *info,
                        GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  RkChallenge *challenge;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_challenge_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_note_meeting (db, info->raised_meeting_id, _(RAISED_GONE), error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO challenge (created_at, title, description, source, raised_meeting_id, "
                               "status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_text (stmt, 1, now);
  bind_challenge (stmt, info);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_challenge (db, id, error) || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  challenge = rk_challenge_new_for_store (id, now, 0, info);
  rk_store_list_insert (lists->challenges, challenge, compare_challenges);
  return challenge;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_update_challenge (RkStore                *self,
                           RkChallenge            *challenge,
                           const RkChallengeInfo  *info,
                           GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_CHALLENGE (challenge), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_challenge_info_validate (info, error) || (lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  /* An unchanged link to a meeting now in the bin is kept: the user did not choose it again. */
  if (info->raised_meeting_id != rk_challenge_get_raised_meeting_id (challenge)
      && !check_note_meeting (db, info->raised_meeting_id, _(RAISED_GONE), error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE challenge SET title = ?2, description = ?3, source = ?4, "
                               "raised_meeting_id = ?5, status = ?6 WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_challenge_get_id (challenge));
  bind_challenge (stmt, info);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_challenge_get_title (challenge));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_challenge (db, rk_challenge_get_id (challenge), error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_challenge_set_info (challenge, info);
  rk_store_item_changed (lists->challenges, challenge, compare_challenges);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_challenge (RkStore      *self,
                           RkChallenge  *challenge,
                           GError      **error)
{
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_CHALLENGE (challenge), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !edit_row (self, rk_challenge_get_id (challenge), rk_challenge_get_title (challenge),
                    "UPDATE challenge SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                    "challenge", NULL, error))
    return FALSE;
  rk_store_list_remove (lists->challenges, challenge);
  return TRUE;
}

gboolean
rk_store_restore_challenge (RkStore      *self,
                            RkChallenge  *challenge,
                            GError      **error)
{
  RkStoreMeetings *lists;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_CHALLENGE (challenge), FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL
      || !edit_row (self, rk_challenge_get_id (challenge), rk_challenge_get_title (challenge),
                    "UPDATE challenge SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                    "challenge", CHALLENGE_INDEX_SQL, error))
    return FALSE;
  rk_store_list_insert (lists->challenges, challenge, compare_challenges);
  return TRUE;
}

void
rk_challenge_note_free (RkChallengeNote *note)
{
  if (note == NULL)
    return;
  g_free (note->note);
  g_free (note->created_at);
  g_free (note);
}

RkChallengeNote *
rk_challenge_note_copy (const RkChallengeNote *note)
{
  RkChallengeNote *copy;

  g_return_val_if_fail (note != NULL, NULL);

  copy = g_memdup2 (note, sizeof *note);
  copy->note = g_strdup (note->note);
  copy->created_at = g_strdup (note->created_at);
  return copy;
}

static RkChallenge *
find_challenge (RkStoreMeetings *lists,
                gint64           id)
{
  GListModel *challenges = G_LIST_MODEL (lists->challenges);
  guint n = g_list_model_get_n_items (challenges);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkChallenge) challenge = g_list_model_get_item (challenges, i);

      if (rk_challenge_get_id (challenge) == id)
        return challenge; /* the list holds a reference */
    }
  return NULL;
}

/* Writes one note (with @id, or a new one for 0) inside a transaction, reindexes its challenge and counts its
 * notes. */
static gint64
insert_note (RkStore                *self,
             const RkChallengeNote  *note,
             RkChallenge            *challenge,
             GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  sqlite3 *db = rk_store_get_db (self);
  g_autofree char *now = rk_store_now_text ();
  gint64 found = 0, count = 0, id;

  if (!rk_store_begin (db, error))
    return 0;
  if (!rk_store_query_int64 (db, "SELECT 1 FROM challenge WHERE id = ?1 AND deleted_at IS NULL", note->challenge_id, 0,
                             &found, error))
    goto fail;
  if (!found)
    {
      rk_store_set_not_found (error, challenge != NULL ? rk_challenge_get_title (challenge) : "");
      goto fail;
    }
  if (!check_note_meeting (db, note->meeting_id, _("Meeting: the meeting chosen is no longer in this council. Choose "
                                                   "another meeting, or none."), error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO challenge_note (id, challenge_id, meeting_id, note, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_nullable_id (stmt, 1, note->id);
  sqlite3_bind_int64 (stmt, 2, note->challenge_id);
  rk_store_bind_nullable_id (stmt, 3, note->meeting_id);
  rk_store_bind_text (stmt, 4, note->note);
  rk_store_bind_text (stmt, 5, note->created_at != NULL && *note->created_at != '\0' ? note->created_at : now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_challenge (db, note->challenge_id, error)
      || !rk_store_query_int64 (db, "SELECT count(*) FROM challenge_note WHERE challenge_id = ?1", note->challenge_id,
                                0, &count, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;
  if (challenge != NULL)
    rk_challenge_set_n_notes (challenge, (guint) count);
  return id;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return 0;
}

gint64
rk_store_add_challenge_note (RkStore      *self,
                             RkChallenge  *challenge,
                             gint64        meeting_id,
                             const char   *note,
                             GError      **error)
{
  RkChallengeNote row = { 0 };

  g_return_val_if_fail (RK_IS_STORE (self), 0);
  g_return_val_if_fail (RK_IS_CHALLENGE (challenge), 0);
  g_return_val_if_fail (meeting_id >= 0, 0);

  if (!rk_store_text_is_valid (note))
    return invalid (error, _("Note: the text is not valid UTF-8. Retype it.")), 0;
  if (rk_store_text_is_blank (note))
    return invalid (error, _("Note: enter what was said or done about the challenge; it cannot be empty.")), 0;
  if (ensure_meetings (self, error) == NULL)
    return 0;
  row.challenge_id = rk_challenge_get_id (challenge);
  row.meeting_id = meeting_id;
  row.note = (char *) note;
  return insert_note (self, &row, challenge, error);
}

GPtrArray *
rk_store_list_challenge_notes (RkStore      *self,
                               RkChallenge  *challenge,
                               GError      **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_challenge_note_free);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_CHALLENGE (challenge), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  db = rk_store_get_db (self);
  stmt = rk_store_prepare (db, "SELECT n.id, n.challenge_id, coalesce(n.meeting_id, 0), n.note, n.created_at "
                               "FROM challenge_note n LEFT JOIN meeting m ON m.id = n.meeting_id "
                               "WHERE n.challenge_id = ?1 ORDER BY coalesce(m.starts_at, n.created_at), n.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rk_challenge_get_id (challenge));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkChallengeNote *note = g_new0 (RkChallengeNote, 1);

      note->id = sqlite3_column_int64 (stmt, 0);
      note->challenge_id = sqlite3_column_int64 (stmt, 1);
      note->meeting_id = sqlite3_column_int64 (stmt, 2);
      note->note = g_strdup (rk_store_column_text (stmt, 3));
      note->created_at = g_strdup (rk_store_column_text (stmt, 4));
      g_ptr_array_add (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}

RkChallengeNote *
rk_store_remove_challenge_note (RkStore  *self,
                                gint64    note_id,
                                GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(RkChallengeNote) removed = NULL;
  g_autofree char *now = NULL;
  RkStoreMeetings *lists;
  RkChallenge *challenge;
  gint64 count = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  if ((lists = ensure_meetings (self, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  stmt = rk_store_prepare (db, "DELETE FROM challenge_note WHERE id = ?1 "
                               "RETURNING id, challenge_id, coalesce(meeting_id, 0), note, created_at", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      rk_store_set_not_found (error, _("The note"));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }
  removed = g_new0 (RkChallengeNote, 1);
  removed->id = sqlite3_column_int64 (stmt, 0);
  removed->challenge_id = sqlite3_column_int64 (stmt, 1);
  removed->meeting_id = sqlite3_column_int64 (stmt, 2);
  removed->note = g_strdup (rk_store_column_text (stmt, 3));
  removed->created_at = g_strdup (rk_store_column_text (stmt, 4));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_challenge (db, removed->challenge_id, error)
      || !rk_store_query_int64 (db, "SELECT count(*) FROM challenge_note WHERE challenge_id = ?1",
                                removed->challenge_id, 0, &count, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  if ((challenge = find_challenge (lists, removed->challenge_id)) != NULL)
    rk_challenge_set_n_notes (challenge, (guint) count);
  return g_steal_pointer (&removed);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_restore_challenge_note (RkStore                *self,
                                 const RkChallengeNote  *note,
                                 GError                **error)
{
  RkStoreMeetings *lists;
  RkChallengeNote row;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (note != NULL && note->id > 0, FALSE);

  if ((lists = ensure_meetings (self, error)) == NULL)
    return FALSE;
  row = *note;
  /* The meeting it was taken in may have been removed since: the note comes back without it rather than not at
   * all. */
  if (row.meeting_id > 0)
    {
      gint64 found = 0;

      if (!rk_store_query_int64 (rk_store_get_db (self), "SELECT 1 FROM meeting WHERE id = ?1 AND deleted_at IS NULL",
                                 row.meeting_id, 0, &found, error))
        return FALSE;
      if (!found)
        row.meeting_id = 0;
    }
  return insert_note (self, &row, find_challenge (lists, note->challenge_id), error) != 0;
}

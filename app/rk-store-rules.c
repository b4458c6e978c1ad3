/* rk-store-rules.c — the rules' part of the store: rule documents, versions (freeze, branch), the section tree of
 * each version, annex forms' fields, trace links, review comments and the plain-data export.
 *
 * The lists hang off the store as object data (an RkStoreRules), created on first use, so rk-store.c needs no
 * knowledge of them. No statement outlives a call: the store must be able to close its database at any time.
 *
 * The tree: rule_section rows hold parent_uid and position (order among siblings). Numbers are derived, never
 * stored: after every change of a version's tree, compute_tree() walks it depth first and gives each section its
 * depth, number and citation, and the version's flat list is spliced to the new document order. A tree edit first
 * works out the new places (a "plan"), writes only the rows whose parent or position changes, and applies the plan
 * to the objects once the transaction is committed, so a refused or failed edit leaves both file and objects as
 * they were. Positions written are always 0…n-1 per parent; rows from elsewhere (the demo writes one counter per
 * version) are read in (position, id) order, which keeps their order.
 *
 * Search: search_index mirrors every section row (of every version, as the generator writes them) with the heading
 * as title and the body as stored; the search itself shows only each document's latest live version. */

#include "rk-store-rules.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rk-rule-private.h"
#include "rk-store-private.h"

#define INDEX_KIND "rule_section"

#define DOCUMENT_COLUMNS "id, title, kind, position, created_at"
#define VERSION_COLUMNS  "id, document_id, label, coalesce(version_date, ''), status, frozen, " \
                         "coalesce(based_on_id, 0), created_at"
#define SECTION_COLUMNS  "id, uid, coalesce(parent_uid, ''), position, kind, heading, body"

/* ------------------------------------------------------------------------------------------------------------ */
/* A version's tree in memory */

typedef struct {
  gint64      version_id;
  GListStore *list;   /* of RkRuleSection, in document order */
  GHashTable *by_uid; /* uid → RkRuleSection (owned) */
} VersionTree;

static void
version_tree_free (VersionTree *tree)
{
  g_clear_object (&tree->list);
  g_clear_pointer (&tree->by_uid, g_hash_table_unref);
  g_free (tree);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The lists */

#define RK_TYPE_STORE_RULES (rk_store_rules_get_type ())
G_DECLARE_FINAL_TYPE (RkStoreRules, rk_store_rules, RK, STORE_RULES, GObject)

struct _RkStoreRules
{
  GObject     parent_instance;

  RkStore    *store;             /* unowned: we live as its object data */
  GListStore *documents;         /* by position, id */
  GHashTable *known_documents;   /* id → every RkRuleDocument handed out, removed ones too (for restore) */
  GHashTable *version_lists;     /* document id → GListStore of RkRuleVersion by id */
  GHashTable *known_versions;    /* id → every RkRuleVersion handed out */
  GHashTable *trees;             /* version id → VersionTree */
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (RkStoreRules, rk_store_rules, G_TYPE_OBJECT)

static GQuark
rules_quark (void)
{
  return g_quark_from_static_string ("rk-store-rules");
}

static void
rk_store_rules_finalize (GObject *object)
{
  RkStoreRules *self = RK_STORE_RULES (object);

  g_clear_object (&self->documents);
  g_clear_pointer (&self->known_documents, g_hash_table_unref);
  g_clear_pointer (&self->version_lists, g_hash_table_unref);
  g_clear_pointer (&self->known_versions, g_hash_table_unref);
  g_clear_pointer (&self->trees, g_hash_table_unref);

  G_OBJECT_CLASS (rk_store_rules_parent_class)->finalize (object);
}

static void
rk_store_rules_class_init (RkStoreRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_store_rules_finalize;
}

static void
rk_store_rules_init (RkStoreRules *self)
{
  self->documents = g_list_store_new (RK_TYPE_RULE_DOCUMENT);
  self->known_documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->version_lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->known_versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->trees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) version_tree_free);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Orders and list helpers */

static int
compare_ids (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b;
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  RkRuleDocument *da = (RkRuleDocument *) a, *db = (RkRuleDocument *) b;
  int pa = rk_rule_document_get_position (da), pb = rk_rule_document_get_position (db);

  return pa != pb ? (pa < pb ? -1 : 1) : compare_ids (rk_rule_document_get_id (da), rk_rule_document_get_id (db));
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return compare_ids (rk_rule_version_get_id ((RkRuleVersion *) a), rk_rule_version_get_id ((RkRuleVersion *) b));
}

static gpointer
remember (GHashTable *known,
          gint64      id,
          gpointer    object)
{
  g_hash_table_insert (known, id_key (id), object);
  return object;
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

/* Puts (@put) or drops the search entries of the sections that @sql selects (id, heading, body) with ?1 = @id. */
static gboolean
index_sections (sqlite3     *db,
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
      gint64 section_id = sqlite3_column_int64 (stmt, 0);

      if (put ? !rk_store_index_put (db, INDEX_KIND, section_id, rk_store_column_text (stmt, 1),
                                     rk_store_column_text (stmt, 2), error)
              : !rk_store_index_drop (db, INDEX_KIND, section_id, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

#define SECTIONS_OF_VERSION "SELECT id, heading, body FROM rule_section WHERE version_id = ?1"
#define SECTIONS_OF_LIVE_VERSIONS "SELECT s.id, s.heading, s.body FROM rule_section s JOIN rule_version v " \
                                  "ON v.id = s.version_id WHERE v.document_id = ?1 AND v.deleted_at IS NULL"

/* The version must be there (not deleted, nor its document) and, for @for_text, not frozen: the message names it. */
static gboolean
check_version (sqlite3        *db,
               RkRuleVersion  *version,
               gboolean        for_text,
               GError        **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "SELECT v.frozen FROM rule_version v JOIN rule_document d "
                                                 "ON d.id = v.document_id WHERE v.id = ?1 AND v.deleted_at IS NULL "
                                                 "AND d.deleted_at IS NULL", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_id (version));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      rk_store_set_not_found (error, rk_rule_version_get_display_label (version));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  if (for_text && sqlite3_column_int (stmt, 0) != 0)
    {
      /* TRANSLATORS: %s is a version's label, e.g. 第2版 素案. */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("“%s” is a frozen version: its text can no longer change. Start a new draft from it to make "
                     "changes."), rk_rule_version_get_display_label (version));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Numbering a tree (shared by the objects and the plain export) */

typedef struct {
  gint64             id;
  const char        *uid;
  const char        *parent_uid; /* "" at the top level */
  int                position;
  RkRuleSectionKind  kind;
  /* Computed: */
  guint              depth;
  char              *number;
  char              *citation;
  int                sibling_index; /* 0-based among all its siblings */
} Node;

static void
node_clear (Node *node)
{
  g_clear_pointer (&node->number, g_free);
  g_clear_pointer (&node->citation, g_free);
}

static int
compare_node_ptrs (gconstpointer a,
                   gconstpointer b)
{
  const Node *na = *(const Node *const *) a, *nb = *(const Node *const *) b;

  return na->position != nb->position ? (na->position < nb->position ? -1 : 1) : compare_ids (na->id, nb->id);
}

typedef struct {
  GHashTable *children; /* parent uid → GPtrArray of Node * in order */
  GPtrArray  *order;    /* of Node *, document order */
  GHashTable *visited;
  guint       n_forms;
} Walk;

static void
walk (Walk       *w,
      const char *parent_uid,
      guint       depth,
      GPtrArray  *labels)
{
  GPtrArray *children = g_hash_table_lookup (w->children, parent_uid);
  guint n_text = 0;

  if (children == NULL)
    return;
  for (guint i = 0; i < children->len; i++)
    {
      Node *node = g_ptr_array_index (children, i);

      /* A cycle in a damaged file: each section is visited once. */
      if (!g_hash_table_add (w->visited, node))
        continue;
      node->depth = depth;
      node->sibling_index = (int) i;
      node->number = node->kind == RK_RULE_SECTION_FORM ? rk_rule_form_label (w->n_forms++)
                                                        : rk_rule_number_label (depth, n_text++);
      g_ptr_array_add (labels, node->number);
      g_ptr_array_add (labels, NULL);
      node->citation = rk_rule_number_path ((const char *const *) labels->pdata);
      g_ptr_array_remove_index (labels, labels->len - 1);
      g_ptr_array_add (w->order, node);
      walk (w, node->uid, depth + 1, labels);
      g_ptr_array_remove_index (labels, labels->len - 1);
    }
}

/* Numbers @nodes and returns them in document order (a GPtrArray of Node *, not owned). A section whose parent is
 * not in the version is read as top level, so nothing in a damaged file is ever hidden. */
static GPtrArray *
compute_tree (Node  *nodes,
              guint  n_nodes)
{
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  Walk w = { 0 };

  w.children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  w.order = g_ptr_array_sized_new (n_nodes);
  w.visited = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n_nodes; i++)
    g_hash_table_insert (uids, (gpointer) nodes[i].uid, &nodes[i]);
  for (guint i = 0; i < n_nodes; i++)
    {
      Node *node = &nodes[i];
      const char *parent = node->parent_uid;
      GPtrArray *children;

      node_clear (node);
      if (*parent != '\0' && (!g_hash_table_contains (uids, parent) || g_str_equal (parent, node->uid)))
        parent = "";
      children = g_hash_table_lookup (w.children, parent);
      if (children == NULL)
        {
          children = g_ptr_array_new ();
          g_hash_table_insert (w.children, (gpointer) parent, children);
        }
      g_ptr_array_add (children, node);
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, w.children);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (value, compare_node_ptrs);
  }
  walk (&w, "", 0, labels);
  /* Sections caught in a parent cycle: shown at the end, at the top level. */
  for (guint i = 0; i < n_nodes; i++)
    if (!g_hash_table_contains (w.visited, &nodes[i]))
      {
        nodes[i].depth = 0;
        nodes[i].number = rk_rule_number_label (0, i);
        nodes[i].citation = g_strdup (nodes[i].number);
        g_ptr_array_add (w.order, &nodes[i]);
      }

  g_hash_table_unref (w.children);
  g_hash_table_unref (w.visited);
  return w.order;
}

/* Renumbers a version's objects and brings its list to the new document order, splicing only what changed. */
static void
renumber_tree (VersionTree *tree)
{
  guint n = g_hash_table_size (tree->by_uid);
  g_autofree Node *nodes = g_new0 (Node, n);
  g_autofree RkRuleSection **sections = g_new0 (RkRuleSection *, n);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_sized_new (n);
  GListModel *model = G_LIST_MODEL (tree->list);
  GHashTableIter iter;
  gpointer value;
  guint i = 0, old_n, prefix = 0, suffix = 0;

  g_hash_table_iter_init (&iter, tree->by_uid);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RkRuleSection *section = value;

      sections[i] = section;
      nodes[i].id = rk_rule_section_get_id (section);
      nodes[i].uid = rk_rule_section_get_uid (section);
      nodes[i].parent_uid = rk_rule_section_get_parent_uid (section);
      nodes[i].position = rk_rule_section_get_position (section);
      nodes[i].kind = rk_rule_section_get_kind (section);
      i++;
    }
  order = compute_tree (nodes, n);
  for (i = 0; i < order->len; i++)
    {
      Node *node = g_ptr_array_index (order, i);
      RkRuleSection *section = sections[node - nodes];

      rk_rule_section_set_place (section, rk_rule_section_get_parent_uid (section),
                                 rk_rule_section_get_position (section), node->depth, node->number, node->citation);
      g_ptr_array_add (items, section);
    }
  for (i = 0; i < n; i++)
    node_clear (&nodes[i]);

  old_n = g_list_model_get_n_items (model);
  while (prefix < old_n && prefix < items->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, prefix);

      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < items->len - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, old_n - 1 - suffix);

      if (item != g_ptr_array_index (items, items->len - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix != old_n || prefix != items->len)
    g_list_store_splice (tree->list, prefix, old_n - prefix - suffix, items->pdata + prefix,
                         items->len - prefix - suffix);
}

/* The children of @parent_uid ("" for the top level) in order: a GPtrArray of RkRuleSection (not owned). */
static GPtrArray *
tree_children (VersionTree *tree,
               const char  *parent_uid)
{
  GPtrArray *children = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (tree->list);
  guint n = g_list_model_get_n_items (model);

  /* The list is in document order, so siblings come in their order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (model, i);
      const char *parent = rk_rule_section_get_parent_uid (section);

      if (*parent != '\0' && !g_hash_table_contains (tree->by_uid, parent))
        parent = "";
      if (g_str_equal (parent, parent_uid))
        g_ptr_array_add (children, section);
    }
  return children;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Plans: the places a tree edit gives, written in the transaction and applied after the commit */

typedef struct {
  RkRuleSection *section; /* owned */
  char          *parent_uid;
  int            position;
} Place;

static void
place_clear (Place *place)
{
  g_clear_object (&place->section);
  g_clear_pointer (&place->parent_uid, g_free);
}

static GArray *
plan_new (void)
{
  GArray *plan = g_array_new (FALSE, TRUE, sizeof (Place));

  g_array_set_clear_func (plan, (GDestroyNotify) place_clear);
  return plan;
}

/* Every section of @list (in its new order) under @parent_uid, skipping position @gap (-1: none) for a row written
 * there by the edit itself; only those whose place changes go into the plan. */
static void
plan_list (GArray     *plan,
           const char *parent_uid,
           GPtrArray  *list,
           int         gap)
{
  for (guint i = 0; i < list->len; i++)
    {
      RkRuleSection *section = g_ptr_array_index (list, i);
      int position = gap >= 0 && (int) i >= gap ? (int) i + 1 : (int) i;

      if (rk_rule_section_get_position (section) != position
          || !g_str_equal (rk_rule_section_get_parent_uid (section), parent_uid))
        {
          Place place = { g_object_ref (section), g_strdup (parent_uid), position };

          g_array_append_val (plan, place);
        }
    }
}

static gboolean
plan_write (sqlite3  *db,
            GArray   *plan,
            GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;

  if (plan->len == 0)
    return TRUE;
  stmt = rk_store_prepare (db, "UPDATE rule_section SET parent_uid = ?1, position = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < plan->len; i++)
    {
      Place *place = &g_array_index (plan, Place, i);

      sqlite3_reset (stmt);
      rk_store_bind_nullable_text (stmt, 1, place->parent_uid);
      sqlite3_bind_int (stmt, 2, place->position);
      sqlite3_bind_int64 (stmt, 3, rk_rule_section_get_id (place->section));
      if (!rk_store_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
plan_apply (GArray *plan)
{
  for (guint i = 0; i < plan->len; i++)
    {
      Place *place = &g_array_index (plan, Place, i);
      RkRuleSection *section = place->section;

      rk_rule_section_set_place (section, place->parent_uid, place->position, rk_rule_section_get_depth (section),
                                 rk_rule_section_get_number (section), rk_rule_section_get_citation (section));
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Loading */

static RkStoreRules *
get_rules (RkStore *store)
{
  RkStoreRules *self = g_object_get_qdata (G_OBJECT (store), rules_quark ());

  if (self == NULL)
    {
      self = g_object_new (RK_TYPE_STORE_RULES, NULL);
      self->store = store;
      g_object_set_qdata_full (G_OBJECT (store), rules_quark (), self, g_object_unref);
    }
  return self;
}

static RkRuleDocument *
read_document (RkStoreRules *self,
               sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  RkRuleDocumentInfo info = { rk_store_column_text (stmt, 1), rk_store_column_text (stmt, 2) };
  RkRuleDocument *document = g_hash_table_lookup (self->known_documents, &id);

  if (document == NULL)
    return remember (self->known_documents, id,
                     rk_rule_document_new_for_store (id, sqlite3_column_int (stmt, 3), rk_store_column_text (stmt, 4),
                                                     &info));
  rk_rule_document_set_info (document, &info);
  return document;
}

static gboolean
load_documents (RkStoreRules  *self,
                sqlite3       *db,
                GError       **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "SELECT " DOCUMENT_COLUMNS " FROM rule_document "
                                                 "WHERE deleted_at IS NULL ORDER BY position, id", error);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_document (self, stmt));
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)), items->pdata,
                       items->len);
  return TRUE;
}

/* The lists, loaded; NULL with @error when the file is closed or cannot be read. */
static RkStoreRules *
ensure_rules (RkStore  *store,
              GError  **error)
{
  RkStoreRules *self = get_rules (store);

  if (!rk_store_check_open (store, error))
    return NULL;
  if (!self->loaded)
    {
      if (!load_documents (self, rk_store_get_db (store), error))
        return NULL;
      self->loaded = TRUE;
    }
  return self;
}

/* For the getters that return a list: a warning, not an error, when the file cannot be read. */
static RkStoreRules *
lists_for_getter (RkStore *store)
{
  g_autoptr(GError) error = NULL;
  RkStoreRules *self = get_rules (store);

  if (!self->loaded && rk_store_get_db (store) != NULL && ensure_rules (store, &error) == NULL)
    g_warning ("Could not read the rules of %s: %s", rk_store_get_path (store), error->message);
  return self;
}

static RkRuleVersion *
read_version (RkStoreRules *self,
              sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  RkRuleVersionInfo info = { rk_store_column_text (stmt, 2), rk_store_column_text (stmt, 3),
                             sqlite3_column_int (stmt, 4) };
  RkRuleVersion *version = g_hash_table_lookup (self->known_versions, &id);

  if (version == NULL)
    return remember (self->known_versions, id,
                     rk_rule_version_new_for_store (id, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 6),
                                                    sqlite3_column_int (stmt, 5) != 0, rk_store_column_text (stmt, 7),
                                                    &info));
  rk_rule_version_set_info (version, &info);
  rk_rule_version_set_frozen (version, sqlite3_column_int (stmt, 5) != 0);
  return version;
}

static gboolean
load_versions (RkStoreRules  *self,
               sqlite3       *db,
               gint64         document_id,
               GListStore    *list,
               GError       **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "SELECT " VERSION_COLUMNS " FROM rule_version "
                                                 "WHERE document_id = ?1 AND deleted_at IS NULL ORDER BY id", error);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_version (self, stmt));
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), items->pdata, items->len);
  return TRUE;
}

/* The document's version list, read on first use. */
static GListStore *
ensure_version_list (RkStoreRules  *self,
                     gint64         document_id,
                     GError       **error)
{
  GListStore *list = g_hash_table_lookup (self->version_lists, &document_id);

  if (list != NULL)
    return list;
  list = g_list_store_new (RK_TYPE_RULE_VERSION);
  if (!load_versions (self, rk_store_get_db (self->store), document_id, list, error))
    {
      g_object_unref (list);
      return NULL;
    }
  g_hash_table_insert (self->version_lists, id_key (document_id), list);
  return list;
}

static RkRuleSection *
read_section (sqlite3_stmt *stmt,
              gint64        version_id)
{
  RkRuleSectionInfo info = { sqlite3_column_int (stmt, 4), rk_store_column_text (stmt, 5),
                             rk_store_column_text (stmt, 6) };
  RkRuleSection *section = rk_rule_section_new_for_store (sqlite3_column_int64 (stmt, 0), version_id,
                                                          rk_store_column_text (stmt, 1), &info);

  rk_rule_section_set_place (section, rk_store_column_text (stmt, 2), sqlite3_column_int (stmt, 3), 0, "", "");
  return section;
}

/* The version's tree, read on first use with one query. */
static VersionTree *
ensure_tree (RkStoreRules  *self,
             gint64         version_id,
             GError       **error)
{
  VersionTree *tree = g_hash_table_lookup (self->trees, &version_id);
  g_autoptr(RkStmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  if (tree != NULL)
    return tree;
  db = rk_store_get_db (self->store);
  stmt = rk_store_prepare (db, "SELECT " SECTION_COLUMNS " FROM rule_section WHERE version_id = ?1 "
                               "ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  tree = g_new0 (VersionTree, 1);
  tree->version_id = version_id;
  tree->list = g_list_store_new (RK_TYPE_RULE_SECTION);
  tree->by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkRuleSection *section = read_section (stmt, version_id);

      /* UNIQUE (version_id, uid) keeps uids apart; the key is the object's own string. */
      g_hash_table_replace (tree->by_uid, (gpointer) rk_rule_section_get_uid (section), section);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      version_tree_free (tree);
      return NULL;
    }
  renumber_tree (tree);
  g_hash_table_insert (self->trees, id_key (version_id), tree);
  return tree;
}

/* The lists and the tree of @version, for an edit; NULL with @error. */
static VersionTree *
tree_for_edit (RkStore        *store,
               RkRuleVersion  *version,
               RkStoreRules  **lists,
               GError        **error)
{
  RkStoreRules *self = ensure_rules (store, error);

  if (self == NULL)
    return NULL;
  *lists = self;
  return ensure_tree (self, rk_rule_version_get_id (version), error);
}

static VersionTree *
tree_of_section (RkStoreRules  *self,
                 RkRuleSection *section,
                 GError       **error)
{
  return ensure_tree (self, rk_rule_section_get_version_id (section), error);
}

static RkRuleVersion *
version_of_section (RkStoreRules  *self,
                    RkRuleSection *section,
                    GError       **error)
{
  gint64 id = rk_rule_section_get_version_id (section);
  RkRuleVersion *version = g_hash_table_lookup (self->known_versions, &id);

  if (version == NULL)
    {
      g_autoptr(RkStmt) stmt = rk_store_prepare (rk_store_get_db (self->store),
                                                 "SELECT " VERSION_COLUMNS " FROM rule_version WHERE id = ?1", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rk_store_set_not_found (error, rk_rule_section_get_heading (section));
          return NULL;
        }
      version = read_version (self, stmt);
    }
  return version;
}

/* The section must still be in its version's tree (not removed meanwhile). */
static gboolean
check_section (VersionTree    *tree,
               RkRuleSection  *section,
               GError        **error)
{
  if (g_hash_table_lookup (tree->by_uid, rk_rule_section_get_uid (section)) != section)
    {
      rk_store_set_not_found (error, rk_rule_section_get_heading (section));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Documents */

GListModel *
rk_store_get_rule_documents (RkStore *self)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  return G_LIST_MODEL (lists_for_getter (self)->documents);
}

RkRuleDocument *
rk_store_find_rule_document (RkStore *self,
                             gint64   id)
{
  RkStoreRules *lists;
  RkRuleDocument *document;
  guint position;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  lists = lists_for_getter (self);
  document = g_hash_table_lookup (lists->known_documents, &id);
  return document != NULL && g_list_store_find (lists->documents, document, &position) ? document : NULL;
}

/* A spec refused: the message names it by its place (1-based) in the list handed over. */
static gboolean
spec_error (GError     **error,
            guint        index,
            const char  *message)
{
  /* TRANSLATORS: "Section 12: Heading: the heading is only spaces…" — %u is the section's place in the list. */
  g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID, _("Section %u: %s"), index + 1, message);
  return FALSE;
}

/* Checks every spec before anything is written and gives each its uid (@uids: a GPtrArray of owned strings). */
static gboolean
check_specs (VersionTree              *tree,
             const RkRuleSectionSpec  *specs,
             guint                     n_specs,
             GPtrArray                *uids,
             GError                  **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_specs; i++)
    {
      const RkRuleSectionSpec *spec = &specs[i];
      RkRuleSectionInfo info = { spec->kind, spec->heading, spec->body };
      g_autoptr(GError) local_error = NULL;
      char *uid;

      if (!rk_rule_section_info_validate (&info, &local_error))
        return spec_error (error, i, local_error->message);
      if (spec->parent < -1 || spec->parent >= (int) i)
        return spec_error (error, i, _("its parent must be a section listed before it."));
      if (spec->n_fields > 0 && spec->kind != RK_RULE_SECTION_FORM)
        return spec_error (error, i, _("only a form (様式) has fields."));
      for (guint f = 0; f < spec->n_fields; f++)
        if (!rk_form_field_info_validate (&spec->fields[f], &local_error))
          return spec_error (error, i, local_error->message);
      if (spec->uid != NULL && !rk_rule_uid_is_valid (spec->uid))
        return spec_error (error, i, _("its identifier may hold only letters, digits, “-” and “_” (up to 64)."));
      uid = spec->uid != NULL ? g_strdup (spec->uid) : rk_rule_uid_new ();
      g_ptr_array_add (uids, uid);
      if ((tree != NULL && g_hash_table_contains (tree->by_uid, uid)) || !g_hash_table_add (taken, uid))
        return spec_error (error, i, _("its identifier is already used by another section of the version."));
    }
  return TRUE;
}

static gint64
insert_section (sqlite3                 *db,
                gint64                   version_id,
                gint64                   id,
                const char              *uid,
                const char              *parent_uid,
                int                      position,
                const RkRuleSectionInfo *info,
                GError                 **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "INSERT INTO rule_section (id, version_id, uid, parent_uid, "
                                                 "position, kind, heading, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                                 "?7, ?8)", error);
  gint64 row;

  if (stmt == NULL)
    return 0;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, version_id);
  rk_store_bind_text (stmt, 3, uid);
  rk_store_bind_nullable_text (stmt, 4, parent_uid);
  sqlite3_bind_int (stmt, 5, position);
  sqlite3_bind_int (stmt, 6, info->kind);
  rk_store_bind_text (stmt, 7, info->heading);
  rk_store_bind_text (stmt, 8, info->body);
  if (!rk_store_step_done (stmt, error))
    return 0;
  row = sqlite3_last_insert_rowid (db);
  if (!rk_store_index_put (db, INDEX_KIND, row, info->heading, info->body, error))
    return 0;
  return row;
}

static gboolean
insert_fields (sqlite3                *db,
               gint64                  section_id,
               const RkFormFieldInfo  *fields,
               guint                   n_fields,
               GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;

  if (n_fields == 0)
    return TRUE;
  stmt = rk_store_prepare (db, "INSERT INTO form_field (section_id, position, label, kind, choices) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, section_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      rk_store_bind_text (stmt, 3, fields[i].label);
      sqlite3_bind_int (stmt, 4, fields[i].kind);
      rk_store_bind_text (stmt, 5, fields[i].kind == RK_FORM_FIELD_CHOICE || fields[i].kind == RK_FORM_FIELD_CHECKBOX
                                     ? fields[i].choices : "");
      if (!rk_store_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes checked specs under @parent_uid (NULL: top level) after @first_position existing children. Fills @ids. */
static gboolean
write_specs (sqlite3                  *db,
             gint64                    version_id,
             const char               *parent_uid,
             int                       first_position,
             const RkRuleSectionSpec  *specs,
             guint                     n_specs,
             GPtrArray                *uids,
             gint64                   *ids,
             int                      *positions,
             GError                  **error)
{
  g_autofree int *next_child = g_new0 (int, n_specs);
  int next_top = first_position;

  for (guint i = 0; i < n_specs; i++)
    {
      const RkRuleSectionSpec *spec = &specs[i];
      RkRuleSectionInfo info = { spec->kind, spec->heading, spec->body };
      const char *parent = spec->parent >= 0 ? g_ptr_array_index (uids, spec->parent) : parent_uid;

      positions[i] = spec->parent >= 0 ? next_child[spec->parent]++ : next_top++;
      ids[i] = insert_section (db, version_id, 0, g_ptr_array_index (uids, i), parent, positions[i], &info, error);
      if (ids[i] == 0 || !insert_fields (db, ids[i], spec->fields, spec->n_fields, error))
        return FALSE;
    }
  return TRUE;
}

RkRuleDocument *
rk_store_add_rule_document (RkStore                   *self,
                            const RkRuleDocumentInfo  *info,
                            const RkRuleSectionSpec   *sections,
                            guint                      n_sections,
                            GError                   **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *ids = NULL;
  g_autofree int *positions = NULL;
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  RkRuleDocument *document;
  gint64 id, version_id, position;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (n_sections == 0 || sections != NULL, NULL);

  if (!rk_rule_document_info_validate (info, error) || !check_specs (NULL, sections, n_sections, uids, error)
      || (lists = ensure_rules (self, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  ids = g_new0 (gint64, MAX (n_sections, 1));
  positions = g_new0 (int, MAX (n_sections, 1));
  if (!rk_store_begin (db, error))
    return NULL;
  if (!rk_store_query_int64 (db, "SELECT coalesce(max(position), -1) + 1 FROM rule_document WHERE deleted_at IS NULL",
                             0, 0, &position, error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO rule_document (title, kind, position, created_at) VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_text (stmt, 1, info->title);
  rk_store_bind_text (stmt, 2, info->kind);
  sqlite3_bind_int64 (stmt, 3, position);
  rk_store_bind_text (stmt, 4, now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = rk_store_prepare (db, "INSERT INTO rule_version (document_id, status, frozen, created_at) "
                               "VALUES (?1, 0, 0, ?2)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  rk_store_bind_text (stmt, 2, now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  version_id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!write_specs (db, version_id, NULL, 0, sections, n_sections, uids, ids, positions, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  document = remember (lists->known_documents, id, rk_rule_document_new_for_store (id, (int) position, now, info));
  rk_store_list_insert (lists->documents, document, compare_documents);
  return g_object_ref (document);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_update_rule_document (RkStore                   *self,
                               RkRuleDocument            *document,
                               const RkRuleDocumentInfo  *info,
                               GError                   **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (document), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_rule_document_info_validate (info, error) || (lists = ensure_rules (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  stmt = rk_store_prepare (db, "UPDATE rule_document SET title = ?1, kind = ?2 WHERE id = ?3 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_text (stmt, 1, info->title);
  rk_store_bind_text (stmt, 2, info->kind);
  sqlite3_bind_int64 (stmt, 3, rk_rule_document_get_id (document));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_rule_document_get_title (document));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_rule_document_set_info (document, info);
  rk_store_item_changed (lists->documents, document, NULL);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

static gboolean
set_document_deleted (RkStore         *self,
                      RkRuleDocument  *document,
                      gboolean         deleted,
                      GError         **error)
{
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  gint64 id;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (document), FALSE);

  if ((lists = ensure_rules (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  id = rk_rule_document_get_id (document);
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!rk_store_exec_id (db, deleted ? "UPDATE rule_document SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
                            : "UPDATE rule_document SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                id, now, rk_rule_document_get_title (document), error)
      || !index_sections (db, SECTIONS_OF_LIVE_VERSIONS, id, !deleted, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }

  if (deleted)
    rk_store_list_remove (lists->documents, document);
  else
    rk_store_list_insert (lists->documents, document, compare_documents);
  return TRUE;
}

gboolean
rk_store_remove_rule_document (RkStore         *self,
                               RkRuleDocument  *document,
                               GError         **error)
{
  return set_document_deleted (self, document, TRUE, error);
}

gboolean
rk_store_restore_rule_document (RkStore         *self,
                                RkRuleDocument  *document,
                                GError         **error)
{
  return set_document_deleted (self, document, FALSE, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Versions */

GListModel *
rk_store_get_rule_versions (RkStore        *self,
                            RkRuleDocument *document)
{
  g_autoptr(GError) error = NULL;
  RkStoreRules *lists;
  GListStore *list;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (document), NULL);

  lists = lists_for_getter (self);
  id = rk_rule_document_get_id (document);
  list = g_hash_table_lookup (lists->version_lists, &id);
  if (list != NULL)
    return G_LIST_MODEL (list);
  if (rk_store_get_db (self) != NULL && (list = ensure_version_list (lists, id, &error)) != NULL)
    return G_LIST_MODEL (list);
  if (error != NULL)
    g_warning ("Could not read the versions of %s: %s", rk_rule_document_get_title (document), error->message);
  /* An empty list that stays: the caller holds it without a reference. */
  list = g_list_store_new (RK_TYPE_RULE_VERSION);
  g_hash_table_insert (lists->version_lists, id_key (id), list);
  return G_LIST_MODEL (list);
}

RkRuleVersion *
rk_store_find_rule_version_of_section (RkStore *self,
                                       gint64   section_id)
{
  g_autoptr(GError) error = NULL;
  gint64 version_id = 0;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  if (!rk_store_query_int64 (rk_store_get_db (self), "SELECT version_id FROM rule_section WHERE id = ?1", section_id, 0,
                             &version_id, &error) || version_id == 0)
    return NULL;
  return rk_store_find_rule_version (self, version_id);
}

RkRuleVersion *
rk_store_find_rule_version (RkStore *self,
                            gint64   id)
{
  g_autoptr(GError) error = NULL;
  RkStoreRules *lists;
  RkRuleDocument *document;
  RkRuleVersion *version;
  GListStore *versions;
  guint position;
  gint64 document_id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  if ((lists = ensure_rules (self, &error)) == NULL)
    return NULL;
  if (!rk_store_query_int64 (rk_store_get_db (self), "SELECT document_id FROM rule_version WHERE id = ?1", id, 0,
                             &document_id, &error) || document_id == 0)
    return NULL;
  document = rk_store_find_rule_document (self, document_id);
  if (document == NULL || (versions = ensure_version_list (lists, document_id, &error)) == NULL)
    return NULL;
  version = g_hash_table_lookup (lists->known_versions, &id);
  return version != NULL && g_list_store_find (versions, version, &position) ? version : NULL;
}

RkRuleVersion *
rk_store_get_latest_rule_version (RkStore        *self,
                                  RkRuleDocument *document)
{
  GListModel *versions;
  guint n;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (document), NULL);

  versions = rk_store_get_rule_versions (self, document);
  n = g_list_model_get_n_items (versions);
  if (n == 0)
    return NULL;
  {
    g_autoptr(RkRuleVersion) version = g_list_model_get_item (versions, n - 1);

    return version; /* the list holds a reference */
  }
}

static gboolean
write_version (RkStore                  *self,
               RkRuleVersion            *version,
               const RkRuleVersionInfo  *info,
               gboolean                  freeze,
               GError                  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  sqlite3 *db;

  if ((lists = ensure_rules (self, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  /* Freezing checks what editing the text checks: a frozen version says so. */
  if (!check_version (db, version, freeze, error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE rule_version SET label = ?1, version_date = ?2, status = ?3, "
                               "frozen = frozen OR ?4 WHERE id = ?5", error);
  if (stmt == NULL)
    goto fail;
  rk_store_bind_text (stmt, 1, info->label);
  rk_store_bind_nullable_text (stmt, 2, info->version_date);
  sqlite3_bind_int (stmt, 3, info->status);
  sqlite3_bind_int (stmt, 4, freeze);
  sqlite3_bind_int64 (stmt, 5, rk_rule_version_get_id (version));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (version));
  rk_rule_version_set_info (version, info);
  if (freeze)
    rk_rule_version_set_frozen (version, TRUE);
  g_object_thaw_notify (G_OBJECT (version));
  {
    gint64 document_id = rk_rule_version_get_document_id (version);

    rk_store_item_changed (g_hash_table_lookup (lists->version_lists, &document_id), version, NULL);
  }
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_update_rule_version (RkStore                  *self,
                              RkRuleVersion            *version,
                              const RkRuleVersionInfo  *info,
                              GError                  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_rule_version_info_validate (info, error))
    return FALSE;
  /* A frozen version keeps its label: what was fixed under that name stays findable under it. */
  if (rk_rule_version_get_frozen (version) && rk_store_text_is_blank (info->label))
    return invalid (error, _("Label: a frozen version needs a label, such as “Edition 2, first draft”."));
  return write_version (self, version, info, FALSE, error);
}

gboolean
rk_store_freeze_rule_version (RkStore                  *self,
                              RkRuleVersion            *version,
                              const RkRuleVersionInfo  *info,
                              GError                  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_rule_version_info_validate_for_freeze (info, error))
    return FALSE;
  return write_version (self, version, info, TRUE, error);
}

RkRuleVersion *
rk_store_branch_rule_version (RkStore        *self,
                              RkRuleVersion  *version,
                              const char     *label,
                              GError        **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkRuleVersionInfo info = { label, NULL, RK_RULE_VERSION_DRAFT };
  RkStoreRules *lists;
  RkRuleVersion *branch;
  GListStore *versions;
  gint64 old_id, id, document_id;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), NULL);

  if (!rk_rule_version_info_validate (&info, error) || (lists = ensure_rules (self, error)) == NULL)
    return NULL;
  document_id = rk_rule_version_get_document_id (version);
  if ((versions = ensure_version_list (lists, document_id, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  old_id = rk_rule_version_get_id (version);
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_version (db, version, FALSE, error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO rule_version (document_id, label, status, frozen, based_on_id, "
                               "created_at) VALUES (?1, ?2, 0, 0, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rk_store_bind_text (stmt, 2, label);
  sqlite3_bind_int64 (stmt, 3, old_id);
  rk_store_bind_text (stmt, 4, now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = rk_store_prepare (db, "INSERT INTO rule_section (version_id, uid, parent_uid, position, kind, heading, body) "
                               "SELECT ?1, uid, parent_uid, position, kind, heading, body FROM rule_section "
                               "WHERE version_id = ?2 ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, old_id);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = rk_store_prepare (db, "INSERT INTO form_field (section_id, position, label, kind, choices) "
                               "SELECT n.id, f.position, f.label, f.kind, f.choices FROM form_field f "
                               "JOIN rule_section o ON o.id = f.section_id "
                               "JOIN rule_section n ON n.version_id = ?1 AND n.uid = o.uid "
                               "WHERE o.version_id = ?2 ORDER BY f.section_id, f.position, f.id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, old_id);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!index_sections (db, SECTIONS_OF_VERSION, id, TRUE, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  branch = remember (lists->known_versions, id, rk_rule_version_new_for_store (id, document_id, old_id, FALSE, now,
                                                                              &info));
  rk_store_list_insert (versions, branch, compare_versions);
  return g_object_ref (branch);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

static gboolean
set_version_deleted (RkStore        *self,
                     RkRuleVersion  *version,
                     gboolean        deleted,
                     GError        **error)
{
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  GListStore *versions;
  gint64 id, live;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), FALSE);

  if ((lists = ensure_rules (self, error)) == NULL
      || (versions = ensure_version_list (lists, rk_rule_version_get_document_id (version), error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  id = rk_rule_version_get_id (version);
  if (!rk_store_begin (db, error))
    return FALSE;
  if (deleted)
    {
      if (!rk_store_query_int64 (db, "SELECT count(*) FROM rule_version WHERE document_id = ?1 AND deleted_at IS NULL",
                                 rk_rule_version_get_document_id (version), 0, &live, error))
        goto fail;
      if (live <= 1)
        {
          invalid (error, _("This is the rule’s only version: a rule keeps at least one. Remove the whole rule "
                            "instead."));
          goto fail;
        }
    }
  if (!rk_store_exec_id (db, deleted ? "UPDATE rule_version SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
                            : "UPDATE rule_version SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                id, now, rk_rule_version_get_display_label (version), error)
      || !index_sections (db, SECTIONS_OF_VERSION, id, !deleted, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  if (deleted)
    rk_store_list_remove (versions, version);
  else
    rk_store_list_insert (versions, version, compare_versions);
  return TRUE;

fail:
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_rule_version (RkStore        *self,
                              RkRuleVersion  *version,
                              GError        **error)
{
  return set_version_deleted (self, version, TRUE, error);
}

gboolean
rk_store_restore_rule_version (RkStore        *self,
                               RkRuleVersion  *version,
                               GError        **error)
{
  return set_version_deleted (self, version, FALSE, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sections */

GListModel *
rk_store_get_rule_sections (RkStore       *self,
                            RkRuleVersion *version)
{
  g_autoptr(GError) error = NULL;
  RkStoreRules *lists;
  VersionTree *tree;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), NULL);

  lists = lists_for_getter (self);
  id = rk_rule_version_get_id (version);
  tree = g_hash_table_lookup (lists->trees, &id);
  if (tree == NULL && rk_store_get_db (self) != NULL && (tree = ensure_tree (lists, id, &error)) == NULL)
    g_warning ("Could not read the sections of %s: %s", rk_rule_version_get_display_label (version), error->message);
  if (tree == NULL)
    {
      /* An empty tree that stays: the caller holds the list without a reference. */
      tree = g_new0 (VersionTree, 1);
      tree->version_id = id;
      tree->list = g_list_store_new (RK_TYPE_RULE_SECTION);
      tree->by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      g_hash_table_insert (lists->trees, id_key (id), tree);
    }
  return G_LIST_MODEL (tree->list);
}

RkRuleSection *
rk_store_find_rule_section (RkStore       *self,
                            RkRuleVersion *version,
                            const char    *uid)
{
  RkStoreRules *lists;
  gint64 id;
  VersionTree *tree;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  rk_store_get_rule_sections (self, version);
  lists = get_rules (self);
  id = rk_rule_version_get_id (version);
  tree = g_hash_table_lookup (lists->trees, &id);
  return tree != NULL ? g_hash_table_lookup (tree->by_uid, uid) : NULL;
}

RkRuleSection *
rk_store_add_rule_section (RkStore                  *self,
                           RkRuleVersion            *version,
                           RkRuleSection            *parent,
                           int                       position,
                           const RkRuleSectionInfo  *info,
                           GError                  **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GArray) plan = plan_new ();
  g_autofree char *uid = rk_rule_uid_new ();
  g_autofree char *now = NULL;
  const char *parent_uid;
  RkStoreRules *lists;
  VersionTree *tree;
  RkRuleSection *section;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), NULL);
  g_return_val_if_fail (parent == NULL || RK_IS_RULE_SECTION (parent), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_rule_section_info_validate (info, error) || (tree = tree_for_edit (self, version, &lists, error)) == NULL)
    return NULL;
  if (parent != NULL && rk_rule_section_get_version_id (parent) != rk_rule_version_get_id (version))
    return invalid (error, _("The new section’s parent belongs to another version.")), NULL;
  if (parent != NULL && !check_section (tree, parent, error))
    return NULL;
  parent_uid = parent != NULL ? rk_rule_section_get_uid (parent) : "";
  siblings = tree_children (tree, parent_uid);
  if (position < 0 || position > (int) siblings->len)
    position = (int) siblings->len;
  plan_list (plan, parent_uid, siblings, position);
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_version (db, version, TRUE, error) || !plan_write (db, plan, error)
      || (id = insert_section (db, rk_rule_version_get_id (version), 0, uid, parent_uid, position, info,
                               error)) == 0
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return NULL;
    }

  plan_apply (plan);
  section = rk_rule_section_new_for_store (id, rk_rule_version_get_id (version), uid, info);
  rk_rule_section_set_place (section, parent_uid, position, 0, "", "");
  g_hash_table_replace (tree->by_uid, (gpointer) rk_rule_section_get_uid (section), section);
  renumber_tree (tree);
  return g_object_ref (section);
}

guint
rk_store_add_rule_sections (RkStore                  *self,
                            RkRuleVersion            *version,
                            RkRuleSection            *parent,
                            const RkRuleSectionSpec  *sections,
                            guint                     n_sections,
                            GError                  **error)
{
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree gint64 *ids = NULL;
  g_autofree int *positions = NULL;
  g_autofree char *now = NULL;
  const char *parent_uid;
  RkStoreRules *lists;
  VersionTree *tree;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), 0);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), 0);
  g_return_val_if_fail (parent == NULL || RK_IS_RULE_SECTION (parent), 0);
  g_return_val_if_fail (n_sections == 0 || sections != NULL, 0);

  if ((tree = tree_for_edit (self, version, &lists, error)) == NULL)
    return 0;
  if (parent != NULL && !check_section (tree, parent, error))
    return 0;
  if (n_sections == 0)
    return invalid (error, _("There are no sections to add.")), 0;
  if (!check_specs (tree, sections, n_sections, uids, error))
    return 0;
  parent_uid = parent != NULL ? rk_rule_section_get_uid (parent) : "";
  siblings = tree_children (tree, parent_uid);
  ids = g_new0 (gint64, n_sections);
  positions = g_new0 (int, n_sections);
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return 0;
  if (!check_version (db, version, TRUE, error)
      || !write_specs (db, rk_rule_version_get_id (version), parent_uid, (int) siblings->len, sections, n_sections,
                       uids, ids, positions, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return 0;
    }

  for (guint i = 0; i < n_sections; i++)
    {
      const RkRuleSectionSpec *spec = &sections[i];
      RkRuleSectionInfo info = { spec->kind, spec->heading, spec->body };
      RkRuleSection *section = rk_rule_section_new_for_store (ids[i], rk_rule_version_get_id (version),
                                                              g_ptr_array_index (uids, i), &info);

      rk_rule_section_set_place (section, spec->parent >= 0 ? g_ptr_array_index (uids, spec->parent) : parent_uid,
                                 positions[i], 0, "", "");
      g_hash_table_replace (tree->by_uid, (gpointer) rk_rule_section_get_uid (section), section);
    }
  renumber_tree (tree);
  return n_sections;
}

gboolean
rk_store_update_rule_section (RkStore                  *self,
                              RkRuleSection            *section,
                              const RkRuleSectionInfo  *info,
                              GError                  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkRuleSectionInfo old;
  RkStoreRules *lists;
  RkRuleVersion *version;
  VersionTree *tree;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_rule_section_info_validate (info, error) || (lists = ensure_rules (self, error)) == NULL
      || (version = version_of_section (lists, section, error)) == NULL
      || (tree = tree_of_section (lists, section, error)) == NULL || !check_section (tree, section, error))
    return FALSE;
  rk_rule_section_get_info (section, &old);
  if (old.kind == info->kind && g_strcmp0 (old.heading, info->heading != NULL ? info->heading : "") == 0
      && g_strcmp0 (old.body, info->body != NULL ? info->body : "") == 0)
    {
      /* Nothing changed; a frozen version still says it is frozen, so the editor learns it. */
      db = rk_store_get_db (self);
      return check_version (db, version, TRUE, error);
    }
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_version (db, version, TRUE, error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE rule_section SET kind = ?1, heading = ?2, body = ?3 WHERE id = ?4", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, info->kind);
  rk_store_bind_text (stmt, 2, info->heading);
  rk_store_bind_text (stmt, 3, info->body);
  sqlite3_bind_int64 (stmt, 4, rk_rule_section_get_id (section));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_index_put (db, INDEX_KIND, rk_rule_section_get_id (section), info->heading, info->body, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_rule_section_set_info (section, info);
  /* A kind changed between text and form renumbers both series. */
  if (old.kind != info->kind)
    renumber_tree (tree);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

/* Writes @plan for a tree edit of @section's version, then applies it and renumbers. */
static gboolean
commit_plan (RkStore        *self,
             RkRuleVersion  *version,
             VersionTree    *tree,
             GArray         *plan,
             GError        **error)
{
  g_autofree char *now = rk_store_now_text ();
  sqlite3 *db = rk_store_get_db (self);

  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_version (db, version, TRUE, error) || !plan_write (db, plan, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }
  plan_apply (plan);
  renumber_tree (tree);
  return TRUE;
}

/* The lists, version and tree for a tree edit of @section, which must still be there. */
static VersionTree *
prepare_tree_edit (RkStore         *self,
                   RkRuleSection   *section,
                   RkRuleVersion  **version,
                   GError         **error)
{
  RkStoreRules *lists;
  VersionTree *tree;

  if ((lists = ensure_rules (self, error)) == NULL || (*version = version_of_section (lists, section, error)) == NULL
      || (tree = tree_of_section (lists, section, error)) == NULL || !check_section (tree, section, error))
    return NULL;
  return tree;
}

/* The parent uid as the tree sees it: "" for the top level, or for a parent not in the version. */
static const char *
effective_parent (VersionTree   *tree,
                  RkRuleSection *section)
{
  const char *parent = rk_rule_section_get_parent_uid (section);

  return *parent != '\0' && g_hash_table_contains (tree->by_uid, parent) ? parent : "";
}

static guint
index_of (GPtrArray *list,
          gpointer   item)
{
  guint index = 0;

  g_ptr_array_find (list, item, &index);
  return index;
}

gboolean
rk_store_move_rule_section (RkStore        *self,
                            RkRuleSection  *section,
                            int             delta,
                            GError        **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GArray) plan = plan_new ();
  RkRuleVersion *version;
  VersionTree *tree;
  const char *parent_uid;
  guint index;
  int target;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  if ((tree = prepare_tree_edit (self, section, &version, error)) == NULL)
    return FALSE;
  if (rk_rule_version_get_frozen (version))
    return check_version (rk_store_get_db (self), version, TRUE, error);
  parent_uid = effective_parent (tree, section);
  siblings = tree_children (tree, parent_uid);
  index = index_of (siblings, section);
  target = (int) index + delta;
  if (target < 0 || target >= (int) siblings->len)
    return FALSE;
  siblings->pdata[index] = siblings->pdata[target];
  siblings->pdata[target] = section;
  plan_list (plan, parent_uid, siblings, -1);
  return commit_plan (self, version, tree, plan, error);
}

gboolean
rk_store_indent_rule_section (RkStore        *self,
                              RkRuleSection  *section,
                              GError        **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GArray) plan = plan_new ();
  RkRuleVersion *version;
  RkRuleSection *previous;
  VersionTree *tree;
  const char *parent_uid;
  guint index;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), FALSE);

  if ((tree = prepare_tree_edit (self, section, &version, error)) == NULL)
    return FALSE;
  if (rk_rule_version_get_frozen (version))
    return check_version (rk_store_get_db (self), version, TRUE, error);
  parent_uid = effective_parent (tree, section);
  siblings = tree_children (tree, parent_uid);
  index = index_of (siblings, section);
  if (index == 0)
    return FALSE;
  previous = g_ptr_array_index (siblings, index - 1);
  children = tree_children (tree, rk_rule_section_get_uid (previous));
  g_ptr_array_remove_index (siblings, index);
  g_ptr_array_add (children, section);
  plan_list (plan, parent_uid, siblings, -1);
  plan_list (plan, rk_rule_section_get_uid (previous), children, -1);
  return commit_plan (self, version, tree, plan, error);
}

gboolean
rk_store_outdent_rule_section (RkStore        *self,
                               RkRuleSection  *section,
                               GError        **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GPtrArray) outer = NULL;
  g_autoptr(GArray) plan = plan_new ();
  RkRuleVersion *version;
  RkRuleSection *parent;
  VersionTree *tree;
  const char *parent_uid, *grand_uid;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), FALSE);

  if ((tree = prepare_tree_edit (self, section, &version, error)) == NULL)
    return FALSE;
  if (rk_rule_version_get_frozen (version))
    return check_version (rk_store_get_db (self), version, TRUE, error);
  parent_uid = effective_parent (tree, section);
  if (*parent_uid == '\0')
    return FALSE;
  parent = g_hash_table_lookup (tree->by_uid, parent_uid);
  grand_uid = effective_parent (tree, parent);
  siblings = tree_children (tree, parent_uid);
  outer = tree_children (tree, grand_uid);
  g_ptr_array_remove (siblings, section);
  g_ptr_array_insert (outer, (int) index_of (outer, parent) + 1, section);
  plan_list (plan, parent_uid, siblings, -1);
  plan_list (plan, grand_uid, outer, -1);
  return commit_plan (self, version, tree, plan, error);
}

gboolean
rk_store_reparent_rule_section (RkStore        *self,
                                RkRuleSection  *section,
                                RkRuleSection  *new_parent,
                                int             position,
                                GError        **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GPtrArray) target = NULL;
  g_autoptr(GArray) plan = plan_new ();
  RkRuleVersion *version;
  VersionTree *tree;
  const char *parent_uid, *new_parent_uid;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), FALSE);
  g_return_val_if_fail (new_parent == NULL || RK_IS_RULE_SECTION (new_parent), FALSE);

  if ((tree = prepare_tree_edit (self, section, &version, error)) == NULL)
    return FALSE;
  if (new_parent != NULL && !check_section (tree, new_parent, error))
    return FALSE;
  if (new_parent != NULL && rk_rule_section_get_version_id (new_parent) != rk_rule_section_get_version_id (section))
    return invalid (error, _("A section can only be moved within its own version."));
  /* Under itself or its own subsection: the tree would lose the section and everything under it. */
  for (RkRuleSection *up = new_parent; up != NULL;)
    {
      const char *up_parent = effective_parent (tree, up);

      if (up == section)
        {
          g_autofree char *title = rk_rule_section_dup_title (section);

          /* TRANSLATORS: %s is a section's number and heading, e.g. 第2 目的. */
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       _("“%s” cannot be moved under itself or one of its own subsections. Nothing was moved."),
                       title);
          return FALSE;
        }
      up = *up_parent != '\0' ? g_hash_table_lookup (tree->by_uid, up_parent) : NULL;
    }
  if (rk_rule_version_get_frozen (version))
    return check_version (rk_store_get_db (self), version, TRUE, error);
  parent_uid = effective_parent (tree, section);
  new_parent_uid = new_parent != NULL ? rk_rule_section_get_uid (new_parent) : "";
  siblings = tree_children (tree, parent_uid);
  g_ptr_array_remove (siblings, section);
  if (g_str_equal (parent_uid, new_parent_uid))
    target = g_ptr_array_ref (siblings);
  else
    target = tree_children (tree, new_parent_uid);
  if (position < 0 || position > (int) target->len)
    position = (int) target->len;
  g_ptr_array_insert (target, position, section);
  if (target != siblings)
    plan_list (plan, parent_uid, siblings, -1);
  plan_list (plan, new_parent_uid, target, -1);
  return commit_plan (self, version, tree, plan, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Removal and restore */

typedef struct {
  gint64             id;
  char              *uid;
  char              *parent_uid;
  int                position;
  RkRuleSectionKind  kind;
  char              *heading;
  char              *body;
  GPtrArray         *fields; /* of RkFormField */
} RemovedRow;

struct _RkRuleRemoval
{
  gint64  version_id;
  GArray *rows; /* of RemovedRow, the removed section first, then its subsections in document order */
};

static void
removed_row_clear (RemovedRow *row)
{
  g_clear_pointer (&row->uid, g_free);
  g_clear_pointer (&row->parent_uid, g_free);
  g_clear_pointer (&row->heading, g_free);
  g_clear_pointer (&row->body, g_free);
  g_clear_pointer (&row->fields, g_ptr_array_unref);
}

void
rk_rule_removal_free (RkRuleRemoval *removal)
{
  if (removal == NULL)
    return;
  g_array_unref (removal->rows);
  g_free (removal);
}

guint
rk_rule_removal_get_n_sections (RkRuleRemoval *removal)
{
  g_return_val_if_fail (removal != NULL, 0);

  return removal->rows->len;
}

static GPtrArray *
read_fields (sqlite3  *db,
             gint64    section_id,
             GError  **error)
{
  g_autoptr(RkStmt) stmt = rk_store_prepare (db, "SELECT id, position, label, kind, choices FROM form_field "
                                                 "WHERE section_id = ?1 ORDER BY position, id", error);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_form_field_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, section_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkFormField *field = g_new0 (RkFormField, 1);

      field->id = sqlite3_column_int64 (stmt, 0);
      field->position = sqlite3_column_int (stmt, 1);
      field->label = g_strdup (rk_store_column_text (stmt, 2));
      field->kind = sqlite3_column_int (stmt, 3);
      field->choices = g_strdup (rk_store_column_text (stmt, 4));
      g_ptr_array_add (fields, field);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&fields);
}

RkRuleRemoval *
rk_store_remove_rule_section (RkStore        *self,
                              RkRuleSection  *section,
                              GError        **error)
{
  g_autoptr(RkRuleRemoval) removal = NULL;
  g_autoptr(GPtrArray) subtree = g_ptr_array_new ();
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GArray) plan = plan_new ();
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkRuleVersion *version;
  VersionTree *tree;
  GListModel *model;
  const char *parent_uid;
  guint start, n;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), NULL);

  if ((tree = prepare_tree_edit (self, section, &version, error)) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  if (rk_rule_version_get_frozen (version))
    {
      check_version (db, version, TRUE, error);
      return NULL;
    }
  /* The subtree is the run after the section in document order that is deeper than it. */
  model = G_LIST_MODEL (tree->list);
  n = g_list_model_get_n_items (model);
  g_list_store_find (tree->list, section, &start);
  g_ptr_array_add (subtree, section);
  for (guint i = start + 1; i < n; i++)
    {
      g_autoptr(RkRuleSection) next = g_list_model_get_item (model, i);

      if (rk_rule_section_get_depth (next) <= rk_rule_section_get_depth (section))
        break;
      g_ptr_array_add (subtree, next);
    }
  parent_uid = effective_parent (tree, section);
  siblings = tree_children (tree, parent_uid);
  g_ptr_array_remove (siblings, section);
  plan_list (plan, parent_uid, siblings, -1);

  removal = g_new0 (RkRuleRemoval, 1);
  removal->version_id = rk_rule_version_get_id (version);
  removal->rows = g_array_new (FALSE, TRUE, sizeof (RemovedRow));
  g_array_set_clear_func (removal->rows, (GDestroyNotify) removed_row_clear);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_version (db, version, TRUE, error))
    goto fail;
  stmt = rk_store_prepare (db, "DELETE FROM rule_section WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < subtree->len; i++)
    {
      RkRuleSection *s = g_ptr_array_index (subtree, i);
      RemovedRow row = { 0 };

      row.id = rk_rule_section_get_id (s);
      row.uid = g_strdup (rk_rule_section_get_uid (s));
      row.parent_uid = g_strdup (i == 0 ? parent_uid : rk_rule_section_get_parent_uid (s));
      row.position = rk_rule_section_get_position (s);
      row.kind = rk_rule_section_get_kind (s);
      row.heading = g_strdup (rk_rule_section_get_heading (s));
      row.body = g_strdup (rk_rule_section_get_body (s));
      row.fields = read_fields (db, row.id, error);
      g_array_append_val (removal->rows, row);
      if (row.fields == NULL)
        goto fail;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row.id);
      if (!rk_store_step_done (stmt, error) || !rk_store_index_drop (db, INDEX_KIND, row.id, error))
        goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!plan_write (db, plan, error) || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  plan_apply (plan);
  for (guint i = 0; i < subtree->len; i++)
    g_hash_table_remove (tree->by_uid, rk_rule_section_get_uid (g_ptr_array_index (subtree, i)));
  renumber_tree (tree);
  return g_steal_pointer (&removal);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

gboolean
rk_store_restore_rule_section (RkStore              *self,
                               const RkRuleRemoval  *removal,
                               GError              **error)
{
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GArray) plan = plan_new ();
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  RkRuleVersion *version;
  VersionTree *tree;
  const RemovedRow *root;
  const char *parent_uid;
  int position;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (removal != NULL && removal->rows->len > 0, FALSE);

  if ((lists = ensure_rules (self, error)) == NULL
      || (version = g_hash_table_lookup (lists->known_versions, &removal->version_id)) == NULL
      || (tree = ensure_tree (lists, removal->version_id, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        rk_store_set_not_found (error, _("the removed section’s version"));
      return FALSE;
    }
  for (guint i = 0; i < removal->rows->len; i++)
    if (g_hash_table_contains (tree->by_uid, g_array_index (removal->rows, RemovedRow, i).uid))
      return invalid (error, _("The removed section cannot come back: another section of the version now has its "
                               "identifier."));
  root = &g_array_index (removal->rows, RemovedRow, 0);
  parent_uid = g_hash_table_contains (tree->by_uid, root->parent_uid) ? root->parent_uid : "";
  siblings = tree_children (tree, parent_uid);
  position = *parent_uid == '\0' && *root->parent_uid != '\0' ? (int) siblings->len
                                                               : CLAMP (root->position, 0, (int) siblings->len);
  plan_list (plan, parent_uid, siblings, position);
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_version (db, version, TRUE, error) || !plan_write (db, plan, error))
    goto fail;
  for (guint i = 0; i < removal->rows->len; i++)
    {
      const RemovedRow *row = &g_array_index (removal->rows, RemovedRow, i);
      RkRuleSectionInfo info = { row->kind, row->heading, row->body };
      const char *row_parent = i == 0 ? parent_uid : row->parent_uid;
      int row_position = i == 0 ? position : row->position;
      g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (RkFormFieldInfo));
      RkRuleSection *section;

      if (insert_section (db, removal->version_id, row->id, row->uid, row_parent, row_position, &info, error) == 0)
        goto fail;
      for (guint f = 0; f < row->fields->len; f++)
        {
          RkFormField *field = g_ptr_array_index (row->fields, f);
          RkFormFieldInfo field_info = { field->label, field->kind, field->choices };

          g_array_append_val (fields, field_info);
        }
      if (!insert_fields (db, row->id, (RkFormFieldInfo *) (void *) fields->data, fields->len, error))
        goto fail;
      section = rk_rule_section_new_for_store (row->id, removal->version_id, row->uid, &info);
      rk_rule_section_set_place (section, row_parent, row_position, 0, "", "");
      g_ptr_array_add (restored, section);
    }
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  plan_apply (plan);
  for (guint i = 0; i < restored->len; i++)
    {
      RkRuleSection *section = g_object_ref (g_ptr_array_index (restored, i));

      g_hash_table_replace (tree->by_uid, (gpointer) rk_rule_section_get_uid (section), section);
    }
  renumber_tree (tree);
  return TRUE;

fail:
  rk_store_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Rendering */

static char *
lookup_in_tree (const char *uid,
                gpointer    user_data)
{
  VersionTree *tree = user_data;
  RkRuleSection *target = g_hash_table_lookup (tree->by_uid, uid);

  return target != NULL ? g_strdup (rk_rule_section_get_citation (target)) : NULL;
}

char *
rk_store_render_rule_body (RkStore       *self,
                           RkRuleSection *section)
{
  g_autoptr(GError) error = NULL;
  RkStoreRules *lists;
  VersionTree *tree;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), NULL);

  lists = get_rules (self);
  tree = g_hash_table_lookup (lists->trees, &(gint64) { rk_rule_section_get_version_id (section) });
  if (tree == NULL && rk_store_get_db (self) != NULL)
    tree = ensure_tree (lists, rk_rule_section_get_version_id (section), &error);
  return rk_rule_render_body (rk_rule_section_get_body (section), tree != NULL ? lookup_in_tree : NULL, tree);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Form fields */

GPtrArray *
rk_store_list_form_fields (RkStore        *self,
                           RkRuleSection  *section,
                           GError        **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  return read_fields (rk_store_get_db (self), rk_rule_section_get_id (section), error);
}

gboolean
rk_store_set_form_fields (RkStore                *self,
                          RkRuleSection          *section,
                          const RkFormFieldInfo  *fields,
                          guint                   n_fields,
                          GError                **error)
{
  g_autofree char *now = NULL;
  RkRuleVersion *version;
  VersionTree *tree;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), FALSE);
  g_return_val_if_fail (n_fields == 0 || fields != NULL, FALSE);

  if (rk_rule_section_get_kind (section) != RK_RULE_SECTION_FORM)
    return invalid (error, _("Only a form (様式) has fields. Make the section a form first."));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!rk_form_field_info_validate (&fields[i], &local_error))
        {
          /* TRANSLATORS: "Field 3: Field label: …" — %u is the field's place in the form. */
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID, _("Field %u: %s"), i + 1,
                       local_error->message);
          return FALSE;
        }
    }
  if ((tree = prepare_tree_edit (self, section, &version, error)) == NULL)
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_version (db, version, TRUE, error)
      || !rk_store_exec_id (db, "DELETE FROM form_field WHERE section_id = ?1", rk_rule_section_get_id (section), NULL, NULL,
                   error)
      || !insert_fields (db, rk_rule_section_get_id (section), fields, n_fields, error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }
  /* The fields are not properties: views showing the form look at it again. */
  {
    GListStore *list = tree->list;

    rk_store_item_changed (list, section, NULL);
  }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Trace links */

void
rk_rule_section_link_free (RkRuleSectionLink *link)
{
  if (link == NULL)
    return;
  g_free (link->section_uid);
  g_free (link->target_title);
  g_free (link->document_title);
  g_free (link->section_title);
  g_free (link);
}

gint64
rk_store_link_rule_section (RkStore        *self,
                            RkRuleSection  *section,
                            gint64          agenda_item_id,
                            gint64          challenge_id,
                            GError        **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  RkRuleVersion *version;
  gint64 found, id = 0;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), 0);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), 0);
  g_return_val_if_fail ((agenda_item_id > 0) != (challenge_id > 0), 0);

  if ((lists = ensure_rules (self, error)) == NULL || (version = version_of_section (lists, section, error)) == NULL)
    return 0;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return 0;
  if (!check_version (db, version, FALSE, error))
    goto fail;
  if (agenda_item_id > 0)
    {
      if (!rk_store_query_int64 (db, "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id "
                                     "WHERE a.id = ?1 AND a.deleted_at IS NULL AND m.deleted_at IS NULL",
                                 agenda_item_id, 0, &found, error))
        goto fail;
      if (found == 0)
        {
          invalid (error, _("Decision: the agenda item is no longer there. Choose another one."));
          goto fail;
        }
    }
  else
    {
      if (!rk_store_query_int64 (db, "SELECT id FROM challenge WHERE id = ?1 AND deleted_at IS NULL", challenge_id, 0,
                                 &found, error))
        goto fail;
      if (found == 0)
        {
          invalid (error, _("Challenge: the challenge is no longer there. Choose another one."));
          goto fail;
        }
    }
  stmt = rk_store_prepare (db, "SELECT id FROM section_link WHERE document_id = ?1 AND section_uid = ?2 "
                               "AND agenda_item_id IS ?3 AND challenge_id IS ?4", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_document_id (version));
  rk_store_bind_text (stmt, 2, rk_rule_section_get_uid (section));
  if (agenda_item_id > 0)
    sqlite3_bind_int64 (stmt, 3, agenda_item_id);
  if (challenge_id > 0)
    sqlite3_bind_int64 (stmt, 4, challenge_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      invalid (error, _("The section is already linked to it."));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = rk_store_prepare (db, "INSERT INTO section_link (document_id, section_uid, agenda_item_id, challenge_id) "
                               "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_document_id (version));
  rk_store_bind_text (stmt, 2, rk_rule_section_get_uid (section));
  if (agenda_item_id > 0)
    sqlite3_bind_int64 (stmt, 3, agenda_item_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (challenge_id > 0)
    sqlite3_bind_int64 (stmt, 4, challenge_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;
  return id;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return 0;
}

gboolean
rk_store_unlink_rule_section (RkStore  *self,
                              gint64    link_id,
                              GError  **error)
{
  g_autofree char *now = NULL;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);

  if (!rk_store_check_open (self, error))
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!rk_store_exec_id (db, "DELETE FROM section_link WHERE id = ?1", link_id, NULL, _("the link"), error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }
  return TRUE;
}

#define LINK_SELECT \
  "SELECT l.id, l.document_id, l.section_uid, coalesce(l.agenda_item_id, 0), coalesce(l.challenge_id, 0), " \
  "coalesce(a.title, c.title, ''), coalesce(m.id, 0), d.title " \
  "FROM section_link l JOIN rule_document d ON d.id = l.document_id AND d.deleted_at IS NULL " \
  "LEFT JOIN agenda_item a ON a.id = l.agenda_item_id AND a.deleted_at IS NULL " \
  "LEFT JOIN meeting m ON m.id = a.meeting_id AND m.deleted_at IS NULL " \
  "LEFT JOIN challenge c ON c.id = l.challenge_id AND c.deleted_at IS NULL " \
  "WHERE (m.id IS NOT NULL OR c.id IS NOT NULL) "

/* "第2 目的" for @uid in the document's latest live version, "" when it is not there. */
static char *
latest_section_title (RkStore    *self,
                      gint64      document_id,
                      const char *uid)
{
  RkRuleDocument *document = rk_store_find_rule_document (self, document_id);
  RkRuleVersion *latest = document != NULL ? rk_store_get_latest_rule_version (self, document) : NULL;
  RkRuleSection *section = latest != NULL ? rk_store_find_rule_section (self, latest, uid) : NULL;

  return section != NULL ? rk_rule_section_dup_title (section) : g_strdup ("");
}

static GPtrArray *
list_links (RkStore     *self,
            const char  *sql,
            gint64       a,
            const char  *b,
            GError     **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_rule_section_link_free);
  sqlite3 *db;
  int rc;

  if (ensure_rules (self, error) == NULL)
    return NULL;
  db = rk_store_get_db (self);
  stmt = rk_store_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  if (b != NULL)
    rk_store_bind_text (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkRuleSectionLink *link = g_new0 (RkRuleSectionLink, 1);

      link->id = sqlite3_column_int64 (stmt, 0);
      link->document_id = sqlite3_column_int64 (stmt, 1);
      link->section_uid = g_strdup (rk_store_column_text (stmt, 2));
      link->agenda_item_id = sqlite3_column_int64 (stmt, 3);
      link->challenge_id = sqlite3_column_int64 (stmt, 4);
      link->target_title = g_strdup (rk_store_column_text (stmt, 5));
      link->meeting_id = sqlite3_column_int64 (stmt, 6);
      link->document_title = g_strdup (rk_store_column_text (stmt, 7));
      g_ptr_array_add (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* Titles come from the trees, which may read the file: only once the statement is done. */
  for (guint i = 0; i < links->len; i++)
    {
      RkRuleSectionLink *link = g_ptr_array_index (links, i);

      link->section_title = latest_section_title (self, link->document_id, link->section_uid);
    }
  return g_steal_pointer (&links);
}

GPtrArray *
rk_store_list_section_links (RkStore        *self,
                             RkRuleSection  *section,
                             GError        **error)
{
  RkStoreRules *lists;
  RkRuleVersion *version;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_SECTION (section), NULL);

  if ((lists = ensure_rules (self, error)) == NULL || (version = version_of_section (lists, section, error)) == NULL)
    return NULL;
  return list_links (self, LINK_SELECT "AND l.document_id = ?1 AND l.section_uid = ?2 "
                                       "ORDER BY l.challenge_id IS NOT NULL, m.starts_at, l.id",
                     rk_rule_version_get_document_id (version), rk_rule_section_get_uid (section), error);
}

GPtrArray *
rk_store_list_agenda_item_rule_links (RkStore  *self,
                                      gint64    agenda_item_id,
                                      GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  return list_links (self, LINK_SELECT "AND l.agenda_item_id = ?1 ORDER BY d.position, d.id, l.id", agenda_item_id,
                     NULL, error);
}

GPtrArray *
rk_store_list_challenge_rule_links (RkStore  *self,
                                    gint64    challenge_id,
                                    GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  return list_links (self, LINK_SELECT "AND l.challenge_id = ?1 ORDER BY d.position, d.id, l.id", challenge_id,
                     NULL, error);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Review comments */

void
rk_rule_comment_free (RkRuleComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->section_uid);
  g_free (comment->author);
  g_free (comment->body);
  g_free (comment->created_at);
  g_free (comment);
}

gint64
rk_store_add_rule_comment (RkStore        *self,
                           RkRuleVersion  *version,
                           const char     *section_uid,
                           const char     *author,
                           const char     *body,
                           GError        **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreRules *lists;
  VersionTree *tree;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (RK_IS_STORE (self), 0);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), 0);

  if (!rk_store_text_is_valid (author) || !rk_store_text_is_valid (body))
    return invalid (error, _("The comment contains text that is not valid UTF-8. Retype it.")), 0;
  if (rk_store_text_is_blank (body))
    return invalid (error, _("Comment: enter the comment; it cannot be empty or only spaces.")), 0;
  if ((tree = tree_for_edit (self, version, &lists, error)) == NULL)
    return 0;
  if (section_uid != NULL && !g_hash_table_contains (tree->by_uid, section_uid))
    return invalid (error, _("Section: the section commented on is not in this version.")), 0;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return 0;
  if (!check_version (db, version, FALSE, error))
    goto fail;
  stmt = rk_store_prepare (db, "INSERT INTO review_comment (version_id, section_uid, author, body, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_id (version));
  rk_store_bind_nullable_text (stmt, 2, section_uid);
  rk_store_bind_text (stmt, 3, author);
  rk_store_bind_text (stmt, 4, body);
  rk_store_bind_text (stmt, 5, now);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;
  return id;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return 0;
}

static gboolean
edit_comment (RkStore     *self,
              const char  *sql,
              gint64       comment_id,
              const char  *text,
              GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3 *db;

  if (!rk_store_check_open (self, error))
    return FALSE;
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!rk_store_exec_id (db, sql, comment_id, text != NULL ? text : now, _("the comment"), error)
      || !rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_store_set_rule_comment_resolved (RkStore  *self,
                                    gint64    comment_id,
                                    gboolean  resolved,
                                    GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);

  return edit_comment (self, "UPDATE review_comment SET resolved = (?2 = '1') WHERE id = ?1 AND deleted_at IS NULL",
                       comment_id, resolved ? "1" : "0", error);
}

gboolean
rk_store_remove_rule_comment (RkStore  *self,
                              gint64    comment_id,
                              GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);

  return edit_comment (self, "UPDATE review_comment SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                       comment_id, NULL, error);
}

gboolean
rk_store_restore_rule_comment (RkStore  *self,
                               gint64    comment_id,
                               GError  **error)
{
  g_return_val_if_fail (RK_IS_STORE (self), FALSE);

  return edit_comment (self, "UPDATE review_comment SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL "
                             "AND ?2 IS NOT NULL", comment_id, NULL, error);
}

GPtrArray *
rk_store_list_rule_comments (RkStore        *self,
                             RkRuleVersion  *version,
                             const char     *section_uid,
                             GError        **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_rule_comment_free);
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  db = rk_store_get_db (self);
  stmt = rk_store_prepare (db, "SELECT id, version_id, section_uid, author, body, resolved, created_at "
                               "FROM review_comment WHERE version_id = ?1 AND deleted_at IS NULL "
                               "AND (?2 IS NULL OR section_uid = ?2) ORDER BY created_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_id (version));
  rk_store_bind_nullable_text (stmt, 2, section_uid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkRuleComment *comment = g_new0 (RkRuleComment, 1);

      comment->id = sqlite3_column_int64 (stmt, 0);
      comment->version_id = sqlite3_column_int64 (stmt, 1);
      comment->section_uid = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NULL
                                                                          : g_strdup (rk_store_column_text (stmt, 2));
      comment->author = g_strdup (rk_store_column_text (stmt, 3));
      comment->body = g_strdup (rk_store_column_text (stmt, 4));
      comment->resolved = sqlite3_column_int (stmt, 5) != 0;
      comment->created_at = g_strdup (rk_store_column_text (stmt, 6));
      g_ptr_array_add (comments, comment);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&comments);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Export */

void
rk_rule_export_section_free (RkRuleExportSection *section)
{
  if (section == NULL)
    return;
  g_free (section->uid);
  g_free (section->parent_uid);
  g_free (section->number);
  g_free (section->citation);
  g_free (section->heading);
  g_free (section->body);
  g_free (section->body_source);
  g_clear_pointer (&section->fields, g_ptr_array_unref);
  g_free (section);
}

static char *
lookup_in_export (const char *uid,
                  gpointer    user_data)
{
  Node *node = g_hash_table_lookup (user_data, uid);

  return node != NULL ? g_strdup (node->citation) : NULL;
}

GPtrArray *
rk_store_export_rule_version (RkStore        *self,
                              RkRuleVersion  *version,
                              GError        **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_rule_export_section_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) result = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (RK_IS_RULE_VERSION (version), NULL);

  if (!rk_store_check_open (self, error))
    return NULL;
  db = rk_store_get_db (self);
  stmt = rk_store_prepare (db, "SELECT " SECTION_COLUMNS " FROM rule_section WHERE version_id = ?1 "
                               "ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_id (version));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkRuleExportSection *row = g_new0 (RkRuleExportSection, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      row->uid = g_strdup (rk_store_column_text (stmt, 1));
      row->parent_uid = g_strdup (rk_store_column_text (stmt, 2));
      row->position = sqlite3_column_int (stmt, 3);
      row->kind = sqlite3_column_int (stmt, 4);
      row->heading = g_strdup (rk_store_column_text (stmt, 5));
      row->body_source = g_strdup (rk_store_column_text (stmt, 6));
      g_ptr_array_add (rows, row);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Fields of the version's forms, with one query. */
  stmt = rk_store_prepare (db, "SELECT f.section_id, f.id, f.position, f.label, f.kind, f.choices FROM form_field f "
                               "JOIN rule_section s ON s.id = f.section_id WHERE s.version_id = ?1 "
                               "ORDER BY f.section_id, f.position, f.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rk_rule_version_get_id (version));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 section_id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (fields, &section_id);
      RkFormField *field = g_new0 (RkFormField, 1);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_form_field_free);
          g_hash_table_insert (fields, id_key (section_id), list);
        }
      field->id = sqlite3_column_int64 (stmt, 1);
      field->position = sqlite3_column_int (stmt, 2);
      field->label = g_strdup (rk_store_column_text (stmt, 3));
      field->kind = sqlite3_column_int (stmt, 4);
      field->choices = g_strdup (rk_store_column_text (stmt, 5));
      g_ptr_array_add (list, field);
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_array_set_size (nodes, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      RkRuleExportSection *row = g_ptr_array_index (rows, i);
      Node *node = &g_array_index (nodes, Node, i);

      node->id = g_array_index (ids, gint64, i);
      node->uid = row->uid;
      node->parent_uid = row->parent_uid;
      node->position = row->position;
      node->kind = row->kind;
      g_hash_table_insert (by_uid, (gpointer) node->uid, node);
    }
  order = compute_tree ((Node *) (void *) nodes->data, nodes->len);
  result = g_ptr_array_new_full (order->len, (GDestroyNotify) rk_rule_export_section_free);
  for (guint i = 0; i < order->len; i++)
    {
      Node *node = g_ptr_array_index (order, i);
      guint index = (guint) (node - (Node *) (void *) nodes->data);
      RkRuleExportSection *row = g_steal_pointer (&g_ptr_array_index (rows, index));
      GPtrArray *list = NULL;
      gpointer key = NULL;
      gint64 id = node->id;

      row->depth = node->depth;
      row->position = node->sibling_index;
      row->number = g_strdup (node->number);
      row->citation = g_strdup (node->citation);
      /* The tree reads a parent not in the version as the top level: so does the export. */
      if (*row->parent_uid == '\0' || !g_hash_table_contains (by_uid, row->parent_uid) || node->depth == 0)
        g_clear_pointer (&row->parent_uid, g_free);
      row->body = rk_rule_render_body (row->body_source, lookup_in_export, by_uid);
      if (g_hash_table_steal_extended (fields, &id, &key, (gpointer *) &list))
        g_free (key);
      row->fields = list != NULL ? list : g_ptr_array_new_with_free_func ((GDestroyNotify) rk_form_field_free);
      g_ptr_array_add (result, row);
    }
  for (guint i = 0; i < nodes->len; i++)
    node_clear (&g_array_index (nodes, Node, i));
  return g_steal_pointer (&result);
}

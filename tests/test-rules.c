/* test-rules.c — rule documents, versions (freeze, branch, status), the section tree with its derived Japanese
 * numbering, cross-references, annex forms, trace links, review comments, the plain export, bad input (a 1 MB
 * paragraph, 2,000 sections, a move under its own child, a frozen version, a heading of only spaces), persistence
 * and the demo council's rules. */

#include <glib/gstdio.h>
#include <string.h>

#include "rk-store-meetings.h"
#include "rk-store-private.h"
#include "rk-store-rules.h"
#include "rk-test-core.h"

/* Pinned before anything reads it: the demo is written as of this day. */
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

static gint64
query_int (RkStore    *store,
           const char *sql,
           gint64      param)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (rk_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A fingerprint of every row of the version's tree, to check that a refused edit changed nothing on disk. */
static char *
tree_fingerprint (RkStore *store,
                  gint64   version_id)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (rk_store_get_db (store),
                                       "SELECT id, uid, coalesce(parent_uid, '-'), position, kind, heading, "
                                       "length(body), (SELECT count(*) FROM form_field f WHERE f.section_id = s.id) "
                                       "FROM rule_section s WHERE version_id = ?1 ORDER BY id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, version_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %s %s %d %d %s %d %d\n", (long long) sqlite3_column_int64 (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                            sqlite3_column_text (stmt, 5), sqlite3_column_int (stmt, 6),
                            sqlite3_column_int (stmt, 7));
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* "第1 目的|1|(1) …" — the numbers of the version's list in document order, with depth shown by the label. */
static char *
numbers (RkStore       *store,
         RkRuleVersion *version)
{
  GListModel *sections = rk_store_get_rule_sections (store, version);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (sections, i);

      g_ptr_array_add (parts, g_strdup_printf ("%s=%s", rk_rule_section_get_heading (section),
                                               rk_rule_section_get_number (section)));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

static RkRuleDocument *
add_document (RkStore                 *store,
              const char              *title,
              const RkRuleSectionSpec *specs,
              guint                    n_specs)
{
  g_autoptr(GError) error = NULL;
  RkRuleDocumentInfo info = { .title = title, .kind = "emergency" };
  RkRuleDocument *document = rk_store_add_rule_document (store, &info, specs, n_specs, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static RkRuleVersion *
latest (RkStore        *store,
        RkRuleDocument *document)
{
  RkRuleVersion *version = rk_store_get_latest_rule_version (store, document);

  g_assert_nonnull (version);
  return version;
}

static RkRuleSection *
add_section (RkStore       *store,
             RkRuleVersion *version,
             RkRuleSection *parent,
             const char    *heading,
             const char    *body)
{
  g_autoptr(GError) error = NULL;
  RkRuleSectionInfo info = { RK_RULE_SECTION_TEXT, heading, body };
  RkRuleSection *section = rk_store_add_rule_section (store, version, parent, -1, &info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (section);
  g_object_unref (section); /* the version's tree holds it */
  return section;
}

static RkRuleSection *
find (RkStore       *store,
      RkRuleVersion *version,
      const char    *uid)
{
  RkRuleSection *section = rk_store_find_rule_section (store, version, uid);

  g_assert_nonnull (section);
  return section;
}

/* ------------------------------------------------------------------------------------------------------------ */

static void
test_number_labels (void)
{
  static const struct { guint depth, index; const char *label; } cases[] = {
    { 0, 0, "第1" }, { 0, 1, "第2" }, { 0, 9, "第10" }, { 0, 11, "第12" },
    { 1, 0, "1" }, { 1, 12, "13" },
    { 2, 0, "(1)" }, { 2, 2, "(3)" }, { 2, 19, "(20)" },
    { 3, 0, "ア" }, { 3, 1, "イ" }, { 3, 2, "ウ" }, { 3, 3, "エ" }, { 3, 4, "オ" }, { 3, 5, "カ" }, { 3, 10, "サ" },
    { 3, 20, "ナ" }, { 3, 35, "ヤ" }, { 3, 36, "ユ" }, { 3, 37, "ヨ" }, { 3, 43, "ワ" }, { 3, 44, "アア" },
    { 3, 45, "アイ" },
    { 4, 0, "(ア)" }, { 4, 1, "(イ)" }, { 4, 43, "(ワ)" },
    { 5, 0, "a" }, { 5, 1, "b" }, { 5, 25, "z" }, { 5, 26, "aa" },
    { 6, 0, "(a)" }, { 6, 2, "(c)" }, { 7, 0, "(a)" }, { 9, 3, "(d)" },
  };
  const char *path_labels[] = { "第2", "1", "(3)", NULL };
  const char *form_path[] = { "様式2", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = rk_rule_number_label (cases[i].depth, cases[i].index);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
  /* Every index of a level has its own label. */
  for (guint i = 0; i < 2000; i++)
    g_assert_true (g_hash_table_add (seen, rk_rule_number_label (3, i)));

  {
    g_autofree char *form = rk_rule_form_label (0);
    g_autofree char *path = rk_rule_number_path (path_labels);
    g_autofree char *form_citation = rk_rule_number_path (form_path);

    g_assert_cmpstr (form, ==, "様式1");
    g_assert_cmpstr (path, ==, "第2の1の(3)");
    g_assert_cmpstr (form_citation, ==, "様式2");
  }

  for (int s = RK_RULE_VERSION_DRAFT; s <= RK_RULE_VERSION_REVIEW; s++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (RK_TYPE_RULE_VERSION_STATUS);

      g_assert_nonnull (g_enum_get_value (klass, s));
      g_assert_cmpstr (rk_rule_version_status_to_label (s), !=, "");
    }
  g_assert_cmpstr (rk_rule_version_status_to_label (RK_RULE_VERSION_DRAFT), ==, "Draft");
  g_assert_cmpstr (rk_rule_version_status_to_label (RK_RULE_VERSION_IN_FORCE), ==, "In force");
  g_assert_cmpstr (rk_rule_version_status_to_label (RK_RULE_VERSION_REVIEW), ==, "Under review");
}

static char *
fake_lookup (const char *uid,
             gpointer    user_data)
{
  return g_str_equal (uid, "a-1") ? g_strdup ("第3の2") : NULL;
}

static void
test_ref_tokens (void)
{
  g_autofree char *ref = rk_rule_body_make_ref ("a-1");
  g_autofree char *body = g_strconcat ("前", ref, "及び{{ref:gone}}による。{{ref:bad uid}} {{ref:a-1", NULL);
  g_auto(GStrv) refs = rk_rule_body_list_refs (body);
  g_autofree char *rendered = rk_rule_render_body (body, fake_lookup, NULL);
  g_autofree char *expected = g_strdup_printf ("前第3の2及び%sによる。{{ref:bad uid}} {{ref:a-1",
                                               rk_rule_missing_ref_text ());
  g_auto(GStrv) none = rk_rule_body_list_refs (NULL);
  g_autofree char *empty = rk_rule_render_body (NULL, fake_lookup, NULL);

  g_assert_cmpstr (ref, ==, "{{ref:a-1}}");
  g_assert_cmpuint (g_strv_length (refs), ==, 2);
  g_assert_cmpstr (refs[0], ==, "a-1");
  g_assert_cmpstr (refs[1], ==, "gone");
  g_assert_cmpstr (rendered, ==, expected);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (rk_rule_uid_is_valid ("procedure-call_2"));
  g_assert_false (rk_rule_uid_is_valid (""));
  g_assert_false (rk_rule_uid_is_valid ("目的"));
  g_assert_false (rk_rule_uid_is_valid ("a}}b"));
  {
    g_autofree char *uid = rk_rule_uid_new ();

    g_assert_true (rk_rule_uid_is_valid (uid));
  }
}

static void
test_validation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("validation", NULL);
  RkRuleDocumentInfo blank_title = { .title = " \u3000 " };
  RkRuleSectionInfo spaces = { RK_RULE_SECTION_TEXT, "   ", "本文" };
  RkRuleSectionInfo ideographic = { RK_RULE_SECTION_TEXT, "\u3000\u3000", "本文" };
  RkRuleSectionInfo no_heading = { RK_RULE_SECTION_TEXT, "", "見出しのない項" };
  RkRuleSectionInfo bad_kind = { 7, "見出し", "" };
  RkRuleVersionInfo bad_date = { "第1版", "2025-02-30", RK_RULE_VERSION_DRAFT };
  RkRuleVersionInfo bad_status = { "第1版", "2025-02-28", 9 };
  RkRuleVersionInfo no_label = { "", "2025-02-28", RK_RULE_VERSION_FINAL };
  RkFormFieldInfo one_choice = { "性別", RK_FORM_FIELD_CHOICE, "男性" };
  RkFormFieldInfo blank_label = { "\u3000", RK_FORM_FIELD_TEXT, "" };
  g_autoptr(RkRuleDocument) document = add_document (store, "急変時・救急搬送時の連携ルール", NULL, 0);
  RkRuleVersion *version = latest (store, document);
  RkRuleSection *purpose = add_section (store, version, NULL, "目的", "本文");
  g_autofree char *before = tree_fingerprint (store, rk_rule_version_get_id (version));
  g_autofree char *after = NULL;

  g_assert_null (rk_store_add_rule_document (store, &blank_title, NULL, 0, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);

  /* A heading of only spaces, ASCII or ideographic: refused for a new section and for an edit. */
  g_assert_null (rk_store_add_rule_section (store, version, NULL, -1, &spaces, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Heading"));
  g_clear_error (&error);
  g_assert_false (rk_store_update_rule_section (store, purpose, &ideographic, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Heading"));
  g_clear_error (&error);
  g_assert_cmpstr (rk_rule_section_get_heading (purpose), ==, "目的");
  g_assert_false (rk_rule_section_info_validate (&bad_kind, &error));
  g_assert_nonnull (strstr (error->message, "Kind"));
  g_clear_error (&error);
  after = tree_fingerprint (store, rk_rule_version_get_id (version));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_sections (store, version)), ==, 1);

  /* An empty heading is a numbered paragraph without one. */
  g_assert_true (rk_rule_section_info_validate (&no_heading, &error));
  g_assert_no_error (error);

  g_assert_false (rk_store_update_rule_version (store, version, &bad_date, &error));
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
  g_clear_error (&error);
  g_assert_false (rk_rule_version_info_validate (&bad_status, &error));
  g_assert_nonnull (strstr (error->message, "Status"));
  g_clear_error (&error);
  g_assert_false (rk_store_freeze_rule_version (store, version, &no_label, &error));
  g_assert_nonnull (strstr (error->message, "Label"));
  g_clear_error (&error);
  g_assert_false (rk_rule_version_get_frozen (version));

  g_assert_false (rk_form_field_info_validate (&one_choice, &error));
  g_assert_nonnull (strstr (error->message, "Choices"));
  g_clear_error (&error);
  g_assert_false (rk_form_field_info_validate (&blank_label, &error));
  g_assert_nonnull (strstr (error->message, "Field label"));
  g_clear_error (&error);
}

/* The tree of a fresh rule: 第1 目的, 第2 手順 (1 通報, 2 現着), 第3 連絡先. */
static RkRuleVersion *
small_rule (RkStore         *store,
            RkRuleDocument **document_out)
{
  static const RkRuleSectionSpec specs[] = {
    { "purpose", -1, RK_RULE_SECTION_TEXT, "目的", "このルールは…を目的とする。", NULL, 0 },
    { "procedure", -1, RK_RULE_SECTION_TEXT, "手順", "次の手順による。", NULL, 0 },
    { "call", 1, RK_RULE_SECTION_TEXT, "通報", "通報者は…伝える。", NULL, 0 },
    { "arrival", 1, RK_RULE_SECTION_TEXT, "現着", "救急隊は…確認する。", NULL, 0 },
    { "contacts", -1, RK_RULE_SECTION_TEXT, "連絡先", "事務局は…配布する。", NULL, 0 },
  };
  RkRuleDocument *document = add_document (store, "急変時・救急搬送時の連携ルール", specs, G_N_ELEMENTS (specs));

  *document_out = document;
  return latest (store, document);
}

/* No two siblings share a position on disk, and positions run 0…n-1 for every parent. */
static void
assert_positions_contiguous (RkStore *store,
                             gint64   version_id)
{
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM (SELECT coalesce(parent_uid, ''), count(*) AS n, "
                                     "max(position) AS top, min(position) AS low FROM rule_section "
                                     "WHERE version_id = ?1 GROUP BY coalesce(parent_uid, '') "
                                     "HAVING top <> n - 1 OR low <> 0)", version_id), ==, 0);
}

static void
test_tree_numbering (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("tree", &path);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  gint64 version_id = rk_rule_version_get_id (version);
  RkRuleSection *parent, *level[7] = { NULL };
  const char *deep[] = { "第2", "3", "(1)", "ア", "(ア)", "a", "(a)" };
  g_autofree char *n0 = numbers (store, version);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *numbers_before = NULL;
  g_autofree char *numbers_after = NULL;
  g_autofree char *numbers_saved = NULL;
  g_autofree char *numbers_reopened = NULL;

  g_assert_cmpstr (n0, ==, "目的=第1 手順=第2 通報=1 現着=2 連絡先=第3");
  g_assert_cmpstr (rk_rule_section_get_citation (find (store, version, "arrival")), ==, "第2の2");

  /* Every level: a chain under 手順 down to depth 6, then second items at depths 3 and 4. */
  parent = level[0] = find (store, version, "procedure");
  for (guint depth = 1; depth < G_N_ELEMENTS (deep); depth++)
    {
      g_autofree char *heading = g_strdup_printf ("L%u", depth);

      parent = level[depth] = add_section (store, version, parent, heading, "");
      g_assert_cmpuint (rk_rule_section_get_depth (parent), ==, depth);
      g_assert_cmpstr (rk_rule_section_get_number (parent), ==, deep[depth]);
    }
  g_assert_cmpstr (rk_rule_section_get_citation (level[6]), ==, "第2の3の(1)のアの(ア)のaの(a)");
  g_assert_cmpstr (rk_rule_section_get_number (add_section (store, version, level[2], "L3b", "")), ==, "イ");
  g_assert_cmpstr (rk_rule_section_get_number (add_section (store, version, level[3], "L4b", "")), ==, "(イ)");
  g_assert_cmpstr (rk_rule_section_get_number (add_section (store, version, level[4], "L5b", "")), ==, "b");
  g_assert_cmpstr (rk_rule_section_get_number (add_section (store, version, level[5], "L6b", "")), ==, "(b)");
  g_assert_cmpstr (rk_rule_section_get_number (add_section (store, version, level[1], "L2b", "")), ==, "(2)");

  /* Move up and down (Alt+Up/Down): 連絡先 before 手順; the first cannot go further up. */
  g_assert_true (rk_store_move_rule_section (store, find (store, version, "contacts"), -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "contacts")), ==, "第2");
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "procedure")), ==, "第3");
  g_assert_cmpstr (rk_rule_section_get_citation (find (store, version, "call")), ==, "第3の1");
  g_assert_cmpstr (rk_rule_section_get_citation (level[6]), ==, "第3の3の(1)のアの(ア)のaの(a)");
  g_assert_false (rk_store_move_rule_section (store, find (store, version, "purpose"), -1, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_move_rule_section (store, find (store, version, "contacts"), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "contacts")), ==, "第3");
  g_assert_false (rk_store_move_rule_section (store, find (store, version, "contacts"), 1, &error));
  g_assert_no_error (error);

  /* Indent (Tab): 現着 becomes the last child of 通報; the first child cannot be indented. */
  g_assert_true (rk_store_indent_rule_section (store, find (store, version, "arrival"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_parent_uid (find (store, version, "arrival")), ==, "call");
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "arrival")), ==, "(1)");
  g_assert_cmpstr (rk_rule_section_get_citation (find (store, version, "arrival")), ==, "第2の1の(1)");
  g_assert_cmpstr (rk_rule_section_get_number (level[1]), ==, "2");
  g_assert_cmpstr (rk_rule_section_get_number (level[2]), ==, "(1)");
  g_assert_false (rk_store_indent_rule_section (store, find (store, version, "call"), &error));
  g_assert_no_error (error);

  /* Outdent (Shift+Tab): back after its parent; at the top level there is nothing to do. */
  g_assert_true (rk_store_outdent_rule_section (store, find (store, version, "arrival"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_parent_uid (find (store, version, "arrival")), ==, "procedure");
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "arrival")), ==, "2");
  g_assert_cmpstr (rk_rule_section_get_number (level[1]), ==, "3");
  g_assert_false (rk_store_outdent_rule_section (store, find (store, version, "purpose"), &error));
  g_assert_no_error (error);
  /* Outdenting a deep section takes its subsections along and renumbers them. */
  g_assert_true (rk_store_outdent_rule_section (store, level[3], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_rule_section_get_depth (level[3]), ==, 2);
  g_assert_cmpstr (rk_rule_section_get_number (level[3]), ==, "(2)"); /* right after L2, before L2b */
  g_assert_cmpstr (rk_rule_section_get_number (level[4]), ==, "ア");
  g_assert_cmpstr (rk_rule_section_get_number (level[5]), ==, "(ア)");
  g_assert_cmpstr (rk_rule_section_get_number (level[6]), ==, "a");
  g_assert_true (rk_store_indent_rule_section (store, level[3], &error));
  g_assert_no_error (error);
  assert_positions_contiguous (store, version_id);

  /* Under its own child, or itself: refused clearly, nothing changed. */
  before = tree_fingerprint (store, version_id);
  numbers_before = numbers (store, version);
  g_assert_false (rk_store_reparent_rule_section (store, level[0], level[2], -1, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "under itself or one of its own subsections"));
  g_assert_nonnull (strstr (error->message, "第2 手順"));
  g_clear_error (&error);
  g_assert_false (rk_store_reparent_rule_section (store, level[2], level[2], 0, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = tree_fingerprint (store, version_id);
  numbers_after = numbers (store, version);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (numbers_before, ==, numbers_after);

  /* A move anywhere else is fine: 連絡先 as the first child of 目的. */
  g_assert_true (rk_store_reparent_rule_section (store, find (store, version, "contacts"),
                                                 find (store, version, "purpose"), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_citation (find (store, version, "contacts")), ==, "第1の1");
  g_assert_true (rk_store_reparent_rule_section (store, find (store, version, "contacts"), NULL, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "contacts")), ==, "第3");
  assert_positions_contiguous (store, version_id);

  /* Nothing of the numbering is stored: it comes back the same from the file. */
  numbers_saved = numbers (store, version);
  g_clear_object (&document);
  reopen (&store, path);
  document = g_object_ref (rk_store_find_rule_document (store, 1));
  version = latest (store, document);
  numbers_reopened = numbers (store, version);
  g_assert_cmpstr (numbers_saved, ==, numbers_reopened);
}

static void
test_freeze_and_branch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("freeze", NULL);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  RkRuleVersionInfo freeze = { "第1版 素案", "2025-10-01", RK_RULE_VERSION_CONSULTATION };
  RkRuleVersionInfo in_force = { "第1版", "2026-04-01", RK_RULE_VERSION_IN_FORCE };
  RkRuleVersionInfo blank = { "", "2026-04-01", RK_RULE_VERSION_IN_FORCE };
  RkFormFieldInfo fields[] = { { "氏名(ふりがな)", RK_FORM_FIELD_TEXT, "" },
                               { "性別", RK_FORM_FIELD_CHOICE, "男性\n女性" } };
  RkRuleSectionSpec form_spec = { "sheet", -1, RK_RULE_SECTION_FORM, "救急医療情報シート", "本人が記入する。",
                                  fields, G_N_ELEMENTS (fields) };
  RkRuleSectionSpec new_spec = { NULL, -1, RK_RULE_SECTION_TEXT, "新しい節", "", NULL, 0 };
  RkRuleSectionInfo edit = { RK_RULE_SECTION_TEXT, "目的(改)", "改めた本文" };
  gint64 version_id = rk_rule_version_get_id (version);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *numbers_before = NULL;
  g_autofree char *numbers_after = NULL;
  g_autoptr(RkRuleVersion) branch = NULL;
  g_autoptr(RkRuleVersion) branch2 = NULL;
  RkRuleSection *purpose, *sheet;

  g_assert_cmpuint (rk_store_add_rule_sections (store, version, NULL, &form_spec, 1, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (rk_rule_version_get_status (version), ==, RK_RULE_VERSION_DRAFT);
  g_assert_cmpstr (rk_rule_version_get_display_label (version), ==, "Draft");

  g_assert_true (rk_store_freeze_rule_version (store, version, &freeze, &error));
  g_assert_no_error (error);
  g_assert_true (rk_rule_version_get_frozen (version));
  g_assert_cmpstr (rk_rule_version_get_label (version), ==, "第1版 素案");
  g_assert_cmpstr (rk_rule_version_get_version_date (version), ==, "2025-10-01");
  g_assert_cmpint (rk_rule_version_get_status (version), ==, RK_RULE_VERSION_CONSULTATION);
  g_assert_cmpint (query_int (store, "SELECT frozen FROM rule_version WHERE id = ?1", version_id), ==, 1);

  /* Every edit of the text is refused with a message that names the version, and nothing changes. */
  before = tree_fingerprint (store, version_id);
  numbers_before = numbers (store, version);
  purpose = find (store, version, "purpose");
  sheet = find (store, version, "sheet");
#define ASSERT_FROZEN(call) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID); \
    g_assert_nonnull (strstr (error->message, "第1版 素案")); \
    g_assert_nonnull (strstr (error->message, "frozen")); \
    g_clear_error (&error); \
  } G_STMT_END
  ASSERT_FROZEN (rk_store_update_rule_section (store, purpose, &edit, &error));
  ASSERT_FROZEN (rk_store_add_rule_section (store, version, NULL, -1, &edit, &error) != NULL);
  ASSERT_FROZEN (rk_store_add_rule_sections (store, version, purpose, &new_spec, 1, &error) != 0);
  ASSERT_FROZEN (rk_store_move_rule_section (store, find (store, version, "contacts"), -1, &error));
  ASSERT_FROZEN (rk_store_indent_rule_section (store, find (store, version, "procedure"), &error));
  ASSERT_FROZEN (rk_store_outdent_rule_section (store, find (store, version, "call"), &error));
  ASSERT_FROZEN (rk_store_reparent_rule_section (store, find (store, version, "contacts"), purpose, 0, &error));
  ASSERT_FROZEN (rk_store_remove_rule_section (store, purpose, &error) != NULL);
  ASSERT_FROZEN (rk_store_set_form_fields (store, sheet, fields, 1, &error));
  ASSERT_FROZEN (rk_store_freeze_rule_version (store, version, &freeze, &error));
#undef ASSERT_FROZEN
  after = tree_fingerprint (store, version_id);
  numbers_after = numbers (store, version);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (numbers_before, ==, numbers_after);
  g_assert_cmpstr (rk_rule_section_get_heading (purpose), ==, "目的");

  /* The status goes on (確定 → 運用中) on a frozen version; its label stays required. */
  g_assert_true (rk_store_update_rule_version (store, version, &in_force, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_rule_version_get_status (version), ==, RK_RULE_VERSION_IN_FORCE);
  g_assert_false (rk_store_update_rule_version (store, version, &blank, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Branch: a new draft with the same uids, text, places and fields. */
  branch = rk_store_branch_rule_version (store, version, "第2版(案)", &error);
  g_assert_no_error (error);
  g_assert_nonnull (branch);
  g_assert_false (rk_rule_version_get_frozen (branch));
  g_assert_cmpint (rk_rule_version_get_status (branch), ==, RK_RULE_VERSION_DRAFT);
  g_assert_cmpint (rk_rule_version_get_based_on_id (branch), ==, version_id);
  g_assert_cmpint (query_int (store, "SELECT based_on_id FROM rule_version WHERE id = ?1",
                              rk_rule_version_get_id (branch)), ==, version_id);
  g_assert_true (rk_store_get_latest_rule_version (store, document) == branch);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_versions (store, document)), ==, 2);
  {
    g_autofree char *branch_numbers = numbers (store, branch);
    g_autoptr(GPtrArray) copied = rk_store_list_form_fields (store, find (store, branch, "sheet"), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (branch_numbers, ==, numbers_before);
    g_assert_cmpuint (copied->len, ==, 2);
    g_assert_cmpstr (((RkFormField *) g_ptr_array_index (copied, 1))->choices, ==, "男性\n女性");
    for (guint i = 0; i < g_list_model_get_n_items (rk_store_get_rule_sections (store, version)); i++)
      {
        g_autoptr(RkRuleSection) old = g_list_model_get_item (rk_store_get_rule_sections (store, version), i);
        g_autoptr(RkRuleSection) copy = g_list_model_get_item (rk_store_get_rule_sections (store, branch), i);

        g_assert_cmpstr (rk_rule_section_get_uid (old), ==, rk_rule_section_get_uid (copy));
        g_assert_cmpstr (rk_rule_section_get_body (old), ==, rk_rule_section_get_body (copy));
        g_assert_cmpint (rk_rule_section_get_id (old), !=, rk_rule_section_get_id (copy));
      }
  }
  /* The draft edits freely; the frozen version keeps its text. */
  g_assert_true (rk_store_update_rule_section (store, find (store, branch, "purpose"), &edit, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_heading (find (store, branch, "purpose")), ==, "目的(改)");
  g_assert_cmpstr (rk_rule_section_get_heading (purpose), ==, "目的");
  g_free (after);
  after = tree_fingerprint (store, version_id);
  g_assert_cmpstr (before, ==, after);

  /* From any version: a second draft from the frozen one again. */
  branch2 = rk_store_branch_rule_version (store, version, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_rule_version_get_based_on_id (branch2), ==, version_id);
  g_assert_cmpstr (rk_rule_section_get_heading (find (store, branch2, "purpose")), ==, "目的");

  /* Every section row of every version is in the search index. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'rule_section'", 0), ==,
                   query_int (store, "SELECT count(*) FROM rule_section", 0));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rule_section", 0), ==, 18);

  /* Versions: soft delete and restore; the last one stays. */
  g_assert_true (rk_store_remove_rule_version (store, branch2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_versions (store, document)), ==, 2);
  g_assert_null (rk_store_find_rule_version (store, rk_rule_version_get_id (branch2)));
  g_assert_true (rk_store_restore_rule_version (store, branch2, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_find_rule_version (store, rk_rule_version_get_id (branch2)) == branch2);
  g_assert_true (rk_store_remove_rule_version (store, branch2, &error));
  g_assert_true (rk_store_remove_rule_version (store, branch, &error));
  g_assert_no_error (error);
  g_assert_false (rk_store_remove_rule_version (store, version, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_cross_references (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("refs", NULL);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  g_autofree char *ref = rk_rule_body_make_ref ("arrival");
  g_autofree char *body = g_strconcat ("連絡は", ref, "の確認の後に行う。", NULL);
  RkRuleSectionInfo info = { RK_RULE_SECTION_TEXT, "連絡先", body };
  RkRuleSection *contacts = find (store, version, "contacts");
  g_autoptr(RkRuleRemoval) removal = NULL;
  g_autoptr(RkRuleVersion) branch = NULL;
  g_autofree char *missing = g_strdup_printf ("連絡は%sの確認の後に行う。", rk_rule_missing_ref_text ());

#define ASSERT_RENDERED(section, expected) \
  G_STMT_START { \
    g_autofree char *text_ = rk_store_render_rule_body (store, section); \
    g_assert_cmpstr (text_, ==, expected); \
  } G_STMT_END

  g_assert_true (rk_store_update_rule_section (store, contacts, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_rule_section_get_body (contacts), ==, body); /* stored as a token */
  ASSERT_RENDERED (contacts, "連絡は第2の2の確認の後に行う。");

  /* Renumbering: indent the target, then move its chapter down. */
  g_assert_true (rk_store_indent_rule_section (store, find (store, version, "arrival"), &error));
  ASSERT_RENDERED (contacts, "連絡は第2の1の(1)の確認の後に行う。");
  g_assert_true (rk_store_move_rule_section (store, find (store, version, "procedure"), 1, &error));
  g_assert_no_error (error);
  ASSERT_RENDERED (contacts, "連絡は第3の1の(1)の確認の後に行う。");

  /* The target removed (with its parent): said clearly; back with undo. */
  removal = rk_store_remove_rule_section (store, find (store, version, "call"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  g_assert_cmpuint (rk_rule_removal_get_n_sections (removal), ==, 2);
  ASSERT_RENDERED (contacts, missing);
  g_assert_true (rk_store_restore_rule_section (store, removal, &error));
  g_assert_no_error (error);
  ASSERT_RENDERED (contacts, "連絡は第3の1の(1)の確認の後に行う。");

  /* In a branch the reference follows the branch's own numbering. */
  branch = rk_store_branch_rule_version (store, version, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_outdent_rule_section (store, find (store, branch, "arrival"), &error));
  ASSERT_RENDERED (find (store, branch, "contacts"), "連絡は第3の2の確認の後に行う。");
  ASSERT_RENDERED (contacts, "連絡は第3の1の(1)の確認の後に行う。");
#undef ASSERT_RENDERED
}

static void
test_remove_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("remove", NULL);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  gint64 version_id = rk_rule_version_get_id (version);
  gint64 call_id = rk_rule_section_get_id (find (store, version, "call"));
  g_autofree char *before = tree_fingerprint (store, version_id);
  g_autofree char *after = NULL;
  g_autofree char *n = NULL;
  g_autoptr(RkRuleRemoval) removal = NULL;

  removal = rk_store_remove_rule_section (store, find (store, version, "procedure"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rk_rule_removal_get_n_sections (removal), ==, 3);
  n = numbers (store, version);
  g_assert_cmpstr (n, ==, "目的=第1 連絡先=第2");
  g_assert_null (rk_store_find_rule_section (store, version, "call"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rule_section WHERE version_id = ?1", version_id), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'rule_section'", 0), ==, 2);
  assert_positions_contiguous (store, version_id);

  g_assert_true (rk_store_restore_rule_section (store, removal, &error));
  g_assert_no_error (error);
  g_clear_pointer (&n, g_free);
  n = numbers (store, version);
  g_assert_cmpstr (n, ==, "目的=第1 手順=第2 通報=1 現着=2 連絡先=第3");
  g_assert_cmpint (rk_rule_section_get_id (find (store, version, "call")), ==, call_id);
  after = tree_fingerprint (store, version_id);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'rule_section'", 0), ==, 5);

  /* A second restore would duplicate the uids: refused, nothing written. */
  g_assert_false (rk_store_restore_rule_section (store, removal, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = tree_fingerprint (store, version_id);
  g_assert_cmpstr (before, ==, after);

  /* Documents: soft delete with their search entries; restore. */
  g_assert_true (rk_store_remove_rule_document (store, document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_documents (store)), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'rule_section'", 0), ==, 0);
  g_assert_true (rk_store_restore_rule_document (store, document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_documents (store)), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'rule_section'", 0), ==, 5);
}

static void
test_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("forms", NULL);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  RkFormFieldInfo sheet_fields[] = {
    { "氏名(ふりがな)", RK_FORM_FIELD_TEXT, "" },
    { "性別", RK_FORM_FIELD_CHOICE, "男性\n女性\n\n回答しない" },
    { "記入日", RK_FORM_FIELD_DATE, "" },
    { "お薬手帳の写しを添付", RK_FORM_FIELD_CHECKBOX, "" },
  };
  RkRuleSectionSpec specs[] = {
    { "sheet", -1, RK_RULE_SECTION_FORM, "救急医療情報シート", "", sheet_fields, G_N_ELEMENTS (sheet_fields) },
    { "consent-form", -1, RK_RULE_SECTION_FORM, "同意書", "", NULL, 0 },
    { "qa", -1, RK_RULE_SECTION_TEXT, "Q&A", "", NULL, 0 },
  };
  RkRuleSectionSpec text_with_fields = { NULL, -1, RK_RULE_SECTION_TEXT, "本文", "", sheet_fields, 1 };
  RkFormFieldInfo replacement[] = { { "利用者氏名", RK_FORM_FIELD_TEXT, "" },
                                    { "要介護度", RK_FORM_FIELD_CHOICE, "要支援1" } };
  g_autoptr(GPtrArray) fields = NULL;
  g_auto(GStrv) choices = NULL;
  RkRuleSection *sheet;

  g_assert_cmpuint (rk_store_add_rule_sections (store, version, NULL, specs, G_N_ELEMENTS (specs), &error), ==, 3);
  g_assert_no_error (error);
  sheet = find (store, version, "sheet");
  /* Forms are numbered apart from the text: 様式1, 様式2; Q&A is the fourth text chapter. */
  g_assert_cmpstr (rk_rule_section_get_number (sheet), ==, "様式1");
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "consent-form")), ==, "様式2");
  g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "qa")), ==, "第4");
  {
    g_autofree char *title = rk_rule_section_dup_title (sheet);

    g_assert_cmpstr (title, ==, "様式1 救急医療情報シート");
  }

  fields = rk_store_list_form_fields (store, sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 4);
  g_assert_cmpstr (((RkFormField *) fields->pdata[0])->label, ==, "氏名(ふりがな)");
  g_assert_cmpint (((RkFormField *) fields->pdata[2])->kind, ==, RK_FORM_FIELD_DATE);
  g_assert_cmpint (((RkFormField *) fields->pdata[3])->kind, ==, RK_FORM_FIELD_CHECKBOX);
  choices = rk_form_field_dup_choices (fields->pdata[1]);
  g_assert_cmpuint (g_strv_length (choices), ==, 3);
  g_assert_cmpstr (choices[2], ==, "回答しない");

  /* Replace all; a bad field is named by its place and nothing changes; a text section has no fields. */
  g_assert_false (rk_store_set_form_fields (store, sheet, replacement, 2, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Field 2:"));
  g_clear_error (&error);
  g_clear_pointer (&fields, g_ptr_array_unref);
  fields = rk_store_list_form_fields (store, sheet, &error);
  g_assert_cmpuint (fields->len, ==, 4);
  g_assert_true (rk_store_set_form_fields (store, sheet, replacement, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fields, g_ptr_array_unref);
  fields = rk_store_list_form_fields (store, sheet, &error);
  g_assert_cmpuint (fields->len, ==, 1);
  g_assert_cmpstr (((RkFormField *) fields->pdata[0])->label, ==, "利用者氏名");
  g_assert_false (rk_store_set_form_fields (store, find (store, version, "qa"), replacement, 1, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (rk_store_add_rule_sections (store, version, NULL, &text_with_fields, 1, &error), ==, 0);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Section 1:"));
  g_clear_error (&error);

  /* A form removed comes back with its fields. */
  {
    g_autoptr(RkRuleRemoval) removal = rk_store_remove_rule_section (store, sheet, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rk_rule_section_get_number (find (store, version, "consent-form")), ==, "様式1");
    g_assert_true (rk_store_restore_rule_section (store, removal, &error));
    g_assert_no_error (error);
    sheet = find (store, version, "sheet");
    g_clear_pointer (&fields, g_ptr_array_unref);
    fields = rk_store_list_form_fields (store, sheet, &error);
    g_assert_cmpuint (fields->len, ==, 1);
    g_assert_cmpstr (rk_rule_section_get_number (sheet), ==, "様式1");
  }
}

static void
test_links_and_comments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("links", NULL);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  RkBodyInfo body_info = { .name = "救急搬送連携部会", .tier = RK_TIER_FIELD, .purpose = "" };
  g_autoptr(RkBody) body = rk_store_add_body (store, &body_info, &error);
  RkMeetingInfo meeting_info = { .starts_at = "2025-06-12T14:00", .status = RK_MEETING_HELD };
  g_autoptr(RkMeeting) meeting = NULL;
  RkAgendaItemInfo agenda_info = { .title = "手順の協議", .minutes_allotted = -1,
                                   .decisions = "通報時にシートの有無を伝える。" };
  g_autoptr(RkAgendaItem) item = NULL;
  RkChallengeInfo challenge_info = { .title = "救急隊が本人の意思を知る手段がない",
                                     .source = RK_CHALLENGE_FROM_MEETING };
  g_autoptr(RkChallenge) challenge = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(RkRuleVersion) branch = NULL;
  RkRuleVersionInfo freeze = { "第1版", "2025-10-01", RK_RULE_VERSION_CONSULTATION };
  RkRuleSection *call = find (store, version, "call");
  gint64 agenda_link, challenge_link, comment;
  RkRuleSectionLink *link;

  g_assert_no_error (error);
  meeting_info.body_id = rk_body_get_id (body);
  meeting = rk_store_add_meeting (store, &meeting_info, &error);
  g_assert_no_error (error);
  item = rk_store_add_agenda_item (store, meeting, &agenda_info, &error);
  g_assert_no_error (error);
  challenge = rk_store_add_challenge (store, &challenge_info, &error);
  g_assert_no_error (error);

  agenda_link = rk_store_link_rule_section (store, call, rk_agenda_item_get_id (item), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (agenda_link, >, 0);
  challenge_link = rk_store_link_rule_section (store, call, 0, rk_challenge_get_id (challenge), &error);
  g_assert_no_error (error);
  g_assert_cmpint (challenge_link, >, 0);
  g_assert_cmpint (rk_store_link_rule_section (store, call, 0, rk_challenge_get_id (challenge), &error), ==, 0);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rk_store_link_rule_section (store, call, 0, 9999, &error), ==, 0);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* From the section: the decision first, then the challenge. */
  links = rk_store_list_section_links (store, call, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  link = links->pdata[0];
  g_assert_cmpint (link->agenda_item_id, ==, rk_agenda_item_get_id (item));
  g_assert_cmpint (link->meeting_id, ==, rk_meeting_get_id (meeting));
  g_assert_cmpstr (link->target_title, ==, "手順の協議");
  g_assert_cmpint (((RkRuleSectionLink *) links->pdata[1])->challenge_id, ==, rk_challenge_get_id (challenge));

  /* Across versions: the branch's copy of the section carries the same links, and they follow its number. */
  g_assert_true (rk_store_freeze_rule_version (store, version, &freeze, &error));
  branch = rk_store_branch_rule_version (store, version, "第2版(案)", &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_move_rule_section (store, find (store, branch, "call"), 1, &error));
  g_clear_pointer (&links, g_ptr_array_unref);
  links = rk_store_list_section_links (store, find (store, branch, "call"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);

  /* The other way: from the decision and from the challenge. */
  g_clear_pointer (&links, g_ptr_array_unref);
  links = rk_store_list_agenda_item_rule_links (store, rk_agenda_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  link = links->pdata[0];
  g_assert_cmpstr (link->section_uid, ==, "call");
  g_assert_cmpstr (link->document_title, ==, "急変時・救急搬送時の連携ルール");
  g_assert_cmpstr (link->section_title, ==, "2 通報"); /* as numbered in the latest version */
  g_clear_pointer (&links, g_ptr_array_unref);
  links = rk_store_list_challenge_rule_links (store, rk_challenge_get_id (challenge), &error);
  g_assert_cmpuint (links->len, ==, 1);

  /* A challenge in the bin hides its link; unlinking removes one. */
  g_assert_true (rk_store_remove_challenge (store, challenge, &error));
  g_clear_pointer (&links, g_ptr_array_unref);
  links = rk_store_list_section_links (store, call, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (rk_store_unlink_rule_section (store, agenda_link, &error));
  g_assert_no_error (error);
  g_clear_pointer (&links, g_ptr_array_unref);
  links = rk_store_list_section_links (store, call, &error);
  g_assert_cmpuint (links->len, ==, 0);

  /* Review comments: on the (frozen) version and on one section; resolve, remove, restore. */
  comment = rk_store_add_rule_comment (store, version, "call", "加藤(訪問看護ステーション)", "夜間の連絡先を加えてください。",
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (comment, >, 0);
  g_assert_cmpint (rk_store_add_rule_comment (store, version, NULL, "", "全体として賛成です。", &error), >, 0);
  g_assert_cmpint (rk_store_add_rule_comment (store, version, NULL, "", " \u3000", &error), ==, 0);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rk_store_add_rule_comment (store, version, "no-such", "", "意見", &error), ==, 0);
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  comments = rk_store_list_rule_comments (store, version, NULL, &error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = rk_store_list_rule_comments (store, version, "call", &error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (((RkRuleComment *) comments->pdata[0])->author, ==, "加藤(訪問看護ステーション)");
  g_assert_false (((RkRuleComment *) comments->pdata[0])->resolved);
  g_assert_true (rk_store_set_rule_comment_resolved (store, comment, TRUE, &error));
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = rk_store_list_rule_comments (store, version, "call", &error);
  g_assert_true (((RkRuleComment *) comments->pdata[0])->resolved);
  g_assert_true (rk_store_remove_rule_comment (store, comment, &error));
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = rk_store_list_rule_comments (store, version, NULL, &error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_true (rk_store_restore_rule_comment (store, comment, &error));
  g_assert_no_error (error);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = rk_store_list_rule_comments (store, version, NULL, &error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = rk_store_list_rule_comments (store, branch, NULL, &error);
  g_assert_cmpuint (comments->len, ==, 0);
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = new_store ("export", NULL);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  RkFormFieldInfo fields[] = { { "氏名", RK_FORM_FIELD_TEXT, "" }, { "血液型", RK_FORM_FIELD_CHOICE, "A型\nB型" } };
  RkRuleSectionSpec specs[] = {
    { "sheet", -1, RK_RULE_SECTION_FORM, "救急医療情報シート", "{{ref:arrival}}で使う。", fields, 2 },
  };
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *list = rk_store_get_rule_sections (store, version);
  RkRuleExportSection *row;

  g_assert_cmpuint (rk_store_add_rule_sections (store, version, NULL, specs, 1, &error), ==, 1);
  g_assert_true (rk_store_indent_rule_section (store, find (store, version, "arrival"), &error));
  g_assert_no_error (error);
  rows = rk_store_export_rule_version (store, version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (list, i);

      row = rows->pdata[i];
      g_assert_cmpstr (row->uid, ==, rk_rule_section_get_uid (section));
      g_assert_cmpstr (row->number, ==, rk_rule_section_get_number (section));
      g_assert_cmpstr (row->citation, ==, rk_rule_section_get_citation (section));
      g_assert_cmpuint (row->depth, ==, rk_rule_section_get_depth (section));
    }
  row = rows->pdata[0];
  g_assert_null (row->parent_uid);
  g_assert_cmpstr (row->heading, ==, "目的");
  row = rows->pdata[3];
  g_assert_cmpstr (row->uid, ==, "arrival");
  g_assert_cmpstr (row->parent_uid, ==, "call");
  g_assert_cmpuint (row->depth, ==, 2);
  g_assert_cmpint (row->position, ==, 0);
  g_assert_cmpstr (row->number, ==, "(1)");
  row = rows->pdata[5];
  g_assert_cmpstr (row->uid, ==, "sheet");
  g_assert_cmpint (row->kind, ==, RK_RULE_SECTION_FORM);
  g_assert_cmpstr (row->number, ==, "様式1");
  g_assert_cmpstr (row->body, ==, "第2の1の(1)で使う。");
  g_assert_cmpstr (row->body_source, ==, "{{ref:arrival}}で使う。");
  g_assert_cmpuint (row->fields->len, ==, 2);
  g_assert_cmpstr (((RkFormField *) row->fields->pdata[1])->choices, ==, "A型\nB型");
  g_assert_cmpuint (((RkRuleExportSection *) rows->pdata[0])->fields->len, ==, 0);
}

static void
test_large_paragraph (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("large", &path);
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version = small_rule (store, &document);
  GString *big = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *huge = NULL;
  RkRuleSectionInfo info = { RK_RULE_SECTION_TEXT, "長い本文", NULL };
  RkRuleSection *section;
  gint64 start;

  /* 1 MB of Japanese text with a reference in the middle. */
  while (big->len < 1024 * 1024)
    g_string_append (big, "救急隊は、シートにより本人の基本情報を確認する。");
  g_string_append (big, "{{ref:call}}");
  while (big->len < 1024 * 1024 + 4096)
    g_string_append (big, "かかりつけ医に連絡する。");
  text = g_string_free (big, FALSE);
  info.body = text;
  start = g_get_monotonic_time ();
  section = add_section (store, version, NULL, info.heading, info.body);
  g_assert_cmpstr (rk_rule_section_get_body (section), ==, text);
  {
    g_autofree char *rendered = rk_store_render_rule_body (store, section);

    g_assert_nonnull (strstr (rendered, "確認する。第2の1かかりつけ医"));
  }
  g_test_message ("1 MB paragraph written and rendered in %.1f ms",
                  (double) (g_get_monotonic_time () - start) / 1000.0);

  /* Over the cap: refused, clearly. */
  huge = g_malloc (RK_RULE_BODY_MAX + 2);
  memset (huge, 'a', RK_RULE_BODY_MAX + 1);
  huge[RK_RULE_BODY_MAX + 1] = '\0';
  info.body = huge;
  g_assert_false (rk_store_update_rule_section (store, section, &info, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8 MB"));
  g_clear_error (&error);

  g_clear_object (&document);
  reopen (&store, path);
  document = g_object_ref (rk_store_find_rule_document (store, 1));
  version = latest (store, document);
  {
    g_autoptr(RkRuleSection) reread = g_list_model_get_item (rk_store_get_rule_sections (store, version), 5);

    g_assert_cmpstr (rk_rule_section_get_heading (reread), ==, "長い本文");
    g_assert_cmpstr (rk_rule_section_get_body (reread), ==, text);
  }
}

#define N_CHAPTERS 100
#define N_ITEMS    19 /* 100 chapters + 1,900 items = 2,000 sections */

static void
test_many_sections (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkStore) store = new_store ("many", &path);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree RkRuleSectionSpec *specs = g_new0 (RkRuleSectionSpec, N_CHAPTERS * (N_ITEMS + 1));
  g_autoptr(RkRuleDocument) document = NULL;
  RkRuleVersion *version;
  RkRuleDocumentInfo info = { .title = "大きなルール" };
  RkRuleSectionSpec saved;
  guint n = 0;
  gint64 start, added_us, loaded_us;

  for (guint c = 0; c < N_CHAPTERS; c++)
    {
      int chapter = (int) n;
      char *heading = g_strdup_printf ("章%u", c + 1);

      g_ptr_array_add (strings, heading);
      specs[n++] = (RkRuleSectionSpec) { NULL, -1, RK_RULE_SECTION_TEXT, heading, "本章の趣旨を定める。", NULL, 0 };
      for (guint i = 0; i < N_ITEMS; i++)
        {
          char *item = g_strdup_printf ("項%u-%u", c + 1, i + 1);

          g_ptr_array_add (strings, item);
          specs[n++] = (RkRuleSectionSpec) { NULL, chapter, RK_RULE_SECTION_TEXT, item,
                                             "関係機関は、必要な情報を共有する。", NULL, 0 };
        }
    }
  g_assert_cmpuint (n, ==, 2000);

  /* All or nothing: one bad section among 2,000 writes nothing, and says which. */
  saved = specs[1500];
  specs[1500].heading = "\u3000";
  g_assert_null (rk_store_add_rule_document (store, &info, specs, n, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Section 1501:"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rule_document", 0), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rule_section", 0), ==, 0);
  specs[1500] = saved;
  specs[1500].parent = 1600;
  g_assert_null (rk_store_add_rule_document (store, &info, specs, n, &error));
  g_assert_true (g_str_has_prefix (error->message, "Section 1501:"));
  g_clear_error (&error);
  specs[1500] = saved;
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rule_section", 0), ==, 0);

  start = g_get_monotonic_time ();
  document = rk_store_add_rule_document (store, &info, specs, n, &error);
  added_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  version = latest (store, document);
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_sections (store, version)), ==, 2000);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_index WHERE kind = 'rule_section'", 0), ==, 2000);
  {
    g_autoptr(RkRuleSection) last = g_list_model_get_item (rk_store_get_rule_sections (store, version), 1999);

    g_assert_cmpstr (rk_rule_section_get_citation (last), ==, "第100の19");
  }
  /* Bulk into an existing version, under a section: appended after its children. */
  {
    RkRuleSectionSpec more[] = { { "extra", -1, RK_RULE_SECTION_TEXT, "追加", "", NULL, 0 },
                                 { NULL, 0, RK_RULE_SECTION_TEXT, "追加の細目", "", NULL, 0 } };
    g_autoptr(RkRuleSection) chapter = g_list_model_get_item (rk_store_get_rule_sections (store, version), 0);

    g_assert_cmpuint (rk_store_add_rule_sections (store, version, chapter, more, 2, &error), ==, 2);
    g_assert_no_error (error);
    g_assert_cmpstr (rk_rule_section_get_citation (find (store, version, "extra")), ==, "第1の20");
    g_assert_cmpuint (rk_store_add_rule_sections (store, version, NULL, more, 1, &error), ==, 0);
    g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_clear_object (&document);
  reopen (&store, path);
  document = g_object_ref (rk_store_find_rule_document (store, 1));
  version = latest (store, document);
  start = g_get_monotonic_time ();
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_rule_sections (store, version)), ==, 2002);
  loaded_us = g_get_monotonic_time () - start;
  g_test_message ("2,000 sections: added in one transaction in %.1f ms, tree loaded in %.1f ms",
                  (double) added_us / 1000.0, (double) loaded_us / 1000.0);
  /* Generous bounds that still catch a per-section transaction or a quadratic load. */
  g_assert_cmpint (added_us, <, 20 * G_USEC_PER_SEC);
  g_assert_cmpint (loaded_us, <, 2 * G_USEC_PER_SEC);
  {
    g_autoptr(RkRuleSection) last = g_list_model_get_item (rk_store_get_rule_sections (store, version), 2001);

    g_assert_cmpstr (rk_rule_section_get_citation (last), ==, "第100の19");
  }
  /* A tree edit on the big version stays quick: it renumbers everything after. */
  start = g_get_monotonic_time ();
  g_assert_true (rk_store_move_rule_section (store, find (store, version, "extra"), -1, &error));
  g_assert_no_error (error);
  g_test_message ("move in a 2,002-section version: %.1f ms", (double) (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (rk_rule_section_get_citation (find (store, version, "extra")), ==, "第1の19");
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_path ("demo");
  g_autoptr(RkStore) store = NULL;
  GListModel *documents, *versions;
  g_autoptr(RkRuleDocument) emergency = NULL;
  g_autoptr(RkRuleVersion) v1 = NULL;
  g_autoptr(RkRuleVersion) v2 = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *n = NULL;
  RkRuleSectionInfo edit = { RK_RULE_SECTION_TEXT, "目的", "変更" };
  GListModel *sections;

  g_assert_true (rk_store_write_demo (path, &error));
  g_assert_no_error (error);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);

  documents = rk_store_get_rule_documents (store);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);
  emergency = g_list_model_get_item (documents, 0);
  g_assert_cmpstr (rk_rule_document_get_title (emergency), ==, "急変時・救急搬送時の連携ルール");
  g_assert_cmpstr (rk_rule_document_get_kind (emergency), ==, "emergency");
  versions = rk_store_get_rule_versions (store, emergency);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  v1 = g_list_model_get_item (versions, 0);
  v2 = g_list_model_get_item (versions, 1);
  g_assert_true (rk_rule_version_get_frozen (v1));
  g_assert_cmpint (rk_rule_version_get_status (v1), ==, RK_RULE_VERSION_CONSULTATION);
  g_assert_false (rk_rule_version_get_frozen (v2));
  g_assert_cmpint (rk_rule_version_get_based_on_id (v2), ==, rk_rule_version_get_id (v1));

  /* The demo writes one position counter per version: the order survives, the numbers are derived. */
  n = numbers (store, v2);
  g_assert_nonnull (strstr (n, "目的=第1 対象=第2 手順=第3 平時の準備=1 119番通報時=2 現場到着時=3 医療機関への引継ぎ=4 "));
  g_assert_cmpstr (rk_rule_section_get_number (find (store, v2, "privacy")), ==, "第6");
  g_assert_cmpstr (rk_rule_section_get_number (find (store, v2, "form-sheet")), ==, "様式1");
  g_assert_null (rk_store_find_rule_section (store, v1, "privacy"));
  sections = rk_store_get_rule_sections (store, v2);
  g_assert_cmpint (g_list_model_get_n_items (sections), ==,
                   query_int (store, "SELECT count(*) FROM rule_section WHERE version_id = ?1",
                              rk_rule_version_get_id (v2)));

  fields = rk_store_list_form_fields (store, find (store, v2, "form-sheet"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, >, 10);
  g_assert_cmpstr (((RkFormField *) fields->pdata[0])->label, ==, "氏名(ふりがな)");

  links = rk_store_list_section_links (store, find (store, v2, "consent"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  comments = rk_store_list_rule_comments (store, v1, NULL, &error);
  g_assert_cmpuint (comments->len, ==, 3);

  /* The frozen first version refuses edits. */
  g_assert_false (rk_store_update_rule_section (store, find (store, v1, "purpose"), &edit, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "第1版(素案)"));
  g_clear_error (&error);

  rows = rk_store_export_rule_version (store, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (sections));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(RkRuleSection) section = g_list_model_get_item (sections, i);

      g_assert_cmpstr (((RkRuleExportSection *) rows->pdata[i])->uid, ==, rk_rule_section_get_uid (section));
    }
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-rules-XXXXXX", TODAY);

  g_test_add_func ("/rules/number-labels", test_number_labels);
  g_test_add_func ("/rules/ref-tokens", test_ref_tokens);
  g_test_add_func ("/rules/validation", test_validation);
  g_test_add_func ("/rules/tree-numbering", test_tree_numbering);
  g_test_add_func ("/rules/freeze-and-branch", test_freeze_and_branch);
  g_test_add_func ("/rules/cross-references", test_cross_references);
  g_test_add_func ("/rules/remove-restore", test_remove_restore);
  g_test_add_func ("/rules/forms", test_forms);
  g_test_add_func ("/rules/links-and-comments", test_links_and_comments);
  g_test_add_func ("/rules/export", test_export);
  g_test_add_func ("/rules/large-paragraph", test_large_paragraph);
  g_test_add_func ("/rules/many-sections", test_many_sections);
  g_test_add_func ("/rules/demo", test_demo);

  return rk_test_core_run ();
}

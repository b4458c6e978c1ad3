/* test-booklet-store.c — the booklet's composition in the council file (rk_store_get_booklet / save_booklet) and
 * the snapshot of what it prints (rk_booklet_content_new_from_store), on small councils and on the demo. */

#include <string.h>

#include <glib/gstdio.h>

#include "rk-booklet.h"
#include "rk-store-indicators.h"
#include "rk-store-rules.h"
#include "rk-test-core.h"

/* The demo council is written as of the autumn of today's fiscal year: pinned, its dates are the 2025 tables'. */
#define TODAY   "2025-10-01"
#define COUNCIL "みなと市在宅医療・救急医療連携推進協議会"

static const char *test_dir;

/* ---- Helpers ----------------------------------------------------------------------------------------------- */

static char *
new_path (const char *name)
{
  static guint serial;
  g_autofree char *file = g_strdup_printf ("%u-%s.renkei", ++serial, name);

  return g_build_filename (test_dir, file, NULL);
}

static RkStore *
create_council (const char *path)
{
  RkCouncilInfo council = { COUNCIL, "みなと市", "架空県", 2025, RK_SETUP_NEW, NULL };
  g_autoptr(GError) error = NULL;
  RkStore *store = rk_store_create (path, &council, &error);

  g_assert_no_error (error);
  return store;
}

static RkStore *
open_demo (void)
{
  g_autofree char *path = new_path ("demo");

  return rk_test_open_demo (path);
}

/* A rule document with two text sections and, when @with_form, a form. Returns its only version (transfer none). */
static RkRuleVersion *
add_rule (RkStore    *store,
          const char *title,
          gboolean    with_form)
{
  RkRuleDocumentInfo info = { title, NULL };
  const RkRuleSectionSpec specs[] = {
    { NULL, -1, RK_RULE_SECTION_TEXT, "目的", "救急搬送時の情報共有を定める。", NULL, 0 },
    { NULL, -1, RK_RULE_SECTION_TEXT, "運用・見直し", "協議会が毎年度見直す。", NULL, 0 },
    { NULL, -1, RK_RULE_SECTION_FORM, "救急医療情報シート", "", NULL, 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RkRuleDocument) document = NULL;

  document = rk_store_add_rule_document (store, &info, specs, with_form ? 3 : 2, &error);
  g_assert_no_error (error);
  return rk_store_get_latest_rule_version (store, document);
}

static void
assert_parts (const RkBooklet         *booklet,
              const RkBookletPartKind *kinds,
              const gint64            *version_ids,
              guint                    n)
{
  g_assert_cmpuint (booklet->parts->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const RkBookletPart *part = &g_array_index (booklet->parts, RkBookletPart, i);

      g_assert_cmpint (part->kind, ==, kinds[i]);
      g_assert_cmpint (part->version_id, ==, version_ids[i]);
    }
}

static gboolean
has_warning (const RkBookletContent *content,
             const char             *needle)
{
  for (guint i = 0; i < content->warnings->len; i++)
    if (strstr (g_ptr_array_index (content->warnings, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static int
find_content_part (const RkBookletContent *content,
                   RkBookletPartKind       kind)
{
  for (guint i = 0; i < content->parts->len; i++)
    if (g_array_index (content->parts, RkBookletContentPart, i).kind == kind)
      return (int) i;
  return -1;
}

/* ---- The composition ------------------------------------------------------------------------------------- */

static void
test_parts (void)
{
  g_autoptr(RkBooklet) booklet = rk_booklet_new ();
  g_autoptr(RkBooklet) copy = NULL;

  for (int kind = 0; kind < RK_BOOKLET_N_PART_KINDS; kind++)
    {
      g_assert_nonnull (rk_booklet_part_kind_to_label (kind));
      g_assert_cmpstr (rk_booklet_part_kind_to_label (kind), !=, "");
      g_assert_cmpint (rk_booklet_part_kind_has_version (kind), ==,
                       kind == RK_BOOKLET_PART_RULES || kind == RK_BOOKLET_PART_FORMS);
    }
  g_assert_cmpstr (rk_booklet_part_kind_to_label (RK_BOOKLET_PART_HISTORY), ==, "Drafting History");

  rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, 7);
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, 9);
  g_assert_cmpint (rk_booklet_find_part (booklet, RK_BOOKLET_PART_COVER, 0), ==, 0);
  g_assert_cmpint (rk_booklet_find_part (booklet, RK_BOOKLET_PART_RULES, 9), ==, 2);
  g_assert_cmpint (rk_booklet_find_part (booklet, RK_BOOKLET_PART_RULES, 8), ==, -1);
  g_assert_cmpint (rk_booklet_find_part (booklet, RK_BOOKLET_PART_ROSTER, 0), ==, -1);

  g_free (booklet->title);
  booklet->title = g_strdup ("連携ルール");
  booklet->issue_date = g_strdup ("2025-04-01");
  copy = rk_booklet_copy (booklet);
  g_assert_cmpstr (copy->title, ==, "連携ルール");
  g_assert_cmpstr (copy->issue_date, ==, "2025-04-01");
  g_assert_cmpuint (copy->parts->len, ==, 3);
  /* A deep copy: editing one leaves the other alone. */
  rk_booklet_add_part (copy, RK_BOOKLET_PART_REVIEW, 0);
  g_assert_cmpuint (booklet->parts->len, ==, 3);
}

static void
assert_invalid (RkBooklet  *booklet,
                const char *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_booklet_validate (booklet, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_validate (void)
{
  g_autoptr(RkBooklet) booklet = rk_booklet_new ();
  g_autoptr(GError) error = NULL;

  rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  assert_invalid (booklet, "title");
  g_free (booklet->title);
  booklet->title = g_strdup ("\u3000 ");
  assert_invalid (booklet, "title");
  g_free (booklet->title);
  booklet->title = g_strdup ("みなと市 連携ルール");
  g_assert_true (rk_booklet_validate (booklet, &error));
  g_assert_no_error (error);

  booklet->issue_date = g_strdup ("2025-02-30");
  assert_invalid (booklet, "2025-02-30");
  g_free (booklet->issue_date);
  booklet->issue_date = g_strdup ("令和7年4月1日");
  assert_invalid (booklet, "令和7年4月1日");
  g_free (booklet->issue_date);
  booklet->issue_date = g_strdup ("2025-04-01");
  g_assert_true (rk_booklet_validate (booklet, NULL));

  rk_booklet_add_part (booklet, RK_BOOKLET_PART_FORMS, 0);
  assert_invalid (booklet, "Forms");
  g_array_index (booklet->parts, RkBookletPart, 1).version_id = 3;
  g_assert_true (rk_booklet_validate (booklet, NULL));

  rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  assert_invalid (booklet, "Cover");
  g_array_remove_index (booklet->parts, 2);
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_FORMS, 3);
  assert_invalid (booklet, "Forms");
  g_array_index (booklet->parts, RkBookletPart, 2).version_id = 4;
  g_assert_true (rk_booklet_validate (booklet, NULL));
}

/* A council with rule documents and no booklet is offered one; saved, it comes back as saved after reopening. */
static void
test_round_trip (void)
{
  g_autofree char *path = new_path ("round-trip");
  g_autoptr(RkStore) store = create_council (path);
  g_autoptr(RkBooklet) proposal = NULL;
  g_autoptr(RkBooklet) again = NULL;
  g_autoptr(RkBooklet) read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second, id;

  first = rk_rule_version_get_id (add_rule (store, "急変時・救急搬送時の連携ルール", TRUE));
  second = rk_rule_version_get_id (add_rule (store, "入退院支援ルール", FALSE));

  proposal = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (proposal->id, ==, 0);
  g_assert_cmpstr (proposal->title, ==, "急変時・救急搬送時の連携ルール");
  g_assert_cmpstr (proposal->publisher, ==, COUNCIL);
  g_assert_null (proposal->issue_date);
  {
    /* Forms only for the document that has some. */
    const RkBookletPartKind kinds[] = {
      RK_BOOKLET_PART_COVER, RK_BOOKLET_PART_CONTENTS, RK_BOOKLET_PART_RULES, RK_BOOKLET_PART_FORMS,
      RK_BOOKLET_PART_RULES, RK_BOOKLET_PART_HISTORY, RK_BOOKLET_PART_ROSTER, RK_BOOKLET_PART_SCHEDULE,
      RK_BOOKLET_PART_INDICATORS, RK_BOOKLET_PART_REVIEW,
    };
    const gint64 versions[] = { 0, 0, first, first, second, 0, 0, 0, 0, 0 };

    assert_parts (proposal, kinds, versions, G_N_ELEMENTS (kinds));
  }
  g_assert_true (rk_booklet_validate (proposal, NULL));

  /* Edited and saved. */
  g_free (proposal->edition);
  proposal->edition = g_strdup ("第2版");
  proposal->issue_date = g_strdup ("2025-04-01");
  g_array_remove_index (proposal->parts, 4); /* the second document's rules */
  g_array_remove_index (proposal->parts, 1); /* the table of contents */
  g_assert_true (rk_store_save_booklet (store, proposal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (proposal->id, >, 0);
  id = proposal->id;

  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);

  read = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, id);
  g_assert_cmpstr (read->title, ==, "急変時・救急搬送時の連携ルール");
  g_assert_cmpstr (read->edition, ==, "第2版");
  g_assert_cmpstr (read->issue_date, ==, "2025-04-01");
  g_assert_cmpstr (read->publisher, ==, COUNCIL);
  {
    const RkBookletPartKind kinds[] = {
      RK_BOOKLET_PART_COVER, RK_BOOKLET_PART_RULES, RK_BOOKLET_PART_FORMS, RK_BOOKLET_PART_HISTORY,
      RK_BOOKLET_PART_ROSTER, RK_BOOKLET_PART_SCHEDULE, RK_BOOKLET_PART_INDICATORS, RK_BOOKLET_PART_REVIEW,
    };
    const gint64 versions[] = { 0, first, first, 0, 0, 0, 0, 0 };

    assert_parts (read, kinds, versions, G_N_ELEMENTS (kinds));
  }

  /* Saved again: the same row, its parts replaced, no issue date. */
  g_clear_pointer (&read->issue_date, g_free);
  g_free (read->edition);
  read->edition = g_strdup ("");
  g_array_set_size (read->parts, 0);
  rk_booklet_add_part (read, RK_BOOKLET_PART_RULES, second);
  rk_booklet_add_part (read, RK_BOOKLET_PART_COVER, 0);
  g_assert_true (rk_store_save_booklet (store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, id);

  again = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, id);
  g_assert_null (again->issue_date);
  g_assert_cmpstr (again->edition, ==, "");
  {
    const RkBookletPartKind kinds[] = { RK_BOOKLET_PART_RULES, RK_BOOKLET_PART_COVER };
    const gint64 versions[] = { second, 0 };

    assert_parts (again, kinds, versions, G_N_ELEMENTS (kinds));
  }
}

/* No rule document: the council's name makes the title, and every other part is offered. */
static void
test_proposal_empty (void)
{
  g_autofree char *path = new_path ("empty");
  g_autoptr(RkStore) store = create_council (path);
  g_autoptr(RkBooklet) proposal = NULL;
  g_autoptr(GError) error = NULL;
  const RkBookletPartKind kinds[] = {
    RK_BOOKLET_PART_COVER, RK_BOOKLET_PART_CONTENTS, RK_BOOKLET_PART_HISTORY, RK_BOOKLET_PART_ROSTER,
    RK_BOOKLET_PART_SCHEDULE, RK_BOOKLET_PART_INDICATORS, RK_BOOKLET_PART_REVIEW,
  };
  const gint64 versions[G_N_ELEMENTS (kinds)] = { 0 };

  proposal = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (proposal->id, ==, 0);
  g_assert_true (g_str_has_prefix (proposal->title, COUNCIL));
  g_assert_cmpstr (proposal->title, !=, COUNCIL);
  g_assert_cmpstr (proposal->publisher, ==, COUNCIL);
  assert_parts (proposal, kinds, versions, G_N_ELEMENTS (kinds));
}

/* What the store refuses changes nothing. */
static void
test_save_refused (void)
{
  g_autofree char *path = new_path ("refused");
  g_autoptr(RkStore) store = create_council (path);
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBooklet) read = NULL;
  g_autoptr(RkRuleVersion) branch = NULL;
  g_autoptr(GError) error = NULL;
  RkRuleVersion *version = add_rule (store, "急変時・救急搬送時の連携ルール", TRUE);
  RkRuleDocument *document;
  gint64 version_id = rk_rule_version_get_id (version);

  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_save_booklet (store, booklet, &error));
  g_assert_no_error (error);

  /* Invalid compositions. */
  g_free (booklet->title);
  booklet->title = g_strdup ("");
  g_assert_false (rk_store_save_booklet (store, booklet, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (booklet->title);
  booklet->title = g_strdup ("改訂版");
  booklet->issue_date = g_strdup ("2025-13-01");
  g_assert_false (rk_store_save_booklet (store, booklet, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&booklet->issue_date, g_free);

  /* A version that was never there. */
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, 9999);
  g_assert_false (rk_store_save_booklet (store, booklet, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_array_remove_index (booklet->parts, booklet->parts->len - 1);

  /* A version deleted: its document keeps another one. */
  branch = rk_store_branch_rule_version (store, version, "第2版", &error);
  g_assert_no_error (error);
  g_array_index (booklet->parts, RkBookletPart, 2).version_id = rk_rule_version_get_id (branch);
  g_assert_true (rk_store_remove_rule_version (store, branch, &error));
  g_assert_no_error (error);
  g_assert_false (rk_store_save_booklet (store, booklet, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "急変時・救急搬送時の連携ルール"));
  g_assert_nonnull (strstr (error->message, "第2版"));
  g_clear_error (&error);

  /* A document deleted takes its versions with it. */
  g_array_index (booklet->parts, RkBookletPart, 2).version_id = version_id;
  document = rk_store_find_rule_document (store, rk_rule_version_get_document_id (version));
  g_assert_true (rk_store_remove_rule_document (store, document, &error));
  g_assert_no_error (error);
  g_assert_false (rk_store_save_booklet (store, booklet, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of it was written. */
  read = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, booklet->id);
  g_assert_cmpstr (read->title, ==, "急変時・救急搬送時の連携ルール");
  g_assert_cmpuint (read->parts->len, ==, 9); /* the proposal, for one document with forms */
  g_assert_cmpint (g_array_index (read->parts, RkBookletPart, 2).version_id, ==, version_id);
}

/* ---- The content ----------------------------------------------------------------------------------------- */

static gpointer
read_content_thread (gpointer data)
{
  RkBookletContent *content = data;
  guint n = 0;

  /* Everything a typesetting thread reads, after the store is gone. */
  for (guint i = 0; i < content->rules->len; i++)
    n += ((RkBookletRules *) g_ptr_array_index (content->rules, i))->sections->len;
  for (guint i = 0; i < content->history->len; i++)
    n += g_strv_length (((RkBookletMeeting *) g_ptr_array_index (content->history, i))->decisions);
  n += rk_gantt_get_n_rows (content->gantt) + content->roster->groups->len + content->charts->len;
  rk_booklet_content_free (content);
  return GUINT_TO_POINTER (n);
}

static void
test_content_demo (void)
{
  g_autoptr(RkStore) store = open_demo ();
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(GError) error = NULL;
  RkBookletContent *content;
  RkBookletMeeting *meeting;
  RkBookletRules *rules;
  gboolean any_decisions = FALSE;
  g_autoptr(GThread) thread = NULL;
  GString *review = g_string_new (NULL);
  g_autofree char *review_text = NULL;

  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booklet->id, >, 0);
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content);

  for (guint i = 0; i < content->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (content->warnings, i));
  g_assert_cmpuint (content->warnings->len, ==, 0);

  /* The cover. */
  g_assert_cmpstr (content->title, ==, booklet->title);
  g_assert_cmpstr (content->publisher, ==, COUNCIL);
  g_assert_cmpstr (content->municipality, ==, "みなと市");
  g_assert_cmpstr (content->issue_label, ==, "令和7年(2025年)11月");

  /* Every part, in order. */
  g_assert_cmpuint (content->parts->len, ==, booklet->parts->len);
  for (guint i = 0; i < content->parts->len; i++)
    {
      RkBookletContentPart *part = &g_array_index (content->parts, RkBookletContentPart, i);
      RkBookletPart *asked = &g_array_index (booklet->parts, RkBookletPart, i);

      g_assert_cmpint (part->kind, ==, asked->kind);
      if (rk_booklet_part_kind_has_version (asked->kind))
        g_assert_cmpint (part->rules->version_id, ==, asked->version_id);
      else
        g_assert_null (part->rules);
    }

  /* The rules and forms of one version are read once. */
  g_assert_cmpuint (content->rules->len, ==, 1);
  rules = g_ptr_array_index (content->rules, 0);
  g_assert_cmpstr (rules->document_title, ==, "急変時・救急搬送時の連携ルール");
  g_assert_cmpstr (rules->version_label, ==, "第2版(案)");
  g_assert_nonnull (rules->status_label);
  g_assert_cmpuint (rules->sections->len, >, 5);

  /* The meetings held before today, oldest first, with their decisions; the one planned for November is not. */
  g_assert_cmpuint (content->history->len, ==, 10);
  meeting = g_ptr_array_index (content->history, 0);
  g_assert_cmpstr (meeting->date_label, ==, "令和6年(2024年)8月27日");
  g_assert_cmpstr (meeting->name, ==, "第1回 在宅医療・救急医療連携推進協議会");
  g_assert_cmpuint (g_strv_length (meeting->topics), >, 0);
  meeting = g_ptr_array_index (content->history, content->history->len - 1);
  g_assert_cmpstr (meeting->date_label, ==, "令和7年(2025年)7月15日");
  for (guint i = 0; i < content->history->len; i++)
    {
      meeting = g_ptr_array_index (content->history, i);
      for (guint j = 0; meeting->decisions[j] != NULL; j++)
        {
          g_assert_cmpstr (meeting->decisions[j], !=, "");
          g_assert_null (strchr (meeting->decisions[j], '\n'));
          any_decisions = TRUE;
        }
    }
  g_assert_true (any_decisions);

  g_assert_nonnull (content->roster);
  g_assert_cmpuint (content->roster->groups->len, >, 0);
  g_assert_cmpstr (content->roster->council_name, ==, COUNCIL);
  g_assert_nonnull (content->gantt);
  g_assert_cmpuint (rk_gantt_get_n_rows (content->gantt), >, 6);

  g_assert_cmpuint (content->charts->len, ==, g_list_model_get_n_items (rk_store_get_indicators (store)));
  g_assert_cmpuint (content->charts->len, ==, 4);
  {
    RkIndicatorChartPage *page = g_ptr_array_index (content->charts, 0);

    g_assert_cmpstr (page->chart->title, ==, "自宅死の割合の推移");
    g_assert_cmpuint (page->n_terms, ==, 7);
    g_assert_nonnull (page->heading);
    /* The definition table the indicators page shows and prints. */
    g_assert_cmpstr (page->terms[0].term, ==, "Definition");
    g_assert_cmpstr (page->terms[0].value, ==, "自宅での死亡数 / 死亡総数 × 100");
    g_assert_cmpstr (page->terms[6].term, ==, "Target");
    g_assert_nonnull (strstr (page->terms[6].value, "18.0%"));
    g_assert_nonnull (strstr (page->terms[6].value, "令和9年度"));
    g_assert_cmpuint (page->chart->n_points, >, 0);
  }

  g_assert_cmpuint (content->review->len, >=, 2);
  g_assert_cmpuint (content->review->len, <=, 4);
  for (guint i = 0; i < content->review->len; i++)
    {
      RkBookletReviewItem *item = g_ptr_array_index (content->review, i);

      g_assert_cmpstr (item->heading, !=, "");
      g_string_append_printf (review, "%s\n%s\n", item->heading, item->text);
    }
  review_text = g_string_free (review, FALSE);
  g_test_message ("%s", review_text);
  /* The STEP6 tasks with their months, the indicators with their targets, the rules' own review section. */
  g_assert_nonnull (strstr (review_text, "運用状況確認アンケート"));
  g_assert_nonnull (strstr (review_text, "令和8年(2026年)4月"));
  g_assert_nonnull (strstr (review_text, "自宅死の割合の推移"));
  g_assert_nonnull (strstr (review_text, "18.0%"));
  g_assert_nonnull (strstr (review_text, "救急搬送連携部会の協議を経て"));

  /* The issue date makes the creation date. */
  g_assert_cmpint (g_date_time_get_year (content->creation_date), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (content->creation_date), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (content->creation_date), ==, 18);
  g_assert_cmpint (g_date_time_get_hour (content->creation_date), ==, 0);

  /* Plain data: it outlives the store and is read and freed on another thread. */
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  thread = g_thread_new ("typeset", read_content_thread, content);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (g_steal_pointer (&thread))), >, 0);
}

/* Parts that cannot be printed are left out, each with a warning that names it. */
static void
test_content_left_out (void)
{
  g_autoptr(RkStore) store = open_demo ();
  g_autoptr(RkBooklet) booklet = rk_booklet_new ();
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(GError) error = NULL;
  RkRuleDocumentInfo empty_info = { "救急医療情報キット運用要領", NULL };
  g_autoptr(RkRuleDocument) empty = NULL;
  g_autoptr(RkRuleVersion) old = NULL;
  RkRuleVersion *empty_version, *other;
  GListModel *versions;
  RkRuleDocument *document;

  document = rk_store_find_rule_document (store, 1);
  g_assert_nonnull (document);
  versions = rk_store_get_rule_versions (store, document);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  old = g_list_model_get_item (versions, 0);
  other = rk_store_get_latest_rule_version (store, rk_store_find_rule_document (store, 2));
  empty = rk_store_add_rule_document (store, &empty_info, NULL, 0, &error);
  g_assert_no_error (error);
  empty_version = rk_store_get_latest_rule_version (store, empty);

  g_free (booklet->title);
  booklet->title = g_strdup ("連携ルール集");
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, rk_rule_version_get_id (old));
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, rk_rule_version_get_id (empty_version));
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_FORMS, rk_rule_version_get_id (empty_version));
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, rk_rule_version_get_id (other));
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_REVIEW, 0);
  g_assert_true (rk_store_save_booklet (store, booklet, &error));
  g_assert_no_error (error);

  /* Deleted after the composition was saved. */
  g_assert_true (rk_store_remove_rule_version (store, old, &error));
  g_assert_no_error (error);

  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < content->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (content->warnings, i));
  g_assert_cmpuint (content->warnings->len, ==, 3);
  g_assert_true (has_warning (content, "第1版(素案)"));
  g_assert_true (has_warning (content, "救急医療情報キット運用要領"));

  /* Left: the cover, the other document's rules, the review. */
  g_assert_cmpuint (content->parts->len, ==, 3);
  g_assert_cmpint (find_content_part (content, RK_BOOKLET_PART_FORMS), ==, -1);
  g_assert_cmpint (find_content_part (content, RK_BOOKLET_PART_RULES), ==, 1);
  g_assert_cmpint (g_array_index (content->parts, RkBookletContentPart, 1).rules->version_id, ==,
                   rk_rule_version_get_id (other));
  /* The review quotes the rules printed (入退院支援ルール's own section on it). */
  {
    RkBookletReviewItem *last = g_ptr_array_index (content->review, content->review->len - 1);

    g_assert_nonnull (strstr (last->text, "病院連絡会の意見を聴いて"));
  }

  /* Not asked for, not read. */
  g_assert_null (content->roster);
  g_assert_null (content->gantt);
  g_assert_cmpuint (content->history->len, ==, 0);
  g_assert_cmpuint (content->charts->len, ==, 0);
}

/* A version deleted for good (the store purges what was deleted when it closes): the composition read back has
 * lost the part, and the content says so rather than leaving the rules out silently. */
static void
test_content_purged_version (void)
{
  g_autofree char *path = new_path ("purged");
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBooklet) reread = NULL;
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(GError) error = NULL;
  RkStore *store = rk_test_open_demo (path);
  RkRuleVersion *latest = rk_store_get_latest_rule_version (store, rk_store_find_rule_document (store, 1));
  gint64 version_id = rk_rule_version_get_id (latest);

  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_booklet_find_part (booklet, RK_BOOKLET_PART_RULES, version_id), >=, 0);
  g_assert_true (rk_store_remove_rule_version (store, latest, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  reread = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_booklet_find_part (reread, RK_BOOKLET_PART_RULES, version_id), ==, -1);
  g_assert_cmpuint (reread->n_dropped, >=, 1);
  content = rk_booklet_content_new_from_store (store, reread, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (content, "deleted"));
  g_object_unref (store);
}

/* Exporting the booklet onto the council file that is open is refused without touching the file's locks: another
 * program reading the council afterwards (here Python's sqlite3, which checkpoints and removes the WAL when it
 * closes as the last user of the file) must not be able to take the WAL from under the open store, so edits made
 * after the refusal still reach the file. */
static void
test_export_onto_open_council (void)
{
  g_autofree char *path = new_path ("open");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  RkStore *store = rk_test_open_demo (path);
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strdup_printf ("import sqlite3; c = sqlite3.connect('%s'); "
                                             "c.execute('SELECT count(*) FROM booklet').fetchall(); c.close()", path);
  const char *argv[] = { "python3", "-c", script, NULL };
  int wait_status = 0;

  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_save_booklet (store, booklet, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  g_assert_false (rk_booklet_export (content, path, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_free (booklet->title);
  booklet->title = g_strdup ("拒否の後の編集");
  g_assert_true (rk_store_save_booklet (store, booklet, &error));
  g_assert_no_error (error);
  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = rk_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&booklet, rk_booklet_free);
  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (booklet->title, ==, "拒否の後の編集");
  g_object_unref (store);
}

/* A reference to a section that no longer exists is printed as rk_rule_missing_ref_text(), and the content says
 * where. */
static void
test_content_missing_ref (void)
{
  g_autofree char *path = new_path ("missing-ref");
  g_autoptr(RkStore) store = create_council (path);
  g_autofree char *uid = rk_rule_uid_new ();
  g_autofree char *ref = rk_rule_body_make_ref (uid);
  g_autofree char *body = g_strdup_printf ("詳細は%sによる。", ref);
  RkRuleDocumentInfo info = { "急変時の連携ルール", NULL };
  const RkRuleSectionSpec specs[] = {
    { NULL, -1, RK_RULE_SECTION_TEXT, "目的", "救急搬送時の情報共有を定める。", NULL, 0 },
    { NULL, -1, RK_RULE_SECTION_TEXT, "手順", body, NULL, 0 },
  };
  g_autoptr(RkRuleDocument) document = NULL;
  g_autoptr(RkBooklet) booklet = rk_booklet_new ();
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(GError) error = NULL;

  document = rk_store_add_rule_document (store, &info, specs, G_N_ELEMENTS (specs), &error);
  g_assert_no_error (error);
  g_free (booklet->title);
  booklet->title = g_strdup ("連携ルール");
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES,
                       rk_rule_version_get_id (rk_store_get_latest_rule_version (store, document)));
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (content->parts->len, ==, 1);
  g_assert_cmpuint (content->warnings->len, ==, 1);
  g_assert_true (has_warning (content, "第2"));
  g_assert_true (has_warning (content, rk_rule_missing_ref_text ()));
}

/* An empty council: what has nothing to print is left out; the review still says how the rules are reviewed. */
static void
test_content_empty_council (void)
{
  g_autofree char *path = new_path ("content-empty");
  g_autoptr(RkStore) store = create_council (path);
  g_autoptr(RkBooklet) booklet = NULL;
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(GError) error = NULL;

  booklet = rk_store_get_booklet (store, &error);
  g_assert_no_error (error);
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < content->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (content->warnings, i));
  g_assert_true (has_warning (content, "Drafting History"));
  g_assert_true (has_warning (content, "Member List"));
  g_assert_true (has_warning (content, "Schedule"));
  g_assert_true (has_warning (content, "Indicators"));
  g_assert_cmpint (find_content_part (content, RK_BOOKLET_PART_COVER), ==, 0);
  g_assert_cmpint (find_content_part (content, RK_BOOKLET_PART_REVIEW), ==, 2);
  g_assert_cmpuint (content->parts->len, ==, 3);
  g_assert_cmpuint (content->review->len, ==, 2);

  /* No issue date: dated today (RK_TODAY), on the cover and in the metadata, so the PDF is reproducible. */
  g_assert_cmpstr (content->issue_label, ==, "令和7年(2025年)10月");
  g_assert_cmpint (g_date_time_get_year (content->creation_date), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (content->creation_date), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (content->creation_date), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (content->creation_date), ==, 0);
}

static void
test_content_issue_date (void)
{
  g_autofree char *path = new_path ("issue-date");
  g_autoptr(RkStore) store = create_council (path);
  g_autoptr(RkBooklet) booklet = rk_booklet_new ();
  g_autoptr(RkBookletContent) content = NULL;
  g_autoptr(RkBooklet) invalid = NULL;
  g_autoptr(GError) error = NULL;

  g_free (booklet->title);
  booklet->title = g_strdup ("連携ルール");
  booklet->issue_date = g_strdup ("2026-04-01");
  rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  content = rk_booklet_content_new_from_store (store, booklet, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content->issue_label, ==, "令和8年(2026年)4月");
  g_assert_cmpint (g_date_time_get_year (content->creation_date), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (content->creation_date), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (content->creation_date), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (content->creation_date), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (content->creation_date), ==, 0);

  /* An invalid composition is refused. */
  invalid = rk_booklet_copy (booklet);
  g_free (invalid->title);
  invalid->title = g_strdup (" ");
  g_assert_null (rk_booklet_content_new_from_store (store, invalid, &error));
  g_assert_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  test_dir = rk_test_core_init (&argc, &argv, "renkei-test-booklet-store-XXXXXX", TODAY);

  g_test_add_func ("/booklet-store/parts", test_parts);
  g_test_add_func ("/booklet-store/validate", test_validate);
  g_test_add_func ("/booklet-store/round-trip", test_round_trip);
  g_test_add_func ("/booklet-store/proposal-empty", test_proposal_empty);
  g_test_add_func ("/booklet-store/save-refused", test_save_refused);
  g_test_add_func ("/booklet-store/content-demo", test_content_demo);
  g_test_add_func ("/booklet-store/content-left-out", test_content_left_out);
  g_test_add_func ("/booklet-store/content-purged-version", test_content_purged_version);
  g_test_add_func ("/booklet-store/content-missing-ref", test_content_missing_ref);
  g_test_add_func ("/booklet-store/export-onto-open-council", test_export_onto_open_council);
  g_test_add_func ("/booklet-store/content-empty-council", test_content_empty_council);
  g_test_add_func ("/booklet-store/content-issue-date", test_content_issue_date);

  return rk_test_core_run ();
}

/* test-rule-diff.c — comparing versions of a rule: the character diff of Japanese text (hunks, cleanup, the budget
 * and its fallbacks, on fixed and random inputs) and the section matching (moved, reordered or only renumbered,
 * added, removed, changed) with the merged order and next/previous change. */

#include <string.h>

#include "rk-rule-diff.h"

/* ------------------------------------------------------------------------------------------------------------ */
/* Helpers */

/* Checks that @hunks are well formed against @old_text and returns the new text they describe: EQUAL and DELETE runs
 * must be the old text at their offsets, runs are non-empty valid UTF-8, offsets run on without gaps, and each
 * change is at most one DELETE followed by at most one INSERT. */
static char *
apply_hunks (const char *old_text,
             GArray     *hunks)
{
  GString *out = g_string_new (NULL);
  gsize old_at = 0, new_at = 0;

  for (guint i = 0; i < hunks->len; i++)
    {
      const RkTextDiffHunk *h = &g_array_index (hunks, RkTextDiffHunk, i);

      g_assert_cmpuint (h->length, >, 0);
      g_assert_cmpuint (strlen (h->text), ==, h->length);
      g_assert_true (g_utf8_validate (h->text, -1, NULL));
      g_assert_cmpuint (h->old_offset, ==, old_at);
      g_assert_cmpuint (h->new_offset, ==, new_at);
      if (i > 0)
        {
          const RkTextDiffHunk *p = &g_array_index (hunks, RkTextDiffHunk, i - 1);
          g_assert_cmpint (p->op, !=, h->op);
          g_assert_false (p->op == RK_TEXT_DIFF_INSERT && h->op == RK_TEXT_DIFF_DELETE);
        }
      if (h->op != RK_TEXT_DIFF_INSERT)
        {
          g_assert_cmpuint (old_at + h->length, <=, strlen (old_text));
          g_assert_true (memcmp (old_text + old_at, h->text, h->length) == 0);
          old_at += h->length;
        }
      if (h->op != RK_TEXT_DIFF_DELETE)
        {
          g_string_append_len (out, h->text, h->length);
          new_at += h->length;
        }
    }
  g_assert_cmpuint (old_at, ==, strlen (old_text));
  return g_string_free (out, FALSE);
}

static void
assert_roundtrip (const char *old_text,
                  const char *new_text,
                  GArray     *hunks)
{
  g_autofree char *rebuilt = apply_hunks (old_text, hunks);
  g_assert_cmpstr (rebuilt, ==, new_text);
}

/* No equal run of one character between two edits. */
static void
assert_no_lone_equal (GArray *hunks)
{
  for (guint i = 1; i + 1 < hunks->len; i++)
    {
      const RkTextDiffHunk *h = &g_array_index (hunks, RkTextDiffHunk, i);
      if (h->op == RK_TEXT_DIFF_EQUAL)
        g_assert_cmpint (g_utf8_strlen (h->text, -1), >, 1);
    }
}

/* "=救急隊は -主治 +在宅 =医に連絡する" */
static char *
describe (GArray *hunks)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hunks->len; i++)
    {
      const RkTextDiffHunk *h = &g_array_index (hunks, RkTextDiffHunk, i);
      g_string_append_printf (s, "%s%c%s", i > 0 ? " " : "", "=-+"[h->op], h->text);
    }
  return g_string_free (s, FALSE);
}

static void
check_diff (const char *old_text,
            const char *new_text,
            const char *expected)
{
  RkTextDiffGranularity how = RK_TEXT_DIFF_WHOLE;
  g_autoptr(GArray) hunks = rk_text_diff (old_text, new_text, &how);
  g_autofree char *got = describe (hunks);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (how, ==, RK_TEXT_DIFF_BY_CHARACTER);
  assert_roundtrip (old_text != NULL ? old_text : "", new_text, hunks);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Text */

static void
test_text_japanese (void)
{
  check_diff ("救急隊は主治医に連絡する", "救急隊は在宅医に連絡する", "=救急隊は -主治 +在宅 =医に連絡する");
  /* One character. */
  check_diff ("家族に連絡する", "家族へ連絡する", "=家族 -に +へ =連絡する");
  /* Two nearby edits with one character between them read as one replacement. */
  check_diff ("主治医に連絡", "在宅医へ連絡", "-主治医に +在宅医へ =連絡");
}

static void
test_text_edges (void)
{
  check_diff ("連絡する", "必ず連絡する", "+必ず =連絡する");
  check_diff ("必ず連絡する", "連絡する", "-必ず =連絡する");
  check_diff ("連絡する", "連絡する。", "=連絡する +。");
  check_diff ("連絡する。", "連絡する", "=連絡する -。");
  check_diff ("", "在宅医", "+在宅医");
  check_diff ("在宅医", "", "-在宅医");
  check_diff ("同じ文。", "同じ文。", "=同じ文。");
  check_diff ("", "", "");
  check_diff (NULL, "新", "+新");
  /* A whole-sentence insertion lands on the sentence boundary, not in the middle of a repeated word. */
  check_diff ("救急隊に連絡する。家族に説明する。", "救急隊に連絡する。主治医に連絡する。家族に説明する。",
              "=救急隊に連絡する。 +主治医に連絡する。 =家族に説明する。");
}

static void
test_text_astral (void)
{
  g_autoptr(GArray) hunks = NULL;

  /* 😀 U+1F600 and 👍 U+1F44D share their first two UTF-8 bytes: a byte diff would split them. */
  check_diff ("家族😀に連絡", "家族👍に連絡", "=家族 -😀 +👍 =に連絡");
  /* CJK extension B (𠮟 U+20B9F) against its common variant 叱. */
  check_diff ("𠮟責しない", "叱責しない", "-𠮟 +叱 =責しない");
  check_diff ("🏥病院", "🏥🚑病院", "=🏥 +🚑 =病院");

  /* Invalid UTF-8 is repaired, never split further. */
  hunks = rk_text_diff ("連絡\xff先", "連絡先", NULL);
  for (guint i = 0; i < hunks->len; i++)
    g_assert_true (g_utf8_validate (g_array_index (hunks, RkTextDiffHunk, i).text, -1, NULL));
  g_assert_true (rk_text_diff_has_changes (hunks));
}

static const char *const alphabet[] = {
  "救", "急", "隊", "は", "在", "宅", "医", "に", "連", "絡", "す", "る", "。", "、", "の", "看", "取", "り", "ア",
  "カ", "ー", "1", "a", " ", "\n", "😀", "𠮟", "！", "？", "を",
};

static char *
random_text (GRand *rand,
             int    max_chars)
{
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, max_chars + 1);

  for (int i = 0; i < n; i++)
    g_string_append (s, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
  return g_string_free (s, FALSE);
}

/* A copy of @text with a few random insertions, deletions and replacements, on character boundaries. */
static char *
mutate (GRand      *rand,
        const char *text,
        int         edits)
{
  GString *s = g_string_new (text);

  for (int e = 0; e < edits; e++)
    {
      glong chars = g_utf8_strlen (s->str, -1);
      glong at = g_rand_int_range (rand, 0, chars + 1);
      gsize byte = g_utf8_offset_to_pointer (s->str, at) - s->str;
      int what = g_rand_int_range (rand, 0, 3);

      if (what != 0 && at < chars)
        {
          glong want = g_rand_int_range (rand, 1, 6); /* not inside MIN (): it would be drawn twice */
          glong span = MIN (chars - at, want);
          gsize end = g_utf8_offset_to_pointer (s->str + byte, span) - s->str;
          g_string_erase (s, byte, end - byte);
        }
      if (what != 1)
        for (int k = g_rand_int_range (rand, 1, 6); k > 0; k--)
          g_string_insert (s, byte, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
    }
  return g_string_free (s, FALSE);
}

/* A copy of @text with an edit at about one character in @every, in one pass (for large texts). */
static char *
mutate_dense (GRand      *rand,
              const char *text,
              int         every)
{
  GString *s = g_string_sized_new (strlen (text) + 1024);

  for (const char *p = text; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);

      if (g_rand_int_range (rand, 0, every) != 0)
        g_string_append_len (s, p, next - p);
      else
        {
          int what = g_rand_int_range (rand, 0, 3);
          if (what != 1)
            for (int k = g_rand_int_range (rand, 1, 6); k > 0; k--)
              g_string_append (s, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet) - 6)]);
          if (what == 1)
            for (int k = g_rand_int_range (rand, 1, 5); k > 0 && *next != '\0'; k--)
              next = g_utf8_next_char (next);
          else if (what == 0)
            g_string_append_len (s, p, next - p);
        }
      p = next;
    }
  return g_string_free (s, FALSE);
}

static void
test_text_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251124);
  /* 0 is the default budget; the small ones force the sentence and whole-text fallbacks. */
  const guint64 budgets[] = { 0, 40, 400, 4000 };
  guint fallbacks = 0;

  for (int round = 0; round < 600; round++)
    {
      g_autofree char *old_text = random_text (rand, 120);
      g_autofree char *new_text = round % 5 == 0 ? random_text (rand, 120)
                                                 : mutate (rand, old_text, g_rand_int_range (rand, 0, 8));
      guint64 budget = budgets[round % G_N_ELEMENTS (budgets)];
      RkTextDiffGranularity how;
      g_autoptr(GArray) hunks = rk_text_diff_with_budget (old_text, new_text, budget, &how);

      assert_roundtrip (old_text, new_text, hunks);
      assert_no_lone_equal (hunks);
      g_assert_cmpint (rk_text_diff_has_changes (hunks), ==, strcmp (old_text, new_text) != 0);
      if (how != RK_TEXT_DIFF_BY_CHARACTER)
        fallbacks++;
      if (budget == 0)
        g_assert_cmpint (how, ==, RK_TEXT_DIFF_BY_CHARACTER);
    }
  /* The small budgets really took the other paths. */
  g_assert_cmpuint (fallbacks, >, 50);
}

/* About 1 MB of Japanese sentences as one paragraph (no newline), varied so that sentences rarely repeat. */
static char *
big_paragraph (GRand *rand,
               gsize  bytes)
{
  static const char *const parts[] = {
    "救急隊は", "主治医に", "連絡する", "訪問看護師が", "本人の意思を", "確認し", "家族に", "説明する",
    "在宅医療の", "連携シートを", "更新した上で", "必要に応じて", "病院へ", "搬送する", "看取りの",
    "方針について", "地域包括支援センターと", "共有する",
  };
  GString *s = g_string_sized_new (bytes + 256);
  guint sentence = 0;

  while (s->len < bytes)
    {
      int words = g_rand_int_range (rand, 4, 12);
      for (int w = 0; w < words; w++)
        g_string_append (s, parts[g_rand_int_range (rand, 0, G_N_ELEMENTS (parts))]);
      g_string_append_printf (s, "（第%u項）。", sentence++);
    }
  return g_string_free (s, FALSE);
}

static void
test_text_megabyte (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *old_text = big_paragraph (rand, 1024 * 1024);
  g_autofree char *light = mutate (rand, old_text, 30);
  g_autofree char *moderate = mutate_dense (rand, old_text, 100);
  g_autofree char *heavy = mutate_dense (rand, old_text, 20);
  RkTextDiffGranularity how;
  gint64 start;
  double seconds;

  {
    g_autoptr(GArray) hunks = NULL;

    start = g_get_monotonic_time ();
    hunks = rk_text_diff (old_text, old_text, &how);
    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("1 MB identical: %.3f s", seconds);
    g_assert_cmpfloat (seconds, <, 1.0);
    g_assert_cmpuint (hunks->len, ==, 1);
    g_assert_false (rk_text_diff_has_changes (hunks));
  }
  {
    g_autoptr(GArray) hunks = NULL;

    start = g_get_monotonic_time ();
    hunks = rk_text_diff (old_text, light, &how);
    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("1 MB with 30 edits: %.3f s, %u hunks, granularity %d", seconds, hunks->len, how);
    g_assert_cmpfloat (seconds, <, 5.0);
    g_assert_cmpint (how, ==, RK_TEXT_DIFF_BY_CHARACTER);
    assert_roundtrip (old_text, light, hunks);
  }
  {
    g_autoptr(GArray) hunks = NULL;

    /* About 3,500 edits: beyond the character budget, within the sentence one. */
    start = g_get_monotonic_time ();
    hunks = rk_text_diff (old_text, moderate, &how);
    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("1 MB with an edit every 100 characters: %.3f s, %u hunks, granularity %d", seconds,
                    hunks->len, how);
    g_assert_cmpfloat (seconds, <, 5.0);
    g_assert_cmpint (how, ==, RK_TEXT_DIFF_BY_SENTENCE);
    assert_roundtrip (old_text, moderate, hunks);
    assert_no_lone_equal (hunks);
  }
  {
    g_autoptr(GArray) hunks = NULL;

    /* Edits everywhere: too different to align even by sentence within the budget, so replaced whole. */
    start = g_get_monotonic_time ();
    hunks = rk_text_diff (old_text, heavy, &how);
    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("1 MB with an edit every 20 characters: %.3f s, %u hunks, granularity %d", seconds,
                    hunks->len, how);
    g_assert_cmpfloat (seconds, <, 5.0);
    g_assert_cmpint (how, ==, RK_TEXT_DIFF_WHOLE);
    g_assert_cmpint (how, !=, RK_TEXT_DIFF_BY_CHARACTER);
    assert_roundtrip (old_text, heavy, hunks);
  }
  {
    g_autoptr(GArray) hunks = NULL;
    g_autofree char *other = big_paragraph (rand, 1024 * 1024);

    /* Two unrelated megabytes. */
    start = g_get_monotonic_time ();
    hunks = rk_text_diff (old_text, other, &how);
    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("1 MB against another: %.3f s, %u hunks, granularity %d", seconds, hunks->len, how);
    g_assert_cmpfloat (seconds, <, 5.0);
    assert_roundtrip (old_text, other, hunks);
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sections */

#define S(uid, parent, pos, label, heading, body) { uid, parent, pos, label, heading, body }

static const RkRuleDiffEntry *
entry_at (RkRuleDiff *diff,
          guint       i)
{
  g_assert_cmpuint (i, <, diff->entries->len);
  return g_ptr_array_index (diff->entries, i);
}

static const RkRuleDiffEntry *
entry_by_uid (RkRuleDiff *diff,
              const char *uid)
{
  for (guint i = 0; i < diff->entries->len; i++)
    if (g_strcmp0 (entry_at (diff, i)->uid, uid) == 0)
      return entry_at (diff, i);
  g_assert_not_reached ();
  return NULL;
}

/* "uid:kind@depth …" in merged order, kinds as u r c m a d. */
static char *
describe_entries (RkRuleDiff *diff)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < diff->entries->len; i++)
    {
      const RkRuleDiffEntry *e = entry_at (diff, i);
      g_string_append_printf (s, "%s%s:%c@%u", i > 0 ? " " : "", e->uid, "urcmad"[e->kind], e->depth);
    }
  return g_string_free (s, FALSE);
}

static void
test_sections_unchanged (void)
{
  const RkRuleDiffSection v[] = {
    S ("purpose", NULL, 0, "第1", "目的", "この規程は…"),
    S ("scope", NULL, 1, "第2", "対象", "在宅療養者"),
    S ("scope-ex", "scope", 0, "1", "除外", "外因性の心肺停止"),
  };
  g_autoptr(RkRuleDiff) diff = rk_rule_diff_new (v, G_N_ELEMENTS (v), v, G_N_ELEMENTS (v));
  g_autofree char *got = describe_entries (diff);

  g_assert_cmpstr (got, ==, "purpose:u@0 scope:u@0 scope-ex:u@1");
  g_assert_cmpuint (diff->changes->len, ==, 0);
  g_assert_cmpuint (diff->n_unchanged, ==, 3);
  g_assert_cmpint (rk_rule_diff_step_change (diff, -1, TRUE), ==, -1);
  g_assert_false (rk_text_diff_has_changes (entry_at (diff, 2)->body_hunks));
}

static void
test_sections_moved_parent (void)
{
  const RkRuleDiffSection old_v[] = {
    S ("a", NULL, 0, "第1", "通報", ""),
    S ("a1", "a", 0, "1", "119番", "救急要請"),
    S ("b", NULL, 1, "第2", "現着", ""),
  };
  /* a1 moves under b; an empty parent uid is top level too. */
  const RkRuleDiffSection new_v[] = {
    S ("b", "", 1, "第2", "現着", ""),
    S ("a", "", 0, "第1", "通報", ""),
    S ("a1", "b", 0, "1", "119番", "救急要請"),
  };
  g_autoptr(RkRuleDiff) diff = rk_rule_diff_new (old_v, G_N_ELEMENTS (old_v), new_v, G_N_ELEMENTS (new_v));
  g_autofree char *got = describe_entries (diff);
  const RkRuleDiffEntry *a1;

  g_assert_cmpstr (got, ==, "a:u@0 b:u@0 a1:m@1");
  a1 = entry_by_uid (diff, "a1");
  g_assert_cmpint (a1->flags, ==, RK_RULE_DIFF_FLAG_PARENT_CHANGED);
  g_assert_cmpstr (a1->old_parent_uid, ==, "a");
  g_assert_cmpstr (a1->new_parent_uid, ==, "b");
  g_assert_cmpint (a1->old_index, ==, 1);
  g_assert_cmpint (a1->new_index, ==, 2);
  g_assert_cmpuint (diff->n_moved, ==, 1);
  g_assert_cmpuint (diff->changes->len, ==, 1);
  g_assert_cmpint (g_array_index (diff->changes, RkRuleDiffChange, 0).field, ==, RK_RULE_DIFF_FIELD_SECTION);
}

static void
test_sections_reordered_vs_renumbered (void)
{
  const RkRuleDiffSection old_v[] = {
    S ("a", NULL, 0, "第1", "目的", ""),
    S ("b", NULL, 1, "第2", "対象", ""),
    S ("c", NULL, 2, "第3", "手順", ""),
    S ("d", NULL, 3, "第4", "連絡先", ""),
  };
  /* A new section before all of them: everything renumbers, nothing moves. */
  const RkRuleDiffSection inserted[] = {
    S ("new", NULL, 0, "第1", "はじめに", "新設"),
    S ("a", NULL, 1, "第2", "目的", ""),
    S ("b", NULL, 2, "第3", "対象", ""),
    S ("c", NULL, 3, "第4", "手順", ""),
    S ("d", NULL, 4, "第5", "連絡先", ""),
  };
  /* d brought to the front (Alt+Up three times): d moved, the others only renumbered. */
  const RkRuleDiffSection reordered[] = {
    S ("d", NULL, 0, "第1", "連絡先", ""),
    S ("a", NULL, 1, "第2", "目的", ""),
    S ("b", NULL, 2, "第3", "対象", ""),
    S ("c", NULL, 3, "第4", "手順", ""),
  };
  /* b and c swapped: one of them moved (c, which went up past b), b only renumbered. */
  const RkRuleDiffSection swapped[] = {
    S ("a", NULL, 0, "第1", "目的", ""),
    S ("c", NULL, 1, "第2", "手順", ""),
    S ("b", NULL, 2, "第3", "対象", ""),
    S ("d", NULL, 3, "第4", "連絡先", ""),
  };
  g_autoptr(RkRuleDiff) diff1 = rk_rule_diff_new (old_v, 4, inserted, 5);
  g_autoptr(RkRuleDiff) diff2 = rk_rule_diff_new (old_v, 4, reordered, 4);
  g_autoptr(RkRuleDiff) diff3 = rk_rule_diff_new (old_v, 4, swapped, 4);
  g_autofree char *got1 = describe_entries (diff1);
  g_autofree char *got2 = describe_entries (diff2);
  g_autofree char *got3 = describe_entries (diff3);

  g_assert_cmpstr (got1, ==, "new:a@0 a:r@0 b:r@0 c:r@0 d:r@0");
  g_assert_cmpstr (entry_by_uid (diff1, "a")->old_label, ==, "第1");
  g_assert_cmpstr (entry_by_uid (diff1, "a")->new_label, ==, "第2");
  g_assert_cmpint (entry_by_uid (diff1, "d")->flags, ==, RK_RULE_DIFF_FLAG_RENUMBERED);
  /* Renumbering is not a stop for next/previous: only the added section is. */
  g_assert_cmpuint (diff1->changes->len, ==, 1);
  g_assert_cmpuint (diff1->n_renumbered, ==, 4);

  g_assert_cmpstr (got2, ==, "d:m@0 a:r@0 b:r@0 c:r@0");
  g_assert_cmpint (entry_by_uid (diff2, "d")->flags, ==, RK_RULE_DIFF_FLAG_REORDERED | RK_RULE_DIFF_FLAG_RENUMBERED);

  g_assert_cmpstr (got3, ==, "a:u@0 c:m@0 b:r@0 d:u@0");
}

static void
test_sections_added_removed (void)
{
  const RkRuleDiffSection old_v[] = {
    S ("a", NULL, 0, "第1", "目的", "目的の本文"),
    S ("a1", "a", 0, "1", "背景", "背景の本文"),
    S ("a2", "a", 1, "2", "経緯", "経緯の本文"),
    S ("a3", "a", 2, "3", "用語", "用語の本文"),
    S ("b", NULL, 1, "第2", "旧章", "旧章の本文"),
    S ("b1", "b", 0, "1", "旧節", "旧節の本文"),
    S ("c", NULL, 2, "第3", "連絡先", "一覧"),
  };
  /* a2 removed (a3 renumbered), b removed with its child, x added at the end, a4 added under a. */
  const RkRuleDiffSection new_v[] = {
    S ("a", NULL, 0, "第1", "目的", "目的の本文"),
    S ("a1", "a", 0, "1", "背景", "背景の本文"),
    S ("a3", "a", 1, "2", "用語", "用語の本文"),
    S ("a4", "a", 2, "3", "新設", "新しい本文"),
    S ("c", NULL, 1, "第2", "連絡先", "一覧"),
    S ("x", NULL, 2, "第3", "運用", "毎年見直す"),
  };
  g_autoptr(RkRuleDiff) diff = rk_rule_diff_new (old_v, G_N_ELEMENTS (old_v), new_v, G_N_ELEMENTS (new_v));
  g_autofree char *got = describe_entries (diff);
  const RkRuleDiffEntry *b1, *x;

  g_assert_cmpstr (got, ==, "a:u@0 a1:u@1 a2:d@1 a3:r@1 a4:a@1 b:d@0 b1:d@1 c:r@0 x:a@0");
  b1 = entry_by_uid (diff, "b1");
  g_assert_null (b1->new_label);
  g_assert_null (b1->new_body);
  g_assert_cmpint (b1->new_index, ==, -1);
  g_assert_cmpstr (b1->old_body, ==, "旧節の本文");
  g_assert_cmpuint (b1->body_hunks->len, ==, 1);
  g_assert_cmpint (g_array_index (b1->body_hunks, RkTextDiffHunk, 0).op, ==, RK_TEXT_DIFF_DELETE);
  x = entry_by_uid (diff, "x");
  g_assert_null (x->old_label);
  g_assert_cmpint (x->old_index, ==, -1);
  g_assert_cmpint (g_array_index (x->heading_hunks, RkTextDiffHunk, 0).op, ==, RK_TEXT_DIFF_INSERT);
  g_assert_cmpstr (g_array_index (x->heading_hunks, RkTextDiffHunk, 0).text, ==, "運用");
  g_assert_cmpuint (diff->n_added, ==, 2);
  g_assert_cmpuint (diff->n_removed, ==, 3);
  g_assert_cmpuint (diff->changes->len, ==, 5);
}

static void
test_sections_changed_text (void)
{
  const RkRuleDiffSection old_v[] = {
    S ("call", NULL, 0, "第1", "119番通報", "救急隊は主治医に連絡する。"),
    S ("wish", NULL, 1, "第2", "意思の確認", "本人の意思を確認する。"),
  };
  const RkRuleDiffSection new_v[] = {
    S ("call", NULL, 0, "第1", "119番通報", "救急隊は在宅医に連絡する。"),
    S ("wish", NULL, 1, "第2", "本人の意思の確認", "本人の意思を確認する。"),
  };
  g_autoptr(RkRuleDiff) diff = rk_rule_diff_new (old_v, 2, new_v, 2);
  const RkRuleDiffEntry *call = entry_by_uid (diff, "call"), *wish = entry_by_uid (diff, "wish");
  g_autofree char *body = describe (call->body_hunks);
  g_autofree char *heading = describe (wish->heading_hunks);
  const RkRuleDiffChange *change;

  g_assert_cmpint (call->kind, ==, RK_RULE_DIFF_CHANGED);
  g_assert_cmpint (call->flags, ==, RK_RULE_DIFF_FLAG_BODY_CHANGED);
  g_assert_cmpstr (body, ==, "=救急隊は -主治 +在宅 =医に連絡する。");
  g_assert_false (rk_text_diff_has_changes (call->heading_hunks));

  /* Heading only. */
  g_assert_cmpint (wish->kind, ==, RK_RULE_DIFF_CHANGED);
  g_assert_cmpint (wish->flags, ==, RK_RULE_DIFF_FLAG_HEADING_CHANGED);
  g_assert_cmpstr (heading, ==, "+本人の =意思の確認");
  g_assert_false (rk_text_diff_has_changes (wish->body_hunks));

  g_assert_cmpuint (diff->changes->len, ==, 2);
  change = &g_array_index (diff->changes, RkRuleDiffChange, 0);
  g_assert_cmpuint (change->entry, ==, 0);
  g_assert_cmpint (change->field, ==, RK_RULE_DIFF_FIELD_BODY);
  g_assert_cmpint (change->hunk, ==, 1);
  g_assert_cmpuint (change->n_hunks, ==, 2);
  change = &g_array_index (diff->changes, RkRuleDiffChange, 1);
  g_assert_cmpuint (change->entry, ==, 1);
  g_assert_cmpint (change->field, ==, RK_RULE_DIFF_FIELD_HEADING);
  g_assert_cmpint (change->hunk, ==, 0);
  g_assert_cmpuint (change->n_hunks, ==, 1);
}

static void
test_sections_navigation (void)
{
  const RkRuleDiffSection old_v[] = {
    S ("a", NULL, 0, "第1", "目的", "連絡する。家族に説明する。"),
    S ("b", NULL, 1, "第2", "対象", "在宅療養者"),
    S ("c", NULL, 2, "第3", "手順", "救急隊が搬送する"),
    S ("d", NULL, 3, "第4", "連絡先", "一覧"),
    S ("e", NULL, 4, "第5", "運用", "毎年"),
  };
  /* a: two separate body changes; b: removed; c: moved under d and its heading changed; f: added; e unchanged. */
  const RkRuleDiffSection new_v[] = {
    S ("a", NULL, 0, "第1", "目的", "必ず連絡する。家族に十分に説明する。"),
    S ("d", NULL, 1, "第2", "連絡先", "一覧"),
    S ("c", "d", 0, "1", "搬送の手順", "救急隊が搬送する"),
    S ("f", NULL, 2, "第3", "Q&A", "問答"),
    S ("e", NULL, 3, "第4", "運用", "毎年"),
  };
  g_autoptr(RkRuleDiff) diff = rk_rule_diff_new (old_v, 5, new_v, 5);
  g_autofree char *got = describe_entries (diff);
  GString *stops = g_string_new (NULL);
  g_autofree char *stops_text = NULL;
  int i, count = 0;

  g_assert_cmpstr (got, ==, "a:c@0 b:d@0 d:r@0 c:m@1 f:a@0 e:r@0");
  g_assert_cmpint (entry_by_uid (diff, "c")->flags, ==,
                   RK_RULE_DIFF_FLAG_PARENT_CHANGED | RK_RULE_DIFF_FLAG_RENUMBERED | RK_RULE_DIFF_FLAG_HEADING_CHANGED);

  /* Forward from the top visits every stop in document order. */
  for (i = rk_rule_diff_step_change (diff, -1, TRUE); i >= 0; i = rk_rule_diff_step_change (diff, i, TRUE))
    {
      const RkRuleDiffChange *c = &g_array_index (diff->changes, RkRuleDiffChange, i);
      g_string_append_printf (stops, "%s%s/%c%d", count++ > 0 ? " " : "", entry_at (diff, c->entry)->uid,
                              "shb"[c->field], c->hunk);
    }
  stops_text = g_string_free (stops, FALSE);
  g_assert_cmpstr (stops_text, ==, "a/b0 a/b2 b/s-1 c/s-1 c/h0 f/s-1");

  /* Backward from the bottom is the same in reverse. */
  g_assert_cmpint (rk_rule_diff_step_change (diff, -1, FALSE), ==, 5);
  g_assert_cmpint (rk_rule_diff_step_change (diff, 5, FALSE), ==, 4);
  g_assert_cmpint (rk_rule_diff_step_change (diff, 0, FALSE), ==, -1);
  g_assert_cmpint (rk_rule_diff_step_change (diff, 5, TRUE), ==, -1);

  /* From a scrolled position: entry 2 (d, only renumbered) has no stop; the next is in c, the previous in b. */
  g_assert_cmpint (rk_rule_diff_find_change (diff, 2, TRUE), ==, 3);
  g_assert_cmpint (rk_rule_diff_find_change (diff, 2, FALSE), ==, 2);
  g_assert_cmpint (rk_rule_diff_find_change (diff, 0, TRUE), ==, 0);
  g_assert_cmpint (rk_rule_diff_find_change (diff, 0, FALSE), ==, 1);
  g_assert_cmpint (rk_rule_diff_find_change (diff, 5, TRUE), ==, -1);
  g_assert_cmpint (rk_rule_diff_find_change (diff, 5, FALSE), ==, 5);
}

static void
test_sections_damaged (void)
{
  /* A parent cycle, a duplicate uid, an unknown parent, positions out of array order, NULL texts. */
  const RkRuleDiffSection old_v[] = {
    S ("p", "q", 0, "第1", "甲", NULL),
    S ("q", "p", 0, "1", "乙", NULL),
    S ("r", "missing", 5, "第2", NULL, "本文"),
    S ("r", NULL, 6, "第3", "重複", "二つ目"),
  };
  const RkRuleDiffSection new_v[] = {
    S ("r", NULL, 9, "第2", NULL, "本文"),
    S ("p", NULL, 0, "第1", "甲", NULL),
  };
  g_autoptr(RkRuleDiff) diff = rk_rule_diff_new (old_v, 4, new_v, 2);

  /* Every section of both versions is in the result: nothing lost. */
  g_assert_cmpuint (diff->entries->len, ==, 4);
  g_assert_cmpint (entry_by_uid (diff, "p")->kind, !=, RK_RULE_DIFF_ADDED);
  g_assert_cmpint (entry_at (diff, diff->entries->len - 1)->kind, ==, RK_RULE_DIFF_REMOVED);
  g_assert_cmpuint (diff->n_removed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-diff/text/japanese", test_text_japanese);
  g_test_add_func ("/rule-diff/text/edges", test_text_edges);
  g_test_add_func ("/rule-diff/text/astral", test_text_astral);
  g_test_add_func ("/rule-diff/text/random", test_text_random);
  g_test_add_func ("/rule-diff/text/megabyte", test_text_megabyte);
  g_test_add_func ("/rule-diff/sections/unchanged", test_sections_unchanged);
  g_test_add_func ("/rule-diff/sections/moved-parent", test_sections_moved_parent);
  g_test_add_func ("/rule-diff/sections/reordered-vs-renumbered", test_sections_reordered_vs_renumbered);
  g_test_add_func ("/rule-diff/sections/added-removed", test_sections_added_removed);
  g_test_add_func ("/rule-diff/sections/changed-text", test_sections_changed_text);
  g_test_add_func ("/rule-diff/sections/navigation", test_sections_navigation);
  g_test_add_func ("/rule-diff/sections/damaged", test_sections_damaged);

  return g_test_run ();
}

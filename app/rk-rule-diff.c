/* rk-rule-diff.c — comparing two versions of a rule: sections by uid, text by character (see rk-rule-diff.h).
 *
 * The text diff works on arrays of code points (never on bytes, so a multibyte character is never split) and on a
 * list of (op, length) runs; the positions of a run in both texts follow from the runs before it, which keeps the
 * cleanup passes simple and linear. Myers' bisection is the one of Neil Fraser's diff-match-patch (middle snake,
 * divide and conquer, linear space), with a deterministic work budget instead of a clock so results never depend on
 * the machine's load. */

#include "rk-rule-diff.h"

#include <string.h>

#include "rk-store-rules.h"

/* ------------------------------------------------------------------------------------------------------------ */
/* Runs */

/* Internal only: an equality that the semantic pass turned into a replacement (deleted and inserted), folded into
 * its neighbours by the next merge. */
#define OP_REPLACE 3

typedef struct {
  guint8 op;
  glong  len;
} Run;

typedef struct {
  guint64 units;
  guint64 budget;
} Budget;

static inline gboolean
budget_exhausted (const Budget *budget)
{
  return budget->units > budget->budget;
}

/* Appends a run, joining it to the last one when they are the same operation. */
static void
emit (GArray *runs,
      guint8  op,
      glong   len)
{
  if (len <= 0)
    return;
  if (runs->len > 0)
    {
      Run *last = &g_array_index (runs, Run, runs->len - 1);
      if (last->op == op)
        {
          last->len += len;
          return;
        }
    }
  g_array_append_val (runs, ((Run) { op, len }));
}

static glong
common_prefix (const gunichar *a,
               glong           n,
               const gunichar *b,
               glong           m)
{
  glong limit = MIN (n, m), i = 0;

  while (i < limit && a[i] == b[i])
    i++;
  return i;
}

static glong
common_suffix (const gunichar *a,
               glong           n,
               const gunichar *b,
               glong           m)
{
  glong limit = MIN (n, m), i = 0;

  while (i < limit && a[n - 1 - i] == b[m - 1 - i])
    i++;
  return i;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Myers O(ND), linear space */

static gboolean diff_main (Budget *budget, const gunichar *a, glong n, const gunichar *b, glong m, GArray *runs);

/* The largest D whose D² rounds fit in @left units, and a little more. */
static glong
sqrt_budget_cap (guint64 left)
{
  guint64 lo = 0, hi = 1u << 31;

  while (lo < hi)
    {
      guint64 mid = (lo + hi + 1) / 2;
      if (mid * mid <= left)
        lo = mid;
      else
        hi = mid - 1;
    }
  return (glong) lo + 2;
}

/* Finds the middle snake of a and b (both non-empty, no common prefix or suffix) and recurses on both halves.
 * FALSE when the budget ran out. */
static gboolean
diff_bisect (Budget         *budget,
             const gunichar *a,
             glong           n,
             const gunichar *b,
             glong           m,
             GArray         *runs)
{
  glong max_d = (n + m + 1) / 2;
  guint64 left = budget->budget > budget->units ? budget->budget - budget->units : 0;
  /* Every round d visits about 2d diagonals, so D rounds cost at least D²: the budget bounds D, and with it the
   * size of the arrays. */
  glong d_cap = MIN (max_d, (glong) sqrt_budget_cap (left));
  glong v_offset = d_cap + 1, v_length = 2 * d_cap + 3;
  g_autofree glong *v1 = g_new (glong, v_length);
  g_autofree glong *v2 = g_new (glong, v_length);
  glong delta = n - m;
  gboolean front = (delta % 2 != 0);
  glong k1start = 0, k1end = 0, k2start = 0, k2end = 0;

  for (glong i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (glong d = 0; d < d_cap; d++)
    {
      guint64 work = 0;

      for (glong k1 = -d + k1start; k1 <= d - k1end; k1 += 2)
        {
          glong k1_offset = v_offset + k1, x1, y1;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;
          work++;
          while (x1 < n && y1 < m && a[x1] == b[y1])
            {
              x1++;
              y1++;
              work++;
            }
          v1[k1_offset] = x1;
          if (x1 > n)
            k1end += 2;
          else if (y1 > m)
            k1start += 2;
          else if (front)
            {
              glong k2_offset = v_offset + delta - k1;
              if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1 && x1 >= n - v2[k2_offset])
                {
                  budget->units += work;
                  return diff_main (budget, a, x1, b, y1, runs)
                         && diff_main (budget, a + x1, n - x1, b + y1, m - y1, runs);
                }
            }
        }

      for (glong k2 = -d + k2start; k2 <= d - k2end; k2 += 2)
        {
          glong k2_offset = v_offset + k2, x2, y2;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;
          work++;
          while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
            {
              x2++;
              y2++;
              work++;
            }
          v2[k2_offset] = x2;
          if (x2 > n)
            k2end += 2;
          else if (y2 > m)
            k2start += 2;
          else if (!front)
            {
              glong k1_offset = v_offset + delta - k2;
              if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1)
                {
                  glong x1 = v1[k1_offset];
                  glong y1 = v_offset + x1 - k1_offset;
                  if (x1 >= n - x2)
                    {
                      budget->units += work;
                      return diff_main (budget, a, x1, b, y1, runs)
                             && diff_main (budget, a + x1, n - x1, b + y1, m - y1, runs);
                    }
                }
            }
        }

      budget->units += work;
      if (budget_exhausted (budget))
        return FALSE;
    }

  if (d_cap < max_d)
    {
      budget->units = budget->budget + 1;
      return FALSE;
    }
  /* Only reachable when nothing at all is in common. */
  emit (runs, RK_TEXT_DIFF_DELETE, n);
  emit (runs, RK_TEXT_DIFF_INSERT, m);
  return TRUE;
}

static gboolean
diff_main (Budget         *budget,
           const gunichar *a,
           glong           n,
           const gunichar *b,
           glong           m,
           GArray         *runs)
{
  glong prefix, suffix;
  gboolean ok = TRUE;

  prefix = common_prefix (a, n, b, m);
  emit (runs, RK_TEXT_DIFF_EQUAL, prefix);
  a += prefix, b += prefix, n -= prefix, m -= prefix;
  suffix = common_suffix (a, n, b, m);
  n -= suffix, m -= suffix;
  budget->units += (guint64) (prefix + suffix) / 8 + 1; /* a tight loop: far cheaper than a diagonal */

  if (n == 0)
    emit (runs, RK_TEXT_DIFF_INSERT, m);
  else if (m == 0)
    emit (runs, RK_TEXT_DIFF_DELETE, n);
  else if (budget_exhausted (budget))
    ok = FALSE;
  else
    ok = diff_bisect (budget, a, n, b, m, runs);

  emit (runs, RK_TEXT_DIFF_EQUAL, suffix);
  return ok;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sentence fallback */

static inline gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == '\n';
}

/* Splits text into sentences, each ending after a sentence end (the last may have none): their starts, and the
 * text's length at the end. */
static GArray *
split_sentences (const gunichar *text,
                 glong           len)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (glong));
  glong start = 0;

  for (glong i = 0; i < len; i++)
    if (is_sentence_end (text[i]))
      {
        g_array_append_val (starts, start);
        start = i + 1;
      }
  if (start < len)
    g_array_append_val (starts, start);
  g_array_append_val (starts, len);
  return starts;
}

typedef struct {
  const gunichar *text;
  glong           len;
} Sentence;

static guint
sentence_hash (gconstpointer key)
{
  const Sentence *s = key;
  guint h = 2166136261u;

  for (glong i = 0; i < s->len; i++)
    h = (h ^ s->text[i]) * 16777619u;
  return h;
}

static gboolean
sentence_equal (gconstpointer x,
                gconstpointer y)
{
  const Sentence *s = x, *t = y;
  return s->len == t->len && memcmp (s->text, t->text, s->len * sizeof (gunichar)) == 0;
}

/* Each sentence as a number, equal sentences the same number: the "characters" of the sentence-level diff. */
static gunichar *
sentence_ids (GHashTable     *ids,
              GArray        **sentences_out,
              const gunichar *text,
              glong           len,
              GArray         *starts)
{
  guint n = starts->len - 1;
  gunichar *out = g_new (gunichar, MAX (n, 1));
  GArray *sentences = g_array_sized_new (FALSE, FALSE, sizeof (Sentence), n);

  for (guint i = 0; i < n; i++)
    {
      glong s = g_array_index (starts, glong, i), e = g_array_index (starts, glong, i + 1);
      Sentence key = { text + s, e - s };
      gpointer id;

      g_array_append_val (sentences, key);
      if (!g_hash_table_lookup_extended (ids, &key, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids));
          g_hash_table_insert (ids, &g_array_index (sentences, Sentence, i), id);
        }
      out[i] = GPOINTER_TO_UINT (id);
    }
  *sentences_out = sentences;
  return out;
}

/* A run of changed sentences: characters [a_start, a_start + a_len) of a replaced by [b_start, b_start + b_len)
 * of b, and how the character diff went. */
typedef struct {
  glong   a_start, a_len, b_start, b_len;
  GArray *runs; /* NULL: shown deleted and inserted whole */
} Region;

static int
region_compare_size (gconstpointer x,
                     gconstpointer y)
{
  const Region *const *r = x, *const *s = y;
  glong p = (*r)->a_len + (*r)->b_len, q = (*s)->a_len + (*s)->b_len;
  return p < q ? -1 : p > q;
}

/* The middle of the texts (no common prefix or suffix) compared by sentence, then each run of changed sentences
 * by character: smallest runs first, so that one huge run cannot spend the budget the small ones need. */
static RkTextDiffGranularity
diff_by_sentence (guint64         budget_units,
                  const gunichar *a,
                  glong           n,
                  const gunichar *b,
                  glong           m,
                  GArray         *runs)
{
  g_autoptr(GArray) a_starts = split_sentences (a, n);
  g_autoptr(GArray) b_starts = split_sentences (b, m);
  g_autoptr(GHashTable) ids = g_hash_table_new (sentence_hash, sentence_equal);
  g_autoptr(GArray) a_sentences = NULL;
  g_autoptr(GArray) b_sentences = NULL;
  g_autofree gunichar *a_ids = sentence_ids (ids, &a_sentences, a, n, a_starts);
  g_autofree gunichar *b_ids = sentence_ids (ids, &b_sentences, b, m, b_starts);
  g_autoptr(GArray) sentence_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_autoptr(GPtrArray) by_size = g_ptr_array_new ();
  Budget budget = { 0, budget_units };
  glong ai = 0, bi = 0, ac = 0, bc = 0;

  if (!diff_main (&budget, a_ids, a_starts->len - 1, b_ids, b_starts->len - 1, sentence_runs))
    {
      emit (runs, RK_TEXT_DIFF_DELETE, n);
      emit (runs, RK_TEXT_DIFF_INSERT, m);
      return RK_TEXT_DIFF_WHOLE;
    }

  /* Sentence runs to character runs, collecting the changed regions. Equal runs become regions with a_len = -1. */
  for (guint i = 0; i < sentence_runs->len;)
    {
      const Run *r = &g_array_index (sentence_runs, Run, i);
      Region region = { 0, };

      if (r->op == RK_TEXT_DIFF_EQUAL)
        {
          glong chars = g_array_index (a_starts, glong, ai + r->len) - ac;
          region = (Region) { ac, -1, bc, chars, NULL };
          ai += r->len, bi += r->len, ac += chars, bc += chars;
          i++;
        }
      else
        {
          glong a_end = ai, b_end = bi;
          for (; i < sentence_runs->len; i++)
            {
              r = &g_array_index (sentence_runs, Run, i);
              if (r->op == RK_TEXT_DIFF_EQUAL)
                break;
              if (r->op == RK_TEXT_DIFF_DELETE)
                a_end += r->len;
              else
                b_end += r->len;
            }
          region.a_start = ac;
          region.b_start = bc;
          region.a_len = g_array_index (a_starts, glong, a_end) - ac;
          region.b_len = g_array_index (b_starts, glong, b_end) - bc;
          ai = a_end, bi = b_end, ac += region.a_len, bc += region.b_len;
        }
      g_array_append_val (regions, region);
    }

  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);
      if (region->a_len > 0 && region->b_len > 0)
        g_ptr_array_add (by_size, region);
    }
  g_ptr_array_sort (by_size, region_compare_size);

  budget = (Budget) { 0, budget_units };
  for (guint i = 0; i < by_size->len && !budget_exhausted (&budget); i++)
    {
      Region *region = g_ptr_array_index (by_size, i);
      GArray *sub = g_array_new (FALSE, FALSE, sizeof (Run));

      if (diff_main (&budget, a + region->a_start, region->a_len, b + region->b_start, region->b_len, sub))
        region->runs = sub;
      else
        g_array_unref (sub);
    }

  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);

      if (region->a_len < 0)
        emit (runs, RK_TEXT_DIFF_EQUAL, region->b_len);
      else if (region->runs != NULL)
        {
          for (guint j = 0; j < region->runs->len; j++)
            {
              const Run *r = &g_array_index (region->runs, Run, j);
              emit (runs, r->op, r->len);
            }
          g_array_unref (region->runs);
        }
      else
        {
          emit (runs, RK_TEXT_DIFF_DELETE, region->a_len);
          emit (runs, RK_TEXT_DIFF_INSERT, region->b_len);
        }
    }
  return RK_TEXT_DIFF_BY_SENTENCE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Cleanup */

/* Joins runs of the same operation, puts each change as one DELETE then one INSERT, and moves the text a DELETE and
 * INSERT have in common at their start or end into the equalities around them. */
static GArray *
cleanup_merge (GArray         *runs,
               const gunichar *a,
               const gunichar *b)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Run), runs->len);
  glong ac = 0, bc = 0;

  for (guint i = 0; i < runs->len;)
    {
      const Run *r = &g_array_index (runs, Run, i);
      glong del = 0, ins = 0, k;

      if (r->op == RK_TEXT_DIFF_EQUAL)
        {
          emit (out, RK_TEXT_DIFF_EQUAL, r->len);
          ac += r->len, bc += r->len;
          i++;
          continue;
        }
      /* An equality emptied by a slide is no boundary. */
      for (; i < runs->len; i++)
        {
          r = &g_array_index (runs, Run, i);
          if (r->op == RK_TEXT_DIFF_EQUAL && r->len > 0)
            break;
          if (r->op != RK_TEXT_DIFF_INSERT)
            del += r->len;
          if (r->op != RK_TEXT_DIFF_DELETE)
            ins += r->len;
        }
      /* The text the change starts and ends with on both sides is not a change. */
      k = common_prefix (a + ac, del, b + bc, ins);
      emit (out, RK_TEXT_DIFF_EQUAL, k);
      ac += k, bc += k, del -= k, ins -= k;
      k = common_suffix (a + ac, del, b + bc, ins);
      emit (out, RK_TEXT_DIFF_DELETE, del - k);
      emit (out, RK_TEXT_DIFF_INSERT, ins - k);
      emit (out, RK_TEXT_DIFF_EQUAL, k);
      ac += del, bc += ins;
    }
  return out;
}

/* A lone edit between two equalities slides over them when its text repeats theirs ("A<ins>BA</ins>C" is
 * "<ins>AB</ins>AC"), which can make an equality vanish. TRUE when something moved. */
static gboolean
cleanup_shift (GArray         *runs,
               const gunichar *a,
               const gunichar *b)
{
  gboolean changed = FALSE;
  glong ac = 0, bc = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      Run *r = &g_array_index (runs, Run, i);

      if (i > 0 && i + 1 < runs->len && r->op != RK_TEXT_DIFF_EQUAL && r->len > 0)
        {
          Run *e1 = &g_array_index (runs, Run, i - 1), *e2 = &g_array_index (runs, Run, i + 1);

          if (e1->op == RK_TEXT_DIFF_EQUAL && e2->op == RK_TEXT_DIFF_EQUAL && e1->len > 0 && e2->len > 0)
            {
              const gunichar *src = r->op == RK_TEXT_DIFF_DELETE ? a : b;
              glong p = r->op == RK_TEXT_DIFF_DELETE ? ac : bc; /* where the edit starts in its own text */

              if (r->len >= e1->len
                  && memcmp (src + p + r->len - e1->len, src + p - e1->len, e1->len * sizeof (gunichar)) == 0)
                {
                  /* The edit ends with the equality before it: move it left over that equality. */
                  e2->len += e1->len;
                  ac -= e1->len, bc -= e1->len;
                  e1->len = 0;
                  changed = TRUE;
                }
              else if (r->len >= e2->len
                       && memcmp (src + p, src + p + r->len, e2->len * sizeof (gunichar)) == 0)
                {
                  e1->len += e2->len;
                  ac += e2->len, bc += e2->len;
                  e2->len = 0;
                  changed = TRUE;
                }
            }
        }
      if (r->op != RK_TEXT_DIFF_INSERT)
        ac += r->len;
      if (r->op != RK_TEXT_DIFF_DELETE)
        bc += r->len;
    }
  return changed;
}

static GArray *
merge_fully (GArray         *runs,
             const gunichar *a,
             const gunichar *b)
{
  GArray *merged = cleanup_merge (runs, a, b);

  g_array_unref (runs);
  for (int round = 0; round < 8 && cleanup_shift (merged, a, b); round++)
    {
      GArray *again = cleanup_merge (merged, a, b);
      g_array_unref (merged);
      merged = again;
    }
  return merged;
}

/* Folds every equality no longer than the edits on both sides of it (the larger of deletion and insertion on each
 * side) into them, as diff-match-patch's semantic cleanup does: a one-character equality between two edits never
 * survives. TRUE when something was folded; the runs then need merging. */
static gboolean
cleanup_semantic (GArray *runs)
{
  g_autoptr(GArray) equalities = g_array_new (FALSE, FALSE, sizeof (gint));
  gboolean changed = FALSE, have_last = FALSE;
  glong last_len = 0, ins1 = 0, del1 = 0, ins2 = 0, del2 = 0;

  for (gint i = 0; i < (gint) runs->len; i++)
    {
      Run *r = &g_array_index (runs, Run, i);

      if (r->op == RK_TEXT_DIFF_EQUAL)
        {
          g_array_append_val (equalities, i);
          ins1 = ins2, del1 = del2;
          ins2 = del2 = 0;
          last_len = r->len;
          have_last = TRUE;
          continue;
        }
      if (r->op != RK_TEXT_DIFF_DELETE)
        ins2 += r->len;
      if (r->op != RK_TEXT_DIFF_INSERT)
        del2 += r->len;
      if (have_last && last_len <= MAX (ins1, del1) && last_len <= MAX (ins2, del2))
        {
          gint eq = g_array_index (equalities, gint, equalities->len - 1);

          g_array_index (runs, Run, eq).op = OP_REPLACE;
          /* Drop this equality and re-examine the one before it, whose next edit just grew. */
          g_array_set_size (equalities, equalities->len - 1);
          if (equalities->len > 0)
            g_array_set_size (equalities, equalities->len - 1);
          i = equalities->len > 0 ? g_array_index (equalities, gint, equalities->len - 1) : -1;
          ins1 = del1 = ins2 = del2 = 0;
          have_last = FALSE;
          changed = TRUE;
        }
    }
  return changed;
}

static int
char_class (gunichar c)
{
  if (c == 0x30FC || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
    return 1; /* katakana, with ー */
  if (c >= 0x3040 && c <= 0x309F)
    return 2; /* hiragana */
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
      return 3;
    case G_UNICODE_SCRIPT_LATIN:
      return 4;
    default:
      break;
    }
  if (g_unichar_isdigit (c))
    return 5;
  return 6;
}

/* How natural a place the boundary between @left and @right is for a change to start or end. */
static int
boundary_score (gunichar left,
                gunichar right)
{
  if (left == '\n' || right == '\n')
    return 5;
  if (is_sentence_end (left) || left == '.' || left == '!' || left == '?')
    return 4;
  if (g_unichar_ispunct (left) || g_unichar_ispunct (right) || g_unichar_isspace (left) || g_unichar_isspace (right))
    return 3;
  if (char_class (left) != char_class (right))
    return 2;
  return 0;
}

/* Slides each lone edit between two equalities to where its ends score best (a line, a sentence end, 、, a change
 * of script), without changing what is deleted or inserted. Equalities emptied on the way become zero-length runs,
 * dropped by the next merge. */
static void
cleanup_lossless (GArray         *runs,
                  const gunichar *a,
                  const gunichar *b)
{
  glong ac = 0, bc = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      Run *r = &g_array_index (runs, Run, i);

      if (i > 0 && i + 1 < runs->len && r->op != RK_TEXT_DIFF_EQUAL && r->len > 0)
        {
          Run *e1 = &g_array_index (runs, Run, i - 1), *e2 = &g_array_index (runs, Run, i + 1);

          if (e1->op == RK_TEXT_DIFF_EQUAL && e2->op == RK_TEXT_DIFF_EQUAL && e1->len > 0 && e2->len > 0)
            {
              const gunichar *src = r->op == RK_TEXT_DIFF_DELETE ? a : b;
              glong p0 = r->op == RK_TEXT_DIFF_DELETE ? ac : bc;
              glong start = p0 - e1->len, end = p0 + r->len + e2->len, len = r->len;
              glong p = p0, best_p, best = -1;

              while (p > start && src[p - 1] == src[p + len - 1])
                p--;
              best_p = p;
              for (;; p++)
                {
                  int score = (p == start ? 6 : boundary_score (src[p - 1], src[p]))
                              + (p + len == end ? 6 : boundary_score (src[p + len - 1], src[p + len]));
                  /* >= : of equally good places, the last, as diff-match-patch does. */
                  if (score >= best)
                    best = score, best_p = p;
                  if (p + len >= end || src[p] != src[p + len])
                    break;
                }
              if (best_p != p0)
                {
                  glong shift = best_p - p0;
                  e1->len += shift;
                  e2->len -= shift;
                  ac += shift, bc += shift;
                }
            }
        }
      if (r->op != RK_TEXT_DIFF_INSERT)
        ac += r->len;
      if (r->op != RK_TEXT_DIFF_DELETE)
        bc += r->len;
    }
}

static GArray *
cleanup (GArray         *runs,
         const gunichar *a,
         const gunichar *b)
{
  runs = merge_fully (runs, a, b);
  if (cleanup_semantic (runs))
    runs = merge_fully (runs, a, b);
  cleanup_lossless (runs, a, b);
  runs = merge_fully (runs, a, b);
  /* Sliding may have shortened an equality between two edits: fold again (this never creates short ones). */
  if (cleanup_semantic (runs))
    runs = merge_fully (runs, a, b);
  return runs;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Text diff: public */

static void
hunk_clear (gpointer data)
{
  RkTextDiffHunk *hunk = data;
  g_free (hunk->text);
}

static GArray *
hunks_new (void)
{
  GArray *hunks = g_array_new (FALSE, TRUE, sizeof (RkTextDiffHunk));
  g_array_set_clear_func (hunks, hunk_clear);
  return hunks;
}

static void
hunks_add (GArray       *hunks,
           RkTextDiffOp  op,
           const char   *text,
           gsize         length,
           gsize         old_offset,
           gsize         new_offset)
{
  RkTextDiffHunk hunk = { op, NULL, length, old_offset, new_offset };

  if (length == 0)
    return;
  hunk.text = g_strndup (text, length);
  g_array_append_val (hunks, hunk);
}

static char *
repair_utf8 (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

gboolean
rk_text_diff_has_changes (GArray *hunks)
{
  g_return_val_if_fail (hunks != NULL, FALSE);

  for (guint i = 0; i < hunks->len; i++)
    if (g_array_index (hunks, RkTextDiffHunk, i).op != RK_TEXT_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

GArray *
rk_text_diff_with_budget (const char            *old_text,
                          const char            *new_text,
                          guint64                budget_units,
                          RkTextDiffGranularity *granularity)
{
  g_autofree char *old_utf8 = repair_utf8 (old_text);
  g_autofree char *new_utf8 = repair_utf8 (new_text);
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  GArray *runs, *hunks = hunks_new ();
  RkTextDiffGranularity how = RK_TEXT_DIFF_BY_CHARACTER;
  glong n = 0, m = 0, prefix, suffix;
  const char *op = old_utf8, *np = new_utf8;

  if (budget_units == 0)
    budget_units = RK_TEXT_DIFF_DEFAULT_BUDGET;
  if (granularity != NULL)
    *granularity = RK_TEXT_DIFF_BY_CHARACTER;

  /* The common case in a comparison of versions: most sections did not change. */
  if (strcmp (old_utf8, new_utf8) == 0)
    {
      hunks_add (hunks, RK_TEXT_DIFF_EQUAL, old_utf8, strlen (old_utf8), 0, 0);
      return hunks;
    }

  a = g_utf8_to_ucs4_fast (old_utf8, -1, &n);
  b = g_utf8_to_ucs4_fast (new_utf8, -1, &m);
  prefix = common_prefix (a, n, b, m);
  suffix = common_suffix (a + prefix, n - prefix, b + prefix, m - prefix);

  runs = g_array_new (FALSE, FALSE, sizeof (Run));
  emit (runs, RK_TEXT_DIFF_EQUAL, prefix);
  {
    Budget budget = { 0, budget_units };
    g_autoptr(GArray) middle = g_array_new (FALSE, FALSE, sizeof (Run));

    if (!diff_main (&budget, a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix, middle))
      {
        g_array_set_size (middle, 0);
        how = diff_by_sentence (budget_units, a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix,
                                middle);
      }
    for (guint i = 0; i < middle->len; i++)
      emit (runs, g_array_index (middle, Run, i).op, g_array_index (middle, Run, i).len);
  }
  emit (runs, RK_TEXT_DIFF_EQUAL, suffix);

  runs = cleanup (runs, a, b);

  for (guint i = 0; i < runs->len; i++)
    {
      const Run *r = &g_array_index (runs, Run, i);
      const char *src = r->op == RK_TEXT_DIFF_INSERT ? np : op;
      const char *end = g_utf8_offset_to_pointer (src, r->len);
      gsize length = end - src;

      hunks_add (hunks, r->op, src, length, op - old_utf8, np - new_utf8);
      if (r->op != RK_TEXT_DIFF_INSERT)
        op += length;
      if (r->op != RK_TEXT_DIFF_DELETE)
        np += length;
    }
  g_array_unref (runs);

  if (granularity != NULL)
    *granularity = how;
  return hunks;
}

GArray *
rk_text_diff (const char            *old_text,
              const char            *new_text,
              RkTextDiffGranularity *granularity)
{
  return rk_text_diff_with_budget (old_text, new_text, 0, granularity);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Sections */

typedef struct {
  const RkRuleDiffSection *section;
  gboolean                 keyed;      /* its uid is the first of its kind in the version, so it can match */
  int                      parent;     /* index in the same version, -1 at top level */
  int                      other;      /* index of the same uid in the other version, -1 for none */
  guint                    rank;       /* place among its siblings */
  GArray                  *children;   /* guint indices in sibling order, NULL for none */
} Node;

typedef struct {
  guint       n;
  Node       *nodes;
  GArray     *roots;
  GHashTable *by_uid; /* uid → index + 1 */
} Tree;

static int
sibling_compare (gconstpointer x,
                 gconstpointer y,
                 gpointer      user_data)
{
  const Tree *tree = user_data;
  guint i = *(const guint *) x, j = *(const guint *) y;
  int p = tree->nodes[i].section->position, q = tree->nodes[j].section->position;

  if (p != q)
    return p < q ? -1 : 1;
  return i < j ? -1 : i > j;
}

static void
tree_build (Tree                    *tree,
            const RkRuleDiffSection *sections,
            guint                    n)
{
  g_autofree guint8 *state = g_new0 (guint8, MAX (n, 1));
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  tree->n = n;
  tree->nodes = g_new0 (Node, MAX (n, 1));
  tree->roots = g_array_new (FALSE, FALSE, sizeof (guint));
  tree->by_uid = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      Node *node = &tree->nodes[i];
      node->section = &sections[i];
      node->other = -1;
      node->parent = -1;
      if (sections[i].uid != NULL && !g_hash_table_contains (tree->by_uid, sections[i].uid))
        {
          g_hash_table_insert (tree->by_uid, (gpointer) sections[i].uid, GUINT_TO_POINTER (i + 1));
          node->keyed = TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const char *parent_uid = sections[i].parent_uid;
      if (parent_uid != NULL && *parent_uid != '\0')
        tree->nodes[i].parent = (int) GPOINTER_TO_UINT (g_hash_table_lookup (tree->by_uid, parent_uid)) - 1;
    }

  /* Break parent cycles (damaged data): the section that closes a cycle goes to the top level. */
  for (guint i = 0; i < n; i++)
    {
      int j = (int) i;

      g_array_set_size (path, 0);
      while (j != -1 && state[j] == 0)
        {
          state[j] = 1;
          g_array_append_val (path, j);
          j = tree->nodes[j].parent;
        }
      if (j != -1 && state[j] == 1)
        tree->nodes[g_array_index (path, guint, path->len - 1)].parent = -1;
      for (guint k = 0; k < path->len; k++)
        state[g_array_index (path, guint, k)] = 2;
    }

  for (guint i = 0; i < n; i++)
    {
      int parent = tree->nodes[i].parent;
      GArray **list = parent < 0 ? &tree->roots : &tree->nodes[parent].children;
      if (*list == NULL)
        *list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (*list, i);
    }
  for (guint i = 0; i <= n; i++)
    {
      GArray *list = i == n ? tree->roots : tree->nodes[i].children;
      if (list == NULL)
        continue;
      g_array_sort_with_data (list, sibling_compare, tree);
      for (guint k = 0; k < list->len; k++)
        tree->nodes[g_array_index (list, guint, k)].rank = k;
    }
}

static void
tree_clear (Tree *tree)
{
  for (guint i = 0; i < tree->n; i++)
    g_clear_pointer (&tree->nodes[i].children, g_array_unref);
  g_clear_pointer (&tree->nodes, g_free);
  g_clear_pointer (&tree->roots, g_array_unref);
  g_clear_pointer (&tree->by_uid, g_hash_table_unref);
}

static const char *
tree_parent_uid (const Tree *tree,
                 guint       i)
{
  int parent = tree->nodes[i].parent;
  return parent < 0 ? NULL : tree->nodes[parent].section->uid;
}

static inline const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* Marks as reordered the siblings (that stayed under the same parent) outside a longest run kept in the old order:
 * the fewest sections that explain the new order. An insertion or removal around them changes no relative order,
 * so it only renumbers. */
static void
mark_reordered (const Tree      *old_tree,
                const Tree      *new_tree,
                GArray          *new_children,
                RkRuleDiffFlags *flags)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint)); /* new indices */
  g_autofree guint *tails = NULL;                                      /* positions in kept */
  g_autofree int *prev = NULL;
  g_autofree gboolean *in_lis = NULL;
  guint length = 0;

  if (new_children == NULL)
    return;
  for (guint k = 0; k < new_children->len; k++)
    {
      guint i = g_array_index (new_children, guint, k);
      int o = new_tree->nodes[i].other;
      if (o >= 0 && g_strcmp0 (tree_parent_uid (old_tree, o), tree_parent_uid (new_tree, i)) == 0)
        g_array_append_val (kept, i);
    }
  if (kept->len < 2)
    return;

  /* Longest increasing subsequence of the old ranks, in O(k log k). */
  tails = g_new (guint, kept->len);
  prev = g_new (int, kept->len);
  in_lis = g_new0 (gboolean, kept->len);
  for (guint k = 0; k < kept->len; k++)
    {
      guint rank = old_tree->nodes[new_tree->nodes[g_array_index (kept, guint, k)].other].rank;
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          guint mid_rank = old_tree->nodes[new_tree->nodes[g_array_index (kept, guint, tails[mid])].other].rank;
          if (mid_rank < rank)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[k] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = k;
      if (lo == length)
        length++;
    }
  for (int k = (int) tails[length - 1]; k >= 0; k = prev[k])
    in_lis[k] = TRUE;
  for (guint k = 0; k < kept->len; k++)
    if (!in_lis[k])
      flags[g_array_index (kept, guint, k)] |= RK_RULE_DIFF_FLAG_REORDERED;
}

static GArray *
whole_text_hunks (RkTextDiffOp  op,
                  const char   *text)
{
  GArray *hunks = hunks_new ();
  g_autofree char *valid = repair_utf8 (text);

  hunks_add (hunks, op, valid, strlen (valid), 0, 0);
  return hunks;
}

static void
entry_free (gpointer data)
{
  RkRuleDiffEntry *entry = data;

  g_free (entry->uid);
  g_free (entry->old_parent_uid);
  g_free (entry->new_parent_uid);
  g_free (entry->old_label);
  g_free (entry->new_label);
  g_free (entry->old_heading);
  g_free (entry->new_heading);
  g_free (entry->old_body);
  g_free (entry->new_body);
  g_clear_pointer (&entry->heading_hunks, g_array_unref);
  g_clear_pointer (&entry->body_hunks, g_array_unref);
  g_free (entry);
}

static RkRuleDiffKind
kind_from_flags (RkRuleDiffFlags flags)
{
  if (flags & RK_RULE_DIFF_FLAG_ADDED)
    return RK_RULE_DIFF_ADDED;
  if (flags & RK_RULE_DIFF_FLAG_REMOVED)
    return RK_RULE_DIFF_REMOVED;
  if (flags & RK_RULE_DIFF_FLAG_MOVED)
    return RK_RULE_DIFF_MOVED;
  if (flags & (RK_RULE_DIFF_FLAG_HEADING_CHANGED | RK_RULE_DIFF_FLAG_BODY_CHANGED))
    return RK_RULE_DIFF_CHANGED;
  if (flags & RK_RULE_DIFF_FLAG_RENUMBERED)
    return RK_RULE_DIFF_RENUMBERED;
  return RK_RULE_DIFF_UNCHANGED;
}

/* The entry of a merged node: a section of the new version (@new_index ≥ 0, with its old self when @old_index ≥ 0)
 * or a removed one (@new_index < 0). */
static RkRuleDiffEntry *
entry_new (const Tree      *old_tree,
           const Tree      *new_tree,
           int              old_index,
           int              new_index,
           RkRuleDiffFlags  flags,
           guint            depth)
{
  RkRuleDiffEntry *entry = g_new0 (RkRuleDiffEntry, 1);
  const RkRuleDiffSection *o = old_index >= 0 ? old_tree->nodes[old_index].section : NULL;
  const RkRuleDiffSection *s = new_index >= 0 ? new_tree->nodes[new_index].section : NULL;

  entry->depth = depth;
  entry->old_index = old_index;
  entry->new_index = new_index;
  entry->uid = g_strdup (or_empty (s != NULL ? s->uid : o->uid));
  if (o != NULL)
    {
      entry->old_parent_uid = g_strdup (tree_parent_uid (old_tree, old_index));
      entry->old_label = g_strdup (or_empty (o->label));
      entry->old_heading = repair_utf8 (o->heading);
      entry->old_body = repair_utf8 (o->body);
    }
  if (s != NULL)
    {
      entry->new_parent_uid = g_strdup (tree_parent_uid (new_tree, new_index));
      entry->new_label = g_strdup (or_empty (s->label));
      entry->new_heading = repair_utf8 (s->heading);
      entry->new_body = repair_utf8 (s->body);
    }

  if (o != NULL && s != NULL)
    {
      if (g_strcmp0 (entry->old_parent_uid, entry->new_parent_uid) != 0)
        flags |= RK_RULE_DIFF_FLAG_PARENT_CHANGED;
      if (strcmp (entry->old_label, entry->new_label) != 0)
        flags |= RK_RULE_DIFF_FLAG_RENUMBERED;
      entry->heading_hunks = rk_text_diff (entry->old_heading, entry->new_heading, &entry->heading_granularity);
      entry->body_hunks = rk_text_diff (entry->old_body, entry->new_body, &entry->body_granularity);
      if (strcmp (entry->old_heading, entry->new_heading) != 0)
        flags |= RK_RULE_DIFF_FLAG_HEADING_CHANGED;
      if (strcmp (entry->old_body, entry->new_body) != 0)
        flags |= RK_RULE_DIFF_FLAG_BODY_CHANGED;
    }
  else if (s != NULL)
    {
      flags |= RK_RULE_DIFF_FLAG_ADDED;
      entry->heading_hunks = whole_text_hunks (RK_TEXT_DIFF_INSERT, entry->new_heading);
      entry->body_hunks = whole_text_hunks (RK_TEXT_DIFF_INSERT, entry->new_body);
    }
  else
    {
      flags |= RK_RULE_DIFF_FLAG_REMOVED;
      entry->heading_hunks = whole_text_hunks (RK_TEXT_DIFF_DELETE, entry->old_heading);
      entry->body_hunks = whole_text_hunks (RK_TEXT_DIFF_DELETE, entry->old_body);
    }
  entry->flags = flags;
  entry->kind = kind_from_flags (flags);
  return entry;
}

/* The children of a merged node, as merged ids (a new index, or n_new + an old index for a removed section): the
 * new version's children in their order, and each removed child of the old version right after the sibling it
 * followed there (the nearest earlier one still in this list), so it is shown where it stood. */
static GArray *
merged_children (const Tree *old_tree,
                 const Tree *new_tree,
                 GArray     *new_children,
                 GArray     *old_children)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (guint));
  int after = -1;

  if (new_children != NULL)
    g_array_append_vals (merged, new_children->data, new_children->len);
  if (old_children == NULL)
    return merged;

  for (guint k = 0; k < old_children->len; k++)
    {
      guint o = g_array_index (old_children, guint, k);
      int s = old_tree->nodes[o].other;

      if (s < 0)
        {
          guint id = new_tree->n + o;
          g_array_insert_val (merged, after + 1, id);
          after++;
          continue;
        }
      for (guint j = 0; j < merged->len; j++)
        if (g_array_index (merged, guint, j) == (guint) s)
          {
            after = (int) j;
            break;
          }
    }
  return merged;
}

typedef struct {
  GArray *children;
  guint   next;
  guint   depth;
} Frame;

static void
add_changes (RkRuleDiff      *diff,
             guint            index,
             RkRuleDiffField  field,
             GArray          *hunks)
{
  for (guint h = 0; h < hunks->len; h++)
    {
      const RkTextDiffHunk *hunk = &g_array_index (hunks, RkTextDiffHunk, h);
      RkRuleDiffChange change = { index, field, (int) h, 1 };

      if (hunk->op == RK_TEXT_DIFF_EQUAL)
        continue;
      if (hunk->op == RK_TEXT_DIFF_DELETE && h + 1 < hunks->len
          && g_array_index (hunks, RkTextDiffHunk, h + 1).op == RK_TEXT_DIFF_INSERT)
        change.n_hunks = 2;
      g_array_append_val (diff->changes, change);
      h += change.n_hunks - 1;
    }
}

RkRuleDiff *
rk_rule_diff_new (const RkRuleDiffSection *old_sections,
                  guint                    n_old,
                  const RkRuleDiffSection *new_sections,
                  guint                    n_new)
{
  RkRuleDiff *diff;
  Tree old_tree = { 0, }, new_tree = { 0, };
  g_autofree RkRuleDiffFlags *flags = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));

  g_return_val_if_fail (old_sections != NULL || n_old == 0, NULL);
  g_return_val_if_fail (new_sections != NULL || n_new == 0, NULL);

  tree_build (&old_tree, old_sections, n_old);
  tree_build (&new_tree, new_sections, n_new);

  for (guint i = 0; i < n_new; i++)
    if (new_tree.nodes[i].keyed)
      {
        guint o = GPOINTER_TO_UINT (g_hash_table_lookup (old_tree.by_uid, new_sections[i].uid));
        if (o > 0)
          {
            new_tree.nodes[i].other = (int) o - 1;
            old_tree.nodes[o - 1].other = (int) i;
          }
      }

  flags = g_new0 (RkRuleDiffFlags, MAX (n_new, 1));
  mark_reordered (&old_tree, &new_tree, new_tree.roots, flags);
  for (guint i = 0; i < n_new; i++)
    mark_reordered (&old_tree, &new_tree, new_tree.nodes[i].children, flags);

  diff = g_new0 (RkRuleDiff, 1);
  diff->entries = g_ptr_array_new_with_free_func (entry_free);
  diff->changes = g_array_new (FALSE, FALSE, sizeof (RkRuleDiffChange));

  /* Depth-first over the merged tree, without recursion: a damaged file may nest deeply. */
  {
    Frame root = { merged_children (&old_tree, &new_tree, new_tree.roots, old_tree.roots), 0, 0 };
    g_array_append_val (stack, root);
  }
  while (stack->len > 0)
    {
      Frame *top = &g_array_index (stack, Frame, stack->len - 1);
      RkRuleDiffEntry *entry;
      GArray *new_children = NULL, *old_children = NULL;
      guint id, depth;
      int old_index, new_index;
      Frame frame;

      if (top->next >= top->children->len)
        {
          g_array_unref (top->children);
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      id = g_array_index (top->children, guint, top->next++);
      depth = top->depth;
      if (id < n_new)
        {
          new_index = (int) id;
          old_index = new_tree.nodes[id].other;
          new_children = new_tree.nodes[id].children;
          entry = entry_new (&old_tree, &new_tree, old_index, new_index, flags[id], depth);
        }
      else
        {
          new_index = -1;
          old_index = (int) (id - n_new);
          entry = entry_new (&old_tree, &new_tree, old_index, -1, RK_RULE_DIFF_FLAG_NONE, depth);
        }
      if (old_index >= 0)
        old_children = old_tree.nodes[old_index].children;
      g_ptr_array_add (diff->entries, entry);

      switch (entry->kind)
        {
        case RK_RULE_DIFF_UNCHANGED: diff->n_unchanged++; break;
        case RK_RULE_DIFF_RENUMBERED: diff->n_renumbered++; break;
        case RK_RULE_DIFF_CHANGED: diff->n_changed++; break;
        case RK_RULE_DIFF_MOVED: diff->n_moved++; break;
        case RK_RULE_DIFF_ADDED: diff->n_added++; break;
        case RK_RULE_DIFF_REMOVED: diff->n_removed++; break;
        default: g_assert_not_reached ();
        }
      if (entry->flags & (RK_RULE_DIFF_FLAG_ADDED | RK_RULE_DIFF_FLAG_REMOVED | RK_RULE_DIFF_FLAG_MOVED))
        {
          RkRuleDiffChange change = { diff->entries->len - 1, RK_RULE_DIFF_FIELD_SECTION, -1, 0 };
          g_array_append_val (diff->changes, change);
        }
      if (old_index >= 0 && new_index >= 0)
        {
          add_changes (diff, diff->entries->len - 1, RK_RULE_DIFF_FIELD_HEADING, entry->heading_hunks);
          add_changes (diff, diff->entries->len - 1, RK_RULE_DIFF_FIELD_BODY, entry->body_hunks);
        }

      frame = (Frame) { merged_children (&old_tree, &new_tree, new_children, old_children), 0, depth + 1 };
      g_array_append_val (stack, frame);
    }

  tree_clear (&old_tree);
  tree_clear (&new_tree);
  return diff;
}

void
rk_rule_diff_free (RkRuleDiff *diff)
{
  if (diff == NULL)
    return;
  g_ptr_array_unref (diff->entries);
  g_array_unref (diff->changes);
  g_free (diff);
}

int
rk_rule_diff_step_change (const RkRuleDiff *diff,
                          int               current,
                          gboolean          forward)
{
  int n;

  g_return_val_if_fail (diff != NULL, -1);

  n = (int) diff->changes->len;
  if (n == 0)
    return -1;
  if (current < 0 || current >= n)
    return forward ? 0 : n - 1;
  current += forward ? 1 : -1;
  return current >= 0 && current < n ? current : -1;
}

int
rk_rule_diff_find_change (const RkRuleDiff *diff,
                          guint             entry,
                          gboolean          forward)
{
  guint lo = 0, hi;

  g_return_val_if_fail (diff != NULL, -1);

  /* The first change whose entry is after @entry (forward: at or after). */
  hi = diff->changes->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint at = g_array_index (diff->changes, RkRuleDiffChange, mid).entry;
      if (forward ? at < entry : at <= entry)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (forward)
    return lo < diff->changes->len ? (int) lo : -1;
  return (int) lo - 1;
}

RkRuleDiffSection *
rk_rule_diff_sections_from_export (GPtrArray *exported,
                                   guint     *n_sections)
{
  RkRuleDiffSection *sections;

  g_return_val_if_fail (exported != NULL, NULL);
  g_return_val_if_fail (n_sections != NULL, NULL);

  sections = g_new0 (RkRuleDiffSection, MAX (exported->len, 1));
  for (guint i = 0; i < exported->len; i++)
    {
      const RkRuleExportSection *e = g_ptr_array_index (exported, i);
      sections[i] = (RkRuleDiffSection) { e->uid, e->parent_uid, e->position, e->number, e->heading, e->body };
    }
  *n_sections = exported->len;
  return sections;
}

/* rk-rule-diff.h — comparing two versions of a rule (版の比較): sections matched by uid, and the text of changed
 * sections compared character by character.
 *
 * Pure functions on plain data (GLib only): the caller exports each version as an array of RkRuleDiffSection
 * (uid, parent uid, position among siblings, number label, heading, body) and gets back one list of entries in a
 * merged document order — every section of the new version in its new place, with the removed sections shown where
 * they stood — ready for side-by-side or inline display, plus a flat list of changes for next/previous.
 *
 * Text is compared by Unicode character (Japanese has no spaces to split words on), with Myers' O(ND) algorithm in
 * linear space after trimming the common prefix and suffix, then a cleanup pass so that changes read naturally:
 * an equal run no longer than the edits on both sides of it is folded into them (so 主治医に → 在宅医へ reads as one
 * replacement, not 主治|医|に), and an edit is slid to the nearest natural boundary (line, sentence end, 、, a change
 * of script such as kanji → hiragana).
 *
 * Work is bounded. The character diff gives up beyond RK_TEXT_DIFF_DEFAULT_BUDGET units (one unit per diagonal
 * visited or character compared, about 1 ns each); the text is then compared by sentence (split after 。！？ and
 * newlines) and each run of changed sentences by character again, from a shared budget of the same size. A run the
 * remaining budget cannot cover — or a text too different to align even by sentence — is shown as deleted and
 * inserted whole. The granularity used is reported, so a UI can say the comparison is coarse. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------------------------ */
/* Text */

typedef enum {
  RK_TEXT_DIFF_EQUAL  = 0,
  RK_TEXT_DIFF_DELETE = 1, /* in the old text only */
  RK_TEXT_DIFF_INSERT = 2, /* in the new text only */
} RkTextDiffOp;

/* One run. Offsets are in bytes and always on character boundaries: where the run starts in the old text and in the
 * new text (a DELETE's new_offset and an INSERT's old_offset are where the run stands in the other text). */
typedef struct {
  RkTextDiffOp  op;
  char         *text;       /* the run, UTF-8, never empty */
  gsize         length;     /* strlen (text) */
  gsize         old_offset;
  gsize         new_offset;
} RkTextDiffHunk;

typedef enum {
  RK_TEXT_DIFF_BY_CHARACTER = 0, /* the whole text compared character by character */
  RK_TEXT_DIFF_BY_SENTENCE  = 1, /* beyond the budget: sentences first, then characters where the budget allowed */
  RK_TEXT_DIFF_WHOLE        = 2, /* beyond the budget even by sentence: the changed middle deleted and inserted */
} RkTextDiffGranularity;

/* About 0.1 s of work on current hardware; see the file comment. */
#define RK_TEXT_DIFF_DEFAULT_BUDGET ((guint64) 64 * 1000 * 1000)

/* Compares @old_text with @new_text (UTF-8; NULL is ""; invalid sequences are replaced by U+FFFD first, and the
 * offsets refer to the text so repaired). Returns an array of RkTextDiffHunk in order (freeing the array frees the
 * hunks): EQUAL runs, and between them at most one DELETE followed by at most one INSERT. Concatenating the EQUAL
 * and DELETE runs gives the old text, the EQUAL and INSERT runs the new text. Identical texts give one EQUAL run
 * (none when both are empty). @granularity, if not NULL, says how the text was compared. */
GArray      *rk_text_diff                (const char            *old_text,
                                          const char            *new_text,
                                          RkTextDiffGranularity *granularity);
/* The same with an explicit work budget (0 means RK_TEXT_DIFF_DEFAULT_BUDGET): for tests of the fallbacks. */
GArray      *rk_text_diff_with_budget    (const char            *old_text,
                                          const char            *new_text,
                                          guint64                budget,
                                          RkTextDiffGranularity *granularity);
/* Whether @hunks holds any DELETE or INSERT run. */
gboolean     rk_text_diff_has_changes    (GArray                *hunks);

/* ------------------------------------------------------------------------------------------------------------ */
/* Sections */

/* A section of one version as plain data. Strings are borrowed for the call only. */
typedef struct {
  const char *uid;        /* stable across versions; a uid repeated within one version is compared as a new section */
  const char *parent_uid; /* NULL or "" at top level; an unknown parent counts as top level */
  int         position;   /* order among its siblings (ties keep the array's order) */
  const char *label;      /* its number as displayed: 第2, 1, (1), ア, 様式1 … (NULL is "") */
  const char *heading;    /* NULL is "" */
  const char *body;       /* NULL is "" */
} RkRuleDiffSection;

/* What happened to a section, the most telling first when several apply (see RkRuleDiffFlags for all of them). */
typedef enum {
  RK_RULE_DIFF_UNCHANGED  = 0,
  RK_RULE_DIFF_RENUMBERED = 1, /* only its number differs, e.g. because a section was inserted before it */
  RK_RULE_DIFF_CHANGED    = 2, /* its heading and/or body text differ */
  RK_RULE_DIFF_MOVED      = 3, /* another parent, or another order among the siblings that stayed with it */
  RK_RULE_DIFF_ADDED      = 4,
  RK_RULE_DIFF_REMOVED    = 5,
} RkRuleDiffKind;

typedef enum {
  RK_RULE_DIFF_FLAG_NONE            = 0,
  RK_RULE_DIFF_FLAG_ADDED           = 1 << 0,
  RK_RULE_DIFF_FLAG_REMOVED         = 1 << 1,
  RK_RULE_DIFF_FLAG_PARENT_CHANGED  = 1 << 2, /* moved under another section (or to or from the top level) */
  RK_RULE_DIFF_FLAG_REORDERED       = 1 << 3, /* same parent, but its order among the siblings that stayed changed */
  RK_RULE_DIFF_FLAG_RENUMBERED      = 1 << 4, /* the label differs (whatever the cause) */
  RK_RULE_DIFF_FLAG_HEADING_CHANGED = 1 << 5,
  RK_RULE_DIFF_FLAG_BODY_CHANGED    = 1 << 6,
} RkRuleDiffFlags;

#define RK_RULE_DIFF_FLAG_MOVED (RK_RULE_DIFF_FLAG_PARENT_CHANGED | RK_RULE_DIFF_FLAG_REORDERED)

/* One section in the merged order. The old_* fields are NULL for an added section, the new_* ones for a removed
 * one. The hunks always cover the whole text, so a view renders every section the same way: an unchanged text is
 * one EQUAL run, an added section's text one INSERT run, a removed one's one DELETE run. */
typedef struct {
  RkRuleDiffKind         kind;
  RkRuleDiffFlags        flags;
  guint                  depth;        /* in the merged tree: 0 at top level */
  char                  *uid;
  int                    old_index;    /* into the old array, -1 when added */
  int                    new_index;    /* into the new array, -1 when removed */
  char                  *old_parent_uid, *new_parent_uid; /* NULL at top level (and when absent) */
  char                  *old_label, *new_label;
  char                  *old_heading, *new_heading;
  char                  *old_body, *new_body;
  GArray                *heading_hunks; /* RkTextDiffHunk */
  GArray                *body_hunks;
  RkTextDiffGranularity  heading_granularity;
  RkTextDiffGranularity  body_granularity;
} RkRuleDiffEntry;

typedef enum {
  RK_RULE_DIFF_FIELD_SECTION = 0, /* the section as a whole: added, removed or moved */
  RK_RULE_DIFF_FIELD_HEADING = 1,
  RK_RULE_DIFF_FIELD_BODY    = 2,
} RkRuleDiffField;

/* A stop for next/previous change. A text change is one run of DELETE/INSERT hunks between EQUAL ones (a
 * replacement is one stop); a section added, removed or moved is one stop of its own, before its text changes.
 * Renumbering alone is not a stop: inserting one section would otherwise make every later section one. */
typedef struct {
  guint            entry;   /* index into RkRuleDiff.entries */
  RkRuleDiffField  field;
  int              hunk;    /* index of the first hunk in the field's hunks, -1 for RK_RULE_DIFF_FIELD_SECTION */
  guint            n_hunks; /* 1 or 2 (a DELETE then an INSERT); 0 for RK_RULE_DIFF_FIELD_SECTION */
} RkRuleDiffChange;

typedef struct {
  GPtrArray *entries;  /* RkRuleDiffEntry, in merged document order */
  GArray    *changes;  /* RkRuleDiffChange, in display order */
  guint      n_unchanged, n_renumbered, n_changed, n_moved, n_added, n_removed; /* by kind */
} RkRuleDiff;

/* Compares two versions. The arrays may come in any order (the tree is rebuilt from parent_uid and position); a
 * parent cycle is broken by treating its sections as top level. Never fails. */
RkRuleDiff  *rk_rule_diff_new            (const RkRuleDiffSection *old_sections,
                                          guint                    n_old,
                                          const RkRuleDiffSection *new_sections,
                                          guint                    n_new);
void         rk_rule_diff_free           (RkRuleDiff              *diff);

/* Next/previous change from where the reader is. The change after (@forward) or before @current (an index into
 * diff->changes, or -1 for "from the top" / "from the bottom"); -1 when there is none. */
int          rk_rule_diff_step_change    (const RkRuleDiff        *diff,
                                          int                      current,
                                          gboolean                 forward);
/* The first change in entry @entry or after it (@forward), or the last change in it or before it; -1 for none. For
 * "next change" from a scrolled position. */
int          rk_rule_diff_find_change    (const RkRuleDiff        *diff,
                                          guint                    entry,
                                          gboolean                 forward);

/* The sections of rk_store_export_rule_version() (app/rk-store-rules.h: a GPtrArray of RkRuleExportSection) as
 * the diff's input, borrowing their strings (valid while @exported lives; free the array with g_free). The body
 * compared is the one readers see, with references rendered as citations. */
RkRuleDiffSection *rk_rule_diff_sections_from_export (GPtrArray *exported,
                                                      guint     *n_sections);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRuleDiff, rk_rule_diff_free)

G_END_DECLS

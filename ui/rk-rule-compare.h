/* rk-rule-compare.h — a window comparing two versions (版) of a rule document: choose the old and the new version;
 * the sections in merged order (app/rk-rule-diff.h) with what happened to each (added, removed, moved, changed,
 * renumbered) and their text compared character by character, deletions struck through on red and insertions on
 * green. Inline (one text) or side by side (old | new per section). Next/previous change: F8 / Shift+F8, also
 * Ctrl+. / Ctrl+,.
 *
 * Actions (for the buttons, the keys and tests): compare.next-change, compare.previous-change, compare.side-by-side
 * (boolean state: the mode). Escape closes the window. */
#pragma once

#include <adwaita.h>

#include "rk-rule-diff.h"
#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_RULE_COMPARE (rk_rule_compare_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleCompare, rk_rule_compare, RK, RULE_COMPARE, AdwWindow)

/* A new window (not yet shown; set it transient for the caller's window and present it) comparing the versions
 * @old_version_id and @new_version_id of the rule document @document_id. A version id of 0, or one not of the
 * document, picks a default: the newest version as the new one and the one before it (or it again) as the old. */
GtkWidget        *rk_rule_compare_new               (RkStore       *store,
                                                     gint64         document_id,
                                                     gint64         old_version_id,
                                                     gint64         new_version_id);
/* Compares another pair of versions of the same document (as choosing them in the window does). */
void              rk_rule_compare_set_versions      (RkRuleCompare *self,
                                                     gint64         old_version_id,
                                                     gint64         new_version_id);
gint64            rk_rule_compare_get_old_version_id (RkRuleCompare *self);
gint64            rk_rule_compare_get_new_version_id (RkRuleCompare *self);
/* The comparison shown (owned by the window; replaced when the versions change), or NULL when a version could not
 * be read (the window then says why). */
const RkRuleDiff *rk_rule_compare_get_diff          (RkRuleCompare *self);
/* The inline view's text: each section as "number　heading\nbody\n", numbers and text with tags "delete" and
 * "insert" on the runs that changed, and a badge ("Added", "Changed" …) after the heading of a section that did. */
GtkTextBuffer    *rk_rule_compare_get_inline_buffer (RkRuleCompare *self);
/* The change the reader is at (an index into the diff's changes), -1 before the first. */
int               rk_rule_compare_get_current_change (RkRuleCompare *self);
/* Goes to the next (@forward) or previous change, selects it and scrolls to it; FALSE when there is none. */
gboolean          rk_rule_compare_step_change       (RkRuleCompare *self,
                                                     gboolean       forward);
/* Where the current change lies in the inline buffer (character offsets); FALSE when there is none. */
gboolean          rk_rule_compare_get_change_range  (RkRuleCompare *self,
                                                     int           *start,
                                                     int           *end);
gboolean          rk_rule_compare_get_side_by_side  (RkRuleCompare *self);
void              rk_rule_compare_set_side_by_side  (RkRuleCompare *self,
                                                     gboolean       side_by_side);

G_END_DECLS

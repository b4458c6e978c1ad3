/* rk-rules-page.h — 連携ルール: the council's rule documents, their versions (版) and the structured editor of a
 * version's section tree (numbered automatically 第1 → 1 → (1) → ア …), with annex forms (様式). */
#pragma once

#include <adwaita.h>

#include "rk-store-rules.h"

G_BEGIN_DECLS

#define RK_TYPE_RULES_PAGE (rk_rules_page_get_type ())
G_DECLARE_FINAL_TYPE (RkRulesPage, rk_rules_page, RK, RULES_PAGE, AdwBin)

/* Actions (each does what the user's click or key does; they act on the selected document, version and section):
 *   "rules.new-rule": the New Rule dialog (empty, or from a template);
 *   "rules.new-from-template" ((ss)): template id, a rule kind id (its first template) or "" for an empty rule,
 *     and the title ("" for the template's title); selects the new document;
 *   "rules.select-document" (x) / "rules.select-version" (x) / "rules.select-section" (x): by id;
 *   "rules.add-section" (Ctrl+Return): a new section after the selected one (at the top level when none);
 *   "rules.insert-reference": choose a section and insert a cross-reference to it at the body's cursor;
 *   "rules.insert-reference-to" (s): the same for a section uid;
 *   "rules.add-form": a new annex form (様式) at the end;
 *   "rules.indent" (Tab) / "rules.outdent" (Shift+Tab) / "rules.move-up" (Alt+Up) / "rules.move-down" (Alt+Down)
 *     on the section list;
 *   "rules.remove-section" (Delete on the section list): removes it with its subsections, with an undo toast;
 *   "rules.undo-remove": undoes the last removal;
 *   "rules.freeze-dialog": asks label and date; "rules.freeze" ((ss)): label and ISO date, freezes the version;
 *   "rules.branch": a new draft from the selected version, selected;
 *   "rules.set-status" (i): the selected version's RkRuleVersionStatus;
 *   "rules.save": writes the pending heading and body edits now (they are saved after a short pause anyway).
 * The editing actions are disabled while the selected version is frozen. */
GtkWidget      *rk_rules_page_new                  (RkStore     *store);
RkStore        *rk_rules_page_get_store            (RkRulesPage *self);
RkRuleDocument *rk_rules_page_get_selected_document (RkRulesPage *self);
RkRuleVersion  *rk_rules_page_get_selected_version (RkRulesPage *self);
RkRuleSection  *rk_rules_page_get_selected_section (RkRulesPage *self);
/* The section list's model (the selected version's sections in document order), or NULL without a version. */
GListModel     *rk_rules_page_get_sections         (RkRulesPage *self);
/* The editor's parts, for tests: the heading entry, the body text view and the label saying the version is frozen. */
GtkEditable    *rk_rules_page_get_heading_entry    (RkRulesPage *self);
GtkTextView    *rk_rules_page_get_body_view        (RkRulesPage *self);
GtkWidget      *rk_rules_page_get_frozen_banner    (RkRulesPage *self);
/* The rows of the selected form's fields (one GtkListBoxRow per field; empty for a text section). */
GtkListBox     *rk_rules_page_get_field_list       (RkRulesPage *self);
/* The toast offering to undo the last removal while it is shown, else NULL. */
AdwToast       *rk_rules_page_get_undo_toast       (RkRulesPage *self);
/* Writes pending edits of the selected section now; FALSE with @error when the store refuses them (the text stays
 * in the editor). */
gboolean        rk_rules_page_flush                (RkRulesPage *self,
                                                    GError     **error);

G_END_DECLS

/* rk-rule-template.h — templates of rule documents (連携ルール), one per rule area of the guide: a real skeleton
 * (はじめに/目的, 対象 and its exclusions, the procedure scene by scene, 本人の意思の確認, 連絡先, Q&A, 運用・見直し) with
 * example clauses the council edits, and annex forms (様式) with their fields.
 *
 * The templates are catalog data (data/catalog/templates/rule-templates.xml, bundled at
 * /io/github/renkei/Renkei/catalog/rule-templates.xml and validated against data/catalog/catalog.rng). A template
 * hands its sections over as the store's plain specs (RkRuleSectionSpec, app/rk-store-rules.h) in document order,
 * so instantiating one is a single call:
 *
 *   guint n;
 *   const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);
 *   rk_store_add_rule_document (store, &info, specs, n, &error);
 *
 * Sections carry readable uids where a body refers to them ({{ref:UID}}, e.g. "救急医療情報シート({{ref:…}})" renders as
 * "救急医療情報シート(様式1)"); the others get random uids from the store. Template text is Japanese document content,
 * not translated. Templates are immutable once loaded. */
#pragma once

#include <gio/gio.h>

#include "rk-rule.h"
#include "rk-store-rules.h"

G_BEGIN_DECLS

#define RK_RULE_TEMPLATE_ERROR (rk_rule_template_error_quark ())
GQuark rk_rule_template_error_quark (void);

typedef enum {
  RK_RULE_TEMPLATE_ERROR_INVALID, /* the document is not a valid rule-templates file; the message says why */
} RkRuleTemplateError;

#define RK_TYPE_RULE_TEMPLATE (rk_rule_template_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleTemplate, rk_rule_template, RK, RULE_TEMPLATE, GObject)

/* Properties (read-only): "id" ("emergency"), "title" (急変時・救急搬送時の連携ルール: also the title a new document
 * gets), "description" (one paragraph for a chooser). */
const char              *rk_rule_template_get_id          (RkRuleTemplate *self);
const char              *rk_rule_template_get_title       (RkRuleTemplate *self);
const char              *rk_rule_template_get_description (RkRuleTemplate *self);
/* The ids of the catalog's rule kinds and areas (data/catalog/rule-kinds.xml) the template serves, NULL-terminated:
 * {"emergency", "info-tool"}. The first is the kind a document made from it gets. */
const char * const      *rk_rule_template_get_kinds       (RkRuleTemplate *self);
gboolean                 rk_rule_template_has_kind        (RkRuleTemplate *self,
                                                           const char     *kind_id);
/* The sections in document order (a section, then its subsections), owned by @self: each spec's parent is the
 * index of an earlier spec or -1; bodies are paragraphs separated by "\n"; uid is NULL or a readable uid unique in
 * the template; a FORM spec has its fields. */
const RkRuleSectionSpec *rk_rule_template_get_sections    (RkRuleTemplate *self,
                                                           guint          *n_sections);
/* The depth of section @index (0 at the top level), for previews and for numbering without a store. */
guint                    rk_rule_template_get_depth       (RkRuleTemplate *self,
                                                           guint           index);

/* Parses a rule-templates document (the format of data/catalog/templates/rule-templates.xml) into a list of
 * RkRuleTemplate. Beyond the RELAX NG schema it refuses: a duplicate template id, a duplicate uid in a template, a
 * reference {{ref:UID}} to a uid the template does not have, a uid that is not 1–64 of [A-Za-z0-9_-], a field
 * with a blank label or an unknown kind, a choice field with fewer than two choices. Read with XML_PARSE_NONET
 * only; a document with a DOCTYPE is refused. The messages are for developers (the bundle is program data), not
 * translated. */
GListModel              *rk_rule_templates_load           (GBytes         *bytes,
                                                           GError        **error);
/* The bundled templates (transfer none), loaded once, thread-safe. The bundle is part of the program: a broken one
 * is a programming error and aborts with the reason. */
GListModel              *rk_rule_templates_get_default    (void);
/* The bundled template with @id (transfer none), or NULL. */
RkRuleTemplate          *rk_rule_templates_find           (const char     *id);
/* The bundled templates that serve @kind_id (a rule kind or area id), in bundle order: a GPtrArray of
 * RkRuleTemplate (references; free func set), empty when none. */
GPtrArray               *rk_rule_templates_list_for_kind  (const char     *kind_id);

G_END_DECLS

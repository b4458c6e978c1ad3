/* rk-store-rules.h — the rules' part of the store (app/rk-store-rules.c): rule documents, their versions (freeze,
 * branch), the tree of sections of each version (add, edit, move up/down, indent, outdent, move anywhere, remove
 * and restore), annex forms' fields, links from sections to the decisions and challenges that led to them, review
 * comments, and the export of a version as plain data for the diff and Akoma Ntoso.
 *
 * Every edit is one transaction. A frozen version refuses every change to its sections (INVALID, with a message
 * that names the version and says to start a new draft), and nothing is written. Section text is mirrored into
 * search_index in the same transaction under kind "rule_section" with the section row's id as ref (title: the
 * heading, body: the body as stored); the search shows only the latest live version of each document.
 *
 * Removal: documents, versions and review comments are soft deletes (deleted_at) that leave the lists and drop their
 * sections' index entries; restore puts them back. rule_section has no deleted_at: removing a section deletes it
 * with its subsections and returns an RkRuleRemoval snapshot that rk_store_restore_rule_section() puts back with
 * the same ids, uids, places and fields (for the undo toast).
 *
 * Lists: the GListModels returned are owned by the store (transfer none) and stay valid while it lives; they change
 * as edits are made. Objects keep their identity across edits (a view or an undo toast may hold one). */
#pragma once

#include "rk-rule.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------------------------ */
/* Plain section specs: how a template (app/rk-rule-template.h) or an import hands over a whole tree */

typedef struct {
  const char            *uid;      /* NULL: a new random uid; otherwise rk_rule_uid_is_valid() and unique */
  int                    parent;   /* index in the same array of an EARLIER spec, or -1 for the top level (or, for
                                    * rk_store_add_rule_sections(), under @parent) */
  RkRuleSectionKind      kind;
  const char            *heading;
  const char            *body;     /* may refer to other specs' uids with {{ref:UID}} */
  const RkFormFieldInfo *fields;   /* FORM only; NULL when none */
  guint                  n_fields;
} RkRuleSectionSpec;

/* ------------------------------------------------------------------------------------------------------------ */
/* Documents */

/* All rule documents not deleted, by position then id. */
GListModel     *rk_store_get_rule_documents    (RkStore                  *self);
/* The document with @id in rk_store_get_rule_documents() (transfer none), or NULL. */
RkRuleDocument *rk_store_find_rule_document    (RkStore                  *self,
                                                gint64                    id);
/* Adds a document, placed last, with one draft version (status 起案, no label) holding @sections (NULL / 0: an
 * empty rule) — the whole in one transaction, all or nothing: a spec refused (its message names the section by
 * its place, e.g. "Section 12: …") writes nothing. Returns a new reference. */
RkRuleDocument *rk_store_add_rule_document     (RkStore                  *self,
                                                const RkRuleDocumentInfo *info,
                                                const RkRuleSectionSpec  *sections,
                                                guint                     n_sections,
                                                GError                  **error);
gboolean        rk_store_update_rule_document  (RkStore                  *self,
                                                RkRuleDocument           *document,
                                                const RkRuleDocumentInfo *info,
                                                GError                  **error);
/* Soft delete: the document leaves the list with its versions' search entries; restore brings them back. */
gboolean        rk_store_remove_rule_document  (RkStore                  *self,
                                                RkRuleDocument           *document,
                                                GError                  **error);
gboolean        rk_store_restore_rule_document (RkStore                  *self,
                                                RkRuleDocument           *document,
                                                GError                  **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Versions (版) */

/* The document's versions not deleted, oldest first (by id). An unknown document gives an empty list. */
GListModel     *rk_store_get_rule_versions     (RkStore                  *self,
                                                RkRuleDocument           *document);
/* The version with @id (of any live document; transfer none), or NULL. */
RkRuleVersion  *rk_store_find_rule_version     (RkStore                  *self,
                                                gint64                    id);
/* The version a section row (rule_section.id, as search results name it) belongs to (transfer none), or NULL. */
RkRuleVersion  *rk_store_find_rule_version_of_section (RkStore            *self,
                                                       gint64              section_id);
/* The newest version not deleted (what the search shows and the editor opens first), or NULL. transfer none. */
RkRuleVersion  *rk_store_get_latest_rule_version (RkStore                *self,
                                                  RkRuleDocument         *document);
/* Label, date and status; allowed on a frozen version too (a 確定 version goes 運用中 and later 見直し中). */
gboolean        rk_store_update_rule_version   (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                const RkRuleVersionInfo  *info,
                                                GError                  **error);
/* Freezes a draft as a version with @info's label, date (both required) and status. Refused (INVALID) when it is
 * already frozen. */
gboolean        rk_store_freeze_rule_version   (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                const RkRuleVersionInfo  *info,
                                                GError                  **error);
/* Starts a new draft (status 起案, not frozen, based_on_id = @version) from any version, frozen or not, with @label
 * (NULL or "" for none): every section is copied with the same uid, place, text and form fields. Links follow the
 * uids; review comments stay with the version they were made on. Returns a new reference. */
RkRuleVersion  *rk_store_branch_rule_version   (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                const char               *label,
                                                GError                  **error);
/* Soft delete. A document keeps at least one version: removing its last one is refused (INVALID). */
gboolean        rk_store_remove_rule_version   (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                GError                  **error);
gboolean        rk_store_restore_rule_version  (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                GError                  **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* The section tree of a version */

/* The version's sections in document order (depth first: a section, then its subsections), each with its
 * "depth", "number" and "citation" current: a flat list for a list view that indents by depth. Loading a version
 * of 2,000 sections reads it with one query. */
GListModel     *rk_store_get_rule_sections     (RkStore                  *self,
                                                RkRuleVersion            *version);
/* The section with @uid in @version (transfer none), or NULL. */
RkRuleSection  *rk_store_find_rule_section     (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                const char               *uid);
/* Adds a section with a new uid under @parent (a section of @version, or NULL for the top level) at @position
 * among its siblings (-1 or past the end: last). Returns a new reference. */
RkRuleSection  *rk_store_add_rule_section      (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                RkRuleSection            *parent,
                                                int                       position,
                                                const RkRuleSectionInfo  *info,
                                                GError                  **error);
/* Adds many sections at once, in one transaction (template instantiation, paste, import): the specs' tree goes
 * under @parent (NULL: the top level), after its existing children. All or nothing: a refused spec (its message
 * names it by its place, "Section 12: …"), a uid that is invalid or already in the version, or a parent index that
 * is not an earlier spec writes nothing. Returns the number of sections added, 0 with @error. */
guint           rk_store_add_rule_sections     (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                RkRuleSection            *parent,
                                                const RkRuleSectionSpec  *sections,
                                                guint                     n_sections,
                                                GError                  **error);
/* Kind, heading and body. Nothing is written when nothing changed. */
gboolean        rk_store_update_rule_section   (RkStore                  *self,
                                                RkRuleSection            *section,
                                                const RkRuleSectionInfo  *info,
                                                GError                  **error);
/* Moves the section up (-1) or down (+1) among its siblings (Alt+Up / Alt+Down); FALSE without error when it is
 * already first / last. */
gboolean        rk_store_move_rule_section     (RkStore                  *self,
                                                RkRuleSection            *section,
                                                int                       delta,
                                                GError                  **error);
/* Tab: the section (with its subsections) becomes the last child of its previous sibling. FALSE without error when
 * it has no previous sibling. */
gboolean        rk_store_indent_rule_section   (RkStore                  *self,
                                                RkRuleSection            *section,
                                                GError                  **error);
/* Shift+Tab: the section (with its subsections) becomes the next sibling of its parent; its later siblings stay
 * where they are. FALSE without error at the top level. */
gboolean        rk_store_outdent_rule_section  (RkStore                  *self,
                                                RkRuleSection            *section,
                                                GError                  **error);
/* Moves the section (with its subsections) under @new_parent (NULL: the top level) at @position among its new
 * siblings (-1: last). A move under the section itself or one of its own subsections is refused (INVALID) and
 * nothing changes. */
gboolean        rk_store_reparent_rule_section (RkStore                  *self,
                                                RkRuleSection            *section,
                                                RkRuleSection            *new_parent,
                                                int                       position,
                                                GError                  **error);

/* What removing a section took away: the section, its subsections and their form fields (opaque). */
typedef struct _RkRuleRemoval RkRuleRemoval;
void            rk_rule_removal_free           (RkRuleRemoval            *removal);
/* How many sections it holds (the section and its subsections). */
guint           rk_rule_removal_get_n_sections (RkRuleRemoval            *removal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRuleRemoval, rk_rule_removal_free)

/* Deletes the section with its subsections and their search entries; returns what to hand to
 * rk_store_restore_rule_section() for undo (transfer full), or NULL with @error. References to a removed section
 * then render as rk_rule_missing_ref_text(). */
RkRuleRemoval  *rk_store_remove_rule_section   (RkStore                  *self,
                                                RkRuleSection            *section,
                                                GError                  **error);
/* Puts them back with the same ids and uids at their old place (under the old parent when it is still there, at the
 * top level otherwise). Refused when the version was frozen meanwhile or a uid is taken again. */
gboolean        rk_store_restore_rule_section  (RkStore                  *self,
                                                const RkRuleRemoval      *removal,
                                                GError                  **error);

/* @section's body with its references rendered with the current citations in its version ("第2の1"), or
 * rk_rule_missing_ref_text() for a section not there. Newly allocated. */
char           *rk_store_render_rule_body      (RkStore                  *self,
                                                RkRuleSection            *section);

/* ------------------------------------------------------------------------------------------------------------ */
/* Form fields of an annex form (様式) */

/* The form's fields in order: a GPtrArray of RkFormField (free func set); empty for a text section. */
GPtrArray      *rk_store_list_form_fields      (RkStore                  *self,
                                                RkRuleSection            *section,
                                                GError                  **error);
/* Replaces all the form's fields with @fields (n may be 0), in one transaction. Refused for a text section, a
 * frozen version, or a field that does not validate (the message names the field by its place). */
gboolean        rk_store_set_form_fields       (RkStore                  *self,
                                                RkRuleSection            *section,
                                                const RkFormFieldInfo    *fields,
                                                guint                     n_fields,
                                                GError                  **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Trace: links from a section to the decisions (agenda items) and challenges (課題) that led to it */

/* A link as read back. A link belongs to the document and the section's uid, so it holds in every version. */
typedef struct {
  gint64  id;
  gint64  document_id;
  char   *section_uid;
  gint64  agenda_item_id; /* the agenda item whose decision (決定事項) led to it, or 0 … */
  gint64  challenge_id;   /* … or the challenge; exactly one of the two is set */
  char   *target_title;   /* the agenda item's or challenge's title */
  gint64  meeting_id;     /* the agenda item's meeting (for "jump to the meeting"), 0 for a challenge */
  char   *document_title;
  char   *section_title;  /* "第2 目的" in the document's latest live version, "" when that version lacks it */
} RkRuleSectionLink;

void               rk_rule_section_link_free   (RkRuleSectionLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRuleSectionLink, rk_rule_section_link_free)

/* Links @section's uid (in its document) to an agenda item (@agenda_item_id > 0, @challenge_id 0) or a challenge
 * (the other way round), which must exist and not be deleted. Linking twice to the same target is refused. Allowed
 * on frozen versions: it annotates the section's history, not its text. Returns the link's id, or 0 with @error. */
gint64          rk_store_link_rule_section     (RkStore                  *self,
                                                RkRuleSection            *section,
                                                gint64                    agenda_item_id,
                                                gint64                    challenge_id,
                                                GError                  **error);
gboolean        rk_store_unlink_rule_section   (RkStore                  *self,
                                                gint64                    link_id,
                                                GError                  **error);
/* The section's links (agenda items and challenges not deleted): a GPtrArray of RkRuleSectionLink (free func set),
 * decisions first (by meeting date), then challenges (by id). */
GPtrArray      *rk_store_list_section_links    (RkStore                  *self,
                                                RkRuleSection            *section,
                                                GError                  **error);
/* The other way: the sections (of documents not deleted) that an agenda item or a challenge led to, by document
 * position then citation order. */
GPtrArray      *rk_store_list_agenda_item_rule_links (RkStore            *self,
                                                      gint64              agenda_item_id,
                                                      GError            **error);
GPtrArray      *rk_store_list_challenge_rule_links   (RkStore            *self,
                                                      gint64              challenge_id,
                                                      GError            **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Review comments (意見) on a version or one of its sections */

typedef struct {
  gint64    id;
  gint64    version_id;
  char     *section_uid; /* NULL for a comment on the whole version */
  char     *author;      /* 訪問看護ステーション連絡会 佐藤; may be "" */
  char     *body;
  gboolean  resolved;
  char     *created_at;  /* "2025-10-05T10:00:00" */
} RkRuleComment;

void            rk_rule_comment_free           (RkRuleComment            *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRuleComment, rk_rule_comment_free)

/* Adds a comment on @version, on its section @section_uid (which must be in the version) or on the whole version
 * (NULL). The body cannot be empty or only spaces. Allowed on frozen versions (that is what 意見照会 is). Returns
 * the comment's id, or 0 with @error. */
gint64          rk_store_add_rule_comment      (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                const char               *section_uid,
                                                const char               *author,
                                                const char               *body,
                                                GError                  **error);
gboolean        rk_store_set_rule_comment_resolved (RkStore              *self,
                                                    gint64                comment_id,
                                                    gboolean              resolved,
                                                    GError              **error);
/* Soft delete and restore. */
gboolean        rk_store_remove_rule_comment   (RkStore                  *self,
                                                gint64                    comment_id,
                                                GError                  **error);
gboolean        rk_store_restore_rule_comment  (RkStore                  *self,
                                                gint64                    comment_id,
                                                GError                  **error);
/* The version's comments not deleted, oldest first: all of them for @section_uid NULL, else those on that section.
 * A GPtrArray of RkRuleComment (free func set). */
GPtrArray      *rk_store_list_rule_comments    (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                const char               *section_uid,
                                                GError                  **error);

/* ------------------------------------------------------------------------------------------------------------ */
/* Export as plain data (for app/rk-rule-diff.h and app/rk-akn.h) */

typedef struct {
  char              *uid;
  char              *parent_uid;  /* NULL at the top level */
  guint              depth;       /* 0 at the top level */
  int                position;    /* 0-based order among its siblings */
  char              *number;      /* own label: "第2", "(1)", "様式1" */
  char              *citation;    /* "第2の1の(3)" */
  char              *heading;
  char              *body;        /* references rendered with the current citations */
  char              *body_source; /* as stored, with {{ref:UID}} tokens */
  RkRuleSectionKind  kind;
  GPtrArray         *fields;      /* of RkFormField (free func set); empty for a text section */
} RkRuleExportSection;

void            rk_rule_export_section_free    (RkRuleExportSection      *section);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRuleExportSection, rk_rule_export_section_free)

/* The version's sections in document order as a GPtrArray of RkRuleExportSection (free func set), read from the
 * file (not from the lists), so it serves a version never opened in the editor. NULL with @error when the file
 * cannot be read. */
GPtrArray      *rk_store_export_rule_version   (RkStore                  *self,
                                                RkRuleVersion            *version,
                                                GError                  **error);

G_END_DECLS

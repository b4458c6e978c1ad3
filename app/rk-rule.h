/* rk-rule.h — coordination rules (連携ルール): rule documents, their versions (版) and the tree of sections in each
 * version, with annex forms (様式) and their fields; the Japanese item numbering and the cross-references in body
 * text.
 *
 * A rule document (e.g. 急変時・救急搬送時の連携ルール) has versions. A version is a draft until it is frozen (label
 * and date, e.g. 第2版 素案, 2025-10-01); a frozen version's sections cannot change any more, but its status (起案 …
 * 見直し中), label and date still can. A new draft is branched from any version: its sections are copies with the
 * same uids, so the diff matches sections across versions by uid and links (section_link) follow a section from
 * version to version.
 *
 * Numbering is derived, never stored: a section's number comes from its depth and its place among its siblings of
 * the same kind (rk_rule_number_label()), so moving, indenting or outdenting renumbers everything at once.
 * Top-level text sections are 第1, 第2 …; annex forms are numbered 様式1, 様式2 … in document order, apart from the
 * text sections. Body text refers to another section with the token {{ref:UID}} (rk_rule_body_make_ref()), rendered
 * with the target's current number (rk_rule_render_body()), so references survive renumbering.
 *
 * Dates are ISO "2025-10-01". The objects are property bags that only the store writes (app/rk-store-rules.h),
 * after the edit is committed. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------------------------------ */
/* Enumerations: the values are those stored in the schema (app/rk-store-schema.c). Labels are translated. */

typedef enum {
  RK_RULE_VERSION_DRAFT        = 0, /* 起案 */
  RK_RULE_VERSION_DISCUSSION   = 1, /* 協議中 */
  RK_RULE_VERSION_CONSULTATION = 2, /* 意見照会中 */
  RK_RULE_VERSION_FINAL        = 3, /* 確定 */
  RK_RULE_VERSION_IN_FORCE     = 4, /* 運用中 */
  RK_RULE_VERSION_REVIEW       = 5, /* 見直し中 */
} RkRuleVersionStatus;

#define RK_TYPE_RULE_VERSION_STATUS (rk_rule_version_status_get_type ())
GType        rk_rule_version_status_get_type (void);
const char  *rk_rule_version_status_to_label (RkRuleVersionStatus status); /* "Draft" / 起案 … "Under review" */

/* rule_section.kind */
typedef enum {
  RK_RULE_SECTION_TEXT = 0, /* 本文の節: heading and body text */
  RK_RULE_SECTION_FORM = 1, /* 様式: an annex form; its body is the form's note, its fields are form_field rows */
} RkRuleSectionKind;

#define RK_TYPE_RULE_SECTION_KIND (rk_rule_section_kind_get_type ())
GType        rk_rule_section_kind_get_type   (void);
const char  *rk_rule_section_kind_to_label   (RkRuleSectionKind kind); /* "Section" / "Form" */

/* form_field.kind */
typedef enum {
  RK_FORM_FIELD_TEXT     = 0, /* 記入欄 */
  RK_FORM_FIELD_DATE     = 1, /* 日付 */
  RK_FORM_FIELD_CHOICE   = 2, /* 選択 (one of the choices) */
  RK_FORM_FIELD_CHECKBOX = 3, /* チェック欄 (each choice a box, or one box when there are no choices) */
} RkFormFieldKind;

#define RK_TYPE_FORM_FIELD_KIND (rk_form_field_kind_get_type ())
GType        rk_form_field_kind_get_type     (void);
const char  *rk_form_field_kind_to_label     (RkFormFieldKind kind); /* "Text" / "Date" / "Choice" / "Checkbox" */

/* ------------------------------------------------------------------------------------------------------------ */
/* Numbering (pure) */

/* The number of a text section at @depth (0 = top level) that is the @index-th (0-based) text section among its
 * siblings, in the style of municipal rules written horizontally, with half-width digits and parentheses:
 *   depth 0: 第1 第2 …   depth 1: 1 2 …   depth 2: (1) (2) …   depth 3: ア イ ウ …   depth 4: (ア) (イ) …
 *   depth 5: a b c …     depth 6 and deeper: (a) (b) …
 * Katakana run in 五十音 order ア イ ウ エ オ カ … ワ (44 letters, no ヰ ヱ ヲ ン); past ワ they continue as two
 * letters, アア アイ … (and past z as aa ab …), so every index has a distinct label. The labels are document
 * content, not translated. Returns a newly allocated string. */
char        *rk_rule_number_label            (guint depth,
                                              guint index);
/* The number of the @index-th (0-based) annex form of a version, in document order: "様式1", "様式2" … */
char        *rk_rule_form_label              (guint index);
/* How a reference cites a section: the numbers of the section and its ancestors from the top, joined with "の", as
 * rules cite them: {"第2", "1", "(3)"} → "第2の1の(3)"; a form is cited by its own label ("様式1"). @labels is
 * NULL-terminated, outermost first. */
char        *rk_rule_number_path             (const char *const *labels);

/* ------------------------------------------------------------------------------------------------------------ */
/* Cross-references in body text (pure) */

/* A uid: 1–64 ASCII letters, digits, '-' or '_' (so that a token's end is never in doubt). New sections get a random
 * UUID; templates and the demo use readable ones ("purpose", "procedure-call"). */
gboolean     rk_rule_uid_is_valid            (const char *uid);
/* A new random uid. */
char        *rk_rule_uid_new                 (void);

/* The token that refers to @uid in body text: "{{ref:UID}}". */
char        *rk_rule_body_make_ref           (const char *uid);
/* The uids @body refers to, in order of appearance, each once: a NULL-terminated array (empty, never NULL). Text that
 * looks like a token but holds an invalid uid is not a reference and stays as typed. */
char       **rk_rule_body_list_refs          (const char *body);

/* Gives the current citation of @uid (e.g. "第2の1"), newly allocated, or NULL when no such section exists. */
typedef char *(*RkRuleRefLookup)             (const char *uid,
                                              gpointer    user_data);
/* @body with each {{ref:UID}} replaced by what @lookup gives, or by _("(missing reference)") (（参照先なし）) when it
 * gives NULL: the target was removed or never existed. Never fails; other text is copied unchanged. */
char        *rk_rule_render_body             (const char      *body,
                                              RkRuleRefLookup  lookup,
                                              gpointer         user_data);
/* The text shown for a reference to a section that is not there: "(missing reference)", translated. */
const char  *rk_rule_missing_ref_text        (void);

/* ------------------------------------------------------------------------------------------------------------ */
/* Rule documents */

typedef struct {
  const char  *title; /* 急変時・救急搬送時の連携ルール; cannot be empty or only spaces */
  const char  *kind;  /* a rule kind code of the catalog (data/catalog/rule-kinds.xml), or "" / NULL for none */
} RkRuleDocumentInfo;

/* Refuses, with a translated message naming the field: an empty or blank title (spaces, U+3000), text that is not
 * UTF-8. */
gboolean     rk_rule_document_info_validate  (const RkRuleDocumentInfo *info,
                                              GError                  **error);

#define RK_TYPE_RULE_DOCUMENT (rk_rule_document_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleDocument, rk_rule_document, RK, RULE_DOCUMENT, GObject)

/* Properties: "id" (gint64, construct-only), "title", "kind" ("" for none), "position" (int: order among the
 * council's documents), "created-at" (string, construct-only). Edits go through rk_store_update_rule_document(). */
gint64       rk_rule_document_get_id         (RkRuleDocument     *self);
const char  *rk_rule_document_get_title      (RkRuleDocument     *self);
const char  *rk_rule_document_get_kind       (RkRuleDocument     *self);
int          rk_rule_document_get_position   (RkRuleDocument     *self);
const char  *rk_rule_document_get_created_at (RkRuleDocument     *self);
/* Strings point into @self: valid until the next edit of the document. */
void         rk_rule_document_get_info       (RkRuleDocument     *self,
                                              RkRuleDocumentInfo *info);

/* ------------------------------------------------------------------------------------------------------------ */
/* Versions (版) */

typedef struct {
  const char          *label;        /* 第2版 素案; may be empty for a draft, required to freeze */
  const char          *version_date; /* ISO "2025-10-01", or NULL / "" for none; required to freeze */
  RkRuleVersionStatus  status;
} RkRuleVersionInfo;

/* Refuses, with a translated message naming the field: a label of only spaces, a date that is not a real
 * YYYY-MM-DD (1989–2200), a status out of range, text that is not UTF-8. */
gboolean     rk_rule_version_info_validate   (const RkRuleVersionInfo *info,
                                              GError                 **error);
/* As above, and what freezing needs besides: a label that is not empty and a date. */
gboolean     rk_rule_version_info_validate_for_freeze (const RkRuleVersionInfo *info,
                                                       GError                 **error);

#define RK_TYPE_RULE_VERSION (rk_rule_version_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleVersion, rk_rule_version, RK, RULE_VERSION, GObject)

/* Properties: "id" (gint64, construct-only), "document-id" (gint64, construct-only), "label", "version-date" (""
 * for none), "status" (RkRuleVersionStatus), "frozen" (boolean: its sections can no longer be edited),
 * "based-on-id" (gint64, construct-only: the version it was branched from, 0 for none), "created-at" (string,
 * construct-only). Edits go through rk_store_update_rule_version() and rk_store_freeze_rule_version(). */
gint64               rk_rule_version_get_id           (RkRuleVersion     *self);
gint64               rk_rule_version_get_document_id  (RkRuleVersion     *self);
const char          *rk_rule_version_get_label        (RkRuleVersion     *self);
const char          *rk_rule_version_get_version_date (RkRuleVersion     *self);
RkRuleVersionStatus  rk_rule_version_get_status       (RkRuleVersion     *self);
gboolean             rk_rule_version_get_frozen       (RkRuleVersion     *self);
gint64               rk_rule_version_get_based_on_id  (RkRuleVersion     *self);
const char          *rk_rule_version_get_created_at   (RkRuleVersion     *self);
void                 rk_rule_version_get_info         (RkRuleVersion     *self,
                                                       RkRuleVersionInfo *info);
/* The label, or "Draft" (translated) for a draft without one: for titles and lists. */
const char          *rk_rule_version_get_display_label (RkRuleVersion    *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* Sections */

typedef struct {
  RkRuleSectionKind  kind;
  const char        *heading; /* 目的; may be empty (a numbered paragraph without heading), never only spaces */
  const char        *body;    /* may hold {{ref:UID}} tokens; up to RK_RULE_BODY_MAX bytes */
} RkRuleSectionInfo;

/* A body longer than this is refused: far more than any rule has (a 1 MB paragraph is accepted), small enough
 * that a pasted file by mistake is caught. */
#define RK_RULE_BODY_MAX (8 * 1024 * 1024)

/* Refuses, with a translated message naming the field: a heading of only spaces (ASCII or U+3000), a body over
 * RK_RULE_BODY_MAX, a kind out of range, text that is not UTF-8. */
gboolean     rk_rule_section_info_validate   (const RkRuleSectionInfo *info,
                                              GError                 **error);

#define RK_TYPE_RULE_SECTION (rk_rule_section_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleSection, rk_rule_section, RK, RULE_SECTION, GObject)

/* Properties: "id" (gint64, construct-only: the row, one per version), "version-id" (gint64, construct-only), "uid"
 * (string, construct-only: the same in every version), "parent-uid" ("" at top level), "position" (int: order
 * among its siblings), "kind" (RkRuleSectionKind), "heading", "body" (as stored, with tokens).
 * Derived from the tree, kept current by the store after every change of the version's tree: "depth" (uint, 0 at
 * top level), "number" (string: its own label, "第2", "(1)", "様式1"), "citation" (string: how a reference cites it,
 * "第2の1の(3)"). Edits go through rk_store_update_rule_section() and the tree operations of the store. */
gint64             rk_rule_section_get_id         (RkRuleSection     *self);
gint64             rk_rule_section_get_version_id (RkRuleSection     *self);
const char        *rk_rule_section_get_uid        (RkRuleSection     *self);
const char        *rk_rule_section_get_parent_uid (RkRuleSection     *self); /* "" at top level */
int                rk_rule_section_get_position   (RkRuleSection     *self);
RkRuleSectionKind  rk_rule_section_get_kind       (RkRuleSection     *self);
const char        *rk_rule_section_get_heading    (RkRuleSection     *self);
const char        *rk_rule_section_get_body       (RkRuleSection     *self);
guint              rk_rule_section_get_depth      (RkRuleSection     *self);
const char        *rk_rule_section_get_number     (RkRuleSection     *self);
const char        *rk_rule_section_get_citation   (RkRuleSection     *self);
void               rk_rule_section_get_info       (RkRuleSection     *self,
                                                   RkRuleSectionInfo *info);
/* "第2 目的", or the number alone when the heading is empty. */
char              *rk_rule_section_dup_title      (RkRuleSection     *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* Form fields (様式の項目) */

typedef struct {
  const char       *label;   /* 氏名(ふりがな); cannot be empty or only spaces */
  RkFormFieldKind   kind;
  const char       *choices; /* CHOICE / CHECKBOX: one choice per line ("男\n女"); "" otherwise */
} RkFormFieldInfo;

/* Refuses, with a translated message naming the field: an empty or blank label, a kind out of range, a choice field
 * with fewer than two choices, text that is not UTF-8. */
gboolean     rk_form_field_info_validate     (const RkFormFieldInfo *info,
                                              GError               **error);

/* A field as read back (plain data). */
typedef struct {
  gint64           id;
  int              position;
  char            *label;
  RkFormFieldKind  kind;
  char            *choices; /* one per line, "" for none */
} RkFormField;

RkFormField *rk_form_field_copy              (const RkFormField *field);
void         rk_form_field_free              (RkFormField       *field);
/* The choices as an array (empty lines dropped), NULL-terminated. */
char       **rk_form_field_dup_choices       (const RkFormField *field);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkFormField, rk_form_field_free)

G_END_DECLS

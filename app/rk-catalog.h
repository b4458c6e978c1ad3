/* rk-catalog.h — the domain catalogs of DOMAIN.md (member types, STEP1–6 templates, self-check sheet, indicators,
 * rule kinds and cases, council-running tips), read once from the GResource bundle (the XML files in data/catalog).
 *
 * Every entry is a small immutable GObject with read-only properties; every list is a GListModel, so widgets bind
 * to them directly. Everything returned is owned by the catalog, which lives for the whole process: callers never
 * free what a getter returns (lists and objects are "transfer none"). Texts are the guide's Japanese data and are
 * not translated. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Same numbering as the store's indicator.unit_kind column: 0 時間, 1 件数, 2 割合. */
typedef enum {
  RK_UNIT_KIND_TIME  = 0,
  RK_UNIT_KIND_COUNT = 1,
  RK_UNIT_KIND_RATIO = 2,
} RkUnitKind;

#define RK_TYPE_UNIT_KIND (rk_unit_kind_get_type ())
GType        rk_unit_kind_get_type (void);
const char  *rk_unit_kind_to_string (RkUnitKind kind); /* "time", "count", "ratio" */

/* How a self-check option is answered. */
typedef enum {
  RK_CHECK_KIND_CHECKBOX = 0, /* one of several that may all be ticked */
  RK_CHECK_KIND_RADIO    = 1, /* one of an exclusive pair such as ある / ない */
  RK_CHECK_KIND_YES_NO   = 2, /* はい or いいえ */
  RK_CHECK_KIND_TEXT     = 3, /* a free-text field on its own, e.g. 問1(a) 名称 */
} RkCheckKind;

#define RK_TYPE_CHECK_KIND (rk_check_kind_get_type ())
GType        rk_check_kind_get_type (void);
const char  *rk_check_kind_to_string (RkCheckKind kind); /* "checkbox", "radio", "yes-no", "text" */

/* ------------------------------------------------------------------------------------------------------------ */
/* 構成員候補. Properties: "number" (1–20), "name", "survey-label" (the R5 survey's wording, e.g. 市区町村 for
 * 市町村; equals name when the survey used the same word), "participation" (percent of n=249), "note" (the *1
 * note, "" when none). */
#define RK_TYPE_MEMBER_TYPE (rk_member_type_get_type ())
G_DECLARE_FINAL_TYPE (RkMemberType, rk_member_type, RK, MEMBER_TYPE, GObject)

guint        rk_member_type_get_number        (RkMemberType *self);
const char  *rk_member_type_get_name          (RkMemberType *self);
const char  *rk_member_type_get_survey_label  (RkMemberType *self);
double       rk_member_type_get_participation (RkMemberType *self);
const char  *rk_member_type_get_note          (RkMemberType *self);

/* A labelled survey share. Properties: "id" (stable key, "" when none), "label", "share" (percent). */
#define RK_TYPE_SURVEY_SHARE (rk_survey_share_get_type ())
G_DECLARE_FINAL_TYPE (RkSurveyShare, rk_survey_share, RK, SURVEY_SHARE, GObject)

const char  *rk_survey_share_get_id    (RkSurveyShare *self);
const char  *rk_survey_share_get_label (RkSurveyShare *self);
double       rk_survey_share_get_share (RkSurveyShare *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* One item of a 工程表 template. Properties: "step" (1–6), "step-title" (the template's own title of that step,
 * "" when the guide gives none), "code" ("1-1"), "title", "detail", "timing" (the guide's own wording of when,
 * e.g. "1年目8月〜11月", "" when it gives none), "start-month" (months from the anchor, the 1 April that opens the
 * council's first fiscal year), "duration-months" (≥ 1), "cadence" (e.g. "2か月に1回程度", "" when once). */
#define RK_TYPE_TEMPLATE_ITEM (rk_template_item_get_type ())
G_DECLARE_FINAL_TYPE (RkTemplateItem, rk_template_item, RK, TEMPLATE_ITEM, GObject)

guint        rk_template_item_get_step            (RkTemplateItem *self);
const char  *rk_template_item_get_step_title      (RkTemplateItem *self);
const char  *rk_template_item_get_code            (RkTemplateItem *self);
const char  *rk_template_item_get_title           (RkTemplateItem *self);
const char  *rk_template_item_get_detail          (RkTemplateItem *self);
const char  *rk_template_item_get_timing          (RkTemplateItem *self);
guint        rk_template_item_get_start_month     (RkTemplateItem *self);
guint        rk_template_item_get_duration_months (RkTemplateItem *self);
const char  *rk_template_item_get_cadence         (RkTemplateItem *self);

/* Properties: "id" ("three-year" / "one-year"), "title", "years" (how many fiscal years it spans), "notes"
 * (newline-separated, "" when none), "items" (GListModel of RkTemplateItem, in the guide's order). */
#define RK_TYPE_SCHEDULE_TEMPLATE (rk_schedule_template_get_type ())
G_DECLARE_FINAL_TYPE (RkScheduleTemplate, rk_schedule_template, RK, SCHEDULE_TEMPLATE, GObject)

const char  *rk_schedule_template_get_id    (RkScheduleTemplate *self);
const char  *rk_schedule_template_get_title (RkScheduleTemplate *self);
guint        rk_schedule_template_get_years (RkScheduleTemplate *self);
const char  *rk_schedule_template_get_notes (RkScheduleTemplate *self);
GListModel  *rk_schedule_template_get_items (RkScheduleTemplate *self);
RkTemplateItem *rk_schedule_template_lookup_item (RkScheduleTemplate *self,
                                                  const char         *code);

/* ------------------------------------------------------------------------------------------------------------ */
/* One answer of the self-check sheet. Properties: "code" (stable key stored in selfcheck_answer.option_code:
 * "q" + question number + sub-question letter + position, e.g. "q11" 問1 はい, "q2d3" 問2(d) third option),
 * "question" (1–7), "sub-question" ("a"…"h", "" on the question itself), "group" (a heading such as 【人材育成】,
 * "" when none), "label" (the guide's full wording), "kind" (RkCheckKind), "exclusive" (ticking it means none of
 * the others, e.g. 特に検討していない), "has-text" (a free-text field goes with it), "text-label" (that field's
 * caption such as 部署名, "" when unlabelled), "note" (the guide's ※ or 例) text, "" when none), "condition" (the
 * code of the option that must be chosen for this one to apply, e.g. "q11" = only if 問1 = はい; "" when always). */
#define RK_TYPE_CHECK_OPTION (rk_check_option_get_type ())
G_DECLARE_FINAL_TYPE (RkCheckOption, rk_check_option, RK, CHECK_OPTION, GObject)

const char  *rk_check_option_get_code         (RkCheckOption *self);
guint        rk_check_option_get_question     (RkCheckOption *self);
const char  *rk_check_option_get_sub_question (RkCheckOption *self);
const char  *rk_check_option_get_group        (RkCheckOption *self);
const char  *rk_check_option_get_label        (RkCheckOption *self);
RkCheckKind  rk_check_option_get_kind         (RkCheckOption *self);
gboolean     rk_check_option_get_exclusive    (RkCheckOption *self);
gboolean     rk_check_option_get_has_text     (RkCheckOption *self);
const char  *rk_check_option_get_text_label   (RkCheckOption *self);
const char  *rk_check_option_get_note         (RkCheckOption *self);
const char  *rk_check_option_get_condition    (RkCheckOption *self);

/* Properties: "number" (1–7), "text", "note" ("" when none), "options" (GListModel of RkCheckOption, in the
 * sheet's order, sub-questions included). Sub-questions (a)… have their own text and condition. */
#define RK_TYPE_CHECK_QUESTION (rk_check_question_get_type ())
G_DECLARE_FINAL_TYPE (RkCheckQuestion, rk_check_question, RK, CHECK_QUESTION, GObject)

guint        rk_check_question_get_number  (RkCheckQuestion *self);
const char  *rk_check_question_get_text    (RkCheckQuestion *self);
const char  *rk_check_question_get_note    (RkCheckQuestion *self);
GListModel  *rk_check_question_get_options (RkCheckQuestion *self);
/* The letters of the sub-questions in order, NULL-terminated (empty when the question has none). */
const char * const *rk_check_question_get_sub_questions         (RkCheckQuestion *self);
const char  *rk_check_question_get_sub_question_text      (RkCheckQuestion *self,
                                                          const char      *letter);
const char  *rk_check_question_get_sub_question_note      (RkCheckQuestion *self,
                                                          const char      *letter);
const char  *rk_check_question_get_sub_question_condition (RkCheckQuestion *self,
                                                          const char      *letter);

/* Properties: "number" (①–⑥ as 1–6), "title", "detail" ("" when none). */
#define RK_TYPE_PREFECTURE_ROLE (rk_prefecture_role_get_type ())
G_DECLARE_FINAL_TYPE (RkPrefectureRole, rk_prefecture_role, RK, PREFECTURE_ROLE, GObject)

guint        rk_prefecture_role_get_number (RkPrefectureRole *self);
const char  *rk_prefecture_role_get_title  (RkPrefectureRole *self);
const char  *rk_prefecture_role_get_detail (RkPrefectureRole *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* 効果検証指標. Properties: "code" (stable key stored in indicator.catalog_code, e.g. "C2"), "group" (e.g.
 * "end-of-life"), "group-title" (e.g. 患者数・在宅での看取り), "perspective" (連携実績指標 / 体制整備指標 /
 * 診療報酬・介護報酬), "name", "unit-kind" (RkUnitKind), "share" (percent of the 88 municipalities with
 * indicators; negative when the guide gives none), "rationale" (the guide's 考え方, "" when none). */
#define RK_TYPE_INDICATOR_DEF (rk_indicator_def_get_type ())
G_DECLARE_FINAL_TYPE (RkIndicatorDef, rk_indicator_def, RK, INDICATOR_DEF, GObject)

const char  *rk_indicator_def_get_code        (RkIndicatorDef *self);
const char  *rk_indicator_def_get_group       (RkIndicatorDef *self);
const char  *rk_indicator_def_get_group_title (RkIndicatorDef *self);
const char  *rk_indicator_def_get_perspective (RkIndicatorDef *self);
const char  *rk_indicator_def_get_name        (RkIndicatorDef *self);
RkUnitKind   rk_indicator_def_get_unit_kind   (RkIndicatorDef *self);
double       rk_indicator_def_get_share       (RkIndicatorDef *self);
gboolean     rk_indicator_def_has_share       (RkIndicatorDef *self);
const char  *rk_indicator_def_get_rationale   (RkIndicatorDef *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* A case from the guide. Properties: "id", "kind" (the id of its RkRuleKind, or "process" for a case about how a
 * council or prefecture went about it), "prefecture" (e.g. 東京都), "municipality" (e.g. 墨田区; "" for a
 * prefecture-wide case), "name", "summary", "points" (NULL-terminated list of the details worth copying, may be
 * empty), "source" (the guide's 出典, "" when none). */
#define RK_TYPE_RULE_CASE (rk_rule_case_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleCase, rk_rule_case, RK, RULE_CASE, GObject)

const char  *rk_rule_case_get_id           (RkRuleCase *self);
const char  *rk_rule_case_get_kind         (RkRuleCase *self);
const char  *rk_rule_case_get_prefecture   (RkRuleCase *self);
const char  *rk_rule_case_get_municipality (RkRuleCase *self);
const char  *rk_rule_case_get_name         (RkRuleCase *self);
const char  *rk_rule_case_get_summary      (RkRuleCase *self);
const char * const *rk_rule_case_get_points (RkRuleCase *self);
const char  *rk_rule_case_get_source       (RkRuleCase *self);

/* A kind of rule (guide §5: numbers 1–3) or another rule area the guide names (number 0). Properties: "id",
 * "number", "title", "detail" ("" when none), "cases" (GListModel of RkRuleCase, empty for the other areas). */
#define RK_TYPE_RULE_KIND (rk_rule_kind_get_type ())
G_DECLARE_FINAL_TYPE (RkRuleKind, rk_rule_kind, RK, RULE_KIND, GObject)

const char  *rk_rule_kind_get_id     (RkRuleKind *self);
guint        rk_rule_kind_get_number (RkRuleKind *self);
const char  *rk_rule_kind_get_title  (RkRuleKind *self);
const char  *rk_rule_kind_get_detail (RkRuleKind *self);
GListModel  *rk_rule_kind_get_cases  (RkRuleKind *self);

/* ------------------------------------------------------------------------------------------------------------ */
/* A council-running challenge and its remedies (guide §4(4)A). Properties: "id", "title" (short form),
 * "challenges" and "remedies" (NULL-terminated lists in the guide's wording). */
#define RK_TYPE_TIP (rk_tip_get_type ())
G_DECLARE_FINAL_TYPE (RkTip, rk_tip, RK, TIP, GObject)

const char  *rk_tip_get_id                  (RkTip *self);
const char  *rk_tip_get_title               (RkTip *self);
const char * const *rk_tip_get_challenges   (RkTip *self);
const char * const *rk_tip_get_remedies     (RkTip *self);

/* ------------------------------------------------------------------------------------------------------------ */
#define RK_TYPE_CATALOG (rk_catalog_get_type ())
G_DECLARE_FINAL_TYPE (RkCatalog, rk_catalog, RK, CATALOG, GObject)

/* Loads every catalog once, on first use, from any thread. Never NULL; a broken catalog is reported with
 * g_critical() and leaves its lists empty. */
RkCatalog   *rk_catalog_get_default (void);

/* Member types */
GListModel  *rk_catalog_get_member_types          (RkCatalog *self); /* RkMemberType, numbers 1–20 in order */
RkMemberType *rk_catalog_lookup_member_type       (RkCatalog *self,
                                                   guint      number);
double       rk_catalog_get_member_type_no_answer (RkCatalog *self); /* 無回答, percent of n=249 */
guint        rk_catalog_get_member_type_survey_n  (RkCatalog *self); /* 249 */
GListModel  *rk_catalog_get_lead_organisations    (RkCatalog *self); /* RkSurveyShare, n=249 */

/* 工程表 templates */
GListModel  *rk_catalog_get_schedule_templates    (RkCatalog *self); /* RkScheduleTemplate */
RkScheduleTemplate *rk_catalog_lookup_schedule_template (RkCatalog  *self,
                                                         const char *id);
guint        rk_catalog_get_n_steps               (RkCatalog *self); /* 6 */
const char  *rk_catalog_get_step_title            (RkCatalog *self,  /* STEP1–6 of the canonical template */
                                                   guint      step);

/* Self-check sheet */
GListModel  *rk_catalog_get_check_questions       (RkCatalog *self); /* RkCheckQuestion, 問1–問7 */
RkCheckQuestion *rk_catalog_lookup_check_question (RkCatalog *self,
                                                   guint      number);
RkCheckOption *rk_catalog_lookup_check_option     (RkCatalog  *self,
                                                   const char *code);
GListModel  *rk_catalog_get_support_wanted        (RkCatalog *self); /* RkSurveyShare, n=870 */
guint        rk_catalog_get_support_wanted_n      (RkCatalog *self);
GListModel  *rk_catalog_get_support_received      (RkCatalog *self); /* RkSurveyShare, n=121 */
guint        rk_catalog_get_support_received_n    (RkCatalog *self);
GListModel  *rk_catalog_get_prefecture_roles      (RkCatalog *self); /* RkPrefectureRole ①–⑥ */

/* Indicators */
GListModel  *rk_catalog_get_indicators            (RkCatalog *self); /* RkIndicatorDef, grouped, guide's order */
RkIndicatorDef *rk_catalog_lookup_indicator       (RkCatalog  *self,
                                                   const char *code);
guint        rk_catalog_get_indicator_survey_n    (RkCatalog *self); /* 88 */

/* Rules */
GListModel  *rk_catalog_get_rule_kinds            (RkCatalog *self); /* RkRuleKind 1–3 */
GListModel  *rk_catalog_get_rule_areas            (RkCatalog *self); /* RkRuleKind, number 0 */
GListModel  *rk_catalog_get_cases                 (RkCatalog *self); /* RkRuleCase, every case incl. process */
RkRuleKind  *rk_catalog_lookup_rule_kind          (RkCatalog  *self,
                                                   const char *id);

/* Council-running tips */
GListModel  *rk_catalog_get_tips                  (RkCatalog *self); /* RkTip */

G_END_DECLS

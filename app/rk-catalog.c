/* rk-catalog.c — the domain catalogs, read with libxml2 from the GResource bundle.
 *
 * The catalogs are our own data, compiled into the binary, so a catalog that does not parse or breaks a rule below
 * is a programmer error: it is reported with g_critical() and leaves that catalog's lists empty, but nothing
 * crashes. The parsing still checks every value it relies on, because a bad edit to an XML file must show up in
 * the tests rather than as garbage in a window. */
#include "rk-catalog.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "rk-catalog-resources.h"

#define RK_CATALOG_RESOURCE_PATH "/io/github/renkei/Renkei/catalog/"
#define RK_CATALOG_ERROR (rk_catalog_error_quark ())
#define RK_CATALOG_N_STEPS 6
#define RK_CATALOG_N_MEMBER_TYPES 20

static G_DEFINE_QUARK (rk-catalog-error, rk_catalog_error)

/* ============================================================================================================ */
/* Enums */

GType
rk_unit_kind_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { RK_UNIT_KIND_TIME, "RK_UNIT_KIND_TIME", "time" },
    { RK_UNIT_KIND_COUNT, "RK_UNIT_KIND_COUNT", "count" },
    { RK_UNIT_KIND_RATIO, "RK_UNIT_KIND_RATIO", "ratio" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("RkUnitKind"), values));

  return type_id;
}

const char *
rk_unit_kind_to_string (RkUnitKind kind)
{
  switch (kind)
    {
    case RK_UNIT_KIND_TIME:  return "time";
    case RK_UNIT_KIND_COUNT: return "count";
    case RK_UNIT_KIND_RATIO: return "ratio";
    default:                 break;
    }
  g_return_val_if_reached (NULL);
}

GType
rk_check_kind_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { RK_CHECK_KIND_CHECKBOX, "RK_CHECK_KIND_CHECKBOX", "checkbox" },
    { RK_CHECK_KIND_RADIO, "RK_CHECK_KIND_RADIO", "radio" },
    { RK_CHECK_KIND_YES_NO, "RK_CHECK_KIND_YES_NO", "yes-no" },
    { RK_CHECK_KIND_TEXT, "RK_CHECK_KIND_TEXT", "text" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("RkCheckKind"), values));

  return type_id;
}

const char *
rk_check_kind_to_string (RkCheckKind kind)
{
  switch (kind)
    {
    case RK_CHECK_KIND_CHECKBOX: return "checkbox";
    case RK_CHECK_KIND_RADIO:    return "radio";
    case RK_CHECK_KIND_YES_NO:   return "yes-no";
    case RK_CHECK_KIND_TEXT:     return "text";
    default:                     break;
    }
  g_return_val_if_reached (NULL);
}

/* Enum values by their nick, as the XML spells them. */
static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (ev == NULL)
    return FALSE;
  *value = ev->value;
  return TRUE;
}

/* Catalog strings are never NULL: an absent text is "", so bindings and labels need no NULL checks. */
#define STR_OR_EMPTY(s) ((s) != NULL ? (s) : "")

static const char * const empty_strv[] = { NULL };

/* ============================================================================================================ */
/* RkMemberType */

struct _RkMemberType
{
  GObject  parent_instance;
  guint    number;
  char    *name;
  char    *survey_label;
  double   participation;
  char    *note;
};

G_DEFINE_FINAL_TYPE (RkMemberType, rk_member_type, G_TYPE_OBJECT)

enum {
  MT_PROP_0,
  MT_PROP_NUMBER,
  MT_PROP_NAME,
  MT_PROP_SURVEY_LABEL,
  MT_PROP_PARTICIPATION,
  MT_PROP_NOTE,
  MT_N_PROPS
};

static GParamSpec *member_type_properties[MT_N_PROPS];

static void
rk_member_type_finalize (GObject *object)
{
  RkMemberType *self = (RkMemberType *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->survey_label, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (rk_member_type_parent_class)->finalize (object);
}

static void
rk_member_type_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RkMemberType *self = RK_MEMBER_TYPE (object);

  switch (prop_id)
    {
    case MT_PROP_NUMBER:        g_value_set_uint (value, self->number); break;
    case MT_PROP_NAME:          g_value_set_string (value, rk_member_type_get_name (self)); break;
    case MT_PROP_SURVEY_LABEL:  g_value_set_string (value, rk_member_type_get_survey_label (self)); break;
    case MT_PROP_PARTICIPATION: g_value_set_double (value, self->participation); break;
    case MT_PROP_NOTE:          g_value_set_string (value, rk_member_type_get_note (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_member_type_class_init (RkMemberTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_member_type_finalize;
  object_class->get_property = rk_member_type_get_property;

  member_type_properties[MT_PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, RK_CATALOG_N_MEMBER_TYPES, 1, flags);
  member_type_properties[MT_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  member_type_properties[MT_PROP_SURVEY_LABEL] = g_param_spec_string ("survey-label", NULL, NULL, "", flags);
  member_type_properties[MT_PROP_PARTICIPATION] =
    g_param_spec_double ("participation", NULL, NULL, 0.0, 100.0, 0.0, flags);
  member_type_properties[MT_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, MT_N_PROPS, member_type_properties);
}

static void
rk_member_type_init (RkMemberType *self)
{
}

guint
rk_member_type_get_number (RkMemberType *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_TYPE (self), 0);
  return self->number;
}

const char *
rk_member_type_get_name (RkMemberType *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_TYPE (self), NULL);
  return STR_OR_EMPTY (self->name);
}

const char *
rk_member_type_get_survey_label (RkMemberType *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_TYPE (self), NULL);
  return self->survey_label != NULL ? self->survey_label : STR_OR_EMPTY (self->name);
}

double
rk_member_type_get_participation (RkMemberType *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_TYPE (self), 0.0);
  return self->participation;
}

const char *
rk_member_type_get_note (RkMemberType *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_TYPE (self), NULL);
  return STR_OR_EMPTY (self->note);
}

/* ============================================================================================================ */
/* RkSurveyShare */

struct _RkSurveyShare
{
  GObject  parent_instance;
  char    *id;
  char    *label;
  double   share;
};

G_DEFINE_FINAL_TYPE (RkSurveyShare, rk_survey_share, G_TYPE_OBJECT)

enum {
  SS_PROP_0,
  SS_PROP_ID,
  SS_PROP_LABEL,
  SS_PROP_SHARE,
  SS_N_PROPS
};

static GParamSpec *survey_share_properties[SS_N_PROPS];

static void
rk_survey_share_finalize (GObject *object)
{
  RkSurveyShare *self = (RkSurveyShare *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (rk_survey_share_parent_class)->finalize (object);
}

static void
rk_survey_share_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkSurveyShare *self = RK_SURVEY_SHARE (object);

  switch (prop_id)
    {
    case SS_PROP_ID:    g_value_set_string (value, rk_survey_share_get_id (self)); break;
    case SS_PROP_LABEL: g_value_set_string (value, rk_survey_share_get_label (self)); break;
    case SS_PROP_SHARE: g_value_set_double (value, self->share); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_survey_share_class_init (RkSurveyShareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_survey_share_finalize;
  object_class->get_property = rk_survey_share_get_property;

  survey_share_properties[SS_PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  survey_share_properties[SS_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);
  survey_share_properties[SS_PROP_SHARE] = g_param_spec_double ("share", NULL, NULL, 0.0, 100.0, 0.0, flags);

  g_object_class_install_properties (object_class, SS_N_PROPS, survey_share_properties);
}

static void
rk_survey_share_init (RkSurveyShare *self)
{
}

const char *
rk_survey_share_get_id (RkSurveyShare *self)
{
  g_return_val_if_fail (RK_IS_SURVEY_SHARE (self), NULL);
  return STR_OR_EMPTY (self->id);
}

const char *
rk_survey_share_get_label (RkSurveyShare *self)
{
  g_return_val_if_fail (RK_IS_SURVEY_SHARE (self), NULL);
  return STR_OR_EMPTY (self->label);
}

double
rk_survey_share_get_share (RkSurveyShare *self)
{
  g_return_val_if_fail (RK_IS_SURVEY_SHARE (self), 0.0);
  return self->share;
}

/* ============================================================================================================ */
/* RkTemplateItem */

struct _RkTemplateItem
{
  GObject  parent_instance;
  guint    step;
  char    *step_title;
  char    *code;
  char    *title;
  char    *detail;
  char    *timing;
  guint    start_month;
  guint    duration_months;
  char    *cadence;
};

G_DEFINE_FINAL_TYPE (RkTemplateItem, rk_template_item, G_TYPE_OBJECT)

enum {
  TI_PROP_0,
  TI_PROP_STEP,
  TI_PROP_STEP_TITLE,
  TI_PROP_CODE,
  TI_PROP_TITLE,
  TI_PROP_DETAIL,
  TI_PROP_TIMING,
  TI_PROP_START_MONTH,
  TI_PROP_DURATION_MONTHS,
  TI_PROP_CADENCE,
  TI_N_PROPS
};

static GParamSpec *template_item_properties[TI_N_PROPS];

static void
rk_template_item_finalize (GObject *object)
{
  RkTemplateItem *self = (RkTemplateItem *) object;

  g_clear_pointer (&self->step_title, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->timing, g_free);
  g_clear_pointer (&self->cadence, g_free);

  G_OBJECT_CLASS (rk_template_item_parent_class)->finalize (object);
}

static void
rk_template_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkTemplateItem *self = RK_TEMPLATE_ITEM (object);

  switch (prop_id)
    {
    case TI_PROP_STEP:            g_value_set_uint (value, self->step); break;
    case TI_PROP_STEP_TITLE:      g_value_set_string (value, rk_template_item_get_step_title (self)); break;
    case TI_PROP_CODE:            g_value_set_string (value, rk_template_item_get_code (self)); break;
    case TI_PROP_TITLE:           g_value_set_string (value, rk_template_item_get_title (self)); break;
    case TI_PROP_DETAIL:          g_value_set_string (value, rk_template_item_get_detail (self)); break;
    case TI_PROP_TIMING:          g_value_set_string (value, rk_template_item_get_timing (self)); break;
    case TI_PROP_START_MONTH:     g_value_set_uint (value, self->start_month); break;
    case TI_PROP_DURATION_MONTHS: g_value_set_uint (value, self->duration_months); break;
    case TI_PROP_CADENCE:         g_value_set_string (value, rk_template_item_get_cadence (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_template_item_class_init (RkTemplateItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_template_item_finalize;
  object_class->get_property = rk_template_item_get_property;

  template_item_properties[TI_PROP_STEP] = g_param_spec_uint ("step", NULL, NULL, 1, RK_CATALOG_N_STEPS, 1, flags);
  template_item_properties[TI_PROP_STEP_TITLE] = g_param_spec_string ("step-title", NULL, NULL, "", flags);
  template_item_properties[TI_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  template_item_properties[TI_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  template_item_properties[TI_PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", flags);
  template_item_properties[TI_PROP_TIMING] = g_param_spec_string ("timing", NULL, NULL, "", flags);
  template_item_properties[TI_PROP_START_MONTH] =
    g_param_spec_uint ("start-month", NULL, NULL, 0, G_MAXUINT, 0, flags);
  template_item_properties[TI_PROP_DURATION_MONTHS] =
    g_param_spec_uint ("duration-months", NULL, NULL, 1, G_MAXUINT, 1, flags);
  template_item_properties[TI_PROP_CADENCE] = g_param_spec_string ("cadence", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, TI_N_PROPS, template_item_properties);
}

static void
rk_template_item_init (RkTemplateItem *self)
{
  self->step = 1;
  self->duration_months = 1;
}

guint
rk_template_item_get_step (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), 0);
  return self->step;
}

const char *
rk_template_item_get_step_title (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), NULL);
  return STR_OR_EMPTY (self->step_title);
}

const char *
rk_template_item_get_code (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), NULL);
  return STR_OR_EMPTY (self->code);
}

const char *
rk_template_item_get_title (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), NULL);
  return STR_OR_EMPTY (self->title);
}

const char *
rk_template_item_get_detail (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), NULL);
  return STR_OR_EMPTY (self->detail);
}

const char *
rk_template_item_get_timing (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), NULL);
  return STR_OR_EMPTY (self->timing);
}

guint
rk_template_item_get_start_month (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), 0);
  return self->start_month;
}

guint
rk_template_item_get_duration_months (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), 0);
  return self->duration_months;
}

const char *
rk_template_item_get_cadence (RkTemplateItem *self)
{
  g_return_val_if_fail (RK_IS_TEMPLATE_ITEM (self), NULL);
  return STR_OR_EMPTY (self->cadence);
}

/* ============================================================================================================ */
/* RkScheduleTemplate */

struct _RkScheduleTemplate
{
  GObject     parent_instance;
  char       *id;
  char       *title;
  guint       years;
  char       *notes;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (RkScheduleTemplate, rk_schedule_template, G_TYPE_OBJECT)

enum {
  ST_PROP_0,
  ST_PROP_ID,
  ST_PROP_TITLE,
  ST_PROP_YEARS,
  ST_PROP_NOTES,
  ST_PROP_ITEMS,
  ST_N_PROPS
};

static GParamSpec *schedule_template_properties[ST_N_PROPS];

static void
rk_schedule_template_finalize (GObject *object)
{
  RkScheduleTemplate *self = (RkScheduleTemplate *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (rk_schedule_template_parent_class)->finalize (object);
}

static void
rk_schedule_template_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RkScheduleTemplate *self = RK_SCHEDULE_TEMPLATE (object);

  switch (prop_id)
    {
    case ST_PROP_ID:    g_value_set_string (value, rk_schedule_template_get_id (self)); break;
    case ST_PROP_TITLE: g_value_set_string (value, rk_schedule_template_get_title (self)); break;
    case ST_PROP_YEARS: g_value_set_uint (value, self->years); break;
    case ST_PROP_NOTES: g_value_set_string (value, rk_schedule_template_get_notes (self)); break;
    case ST_PROP_ITEMS: g_value_set_object (value, self->items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_schedule_template_class_init (RkScheduleTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_schedule_template_finalize;
  object_class->get_property = rk_schedule_template_get_property;

  schedule_template_properties[ST_PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  schedule_template_properties[ST_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  schedule_template_properties[ST_PROP_YEARS] = g_param_spec_uint ("years", NULL, NULL, 1, G_MAXUINT, 1, flags);
  schedule_template_properties[ST_PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  schedule_template_properties[ST_PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, ST_N_PROPS, schedule_template_properties);
}

static void
rk_schedule_template_init (RkScheduleTemplate *self)
{
  self->years = 1;
  self->items = g_list_store_new (RK_TYPE_TEMPLATE_ITEM);
}

const char *
rk_schedule_template_get_id (RkScheduleTemplate *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_TEMPLATE (self), NULL);
  return STR_OR_EMPTY (self->id);
}

const char *
rk_schedule_template_get_title (RkScheduleTemplate *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_TEMPLATE (self), NULL);
  return STR_OR_EMPTY (self->title);
}

guint
rk_schedule_template_get_years (RkScheduleTemplate *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_TEMPLATE (self), 0);
  return self->years;
}

const char *
rk_schedule_template_get_notes (RkScheduleTemplate *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_TEMPLATE (self), NULL);
  return STR_OR_EMPTY (self->notes);
}

GListModel *
rk_schedule_template_get_items (RkScheduleTemplate *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_TEMPLATE (self), NULL);
  return G_LIST_MODEL (self->items);
}

RkTemplateItem *
rk_schedule_template_lookup_item (RkScheduleTemplate *self,
                                  const char         *code)
{
  guint n;

  g_return_val_if_fail (RK_IS_SCHEDULE_TEMPLATE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTemplateItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (item->code, code) == 0)
        return item; /* the store keeps its reference */
    }

  return NULL;
}

/* ============================================================================================================ */
/* RkCheckOption */

struct _RkCheckOption
{
  GObject      parent_instance;
  char        *code;
  guint        question;
  char        *sub_question;
  char        *group;
  char        *label;
  RkCheckKind  kind;
  gboolean     exclusive;
  gboolean     has_text;
  char        *text_label;
  char        *note;
  char        *condition;
};

G_DEFINE_FINAL_TYPE (RkCheckOption, rk_check_option, G_TYPE_OBJECT)

enum {
  CO_PROP_0,
  CO_PROP_CODE,
  CO_PROP_QUESTION,
  CO_PROP_SUB_QUESTION,
  CO_PROP_GROUP,
  CO_PROP_LABEL,
  CO_PROP_KIND,
  CO_PROP_EXCLUSIVE,
  CO_PROP_HAS_TEXT,
  CO_PROP_TEXT_LABEL,
  CO_PROP_NOTE,
  CO_PROP_CONDITION,
  CO_N_PROPS
};

static GParamSpec *check_option_properties[CO_N_PROPS];

static void
rk_check_option_finalize (GObject *object)
{
  RkCheckOption *self = (RkCheckOption *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->sub_question, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text_label, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->condition, g_free);

  G_OBJECT_CLASS (rk_check_option_parent_class)->finalize (object);
}

static void
rk_check_option_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkCheckOption *self = RK_CHECK_OPTION (object);

  switch (prop_id)
    {
    case CO_PROP_CODE:         g_value_set_string (value, rk_check_option_get_code (self)); break;
    case CO_PROP_QUESTION:     g_value_set_uint (value, self->question); break;
    case CO_PROP_SUB_QUESTION: g_value_set_string (value, rk_check_option_get_sub_question (self)); break;
    case CO_PROP_GROUP:        g_value_set_string (value, rk_check_option_get_group (self)); break;
    case CO_PROP_LABEL:        g_value_set_string (value, rk_check_option_get_label (self)); break;
    case CO_PROP_KIND:         g_value_set_enum (value, self->kind); break;
    case CO_PROP_EXCLUSIVE:    g_value_set_boolean (value, self->exclusive); break;
    case CO_PROP_HAS_TEXT:     g_value_set_boolean (value, self->has_text); break;
    case CO_PROP_TEXT_LABEL:   g_value_set_string (value, rk_check_option_get_text_label (self)); break;
    case CO_PROP_NOTE:         g_value_set_string (value, rk_check_option_get_note (self)); break;
    case CO_PROP_CONDITION:    g_value_set_string (value, rk_check_option_get_condition (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_check_option_class_init (RkCheckOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_check_option_finalize;
  object_class->get_property = rk_check_option_get_property;

  check_option_properties[CO_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  check_option_properties[CO_PROP_QUESTION] = g_param_spec_uint ("question", NULL, NULL, 1, 7, 1, flags);
  check_option_properties[CO_PROP_SUB_QUESTION] = g_param_spec_string ("sub-question", NULL, NULL, "", flags);
  check_option_properties[CO_PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", flags);
  check_option_properties[CO_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);
  check_option_properties[CO_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RK_TYPE_CHECK_KIND, RK_CHECK_KIND_CHECKBOX, flags);
  check_option_properties[CO_PROP_EXCLUSIVE] = g_param_spec_boolean ("exclusive", NULL, NULL, FALSE, flags);
  check_option_properties[CO_PROP_HAS_TEXT] = g_param_spec_boolean ("has-text", NULL, NULL, FALSE, flags);
  check_option_properties[CO_PROP_TEXT_LABEL] = g_param_spec_string ("text-label", NULL, NULL, "", flags);
  check_option_properties[CO_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  check_option_properties[CO_PROP_CONDITION] = g_param_spec_string ("condition", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, CO_N_PROPS, check_option_properties);
}

static void
rk_check_option_init (RkCheckOption *self)
{
  self->question = 1;
}

const char *
rk_check_option_get_code (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->code);
}

guint
rk_check_option_get_question (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), 0);
  return self->question;
}

const char *
rk_check_option_get_sub_question (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->sub_question);
}

const char *
rk_check_option_get_group (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->group);
}

const char *
rk_check_option_get_label (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->label);
}

RkCheckKind
rk_check_option_get_kind (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), RK_CHECK_KIND_CHECKBOX);
  return self->kind;
}

gboolean
rk_check_option_get_exclusive (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), FALSE);
  return self->exclusive;
}

gboolean
rk_check_option_get_has_text (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), FALSE);
  return self->has_text;
}

const char *
rk_check_option_get_text_label (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->text_label);
}

const char *
rk_check_option_get_note (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->note);
}

const char *
rk_check_option_get_condition (RkCheckOption *self)
{
  g_return_val_if_fail (RK_IS_CHECK_OPTION (self), NULL);
  return STR_OR_EMPTY (self->condition);
}

/* ============================================================================================================ */
/* RkCheckQuestion */

typedef struct
{
  char *letter;
  char *text;
  char *note;
  char *condition;
} CheckSub;

static void
check_sub_free (gpointer data)
{
  CheckSub *sub = data;

  g_free (sub->letter);
  g_free (sub->text);
  g_free (sub->note);
  g_free (sub->condition);
  g_free (sub);
}

struct _RkCheckQuestion
{
  GObject     parent_instance;
  guint       number;
  char       *text;
  char       *note;
  GListStore *options;
  GPtrArray  *subs;        /* CheckSub, in order */
  GStrv       sub_letters; /* built once the question is complete */
};

G_DEFINE_FINAL_TYPE (RkCheckQuestion, rk_check_question, G_TYPE_OBJECT)

enum {
  CQ_PROP_0,
  CQ_PROP_NUMBER,
  CQ_PROP_TEXT,
  CQ_PROP_NOTE,
  CQ_PROP_OPTIONS,
  CQ_PROP_SUB_QUESTIONS,
  CQ_N_PROPS
};

static GParamSpec *check_question_properties[CQ_N_PROPS];

static void
rk_check_question_finalize (GObject *object)
{
  RkCheckQuestion *self = (RkCheckQuestion *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_object (&self->options);
  g_clear_pointer (&self->subs, g_ptr_array_unref);
  g_clear_pointer (&self->sub_letters, g_strfreev);

  G_OBJECT_CLASS (rk_check_question_parent_class)->finalize (object);
}

static void
rk_check_question_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkCheckQuestion *self = RK_CHECK_QUESTION (object);

  switch (prop_id)
    {
    case CQ_PROP_NUMBER:        g_value_set_uint (value, self->number); break;
    case CQ_PROP_TEXT:          g_value_set_string (value, rk_check_question_get_text (self)); break;
    case CQ_PROP_NOTE:          g_value_set_string (value, rk_check_question_get_note (self)); break;
    case CQ_PROP_OPTIONS:       g_value_set_object (value, self->options); break;
    case CQ_PROP_SUB_QUESTIONS:
      g_value_set_boxed (value, rk_check_question_get_sub_questions (self));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_check_question_class_init (RkCheckQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_check_question_finalize;
  object_class->get_property = rk_check_question_get_property;

  check_question_properties[CQ_PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 1, 7, 1, flags);
  check_question_properties[CQ_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  check_question_properties[CQ_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  check_question_properties[CQ_PROP_OPTIONS] =
    g_param_spec_object ("options", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  check_question_properties[CQ_PROP_SUB_QUESTIONS] =
    g_param_spec_boxed ("sub-questions", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, CQ_N_PROPS, check_question_properties);
}

static void
rk_check_question_init (RkCheckQuestion *self)
{
  self->number = 1;
  self->options = g_list_store_new (RK_TYPE_CHECK_OPTION);
  self->subs = g_ptr_array_new_with_free_func (check_sub_free);
}

guint
rk_check_question_get_number (RkCheckQuestion *self)
{
  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), 0);
  return self->number;
}

const char *
rk_check_question_get_text (RkCheckQuestion *self)
{
  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  return STR_OR_EMPTY (self->text);
}

const char *
rk_check_question_get_note (RkCheckQuestion *self)
{
  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  return STR_OR_EMPTY (self->note);
}

GListModel *
rk_check_question_get_options (RkCheckQuestion *self)
{
  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  return G_LIST_MODEL (self->options);
}

const char * const *
rk_check_question_get_sub_questions (RkCheckQuestion *self)
{
  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  return self->sub_letters != NULL ? (const char * const *) self->sub_letters : empty_strv;
}

static CheckSub *
check_question_find_sub (RkCheckQuestion *self,
                         const char      *letter)
{
  for (guint i = 0; i < self->subs->len; i++)
    {
      CheckSub *sub = g_ptr_array_index (self->subs, i);

      if (g_strcmp0 (sub->letter, letter) == 0)
        return sub;
    }
  return NULL;
}

const char *
rk_check_question_get_sub_question_text (RkCheckQuestion *self,
                                         const char      *letter)
{
  CheckSub *sub;

  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  g_return_val_if_fail (letter != NULL, NULL);

  sub = check_question_find_sub (self, letter);
  return sub != NULL ? STR_OR_EMPTY (sub->text) : NULL;
}

const char *
rk_check_question_get_sub_question_note (RkCheckQuestion *self,
                                         const char      *letter)
{
  CheckSub *sub;

  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  g_return_val_if_fail (letter != NULL, NULL);

  sub = check_question_find_sub (self, letter);
  return sub != NULL ? STR_OR_EMPTY (sub->note) : NULL;
}

const char *
rk_check_question_get_sub_question_condition (RkCheckQuestion *self,
                                              const char      *letter)
{
  CheckSub *sub;

  g_return_val_if_fail (RK_IS_CHECK_QUESTION (self), NULL);
  g_return_val_if_fail (letter != NULL, NULL);

  sub = check_question_find_sub (self, letter);
  return sub != NULL ? STR_OR_EMPTY (sub->condition) : NULL;
}

/* ============================================================================================================ */
/* RkPrefectureRole */

struct _RkPrefectureRole
{
  GObject  parent_instance;
  guint    number;
  char    *title;
  char    *detail;
};

G_DEFINE_FINAL_TYPE (RkPrefectureRole, rk_prefecture_role, G_TYPE_OBJECT)

enum {
  PR_PROP_0,
  PR_PROP_NUMBER,
  PR_PROP_TITLE,
  PR_PROP_DETAIL,
  PR_N_PROPS
};

static GParamSpec *prefecture_role_properties[PR_N_PROPS];

static void
rk_prefecture_role_finalize (GObject *object)
{
  RkPrefectureRole *self = (RkPrefectureRole *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (rk_prefecture_role_parent_class)->finalize (object);
}

static void
rk_prefecture_role_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RkPrefectureRole *self = RK_PREFECTURE_ROLE (object);

  switch (prop_id)
    {
    case PR_PROP_NUMBER: g_value_set_uint (value, self->number); break;
    case PR_PROP_TITLE:  g_value_set_string (value, rk_prefecture_role_get_title (self)); break;
    case PR_PROP_DETAIL: g_value_set_string (value, rk_prefecture_role_get_detail (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_prefecture_role_class_init (RkPrefectureRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_prefecture_role_finalize;
  object_class->get_property = rk_prefecture_role_get_property;

  prefecture_role_properties[PR_PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 1, 6, 1, flags);
  prefecture_role_properties[PR_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  prefecture_role_properties[PR_PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, PR_N_PROPS, prefecture_role_properties);
}

static void
rk_prefecture_role_init (RkPrefectureRole *self)
{
  self->number = 1;
}

guint
rk_prefecture_role_get_number (RkPrefectureRole *self)
{
  g_return_val_if_fail (RK_IS_PREFECTURE_ROLE (self), 0);
  return self->number;
}

const char *
rk_prefecture_role_get_title (RkPrefectureRole *self)
{
  g_return_val_if_fail (RK_IS_PREFECTURE_ROLE (self), NULL);
  return STR_OR_EMPTY (self->title);
}

const char *
rk_prefecture_role_get_detail (RkPrefectureRole *self)
{
  g_return_val_if_fail (RK_IS_PREFECTURE_ROLE (self), NULL);
  return STR_OR_EMPTY (self->detail);
}

/* ============================================================================================================ */
/* RkIndicatorDef */

struct _RkIndicatorDef
{
  GObject     parent_instance;
  char       *code;
  char       *group;
  char       *group_title;
  char       *perspective;
  char       *name;
  RkUnitKind  unit_kind;
  double      share;
  char       *rationale;
};

G_DEFINE_FINAL_TYPE (RkIndicatorDef, rk_indicator_def, G_TYPE_OBJECT)

enum {
  ID_PROP_0,
  ID_PROP_CODE,
  ID_PROP_GROUP,
  ID_PROP_GROUP_TITLE,
  ID_PROP_PERSPECTIVE,
  ID_PROP_NAME,
  ID_PROP_UNIT_KIND,
  ID_PROP_SHARE,
  ID_PROP_RATIONALE,
  ID_N_PROPS
};

static GParamSpec *indicator_def_properties[ID_N_PROPS];

static void
rk_indicator_def_finalize (GObject *object)
{
  RkIndicatorDef *self = (RkIndicatorDef *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->group_title, g_free);
  g_clear_pointer (&self->perspective, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->rationale, g_free);

  G_OBJECT_CLASS (rk_indicator_def_parent_class)->finalize (object);
}

static void
rk_indicator_def_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkIndicatorDef *self = RK_INDICATOR_DEF (object);

  switch (prop_id)
    {
    case ID_PROP_CODE:        g_value_set_string (value, rk_indicator_def_get_code (self)); break;
    case ID_PROP_GROUP:       g_value_set_string (value, rk_indicator_def_get_group (self)); break;
    case ID_PROP_GROUP_TITLE: g_value_set_string (value, rk_indicator_def_get_group_title (self)); break;
    case ID_PROP_PERSPECTIVE: g_value_set_string (value, rk_indicator_def_get_perspective (self)); break;
    case ID_PROP_NAME:        g_value_set_string (value, rk_indicator_def_get_name (self)); break;
    case ID_PROP_UNIT_KIND:   g_value_set_enum (value, self->unit_kind); break;
    case ID_PROP_SHARE:       g_value_set_double (value, self->share); break;
    case ID_PROP_RATIONALE:   g_value_set_string (value, rk_indicator_def_get_rationale (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_indicator_def_class_init (RkIndicatorDefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_indicator_def_finalize;
  object_class->get_property = rk_indicator_def_get_property;

  indicator_def_properties[ID_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  indicator_def_properties[ID_PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", flags);
  indicator_def_properties[ID_PROP_GROUP_TITLE] = g_param_spec_string ("group-title", NULL, NULL, "", flags);
  indicator_def_properties[ID_PROP_PERSPECTIVE] = g_param_spec_string ("perspective", NULL, NULL, "", flags);
  indicator_def_properties[ID_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  indicator_def_properties[ID_PROP_UNIT_KIND] =
    g_param_spec_enum ("unit-kind", NULL, NULL, RK_TYPE_UNIT_KIND, RK_UNIT_KIND_COUNT, flags);
  indicator_def_properties[ID_PROP_SHARE] = g_param_spec_double ("share", NULL, NULL, -1.0, 100.0, -1.0, flags);
  indicator_def_properties[ID_PROP_RATIONALE] = g_param_spec_string ("rationale", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, ID_N_PROPS, indicator_def_properties);
}

static void
rk_indicator_def_init (RkIndicatorDef *self)
{
  self->unit_kind = RK_UNIT_KIND_COUNT;
  self->share = -1.0;
}

const char *
rk_indicator_def_get_code (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), NULL);
  return STR_OR_EMPTY (self->code);
}

const char *
rk_indicator_def_get_group (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), NULL);
  return STR_OR_EMPTY (self->group);
}

const char *
rk_indicator_def_get_group_title (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), NULL);
  return STR_OR_EMPTY (self->group_title);
}

const char *
rk_indicator_def_get_perspective (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), NULL);
  return STR_OR_EMPTY (self->perspective);
}

const char *
rk_indicator_def_get_name (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), NULL);
  return STR_OR_EMPTY (self->name);
}

RkUnitKind
rk_indicator_def_get_unit_kind (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), RK_UNIT_KIND_COUNT);
  return self->unit_kind;
}

double
rk_indicator_def_get_share (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), -1.0);
  return self->share;
}

gboolean
rk_indicator_def_has_share (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), FALSE);
  return self->share >= 0.0;
}

const char *
rk_indicator_def_get_rationale (RkIndicatorDef *self)
{
  g_return_val_if_fail (RK_IS_INDICATOR_DEF (self), NULL);
  return STR_OR_EMPTY (self->rationale);
}

/* ============================================================================================================ */
/* RkRuleCase */

struct _RkRuleCase
{
  GObject  parent_instance;
  char    *id;
  char    *kind;
  char    *prefecture;
  char    *municipality;
  char    *name;
  char    *summary;
  GStrv    points;
  char    *source;
};

G_DEFINE_FINAL_TYPE (RkRuleCase, rk_rule_case, G_TYPE_OBJECT)

enum {
  RC_PROP_0,
  RC_PROP_ID,
  RC_PROP_KIND,
  RC_PROP_PREFECTURE,
  RC_PROP_MUNICIPALITY,
  RC_PROP_NAME,
  RC_PROP_SUMMARY,
  RC_PROP_POINTS,
  RC_PROP_SOURCE,
  RC_N_PROPS
};

static GParamSpec *rule_case_properties[RC_N_PROPS];

static void
rk_rule_case_finalize (GObject *object)
{
  RkRuleCase *self = (RkRuleCase *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->prefecture, g_free);
  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->points, g_strfreev);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (rk_rule_case_parent_class)->finalize (object);
}

static void
rk_rule_case_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RkRuleCase *self = RK_RULE_CASE (object);

  switch (prop_id)
    {
    case RC_PROP_ID:           g_value_set_string (value, rk_rule_case_get_id (self)); break;
    case RC_PROP_KIND:         g_value_set_string (value, rk_rule_case_get_kind (self)); break;
    case RC_PROP_PREFECTURE:   g_value_set_string (value, rk_rule_case_get_prefecture (self)); break;
    case RC_PROP_MUNICIPALITY: g_value_set_string (value, rk_rule_case_get_municipality (self)); break;
    case RC_PROP_NAME:         g_value_set_string (value, rk_rule_case_get_name (self)); break;
    case RC_PROP_SUMMARY:      g_value_set_string (value, rk_rule_case_get_summary (self)); break;
    case RC_PROP_POINTS:       g_value_set_boxed (value, rk_rule_case_get_points (self)); break;
    case RC_PROP_SOURCE:       g_value_set_string (value, rk_rule_case_get_source (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_case_class_init (RkRuleCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_rule_case_finalize;
  object_class->get_property = rk_rule_case_get_property;

  rule_case_properties[RC_PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  rule_case_properties[RC_PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "", flags);
  rule_case_properties[RC_PROP_PREFECTURE] = g_param_spec_string ("prefecture", NULL, NULL, "", flags);
  rule_case_properties[RC_PROP_MUNICIPALITY] = g_param_spec_string ("municipality", NULL, NULL, "", flags);
  rule_case_properties[RC_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  rule_case_properties[RC_PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  rule_case_properties[RC_PROP_POINTS] = g_param_spec_boxed ("points", NULL, NULL, G_TYPE_STRV, flags);
  rule_case_properties[RC_PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, RC_N_PROPS, rule_case_properties);
}

static void
rk_rule_case_init (RkRuleCase *self)
{
}

const char *
rk_rule_case_get_id (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->id);
}

const char *
rk_rule_case_get_kind (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->kind);
}

const char *
rk_rule_case_get_prefecture (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->prefecture);
}

const char *
rk_rule_case_get_municipality (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->municipality);
}

const char *
rk_rule_case_get_name (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->name);
}

const char *
rk_rule_case_get_summary (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->summary);
}

const char * const *
rk_rule_case_get_points (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return self->points != NULL ? (const char * const *) self->points : empty_strv;
}

const char *
rk_rule_case_get_source (RkRuleCase *self)
{
  g_return_val_if_fail (RK_IS_RULE_CASE (self), NULL);
  return STR_OR_EMPTY (self->source);
}

/* ============================================================================================================ */
/* RkRuleKind */

struct _RkRuleKind
{
  GObject     parent_instance;
  char       *id;
  guint       number;
  char       *title;
  char       *detail;
  GListStore *cases;
};

G_DEFINE_FINAL_TYPE (RkRuleKind, rk_rule_kind, G_TYPE_OBJECT)

enum {
  RK_PROP_0,
  RK_PROP_ID,
  RK_PROP_NUMBER,
  RK_PROP_TITLE,
  RK_PROP_DETAIL,
  RK_PROP_CASES,
  RK_N_PROPS
};

static GParamSpec *rule_kind_properties[RK_N_PROPS];

static void
rk_rule_kind_finalize (GObject *object)
{
  RkRuleKind *self = (RkRuleKind *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_object (&self->cases);

  G_OBJECT_CLASS (rk_rule_kind_parent_class)->finalize (object);
}

static void
rk_rule_kind_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RkRuleKind *self = RK_RULE_KIND (object);

  switch (prop_id)
    {
    case RK_PROP_ID:     g_value_set_string (value, rk_rule_kind_get_id (self)); break;
    case RK_PROP_NUMBER: g_value_set_uint (value, self->number); break;
    case RK_PROP_TITLE:  g_value_set_string (value, rk_rule_kind_get_title (self)); break;
    case RK_PROP_DETAIL: g_value_set_string (value, rk_rule_kind_get_detail (self)); break;
    case RK_PROP_CASES:  g_value_set_object (value, self->cases); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_kind_class_init (RkRuleKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_rule_kind_finalize;
  object_class->get_property = rk_rule_kind_get_property;

  rule_kind_properties[RK_PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  rule_kind_properties[RK_PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  rule_kind_properties[RK_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  rule_kind_properties[RK_PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", flags);
  rule_kind_properties[RK_PROP_CASES] = g_param_spec_object ("cases", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, RK_N_PROPS, rule_kind_properties);
}

static void
rk_rule_kind_init (RkRuleKind *self)
{
  self->cases = g_list_store_new (RK_TYPE_RULE_CASE);
}

const char *
rk_rule_kind_get_id (RkRuleKind *self)
{
  g_return_val_if_fail (RK_IS_RULE_KIND (self), NULL);
  return STR_OR_EMPTY (self->id);
}

guint
rk_rule_kind_get_number (RkRuleKind *self)
{
  g_return_val_if_fail (RK_IS_RULE_KIND (self), 0);
  return self->number;
}

const char *
rk_rule_kind_get_title (RkRuleKind *self)
{
  g_return_val_if_fail (RK_IS_RULE_KIND (self), NULL);
  return STR_OR_EMPTY (self->title);
}

const char *
rk_rule_kind_get_detail (RkRuleKind *self)
{
  g_return_val_if_fail (RK_IS_RULE_KIND (self), NULL);
  return STR_OR_EMPTY (self->detail);
}

GListModel *
rk_rule_kind_get_cases (RkRuleKind *self)
{
  g_return_val_if_fail (RK_IS_RULE_KIND (self), NULL);
  return G_LIST_MODEL (self->cases);
}

/* ============================================================================================================ */
/* RkTip */

struct _RkTip
{
  GObject  parent_instance;
  char    *id;
  char    *title;
  GStrv    challenges;
  GStrv    remedies;
};

G_DEFINE_FINAL_TYPE (RkTip, rk_tip, G_TYPE_OBJECT)

enum {
  TP_PROP_0,
  TP_PROP_ID,
  TP_PROP_TITLE,
  TP_PROP_CHALLENGES,
  TP_PROP_REMEDIES,
  TP_N_PROPS
};

static GParamSpec *tip_properties[TP_N_PROPS];

static void
rk_tip_finalize (GObject *object)
{
  RkTip *self = (RkTip *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->challenges, g_strfreev);
  g_clear_pointer (&self->remedies, g_strfreev);

  G_OBJECT_CLASS (rk_tip_parent_class)->finalize (object);
}

static void
rk_tip_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RkTip *self = RK_TIP (object);

  switch (prop_id)
    {
    case TP_PROP_ID:         g_value_set_string (value, rk_tip_get_id (self)); break;
    case TP_PROP_TITLE:      g_value_set_string (value, rk_tip_get_title (self)); break;
    case TP_PROP_CHALLENGES: g_value_set_boxed (value, rk_tip_get_challenges (self)); break;
    case TP_PROP_REMEDIES:   g_value_set_boxed (value, rk_tip_get_remedies (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_tip_class_init (RkTipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rk_tip_finalize;
  object_class->get_property = rk_tip_get_property;

  tip_properties[TP_PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  tip_properties[TP_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  tip_properties[TP_PROP_CHALLENGES] = g_param_spec_boxed ("challenges", NULL, NULL, G_TYPE_STRV, flags);
  tip_properties[TP_PROP_REMEDIES] = g_param_spec_boxed ("remedies", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, TP_N_PROPS, tip_properties);
}

static void
rk_tip_init (RkTip *self)
{
}

const char *
rk_tip_get_id (RkTip *self)
{
  g_return_val_if_fail (RK_IS_TIP (self), NULL);
  return STR_OR_EMPTY (self->id);
}

const char *
rk_tip_get_title (RkTip *self)
{
  g_return_val_if_fail (RK_IS_TIP (self), NULL);
  return STR_OR_EMPTY (self->title);
}

const char * const *
rk_tip_get_challenges (RkTip *self)
{
  g_return_val_if_fail (RK_IS_TIP (self), NULL);
  return self->challenges != NULL ? (const char * const *) self->challenges : empty_strv;
}

const char * const *
rk_tip_get_remedies (RkTip *self)
{
  g_return_val_if_fail (RK_IS_TIP (self), NULL);
  return self->remedies != NULL ? (const char * const *) self->remedies : empty_strv;
}

/* ============================================================================================================ */
/* Reading XML */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) name) == 0;
}

/* Iterates over the element children of @parent, whatever their name; text and comments are skipped. */
#define FOR_EACH_ELEMENT(child, parent) \
  for (xmlNode *child = (parent)->children; child != NULL; child = child->next) \
    if (child->type == XML_ELEMENT_NODE)

/* A copy of the attribute, or NULL when absent. */
static char *
attr_dup (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
attr_required (xmlNode     *node,
               const char  *name,
               char       **out,
               GError     **error)
{
  g_autofree char *value = attr_dup (node, name);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: <%s> needs a non-empty %s",
                   (guint) xmlGetLineNo (node), (const char *) node->name, name);
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
attr_uint (xmlNode     *node,
           const char  *name,
           guint64      min,
           guint64      max,
           guint       *out,
           GError     **error)
{
  g_autofree char *value = attr_dup (node, name);
  guint64 number;

  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: <%s> needs %s between %" G_GUINT64_FORMAT
                   " and %" G_GUINT64_FORMAT ", not \"%s\"",
                   (guint) xmlGetLineNo (node), (const char *) node->name, name, min, max, STR_OR_EMPTY (value));
      return FALSE;
    }
  *out = (guint) number;
  return TRUE;
}

/* A percentage such as "22.1". g_ascii_strtod, not strtod, so the locale cannot turn "." into a separator error. */
static gboolean
attr_percent (xmlNode     *node,
              const char  *name,
              double      *out,
              GError     **error)
{
  g_autofree char *value = attr_dup (node, name);
  char *end = NULL;
  double number = 0.0;

  if (value != NULL)
    number = g_ascii_strtod (value, &end);

  if (value == NULL || *value == '\0' || end == NULL || *end != '\0' || !(number >= 0.0 && number <= 100.0))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: <%s> needs %s as a percentage, not \"%s\"",
                   (guint) xmlGetLineNo (node), (const char *) node->name, name, STR_OR_EMPTY (value));
      return FALSE;
    }
  *out = number;
  return TRUE;
}

static gboolean
attr_boolean (xmlNode     *node,
              const char  *name,
              gboolean    *out,
              GError     **error)
{
  g_autofree char *value = attr_dup (node, name);

  if (value == NULL || g_str_equal (value, "false") || g_str_equal (value, "0"))
    *out = FALSE;
  else if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    *out = TRUE;
  else
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: <%s> %s must be true or false, not \"%s\"",
                   (guint) xmlGetLineNo (node), (const char *) node->name, name, value);
      return FALSE;
    }
  return TRUE;
}

/* The element's text with surrounding whitespace removed; "" when it has none. */
static char *
element_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return g_strstrip (text);
}

/* The text of the first child element called @name, or NULL when there is none. */
static char *
child_text (xmlNode    *parent,
            const char *name)
{
  FOR_EACH_ELEMENT (child, parent)
    {
      if (is_element (child, name))
        return element_text (child);
    }
  return NULL;
}

/* The texts of every child element called @name, in order. */
static GStrv
children_texts (xmlNode    *parent,
                const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  FOR_EACH_ELEMENT (child, parent)
    {
      if (is_element (child, name))
        {
          g_autofree char *text = element_text (child);

          g_strv_builder_add (builder, text);
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
check_root (xmlDoc      *doc,
            const char  *name,
            xmlNode    **root,
            GError     **error)
{
  /* Our files never carry a DOCTYPE; refusing one keeps the loader as strict as the exchange importer. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "a catalog must not have a DOCTYPE");
      return FALSE;
    }

  *root = xmlDocGetRootElement (doc);
  if (*root == NULL || !is_element (*root, name))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "the root element must be <%s>", name);
      return FALSE;
    }
  return TRUE;
}

static xmlDoc *
load_document (const char  *file,
               GError     **error)
{
  g_autofree char *path = g_strconcat (RK_CATALOG_RESOURCE_PATH, file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;
  xmlDoc *doc;

  /* The bundle compiled into this library, not the global registry, so nothing depends on link order. */
  bytes = g_resource_lookup_data (rk_catalog_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > G_MAXINT)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "%s is empty or too large", path);
      return NULL;
    }

  /* NONET only: no entity substitution, no DTD loading, no recovery. NOERROR/NOWARNING keep libxml2 from printing;
   * the error is reported below instead. */
  doc = xmlReadMemory (data, (int) size, path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();

      g_set_error (error, RK_CATALOG_ERROR, 0, "%s does not parse: %s", path,
                   xml_error != NULL && xml_error->message != NULL ? g_strstrip (xml_error->message) : "?");
      return NULL;
    }

  return doc;
}

/* ============================================================================================================ */
/* RkCatalog */

struct _RkCatalog
{
  GObject     parent_instance;

  GListStore *member_types;
  double      member_no_answer;
  guint       member_survey_n;
  GListStore *lead_organisations;

  GListStore *templates;
  GStrv       step_titles; /* STEP1–6 of the three-year template */

  GListStore *questions;
  GHashTable *options_by_code; /* code → RkCheckOption, borrowed from the questions */
  GListStore *support_wanted;
  guint       support_wanted_n;
  GListStore *support_received;
  guint       support_received_n;
  GListStore *roles;

  GListStore *indicators;
  GHashTable *indicators_by_code; /* borrowed from indicators */
  guint       indicator_survey_n;

  GListStore *rule_kinds;
  GListStore *rule_areas;
  GListStore *cases;

  GListStore *tips;
};

G_DEFINE_FINAL_TYPE (RkCatalog, rk_catalog, G_TYPE_OBJECT)

static void
rk_catalog_finalize (GObject *object)
{
  RkCatalog *self = (RkCatalog *) object;

  g_clear_object (&self->member_types);
  g_clear_object (&self->lead_organisations);
  g_clear_object (&self->templates);
  g_clear_pointer (&self->step_titles, g_strfreev);
  g_clear_pointer (&self->options_by_code, g_hash_table_unref);
  g_clear_object (&self->questions);
  g_clear_object (&self->support_wanted);
  g_clear_object (&self->support_received);
  g_clear_object (&self->roles);
  g_clear_pointer (&self->indicators_by_code, g_hash_table_unref);
  g_clear_object (&self->indicators);
  g_clear_object (&self->rule_kinds);
  g_clear_object (&self->rule_areas);
  g_clear_object (&self->cases);
  g_clear_object (&self->tips);

  G_OBJECT_CLASS (rk_catalog_parent_class)->finalize (object);
}

static void
rk_catalog_class_init (RkCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_catalog_finalize;
}

static void
rk_catalog_init (RkCatalog *self)
{
  self->member_types = g_list_store_new (RK_TYPE_MEMBER_TYPE);
  self->lead_organisations = g_list_store_new (RK_TYPE_SURVEY_SHARE);
  self->templates = g_list_store_new (RK_TYPE_SCHEDULE_TEMPLATE);
  self->questions = g_list_store_new (RK_TYPE_CHECK_QUESTION);
  self->options_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->support_wanted = g_list_store_new (RK_TYPE_SURVEY_SHARE);
  self->support_received = g_list_store_new (RK_TYPE_SURVEY_SHARE);
  self->roles = g_list_store_new (RK_TYPE_PREFECTURE_ROLE);
  self->indicators = g_list_store_new (RK_TYPE_INDICATOR_DEF);
  self->indicators_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->rule_kinds = g_list_store_new (RK_TYPE_RULE_KIND);
  self->rule_areas = g_list_store_new (RK_TYPE_RULE_KIND);
  self->cases = g_list_store_new (RK_TYPE_RULE_CASE);
  self->tips = g_list_store_new (RK_TYPE_TIP);
}

/* Moves every item of @from to the end of @to; used so a catalog is published only once it parsed completely. */
static void
list_store_take_all (GListStore *to,
                     GListStore *from)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (from), i);

      g_list_store_append (to, item);
    }
}

static gboolean
parse_share_list (xmlNode     *parent,
                  GListStore  *store,
                  GError     **error)
{
  FOR_EACH_ELEMENT (node, parent)
    {
      g_autoptr(RkSurveyShare) share = NULL;

      if (!is_element (node, "share"))
        continue;

      share = g_object_new (RK_TYPE_SURVEY_SHARE, NULL);
      share->id = attr_dup (node, "id");
      if (!attr_required (node, "label", &share->label, error) ||
          !attr_percent (node, "value", &share->share, error))
        return FALSE;
      g_list_store_append (store, share);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: <%s> has no <share>",
                   (guint) xmlGetLineNo (parent), (const char *) parent->name);
      return FALSE;
    }
  return TRUE;
}

/* ---- member-types.xml ---- */

static gboolean
load_member_types (RkCatalog  *self,
                   GError    **error)
{
  g_autoptr(xmlDoc) doc = load_document ("member-types.xml", error);
  g_autoptr(GListStore) types = g_list_store_new (RK_TYPE_MEMBER_TYPE);
  g_autoptr(GListStore) leads = g_list_store_new (RK_TYPE_SURVEY_SHARE);
  double no_answer = -1.0;
  guint survey_n = 0;
  gboolean have_leads = FALSE;
  xmlNode *root;

  if (doc == NULL || !check_root (doc, "member-types", &root, error))
    return FALSE;

  if (!attr_uint (root, "n", 1, G_MAXUINT, &survey_n, error))
    return FALSE;

  FOR_EACH_ELEMENT (node, root)
    {
      if (is_element (node, "member-type"))
        {
          g_autoptr(RkMemberType) type = g_object_new (RK_TYPE_MEMBER_TYPE, NULL);
          guint expected = g_list_model_get_n_items (G_LIST_MODEL (types)) + 1;

          if (!attr_uint (node, "number", 1, RK_CATALOG_N_MEMBER_TYPES, &type->number, error) ||
              !attr_required (node, "name", &type->name, error) ||
              !attr_percent (node, "participation", &type->participation, error))
            return FALSE;

          /* Council files store the number, so the list must be exactly 1…20 in order. */
          if (type->number != expected)
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: member type %u where %u was expected",
                           (guint) xmlGetLineNo (node), type->number, expected);
              return FALSE;
            }
          type->survey_label = attr_dup (node, "survey-label");
          type->note = child_text (node, "note");
          g_list_store_append (types, type);
        }
      else if (is_element (node, "no-answer"))
        {
          if (!attr_percent (node, "share", &no_answer, error))
            return FALSE;
        }
      else if (is_element (node, "lead-organisations"))
        {
          if (!parse_share_list (node, leads, error))
            return FALSE;
          have_leads = TRUE;
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (types)) != RK_CATALOG_N_MEMBER_TYPES || no_answer < 0 || !have_leads)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "needs %d member types, <no-answer> and <lead-organisations>",
                   RK_CATALOG_N_MEMBER_TYPES);
      return FALSE;
    }

  list_store_take_all (self->member_types, types);
  list_store_take_all (self->lead_organisations, leads);
  self->member_no_answer = no_answer;
  self->member_survey_n = survey_n;
  return TRUE;
}

/* ---- schedule-templates.xml ---- */

static RkScheduleTemplate *
parse_template (xmlNode  *node,
                GError  **error)
{
  g_autoptr(RkScheduleTemplate) template = g_object_new (RK_TYPE_SCHEDULE_TEMPLATE, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  char *step_titles[RK_CATALOG_N_STEPS + 1] = { NULL, };
  g_auto(GStrv) notes = NULL;
  gboolean ok = FALSE;

  if (!attr_required (node, "id", &template->id, error) ||
      !attr_required (node, "title", &template->title, error) ||
      !attr_uint (node, "years", 1, 10, &template->years, error))
    return NULL;

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_element (child, "step"))
        {
          guint number;

          if (!attr_uint (child, "number", 1, RK_CATALOG_N_STEPS, &number, error))
            goto out;
          if (step_titles[number] != NULL)
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: STEP%u twice",
                           (guint) xmlGetLineNo (child), number);
              goto out;
            }
          step_titles[number] = attr_dup (child, "title");
          if (step_titles[number] == NULL)
            step_titles[number] = g_strdup ("");
        }
      else if (is_element (child, "item"))
        {
          g_autoptr(RkTemplateItem) item = g_object_new (RK_TYPE_TEMPLATE_ITEM, NULL);
          guint limit = template->years * 12;

          if (!attr_uint (child, "step", 1, RK_CATALOG_N_STEPS, &item->step, error) ||
              !attr_required (child, "code", &item->code, error) ||
              !attr_required (child, "title", &item->title, error) ||
              !attr_uint (child, "start", 0, limit - 1, &item->start_month, error) ||
              !attr_uint (child, "duration", 1, limit, &item->duration_months, error))
            goto out;

          /* Steps are declared before items, so an item always finds its step's title. */
          if (step_titles[item->step] == NULL)
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: item %s is in STEP%u, which is not declared",
                           (guint) xmlGetLineNo (child), item->code, item->step);
              goto out;
            }
          if (item->start_month + item->duration_months > limit)
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: item %s runs past the template's %u years",
                           (guint) xmlGetLineNo (child), item->code, template->years);
              goto out;
            }
          if (!g_hash_table_add (codes, item->code))
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: item %s twice",
                           (guint) xmlGetLineNo (child), item->code);
              goto out;
            }
          item->step_title = g_strdup (step_titles[item->step]);
          item->detail = child_text (child, "detail");
          item->timing = attr_dup (child, "timing");
          item->cadence = attr_dup (child, "cadence");
          g_list_store_append (template->items, item);
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (template->items)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "template %s has no items", template->id);
      goto out;
    }

  notes = children_texts (node, "note");
  template->notes = g_strjoinv ("\n", notes);
  ok = TRUE;

out:
  for (guint i = 0; i <= RK_CATALOG_N_STEPS; i++)
    g_free (step_titles[i]);

  return ok ? g_steal_pointer (&template) : NULL;
}

/* The canonical template's STEP titles are the app's: all six, in order, each with a title. */
static GStrv
read_step_titles (xmlNode  *template_node,
                  GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_titles = 0;

  FOR_EACH_ELEMENT (step, template_node)
    {
      g_autofree char *title = NULL;
      guint number = 0;

      if (!is_element (step, "step"))
        continue;

      n_titles++;
      title = attr_dup (step, "title");
      if (!attr_uint (step, "number", n_titles, n_titles, &number, error))
        return NULL;
      if (title == NULL || *g_strstrip (title) == '\0')
        {
          g_set_error (error, RK_CATALOG_ERROR, 0, "the three-year template leaves STEP%u untitled", number);
          return NULL;
        }
      g_strv_builder_add (builder, title);
    }

  if (n_titles != RK_CATALOG_N_STEPS)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "the three-year template must name STEP1–%d", RK_CATALOG_N_STEPS);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
load_schedule_templates (RkCatalog  *self,
                         GError    **error)
{
  g_autoptr(xmlDoc) doc = load_document ("schedule-templates.xml", error);
  g_autoptr(GListStore) templates = g_list_store_new (RK_TYPE_SCHEDULE_TEMPLATE);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) step_titles = NULL;
  xmlNode *root;

  if (doc == NULL || !check_root (doc, "schedule-templates", &root, error))
    return FALSE;

  FOR_EACH_ELEMENT (node, root)
    {
      g_autoptr(RkScheduleTemplate) template = NULL;

      if (!is_element (node, "template"))
        continue;

      template = parse_template (node, error);
      if (template == NULL)
        return FALSE;
      if (!g_hash_table_add (ids, g_strdup (template->id)))
        {
          g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: template %s twice",
                       (guint) xmlGetLineNo (node), template->id);
          return FALSE;
        }
      if (g_str_equal (template->id, "three-year"))
        {
          step_titles = read_step_titles (node, error);
          if (step_titles == NULL)
            return FALSE;
        }
      g_list_store_append (templates, template);
    }

  if (step_titles == NULL)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "the three-year template is missing");
      return FALSE;
    }

  list_store_take_all (self->templates, templates);
  self->step_titles = g_steal_pointer (&step_titles);
  return TRUE;
}

/* ---- selfcheck.xml ---- */

/* One <option>. @position is its 1-based place within its question or sub-question: the code must spell exactly
 * "q" + question + letter + position, so a stored answer can never silently point at a different option. */
static RkCheckOption *
parse_check_option (xmlNode     *node,
                    guint        question,
                    const char  *letter,
                    const char  *inherited_condition,
                    guint        position,
                    GHashTable  *codes,
                    GError     **error)
{
  g_autoptr(RkCheckOption) option = g_object_new (RK_TYPE_CHECK_OPTION, NULL);
  g_autofree char *expected = g_strdup_printf ("q%u%s%u", question, STR_OR_EMPTY (letter), position);
  g_autofree char *kind = NULL;
  int kind_value;

  if (!attr_required (node, "code", &option->code, error) ||
      !attr_required (node, "kind", &kind, error) ||
      !attr_required (node, "label", &option->label, error) ||
      !attr_boolean (node, "exclusive", &option->exclusive, error) ||
      !attr_boolean (node, "text", &option->has_text, error))
    return NULL;

  if (!g_str_equal (option->code, expected))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: option %s should be %s",
                   (guint) xmlGetLineNo (node), option->code, expected);
      return NULL;
    }
  if (!enum_from_nick (RK_TYPE_CHECK_KIND, kind, &kind_value))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: option %s has an unknown kind \"%s\"",
                   (guint) xmlGetLineNo (node), option->code, kind);
      return NULL;
    }
  option->kind = kind_value;
  option->question = question;
  option->sub_question = g_strdup (letter);
  option->group = attr_dup (node, "group");
  option->text_label = attr_dup (node, "text-label");
  option->note = child_text (node, "note");
  option->condition = attr_dup (node, "condition");
  if (option->condition == NULL)
    option->condition = g_strdup (inherited_condition);

  if ((option->kind == RK_CHECK_KIND_TEXT && !option->has_text) ||
      (option->text_label != NULL && !option->has_text))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: option %s has a text caption but no text field",
                   (guint) xmlGetLineNo (node), option->code);
      return NULL;
    }
  if (!g_hash_table_insert (codes, option->code, option))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: option %s twice",
                   (guint) xmlGetLineNo (node), option->code);
      return NULL;
    }

  return g_steal_pointer (&option);
}

static RkCheckQuestion *
parse_check_question (xmlNode     *node,
                      guint        number,
                      GHashTable  *codes,
                      GError     **error)
{
  g_autoptr(RkCheckQuestion) question = g_object_new (RK_TYPE_CHECK_QUESTION, NULL);
  g_autoptr(GStrvBuilder) letters = g_strv_builder_new ();
  guint position = 0;
  char next_letter = 'a';

  if (!attr_uint (node, "number", number, number, &question->number, error) ||
      !attr_required (node, "text", &question->text, error))
    return NULL;
  question->note = child_text (node, "note");

  FOR_EACH_ELEMENT (child, node)
    {
      if (is_element (child, "option"))
        {
          g_autoptr(RkCheckOption) option = parse_check_option (child, number, NULL, NULL, ++position, codes, error);

          if (option == NULL)
            return NULL;
          g_list_store_append (question->options, option);
        }
      else if (is_element (child, "sub"))
        {
          CheckSub *sub = g_new0 (CheckSub, 1);
          guint sub_position = 0;

          g_ptr_array_add (question->subs, sub);
          if (!attr_required (child, "letter", &sub->letter, error) ||
              !attr_required (child, "text", &sub->text, error))
            return NULL;

          /* (a), (b), … in order, as printed on the sheet. */
          if (sub->letter[0] != next_letter || sub->letter[1] != '\0' || next_letter > 'h')
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: 問%u sub-question (%s) where (%c) was expected",
                           (guint) xmlGetLineNo (child), number, sub->letter, next_letter);
              return NULL;
            }
          next_letter++;
          sub->condition = attr_dup (child, "condition");
          sub->note = child_text (child, "note");
          g_strv_builder_add (letters, sub->letter);

          FOR_EACH_ELEMENT (grandchild, child)
            {
              g_autoptr(RkCheckOption) option = NULL;

              if (!is_element (grandchild, "option"))
                continue;
              option = parse_check_option (grandchild, number, sub->letter, sub->condition, ++sub_position, codes,
                                           error);
              if (option == NULL)
                return NULL;
              g_list_store_append (question->options, option);
            }

          if (sub_position == 0)
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: 問%u(%s) has no options",
                           (guint) xmlGetLineNo (child), number, sub->letter);
              return NULL;
            }
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (question->options)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "問%u has no options", number);
      return NULL;
    }

  question->sub_letters = g_strv_builder_end (letters);
  return g_steal_pointer (&question);
}

/* A condition must name another option of the same question, or the form could never show what it guards. */
static gboolean
check_condition (const char  *owner,
                 guint        question,
                 const char  *condition,
                 GHashTable  *codes,
                 GError     **error)
{
  RkCheckOption *target;

  if (condition == NULL || *condition == '\0')
    return TRUE;

  target = g_hash_table_lookup (codes, condition);
  if (target == NULL || target->question != question || g_strcmp0 (owner, condition) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "%s depends on %s, which is not another option of 問%u",
                   owner, condition, question);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_roles (xmlNode     *parent,
             GListStore  *store,
             GError     **error)
{
  guint expected = 0;

  FOR_EACH_ELEMENT (node, parent)
    {
      g_autoptr(RkPrefectureRole) role = NULL;

      if (!is_element (node, "role"))
        continue;

      expected++;
      role = g_object_new (RK_TYPE_PREFECTURE_ROLE, NULL);
      if (!attr_uint (node, "number", expected, expected, &role->number, error) ||
          !attr_required (node, "title", &role->title, error))
        return FALSE;
      role->detail = attr_dup (node, "detail");
      g_list_store_append (store, role);
    }

  if (expected != 6)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "the prefecture has six roles, not %u", expected);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_selfcheck (RkCatalog  *self,
                GError    **error)
{
  g_autoptr(xmlDoc) doc = load_document ("selfcheck.xml", error);
  g_autoptr(GListStore) questions = g_list_store_new (RK_TYPE_CHECK_QUESTION);
  g_autoptr(GListStore) wanted = g_list_store_new (RK_TYPE_SURVEY_SHARE);
  g_autoptr(GListStore) received = g_list_store_new (RK_TYPE_SURVEY_SHARE);
  g_autoptr(GListStore) roles = g_list_store_new (RK_TYPE_PREFECTURE_ROLE);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint wanted_n = 0, received_n = 0;
  GHashTableIter iter;
  gpointer value;
  xmlNode *root;

  if (doc == NULL || !check_root (doc, "selfcheck", &root, error))
    return FALSE;

  FOR_EACH_ELEMENT (node, root)
    {
      if (is_element (node, "question"))
        {
          guint number = g_list_model_get_n_items (G_LIST_MODEL (questions)) + 1;
          g_autoptr(RkCheckQuestion) question = parse_check_question (node, number, codes, error);

          if (question == NULL)
            return FALSE;
          g_list_store_append (questions, question);
        }
      else if (is_element (node, "prefecture-support"))
        {
          FOR_EACH_ELEMENT (part, node)
            {
              if (is_element (part, "wanted"))
                {
                  if (!attr_uint (part, "n", 1, G_MAXUINT, &wanted_n, error) ||
                      !parse_share_list (part, wanted, error))
                    return FALSE;
                }
              else if (is_element (part, "received"))
                {
                  if (!attr_uint (part, "n", 1, G_MAXUINT, &received_n, error) ||
                      !parse_share_list (part, received, error))
                    return FALSE;
                }
              else if (is_element (part, "roles"))
                {
                  if (!parse_roles (part, roles, error))
                    return FALSE;
                }
            }
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (questions)) != 7 || wanted_n == 0 || received_n == 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (roles)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "needs 問1–問7 and the prefecture support with its roles");
      return FALSE;
    }

  /* Conditions can point forward within a question, so they are checked once every option is known. */
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RkCheckOption *option = value;

      if (!check_condition (option->code, option->question, option->condition, codes, error))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (questions)); i++)
    {
      g_autoptr(RkCheckQuestion) question = g_list_model_get_item (G_LIST_MODEL (questions), i);

      for (guint j = 0; j < question->subs->len; j++)
        {
          CheckSub *sub = g_ptr_array_index (question->subs, j);
          g_autofree char *owner = g_strdup_printf ("問%u(%s)", question->number, sub->letter);

          if (!check_condition (owner, question->number, sub->condition, codes, error))
            return FALSE;
        }
    }

  list_store_take_all (self->questions, questions);
  list_store_take_all (self->support_wanted, wanted);
  list_store_take_all (self->support_received, received);
  list_store_take_all (self->roles, roles);
  self->support_wanted_n = wanted_n;
  self->support_received_n = received_n;
  /* The options now belong to the published questions; the table only borrows them. */
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_insert (self->options_by_code, RK_CHECK_OPTION (value)->code, value);

  return TRUE;
}

/* ---- indicators.xml ---- */

static gboolean
load_indicators (RkCatalog  *self,
                 GError    **error)
{
  g_autoptr(xmlDoc) doc = load_document ("indicators.xml", error);
  g_autoptr(GListStore) indicators = g_list_store_new (RK_TYPE_INDICATOR_DEF);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint survey_n = 0;
  GHashTableIter iter;
  gpointer value;
  xmlNode *root;

  if (doc == NULL || !check_root (doc, "indicators", &root, error))
    return FALSE;

  if (!attr_uint (root, "n", 1, G_MAXUINT, &survey_n, error))
    return FALSE;

  FOR_EACH_ELEMENT (group, root)
    {
      g_autofree char *group_id = NULL;
      g_autofree char *group_title = NULL;
      g_autofree char *perspective = NULL;
      guint n_in_group = 0;

      if (!is_element (group, "group"))
        continue;

      if (!attr_required (group, "id", &group_id, error) ||
          !attr_required (group, "title", &group_title, error) ||
          !attr_required (group, "perspective", &perspective, error))
        return FALSE;
      if (!g_hash_table_add (groups, g_strdup (group_id)))
        {
          g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: group %s twice",
                       (guint) xmlGetLineNo (group), group_id);
          return FALSE;
        }

      FOR_EACH_ELEMENT (node, group)
        {
          g_autoptr(RkIndicatorDef) indicator = NULL;
          g_autofree char *unit = NULL;
          g_autofree char *share = NULL;
          int unit_value;

          if (!is_element (node, "indicator"))
            continue;

          indicator = g_object_new (RK_TYPE_INDICATOR_DEF, NULL);
          if (!attr_required (node, "code", &indicator->code, error) ||
              !attr_required (node, "name", &indicator->name, error) ||
              !attr_required (node, "unit", &unit, error))
            return FALSE;
          if (!enum_from_nick (RK_TYPE_UNIT_KIND, unit, &unit_value))
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: indicator %s has an unknown unit \"%s\"",
                           (guint) xmlGetLineNo (node), indicator->code, unit);
              return FALSE;
            }
          indicator->unit_kind = unit_value;

          /* The guide gives no share for some (—): absent attribute, negative share. */
          share = attr_dup (node, "share");
          if (share != NULL && !attr_percent (node, "share", &indicator->share, error))
            return FALSE;

          indicator->group = g_strdup (group_id);
          indicator->group_title = g_strdup (group_title);
          indicator->perspective = g_strdup (perspective);
          indicator->rationale = child_text (node, "rationale");

          if (!g_hash_table_insert (codes, indicator->code, indicator))
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: indicator %s twice",
                           (guint) xmlGetLineNo (node), indicator->code);
              return FALSE;
            }
          g_list_store_append (indicators, indicator);
          n_in_group++;
        }

      if (n_in_group == 0)
        {
          g_set_error (error, RK_CATALOG_ERROR, 0, "group %s has no indicators", group_id);
          return FALSE;
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (indicators)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "no indicators");
      return FALSE;
    }

  list_store_take_all (self->indicators, indicators);
  self->indicator_survey_n = survey_n;
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_insert (self->indicators_by_code, RK_INDICATOR_DEF (value)->code, value);

  return TRUE;
}

/* ---- rule-kinds.xml ---- */

static RkRuleCase *
parse_case (xmlNode     *node,
            const char  *kind,
            GHashTable  *ids,
            GError     **error)
{
  g_autoptr(RkRuleCase) rule_case = g_object_new (RK_TYPE_RULE_CASE, NULL);

  if (!attr_required (node, "id", &rule_case->id, error) ||
      !attr_required (node, "prefecture", &rule_case->prefecture, error) ||
      !attr_required (node, "name", &rule_case->name, error))
    return NULL;

  rule_case->kind = g_strdup (kind);
  rule_case->municipality = attr_dup (node, "municipality");
  rule_case->summary = child_text (node, "summary");
  rule_case->points = children_texts (node, "point");
  rule_case->source = child_text (node, "source");

  if (rule_case->summary == NULL || *rule_case->summary == '\0')
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: case %s has no summary",
                   (guint) xmlGetLineNo (node), rule_case->id);
      return NULL;
    }
  if (!g_hash_table_add (ids, g_strdup (rule_case->id)))
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: case %s twice",
                   (guint) xmlGetLineNo (node), rule_case->id);
      return NULL;
    }

  return g_steal_pointer (&rule_case);
}

static gboolean
load_rule_kinds (RkCatalog  *self,
                 GError    **error)
{
  g_autoptr(xmlDoc) doc = load_document ("rule-kinds.xml", error);
  g_autoptr(GListStore) kinds = g_list_store_new (RK_TYPE_RULE_KIND);
  g_autoptr(GListStore) areas = g_list_store_new (RK_TYPE_RULE_KIND);
  g_autoptr(GListStore) cases = g_list_store_new (RK_TYPE_RULE_CASE);
  g_autoptr(GHashTable) case_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kind_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root;

  if (doc == NULL || !check_root (doc, "rule-kinds", &root, error))
    return FALSE;

  FOR_EACH_ELEMENT (node, root)
    {
      if (is_element (node, "kind") || is_element (node, "area"))
        {
          g_autoptr(RkRuleKind) kind = g_object_new (RK_TYPE_RULE_KIND, NULL);
          gboolean is_kind = is_element (node, "kind");

          if (!attr_required (node, "id", &kind->id, error) ||
              !attr_required (node, "title", &kind->title, error))
            return FALSE;
          if (is_kind)
            {
              guint expected = g_list_model_get_n_items (G_LIST_MODEL (kinds)) + 1;

              if (!attr_uint (node, "number", expected, expected, &kind->number, error))
                return FALSE;
            }
          kind->detail = attr_dup (node, "detail");

          /* "process" is the kind of the process cases, so no rule kind may take it. */
          if (g_str_equal (kind->id, "process") || !g_hash_table_add (kind_ids, g_strdup (kind->id)))
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: rule kind id %s is taken",
                           (guint) xmlGetLineNo (node), kind->id);
              return FALSE;
            }

          FOR_EACH_ELEMENT (child, node)
            {
              g_autoptr(RkRuleCase) rule_case = NULL;

              if (!is_element (child, "case"))
                continue;
              rule_case = parse_case (child, kind->id, case_ids, error);
              if (rule_case == NULL)
                return FALSE;
              g_list_store_append (kind->cases, rule_case);
              g_list_store_append (cases, rule_case);
            }

          if (is_kind && g_list_model_get_n_items (G_LIST_MODEL (kind->cases)) == 0)
            {
              g_set_error (error, RK_CATALOG_ERROR, 0, "rule kind %s has no cases", kind->id);
              return FALSE;
            }
          g_list_store_append (is_kind ? kinds : areas, kind);
        }
      else if (is_element (node, "process-cases"))
        {
          FOR_EACH_ELEMENT (child, node)
            {
              g_autoptr(RkRuleCase) rule_case = NULL;

              if (!is_element (child, "case"))
                continue;
              rule_case = parse_case (child, "process", case_ids, error);
              if (rule_case == NULL)
                return FALSE;
              g_list_store_append (cases, rule_case);
            }
        }
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (kinds)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "no rule kinds");
      return FALSE;
    }

  list_store_take_all (self->rule_kinds, kinds);
  list_store_take_all (self->rule_areas, areas);
  list_store_take_all (self->cases, cases);
  return TRUE;
}

/* ---- tips.xml ---- */

static gboolean
load_tips (RkCatalog  *self,
           GError    **error)
{
  g_autoptr(xmlDoc) doc = load_document ("tips.xml", error);
  g_autoptr(GListStore) tips = g_list_store_new (RK_TYPE_TIP);
  xmlNode *root;

  if (doc == NULL || !check_root (doc, "tips", &root, error))
    return FALSE;

  FOR_EACH_ELEMENT (node, root)
    {
      g_autoptr(RkTip) tip = NULL;

      if (!is_element (node, "tip"))
        continue;

      tip = g_object_new (RK_TYPE_TIP, NULL);
      if (!attr_required (node, "id", &tip->id, error) ||
          !attr_required (node, "title", &tip->title, error))
        return FALSE;
      tip->challenges = children_texts (node, "challenge");
      tip->remedies = children_texts (node, "remedy");
      if (tip->challenges[0] == NULL || tip->remedies[0] == NULL)
        {
          g_set_error (error, RK_CATALOG_ERROR, 0, "line %u: tip %s needs a challenge and a remedy",
                       (guint) xmlGetLineNo (node), tip->id);
          return FALSE;
        }
      g_list_store_append (tips, tip);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (tips)) == 0)
    {
      g_set_error (error, RK_CATALOG_ERROR, 0, "no tips");
      return FALSE;
    }

  list_store_take_all (self->tips, tips);
  return TRUE;
}

/* ---- loading ---- */

static gpointer
rk_catalog_load (gpointer data)
{
  static const struct {
    const char *file;
    gboolean  (*load) (RkCatalog *self, GError **error);
  } catalogs[] = {
    { "member-types.xml", load_member_types },
    { "schedule-templates.xml", load_schedule_templates },
    { "selfcheck.xml", load_selfcheck },
    { "indicators.xml", load_indicators },
    { "rule-kinds.xml", load_rule_kinds },
    { "tips.xml", load_tips },
  };
  RkCatalog *self = g_object_new (RK_TYPE_CATALOG, NULL);

  xmlInitParser ();

  for (guint i = 0; i < G_N_ELEMENTS (catalogs); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!catalogs[i].load (self, &error))
        g_critical ("Catalog %s is broken: %s", catalogs[i].file, error != NULL ? error->message : "?");
    }

  return self;
}

RkCatalog *
rk_catalog_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  /* Loaded once and kept for the life of the process: every list handed out points into it. */
  return g_once (&once, rk_catalog_load, NULL);
}

/* ---- public getters ---- */

GListModel *
rk_catalog_get_member_types (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->member_types);
}

RkMemberType *
rk_catalog_lookup_member_type (RkCatalog *self,
                               guint      number)
{
  g_autoptr(RkMemberType) type = NULL;

  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);

  /* The list is exactly 1…20 in order (checked on load), so the number is the position plus one. */
  if (number == 0)
    return NULL;
  type = g_list_model_get_item (G_LIST_MODEL (self->member_types), number - 1);
  return type; /* the store keeps its reference; g_autoptr drops ours */
}

double
rk_catalog_get_member_type_no_answer (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), 0.0);
  return self->member_no_answer;
}

guint
rk_catalog_get_member_type_survey_n (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), 0);
  return self->member_survey_n;
}

GListModel *
rk_catalog_get_lead_organisations (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->lead_organisations);
}

GListModel *
rk_catalog_get_schedule_templates (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->templates);
}

RkScheduleTemplate *
rk_catalog_lookup_schedule_template (RkCatalog  *self,
                                     const char *id)
{
  guint n;

  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->templates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkScheduleTemplate) template = g_list_model_get_item (G_LIST_MODEL (self->templates), i);

      if (g_strcmp0 (template->id, id) == 0)
        return template; /* the store keeps its reference */
    }
  return NULL;
}

guint
rk_catalog_get_n_steps (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), 0);
  return RK_CATALOG_N_STEPS;
}

const char *
rk_catalog_get_step_title (RkCatalog *self,
                           guint      step)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (step >= 1 && step <= RK_CATALOG_N_STEPS, NULL);

  return self->step_titles != NULL ? self->step_titles[step - 1] : "";
}

GListModel *
rk_catalog_get_check_questions (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->questions);
}

RkCheckQuestion *
rk_catalog_lookup_check_question (RkCatalog *self,
                                  guint      number)
{
  g_autoptr(RkCheckQuestion) question = NULL;

  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);

  if (number == 0)
    return NULL;
  question = g_list_model_get_item (G_LIST_MODEL (self->questions), number - 1);
  return question; /* the store keeps its reference */
}

RkCheckOption *
rk_catalog_lookup_check_option (RkCatalog  *self,
                                const char *code)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->options_by_code, code);
}

GListModel *
rk_catalog_get_support_wanted (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->support_wanted);
}

guint
rk_catalog_get_support_wanted_n (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), 0);
  return self->support_wanted_n;
}

GListModel *
rk_catalog_get_support_received (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->support_received);
}

guint
rk_catalog_get_support_received_n (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), 0);
  return self->support_received_n;
}

GListModel *
rk_catalog_get_prefecture_roles (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->roles);
}

GListModel *
rk_catalog_get_indicators (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

RkIndicatorDef *
rk_catalog_lookup_indicator (RkCatalog  *self,
                             const char *code)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->indicators_by_code, code);
}

guint
rk_catalog_get_indicator_survey_n (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), 0);
  return self->indicator_survey_n;
}

GListModel *
rk_catalog_get_rule_kinds (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->rule_kinds);
}

GListModel *
rk_catalog_get_rule_areas (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->rule_areas);
}

GListModel *
rk_catalog_get_cases (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->cases);
}

RkRuleKind *
rk_catalog_lookup_rule_kind (RkCatalog  *self,
                             const char *id)
{
  GListModel *lists[2];

  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  lists[0] = G_LIST_MODEL (self->rule_kinds);
  lists[1] = G_LIST_MODEL (self->rule_areas);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RkRuleKind) kind = g_list_model_get_item (lists[l], i);

          if (g_strcmp0 (kind->id, id) == 0)
            return kind; /* the store keeps its reference */
        }
    }
  return NULL;
}

GListModel *
rk_catalog_get_tips (RkCatalog *self)
{
  g_return_val_if_fail (RK_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->tips);
}

/* rk-task.c — a task of the work schedule (工程表), as a property bag the store fills. */

#include "rk-task.h"

#include <glib/gi18n.h>

#include "rk-schedule.h"
#include "rk-model-private.h"
#include "rk-store-private.h"
#include "rk-task-private.h"

/* The years a schedule can hold: 和暦 labels start with 平成, and nothing is planned two centuries ahead. */
#define FIRST_YEAR 1989
#define LAST_YEAR  2200

struct _RkTask
{
  GObject       parent_instance;

  gint64        id;
  int           step;
  char         *code;
  char         *title;
  char         *start_month;
  char         *end_month;
  gint64        owner_member_id;
  char         *owner_text;
  RkTaskStatus  status;
  gboolean      milestone;
  char         *cadence;
  char         *notes;
  int           position;
};

G_DEFINE_FINAL_TYPE (RkTask, rk_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_STEP,
  PROP_CODE,
  PROP_TITLE,
  PROP_START_MONTH,
  PROP_END_MONTH,
  PROP_OWNER_MEMBER_ID,
  PROP_OWNER_TEXT,
  PROP_STATUS,
  PROP_MILESTONE,
  PROP_CADENCE,
  PROP_NOTES,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------------------------ */
/* Status */

static const GEnumValue status_values[] = {
  { RK_TASK_TODO, "RK_TASK_TODO", "todo" },
  { RK_TASK_DOING, "RK_TASK_DOING", "doing" },
  { RK_TASK_DONE, "RK_TASK_DONE", "done" },
  { RK_TASK_CANCELLED, "RK_TASK_CANCELLED", "cancelled" },
  { 0, NULL, NULL }
};

/* Indexed by RkTaskStatus. */
static const char *const status_labels[] = {
  N_("Not started"),
  N_("In progress"),
  N_("Done"),
  N_("Cancelled"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_labels) == RK_TASK_CANCELLED + 1);

GType
rk_task_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("RkTaskStatus"), status_values);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

const char *
rk_task_status_to_label (RkTaskStatus status)
{
  g_return_val_if_fail ((int) status >= RK_TASK_TODO && status <= RK_TASK_CANCELLED, NULL);

  return _(status_labels[status]);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Validation */

/* @field is the translated name of the field, for the message. */
static gboolean
check_month (const char  *text,
             const char  *field,
             RkMonth     *month,
             GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      /* TRANSLATORS: %s is a field such as "Start month". */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("%s: enter a month as year-month, e.g. 2025-06."), field);
      return FALSE;
    }
  if (!rk_month_parse (text, month))
    {
      /* TRANSLATORS: the first %s is a field such as "Start month", the second what the user entered. */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a month. Enter it as year-month, e.g. 2025-06."), field, text);
      return FALSE;
    }
  if (rk_month_get_year (*month) < FIRST_YEAR || rk_month_get_year (*month) > LAST_YEAR)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("%s: %s is outside the years a schedule can hold (%d to %d)."), field, text, FIRST_YEAR,
                   LAST_YEAR);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_task_info_validate (const RkTaskInfo *info,
                       GError          **error)
{
  RkMonth start, end;

  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->code) || !rk_store_text_is_valid (info->title)
      || !rk_store_text_is_valid (info->start_month) || !rk_store_text_is_valid (info->end_month)
      || !rk_store_text_is_valid (info->owner_text) || !rk_store_text_is_valid (info->cadence)
      || !rk_store_text_is_valid (info->notes))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The task’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (info->step < 1 || info->step > 6)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Step: choose one of STEP1 to STEP6 (%d is not one of them)."), info->step);
      return FALSE;
    }
  if (rk_store_text_is_blank (info->title))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Title: enter what the task is; it cannot be empty."));
      return FALSE;
    }
  if (!check_month (info->start_month, _("Start month"), &start, error)
      || !check_month (info->end_month, _("End month"), &end, error))
    return FALSE;
  if (end < start)
    {
      g_autofree char *start_text = rk_month_format_span (start, start);
      g_autofree char *end_text = rk_month_format_span (end, end);

      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("End month: the task cannot end (%s) before it starts (%s). Choose an end month on or after "
                     "the start month."), end_text, start_text);
      return FALSE;
    }
  if ((int) info->status < RK_TASK_TODO || info->status > RK_TASK_CANCELLED)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Status: choose whether the task is not started, in progress, done or cancelled."));
      return FALSE;
    }
  if (info->owner_member_id < 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Owner: choose a member of the roster, or type an organisation."));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The object */

static void
rk_task_finalize (GObject *object)
{
  RkTask *self = RK_TASK (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->start_month, g_free);
  g_clear_pointer (&self->end_month, g_free);
  g_clear_pointer (&self->owner_text, g_free);
  g_clear_pointer (&self->cadence, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rk_task_parent_class)->finalize (object);
}

static void
rk_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RkTask *self = RK_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_START_MONTH:
      g_value_set_string (value, self->start_month);
      break;
    case PROP_END_MONTH:
      g_value_set_string (value, self->end_month);
      break;
    case PROP_OWNER_MEMBER_ID:
      g_value_set_int64 (value, self->owner_member_id);
      break;
    case PROP_OWNER_TEXT:
      g_value_set_string (value, self->owner_text);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_MILESTONE:
      g_value_set_boolean (value, self->milestone);
      break;
    case PROP_CADENCE:
      g_value_set_string (value, self->cadence);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RkTask *self = RK_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
rk_task_class_init (RkTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_task_finalize;
  object_class->get_property = rk_task_get_property;
  object_class->set_property = rk_task_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, 1, 6, 1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CODE] = rk_model_string_property ("code");
  properties[PROP_TITLE] = rk_model_string_property ("title");
  properties[PROP_START_MONTH] = rk_model_string_property ("start-month");
  properties[PROP_END_MONTH] = rk_model_string_property ("end-month");
  properties[PROP_OWNER_MEMBER_ID] =
    g_param_spec_int64 ("owner-member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OWNER_TEXT] = rk_model_string_property ("owner-text");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RK_TYPE_TASK_STATUS, RK_TASK_TODO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MILESTONE] =
    g_param_spec_boolean ("milestone", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CADENCE] = rk_model_string_property ("cadence");
  properties[PROP_NOTES] = rk_model_string_property ("notes");
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_task_init (RkTask *self)
{
  self->step = 1;
  self->status = RK_TASK_TODO;
  self->code = g_strdup ("");
  self->title = g_strdup ("");
  self->start_month = g_strdup ("");
  self->end_month = g_strdup ("");
  self->owner_text = g_strdup ("");
  self->cadence = g_strdup ("");
  self->notes = g_strdup ("");
}

RkTask *
rk_task_new_for_store (gint64            id,
                       const RkTaskInfo *info,
                       int               position)
{
  RkTask *self = g_object_new (RK_TYPE_TASK, "id", id, NULL);

  rk_task_set_info (self, info);
  self->position = position;
  return self;
}

static void
set_string (RkTask    *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  rk_model_set_string (G_OBJECT (self), field, value, properties[prop]);
}

void
rk_task_set_info (RkTask           *self,
                  const RkTaskInfo *info)
{
  g_return_if_fail (RK_IS_TASK (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->step != info->step)
    {
      self->step = info->step;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
    }
  set_string (self, &self->code, info->code, PROP_CODE);
  set_string (self, &self->title, info->title, PROP_TITLE);
  set_string (self, &self->start_month, info->start_month, PROP_START_MONTH);
  set_string (self, &self->end_month, info->end_month, PROP_END_MONTH);
  if (self->owner_member_id != info->owner_member_id)
    {
      self->owner_member_id = info->owner_member_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_MEMBER_ID]);
    }
  set_string (self, &self->owner_text, info->owner_text, PROP_OWNER_TEXT);
  if (self->status != info->status)
    {
      self->status = info->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->milestone != !!info->milestone)
    {
      self->milestone = !!info->milestone;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILESTONE]);
    }
  set_string (self, &self->cadence, info->cadence, PROP_CADENCE);
  set_string (self, &self->notes, info->notes, PROP_NOTES);
  g_object_thaw_notify (G_OBJECT (self));
}

void
rk_task_set_position (RkTask *self,
                      int     position)
{
  g_return_if_fail (RK_IS_TASK (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Getters */

gint64
rk_task_get_id (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), 0);
  return self->id;
}

int
rk_task_get_step (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), 0);
  return self->step;
}

const char *
rk_task_get_code (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->code;
}

const char *
rk_task_get_title (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->title;
}

const char *
rk_task_get_start_month (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->start_month;
}

const char *
rk_task_get_end_month (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->end_month;
}

gint64
rk_task_get_owner_member_id (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), 0);
  return self->owner_member_id;
}

const char *
rk_task_get_owner_text (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->owner_text;
}

RkTaskStatus
rk_task_get_status (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), RK_TASK_TODO);
  return self->status;
}

gboolean
rk_task_get_milestone (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), FALSE);
  return self->milestone;
}

const char *
rk_task_get_cadence (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->cadence;
}

const char *
rk_task_get_notes (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), NULL);
  return self->notes;
}

int
rk_task_get_position (RkTask *self)
{
  g_return_val_if_fail (RK_IS_TASK (self), 0);
  return self->position;
}

void
rk_task_get_info (RkTask     *self,
                  RkTaskInfo *info)
{
  g_return_if_fail (RK_IS_TASK (self));
  g_return_if_fail (info != NULL);

  info->step = self->step;
  info->code = self->code;
  info->title = self->title;
  info->start_month = self->start_month;
  info->end_month = self->end_month;
  info->owner_member_id = self->owner_member_id;
  info->owner_text = self->owner_text;
  info->status = self->status;
  info->milestone = self->milestone;
  info->cadence = self->cadence;
  info->notes = self->notes;
}

gboolean
rk_task_is_overdue (RkTask *self,
                    GDate  *today)
{
  GDate now;
  RkMonth end;

  g_return_val_if_fail (RK_IS_TASK (self), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      rk_store_get_today (&now);
      today = &now;
    }
  if (self->status == RK_TASK_DONE || self->status == RK_TASK_CANCELLED)
    return FALSE;
  /* The store only holds validated months; a task that somehow has none is not late. */
  if (!rk_month_parse (self->end_month, &end))
    return FALSE;
  return end < rk_month_from_date (today);
}

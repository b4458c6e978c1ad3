/* rk-meeting.c — meetings, agenda items, action items and challenges, as property bags the store fills; their
 * status enumerations and the validation of what a user enters. */

#include "rk-meeting.h"

#include <glib/gi18n.h>

#include "rk-era.h"
#include "rk-meeting-private.h"
#include "rk-model-private.h"
#include "rk-store-private.h"

/* As for the schedule: 和暦 labels start with 平成, and nothing is planned two centuries ahead. */
#define FIRST_YEAR 1989
#define LAST_YEAR  2200

/* A whole day: more minutes than that for one agenda item is a typing error. */
#define MAX_MINUTES_ALLOTTED 1440

/* ------------------------------------------------------------------------------------------------------------ */
/* Enumerations */

static GType
register_enum (gsize            *type_id,
               const char       *name,
               const GEnumValue *values)
{
  if (g_once_init_enter (type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string (name), values);
      g_once_init_leave (type_id, id);
    }
  return *type_id;
}

static const GEnumValue meeting_status_values[] = {
  { RK_MEETING_PLANNED, "RK_MEETING_PLANNED", "planned" },
  { RK_MEETING_HELD, "RK_MEETING_HELD", "held" },
  { RK_MEETING_CANCELLED, "RK_MEETING_CANCELLED", "cancelled" },
  { 0, NULL, NULL }
};

/* Indexed by RkMeetingStatus. */
static const char *const meeting_status_labels[] = {
  NC_("meeting status", "Planned"),
  NC_("meeting status", "Held"),
  NC_("meeting status", "Cancelled"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (meeting_status_labels) == RK_MEETING_CANCELLED + 1);

GType
rk_meeting_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkMeetingStatus", meeting_status_values);
}

const char *
rk_meeting_status_to_label (RkMeetingStatus status)
{
  g_return_val_if_fail ((int) status >= RK_MEETING_PLANNED && status <= RK_MEETING_CANCELLED, NULL);

  return g_dpgettext2 (NULL, "meeting status", meeting_status_labels[status]);
}

static const GEnumValue attendance_status_values[] = {
  { RK_ATTENDANCE_UNRECORDED, "RK_ATTENDANCE_UNRECORDED", "unrecorded" },
  { RK_ATTENDANCE_PRESENT, "RK_ATTENDANCE_PRESENT", "present" },
  { RK_ATTENDANCE_ABSENT, "RK_ATTENDANCE_ABSENT", "absent" },
  { RK_ATTENDANCE_PROXY, "RK_ATTENDANCE_PROXY", "proxy" },
  { RK_ATTENDANCE_ONLINE, "RK_ATTENDANCE_ONLINE", "online" },
  { 0, NULL, NULL }
};

/* Indexed by RkAttendanceStatus + 1. */
static const char *const attendance_status_labels[] = {
  NC_("attendance", "Not recorded"),
  NC_("attendance", "Present"),
  NC_("attendance", "Absent"),
  NC_("attendance", "Proxy"),
  NC_("attendance", "Online"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (attendance_status_labels) == RK_ATTENDANCE_ONLINE + 2);

GType
rk_attendance_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkAttendanceStatus", attendance_status_values);
}

const char *
rk_attendance_status_to_label (RkAttendanceStatus status)
{
  g_return_val_if_fail ((int) status >= RK_ATTENDANCE_UNRECORDED && status <= RK_ATTENDANCE_ONLINE, NULL);

  return g_dpgettext2 (NULL, "attendance", attendance_status_labels[status + 1]);
}

gboolean
rk_attendance_status_is_present (RkAttendanceStatus status)
{
  return status == RK_ATTENDANCE_PRESENT || status == RK_ATTENDANCE_PROXY || status == RK_ATTENDANCE_ONLINE;
}

static const GEnumValue action_status_values[] = {
  { RK_ACTION_OPEN, "RK_ACTION_OPEN", "open" },
  { RK_ACTION_DONE, "RK_ACTION_DONE", "done" },
  { RK_ACTION_DROPPED, "RK_ACTION_DROPPED", "dropped" },
  { 0, NULL, NULL }
};

/* Indexed by RkActionStatus. */
static const char *const action_status_labels[] = {
  NC_("action item status", "Open"),
  NC_("action item status", "Done"),
  NC_("action item status", "Dropped"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (action_status_labels) == RK_ACTION_DROPPED + 1);

GType
rk_action_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkActionStatus", action_status_values);
}

const char *
rk_action_status_to_label (RkActionStatus status)
{
  g_return_val_if_fail ((int) status >= RK_ACTION_OPEN && status <= RK_ACTION_DROPPED, NULL);

  return g_dpgettext2 (NULL, "action item status", action_status_labels[status]);
}

static const GEnumValue action_filter_values[] = {
  { RK_ACTION_FILTER_ALL, "RK_ACTION_FILTER_ALL", "all" },
  { RK_ACTION_FILTER_OPEN, "RK_ACTION_FILTER_OPEN", "open" },
  { RK_ACTION_FILTER_OVERDUE, "RK_ACTION_FILTER_OVERDUE", "overdue" },
  { RK_ACTION_FILTER_DONE, "RK_ACTION_FILTER_DONE", "done" },
  { 0, NULL, NULL }
};

/* Indexed by RkActionFilter. */
static const char *const action_filter_labels[] = {
  NC_("action item filter", "All"),
  NC_("action item filter", "Open"),
  NC_("action item filter", "Overdue"),
  NC_("action item filter", "Done"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (action_filter_labels) == RK_ACTION_FILTER_DONE + 1);

GType
rk_action_filter_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkActionFilter", action_filter_values);
}

const char *
rk_action_filter_to_label (RkActionFilter filter)
{
  g_return_val_if_fail ((int) filter >= RK_ACTION_FILTER_ALL && filter <= RK_ACTION_FILTER_DONE, NULL);

  return g_dpgettext2 (NULL, "action item filter", action_filter_labels[filter]);
}

static const GEnumValue challenge_status_values[] = {
  { RK_CHALLENGE_OPEN, "RK_CHALLENGE_OPEN", "open" },
  { RK_CHALLENGE_ADDRESSING, "RK_CHALLENGE_ADDRESSING", "addressing" },
  { RK_CHALLENGE_RESOLVED, "RK_CHALLENGE_RESOLVED", "resolved" },
  { 0, NULL, NULL }
};

/* Indexed by RkChallengeStatus. */
static const char *const challenge_status_labels[] = {
  NC_("challenge status", "Open"),
  NC_("challenge status", "Being addressed"),
  NC_("challenge status", "Resolved"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (challenge_status_labels) == RK_CHALLENGE_RESOLVED + 1);

GType
rk_challenge_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkChallengeStatus", challenge_status_values);
}

const char *
rk_challenge_status_to_label (RkChallengeStatus status)
{
  g_return_val_if_fail ((int) status >= RK_CHALLENGE_OPEN && status <= RK_CHALLENGE_RESOLVED, NULL);

  return g_dpgettext2 (NULL, "challenge status", challenge_status_labels[status]);
}

static const GEnumValue challenge_source_values[] = {
  { RK_CHALLENGE_FROM_MEETING, "RK_CHALLENGE_FROM_MEETING", "meeting" },
  { RK_CHALLENGE_FROM_SELF_CHECK, "RK_CHALLENGE_FROM_SELF_CHECK", "self-check" },
  { RK_CHALLENGE_FROM_DATA, "RK_CHALLENGE_FROM_DATA", "data" },
  { RK_CHALLENGE_FROM_INTERVIEWS, "RK_CHALLENGE_FROM_INTERVIEWS", "interviews" },
  { 0, NULL, NULL }
};

/* Indexed by RkChallengeSource. */
static const char *const challenge_source_labels[] = {
  NC_("challenge source", "Meeting"),
  NC_("challenge source", "Self-check"),
  NC_("challenge source", "Data"),
  NC_("challenge source", "Interviews"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (challenge_source_labels) == RK_CHALLENGE_FROM_INTERVIEWS + 1);

GType
rk_challenge_source_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkChallengeSource", challenge_source_values);
}

const char *
rk_challenge_source_to_label (RkChallengeSource source)
{
  g_return_val_if_fail ((int) source >= RK_CHALLENGE_FROM_MEETING && source <= RK_CHALLENGE_FROM_INTERVIEWS, NULL);

  return g_dpgettext2 (NULL, "challenge source", challenge_source_labels[source]);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Validation */

gboolean
rk_meeting_parse_date_time (const char *text,
                            GDate      *date,
                            int        *minutes)
{
  char day[11];
  GDate parsed;
  int hour, minute;

  /* Exactly "YYYY-MM-DDTHH:MM": the schema compares these as text, so every one must have the same shape. */
  if (text == NULL || strlen (text) != 16 || text[10] != 'T' || text[13] != ':'
      || !g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[12])
      || !g_ascii_isdigit (text[14]) || !g_ascii_isdigit (text[15]))
    return FALSE;
  memcpy (day, text, 10);
  day[10] = '\0';
  g_date_clear (&parsed, 1);
  if (!rk_era_parse_iso_date (day, &parsed)
      || g_date_get_year (&parsed) < FIRST_YEAR || g_date_get_year (&parsed) > LAST_YEAR)
    return FALSE;
  hour = (text[11] - '0') * 10 + (text[12] - '0');
  minute = (text[14] - '0') * 10 + (text[15] - '0');
  if (hour > 23 || minute > 59)
    return FALSE;
  if (date != NULL)
    *date = parsed;
  if (minutes != NULL)
    *minutes = hour * 60 + minute;
  return TRUE;
}

/* @field is the translated name of the field, for the message. */
static gboolean
check_date_time (const char  *text,
                 const char  *field,
                 GError     **error)
{
  if (!rk_meeting_parse_date_time (text, NULL, NULL))
    {
      /* TRANSLATORS: the first %s is a field such as "Start", the second what the user entered. */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a date and time that exists. Enter it as year-month-day and hour:minute, e.g. "
                     "2025-06-12T14:00."), field, text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

/* NULL counts as valid: it reads as "". */
static gboolean
texts_are_valid (const char *const *texts,
                 guint               n)
{
  for (guint i = 0; i < n; i++)
    if (!rk_store_text_is_valid (texts[i]))
      return FALSE;
  return TRUE;
}

gboolean
rk_meeting_info_validate (const RkMeetingInfo *info,
                          GError             **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  const char *texts[] = { info->title, info->starts_at, info->ends_at, info->place, info->notes };

  if (!texts_are_valid (texts, G_N_ELEMENTS (texts)))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The meeting’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (info->body_id <= 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Body: choose the body that meets."));
      return FALSE;
    }
  if (info->starts_at == NULL || *info->starts_at == '\0')
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Start: enter when the meeting starts, e.g. 2025-06-12T14:00."));
      return FALSE;
    }
  if (!check_date_time (info->starts_at, _("Start"), error))
    return FALSE;
  if (info->ends_at != NULL && *info->ends_at != '\0')
    {
      if (!check_date_time (info->ends_at, _("End"), error))
        return FALSE;
      /* Same shape on both sides, so text order is time order. */
      if (strcmp (info->ends_at, info->starts_at) < 0)
        {
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       _("End: the meeting cannot end (%s) before it starts (%s). Choose a later end, or leave it "
                         "empty."), info->ends_at, info->starts_at);
          return FALSE;
        }
    }
  if ((int) info->status < RK_MEETING_PLANNED || info->status > RK_MEETING_CANCELLED)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Status: choose whether the meeting is planned, held or cancelled."));
      return FALSE;
    }
  if (info->task_id < 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Schedule task: choose a task of the schedule, or none."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_agenda_item_info_validate (const RkAgendaItemInfo *info,
                              GError                **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  const char *texts[] = { info->title, info->discussion, info->decisions };

  if (!texts_are_valid (texts, G_N_ELEMENTS (texts)))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The agenda item’s text is not valid UTF-8. Retype it."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->title))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Title: enter what the agenda item is about; it cannot be empty."));
      return FALSE;
    }
  if (info->minutes_allotted < -1 || info->minutes_allotted > MAX_MINUTES_ALLOTTED)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Minutes allotted: enter a number of minutes from 0 to %d, or leave it empty (%d is not "
                     "possible)."), MAX_MINUTES_ALLOTTED, info->minutes_allotted);
      return FALSE;
    }
  if (info->presenter_member_id < 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Presenter: choose a member of the roster, or none."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_action_item_info_validate (const RkActionItemInfo *info,
                              GError                **error)
{
  GDate due;

  g_return_val_if_fail (info != NULL, FALSE);

  const char *texts[] = { info->title, info->assignee_text, info->due_date };

  if (!texts_are_valid (texts, G_N_ELEMENTS (texts)))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The action item’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->title))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Title: enter what is to be done; it cannot be empty."));
      return FALSE;
    }
  g_date_clear (&due, 1);
  if (info->due_date != NULL && *info->due_date != '\0'
      && (!rk_era_parse_iso_date (info->due_date, &due)
          || g_date_get_year (&due) < FIRST_YEAR || g_date_get_year (&due) > LAST_YEAR))
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Due date: “%s” is not a date that exists. Enter it as year-month-day, e.g. 2025-07-31."),
                   info->due_date);
      return FALSE;
    }
  if ((int) info->status < RK_ACTION_OPEN || info->status > RK_ACTION_DROPPED)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Status: choose whether the action item is open, done or dropped."));
      return FALSE;
    }
  if (info->assignee_member_id < 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Assignee: choose a member of the roster, or type who is responsible."));
      return FALSE;
    }
  if (info->agenda_item_id < 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Agenda item: choose an item of the meeting’s agenda, or none."));
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_challenge_info_validate (const RkChallengeInfo *info,
                            GError               **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  const char *texts[] = { info->title, info->description };

  if (!texts_are_valid (texts, G_N_ELEMENTS (texts)))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The challenge’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->title))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Title: enter what the challenge is; it cannot be empty."));
      return FALSE;
    }
  if ((int) info->source < RK_CHALLENGE_FROM_MEETING || info->source > RK_CHALLENGE_FROM_INTERVIEWS)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Source: choose whether the challenge came from a meeting, a self-check, data or "
                             "interviews."));
      return FALSE;
    }
  if ((int) info->status < RK_CHALLENGE_OPEN || info->status > RK_CHALLENGE_RESOLVED)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Status: choose whether the challenge is open, being addressed or resolved."));
      return FALSE;
    }
  if (info->raised_meeting_id < 0)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Raised in: choose a meeting, or none."));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Shared by the four classes */

/* Read-only to everyone but the store: an edit must be written to the file before it shows. */
#define READ_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)
#define CONSTRUCT_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)


static GParamSpec *
id_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, READ_FLAGS);
}




static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  rk_store_get_today (today);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkMeeting */

struct _RkMeeting
{
  GObject          parent_instance;

  gint64           id;
  gint64           body_id;
  int              number;
  char            *title;
  char            *starts_at;
  char            *ends_at;
  char            *place;
  gboolean         online;
  gint64           task_id;
  RkMeetingStatus  status;
  char            *notes;
};

G_DEFINE_FINAL_TYPE (RkMeeting, rk_meeting, G_TYPE_OBJECT)

enum {
  MEETING_PROP_0,
  MEETING_PROP_ID,
  MEETING_PROP_BODY_ID,
  MEETING_PROP_NUMBER,
  MEETING_PROP_TITLE,
  MEETING_PROP_STARTS_AT,
  MEETING_PROP_ENDS_AT,
  MEETING_PROP_PLACE,
  MEETING_PROP_ONLINE,
  MEETING_PROP_TASK_ID,
  MEETING_PROP_STATUS,
  MEETING_PROP_NOTES,
  MEETING_N_PROPS
};

static GParamSpec *meeting_properties[MEETING_N_PROPS];

static void
rk_meeting_finalize (GObject *object)
{
  RkMeeting *self = RK_MEETING (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->starts_at, g_free);
  g_clear_pointer (&self->ends_at, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rk_meeting_parent_class)->finalize (object);
}

static void
rk_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RkMeeting *self = RK_MEETING (object);

  switch (prop_id)
    {
    case MEETING_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case MEETING_PROP_BODY_ID:
      g_value_set_int64 (value, self->body_id);
      break;
    case MEETING_PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;
    case MEETING_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case MEETING_PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;
    case MEETING_PROP_ENDS_AT:
      g_value_set_string (value, self->ends_at);
      break;
    case MEETING_PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case MEETING_PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case MEETING_PROP_TASK_ID:
      g_value_set_int64 (value, self->task_id);
      break;
    case MEETING_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case MEETING_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RkMeeting *self = RK_MEETING (object);

  switch (prop_id)
    {
    case MEETING_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meeting_class_init (RkMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_meeting_finalize;
  object_class->get_property = rk_meeting_get_property;
  object_class->set_property = rk_meeting_set_property;

  meeting_properties[MEETING_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  meeting_properties[MEETING_PROP_BODY_ID] = id_property ("body-id");
  meeting_properties[MEETING_PROP_NUMBER] = g_param_spec_int ("number", NULL, NULL, 1, G_MAXINT, 1, READ_FLAGS);
  meeting_properties[MEETING_PROP_TITLE] = rk_model_string_property ("title");
  meeting_properties[MEETING_PROP_STARTS_AT] = rk_model_string_property ("starts-at");
  meeting_properties[MEETING_PROP_ENDS_AT] = rk_model_string_property ("ends-at");
  meeting_properties[MEETING_PROP_PLACE] = rk_model_string_property ("place");
  meeting_properties[MEETING_PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE, READ_FLAGS);
  meeting_properties[MEETING_PROP_TASK_ID] = id_property ("task-id");
  meeting_properties[MEETING_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RK_TYPE_MEETING_STATUS, RK_MEETING_PLANNED, READ_FLAGS);
  meeting_properties[MEETING_PROP_NOTES] = rk_model_string_property ("notes");

  g_object_class_install_properties (object_class, MEETING_N_PROPS, meeting_properties);
}

static void
rk_meeting_init (RkMeeting *self)
{
  self->number = 1;
  self->status = RK_MEETING_PLANNED;
  self->title = g_strdup ("");
  self->starts_at = g_strdup ("");
  self->ends_at = g_strdup ("");
  self->place = g_strdup ("");
  self->notes = g_strdup ("");
}

RkMeeting *
rk_meeting_new_for_store (gint64               id,
                          int                  number,
                          const RkMeetingInfo *info)
{
  RkMeeting *self = g_object_new (RK_TYPE_MEETING, "id", id, NULL);

  rk_meeting_set_info (self, info);
  self->number = MAX (number, 1);
  return self;
}

void
rk_meeting_set_info (RkMeeting           *self,
                     const RkMeetingInfo *info)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_MEETING (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  rk_model_set_int64 (object, &self->body_id, info->body_id, meeting_properties[MEETING_PROP_BODY_ID]);
  rk_model_set_string (object, &self->title, info->title, meeting_properties[MEETING_PROP_TITLE]);
  rk_model_set_string (object, &self->starts_at, info->starts_at, meeting_properties[MEETING_PROP_STARTS_AT]);
  rk_model_set_string (object, &self->ends_at, info->ends_at, meeting_properties[MEETING_PROP_ENDS_AT]);
  rk_model_set_string (object, &self->place, info->place, meeting_properties[MEETING_PROP_PLACE]);
  rk_model_set_int (object, &self->online, !!info->online, meeting_properties[MEETING_PROP_ONLINE]);
  rk_model_set_int64 (object, &self->task_id, MAX (info->task_id, 0), meeting_properties[MEETING_PROP_TASK_ID]);
  if (self->status != info->status)
    {
      self->status = info->status;
      g_object_notify_by_pspec (object, meeting_properties[MEETING_PROP_STATUS]);
    }
  rk_model_set_string (object, &self->notes, info->notes, meeting_properties[MEETING_PROP_NOTES]);
  g_object_thaw_notify (object);
}

void
rk_meeting_set_number (RkMeeting *self,
                       int        number)
{
  g_return_if_fail (RK_IS_MEETING (self));
  g_return_if_fail (number >= 1);

  rk_model_set_int (G_OBJECT (self), &self->number, number, meeting_properties[MEETING_PROP_NUMBER]);
}

gint64
rk_meeting_get_id (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), 0);
  return self->id;
}

gint64
rk_meeting_get_body_id (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), 0);
  return self->body_id;
}

int
rk_meeting_get_number (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), 0);
  return self->number;
}

const char *
rk_meeting_get_title (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->title;
}

const char *
rk_meeting_get_starts_at (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->starts_at;
}

const char *
rk_meeting_get_ends_at (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->ends_at;
}

const char *
rk_meeting_get_place (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->place;
}

gboolean
rk_meeting_get_online (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), FALSE);
  return self->online;
}

gint64
rk_meeting_get_task_id (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), 0);
  return self->task_id;
}

RkMeetingStatus
rk_meeting_get_status (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), RK_MEETING_PLANNED);
  return self->status;
}

const char *
rk_meeting_get_notes (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->notes;
}

void
rk_meeting_get_info (RkMeeting     *self,
                     RkMeetingInfo *info)
{
  g_return_if_fail (RK_IS_MEETING (self));
  g_return_if_fail (info != NULL);

  info->body_id = self->body_id;
  info->title = self->title;
  info->starts_at = self->starts_at;
  info->ends_at = self->ends_at;
  info->place = self->place;
  info->online = self->online;
  info->task_id = self->task_id;
  info->status = self->status;
  info->notes = self->notes;
}

char *
rk_meeting_dup_date (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);

  return g_strndup (self->starts_at, 10);
}

char *
rk_meeting_dup_number_label (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);

  /* TRANSLATORS: the number of a meeting of a body, 第%d回 in Japanese. */
  return g_strdup_printf (_("No. %d"), self->number);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkAgendaItem */

struct _RkAgendaItem
{
  GObject  parent_instance;

  gint64   id;
  gint64   meeting_id;
  int      position;
  char    *title;
  gint64   presenter_member_id;
  int      minutes_allotted;
  char    *discussion;
  char    *decisions;
  gint64   carried_action_id;
};

G_DEFINE_FINAL_TYPE (RkAgendaItem, rk_agenda_item, G_TYPE_OBJECT)

enum {
  AGENDA_PROP_0,
  AGENDA_PROP_ID,
  AGENDA_PROP_MEETING_ID,
  AGENDA_PROP_POSITION,
  AGENDA_PROP_TITLE,
  AGENDA_PROP_PRESENTER_MEMBER_ID,
  AGENDA_PROP_MINUTES_ALLOTTED,
  AGENDA_PROP_DISCUSSION,
  AGENDA_PROP_DECISIONS,
  AGENDA_PROP_CARRIED_ACTION_ID,
  AGENDA_N_PROPS
};

static GParamSpec *agenda_properties[AGENDA_N_PROPS];

static void
rk_agenda_item_finalize (GObject *object)
{
  RkAgendaItem *self = RK_AGENDA_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->discussion, g_free);
  g_clear_pointer (&self->decisions, g_free);

  G_OBJECT_CLASS (rk_agenda_item_parent_class)->finalize (object);
}

static void
rk_agenda_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RkAgendaItem *self = RK_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case AGENDA_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case AGENDA_PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case AGENDA_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case AGENDA_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case AGENDA_PROP_PRESENTER_MEMBER_ID:
      g_value_set_int64 (value, self->presenter_member_id);
      break;
    case AGENDA_PROP_MINUTES_ALLOTTED:
      g_value_set_int (value, self->minutes_allotted);
      break;
    case AGENDA_PROP_DISCUSSION:
      g_value_set_string (value, self->discussion);
      break;
    case AGENDA_PROP_DECISIONS:
      g_value_set_string (value, self->decisions);
      break;
    case AGENDA_PROP_CARRIED_ACTION_ID:
      g_value_set_int64 (value, self->carried_action_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_agenda_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RkAgendaItem *self = RK_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case AGENDA_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case AGENDA_PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_agenda_item_class_init (RkAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_agenda_item_finalize;
  object_class->get_property = rk_agenda_item_get_property;
  object_class->set_property = rk_agenda_item_set_property;

  agenda_properties[AGENDA_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  agenda_properties[AGENDA_PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  agenda_properties[AGENDA_PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, READ_FLAGS);
  agenda_properties[AGENDA_PROP_TITLE] = rk_model_string_property ("title");
  agenda_properties[AGENDA_PROP_PRESENTER_MEMBER_ID] = id_property ("presenter-member-id");
  agenda_properties[AGENDA_PROP_MINUTES_ALLOTTED] =
    g_param_spec_int ("minutes-allotted", NULL, NULL, -1, MAX_MINUTES_ALLOTTED, -1, READ_FLAGS);
  agenda_properties[AGENDA_PROP_DISCUSSION] = rk_model_string_property ("discussion");
  agenda_properties[AGENDA_PROP_DECISIONS] = rk_model_string_property ("decisions");
  agenda_properties[AGENDA_PROP_CARRIED_ACTION_ID] = id_property ("carried-action-id");

  g_object_class_install_properties (object_class, AGENDA_N_PROPS, agenda_properties);
}

static void
rk_agenda_item_init (RkAgendaItem *self)
{
  self->minutes_allotted = -1;
  self->title = g_strdup ("");
  self->discussion = g_strdup ("");
  self->decisions = g_strdup ("");
}

RkAgendaItem *
rk_agenda_item_new_for_store (gint64                  id,
                              gint64                  meeting_id,
                              int                     position,
                              gint64                  carried_action_id,
                              const RkAgendaItemInfo *info)
{
  RkAgendaItem *self = g_object_new (RK_TYPE_AGENDA_ITEM, "id", id, "meeting-id", meeting_id, NULL);

  rk_agenda_item_set_info (self, info);
  self->position = position;
  self->carried_action_id = MAX (carried_action_id, 0);
  return self;
}

void
rk_agenda_item_set_info (RkAgendaItem           *self,
                         const RkAgendaItemInfo *info)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_AGENDA_ITEM (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  rk_model_set_string (object, &self->title, info->title, agenda_properties[AGENDA_PROP_TITLE]);
  rk_model_set_int64 (object, &self->presenter_member_id, MAX (info->presenter_member_id, 0),
             agenda_properties[AGENDA_PROP_PRESENTER_MEMBER_ID]);
  rk_model_set_int (object, &self->minutes_allotted, CLAMP (info->minutes_allotted, -1, MAX_MINUTES_ALLOTTED),
           agenda_properties[AGENDA_PROP_MINUTES_ALLOTTED]);
  rk_agenda_item_set_text (self, info->discussion, info->decisions);
  g_object_thaw_notify (object);
}

void
rk_agenda_item_set_text (RkAgendaItem *self,
                         const char   *discussion,
                         const char   *decisions)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_AGENDA_ITEM (self));

  g_object_freeze_notify (object);
  rk_model_set_string (object, &self->discussion, discussion, agenda_properties[AGENDA_PROP_DISCUSSION]);
  rk_model_set_string (object, &self->decisions, decisions, agenda_properties[AGENDA_PROP_DECISIONS]);
  g_object_thaw_notify (object);
}

void
rk_agenda_item_set_position (RkAgendaItem *self,
                             int           position)
{
  g_return_if_fail (RK_IS_AGENDA_ITEM (self));

  rk_model_set_int (G_OBJECT (self), &self->position, position, agenda_properties[AGENDA_PROP_POSITION]);
}

gint64
rk_agenda_item_get_id (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), 0);
  return self->id;
}

gint64
rk_agenda_item_get_meeting_id (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), 0);
  return self->meeting_id;
}

int
rk_agenda_item_get_position (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), 0);
  return self->position;
}

const char *
rk_agenda_item_get_title (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), NULL);
  return self->title;
}

gint64
rk_agenda_item_get_presenter_member_id (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), 0);
  return self->presenter_member_id;
}

int
rk_agenda_item_get_minutes_allotted (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), -1);
  return self->minutes_allotted;
}

const char *
rk_agenda_item_get_discussion (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), NULL);
  return self->discussion;
}

const char *
rk_agenda_item_get_decisions (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), NULL);
  return self->decisions;
}

gint64
rk_agenda_item_get_carried_action_id (RkAgendaItem *self)
{
  g_return_val_if_fail (RK_IS_AGENDA_ITEM (self), 0);
  return self->carried_action_id;
}

void
rk_agenda_item_get_info (RkAgendaItem     *self,
                         RkAgendaItemInfo *info)
{
  g_return_if_fail (RK_IS_AGENDA_ITEM (self));
  g_return_if_fail (info != NULL);

  info->title = self->title;
  info->presenter_member_id = self->presenter_member_id;
  info->minutes_allotted = self->minutes_allotted;
  info->discussion = self->discussion;
  info->decisions = self->decisions;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkActionItem */

struct _RkActionItem
{
  GObject         parent_instance;

  gint64          id;
  gint64          meeting_id;
  gint64          agenda_item_id;
  char           *title;
  gint64          assignee_member_id;
  char           *assignee_text;
  char           *due_date;
  RkActionStatus  status;
  char           *done_on;
};

G_DEFINE_FINAL_TYPE (RkActionItem, rk_action_item, G_TYPE_OBJECT)

enum {
  ACTION_PROP_0,
  ACTION_PROP_ID,
  ACTION_PROP_MEETING_ID,
  ACTION_PROP_AGENDA_ITEM_ID,
  ACTION_PROP_TITLE,
  ACTION_PROP_ASSIGNEE_MEMBER_ID,
  ACTION_PROP_ASSIGNEE_TEXT,
  ACTION_PROP_DUE_DATE,
  ACTION_PROP_STATUS,
  ACTION_PROP_DONE_ON,
  ACTION_N_PROPS
};

static GParamSpec *action_properties[ACTION_N_PROPS];

static void
rk_action_item_finalize (GObject *object)
{
  RkActionItem *self = RK_ACTION_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->assignee_text, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->done_on, g_free);

  G_OBJECT_CLASS (rk_action_item_parent_class)->finalize (object);
}

static void
rk_action_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RkActionItem *self = RK_ACTION_ITEM (object);

  switch (prop_id)
    {
    case ACTION_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ACTION_PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case ACTION_PROP_AGENDA_ITEM_ID:
      g_value_set_int64 (value, self->agenda_item_id);
      break;
    case ACTION_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ACTION_PROP_ASSIGNEE_MEMBER_ID:
      g_value_set_int64 (value, self->assignee_member_id);
      break;
    case ACTION_PROP_ASSIGNEE_TEXT:
      g_value_set_string (value, self->assignee_text);
      break;
    case ACTION_PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;
    case ACTION_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case ACTION_PROP_DONE_ON:
      g_value_set_string (value, self->done_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_action_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RkActionItem *self = RK_ACTION_ITEM (object);

  switch (prop_id)
    {
    case ACTION_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case ACTION_PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_action_item_class_init (RkActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_action_item_finalize;
  object_class->get_property = rk_action_item_get_property;
  object_class->set_property = rk_action_item_set_property;

  action_properties[ACTION_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  action_properties[ACTION_PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  action_properties[ACTION_PROP_AGENDA_ITEM_ID] = id_property ("agenda-item-id");
  action_properties[ACTION_PROP_TITLE] = rk_model_string_property ("title");
  action_properties[ACTION_PROP_ASSIGNEE_MEMBER_ID] = id_property ("assignee-member-id");
  action_properties[ACTION_PROP_ASSIGNEE_TEXT] = rk_model_string_property ("assignee-text");
  action_properties[ACTION_PROP_DUE_DATE] = rk_model_string_property ("due-date");
  action_properties[ACTION_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RK_TYPE_ACTION_STATUS, RK_ACTION_OPEN, READ_FLAGS);
  action_properties[ACTION_PROP_DONE_ON] = rk_model_string_property ("done-on");

  g_object_class_install_properties (object_class, ACTION_N_PROPS, action_properties);
}

static void
rk_action_item_init (RkActionItem *self)
{
  self->status = RK_ACTION_OPEN;
  self->title = g_strdup ("");
  self->assignee_text = g_strdup ("");
  self->due_date = g_strdup ("");
  self->done_on = g_strdup ("");
}

RkActionItem *
rk_action_item_new_for_store (gint64                  id,
                              gint64                  meeting_id,
                              const char             *done_on,
                              const RkActionItemInfo *info)
{
  RkActionItem *self = g_object_new (RK_TYPE_ACTION_ITEM, "id", id, "meeting-id", meeting_id, NULL);

  rk_action_item_set_info (self, info, done_on);
  return self;
}

void
rk_action_item_set_info (RkActionItem           *self,
                         const RkActionItemInfo *info,
                         const char             *done_on)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_ACTION_ITEM (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  rk_model_set_int64 (object, &self->agenda_item_id, MAX (info->agenda_item_id, 0),
             action_properties[ACTION_PROP_AGENDA_ITEM_ID]);
  rk_model_set_string (object, &self->title, info->title, action_properties[ACTION_PROP_TITLE]);
  rk_model_set_int64 (object, &self->assignee_member_id, MAX (info->assignee_member_id, 0),
             action_properties[ACTION_PROP_ASSIGNEE_MEMBER_ID]);
  rk_model_set_string (object, &self->assignee_text, info->assignee_text, action_properties[ACTION_PROP_ASSIGNEE_TEXT]);
  rk_model_set_string (object, &self->due_date, info->due_date, action_properties[ACTION_PROP_DUE_DATE]);
  if (self->status != info->status)
    {
      self->status = info->status;
      g_object_notify_by_pspec (object, action_properties[ACTION_PROP_STATUS]);
    }
  rk_model_set_string (object, &self->done_on, done_on, action_properties[ACTION_PROP_DONE_ON]);
  g_object_thaw_notify (object);
}

gint64
rk_action_item_get_id (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), 0);
  return self->id;
}

gint64
rk_action_item_get_meeting_id (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), 0);
  return self->meeting_id;
}

gint64
rk_action_item_get_agenda_item_id (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), 0);
  return self->agenda_item_id;
}

const char *
rk_action_item_get_title (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), NULL);
  return self->title;
}

gint64
rk_action_item_get_assignee_member_id (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), 0);
  return self->assignee_member_id;
}

const char *
rk_action_item_get_assignee_text (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), NULL);
  return self->assignee_text;
}

const char *
rk_action_item_get_due_date (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), NULL);
  return self->due_date;
}

RkActionStatus
rk_action_item_get_status (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), RK_ACTION_OPEN);
  return self->status;
}

const char *
rk_action_item_get_done_on (RkActionItem *self)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), NULL);
  return self->done_on;
}

void
rk_action_item_get_info (RkActionItem     *self,
                         RkActionItemInfo *info)
{
  g_return_if_fail (RK_IS_ACTION_ITEM (self));
  g_return_if_fail (info != NULL);

  info->agenda_item_id = self->agenda_item_id;
  info->title = self->title;
  info->assignee_member_id = self->assignee_member_id;
  info->assignee_text = self->assignee_text;
  info->due_date = self->due_date;
  info->status = self->status;
}

gboolean
rk_action_item_is_overdue (RkActionItem *self,
                           GDate        *today)
{
  GDate now, due;

  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (self->status != RK_ACTION_OPEN || *self->due_date == '\0')
    return FALSE;
  if (today == NULL)
    {
      get_today (&now);
      today = &now;
    }
  g_date_clear (&due, 1);
  /* The store only holds validated dates; an item that somehow has none is not late. */
  if (!rk_era_parse_iso_date (self->due_date, &due))
    return FALSE;
  return g_date_compare (&due, today) < 0;
}

gboolean
rk_action_item_matches (RkActionItem   *self,
                        RkActionFilter  filter,
                        GDate          *today)
{
  g_return_val_if_fail (RK_IS_ACTION_ITEM (self), FALSE);

  switch (filter)
    {
    case RK_ACTION_FILTER_ALL:
      return TRUE;
    case RK_ACTION_FILTER_OPEN:
      return self->status == RK_ACTION_OPEN;
    case RK_ACTION_FILTER_OVERDUE:
      return rk_action_item_is_overdue (self, today);
    case RK_ACTION_FILTER_DONE:
      return self->status == RK_ACTION_DONE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkChallenge */

struct _RkChallenge
{
  GObject            parent_instance;

  gint64             id;
  char              *title;
  char              *description;
  RkChallengeSource  source;
  gint64             raised_meeting_id;
  RkChallengeStatus  status;
  char              *created_at;
  guint              n_notes;
};

G_DEFINE_FINAL_TYPE (RkChallenge, rk_challenge, G_TYPE_OBJECT)

enum {
  CHALLENGE_PROP_0,
  CHALLENGE_PROP_ID,
  CHALLENGE_PROP_TITLE,
  CHALLENGE_PROP_DESCRIPTION,
  CHALLENGE_PROP_SOURCE,
  CHALLENGE_PROP_RAISED_MEETING_ID,
  CHALLENGE_PROP_STATUS,
  CHALLENGE_PROP_CREATED_AT,
  CHALLENGE_PROP_N_NOTES,
  CHALLENGE_N_PROPS
};

static GParamSpec *challenge_properties[CHALLENGE_N_PROPS];

static void
rk_challenge_finalize (GObject *object)
{
  RkChallenge *self = RK_CHALLENGE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (rk_challenge_parent_class)->finalize (object);
}

static void
rk_challenge_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RkChallenge *self = RK_CHALLENGE (object);

  switch (prop_id)
    {
    case CHALLENGE_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case CHALLENGE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case CHALLENGE_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case CHALLENGE_PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case CHALLENGE_PROP_RAISED_MEETING_ID:
      g_value_set_int64 (value, self->raised_meeting_id);
      break;
    case CHALLENGE_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case CHALLENGE_PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case CHALLENGE_PROP_N_NOTES:
      g_value_set_uint (value, self->n_notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_challenge_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RkChallenge *self = RK_CHALLENGE (object);

  switch (prop_id)
    {
    case CHALLENGE_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case CHALLENGE_PROP_CREATED_AT:
      g_free (self->created_at);
      self->created_at = g_value_dup_string (value);
      if (self->created_at == NULL)
        self->created_at = g_strdup ("");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_challenge_class_init (RkChallengeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_challenge_finalize;
  object_class->get_property = rk_challenge_get_property;
  object_class->set_property = rk_challenge_set_property;

  challenge_properties[CHALLENGE_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
  challenge_properties[CHALLENGE_PROP_TITLE] = rk_model_string_property ("title");
  challenge_properties[CHALLENGE_PROP_DESCRIPTION] = rk_model_string_property ("description");
  challenge_properties[CHALLENGE_PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, RK_TYPE_CHALLENGE_SOURCE, RK_CHALLENGE_FROM_MEETING, READ_FLAGS);
  challenge_properties[CHALLENGE_PROP_RAISED_MEETING_ID] = id_property ("raised-meeting-id");
  challenge_properties[CHALLENGE_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RK_TYPE_CHALLENGE_STATUS, RK_CHALLENGE_OPEN, READ_FLAGS);
  challenge_properties[CHALLENGE_PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, "", CONSTRUCT_FLAGS);
  challenge_properties[CHALLENGE_PROP_N_NOTES] =
    g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0, READ_FLAGS);

  g_object_class_install_properties (object_class, CHALLENGE_N_PROPS, challenge_properties);
}

static void
rk_challenge_init (RkChallenge *self)
{
  self->source = RK_CHALLENGE_FROM_MEETING;
  self->status = RK_CHALLENGE_OPEN;
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->created_at = g_strdup ("");
}

RkChallenge *
rk_challenge_new_for_store (gint64                 id,
                            const char            *created_at,
                            guint                  n_notes,
                            const RkChallengeInfo *info)
{
  RkChallenge *self = g_object_new (RK_TYPE_CHALLENGE, "id", id, "created-at", created_at, NULL);

  rk_challenge_set_info (self, info);
  self->n_notes = n_notes;
  return self;
}

void
rk_challenge_set_info (RkChallenge           *self,
                       const RkChallengeInfo *info)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_CHALLENGE (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  rk_model_set_string (object, &self->title, info->title, challenge_properties[CHALLENGE_PROP_TITLE]);
  rk_model_set_string (object, &self->description, info->description, challenge_properties[CHALLENGE_PROP_DESCRIPTION]);
  if (self->source != info->source)
    {
      self->source = info->source;
      g_object_notify_by_pspec (object, challenge_properties[CHALLENGE_PROP_SOURCE]);
    }
  rk_model_set_int64 (object, &self->raised_meeting_id, MAX (info->raised_meeting_id, 0),
             challenge_properties[CHALLENGE_PROP_RAISED_MEETING_ID]);
  if (self->status != info->status)
    {
      self->status = info->status;
      g_object_notify_by_pspec (object, challenge_properties[CHALLENGE_PROP_STATUS]);
    }
  g_object_thaw_notify (object);
}

void
rk_challenge_set_n_notes (RkChallenge *self,
                          guint        n_notes)
{
  g_return_if_fail (RK_IS_CHALLENGE (self));

  if (self->n_notes == n_notes)
    return;
  self->n_notes = n_notes;
  g_object_notify_by_pspec (G_OBJECT (self), challenge_properties[CHALLENGE_PROP_N_NOTES]);
}

gint64
rk_challenge_get_id (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), 0);
  return self->id;
}

const char *
rk_challenge_get_title (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), NULL);
  return self->title;
}

const char *
rk_challenge_get_description (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), NULL);
  return self->description;
}

RkChallengeSource
rk_challenge_get_source (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), RK_CHALLENGE_FROM_MEETING);
  return self->source;
}

gint64
rk_challenge_get_raised_meeting_id (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), 0);
  return self->raised_meeting_id;
}

RkChallengeStatus
rk_challenge_get_status (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), RK_CHALLENGE_OPEN);
  return self->status;
}

const char *
rk_challenge_get_created_at (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), NULL);
  return self->created_at;
}

guint
rk_challenge_get_n_notes (RkChallenge *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGE (self), 0);
  return self->n_notes;
}

void
rk_challenge_get_info (RkChallenge     *self,
                       RkChallengeInfo *info)
{
  g_return_if_fail (RK_IS_CHALLENGE (self));
  g_return_if_fail (info != NULL);

  info->title = self->title;
  info->description = self->description;
  info->source = self->source;
  info->raised_meeting_id = self->raised_meeting_id;
  info->status = self->status;
}

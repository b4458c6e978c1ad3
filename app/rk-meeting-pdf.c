/* rk-meeting-pdf.c — the 開催通知 (with its 出欠回答票) and the 議事録 of a meeting. */

#include "rk-meeting-pdf.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rk-body.h"
#include "rk-council.h"
#include "rk-era.h"
#include "rk-member.h"
#include "rk-store-meetings.h"
#include "rk-store-members.h"
#include "rk-store-private.h"

/* ---- The plain data ---------------------------------------------------------------------------------------- */

static void
item_free (gpointer data)
{
  RkMeetingDocItem *item = data;

  g_free (item->title);
  g_free (item->presenter);
  g_free (item->discussion);
  g_free (item->decisions);
  g_free (item);
}

static void
attendee_free (gpointer data)
{
  RkMeetingDocAttendee *attendee = data;

  g_free (attendee->name);
  g_free (attendee->affiliation);
  g_free (attendee->proxy_name);
  g_free (attendee);
}

static void
action_free (gpointer data)
{
  RkMeetingDocAction *action = data;

  g_free (action->title);
  g_free (action->assignee);
  g_free (action);
}

RkMeetingDoc *
rk_meeting_doc_new (const char *council_name,
                    const char *body_name,
                    guint       number,
                    GDateTime  *start,
                    GDateTime  *end)
{
  RkMeetingDoc *doc;

  g_return_val_if_fail (start != NULL, NULL);

  doc = g_new0 (RkMeetingDoc, 1);
  doc->council_name = g_strdup (council_name != NULL ? council_name : "");
  doc->body_name = g_strdup (body_name != NULL ? body_name : "");
  doc->number = number;
  doc->start = g_date_time_ref (start);
  doc->end = end != NULL ? g_date_time_ref (end) : NULL;
  doc->reply_slip = TRUE;
  g_date_clear (&doc->issued, 1);
  g_date_clear (&doc->reply_by, 1);
  doc->addressee_names = g_ptr_array_new_with_free_func (g_free);
  doc->handouts = g_ptr_array_new_with_free_func (g_free);
  doc->items = g_ptr_array_new_with_free_func (item_free);
  doc->attendees = g_ptr_array_new_with_free_func (attendee_free);
  doc->actions = g_ptr_array_new_with_free_func (action_free);
  return doc;
}

void
rk_meeting_doc_free (RkMeetingDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->council_name);
  g_free (doc->body_name);
  g_free (doc->title);
  g_clear_pointer (&doc->start, g_date_time_unref);
  g_clear_pointer (&doc->end, g_date_time_unref);
  g_free (doc->place);
  g_free (doc->document_number);
  g_free (doc->addressee);
  g_free (doc->chair_title);
  g_free (doc->chair_name);
  g_free (doc->secretariat);
  g_free (doc->reply_to);
  g_free (doc->notes);
  g_free (doc->recorder);
  g_ptr_array_unref (doc->addressee_names);
  g_ptr_array_unref (doc->handouts);
  g_ptr_array_unref (doc->items);
  g_ptr_array_unref (doc->attendees);
  g_ptr_array_unref (doc->actions);
  g_free (doc);
}

void
rk_meeting_doc_add_item (RkMeetingDoc           *doc,
                         const RkMeetingDocItem *item)
{
  RkMeetingDocItem *copy;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (item != NULL);

  copy = g_new0 (RkMeetingDocItem, 1);
  copy->title = g_strdup (item->title);
  copy->presenter = g_strdup (item->presenter);
  copy->minutes_allotted = item->minutes_allotted;
  copy->discussion = g_strdup (item->discussion);
  copy->decisions = g_strdup (item->decisions);
  g_ptr_array_add (doc->items, copy);
}

void
rk_meeting_doc_add_attendee (RkMeetingDoc               *doc,
                             const RkMeetingDocAttendee *attendee)
{
  RkMeetingDocAttendee *copy;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (attendee != NULL);

  copy = g_new0 (RkMeetingDocAttendee, 1);
  copy->name = g_strdup (attendee->name);
  copy->affiliation = g_strdup (attendee->affiliation);
  copy->presence = attendee->presence;
  copy->proxy_name = g_strdup (attendee->proxy_name);
  g_ptr_array_add (doc->attendees, copy);
}

void
rk_meeting_doc_add_action (RkMeetingDoc             *doc,
                           const RkMeetingDocAction *action)
{
  RkMeetingDocAction *copy;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (action != NULL);

  copy = g_new0 (RkMeetingDocAction, 1);
  copy->title = g_strdup (action->title);
  copy->assignee = g_strdup (action->assignee);
  copy->due = action->due;
  copy->state = action->state;
  copy->item_index = action->item_index;
  g_ptr_array_add (doc->actions, copy);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* ---- From the store ---------------------------------------------------------------------------------------- */

/* "2025-06-10T14:00" (local time of the council, i.e. Japan) as a GDateTime; NULL for "" or nonsense. */
static GDateTime *
parse_local (const char *text)
{
  g_autoptr(GTimeZone) tz = NULL;
  GDate date;
  int minutes;

  if (text == NULL || *text == '\0' || !rk_meeting_parse_date_time (text, &date, &minutes))
    return NULL;
  tz = g_time_zone_new_offset (9 * 3600);
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                          minutes / 60, minutes % 60, 0);
}

static gboolean
member_sits_on (RkMember *member,
                gint64    body_id)
{
  const GArray *ids = rk_member_get_body_ids (member);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == body_id)
      return TRUE;
  return FALSE;
}

/* The member with @role whose term covers the ISO date @day, preferring one seated on @body_id. */
static RkMember *
find_role (GListModel *members,
           RkRole      role,
           gint64      body_id,
           const char *day)
{
  RkMember *fallback = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (members); i < n; i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);
      const char *start = rk_member_get_term_start (member);
      const char *end = rk_member_get_term_end (member);

      /* ISO dates compare as strings. */
      if (rk_member_get_role (member) != role || (is_set (start) && g_strcmp0 (start, day) > 0) ||
          (is_set (end) && g_strcmp0 (end, day) < 0))
        continue;
      if (member_sits_on (member, body_id))
        return member; /* the store's list holds it */
      if (fallback == NULL)
        fallback = member;
    }
  return fallback;
}

static RkMember *
find_member (GListModel *members,
             gint64      id)
{
  if (id <= 0)
    return NULL;
  for (guint i = 0, n = g_list_model_get_n_items (members); i < n; i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);

      if (rk_member_get_id (member) == id)
        return member;
    }
  return NULL;
}

/* "みなと市医師会 理事 鈴木 一郎": organisation, title, name, whichever are set. */
static char *
member_label (RkMember *member)
{
  const char *parts[] = { rk_member_get_organisation (member), rk_member_get_title (member),
                          rk_member_get_name (member) };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", parts[i]);
  return g_string_free (out, FALSE);
}

RkMeetingDoc *
rk_meeting_doc_new_from_store (RkStore    *store,
                               RkMeeting  *meeting,
                               GError    **error)
{
  g_autoptr(RkMeetingDoc) doc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GArray) item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *day = NULL;
  GListModel *bodies, *members, *agenda;
  RkMember *chair, *secretariat;
  const char *body_name = "";
  gint64 body_id;
  GDate today, reply_by;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (RK_IS_MEETING (meeting), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  body_id = rk_meeting_get_body_id (meeting);
  bodies = rk_store_get_bodies (store);
  for (guint i = 0, n = g_list_model_get_n_items (bodies); i < n; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      if (rk_body_get_id (body) == body_id)
        body_name = rk_body_get_name (body); /* the store's list holds it */
    }

  start = parse_local (rk_meeting_get_starts_at (meeting));
  if (start == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("The meeting has no valid start time."));
      return NULL;
    }
  end = parse_local (rk_meeting_get_ends_at (meeting));
  doc = rk_meeting_doc_new (rk_council_get_name (rk_store_get_council (store)), body_name,
                            (guint) MAX (rk_meeting_get_number (meeting), 0), start, end);
  doc->title = g_strdup (rk_meeting_get_title (meeting));
  doc->place = g_strdup (rk_meeting_get_place (meeting));
  doc->online = rk_meeting_get_online (meeting);
  doc->cancelled = rk_meeting_get_status (meeting) == RK_MEETING_CANCELLED;

  rk_store_get_today (&today);
  doc->issued = today;
  g_date_clear (&reply_by, 1);
  g_date_set_dmy (&reply_by, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                  g_date_time_get_year (start));
  g_date_subtract_days (&reply_by, 7);
  if (g_date_compare (&reply_by, &today) >= 0)
    doc->reply_by = reply_by;

  members = rk_store_get_members (store);
  day = g_date_time_format (start, "%Y-%m-%d");
  chair = find_role (members, RK_ROLE_CHAIR, body_id, day);
  if (chair != NULL)
    {
      doc->chair_title = g_strdup ("会長");
      doc->chair_name = g_strdup (rk_member_get_name (chair));
    }
  secretariat = find_role (members, RK_ROLE_SECRETARIAT, body_id, day);
  if (secretariat != NULL)
    {
      g_autoptr(GString) contact = g_string_new ("事務局：");
      const char *phone = rk_member_get_phone (secretariat);
      const char *email = rk_member_get_email (secretariat);

      if (is_set (rk_member_get_organisation (secretariat)))
        g_string_append (contact, rk_member_get_organisation (secretariat));
      if (is_set (rk_member_get_name (secretariat)))
        g_string_append_printf (contact, "\n担当：%s", rk_member_get_name (secretariat));
      if (is_set (phone))
        g_string_append_printf (contact, "\n電話 %s", phone);
      if (is_set (email))
        g_string_append_printf (contact, "\nメール %s", email);
      doc->secretariat = g_strdup (contact->str);
      if (is_set (phone))
        doc->reply_to = g_strdup_printf ("電話 %s", phone);
      if (is_set (email))
        {
          g_free (doc->reply_to);
          doc->reply_to = g_strdup_printf ("メール %s", email);
        }
    }

  agenda = rk_store_get_agenda (store, meeting);
  for (guint i = 0, n = g_list_model_get_n_items (agenda); i < n; i++)
    {
      g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, i);
      RkMember *presenter = find_member (members, rk_agenda_item_get_presenter_member_id (item));
      g_autofree char *presenter_text = presenter != NULL ? member_label (presenter) : NULL;
      gint64 id = rk_agenda_item_get_id (item);
      RkMeetingDocItem data = { 0 };

      data.title = (char *) rk_agenda_item_get_title (item);
      data.presenter = presenter_text;
      data.minutes_allotted = MAX (rk_agenda_item_get_minutes_allotted (item), 0);
      data.discussion = (char *) rk_agenda_item_get_discussion (item);
      data.decisions = (char *) rk_agenda_item_get_decisions (item);
      rk_meeting_doc_add_item (doc, &data);
      g_array_append_val (item_ids, id);
    }

  attendees = rk_store_list_attendance (store, meeting, error);
  if (attendees == NULL)
    return NULL;
  doc->body_size = attendees->len;
  for (guint i = 0; i < attendees->len; i++)
    {
      RkAttendee *a = g_ptr_array_index (attendees, i);
      RkMeetingDocAttendee data = { 0 };

      /* Not yet marked: counted in the body's size, listed nowhere. */
      if (a->status == RK_ATTENDANCE_UNRECORDED)
        continue;
      data.name = a->name;
      data.affiliation = a->organisation;
      data.presence = (RkMeetingDocPresence) a->status;
      data.proxy_name = a->proxy_name;
      rk_meeting_doc_add_attendee (doc, &data);
    }

  actions = rk_store_list_action_items (store, RK_ACTION_FILTER_ALL, meeting);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      RkActionItem *action = g_ptr_array_index (actions, i);
      RkMember *assignee = find_member (members, rk_action_item_get_assignee_member_id (action));
      g_autofree char *assignee_text = assignee != NULL ? member_label (assignee)
                                                        : g_strdup (rk_action_item_get_assignee_text (action));
      RkMeetingDocAction data = { 0 };

      data.title = (char *) rk_action_item_get_title (action);
      data.assignee = assignee_text;
      g_date_clear (&data.due, 1);
      if (is_set (rk_action_item_get_due_date (action)) &&
          !rk_era_parse_iso_date (rk_action_item_get_due_date (action), &data.due))
        g_date_clear (&data.due, 1);
      switch (rk_action_item_get_status (action))
        {
        case RK_ACTION_DONE:
          data.state = RK_MEETING_DOC_ACTION_DONE;
          break;
        case RK_ACTION_DROPPED:
          data.state = RK_MEETING_DOC_ACTION_WITHDRAWN;
          break;
        case RK_ACTION_OPEN:
        default:
          data.state = RK_MEETING_DOC_ACTION_OPEN;
        }
      data.item_index = -1;
      for (guint k = 0; k < item_ids->len; k++)
        if (g_array_index (item_ids, gint64, k) == rk_action_item_get_agenda_item_id (action))
          data.item_index = (int) k;
      rk_meeting_doc_add_action (doc, &data);
    }
  return g_steal_pointer (&doc);
}

/* ---- Wording ----------------------------------------------------------------------------------------------- */

char *
rk_meeting_format_date (const GDate *date)
{
  static const char *const weekdays[] = { "", "月", "火", "水", "木", "金", "土", "日" };
  GDate copy;
  g_autofree char *era = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  copy = *date;
  era = rk_era_format_date (&copy);
  return g_strdup_printf ("%s(%s)", era, weekdays[g_date_get_weekday (&copy)]);
}

static GDateTime *
japan_time (GDateTime *time)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_to_timezone (time, tz);
}

static char *
format_day (GDateTime *time)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  return rk_meeting_format_date (&date);
}

char *
rk_meeting_format_when (GDateTime *start,
                        GDateTime *end)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from_time = NULL;

  g_return_val_if_fail (start != NULL, NULL);

  from = japan_time (start);
  day = format_day (from);
  from_time = g_date_time_format (from, "%H:%M");
  if (end == NULL)
    return g_strdup_printf ("%s %s〜", day, from_time);

  to = japan_time (end);
  {
    g_autofree char *to_time = g_date_time_format (to, "%H:%M");

    if (g_date_time_get_year (to) == g_date_time_get_year (from) &&
        g_date_time_get_day_of_year (to) == g_date_time_get_day_of_year (from))
      return g_strdup_printf ("%s %s〜%s", day, from_time, to_time);
    else
      {
        g_autofree char *to_day = format_day (to);

        return g_strdup_printf ("%s %s〜%s %s", day, from_time, to_day, to_time);
      }
  }
}

char *
rk_meeting_doc_get_name (const RkMeetingDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  if (doc->number == 0)
    return g_strdup (doc->body_name);
  return g_strdup_printf ("第%u回 %s", doc->number, doc->body_name);
}

void
rk_meeting_doc_count_present (const RkMeetingDoc *doc,
                              guint              *present,
                              guint              *total)
{
  guint n = 0;

  g_return_if_fail (doc != NULL);

  for (guint i = 0; i < doc->attendees->len; i++)
    {
      RkMeetingDocAttendee *a = g_ptr_array_index (doc->attendees, i);

      n += a->presence != RK_MEETING_DOC_ABSENT;
    }
  if (present != NULL)
    *present = n;
  if (total != NULL)
    *total = doc->body_size > 0 ? doc->body_size : doc->attendees->len;
}

char *
rk_meeting_notice_get_title (const RkMeetingDoc *doc)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  name = rk_meeting_doc_get_name (doc);
  if (doc->cancelled)
    return g_strdup_printf ("%sの中止について（通知）", name);
  return g_strdup_printf ("%sの開催について（通知）", name);
}

char *
rk_meeting_minutes_get_title (const RkMeetingDoc *doc)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  name = rk_meeting_doc_get_name (doc);
  return g_strdup_printf ("%s 議事録", name);
}

static char *
place_text (const RkMeetingDoc *doc)
{
  if (is_set (doc->place) && doc->online)
    return g_strdup_printf ("%s（オンライン併用）", doc->place);
  if (is_set (doc->place))
    return g_strdup (doc->place);
  if (doc->online)
    return g_strdup ("オンライン（Web会議）");
  return g_strdup ("未定");
}

/* ---- Typesetting helpers ----------------------------------------------------------------------------------- */

#define TITLE_SIZE    14.0
#define HEADING_SIZE  12.0
#define SMALL_SIZE    9.0
#define BODY          RK_PDF_BODY_SIZE
#define EM            RK_PDF_BODY_SIZE
#define PAD_X         5.0
#define PAD_Y         4.0
#define RULE          0.5
#define LABEL_GRAY    0.90

typedef struct {
  RkPdfDocument *doc;
  RkPdfFlow      flow;
  double         width;
} Ctx;

static void
ctx_init (Ctx              *ctx,
          RkPdfPageNumbers  numbers)
{
  ctx->doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  rk_pdf_document_set_page_numbers (ctx->doc, numbers, 0);
  rk_pdf_flow_init (&ctx->flow, ctx->doc);
  rk_pdf_document_get_content_size (ctx->doc, 0, &ctx->width, NULL);
}

/* Marks every occurrence of @run in @layout's text as unbreakable: a date with its weekday and time reads whole. */
static void
keep_run (PangoLayout *layout,
          const char  *run)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs;
  gsize length;

  if (!is_set (run) || strstr (text, run) == NULL)
    return;
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  length = strlen (run);
  for (const char *p = strstr (text, run); p != NULL; p = strstr (p + length, run))
    {
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      attr->start_index = p - text;
      attr->end_index = p - text + length;
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static PangoLayout *
text_layout (Ctx            *ctx,
             RkPdfFace       face,
             double          size,
             gboolean        bold,
             double          width,
             PangoAlignment  alignment,
             const char     *text)
{
  PangoLayout *layout = rk_pdf_document_new_layout (ctx->doc, face, size, bold, width, text);

  if (width > 0)
    pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* A paragraph of running text: 両端揃え with a one-character indent, flowing over pages. */
static PangoLayout *
paragraph_layout (Ctx        *ctx,
                  double      width,
                  const char *text)
{
  PangoLayout *layout = rk_pdf_document_new_layout (ctx->doc, RK_PDF_FACE_MINCHO, BODY, FALSE, width, text);

  pango_layout_set_justify (layout, TRUE);
  /* Text that opens with its own mark (○ 委員 …, ・, 「, （) hangs instead. */
  if (g_str_has_prefix (text, "○") || g_str_has_prefix (text, "・") || g_str_has_prefix (text, "（") ||
      g_str_has_prefix (text, "「") || g_str_has_prefix (text, "【") || g_str_has_prefix (text, "※"))
    pango_layout_set_indent (layout, (int) (-EM * PANGO_SCALE));
  else
    pango_layout_set_indent (layout, (int) (EM * PANGO_SCALE));
  return layout;
}

static void
flow_block (Ctx         *ctx,
            double       x,
            PangoLayout *layout)
{
  rk_pdf_flow_add_block (&ctx->flow, x, layout);
  g_object_unref (layout);
}

/* A hanging-indent line: the first line at @x, the rest under its text, after @hang. */
static PangoLayout *
hanging_layout (Ctx        *ctx,
                RkPdfFace   face,
                double      size,
                double      width,
                double      hang,
                const char *text)
{
  PangoLayout *layout = rk_pdf_document_new_layout (ctx->doc, face, size, FALSE, width, text);

  pango_layout_set_indent (layout, (int) (-hang * PANGO_SCALE));
  return layout;
}

/* A heading of the minutes with a bar in the margin, as the roster's. */
static double
place_section_heading (Ctx        *ctx,
                       const char *text,
                       const char *dest,
                       int         outline_parent,
                       int        *outline_id)
{
  g_autoptr(PangoLayout) heading = text_layout (ctx, RK_PDF_FACE_GOTHIC, HEADING_SIZE, TRUE, ctx->width - 8,
                                                PANGO_ALIGN_LEFT, text);
  double height = rk_pdf_layout_get_height (heading);

  if (dest != NULL)
    {
      int id;

      rk_pdf_document_add_dest (ctx->doc, ctx->flow.page, dest, 0, ctx->flow.y);
      id = rk_pdf_document_add_outline (ctx->doc, outline_parent, text, dest, TRUE);
      if (outline_id != NULL)
        *outline_id = id;
    }
  rk_pdf_document_add_fill (ctx->doc, ctx->flow.page, 0, ctx->flow.y + 2, 3.5, height - 4, 0.25);
  rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, 8, ctx->flow.y, heading);
  ctx->flow.y += height + 6;
  return height + 6;
}

/* ---- Tables ------------------------------------------------------------------------------------------------ */

#define MAX_COLUMNS 6

typedef struct {
  guint   n;
  double  x[MAX_COLUMNS + 1];   /* left edges and the right edge */
  double  gray[MAX_COLUMNS];    /* a cell's background, 1: none */
  gboolean center[MAX_COLUMNS]; /* centred horizontally (unwrapped cells) */
} Columns;

static double
columns_inner (const Columns *cols,
               guint          c)
{
  return cols->x[c + 1] - cols->x[c] - 2 * PAD_X;
}

static double
row_height (const Columns *cols,
            PangoLayout  **cells,
            double         min_height)
{
  double height = min_height;

  for (guint c = 0; c < cols->n; c++)
    if (cells[c] != NULL)
      height = MAX (height, rk_pdf_layout_get_height (cells[c]) + 2 * PAD_Y);
  return height;
}

/* A row whole: backgrounds, the cells (centred vertically), the rules around every cell. */
static void
place_row (Ctx           *ctx,
           const Columns *cols,
           PangoLayout  **cells,
           double         height,
           const double  *gray)
{
  double top = ctx->flow.y;

  for (guint c = 0; c < cols->n; c++)
    {
      double g = gray != NULL ? gray[c] : cols->gray[c];

      if (g < 1.0)
        rk_pdf_document_add_fill (ctx->doc, ctx->flow.page, cols->x[c], top, cols->x[c + 1] - cols->x[c], height, g);
    }
  for (guint c = 0; c < cols->n; c++)
    {
      double x, y;

      if (cells[c] == NULL)
        continue;
      x = cols->x[c] + PAD_X;
      if (cols->center[c])
        x = cols->x[c] + (cols->x[c + 1] - cols->x[c] - rk_pdf_layout_get_width (cells[c])) / 2;
      y = top + (height - rk_pdf_layout_get_height (cells[c])) / 2;
      rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, x, y, cells[c]);
    }
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, cols->x[0], top, cols->x[cols->n], top, RULE, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, cols->x[0], top + height, cols->x[cols->n], top + height,
                            RULE, 0);
  for (guint c = 0; c <= cols->n; c++)
    rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, cols->x[c], top, cols->x[c], top + height, RULE, 0);
  ctx->flow.y += height;
}

/* A two-column form row: a shaded label on the left, a value on the right; moves whole to the next page. */
static void
place_form_row (Ctx           *ctx,
                const Columns *cols,
                const char    *label,
                PangoLayout   *value,
                double         min_height)
{
  g_autoptr(PangoLayout) label_layout = text_layout (ctx, RK_PDF_FACE_GOTHIC, BODY, FALSE, columns_inner (cols, 0),
                                                     PANGO_ALIGN_CENTER, label);
  PangoLayout *cells[2] = { label_layout, value };
  double height = row_height (cols, cells, min_height);

  rk_pdf_flow_ensure (&ctx->flow, height);
  place_row (ctx, cols, cells, height, NULL);
}

static void
form_columns (Columns *cols,
              double   width,
              double   label_width)
{
  memset (cols, 0, sizeof *cols);
  cols->n = 2;
  cols->x[0] = 0;
  cols->x[1] = label_width;
  cols->x[2] = width;
  cols->gray[0] = LABEL_GRAY;
  cols->gray[1] = 1.0;
}

/* ---- The notice -------------------------------------------------------------------------------------------- */

#define NUMBER_X  0.0
#define LABEL_X   (1.5 * EM)
#define VALUE_X   (7.0 * EM)

/* One numbered item under 記: "1　日　時　value". The value may have several lines (the agenda). */
static void
place_notice_item (Ctx        *ctx,
                   guint       number,
                   const char *label,
                   GPtrArray  *values,
                   gboolean    numbered_values)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) number_layout = text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, -1, PANGO_ALIGN_LEFT,
                                                      number_text);
  g_autoptr(PangoLayout) label_layout = text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, -1, PANGO_ALIGN_LEFT,
                                                     label);
  /* Numbered values hang: "(1)" in its own column, the text wrapped under itself. */
  double text_x = VALUE_X + (numbered_values ? 2.2 * EM : 0);
  double value_width = ctx->width - text_x;
  double first_height;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < values->len; i++)
    {
      PangoLayout *layout = rk_pdf_document_new_layout (ctx->doc, RK_PDF_FACE_MINCHO, BODY, FALSE, value_width,
                                                        g_ptr_array_index (values, i));

      pango_layout_set_justify (layout, TRUE);
      g_ptr_array_add (layouts, layout);
    }

  first_height = layouts->len > 0 ? rk_pdf_layout_get_height (g_ptr_array_index (layouts, 0)) : 0;
  first_height = MIN (first_height, BODY * 1.6);
  rk_pdf_flow_ensure (&ctx->flow, MAX (first_height, rk_pdf_layout_get_height (label_layout)));
  rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, NUMBER_X, ctx->flow.y, number_layout);
  rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, LABEL_X, ctx->flow.y, label_layout);
  for (guint i = 0; i < layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      if (numbered_values)
        {
          g_autofree char *mark = g_strdup_printf ("(%u)", i + 1);
          g_autoptr(PangoLayout) mark_layout = text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, -1,
                                                            PANGO_ALIGN_LEFT, mark);

          /* The mark goes where the first line lands, on this page or the next. */
          rk_pdf_flow_ensure (&ctx->flow, MIN (rk_pdf_layout_get_height (layout), BODY * 1.6));
          rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, VALUE_X, ctx->flow.y, mark_layout);
        }
      rk_pdf_flow_add_paragraph (&ctx->flow, text_x, layout);
      if (i + 1 < layouts->len)
        rk_pdf_flow_skip (&ctx->flow, 2);
    }
  if (layouts->len == 0)
    ctx->flow.y += rk_pdf_layout_get_height (label_layout);
  rk_pdf_flow_skip (&ctx->flow, 10);
}

static void
draw_cut_line (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  double dashes[] = { 4.0, 3.0 };

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, 0, height / 2);
  cairo_line_to (cr, width, height / 2);
  cairo_stroke (cr);
}

/* The reply slip's parts, laid out before it is placed so it can go under the notice only when it fits whole. */
typedef struct {
  PangoLayout *to;
  PangoLayout *title;
  PangoLayout *subtitle;
  PangoLayout *deadline;
  PangoLayout *instruction;
  PangoLayout *choices;
  Columns      cols;
  double       height;
} Slip;

#define SLIP_NAME_HEIGHT    26.0
#define SLIP_CHOICE_HEIGHT  52.0
#define SLIP_NOTE_HEIGHT    28.0
#define SLIP_ROWS_HEIGHT    (2 * SLIP_NAME_HEIGHT + SLIP_CHOICE_HEIGHT + SLIP_NOTE_HEIGHT)

static void
slip_clear (Slip *slip)
{
  g_clear_object (&slip->to);
  g_clear_object (&slip->title);
  g_clear_object (&slip->subtitle);
  g_clear_object (&slip->deadline);
  g_clear_object (&slip->instruction);
  g_clear_object (&slip->choices);
}

static void
slip_prepare (Ctx                *ctx,
              Slip               *slip,
              const RkMeetingDoc *doc)
{
  g_autofree char *name = rk_meeting_doc_get_name (doc);
  g_autofree char *when = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subtitle = NULL;
  double width = ctx->width;

  {
    g_autoptr(GDateTime) local = japan_time (doc->start);

    when = format_day (local);
  }
  if (is_set (doc->reply_to))
    to = g_strdup_printf ("事務局 行（%s）", doc->reply_to);
  else
    to = g_strdup ("事務局 行");
  slip->to = text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, width, PANGO_ALIGN_LEFT, to);
  slip->title = text_layout (ctx, RK_PDF_FACE_GOTHIC, TITLE_SIZE, TRUE, width, PANGO_ALIGN_CENTER, "出欠回答票");
  subtitle = g_strdup_printf ("%s（%s開催）", name, when);
  slip->subtitle = text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, width, PANGO_ALIGN_CENTER, subtitle);
  keep_run (slip->subtitle, when);
  if (g_date_valid (&doc->reply_by))
    {
      g_autofree char *by = rk_meeting_format_date (&doc->reply_by);
      g_autofree char *deadline = g_strdup_printf ("回答期限　%sまで", by);

      slip->deadline = text_layout (ctx, RK_PDF_FACE_GOTHIC, BODY, TRUE, width, PANGO_ALIGN_RIGHT, deadline);
      keep_run (slip->deadline, by);
    }
  slip->instruction = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, width, PANGO_ALIGN_LEFT,
                                   "※ 該当する□に✓印を付けてください。代理出席の場合は、代理出席者の氏名をご記入ください。");

  form_columns (&slip->cols, width, 6.0 * EM);
  slip->choices = text_layout (ctx, RK_PDF_FACE_MINCHO, BODY + 0.5, FALSE, columns_inner (&slip->cols, 1),
                               PANGO_ALIGN_LEFT,
                               "□ ご出席　　　□ ご欠席\n"
                               "□ 代理出席（代理出席者名：　　　　　　　　　　　　）");
  pango_layout_set_spacing (slip->choices, (int) (6 * PANGO_SCALE));

  slip->height = rk_pdf_layout_get_height (slip->to) + 10 + rk_pdf_layout_get_height (slip->title) + 4 +
                 rk_pdf_layout_get_height (slip->subtitle) + 10 +
                 (slip->deadline != NULL ? rk_pdf_layout_get_height (slip->deadline) + 4 : 0) +
                 MAX (SLIP_ROWS_HEIGHT, SLIP_ROWS_HEIGHT - SLIP_CHOICE_HEIGHT +
                      rk_pdf_layout_get_height (slip->choices) + 2 * PAD_Y) +
                 6 + rk_pdf_layout_get_height (slip->instruction);
}

static void
slip_place (Ctx  *ctx,
            Slip *slip)
{
  rk_pdf_document_add_dest (ctx->doc, ctx->flow.page, "reply-slip", 0, ctx->flow.y);
  rk_pdf_document_add_outline (ctx->doc, 0, "出欠回答票", "reply-slip", FALSE);

  rk_pdf_flow_add_block (&ctx->flow, 0, slip->to);
  rk_pdf_flow_skip (&ctx->flow, 10);
  rk_pdf_flow_add_block (&ctx->flow, 0, slip->title);
  rk_pdf_flow_skip (&ctx->flow, 4);
  rk_pdf_flow_add_block (&ctx->flow, 0, slip->subtitle);
  rk_pdf_flow_skip (&ctx->flow, 10);
  if (slip->deadline != NULL)
    {
      rk_pdf_flow_add_block (&ctx->flow, 0, slip->deadline);
      rk_pdf_flow_skip (&ctx->flow, 4);
    }
  place_form_row (ctx, &slip->cols, "氏　名", NULL, SLIP_NAME_HEIGHT);
  place_form_row (ctx, &slip->cols, "所　属", NULL, SLIP_NAME_HEIGHT);
  place_form_row (ctx, &slip->cols, "出　欠", slip->choices, SLIP_CHOICE_HEIGHT);
  place_form_row (ctx, &slip->cols, "備　考", NULL, SLIP_NOTE_HEIGHT);
  rk_pdf_flow_skip (&ctx->flow, 6);
  rk_pdf_flow_add_block (&ctx->flow, 0, slip->instruction);
}

/* The 事務局 contact, boxed at the right under 以上. */
static void
place_contact (Ctx                *ctx,
               const RkMeetingDoc *doc)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double box_width = MIN (ctx->width * 0.6, 280.0);
  double height, x = ctx->width - box_width;

  if (!is_set (doc->secretariat))
    return;
  text = g_strdup_printf ("【問合せ先】\n%s", doc->secretariat);
  layout = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE + 0.5, FALSE, box_width - 2 * PAD_X - 4,
                        PANGO_ALIGN_LEFT, text);
  height = rk_pdf_layout_get_height (layout) + 2 * PAD_Y + 4;
  rk_pdf_flow_ensure (&ctx->flow, height);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x, ctx->flow.y, ctx->width, ctx->flow.y, RULE, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x, ctx->flow.y + height, ctx->width, ctx->flow.y + height,
                            RULE, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x, ctx->flow.y, x, ctx->flow.y + height, RULE, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, ctx->width, ctx->flow.y, ctx->width, ctx->flow.y + height,
                            RULE, 0);
  rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, x + PAD_X + 2, ctx->flow.y + PAD_Y + 2, layout);
  ctx->flow.y += height;
}

/* Lines of @text, blank ones dropped. */
static GPtrArray *
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (!is_set (text))
    return lines;
  parts = g_strsplit_set (text, "\r\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (lines, g_strdup (parts[i]));
    }
  return lines;
}

RkPdfDocument *
rk_meeting_notice_build (const RkMeetingDoc *doc)
{
  Ctx ctx = { 0 };
  Slip slip = { 0 };
  g_autofree char *title_text = NULL;
  g_autofree char *issued_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sender = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) others = NULL;
  GDate issued;
  guint number = 1;

  g_return_val_if_fail (doc != NULL, NULL);

  ctx_init (&ctx, RK_PDF_PAGE_NUMBERS_NONE);
  title_text = rk_meeting_notice_get_title (doc);
  when = rk_meeting_format_when (doc->start, doc->end);
  {
    g_autoptr(GDateTime) local = japan_time (doc->start);

    day = format_day (local);
  }
  where = place_text (doc);

  rk_pdf_document_add_dest (ctx.doc, 0, "notice", 0, 0);
  rk_pdf_document_add_outline (ctx.doc, 0, title_text, "notice", FALSE);

  /* The number and date of issue, right-aligned. */
  if (is_set (doc->document_number))
    flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, ctx.width, PANGO_ALIGN_RIGHT,
                                      doc->document_number));
  issued = doc->issued;
  if (!g_date_valid (&issued))
    rk_era_get_today (&issued);
  {
    GDate copy = issued;

    issued_text = rk_era_format_date (&copy);
  }
  flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, ctx.width, PANGO_ALIGN_RIGHT,
                                    issued_text));
  rk_pdf_flow_skip (&ctx.flow, 18);

  /* To whom. */
  if (is_set (doc->addressee))
    flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width * 0.75,
                                      PANGO_ALIGN_LEFT, doc->addressee));
  else if (doc->addressee_names->len > 0)
    for (guint i = 0; i < doc->addressee_names->len; i++)
      {
        g_autofree char *line = g_strdup_printf ("%s 様", (char *) g_ptr_array_index (doc->addressee_names, i));

        flow_block (&ctx, EM, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width * 0.75,
                                           PANGO_ALIGN_LEFT, line));
      }
  else
    {
      g_autofree char *line = g_strdup_printf ("%s 委員 各位", doc->body_name);

      flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width * 0.75,
                                        PANGO_ALIGN_LEFT, line));
    }
  rk_pdf_flow_skip (&ctx.flow, 14);

  /* From whom: a block at the right, its lines left-aligned within it. */
  sender = g_strdup_printf ("%s\n%s　%s", doc->council_name, is_set (doc->chair_title) ? doc->chair_title : "会長",
                            is_set (doc->chair_name) ? doc->chair_name : "");
  g_strchomp (sender);
  {
    g_autoptr(PangoLayout) block = text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width * 0.6,
                                                PANGO_ALIGN_LEFT, sender);
    PangoRectangle ink, logical;
    double width;

    /* The block's own width, not the width it may wrap at. */
    pango_layout_get_pixel_extents (block, &ink, &logical);
    width = MIN (ctx.width * 0.6, (double) logical.width);
    (void) ink;
    rk_pdf_flow_ensure (&ctx.flow, rk_pdf_layout_get_height (block));
    rk_pdf_document_add_layout (ctx.doc, ctx.flow.page, ctx.width - width - EM, ctx.flow.y, block);
    ctx.flow.y += rk_pdf_layout_get_height (block);
  }
  rk_pdf_flow_skip (&ctx.flow, 24);

  /* The title. */
  flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_GOTHIC, HEADING_SIZE + 1, TRUE, ctx.width - 2 * EM,
                                    PANGO_ALIGN_CENTER, title_text));
  rk_pdf_flow_skip (&ctx.flow, 18);

  /* The letter. */
  {
    const char *greeting = "時下、ますますご清祥のこととお慶び申し上げます。"
                           "平素より本会の運営に格別のご理解とご協力を賜り、厚く御礼申し上げます。";
    g_autofree char *request = NULL;
    PangoLayout *layout;

    if (doc->cancelled)
      request = g_strdup_printf ("さて、%sに開催を予定しておりました標記会議につきましては、"
                                 "都合により中止することといたしましたので、お知らせします。", day);
    else
      request = g_strdup ("さて、標記について、下記のとおり開催しますので、"
                          "ご多忙のところ恐縮ですが、ご出席くださいますようお願いいたします。");
    layout = paragraph_layout (&ctx, ctx.width, greeting);
    rk_pdf_flow_add_paragraph (&ctx.flow, 0, layout);
    g_object_unref (layout);
    layout = paragraph_layout (&ctx, ctx.width, request);
    keep_run (layout, day);
    rk_pdf_flow_add_paragraph (&ctx.flow, 0, layout);
    g_object_unref (layout);
  }
  rk_pdf_flow_skip (&ctx.flow, 16);

  flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width, PANGO_ALIGN_CENTER, "記"));
  rk_pdf_flow_skip (&ctx.flow, 14);

  /* 1 日時, 2 場所, 3 議題, 4 その他. */
  values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (values, g_strdup (when));
  place_notice_item (&ctx, number++, "日　　時", values, FALSE);
  g_ptr_array_set_size (values, 0);
  g_ptr_array_add (values, g_strdup (where));
  place_notice_item (&ctx, number++, "場　　所", values, FALSE);

  if (!doc->cancelled)
    {
      g_ptr_array_set_size (values, 0);
      for (guint i = 0; i < doc->items->len; i++)
        {
          RkMeetingDocItem *item = g_ptr_array_index (doc->items, i);

          g_ptr_array_add (values, g_strdup (is_set (item->title) ? item->title : "（未定）"));
        }
      if (values->len > 0)
        place_notice_item (&ctx, number++, "議　　題", values, TRUE);
    }

  others = split_lines (doc->notes);
  if (!doc->cancelled && doc->reply_slip)
    {
      g_autofree char *reply = NULL;

      if (g_date_valid (&doc->reply_by))
        {
          g_autofree char *by = rk_meeting_format_date (&doc->reply_by);

          reply = g_strdup_printf ("出欠については、出欠回答票により、%sまでに事務局あてご回答ください。", by);
        }
      else
        reply = g_strdup ("出欠については、出欠回答票により、事務局あてご回答ください。");
      g_ptr_array_insert (others, 0, g_steal_pointer (&reply));
    }
  if (others->len > 0)
    place_notice_item (&ctx, number++, "そ の 他", others, others->len > 1);

  flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width - EM, PANGO_ALIGN_RIGHT,
                                    "以上"));
  rk_pdf_flow_skip (&ctx.flow, 14);
  place_contact (&ctx, doc);

  /* The reply slip: under a cut line when it fits whole, else on a page of its own as 別紙. */
  if (!doc->cancelled && doc->reply_slip)
    {
      double cut = 28.0;

      slip_prepare (&ctx, &slip, doc);
      if (rk_pdf_flow_get_remaining (&ctx.flow) >= slip.height + cut)
        {
          g_autoptr(PangoLayout) label = text_layout (&ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE - 1, FALSE, -1,
                                                      PANGO_ALIGN_LEFT, "きりとり線");
          double label_width = rk_pdf_layout_get_width (label) + 12;
          double mid;

          /* Push the slip down to the foot of the page, where a real form puts it. */
          ctx.flow.y += rk_pdf_flow_get_remaining (&ctx.flow) - slip.height - cut;
          mid = ctx.flow.y + cut / 2;
          rk_pdf_document_add_drawing (ctx.doc, ctx.flow.page, 0, mid - 2, (ctx.width - label_width) / 2, 4,
                                       draw_cut_line, NULL, NULL);
          rk_pdf_document_add_drawing (ctx.doc, ctx.flow.page, (ctx.width + label_width) / 2, mid - 2,
                                       (ctx.width - label_width) / 2, 4, draw_cut_line, NULL, NULL);
          rk_pdf_document_add_layout (ctx.doc, ctx.flow.page, (ctx.width - label_width) / 2 + 6,
                                      mid - rk_pdf_layout_get_height (label) / 2, label);
          ctx.flow.y += cut;
        }
      else
        {
          rk_pdf_flow_new_page (&ctx.flow);
          flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, ctx.width, PANGO_ALIGN_RIGHT,
                                            "（別紙）"));
          rk_pdf_flow_skip (&ctx.flow, 6);
        }
      slip_place (&ctx, &slip);
      slip_clear (&slip);
    }
  return ctx.doc;
}

/* ---- The minutes ------------------------------------------------------------------------------------------- */

static const char *
state_label (RkMeetingDocActionState state)
{
  switch (state)
    {
    case RK_MEETING_DOC_ACTION_DONE:
      return "完了";
    case RK_MEETING_DOC_ACTION_WITHDRAWN:
      return "取り下げ";
    case RK_MEETING_DOC_ACTION_OPEN:
    default:
      return "未完了";
    }
}

static void
append_person (GString                    *out,
               const RkMeetingDocAttendee *a,
               gboolean                    as_proxy)
{
  if (out->len > 0 && !g_str_has_suffix (out->str, "】"))
    g_string_append (out, "、");
  if (as_proxy)
    {
      /* The alternate attended for the member: 「田中 実（消防本部 警防課長 高橋 健 代理）」. */
      g_string_append (out, is_set (a->proxy_name) ? a->proxy_name : "（氏名未記入）");
      g_string_append (out, "（");
      if (is_set (a->affiliation))
        g_string_append_printf (out, "%s ", a->affiliation);
      g_string_append_printf (out, "%s 代理）", a->name != NULL ? a->name : "");
      return;
    }
  g_string_append (out, a->name != NULL ? a->name : "");
  if (is_set (a->affiliation))
    g_string_append_printf (out, "（%s）", a->affiliation);
}

/* The 出席者 cell: one paragraph per kind of attendance. */
static char *
attendance_text (const RkMeetingDoc   *doc,
                 gboolean              absent)
{
  static const struct { RkMeetingDocPresence presence; const char *label; } groups[] = {
    { RK_MEETING_DOC_PRESENT, "【出席】" },
    { RK_MEETING_DOC_PROXY, "【代理出席】" },
    { RK_MEETING_DOC_ONLINE, "【オンライン】" },
  };
  GString *text = g_string_new (NULL);

  if (absent)
    {
      for (guint i = 0; i < doc->attendees->len; i++)
        {
          RkMeetingDocAttendee *a = g_ptr_array_index (doc->attendees, i);

          if (a->presence == RK_MEETING_DOC_ABSENT)
            append_person (text, a, FALSE);
        }
      if (text->len == 0)
        g_string_append (text, "なし");
      return g_string_free (text, FALSE);
    }

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autoptr(GString) line = g_string_new (groups[g].label);

      for (guint i = 0; i < doc->attendees->len; i++)
        {
          RkMeetingDocAttendee *a = g_ptr_array_index (doc->attendees, i);

          if (a->presence == groups[g].presence)
            append_person (line, a, a->presence == RK_MEETING_DOC_PROXY);
        }
      if (line->len == strlen (groups[g].label))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line->str);
    }
  if (text->len == 0)
    g_string_append (text, "なし");
  return g_string_free (text, FALSE);
}

static char *
count_text (const RkMeetingDoc *doc)
{
  guint present, total, proxy = 0, online = 0;
  GString *text;

  rk_meeting_doc_count_present (doc, &present, &total);
  for (guint i = 0; i < doc->attendees->len; i++)
    {
      RkMeetingDocAttendee *a = g_ptr_array_index (doc->attendees, i);

      proxy += a->presence == RK_MEETING_DOC_PROXY;
      online += a->presence == RK_MEETING_DOC_ONLINE;
    }
  text = g_string_new (NULL);
  g_string_append_printf (text, "%u / %u名", present, total);
  if (proxy > 0 && online > 0)
    g_string_append_printf (text, "（うち代理出席%u名、オンライン%u名）", proxy, online);
  else if (proxy > 0)
    g_string_append_printf (text, "（うち代理出席%u名）", proxy);
  else if (online > 0)
    g_string_append_printf (text, "（うちオンライン%u名）", online);
  return g_string_free (text, FALSE);
}

static void
place_minutes_header (Ctx                *ctx,
                      const RkMeetingDoc *doc)
{
  Columns cols;
  g_autofree char *when = rk_meeting_format_when (doc->start, doc->end);
  g_autofree char *where = place_text (doc);
  g_autofree char *present = attendance_text (doc, FALSE);
  g_autofree char *absent = attendance_text (doc, TRUE);
  g_autofree char *count = count_text (doc);
  double inner;

  form_columns (&cols, ctx->width, 6.0 * EM);
  inner = columns_inner (&cols, 1);

#define FORM_VALUE(text) text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, inner, PANGO_ALIGN_LEFT, (text))
  {
    g_autoptr(PangoLayout) value = FORM_VALUE (when);

    keep_run (value, when);
    place_form_row (ctx, &cols, "日　時", value, 24);
  }
  {
    g_autoptr(PangoLayout) value = FORM_VALUE (where);

    place_form_row (ctx, &cols, "場　所", value, 24);
  }
  {
    g_autoptr(PangoLayout) value = FORM_VALUE (present);

    pango_layout_set_spacing (value, 2 * PANGO_SCALE);
    place_form_row (ctx, &cols, "出席者", value, 24);
  }
  {
    g_autoptr(PangoLayout) value = FORM_VALUE (absent);

    place_form_row (ctx, &cols, "欠席者", value, 24);
  }
  {
    g_autoptr(PangoLayout) value = FORM_VALUE (count);

    place_form_row (ctx, &cols, "出席者数", value, 24);
  }
  if (doc->handouts->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoLayout) value = NULL;

      for (guint i = 0; i < doc->handouts->len; i++)
        g_string_append_printf (text, "%s資料%u　%s", i > 0 ? "\n" : "", i + 1,
                                (char *) g_ptr_array_index (doc->handouts, i));
      value = FORM_VALUE (text->str);
      place_form_row (ctx, &cols, "配付資料", value, 24);
    }
  if (is_set (doc->recorder))
    {
      g_autoptr(PangoLayout) value = FORM_VALUE (doc->recorder);

      place_form_row (ctx, &cols, "記録者", value, 24);
    }
#undef FORM_VALUE
}

/* 決定事項 in a shaded box, one decision per line with a bullet. */
static void
place_decisions (Ctx        *ctx,
                 double      x,
                 const char *decisions)
{
  g_autoptr(GPtrArray) lines = split_lines (decisions);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PangoLayout) label = NULL;
  double width = ctx->width - x;
  double inner = width - 2 * PAD_X - 8;
  double height, y;

  if (lines->len == 0)
    return;
  label = text_layout (ctx, RK_PDF_FACE_GOTHIC, BODY, TRUE, inner, PANGO_ALIGN_LEFT, "■ 決定事項");
  height = PAD_Y + 3 + rk_pdf_layout_get_height (label) + 3;
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("・%s", (char *) g_ptr_array_index (lines, i));
      PangoLayout *layout = hanging_layout (ctx, RK_PDF_FACE_MINCHO, BODY, inner - EM, EM, text);

      pango_layout_set_justify (layout, TRUE);
      g_ptr_array_add (layouts, layout);
      height += rk_pdf_layout_get_height (layout) + 2;
    }
  height += PAD_Y + 3;

  rk_pdf_flow_ensure (&ctx->flow, height);
  y = ctx->flow.y;
  rk_pdf_document_add_fill (ctx->doc, ctx->flow.page, x, y, width, height, 0.95);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x, y, x + width, y, 0.8, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x, y + height, x + width, y + height, 0.8, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x, y, x, y + height, 0.8, 0);
  rk_pdf_document_add_rule (ctx->doc, ctx->flow.page, x + width, y, x + width, y + height, 0.8, 0);
  y += PAD_Y + 3;
  rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, x + PAD_X + 4, y, label);
  y += rk_pdf_layout_get_height (label) + 3;
  for (guint i = 0; i < layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);

      rk_pdf_document_add_layout (ctx->doc, ctx->flow.page, x + PAD_X + 4 + EM, y, layout);
      y += rk_pdf_layout_get_height (layout) + 2;
    }
  ctx->flow.y += height;
}

static void
place_item (Ctx                    *ctx,
            const RkMeetingDocItem *item,
            guint                   index,
            int                     outline_parent)
{
  g_autofree char *heading_text = g_strdup_printf ("(%u) %s", index + 1, is_set (item->title) ? item->title : "");
  g_autofree char *dest = g_strdup_printf ("item-%u", index + 1);
  g_autoptr(PangoLayout) heading = hanging_layout (ctx, RK_PDF_FACE_GOTHIC, BODY + 0.5, ctx->width - EM, 2 * EM,
                                                   heading_text);
  g_autoptr(PangoLayout) presenter = NULL;
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(GPtrArray) paragraphs = split_lines (item->discussion);
  double keep;

  if (is_set (item->presenter))
    {
      g_autofree char *text = g_strdup_printf ("説明：%s", item->presenter);

      presenter = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE + 0.5, FALSE, ctx->width - 3 * EM,
                               PANGO_ALIGN_RIGHT, text);
    }
  label = text_layout (ctx, RK_PDF_FACE_GOTHIC, BODY, FALSE, -1, PANGO_ALIGN_LEFT, "【議事内容】");

  /* The heading keeps its presenter and the first lines of the discussion with it. */
  keep = rk_pdf_layout_get_height (heading) + (presenter != NULL ? rk_pdf_layout_get_height (presenter) : 0) +
         rk_pdf_layout_get_height (label) + 3 * BODY * 1.5;
  rk_pdf_flow_ensure (&ctx->flow, keep);
  rk_pdf_document_add_dest (ctx->doc, ctx->flow.page, dest, 0, ctx->flow.y);
  rk_pdf_document_add_outline (ctx->doc, outline_parent, heading_text, dest, FALSE);
  rk_pdf_flow_add_block (&ctx->flow, EM, heading);
  if (presenter != NULL)
    rk_pdf_flow_add_block (&ctx->flow, 3 * EM, presenter);
  rk_pdf_flow_skip (&ctx->flow, 4);

  if (paragraphs->len > 0)
    {
      rk_pdf_flow_add_block (&ctx->flow, 2 * EM, label);
      rk_pdf_flow_skip (&ctx->flow, 2);
      for (guint i = 0; i < paragraphs->len; i++)
        {
          g_autoptr(PangoLayout) layout = paragraph_layout (ctx, ctx->width - 3 * EM,
                                                            g_ptr_array_index (paragraphs, i));

          rk_pdf_flow_add_paragraph (&ctx->flow, 3 * EM, layout);
          rk_pdf_flow_skip (&ctx->flow, 3);
        }
      rk_pdf_flow_skip (&ctx->flow, 4);
    }
  place_decisions (ctx, 2 * EM, item->decisions);
  rk_pdf_flow_skip (&ctx->flow, 16);
}

enum { ACT_ITEM, ACT_TITLE, ACT_ASSIGNEE, ACT_DUE, ACT_STATE, N_ACT };

static void
place_actions (Ctx                *ctx,
               const RkMeetingDoc *doc,
               int                 outline_parent)
{
  static const char *const headers[N_ACT] = { "議題", "対応事項", "担当者", "期限", "状態" };
  PangoLayout *header[N_ACT] = { NULL };
  Columns cols = { 0 };
  double fixed[N_ACT] = { 0 };
  double header_height, rest, x;
  double header_gray[N_ACT];
  g_autoptr(GPtrArray) due_texts = g_ptr_array_new_with_free_func (g_free);

  place_section_heading (ctx, "今後の対応", "actions", outline_parent, NULL);
  if (doc->actions->len == 0)
    {
      flow_block (ctx, EM, text_layout (ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, ctx->width - EM, PANGO_ALIGN_LEFT,
                                        "なし"));
      return;
    }

  /* The item, due and state columns take their widest cell; a date is never broken. */
  for (guint c = 0; c < N_ACT; c++)
    {
      header[c] = text_layout (ctx, RK_PDF_FACE_GOTHIC, SMALL_SIZE, TRUE, -1, PANGO_ALIGN_LEFT, headers[c]);
      fixed[c] = rk_pdf_layout_get_width (header[c]);
    }
  for (guint i = 0; i < doc->actions->len; i++)
    {
      RkMeetingDocAction *action = g_ptr_array_index (doc->actions, i);
      char *due = g_date_valid (&action->due) ? rk_era_format_date (&action->due) : g_strdup ("―");
      g_autoptr(PangoLayout) probe = NULL;
      g_autofree char *item = g_strdup_printf ("(%d)", action->item_index + 1);

      g_ptr_array_add (due_texts, due);
      probe = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT, due);
      fixed[ACT_DUE] = MAX (fixed[ACT_DUE], rk_pdf_layout_get_width (probe));
      g_clear_object (&probe);
      probe = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT, item);
      fixed[ACT_ITEM] = MAX (fixed[ACT_ITEM], rk_pdf_layout_get_width (probe));
      g_clear_object (&probe);
      probe = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT, "取り下げ");
      fixed[ACT_STATE] = MAX (fixed[ACT_STATE], rk_pdf_layout_get_width (probe));
    }
  fixed[ACT_ITEM] += 2 * PAD_X;
  fixed[ACT_DUE] = MIN (fixed[ACT_DUE] + 2 * PAD_X, 0.3 * ctx->width);
  fixed[ACT_STATE] += 2 * PAD_X;
  rest = ctx->width - fixed[ACT_ITEM] - fixed[ACT_DUE] - fixed[ACT_STATE];
  fixed[ACT_TITLE] = rest * 0.64;
  fixed[ACT_ASSIGNEE] = rest - fixed[ACT_TITLE];

  cols.n = N_ACT;
  x = 0;
  for (guint c = 0; c < N_ACT; c++)
    {
      cols.x[c] = x;
      cols.gray[c] = 1.0;
      cols.center[c] = c == ACT_ITEM || c == ACT_STATE;
      header_gray[c] = LABEL_GRAY;
      x += fixed[c];
    }
  cols.x[N_ACT] = ctx->width;

  header_height = row_height (&cols, header, 0);
  for (guint i = 0; i < doc->actions->len; i++)
    {
      RkMeetingDocAction *action = g_ptr_array_index (doc->actions, i);
      g_autofree char *item = action->item_index >= 0 ? g_strdup_printf ("(%d)", action->item_index + 1)
                                                      : g_strdup ("―");
      PangoLayout *cells[N_ACT];
      double height;

      cells[ACT_ITEM] = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT, item);
      cells[ACT_TITLE] = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE + 0.5, FALSE,
                                      columns_inner (&cols, ACT_TITLE), PANGO_ALIGN_LEFT, action->title);
      cells[ACT_ASSIGNEE] = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE + 0.5, FALSE,
                                         columns_inner (&cols, ACT_ASSIGNEE), PANGO_ALIGN_LEFT, action->assignee);
      cells[ACT_DUE] = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT,
                                    g_ptr_array_index (due_texts, i));
      cells[ACT_STATE] = text_layout (ctx, RK_PDF_FACE_MINCHO, SMALL_SIZE, FALSE, -1, PANGO_ALIGN_LEFT,
                                      state_label (action->state));
      height = row_height (&cols, cells, 20);

      /* A row never splits; the header comes first on every page the table is on. */
      if (i == 0)
        rk_pdf_flow_ensure (&ctx->flow, header_height + height);
      if (i == 0 || rk_pdf_flow_ensure (&ctx->flow, height))
        {
          gboolean saved[N_ACT];

          for (guint c = 0; c < N_ACT; c++)
            {
              saved[c] = cols.center[c];
              cols.center[c] = TRUE;
            }
          place_row (ctx, &cols, header, header_height, header_gray);
          for (guint c = 0; c < N_ACT; c++)
            cols.center[c] = saved[c];
        }
      place_row (ctx, &cols, cells, height, NULL);
      for (guint c = 0; c < N_ACT; c++)
        g_object_unref (cells[c]);
    }
  for (guint c = 0; c < N_ACT; c++)
    g_object_unref (header[c]);
}

RkPdfDocument *
rk_meeting_minutes_build (const RkMeetingDoc *doc)
{
  Ctx ctx = { 0 };
  g_autofree char *title_text = NULL;
  int agenda_id = 0;

  g_return_val_if_fail (doc != NULL, NULL);

  ctx_init (&ctx, RK_PDF_PAGE_NUMBERS_DASHED);
  title_text = rk_meeting_minutes_get_title (doc);

  rk_pdf_document_add_dest (ctx.doc, 0, "minutes", 0, 0);
  rk_pdf_document_add_outline (ctx.doc, 0, title_text, "minutes", FALSE);
  flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_GOTHIC, TITLE_SIZE + 1, TRUE, ctx.width, PANGO_ALIGN_CENTER,
                                    title_text));
  if (is_set (doc->title))
    {
      g_autofree char *subtitle = g_strdup_printf ("―%s―", doc->title);

      rk_pdf_flow_skip (&ctx.flow, 4);
      flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width, PANGO_ALIGN_CENTER,
                                        subtitle));
    }
  rk_pdf_flow_skip (&ctx.flow, 18);

  place_minutes_header (&ctx, doc);
  rk_pdf_flow_skip (&ctx.flow, 22);

  if (doc->cancelled)
    {
      flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, ctx.width, PANGO_ALIGN_LEFT,
                                        "本会議は中止となった。"));
      rk_pdf_flow_skip (&ctx.flow, 16);
    }
  else
    {
      /* The heading and the first item move together. */
      rk_pdf_flow_ensure (&ctx.flow, 4 * HEADING_SIZE * 1.5);
      place_section_heading (&ctx, "議事", "agenda", 0, &agenda_id);
      if (doc->items->len == 0)
        {
          flow_block (&ctx, EM, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY, FALSE, ctx.width - EM,
                                             PANGO_ALIGN_LEFT, "なし"));
          rk_pdf_flow_skip (&ctx.flow, 16);
        }
      for (guint i = 0; i < doc->items->len; i++)
        place_item (&ctx, g_ptr_array_index (doc->items, i), i, agenda_id);

      rk_pdf_flow_ensure (&ctx.flow, 4 * HEADING_SIZE * 1.5);
      place_actions (&ctx, doc, 0);
      rk_pdf_flow_skip (&ctx.flow, 14);
    }

  flow_block (&ctx, 0, text_layout (&ctx, RK_PDF_FACE_MINCHO, BODY + 1, FALSE, ctx.width - EM, PANGO_ALIGN_RIGHT,
                                    "以上"));
  return ctx.doc;
}

/* ---- Export ------------------------------------------------------------------------------------------------ */

static gboolean
export (RkPdfDocument      *pdf,
        const RkMeetingDoc *doc,
        const char         *title,
        const char         *subject,
        const char         *path,
        GDateTime          *creation_date,
        GCancellable       *cancellable,
        GError            **error)
{
  g_autofree char *keywords = rk_meeting_doc_get_name (doc);
  RkPdfMetadata metadata = { 0 };

  metadata.title = title;
  metadata.author = doc->council_name;
  metadata.subject = subject;
  metadata.keywords = keywords;
  metadata.creation_date = creation_date;
  return rk_pdf_document_export (pdf, path, &metadata, cancellable, NULL, NULL, error);
}

gboolean
rk_meeting_notice_export (const RkMeetingDoc  *doc,
                          const char          *path,
                          GDateTime           *creation_date,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(RkPdfDocument) pdf = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = rk_meeting_notice_build (doc);
  title = rk_meeting_notice_get_title (doc);
  return export (pdf, doc, title, _("Meeting notice"), path, creation_date, cancellable, error);
}

gboolean
rk_meeting_minutes_export (const RkMeetingDoc  *doc,
                           const char          *path,
                           GDateTime           *creation_date,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(RkPdfDocument) pdf = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = rk_meeting_minutes_build (doc);
  title = rk_meeting_minutes_get_title (doc);
  return export (pdf, doc, title, _("Minutes"), path, creation_date, cancellable, error);
}

/* rk-ics.c — meetings as an iCalendar file (RFC 5545). */

#include "rk-ics.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rk-body.h"
#include "rk-council.h"
#include "rk-meeting.h"
#include "rk-store-meetings.h"
#include "rk-store-private.h"

/* RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
#define MAX_OCTETS 75

char *
rk_ics_make_uid (gint64      id,
                 const char *council_key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, council_key != NULL ? council_key : "", -1);

  return g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%.8s@renkei", id, hash);
}

char *
rk_ics_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case ';':
        g_string_append (out, "\\;");
        break;
      case ',':
        g_string_append (out, "\\,");
        break;
      case '\r':
        /* CRLF is one line break; a lone CR is one too. */
        if (p[1] == '\n')
          p++;
        G_GNUC_FALLTHROUGH;
      case '\n':
        g_string_append (out, "\\n");
        break;
      default:
        g_string_append_c (out, *p);
      }
  return g_string_free (out, FALSE);
}

void
rk_ics_append_line (GString    *out,
                    const char *line)
{
  gsize length, start = 0;
  gsize room = MAX_OCTETS;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL);

  length = strlen (line);
  while (length - start > room)
    {
      gsize end = start + room;

      /* Back up to the start of a character: a continuation byte is 10xxxxxx. */
      while (end > start && ((guchar) line[end] & 0xC0) == 0x80)
        end--;
      g_string_append_len (out, line + start, end - start);
      g_string_append (out, "\r\n ");
      start = end;
      room = MAX_OCTETS - 1; /* the leading space counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  rk_ics_append_line (out, line);
}

static void
append_text (GString    *out,
             const char *name,
             const char *text)
{
  g_autofree char *escaped = rk_ics_escape_text (text);

  append_property (out, name, escaped);
}

char *
rk_ics_summary (const RkIcsMeeting *meeting)
{
  GString *summary = g_string_new (NULL);

  g_return_val_if_fail (meeting != NULL, NULL);

  /* The summary is the meeting's Japanese name, as on its notice, whatever the UI language. */
  if (meeting->number > 0)
    g_string_append_printf (summary, "第%u回 ", meeting->number);
  g_string_append (summary, meeting->body_name != NULL ? meeting->body_name : "");
  if (meeting->title != NULL && *meeting->title != '\0')
    g_string_append_printf (summary, "「%s」", meeting->title);
  return g_string_free (summary, FALSE);
}

static char *
location (const RkIcsMeeting *meeting)
{
  gboolean has_place = meeting->place != NULL && *meeting->place != '\0';

  if (has_place && meeting->online)
    return g_strdup_printf ("%s（オンライン併用）", meeting->place);
  if (has_place)
    return g_strdup (meeting->place);
  if (meeting->online)
    return g_strdup ("オンライン");
  return NULL;
}

static char *
description (const RkIcsMeeting *meeting)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; meeting->agenda != NULL && meeting->agenda[i] != NULL; i++)
    {
      if (i == 0)
        g_string_append (text, "議題");
      g_string_append_printf (text, "\n(%u) %s", i + 1, meeting->agenda[i]);
      n++;
    }
  if (meeting->notes != NULL && *meeting->notes != '\0')
    {
      if (n > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, meeting->notes);
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* Asia/Tokyo has kept +09:00 since 1951, so one STANDARD component defines it for any meeting Renkei plans. */
static GTimeZone *
tokyo (void)
{
  return g_time_zone_new_offset (9 * 3600);
}

static void
append_local_time (GString    *out,
                   const char *name,
                   GDateTime  *time)
{
  g_autoptr(GTimeZone) tz = tokyo ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, tz);
  g_autofree char *value = g_date_time_format (local, "%Y%m%dT%H%M%S");
  g_autofree char *line = g_strdup_printf ("%s;TZID=%s:%s", name, RK_ICS_TZID, value);

  rk_ics_append_line (out, line);
}

static const char *
status_value (RkIcsStatus status)
{
  switch (status)
    {
    case RK_ICS_TENTATIVE:
      return "TENTATIVE";
    case RK_ICS_CANCELLED:
      return "CANCELLED";
    case RK_ICS_CONFIRMED:
    default:
      return "CONFIRMED";
    }
}

static void
append_event (GString            *out,
              const RkIcsMeeting *meeting,
              const char         *council_key,
              const char         *dtstamp)
{
  g_autofree char *uid = rk_ics_make_uid (meeting->id, council_key);
  g_autofree char *summary = rk_ics_summary (meeting);
  g_autofree char *where = location (meeting);
  g_autofree char *what = description (meeting);

  rk_ics_append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID", uid);
  append_property (out, "DTSTAMP", dtstamp);
  append_local_time (out, "DTSTART", meeting->start);
  /* DTEND must come after DTSTART; an end before the start is left out rather than written invalid. */
  if (meeting->end != NULL && g_date_time_compare (meeting->end, meeting->start) > 0)
    append_local_time (out, "DTEND", meeting->end);
  append_text (out, "SUMMARY", summary);
  if (where != NULL)
    append_text (out, "LOCATION", where);
  if (what != NULL)
    append_text (out, "DESCRIPTION", what);
  append_property (out, "STATUS", status_value (meeting->status));
  append_property (out, "TRANSP", meeting->status == RK_ICS_CANCELLED ? "TRANSPARENT" : "OPAQUE");
  rk_ics_append_line (out, "END:VEVENT");
}

char *
rk_ics_build (const RkIcsMeeting *meetings,
              guint               n_meetings,
              const char         *council_key,
              const char         *calendar_name,
              GDateTime          *dtstamp)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (meetings != NULL || n_meetings == 0, NULL);

  if (dtstamp == NULL)
    dtstamp = now = g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (dtstamp);
  stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  rk_ics_append_line (out, "BEGIN:VCALENDAR");
  append_property (out, "PRODID", "-//Renkei//Renkei " RK_VERSION "//JA");
  append_property (out, "VERSION", "2.0");
  append_property (out, "CALSCALE", "GREGORIAN");
  append_property (out, "METHOD", "PUBLISH");
  if (calendar_name != NULL && *calendar_name != '\0')
    append_text (out, "X-WR-CALNAME", calendar_name);
  append_property (out, "X-WR-TIMEZONE", RK_ICS_TZID);

  rk_ics_append_line (out, "BEGIN:VTIMEZONE");
  append_property (out, "TZID", RK_ICS_TZID);
  rk_ics_append_line (out, "BEGIN:STANDARD");
  append_property (out, "DTSTART", "19700101T000000");
  append_property (out, "TZOFFSETFROM", "+0900");
  append_property (out, "TZOFFSETTO", "+0900");
  append_property (out, "TZNAME", "JST");
  rk_ics_append_line (out, "END:STANDARD");
  rk_ics_append_line (out, "END:VTIMEZONE");

  for (guint i = 0; i < n_meetings; i++)
    {
      g_return_val_if_fail (meetings[i].start != NULL, g_string_free (out, TRUE));
      append_event (out, &meetings[i], council_key, stamp);
    }

  rk_ics_append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

gboolean
rk_ics_export (const RkIcsMeeting  *meetings,
               guint                n_meetings,
               const char          *council_key,
               const char          *calendar_name,
               GDateTime           *dtstamp,
               const char          *path,
               GError             **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = rk_ics_build (meetings, n_meetings, council_key, calendar_name, dtstamp);
  g_return_val_if_fail (text != NULL, FALSE);

  /* CONSISTENT: written to a temporary file beside @path, flushed, then renamed over it. */
  if (!g_file_set_contents_full (path, text, strlen (text),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   /* Translators: %s is a file name, then the system's reason. */
                   _("Could not write the calendar file “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- From the store ---------------------------------------------------------------------------------------- */

char *
rk_ics_dup_council_key (RkStore *store)
{
  RkCouncil *council;
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *created = NULL;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  council = rk_store_get_council (store);
  stmt = rk_store_prepare (rk_store_get_db (store), "SELECT created_at FROM council WHERE id = 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    created = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  /* Without the creation time (cannot happen in a valid file) the name keeps the UIDs of one council apart. */
  return g_strdup_printf ("%s|%s", rk_council_get_municipality (council),
                          created != NULL ? created : rk_council_get_name (council));
}

static GDateTime *
parse_local (const char *text)
{
  g_autoptr(GTimeZone) tz = NULL;
  GDate date;
  int minutes;

  if (text == NULL || *text == '\0' || !rk_meeting_parse_date_time (text, &date, &minutes))
    return NULL;
  tz = tokyo ();
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                          minutes / 60, minutes % 60, 0);
}

typedef struct {
  GDateTime *start;
  GDateTime *end;
  GStrv      agenda;
} Owned;

gboolean
rk_ics_export_store (RkStore     *store,
                     gint64       body_id,
                     GDateTime   *dtstamp,
                     const char  *path,
                     GError     **error)
{
  GListModel *meetings, *bodies;
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (RkIcsMeeting));
  g_autoptr(GArray) owned = g_array_new (FALSE, TRUE, sizeof (Owned));
  g_autoptr(GHashTable) body_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *key = NULL;
  gboolean ok;

  g_return_val_if_fail (RK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bodies = rk_store_get_bodies (store);
  for (guint i = 0, n = g_list_model_get_n_items (bodies); i < n; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);
      gint64 *id = g_new (gint64, 1);

      /* The store's list holds the bodies, so their names outlive this function's use of them. */
      *id = rk_body_get_id (body);
      g_hash_table_insert (body_names, id, (gpointer) rk_body_get_name (body));
    }

  meetings = rk_store_get_meetings (store);
  for (guint i = 0, n = g_list_model_get_n_items (meetings); i < n; i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);
      gint64 meeting_body = rk_meeting_get_body_id (meeting);
      GListModel *agenda;
      GPtrArray *titles;
      RkIcsMeeting event = { 0 };
      Owned own = { 0 };

      if (body_id != 0 && meeting_body != body_id)
        continue;
      own.start = parse_local (rk_meeting_get_starts_at (meeting));
      if (own.start == NULL)
        continue; /* the store validates starts_at; a broken row is left out rather than written wrong */
      own.end = parse_local (rk_meeting_get_ends_at (meeting));
      agenda = rk_store_get_agenda (store, meeting);
      titles = g_ptr_array_new ();
      for (guint k = 0, m = g_list_model_get_n_items (agenda); k < m; k++)
        {
          g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, k);

          g_ptr_array_add (titles, g_strdup (rk_agenda_item_get_title (item)));
        }
      g_ptr_array_add (titles, NULL);
      own.agenda = (GStrv) g_ptr_array_free (titles, FALSE);

      event.id = rk_meeting_get_id (meeting);
      event.number = (guint) MAX (rk_meeting_get_number (meeting), 0);
      event.body_name = g_hash_table_lookup (body_names, &meeting_body);
      event.title = rk_meeting_get_title (meeting); /* the store's list holds the meeting */
      event.start = own.start;
      event.end = own.end;
      event.place = rk_meeting_get_place (meeting);
      event.online = rk_meeting_get_online (meeting);
      event.agenda = (const char *const *) own.agenda;
      event.status = rk_meeting_get_status (meeting) == RK_MEETING_CANCELLED ? RK_ICS_CANCELLED : RK_ICS_CONFIRMED;
      g_array_append_val (events, event);
      g_array_append_val (owned, own);
    }

  key = rk_ics_dup_council_key (store);
  ok = rk_ics_export ((const RkIcsMeeting *) (gpointer) events->data, events->len, key,
                      rk_council_get_name (rk_store_get_council (store)), dtstamp, path, error);

  for (guint i = 0; i < owned->len; i++)
    {
      Owned *own = &g_array_index (owned, Owned, i);

      g_date_time_unref (own->start);
      g_clear_pointer (&own->end, g_date_time_unref);
      g_strfreev (own->agenda);
    }
  return ok;
}

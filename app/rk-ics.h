/* rk-ics.h — meetings as an iCalendar file (.ics, RFC 5545) for the calendars of members and the secretariat.
 *
 * The input is plain data (RkIcsMeeting), so it can be written and tested without a store. The output is UTF-8 with
 * CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, times in
 * Asia/Tokyo with the VTIMEZONE that defines it, and DTSTAMP from a given time so the same meetings give the same
 * file. */
#pragma once

#include <gio/gio.h>

#include "rk-store.h"

G_BEGIN_DECLS

/* STATUS of a VEVENT. */
typedef enum {
  RK_ICS_TENTATIVE,
  RK_ICS_CONFIRMED,
  RK_ICS_CANCELLED,
} RkIcsStatus;

/* One meeting; every pointer is borrowed and may be NULL unless said otherwise. */
typedef struct {
  gint64              id;         /* the meeting's id in its council file: with the council key, the UID */
  guint               number;     /* 第n回; 0: not numbered */
  const char         *body_name;  /* the body (会議体) that meets */
  const char         *title;      /* the meeting's own title, added to SUMMARY */
  GDateTime          *start;      /* not NULL; any time zone, written in Asia/Tokyo */
  GDateTime          *end;        /* NULL: no DTEND (the event ends when it starts, RFC 5545 §3.6.1) */
  const char         *place;
  gboolean            online;
  const char *const  *agenda;     /* NULL-terminated agenda titles, listed in DESCRIPTION */
  const char         *notes;      /* appended to DESCRIPTION */
  RkIcsStatus         status;
} RkIcsMeeting;

/* The TZID of every DTSTART/DTEND. */
#define RK_ICS_TZID "Asia/Tokyo"

/* "meeting-<id>-<8 hex digits of the SHA-256 of @council_key>@renkei": stable as long as the key is (the council
 * file's creation time and municipality, say), and different for two councils' meeting 1. */
char        *rk_ics_make_uid     (gint64               id,
                                  const char          *council_key);
/* A TEXT value escaped: \ → \\, ; → \;, , → \, and a line break (LF, CRLF or CR) → \n. */
char        *rk_ics_escape_text  (const char          *text);
/* Appends @line (one unfolded content line, without its line end) to @out folded at 75 octets: CRLF and a space
 * before each continuation, never inside a UTF-8 sequence; then CRLF. */
void         rk_ics_append_line  (GString             *out,
                                  const char          *line);
/* SUMMARY as written: "第3回 在宅医療・救急医療連携推進協議会" or, with a title, "…「title」". */
char        *rk_ics_summary      (const RkIcsMeeting  *meeting);

/* The whole calendar: @calendar_name as X-WR-CALNAME (nullable), one VEVENT per meeting, DTSTAMP @dtstamp (NULL:
 * now) in UTC. */
char        *rk_ics_build        (const RkIcsMeeting  *meetings,
                                  guint                n_meetings,
                                  const char          *council_key,
                                  const char          *calendar_name,
                                  GDateTime           *dtstamp);
/* rk_ics_build() written to @path through a temporary file renamed over it, so @path is never half-written. */
gboolean     rk_ics_export       (const RkIcsMeeting  *meetings,
                                  guint                n_meetings,
                                  const char          *council_key,
                                  const char          *calendar_name,
                                  GDateTime           *dtstamp,
                                  const char          *path,
                                  GError             **error);

/* The key rk_ics_make_uid() hashes for the meetings of @store's council: its municipality and the time the council
 * file was created, so UIDs survive renaming the council or moving the file. */
char        *rk_ics_dup_council_key (RkStore          *store);
/* Every meeting of @store (or of the body @body_id when it is not 0), with its agenda, as rk_ics_export() writes
 * them: 予定 and 開催済 CONFIRMED, 中止 CANCELLED. The calendar is named after the council. */
gboolean     rk_ics_export_store    (RkStore          *store,
                                     gint64            body_id,
                                     GDateTime        *dtstamp,
                                     const char       *path,
                                     GError          **error);

G_END_DECLS

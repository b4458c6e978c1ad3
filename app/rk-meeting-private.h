/* rk-meeting-private.h — for the store module (rk-store-meetings.c) only: the meeting objects are property bags that
 * only the store writes, after the edit is committed. Strings in the Info structs are copied; NULL reads as "".
 * The setters notify only the properties whose value changed. */
#pragma once

#include "rk-meeting.h"

G_BEGIN_DECLS

RkMeeting    *rk_meeting_new_for_store       (gint64                  id,
                                              int                     number,
                                              const RkMeetingInfo    *info);
void          rk_meeting_set_info            (RkMeeting              *self,
                                              const RkMeetingInfo    *info);
void          rk_meeting_set_number          (RkMeeting              *self,
                                              int                     number);

RkAgendaItem *rk_agenda_item_new_for_store   (gint64                  id,
                                              gint64                  meeting_id,
                                              int                     position,
                                              gint64                  carried_action_id,
                                              const RkAgendaItemInfo *info);
void          rk_agenda_item_set_info        (RkAgendaItem           *self,
                                              const RkAgendaItemInfo *info);
void          rk_agenda_item_set_text        (RkAgendaItem           *self,
                                              const char             *discussion,
                                              const char             *decisions);
void          rk_agenda_item_set_position    (RkAgendaItem           *self,
                                              int                     position);

RkActionItem *rk_action_item_new_for_store   (gint64                  id,
                                              gint64                  meeting_id,
                                              const char             *done_on,
                                              const RkActionItemInfo *info);
void          rk_action_item_set_info        (RkActionItem           *self,
                                              const RkActionItemInfo *info,
                                              const char             *done_on);

RkChallenge  *rk_challenge_new_for_store     (gint64                  id,
                                              const char             *created_at,
                                              guint                   n_notes,
                                              const RkChallengeInfo  *info);
void          rk_challenge_set_info          (RkChallenge            *self,
                                              const RkChallengeInfo  *info);
void          rk_challenge_set_n_notes       (RkChallenge            *self,
                                              guint                   n_notes);

G_END_DECLS

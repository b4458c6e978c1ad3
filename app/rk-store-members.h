/* rk-store-members.h — the roster's part of the store (app/rk-store-members.c). */
#pragma once

#include "rk-member.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* All members not deleted, current and former (history), ordered by member type then kana. The list and its
 * RkMember objects change as members are added, edited, ended, removed or restored. */
GListModel  *rk_store_get_members         (RkStore            *self);
/* Returns a new reference (transfer full); the list holds its own. */
RkMember    *rk_store_add_member          (RkStore            *self,
                                           const RkMemberInfo *info,
                                           GError            **error);
gboolean     rk_store_update_member       (RkStore            *self,
                                           RkMember           *member,
                                           const RkMemberInfo *info,
                                           GError            **error);
/* Soft delete (for undo): the member leaves the list; restore brings the member back with the body seats. */
gboolean     rk_store_remove_member       (RkStore            *self,
                                           RkMember           *member,
                                           GError            **error);
gboolean     rk_store_restore_member      (RkStore            *self,
                                           RkMember           *member,
                                           GError            **error);
/* The bodies the member sits on from @date (ISO; NULL for today): seats gained are joined on @date, seats given up
 * are kept as history with left_on = @date. */
gboolean     rk_store_set_member_bodies   (RkStore            *self,
                                           RkMember           *member,
                                           const gint64       *body_ids,
                                           guint               n_body_ids,
                                           const char         *date,
                                           GError            **error);
/* Ends the member's term on @date (ISO; NULL for today): term_end and every open seat's left_on are set; the member
 * stays in the roster as a former member ("current" FALSE), never deleted. */
gboolean     rk_store_end_member_term     (RkStore            *self,
                                           RkMember           *member,
                                           const char         *date,
                                           GError            **error);

/* Who sat on a body when. */
typedef struct {
  gint64  member_id;
  char   *member_name;
  char   *organisation;
  char   *joined_on; /* ISO or NULL */
  char   *left_on;   /* ISO or NULL while seated */
} RkSeat;
void         rk_seat_free                 (RkSeat             *seat);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkSeat, rk_seat_free)
/* A GPtrArray of RkSeat (free func set), ordered by joined_on. */
GPtrArray   *rk_store_list_seats          (RkStore            *self,
                                           gint64              body_id,
                                           GError            **error);

/* Adds @n members (with their body names, resolved against the council's bodies) in ONE transaction: all or
 * nothing. Used by CSV import after the user accepted the preview. @body_names[i] is a NULL-terminated list. */
gboolean     rk_store_import_members      (RkStore             *self,
                                           const RkMemberInfo  *members,
                                           const char *const  **body_names,
                                           guint                n,
                                           GError             **error);

G_END_DECLS

/* rk-member.h — a member (構成員) on the council's roster (委員名簿): one person, their organisation and member type
 * (one of the 20 candidate types), their role, the bodies they sit on and their term of office. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Role on the council. */
typedef enum {
  RK_ROLE_CHAIR       = 0, /* 会長 */
  RK_ROLE_VICE_CHAIR  = 1, /* 副会長 */
  RK_ROLE_MEMBER      = 2, /* 委員 */
  RK_ROLE_OBSERVER    = 3, /* オブザーバー */
  RK_ROLE_REFERENCE   = 4, /* 参考人 */
  RK_ROLE_SECRETARIAT = 5, /* 事務局 */
} RkRole;

#define RK_ROLE_LAST RK_ROLE_SECRETARIAT

#define RK_TYPE_ROLE (rk_role_get_type ())
GType        rk_role_get_type   (void);
const char  *rk_role_to_label   (RkRole      role);   /* translated: "委員" under ja_JP */
/* Accepts the Japanese names (会長 … 事務局) and the English ones, as in a CSV; FALSE when unknown. */
gboolean     rk_role_from_label (const char *label,
                                 RkRole     *role);

#define RK_MEMBER_TYPE_FIRST 1
#define RK_MEMBER_TYPE_LAST  20
#define RK_MEMBER_TYPE_FIRE_DEPARTMENT 4  /* 消防機関 */
#define RK_MEMBER_TYPE_LEGAL_EXPERT    19 /* 法律専門家 */

/* What a user enters for a member. Dates are ISO 'YYYY-MM-DD'; NULL or "" for none. */
typedef struct {
  int          member_type;   /* 1–20, DOMAIN.md's candidate types */
  const char  *organisation;  /* 所属 */
  const char  *name;          /* 氏名 */
  const char  *kana;          /* ふりがな */
  const char  *title;         /* 役職 */
  RkRole       role;
  const char  *alternate;     /* 代理出席者 */
  const char  *phone;
  const char  *email;
  const char  *term_start;    /* 任期 from */
  const char  *term_end;      /* 任期 to */
  const char  *notes;
} RkMemberInfo;

/* Refuses, with a translated message naming the field: an empty name, a type outside 1–20, an impossible date
 * (2025-02-30), a term that ends before it starts, an e-mail address without '@'. */
gboolean     rk_member_info_validate (const RkMemberInfo *info,
                                      GError            **error);

#define RK_TYPE_MEMBER (rk_member_get_type ())
G_DECLARE_FINAL_TYPE (RkMember, rk_member, RK, MEMBER, GObject)

/* Properties: "id" (gint64, construct-only), "member-type" (int), "organisation", "name", "kana", "title",
 * "role" (RkRole), "alternate", "phone", "email", "term-start", "term-end", "notes", "current" (boolean, read-only:
 * FALSE once the term has ended), "bodies" (string, read-only: the names of the bodies the member sits on now,
 * joined with "、"). A property bag like RkBody: edits go through rk_store_update_member(). */
gint64       rk_member_get_id           (RkMember *self);
int          rk_member_get_member_type  (RkMember *self);
const char  *rk_member_get_organisation (RkMember *self);
const char  *rk_member_get_name         (RkMember *self);
const char  *rk_member_get_kana         (RkMember *self);
const char  *rk_member_get_title        (RkMember *self);
RkRole       rk_member_get_role         (RkMember *self);
const char  *rk_member_get_alternate    (RkMember *self);
const char  *rk_member_get_phone        (RkMember *self);
const char  *rk_member_get_email        (RkMember *self);
const char  *rk_member_get_term_start   (RkMember *self);
const char  *rk_member_get_term_end     (RkMember *self);
const char  *rk_member_get_notes        (RkMember *self);
gboolean     rk_member_get_current      (RkMember *self);
const char  *rk_member_get_bodies       (RkMember *self);
/* Ids of the bodies the member sits on now (left_on unset), ascending. */
const GArray *rk_member_get_body_ids    (RkMember *self);
void         rk_member_get_info         (RkMember     *self,
                                         RkMemberInfo *info);
/* TRUE when the term ends on or before @today + @months months (and has not ended before @today). */
gboolean     rk_member_term_ends_within (RkMember *self,
                                         GDate    *today,
                                         guint     months);

G_END_DECLS

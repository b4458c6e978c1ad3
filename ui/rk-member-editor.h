/* rk-member-editor.h — a dialog that adds a member to the roster or edits one: every field of RkMemberInfo and
 * the bodies the member sits on. */
#pragma once

#include <adwaita.h>

#include "rk-store-members.h"

G_BEGIN_DECLS

#define RK_TYPE_MEMBER_EDITOR (rk_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkMemberEditor, rk_member_editor, RK, MEMBER_EDITOR, AdwWindow)

/* Actions (what the user's edits do):
 *   "editor.set-field" (ss): "name", "kana", "organisation", "title", "alternate", "phone", "email", "term-start",
 *                            "term-end" (ISO dates), "notes", "member-type" (1–20, decimal) or "role" (RkRole,
 *                            decimal), and its new value;
 *   "editor.set-body" (xb): a body id and whether the member sits on it;
 *   "editor.save": validates, writes to the store and closes (stays open with the message when refused);
 *   "editor.cancel": closes, changing nothing.
 * @member: NULL to add a new member. */
GtkWidget   *rk_member_editor_new             (GtkWindow      *parent,
                                               RkStore        *store,
                                               RkMember       *member);
/* Fills the fields (strings are copied into the widgets). */
void         rk_member_editor_set_info        (RkMemberEditor *self,
                                               const RkMemberInfo *info);
/* The member being edited, or the one just added by a successful save; NULL before. */
RkMember    *rk_member_editor_get_member      (RkMemberEditor *self);
gboolean     rk_member_editor_get_can_save    (RkMemberEditor *self);
/* Why the member cannot be saved as entered (translated), or NULL. */
const char  *rk_member_editor_get_message     (RkMemberEditor *self);

G_END_DECLS

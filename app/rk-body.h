/* rk-body.h — a body (会議体) of the council: a tier such as 中枢会議, 現場レベルの会議 or 作業ワーキング, with its purpose. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  RK_TIER_CORE    = 0, /* 中枢会議 */
  RK_TIER_FIELD   = 1, /* 現場レベルの会議 */
  RK_TIER_WORKING = 2, /* 作業ワーキング */
  RK_TIER_OTHER   = 3, /* a tier the user names (tier-label), e.g. 病院連絡会 */
} RkTier;

#define RK_TYPE_TIER (rk_tier_get_type ())
GType        rk_tier_get_type (void);
const char  *rk_tier_to_label (RkTier tier); /* translated, e.g. "中枢会議" */

#define RK_TYPE_BODY (rk_body_get_type ())
G_DECLARE_FINAL_TYPE (RkBody, rk_body, RK, BODY, GObject)

typedef struct {
  const char *name;       /* e.g. "在宅医療・救急医療連携推進協議会" */
  RkTier      tier;
  const char *tier_label; /* the user's name for the tier when tier == RK_TIER_OTHER; NULL otherwise */
  const char *purpose;    /* 目的, may be empty */
} RkBodyInfo;

/* Properties: "id" (gint64, construct-only), "name", "tier" (RkTier), "tier-label", "purpose", "position" (int).
 * Like RkCouncil, a property bag: edits go through rk_store_update_body(). */
gint64       rk_body_get_id         (RkBody *self);
const char  *rk_body_get_name       (RkBody *self);
RkTier       rk_body_get_tier       (RkBody *self);
const char  *rk_body_get_tier_label (RkBody *self);
const char  *rk_body_get_purpose    (RkBody *self);
int          rk_body_get_position   (RkBody *self);
/* The tier as shown to a user: the user's own label for RK_TIER_OTHER, the translated tier name otherwise. */
const char  *rk_body_get_display_tier (RkBody *self);
void         rk_body_get_info       (RkBody     *self,
                                     RkBodyInfo *info);
gboolean     rk_body_info_validate  (const RkBodyInfo *info,
                                     GError          **error);

G_END_DECLS

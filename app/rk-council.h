/* rk-council.h — the council (協議会) a file holds: its name, municipality and set-up.
 *
 * A plain property bag: widgets bind to it; edits go through rk_store_update_council(), which validates, writes in
 * one transaction and then sets these properties (so a failed edit never shows as done). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How the council is set up (guide §4 step 2). */
typedef enum {
  RK_SETUP_EXISTING = 0, /* 既存の会議体を活用 */
  RK_SETUP_NEW      = 1, /* 新規に会議体を設置 */
  RK_SETUP_BOTH     = 2, /* 併用 */
} RkSetupKind;

#define RK_TYPE_SETUP_KIND (rk_setup_kind_get_type ())
GType        rk_setup_kind_get_type  (void);
/* Translated label, e.g. "既存の会議体を活用" under ja_JP. */
const char  *rk_setup_kind_to_label  (RkSetupKind kind);

#define RK_TYPE_COUNCIL (rk_council_get_type ())
G_DECLARE_FINAL_TYPE (RkCouncil, rk_council, RK, COUNCIL, GObject)

/* The values a user enters for a council; used to create one and to edit it. */
typedef struct {
  const char  *name;          /* e.g. "みなと市在宅医療・救急医療連携推進協議会" */
  const char  *municipality;  /* 市町村, e.g. "みなと市" */
  const char  *prefecture;    /* 都道府県, e.g. "架空県" */
  int          fiscal_year;   /* the 年度 the council starts in, e.g. 2025 */
  RkSetupKind  setup;
  const char  *notes;         /* free text, may be NULL */
} RkCouncilInfo;

/* Properties: "name", "municipality", "prefecture", "fiscal-year" (int), "setup" (RkSetupKind), "notes". */
const char  *rk_council_get_name         (RkCouncil *self);
const char  *rk_council_get_municipality (RkCouncil *self);
const char  *rk_council_get_prefecture   (RkCouncil *self);
int          rk_council_get_fiscal_year  (RkCouncil *self);
RkSetupKind  rk_council_get_setup        (RkCouncil *self);
const char  *rk_council_get_notes        (RkCouncil *self);
/* Fills @info with borrowed pointers into @self. */
void         rk_council_get_info         (RkCouncil     *self,
                                          RkCouncilInfo *info);

/* Checks what a user typed; GError RK_STORE_ERROR_INVALID with a translated message naming the field. */
gboolean     rk_council_info_validate    (const RkCouncilInfo *info,
                                          GError             **error);

G_END_DECLS

/* rk-coverage.h — which of the 20 candidate member types the council covers, beside the national participation
 * shares, and the guide's advice where it applies. Pure computation over the roster: no store, no widgets. */
#pragma once

#include <gio/gio.h>

#include "rk-catalog.h"
#include "rk-member.h"

G_BEGIN_DECLS

typedef enum {
  RK_ADVICE_NO_FIRE_DEPARTMENT, /* ambulance rules drafted without 消防機関: the guide's tips for bringing them in */
  RK_ADVICE_LEGAL_EXPERT,       /* note *1: legal experts usually sit on a prefectural council */
  RK_ADVICE_COMMON_TYPE_MISSING,/* a type most councils include (national share ≥ 50 %) is not on this one */
} RkAdviceKind;

typedef struct {
  RkAdviceKind  kind;
  int           member_type; /* the type it is about */
  char         *title;       /* translated, short */
  char         *text;        /* translated guidance; the guide's tips for the fire department */
} RkAdvice;

typedef struct {
  int           member_type;    /* 1–20 */
  const char   *type_name;      /* from the catalog, e.g. "消防機関" */
  double        national_share; /* percent, e.g. 22.1 */
  GPtrArray    *members;        /* RkMember (current members of this type), owned refs */
} RkCoverageEntry;

typedef struct _RkCoverage RkCoverage;

/* Counts the CURRENT members of @members (a GListModel of RkMember) per type. @drafts_ambulance_rules: whether the
 * council drafts rules that involve ambulance crews (then a missing 消防機関 is advised on). */
RkCoverage              *rk_coverage_compute        (GListModel *members,
                                                     RkCatalog  *catalog,
                                                     gboolean    drafts_ambulance_rules);
void                     rk_coverage_free           (RkCoverage *coverage);
/* Always 20 entries, in type order. */
const RkCoverageEntry   *rk_coverage_get_entry      (RkCoverage *coverage,
                                                     int         member_type);
guint                    rk_coverage_get_n_covered  (RkCoverage *coverage);
/* RkAdvice, most important first. */
const GPtrArray         *rk_coverage_get_advice     (RkCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkCoverage, rk_coverage_free)

G_END_DECLS

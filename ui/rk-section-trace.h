/* rk-section-trace.h — the trace of one section of a rule document: the meeting decisions (agenda items with 決定事項)
 * and the challenges (課題) that led to it, with links added from the council's agenda items with decisions and its
 * challenges, and removed. A link belongs to the document and the section's uid, so it shows in every version.
 *
 * Actions: trace.link((xx)) (agenda item id, challenge id: one of the two 0), trace.unlink(x) (link id),
 * trace.link-selected (the target chosen in the panel's drop-down). */
#pragma once

#include <adwaita.h>

#include "rk-store.h"

G_BEGIN_DECLS

#define RK_TYPE_SECTION_TRACE (rk_section_trace_get_type ())
G_DECLARE_FINAL_TYPE (RkSectionTrace, rk_section_trace, RK, SECTION_TRACE, AdwBin)

/* The panel for the section @section_uid of the rule document @document_id (found in the newest version that has
 * it). */
GtkWidget *rk_section_trace_new            (RkStore        *store,
                                            gint64          document_id,
                                            const char     *section_uid);
/* Reads the links and the targets offered again (the panel does so itself after its own edits and when shown). */
void       rk_section_trace_reload         (RkSectionTrace *self);
/* The links shown: RkRuleSectionLink (app/rk-store-rules.h), transfer none. */
GPtrArray *rk_section_trace_get_links      (RkSectionTrace *self);
/* How many targets the drop-down offers (those not linked yet). */
guint      rk_section_trace_get_n_targets  (RkSectionTrace *self);
/* Links the section to an agenda item's decision or to a challenge (the other id 0); FALSE with @error. */
gboolean   rk_section_trace_link           (RkSectionTrace *self,
                                            gint64          agenda_item_id,
                                            gint64          challenge_id,
                                            GError        **error);
gboolean   rk_section_trace_unlink         (RkSectionTrace *self,
                                            gint64          link_id,
                                            GError        **error);

G_END_DECLS

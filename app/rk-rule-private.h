/* rk-rule-private.h — for the store module (rk-store-rules.c) only: the rule objects are property bags that only the
 * store writes, after the edit is committed. Strings in the Info structs are copied; NULL reads as "". The setters
 * notify only the properties whose value changed. */
#pragma once

#include "rk-rule.h"

G_BEGIN_DECLS

RkRuleDocument *rk_rule_document_new_for_store (gint64                    id,
                                                int                       position,
                                                const char               *created_at,
                                                const RkRuleDocumentInfo *info);
void            rk_rule_document_set_info      (RkRuleDocument           *self,
                                                const RkRuleDocumentInfo *info);

RkRuleVersion  *rk_rule_version_new_for_store  (gint64                    id,
                                                gint64                    document_id,
                                                gint64                    based_on_id,
                                                gboolean                  frozen,
                                                const char               *created_at,
                                                const RkRuleVersionInfo  *info);
void            rk_rule_version_set_info       (RkRuleVersion            *self,
                                                const RkRuleVersionInfo  *info);
void            rk_rule_version_set_frozen     (RkRuleVersion            *self,
                                                gboolean                  frozen);

RkRuleSection  *rk_rule_section_new_for_store  (gint64                    id,
                                                gint64                    version_id,
                                                const char               *uid,
                                                const RkRuleSectionInfo  *info);
void            rk_rule_section_set_info       (RkRuleSection            *self,
                                                const RkRuleSectionInfo  *info);
/* Where the section sits in the tree, and what that makes its number (see rk_rule_number_label()). */
void            rk_rule_section_set_place      (RkRuleSection            *self,
                                                const char               *parent_uid,
                                                int                       position,
                                                guint                     depth,
                                                const char               *number,
                                                const char               *citation);

G_END_DECLS

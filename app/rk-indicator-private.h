/* rk-indicator-private.h — for the store module (rk-store-indicators.c) only: RkIndicator is a property bag that
 * only the store writes, after the edit is committed. */
#pragma once

#include "rk-indicator.h"

G_BEGIN_DECLS

/* Strings in @info are copied; NULL reads as "". */
RkIndicator      *rk_indicator_new_for_store (gint64                 id,
                                              const RkIndicatorInfo *info,
                                              int                    position);
/* Notifies only the properties whose value changed (and "status" when it changes). */
void              rk_indicator_set_info      (RkIndicator           *self,
                                              const RkIndicatorInfo *info);
/* Takes @values (RkIndicatorValue, free func set), sorts them by period, notifies "n-values" and "status". */
void              rk_indicator_set_values    (RkIndicator           *self,
                                              GPtrArray             *values);

RkIndicatorValue *rk_indicator_value_new     (gint64                 id,
                                              const char            *period,
                                              double                 value,
                                              gboolean               has_parts,
                                              double                 numerator,
                                              double                 denominator,
                                              const char            *note);
void              rk_indicator_value_free    (RkIndicatorValue      *value);

G_END_DECLS

/* rk-indicators-page.h — 効果検証指標: the council's chosen indicators (from the guide's catalog or its own), their
 * definitions, baselines and targets, the measurements per fiscal period, a chart per indicator and a dashboard of
 * all of them, CSV import with a preview of bad rows, links to a rule document and a STEP6 task, and a PDF. */
#pragma once

#include <adwaita.h>

#include "rk-indicator-chart.h"
#include "rk-store-indicators.h"

G_BEGIN_DECLS

#define RK_TYPE_INDICATORS_PAGE (rk_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (RkIndicatorsPage, rk_indicators_page, RK, INDICATORS_PAGE, AdwBin)

/* Actions (x is an indicator id):
 *   "indicators.choose-catalog": a dialog listing the guide's indicators by group, with 考え方 and share (n=88);
 *   "indicators.add-catalog" (s): adds the catalog indicator with that code and shows it;
 *   "indicators.add-own": the editor for a new indicator of the council's own;
 *   "indicators.edit": the editor for the shown indicator;
 *   "indicators.remove": removes the shown indicator, with an undo toast; "indicators.undo-remove" undoes it;
 *   "indicators.show" (x): the indicator's chart, definition, measurements and links; "indicators.show-dashboard";
 *   "indicators.record" ((xssss)): id, period ("2025", "2025H1", "2025Q1", "2025-04"), value, numerator,
 *     denominator (texts as typed; "" for the unused ones), and records it (an existing period is updated);
 *   "indicators.record-entered": records what the "Record a Measurement" rows hold (a period loaded into them with
 *     "indicators.load-value" (s) is corrected; any other period already recorded is refused);
 *   "indicators.remove-value" ((xs)): removes a period's measurement;
 *   "indicators.link-rule" ((xx)) / "indicators.link-task" ((xx)): indicator id, rule document / task id (0: none);
 *   "indicators.import-csv": asks for a CSV file and previews it; "indicators.import-csv-from" (s): previews that
 *     file; the preview dialog lists the bad rows and imports the good ones only when asked (all or nothing);
 *   "indicators.export-pdf": save dialog; "indicators.export-pdf-to" (s): writes the PDF there. */
GtkWidget   *rk_indicators_page_new                 (RkStore          *store);
RkStore     *rk_indicators_page_get_store           (RkIndicatorsPage *self);
/* The indicator shown in the detail view, or NULL while the dashboard (or the empty state) is shown. */
RkIndicator *rk_indicators_page_get_shown_indicator (RkIndicatorsPage *self);
/* The drawing area of the shown indicator's chart; its accessible description is the chart's description. */
GtkWidget   *rk_indicators_page_get_chart           (RkIndicatorsPage *self);
/* The description the shown chart carries as its accessible description (NULL on the dashboard). */
const char  *rk_indicators_page_get_chart_description (RkIndicatorsPage *self);
/* The chart's description (rk_indicator_chart_describe()) for @indicator as the page draws it. */
char        *rk_indicators_page_describe_indicator  (RkIndicatorsPage *self,
                                                     RkIndicator      *indicator);
/* The number of charts on the dashboard. */
guint        rk_indicators_page_get_n_dashboard_charts (RkIndicatorsPage *self);
/* The toast offering to undo the last removal while it is shown, else NULL. */
AdwToast    *rk_indicators_page_get_undo_toast      (RkIndicatorsPage *self);

gboolean     rk_indicators_page_record              (RkIndicatorsPage *self,
                                                     RkIndicator      *indicator,
                                                     const char       *period,
                                                     const char       *value,
                                                     const char       *numerator,
                                                     const char       *denominator,
                                                     GError          **error);
gboolean     rk_indicators_page_export_pdf          (RkIndicatorsPage *self,
                                                     const char       *path,
                                                     GError          **error);

G_END_DECLS

/* rk-indicator-chart.h — one 効果検証指標 as a chart, drawn with cairo and Pango from plain data.
 *
 * The same drawing serves the screen (a GtkDrawingArea), the PDF export and the booklet: the series as a line with
 * dots, the baseline (grey, dashed) and the target (green, dashed) as horizontal lines, the axes with the unit, the
 * period labels under the x axis, a legend, and a status chip (On track / Needs attention). Nothing here knows the
 * store: callers fill an RkIndicatorChartData with labels already written in 和暦 (short form, "令和7年度",
 * "令和7年度上期", "令和7年4月": rk_period_format_short()) and values already computed; the functions at the end
 * (rk-indicator-chart-pages.c) fill it from a council's indicators for the page, the PDF and the booklet. GTK-free. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rk-indicator.h"
#include "rk-pdf.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* Numbered as RkIndicatorStatus (rk-indicator.h), so rk_indicator_info_evaluate()'s answer casts to it. */
typedef enum {
  RK_INDICATOR_CHART_STATUS_NONE            = 0, /* not judged (no measurement, or no target): no chip */
  RK_INDICATOR_CHART_STATUS_ON_TRACK        = 1, /* 順調 */
  RK_INDICATOR_CHART_STATUS_NEEDS_ATTENTION = 2, /* 要注意 */
} RkIndicatorChartStatus;

typedef struct {
  const char *label; /* the period, "令和6年度": rk_period_format_short() */
  double      value;
} RkIndicatorChartPoint;

/* Points are drawn in the order given (oldest first), equally spaced: periods are ordinal, not a time scale. */
typedef struct {
  const char                  *title;          /* "自宅死の割合" */
  const char                  *unit;           /* "%", "分", "件", "施設"; nullable */
  const RkIndicatorChartPoint *points;
  guint                        n_points;
  gboolean                     has_baseline;
  double                       baseline;
  const char                  *baseline_label; /* its period; nullable */
  gboolean                     has_target;
  double                       target;
  const char                   *target_label;  /* its period; nullable */
  gboolean                     higher_is_better;
  RkIndicatorChartStatus       status;
  int                          decimals;       /* digits after the point; -1: 0 when every value is whole, else 1 */
} RkIndicatorChartData;

/* A deep copy (the PDF's drawing closures outlive the caller's strings). */
RkIndicatorChartData *rk_indicator_chart_data_copy (const RkIndicatorChartData *data);
void                  rk_indicator_chart_data_free (RkIndicatorChartData       *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkIndicatorChartData, rk_indicator_chart_data_free)

/* @value with the chart's decimals, thousands separators and unit: "18.2%", "1,234件", "45分". */
char    *rk_indicator_chart_format_value  (const RkIndicatorChartData *data,
                                           double                      value);

/* Draws the chart into the @width × @height area at @cr's origin, on a white background. @context: the PangoContext
 * to lay text out with (the widget's, or rk_pdf_document_get_context()); NULL for a 72 dpi one like the PDF's. */
void     rk_indicator_chart_draw          (const RkIndicatorChartData *data,
                                           cairo_t                    *cr,
                                           double                      width,
                                           double                      height,
                                           PangoContext               *context);
/* Where the plot area (inside the axes) falls for that size, and where point @index is drawn: for pointer hit tests
 * and tooltips. FALSE when @index is out of range. */
void     rk_indicator_chart_get_plot_area (const RkIndicatorChartData *data,
                                           double                      width,
                                           double                      height,
                                           PangoContext               *context,
                                           cairo_rectangle_t          *area);
gboolean rk_indicator_chart_get_point     (const RkIndicatorChartData *data,
                                           double                      width,
                                           double                      height,
                                           PangoContext               *context,
                                           guint                       index,
                                           double                     *x,
                                           double                     *y);

/* The chart in words, the accessible description of its widget:
 * "自宅死の割合の推移: 令和5年度 18.2%, 令和6年度 19.5%; 目標 25.0% (令和9年度); 順調"
 * (with "; 基準値 18.0% (令和4年度)" before the target when there is a baseline, "測定値なし" for no points, no
 * status part when the status is NONE). Source strings are English through gettext. */
char    *rk_indicator_chart_describe      (const RkIndicatorChartData *data);

/* ---- PDF ---------------------------------------------------------------------------------------------------- */

/* A line of the definition table printed above the chart: "定義" → "自宅での死亡数 / 死亡数 × 100". */
typedef struct {
  const char *term;
  const char *value;
} RkIndicatorChartTerm;

typedef struct {
  const RkIndicatorChartData *chart;
  const char                 *heading; /* above the title, e.g. the group "患者数・在宅での看取り"; nullable */
  const RkIndicatorChartTerm *terms;
  guint                       n_terms;
} RkIndicatorChartPage;

/* A4 portrait, one page per indicator: @title (the document's, e.g. "効果検証指標", nullable) in the running head,
 * the indicator's heading and name, its definition table and its chart; pages numbered "- n -". Everything is
 * copied: @pages may be freed afterwards. Export with rk_pdf_document_export(). */
RkPdfDocument *rk_indicator_chart_build_document (const char                 *title,
                                                  const RkIndicatorChartPage *pages,
                                                  guint                       n_pages);

/* ---- From the council file (rk-indicator-chart-pages.c) ------------------------------------------------------ */

/* The chart of @indicator as plain data: its measurements oldest first with their periods in short 和暦 (a period
 * the core cannot read is shown as stored), baseline, target, direction and status. A deep copy: free it with
 * rk_indicator_chart_data_free(). */
RkIndicatorChartData *rk_indicator_chart_data_new_from_indicator (RkIndicator *indicator);

/* A baseline or target as the definition table prints it, "18.0% (令和9年度)" (the value with the chart's decimals
 * and unit, the period in 和暦), or "Not set" (translated) when @has is FALSE. */
char                 *rk_indicator_chart_format_value_at         (RkIndicator *indicator,
                                                                  gboolean     has,
                                                                  double       value,
                                                                  const char  *period);

/* The page of @indicator: its chart, the catalog group as heading (or "The council’s own indicator") and the
 * definition table (定義, 単位, 評価の方向, データの出典, 測定の頻度, 基準値, 目標値). Unlike pages a caller fills in, one
 * made here owns everything it points to (chart, heading, terms and their strings): free it with
 * rk_indicator_chart_page_free(), and only such a page. */
RkIndicatorChartPage *rk_indicator_chart_page_new_from_indicator (RkIndicator          *indicator);
void                  rk_indicator_chart_page_free               (RkIndicatorChartPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkIndicatorChartPage, rk_indicator_chart_page_free)

/* One page for each of the council's indicators (rk_store_get_indicators(), in their order), as
 * rk_indicator_chart_page_new_from_indicator() makes them: a GPtrArray of RkIndicatorChartPage * with the free func
 * set, plain data that may be handed to another thread. Empty when the council has chosen none. */
GPtrArray            *rk_indicator_chart_pages_new_from_store    (RkStore              *store);

G_END_DECLS

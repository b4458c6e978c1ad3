/* rk-gantt.h — the work schedule as a Gantt chart, drawn with cairo and Pango. One drawing code serves the screen
 * (row by row, so the window can show rows in a recycling list), the PDF (A4 landscape), PNG and printing.
 *
 * Geometry: months run left to right from the first month of the first fiscal year any task touches to the last
 * month of the last one (at least one fiscal year); fiscal years (4月–3月) are labelled in 和暦 with the Western
 * year; rows are grouped under STEP1 … STEP6 with the step titles and their progress. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rk-pdf.h"
#include "rk-schedule.h"
#include "rk-task.h"

G_BEGIN_DECLS

typedef enum {
  RK_GANTT_ZOOM_MONTH,   /* one column a month */
  RK_GANTT_ZOOM_QUARTER, /* one column a quarter (4–6月 …), bars still placed by month */
} RkGanttZoom;

typedef enum {
  RK_GANTT_ROW_STEP, /* a group header: STEP n, title, progress */
  RK_GANTT_ROW_TASK,
} RkGanttRowKind;

typedef struct _RkGantt RkGantt;

/* Takes a snapshot of @tasks (a GListModel of RkTask; a task list may have 10,000 entries) and computes the layout.
 * @today: the month the today line marks and overdue is judged against. */
RkGantt       *rk_gantt_new               (GListModel  *tasks,
                                           RkGanttZoom  zoom,
                                           GDate       *today);
void           rk_gantt_free              (RkGantt     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkGantt, rk_gantt_free)

RkMonth        rk_gantt_get_first_month   (RkGantt     *self);
RkMonth        rk_gantt_get_last_month    (RkGantt     *self);
/* Rows: a header for each of the six steps (empty steps too), each followed by its tasks in order. */
guint          rk_gantt_get_n_rows        (RkGantt     *self);
RkGanttRowKind rk_gantt_get_row_kind      (RkGantt     *self,
                                           guint        row);
int            rk_gantt_get_row_step      (RkGantt     *self,
                                           guint        row);
RkTask        *rk_gantt_get_row_task      (RkGantt     *self,   /* NULL for a step row */
                                           guint        row);
/* Widths in points at scale 1: the label column, and the timeline. Row height is fixed. */
double         rk_gantt_get_label_width   (RkGantt     *self);
double         rk_gantt_get_timeline_width(RkGantt     *self);
double         rk_gantt_get_row_height    (RkGantt     *self);
double         rk_gantt_get_header_height (RkGantt     *self);

/* Draw the month/fiscal-year header, and one row, into @cr at the origin, @width wide (the timeline is stretched to
 * fit width − label width when wider than its natural width). @layout_context: the PangoContext to lay text out
 * with (the widget's, or the PDF's); NULL for a default cairo one. */
void           rk_gantt_draw_header       (RkGantt      *self,
                                           cairo_t      *cr,
                                           double        width,
                                           PangoContext *layout_context);
void           rk_gantt_draw_row          (RkGantt      *self,
                                           cairo_t      *cr,
                                           guint         row,
                                           double        width,
                                           PangoContext *layout_context);

/* "3-2 定期研究会の開催, 2025年6月–2026年3月, 進行中" (+ ", マイルストーン", ", 期限超過" when they apply) — the
 * accessible name of the row's bar. For a step row: "STEP3 関係者の組織化…, 完了 2/5 (40%)". */
char          *rk_gantt_describe_row      (RkGantt     *self,
                                           guint        row);

/* The whole chart paginated on A4 landscape (header repeated on every page, rows never split), for PDF export and
 * printing through rk_pdf_document_draw_page(). */
RkPdfDocument *rk_gantt_build_document    (RkGantt     *self,
                                           const char  *title);
/* The whole chart as one PNG at @scale (1.0 = 72 dpi). */
gboolean       rk_gantt_export_png        (RkGantt     *self,
                                           const char  *path,
                                           double       scale,
                                           GError     **error);

G_END_DECLS

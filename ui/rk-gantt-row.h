/* rk-gantt-row.h — one row of the Gantt chart on screen (a step header or a task), or the chart's month header,
 * drawn by rk-gantt.h's own drawing code so the screen shows what the PDF prints. */
#pragma once

#include <gtk/gtk.h>

#include "rk-gantt.h"

G_BEGIN_DECLS

#define RK_TYPE_GANTT_ROW (rk_gantt_row_get_type ())
G_DECLARE_FINAL_TYPE (RkGanttRow, rk_gantt_row, RK, GANTT_ROW, GtkWidget)

/* A row of the list: asks for the chart's natural width, and gets the list's width. @hadjustment (nullable) is the
 * list's horizontal scrolling: scrolled along the timeline, the row keeps its label column in view. */
GtkWidget   *rk_gantt_row_new             (GtkAdjustment *hadjustment);
/* The header above the list: asks for no width (the list beside it sets the page's width) and follows
 * @hadjustment, the list's horizontal scrolling. */
GtkWidget   *rk_gantt_row_new_header      (GtkAdjustment *hadjustment);

/* Shows row @row of @gantt (borrowed: the caller sets another, or NULL, before freeing it), or the header of
 * @gantt for a header. Updates the accessible label and the tooltip from rk_gantt_describe_row(). */
void         rk_gantt_row_set_row         (RkGanttRow    *self,
                                           RkGantt       *gantt,
                                           guint          row);
/* Marks the row as the list's selected one (the chart paints over the list's own highlight). */
void         rk_gantt_row_set_selected    (RkGanttRow    *self,
                                           gboolean       selected);
guint        rk_gantt_row_get_row         (RkGanttRow    *self);
/* The accessible label last given to the row (what a screen reader says), or NULL. */
const char  *rk_gantt_row_get_label       (RkGanttRow    *self);

G_END_DECLS

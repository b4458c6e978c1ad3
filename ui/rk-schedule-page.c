/* rk-schedule-page.c — the 工程表 page.
 *
 * The chart is drawn by rk-gantt (the same code that writes the PDF); the page only lays its rows out in a
 * GtkListView, so a schedule of 10,000 tasks costs no more on screen than the rows that fit the window. The list's
 * model is a GtkStringList used as "n rows": when the tasks change the page builds a new RkGantt (once per burst of
 * changes, from an idle), resizes the list only at its end, and tells the rows on screen to draw the new chart. That
 * keeps the selection, the focus and the scroll position where they were. Every edit is committed by the store at
 * once; a removal offers undo in a toast. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-catalog.h"
#include "rk-era.h"
#include "rk-gantt-row.h"
#include "rk-month-row.h"
#include "rk-schedule-page.h"
#include "rk-store-private.h"
#include "rk-task-editor.h"
#include "rk-window.h"

/* PNG export: sharp on a 4K screen or in a slide, while a cairo image stays under its 32767-pixel limit. */
#define PNG_SCALE     2.0
#define PNG_MAX_PIXELS 32000.0

typedef enum {
  CHOOSE_EXPORT_PDF,
  CHOOSE_EXPORT_PNG,
} ChooserPurpose;

struct _RkSchedulePage
{
  AdwBin                parent_instance;

  RkStore              *store;
  RkGanttZoom           zoom;
  RkGantt              *gantt;
  guint                 rebuild_id;
  GtkStringList        *rows;
  GtkSingleSelection   *selection;
  /* The GtkListItems bound to a row, so a new chart reaches the rows on screen. */
  GPtrArray            *bound_items;
  GtkWidget            *header;


  GtkWidget            *toolbar;
  GtkLabel             *count_label;
  GtkWidget            *task_buttons;
  GtkWidget            *edit_button;
  GtkWidget            *up_button;
  GtkWidget            *down_button;
  GtkWidget            *remove_button;
  GtkStack             *content_stack;
  GtkWidget            *chart_box;
  GtkScrolledWindow    *scrolled_window;
  GtkListView          *list_view;
};

G_DEFINE_FINAL_TYPE (RkSchedulePage, rk_schedule_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
rk_schedule_page_get_window (RkSchedulePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static RkTask *
rk_schedule_page_find_task (RkSchedulePage *self,
                            gint64          id)
{
  GListModel *tasks = rk_store_get_tasks (self->store);

  /* Transfer none: the store's list keeps the task alive. */
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      RkTask *task = g_list_model_get_item (tasks, i);

      g_object_unref (task);
      if (rk_task_get_id (task) == id)
        return task;
    }

  return NULL;
}

static const char *
zoom_to_string (RkGanttZoom zoom)
{
  return zoom == RK_GANTT_ZOOM_QUARTER ? "quarter" : "month";
}

/* ---- The chart ------------------------------------------------------------------------------------------ */

static guint
rk_schedule_page_find_row (RkSchedulePage *self,
                           RkTask         *task)
{
  guint n = rk_gantt_get_n_rows (self->gantt);

  for (guint row = 0; row < n; row++)
    if (rk_gantt_get_row_task (self->gantt, row) == task)
      return row;

  return GTK_INVALID_LIST_POSITION;
}

static void
rk_schedule_page_update_counts (RkSchedulePage *self)
{
  GListModel *tasks = rk_store_get_tasks (self->store);
  guint n = g_list_model_get_n_items (tasks);
  guint n_done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);

      n_done += rk_task_get_status (task) == RK_TASK_DONE;
    }

  /* Translators: above the schedule: how many tasks, and how many of them are done. */
  text = g_strdup_printf (ngettext ("%1$u task · %2$u done", "%1$u tasks · %2$u done", n), n, n_done);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "chart" : "empty");
  /* The empty state offers all there is to do: a toolbar over nothing would only distract. */
  gtk_widget_set_visible (self->toolbar, n > 0);
}

static void
rk_schedule_page_update_task_buttons (RkSchedulePage *self)
{
  RkTask *task = rk_schedule_page_get_selected_task (self);
  GtkWidget *buttons[] = { self->edit_button, self->up_button, self->down_button, self->remove_button };

  /* The buttons act on the selected task: their target follows the selection. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]),
                                              g_variant_new_int64 (task ? rk_task_get_id (task) : 0));
      gtk_widget_set_sensitive (buttons[i], task != NULL);
    }
}

static void
rk_schedule_page_rebuild (RkSchedulePage *self)
{
  g_autoptr(RkGantt) old = g_steal_pointer (&self->gantt);
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint new_n;
  GDate today;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  rk_store_get_today (&today);
  self->gantt = rk_gantt_new (rk_store_get_tasks (self->store), self->zoom, &today);
  new_n = rk_gantt_get_n_rows (self->gantt);

  /* The rows on screen draw the new chart; those beyond its end are unbound just below. */
  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound_items, i);
      guint position = gtk_list_item_get_position (item);

      rk_gantt_row_set_row (RK_GANTT_ROW (gtk_list_item_get_child (item)),
                            position < new_n ? self->gantt : NULL, position);
    }
  rk_gantt_row_set_row (RK_GANTT_ROW (self->header), self->gantt, 0);

  if (new_n > old_n)
    {
      g_autofree const char **blanks = g_new0 (const char *, new_n - old_n + 1);

      for (guint i = 0; i < new_n - old_n; i++)
        blanks[i] = "";
      gtk_string_list_splice (self->rows, old_n, 0, blanks);
    }
  else if (new_n < old_n)
    gtk_string_list_splice (self->rows, new_n, old_n - new_n, NULL);

  rk_schedule_page_update_counts (self);
  rk_schedule_page_update_task_buttons (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  RkSchedulePage *self = user_data;

  self->rebuild_id = 0;
  rk_schedule_page_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
tasks_changed_cb (RkSchedulePage *self)
{
  /* A template adds many tasks, an edit replaces one: build the chart once, after the burst. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

static void
rk_schedule_page_flush (RkSchedulePage *self)
{
  if (self->rebuild_id != 0 || self->gantt == NULL)
    rk_schedule_page_rebuild (self);
}

static void
rk_schedule_page_set_zoom (RkSchedulePage *self,
                           RkGanttZoom     zoom)
{
  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  rk_schedule_page_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* ---- Rows ----------------------------------------------------------------------------------------------- */

static gboolean
unparent_idle_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);

  return G_SOURCE_REMOVE;
}

static void
popover_closed_cb (GtkWidget *popover)
{
  /* Not at once: the menu item that closed it activates its action afterwards, from inside the row. */
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

static void
rk_schedule_page_popup_menu (RkSchedulePage *self,
                             RkGanttRow     *row,
                             double          x,
                             double          y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  guint position = rk_gantt_row_get_row (row);
  RkTask *task;
  GtkWidget *popover;
  gint64 id;

  rk_schedule_page_flush (self);
  if (position >= rk_gantt_get_n_rows (self->gantt)
      || (task = rk_gantt_get_row_task (self->gantt, position)) == NULL)
    return;

  id = rk_task_get_id (task);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  {
    const struct { const char *label; const char *action; } items[] = {
      { N_("_Edit…"), "schedule.edit-task" },
      { N_("Move _Up"), "schedule.move-up" },
      { N_("Move _Down"), "schedule.move-down" },
      { N_("_Remove"), "schedule.remove-task" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

        g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (id));
        g_menu_append_item (edit_section, item);
      }
  }
  for (RkTaskStatus status = RK_TASK_TODO; status <= RK_TASK_CANCELLED; status++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (rk_task_status_to_label (status), NULL);

      g_menu_item_set_action_and_target_value (item, "schedule.set-status", g_variant_new ("(xi)", id, status));
      g_menu_append_item (status_section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  /* Translators: the heading of the statuses in a task's context menu. */
  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (status_section));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (row));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                RkSchedulePage  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  rk_schedule_page_popup_menu (self, RK_GANTT_ROW (row), x, y);
}

static void
row_long_pressed_cb (GtkGestureLongPress *gesture,
                     double               x,
                     double               y,
                     RkSchedulePage      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  rk_schedule_page_popup_menu (self, RK_GANTT_ROW (row), x, y);
}

static void
item_selected_cb (GtkListItem *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (row != NULL)
    rk_gantt_row_set_selected (RK_GANTT_ROW (row), gtk_list_item_get_selected (item));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RkSchedulePage           *self)
{
  GtkWidget *row = rk_gantt_row_new (gtk_scrolled_window_get_hadjustment (self->scrolled_window));
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (row_long_pressed_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (long_press));

  gtk_list_item_set_child (item, row);
  g_signal_connect (item, "notify::selected", G_CALLBACK (item_selected_cb), NULL);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RkSchedulePage           *self)
{
  guint position = gtk_list_item_get_position (item);

  rk_schedule_page_flush (self);
  rk_gantt_row_set_row (RK_GANTT_ROW (gtk_list_item_get_child (item)),
                        position < rk_gantt_get_n_rows (self->gantt) ? self->gantt : NULL, position);
  item_selected_cb (item);
  g_ptr_array_add (self->bound_items, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RkSchedulePage           *self)
{
  rk_gantt_row_set_row (RK_GANTT_ROW (gtk_list_item_get_child (item)), NULL, 0);
  g_ptr_array_remove_fast (self->bound_items, item);
}

static void
list_view_activate_cb (RkSchedulePage *self,
                       guint           position)
{
  RkTask *task;

  rk_schedule_page_flush (self);
  if (position < rk_gantt_get_n_rows (self->gantt) && (task = rk_gantt_get_row_task (self->gantt, position)))
    gtk_widget_activate_action (GTK_WIDGET (self), "schedule.edit-task", "x", rk_task_get_id (task));
}

/* ---- Adding, editing, moving, removing ----------------------------------------------------------------- */

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  g_autofree char *month = NULL;
  RkTaskInfo info = { .step = 1, .status = RK_TASK_TODO };
  guint selected = gtk_single_selection_get_selected (self->selection);
  GDate today;
  GtkWidget *editor;

  rk_schedule_page_flush (self);
  /* A new task most likely belongs with the row the user is at, and starts this month. */
  if (selected < rk_gantt_get_n_rows (self->gantt))
    info.step = rk_gantt_get_row_step (self->gantt, selected);
  rk_store_get_today (&today);
  month = rk_month_to_string (rk_month_from_date (&today));
  info.start_month = info.end_month = month;

  editor = rk_task_editor_new (rk_schedule_page_get_window (self), self->store, NULL, &info);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  RkTask *task = rk_schedule_page_find_task (self, g_variant_get_int64 (param));

  if (task != NULL)
    gtk_window_present (GTK_WINDOW (rk_task_editor_new (rk_schedule_page_get_window (self), self->store, task, NULL)));
}

static void
rk_schedule_page_move (RkSchedulePage *self,
                       gint64          id,
                       int             delta)
{
  g_autoptr(GError) error = NULL;
  RkTask *task = rk_schedule_page_find_task (self, id);

  if (task == NULL)
    return;

  if (!rk_store_move_task (self->store, task, delta, &error))
    {
      if (error != NULL)
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  /* The selection follows the task, so Alt+Down can be pressed again. */
  rk_schedule_page_select_task (self, task);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rk_schedule_page_move (RK_SCHEDULE_PAGE (widget), g_variant_get_int64 (param), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  rk_schedule_page_move (RK_SCHEDULE_PAGE (widget), g_variant_get_int64 (param), +1);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  RkTaskInfo info;
  gint64 id;
  int status;
  RkTask *task;

  g_variant_get (param, "(xi)", &id, &status);
  if ((task = rk_schedule_page_find_task (self, id)) == NULL || status < RK_TASK_TODO || status > RK_TASK_CANCELLED)
    return;

  rk_task_get_info (task, &info);
  info.status = (RkTaskStatus) status;
  if (!rk_store_update_task (self->store, task, &info, &error))
    rk_widget_show_error_toast (widget, error);
}

static gboolean
restore_task (GtkWidget  *widget,
              gpointer    item,
              GError    **error)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);

  if (!rk_store_restore_task (self->store, RK_TASK (item), error))
    return FALSE;

  rk_schedule_page_select_task (self, RK_TASK (item));
  return TRUE;
}

static void
remove_task_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  RkTask *task;

  if ((task = rk_schedule_page_find_task (self, g_variant_get_int64 (param))) == NULL)
    return;
  /* The store's list lets go of it. */
  g_object_ref (task);

  if (!rk_store_remove_task (self->store, task, &error))
    rk_widget_show_error_toast (widget, error);
  else
    {
      escaped = g_markup_escape_text (rk_task_get_title (task), -1);
      /* Translators: a toast after removing a task from the schedule; %s is its title. */
      title = g_strdup_printf (_("“%s” removed"), escaped);
      rk_widget_add_undo_toast (widget, title, G_OBJECT (task), restore_task);
    }

  g_object_unref (task);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_widget_undo (widget);
}

/* Keys on the selected row: Alt+Up, Alt+Down, Delete. */
static gboolean
selected_task_shortcut_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  RkTask *task = rk_schedule_page_get_selected_task (self);

  if (task == NULL)
    return FALSE;

  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), "x", rk_task_get_id (task));
}

/* ---- Templates ------------------------------------------------------------------------------------------ */

gboolean
rk_schedule_page_start_template (RkSchedulePage  *self,
                                 const char      *template_id,
                                 const char      *start_month,
                                 GError         **error)
{
  RkScheduleTemplate *template;
  guint n_before, n_added;
  RkMonth anchor;

  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  template = rk_catalog_lookup_schedule_template (rk_catalog_get_default (), template_id);
  if (template == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no schedule template “%s”."), template_id);
      return FALSE;
    }
  if (start_month == NULL || !rk_month_parse (start_month, &anchor))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the start month as YYYY-MM, for example 2025-04."));
      return FALSE;
    }

  n_before = g_list_model_get_n_items (rk_store_get_tasks (self->store));
  if (!rk_store_add_template_tasks (self->store, template_id, anchor, error))
    return FALSE;
  n_added = g_list_model_get_n_items (rk_store_get_tasks (self->store)) - n_before;

  rk_schedule_page_flush (self);
  /* Translators: a toast after starting the schedule from a template; %2$s is the template's title. */
  rk_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (ngettext ("%1$u task added from “%2$s”", "%1$u tasks added from “%2$s”",
                                                       n_added),
                                             n_added, rk_schedule_template_get_title (template)));
  return TRUE;
}

static void
start_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autoptr(GError) error = NULL;
  const char *id, *month;

  g_variant_get (param, "(&s&s)", &id, &month);
  if (!rk_schedule_page_start_template (RK_SCHEDULE_PAGE (widget), id, month, &error))
    rk_widget_show_error (widget, _("Could Not Add the Template"), error);
}

static void
template_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RkSchedulePage   *self)
{
  RkMonthRow *row = g_object_get_data (G_OBJECT (dialog), "rk-month-row");
  const char *id = g_object_get_data (G_OBJECT (dialog), "rk-template-id");
  g_autofree char *month = NULL;

  if (!g_str_equal (response, "start"))
    return;

  month = rk_month_to_string (rk_month_row_get_month (row));
  gtk_widget_activate_action (GTK_WIDGET (self), "schedule.start-template", "(ss)", id, month);
}

static void
choose_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  RkScheduleTemplate *template = rk_catalog_lookup_schedule_template (rk_catalog_get_default (), id);
  int fiscal_year = rk_council_get_fiscal_year (rk_store_get_council (self->store));
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *list, *row;

  if (template == NULL)
    return;

  /* Translators: %s is the title of a schedule template of the guide. */
  heading = g_strdup_printf (_("Start from “%s”?"), rk_schedule_template_get_title (template));
  dialog = rk_widget_new_confirm_dialog (GTK_WIDGET (self), heading,
                                         _("The plan’s tasks are added to the schedule, counted from the month it starts. "
                                           "Change any of them afterwards."),
                                         "start", _("_Add Tasks"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = rk_month_row_new (_("Starts In"));
  /* The council's first 年度 opens in April: where the guide's plans begin. */
  if (fiscal_year <= 0)
    {
      GDate today;

      rk_store_get_today (&today);
      fiscal_year = rk_month_get_fiscal_year (rk_month_from_date (&today));
    }
  rk_month_row_set_month (RK_MONTH_ROW (row), rk_month_fiscal_start (fiscal_year));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "rk-month-row", row);
  g_object_set_data_full (G_OBJECT (dialog), "rk-template-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_response_cb), self, 0);
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Export and print ----------------------------------------------------------------------------------- */

static char *
rk_schedule_page_get_title (RkSchedulePage *self)
{
  /* Translators: the title of the exported schedule; %s is the council's name. */
  return g_strdup_printf (_("%s Work Schedule"), rk_council_get_name (rk_store_get_council (self->store)));
}

static void
rk_schedule_page_toast_saved (RkSchedulePage *self,
                              const char     *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *escaped = g_markup_escape_text (basename, -1);

  /* Translators: a toast after an export; %s is a file name. */
  rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), escaped));
}

gboolean
rk_schedule_page_export_pdf (RkSchedulePage  *self,
                             const char      *path,
                             GError         **error)
{
  g_autoptr(RkPdfDocument) document = NULL;
  g_autofree char *title = NULL;
  RkPdfMetadata metadata = { 0, };

  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  title = rk_schedule_page_get_title (self);
  document = rk_gantt_build_document (rk_schedule_page_get_gantt (self), title);
  metadata.title = title;
  metadata.author = rk_council_get_name (rk_store_get_council (self->store));
  metadata.subject = _("Work schedule (STEP1–6)");
  if (!rk_pdf_document_export (document, path, &metadata, NULL, NULL, NULL, error))
    return FALSE;

  rk_schedule_page_toast_saved (self, path);
  return TRUE;
}

gboolean
rk_schedule_page_export_png (RkSchedulePage  *self,
                             const char      *path,
                             GError         **error)
{
  RkGantt *gantt;
  double width, height, scale;

  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gantt = rk_schedule_page_get_gantt (self);
  width = rk_gantt_get_label_width (gantt) + rk_gantt_get_timeline_width (gantt);
  height = rk_gantt_get_header_height (gantt) + rk_gantt_get_n_rows (gantt) * rk_gantt_get_row_height (gantt);
  /* A very long schedule is written smaller rather than not at all. */
  scale = MIN (PNG_SCALE, PNG_MAX_PIXELS / MAX (width, height));
  if (!rk_gantt_export_png (gantt, path, scale, error))
    return FALSE;

  rk_schedule_page_toast_saved (self, path);
  return TRUE;
}

static void
export_pdf_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_schedule_page_export_pdf (RK_SCHEDULE_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Export the Schedule"), error);
}

static void
export_png_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_schedule_page_export_png (RK_SCHEDULE_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Export the Schedule"), error);
}

static void
chosen_path_cb (GtkWidget  *widget,
                const char *path,
                gpointer    data)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (GPOINTER_TO_INT (data) == CHOOSE_EXPORT_PDF)
    ok = rk_schedule_page_export_pdf (self, path, &error);
  else
    ok = rk_schedule_page_export_png (self, path, &error);
  if (!ok)
    rk_widget_show_error (widget, _("Could Not Export the Schedule"), error);
}

static void
rk_schedule_page_choose_file (RkSchedulePage *self,
                              ChooserPurpose  purpose)
{
  g_autofree char *title = rk_schedule_page_get_title (self);
  g_autofree char *name = NULL;
  gboolean pdf = purpose == CHOOSE_EXPORT_PDF;

  g_strdelimit (title, G_DIR_SEPARATOR_S, '-');
  name = g_strconcat (title, pdf ? ".pdf" : ".png", NULL);

  rk_widget_choose_path (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                         pdf ? _("Export Schedule PDF") : _("Export Schedule as Image"), name,
                         pdf ? _("PDF Documents") : _("PNG Images"), pdf ? "application/pdf" : "image/png",
                         pdf ? "pdf" : "png", chosen_path_cb, GINT_TO_POINTER (purpose));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  rk_schedule_page_choose_file (RK_SCHEDULE_PAGE (widget), CHOOSE_EXPORT_PDF);
}

static void
export_png_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  rk_schedule_page_choose_file (RK_SCHEDULE_PAGE (widget), CHOOSE_EXPORT_PNG);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (widget);
  g_autofree char *title = rk_schedule_page_get_title (self);
  g_autoptr(RkPdfDocument) document = rk_gantt_build_document (rk_schedule_page_get_gantt (self), title);
  g_autoptr(GError) error = NULL;

  if (!rk_widget_print_document (widget, document, title, GTK_PAGE_ORIENTATION_LANDSCAPE, &error))
    rk_widget_show_error (GTK_WIDGET (self), _("Could Not Print the Schedule"), error);
}

/* ---- Public API ----------------------------------------------------------------------------------------- */

RkStore *
rk_schedule_page_get_store (RkSchedulePage *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), NULL);

  return self->store;
}

RkGantt *
rk_schedule_page_get_gantt (RkSchedulePage *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), NULL);

  rk_schedule_page_flush (self);
  return self->gantt;
}

GListModel *
rk_schedule_page_get_rows (RkSchedulePage *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), NULL);

  rk_schedule_page_flush (self);
  return G_LIST_MODEL (self->rows);
}

GtkWidget *
rk_schedule_page_get_row_widget (RkSchedulePage *self,
                                 guint           row)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), NULL);

  rk_schedule_page_flush (self);
  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound_items, i);

      if (gtk_list_item_get_position (item) == row)
        return gtk_list_item_get_child (item);
    }

  return NULL;
}

RkTask *
rk_schedule_page_get_selected_task (RkSchedulePage *self)
{
  guint selected;

  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), NULL);

  selected = gtk_single_selection_get_selected (self->selection);
  if (self->gantt == NULL || selected >= rk_gantt_get_n_rows (self->gantt))
    return NULL;

  return rk_gantt_get_row_task (self->gantt, selected);
}

void
rk_schedule_page_select_task (RkSchedulePage *self,
                              RkTask         *task)
{
  guint row;

  g_return_if_fail (RK_IS_SCHEDULE_PAGE (self));
  g_return_if_fail (RK_IS_TASK (task));

  rk_schedule_page_flush (self);
  if ((row = rk_schedule_page_find_row (self, task)) == GTK_INVALID_LIST_POSITION)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), row, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", row);
  rk_schedule_page_update_task_buttons (self);

  /* The keyboard focus follows too, so the arrow keys go on from the task just moved. */
  if (gtk_widget_get_state_flags (GTK_WIDGET (self->list_view)) & GTK_STATE_FLAG_FOCUS_WITHIN)
    {
      GtkWidget *widget = rk_schedule_page_get_row_widget (self, row);

      if (widget != NULL)
        gtk_widget_grab_focus (gtk_widget_get_parent (widget));
    }
}

AdwToast *
rk_schedule_page_get_undo_toast (RkSchedulePage *self)
{
  g_return_val_if_fail (RK_IS_SCHEDULE_PAGE (self), NULL);

  return rk_widget_get_undo_toast (GTK_WIDGET (self));
}

/* ---- Construction --------------------------------------------------------------------------------------- */

static void
rk_schedule_page_constructed (GObject *object)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (object);
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (rk_schedule_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  self->header = rk_gantt_row_new_header (gtk_scrolled_window_get_hadjustment (self->scrolled_window));
  gtk_box_prepend (GTK_BOX (self->chart_box), self->header);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->rows = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (rk_schedule_page_update_task_buttons),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (rk_store_get_tasks (self->store), "items-changed", G_CALLBACK (tasks_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rk_schedule_page_rebuild (self);
}

static void
rk_schedule_page_dispose (GObject *object)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (object);

  rk_widget_forget_undo (GTK_WIDGET (self));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->header != NULL)
    rk_gantt_row_set_row (RK_GANTT_ROW (self->header), NULL, 0);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (rk_schedule_page_parent_class)->dispose (object);
}

static void
rk_schedule_page_finalize (GObject *object)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (object);

  g_clear_pointer (&self->gantt, rk_gantt_free);
  g_clear_pointer (&self->bound_items, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_schedule_page_parent_class)->finalize (object);
}

static void
rk_schedule_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ZOOM:
      g_value_set_string (value, zoom_to_string (self->zoom));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_schedule_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RkSchedulePage *self = RK_SCHEDULE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ZOOM:
      rk_schedule_page_set_zoom (self, g_strcmp0 (g_value_get_string (value), "quarter") == 0
                                       ? RK_GANTT_ZOOM_QUARTER : RK_GANTT_ZOOM_MONTH);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_schedule_page_class_init (RkSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key; GdkModifierType mods; const char *action; } task_keys[] = {
    { GDK_KEY_Up, GDK_ALT_MASK, "schedule.move-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "schedule.move-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "schedule.move-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "schedule.move-down" },
    { GDK_KEY_Delete, 0, "schedule.remove-task" },
    { GDK_KEY_KP_Delete, 0, "schedule.remove-task" },
  };

  object_class->constructed = rk_schedule_page_constructed;
  object_class->dispose = rk_schedule_page_dispose;
  object_class->finalize = rk_schedule_page_finalize;
  object_class->get_property = rk_schedule_page_get_property;
  object_class->set_property = rk_schedule_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "month" or "quarter"; a string so that "schedule.zoom" can be a property action the toggle buttons show. */
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "month",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, task_buttons);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, up_button);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, down_button);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RkSchedulePage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "schedule.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "schedule.edit-task", "x", edit_task_action);
  gtk_widget_class_install_action (widget_class, "schedule.remove-task", "x", remove_task_action);
  gtk_widget_class_install_action (widget_class, "schedule.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "schedule.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "schedule.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "schedule.set-status", "(xi)", set_status_action);
  gtk_widget_class_install_action (widget_class, "schedule.choose-template", "s", choose_template_action);
  gtk_widget_class_install_action (widget_class, "schedule.start-template", "(ss)", start_template_action);
  gtk_widget_class_install_property_action (widget_class, "schedule.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "schedule.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "schedule.export-pdf-to", "s", export_pdf_to_action);
  gtk_widget_class_install_action (widget_class, "schedule.export-png", NULL, export_png_action);
  gtk_widget_class_install_action (widget_class, "schedule.export-png-to", "s", export_png_to_action);
  gtk_widget_class_install_action (widget_class, "schedule.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "schedule.add-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "schedule.add-task", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (task_keys); i++)
    gtk_widget_class_add_binding (widget_class, task_keys[i].key, task_keys[i].mods, selected_task_shortcut_cb,
                                  "s", task_keys[i].action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "schedule.zoom", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "schedule.zoom", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "schedule.zoom", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "schedule.zoom", "s",
                                       "quarter");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "schedule.zoom", "s",
                                       "quarter");
}

static void
rk_schedule_page_init (RkSchedulePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  self->bound_items = g_ptr_array_new ();
  self->zoom = RK_GANTT_ZOOM_MONTH;
}

GtkWidget *
rk_schedule_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_SCHEDULE_PAGE, "store", store, NULL);
}

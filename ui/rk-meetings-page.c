/* rk-meetings-page.c — the 会議・議事録 page.
 *
 * Three views in an AdwViewStack: the meetings (a list beside the meeting shown, in an AdwLeaflet that folds on a
 * narrow window), the action-item tracker and the challenges. The meeting shown is built from the store's models:
 * its agenda rows and minutes editors follow the agenda list (rebuilt once per burst of changes, from an idle), its
 * attendance rows are edited in place. Every edit is committed by the store at once; the minutes are saved as the
 * user types (rk-minutes-editor.c), and flushed when the page is hidden or its window closes. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-action-tracker.h"
#include "rk-challenges-view.h"
#include "rk-era.h"
#include "rk-handout-list.h"
#include "rk-handout.h"
#include "rk-ics.h"
#include "rk-meeting-editor.h"
#include "rk-meeting-pdf.h"
#include "rk-meetings-page.h"
#include "rk-minutes-editor.h"
#include "rk-store-members.h"
#include "rk-store-private.h"
#include "rk-store-tasks.h"
#include "rk-window.h"

typedef enum {
  CHOOSE_NOTICE,
  CHOOSE_MINUTES,
  CHOOSE_ICS_ALL,
  CHOOSE_ICS_MEETING,
} ChooserPurpose;

/* One attendee's widgets, so an attendance edit updates its row in place (the focus stays where it is). */
typedef struct {
  gint64       member_id;
  char        *name;
  char        *alternate;
  GtkWidget   *dropdown;
  GtkWidget   *proxy_row;
} AttendeeRow;

struct _RkMeetingsPage
{
  AdwBin                parent_instance;

  RkStore              *store;
  RkMeeting            *meeting;
  GListModel           *agenda;
  GArray               *body_ids;
  GtkFilterListModel   *filtered;
  gint64                filter_body_id;
  guint                 rebuild_id;
  guint                 actions_id;
  guint                 reselect_id;
  guint                 refresh_id;
  /* Frame callbacks that scroll the detail: to the top for another meeting, or to an agenda item's minutes. */
  guint                 scroll_top_tick;
  guint                 scroll_editor_tick;
  gboolean              scroll_top_on_map;
  gint64                focus_item_id;
  gboolean              syncing;
  GHashTable           *attendees;  /* member id → AttendeeRow */
  char                 *attendance_text;
  GtkWidget            *handout_list;
  GtkWindow            *window;
  gulong                close_handler;


  AdwViewStack         *view_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkWidget            *back_bar;
  GtkDropDown          *body_dropdown;
  GtkStack             *list_stack;
  GtkListBox           *meetings_list;
  GtkStack             *detail_stack;
  GtkScrolledWindow    *detail_scroll;
  GtkWidget            *edit_button;
  GtkLabel             *title_label;
  GtkLabel             *when_label;
  GtkLabel             *where_label;
  GtkLabel             *task_label;
  GtkListBox           *agenda_list;
  GtkLabel             *attendance_label;
  GtkWidget            *attendance_empty;
  GtkListBox           *attendance_list;
  GtkBox               *minutes_box;
  AdwPreferencesGroup  *handouts_group;
  AdwBin               *actions_bin;
  AdwBin               *challenges_bin;
};

G_DEFINE_FINAL_TYPE (RkMeetingsPage, rk_meetings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rk_meetings_page_show_detail (RkMeetingsPage *self);
static void meeting_notify_cb            (RkMeetingsPage *self);

static void
attendee_row_free (gpointer data)
{
  AttendeeRow *row = data;

  g_free (row->name);
  g_free (row->alternate);
  g_free (row);
}

static GtkWindow *
rk_meetings_page_get_window (RkMeetingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static RkBody *
rk_meetings_page_find_body (RkMeetingsPage *self,
                            gint64          id)
{
  GListModel *bodies = rk_store_get_bodies (self->store);

  /* Transfer none: the store's list keeps the body alive. */
  for (guint i = 0; i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      if (rk_body_get_id (body) == id)
        return body;
    }

  return NULL;
}

static RkMember *
rk_meetings_page_find_member (RkMeetingsPage *self,
                              gint64          id)
{
  GListModel *members = rk_store_get_members (self->store);

  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);

      if (rk_member_get_id (member) == id)
        return member;
    }

  return NULL;
}

static RkAgendaItem *
rk_meetings_page_find_agenda_item (RkMeetingsPage *self,
                                   gint64          id)
{
  for (guint i = 0; self->agenda != NULL && i < g_list_model_get_n_items (self->agenda); i++)
    {
      g_autoptr(RkAgendaItem) item = g_list_model_get_item (self->agenda, i);

      if (rk_agenda_item_get_id (item) == id)
        return item;
    }

  return NULL;
}

static RkActionItem *
rk_meetings_page_find_action (RkMeetingsPage *self,
                              gint64          id)
{
  GListModel *actions = rk_store_get_action_items (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RkActionItem) action = g_list_model_get_item (actions, i);

      if (rk_action_item_get_id (action) == id)
        return action;
    }

  return NULL;
}

/* "第3回 在宅医療・救急医療連携推進協議会" or "第3回 <title>". */
static char *
rk_meetings_page_dup_meeting_name (RkMeetingsPage *self,
                                   RkMeeting      *meeting,
                                   gboolean        with_body)
{
  g_autofree char *number = rk_meeting_dup_number_label (meeting);
  const char *title = rk_meeting_get_title (meeting);
  RkBody *body = rk_meetings_page_find_body (self, rk_meeting_get_body_id (meeting));
  const char *body_name = body ? rk_body_get_name (body) : "";

  if (title != NULL && *title != '\0' && with_body)
    /* Translators: a meeting: its number (第n回), its body, then its own title. */
    return g_strdup_printf (_("%1$s %2$s: %3$s"), number, body_name, title);
  if (title != NULL && *title != '\0')
    /* Translators: a meeting: its number (第n回), then its title. */
    return g_strdup_printf (C_("meeting name", "%1$s %2$s"), number, title);

  return g_strdup_printf (C_("meeting name", "%1$s %2$s"), number, body_name);
}

/* The times are entered in Japan time and printed in it (rk_meeting_format_when), whatever this computer's zone. */
static GTimeZone *
rk_meetings_page_tokyo (void)
{
  static GTimeZone *tokyo;

  if (g_once_init_enter (&tokyo))
    {
      GTimeZone *tz = g_time_zone_new_identifier (RK_ICS_TZID);

      g_once_init_leave (&tokyo, tz ? tz : g_time_zone_new_offset (9 * 3600));
    }

  return tokyo;
}

static GDateTime *
parse_date_time (const char *text)
{
  GDate date;
  int minutes;

  if (text == NULL || *text == '\0' || !rk_meeting_parse_date_time (text, &date, &minutes))
    return NULL;

  return g_date_time_new (rk_meetings_page_tokyo (), g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), minutes / 60, minutes % 60, 0);
}

/* "令和7年(2025年)6月10日(火) 14:00〜16:00". */
static char *
rk_meetings_page_dup_when (RkMeeting *meeting)
{
  g_autoptr(GDateTime) start = parse_date_time (rk_meeting_get_starts_at (meeting));
  g_autoptr(GDateTime) end = parse_date_time (rk_meeting_get_ends_at (meeting));

  if (start == NULL)
    return g_strdup (rk_meeting_get_starts_at (meeting));

  return rk_meeting_format_when (start, end);
}

static char *
rk_meetings_page_dup_where (RkMeeting *meeting)
{
  const char *place = rk_meeting_get_place (meeting);
  gboolean has_place = place != NULL && *place != '\0';

  if (has_place && rk_meeting_get_online (meeting))
    /* Translators: where a meeting is held: a place, and online too. */
    return g_strdup_printf (_("%s and online"), place);
  if (has_place)
    return g_strdup (place);
  if (rk_meeting_get_online (meeting))
    return g_strdup (_("Online"));

  return g_strdup (_("Place not decided"));
}

/* ---- The list of meetings ----------------------------------------------------------------------------- */

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  RkMeetingsPage *self = user_data;
  RkMeeting *meeting = item;
  g_autofree char *name = rk_meetings_page_dup_meeting_name (self, meeting, FALSE);
  g_autofree char *when = NULL;
  g_autofree char *where = rk_meetings_page_dup_where (meeting);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  RkBody *body = rk_meetings_page_find_body (self, rk_meeting_get_body_id (meeting));
  GtkWidget *row, *box, *top, *title, *status, *line;
  GDate date;
  RkMeetingStatus meeting_status = rk_meeting_get_status (meeting);

  {
    g_autofree char *day = rk_meeting_dup_date (meeting);

    if (rk_era_parse_iso_date (day, &date))
      when = rk_meeting_format_date (&date);
    else
      when = g_strdup (day);
  }

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  title = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);

  status = gtk_label_new (rk_meeting_status_to_label (meeting_status));
  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_widget_add_css_class (status, "caption");
  if (meeting_status == RK_MEETING_CANCELLED)
    gtk_widget_add_css_class (status, "error");
  else if (meeting_status == RK_MEETING_HELD)
    gtk_widget_add_css_class (status, "success");
  else
    gtk_widget_add_css_class (status, "accent");
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);

  if (self->filter_body_id == 0 && body != NULL)
    {
      line = gtk_label_new (rk_body_get_name (body));
      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_ellipsize (GTK_LABEL (line), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (line, "caption");
      gtk_box_append (GTK_BOX (box), line);
    }

  /* Translators: under a meeting in the list: its day (和暦, with the weekday), then where it is held. */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), when ? when : "", where);
  line = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_add_css_class (line, "dim-label");
  gtk_box_append (GTK_BOX (box), line);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "rk-meeting", g_object_ref (meeting), g_object_unref);

  /* Translators: what a screen reader says for a meeting in the list: name, body, day, place, status. */
  accessible = g_strdup_printf (_("%1$s, %2$s, %3$s, %4$s, %5$s"), name, body ? rk_body_get_name (body) : "",
                                when ? when : "", where, rk_meeting_status_to_label (meeting_status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static GtkListBoxRow *
rk_meetings_page_find_meeting_row (RkMeetingsPage *self,
                                   RkMeeting      *meeting)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "rk-meeting") == (gpointer) meeting)
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

static void
rk_meetings_page_sync_selection (RkMeetingsPage *self)
{
  GtkListBoxRow *row = self->meeting ? rk_meetings_page_find_meeting_row (self, self->meeting) : NULL;

  self->syncing = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->meetings_list, row);
  else
    gtk_list_box_unselect_all (self->meetings_list);
  self->syncing = FALSE;
}

static void
rk_meetings_page_cancel_scrolls (RkMeetingsPage *self)
{
  if (self->scroll_top_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_top_tick);
  if (self->scroll_editor_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_editor_tick);
  self->scroll_top_tick = 0;
  self->scroll_editor_tick = 0;
  self->scroll_top_on_map = FALSE;
}

static gboolean
scroll_top_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);

  self->scroll_top_tick = 0;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
  return G_SOURCE_REMOVE;
}

static void
detail_scroll_map_cb (RkMeetingsPage *self)
{
  if (!self->scroll_top_on_map)
    return;

  self->scroll_top_on_map = FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
  if (self->scroll_top_tick == 0)
    self->scroll_top_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_top_cb, NULL, NULL);
}

/* Another meeting is read from its top. Setting the adjustment at once is not enough: the old detail may have held
 * the focus, and the viewport scrolls to wherever GTK moves it when that widget goes; and a detail not on screen
 * (the folded leaflet showing the list) is laid out only when it comes back. So the top is set again on the next
 * frame, or when the detail is mapped. */
static void
rk_meetings_page_scroll_to_top (RkMeetingsPage *self)
{
  rk_meetings_page_cancel_scrolls (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->detail_scroll)))
    self->scroll_top_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_top_cb, NULL, NULL);
  else
    self->scroll_top_on_map = TRUE;
}

static void
rk_meetings_page_set_meeting (RkMeetingsPage *self,
                              RkMeeting      *meeting)
{
  GtkRoot *root;
  GtkWidget *focus;
  gboolean focus_in_detail;

  if (self->meeting == meeting)
    {
      rk_meetings_page_sync_selection (self);
      return;
    }

  /* The minutes typed into the meeting shown are written before it goes. */
  rk_meetings_page_flush (self);

  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  if (self->agenda != NULL)
    g_signal_handlers_disconnect_by_data (self->agenda, self);
  g_set_object (&self->meeting, meeting);
  self->agenda = NULL;

  if (meeting != NULL)
    {
      self->agenda = rk_store_get_agenda (self->store, meeting);
      g_signal_connect_object (meeting, "notify", G_CALLBACK (meeting_notify_cb), self, G_CONNECT_SWAPPED);
    }

  rk_meetings_page_sync_selection (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  focus_in_detail = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->detail_scroll));
  rk_meetings_page_show_detail (self);
  /* The focus was in the old meeting's detail (its minutes, say), and is gone with it: GTK would hand it on later to
   * whatever takes its place, and the viewport would scroll there. Start at the top of the new one instead. */
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus_in_detail && (focus == NULL || gtk_widget_get_root (focus) == NULL
                          || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->detail_scroll))))
    gtk_widget_grab_focus (self->edit_button);
  rk_meetings_page_scroll_to_top (self);
}

static void
meeting_row_selected_cb (RkMeetingsPage *self,
                         GtkListBoxRow  *row)
{
  if (self->syncing || row == NULL)
    return;

  rk_meetings_page_set_meeting (self, g_object_get_data (G_OBJECT (row), "rk-meeting"));
}

static void
meeting_row_activated_cb (RkMeetingsPage *self,
                          GtkListBoxRow  *row)
{
  rk_meetings_page_set_meeting (self, g_object_get_data (G_OBJECT (row), "rk-meeting"));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static gboolean
meeting_in_model (GListModel *model,
                  RkMeeting  *meeting)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RkMeeting) item = g_list_model_get_item (model, i);

      if (item == meeting)
        return TRUE;
    }

  return FALSE;
}

/* The meeting to show when none is chosen: the next one to be held, else the latest. */
static RkMeeting *
rk_meetings_page_pick_meeting (RkMeetingsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);
  GDate today;
  char today_text[16];

  if (n == 0)
    return NULL;

  rk_store_get_today (&today);
  g_snprintf (today_text, sizeof today_text, "%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
              g_date_get_day (&today));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (model, i);

      if (g_strcmp0 (rk_meeting_get_starts_at (meeting), today_text) >= 0)
        return meeting;
    }

  {
    g_autoptr(RkMeeting) last = g_list_model_get_item (model, n - 1);

    return last;
  }
}

static gboolean
reselect_idle_cb (gpointer data)
{
  RkMeetingsPage *self = data;
  GListModel *model = G_LIST_MODEL (self->filtered);

  self->reselect_id = 0;
  gtk_stack_set_visible_child_name (self->list_stack, g_list_model_get_n_items (model) > 0 ? "list" : "empty");

  if (self->meeting != NULL && meeting_in_model (model, self->meeting))
    rk_meetings_page_sync_selection (self);
  else
    rk_meetings_page_set_meeting (self, rk_meetings_page_pick_meeting (self));

  return G_SOURCE_REMOVE;
}

static void
meetings_changed_cb (RkMeetingsPage *self)
{
  /* A changed meeting is a new row: select it again once the list has settled. */
  if (self->reselect_id == 0)
    self->reselect_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reselect_idle_cb, self, NULL);
}

static gboolean
body_filter_func (gpointer item,
                  gpointer user_data)
{
  RkMeetingsPage *self = user_data;

  return self->filter_body_id == 0 || rk_meeting_get_body_id (item) == self->filter_body_id;
}

static void
rk_meetings_page_set_filter_body (RkMeetingsPage *self,
                                  gint64          body_id)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  self->filter_body_id = body_id;
  for (guint i = 0; i < self->body_ids->len; i++)
    if (g_array_index (self->body_ids, gint64, i) == body_id
        && gtk_drop_down_get_selected (self->body_dropdown) != i)
      gtk_drop_down_set_selected (self->body_dropdown, i);

  /* The rows show the body only when all bodies are listed: make them again. */
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->filtered), create_meeting_row, self, NULL);
  reselect_idle_cb (self);
}

static void
body_selected_cb (RkMeetingsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->body_dropdown);
  gint64 id = selected < self->body_ids->len ? g_array_index (self->body_ids, gint64, selected) : 0;

  if (id != self->filter_body_id)
    rk_meetings_page_set_filter_body (self, id);
}

static void
rk_meetings_page_fill_bodies (RkMeetingsPage *self)
{
  GListModel *bodies = rk_store_get_bodies (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;
  guint selected = 0;

  g_array_set_size (self->body_ids, 0);
  g_array_append_val (self->body_ids, all);
  gtk_string_list_append (names, _("All Bodies"));
  for (guint i = 0; i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);
      gint64 id = rk_body_get_id (body);

      if (id == self->filter_body_id)
        selected = self->body_ids->len;
      g_array_append_val (self->body_ids, id);
      gtk_string_list_append (names, rk_body_get_name (body));
    }

  g_signal_handlers_block_by_func (self->body_dropdown, body_selected_cb, self);
  gtk_drop_down_set_model (self->body_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->body_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->body_dropdown, body_selected_cb, self);
  if (selected == 0 && self->filter_body_id != 0)
    rk_meetings_page_set_filter_body (self, 0);
}

/* ---- The meeting shown: header ----------------------------------------------------------------------- */

static void
rk_meetings_page_update_header (RkMeetingsPage *self)
{
  g_autofree char *name = rk_meetings_page_dup_meeting_name (self, self->meeting, TRUE);
  g_autofree char *when = rk_meetings_page_dup_when (self->meeting);
  g_autofree char *where = rk_meetings_page_dup_where (self->meeting);
  g_autofree char *when_line = NULL;
  g_autofree char *task_line = NULL;
  gint64 task_id = rk_meeting_get_task_id (self->meeting);

  gtk_label_set_text (self->title_label, name);
  /* Translators: under the meeting's name: its day and time, then its status (予定 / 開催済 / 中止). */
  when_line = g_strdup_printf (_("%1$s · %2$s"), when ? when : "", rk_meeting_status_to_label (
                                 rk_meeting_get_status (self->meeting)));
  gtk_label_set_text (self->when_label, when_line);
  gtk_label_set_text (self->where_label, where);

  if (task_id != 0)
    {
      GListModel *tasks = rk_store_get_tasks (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (tasks) && task_line == NULL; i++)
        {
          g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);

          if (rk_task_get_id (task) == task_id)
            /* Translators: the schedule task (工程表) a meeting serves: its code, then its title. */
            task_line = g_strdup_printf (_("Serves %1$s %2$s"), rk_task_get_code (task), rk_task_get_title (task));
        }
    }
  gtk_label_set_text (self->task_label, task_line ? task_line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->task_label), task_line != NULL);
}

/* ---- The meeting shown: agenda and minutes ----------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static GtkWidget *
rk_meetings_page_create_agenda_row (RkMeetingsPage *self,
                                    RkAgendaItem   *item,
                                    guint           index,
                                    guint           n)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;
  GString *subtitle = g_string_new (NULL);
  RkMember *presenter = rk_meetings_page_find_member (self, rk_agenda_item_get_presenter_member_id (item));
  int minutes = rk_agenda_item_get_minutes_allotted (item);
  gint64 id = rk_agenda_item_get_id (item);
  GtkWidget *button;

  /* Translators: an agenda item: its number in the agenda, then its title. */
  title = g_strdup_printf (_("%1$u. %2$s"), index + 1, rk_agenda_item_get_title (item));
  if (presenter != NULL)
    g_string_append (subtitle, rk_member_get_name (presenter));
  if (minutes > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: the time allotted to an agenda item. */
      g_string_append_printf (subtitle, ngettext ("%d minute", "%d minutes", minutes), minutes);
    }
  if (rk_agenda_item_get_carried_action_id (item) != 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("Carried over from an earlier meeting"));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meetings.edit-agenda-item");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  g_object_set_data_full (G_OBJECT (row), "rk-item-id", g_memdup2 (&id, sizeof id), g_free);

  button = icon_button ("go-up-symbolic", _("Move Up (Alt+Up)"), "meetings.move-agenda-item-up", id);
  gtk_widget_set_sensitive (button, index > 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = icon_button ("go-down-symbolic", _("Move Down (Alt+Down)"), "meetings.move-agenda-item-down", id);
  gtk_widget_set_sensitive (button, index + 1 < n);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* Translators: tooltip of an agenda item's remove button. */
  tooltip = g_strdup_printf (_("Remove “%s” (Delete)"), rk_agenda_item_get_title (item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("user-trash-symbolic", tooltip,
                                                                "meetings.remove-agenda-item", id));

  return row;
}

static void
rk_meetings_page_update_actions (RkMeetingsPage *self)
{
  g_autoptr(GPtrArray) actions = NULL;

  g_clear_handle_id (&self->actions_id, g_source_remove);
  if (self->meeting == NULL)
    return;

  actions = rk_store_list_action_items (self->store, RK_ACTION_FILTER_ALL, self->meeting);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->minutes_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      gint64 item_id;

      if (!RK_IS_MINUTES_EDITOR (child))
        continue;
      item_id = rk_agenda_item_get_id (rk_minutes_editor_get_item (RK_MINUTES_EDITOR (child)));
      for (guint i = 0; actions != NULL && i < actions->len; i++)
        if (rk_action_item_get_agenda_item_id (g_ptr_array_index (actions, i)) == item_id)
          g_ptr_array_add (mine, g_ptr_array_index (actions, i));
      rk_minutes_editor_set_actions (RK_MINUTES_EDITOR (child), mine);
    }
}

static gboolean
actions_idle_cb (gpointer data)
{
  RkMeetingsPage *self = data;

  self->actions_id = 0;
  rk_meetings_page_update_actions (self);

  return G_SOURCE_REMOVE;
}

static void
actions_changed_cb (RkMeetingsPage *self)
{
  if (self->actions_id == 0)
    self->actions_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, actions_idle_cb, self, NULL);
}

static void
rk_meetings_page_rebuild_agenda (RkMeetingsPage *self)
{
  GtkWidget *child;
  guint n = self->agenda ? g_list_model_get_n_items (self->agenda) : 0;
  GtkWidget *focus_row = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))))
    gtk_list_box_remove (self->agenda_list, child);
  /* Removing an editor writes what it waits to save (its dispose). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->minutes_box))))
    gtk_box_remove (self->minutes_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkAgendaItem) item = g_list_model_get_item (self->agenda, i);
      GtkWidget *row = rk_meetings_page_create_agenda_row (self, item, i, n);

      gtk_list_box_append (self->agenda_list, row);
      gtk_box_append (self->minutes_box, rk_minutes_editor_new (self->store, item, i + 1));
      if (rk_agenda_item_get_id (item) == self->focus_item_id)
        focus_row = row;
    }

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("No agenda items yet. Add the items to be discussed, or carry over open "
                                          "action items from earlier meetings."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "rk-placeholder");
      gtk_list_box_set_placeholder (self->agenda_list, label);

      label = gtk_label_new (_("The minutes are written per agenda item: add one first."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->minutes_box, label);
    }

  /* The keyboard stays on the item just moved, so Alt+Down can be pressed again. */
  if (focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
  self->focus_item_id = 0;

  rk_meetings_page_update_actions (self);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  RkMeetingsPage *self = data;

  self->rebuild_id = 0;
  rk_meetings_page_rebuild_agenda (self);

  return G_SOURCE_REMOVE;
}

static void
agenda_changed_cb (RkMeetingsPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

/* ---- The meeting shown: attendance ------------------------------------------------------------------- */

static void
rk_meetings_page_update_counts (RkMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  RkAttendanceCounts counts = { 0, };
  g_autofree char *tooltip = NULL;

  g_clear_pointer (&self->attendance_text, g_free);
  if (self->meeting == NULL)
    {
      self->attendance_text = g_strdup ("");
    }
  else if (!rk_store_count_attendance (self->store, self->meeting, &counts, &error))
    {
      self->attendance_text = g_strdup ("");
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
    }
  else
    {
      /* Translators: over the attendance: how many members attend (in person, by proxy or online) of the body's
       * members that day. */
      self->attendance_text = g_strdup_printf (ngettext ("%1$u of %2$u present", "%1$u of %2$u present",
                                                         counts.size),
                                               counts.present, counts.size);
      /* Translators: the tooltip of the attendance count: the numbers for each way of attending. */
      tooltip = g_strdup_printf (_("In person %1$u · by proxy %2$u · online %3$u · absent %4$u · not recorded %5$u"),
                                 counts.in_person, counts.proxy, counts.online, counts.absent, counts.unrecorded);
    }

  gtk_label_set_text (self->attendance_label, self->attendance_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->attendance_label), tooltip);
}

static void
rk_meetings_page_sync_attendee (RkMeetingsPage     *self,
                                AttendeeRow        *row,
                                RkAttendanceStatus  status,
                                const char         *proxy_name,
                                gboolean            proxy_pending)
{
  self->syncing = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->dropdown), (guint) (status + 1));
  if (status == RK_ATTENDANCE_PROXY)
    gtk_editable_set_text (GTK_EDITABLE (row->proxy_row), proxy_name ? proxy_name : "");
  else if (proxy_pending)
    gtk_editable_set_text (GTK_EDITABLE (row->proxy_row), row->alternate ? row->alternate : "");
  gtk_widget_set_visible (row->proxy_row, status == RK_ATTENDANCE_PROXY || proxy_pending);
  self->syncing = FALSE;
}

static gboolean
rk_meetings_page_set_attendance (RkMeetingsPage      *self,
                                 gint64               member_id,
                                 RkAttendanceStatus   status,
                                 const char          *proxy_name,
                                 GError             **error)
{
  AttendeeRow *row = g_hash_table_lookup (self->attendees, &member_id);
  g_autoptr(GPtrArray) attendees = NULL;

  if (self->meeting == NULL)
    return TRUE;

  if (!rk_store_set_attendance (self->store, self->meeting, member_id, status, proxy_name, error))
    return FALSE;

  /* The row shows what the store now holds (e.g. the registered alternate's name for a proxy). */
  if (row != NULL && (attendees = rk_store_list_attendance (self->store, self->meeting, NULL)) != NULL)
    for (guint i = 0; i < attendees->len; i++)
      {
        RkAttendee *attendee = g_ptr_array_index (attendees, i);

        if (attendee->member_id == member_id)
          rk_meetings_page_sync_attendee (self, row, attendee->status, attendee->proxy_name, FALSE);
      }
  rk_meetings_page_update_counts (self);

  return TRUE;
}

static void
attendance_selected_cb (GtkDropDown    *dropdown,
                        GParamSpec     *pspec,
                        RkMeetingsPage *self)
{
  AttendeeRow *row = g_object_get_data (G_OBJECT (dropdown), "rk-attendee");
  RkAttendanceStatus status = (RkAttendanceStatus) ((int) gtk_drop_down_get_selected (dropdown) - 1);
  g_autoptr(GError) error = NULL;

  if (self->syncing || row == NULL)
    return;

  /* A proxy needs a name: without a registered alternate, ask for it before anything is recorded. */
  if (status == RK_ATTENDANCE_PROXY && (row->alternate == NULL || *row->alternate == '\0'))
    {
      rk_meetings_page_sync_attendee (self, row, status, NULL, TRUE);
      gtk_widget_grab_focus (row->proxy_row);
      return;
    }

  if (!rk_meetings_page_set_attendance (self, row->member_id, status, row->alternate, &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static void
proxy_applied_cb (AdwEntryRow    *entry,
                  RkMeetingsPage *self)
{
  AttendeeRow *row = g_object_get_data (G_OBJECT (entry), "rk-attendee");
  g_autoptr(GError) error = NULL;

  if (row != NULL && !rk_meetings_page_set_attendance (self, row->member_id, RK_ATTENDANCE_PROXY,
                                                       gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static void
rk_meetings_page_rebuild_attendance (RkMeetingsPage *self)
{
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_hash_table_remove_all (self->attendees);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list))))
    gtk_list_box_remove (self->attendance_list, child);

  if (self->meeting == NULL)
    return;

  if ((attendees = rk_store_list_attendance (self->store, self->meeting, &error)) == NULL)
    {
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < attendees->len; i++)
    {
      RkAttendee *attendee = g_ptr_array_index (attendees, i);
      AttendeeRow *row = g_new0 (AttendeeRow, 1);
      g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
      g_autofree char *label = NULL;
      g_autofree char *proxy_title = NULL;
      GtkWidget *action_row = adw_action_row_new ();

      row->member_id = attendee->member_id;
      row->name = g_strdup (attendee->name);
      row->alternate = g_strdup (attendee->alternate);
      g_hash_table_insert (self->attendees, &row->member_id, row);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), attendee->name);
      if (attendee->organisation != NULL && *attendee->organisation != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), attendee->organisation);

      for (RkAttendanceStatus status = RK_ATTENDANCE_UNRECORDED; status <= RK_ATTENDANCE_ONLINE; status++)
        gtk_string_list_append (statuses, rk_attendance_status_to_label (status));
      row->dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
      gtk_widget_set_valign (row->dropdown, GTK_ALIGN_CENTER);
      /* Translators: accessible name of a member's attendance menu; %s is the member's name. */
      label = g_strdup_printf (_("Attendance of %s"), attendee->name);
      g_object_set_data (G_OBJECT (row->dropdown), "rk-attendee", row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), row->dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), row->dropdown);
      /* After the row made its title the drop-down's label, so that the name is said once. */
      rk_accessible_name_drop_down (GTK_DROP_DOWN (row->dropdown), label);
      gtk_list_box_append (self->attendance_list, action_row);

      row->proxy_row = adw_entry_row_new ();
      /* Translators: the field for who attends in a member's place (代理出席); %s is the member's name. */
      proxy_title = g_strdup_printf (_("Attending for %s"), attendee->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->proxy_row), proxy_title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row->proxy_row), TRUE);
      g_object_set_data (G_OBJECT (row->proxy_row), "rk-attendee", row);
      gtk_list_box_append (self->attendance_list, row->proxy_row);

      rk_meetings_page_sync_attendee (self, row, attendee->status, attendee->proxy_name, FALSE);
      g_signal_connect_object (row->dropdown, "notify::selected", G_CALLBACK (attendance_selected_cb), self, 0);
      g_signal_connect_object (row->proxy_row, "apply", G_CALLBACK (proxy_applied_cb), self, 0);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attendance_list), attendees->len > 0);
  gtk_widget_set_visible (self->attendance_empty, attendees->len == 0);
}

/* ---- The meeting shown -------------------------------------------------------------------------------- */

static void
rk_meetings_page_update_handouts (RkMeetingsPage *self)
{
  if (self->handout_list != NULL)
    {
      adw_preferences_group_remove (self->handouts_group, self->handout_list);
      self->handout_list = NULL;
    }
  if (self->meeting == NULL)
    return;

  self->handout_list = rk_handout_list_new (self->store, rk_meeting_get_id (self->meeting));
  adw_preferences_group_add (self->handouts_group, self->handout_list);
}

static void
rk_meetings_page_show_detail (RkMeetingsPage *self)
{
  static const char *meeting_actions[] = {
    "meetings.edit-meeting", "meetings.remove-meeting", "meetings.add-agenda-item", "meetings.append-agenda-item",
    "meetings.carry-over", "meetings.carry-action", "meetings.set-attendance", "meetings.export-notice",
    "meetings.export-minutes", "meetings.export-notice-to", "meetings.export-minutes-to", "meetings.print-notice",
    "meetings.print-minutes",
  };
  gboolean shown = self->meeting != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (meeting_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), meeting_actions[i], shown);

  gtk_stack_set_visible_child_name (self->detail_stack, shown ? "detail" : "none");
  if (!shown)
    {
      rk_meetings_page_rebuild_agenda (self);
      rk_meetings_page_rebuild_attendance (self);
      rk_meetings_page_update_counts (self);
      rk_meetings_page_update_handouts (self);
      return;
    }

  rk_meetings_page_update_header (self);
  g_signal_handlers_disconnect_by_func (self->agenda, agenda_changed_cb, self);
  g_signal_connect_object (self->agenda, "items-changed", G_CALLBACK (agenda_changed_cb), self, G_CONNECT_SWAPPED);
  rk_meetings_page_rebuild_agenda (self);
  rk_meetings_page_rebuild_attendance (self);
  rk_meetings_page_update_counts (self);
  rk_meetings_page_update_handouts (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RkMeetingsPage *self = data;

  self->refresh_id = 0;
  if (self->meeting == NULL)
    return G_SOURCE_REMOVE;

  /* Another day or body seats other members: the attendance follows. */
  rk_meetings_page_update_header (self);
  rk_meetings_page_rebuild_attendance (self);
  rk_meetings_page_update_counts (self);

  return G_SOURCE_REMOVE;
}

static void
meeting_notify_cb (RkMeetingsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* ---- Meetings: plan, edit, remove --------------------------------------------------------------------- */

static void
editor_destroyed_cb (RkMeetingsPage  *self,
                     RkMeetingEditor *editor)
{
  RkMeeting *meeting = rk_meeting_editor_get_meeting (editor);

  /* Show the meeting just planned (or moved to another body), whatever the filter. */
  if (meeting != NULL)
    rk_meetings_page_show_meeting (self, rk_meeting_get_id (meeting), 0);
}

static void
plan_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkMeetingInfo info = { .status = RK_MEETING_PLANNED, .starts_at = NULL };
  g_autofree char *starts_at = NULL;
  GDate today;
  GtkWidget *editor;

  /* A new meeting most likely belongs to the body the user is looking at, on a weekday afternoon to come. */
  info.body_id = self->filter_body_id;
  if (info.body_id == 0 && self->meeting != NULL)
    info.body_id = rk_meeting_get_body_id (self->meeting);
  if (info.body_id == 0)
    {
      GListModel *bodies = rk_store_get_bodies (self->store);
      g_autoptr(RkBody) first = g_list_model_get_n_items (bodies) > 0 ? g_list_model_get_item (bodies, 0) : NULL;

      info.body_id = first ? rk_body_get_id (first) : 0;
    }
  rk_store_get_today (&today);
  g_date_add_days (&today, 14);
  starts_at = g_strdup_printf ("%04d-%02d-%02dT14:00", g_date_get_year (&today), g_date_get_month (&today),
                               g_date_get_day (&today));
  info.starts_at = starts_at;
  info.ends_at = "";

  editor = rk_meeting_editor_new (rk_meetings_page_get_window (self), self->store, NULL, &info);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkMeeting *meeting = param ? rk_store_find_meeting (self->store, g_variant_get_int64 (param)) : self->meeting;

  if (meeting != NULL)
    gtk_window_present (GTK_WINDOW (rk_meeting_editor_new (rk_meetings_page_get_window (self), self->store, meeting,
                                                           NULL)));
}

static gboolean
restore_meeting (GtkWidget  *widget,
                 gpointer    item,
                 GError    **error)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);

  if (!rk_store_restore_meeting (self->store, RK_MEETING (item), error))
    return FALSE;

  rk_meetings_page_show_meeting (self, rk_meeting_get_id (RK_MEETING (item)), 0);
  return TRUE;
}

static void
remove_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  g_autoptr(RkMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  RkMeeting *found = param ? rk_store_find_meeting (self->store, g_variant_get_int64 (param)) : self->meeting;

  if (found == NULL)
    return;
  /* The store's list lets go of it. */
  meeting = g_object_ref (found);
  rk_meetings_page_flush (self);
  name = rk_meetings_page_dup_meeting_name (self, meeting, TRUE);

  if (!rk_store_remove_meeting (self->store, meeting, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  escaped = g_markup_escape_text (name, -1);
  /* Translators: a toast after removing a meeting; %s is its name. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (meeting), restore_meeting);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_widget_undo (widget);
}

static void
select_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  rk_meetings_page_show_meeting (RK_MEETINGS_PAGE (widget), g_variant_get_int64 (param), 0);
}

static void
filter_body_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_meetings_page_set_filter_body (RK_MEETINGS_PAGE (widget), g_variant_get_int64 (param));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  rk_meetings_page_show_view (RK_MEETINGS_PAGE (widget), g_variant_get_string (param, NULL));
}

/* ---- Agenda items ------------------------------------------------------------------------------------- */

/* The choices of a presenter or assignee: nobody, then the current members (and @keep_id, a former one already
 * chosen). Fills @ids with the member id at each position. */
static GListModel *
rk_meetings_page_create_member_choices (RkMeetingsPage *self,
                                        GArray         *ids,
                                        gint64          keep_id,
                                        const char     *nobody)
{
  GListModel *members = rk_store_get_members (self->store);
  GtkStringList *names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_append_val (ids, none);
  gtk_string_list_append (names, nobody);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);
      gint64 id = rk_member_get_id (member);
      const char *organisation = rk_member_get_organisation (member);
      g_autofree char *label = NULL;

      if (!rk_member_get_current (member) && id != keep_id)
        continue;
      if (organisation != NULL && *organisation != '\0')
        /* Translators: a member in a choice of presenter or assignee: name, then organisation. */
        label = g_strdup_printf (C_("member choice", "%1$s (%2$s)"), rk_member_get_name (member), organisation);
      else
        label = g_strdup (rk_member_get_name (member));
      g_array_append_val (ids, id);
      gtk_string_list_append (names, label);
    }

  return G_LIST_MODEL (names);
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

typedef struct {
  RkMeetingsPage *self;
  RkAgendaItem   *item;    /* NULL: a new one */
  GArray         *member_ids;
  AdwEntryRow    *title_row;
  AdwComboRow    *presenter_row;
  GtkSpinButton  *minutes_spin;
} AgendaDialog;

static void
agenda_dialog_free (gpointer data)
{
  AgendaDialog *dialog = data;

  g_clear_object (&dialog->item);
  g_array_unref (dialog->member_ids);
  g_free (dialog);
}

static void
agenda_dialog_get_info (AgendaDialog     *dialog,
                        RkAgendaItemInfo *info)
{
  guint presenter = adw_combo_row_get_selected (dialog->presenter_row);
  int minutes = gtk_spin_button_get_value_as_int (dialog->minutes_spin);

  memset (info, 0, sizeof *info);
  if (dialog->item != NULL)
    rk_agenda_item_get_info (dialog->item, info);
  info->title = gtk_editable_get_text (GTK_EDITABLE (dialog->title_row));
  info->presenter_member_id = presenter < dialog->member_ids->len
                              ? g_array_index (dialog->member_ids, gint64, presenter) : 0;
  info->minutes_allotted = minutes > 0 ? minutes : -1;
}

static void
agenda_dialog_changed_cb (AdwMessageDialog *message)
{
  AgendaDialog *dialog = g_object_get_data (G_OBJECT (message), "rk-dialog");
  RkAgendaItemInfo info;
  g_autofree char *stripped = NULL;

  agenda_dialog_get_info (dialog, &info);
  stripped = g_strstrip (g_strdup (info.title));
  adw_message_dialog_set_response_enabled (message, "save", *stripped != '\0'
                                           && rk_agenda_item_info_validate (&info, NULL));
}

static void
agenda_dialog_response_cb (AdwMessageDialog *message,
                           const char       *response)
{
  AgendaDialog *dialog = g_object_get_data (G_OBJECT (message), "rk-dialog");
  RkMeetingsPage *self = dialog->self;
  g_autoptr(GError) error = NULL;
  RkAgendaItemInfo info;

  if (!g_str_equal (response, "save") || self->meeting == NULL)
    return;

  agenda_dialog_get_info (dialog, &info);
  if (dialog->item != NULL)
    {
      if (!rk_store_update_agenda_item (self->store, dialog->item, &info, &error))
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
    }
  else
    {
      g_autoptr(RkAgendaItem) item = rk_store_add_agenda_item (self->store, self->meeting, &info, &error);

      if (item == NULL)
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
    }
}

static void
rk_meetings_page_agenda_dialog (RkMeetingsPage *self,
                                RkAgendaItem   *item)
{
  AgendaDialog *dialog = g_new0 (AgendaDialog, 1);
  g_autoptr(GListModel) members = NULL;
  GtkWidget *message, *list, *row, *spin;

  dialog->self = self;
  dialog->item = item ? g_object_ref (item) : NULL;
  dialog->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  members = rk_meetings_page_create_member_choices (self, dialog->member_ids,
                                                   item ? rk_agenda_item_get_presenter_member_id (item) : 0,
                                                   _("No presenter"));

  message = rk_widget_new_confirm_dialog (GTK_WIDGET (self), item ? _("Edit Agenda Item") : _("Add Agenda Item"), NULL,
                                          "save", item ? _("_Save") : _("_Add"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (row), item ? rk_agenda_item_get_title (item) : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (agenda_dialog_changed_cb), message);
  dialog->title_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Presenter"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), members);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index_of_id (dialog->member_ids, item
                                                                 ? rk_agenda_item_get_presenter_member_id (item)
                                                                 : 0));
  dialog->presenter_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Minutes Allotted"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("0 for not set"));
  spin = gtk_spin_button_new_with_range (0, 1440, 5);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), item ? MAX (rk_agenda_item_get_minutes_allotted (item), 0) : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes Allotted"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  dialog->minutes_spin = GTK_SPIN_BUTTON (spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  g_object_set_data_full (G_OBJECT (message), "rk-dialog", dialog, agenda_dialog_free);
  g_signal_connect (message, "response", G_CALLBACK (agenda_dialog_response_cb), NULL);
  agenda_dialog_changed_cb (ADW_MESSAGE_DIALOG (message));
  rk_accessible_fix_names (message);
  gtk_window_present (GTK_WINDOW (message));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->title_row));
}

static void
add_agenda_item_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  rk_meetings_page_agenda_dialog (RK_MEETINGS_PAGE (widget), NULL);
}

static void
append_agenda_item_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  g_autoptr(RkAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  RkAgendaItemInfo info = { 0, };

  if (self->meeting == NULL)
    return;

  g_variant_get (param, "(&sxi)", &info.title, &info.presenter_member_id, &info.minutes_allotted);
  if ((item = rk_store_add_agenda_item (self->store, self->meeting, &info, &error)) == NULL)
    rk_widget_show_error_toast (widget, error);
}

static void
edit_agenda_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkAgendaItem *item = rk_meetings_page_find_agenda_item (self, g_variant_get_int64 (param));

  if (item != NULL)
    rk_meetings_page_agenda_dialog (self, item);
}

static void
rk_meetings_page_move_agenda_item (RkMeetingsPage *self,
                                   gint64          id,
                                   int             delta)
{
  RkAgendaItem *item = rk_meetings_page_find_agenda_item (self, id);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;

  if (!rk_store_move_agenda_item (self->store, item, delta, &error))
    {
      if (error != NULL)
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return;
    }
  self->focus_item_id = id;
}

static void
move_agenda_item_up_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  rk_meetings_page_move_agenda_item (RK_MEETINGS_PAGE (widget), g_variant_get_int64 (param), -1);
}

static void
move_agenda_item_down_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  rk_meetings_page_move_agenda_item (RK_MEETINGS_PAGE (widget), g_variant_get_int64 (param), +1);
}

static gboolean
restore_agenda_item (GtkWidget  *widget,
                     gpointer    item,
                     GError    **error)
{
  return rk_store_restore_agenda_item (RK_MEETINGS_PAGE (widget)->store, RK_AGENDA_ITEM (item), error);
}

static void
remove_agenda_item_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkAgendaItem *found = rk_meetings_page_find_agenda_item (self, g_variant_get_int64 (param));
  g_autoptr(RkAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (found == NULL)
    return;
  item = g_object_ref (found);
  /* Its minutes are written first, so undo brings back what was typed. */
  rk_meetings_page_flush (self);

  if (!rk_store_remove_agenda_item (self->store, item, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  escaped = g_markup_escape_text (rk_agenda_item_get_title (item), -1);
  /* Translators: a toast after removing an agenda item; %s is its title. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (item), restore_agenda_item);
}

/* The agenda item whose row has the keyboard focus, for Alt+Up, Alt+Down and Delete. */
static gint64
rk_meetings_page_get_focused_item (RkMeetingsPage *self)
{
  GtkWindow *window = rk_meetings_page_get_window (self);
  GtkWidget *focus = window ? gtk_window_get_focus (window) : NULL;
  GtkWidget *row;
  gint64 *id;

  if (focus == NULL || (row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)) == NULL
      || gtk_widget_get_parent (row) != GTK_WIDGET (self->agenda_list)
      || (id = g_object_get_data (G_OBJECT (row), "rk-item-id")) == NULL)
    return 0;

  return *id;
}

static gboolean
agenda_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  gint64 id = rk_meetings_page_get_focused_item (RK_MEETINGS_PAGE (widget));

  if (id == 0)
    return FALSE;

  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), "x", id);
}

/* ---- Carry-over (継続審議) ---------------------------------------------------------------------------- */

static char *
rk_meetings_page_describe_action (RkMeetingsPage *self,
                                  RkActionItem   *action)
{
  RkMeeting *meeting = rk_store_find_meeting (self->store, rk_action_item_get_meeting_id (action));
  RkMember *member = rk_meetings_page_find_member (self, rk_action_item_get_assignee_member_id (action));
  const char *assignee = member ? rk_member_get_name (member) : rk_action_item_get_assignee_text (action);
  g_autofree char *from = meeting ? rk_meeting_dup_number_label (meeting) : g_strdup ("");
  g_autofree char *due = NULL;
  GDate date;

  if (rk_era_parse_iso_date (rk_action_item_get_due_date (action), &date))
    due = rk_era_format_date (&date);

  /* Translators: an open action item offered for carry-over: the meeting it came from (第n回), its assignee and due
   * date (either may be empty). */
  return g_strdup_printf (_("From %1$s · %2$s · %3$s"), from, assignee ? assignee : "", due ? due : "");
}

static void
carry_response_cb (AdwMessageDialog *message,
                   const char       *response,
                   RkMeetingsPage   *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (message), "rk-checks");

  if (!g_str_equal (response, "carry"))
    return;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      RkActionItem *action = g_object_get_data (G_OBJECT (check), "rk-action");

      if (gtk_check_button_get_active (check))
        gtk_widget_activate_action (GTK_WIDGET (self), "meetings.carry-action", "x", rk_action_item_get_id (action));
    }
}

static void
carry_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *checks;
  GtkWidget *message, *list;

  if (self->meeting == NULL)
    return;
  if ((actions = rk_store_list_open_actions_before (self->store, self->meeting, &error)) == NULL)
    {
      rk_widget_show_error (GTK_WIDGET (self), _("Could Not List the Open Action Items"), error);
      return;
    }

  if (actions->len == 0)
    {
      message = adw_message_dialog_new (rk_meetings_page_get_window (self), _("Nothing to Carry Over"),
                                        _("No action item of the body’s earlier meetings is still open, or every "
                                          "open one is already on this agenda."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      rk_accessible_fix_names (message);
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  message = rk_widget_new_confirm_dialog (GTK_WIDGET (self), _("Carry Over Open Action Items?"),
                                          _("Each one chosen becomes an agenda item for continued deliberation; it stays "
                                            "open until it is marked done."),
                                          "carry", _("_Add to Agenda"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  checks = g_ptr_array_new ();
  for (guint i = 0; i < actions->len; i++)
    {
      RkActionItem *action = g_ptr_array_index (actions, i);
      g_autofree char *subtitle = rk_meetings_page_describe_action (self, action);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_action_item_get_title (action));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rk_action_item_get_title (action), -1);
      g_object_set_data_full (G_OBJECT (check), "rk-action", g_object_ref (action), g_object_unref);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  g_object_set_data_full (G_OBJECT (message), "rk-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (message, "response", G_CALLBACK (carry_response_cb), self, 0);
  rk_accessible_fix_names (message);
  gtk_window_present (GTK_WINDOW (message));
}

static void
carry_action_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkActionItem *action = rk_meetings_page_find_action (self, g_variant_get_int64 (param));
  g_autoptr(RkAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (self->meeting == NULL || action == NULL)
    return;

  if ((item = rk_store_carry_action (self->store, self->meeting, action, &error)) == NULL)
    rk_widget_show_error_toast (widget, error);
}

/* ---- Attendance --------------------------------------------------------------------------------------- */

static void
set_attendance_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *proxy;
  gint64 member_id;
  int status;

  g_variant_get (param, "(xi&s)", &member_id, &status, &proxy);
  if (status < RK_ATTENDANCE_UNRECORDED || status > RK_ATTENDANCE_ONLINE)
    return;

  if (!rk_meetings_page_set_attendance (self, member_id, (RkAttendanceStatus) status, *proxy ? proxy : NULL, &error))
    rk_widget_show_error_toast (widget, error);
}

/* ---- Action items ------------------------------------------------------------------------------------- */

typedef struct {
  RkMeetingsPage *self;
  RkActionItem   *action;  /* NULL: a new one */
  gint64          agenda_item_id;
  GArray         *member_ids;
  AdwEntryRow    *title_row;
  AdwComboRow    *assignee_row;
  AdwEntryRow    *assignee_text_row;
  AdwEntryRow    *due_row;
  AdwComboRow    *status_row;
} ActionDialog;

static void
action_dialog_free (gpointer data)
{
  ActionDialog *dialog = data;

  g_clear_object (&dialog->action);
  g_array_unref (dialog->member_ids);
  g_free (dialog);
}

static void
action_dialog_get_info (ActionDialog     *dialog,
                        RkActionItemInfo *info)
{
  guint assignee = adw_combo_row_get_selected (dialog->assignee_row);

  memset (info, 0, sizeof *info);
  info->agenda_item_id = dialog->agenda_item_id;
  info->title = gtk_editable_get_text (GTK_EDITABLE (dialog->title_row));
  info->assignee_member_id = assignee < dialog->member_ids->len
                             ? g_array_index (dialog->member_ids, gint64, assignee) : 0;
  info->assignee_text = gtk_editable_get_text (GTK_EDITABLE (dialog->assignee_text_row));
  info->due_date = gtk_editable_get_text (GTK_EDITABLE (dialog->due_row));
  info->status = (RkActionStatus) adw_combo_row_get_selected (dialog->status_row);
}

static void
action_dialog_changed_cb (AdwMessageDialog *message)
{
  ActionDialog *dialog = g_object_get_data (G_OBJECT (message), "rk-dialog");
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  RkActionItemInfo info;
  gboolean ok;
  GDate due;

  action_dialog_get_info (dialog, &info);
  stripped = g_strstrip (g_strdup (info.title));
  ok = *stripped != '\0' && rk_action_item_info_validate (&info, &error);
  /* Only the due date can be wrong as typed: say so where it is. */
  if (error != NULL && *info.due_date != '\0' && !rk_era_parse_iso_date (info.due_date, &due))
    gtk_widget_add_css_class (GTK_WIDGET (dialog->due_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (dialog->due_row), "error");
  adw_message_dialog_set_response_enabled (message, "save", ok);
}

static void
action_dialog_response_cb (AdwMessageDialog *message,
                           const char       *response)
{
  ActionDialog *dialog = g_object_get_data (G_OBJECT (message), "rk-dialog");
  RkMeetingsPage *self = dialog->self;
  g_autoptr(GError) error = NULL;
  RkActionItemInfo info;

  if (!g_str_equal (response, "save") || self->meeting == NULL)
    return;

  action_dialog_get_info (dialog, &info);
  if (dialog->action != NULL)
    {
      if (!rk_store_update_action_item (self->store, dialog->action, &info, &error))
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
    }
  else
    {
      g_autoptr(RkActionItem) action = rk_store_add_action_item (self->store, self->meeting, &info, &error);

      if (action == NULL)
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
    }
}

static GtkWidget *
entry_row_new (const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);

  return row;
}

static void
rk_meetings_page_action_dialog (RkMeetingsPage *self,
                                RkActionItem   *action,
                                gint64          agenda_item_id)
{
  ActionDialog *dialog = g_new0 (ActionDialog, 1);
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *message, *list, *row;
  RkAgendaItem *item;
  g_autofree char *body = NULL;

  dialog->self = self;
  dialog->action = action ? g_object_ref (action) : NULL;
  dialog->agenda_item_id = action ? rk_action_item_get_agenda_item_id (action) : agenda_item_id;
  dialog->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  members = rk_meetings_page_create_member_choices (self, dialog->member_ids,
                                                   action ? rk_action_item_get_assignee_member_id (action) : 0,
                                                   _("Not a member (type below)"));
  if ((item = rk_meetings_page_find_agenda_item (self, dialog->agenda_item_id)) != NULL)
    /* Translators: the action item dialog's text: the agenda item it comes from. */
    body = g_strdup_printf (_("From the agenda item “%s”"), rk_agenda_item_get_title (item));

  message = rk_widget_new_confirm_dialog (GTK_WIDGET (self), action ? _("Edit Action Item") : _("Add Action Item"),
                                          body, "save", action ? _("_Save") : _("_Add"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  row = entry_row_new (_("What Is to Be Done"), action ? rk_action_item_get_title (action) : NULL);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (action_dialog_changed_cb), message);
  dialog->title_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Assignee"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), members);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), index_of_id (dialog->member_ids, action
                                                                 ? rk_action_item_get_assignee_member_id (action)
                                                                 : 0));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (action_dialog_changed_cb), message);
  dialog->assignee_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = entry_row_new (_("Or Assignee Not on the Roster"), action ? rk_action_item_get_assignee_text (action) : NULL);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (action_dialog_changed_cb), message);
  dialog->assignee_text_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  row = entry_row_new (_("Due (YYYY-MM-DD, optional)"), action ? rk_action_item_get_due_date (action) : NULL);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (action_dialog_changed_cb), message);
  dialog->due_row = ADW_ENTRY_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  for (RkActionStatus status = RK_ACTION_OPEN; status <= RK_ACTION_DROPPED; status++)
    gtk_string_list_append (statuses, rk_action_status_to_label (status));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), action ? (guint) rk_action_item_get_status (action) : 0);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (action_dialog_changed_cb), message);
  dialog->status_row = ADW_COMBO_ROW (row);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  g_object_set_data_full (G_OBJECT (message), "rk-dialog", dialog, action_dialog_free);
  g_signal_connect (message, "response", G_CALLBACK (action_dialog_response_cb), NULL);
  action_dialog_changed_cb (ADW_MESSAGE_DIALOG (message));
  rk_accessible_fix_names (message);
  gtk_window_present (GTK_WINDOW (message));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->title_row));
}

static void
add_action_item_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);

  if (self->meeting != NULL)
    rk_meetings_page_action_dialog (self, NULL, g_variant_get_int64 (param));
}

static void
append_action_item_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  g_autoptr(RkActionItem) action = NULL;
  g_autoptr(GError) error = NULL;
  RkActionItemInfo info = { .status = RK_ACTION_OPEN };

  if (self->meeting == NULL)
    return;

  g_variant_get (param, "(x&sx&s&s)", &info.agenda_item_id, &info.title, &info.assignee_member_id,
                 &info.assignee_text, &info.due_date);
  if ((action = rk_store_add_action_item (self->store, self->meeting, &info, &error)) == NULL)
    rk_widget_show_error_toast (widget, error);
}

static void
edit_action_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkActionItem *action = rk_meetings_page_find_action (self, g_variant_get_int64 (param));

  if (action != NULL)
    rk_meetings_page_action_dialog (self, action, 0);
}

static void
set_action_status_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  RkActionItemInfo info;
  RkActionItem *action;
  gint64 id;
  int status;

  g_variant_get (param, "(xi)", &id, &status);
  if ((action = rk_meetings_page_find_action (self, id)) == NULL || status < RK_ACTION_OPEN
      || status > RK_ACTION_DROPPED)
    return;

  rk_action_item_get_info (action, &info);
  info.status = (RkActionStatus) status;
  if (!rk_store_update_action_item (self->store, action, &info, &error))
    rk_widget_show_error_toast (widget, error);
}

static gboolean
restore_action_item (GtkWidget  *widget,
                     gpointer    item,
                     GError    **error)
{
  return rk_store_restore_action_item (RK_MEETINGS_PAGE (widget)->store, RK_ACTION_ITEM (item), error);
}

static void
remove_action_item_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  RkActionItem *found = rk_meetings_page_find_action (self, g_variant_get_int64 (param));
  g_autoptr(RkActionItem) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (found == NULL)
    return;
  action = g_object_ref (found);

  if (!rk_store_remove_action_item (self->store, action, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  escaped = g_markup_escape_text (rk_action_item_get_title (action), -1);
  /* Translators: a toast after removing an action item; %s is its title. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (action), restore_action_item);
}

/* ---- Documents: notice, minutes, calendar ------------------------------------------------------------ */

static RkMeetingDoc *
rk_meetings_page_create_doc (RkMeetingsPage  *self,
                             GError         **error)
{
  g_autoptr(RkMeetingDoc) doc = NULL;
  g_autoptr(GPtrArray) handouts = NULL;

  if (self->meeting == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND, _("Choose a meeting first."));
      return NULL;
    }

  /* What was typed a moment ago belongs in the minutes. */
  rk_meetings_page_flush (self);
  if ((doc = rk_meeting_doc_new_from_store (self->store, self->meeting, error)) == NULL)
    return NULL;

  /* The 配付資料 are listed in the minutes; a failure to list them is no reason to refuse the document. */
  if (doc->handouts != NULL && doc->handouts->len == 0
      && (handouts = rk_store_list_handouts (self->store, rk_meeting_get_id (self->meeting), NULL)) != NULL)
    for (guint i = 0; i < handouts->len; i++)
      g_ptr_array_add (doc->handouts, g_strdup (((RkHandout *) g_ptr_array_index (handouts, i))->title));

  return g_steal_pointer (&doc);
}

static void
rk_meetings_page_toast_saved (RkMeetingsPage *self,
                              const char     *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *escaped = g_markup_escape_text (basename, -1);

  /* Translators: a toast after an export; %s is a file name. */
  rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), escaped));
}

gboolean
rk_meetings_page_export_notice (RkMeetingsPage  *self,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(RkMeetingDoc) doc = NULL;

  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((doc = rk_meetings_page_create_doc (self, error)) == NULL
      || !rk_meeting_notice_export (doc, path, NULL, NULL, error))
    return FALSE;

  rk_meetings_page_toast_saved (self, path);
  return TRUE;
}

gboolean
rk_meetings_page_export_minutes (RkMeetingsPage  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autoptr(RkMeetingDoc) doc = NULL;

  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((doc = rk_meetings_page_create_doc (self, error)) == NULL
      || !rk_meeting_minutes_export (doc, path, NULL, NULL, error))
    return FALSE;

  rk_meetings_page_toast_saved (self, path);
  return TRUE;
}

static gboolean
rk_meetings_page_export_one_ics (RkMeetingsPage  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) agenda = g_ptr_array_new ();
  g_autofree char *key = NULL;
  RkMeeting *meeting = self->meeting;
  RkBody *body;
  RkIcsMeeting event = { 0, };

  if (meeting == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND, _("Choose a meeting first."));
      return FALSE;
    }
  if ((start = parse_date_time (rk_meeting_get_starts_at (meeting))) == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID, _("The meeting has no valid start time."));
      return FALSE;
    }
  end = parse_date_time (rk_meeting_get_ends_at (meeting));
  for (guint i = 0; self->agenda != NULL && i < g_list_model_get_n_items (self->agenda); i++)
    {
      g_autoptr(RkAgendaItem) item = g_list_model_get_item (self->agenda, i);

      /* The store's list holds the item, so its title outlives this function's use of it. */
      g_ptr_array_add (agenda, (gpointer) rk_agenda_item_get_title (item));
    }
  g_ptr_array_add (agenda, NULL);

  body = rk_meetings_page_find_body (self, rk_meeting_get_body_id (meeting));
  event.id = rk_meeting_get_id (meeting);
  event.number = (guint) MAX (rk_meeting_get_number (meeting), 0);
  event.body_name = body ? rk_body_get_name (body) : NULL;
  event.title = rk_meeting_get_title (meeting);
  event.start = start;
  event.end = end;
  event.place = rk_meeting_get_place (meeting);
  event.online = rk_meeting_get_online (meeting);
  event.agenda = (const char *const *) agenda->pdata;
  event.notes = rk_meeting_get_notes (meeting);
  event.status = rk_meeting_get_status (meeting) == RK_MEETING_CANCELLED ? RK_ICS_CANCELLED : RK_ICS_CONFIRMED;

  key = rk_ics_dup_council_key (self->store);
  return rk_ics_export (&event, 1, key, rk_council_get_name (rk_store_get_council (self->store)), NULL, path, error);
}

gboolean
rk_meetings_page_export_ics (RkMeetingsPage  *self,
                             const char      *scope,
                             const char      *path,
                             GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_strcmp0 (scope, "meeting") == 0)
    ok = rk_meetings_page_export_one_ics (self, path, error);
  else
    ok = rk_ics_export_store (self->store, 0, NULL, path, error);
  if (!ok)
    return FALSE;

  rk_meetings_page_toast_saved (self, path);
  return TRUE;
}

static void
export_notice_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_meetings_page_export_notice (RK_MEETINGS_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Export the Notice"), error);
}

static void
export_minutes_to_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_meetings_page_export_minutes (RK_MEETINGS_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Export the Minutes"), error);
}

static void
export_ics_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GError) error = NULL;
  const char *scope, *path;

  g_variant_get (param, "(&s&s)", &scope, &path);
  if (!rk_meetings_page_export_ics (RK_MEETINGS_PAGE (widget), scope, path, &error))
    rk_widget_show_error (widget, _("Could Not Export to the Calendar"), error);
}

static void
chosen_path_cb (GtkWidget  *widget,
                const char *path,
                gpointer    data)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  ChooserPurpose purpose = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  const char *heading;
  gboolean ok;

  switch (purpose)
    {
    case CHOOSE_NOTICE:
      ok = rk_meetings_page_export_notice (self, path, &error);
      heading = _("Could Not Export the Notice");
      break;

    case CHOOSE_MINUTES:
      ok = rk_meetings_page_export_minutes (self, path, &error);
      heading = _("Could Not Export the Minutes");
      break;

    case CHOOSE_ICS_ALL:
    case CHOOSE_ICS_MEETING:
    default:
      ok = rk_meetings_page_export_ics (self, purpose == CHOOSE_ICS_ALL ? "all" : "meeting", path, &error);
      heading = _("Could Not Export to the Calendar");
      break;
    }
  if (!ok)
    rk_widget_show_error (widget, heading, error);
}

static void
rk_meetings_page_choose_file (RkMeetingsPage *self,
                              ChooserPurpose  purpose)
{
  g_autofree char *name = NULL;
  g_autofree char *meeting_name = NULL;
  gboolean ics = purpose == CHOOSE_ICS_ALL || purpose == CHOOSE_ICS_MEETING;
  const char *title;

  if (purpose != CHOOSE_ICS_ALL && self->meeting == NULL)
    return;

  if (self->meeting != NULL)
    meeting_name = rk_meetings_page_dup_meeting_name (self, self->meeting, FALSE);
  switch (purpose)
    {
    case CHOOSE_NOTICE:
      title = _("Export Meeting Notice");
      /* Translators: the suggested file name of a meeting notice (開催通知); %s is the meeting. */
      name = g_strdup_printf (_("%s Notice.pdf"), meeting_name);
      break;

    case CHOOSE_MINUTES:
      title = _("Export Minutes");
      /* Translators: the suggested file name of the minutes (議事録); %s is the meeting. */
      name = g_strdup_printf (_("%s Minutes.pdf"), meeting_name);
      break;

    case CHOOSE_ICS_MEETING:
      title = _("Export to Calendar");
      name = g_strdup_printf ("%s.ics", meeting_name);
      break;

    case CHOOSE_ICS_ALL:
    default:
      title = _("Export All Meetings to Calendar");
      /* Translators: the suggested file name of all meetings as a calendar; %s is the council's name. */
      name = g_strdup_printf (_("%s Meetings.ics"), rk_council_get_name (rk_store_get_council (self->store)));
      break;
    }
  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');

  rk_widget_choose_path (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE, title, name,
                         ics ? _("Calendar Files") : _("PDF Documents"), ics ? "text/calendar" : "application/pdf",
                         ics ? "ics" : "pdf", chosen_path_cb, GINT_TO_POINTER (purpose));
}

static void
export_notice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  rk_meetings_page_choose_file (RK_MEETINGS_PAGE (widget), CHOOSE_NOTICE);
}

static void
export_minutes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  rk_meetings_page_choose_file (RK_MEETINGS_PAGE (widget), CHOOSE_MINUTES);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  rk_meetings_page_choose_file (RK_MEETINGS_PAGE (widget), g_strcmp0 (g_variant_get_string (param, NULL), "meeting") == 0
                                                           ? CHOOSE_ICS_MEETING : CHOOSE_ICS_ALL);
}

static void
rk_meetings_page_print (RkMeetingsPage *self,
                        gboolean        minutes)
{
  g_autoptr(RkMeetingDoc) doc = NULL;
  g_autoptr(RkPdfDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  const char *heading = minutes ? _("Could Not Print the Minutes") : _("Could Not Print the Notice");

  if ((doc = rk_meetings_page_create_doc (self, &error)) == NULL)
    {
      rk_widget_show_error (GTK_WIDGET (self), heading, error);
      return;
    }
  document = minutes ? rk_meeting_minutes_build (doc) : rk_meeting_notice_build (doc);
  title = minutes ? rk_meeting_minutes_get_title (doc) : rk_meeting_notice_get_title (doc);

  if (!rk_widget_print_document (GTK_WIDGET (self), document, title, GTK_PAGE_ORIENTATION_PORTRAIT, &error))
    rk_widget_show_error (GTK_WIDGET (self), heading, error);
}

static void
print_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  rk_meetings_page_print (RK_MEETINGS_PAGE (widget), FALSE);
}

static void
print_minutes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  rk_meetings_page_print (RK_MEETINGS_PAGE (widget), TRUE);
}

/* ---- Public API --------------------------------------------------------------------------------------- */

RkStore *
rk_meetings_page_get_store (RkMeetingsPage *self)
{
  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), NULL);

  return self->store;
}

void
rk_meetings_page_show_view (RkMeetingsPage *self,
                            const char     *view)
{
  g_return_if_fail (RK_IS_MEETINGS_PAGE (self));
  g_return_if_fail (view != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

const char *
rk_meetings_page_get_visible_view (RkMeetingsPage *self)
{
  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

RkMeeting *
rk_meetings_page_get_selected_meeting (RkMeetingsPage *self)
{
  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), NULL);

  return self->meeting;
}

const char *
rk_meetings_page_get_attendance_text (RkMeetingsPage *self)
{
  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), NULL);

  return self->attendance_text ? self->attendance_text : "";
}

GtkWidget *
rk_meetings_page_get_minutes_editor (RkMeetingsPage *self,
                                     gint64          agenda_item_id)
{
  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), NULL);

  /* The agenda may wait for its rebuild (once per burst of changes). */
  if (self->rebuild_id != 0)
    rk_meetings_page_rebuild_agenda (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->minutes_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (RK_IS_MINUTES_EDITOR (child)
        && rk_agenda_item_get_id (rk_minutes_editor_get_item (RK_MINUTES_EDITOR (child))) == agenda_item_id)
      return child;

  return NULL;
}

void
rk_meetings_page_flush (RkMeetingsPage *self)
{
  g_return_if_fail (RK_IS_MEETINGS_PAGE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->minutes_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GError) error = NULL;

      if (RK_IS_MINUTES_EDITOR (child) && !rk_minutes_editor_flush (RK_MINUTES_EDITOR (child), &error))
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
    }
}

AdwToast *
rk_meetings_page_get_undo_toast (RkMeetingsPage *self)
{
  g_return_val_if_fail (RK_IS_MEETINGS_PAGE (self), NULL);

  return rk_widget_get_undo_toast (GTK_WIDGET (self));
}

/* Scrolls the detail to @editor and puts the focus in its discussion, once it has been laid out. */
static gboolean
scroll_to_editor_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  GtkWidget *editor = rk_meetings_page_get_minutes_editor (self, *(gint64 *) data);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->detail_scroll);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->detail_scroll);
  graphene_rect_t bounds;

  if (editor == NULL)
    {
      self->scroll_editor_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (editor) <= 0
      || !gtk_widget_compute_bounds (editor, gtk_widget_get_first_child (viewport), &bounds))
    return G_SOURCE_CONTINUE;

  self->scroll_editor_tick = 0;
  gtk_adjustment_set_value (adjustment, MAX (bounds.origin.y - 12, 0));
  gtk_widget_grab_focus (GTK_WIDGET (rk_minutes_editor_get_discussion_view (RK_MINUTES_EDITOR (editor))));
  return G_SOURCE_REMOVE;
}

void
rk_meetings_page_show_meeting (RkMeetingsPage *self,
                               gint64          meeting_id,
                               gint64          agenda_item_id)
{
  RkMeeting *meeting;
  GtkWidget *editor;

  g_return_if_fail (RK_IS_MEETINGS_PAGE (self));

  if ((meeting = rk_store_find_meeting (self->store, meeting_id)) == NULL)
    return;

  rk_meetings_page_show_view (self, "meetings");
  if (self->filter_body_id != 0 && self->filter_body_id != rk_meeting_get_body_id (meeting))
    rk_meetings_page_set_filter_body (self, 0);
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  rk_meetings_page_set_meeting (self, meeting);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  if (agenda_item_id == 0 || (editor = rk_meetings_page_get_minutes_editor (self, agenda_item_id)) == NULL)
    return;

  /* Asked for an agenda item: its minutes, not the top. */
  rk_meetings_page_cancel_scrolls (self);
  gtk_widget_grab_focus (GTK_WIDGET (rk_minutes_editor_get_discussion_view (RK_MINUTES_EDITOR (editor))));
  self->scroll_editor_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_editor_cb,
                                                           g_memdup2 (&agenda_item_id, sizeof agenda_item_id), g_free);
}

/* ---- Construction ------------------------------------------------------------------------------------- */

static void
visible_view_cb (RkMeetingsPage *self)
{
  /* Leaving the meetings view for the tracker is leaving the minutes: write them. */
  if (self->store != NULL && self->minutes_box != NULL)
    rk_meetings_page_flush (self);
}

static void
folded_cb (RkMeetingsPage *self)
{
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
}

static void
back_clicked_cb (RkMeetingsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
window_close_request_cb (RkMeetingsPage *self)
{
  /* Before the window's own handler closes the council file. */
  rk_meetings_page_flush (self);

  return GDK_EVENT_PROPAGATE;
}

static void
rk_meetings_page_root (GtkWidget *widget)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (rk_meetings_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->close_handler = g_signal_connect_object (root, "close-request", G_CALLBACK (window_close_request_cb),
                                                     self, G_CONNECT_SWAPPED);
    }
}

static void
rk_meetings_page_unroot (GtkWidget *widget)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (widget);

  rk_meetings_page_flush (self);
  if (self->window != NULL)
    {
      g_clear_signal_handler (&self->close_handler, self->window);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }

  GTK_WIDGET_CLASS (rk_meetings_page_parent_class)->unroot (widget);
}

static void
rk_meetings_page_unmap (GtkWidget *widget)
{
  /* Another page of the window is shown: what was typed is written now. */
  rk_meetings_page_flush (RK_MEETINGS_PAGE (widget));

  GTK_WIDGET_CLASS (rk_meetings_page_parent_class)->unmap (widget);
}

static void
rk_meetings_page_constructed (GObject *object)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (object);
  GtkCustomFilter *filter;
  GtkEventController *shortcuts;
  const struct { guint key; GdkModifierType mods; const char *action; } agenda_keys[] = {
    { GDK_KEY_Up, GDK_ALT_MASK, "meetings.move-agenda-item-up" },
    { GDK_KEY_KP_Up, GDK_ALT_MASK, "meetings.move-agenda-item-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "meetings.move-agenda-item-down" },
    { GDK_KEY_KP_Down, GDK_ALT_MASK, "meetings.move-agenda-item-down" },
    { GDK_KEY_Delete, 0, "meetings.remove-agenda-item" },
    { GDK_KEY_KP_Delete, 0, "meetings.remove-agenda-item" },
  };

  G_OBJECT_CLASS (rk_meetings_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  filter = gtk_custom_filter_new (body_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (rk_store_get_meetings (self->store)),
                                              GTK_FILTER (filter));
  gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->filtered), create_meeting_row, self, NULL);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (meetings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meetings_list, "row-selected", G_CALLBACK (meeting_row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->meetings_list, "row-activated", G_CALLBACK (meeting_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  rk_meetings_page_fill_bodies (self);
  g_signal_connect_object (self->body_dropdown, "notify::selected", G_CALLBACK (body_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rk_store_get_bodies (self->store), "items-changed",
                           G_CALLBACK (rk_meetings_page_fill_bodies), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rk_store_get_action_items (self->store), "items-changed", G_CALLBACK (actions_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Alt+Up, Alt+Down and Delete act on the agenda row that has the focus. */
  shortcuts = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (agenda_keys); i++)
    {
      GtkShortcutAction *callback = gtk_callback_action_new (agenda_shortcut_cb, NULL, NULL);
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (agenda_keys[i].key, agenda_keys[i].mods),
                                                callback);

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (agenda_keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->agenda_list), shortcuts);

  adw_bin_set_child (self->actions_bin, rk_action_tracker_new (self->store));
  adw_bin_set_child (self->challenges_bin, rk_challenges_view_new (self->store));

  reselect_idle_cb (self);
  folded_cb (self);
}

static void
rk_meetings_page_dispose (GObject *object)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (object);

  rk_widget_forget_undo (GTK_WIDGET (self));
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->actions_id, g_source_remove);
  g_clear_handle_id (&self->reselect_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  rk_meetings_page_cancel_scrolls (self);

  if (self->meetings_list != NULL)
    gtk_list_box_bind_model (self->meetings_list, NULL, NULL, NULL, NULL);
  if (self->meeting != NULL)
    g_signal_handlers_disconnect_by_data (self->meeting, self);
  if (self->agenda != NULL)
    g_signal_handlers_disconnect_by_data (self->agenda, self);
  self->agenda = NULL;
  g_clear_object (&self->meeting);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (rk_meetings_page_parent_class)->dispose (object);
}

static void
rk_meetings_page_finalize (GObject *object)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (object);

  g_clear_pointer (&self->attendees, g_hash_table_unref);
  g_clear_pointer (&self->body_ids, g_array_unref);
  g_clear_pointer (&self->attendance_text, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_meetings_page_parent_class)->finalize (object);
}

static void
rk_meetings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meetings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RkMeetingsPage *self = RK_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meetings_page_class_init (RkMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_meetings_page_constructed;
  object_class->dispose = rk_meetings_page_dispose;
  object_class->finalize = rk_meetings_page_finalize;
  object_class->get_property = rk_meetings_page_get_property;
  object_class->set_property = rk_meetings_page_set_property;

  widget_class->root = rk_meetings_page_root;
  widget_class->unroot = rk_meetings_page_unroot;
  widget_class->unmap = rk_meetings_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, body_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, task_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, attendance_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, attendance_empty);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, attendance_list);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, minutes_box);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, handouts_group);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, actions_bin);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingsPage, challenges_bin);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "meetings.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "meetings.filter-body", "x", filter_body_action);
  gtk_widget_class_install_action (widget_class, "meetings.select-meeting", "x", select_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.plan-meeting", NULL, plan_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit-meeting", NULL, edit_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.remove-meeting", NULL, remove_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-agenda-item", NULL, add_agenda_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.append-agenda-item", "(sxi)", append_agenda_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit-agenda-item", "x", edit_agenda_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.move-agenda-item-up", "x", move_agenda_item_up_action);
  gtk_widget_class_install_action (widget_class, "meetings.move-agenda-item-down", "x", move_agenda_item_down_action);
  gtk_widget_class_install_action (widget_class, "meetings.remove-agenda-item", "x", remove_agenda_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.carry-over", NULL, carry_over_action);
  gtk_widget_class_install_action (widget_class, "meetings.carry-action", "x", carry_action_action);
  gtk_widget_class_install_action (widget_class, "meetings.set-attendance", "(xis)", set_attendance_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-action-item", "x", add_action_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.append-action-item", "(xsxss)", append_action_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit-action-item", "x", edit_action_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.remove-action-item", "x", remove_action_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.set-action-status", "(xi)", set_action_status_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-notice", NULL, export_notice_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-notice-to", "s", export_notice_to_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-minutes", NULL, export_minutes_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-minutes-to", "s", export_minutes_to_action);
  gtk_widget_class_install_action (widget_class, "meetings.print-notice", NULL, print_notice_action);
  gtk_widget_class_install_action (widget_class, "meetings.print-minutes", NULL, print_minutes_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-ics", "s", export_ics_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-ics-to", "(ss)", export_ics_to_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "meetings.plan-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "meetings.plan-meeting", NULL);
}

static void
rk_meetings_page_init (RkMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  g_signal_connect_object (self->detail_scroll, "map", G_CALLBACK (detail_scroll_map_cb), self, G_CONNECT_SWAPPED);

  self->body_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->attendees = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, attendee_row_free);
}

GtkWidget *
rk_meetings_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_MEETINGS_PAGE, "store", store, NULL);
}

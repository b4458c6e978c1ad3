/* rk-action-tracker.c — every action item across the council's meetings.
 *
 * The store keeps one live list of action items (rk_store_get_action_items) and tells it when an item changes; the
 * tracker only filters it (rk_action_item_matches, which knows what "overdue" means) and shows it in a column view,
 * so an item marked done leaves the "Open" view at once and appears under "Done". Edits are committed at once. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-action-tracker.h"
#include "rk-era.h"
#include "rk-meetings-page.h"
#include "rk-member.h"
#include "rk-store-meetings.h"
#include "rk-store-members.h"
#include "rk-window.h"

struct _RkActionTracker
{
  AdwBin              parent_instance;

  RkStore            *store;
  RkActionFilter      filter;
  GtkCustomFilter    *custom_filter;
  GtkFilterListModel *filtered;

  GtkLabel           *count_label;
  GtkDropDown        *filter_dropdown;
  GtkWidget          *filter_box;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (RkActionTracker, rk_action_tracker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Set on a row's check button and status drop-down while bind() fills them, so that is not taken for an edit. */
#define BINDING_KEY "rk-binding"

static RkActionItem *
rk_action_tracker_find_item (RkActionTracker *self,
                             gint64           id)
{
  GListModel *items = rk_store_get_action_items (self->store);

  /* Transfer none: the store's list keeps the item alive. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RkActionItem) item = g_list_model_get_item (items, i);

      if (rk_action_item_get_id (item) == id)
        return item;
    }

  return NULL;
}

static char *
dup_assignee (RkStore      *store,
              RkActionItem *item)
{
  gint64 member_id = rk_action_item_get_assignee_member_id (item);

  if (member_id > 0)
    {
      GListModel *members = rk_store_get_members (store);

      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(RkMember) member = g_list_model_get_item (members, i);

          if (rk_member_get_id (member) == member_id)
            return g_strdup (rk_member_get_name (member));
        }
    }

  return g_strdup (rk_action_item_get_assignee_text (item));
}

/* "第3回 在宅医療部会" for the meeting an item came from. */
static char *
dup_meeting_label (RkStore *store,
                   gint64   meeting_id)
{
  RkMeeting *meeting = rk_store_find_meeting (store, meeting_id);
  GListModel *bodies = rk_store_get_bodies (store);
  g_autofree char *number = NULL;

  if (meeting == NULL)
    return g_strdup ("");

  number = rk_meeting_dup_number_label (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      if (rk_body_get_id (body) == rk_meeting_get_body_id (meeting))
        /* Translators: a meeting: its number and its body, "No. 3 Home Care Committee" (第3回 在宅医療部会). */
        return g_strdup_printf (C_("meeting", "%1$s %2$s"), number, rk_body_get_name (body));
    }

  return g_steal_pointer (&number);
}

static char *
dup_era_date (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (!rk_era_parse_iso_date (iso, &date))
    return g_strdup (iso);
  return rk_era_format_date (&date);
}

/* ---- Edits ----------------------------------------------------------------------------------------------- */

static void
rk_action_tracker_set_status (RkActionTracker *self,
                              gint64           id,
                              RkActionStatus   status)
{
  RkActionItem *found = rk_action_tracker_find_item (self, id);
  g_autoptr(RkActionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  RkActionItemInfo info;

  if (found == NULL || rk_action_item_get_status (found) == status)
    return;

  /* Held across the update: the store's list may hold the only reference while it replaces the row. */
  item = g_object_ref (found);
  rk_action_item_get_info (item, &info);
  info.status = status;
  if (!rk_store_update_action_item (self->store, item, &info, &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static void
rk_action_tracker_mark_done_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  rk_action_tracker_set_status (RK_ACTION_TRACKER (widget), g_variant_get_int64 (parameter), RK_ACTION_DONE);
}

static void
rk_action_tracker_set_status_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  gint64 id;
  gint32 status;

  g_variant_get (parameter, "(xi)", &id, &status);
  if (status < RK_ACTION_OPEN || status > RK_ACTION_DROPPED)
    return;
  rk_action_tracker_set_status (RK_ACTION_TRACKER (widget), id, status);
}

static void
rk_action_tracker_show_meeting_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RkActionTracker *self = RK_ACTION_TRACKER (widget);
  RkActionItem *item = rk_action_tracker_find_item (self, g_variant_get_int64 (parameter));
  GtkWidget *window = gtk_widget_get_ancestor (widget, RK_TYPE_WINDOW);
  GtkWidget *page;

  if (item == NULL || window == NULL)
    return;

  page = rk_window_get_page (RK_WINDOW (window), "meetings");
  if (!RK_IS_MEETINGS_PAGE (page))
    return;

  gtk_widget_activate_action (window, "win.show-page", "s", "meetings");
  rk_meetings_page_show_meeting (RK_MEETINGS_PAGE (page), rk_action_item_get_meeting_id (item),
                                 rk_action_item_get_agenda_item_id (item));
}

/* ---- Filter and counts ------------------------------------------------------------------------------------ */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RkActionTracker *self = user_data;

  return rk_action_item_matches (RK_ACTION_ITEM (item), self->filter, NULL);
}

static void
rk_action_tracker_update_state (RkActionTracker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  switch (self->filter)
    {
    case RK_ACTION_FILTER_OPEN:
      text = g_strdup_printf (ngettext ("%u open action item", "%u open action items", n), n);
      adw_status_page_set_title (self->empty_page, _("No Open Action Items"));
      adw_status_page_set_description (self->empty_page, _("Action items are recorded with the minutes of a meeting."));
      break;
    case RK_ACTION_FILTER_OVERDUE:
      text = g_strdup_printf (ngettext ("%u overdue action item", "%u overdue action items", n), n);
      adw_status_page_set_title (self->empty_page, _("Nothing Overdue"));
      adw_status_page_set_description (self->empty_page, _("Every open action item is within its due date."));
      break;
    case RK_ACTION_FILTER_DONE:
      text = g_strdup_printf (ngettext ("%u action item done", "%u action items done", n), n);
      adw_status_page_set_title (self->empty_page, _("No Action Items Done Yet"));
      adw_status_page_set_description (self->empty_page, NULL);
      break;
    case RK_ACTION_FILTER_ALL:
    default:
      text = g_strdup_printf (ngettext ("%u action item", "%u action items", n), n);
      adw_status_page_set_title (self->empty_page, _("No Action Items"));
      adw_status_page_set_description (self->empty_page, _("Action items are recorded with the minutes of a meeting."));
      break;
    }

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
}

/* The filters in the order of the toggles and of the drop-down that replaces them in a narrow window. */
static const RkActionFilter dropdown_filters[] = {
  RK_ACTION_FILTER_OPEN, RK_ACTION_FILTER_OVERDUE, RK_ACTION_FILTER_DONE, RK_ACTION_FILTER_ALL,
};

static void
filter_dropdown_selected_cb (RkActionTracker *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected < G_N_ELEMENTS (dropdown_filters))
    rk_action_tracker_set_filter (self, dropdown_filters[selected]);
}

static void
rk_action_tracker_sync_dropdown (RkActionTracker *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (dropdown_filters); i++)
    if (dropdown_filters[i] == self->filter && gtk_drop_down_get_selected (self->filter_dropdown) != i)
      gtk_drop_down_set_selected (self->filter_dropdown, i);
}

/* ---- Columns ----------------------------------------------------------------------------------------------- */

static GtkWidget *
new_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
done_toggled_cb (GtkCheckButton  *check,
                 RkActionTracker *self)
{
  RkActionItem *item = g_object_get_data (G_OBJECT (check), "rk-item");

  if (item == NULL || g_object_get_data (G_OBJECT (check), BINDING_KEY))
    return;

  rk_action_tracker_set_status (self, rk_action_item_get_id (item),
                                gtk_check_button_get_active (check) ? RK_ACTION_DONE : RK_ACTION_OPEN);
}

static void
setup_done_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RkActionTracker          *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (done_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_done_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RkActionTracker          *self)
{
  RkActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (check), BINDING_KEY, GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (check), "rk-item", item);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rk_action_item_get_status (item) == RK_ACTION_DONE);
  /* Translators: the accessible name of the check box that marks an action item done. */
  label = g_strdup_printf (_("Done: %s"), rk_action_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (check), BINDING_KEY, NULL);
}

static void
unbind_clear_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      RkActionTracker          *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "rk-item", NULL);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RkActionTracker          *self)
{
  gtk_list_item_set_child (list_item, new_cell_label ());
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               RkActionTracker          *self)
{
  RkActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), rk_action_item_get_title (item));
  gtk_widget_set_tooltip_text (label, rk_action_item_get_title (item));
  /* The table's row (GTK's, around the cells) has no name of its own in GTK 4.8: it takes the item's. */
  for (GtkWidget *row = gtk_widget_get_parent (label); row != NULL; row = gtk_widget_get_parent (row))
    if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        rk_action_item_get_title (item), -1);
        break;
      }
  if (rk_action_item_get_status (item) == RK_ACTION_DONE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_assignee_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RkActionTracker          *self)
{
  g_autofree char *text = dup_assignee (self->store, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
setup_due_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RkActionTracker          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *overdue = gtk_label_new (_("Overdue"));

  gtk_box_append (GTK_BOX (box), new_cell_label ());
  gtk_widget_add_css_class (overdue, "error");
  gtk_widget_add_css_class (overdue, "caption-heading");
  gtk_box_append (GTK_BOX (box), overdue);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_due_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RkActionTracker          *self)
{
  RkActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *overdue = gtk_widget_get_next_sibling (date);
  g_autofree char *text = dup_era_date (rk_action_item_get_due_date (item));
  gboolean is_overdue = rk_action_item_is_overdue (item, NULL);

  gtk_label_set_text (GTK_LABEL (date), *text != '\0' ? text : _("No due date"));
  /* Red, and said in words too: colour alone does not reach everyone. */
  if (is_overdue)
    gtk_widget_add_css_class (date, "error");
  else
    gtk_widget_remove_css_class (date, "error");
  if (*text == '\0')
    gtk_widget_add_css_class (date, "dim-label");
  else
    gtk_widget_remove_css_class (date, "dim-label");
  gtk_widget_set_visible (overdue, is_overdue);
}

static void
status_selected_cb (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    RkActionTracker *self)
{
  RkActionItem *item = g_object_get_data (G_OBJECT (dropdown), "rk-item");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), BINDING_KEY) || selected == GTK_INVALID_LIST_POSITION)
    return;

  rk_action_tracker_set_status (self, rk_action_item_get_id (item), (RkActionStatus) selected);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RkActionTracker          *self)
{
  const char *labels[] = {
    rk_action_status_to_label (RK_ACTION_OPEN),
    rk_action_status_to_label (RK_ACTION_DONE),
    rk_action_status_to_label (RK_ACTION_DROPPED),
    NULL,
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

  gtk_widget_add_css_class (dropdown, "flat");
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  gtk_list_item_set_child (list_item, dropdown);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RkActionTracker          *self)
{
  RkActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *dropdown = gtk_list_item_get_child (list_item);
  g_autofree char *label = NULL;

  g_object_set_data (G_OBJECT (dropdown), BINDING_KEY, GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (dropdown), "rk-item", item);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) rk_action_item_get_status (item));
  /* Translators: the accessible name of an action item's status drop-down. */
  label = g_strdup_printf (_("Status of %s"), rk_action_item_get_title (item));
  rk_accessible_name_drop_down (GTK_DROP_DOWN (dropdown), label);
  g_object_set_data (G_OBJECT (dropdown), BINDING_KEY, NULL);
}

static void
setup_meeting_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RkActionTracker          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = new_cell_label ();
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Go to the Meeting"));
  /* A target before the name: an "x" action without one is refused with a warning. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tracker.show-meeting");
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_meeting_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RkActionTracker          *self)
{
  RkActionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_next_sibling (label);
  g_autofree char *text = dup_meeting_label (self->store, rk_action_item_get_meeting_id (item));
  g_autofree char *a11y = NULL;

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (rk_action_item_get_id (item)));
  /* Translators: the accessible name of the button that opens the meeting an action item came from. */
  a11y = g_strdup_printf (_("Go to %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
rk_action_tracker_add_column (RkActionTracker *self,
                              const char      *title,
                              GCallback        setup,
                              GCallback        bind,
                              GCallback        unbind,
                              gboolean         expand,
                              int              fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect_object (factory, "setup", setup, self, 0);
  g_signal_connect_object (factory, "bind", bind, self, 0);
  if (unbind != NULL)
    g_signal_connect_object (factory, "unbind", unbind, self, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
}

/* ---- Public API ---------------------------------------------------------------------------------------- */

GtkWidget *
rk_action_tracker_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_ACTION_TRACKER, "store", store, NULL);
}

RkStore *
rk_action_tracker_get_store (RkActionTracker *self)
{
  g_return_val_if_fail (RK_IS_ACTION_TRACKER (self), NULL);

  return self->store;
}

RkActionFilter
rk_action_tracker_get_filter (RkActionTracker *self)
{
  g_return_val_if_fail (RK_IS_ACTION_TRACKER (self), RK_ACTION_FILTER_OPEN);

  return self->filter;
}

void
rk_action_tracker_set_filter (RkActionTracker *self,
                              RkActionFilter   filter)
{
  g_return_if_fail (RK_IS_ACTION_TRACKER (self));
  g_return_if_fail ((int) filter >= RK_ACTION_FILTER_ALL && filter <= RK_ACTION_FILTER_DONE);

  if (filter == self->filter)
    return;

  self->filter = filter;
  if (self->custom_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
  rk_action_tracker_sync_dropdown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

GListModel *
rk_action_tracker_get_items (RkActionTracker *self)
{
  g_return_val_if_fail (RK_IS_ACTION_TRACKER (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* ---- GObject --------------------------------------------------------------------------------------------- */

static void
rk_action_tracker_constructed (GObject *object)
{
  RkActionTracker *self = RK_ACTION_TRACKER (object);
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (rk_action_tracker_parent_class)->constructed (object);

  self->custom_filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (rk_store_get_action_items (self->store)),
                                              g_object_ref (GTK_FILTER (self->custom_filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (rk_action_tracker_update_state), self,
                           G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  rk_action_tracker_add_column (self, _("Done"), G_CALLBACK (setup_done_cb), G_CALLBACK (bind_done_cb),
                                G_CALLBACK (unbind_clear_item_cb), FALSE, -1);
  /* Wide enough to read a title in a narrow window, where the table scrolls sideways instead of crushing it. */
  rk_action_tracker_add_column (self, _("Action Item"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_title_cb),
                                NULL, TRUE, 220);
  rk_action_tracker_add_column (self, _("Assignee"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_assignee_cb),
                                NULL, FALSE, 180);
  rk_action_tracker_add_column (self, _("Due"), G_CALLBACK (setup_due_cb), G_CALLBACK (bind_due_cb),
                                NULL, FALSE, 260);
  rk_action_tracker_add_column (self, _("Status"), G_CALLBACK (setup_status_cb), G_CALLBACK (bind_status_cb),
                                G_CALLBACK (unbind_clear_item_cb), FALSE, 130);
  rk_action_tracker_add_column (self, _("Meeting"), G_CALLBACK (setup_meeting_cb), G_CALLBACK (bind_meeting_cb),
                                NULL, FALSE, 240);

  rk_action_tracker_update_state (self);
}

static void
rk_action_tracker_dispose (GObject *object)
{
  RkActionTracker *self = RK_ACTION_TRACKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_ACTION_TRACKER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->custom_filter);

  G_OBJECT_CLASS (rk_action_tracker_parent_class)->dispose (object);
}

static void
rk_action_tracker_finalize (GObject *object)
{
  RkActionTracker *self = RK_ACTION_TRACKER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_action_tracker_parent_class)->finalize (object);
}

static void
rk_action_tracker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkActionTracker *self = RK_ACTION_TRACKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_action_tracker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RkActionTracker *self = RK_ACTION_TRACKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      rk_action_tracker_set_filter (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_action_tracker_class_init (RkActionTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_action_tracker_constructed;
  object_class->dispose = rk_action_tracker_dispose;
  object_class->finalize = rk_action_tracker_finalize;
  object_class->get_property = rk_action_tracker_get_property;
  object_class->set_property = rk_action_tracker_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL, RK_TYPE_ACTION_FILTER, RK_ACTION_FILTER_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-action-tracker.ui");
  gtk_widget_class_bind_template_child (widget_class, RkActionTracker, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkActionTracker, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RkActionTracker, filter_box);
  gtk_widget_class_bind_template_child (widget_class, RkActionTracker, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RkActionTracker, column_view);
  gtk_widget_class_bind_template_child (widget_class, RkActionTracker, empty_page);

  gtk_widget_class_install_property_action (widget_class, "tracker.filter", "filter");
  gtk_widget_class_install_action (widget_class, "tracker.mark-done", "x", rk_action_tracker_mark_done_action);
  gtk_widget_class_install_action (widget_class, "tracker.set-status", "(xi)", rk_action_tracker_set_status_action);
  gtk_widget_class_install_action (widget_class, "tracker.show-meeting", "x", rk_action_tracker_show_meeting_action);
}

static void
rk_action_tracker_init (RkActionTracker *self)
{
  self->filter = RK_ACTION_FILTER_OPEN;

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  rk_accessible_name_drop_down (self->filter_dropdown, _("Show"));
  /* GTK 4.8 names a toggle button after its type once its raw label is dropped (which a plain button does not
   * need): name each after its label, without the underline. */
  for (GtkWidget *toggle = gtk_widget_get_first_child (self->filter_box); toggle;
       toggle = gtk_widget_get_next_sibling (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_button_get_label (GTK_BUTTON (toggle)), -1);
  /* The column view's inner list and its header row are named after their types too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    GTK_IS_LIST_VIEW (child) ? _("Action Items") : _("Column Headers"), -1);
  rk_action_tracker_sync_dropdown (self);
  g_signal_connect_object (self->filter_dropdown, "notify::selected", G_CALLBACK (filter_dropdown_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

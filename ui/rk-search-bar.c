/* rk-search-bar.c — search across a council, anywhere in its window.
 *
 * The query runs on the main thread, once, after the entry's pause (RK_SEARCH_BAR_DELAY): on a generated ten-year
 * council rk_search() takes a median of about 8 ms (at worst about 16 ms) for RK_SEARCH_BAR_LIMIT results, and with
 * the rows built about 11 ms (at worst about 35 ms, for a two-character term matching everywhere). A thread would
 * not buy much and could not have it cheaper: the query reads through the store's own SQLite connection, which the
 * pages write minutes through as the user types. */
#include <glib/gi18n.h>

#include "rk-action-tracker.h"
#include "rk-era.h"
#include "rk-meetings-page.h"
#include "rk-pdf-viewer.h"
#include "rk-search-bar.h"

#include "rk-store-rules.h"
#include "rk-store-meetings.h"
#include "rk-window.h"

struct _RkSearchBar
{
  GtkWidget          parent_instance;

  RkStore           *store;
  GtkWidget         *child;
  /* RkSearchResult, in the order of the rows. */
  GPtrArray         *results;
  char              *shown_query;
  char              *message;
  const char        *state;
  /* Where the focus was before the search opened, to put it back when it closes (weak). */
  GtkWidget         *return_focus;

  /* Template widgets */
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *entry;
  GtkOverlay        *overlay;
  GtkWidget         *results_clamp;
  GtkStack          *state_stack;
  GtkImage          *message_icon;
  GtkLabel          *message_label;
  GtkLabel          *count_label;
  GtkListBox        *results_list;
  GtkScrolledWindow *results_scroller;
};

G_DEFINE_FINAL_TYPE (RkSearchBar, rk_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CHILD,
  PROP_SEARCH_MODE_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char *kind;
  const char *icon_name;
  const char *name; /* N_() */
} RkSearchKindInfo;

static const RkSearchKindInfo rk_search_kinds[] = {
  { RK_SEARCH_KIND_MEETING, "x-office-calendar-symbolic", N_("Meeting") },
  { RK_SEARCH_KIND_AGENDA_ITEM, "accessories-text-editor-symbolic", N_("Minutes") },
  { RK_SEARCH_KIND_ACTION_ITEM, "checkbox-checked-symbolic", N_("Action item") },
  { RK_SEARCH_KIND_CHALLENGE, "dialog-question-symbolic", N_("Challenge") },
  { RK_SEARCH_KIND_ATTACHMENT_PAGE, "x-office-document-symbolic", N_("Handout page") },
  { RK_SEARCH_KIND_RULE_SECTION, "text-x-generic-symbolic", N_("Rule section") },
};

static const RkSearchKindInfo *
rk_search_kind_lookup (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (rk_search_kinds); i++)
    if (g_strcmp0 (rk_search_kinds[i].kind, kind) == 0)
      return &rk_search_kinds[i];

  return NULL;
}

const char *
rk_search_kind_icon_name (const char *kind)
{
  const RkSearchKindInfo *info = rk_search_kind_lookup (kind);

  return info != NULL ? info->icon_name : "text-x-generic-symbolic";
}

const char *
rk_search_kind_describe (const char *kind)
{
  const RkSearchKindInfo *info = rk_search_kind_lookup (kind);

  return info != NULL ? _(info->name) : _("Result");
}

gboolean
rk_search_kind_is_shown (const char *kind,
                         gboolean    has_rules_page)
{
  /* A result the window cannot open would be a dead end: rule sections wait for the rules page. */
  if (g_strcmp0 (kind, RK_SEARCH_KIND_RULE_SECTION) == 0)
    return has_rules_page;

  return rk_search_kind_lookup (kind) != NULL;
}

static RkWindow *
rk_search_bar_get_window (RkSearchBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return RK_IS_WINDOW (root) ? RK_WINDOW (root) : NULL;
}

static void
rk_search_bar_set_message (RkSearchBar *self,
                           const char  *state,
                           const char  *icon_name,
                           const char  *message)
{
  self->state = state;
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_image_set_from_icon_name (self->message_icon, icon_name);
  gtk_label_set_text (self->message_label, message);
  gtk_stack_set_visible_child_name (self->state_stack, "message");
}

static void
rk_search_bar_clear_results (RkSearchBar *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))))
    gtk_list_box_remove (self->results_list, row);
  g_ptr_array_set_size (self->results, 0);
}

static void
rk_search_bar_show_hint (RkSearchBar *self)
{
  rk_search_bar_clear_results (self);
  g_free (self->shown_query);
  self->shown_query = g_strdup ("");
  rk_search_bar_set_message (self, "hint", "system-search-symbolic",
                             _("Search minutes, decisions, action items, challenges and handouts"));
}

/* "令和7年(2025年)6月12日" for the day a result is dated by, or NULL when it has none. */
static char *
rk_search_format_date (const char *iso)
{
  g_autofree char *day = NULL;
  GDate date;

  if (iso == NULL || strlen (iso) < 10)
    return NULL;

  day = g_strndup (iso, 10);
  if (!rk_era_parse_iso_date (day, &date))
    return NULL;

  return rk_era_format_date (&date);
}

static GtkWidget *
rk_search_bar_create_row (const RkSearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new_from_icon_name (rk_search_kind_icon_name (result->kind));
  GtkWidget *title = gtk_label_new (result->title);
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *date = rk_search_format_date (result->date);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  /* The icon is the only place the kind shows, so it carries the kind's name for screen readers. */
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_set_tooltip_text (icon, rk_search_kind_describe (result->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rk_search_kind_describe (result->kind), -1);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text_box), title);

  /* The core escapes the text and adds only <b>; a snippet that still does not parse is shown as it is rather than
   * as an empty row (GtkLabel drops markup it cannot parse). */
  if (result->snippet != NULL && pango_parse_markup (result->snippet, -1, 0, NULL, NULL, NULL, NULL))
    gtk_label_set_markup (GTK_LABEL (snippet), result->snippet);
  else
    gtk_label_set_text (GTK_LABEL (snippet), result->snippet ? result->snippet : "");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (snippet, result->snippet != NULL && *result->snippet != '\0');
  gtk_box_append (GTK_BOX (text_box), snippet);

  if (date != NULL)
    {
      GtkWidget *date_label = gtk_label_new (date);

      gtk_label_set_xalign (GTK_LABEL (date_label), 0);
      gtk_label_set_wrap (GTK_LABEL (date_label), TRUE);
      gtk_widget_add_css_class (date_label, "caption");
      gtk_widget_add_css_class (date_label, "dim-label");
      gtk_box_append (GTK_BOX (text_box), date_label);
    }

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
rk_search_bar_run (RkSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_auto(GStrv) terms = rk_search_split_query (text);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *query = NULL;
  RkWindow *window;
  gboolean has_rules_page;
  gboolean more;

  if (terms[0] == NULL || self->store == NULL)
    {
      rk_search_bar_show_hint (self);
      g_free (self->shown_query);
      self->shown_query = g_strdup (text);
      return;
    }

  rk_search_bar_clear_results (self);
  query = g_strstrip (g_strdup (text));
  g_free (self->shown_query);
  self->shown_query = g_strdup (text);

  /* One more than shown tells whether there are more. */
  found = rk_search (self->store, text, RK_SEARCH_BAR_LIMIT + 1, &error);
  if (found == NULL)
    {
      if (g_error_matches (error, RK_SEARCH_ERROR, RK_SEARCH_ERROR_EMPTY))
        rk_search_bar_show_hint (self);
      else
        rk_search_bar_set_message (self, "error", "dialog-warning-symbolic", error->message);
      return;
    }

  more = found->len > RK_SEARCH_BAR_LIMIT;
  window = rk_search_bar_get_window (self);
  has_rules_page = window != NULL && rk_window_get_page (window, "rules") != NULL;

  for (guint i = 0; i < found->len && i < RK_SEARCH_BAR_LIMIT; i++)
    {
      RkSearchResult *result = g_ptr_array_index (found, i);

      if (!rk_search_kind_is_shown (result->kind, has_rules_page))
        continue;

      gtk_list_box_append (self->results_list, rk_search_bar_create_row (result));
      g_ptr_array_add (self->results, g_steal_pointer (&found->pdata[i]));
    }

  if (self->results->len == 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is what the user searched for. */
      message = g_strdup_printf (_("No results for “%s”"), query);
      rk_search_bar_set_message (self, "empty", "edit-find-symbolic", message);
      return;
    }

  if (more)
    /* Translators: %u is the number of results listed (50). */
    count = g_strdup_printf (_("The first %u results — add a word to narrow the search"), self->results->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", self->results->len),
                             self->results->len);

  self->state = "results";
  g_free (self->message);
  self->message = g_steal_pointer (&count);
  gtk_label_set_text (self->count_label, self->message);
  gtk_stack_set_visible_child_name (self->state_stack, "results");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
}

static void
search_changed_cb (RkSearchBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    rk_search_bar_run (self);
}

void
rk_search_bar_search_now (RkSearchBar *self)
{
  g_return_if_fail (RK_IS_SEARCH_BAR (self));

  rk_search_bar_run (self);
}

/* Puts the focus back where it was before the search opened, or into the content. */
static void
rk_search_bar_restore_focus (RkSearchBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The user moved on by themselves (clicked into the page): leave the focus there. */
  if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar))
      && !gtk_widget_is_ancestor (focus, self->results_clamp))
    return;

  if (self->return_focus != NULL && gtk_widget_get_mapped (self->return_focus)
      && gtk_widget_grab_focus (self->return_focus))
    return;

  if (self->child != NULL)
    gtk_widget_child_focus (self->child, GTK_DIR_TAB_FORWARD);
}

static void
search_mode_changed_cb (RkSearchBar *self)
{
  gboolean enabled = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_widget_set_visible (self->results_clamp, enabled);
  if (enabled)
    {
      rk_search_bar_run (self);
    }
  else
    {
      rk_search_bar_show_hint (self);
      rk_search_bar_restore_focus (self);
      g_clear_weak_pointer (&self->return_focus);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
rk_search_bar_open_result (RkSearchBar          *self,
                           const RkSearchResult *result)
{
  RkWindow *window = rk_search_bar_get_window (self);
  g_autofree char *kind = g_strdup (result->kind);
  gint64 ref = result->ref;
  gint64 meeting_id = result->meeting_id;
  int page = result->page;
  g_autoptr(GError) error = NULL;
  GtkWidget *meetings;

  /* Closing clears the results (and @result with them): what is needed was copied above. */
  rk_search_bar_set_search_mode (self, FALSE);

  if (window == NULL || self->store == NULL)
    return;

  if (g_str_equal (kind, RK_SEARCH_KIND_ATTACHMENT_PAGE))
    {
      RkPdfViewer *viewer = rk_pdf_viewer_new_for_handout (GTK_WINDOW (window), self->store, ref, &error);

      if (viewer == NULL)
        {
          rk_widget_show_error_toast (GTK_WIDGET (window), error);
          return;
        }
      rk_pdf_viewer_show_page (viewer, MAX (page, 1));
      gtk_window_present (GTK_WINDOW (viewer));
      return;
    }

  if (g_str_equal (kind, RK_SEARCH_KIND_RULE_SECTION))
    {
      RkRuleVersion *version = rk_store_find_rule_version_of_section (self->store, ref);
      GtkWidget *rules;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rules");
      if (version == NULL || (rules = rk_window_get_page (window, "rules")) == NULL)
        return;
      /* The section may be in a version the page is not showing: open its document and version first. */
      gtk_widget_activate_action (rules, "rules.select-document", "x", rk_rule_version_get_document_id (version));
      gtk_widget_activate_action (rules, "rules.select-version", "x", rk_rule_version_get_id (version));
      gtk_widget_activate_action (rules, "rules.select-section", "x", ref);
      return;
    }

  if ((meetings = rk_window_get_page (window, "meetings")) == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");

  if (g_str_equal (kind, RK_SEARCH_KIND_ACTION_ITEM))
    {
      GtkWidget *tracker = find_descendant (meetings, RK_TYPE_ACTION_TRACKER);

      rk_meetings_page_show_view (RK_MEETINGS_PAGE (meetings), "actions");
      /* A result may be done or dropped: under the tracker's default filter (open) it would not be there. */
      if (tracker != NULL)
        rk_action_tracker_set_filter (RK_ACTION_TRACKER (tracker), RK_ACTION_FILTER_ALL);
    }
  else if (g_str_equal (kind, RK_SEARCH_KIND_CHALLENGE))
    rk_meetings_page_show_view (RK_MEETINGS_PAGE (meetings), "challenges");
  else if (rk_store_find_meeting (self->store, meeting_id) == NULL)
    {
      /* Removed since the search ran (the results are a snapshot). */
      g_set_error_literal (&error, RK_STORE_ERROR, RK_STORE_ERROR_NOT_FOUND, _("That meeting has been removed."));
      rk_widget_show_error_toast (GTK_WIDGET (window), error);
    }
  else
    rk_meetings_page_show_meeting (RK_MEETINGS_PAGE (meetings), meeting_id,
                                   g_str_equal (kind, RK_SEARCH_KIND_AGENDA_ITEM) ? ref : 0);
}

static void
row_activated_cb (RkSearchBar   *self,
                  GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->results->len)
    rk_search_bar_open_result (self, g_ptr_array_index (self->results, index));
}

static void
entry_activate_cb (RkSearchBar *self)
{
  GtkListBoxRow *first;

  /* Enter before the pause ran out searches for what is typed, not for what was typed before. */
  if (g_strcmp0 (self->shown_query, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    rk_search_bar_run (self);

  if ((first = gtk_list_box_get_row_at_index (self->results_list, 0)))
    gtk_widget_activate (GTK_WIDGET (first));
}

static gboolean
entry_key_pressed_cb (RkSearchBar           *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || (state & GDK_MODIFIER_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  if (g_strcmp0 (self->shown_query, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    rk_search_bar_run (self);

  if ((first = gtk_list_box_get_row_at_index (self->results_list, 0)) == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

static gboolean
list_key_pressed_cb (RkSearchBar           *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  /* Up from the first result goes back to the entry, to refine the query. */
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && (state & GDK_MODIFIER_MASK) == 0
      && first != NULL && focus == GTK_WIDGET (first))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
key_pressed_cb (RkSearchBar           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Escape in the results closes the search (the entry closes it by itself, through the search bar). Escape in
   * the page underneath is the page's. */
  if (keyval == GDK_KEY_Escape && gtk_search_bar_get_search_mode (self->search_bar)
      && focus != NULL && gtk_widget_is_ancestor (focus, self->results_clamp))
    {
      rk_search_bar_set_search_mode (self, FALSE);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

GtkWidget *
rk_search_bar_new (void)
{
  return g_object_new (RK_TYPE_SEARCH_BAR, NULL);
}

RkStore *
rk_search_bar_get_store (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return self->store;
}

void
rk_search_bar_set_store (RkSearchBar *self,
                         RkStore     *store)
{
  g_return_if_fail (RK_IS_SEARCH_BAR (self));
  g_return_if_fail (store == NULL || RK_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (gtk_search_bar_get_search_mode (self->search_bar))
    rk_search_bar_run (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkWidget *
rk_search_bar_get_child (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return self->child;
}

void
rk_search_bar_set_child (RkSearchBar *self,
                         GtkWidget   *child)
{
  g_return_if_fail (RK_IS_SEARCH_BAR (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  self->child = child;
  gtk_overlay_set_child (self->overlay, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

gboolean
rk_search_bar_get_search_mode (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
rk_search_bar_set_search_mode (RkSearchBar *self,
                               gboolean     enabled)
{
  g_return_if_fail (RK_IS_SEARCH_BAR (self));

  if (enabled && !gtk_search_bar_get_search_mode (self->search_bar))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* Wherever it was: the sidebar, a field of the page or the search button in the header bar. */
      if (focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar))
                            || gtk_widget_is_ancestor (focus, self->results_clamp)))
        focus = NULL;
      g_set_weak_pointer (&self->return_focus, focus);
    }

  gtk_search_bar_set_search_mode (self->search_bar, enabled);
}

void
rk_search_bar_start (RkSearchBar *self)
{
  g_return_if_fail (RK_IS_SEARCH_BAR (self));

  rk_search_bar_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

GtkEditable *
rk_search_bar_get_entry (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return GTK_EDITABLE (self->entry);
}

const char *
rk_search_bar_get_shown_query (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return self->shown_query;
}

const char *
rk_search_bar_get_state (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return self->state;
}

const char *
rk_search_bar_get_message (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return self->message;
}

guint
rk_search_bar_get_n_results (RkSearchBar *self)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), 0);

  return self->results->len;
}

const RkSearchResult *
rk_search_bar_get_result (RkSearchBar *self,
                          guint        index)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return g_ptr_array_index (self->results, index);
}

GtkWidget *
rk_search_bar_get_result_row (RkSearchBar *self,
                              guint        index)
{
  g_return_val_if_fail (RK_IS_SEARCH_BAR (self), NULL);

  return (GtkWidget *) gtk_list_box_get_row_at_index (self->results_list, index);
}

static void
rk_search_bar_dispose (GObject *object)
{
  RkSearchBar *self = RK_SEARCH_BAR (object);

  g_clear_weak_pointer (&self->return_focus);
  self->child = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (rk_search_bar_parent_class)->dispose (object);
}

static void
rk_search_bar_finalize (GObject *object)
{
  RkSearchBar *self = RK_SEARCH_BAR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->shown_query, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rk_search_bar_parent_class)->finalize (object);
}

static void
rk_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RkSearchBar *self = RK_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, rk_search_bar_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RkSearchBar *self = RK_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rk_search_bar_set_store (self, g_value_get_object (value));
      break;

    case PROP_CHILD:
      rk_search_bar_set_child (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE_ENABLED:
      rk_search_bar_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_search_bar_class_init (RkSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_search_bar_dispose;
  object_class->finalize = rk_search_bar_finalize;
  object_class->get_property = rk_search_bar_get_property;
  object_class->set_property = rk_search_bar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, overlay);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, results_clamp);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, state_stack);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, message_icon);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, message_label);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, results_list);
  gtk_widget_class_bind_template_child (widget_class, RkSearchBar, results_scroller);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
rk_search_bar_init (RkSearchBar *self)
{
  GtkEventController *controller;

  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_search_result_free);
  self->shown_query = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  gtk_search_entry_set_search_delay (self->entry, RK_SEARCH_BAR_DELAY);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->results_list), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  rk_search_bar_show_hint (self);
}

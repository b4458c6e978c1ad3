/* rk-members-page.c — the 会議体・構成員 page.
 *
 * The roster is a GtkColumnView over the store's GListModel of members, through a GtkFilterListModel (the filter
 * bar) and a GtkSortListModel (the column headers). Members change in place (an edit, an ended term) without the
 * list changing, so the page watches every member's notify and refilters, resorts and recomputes the coverage;
 * that keeps the filters, the sort order and the coverage panel true to the file at every moment. Every edit is
 * committed by the store at once; a removal offers undo in a toast. */
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rk-accessible.h"
#include "rk-catalog.h"
#include "rk-coverage-panel.h"
#include "rk-era.h"
#include "rk-member-editor.h"
#include "rk-members-page.h"
#include "rk-roster-csv.h"
#include "rk-roster-import-dialog.h"
#include "rk-roster-pdf.h"
#include "rk-store-private.h"
#include "rk-window.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_TITLE,
  COLUMN_ROLE,
  COLUMN_TYPE,
  COLUMN_BODIES,
  COLUMN_TERM,
  COLUMN_ACTIONS,
} ColumnKind;

/* The choices of the end-of-term filter, in months (0: any). */
static const guint term_filter_months[] = { 0, 3, 6, 12 };

struct _RkMembersPage
{
  AdwBin                parent_instance;

  RkStore              *store;
  /* RkMember → its notify handler id, for every member the page has seen. */
  GHashTable           *watched;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
  GtkWidget            *coverage_panel;

  /* The filter bar's state. */
  int                   filter_type;   /* 0: all */
  gint64                filter_body;   /* 0: all */
  int                   filter_role;   /* -1: all */
  guint                 filter_months; /* 0: any */
  gboolean              show_former;
  GArray               *body_choices;  /* gint64 per position of body_dropdown; 0 at position 0 */
  gboolean              updating_filters;

  RkCsvEncoding         chooser_encoding;

  AdwFlap              *flap;
  GtkLabel             *count_label;
  GtkToggleButton      *coverage_button;
  GtkDropDown          *type_dropdown;
  GtkDropDown          *body_dropdown;
  GtkDropDown          *role_dropdown;
  GtkDropDown          *term_dropdown;
  GtkToggleButton      *former_button;
  GtkStack             *roster_stack;
  GtkColumnView        *column_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *coverage_box;
};

G_DEFINE_FINAL_TYPE (RkMembersPage, rk_members_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
rk_members_page_get_window (RkMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static RkMember *
rk_members_page_find_member (RkMembersPage *self,
                             gint64         id)
{
  GListModel *members = rk_store_get_members (self->store);

  /* Transfer none: the store's list keeps the member alive. */
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      RkMember *member = g_list_model_get_item (members, i);

      g_object_unref (member);
      if (rk_member_get_id (member) == id)
        return member;
    }

  return NULL;
}

static char *
format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0' || !rk_era_parse_iso_date (iso, &date))
    return NULL;

  return rk_era_format_date (&date);
}

static const char *
member_type_name (int member_type)
{
  RkMemberType *type = NULL;

  if (member_type >= RK_MEMBER_TYPE_FIRST && member_type <= RK_MEMBER_TYPE_LAST)
    type = rk_catalog_lookup_member_type (rk_catalog_get_default (), (guint) member_type);

  return type ? rk_member_type_get_name (type) : "";
}

/* ---- Filtering ------------------------------------------------------------------------------------------ */

static gboolean
member_has_body (RkMember *member,
                 gint64    body_id)
{
  const GArray *ids = rk_member_get_body_ids (member);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == body_id)
      return TRUE;

  return FALSE;
}

static gboolean
filter_member (gpointer item,
               gpointer user_data)
{
  RkMembersPage *self = user_data;
  RkMember *member = item;

  if (!self->show_former && !rk_member_get_current (member))
    return FALSE;
  if (self->filter_type != 0 && rk_member_get_member_type (member) != self->filter_type)
    return FALSE;
  if (self->filter_role >= 0 && (int) rk_member_get_role (member) != self->filter_role)
    return FALSE;
  if (self->filter_body != 0 && !member_has_body (member, self->filter_body))
    return FALSE;
  if (self->filter_months != 0)
    {
      GDate today;

      /* The council's today (RK_TODAY pins it), the same day the store dates edits by. */
      g_date_clear (&today, 1);
      rk_store_get_today (&today);
      if (!rk_member_term_ends_within (member, &today, self->filter_months))
        return FALSE;
    }

  return TRUE;
}

static void
rk_members_page_update_counts (RkMembersPage *self)
{
  GListModel *members = rk_store_get_members (self->store);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint n_current = 0;
  g_autofree char *count = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);

      n_current += rk_member_get_current (member);
    }

  if (n_shown == n_current)
    /* Translators: above the roster: the number of current members, all shown. */
    count = g_strdup_printf (ngettext ("%u member", "%u members", n_current), n_current);
  else
    /* Translators: above the roster when filtered or with former members: rows shown, current members. */
    count = g_strdup_printf (ngettext ("%1$u shown · %2$u current member", "%1$u shown · %2$u current members",
                                       n_current),
                             n_shown, n_current);
  gtk_label_set_text (self->count_label, count);

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->roster_stack, "list");
  else
    {
      gboolean empty = g_list_model_get_n_items (members) == 0;
      gboolean former_would_show = FALSE;
      const char *description;

      /* When only hiding former members empties the list, the way out is that toggle, not the filters. */
      if (!empty && !self->show_former)
        {
          self->show_former = TRUE;
          for (guint i = 0; i < g_list_model_get_n_items (members) && !former_would_show; i++)
            {
              g_autoptr(RkMember) member = g_list_model_get_item (members, i);

              former_would_show = filter_member (member, self);
            }
          self->show_former = FALSE;
        }

      if (empty)
        description = _("Add the council’s members, or import a roster from a CSV file.");
      else if (former_would_show)
        description = _("Only former members match. Turn on “Former Members” to see them.");
      else
        description = _("Change the filters to see more members.");
      adw_status_page_set_title (self->empty_page, empty ? _("No Members Yet") : _("No Matching Members"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->roster_stack, "empty");
    }
}

/* Something about the members changed: everything derived from them follows. */
static void
rk_members_page_refresh (RkMembersPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (sorter != NULL)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  if (self->coverage_panel != NULL)
    rk_coverage_panel_update (RK_COVERAGE_PANEL (self->coverage_panel));
  rk_members_page_update_counts (self);
}

static void
rk_members_page_watch_members (RkMembersPage *self)
{
  GListModel *members = rk_store_get_members (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);

      if (!g_hash_table_contains (self->watched, member))
        {
          gulong id = g_signal_connect_object (member, "notify", G_CALLBACK (rk_members_page_refresh), self,
                                               G_CONNECT_SWAPPED);

          g_hash_table_insert (self->watched, g_object_ref (member), GSIZE_TO_POINTER (id));
        }
    }
}

static void
members_changed_cb (RkMembersPage *self)
{
  rk_members_page_watch_members (self);
  rk_members_page_update_counts (self);
}

static void
rk_members_page_set_filter (RkMembersPage *self,
                            const char    *key,
                            const char    *value)
{
  gint64 number = g_ascii_strtoll (value, NULL, 10);

  if (g_str_equal (key, "type"))
    self->filter_type = number >= RK_MEMBER_TYPE_FIRST && number <= RK_MEMBER_TYPE_LAST ? (int) number : 0;
  else if (g_str_equal (key, "body"))
    self->filter_body = number;
  else if (g_str_equal (key, "role"))
    self->filter_role = number >= 0 && number <= RK_ROLE_LAST ? (int) number : -1;
  else if (g_str_equal (key, "term-months"))
    self->filter_months = number > 0 ? (guint) number : 0;
  else if (g_str_equal (key, "former"))
    self->show_former = g_str_equal (value, "true");
  else
    {
      g_critical ("members.set-filter: unknown filter “%s”", key);
      return;
    }

  /* The filter bar shows what is filtered, however the filter was set. */
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, (guint) self->filter_type);
  gtk_drop_down_set_selected (self->role_dropdown, (guint) (self->filter_role + 1));
  for (guint i = 0; i < self->body_choices->len; i++)
    if (g_array_index (self->body_choices, gint64, i) == self->filter_body)
      gtk_drop_down_set_selected (self->body_dropdown, i);
  for (guint i = 0; i < G_N_ELEMENTS (term_filter_months); i++)
    if (term_filter_months[i] == self->filter_months)
      gtk_drop_down_set_selected (self->term_dropdown, i);
  gtk_toggle_button_set_active (self->former_button, self->show_former);
  self->updating_filters = FALSE;

  rk_members_page_refresh (self);
}

static void
filter_widget_changed_cb (RkMembersPage *self)
{
  guint body = gtk_drop_down_get_selected (self->body_dropdown);
  guint term = gtk_drop_down_get_selected (self->term_dropdown);

  if (self->updating_filters)
    return;

  self->filter_type = (int) gtk_drop_down_get_selected (self->type_dropdown);
  self->filter_role = (int) gtk_drop_down_get_selected (self->role_dropdown) - 1;
  self->filter_body = body < self->body_choices->len ? g_array_index (self->body_choices, gint64, body) : 0;
  self->filter_months = term < G_N_ELEMENTS (term_filter_months) ? term_filter_months[term] : 0;
  self->show_former = gtk_toggle_button_get_active (self->former_button);

  rk_members_page_refresh (self);
}

/* The body filter offers the council's bodies, and follows them as they are added, renamed or removed. */
static void
rk_members_page_update_body_choices (RkMembersPage *self)
{
  GListModel *bodies = rk_store_get_bodies (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 all = 0;
  guint selected = 0;

  g_array_set_size (self->body_choices, 0);
  g_array_append_val (self->body_choices, all);
  gtk_string_list_append (names, _("All Bodies"));

  for (guint i = 0; i < g_list_model_get_n_items (bodies); i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);
      gint64 id = rk_body_get_id (body);

      g_array_append_val (self->body_choices, id);
      gtk_string_list_append (names, rk_body_get_name (body));
      if (id == self->filter_body)
        selected = i + 1;
    }

  if (selected == 0)
    self->filter_body = 0;

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->body_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->body_dropdown, selected);
  self->updating_filters = FALSE;

  rk_members_page_refresh (self);
}

static void
rk_members_page_setup_filters (RkMembersPage *self)
{
  GListModel *types = rk_catalog_get_member_types (rk_catalog_get_default ());
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) terms = gtk_string_list_new (NULL);

  gtk_string_list_append (type_names, _("All Member Types"));
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(RkMemberType) type = g_list_model_get_item (types, i);

      gtk_string_list_append (type_names, rk_member_type_get_name (type));
    }

  gtk_string_list_append (roles, _("All Roles"));
  for (RkRole role = RK_ROLE_CHAIR; role <= RK_ROLE_LAST; role++)
    gtk_string_list_append (roles, rk_role_to_label (role));

  gtk_string_list_append (terms, _("Any End of Term"));
  for (guint i = 1; i < G_N_ELEMENTS (term_filter_months); i++)
    {
      /* Translators: a choice of the end-of-term filter. */
      g_autofree char *label = g_strdup_printf (ngettext ("Term Ends Within %u Month", "Term Ends Within %u Months",
                                                          term_filter_months[i]),
                                                term_filter_months[i]);

      gtk_string_list_append (terms, label);
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (type_names));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
  gtk_drop_down_set_model (self->term_dropdown, G_LIST_MODEL (terms));
  gtk_drop_down_set_enable_search (self->type_dropdown, TRUE);
  {
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->type_dropdown, expression);
  }
  self->updating_filters = FALSE;

  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (filter_widget_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_dropdown, "notify::selected", G_CALLBACK (filter_widget_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_dropdown, "notify::selected", G_CALLBACK (filter_widget_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->term_dropdown, "notify::selected", G_CALLBACK (filter_widget_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->former_button, "toggled", G_CALLBACK (filter_widget_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (rk_store_get_bodies (self->store), "items-changed",
                           G_CALLBACK (rk_members_page_update_body_choices), self, G_CONNECT_SWAPPED);
  rk_members_page_update_body_choices (self);
}

/* ---- Sorting -------------------------------------------------------------------------------------------- */

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Empty cells go last, whatever the direction of the other values. */
  gboolean a_empty = a == NULL || *a == '\0', b_empty = b == NULL || *b == '\0';

  if (a_empty || b_empty)
    return a_empty - b_empty;

  return g_utf8_collate (a, b);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RkMember *x = RK_MEMBER ((gpointer) a), *y = RK_MEMBER ((gpointer) b);
  int result;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      /* Japanese names sort by their reading (ふりがな), as in a printed 名簿. */
      result = compare_strings (*rk_member_get_kana (x) ? rk_member_get_kana (x) : rk_member_get_name (x),
                                *rk_member_get_kana (y) ? rk_member_get_kana (y) : rk_member_get_name (y));
      break;
    case COLUMN_ORGANISATION:
      result = compare_strings (rk_member_get_organisation (x), rk_member_get_organisation (y));
      break;
    case COLUMN_TITLE:
      result = compare_strings (rk_member_get_title (x), rk_member_get_title (y));
      break;
    case COLUMN_ROLE:
      result = (int) rk_member_get_role (x) - (int) rk_member_get_role (y);
      break;
    case COLUMN_TYPE:
      result = rk_member_get_member_type (x) - rk_member_get_member_type (y);
      break;
    case COLUMN_BODIES:
      result = compare_strings (rk_member_get_bodies (x), rk_member_get_bodies (y));
      break;
    case COLUMN_TERM:
      /* ISO dates sort as strings. */
      result = compare_strings (rk_member_get_term_end (x), rk_member_get_term_end (y));
      break;
    default:
      result = 0;
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* ---- Cells ---------------------------------------------------------------------------------------------- */

static void
set_former_style (GtkWidget *widget,
                  gboolean   former)
{
  if (former)
    gtk_widget_add_css_class (widget, "rk-former");
  else
    gtk_widget_remove_css_class (widget, "rk-former");
}

static char *
format_term (RkMember *member)
{
  g_autofree char *start = format_iso (rk_member_get_term_start (member));
  g_autofree char *end = format_iso (rk_member_get_term_end (member));

  if (!rk_member_get_current (member))
    /* Translators: the term of a former member: its start, then when it ended (和暦 dates). */
    return g_strdup_printf (_("%1$s –\nEnded %2$s"), start ? start : "", end ? end : "");
  if (start == NULL && end == NULL)
    return g_strdup ("—");

  /* Translators: a term of office in the roster: start – end, on two lines (和暦 dates; either may be empty). */
  return g_strdup_printf (C_("roster term", "%1$s –\n%2$s"), start ? start : "", end ? end : "");
}

static GMenuModel *
create_member_menu (RkMember *member)
{
  GMenu *menu = g_menu_new ();
  gint64 id = rk_member_get_id (member);
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

  g_menu_item_set_action_and_target_value (edit, "members.edit", g_variant_new_int64 (id));
  g_menu_append_item (menu, edit);
  if (rk_member_get_current (member))
    {
      g_autoptr(GMenuItem) end = g_menu_item_new (_("End _Term…"), NULL);

      g_menu_item_set_action_and_target_value (end, "members.end-term", g_variant_new_int64 (id));
      g_menu_append_item (menu, end);
    }
  g_menu_item_set_action_and_target_value (remove, "members.remove", g_variant_new_int64 (id));
  g_menu_append_item (menu, remove);

  return G_MENU_MODEL (menu);
}

/* Names the roster row that holds @cell_child (the name cell's widget) after the member: its name and type. The
 * row is GTK's, and has no name of its own in GTK 4.8. */
static void
rk_members_page_name_row (GtkWidget *cell_child,
                          RkMember  *member)
{
  GtkWidget *cell = gtk_widget_get_parent (cell_child);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  /* Translators: accessible name of a roster row: a member's name, then their member type. */
  g_autofree char *label = g_strdup_printf (C_("roster row", "%1$s, %2$s"), rk_member_get_name (member),
                                            member_type_name (rk_member_get_member_type (member)));

  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    rk_member_get_name (member), -1);
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_cell (GtkListItem *list_item)
{
  RkMember *member = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "rk-column"));
  g_autofree char *text = NULL;

  if (member == NULL || child == NULL)
    return;

  set_former_style (child, !rk_member_get_current (member));

  switch (kind)
    {
    case COLUMN_NAME:
      {
        GtkWidget *name = gtk_widget_get_first_child (child);
        GtkWidget *kana = gtk_widget_get_next_sibling (name);

        gtk_label_set_text (GTK_LABEL (name), rk_member_get_name (member));
        gtk_label_set_text (GTK_LABEL (kana), rk_member_get_kana (member));
        gtk_widget_set_visible (kana, *rk_member_get_kana (member) != '\0');
        rk_members_page_name_row (child, member);
        return;
      }
    case COLUMN_ACTIONS:
      {
        g_autoptr(GMenuModel) menu = create_member_menu (member);
        /* Translators: accessible name of the menu button of a roster row; %s is the member's name. */
        g_autofree char *label = g_strdup_printf (_("Actions for %s"), rk_member_get_name (member));

        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (child), menu);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        return;
      }
    case COLUMN_ORGANISATION:
      gtk_label_set_text (GTK_LABEL (child), rk_member_get_organisation (member));
      break;
    case COLUMN_TITLE:
      gtk_label_set_text (GTK_LABEL (child), rk_member_get_title (member));
      break;
    case COLUMN_ROLE:
      gtk_label_set_text (GTK_LABEL (child), rk_role_to_label (rk_member_get_role (member)));
      break;
    case COLUMN_TYPE:
      gtk_label_set_text (GTK_LABEL (child), member_type_name (rk_member_get_member_type (member)));
      break;
    case COLUMN_BODIES:
      {
        const char *bodies = rk_member_get_bodies (member);

        /* An empty cell would have no name over AT-SPI. */
        gtk_label_set_text (GTK_LABEL (child), *bodies != '\0' ? bodies : "—");
        if (*bodies != '\0')
          gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
        else
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Not on Any Body"), -1);
        return;
      }
    case COLUMN_TERM:
      text = format_term (member);
      gtk_label_set_text (GTK_LABEL (child), text);
      break;
    default:
      g_assert_not_reached ();
    }

  /* GTK 4.8 names a cell after its GType, not after the text it shows. */
  if (gtk_widget_get_parent (child) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (child)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (child)), -1);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  g_object_set_data (G_OBJECT (list_item), "rk-column", user_data);

  if (kind == COLUMN_NAME)
    {
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *kana = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (kana), 0);
      gtk_label_set_ellipsize (GTK_LABEL (kana), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (kana, "caption");
      gtk_widget_add_css_class (kana, "dim-label");
      gtk_box_append (GTK_BOX (child), name);
      gtk_box_append (GTK_BOX (child), kana);
    }
  else if (kind == COLUMN_ACTIONS)
    {
      child = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (child), "view-more-symbolic");
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (child, _("Edit, End Term or Remove"));
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (kind == COLUMN_TERM)
        gtk_widget_add_css_class (child, "caption");
      if (kind == COLUMN_BODIES || kind == COLUMN_ORGANISATION)
        {
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_lines (GTK_LABEL (child), 2);
        }
    }

  gtk_list_item_set_child (list_item, child);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  RkMember *member = gtk_list_item_get_item (list_item);
  gulong id;

  update_cell (list_item);
  /* A member edited in place changes its cells without the list changing. */
  id = g_signal_connect_object (member, "notify", G_CALLBACK (update_cell), list_item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (list_item), "rk-notify-id", GSIZE_TO_POINTER (id));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  RkMember *member = gtk_list_item_get_item (list_item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "rk-notify-id"));

  if (member != NULL && id != 0)
    g_signal_handler_disconnect (member, id);
  g_object_set_data (G_OBJECT (list_item), "rk-notify-id", NULL);
}

static void
rk_members_page_add_column (RkMembersPage *self,
                            ColumnKind     kind,
                            const char    *title,
                            gboolean       expand,
                            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (kind));

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, kind != COLUMN_ACTIONS);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  if (kind != COLUMN_ACTIONS)
    {
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_members, GINT_TO_POINTER (kind), NULL);

      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
  gtk_column_view_append_column (self->column_view, column);
}

static void
rk_members_page_setup_columns (RkMembersPage *self)
{
  rk_members_page_add_column (self, COLUMN_NAME, _("Name"), TRUE, 140);
  rk_members_page_add_column (self, COLUMN_ORGANISATION, _("Organisation"), TRUE, 160);
  rk_members_page_add_column (self, COLUMN_TITLE, _("Position"), FALSE, 100);
  rk_members_page_add_column (self, COLUMN_ROLE, _("Role"), FALSE, 80);
  rk_members_page_add_column (self, COLUMN_TYPE, _("Member Type"), FALSE, 120);
  rk_members_page_add_column (self, COLUMN_BODIES, _("Bodies"), FALSE, 140);
  rk_members_page_add_column (self, COLUMN_TERM, _("Term"), FALSE, 190);
  /* Translators: the header of the column of menu buttons, read by screen readers only. */
  rk_members_page_add_column (self, COLUMN_ACTIONS, "", FALSE, 48);
}

/* ---- Adding, editing, removing, ending a term ---------------------------------------------------------- */

static GtkWidget *
rk_members_page_present_editor (RkMembersPage *self,
                                RkMember      *member)
{
  GtkWidget *editor = rk_member_editor_new (rk_members_page_get_window (self), self->store, member);

  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  rk_members_page_present_editor (RK_MEMBERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  RkMember *member = rk_members_page_find_member (self, g_variant_get_int64 (param));

  if (member != NULL)
    rk_members_page_present_editor (self, member);
}

static void
column_view_activate_cb (RkMembersPage *self,
                         guint          position)
{
  g_autoptr(RkMember) member = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (member != NULL)
    rk_members_page_present_editor (self, member);
}

static gboolean
restore_member (GtkWidget  *widget,
                gpointer    member,
                GError    **error)
{
  return rk_store_restore_member (RK_MEMBERS_PAGE (widget)->store, member, error);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  g_autoptr(RkMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  member = rk_members_page_find_member (self, g_variant_get_int64 (param));
  if (member == NULL)
    return;
  g_object_ref (member);

  if (!rk_store_remove_member (self->store, member, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  escaped = g_markup_escape_text (rk_member_get_name (member), -1);
  /* Translators: a toast after removing a member from the roster; %s is the name. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (member), restore_member);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_widget_undo (widget);
}

static void
remove_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  RkMember *member = gtk_single_selection_get_selected_item (self->selection);

  if (member != NULL)
    gtk_widget_activate_action (widget, "members.remove", "x", rk_member_get_id (member));
}

gboolean
rk_members_page_end_term (RkMembersPage *self,
                          RkMember      *member,
                          const char    *date,
                          GError       **error)
{
  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), FALSE);
  g_return_val_if_fail (RK_IS_MEMBER (member), FALSE);

  if (!rk_store_end_member_term (self->store, member, date, error))
    return FALSE;

  /* The member leaves the list unless former members are shown: say where they went. */
  if (!self->show_former)
    {
      g_autofree char *escaped = g_markup_escape_text (rk_member_get_name (member), -1);
      /* Translators: a toast after ending a member's term; %s is the name. */
      AdwToast *toast = adw_toast_new_format (_("The term of “%s” has ended. Show former members to see them."),
                                              escaped);

      rk_widget_add_toast (GTK_WIDGET (self), toast);
    }

  return TRUE;
}

static void
end_term_on_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *date;
  gint64 id;
  RkMember *member;

  g_variant_get (param, "(x&s)", &id, &date);
  if ((member = rk_members_page_find_member (self, id)) == NULL)
    return;

  if (!rk_members_page_end_term (self, member, *date ? date : NULL, &error))
    rk_widget_show_error_toast (widget, error);
}

static void
end_term_date_changed_cb (GtkEditable *entry,
                          AdwMessageDialog *dialog)
{
  GDate date;
  gboolean valid = rk_era_parse_iso_date (gtk_editable_get_text (entry), &date);
  GtkWidget *label = g_object_get_data (G_OBJECT (dialog), "rk-era-label");

  adw_message_dialog_set_response_enabled (dialog, "end", valid);
  if (valid)
    {
      g_autofree char *era = rk_era_format_date (&date);

      gtk_label_set_text (GTK_LABEL (label), era);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), _("Enter the date as YYYY-MM-DD"));
}

static void
end_term_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RkMembersPage    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "rk-date-entry");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rk-member-id");

  if (g_str_equal (response, "end"))
    gtk_widget_activate_action (GTK_WIDGET (self), "members.end-term-on", "(xs)", id, gtk_editable_get_text (entry));
}

static void
end_term_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  RkMember *member = rk_members_page_find_member (self, id);
  g_autofree char *today = rk_store_today_text ();
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *entry, *label;

  if (member == NULL)
    return;

  /* Translators: %s is a member's name. */
  heading = g_strdup_printf (_("End the Term of %s?"), rk_member_get_name (member));
  dialog = rk_widget_new_confirm_dialog (GTK_WIDGET (self), heading,
                                         _("They stay in the roster’s history as a former member and leave their bodies "
                                           "on this date."),
                                         "end", _("_End Term"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  label = gtk_label_new (NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Last Day of the Term"),
                                  -1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "rk-date-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "rk-era-label", label);
  g_object_set_data_full (G_OBJECT (dialog), "rk-member-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (entry, "changed", G_CALLBACK (end_term_date_changed_cb), dialog, 0);
  end_term_date_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_term_response_cb), self, 0);
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_filter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  const char *key, *value;

  g_variant_get (param, "(&s&s)", &key, &value);
  rk_members_page_set_filter (RK_MEMBERS_PAGE (widget), key, value);
}

/* ---- Import --------------------------------------------------------------------------------------------- */

static void
imported_cb (RkMembersPage *self,
             guint          n)
{
  /* Translators: a toast after importing a roster. */
  rk_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (ngettext ("%u member imported", "%u members imported", n), n));
}

GtkWidget *
rk_members_page_import_from (RkMembersPage *self,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(RkRosterImport) import = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  GtkWidget *dialog;
  GStatBuf st;

  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Refuse a huge file before reading it into memory. */
  if (g_stat (path, &st) == 0 && st.st_size > RK_CSV_MAX_SIZE)
    {
      g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_TOO_LARGE,
                   _("The file is too large for a roster. Choose a CSV file of the council’s members."));
      return NULL;
    }

  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  if (!(import = rk_roster_csv_parse (bytes, error)))
    return NULL;

  basename = g_path_get_basename (path);
  dialog = rk_roster_import_dialog_new (rk_members_page_get_window (self), self->store, g_steal_pointer (&import),
                                        basename);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
rk_members_page_import_path (RkMembersPage *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (rk_members_page_import_from (self, path, &error) == NULL)
    rk_widget_show_error (GTK_WIDGET (self), _("Could Not Read the Roster"), error);
}

static void
import_from_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_members_page_import_path (RK_MEMBERS_PAGE (widget), g_variant_get_string (param, NULL));
}

/* ---- Export --------------------------------------------------------------------------------------------- */

static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* The roster holds people's contact details: readable by the user only, like the council file. */
  return g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
rk_members_page_export_csv (RkMembersPage *self,
                            const char    *path,
                            RkCsvEncoding  encoding,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  guint n_replaced = 0;

  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* What is exported is what the roster shows: the filters and the sort order apply. */
  bytes = rk_roster_csv_export_members (G_LIST_MODEL (self->sorted), encoding, &n_replaced, error);
  if (bytes == NULL || !write_file (path, bytes, error))
    return FALSE;

  basename = g_path_get_basename (path);
  escaped = g_markup_escape_text (basename, -1);
  if (n_replaced > 0)
    /* Translators: a toast after a Shift_JIS export; %1$s is a file name, %2$u how many characters. */
    rk_widget_add_toast (GTK_WIDGET (self),
                         adw_toast_new_format (ngettext ("Saved “%1$s”: %2$u character Shift_JIS lacks is written as 〓",
                                                         "Saved “%1$s”: %2$u characters Shift_JIS lacks are written as 〓",
                                                         n_replaced), escaped, n_replaced));
  else
    /* Translators: a toast after an export; %s is a file name. */
    rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), escaped));

  return TRUE;
}

gboolean
rk_members_page_export_pdf (RkMembersPage *self,
                            const char    *path,
                            GError       **error)
{
  g_autoptr(RkRoster) roster = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The printed 委員名簿 is the council as it stands today, grouped by body, whatever the filters show. */
  roster = rk_roster_new_from_store (self->store, NULL);
  if (!rk_roster_pdf_export (roster, path, NULL, NULL, error))
    return FALSE;

  basename = g_path_get_basename (path);
  escaped = g_markup_escape_text (basename, -1);
  rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), escaped));

  return TRUE;
}

static void
export_csv_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GError) error = NULL;
  const char *path, *encoding;

  g_variant_get (param, "(&s&s)", &path, &encoding);
  if (!rk_members_page_export_csv (RK_MEMBERS_PAGE (widget), path,
                                   g_str_equal (encoding, "cp932") ? RK_CSV_ENCODING_CP932 : RK_CSV_ENCODING_UTF8,
                                   &error))
    rk_widget_show_error (widget, _("Could Not Export the Roster"), error);
}

static void
export_pdf_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_members_page_export_pdf (RK_MEMBERS_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Export the Roster"), error);
}

typedef enum {
  CHOOSE_IMPORT,
  CHOOSE_EXPORT_CSV,
  CHOOSE_EXPORT_PDF,
} ChooserPurpose;

static void
chosen_path_cb (GtkWidget  *widget,
                const char *path,
                gpointer    data)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  switch ((ChooserPurpose) GPOINTER_TO_INT (data))
    {
    case CHOOSE_IMPORT:
      rk_members_page_import_path (self, path);
      break;
    case CHOOSE_EXPORT_CSV:
      if (!rk_members_page_export_csv (self, path, self->chooser_encoding, &error))
        rk_widget_show_error (widget, _("Could Not Export the Roster"), error);
      break;
    case CHOOSE_EXPORT_PDF:
      if (!rk_members_page_export_pdf (self, path, &error))
        rk_widget_show_error (widget, _("Could Not Export the Roster"), error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
rk_members_page_choose_file (RkMembersPage  *self,
                             ChooserPurpose  purpose,
                             const char     *title,
                             const char     *suggested_name)
{
  GtkFileChooserAction action = purpose == CHOOSE_IMPORT ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE;
  gboolean pdf = purpose == CHOOSE_EXPORT_PDF;

  rk_widget_choose_path (GTK_WIDGET (self), action, title, suggested_name, pdf ? _("PDF Documents") : _("CSV Files"),
                         pdf ? "application/pdf" : "text/csv", pdf ? "pdf" : "csv", chosen_path_cb,
                         GINT_TO_POINTER (purpose));
}

/* "みなと市在宅医療・救急医療連携推進協議会 委員名簿.csv" */
static char *
rk_members_page_suggest_name (RkMembersPage *self,
                              const char    *suffix)
{
  /* Translators: the suggested file name of an exported roster; %s is the council's name. */
  g_autofree char *name = g_strdup_printf (_("%s Roster"), rk_council_get_name (rk_store_get_council (self->store)));

  g_strdelimit (name, G_DIR_SEPARATOR_S, '-');
  return g_strconcat (name, suffix, NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  rk_members_page_choose_file (RK_MEMBERS_PAGE (widget), CHOOSE_IMPORT, _("Import Roster"), NULL);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  gboolean cp932 = g_str_equal (g_variant_get_string (param, NULL), "cp932");
  g_autofree char *name = rk_members_page_suggest_name (self, ".csv");

  self->chooser_encoding = cp932 ? RK_CSV_ENCODING_CP932 : RK_CSV_ENCODING_UTF8;
  rk_members_page_choose_file (self, CHOOSE_EXPORT_CSV,
                               cp932 ? _("Export Roster for Excel (Shift_JIS (CP932))") : _("Export Roster (UTF-8)"), name);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  g_autofree char *name = rk_members_page_suggest_name (self, ".pdf");

  rk_members_page_choose_file (self, CHOOSE_EXPORT_PDF, _("Export Roster PDF"), name);
}

/* ---- Print ---------------------------------------------------------------------------------------------- */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (widget);
  g_autoptr(RkRoster) roster = rk_roster_new_from_store (self->store, NULL);
  g_autoptr(RkPdfDocument) document = rk_roster_pdf_build (roster);
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = rk_roster_pdf_get_title (roster);

  if (!rk_widget_print_document (widget, document, job_name, GTK_PAGE_ORIENTATION_PORTRAIT, &error))
    rk_widget_show_error (GTK_WIDGET (self), _("Could Not Print the Roster"), error);
}

static void
hide_coverage_cb (RkMembersPage *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* ---- Public API ----------------------------------------------------------------------------------------- */

RkStore *
rk_members_page_get_store (RkMembersPage *self)
{
  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), NULL);

  return self->store;
}

GListModel *
rk_members_page_get_visible_members (RkMembersPage *self)
{
  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

GtkWidget *
rk_members_page_get_coverage_panel (RkMembersPage *self)
{
  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), NULL);

  return self->coverage_panel;
}

AdwToast *
rk_members_page_get_undo_toast (RkMembersPage *self)
{
  g_return_val_if_fail (RK_IS_MEMBERS_PAGE (self), NULL);

  return rk_widget_get_undo_toast (GTK_WIDGET (self));
}

/* ---- Construction --------------------------------------------------------------------------------------- */

static void
rk_members_page_constructed (GObject *object)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (object);
  GListModel *members;

  G_OBJECT_CLASS (rk_members_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));
  members = rk_store_get_members (self->store);

  self->filter = gtk_custom_filter_new (filter_member, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (members), GTK_FILTER (g_object_ref (self->filter)));
  rk_members_page_setup_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->coverage_panel = rk_coverage_panel_new (members);
  gtk_widget_set_vexpand (self->coverage_panel, TRUE);
  gtk_box_append (GTK_BOX (self->coverage_box), self->coverage_panel);

  rk_members_page_setup_filters (self);

  g_signal_connect_object (members, "items-changed", G_CALLBACK (members_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (rk_members_page_update_counts), self,
                           G_CONNECT_SWAPPED);
  rk_members_page_watch_members (self);
  rk_members_page_refresh (self);
}

static void
rk_members_page_dispose (GObject *object)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (object);

  rk_widget_forget_undo (GTK_WIDGET (self));

  /* The members outlive the page (the store holds them): their handlers must go with it. */
  if (self->watched != NULL)
    {
      GHashTableIter iter;
      gpointer member, id;

      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &member, &id))
        g_signal_handler_disconnect (member, GPOINTER_TO_SIZE (id));
      g_clear_pointer (&self->watched, g_hash_table_unref);
    }

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (rk_members_page_parent_class)->dispose (object);
}

static void
rk_members_page_finalize (GObject *object)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (object);

  g_clear_pointer (&self->body_choices, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_members_page_parent_class)->finalize (object);
}

static void
rk_members_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (object);

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
rk_members_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RkMembersPage *self = RK_MEMBERS_PAGE (object);

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
rk_members_page_class_init (RkMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_members_page_constructed;
  object_class->dispose = rk_members_page_dispose;
  object_class->finalize = rk_members_page_finalize;
  object_class->get_property = rk_members_page_get_property;
  object_class->set_property = rk_members_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, flap);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, coverage_button);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, body_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, term_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, former_button);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, roster_stack);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RkMembersPage, coverage_box);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, hide_coverage_cb);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "members.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "members.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "members.remove-selected", NULL, remove_selected_action);
  gtk_widget_class_install_action (widget_class, "members.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "members.end-term", "x", end_term_action);
  gtk_widget_class_install_action (widget_class, "members.end-term-on", "(xs)", end_term_on_action);
  gtk_widget_class_install_action (widget_class, "members.set-filter", "(ss)", set_filter_action);
  gtk_widget_class_install_action (widget_class, "members.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "members.import-from", "s", import_from_action);
  gtk_widget_class_install_action (widget_class, "members.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "members.export-csv-to", "(ss)", export_csv_to_action);
  gtk_widget_class_install_action (widget_class, "members.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "members.export-pdf-to", "s", export_pdf_to_action);
  gtk_widget_class_install_action (widget_class, "members.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "members.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "members.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "members.remove-selected", NULL);
}

static void
rk_members_page_init (RkMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  rk_accessible_name_drop_down (self->type_dropdown, _("Filter by Member Type"));
  rk_accessible_name_drop_down (self->body_dropdown, _("Filter by Body"));
  rk_accessible_name_drop_down (self->role_dropdown, _("Filter by Role"));
  rk_accessible_name_drop_down (self->term_dropdown, _("Filter by End of Term"));
  /* The column view's inner list and header row are GTK's, named after their types in GTK 4.8. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    GTK_IS_LIST_VIEW (child) ? _("Member Roster") : _("Column Headers"), -1);

  self->watched = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->body_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter_role = -1;

  g_object_bind_property (self->flap, "reveal-flap", self->coverage_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

GtkWidget *
rk_members_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_MEMBERS_PAGE, "store", store, NULL);
}

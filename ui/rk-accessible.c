/* rk-accessible.c — accessible names GTK 4.8 and libadwaita 1.2 get wrong or leave out. */
#include "rk-accessible.h"

#define RK_NAMED_KEY "rk-accessible-named"

/* The text of @item as @owner (an AdwComboRow or GtkDropDown) shows it. */
static char *
item_text (GObject *owner,
           gpointer item)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));

  g_object_get (owner, "expression", &expression, NULL);
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  return g_strdup ("");
}

static void
update_check (GtkListItem *list_item)
{
  GObject *owner = g_object_get_data (G_OBJECT (list_item), "rk-owner");
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (owner == NULL || box == NULL)
    return;

  check = gtk_widget_get_last_child (box);
  g_object_get (owner, "selected", &selected, NULL);
  gtk_widget_set_opacity (check, gtk_list_item_get_position (list_item) == selected ? 1 : 0);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  in_list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The button shortens its label to fit; the popup list sizes itself to show every choice whole. */
  if (!in_list)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (in_list)
    {
      /* Like the default factory: the popup list marks the chosen item. */
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              GObject                  *owner)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *item_widget = gtk_widget_get_parent (box);
  g_autofree char *text = item_text (owner, gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  /* The row GTK makes for the item is what AT-SPI lists; it has no name of its own in GTK 4.8. */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  if (gtk_widget_get_first_child (box) != gtk_widget_get_last_child (box))
    {
      g_object_set_data (G_OBJECT (list_item), "rk-owner", owner);
      update_check (list_item);
      g_signal_connect_object (owner, "notify::selected", G_CALLBACK (update_check), list_item, G_CONNECT_SWAPPED);
    }
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                GObject                  *owner)
{
  g_signal_handlers_disconnect_by_func (owner, update_check, list_item);
  g_object_set_data (G_OBJECT (list_item), "rk-owner", NULL);
}

static GtkListItemFactory *
item_factory_new (GObject  *owner,
                  gboolean  in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), GINT_TO_POINTER (in_list));
  /* The factory belongs to @owner, so it cannot outlive it. */
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), owner);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), owner);

  return factory;
}

/* Names the parts GTK gives no name: the drop-down's toggle button and the list views (the current item's and the
 * popup's). */
static void
name_inner_parts (GtkWidget  *widget,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) || GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_inner_parts (child, name);
    }
}

static void
fix_choice (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  if (g_object_get_data (G_OBJECT (widget), RK_NAMED_KEY) == NULL)
    {
      factory = item_factory_new (G_OBJECT (widget), FALSE);
      list_factory = item_factory_new (G_OBJECT (widget), TRUE);
      g_object_set (widget, "factory", factory, "list-factory", list_factory, NULL);
      g_object_set_data (G_OBJECT (widget), RK_NAMED_KEY, GINT_TO_POINTER (TRUE));
    }

  if (name != NULL && *name != '\0')
    name_inner_parts (widget, name);
}

void
rk_accessible_name_drop_down (GtkDropDown *drop_down,
                              const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* @name says it all; a row that activates the drop-down made its title label the drop-down's too, and GTK 4.8
   * would read both ("森 和也の出欠 森 和也"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  fix_choice (GTK_WIDGET (drop_down), name);
}

/* The lists inside @widget that GTK names after their type: an expander row's, a preferences group's. */
static void
name_inner_lists (GtkWidget  *widget,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      else if (!ADW_IS_PREFERENCES_ROW (child))
        name_inner_lists (child, name);
    }
}

void
rk_accessible_name_expander_row (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  name_inner_lists (GTK_WIDGET (row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

void
rk_accessible_name_group (AdwPreferencesGroup *group,
                          const char          *name)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (name != NULL);

  name_inner_lists (GTK_WIDGET (group), name);
}

/* The pencil an entry row shows while it is not being edited only says "editable", which the text field already
 * does; unnamed, GTK would announce it as "GtkImage". The row's other images (none but the pencil in libadwaita 1.2)
 * are decoration as well. */
static void
hide_images (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else if (!GTK_IS_BUTTON (child))
        hide_images (child);
    }
}

/* The arrows of combo rows, drop-downs and expander rows only draw what the role already says (combo box,
 * expandable); the icons of a view switcher's buttons repeat the label beside them. Unnamed, GTK 4.8 reads each as
 * "GtkImage". */
static gboolean
is_decoration (GtkWidget *image)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (image); ancestor; ancestor = gtk_widget_get_parent (ancestor))
    if (ADW_IS_VIEW_SWITCHER (ancestor))
      return TRUE;

  return gtk_widget_has_css_class (image, "dropdown-arrow") || gtk_widget_has_css_class (image, "expander-row-arrow");
}

static void
hide_decorations (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && is_decoration (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      hide_decorations (child);
    }
}

/* @text without its mnemonic underline, as GTK shows it. */
static char *
strip_mnemonic (const char *text)
{
  g_autofree char *stripped = NULL;

  if (pango_parse_markup (text, -1, '_', NULL, &stripped, NULL, NULL))
    return g_steal_pointer (&stripped);

  return g_strdup (text);
}

/* GTK 4.8 names a menu button with a text label after its GType; name it after the label it shows. */
static void
name_after_label (GtkWidget  *widget,
                  const char *label)
{
  g_autofree char *name = NULL;

  if (label == NULL || *label == '\0')
    return;

  name = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
rk_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_IMAGE (root) && is_decoration (root))
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_MENU_BUTTON (root))
    {
      GtkWidget *content = gtk_menu_button_get_child (GTK_MENU_BUTTON (root));

      name_after_label (root, ADW_IS_BUTTON_CONTENT (content) ? adw_button_content_get_label (ADW_BUTTON_CONTENT (content))
                                                              : gtk_menu_button_get_label (GTK_MENU_BUTTON (root)));
    }
  else if (GTK_IS_EXPANDER (root) && gtk_expander_get_label_widget (GTK_EXPANDER (root)) != NULL
           && GTK_IS_LABEL (gtk_expander_get_label_widget (GTK_EXPANDER (root))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (gtk_expander_get_label_widget (GTK_EXPANDER (root)))),
                                    -1);
  else if (ADW_IS_ACTION_ROW (root) && !ADW_IS_COMBO_ROW (root)
           && GTK_IS_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (root))))
    {
      GtkWidget *toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (root));

      /* libadwaita makes the row's title label the switch's; a name set on the switch as well would make GTK 4.8
       * read both ("オンライン オンライン"). One name, the title. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL
      && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
    /* The label child names the button (labelled-by), without the underline; the raw label would say it again. */
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (ADW_IS_COMBO_ROW (root))
    {
      fix_choice (root, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
      hide_decorations (root);
      return;
    }
  else if (GTK_IS_DROP_DOWN (root))
    {
      fix_choice (root, gtk_widget_get_tooltip_text (root));
      hide_decorations (root);
      return;
    }
  else if (ADW_IS_EXPANDER_ROW (root))
    rk_accessible_name_expander_row (ADW_EXPANDER_ROW (root));
  else if (ADW_IS_ENTRY_ROW (root))
    {
      hide_images (root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    rk_accessible_fix_names (child);
}

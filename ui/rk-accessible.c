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

void
rk_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL
      && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
    /* The label child names the button (labelled-by), without the underline; the raw label would say it again. */
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (ADW_IS_COMBO_ROW (root))
    {
      fix_choice (root, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
      return;
    }
  else if (GTK_IS_DROP_DOWN (root))
    {
      fix_choice (root, gtk_widget_get_tooltip_text (root));
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

/* rk-coverage-panel.c — the coverage of the 20 candidate member types.
 *
 * The numbers come from rk_coverage_compute(); the panel only presents them. The 20 type rows are made once and
 * updated in place (so a screen reader keeps its position); the advice rows are rebuilt, as their number changes. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-coverage-panel.h"

typedef struct
{
  AdwActionRow  *row;
  GtkImage      *icon;
  GtkLevelBar   *bar;
  GtkLabel      *share;
  char          *description;
} TypeRow;

struct _RkCoveragePanel
{
  AdwBin                parent_instance;

  GListModel           *members;
  RkCoverage           *coverage;
  TypeRow               types[RK_MEMBER_TYPE_LAST + 1];
  GPtrArray            *advice_rows; /* one per piece of advice */
  GPtrArray            *top_rows;    /* the rows of advice_group, to remove on the next update */

  AdwPreferencesGroup  *advice_group;
  AdwPreferencesGroup  *types_group;
};

G_DEFINE_FINAL_TYPE (RkCoveragePanel, rk_coverage_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_share (double share)
{
  /* Translators: a percentage with one decimal, e.g. "22.1%". */
  return g_strdup_printf (_("%.1f%%"), share);
}

/* "山田 太郎 (みなと市消防本部)、…": who fills a type. */
static char *
join_member_names (const RkCoverageEntry *entry)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < entry->members->len; i++)
    {
      RkMember *member = g_ptr_array_index (entry->members, i);
      const char *organisation = rk_member_get_organisation (member);

      if (i > 0)
        g_string_append (names, "、");
      if (organisation != NULL && *organisation != '\0')
        /* Translators: a member in the coverage panel: name (organisation). */
        g_string_append_printf (names, C_("coverage member", "%1$s (%2$s)"), rk_member_get_name (member),
                                organisation);
      else
        g_string_append (names, rk_member_get_name (member));
    }

  return g_string_free (names, FALSE);
}

static void
rk_coverage_panel_update_type_row (RkCoveragePanel       *self,
                                   const RkCoverageEntry *entry)
{
  TypeRow *type_row = &self->types[entry->member_type];
  gboolean filled = entry->members->len > 0;
  g_autofree char *names = join_member_names (entry);
  g_autofree char *share = format_share (entry->national_share);
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (type_row->row), entry->type_name);
  adw_action_row_set_subtitle (type_row->row, filled ? names : _("Not on the council"));
  gtk_image_set_from_icon_name (type_row->icon, filled ? "object-select-symbolic" : "list-remove-symbolic");
  gtk_widget_set_opacity (GTK_WIDGET (type_row->icon), filled ? 1.0 : 0.4);
  if (filled)
    gtk_widget_add_css_class (GTK_WIDGET (type_row->row), "rk-covered");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (type_row->row), "rk-covered");

  gtk_level_bar_set_value (type_row->bar, entry->national_share);
  gtk_label_set_text (type_row->share, share);

  g_clear_pointer (&type_row->description, g_free);
  if (filled)
    /* Translators: accessible description of a member type in the coverage panel; %1$s names the members,
     * %2$s is the national participation share such as "22.1%". */
    type_row->description = g_strdup_printf (_("Filled by %1$s. National participation %2$s."), names, share);
  else
    /* Translators: accessible description of a member type no member fills; %s is a share such as "22.1%". */
    type_row->description = g_strdup_printf (_("Not on the council. National participation %s."), share);
  /* The title names the row already (labelled-by); a label of its own would be read twice. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (type_row->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, type_row->description,
                                  -1);

  /* Translators: tooltip of the share bar; %1$s is a share such as "22.1%", %2$u the number of municipalities. */
  tooltip = g_strdup_printf (_("%1$s of the %2$u municipalities with rules had this type on their council"),
                             share, rk_catalog_get_member_type_survey_n (rk_catalog_get_default ()));
  gtk_widget_set_tooltip_text (GTK_WIDGET (type_row->bar), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (type_row->share), tooltip);
}

static GtkWidget *
create_advice_row (const RkAdvice *advice)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 14);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* The titles and texts are plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), advice->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), advice->text);
  /* The title and subtitle name and describe the row (AdwActionRow's relations): nothing to add. */
  gtk_widget_add_css_class (row, "rk-advice");
  g_object_set_data (G_OBJECT (row), "rk-advice-kind", GINT_TO_POINTER (advice->kind));

  return row;
}

void
rk_coverage_panel_update (RkCoveragePanel *self)
{
  RkCatalog *catalog = rk_catalog_get_default ();
  const GPtrArray *advice;
  g_autofree char *summary = NULL;
  AdwExpanderRow *common = NULL;
  GString *common_names = NULL;

  g_return_if_fail (RK_IS_COVERAGE_PANEL (self));

  g_clear_pointer (&self->coverage, rk_coverage_free);
  /* Every council Renkei serves drafts rules on ambulance transport (在宅医療・救急医療), so a missing fire
   * department is always worth the guide's advice. */
  self->coverage = rk_coverage_compute (self->members, catalog, TRUE);

  for (int type = RK_MEMBER_TYPE_FIRST; type <= RK_MEMBER_TYPE_LAST; type++)
    rk_coverage_panel_update_type_row (self, rk_coverage_get_entry (self->coverage, type));

  summary = g_strdup_printf (ngettext ("%u of %u type is on the council", "%u of %u types are on the council",
                                       RK_MEMBER_TYPE_LAST),
                             rk_coverage_get_n_covered (self->coverage), (guint) RK_MEMBER_TYPE_LAST);
  adw_preferences_group_set_description (self->types_group, summary);

  for (guint i = 0; i < self->top_rows->len; i++)
    adw_preferences_group_remove (self->advice_group, g_ptr_array_index (self->top_rows, i));
  g_ptr_array_set_size (self->top_rows, 0);
  g_ptr_array_set_size (self->advice_rows, 0);

  advice = rk_coverage_get_advice (self->coverage);
  for (guint i = 0; i < advice->len; i++)
    {
      const RkAdvice *item = g_ptr_array_index (advice, i);
      GtkWidget *row = create_advice_row (item);

      g_ptr_array_add (self->advice_rows, row);
      if (item->kind == RK_ADVICE_COMMON_TYPE_MISSING)
        {
          /* Several common types missing would bury the member types under alike rows: one row lists them
           * and opens to the details. */
          if (common == NULL)
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

              common = ADW_EXPANDER_ROW (adw_expander_row_new ());
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (common), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (common),
                                             _("Types most councils include are missing"));
              gtk_widget_add_css_class (icon, "warning");
              gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
              adw_expander_row_add_prefix (common, icon);
              g_ptr_array_add (self->top_rows, common);
              adw_preferences_group_add (self->advice_group, GTK_WIDGET (common));
              common_names = g_string_new (NULL);
            }
          if (common_names->len > 0)
            g_string_append (common_names, "、");
          g_string_append (common_names, rk_coverage_get_entry (self->coverage, item->member_type)->type_name);
          adw_expander_row_add_row (common, row);
        }
      else
        {
          g_ptr_array_add (self->top_rows, row);
          adw_preferences_group_add (self->advice_group, row);
        }
    }
  if (common != NULL)
    {
      adw_expander_row_set_subtitle (common, common_names->str);
      rk_accessible_name_expander_row (common);
      gtk_accessible_update_property (GTK_ACCESSIBLE (common),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Types most councils include are missing"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, common_names->str,
                                      -1);
      g_string_free (common_names, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->advice_group), advice->len > 0);
}

RkCoverage *
rk_coverage_panel_get_coverage (RkCoveragePanel *self)
{
  g_return_val_if_fail (RK_IS_COVERAGE_PANEL (self), NULL);

  return self->coverage;
}

GtkWidget *
rk_coverage_panel_get_type_row (RkCoveragePanel *self,
                                int              member_type)
{
  g_return_val_if_fail (RK_IS_COVERAGE_PANEL (self), NULL);
  g_return_val_if_fail (member_type >= RK_MEMBER_TYPE_FIRST && member_type <= RK_MEMBER_TYPE_LAST, NULL);

  return GTK_WIDGET (self->types[member_type].row);
}

const char *
rk_coverage_panel_get_type_description (RkCoveragePanel *self,
                                        int              member_type)
{
  g_return_val_if_fail (RK_IS_COVERAGE_PANEL (self), NULL);
  g_return_val_if_fail (member_type >= RK_MEMBER_TYPE_FIRST && member_type <= RK_MEMBER_TYPE_LAST, NULL);

  return self->types[member_type].description;
}

guint
rk_coverage_panel_get_n_advice (RkCoveragePanel *self)
{
  g_return_val_if_fail (RK_IS_COVERAGE_PANEL (self), 0);

  return self->advice_rows->len;
}

GtkWidget *
rk_coverage_panel_get_advice_row (RkCoveragePanel *self,
                                  guint            index)
{
  g_return_val_if_fail (RK_IS_COVERAGE_PANEL (self), NULL);

  return index < self->advice_rows->len ? g_ptr_array_index (self->advice_rows, index) : NULL;
}

static void
create_type_rows (RkCoveragePanel *self)
{
  for (int type = RK_MEMBER_TYPE_FIRST; type <= RK_MEMBER_TYPE_LAST; type++)
    {
      TypeRow *type_row = &self->types[type];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      type_row->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (type_row->row), FALSE);
      /* Names of several members wrap rather than hide. */
      adw_action_row_set_subtitle_lines (type_row->row, 0);

      type_row->icon = GTK_IMAGE (gtk_image_new ());
      gtk_accessible_update_property (GTK_ACCESSIBLE (type_row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Covered"), -1);
      adw_action_row_add_prefix (type_row->row, GTK_WIDGET (type_row->icon));

      /* A reference, not a target: one neutral colour for every share. */
      type_row->bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 100));
      gtk_level_bar_remove_offset_value (type_row->bar, GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (type_row->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (type_row->bar, GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (GTK_WIDGET (type_row->bar), 64, -1);
      gtk_widget_set_valign (GTK_WIDGET (type_row->bar), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (type_row->bar), "rk-share-bar");
      gtk_accessible_update_property (GTK_ACCESSIBLE (type_row->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("National Participation"), -1);

      type_row->share = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_width_chars (type_row->share, 5);
      gtk_label_set_xalign (type_row->share, 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (type_row->share), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (type_row->share), "dim-label");

      gtk_box_append (GTK_BOX (box), GTK_WIDGET (type_row->bar));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (type_row->share));
      adw_action_row_add_suffix (type_row->row, box);

      adw_preferences_group_add (self->types_group, GTK_WIDGET (type_row->row));
    }
}

static void
rk_coverage_panel_constructed (GObject *object)
{
  RkCoveragePanel *self = RK_COVERAGE_PANEL (object);

  G_OBJECT_CLASS (rk_coverage_panel_parent_class)->constructed (object);

  g_return_if_fail (G_IS_LIST_MODEL (self->members));

  create_type_rows (self);
  g_signal_connect_object (self->members, "items-changed", G_CALLBACK (rk_coverage_panel_update), self,
                           G_CONNECT_SWAPPED);
  rk_coverage_panel_update (self);
}

static void
rk_coverage_panel_finalize (GObject *object)
{
  RkCoveragePanel *self = RK_COVERAGE_PANEL (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->types); i++)
    g_free (self->types[i].description);
  g_clear_pointer (&self->coverage, rk_coverage_free);
  g_clear_pointer (&self->advice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->top_rows, g_ptr_array_unref);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (rk_coverage_panel_parent_class)->finalize (object);
}

static void
rk_coverage_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkCoveragePanel *self = RK_COVERAGE_PANEL (object);

  switch (prop_id)
    {
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_coverage_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RkCoveragePanel *self = RK_COVERAGE_PANEL (object);

  switch (prop_id)
    {
    case PROP_MEMBERS:
      self->members = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_coverage_panel_class_init (RkCoveragePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_coverage_panel_constructed;
  object_class->finalize = rk_coverage_panel_finalize;
  object_class->get_property = rk_coverage_panel_get_property;
  object_class->set_property = rk_coverage_panel_set_property;

  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-coverage-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RkCoveragePanel, advice_group);
  gtk_widget_class_bind_template_child (widget_class, RkCoveragePanel, types_group);
}

static void
rk_coverage_panel_init (RkCoveragePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  /* The rows are owned by the group; the arrays only point at them. */
  self->advice_rows = g_ptr_array_new ();
  self->top_rows = g_ptr_array_new ();
}

GtkWidget *
rk_coverage_panel_new (GListModel *members)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (members), NULL);

  return g_object_new (RK_TYPE_COVERAGE_PANEL, "members", members, NULL);
}

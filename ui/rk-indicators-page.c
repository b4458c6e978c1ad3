/* rk-indicators-page.c — the 効果検証指標 page.
 *
 * Two views in a stack: the dashboard (one small chart per chosen indicator, a button that opens it) and one
 * indicator's detail (a large chart, its definition, a form to record a measurement, the measurements, and its
 * links to a rule document and a STEP6 task). Every chart is drawn by rk-indicator-chart, the same drawing the PDF
 * and the booklet use, and carries the chart's description in words as its accessible description, so a screen
 * reader hears the series, the target and whether it is on track. The store commits each edit at once; the page
 * rebuilds its views once after a burst of changes (from an idle), and before answering any question about them. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-catalog.h"
#include "rk-indicators-page.h"
#include "rk-rule.h"
#include "rk-store-rules.h"
#include "rk-store-tasks.h"
#include "rk-task.h"
#include "rk-window.h"

#define DASHBOARD_CHART_WIDTH  300
#define DASHBOARD_CHART_HEIGHT 220

struct _RkIndicatorsPage
{
  AdwBin                parent_instance;

  RkStore              *store;
  RkIndicator          *shown;
  guint                 refresh_id;
  /* The indicators whose notify signals we listen to (a ref each). */
  GPtrArray            *watched;
  guint                 n_dashboard_charts;
  char                 *chart_description;
  /* The period loaded into the form from a measurement row: recording it again updates it instead of refusing. */
  char                 *editing_period;
  GArray               *rule_ids;
  GArray               *task_ids;
  gboolean              updating_links;
  GPtrArray            *definition_rows;
  GPtrArray            *value_rows;

  /* Template widgets */
  GtkWidget            *toolbar;
  GtkWidget            *back_button;
  GtkLabel             *count_label;
  GtkStack             *content_stack;
  GtkFlowBox           *dashboard_box;
  GtkScrolledWindow    *detail_scroll;
  GtkDrawingArea       *detail_chart;
  AdwPreferencesGroup  *definition_group;
  AdwPreferencesGroup  *record_group;
  AdwEntryRow          *period_row;
  AdwEntryRow          *value_row;
  AdwEntryRow          *numerator_row;
  AdwEntryRow          *denominator_row;
  AdwEntryRow          *note_row;
  AdwPreferencesGroup  *values_group;
  AdwComboRow          *rule_row;
  AdwComboRow          *task_row;
};

G_DEFINE_FINAL_TYPE (RkIndicatorsPage, rk_indicators_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rk_indicators_page_refresh (RkIndicatorsPage *self);

static RkIndicator *
rk_indicators_page_find (RkIndicatorsPage *self,
                         gint64            id)
{
  GListModel *indicators = rk_store_get_indicators (self->store);

  /* Transfer none: the store's list keeps the indicator alive. */
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      RkIndicator *indicator = g_list_model_get_item (indicators, i);

      g_object_unref (indicator);
      if (rk_indicator_get_id (indicator) == id)
        return indicator;
    }

  return NULL;
}

static void
rk_indicators_page_flush (RkIndicatorsPage *self)
{
  if (self->refresh_id != 0)
    rk_indicators_page_refresh (self);
}

/* ---- Charts --------------------------------------------------------------------------------------------- */

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  rk_indicator_chart_draw (user_data, cr, width, height, gtk_widget_get_pango_context (GTK_WIDGET (area)));
}

/* Shows @data in @area (taking it) and says it in words to assistive technologies; returns the description. */
static char *
set_chart (GtkDrawingArea       *area,
           RkIndicatorChartData *data)
{
  char *description = rk_indicator_chart_describe (data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, data->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (area), description);
  gtk_drawing_area_set_draw_func (area, draw_chart_cb, data, (GDestroyNotify) rk_indicator_chart_data_free);

  return description;
}

char *
rk_indicators_page_describe_indicator (RkIndicatorsPage *self,
                                       RkIndicator      *indicator)
{
  g_autoptr(RkIndicatorChartData) data = NULL;

  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), NULL);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), NULL);

  data = rk_indicator_chart_data_new_from_indicator (indicator);
  return rk_indicator_chart_describe (data);
}

/* ---- The detail view ------------------------------------------------------------------------------------ */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_definition_row (RkIndicatorsPage *self,
                    const char       *term,
                    const char       *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), term);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value && *value ? value : "—");
  adw_preferences_group_add (self->definition_group, row);
  g_ptr_array_add (self->definition_rows, row);
}

static void
rk_indicators_page_update_definition (RkIndicatorsPage *self)
{
  RkIndicator *indicator = self->shown;
  RkIndicatorDef *def = NULL;
  g_autoptr(RkIndicatorChartPage) page = rk_indicator_chart_page_new_from_indicator (indicator);
  const char *code = rk_indicator_get_catalog_code (indicator);

  clear_rows (self->definition_group, self->definition_rows);
  adw_preferences_group_set_title (self->definition_group, rk_indicator_get_name (indicator));

  if (code != NULL && *code != '\0')
    def = rk_catalog_lookup_indicator (rk_catalog_get_default (), code);
  if (def != NULL)
    {
      g_autofree char *origin = NULL;

      if (rk_indicator_def_has_share (def))
        /* Translators: where a catalog indicator comes from: %1$s its group, %2$.1f the percent of the %3$u
         * municipalities with indicators that use it. */
        origin = g_strdup_printf (_("%1$s · used by %2$.1f%% of %3$u municipalities"),
                                  rk_indicator_def_get_group_title (def), rk_indicator_def_get_share (def),
                                  rk_catalog_get_indicator_survey_n (rk_catalog_get_default ()));
      else
        origin = g_strdup (rk_indicator_def_get_group_title (def));
      adw_preferences_group_set_description (self->definition_group, origin);
      if (*rk_indicator_def_get_rationale (def) != '\0')
        add_definition_row (self, _("Rationale (the guide’s)"), rk_indicator_def_get_rationale (def));
    }
  else
    adw_preferences_group_set_description (self->definition_group, _("The council’s own indicator"));

  /* The same table the PDF prints above the chart. */
  for (guint i = 0; i < page->n_terms; i++)
    add_definition_row (self, page->terms[i].term, page->terms[i].value);
  if (*rk_indicator_get_notes (indicator) != '\0')
    add_definition_row (self, _("Notes"), rk_indicator_get_notes (indicator));
}

static void
rk_indicators_page_update_values (RkIndicatorsPage *self)
{
  RkIndicator *indicator = self->shown;
  gboolean ratio = rk_indicator_get_is_ratio (indicator);
  guint n = rk_indicator_get_n_values (indicator);
  /* Values are written as the chart writes them (its decimals and unit). */
  g_autoptr(RkIndicatorChartData) chart = rk_indicator_chart_data_new_from_indicator (indicator);

  clear_rows (self->values_group, self->value_rows);

  /* A ratio is entered as its parts; the value is computed. */
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !ratio);
  gtk_widget_set_visible (GTK_WIDGET (self->numerator_row), ratio);
  gtk_widget_set_visible (GTK_WIDGET (self->denominator_row), ratio);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->numerator_row),
                                 *rk_indicator_get_numerator_label (indicator)
                                 ? rk_indicator_get_numerator_label (indicator) : _("Numerator"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->denominator_row),
                                 *rk_indicator_get_denominator_label (indicator)
                                 ? rk_indicator_get_denominator_label (indicator) : _("Denominator"));
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *example = NULL;
    static const char *examples[] = { "2025", "2025H1", "2025Q1", "2025-04" };
    RkFrequency frequency = rk_indicator_get_frequency (indicator);

    /* Translators: the hint of the measurement form; %1$s a frequency (Fiscal year…), %2$s an example period. */
    example = g_strdup_printf (_("Periods are fiscal, from April. %1$s: for example “%2$s”."),
                               rk_frequency_to_label (frequency), examples[CLAMP (frequency, 0, 3)]);
    adw_preferences_group_set_description (self->record_group, example);
  }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No measurements yet"));
      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->value_rows, row);
      return;
    }

  /* Newest first: what a council looks at. */
  for (guint i = n; i-- > 0;)
    {
      const RkIndicatorValue *value = rk_indicator_get_value (indicator, i);
      g_autofree char *label = rk_period_format (value->period);
      g_autofree char *text = rk_indicator_chart_format_value (chart, value->value);
      g_autofree char *subtitle = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (value->has_parts)
        subtitle = g_strdup_printf ("%s (%g / %g)%s%s", text, value->numerator, value->denominator,
                                    *value->note ? " · " : "", value->note);
      else
        subtitle = g_strdup_printf ("%s%s%s", text, *value->note ? " · " : "", value->note);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label ? label : value->period);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* Translators: a button's tooltip; %s is a period in 和暦. */
      tooltip = g_strdup_printf (_("Correct the Measurement of %s"), label ? label : value->period);
      gtk_widget_set_tooltip_text (edit, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "indicators.load-value");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", value->period);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

      g_free (tooltip);
      /* Translators: a button's tooltip; %s is a period in 和暦. */
      tooltip = g_strdup_printf (_("Remove the Measurement of %s"), label ? label : value->period);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "indicators.remove-value");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(xs)", rk_indicator_get_id (indicator),
                                        value->period);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->value_rows, row);
    }
}

static void
rk_indicators_page_update_links (RkIndicatorsPage *self)
{
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tasks = gtk_string_list_new (NULL);
  GListModel *documents = rk_store_get_rule_documents (self->store);
  GListModel *all_tasks = rk_store_get_tasks (self->store);
  gint64 rule_id = rk_indicator_get_rule_document_id (self->shown);
  gint64 task_id = rk_indicator_get_task_id (self->shown);
  guint rule_selected = 0, task_selected = 0;
  gint64 none = 0;

  self->updating_links = TRUE;
  g_array_set_size (self->rule_ids, 0);
  g_array_set_size (self->task_ids, 0);

  /* Translators: no rule document, or no task, linked to an indicator. */
  gtk_string_list_append (rules, _("None"));
  g_array_append_val (self->rule_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(RkRuleDocument) document = g_list_model_get_item (documents, i);
      gint64 id = rk_rule_document_get_id (document);

      if (id == rule_id)
        rule_selected = self->rule_ids->len;
      gtk_string_list_append (rules, rk_rule_document_get_title (document));
      g_array_append_val (self->rule_ids, id);
    }

  gtk_string_list_append (tasks, _("None"));
  g_array_append_val (self->task_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (all_tasks); i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (all_tasks, i);
      g_autofree char *label = NULL;
      gint64 id = rk_task_get_id (task);

      /* STEP6 is the evaluation; a task linked earlier from another step is kept visible. */
      if (rk_task_get_step (task) != 6 && id != task_id)
        continue;
      if (id == task_id)
        task_selected = self->task_ids->len;
      label = g_strdup_printf ("%s %s", rk_task_get_code (task), rk_task_get_title (task));
      gtk_string_list_append (tasks, label);
      g_array_append_val (self->task_ids, id);
    }

  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rules));
  adw_combo_row_set_selected (self->rule_row, rule_selected);
  adw_combo_row_set_model (self->task_row, G_LIST_MODEL (tasks));
  adw_combo_row_set_selected (self->task_row, task_selected);
  self->updating_links = FALSE;
}

static void
link_selected_cb (RkIndicatorsPage *self,
                  GParamSpec       *pspec,
                  AdwComboRow      *row)
{
  gboolean rule = row == self->rule_row;
  GArray *ids = rule ? self->rule_ids : self->task_ids;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating_links || self->shown == NULL || selected >= ids->len)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), rule ? "indicators.link-rule" : "indicators.link-task", "(xx)",
                              rk_indicator_get_id (self->shown), g_array_index (ids, gint64, selected));
}

/* ---- The dashboard -------------------------------------------------------------------------------------- */

static GtkWidget *
create_dashboard_card (RkIndicatorsPage *self,
                       RkIndicator      *indicator)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *description = NULL;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), DASHBOARD_CHART_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), DASHBOARD_CHART_HEIGHT);
  gtk_widget_set_size_request (area, 240, DASHBOARD_CHART_HEIGHT);
  description = set_chart (GTK_DRAWING_AREA (area), rk_indicator_chart_data_new_from_indicator (indicator));

  gtk_button_set_child (GTK_BUTTON (button), area);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_set_overflow (button, GTK_OVERFLOW_HIDDEN);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "indicators.show");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rk_indicator_get_id (indicator));
  /* The button is what a screen reader reaches: it says the chart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rk_indicator_get_name (indicator),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return button;
}

static void
indicator_notify_cb (RkIndicatorsPage *self);

static void
rk_indicators_page_refresh (RkIndicatorsPage *self)
{
  GListModel *indicators = rk_store_get_indicators (self->store);
  guint n = g_list_model_get_n_items (indicators);
  guint n_on_track = 0;
  GtkWidget *child;
  g_autofree char *count = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  /* The shown indicator may have gone to the bin. */
  if (self->shown != NULL && rk_indicators_page_find (self, rk_indicator_get_id (self->shown)) == NULL)
    g_clear_object (&self->shown);

  rk_widget_unwatch (GTK_WIDGET (self), self->watched);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dashboard_box))) != NULL)
    gtk_flow_box_remove (self->dashboard_box, child);
  self->n_dashboard_charts = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkIndicator) indicator = g_list_model_get_item (indicators, i);

      g_signal_connect_object (indicator, "notify", G_CALLBACK (indicator_notify_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->watched, g_object_ref (indicator));
      gtk_flow_box_append (self->dashboard_box, create_dashboard_card (self, indicator));
      self->n_dashboard_charts++;
      n_on_track += rk_indicator_get_status (indicator) == RK_INDICATOR_STATUS_ON_TRACK;
    }

  /* Translators: above the indicators: how many, and how many of them are on track. */
  count = g_strdup_printf (ngettext ("%1$u indicator · %2$u on track", "%1$u indicators · %2$u on track", n),
                           n, n_on_track);
  gtk_label_set_text (self->count_label, count);

  if (self->shown != NULL)
    {
      g_clear_pointer (&self->chart_description, g_free);
      self->chart_description = set_chart (self->detail_chart, rk_indicator_chart_data_new_from_indicator (self->shown));
      rk_indicators_page_update_definition (self);
      rk_indicators_page_update_values (self);
      rk_indicators_page_update_links (self);
      gtk_stack_set_visible_child_name (self->content_stack, "detail");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "dashboard" : "empty");

  gtk_widget_set_visible (self->back_button, self->shown != NULL);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RkIndicatorsPage *self = user_data;

  self->refresh_id = 0;
  rk_indicators_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
rk_indicators_page_queue_refresh (RkIndicatorsPage *self)
{
  /* An import changes many measurements at once: redraw once, after the burst. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
indicator_notify_cb (RkIndicatorsPage *self)
{
  rk_indicators_page_queue_refresh (self);
}

static void
rk_indicators_page_show (RkIndicatorsPage *self,
                         RkIndicator      *indicator)
{
  if (self->shown != indicator)
    {
      g_set_object (&self->shown, indicator);
      g_clear_pointer (&self->editing_period, g_free);
      gtk_editable_set_text (GTK_EDITABLE (self->period_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->numerator_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->denominator_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
    }
  rk_indicators_page_refresh (self);
}

/* ---- Choosing from the catalog -------------------------------------------------------------------------- */

static void
catalog_add_clicked_cb (GtkButton        *button,
                        RkIndicatorsPage *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "rk-code");

  gtk_widget_activate_action (GTK_WIDGET (self), "indicators.add-catalog", "s", code);
  if (rk_store_lookup_indicator (self->store, code) != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (button), _("Added"));
      gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
    }
}

static void
choose_catalog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  RkCatalog *catalog = rk_catalog_get_default ();
  GListModel *defs = rk_catalog_get_indicators (catalog);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *prefs = adw_preferences_page_new ();
  AdwPreferencesGroup *group = NULL;
  const char *group_code = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *description = NULL;

  gtk_window_set_title (GTK_WINDOW (window), _("Choose Indicators"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (prefs, TRUE);
  gtk_box_append (GTK_BOX (box), prefs);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Translators: %u is the number of municipalities (88) the guide's shares are counted over. */
  description = g_strdup_printf (_("The guide’s indicators, with its explanation and the share of the %u "
                                   "municipalities with indicators that use each."),
                                 rk_catalog_get_indicator_survey_n (catalog));

  for (guint i = 0; i < g_list_model_get_n_items (defs); i++)
    {
      g_autoptr(RkIndicatorDef) def = g_list_model_get_item (defs, i);
      const char *code = rk_indicator_def_get_code (def);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button;
      gboolean chosen = rk_store_lookup_indicator (self->store, code) != NULL;

      if (group == NULL || g_strcmp0 (group_code, rk_indicator_def_get_group (def)) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, rk_indicator_def_get_group_title (def));
          if (group_code == NULL)
            adw_preferences_group_set_description (group, description);
          group_code = rk_indicator_def_get_group (def);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), group);
        }

      if (rk_indicator_def_has_share (def))
        /* Translators: under a catalog indicator: %1$.1f the percent of municipalities using it, %2$s the guide's
         * explanation (考え方). */
        subtitle = g_strdup_printf (_("%1$.1f%% · %2$s"), rk_indicator_def_get_share (def),
                                    rk_indicator_def_get_rationale (def));
      else
        subtitle = g_strdup (rk_indicator_def_get_rationale (def));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_indicator_def_get_name (def));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      button = gtk_button_new_with_label (chosen ? _("Added") : _("Add"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !chosen);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      rk_indicator_def_get_name (def), -1);
      g_object_set_data_full (G_OBJECT (button), "rk-code", g_strdup (code), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (catalog_add_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group, row);
    }

  rk_accessible_fix_names (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_catalog_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkIndicator) indicator = NULL;

  indicator = rk_store_add_catalog_indicator (self->store, g_variant_get_string (param, NULL), &error);
  if (indicator == NULL)
    {
      rk_widget_show_error (widget, _("Could Not Add the Indicator"), error);
      return;
    }
  rk_indicators_page_show (self, indicator);
}

/* ---- The editor ----------------------------------------------------------------------------------------- */

typedef struct {
  RkIndicatorsPage *page;
  RkIndicator      *indicator; /* NULL: a new one */
  GtkWidget        *window;
  GtkLabel         *message;
  AdwEntryRow      *name, *unit, *source, *numerator, *denominator, *factor;
  AdwEntryRow      *baseline_value, *baseline_period, *target_value, *target_period, *notes;
  GtkSwitch        *ratio, *higher;
  AdwComboRow      *frequency, *kind;
} Editor;

static void
editor_free (Editor *editor)
{
  g_clear_object (&editor->indicator);
  g_clear_object (&editor->page);
  g_free (editor);
}

static AdwEntryRow *
editor_add_entry (AdwPreferencesGroup *group,
                  const char          *title,
                  const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, row);

  return ADW_ENTRY_ROW (row);
}

static GtkSwitch *
editor_add_switch (AdwPreferencesGroup *group,
                   const char          *title,
                   gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  /* Named once, by the title: rk_accessible_fix_names() on the editor. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);

  return GTK_SWITCH (toggle);
}

static AdwComboRow *
editor_add_combo (AdwPreferencesGroup *group,
                  const char          *title,
                  const char * const  *items,
                  guint                selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (group, row);

  return ADW_COMBO_ROW (row);
}

/* An optional number: "" is none. */
static gboolean
editor_number (AdwEntryRow *row,
               gboolean    *has,
               double      *value,
               GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *has = *text != '\0';
  if (!*has)
    {
      *value = 0;
      return TRUE;
    }

  return rk_indicator_parse_number (text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), value, error);
}

static void
editor_save_cb (Editor *editor)
{
  RkIndicatorsPage *self = editor->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkIndicator) added = NULL;
  RkIndicatorInfo info = { 0, };
  gboolean has_factor;
  const char *baseline_period, *target_period;

  if (editor->indicator != NULL)
    rk_indicator_get_info (editor->indicator, &info);
  else
    info.group = "";

  info.name = gtk_editable_get_text (GTK_EDITABLE (editor->name));
  info.unit = gtk_editable_get_text (GTK_EDITABLE (editor->unit));
  info.data_source = gtk_editable_get_text (GTK_EDITABLE (editor->source));
  info.is_ratio = gtk_switch_get_active (editor->ratio);
  info.numerator_label = gtk_editable_get_text (GTK_EDITABLE (editor->numerator));
  info.denominator_label = gtk_editable_get_text (GTK_EDITABLE (editor->denominator));
  info.higher_is_better = gtk_switch_get_active (editor->higher);
  info.frequency = (RkFrequency) adw_combo_row_get_selected (editor->frequency);
  info.unit_kind = (RkUnitKind) adw_combo_row_get_selected (editor->kind);
  info.notes = gtk_editable_get_text (GTK_EDITABLE (editor->notes));
  baseline_period = gtk_editable_get_text (GTK_EDITABLE (editor->baseline_period));
  target_period = gtk_editable_get_text (GTK_EDITABLE (editor->target_period));
  info.baseline_period = *baseline_period ? baseline_period : NULL;
  info.target_period = *target_period ? target_period : NULL;

  if (!editor_number (editor->factor, &has_factor, &info.factor, &error)
      || !editor_number (editor->baseline_value, &info.has_baseline, &info.baseline_value, &error)
      || !editor_number (editor->target_value, &info.has_target, &info.target_value, &error))
    goto refused;
  if (!has_factor)
    info.factor = 1;
  /* A period without its value (or the reverse) is caught by the validation, which names the field. */
  info.has_baseline = info.has_baseline || info.baseline_period != NULL;
  info.has_target = info.has_target || info.target_period != NULL;

  if (editor->indicator != NULL)
    {
      if (!rk_store_update_indicator (self->store, editor->indicator, &info, &error))
        goto refused;
      rk_indicators_page_show (self, editor->indicator);
    }
  else
    {
      if ((added = rk_store_add_indicator (self->store, &info, &error)) == NULL)
        goto refused;
      rk_indicators_page_show (self, added);
    }

  gtk_window_destroy (GTK_WINDOW (editor->window));
  return;

refused:
  gtk_label_set_text (editor->message, error->message);
  gtk_widget_set_visible (GTK_WIDGET (editor->message), TRUE);
}

static void
rk_indicators_page_open_editor (RkIndicatorsPage *self,
                                RkIndicator      *indicator)
{
  static const char *kinds[] = { N_("Time"), N_("Count"), N_("Ratio") };
  const char *frequencies[5] = { NULL, };
  const char *kind_labels[4] = { NULL, };
  Editor *editor = g_new0 (Editor, 1);
  RkIndicatorInfo info = {
    .name = "", .unit = "", .unit_kind = RK_UNIT_KIND_COUNT, .numerator_label = "", .denominator_label = "",
    .factor = 1, .higher_is_better = TRUE, .data_source = "", .frequency = RK_FREQUENCY_YEAR, .notes = "",
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (indicator ? _("_Save") : _("_Add"));
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *message = gtk_label_new (NULL);
  AdwPreferencesGroup *what = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *how = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *aims = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *baseline = NULL;
  g_autofree char *target = NULL;
  g_autofree char *factor = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  for (RkFrequency f = RK_FREQUENCY_YEAR; f <= RK_FREQUENCY_MONTH; f++)
    frequencies[f] = rk_frequency_to_label (f);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    kind_labels[i] = _(kinds[i]);

  if (indicator != NULL)
    rk_indicator_get_info (indicator, &info);
  editor->page = g_object_ref (self);
  editor->indicator = indicator ? g_object_ref (indicator) : NULL;
  editor->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (editor->window), indicator ? _("Edit Indicator") : _("New Indicator"));
  gtk_window_set_modal (GTK_WINDOW (editor->window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor->window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (editor->window), 560, 720);
  g_object_set_data_full (G_OBJECT (editor->window), "rk-editor", editor, (GDestroyNotify) editor_free);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), editor->window);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (editor_save_cb), editor);
  gtk_box_append (GTK_BOX (box), header);

  editor->message = GTK_LABEL (message);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_margin_top (message, 12);
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), message);

  adw_preferences_group_set_title (what, _("What Is Measured"));
  editor->name = editor_add_entry (what, _("Name"), info.name);
  editor->unit = editor_add_entry (what, _("Unit (分, 件, %, 施設)"), info.unit);
  editor->kind = editor_add_combo (what, _("Kind"), kind_labels, info.unit_kind);
  editor->ratio = editor_add_switch (what, _("Numerator / Denominator"), info.is_ratio);
  editor->numerator = editor_add_entry (what, _("Numerator"), info.numerator_label);
  editor->denominator = editor_add_entry (what, _("Denominator"), info.denominator_label);
  factor = g_strdup_printf ("%g", info.factor);
  editor->factor = editor_add_entry (what, _("Factor (100 for a percentage)"), factor);
  editor->higher = editor_add_switch (what, _("Higher Is Better"), info.higher_is_better);

  adw_preferences_group_set_title (how, _("How It Is Measured"));
  editor->source = editor_add_entry (how, _("Data Source"), info.data_source);
  editor->frequency = editor_add_combo (how, _("Frequency"), frequencies, info.frequency);
  editor->notes = editor_add_entry (how, _("Notes"), info.notes);

  adw_preferences_group_set_title (aims, _("Baseline and Target"));
  adw_preferences_group_set_description (aims, _("Periods are fiscal: 2025 (年度), 2025H1, 2025Q1 or 2025-04."));
  baseline = info.has_baseline ? g_strdup_printf ("%g", info.baseline_value) : g_strdup ("");
  target = info.has_target ? g_strdup_printf ("%g", info.target_value) : g_strdup ("");
  editor->baseline_value = editor_add_entry (aims, _("Baseline Value"), baseline);
  editor->baseline_period = editor_add_entry (aims, _("Baseline Period"), info.baseline_period);
  editor->target_value = editor_add_entry (aims, _("Target Value"), target);
  editor->target_period = editor_add_entry (aims, _("Target Period"), info.target_period);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), what);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), how);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), aims);
  gtk_widget_set_vexpand (prefs, TRUE);
  gtk_box_append (GTK_BOX (box), prefs);
  adw_window_set_content (ADW_WINDOW (editor->window), box);

  rk_accessible_fix_names (editor->window);
  gtk_window_present (GTK_WINDOW (editor->window));
}

static void
add_own_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rk_indicators_page_open_editor (RK_INDICATORS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);

  if (self->shown != NULL)
    rk_indicators_page_open_editor (self, self->shown);
}

/* ---- Showing, removing ---------------------------------------------------------------------------------- */

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  RkIndicator *indicator = rk_indicators_page_find (self, g_variant_get_int64 (param));

  if (indicator != NULL)
    rk_indicators_page_show (self, indicator);
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  rk_indicators_page_show (RK_INDICATORS_PAGE (widget), NULL);
}

static gboolean
restore_indicator (GtkWidget  *widget,
                   gpointer    item,
                   GError    **error)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);

  if (!rk_store_restore_indicator (self->store, RK_INDICATOR (item), error))
    return FALSE;

  rk_indicators_page_show (self, RK_INDICATOR (item));
  return TRUE;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  g_autoptr(RkIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (self->shown == NULL)
    return;

  indicator = g_object_ref (self->shown);
  if (!rk_store_remove_indicator (self->store, indicator, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  rk_indicators_page_show (self, NULL);
  escaped = g_markup_escape_text (rk_indicator_get_name (indicator), -1);
  /* Translators: a toast after removing an indicator; %s is its name. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (indicator), restore_indicator);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rk_widget_undo (widget);
}

/* ---- Measurements --------------------------------------------------------------------------------------- */

static gboolean
rk_indicators_page_record_mode (RkIndicatorsPage *self,
                                RkIndicator      *indicator,
                                const char       *period,
                                const char       *value,
                                const char       *numerator,
                                const char       *denominator,
                                const char       *note,
                                RkValueMode       mode,
                                GError          **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (period ? period : ""));
  RkIndicatorValueInfo info = { .period = trimmed, .note = note ? note : "" };

  if (rk_indicator_get_is_ratio (indicator))
    {
      info.has_parts = TRUE;
      if (!rk_indicator_parse_number (numerator, *rk_indicator_get_numerator_label (indicator)
                                                 ? rk_indicator_get_numerator_label (indicator) : _("Numerator"),
                                      &info.numerator, error)
          || !rk_indicator_parse_number (denominator, *rk_indicator_get_denominator_label (indicator)
                                                      ? rk_indicator_get_denominator_label (indicator)
                                                      : _("Denominator"),
                                         &info.denominator, error))
        return FALSE;
    }
  else if (!rk_indicator_parse_number (value, _("Value"), &info.value, error))
    return FALSE;

  if (!rk_store_set_indicator_value (self->store, indicator, &info, mode, error))
    return FALSE;

  rk_indicators_page_refresh (self);
  return TRUE;
}

gboolean
rk_indicators_page_record (RkIndicatorsPage  *self,
                           RkIndicator       *indicator,
                           const char        *period,
                           const char        *value,
                           const char        *numerator,
                           const char        *denominator,
                           GError           **error)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), FALSE);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), FALSE);

  /* A new measurement: a period already recorded is refused, so a typo never overwrites one silently. */
  return rk_indicators_page_record_mode (self, indicator, period, value, numerator, denominator, NULL, RK_VALUE_ADD,
                                         error);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *period, *value, *numerator, *denominator;
  RkIndicator *indicator;
  gint64 id;

  g_variant_get (param, "(x&s&s&s&s)", &id, &period, &value, &numerator, &denominator);
  if ((indicator = rk_indicators_page_find (self, id)) == NULL)
    return;
  if (!rk_indicators_page_record (self, indicator, period, value, numerator, denominator, &error))
    rk_widget_show_error_toast (widget, error);
}

static void
record_entered_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  RkValueMode mode;

  if (self->shown == NULL)
    return;

  period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row))));
  mode = g_strcmp0 (period, self->editing_period) == 0 ? RK_VALUE_SET : RK_VALUE_ADD;
  if (!rk_indicators_page_record_mode (self, self->shown, period,
                                       gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->numerator_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->denominator_row)),
                                       gtk_editable_get_text (GTK_EDITABLE (self->note_row)), mode, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  g_clear_pointer (&self->editing_period, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->period_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->numerator_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->denominator_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
}

static void
load_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  const RkIndicatorValue *value;
  g_autofree char *text = NULL;
  g_autofree char *numerator = NULL;
  g_autofree char *denominator = NULL;

  if (self->shown == NULL
      || (value = rk_indicator_lookup_value (self->shown, g_variant_get_string (param, NULL))) == NULL)
    return;

  /* Recording this period again corrects it. */
  g_free (self->editing_period);
  self->editing_period = g_strdup (value->period);
  text = g_strdup_printf ("%g", value->value);
  numerator = g_strdup_printf ("%g", value->numerator);
  denominator = g_strdup_printf ("%g", value->denominator);
  gtk_editable_set_text (GTK_EDITABLE (self->period_row), value->period);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), text);
  gtk_editable_set_text (GTK_EDITABLE (self->numerator_row), value->has_parts ? numerator : "");
  gtk_editable_set_text (GTK_EDITABLE (self->denominator_row), value->has_parts ? denominator : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), value->note);
  gtk_widget_grab_focus (GTK_WIDGET (rk_indicator_get_is_ratio (self->shown) ? self->numerator_row
                                                                             : self->value_row));
}

static void
remove_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  RkIndicator *indicator;
  const char *period;
  gint64 id;

  g_variant_get (param, "(x&s)", &id, &period);
  if ((indicator = rk_indicators_page_find (self, id)) == NULL)
    return;
  if (!rk_store_remove_indicator_value (self->store, indicator, period, &error))
    rk_widget_show_error_toast (widget, error);
  rk_indicators_page_refresh (self);
}

/* ---- Links ---------------------------------------------------------------------------------------------- */

static void
rk_indicators_page_link (RkIndicatorsPage *self,
                         GVariant         *param,
                         gboolean          rule)
{
  g_autoptr(GError) error = NULL;
  RkIndicatorInfo info;
  RkIndicator *indicator;
  gint64 id, target;

  g_variant_get (param, "(xx)", &id, &target);
  if ((indicator = rk_indicators_page_find (self, id)) == NULL)
    return;

  rk_indicator_get_info (indicator, &info);
  if (rule)
    info.rule_document_id = target;
  else
    info.task_id = target;
  if (!rk_store_update_indicator (self->store, indicator, &info, &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
  rk_indicators_page_queue_refresh (self);
}

static void
link_rule_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  rk_indicators_page_link (RK_INDICATORS_PAGE (widget), param, TRUE);
}

static void
link_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  rk_indicators_page_link (RK_INDICATORS_PAGE (widget), param, FALSE);
}

/* ---- CSV import ----------------------------------------------------------------------------------------- */

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RkIndicatorsPage *self)
{
  RkIndicatorImport *import = g_object_get_data (G_OBJECT (dialog), "rk-import");
  g_autoptr(GError) error = NULL;
  guint n_good = rk_indicator_import_get_n_good (import);

  if (!g_str_equal (response, "import"))
    return;

  if (!rk_store_apply_indicator_import (self->store, import, &error))
    {
      rk_widget_show_error (GTK_WIDGET (self), _("Could Not Import the Measurements"), error);
      return;
    }

  rk_indicators_page_refresh (self);
  /* Translators: a toast after a CSV import. */
  rk_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (ngettext ("%u measurement imported", "%u measurements imported", n_good),
                                             n_good));
}

static gboolean
rk_indicators_page_preview_csv (RkIndicatorsPage  *self,
                                const char        *path,
                                GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkIndicatorImport) import = NULL;
  g_autofree char *body = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *heading = NULL;
  g_autofree char *response = NULL;
  guint n_good, n_problems, n_replacing;
  GtkWidget *dialog;

  if ((bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return FALSE;
  if ((import = rk_store_read_indicator_csv (self->store, bytes, error)) == NULL)
    return FALSE;

  n_good = rk_indicator_import_get_n_good (import);
  n_problems = rk_indicator_import_get_n_problems (import);
  n_replacing = rk_indicator_import_get_n_replacing (import);

  /* Translators: the heading of the CSV import preview; %s is the file's name. */
  heading = g_strdup_printf (_("Import “%s”?"), basename);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    /* Translators: %1$u rows of measurements, %2$s the file's encoding (UTF-8 or Shift_JIS). */
    g_string_append_printf (text, ngettext ("%1$u row is ready to import (%2$s).",
                                            "%1$u rows are ready to import (%2$s).", n_good),
                            n_good, rk_csv_encoding_to_string (rk_indicator_import_get_encoding (import)));
    if (n_replacing > 0)
      {
        g_string_append_c (text, ' ');
        g_string_append_printf (text, ngettext ("%u of them replaces a recorded measurement.",
                                                "%u of them replace recorded measurements.", n_replacing),
                                n_replacing);
      }
    if (n_problems > 0)
      {
        g_string_append_c (text, ' ');
        g_string_append_printf (text, ngettext ("%u row has a problem and is not imported; correct the file and "
                                                "import it again, or import the good rows only.",
                                                "%u rows have problems and are not imported; correct the file and "
                                                "import it again, or import the good rows only.", n_problems),
                                n_problems);
      }
    body = g_string_free (g_steal_pointer (&text), FALSE);
  }

  /* Translators: the button of the import preview; %u is a number of rows. */
  response = g_strdup_printf (ngettext ("_Import %u Row", "_Import %u Rows", n_good), n_good);
  dialog = rk_widget_new_confirm_dialog (GTK_WIDGET (self), heading, body, "import", response);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", n_good > 0);

  if (n_problems > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows with Problems"),
                                      -1);
      for (guint i = 0; i < n_problems; i++)
        {
          const RkIndicatorImportProblem *problem = rk_indicator_import_get_problem (import, i);
          g_autofree char *title = NULL;
          GtkWidget *row = adw_action_row_new ();

          /* Translators: a bad row in the CSV import preview; %u is its line in the file. */
          title = g_strdup_printf (_("Line %u"), problem->line);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }

  g_object_set_data_full (G_OBJECT (dialog), "rk-import", g_steal_pointer (&import),
                          (GDestroyNotify) rk_indicator_import_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  rk_accessible_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
import_csv_from_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_indicators_page_preview_csv (RK_INDICATORS_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Read the CSV File"), error);
}

/* Passes the chosen file to the page's action named @data, which takes the path ("s"). */
static void
chosen_path_cb (GtkWidget  *widget,
                const char *path,
                gpointer    data)
{
  gtk_widget_activate_action (widget, data, "s", path);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  rk_widget_choose_path (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Measurements"), NULL,
                         _("CSV Files"), "text/csv", "csv", chosen_path_cb,
                         (gpointer) "indicators.import-csv-from");
}

/* ---- PDF ------------------------------------------------------------------------------------------------ */

gboolean
rk_indicators_page_export_pdf (RkIndicatorsPage  *self,
                               const char        *path,
                               GError           **error)
{
  g_autoptr(GPtrArray) chart_pages = NULL;
  g_autofree RkIndicatorChartPage *pages = NULL;
  g_autoptr(RkPdfDocument) document = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  RkPdfMetadata metadata = { 0, };

  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  chart_pages = rk_indicator_chart_pages_new_from_store (self->store);
  if (chart_pages->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There are no indicators to export yet: choose some first."));
      return FALSE;
    }

  /* The document copies what it needs: the array of pages only has to outlive the call. */
  pages = g_new0 (RkIndicatorChartPage, chart_pages->len);
  for (guint i = 0; i < chart_pages->len; i++)
    pages[i] = *(RkIndicatorChartPage *) g_ptr_array_index (chart_pages, i);

  /* Translators: the title of the exported indicators. */
  document = rk_indicator_chart_build_document (_("Indicators"), pages, chart_pages->len);
  metadata.title = _("Indicators");
  metadata.author = rk_council_get_name (rk_store_get_council (self->store));
  metadata.subject = _("Indicators with their baselines, targets and measurements");
  if (!rk_pdf_document_export (document, path, &metadata, NULL, NULL, NULL, error))
    return FALSE;

  basename = g_path_get_basename (path);
  escaped = g_markup_escape_text (basename, -1);
  /* Translators: a toast after an export; %s is a file name. */
  rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), escaped));
  return TRUE;
}

static void
export_pdf_to_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!rk_indicators_page_export_pdf (RK_INDICATORS_PAGE (widget), g_variant_get_string (param, NULL), &error))
    rk_widget_show_error (widget, _("Could Not Export the Indicators"), error);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  /* Translators: the suggested file name of the exported indicators. */
  rk_widget_choose_path (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Indicators PDF"), _("Indicators.pdf"),
                         _("PDF Documents"), "application/pdf", "pdf", chosen_path_cb,
                         (gpointer) "indicators.export-pdf-to");
}

/* ---- Public --------------------------------------------------------------------------------------------- */

RkStore *
rk_indicators_page_get_store (RkIndicatorsPage *self)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), NULL);

  return self->store;
}

RkIndicator *
rk_indicators_page_get_shown_indicator (RkIndicatorsPage *self)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), NULL);

  rk_indicators_page_flush (self);
  return self->shown;
}

GtkWidget *
rk_indicators_page_get_chart (RkIndicatorsPage *self)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), NULL);

  rk_indicators_page_flush (self);
  return GTK_WIDGET (self->detail_chart);
}

const char *
rk_indicators_page_get_chart_description (RkIndicatorsPage *self)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), NULL);

  rk_indicators_page_flush (self);
  return self->shown != NULL ? self->chart_description : NULL;
}

guint
rk_indicators_page_get_n_dashboard_charts (RkIndicatorsPage *self)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), 0);

  rk_indicators_page_flush (self);
  return self->n_dashboard_charts;
}

AdwToast *
rk_indicators_page_get_undo_toast (RkIndicatorsPage *self)
{
  g_return_val_if_fail (RK_IS_INDICATORS_PAGE (self), NULL);

  return rk_widget_get_undo_toast (GTK_WIDGET (self));
}

/* ---- Construction --------------------------------------------------------------------------------------- */

static void
rk_indicators_page_constructed (GObject *object)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (object);

  G_OBJECT_CLASS (rk_indicators_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  g_signal_connect_object (rk_store_get_indicators (self->store), "items-changed",
                           G_CALLBACK (rk_indicators_page_queue_refresh), self, G_CONNECT_SWAPPED);
  /* The link rows list the documents and the STEP6 tasks. */
  g_signal_connect_object (rk_store_get_rule_documents (self->store), "items-changed",
                           G_CALLBACK (rk_indicators_page_queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rk_store_get_tasks (self->store), "items-changed",
                           G_CALLBACK (rk_indicators_page_queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rule_row, "notify::selected", G_CALLBACK (link_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->task_row, "notify::selected", G_CALLBACK (link_selected_cb), self,
                           G_CONNECT_SWAPPED);
  rk_indicators_page_refresh (self);
}

static void
rk_indicators_page_dispose (GObject *object)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (object);

  rk_widget_forget_undo (GTK_WIDGET (self));
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  rk_widget_unwatch (GTK_WIDGET (self), self->watched);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (rk_indicators_page_parent_class)->dispose (object);
}

static void
rk_indicators_page_finalize (GObject *object)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->definition_rows, g_ptr_array_unref);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rule_ids, g_array_unref);
  g_clear_pointer (&self->task_ids, g_array_unref);
  g_clear_pointer (&self->chart_description, g_free);
  g_clear_pointer (&self->editing_period, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_indicators_page_parent_class)->finalize (object);
}

static void
rk_indicators_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (object);

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
rk_indicators_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RkIndicatorsPage *self = RK_INDICATORS_PAGE (object);

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
rk_indicators_page_class_init (RkIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_indicators_page_constructed;
  object_class->dispose = rk_indicators_page_dispose;
  object_class->finalize = rk_indicators_page_finalize;
  object_class->get_property = rk_indicators_page_get_property;
  object_class->set_property = rk_indicators_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, dashboard_box);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, detail_chart);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, definition_group);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, record_group);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, value_row);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, numerator_row);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, denominator_row);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, values_group);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, rule_row);
  gtk_widget_class_bind_template_child (widget_class, RkIndicatorsPage, task_row);

  gtk_widget_class_install_action (widget_class, "indicators.choose-catalog", NULL, choose_catalog_action);
  gtk_widget_class_install_action (widget_class, "indicators.add-catalog", "s", add_catalog_action);
  gtk_widget_class_install_action (widget_class, "indicators.add-own", NULL, add_own_action);
  gtk_widget_class_install_action (widget_class, "indicators.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "indicators.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "indicators.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "indicators.show", "x", show_action);
  gtk_widget_class_install_action (widget_class, "indicators.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "indicators.record", "(xssss)", record_action);
  gtk_widget_class_install_action (widget_class, "indicators.record-entered", NULL, record_entered_action);
  gtk_widget_class_install_action (widget_class, "indicators.load-value", "s", load_value_action);
  gtk_widget_class_install_action (widget_class, "indicators.remove-value", "(xs)", remove_value_action);
  gtk_widget_class_install_action (widget_class, "indicators.link-rule", "(xx)", link_rule_action);
  gtk_widget_class_install_action (widget_class, "indicators.link-task", "(xx)", link_task_action);
  gtk_widget_class_install_action (widget_class, "indicators.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "indicators.import-csv-from", "s", import_csv_from_action);
  gtk_widget_class_install_action (widget_class, "indicators.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "indicators.export-pdf-to", "s", export_pdf_to_action);
}

static void
rk_indicators_page_init (RkIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->definition_rows = g_ptr_array_new ();
  self->value_rows = g_ptr_array_new ();
  self->rule_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->task_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
rk_indicators_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_INDICATORS_PAGE, "store", store, NULL);
}

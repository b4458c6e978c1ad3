/* rk-indicator-chart-pages.c — a council's 効果検証指標 turned into chart data and printed pages.
 *
 * One place decides what an indicator's chart and definition table show, so the page on screen, its PDF export and
 * the booklet cannot drift apart. What is made here is a deep copy: the store's indicators change as the user edits,
 * while a PDF's drawing closures (or a typesetting thread) read the copy later. */
#include <glib/gi18n.h>

#include "rk-catalog.h"
#include "rk-indicator-chart.h"
#include "rk-store-indicators.h"

RkIndicatorChartData *
rk_indicator_chart_data_new_from_indicator (RkIndicator *indicator)
{
  guint n;
  g_autofree RkIndicatorChartPoint *points = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *baseline_label = NULL;
  g_autofree char *target_label = NULL;
  RkIndicatorChartData data = { 0, };

  g_return_val_if_fail (RK_IS_INDICATOR (indicator), NULL);

  n = rk_indicator_get_n_values (indicator);
  points = g_new0 (RkIndicatorChartPoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const RkIndicatorValue *value = rk_indicator_get_value (indicator, i);
      char *label = rk_period_format_short (value->period);

      /* A period the core cannot read is still shown, as stored. */
      if (label == NULL)
        label = g_strdup (value->period);
      g_ptr_array_add (labels, label);
      points[i].label = label;
      points[i].value = value->value;
    }

  data.title = rk_indicator_get_name (indicator);
  data.unit = rk_indicator_get_unit (indicator);
  data.points = points;
  data.n_points = n;
  data.has_baseline = rk_indicator_get_has_baseline (indicator);
  data.baseline = rk_indicator_get_baseline_value (indicator);
  baseline_label = rk_period_format_short (rk_indicator_get_baseline_period (indicator));
  data.baseline_label = baseline_label;
  data.has_target = rk_indicator_get_has_target (indicator);
  data.target = rk_indicator_get_target_value (indicator);
  target_label = rk_period_format_short (rk_indicator_get_target_period (indicator));
  data.target_label = target_label;
  data.higher_is_better = rk_indicator_get_higher_is_better (indicator);
  data.status = (RkIndicatorChartStatus) rk_indicator_get_status (indicator);
  data.decimals = -1;

  return rk_indicator_chart_data_copy (&data);
}

/* @value of @data's indicator with its period, or "Not set". */
static char *
format_value_at (const RkIndicatorChartData *data,
                 gboolean                    has,
                 double                      value,
                 const char                 *period)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (!has)
    /* Translators: a baseline or target that has not been set. */
    return g_strdup (_("Not set"));

  /* The chart's data decides the decimals (whole numbers or one digit, over all values), so the table agrees with
   * the chart's axis. */
  text = rk_indicator_chart_format_value (data, value);
  label = rk_period_format (period);
  /* Translators: a baseline or target: %1$s the value with its unit, %2$s its period in 和暦. */
  return g_strdup_printf (_("%1$s (%2$s)"), text, label ? label : period);
}

char *
rk_indicator_chart_format_value_at (RkIndicator *indicator,
                                    gboolean     has,
                                    double       value,
                                    const char  *period)
{
  g_autoptr(RkIndicatorChartData) data = NULL;

  g_return_val_if_fail (RK_IS_INDICATOR (indicator), NULL);

  data = rk_indicator_chart_data_new_from_indicator (indicator);
  return format_value_at (data, has, value, period);
}

/* ---- Pages ------------------------------------------------------------------------------------------------- */

#define N_TERMS 7

static void
set_term (RkIndicatorChartTerm *term,
          const char           *name,
          char                 *value)
{
  term->term = g_strdup (name);
  term->value = value != NULL ? value : g_strdup ("");
}

RkIndicatorChartPage *
rk_indicator_chart_page_new_from_indicator (RkIndicator *indicator)
{
  RkIndicatorChartPage *page;
  RkIndicatorChartData *chart;
  RkIndicatorChartTerm *terms;
  const char *code;
  RkIndicatorDef *def = NULL;
  guint t = 0;

  g_return_val_if_fail (RK_IS_INDICATOR (indicator), NULL);

  code = rk_indicator_get_catalog_code (indicator);
  if (code != NULL && *code != '\0')
    def = rk_catalog_lookup_indicator (rk_catalog_get_default (), code);

  chart = rk_indicator_chart_data_new_from_indicator (indicator);
  terms = g_new0 (RkIndicatorChartTerm, N_TERMS);
  set_term (&terms[t++], _("Definition"),
            rk_indicator_get_is_ratio (indicator) ? rk_indicator_describe_definition (indicator)
                                                  : g_strdup (_("A value measured directly")));
  set_term (&terms[t++], _("Unit"), g_strdup (rk_indicator_get_unit (indicator)));
  set_term (&terms[t++], _("Better When"),
            g_strdup (rk_indicator_get_higher_is_better (indicator) ? _("Higher") : _("Lower")));
  set_term (&terms[t++], _("Data Source"), g_strdup (rk_indicator_get_data_source (indicator)));
  set_term (&terms[t++], _("Frequency"), g_strdup (rk_frequency_to_label (rk_indicator_get_frequency (indicator))));
  set_term (&terms[t++], _("Baseline"),
            format_value_at (chart, rk_indicator_get_has_baseline (indicator),
                             rk_indicator_get_baseline_value (indicator), rk_indicator_get_baseline_period (indicator)));
  set_term (&terms[t++], _("Target"),
            format_value_at (chart, rk_indicator_get_has_target (indicator),
                             rk_indicator_get_target_value (indicator), rk_indicator_get_target_period (indicator)));
  g_assert (t == N_TERMS);

  page = g_new0 (RkIndicatorChartPage, 1);
  page->chart = chart;
  page->heading = g_strdup (def != NULL ? rk_indicator_def_get_group_title (def) : _("The council’s own indicator"));
  page->terms = terms;
  page->n_terms = t;
  return page;
}

void
rk_indicator_chart_page_free (RkIndicatorChartPage *page)
{
  if (page == NULL)
    return;
  /* The casts drop the const of a struct that callers may also fill with borrowed strings: a page from
   * rk_indicator_chart_page_new_from_indicator() owns them. */
  rk_indicator_chart_data_free ((RkIndicatorChartData *) page->chart);
  g_free ((char *) page->heading);
  for (guint i = 0; i < page->n_terms; i++)
    {
      g_free ((char *) page->terms[i].term);
      g_free ((char *) page->terms[i].value);
    }
  g_free ((RkIndicatorChartTerm *) page->terms);
  g_free (page);
}

GPtrArray *
rk_indicator_chart_pages_new_from_store (RkStore *store)
{
  GListModel *indicators;
  GPtrArray *pages;
  guint n;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  indicators = rk_store_get_indicators (store);
  n = g_list_model_get_n_items (indicators);
  pages = g_ptr_array_new_full (n, (GDestroyNotify) rk_indicator_chart_page_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkIndicator) indicator = g_list_model_get_item (indicators, i);

      g_ptr_array_add (pages, rk_indicator_chart_page_new_from_indicator (indicator));
    }
  return pages;
}

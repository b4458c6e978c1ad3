/* rk-store-indicators.c — the 効果検証指標 part of the store: the chosen indicators, their measurements and the CSV
 * import of measurements.
 *
 * The list hangs off the store as object data, created on first use, so rk-store.c needs no knowledge of it. No
 * statement outlives a call. Each indicator object carries its own measurements; after an edit of measurements the
 * indicator's are read again from the table, so what the views show is what was committed. */

#include "rk-store-indicators.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rk-indicator-private.h"
#include "rk-store-private.h"

#define INDICATOR_COLUMNS \
  "catalog_code, name, group_code, unit, unit_kind, is_ratio, numerator_label, denominator_label, factor, " \
  "higher_is_better, data_source, frequency, baseline_value, baseline_period, target_value, target_period, " \
  "rule_document_id, task_id, notes"

/* ------------------------------------------------------------------------------------------------------------ */
/* The list object */

#define RK_TYPE_STORE_INDICATORS (rk_store_indicators_get_type ())
G_DECLARE_FINAL_TYPE (RkStoreIndicators, rk_store_indicators, RK, STORE_INDICATORS, GObject)

struct _RkStoreIndicators
{
  GObject     parent_instance;

  GListStore *indicators;
  gboolean    loaded;
};

G_DEFINE_FINAL_TYPE (RkStoreIndicators, rk_store_indicators, G_TYPE_OBJECT)

static void
rk_store_indicators_finalize (GObject *object)
{
  RkStoreIndicators *self = RK_STORE_INDICATORS (object);

  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (rk_store_indicators_parent_class)->finalize (object);
}

static void
rk_store_indicators_class_init (RkStoreIndicatorsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_store_indicators_finalize;
}

static void
rk_store_indicators_init (RkStoreIndicators *self)
{
  self->indicators = g_list_store_new (RK_TYPE_INDICATOR);
}

static int
compare_indicators (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  int pa = rk_indicator_get_position ((RkIndicator *) a), pb = rk_indicator_get_position ((RkIndicator *) b);
  gint64 ia = rk_indicator_get_id ((RkIndicator *) a), ib = rk_indicator_get_id ((RkIndicator *) b);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SQL helpers */

/* Binds a baseline or target: ?index = @value and ?index+1 = @period, both NULL when there is none. */
static void
bind_optional_value (sqlite3_stmt *stmt,
                     int           index,
                     gboolean      has_value,
                     double        value,
                     const char   *period)
{
  if (has_value)
    {
      sqlite3_bind_double (stmt, index, value);
      rk_store_bind_nullable_text (stmt, index + 1, period);
    }
  else
    {
      sqlite3_bind_null (stmt, index);
      sqlite3_bind_null (stmt, index + 1);
    }
}

/* Binds ?first … ?first+18 to INDICATOR_COLUMNS. */
static void
bind_indicator (sqlite3_stmt          *stmt,
                int                    first,
                const RkIndicatorInfo *info)
{
  rk_store_bind_nullable_text (stmt, first, info->catalog_code);
  rk_store_bind_text (stmt, first + 1, info->name);
  rk_store_bind_text (stmt, first + 2, info->group);
  rk_store_bind_text (stmt, first + 3, info->unit);
  sqlite3_bind_int (stmt, first + 4, info->unit_kind);
  sqlite3_bind_int (stmt, first + 5, info->is_ratio ? 1 : 0);
  rk_store_bind_text (stmt, first + 6, info->numerator_label);
  rk_store_bind_text (stmt, first + 7, info->denominator_label);
  sqlite3_bind_double (stmt, first + 8, info->is_ratio ? info->factor : 1);
  sqlite3_bind_int (stmt, first + 9, info->higher_is_better ? 1 : 0);
  rk_store_bind_text (stmt, first + 10, info->data_source);
  sqlite3_bind_int (stmt, first + 11, info->frequency);
  bind_optional_value (stmt, first + 12, info->has_baseline, info->baseline_value, info->baseline_period);
  bind_optional_value (stmt, first + 14, info->has_target, info->target_value, info->target_period);
  rk_store_bind_nullable_id (stmt, first + 16, info->rule_document_id);
  rk_store_bind_nullable_id (stmt, first + 17, info->task_id);
  rk_store_bind_text (stmt, first + 18, info->notes);
}

/* Reads INDICATOR_COLUMNS starting at @first into @info (strings point into @stmt's current row). */
static void
read_indicator (sqlite3_stmt    *stmt,
                int              first,
                RkIndicatorInfo *info)
{
  *info = (RkIndicatorInfo) {
    .catalog_code = rk_store_column_text (stmt, first),
    .name = rk_store_column_text (stmt, first + 1),
    .group = rk_store_column_text (stmt, first + 2),
    .unit = rk_store_column_text (stmt, first + 3),
    .unit_kind = (RkUnitKind) CLAMP (sqlite3_column_int (stmt, first + 4), RK_UNIT_KIND_TIME, RK_UNIT_KIND_RATIO),
    .is_ratio = sqlite3_column_int (stmt, first + 5) != 0,
    .numerator_label = rk_store_column_text (stmt, first + 6),
    .denominator_label = rk_store_column_text (stmt, first + 7),
    .factor = sqlite3_column_double (stmt, first + 8),
    .higher_is_better = sqlite3_column_int (stmt, first + 9) != 0,
    .data_source = rk_store_column_text (stmt, first + 10),
    .frequency = (RkFrequency) CLAMP (sqlite3_column_int (stmt, first + 11), RK_FREQUENCY_YEAR, RK_FREQUENCY_MONTH),
    .has_baseline = sqlite3_column_type (stmt, first + 12) != SQLITE_NULL,
    .baseline_value = sqlite3_column_double (stmt, first + 12),
    .baseline_period = rk_store_column_text (stmt, first + 13),
    .has_target = sqlite3_column_type (stmt, first + 14) != SQLITE_NULL,
    .target_value = sqlite3_column_double (stmt, first + 14),
    .target_period = rk_store_column_text (stmt, first + 15),
    .rule_document_id = sqlite3_column_int64 (stmt, first + 16),
    .task_id = sqlite3_column_int64 (stmt, first + 17),
    .notes = rk_store_column_text (stmt, first + 18),
  };
}

/* The measurements of indicator @id, as rk_indicator_set_values() takes them. */
static GPtrArray *
read_values (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_indicator_value_free);
  int rc;

  stmt = rk_store_prepare (db, "SELECT id, period, value, numerator, denominator, note FROM indicator_value "
                               "WHERE indicator_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, rk_indicator_value_new (sqlite3_column_int64 (stmt, 0), rk_store_column_text (stmt, 1),
                                                     sqlite3_column_double (stmt, 2),
                                                     sqlite3_column_type (stmt, 4) != SQLITE_NULL,
                                                     sqlite3_column_double (stmt, 3),
                                                     sqlite3_column_double (stmt, 4), rk_store_column_text (stmt, 5)));
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

/* After a committed change: a failure to read back only leaves the old values on screen, so it is a warning. */
static void
refresh_values (sqlite3     *db,
                RkIndicator *indicator)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *values = read_values (db, rk_indicator_get_id (indicator), &error);

  if (values == NULL)
    g_warning ("Could not read the measurements of %s: %s", rk_indicator_get_name (indicator), error->message);
  else
    rk_indicator_set_values (indicator, values);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Loading */

static gboolean
load_indicators (RkStoreIndicators  *list,
                 sqlite3            *db,
                 GError            **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = rk_store_prepare (db, "SELECT id, " INDICATOR_COLUMNS ", position FROM indicator "
                               "WHERE deleted_at IS NULL ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkIndicatorInfo info;

      read_indicator (stmt, 1, &info);
      g_ptr_array_add (items, rk_indicator_new_for_store (sqlite3_column_int64 (stmt, 0), &info,
                                                          sqlite3_column_int (stmt, 20)));
    }
  if (rc != SQLITE_DONE)
    {
      rk_store_set_error_from_db (db, rc, error);
      return FALSE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      RkIndicator *indicator = g_ptr_array_index (items, i);
      GPtrArray *values = read_values (db, rk_indicator_get_id (indicator), error);

      if (values == NULL)
        return FALSE;
      rk_indicator_set_values (indicator, values);
    }

  g_list_store_splice (list->indicators, 0, g_list_model_get_n_items (G_LIST_MODEL (list->indicators)),
                       items->pdata, items->len);
  list->loaded = TRUE;
  return TRUE;
}

static GQuark
list_quark (void)
{
  return g_quark_from_static_string ("rk-store-indicators");
}

static RkStoreIndicators *
get_list (RkStore *self)
{
  RkStoreIndicators *list = g_object_get_qdata (G_OBJECT (self), list_quark ());

  if (list == NULL)
    {
      list = g_object_new (RK_TYPE_STORE_INDICATORS, NULL);
      g_object_set_qdata_full (G_OBJECT (self), list_quark (), list, g_object_unref);
    }
  return list;
}

static RkStoreIndicators *
ensure_list (RkStore  *self,
             GError  **error)
{
  RkStoreIndicators *list = get_list (self);

  if (list->loaded)
    return list;
  if (!rk_store_check_open (self, error) || !load_indicators (list, rk_store_get_db (self), error))
    return NULL;
  return list;
}

GListModel *
rk_store_get_indicators (RkStore *self)
{
  g_autoptr(GError) error = NULL;
  RkStoreIndicators *list;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  list = get_list (self);
  if (!list->loaded && rk_store_get_db (self) != NULL && ensure_list (self, &error) == NULL)
    g_warning ("Could not read the indicators of %s: %s", rk_store_get_path (self), error->message);
  return G_LIST_MODEL (list->indicators);
}

RkIndicator *
rk_store_lookup_indicator (RkStore    *self,
                           const char *code_or_name)
{
  g_autofree char *key = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);

  if (code_or_name == NULL)
    return NULL;
  key = g_strstrip (g_strdup (code_or_name));
  if (*key == '\0')
    return NULL;
  model = rk_store_get_indicators (self);
  n = g_list_model_get_n_items (model);
  /* Codes first: a council's own indicator might be named like a code. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RkIndicator) indicator = g_list_model_get_item (model, i);
        const char *text = pass == 0 ? rk_indicator_get_catalog_code (indicator) : rk_indicator_get_name (indicator);

        if (*text != '\0' && strcmp (text, key) == 0)
          return indicator; /* the list keeps its reference */
      }
  return NULL;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Indicators */

/* A catalog indicator is chosen once: a second copy would split its measurements. */
static gboolean
check_code_unique (sqlite3                *db,
                   const char             *code,
                   gint64                  id,
                   GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  int rc;

  if (code == NULL || *code == '\0')
    return TRUE;
  stmt = rk_store_prepare (db, "SELECT name FROM indicator WHERE catalog_code = ?1 AND id <> ?2 "
                               "AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    /* TRANSLATORS: %s is the indicator's name. */
    g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                 _("“%s” is already one of the council’s indicators."), rk_store_column_text (stmt, 0));
  else
    rk_store_set_error_from_db (db, rc, error);
  return FALSE;
}

RkIndicator *
rk_store_add_indicator (RkStore                *self,
                        const RkIndicatorInfo  *info,
                        GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreIndicators *list;
  RkIndicator *indicator;
  sqlite3 *db;
  gint64 id;
  int position, rc;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (!rk_indicator_info_validate (info, error) || (list = ensure_list (self, error)) == NULL)
    return NULL;

  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return NULL;
  if (!check_code_unique (db, info->catalog_code, 0, error))
    goto fail;
  /* One more than any position, deleted rows included, so a restored indicator never shares its place. */
  stmt = rk_store_prepare (db, "INSERT INTO indicator (" INDICATOR_COLUMNS ", position) VALUES (?1, ?2, ?3, ?4, ?5, "
                               "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                               "(SELECT coalesce(max(position), -1) + 1 FROM indicator)) RETURNING id, position",
                           error);
  if (stmt == NULL)
    goto fail;
  bind_indicator (stmt, 1, info);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rk_store_set_error_from_db (db, rc, error);
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  position = sqlite3_column_int (stmt, 1);
  if (!rk_store_step_done (stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  indicator = rk_indicator_new_for_store (id, info, position);
  rk_store_list_insert (list->indicators, indicator, compare_indicators);
  return indicator;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return NULL;
}

RkIndicator *
rk_store_add_catalog_indicator (RkStore     *self,
                                const char  *code,
                                GError     **error)
{
  RkIndicatorDef *def;
  RkIndicatorInfo info;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  def = rk_catalog_lookup_indicator (rk_catalog_get_default (), code);
  if (def == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("There is no indicator “%s” in the guide’s catalog."), code);
      return NULL;
    }
  rk_indicator_info_init_from_def (&info, def);
  return rk_store_add_indicator (self, &info, error);
}

gboolean
rk_store_update_indicator (RkStore                *self,
                           RkIndicator            *indicator,
                           const RkIndicatorInfo  *info,
                           GError                **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  RkStoreIndicators *list;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_indicator_info_validate (info, error) || (list = ensure_list (self, error)) == NULL)
    return FALSE;
  /* The recorded periods would no longer be of the indicator's frequency. */
  if (info->frequency != rk_indicator_get_frequency (indicator) && rk_indicator_get_n_values (indicator) > 0)
    {
      g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_PERIOD,
                   _("Frequency: “%s” already has measurements per %s. Remove them before changing the "
                     "frequency."), rk_indicator_get_name (indicator),
                   rk_frequency_to_label (rk_indicator_get_frequency (indicator)));
      return FALSE;
    }

  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if (!check_code_unique (db, info->catalog_code, rk_indicator_get_id (indicator), error))
    goto fail;
  stmt = rk_store_prepare (db, "UPDATE indicator SET catalog_code = ?1, name = ?2, group_code = ?3, unit = ?4, "
                               "unit_kind = ?5, is_ratio = ?6, numerator_label = ?7, denominator_label = ?8, "
                               "factor = ?9, higher_is_better = ?10, data_source = ?11, frequency = ?12, "
                               "baseline_value = ?13, baseline_period = ?14, target_value = ?15, "
                               "target_period = ?16, rule_document_id = ?17, task_id = ?18, notes = ?19 "
                               "WHERE id = ?20 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  bind_indicator (stmt, 1, info);
  sqlite3_bind_int64 (stmt, 20, rk_indicator_get_id (indicator));
  if (!rk_store_step_done (stmt, error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      rk_store_set_not_found (error, rk_indicator_get_name (indicator));
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  rk_indicator_set_info (indicator, info);
  rk_store_item_changed (list->indicators, indicator, compare_indicators);
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

gboolean
rk_store_remove_indicator (RkStore      *self,
                           RkIndicator  *indicator,
                           GError      **error)
{
  RkStoreIndicators *list;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), FALSE);

  if ((list = ensure_list (self, error)) == NULL
      || !rk_store_edit_row (self, "UPDATE indicator SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                             rk_indicator_get_id (indicator), rk_indicator_get_name (indicator), error))
    return FALSE;

  rk_store_list_remove (list->indicators, indicator);
  return TRUE;
}

gboolean
rk_store_restore_indicator (RkStore      *self,
                            RkIndicator  *indicator,
                            GError      **error)
{
  RkStoreIndicators *list;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), FALSE);

  if ((list = ensure_list (self, error)) == NULL
      || !check_code_unique (rk_store_get_db (self), rk_indicator_get_catalog_code (indicator),
                             rk_indicator_get_id (indicator), error)
      || !rk_store_edit_row (self, "UPDATE indicator SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                             rk_indicator_get_id (indicator), rk_indicator_get_name (indicator), error))
    return FALSE;

  rk_store_list_insert (list->indicators, indicator, compare_indicators);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Measurements */

/* A checked measurement, ready to write. */
typedef struct {
  RkIndicator *indicator; /* owned */
  char        *period;    /* canonical */
  double       value;
  gboolean     has_parts;
  double       numerator;
  double       denominator;
  char        *note;
  guint        line;
} Measurement;

static void
measurement_free (Measurement *m)
{
  g_clear_object (&m->indicator);
  g_free (m->period);
  g_free (m->note);
  g_free (m);
}

/* Checks @info against @indicator and fills @m (its indicator and line left to the caller). */
static gboolean
check_measurement (RkIndicator                 *indicator,
                   const RkIndicatorValueInfo  *info,
                   Measurement                 *m,
                   GError                     **error)
{
  RkIndicatorInfo def;
  RkPeriod period;

  rk_indicator_get_info (indicator, &def);
  if (!rk_period_validate (info->period, def.frequency, error))
    return FALSE;
  rk_period_parse (info->period, &period, NULL);
  if (info->note != NULL && !g_utf8_validate (info->note, -1, NULL))
    {
      g_set_error_literal (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                           _("The note contains text that is not valid UTF-8. Retype it."));
      return FALSE;
    }
  if (info->has_parts)
    {
      if (!def.is_ratio)
        {
          /* TRANSLATORS: %s is the indicator's name. */
          g_set_error (error, RK_INDICATOR_ERROR, RK_INDICATOR_ERROR_INVALID,
                       _("“%s” is measured directly: enter its value, not a numerator and a denominator."),
                       def.name);
          return FALSE;
        }
      if (!rk_indicator_compute_ratio (info->numerator, info->denominator, def.factor, &m->value, error))
        return FALSE;
      m->has_parts = TRUE;
      m->numerator = info->numerator;
      m->denominator = info->denominator;
    }
  else
    {
      m->value = info->value;
      m->has_parts = FALSE;
    }
  if (!rk_indicator_info_check_value (&def, m->value, error))
    return FALSE;
  m->period = rk_period_to_string (&period);
  m->note = g_strdup (info->note != NULL ? info->note : "");
  return TRUE;
}

static gboolean
write_measurement (sqlite3_stmt      *stmt,
                   const Measurement *m,
                   GError           **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, 1, rk_indicator_get_id (m->indicator));
  sqlite3_bind_text (stmt, 2, m->period, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 3, m->value);
  if (m->has_parts)
    {
      sqlite3_bind_double (stmt, 4, m->numerator);
      sqlite3_bind_double (stmt, 5, m->denominator);
    }
  rk_store_bind_text (stmt, 6, m->note);
  return rk_store_step_done (stmt, error);
}

#define UPSERT_VALUE \
  "INSERT INTO indicator_value (indicator_id, period, value, numerator, denominator, note) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (indicator_id, period) DO UPDATE SET value = excluded.value, " \
  "numerator = excluded.numerator, denominator = excluded.denominator, note = excluded.note"

gboolean
rk_store_set_indicator_value (RkStore                     *self,
                              RkIndicator                 *indicator,
                              const RkIndicatorValueInfo  *info,
                              RkValueMode                  mode,
                              GError                     **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autofree char *now = NULL;
  Measurement m = { 0 };
  gboolean ok = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (ensure_list (self, error) == NULL || !check_measurement (indicator, info, &m, error))
    goto out;
  if (mode == RK_VALUE_ADD && rk_indicator_lookup_value (indicator, m.period) != NULL)
    {
      g_autofree char *label = rk_period_format (m.period);

      /* TRANSLATORS: %s is a period such as 令和7年度. */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("%s already has a measurement. Edit that one instead of adding another."), label);
      goto out;
    }

  m.indicator = g_object_ref (indicator);
  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    goto out;
  if ((stmt = rk_store_prepare (db, UPSERT_VALUE, error)) == NULL
      || !write_measurement (stmt, &m, error)
      || !rk_store_touch_council (db, now, error))
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      rk_store_rollback (db);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_commit (db, error))
    {
      rk_store_rollback (db);
      goto out;
    }
  refresh_values (db, indicator);
  ok = TRUE;

out:
  g_clear_object (&m.indicator);
  g_free (m.period);
  g_free (m.note);
  return ok;
}

gboolean
rk_store_remove_indicator_value (RkStore      *self,
                                 RkIndicator  *indicator,
                                 const char   *period,
                                 GError      **error)
{
  const RkIndicatorValue *value;
  g_autofree char *label = NULL;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (RK_IS_INDICATOR (indicator), FALSE);

  label = rk_period_format (period);
  value = rk_indicator_lookup_value (indicator, period);
  if (value == NULL)
    {
      rk_store_set_not_found (error, label != NULL ? label : period);
      return FALSE;
    }
  if (!rk_store_edit_row (self, "DELETE FROM indicator_value WHERE id = ?1 AND ?2 IS NOT NULL", value->id,
                          label != NULL ? label : period, error))
    return FALSE;
  refresh_values (rk_store_get_db (self), indicator);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* CSV import */

struct _RkIndicatorImport
{
  RkCsvEncoding encoding;
  GPtrArray    *good;     /* Measurement */
  GArray       *problems; /* RkIndicatorImportProblem */
  guint         n_replacing;
};

void
rk_indicator_import_free (RkIndicatorImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->good);
  for (guint i = 0; i < import->problems->len; i++)
    g_free (g_array_index (import->problems, RkIndicatorImportProblem, i).message);
  g_array_unref (import->problems);
  g_free (import);
}

RkCsvEncoding
rk_indicator_import_get_encoding (RkIndicatorImport *import)
{
  return import->encoding;
}

guint
rk_indicator_import_get_n_good (RkIndicatorImport *import)
{
  return import->good->len;
}

guint
rk_indicator_import_get_n_replacing (RkIndicatorImport *import)
{
  return import->n_replacing;
}

guint
rk_indicator_import_get_n_problems (RkIndicatorImport *import)
{
  return import->problems->len;
}

const RkIndicatorImportProblem *
rk_indicator_import_get_problem (RkIndicatorImport *import,
                                 guint              index)
{
  g_return_val_if_fail (index < import->problems->len, NULL);

  return &g_array_index (import->problems, RkIndicatorImportProblem, index);
}

static void
add_problem (RkIndicatorImport *import,
             guint              line,
             char              *message)
{
  RkIndicatorImportProblem problem = { line, message };

  g_array_append_val (import->problems, problem);
}

enum { COL_CODE, COL_NAME, COL_PERIOD, COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR, COL_NOTE, N_COLS };

/* The header names as the file has them: Japanese data, the same in every language. */
static const char *const column_names[N_COLS] = { "指標コード", "指標名", "期間", "値", "分子", "分母", "備考" };

/* A cell, trimmed; "" for a missing one. */
static char *
cell (RkCsvTable *table,
      guint       row,
      int         column)
{
  const char *text = column >= 0 ? rk_csv_table_get_field (table, row, column) : NULL;

  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

RkIndicatorImport *
rk_store_read_indicator_csv (RkStore  *self,
                             GBytes   *data,
                             GError  **error)
{
  g_autoptr(RkCsvTable) table = NULL;
  g_autoptr(GHashTable) seen = NULL;
  RkIndicatorImport *import;
  int cols[N_COLS];
  guint n_rows;

  g_return_val_if_fail (RK_IS_STORE (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (ensure_list (self, error) == NULL)
    return NULL;
  table = rk_csv_table_new_from_bytes (data, RK_CSV_READ_UNESCAPE_FORMULAS, error);
  if (table == NULL)
    return NULL;
  n_rows = rk_csv_table_get_n_rows (table);
  if (n_rows == 0)
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_EMPTY,
                           _("The file is empty. Export the measurements again, with a first row naming the "
                             "columns."));
      return NULL;
    }

  for (int c = 0; c < N_COLS; c++)
    cols[c] = -1;
  for (guint i = 0; i < rk_csv_table_get_n_fields (table, 0); i++)
    {
      g_autofree char *name = cell (table, 0, (int) i);

      for (int c = 0; c < N_COLS; c++)
        if (strcmp (name, column_names[c]) == 0)
          {
            if (cols[c] >= 0)
              {
                /* TRANSLATORS: %s is a column name such as 期間. */
                g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER,
                             _("The column “%s” appears twice in the first row. Keep one of them."),
                             column_names[c]);
                return NULL;
              }
            cols[c] = (int) i;
          }
    }
  if ((cols[COL_CODE] < 0 && cols[COL_NAME] < 0) || cols[COL_PERIOD] < 0
      || (cols[COL_VALUE] < 0 && (cols[COL_NUMERATOR] < 0 || cols[COL_DENOMINATOR] < 0)))
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER,
                           _("The first row must name the columns: 指標コード or 指標名, 期間, and 値 or 分子 and 分母 "
                             "(備考 is optional)."));
      return NULL;
    }

  import = g_new0 (RkIndicatorImport, 1);
  import->encoding = rk_csv_table_get_encoding (table);
  import->good = g_ptr_array_new_with_free_func ((GDestroyNotify) measurement_free);
  import->problems = g_array_new (FALSE, FALSE, sizeof (RkIndicatorImportProblem));
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint row = 1; row < n_rows; row++)
    {
      g_autofree char *code = NULL, *name = NULL, *period = NULL, *value = NULL;
      g_autofree char *numerator = NULL, *denominator = NULL, *note = NULL, *key = NULL;
      g_autoptr(GError) local = NULL;
      RkIndicatorValueInfo info = { 0 };
      Measurement *m;
      RkIndicator *indicator;
      guint line = rk_csv_table_get_line (table, row), first_line;

      if (rk_csv_table_row_is_blank (table, row))
        continue;
      code = cell (table, row, cols[COL_CODE]);
      name = cell (table, row, cols[COL_NAME]);
      period = cell (table, row, cols[COL_PERIOD]);
      value = cell (table, row, cols[COL_VALUE]);
      numerator = cell (table, row, cols[COL_NUMERATOR]);
      denominator = cell (table, row, cols[COL_DENOMINATOR]);
      note = cell (table, row, cols[COL_NOTE]);

      if (*code != '\0')
        {
          indicator = rk_store_lookup_indicator (self, code);
          if (indicator == NULL || strcmp (rk_indicator_get_catalog_code (indicator), code) != 0)
            {
              /* TRANSLATORS: %s is the code in the file, e.g. C2. */
              add_problem (import, line,
                           g_strdup_printf (_("Unknown indicator code “%s”: it is not one of the council’s "
                                              "indicators."), code));
              continue;
            }
        }
      else if (*name != '\0')
        {
          indicator = rk_store_lookup_indicator (self, name);
          if (indicator == NULL)
            {
              add_problem (import, line,
                           g_strdup_printf (_("Unknown indicator “%s”: it is not one of the council’s "
                                              "indicators."), name));
              continue;
            }
        }
      else
        {
          add_problem (import, line, g_strdup (_("The row names no indicator (指標コード or 指標名).")));
          continue;
        }

      info.period = period;
      info.note = note;
      if (*numerator != '\0' || *denominator != '\0')
        {
          info.has_parts = TRUE;
          if (!rk_indicator_parse_number (numerator, column_names[COL_NUMERATOR], &info.numerator, &local)
              || !rk_indicator_parse_number (denominator, column_names[COL_DENOMINATOR], &info.denominator, &local))
            {
              add_problem (import, line, g_strdup (local->message));
              continue;
            }
        }
      else if (!rk_indicator_parse_number (value, column_names[COL_VALUE], &info.value, &local))
        {
          add_problem (import, line, g_strdup (local->message));
          continue;
        }

      m = g_new0 (Measurement, 1);
      if (!check_measurement (indicator, &info, m, &local))
        {
          measurement_free (m);
          add_problem (import, line, g_strdup (local->message));
          continue;
        }
      m->indicator = g_object_ref (indicator);
      m->line = line;

      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", rk_indicator_get_id (indicator), m->period);
      first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
      if (first_line != 0)
        {
          g_autofree char *label = rk_period_format (m->period);

          /* TRANSLATORS: %s is a period such as 令和7年度, %u a line of the file. */
          add_problem (import, line,
                       g_strdup_printf (_("%s of this indicator is already on line %u of the file."), label,
                                        first_line));
          measurement_free (m);
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
      if (rk_indicator_lookup_value (indicator, m->period) != NULL)
        import->n_replacing++;
      g_ptr_array_add (import->good, m);
    }

  return import;
}

gboolean
rk_store_apply_indicator_import (RkStore            *self,
                                 RkIndicatorImport  *import,
                                 GError            **error)
{
  g_autoptr(RkStmt) stmt = NULL;
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  g_autofree char *now = NULL;
  RkStoreIndicators *list;
  sqlite3 *db;

  g_return_val_if_fail (RK_IS_STORE (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  if ((list = ensure_list (self, error)) == NULL)
    return FALSE;
  if (import->good->len == 0)
    return TRUE;

  db = rk_store_get_db (self);
  now = rk_store_now_text ();
  if (!rk_store_begin (db, error))
    return FALSE;
  if ((stmt = rk_store_prepare (db, UPSERT_VALUE, error)) == NULL)
    goto fail;
  for (guint i = 0; i < import->good->len; i++)
    {
      Measurement *m = g_ptr_array_index (import->good, i);

      /* Removed since the file was read: its rows must not land in the bin unseen. */
      if (!g_list_store_find (list->indicators, m->indicator, NULL))
        {
          rk_store_set_not_found (error, rk_indicator_get_name (m->indicator));
          goto fail;
        }
      if (!write_measurement (stmt, m, error))
        {
          /* TRANSLATORS: %u is a line of the file. */
          g_prefix_error (error, _("Line %u: "), m->line);
          goto fail;
        }
      if (!g_ptr_array_find (touched, m->indicator, NULL))
        g_ptr_array_add (touched, m->indicator);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!rk_store_touch_council (db, now, error) || !rk_store_commit (db, error))
    goto fail;

  for (guint i = 0; i < touched->len; i++)
    refresh_values (db, g_ptr_array_index (touched, i));
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rk_store_rollback (db);
  return FALSE;
}

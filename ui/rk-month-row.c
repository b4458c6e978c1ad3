/* rk-month-row.c — pick a month as a year and a month.
 *
 * A calendar would offer days the schedule has no use for; a spin button for the year and a drop-down of the
 * twelve months are quick with the keyboard and read well to a screen reader. The subtitle says the month in 和暦,
 * the way the council writes dates. */
#include <glib/gi18n.h>

#include "rk-era.h"
#include "rk-month-row.h"

/* The years rk_task_info_validate() accepts. */
#define FIRST_YEAR 1989
#define LAST_YEAR  2200

struct _RkMonthRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *year_spin;
  GtkDropDown   *month_dropdown;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (RkMonthRow, rk_month_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MONTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rk_month_row_update_subtitle (RkMonthRow *self)
{
  RkMonth month = rk_month_row_get_month (self);
  g_autofree char *era = rk_era_format_month (rk_month_get_year (month), rk_month_get_month (month));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), era);
}

static void
rk_month_row_changed_cb (RkMonthRow *self)
{
  rk_month_row_update_subtitle (self);
  if (!self->updating)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

static void
rk_month_row_title_changed_cb (RkMonthRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: accessible names of the two parts of a month picker; %s is its title such as “Start”. */
  g_autofree char *year = g_strdup_printf (_("%s: Year"), title);
  g_autofree char *month = g_strdup_printf (_("%s: Month"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, year, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, month, -1);
}

RkMonth
rk_month_row_get_month (RkMonthRow *self)
{
  int year, month;

  g_return_val_if_fail (RK_IS_MONTH_ROW (self), 0);

  year = gtk_spin_button_get_value_as_int (self->year_spin);
  month = (int) gtk_drop_down_get_selected (self->month_dropdown) + 1;

  return year * 12 + (month - 1);
}

void
rk_month_row_set_month (RkMonthRow *self,
                        RkMonth     month)
{
  g_return_if_fail (RK_IS_MONTH_ROW (self));

  if (month == rk_month_row_get_month (self))
    return;

  self->updating = TRUE;
  gtk_spin_button_set_value (self->year_spin, CLAMP (rk_month_get_year (month), FIRST_YEAR, LAST_YEAR));
  gtk_drop_down_set_selected (self->month_dropdown, (guint) (rk_month_get_month (month) - 1));
  self->updating = FALSE;

  rk_month_row_update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

static void
rk_month_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RkMonthRow *self = RK_MONTH_ROW (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      g_value_set_int (value, rk_month_row_get_month (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_month_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RkMonthRow *self = RK_MONTH_ROW (object);

  switch (prop_id)
    {
    case PROP_MONTH:
      rk_month_row_set_month (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_month_row_class_init (RkMonthRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rk_month_row_get_property;
  object_class->set_property = rk_month_row_set_property;

  properties[PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, FIRST_YEAR * 12, LAST_YEAR * 12 + 11, FIRST_YEAR * 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_month_row_init (RkMonthRow *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* The locale's own month names: 1月 … 12月 in Japanese. */
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");

      gtk_string_list_append (months, name);
    }

  self->year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (FIRST_YEAR, LAST_YEAR, 1));
  gtk_spin_button_set_numeric (self->year_spin, TRUE);
  gtk_spin_button_set_value (self->year_spin, FIRST_YEAR);
  gtk_widget_set_valign (GTK_WIDGET (self->year_spin), GTK_ALIGN_CENTER);
  self->month_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (months)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->month_dropdown), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->year_spin));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->month_dropdown));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (rk_month_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_dropdown, "notify::selected", G_CALLBACK (rk_month_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (rk_month_row_title_changed_cb), NULL);
  rk_month_row_update_subtitle (self);
}

GtkWidget *
rk_month_row_new (const char *title)
{
  return g_object_new (RK_TYPE_MONTH_ROW, "title", title, NULL);
}

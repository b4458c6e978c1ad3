/* rk-model.c — property helpers shared by the model classes. */

#include "rk-model-private.h"

GParamSpec *
rk_model_string_property (const char *name)
{
  /* Read-only to everyone but the store: an edit must be written to the file before it shows. */
  return g_param_spec_string (name, NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

void
rk_model_set_string (GObject     *object,
                     char       **field,
                     const char  *value,
                     GParamSpec  *pspec)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

void
rk_model_set_int (GObject    *object,
                  int        *field,
                  int         value,
                  GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
rk_model_set_int64 (GObject    *object,
                    gint64     *field,
                    gint64      value,
                    GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

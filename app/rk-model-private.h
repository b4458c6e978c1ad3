/* rk-model-private.h — what the model classes (council members, tasks, meetings, rules …) share: their properties are
 * read-only to everyone but the store, and a setter notifies only on a real change. Private to app/. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A read-only string property with "" as its default. */
GParamSpec *rk_model_string_property (const char  *name);

/* Each sets *field to @value (NULL reads as "" for strings) and notifies @pspec — only when the value changed. */
void        rk_model_set_string      (GObject     *object,
                                      char       **field,
                                      const char  *value,
                                      GParamSpec  *pspec);
void        rk_model_set_int         (GObject     *object,
                                      int         *field,
                                      int          value,
                                      GParamSpec  *pspec);
void        rk_model_set_int64       (GObject     *object,
                                      gint64      *field,
                                      gint64       value,
                                      GParamSpec  *pspec);

G_END_DECLS

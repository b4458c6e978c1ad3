/* rk-body.c — a body (会議体) of the council, as a property bag the store fills. */

#include "rk-body.h"

#include <glib/gi18n.h>

#include "rk-store-private.h"

struct _RkBody
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  RkTier   tier;
  char    *tier_label;
  char    *purpose;
  int      position;
};

G_DEFINE_FINAL_TYPE (RkBody, rk_body, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TIER,
  PROP_TIER_LABEL,
  PROP_PURPOSE,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue tier_values[] = {
  { RK_TIER_CORE, "RK_TIER_CORE", "core" },
  { RK_TIER_FIELD, "RK_TIER_FIELD", "field" },
  { RK_TIER_WORKING, "RK_TIER_WORKING", "working" },
  { RK_TIER_OTHER, "RK_TIER_OTHER", "other" },
  { 0, NULL, NULL }
};

/* Indexed by RkTier; the guide's 中枢会議 / 現場レベルの会議 / 作業ワーキング. */
static const char *const tier_labels[] = {
  N_("Core meeting"),
  N_("Field-level meeting"),
  N_("Working group"),
  N_("Other"),
};

GType
rk_tier_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("RkTier"), tier_values);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

const char *
rk_tier_to_label (RkTier tier)
{
  g_return_val_if_fail (tier >= RK_TIER_CORE && tier <= RK_TIER_OTHER, NULL);

  return _(tier_labels[tier]);
}

static void
rk_body_finalize (GObject *object)
{
  RkBody *self = RK_BODY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->tier_label, g_free);
  g_clear_pointer (&self->purpose, g_free);

  G_OBJECT_CLASS (rk_body_parent_class)->finalize (object);
}

static void
rk_body_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RkBody *self = RK_BODY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TIER:
      g_value_set_enum (value, self->tier);
      break;
    case PROP_TIER_LABEL:
      g_value_set_string (value, self->tier_label);
      break;
    case PROP_PURPOSE:
      g_value_set_string (value, self->purpose);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_body_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RkBody *self = RK_BODY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_body_class_init (RkBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_body_finalize;
  object_class->get_property = rk_body_get_property;
  object_class->set_property = rk_body_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Read-only to everyone but the store: an edit must be written to the file before it shows. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIER] =
    g_param_spec_enum ("tier", NULL, NULL, RK_TYPE_TIER, RK_TIER_CORE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIER_LABEL] =
    g_param_spec_string ("tier-label", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_body_init (RkBody *self)
{
  self->name = g_strdup ("");
  self->tier_label = g_strdup ("");
  self->purpose = g_strdup ("");
}

RkBody *
rk_body_new_for_store (gint64            id,
                       const RkBodyInfo *info,
                       int               position)
{
  RkBody *self = g_object_new (RK_TYPE_BODY, "id", id, NULL);

  rk_body_set_info (self, info);
  self->position = position;
  return self;
}

static void
set_string (RkBody      *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
rk_body_set_info (RkBody           *self,
                  const RkBodyInfo *info)
{
  g_return_if_fail (RK_IS_BODY (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->name, info->name, PROP_NAME);
  if (self->tier != info->tier)
    {
      self->tier = info->tier;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
    }
  /* Only a tier the user names has a label; the listed tiers are named by rk_tier_to_label(). */
  set_string (self, &self->tier_label, info->tier == RK_TIER_OTHER ? info->tier_label : NULL, PROP_TIER_LABEL);
  set_string (self, &self->purpose, info->purpose, PROP_PURPOSE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
rk_body_set_position (RkBody *self,
                      int     position)
{
  g_return_if_fail (RK_IS_BODY (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gint64
rk_body_get_id (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), 0);
  return self->id;
}

const char *
rk_body_get_name (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), NULL);
  return self->name;
}

RkTier
rk_body_get_tier (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), RK_TIER_CORE);
  return self->tier;
}

const char *
rk_body_get_tier_label (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), NULL);
  return self->tier_label;
}

const char *
rk_body_get_purpose (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), NULL);
  return self->purpose;
}

int
rk_body_get_position (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), 0);
  return self->position;
}

const char *
rk_body_get_display_tier (RkBody *self)
{
  g_return_val_if_fail (RK_IS_BODY (self), NULL);

  if (self->tier == RK_TIER_OTHER)
    return self->tier_label;
  return rk_tier_to_label (self->tier);
}

void
rk_body_get_info (RkBody     *self,
                  RkBodyInfo *info)
{
  g_return_if_fail (RK_IS_BODY (self));
  g_return_if_fail (info != NULL);

  info->name = self->name;
  info->tier = self->tier;
  info->tier_label = self->tier == RK_TIER_OTHER ? self->tier_label : NULL;
  info->purpose = self->purpose;
}

gboolean
rk_body_info_validate (const RkBodyInfo *info,
                       GError          **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->name) || !rk_store_text_is_valid (info->tier_label)
      || !rk_store_text_is_valid (info->purpose))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The body’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->name))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Enter the body’s name; it cannot be empty."));
      return FALSE;
    }
  if ((int) info->tier < RK_TIER_CORE || info->tier > RK_TIER_OTHER)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Choose the body’s tier."));
      return FALSE;
    }
  if (info->tier == RK_TIER_OTHER && rk_store_text_is_blank (info->tier_label))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Enter a name for the body’s tier, or choose one of the listed tiers."));
      return FALSE;
    }
  return TRUE;
}

/* rk-council.c — the council a file holds, as a property bag the store fills. */

#include "rk-council.h"

#include <glib/gi18n.h>

#include "rk-store-private.h"

struct _RkCouncil
{
  GObject      parent_instance;

  char        *name;
  char        *municipality;
  char        *prefecture;
  int          fiscal_year;
  RkSetupKind  setup;
  char        *notes;
};

G_DEFINE_FINAL_TYPE (RkCouncil, rk_council, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_MUNICIPALITY,
  PROP_PREFECTURE,
  PROP_FISCAL_YEAR,
  PROP_SETUP,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue setup_kind_values[] = {
  { RK_SETUP_EXISTING, "RK_SETUP_EXISTING", "existing" },
  { RK_SETUP_NEW, "RK_SETUP_NEW", "new" },
  { RK_SETUP_BOTH, "RK_SETUP_BOTH", "both" },
  { 0, NULL, NULL }
};

/* Indexed by RkSetupKind; the guide's 既存の会議体を活用 / 新規に会議体を設置 / 併用. */
static const char *const setup_kind_labels[] = {
  N_("Use an existing body"),
  N_("Set up a new body"),
  N_("Both"),
};

GType
rk_setup_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("RkSetupKind"), setup_kind_values);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

const char *
rk_setup_kind_to_label (RkSetupKind kind)
{
  g_return_val_if_fail (kind >= RK_SETUP_EXISTING && kind <= RK_SETUP_BOTH, NULL);

  return _(setup_kind_labels[kind]);
}

static void
rk_council_finalize (GObject *object)
{
  RkCouncil *self = RK_COUNCIL (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->prefecture, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rk_council_parent_class)->finalize (object);
}

static void
rk_council_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RkCouncil *self = RK_COUNCIL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MUNICIPALITY:
      g_value_set_string (value, self->municipality);
      break;
    case PROP_PREFECTURE:
      g_value_set_string (value, self->prefecture);
      break;
    case PROP_FISCAL_YEAR:
      g_value_set_int (value, self->fiscal_year);
      break;
    case PROP_SETUP:
      g_value_set_enum (value, self->setup);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_council_class_init (RkCouncilClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_council_finalize;
  object_class->get_property = rk_council_get_property;

  /* Read-only to everyone but the store: an edit must be written to the file before it shows. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MUNICIPALITY] =
    g_param_spec_string ("municipality", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREFECTURE] =
    g_param_spec_string ("prefecture", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FISCAL_YEAR] =
    g_param_spec_int ("fiscal-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SETUP] =
    g_param_spec_enum ("setup", NULL, NULL, RK_TYPE_SETUP_KIND, RK_SETUP_EXISTING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_council_init (RkCouncil *self)
{
  self->name = g_strdup ("");
  self->municipality = g_strdup ("");
  self->prefecture = g_strdup ("");
  self->notes = g_strdup ("");
}

RkCouncil *
rk_council_new_for_store (void)
{
  return g_object_new (RK_TYPE_COUNCIL, NULL);
}

static void
set_string (RkCouncil  *self,
            char      **field,
            const char *value,
            guint       prop)
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
rk_council_set_info (RkCouncil           *self,
                     const RkCouncilInfo *info)
{
  g_return_if_fail (RK_IS_COUNCIL (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->name, info->name, PROP_NAME);
  set_string (self, &self->municipality, info->municipality, PROP_MUNICIPALITY);
  set_string (self, &self->prefecture, info->prefecture, PROP_PREFECTURE);
  set_string (self, &self->notes, info->notes, PROP_NOTES);
  if (self->fiscal_year != info->fiscal_year)
    {
      self->fiscal_year = info->fiscal_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
    }
  if (self->setup != info->setup)
    {
      self->setup = info->setup;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETUP]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
rk_council_get_name (RkCouncil *self)
{
  g_return_val_if_fail (RK_IS_COUNCIL (self), NULL);
  return self->name;
}

const char *
rk_council_get_municipality (RkCouncil *self)
{
  g_return_val_if_fail (RK_IS_COUNCIL (self), NULL);
  return self->municipality;
}

const char *
rk_council_get_prefecture (RkCouncil *self)
{
  g_return_val_if_fail (RK_IS_COUNCIL (self), NULL);
  return self->prefecture;
}

int
rk_council_get_fiscal_year (RkCouncil *self)
{
  g_return_val_if_fail (RK_IS_COUNCIL (self), 0);
  return self->fiscal_year;
}

RkSetupKind
rk_council_get_setup (RkCouncil *self)
{
  g_return_val_if_fail (RK_IS_COUNCIL (self), RK_SETUP_EXISTING);
  return self->setup;
}

const char *
rk_council_get_notes (RkCouncil *self)
{
  g_return_val_if_fail (RK_IS_COUNCIL (self), NULL);
  return self->notes;
}

void
rk_council_get_info (RkCouncil     *self,
                     RkCouncilInfo *info)
{
  g_return_if_fail (RK_IS_COUNCIL (self));
  g_return_if_fail (info != NULL);

  info->name = self->name;
  info->municipality = self->municipality;
  info->prefecture = self->prefecture;
  info->fiscal_year = self->fiscal_year;
  info->setup = self->setup;
  info->notes = self->notes;
}

gboolean
rk_store_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  /* g_unichar_isspace() also catches the ideographic space (U+3000) a Japanese input method types. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
rk_store_text_is_valid (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

gboolean
rk_council_info_validate (const RkCouncilInfo *info,
                          GError             **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->name) || !rk_store_text_is_valid (info->municipality)
      || !rk_store_text_is_valid (info->prefecture) || !rk_store_text_is_valid (info->notes))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The council’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->name))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Enter the council’s name; it cannot be empty."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->municipality))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Enter the municipality the council serves; it cannot be empty."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->prefecture))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Enter the prefecture; it cannot be empty."));
      return FALSE;
    }
  if (info->fiscal_year < 1989 || info->fiscal_year > 2200)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("The fiscal year the council starts in must be between %d and %d, not %d."),
                   1989, 2200, info->fiscal_year);
      return FALSE;
    }
  if ((int) info->setup < RK_SETUP_EXISTING || info->setup > RK_SETUP_BOTH)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Choose how the council is set up: an existing body, a new body, or both."));
      return FALSE;
    }
  return TRUE;
}

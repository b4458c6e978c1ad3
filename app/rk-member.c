/* rk-member.c — a member (構成員) of the council's roster, as a property bag the store fills. */

#include "rk-member.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rk-body.h"
#include "rk-era.h"
#include "rk-model-private.h"
#include "rk-store-private.h"

struct _RkMember
{
  GObject  parent_instance;

  gint64   id;
  int      member_type;
  char    *organisation;
  char    *name;
  char    *kana;
  char    *title;
  RkRole   role;
  char    *alternate;
  char    *phone;
  char    *email;
  char    *term_start;  /* "" when none */
  char    *term_end;    /* "" when none */
  char    *notes;

  /* The term_end the term was ended on (rk_store_end_member_term), NULL when it never was. It only counts while
   * term_end is still that date and the member holds no seat: extending the term or seating the member again
   * brings them back. */
  char    *ended_on;
  /* Every open seat (left_on unset), bodies in the bin included, so restoring a body brings its name back. */
  GArray  *seat_ids;
  /* The open seats on bodies that are in the council now, and their names. */
  GArray  *body_ids;
  char    *bodies;
};

G_DEFINE_FINAL_TYPE (RkMember, rk_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_TYPE,
  PROP_ORGANISATION,
  PROP_NAME,
  PROP_KANA,
  PROP_TITLE,
  PROP_ROLE,
  PROP_ALTERNATE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_TERM_START,
  PROP_TERM_END,
  PROP_NOTES,
  PROP_CURRENT,
  PROP_BODIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------------------------ */
/* Roles */

static const GEnumValue role_values[] = {
  { RK_ROLE_CHAIR, "RK_ROLE_CHAIR", "chair" },
  { RK_ROLE_VICE_CHAIR, "RK_ROLE_VICE_CHAIR", "vice-chair" },
  { RK_ROLE_MEMBER, "RK_ROLE_MEMBER", "member" },
  { RK_ROLE_OBSERVER, "RK_ROLE_OBSERVER", "observer" },
  { RK_ROLE_REFERENCE, "RK_ROLE_REFERENCE", "reference" },
  { RK_ROLE_SECRETARIAT, "RK_ROLE_SECRETARIAT", "secretariat" },
  { 0, NULL, NULL }
};

/* Indexed by RkRole. */
static const char *const role_labels[] = {
  N_("Chair"),
  N_("Vice-chair"),
  N_("Member"),
  N_("Observer"),
  N_("Reference person"),
  N_("Secretariat"),
};

/* The names a roster written in Japanese uses, whatever the locale of the user reading it in. */
static const char *const role_japanese[] = {
  "会長",
  "副会長",
  "委員",
  "オブザーバー",
  "参考人",
  "事務局",
};

G_STATIC_ASSERT (G_N_ELEMENTS (role_labels) == RK_ROLE_LAST + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (role_japanese) == RK_ROLE_LAST + 1);

GType
rk_role_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("RkRole"), role_values);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

const char *
rk_role_to_label (RkRole role)
{
  g_return_val_if_fail ((int) role >= RK_ROLE_CHAIR && role <= RK_ROLE_LAST, NULL);

  return _(role_labels[role]);
}

/* Strips white space at both ends, the ideographic space (U+3000) included. */
static char *
strip_text (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

gboolean
rk_role_from_label (const char *label,
                    RkRole     *role)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (role != NULL, FALSE);

  if (label == NULL || !g_utf8_validate (label, -1, NULL))
    return FALSE;
  stripped = strip_text (label);
  for (int i = RK_ROLE_CHAIR; i <= RK_ROLE_LAST; i++)
    if (g_str_equal (stripped, role_japanese[i])
        || g_ascii_strcasecmp (stripped, role_labels[i]) == 0
        || g_str_equal (stripped, _(role_labels[i])))
      {
        *role = (RkRole) i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Validation */

static gboolean
check_date (const char  *text,
            const char  *field,
            GDate       *date,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!rk_era_parse_iso_date (text, date))
    {
      /* TRANSLATORS: the first %s is a field such as "Term start", the second what the user entered. */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a date that exists. Enter it as year-month-day, e.g. 2025-04-01."),
                   field, text);
      return FALSE;
    }
  return TRUE;
}

gboolean
rk_member_info_validate (const RkMemberInfo *info,
                         GError            **error)
{
  GDate start, end;

  g_return_val_if_fail (info != NULL, FALSE);

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);

  if (!rk_store_text_is_valid (info->organisation) || !rk_store_text_is_valid (info->name)
      || !rk_store_text_is_valid (info->kana) || !rk_store_text_is_valid (info->title)
      || !rk_store_text_is_valid (info->alternate) || !rk_store_text_is_valid (info->phone)
      || !rk_store_text_is_valid (info->email) || !rk_store_text_is_valid (info->term_start)
      || !rk_store_text_is_valid (info->term_end) || !rk_store_text_is_valid (info->notes))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The member’s details contain text that is not valid UTF-8. Retype them."));
      return FALSE;
    }
  if (rk_store_text_is_blank (info->name))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Name: enter the member’s name; it cannot be empty."));
      return FALSE;
    }
  if (info->member_type < RK_MEMBER_TYPE_FIRST || info->member_type > RK_MEMBER_TYPE_LAST)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Member type: choose one of the %d candidate types (%d is not one of them)."),
                   RK_MEMBER_TYPE_LAST, info->member_type);
      return FALSE;
    }
  if ((int) info->role < RK_ROLE_CHAIR || info->role > RK_ROLE_LAST)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("Role: choose the member’s role on the council."));
      return FALSE;
    }
  if (!check_date (info->term_start, _("Term start"), &start, error)
      || !check_date (info->term_end, _("Term end"), &end, error))
    return FALSE;
  if (g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&end, &start) < 0)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Term end: the term cannot end (%s) before it starts (%s)."), info->term_end, info->term_start);
      return FALSE;
    }
  if (!rk_store_text_is_blank (info->email) && strchr (info->email, '@') == NULL)
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("E-mail: “%s” is not an e-mail address (it has no “@”)."), info->email);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The object */

static gboolean
is_ended (RkMember *self)
{
  return self->ended_on != NULL && g_str_equal (self->ended_on, self->term_end) && self->seat_ids->len == 0;
}

static gboolean
compute_current (RkMember *self)
{
  GDate end, today;

  if (is_ended (self))
    return FALSE;
  if (!rk_era_parse_iso_date (self->term_end, &end))
    return TRUE;
  g_date_clear (&today, 1);
  rk_era_get_today (&today);
  return g_date_compare (&end, &today) >= 0;
}

static void
rk_member_finalize (GObject *object)
{
  RkMember *self = RK_MEMBER (object);

  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kana, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->alternate, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->term_start, g_free);
  g_clear_pointer (&self->term_end, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->ended_on, g_free);
  g_clear_pointer (&self->seat_ids, g_array_unref);
  g_clear_pointer (&self->body_ids, g_array_unref);
  g_clear_pointer (&self->bodies, g_free);

  G_OBJECT_CLASS (rk_member_parent_class)->finalize (object);
}

static void
rk_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RkMember *self = RK_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MEMBER_TYPE:
      g_value_set_int (value, self->member_type);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KANA:
      g_value_set_string (value, self->kana);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_ALTERNATE:
      g_value_set_string (value, self->alternate);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_TERM_START:
      g_value_set_string (value, self->term_start);
      break;
    case PROP_TERM_END:
      g_value_set_string (value, self->term_end);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, compute_current (self));
      break;
    case PROP_BODIES:
      g_value_set_string (value, self->bodies);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RkMember *self = RK_MEMBER (object);

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
rk_member_class_init (RkMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_member_finalize;
  object_class->get_property = rk_member_get_property;
  object_class->set_property = rk_member_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_TYPE] =
    g_param_spec_int ("member-type", NULL, NULL, RK_MEMBER_TYPE_FIRST, RK_MEMBER_TYPE_LAST, RK_MEMBER_TYPE_FIRST,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORGANISATION] = rk_model_string_property ("organisation");
  properties[PROP_NAME] = rk_model_string_property ("name");
  properties[PROP_KANA] = rk_model_string_property ("kana");
  properties[PROP_TITLE] = rk_model_string_property ("title");
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, RK_TYPE_ROLE, RK_ROLE_MEMBER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALTERNATE] = rk_model_string_property ("alternate");
  properties[PROP_PHONE] = rk_model_string_property ("phone");
  properties[PROP_EMAIL] = rk_model_string_property ("email");
  properties[PROP_TERM_START] = rk_model_string_property ("term-start");
  properties[PROP_TERM_END] = rk_model_string_property ("term-end");
  properties[PROP_NOTES] = rk_model_string_property ("notes");
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODIES] = rk_model_string_property ("bodies");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_member_init (RkMember *self)
{
  self->member_type = RK_MEMBER_TYPE_FIRST;
  self->role = RK_ROLE_MEMBER;
  self->organisation = g_strdup ("");
  self->name = g_strdup ("");
  self->kana = g_strdup ("");
  self->title = g_strdup ("");
  self->alternate = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->term_start = g_strdup ("");
  self->term_end = g_strdup ("");
  self->notes = g_strdup ("");
  self->bodies = g_strdup ("");
  self->seat_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->body_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RkMember *
rk_member_new_for_store (gint64              id,
                         const RkMemberInfo *info)
{
  RkMember *self = g_object_new (RK_TYPE_MEMBER, "id", id, NULL);

  rk_member_set_info (self, info);
  return self;
}

static void
set_string (RkMember    *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  rk_model_set_string (G_OBJECT (self), field, value, properties[prop]);
}

/* "current" follows from other fields: notified when a change moved it. */
static void
notify_current (RkMember *self,
                gboolean  was_current)
{
  if (compute_current (self) != was_current)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

void
rk_member_set_info (RkMember           *self,
                    const RkMemberInfo *info)
{
  gboolean was_current;

  g_return_if_fail (RK_IS_MEMBER (self));
  g_return_if_fail (info != NULL);

  was_current = compute_current (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (self->member_type != info->member_type)
    {
      self->member_type = info->member_type;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_TYPE]);
    }
  set_string (self, &self->organisation, info->organisation, PROP_ORGANISATION);
  set_string (self, &self->name, info->name, PROP_NAME);
  set_string (self, &self->kana, info->kana, PROP_KANA);
  set_string (self, &self->title, info->title, PROP_TITLE);
  if (self->role != info->role)
    {
      self->role = info->role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  set_string (self, &self->alternate, info->alternate, PROP_ALTERNATE);
  set_string (self, &self->phone, info->phone, PROP_PHONE);
  set_string (self, &self->email, info->email, PROP_EMAIL);
  set_string (self, &self->term_start, info->term_start, PROP_TERM_START);
  set_string (self, &self->term_end, info->term_end, PROP_TERM_END);
  set_string (self, &self->notes, info->notes, PROP_NOTES);
  notify_current (self, was_current);
  g_object_thaw_notify (G_OBJECT (self));
}

void
rk_member_mark_ended (RkMember *self)
{
  g_return_if_fail (RK_IS_MEMBER (self));

  gboolean was_current = compute_current (self);

  g_free (self->ended_on);
  self->ended_on = g_strdup (self->term_end);
  notify_current (self, was_current);
}

static gboolean
ids_equal (GArray       *array,
           const gint64 *ids,
           guint         n)
{
  return array->len == n && (n == 0 || memcmp (array->data, ids, n * sizeof (gint64)) == 0);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib;
}

void
rk_member_refresh_bodies (RkMember   *self,
                          GListModel *bodies)
{
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_bodies;

  g_return_if_fail (RK_IS_MEMBER (self));
  g_return_if_fail (G_IS_LIST_MODEL (bodies));

  /* Names in the bodies' display order, ids ascending: both only of the bodies in the council now. */
  n_bodies = self->seat_ids->len > 0 ? g_list_model_get_n_items (bodies) : 0;
  for (guint i = 0; i < n_bodies; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);
      gint64 id = rk_body_get_id (body);

      if (bsearch (&id, self->seat_ids->data, self->seat_ids->len, sizeof (gint64), compare_ids) == NULL)
        continue;
      g_array_append_val (visible, id);
      if (names->len > 0)
        g_string_append (names, "、");
      g_string_append (names, rk_body_get_name (body));
    }
  g_array_sort (visible, compare_ids);

  if (!ids_equal (self->body_ids, (const gint64 *) visible->data, visible->len))
    {
      g_array_set_size (self->body_ids, 0);
      g_array_append_vals (self->body_ids, visible->data, visible->len);
    }
  set_string (self, &self->bodies, names->str, PROP_BODIES);
}

void
rk_member_set_seats (RkMember     *self,
                     const gint64 *body_ids,
                     guint         n_body_ids,
                     GListModel   *bodies)
{
  gboolean was_current;

  g_return_if_fail (RK_IS_MEMBER (self));
  g_return_if_fail (body_ids != NULL || n_body_ids == 0);

  was_current = compute_current (self);
  g_array_set_size (self->seat_ids, 0);
  if (n_body_ids > 0)
    g_array_append_vals (self->seat_ids, body_ids, n_body_ids);
  g_array_sort (self->seat_ids, compare_ids);
  notify_current (self, was_current);
  rk_member_refresh_bodies (self, bodies);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Getters */

gint64
rk_member_get_id (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), 0);
  return self->id;
}

int
rk_member_get_member_type (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), 0);
  return self->member_type;
}

const char *
rk_member_get_organisation (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->organisation;
}

const char *
rk_member_get_name (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->name;
}

const char *
rk_member_get_kana (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->kana;
}

const char *
rk_member_get_title (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->title;
}

RkRole
rk_member_get_role (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), RK_ROLE_MEMBER);
  return self->role;
}

const char *
rk_member_get_alternate (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->alternate;
}

const char *
rk_member_get_phone (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->phone;
}

const char *
rk_member_get_email (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->email;
}

const char *
rk_member_get_term_start (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->term_start;
}

const char *
rk_member_get_term_end (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->term_end;
}

const char *
rk_member_get_notes (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->notes;
}

gboolean
rk_member_get_current (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), FALSE);
  return compute_current (self);
}

const char *
rk_member_get_bodies (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->bodies;
}

const GArray *
rk_member_get_body_ids (RkMember *self)
{
  g_return_val_if_fail (RK_IS_MEMBER (self), NULL);
  return self->body_ids;
}

void
rk_member_get_info (RkMember     *self,
                    RkMemberInfo *info)
{
  g_return_if_fail (RK_IS_MEMBER (self));
  g_return_if_fail (info != NULL);

  info->member_type = self->member_type;
  info->organisation = self->organisation;
  info->name = self->name;
  info->kana = self->kana;
  info->title = self->title;
  info->role = self->role;
  info->alternate = self->alternate;
  info->phone = self->phone;
  info->email = self->email;
  info->term_start = self->term_start;
  info->term_end = self->term_end;
  info->notes = self->notes;
}

gboolean
rk_member_term_ends_within (RkMember *self,
                            GDate    *today,
                            guint     months)
{
  GDate end, limit;

  g_return_val_if_fail (RK_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!rk_era_parse_iso_date (self->term_end, &end) || g_date_compare (&end, today) < 0)
    return FALSE;
  /* A term already ended through the store is history, not a term about to end. */
  if (is_ended (self))
    return FALSE;
  limit = *today;
  g_date_add_months (&limit, months);
  return g_date_compare (&end, &limit) <= 0;
}

/* rk-rule.c — rule documents, versions and sections as property bags the store fills; their enumerations, the
 * validation of what a user enters, the Japanese item numbering and the cross-reference tokens. */

#include "rk-rule.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rk-era.h"
#include "rk-rule-private.h"
#include "rk-model-private.h"
#include "rk-store-private.h"

/* As for the meetings: 和暦 labels start with 平成, and nothing is dated two centuries ahead. */
#define FIRST_YEAR 1989
#define LAST_YEAR  2200

#define UID_MAX 64
#define REF_OPEN "{{ref:"
#define REF_CLOSE "}}"

/* ------------------------------------------------------------------------------------------------------------ */
/* Enumerations */

static GType
register_enum (gsize            *type_id,
               const char       *name,
               const GEnumValue *values)
{
  if (g_once_init_enter (type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string (name), values);
      g_once_init_leave (type_id, id);
    }
  return *type_id;
}

static const GEnumValue version_status_values[] = {
  { RK_RULE_VERSION_DRAFT, "RK_RULE_VERSION_DRAFT", "draft" },
  { RK_RULE_VERSION_DISCUSSION, "RK_RULE_VERSION_DISCUSSION", "discussion" },
  { RK_RULE_VERSION_CONSULTATION, "RK_RULE_VERSION_CONSULTATION", "consultation" },
  { RK_RULE_VERSION_FINAL, "RK_RULE_VERSION_FINAL", "final" },
  { RK_RULE_VERSION_IN_FORCE, "RK_RULE_VERSION_IN_FORCE", "in-force" },
  { RK_RULE_VERSION_REVIEW, "RK_RULE_VERSION_REVIEW", "review" },
  { 0, NULL, NULL }
};

/* Indexed by RkRuleVersionStatus: 起案, 協議中, 意見照会中, 確定, 運用中, 見直し中. */
static const char *const version_status_labels[] = {
  NC_("rule version status", "Draft"),
  NC_("rule version status", "Under discussion"),
  NC_("rule version status", "Out for comment"),
  NC_("rule version status", "Final"),
  NC_("rule version status", "In force"),
  NC_("rule version status", "Under review"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (version_status_labels) == RK_RULE_VERSION_REVIEW + 1);

GType
rk_rule_version_status_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkRuleVersionStatus", version_status_values);
}

const char *
rk_rule_version_status_to_label (RkRuleVersionStatus status)
{
  g_return_val_if_fail ((int) status >= RK_RULE_VERSION_DRAFT && status <= RK_RULE_VERSION_REVIEW, NULL);

  return g_dpgettext2 (NULL, "rule version status", version_status_labels[status]);
}

static const GEnumValue section_kind_values[] = {
  { RK_RULE_SECTION_TEXT, "RK_RULE_SECTION_TEXT", "text" },
  { RK_RULE_SECTION_FORM, "RK_RULE_SECTION_FORM", "form" },
  { 0, NULL, NULL }
};

static const char *const section_kind_labels[] = {
  NC_("rule section kind", "Section"),
  NC_("rule section kind", "Form"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (section_kind_labels) == RK_RULE_SECTION_FORM + 1);

GType
rk_rule_section_kind_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkRuleSectionKind", section_kind_values);
}

const char *
rk_rule_section_kind_to_label (RkRuleSectionKind kind)
{
  g_return_val_if_fail ((int) kind >= RK_RULE_SECTION_TEXT && kind <= RK_RULE_SECTION_FORM, NULL);

  return g_dpgettext2 (NULL, "rule section kind", section_kind_labels[kind]);
}

static const GEnumValue form_field_kind_values[] = {
  { RK_FORM_FIELD_TEXT, "RK_FORM_FIELD_TEXT", "text" },
  { RK_FORM_FIELD_DATE, "RK_FORM_FIELD_DATE", "date" },
  { RK_FORM_FIELD_CHOICE, "RK_FORM_FIELD_CHOICE", "choice" },
  { RK_FORM_FIELD_CHECKBOX, "RK_FORM_FIELD_CHECKBOX", "checkbox" },
  { 0, NULL, NULL }
};

static const char *const form_field_kind_labels[] = {
  NC_("form field kind", "Text"),
  NC_("form field kind", "Date"),
  NC_("form field kind", "Choice"),
  NC_("form field kind", "Checkbox"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (form_field_kind_labels) == RK_FORM_FIELD_CHECKBOX + 1);

GType
rk_form_field_kind_get_type (void)
{
  static gsize type_id = 0;

  return register_enum (&type_id, "RkFormFieldKind", form_field_kind_values);
}

const char *
rk_form_field_kind_to_label (RkFormFieldKind kind)
{
  g_return_val_if_fail ((int) kind >= RK_FORM_FIELD_TEXT && kind <= RK_FORM_FIELD_CHECKBOX, NULL);

  return g_dpgettext2 (NULL, "form field kind", form_field_kind_labels[kind]);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Numbering */

/* 五十音 order as municipal rules use it (horizontal writing uses ア イ ウ rather than the statutes' イ ロ ハ);
 * ヰ ヱ ヲ ン are never used as item letters. */
static const char *const katakana[] = {
  "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ",
  "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
  "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ",
};

static const char *const latin[] = {
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
  "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
};

/* Bijective base-n letters, as spreadsheet columns: 0 → ア, 43 → ワ, 44 → アア, so no two indexes share a label. */
static void
append_letters (GString           *out,
                guint              index,
                const char *const *letters,
                guint              n_letters)
{
  g_autoptr(GPtrArray) digits = g_ptr_array_new ();
  guint64 n = (guint64) index + 1;

  while (n > 0)
    {
      n--;
      g_ptr_array_add (digits, (gpointer) letters[n % n_letters]);
      n /= n_letters;
    }
  for (guint i = digits->len; i > 0; i--)
    g_string_append (out, g_ptr_array_index (digits, i - 1));
}

char *
rk_rule_number_label (guint depth,
                      guint index)
{
  GString *out = g_string_new (NULL);
  gboolean parens = depth == 2 || depth == 4 || depth >= 6;

  if (parens)
    g_string_append_c (out, '(');
  switch (MIN (depth, 6))
    {
    case 0:
      g_string_append_printf (out, "第%u", index + 1);
      break;
    case 1:
    case 2:
      g_string_append_printf (out, "%u", index + 1);
      break;
    case 3:
    case 4:
      append_letters (out, index, katakana, G_N_ELEMENTS (katakana));
      break;
    default:
      append_letters (out, index, latin, G_N_ELEMENTS (latin));
      break;
    }
  if (parens)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

char *
rk_rule_form_label (guint index)
{
  return g_strdup_printf ("様式%u", index + 1);
}

char *
rk_rule_number_path (const char *const *labels)
{
  g_return_val_if_fail (labels != NULL, NULL);

  /* A form is cited by its own label alone: 様式1, never 第3の様式1. */
  for (guint i = 0; labels[i] != NULL; i++)
    if (g_str_has_prefix (labels[i], "様式"))
      return g_strdup (labels[i]);
  return g_strjoinv ("の", (char **) labels);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Cross-references */

static gboolean
is_uid_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

gboolean
rk_rule_uid_is_valid (const char *uid)
{
  gsize n = 0;

  if (uid == NULL)
    return FALSE;
  for (const char *p = uid; *p != '\0'; p++, n++)
    if (!is_uid_char (*p) || n >= UID_MAX)
      return FALSE;
  return n > 0;
}

char *
rk_rule_uid_new (void)
{
  return g_uuid_string_random ();
}

char *
rk_rule_body_make_ref (const char *uid)
{
  g_return_val_if_fail (rk_rule_uid_is_valid (uid), NULL);

  return g_strconcat (REF_OPEN, uid, REF_CLOSE, NULL);
}

/* At @p: a well-formed token? Sets @uid_len and returns the length of the whole token, or 0. */
static gsize
match_ref (const char *p,
           gsize      *uid_len)
{
  const char *uid = p + strlen (REF_OPEN);
  gsize n = 0;

  if (strncmp (p, REF_OPEN, strlen (REF_OPEN)) != 0)
    return 0;
  while (is_uid_char (uid[n]) && n <= UID_MAX)
    n++;
  if (n == 0 || n > UID_MAX || strncmp (uid + n, REF_CLOSE, strlen (REF_CLOSE)) != 0)
    return 0;
  *uid_len = n;
  return strlen (REF_OPEN) + n + strlen (REF_CLOSE);
}

char **
rk_rule_body_list_refs (const char *body)
{
  g_autoptr(GPtrArray) uids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = body != NULL ? strstr (body, REF_OPEN) : NULL; p != NULL; p = strstr (p, REF_OPEN))
    {
      gsize uid_len = 0;
      gsize len = match_ref (p, &uid_len);

      if (len == 0)
        {
          p++;
          continue;
        }
      {
        char *uid = g_strndup (p + strlen (REF_OPEN), uid_len);

        if (g_hash_table_add (seen, uid))
          g_ptr_array_add (uids, g_strdup (uid));
      }
      p += len;
    }
  g_ptr_array_add (uids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&uids), FALSE);
}

const char *
rk_rule_missing_ref_text (void)
{
  /* TRANSLATORS: shown in rule text in place of a reference to a section that was removed; 「（参照先なし）」. */
  return _("(missing reference)");
}

char *
rk_rule_render_body (const char      *body,
                     RkRuleRefLookup  lookup,
                     gpointer         user_data)
{
  GString *out;
  const char *p, *start;

  if (body == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (body) + 16);
  start = body;
  for (p = strstr (body, REF_OPEN); p != NULL; p = strstr (p, REF_OPEN))
    {
      gsize uid_len = 0;
      gsize len = match_ref (p, &uid_len);
      g_autofree char *uid = NULL;
      g_autofree char *citation = NULL;

      if (len == 0)
        {
          p++;
          continue;
        }
      g_string_append_len (out, start, p - start);
      uid = g_strndup (p + strlen (REF_OPEN), uid_len);
      citation = lookup != NULL ? lookup (uid, user_data) : NULL;
      g_string_append (out, citation != NULL ? citation : rk_rule_missing_ref_text ());
      p += len;
      start = p;
    }
  g_string_append (out, start);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Validation */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
rk_rule_document_info_validate (const RkRuleDocumentInfo  *info,
                                GError                   **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->title) || !rk_store_text_is_valid (info->kind))
    return invalid (error, _("The rule’s title contains text that is not valid UTF-8. Retype it."));
  if (rk_store_text_is_blank (info->title))
    return invalid (error, _("Title: enter the rule’s title; it cannot be empty or only spaces."));
  return TRUE;
}

static gboolean
date_is_valid (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  return rk_era_parse_iso_date (text, &date)
         && g_date_get_year (&date) >= FIRST_YEAR && g_date_get_year (&date) <= LAST_YEAR;
}

gboolean
rk_rule_version_info_validate (const RkRuleVersionInfo  *info,
                               GError                  **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->label) || !rk_store_text_is_valid (info->version_date))
    return invalid (error, _("The version’s label contains text that is not valid UTF-8. Retype it."));
  if (info->label != NULL && *info->label != '\0' && rk_store_text_is_blank (info->label))
    return invalid (error, _("Label: the version’s label is only spaces. Enter a label such as “Edition 2”, or "
                             "leave it empty."));
  if (info->version_date != NULL && *info->version_date != '\0' && !date_is_valid (info->version_date))
    {
      /* TRANSLATORS: %s is what the user entered. */
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   _("Date: “%s” is not a date that exists. Enter it as year-month-day, e.g. 2025-10-01."),
                   info->version_date);
      return FALSE;
    }
  if ((int) info->status < RK_RULE_VERSION_DRAFT || info->status > RK_RULE_VERSION_REVIEW)
    return invalid (error, _("Status: choose one of the listed statuses."));
  return TRUE;
}

gboolean
rk_rule_version_info_validate_for_freeze (const RkRuleVersionInfo  *info,
                                          GError                  **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_rule_version_info_validate (info, error))
    return FALSE;
  if (rk_store_text_is_blank (info->label))
    return invalid (error, _("Label: a frozen version needs a label, such as “Edition 2, first draft”."));
  if (info->version_date == NULL || *info->version_date == '\0')
    return invalid (error, _("Date: a frozen version needs the date it was fixed."));
  return TRUE;
}

gboolean
rk_rule_section_info_validate (const RkRuleSectionInfo  *info,
                               GError                  **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->heading) || !rk_store_text_is_valid (info->body))
    return invalid (error, _("The section contains text that is not valid UTF-8. Retype it."));
  if (info->heading != NULL && *info->heading != '\0' && rk_store_text_is_blank (info->heading))
    return invalid (error, _("Heading: the heading is only spaces. Type a heading, or leave it empty for a numbered "
                             "paragraph."));
  if (info->body != NULL && strlen (info->body) > RK_RULE_BODY_MAX)
    return invalid (error, _("Text: the section’s text is longer than 8 MB. Split it into several sections."));
  if ((int) info->kind < RK_RULE_SECTION_TEXT || info->kind > RK_RULE_SECTION_FORM)
    return invalid (error, _("Kind: choose a section or a form."));
  return TRUE;
}

static guint
count_choices (const char *choices)
{
  g_auto(GStrv) lines = g_strsplit (choices != NULL ? choices : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (!rk_store_text_is_blank (lines[i]))
      n++;
  return n;
}

gboolean
rk_form_field_info_validate (const RkFormFieldInfo  *info,
                             GError                **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (!rk_store_text_is_valid (info->label) || !rk_store_text_is_valid (info->choices))
    return invalid (error, _("The form field contains text that is not valid UTF-8. Retype it."));
  if (rk_store_text_is_blank (info->label))
    return invalid (error, _("Field label: enter what the field asks for; it cannot be empty or only spaces."));
  if ((int) info->kind < RK_FORM_FIELD_TEXT || info->kind > RK_FORM_FIELD_CHECKBOX)
    return invalid (error, _("Field kind: choose text, date, choice or checkbox."));
  if (info->kind == RK_FORM_FIELD_CHOICE && count_choices (info->choices) < 2)
    return invalid (error, _("Choices: a choice field needs at least two choices, one per line."));
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Form fields (plain data) */

RkFormField *
rk_form_field_copy (const RkFormField *field)
{
  RkFormField *copy;

  g_return_val_if_fail (field != NULL, NULL);

  copy = g_new0 (RkFormField, 1);
  copy->id = field->id;
  copy->position = field->position;
  copy->label = g_strdup (field->label);
  copy->kind = field->kind;
  copy->choices = g_strdup (field->choices);
  return copy;
}

void
rk_form_field_free (RkFormField *field)
{
  if (field == NULL)
    return;
  g_free (field->label);
  g_free (field->choices);
  g_free (field);
}

char **
rk_form_field_dup_choices (const RkFormField *field)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();

  g_return_val_if_fail (field != NULL, NULL);

  lines = g_strsplit (field->choices != NULL ? field->choices : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!rk_store_text_is_blank (lines[i]))
      g_ptr_array_add (choices, g_strdup (lines[i]));
  g_ptr_array_add (choices, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&choices), FALSE);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Shared by the three classes */

/* Read-only to everyone but the store: an edit must be written to the file before it shows. */
#define READ_FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)
#define CONSTRUCT_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)


static GParamSpec *
construct_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "", CONSTRUCT_FLAGS);
}

static GParamSpec *
construct_id_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, CONSTRUCT_FLAGS);
}



static void
take_construct_string (char         **field,
                       const GValue  *value)
{
  g_free (*field);
  *field = g_value_dup_string (value);
  if (*field == NULL)
    *field = g_strdup ("");
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkRuleDocument */

struct _RkRuleDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *kind;
  int      position;
  char    *created_at;
};

G_DEFINE_FINAL_TYPE (RkRuleDocument, rk_rule_document, G_TYPE_OBJECT)

enum {
  DOCUMENT_PROP_0,
  DOCUMENT_PROP_ID,
  DOCUMENT_PROP_TITLE,
  DOCUMENT_PROP_KIND,
  DOCUMENT_PROP_POSITION,
  DOCUMENT_PROP_CREATED_AT,
  DOCUMENT_N_PROPS
};

static GParamSpec *document_properties[DOCUMENT_N_PROPS];

static void
rk_rule_document_finalize (GObject *object)
{
  RkRuleDocument *self = RK_RULE_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (rk_rule_document_parent_class)->finalize (object);
}

static void
rk_rule_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkRuleDocument *self = RK_RULE_DOCUMENT (object);

  switch (prop_id)
    {
    case DOCUMENT_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case DOCUMENT_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case DOCUMENT_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case DOCUMENT_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case DOCUMENT_PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RkRuleDocument *self = RK_RULE_DOCUMENT (object);

  switch (prop_id)
    {
    case DOCUMENT_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case DOCUMENT_PROP_CREATED_AT:
      take_construct_string (&self->created_at, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_document_class_init (RkRuleDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_rule_document_finalize;
  object_class->get_property = rk_rule_document_get_property;
  object_class->set_property = rk_rule_document_set_property;

  document_properties[DOCUMENT_PROP_ID] = construct_id_property ("id");
  document_properties[DOCUMENT_PROP_TITLE] = rk_model_string_property ("title");
  document_properties[DOCUMENT_PROP_KIND] = rk_model_string_property ("kind");
  document_properties[DOCUMENT_PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, READ_FLAGS);
  document_properties[DOCUMENT_PROP_CREATED_AT] = construct_string_property ("created-at");

  g_object_class_install_properties (object_class, DOCUMENT_N_PROPS, document_properties);
}

static void
rk_rule_document_init (RkRuleDocument *self)
{
  self->title = g_strdup ("");
  self->kind = g_strdup ("");
  self->created_at = g_strdup ("");
}

RkRuleDocument *
rk_rule_document_new_for_store (gint64                    id,
                                int                       position,
                                const char               *created_at,
                                const RkRuleDocumentInfo *info)
{
  RkRuleDocument *self = g_object_new (RK_TYPE_RULE_DOCUMENT, "id", id, "created-at", created_at, NULL);

  self->position = position;
  rk_rule_document_set_info (self, info);
  return self;
}

void
rk_rule_document_set_info (RkRuleDocument           *self,
                           const RkRuleDocumentInfo *info)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_RULE_DOCUMENT (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  rk_model_set_string (object, &self->title, info->title, document_properties[DOCUMENT_PROP_TITLE]);
  rk_model_set_string (object, &self->kind, info->kind, document_properties[DOCUMENT_PROP_KIND]);
  g_object_thaw_notify (object);
}

gint64
rk_rule_document_get_id (RkRuleDocument *self)
{
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (self), 0);
  return self->id;
}

const char *
rk_rule_document_get_title (RkRuleDocument *self)
{
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (self), NULL);
  return self->title;
}

const char *
rk_rule_document_get_kind (RkRuleDocument *self)
{
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (self), NULL);
  return self->kind;
}

int
rk_rule_document_get_position (RkRuleDocument *self)
{
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (self), 0);
  return self->position;
}

const char *
rk_rule_document_get_created_at (RkRuleDocument *self)
{
  g_return_val_if_fail (RK_IS_RULE_DOCUMENT (self), NULL);
  return self->created_at;
}

void
rk_rule_document_get_info (RkRuleDocument     *self,
                           RkRuleDocumentInfo *info)
{
  g_return_if_fail (RK_IS_RULE_DOCUMENT (self));
  g_return_if_fail (info != NULL);

  info->title = self->title;
  info->kind = self->kind;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkRuleVersion */

struct _RkRuleVersion
{
  GObject              parent_instance;

  gint64               id;
  gint64               document_id;
  char                *label;
  char                *version_date;
  RkRuleVersionStatus  status;
  gboolean             frozen;
  gint64               based_on_id;
  char                *created_at;
};

G_DEFINE_FINAL_TYPE (RkRuleVersion, rk_rule_version, G_TYPE_OBJECT)

enum {
  VERSION_PROP_0,
  VERSION_PROP_ID,
  VERSION_PROP_DOCUMENT_ID,
  VERSION_PROP_LABEL,
  VERSION_PROP_VERSION_DATE,
  VERSION_PROP_STATUS,
  VERSION_PROP_FROZEN,
  VERSION_PROP_BASED_ON_ID,
  VERSION_PROP_CREATED_AT,
  VERSION_N_PROPS
};

static GParamSpec *version_properties[VERSION_N_PROPS];

static void
rk_rule_version_finalize (GObject *object)
{
  RkRuleVersion *self = RK_RULE_VERSION (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->version_date, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (rk_rule_version_parent_class)->finalize (object);
}

static void
rk_rule_version_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkRuleVersion *self = RK_RULE_VERSION (object);

  switch (prop_id)
    {
    case VERSION_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case VERSION_PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case VERSION_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case VERSION_PROP_VERSION_DATE:
      g_value_set_string (value, self->version_date);
      break;
    case VERSION_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case VERSION_PROP_FROZEN:
      g_value_set_boolean (value, self->frozen);
      break;
    case VERSION_PROP_BASED_ON_ID:
      g_value_set_int64 (value, self->based_on_id);
      break;
    case VERSION_PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_version_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RkRuleVersion *self = RK_RULE_VERSION (object);

  switch (prop_id)
    {
    case VERSION_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case VERSION_PROP_DOCUMENT_ID:
      self->document_id = g_value_get_int64 (value);
      break;
    case VERSION_PROP_BASED_ON_ID:
      self->based_on_id = g_value_get_int64 (value);
      break;
    case VERSION_PROP_CREATED_AT:
      take_construct_string (&self->created_at, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_version_class_init (RkRuleVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_rule_version_finalize;
  object_class->get_property = rk_rule_version_get_property;
  object_class->set_property = rk_rule_version_set_property;

  version_properties[VERSION_PROP_ID] = construct_id_property ("id");
  version_properties[VERSION_PROP_DOCUMENT_ID] = construct_id_property ("document-id");
  version_properties[VERSION_PROP_LABEL] = rk_model_string_property ("label");
  version_properties[VERSION_PROP_VERSION_DATE] = rk_model_string_property ("version-date");
  version_properties[VERSION_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, RK_TYPE_RULE_VERSION_STATUS, RK_RULE_VERSION_DRAFT, READ_FLAGS);
  version_properties[VERSION_PROP_FROZEN] = g_param_spec_boolean ("frozen", NULL, NULL, FALSE, READ_FLAGS);
  version_properties[VERSION_PROP_BASED_ON_ID] = construct_id_property ("based-on-id");
  version_properties[VERSION_PROP_CREATED_AT] = construct_string_property ("created-at");

  g_object_class_install_properties (object_class, VERSION_N_PROPS, version_properties);
}

static void
rk_rule_version_init (RkRuleVersion *self)
{
  self->label = g_strdup ("");
  self->version_date = g_strdup ("");
  self->created_at = g_strdup ("");
  self->status = RK_RULE_VERSION_DRAFT;
}

RkRuleVersion *
rk_rule_version_new_for_store (gint64                   id,
                               gint64                   document_id,
                               gint64                   based_on_id,
                               gboolean                 frozen,
                               const char              *created_at,
                               const RkRuleVersionInfo *info)
{
  RkRuleVersion *self = g_object_new (RK_TYPE_RULE_VERSION, "id", id, "document-id", document_id,
                                      "based-on-id", MAX (based_on_id, 0), "created-at", created_at, NULL);

  self->frozen = frozen;
  rk_rule_version_set_info (self, info);
  return self;
}

void
rk_rule_version_set_info (RkRuleVersion           *self,
                          const RkRuleVersionInfo *info)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_RULE_VERSION (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  rk_model_set_string (object, &self->label, info->label, version_properties[VERSION_PROP_LABEL]);
  rk_model_set_string (object, &self->version_date, info->version_date, version_properties[VERSION_PROP_VERSION_DATE]);
  if (self->status != info->status)
    {
      self->status = info->status;
      g_object_notify_by_pspec (object, version_properties[VERSION_PROP_STATUS]);
    }
  g_object_thaw_notify (object);
}

void
rk_rule_version_set_frozen (RkRuleVersion *self,
                            gboolean       frozen)
{
  g_return_if_fail (RK_IS_RULE_VERSION (self));

  if (self->frozen == !!frozen)
    return;
  self->frozen = !!frozen;
  g_object_notify_by_pspec (G_OBJECT (self), version_properties[VERSION_PROP_FROZEN]);
}

gint64
rk_rule_version_get_id (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), 0);
  return self->id;
}

gint64
rk_rule_version_get_document_id (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), 0);
  return self->document_id;
}

const char *
rk_rule_version_get_label (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), NULL);
  return self->label;
}

const char *
rk_rule_version_get_version_date (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), NULL);
  return self->version_date;
}

RkRuleVersionStatus
rk_rule_version_get_status (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), RK_RULE_VERSION_DRAFT);
  return self->status;
}

gboolean
rk_rule_version_get_frozen (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), FALSE);
  return self->frozen;
}

gint64
rk_rule_version_get_based_on_id (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), 0);
  return self->based_on_id;
}

const char *
rk_rule_version_get_created_at (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), NULL);
  return self->created_at;
}

void
rk_rule_version_get_info (RkRuleVersion     *self,
                          RkRuleVersionInfo *info)
{
  g_return_if_fail (RK_IS_RULE_VERSION (self));
  g_return_if_fail (info != NULL);

  info->label = self->label;
  info->version_date = self->version_date;
  info->status = self->status;
}

const char *
rk_rule_version_get_display_label (RkRuleVersion *self)
{
  g_return_val_if_fail (RK_IS_RULE_VERSION (self), NULL);

  if (!rk_store_text_is_blank (self->label))
    return self->label;
  /* TRANSLATORS: a rule version that has no label yet; 案 / 作業中の版. */
  return C_("rule version", "Draft");
}

/* ------------------------------------------------------------------------------------------------------------ */
/* RkRuleSection */

struct _RkRuleSection
{
  GObject            parent_instance;

  gint64             id;
  gint64             version_id;
  char              *uid;
  char              *parent_uid;
  int                position;
  RkRuleSectionKind  kind;
  char              *heading;
  char              *body;
  guint              depth;
  char              *number;
  char              *citation;
};

G_DEFINE_FINAL_TYPE (RkRuleSection, rk_rule_section, G_TYPE_OBJECT)

enum {
  SECTION_PROP_0,
  SECTION_PROP_ID,
  SECTION_PROP_VERSION_ID,
  SECTION_PROP_UID,
  SECTION_PROP_PARENT_UID,
  SECTION_PROP_POSITION,
  SECTION_PROP_KIND,
  SECTION_PROP_HEADING,
  SECTION_PROP_BODY,
  SECTION_PROP_DEPTH,
  SECTION_PROP_NUMBER,
  SECTION_PROP_CITATION,
  SECTION_N_PROPS
};

static GParamSpec *section_properties[SECTION_N_PROPS];

static void
rk_rule_section_finalize (GObject *object)
{
  RkRuleSection *self = RK_RULE_SECTION (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->parent_uid, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->citation, g_free);

  G_OBJECT_CLASS (rk_rule_section_parent_class)->finalize (object);
}

static void
rk_rule_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkRuleSection *self = RK_RULE_SECTION (object);

  switch (prop_id)
    {
    case SECTION_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case SECTION_PROP_VERSION_ID:
      g_value_set_int64 (value, self->version_id);
      break;
    case SECTION_PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case SECTION_PROP_PARENT_UID:
      g_value_set_string (value, self->parent_uid);
      break;
    case SECTION_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case SECTION_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case SECTION_PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    case SECTION_PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case SECTION_PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case SECTION_PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case SECTION_PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RkRuleSection *self = RK_RULE_SECTION (object);

  switch (prop_id)
    {
    case SECTION_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case SECTION_PROP_VERSION_ID:
      self->version_id = g_value_get_int64 (value);
      break;
    case SECTION_PROP_UID:
      take_construct_string (&self->uid, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_section_class_init (RkRuleSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_rule_section_finalize;
  object_class->get_property = rk_rule_section_get_property;
  object_class->set_property = rk_rule_section_set_property;

  section_properties[SECTION_PROP_ID] = construct_id_property ("id");
  section_properties[SECTION_PROP_VERSION_ID] = construct_id_property ("version-id");
  section_properties[SECTION_PROP_UID] = construct_string_property ("uid");
  section_properties[SECTION_PROP_PARENT_UID] = rk_model_string_property ("parent-uid");
  section_properties[SECTION_PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, READ_FLAGS);
  section_properties[SECTION_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RK_TYPE_RULE_SECTION_KIND, RK_RULE_SECTION_TEXT, READ_FLAGS);
  section_properties[SECTION_PROP_HEADING] = rk_model_string_property ("heading");
  section_properties[SECTION_PROP_BODY] = rk_model_string_property ("body");
  section_properties[SECTION_PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, READ_FLAGS);
  section_properties[SECTION_PROP_NUMBER] = rk_model_string_property ("number");
  section_properties[SECTION_PROP_CITATION] = rk_model_string_property ("citation");

  g_object_class_install_properties (object_class, SECTION_N_PROPS, section_properties);
}

static void
rk_rule_section_init (RkRuleSection *self)
{
  self->uid = g_strdup ("");
  self->parent_uid = g_strdup ("");
  self->heading = g_strdup ("");
  self->body = g_strdup ("");
  self->number = g_strdup ("");
  self->citation = g_strdup ("");
  self->kind = RK_RULE_SECTION_TEXT;
}

RkRuleSection *
rk_rule_section_new_for_store (gint64                   id,
                               gint64                   version_id,
                               const char              *uid,
                               const RkRuleSectionInfo *info)
{
  RkRuleSection *self = g_object_new (RK_TYPE_RULE_SECTION, "id", id, "version-id", version_id, "uid", uid, NULL);

  rk_rule_section_set_info (self, info);
  return self;
}

void
rk_rule_section_set_info (RkRuleSection           *self,
                          const RkRuleSectionInfo *info)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_RULE_SECTION (self));
  g_return_if_fail (info != NULL);

  g_object_freeze_notify (object);
  if (self->kind != info->kind)
    {
      self->kind = info->kind;
      g_object_notify_by_pspec (object, section_properties[SECTION_PROP_KIND]);
    }
  rk_model_set_string (object, &self->heading, info->heading, section_properties[SECTION_PROP_HEADING]);
  rk_model_set_string (object, &self->body, info->body, section_properties[SECTION_PROP_BODY]);
  g_object_thaw_notify (object);
}

void
rk_rule_section_set_place (RkRuleSection *self,
                           const char    *parent_uid,
                           int            position,
                           guint          depth,
                           const char    *number,
                           const char    *citation)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (RK_IS_RULE_SECTION (self));

  g_object_freeze_notify (object);
  rk_model_set_string (object, &self->parent_uid, parent_uid, section_properties[SECTION_PROP_PARENT_UID]);
  rk_model_set_int (object, &self->position, position, section_properties[SECTION_PROP_POSITION]);
  if (self->depth != depth)
    {
      self->depth = depth;
      g_object_notify_by_pspec (object, section_properties[SECTION_PROP_DEPTH]);
    }
  rk_model_set_string (object, &self->number, number, section_properties[SECTION_PROP_NUMBER]);
  rk_model_set_string (object, &self->citation, citation, section_properties[SECTION_PROP_CITATION]);
  g_object_thaw_notify (object);
}

gint64
rk_rule_section_get_id (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), 0);
  return self->id;
}

gint64
rk_rule_section_get_version_id (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), 0);
  return self->version_id;
}

const char *
rk_rule_section_get_uid (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);
  return self->uid;
}

const char *
rk_rule_section_get_parent_uid (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);
  return self->parent_uid;
}

int
rk_rule_section_get_position (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), 0);
  return self->position;
}

RkRuleSectionKind
rk_rule_section_get_kind (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), RK_RULE_SECTION_TEXT);
  return self->kind;
}

const char *
rk_rule_section_get_heading (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);
  return self->heading;
}

const char *
rk_rule_section_get_body (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);
  return self->body;
}

guint
rk_rule_section_get_depth (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), 0);
  return self->depth;
}

const char *
rk_rule_section_get_number (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);
  return self->number;
}

const char *
rk_rule_section_get_citation (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);
  return self->citation;
}

void
rk_rule_section_get_info (RkRuleSection     *self,
                          RkRuleSectionInfo *info)
{
  g_return_if_fail (RK_IS_RULE_SECTION (self));
  g_return_if_fail (info != NULL);

  info->kind = self->kind;
  info->heading = self->heading;
  info->body = self->body;
}

char *
rk_rule_section_dup_title (RkRuleSection *self)
{
  g_return_val_if_fail (RK_IS_RULE_SECTION (self), NULL);

  if (*self->heading == '\0')
    return g_strdup (self->number);
  /* As rules print it: the number, a space, the heading (第2 目的). */
  return g_strconcat (self->number, " ", self->heading, NULL);
}

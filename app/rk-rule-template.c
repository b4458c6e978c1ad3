/* rk-rule-template.c — templates of rule documents, read from the catalog bundle. */
#include "rk-rule-template.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "rk-catalog-resources.h"

#define RK_RULE_TEMPLATES_RESOURCE "/io/github/renkei/Renkei/catalog/rule-templates.xml"
#define RK_RULE_TEMPLATES_MAX_SIZE (4 * 1024 * 1024)

G_DEFINE_QUARK (rk-rule-template-error-quark, rk_rule_template_error)

/* ============================================================================================================ */
/* RkRuleTemplate */

struct _RkRuleTemplate
{
  GObject       parent_instance;

  char         *id;
  char         *title;
  char         *description;
  GStrv         kinds;

  /* Every string the specs point at lives in this chunk, so the specs are plain borrowed data. */
  GStringChunk *strings;
  GArray       *specs;        /* RkRuleSectionSpec */
  GArray       *depths;       /* guint, parallel to specs */
  GPtrArray    *field_arrays; /* GArray of RkFormFieldInfo, one per form; the specs point into them */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (RkRuleTemplate, rk_rule_template, G_TYPE_OBJECT)

static void
rk_rule_template_finalize (GObject *object)
{
  RkRuleTemplate *self = RK_RULE_TEMPLATE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_strfreev (self->kinds);
  g_clear_pointer (&self->specs, g_array_unref);
  g_clear_pointer (&self->depths, g_array_unref);
  g_clear_pointer (&self->field_arrays, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (rk_rule_template_parent_class)->finalize (object);
}

static void
rk_rule_template_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkRuleTemplate *self = RK_RULE_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_template_class_init (RkRuleTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_rule_template_finalize;
  object_class->get_property = rk_rule_template_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_rule_template_init (RkRuleTemplate *self)
{
  self->strings = g_string_chunk_new (4096);
  self->specs = g_array_new (FALSE, TRUE, sizeof (RkRuleSectionSpec));
  self->depths = g_array_new (FALSE, TRUE, sizeof (guint));
  self->field_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

const char *
rk_rule_template_get_id (RkRuleTemplate *self)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), NULL);
  return self->id;
}

const char *
rk_rule_template_get_title (RkRuleTemplate *self)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), NULL);
  return self->title;
}

const char *
rk_rule_template_get_description (RkRuleTemplate *self)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), NULL);
  return self->description;
}

const char * const *
rk_rule_template_get_kinds (RkRuleTemplate *self)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), NULL);
  return (const char * const *) self->kinds;
}

gboolean
rk_rule_template_has_kind (RkRuleTemplate *self,
                           const char     *kind_id)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), FALSE);
  g_return_val_if_fail (kind_id != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->kinds, kind_id);
}

const RkRuleSectionSpec *
rk_rule_template_get_sections (RkRuleTemplate *self,
                               guint          *n_sections)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), NULL);
  g_return_val_if_fail (n_sections != NULL, NULL);

  *n_sections = self->specs->len;
  return (const RkRuleSectionSpec *) (gpointer) self->specs->data;
}

guint
rk_rule_template_get_depth (RkRuleTemplate *self,
                            guint           index)
{
  g_return_val_if_fail (RK_IS_RULE_TEMPLATE (self), 0);
  g_return_val_if_fail (index < self->depths->len, 0);
  return g_array_index (self->depths, guint, index);
}

/* ============================================================================================================ */
/* Parsing */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* An attribute's value, newly allocated, or NULL when absent. */
static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* An element's text with surrounding white space removed, newly allocated. */
static char *
dup_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return g_strstrip (copy);
}

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }
  return TRUE;
}

/* The uid syntax of rk-rule.h (rk_rule_uid_is_valid()), checked here so the loader stands on its own. */
static gboolean
uid_is_valid (const char *uid)
{
  gsize length = strlen (uid);

  if (length == 0 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (uid[i]) && uid[i] != '-' && uid[i] != '_')
      return FALSE;
  return TRUE;
}

typedef struct {
  RkRuleTemplate *template;
  GHashTable     *uids; /* uid → the spec index (unused value), to refuse duplicates and dangling references */
} Parser;

static gboolean parse_children (Parser   *parser,
                                xmlNode  *node,
                                int       parent,
                                guint     depth,
                                GError  **error);

static gboolean
parse_field (Parser   *parser,
             xmlNode  *node,
             GArray   *fields,
             GError  **error)
{
  static const char * const kinds[] = { "text", "date", "choice", "checkbox" };
  g_autofree char *label = dup_attribute (node, "label");
  g_autofree char *kind = dup_attribute (node, "kind");
  g_autoptr(GString) choices = g_string_new (NULL);
  RkFormFieldInfo info = { 0 };
  guint n_choices = 0;
  int kind_value = -1;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kind != NULL && g_str_equal (kind, kinds[i]))
      kind_value = (int) i;

  if (text_is_blank (label))
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s: a field has no label", parser->template->id);
      return FALSE;
    }
  if (kind_value < 0)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s: field %s has an unknown kind \"%s\"", parser->template->id, label,
                   kind != NULL ? kind : "");
      return FALSE;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *choice = NULL;

      if (!is_element (child, "choice"))
        continue;
      choice = dup_text (child);
      if (text_is_blank (choice) || strchr (choice, '\n') != NULL)
        {
          g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                       "template %s: field %s has an empty or multi-line choice", parser->template->id, label);
          return FALSE;
        }
      if (choices->len > 0)
        g_string_append_c (choices, '\n');
      g_string_append (choices, choice);
      n_choices++;
    }

  if (kind_value == RK_FORM_FIELD_CHOICE && n_choices < 2)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s: choice field %s needs at least two choices", parser->template->id, label);
      return FALSE;
    }
  if ((kind_value == RK_FORM_FIELD_TEXT || kind_value == RK_FORM_FIELD_DATE) && n_choices > 0)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s: field %s is %s and cannot have choices", parser->template->id, label, kind);
      return FALSE;
    }

  info.label = g_string_chunk_insert (parser->template->strings, g_strstrip (label));
  info.kind = (RkFormFieldKind) kind_value;
  info.choices = g_string_chunk_insert (parser->template->strings, choices->str);
  g_array_append_val (fields, info);
  return TRUE;
}

/* A <section> or <form>: appends its spec, then its fields (forms) and subsections. */
static gboolean
parse_section (Parser   *parser,
               xmlNode  *node,
               int       parent,
               guint     depth,
               GError  **error)
{
  RkRuleTemplate *template = parser->template;
  gboolean is_form = is_element (node, "form");
  g_autofree char *uid = dup_attribute (node, "uid");
  g_autofree char *heading = dup_attribute (node, "heading");
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GArray) fields = NULL;
  RkRuleSectionSpec spec = { 0 };
  int index = (int) template->specs->len;

  if (uid != NULL)
    {
      if (!uid_is_valid (uid))
        {
          g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                       "template %s: \"%s\" is not a valid uid", template->id, uid);
          return FALSE;
        }
      if (g_hash_table_contains (parser->uids, uid))
        {
          g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                       "template %s: the uid %s is used twice", template->id, uid);
          return FALSE;
        }
      g_hash_table_add (parser->uids, g_strdup (uid));
    }

  if (heading != NULL && text_is_blank (heading))
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s: section %d has a blank heading", template->id, index + 1);
      return FALSE;
    }
  if (is_form && heading == NULL)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s: form %d has no heading", template->id, index + 1);
      return FALSE;
    }

  /* One paragraph per <p>, separated by newlines: how the editor and the Akoma Ntoso export split a body. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *paragraph = NULL;

      if (!is_element (child, "p"))
        continue;
      paragraph = dup_text (child);
      if (paragraph[0] == '\0')
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, paragraph);
    }

  if (is_form)
    {
      fields = g_array_new (FALSE, TRUE, sizeof (RkFormFieldInfo));
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is_element (child, "field") && !parse_field (parser, child, fields, error))
          return FALSE;
    }

  spec.uid = uid != NULL ? g_string_chunk_insert (template->strings, uid) : NULL;
  spec.parent = parent;
  spec.kind = is_form ? RK_RULE_SECTION_FORM : RK_RULE_SECTION_TEXT;
  spec.heading = g_string_chunk_insert (template->strings, heading != NULL ? g_strstrip (heading) : "");
  spec.body = g_string_chunk_insert (template->strings, body->str);
  if (fields != NULL && fields->len > 0)
    {
      spec.fields = (const RkFormFieldInfo *) (gpointer) fields->data;
      spec.n_fields = fields->len;
      /* The array is complete: its data no longer moves, so the spec may point into it. */
      g_ptr_array_add (template->field_arrays, g_steal_pointer (&fields));
    }
  g_array_append_val (template->specs, spec);
  g_array_append_val (template->depths, depth);

  return parse_children (parser, node, index, depth + 1, error);
}

static gboolean
parse_children (Parser   *parser,
                xmlNode  *node,
                int       parent,
                guint     depth,
                GError  **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if ((is_element (child, "section") || is_element (child, "form"))
        && !parse_section (parser, child, parent, depth, error))
      return FALSE;
  return TRUE;
}

/* Every {{ref:UID}} in the template's bodies names a uid of the template. Text that only looks like a token (not a
 * valid uid) is plain text, as rk_rule_body_list_refs() treats it. */
static gboolean
check_references (Parser  *parser,
                  GError **error)
{
  RkRuleTemplate *template = parser->template;

  for (guint i = 0; i < template->specs->len; i++)
    {
      const char *body = g_array_index (template->specs, RkRuleSectionSpec, i).body;
      const char *p = body;

      while ((p = strstr (p, "{{ref:")) != NULL)
        {
          const char *start = p + strlen ("{{ref:");
          const char *end = strstr (start, "}}");
          g_autofree char *uid = NULL;

          p = start;
          if (end == NULL)
            break;
          uid = g_strndup (start, end - start);
          if (!uid_is_valid (uid))
            continue;
          if (!g_hash_table_contains (parser->uids, uid))
            {
              g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                           "template %s: section %u refers to %s, which the template does not have",
                           template->id, i + 1, uid);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static RkRuleTemplate *
parse_template (xmlNode  *node,
                GError  **error)
{
  g_autoptr(RkRuleTemplate) template = g_object_new (RK_TYPE_RULE_TEMPLATE, NULL);
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *kinds = dup_attribute (node, "kinds");
  Parser parser = { template, uids };

  template->id = dup_attribute (node, "id");
  template->title = dup_attribute (node, "title");
  if (template->id == NULL || text_is_blank (template->id) || text_is_blank (template->title))
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "a template needs an id and a title");
      return NULL;
    }
  template->kinds = g_strsplit_set (kinds != NULL ? g_strstrip (kinds) : "", " \t\n", -1);
  /* g_strsplit_set() leaves empty strings between repeated separators: drop them. */
  {
    guint out = 0;

    for (guint i = 0; template->kinds[i] != NULL; i++)
      {
        if (template->kinds[i][0] == '\0')
          g_free (template->kinds[i]);
        else
          template->kinds[out++] = template->kinds[i];
      }
    template->kinds[out] = NULL;
  }
  if (template->kinds[0] == NULL)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s names no rule kind", template->id);
      return NULL;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "description"))
      template->description = dup_text (child);
  if (template->description == NULL)
    template->description = g_strdup ("");

  if (!parse_children (&parser, node, -1, 0, error))
    return NULL;
  if (template->specs->len == 0)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "template %s has no sections", template->id);
      return NULL;
    }
  if (!check_references (&parser, error))
    return NULL;

  return g_steal_pointer (&template);
}

GListModel *
rk_rule_templates_load (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GListStore) templates = g_list_store_new (RK_TYPE_RULE_TEMPLATE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *data;
  gsize size;
  xmlDoc *doc;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > RK_RULE_TEMPLATES_MAX_SIZE)
    {
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "a rule-templates file must hold 1 byte to %d bytes", RK_RULE_TEMPLATES_MAX_SIZE);
      return NULL;
    }

  /* NONET only: no entity substitution, no DTD loading, no recovery (DESIGN.md, Exchange). */
  doc = xmlReadMemory (data, (int) size, "rule-templates.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();

      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID, "the templates do not parse: %s",
                   xml_error != NULL && xml_error->message != NULL ? g_strstrip (xml_error->message) : "?");
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "a rule-templates file must not have a DOCTYPE");
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "rule-templates"))
    {
      xmlFreeDoc (doc);
      g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                   "the root element must be <rule-templates>");
      return NULL;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      g_autoptr(RkRuleTemplate) template = NULL;

      if (!is_element (child, "template"))
        continue;
      template = parse_template (child, error);
      if (template == NULL)
        {
          xmlFreeDoc (doc);
          return NULL;
        }
      if (!g_hash_table_add (ids, template->id))
        {
          g_set_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID,
                       "the template id %s is used twice", template->id);
          xmlFreeDoc (doc);
          return NULL;
        }
      g_list_store_append (templates, template);
    }
  xmlFreeDoc (doc);

  return G_LIST_MODEL (g_steal_pointer (&templates));
}

/* ============================================================================================================ */
/* The bundled templates */

static gpointer
load_default (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *templates;

  /* The bundle compiled into this library, not the global registry, so nothing depends on link order. */
  bytes = g_resource_lookup_data (rk_catalog_get_resource (), RK_RULE_TEMPLATES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The rule templates are missing from the bundle: %s", error->message);

  templates = rk_rule_templates_load (bytes, &error);
  if (templates == NULL)
    g_error ("The bundled rule templates are broken: %s", error->message);
  return templates;
}

GListModel *
rk_rule_templates_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_default, NULL);
  return once.retval;
}

RkRuleTemplate *
rk_rule_templates_find (const char *id)
{
  GListModel *templates = rk_rule_templates_get_default ();
  guint n = g_list_model_get_n_items (templates);

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkRuleTemplate) template = g_list_model_get_item (templates, i);

      if (g_str_equal (template->id, id))
        return template; /* the default list keeps it alive */
    }
  return NULL;
}

GPtrArray *
rk_rule_templates_list_for_kind (const char *kind_id)
{
  GListModel *templates = rk_rule_templates_get_default ();
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (templates);

  g_return_val_if_fail (kind_id != NULL, result);

  for (guint i = 0; i < n; i++)
    {
      RkRuleTemplate *template = g_list_model_get_item (templates, i);

      if (rk_rule_template_has_kind (template, kind_id))
        g_ptr_array_add (result, template);
      else
        g_object_unref (template);
    }
  return result;
}

/* rk-akn.c — export of a rule version as Akoma Ntoso 3.0 (see rk-akn.h for the mapping). */
#include "rk-akn.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rk-era.h"

G_DEFINE_QUARK (rk-akn-error-quark, rk_akn_error)

/* The status as the document states it. The export is a Japanese legal document whatever the UI language, so these
 * are document content (like the section numbers), not translated. Indexed by RkRuleVersionStatus. */
static const char * const status_labels[] = {
  "起案", "協議中", "意見照会中", "確定", "運用中", "見直し中",
};

/* What mainBody holds for a rule with no sections: the schema requires at least one element there, and a reader
 * should see that the rule is empty rather than an invented section. Document content, like the labels above. */
#define RK_AKN_EMPTY_BODY "（本文なし）"

/* ------------------------------------------------------------------------------------------------------------ */
/* Text */

/* @text as XML can carry it: valid UTF-8, without the C0 controls (other than tab and newline) and the
 * noncharacters U+FFFE/U+FFFF that XML 1.0 forbids. Newly allocated. */
static char *
xml_safe_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
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

static gboolean
matches_charset (const char *text,
                 gsize       min_length,
                 gsize       max_length,
                 gboolean  (*allowed) (char c))
{
  gsize length = strlen (text);

  if (length < min_length || length > max_length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!allowed (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static gboolean
is_lower_letter (char c)
{
  return c >= 'a' && c <= 'z';
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Nodes */

typedef struct {
  xmlDoc  *doc;
  xmlNs   *ns;
} Builder;

static xmlNode *
add_element (Builder    *builder,
             xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, builder->ns, (const xmlChar *) name, NULL);
}

/* An element holding @text, escaped (& < > become entities), after removing what XML cannot carry. */
static xmlNode *
add_text_element (Builder    *builder,
                  xmlNode    *parent,
                  const char *name,
                  const char *text)
{
  g_autofree char *safe = xml_safe_text (text);

  return xmlNewTextChild (parent, builder->ns, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  g_autofree char *safe = xml_safe_text (value);

  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) safe);
}

/* <name value="…"/>, the FRBR properties' form. */
static xmlNode *
add_value_element (Builder    *builder,
                   xmlNode    *parent,
                   const char *name,
                   const char *value)
{
  xmlNode *node = add_element (builder, parent, name);

  set_attribute (node, "value", value);
  return node;
}

/* One <p> per line of @body that is not blank: how the editor writes paragraphs. Returns how many. */
static guint
add_paragraphs (Builder    *builder,
                xmlNode    *parent,
                const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]); /* also drops the \r of a CRLF */

      if (text_is_blank (line))
        continue;
      add_text_element (builder, parent, "p", line);
      n++;
    }
  return n;
}

static gboolean
body_has_text (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!text_is_blank (lines[i]))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* meta */

typedef struct {
  const char *work_uri;
  const char *expression_uri;
  const char *work_date;
  const char *expression_date;
  const char *expression_date_name;
  const char *generated;
  const char *language;
} Identity;

static void
add_frbr_core (Builder    *builder,
               xmlNode    *parent,
               const char *this_uri,
               const char *uri,
               const char *date,
               const char *date_name,
               const char *author)
{
  xmlNode *node;

  add_value_element (builder, parent, "FRBRthis", this_uri);
  add_value_element (builder, parent, "FRBRuri", uri);
  node = add_element (builder, parent, "FRBRdate");
  set_attribute (node, "date", date);
  set_attribute (node, "name", date_name);
  node = add_element (builder, parent, "FRBRauthor");
  set_attribute (node, "href", author);
}

static void
add_meta (Builder             *builder,
          xmlNode             *doc_node,
          const RkAknDocument *document,
          const Identity      *identity)
{
  xmlNode *meta = add_element (builder, doc_node, "meta");
  xmlNode *identification = add_element (builder, meta, "identification");
  xmlNode *work, *expression, *manifestation, *references, *organisation;
  g_autofree char *work_this = g_strconcat (identity->work_uri, "/!main", NULL);
  g_autofree char *expression_this = g_strconcat (identity->expression_uri, "/!main", NULL);
  g_autofree char *manifestation_this = g_strconcat (identity->expression_uri, "/!main.akn.xml", NULL);
  g_autofree char *manifestation_uri = g_strconcat (identity->expression_uri, ".akn", NULL);

  set_attribute (identification, "source", "#renkei");

  work = add_element (builder, identification, "FRBRWork");
  add_frbr_core (builder, work, work_this, identity->work_uri, identity->work_date, "creation", "#council");
  add_value_element (builder, work, "FRBRcountry", "jp");
  add_value_element (builder, work, "FRBRsubtype", "rule");
  add_value_element (builder, work, "FRBRnumber", document->document_id != NULL ? document->document_id : "rule");
  add_value_element (builder, work, "FRBRname",
                     !text_is_blank (document->short_title) ? document->short_title : document->title);

  expression = add_element (builder, identification, "FRBRExpression");
  add_frbr_core (builder, expression, expression_this, identity->expression_uri, identity->expression_date,
                 identity->expression_date_name, "#council");
  if (!text_is_blank (document->version_label))
    add_value_element (builder, expression, "FRBRversionNumber", document->version_label);
  organisation = add_element (builder, expression, "FRBRlanguage");
  set_attribute (organisation, "language", identity->language);

  manifestation = add_element (builder, identification, "FRBRManifestation");
  add_frbr_core (builder, manifestation, manifestation_this, manifestation_uri, identity->generated, "generation",
                 "#renkei");
  add_value_element (builder, manifestation, "FRBRformat", "application/akn+xml");

  references = add_element (builder, meta, "references");
  set_attribute (references, "source", "#renkei");
  organisation = add_element (builder, references, "TLCOrganization");
  set_attribute (organisation, "eId", "renkei");
  set_attribute (organisation, "href", "/akn/ontology/organizations/jp/renkei");
  set_attribute (organisation, "showAs", "Renkei");
  organisation = add_element (builder, references, "TLCOrganization");
  set_attribute (organisation, "eId", "council");
  set_attribute (organisation, "href", "/akn/ontology/organizations/jp/council");
  set_attribute (organisation, "showAs", document->council);
  if (!text_is_blank (document->municipality))
    {
      xmlNode *location = add_element (builder, references, "TLCLocation");

      set_attribute (location, "eId", "municipality");
      set_attribute (location, "href", "/akn/ontology/locations/jp/municipality");
      set_attribute (location, "showAs", document->municipality);
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* preface */

static void
add_preface (Builder             *builder,
             xmlNode             *doc_node,
             const RkAknDocument *document)
{
  xmlNode *preface = add_element (builder, doc_node, "preface");
  xmlNode *p;

  p = add_element (builder, preface, "p");
  set_attribute (p, "class", "title");
  add_text_element (builder, p, "docTitle", document->title);

  if (!text_is_blank (document->short_title))
    {
      p = add_element (builder, preface, "p");
      set_attribute (p, "class", "shortTitle");
      add_text_element (builder, p, "shortTitle", document->short_title);
    }

  if (!text_is_blank (document->version_label))
    {
      p = add_element (builder, preface, "p");
      set_attribute (p, "class", "version");
      add_text_element (builder, p, "docNumber", document->version_label);
    }

  if (!text_is_blank (document->version_date))
    {
      GDate date;
      g_autofree char *shown = NULL;
      xmlNode *node;

      g_date_clear (&date, 1);
      rk_era_parse_iso_date (document->version_date, &date); /* checked before building */
      shown = rk_era_format_date (&date);
      p = add_element (builder, preface, "p");
      set_attribute (p, "class", "date");
      node = add_text_element (builder, p, "docDate", shown);
      set_attribute (node, "date", document->version_date);
    }

  p = add_element (builder, preface, "p");
  set_attribute (p, "class", "status");
  add_text_element (builder, p, "docStatus", status_labels[document->status]);

  p = add_element (builder, preface, "p");
  set_attribute (p, "class", "proponent");
  add_text_element (builder, p, "docProponent", document->council);
  if (!text_is_blank (document->municipality))
    {
      p = add_element (builder, preface, "p");
      set_attribute (p, "class", "municipality");
      add_text_element (builder, p, "docJurisdiction", document->municipality);
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* mainBody */

/* The element of a text section at each depth, and its eId abbreviation (Akoma Ntoso naming convention). <level>
 * nests within itself, so any depth validates. */
static void
element_for (const RkRuleExportSection  *section,
             guint                       depth,
             const char                **element,
             const char                **abbreviation)
{
  static const char * const elements[] = { "section", "paragraph", "subparagraph" };
  static const char * const abbreviations[] = { "sec", "para", "subpara" };

  if (section->kind == RK_RULE_SECTION_FORM)
    {
      *element = "hcontainer";
      *abbreviation = "form";
    }
  else if (depth < G_N_ELEMENTS (elements))
    {
      *element = elements[depth];
      *abbreviation = abbreviations[depth];
    }
  else
    {
      *element = "level";
      *abbreviation = "lvl";
    }
}

/* The blank a field leaves to fill in, as the printed form shows it. */
static char *
field_blank (const RkFormField *field)
{
  g_auto(GStrv) choices = g_strsplit (field->choices != NULL ? field->choices : "", "\n", -1);
  g_autoptr(GString) blank = g_string_new (NULL);

  switch (field->kind)
    {
    case RK_FORM_FIELD_DATE:
      return g_strdup ("年　月　日");
    case RK_FORM_FIELD_CHOICE:
    case RK_FORM_FIELD_CHECKBOX:
      for (guint i = 0; choices[i] != NULL; i++)
        {
          char *choice = g_strstrip (choices[i]);

          if (choice[0] == '\0')
            continue;
          if (blank->len > 0)
            g_string_append (blank, "　");
          g_string_append_printf (blank, "□%s", choice);
        }
      if (blank->len == 0)
        g_string_append (blank, "□");
      return g_string_free (g_steal_pointer (&blank), FALSE);
    case RK_FORM_FIELD_TEXT:
    default:
      return g_strdup ("");
    }
}

static void
add_form_table (Builder    *builder,
                xmlNode    *parent,
                const char *form_eid,
                GPtrArray  *fields)
{
  static const char * const kind_classes[] = { "field text", "field date", "field choice", "field checkbox" };
  g_autofree char *eid = g_strconcat (form_eid, "__table_1", NULL);
  xmlNode *table = add_element (builder, parent, "table");
  xmlNode *row, *cell;

  set_attribute (table, "eId", eid);
  row = add_element (builder, table, "tr");
  cell = add_element (builder, row, "th");
  add_text_element (builder, cell, "p", "項目");
  cell = add_element (builder, row, "th");
  add_text_element (builder, cell, "p", "記入欄");

  for (guint i = 0; i < fields->len; i++)
    {
      const RkFormField *field = g_ptr_array_index (fields, i);
      g_autofree char *blank = field_blank (field);
      guint kind = (guint) field->kind < G_N_ELEMENTS (kind_classes) ? (guint) field->kind : 0;

      row = add_element (builder, table, "tr");
      set_attribute (row, "class", kind_classes[kind]);
      cell = add_element (builder, row, "th");
      add_text_element (builder, cell, "p", field->label);
      cell = add_element (builder, row, "td");
      if (blank[0] != '\0')
        add_text_element (builder, cell, "p", blank);
    }
}

typedef struct {
  xmlNode *node;
  char    *eid;
  GHashTable *counts; /* abbreviation → ordinal of the last child of that element */
} Open;

static void
open_clear (Open *open)
{
  g_clear_pointer (&open->eid, g_free);
  g_clear_pointer (&open->counts, g_hash_table_unref);
}

static char *
next_eid (Open       *parent,
          const char *abbreviation)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (parent->counts, abbreviation)) + 1;

  g_hash_table_insert (parent->counts, (gpointer) abbreviation, GUINT_TO_POINTER (n));
  if (parent->eid == NULL)
    return g_strdup_printf ("%s_%u", abbreviation, n);
  return g_strdup_printf ("%s__%s_%u", parent->eid, abbreviation, n);
}

static void
add_main_body (Builder             *builder,
               xmlNode             *doc_node,
               const RkAknDocument *document)
{
  xmlNode *main_body = add_element (builder, doc_node, "mainBody");
  guint n = document->sections != NULL ? document->sections->len : 0;
  g_autofree guint *depths = g_new0 (guint, MAX (n, 1));
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Open));
  Open root = { main_body, NULL, g_hash_table_new (g_str_hash, g_str_equal) };

  g_array_set_clear_func (stack, (GDestroyNotify) open_clear);

  if (n == 0)
    {
      add_text_element (builder, main_body, "p", RK_AKN_EMPTY_BODY);
      open_clear (&root);
      return;
    }

  /* A depth can only go one deeper than the section before: the tree is given in document order. */
  for (guint i = 0; i < n; i++)
    {
      const RkRuleExportSection *section = g_ptr_array_index (document->sections, i);

      depths[i] = i == 0 ? 0 : MIN (section->depth, depths[i - 1] + 1);
    }

  for (guint i = 0; i < n; i++)
    {
      const RkRuleExportSection *section = g_ptr_array_index (document->sections, i);
      gboolean has_children = i + 1 < n && depths[i + 1] > depths[i];
      gboolean has_body = body_has_text (section->body);
      gboolean has_fields = section->kind == RK_RULE_SECTION_FORM && section->fields != NULL
                            && section->fields->len > 0;
      const char *element, *abbreviation;
      Open *parent;
      Open open = { 0 };

      /* Close the sections this one is not inside. */
      if (stack->len > depths[i])
        g_array_set_size (stack, depths[i]);
      parent = stack->len == 0 ? &root : &g_array_index (stack, Open, stack->len - 1);

      element_for (section, depths[i], &element, &abbreviation);
      open.eid = next_eid (parent, abbreviation);
      open.node = add_element (builder, parent->node, element);
      open.counts = g_hash_table_new (g_str_hash, g_str_equal);
      if (section->kind == RK_RULE_SECTION_FORM)
        set_attribute (open.node, "name", "form");
      set_attribute (open.node, "eId", open.eid);
      /* The uid is the same in every version of the rule: a stable identity for the section. */
      if (section->uid != NULL && section->uid[0] != '\0' && strpbrk (section->uid, " \t\r\n") == NULL)
        set_attribute (open.node, "GUID", section->uid);

      if (!text_is_blank (section->number))
        add_text_element (builder, open.node, "num", section->number);
      if (!text_is_blank (section->heading))
        add_text_element (builder, open.node, "heading", section->heading);

      /* The schema's hierarchy: either <content> (a leaf) or <intro> followed by the children. */
      if (has_body || has_fields)
        {
          xmlNode *block = add_element (builder, open.node, has_children ? "intro" : "content");

          add_paragraphs (builder, block, section->body);
          if (has_fields)
            add_form_table (builder, block, open.eid, section->fields);
        }

      g_array_append_val (stack, open);
    }

  open_clear (&root);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The document */

/* @message is the whole sentence, so each translation can word it naturally. */
static gboolean
check_date (const char  *date,
            const char  *message,
            GError     **error)
{
  GDate parsed;

  g_date_clear (&parsed, 1);
  if (date == NULL || !rk_era_parse_iso_date (date, &parsed))
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_document (const RkAknDocument  *document,
                GError              **error)
{
  if (text_is_blank (document->title))
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID, _("The rule has no title."));
      return FALSE;
    }
  if (text_is_blank (document->council))
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID, _("The council has no name."));
      return FALSE;
    }
  if ((guint) document->status >= G_N_ELEMENTS (status_labels))
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID, _("The version has an unknown status."));
      return FALSE;
    }
  if (document->document_id != NULL && !matches_charset (document->document_id, 1, 64, is_id_char))
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID,
                           _("The document number may hold only letters, digits, “-” and “_”."));
      return FALSE;
    }
  if (document->language != NULL && !matches_charset (document->language, 2, 3, is_lower_letter))
    {
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID,
                           _("The language must be a language code such as “jpn”."));
      return FALSE;
    }
  if (!text_is_blank (document->version_date)
      && !check_date (document->version_date, _("The version date is not a date of the form 2025-10-01."), error))
    return FALSE;
  if (document->work_date != NULL
      && !check_date (document->work_date, _("The date of the rule is not a date of the form 2025-10-01."), error))
    return FALSE;
  if (document->generated != NULL
      && !check_date (document->generated, _("The export date is not a date of the form 2025-10-01."), error))
    return FALSE;
  return TRUE;
}

xmlDoc *
rk_akn_build (const RkAknDocument  *document,
              GError              **error)
{
  Builder builder = { 0 };
  Identity identity = { 0 };
  xmlNode *root, *doc_node;
  g_autofree char *generated = NULL;
  g_autofree char *expression_date = NULL;
  g_autofree char *work_uri = NULL;
  g_autofree char *expression_uri = NULL;
  g_autofree char *actor = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_document (document, error))
    return NULL;

  if (document->generated != NULL)
    generated = g_strdup (document->generated);
  else
    {
      GDate today;

      rk_era_get_today (&today);
      generated = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                                   g_date_get_day (&today));
    }

  identity.language = document->language != NULL ? document->language : "jpn";
  identity.generated = generated;
  if (!text_is_blank (document->version_date))
    {
      expression_date = g_strdup (document->version_date);
      identity.expression_date_name = "version";
    }
  else
    {
      /* A draft has no date of its own: it is the text as of the export. */
      expression_date = g_strdup (generated);
      identity.expression_date_name = "draft";
    }
  identity.expression_date = expression_date;
  identity.work_date = document->work_date != NULL ? document->work_date : expression_date;

  /* /akn/jp/doc/rule/<municipality>/<date>/<number>: the municipality is the actor, percent-encoded so the URI is
   * plain ASCII. */
  if (!text_is_blank (document->municipality))
    {
      g_autofree char *safe = xml_safe_text (document->municipality);

      actor = g_uri_escape_string (g_strstrip (safe), NULL, FALSE);
    }
  work_uri = g_strdup_printf ("/akn/jp/doc/rule%s%s/%s/%s", actor != NULL ? "/" : "", actor != NULL ? actor : "",
                              identity.work_date, document->document_id != NULL ? document->document_id : "rule");
  expression_uri = g_strdup_printf ("%s/%s@%s", work_uri, identity.language, expression_date);
  identity.work_uri = work_uri;
  identity.expression_uri = expression_uri;

  builder.doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewDocNode (builder.doc, NULL, (const xmlChar *) "akomaNtoso", NULL);
  xmlDocSetRootElement (builder.doc, root);
  builder.ns = xmlNewNs (root, (const xmlChar *) RK_AKN_NAMESPACE, NULL);
  xmlSetNs (root, builder.ns);

  doc_node = add_element (&builder, root, "doc");
  set_attribute (doc_node, "name", "rule");

  add_meta (&builder, doc_node, document, &identity);
  add_preface (&builder, doc_node, document);
  add_main_body (&builder, doc_node, document);

  return builder.doc;
}

GBytes *
rk_akn_to_bytes (const RkAknDocument  *document,
                 GError              **error)
{
  xmlDoc *doc;
  xmlChar *buffer = NULL;
  int size = 0;
  GBytes *bytes;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = rk_akn_build (document, error);
  if (doc == NULL)
    return NULL;

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  xmlFreeDoc (doc);
  if (buffer == NULL || size <= 0)
    {
      xmlFree (buffer);
      g_set_error_literal (error, RK_AKN_ERROR, RK_AKN_ERROR_WRITE, _("The document could not be serialised."));
      return NULL;
    }

  bytes = g_bytes_new (buffer, (gsize) size);
  xmlFree (buffer);
  return bytes;
}

gboolean
rk_akn_write (const RkAknDocument  *document,
              const char           *path,
              GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = rk_akn_to_bytes (document, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  /* CONSISTENT: written to a temporary file beside @path, synced and renamed over it. */
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, RK_AKN_ERROR, RK_AKN_ERROR_WRITE, _("Could not write the Akoma Ntoso file: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

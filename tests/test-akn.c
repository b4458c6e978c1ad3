/* test-akn.c — rule templates (data/catalog/templates/rule-templates.xml) and the Akoma Ntoso 3.0 export, validated
 * with libxml2's XML Schema API against the OASIS schema at $RK_AKN_SCHEMA, without the network. */
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "rk-akn.h"
#include "rk-catalog.h"
#include "rk-rule-template.h"
#include "rk-rule.h"

static xmlSchemaPtr akn_schema;

/* ------------------------------------------------------------------------------------------------------------ */
/* Helpers */

static void
collect_error (void       *data,
               const char *format,
               ...)
{
  GString *messages = data;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (messages, format, args);
  va_end (args);
}

/* The schema, loaded once. The xsd imports ./xml.xsd; the no-network loader makes sure nothing is fetched. */
static xmlSchemaPtr
get_schema (void)
{
  if (akn_schema == NULL)
    {
      const char *path = g_getenv ("RK_AKN_SCHEMA");
      xmlSchemaParserCtxtPtr parser;
      g_autoptr(GString) messages = g_string_new (NULL);

      g_assert_nonnull (path);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      /* The schema and its import are read through xmlNoNetExternalEntityLoader (set in main()). */
      parser = xmlSchemaNewParserCtxt (path);
      g_assert_nonnull (parser);
      xmlSchemaSetParserErrors (parser, collect_error, collect_error, messages);
      akn_schema = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
      if (akn_schema == NULL)
        g_error ("the Akoma Ntoso schema does not load: %s", messages->str);
    }
  return akn_schema;
}

/* 0 when @doc validates; the messages name the cause otherwise. */
static int
validate (xmlDocPtr  doc,
          GString   *messages)
{
  xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt (get_schema ());
  int result;

  g_assert_nonnull (validator);
  xmlSchemaSetValidErrors (validator, collect_error, collect_error, messages);
  result = xmlSchemaValidateDoc (validator, doc);
  xmlSchemaFreeValidCtxt (validator);
  return result;
}

static void
assert_valid (xmlDocPtr doc)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  int result = validate (doc, messages);

  if (result != 0)
    g_error ("the document does not validate against akomantoso30.xsd (%d): %s", result, messages->str);
}

/* Exports @document as bytes, re-reads them as a stranger would (NONET) and validates what was written. */
static xmlDocPtr
export_and_validate (const RkAknDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = rk_akn_to_bytes (document, &error);
  const char *data;
  gsize size;
  xmlDocPtr doc;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
  doc = xmlReadMemory (data, (int) size, "rule.akn.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  assert_valid (doc);
  return doc;
}

static xmlXPathObjectPtr
xpath_eval (xmlDocPtr   doc,
            const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, (const xmlChar *) "a", (const xmlChar *) RK_AKN_NAMESPACE);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = xpath_eval (doc, wrapped);
  char *text = g_strdup ((const char *) result->stringval);

  xmlXPathFreeObject (result);
  return text;
}

static double
xpath_number (xmlDocPtr   doc,
              const char *expression)
{
  xmlXPathObjectPtr result = xpath_eval (doc, expression);
  double value = result->floatval;

  xmlXPathFreeObject (result);
  return value;
}

static void
assert_xpath_string (xmlDocPtr   doc,
                     const char *expression,
                     const char *expected)
{
  g_autofree char *text = xpath_string (doc, expression);

  if (g_strcmp0 (text, expected) != 0)
    g_error ("%s is \"%s\", expected \"%s\"", expression, text, expected);
}

static void
assert_xpath_count (xmlDocPtr   doc,
                    const char *expression,
                    guint       expected)
{
  g_autofree char *counted = g_strdup_printf ("count(%s)", expression);
  double n = xpath_number (doc, counted);

  if ((guint) n != expected)
    g_error ("%s: %g nodes, expected %u", expression, n, expected);
}

static void
field_free (RkFormField *field)
{
  g_free (field->label);
  g_free (field->choices);
  g_free (field);
}

/* The test's own section: rk-store-rules.c builds these in the app; here they are made by hand. */
static RkRuleExportSection *
section_new (guint              depth,
             RkRuleSectionKind  kind,
             const char        *number,
             const char        *heading,
             const char        *body)
{
  RkRuleExportSection *section = g_new0 (RkRuleExportSection, 1);

  section->depth = depth;
  section->kind = kind;
  section->number = g_strdup (number);
  section->heading = g_strdup (heading);
  section->body = g_strdup (body);
  section->body_source = g_strdup (body);
  section->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  return section;
}

static void
section_free (RkRuleExportSection *section)
{
  g_free (section->uid);
  g_free (section->parent_uid);
  g_free (section->number);
  g_free (section->citation);
  g_free (section->heading);
  g_free (section->body);
  g_free (section->body_source);
  g_ptr_array_unref (section->fields);
  g_free (section);
}

static void
section_add_field (RkRuleExportSection *section,
                   const char          *label,
                   RkFormFieldKind      kind,
                   const char          *choices)
{
  RkFormField *field = g_new0 (RkFormField, 1);

  field->position = (int) section->fields->len;
  field->label = g_strdup (label);
  field->kind = kind;
  field->choices = g_strdup (choices);
  g_ptr_array_add (section->fields, field);
}

static GPtrArray *
sections_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
}

static void
document_init (RkAknDocument *document,
               GPtrArray     *sections)
{
  memset (document, 0, sizeof *document);
  document->document_id = "3";
  document->title = "急変時・救急搬送時の連携ルール";
  document->short_title = "急変時ルール";
  document->work_date = "2025-04-01";
  document->version_label = "第2版 素案";
  document->version_date = "2025-10-01";
  document->status = RK_RULE_VERSION_DISCUSSION;
  document->council = "八王子市在宅医療・介護連携推進協議会";
  document->municipality = "八王子市";
  document->language = "jpn";
  document->generated = "2025-10-05";
  document->sections = sections;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* A template made into plain export data, as the store would after instantiating it */

typedef struct {
  GPtrArray *sections;
} Rendered;

static char *
lookup_citation (const char *uid,
                 gpointer    user_data)
{
  Rendered *rendered = user_data;

  for (guint i = 0; i < rendered->sections->len; i++)
    {
      RkRuleExportSection *section = g_ptr_array_index (rendered->sections, i);

      if (g_strcmp0 (section->uid, uid) == 0)
        return g_strdup (section->citation);
    }
  return NULL;
}

static GPtrArray *
template_to_sections (RkRuleTemplate *template)
{
  guint n;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);
  g_autofree guint *text_children = g_new0 (guint, n + 1); /* per parent (+1: the top level) */
  GPtrArray *sections = sections_new ();
  Rendered rendered = { sections };
  guint forms = 0;

  for (guint i = 0; i < n; i++)
    {
      const RkRuleSectionSpec *spec = &specs[i];
      guint depth = rk_rule_template_get_depth (template, i);
      g_autofree char *number = NULL;
      RkRuleExportSection *section;

      if (spec->kind == RK_RULE_SECTION_FORM)
        number = rk_rule_form_label (forms++);
      else
        number = rk_rule_number_label (depth, text_children[spec->parent + 1]++);

      section = section_new (depth, spec->kind, number, spec->heading, spec->body);
      section->uid = spec->uid != NULL ? g_strdup (spec->uid) : g_strdup_printf ("s%u", i);
      if (spec->parent >= 0)
        {
          RkRuleExportSection *parent = g_ptr_array_index (sections, spec->parent);
          g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
          g_auto(GStrv) path = NULL;

          section->parent_uid = g_strdup (parent->uid);
          g_strv_builder_add (labels, parent->citation);
          g_strv_builder_add (labels, number);
          path = g_strv_builder_end (labels);
          section->citation = spec->kind == RK_RULE_SECTION_FORM ? g_strdup (number)
                                                                 : rk_rule_number_path ((const char * const *) path);
        }
      else
        section->citation = g_strdup (number);
      for (guint f = 0; f < spec->n_fields; f++)
        section_add_field (section, spec->fields[f].label, spec->fields[f].kind, spec->fields[f].choices);
      g_ptr_array_add (sections, section);
    }

  /* References render once every citation is known. */
  for (guint i = 0; i < sections->len; i++)
    {
      RkRuleExportSection *section = g_ptr_array_index (sections, i);

      g_free (section->body);
      section->body = rk_rule_render_body (section->body_source, lookup_citation, &rendered);
    }
  return sections;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Templates */

/* The index of the first section with @heading under @parent (-1: top level), or -1. */
static int
find_section (RkRuleTemplate *template,
              int             parent,
              const char     *heading)
{
  guint n;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);

  for (guint i = 0; i < n; i++)
    if (specs[i].parent == parent && g_str_equal (specs[i].heading, heading))
      return (int) i;
  return -1;
}

static int
require_section (RkRuleTemplate *template,
                 int             parent,
                 const char     *heading)
{
  int index = find_section (template, parent, heading);

  if (index < 0)
    g_error ("template %s has no section \"%s\" under %d", rk_rule_template_get_id (template), heading, parent);
  return index;
}

/* All the text of the section and its subsections. */
static char *
subtree_text (RkRuleTemplate *template,
              int             index)
{
  guint n;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);
  GString *text = g_string_new (NULL);
  guint depth = rk_rule_template_get_depth (template, index);

  g_string_append_printf (text, "%s\n%s\n", specs[index].heading, specs[index].body);
  for (guint i = index + 1; i < n && rk_rule_template_get_depth (template, i) > depth; i++)
    g_string_append_printf (text, "%s\n%s\n", specs[i].heading, specs[i].body);
  return g_string_free (text, FALSE);
}

static guint
count_children (RkRuleTemplate *template,
                int             parent)
{
  guint n, count = 0;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);

  for (guint i = 0; i < n; i++)
    if (specs[i].parent == parent)
      count++;
  return count;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("\"%s\" not found in:\n%s", needle, text);
}

/* The skeleton every template shares: はじめに/目的, 対象 with exclusions, a procedure, 本人の意思の確認, 連絡先,
 * Q&A with answers, 運用・見直し with a yearly review. */
static void
assert_skeleton (RkRuleTemplate *template)
{
  guint n;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);
  int intro = require_section (template, -1, "はじめに");
  int scope = require_section (template, -1, "対象");
  int qa = require_section (template, -1, "Q&A");
  int review = require_section (template, -1, "運用・見直し");
  int procedure = -1;
  g_autofree char *scope_text = NULL;
  g_autofree char *review_text = NULL;
  guint forms = 0;

  require_section (template, intro, "目的");
  scope_text = subtree_text (template, require_section (template, scope, "対象としない場合"));
  g_assert_cmpuint (count_children (template, find_section (template, scope, "対象としない場合")), >=, 2);
  require_section (template, -1, "本人の意思の確認");
  require_section (template, -1, "連絡先");

  for (guint i = 0; i < n; i++)
    if (specs[i].parent == -1 && strstr (specs[i].heading, "手順") != NULL)
      procedure = (int) i;
  g_assert_cmpint (procedure, >=, 0);
  g_assert_cmpuint (count_children (template, procedure), >=, 5);

  /* Q&A: questions as headings, each answered. */
  g_assert_cmpuint (count_children (template, qa), >=, 3);
  for (guint i = 0; i < n; i++)
    if (specs[i].parent == qa)
      {
        g_assert_true (g_str_has_suffix (specs[i].heading, "か。"));
        g_assert_cmpuint (strlen (specs[i].body), >, 0);
      }

  review_text = subtree_text (template, review);
  assert_contains (review_text, "毎年度1回");
  assert_contains (review_text, "見直すものとする");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      RkRuleSectionInfo info = { specs[i].kind, specs[i].heading, specs[i].body };

      /* Parents come first and depths follow them: the order rk_store_add_rule_sections() needs. */
      g_assert_cmpint (specs[i].parent, <, (int) i);
      if (specs[i].parent >= 0)
        g_assert_cmpuint (rk_rule_template_get_depth (template, i), ==,
                          rk_rule_template_get_depth (template, specs[i].parent) + 1);
      else
        g_assert_cmpuint (rk_rule_template_get_depth (template, i), ==, 0);
      /* What the rules core would refuse, the template must not hold. */
      g_assert_true (rk_rule_section_info_validate (&info, &error));
      g_assert_no_error (error);
      if (specs[i].uid != NULL)
        g_assert_true (rk_rule_uid_is_valid (specs[i].uid));
      if (specs[i].kind == RK_RULE_SECTION_FORM)
        {
          forms++;
          g_assert_cmpuint (specs[i].n_fields, >, 0);
          for (guint f = 0; f < specs[i].n_fields; f++)
            {
              g_assert_true (rk_form_field_info_validate (&specs[i].fields[f], &error));
              g_assert_no_error (error);
            }
        }
      else
        {
          g_assert_null (specs[i].fields);
          g_assert_cmpuint (specs[i].n_fields, ==, 0);
        }
      /* Administrative style: clauses end with 。 and do not use です・ます in the rule text. Q&A answers and form
       * notes may address the reader. */
      if (specs[i].kind == RK_RULE_SECTION_TEXT && specs[i].parent != qa)
        g_assert_null (strstr (specs[i].body, "ます。"));
    }
  g_assert_cmpuint (forms, >=, 1);
}

static const RkRuleSectionSpec *
require_form (RkRuleTemplate *template,
              const char     *heading)
{
  guint n;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);

  for (guint i = 0; i < n; i++)
    if (specs[i].kind == RK_RULE_SECTION_FORM && g_str_equal (specs[i].heading, heading))
      return &specs[i];
  g_error ("template %s has no form %s", rk_rule_template_get_id (template), heading);
  return NULL;
}

static void
test_templates_load (void)
{
  GListModel *templates = rk_rule_templates_get_default ();
  RkCatalog *catalog = rk_catalog_get_default ();
  g_autoptr(GHashTable) kind_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *lists[] = { rk_catalog_get_rule_kinds (catalog), rk_catalog_get_rule_areas (catalog) };
  static const char * const expected[][2] = {
    { "emergency", "急変時・救急搬送時の連携ルール" },
    { "admission-discharge", "入退院支援ルール" },
    { "no-cpr", "心肺蘇生を望まない傷病者への対応" },
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(RkRuleKind) kind = g_list_model_get_item (lists[l], i);

        g_hash_table_add (kind_ids, g_strdup (rk_rule_kind_get_id (kind)));
      }

  g_assert_cmpuint (g_list_model_get_n_items (templates), >=, G_N_ELEMENTS (expected));
  g_assert_true (rk_rule_templates_get_default () == templates);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RkRuleTemplate *template = rk_rule_templates_find (expected[i][0]);
      g_autofree char *title = NULL;

      g_assert_nonnull (template);
      g_assert_cmpstr (rk_rule_template_get_title (template), ==, expected[i][1]);
      g_object_get (template, "title", &title, NULL);
      g_assert_cmpstr (title, ==, expected[i][1]);
      g_assert_cmpuint (strlen (rk_rule_template_get_description (template)), >, 0);
      /* Every kind a template names is a rule kind or area of the catalog. */
      g_assert_nonnull (rk_rule_template_get_kinds (template)[0]);
      for (const char * const *k = rk_rule_template_get_kinds (template); *k != NULL; k++)
        if (!g_hash_table_contains (kind_ids, *k))
          g_error ("template %s names %s, which is not a rule kind or area", expected[i][0], *k);
      assert_skeleton (template);
    }
  g_assert_null (rk_rule_templates_find ("no-such-template"));
}

static void
test_template_emergency (void)
{
  RkRuleTemplate *template = rk_rule_templates_find ("emergency");
  const RkRuleSectionSpec *sheet = require_form (template, "救急医療情報シート");
  static const struct { const char *label; RkFormFieldKind kind; const char *choices; } fields[] = {
    { "氏名(ふりがな)", RK_FORM_FIELD_TEXT, "" },
    { "性別", RK_FORM_FIELD_CHOICE, "男\n女\nその他" },
    { "生年月日", RK_FORM_FIELD_DATE, "" },
    { "住所", RK_FORM_FIELD_TEXT, "" },
    { "電話", RK_FORM_FIELD_TEXT, "" },
    { "血液型", RK_FORM_FIELD_CHOICE, "A型\nB型\nO型\nAB型\n不明" },
    { "かかりつけ医療機関", RK_FORM_FIELD_TEXT, "" },
    { "持病・既往歴", RK_FORM_FIELD_TEXT, "" },
    { "服薬", RK_FORM_FIELD_TEXT, "" },
    { "アレルギー", RK_FORM_FIELD_TEXT, "" },
    { "緊急連絡先1 氏名", RK_FORM_FIELD_TEXT, "" },
    { "緊急連絡先1 続柄", RK_FORM_FIELD_TEXT, "" },
    { "緊急連絡先1 電話", RK_FORM_FIELD_TEXT, "" },
    { "緊急連絡先2 氏名", RK_FORM_FIELD_TEXT, "" },
    { "緊急連絡先2 続柄", RK_FORM_FIELD_TEXT, "" },
    { "緊急連絡先2 電話", RK_FORM_FIELD_TEXT, "" },
    /* 八王子市 救急医療情報キット's wording */
    { "延命治療についての希望", RK_FORM_FIELD_CHECKBOX, "できるだけ救命\n延命してほしい\n苦痛をやわらげる処置なら希望する\nその他" },
    { "記入日", RK_FORM_FIELD_DATE, "" },
  };
  g_autofree char *procedure = subtree_text (template, require_section (template, -1, "急変時の対応手順"));
  g_autofree char *scope = subtree_text (template, require_section (template, -1, "対象"));
  int steps = require_section (template, -1, "急変時の対応手順");
  static const char * const scenes[] = {
    "119番通報", "救急隊の現場到着", "本人の意思の確認", "関係者への連絡", "搬送先医療機関への引継ぎ",
  };

  g_assert_true (rk_rule_template_has_kind (template, "emergency"));
  g_assert_cmpuint (sheet->n_fields, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_cmpstr (sheet->fields[i].label, ==, fields[i].label);
      g_assert_cmpint (sheet->fields[i].kind, ==, fields[i].kind);
      g_assert_cmpstr (sheet->fields[i].choices, ==, fields[i].choices);
    }
  g_assert_cmpstr (sheet->uid, ==, "emergency-info-sheet");

  /* Scene by scene, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    g_assert_cmpint (require_section (template, steps, scenes[i]), >, steps);
  for (guint i = 1; i < G_N_ELEMENTS (scenes); i++)
    g_assert_cmpint (find_section (template, steps, scenes[i - 1]), <, find_section (template, steps, scenes[i]));
  assert_contains (procedure, "{{ref:wishes-record}}");
  assert_contains (scope, "外因");
}

static void
test_template_admission (void)
{
  RkRuleTemplate *template = rk_rule_templates_find ("admission-discharge");
  const RkRuleSectionSpec *form = require_form (template, "入院時情報提供書");
  int steps = require_section (template, -1, "入退院支援の手順");
  static const char * const scenes[] = { "入院前(平時)", "入院時", "入院中", "退院前", "退院時", "退院後" };
  g_autofree char *scope = subtree_text (template, require_section (template, -1, "対象"));
  gboolean has_gender = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    g_assert_cmpint (require_section (template, steps, scenes[i]), >, steps);
  assert_contains (scope, "短期入院");
  require_form (template, "退院時情報提供書");
  for (guint i = 0; i < form->n_fields; i++)
    if (g_str_equal (form->fields[i].label, "性別"))
      {
        has_gender = TRUE;
        g_assert_cmpint (form->fields[i].kind, ==, RK_FORM_FIELD_CHOICE);
        g_assert_cmpstr (form->fields[i].choices, ==, "男\n女\nその他");
      }
  g_assert_true (has_gender);
  g_assert_cmpstr (form->fields[0].label, ==, "記入日");
  g_assert_cmpint (form->fields[0].kind, ==, RK_FORM_FIELD_DATE);
}

static void
test_template_no_cpr (void)
{
  RkRuleTemplate *template = rk_rule_templates_find ("no-cpr");
  guint n;
  const RkRuleSectionSpec *specs = rk_rule_template_get_sections (template, &n);
  int wishes = require_section (template, -1, "本人の意思の確認");
  int requirements = require_section (template, wishes, "運用要件");
  int steps = require_section (template, -1, "対応手順");
  g_autofree char *wishes_text = subtree_text (template, wishes);
  g_autofree char *steps_text = subtree_text (template, steps);
  g_autofree char *scope_text = subtree_text (template, require_section (template, -1, "対象"));
  /* The Tokyo Fire Department's four conditions, in order. */
  static const char * const conditions[] = {
    "ACPが行われている成人で心肺停止状態であること。",
    "傷病者が人生の最終段階にあること。",
    "傷病者本人が「心肺蘇生の実施を望まない」こと。",
    "傷病者本人の意思決定に際し想定された症状と現在の症状とが合致すること。",
  };
  guint found = 0;

  g_assert_true (rk_rule_template_has_kind (template, "wishes"));
  g_assert_true (rk_rule_template_has_kind (template, "ems-rule"));
  g_assert_cmpstr (specs[requirements].uid, ==, "no-cpr-requirements");
  assert_contains (specs[requirements].body, "すべてを満たす場合に限り");
  for (guint i = 0; i < n; i++)
    if (specs[i].parent == requirements)
      {
        g_assert_cmpuint (found, <, G_N_ELEMENTS (conditions));
        g_assert_cmpstr (specs[i].body, ==, conditions[found]);
        found++;
      }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (conditions));

  /* The practical clauses of real protocols. */
  assert_contains (wishes_text, "書面によるものであるか口頭によるものであるかを問わない");
  assert_contains (wishes_text, "かかりつけ医等に連絡し");
  assert_contains (steps_text, "おおむね45分以内");
  assert_contains (steps_text, "家族等が心肺蘇生の継続を求めた場合");
  assert_contains (steps_text, "外因性の心肺停止");
  assert_contains (steps_text, "{{ref:no-cpr-requirements}}");
  assert_contains (scope_text, "外因性の心肺停止");
  /* Scene by scene: 119通報 → 現着 → 意思確認 → 連絡 → 引継ぎ. */
  g_assert_cmpint (require_section (template, steps, "119番通報"), <,
                   require_section (template, steps, "現場到着及び心肺蘇生の開始"));
  g_assert_cmpint (require_section (template, steps, "現場到着及び心肺蘇生の開始"), <,
                   require_section (template, steps, "意思の確認"));
  g_assert_cmpint (require_section (template, steps, "意思の確認"), <,
                   require_section (template, steps, "かかりつけ医等への連絡"));
  g_assert_cmpint (require_section (template, steps, "かかりつけ医等への連絡"), <,
                   require_section (template, steps, "引継ぎ"));
  require_form (template, "心肺蘇生を望まない傷病者の引継書");
}

static void
test_templates_for_kind (void)
{
  g_autoptr(GPtrArray) emergency = rk_rule_templates_list_for_kind ("emergency");
  g_autoptr(GPtrArray) wishes = rk_rule_templates_list_for_kind ("wishes");
  g_autoptr(GPtrArray) admission = rk_rule_templates_list_for_kind ("admission-discharge");
  g_autoptr(GPtrArray) none = rk_rule_templates_list_for_kind ("no-such-kind");

  g_assert_cmpuint (emergency->len, ==, 1);
  g_assert_cmpstr (rk_rule_template_get_id (g_ptr_array_index (emergency, 0)), ==, "emergency");
  g_assert_cmpuint (wishes->len, ==, 1);
  g_assert_cmpstr (rk_rule_template_get_id (g_ptr_array_index (wishes, 0)), ==, "no-cpr");
  g_assert_cmpuint (admission->len, ==, 1);
  g_assert_cmpstr (rk_rule_template_get_id (g_ptr_array_index (admission, 0)), ==, "admission-discharge");
  g_assert_cmpuint (none->len, ==, 0);
}

/* The file in the tree validates against catalog.rng and is what the bundle holds. */
static void
test_templates_file (void)
{
  const char *schema_dir = g_getenv ("RK_SCHEMA_DIR");
  g_autofree char *path = NULL;
  g_autofree char *rng_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGValidCtxtPtr validator;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  gsize length;

  g_assert_nonnull (schema_dir);
  path = g_build_filename (schema_dir, "catalog", "templates", "rule-templates.xml", NULL);
  rng_path = g_build_filename (schema_dir, "catalog", "catalog.rng", NULL);

  parser = xmlRelaxNGNewParserCtxt (rng_path);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  doc = xmlReadFile (path, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidErrors (validator, collect_error, collect_error, messages);
  if (xmlRelaxNGValidateDoc (validator, doc) != 0)
    g_error ("%s does not validate against catalog.rng: %s", path, messages->str);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  bundled = g_resources_lookup_data ("/io/github/renkei/Renkei/catalog/rule-templates.xml",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), contents, length);
}

static void
test_templates_reject (void)
{
  static const char * const bad[] = {
    /* not XML */
    "<rule-templates><template",
    /* a DOCTYPE */
    "<!DOCTYPE rule-templates [<!ENTITY x 'y'>]><rule-templates/>",
    /* another root */
    "<templates/>",
    /* no kinds */
    "<rule-templates><template id='a' kinds=' ' title='t'><section heading='h'/></template></rule-templates>",
    /* no sections */
    "<rule-templates><template id='a' kinds='k' title='t'><description>d</description></template></rule-templates>",
    /* the same uid twice */
    "<rule-templates><template id='a' kinds='k' title='t'><section uid='x' heading='h'/>"
    "<section uid='x' heading='i'/></template></rule-templates>",
    /* an invalid uid */
    "<rule-templates><template id='a' kinds='k' title='t'><section uid='a b' heading='h'/></template>"
    "</rule-templates>",
    /* a reference to a uid the template does not have */
    "<rule-templates><template id='a' kinds='k' title='t'><section heading='h'><p>{{ref:gone}}を参照</p>"
    "</section></template></rule-templates>",
    /* a choice field with one choice */
    "<rule-templates><template id='a' kinds='k' title='t'><form heading='f'>"
    "<field label='性別' kind='choice'><choice>男</choice></field></form></template></rule-templates>",
    /* an unknown field kind */
    "<rule-templates><template id='a' kinds='k' title='t'><form heading='f'><field label='l' kind='number'/>"
    "</form></template></rule-templates>",
    /* a blank label */
    "<rule-templates><template id='a' kinds='k' title='t'><form heading='f'><field label='　' kind='text'/>"
    "</form></template></rule-templates>",
    /* a form without heading */
    "<rule-templates><template id='a' kinds='k' title='t'><form><field label='l' kind='text'/></form></template>"
    "</rule-templates>",
    /* the same template id twice */
    "<rule-templates><template id='a' kinds='k' title='t'><section heading='h'/></template>"
    "<template id='a' kinds='k' title='u'><section heading='h'/></template></rule-templates>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) templates = rk_rule_templates_load (bytes, &error);

      if (templates != NULL)
        g_error ("accepted: %s", bad[i]);
      g_assert_error (error, RK_RULE_TEMPLATE_ERROR, RK_RULE_TEMPLATE_ERROR_INVALID);
    }

  /* And a minimal good one, to show the rejections are about what each case breaks. */
  {
    static const char good[] =
      "<rule-templates><template id='a' kinds='k  m' title='t'><description>d</description>"
      "<section uid='x' heading='h'><p> 一 </p><p/><p>二</p><section><p>{{ref:f}}</p></section></section>"
      "<form uid='f' heading='様式'><field label='l' kind='checkbox'/></form></template></rule-templates>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (good, strlen (good));
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) templates = rk_rule_templates_load (bytes, &error);
    g_autoptr(RkRuleTemplate) template = NULL;
    const RkRuleSectionSpec *specs;
    guint n;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
    template = g_list_model_get_item (templates, 0);
    g_assert_cmpuint (g_strv_length ((GStrv) rk_rule_template_get_kinds (template)), ==, 2);
    g_assert_true (rk_rule_template_has_kind (template, "m"));
    specs = rk_rule_template_get_sections (template, &n);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpstr (specs[0].body, ==, "一\n二");
    g_assert_cmpint (specs[1].parent, ==, 0);
    g_assert_cmpstr (specs[1].heading, ==, "");
    g_assert_null (specs[1].uid);
    g_assert_cmpuint (rk_rule_template_get_depth (template, 1), ==, 1);
    g_assert_cmpint (specs[2].kind, ==, RK_RULE_SECTION_FORM);
    g_assert_cmpint (specs[2].parent, ==, -1);
    g_assert_cmpuint (specs[2].n_fields, ==, 1);
    g_assert_cmpstr (specs[2].fields[0].choices, ==, "");
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Akoma Ntoso */

static void
test_export_template (void)
{
  static const char * const ids[] = { "emergency", "admission-discharge", "no-cpr" };

  for (guint t = 0; t < G_N_ELEMENTS (ids); t++)
    {
      RkRuleTemplate *template = rk_rule_templates_find (ids[t]);
      g_autoptr(GPtrArray) sections = template_to_sections (template);
      RkAknDocument document;
      xmlDocPtr doc;
      guint n_forms = 0, n_top = 0;

      document_init (&document, sections);
      document.title = rk_rule_template_get_title (template);
      doc = export_and_validate (&document);

      /* Every section is there once, with its number. */
      assert_xpath_count (doc, "//a:mainBody//*[@eId and (self::a:section or self::a:paragraph or "
                          "self::a:subparagraph or self::a:level or self::a:hcontainer)]", sections->len);
      for (guint i = 0; i < sections->len; i++)
        {
          RkRuleExportSection *section = g_ptr_array_index (sections, i);
          g_autofree char *query = g_strdup_printf ("//*[@GUID='%s']/a:num", section->uid);

          assert_xpath_string (doc, query, section->number);
          if (section->depth == 0 && section->kind == RK_RULE_SECTION_TEXT)
            n_top++;
          if (section->kind == RK_RULE_SECTION_FORM)
            {
              g_autofree char *rows = g_strdup_printf ("//*[@GUID='%s']//a:tr", section->uid);

              n_forms++;
              assert_xpath_count (doc, rows, section->fields->len + 1);
            }
        }
      assert_xpath_count (doc, "/a:akomaNtoso/a:doc/a:mainBody/a:section", n_top);
      assert_xpath_count (doc, "//a:hcontainer[@name='form']", n_forms);
      assert_xpath_string (doc, "/a:akomaNtoso/a:doc/a:mainBody/a:section[1]/a:num", "第1");
      assert_xpath_string (doc, "/a:akomaNtoso/a:doc/a:mainBody/a:section[1]/a:heading", "はじめに");
      assert_xpath_string (doc, "/a:akomaNtoso/a:doc/a:mainBody/a:section[1]/@eId", "sec_1");
      assert_xpath_string (doc, "//a:section[a:heading='はじめに']/a:paragraph[a:heading='目的']/@eId", "sec_1__para_1");
      assert_xpath_string (doc, "//a:hcontainer[@name='form'][1]/a:num", "様式1");
      assert_xpath_string (doc, "//a:hcontainer[@name='form'][1]/@eId", "form_1");
      assert_xpath_string (doc, "/a:akomaNtoso/a:doc/a:preface//a:docTitle", rk_rule_template_get_title (template));
      /* References were rendered with the current citations; no token reaches the export. */
      g_assert_cmpfloat (xpath_number (doc, "count(//a:p[contains(., '{{ref:')])"), ==, 0);
      xmlFreeDoc (doc);
    }

  /* The emergency rule's sheet with its choices, and a rendered reference to it. */
  {
    g_autoptr(GPtrArray) sections = template_to_sections (rk_rule_templates_find ("emergency"));
    RkAknDocument document;
    xmlDocPtr doc;

    document_init (&document, sections);
    doc = export_and_validate (&document);
    assert_xpath_string (doc, "//a:hcontainer[a:heading='救急医療情報シート']//a:tr[a:th/a:p='性別']/a:td/a:p",
                         "□男　□女　□その他");
    assert_xpath_string (doc, "//a:hcontainer[a:heading='救急医療情報シート']//a:tr[a:th/a:p='延命治療についての希望']/@class",
                         "field checkbox");
    assert_xpath_string (doc, "//a:hcontainer[a:heading='救急医療情報シート']//a:tr[a:th/a:p='記入日']/a:td/a:p",
                         "年　月　日");
    g_assert_cmpfloat (xpath_number (doc, "count(//a:p[contains(., '救急医療情報シート(様式1)')])"), >=, 1);
    xmlFreeDoc (doc);
  }
}

static void
test_export_metadata (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  RkAknDocument document;
  xmlDocPtr doc;
  const char *work = "/akn/jp/doc/rule/%E5%85%AB%E7%8E%8B%E5%AD%90%E5%B8%82/2025-04-01/3";
  g_autofree char *expression = g_strconcat (work, "/jpn@2025-10-01", NULL);
  g_autofree char *expression_this = g_strconcat (expression, "/!main", NULL);
  g_autofree char *work_this = g_strconcat (work, "/!main", NULL);

  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第1", "目的", "このルールは…を目的とする。"));
  document_init (&document, sections);
  doc = export_and_validate (&document);

  assert_xpath_string (doc, "/a:akomaNtoso/a:doc/@name", "rule");
  assert_xpath_string (doc, "//a:identification/@source", "#renkei");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRthis/@value", work_this);
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRuri/@value", work);
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRdate/@date", "2025-04-01");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRauthor/@href", "#council");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRcountry/@value", "jp");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRsubtype/@value", "rule");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRnumber/@value", "3");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRname/@value", "急変時ルール");
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRthis/@value", expression_this);
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRuri/@value", expression);
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRdate/@date", "2025-10-01");
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRdate/@name", "version");
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRversionNumber/@value", "第2版 素案");
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRlanguage/@language", "jpn");
  assert_xpath_string (doc, "//a:FRBRManifestation/a:FRBRdate/@date", "2025-10-05");
  assert_xpath_string (doc, "//a:FRBRManifestation/a:FRBRauthor/@href", "#renkei");
  assert_xpath_string (doc, "//a:references/@source", "#renkei");
  assert_xpath_string (doc, "//a:references/a:TLCOrganization[@eId='renkei']/@showAs", "Renkei");
  assert_xpath_string (doc, "//a:references/a:TLCOrganization[@eId='council']/@showAs",
                       "八王子市在宅医療・介護連携推進協議会");
  assert_xpath_string (doc, "//a:references/a:TLCLocation[@eId='municipality']/@showAs", "八王子市");
  assert_xpath_string (doc, "//a:preface/a:p/a:docTitle", "急変時・救急搬送時の連携ルール");
  assert_xpath_string (doc, "//a:preface/a:p/a:shortTitle", "急変時ルール");
  assert_xpath_string (doc, "//a:preface/a:p/a:docNumber", "第2版 素案");
  assert_xpath_string (doc, "//a:preface/a:p/a:docDate", "令和7年(2025年)10月1日");
  assert_xpath_string (doc, "//a:preface/a:p/a:docDate/@date", "2025-10-01");
  assert_xpath_string (doc, "//a:preface/a:p/a:docStatus", "協議中");
  assert_xpath_string (doc, "//a:preface/a:p/a:docProponent", "八王子市在宅医療・介護連携推進協議会");
  assert_xpath_string (doc, "//a:mainBody/a:section/a:content/a:p", "このルールは…を目的とする。");
  xmlFreeDoc (doc);

  /* A draft without a date of its own is dated by the export; no municipality, no document number. */
  document.version_date = NULL;
  document.version_label = "";
  document.municipality = NULL;
  document.document_id = NULL;
  document.work_date = NULL;
  document.status = RK_RULE_VERSION_DRAFT;
  doc = export_and_validate (&document);
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRdate/@date", "2025-10-05");
  assert_xpath_string (doc, "//a:FRBRExpression/a:FRBRdate/@name", "draft");
  assert_xpath_string (doc, "//a:FRBRWork/a:FRBRuri/@value", "/akn/jp/doc/rule/2025-10-05/rule");
  assert_xpath_count (doc, "//a:FRBRversionNumber", 0);
  assert_xpath_count (doc, "//a:docDate", 0);
  assert_xpath_count (doc, "//a:TLCLocation", 0);
  assert_xpath_string (doc, "//a:preface/a:p/a:docStatus", "起案");
  xmlFreeDoc (doc);
}

static void
test_export_empty (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  RkAknDocument document;
  xmlDocPtr doc;

  /* An empty array and no array at all. */
  document_init (&document, sections);
  doc = export_and_validate (&document);
  assert_xpath_count (doc, "//a:mainBody/*", 1);
  assert_xpath_string (doc, "//a:mainBody/a:p", "（本文なし）");
  xmlFreeDoc (doc);

  document.sections = NULL;
  doc = export_and_validate (&document);
  assert_xpath_string (doc, "//a:mainBody/a:p", "（本文なし）");
  xmlFreeDoc (doc);

  /* A section without heading, body or number is still a valid, empty section. */
  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "", "", ""));
  document.sections = sections;
  doc = export_and_validate (&document);
  assert_xpath_count (doc, "//a:mainBody/a:section", 1);
  assert_xpath_count (doc, "//a:mainBody/a:section/*", 0);
  assert_xpath_count (doc, "//a:mainBody/a:p", 0);
  xmlFreeDoc (doc);
}

static void
test_export_deep (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  static const char * const elements[] = {
    "section", "paragraph", "subparagraph", "level", "level", "level", "level",
  };
  RkAknDocument document;
  xmlDocPtr doc;
  g_autoptr(GString) path = g_string_new ("/a:akomaNtoso/a:doc/a:mainBody");

  /* Seven levels, each with body text (so each has an intro before its child), then a second branch. */
  for (guint depth = 0; depth < G_N_ELEMENTS (elements); depth++)
    {
      g_autofree char *number = rk_rule_number_label (depth, 0);
      g_autofree char *body = g_strdup_printf ("第%u階層の本文。", depth + 1);

      g_ptr_array_add (sections, section_new (depth, RK_RULE_SECTION_TEXT, number, "", body));
    }
  g_ptr_array_add (sections, section_new (6, RK_RULE_SECTION_TEXT, "(b)", "", "同じ階層の2番目。"));
  g_ptr_array_add (sections, section_new (1, RK_RULE_SECTION_TEXT, "2", "", "第1の2。"));
  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第2", "次", ""));
  /* A jump from depth 0 to 5 is taken as depth 1: the tree cannot skip a level. */
  g_ptr_array_add (sections, section_new (5, RK_RULE_SECTION_TEXT, "1", "", "飛び越し。"));

  document_init (&document, sections);
  doc = export_and_validate (&document);

  for (guint depth = 0; depth < G_N_ELEMENTS (elements); depth++)
    {
      g_autofree char *number = rk_rule_number_label (depth, 0);
      g_autofree char *num_path = NULL;

      g_string_append_printf (path, "/a:%s[1]", elements[depth]);
      num_path = g_strconcat (path->str, "/a:num", NULL);
      assert_xpath_string (doc, num_path, number);
    }
  assert_xpath_string (doc, "//a:level[a:num='(a)']/@eId", "sec_1__para_1__subpara_1__lvl_1__lvl_1__lvl_1__lvl_1");
  assert_xpath_string (doc, "//a:level[a:num='(b)']/@eId", "sec_1__para_1__subpara_1__lvl_1__lvl_1__lvl_1__lvl_2");
  assert_xpath_string (doc, "//a:level[a:num='(a)']/a:content/a:p", "第7階層の本文。");
  assert_xpath_string (doc, "//a:level[a:num='ア']/a:intro/a:p", "第4階層の本文。");
  assert_xpath_string (doc, "//a:paragraph[a:num='2']/@eId", "sec_1__para_2");
  assert_xpath_string (doc, "//a:section[a:num='第2']/@eId", "sec_2");
  assert_xpath_string (doc, "//a:section[a:num='第2']/a:paragraph/a:content/a:p", "飛び越し。");
  assert_xpath_string (doc, "//a:section[a:num='第2']/a:paragraph/@eId", "sec_2__para_1");
  xmlFreeDoc (doc);
}

static void
test_export_forms (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  RkRuleExportSection *form;
  RkAknDocument document;
  xmlDocPtr doc;

  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第1", "目的", "目的を定める。"));
  form = section_new (0, RK_RULE_SECTION_FORM, "様式1", "救急医療情報シート", "冷蔵庫に保管すること。\n記入日を書くこと。");
  section_add_field (form, "氏名(ふりがな)", RK_FORM_FIELD_TEXT, "");
  section_add_field (form, "生年月日", RK_FORM_FIELD_DATE, "");
  section_add_field (form, "性別", RK_FORM_FIELD_CHOICE, "男\n女\n\nその他\n");
  section_add_field (form, "延命治療についての希望", RK_FORM_FIELD_CHECKBOX,
                     "できるだけ救命\n延命してほしい\n苦痛をやわらげる処置なら希望する\nその他");
  section_add_field (form, "同意する", RK_FORM_FIELD_CHECKBOX, "");
  g_ptr_array_add (sections, form);
  /* A form with neither note nor fields, and a form under a section. */
  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_FORM, "様式2", "同意書", ""));
  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第2", "連絡先", "次のとおり。"));
  form = section_new (1, RK_RULE_SECTION_FORM, "様式3", "連絡先一覧", "");
  section_add_field (form, "機関名", RK_FORM_FIELD_TEXT, "");
  g_ptr_array_add (sections, form);

  document_init (&document, sections);
  doc = export_and_validate (&document);

  assert_xpath_count (doc, "/a:akomaNtoso/a:doc/a:mainBody/a:hcontainer[@name='form']", 2);
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']/@eId", "form_1");
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式2']/@eId", "form_2");
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']/a:heading", "救急医療情報シート");
  assert_xpath_count (doc, "//a:hcontainer[a:num='様式1']/a:content/a:p", 2);
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']/a:content/a:table/@eId", "form_1__table_1");
  assert_xpath_count (doc, "//a:hcontainer[a:num='様式1']//a:tr", 6);
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']//a:tr[2]/a:th/a:p", "氏名(ふりがな)");
  assert_xpath_count (doc, "//a:hcontainer[a:num='様式1']//a:tr[2]/a:td/*", 0);
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']//a:tr[2]/@class", "field text");
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']//a:tr[3]/a:td/a:p", "年　月　日");
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']//a:tr[4]/a:td/a:p", "□男　□女　□その他");
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']//a:tr[5]/a:td/a:p",
                       "□できるだけ救命　□延命してほしい　□苦痛をやわらげる処置なら希望する　□その他");
  assert_xpath_string (doc, "//a:hcontainer[a:num='様式1']//a:tr[6]/a:td/a:p", "□");
  assert_xpath_count (doc, "//a:hcontainer[a:num='様式2']/*", 2); /* num and heading only */
  assert_xpath_string (doc, "//a:section[a:num='第2']/a:intro/a:p", "次のとおり。");
  assert_xpath_string (doc, "//a:section[a:num='第2']/a:hcontainer/@eId", "sec_2__form_1");
  assert_xpath_count (doc, "//a:section[a:num='第2']/a:hcontainer//a:tr", 2);
  xmlFreeDoc (doc);
}

static void
test_export_text (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  RkAknDocument document;
  xmlDocPtr doc;
  g_autofree char *bytes_text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第1", "A & B <C> \"D\"",
                                          "救急隊 & 医師 <連携> 'x' > y\r\n\n  \n　全角スペース始まり。\n制御\x01文字\x7f。"));
  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第2", "不正\xff\xfeな文字", "本文]]>終わり"));
  document_init (&document, sections);
  document.title = "規則 & <要綱>";
  document.council = "A&B協議会";
  document.municipality = "○○市 & <町>";
  doc = export_and_validate (&document);

  assert_xpath_string (doc, "//a:section[1]/a:heading", "A & B <C> \"D\"");
  assert_xpath_count (doc, "//a:section[1]/a:content/a:p", 3);
  assert_xpath_string (doc, "//a:section[1]/a:content/a:p[1]", "救急隊 & 医師 <連携> 'x' > y");
  assert_xpath_string (doc, "//a:section[1]/a:content/a:p[2]", "　全角スペース始まり。");
  assert_xpath_string (doc, "//a:section[1]/a:content/a:p[3]", "制御文字\x7f。");
  assert_xpath_string (doc, "//a:section[2]/a:content/a:p", "本文]]>終わり");
  assert_xpath_string (doc, "//a:docTitle", "規則 & <要綱>");
  assert_xpath_string (doc, "//a:TLCOrganization[@eId='council']/@showAs", "A&B協議会");
  {
    g_autofree char *heading = xpath_string (doc, "//a:section[2]/a:heading");

    g_assert_true (g_utf8_validate (heading, -1, NULL));
    g_assert_nonnull (strstr (heading, "な文字"));
  }
  xmlFreeDoc (doc);

  /* The bytes are escaped, not CDATA or raw. */
  bytes = rk_akn_to_bytes (&document, NULL);
  bytes_text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_contains (bytes_text, "A &amp; B &lt;C&gt;");
  assert_contains (bytes_text, "<docTitle>規則 &amp; &lt;要綱&gt;</docTitle>");
  /* Pretty-printed: one element per line at the top. */
  assert_contains (bytes_text, "\n  <doc name=\"rule\">\n    <meta>\n");
}

static void
test_export_write (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-akn-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RkAknDocument document;
  xmlDocPtr doc;
  gsize length;
  GDir *listing;
  guint n_files = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rule.akn.xml", NULL);
  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第1", "目的", "本文。"));
  document_init (&document, sections);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (rk_akn_write (&document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = rk_akn_to_bytes (&document, NULL);
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  assert_valid (doc);
  xmlFreeDoc (doc);

  /* The temporary file was renamed over the old one: nothing else is left in the directory. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 1);

  /* A folder that does not exist: an error, nothing written. */
  missing = g_build_filename (dir, "no-such-folder", "rule.akn.xml", NULL);
  g_assert_false (rk_akn_write (&document, missing, &error));
  g_assert_error (error, RK_AKN_ERROR, RK_AKN_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Invalid metadata: an error, the old file unchanged. */
  document.title = "";
  g_assert_false (rk_akn_write (&document, path, &error));
  g_assert_error (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID);
  g_clear_error (&error);
  g_free (contents);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_invalid (void)
{
  g_autoptr(GPtrArray) sections = sections_new ();
  RkAknDocument document;

  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDocPtr doc;

      document_init (&document, sections);
      switch (i)
        {
        case 0: document.title = "  　 "; break;
        case 1: document.title = NULL; break;
        case 2: document.council = ""; break;
        case 3: document.version_date = "2025-02-30"; break;
        case 4: document.work_date = "令和7年"; break;
        case 5: document.document_id = "a b"; break;
        case 6: document.language = "JP"; break;
        case 7: document.status = (RkRuleVersionStatus) 6; break;
        case 8: document.generated = "2025-13-01"; break;
        default: g_assert_not_reached ();
        }
      doc = rk_akn_build (&document, &error);
      g_assert_null (doc);
      g_assert_error (error, RK_AKN_ERROR, RK_AKN_ERROR_INVALID);
    }
}

/* The validation above is real: the schema refuses what the exporter works around (an empty mainBody, a section
 * with both content and subsections, a repeated eId, a missing FRBRcountry). */
static void
test_schema_rejects (void)
{
  static const char * const bad[] = {
    "<mainBody/>",
    "<mainBody><section eId='sec_1'><content><p>a</p></content><paragraph eId='sec_1__para_1'/></section></mainBody>",
    "<mainBody><section eId='sec_1'/><section eId='sec_1'/></mainBody>",
  };
  g_autoptr(GPtrArray) sections = sections_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *good = NULL;
  RkAknDocument document;
  const char *start, *end;

  g_ptr_array_add (sections, section_new (0, RK_RULE_SECTION_TEXT, "第1", "目的", "本文。"));
  document_init (&document, sections);
  bytes = rk_akn_to_bytes (&document, NULL);
  good = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  start = strstr (good, "<mainBody>");
  end = strstr (good, "</mainBody>");
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  end += strlen ("</mainBody>");

  for (guint i = 0; i <= G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) text = g_string_new_len (good, start - good);
      g_autoptr(GString) messages = g_string_new (NULL);
      xmlDocPtr doc;

      if (i < G_N_ELEMENTS (bad))
        {
          g_string_append (text, bad[i]);
          g_string_append (text, end);
        }
      else
        {
          g_string_assign (text, good);
          g_assert_cmpuint (g_string_replace (text, "<FRBRcountry value=\"jp\"/>", "", 1), ==, 1);
        }
      doc = xmlReadMemory (text->str, (int) text->len, "bad.xml", NULL, XML_PARSE_NONET);
      g_assert_nonnull (doc);
      g_assert_cmpint (validate (doc, messages), !=, 0);
      g_assert_cmpuint (messages->len, >, 0);
      xmlFreeDoc (doc);
    }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();
  /* Whatever the schema or a document refers to, nothing is fetched from the network. */
  xmlSetExternalEntityLoader (xmlNoNetExternalEntityLoader);

  g_test_add_func ("/akn/templates/load", test_templates_load);
  g_test_add_func ("/akn/templates/emergency", test_template_emergency);
  g_test_add_func ("/akn/templates/admission-discharge", test_template_admission);
  g_test_add_func ("/akn/templates/no-cpr", test_template_no_cpr);
  g_test_add_func ("/akn/templates/for-kind", test_templates_for_kind);
  g_test_add_func ("/akn/templates/file", test_templates_file);
  g_test_add_func ("/akn/templates/reject", test_templates_reject);
  g_test_add_func ("/akn/schema/rejects", test_schema_rejects);
  g_test_add_func ("/akn/export/template", test_export_template);
  g_test_add_func ("/akn/export/metadata", test_export_metadata);
  g_test_add_func ("/akn/export/empty", test_export_empty);
  g_test_add_func ("/akn/export/deep", test_export_deep);
  g_test_add_func ("/akn/export/forms", test_export_forms);
  g_test_add_func ("/akn/export/text", test_export_text);
  g_test_add_func ("/akn/export/write", test_export_write);
  g_test_add_func ("/akn/export/invalid", test_export_invalid);

  result = g_test_run ();
  if (akn_schema != NULL)
    xmlSchemaFree (akn_schema);
  return result;
}

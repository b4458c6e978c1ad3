/* rk-form-pdf.c — an annex form (様式) as a fill-in form. */

#include "rk-form-pdf.h"

#include <string.h>

#include <glib/gi18n.h>

#define TITLE_SIZE   14.0
#define SMALL_SIZE   9.0
#define CELL_SIZE    RK_PDF_BODY_SIZE
#define PAD_X        6.0
#define PAD_Y        5.0
#define RULE         0.6
#define OUTER_RULE   1.2
#define LABEL_GRAY   0.9
#define ROW_HEIGHT   34.0 /* a one-line answer written by hand */
#define LONG_HEIGHT  80.0 /* several lines: 既往歴, 服薬, … */

/* Labels whose answer takes several handwritten lines. */
static const char *const long_words[] = {
  "既往", "持病", "病歴", "病名", "服薬", "薬", "アレルギー", "住所", "経過", "備考", "特記", "意向", "希望",
  "内容", "状況", "理由", "連絡先", "医療機関",
};

static gboolean
is_long_label (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (long_words); i++)
    if (strstr (label, long_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

typedef struct {
  RkPdfDocument *doc;
  RkPdfFlow      flow;
  double         width;
  double         label_width;
} Form;

static PangoLayout *
cell_layout (Form       *form,
             RkPdfFace   face,
             double      size,
             gboolean    bold,
             double      width,
             const char *text)
{
  return rk_pdf_document_new_layout (form->doc, face, size, bold, width, text);
}

/* "□男　□女　□不明": each box stays with its choice; lines break only between choices. */
static PangoLayout *
choices_layout (Form         *form,
                double        width,
                char        **choices)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  PangoLayout *layout;
  PangoAttrList *attrs;

  for (guint i = 0; choices[i] != NULL; i++)
    {
      guint span[2];

      if (i > 0)
        g_string_append (text, "　");
      span[0] = text->len;
      g_string_append_printf (text, "□%s", choices[i]);
      span[1] = text->len;
      g_array_append_val (spans, span);
    }

  layout = cell_layout (form, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE, width, text->str);
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  for (guint i = 0; i < spans->len; i++)
    {
      const guint *span = &g_array_index (spans, guint, i * 2);
      PangoAttribute *attr;

      /* A long choice may still wrap inside itself rather than overflow the cell. */
      if (span[1] - span[0] > 60)
        continue;
      attr = pango_attr_allow_breaks_new (FALSE);
      attr->start_index = span[0];
      attr->end_index = span[1];
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
  return layout;
}

/* The rules around a row: all four sides from @top to @top + @height across the table (the outer ones heavier), and the
 * label/answer divider at @divider (< 0: none). */
static void
row_rules (Form   *form,
           double  top,
           double  height,
           double  divider)
{
  RkPdfDocument *doc = form->doc;
  guint page = form->flow.page;

  rk_pdf_document_add_rule (doc, page, 0, top, form->width, top, RULE, 0);
  rk_pdf_document_add_rule (doc, page, 0, top + height, form->width, top + height, RULE, 0);
  rk_pdf_document_add_rule (doc, page, 0, top, 0, top + height, OUTER_RULE, 0);
  rk_pdf_document_add_rule (doc, page, form->width, top, form->width, top + height, OUTER_RULE, 0);
  if (divider >= 0)
    rk_pdf_document_add_rule (doc, page, divider, top, divider, top + height, RULE, 0);
}

/* A row of the form, measured before any is placed: its layouts, the height its text needs and the writing space a
 * hand needs (which may shrink a little so that the form fits on one sheet). */
typedef struct {
  PangoLayout *label;       /* NULL for a lone checkbox, whose label is its answer */
  PangoLayout *answer;      /* NULL for a blank writing space */
  double       text_height; /* what the layouts need, with padding */
  double       blank;       /* the writing space wanted */
  gboolean     top_aligned;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->label);
  g_clear_object (&row->answer);
}

static void
measure_field (Form              *form,
               const RkFormField *field,
               Row               *row)
{
  const char *label = field->label != NULL ? field->label : "";
  double answer_width = form->width - form->label_width - 2 * PAD_X;
  g_auto(GStrv) choices = rk_form_field_dup_choices (field);

  if (field->kind == RK_FORM_FIELD_CHECKBOX && (choices == NULL || choices[0] == NULL))
    {
      /* One box: the label is what is ticked, across the whole row. */
      g_autofree char *text = g_strdup_printf ("□ %s", label);

      row->answer = cell_layout (form, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE, form->width - 2 * PAD_X, text);
      row->text_height = rk_pdf_layout_get_height (row->answer) + 2 * PAD_Y;
      row->blank = ROW_HEIGHT - 8;
      return;
    }

  row->label = cell_layout (form, RK_PDF_FACE_GOTHIC, CELL_SIZE, FALSE, form->label_width - 2 * PAD_X, label);
  row->blank = ROW_HEIGHT;
  switch (field->kind)
    {
    case RK_FORM_FIELD_DATE:
      row->answer = cell_layout (form, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE, answer_width,
                                 "令和　　　年　　　月　　　日");
      break;
    case RK_FORM_FIELD_CHOICE:
    case RK_FORM_FIELD_CHECKBOX:
      row->answer = choices_layout (form, answer_width, choices);
      break;
    case RK_FORM_FIELD_TEXT:
    default:
      /* Blank: the writing space itself. */
      if (is_long_label (label))
        row->blank = LONG_HEIGHT;
      row->top_aligned = TRUE;
      break;
    }
  row->text_height = rk_pdf_layout_get_height (row->label) + 2 * PAD_Y;
  if (row->answer != NULL)
    row->text_height = MAX (row->text_height, rk_pdf_layout_get_height (row->answer) + 2 * PAD_Y);
}

static double
row_height (const Row *row,
            double     squeeze)
{
  return MAX (row->blank * squeeze, row->text_height);
}

/* How much of the writing space every row keeps so that all of them fit in @available: 1 when they fit as they
 * are; down to MIN_SQUEEZE (a form of many fields runs on to a second sheet rather than leave no room to write). */
#define MIN_SQUEEZE 0.6

static double
choose_squeeze (const GArray *rows,
                double        available)
{
  double total = 0;

  for (guint i = 0; i < rows->len; i++)
    total += row_height (&g_array_index (rows, Row, i), MIN_SQUEEZE);
  if (total > available)
    return 1.0;
  for (double squeeze = 1.0; squeeze > MIN_SQUEEZE; squeeze -= 0.05)
    {
      total = 0;
      for (guint i = 0; i < rows->len; i++)
        total += row_height (&g_array_index (rows, Row, i), squeeze);
      if (total <= available)
        return squeeze;
    }
  return MIN_SQUEEZE;
}

static void
place_row (Form      *form,
           const Row *row,
           double     squeeze)
{
  double height = row_height (row, squeeze);
  double top;

  /* A row never splits over two pages. */
  rk_pdf_flow_ensure (&form->flow, height);
  top = form->flow.y;
  if (row->label == NULL)
    {
      rk_pdf_document_add_layout (form->doc, form->flow.page, PAD_X,
                                  top + (height - rk_pdf_layout_get_height (row->answer)) / 2, row->answer);
      row_rules (form, top, height, -1);
      rk_pdf_flow_skip (&form->flow, height);
      return;
    }

  rk_pdf_document_add_fill (form->doc, form->flow.page, 0, top, form->label_width, height, LABEL_GRAY);
  rk_pdf_document_add_layout (form->doc, form->flow.page, PAD_X,
                              row->top_aligned && height > ROW_HEIGHT
                                ? top + PAD_Y
                                : top + (height - rk_pdf_layout_get_height (row->label)) / 2,
                              row->label);
  if (row->answer != NULL)
    rk_pdf_document_add_layout (form->doc, form->flow.page, form->label_width + PAD_X,
                                top + (height - rk_pdf_layout_get_height (row->answer)) / 2, row->answer);
  row_rules (form, top, height, form->label_width);
  rk_pdf_flow_skip (&form->flow, height);
}

RkPdfDocument *
rk_form_pdf_build (const char               *council_name,
                   const char               *form_label,
                   const char               *title,
                   const RkFormField *const *fields,
                   guint                     n_fields)
{
  g_autoptr(PangoLayout) council = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(GString) heading_text = g_string_new (NULL);
  g_autoptr(GArray) rows = NULL;
  Form form = { 0 };
  double height, squeeze;

  g_return_val_if_fail (fields != NULL || n_fields == 0, NULL);

  form.doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  rk_pdf_document_set_page_numbers (form.doc, RK_PDF_PAGE_NUMBERS_DASHED, 0);
  rk_pdf_flow_init (&form.flow, form.doc);
  rk_pdf_document_get_content_size (form.doc, 0, &form.width, &height);
  form.label_width = MIN (RK_PDF_MM (45), form.width * 0.35);

  if (council_name != NULL && *council_name != '\0')
    {
      council = cell_layout (&form, RK_PDF_FACE_GOTHIC, SMALL_SIZE, FALSE, form.width, council_name);
      pango_layout_set_alignment (council, PANGO_ALIGN_RIGHT);
      rk_pdf_flow_add_block (&form.flow, 0, council);
      rk_pdf_flow_skip (&form.flow, 4);
    }

  if (form_label != NULL && *form_label != '\0')
    g_string_append_printf (heading_text, "【%s】", form_label);
  g_string_append (heading_text, title != NULL ? title : "");
  heading = cell_layout (&form, RK_PDF_FACE_GOTHIC, TITLE_SIZE, TRUE, form.width, heading_text->str);
  pango_layout_set_alignment (heading, PANGO_ALIGN_CENTER);
  rk_pdf_flow_add_block (&form.flow, 0, heading);
  rk_pdf_flow_skip (&form.flow, 14);

  /* Measured first, placed after: a form is one sheet when its writing spaces can give a little. */
  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows, row_clear);
  for (guint i = 0; i < n_fields; i++)
    if (fields[i] != NULL)
      {
        g_array_set_size (rows, rows->len + 1);
        measure_field (&form, fields[i], &g_array_index (rows, Row, rows->len - 1));
      }
  squeeze = choose_squeeze (rows, rk_pdf_flow_get_remaining (&form.flow));
  for (guint i = 0; i < rows->len; i++)
    place_row (&form, &g_array_index (rows, Row, i), squeeze);

  return form.doc;
}

gboolean
rk_form_pdf_export (const char               *council_name,
                    const char               *form_label,
                    const char               *title,
                    const RkFormField *const *fields,
                    guint                     n_fields,
                    const char               *path,
                    GDateTime                *creation_date,
                    GError                  **error)
{
  g_autoptr(RkPdfDocument) doc = NULL;
  g_autofree char *full_title = NULL;
  RkPdfMetadata metadata = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = rk_form_pdf_build (council_name, form_label, title, fields, n_fields);
  full_title = form_label != NULL && *form_label != '\0'
                 ? g_strdup_printf ("【%s】%s", form_label, title != NULL ? title : "")
                 : g_strdup (title != NULL ? title : "");
  metadata.title = full_title;
  metadata.author = council_name;
  metadata.subject = _("Form");
  metadata.keywords = form_label;
  metadata.creation_date = creation_date;
  return rk_pdf_document_export (doc, path, &metadata, NULL, NULL, NULL, error);
}

/* rk-form-pdf.h — an annex form (様式) of a rule printed as a fill-in form: 「【様式1】救急医療情報シート」 over a
 * bordered table with one row per field, a shaded label cell and an empty writing cell (blank space for text,
 * 「令和　　年　　月　　日」 for a date, □ before each choice, □ before a checkbox's label). GTK-free. */
#pragma once

#include "rk-pdf.h"
#include "rk-rule.h"

G_BEGIN_DECLS

/* An A4 portrait form. @council_name (nullable) is printed small at the top right; @form_label (nullable: "様式1")
 * goes in 【】 before @title. @fields is an array of @n_fields pointers, e.g. the pdata of the GPtrArray from
 * rk_store_list_form_fields() or of RkRuleExportSection.fields. Rows never split across pages. */
RkPdfDocument *rk_form_pdf_build  (const char               *council_name,
                                   const char               *form_label,
                                   const char               *title,
                                   const RkFormField *const *fields,
                                   guint                     n_fields);

/* Builds the form and writes it to @path (atomically, rk_pdf_document_export()) with the title and the council in
 * the metadata; @creation_date NULL for now. */
gboolean       rk_form_pdf_export (const char               *council_name,
                                   const char               *form_label,
                                   const char               *title,
                                   const RkFormField *const *fields,
                                   guint                     n_fields,
                                   const char               *path,
                                   GDateTime                *creation_date,
                                   GError                  **error);

G_END_DECLS

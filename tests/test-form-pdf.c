/* test-form-pdf.c — an annex form (様式) printed as a fill-in form. */

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "rk-form-pdf.h"
#include "rk-test-core.h"

#define COUNCIL "みなと市在宅医療・救急医療連携推進協議会"

/* The 救急医療情報シート: every kind, long-text labels, a choice wrapping over lines. */
static const RkFormField sheet[] = {
  { 1, 0, (char *) "記入日", RK_FORM_FIELD_DATE, (char *) "" },
  { 2, 1, (char *) "氏名(ふりがな)", RK_FORM_FIELD_TEXT, (char *) "" },
  { 3, 2, (char *) "生年月日", RK_FORM_FIELD_DATE, (char *) "" },
  { 4, 3, (char *) "性別", RK_FORM_FIELD_CHOICE, (char *) "男\n女\n" },
  { 5, 4, (char *) "住所", RK_FORM_FIELD_TEXT, (char *) "" },
  { 6, 5, (char *) "持病・既往歴", RK_FORM_FIELD_TEXT, (char *) "" },
  { 7, 6, (char *) "服薬", RK_FORM_FIELD_TEXT, (char *) "" },
  { 8, 7, (char *) "かかりつけ医療機関", RK_FORM_FIELD_TEXT, (char *) "" },
  { 9, 8, (char *) "介護度", RK_FORM_FIELD_CHOICE,
    (char *) "なし\n要支援1\n要支援2\n要介護1\n要介護2\n要介護3\n要介護4\n要介護5\n申請中\n不明" },
  { 10, 9, (char *) "緊急時に望む対応", RK_FORM_FIELD_CHECKBOX,
    (char *) "心肺蘇生を望む\n心肺蘇生を望まない\n家族と相談" },
  { 11, 10, (char *) "本人・家族の同意を得ている", RK_FORM_FIELD_CHECKBOX, (char *) "" },
};

static const char *const sheet_choices[] = {
  "□男", "□女", "□なし", "□要支援1", "□要介護5", "□申請中", "□不明", "□心肺蘇生を望む", "□心肺蘇生を望まない",
  "□家族と相談", "□ 本人・家族の同意を得ている",
};

static const RkFormField *const *
sheet_pointers (void)
{
  static const RkFormField *pointers[G_N_ELEMENTS (sheet)];

  for (guint i = 0; i < G_N_ELEMENTS (sheet); i++)
    pointers[i] = &sheet[i];
  return pointers;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  /* Extracted lines break where the PDF's lines do; compare without line breaks. */
  return g_strdelimit (rk_test_pdf_page_text (pdf, index, NULL), "\n", ' ');
}

/* "- 2 -" in the footer; extraction may drop the spaces. */
static gboolean
has_page_number (const char *text,
                 int         number)
{
  g_autofree char *pattern = g_strdup_printf ("-\\s*%d\\s*-", number);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static PopplerDocument *
export_and_open (const RkFormField *const *fields,
                 guint                     n_fields,
                 char                    **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rk_test_make_tmp_dir ("renkei-form-XXXXXX");
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_utc (2025, 10, 1, 9, 0, 0);
  PopplerDocument *pdf;

  path = g_build_filename (dir, "様式1.pdf", NULL);
  g_assert_true (rk_form_pdf_export (COUNCIL, "様式1", "救急医療情報シート", fields, n_fields, path, created,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  pdf = rk_test_open_pdf (path);
  *dir_out = g_steal_pointer (&dir);
  return pdf;
}

static void
test_sheet (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RkTestPdf) pdf = export_and_open (sheet_pointers (), G_N_ELEMENTS (sheet), &dir);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autoptr(RkTestPdfFontInfo) font_info = NULL;
  PopplerFontsIter *fonts = NULL;
  guint n_fonts = 0;
  const char *p;
  guint n_dates = 0;

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = page_text (pdf, 0);

  g_assert_nonnull (strstr (text, "【様式1】救急医療情報シート"));
  g_assert_nonnull (strstr (text, COUNCIL));
  for (guint i = 0; i < G_N_ELEMENTS (sheet); i++)
    g_assert_nonnull (strstr (text, sheet[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (sheet_choices); i++)
    {
      if (strstr (text, sheet_choices[i]) == NULL)
        g_test_message ("missing %s in: %s", sheet_choices[i], text);
      g_assert_nonnull (strstr (text, sheet_choices[i]));
    }
  /* Neither a text field nor a date gets a box. */
  g_assert_null (strstr (text, "□住所"));
  g_assert_null (strstr (text, "□記入日"));

  /* Two date fields, each written as 令和　年　月　日. */
  for (p = text; (p = strstr (p, "令和")) != NULL; p += strlen ("令和"))
    {
      const char *year = strstr (p, "年");
      const char *month = year != NULL ? strstr (year, "月") : NULL;
      const char *day = month != NULL ? strstr (month, "日") : NULL;

      g_assert_nonnull (day);
      n_dates++;
    }
  g_assert_cmpuint (n_dates, ==, 2);

  /* Page number. */
  g_assert_true (has_page_number (text, 1));

  /* Metadata. */
  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, "【様式1】救急医療情報シート");
  author = poppler_document_get_author (pdf);
  g_assert_cmpstr (author, ==, COUNCIL);

  /* Fonts: embedded, Japanese faces (Gothic for labels and title, Mincho for answers). */
  font_info = poppler_font_info_new (pdf);
  g_assert_true (poppler_font_info_scan (font_info, poppler_document_get_n_pages (pdf), &fonts));
  g_assert_nonnull (fonts);
  do
    {
      g_assert_true (poppler_fonts_iter_is_embedded (fonts));
      n_fonts++;
    }
  while (poppler_fonts_iter_next (fonts));
  poppler_fonts_iter_free (fonts);
  g_assert_cmpuint (n_fonts, >=, 2);

  rk_test_remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* A field whose label suggests long text gets a taller writing cell than a one-line one. */
static double
label_top (PopplerPage *page,
           const char  *label)
{
  GList *rects = poppler_page_find_text (page, label);
  double height, top;

  g_assert_nonnull (rects);
  poppler_page_get_size (page, NULL, &height);
  /* find_text gives PDF coordinates, origin at the bottom. */
  top = height - ((PopplerRectangle *) rects->data)->y2;
  g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
  return top;
}

static void
test_heights (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RkTestPdf) pdf = export_and_open (sheet_pointers (), G_N_ELEMENTS (sheet), &dir);
  g_autoptr(RkTestPdfPage) page = poppler_document_get_page (pdf, 0);
  double name_top = label_top (page, "氏名(ふりがな)");
  double birth_top = label_top (page, "生年月日");
  double history_top = label_top (page, "持病・既往歴");
  double medicine_top = label_top (page, "服薬");

  /* 持病・既往歴 (long) takes more room down to 服薬 than 氏名 (short) down to 生年月日. */
  g_assert_cmpfloat (medicine_top - history_top, >, (birth_top - name_top) * 1.5);
  rk_test_remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* The typical 救急医療情報シート of DOMAIN.md has more writing space than one sheet at full height: the spaces give
 * a little and it stays one sheet, long spaces still taller than short ones. */
static void
test_one_sheet (void)
{
  static const char *const labels[] = {
    "氏名(ふりがな)", "性別", "生年月日", "住所", "電話", "血液型", "かかりつけ医療機関", "持病・既往歴", "服薬",
    "アレルギー", "緊急連絡先1(氏名・続柄・電話)", "緊急連絡先2(氏名・続柄・電話)", "延命治療についての希望",
    "備考", "記入日", "次回更新予定日",
  };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_form_field_free);
  g_autofree char *dir = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(RkTestPdfPage) page = NULL;
  double natural = 0, available;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gboolean date = g_str_has_suffix (labels[i], "日");
      RkFormField field = { i + 1, (int) i, (char *) labels[i], date ? RK_FORM_FIELD_DATE : RK_FORM_FIELD_TEXT,
                            (char *) "" };

      g_ptr_array_add (fields, rk_form_field_copy (&field));
      natural += !date && (strstr (labels[i], "連絡先") || strstr (labels[i], "歴") || strstr (labels[i], "薬") ||
                           strstr (labels[i], "住所") || strstr (labels[i], "希望") || strstr (labels[i], "備考") ||
                           strstr (labels[i], "医療機関") || strstr (labels[i], "アレルギー"))
                   ? 80.0 : 34.0;
    }
  /* At full height the spaces alone overflow the A4 text block (257 mm minus the heading). */
  available = RK_PDF_A4_HEIGHT - 2 * RK_PDF_MM (20);
  g_assert_cmpfloat (natural, >, available - 60);

  pdf = export_and_open ((const RkFormField *const *) fields->pdata, fields->len, &dir);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  g_assert_cmpfloat (label_top (page, "服薬") - label_top (page, "持病・既往歴"), >,
                     (label_top (page, "生年月日") - label_top (page, "性別")) * 1.3);
  rk_test_remove_tree (dir);
}

/* More fields than one page holds: rows continue on a second numbered page, none lost. */
static void
test_many_fields (void)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_form_field_free);
  g_autofree char *dir = NULL;
  g_autoptr(RkTestPdf) pdf = NULL;
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *label = g_strdup_printf ("項目%02u", i + 1);
      RkFormField field = { i + 1, (int) i, label, RK_FORM_FIELD_TEXT, (char *) "" };

      g_ptr_array_add (fields, rk_form_field_copy (&field));
    }
  pdf = export_and_open ((const RkFormField *const *) fields->pdata, fields->len, &dir);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_assert_true (has_page_number (text, i + 1));
      g_string_append (all, text);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *label = g_strdup_printf ("項目%02u", i + 1);

      g_assert_nonnull (strstr (all->str, label));
    }
  rk_test_remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* The printing path: page 0 drawn onto an image surface puts ink on it. */
static void
test_draw_page (void)
{
  g_autoptr(RkPdfDocument) doc = rk_form_pdf_build (NULL, NULL, "救急医療情報シート", sheet_pointers (),
                                                    G_N_ELEMENTS (sheet));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  const guchar *data;
  int stride;
  guint dark = 0, shaded = 0;

  g_assert_cmpuint (rk_pdf_document_get_n_pages (doc), ==, 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rk_pdf_document_draw_page (doc, cr, 0, 298, 421);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        guint green = (pixel >> 8) & 0xff;

        if (green < 128)
          dark++;
        else if (green > 200 && green < 245)
          shaded++;
      }
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dark, >, 300);   /* rules and text */
  g_assert_cmpuint (shaded, >, 500); /* the label cells */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form-pdf/sheet", test_sheet);
  g_test_add_func ("/form-pdf/heights", test_heights);
  g_test_add_func ("/form-pdf/many-fields", test_many_fields);
  g_test_add_func ("/form-pdf/one-sheet", test_one_sheet);
  g_test_add_func ("/form-pdf/draw-page", test_draw_page);

  return g_test_run ();
}

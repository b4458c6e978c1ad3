/* rk-test-core.h — helpers every test and benchmark shares (compiled into each of them by tests/meson.build): temporary
 * folders, PDFs read back with poppler-glib, the demo council, and medians for the benchmarks. They assert instead of
 * returning errors: a helper that fails fails the test. */
#pragma once

#include <poppler.h>

#include "rk-store.h"

G_BEGIN_DECLS

/* poppler-glib 22.12 declares no autoptr cleanups. */
typedef PopplerDocument RkTestPdf;
typedef PopplerPage RkTestPdfPage;
typedef PopplerFontInfo RkTestPdfFontInfo;
typedef PopplerIndexIter RkTestPdfIndexIter;
typedef PopplerAction RkTestPdfAction;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkTestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkTestPdfPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkTestPdfFontInfo, poppler_font_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkTestPdfIndexIter, poppler_index_iter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkTestPdfAction, poppler_action_free)

/* Prepares a run, before anything reads the date or the user data folder (GLib caches it): pins today (RK_TODAY)
 * to @today unless it is NULL; unless @tmpl is NULL, makes a temporary folder from @tmpl (as g_dir_make_tmp() takes
 * it) whose subfolder "data" is XDG_DATA_HOME, where the store's backups go; then runs g_test_init(). Returns the
 * folder (owned by the helpers; NULL without @tmpl). */
const char      *rk_test_core_init      (int               *argc,
                                         char            ***argv,
                                         const char        *tmpl,
                                         const char        *today);
/* Runs the tests added, removes the folder of rk_test_core_init() (kept, and named, when a test failed) and returns
 * what g_test_run() returned. */
int              rk_test_core_run       (void);

/* A new temporary folder from @tmpl (as g_dir_make_tmp() takes it). */
char            *rk_test_make_tmp_dir   (const char        *tmpl);
/* Removes @path and, when it is a folder, all it holds (a read-only folder too; links are removed, not followed). */
void             rk_test_remove_tree    (const char        *path);
/* How many entries the folder @dir holds. */
guint            rk_test_count_entries  (const char        *dir);
/* With $RK_KEEP_PDF set, copies @path there as @name, to look at the output. */
void             rk_test_keep_file      (const char        *path,
                                         const char        *name);

/* @text without any of the characters in @drop (UTF-8): poppler guesses spaces from the gaps between glyphs, and
 * extracted lines break where the PDF's lines do. */
char            *rk_test_strip          (const char        *text,
                                         const char        *drop);

/* The PDF at @path. */
PopplerDocument *rk_test_open_pdf       (const char        *path);
/* The text of page @index of @pdf, without the characters in @drop (none when NULL). */
char            *rk_test_pdf_page_text  (PopplerDocument   *pdf,
                                         int                index,
                                         const char        *drop);
/* The text of all pages of @pdf, each ended by a line break, without the characters in @drop (none when NULL). */
char            *rk_test_pdf_text       (PopplerDocument   *pdf,
                                         const char        *drop);

/* Writes the demo council to @path and opens it. */
RkStore         *rk_test_open_demo      (const char        *path);

/* For qsort() and g_array_sort() on doubles. */
int              rk_test_compare_doubles (gconstpointer     a,
                                          gconstpointer     b);
/* The median of the @n @values (sorted in place); the mean of the middle two when @n is even. */
double           rk_test_median         (double            *values,
                                         guint              n);

G_END_DECLS

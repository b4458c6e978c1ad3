/* rk-store-indicators.h — the 効果検証指標 part of the store (app/rk-store-indicators.c): the chosen indicators,
 * their measurements per period, and the CSV import of measurements. */
#pragma once

#include "rk-indicator.h"
#include "rk-csv.h"
#include "rk-store.h"

G_BEGIN_DECLS

/* All indicators not deleted, by position (the order they were chosen in). Changes as they are added, edited,
 * removed, restored; a change of an indicator's measurements notifies its "n-values" and "status". */
GListModel  *rk_store_get_indicators             (RkStore               *self);
/* Validates @info (rk_indicator_info_validate(), an RK_INDICATOR_ERROR) and appends it. A catalog code already
 * chosen (and not in the bin) is refused with RK_STORE_ERROR_INVALID. Returns a new reference. */
RkIndicator *rk_store_add_indicator              (RkStore               *self,
                                                  const RkIndicatorInfo *info,
                                                  GError               **error);
/* rk_store_add_indicator() of rk_indicator_info_init_from_def() for the catalog's @code (unknown code:
 * RK_STORE_ERROR_INVALID). */
RkIndicator *rk_store_add_catalog_indicator      (RkStore               *self,
                                                  const char            *code,
                                                  GError               **error);
/* Validates as above; also refuses a frequency change while measurements of the old frequency exist and, for a
 * ratio turned direct or back, nothing is recomputed: recorded values stay as they were. */
gboolean     rk_store_update_indicator           (RkStore               *self,
                                                  RkIndicator           *indicator,
                                                  const RkIndicatorInfo *info,
                                                  GError               **error);
/* To the bin and back (measurements are kept). */
gboolean     rk_store_remove_indicator           (RkStore               *self,
                                                  RkIndicator           *indicator,
                                                  GError               **error);
gboolean     rk_store_restore_indicator          (RkStore               *self,
                                                  RkIndicator           *indicator,
                                                  GError               **error);
/* Among the listed indicators: by catalog code, or by name (exact, trimmed). NULL when none; transfer none. */
RkIndicator *rk_store_lookup_indicator           (RkStore               *self,
                                                  const char            *code_or_name);

typedef enum {
  RK_VALUE_SET = 0, /* a period already recorded is updated (editing a measurement) */
  RK_VALUE_ADD = 1, /* a period already recorded is refused, RK_STORE_ERROR_INVALID naming it ("new" entry) */
} RkValueMode;

/* Records a measurement; the period is stored in its canonical form ("2025h1" → "2025H1"). A ratio indicator takes
 * numerator and denominator (has_parts), or a value already computed (e.g. a published percentage). Refused
 * (RK_INDICATOR_ERROR): a period not of the indicator's frequency; parts given for a direct indicator; a zero
 * denominator; a value out of range (rk_indicator_info_check_value(), e.g. 120 % for unit "%"). */
gboolean     rk_store_set_indicator_value        (RkStore                    *self,
                                                  RkIndicator                *indicator,
                                                  const RkIndicatorValueInfo *info,
                                                  RkValueMode                 mode,
                                                  GError                    **error);
/* Removes the measurement of @period (NOT_FOUND when there is none). */
gboolean     rk_store_remove_indicator_value     (RkStore               *self,
                                                  RkIndicator           *indicator,
                                                  const char            *period,
                                                  GError               **error);

/* ---- CSV import -----------------------------------------------------------------------------------------------
 * Columns (header row, any order, matched after trimming): 指標コード or 指標名 (one of them required; the code wins
 * when both are filled), 期間 (required: the stored form "2025", "2025H1", "2025Q1", "2025-04"), 値 or 分子 + 分母
 * (a ratio indicator takes 分子 and 分母, or 値 when they are empty; a direct one takes 値), 備考 (optional). Blank
 * rows are skipped. UTF-8 or CP932 (rk-csv.h). */

typedef struct {
  guint  line;    /* the row's line in the file, 1-based */
  char  *message; /* translated, names the cell: "Unknown indicator code “X9”." */
} RkIndicatorImportProblem;

typedef struct _RkIndicatorImport RkIndicatorImport;

/* Reads and checks every row against the store's indicators without writing anything. Fails (GError) only for the
 * file as a whole: encoding, syntax, empty, or a header without the required columns (RK_CSV_ERROR_HEADER). A row
 * that is bad — unknown indicator code or name, a period not of the indicator's frequency, text in a number field, a
 * zero denominator, a value out of range (ratio above 100 %), a period repeated in the file — becomes a problem;
 * the others are good rows. */
RkIndicatorImport *rk_store_read_indicator_csv   (RkStore               *self,
                                                  GBytes                *data,
                                                  GError               **error);
void         rk_indicator_import_free            (RkIndicatorImport     *import);
RkCsvEncoding rk_indicator_import_get_encoding   (RkIndicatorImport     *import);
guint        rk_indicator_import_get_n_good      (RkIndicatorImport     *import);
/* Of the good rows, how many replace a measurement already recorded. */
guint        rk_indicator_import_get_n_replacing (RkIndicatorImport     *import);
/* The bad rows, by line: RkIndicatorImportProblem, owned by @import. */
guint        rk_indicator_import_get_n_problems  (RkIndicatorImport     *import);
const RkIndicatorImportProblem *rk_indicator_import_get_problem (RkIndicatorImport *import,
                                                                 guint              index);
/* Writes every good row in one transaction — all or nothing; a period already recorded is updated (the file is
 * taken as the newer source). Bad rows are never written; the caller shows them first. Applying twice does nothing
 * more. */
gboolean     rk_store_apply_indicator_import     (RkStore               *self,
                                                  RkIndicatorImport     *import,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkIndicatorImport, rk_indicator_import_free)

G_END_DECLS

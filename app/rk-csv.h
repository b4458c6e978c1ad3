/* rk-csv.h — comma-separated values as Excel reads and writes them in Japan: RFC 4180 records in UTF-8 (with or
 * without a BOM) or Shift_JIS as Windows has it (CP932), the encoding detected on read. Generic: the roster and the
 * indicator measurements both use it; the meaning of the columns is the caller's.
 *
 * Formula injection: a cell that starts with =, +, -, @, a tab or a carriage return would be run by Excel as a
 * formula. With RK_CSV_WRITE_ESCAPE_FORMULAS such a cell — and one that starts with apostrophes followed by one of
 * those characters — is written with one more leading apostrophe; RK_CSV_READ_UNESCAPE_FORMULAS removes exactly
 * that apostrophe again, so export followed by import gives back the very same text.
 *
 * CP932 output: a character CP932 cannot represent (e.g. 𠮷, emoji, Hangul) is replaced with 〓 (geta, the
 * customary mark for a missing character) and counted, so the caller can tell the user how many were replaced;
 * nothing fails. Characters CP932 has in both NEC and IBM extensions (髙, 﨑, ①) are written as Windows does. A few
 * characters are mapped to their Windows look-alikes by iconv (〜 U+301C is read back as ～ U+FF5E). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RK_CSV_ENCODING_UTF8  = 0, /* written with a BOM, so Excel opens it as UTF-8 */
  RK_CSV_ENCODING_CP932 = 1, /* Shift_JIS with the Windows (NEC/IBM) extensions */
} RkCsvEncoding;

/* Larger input is refused before anything is decoded: a roster or a table of measurements is far smaller. */
#define RK_CSV_MAX_SIZE (64 * 1024 * 1024)

#define RK_CSV_ERROR (rk_csv_error_quark ())
typedef enum {
  RK_CSV_ERROR_TOO_LARGE, /* over RK_CSV_MAX_SIZE */
  RK_CSV_ERROR_ENCODING,  /* neither UTF-8 nor CP932 (binary, EUC-JP, UTF-16) */
  RK_CSV_ERROR_SYNTAX,    /* an unterminated quoted field */
  RK_CSV_ERROR_EMPTY,     /* no records at all */
  RK_CSV_ERROR_HEADER,    /* a caller's column check failed (missing or repeated column) */
  RK_CSV_ERROR_FAILED,    /* the conversion itself is unavailable */
} RkCsvError;

GQuark       rk_csv_error_quark        (void);

/* "UTF-8" or "Shift_JIS (CP932)": the usual names, the same in every language. */
const char  *rk_csv_encoding_to_string (RkCsvEncoding  encoding);

/* Detects the encoding of @data (a UTF-8 BOM, valid UTF-8, else CP932) and returns the text as UTF-8 without BOM,
 * NUL-terminated; @length (nullable) receives its length. A file that is neither, or larger than RK_CSV_MAX_SIZE,
 * gives an RK_CSV_ERROR with a message for the user. */
char        *rk_csv_decode             (const guint8   *data,
                                        gsize           size,
                                        RkCsvEncoding  *encoding,
                                        gsize          *length,
                                        GError        **error);

/* Encodes UTF-8 @text: UTF-8 gets a BOM; CP932 replaces what it cannot represent with 〓 and sets *@n_replaced
 * (nullable) to how many it replaced (0 for UTF-8). */
GBytes      *rk_csv_encode             (const char     *text,
                                        gsize           length,
                                        RkCsvEncoding   encoding,
                                        guint          *n_replaced,
                                        GError        **error);

/* TRUE when Excel would take @field as a formula (see above). */
gboolean     rk_csv_field_needs_formula_escape (const char *field);

/* ---------------------------------------------------------------------------------------------------------- */
typedef enum {
  RK_CSV_READ_NONE              = 0,
  RK_CSV_READ_UNESCAPE_FORMULAS = 1 << 0,
} RkCsvReadFlags;

/* The records of a file: each with its fields and the line it starts on (1-based, counting physical lines, so a
 * quoted newline moves the next record down). Empty lines are records with one empty field; the final line end
 * does not start a record. */
typedef struct _RkCsvTable RkCsvTable;

RkCsvTable  *rk_csv_table_new_from_bytes (GBytes         *data,
                                          RkCsvReadFlags  flags,
                                          GError        **error);
/* @text is UTF-8 (-1 for NUL-terminated); the encoding reported is RK_CSV_ENCODING_UTF8. */
RkCsvTable  *rk_csv_table_new_from_text  (const char     *text,
                                          gssize          length,
                                          RkCsvReadFlags  flags,
                                          GError        **error);
void         rk_csv_table_free           (RkCsvTable     *self);
RkCsvEncoding rk_csv_table_get_encoding  (RkCsvTable     *self);
guint        rk_csv_table_get_n_rows     (RkCsvTable     *self);
guint        rk_csv_table_get_line       (RkCsvTable     *self,
                                          guint           row);
guint        rk_csv_table_get_n_fields   (RkCsvTable     *self,
                                          guint           row);
/* The field's text (owned by the table); NULL when the record has fewer fields. */
const char  *rk_csv_table_get_field      (RkCsvTable     *self,
                                          guint           row,
                                          guint           column);
/* TRUE when every field of the record is empty or white space (Excel writes such rows as ",,,,"). */
gboolean     rk_csv_table_row_is_blank   (RkCsvTable     *self,
                                          guint           row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkCsvTable, rk_csv_table_free)

/* ---------------------------------------------------------------------------------------------------------- */
typedef enum {
  RK_CSV_WRITE_NONE            = 0,
  RK_CSV_WRITE_ESCAPE_FORMULAS = 1 << 0,
} RkCsvWriteFlags;

/* Collects records in memory, then encodes them at once. Fields are quoted when they hold a comma, a quote or a
 * line break; records end with CRLF, as Excel writes them. */
typedef struct _RkCsvWriter RkCsvWriter;

RkCsvWriter *rk_csv_writer_new     (RkCsvWriteFlags     flags);
void         rk_csv_writer_free    (RkCsvWriter        *self);
/* A NULL field is written empty. */
void         rk_csv_writer_add_row (RkCsvWriter        *self,
                                    const char * const *fields,
                                    guint               n_fields);
/* The file's bytes; see rk_csv_encode() for @n_replaced. The writer may be used on and finished again. */
GBytes      *rk_csv_writer_finish  (RkCsvWriter        *self,
                                    RkCsvEncoding       encoding,
                                    guint              *n_replaced,
                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkCsvWriter, rk_csv_writer_free)

G_END_DECLS

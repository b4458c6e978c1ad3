/* rk-csv.c — RFC 4180 records in UTF-8 or CP932, as Excel reads and writes them. */

#include "rk-csv.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

G_DEFINE_QUARK (rk-csv-error-quark, rk_csv_error)

#define UTF8_BOM "\xEF\xBB\xBF"
/* 〓 (U+3013 GETA MARK) in CP932. */
#define CP932_GETA "\x81\xAC"

const char *
rk_csv_encoding_to_string (RkCsvEncoding encoding)
{
  switch (encoding)
    {
    case RK_CSV_ENCODING_UTF8:
      return "UTF-8";
    case RK_CSV_ENCODING_CP932:
      return "Shift_JIS (CP932)";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_not_text_error (GError **error)
{
  g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING,
                       _("The file is neither UTF-8 nor Shift_JIS (CP932) text. Save it from Excel as "
                         "“CSV UTF-8” or “CSV” and try again."));
}

/* Text never holds these control bytes; they mark a binary file. They cannot be part of a CP932 double-byte
 * character either (trail bytes start at 0x40), so looking at the raw bytes is right for both encodings. */
static gboolean
has_binary_bytes (const guint8 *data, gsize size)
{
  for (gsize i = 0; i < size; i++)
    {
      guint8 c = data[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_halfwidth_katakana (const char *text, gsize length)
{
  /* U+FF61–U+FF9F are EF BD A1–BF and EF BE 80–9F in UTF-8. */
  for (const char *p = memchr (text, 0xEF, length); p != NULL && p + 2 < text + length;
       p = memchr (p + 1, 0xEF, text + length - (p + 1)))
    {
      guint8 b1 = p[1], b2 = p[2];

      if ((b1 == 0xBD && b2 >= 0xA1 && b2 <= 0xBF) || (b1 == 0xBE && b2 >= 0x80 && b2 <= 0x9F))
        return TRUE;
    }
  return FALSE;
}

/* EUC-JP kanji are byte pairs in A1–FE, which CP932 also accepts — mostly as half-width katakana. Real CP932 text
 * with hiragana or common kanji uses lead bytes 81–9F and is almost never valid EUC-JP, so bytes that are valid
 * EUC-JP and either not CP932 or CP932 only as half-width katakana are EUC-JP: say so rather than show garbage. */
static gboolean
looks_like_euc_jp (const guint8 *data, gsize size, const char *cp932_text, gsize cp932_length)
{
  g_autofree char *euc = NULL;

  if (cp932_text != NULL && !has_halfwidth_katakana (cp932_text, cp932_length))
    return FALSE;
  euc = g_convert ((const char *) data, size, "UTF-8", "EUC-JP", NULL, NULL, NULL);
  return euc != NULL;
}

char *
rk_csv_decode (const guint8   *data,
               gsize           size,
               RkCsvEncoding  *encoding,
               gsize          *length,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;
  gsize text_length;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (size > RK_CSV_MAX_SIZE)
    {
      g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (RK_CSV_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_TOO_LARGE,
                   _("The file is too large (%s). Files up to %s can be read."), have, limit);
      return NULL;
    }

  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING,
                           _("The file is in UTF-16 (Excel’s “Unicode Text”), which is neither UTF-8 nor "
                             "Shift_JIS (CP932). Save it from Excel as “CSV UTF-8” and try again."));
      return NULL;
    }

  if (has_binary_bytes (data, size))
    {
      set_not_text_error (error);
      return NULL;
    }

  if (size >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      size -= 3;
      if (!g_utf8_validate ((const char *) data, size, NULL))
        {
          g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING,
                               _("The file is marked as UTF-8 but is not valid UTF-8. Save it again from "
                                 "Excel as “CSV UTF-8” and try again."));
          return NULL;
        }
    }

  if (g_utf8_validate ((const char *) data, size, NULL))
    {
      text = g_malloc (size + 1);
      if (size > 0)
        memcpy (text, data, size);
      text[size] = '\0';
      text_length = size;
      if (encoding != NULL)
        *encoding = RK_CSV_ENCODING_UTF8;
    }
  else
    {
      text = g_convert ((const char *) data, size, "UTF-8", "CP932", NULL, &text_length, &local_error);
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_FAILED,
                       _("Shift_JIS (CP932) files cannot be read on this system: %s"), local_error->message);
          return NULL;
        }
      if (looks_like_euc_jp (data, size, text, text_length))
        {
          g_free (text);
          g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_ENCODING,
                               _("The file looks like EUC-JP, which is neither UTF-8 nor Shift_JIS (CP932). "
                                 "Save it as “CSV UTF-8” and try again."));
          return NULL;
        }
      if (text == NULL)
        {
          set_not_text_error (error);
          return NULL;
        }
      if (encoding != NULL)
        *encoding = RK_CSV_ENCODING_CP932;
    }

  if (length != NULL)
    *length = text_length;
  return text;
}

static GBytes *
encode_cp932 (const char *text, gsize length, guint *n_replaced, GError **error)
{
  GByteArray *out;
  GIConv cd;
  char *in = (char *) text;
  gsize in_left = length;
  guint replaced = 0;

  cd = g_iconv_open ("CP932", "UTF-8");
  if (cd == (GIConv) -1)
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_FAILED,
                           _("Shift_JIS (CP932) files cannot be written on this system."));
      return NULL;
    }

  /* CP932 takes at most two bytes for a character that UTF-8 writes in two or three. */
  out = g_byte_array_sized_new (length + 16);
  while (in_left > 0)
    {
      char buffer[8192];
      char *o = buffer;
      gsize o_left = sizeof buffer;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      int saved_errno = errno;

      g_byte_array_append (out, (const guint8 *) buffer, o - buffer);
      if (r != (gsize) -1 || saved_errno == E2BIG)
        continue;

      if (saved_errno == EILSEQ || saved_errno == EINVAL)
        {
          /* A character CP932 lacks (or a broken UTF-8 byte): write 〓 in its place and go on. */
          gunichar c = g_utf8_get_char_validated (in, in_left);
          gsize skip = (c == (gunichar) -1 || c == (gunichar) -2) ? 1 : (gsize) (g_utf8_next_char (in) - in);

          g_byte_array_append (out, (const guint8 *) CP932_GETA, 2);
          replaced++;
          in += MIN (skip, in_left);
          in_left -= MIN (skip, in_left);
          continue;
        }

      g_iconv_close (cd);
      g_byte_array_unref (out);
      g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_FAILED,
                   _("Could not convert the text to Shift_JIS (CP932): %s"), g_strerror (saved_errno));
      return NULL;
    }
  g_iconv_close (cd);

  if (n_replaced != NULL)
    *n_replaced = replaced;
  return g_byte_array_free_to_bytes (out);
}

GBytes *
rk_csv_encode (const char     *text,
               gsize           length,
               RkCsvEncoding   encoding,
               guint          *n_replaced,
               GError        **error)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (n_replaced != NULL)
    *n_replaced = 0;
  if (encoding == RK_CSV_ENCODING_CP932)
    return encode_cp932 (text, length, n_replaced, error);

  {
    guint8 *out = g_malloc (length + 3);

    memcpy (out, UTF8_BOM, 3);
    if (length > 0)
      memcpy (out + 3, text, length);
    return g_bytes_new_take (out, length + 3);
  }
}

gboolean
rk_csv_field_needs_formula_escape (const char *field)
{
  if (field == NULL)
    return FALSE;
  /* Apostrophes already in front count too, so that unescaping removes exactly the one that was added. */
  while (*field == '\'')
    field++;
  return *field == '=' || *field == '+' || *field == '-' || *field == '@' || *field == '\t' || *field == '\r';
}

/* ---------------------------------------------------------------------------------------------------------- */
typedef struct {
  guint line;
  guint first;    /* index in fields */
  guint n_fields;
} RkCsvRecord;

struct _RkCsvTable {
  RkCsvEncoding  encoding;
  GStringChunk  *chunk;
  GPtrArray     *fields;  /* const char *, every record's fields back to back */
  GArray        *records; /* RkCsvRecord */
};

static RkCsvTable *
rk_csv_table_new (void)
{
  RkCsvTable *self = g_new0 (RkCsvTable, 1);

  self->chunk = g_string_chunk_new (64 * 1024);
  self->fields = g_ptr_array_new ();
  self->records = g_array_new (FALSE, FALSE, sizeof (RkCsvRecord));
  return self;
}

void
rk_csv_table_free (RkCsvTable *self)
{
  if (self == NULL)
    return;
  g_string_chunk_free (self->chunk);
  g_ptr_array_unref (self->fields);
  g_array_unref (self->records);
  g_free (self);
}

static void
add_field (RkCsvTable     *self,
           const char     *text,
           gsize           length,
           RkCsvReadFlags  flags)
{
  if (length == 0)
    {
      g_ptr_array_add (self->fields, (gpointer) "");
      return;
    }
  if ((flags & RK_CSV_READ_UNESCAPE_FORMULAS) && text[0] == '\'')
    {
      /* The field is not NUL-terminated here: look at the characters after the apostrophes directly. */
      gsize i = 0;

      while (i < length && text[i] == '\'')
        i++;
      if (i < length && strchr ("=+-@\t\r", text[i]) != NULL)
        {
          text++;
          length--;
        }
    }
  g_ptr_array_add (self->fields, g_string_chunk_insert_len (self->chunk, text, length));
}

/* Whether @p starts a line end; advances over it (CRLF, LF or a lone CR) and counts the line. */
static inline gboolean
skip_line_end (const char **p, const char *end, guint *line)
{
  if (**p == '\n')
    {
      (*p)++;
      (*line)++;
      return TRUE;
    }
  if (**p == '\r')
    {
      (*p)++;
      if (*p < end && **p == '\n')
        (*p)++;
      (*line)++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_text (RkCsvTable     *self,
            const char     *text,
            gsize           length,
            RkCsvReadFlags  flags,
            GError        **error)
{
  const char *p = text;
  const char *end = text + length;
  g_autoptr(GString) quoted = g_string_sized_new (256);
  guint line = 1;

  while (p < end)
    {
      RkCsvRecord record = { line, self->fields->len, 0 };

      for (;;)
        {
          if (p < end && *p == '"')
            {
              guint open_line = line;

              g_string_truncate (quoted, 0);
              p++;
              for (;;)
                {
                  const char *start = p;

                  while (p < end && *p != '"' && *p != '\r' && *p != '\n')
                    p++;
                  g_string_append_len (quoted, start, p - start);
                  if (p >= end)
                    {
                      g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_SYNTAX,
                                   _("Line %u: a quoted field is never closed (a closing \" is missing)."),
                                   open_line);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (quoted, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  /* A line break inside the quotes belongs to the field, as written. */
                  start = p;
                  skip_line_end (&p, end, &line);
                  g_string_append_len (quoted, start, p - start);
                }
              /* Excel keeps text after the closing quote ("a"b → ab); so do we, rather than refuse the file. */
              {
                const char *start = p;

                while (p < end && *p != ',' && *p != '\r' && *p != '\n')
                  p++;
                g_string_append_len (quoted, start, p - start);
              }
              add_field (self, quoted->str, quoted->len, flags);
            }
          else
            {
              const char *start = p;

              while (p < end && *p != ',' && *p != '\r' && *p != '\n')
                p++;
              add_field (self, start, p - start, flags);
            }
          record.n_fields++;

          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          if (p < end)
            skip_line_end (&p, end, &line);
          break;
        }
      g_array_append_val (self->records, record);
    }
  return TRUE;
}

RkCsvTable *
rk_csv_table_new_from_text (const char      *text,
                            gssize           length,
                            RkCsvReadFlags   flags,
                            GError         **error)
{
  g_autoptr(RkCsvTable) self = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  self = rk_csv_table_new ();
  self->encoding = RK_CSV_ENCODING_UTF8;
  if (!parse_text (self, text, length, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

RkCsvTable *
rk_csv_table_new_from_bytes (GBytes          *data,
                             RkCsvReadFlags   flags,
                             GError         **error)
{
  g_autoptr(RkCsvTable) self = NULL;
  g_autofree char *text = NULL;
  RkCsvEncoding encoding;
  gsize size, length;
  const guint8 *bytes;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  text = rk_csv_decode (bytes != NULL ? bytes : (const guint8 *) "", size, &encoding, &length, error);
  if (text == NULL)
    return NULL;
  self = rk_csv_table_new ();
  self->encoding = encoding;
  if (!parse_text (self, text, length, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

RkCsvEncoding
rk_csv_table_get_encoding (RkCsvTable *self)
{
  g_return_val_if_fail (self != NULL, RK_CSV_ENCODING_UTF8);
  return self->encoding;
}

guint
rk_csv_table_get_n_rows (RkCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->records->len;
}

static const RkCsvRecord *
get_record (RkCsvTable *self, guint row)
{
  return &g_array_index (self->records, RkCsvRecord, row);
}

guint
rk_csv_table_get_line (RkCsvTable *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->records->len, 0);
  return get_record (self, row)->line;
}

guint
rk_csv_table_get_n_fields (RkCsvTable *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->records->len, 0);
  return get_record (self, row)->n_fields;
}

const char *
rk_csv_table_get_field (RkCsvTable *self, guint row, guint column)
{
  const RkCsvRecord *record;

  g_return_val_if_fail (self != NULL && row < self->records->len, NULL);

  record = get_record (self, row);
  if (column >= record->n_fields)
    return NULL;
  return g_ptr_array_index (self->fields, record->first + column);
}

gboolean
rk_csv_table_row_is_blank (RkCsvTable *self, guint row)
{
  const RkCsvRecord *record;

  g_return_val_if_fail (self != NULL && row < self->records->len, TRUE);

  record = get_record (self, row);
  for (guint i = 0; i < record->n_fields; i++)
    for (const char *s = g_ptr_array_index (self->fields, record->first + i); *s; s = g_utf8_next_char (s))
      if (!g_unichar_isspace (g_utf8_get_char (s)))
        return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------------------- */
struct _RkCsvWriter {
  RkCsvWriteFlags  flags;
  GString         *text;
};

RkCsvWriter *
rk_csv_writer_new (RkCsvWriteFlags flags)
{
  RkCsvWriter *self = g_new0 (RkCsvWriter, 1);

  self->flags = flags;
  self->text = g_string_sized_new (4096);
  return self;
}

void
rk_csv_writer_free (RkCsvWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self);
}

void
rk_csv_writer_add_row (RkCsvWriter        *self,
                       const char * const *fields,
                       guint               n_fields)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gboolean escape = (self->flags & RK_CSV_WRITE_ESCAPE_FORMULAS) && rk_csv_field_needs_formula_escape (field);
      gboolean quote = strpbrk (field, ",\"\r\n") != NULL;

      if (i > 0)
        g_string_append_c (self->text, ',');
      if (quote)
        g_string_append_c (self->text, '"');
      if (escape)
        g_string_append_c (self->text, '\'');
      for (const char *s = field; *s; s++)
        {
          if (*s == '"')
            g_string_append_c (self->text, '"');
          g_string_append_c (self->text, *s);
        }
      if (quote)
        g_string_append_c (self->text, '"');
    }
  g_string_append (self->text, "\r\n");
}

GBytes *
rk_csv_writer_finish (RkCsvWriter    *self,
                      RkCsvEncoding   encoding,
                      guint          *n_replaced,
                      GError        **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return rk_csv_encode (self->text->str, self->text->len, encoding, n_replaced, error);
}

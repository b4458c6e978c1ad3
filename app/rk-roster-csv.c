/* rk-roster-csv.c — the roster (委員名簿) as CSV: export for Excel, import with a row-by-row preview. */

#include "rk-roster-csv.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rk-catalog.h"

/* The file's column headers are data, not interface text: they stay Japanese in every language, so a file
 * written under one locale reads under any other. */
static const char *const headers[RK_ROSTER_N_COLUMNS] = {
  "所属", "氏名", "ふりがな", "役職", "役割", "構成員区分", "所属会議体", "代理出席者", "電話", "メール",
  "任期開始", "任期終了", "備考",
};

/* Other headers people use for the same columns, compared after NFKC and case folding. */
static const struct {
  RkRosterColumn  column;
  const char     *header;
} header_aliases[] = {
  { RK_ROSTER_COLUMN_ORGANISATION, "所属機関" },
  { RK_ROSTER_COLUMN_ORGANISATION, "所属団体" },
  { RK_ROSTER_COLUMN_ORGANISATION, "団体名" },
  { RK_ROSTER_COLUMN_NAME, "名前" },
  { RK_ROSTER_COLUMN_NAME, "委員名" },
  { RK_ROSTER_COLUMN_KANA, "フリガナ" },
  { RK_ROSTER_COLUMN_KANA, "よみがな" },
  { RK_ROSTER_COLUMN_KANA, "ヨミガナ" },
  { RK_ROSTER_COLUMN_MEMBER_TYPE, "区分" },
  { RK_ROSTER_COLUMN_MEMBER_TYPE, "構成員種別" },
  { RK_ROSTER_COLUMN_BODIES, "会議体" },
  { RK_ROSTER_COLUMN_ALTERNATE, "代理" },
  { RK_ROSTER_COLUMN_PHONE, "電話番号" },
  { RK_ROSTER_COLUMN_PHONE, "tel" },
  { RK_ROSTER_COLUMN_EMAIL, "メールアドレス" },
  { RK_ROSTER_COLUMN_EMAIL, "e-mail" },
  { RK_ROSTER_COLUMN_EMAIL, "email" },
  { RK_ROSTER_COLUMN_TERM_START, "任期開始日" },
  { RK_ROSTER_COLUMN_TERM_END, "任期終了日" },
};

/* The Japanese role names are written whatever the locale, for the same reason as the headers. */
static const char *const role_names[RK_ROLE_LAST + 1] = {
  "会長", "副会長", "委員", "オブザーバー", "参考人", "事務局",
};

/* The separator of body names in 所属会議体. */
#define BODY_SEPARATOR "、"

const char *
rk_roster_csv_get_header (RkRosterColumn column)
{
  g_return_val_if_fail (column < RK_ROSTER_N_COLUMNS, NULL);
  return headers[column];
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Dates */

typedef struct {
  const char *name;
  char        letter;
  int         year, month, day; /* first day */
} RosterEra;

static const RosterEra eras[] = {
  { "令和", 'R', 2019, 5, 1 },
  { "平成", 'H', 1989, 1, 8 },
  { "昭和", 'S', 1926, 12, 25 },
  { "大正", 'T', 1912, 7, 30 },
};

static gboolean
scan_number (const char **p, guint max_digits, guint *value)
{
  guint n = 0, v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || g_ascii_isdigit (**p))
    return FALSE;
  *value = v;
  return TRUE;
}

static gboolean
scan_literal (const char **p, const char *literal)
{
  gsize len = strlen (literal);

  if (strncmp (*p, literal, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

/* "/" "-" "." between the numbers, or 年 月 日 (the last optional). */
static gboolean
scan_month_day (const char **p, char separator, guint *month, guint *day)
{
  if (!scan_number (p, 2, month))
    return FALSE;
  if (separator != 0 ? **p != separator : !scan_literal (p, "月"))
    return FALSE;
  if (separator != 0)
    (*p)++;
  if (!scan_number (p, 2, day))
    return FALSE;
  if (separator == 0)
    scan_literal (p, "日");
  return **p == '\0';
}

static gboolean
scan_separator (const char **p, char *separator)
{
  if (**p == '-' || **p == '/' || **p == '.')
    {
      *separator = **p;
      (*p)++;
      return TRUE;
    }
  if (scan_literal (p, "年"))
    {
      *separator = 0;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_era_date (const char *p, guint *year, guint *month, guint *day)
{
  const RosterEra *era = NULL;
  guint era_year;
  char separator;

  for (guint i = 0; i < G_N_ELEMENTS (eras) && era == NULL; i++)
    {
      if (scan_literal (&p, eras[i].name))
        era = &eras[i];
      else if (g_ascii_toupper (*p) == eras[i].letter)
        {
          era = &eras[i];
          p++;
        }
    }
  if (era == NULL)
    return FALSE;

  if (scan_literal (&p, "元"))
    era_year = 1;
  else if (!scan_number (&p, 2, &era_year) || era_year == 0)
    return FALSE;
  if (!scan_separator (&p, &separator))
    return FALSE;
  *year = era->year + era_year - 1;

  /* 令和7年(2025年)4月1日, as Renkei's documents print it: the Western year must agree. */
  if (separator == 0 && *p == '(')
    {
      guint western;

      p++;
      if (!scan_number (&p, 4, &western) || western != *year || !scan_literal (&p, "年)"))
        return FALSE;
    }
  if (!scan_month_day (&p, separator, month, day))
    return FALSE;

  /* Before the era began the date does not exist (令和1年4月1日). After it ended people still write it now and
   * then (平成31年5月1日 on forms printed in advance), so that is read as the Western date it means. */
  if (g_date_valid_dmy (*day, *month, *year)
      && *year * 10000 + *month * 100 + *day < (guint) (era->year * 10000 + era->month * 100 + era->day))
    return FALSE;
  return TRUE;
}

static gboolean
parse_western_date (const char *p, guint *year, guint *month, guint *day)
{
  char separator;

  /* 20250401 */
  if (strlen (p) == 8 && strspn (p, "0123456789") == 8)
    {
      *year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      *month = (p[4] - '0') * 10 + (p[5] - '0');
      *day = (p[6] - '0') * 10 + (p[7] - '0');
      return TRUE;
    }
  if (!scan_number (&p, 4, year) || *year < 1000)
    return FALSE;
  if (!scan_separator (&p, &separator))
    return FALSE;
  return scan_month_day (&p, separator, month, day);
}

gboolean
rk_roster_csv_parse_date (const char *text, GDate *date)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) compact = NULL;
  guint year = 0, month = 0, day = 0;
  gboolean ok;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* NFKC turns full-width digits and punctuation into ASCII and ㋿ ㍻ into 令和 平成; spaces mean nothing here. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return FALSE;
  compact = g_string_sized_new (strlen (normal));
  for (const char *s = normal; *s; s++)
    if (!g_ascii_isspace (*s))
      g_string_append_c (compact, *s);

  ok = parse_western_date (compact->str, &year, &month, &day)
       || parse_era_date (compact->str, &year, &month, &day);
  if (!ok || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Export */

static const char *
member_type_name (RkCatalog *catalog, int number, char buffer[16])
{
  RkMemberType *type = number > 0 ? rk_catalog_lookup_member_type (catalog, number) : NULL;

  if (type != NULL)
    return rk_member_type_get_name (type);
  /* Not a type of the catalog: keep the number rather than lose it. */
  g_snprintf (buffer, 16, "%d", number);
  return buffer;
}

GBytes *
rk_roster_csv_export (const RkMemberInfo         *members,
                      const char * const * const *body_names,
                      guint                       n,
                      RkCsvEncoding               encoding,
                      guint                      *n_replaced,
                      GError                    **error)
{
  g_autoptr(RkCsvWriter) writer = rk_csv_writer_new (RK_CSV_WRITE_ESCAPE_FORMULAS);
  RkCatalog *catalog = rk_catalog_get_default ();

  g_return_val_if_fail (members != NULL || n == 0, NULL);

  rk_csv_writer_add_row (writer, headers, RK_ROSTER_N_COLUMNS);
  for (guint i = 0; i < n; i++)
    {
      const RkMemberInfo *info = &members[i];
      g_autofree char *bodies = NULL;
      const char *fields[RK_ROSTER_N_COLUMNS];
      char type_buffer[16];

      if (body_names != NULL && body_names[i] != NULL)
        bodies = g_strjoinv (BODY_SEPARATOR, (char **) body_names[i]);

      fields[RK_ROSTER_COLUMN_ORGANISATION] = info->organisation;
      fields[RK_ROSTER_COLUMN_NAME] = info->name;
      fields[RK_ROSTER_COLUMN_KANA] = info->kana;
      fields[RK_ROSTER_COLUMN_TITLE] = info->title;
      fields[RK_ROSTER_COLUMN_ROLE] = (guint) info->role <= RK_ROLE_LAST ? role_names[info->role] : NULL;
      fields[RK_ROSTER_COLUMN_MEMBER_TYPE] = member_type_name (catalog, info->member_type, type_buffer);
      fields[RK_ROSTER_COLUMN_BODIES] = bodies;
      fields[RK_ROSTER_COLUMN_ALTERNATE] = info->alternate;
      fields[RK_ROSTER_COLUMN_PHONE] = info->phone;
      fields[RK_ROSTER_COLUMN_EMAIL] = info->email;
      fields[RK_ROSTER_COLUMN_TERM_START] = info->term_start;
      fields[RK_ROSTER_COLUMN_TERM_END] = info->term_end;
      fields[RK_ROSTER_COLUMN_NOTES] = info->notes;
      rk_csv_writer_add_row (writer, fields, RK_ROSTER_N_COLUMNS);
    }

  return rk_csv_writer_finish (writer, encoding, n_replaced, error);
}

GBytes *
rk_roster_csv_export_members (GListModel     *members,
                              RkCsvEncoding   encoding,
                              guint          *n_replaced,
                              GError        **error)
{
  g_autoptr(GArray) infos = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (members), NULL);

  n = g_list_model_get_n_items (members);
  infos = g_array_sized_new (FALSE, TRUE, sizeof (RkMemberInfo), n);
  bodies = g_ptr_array_new_full (n, (GDestroyNotify) g_strfreev);
  /* The members hold the strings the infos point to: keep them alive until the file is written. */
  keep = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);
      const char *joined = rk_member_get_bodies (member);
      g_auto(GStrv) parts = g_strsplit (joined != NULL ? joined : "", BODY_SEPARATOR, -1);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      RkMemberInfo info = { 0 };

      rk_member_get_info (member, &info);
      g_array_append_val (infos, info);
      for (guint j = 0; parts[j] != NULL; j++)
        if (parts[j][0] != '\0')
          g_strv_builder_add (names, parts[j]);
      g_ptr_array_add (bodies, g_strv_builder_end (names));
      g_ptr_array_add (keep, g_steal_pointer (&member));
    }

  return rk_roster_csv_export ((const RkMemberInfo *) (gpointer) infos->data,
                               (const char * const * const *) bodies->pdata, n, encoding, n_replaced, error);
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Import */

typedef struct {
  guint          line;
  RkMemberInfo   info;
  const char   **body_names; /* NULL-terminated; strings in the chunk */
  char          *problem;
} RosterRow;

struct _RkRosterImport {
  RkCsvEncoding  encoding;
  GStringChunk  *chunk;
  GArray        *rows;        /* RosterRow */
  GArray        *good_infos;  /* RkMemberInfo, copies of the good rows' infos */
  GPtrArray     *good_bodies; /* const char * const *, the good rows' body names */
  guint          n_bad;
};

typedef struct {
  RkRosterImport *import;
  RkCsvTable     *table;
  int             columns[RK_ROSTER_N_COLUMNS]; /* index in the file, -1 when absent */
  GHashTable     *member_types;                 /* name or survey label → number */
} ParseContext;

static void
roster_row_clear (gpointer data)
{
  RosterRow *row = data;

  g_free (row->body_names);
  g_free (row->problem);
}

void
rk_roster_import_free (RkRosterImport *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_array_unref (self->good_infos);
  g_ptr_array_unref (self->good_bodies);
  g_string_chunk_free (self->chunk);
  g_free (self);
}

static gboolean
is_space_at (const char *s)
{
  return g_unichar_isspace (g_utf8_get_char (s)) || g_utf8_get_char (s) == 0x3000;
}

/* The field without the white space (ASCII or 全角) around it, in the import's chunk; NULL when empty. */
static const char *
take_trimmed (RkRosterImport *self, const char *text)
{
  const char *start = text, *end;

  if (text == NULL)
    return NULL;
  while (*start && is_space_at (start))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space_at (prev))
        break;
      end = prev;
    }
  if (end == start)
    return NULL;
  return g_string_chunk_insert_len (self->chunk, start, end - start);
}

static const char *
get_field (ParseContext *ctx, guint row, RkRosterColumn column)
{
  if (ctx->columns[column] < 0)
    return NULL;
  return rk_csv_table_get_field (ctx->table, row, ctx->columns[column]);
}

static char *
normalize_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;

  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);
  return g_strdup (g_strstrip (folded));
}

static GHashTable *
member_type_table (void)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *types = rk_catalog_get_member_types (rk_catalog_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(RkMemberType) type = g_list_model_get_item (types, i);
      guint number = rk_member_type_get_number (type);

      g_hash_table_insert (table, normalize_key (rk_member_type_get_survey_label (type)), GUINT_TO_POINTER (number));
      /* The name wins where a survey label happens to equal another type's name. */
      g_hash_table_replace (table, normalize_key (rk_member_type_get_name (type)), GUINT_TO_POINTER (number));
    }
  return table;
}

static int
lookup_member_type (ParseContext *ctx, const char *text)
{
  g_autofree char *key = normalize_key (text);
  gpointer number;
  guint64 value;

  if (g_hash_table_lookup_extended (ctx->member_types, key, NULL, &number))
    return GPOINTER_TO_INT (number);
  /* "4" or "４": the type's number. */
  if (key[0] != '\0' && g_ascii_string_to_unsigned (key, 10, RK_MEMBER_TYPE_FIRST, RK_MEMBER_TYPE_LAST,
                                                    &value, NULL))
    return (int) value;
  return 0;
}

static gboolean
lookup_role (const char *text, RkRole *role)
{
  for (guint i = 0; i <= RK_ROLE_LAST; i++)
    if (strcmp (text, role_names[i]) == 0)
      {
        *role = (RkRole) i;
        return TRUE;
      }
  return rk_role_from_label (text, role);
}

/* An ISO date in the chunk, or NULL (with *@bad set) when @text is not a possible date. */
static const char *
take_date (RkRosterImport *self, const char *text, gboolean *bad)
{
  GDate date;
  char iso[16];

  *bad = FALSE;
  if (text == NULL)
    return NULL;
  if (!rk_roster_csv_parse_date (text, &date))
    {
      *bad = TRUE;
      return NULL;
    }
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date), (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
  return g_string_chunk_insert (self->chunk, iso);
}

static gboolean
is_body_separator (gunichar c)
{
  /* 「、」 is what Renkei writes; people also type commas (half- or full-width) and line breaks. */
  return c == 0x3001 || c == ',' || c == 0xFF0C || c == 0xFF64 || c == '\n' || c == '\r';
}

static const char **
split_bodies (RkRosterImport *self, const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) part = g_string_new (NULL);

  for (const char *s = text; s != NULL; s = *s ? g_utf8_next_char (s) : NULL)
    {
      gunichar c = g_utf8_get_char (s);
      const char *name;
      gboolean seen = FALSE;

      if (c != 0 && !is_body_separator (c))
        {
          g_string_append_unichar (part, c);
          continue;
        }
      name = take_trimmed (self, part->str);
      g_string_truncate (part, 0);
      if (name == NULL)
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (names, j), name) == 0;
      if (!seen)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  return (const char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
parse_row (ParseContext *ctx, guint csv_row)
{
  RkRosterImport *self = ctx->import;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) invalid = NULL;
  RosterRow row = { 0 };
  RkMemberInfo checked;
  const char *text;
  const char *notes;
  gboolean bad_start, bad_end;

  row.line = rk_csv_table_get_line (ctx->table, csv_row);
  row.info.organisation = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_ORGANISATION));
  row.info.name = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_NAME));
  row.info.kana = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_KANA));
  row.info.title = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_TITLE));
  row.info.alternate = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_ALTERNATE));
  row.info.phone = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_PHONE));
  row.info.email = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_EMAIL));
  /* Notes keep their own spacing and line breaks; only an all-blank cell counts as none. */
  notes = get_field (ctx, csv_row, RK_ROSTER_COLUMN_NOTES);
  if (take_trimmed (self, notes) != NULL)
    row.info.notes = g_string_chunk_insert (self->chunk, notes);
  row.body_names = split_bodies (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_BODIES));

  text = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_MEMBER_TYPE));
  if (text == NULL)
    g_ptr_array_add (problems, g_strdup (_("The member type (構成員区分) is missing.")));
  else if ((row.info.member_type = lookup_member_type (ctx, text)) == 0)
    g_ptr_array_add (problems, g_strdup_printf (_("Unknown member type “%s” (構成員区分): use one of the 20 "
                                                  "types or its number 1–20."), text));

  row.info.role = RK_ROLE_MEMBER;
  text = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_ROLE));
  if (text != NULL && !lookup_role (text, &row.info.role))
    g_ptr_array_add (problems, g_strdup_printf (_("Unknown role “%s” (役割): use 会長, 副会長, 委員, オブザーバー, "
                                                  "参考人 or 事務局."), text));

  text = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_TERM_START));
  row.info.term_start = take_date (self, text, &bad_start);
  if (bad_start)
    g_ptr_array_add (problems, g_strdup_printf (_("“%s” (任期開始) is not a possible date."), text));
  text = take_trimmed (self, get_field (ctx, csv_row, RK_ROSTER_COLUMN_TERM_END));
  row.info.term_end = take_date (self, text, &bad_end);
  if (bad_end)
    g_ptr_array_add (problems, g_strdup_printf (_("“%s” (任期終了) is not a possible date."), text));

  /* The member's own rules (name, e-mail, term order …) on what could be read; a type already reported is
   * stood in for, so that its problem is not reported twice. */
  checked = row.info;
  if (checked.member_type == 0)
    checked.member_type = RK_MEMBER_TYPE_FIRST;
  if (!rk_member_info_validate (&checked, &invalid))
    g_ptr_array_add (problems, g_strdup (invalid->message));

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      row.problem = g_strjoinv ("\n", (char **) problems->pdata);
      self->n_bad++;
    }
  else
    {
      g_array_append_val (self->good_infos, row.info);
      g_ptr_array_add (self->good_bodies, row.body_names);
    }
  g_array_append_val (self->rows, row);
}

static gboolean
map_columns (ParseContext *ctx, guint header_row, GError **error)
{
  guint n = rk_csv_table_get_n_fields (ctx->table, header_row);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < RK_ROSTER_N_COLUMNS; c++)
    {
      ctx->columns[c] = -1;
      g_hash_table_insert (known, normalize_key (headers[c]), GUINT_TO_POINTER (c));
    }
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    g_hash_table_insert (known, normalize_key (header_aliases[i].header),
                         GUINT_TO_POINTER (header_aliases[i].column));

  for (guint i = 0; i < n; i++)
    {
      const char *header = rk_csv_table_get_field (ctx->table, header_row, i);
      g_autofree char *key = normalize_key (header);
      gpointer value;
      guint column;

      if (!g_hash_table_lookup_extended (known, key, NULL, &value))
        continue;
      column = GPOINTER_TO_UINT (value);
      if (ctx->columns[column] >= 0)
        {
          g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER,
                       _("The column “%s” appears twice in the first line."), headers[column]);
          return FALSE;
        }
      ctx->columns[column] = i;
    }

  if (ctx->columns[RK_ROSTER_COLUMN_NAME] < 0)
    g_ptr_array_add (missing, (gpointer) headers[RK_ROSTER_COLUMN_NAME]);
  if (ctx->columns[RK_ROSTER_COLUMN_MEMBER_TYPE] < 0)
    g_ptr_array_add (missing, (gpointer) headers[RK_ROSTER_COLUMN_MEMBER_TYPE]);
  if (missing->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *all = g_strjoinv (",", (char **) headers);

      g_ptr_array_add (missing, NULL);
      names = g_strjoinv ("、", (char **) missing->pdata);
      g_set_error (error, RK_CSV_ERROR, RK_CSV_ERROR_HEADER,
                   _("The file has no column %s. Its first line must name the columns, for example: %s"),
                   names, all);
      return FALSE;
    }
  return TRUE;
}

RkRosterImport *
rk_roster_csv_parse (GBytes *data, GError **error)
{
  g_autoptr(RkRosterImport) self = NULL;
  g_autoptr(RkCsvTable) table = NULL;
  g_autoptr(GHashTable) member_types = NULL;
  ParseContext ctx = { 0 };
  guint n_rows, first = 0;

  g_return_val_if_fail (data != NULL, NULL);

  table = rk_csv_table_new_from_bytes (data, RK_CSV_READ_UNESCAPE_FORMULAS, error);
  if (table == NULL)
    return NULL;

  /* Blank lines above the header are no header. */
  n_rows = rk_csv_table_get_n_rows (table);
  while (first < n_rows && rk_csv_table_row_is_blank (table, first))
    first++;
  if (first == n_rows)
    {
      g_set_error_literal (error, RK_CSV_ERROR, RK_CSV_ERROR_EMPTY, _("The file is empty: it has no roster."));
      return NULL;
    }

  self = g_new0 (RkRosterImport, 1);
  self->encoding = rk_csv_table_get_encoding (table);
  self->chunk = g_string_chunk_new (64 * 1024);
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (RosterRow), n_rows);
  g_array_set_clear_func (self->rows, roster_row_clear);
  self->good_infos = g_array_sized_new (FALSE, TRUE, sizeof (RkMemberInfo), n_rows);
  self->good_bodies = g_ptr_array_sized_new (n_rows);

  member_types = member_type_table ();
  ctx.import = self;
  ctx.table = table;
  ctx.member_types = member_types;

  if (!map_columns (&ctx, first, error))
    return NULL;

  for (guint r = first + 1; r < n_rows; r++)
    if (!rk_csv_table_row_is_blank (table, r))
      parse_row (&ctx, r);

  return g_steal_pointer (&self);
}

RkCsvEncoding
rk_roster_import_get_encoding (RkRosterImport *self)
{
  g_return_val_if_fail (self != NULL, RK_CSV_ENCODING_UTF8);
  return self->encoding;
}

guint
rk_roster_import_get_n_rows (RkRosterImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
rk_roster_import_get_n_good (RkRosterImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->good_infos->len;
}

guint
rk_roster_import_get_n_bad (RkRosterImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_bad;
}

static RosterRow *
get_row (RkRosterImport *self, guint row)
{
  return &g_array_index (self->rows, RosterRow, row);
}

guint
rk_roster_import_get_line (RkRosterImport *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, 0);
  return get_row (self, row)->line;
}

const RkMemberInfo *
rk_roster_import_get_info (RkRosterImport *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);
  return &get_row (self, row)->info;
}

const char * const *
rk_roster_import_get_body_names (RkRosterImport *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);
  return (const char * const *) get_row (self, row)->body_names;
}

const char *
rk_roster_import_get_problem (RkRosterImport *self, guint row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);
  return get_row (self, row)->problem;
}

guint
rk_roster_import_get_good (RkRosterImport       *self,
                           const RkMemberInfo  **members,
                           const char * const ***body_names)
{
  g_return_val_if_fail (self != NULL, 0);

  if (members != NULL)
    *members = (const RkMemberInfo *) (gpointer) self->good_infos->data;
  if (body_names != NULL)
    *body_names = (const char * const **) self->good_bodies->pdata;
  return self->good_infos->len;
}

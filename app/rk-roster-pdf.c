/* rk-roster-pdf.c — the printed 委員名簿. */

#include "rk-roster-pdf.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rk-body.h"
#include "rk-catalog.h"
#include "rk-council.h"
#include "rk-era.h"
#include "rk-member.h"
#include "rk-store-members.h"

/* ---- The plain data ---------------------------------------------------------------------------------------- */

static void
roster_row_free (gpointer data)
{
  RkRosterRow *row = data;

  g_free (row->role);
  g_free (row->name);
  g_free (row->kana);
  g_free (row->organisation);
  g_free (row->title);
  g_free (row->member_type);
  g_free (row->term);
  g_free (row);
}

static void
roster_group_free (gpointer data)
{
  RkRosterGroup *group = data;

  g_free (group->name);
  g_free (group->tier);
  g_ptr_array_unref (group->rows);
  g_free (group);
}

RkRoster *
rk_roster_new (const char  *council_name,
               const char  *municipality,
               const GDate *as_of)
{
  RkRoster *roster = g_new0 (RkRoster, 1);

  g_return_val_if_fail (as_of == NULL || g_date_valid (as_of), roster);

  roster->council_name = g_strdup (council_name != NULL ? council_name : "");
  roster->municipality = g_strdup (municipality != NULL ? municipality : "");
  if (as_of != NULL)
    roster->as_of = *as_of;
  else
    rk_era_get_today (&roster->as_of);
  roster->groups = g_ptr_array_new_with_free_func (roster_group_free);
  return roster;
}

void
rk_roster_free (RkRoster *roster)
{
  if (roster == NULL)
    return;
  g_free (roster->council_name);
  g_free (roster->municipality);
  g_ptr_array_unref (roster->groups);
  g_free (roster);
}

RkRosterGroup *
rk_roster_add_group (RkRoster   *roster,
                     const char *name,
                     const char *tier)
{
  RkRosterGroup *group;

  g_return_val_if_fail (roster != NULL, NULL);

  group = g_new0 (RkRosterGroup, 1);
  group->name = g_strdup (name != NULL ? name : "");
  group->tier = g_strdup (tier);
  group->rows = g_ptr_array_new_with_free_func (roster_row_free);
  g_ptr_array_add (roster->groups, group);
  return group;
}

void
rk_roster_group_add_row (RkRosterGroup     *group,
                         const RkRosterRow *row)
{
  RkRosterRow *copy;

  g_return_if_fail (group != NULL);
  g_return_if_fail (row != NULL);

  copy = g_new0 (RkRosterRow, 1);
  copy->role = g_strdup (row->role);
  copy->name = g_strdup (row->name);
  copy->kana = g_strdup (row->kana);
  copy->organisation = g_strdup (row->organisation);
  copy->title = g_strdup (row->title);
  copy->member_type = g_strdup (row->member_type);
  copy->term = g_strdup (row->term);
  g_ptr_array_add (group->rows, copy);
}

static char *
format_iso (const char *iso)
{
  GDate date;

  if (rk_era_parse_iso_date (iso, &date))
    return rk_era_format_date (&date);
  return g_strdup (iso);
}

char *
rk_roster_format_term (const char *start,
                       const char *end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start != NULL && *start != '\0')
    from = format_iso (start);
  if (end != NULL && *end != '\0')
    to = format_iso (end);
  if (from == NULL && to == NULL)
    return g_strdup ("");
  /* 〜 may not start a line, so a narrow column breaks right after it. */
  return g_strconcat (from != NULL ? from : "", "〜", to != NULL ? to : "", NULL);
}

/* ---- From the store ---------------------------------------------------------------------------------------- */

typedef struct {
  RkMember *member;
  guint     index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;
  RkRole role_a = rk_member_get_role (ra->member), role_b = rk_member_get_role (rb->member);

  if (role_a != role_b)
    return role_a < role_b ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static gboolean
sits_on (RkMember *member,
         gint64    body_id)
{
  const GArray *ids = rk_member_get_body_ids (member);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == body_id)
      return TRUE;
  return FALSE;
}

static void
add_member_row (RkRosterGroup *group,
                RkMember      *member)
{
  RkCatalog *catalog = rk_catalog_get_default ();
  int number = rk_member_get_member_type (member);
  RkMemberType *type = NULL;
  g_autofree char *term = rk_roster_format_term (rk_member_get_term_start (member), rk_member_get_term_end (member));
  RkRosterRow row = { 0 };

  if (number >= RK_MEMBER_TYPE_FIRST && number <= RK_MEMBER_TYPE_LAST)
    type = rk_catalog_lookup_member_type (catalog, number);

  row.role = (char *) rk_role_to_label (rk_member_get_role (member));
  row.name = (char *) rk_member_get_name (member);
  row.kana = (char *) rk_member_get_kana (member);
  row.organisation = (char *) rk_member_get_organisation (member);
  row.title = (char *) rk_member_get_title (member);
  row.member_type = (char *) (type != NULL ? rk_member_type_get_name (type) : "");
  row.term = term;
  rk_roster_group_add_row (group, &row);
}

RkRoster *
rk_roster_new_from_store (RkStore     *store,
                          const GDate *as_of)
{
  RkCouncil *council;
  GListModel *bodies, *members;
  RkRoster *roster;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GArray) seated = NULL;
  char as_of_iso[16];
  guint n_unseated;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  council = rk_store_get_council (store);
  roster = rk_roster_new (rk_council_get_name (council), rk_council_get_municipality (council), as_of);
  g_snprintf (as_of_iso, sizeof as_of_iso, "%04d-%02d-%02d", g_date_get_year (&roster->as_of),
              g_date_get_month (&roster->as_of), g_date_get_day (&roster->as_of));

  members = rk_store_get_members (store);
  for (guint i = 0, n = g_list_model_get_n_items (members); i < n; i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);
      const char *start = rk_member_get_term_start (member);
      const char *end = rk_member_get_term_end (member);
      Ranked r = { member, i };

      /* ISO dates compare as strings. */
      if (!rk_member_get_current (member) ||
          (start != NULL && *start != '\0' && g_strcmp0 (start, as_of_iso) > 0) ||
          (end != NULL && *end != '\0' && g_strcmp0 (end, as_of_iso) < 0))
        continue;
      g_array_append_val (ranked, r); /* the list model holds the member */
    }
  g_array_sort (ranked, compare_ranked);

  seated = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), ranked->len);
  g_array_set_size (seated, ranked->len);
  bodies = rk_store_get_bodies (store);
  for (guint b = 0, n = g_list_model_get_n_items (bodies); b < n; b++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, b);
      RkRosterGroup *group = rk_roster_add_group (roster, rk_body_get_name (body), rk_body_get_display_tier (body));

      for (guint i = 0; i < ranked->len; i++)
        {
          RkMember *member = g_array_index (ranked, Ranked, i).member;

          if (sits_on (member, rk_body_get_id (body)))
            {
              add_member_row (group, member);
              g_array_index (seated, gboolean, i) = TRUE;
            }
        }
    }

  n_unseated = 0;
  for (guint i = 0; i < ranked->len; i++)
    n_unseated += !g_array_index (seated, gboolean, i);
  if (n_unseated > 0)
    {
      RkRosterGroup *group = rk_roster_add_group (roster, _("Not seated on a body"), NULL);

      for (guint i = 0; i < ranked->len; i++)
        if (!g_array_index (seated, gboolean, i))
          add_member_row (group, g_array_index (ranked, Ranked, i).member);
    }
  return roster;
}

/* ---- Typesetting ------------------------------------------------------------------------------------------- */

enum { COL_ROLE, COL_NAME, COL_ORGANISATION, COL_TYPE, COL_TERM, N_COLUMNS };

/* The role and term columns take the width of their widest cell (a date is never broken, so the term column must
 * hold 令和10年(2028年)12月31日〜 whole); the other three share the rest in these proportions. */
static const double free_share[N_COLUMNS] = { 0, 0.22, 0.44, 0.34, 0 };
#define MAX_ROLE_SHARE 0.2
#define MAX_TERM_SHARE 0.34

#define PAD_X        4.0
#define PAD_Y        3.5
#define RULE_WIDTH   0.5
#define HEADER_GRAY  0.88
#define TITLE_SIZE   16.0
#define HEADING_SIZE 12.0
#define HEADER_SIZE  9.0
#define KANA_SIZE    6.5
#define NAME_SIZE    RK_PDF_BODY_SIZE
#define CELL_SIZE    9.0
#define TERM_SIZE    8.0

/* One row's cells, each laid out once. */
typedef struct {
  PangoLayout *kana;
  PangoLayout *cells[N_COLUMNS];
  double       cell_width[N_COLUMNS];  /* of the role and term cells, which are not wrapped */
  double       cell_height[N_COLUMNS];
  double       height;
} RowLayout;

typedef struct {
  RkPdfDocument *doc;
  RkPdfFlow      flow;
  double         width;                   /* of the text block */
  double         column_x[N_COLUMNS + 1]; /* left edges, and the right edge of the table */
  PangoLayout   *header[N_COLUMNS];       /* laid out once, placed on every page that shows a table */
  double         header_height;
  RowLayout    **rows;                    /* per group */
} Typesetter;

static void
row_layout_clear (RowLayout *row)
{
  g_clear_object (&row->kana);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_object (&row->cells[c]);
}

static double
column_inner (Typesetter *ts,
              guint       column)
{
  return ts->column_x[column + 1] - ts->column_x[column] - 2 * PAD_X;
}

/* A cell wrapped at its column's width (the columns must be known). */
static PangoLayout *
wrapped_cell (Typesetter     *ts,
              guint           column,
              RkPdfFace       face,
              double          size,
              gboolean        bold,
              PangoAlignment  alignment,
              const char     *text)
{
  PangoLayout *layout = rk_pdf_document_new_layout (ts->doc, face, size, bold, column_inner (ts, column), text);

  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* The term on two lines, broken after 〜, so that the column only needs the width of one date. */
static char *
term_lines (const char *term)
{
  const char *tilde;

  if (term == NULL)
    return g_strdup ("");
  tilde = strstr (term, "〜");
  if (tilde == NULL || tilde[strlen ("〜")] == '\0')
    return g_strdup (term);
  return g_strdup_printf ("%.*s〜\n%s", (int) (tilde - term), term, tilde + strlen ("〜"));
}

/* First pass: the cells that decide the columns' widths, unwrapped. */
static void
row_layout_measure (Typesetter        *ts,
                    RowLayout         *row,
                    const RkRosterRow *data)
{
  g_autofree char *term = term_lines (data->term);

  row->cells[COL_ROLE] = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE, -1, data->role);
  row->cells[COL_TERM] = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_MINCHO, TERM_SIZE, FALSE, -1, term);
  row->cell_width[COL_ROLE] = rk_pdf_layout_get_width (row->cells[COL_ROLE]);
  row->cell_width[COL_TERM] = rk_pdf_layout_get_width (row->cells[COL_TERM]);
}

/* Second pass: the wrapped cells, and the row's height. */
static void
row_layout_finish (Typesetter        *ts,
                   RowLayout         *row,
                   const RkRosterRow *data)
{
  g_autofree char *organisation = NULL;
  double content = 0;

  if (data->organisation != NULL && *data->organisation != '\0' && data->title != NULL && *data->title != '\0')
    organisation = g_strconcat (data->organisation, "\n", data->title, NULL);
  else
    organisation = g_strdup (data->title != NULL && *data->title != '\0' ? data->title : data->organisation);

  row->cells[COL_NAME] = wrapped_cell (ts, COL_NAME, RK_PDF_FACE_MINCHO, NAME_SIZE, FALSE, PANGO_ALIGN_LEFT,
                                       data->name);
  row->cells[COL_ORGANISATION] = wrapped_cell (ts, COL_ORGANISATION, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE,
                                               PANGO_ALIGN_LEFT, organisation);
  row->cells[COL_TYPE] = wrapped_cell (ts, COL_TYPE, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE, PANGO_ALIGN_LEFT,
                                       data->member_type);
  if (data->kana != NULL && *data->kana != '\0')
    row->kana = wrapped_cell (ts, COL_NAME, RK_PDF_FACE_MINCHO, KANA_SIZE, FALSE, PANGO_ALIGN_LEFT, data->kana);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      row->cell_height[c] = rk_pdf_layout_get_height (row->cells[c]);
      if (c == COL_NAME && row->kana != NULL)
        row->cell_height[c] += rk_pdf_layout_get_height (row->kana);
      content = MAX (content, row->cell_height[c]);
    }
  row->height = content + 2 * PAD_Y;
}

/* Unwrapped cells are centred (role) or left-aligned (term) by hand: setting a width now would lay them out again. */
static double
cell_x (Typesetter  *ts,
        guint        column,
        double       width)
{
  if (column == COL_ROLE)
    return ts->column_x[column] + MAX (PAD_X, (ts->column_x[column + 1] - ts->column_x[column] - width) / 2);
  return ts->column_x[column] + PAD_X;
}

/* The vertical rules of a table row and the rule under it. */
static void
add_row_rules (Typesetter *ts,
               double      top,
               double      bottom)
{
  for (guint c = 0; c <= N_COLUMNS; c++)
    rk_pdf_document_add_rule (ts->doc, ts->flow.page, ts->column_x[c], top, ts->column_x[c], bottom, RULE_WIDTH, 0);
  rk_pdf_document_add_rule (ts->doc, ts->flow.page, ts->column_x[0], bottom, ts->column_x[N_COLUMNS], bottom,
                            RULE_WIDTH, 0);
}

static void
place_table_header (Typesetter *ts)
{
  double top = ts->flow.y;
  double height = ts->header_height + 2 * PAD_Y;

  rk_pdf_document_add_fill (ts->doc, ts->flow.page, ts->column_x[0], top, ts->width, height, HEADER_GRAY);
  rk_pdf_document_add_rule (ts->doc, ts->flow.page, ts->column_x[0], top, ts->column_x[N_COLUMNS], top,
                            RULE_WIDTH, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double x = ts->column_x[c] + PAD_X;

      /* The role and term headers are unwrapped too (they decide their columns' widths): centre them by hand. */
      if (c == COL_ROLE || c == COL_TERM)
        x = ts->column_x[c] + (ts->column_x[c + 1] - ts->column_x[c] - rk_pdf_layout_get_width (ts->header[c])) / 2;
      rk_pdf_document_add_layout (ts->doc, ts->flow.page, x, top + PAD_Y, ts->header[c]);
    }
  add_row_rules (ts, top, top + height);
  ts->flow.y += height;
}

static void
place_row (Typesetter *ts,
           RowLayout  *row)
{
  double top = ts->flow.y;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      /* Cells are centred vertically in the row; the kana sits right above the name. */
      double y = top + (row->height - row->cell_height[c]) / 2;
      double x = cell_x (ts, c, row->cell_width[c]);

      if (c == COL_NAME && row->kana != NULL)
        {
          rk_pdf_document_add_layout (ts->doc, ts->flow.page, x, y, row->kana);
          y += rk_pdf_layout_get_height (row->kana);
        }
      rk_pdf_document_add_layout (ts->doc, ts->flow.page, x, y, row->cells[c]);
    }
  add_row_rules (ts, top, top + row->height);
  ts->flow.y += row->height;
}

static void
place_heading (Typesetter  *ts,
               PangoLayout *heading)
{
  double height = rk_pdf_layout_get_height (heading);

  /* A bar in the margin of the heading marks where a body starts. */
  rk_pdf_document_add_fill (ts->doc, ts->flow.page, 0, ts->flow.y + 2, 3.5, height - 4, 0.25);
  rk_pdf_document_add_layout (ts->doc, ts->flow.page, 8, ts->flow.y, heading);
  ts->flow.y += height + 4;
}

static char *
group_heading_text (const RkRosterGroup *group)
{
  if (group->tier != NULL && *group->tier != '\0')
    /* Translators: a body's heading in the printed roster: its name, then its tier (中枢会議, …). */
    return g_strdup_printf (_("%s (%s)"), group->name, group->tier);
  return g_strdup (group->name);
}

static void
typeset_group (Typesetter          *ts,
               const RkRosterGroup *group,
               guint                index)
{
  g_autofree char *heading_text = group_heading_text (group);
  g_autofree char *dest = g_strdup_printf ("body-%u", index + 1);
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) continued = NULL;
  RowLayout *rows = ts->rows[index];
  double first_row;

  heading = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_GOTHIC, HEADING_SIZE, TRUE, ts->width - 8,
                                        heading_text);
  for (guint i = 0; i < group->rows->len; i++)
    row_layout_finish (ts, &rows[i], g_ptr_array_index (group->rows, i));

  /* Keep the heading with the table's header and its first row. */
  if (group->rows->len > 0)
    first_row = ts->header_height + 2 * PAD_Y + rows[0].height;
  else
    first_row = 2 * CELL_SIZE;
  rk_pdf_flow_ensure (&ts->flow, rk_pdf_layout_get_height (heading) + 4 + first_row);

  rk_pdf_document_add_dest (ts->doc, ts->flow.page, dest, 0, ts->flow.y);
  rk_pdf_document_add_outline (ts->doc, 0, heading_text, dest, FALSE);
  place_heading (ts, heading);

  if (group->rows->len == 0)
    {
      g_autoptr(PangoLayout) none = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_MINCHO, CELL_SIZE, FALSE,
                                                                ts->width, _("No members"));

      rk_pdf_flow_add_block (&ts->flow, 8, none);
    }
  else
    place_table_header (ts);

  for (guint i = 0; i < group->rows->len; i++)
    {
      /* A row is never split: it moves whole to the next page, under the body's heading and the table's header. */
      if (rk_pdf_flow_ensure (&ts->flow, rows[i].height))
        {
          if (continued == NULL)
            {
              g_autofree char *text = g_strdup_printf (_("%s (continued)"), heading_text);

              continued = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_GOTHIC, HEADING_SIZE, TRUE,
                                                      ts->width - 8, text);
            }
          place_heading (ts, continued);
          place_table_header (ts);
        }
      place_row (ts, &rows[i]);
    }

  rk_pdf_flow_skip (&ts->flow, 14);
}

/* Column edges from the widest role and term cells; the rest shared by the other columns. */
static void
layout_columns (Typesetter     *ts,
                const RkRoster *roster)
{
  static const char *const headers[N_COLUMNS] = {
    N_("Role"), N_("Name"), N_("Organisation and title"), N_("Member type"), N_("Term of office"),
  };
  double fixed[N_COLUMNS] = { 0 };
  double rest, x;

  ts->header[COL_ROLE] = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_GOTHIC, HEADER_SIZE, TRUE, -1,
                                                     _(headers[COL_ROLE]));
  ts->header[COL_TERM] = rk_pdf_document_new_layout (ts->doc, RK_PDF_FACE_GOTHIC, HEADER_SIZE, TRUE, -1,
                                                     _(headers[COL_TERM]));
  fixed[COL_ROLE] = rk_pdf_layout_get_width (ts->header[COL_ROLE]);
  fixed[COL_TERM] = rk_pdf_layout_get_width (ts->header[COL_TERM]);

  ts->rows = g_new0 (RowLayout *, roster->groups->len);
  for (guint g = 0; g < roster->groups->len; g++)
    {
      RkRosterGroup *group = g_ptr_array_index (roster->groups, g);

      ts->rows[g] = g_new0 (RowLayout, group->rows->len);
      for (guint i = 0; i < group->rows->len; i++)
        {
          RowLayout *row = &ts->rows[g][i];

          row_layout_measure (ts, row, g_ptr_array_index (group->rows, i));
          fixed[COL_ROLE] = MAX (fixed[COL_ROLE], row->cell_width[COL_ROLE]);
          fixed[COL_TERM] = MAX (fixed[COL_TERM], row->cell_width[COL_TERM]);
        }
    }
  /* Absurdly long roles or terms may not squeeze the table: they overflow their cell instead. */
  fixed[COL_ROLE] = MIN (fixed[COL_ROLE] + 2 * PAD_X, MAX_ROLE_SHARE * ts->width);
  fixed[COL_TERM] = MIN (fixed[COL_TERM] + 2 * PAD_X, MAX_TERM_SHARE * ts->width);
  rest = ts->width - fixed[COL_ROLE] - fixed[COL_TERM];

  x = 0;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      ts->column_x[c] = x;
      x += fixed[c] + free_share[c] * rest;
    }
  ts->column_x[N_COLUMNS] = ts->width;

  for (guint c = COL_NAME; c <= COL_TYPE; c++)
    ts->header[c] = wrapped_cell (ts, c, RK_PDF_FACE_GOTHIC, HEADER_SIZE, TRUE, PANGO_ALIGN_CENTER, _(headers[c]));
  for (guint c = 0; c < N_COLUMNS; c++)
    ts->header_height = MAX (ts->header_height, rk_pdf_layout_get_height (ts->header[c]));
}

char *
rk_roster_pdf_get_title (const RkRoster *roster)
{
  g_return_val_if_fail (roster != NULL, NULL);

  /* Translators: the title of the printed roster, %s is the council's name: "%s 委員名簿". */
  return g_strdup_printf (_("%s Member Roster"), roster->council_name);
}

RkPdfDocument *
rk_roster_pdf_build (const RkRoster *roster)
{
  Typesetter ts = { 0 };
  g_autofree char *title_text = NULL;
  g_autofree char *era_date = NULL;
  g_autofree char *date_text = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) date = NULL;

  g_return_val_if_fail (roster != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&roster->as_of), NULL);

  ts.doc = rk_pdf_document_new (RK_PDF_PORTRAIT, NULL);
  rk_pdf_document_set_page_numbers (ts.doc, RK_PDF_PAGE_NUMBERS_DASHED, 0);
  rk_pdf_flow_init (&ts.flow, ts.doc);
  rk_pdf_document_get_content_size (ts.doc, 0, &ts.width, NULL);
  layout_columns (&ts, roster);

  title_text = rk_roster_pdf_get_title (roster);
  title = rk_pdf_document_new_layout (ts.doc, RK_PDF_FACE_GOTHIC, TITLE_SIZE, TRUE, ts.width, title_text);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  rk_pdf_flow_add_block (&ts.flow, 0, title);
  rk_pdf_flow_skip (&ts.flow, 6);

  era_date = rk_era_format_date ((GDate *) &roster->as_of);
  /* Translators: under the roster's title: "%s現在", %s is a date such as 令和7年(2025年)4月1日. */
  date_text = g_strdup_printf (_("As of %s"), era_date);
  date = rk_pdf_document_new_layout (ts.doc, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE, FALSE, ts.width, date_text);
  pango_layout_set_alignment (date, PANGO_ALIGN_RIGHT);
  rk_pdf_flow_add_block (&ts.flow, 0, date);
  rk_pdf_flow_skip (&ts.flow, 14);

  if (roster->groups->len == 0)
    {
      g_autoptr(PangoLayout) none = rk_pdf_document_new_layout (ts.doc, RK_PDF_FACE_MINCHO, RK_PDF_BODY_SIZE,
                                                                FALSE, ts.width, _("The roster has no members."));

      rk_pdf_flow_add_block (&ts.flow, 0, none);
    }
  for (guint g = 0; g < roster->groups->len; g++)
    typeset_group (&ts, g_ptr_array_index (roster->groups, g), g);

  /* The document holds its own references to what it places. */
  for (guint g = 0; g < roster->groups->len; g++)
    {
      RkRosterGroup *group = g_ptr_array_index (roster->groups, g);

      for (guint i = 0; i < group->rows->len; i++)
        row_layout_clear (&ts.rows[g][i]);
      g_free (ts.rows[g]);
    }
  g_free (ts.rows);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_object (&ts.header[c]);
  return ts.doc;
}

gboolean
rk_roster_pdf_export (const RkRoster  *roster,
                      const char      *path,
                      GDateTime       *creation_date,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(RkPdfDocument) doc = NULL;
  g_autofree char *title = NULL;
  RkPdfMetadata metadata = { 0 };

  g_return_val_if_fail (roster != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = rk_roster_pdf_build (roster);
  title = rk_roster_pdf_get_title (roster);
  metadata.title = title;
  metadata.author = roster->council_name;
  metadata.subject = _("Member roster");
  metadata.keywords = roster->municipality;
  metadata.creation_date = creation_date;
  return rk_pdf_document_export (doc, path, &metadata, cancellable, NULL, NULL, error);
}

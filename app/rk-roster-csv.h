/* rk-roster-csv.h — the roster (委員名簿) as CSV for Excel: export in UTF-8 with BOM or Shift_JIS (CP932), and an
 * import preview that reads either encoding and says, row by row, what is wrong before anything is stored.
 *
 * Columns, in this order on export and in any order on import (headers are Japanese data, the same in every
 * language; unknown extra columns are ignored; 氏名 and 構成員区分 are required):
 *   所属, 氏名, ふりがな, 役職, 役割 (会長 / 副会長 / 委員 / オブザーバー / 参考人 / 事務局; empty = 委員),
 *   構成員区分 (the catalog name such as 消防機関; on import also its number 1–20), 所属会議体 (body names joined
 *   with 「、」), 代理出席者, 電話, メール, 任期開始, 任期終了 (exported as 2025-04-01; read as 2025-04-01, 2025/4/1,
 *   2025年4月1日, 令和7年4月1日, 令和7年(2025年)4月1日, R7.4.1, H31/4/30 …), 備考.
 * Cells that Excel would run as formulas are escaped on export and restored on import (see rk-csv.h). */
#pragma once

#include <gio/gio.h>

#include "rk-csv.h"
#include "rk-member.h"

G_BEGIN_DECLS

typedef enum {
  RK_ROSTER_COLUMN_ORGANISATION = 0, /* 所属 */
  RK_ROSTER_COLUMN_NAME,             /* 氏名 */
  RK_ROSTER_COLUMN_KANA,             /* ふりがな */
  RK_ROSTER_COLUMN_TITLE,            /* 役職 */
  RK_ROSTER_COLUMN_ROLE,             /* 役割 */
  RK_ROSTER_COLUMN_MEMBER_TYPE,      /* 構成員区分 */
  RK_ROSTER_COLUMN_BODIES,           /* 所属会議体 */
  RK_ROSTER_COLUMN_ALTERNATE,        /* 代理出席者 */
  RK_ROSTER_COLUMN_PHONE,            /* 電話 */
  RK_ROSTER_COLUMN_EMAIL,            /* メール */
  RK_ROSTER_COLUMN_TERM_START,       /* 任期開始 */
  RK_ROSTER_COLUMN_TERM_END,         /* 任期終了 */
  RK_ROSTER_COLUMN_NOTES,            /* 備考 */
  RK_ROSTER_N_COLUMNS
} RkRosterColumn;

/* The column's header as written on export ("氏名"). */
const char  *rk_roster_csv_get_header   (RkRosterColumn  column);

/* Reads a date as people write it in Japan (see above) into @date; FALSE when it is not a possible date
 * (2025-02-30, 令和1年4月1日 which is before 令和 began). */
gboolean     rk_roster_csv_parse_date   (const char     *text,
                                         GDate          *date);

/* @body_names (nullable) holds for each member a NULL-terminated list of body names (itself nullable). Characters
 * CP932 lacks are written as 〓; *@n_replaced (nullable) says how many, so the caller can warn. */
GBytes      *rk_roster_csv_export       (const RkMemberInfo        *members,
                                         const char * const * const *body_names,
                                         guint                      n,
                                         RkCsvEncoding              encoding,
                                         guint                     *n_replaced,
                                         GError                   **error);
/* The same for a list of RkMember (e.g. rk_store_get_members()), bodies from their "bodies" property. */
GBytes      *rk_roster_csv_export_members (GListModel      *members,
                                           RkCsvEncoding    encoding,
                                           guint           *n_replaced,
                                           GError         **error);

/* ---------------------------------------------------------------------------------------------------------- */
/* The result of reading a roster CSV: every non-blank record after the header, good or bad, in file order. */
typedef struct _RkRosterImport RkRosterImport;

/* Fails (RK_CSV_ERROR) only for the file as a whole: too large, not UTF-8 or CP932, an unterminated quote, empty,
 * or a header without 氏名 or 構成員区分. Problems of single rows are reported per row. */
RkRosterImport *rk_roster_csv_parse     (GBytes         *data,
                                         GError        **error);
void         rk_roster_import_free      (RkRosterImport *self);

RkCsvEncoding rk_roster_import_get_encoding (RkRosterImport *self);
guint        rk_roster_import_get_n_rows    (RkRosterImport *self);
guint        rk_roster_import_get_n_good    (RkRosterImport *self);
guint        rk_roster_import_get_n_bad     (RkRosterImport *self);

/* Row @row (0 … n_rows-1): the line it starts on in the file, what was read (strings owned by the import; for a
 * bad row whatever could be read, member_type 0 when unknown), the body names (NULL-terminated, never NULL) and,
 * for a bad row, why (translated, every problem found, one per line); NULL for a good row. */
guint        rk_roster_import_get_line       (RkRosterImport *self,
                                              guint           row);
const RkMemberInfo *rk_roster_import_get_info (RkRosterImport *self,
                                              guint           row);
const char * const *rk_roster_import_get_body_names (RkRosterImport *self,
                                                     guint           row);
const char  *rk_roster_import_get_problem    (RkRosterImport *self,
                                              guint           row);

/* The good rows exactly as rk_store_import_members() takes them: returns how many; @members and @body_names
 * (both nullable) receive arrays owned by the import. */
guint        rk_roster_import_get_good       (RkRosterImport       *self,
                                              const RkMemberInfo  **members,
                                              const char * const ***body_names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkRosterImport, rk_roster_import_free)

G_END_DECLS

/* rk-members-page.h — 会議体・構成員: the council's roster (委員名簿), filtered and sorted, with the coverage of the 20
 * candidate member types, CSV import and export, and the roster as PDF or on paper. */
#pragma once

#include <adwaita.h>

#include "rk-csv.h"
#include "rk-store-members.h"

G_BEGIN_DECLS

#define RK_TYPE_MEMBERS_PAGE (rk_members_page_get_type ())
G_DECLARE_FINAL_TYPE (RkMembersPage, rk_members_page, RK, MEMBERS_PAGE, AdwBin)

/* Actions (each does what the user's click does):
 *   "members.add" (Ctrl+Shift+N) and "members.edit" (x, a member id): present the member editor;
 *   "members.remove" (x): removes with an undo toast; "members.undo-remove": undoes the last removal;
 *   "members.end-term" (x): asks for the date (default today); "members.end-term-on" ((xs): id, ISO date);
 *   "members.set-filter" (ss): "type" (0 = all, 1–20), "body" (0 = all, a body id), "role" (-1 = all, an RkRole),
 *                              "term-months" (0 = any, else months) or "former" ("true"/"false");
 *   "members.import": file chooser, then the preview; "members.import-from" (s, a path): the preview of that file;
 *   "members.export-csv" (s, "utf-8" or "cp932") and "members.export-pdf": save dialog;
 *   "members.export-csv-to" ((ss): path, encoding) and "members.export-pdf-to" (s): write without asking;
 *   "members.print": GtkPrintOperation drawing the same pages as the PDF. */
GtkWidget   *rk_members_page_new                (RkStore       *store);
RkStore     *rk_members_page_get_store          (RkMembersPage *self);
/* The roster as shown: filtered and sorted (RkMember items). */
GListModel  *rk_members_page_get_visible_members (RkMembersPage *self);
GtkWidget   *rk_members_page_get_coverage_panel (RkMembersPage *self);
/* The toast offering to undo the last removal while it is shown, else NULL (for tests: its button-clicked). */
AdwToast    *rk_members_page_get_undo_toast     (RkMembersPage *self);

gboolean     rk_members_page_end_term           (RkMembersPage *self,
                                                 RkMember      *member,
                                                 const char    *date,
                                                 GError       **error);
/* Reads @path and presents the import preview (returned, owned by GTK), or fails with the parse error, changing
 * nothing. */
GtkWidget   *rk_members_page_import_from        (RkMembersPage *self,
                                                 const char    *path,
                                                 GError       **error);
gboolean     rk_members_page_export_csv         (RkMembersPage *self,
                                                 const char    *path,
                                                 RkCsvEncoding  encoding,
                                                 GError       **error);
gboolean     rk_members_page_export_pdf         (RkMembersPage *self,
                                                 const char    *path,
                                                 GError       **error);

G_END_DECLS

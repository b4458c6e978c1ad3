/* rk-akn.h — a version of a rule document as Akoma Ntoso 3.0 (OASIS LegalDocML), the exchange format for legal
 * documents: `<akomaNtoso><doc name="rule">` that validates against ../shared/schemas/akn/akomantoso30.xsd.
 *
 * Input is plain data: the document's metadata and the version's sections as the store exports them
 * (rk_store_export_rule_version(): RkRuleExportSection in document order, with depth, number, heading, body with
 * references already rendered, kind and form fields). Nothing here reads the store.
 *
 * The mapping:
 * - <meta><identification source="#renkei">: FRBRWork (the rule document: /akn/jp/doc/rule/<municipality>/<work
 *   date>/<document id>, FRBRcountry "jp", FRBRsubtype "rule", FRBRname), FRBRExpression (the version:
 *   …/jpn@<version date>, FRBRversionNumber = the version label, FRBRlanguage "jpn") and FRBRManifestation (this XML
 *   file, dated the day it is written, authored by #renkei). <references source="#renkei"> holds TLCOrganization
 *   "renkei" (the program) and "council" (the author of the rule).
 * - <preface>: docTitle, shortTitle, docNumber (version label), docDate (和暦 with the Western year), docStatus
 *   (起案 … 見直し中, in Japanese whatever the UI language: the document is Japanese) and docProponent (council).
 * - <mainBody>: text sections nest as <section> (depth 0, eId sec_N), <paragraph> (1, para_N), <subparagraph> (2,
 *   subpara_N) and <level> (3 and deeper, lvl_N, which nests without limit), each with <num>, <heading> (when not
 *   empty) and its body: one <p> per non-empty line, in <content> for a leaf and in <intro> before the children
 *   otherwise. eIds follow the naming convention: the parent's eId, "__", the element's abbreviation and the
 *   ordinal among its siblings of that element ("sec_2__para_1__subpara_3"); the section's uid is its GUID, so a
 *   section can be followed across versions. Annex forms (様式) are <hcontainer name="form"> (form_N) whose content
 *   is the form's note and a <table> with one row per field (label; the blank to fill in: "□男　□女" for choices,
 *   "年　月　日" for dates), the field kind in the row's class.
 * - A rule with no sections still validates: mainBody cannot be empty, so it holds one <p>（本文なし）</p>, which is
 *   what a reader of the document should see.
 * Characters XML cannot carry (C0 controls other than tab and newline) are dropped; invalid UTF-8 is replaced. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "rk-rule.h"
#include "rk-store-rules.h"

G_BEGIN_DECLS

#define RK_AKN_NAMESPACE "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

#define RK_AKN_ERROR (rk_akn_error_quark ())
GQuark rk_akn_error_quark (void);

typedef enum {
  RK_AKN_ERROR_INVALID, /* the metadata cannot make a valid document (no title, a date that is not a date …) */
  RK_AKN_ERROR_WRITE,   /* the file could not be written */
} RkAknError;

typedef struct {
  const char          *document_id;   /* the stable number of the rule document in the work URI, 1–64 of
                                       * [A-Za-z0-9_-] (e.g. the rule_document id "3"); NULL: "rule" */
  const char          *title;         /* 急変時・救急搬送時の連携ルール; required, not blank */
  const char          *short_title;   /* NULL or "" for none */
  const char          *work_date;     /* ISO: when the rule document was first made; NULL: the expression's date */
  const char          *version_label; /* 第2版 素案; NULL or "" for an unlabelled draft */
  const char          *version_date;  /* ISO; NULL or "" for a draft without one (the expression is then dated
                                       * by @generated, FRBRdate name "draft") */
  RkRuleVersionStatus  status;
  const char          *council;       /* ○○市在宅医療・介護連携推進協議会: the rule's author; required, not blank */
  const char          *municipality;  /* ○○市; NULL or "" for none (then left out of the URIs) */
  const char          *language;      /* ISO 639-2 code, NULL: "jpn" */
  const char          *generated;     /* ISO date the file is made (FRBRManifestation); NULL: today
                                       * (rk_era_get_today(), so RK_TODAY pins it) */
  GPtrArray           *sections;      /* RkRuleExportSection, document order; NULL or empty for none. A depth more
                                       * than one below the previous section is treated as one below it. */
} RkAknDocument;

/* The document as an xmlDoc (free with xmlFreeDoc()), or NULL with RK_AKN_ERROR_INVALID: a blank title or council, a
 * date that is not a real YYYY-MM-DD, a document id or language with characters outside their syntax, a status out of
 * range. Messages are translated. */
xmlDoc    *rk_akn_build (const RkAknDocument  *document,
                         GError              **error);
/* The document serialised: UTF-8 with an XML declaration, indented. */
GBytes    *rk_akn_to_bytes (const RkAknDocument  *document,
                            GError              **error);
/* Writes the document to @path through a temporary file renamed over it, so a failed write leaves what was there. */
gboolean   rk_akn_write (const RkAknDocument  *document,
                         const char           *path,
                         GError              **error);

G_END_DECLS

/* rk-booklet-page.c — the 冊子 page.
 *
 * Left, the composition: the cover fields, the parts, and for each rule document its version and whether its text
 * and its forms are printed. Every edit is saved at once; the parts always go in the canonical order, so the page
 * only keeps "what is in", never an order to get wrong. Right (below, when narrow), the preview: the booklet typeset
 * in a worker thread from a snapshot of the council (RkBookletContent), turned into PDF bytes and shown by poppler
 * page by page. An edit schedules a new preview after a short pause and cancels the one in progress. The export is
 * typeset and written in a worker thread too, with a progress bar and a Cancel button, so the window never waits.
 *
 * The recorded document of the last preview is what prints: drawn again onto the printer's pages, it is the very
 * drawing of the PDF. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-booklet-page.h"
#include "rk-era.h"
#include "rk-handout.h"
#include "rk-pdf-viewer.h"
#include "rk-roster-csv.h"
#include "rk-rule.h"
#include "rk-store-rules.h"
#include "rk-window.h"

/* After an edit, the preview waits this long for the next one. */
#define PREVIEW_DELAY_MS 500
/* The preview's pages are drawn this many pixels wide, and scaled to the pane. */
#define PREVIEW_RENDER_WIDTH 1240

/* The parts that name no rule version, in print order, with what each prints. */
static const struct {
  RkBookletPartKind  kind;
  const char        *subtitle; /* N_() */
} rk_booklet_page_parts[] = {
  { RK_BOOKLET_PART_COVER, N_("Title, edition, date and the issuing council") },
  { RK_BOOKLET_PART_CONTENTS, N_("Every heading with its page") },
  { RK_BOOKLET_PART_HISTORY, N_("The meetings held and what they decided") },
  { RK_BOOKLET_PART_ROSTER, N_("The members as of the issue date") },
  { RK_BOOKLET_PART_SCHEDULE, N_("The schedule as a Gantt chart") },
  { RK_BOOKLET_PART_INDICATORS, N_("The chosen indicators, with a chart for each that has measurements") },
  { RK_BOOKLET_PART_REVIEW, N_("How the rules are run and reviewed") },
};

/* One rule document's rows, and what the composition prints of it. */
typedef struct {
  gint64         document_id;
  GArray        *version_ids; /* gint64, as the combo row lists them */
  gint64         version_id;  /* 0: the document has no version */
  gboolean       text;
  gboolean       forms;
  GtkWidget     *group;
  AdwComboRow   *version_row;
  GtkSwitch     *text_switch;
  GtkSwitch     *forms_switch;
} DocumentRows;

/* An export in progress, shared with its worker thread. */
typedef struct {
  RkBookletContent *content;
  char             *path;
  GWeakRef          page;
  int               permille;
  int               idle_pending;
} ExportJob;

/* What a preview build hands back. */
typedef struct {
  RkPdfDocument *document;
  GBytes        *bytes;
} PreviewResult;

struct _RkBookletPage
{
  AdwBin                parent_instance;

  RkStore              *store;
  RkBooklet            *booklet;
  gboolean              updating;
  gboolean              included[RK_BOOKLET_N_PART_KINDS];
  GtkSwitch            *part_switches[RK_BOOKLET_N_PART_KINDS];
  GPtrArray            *documents;      /* of DocumentRows */
  GPtrArray            *version_lists;  /* the GListModels of versions we listen to */
  guint                 rebuild_id;
  guint                 navigation_id;

  /* The preview */
  guint                 generation;     /* counts edits: a preview typeset before the last one is not current */
  guint                 preview_timeout_id;
  gboolean              preview_dirty;
  gboolean              preview_failed;
  GCancellable         *preview_cancellable;
  PopplerDocument      *preview;
  GBytes               *preview_bytes;
  RkPdfDocument        *recorded;
  guint                 recorded_generation;
  guint                 page;           /* 0-based */
  GStrv                 warnings;
  GPtrArray            *warning_rows;
  gboolean              printing;
  gboolean              print_when_ready;

  /* The export */
  GCancellable         *export_cancellable;
  ExportJob            *export_job;

  /* Template widgets */
  GtkWidget            *composition_button;
  GtkWidget            *preview_button;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  AdwLeaflet           *leaflet;
  GtkWidget            *composition;
  GtkWidget            *preview_box;
  AdwPreferencesGroup  *warnings_group;
  AdwEntryRow          *title_row;
  AdwEntryRow          *edition_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *publisher_row;
  AdwPreferencesGroup  *parts_group;
  GtkWidget            *no_rules_group;
  GtkBox               *documents_box;
  GtkLabel             *page_label;
  GtkStack             *preview_stack;
  GtkSpinner           *building_spinner;
  GtkScrolledWindow    *preview_scroll;
  GtkPicture           *preview_picture;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (RkBookletPage, rk_booklet_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rk_booklet_page_queue_preview (RkBookletPage *self);
static void rk_booklet_page_start_preview (RkBookletPage *self);
static void rk_booklet_page_update_status (RkBookletPage *self);

static void
document_rows_free (DocumentRows *rows)
{
  g_clear_pointer (&rows->version_ids, g_array_unref);
  g_free (rows);
}

static void
export_job_clear (ExportJob *job)
{
  g_clear_pointer (&job->content, rk_booklet_content_free);
  g_clear_pointer (&job->path, g_free);
  g_weak_ref_clear (&job->page);
}

static void
export_job_unref (ExportJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) export_job_clear);
}

static void
preview_result_free (PreviewResult *result)
{
  g_clear_object (&result->document);
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_free (result);
}

/* ---- The composition ------------------------------------------------------------------------------------ */

static DocumentRows *
find_document (RkBookletPage *self,
               gint64         document_id)
{
  for (guint i = 0; i < self->documents->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (self->documents, i);

      if (rows->document_id == document_id)
        return rows;
    }

  return NULL;
}

static gboolean
has_version (DocumentRows *rows,
             gint64        version_id)
{
  for (guint i = 0; i < rows->version_ids->len; i++)
    if (g_array_index (rows->version_ids, gint64, i) == version_id)
      return TRUE;

  return FALSE;
}

/* What the composition prints, read back from the booklet: the parts it has, and for each rule document the version
 * its parts name (the newest when it prints nothing of it yet). A part naming a version of no live document has no
 * row: the preview's warnings say it is left out, and the next edit drops it. */
static void
rk_booklet_page_load_choices (RkBookletPage *self)
{
  for (guint k = 0; k < RK_BOOKLET_N_PART_KINDS; k++)
    self->included[k] = !rk_booklet_part_kind_has_version (k) && rk_booklet_find_part (self->booklet, k, 0) >= 0;

  for (guint i = 0; i < self->documents->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (self->documents, i);

      rows->text = FALSE;
      rows->forms = FALSE;
      rows->version_id = rows->version_ids->len > 0
                         ? g_array_index (rows->version_ids, gint64, rows->version_ids->len - 1) : 0;
      for (guint p = 0; p < self->booklet->parts->len; p++)
        {
          const RkBookletPart *part = &g_array_index (self->booklet->parts, RkBookletPart, p);

          if (!rk_booklet_part_kind_has_version (part->kind) || !has_version (rows, part->version_id))
            continue;
          /* The first part found names the version; text and forms print the same one. */
          if (!rows->text && !rows->forms)
            rows->version_id = part->version_id;
          if (part->version_id != rows->version_id)
            continue;
          if (part->kind == RK_BOOKLET_PART_RULES)
            rows->text = TRUE;
          else
            rows->forms = TRUE;
        }
    }
}

/* The booklet the choices make, in the canonical order. */
static RkBooklet *
rk_booklet_page_compose (RkBookletPage *self)
{
  g_autoptr(RkBooklet) booklet = rk_booklet_copy (self->booklet);
  static const RkBookletPartKind after_rules[] = {
    RK_BOOKLET_PART_HISTORY, RK_BOOKLET_PART_ROSTER, RK_BOOKLET_PART_SCHEDULE, RK_BOOKLET_PART_INDICATORS,
    RK_BOOKLET_PART_REVIEW,
  };

  g_array_set_size (booklet->parts, 0);
  if (self->included[RK_BOOKLET_PART_COVER])
    rk_booklet_add_part (booklet, RK_BOOKLET_PART_COVER, 0);
  if (self->included[RK_BOOKLET_PART_CONTENTS])
    rk_booklet_add_part (booklet, RK_BOOKLET_PART_CONTENTS, 0);
  for (guint i = 0; i < self->documents->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (self->documents, i);

      if (rows->version_id == 0)
        continue;
      if (rows->text)
        rk_booklet_add_part (booklet, RK_BOOKLET_PART_RULES, rows->version_id);
      if (rows->forms)
        rk_booklet_add_part (booklet, RK_BOOKLET_PART_FORMS, rows->version_id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (after_rules); i++)
    if (self->included[after_rules[i]])
      rk_booklet_add_part (booklet, after_rules[i], 0);

  return g_steal_pointer (&booklet);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static char *
format_issue_date (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0' || !rk_era_parse_iso_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  return rk_era_format_date (&date);
}

static void
rk_booklet_page_sync_cover (RkBookletPage *self)
{
  g_autofree char *date = format_issue_date (self->booklet->issue_date);

  self->updating = TRUE;
  set_entry_text (self->title_row, self->booklet->title);
  set_entry_text (self->edition_row, self->booklet->edition);
  set_entry_text (self->date_row, date);
  set_entry_text (self->publisher_row, self->booklet->publisher);
  self->updating = FALSE;
}

/* Puts the choices into the switches and combo rows (without saving anything). */
static void
rk_booklet_page_sync_choices (RkBookletPage *self)
{
  self->updating = TRUE;
  for (guint k = 0; k < RK_BOOKLET_N_PART_KINDS; k++)
    if (self->part_switches[k] != NULL)
      gtk_switch_set_active (self->part_switches[k], self->included[k]);

  for (guint i = 0; i < self->documents->len; i++)
    {
      DocumentRows *rows = g_ptr_array_index (self->documents, i);

      for (guint v = 0; v < rows->version_ids->len; v++)
        if (g_array_index (rows->version_ids, gint64, v) == rows->version_id)
          adw_combo_row_set_selected (rows->version_row, v);
      gtk_switch_set_active (rows->text_switch, rows->text);
      gtk_switch_set_active (rows->forms_switch, rows->forms);
    }
  self->updating = FALSE;
}

/* Saves @candidate (taking it) as the composition. Refused, the last good one stays and the widgets show it. */
static gboolean
rk_booklet_page_save (RkBookletPage  *self,
                      RkBooklet      *candidate,
                      GError        **error)
{
  g_autoptr(RkBooklet) booklet = candidate;

  if (!rk_store_save_booklet (self->store, booklet, error))
    {
      rk_booklet_page_load_choices (self);
      rk_booklet_page_sync_choices (self);
      return FALSE;
    }

  g_clear_pointer (&self->booklet, rk_booklet_free);
  self->booklet = g_steal_pointer (&booklet);
  rk_booklet_page_queue_preview (self);
  return TRUE;
}

static gboolean
rk_booklet_page_save_choices (RkBookletPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!rk_booklet_page_save (self, rk_booklet_page_compose (self), &error))
    {
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return FALSE;
    }

  /* An action may have made the change: the switches say what was saved. */
  rk_booklet_page_sync_choices (self);
  return TRUE;
}

static AdwEntryRow *
field_row (RkBookletPage *self,
           const char    *field)
{
  if (g_str_equal (field, "title"))
    return self->title_row;
  if (g_str_equal (field, "edition"))
    return self->edition_row;
  if (g_str_equal (field, "issue-date"))
    return self->date_row;
  if (g_str_equal (field, "publisher"))
    return self->publisher_row;
  return NULL;
}

/* Sets a cover field. The row keeps what was typed when it is refused, marked, so it can be put right. */
static gboolean
rk_booklet_page_set_field (RkBookletPage  *self,
                           const char     *field,
                           const char     *text,
                           GError        **error)
{
  g_autoptr(RkBooklet) candidate = rk_booklet_copy (self->booklet);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  AdwEntryRow *row = field_row (self, field);
  char **slot;

  g_return_val_if_fail (row != NULL, FALSE);

  if (row == self->date_row)
    {
      GDate date;

      slot = &candidate->issue_date;
      g_clear_pointer (slot, g_free);
      if (*stripped != '\0')
        {
          if (!rk_roster_csv_parse_date (stripped, &date))
            {
              g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           /* Translators: %s is what was typed as the booklet's issue date. */
                           _("“%s” is not a date. Write it as 令和7年4月1日 or 2025-04-01."), stripped);
              gtk_widget_add_css_class (GTK_WIDGET (row), "error");
              return FALSE;
            }
          *slot = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date));
        }
    }
  else
    {
      slot = row == self->title_row ? &candidate->title
             : row == self->edition_row ? &candidate->edition : &candidate->publisher;
      g_free (*slot);
      *slot = g_steal_pointer (&stripped);
    }

  if (!rk_booklet_page_save (self, g_steal_pointer (&candidate), error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }

  /* Shown as saved: a date in 和暦, spaces trimmed. */
  self->updating = TRUE;
  if (row == self->date_row)
    {
      g_autofree char *date = format_issue_date (self->booklet->issue_date);

      set_entry_text (row, date);
    }
  else
    set_entry_text (row, row == self->title_row ? self->booklet->title
                         : row == self->edition_row ? self->booklet->edition : self->booklet->publisher);
  self->updating = FALSE;
  return TRUE;
}

static void
field_apply_cb (RkBookletPage *self,
                AdwEntryRow   *row)
{
  const char *field = row == self->title_row ? "title"
                      : row == self->edition_row ? "edition"
                      : row == self->date_row ? "issue-date" : "publisher";

  gtk_widget_activate_action (GTK_WIDGET (self), "booklet.set-field", "(ss)", field,
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
part_switch_cb (GtkSwitch     *sw,
                GParamSpec    *pspec,
                RkBookletPage *self)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sw), "rk-part-kind"));

  if (self->updating)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "booklet.set-part", "(ib)", kind, gtk_switch_get_active (sw));
}

static void
rule_switch_cb (GtkSwitch     *sw,
                GParamSpec    *pspec,
                RkBookletPage *self)
{
  DocumentRows *rows = g_object_get_data (G_OBJECT (sw), "rk-document");

  if (self->updating)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "booklet.set-rule-part", "(xib)", rows->document_id,
                              sw == rows->text_switch ? RK_BOOKLET_PART_RULES : RK_BOOKLET_PART_FORMS,
                              gtk_switch_get_active (sw));
}

static void
version_selected_cb (AdwComboRow   *row,
                     GParamSpec    *pspec,
                     RkBookletPage *self)
{
  DocumentRows *rows = g_object_get_data (G_OBJECT (row), "rk-document");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= rows->version_ids->len)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "booklet.set-version", "(xx)", rows->document_id,
                              g_array_index (rows->version_ids, gint64, selected));
}

static GtkSwitch *
add_switch_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                const char          *accessible_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  /* The row makes its title label the switch's too, and GTK 4.8 reads both names ("表紙 表紙"): ours says it all. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  adw_preferences_group_add (group, row);

  return GTK_SWITCH (sw);
}

static void
rk_booklet_page_build_parts (RkBookletPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (rk_booklet_page_parts); i++)
    {
      RkBookletPartKind kind = rk_booklet_page_parts[i].kind;
      const char *label = rk_booklet_part_kind_to_label (kind);
      GtkSwitch *sw = add_switch_row (self->parts_group, label, _(rk_booklet_page_parts[i].subtitle), label);

      g_object_set_data (G_OBJECT (sw), "rk-part-kind", GINT_TO_POINTER (kind));
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (part_switch_cb), self, 0);
      self->part_switches[kind] = sw;
    }
}

static void rk_booklet_page_queue_rebuild (RkBookletPage *self);

/* One group for each rule document: its version, its text, its forms. */
static void
rk_booklet_page_build_documents (RkBookletPage *self)
{
  GListModel *documents = rk_store_get_rule_documents (self->store);
  guint n = g_list_model_get_n_items (documents);

  for (guint i = 0; i < self->documents->len; i++)
    gtk_box_remove (self->documents_box, ((DocumentRows *) g_ptr_array_index (self->documents, i))->group);
  g_ptr_array_set_size (self->documents, 0);
  rk_widget_unwatch (GTK_WIDGET (self), self->version_lists);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkRuleDocument) document = g_list_model_get_item (documents, i);
      GListModel *versions = rk_store_get_rule_versions (self->store, document);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      DocumentRows *rows = g_new0 (DocumentRows, 1);
      const char *title = rk_rule_document_get_title (document);
      g_autofree char *text_name = NULL;
      g_autofree char *forms_name = NULL;
      g_autofree char *version_name = NULL;
      GtkWidget *row;

      rows->document_id = rk_rule_document_get_id (document);
      rows->version_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint v = 0; v < g_list_model_get_n_items (versions); v++)
        {
          g_autoptr(RkRuleVersion) version = g_list_model_get_item (versions, v);
          gint64 id = rk_rule_version_get_id (version);
          g_autofree char *label = NULL;

          /* Translators: a version in the booklet's list: %1$s its label (第2版), %2$s its status (運用中). */
          label = g_strdup_printf (_("%1$s · %2$s"), rk_rule_version_get_display_label (version),
                                   rk_rule_version_status_to_label (rk_rule_version_get_status (version)));
          gtk_string_list_append (labels, label);
          g_array_append_val (rows->version_ids, id);
        }
      g_ptr_array_add (self->version_lists, g_object_ref (versions));
      g_signal_connect_object (versions, "items-changed", G_CALLBACK (rk_booklet_page_queue_rebuild), self,
                               G_CONNECT_SWAPPED);

      rows->group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rows->group), title);
      if (rows->version_ids->len == 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (rows->group),
                                               _("This document has no version yet: there is nothing to print."));

      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Version"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      /* Translators: the accessible name of a booklet's version choice; %s is a rule document's title. */
      version_name = g_strdup_printf (_("Version of “%s”"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, version_name, -1);
      /* Named once, with the document's title, not again by its title label ("版"). */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_widget_set_sensitive (row, rows->version_ids->len > 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows->group), row);
      rows->version_row = ADW_COMBO_ROW (row);

      /* Translators: the accessible name of a booklet switch; %s is a rule document's title. */
      text_name = g_strdup_printf (_("Print the Text of “%s”"), title);
      rows->text_switch = add_switch_row (ADW_PREFERENCES_GROUP (rows->group), _("Rule Text"),
                                          _("The sections of the rule"), text_name);
      /* Translators: the accessible name of a booklet switch; %s is a rule document's title. */
      forms_name = g_strdup_printf (_("Print the Forms of “%s”"), title);
      rows->forms_switch = add_switch_row (ADW_PREFERENCES_GROUP (rows->group), _("Forms"),
                                           _("The annex forms (様式), each as a form to fill in"), forms_name);
      gtk_widget_set_sensitive (GTK_WIDGET (rows->text_switch), rows->version_ids->len > 0);
      gtk_widget_set_sensitive (GTK_WIDGET (rows->forms_switch), rows->version_ids->len > 0);

      g_object_set_data (G_OBJECT (row), "rk-document", rows);
      g_object_set_data (G_OBJECT (rows->text_switch), "rk-document", rows);
      g_object_set_data (G_OBJECT (rows->forms_switch), "rk-document", rows);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (version_selected_cb), self, 0);
      g_signal_connect_object (rows->text_switch, "notify::active", G_CALLBACK (rule_switch_cb), self, 0);
      g_signal_connect_object (rows->forms_switch, "notify::active", G_CALLBACK (rule_switch_cb), self, 0);

      gtk_box_append (self->documents_box, rows->group);
      rk_accessible_fix_names (rows->group);
      g_ptr_array_add (self->documents, rows);
    }

  gtk_widget_set_visible (self->no_rules_group, n == 0);
}

/* Reads the composition and the rule documents again (after a document or a version came or went). A proposal not
 * yet saved is proposed again, so it names the versions there are now. */
static void
rk_booklet_page_reload (RkBookletPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->booklet == NULL || self->booklet->id == 0)
    {
      RkBooklet *booklet = rk_store_get_booklet (self->store, &error);

      if (booklet == NULL)
        {
          /* A closed or unreadable file: the page keeps what it shows, and the preview says what is wrong. */
          g_debug ("Could not read the booklet's composition: %s", error->message);
          if (self->booklet == NULL)
            self->booklet = rk_booklet_new ();
        }
      else
        {
          g_clear_pointer (&self->booklet, rk_booklet_free);
          self->booklet = booklet;
        }
      rk_booklet_page_sync_cover (self);
    }

  rk_booklet_page_build_documents (self);
  rk_booklet_page_load_choices (self);
  rk_booklet_page_sync_choices (self);
  rk_booklet_page_queue_preview (self);
}

static gboolean
rk_booklet_page_rebuild_idle (gpointer data)
{
  RkBookletPage *self = data;

  self->rebuild_id = 0;
  rk_booklet_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
rk_booklet_page_queue_rebuild (RkBookletPage *self)
{
  /* A burst of changes (a version branched, a document restored) rebuilds once. */
  if (self->rebuild_id == 0 && self->store != NULL)
    self->rebuild_id = g_idle_add (rk_booklet_page_rebuild_idle, self);
}

/* ---- Composition actions -------------------------------------------------------------------------------- */

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *field, *text;

  g_variant_get (param, "(&s&s)", &field, &text);
  if (field_row (self, field) == NULL)
    {
      g_warning ("booklet.set-field: no field “%s”", field);
      return;
    }
  if (!rk_booklet_page_set_field (self, field, text, &error))
    rk_widget_show_error_toast (widget, error);
}

static void
set_part_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);
  gboolean included;
  int kind;

  g_variant_get (param, "(ib)", &kind, &included);
  if (kind < 0 || kind >= RK_BOOKLET_N_PART_KINDS || rk_booklet_part_kind_has_version (kind))
    {
      g_warning ("booklet.set-part: %d is not a part without a version", kind);
      return;
    }
  if (self->included[kind] == included)
    return;

  self->included[kind] = included;
  rk_booklet_page_save_choices (self);
}

static void
set_rule_part_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);
  DocumentRows *rows;
  gboolean included;
  gint64 document_id;
  int kind;

  g_variant_get (param, "(xib)", &document_id, &kind, &included);
  if ((rows = find_document (self, document_id)) == NULL || rows->version_id == 0
      || (kind != RK_BOOKLET_PART_RULES && kind != RK_BOOKLET_PART_FORMS))
    return;

  if (kind == RK_BOOKLET_PART_RULES)
    rows->text = included;
  else
    rows->forms = included;
  rk_booklet_page_save_choices (self);
}

static void
set_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);
  DocumentRows *rows;
  gint64 document_id, version_id;

  g_variant_get (param, "(xx)", &document_id, &version_id);
  if ((rows = find_document (self, document_id)) == NULL || !has_version (rows, version_id)
      || rows->version_id == version_id)
    return;

  rows->version_id = version_id;
  /* Choosing a version is choosing to print it: a document printed not at all gets its text. */
  if (!rows->text && !rows->forms)
    rows->text = TRUE;
  rk_booklet_page_save_choices (self);
}

/* ---- The preview ---------------------------------------------------------------------------------------- */

static void
rk_booklet_page_update_actions (RkBookletPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->preview != NULL ? (guint) poppler_document_get_n_pages (self->preview) : 0;

  gtk_widget_action_set_enabled (widget, "booklet.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (widget, "booklet.next-page", self->page + 1 < n);
  gtk_widget_action_set_enabled (widget, "booklet.open-viewer", self->preview_bytes != NULL);
  gtk_widget_action_set_enabled (widget, "booklet.export", self->export_job == NULL);
  gtk_widget_action_set_enabled (widget, "booklet.cancel", self->export_job != NULL);
  gtk_widget_action_set_enabled (widget, "booklet.print", !self->printing && !self->print_when_ready);
}

static void
rk_booklet_page_show_preview_page (RkBookletPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  guint n;

  if (self->preview == NULL)
    {
      gtk_label_set_text (self->page_label, "");
      gtk_picture_set_paintable (self->preview_picture, NULL);
      rk_booklet_page_update_actions (self);
      return;
    }

  n = (guint) poppler_document_get_n_pages (self->preview);
  self->page = MIN (self->page, n > 0 ? n - 1 : 0);
  /* Translators: the page shown and the number of pages of a PDF, "2 / 5". */
  label = g_strdup_printf (_("%1$u / %2$u"), self->page + 1, n);
  gtk_label_set_text (self->page_label, label);
  /* Translators: the tooltip of the "n / m" label of the PDF reader. */
  name = g_strdup_printf (_("Page %1$u of %2$u"), self->page + 1, n);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  surface = n > 0 ? rk_handout_render_page (self->preview, (int) self->page, PREVIEW_RENDER_WIDTH, &error) : NULL;
  if (surface != NULL)
    {
      g_autoptr(GBytes) pixels = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      int width = cairo_image_surface_get_width (surface);
      int height = cairo_image_surface_get_height (surface);
      int stride = cairo_image_surface_get_stride (surface);

      /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines: GDK_MEMORY_DEFAULT. */
      pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
      texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
      gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
      cairo_surface_destroy (surface);
    }
  else
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      gtk_picture_set_paintable (self->preview_picture, NULL);
    }
  rk_booklet_page_update_actions (self);
}

static void
rk_booklet_page_set_warnings (RkBookletPage *self,
                              GPtrArray     *warnings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->warning_rows->len; i++)
    adw_preferences_group_remove (self->warnings_group, g_ptr_array_index (self->warning_rows, i));
  g_ptr_array_set_size (self->warning_rows, 0);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      g_strv_builder_add (builder, warning);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->warning_rows, row);
    }

  g_clear_pointer (&self->warnings, g_strfreev);
  self->warnings = g_strv_builder_end (builder);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), self->warning_rows->len > 0);
}

static gboolean
rk_booklet_page_is_busy (RkBookletPage *self)
{
  return self->preview_dirty || self->preview_cancellable != NULL;
}

static void
rk_booklet_page_update_status (RkBookletPage *self)
{
  gboolean busy = rk_booklet_page_is_busy (self);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->building_spinner, busy && self->preview == NULL);

  if (busy)
    text = g_strdup (self->print_when_ready ? _("Preparing to print…") : _("Updating preview…"));
  else if (self->preview_failed)
    text = g_strdup (_("No preview"));
  else if (self->preview != NULL)
    {
      guint n = (guint) poppler_document_get_n_pages (self->preview);
      guint n_warnings = self->warnings != NULL ? g_strv_length (self->warnings) : 0;
      g_autofree char *pages = g_strdup_printf (ngettext ("%u page", "%u pages", n), n);

      if (n_warnings > 0)
        {
          g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings),
                                                       n_warnings);

          /* Translators: the booklet's status: %1$s its pages ("12 pages"), %2$s its warnings ("2 warnings"). */
          text = g_strdup_printf (_("%1$s · %2$s"), pages, warnings);
        }
      else
        text = g_steal_pointer (&pages);
    }
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);
  rk_booklet_page_update_actions (self);
}

static void
rk_booklet_page_show_preview_error (RkBookletPage *self,
                                    const GError  *error)
{
  self->preview_failed = TRUE;
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

typedef struct {
  RkBookletContent *content;
  guint             generation;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_pointer (&job->content, rk_booklet_content_free);
  g_free (job);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(RkPdfDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PreviewResult *result;
  RkPdfMetadata metadata = { 0, };
  GError *error = NULL;

  if (!(document = rk_booklet_build (job->content, cancellable, NULL, NULL, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  rk_booklet_get_metadata (job->content, &metadata);
  if (!(bytes = rk_pdf_document_export_bytes (document, &metadata, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (PreviewResult, 1);
  result->document = g_steal_pointer (&document);
  result->bytes = g_steal_pointer (&bytes);
  g_task_return_pointer (task, result, (GDestroyNotify) preview_result_free);
}

static void rk_booklet_page_print_now (RkBookletPage *self);

static void
preview_built_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (source);
  GTask *task = G_TASK (result);
  PreviewJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  PreviewResult *built = g_task_propagate_pointer (task, &error);
  PopplerDocument *preview = NULL;

  /* A build superseded by a newer one, or outliving the page, is dropped. */
  if (self->store == NULL || g_task_get_cancellable (task) != self->preview_cancellable)
    {
      g_clear_pointer (&built, preview_result_free);
      return;
    }
  g_clear_object (&self->preview_cancellable);

  if (built != NULL)
    preview = poppler_document_new_from_bytes (built->bytes, NULL, &error);

  if (preview == NULL)
    {
      g_clear_pointer (&built, preview_result_free);
      self->print_when_ready = FALSE;
      rk_booklet_page_show_preview_error (self, error);
      rk_booklet_page_update_status (self);
      return;
    }

  g_clear_object (&self->preview);
  self->preview = preview;
  g_clear_pointer (&self->preview_bytes, g_bytes_unref);
  self->preview_bytes = g_steal_pointer (&built->bytes);
  g_clear_object (&self->recorded);
  self->recorded = g_steal_pointer (&built->document);
  self->recorded_generation = job->generation;
  self->preview_failed = FALSE;
  g_clear_pointer (&built, preview_result_free);

  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  rk_booklet_page_show_preview_page (self);
  rk_booklet_page_update_status (self);

  if (self->print_when_ready)
    {
      self->print_when_ready = FALSE;
      rk_booklet_page_update_status (self);
      rk_booklet_page_print_now (self);
    }
}

/* Takes a snapshot of the council (here, on the thread that owns the store) and typesets it in a worker thread. */
static void
rk_booklet_page_start_preview (RkBookletPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  RkBookletContent *content;
  PreviewJob *job;

  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  /* The printed document is not typeset over while the print dialog draws it. */
  if (self->printing || self->store == NULL)
    return;

  if (self->preview_cancellable != NULL)
    {
      g_cancellable_cancel (self->preview_cancellable);
      g_clear_object (&self->preview_cancellable);
    }
  self->preview_dirty = FALSE;

  if (!(content = rk_booklet_content_new_from_store (self->store, self->booklet, &error)))
    {
      self->print_when_ready = FALSE;
      rk_booklet_page_set_warnings (self, NULL);
      rk_booklet_page_show_preview_error (self, error);
      rk_booklet_page_update_status (self);
      return;
    }
  rk_booklet_page_set_warnings (self, content->warnings);

  job = g_new0 (PreviewJob, 1);
  job->content = content;
  job->generation = self->generation;
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, preview_built_cb, NULL);
  g_task_set_source_tag (task, rk_booklet_page_start_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);

  if (self->preview == NULL)
    gtk_stack_set_visible_child_name (self->preview_stack, "building");
  rk_booklet_page_update_status (self);
}

static gboolean
preview_timeout_cb (gpointer data)
{
  RkBookletPage *self = data;

  self->preview_timeout_id = 0;
  rk_booklet_page_start_preview (self);
  return G_SOURCE_REMOVE;
}

/* After an edit: a new preview once the edits pause, and only while the page is on screen (a page out of sight is
 * typeset when it is shown again). */
static void
rk_booklet_page_queue_preview (RkBookletPage *self)
{
  self->generation++;
  self->preview_dirty = TRUE;
  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->printing)
    self->preview_timeout_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
  rk_booklet_page_update_status (self);
}

static void
rk_booklet_page_map (GtkWidget *widget)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  GTK_WIDGET_CLASS (rk_booklet_page_parent_class)->map (widget);

  /* The council may have changed on other pages meanwhile: what the booklet prints is read again. */
  if (!self->printing)
    {
      self->generation++;
      rk_booklet_page_start_preview (self);
    }
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  if (self->page > 0)
    {
      self->page--;
      rk_booklet_page_show_preview_page (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->preview_scroll), 0);
    }
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  if (self->preview != NULL && self->page + 1 < (guint) poppler_document_get_n_pages (self->preview))
    {
      self->page++;
      rk_booklet_page_show_preview_page (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->preview_scroll), 0);
    }
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  self->generation++;
  rk_booklet_page_start_preview (self);
}

static void
open_viewer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  RkPdfViewer *viewer;

  if (self->preview_bytes == NULL)
    return;

  viewer = rk_pdf_viewer_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->preview_bytes,
                              self->booklet->title, &error);
  if (viewer == NULL)
    {
      rk_widget_show_error (widget, _("Could Not Show the Preview"), error);
      return;
    }
  rk_pdf_viewer_show_page (viewer, self->page + 1);
  gtk_window_present (GTK_WINDOW (viewer));
}

static gboolean
update_navigation_idle (gpointer data)
{
  RkBookletPage *self = data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  self->navigation_id = 0;
  gtk_widget_set_visible (self->composition_button, folded && visible == self->preview_box);
  gtk_widget_set_visible (self->preview_button, folded && visible != self->preview_box);
  return G_SOURCE_REMOVE;
}

static void
leaflet_changed_cb (RkBookletPage *self)
{
  /* The leaflet folds while it is being allocated: the buttons change after that, not inside it. */
  if (self->navigation_id == 0)
    self->navigation_id = g_idle_add (update_navigation_idle, self);
}

static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->preview_box);
}

static void
show_composition_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->composition);
}

/* ---- Print ---------------------------------------------------------------------------------------------- */

/* What the booklet is called outside the app: the print job, the file "Print to File" and the export offer. */
static const char *
rk_booklet_page_get_file_title (RkBookletPage *self)
{
  if (self->booklet->title != NULL && *self->booklet->title != '\0')
    return self->booklet->title;

  return _("Booklet");
}

static void
rk_booklet_page_print_now (RkBookletPage *self)
{
  g_autoptr(RkPdfDocument) document = g_object_ref (self->recorded);
  g_autoptr(GError) error = NULL;

  self->printing = TRUE;
  rk_booklet_page_update_actions (self);
  if (!rk_widget_print_document (GTK_WIDGET (self), document, rk_booklet_page_get_file_title (self),
                                 GTK_PAGE_ORIENTATION_PORTRAIT, &error))
    rk_widget_show_error (GTK_WIDGET (self), _("Could Not Print the Booklet"), error);
  self->printing = FALSE;
  rk_booklet_page_update_actions (self);

  if (self->preview_dirty && self->store != NULL)
    rk_booklet_page_queue_preview (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  if (self->recorded != NULL && !self->preview_dirty && self->recorded_generation == self->generation)
    {
      rk_booklet_page_print_now (self);
      return;
    }

  /* What prints is what the preview shows: typeset it first, then print. */
  self->print_when_ready = TRUE;
  if (self->preview_dirty || self->preview_cancellable == NULL)
    rk_booklet_page_start_preview (self);
  rk_booklet_page_update_status (self);
}

/* ---- Export --------------------------------------------------------------------------------------------- */

static gboolean
export_progress_idle (gpointer data)
{
  ExportJob *job = data;
  g_autoptr(RkBookletPage) self = g_weak_ref_get (&job->page);

  g_atomic_int_set (&job->idle_pending, 0);
  if (self != NULL && self->export_job == job)
    gtk_progress_bar_set_fraction (self->export_progress, g_atomic_int_get (&job->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* Called on the export's thread: the fraction is handed to the main thread, one idle at a time. */
static void
export_progress_cb (double   fraction,
                    gpointer data)
{
  ExportJob *job = data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&job->idle_pending, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT, export_progress_idle, g_atomic_rc_box_acquire (job),
                     (GDestroyNotify) export_job_unref);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!rk_booklet_export (job->content, job->path, cancellable, export_progress_cb, job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);
  g_autofree char *escaped = g_markup_escape_text (basename, -1);
  gboolean done = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->export_job == job)
    {
      g_clear_pointer (&self->export_job, export_job_unref);
      g_clear_object (&self->export_cancellable);
    }
  if (self->store == NULL)
    return;

  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  rk_booklet_page_update_actions (self);

  if (done)
    /* Translators: a toast after an export; %s is a file name. */
    rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), escaped));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rk_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Export cancelled")));
  else
    rk_widget_show_error (GTK_WIDGET (self), _("Could Not Export the Booklet"), error);
}

static gboolean
rk_booklet_page_export_to (RkBookletPage  *self,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *label = NULL;
  RkBookletContent *content;
  ExportJob *job;

  if (self->export_job != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The booklet is being exported. Wait for it to finish or cancel it."));
      return FALSE;
    }
  if (!(content = rk_booklet_content_new_from_store (self->store, self->booklet, error)))
    return FALSE;

  job = g_atomic_rc_box_new0 (ExportJob);
  job->content = content;
  job->path = g_strdup (path);
  g_weak_ref_init (&job->page, self);
  self->export_job = job;
  self->export_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, rk_booklet_page_export_to);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (job), (GDestroyNotify) export_job_unref);
  g_task_run_in_thread (task, export_thread);

  /* Translators: above the export's progress bar; %s is a file name. */
  label = g_strdup_printf (_("Exporting “%s”…"), basename);
  gtk_label_set_text (self->export_label, label);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  rk_booklet_page_update_actions (self);
  return TRUE;
}

static void
chosen_path_cb (GtkWidget  *widget,
                const char *path,
                gpointer    data)
{
  gtk_widget_activate_action (widget, "booklet.export", "s", path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);
  const char *path = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;

  if (*path == '\0')
    {
      g_autofree char *name = g_strdup (rk_booklet_page_get_file_title (self));
      g_autofree char *suggested = NULL;

      /* A title is not a path. */
      g_strdelimit (name, "/\\", '-');
      suggested = g_strconcat (name, ".pdf", NULL);
      rk_widget_choose_path (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Booklet"), suggested,
                             _("PDF Documents"), "application/pdf", "pdf", chosen_path_cb, NULL);
      return;
    }

  if (!rk_booklet_page_export_to (self, path, &error))
    rk_widget_show_error (widget, _("Could Not Export the Booklet"), error);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* ---- Public --------------------------------------------------------------------------------------------- */

RkStore *
rk_booklet_page_get_store (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), NULL);

  return self->store;
}

const RkBooklet *
rk_booklet_page_get_booklet (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), NULL);

  return self->booklet;
}

PopplerDocument *
rk_booklet_page_get_preview (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), NULL);

  return self->preview;
}

guint
rk_booklet_page_get_preview_n_pages (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), 0);

  return self->preview != NULL ? (guint) poppler_document_get_n_pages (self->preview) : 0;
}

guint
rk_booklet_page_get_preview_page (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), 0);

  return self->preview != NULL ? self->page + 1 : 0;
}

gboolean
rk_booklet_page_get_preview_busy (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), FALSE);

  return rk_booklet_page_is_busy (self);
}

const char * const *
rk_booklet_page_get_warnings (RkBookletPage *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), NULL);

  return self->warnings != NULL ? (const char * const *) self->warnings : none;
}

gboolean
rk_booklet_page_get_exporting (RkBookletPage *self)
{
  g_return_val_if_fail (RK_IS_BOOKLET_PAGE (self), FALSE);

  return self->export_job != NULL;
}

/* ---- Construction --------------------------------------------------------------------------------------- */

static void
rk_booklet_page_constructed (GObject *object)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (object);

  G_OBJECT_CLASS (rk_booklet_page_parent_class)->constructed (object);

  g_return_if_fail (RK_IS_STORE (self->store));

  g_signal_connect_object (rk_store_get_rule_documents (self->store), "items-changed",
                           G_CALLBACK (rk_booklet_page_queue_rebuild), self, G_CONNECT_SWAPPED);
  rk_booklet_page_reload (self);
}

static void
rk_booklet_page_dispose (GObject *object)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->navigation_id, g_source_remove);
  g_clear_handle_id (&self->preview_timeout_id, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  /* A window closing mid-export leaves no file behind. */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  rk_widget_unwatch (GTK_WIDGET (self), self->version_lists);
  /* Work still running in a thread holds the page, not the council file. */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_booklet_page_parent_class)->dispose (object);
}

static void
rk_booklet_page_finalize (GObject *object)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (object);

  g_clear_pointer (&self->booklet, rk_booklet_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->version_lists, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_strfreev);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->preview_bytes, g_bytes_unref);
  g_clear_object (&self->recorded);
  g_clear_object (&self->export_cancellable);
  g_clear_pointer (&self->export_job, export_job_unref);

  G_OBJECT_CLASS (rk_booklet_page_parent_class)->finalize (object);
}

static void
rk_booklet_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_booklet_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RkBookletPage *self = RK_BOOKLET_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_booklet_page_class_init (RkBookletPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_booklet_page_constructed;
  object_class->dispose = rk_booklet_page_dispose;
  object_class->finalize = rk_booklet_page_finalize;
  object_class->get_property = rk_booklet_page_get_property;
  object_class->set_property = rk_booklet_page_set_property;
  widget_class->map = rk_booklet_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-booklet-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, composition_button);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, preview_button);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, export_label);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, export_progress);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, composition);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, preview_box);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, edition_row);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, parts_group);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, no_rules_group);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, documents_box);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, page_label);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, building_spinner);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, preview_scroll);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, RkBookletPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, field_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);

  gtk_widget_class_install_action (widget_class, "booklet.set-field", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "booklet.set-part", "(ib)", set_part_action);
  gtk_widget_class_install_action (widget_class, "booklet.set-rule-part", "(xib)", set_rule_part_action);
  gtk_widget_class_install_action (widget_class, "booklet.set-version", "(xx)", set_version_action);
  gtk_widget_class_install_action (widget_class, "booklet.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "booklet.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "booklet.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "booklet.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "booklet.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "booklet.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "booklet.open-viewer", NULL, open_viewer_action);
  gtk_widget_class_install_action (widget_class, "booklet.show-preview", NULL, show_preview_action);
  gtk_widget_class_install_action (widget_class, "booklet.show-composition", NULL, show_composition_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "booklet.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "booklet.next-page", NULL);
}

/* Ctrl+E, Ctrl+P and F5 work as soon as the page is shown, wherever the focus is: it is still in the sidebar after
 * the page was chosen there. The window runs managed shortcuts only for a page that is mapped and sensitive, so a
 * page out of sight never takes them from the one shown. */
static void
rk_booklet_page_add_shortcuts (RkBookletPage *self)
{
  static const struct {
    guint            key;
    GdkModifierType  mods;
    const char      *action;
    gboolean         empty_path;
  } keys[] = {
    { GDK_KEY_e, GDK_CONTROL_MASK, "booklet.export", TRUE },
    { GDK_KEY_p, GDK_CONTROL_MASK, "booklet.print", FALSE },
    { GDK_KEY_F5, 0, "booklet.refresh", FALSE },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "rk-booklet-shortcuts");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_named_action_new (keys[i].action));

      if (keys[i].empty_path)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_string (""));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
rk_booklet_page_init (RkBookletPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_booklet_page_add_shortcuts (self);

  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_rows_free);
  self->version_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->warning_rows = g_ptr_array_new ();

  rk_booklet_page_build_parts (self);
  rk_accessible_fix_names (GTK_WIDGET (self));
  leaflet_changed_cb (self);
  rk_booklet_page_update_actions (self);
}

GtkWidget *
rk_booklet_page_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_BOOKLET_PAGE, "store", store, NULL);
}

/* rk-booklet.c — the composition of a booklet (RkBooklet) and the snapshot of what it prints (RkBookletContent).
 *
 * The content is read on the thread that owns the store, through the store's own APIs, and copied into plain data:
 * the typesetting may then run on a worker thread while the window goes on editing the council. Whatever cannot be
 * printed as asked is left out with a warning that names it, so the export never fails halfway for a reason the
 * user could have been told about first. */
#include <string.h>

#include <glib/gi18n.h>

#include "rk-booklet.h"
#include "rk-era.h"
#include "rk-meeting-pdf.h"
#include "rk-store-indicators.h"
#include "rk-store-meetings.h"
#include "rk-store-private.h"
#include "rk-store-tasks.h"

/* ---- Part kinds -------------------------------------------------------------------------------------------- */

static const char *const part_labels[] = {
  N_("Cover"),
  N_("Table of Contents"),
  N_("Rules"),
  N_("Forms"),
  N_("Drafting History"),
  N_("Member List"),
  N_("Schedule"),
  N_("Indicators"),
  N_("Operation and Review"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (part_labels) == RK_BOOKLET_N_PART_KINDS);

static gboolean
part_kind_is_valid (RkBookletPartKind kind)
{
  return (int) kind >= RK_BOOKLET_PART_COVER && (int) kind < RK_BOOKLET_N_PART_KINDS;
}

const char *
rk_booklet_part_kind_to_label (RkBookletPartKind kind)
{
  g_return_val_if_fail (part_kind_is_valid (kind), NULL);

  return _(part_labels[kind]);
}

gboolean
rk_booklet_part_kind_has_version (RkBookletPartKind kind)
{
  return kind == RK_BOOKLET_PART_RULES || kind == RK_BOOKLET_PART_FORMS;
}

/* ---- The composition --------------------------------------------------------------------------------------- */

RkBooklet *
rk_booklet_new (void)
{
  RkBooklet *booklet = g_new0 (RkBooklet, 1);

  booklet->title = g_strdup ("");
  booklet->edition = g_strdup ("");
  booklet->publisher = g_strdup ("");
  booklet->parts = g_array_new (FALSE, TRUE, sizeof (RkBookletPart));
  return booklet;
}

RkBooklet *
rk_booklet_copy (const RkBooklet *booklet)
{
  RkBooklet *copy;

  g_return_val_if_fail (booklet != NULL, NULL);

  copy = g_new0 (RkBooklet, 1);
  copy->id = booklet->id;
  copy->title = g_strdup (booklet->title);
  copy->edition = g_strdup (booklet->edition);
  copy->issue_date = g_strdup (booklet->issue_date);
  copy->publisher = g_strdup (booklet->publisher);
  copy->parts = g_array_sized_new (FALSE, TRUE, sizeof (RkBookletPart), booklet->parts->len);
  g_array_append_vals (copy->parts, booklet->parts->data, booklet->parts->len);
  copy->n_dropped = booklet->n_dropped;
  return copy;
}

void
rk_booklet_free (RkBooklet *booklet)
{
  if (booklet == NULL)
    return;
  g_free (booklet->title);
  g_free (booklet->edition);
  g_free (booklet->issue_date);
  g_free (booklet->publisher);
  g_array_unref (booklet->parts);
  g_free (booklet);
}

void
rk_booklet_add_part (RkBooklet         *booklet,
                     RkBookletPartKind  kind,
                     gint64             version_id)
{
  RkBookletPart part = { kind, version_id };

  g_return_if_fail (booklet != NULL);
  g_return_if_fail (part_kind_is_valid (kind));

  g_array_append_val (booklet->parts, part);
}

static gboolean
part_matches (const RkBookletPart *part,
              RkBookletPartKind    kind,
              gint64               version_id)
{
  return part->kind == kind && (!rk_booklet_part_kind_has_version (kind) || part->version_id == version_id);
}

int
rk_booklet_find_part (const RkBooklet   *booklet,
                      RkBookletPartKind  kind,
                      gint64             version_id)
{
  g_return_val_if_fail (booklet != NULL, -1);

  for (guint i = 0; i < booklet->parts->len; i++)
    if (part_matches (&g_array_index (booklet->parts, RkBookletPart, i), kind, version_id))
      return (int) i;
  return -1;
}

gboolean
rk_booklet_validate (const RkBooklet  *booklet,
                     GError          **error)
{
  GDate date;

  g_return_val_if_fail (booklet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rk_store_text_is_valid (booklet->title) || !rk_store_text_is_valid (booklet->edition)
      || !rk_store_text_is_valid (booklet->publisher) || !rk_store_text_is_valid (booklet->issue_date))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The booklet’s cover contains text that is not valid UTF-8."));
      return FALSE;
    }
  if (rk_store_text_is_blank (booklet->title))
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                           _("The booklet needs a title."));
      return FALSE;
    }
  if (booklet->issue_date != NULL && *booklet->issue_date != '\0'
      && !rk_era_parse_iso_date (booklet->issue_date, &date))
    {
      g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                   /* Translators: %s is what was entered as the booklet's date of issue. */
                   _("The date of issue “%s” is not a date: write it as YYYY-MM-DD, e.g. 2025-04-01."),
                   booklet->issue_date);
      return FALSE;
    }

  for (guint i = 0; i < booklet->parts->len; i++)
    {
      const RkBookletPart *part = &g_array_index (booklet->parts, RkBookletPart, i);

      if (!part_kind_is_valid (part->kind))
        {
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       /* Translators: %u is the place of a part in the booklet, counted from 1. */
                       _("Part %u of the booklet is of an unknown kind."), i + 1);
          return FALSE;
        }
      if (rk_booklet_part_kind_has_version (part->kind) && part->version_id <= 0)
        {
          g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                       /* Translators: %s is a part of the booklet, "Rules" or "Forms". */
                       _("The part “%s” needs a version of a rule document: choose one."),
                       rk_booklet_part_kind_to_label (part->kind));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (part_matches (&g_array_index (booklet->parts, RkBookletPart, j), part->kind, part->version_id))
          {
            g_set_error (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID,
                         /* Translators: %s is a part of the booklet, e.g. "Member List". */
                         _("The part “%s” is in the booklet twice: remove one."),
                         rk_booklet_part_kind_to_label (part->kind));
            return FALSE;
          }
    }
  return TRUE;
}

/* ---- Freeing the content ----------------------------------------------------------------------------------- */

static void
rules_free (RkBookletRules *rules)
{
  if (rules == NULL)
    return;
  g_free (rules->document_title);
  g_free (rules->version_label);
  g_free (rules->status_label);
  g_free (rules->effective_label);
  g_clear_pointer (&rules->sections, g_ptr_array_unref);
  g_free (rules);
}

static void
meeting_free (RkBookletMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->date_label);
  g_free (meeting->name);
  g_strfreev (meeting->topics);
  g_strfreev (meeting->decisions);
  g_free (meeting);
}

static void
review_item_free (RkBookletReviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->heading);
  g_free (item->text);
  g_free (item);
}

void
rk_booklet_content_free (RkBookletContent *content)
{
  if (content == NULL)
    return;
  g_free (content->title);
  g_free (content->edition);
  g_free (content->issue_label);
  g_free (content->publisher);
  g_free (content->municipality);
  g_clear_pointer (&content->parts, g_array_unref);
  g_clear_pointer (&content->rules, g_ptr_array_unref);
  g_clear_pointer (&content->history, g_ptr_array_unref);
  g_clear_pointer (&content->roster, rk_roster_free);
  g_clear_pointer (&content->gantt, rk_gantt_free);
  g_clear_pointer (&content->charts, g_ptr_array_unref);
  g_clear_pointer (&content->review, g_ptr_array_unref);
  g_clear_pointer (&content->warnings, g_ptr_array_unref);
  g_clear_pointer (&content->creation_date, g_date_time_unref);
  g_free (content);
}

/* ---- Reading the content ----------------------------------------------------------------------------------- */

typedef struct {
  RkStore          *store;
  RkBookletContent *content;
  GDate             today;
  GDate             as_of;  /* the issue date, or today */
} Reader;

static void G_GNUC_PRINTF (2, 3)
add_warning (Reader     *reader,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (reader->content->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
add_content_part (Reader            *reader,
                  RkBookletPartKind  kind,
                  RkBookletRules    *rules)
{
  RkBookletContentPart part = { kind, rules };

  g_array_append_val (reader->content->parts, part);
}

static gboolean
has_section_of_kind (const RkBookletRules *rules,
                     RkRuleSectionKind     kind)
{
  for (guint i = 0; i < rules->sections->len; i++)
    if (((RkRuleExportSection *) g_ptr_array_index (rules->sections, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/* The rules of @version_id, read once however many parts print them. NULL without @error when the version was
 * deleted (the caller warns); NULL with @error when the file cannot be read. */
static RkBookletRules *
read_rules (Reader  *reader,
            gint64   version_id,
            GError **error)
{
  RkBookletContent *content = reader->content;
  RkRuleVersion *version;
  RkRuleDocument *document;
  RkBookletRules *rules;
  GPtrArray *sections;

  for (guint i = 0; i < content->rules->len; i++)
    {
      rules = g_ptr_array_index (content->rules, i);
      if (rules->version_id == version_id)
        return rules;
    }

  /* Transfer none: the store's lists hold them. Deleted versions and those of deleted documents are not found. */
  version = rk_store_find_rule_version (reader->store, version_id);
  if (version == NULL)
    return NULL;
  document = rk_store_find_rule_document (reader->store, rk_rule_version_get_document_id (version));
  if (document == NULL)
    return NULL;
  sections = rk_store_export_rule_version (reader->store, version, error);
  if (sections == NULL)
    return NULL;

  rules = g_new0 (RkBookletRules, 1);
  rules->version_id = version_id;
  rules->document_title = g_strdup (rk_rule_document_get_title (document));
  rules->version_label = g_strdup (rk_rule_version_get_display_label (version));
  rules->status_label = g_strdup (rk_rule_version_status_to_label (rk_rule_version_get_status (version)));
  /* The model has no date a version takes effect (its version_date is when it was fixed): nothing to print. */
  rules->effective_label = NULL;
  rules->sections = sections;
  g_ptr_array_add (content->rules, rules);
  return rules;
}

static char *
rules_name (const RkBookletRules *rules)
{
  return g_strdup_printf (_("“%1$s” %2$s"), rules->document_title, rules->version_label);
}

/* A reference to a section deleted since prints as rk_rule_missing_ref_text(): say where, so it can be mended. */
static void
warn_missing_refs (Reader               *reader,
                   const RkBookletRules *rules,
                   const char           *name)
{
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rules->sections->len; i++)
    g_hash_table_add (uids, ((RkRuleExportSection *) g_ptr_array_index (rules->sections, i))->uid);
  for (guint i = 0; i < rules->sections->len; i++)
    {
      const RkRuleExportSection *section = g_ptr_array_index (rules->sections, i);
      g_auto(GStrv) refs = rk_rule_body_list_refs (section->body_source);

      for (guint r = 0; refs != NULL && refs[r] != NULL; r++)
        if (!g_hash_table_contains (uids, refs[r]))
          {
            /* Translators: %1$s a version of a rule document ("“…ルール” 第2版"), %2$s a section ("第3の1"),
             * %3$s what is printed instead of the reference ("(参照先なし)"). */
            add_warning (reader, _("%1$s: %2$s refers to a section that no longer exists; it is printed as “%3$s”."),
                         name, section->citation, rk_rule_missing_ref_text ());
            break;
          }
    }
}

static gboolean
read_rule_part (Reader               *reader,
                const RkBookletPart  *part,
                GError              **error)
{
  const char *label = rk_booklet_part_kind_to_label (part->kind);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  RkBookletRules *rules;

  rules = read_rules (reader, part->version_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (rules == NULL)
    {
      name = rk_store_dup_rule_version_name (reader->store, part->version_id);
      if (name != NULL)
        /* Translators: %1$s a part of the booklet ("Rules"), %2$s a version ("“…ルール” 第2版"). */
        add_warning (reader, _("The part “%1$s” names %2$s, which was deleted: the part is left out."), label, name);
      else
        /* Translators: %s a part of the booklet ("Rules"). */
        add_warning (reader, _("The part “%s” names a version of the rules that does not exist: the part is left "
                               "out."), label);
      return TRUE;
    }

  name = rules_name (rules);
  if (part->kind == RK_BOOKLET_PART_RULES && !has_section_of_kind (rules, RK_RULE_SECTION_TEXT))
    /* Translators: %1$s a version of a rule document ("“…ルール” 第2版"), %2$s the part of the booklet. */
    add_warning (reader, _("%1$s has no sections: the part “%2$s” is left out."), name, label);
  else if (part->kind == RK_BOOKLET_PART_FORMS && !has_section_of_kind (rules, RK_RULE_SECTION_FORM))
    /* Translators: %1$s a version of a rule document ("“…ルール” 第2版"), %2$s the part of the booklet. */
    add_warning (reader, _("%1$s has no forms: the part “%2$s” is left out."), name, label);
  else
    {
      add_content_part (reader, part->kind, rules);
      if (part->kind == RK_BOOKLET_PART_RULES)
        warn_missing_refs (reader, rules, name);
    }
  return TRUE;
}

/* The body's name, for "第3回 <body>". */
static const char *
find_body_name (GListModel *bodies,
                gint64      id)
{
  for (guint i = 0, n = g_list_model_get_n_items (bodies); i < n; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      if (rk_body_get_id (body) == id)
        return rk_body_get_name (body); /* the store's list holds it */
    }
  return "";
}

/* The non-blank lines of @text, trimmed: decisions are written one a line. */
static char **
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (!rk_store_text_is_blank (lines[i]))
        g_strv_builder_add (kept, lines[i]);
    }
  return g_strv_builder_end (kept);
}

static RkBookletMeeting *
read_meeting (Reader     *reader,
              RkMeeting  *meeting,
              GListModel *bodies,
              const GDate *day)
{
  GListModel *agenda = rk_store_get_agenda (reader->store, meeting);
  g_autoptr(GStrvBuilder) topics = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) decisions = g_strv_builder_new ();
  RkBookletMeeting *entry = g_new0 (RkBookletMeeting, 1);
  /* Named as its notice and minutes name it. */
  RkMeetingDoc doc = {
    .body_name = (char *) find_body_name (bodies, rk_meeting_get_body_id (meeting)),
    .number = (guint) MAX (rk_meeting_get_number (meeting), 0),
  };
  GDate date = *day;

  entry->date_label = rk_era_format_date (&date);
  entry->name = rk_meeting_doc_get_name (&doc);
  if (*entry->name == '\0')
    {
      g_free (entry->name);
      entry->name = g_strdup (rk_meeting_get_title (meeting));
    }

  for (guint i = 0, n = g_list_model_get_n_items (agenda); i < n; i++)
    {
      g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, i);
      g_auto(GStrv) lines = split_lines (rk_agenda_item_get_decisions (item));

      g_strv_builder_add (topics, rk_agenda_item_get_title (item));
      g_strv_builder_addv (decisions, (const char **) lines);
    }
  entry->topics = g_strv_builder_end (topics);
  entry->decisions = g_strv_builder_end (decisions);
  return entry;
}

/* The meetings held so far (not cancelled, not after today), oldest first: the store lists them by start. */
static void
read_history (Reader *reader)
{
  GListModel *meetings = rk_store_get_meetings (reader->store);
  GListModel *bodies = rk_store_get_bodies (reader->store);

  for (guint i = 0, n = g_list_model_get_n_items (meetings); i < n; i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *day_text = rk_meeting_dup_date (meeting);
      GDate day;

      if (rk_meeting_get_status (meeting) == RK_MEETING_CANCELLED || !rk_era_parse_iso_date (day_text, &day)
          || g_date_compare (&day, &reader->today) > 0)
        continue;
      g_ptr_array_add (reader->content->history, read_meeting (reader, meeting, bodies, &day));
    }
}

/* ---- 運用・見直し ---------------------------------------------------------------------------------------------- */

static void
add_review_item (Reader     *reader,
                 const char *heading,
                 GString    *text)
{
  RkBookletReviewItem *item = g_new0 (RkBookletReviewItem, 1);

  item->heading = g_strdup (heading);
  item->text = g_string_free (text, FALSE);
  g_ptr_array_add (reader->content->review, item);
}

/* "令和8年(2026年)4月〜9月", "令和8年(2026年)10月〜令和9年(2027年)3月", or one month; NULL when the months cannot be
 * read. */
static char *
format_month_span (const char *start,
                   const char *end)
{
  RkMonth first, last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!rk_month_parse (start, &first) || !rk_month_parse (end, &last))
    return NULL;
  from = rk_era_format_month (rk_month_get_year (first), rk_month_get_month (first));
  if (first == last)
    return g_steal_pointer (&from);
  /* Within one calendar year the year is not repeated: 令和8年(2026年)4月〜9月. */
  if (rk_month_get_year (first) == rk_month_get_year (last))
    to = g_strdup_printf ("%d月", rk_month_get_month (last));
  else
    to = rk_era_format_month (rk_month_get_year (last), rk_month_get_month (last));
  return g_strconcat (from, "〜", to, NULL);
}

/* 運用状況の把握: the STEP6 tasks of the schedule (運用・評価) with their months. */
static void
review_operation (Reader *reader)
{
  GListModel *tasks = rk_store_get_tasks (reader->store);
  GString *text = g_string_new (NULL);
  guint n_tasks = 0;

  for (guint i = 0, n = g_list_model_get_n_items (tasks); i < n; i++)
    {
      g_autoptr(RkTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *span = NULL;
      g_autofree char *line = NULL;

      if (rk_task_get_step (task) != 6 || rk_task_get_status (task) == RK_TASK_CANCELLED)
        continue;
      span = format_month_span (rk_task_get_start_month (task), rk_task_get_end_month (task));
      if (n_tasks++ == 0)
        g_string_append (text, _("The council follows how the rules are used through these tasks of the "
                                 "schedule:"));
      /* Translators: a line of a list in the booklet: %1$s a task's code ("6-1"), %2$s its title, %3$s its months
       * in 和暦. */
      line = g_strdup_printf (_("• %1$s %2$s (%3$s)"), rk_task_get_code (task), rk_task_get_title (task),
                              span != NULL ? span : rk_task_get_start_month (task));
      g_string_append_printf (text, "\n%s", g_strstrip (line));
    }
  if (n_tasks == 0)
    g_string_append (text, _("The council’s secretariat gathers every year how the rules are used and reports it "
                              "to the council."));
  /* Translators: a heading of the booklet's part “Operation and Review”. */
  add_review_item (reader, _("Monitoring the Operation"), text);
}

/* 効果検証: the indicators with how often they are measured and their targets. */
static void
review_indicators (Reader *reader)
{
  GListModel *indicators = rk_store_get_indicators (reader->store);
  guint n = g_list_model_get_n_items (indicators);
  GString *text;

  if (n == 0)
    return;
  text = g_string_new (_("The council evaluates the effect of the rules with these indicators:"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *frequency = rk_frequency_to_label (rk_indicator_get_frequency (indicator));
      g_autofree char *line = NULL;

      if (rk_indicator_get_has_target (indicator))
        {
          g_autofree char *target = rk_indicator_chart_format_value_at (indicator, TRUE,
                                                                        rk_indicator_get_target_value (indicator),
                                                                        rk_indicator_get_target_period (indicator));

          /* Translators: a line of a list in the booklet: %1$s an indicator, %2$s how often it is measured ("Fiscal
           * year"), %3$s its target with its period ("25.0% (令和9年度)"). */
          line = g_strdup_printf (_("• %1$s (measured per %2$s, target %3$s)"), rk_indicator_get_name (indicator),
                                  frequency, target);
        }
      else
        /* Translators: a line of a list in the booklet: %1$s an indicator, %2$s how often it is measured. */
        line = g_strdup_printf (_("• %1$s (measured per %2$s)"), rk_indicator_get_name (indicator), frequency);
      g_string_append_printf (text, "\n%s", line);
    }
  /* Translators: a heading of the booklet's part “Operation and Review”. */
  add_review_item (reader, _("Evaluating the Effect"), text);
}

/* The section of the first rules printed whose heading speaks of 見直し (the council's own Japanese text), or NULL. */
static const RkRuleExportSection *
find_review_section (Reader *reader)
{
  RkBookletContent *content = reader->content;

  for (guint i = 0; i < content->parts->len; i++)
    {
      const RkBookletContentPart *part = &g_array_index (content->parts, RkBookletContentPart, i);

      if (part->kind != RK_BOOKLET_PART_RULES)
        continue;
      for (guint j = 0; j < part->rules->sections->len; j++)
        {
          const RkRuleExportSection *section = g_ptr_array_index (part->rules->sections, j);

          if (section->kind == RK_RULE_SECTION_TEXT && strstr (section->heading, "見直し") != NULL
              && !rk_store_text_is_blank (section->body))
            return section;
        }
      return NULL;
    }
  return NULL;
}

/* 見直し: what the rules themselves say about their review, quoted, or the council's yearly review. */
static void
review_revision (Reader *reader)
{
  const RkRuleExportSection *section = find_review_section (reader);
  GString *text = g_string_new (NULL);

  if (section != NULL)
    {
      /* Translators: introduces a quotation from the rules: %1$s the section's number ("第10"), %2$s its heading. */
      g_string_append_printf (text, _("The rules provide in %1$s “%2$s”:"), section->citation, section->heading);
      g_string_append_c (text, '\n');
      /* Translators: a quotation in the booklet; 「%s」 in Japanese. */
      g_string_append_printf (text, _("“%s”"), section->body);
    }
  else
    g_string_append (text, _("The council reviews the rules every fiscal year on the basis of the above, and "
                             "revises them as needed."));
  /* Translators: a heading of the booklet's part “Operation and Review”. */
  add_review_item (reader, C_("booklet", "Review"), text);
}

static void
read_review (Reader *reader)
{
  review_operation (reader);
  review_indicators (reader);
  review_revision (reader);
}

/* ---- Fonts ------------------------------------------------------------------------------------------------- */

static gboolean
check_fonts (Reader  *reader,
             GError **error)
{
  static const struct {
    RkPdfFace   face;
    const char *wanted;
  } faces[] = {
    { RK_PDF_FACE_MINCHO, "Noto Serif CJK JP" },
    { RK_PDF_FACE_GOTHIC, "Noto Sans CJK JP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      gboolean fell_back = FALSE;
      const char *family = rk_pdf_face_get_family (faces[i].face, &fell_back);

      if (!fell_back)
        continue;
      if (!rk_pdf_family_has_japanese (family))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s the font the booklet is designed for. */
                       _("No Japanese font is installed, so the booklet cannot be set: install “%s” (Debian package "
                         "fonts-noto-cjk)."), faces[i].wanted);
          return FALSE;
        }
      /* Translators: %1$s the font the booklet is designed for, %2$s the one found instead. */
      add_warning (reader, _("The Japanese font “%1$s” is not installed: the booklet is printed with “%2$s” "
                             "instead."), faces[i].wanted, family);
    }
  return TRUE;
}

/* ---- The parts --------------------------------------------------------------------------------------------- */

static void
read_plain_part (Reader            *reader,
                 RkBookletPartKind  kind)
{
  RkBookletContent *content = reader->content;
  const char *label = rk_booklet_part_kind_to_label (kind);

  switch (kind)
    {
    case RK_BOOKLET_PART_HISTORY:
      read_history (reader);
      if (content->history->len == 0)
        {
          /* Translators: %s the part of the booklet ("Drafting History"). */
          add_warning (reader, _("No meeting has been held yet: the part “%s” is left out."), label);
          return;
        }
      break;

    case RK_BOOKLET_PART_ROSTER:
      content->roster = rk_roster_new_from_store (reader->store, &reader->as_of);
      if (content->roster->groups->len == 0)
        {
          g_autofree char *day = rk_era_format_date (&reader->as_of);

          g_clear_pointer (&content->roster, rk_roster_free);
          /* Translators: %1$s a date in 和暦, %2$s the part of the booklet ("Member List"). */
          add_warning (reader, _("Nobody sits on the council on %1$s: the part “%2$s” is left out."), day, label);
          return;
        }
      break;

    case RK_BOOKLET_PART_SCHEDULE:
      {
        GListModel *tasks = rk_store_get_tasks (reader->store);

        if (g_list_model_get_n_items (tasks) == 0)
          {
            /* Translators: %s the part of the booklet ("Schedule"). */
            add_warning (reader, _("The schedule has no tasks: the part “%s” is left out."), label);
            return;
          }
        /* A quarter a column: the council's whole span fits the width of a printed page. */
        content->gantt = rk_gantt_new (tasks, RK_GANTT_ZOOM_QUARTER, &reader->as_of);
      }
      break;

    case RK_BOOKLET_PART_INDICATORS:
      g_clear_pointer (&content->charts, g_ptr_array_unref);
      content->charts = rk_indicator_chart_pages_new_from_store (reader->store);
      if (content->charts->len == 0)
        {
          /* Translators: %s the part of the booklet ("Indicators"). */
          add_warning (reader, _("No indicators have been chosen: the part “%s” is left out."), label);
          return;
        }
      break;

    case RK_BOOKLET_PART_COVER:
    case RK_BOOKLET_PART_CONTENTS:
    case RK_BOOKLET_PART_REVIEW:
      /* The review is written once every other part is known: it quotes the rules printed. */
      break;

    case RK_BOOKLET_PART_RULES:
    case RK_BOOKLET_PART_FORMS:
    default:
      g_assert_not_reached ();
    }
  add_content_part (reader, kind, NULL);
}

static void
set_cover (Reader          *reader,
           const RkBooklet *booklet)
{
  RkBookletContent *content = reader->content;
  RkCouncil *council = rk_store_get_council (reader->store);

  content->title = g_strdup (booklet->title);
  content->edition = g_strdup (booklet->edition != NULL ? booklet->edition : "");
  content->publisher = g_strdup (booklet->publisher != NULL ? booklet->publisher : "");
  content->municipality = g_strdup (rk_council_get_municipality (council));

  /* Without a date of issue the booklet is dated today (RK_TODAY in tests): the same file gives the same PDF all
   * day long, and the roster, the schedule and the cover agree on the day. */
  rk_era_get_today (&reader->today);
  reader->as_of = reader->today;
  if (booklet->issue_date != NULL)
    rk_era_parse_iso_date (booklet->issue_date, &reader->as_of);
  content->issue_label = rk_era_format_month (g_date_get_year (&reader->as_of), g_date_get_month (&reader->as_of));
  content->creation_date = g_date_time_new_local (g_date_get_year (&reader->as_of), g_date_get_month (&reader->as_of),
                                                  g_date_get_day (&reader->as_of), 0, 0, 0);
}

RkBookletContent *
rk_booklet_content_new (void)
{
  RkBookletContent *content = g_new0 (RkBookletContent, 1);

  content->parts = g_array_new (FALSE, TRUE, sizeof (RkBookletContentPart));
  content->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rules_free);
  content->history = g_ptr_array_new_with_free_func ((GDestroyNotify) meeting_free);
  content->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_indicator_chart_page_free);
  content->review = g_ptr_array_new_with_free_func ((GDestroyNotify) review_item_free);
  content->warnings = g_ptr_array_new_with_free_func (g_free);
  return content;
}

RkBookletContent *
rk_booklet_content_new_from_store (RkStore          *store,
                                   const RkBooklet  *booklet,
                                   GError          **error)
{
  g_autoptr(RkBookletContent) content = NULL;
  Reader reader = { 0, };

  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (booklet != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rk_booklet_validate (booklet, error) || !rk_store_check_open (store, error))
    return NULL;

  content = rk_booklet_content_new ();
  reader.store = store;
  reader.content = content;
  set_cover (&reader, booklet);

  if (booklet->n_dropped > 0)
    add_warning (&reader, g_dngettext (GETTEXT_PACKAGE,
                                       "The composition named a version of the rules that has since been deleted: "
                                       "that part is left out. Choose another version on the Booklet page.",
                                       "The composition named %u versions of the rules that have since been "
                                       "deleted: those parts are left out. Choose other versions on the Booklet page.",
                                       booklet->n_dropped), booklet->n_dropped);
  for (guint i = 0; i < booklet->parts->len; i++)
    {
      const RkBookletPart *part = &g_array_index (booklet->parts, RkBookletPart, i);

      if (rk_booklet_part_kind_has_version (part->kind))
        {
          if (!read_rule_part (&reader, part, error))
            return NULL;
        }
      else
        read_plain_part (&reader, part->kind);
    }
  if (rk_booklet_find_part (booklet, RK_BOOKLET_PART_REVIEW, 0) >= 0)
    read_review (&reader);
  if (!check_fonts (&reader, error))
    return NULL;

  return g_steal_pointer (&content);
}

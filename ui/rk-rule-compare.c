/* rk-rule-compare.c — comparing two versions of a rule document.
 *
 * Both versions are read with rk_store_export_rule_version() (so a version never opened in the editor compares as
 * well) and handed to rk_rule_diff_new(). The inline view is one read-only text buffer holding the whole merged
 * document; each change of the diff maps to a range of it, so next/previous is a selection and a scroll. The
 * side-by-side view is a grid of two text views per section, built the first time it is shown for a comparison
 * (a few hundred text views cost more than one buffer, and most readers stay inline). */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-era.h"
#include "rk-rule-compare.h"
#include "rk-store-rules.h"

/* Which text of a section a buffer shows: the merged one, or one side of it. */
typedef enum {
  SIDE_INLINE,
  SIDE_OLD,
  SIDE_NEW,
} Side;

/* Where a section's parts landed in a buffer: character offsets. The hunk arrays hold n + 1 boundaries. */
typedef struct {
  int     start;
  int     line_end;
  GArray *heading; /* int */
  GArray *body;    /* int */
} EntryOffsets;

typedef struct {
  int start;
  int end;
} Range;

/* For a change in the side-by-side view: the row's views and the ranges in each (-1 when the side has none). */
typedef struct {
  GtkWidget *old_view;
  GtkWidget *new_view;
  Range      old_range;
  Range      new_range;
} SideStop;

struct _RkRuleCompare
{
  AdwWindow        parent_instance;

  RkStore         *store;
  RkRuleDocument  *document;
  GListModel      *versions; /* the store's */
  gint64           old_id;
  gint64           new_id;
  RkRuleDiff      *diff;
  GArray          *ranges;     /* Range per change, in the inline buffer */
  GArray          *side_stops; /* SideStop per change, once the side-by-side view is built */
  int              current;
  gboolean         side_by_side;
  gboolean         side_built;
  gboolean         syncing_drops;

  AdwWindowTitle  *window_title;
  GtkDropDown     *old_drop;
  GtkDropDown     *new_drop;
  GtkLabel        *summary_label;
  GtkLabel        *position_label;
  GtkStack        *stack;
  GtkTextView     *inline_view;
  GtkScrolledWindow *side_scroller;
  GtkGrid         *side_grid;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (RkRuleCompare, rk_rule_compare, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SIDE_BY_SIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Text buffers ------------------------------------------------------------------------------------------ */

/* Colours readable on light and dark backgrounds alike: the text on a tag carries its own foreground. */
static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "delete", "strikethrough", TRUE, "background", "#ffd7d5",
                              "foreground", "#82071e", NULL);
  gtk_text_buffer_create_tag (buffer, "insert", "background", "#c6efce", "foreground", "#0a4d1c", NULL);
  gtk_text_buffer_create_tag (buffer, "number", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "badge", "scale", 0.8, "weight", PANGO_WEIGHT_BOLD, "foreground", "#ffffff",
                              NULL);
  gtk_text_buffer_create_tag (buffer, "badge-added", "background", "#2ec27e", NULL);
  gtk_text_buffer_create_tag (buffer, "badge-removed", "background", "#c01c28", NULL);
  gtk_text_buffer_create_tag (buffer, "badge-moved", "background", "#1c71d8", NULL);
  gtk_text_buffer_create_tag (buffer, "badge-changed", "background", "#c64600", NULL);
  gtk_text_buffer_create_tag (buffer, "badge-renumbered", "background", "#77767b", NULL);
  gtk_text_buffer_create_tag (buffer, "empty", "foreground", "#77767b", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "arrow", "foreground", "#77767b", NULL);
  /* The change next/previous went to: the selection alone is faint while the view does not have the focus. */
  {
    GdkRGBA blue = { 0.11, 0.44, 0.85, 1.0 };

    gtk_text_buffer_create_tag (buffer, "current", "underline", PANGO_UNDERLINE_DOUBLE, "underline-rgba", &blue,
                                NULL);
  }
}

/* The indent of a section at @depth, as a tag made the first time it is needed. */
static GtkTextTag *
depth_tag (GtkTextBuffer *buffer,
           guint          depth)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  char name[32];
  GtkTextTag *tag;

  g_snprintf (name, sizeof name, "depth-%u", MIN (depth, 12));
  tag = gtk_text_tag_table_lookup (table, name);
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, name, "left-margin", 24 + 28 * (int) MIN (depth, 12), NULL);
  return tag;
}

static void
insert_tagged (GtkTextBuffer *buffer,
               GtkTextIter   *iter,
               const char    *text,
               const char    *tag1,
               const char    *tag2)
{
  if (text == NULL || *text == '\0')
    return;
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, text, -1, tag1, tag2, NULL);
}

/* Appends the hunks a side shows, recording where each hunk starts (a hunk the side does not show starts and ends
 * where the next one does). */
static void
append_hunks (GtkTextBuffer *buffer,
              GtkTextIter   *iter,
              GArray        *hunks,
              Side           side,
              const char    *extra_tag,
              GArray        *offsets)
{
  for (guint i = 0; hunks != NULL && i < hunks->len; i++)
    {
      const RkTextDiffHunk *hunk = &g_array_index (hunks, RkTextDiffHunk, i);
      int offset = gtk_text_iter_get_offset (iter);

      g_array_append_val (offsets, offset);
      if ((hunk->op == RK_TEXT_DIFF_DELETE && side == SIDE_NEW)
          || (hunk->op == RK_TEXT_DIFF_INSERT && side == SIDE_OLD))
        continue;
      insert_tagged (buffer, iter, hunk->text,
                     hunk->op == RK_TEXT_DIFF_DELETE ? "delete" : hunk->op == RK_TEXT_DIFF_INSERT ? "insert" : NULL,
                     extra_tag);
    }
  {
    int offset = gtk_text_iter_get_offset (iter);
    g_array_append_val (offsets, offset);
  }
}

static void
append_badge (GtkTextBuffer *buffer,
              GtkTextIter   *iter,
              const char    *text,
              const char    *tag)
{
  g_autofree char *padded = g_strdup_printf ("\u2009%s\u2009", text);

  gtk_text_buffer_insert (buffer, iter, " ", -1);
  gtk_text_buffer_insert_with_tags_by_name (buffer, iter, padded, -1, "badge", tag, NULL);
}

static gboolean
hunks_empty (GArray *hunks)
{
  return hunks == NULL || hunks->len == 0;
}

/* One section: "number　heading [badges]\nbody\n\n", indented by depth. The number of a renumbered section reads
 * as its old number struck through and the new one inserted; a side shows only its own number. */
static void
append_entry (GtkTextBuffer         *buffer,
              GtkTextIter           *iter,
              const RkRuleDiffEntry *entry,
              Side                   side,
              EntryOffsets          *out)
{
  const char *old_label = entry->old_label ? entry->old_label : "";
  const char *new_label = entry->new_label ? entry->new_label : "";
  gboolean shown_here = !((side == SIDE_OLD && entry->kind == RK_RULE_DIFF_ADDED)
                          || (side == SIDE_NEW && entry->kind == RK_RULE_DIFF_REMOVED));
  int start = gtk_text_iter_get_offset (iter);
  GtkTextIter start_iter;

  out->start = start;
  out->heading = g_array_new (FALSE, FALSE, sizeof (int));
  out->body = g_array_new (FALSE, FALSE, sizeof (int));

  if (!shown_here)
    {
      /* Keeps the offsets meaningful (all at this point) and says why the side is blank. */
      insert_tagged (buffer, iter, entry->kind == RK_RULE_DIFF_ADDED ? _("(not in this version)")
                                                                     : _("(removed in the new version)"),
                     "empty", NULL);
      out->line_end = gtk_text_iter_get_offset (iter);
      append_hunks (buffer, iter, NULL, side, NULL, out->heading);
      append_hunks (buffer, iter, NULL, side, NULL, out->body);
      gtk_text_buffer_insert (buffer, iter, "\n\n", -1);
      goto indent;
    }

  if (entry->kind == RK_RULE_DIFF_ADDED)
    insert_tagged (buffer, iter, new_label, "number", side == SIDE_INLINE ? "insert" : NULL);
  else if (entry->kind == RK_RULE_DIFF_REMOVED)
    insert_tagged (buffer, iter, old_label, "number", side == SIDE_INLINE ? "delete" : NULL);
  else if (g_strcmp0 (old_label, new_label) == 0)
    insert_tagged (buffer, iter, new_label, "number", NULL);
  else if (side == SIDE_INLINE)
    {
      insert_tagged (buffer, iter, old_label, "number", "delete");
      insert_tagged (buffer, iter, "\u2192", "arrow", NULL);
      insert_tagged (buffer, iter, new_label, "number", "insert");
    }
  else
    insert_tagged (buffer, iter, side == SIDE_OLD ? old_label : new_label, "number", NULL);

  if (!hunks_empty (entry->heading_hunks))
    gtk_text_buffer_insert (buffer, iter, "\u3000", -1);
  append_hunks (buffer, iter, entry->heading_hunks, side, "heading", out->heading);

  /* Badges on the side where the section is (the new one, unless it was removed). */
  if (side == SIDE_INLINE || side == (entry->kind == RK_RULE_DIFF_REMOVED ? SIDE_OLD : SIDE_NEW))
    {
      if (entry->kind == RK_RULE_DIFF_ADDED)
        append_badge (buffer, iter, _("Added"), "badge-added");
      else if (entry->kind == RK_RULE_DIFF_REMOVED)
        append_badge (buffer, iter, _("Removed"), "badge-removed");
      else
        {
          if (entry->flags & RK_RULE_DIFF_FLAG_MOVED)
            append_badge (buffer, iter, _("Moved"), "badge-moved");
          if (entry->flags & (RK_RULE_DIFF_FLAG_HEADING_CHANGED | RK_RULE_DIFF_FLAG_BODY_CHANGED))
            append_badge (buffer, iter, _("Changed"), "badge-changed");
          if (entry->flags & RK_RULE_DIFF_FLAG_RENUMBERED)
            append_badge (buffer, iter, _("Renumbered"), "badge-renumbered");
        }
    }
  out->line_end = gtk_text_iter_get_offset (iter);
  gtk_text_buffer_insert (buffer, iter, "\n", -1);

  append_hunks (buffer, iter, entry->body_hunks, side, NULL, out->body);
  if (!hunks_empty (entry->body_hunks))
    gtk_text_buffer_insert (buffer, iter, "\n", -1);
  gtk_text_buffer_insert (buffer, iter, "\n", -1);

indent:
  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_apply_tag (buffer, depth_tag (buffer, entry->depth), &start_iter, iter);
}

static void
entry_offsets_clear (EntryOffsets *offsets)
{
  g_clear_pointer (&offsets->heading, g_array_unref);
  g_clear_pointer (&offsets->body, g_array_unref);
}

/* Where @change lies, given its entry's offsets; an empty range when the side does not show it. */
static Range
change_range (const RkRuleDiffChange *change,
              const EntryOffsets     *offsets)
{
  GArray *bounds;

  if (change->field == RK_RULE_DIFF_FIELD_SECTION)
    return (Range) { offsets->start, offsets->line_end };

  bounds = change->field == RK_RULE_DIFF_FIELD_HEADING ? offsets->heading : offsets->body;
  if (change->hunk < 0 || (guint) change->hunk + change->n_hunks >= bounds->len)
    return (Range) { offsets->start, offsets->line_end };
  return (Range) { g_array_index (bounds, int, change->hunk),
                   g_array_index (bounds, int, change->hunk + change->n_hunks) };
}

static char *version_heading (RkRuleVersion *version);

/* ---- Building the views ------------------------------------------------------------------------------------ */

static void
build_inline (RkRuleCompare *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->inline_view);
  g_autofree EntryOffsets *offsets = g_new0 (EntryOffsets, self->diff->entries->len);
  GtkTextIter iter;

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  for (guint i = 0; i < self->diff->entries->len; i++)
    append_entry (buffer, &iter, g_ptr_array_index (self->diff->entries, i), SIDE_INLINE, &offsets[i]);

  g_array_set_size (self->ranges, 0);
  for (guint i = 0; i < self->diff->changes->len; i++)
    {
      const RkRuleDiffChange *change = &g_array_index (self->diff->changes, RkRuleDiffChange, i);
      Range range = change_range (change, &offsets[change->entry]);

      g_array_append_val (self->ranges, range);
    }

  for (guint i = 0; i < self->diff->entries->len; i++)
    entry_offsets_clear (&offsets[i]);
}

static GtkWidget *
new_side_view (GtkTextBuffer *buffer,
               const char    *accessible_name)
{
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return view;
}

static void
clear_side (RkRuleCompare *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->side_grid))) != NULL)
    gtk_grid_remove (self->side_grid, child);
  g_array_set_size (self->side_stops, 0);
  self->side_built = FALSE;
}

static void
build_side (RkRuleCompare *self)
{
  g_autofree EntryOffsets *old_offsets = NULL;
  g_autofree EntryOffsets *new_offsets = NULL;
  g_autofree GtkWidget **old_views = NULL;
  g_autofree GtkWidget **new_views = NULL;
  RkRuleVersion *old_version = rk_store_find_rule_version (self->store, self->old_id);
  RkRuleVersion *new_version = rk_store_find_rule_version (self->store, self->new_id);
  g_autofree char *old_title = NULL;
  g_autofree char *new_title = NULL;
  GtkWidget *label;
  guint n;

  clear_side (self);
  if (self->diff == NULL)
    return;

  n = self->diff->entries->len;
  old_offsets = g_new0 (EntryOffsets, n);
  new_offsets = g_new0 (EntryOffsets, n);
  old_views = g_new0 (GtkWidget *, n);
  new_views = g_new0 (GtkWidget *, n);

  old_title = version_heading (old_version);
  new_title = version_heading (new_version);
  label = gtk_label_new (old_title);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->side_grid, label, 0, 0, 1, 1);
  label = gtk_label_new (new_title);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (self->side_grid, label, 1, 0, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      const RkRuleDiffEntry *entry = g_ptr_array_index (self->diff->entries, i);
      g_autoptr(GtkTextBuffer) old_buffer = gtk_text_buffer_new (NULL);
      g_autoptr(GtkTextBuffer) new_buffer = gtk_text_buffer_new (NULL);
      GtkTextIter iter;

      create_tags (old_buffer);
      create_tags (new_buffer);
      gtk_text_buffer_get_end_iter (old_buffer, &iter);
      append_entry (old_buffer, &iter, entry, SIDE_OLD, &old_offsets[i]);
      gtk_text_buffer_get_end_iter (new_buffer, &iter);
      append_entry (new_buffer, &iter, entry, SIDE_NEW, &new_offsets[i]);

      old_views[i] = new_side_view (old_buffer, _("Old Version"));
      new_views[i] = new_side_view (new_buffer, _("New Version"));
      gtk_grid_attach (self->side_grid, old_views[i], 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->side_grid, new_views[i], 1, (int) i + 1, 1, 1);
    }

  for (guint i = 0; i < self->diff->changes->len; i++)
    {
      const RkRuleDiffChange *change = &g_array_index (self->diff->changes, RkRuleDiffChange, i);
      SideStop stop = {
        .old_view = old_views[change->entry],
        .new_view = new_views[change->entry],
        .old_range = change_range (change, &old_offsets[change->entry]),
        .new_range = change_range (change, &new_offsets[change->entry]),
      };

      g_array_append_val (self->side_stops, stop);
    }

  for (guint i = 0; i < n; i++)
    {
      entry_offsets_clear (&old_offsets[i]);
      entry_offsets_clear (&new_offsets[i]);
    }
  self->side_built = TRUE;
}

static void
append_count (GString    *summary,
              guint       n,
              const char *text)
{
  if (n == 0)
    return;
  if (summary->len > 0)
    g_string_append (summary, _(", "));
  g_string_append_printf (summary, text, n);
}

static void
update_summary (RkRuleCompare *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  gboolean coarse = FALSE;

  append_count (summary, self->diff->n_changed,
                ngettext ("%u section changed", "%u sections changed", self->diff->n_changed));
  append_count (summary, self->diff->n_added,
                ngettext ("%u section added", "%u sections added", self->diff->n_added));
  append_count (summary, self->diff->n_removed,
                ngettext ("%u section removed", "%u sections removed", self->diff->n_removed));
  append_count (summary, self->diff->n_moved,
                ngettext ("%u section moved", "%u sections moved", self->diff->n_moved));
  append_count (summary, self->diff->n_renumbered,
                ngettext ("%u section renumbered", "%u sections renumbered", self->diff->n_renumbered));
  if (summary->len == 0)
    g_string_append (summary, _("The versions are the same."));

  for (guint i = 0; i < self->diff->entries->len && !coarse; i++)
    {
      const RkRuleDiffEntry *entry = g_ptr_array_index (self->diff->entries, i);

      coarse = entry->heading_granularity != RK_TEXT_DIFF_BY_CHARACTER
               || entry->body_granularity != RK_TEXT_DIFF_BY_CHARACTER;
    }
  if (coarse)
    {
      g_string_append (summary, " ");
      g_string_append (summary, _("Some long texts are compared sentence by sentence."));
    }

  gtk_label_set_text (self->summary_label, summary->str);
}

static void
update_position (RkRuleCompare *self)
{
  guint n = self->diff ? self->diff->changes->len : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No changes"));
  else if (self->current < 0)
    text = g_strdup_printf (ngettext ("%u change", "%u changes", n), n);
  else
    text = g_strdup_printf (_("Change %d of %u"), self->current + 1, n);
  gtk_label_set_text (self->position_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change",
                                 self->diff && rk_rule_diff_step_change (self->diff, self->current, TRUE) >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change",
                                 self->diff && self->current >= 0
                                 && rk_rule_diff_step_change (self->diff, self->current, FALSE) >= 0);
}

static void
show_error (RkRuleCompare *self,
            const char    *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_label_set_text (self->summary_label, "");
}

/* Reads both versions and compares them. */
static void
recompare (RkRuleCompare *self)
{
  RkRuleVersion *old_version = rk_store_find_rule_version (self->store, self->old_id);
  RkRuleVersion *new_version = rk_store_find_rule_version (self->store, self->new_id);
  g_autoptr(GPtrArray) old_export = NULL;
  g_autoptr(GPtrArray) new_export = NULL;
  g_autofree RkRuleDiffSection *old_sections = NULL;
  g_autofree RkRuleDiffSection *new_sections = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = 0, n_new = 0;

  g_clear_pointer (&self->diff, rk_rule_diff_free);
  g_array_set_size (self->ranges, 0);
  clear_side (self);
  self->current = -1;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->inline_view), "", 0);

  if (old_version == NULL || new_version == NULL)
    {
      show_error (self, _("One of the versions was removed."));
      update_position (self);
      return;
    }

  old_export = rk_store_export_rule_version (self->store, old_version, &error);
  if (old_export != NULL)
    new_export = rk_store_export_rule_version (self->store, new_version, &error);
  if (new_export == NULL)
    {
      show_error (self, error->message);
      update_position (self);
      return;
    }

  old_sections = rk_rule_diff_sections_from_export (old_export, &n_old);
  new_sections = rk_rule_diff_sections_from_export (new_export, &n_new);
  self->diff = rk_rule_diff_new (old_sections, n_old, new_sections, n_new);

  build_inline (self);
  update_summary (self);
  if (self->side_by_side)
    build_side (self);
  gtk_stack_set_visible_child_name (self->stack, self->side_by_side ? "side-by-side" : "inline");
  update_position (self);
}

/* ---- Choosing versions ------------------------------------------------------------------------------------- */

/* The label alone: with the date, two labels no longer fit the header bar of a narrow window. The dates show over
 * the columns of the side-by-side view. */
static char *
version_title (RkRuleVersion *version)
{
  return g_strdup (version ? rk_rule_version_get_display_label (version) : "");
}

/* "第2版(案)　令和7年7月15日" for a column title. */
static char *
version_heading (RkRuleVersion *version)
{
  const char *iso;
  GDate date;

  if (version == NULL)
    return g_strdup ("");
  iso = rk_rule_version_get_version_date (version);
  if (iso != NULL && *iso != '\0' && rk_era_parse_iso_date (iso, &date))
    {
      g_autofree char *era = rk_era_format_date (&date);

      return g_strdup_printf ("%s\u3000%s", rk_rule_version_get_display_label (version), era);
    }
  return g_strdup (rk_rule_version_get_display_label (version));
}

static guint
version_position (RkRuleCompare *self,
                  gint64         id)
{
  guint n = g_list_model_get_n_items (self->versions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkRuleVersion) version = g_list_model_get_item (self->versions, i);

      if (rk_rule_version_get_id (version) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
sync_drops (RkRuleCompare *self)
{
  self->syncing_drops = TRUE;
  gtk_drop_down_set_selected (self->old_drop, version_position (self, self->old_id));
  gtk_drop_down_set_selected (self->new_drop, version_position (self, self->new_id));
  self->syncing_drops = FALSE;
}

static void
drop_selected_cb (RkRuleCompare *self)
{
  RkRuleVersion *old_version = gtk_drop_down_get_selected_item (self->old_drop);
  RkRuleVersion *new_version = gtk_drop_down_get_selected_item (self->new_drop);

  if (self->syncing_drops || old_version == NULL || new_version == NULL)
    return;
  rk_rule_compare_set_versions (self, rk_rule_version_get_id (old_version), rk_rule_version_get_id (new_version));
}

/* ---- Navigation -------------------------------------------------------------------------------------------- */

static void
unmark_current (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "current", &start, &end);
}

/* Selects @range and marks it as the current change. */
static void
select_in_view (GtkTextView *view,
                Range        range)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, range.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, range.end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "current", &start, &end);
}

/* Scrolls the side-by-side view so that @widget's top shows, a little below the top edge. */
static void
scroll_side_to (RkRuleCompare *self,
                GtkWidget     *widget)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->side_scroller);
  graphene_point_t point;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self->side_grid), &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  gtk_adjustment_set_value (adjustment, MAX (0.0, point.y - 48.0));
}

static void
show_current (RkRuleCompare *self,
              int            previous)
{
  Range range;

  unmark_current (gtk_text_view_get_buffer (self->inline_view));
  if (self->side_built && previous >= 0 && (guint) previous < self->side_stops->len)
    {
      const SideStop *stop = &g_array_index (self->side_stops, SideStop, previous);

      unmark_current (gtk_text_view_get_buffer (GTK_TEXT_VIEW (stop->old_view)));
      unmark_current (gtk_text_view_get_buffer (GTK_TEXT_VIEW (stop->new_view)));
    }
  if (self->current < 0 || (guint) self->current >= self->ranges->len)
    return;

  range = g_array_index (self->ranges, Range, self->current);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->inline_view);
    GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "rk-current");
    GtkTextIter start;

    select_in_view (self->inline_view, range);
    gtk_text_buffer_get_iter_at_offset (buffer, &start, range.start);
    if (mark == NULL)
      mark = gtk_text_buffer_create_mark (buffer, "rk-current", &start, TRUE);
    else
      gtk_text_buffer_move_mark (buffer, mark, &start);
    /* A mark rather than an iter: the scroll waits for the layout when the view was just filled. */
    gtk_text_view_scroll_to_mark (self->inline_view, mark, 0.05, TRUE, 0.0, 0.2);
  }

  if (self->side_built && (guint) self->current < self->side_stops->len)
    {
      const SideStop *stop = &g_array_index (self->side_stops, SideStop, self->current);

      select_in_view (GTK_TEXT_VIEW (stop->old_view), stop->old_range);
      select_in_view (GTK_TEXT_VIEW (stop->new_view), stop->new_range);
      if (self->side_by_side)
        scroll_side_to (self, stop->new_view);
    }
}

gboolean
rk_rule_compare_step_change (RkRuleCompare *self,
                             gboolean       forward)
{
  int next, previous;

  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), FALSE);

  if (self->diff == NULL)
    return FALSE;
  next = rk_rule_diff_step_change (self->diff, self->current, forward);
  if (next < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  previous = self->current;
  self->current = next;
  show_current (self, previous);
  update_position (self);
  return TRUE;
}

static void
next_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rk_rule_compare_step_change (RK_RULE_COMPARE (widget), TRUE);
}

static void
previous_change_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  rk_rule_compare_step_change (RK_RULE_COMPARE (widget), FALSE);
}

/* ---- GObject ----------------------------------------------------------------------------------------------- */

static void
rk_rule_compare_dispose (GObject *object)
{
  RkRuleCompare *self = RK_RULE_COMPARE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_RULE_COMPARE);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  self->versions = NULL;

  G_OBJECT_CLASS (rk_rule_compare_parent_class)->dispose (object);
}

static void
rk_rule_compare_finalize (GObject *object)
{
  RkRuleCompare *self = RK_RULE_COMPARE (object);

  g_clear_pointer (&self->diff, rk_rule_diff_free);
  g_clear_pointer (&self->ranges, g_array_unref);
  g_clear_pointer (&self->side_stops, g_array_unref);

  G_OBJECT_CLASS (rk_rule_compare_parent_class)->finalize (object);
}

static void
rk_rule_compare_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkRuleCompare *self = RK_RULE_COMPARE (object);

  switch (prop_id)
    {
    case PROP_SIDE_BY_SIDE:
      g_value_set_boolean (value, self->side_by_side);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_compare_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RkRuleCompare *self = RK_RULE_COMPARE (object);

  switch (prop_id)
    {
    case PROP_SIDE_BY_SIDE:
      rk_rule_compare_set_side_by_side (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_rule_compare_class_init (RkRuleCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_rule_compare_dispose;
  object_class->finalize = rk_rule_compare_finalize;
  object_class->get_property = rk_rule_compare_get_property;
  object_class->set_property = rk_rule_compare_set_property;

  properties[PROP_SIDE_BY_SIDE] =
    g_param_spec_boolean ("side-by-side", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-rule-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, old_drop);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, new_drop);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, position_label);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, inline_view);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, side_grid);
  gtk_widget_class_bind_template_child (widget_class, RkRuleCompare, error_page);

  gtk_widget_class_install_action (widget_class, "compare.next-change", NULL, next_change_action);
  gtk_widget_class_install_action (widget_class, "compare.previous-change", NULL, previous_change_action);
  gtk_widget_class_install_property_action (widget_class, "compare.side-by-side", "side-by-side");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "compare.next-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "compare.previous-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK, "compare.next-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "compare.previous-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rk_rule_compare_init (RkRuleCompare *self)
{
  g_autoptr(GtkExpression) title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  self->side_stops = g_array_new (FALSE, FALSE, sizeof (SideStop));
  self->current = -1;
  create_tags (gtk_text_view_get_buffer (self->inline_view));

  title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (version_title), NULL, NULL);
  gtk_drop_down_set_expression (self->old_drop, title);
  gtk_drop_down_set_expression (self->new_drop, title);
  g_signal_connect_swapped (self->old_drop, "notify::selected", G_CALLBACK (drop_selected_cb), self);
  g_signal_connect_swapped (self->new_drop, "notify::selected", G_CALLBACK (drop_selected_cb), self);

  rk_accessible_fix_names (GTK_WIDGET (self));
}

/* ---- Public ------------------------------------------------------------------------------------------------ */

GtkWidget *
rk_rule_compare_new (RkStore *store,
                     gint64   document_id,
                     gint64   old_version_id,
                     gint64   new_version_id)
{
  RkRuleCompare *self;
  RkRuleDocument *document;
  guint n;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  document = rk_store_find_rule_document (store, document_id);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (RK_TYPE_RULE_COMPARE, NULL);
  self->store = g_object_ref (store);
  self->document = g_object_ref (document);
  self->versions = rk_store_get_rule_versions (store, document);
  adw_window_title_set_subtitle (self->window_title, rk_rule_document_get_title (document));

  self->syncing_drops = TRUE;
  gtk_drop_down_set_model (self->old_drop, self->versions);
  gtk_drop_down_set_model (self->new_drop, self->versions);
  self->syncing_drops = FALSE;
  rk_accessible_name_drop_down (self->old_drop, _("Old Version"));
  rk_accessible_name_drop_down (self->new_drop, _("New Version"));

  /* Defaults: the newest version against the one before it. */
  n = g_list_model_get_n_items (self->versions);
  if (version_position (self, new_version_id) == GTK_INVALID_LIST_POSITION && n > 0)
    {
      g_autoptr(RkRuleVersion) version = g_list_model_get_item (self->versions, n - 1);
      new_version_id = rk_rule_version_get_id (version);
    }
  if (version_position (self, old_version_id) == GTK_INVALID_LIST_POSITION && n > 0)
    {
      guint position = version_position (self, new_version_id);
      g_autoptr(RkRuleVersion) version = g_list_model_get_item (self->versions, position > 0 ? position - 1 : 0);
      old_version_id = rk_rule_version_get_id (version);
    }

  rk_rule_compare_set_versions (self, old_version_id, new_version_id);
  return GTK_WIDGET (self);
}

void
rk_rule_compare_set_versions (RkRuleCompare *self,
                              gint64         old_version_id,
                              gint64         new_version_id)
{
  g_return_if_fail (RK_IS_RULE_COMPARE (self));

  if (self->diff != NULL && old_version_id == self->old_id && new_version_id == self->new_id)
    return;
  self->old_id = old_version_id;
  self->new_id = new_version_id;
  sync_drops (self);
  recompare (self);
}

gint64
rk_rule_compare_get_old_version_id (RkRuleCompare *self)
{
  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), 0);
  return self->old_id;
}

gint64
rk_rule_compare_get_new_version_id (RkRuleCompare *self)
{
  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), 0);
  return self->new_id;
}

const RkRuleDiff *
rk_rule_compare_get_diff (RkRuleCompare *self)
{
  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), NULL);
  return self->diff;
}

GtkTextBuffer *
rk_rule_compare_get_inline_buffer (RkRuleCompare *self)
{
  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), NULL);
  return gtk_text_view_get_buffer (self->inline_view);
}

int
rk_rule_compare_get_current_change (RkRuleCompare *self)
{
  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), -1);
  return self->current;
}

gboolean
rk_rule_compare_get_change_range (RkRuleCompare *self,
                                  int           *start,
                                  int           *end)
{
  Range range;

  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), FALSE);

  if (self->current < 0 || (guint) self->current >= self->ranges->len)
    return FALSE;
  range = g_array_index (self->ranges, Range, self->current);
  if (start)
    *start = range.start;
  if (end)
    *end = range.end;
  return TRUE;
}

gboolean
rk_rule_compare_get_side_by_side (RkRuleCompare *self)
{
  g_return_val_if_fail (RK_IS_RULE_COMPARE (self), FALSE);
  return self->side_by_side;
}

void
rk_rule_compare_set_side_by_side (RkRuleCompare *self,
                                  gboolean       side_by_side)
{
  g_return_if_fail (RK_IS_RULE_COMPARE (self));

  side_by_side = !!side_by_side;
  if (self->side_by_side == side_by_side)
    return;
  self->side_by_side = side_by_side;
  if (self->diff != NULL)
    {
      if (side_by_side && !self->side_built)
        {
          build_side (self);
          show_current (self, -1);
        }
      gtk_stack_set_visible_child_name (self->stack, side_by_side ? "side-by-side" : "inline");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_BY_SIDE]);
}

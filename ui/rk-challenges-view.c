/* rk-challenges-view.c — the council's challenges (課題), followed across meetings.
 *
 * The list on the left is the store's live list of challenges (open ones first); the pane on the right shows the one
 * selected: its status (changed in place), where it came from, and a timeline of the notes taken about it meeting
 * after meeting, with a field to add the next one. The store replaces a changed challenge's row in its list, so the
 * selection is kept by id and put back after every change. Every edit is committed at once; removals offer undo.
 * The two sit in an AdwLeaflet: in a narrow window it folds, and picking a challenge shows its detail, with a button
 * back to the list. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-challenges-view.h"
#include "rk-era.h"
#include "rk-store-meetings.h"
#include "rk-store-private.h"
#include "rk-window.h"

struct _RkChallengesView
{
  AdwBin          parent_instance;

  RkStore        *store;
  gint64          selected_id;
  gboolean        filling;
  /* The meeting ids behind the note meeting chooser's rows; row 0 is "no meeting". */
  GArray         *note_meeting_ids;

  AdwLeaflet     *leaflet;
  GtkWidget      *sidebar;
  GtkWidget      *separator;
  GtkWidget      *content;
  AdwPreferencesGroup *properties_group;
  GtkLabel       *count_label;
  GtkListBox     *list_box;
  GtkStack       *detail_stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *title_label;
  GtkWidget      *edit_button;
  GtkWidget      *remove_button;
  AdwComboRow    *status_row;
  GtkStringList  *status_model;
  AdwActionRow   *source_row;
  AdwActionRow   *raised_row;
  AdwActionRow   *description_row;
  GtkListBox     *timeline;
  AdwComboRow    *note_meeting_row;
  GtkStringList  *note_meeting_model;
  AdwEntryRow    *note_entry;
};

G_DEFINE_FINAL_TYPE (RkChallengesView, rk_challenges_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RkChallenge *
rk_challenges_view_find (RkChallengesView *self,
                         gint64            id,
                         guint            *position)
{
  GListModel *challenges = rk_store_get_challenges (self->store);

  /* Transfer none: the store's list keeps the challenge alive. */
  for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
    {
      g_autoptr(RkChallenge) challenge = g_list_model_get_item (challenges, i);

      if (rk_challenge_get_id (challenge) == id)
        {
          if (position != NULL)
            *position = i;
          return challenge;
        }
    }

  return NULL;
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* "第3回 在宅医療部会 · 令和7年(2025年)6月12日", or NULL for a meeting that is gone. */
static char *
dup_meeting_label (RkStore *store,
                   gint64   meeting_id,
                   gboolean with_date)
{
  RkMeeting *meeting = meeting_id > 0 ? rk_store_find_meeting (store, meeting_id) : NULL;
  GListModel *bodies = rk_store_get_bodies (store);
  g_autofree char *number = NULL;
  g_autofree char *day = NULL;
  g_autofree char *era = NULL;
  g_autofree char *name = NULL;
  GDate date;

  if (meeting == NULL)
    return NULL;

  number = rk_meeting_dup_number_label (meeting);
  for (guint i = 0; i < g_list_model_get_n_items (bodies) && name == NULL; i++)
    {
      g_autoptr(RkBody) body = g_list_model_get_item (bodies, i);

      if (rk_body_get_id (body) == rk_meeting_get_body_id (meeting))
        /* Translators: a meeting: its number and its body, "No. 3 Home Care Committee" (第3回 在宅医療部会). */
        name = g_strdup_printf (C_("meeting", "%1$s %2$s"), number, rk_body_get_name (body));
    }
  if (name == NULL)
    name = g_steal_pointer (&number);
  if (!with_date)
    return g_steal_pointer (&name);

  day = rk_meeting_dup_date (meeting);
  if (!rk_era_parse_iso_date (day, &date))
    return g_steal_pointer (&name);
  era = rk_era_format_date (&date);
  /* Translators: a meeting and its date, "No. 3 Home Care Committee · 令和7年(2025年)6月12日". */
  return g_strdup_printf (_("%1$s · %2$s"), name, era);
}

/* ---- The list ------------------------------------------------------------------------------------------- */

static GtkWidget *
create_challenge_row (gpointer item,
                      gpointer user_data)
{
  RkChallenge *challenge = item;
  guint n_notes = rk_challenge_get_n_notes (challenge);
  g_autofree char *title = escape (rk_challenge_get_title (challenge));
  g_autofree char *notes = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: under a challenge's title in the list: status, source and number of notes. */
  subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"),
                              rk_challenge_status_to_label (rk_challenge_get_status (challenge)),
                              rk_challenge_source_to_label (rk_challenge_get_source (challenge)), notes);
  escaped = escape (subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "rk-challenge-id", GSIZE_TO_POINTER ((gsize) rk_challenge_get_id (challenge)));

  return row;
}

static void
rk_challenges_view_update_count (RkChallengesView *self)
{
  GListModel *challenges = rk_store_get_challenges (self->store);
  guint n = g_list_model_get_n_items (challenges);
  guint n_open = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkChallenge) challenge = g_list_model_get_item (challenges, i);

      n_open += rk_challenge_get_status (challenge) != RK_CHALLENGE_RESOLVED;
    }

  /* Translators: over the list of challenges: how many, and how many are not resolved yet. */
  text = g_strdup_printf (ngettext ("%1$u challenge · %2$u unresolved", "%1$u challenges · %2$u unresolved", n),
                          n, n_open);
  gtk_label_set_text (self->count_label, text);
}

/* ---- The timeline ----------------------------------------------------------------------------------------- */

static void
rk_challenges_view_reload_timeline (RkChallengesView *self,
                                    RkChallenge      *challenge)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline))) != NULL)
    gtk_list_box_remove (self->timeline, child);

  if (challenge == NULL)
    return;

  if (!(notes = rk_store_list_challenge_notes (self->store, challenge, &error)))
    {
      rk_widget_show_error_toast (GTK_WIDGET (self), error);
      return;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      RkChallengeNote *note = g_ptr_array_index (notes, i);
      g_autofree char *meeting = dup_meeting_label (self->store, note->meeting_id, TRUE);
      g_autofree char *text = escape (note->note);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      if (meeting == NULL)
        {
          g_autofree char *day = g_strndup (note->created_at, 10);
          g_autofree char *era = NULL;
          GDate date;

          era = rk_era_parse_iso_date (day, &date) ? rk_era_format_date (&date) : g_strdup (day);
          /* Translators: a note on a challenge taken outside any meeting, and the day it was written. */
          meeting = g_strdup_printf (_("Not tied to a meeting · %s"), era);
        }
      subtitle = escape (meeting);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      g_object_set_data (G_OBJECT (row), "rk-note-id", GSIZE_TO_POINTER ((gsize) note->id));

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Remove Note"));
      /* Translators: the accessible name of the button that removes a note on a challenge. */
      remove_label = g_strdup_printf (_("Remove the note of %s"), meeting);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "challenges.remove-note");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (note->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->timeline, row);
    }
}

/* The meetings a note can be taken in, latest first, the one held last up to today chosen (that is where a note is
 * usually written); @keep_id keeps a choice the user made. */
static void
rk_challenges_view_fill_note_meetings (RkChallengesView *self,
                                       gint64            keep_id)
{
  GListModel *meetings = rk_store_get_meetings (self->store);
  guint n = g_list_model_get_n_items (meetings);
  g_autofree char *today = rk_store_today_text ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->note_meeting_ids, 0);
  g_array_append_val (self->note_meeting_ids, none);
  g_ptr_array_add (labels, g_strdup (_("Not tied to a meeting")));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i - 1);
      g_autofree char *day = rk_meeting_dup_date (meeting);
      gint64 id = rk_meeting_get_id (meeting);

      g_array_append_val (self->note_meeting_ids, id);
      g_ptr_array_add (labels, dup_meeting_label (self->store, id, TRUE));
      if (keep_id > 0 ? id == keep_id : (selected == 0 && g_strcmp0 (day, today) <= 0))
        selected = self->note_meeting_ids->len - 1;
    }
  if (selected == 0 && keep_id < 0 && self->note_meeting_ids->len > 1)
    selected = 1;
  g_ptr_array_add (labels, NULL);

  gtk_string_list_splice (self->note_meeting_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->note_meeting_model)),
                          (const char * const *) labels->pdata);
  adw_combo_row_set_selected (self->note_meeting_row, selected);
}

static gint64
rk_challenges_view_get_note_meeting (RkChallengesView *self)
{
  guint selected = adw_combo_row_get_selected (self->note_meeting_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->note_meeting_ids->len)
    return 0;
  return g_array_index (self->note_meeting_ids, gint64, selected);
}

/* ---- The detail pane -------------------------------------------------------------------------------------- */

static void
rk_challenges_view_show_detail (RkChallengesView *self,
                                gboolean          reload_timeline)
{
  RkChallenge *challenge = rk_challenges_view_find (self, self->selected_id, NULL);
  g_autofree char *raised = NULL;
  g_autofree char *raised_escaped = NULL;
  g_autofree char *description = NULL;
  g_autofree char *source = NULL;
  GVariant *target;

  if (challenge == NULL)
    {
      self->selected_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      /* Folded, an empty detail is a dead end: the list is where to go next. */
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
      rk_challenges_view_reload_timeline (self, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "challenges.add-note", FALSE);
      return;
    }

  self->filling = TRUE;
  gtk_label_set_text (self->title_label, rk_challenge_get_title (challenge));
  adw_combo_row_set_selected (self->status_row, (guint) rk_challenge_get_status (challenge));
  source = escape (rk_challenge_source_to_label (rk_challenge_get_source (challenge)));
  adw_action_row_set_subtitle (self->source_row, source);
  raised = dup_meeting_label (self->store, rk_challenge_get_raised_meeting_id (challenge), TRUE);
  raised_escaped = escape (raised != NULL ? raised : _("Not raised in a meeting"));
  adw_action_row_set_subtitle (self->raised_row, raised_escaped);
  description = escape (*rk_challenge_get_description (challenge) != '\0' ? rk_challenge_get_description (challenge)
                                                                           : _("No description"));
  adw_action_row_set_subtitle (self->description_row, description);
  self->filling = FALSE;

  target = g_variant_ref_sink (g_variant_new_int64 (self->selected_id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);
  g_variant_unref (target);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "challenges.add-note", TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  if (reload_timeline)
    rk_challenges_view_reload_timeline (self, challenge);
}

static void
rk_challenges_view_select_row (RkChallengesView *self)
{
  guint position;

  /* Puts the list's selection back on the challenge shown (the store replaces a row that changed). */
  if (rk_challenges_view_find (self, self->selected_id, &position) != NULL)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) position);

      if (row != NULL && gtk_list_box_get_selected_row (self->list_box) != row)
        {
          self->filling = TRUE;
          gtk_list_box_select_row (self->list_box, row);
          self->filling = FALSE;
        }
    }
}

static void
row_selected_cb (RkChallengesView *self,
                 GtkListBoxRow    *row,
                 GtkListBox       *list_box)
{
  gint64 id;

  /* A row replaced by the store deselects itself for a moment: that is not the user's choice. */
  if (self->filling || row == NULL)
    return;

  id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "rk-challenge-id"));
  if (id == self->selected_id)
    return;

  self->selected_id = id;
  rk_challenges_view_show_detail (self, TRUE);
}

/* Folded, the list and the detail take turns: picking a challenge (click or Enter) shows its detail. */
static void
row_activated_cb (RkChallengesView *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list_box)
{
  if (self->selected_id != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (RkChallengesView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
challenges_changed_cb (RkChallengesView *self,
                       guint             position,
                       guint             removed,
                       guint             added,
                       GListModel       *model)
{
  rk_challenges_view_update_count (self);
  rk_challenges_view_show_detail (self, FALSE);
  rk_challenges_view_select_row (self);
}

static void
meetings_changed_cb (RkChallengesView *self)
{
  gint64 keep = rk_challenges_view_get_note_meeting (self);

  rk_challenges_view_fill_note_meetings (self, keep);
}

static void
status_selected_cb (RkChallengesView *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->filling || selected == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "challenges.set-status", "(xi)", self->selected_id, (gint32) selected);
}

/* ---- Actions --------------------------------------------------------------------------------------------- */

static void
rk_challenges_view_set_status_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);
  g_autoptr(RkChallenge) held = NULL;
  g_autoptr(GError) error = NULL;
  RkChallenge *challenge;
  RkChallengeInfo info;
  gint64 id;
  gint32 status;

  g_variant_get (parameter, "(xi)", &id, &status);
  if (status < RK_CHALLENGE_OPEN || status > RK_CHALLENGE_RESOLVED ||
      !(challenge = rk_challenges_view_find (self, id, NULL)) || (gint32) rk_challenge_get_status (challenge) == status)
    return;

  /* Held across the update: the store's list may hold the only reference while it replaces the row. */
  held = g_object_ref (challenge);
  rk_challenge_get_info (held, &info);
  info.status = status;
  if (!rk_store_update_challenge (self->store, held, &info, &error))
    {
      rk_widget_show_error_toast (widget, error);
      rk_challenges_view_show_detail (self, FALSE);
    }
}

static void
rk_challenges_view_select_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);

  rk_challenges_view_select (self, rk_challenges_view_find (self, g_variant_get_int64 (parameter), NULL));
  if (self->selected_id != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static gboolean
rk_challenges_view_undo_remove (GtkWidget  *widget,
                                gpointer    item,
                                GError    **error)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);

  if (!rk_store_restore_challenge (self->store, RK_CHALLENGE (item), error))
    return FALSE;

  rk_challenges_view_select (self, RK_CHALLENGE (item));
  return TRUE;
}

static void
rk_challenges_view_remove_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);
  RkChallenge *challenge = rk_challenges_view_find (self, g_variant_get_int64 (parameter), NULL);
  g_autoptr(RkChallenge) held = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (challenge == NULL)
    return;

  /* The store's list drops its reference on removal; the undo toast keeps one. */
  held = g_object_ref (challenge);
  if (!rk_store_remove_challenge (self->store, held, &error))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  escaped = escape (rk_challenge_get_title (held));
  /* Translators: a toast after a challenge was removed; it offers Undo. */
  title = g_strdup_printf (_("Removed “%s”"), escaped);
  rk_widget_add_undo_toast (widget, title, G_OBJECT (held), rk_challenges_view_undo_remove);
}

#define UNDO_NOTE_KEY "rk-challenge-note"

static gboolean
rk_challenges_view_undo_remove_note (GtkWidget  *widget,
                                     gpointer    item,
                                     GError    **error)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);
  RkChallengeNote *note = g_object_get_data (item, UNDO_NOTE_KEY);

  if (!rk_store_restore_challenge_note (self->store, note, error))
    return FALSE;

  rk_challenges_view_show_detail (self, TRUE);
  return TRUE;
}

static void
rk_challenges_view_remove_note_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);
  g_autoptr(RkChallengeNote) note = NULL;
  g_autoptr(GObject) item = NULL;
  g_autoptr(GError) error = NULL;

  if (!(note = rk_store_remove_challenge_note (self->store, g_variant_get_int64 (parameter), &error)))
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }
  rk_challenges_view_show_detail (self, TRUE);

  /* The undo toast keeps a GObject: a plain one carrying the removed note (notes are plain structs). */
  item = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data_full (item, UNDO_NOTE_KEY, g_steal_pointer (&note), (GDestroyNotify) rk_challenge_note_free);
  rk_widget_add_undo_toast (widget, _("Note removed"), item, rk_challenges_view_undo_remove_note);
}

static void
rk_challenges_view_add_note_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);
  RkChallenge *challenge = rk_challenges_view_find (self, self->selected_id, NULL);
  g_autoptr(RkChallenge) held = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (challenge == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  if (*text == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
      return;
    }

  held = g_object_ref (challenge);
  if (rk_store_add_challenge_note (self->store, held, rk_challenges_view_get_note_meeting (self), text,
                                   &error) == 0)
    {
      rk_widget_show_error_toast (widget, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  rk_challenges_view_show_detail (self, TRUE);
}

static void
note_entry_activated_cb (RkChallengesView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "challenges.add-note", NULL);
}

/* ---- The editor (a message dialog with a form) ------------------------------------------------------------- */

typedef struct {
  RkChallengesView *self;
  gint64            challenge_id; /* 0: a new one */
  GtkEditable      *title;
  GtkTextBuffer    *description;
  AdwComboRow      *source;
  AdwComboRow      *meeting;
  AdwComboRow      *status;
  GArray           *meeting_ids;
} EditorData;

static void
editor_data_free (gpointer data)
{
  EditorData *editor = data;

  g_array_unref (editor->meeting_ids);
  g_object_unref (editor->self);
  g_free (editor);
}

static AdwComboRow *
new_combo_row (const char         *title,
               const char * const *labels,
               guint               selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  return row;
}

static void
editor_title_changed_cb (GtkEditable     *editable,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
editor_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EditorData       *editor)
{
  RkChallengesView *self = editor->self;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;
  RkChallengeInfo info;
  guint meeting;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (editor->title)));
  gtk_text_buffer_get_bounds (editor->description, &start, &end);
  description = gtk_text_buffer_get_text (editor->description, &start, &end, FALSE);
  meeting = adw_combo_row_get_selected (editor->meeting);

  info.title = title;
  info.description = g_strstrip (description);
  info.source = (RkChallengeSource) adw_combo_row_get_selected (editor->source);
  info.raised_meeting_id = meeting < editor->meeting_ids->len ? g_array_index (editor->meeting_ids, gint64, meeting) : 0;
  info.status = (RkChallengeStatus) adw_combo_row_get_selected (editor->status);

  if (editor->challenge_id == 0)
    {
      g_autoptr(RkChallenge) challenge = rk_store_add_challenge (self->store, &info, &error);

      if (challenge != NULL)
        {
          rk_challenges_view_select (self, challenge);
          adw_leaflet_set_visible_child (self->leaflet, self->content);
        }
    }
  else
    {
      RkChallenge *challenge = rk_challenges_view_find (self, editor->challenge_id, NULL);
      /* Held across the update: the store's list may hold the only reference while it replaces the row. */
      g_autoptr(RkChallenge) held = challenge != NULL ? g_object_ref (challenge) : NULL;

      if (held != NULL)
        rk_store_update_challenge (self->store, held, &info, &error);
    }

  if (error != NULL)
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static GtkWidget *
rk_challenges_view_open_editor (RkChallengesView *self,
                                RkChallenge      *challenge)
{
  const char *sources[] = {
    rk_challenge_source_to_label (RK_CHALLENGE_FROM_MEETING),
    rk_challenge_source_to_label (RK_CHALLENGE_FROM_SELF_CHECK),
    rk_challenge_source_to_label (RK_CHALLENGE_FROM_DATA),
    rk_challenge_source_to_label (RK_CHALLENGE_FROM_INTERVIEWS),
    NULL,
  };
  const char *statuses[] = {
    rk_challenge_status_to_label (RK_CHALLENGE_OPEN),
    rk_challenge_status_to_label (RK_CHALLENGE_ADDRESSING),
    rk_challenge_status_to_label (RK_CHALLENGE_RESOLVED),
    NULL,
  };
  GListModel *meetings = rk_store_get_meetings (self->store);
  g_autoptr(GPtrArray) meeting_labels = g_ptr_array_new_with_free_func (g_free);
  EditorData *editor = g_new0 (EditorData, 1);
  RkChallengeInfo info = { "", "", RK_CHALLENGE_FROM_MEETING, 0, RK_CHALLENGE_OPEN };
  GtkWidget *dialog, *box, *group, *title_row, *label, *scrolled, *text_view;
  guint meeting_selected = 0;
  gint64 none = 0;

  if (challenge != NULL)
    rk_challenge_get_info (challenge, &info);
  else if (self->note_meeting_ids->len > 1)
    /* A new challenge is most often raised in the latest meeting. */
    info.raised_meeting_id = rk_challenges_view_get_note_meeting (self);

  editor->self = g_object_ref (self);
  editor->challenge_id = challenge != NULL ? rk_challenge_get_id (challenge) : 0;
  editor->meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (editor->meeting_ids, none);
  g_ptr_array_add (meeting_labels, g_strdup (_("Not raised in a meeting")));
  for (guint i = g_list_model_get_n_items (meetings); i > 0; i--)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i - 1);
      gint64 id = rk_meeting_get_id (meeting);

      g_array_append_val (editor->meeting_ids, id);
      g_ptr_array_add (meeting_labels, dup_meeting_label (self->store, id, TRUE));
      if (id == info.raised_meeting_id)
        meeting_selected = editor->meeting_ids->len - 1;
    }
  g_ptr_array_add (meeting_labels, NULL);

  dialog = rk_widget_new_confirm_dialog (GTK_WIDGET (self), challenge != NULL ? _("Edit Challenge") : _("New Challenge"),
                                         NULL, "save", challenge != NULL ? _("_Save") : _("_Add"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (box), group);

  title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), info.title);
  g_signal_connect_object (title_row, "changed", G_CALLBACK (editor_title_changed_cb), dialog, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), title_row);
  editor->title = GTK_EDITABLE (title_row);

  editor->source = new_combo_row (_("Source"), sources, (guint) info.source);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->source));
  editor->meeting = new_combo_row (_("Raised In"), (const char * const *) meeting_labels->pdata, meeting_selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->meeting));
  editor->status = new_combo_row (_("Status"), statuses, (guint) info.status);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->status));

  label = gtk_label_new (_("Description"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_widget_add_css_class (text_view, "rk-notes");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  editor->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (editor->description, info.description, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  rk_accessible_fix_names (dialog);
  editor_title_changed_cb (editor->title, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_data (dialog, "response", G_CALLBACK (editor_response_cb), editor,
                         (GClosureNotify) (void (*) (void)) editor_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (title_row);

  return dialog;
}

static void
rk_challenges_view_add_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  rk_challenges_view_open_editor (RK_CHALLENGES_VIEW (widget), NULL);
}

static void
rk_challenges_view_edit_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (widget);
  RkChallenge *challenge = rk_challenges_view_find (self, g_variant_get_int64 (parameter), NULL);

  if (challenge != NULL)
    rk_challenges_view_open_editor (self, challenge);
}

/* ---- Public API ---------------------------------------------------------------------------------------- */

GtkWidget *
rk_challenges_view_new (RkStore *store)
{
  g_return_val_if_fail (RK_IS_STORE (store), NULL);

  return g_object_new (RK_TYPE_CHALLENGES_VIEW, "store", store, NULL);
}

RkStore *
rk_challenges_view_get_store (RkChallengesView *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGES_VIEW (self), NULL);

  return self->store;
}

RkChallenge *
rk_challenges_view_get_selected (RkChallengesView *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGES_VIEW (self), NULL);

  return rk_challenges_view_find (self, self->selected_id, NULL);
}

void
rk_challenges_view_select (RkChallengesView *self,
                           RkChallenge      *challenge)
{
  g_return_if_fail (RK_IS_CHALLENGES_VIEW (self));

  self->selected_id = challenge != NULL ? rk_challenge_get_id (challenge) : 0;
  rk_challenges_view_show_detail (self, TRUE);
  rk_challenges_view_select_row (self);
}

void
rk_challenges_view_set_note_meeting (RkChallengesView *self,
                                     gint64            meeting_id)
{
  g_return_if_fail (RK_IS_CHALLENGES_VIEW (self));

  for (guint i = 0; i < self->note_meeting_ids->len; i++)
    if (g_array_index (self->note_meeting_ids, gint64, i) == meeting_id)
      adw_combo_row_set_selected (self->note_meeting_row, i);
}

GtkEditable *
rk_challenges_view_get_note_entry (RkChallengesView *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGES_VIEW (self), NULL);

  return GTK_EDITABLE (self->note_entry);
}

GtkListBox *
rk_challenges_view_get_timeline (RkChallengesView *self)
{
  g_return_val_if_fail (RK_IS_CHALLENGES_VIEW (self), NULL);

  return self->timeline;
}

/* ---- GObject --------------------------------------------------------------------------------------------- */

static void
rk_challenges_view_constructed (GObject *object)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (object);
  GListModel *challenges = rk_store_get_challenges (self->store);
  const char *statuses[] = {
    rk_challenge_status_to_label (RK_CHALLENGE_OPEN),
    rk_challenge_status_to_label (RK_CHALLENGE_ADDRESSING),
    rk_challenge_status_to_label (RK_CHALLENGE_RESOLVED),
    NULL,
  };

  G_OBJECT_CLASS (rk_challenges_view_parent_class)->constructed (object);

  self->filling = TRUE;
  gtk_string_list_splice (self->status_model, 0, 0, statuses);
  self->filling = FALSE;
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->list_box, challenges, create_challenge_row, NULL, NULL);
  /* After the list box's own handler, so the rows exist when the selection is put back. */
  g_signal_connect_object (challenges, "items-changed", G_CALLBACK (challenges_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rk_store_get_meetings (self->store), "items-changed", G_CALLBACK (meetings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);

  rk_challenges_view_fill_note_meetings (self, -1);
  rk_challenges_view_update_count (self);
  if (g_list_model_get_n_items (challenges) > 0)
    {
      g_autoptr(RkChallenge) first = g_list_model_get_item (challenges, 0);

      rk_challenges_view_select (self, first);
    }
  else
    rk_challenges_view_show_detail (self, TRUE);
}

static void
rk_challenges_view_dispose (GObject *object)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (object);

  rk_widget_forget_undo (GTK_WIDGET (self));
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  /* The leaflet is the bin's child and a template child: the bin lets go of it first, or disposing the template
   * unparents it behind the bin's back and the bin unparents it again when it goes. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_CHALLENGES_VIEW);

  G_OBJECT_CLASS (rk_challenges_view_parent_class)->dispose (object);
}

static void
rk_challenges_view_finalize (GObject *object)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (object);

  g_clear_pointer (&self->note_meeting_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_challenges_view_parent_class)->finalize (object);
}

static void
rk_challenges_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (object);

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
rk_challenges_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RkChallengesView *self = RK_CHALLENGES_VIEW (object);

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
rk_challenges_view_class_init (RkChallengesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rk_challenges_view_constructed;
  object_class->dispose = rk_challenges_view_dispose;
  object_class->finalize = rk_challenges_view_finalize;
  object_class->get_property = rk_challenges_view_get_property;
  object_class->set_property = rk_challenges_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-challenges-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, separator);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, content);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, properties_group);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, list_box);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, title_label);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, status_row);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, status_model);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, source_row);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, raised_row);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, description_row);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, timeline);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, note_meeting_row);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, note_meeting_model);
  gtk_widget_class_bind_template_child (widget_class, RkChallengesView, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, note_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "challenges.add", NULL, rk_challenges_view_add_action);
  gtk_widget_class_install_action (widget_class, "challenges.edit", "x", rk_challenges_view_edit_action);
  gtk_widget_class_install_action (widget_class, "challenges.remove", "x", rk_challenges_view_remove_action);
  gtk_widget_class_install_action (widget_class, "challenges.set-status", "(xi)", rk_challenges_view_set_status_action);
  gtk_widget_class_install_action (widget_class, "challenges.select", "x", rk_challenges_view_select_action);
  gtk_widget_class_install_action (widget_class, "challenges.add-note", NULL, rk_challenges_view_add_note_action);
  gtk_widget_class_install_action (widget_class, "challenges.remove-note", "x", rk_challenges_view_remove_note_action);
}

static void
rk_challenges_view_init (RkChallengesView *self)
{
  self->note_meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));
  rk_accessible_name_group (self->properties_group, _("Challenge"));
  /* Swiping back from the detail lands on the list, not on the line between them. */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
}

/* test-meeting-widgets.c — the handout list with its PDF reader, the action-item tracker and the challenges view,
 * driven through their actions like a user would (suite "ui", under Xvfb).
 *
 * A council with a body, members and two meetings is made through the core API. A PDF of two pages of Japanese text
 * is drawn with cairo and Pango, attached, read in the reader and removed with undo; a text file named .pdf is
 * refused with a dialog and nothing added. Action items due before RK_TODAY show as overdue and move to "done" when
 * marked. A challenge is added through its dialog and followed by notes in two meetings. What is checked is the store
 * and what the widgets show, never pixels. */
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <string.h>

#include "rk-action-tracker.h"
#include "rk-challenges-view.h"
#include "rk-handout-list.h"
#include "rk-handout.h"
#include "rk-pdf-viewer.h"
#include "rk-store-meetings.h"
#include "rk-store-members.h"
#include "rk-test-ui.h"

/* Pinned before anything reads it: "overdue" is judged against this day. */
#define TODAY "2025-07-15"

typedef struct {
  RkStore   *store;
  RkBody    *body;
  RkMeeting *first;
  RkMeeting *second;
} Council;

static Council council;

static void
setup_council (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp_dir, "widgets.renkei", NULL);
  g_autoptr(GError) error = NULL;
  RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "神奈川県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
    .notes = NULL,
  };
  RkBodyInfo body_info = { "在宅医療部会", RK_TIER_FIELD, NULL, "" };
  RkMemberInfo member_info = { 0 };
  RkMeetingInfo meeting_info = { 0 };
  const char *names[] = { "山田 太郎", "佐藤 花子" };

  if (council.store != NULL)
    return;

  /* The widgets are made to be embedded (by the meetings page): they are tested on their own, on a store of their
   * own. */
  council.store = rk_store_create (path, &info, &error);
  g_assert_no_error (error);

  council.body = rk_store_add_body (council.store, &body_info, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(RkMember) member = NULL;
      gint64 body_id = rk_body_get_id (council.body);

      member_info.member_type = 1;
      member_info.organisation = "みなと市医師会";
      member_info.name = names[i];
      member_info.kana = i == 0 ? "やまだ たろう" : "さとう はなこ";
      member_info.role = RK_ROLE_MEMBER;
      member = rk_store_add_member (council.store, &member_info, &error);
      g_assert_no_error (error);
      rk_store_set_member_bodies (council.store, member, &body_id, 1, "2025-04-01", &error);
      g_assert_no_error (error);
    }

  meeting_info.body_id = rk_body_get_id (council.body);
  meeting_info.title = "";
  meeting_info.starts_at = "2025-05-20T14:00";
  meeting_info.ends_at = "2025-05-20T16:00";
  meeting_info.place = "みなと市役所 会議室A";
  meeting_info.status = RK_MEETING_HELD;
  council.first = rk_store_add_meeting (council.store, &meeting_info, &error);
  g_assert_no_error (error);
  meeting_info.starts_at = "2025-07-08T14:00";
  meeting_info.ends_at = "2025-07-08T16:00";
  council.second = rk_store_add_meeting (council.store, &meeting_info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_meeting_get_number (council.second), ==, 2);
}

/* A window with a toast overlay around @child, as the meetings page gives the widgets. */
static GtkWindow *
host (GtkWidget *child)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  rk_test_spin (50);
  return GTK_WINDOW (window);
}

static void
close_host (GtkWindow *window)
{
  /* Toasts dismissed by undo finish leaving first (libadwaita 1.2 frees a toast still leaving with its overlay). */
  rk_test_spin (700);
  gtk_window_destroy (window);
  rk_test_spin (50);
}

/* The view's list of challenges (the timeline is a list box too; the leaflet orders its children as it shows them). */
static GtkListBox *
find_challenge_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_challenge_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ---- Handouts ------------------------------------------------------------------------------------------------ */

/* Two A4 pages of Japanese text, drawn with cairo and Pango (Noto CJK). */
static void
write_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.0, 842.0);
  cairo_t *cr = cairo_create (surface);
  const char *pages[] = {
    "在宅医療・救急医療連携ルール（案）\n第1章 目的\n本ルールは、在宅療養者の救急搬送時の情報共有を定める。",
    "第2章 情報共有シート\n救急隊は、かかりつけ医と訪問看護ステーションに連絡する。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK JP 14");

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, 480 * PANGO_SCALE);
      pango_layout_set_text (layout, pages[i], -1);
      cairo_move_to (cr, 56, 72);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
      pango_font_description_free (font);
      g_object_unref (layout);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gboolean
list_idle_with (gpointer data)
{
  RkHandoutList *list = data;
  guint *expected = g_object_get_data (G_OBJECT (list), "expected");

  return !rk_handout_list_is_busy (list) && rk_handout_list_get_handouts (list)->len == *expected;
}

static gboolean
has_thumbnail (gpointer data)
{
  RkHandoutList *list = data;
  RkHandout *handout = g_ptr_array_index (rk_handout_list_get_handouts (list), 0);

  return rk_handout_list_get_thumbnail (list, handout->id) != NULL;
}

static void
test_handout_list (void)
{
  const char *tmp_dir = rk_test_ui_get_tmp_dir ();
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "ルール案.pdf", NULL);
  g_autofree char *fake_path = g_build_filename (tmp_dir, "not-really.pdf", NULL);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  RkHandoutList *list;
  RkHandout *handout;
  GtkWindow *window, *dialog;
  GtkWidget *row, *viewer_widget;
  RkPdfViewer *viewer;
  GdkPaintable *thumbnail;
  const char *body;
  guint expected = 0;
  gint64 id;

  setup_council ();
  write_pdf (pdf_path);
  g_assert_true (g_file_set_contents (fake_path, "議事次第\n1. 開会\n2. 議題\n", -1, NULL));

  list = RK_HANDOUT_LIST (rk_handout_list_new (council.store, rk_meeting_get_id (council.first)));
  g_object_set_data (G_OBJECT (list), "expected", &expected);
  window = host (GTK_WIDGET (list));
  g_assert_cmpuint (rk_handout_list_get_handouts (list)->len, ==, 0);

  /* Attach: read in a thread, then a row with its pages and a thumbnail of the first page. */
  expected = 1;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "handouts.attach-from", "s", pdf_path));
  rk_test_wait_for (list_idle_with, list, "the handout attached");
  handout = g_ptr_array_index (rk_handout_list_get_handouts (list), 0);
  id = handout->id;
  g_assert_cmpint (handout->page_count, ==, 2);
  g_assert_cmpstr (handout->filename, ==, "ルール案.pdf");
  row = rk_handout_list_get_row (list, id);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2 pages"));
  rk_test_wait_for (has_thumbnail, list, "the thumbnail");
  thumbnail = rk_handout_list_get_thumbnail (list, id);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), >=, 48);
  /* A4 portrait: taller than wide. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (thumbnail), >, gdk_paintable_get_intrinsic_width (thumbnail));

  /* A text file named .pdf: a clear message naming it, and nothing added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "handouts.attach-from", "s", fake_path));
  dialog = rk_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the refusal");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "not-really.pdf"));
  g_assert_false (rk_handout_list_is_busy (list));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  rk_test_spin (50);
  g_assert_cmpuint (rk_handout_list_get_handouts (list)->len, ==, 1);
  stored = rk_store_list_handouts (council.store, rk_meeting_get_id (council.first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* The reader: page by page, "n / m", zoom. */
  viewer_widget = rk_handout_list_open_handout (list, id);
  g_assert_true (RK_IS_PDF_VIEWER (viewer_widget));
  viewer = RK_PDF_VIEWER (viewer_widget);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (viewer)) == window);
  rk_test_spin (100);
  g_assert_cmpuint (rk_pdf_viewer_get_n_pages (viewer), ==, 2);
  g_assert_cmpstr (rk_pdf_viewer_get_page_label (viewer), ==, "1 / 2");
  g_assert_true (gtk_widget_activate_action (viewer_widget, "viewer.next-page", NULL));
  g_assert_cmpstr (rk_pdf_viewer_get_page_label (viewer), ==, "2 / 2");
  g_assert_cmpuint (rk_pdf_viewer_get_page (viewer), ==, 2);
  /* Past the last page nothing moves. */
  gtk_widget_activate_action (viewer_widget, "viewer.next-page", NULL);
  g_assert_cmpstr (rk_pdf_viewer_get_page_label (viewer), ==, "2 / 2");
  rk_pdf_viewer_show_page (viewer, 1);
  g_assert_cmpstr (rk_pdf_viewer_get_page_label (viewer), ==, "1 / 2");
  g_assert_cmpfloat (rk_pdf_viewer_get_zoom (viewer), ==, 0);
  g_assert_true (gtk_widget_activate_action (viewer_widget, "viewer.zoom-original", NULL));
  g_assert_cmpfloat (rk_pdf_viewer_get_zoom (viewer), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (viewer_widget, "viewer.zoom-in", NULL));
  g_assert_cmpfloat (rk_pdf_viewer_get_zoom (viewer), >, 1.0);
  g_assert_true (gtk_widget_activate_action (viewer_widget, "viewer.zoom-fit", NULL));
  g_assert_cmpfloat (rk_pdf_viewer_get_zoom (viewer), ==, 0);
  rk_test_spin (50);
  g_object_ref (viewer);
  gtk_window_destroy (GTK_WINDOW (viewer));
  rk_test_spin (20);
  g_assert_finalize_object (viewer);

  /* Remove, then undo from the toast. */
  expected = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "handouts.remove", "x", id));
  g_assert_cmpuint (rk_handout_list_get_handouts (list)->len, ==, 0);
  stored = rk_store_list_handouts (council.store, rk_meeting_get_id (council.first), &error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_nonnull (rk_widget_get_undo_toast (GTK_WIDGET (list)));
  rk_test_spin (500);
  rk_widget_undo (GTK_WIDGET (list));
  g_assert_cmpuint (rk_handout_list_get_handouts (list)->len, ==, 1);
  g_assert_nonnull (rk_handout_list_get_row (list, id));
  /* The cache knows the file: the thumbnail is back at once. */
  g_assert_nonnull (rk_handout_list_get_thumbnail (list, id));

  /* The list of another meeting is its own. */
  rk_handout_list_set_meeting_id (list, rk_meeting_get_id (council.second));
  g_assert_cmpuint (rk_handout_list_get_handouts (list)->len, ==, 0);

  close_host (window);
}

/* ---- Action items --------------------------------------------------------------------------------------------- */

static RkActionItem *
add_action (RkAgendaItem   *agenda,
            const char     *title,
            const char     *due,
            RkActionStatus  status)
{
  g_autoptr(GError) error = NULL;
  RkActionItemInfo info = {
    .agenda_item_id = rk_agenda_item_get_id (agenda),
    .title = title,
    .assignee_member_id = 0,
    .assignee_text = "事務局（高齢福祉課）",
    .due_date = due,
    .status = status,
  };
  RkActionItem *action = rk_store_add_action_item (council.store, council.first, &info, &error);

  g_assert_no_error (error);
  return action;
}

static gboolean
model_has (GListModel   *model,
           RkActionItem *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == G_OBJECT (item))
        return TRUE;
    }

  return FALSE;
}

static void
test_action_tracker (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkAgendaItem) agenda = NULL;
  g_autoptr(RkActionItem) overdue = NULL;
  g_autoptr(RkActionItem) later = NULL;
  g_autoptr(RkActionItem) done = NULL;
  RkAgendaItemInfo agenda_info = { "情報共有シートの運用", 0, 30, "", "" };
  RkActionTracker *tracker;
  GListModel *items;
  GtkWindow *window;
  g_autoptr(GVariant) state = NULL;

  setup_council ();
  agenda = rk_store_add_agenda_item (council.store, council.first, &agenda_info, &error);
  g_assert_no_error (error);
  overdue = add_action (agenda, "救急隊との連絡票の案を作る", "2025-06-30", RK_ACTION_OPEN);
  later = add_action (agenda, "訪問看護ステーションの一覧を更新する", "2025-08-31", RK_ACTION_OPEN);
  done = add_action (agenda, "委員名簿を配布する", "2025-06-01", RK_ACTION_DONE);

  tracker = RK_ACTION_TRACKER (rk_action_tracker_new (council.store));
  window = host (GTK_WIDGET (tracker));
  items = rk_action_tracker_get_items (tracker);

  /* Open items first. */
  g_assert_cmpint (rk_action_tracker_get_filter (tracker), ==, RK_ACTION_FILTER_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (model_has (items, overdue));
  g_assert_true (model_has (items, later));

  /* Overdue: only the one due before today, through the filter buttons' action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tracker), "tracker.filter", "s", "overdue"));
  g_assert_cmpint (rk_action_tracker_get_filter (tracker), ==, RK_ACTION_FILTER_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_true (model_has (items, overdue));
  rk_test_spin (50);

  /* Marked done, it leaves "overdue" and shows under "done". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tracker), "tracker.mark-done", "x",
                                             rk_action_item_get_id (overdue)));
  g_assert_cmpint (rk_action_item_get_status (overdue), ==, RK_ACTION_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tracker), "tracker.filter", "s", "done"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_true (model_has (items, overdue));
  g_assert_true (model_has (items, done));

  /* The status column: reopening puts it back under "overdue". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tracker), "tracker.set-status", "(xi)",
                                             rk_action_item_get_id (overdue), (gint32) RK_ACTION_OPEN));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tracker), "tracker.filter", "s", "overdue"));
  g_assert_true (model_has (items, overdue));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tracker), "tracker.filter", "s", "all"));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  rk_test_spin (50);

  close_host (window);
}

/* ---- Challenges ------------------------------------------------------------------------------------------------ */

static void
test_challenges_view (void)
{
  g_autofree char *first_number = NULL;
  g_autofree char *second_number = NULL;
  RkChallengesView *view;
  RkChallenge *challenge;
  GtkWindow *window, *dialog;
  GtkWidget *entry;
  GtkListBox *timeline;
  GtkListBoxRow *row;
  GListModel *challenges;
  const char *subtitle;

  setup_council ();
  challenges = rk_store_get_challenges (council.store);
  view = RK_CHALLENGES_VIEW (rk_challenges_view_new (council.store));
  window = host (GTK_WIDGET (view));
  g_assert_null (rk_challenges_view_get_selected (view));

  /* Add through the dialog: the title is required. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "challenges.add", NULL));
  dialog = rk_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, "the challenge dialog");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  entry = rk_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), "夜間の訪問診療医が不足している");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  rk_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (challenges), ==, 1);
  challenge = rk_challenges_view_get_selected (view);
  g_assert_nonnull (challenge);
  g_assert_cmpstr (rk_challenge_get_title (challenge), ==, "夜間の訪問診療医が不足している");
  /* Raised, by default, in the latest meeting held. */
  g_assert_cmpint (rk_challenge_get_raised_meeting_id (challenge), ==, rk_meeting_get_id (council.second));

  /* Notes in two meetings: the timeline follows it across them, in meeting order. */
  rk_challenges_view_set_note_meeting (view, rk_meeting_get_id (council.first));
  gtk_editable_set_text (rk_challenges_view_get_note_entry (view), "医師会に実態調査を依頼");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "challenges.add-note", NULL));
  rk_challenges_view_set_note_meeting (view, rk_meeting_get_id (council.second));
  gtk_editable_set_text (rk_challenges_view_get_note_entry (view), "調査結果：夜間対応可能な医師は3名");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "challenges.add-note", NULL));
  g_assert_cmpstr (gtk_editable_get_text (rk_challenges_view_get_note_entry (view)), ==, "");
  g_assert_cmpuint (rk_challenge_get_n_notes (challenge), ==, 2);

  timeline = rk_challenges_view_get_timeline (view);
  first_number = rk_meeting_dup_number_label (council.first);
  second_number = rk_meeting_dup_number_label (council.second);
  row = gtk_list_box_get_row_at_index (timeline, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "医師会に実態調査を依頼");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, first_number));
  g_assert_nonnull (strstr (subtitle, "令和7年(2025年)5月20日"));
  row = gtk_list_box_get_row_at_index (timeline, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), second_number));
  g_assert_null (gtk_list_box_get_row_at_index (timeline, 2));

  /* Status in place; the selection stays on it though the store replaced its row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "challenges.set-status", "(xi)",
                                             rk_challenge_get_id (challenge), (gint32) RK_CHALLENGE_ADDRESSING));
  g_assert_cmpint (rk_challenge_get_status (challenge), ==, RK_CHALLENGE_ADDRESSING);
  g_assert_true (rk_challenges_view_get_selected (view) == challenge);
  g_assert_nonnull (gtk_list_box_get_selected_row (find_challenge_list (GTK_WIDGET (view))));

  /* Remove a note, undo. */
  {
    gint64 note_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (timeline, 0)),
                                                                    "rk-note-id"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "challenges.remove-note", "x", note_id));
    g_assert_null (gtk_list_box_get_row_at_index (timeline, 1));
    rk_test_spin (500);
    rk_widget_undo (GTK_WIDGET (view));
    g_assert_nonnull (gtk_list_box_get_row_at_index (timeline, 1));
    /* libadwaita 1.2's toast overlay trips over toasts replaced while still animating: let them settle. */
    rk_test_spin (500);
  }

  /* Remove the challenge, undo. */
  g_object_ref (challenge);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "challenges.remove", "x", rk_challenge_get_id (challenge)));
  g_assert_cmpuint (g_list_model_get_n_items (challenges), ==, 0);
  g_assert_null (rk_challenges_view_get_selected (view));
  rk_test_spin (500);
  rk_widget_undo (GTK_WIDGET (view));
  g_assert_cmpuint (g_list_model_get_n_items (challenges), ==, 1);
  g_assert_true (rk_challenges_view_get_selected (view) == challenge);
  g_assert_nonnull (gtk_list_box_get_row_at_index (timeline, 1));
  g_object_unref (challenge);
  rk_test_spin (50);

  close_host (window);
}

static void
test_close (void)
{
  setup_council ();
  g_clear_object (&council.first);
  g_clear_object (&council.second);
  g_clear_object (&council.body);
  /* Every widget let go of the council. */
  g_assert_true (rk_store_close (council.store, NULL));
  g_assert_finalize_object (council.store);
  council.store = NULL;
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_setenv ("RK_TODAY", TODAY, TRUE);
  rk_test_ui_init (&argc, &argv, "renkei-meeting-widgets-XXXXXX");
  g_test_add_func ("/meeting-widgets/handout-list", test_handout_list);
  g_test_add_func ("/meeting-widgets/action-tracker", test_action_tracker);
  g_test_add_func ("/meeting-widgets/challenges-view", test_challenges_view);
  g_test_add_func ("/meeting-widgets/close", test_close);
  ret = rk_test_ui_run ();

  return ret;
}

/* test-search-ui.c — search in a council window (Ctrl+F, win.search), driven like a user would (suite "ui", Xvfb).
 *
 * A council with minutes, an action item, a challenge and a two-page handout in known Japanese text is opened; the
 * search is opened with win.search and terms of four, two and one characters are typed into its entry. What is
 * checked is what the results area shows — its state, its message, the rows and the markup of their snippets — and
 * where activating a result leads: the meetings page with the meeting selected, the action view, the handout reader
 * at the page. Odd queries (a quote, NEAR(, SQL) are searched as plain text, and the council is intact after them. */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rk-handout.h"
#include "rk-meetings-page.h"
#include "rk-pdf-viewer.h"
#include "rk-search-bar.h"
#include "rk-store-meetings.h"
#include "rk-test-ui.h"

/* The minutes: 情報共有 (four characters) only in the first item's discussion; 看取 (two) there and in the action
 * item; 看 (one) in those and in the challenge (訪問看護). */
#define DISCUSSION_1 "救急搬送時の情報共有シートについて協議した。看取りの意思確認の欄を加える。"
#define DECISIONS_1  "連携シートを来年度から運用する。"
#define DISCUSSION_2 "夜間の往診体制について意見交換を行った。"
#define ACTION_TITLE "看取り方針の案を作る"
#define CHALLENGE    "訪問看護の夜間対応が足りない"
/* Only in the handout's second page. */
#define HANDOUT_TERM "連絡票様式"

typedef struct {
  gint64 meeting_id;
  gint64 item_1_id;
  gint64 item_2_id;
  gint64 action_id;
  gint64 handout_id;
} Fixture;

/* A two-page PDF drawn with Pango (Noto CJK): the handout's second page holds HANDOUT_TERM. */
static GBytes *
make_handout_pdf (void)
{
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), "handout.pdf", NULL);
  const char *pages[] = { "在宅医療の現状について", "別紙 " HANDOUT_TERM " の改訂案" };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK JP 14");

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, pages[i], -1);
      cairo_move_to (cr, 72, 72);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Writes the fixture's council at @path through the store, as the meetings page would. */
static void
write_council (const char *path,
               Fixture    *fixture)
{
  const RkCouncilInfo info = {
    .name = "みなと市在宅医療・救急医療連携推進協議会",
    .municipality = "みなと市",
    .prefecture = "架空県",
    .fiscal_year = 2025,
    .setup = RK_SETUP_NEW,
  };
  const RkBodyInfo body_info = { .name = "救急搬送連携部会", .tier = RK_TIER_FIELD, .purpose = "" };
  const RkMeetingInfo meeting_info = {
    .title = "第1回 救急搬送連携部会",
    .starts_at = "2025-06-12T14:00",
    .ends_at = "2025-06-12T16:00",
    .place = "みなと市役所 3階会議室",
    .status = RK_MEETING_HELD,
    .notes = "",
  };
  RkAgendaItemInfo item_info = { .title = "情報共有の様式", .minutes_allotted = 30 };
  const RkActionItemInfo action_info = { .title = ACTION_TITLE, .assignee_text = "医師会", .due_date = "2025-09-30",
                                         .status = RK_ACTION_OPEN };
  const RkChallengeInfo challenge_info = { .title = CHALLENGE, .description = "", .source = RK_CHALLENGE_FROM_MEETING,
                                           .status = RK_CHALLENGE_OPEN };
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStore) store = NULL;
  g_autoptr(RkBody) body = NULL;
  g_autoptr(RkMeeting) meeting = NULL;
  g_autoptr(RkAgendaItem) item_1 = NULL;
  g_autoptr(RkAgendaItem) item_2 = NULL;
  g_autoptr(RkActionItem) action = NULL;
  g_autoptr(RkChallenge) challenge = NULL;
  g_autoptr(RkHandout) handout = NULL;
  g_autoptr(GBytes) pdf = make_handout_pdf ();
  RkMeetingInfo meeting_with_body = meeting_info;
  RkActionItemInfo action_with_item = action_info;
  RkChallengeInfo challenge_with_meeting = challenge_info;

  rk_test_create_council (path, &info);
  store = rk_store_open (path, &error);
  g_assert_no_error (error);

  body = rk_store_add_body (store, &body_info, &error);
  g_assert_no_error (error);
  meeting_with_body.body_id = rk_body_get_id (body);
  meeting = rk_store_add_meeting (store, &meeting_with_body, &error);
  g_assert_no_error (error);
  fixture->meeting_id = rk_meeting_get_id (meeting);

  item_1 = rk_store_add_agenda_item (store, meeting, &item_info, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_set_agenda_text (store, item_1, DISCUSSION_1, DECISIONS_1, &error));
  g_assert_no_error (error);
  item_info.title = "往診体制";
  item_2 = rk_store_add_agenda_item (store, meeting, &item_info, &error);
  g_assert_no_error (error);
  g_assert_true (rk_store_set_agenda_text (store, item_2, DISCUSSION_2, "", &error));
  g_assert_no_error (error);
  fixture->item_1_id = rk_agenda_item_get_id (item_1);
  fixture->item_2_id = rk_agenda_item_get_id (item_2);

  action_with_item.agenda_item_id = fixture->item_1_id;
  action = rk_store_add_action_item (store, meeting, &action_with_item, &error);
  g_assert_no_error (error);
  fixture->action_id = rk_action_item_get_id (action);

  challenge_with_meeting.raised_meeting_id = fixture->meeting_id;
  challenge = rk_store_add_challenge (store, &challenge_with_meeting, &error);
  g_assert_no_error (error);

  handout = rk_store_add_handout_bytes (store, fixture->meeting_id, "handout.pdf", pdf, "連絡票の資料", &error);
  g_assert_no_error (error);
  g_assert_cmpint (handout->page_count, ==, 2);
  fixture->handout_id = handout->id;

  g_assert_true (rk_store_close (store, &error));
  g_assert_no_error (error);
}

typedef struct {
  RkSearchBar *bar;
  const char  *query;
} ShownRef;

static gboolean
query_shown (gpointer data)
{
  ShownRef *ref = data;

  return g_strcmp0 (rk_search_bar_get_shown_query (ref->bar), ref->query) == 0;
}

/* Types @query into the entry and waits for the pause to run out, as a user would. */
static void
type_query (RkSearchBar *bar,
            const char  *query)
{
  ShownRef ref = { bar, query };

  gtk_editable_set_text (rk_search_bar_get_entry (bar), query);
  /* Not on every keystroke: the query waits for the pause. */
  g_assert_cmpstr (rk_search_bar_get_shown_query (bar), !=, query);
  rk_test_wait_for (query_shown, &ref, "the results of the query");
  rk_test_spin (20);
}

/* The labels of @row that show markup (the snippet). */
static GtkLabel *
find_markup_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_markup_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every row is on screen and its snippet highlights @term; returns how many rows of @kind there are. */
static guint
assert_rows_highlight (RkSearchBar *bar,
                       const char  *term,
                       const char  *kind)
{
  g_autofree char *bold = g_strdup_printf ("<b>%s</b>", term);
  guint n_kind = 0;

  g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "results");
  for (guint i = 0; i < rk_search_bar_get_n_results (bar); i++)
    {
      const RkSearchResult *result = rk_search_bar_get_result (bar, i);
      GtkWidget *row = rk_search_bar_get_result_row (bar, i);
      GtkLabel *snippet;

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_mapped (row));
      snippet = find_markup_label (row);
      g_assert_nonnull (snippet);
      g_assert_cmpstr (gtk_label_get_label (snippet), ==, result->snippet);
      g_assert_nonnull (strstr (gtk_label_get_label (snippet), bold));
      /* What the label shows is the text, the tags parsed away. */
      g_assert_null (strstr (gtk_label_get_text (snippet), "<b>"));
      if (g_strcmp0 (result->kind, kind) == 0)
        n_kind++;
    }
  g_assert_null (rk_search_bar_get_result_row (bar, rk_search_bar_get_n_results (bar)));

  return n_kind;
}

/* Whether @window has a shortcut @accel that activates the action @action_name (what a key press would run). */
static gboolean
has_shortcut (GtkWidget  *window,
              const char *accel,
              const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (trigger, accel) == 0 && GTK_IS_NAMED_ACTION (action)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* Presses @keyval on @widget as its key controllers see it (GTK 4 has no way to synthesize a key event in a test). */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  rk_test_spin (20);

  return handled;
}

static RkSearchBar *
open_search (RkWindow *window)
{
  RkSearchBar *bar = RK_SEARCH_BAR (rk_window_get_search_bar (window));
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  rk_test_spin (50);
  g_assert_true (rk_search_bar_get_search_mode (bar));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (rk_search_bar_get_entry (bar))
                 || gtk_widget_is_ancestor (focus, GTK_WIDGET (rk_search_bar_get_entry (bar))));

  return bar;
}

static RkWindow *
open_fixture (const char *name,
              Fixture    *fixture)
{
  g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), name, NULL);

  write_council (path, fixture);
  return rk_test_open_council (path, "the council");
}

static void
test_search_terms (void)
{
  Fixture fixture = { 0 };
  RkWindow *window = open_fixture ("terms.renkei", &fixture);
  RkStore *store = rk_window_get_store (window);
  RkSearchBar *bar;
  guint n_agenda;

  g_assert_true (has_shortcut (GTK_WIDGET (window), "<Control>f", "win.search"));

  /* Closed, there is nothing over the page. */
  bar = RK_SEARCH_BAR (rk_window_get_search_bar (window));
  g_assert_false (rk_search_bar_get_search_mode (bar));

  /* Nothing typed: the hint says what can be found. */
  bar = open_search (window);
  g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "hint");
  g_assert_cmpstr (rk_search_bar_get_message (bar), ==,
                   "Search minutes, decisions, action items, challenges and handouts");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 0);

  /* Four characters (trigram index): the first item's minutes only. */
  type_query (bar, "情報共有");
  n_agenda = assert_rows_highlight (bar, "情報共有", RK_SEARCH_KIND_AGENDA_ITEM);
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 1);
  g_assert_cmpuint (n_agenda, ==, 1);
  g_assert_cmpint (rk_search_bar_get_result (bar, 0)->ref, ==, fixture.item_1_id);
  g_assert_cmpint (rk_search_bar_get_result (bar, 0)->meeting_id, ==, fixture.meeting_id);
  g_assert_cmpstr (rk_search_bar_get_message (bar), ==, "1 result");

  /* Two characters (LIKE): the minutes and the action item. */
  type_query (bar, "看取");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 2);
  g_assert_cmpuint (assert_rows_highlight (bar, "看取", RK_SEARCH_KIND_AGENDA_ITEM), ==, 1);
  g_assert_cmpuint (assert_rows_highlight (bar, "看取", RK_SEARCH_KIND_ACTION_ITEM), ==, 1);
  g_assert_cmpstr (rk_search_bar_get_message (bar), ==, "2 results");

  /* One character: the challenge (訪問看護) as well. */
  type_query (bar, "看");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 3);
  g_assert_cmpuint (assert_rows_highlight (bar, "看", RK_SEARCH_KIND_CHALLENGE), ==, 1);

  /* Down from the entry goes to the first result, Up from there back to the entry. */
  {
    GtkWidget *entry = GTK_WIDGET (rk_search_bar_get_entry (bar));
    GtkWidget *first = rk_search_bar_get_result_row (bar, 0);

    g_assert_true (press_key (entry, GDK_KEY_Down));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first);
    g_assert_true (press_key (gtk_widget_get_parent (first), GDK_KEY_Up));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
    /* Escape in the results closes the search; Ctrl+F brings it back empty. */
    g_assert_true (press_key (entry, GDK_KEY_Down));
    g_assert_true (press_key (GTK_WIDGET (bar), GDK_KEY_Escape));
    g_assert_false (rk_search_bar_get_search_mode (bar));
    g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 0);
    bar = open_search (window);
    g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "hint");
  }

  /* Two terms: both must occur. */
  type_query (bar, "看取り　連携シート");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 1);
  g_assert_cmpint (rk_search_bar_get_result (bar, 0)->ref, ==, fixture.item_1_id);

  /* The handout's text, with its page. */
  type_query (bar, HANDOUT_TERM);
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 1);
  g_assert_cmpuint (assert_rows_highlight (bar, HANDOUT_TERM, RK_SEARCH_KIND_ATTACHMENT_PAGE), ==, 1);
  g_assert_cmpint (rk_search_bar_get_result (bar, 0)->page, ==, 2);

  /* Odd input is plain text: nothing found, said so, nothing broken. */
  {
    const char *odd[] = { "\"", "NEAR(", "'; DROP TABLE meeting; --", "*", "%", "看\" OR 1=1" };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_autofree char *expected = g_strdup_printf ("No results for “%s”", odd[i]);

        type_query (bar, odd[i]);
        g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "empty");
        g_assert_cmpstr (rk_search_bar_get_message (bar), ==, expected);
        g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 0);
        g_assert_null (rk_search_bar_get_result_row (bar, 0));
      }
  }

  /* Only white space is nothing typed. */
  type_query (bar, " 　 ");
  g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "hint");

  /* The council is intact: the meeting is there and still found. */
  g_assert_nonnull (rk_store_find_meeting (store, fixture.meeting_id));
  g_assert_cmpuint (g_list_model_get_n_items (rk_store_get_meetings (store)), ==, 1);
  type_query (bar, "情報共有");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 1);

  /* A failure of the core shows its message in the results area. */
  {
    g_autofree char *path = g_build_filename (rk_test_ui_get_tmp_dir (), "closed.renkei", NULL);
    const RkCouncilInfo info = { .name = "閉じた協議会", .municipality = "みなと市", .prefecture = "架空県",
                                 .fiscal_year = 2025 };
    g_autoptr(RkStore) closed = NULL;
    g_autoptr(GError) error = NULL;

    rk_test_create_council (path, &info);
    closed = rk_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (rk_store_close (closed, &error));
    rk_search_bar_set_store (bar, closed);
    g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "error");
    g_assert_nonnull (rk_search_bar_get_message (bar));
    g_assert_cmpstr (rk_search_bar_get_message (bar), !=, "");
    g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 0);
    rk_search_bar_set_store (bar, store);
    g_assert_cmpstr (rk_search_bar_get_state (bar), ==, "results");
  }

  /* Escape in the entry closes the search and forgets the query. */
  g_signal_emit_by_name (rk_search_bar_get_entry (bar), "stop-search");
  rk_test_spin (50);
  g_assert_false (rk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (gtk_editable_get_text (rk_search_bar_get_entry (bar)), ==, "");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 0);

  rk_test_close_window (window);
}

static gboolean
page_visible (gpointer data)
{
  GtkWidget *page = data;

  return gtk_widget_get_mapped (page);
}

typedef struct {
  RkWindow       *window;
  RkMeetingsPage *page;
  gint64          agenda_item_id;
} MinutesRef;

static gboolean
minutes_focused (gpointer data)
{
  MinutesRef *ref = data;
  GtkWidget *editor = rk_meetings_page_get_minutes_editor (ref->page, ref->agenda_item_id);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ref->window));

  return editor != NULL && focus != NULL && gtk_widget_is_ancestor (focus, editor);
}

static void
test_search_open_results (void)
{
  Fixture fixture = { 0 };
  RkWindow *window = open_fixture ("open.renkei", &fixture);
  GtkWidget *meetings = rk_window_get_page (window, "meetings");
  RkSearchBar *bar;
  GtkWidget *row;

  g_assert_nonnull (meetings);

  /* The minutes of an agenda item: the meetings page, the meeting selected. */
  bar = open_search (window);
  type_query (bar, "情報共有");
  row = rk_search_bar_get_result_row (bar, 0);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  rk_test_wait_for (page_visible, meetings, "the meetings page");
  g_assert_false (rk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (meetings))) == meetings);
  g_assert_cmpstr (rk_meetings_page_get_visible_view (RK_MEETINGS_PAGE (meetings)), ==, "meetings");
  g_assert_nonnull (rk_meetings_page_get_selected_meeting (RK_MEETINGS_PAGE (meetings)));
  g_assert_cmpint (rk_meeting_get_id (rk_meetings_page_get_selected_meeting (RK_MEETINGS_PAGE (meetings))), ==,
                   fixture.meeting_id);
  /* … and the minutes of that agenda item get the focus, once laid out. */
  {
    MinutesRef ref = { window, RK_MEETINGS_PAGE (meetings), fixture.item_1_id };

    rk_test_wait_for (minutes_focused, &ref, "the focus in the agenda item's minutes");
    /* The page scrolls to the minutes (and focuses them again) over the next frames: let it finish, as a user would
     * before pressing anything else. */
    rk_test_spin (300);
    g_assert_true (minutes_focused (&ref));
  }

  /* Enter in the entry opens the first result: an action item opens the action view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  bar = open_search (window);
  type_query (bar, "方針");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 1);
  g_assert_cmpstr (rk_search_bar_get_result (bar, 0)->kind, ==, RK_SEARCH_KIND_ACTION_ITEM);
  g_signal_emit_by_name (rk_search_bar_get_entry (bar), "activate");
  rk_test_wait_for (page_visible, meetings, "the meetings page");
  g_assert_false (rk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (rk_meetings_page_get_visible_view (RK_MEETINGS_PAGE (meetings)), ==, "actions");

  /* A challenge opens the challenges view. */
  bar = open_search (window);
  type_query (bar, "夜間対応");
  g_assert_cmpuint (rk_search_bar_get_n_results (bar), ==, 1);
  gtk_widget_activate (rk_search_bar_get_result_row (bar, 0));
  rk_test_spin (50);
  g_assert_cmpstr (rk_meetings_page_get_visible_view (RK_MEETINGS_PAGE (meetings)), ==, "challenges");

  /* A handout page opens the reader at that page. */
  bar = open_search (window);
  type_query (bar, HANDOUT_TERM);
  gtk_widget_activate (rk_search_bar_get_result_row (bar, 0));
  {
    RkPdfViewer *viewer = RK_PDF_VIEWER (rk_test_wait_for_toplevel (RK_TYPE_PDF_VIEWER, "the handout reader"));

    g_assert_cmpuint (rk_pdf_viewer_get_n_pages (viewer), ==, 2);
    g_assert_cmpuint (rk_pdf_viewer_get_page (viewer), ==, 2);
    gtk_window_destroy (GTK_WINDOW (viewer));
    rk_test_spin (50);
  }

  rk_test_close_window (window);
}

static void
test_search_kinds (void)
{
  /* Rule sections need the rules page to open in; everything else is always shown. */
  g_assert_false (rk_search_kind_is_shown (RK_SEARCH_KIND_RULE_SECTION, FALSE));
  g_assert_true (rk_search_kind_is_shown (RK_SEARCH_KIND_RULE_SECTION, TRUE));
  g_assert_true (rk_search_kind_is_shown (RK_SEARCH_KIND_MEETING, FALSE));
  g_assert_true (rk_search_kind_is_shown (RK_SEARCH_KIND_AGENDA_ITEM, FALSE));
  g_assert_true (rk_search_kind_is_shown (RK_SEARCH_KIND_ACTION_ITEM, FALSE));
  g_assert_true (rk_search_kind_is_shown (RK_SEARCH_KIND_CHALLENGE, FALSE));
  g_assert_true (rk_search_kind_is_shown (RK_SEARCH_KIND_ATTACHMENT_PAGE, FALSE));
  g_assert_false (rk_search_kind_is_shown ("unknown", TRUE));

  /* Every kind has its own icon. */
  {
    const char *kinds[] = { RK_SEARCH_KIND_MEETING, RK_SEARCH_KIND_AGENDA_ITEM, RK_SEARCH_KIND_ACTION_ITEM,
                            RK_SEARCH_KIND_CHALLENGE, RK_SEARCH_KIND_ATTACHMENT_PAGE, RK_SEARCH_KIND_RULE_SECTION };
    g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      g_hash_table_add (icons, (gpointer) rk_search_kind_icon_name (kinds[i]));
    g_assert_cmpuint (g_hash_table_size (icons), ==, G_N_ELEMENTS (kinds));
  }
}

int
main (int    argc,
      char **argv)
{
  rk_test_ui_init (&argc, &argv, "renkei-test-search-ui-XXXXXX");

  g_test_add_func ("/search-ui/kinds", test_search_kinds);
  g_test_add_func ("/search-ui/terms-odd-input-errors", test_search_terms);
  g_test_add_func ("/search-ui/open-results", test_search_open_results);

  return rk_test_ui_run ();
}

/* rk-section-trace.c — the decisions and challenges a section of a rule comes from.
 *
 * The store links a (document, section uid) pair, but its calls take an RkRuleSection: the panel uses the section
 * of the newest version that has the uid, so links made while reading an old version still land on the same pair. */
#include <glib/gi18n.h>

#include "rk-accessible.h"
#include "rk-meeting.h"
#include "rk-section-trace.h"
#include "rk-store-meetings.h"
#include "rk-store-rules.h"
#include "rk-window.h"

typedef struct {
  gint64 agenda_item_id;
  gint64 challenge_id;
} Target;

struct _RkSectionTrace
{
  AdwBin          parent_instance;

  RkStore        *store;
  gint64          document_id;
  char           *section_uid;
  GPtrArray      *links;   /* RkRuleSectionLink */
  GArray         *targets; /* Target, parallel to the drop-down's strings */

  GtkListBox     *links_list;
  GtkDropDown    *target_drop;
};

G_DEFINE_FINAL_TYPE (RkSectionTrace, rk_section_trace, ADW_TYPE_BIN)

/* The section with the uid in the newest version of the document that has it, or NULL. */
static RkRuleSection *
find_section (RkSectionTrace *self)
{
  RkRuleDocument *document = rk_store_find_rule_document (self->store, self->document_id);
  GListModel *versions;

  if (document == NULL)
    return NULL;
  versions = rk_store_get_rule_versions (self->store, document);
  for (guint i = g_list_model_get_n_items (versions); i > 0; i--)
    {
      g_autoptr(RkRuleVersion) version = g_list_model_get_item (versions, i - 1);
      RkRuleSection *section = rk_store_find_rule_section (self->store, version, self->section_uid);

      if (section != NULL)
        return section;
    }
  return NULL;
}

static gboolean
is_linked (RkSectionTrace *self,
           gint64          agenda_item_id,
           gint64          challenge_id)
{
  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      const RkRuleSectionLink *link = g_ptr_array_index (self->links, i);

      if ((agenda_item_id && link->agenda_item_id == agenda_item_id)
          || (challenge_id && link->challenge_id == challenge_id))
        return TRUE;
    }
  return FALSE;
}

static void
unlink_clicked_cb (GtkButton      *button,
                   RkSectionTrace *self)
{
  gint64 link_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "rk-link-id");
  g_autoptr(GError) error = NULL;

  if (!rk_section_trace_unlink (self, link_id, &error))
    rk_widget_show_error_toast (GTK_WIDGET (self), error);
}

static GtkWidget *
new_link_row (RkSectionTrace          *self,
              const RkRuleSectionLink *link)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Remove the link to “%s”"), link->target_title);
  gint64 *link_id = g_new (gint64, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->target_title);
  if (link->agenda_item_id != 0)
    {
      RkMeeting *meeting = rk_store_find_meeting (self->store, link->meeting_id);
      g_autofree char *number = meeting ? rk_meeting_dup_number_label (meeting) : NULL;
      g_autofree char *subtitle = meeting ? g_strdup_printf (_("Decision, %s %s"), number,
                                                             rk_meeting_get_title (meeting))
                                          : g_strdup (_("Decision"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Challenge"));

  *link_id = link->id;
  g_object_set_data_full (G_OBJECT (button), "rk-link-id", link_id, g_free);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (unlink_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The agenda items with decisions (meeting by meeting) and the challenges, less those already linked. */
static void
reload_targets (RkSectionTrace *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GListModel *meetings = rk_store_get_meetings (self->store);
  GListModel *challenges = rk_store_get_challenges (self->store);

  g_array_set_size (self->targets, 0);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);
      GListModel *agenda = rk_store_get_agenda (self->store, meeting);
      g_autofree char *number = rk_meeting_dup_number_label (meeting);

      for (guint j = 0; j < g_list_model_get_n_items (agenda); j++)
        {
          g_autoptr(RkAgendaItem) item = g_list_model_get_item (agenda, j);
          const char *decisions = rk_agenda_item_get_decisions (item);
          Target target = { rk_agenda_item_get_id (item), 0 };
          g_autofree char *text = NULL;

          if (decisions == NULL || *decisions == '\0' || is_linked (self, target.agenda_item_id, 0))
            continue;
          /* The meeting says which decision it was: the same title comes back meeting after meeting. */
          text = g_strdup_printf (_("Decision: %s (%s %s)"), rk_agenda_item_get_title (item), number,
                                  rk_meeting_get_title (meeting));
          gtk_string_list_append (strings, text);
          g_array_append_val (self->targets, target);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
    {
      g_autoptr(RkChallenge) challenge = g_list_model_get_item (challenges, i);
      Target target = { 0, rk_challenge_get_id (challenge) };
      g_autofree char *text = NULL;

      if (is_linked (self, 0, target.challenge_id))
        continue;
      text = g_strdup_printf (_("Challenge: %s"), rk_challenge_get_title (challenge));
      gtk_string_list_append (strings, text);
      g_array_append_val (self->targets, target);
    }

  gtk_drop_down_set_model (self->target_drop, G_LIST_MODEL (strings));
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_drop), self->targets->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trace.link-selected", self->targets->len > 0);
  rk_accessible_name_drop_down (self->target_drop, _("Decision or Challenge to Link"));
}

void
rk_section_trace_reload (RkSectionTrace *self)
{
  RkRuleSection *section;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (RK_IS_SECTION_TRACE (self));

  g_clear_pointer (&self->links, g_ptr_array_unref);
  section = find_section (self);
  if (section != NULL)
    self->links = rk_store_list_section_links (self->store, section, &error);
  if (self->links == NULL)
    {
      if (error != NULL)
        rk_widget_show_error_toast (GTK_WIDGET (self), error);
      self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_rule_section_link_free);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    {
      /* The placeholder is not a row; everything else the list holds is. */
      if (!GTK_IS_LIST_BOX_ROW (child))
        break;
      gtk_list_box_remove (self->links_list, child);
    }
  for (guint i = 0; i < self->links->len; i++)
    gtk_list_box_append (self->links_list, new_link_row (self, g_ptr_array_index (self->links, i)));

  reload_targets (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), section != NULL);
}

gboolean
rk_section_trace_link (RkSectionTrace *self,
                       gint64          agenda_item_id,
                       gint64          challenge_id,
                       GError        **error)
{
  RkRuleSection *section;

  g_return_val_if_fail (RK_IS_SECTION_TRACE (self), FALSE);

  section = find_section (self);
  if (section == NULL)
    {
      g_set_error_literal (error, RK_STORE_ERROR, RK_STORE_ERROR_INVALID, _("The section was removed."));
      return FALSE;
    }
  if (rk_store_link_rule_section (self->store, section, agenda_item_id, challenge_id, error) == 0)
    return FALSE;
  rk_section_trace_reload (self);
  return TRUE;
}

gboolean
rk_section_trace_unlink (RkSectionTrace *self,
                         gint64          link_id,
                         GError        **error)
{
  g_return_val_if_fail (RK_IS_SECTION_TRACE (self), FALSE);

  if (!rk_store_unlink_rule_section (self->store, link_id, error))
    return FALSE;
  rk_section_trace_reload (self);
  return TRUE;
}

GPtrArray *
rk_section_trace_get_links (RkSectionTrace *self)
{
  g_return_val_if_fail (RK_IS_SECTION_TRACE (self), NULL);
  return self->links;
}

guint
rk_section_trace_get_n_targets (RkSectionTrace *self)
{
  g_return_val_if_fail (RK_IS_SECTION_TRACE (self), 0);
  return self->targets->len;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  gint64 agenda_item_id, challenge_id;

  g_variant_get (parameter, "(xx)", &agenda_item_id, &challenge_id);
  if (!rk_section_trace_link (RK_SECTION_TRACE (widget), agenda_item_id, challenge_id, &error))
    rk_widget_show_error_toast (widget, error);
}

static void
link_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RkSectionTrace *self = RK_SECTION_TRACE (widget);
  guint selected = gtk_drop_down_get_selected (self->target_drop);
  g_autoptr(GError) error = NULL;
  Target target;

  if (selected >= self->targets->len)
    return;
  target = g_array_index (self->targets, Target, selected);
  if (!rk_section_trace_link (self, target.agenda_item_id, target.challenge_id, &error))
    rk_widget_show_error_toast (widget, error);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!rk_section_trace_unlink (RK_SECTION_TRACE (widget), g_variant_get_int64 (parameter), &error))
    rk_widget_show_error_toast (widget, error);
}

static void
rk_section_trace_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rk_section_trace_parent_class)->map (widget);
  /* Decisions may have been written in the minutes since the panel was made. */
  rk_section_trace_reload (RK_SECTION_TRACE (widget));
}

static void
rk_section_trace_dispose (GObject *object)
{
  RkSectionTrace *self = RK_SECTION_TRACE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_SECTION_TRACE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rk_section_trace_parent_class)->dispose (object);
}

static void
rk_section_trace_finalize (GObject *object)
{
  RkSectionTrace *self = RK_SECTION_TRACE (object);

  g_clear_pointer (&self->section_uid, g_free);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);

  G_OBJECT_CLASS (rk_section_trace_parent_class)->finalize (object);
}

static void
rk_section_trace_class_init (RkSectionTraceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_section_trace_dispose;
  object_class->finalize = rk_section_trace_finalize;
  widget_class->map = rk_section_trace_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/renkei/Renkei/ui/rk-section-trace.ui");
  gtk_widget_class_bind_template_child (widget_class, RkSectionTrace, links_list);
  gtk_widget_class_bind_template_child (widget_class, RkSectionTrace, target_drop);

  gtk_widget_class_install_action (widget_class, "trace.link", "(xx)", link_action);
  gtk_widget_class_install_action (widget_class, "trace.link-selected", NULL, link_selected_action);
  gtk_widget_class_install_action (widget_class, "trace.unlink", "x", unlink_action);
}

static void
rk_section_trace_init (RkSectionTrace *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_accessible_fix_names (GTK_WIDGET (self));

  self->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->target_drop, expression);
}

GtkWidget *
rk_section_trace_new (RkStore    *store,
                      gint64      document_id,
                      const char *section_uid)
{
  RkSectionTrace *self;

  g_return_val_if_fail (RK_IS_STORE (store), NULL);
  g_return_val_if_fail (section_uid != NULL, NULL);

  self = g_object_new (RK_TYPE_SECTION_TRACE, NULL);
  self->store = g_object_ref (store);
  self->document_id = document_id;
  self->section_uid = g_strdup (section_uid);
  rk_section_trace_reload (self);
  return GTK_WIDGET (self);
}

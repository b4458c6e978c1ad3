/* rk-coverage.c — which of the 20 candidate member types the council covers, and the guide's advice on the gaps. */

#include "rk-coverage.h"

#include <glib/gi18n.h>

/* A type "most councils include": at least half of the 249 councils that drafted rules had it (R5 survey). */
#define COMMON_SHARE 50.0

/* The tips (tips.xml ids) that bring a fire department to the table: the threshold itself, and the crews and the
 * care staff understanding each other's work. */
static const char *const fire_tip_ids[] = { "fire-threshold", "mutual-understanding" };

struct _RkCoverage
{
  RkCoverageEntry entries[RK_MEMBER_TYPE_LAST];
  guint           n_covered;
  GPtrArray      *advice;
};

static void
rk_advice_free (RkAdvice *advice)
{
  g_free (advice->title);
  g_free (advice->text);
  g_free (advice);
}

static void
add_advice (RkCoverage   *self,
            RkAdviceKind  kind,
            int           member_type,
            char         *title,
            char         *text)
{
  RkAdvice *advice = g_new0 (RkAdvice, 1);

  advice->kind = kind;
  advice->member_type = member_type;
  advice->title = title;
  advice->text = text;
  g_ptr_array_add (self->advice, advice);
}

static RkTip *
lookup_tip (RkCatalog  *catalog,
            const char *id)
{
  GListModel *tips = rk_catalog_get_tips (catalog);
  guint n = g_list_model_get_n_items (tips);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkTip) tip = g_list_model_get_item (tips, i);

      if (g_strcmp0 (rk_tip_get_id (tip), id) == 0)
        return tip; /* the catalog keeps its own reference for the life of the process */
    }
  return NULL;
}

/* The guide's remedies, as they stand in the catalog (Japanese data), under the heading of each tip. */
static char *
fire_department_text (RkCatalog *catalog)
{
  GString *text = g_string_new (_("Rules for ambulance transport are carried out by the fire department’s "
                                  "ambulance crews, so the guide recommends having them on the council. Its tips "
                                  "for bringing them in:"));

  for (guint i = 0; i < G_N_ELEMENTS (fire_tip_ids); i++)
    {
      RkTip *tip = lookup_tip (catalog, fire_tip_ids[i]);
      const char *const *remedies;

      if (tip == NULL)
        continue;
      g_string_append_printf (text, "\n\n%s", rk_tip_get_title (tip));
      remedies = rk_tip_get_remedies (tip);
      for (guint j = 0; remedies != NULL && remedies[j] != NULL; j++)
        g_string_append_printf (text, "\n・%s", remedies[j]);
    }
  return g_string_free (text, FALSE);
}

static int
compare_share_desc (gconstpointer a,
                    gconstpointer b)
{
  const RkCoverageEntry *ea = *(const RkCoverageEntry *const *) a;
  const RkCoverageEntry *eb = *(const RkCoverageEntry *const *) b;

  if (ea->national_share != eb->national_share)
    return ea->national_share > eb->national_share ? -1 : 1;
  return ea->member_type - eb->member_type;
}

RkCoverage *
rk_coverage_compute (GListModel *members,
                     RkCatalog  *catalog,
                     gboolean    drafts_ambulance_rules)
{
  g_autoptr(GPtrArray) missing_common = g_ptr_array_new ();
  RkCoverage *self;
  RkCoverageEntry *fire, *legal;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (members), NULL);
  g_return_val_if_fail (RK_IS_CATALOG (catalog), NULL);

  self = g_new0 (RkCoverage, 1);
  self->advice = g_ptr_array_new_with_free_func ((GDestroyNotify) rk_advice_free);
  for (int type = RK_MEMBER_TYPE_FIRST; type <= RK_MEMBER_TYPE_LAST; type++)
    {
      RkCoverageEntry *entry = &self->entries[type - RK_MEMBER_TYPE_FIRST];
      RkMemberType *catalog_type = rk_catalog_lookup_member_type (catalog, type);

      entry->member_type = type;
      entry->type_name = catalog_type != NULL ? rk_member_type_get_name (catalog_type) : "";
      entry->national_share = catalog_type != NULL ? rk_member_type_get_participation (catalog_type) : 0.0;
      entry->members = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Former members are history: only the people on the council now cover a type. */
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RkMember) member = g_list_model_get_item (members, i);
      int type = rk_member_get_member_type (member);

      if (!rk_member_get_current (member) || type < RK_MEMBER_TYPE_FIRST || type > RK_MEMBER_TYPE_LAST)
        continue;
      g_ptr_array_add (self->entries[type - RK_MEMBER_TYPE_FIRST].members, g_object_ref (member));
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->entries); i++)
    if (self->entries[i].members->len > 0)
      self->n_covered++;

  /* Most important first: the fire department (without it ambulance rules cannot be agreed), then the types most
   * councils have, then the note on legal experts, which is information rather than a gap to fill. */
  fire = &self->entries[RK_MEMBER_TYPE_FIRE_DEPARTMENT - RK_MEMBER_TYPE_FIRST];
  if (drafts_ambulance_rules && fire->members->len == 0)
    add_advice (self, RK_ADVICE_NO_FIRE_DEPARTMENT, RK_MEMBER_TYPE_FIRE_DEPARTMENT,
                g_strdup (_("No fire department on the council")), fire_department_text (catalog));

  for (guint i = 0; i < G_N_ELEMENTS (self->entries); i++)
    if (self->entries[i].members->len == 0 && self->entries[i].national_share >= COMMON_SHARE)
      g_ptr_array_add (missing_common, &self->entries[i]);
  g_ptr_array_sort (missing_common, compare_share_desc);
  for (guint i = 0; i < missing_common->len; i++)
    {
      const RkCoverageEntry *entry = g_ptr_array_index (missing_common, i);

      add_advice (self, RK_ADVICE_COMMON_TYPE_MISSING, entry->member_type,
                  /* TRANSLATORS: %s is a member type such as 医師会. */
                  g_strdup_printf (_("No member from %s"), entry->type_name),
                  /* TRANSLATORS: %.1f is a percentage, %s a member type, %u the number of councils surveyed. */
                  g_strdup_printf (_("%.1f%% of the councils that drafted rules had a member from %s (national "
                                     "survey of %u councils). Consider inviting one."),
                                   entry->national_share, entry->type_name,
                                   rk_catalog_get_member_type_survey_n (catalog)));
    }

  legal = &self->entries[RK_MEMBER_TYPE_LEGAL_EXPERT - RK_MEMBER_TYPE_FIRST];
  if (legal->members->len == 0)
    {
      RkMemberType *catalog_type = rk_catalog_lookup_member_type (catalog, RK_MEMBER_TYPE_LEGAL_EXPERT);
      const char *note = catalog_type != NULL ? rk_member_type_get_note (catalog_type) : "";
      /* The note itself is the catalog's (the guide's *1), not repeated here. */
      g_autofree char *intro = g_strdup (_("This council has no legal expert. The guide’s note on them:"));

      add_advice (self, RK_ADVICE_LEGAL_EXPERT, RK_MEMBER_TYPE_LEGAL_EXPERT,
                  g_strdup (_("Legal experts usually sit on the prefecture’s council")),
                  *note != '\0' ? g_strdup_printf ("%s\n\n%s", intro, note) : g_steal_pointer (&intro));
    }

  return self;
}

void
rk_coverage_free (RkCoverage *coverage)
{
  if (coverage == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (coverage->entries); i++)
    g_clear_pointer (&coverage->entries[i].members, g_ptr_array_unref);
  g_clear_pointer (&coverage->advice, g_ptr_array_unref);
  g_free (coverage);
}

const RkCoverageEntry *
rk_coverage_get_entry (RkCoverage *coverage,
                       int         member_type)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  g_return_val_if_fail (member_type >= RK_MEMBER_TYPE_FIRST && member_type <= RK_MEMBER_TYPE_LAST, NULL);

  return &coverage->entries[member_type - RK_MEMBER_TYPE_FIRST];
}

guint
rk_coverage_get_n_covered (RkCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, 0);
  return coverage->n_covered;
}

const GPtrArray *
rk_coverage_get_advice (RkCoverage *coverage)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  return coverage->advice;
}

/* rk-council-fields.c — the choices a council's fields offer. */
#include "rk-council-fields.h"
#include "rk-era.h"
#include "rk-store-private.h"

static const char *const rk_prefectures[] = {
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
  "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
  "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
  "岐阜県", "静岡県", "愛知県", "三重県",
  "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
  "鳥取県", "島根県", "岡山県", "広島県", "山口県",
  "徳島県", "香川県", "愛媛県", "高知県",
  "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (rk_prefectures) == 47 + 1);

GtkStringList *
rk_prefecture_model_new (const char *extra)
{
  GtkStringList *model = gtk_string_list_new ((const char *const *) rk_prefectures);

  if (extra != NULL && *extra != '\0' && !g_strv_contains (rk_prefectures, extra))
    gtk_string_list_append (model, extra);

  return model;
}

guint
rk_string_model_find (GListModel *model,
                      const char *name)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

GtkStringList *
rk_fiscal_year_model_new (int first,
                          int last)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (int year = first; year <= last; year++)
    {
      g_autofree char *label = rk_era_format_fiscal_year (year);

      gtk_string_list_append (model, label);
    }

  return model;
}

int
rk_current_fiscal_year (void)
{
  GDate today;

  /* The council's today: RK_TODAY pins it, as it does for everything the store dates. */
  g_date_clear (&today, 1);
  rk_store_get_today (&today);
  return rk_era_fiscal_year_of (g_date_get_year (&today), g_date_get_month (&today));
}

void
rk_fiscal_year_range (int  wanted,
                      int *first,
                      int *last)
{
  int current = rk_current_fiscal_year ();

  /* Councils are planned a few years ahead and their files outlive several staff rotations. */
  *first = MIN (current - 10, wanted);
  *last = MAX (current + 5, wanted);
}

GtkStringList *
rk_setup_model_new (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, rk_setup_kind_to_label (RK_SETUP_EXISTING));
  gtk_string_list_append (model, rk_setup_kind_to_label (RK_SETUP_NEW));
  gtk_string_list_append (model, rk_setup_kind_to_label (RK_SETUP_BOTH));

  return model;
}

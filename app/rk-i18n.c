/* rk-i18n.c — gettext set-up. */

#include "rk-i18n.h"

#include <glib/gi18n.h>
#include <locale.h>

void
rk_i18n_init (void)
{
  const char *dir = g_getenv ("RK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

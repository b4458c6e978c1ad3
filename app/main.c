/* main.c — the renkei executable: headless commands run without GTK; anything else opens the window. */

#include <libxml/parser.h>

#include "rk-cli.h"
#include "rk-i18n.h"

/* ui/rk-application.c; declared here so that app/ stays free of GTK headers. */
int rk_ui_main (int argc, char **argv);

int
main (int argc, char **argv)
{
  /* libxml2 sets up its global state lazily, which is not thread-safe: do it before any thread (a GTask export or
   * import, GTK's own) can parse or write XML. */
  xmlInitParser ();
  rk_i18n_init ();

  if (rk_cli_is_headless (argc, argv))
    return rk_cli_run (argc, argv);
  return rk_ui_main (argc, argv);
}

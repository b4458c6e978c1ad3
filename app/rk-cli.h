/* rk-cli.h — the headless commands (`renkei check|demo|generate …`), which never initialise GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv asks for a headless command (or for --help / --version), which rk_cli_run() handles. */
gboolean rk_cli_is_headless (int    argc,
                             char **argv);
/* Runs it; returns the exit status: 0 done, 1 failed (a message on stderr), 2 a usage error. */
int      rk_cli_run         (int    argc,
                             char **argv);

G_END_DECLS

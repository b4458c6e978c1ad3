/* rk-i18n.h — gettext set-up shared by the window and the headless commands. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale() and the text domain; RK_LOCALEDIR overrides the install dir (tests and runs from the build tree). */
void rk_i18n_init (void);

G_END_DECLS

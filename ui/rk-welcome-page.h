/* rk-welcome-page.h — what a window shows before a council is open: start a council, open one, or a recent one. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RK_TYPE_WELCOME_PAGE (rk_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (RkWelcomePage, rk_welcome_page, RK, WELCOME_PAGE, AdwBin)

/* The number of recent councils listed, for tests. */
guint rk_welcome_page_get_n_recent (RkWelcomePage *self);

G_END_DECLS

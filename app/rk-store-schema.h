/* rk-store-schema.h — the council file's schema, version 1 (the whole mission), private to the store module. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates every table of schema version 1 on an empty database (run inside one transaction). */
extern const char rk_store_schema_v1[];

/* Tables in report order; NULL-terminated. Also what rk_store_table_names() returns. */
extern const char *const rk_store_schema_tables[];

/* Tables whose rows are soft-deleted (a deleted_at column) and purged when the file closes. */
extern const char *const rk_store_schema_soft_delete_tables[];

G_END_DECLS

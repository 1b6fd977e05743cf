/* store.h: what the analysis module needs from the store beyond entente.h. */
#ifndef ENT_STORE_H
#define ENT_STORE_H

#include "entente.h"
#include "db.h"

/* The store's connection, for the analysis queries. */
db *ent_store_db(ent_store *s);
/* The schema version this build writes. */
int ent_store_schema_version(void);

#endif

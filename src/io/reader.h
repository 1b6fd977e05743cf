/* reader.h: what the reader offers beyond include/entente.h, for the tests. */
#ifndef ENT_READER_H
#define ENT_READER_H

#include "entente.h"

/* on = 0: every JSON line is read by cJSON, not by the reader's fast path (the reference the
 * tests compare the fast path with). */
void ent_reader_fast_json(ent_reader *r, int on);

#endif

/* event_json.h: an event as the JSON object of `entente code` (without the newline). */
#ifndef ENT_EVENT_JSON_H
#define ENT_EVENT_JSON_H

#include "entente.h"
#include "../util/util.h"

void ent_event_json(ent_buf *b, const ent_doc *d, const ent_sentence *s, const ent_event *e,
                    const char *date, const ent_coder *c, const ent_dict *dict);

#endif

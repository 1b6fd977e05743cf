/* json.h: writing JSON values into a buffer (event and token output). */
#ifndef ENT_JSON_H
#define ENT_JSON_H

#include <stddef.h>

#include "../util/util.h"

/* Appends s (n bytes of UTF-8) as a JSON string literal with quotes. */
void ent_json_str(ent_buf *b, const char *s, size_t n);
/* Same for a NUL-terminated string; NULL writes null. */
void ent_json_cstr(ent_buf *b, const char *s);

#endif

/* json.h: writing JSON values into a buffer (event and token output). */
#ifndef ENT_JSON_H
#define ENT_JSON_H

#include <stddef.h>

#include "../util/util.h"

/* Appends s (n bytes of UTF-8) as a JSON string literal with quotes. */
void ent_json_str(ent_buf *b, const char *s, size_t n);
/* Writes s[0..n) as a JSON string at p, which has room for ENT_JSON_ROOM(n) bytes; returns
 * the end of what it wrote (no NUL). */
#define ENT_JSON_ROOM(n) (6 * (size_t)(n) + 2)
char *ent_json_put(char *p, const char *s, size_t n);
/* Same for a NUL-terminated string; NULL writes null. */
void ent_json_cstr(ent_buf *b, const char *s);

#endif

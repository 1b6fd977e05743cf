/* json.c: JSON string escaping for the writers: quotes, backslashes and control characters
 * escaped, UTF-8 passed through unchanged (input was validated by the reader). */
#include "json.h"

#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "entente.h"
#include "../util/util.h"

/* The first byte at or after i that JSON must escape (a control character, '"' or '\\'), or
 * n. Eight bytes at a time: every event written carries its sentence's text. */
static size_t next_escape(const char *s, size_t i, size_t n)
{
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (ent_swar_has(x, '"') | ent_swar_has(x, '\\') | ent_swar_below(x, 0x20)) break;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '"' || c == '\\') break;
    }
    return i;
}

char *ent_json_put(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    *p++ = '"';
    size_t run = 0;
    for (size_t i = 0; (i = next_escape(s, i, n)) < n; i++) {
        unsigned char c = (unsigned char)s[i];
        memcpy(p, s + run, i - run);
        p += i - run;
        run = i + 1;
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
            memcpy(p, "u00", 3);
            p[3] = hex[c >> 4], p[4] = hex[c & 15];
            p += 5;
        }
    }
    memcpy(p, s + run, n - run);
    p += n - run;
    *p++ = '"';
    return p;
}

void ent_json_str(ent_buf *b, const char *s, size_t n)
{
    ent_buf_reserve(b, ENT_JSON_ROOM(n));
    b->len = (size_t)(ent_json_put(b->p + b->len, s, n) - b->p);
    b->p[b->len] = 0;
}

void ent_json_cstr(ent_buf *b, const char *s)
{
    if (!s) ent_buf_add(b, "null", 4);
    else ent_json_str(b, s, strlen(s));
}

void ent_json_write_string(void *out, const char *s, size_t len)
{
    ent_buf b = {0};
    ent_json_str(&b, s, len);
    fwrite(b.p, 1, b.len, (FILE *)out);
    ent_buf_free(&b);
}

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

void ent_json_str(ent_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    ent_buf_reserve(b, n + 2);
    ent_buf_addc(b, '"');
    size_t run = 0;
    for (size_t i = 0; (i = next_escape(s, i, n)) < n; i++) {
        unsigned char c = (unsigned char)s[i];
        ent_buf_add(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': ent_buf_add(b, "\\\"", 2); break;
        case '\\': ent_buf_add(b, "\\\\", 2); break;
        case '\n': ent_buf_add(b, "\\n", 2); break;
        case '\r': ent_buf_add(b, "\\r", 2); break;
        case '\t': ent_buf_add(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            ent_buf_add(b, u, 6);
        }
        }
    }
    ent_buf_add(b, s + run, n - run);
    ent_buf_addc(b, '"');
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

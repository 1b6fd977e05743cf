/* fold.c: folding for matching (docs/text.md, "Forms of a token"): case folded and combining
 * marks stripped by utf8proc, typographic apostrophes and ligatures normalised by hand.
 * ASCII words, most of news text, take a fast path. */
#include "fold.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 0;
    return 1;
}

static void fold_ascii(const char *s, size_t n, ent_buf *out)
{
    ent_buf_reserve(out, n);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        out->p[out->len++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out->p[out->len] = 0;
}

void ent_fold(const char *s, size_t n, ent_buf *out)
{
    if (is_ascii(s, n)) { fold_ascii(s, n, out); return; }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK);
    if (r < 0) { fold_ascii(s, n, out); return; }   /* invalid input: cannot happen */
    const char *p = (const char *)m;
    for (utf8proc_ssize_t i = 0; i < r;) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0xE2 && i + 2 < r && (unsigned char)p[i + 1] == 0x80 &&
            ((unsigned char)p[i + 2] == 0x99 || (unsigned char)p[i + 2] == 0x98)) {
            ent_buf_addc(out, '\''); i += 3;            /* ’ ‘ → ' */
        } else if (c == 0xE2 && i + 2 < r && (unsigned char)p[i + 1] == 0x80 &&
                   ((unsigned char)p[i + 2] == 0x90 || (unsigned char)p[i + 2] == 0x91)) {
            ent_buf_addc(out, '-'); i += 3;             /* hyphens U+2010/2011 → - */
        } else if (c == 0xC5 && i + 1 < r && (unsigned char)p[i + 1] == 0x93) {
            ent_buf_add(out, "oe", 2); i += 2;          /* œ */
        } else if (c == 0xC3 && i + 1 < r && (unsigned char)p[i + 1] == 0xA6) {
            ent_buf_add(out, "ae", 2); i += 2;          /* æ */
        } else {
            ent_buf_addc(out, (char)c); i++;
        }
    }
    free(m);
}

/* utf8.c: UTF-8 decoding, validation, repair, and character classes (utf8proc categories,
 * with an ASCII fast path since most bytes of news text are ASCII). */
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

int32_t ent_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    *len = 1;
    if (n == 0) return -1;
    unsigned c = s[0];
    if (c < 0x80) return (int32_t)c;
    int need;
    int32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else return -1;
    if ((size_t)need >= n) return -1;
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    *len = (size_t)need + 1;
    return cp;
}

size_t ent_utf8_check(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* eight ASCII bytes, none NUL, at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w &
                                                0x8080808080808080ULL))
                break;
            i += 8;
        }
        if (i >= n) break;
        if (u[i] >= 0x80) {
            size_t l;
            if (ent_utf8_decode(u + i, n - i, &l) < 0) return i;
            i += l;
        } else if (u[i] == 0) {
            return i;
        } else {
            i++;
        }
    }
    return n;
}

size_t ent_utf8_repair(const char *s, size_t n, ent_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0, i = 0;
    ent_buf_reserve(out, n);
    while (i < n) {
        size_t j = i + ent_utf8_check(s + i, n - i);
        ent_buf_add(out, s + i, j - i);
        if (j >= n) break;
        size_t l;
        if (u[j] == 0 || ent_utf8_decode(u + j, n - j, &l) < 0) l = 1;
        ent_buf_add(out, "\xEF\xBF\xBD", 3);
        bad++;
        i = j + l;
    }
    return bad;
}

size_t ent_utf8_encode(int32_t c, char *out)
{
    utf8proc_ssize_t l = utf8proc_encode_char(c, (utf8proc_uint8_t *)out);
    return l > 0 ? (size_t)l : 0;
}

int ent_uc_is_letter_slow(int32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    utf8proc_category_t k = utf8proc_category(c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

int ent_uc_is_upper_slow(int32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

int ent_uc_is_lower_slow(int32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int ent_uc_is_digit_slow(int32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

int ent_uc_is_space_slow(int32_t c)
{
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xA0 || c == 0x202F || c == 0x2007 || c == 0x85 || c == 0xFEFF) return 1;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

int ent_uc_is_mark(int32_t c)
{
    if (c < 0x80) return 0;
    utf8proc_category_t k = utf8proc_category(c);
    return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

int ent_uc_is_apostrophe(int32_t c) { return c == '\'' || c == 0x2019; }

int ent_uc_is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

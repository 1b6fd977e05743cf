/* utf8.h: UTF-8 decoding, validation and repair (invalid sequences and NUL → U+FFFD), and
 * the few character classes the segmenter and tokeniser need. */
#ifndef ENT_UTF8_H
#define ENT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

/* Decodes the code point at s (n bytes available); sets *len to its byte length (>= 1).
 * Returns -1 for an invalid sequence (then *len is 1). */
int32_t ent_utf8_decode(const unsigned char *s, size_t n, size_t *len);
/* Byte offset of the first invalid sequence or NUL, or n when s is valid. */
size_t ent_utf8_check(const char *s, size_t n);
/* Appends s to out with every invalid sequence and NUL replaced by U+FFFD; returns the
 * number of replacements. */
size_t ent_utf8_repair(const char *s, size_t n, ent_buf *out);
/* Encodes c into out (4 bytes room); returns its length. */
size_t ent_utf8_encode(int32_t c, char *out);

int ent_uc_is_letter_slow(int32_t c);
int ent_uc_is_upper_slow(int32_t c);
int ent_uc_is_lower_slow(int32_t c);
int ent_uc_is_digit_slow(int32_t c);
int ent_uc_is_space_slow(int32_t c);

/* Character classes, ASCII inline (most of news text), the rest through utf8proc. */
static inline int ent_uc_is_letter(int32_t c)
{
    return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : ent_uc_is_letter_slow(c);
}
static inline int ent_uc_is_upper(int32_t c)
{
    return c < 0x80 ? (c >= 'A' && c <= 'Z') : ent_uc_is_upper_slow(c);
}
static inline int ent_uc_is_lower(int32_t c)
{
    return c < 0x80 ? (c >= 'a' && c <= 'z') : ent_uc_is_lower_slow(c);
}
static inline int ent_uc_is_digit(int32_t c)
{
    return c < 0x80 ? (c >= '0' && c <= '9') : ent_uc_is_digit_slow(c);
}
/* white space, including no-break spaces */
static inline int ent_uc_is_space(int32_t c)
{
    return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : ent_uc_is_space_slow(c);
}
int ent_uc_is_mark(int32_t c);
int ent_uc_is_apostrophe(int32_t c);   /* ' and ’ */
int ent_uc_is_hyphen(int32_t c);       /* - and U+2010, U+2011 */

#endif

/* util.h: small self-contained structures shared by every module: a growable byte buffer,
 * a bump arena for strings that live as long as their owner, and an open-addressing hash map
 * from byte strings to pointers. Allocation failure aborts (entente cannot go on without
 * memory, and a half-built structure is worse than a clear stop). */
#ifndef ENT_UTIL_H
#define ENT_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *ent_xmalloc(size_t n);
void *ent_xcalloc(size_t n, size_t size);
void *ent_xrealloc(void *p, size_t n);
char *ent_xstrndup(const char *s, size_t n);

/* Growable buffer, always NUL-terminated after ent_buf_* calls. */
typedef struct ent_buf {
    char *p;
    size_t len, cap;
} ent_buf;

void ent_buf_reserve(ent_buf *b, size_t extra);
void ent_buf_add(ent_buf *b, const char *s, size_t n);
void ent_buf_adds(ent_buf *b, const char *s);
void ent_buf_addc(ent_buf *b, char c);
void ent_buf_printf(ent_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ent_buf_clear(ent_buf *b);
void ent_buf_free(ent_buf *b);

/* Bump arena: strings copied in stay until ent_arena_free/ent_arena_reset. */
typedef struct ent_arena_block ent_arena_block;
typedef struct ent_arena {
    ent_arena_block *head;
} ent_arena;

void *ent_arena_alloc(ent_arena *a, size_t n);
char *ent_arena_strndup(ent_arena *a, const char *s, size_t n);
void ent_arena_reset(ent_arena *a);   /* keeps the first block for reuse */
void ent_arena_free(ent_arena *a);

/* Hash map from byte strings to pointers; keys are copied into the map's arena. */
typedef struct ent_map {
    struct ent_map_slot *slots;
    size_t cap, count;
    ent_arena keys;
} ent_map;

uint64_t ent_hash(const char *s, size_t n);
/* Is w one of the words of the NULL-terminated list? */
int ent_word_in(const char *w, const char *const *list);
/* Is w the one-character string c? (a word test cheaper than strcmp on hot paths) */
static inline int ent_is1(const char *w, char c) { return w[0] == c && !w[1]; }
void *ent_map_get(const ent_map *m, const char *key, size_t n);

/* Eight bytes at a time (x: eight bytes of text, loaded with memcpy): non-zero when one of them
 * is c (ent_swar_has), or below n, n <= 128 (ent_swar_below). Exact for the word as a whole,
 * which is what a scan needs to know before it looks at the bytes one by one. */
#define ENT_SWAR_ONES 0x0101010101010101ULL
#define ENT_SWAR_HIGH 0x8080808080808080ULL
static inline uint64_t ent_swar_has(uint64_t x, unsigned char c)
{
    uint64_t q = x ^ (ENT_SWAR_ONES * c);
    return (q - ENT_SWAR_ONES) & ~q & ENT_SWAR_HIGH;
}
static inline uint64_t ent_swar_below(uint64_t x, unsigned char n)
{
    return (x - ENT_SWAR_ONES * n) & ~x & ENT_SWAR_HIGH;
}
/* Sets key → value; returns the stored key (owned by the map). */
const char *ent_map_put(ent_map *m, const char *key, size_t n, void *value);
void ent_map_free(ent_map *m);

/* Values kept by word symbol (ent_token.fold_sym...): an array of `elem`-byte values indexed
 * by symbol, for one numbering (epoch) of the analyser. ent_symtab_sync makes room for
 * symbols below `bound` and zeroes every value when the epoch changed (the analyser renumbered),
 * so a zero value means "not computed yet". Returns the array. */
typedef struct ent_symtab {
    void *v;
    size_t cap;
    uint64_t epoch;
} ent_symtab;
void *ent_symtab_sync(ent_symtab *t, uint64_t epoch, size_t bound, size_t elem);
void ent_symtab_free(ent_symtab *t);

#endif

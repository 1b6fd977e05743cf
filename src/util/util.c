/* util.c: buffer, arena and hash map (see util.h). */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("entente: out of memory\n", stderr);
    abort();
}

void *ent_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *ent_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom();
    return p;
}

void *ent_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) oom();
    return p;
}

char *ent_xstrndup(const char *s, size_t n)
{
    char *d = ent_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* ---- buffer ---- */

void ent_buf_reserve(ent_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    b->p = ent_xrealloc(b->p, cap);
    b->cap = cap;
}

void ent_buf_add(ent_buf *b, const char *s, size_t n)
{
    ent_buf_reserve(b, n);
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void ent_buf_adds(ent_buf *b, const char *s) { ent_buf_add(b, s, strlen(s)); }

void ent_buf_addc(ent_buf *b, char c)
{
    ent_buf_reserve(b, 1);
    b->p[b->len++] = c;
    b->p[b->len] = 0;
}

void ent_buf_printf(ent_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    ent_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void ent_buf_clear(ent_buf *b)
{
    b->len = 0;
    if (b->p) b->p[0] = 0;
}

void ent_buf_free(ent_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- arena ---- */

struct ent_arena_block {
    ent_arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

#define ARENA_BLOCK (64 * 1024)

void *ent_arena_alloc(ent_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    ent_arena_block *b = a->head;
    if (!b || b->used + n > b->cap) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = ent_xmalloc(sizeof *b + cap);
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *ent_arena_strndup(ent_arena *a, const char *s, size_t n)
{
    char *d = ent_arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

void ent_arena_reset(ent_arena *a)
{
    ent_arena_block *b = a->head;
    if (!b) return;
    /* keep the oldest block (at the tail), free the rest */
    while (b->next) {
        ent_arena_block *n = b->next;
        free(b);
        b = n;
    }
    b->used = 0;
    a->head = b;
}

void ent_arena_free(ent_arena *a)
{
    ent_arena_block *b = a->head;
    while (b) {
        ent_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
}

/* ---- hash map ---- */

struct ent_map_slot {
    const char *key;
    size_t len;
    uint64_t hash;
    void *value;
};

int ent_word_in(const char *w, const char *const *list)
{
    /* the first byte before the call: most words of a list differ from w there */
    for (int i = 0; list[i]; i++)
        if (list[i][0] == w[0] && !strcmp(w, list[i])) return 1;
    return 0;
}

uint64_t ent_hash(const char *s, size_t n)
{
    /* eight bytes at a time, each step a multiply and a shift (splitmix64's mixer) */
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        s += 8;
        n -= 8;
    }
    /* the last n < 8 bytes as a little-endian word, without a call to memcpy: two (or three)
     * overlapping loads give the same value */
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        w = lo | (((uint64_t)hi >> (8 * (8 - n))) << 32);
    } else if (n) {
        const unsigned char *u = (const unsigned char *)s;
        w = u[0] | ((uint64_t)u[n / 2] << (8 * (n / 2))) | ((uint64_t)u[n - 1] << (8 * (n - 1)));
    }
    h = (h ^ w) * 0x94d049bb133111ebULL;
    return h ^ (h >> 29);
}

static struct ent_map_slot *map_find(const ent_map *m, const char *key, size_t n, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct ent_map_slot *s = &m->slots[i];
        if (!s->key) return s;
        if (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0) return s;
    }
}

void *ent_map_get(const ent_map *m, const char *key, size_t n)
{
    if (!m->cap) return NULL;
    struct ent_map_slot *s = map_find(m, key, n, ent_hash(key, n));
    return s->key ? s->value : NULL;
}

static void map_grow(ent_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    struct ent_map_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->slots = ent_xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key) *map_find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

const char *ent_map_put(ent_map *m, const char *key, size_t n, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3) map_grow(m);   /* at most three quarters full */
    uint64_t h = ent_hash(key, n);
    struct ent_map_slot *s = map_find(m, key, n, h);
    if (!s->key) {
        s->key = ent_arena_strndup(&m->keys, key, n);
        s->len = n;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return s->key;
}

void ent_map_free(ent_map *m)
{
    free(m->slots);
    ent_arena_free(&m->keys);
    memset(m, 0, sizeof *m);
}

void *ent_symtab_sync(ent_symtab *t, uint64_t epoch, size_t bound, size_t elem)
{
    if (t->epoch != epoch) {
        if (t->v) memset(t->v, 0, t->cap * elem);
        t->epoch = epoch;
    }
    if (bound > t->cap) {
        size_t cap = t->cap ? t->cap : 1024;
        while (cap < bound) cap *= 2;
        t->v = ent_xrealloc(t->v, cap * elem);
        memset((char *)t->v + t->cap * elem, 0, (cap - t->cap) * elem);
        t->cap = cap;
    }
    return t->v;
}

void ent_symtab_free(ent_symtab *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}

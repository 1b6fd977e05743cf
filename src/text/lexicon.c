/* lexicon.c: word analysis for lemmas and parts of speech (docs/text.md, "Forms of a token").
 * A word is looked up, in order, in our closed-class tables, then (English) WordNet's
 * exception lists for irregular forms, then Hunspell's morphology: French po:/st: fields give
 * the infinitive and the verb form; English fl: affix flags give the base form, and WordNet's
 * index files say which parts of speech a base form can take. Results are cached per word. */
#include "lexicon.h"

#include <errno.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../util/util.h"
#include "closed.h"
#include "entente.h"
#include "fold.h"

enum { WN_NOUN = 1, WN_VERB = 2, WN_ADJ = 4, WN_ADV = 8 };

/* The cache of entries by surface, looked up for every token: open addressing over slots of
 * 16 bytes (hash, length, entry), each entry allocated with its surface right after it, so
 * that a lookup reads the slot and then the entry it returns (an ent_map would read a slot
 * twice that size, the key elsewhere, then the entry). */
typedef struct lexslot {
    uint32_t tag, len;        /* the hash's high half; the surface's length */
    ent_lexentry *e;          /* NULL: an empty slot */
} lexslot;

typedef struct lexcache {
    lexslot *slots;
    size_t cap, count;
} lexcache;

typedef struct cached {       /* an entry and its surface, allocated together */
    ent_lexentry e;
    char key[];
} cached;

static const char *key_of(const ent_lexentry *e) { return ((const cached *)e)->key; }

static lexslot *cache_slot(const lexcache *c, const char *w, size_t n, uint64_t h)
{
    size_t mask = c->cap - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        lexslot *s = &c->slots[i];
        if (!s->e || (s->tag == tag && s->len == n && memcmp(key_of(s->e), w, n) == 0)) return s;
    }
}

static ent_lexentry *cache_get(const lexcache *c, const char *w, size_t n)
{
    return c->cap ? cache_slot(c, w, n, ent_hash(w, n))->e : NULL;
}

/* A new entry for surface w[0..n), zeroed, with the surface kept after it. */
static ent_lexentry *new_entry(ent_arena *a, const char *w, size_t n)
{
    cached *c = ent_arena_alloc(a, sizeof *c + n + 1);
    memset(&c->e, 0, sizeof c->e);
    memcpy(c->key, w, n);
    c->key[n] = 0;
    return &c->e;
}

/* Sets the entry of its own surface (n bytes), replacing any. */
static void cache_put(lexcache *c, ent_lexentry *e, size_t n)
{
    if ((c->count + 1) * 4 > c->cap * 3) {   /* at most three quarters full */
        lexslot *old = c->slots;
        size_t oldcap = c->cap;
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->slots = ent_xcalloc(c->cap, sizeof *c->slots);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].e) {
                const char *k = key_of(old[i].e);
                *cache_slot(c, k, old[i].len, ent_hash(k, old[i].len)) = old[i];
            }
        free(old);
    }
    uint64_t h = ent_hash(key_of(e), n);
    lexslot *s = cache_slot(c, key_of(e), n, h);
    if (!s->e) c->count++;
    *s = (lexslot){(uint32_t)(h >> 32), (uint32_t)n, e};
}

static void cache_free(lexcache *c)
{
    free(c->slots);
    memset(c, 0, sizeof *c);
}

struct ent_lexicon {
    Hunhandle *hun[2];        /* fr, en */
    ent_map closed[2];        /* lowercase word → const ent_closed * */
    struct wordnet *wn;       /* WordNet's tables, shared (wordnet_get) */
    lexcache cache[3];        /* surface → ent_lexentry *: fr, en, and plain tokens */
    ent_arena arena;          /* entries and their strings */
    ent_map syms;             /* folded string → its symbol (1, 2, ...); keys are the strings */
    uint64_t epoch;           /* numbering of the symbols: changes when the cache is dropped */
    ent_buf tmp, tmp2;
};

/* A new number for each numbering of symbols, unique in the process, so that tables kept by
 * symbol (ent_symtab) never mistake one lexicon's or one period's numbers for another's. */
static uint64_t new_epoch(void)
{
    static _Atomic uint64_t last;
    return ++last;
}

static int file_readable(const char *p)
{
    FILE *f = fopen(p, "r");
    if (!f) return 0;
    fclose(f);
    return 1;
}

/* Hunspell keeps a table shared by all its handles, made by the first and freed by the last
 * with a plain counter: two threads creating (or destroying) handles at once race on it (a
 * leak, or worse, under AddressSanitizer with -j 2). Handles are made and destroyed one at a
 * time; using them from several threads, one handle per thread, is safe. */
static pthread_mutex_t hun_mu = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *open_hunspell(const char *dir, const char *name, char *msg, size_t msgn)
{
    char aff[1024], dic[1024];
    snprintf(aff, sizeof aff, "%s/%s.aff", dir, name);
    snprintf(dic, sizeof dic, "%s/%s.dic", dir, name);
    if (!file_readable(aff) || !file_readable(dic)) {
        snprintf(msg, msgn, "%s: cannot read Hunspell dictionary (install hunspell-fr-classical "
                 "and hunspell-en-us: make deps)", dic);
        return NULL;
    }
    pthread_mutex_lock(&hun_mu);
    Hunhandle *h = Hunspell_create(aff, dic);
    pthread_mutex_unlock(&hun_mu);
    return h;
}

/* Loads the first field of each line of a WordNet index file, or exception pairs. */
/* WordNet's tables never change once read: the lexicons of all threads share one copy per
 * directory (about 150,000 lemmas; reading them took each thread 50 ms and 10 MB). */
typedef struct wordnet {
    char *dir;
    int refs;
    ent_map pos;              /* English base form → WN_* bits (value cast from int) */
    ent_map exc[3];           /* irregular form → base: noun, verb, adj */
    ent_arena arena;
    struct wordnet *next;
} wordnet;

static pthread_mutex_t wn_mu = PTHREAD_MUTEX_INITIALIZER;
static wordnet *wn_all;       /* the copies in use (wn_mu) */

static void wordnet_free(wordnet *w)
{
    ent_map_free(&w->pos);
    for (int k = 0; k < 3; k++) ent_map_free(&w->exc[k]);
    ent_arena_free(&w->arena);
    free(w->dir);
    free(w);
}

static int load_wordnet(wordnet *w, const char *dir, char *msg, size_t msgn)
{
    static const char *idx[] = {"index.noun", "index.verb", "index.adj", "index.adv"};
    static const char *exc[] = {"noun.exc", "verb.exc", "adj.exc"};
    char path[1024], line[8192];
    for (int k = 0; k < 4 + 3; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, k < 4 ? idx[k] : exc[k - 4]);
        FILE *f = fopen(path, "r");
        if (!f) {
            snprintf(msg, msgn, "%s: %s (install wordnet-base: make deps)", path, strerror(errno));
            return -1;
        }
        while (fgets(line, sizeof line, f)) {
            if (line[0] == ' ' || line[0] == '\n') continue;
            char *sp = strchr(line, ' ');
            if (!sp) continue;
            size_t n = (size_t)(sp - line);
            if (k < 4) {
                uintptr_t bits = (uintptr_t)ent_map_get(&w->pos, line, n);
                ent_map_put(&w->pos, line, n, (void *)(bits | (1u << k)));
            } else {
                char *base = sp + 1;
                size_t m = strcspn(base, " \n");
                if (ent_map_get(&w->exc[k - 4], line, n)) continue;  /* first wins */
                ent_map_put(&w->exc[k - 4], line, n, ent_arena_strndup(&w->arena, base, m));
            }
        }
        fclose(f);
    }
    return 0;
}

/* The tables of dir, read by the first lexicon that asks (the others wait for it). */
static wordnet *wordnet_get(const char *dir, char *msg, size_t msgn)
{
    pthread_mutex_lock(&wn_mu);
    wordnet *w = wn_all;
    while (w && strcmp(w->dir, dir)) w = w->next;
    if (w) {
        w->refs++;
    } else {
        w = ent_xcalloc(1, sizeof *w);
        w->dir = ent_xstrndup(dir, strlen(dir));
        if (load_wordnet(w, dir, msg, msgn) < 0) {
            wordnet_free(w);
            w = NULL;
        } else {
            w->refs = 1;
            w->next = wn_all;
            wn_all = w;
        }
    }
    pthread_mutex_unlock(&wn_mu);
    return w;
}

static void wordnet_put(wordnet *w)
{
    if (!w) return;
    pthread_mutex_lock(&wn_mu);
    if (--w->refs == 0) {
        wordnet **p = &wn_all;
        while (*p != w) p = &(*p)->next;
        *p = w->next;
        wordnet_free(w);
    }
    pthread_mutex_unlock(&wn_mu);
}

ent_lexicon *ent_lexicon_new(const char *hdir, const char *wdir, char *msg, size_t msgn)
{
    ent_lexicon *x = ent_xcalloc(1, sizeof *x);
    x->epoch = new_epoch();
    if (!hdir) hdir = "/usr/share/hunspell";
    if (!wdir) wdir = "/usr/share/wordnet";
    x->hun[0] = open_hunspell(hdir, "fr", msg, msgn);
    if (x->hun[0]) x->hun[1] = open_hunspell(hdir, "en_US", msg, msgn);
    if (x->hun[0] && x->hun[1]) x->wn = wordnet_get(wdir, msg, msgn);
    if (!x->hun[0] || !x->hun[1] || !x->wn) {
        ent_lexicon_free(x);
        return NULL;
    }
    for (int l = 0; l < 2; l++) {
        const ent_closed *t = l == 0 ? ent_closed_fr : ent_closed_en;
        for (; t->word; t++) ent_map_put(&x->closed[l], t->word, strlen(t->word), (void *)t);
    }
    return x;
}

void ent_lexicon_free(ent_lexicon *x)
{
    if (!x) return;
    for (int l = 0; l < 2; l++) {
        if (x->hun[l]) {
            pthread_mutex_lock(&hun_mu);
            Hunspell_destroy(x->hun[l]);
            pthread_mutex_unlock(&hun_mu);
        }
        ent_map_free(&x->closed[l]);
        cache_free(&x->cache[l]);
    }
    cache_free(&x->cache[2]);
    ent_map_free(&x->syms);
    wordnet_put(x->wn);
    ent_arena_free(&x->arena);
    ent_buf_free(&x->tmp);
    ent_buf_free(&x->tmp2);
    free(x);
}

/* Lowercase (case folding only, accents kept) with ' for ’, into x->tmp. */
static const char *lower_norm(ent_lexicon *x, const char *w, size_t n)
{
    ent_buf_clear(&x->tmp);
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
    if (r < 0) { ent_buf_add(&x->tmp, w, n); return x->tmp.p; }
    for (utf8proc_ssize_t i = 0; i < r; i++) {
        if (i + 2 < r && memcmp(m + i, "\xE2\x80\x99", 3) == 0) {
            ent_buf_addc(&x->tmp, '\'');
            i += 2;
        } else {
            ent_buf_addc(&x->tmp, (char)m[i]);
        }
    }
    free(m);
    return x->tmp.p;
}

static const char *keep(ent_lexicon *x, const char *s)
{
    return s ? ent_arena_strndup(&x->arena, s, strlen(s)) : NULL;
}

/* A field "key:value" in a Hunspell analysis, copied into out (size outn). */
static int has_field(const char *a, const char *key, const char *val)
{
    char pat[64];
    snprintf(pat, sizeof pat, "%s:%s", key, val);
    size_t m = strlen(pat);
    for (const char *p = a; (p = strstr(p, pat)); p += m)
        if ((p == a || p[-1] == ' ') && (p[m] == ' ' || p[m] == 0 || val[strlen(val) - 1] == '*'))
            return 1;
    return 0;
}

static void field(const char *a, const char *key, char *out, size_t outn)
{
    out[0] = 0;
    char pat[16];
    snprintf(pat, sizeof pat, "%s:", key);
    for (const char *p = a; (p = strstr(p, pat)); p++) {
        if (p != a && p[-1] != ' ') continue;
        p += strlen(pat);
        size_t n = strcspn(p, " \t\n");
        if (n >= outn) n = outn - 1;
        memcpy(out, p, n);
        out[n] = 0;
        return;
    }
}

static int fr_is_verb(const char *a)
{
    for (const char *p = a; (p = strstr(p, "po:v")); p += 4)
        if ((p == a || p[-1] == ' ') && p[4] >= '0' && p[4] <= '9') return 1;
    return 0;
}

static void set_lemma(const char **dst, const char *src, ent_lexicon *x)
{
    if (!*dst && src[0]) *dst = keep(x, src);
}

/* Rank of a French verb analysis when a form has several verb lemmas (mise: miser, mettre;
 * élue: éluer, élire; aille: ailler, aller; tue: taire, tuer): the irregular third group and "aller" are far
 * more frequent in news than the rare first-group homographs. */
static int fr_verb_rank(const char *a, const char *st)
{
    if (!strcmp(st, "aller") || !strcmp(st, "tuer")) return 3;   /* not ailler, taire */
    const char *p = strstr(a, "po:v");
    return p && p[4] == '3' ? 2 : p && p[4] == '0' ? 2 : 1;
}

static void analyse_fr(ent_lexicon *x, const char *w, ent_lexentry *e)
{
    char **list = NULL;
    int n = Hunspell_analyze(x->hun[0], &list, w);
    char st[256];
    int vrank = 0;
    for (int i = 0; i < n; i++) {
        const char *a = list[i];
        field(a, "st", st, sizeof st);
        if (fr_is_verb(a)) {
            e->posmask |= 1u << ENT_POS_VERB;
            int rank = fr_verb_rank(a, st);
            if (rank > vrank && st[0]) { e->vlemma = keep(x, st); vrank = rank; }
            if (has_field(a, "po", "ppas")) e->vform |= ENT_VF_PPAS;
            if (has_field(a, "po", "ppre")) e->vform |= ENT_VF_PPRE;
            if (has_field(a, "po", "infi")) e->vform |= ENT_VF_INF;
            if (has_field(a, "po", "ifut")) e->vform |= ENT_VF_FUT;
            if (has_field(a, "po", "cond")) e->vform |= ENT_VF_COND;
            if (has_field(a, "po", "ipre") || has_field(a, "po", "ifut") ||
                has_field(a, "po", "iimp") || has_field(a, "po", "ipsi") ||
                has_field(a, "po", "cond") || has_field(a, "po", "spre") ||
                has_field(a, "po", "simp") || has_field(a, "po", "impe"))
                e->vform |= ENT_VF_FINITE;
            continue;
        }
        if (has_field(a, "po", "nom")) { e->posmask |= 1u << ENT_POS_NOUN; set_lemma(&e->nlemma, st, x); }
        if (has_field(a, "po", "adj")) { e->posmask |= 1u << ENT_POS_ADJ; set_lemma(&e->nlemma, st, x); }
        if (has_field(a, "po", "adv")) e->posmask |= 1u << ENT_POS_ADV;
        if (has_field(a, "po", "patr") || has_field(a, "po", "prn") || has_field(a, "po", "npr"))
            e->posmask |= 1u << ENT_POS_PROPN;
        if (has_field(a, "po", "nb")) e->posmask |= 1u << ENT_POS_NUM;
    }
    if (n > 0) e->known = 1;
    Hunspell_free_list(x->hun[0], &list, n);
    if (e->vlemma && (e->vform & (ENT_VF_PPAS | ENT_VF_PPRE | ENT_VF_INF))) {
        e->pos = ENT_POS_VERB;
    } else if (e->posmask & (1u << ENT_POS_NOUN)) {
        e->pos = ENT_POS_NOUN;
    } else if (e->posmask & (1u << ENT_POS_ADJ)) {
        e->pos = ENT_POS_ADJ;
    } else if (e->vlemma) {
        e->pos = ENT_POS_VERB;
    } else if (e->posmask & (1u << ENT_POS_ADV)) {
        e->pos = ENT_POS_ADV;
    } else if (e->posmask & (1u << ENT_POS_PROPN)) {
        e->pos = ENT_POS_PROPN;
    }
}

static unsigned wn_bits(ent_lexicon *x, const char *w)
{
    return (unsigned)(uintptr_t)ent_map_get(&x->wn->pos, w, strlen(w));
}

static void add_wn(ent_lexicon *x, ent_lexentry *e, const char *base, unsigned only)
{
    unsigned b = wn_bits(x, base) & only;
    if (b & WN_VERB) { e->posmask |= 1u << ENT_POS_VERB; set_lemma(&e->vlemma, base, x); }
    if (b & WN_NOUN) { e->posmask |= 1u << ENT_POS_NOUN; set_lemma(&e->nlemma, base, x); }
    if (b & WN_ADJ) { e->posmask |= 1u << ENT_POS_ADJ; set_lemma(&e->nlemma, base, x); }
    if (b & WN_ADV) e->posmask |= 1u << ENT_POS_ADV;
}

/* WordNet's morphy: strip an inflectional ending and keep the result when the index knows it
 * as that part of speech (plus the doubled final consonant of "planned", "shipping"). */
static const char *morphy(ent_lexicon *x, const char *w, unsigned pos, char *out, size_t outn)
{
    static const char *const verb_rules[][2] = {
        {"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", "e"}, {"ed", ""},
        {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
    static const char *const noun_rules[][2] = {
        {"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
        {"men", "man"}, {"s", ""}, {NULL, NULL}};
    const char *const (*rules)[2] = pos == WN_VERB ? verb_rules : noun_rules;
    size_t n = strlen(w);
    for (int i = 0; rules[i][0]; i++) {
        size_t m = strlen(rules[i][0]);
        if (n <= m + 1 || strcmp(w + n - m, rules[i][0]) != 0) continue;
        snprintf(out, outn, "%.*s%s", (int)(n - m), w, rules[i][1]);
        if (wn_bits(x, out) & pos) return out;
        size_t k = n - m;   /* planned → plan */
        if (pos == WN_VERB && !rules[i][1][0] && k >= 3 && w[k - 1] == w[k - 2]) {
            snprintf(out, outn, "%.*s", (int)(k - 1), w);
            if (wn_bits(x, out) & pos) return out;
        }
    }
    return NULL;
}

static int ends_with(const char *w, const char *suf)
{
    size_t n = strlen(w), m = strlen(suf);
    return n > m && strcmp(w + n - m, suf) == 0;
}

static void analyse_en(ent_lexicon *x, const char *lw, ent_lexentry *e)
{
    int derived_verb = 0;   /* -ed, -ing or an irregular verb form */
    char base[256];
    const char *vb = ent_map_get(&x->wn->exc[1], lw, strlen(lw));
    if (!vb) vb = morphy(x, lw, WN_VERB, base, sizeof base);
    if (vb) {
        add_wn(x, e, vb, WN_VERB);
        derived_verb = !ends_with(lw, "s") || ent_map_get(&x->wn->exc[1], lw, strlen(lw));
        if (ends_with(lw, "ing")) e->vform |= ENT_VF_PPRE;
        else if (ends_with(lw, "s") && !ent_map_get(&x->wn->exc[1], lw, strlen(lw))) e->vform |= ENT_VF_FINITE;
        else e->vform |= ENT_VF_PPAS | ENT_VF_FINITE;   /* -ed and irregular pasts */
    }
    const char *nb = ent_map_get(&x->wn->exc[0], lw, strlen(lw));
    if (!nb) nb = morphy(x, lw, WN_NOUN, base, sizeof base);
    if (nb) add_wn(x, e, nb, WN_NOUN);
    const char *ab = ent_map_get(&x->wn->exc[2], lw, strlen(lw));
    if (ab) add_wn(x, e, ab, WN_ADJ);
    unsigned own = wn_bits(x, lw);
    add_wn(x, e, lw, WN_NOUN | WN_VERB | WN_ADJ | WN_ADV);
    if (own & WN_VERB) e->vform |= ENT_VF_FINITE | ENT_VF_INF;   /* the base form */
    if (!e->posmask) {   /* unknown to WordNet: Hunspell's suffix analysis */
        char **list = NULL;
        int n = Hunspell_analyze(x->hun[1], &list, lw);
        char st[256], fl[16];
        for (int i = 0; i < n && !e->posmask; i++) {
            field(list[i], "st", st, sizeof st);
            field(list[i], "fl", fl, sizeof fl);
            if (st[0] && (fl[0] == 'D' || fl[0] == 'G') && !strstr(list[i], "fl:A")) {
                e->posmask |= 1u << ENT_POS_VERB;
                set_lemma(&e->vlemma, st, x);
                e->vform |= fl[0] == 'D' ? ENT_VF_PPAS | ENT_VF_FINITE : ENT_VF_PPRE;
                derived_verb = 1;
            }
        }
        Hunspell_free_list(x->hun[1], &list, n);
    }
    if (derived_verb && e->vlemma) e->pos = ENT_POS_VERB;
    else if (e->posmask & (1u << ENT_POS_NOUN)) e->pos = ENT_POS_NOUN;
    else if (e->posmask & (1u << ENT_POS_VERB)) e->pos = ENT_POS_VERB;
    else if (e->posmask & (1u << ENT_POS_ADJ)) e->pos = ENT_POS_ADJ;
    else if (e->posmask & (1u << ENT_POS_ADV)) e->pos = ENT_POS_ADV;
}

static const char *default_lemma(const ent_lexentry *e, const char *lw)
{
    if (e->pos == ENT_POS_VERB && e->vlemma) return e->vlemma;
    if ((e->pos == ENT_POS_NOUN || e->pos == ENT_POS_ADJ) && e->nlemma) return e->nlemma;
    return lw;
}

/* Verb form of an auxiliary of the closed tables: participles, infinitives, French futures
 * and conditionals (sera, aurait: "sera reçu" is a future), finite otherwise. */
static uint8_t aux_form(int lang, const char *w)
{
    static const char *const fr_fut[] = {"serai", "seras", "sera", "serons", "serez", "seront",
        "aurai", "auras", "aura", "aurons", "aurez", "auront", NULL};
    static const char *const fr_cond[] = {"serais", "serait", "serions", "seriez", "seraient",
        "aurais", "aurait", "aurions", "auriez", "auraient", NULL};
    static const char *const part[] = {"été", "eu", "eue", "eus", "eues", "been", "had", NULL};
    static const char *const inf[] = {"être", "avoir", "be", "have", NULL};
    static const char *const ing[] = {"étant", "ayant", "being", "having", NULL};
    const char *const *lists[] = {fr_fut, fr_cond, part, inf, ing};
    const uint8_t forms[] = {ENT_VF_FUT | ENT_VF_FINITE, ENT_VF_COND | ENT_VF_FINITE, ENT_VF_PPAS,
                             ENT_VF_INF, ENT_VF_PPRE};
    (void)lang;
    for (int k = 0; k < 5; k++)
        for (int i = 0; lists[k][i]; i++)
            if (!strcmp(w, lists[k][i])) return forms[k];
    return ENT_VF_FINITE;
}

/* The folded form of s, shared with `same` when equal. */
/* The folded string s interned: the map's copy, the same pointer for the same string, with its
 * symbol in *sym. */
static const char *intern(ent_lexicon *x, const char *s, uint32_t *sym)
{
    size_t n = strlen(s);
    uintptr_t v = (uintptr_t)ent_map_get(&x->syms, s, n);
    if (!v) v = x->syms.count + 1;
    *sym = (uint32_t)v;
    return ent_map_put(&x->syms, s, n, (void *)v);
}

/* s (n bytes) folded and interned, with its symbol in *sym. */
static const char *fold_keep(ent_lexicon *x, const char *s, size_t n, uint32_t *sym)
{
    ent_buf_clear(&x->tmp2);
    ent_fold(s, n, &x->tmp2);
    return intern(x, x->tmp2.p, sym);
}

const ent_lexentry *ent_lexicon_get(ent_lexicon *x, int lang, const char *w, size_t n)
{
    lang = lang ? 1 : 0;
    ent_lexentry *e = cache_get(&x->cache[lang], w, n);
    if (e) return e;
    e = new_entry(&x->arena, w, n);
    e->fold = fold_keep(x, w, n, &e->fsym);
    const char *lw = lower_norm(x, w, n);
    const ent_closed *c = ent_map_get(&x->closed[lang], lw, strlen(lw));
    if (c) {
        e->lemma = c->lemma;
        e->pos = (uint8_t)c->pos;
        e->posmask = 1u << c->pos;
        e->closed = e->known = e->lower_ok = 1;
        if (c->pos == ENT_POS_AUX) {
            e->vlemma = c->lemma;
            e->vform = aux_form(lang, lw);
        }
    } else {
        char *lwc = ent_xstrndup(lw, strlen(lw));
        e->lower_ok = Hunspell_spell(x->hun[lang], lwc) != 0;
        if (lang == 0) analyse_fr(x, lwc, e);
        else analyse_en(x, lwc, e);
        e->lemma = keep(x, default_lemma(e, lwc));
        free(lwc);
    }
    e->lfold = fold_keep(x, e->lemma, strlen(e->lemma), &e->lsym);
    if (e->vlemma) e->vfold = fold_keep(x, e->vlemma, strlen(e->vlemma), &e->vsym);
    if (e->nlemma) e->nfold = fold_keep(x, e->nlemma, strlen(e->nlemma), &e->nsym);
    cache_put(&x->cache[lang], e, n);
    return e;
}

const ent_lexentry *ent_lexicon_plain(ent_lexicon *x, const char *w, size_t n, int pos)
{
    ent_lexentry *e = cache_get(&x->cache[2], w, n);
    if (e && e->pos == pos) return e;
    e = new_entry(&x->arena, w, n);
    e->lemma = key_of(e);
    e->fold = e->lfold = intern(x, e->lemma, &e->fsym);
    e->lsym = e->fsym;
    e->pos = (uint8_t)pos;
    e->posmask = 1u << pos;
    cache_put(&x->cache[2], e, n);
    return e;
}

void ent_lexicon_trim(ent_lexicon *x, size_t max)
{
    if (ent_lexicon_size(x) <= max) return;
    for (int l = 0; l < 3; l++) cache_free(&x->cache[l]);
    ent_map_free(&x->syms);
    ent_arena_reset(&x->arena);
    x->epoch = new_epoch();
}

uint64_t ent_lexicon_epoch(const ent_lexicon *x) { return x->epoch; }
uint32_t ent_lexicon_symbol_bound(const ent_lexicon *x) { return (uint32_t)x->syms.count + 1; }

size_t ent_lexicon_size(const ent_lexicon *x)
{
    return x->cache[0].count + x->cache[1].count + x->cache[2].count;
}

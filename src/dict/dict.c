/* dict.c: loads actor dictionaries (docs/dictionaries.md) from the copies compiled into the
 * binary or from a directory, into entries and a token trie: each name is tokenised by the
 * text layer's tokeniser and folded, and its path of folded tokens leads to a node that lists
 * the entries it names. Errors name the file and line. */
#define _DEFAULT_SOURCE
#include "dict.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../text/fold.h"
#include "../text/tokenize.h"
#include "../code/cameo.h"
#include "embedded.h"

static const char *const kind_names[ENT_K_COUNT] = {
    "country", "demonym", "capital", "seat", "igo", "group", "agent", "person", "discard",
    "verb", "noun"
};

const char *ent_kind_name(int k) { return k >= 0 && k < ENT_K_COUNT ? kind_names[k] : "?"; }

uint32_t ent_parse_date(const char *s)
{
    /* YYYY, YYYY-MM or YYYY-MM-DD (anything after is ignored: a time of day); by hand, for it
     * is read for every sentence coded */
    if (!s) return 0;
    unsigned y = 0, m = 1, d = 1;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        y = y * 10 + (unsigned)(s[i] - '0');
    }
    if (s[4] == '-' && s[5] >= '0' && s[5] <= '9') {
        m = (unsigned)(s[5] - '0');
        if (s[6] >= '0' && s[6] <= '9') m = m * 10 + (unsigned)(s[6] - '0');
        if (s[6] && s[7] == '-' && s[8] >= '0' && s[8] <= '9') {
            d = (unsigned)(s[8] - '0');
            if (s[9] >= '0' && s[9] <= '9') d = d * 10 + (unsigned)(s[9] - '0');
        }
    }
    if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return y * 10000 + m * 100 + d;
}

uint32_t ent_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    return (uint32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

/* ---- trie ---- */

static uint32_t new_node(ent_dict *d)
{
    if (d->nnodes == d->capnodes) {
        d->capnodes = d->capnodes ? d->capnodes * 2 : 1024;
        d->node_terms = ent_xrealloc(d->node_terms, d->capnodes * sizeof *d->node_terms);
    }
    d->node_terms[d->nnodes] = UINT32_MAX;
    return (uint32_t)d->nnodes++;
}

uint32_t ent_dict_word(const ent_dict *d, const char *w, size_t n)
{
    return (uint32_t)(uintptr_t)ent_map_get(&d->words, w, n);
}

/* The number of word w, given one if it is new. */
static uint32_t add_word(ent_dict *d, const char *w, size_t n)
{
    uint32_t k = ent_dict_word(d, w, n);
    if (k) return k;
    if (d->ndwords == d->capdwords) {
        d->capdwords *= 2;
        d->dwords = ent_xrealloc(d->dwords, d->capdwords * sizeof *d->dwords);
    }
    k = (uint32_t)d->ndwords++;
    memset(&d->dwords[k], 0, sizeof d->dwords[k]);
    ent_map_put(&d->words, w, n, (void *)(uintptr_t)k);
    return k;
}

static size_t edge_slot(const struct ent_edge *edges, size_t cap, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    size_t mask = cap - 1;
    for (size_t i = (size_t)(h ^ (h >> 29)) & mask;; i = (i + 1) & mask)
        if (edges[i].key == key || !edges[i].key) return i;
}

uint32_t ent_dict_child_of(const ent_dict *d, uint32_t node, uint32_t word)
{
    if (!node) return d->dwords[word].root;
    if (!word || !d->capedges) return 0;
    uint64_t key = (uint64_t)node << 32 | word;
    return d->edges[edge_slot(d->edges, d->capedges, key)].child;
}

uint32_t ent_dict_child(const ent_dict *d, uint32_t node, const char *tok, size_t n)
{
    return ent_dict_child_of(d, node, ent_dict_word(d, tok, n));
}

static uint32_t add_child(ent_dict *d, uint32_t node, const char *tok, size_t n)
{
    uint32_t w = add_word(d, tok, n);
    uint32_t c = ent_dict_child_of(d, node, w);
    if (c) return c;
    c = new_node(d);
    if (!node) {
        d->dwords[w].root = c;
        return c;
    }
    if ((d->nedges + 1) * 2 > d->capedges) {   /* at most half full */
        size_t cap = d->capedges ? d->capedges * 2 : 4096;
        struct ent_edge *e = ent_xcalloc(cap, sizeof *e);
        for (size_t i = 0; i < d->capedges; i++)
            if (d->edges[i].key) e[edge_slot(e, cap, d->edges[i].key)] = d->edges[i];
        free(d->edges);
        d->edges = e;
        d->capedges = cap;
    }
    uint64_t key = (uint64_t)node << 32 | w;
    size_t i = edge_slot(d->edges, d->capedges, key);
    d->edges[i].key = key;
    d->edges[i].child = c;
    d->nedges++;
    return c;
}

static void add_term(ent_dict *d, uint32_t node, uint32_t entry, uint8_t casing)
{
    if (d->nterms == d->capterms) {
        d->capterms = d->capterms ? d->capterms * 2 : 1024;
        d->terms = ent_xrealloc(d->terms, d->capterms * sizeof *d->terms);
    }
    d->terms[d->nterms] = (ent_dterm){entry, d->node_terms[node], casing};
    d->node_terms[node] = (uint32_t)d->nterms++;
}

/* ---- parsing ---- */

typedef struct parser {
    ent_dict *d;
    const char *file;
    uint16_t fileno;
    unsigned line;
    int kind, lang;
    ent_rawtoks toks;
    ent_buf fold;
    ent_error *err;
} parser;

static int fail(parser *p, const char *fmt, const char *arg)
{
    if (p->err) {
        p->err->code = ENT_ERR_INPUT;
        char msg[400];
        snprintf(msg, sizeof msg, fmt, arg);
        snprintf(p->err->message, sizeof p->err->message, "%s:%u: %s", p->file, p->line, msg);
    }
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = 0;
    return s;
}

static int valid_code(const char *c, int kind)
{
    size_t n = strlen(c);
    if (kind == ENT_K_DISCARD) return !strcmp(c, "-");
    if (kind == ENT_K_AGENT) {
        if (n != 4 || c[0] != '~') return 0;
        c++, n--;
    }
    if (n < 3 || n > 12 || n % 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(c[i] >= 'A' && c[i] <= 'Z')) return 0;
    if (kind == ENT_K_COUNTRY || kind == ENT_K_DEMONYM || kind == ENT_K_CAPITAL) return n == 3;
    return 1;
}

static int parse_range(parser *p, char *s, ent_dentry *e)
{
    e->from = 0;
    e->to = 99999999;
    s = trim(s);
    if (!*s) return 0;
    char *dots = strstr(s, "..");
    if (!dots) return fail(p, "bad date range '%s' (want FROM..TO, either end may be empty)", s);
    *dots = 0;
    char *a = trim(s), *b = trim(dots + 2);
    if (*a && !(e->from = ent_parse_date(a))) return fail(p, "bad date '%s' (want YYYY-MM-DD)", a);
    if (*b && !(e->to = ent_parse_date(b))) return fail(p, "bad date '%s' (want YYYY-MM-DD)", b);
    if (e->from >= e->to) return fail(p, "date range ends before it starts: %s", a);
    return 0;
}

static int casing_of(const char *name, const ent_rawtok *first)
{
    const char *s = name + first->start;
    size_t n = first->end - first->start;
    int up = 0, low = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') up++;
        else if (c >= 'a' && c <= 'z') low++;
        else if (c == 0xC3 && i + 1 < n) {   /* Latin-1 letters: À-Þ upper, ß-ÿ lower */
            unsigned char c2 = (unsigned char)s[++i];
            if (c2 < 0x9F) up++;
            else low++;
        }
    }
    if (up >= 2 && low == 0) return ENT_CASE_ALLCAPS;
    unsigned char c0 = (unsigned char)s[0];
    if ((c0 >= 'A' && c0 <= 'Z') || (c0 == 0xC3 && n > 1 && (unsigned char)s[1] < 0x9F))
        return ENT_CASE_CAP;
    return ENT_CASE_ANY;
}

static int add_name(parser *p, char *name, uint32_t entry)
{
    name = trim(name);
    if (!*name) return fail(p, "empty name%s", "");
    ent_dict *d = p->d;
    p->toks.n = 0;
    ent_tokenize(name, 0, strlen(name), p->lang == ENT_DLANG_EN ? ENT_LANG_EN : ENT_LANG_FR,
                 &p->toks);
    if (p->toks.n == 0) return fail(p, "name '%s' has no word", name);
    uint32_t node = 0;
    int casing = casing_of(name, &p->toks.v[0]);
    for (size_t i = 0; i < p->toks.n; i++) {
        ent_buf_clear(&p->fold);
        ent_fold(name + p->toks.v[i].start, p->toks.v[i].end - p->toks.v[i].start, &p->fold);
        node = add_child(d, node, p->fold.p, p->fold.len);
        if (i == 0) {
            uint32_t k = add_word(d, p->fold.p, p->fold.len);   /* may move dwords */
            d->dwords[k].starts |= (uint8_t)(1u << casing);
        }
    }
    add_term(d, node, entry, (uint8_t)casing);
    if (d->nnames == d->capnames) {
        d->capnames = d->capnames ? d->capnames * 2 : 1024;
        d->name_text = ent_xrealloc(d->name_text, d->capnames * sizeof *d->name_text);
    }
    d->name_text[d->nnames++] = ent_arena_strndup(&d->names, name, strlen(name));
    return 0;
}

/* ---- event patterns ---- */

static const char *fold_word(parser *p, const char *w, size_t n)
{
    ent_buf_clear(&p->fold);
    ent_fold(w, n, &p->fold);
    return ent_arena_strndup(&p->d->pat_arena, p->fold.p, p->fold.len);
}

/* One alternative: its words, tokenised and folded. */
static int parse_alt(parser *p, char *s, ent_palt *alt)
{
    s = trim(s);
    p->toks.n = 0;
    ent_tokenize(s, 0, strlen(s), p->lang == ENT_DLANG_EN ? ENT_LANG_EN : ENT_LANG_FR, &p->toks);
    if (p->toks.n == 0 || p->toks.n > 8) return fail(p, "bad element '%s'", s);
    alt->nwords = (uint8_t)p->toks.n;
    alt->words = ent_arena_alloc(&p->d->pat_arena, p->toks.n * sizeof *alt->words);
    alt->ids = ent_arena_alloc(&p->d->pat_arena, p->toks.n * sizeof *alt->ids);
    for (size_t i = 0; i < p->toks.n; i++) {
        alt->words[i] = fold_word(p, s + p->toks.v[i].start, p->toks.v[i].end - p->toks.v[i].start);
        uint32_t k = add_word(p->d, alt->words[i], strlen(alt->words[i]));   /* may move dwords */
        ent_dword *dw = &p->d->dwords[k];
        if (!dw->elem) dw->elem = ++p->d->nelems;
        alt->ids[i] = dw->elem;
    }
    return 0;
}

static int parse_pattern1(parser *p, char *lhs, const char *code)
{
    ent_dict *d = p->d;
    char *parts[32];
    int np = 0;
    for (char *q = lhs; np < 32;) {
        char *plus = strstr(q, " + ");
        parts[np++] = q;
        if (!plus) break;
        *plus = 0;
        q = plus + 3;
    }
    if (np > 16) return fail(p, "too many elements in '%s'", lhs);
    if (d->npats == d->cappats) {
        d->cappats = d->cappats ? d->cappats * 2 : 1024;
        d->pats = ent_xrealloc(d->pats, d->cappats * sizeof *d->pats);
    }
    ent_pattern *pt = &d->pats[d->npats];
    memset(pt, 0, sizeof *pt);
    pt->kind = p->kind == ENT_K_NOUN ? ENT_PAT_NOUN : ENT_PAT_VERB;
    pt->lang = (uint8_t)p->lang;
    pt->file = p->fileno;
    pt->line = p->line;
    snprintf(pt->code, sizeof pt->code, "%.7s", code);
    /* the head: a lemma, with "se"/"s'" before it for a French pronominal verb */
    char *head = trim(parts[0]);
    p->toks.n = 0;
    ent_tokenize(head, 0, strlen(head), p->lang == ENT_DLANG_EN ? ENT_LANG_EN : ENT_LANG_FR, &p->toks);
    size_t first = 0;
    if (p->toks.n == 2 && pt->kind == ENT_PAT_VERB) {
        const char *w = fold_word(p, head + p->toks.v[0].start, p->toks.v[0].end - p->toks.v[0].start);
        if (!strcmp(w, "se") || !strcmp(w, "s'")) { pt->pronominal = 1; first = 1; }
    }
    if (p->toks.n != first + 1) return fail(p, "the head '%s' must be one word (or se + a verb)", head);
    pt->head = fold_word(p, head + p->toks.v[first].start, p->toks.v[first].end - p->toks.v[first].start);
    pt->nelems = (uint8_t)(np - 1);
    pt->elems = ent_arena_alloc(&d->pat_arena, (size_t)(np ? np : 1) * sizeof *pt->elems);
    for (int i = 1; i < np; i++) {
        char *alts[64];
        int na = 0;
        for (char *a = strtok(parts[i], "|"); a && na < 64; a = strtok(NULL, "|")) alts[na++] = a;
        if (!na) return fail(p, "empty element after '+'%s", "");
        ent_pelem *el = &pt->elems[i - 1];
        el->nalts = (uint16_t)na;
        el->alts = ent_arena_alloc(&d->pat_arena, (size_t)na * sizeof *el->alts);
        el->first = ent_arena_alloc(&d->pat_arena, (size_t)na * sizeof *el->first);
        el->mask = 0;
        for (int k = 0; k < na; k++) {
            if (parse_alt(p, alts[k], &el->alts[k]) < 0) return -1;
            el->first[k] = el->alts[k].ids[0];
            el->mask |= 1ull << (el->first[k] & 63);
        }
    }
    /* chain after the patterns of the same head */
    uint32_t hk = add_word(d, pt->head, strlen(pt->head));   /* may move dwords */
    ent_dword *hw = &d->dwords[hk];
    pt->next = hw->pat[pt->kind] ? hw->pat[pt->kind] - 1 : UINT32_MAX;
    hw->pat[pt->kind] = (uint32_t)d->npats + 1;
    d->npats++;
    return 0;
}

/* "organize|organise + summit => 043": one pattern per alternative of the head. */
static int parse_pattern(parser *p, char *lhs, const char *code)
{
    if (strcmp(code, "-") && !ent_cameo_find(code))
        return fail(p, "unknown CAMEO code '%s'", code);
    char *plus = strstr(lhs, " + ");
    size_t hl = plus ? (size_t)(plus - lhs) : strlen(lhs);
    char head[256];
    if (hl >= sizeof head) return fail(p, "head too long%s", "");
    memcpy(head, lhs, hl);
    head[hl] = 0;
    const char *rest = plus ? plus : "";
    for (char *alt = head, *bar; alt; alt = bar ? bar + 1 : NULL) {
        bar = strchr(alt, '|');
        if (bar) *bar = 0;
        ent_buf one = {0};
        ent_buf_adds(&one, trim(alt));
        ent_buf_adds(&one, rest);
        int rc = parse_pattern1(p, one.p, code);
        ent_buf_free(&one);
        if (rc < 0) return rc;
    }
    return 0;
}


/* "file:line" into buf (n bytes), cut to fit; without printf, for it is written with every
 * event `entente code` outputs. */
static const char *origin(const char *file, uint32_t line, char *buf, size_t n)
{
    char num[12];
    size_t k = 0;
    for (uint32_t v = line; k == 0 || v; v /= 10) num[k++] = (char)('0' + v % 10);
    size_t fl = strlen(file), need = fl + 1 + k;
    if (need >= n) {   /* too long for buf: as much as fits (never for our file names) */
        snprintf(buf, n, "%s:%u", file, (unsigned)line);
        return buf;
    }
    memcpy(buf, file, fl);
    buf[fl] = ':';
    for (size_t i = 0; i < k; i++) buf[fl + 1 + i] = num[k - 1 - i];
    buf[need] = 0;
    return buf;
}

const char *ent_dict_pattern_origin(const ent_dict *d, const ent_pattern *pt, char *buf, size_t n)
{
    return origin(d->files[pt->file], pt->line, buf, n);
}

static int parse_entry(parser *p, char *s)
{
    char *arrow = strstr(s, "=>");
    if (!arrow) return fail(p, "no '=>' in entry: want NAME | NAME => CODE [FROM..TO]%s", "");
    if (p->kind < 0) return fail(p, "entry before any [section]%s", "");
    *arrow = 0;
    char *rhs = trim(arrow + 2);
    char code[64] = "";
    size_t cl = strcspn(rhs, " \t");
    if (cl == 0 || cl >= sizeof code) return fail(p, "missing or bad code after '=>'%s", "");
    memcpy(code, rhs, cl);
    if (p->kind == ENT_K_VERB || p->kind == ENT_K_NOUN) {
        if (*trim(rhs + cl)) return fail(p, "unexpected text after the code: '%s'", trim(rhs + cl));
        return parse_pattern(p, s, code);
    }
    if (!valid_code(code, p->kind))
        return fail(p, p->kind == ENT_K_AGENT     ? "bad agent code '%s' (want ~ and three capitals)"
                       : p->kind == ENT_K_DISCARD ? "bad code '%s' in [discard] (want -)"
                                                  : "bad actor code '%s'", code);
    ent_dict *d = p->d;
    if (d->nentries == d->capentries) {
        d->capentries = d->capentries ? d->capentries * 2 : 1024;
        d->entries = ent_xrealloc(d->entries, d->capentries * sizeof *d->entries);
    }
    ent_dentry *e = &d->entries[d->nentries];
    memset(e, 0, sizeof *e);
    memcpy(e->code, code, cl + 1);   /* valid_code: at most 12 letters */
    e->kind = (uint8_t)p->kind;
    e->lang = (uint8_t)p->lang;
    e->file = p->fileno;
    e->line = p->line;
    e->first_name = (uint32_t)d->nnames;
    if (parse_range(p, rhs + cl, e) < 0) return -1;
    uint32_t id = (uint32_t)d->nentries++;
    for (char *name = strtok(s, "|"); name; name = strtok(NULL, "|"))
        if (add_name(p, name, id) < 0) return -1;
    return 0;
}

static int parse_line(parser *p, char *s)
{
    char *hash = strchr(s, '#');
    if (hash) *hash = 0;
    s = trim(s);
    if (!*s) return 0;
    if (*s == '[') {
        char *close = strchr(s, ']');
        if (!close) return fail(p, "unclosed section header '%s'", s);
        *close = 0;
        for (int k = 0; k < ENT_K_COUNT; k++)
            if (!strcmp(s + 1, kind_names[k])) { p->kind = k; p->lang = ENT_DLANG_ANY; return 0; }
        return fail(p, "unknown section [%s] (see docs/dictionaries.md)", s + 1);
    }
    if (*s == '@') {
        if (!strncmp(s, "@lang", 5)) {
            char *l = trim(s + 5);
            if (!strcmp(l, "fr")) p->lang = ENT_DLANG_FR;
            else if (!strcmp(l, "en")) p->lang = ENT_DLANG_EN;
            else if (!strcmp(l, "any")) p->lang = ENT_DLANG_ANY;
            else return fail(p, "unknown language '%s' (fr, en or any)", l);
            return 0;
        }
        return fail(p, "unknown directive '%s'", s);
    }
    return parse_entry(p, s);
}

static int load_text(ent_dict *d, const char *name, const char *text, size_t len, ent_error *err)
{
    parser p = {.d = d, .file = name, .kind = -1, .lang = ENT_DLANG_ANY, .err = err};
    d->files = ent_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles] = ent_xstrndup(name, strlen(name));
    p.fileno = (uint16_t)d->nfiles++;
    p.file = d->files[p.fileno];
    ent_buf line = {0};
    int rc = 0;
    size_t i = 0;
    while (i < len && rc == 0) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - text - i) : len - i;
        p.line++;
        ent_buf_clear(&line);
        ent_buf_add(&line, text + i, n);
        rc = parse_line(&p, line.p);
        i += n + 1;
    }
    ent_buf_free(&line);
    free(p.toks.v);
    ent_buf_free(&p.fold);
    return rc;
}

static ent_dict *dict_new(void)
{
    ent_dict *d = ent_xcalloc(1, sizeof *d);
    d->capdwords = 4096;
    d->dwords = ent_xcalloc(d->capdwords, sizeof *d->dwords);
    d->ndwords = 1;   /* word 0: no word */
    new_node(d);   /* the root */
    return d;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_dir(ent_dict *d, const char *dir, ent_error *err)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        if (err) {
            err->code = ENT_ERR_FATAL;
            snprintf(err->message, sizeof err->message, "%s: %s", dir, strerror(errno));
        }
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 5 || strcmp(de->d_name + l - 4, ".txt")) continue;
        names = ent_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = ent_xstrndup(de->d_name, l);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, cmp_name);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = rc == 0 ? fopen(path, "rb") : NULL;
        if (rc == 0 && !f) {
            if (err) {
                err->code = ENT_ERR_FATAL;
                snprintf(err->message, sizeof err->message, "%.400s: %s", path, strerror(errno));
            }
            rc = -1;
        }
        if (f) {
            ent_buf b = {0};
            char chunk[65536];
            size_t k;
            while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) ent_buf_add(&b, chunk, k);
            fclose(f);
            rc = load_text(d, path, b.p ? b.p : "", b.len, err);
            ent_buf_free(&b);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

ent_dict *ent_dict_load(const char *dir, ent_error *err)
{
    ent_dict *d = dict_new();
    int rc = 0;
    if (dir) {
        rc = load_dir(d, dir, err);
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/events", dir);
        DIR *dp = rc == 0 ? opendir(sub) : NULL;
        if (dp) {
            closedir(dp);
            rc = load_dir(d, sub, err);
        }
    } else {
        for (size_t i = 0; i < ent_embedded_count && rc == 0; i++)
            rc = load_text(d, ent_embedded[i].name, ent_embedded[i].data,
                           (size_t)(ent_embedded[i].end - ent_embedded[i].data), err);
    }
    if (rc < 0) {
        ent_dict_free(d);
        return NULL;
    }
    return d;
}

void ent_dict_free(ent_dict *d)
{
    if (!d) return;
    free(d->entries);
    for (size_t i = 0; i < d->nfiles; i++) free(d->files[i]);
    free(d->files);
    free(d->edges);
    ent_map_free(&d->words);
    free(d->dwords);
    free(d->node_terms);
    free(d->terms);
    ent_arena_free(&d->names);
    free(d->pats);
    ent_arena_free(&d->pat_arena);
    free(d->name_text);
    free(d);
}

size_t ent_dict_entry_count(const ent_dict *d) { return d->nentries; }
size_t ent_dict_pattern_count(const ent_dict *d) { return d->npats; }

const char *ent_dict_origin(const ent_dict *d, uint32_t entry, char *buf, size_t n)
{
    const ent_dentry *e = &d->entries[entry];
    return origin(d->files[e->file], e->line, buf, n);
}

const char *ent_dict_entry_origin(const ent_dict *d, uint32_t entry, char *buf, size_t n)
{
    if (entry >= d->nentries) return NULL;
    return ent_dict_origin(d, entry, buf, n);
}

/* actors.c: actor recognition (the "who" of CAMEO events). Over each sentence's tokens, the
 * longest dictionary name at each position is found by walking the dictionary's token trie
 * on folded forms (or lemmas, so plurals match singulars); each match is resolved for the
 * document's date (people in office, the country of former office-holders); then mentions
 * are composed: an agent and a country word ("l'armée russe", "Russian troops", "Russia's
 * navy", "le ministre de la Défense de l'Ukraine") give one code, a title and a person in
 * apposition are one actor, a capital acts as its government unless it is a place, agents
 * with no country and datelines give nothing. Rules: docs/dictionaries.md and
 * ../shared/devset/README.md ("Actor codes"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "dict/dict.h"
#include "entente.h"
#include "text/fold.h"
#include "util/util.h"


typedef struct mention {
    uint32_t t0, t1;          /* token span, absolute indices */
    int kind;                 /* ent_kind of the resolved entry, or -1 when dropped */
    char code[16];            /* resolved code; "~MIL" for a bare agent */
    uint32_t nentries;
    uint32_t entries[ENT_ACTOR_MAX_ENTRIES];
    int person_active;        /* a person with a role at the date */
    int former;               /* after "ancien", "former", "ex-": no longer in the role */
    int has_agent;            /* composed with an agent: a title ("président russe") */
} mention;

struct ent_actors {
    const ent_dict *d;
    mention *m;
    size_t nm, capm;
    ent_actor *out;
    size_t capout;
    ent_buf fold;
    uint32_t *cand;
    size_t capcand;
    uint32_t today;           /* for documents without a date */
    ent_symtab words;         /* symbol → its word_info (word 0: not yet looked up) */
    uint32_t *fw, *lw;        /* word numbers of each token's fold and lemma fold */
    uint32_t *fe, *le;        /* their ids among the words of pattern elements (ent_dword.elem) */
    uint8_t *fs, *ls;         /* their ent_dword.starts */
    uint32_t *fr, *lr;        /* their ent_dword.root: the trie's node after them */
    size_t capw;
};

/* What the matcher and the coder read of a dictionary word, kept by symbol next to its number:
 * one load per token instead of one into the dictionary's array of words. */
typedef struct word_info {
    uint32_t word1;           /* the word number + 1 */
    uint32_t elem;            /* ent_dword.elem */
    uint32_t starts;          /* ent_dword.starts */
    uint32_t root;            /* ent_dword.root */
} word_info;

ent_actors *ent_actors_new(const ent_dict *d)
{
    ent_actors *r = ent_xcalloc(1, sizeof *r);
    r->d = d;
    r->today = ent_today();
    return r;
}

void ent_actors_free(ent_actors *r)
{
    if (!r) return;
    free(r->m);
    free(r->out);
    free(r->cand);
    ent_symtab_free(&r->words);
    free(r->fw);
    free(r->lw);
    free(r->fe);
    free(r->le);
    free(r->fs);
    free(r->ls);
    free(r->fr);
    free(r->lr);
    ent_buf_free(&r->fold);
    free(r);
}

/* Copies an actor code (at most 15 bytes); codes are short, snprintf is too slow here. */
static void code_set(char dst[16], const char *src)
{
    size_t n = strnlen(src, 15);
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* country (first three letters of c) + agent (three letters after the ~ of a) */
static void code_join(char dst[16], const char *c, const char *a)
{
    memcpy(dst, c, 3);
    size_t n = strnlen(a + 1, 3);
    memcpy(dst + 3, a + 1, n);
    dst[3 + n] = 0;
}

/* ---- matching ---- */

static int casing_ok(int casing, const ent_token *t)
{
    if (casing == ENT_CASE_CAP) return (t->flags & (ENT_TOK_CAP | ENT_TOK_ALLCAPS)) != 0;
    if (casing == ENT_CASE_ALLCAPS) return (t->flags & ENT_TOK_ALLCAPS) != 0;
    return 1;
}

static int lang_ok(const ent_dentry *e, int lang)
{
    return e->lang == ENT_DLANG_ANY || e->lang == lang;
}

static word_info info_of(const ent_dict *d, const char *s)
{
    uint32_t w = ent_dict_word(d, s, strlen(s));
    const ent_dword *dw = ent_dict_dword(d, w);
    return (word_info){w + 1, dw->elem, dw->starts, dw->root};
}

/* The dictionary word of a token's folded string s, of symbol sym: looked up once per symbol
 * (tab: the symbol table), or each time for a string without one (into *scratch). */
static const word_info *word_of(const ent_dict *d, word_info *tab, uint32_t sym, const char *s,
                                word_info *scratch)
{
    static const word_info none = {1, 0, 0, 0};
    if (!s) return &none;
    if (!sym) {
        *scratch = info_of(d, s);
        return scratch;
    }
    if (!tab[sym].word1) tab[sym] = info_of(d, s);
    return &tab[sym];
}

const uint32_t *ent_actors_lemma_words(const ent_actors *r) { return r->lw; }
const uint32_t *ent_actors_fold_elems(const ent_actors *r) { return r->fe; }
const uint32_t *ent_actors_lemma_elems(const ent_actors *r) { return r->le; }

uint32_t ent_actors_word(ent_actors *r, uint32_t sym, const char *s)
{
    word_info scratch;
    return word_of(r->d, r->words.v, sym, s, &scratch)->word1 - 1;
}

/* One step down the trie along token k: by its folded form, else by its lemma for a name. */
static uint32_t step(ent_actors *r, uint32_t node, const ent_token *tk, uint32_t k)
{
    /* from the root, the child is the one kept with the word */
    uint32_t c = node ? ent_dict_child_of(r->d, node, r->fw[k]) : r->fr[k];
    /* the lemma only for names: "peut" (pouvoir) must not reach the agent "pouvoir" */
    unsigned nominal = (1u << ENT_POS_NOUN) | (1u << ENT_POS_ADJ) | (1u << ENT_POS_PROPN) |
                       (1u << ENT_POS_X);
    if (c || r->lw[k] == r->fw[k] || !(nominal & (1u << tk[k].pos))) return c;
    return node ? ent_dict_child_of(r->d, node, r->lw[k]) : r->lr[k];
}

/* Collects into r->cand the entries named at `node` that fit the language and the casing of
 * the first token; returns their number. */
static size_t node_entries(ent_actors *r, uint32_t node, const ent_token *first, int lang)
{
    size_t n = 0;
    for (uint32_t k = r->d->node_terms[node]; k != UINT32_MAX; k = r->d->terms[k].next) {
        const ent_dterm *term = &r->d->terms[k];
        if (!casing_ok(term->casing, first) || !lang_ok(&r->d->entries[term->entry], lang)) continue;
        if (n == r->capcand) {
            r->capcand = r->capcand ? r->capcand * 2 : 32;
            r->cand = ent_xrealloc(r->cand, r->capcand * sizeof *r->cand);
        }
        r->cand[n++] = term->entry;
    }
    return n;
}

/* ---- resolution for a date ---- */

static const int kind_rank[ENT_K_COUNT] = {
    [ENT_K_DISCARD] = 9, [ENT_K_PERSON] = 8, [ENT_K_SEAT] = 7, [ENT_K_IGO] = 6, [ENT_K_GROUP] = 5,
    [ENT_K_CAPITAL] = 4, [ENT_K_COUNTRY] = 3, [ENT_K_DEMONYM] = 2, [ENT_K_AGENT] = 1
};

static void add_entry(mention *m, uint32_t e)
{
    for (uint32_t i = 0; i < m->nentries; i++)
        if (m->entries[i] == e) return;
    if (m->nentries < ENT_ACTOR_MAX_ENTRIES) m->entries[m->nentries++] = e;
}

/* Chooses the kind and code of a match from its candidate entries. */
static void resolve(ent_actors *r, mention *m, size_t ncand, uint32_t date, int undated)
{
    const ent_dict *d = r->d;
    int best = -1;
    for (size_t i = 0; i < ncand; i++) {
        int k = d->entries[r->cand[i]].kind;
        if (best < 0 || kind_rank[k] > kind_rank[best]) best = k;
    }
    m->kind = best;
    m->code[0] = 0;
    if (best == ENT_K_DISCARD) { m->kind = -1; return; }   /* "Amérique latine": no actor */
    m->nentries = 0;
    m->person_active = 0;
    /* entries of that kind valid at the date; a common code, or a common country */
    char code[16] = "";
    int same_code = 1, same_country = 1, any = 0;
    for (int pass = 0; pass < 2 && !any; pass++) {
        for (size_t i = 0; i < ncand; i++) {
            const ent_dentry *e = &d->entries[r->cand[i]];
            if (e->kind != best) continue;
            int valid = e->from <= date && date < e->to;
            if (pass == 0 && !valid) continue;
            if (!any) code_set(code, e->code);
            else {
                if (strcmp(code, e->code)) same_code = 0;
                if (strncmp(code, e->code, 3)) same_country = 0;
            }
            any = 1;
            add_entry(m, r->cand[i]);
        }
        if (any && pass == 1) {
            /* nobody valid at the date: a person gives their country; other kinds nothing */
            if (best != ENT_K_PERSON || !strncmp(code, "IGO", 3)) { m->kind = -1; return; }
            code[3] = 0;
            same_code = 1;
            if (undated && same_country) {
                /* no date at all: news naming a person is most often from their time in
                 * office, so their most recent role is the best reading ("Biden thanked") */
                const ent_dentry *last = NULL;
                for (size_t i = 0; i < ncand; i++) {
                    const ent_dentry *e = &d->entries[r->cand[i]];
                    if (e->kind == best && (!last || e->to > last->to)) last = e;
                }
                if (last) code_set(code, last->code);
            }
        } else if (any && best == ENT_K_PERSON) {
            m->person_active = 1;
        }
    }
    if (!any) { m->kind = -1; return; }
    if (!same_code) {
        if (!same_country || !strncmp(code, "IGO", 3)) { m->kind = -1; return; }
        code[3] = 0;
        m->person_active = 0;
    }
    code_set(m->code, code);
}

/* ---- composition ---- */

static int fold_in(const ent_token *t, const char *const *words)
{
    return ent_word_in(t->fold, words);
}

static const char *const of_words[] = {"de", "du", "des", "d'", "of", NULL};
static const char *const det_words[] = {"le", "la", "les", "l'", "the", NULL};
static const char *const and_words[] = {"et", "and", ",", NULL};
static const char *const place_words[] = {"a", "en", "vers", "dans", "in", "to", "at", "into",
                                          "toward", "towards", "near", "au", "aux", NULL};

static const char *const place_nouns[] = {"aeroport", "airport", "ville", "city", "region",
    "province", "banlieue", "outskirts", "suburbs", "centre", "center", "rues", "streets",
    "port", "gare", "station", "quartier", "district", "faubourgs", "environs", "habitants",
    "residents", "population", "maire", "mayor", NULL};

static int is_country_word(int k)
{
    return k == ENT_K_COUNTRY || k == ENT_K_DEMONYM || k == ENT_K_CAPITAL || k == ENT_K_SEAT;
}

static int holds_whole(int k)
{
    return k == ENT_K_IGO || k == ENT_K_GROUP || k == ENT_K_SEAT;
}

/* Code of agent mention `ag` joined to the country or organisation of mention `c`. */
static void compose(mention *ag, const mention *c)
{
    char code[16];
    ag->former |= c->former;   /* "former British Prime Minister" */
    ag->has_agent = 1;
    if (holds_whole(c->kind) || !strncmp(c->code, "IGO", 3)) code_set(code, c->code);
    else if (ag->former) memcpy(code, c->code, 3), code[3] = 0;   /* l'ancien ministre */
    else code_join(code, c->code, ag->code);
    code_set(ag->code, code);
    ag->kind = holds_whole(c->kind) ? c->kind : ENT_K_COUNTRY;
    for (uint32_t i = 0; i < c->nentries; i++) add_entry(ag, c->entries[i]);
    if (c->t0 < ag->t0) ag->t0 = c->t0;
    if (c->t1 > ag->t1) ag->t1 = c->t1;
}

/* Up to two words that can be adjectives (whatever part of speech was chosen for them). */
static int gap_adjs(const ent_token *tk, uint32_t a, uint32_t b)
{
    if (b < a || b - a > 2) return 0;
    for (uint32_t i = a; i < b; i++)
        if (!(tk[i].posmask & (1u << ENT_POS_ADJ)) || tk[i].pos == ENT_POS_PUNCT) return 0;
    return 1;
}

/* Between a person and a title: a comma, an article, adjectives ("Merkel, l'ancienne"). */
static int gap_appos(const ent_token *tk, uint32_t a, uint32_t b)
{
    if (b < a || b - a > 3) return 0;
    for (uint32_t i = a; i < b; i++) {
        const ent_token *t = &tk[i];
        if (ent_is1(t->fold, ',') || t->pos == ENT_POS_DET) continue;
        if (t->pos != ENT_POS_PUNCT && (t->posmask & (1u << ENT_POS_ADJ))) continue;
        return 0;
    }
    return 1;
}

/* "of"-gap: de/du/des/d'/of, then optionally an article. */
static int gap_of(const ent_token *tk, uint32_t a, uint32_t b)
{
    if (b == a + 1) return fold_in(&tk[a], of_words);
    if (b == a + 2) return fold_in(&tk[a], of_words) && fold_in(&tk[a + 1], det_words);
    return 0;
}

static int is_agent(const mention *m) { return m->kind == ENT_K_AGENT && m->code[0] == '~'; }

/* Agent followed by its country: "l'armée russe", "le ministre de la Défense de l'Ukraine",
 * "le secrétaire général de l'ONU", with "et" coordination: "les armées russe et chinoise". */
static void agent_then_country(mention *m, size_t n, const ent_token *tk)
{
    for (size_t i = 0; i + 1 < n; i++) {
        mention *ag = &m[i], *c = &m[i + 1];
        if (!is_agent(ag) || c->kind < 0) continue;
        int adj = (c->kind == ENT_K_DEMONYM && gap_adjs(tk, ag->t1, c->t0)) ||
                  (c->kind == ENT_K_GROUP && c->t0 == ag->t1);   /* les rebelles houthis */
        int of = (is_country_word(c->kind) || c->kind == ENT_K_IGO || c->kind == ENT_K_GROUP ||
                  c->kind == ENT_K_PERSON) && gap_of(tk, ag->t1, c->t0);
        if (!adj && !of) continue;
        char agent[16];
        code_set(agent, ag->code);
        compose(ag, c);
        c->kind = -1;
        /* "et chinoise", "du Kosovo et de Serbie": the same agent for a coordinated country */
        mention *c3 = i + 2 < n ? &m[i + 2] : NULL;
        if (of && c3 && is_country_word(c3->kind) && c3->t0 > c->t1 &&
            fold_in(&tk[c->t1], and_words) && gap_of(tk, c->t1 + 1, c3->t0)) {
            char code[16];
            code_join(code, c3->code, agent);
            code_set(c3->code, code);
            c3->kind = ENT_K_COUNTRY;
        }
        if (adj && i + 2 < n && m[i + 2].kind == ENT_K_DEMONYM && m[i + 2].t0 == c->t1 + 1 &&
            fold_in(&tk[c->t1], and_words)) {
            mention *c2 = &m[i + 2];
            char code[16];
            code_join(code, c2->code, agent);
            code_set(c2->code, code);
            c2->kind = ENT_K_COUNTRY;
        }
    }
}

/* Country word before its agent (English): "Russian troops", "U.S. forces", "Russia's navy",
 * "Kremlin spokesman", "UN envoy", "Hamas fighters"; "U.S. and South Korean forces". */
static void country_then_agent(mention *m, size_t n, const ent_token *tk)
{
    for (size_t i = 0; i + 1 < n; i++) {
        mention *c = &m[i], *ag = &m[i + 1];
        if (!is_agent(ag) || c->kind < 0 || is_agent(c)) continue;
        int poss = ag->t0 == c->t1 + 1 && (!strcmp(tk[c->t1].fold, "'s") || ent_is1(tk[c->t1].fold, '\''));
        /* a plural demonym is a noun, not a modifier: "Americans head to the polls" */
        const char *last = tk[c->t1 - 1].fold;
        size_t ll = strlen(last);
        if (c->kind == ENT_K_DEMONYM && ll > 3 && last[ll - 1] == 's' && !poss &&
            strcmp(last + ll - 3, "ese") && strcmp(last + ll - 2, "ss"))
            continue;
        int adj = c->kind == ENT_K_DEMONYM && gap_adjs(tk, c->t1, ag->t0);
        int next = ag->t0 == c->t1;
        if (!poss && !adj && !next) continue;
        char agent[16];
        code_set(agent, ag->code);
        compose(ag, c);
        c->kind = -1;
        if (i >= 1 && m[i - 1].kind >= 0 && is_country_word(m[i - 1].kind) &&
            m[i - 1].t1 + 1 == c->t0 && fold_in(&tk[m[i - 1].t1], and_words)) {
            mention *c2 = &m[i - 1];
            char code[16];
            code_join(code, c2->code, agent);
            code_set(c2->code, code);
            c2->kind = ENT_K_COUNTRY;
        }
    }
}

/* An undated or out-of-term person with a bare title ("President Donald Trump", "Chancellor
 * Angela Merkel", "sa présidente, Tsai Ing-wen"): the sentence itself says they hold the
 * role, so the person's entry with that agent gives the code. */
static void title_role(const ent_dict *d, mention *p, const mention *t)
{
    for (uint32_t k = 0; k < p->nentries; k++) {
        const char *code = d->entries[p->entries[k]].code;
        if (strlen(code) == 6 && !strcmp(code + 3, t->code + 1)) {
            code_set(p->code, code);
            return;
        }
    }
}

/* A title and a person side by side are one actor: "le président russe Vladimir Poutine",
 * "Vladimir Poutine, le président russe,", "North Korean leader Kim Jong Un". The person's
 * code wins when they hold a role at the date; otherwise the title's. */
/* "le groupe paramilitaire russe Wagner", "the Russian Wagner group": a nationality right
 * before a named group or person of that country is part of it, not an actor of its own. */
static void nationality_then_named(mention *m, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        mention *a = &m[i], *b = &m[i + 1];
        if (a->kind != ENT_K_DEMONYM || a->t1 != b->t0) continue;
        if (b->kind != ENT_K_GROUP && b->kind != ENT_K_PERSON) continue;
        size_t la = strlen(a->code);
        if (la != 3 || strlen(b->code) <= 3 || strncmp(a->code, b->code, 3)) continue;
        for (uint32_t k = 0; k < a->nentries; k++) add_entry(b, a->entries[k]);
        b->t0 = a->t0;
        a->kind = -1;
    }
}

static void apposition(const ent_dict *d, mention *m, size_t n, const ent_token *tk)
{
    for (size_t i = 0; i + 1 < n; i++) {
        mention *a = &m[i], *b = &m[i + 1];
        if (a->kind < 0 || b->kind < 0) continue;
        mention *p = a->kind == ENT_K_PERSON ? a : b->kind == ENT_K_PERSON ? b : NULL;
        mention *t = p == a ? b : a;
        if (!p || t->kind == ENT_K_PERSON) continue;
        if (!is_agent(t) && !t->has_agent) continue;   /* a title: an agent, with its country */
        if (!gap_appos(tk, a->t1, b->t0)) continue;   /* ", l'ancienne" */
        if (b->t0 > a->t1 && !ent_is1(tk[a->t1].fold, ',') && !(tk[a->t1].pos == ENT_POS_DET)) continue;
        if (!p->person_active && t->former) p->code[3] = 0;   /* "l'ancien président X" */
        else if (!p->person_active && !is_agent(t)) code_set(p->code, t->code);
        else if (!p->person_active) title_role(d, p, t);
        for (uint32_t k = 0; k < t->nentries; k++) add_entry(p, t->entries[k]);
        if (t->t0 < p->t0) p->t0 = t->t0;
        if (t->t1 > p->t1) p->t1 = t->t1;
        t->kind = -1;
    }
}

/* A capital is its government when it acts, the country when it is a place. */
static void capitals(mention *m, size_t n, const ent_token *tk, uint32_t first)
{
    for (size_t i = 0; i < n; i++) {
        if (m[i].kind != ENT_K_CAPITAL || strlen(m[i].code) != 3) continue;
        int place = m[i].t0 > first && fold_in(&tk[m[i].t0 - 1], place_words);
        /* "l'aéroport de Bamako", "the city of Kharkiv", "la région de Kyiv": a place */
        if (!place && m[i].t0 > first + 1 && fold_in(&tk[m[i].t0 - 1], of_words) &&
            fold_in(&tk[m[i].t0 - 2], place_nouns))
            place = 1;
        if (!place) strcat(m[i].code, "GOV");
    }
}

/* "ALGER, 24 août (Reuters) -", "CAIRO -": a place in capitals opening the sentence. */
static void datelines(mention *m, size_t n, const ent_token *tk, uint32_t first, uint32_t end)
{
    if (!n || m[0].t0 != first || m[0].kind < 0) return;
    for (uint32_t i = m[0].t0; i < m[0].t1; i++)
        if ((tk[i].flags & ENT_TOK_ALLCAPS) == 0 && tk[i].pos != ENT_POS_PUNCT) return;
    if (m[0].t1 < end && (tk[m[0].t1].pos == ENT_POS_PUNCT)) m[0].kind = -1;
}

/* Drops the mentions that composition consumed, so that neighbours are next to each other. */
static size_t compact(mention *m, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (m[i].kind >= 0) m[k++] = m[i];
    return k;
}

static void push_mention(ent_actors *r, const mention *m)
{
    if (r->nm == r->capm) {
        r->capm = r->capm ? r->capm * 2 : 32;
        r->m = ent_xrealloc(r->m, r->capm * sizeof *r->m);
    }
    r->m[r->nm++] = *m;
}

size_t ent_actors_find(ent_actors *r, const ent_analysis *a, size_t sent, const char *date,
                       const ent_actor **out)
{
    *out = NULL;
    const ent_sentence *s = ent_analysis_sentence(a, sent);
    if (!s) return 0;
    const ent_token *tk = ent_analysis_tokens(a);
    uint32_t first = s->first_token, end = s->first_token + s->n_tokens;
    int lang = !strcmp(ent_analysis_lang(a), "en") ? ENT_DLANG_EN : ENT_DLANG_FR;
    uint32_t day = ent_parse_date(date);
    int undated = !day;
    if (!day) day = r->today;
    r->nm = 0;
    if (r->capw < end) {
        r->capw = end;
        r->fw = ent_xrealloc(r->fw, r->capw * sizeof *r->fw);
        r->lw = ent_xrealloc(r->lw, r->capw * sizeof *r->lw);
        r->fe = ent_xrealloc(r->fe, r->capw * sizeof *r->fe);
        r->le = ent_xrealloc(r->le, r->capw * sizeof *r->le);
        r->fs = ent_xrealloc(r->fs, r->capw * sizeof *r->fs);
        r->ls = ent_xrealloc(r->ls, r->capw * sizeof *r->ls);
        r->fr = ent_xrealloc(r->fr, r->capw * sizeof *r->fr);
        r->lr = ent_xrealloc(r->lr, r->capw * sizeof *r->lr);
    }
    word_info *tab = ent_symtab_sync(&r->words, ent_analysis_epoch(a), ent_analysis_symbol_bound(a),
                                     sizeof *tab);
    for (uint32_t i = first; i < end; i++) {
        word_info fs, ls;
        const word_info *f = word_of(r->d, tab, tk[i].fold_sym, tk[i].fold, &fs);
        const word_info *l = tk[i].lemma_fold == tk[i].fold || !tk[i].lemma_fold
                                 ? f : word_of(r->d, tab, tk[i].lemma_sym, tk[i].lemma_fold, &ls);
        r->fw[i] = f->word1 - 1, r->fe[i] = f->elem, r->fs[i] = (uint8_t)f->starts, r->fr[i] = f->root;
        r->lw[i] = l->word1 - 1, r->le[i] = l->elem, r->ls[i] = (uint8_t)l->starts, r->lr[i] = l->root;
    }
    for (uint32_t i = first; i < end;) {
        /* no name starts with the word (as written: "le" in lowercase starts none) */
        unsigned cases = ent_dict_cases(tk[i].flags);
        if (!(r->fs[i] & cases) && !(r->ls[i] & cases)) {
            i++;
            continue;
        }
        uint32_t node = 0, best_end = 0, best_node = 0;
        for (uint32_t j = i; j < end; j++) {
            node = step(r, node, tk, j);
            if (!node) break;
            if (r->d->node_terms[node] != UINT32_MAX && node_entries(r, node, &tk[i], lang)) {
                best_end = j + 1;
                best_node = node;
            }
        }
        if (!best_end) { i++; continue; }
        mention m = {.t0 = i, .t1 = best_end};
        resolve(r, &m, node_entries(r, best_node, &tk[i], lang), day, undated);
        /* an auxiliary is no agent ("have", "may") */
        if (m.kind == ENT_K_AGENT && tk[i].pos == ENT_POS_AUX) m.kind = -1;
        static const char *const former[] = {"ancien", "ancienne", "anciens", "anciennes",
                                             "former", "ex", "ex-", "feu", "late", NULL};
        if (i > first && fold_in(&tk[i - 1], former)) m.former = 1;
        if (m.kind >= 0) push_mention(r, &m);
        i = best_end;
    }
    if (lang == ENT_DLANG_EN) country_then_agent(r->m, r->nm, tk);
    r->nm = compact(r->m, r->nm);
    agent_then_country(r->m, r->nm, tk);
    r->nm = compact(r->m, r->nm);
    if (lang == ENT_DLANG_FR) country_then_agent(r->m, r->nm, tk);
    r->nm = compact(r->m, r->nm);
    nationality_then_named(r->m, r->nm);
    r->nm = compact(r->m, r->nm);
    apposition(r->d, r->m, r->nm, tk);
    capitals(r->m, r->nm, tk, first);
    datelines(r->m, r->nm, tk, first, end);
    if (r->capout < r->nm) {
        r->capout = r->nm;
        r->out = ent_xrealloc(r->out, r->capout * sizeof *r->out);
    }
    size_t n = 0;
    for (size_t i = 0; i < r->nm; i++) {
        const mention *m = &r->m[i];
        if (m->kind < 0 || m->code[0] == '~' || !m->code[0]) continue;
        ent_actor *o = &r->out[n++];
        memset(o, 0, sizeof *o);
        code_set(o->code, m->code);
        o->tok_start = m->t0;
        o->tok_end = m->t1;
        o->start = tk[m->t0].start;
        o->end = tk[m->t1 - 1].end;
        o->nentries = m->nentries;
        o->capital = m->kind == ENT_K_CAPITAL ? (strlen(m->code) > 3 ? 1 : 2) : 0;
        memcpy(o->entries, m->entries, m->nentries * sizeof *m->entries);
    }
    *out = r->out;
    return n;
}

/* coder.c: the event coder (docs/events.md): from one sentence's tokens and actors, the
 * events it asserts. Triggers are verbs (and nouns) with patterns in the event dictionaries;
 * for each, a clause analysis on tokens finds its clause, auxiliaries, voice, negation,
 * tense and modality, its subject and its object; the pattern's code, adjusted by those
 * (future visits are intents to meet, negated events are none...), gives events from each
 * subject actor to each object actor, both ways for symmetric codes. No parser: positions,
 * parts of speech and lemmas only. Rules: ../shared/devset/README.md. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "cameo.h"
#include "dict/dict.h"
#include "entente.h"
#include "util/util.h"


/* A pattern as best_pattern tries it: the masks of its first elements (a quick reject
 * without reading the pattern) and the fields it filters on. */
enum { CAND_MASKS = 3 };
typedef struct candidate {
    uint64_t m[CAND_MASKS];   /* ent_pelem.mask of elements 0, 1, 2 (0 past nelems) */
    uint32_t pat;         /* index into d->pats */
    uint8_t lang, pronominal, nelems;
} candidate;

struct ent_coder {
    const ent_dict *d;
    uint8_t *content;     /* content words of each pattern (content_elems), computed once */
    uint32_t reach;       /* how far after its head a pattern's elements can be matched */
    /* the patterns each word heads, per kind, best first (rank_patterns): those of word w are
     * cand[kind][head[kind][w] .. head[kind][w + 1]) */
    candidate *cand[2];
    uint32_t *head[2];
};

enum { MAXSIDE = 8, REACH = 60 };   /* a clause is at most REACH words each side of its verb */
enum { INSERTION_MAX = 20 };         /* words of an insertion (", dont ...,") past_insertion skips */

typedef struct clause {
    int possible;               /* a modal of possibility (could, pourrait): no intent code */
    uint32_t left, right;       /* token bounds [left, right) */
    uint32_t outer_left;        /* left bound ignoring commas and "et" before the verb group */
    int aux_etre, aux_avoir, aux_be, modal_aux, future, negated, passive, infinitive;
    int pronominal, relative, participle;
    uint32_t first_aux;         /* first token of the verb group */
} clause;

/* A word's classes (C_*) kept by symbol, with this bit once they are known. */
typedef uint64_t wclass;
static const wclass CLS_KNOWN = 1ull << 63;

struct ent_worker {
    const ent_coder *c;
    ent_actors *actors;
    const ent_actor *act;
    size_t nact;
    int32_t *actor_at;          /* token → actor index or -1, for the current sentence */
    uint32_t *vword;            /* token → word number of its verb fold */
    wclass *cls;                /* token → word classes (C_*) of its fold */
    wclass *vcls;               /* token → word classes of its verb fold (0: none) */
    ent_symtab classes;         /* symbol of a fold → its classes | CLS_KNOWN */
    size_t capat;
    ent_event *ev;
    size_t nev, capev;
    int trace_on;
    ent_buf trace;
    int lang;                   /* 0 fr, 1 en */
    /* subjects of the last coded trigger, for coordinated verbs */
    int last_subj[MAXSIDE];
    int nlast_subj;
    int last_obj[MAXSIDE];    /* the object of the previous verb, for a participle after it */
    int nlast_obj;
    char last_code[8];          /* code of the last trigger with a subject */
    char recip_agent[8];        /* "expelled each other's ambassador": the agent on each side */
};

static int content_elems(const ent_pattern *p);

/* Does best_pattern prefer pattern i to pattern j? Most elements (a pronominal verb counting
 * one more), then most content words ("demander + pardon" over "demander + à"), then the
 * earliest line. The first pattern that matches in this order is the best. */
static int preferred(const ent_coder *c, uint32_t i, uint32_t j)
{
    const ent_pattern *a = &c->d->pats[i], *b = &c->d->pats[j];
    int sa = a->nelems + a->pronominal, sb = b->nelems + b->pronominal;
    if (sa != sb) return sa > sb;
    if (c->content[i] != c->content[j]) return c->content[i] > c->content[j];
    if (a->file != b->file) return a->file < b->file;
    return a->line < b->line;
}

/* Lays out the patterns each word heads, in the order of preference, with their quick-reject
 * masks next to each other. */
static void rank_patterns(ent_coder *c)
{
    const ent_dict *d = c->d;
    for (int kind = 0; kind < 2; kind++) {
        uint32_t *head = c->head[kind] = ent_xcalloc(d->ndwords + 1, sizeof *head);
        size_t n = 0;
        for (uint32_t w = 0; w < d->ndwords; w++) {
            head[w] = (uint32_t)n;
            for (const ent_pattern *p = ent_dict_patterns_of(d, kind, w); p;
                 p = p->next == UINT32_MAX ? NULL : &d->pats[p->next])
                n++;
        }
        head[d->ndwords] = (uint32_t)n;
        candidate *cand = c->cand[kind] = ent_xcalloc(n ? n : 1, sizeof *cand);
        for (uint32_t w = 0; w < d->ndwords; w++) {
            uint32_t k = head[w];
            for (const ent_pattern *p = ent_dict_patterns_of(d, kind, w); p;
                 p = p->next == UINT32_MAX ? NULL : &d->pats[p->next], k++) {
                candidate q = {{0}, (uint32_t)(p - d->pats), p->lang, p->pronominal, p->nelems};
                for (int e = 0; e < CAND_MASKS && e < p->nelems; e++) q.m[e] = p->elems[e].mask;
                uint32_t at = k;   /* insertion sort: a word heads at most a few hundred */
                while (at > head[w] && preferred(c, q.pat, cand[at - 1].pat)) {
                    cand[at] = cand[at - 1];
                    at--;
                }
                cand[at] = q;
            }
        }
    }
}

ent_coder *ent_coder_new(const ent_dict *d)
{
    ent_coder *c = ent_xcalloc(1, sizeof *c);
    c->d = d;
    c->content = ent_xcalloc(d->npats, 1);
    uint32_t most = 0, longest = 0;   /* elements of a pattern; words of an alternative */
    for (uint32_t i = 0; i < d->npats; i++) {
        const ent_pattern *p = &d->pats[i];
        int n = content_elems(p);
        c->content[i] = (uint8_t)(n > 255 ? 255 : n);
        if (p->nelems > most) most = p->nelems;
        for (uint8_t e = 0; e < p->nelems; e++)
            for (uint16_t a = 0; a < p->elems[e].nalts; a++)
                if (p->elems[e].alts[a].nwords > longest) longest = p->elems[e].alts[a].nwords;
    }
    /* match_elems looks at 9 positions per element, each past at most one insertion, then takes
     * the alternative's words: no element starts further from the head than this */
    c->reach = most * (9 * (INSERTION_MAX + 3) + longest);
    rank_patterns(c);
    return c;
}

void ent_coder_free(ent_coder *c)
{
    if (!c) return;
    free(c->content);
    for (int kind = 0; kind < 2; kind++) free(c->cand[kind]), free(c->head[kind]);
    free(c);
}

const char *ent_coder_pattern_origin(const ent_coder *c, uint32_t pattern, char *buf, size_t n)
{
    if (pattern >= c->d->npats) return NULL;
    return ent_dict_pattern_origin(c->d, &c->d->pats[pattern], buf, n);
}

ent_worker *ent_worker_new(const ent_coder *c)
{
    ent_worker *w = ent_xcalloc(1, sizeof *w);
    w->c = c;
    w->actors = ent_actors_new(c->d);
    return w;
}

void ent_worker_free(ent_worker *w)
{
    if (!w) return;
    ent_actors_free(w->actors);
    free(w->actor_at);
    free(w->cls);
    free(w->vcls);
    free(w->vword);
    ent_symtab_free(&w->classes);
    free(w->ev);
    ent_buf_free(&w->trace);
    free(w);
}

void ent_worker_trace(ent_worker *w, int on) { w->trace_on = on; }
const char *ent_worker_trace_text(const ent_worker *w) { return w->trace.p ? w->trace.p : ""; }

size_t ent_worker_actors(const ent_worker *w, const ent_actor **out)
{
    *out = w->act;
    return w->nact;
}

/* Copies src into dst (n bytes), cut to fit and terminated: event codes are copied for every
 * trigger, and snprintf was a tenth of the coder's time. */
static void set_code(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);
    if (l >= n) l = n - 1;
    memcpy(dst, src, l);
    dst[l] = 0;
}

static void trace(ent_worker *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void trace(ent_worker *w, const char *fmt, ...)
{
    if (!w->trace_on) return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ent_buf_adds(&w->trace, line);
    ent_buf_addc(&w->trace, '\n');
}

/* ---- word classes ---- */


static const char *const preps[] = {
    "a", "au", "aux", "de", "du", "des", "d'", "en", "avec", "pour", "par", "contre", "envers",
    "selon", "chez", "sur", "dans", "vers", "entre", "apres", "avant", "depuis", "pendant",
    "aupres", "sans", "in", "of", "with", "to", "for", "by", "from", "at", "on", "against",
    "toward", "towards", "under", "after", "before", "during", "since", "among", "between",
    "into", "over", "without", "than", NULL};
static const char *const breakers[] = {";", ":", "\xe2\x80\x94", NULL};
static const char *const subordinators[] = {
    "que", "qu'", "qui", "dont", "ou", "lorsque", "lorsqu'", "puisque", "puisqu'", "quand",
    "tandis", "alors", "si", "parce", "afin", "mais", "car", "lequel", "laquelle", "lesquels",
    "that", "which", "who", "whom", "whose", "while", "whereas", "when", "because", "although",
    "though", "if", "whether", "but", "after", "before", "since", "as", "where", "unless", NULL};
static const char *const relatives[] = {"qui", "who", "which", "that", "lequel", "laquelle", NULL};
static const char *const news_sources[] = {"selon", "according", NULL};
static const char *const and_words[] = {"et", "and", ",", "ainsi", NULL};
static const char *const fr_neg_after[] = {"pas", "jamais", "plus", "guere", "point", "aucun",
                                           "aucune", "rien", "nullement", "nulle", NULL};
static const char *const en_neg[] = {"not", "n't", "never", NULL};
static const char *const en_modal_aux[] = {"will", "would", "'ll", "wo", "shall", "may", "might",
                                           "could", "should", "can", "ca", "must", NULL};
/* modals of possibility: not a promise, so no intent code either */
static const char *const possible_words[] = {"may", "might", "could", "should", "can", "ca", "must",
                                             "pouvoir", "devoir", "pourrait", "pourraient", "peut",
                                             "peuvent", "devrait", "devraient", NULL};
/* verbs whose infinitive complement is not (yet) realised */
static const char *const modal_verbs[] = {
    "aller", "devoir", "pouvoir", "prevoir", "compter", "envisager", "souhaiter", "vouloir",
    "esperer", "appreter", "projeter", "tenter", "essayer", "chercher", "proposer", "viser",
    "plan", "expect", "intend", "hope", "want", "seek", "aim", "prepare", "set", "schedule",
    "go", "try", "attempt", "propose", "wish", "consider", "be", "due", NULL};
/* French verbs conjugated with être: "est arrivé" is not a passive */
static const char *const etre_verbs[] = {
    "aller", "venir", "arriver", "partir", "entrer", "sortir", "rester", "tomber", "naitre",
    "mourir", "devenir", "retourner", "revenir", "rentrer", "parvenir", "intervenir", "survenir",
    "passer", "monter", "descendre", "decéder", "deceder", NULL};
/* clitics and adverbs that may sit inside a verb group */
static const char *const group_fillers[] = {
    "ne", "n'", "se", "s'", "le", "la", "les", "l'", "lui", "leur", "y", "en", "me", "m'", "te",
    "t'", "nous", "vous", "pas", "jamais", "plus", "deja", "aussi", "encore", "toujours", "bien",
    "not", "n't", "never", "also", "already", "still", "just", "reportedly", "allegedly",
    "formally", "officially", "jointly", "now", "then", "finally", "recently", "later",
    "mutuellement", "officiellement", "publiquement", "immediatement", "deja", "notamment", NULL};

static const char *const place_preps[] = {"a", "au", "aux", "en", "dans", "in", "at", NULL};
/* words that make an act mutual ("s'accusant mutuellement", "leurs diplomates respectifs");
 * "each other" is two words, tested apart */
/* words that open an insertion between commas (", dont ...,", ", including ...,") */
static const char *const insert_openers[] = {"dont", "notamment", "including", "among", "parmi",
                                             NULL};
static const char *const reciprocals[] = {"mutuellement", "reciproquement", "l'un", "l'autre",
                                          "respectifs", "respectives", NULL};

/* the lists below are tested through classes only (the functions that use them say why) */
static const char *const comma_conjunctions[] = {"and", "et", "but", "mais", "while", "tandis", "puis", NULL};
/* verbs of speech, by their verb lemma (is_speech); speech_after's list is shorter */
static const char *const speech[] = {"say", "tell", "state", "add", "announce", "declare",
    "report", "confirm", "claim", "insist", "stress", "believe", "think", "dire", "declarer",
    "affirmer", "indiquer", "annoncer", "ajouter", "expliquer", "preciser", "souligner",
    "assurer", "estimer", "rapporter", "confirmer", "penser", "croire", NULL};
static const char *const speech_after_verbs[] = {"say", "tell", "state", "add", "announce",
    "declare", "report", "confirm", "claim", "dire", "declarer", "affirmer", "indiquer",
    "annoncer", "ajouter", "expliquer", "preciser", "souligner", "assurer", "estimer",
    "rapporter", "confirmer", NULL};
static const char *const leading_subs[] = {"while", "when", "although", "though", "because",
    "since", "if", "whereas", "once", "lorsque", "lorsqu'", "quand", "puisque", "puisqu'",
    "si", "bien", "alors", "tandis", "comme", NULL};
static const char *const charge_nouns[] = {"charge", "accusation", "allegation", "claim",
                                           "accusations", "allegations", "claims", "charges", NULL};
static const char *const ready[] = {"pret", "prete", "prets", "pretes", "dispose", "disposee",
                                    "disposes", "ready", "willing", "prepared", "eager", "due",
                                    "set", "scheduled", "expected", "likely", "prevu", "prevue",
                                    "cense", "censee", NULL};
/* a stated resolve to use force is a threat: "déterminée à éradiquer", "vowed to crush" */
static const char *const resolve[] = {"determine", "determinee", "determines", "determinees",
                                      "resolu", "resolue", "resolus", "determined", "vow",
                                      "jurer", "swear", NULL};
/* "son invitation à se rendre en Hongrie", "its bid to join": nouns of request, plan, attempt */
static const char *const wish_nouns[] = {"invitation", "appel", "demande", "proposition",
    "offre", "projet", "intention", "volonte", "tentative", "plan", "bid", "attempt",
    "offer", "request", "call", "plans", "proposal", "effort",
    "efforts", "desir", "wish", "objectif", "but", "goal", "aim", NULL};
static const char *const purpose[] = {"pour", "afin", "order", NULL};
static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", NULL};
static const char *const conditional[] = {"if", "si", "unless", "whether", NULL};
/* verbs whose que/that clause is not asserted: denials, accusations, demands (unasserted) */
static const char *const unasserting[] = {"dementir", "nier", "contester", "deny", "dismiss",
    "refute", "accuser", "reprocher", "soupconner", "accuse", "blame", "allege", "suspect",
    "charge", "rumeur", "exiger", "reclamer", "demander", "appeler", "souhaiter", "vouloir",
    "demand", "urge", "ask", "insist", "want", "request", "call", NULL};
static const char *const quantities[] = {
    "thousands", "hundreds", "dozens", "millions", "tens", "scores", "number", "group",
    "milliers", "centaines", "dizaines", "millions", "plusieurs", "nombre", "groupe",
    "majorite", "partie", "some", "many", "all", "most", NULL};
static const char *const subj_pronouns[] = {"il", "elle", "ils", "elles", "it", "they", "he",
                                            "she", NULL};
static const char *const object_relatives[] = {"que", "qu'", "which", "whom", NULL};
/* a clause opened by one of these takes the subject of the clause before */
static const char *const clause_openers[] = {"and", "et", "but", "mais", "or", "ou", "puis",
                                             "then", NULL};
/* verbs that make any event mutual: exchange, swap ("ont échangé des prisonniers") */
static const char *const exchange[] = {"echanger", "exchange", "swap", "trade", NULL};
static const char *const coord[] = {"et", "and", ",", "puis", "then", "mais", "but", NULL};
/* nouns of an accusation that a denial answers */
static const char *const accusations[] = {"accusation", "accusations", "allegation",
    "allegations", "charge", "charges", "claim", "claims", "allegations", "affirmation",
    "affirmations", "propos", "reproche", "reproches", NULL};
/* aircraft: force by them is aerial; not "bomber": a suicide bomber is no aircraft */
static const char *const air[] = {"warplane", "warplanes", "jets", "jet", "drone", "drones",
    "aircraft", "air", "avion", "avions", "aviation", "chasseurs", "bombardiers",
    "helicopteres", "helicopters", NULL};
static const char *const planned[] = {"prochaine", "prochain", "prevue", "prevu", "future",
                                      "upcoming", "planned", "expected", "possible", NULL};
static const char *const of[] = {"de", "du", "des", "d'", "of", NULL};
/* the preposition before the target of a nominal event ("la visite de X en Y") */
static const char *const noun_to[] = {"a", "au", "aux", "en", "avec", "contre", "to", "in", "with",
                                      "against", "on", "at", "vers", "chez", NULL};

/* ---- word classes of the current sentence's tokens ----
 * The lists above are consulted for every token of every clause: each token's classes (of its
 * fold, and of its verb fold) are computed once per sentence (one lookup per symbol) and then
 * tested as bits. */
#define C_AND_WORDS ((wclass)1 << 0)
#define C_BREAKERS ((wclass)1 << 1)
#define C_GROUP_FILLERS ((wclass)1 << 2)
#define C_NEWS_SOURCES ((wclass)1 << 3)
#define C_PREPS ((wclass)1 << 4)
#define C_RELATIVES ((wclass)1 << 5)
#define C_SUBORDINATORS ((wclass)1 << 6)
#define C_PLACE_PREPS ((wclass)1 << 7)
#define C_EN_NEG ((wclass)1 << 8)
#define C_FR_NEG_AFTER ((wclass)1 << 9)
#define C_EN_MODAL_AUX ((wclass)1 << 10)
#define C_POSSIBLE_WORDS ((wclass)1 << 11)
#define C_RECIPROCALS ((wclass)1 << 12)
#define C_COMMA ((wclass)1 << 13)
#define C_INSERT_OPENERS ((wclass)1 << 14)
#define C_COMMA_CONJ ((wclass)1 << 15)
#define C_SPEECH ((wclass)1 << 16)
#define C_SPEECH_AFTER ((wclass)1 << 17)
#define C_LEADING_SUBS ((wclass)1 << 18)
#define C_CHARGE_NOUNS ((wclass)1 << 19)
#define C_READY ((wclass)1 << 20)
#define C_RESOLVE ((wclass)1 << 21)
#define C_WISH_NOUNS ((wclass)1 << 22)
#define C_PURPOSE ((wclass)1 << 23)
#define C_MODAL_VERBS ((wclass)1 << 24)
#define C_WEEKDAYS ((wclass)1 << 25)
#define C_CONDITIONAL ((wclass)1 << 26)
#define C_UNASSERTING ((wclass)1 << 27)
#define C_QUANTITIES ((wclass)1 << 28)
#define C_SUBJ_PRONOUNS ((wclass)1 << 29)
#define C_OBJECT_RELATIVES ((wclass)1 << 30)
#define C_CLAUSE_OPENERS ((wclass)1 << 31)
#define C_EXCHANGE ((wclass)1 << 32)
#define C_ETRE_VERBS ((wclass)1 << 33)
#define C_COORD ((wclass)1 << 34)
#define C_ACCUSATIONS ((wclass)1 << 35)
#define C_AIR ((wclass)1 << 36)
#define C_PLANNED ((wclass)1 << 37)
#define C_OF ((wclass)1 << 38)
#define C_NOUN_TO ((wclass)1 << 39)

static ent_map class_map;
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static void add_class(const char *const *list, wclass bit)
{
    for (int i = 0; list[i]; i++) {
        size_t n = strlen(list[i]);
        uintptr_t v = (uintptr_t)ent_map_get(&class_map, list[i], n);
        ent_map_put(&class_map, list[i], n, (void *)(v | bit));
    }
}

static void build_classes(void)
{
    add_class(and_words, C_AND_WORDS);
    add_class(breakers, C_BREAKERS);
    add_class(group_fillers, C_GROUP_FILLERS);
    add_class(news_sources, C_NEWS_SOURCES);
    add_class(preps, C_PREPS);
    add_class(relatives, C_RELATIVES);
    add_class(subordinators, C_SUBORDINATORS);
    add_class(place_preps, C_PLACE_PREPS);
    add_class(en_neg, C_EN_NEG);
    add_class(fr_neg_after, C_FR_NEG_AFTER);
    add_class(en_modal_aux, C_EN_MODAL_AUX);
    add_class(possible_words, C_POSSIBLE_WORDS);
    add_class(reciprocals, C_RECIPROCALS);
    static const char *const comma[] = {",", NULL};
    add_class(comma, C_COMMA);
    add_class(insert_openers, C_INSERT_OPENERS);
    add_class(comma_conjunctions, C_COMMA_CONJ);
    add_class(speech, C_SPEECH);
    add_class(speech_after_verbs, C_SPEECH_AFTER);
    add_class(leading_subs, C_LEADING_SUBS);
    add_class(charge_nouns, C_CHARGE_NOUNS);
    add_class(ready, C_READY);
    add_class(resolve, C_RESOLVE);
    add_class(wish_nouns, C_WISH_NOUNS);
    add_class(purpose, C_PURPOSE);
    add_class(modal_verbs, C_MODAL_VERBS);
    add_class(weekdays, C_WEEKDAYS);
    add_class(conditional, C_CONDITIONAL);
    add_class(unasserting, C_UNASSERTING);
    add_class(quantities, C_QUANTITIES);
    add_class(subj_pronouns, C_SUBJ_PRONOUNS);
    add_class(object_relatives, C_OBJECT_RELATIVES);
    add_class(clause_openers, C_CLAUSE_OPENERS);
    add_class(exchange, C_EXCHANGE);
    add_class(etre_verbs, C_ETRE_VERBS);
    add_class(coord, C_COORD);
    add_class(accusations, C_ACCUSATIONS);
    add_class(air, C_AIR);
    add_class(planned, C_PLANNED);
    add_class(of, C_OF);
    add_class(noun_to, C_NOUN_TO);
}

static _Thread_local const ent_token *g_tk;
static _Thread_local const int32_t *g_actor_at;
static inline int w_actor_at_global(uint32_t k) { return g_actor_at[k]; }
static _Thread_local const wclass *g_cls, *g_vcls;
static _Thread_local wclass *g_ctab;   /* symbol → classes | CLS_KNOWN (classes_of) */
static _Thread_local uint32_t g_sub_end;   /* comma ending a leading subordinate clause, or 0 */

/* The classes of a string of symbol sym (0: none) from tab, the worker's table by symbol. */
static wclass classes_of(wclass *tab, uint32_t sym, const char *s)
{
    if (!s) return 0;
    if (sym && tab[sym]) return tab[sym] & ~CLS_KNOWN;
    wclass c = (wclass)(uintptr_t)ent_map_get(&class_map, s, strlen(s));
    if (sym) tab[sym] = c | CLS_KNOWN;
    return c;
}

static inline wclass cls_of(const ent_token *t) { return g_cls[t - g_tk]; }
/* the classes of the token's verb fold (its lemma as a verb) */
static inline wclass vcls_of(const ent_token *t) { return g_vcls[t - g_tk]; }

static int is_breaker(const ent_token *t)
{
    return (cls_of(t) & C_BREAKERS) || (t->pos == ENT_POS_SCONJ) || (cls_of(t) & C_SUBORDINATORS);
}

/* ", and" / ", et" / ", mais" open a new clause: "India launched strikes on Pakistan, and
 * Pakistan claimed it shot down five jets". */
static int comma_conj(const ent_token *tk, uint32_t first, uint32_t k)
{
    return k > first && ent_is1(tk[k - 1].fold, ',') && (cls_of(&tk[k]) & C_COMMA_CONJ);
}

static int is_verbish(const ent_token *t)
{
    return t->pos == ENT_POS_VERB || t->pos == ENT_POS_AUX;
}

/* ---- patterns ---- */

/* Does element `el` occur at token j (all the words of one alternative)? Returns the number of
 * tokens matched, 0 if not. */
/* Pattern word ids (ent_dword.elem) of the current sentence's tokens' folds and lemmas: actor
 * recognition's arrays (src/code/actors.h), set by ent_worker_code; per thread. */
static _Thread_local const uint32_t *g_wid, *g_lid;
/* Word numbers of their lemma and verb folds, for the patterns they head (the lemma's from
 * actor recognition, src/code/actors.h). */
static _Thread_local const uint32_t *g_lword, *g_vword;

static uint32_t elem_at(const ent_token *tk, uint32_t j, uint32_t end, const ent_pelem *el)
{
    (void)tk;
    uint32_t w0 = g_wid[j], l0 = g_lid[j];
    if (!w0 && !l0) return 0;   /* no element anywhere uses this word */
    if (!(el->mask & ((1ull << (w0 & 63)) | (1ull << (l0 & 63))))) return 0;
    for (uint16_t a = 0; a < el->nalts; a++) {
        if (el->first[a] != w0 && el->first[a] != l0) continue;
        const ent_palt *alt = &el->alts[a];
        uint32_t k = 1;
        for (; k < alt->nwords && j + k < end; k++)
            if (alt->ids[k] != g_wid[j + k] && alt->ids[k] != g_lid[j + k]) break;
        if (k == alt->nwords) return k;
    }
    return 0;
}

/* "a déclaré trois diplomates, dont deux conseillers de l'ambassade, persona non grata": an
 * insertion between commas opened by dont/notamment/including/among them does not count in
 * the distance from a verb to the rest of its pattern. j: a token; returns j, or the token after
 * the insertion's closing comma when one opens at j (within INSERTION_MAX words). */
static uint32_t past_insertion(uint32_t j, uint32_t end)
{
    /* the word classes of the sentence's tokens say it: no string compared */
    if (!(g_cls[j] & C_COMMA) || j + 2 >= end || !(g_cls[j + 1] & C_INSERT_OPENERS)) return j;
    for (uint32_t k = j + 2; k < end && k < j + 2 + INSERTION_MAX; k++)
        if (g_cls[k] & C_COMMA) return k + 1;
    return j;
}

/* Matches a pattern's elements after token v, up to `end`; sets *last to the last token
 * matched (v when the pattern has none). Returns 1 on a match. */
static int match_elems(const ent_token *tk, uint32_t v, uint32_t end, const ent_pattern *p,
                       uint32_t *last)
{
    uint32_t pos = v + 1;
    *last = v;
    for (uint8_t e = 0; e < p->nelems; e++) {
        int found = 0;
        for (uint32_t j = pos, seen = 0; j < end && seen <= 8; j++, seen++) {
            j = past_insertion(j, end);
            if (j >= end) break;
            uint32_t n = elem_at(tk, j, end, &p->elems[e]);
            if (n) {
                pos = j + n;
                *last = j + n - 1;
                found = 1;
                break;
            }
        }
        if (!found) return 0;
    }
    return 1;
}

static int pronominal_before(const ent_token *tk, uint32_t first, uint32_t v)
{
    for (uint32_t k = v; k > first && v - k < 4; k--) {
        const char *f = tk[k - 1].fold;
        if (!strcmp(f, "se") || !strcmp(f, "s'")) return 1;
        if (!(cls_of(&tk[k - 1]) & C_GROUP_FILLERS) && tk[k - 1].pos != ENT_POS_AUX) return 0;
    }
    return 0;
}

/* Elements of a pattern that are content words, not prepositions or articles. */
static int content_elems(const ent_pattern *p)
{
    static const char *const function_words[] = {"a", "au", "aux", "de", "du", "des", "d'", "en",
        "avec", "contre", "sur", "pour", "par", "dans", "le", "la", "les", "l'", "un", "une", "to",
        "on", "with", "against", "for", "of", "in", "at", "by", "from", "into", "the", "a", "an",
        "que", "qu'", "that", "son", "sa", "ses", "leur", "leurs", "its", "their", "his", "her", NULL};
    int n = 0;
    for (uint8_t e = 0; e < p->nelems; e++)
        n += !ent_word_in(p->elems[e].alts[0].words[0], function_words);
    return n;
}

/* Bits (id & 63) of the words and lemmas of tokens [a, b): an element none of whose
 * alternatives' first words has its bit here cannot be matched there. */
static uint64_t words_mask(uint32_t a, uint32_t b)
{
    uint64_t m = 0;
    for (uint32_t j = a; j < b; j++) m |= (1ull << (g_wid[j] & 63)) | (1ull << (g_lid[j] & 63));
    return m;
}

/* Can the pattern of candidate q match where words_mask gave m? (the elements past
 * CAND_MASKS are read from the pattern) */
static int may_match(const ent_dict *d, const candidate *q, uint64_t m)
{
    uint8_t n = q->nelems;
    if ((n > 0 && !(q->m[0] & m)) || (n > 1 && !(q->m[1] & m)) || (n > 2 && !(q->m[2] & m))) return 0;
    const ent_pattern *p = &d->pats[q->pat];
    for (uint8_t e = CAND_MASKS; e < p->nelems; e++)
        if (!(p->elems[e].mask & m)) return 0;
    return 1;
}

/* Does the word head patterns of this kind? */
static int heads(const ent_coder *c, int kind, uint32_t word)
{
    return c->head[kind][word + 1] > c->head[kind][word];
}

/* The best pattern of the verb (or noun) at v: the first that matches in the order of
 * preference (rank_patterns). */
static const ent_pattern *best_pattern(const ent_coder *c, const ent_token *tk, uint32_t first,
                                       uint32_t v, uint32_t end, int kind, int lang,
                                       uint32_t *last)
{
    const ent_dict *d = c->d;
    uint32_t word = kind == ENT_PAT_VERB ? g_vword[v] : g_lword[v];
    const candidate *q = &c->cand[kind][c->head[kind][word]], *qend = &c->cand[kind][c->head[kind][word + 1]];
    if (q == qend) return NULL;
    int pron = kind == ENT_PAT_VERB && lang == 0 ? pronominal_before(tk, first, v) : 0;
    /* a passive participle: its object nouns stand before it ("des diplomates ont été expulsés") */
    int passive = kind == ENT_PAT_VERB && (tk[v].vform & ENT_VF_PPAS) && v > first &&
                  ((tk[v - 1].pos == ENT_POS_AUX && (!strcmp(tk[v - 1].lemma, "être") ||
                                                     !strcmp(tk[v - 1].lemma, "be"))) ||
                   tk[v - 1].pos == ENT_POS_NOUN || tk[v - 1].pos == ENT_POS_PROPN ||
                   tk[v - 1].pos == ENT_POS_NUM);   /* "ont été expulsés", "chars livrés" */
    uint32_t back = v > first + 8 ? v - 8 : first;   /* its first element within reach of v */
    uint64_t after = words_mask(v + 1, end > v + 1 + c->reach ? v + 1 + c->reach : end);
    uint64_t before = passive ? words_mask(back > 0 ? back - 1 : 0, v) : 0;
    for (; q < qend; q++) {
        if (q->lang != ENT_DLANG_ANY && q->lang != lang) continue;
        if (q->pronominal && !pron) continue;
        int try_after = may_match(d, q, after);
        int try_before = passive && q->nelems && may_match(d, q, before);
        if (!try_after && !try_before) continue;
        const ent_pattern *p = &d->pats[q->pat];
        uint32_t l;
        if (!(try_after && match_elems(tk, v, end, p, &l)) &&
            !(try_before && match_elems(tk, back > 0 ? back - 1 : 0, v, p, &l)))
            continue;
        *last = l < v ? v : l;
        return p;
    }
    *last = v;
    return NULL;
}

/* "supplied by Denmark": "by" within two words after v, followed by an actor. */
static int by_agent(const ent_token *tk, uint32_t v, uint32_t right)
{
    for (uint32_t k = v + 1; k <= v + 2 && k + 1 < right; k++) {
        if (strcmp(tk[k].fold, "by") && strcmp(tk[k].fold, "par")) continue;
        uint32_t j = k + 1;
        if (tk[j].pos == ENT_POS_DET && j + 1 < right) j++;
        return g_actor_at[j] >= 0;
    }
    return 0;
}

/* ---- clause analysis ---- */

/* The verb group before v: auxiliaries, clitics, negation. Fills the clause's flags. */
static void verb_group(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t v, clause *c)
{
    c->first_aux = v;
    for (uint32_t k = v; k > first; k--) {
        const ent_token *t = &tk[k - 1];
        if (t->pos == ENT_POS_AUX) {
            c->first_aux = k - 1;
            const char *l = t->lemma;
            if (!strcmp(l, "être")) c->aux_etre = 1;
            else if (!strcmp(l, "avoir")) c->aux_avoir = 1;
            else if (!strcmp(l, "be")) c->aux_be = 1;
            if ((cls_of(t) & C_EN_MODAL_AUX)) c->modal_aux = 1;
            if ((cls_of(t) & C_POSSIBLE_WORDS)) c->possible = 1;
            if (t->vform & (ENT_VF_FUT | ENT_VF_COND)) c->future = 1;
            if (!strcmp(t->fold, "ete") || !strcmp(t->fold, "been")) c->passive = 2;   /* a été, has been */
            continue;
        }
        if (!strcmp(t->fold, "longer") && k - 1 > first && !strcmp(tk[k - 2].fold, "no")) {
            c->negated = 1;   /* "no longer ships" */
            k--;
            continue;
        }
        if ((cls_of(t) & C_GROUP_FILLERS) || t->pos == ENT_POS_ADV) {
            if ((cls_of(t) & C_EN_NEG)) c->negated = 1;
            if (!strcmp(t->fold, "ne") || !strcmp(t->fold, "n'")) c->negated = 1;
            continue;
        }
        break;
    }
    /* French "pas/jamais/plus" after the verb or its auxiliary, with ne before */
    if (!c->negated && w->lang == 0) {
        for (uint32_t k = c->first_aux; k <= v + 1 && k < c->right; k++)
            if ((cls_of(&tk[k]) & C_FR_NEG_AFTER) && k > c->first_aux) {
                for (uint32_t j = c->first_aux; j > first && c->first_aux - j < 3; j--)
                    if (!strcmp(tk[j - 1].fold, "ne") || !strcmp(tk[j - 1].fold, "n'")) c->negated = 1;
            }
    }
    if (c->first_aux > first && !strcmp(tk[c->first_aux - 1].fold, "sans")) c->negated = 1;
    const ent_token *t = &tk[v];
    c->pronominal = w->lang == 0 && pronominal_before(tk, first, v);
    if (t->vform & (ENT_VF_FUT | ENT_VF_COND) && c->first_aux == v) c->future = 1;
    /* passive: être/be + past participle (not a verb conjugated with être, not pronominal) */
    if ((t->vform & ENT_VF_PPAS) && c->first_aux < v) {
        if (c->aux_be) c->passive = 1;
        if (c->aux_etre && !c->pronominal && (c->passive == 2 || !(vcls_of(t) & C_ETRE_VERBS)))
            c->passive = 1;
    }
    if (c->passive == 2 && !(c->aux_be || c->aux_etre)) c->passive = 0;
    if (c->passive == 2) c->passive = 1;
    c->infinitive = c->first_aux == v && (t->vform & ENT_VF_INF) && !(t->vform & ENT_VF_FINITE && w->lang == 1 &&
                    !(v > first && !strcmp(tk[v - 1].fold, "to")));
    if (c->first_aux < v && tk[c->first_aux].vform == ENT_VF_INF) c->infinitive = 1;   /* d'avoir attaqué */
    if (w->lang == 1 && c->first_aux < v && c->first_aux > first &&
        (!strcmp(tk[c->first_aux].fold, "having") || !strcmp(tk[c->first_aux].fold, "being")) &&
        (!strcmp(tk[c->first_aux - 1].fold, "of") || tk[c->first_aux - 1].pos == ENT_POS_ADP))
        c->infinitive = 1;   /* "accused X of having attacked": a compound gerund complement */
    uint32_t pv = v;   /* the word before the -ing form, adverbs skipped ("of deliberately targeting") */
    while (pv > first + 1 && tk[pv - 1].pos == ENT_POS_ADV) pv--;
    if (w->lang == 1 && (t->vform & ENT_VF_PPRE) && c->first_aux == v && pv > first &&
        (!strcmp(tk[pv - 1].fold, "of") || tk[pv - 1].pos == ENT_POS_ADP ||
         tk[pv - 1].pos == ENT_POS_VERB))
        c->infinitive = 1;   /* "accused X of attacking", "stop deporting": gerund complements */
    uint32_t pw = v;   /* the word before the verb, adverbs skipped ("Spain formally recognized") */
    while (pw > first + 1 && tk[pw - 1].pos == ENT_POS_ADV) pw--;
    c->participle = c->first_aux == v && !c->infinitive && (t->vform & (ENT_VF_PPAS | ENT_VF_PPRE)) &&
                    !(t->vform & ENT_VF_FINITE && w->lang == 1 && pw > first &&
                      (tk[pw - 1].pos == ENT_POS_NOUN || tk[pw - 1].pos == ENT_POS_PROPN ||
                       tk[pw - 1].pos == ENT_POS_PRON));
    if (w->lang == 0 && (t->vform & ENT_VF_FINITE) && c->first_aux == v) c->participle = 0;
    /* "F-16 jets supplied by Denmark": an English -ed form with its agent is a participle */
    if (w->lang == 1 && c->first_aux == v && (t->vform & ENT_VF_PPAS) && by_agent(tk, v, c->right))
        c->participle = 1;
    /* "hélicoptères fournis par la Russie": a form that could be finite, after a noun and before
     * its agent, is a participle */
    if (w->lang == 0 && c->first_aux == v && (t->vform & ENT_VF_PPAS) && pw > first &&
        tk[pw - 1].pos == ENT_POS_NOUN && by_agent(tk, v, c->right))
        c->participle = 1;
}

/* Is the token a verb of speech (by its verb lemma)? */
static int is_speech(const ent_token *t) { return (vcls_of(t) & C_SPEECH) != 0; }

/* Does the sentence open with a non-finite verb (a participle, a gerund) whose clause runs to
 * the comma at `comma`? */
static int leading_nonfinite(const ent_token *tk, uint32_t first, uint32_t comma)
{
    uint32_t k = first;
    while (k < comma && (tk[k].pos == ENT_POS_ADP || tk[k].pos == ENT_POS_ADV || tk[k].pos == ENT_POS_DET))
        k++;   /* "En accusant", "Après avoir" */
    if (k >= comma || !(tk[k].vform & (ENT_VF_PPAS | ENT_VF_PPRE | ENT_VF_INF)) ||
        !(tk[k].pos == ENT_POS_VERB || tk[k].pos == ENT_POS_AUX))
        return 0;
    for (uint32_t j = k + 1; j < comma; j++)
        if (tk[j].pos == ENT_POS_PUNCT && !ent_is1(tk[j].fold, ',')) return 0;
    return 1;
}

/* Does the sentence open with a subordinate clause ("While Turkey would delay, ...", "Lorsque
 * Poutine a rencontré Xi, ...")? Returns the comma that ends it (its verb before that first
 * comma), or 0. */
static uint32_t leading_subordinate(const ent_token *tk, uint32_t first, uint32_t end)
{
    if (first >= end || !(cls_of(&tk[first]) & C_LEADING_SUBS)) return 0;
    int verb = 0;
    for (uint32_t j = first + 1; j < end; j++) {
        if (ent_is1(tk[j].fold, ',')) return verb ? j : 0;
        if (tk[j].pos == ENT_POS_PUNCT) return 0;
        if ((tk[j].pos == ENT_POS_VERB || tk[j].pos == ENT_POS_AUX) && (tk[j].vform & ENT_VF_FINITE))
            verb = 1;
    }
    return 0;
}

/* Tokens from a to b hold a noun of accusation right after a comma: ", a charge X denied". */
static int is_charge_word(const ent_token *a, const ent_token *b)
{
    for (const ent_token *t = a; t < b && t < a + 3; t++)
        if (cls_of(t) & C_CHARGE_NOUNS) return 1;
    return 0;
}

/* ", Japan's Coast Guard and the South Korean military said": an attribution of speech after
 * a comma ends the clause before it. */
static int speech_after(const ent_token *tk, uint32_t k, uint32_t end)
{
    for (uint32_t j = k; j < end && j < k + 10; j++) {
        if (ent_is1(tk[j].fold, ',') || ent_is1(tk[j].fold, '.')) return 0;
        if (is_verbish(&tk[j]) && tk[j].pos != ENT_POS_AUX)
            return (vcls_of(&tk[j]) & C_SPEECH_AFTER) != 0;
    }
    return 0;
}

/* Clause bounds around the verb group [first_aux, v]. */
static void bounds(const ent_token *tk, uint32_t first, uint32_t end, uint32_t v, clause *c)
{
    uint32_t l = c->first_aux;
    uint32_t floor = v > first + REACH ? v - REACH : first;
    uint32_t sub_end = g_sub_end;   /* leading_subordinate(), once per sentence */
    while (l > floor) {
        const ent_token *t = &tk[l - 1];
        if (ent_is1(t->fold, ')')) {   /* a parenthesis is transparent: "(RDC)" */
            uint32_t k = l - 1;
            while (k > floor && !ent_is1(tk[k - 1].fold, '(')) k--;
            if (k > floor) { l = k - 1; continue; }
        }
        if (ent_is1(t->fold, '(')) break;
        if (is_breaker(t) || comma_conj(tk, first, l - 1)) break;
        /* "Qatar said Russia had returned...": reported speech without "that" */
        if (is_verbish(t) && t->pos != ENT_POS_AUX && t->verb_fold && is_speech(t) &&
            l - 1 < c->first_aux && l < c->first_aux) break;
        /* "Condemned by Japan, North Korea fired": a leading participial clause ends at its comma */
        if (ent_is1(t->fold, ',') && l - 1 > first && leading_nonfinite(tk, first, l - 1)) break;
        if (ent_is1(t->fold, ',') && sub_end && l - 1 >= sub_end) break;
        /* ", a charge Zagreb denied", ", an accusation Moscow denied" */
        if (ent_is1(t->fold, ',') && l < c->first_aux && is_charge_word(&tk[l], &tk[c->first_aux])) break;
        /* "X a rencontré Y et a signé": a conjunction before another verb group */
        if ((cls_of(t) & C_AND_WORDS) && l - 1 > first && l < v + 1) {
            uint32_t k = l;
            while (k < v && (cls_of(&tk[k]) & C_GROUP_FILLERS)) k++;
            if (k <= v && is_verbish(&tk[k]) && k == c->first_aux) break;
        }
        l--;
    }
    if (l > first && (cls_of(&tk[l - 1]) & C_RELATIVES)) {
        /* a subject relative ("qui a rencontré") has no actor before its verb; an object
         * relative ("which Iran denied", "que le Rwanda a rejetées") has its own subject */
        int own = 0;
        for (uint32_t k = l; k < c->first_aux && !own; k++) own = w_actor_at_global(k) >= 0;
        c->relative = !own;
    }
    c->left = l;
    uint32_t o = l;
    for (;;) {
        while (o > floor && !is_breaker(&tk[o - 1])) o--;
        /* past a relative clause to its antecedent: "X, qui a rencontré Y, a condamné Z" */
        if (o > floor && (cls_of(&tk[o - 1]) & C_RELATIVES) && o - 1 < l) { o--; continue; }
        break;
    }
    c->outer_left = o;
    uint32_t r = v + 1;
    if (end > v + REACH) end = v + REACH;
    while (r < end) {
        const ent_token *t = &tk[r];
        if (ent_is1(t->fold, '(')) {   /* skip a parenthesis */
            uint32_t k = r + 1;
            while (k < end && !ent_is1(tk[k].fold, ')')) k++;
            if (k < end) { r = k + 1; continue; }
        }
        /* and an insertion: "trois diplomates, dont deux conseillers, persona non grata" */
        if (r > v + 1) {
            uint32_t k = past_insertion(r, end);
            if (k != r) { r = k; continue; }
        }
        if (ent_is1(t->fold, ')')) break;
        if (is_breaker(t) || (cls_of(t) & C_NEWS_SOURCES)) break;
        if (ent_is1(t->fold, ',') && r + 1 < end && comma_conj(tk, first, r + 1)) break;
        if (ent_is1(t->fold, ',') && speech_after(tk, r + 1, end)) break;
        if (r == sub_end) break;
        /* ", poussant dehors l'armée française": a present participle opens its own clause */
        if (ent_is1(t->fold, ',') && r + 1 < end && (tk[r + 1].vform & ENT_VF_PPRE) &&
            !(tk[r + 1].vform & ENT_VF_FINITE) && tk[r + 1].pos == ENT_POS_VERB)
            break;
        if ((ent_is1(t->fold, ',') || (cls_of(t) & C_AND_WORDS)) && r + 1 < end) {
            uint32_t k = r + 1;
            while (k < end && (cls_of(&tk[k]) & C_GROUP_FILLERS)) k++;
            if (k < end && is_verbish(&tk[k]) && tk[k].pos != ENT_POS_AUX ? (tk[k].vform & ENT_VF_FINITE) : (k < end && tk[k].pos == ENT_POS_AUX))
                break;
        }
        r++;
    }
    c->right = r;
}

/* The infinitive at v: is its governing verb a modal ("va signer", "plans to visit"), a
 * trigger of its own ("menace de frapper", "urged Russia to stop"), or a realised decision? */
enum { GOV_NONE, GOV_MODAL, GOV_TRIGGER, GOV_RECENT, GOV_INTENT };

static int governor_at(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t v,
                       uint32_t *gpos, int depth);

static int governor(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t v, uint32_t *gpos)
{
    return governor_at(w, tk, first, v, gpos, 0);
}

static int governor_at(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t v,
                       uint32_t *gpos, int depth)
{
    /* six words back, not counting the words of actors, punctuation, articles and
     * prepositions ("accusé la Corée du Nord d'avoir", "accuse le groupe paramilitaire russe
     * Wagner au Mali, d'avoir pris") */
    for (uint32_t k = v, steps = 0; k > first && steps < 6;
         k--, steps += w->actor_at[k] < 0 && tk[k].pos != ENT_POS_PUNCT && tk[k].pos != ENT_POS_DET &&
                       tk[k].pos != ENT_POS_ADP) {
        const ent_token *t = &tk[k - 1];
        /* "d'avoir livré", "of having sent": the auxiliary of a compound infinitive is not
         * the governor; look further left */
        if (k == v && t->pos == ENT_POS_AUX) continue;
        wclass tc = cls_of(t);
        if (tc & C_READY) { *gpos = k - 1; return GOV_MODAL; }   /* "prêt à négocier" */
        /* "son invitation à se rendre en Hongrie", "its bid to join": a noun of request, plan
         * or attempt governs the infinitive; the act is not done, and the noun says who wants it */
        if (k < v && (t->pos == ENT_POS_NOUN || t->pos == ENT_POS_PROPN) && (tc & C_WISH_NOUNS) &&
            (ent_is1(tk[k].fold, 'a') || !strcmp(tk[k].fold, "de") || !strcmp(tk[k].fold, "d'") ||
             !strcmp(tk[k].fold, "to")) && v - k < 4) {
            *gpos = k - 1;
            return GOV_TRIGGER;
        }
        if ((tc & C_PURPOSE) && v - k < 3) { *gpos = k - 1; return GOV_MODAL; }   /* "pour signer" */
        if ((tc | vcls_of(t)) & C_RESOLVE) {   /* a stated resolve: "déterminée à", "vowed to" */
            *gpos = k - 1;
            return GOV_INTENT;
        }
        if (!is_verbish(t) && (vcls_of(t) & C_MODAL_VERBS) && w->actor_at[k - 1] < 0 &&
            strcmp(t->verb_fold, "be")) {
            *gpos = k - 1;   /* "le président français compte se rendre": compte is the verb */
            return GOV_MODAL;
        }
        if (is_verbish(t)) {
            *gpos = k - 1;
            const char *g = t->verb_fold ? t->verb_fold : t->lemma_fold;
            if (!strcmp(g, "venir") && k < v && !strcmp(tk[k].fold, "de")) return GOV_RECENT;
            wclass gc = t->verb_fold ? vcls_of(t) : classes_of(g_ctab, t->lemma_sym, t->lemma_fold);
            if ((gc & C_MODAL_VERBS) || (tc & C_EN_MODAL_AUX)) return GOV_MODAL;
            uint32_t last;
            const ent_pattern *p = best_pattern(w->c, tk, first, k - 1, v, ENT_PAT_VERB, w->lang, &last);
            if (p && strcmp(p->code, "-")) return GOV_TRIGGER;
            /* the governor is itself a complement ("urged Russia to stop deporting"): climb */
            int nonfinite = (t->vform & (ENT_VF_INF | ENT_VF_PPRE)) && k - 1 > first &&
                            (!strcmp(tk[k - 2].fold, "to") || !strcmp(tk[k - 2].fold, "de") ||
                             !strcmp(tk[k - 2].fold, "d'") || ent_is1(tk[k - 2].fold, 'a'));
            if (nonfinite && depth < 3) {
                uint32_t g2;
                int up = governor_at(w, tk, first, k - 1, &g2, depth + 1);
                if (up != GOV_NONE) { *gpos = g2; return up; }
            }
            return GOV_NONE;
        }
        if (w->actor_at[k - 1] >= 0) continue;   /* "urged Russia to", "appelé Israël à" */
        /* "accuse le groupe Wagner au Mali, d'avoir pris": a comma right before the de/à/to
         * that opens the infinitive */
        if (ent_is1(t->fold, ',') && k < v &&
            (!strcmp(tk[k].fold, "de") || !strcmp(tk[k].fold, "d'") || ent_is1(tk[k].fold, 'a') ||
             !strcmp(tk[k].fold, "to")))
            continue;
        if ((t->flags & ENT_TOK_DATE) || (tc & C_WEEKDAYS)) continue;   /* "on Friday" */
        if (!(cls_of(t) & C_GROUP_FILLERS) && t->pos != ENT_POS_ADP && t->pos != ENT_POS_PART &&
            t->pos != ENT_POS_ADV && t->pos != ENT_POS_DET && strcmp(t->fold, "of") &&
            t->pos != ENT_POS_NOUN && t->pos != ENT_POS_ADJ && t->pos != ENT_POS_NUM &&
            w->actor_at[k - 1] < 0)
            return GOV_NONE;
    }
    return GOV_NONE;
}

/* Is the clause starting at `left` the content of a denial or an accusation ("a démenti
 * que", "denied that", "accused X of")? Such content is not asserted. */
static int unasserted(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t left)
{
    if (left <= first || !((cls_of(&tk[left - 1]) & C_SUBORDINATORS) || !strcmp(tk[left - 1].fold, "that")))
        return 0;
    if (cls_of(&tk[left - 1]) & C_CONDITIONAL) return 1;   /* "... if Russia invades Ukraine" */
    for (uint32_t k = left - 1; k > first && left - 1 - k < 8; k--) {
        const ent_token *t = &tk[k - 1];
        if (t->verb_fold && is_verbish(t)) return (vcls_of(t) & C_UNASSERTING) != 0;
        if (w->actor_at[k - 1] < 0 && t->pos != ENT_POS_ADV && t->pos != ENT_POS_PRON &&
            !(cls_of(t) & C_GROUP_FILLERS) && !ent_is1(t->fold, ','))
            return 0;
    }
    return 0;
}

/* ---- subjects and objects ---- */

static int preceded_by_prep(const ent_token *tk, uint32_t first, uint32_t t0)
{
    if (t0 <= first) return 0;
    const ent_token *p = &tk[t0 - 1];
    if (p->pos == ENT_POS_DET && (ent_is1(p->fold, 'a') || !strcmp(p->fold, "an")))
        return 0;   /* English "a", not French "à" */
    /* "des"/"du" open a clause as articles ("des policiers ont arrêté"), not as "de + le" */
    if ((!strcmp(p->fold, "des") || !strcmp(p->fold, "du")) &&
        (t0 - 1 == first || tk[t0 - 2].pos == ENT_POS_PUNCT || is_verbish(&tk[t0 - 2])))
        return 0;
    if ((!strcmp(p->fold, "of") || !strcmp(p->fold, "de") || !strcmp(p->fold, "d'")) &&
        t0 - 1 > first && ((cls_of(&tk[t0 - 2]) & C_QUANTITIES) || tk[t0 - 2].pos == ENT_POS_NUM))
        return 0;   /* "thousands of Israeli protesters" */
    if ((cls_of(p) & C_PREPS)) return 1;
    if (p->pos == ENT_POS_DET && t0 - 1 > first && (cls_of(&tk[t0 - 2]) & C_PREPS)) return 1;
    return 0;
}

/* Actors coordinated with actor a (going right): "X et Y", "X, Y and Z". */
static int coordinated(ent_worker *w, const ent_token *tk, int a, uint32_t limit, int *out, int max)
{
    int n = 0, had_and = 0;
    out[n++] = a;
    while (n < max && (size_t)(a + 1) < w->nact) {
        const ent_actor *x = &w->act[a], *y = &w->act[a + 1];
        /* "la République démocratique du Congo (RDC) et le Rwanda": the alias in parentheses */
        if (y->tok_start == x->tok_end + 1 && ent_is1(tk[x->tok_end].fold, '(') &&
            y->tok_end < limit && ent_is1(tk[y->tok_end].fold, ')') && (size_t)(a + 2) < w->nact) {
            a++;
            x = &w->act[a];
            y = &w->act[a + 1];
            if (y->tok_start < x->tok_end + 1) break;
            /* compare from the closing parenthesis */
            uint32_t g = x->tok_end + 1;
            int ok = 0, conj = 0;
            if (y->tok_start >= g && y->tok_start - g <= 4) {
                ok = 1;
                for (uint32_t k = g; k < y->tok_start && ok; k++) {
                    if ((cls_of(&tk[k]) & C_AND_WORDS)) conj = 1;
                    else if (tk[k].pos != ENT_POS_DET && strcmp(tk[k].fold, "de") && strcmp(tk[k].fold, "d'") &&
                             strcmp(tk[k].fold, "du") && strcmp(tk[k].fold, "des") && strcmp(tk[k].fold, "of"))
                        ok = 0;
                }
            }
            if (!ok || !conj || y->tok_start >= limit) break;
            out[n++] = ++a;
            continue;
        }
        if (y->tok_start >= limit) break;
        uint32_t g = x->tok_end;
        /* "X et Y", "X, Y", "X et la Y", "X et de la Y", "X, and Y" */
        int ok = 0, conj = 0;
        if (y->tok_start > g && y->tok_start - g <= 4) {
            ok = 1;
            for (uint32_t k = g; k < y->tok_start && ok; k++) {
                /* "Japan and South Korea, North Korea ...": the list ended with "and" */
                if (had_and && ent_is1(tk[k].fold, ',')) ok = 0;
                if (!strcmp(tk[k].fold, "et") || !strcmp(tk[k].fold, "and")) had_and = 1;
                if ((cls_of(&tk[k]) & C_AND_WORDS)) conj = 1;
                else if (tk[k].pos != ENT_POS_DET && strcmp(tk[k].fold, "de") && strcmp(tk[k].fold, "d'") &&
                         strcmp(tk[k].fold, "du") && strcmp(tk[k].fold, "des") && strcmp(tk[k].fold, "of") &&
                         !ent_is1(tk[k].fold, 'a') && strcmp(tk[k].fold, "au") && strcmp(tk[k].fold, "aux") &&
                         strcmp(tk[k].fold, "to") && strcmp(tk[k].fold, "on") && strcmp(tk[k].fold, "with") &&
                         strcmp(tk[k].fold, "avec") && strcmp(tk[k].fold, "contre") && strcmp(tk[k].fold, "against"))
                    ok = 0;
            }
        }
        if (!ok || !conj) break;
        out[n++] = ++a;
    }
    return n;
}

static int subjects(ent_worker *w, const ent_token *tk, uint32_t first, const clause *c, int *out);
static int mutual(const ent_token *tk, uint32_t a, uint32_t b);


/* The subject pronoun of the verb group, if any: the word just before it. */
static int pronoun_before(const ent_token *tk, uint32_t first, const clause *c)
{
    uint32_t k = c->first_aux;
    while (k > first && (!strcmp(tk[k - 1].fold, "ne") || !strcmp(tk[k - 1].fold, "n'") ||
                         !strcmp(tk[k - 1].fold, "se") || !strcmp(tk[k - 1].fold, "s'")))
        k--;
    return k > first && (cls_of(&tk[k - 1]) & C_SUBJ_PRONOUNS) ? (int)(k - 1) : -1;
}

/* "Pakistan claimed it shot down...", "Israel did not seek war but was attacked": the
 * subject of the clause before, when this one has a pronoun or no subject of its own after a
 * conjunction. */
static int previous_subject(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t from,
                            int *out)
{
    for (uint32_t k = from; k > first; k--) {
        const ent_token *t = &tk[k - 1];
        if (!(is_verbish(t) && t->verb_fold)) continue;
        /* ", a déclaré le ministre algérien, Ramdane Lamamra, ...": a speech verb in an incise
         * has its subject after it */
        if (t->pos != ENT_POS_AUX && is_speech(t)) {
            uint32_t g = k - 1;
            while (g > first && tk[g - 1].pos == ENT_POS_AUX) g--;
            if (g > first && ent_is1(tk[g - 1].fold, ',')) {
                for (uint32_t j = k; j < from && j < k + 5; j++) {
                    if (g_actor_at[j] >= 0) {
                        out[0] = g_actor_at[j];
                        return 1;
                    }
                    if (ent_is1(tk[j].fold, ',')) break;
                }
            }
        }
        clause g = {0};
        g.right = from;
        verb_group(w, tk, first, k - 1, &g);
        bounds(tk, first, from, k - 1, &g);
        return subjects(w, tk, first, &g, out);
    }
    return 0;
}

/* "les Forces de soutien rapide (FSR), qu'il qualifie de milice terroriste", "Hamas, which
 * Israel attacked": a clause opened by an object relative pronoun after an actor and a comma
 * acts on that actor. The comma keeps out "a dit à Poutine que ...", where "que" opens what
 * was said. */
static int object_antecedent(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t left,
                             int *out)
{
    if (left < first + 3 || !(cls_of(&tk[left - 1]) & C_OBJECT_RELATIVES)) return 0;
    uint32_t k = left - 1;
    if (!ent_is1(tk[k - 1].fold, ',')) return 0;
    k--;
    if (k > first && ent_is1(tk[k - 1].fold, ')')) k--;   /* "(FSR), qu'il" */
    int a = w->actor_at[k - 1];
    if (a < 0) return 0;
    out[0] = a;
    return 1;
}

static int subjects(ent_worker *w, const ent_token *tk, uint32_t first, const clause *c, int *out)
{
    if (c->passive) {
        /* the patient of a passive may be named in a genitive: "des positions du Hezbollah" */
        for (uint32_t k = c->left; k < c->first_aux; k++) {
            int i = w->actor_at[k];
            if (i < 0 || w->act[i].tok_start != k) continue;
            if (w->act[i].tok_end > c->first_aux) break;
            if (preceded_by_prep(tk, first, k) && !(k > first && (!strcmp(tk[k - 1].fold, "du") ||
                !strcmp(tk[k - 1].fold, "des") || !strcmp(tk[k - 1].fold, "de") ||
                !strcmp(tk[k - 1].fold, "of") || (k > first + 1 && tk[k - 1].pos == ENT_POS_DET &&
                (!strcmp(tk[k - 2].fold, "de") || !strcmp(tk[k - 2].fold, "of"))))))
                continue;
            return coordinated(w, tk, i, c->first_aux, out, MAXSIDE);
        }
    }
    /* a relative "qui"/"who": the actor before it */
    if (c->relative) {
        /* the actor ending right before the pronoun, or before a comma before it */
        for (uint32_t k = c->left - 1; k > first && c->left - 1 - k < 2; k--) {
            int i = w->actor_at[k - 1];
            if (i >= 0) { out[0] = i; return 1; }
            if (!ent_is1(tk[k - 1].fold, ',')) break;
        }
    }
    /* a participle after a comma: the actor before the comma */
    if (c->participle) {
        uint32_t k = c->first_aux;
        while (k > first && (cls_of(&tk[k - 1]) & C_GROUP_FILLERS)) k--;   /* "s'accusant" */
        /* "Moscou a expulsé deux diplomates estoniens, accusant Tallinn": a present participle
         * after a clause shares that clause's subject (not the nearest actor) */
        if ((tk[c->first_aux].vform & ENT_VF_PPRE) && !(tk[c->first_aux].vform & ENT_VF_PPAS) &&
            k > first + 1 && ent_is1(tk[k - 1].fold, ',')) {
            int n = previous_subject(w, tk, first, k - 1, out);
            if (n) return n;
        }
        if (k > first + 1 && ent_is1(tk[k - 1].fold, ',') && w->actor_at[k - 2] >= 0) {
            int a = w->actor_at[k - 2];
            while (a > 0) {   /* back to the first of coordinated actors */
                int got[MAXSIDE];
                if (coordinated(w, tk, a - 1, k, got, MAXSIDE) > 1 && got[1] == a) a--;
                else break;
            }
            return coordinated(w, tk, a, k - 1, out, MAXSIDE);
        }
    }
    int pron = pronoun_before(tk, first, c);
    for (int pass = 0; pass < 2 && pron < 0; pass++) {
        /* the clause, then (past an apposition or a participial phrase between commas) the
         * stretch before it: "Poutine, arrivé mercredi à Pyongyang, a rencontré" */
        uint32_t from = pass ? c->outer_left : c->left;
        if (pass && from == c->left) break;
        for (uint32_t k = from; k < c->first_aux; k++) {
            int i = w->actor_at[k];
            if (i < 0 || w->act[i].tok_start != k) continue;
            const ent_actor *a = &w->act[i];
            if (a->tok_end > c->first_aux) break;
            if (preceded_by_prep(tk, first, a->tok_start)) continue;
            return coordinated(w, tk, i, c->first_aux, out, MAXSIDE);
        }
    }
    /* a pronoun, or a clause opened by a conjunction: the subject of the clause before */
    uint32_t from = pron >= 0 ? (uint32_t)pron : c->left;
    if (pron >= 0 || (c->left > first && (cls_of(&tk[c->left - 1]) & C_CLAUSE_OPENERS)) ||
        (c->left > first && (!strcmp(tk[c->left - 1].fold, "that") || !strcmp(tk[c->left - 1].fold, "que") ||
                             !strcmp(tk[c->left - 1].fold, "qu'")) && pron >= 0))
        return from > first ? previous_subject(w, tk, first, pron >= 0 ? from : from - 1, out) : 0;
    return 0;
}


/* The object actors between from and to; with skip_places, not those after à/en/in/at (the
 * venue of a meeting: "se sont réunis à Luanda"). */
static int objects(ent_worker *w, const ent_token *tk, uint32_t first, uint32_t from, uint32_t to,
                   int *out, int skip_places)
{
    for (uint32_t k = from; k < to; k++) {
        k = past_insertion(k, to);   /* the actors of an insertion are not the verb's */
        if (k >= to) break;
        int i = w->actor_at[k];
        if (i < 0 || w->act[i].tok_start != k) continue;
        const ent_actor *a = &w->act[i];
        if (a->tok_end > to) break;
        if (a->tok_start > first && (cls_of(&tk[a->tok_start - 1]) & C_NEWS_SOURCES)) continue;
        uint32_t pp = a->tok_start > first ? a->tok_start - 1 : first;   /* "à la Maison-Blanche" */
        if (pp > first && tk[pp].pos == ENT_POS_DET) pp--;
        if (skip_places && a->tok_start > first && (cls_of(&tk[pp]) & C_PLACE_PREPS) &&
            (skip_places == 1 || (strlen(a->code) == 3 && !ent_is1(tk[pp].fold, 'a') &&
                                  strcmp(tk[pp].fold, "au") && strcmp(tk[pp].fold, "aux"))))
            continue;
        /* the agent of a participle is no object ("hélicoptères livrés par la Russie"), except
         * for verbal acts, which aim at whoever did what they speak of ("a dénoncé un complot
         * fomenté par Macky Sall", "rejected the sanctions imposed by the U.S.") */
        uint32_t ap = a->tok_start > first ? a->tok_start - 1 : first;
        if (ap > first && tk[ap].pos == ENT_POS_DET) ap--;
        if (skip_places != 2 && a->tok_start > first && (!strcmp(tk[ap].fold, "par") ||
                                                         !strcmp(tk[ap].fold, "by"))) {
            int ag[MAXSIDE];   /* an agent and those coordinated with it are not objects */
            int na = coordinated(w, tk, i, to, ag, MAXSIDE);
            k = w->act[ag[na - 1]].tok_end - 1;
            continue;
        }
        /* "ont arrêté à Moscou un ressortissant américain": past the place to the object */
        if (skip_places != 2 && a->tok_start > first && (cls_of(&tk[a->tok_start - 1]) & C_PLACE_PREPS) &&
            a->capital == 2) {
            for (uint32_t j = a->tok_end; j < to && !ent_is1(tk[j].fold, ','); j++) {
                int b = w->actor_at[j];
                if (b < 0 || w->act[b].tok_start != j) continue;
                uint32_t q = j - 1;
                if (tk[q].pos == ENT_POS_DET && q > first) q--;
                if (!(cls_of(&tk[q]) & (C_PLACE_PREPS | C_PREPS)))
                    return coordinated(w, tk, b, to, out, MAXSIDE);
            }
        }
        return coordinated(w, tk, i, to, out, MAXSIDE);
    }
    return 0;
}

/* The agent of a passive: the actors after par/by in the clause. */
static int agents(ent_worker *w, const ent_token *tk, uint32_t v, uint32_t to, int *out)
{
    for (uint32_t k = v + 1; k < to; k++) {
        if (strcmp(tk[k].fold, "par") && strcmp(tk[k].fold, "by")) continue;
        int i = k + 1 < to ? w->actor_at[k + 1] : -1;
        if (i < 0 && k + 2 < to && tk[k + 1].pos == ENT_POS_DET) i = w->actor_at[k + 2];
        return i >= 0 ? coordinated(w, tk, i, to, out, MAXSIDE) : 0;
    }
    return 0;
}

/* The intent (03x) that a promised or future act of material cooperation, aid or yielding
 * amounts to: "would send tanks" 0332, "ready to release hostages" 0353. NULL if none. */
static const char *intent_code(const char *code)
{
    static const char *const map[][2] = {
        {"06", "031"}, {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"07", "033"}, {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"08", "035"}, {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"},
        {"0841", "0353"}, {"0842", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
        {NULL, NULL}};
    const char *best = NULL;
    size_t bl = 0;
    for (int i = 0; map[i][0]; i++) {
        size_t l = strlen(map[i][0]);
        if (!strncmp(code, map[i][0], l) && l > bl) { best = map[i][1]; bl = l; }
    }
    return best;
}

/* "India and Canada expelled each other's ambassador", "ont expulsé leurs ambassadeurs
 * respectifs": the agent named after the reciprocal is what each side acts on. Sets
 * w->recip_agent ("GOV") from the agents dictionary, or leaves it empty. */
static void reciprocal_agent(ent_worker *w, const ent_token *tk, uint32_t v, uint32_t right)
{
    const ent_dict *d = w->c->d;
    w->recip_agent[0] = 0;
    for (uint32_t k = v + 1; k < right && k < v + 8; k++) {
        int recip = (!strcmp(tk[k].fold, "other") && k > v + 1 && !strcmp(tk[k - 1].fold, "each")) ||
                    !strcmp(tk[k].fold, "respectifs") || !strcmp(tk[k].fold, "respectives") ||
                    !strcmp(tk[k].fold, "respective");
        if (!recip) continue;
        /* the agent noun: after "each other('s)", before "respectifs" */
        uint32_t lo = k > v + 3 ? k - 3 : v + 1, hi = k + 4 < right ? k + 4 : right;
        for (uint32_t j = lo; j < hi; j++) {
            const char *f = tk[j].lemma_fold ? tk[j].lemma_fold : tk[j].fold;
            uint32_t node = ent_dict_child(d, 0, f, strlen(f));
            if (!node) node = ent_dict_child(d, 0, tk[j].fold, strlen(tk[j].fold));
            if (!node) continue;
            for (uint32_t t = d->node_terms[node]; t != UINT32_MAX; t = d->terms[t].next) {
                const ent_dentry *e = &d->entries[d->terms[t].entry];
                if (e->kind == ENT_K_AGENT && e->code[0] == '~') {
                    set_code(w->recip_agent, sizeof w->recip_agent, e->code + 1);
                    trace(w, "    reciprocal: each side's %s", w->recip_agent);
                    return;
                }
            }
        }
        return;
    }
}

/* ---- events ---- */

/* Codes that are mutual by nature: meet, negotiate, sign, cooperate militarily. */
static int symmetric(const char *code)
{
    return !strcmp(code, "040") || !strcmp(code, "041") || !strcmp(code, "046") ||
           !strcmp(code, "057") || !strcmp(code, "062");
}


static int mutual(const ent_token *tk, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k + 1 < b; k++) {
        if (cls_of(&tk[k]) & C_RECIPROCALS) return 1;
        if (tk[k].fold[0] == 'e' && !strcmp(tk[k].fold, "each") && !strcmp(tk[k + 1].fold, "other")) return 1;
    }
    return 0;
}

static void add_event(ent_worker *w, const ent_token *tk, size_t sent, int s, int t,
                      const char *code, uint32_t v, uint32_t pat, int nominal)
{
    const ent_actor *a = &w->act[s], *b0 = &w->act[t];
    ent_actor place;
    const ent_actor *b = b0;
    int visit = !strcmp(code, "042") || !strcmp(code, "036");
    if (w->recip_agent[0] && strlen(b0->code) == 3) {
        place = *b0;   /* "each other's ambassador": the other's government */
        snprintf(place.code, sizeof place.code, "%.3s%s", b0->code, w->recip_agent);
        b = &place;
    } else if (b0->capital == 1 && visit) {
        place = *b0;   /* "visit Washington": a destination, the country (devset rules) */
        place.code[3] = 0;
        b = &place;
    } else if (b0->capital == 2 && (code[0] == '0' ? code[1] <= '2' : (code[1] >= '0' && code[1] <= '3'))) {
        place = *b0;   /* "demandé à Budapest de ...": the capital addressed is its government */
        snprintf(place.code, sizeof place.code, "%.3sGOV", b0->code);
        b = &place;
    }
    if (!strcmp(a->code, b->code)) {
        trace(w, "    %s -> %s: same actor on both sides, no event", a->code, b->code);
        return;
    }
    /* a country's own organ acting on the country itself ("Alger ... l'Algérie"), or a country
     * cooperating with its own government ("la Hongrie ... son homologue hongrois"): one actor.
     * Protest and force between a people and its government stay (EGY -> EGYGOV 141). */
    int coop_code = code[0] == '0' && code[1] >= '1' && code[1] <= '8';
    int state_organ = strlen(a->code) > 3 && (!strcmp(a->code + 3, "GOV") || !strcmp(a->code + 3, "LEG") ||
                                             !strcmp(a->code + 3, "JUD"));
    if (!strncmp(a->code, b->code, 3) && strncmp(a->code, "IGO", 3) &&
        ((strlen(b->code) == 3 && state_organ) ||
         (coop_code && (strlen(a->code) == 3 || strlen(b->code) == 3)))) {
        trace(w, "    %s -> %s: an organ of a country acting on that country, no event", a->code, b->code);
        return;
    }
    for (size_t i = 0; i < w->nev; i++)
        if (!strcmp(w->ev[i].source, a->code) && !strcmp(w->ev[i].target, b->code) &&
            !strcmp(w->ev[i].code, code))
            return;   /* one event per (source, target, code) */
    if (w->nev == w->capev) {
        w->capev = w->capev ? w->capev * 2 : 16;
        w->ev = ent_xrealloc(w->ev, w->capev * sizeof *w->ev);
    }
    ent_event *e = &w->ev[w->nev++];
    memset(e, 0, sizeof *e);
    memcpy(e->source, a->code, sizeof e->source);
    memcpy(e->target, b->code, sizeof e->target);
    set_code(e->code, sizeof e->code, code);
    memcpy(e->root, code, 2);
    const ent_cameo *cm = ent_cameo_find(code);
    e->goldstein = cm ? cm->goldstein : 0.0;
    e->quad = ent_cameo_quad(code);
    e->nominal = nominal;
    e->sent = (uint32_t)sent;
    e->src_start = a->start, e->src_end = a->end;
    e->tgt_start = b->start, e->tgt_end = b->end;
    e->trig_start = tk[v].start, e->trig_end = tk[v].end;
    for (uint32_t k = 0; k < a->nentries; k++) e->entries[e->nentries++] = a->entries[k];
    for (uint32_t k = 0; k < b->nentries; k++) e->entries[e->nentries++] = b->entries[k];
    e->pattern = pat;
    trace(w, "    EVENT %s -> %s %s (%s)", a->code, b->code, code, cm ? cm->label : "?");
}

static void emit(ent_worker *w, const ent_token *tk, size_t sent, const int *src, int ns,
                 const int *tgt, int nt, const char *code, uint32_t v, uint32_t pat, int both,
                 int nominal)
{
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            add_event(w, tk, sent, src[i], tgt[j], code, v, pat, nominal);
            if (both) add_event(w, tk, sent, tgt[j], src[i], code, v, pat, nominal);
        }
}

static const char *side_codes(ent_worker *w, const int *x, int n, char *buf, size_t cap)
{
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(buf);
        snprintf(buf + l, cap - l, "%s%s", i ? "+" : "", w->act[x[i]].code);
    }
    return n ? buf : "(none)";
}

/* One verb trigger at v with pattern p (matched up to token `last`). */
static void code_verb(ent_worker *w, const ent_token *tk, size_t sent, uint32_t first,
                      uint32_t end, uint32_t v)
{
    const ent_dict *d = w->c->d;
    char origin[600], sbuf[200], tbuf[200];
    clause c = {0};
    c.right = end;
    verb_group(w, tk, first, v, &c);
    bounds(tk, first, end, v, &c);
    /* the pattern's elements are looked for in the verb's clause, and in its complement after
     * que/that ("demanded that Serbia release": demand + release) */
    uint32_t reach = c.right;
    if (reach < end && (!strcmp(tk[reach].fold, "that") || !strcmp(tk[reach].fold, "que") ||
                        !strcmp(tk[reach].fold, "qu'"))) {
        clause nc = {0};
        nc.right = end;
        uint32_t k = reach + 1;   /* the complement's verb ("that Azerbaijan release": a subjunctive) */
        while (k < end && !(is_verbish(&tk[k]) || (tk[k].verb_fold && g_actor_at[k] < 0 &&
                                                   k > reach + 1 && g_actor_at[k - 1] >= 0)))
            k++;
        if (k < end) {
            verb_group(w, tk, first, k, &nc);
            bounds(tk, first, end, k, &nc);
            reach = nc.right;
        }
    }
    uint32_t last;
    const ent_pattern *p = best_pattern(w->c, tk, first, v, reach, ENT_PAT_VERB, w->lang, &last);
    if (!p) return;
    uint32_t complement_subject = c.right;   /* where a que/that complement starts, if any */
    if (w->trace_on) ent_dict_pattern_origin(d, p, origin, sizeof origin);
    trace(w, "  trigger '%s' (%s) pattern %s => %s; clause [%u,%u)%s%s%s%s%s%s%s",
          tk[v].surface, tk[v].verb_fold, origin, p->code, c.left - first, c.right - first,
          c.passive ? " passive" : "", c.negated ? " negated" : "", c.future ? " future" : "",
          c.modal_aux ? " modal" : "", c.infinitive ? " infinitive" : "",
          c.participle ? " participle" : "", c.relative ? " relative" : "");
    if (!strcmp(p->code, "-")) {
        trace(w, "    no event: the pattern says this use is no event");
        return;
    }
    if (unasserted(w, tk, first, c.left)) {
        trace(w, "    no event: the content of a denial or an accusation is not asserted");
        return;
    }
    char code[8];
    set_code(code, sizeof code, p->code);
    int modal = c.future || c.modal_aux;
    int sym = symmetric(code);   /* a planned meeting stays mutual: 040 → 036 both ways */
    int src[MAXSIDE], tgt[MAXSIDE], ns = 0, nt = 0;
    uint32_t gpos = v;
    if (c.infinitive) {
        int g = governor(w, tk, first, v, &gpos);
        if (g == GOV_TRIGGER) {
            trace(w, "    no event: infinitive governed by another trigger or a noun of request, which codes it");
            return;
        }
        if (g == GOV_MODAL) {
            modal = 1;
            const ent_token *gt = &tk[gpos];
            if ((cls_of(gt) | vcls_of(gt)) & C_POSSIBLE_WORDS)
                c.possible = 1;
        }
        if (g == GOV_INTENT) {
            int r = (code[0] - '0') * 10 + (code[1] - '0');
            if (r >= 18) {
                set_code(code, sizeof code, "138");
                trace(w, "    a stated resolve to use force: coded 138 (threaten with military force)");
            } else {
                modal = 1;
            }
        }
        /* the infinitive's subject is its governor's */
        clause gc = {0};
        gc.right = end;
        verb_group(w, tk, first, gpos, &gc);
        bounds(tk, first, end, gpos, &gc);
        if (g != GOV_NONE || gpos != v) {
            ns = subjects(w, tk, first, &gc, src);
            if (gc.future || gc.modal_aux) modal = 1;
            if (gc.negated) c.negated = 1;
        }
    }
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (c.negated && root != 12 && strcmp(code, "016")) {
        trace(w, "    no event: negated");
        return;
    }
    if (modal) {
        const char *intent = c.possible ? NULL : intent_code(code);
        if (root == 4) {
            set_code(code, sizeof code, "036");
            trace(w, "    future or planned meeting: coded 036 (intent to meet)");
        } else if (intent) {
            trace(w, "    future or promised %s: coded %s (intent)", code, intent);
            set_code(code, sizeof code, intent);
        } else if (root != 3) {
            trace(w, "    no event: future, planned or possible, not realised");
            return;
        }
    }
    if (!ns) ns = subjects(w, tk, first, &c, src);
    int adjectival = w->lang == 1 && v > first && c.first_aux == v && (tk[v - 1].pos == ENT_POS_DET ||
                     tk[v - 1].pos == ENT_POS_ADJ || tk[v - 1].pos == ENT_POS_NUM);
    int by_next = w->lang == 1 && by_agent(tk, v, c.right);
    if (!c.passive && c.participle && (tk[v].vform & ENT_VF_PPAS) &&
        (adjectival || by_next || !(tk[v].vform & ENT_VF_FINITE && w->lang == 1 && v > first &&
                                    tk[v - 1].pos != ENT_POS_PUNCT))) {
        int ag[MAXSIDE];
        int intransitive = w->lang == 0 && ((vcls_of(&tk[v]) & C_ETRE_VERBS) || c.pronominal);
        if (!intransitive && !agents(w, tk, v, c.right, ag) && v > first && tk[v - 1].pos != ENT_POS_PUNCT) {
            /* "un ressortissant japonais arrêté en Chine", "journalists detained in Ukraine":
             * a passive participle with no agent says nothing of who did it */
            trace(w, "    no event: passive participle without an agent");
            return;
        }
        if (agents(w, tk, v, c.right, ag)) {
            c.passive = 1;   /* "Accusé par Paris de ..., Moscou a démenti": the agent acts */
            if (!ns) {
                for (uint32_t k = v + 1; k < end && k < v + REACH; k++) {
                    if (!ent_is1(tk[k].fold, ',')) continue;
                    uint32_t j = k + 1;
                    while (j < end && (tk[j].pos == ENT_POS_DET || tk[j].pos == ENT_POS_ADV)) j++;
                    if (j < end && w->actor_at[j] >= 0) { ns = coordinated(w, tk, w->actor_at[j], end, src, MAXSIDE); break; }
                }
            }
        }
    }
    if (c.passive) {
        /* the subject is acted on; the agent after par/by acts */
        int ag[MAXSIDE];
        int na = agents(w, tk, v, c.right, ag);
        if (!na) {
            trace(w, "    no event: passive without an agent");
            return;
        }
        memcpy(tgt, src, sizeof(int) * (size_t)ns);
        nt = ns;
        memcpy(src, ag, sizeof(int) * (size_t)na);
        ns = na;
        if (!nt) {   /* "sanctions were imposed on Iran by ...": the target after the verb */
            int tmp[MAXSIDE];
            int n2 = objects(w, tk, first, v + 1, c.right, tmp, 0);
            for (int i = 0; i < n2; i++) {
                int agent = 0;
                for (int j = 0; j < ns; j++) agent |= tmp[i] == src[j];
                if (!agent && nt < MAXSIDE) tgt[nt++] = tmp[i];
            }
        }
        if (w->trace_on)
            trace(w, "    passive: agent %s acts on %s", side_codes(w, src, ns, sbuf, sizeof sbuf),
                  side_codes(w, tgt, nt, tbuf, sizeof tbuf));
    } else {
        uint32_t from = v + 1;
        /* a pattern ending with a preposition: its target follows it */
        if (last > v && last + 1 < c.right && (tk[last].pos == ENT_POS_ADP || (cls_of(&tk[last]) & C_PREPS))) {
            /* only when an actor follows it: "appeler la Russie à attaquer" keeps la Russie */
            uint32_t k = last + 1;
            if (k + 1 < c.right && tk[k].pos == ENT_POS_DET) k++;
            if (w->actor_at[k] >= 0) from = last + 1;
        }
        static const char *const venue_codes[] = {"040", "041", "044", "045", "046", "036",
                                                  "057", "062", NULL};
        int venue = from == v + 1 && (ent_word_in(p->code, venue_codes) || (p->code[0] == '1' && p->code[1] == '4'));
        int verbal = p->code[0] == '0' ? p->code[1] <= '2' : (p->code[1] >= '0' && p->code[1] <= '3');
        if (verbal && from == v + 1) venue = 2;   /* "condemned the hostage-taking in Ukraine" */
        nt = objects(w, tk, first, from, c.right, tgt, venue);
        if (!nt && from != v + 1) nt = objects(w, tk, first, v + 1, c.right, tgt, 0);
        if (!nt && reach > c.right && complement_subject < end) {
            /* "demanded that Serbia release ...": the one asked is the complement's subject */
            nt = objects(w, tk, first, complement_subject + 1, reach, tgt, 0);
            if (nt) nt = 1;
        }
        if (!nt && (nt = object_antecedent(w, tk, first, c.left, tgt)))
            trace(w, "    object: the antecedent of the object relative");
    }
    if (!ns && (c.infinitive || c.participle)) {
        /* "En plus d'avoir rappelé son ambassadeur, l'Algérie a ...", "Accusing X, Y said":
         * a leading non-finite clause takes the subject of the main clause after it */
        for (uint32_t k = v + 1; k < end && k < v + REACH; k++) {
            if ((tk[k].vform & ENT_VF_FINITE) && is_verbish(&tk[k])) break;   /* the main verb */
            if (!ent_is1(tk[k].fold, ',')) continue;
            uint32_t j = k + 1;
            while (j < end && (tk[j].pos == ENT_POS_DET || tk[j].pos == ENT_POS_ADV)) j++;
            if (j < end && w->actor_at[j] >= 0) {
                ns = coordinated(w, tk, w->actor_at[j], end, src, MAXSIDE);
                trace(w, "    subject of the main clause after the non-finite clause");
                break;
            }
        }
    }
    if (!ns && w->nlast_subj && c.left > first && (cls_of(&tk[c.left - 1]) & C_COORD)) {
        ns = w->nlast_subj;   /* "X a rencontré Y et a signé...": the same subject */
        memcpy(src, w->last_subj, sizeof(int) * (size_t)ns);
        trace(w, "    subject shared with the previous verb");
    }
    if (w->trace_on)
        trace(w, "    subject %s, object %s", side_codes(w, src, ns, sbuf, sizeof sbuf),
              side_codes(w, tgt, nt, tbuf, sizeof tbuf));
    if (!strcmp(code, "016")) {
        /* a denial answers an accuser: the subject of an accusation before it in the sentence
         * ("..., which Iran denied"), or an accuser named with the accusation ("les accusations
         * de Kinshasa", "Kyiv's allegations"); a denial with no accuser named is no event */
        int accuser = 0;
        for (uint32_t k = v + 1; k < c.right && !accuser; k++) accuser = (cls_of(&tk[k]) & C_ACCUSATIONS) != 0;
        if (w->nlast_subj && !strncmp(w->last_code, "11", 2)) {
            nt = w->nlast_subj;
            memcpy(tgt, w->last_subj, sizeof(int) * (size_t)nt);
            trace(w, "    a denial answers the accusation before it");
        } else if (!accuser) {
            trace(w, "    no event: a denial with no accuser named");
            return;
        }
    }
    if (!nt && ns && w->nlast_obj && c.participle && (tk[v].vform & ENT_VF_PPRE) &&
        !(tk[v].vform & ENT_VF_PPAS) && v > first && ent_is1(tk[c.first_aux - 1].fold, ',') &&
        w->nlast_subj == ns && !memcmp(w->last_subj, src, sizeof(int) * (size_t)ns)) {
        /* "a lancé un avertissement à l'Iran, menaçant d'une action militaire": a present
         * participle after the clause, with no object of its own, acts on that clause's object */
        nt = w->nlast_obj;
        memcpy(tgt, w->last_obj, sizeof(int) * (size_t)nt);
        trace(w, "    object shared with the clause before the participle");
    }
    if (ns) {
        w->nlast_obj = nt;
        if (nt) memcpy(w->last_obj, tgt, sizeof(int) * (size_t)nt);
        w->nlast_subj = ns;
        memcpy(w->last_subj, src, sizeof(int) * (size_t)ns);
        set_code(w->last_code, sizeof w->last_code, code);
    }
    int both = sym || mutual(tk, c.left, c.right) || (vcls_of(&tk[v]) & C_EXCHANGE);
    if (!strcmp(code, "190") && ns) {
        /* "Israeli warplanes struck": force by aircraft is aerial (195, devset rules) */
        const ent_actor *a = &w->act[src[0]];
        for (uint32_t k = a->tok_start; k < v && k < a->tok_start + 12; k++) {   /* "U.S. and British warplanes" */
            int bomber = (!strcmp(tk[k].fold, "bomber") || !strcmp(tk[k].fold, "bombers")) &&
                         !(k > first && !strcmp(tk[k - 1].fold, "suicide"));
            if ((cls_of(&tk[k]) & C_AIR) || bomber) { set_code(code, sizeof code, "195"); break; }
        }
    }
    int coop = code[0] == '0' && code[1] >= '3' && code[1] <= '8';
    if (ns > 1 && nt && sym) {
        /* "X et Y ont signé un accord sous l'égide de Z": the mutual act is between X and Y;
         * Z only when it is with them ("avec Z", "with Z") */
        uint32_t t0 = w->act[tgt[0]].tok_start;
        int with = t0 > first && (!strcmp(tk[t0 - 1].fold, "avec") || !strcmp(tk[t0 - 1].fold, "with") ||
                                  (t0 > first + 1 && tk[t0 - 1].pos == ENT_POS_DET &&
                                   (!strcmp(tk[t0 - 2].fold, "avec") || !strcmp(tk[t0 - 2].fold, "with"))));
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) add_event(w, tk, sent, src[i], src[j], code, v, (uint32_t)(p - d->pats), 0);
        if (!with) {
            trace(w, "    coordinated subjects of a mutual act: each with each");
            return;
        }
    }
    if (!nt && ns > 1 && (both || coop || (c.passive && sym))) {
        /* "X et Y ont signé un accord": each with each */
        reciprocal_agent(w, tk, v, c.right);
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) add_event(w, tk, sent, src[i], src[j], code, v, (uint32_t)(p - d->pats), 0);
        w->recip_agent[0] = 0;
        trace(w, "    coordinated subjects and no object: each with each");
        return;
    }
    if (!ns || !nt) {
        trace(w, "    no event: %s", !ns ? "no subject actor" : "no object actor");
        return;
    }
    emit(w, tk, sent, src, ns, tgt, nt, code, v, (uint32_t)(p - d->pats), both, 0);
}

/* A noun trigger: "la visite de X à Y", "the visit of X to Y". */
static void code_noun(ent_worker *w, const ent_token *tk, size_t sent, uint32_t first,
                      uint32_t end, uint32_t v, const ent_pattern *p)
{
    if (!strcmp(p->code, "-")) return;
    uint32_t k = v + 1;
    int planned_here = v > first && (cls_of(&tk[v - 1]) & C_PLANNED);
    while (k < end && (tk[k].pos == ENT_POS_ADJ || (cls_of(&tk[k]) & C_PLANNED))) {
        if (cls_of(&tk[k]) & C_PLANNED) planned_here = 1;
        k++;
    }
    if (k >= end || !(cls_of(&tk[k]) & C_OF)) return;
    k++;
    int s = k < end ? w->actor_at[k] : -1;
    if (s < 0 && k + 1 < end && tk[k].pos == ENT_POS_DET) s = w->actor_at[k + 1];
    if (s < 0) return;
    uint32_t j = w->act[s].tok_end;
    if (j >= end || !(cls_of(&tk[j]) & C_NOUN_TO)) return;
    int t = j + 1 < end ? w->actor_at[j + 1] : -1;
    if (t < 0 && j + 2 < end && tk[j + 1].pos == ENT_POS_DET) t = w->actor_at[j + 2];
    if (t < 0) return;
    char code[8];
    set_code(code, sizeof code, p->code);
    if (planned_here) {
        if (code[0] == '0' && code[1] == '4') set_code(code, sizeof code, "036");
        else return;
    }
    trace(w, "  noun trigger '%s' => %s: %s of %s to %s", tk[v].surface, code, tk[v].lemma,
          w->act[s].code, w->act[t].code);
    int both = symmetric(code);
    int src[1] = {s}, tgt[1] = {t};
    emit(w, tk, sent, src, 1, tgt, 1, code, v, (uint32_t)(p - w->c->d->pats), both, 1);
}

/* The classes (C_*) of a token's folded string s, of symbol sym (looked up once per symbol;
 * each time for a string without one: an analysis without lemmas). */

/* "a lancé un avertissement à l'Iran (130), menaçant d'une action militaire (138)": when one
 * pair gets both a root's general code and a more specific code of that root in a sentence,
 * the specific code says it all; the general one is dropped. */
static int generic_of(const char *gen, const char *spec)
{
    size_t lg = strlen(gen);
    if (strncmp(gen, spec, 2) || !strcmp(gen, spec)) return 0;
    if (lg == 2) return 1;                              /* "13" against "138" */
    return lg == 3 && gen[2] == '0' && spec[2] != '0';   /* "130" against "138", "1383" */
}

static void drop_generic(ent_worker *w)
{
    size_t n = 0;
    for (size_t i = 0; i < w->nev; i++) {
        int drop = 0;
        for (size_t j = 0; j < w->nev && !drop; j++)
            drop = j != i && !strcmp(w->ev[i].source, w->ev[j].source) &&
                   !strcmp(w->ev[i].target, w->ev[j].target) && generic_of(w->ev[i].code, w->ev[j].code);
        if (drop) trace(w, "  %s -> %s %s dropped: a more specific code of its root is coded",
                        w->ev[i].source, w->ev[i].target, w->ev[i].code);
        else w->ev[n++] = w->ev[i];
    }
    w->nev = n;
}

size_t ent_worker_code(ent_worker *w, const ent_analysis *a, size_t sent, const char *date,
                       const ent_event **out)
{
    ent_buf_clear(&w->trace);
    w->nev = 0;
    w->nlast_subj = 0;
    w->nlast_obj = 0;
    w->last_code[0] = 0;
    *out = NULL;
    const ent_sentence *s = ent_analysis_sentence(a, sent);
    if (!s) return 0;
    const ent_token *tk = ent_analysis_tokens(a);
    uint32_t first = s->first_token, end = first + s->n_tokens;
    w->lang = !strcmp(ent_analysis_lang(a), "en");
    w->nact = ent_actors_find(w->actors, a, sent, date, &w->act);
    if (w->nact < 2 && !w->trace_on) {
        *out = w->ev;
        return 0;   /* no event without two actors */
    }
    if (w->capat < end) {
        w->capat = end;
        w->actor_at = ent_xrealloc(w->actor_at, w->capat * sizeof *w->actor_at);
        w->vword = ent_xrealloc(w->vword, w->capat * sizeof *w->vword);
        w->cls = ent_xrealloc(w->cls, w->capat * sizeof *w->cls);
        w->vcls = ent_xrealloc(w->vcls, w->capat * sizeof *w->vcls);
    }
    pthread_once(&class_once, build_classes);
    wclass *tab = ent_symtab_sync(&w->classes, ent_analysis_epoch(a), ent_analysis_symbol_bound(a),
                                  sizeof *tab);
    /* the words' numbers: those actor recognition looked up for this sentence */
    const uint32_t *lw = ent_actors_lemma_words(w->actors);
    const uint32_t *fe = ent_actors_fold_elems(w->actors), *le = ent_actors_lemma_elems(w->actors);
    for (uint32_t i = first; i < end; i++) {
        w->actor_at[i] = -1;
        w->cls[i] = classes_of(tab, tk[i].fold_sym, tk[i].fold);
        w->vcls[i] = classes_of(tab, tk[i].verb_sym, tk[i].verb_fold);
        w->vword[i] = ent_actors_word(w->actors, tk[i].verb_sym, tk[i].verb_fold);
        /* a "que" the tagger read as coordinating ("une aide ainsi que des marchandises",
         * src/text/text.c) opens no subordinate clause */
        if ((w->cls[i] & C_SUBORDINATORS) && tk[i].pos == ENT_POS_CCONJ && !strcmp(tk[i].fold, "que"))
            w->cls[i] = (w->cls[i] & ~C_SUBORDINATORS) | C_AND_WORDS;
    }
    g_wid = fe;
    g_lid = le;
    g_lword = lw;
    g_vword = w->vword;
    g_tk = tk;
    g_cls = w->cls;
    g_vcls = w->vcls;
    g_ctab = tab;
    g_actor_at = w->actor_at;
    g_sub_end = leading_subordinate(tk, first, end);
    for (size_t i = 0; i < w->nact; i++)
        for (uint32_t k = w->act[i].tok_start; k < w->act[i].tok_end; k++) w->actor_at[k] = (int32_t)i;
    if (w->trace_on) {
        trace(w, "sentence %zu: %zu actors", sent, w->nact);
        for (size_t i = 0; i < w->nact; i++) {
            char words[300] = "";
            for (uint32_t k = w->act[i].tok_start; k < w->act[i].tok_end; k++) {
                size_t l = strlen(words);
                snprintf(words + l, sizeof words - l, "%s%s", k > w->act[i].tok_start ? " " : "",
                         tk[k].surface);
            }
            trace(w, "  actor %s '%s'", w->act[i].code, words);
        }
    }
    if (w->nact < 2) {
        trace(w, "  fewer than two actors: no event possible");
        *out = w->ev;
        return 0;
    }
    for (uint32_t v = first; v < end; v++) {
        const ent_token *t = &tk[v];
        if (w->actor_at[v] >= 0) continue;
        uint32_t last;
        int main_aux = 0;
        if (t->pos == ENT_POS_AUX && t->verb_fold) {
            /* "a eu un entretien", "ont eu des discussions": avoir used as a verb */
            uint32_t k = v + 1;
            while (k < end && ((cls_of(&tk[k]) & C_GROUP_FILLERS) || tk[k].pos == ENT_POS_ADV)) k++;
            main_aux = !(k < end && (tk[k].pos == ENT_POS_VERB || tk[k].pos == ENT_POS_AUX ||
                                     (tk[k].vform & (ENT_VF_PPAS | ENT_VF_INF))));
        }
        int before_agent = (t->vform & ENT_VF_PPAS) && v + 1 < end &&
                           (!strcmp(tk[v + 1].fold, "par") || !strcmp(tk[v + 1].fold, "by"));
        if (t->verb_fold && (t->pos == ENT_POS_VERB || main_aux ||
                             ((t->pos == ENT_POS_ADJ || t->pos == ENT_POS_NOUN) && (t->vform & ENT_VF_PPAS) &&
                              ((v > first && tk[v - 1].pos == ENT_POS_AUX) || before_agent)))) {
            if (heads(w->c, ENT_PAT_VERB, w->vword[v])) code_verb(w, tk, sent, first, end, v);
        } else if (t->pos == ENT_POS_NOUN && t->lemma_fold) {
            const ent_pattern *p = best_pattern(w->c, tk, first, v, end, ENT_PAT_NOUN, w->lang, &last);
            if (p) code_noun(w, tk, sent, first, end, v, p);
        }
    }
    drop_generic(w);
    *out = w->ev;
    return w->nev;
}

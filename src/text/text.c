/* text.c: the text analyser (ent_text) and one document's analysis (ent_analysis): language,
 * sentences (segment.c), tokens (tokenize.c), and for each token its folded form, lemma and
 * part of speech (lexicon.c), chosen in context by a few local rules. First stage of the
 * pipeline in ../shared/DESIGN.md: read → segment → tokenize/normalise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"
#include "entente.h"
#include "langid.h"
#include "lexicon.h"
#include "segment.h"
#include "tokenize.h"
#include "utf8.h"

#define LEXICON_MAX_WORDS 400000

struct ent_text {
    ent_segmenter *seg;
    ent_lexicon *lex;
    ent_langid *lid;
    int no_lemmas;
};

struct ent_analysis {
    char lang[8];
    ent_span *spans;
    size_t nspans, capspans;
    ent_sentence *sents;
    size_t capsents;
    ent_rawtoks raw;
    ent_token *toks;
    size_t ntoks, captoks;
    const ent_lexentry **ents;   /* lexicon entry of each token */
    size_t capents;
    uint64_t epoch;              /* the lexicon's numbering of symbols (0: no lemmas) */
    uint32_t symbol_bound;
    ent_arena arena;
};

static void set_err(ent_error *err, ent_status code, const char *msg)
{
    if (!err) return;
    err->code = code;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

ent_text *ent_text_new(const ent_text_options *opt, ent_error *err)
{
    ent_text_options none = {0};
    if (!opt) opt = &none;
    char msg[512] = "";
    ent_text *t = ent_xcalloc(1, sizeof *t);
    t->no_lemmas = opt->no_lemmas;
    t->seg = ent_segmenter_new(msg, sizeof msg);
    if (t->seg && !t->no_lemmas) t->lex = ent_lexicon_new(opt->hunspell_dir, opt->wordnet_dir, msg, sizeof msg);
    if (t->seg && (t->lex || t->no_lemmas)) t->lid = ent_langid_new(opt->textcat_dir, msg, sizeof msg);
    if (!t->seg || (!t->lex && !t->no_lemmas) || !t->lid) {
        set_err(err, ENT_ERR_FATAL, msg);
        ent_text_free(t);
        return NULL;
    }
    return t;
}

void ent_text_free(ent_text *t)
{
    if (!t) return;
    ent_segmenter_free(t->seg);
    ent_lexicon_free(t->lex);
    ent_langid_free(t->lid);
    free(t);
}

const char *ent_text_langid(ent_text *t, const char *text, size_t len)
{
    return ent_langid_guess(t->lid, text, len);
}

ent_analysis *ent_analysis_new(void) { return ent_xcalloc(1, sizeof(ent_analysis)); }

void ent_analysis_free(ent_analysis *a)
{
    if (!a) return;
    free(a->spans);
    free(a->sents);
    free(a->raw.v);
    free(a->toks);
    free(a->ents);
    ent_arena_free(&a->arena);
    free(a);
}

const char *ent_analysis_lang(const ent_analysis *a) { return a->lang; }
size_t ent_analysis_sentence_count(const ent_analysis *a) { return a->nspans; }
const ent_sentence *ent_analysis_sentence(const ent_analysis *a, size_t i)
{
    return i < a->nspans ? &a->sents[i] : NULL;
}
size_t ent_analysis_token_count(const ent_analysis *a) { return a->ntoks; }
const ent_token *ent_analysis_tokens(const ent_analysis *a) { return a->toks; }
uint64_t ent_analysis_epoch(const ent_analysis *a) { return a->epoch; }
uint32_t ent_analysis_symbol_bound(const ent_analysis *a) { return a->symbol_bound; }

static const char *const pos_names[ENT_POS_COUNT] = {
    "X", "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "DET", "PRON", "ADP", "CCONJ", "SCONJ",
    "PART", "NUM", "PUNCT", "SYM"
};

const char *ent_pos_name(ent_pos p) { return (unsigned)p < ENT_POS_COUNT ? pos_names[p] : "X"; }

/* ---- parts of speech in context ---- */

static int is_punct_token(const char *s, size_t n, int *sym)
{
    size_t l;
    *sym = 0;
    unsigned char c0 = (unsigned char)s[0];
    if ((unsigned)((c0 | 32) - 'a') < 26u || (unsigned)(c0 - '0') < 10u) return 0;   /* most words */
    for (size_t i = 0; i < n; i += l) {
        int32_t c = ent_utf8_decode((const unsigned char *)s + i, n - i, &l);
        if (ent_uc_is_letter(c) || ent_uc_is_digit(c)) return 0;
        if (c == '%' || c == '$' || c == 0x20AC || c == 0xA3 || c == '&' || c == '+' ||
            c == '=' || c == '#' || c == '@' || c == 0xB0 || c == 0x2030)
            *sym = 1;
    }
    return 1;
}

static int prev_is(const ent_token *t, size_t i, size_t first, unsigned posbits)
{
    return i > first && (posbits & (1u << t[i - 1].pos));
}

#define B(p) (1u << (p))

/* Is the word before token i one of `words`? */
static int fold_is(const ent_token *tk, size_t i, size_t first, const char *const *words)
{
    return i > first && ent_word_in(tk[i - 1].fold, words);
}

/* Parts of speech after which a following word that can be a verb is one. */
#define VERB_CUES (B(ENT_POS_PRON) | B(ENT_POS_AUX))
/* Parts of speech that, right after a word, show it was a verb with its object. */
#define OBJECT_CUES (B(ENT_POS_DET) | B(ENT_POS_PRON) | B(ENT_POS_ADP) | B(ENT_POS_PROPN) | \
                     B(ENT_POS_ADV) | B(ENT_POS_NUM) | B(ENT_POS_SCONJ))

static void to_verb(ent_token *t, const ent_lexentry *e)
{
    t->pos = ENT_POS_VERB;
    t->lemma = e->vlemma;
}

static void to_noun(ent_token *t, const ent_lexentry *e)
{
    t->pos = (e->posmask & B(ENT_POS_NOUN)) ? ENT_POS_NOUN : ENT_POS_ADJ;
    t->lemma = e->nlemma;
}

/* French adjectives that stand before their noun */
static const char *const fr_prenominal[] = {"nouveau", "nouvel", "nouvelle", "nouveaux",
    "nouvelles", "premier", "premiere", "premiers", "premieres", "dernier", "derniere",
    "derniers", "dernieres", "grand", "grande", "grands", "grandes", "petit", "petite",
    "petits", "petites", "autre", "autres", "plusieurs", "nombreux", "nombreuses", "vives",
    "vive", "vif", "vifs", "lourdes", "lourde", "lourd", "lourds", "violentes", "violents",
    "meme", "memes", "seul", "seule", "seuls", "seules", "prochain", "prochaine", "prochains",
    "prochaines", "multiples", "importantes", "importants", NULL};

/* French: a noun/verb homograph (signe, rencontre, menace) is a verb after a subject
 * pronoun or, after a noun, when an object or adverb follows; a verb form is a noun after an
 * article or preposition; a noun after a noun is an adjective when it can be one. */
static void choose_fr(ent_token *tk, size_t i, size_t first, const ent_lexentry *e, int next)
{
    ent_token *t = &tk[i];
    unsigned m = e->posmask;
    int finite = (e->vform & ENT_VF_FINITE) != 0;
    int nounish = (m & (B(ENT_POS_NOUN) | B(ENT_POS_ADJ))) && e->nlemma;
    /* "il le rencontre", "ne les soutient": le/la/les between a subject and a verb */
    int object_clitic = i >= first + 2 && tk[i - 1].pos == ENT_POS_DET &&
                        !strcmp(tk[i - 1].lemma, "le") &&
                        (tk[i - 2].pos == ENT_POS_PRON || !strcmp(tk[i - 2].lemma, "ne"));
    if (object_clitic && (m & B(ENT_POS_VERB)) && e->vlemma) {
        to_verb(t, e);
    } else if (nounish && i >= first + 2 &&
               (tk[i - 2].pos == ENT_POS_DET || tk[i - 2].pos == ENT_POS_ADP) &&
               (tk[i - 1].pos == ENT_POS_ADJ || tk[i - 1].pos == ENT_POS_NOUN ||
                tk[i - 1].pos == ENT_POS_DET) &&
               fold_is(tk, i, first, fr_prenominal)) {
        to_noun(t, e);   /* "de nouvelles attaques", "les premières frappes" */
    } else if (t->pos != ENT_POS_VERB && (m & B(ENT_POS_VERB)) && e->vlemma &&
        (prev_is(tk, i, first, VERB_CUES) ||
         (prev_is(tk, i, first, B(ENT_POS_NOUN) | B(ENT_POS_PROPN)) && (B(next) & OBJECT_CUES)) ||
         /* "ce que le Kremlin dément.": a finite verb closing a clause after a name */
         (finite && prev_is(tk, i, first, B(ENT_POS_PROPN)) && next == ENT_POS_PUNCT) ||
         /* "le chancelier allemand estime que": a finite verb before "que" after its subject */
         (finite && next == ENT_POS_SCONJ &&
          (prev_is(tk, i, first, B(ENT_POS_PROPN)) ||
           (prev_is(tk, i, first, B(ENT_POS_ADJ)) && i >= first + 2 && tk[i - 2].pos == ENT_POS_NOUN))) ||
         (finite && prev_is(tk, i, first, B(ENT_POS_PUNCT)) &&
          (B(next) & (B(ENT_POS_DET) | B(ENT_POS_PROPN)))))) {
        to_verb(t, e);   /* « … », lance le député */
    } else if (t->pos == ENT_POS_VERB && nounish && prev_is(tk, i, first, B(ENT_POS_DET))) {
        to_noun(t, e);   /* l'armée, la prise, une menace, le dirigeant */

    } else if (t->pos == ENT_POS_VERB && nounish && finite && !(e->vform & ENT_VF_PPAS) &&
               prev_is(tk, i, first, B(ENT_POS_ADP))) {
        to_noun(t, e);
    } else if (t->pos == ENT_POS_NOUN && (m & B(ENT_POS_ADJ)) &&
               prev_is(tk, i, first, B(ENT_POS_NOUN) | B(ENT_POS_PROPN))) {
        t->pos = ENT_POS_ADJ;
    }
}

/* After a singular noun, a present-tense verb takes -s: "force bombs", not "air force". Does
 * token i (after a noun) agree with it as a verb? */
static int agrees(const ent_token *tk, size_t i, const ent_lexentry *e, const char *const *same_past)
{
    const char *prev = tk[i - 1].fold;
    size_t pn = strlen(prev);
    return !e->vlemma || strcmp(tk[i].fold, e->vlemma) != 0 || (pn && prev[pn - 1] == 's') ||
           ent_word_in(tk[i].fold, same_past);
}

/* English: a word that can be a verb is one after a subject pronoun, an auxiliary, "to",
 * "not", or a noun when it is a third-person or past form or an object follows; a verb form
 * after an article or adjective is a noun. */
static void choose_en(ent_token *tk, size_t i, size_t first, const ent_lexentry *e, int next)
{
    static const char *const cues[] = {"to", "not", "n't", "never", "also", "jointly", NULL};
    /* past tenses identical to the base form */
    static const char *const same_past[] = {"cut", "put", "hit", "set", "let", "spread", "shut",
                                            "cost", "quit", "hurt", "bid", "cast", "burst", "beat",
                                            "read", NULL};
    ent_token *t = &tk[i];
    unsigned m = e->posmask;
    unsigned after = OBJECT_CUES | B(ENT_POS_NOUN) | B(ENT_POS_PART) | B(ENT_POS_ADJ);
    /* "suspended climate talks": a noun after a verb's object noun is not a verb */
    int object_np = i >= first + 2 && (tk[i - 1].pos == ENT_POS_NOUN || tk[i - 1].pos == ENT_POS_PROPN) &&
                    (tk[i - 2].pos == ENT_POS_VERB || tk[i - 2].pos == ENT_POS_ADP ||
                     tk[i - 2].pos == ENT_POS_NUM);   /* "of artillery shells" */
    if (t->pos != ENT_POS_VERB && (m & B(ENT_POS_VERB)) && e->vlemma &&
        (prev_is(tk, i, first, VERB_CUES) || fold_is(tk, i, first, cues) ||
         (prev_is(tk, i, first, B(ENT_POS_NOUN) | B(ENT_POS_PROPN)) && !object_np && (B(next) & after) &&
          agrees(tk, i, e, same_past)) ||
         (prev_is(tk, i, first, B(ENT_POS_CCONJ) | B(ENT_POS_ADV)) && (B(next) & after)))) {
        to_verb(t, e);
    } else if (t->pos == ENT_POS_VERB && (m & B(ENT_POS_NOUN)) && e->nlemma &&
               prev_is(tk, i, first, B(ENT_POS_DET) | B(ENT_POS_ADJ))) {
        to_noun(t, e);
    }
}

static void choose(ent_token *tk, size_t i, size_t first, size_t end, const ent_lexentry *e,
                   int lang, int next)
{
    ent_token *t = &tk[i];
    t->pos = e->pos;
    t->lemma = e->lemma;
    /* "US", "IL" in capitals among ordinary words: a name, not "us" or "il" */
    if (e->closed && (t->flags & ENT_TOK_ALLCAPS) &&
        !(i > first && (tk[i - 1].flags & ENT_TOK_ALLCAPS)) &&
        !(i + 1 < end && (tk[i + 1].flags & ENT_TOK_ALLCAPS))) {
        t->pos = ENT_POS_PROPN;
        t->lemma = t->surface;
        return;
    }
    if (!e->closed && (t->flags & (ENT_TOK_CAP | ENT_TOK_ALLCAPS)) && !(t->flags & ENT_TOK_CLITIC)) {
        int first_word = i == first || (i == first + 1 && tk[first].pos == ENT_POS_PUNCT);
        if (!first_word || !e->lower_ok || (t->flags & ENT_TOK_ALLCAPS)) {
            t->pos = ENT_POS_PROPN;
            t->lemma = t->surface;
            return;
        }
    }
    if (e->closed) {
        /* "une aide ainsi que des marchandises": "ainsi que" coordinates */
        if (lang == 0 && t->pos == ENT_POS_SCONJ && i > first && !strcmp(t->fold, "que") &&
            !strcmp(tk[i - 1].fold, "ainsi"))
            t->pos = ENT_POS_CCONJ;
        return;
    }
    if (lang == 0) choose_fr(tk, i, first, e, next);
    else choose_en(tk, i, first, e, next);
}

/* The lexicon entry of a raw token: numbers and punctuation get plain entries. */
static const ent_lexentry *entry_of(ent_text *t, const char *text, const ent_rawtok *r, int lang)
{
    const char *s = text + r->start;
    size_t n = r->end - r->start;
    int sym;
    if (r->flags & ENT_TOK_NUMBER) return ent_lexicon_plain(t->lex, s, n, ENT_POS_NUM);
    if (is_punct_token(s, n, &sym))
        return ent_lexicon_plain(t->lex, s, n, sym ? ENT_POS_SYM : ENT_POS_PUNCT);
    return ent_lexicon_get(t->lex, lang, s, n);
}

/* Context-free part of speech of a token (capitalised words inside a sentence are names). */
static int plain_pos(const ent_rawtok *r, const ent_lexentry *e)
{
    if ((r->flags & ENT_TOK_CAP) && !(r->flags & ENT_TOK_FIRST) && !e->closed) return ENT_POS_PROPN;
    return e->pos;
}

/* Fills the tokens of one sentence [first, end): entries first, then choices in context. */
static void fill_sentence(ent_text *t, ent_analysis *a, const char *text, size_t first,
                          size_t end, int lang)
{
    if (a->capents < end) {
        a->capents = a->captoks;
        a->ents = ent_xrealloc(a->ents, a->capents * sizeof *a->ents);
    }
    for (size_t i = first; i < end; i++) {
        const ent_rawtok *r = &a->raw.v[i];
        ent_token *tk = &a->toks[i];
        memset(tk, 0, sizeof *tk);
        tk->start = r->start;
        tk->end = r->end;
        tk->flags = r->flags;
        tk->surface = ent_arena_strndup(&a->arena, text + r->start, r->end - r->start);
        if (!t->lex) {   /* no lemmas asked for */
            tk->fold = tk->lemma = tk->lemma_fold = tk->surface;
            continue;
        }
        a->ents[i] = entry_of(t, text, r, lang);
        tk->fold = a->ents[i]->fold;
        tk->fold_sym = a->ents[i]->fsym;
        tk->posmask = a->ents[i]->posmask;
    }
    if (!t->lex) return;
    for (size_t i = first; i < end; i++) {
        int next = i + 1 < end ? plain_pos(&a->raw.v[i + 1], a->ents[i + 1]) : ENT_POS_PUNCT;
        const ent_lexentry *e = a->ents[i];
        ent_token *tk = &a->toks[i];
        choose(a->toks, i, first, end, e, lang, next);
        if (tk->lemma == e->vlemma && e->vfold) {
            tk->lemma_fold = e->vfold;
            tk->lemma_sym = e->vsym;
        } else if (tk->lemma == e->nlemma && e->nfold) {
            tk->lemma_fold = e->nfold;
            tk->lemma_sym = e->nsym;
        } else if (tk->lemma == e->lemma) {
            tk->lemma_fold = e->lfold;
            tk->lemma_sym = e->lsym;
        } else {
            tk->lemma_fold = tk->fold;
            tk->lemma_sym = tk->fold_sym;
        }
        if (e->vlemma) {
            tk->verb_fold = e->vfold ? e->vfold : e->lfold;
            tk->verb_sym = e->vfold ? e->vsym : e->lsym;
        }
        tk->vform = e->vform;
    }
}

ent_status ent_text_analyse(ent_text *t, const char *text, size_t len, const char *lang,
                            ent_analysis *a, ent_error *err)
{
    if (len > UINT32_MAX) {
        set_err(err, ENT_ERR_INPUT, "document larger than 4 GiB");
        return ENT_ERR_INPUT;
    }
    if (ent_utf8_check(text, len) != len) {
        set_err(err, ENT_ERR_INPUT, "text is not valid UTF-8 (or holds a NUL byte)");
        return ENT_ERR_INPUT;
    }
    if (t->lex) ent_lexicon_trim(t->lex, LEXICON_MAX_WORDS);
    a->epoch = 0;
    a->symbol_bound = 0;
    ent_arena_reset(&a->arena);
    if (!lang || !*lang) lang = ent_langid_guess(t->lid, text, len);
    snprintf(a->lang, sizeof a->lang, "%s", lang);
    int lg = strcmp(a->lang, "en") == 0 ? ENT_LANG_EN : ENT_LANG_FR;

    a->nspans = ent_segment(t->seg, text, len, a->lang, &a->spans, &a->capspans);
    if (a->capsents < a->nspans) {
        a->capsents = a->nspans;
        a->sents = ent_xrealloc(a->sents, a->capsents * sizeof *a->sents);
    }
    a->raw.n = 0;
    for (size_t s = 0; s < a->nspans; s++) {
        size_t before = a->raw.n;
        ent_tokenize(text, a->spans[s].start, a->spans[s].end, lg, &a->raw);
        a->sents[s] = (ent_sentence){a->spans[s].start, a->spans[s].end, (uint32_t)before,
                                     (uint32_t)(a->raw.n - before)};
    }
    if (a->captoks < a->raw.n) {
        a->captoks = a->raw.n;
        a->toks = ent_xrealloc(a->toks, a->captoks * sizeof *a->toks);
    }
    a->ntoks = a->raw.n;
    for (size_t s = 0; s < a->nspans; s++) {
        size_t first = a->sents[s].first_token;
        fill_sentence(t, a, text, first, first + a->sents[s].n_tokens, lg);
    }
    if (t->lex) {
        a->epoch = ent_lexicon_epoch(t->lex);
        a->symbol_bound = ent_lexicon_symbol_bound(t->lex);
    }
    return ENT_OK;
}

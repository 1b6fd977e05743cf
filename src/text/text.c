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

static void choose(ent_token *tk, size_t i, size_t first, const ent_lexentry *e, int lang)
{
    ent_token *t = &tk[i];
    t->pos = e->pos;
    t->lemma = e->lemma;
    unsigned m = e->posmask;
    if (!e->closed && (t->flags & (ENT_TOK_CAP | ENT_TOK_ALLCAPS)) && !(t->flags & ENT_TOK_CLITIC)) {
        int first_word = (t->flags & ENT_TOK_FIRST) || (i > first && tk[i - 1].pos == ENT_POS_PUNCT &&
                                                        i - 1 == first);
        if (!first_word || !e->known || (t->flags & ENT_TOK_ALLCAPS)) {
            t->pos = ENT_POS_PROPN;
            t->lemma = t->surface;
            return;
        }
    }
    if (e->closed) return;
    if (lang == 0) {
        if ((m & B(ENT_POS_VERB)) && t->pos != ENT_POS_VERB &&
            prev_is(tk, i, first, B(ENT_POS_PRON) | B(ENT_POS_AUX)) && e->vlemma) {
            t->pos = ENT_POS_VERB;
            t->lemma = e->vlemma;
        } else if (t->pos == ENT_POS_VERB && (m & (B(ENT_POS_NOUN) | B(ENT_POS_ADJ))) &&
                   e->nlemma && prev_is(tk, i, first, B(ENT_POS_DET) | B(ENT_POS_ADP)) &&
                   !(e->vform & ENT_VF_PPAS)) {
            t->pos = (m & B(ENT_POS_NOUN)) ? ENT_POS_NOUN : ENT_POS_ADJ;
            t->lemma = e->nlemma;
        } else if (t->pos == ENT_POS_NOUN && (m & B(ENT_POS_ADJ)) &&
                   prev_is(tk, i, first, B(ENT_POS_NOUN) | B(ENT_POS_PROPN))) {
            t->pos = ENT_POS_ADJ;
        }
        return;
    }
    if ((m & B(ENT_POS_VERB)) && t->pos != ENT_POS_VERB && e->vlemma &&
        (prev_is(tk, i, first, B(ENT_POS_PRON) | B(ENT_POS_AUX)) ||
         (i > first && strcmp(tk[i - 1].fold, "to") == 0))) {
        t->pos = ENT_POS_VERB;
        t->lemma = e->vlemma;
    } else if (t->pos == ENT_POS_VERB && (m & B(ENT_POS_NOUN)) && e->nlemma &&
               prev_is(tk, i, first, B(ENT_POS_DET) | B(ENT_POS_ADJ))) {
        t->pos = ENT_POS_NOUN;
        t->lemma = e->nlemma;
    }
}

static void fill_token(ent_text *t, ent_analysis *a, const char *text, const ent_rawtok *r,
                       size_t i, size_t first, int lang)
{
    ent_token *tk = &a->toks[i];
    size_t n = r->end - r->start;
    const char *s = text + r->start;
    memset(tk, 0, sizeof *tk);
    tk->start = r->start;
    tk->end = r->end;
    tk->flags = r->flags;
    tk->surface = ent_arena_strndup(&a->arena, s, n);
    int sym;
    const ent_lexentry *e;
    if (r->flags & ENT_TOK_NUMBER) {
        e = t->lex ? ent_lexicon_plain(t->lex, s, n, ENT_POS_NUM) : NULL;
    } else if (is_punct_token(s, n, &sym)) {
        e = t->lex ? ent_lexicon_plain(t->lex, s, n, sym ? ENT_POS_SYM : ENT_POS_PUNCT) : NULL;
    } else {
        e = t->lex ? ent_lexicon_get(t->lex, lang, s, n) : NULL;
    }
    if (!e) {   /* no lemmas asked for */
        tk->fold = tk->lemma = tk->surface;
        return;
    }
    tk->fold = e->fold;
    tk->posmask = e->posmask;
    choose(a->toks, i, first, e, lang);
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
        for (size_t i = first; i < first + a->sents[s].n_tokens; i++)
            fill_token(t, a, text, &a->raw.v[i], i, first, lg);
    }
    return ENT_OK;
}

/* lexicon.h: what a word can be: its folded form, lemmas and parts of speech, from our
 * closed-class tables, Hunspell's morphology and WordNet's exception lists, cached so that
 * each distinct word is analysed once. */
#ifndef ENT_LEXICON_H
#define ENT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "entente.h"   /* ENT_VF_*: verb forms, from Hunspell's po: tags and English endings */

typedef struct ent_lexentry {
    const char *fold;
    const char *lemma;    /* lemma for the default part of speech */
    const char *vlemma;   /* lemma as a verb, or NULL */
    const char *nlemma;   /* lemma as a noun or adjective, or NULL */
    const char *lfold, *vfold, *nfold;   /* the three lemmas folded (or NULL) */
    uint32_t fsym, lsym, vsym, nsym;     /* the symbols of fold, lfold, vfold, nfold (0: NULL) */
    uint32_t posmask;     /* 1u << ent_pos for each possible part of speech */
    uint8_t pos;          /* default part of speech, context-free */
    uint8_t vform;        /* ENT_VF_* bits */
    uint8_t closed;       /* 1 when from a closed-class table */
    uint8_t known;        /* 1 when some lexicon knows the word */
    uint8_t lower_ok;     /* 1 when the lowercase form is a word (not only a proper name) */
} ent_lexentry;

typedef struct ent_lexicon ent_lexicon;

ent_lexicon *ent_lexicon_new(const char *hunspell_dir, const char *wordnet_dir, char *msg,
                             size_t msgn);
void ent_lexicon_free(ent_lexicon *x);

/* Looks up a word (n bytes) in language lang (0 fr, 1 en). The entry lives as long as the
 * lexicon, or until ent_lexicon_trim() drops the cache. */
const ent_lexentry *ent_lexicon_get(ent_lexicon *x, int lang, const char *w, size_t n);
/* Entry for a token that is not a word (punctuation, number, symbol): fold and lemma are the
 * surface. */
const ent_lexentry *ent_lexicon_plain(ent_lexicon *x, const char *w, size_t n, int pos);
/* Drops the cache when it holds more than `max` words (call between documents). */
void ent_lexicon_trim(ent_lexicon *x, size_t max);
size_t ent_lexicon_size(const ent_lexicon *x);
/* Folded strings (fold and the lemma folds) are interned: one pointer and one symbol, a small
 * number from 1, per string, so that later stages can keep what they learn about a word in an
 * array. The numbering lasts until ent_lexicon_trim() drops the cache; the epoch, unique in the
 * process, names it. Symbols are below ent_lexicon_symbol_bound(). */
uint64_t ent_lexicon_epoch(const ent_lexicon *x);
uint32_t ent_lexicon_symbol_bound(const ent_lexicon *x);

#endif

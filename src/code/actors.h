/* actors.h: what the coder takes from actor recognition beyond include/entente.h: the word
 * numbers (ent_dict_word) it found for a sentence's tokens, so that the coder does not look the
 * same words up again. */
#ifndef ENT_ACTORS_H
#define ENT_ACTORS_H

#include <stdint.h>

#include "entente.h"

/* Word numbers of each token's lemma fold in the sentence last given to ent_actors_find,
 * indexed like the analysis' tokens; valid until the next call. */
const uint32_t *ent_actors_lemma_words(const ent_actors *r);
/* The ids of each token's fold and lemma fold among the words of pattern elements
 * (ent_dword.elem), indexed and valid the same way. */
const uint32_t *ent_actors_fold_elems(const ent_actors *r);
const uint32_t *ent_actors_lemma_elems(const ent_actors *r);
/* The word number of a folded string s of symbol sym (ent_token.*_sym) of the analysis last
 * given to ent_actors_find, through the same table of symbols. */
uint32_t ent_actors_word(ent_actors *r, uint32_t sym, const char *s);

#endif

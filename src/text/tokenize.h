/* tokenize.h: splits a sentence into tokens (spans and flags) by the rules of docs/text.md. */
#ifndef ENT_TOKENIZE_H
#define ENT_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

typedef struct ent_rawtok {
    uint32_t start, end;
    uint16_t flags;   /* ENT_TOK_* */
} ent_rawtok;

typedef struct ent_rawtoks {
    ent_rawtok *v;
    size_t n, cap;
} ent_rawtoks;

enum { ENT_LANG_FR = 0, ENT_LANG_EN = 1 };

/* Appends the tokens of text[start, end) to toks. `lang` is ENT_LANG_FR or ENT_LANG_EN. */
void ent_tokenize(const char *text, size_t start, size_t end, int lang, ent_rawtoks *toks);

#endif

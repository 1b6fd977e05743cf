/* fold.h: the folded form of a word: lowercase, no accents, ' for ’, oe/ae for œ/æ. */
#ifndef ENT_FOLD_H
#define ENT_FOLD_H

#include <stddef.h>

#include "../util/util.h"

/* Appends the folded form of s (n bytes of valid UTF-8) to out (NUL-terminated). */
void ent_fold(const char *s, size_t n, ent_buf *out);

#endif

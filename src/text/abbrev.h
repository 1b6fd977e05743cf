/* abbrev.h: the abbreviations that keep their full stop, for the segmenter and tokeniser. */
#ifndef ENT_ABBREV_H
#define ENT_ABBREV_H

#include <stddef.h>

enum { ENT_ABBR_NONE = 0, ENT_ABBR_TITLE = 1, ENT_ABBR_OTHER = 2 };

/* Classifies `word` (n bytes, ending with its full stop): a title (never ends a sentence),
 * another known abbreviation (ends one only before a sentence opener), or none. Initials
 * ("J.", "W.") and dotted acronyms ("U.S.", "J.-Y.") count as OTHER and TITLE respectively
 * as the rules in docs/text.md say. */
int ent_abbrev_class(const char *word, size_t n);
/* 1 if `word` (n bytes) commonly opens a sentence ("The", "Il", "Le"...). */
int ent_sentence_opener(const char *word, size_t n);

#endif

/* langid.h: language identification of a document (libexttextcat, with a function-word vote
 * for short texts). */
#ifndef ENT_LANGID_H
#define ENT_LANGID_H

#include <stddef.h>

typedef struct ent_langid ent_langid;

ent_langid *ent_langid_new(const char *textcat_dir, char *msg, size_t msgn);
void ent_langid_free(ent_langid *l);
/* "fr", "en", "de", "es", "it", "pt", "nl", or "und". Static string. */
const char *ent_langid_guess(ent_langid *l, const char *text, size_t len);

#endif

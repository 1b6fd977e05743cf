/* langid.c: which language a document is in. libexttextcat's n-gram classifier, restricted to
 * French, English and the five languages most often mistaken for them, decides on the first
 * kilobytes; when it cannot (text too short, no clear winner), a vote of French and English
 * function words does. */
#include "langid.h"

#include <libexttextcat/textcat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/util.h"

struct ent_langid {
    void *tc;
};

static const char *const langs[] = {"fr", "en", "de", "es", "it", "pt", "nl", NULL};

ent_langid *ent_langid_new(const char *dir, char *msg, size_t msgn)
{
    if (!dir) dir = "/usr/share/libexttextcat";
    char conf[] = "/tmp/entente-langid-XXXXXX";
    int fd = mkstemp(conf);
    if (fd < 0) {
        snprintf(msg, msgn, "cannot create a temporary file for the language identifier");
        return NULL;
    }
    FILE *f = fdopen(fd, "w");
    for (int i = 0; langs[i]; i++) fprintf(f, "%s.lm %s\n", langs[i], langs[i]);
    fclose(f);
    char prefix[1024];
    snprintf(prefix, sizeof prefix, "%s/", dir);
    void *tc = special_textcat_Init(conf, prefix);
    unlink(conf);
    if (!tc) {
        snprintf(msg, msgn, "%sfr.lm: cannot load language models (install libexttextcat-data: "
                 "make deps)", prefix);
        return NULL;
    }
    ent_langid *l = ent_xcalloc(1, sizeof *l);
    l->tc = tc;
    return l;
}

void ent_langid_free(ent_langid *l)
{
    if (!l) return;
    textcat_Done(l->tc);
    free(l);
}

static const char *const fr_words[] = {
    "le", "les", "des", "du", "est", "et", "une", "dans", "pour", "qui", "sur", "au", "aux",
    "avec", "ont", "été", "il", "elle", "pas", "ne", "par", "ce", "cette", "sont", "à", "la",
    "sa", "ses", "son", "leur", "leurs", "contre", "avait", "sera", "mais", "aussi", "semaine",
    "prochaine", "hier", "mardi", "mercredi", "jeudi", "vendredi", "selon", "a", NULL
};
static const char *const en_words[] = {
    "the", "of", "and", "to", "in", "is", "was", "for", "with", "that", "on", "by", "has",
    "have", "are", "were", "it", "he", "she", "from", "said", "after", "not", "an", "at",
    "will", "would", "next", "week", "last", "its", "their", "this", "which", "who", "they",
    "we", "his", "her", "but", "also", "had", "been", "into", "against", "says", "Tuesday",
    "Wednesday", "Thursday", "Friday", NULL
};

static int in(const char *const *list, const char *w, size_t n)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(list[i], w, n) == 0) return 1;
    return 0;
}

static const char *vote(const char *t, size_t len)
{
    int fr = 0, en = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && !((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
                            (unsigned char)t[i] >= 0xC0))
            i++;
        size_t s = i;
        while (i < len && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
                           (unsigned char)t[i] >= 0x80))
            i++;
        fr += in(fr_words, t + s, i - s);
        en += in(en_words, t + s, i - s);
    }
    if (fr > en) return "fr";
    if (en > fr) return "en";
    return "und";
}

const char *ent_langid_guess(ent_langid *l, const char *text, size_t len)
{
    size_t n = len > 2048 ? 2048 : len;
    while (n < len && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;  /* whole chars */
    if (n >= 60) {
        const char *r = textcat_Classify(l->tc, text, n);
        /* "[fr]" alone is a clear answer; "[fr][it]" is not */
        if (r && r[0] == '[') {
            const char *close = strchr(r, ']');
            if (close && close[1] == 0) {
                for (int i = 0; langs[i]; i++)
                    if ((size_t)(close - r - 1) == strlen(langs[i]) &&
                        strncmp(r + 1, langs[i], strlen(langs[i])) == 0)
                        return langs[i];
            }
        }
    }
    return vote(text, n);
}

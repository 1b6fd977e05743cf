/* dict.h: the actor dictionaries in memory (docs/dictionaries.md): entries with their kind,
 * code, date range and origin (file:line), and a token trie over their folded names for
 * longest-match lookup. */
#ifndef ENT_DICT_H
#define ENT_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"
#include "entente.h"

typedef enum ent_kind {
    ENT_K_COUNTRY, ENT_K_DEMONYM, ENT_K_CAPITAL, ENT_K_SEAT, ENT_K_IGO, ENT_K_GROUP,
    ENT_K_AGENT, ENT_K_PERSON, ENT_K_DISCARD, ENT_K_VERB, ENT_K_NOUN, ENT_K_COUNT
} ent_kind;

enum { ENT_DLANG_FR = 0, ENT_DLANG_EN = 1, ENT_DLANG_ANY = 2 };

/* Case rule of a name, from how its first word is written. */
enum { ENT_CASE_ANY = 0, ENT_CASE_CAP = 1, ENT_CASE_ALLCAPS = 2 };

typedef struct ent_dentry {
    char code[16];        /* "RUS", "RUSGOV", "IGOUNO", "~MIL" for agents */
    uint32_t from, to;    /* yyyymmdd; from 0 and to 99999999 when open */
    uint16_t file;        /* index into ent_dict.files */
    uint8_t kind, lang;
    uint32_t line;
    uint32_t first_name;  /* the entry's first name, as written (for messages) */
} ent_dentry;

/* One name of one entry, at the end of a trie path. */
typedef struct ent_dterm {
    uint32_t entry;
    uint32_t next;        /* next term of the same node, or UINT32_MAX */
    uint8_t casing;       /* ENT_CASE_* */
} ent_dterm;

/* An event pattern (docs/events.md): a verb or noun lemma, then elements that must follow. */
typedef struct ent_palt {       /* one alternative of an element: one or more folded words */
    const char **words;
    uint32_t *ids;              /* the words' ids (ent_dict_word_id) */
    uint8_t nwords;
} ent_palt;

typedef struct ent_pelem {
    ent_palt *alts;
    uint64_t mask;              /* bit (id & 63) of each alternative's first word: a quick reject */
    uint16_t nalts;
} ent_pelem;

enum { ENT_PAT_VERB = 0, ENT_PAT_NOUN = 1 };

typedef struct ent_pattern {
    const char *head;     /* folded lemma of the verb or noun */
    ent_pelem *elems;
    uint8_t nelems;
    uint8_t kind;         /* ENT_PAT_* */
    uint8_t lang;         /* ENT_DLANG_* */
    uint8_t pronominal;   /* French "se"/"s'" verb */
    char code[8];         /* CAMEO code, or "-" for no event */
    uint16_t file;
    uint32_t line;
    uint32_t next;        /* next pattern with the same head, or UINT32_MAX */
} ent_pattern;

struct ent_dict {
    ent_dentry *entries;
    size_t nentries, capentries;
    char **files;
    size_t nfiles;
    ent_map edges;        /* (parent node id, folded token) → child node id + 1 */
    uint32_t *node_terms; /* first term of each node, UINT32_MAX if none */
    size_t nnodes, capnodes;
    ent_dterm *terms;
    size_t nterms, capterms;
    uint64_t *first[3];   /* per case rule, bit sets of quick hashes of names' first words */
    ent_arena names;      /* names as written */
    ent_pattern *pats;
    size_t npats, cappats;
    ent_map pat_heads;    /* kind byte + folded head → first pattern index + 1 */
    ent_map word_ids;     /* folded word of a pattern element → id (1, 2, ...) */
    ent_arena pat_arena;
    char **name_text;
    size_t nnames, capnames;
};

/* The child of `node` along folded token `tok`, or 0 (node 0 is the root: never a child). */
uint32_t ent_dict_child(const ent_dict *d, uint32_t node, const char *tok, size_t n);
#define ENT_DICT_QBITS 18
/* Quick hash of a folded word for the first-word filter: length and end bytes. */
static inline uint32_t ent_dict_quick(const char *w, size_t n)
{
    uint32_t h = (uint32_t)n * 2654435761u;
    if (n) h ^= (uint32_t)(unsigned char)w[0] * 40503u ^ (uint32_t)(unsigned char)w[n - 1] * 97u;
    if (n > 1) h ^= (uint32_t)(unsigned char)w[1] * 7919u ^ (uint32_t)(unsigned char)w[n - 2] * 31u;
    return (h ^ (h >> 15)) & ((1u << ENT_DICT_QBITS) - 1);
}

/* 0 when no name whose case rule allows it starts with folded word w (a word whose flags are
 * `flags`, ENT_TOK_*): a cheap test before the trie. "le" lowercase starts no name ("Le Pen"
 * needs a capital). */
static inline int ent_dict_may_start(const ent_dict *d, const char *w, size_t n, unsigned flags)
{
    uint32_t q = ent_dict_quick(w, n);
    uint64_t bit = 1ull << (q & 63);
    if (d->first[ENT_CASE_ANY][q >> 6] & bit) return 1;
    if ((flags & (ENT_TOK_CAP | ENT_TOK_ALLCAPS)) && (d->first[ENT_CASE_CAP][q >> 6] & bit)) return 1;
    return (flags & ENT_TOK_ALLCAPS) && (d->first[ENT_CASE_ALLCAPS][q >> 6] & bit);
}

/* The first pattern of kind `kind` whose head is folded lemma `head`, or NULL; go on with
 * ->next (UINT32_MAX ends). */
const ent_pattern *ent_dict_patterns(const ent_dict *d, int kind, const char *head);
/* The id of a folded word used in pattern elements, 0 if no element uses it. */
uint32_t ent_dict_word_id(const ent_dict *d, const char *w);
/* "file:line" of a pattern, into buf. */
const char *ent_dict_pattern_origin(const ent_dict *d, const ent_pattern *p, char *buf, size_t n);

/* "file:line" of an entry, into buf. */
const char *ent_dict_origin(const ent_dict *d, uint32_t entry, char *buf, size_t n);

/* Parses YYYY-MM-DD, YYYY-MM or YYYY (anything after is ignored) into yyyymmdd; 0 if none. */
uint32_t ent_parse_date(const char *s);
/* "country", "person"... */
const char *ent_kind_name(int kind);
/* Today as yyyymmdd. */
uint32_t ent_today(void);

#endif

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
    uint32_t *ids;              /* the words' element ids (ent_dword.elem) */
    uint8_t nwords;
} ent_palt;

typedef struct ent_pelem {
    ent_palt *alts;
    uint32_t *first;            /* alts[a].ids[0] for each a, side by side (the matcher's scan) */
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

/* A word of the dictionaries: a folded token of a name, the head of a pattern, or a word of
 * a pattern's element. Word 0 is no word: all its fields are 0. */
typedef struct ent_dword {
    uint32_t root;        /* the trie's child of the root along the word; 0: no name starts so */
    uint32_t elem;        /* its id among the words of pattern elements (1, 2, ...); 0: none */
    uint32_t pat[2];      /* first pattern of each kind (ENT_PAT_*) it heads, + 1; 0: none */
    uint8_t starts;       /* bit 1 << ENT_CASE_* for the case rule of each name it starts */
} ent_dword;

struct ent_edge {         /* a trie edge below the root: (parent node << 32 | word) → child */
    uint64_t key;
    uint32_t child;
};

struct ent_dict {
    ent_dentry *entries;
    size_t nentries, capentries;
    char **files;
    size_t nfiles;
    ent_map words;        /* folded word → its number, an index into dwords (1, 2, ...) */
    ent_dword *dwords;
    size_t ndwords, capdwords;
    uint32_t nelems;      /* words of pattern elements so far */
    struct ent_edge *edges;   /* open addressing, at most half full; key 0: empty */
    size_t nedges, capedges;
    uint32_t *node_terms; /* first term of each node, UINT32_MAX if none */
    size_t nnodes, capnodes;
    ent_dterm *terms;
    size_t nterms, capterms;
    ent_arena names;      /* names as written */
    ent_pattern *pats;
    size_t npats, cappats;
    ent_arena pat_arena;
    char **name_text;
    size_t nnames, capnames;
};

/* The number of folded word w (n bytes) in the dictionaries, 0 if no name or pattern has it.
 * Later stages look a word up once (by its symbol, ent_token.fold_sym) and then use the
 * number: ent_dict_dword, ent_dict_child_of. */
uint32_t ent_dict_word(const ent_dict *d, const char *w, size_t n);
static inline const ent_dword *ent_dict_dword(const ent_dict *d, uint32_t word)
{
    return &d->dwords[word];
}
/* The child of `node` along word number `word`, or 0 (node 0 is the root: never a child). */
uint32_t ent_dict_child_of(const ent_dict *d, uint32_t node, uint32_t word);
/* The same along folded token `tok` (n bytes). */
uint32_t ent_dict_child(const ent_dict *d, uint32_t node, const char *tok, size_t n);

/* The case rules (bits 1 << ENT_CASE_*) a word written with `flags` (ENT_TOK_*) may start a
 * name under: "le" in lowercase starts no name ("Le Pen" needs a capital). */
static inline unsigned ent_dict_cases(unsigned flags)
{
    unsigned c = 1u << ENT_CASE_ANY;
    if (flags & (ENT_TOK_CAP | ENT_TOK_ALLCAPS)) c |= 1u << ENT_CASE_CAP;
    if (flags & ENT_TOK_ALLCAPS) c |= 1u << ENT_CASE_ALLCAPS;
    return c;
}

/* The first pattern of kind `kind` whose head is word number `word` (a folded lemma), or NULL;
 * go on with ->next (UINT32_MAX ends). */
static inline const ent_pattern *ent_dict_patterns_of(const ent_dict *d, int kind, uint32_t word)
{
    uint32_t v = d->dwords[word].pat[kind];
    return v ? &d->pats[v - 1] : NULL;
}
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

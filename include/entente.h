/* entente.h: the public interface of libentente, French and English news → CAMEO events.
 *
 * Ownership, once for all: `const` pointers passed in are borrowed for the duration of the
 * call; every ent_*_new / ent_*_open has its ent_*_free / ent_*_close, which accepts NULL;
 * pointers returned by an accessor are borrowed from the object they came from and stay valid
 * until that object is freed or next modified; a returned `char *` belongs to the caller
 * (free it with free()).
 *
 * Errors: every call that can fail takes an `ent_error *` (which may be NULL), returns a
 * status (or NULL), and fills the error with a code and a message, `file:line: message` when
 * the fault is in an input file.
 *
 * The header is ordered as a user meets the library: read documents → analyse their text
 * (sentences, tokens, forms) → code events (later modules) → store → analyse.
 */
#ifndef ENTENTE_H
#define ENTENTE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ENT_VERSION "0.1.0"

/* ---- Errors ------------------------------------------------------------------------- */

typedef enum ent_status {
    ENT_OK = 0,
    ENT_ERR_INPUT = 1,   /* bad input reported, work continued */
    ENT_ERR_USAGE = 2,   /* wrong arguments or options */
    ENT_ERR_FATAL = 3    /* cannot go on: missing resource, out of memory, I/O failure */
} ent_status;

typedef struct ent_error {
    ent_status code;
    char message[512];
} ent_error;

/* ---- Documents ---------------------------------------------------------------------- */

/* A document as read from the input. All fields are borrowed from the reader and stay
 * valid until the next ent_reader_next() or ent_reader_close(). Optional fields are NULL when
 * absent. `text` is valid UTF-8 (invalid bytes were repaired to U+FFFD) and NUL-terminated. */
typedef struct ent_doc {
    const char *id;
    const char *text;
    size_t len;             /* bytes in text */
    const char *lang;       /* "fr", "en", ... as given by the input, or NULL */
    const char *date;       /* ISO 8601 as given */
    const char *url;
    const char *title;
    const char *origin;     /* FILE:LINE where the document starts, for messages */
} ent_doc;

/* Called for every recoverable input problem (a bad JSON line, invalid UTF-8, a truncated
 * compressed file): `where` is "FILE:LINE" or "FILE", `message` says what was wrong and what
 * was done. The default handler (NULL) prints "where: message" on stderr. */
typedef void (*ent_diag_fn)(void *user, const char *where, const char *message);

typedef struct ent_reader ent_reader;

/* Opens the inputs: paths to plain-text files (one document each), JSON-lines files
 * (".jsonl"/".ndjson": one document per line, "id" and "text" required), directories (read
 * recursively, in name order), any of these compressed with gzip (".gz") or zstd (".zst"),
 * and "-" for standard input (JSON lines if its first byte is '{', plain text otherwise).
 * With n == 0, reads standard input. */
ent_reader *ent_reader_open(const char *const *paths, size_t n, ent_diag_fn diag, void *user,
                            ent_error *err);
/* Returns 1 and sets *doc to the next document, 0 at the end of the input, -1 on a fatal
 * error (err says which). Recoverable problems go to the diag handler and are counted. */
int ent_reader_next(ent_reader *r, const ent_doc **doc, ent_error *err);
/* Number of recoverable problems reported so far. */
size_t ent_reader_problems(const ent_reader *r);
/* Bytes read from the inputs so far (compressed size for compressed files). */
uint64_t ent_reader_bytes(const ent_reader *r);
void ent_reader_close(ent_reader *r);

/* ---- Text analysis: sentences, tokens, folded forms, lemmas ------------------------- */

typedef enum ent_pos {
    ENT_POS_X = 0, ENT_POS_NOUN, ENT_POS_PROPN, ENT_POS_VERB, ENT_POS_AUX, ENT_POS_ADJ,
    ENT_POS_ADV, ENT_POS_DET, ENT_POS_PRON, ENT_POS_ADP, ENT_POS_CCONJ, ENT_POS_SCONJ,
    ENT_POS_PART, ENT_POS_NUM, ENT_POS_PUNCT, ENT_POS_SYM, ENT_POS_COUNT
} ent_pos;

/* Token flags. */
enum {
    ENT_TOK_CAP = 1u << 0,      /* first letter is uppercase */
    ENT_TOK_ALLCAPS = 1u << 1,  /* all letters uppercase, at least two */
    ENT_TOK_ELISION = 1u << 2,  /* French elided form: l' d' qu' ... */
    ENT_TOK_CLITIC = 1u << 3,   /* split-off piece: -t-il, 's, n't, 're */
    ENT_TOK_ABBREV = 1u << 4,   /* abbreviation or initial with its full stops */
    ENT_TOK_NUMBER = 1u << 5,
    ENT_TOK_DATE = 1u << 6,
    ENT_TOK_FIRST = 1u << 7,    /* first word of its sentence */
    ENT_TOK_SPACE_BEFORE = 1u << 8
};

/* Verb forms a token can have (bits of ent_token.vform). */
enum {
    ENT_VF_FINITE = 1u << 0,   /* a finite form: present, past, imperfect... */
    ENT_VF_PPAS = 1u << 1,     /* past participle (English -ed forms too) */
    ENT_VF_PPRE = 1u << 2,     /* present participle, -ing */
    ENT_VF_INF = 1u << 3,      /* infinitive, English base form */
    ENT_VF_FUT = 1u << 4,      /* French future */
    ENT_VF_COND = 1u << 5      /* French conditional */
};

/* A token: spans are byte offsets into the document text. surface/fold/lemma are
 * NUL-terminated strings borrowed from the analysis (fold and lemma may be shared with the
 * cache of the ent_text that made them and live as long as it). */
typedef struct ent_token {
    uint32_t start, end;
    const char *surface;
    const char *fold;
    const char *lemma;
    const char *lemma_fold;    /* the lemma folded like fold */
    const char *verb_fold;     /* the verb lemma folded, when the word can be a verb; or NULL */
    /* Symbols of fold, lemma_fold and verb_fold: the analyser numbers the folded strings it has
     * seen, equal strings get equal numbers, below ent_analysis_symbol_bound(); 0 when the
     * string is NULL or the analysis has no lemmas. The numbers hold while
     * ent_analysis_epoch() stays the same (the analyser renumbers when it drops its cache). */
    uint32_t fold_sym, lemma_sym, verb_sym;
    uint32_t posmask;          /* bit (1u << pos) for every part of speech the word can have */
    uint16_t flags;
    uint8_t pos;               /* ent_pos chosen in context */
    uint8_t vform;             /* ENT_VF_* bits, when the word can be a verb */
} ent_token;

typedef struct ent_sentence {
    uint32_t start, end;       /* byte span in the document text */
    uint32_t first_token;      /* index into the analysis' token array */
    uint32_t n_tokens;
} ent_sentence;

typedef struct ent_text_options {
    const char *hunspell_dir;  /* NULL: /usr/share/hunspell */
    const char *wordnet_dir;   /* NULL: /usr/share/wordnet */
    const char *textcat_dir;   /* NULL: /usr/share/libexttextcat */
    int no_lemmas;             /* 1: skip lemmas and parts of speech (faster) */
} ent_text_options;

/* The text analyser: segmenter, tokeniser, folding, lemmatiser and language identifier.
 * Loading it reads the Hunspell and WordNet data once; it is not shared between threads
 * (make one per thread). */
typedef struct ent_text ent_text;
ent_text *ent_text_new(const ent_text_options *opt, ent_error *err);
void ent_text_free(ent_text *t);

/* Identifies the language of a text: "fr", "en", or another ISO 639-1 code, or "und" when
 * it cannot tell. The returned string is static. */
const char *ent_text_langid(ent_text *t, const char *text, size_t len);

/* The analysis of one document: its sentences and their tokens. */
typedef struct ent_analysis ent_analysis;
ent_analysis *ent_analysis_new(void);
void ent_analysis_free(ent_analysis *a);

/* Analyses `len` bytes of valid UTF-8 `text` in language `lang` ("fr", "en"; NULL or "" to
 * identify it). Replaces what `a` held. Returns ENT_OK or fills err. */
ent_status ent_text_analyse(ent_text *t, const char *text, size_t len, const char *lang,
                            ent_analysis *a, ent_error *err);
const char *ent_analysis_lang(const ent_analysis *a);
size_t ent_analysis_sentence_count(const ent_analysis *a);
const ent_sentence *ent_analysis_sentence(const ent_analysis *a, size_t i);
size_t ent_analysis_token_count(const ent_analysis *a);
const ent_token *ent_analysis_tokens(const ent_analysis *a);
/* The numbering of the tokens' symbols (ent_token.fold_sym...): unique in the process, 0 for
 * an analysis without lemmas; and the bound all its symbols are below. */
uint64_t ent_analysis_epoch(const ent_analysis *a);
uint32_t ent_analysis_symbol_bound(const ent_analysis *a);

const char *ent_pos_name(ent_pos p);

/* ---- Dictionaries -------------------------------------------------------------------- */

/* The actor dictionaries (docs/dictionaries.md): countries, demonyms, capitals, seats of
 * government, international organisations, groups, agents, people with date ranges. */
typedef struct ent_dict ent_dict;

/* Loads the dictionaries: every *.txt file of `dir` in name order, or, with dir NULL, the
 * copies compiled into the library. A malformed line fails the load: err says file:line. */
ent_dict *ent_dict_load(const char *dir, ent_error *err);
void ent_dict_free(ent_dict *d);
size_t ent_dict_entry_count(const ent_dict *d);
size_t ent_dict_pattern_count(const ent_dict *d);   /* event patterns (verbs and nouns) */
/* "file:line" of dictionary entry `entry` into buf; NULL if there is no such entry. */
const char *ent_dict_entry_origin(const ent_dict *d, uint32_t entry, char *buf, size_t n);
/* Reports duplicate and conflicting entries through diag ("file:line", message); returns
 * their number. */
size_t ent_dict_lint(const ent_dict *d, ent_diag_fn diag, void *user);

/* ---- Actors ---------------------------------------------------------------------------- */

#define ENT_ACTOR_MAX_ENTRIES 8

/* An actor mention in a sentence: its CAMEO code for the document's date, its byte span in
 * the document, its token span in the analysis, and the dictionary entries that gave it. */
typedef struct ent_actor {
    char code[16];
    uint32_t start, end;
    uint32_t tok_start, tok_end;
    uint32_t nentries;
    uint32_t entries[ENT_ACTOR_MAX_ENTRIES];
    uint8_t capital;           /* a capital: 1 acting (its government), 2 a place ("à Moscou") */
} ent_actor;

/* The actor recogniser: longest match of dictionary names over a sentence's tokens, then
 * composition (agent + country, apposition of a title and a person), dates applied. It
 * borrows the dictionary, which must outlive it; one per thread. */
typedef struct ent_actors ent_actors;
ent_actors *ent_actors_new(const ent_dict *d);
void ent_actors_free(ent_actors *r);

/* Finds the actors of sentence `sent` of analysis `a` for a document dated `date` (ISO 8601;
 * NULL or unparsable: today). Sets *out to an array borrowed from r (valid until the next
 * call) and returns its length. */
size_t ent_actors_find(ent_actors *r, const ent_analysis *a, size_t sent, const char *date,
                       const ent_actor **out);

/* ---- Events ---------------------------------------------------------------------------- */

/* An event: source did `code` (CAMEO 1.1b3) to target, asserted by a sentence, with its
 * provenance: the byte spans of the source, target and trigger words in the document, and
 * the dictionary entries used (actor entries and the trigger pattern). */
typedef struct ent_event {
    char source[16], target[16];
    char code[8];              /* "042", "1125" */
    char root[4];              /* "04" */
    double goldstein;
    int quad;                  /* 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict */
    int nominal;               /* 1: from a noun ("la visite de X à Y"), 0: from a verb */
    uint32_t sent;
    uint32_t src_start, src_end, tgt_start, tgt_end, trig_start, trig_end;
    uint32_t nentries;
    uint32_t entries[2 * ENT_ACTOR_MAX_ENTRIES];   /* actor dictionary entries */
    uint32_t pattern;          /* index of the trigger pattern (ent_coder_pattern_origin) */
} ent_event;

/* The coder: dictionaries plus the rules of docs/events.md. Immutable once made: one coder
 * can be shared by threads, each with its own ent_worker. */
typedef struct ent_coder ent_coder;
ent_coder *ent_coder_new(const ent_dict *d);
void ent_coder_free(ent_coder *c);
/* "file:line" of the pattern of an event, into buf. */
const char *ent_coder_pattern_origin(const ent_coder *c, uint32_t pattern, char *buf, size_t n);

/* Per-thread scratch for coding. */
typedef struct ent_worker ent_worker;
ent_worker *ent_worker_new(const ent_coder *c);
void ent_worker_free(ent_worker *w);
/* 1: keep a readable trace of each decision (for entente explain). */
void ent_worker_trace(ent_worker *w, int on);
/* The trace of the last ent_worker_code call ("" when off). */
const char *ent_worker_trace_text(const ent_worker *w);

/* Codes sentence `sent` of analysis `a` for a document dated `date` (ISO 8601; NULL: today).
 * Sets *out to the events (borrowed from w until its next call) and returns their number. */
size_t ent_worker_code(ent_worker *w, const ent_analysis *a, size_t sent, const char *date,
                       const ent_event **out);
/* The actors found by the last ent_worker_code call. */
size_t ent_worker_actors(const ent_worker *w, const ent_actor **out);

/* ---- Store: SQLite (a file) or PostgreSQL (postgresql:// URI) ------------------------- */

/* A store of documents, their sentences and their events. The schema is versioned and
 * migrated on open. One per thread (it holds a connection). */
typedef struct ent_store ent_store;

/* Opens (and creates or migrates) the store at `uri`: "postgresql://user@host:port/db",
 * "sqlite:PATH" or a plain PATH (SQLite). */
ent_store *ent_store_open(const char *uri, ent_error *err);
/* 1 when uri names a PostgreSQL store (postgresql:// or postgres://), 0 for SQLite. */
int ent_store_uri_is_pg(const char *uri);
/* 1 when uri names a store that exists or is a server's (PostgreSQL); 0 for a SQLite file
 * that is not there (opening would make it). */
int ent_store_exists(const char *uri);
void ent_store_close(ent_store *s);

typedef struct ent_store_info {
    int schema_version;
    const char *backend;       /* "sqlite" or "postgresql" */
    int64_t documents, sentences, events;
    int64_t daily;             /* rows of the de-duplicated view: (day, source, target, code) */
    char first_day[11], last_day[11];
} ent_store_info;
ent_status ent_store_stats(ent_store *s, ent_store_info *out, ent_error *err);

/* Writing is done in transactions the caller opens and commits: a killed writer leaves the
 * store as of the last commit. */
ent_status ent_store_begin(ent_store *s, ent_error *err);
ent_status ent_store_commit(ent_store *s, ent_error *err);
void ent_store_rollback(ent_store *s);

/* A document as stored. `hash` identifies its content (text, date, language). */
typedef struct ent_store_doc {
    const char *id, *url, *title, *date, *lang;
    char hash[17];
} ent_store_doc;

/* Fills d->hash for document `doc` read with language `lang` and date `date`. */
void ent_store_hash(const ent_doc *doc, const char *lang, const char *date, ent_store_doc *d);

/* 1 when a document with this id and hash is stored already (nothing to do), 0 when no
 * document has this id, 2 when one has but its content changed; -1 on error. */
int ent_store_has(ent_store *s, const ent_store_doc *d, ent_error *err);

/* Stores document d, replacing (with its sentences and events) any document of the same
 * id whose hash differs; keeps it when `keep` is 1 (events loaded from a file are added to
 * it). Sets *key to its row key and, when `was` is not NULL, *was to what was stored under
 * that id before, as ent_store_has says it (0 nothing, 1 the same, 2 other content). */
ent_status ent_store_put_doc(ent_store *s, const ent_store_doc *d, int keep, int64_t *key,
                             int *was, ent_error *err);
ent_status ent_store_put_sentence(ent_store *s, int64_t doc, uint32_t idx, uint32_t start,
                                  uint32_t end, const char *text, size_t len, ent_error *err);

/* An event as stored: text fields, so that events coded here and events loaded from a file
 * go the same way. */
typedef struct ent_store_event {
    uint32_t sent;
    const char *day;           /* YYYY-MM-DD */
    const char *source, *target, *code, *root, *mode;
    double goldstein;
    int quad;
    uint32_t src_start, src_end, tgt_start, tgt_end, trig_start, trig_end;
    const char *trigger;       /* the trigger's words */
    const char *pattern;       /* file:line of the pattern */
    const char *entries;       /* file:line of the actor entries, space-separated */
} ent_store_event;

/* Adds an event of document `doc`; an event already stored (same sentence, source, target
 * and code) is left as it is. */
ent_status ent_store_put_event(ent_store *s, int64_t doc, const ent_store_event *e,
                               ent_error *err);

/* The country (or organisation) an actor code belongs to: "RUSGOV" → "RUS"; IGO, NGO,
 * IMG and MNC codes are kept whole ("IGOUNO"). Writes into out[16]. */
const char *ent_actor_country(const char *code, char out[16]);

/* ---- Analysis: events, dyads, actors, network, blocs over a store ------------------------ */

/* What to look at. NULL/0 fields are not filters. An actor given as a country or an
 * organisation ("RUS", "IGOUNO") matches every actor of it (RUSGOV, RUSMIL...); a longer code
 * ("RUSGOV") matches that actor only. */
typedef struct ent_query {
    const char *actor;         /* source or target */
    const char *source, *target;
    const char *code;          /* "042", or a prefix with * ("19*") */
    const char *from, *to;     /* days, inclusive, YYYY-MM-DD */
    int dedup_none;            /* 0: de-duplicated by (day, source, target, code); 1: every report */
    int level_actor;           /* actors, network, blocs, top dyads: 0 countries, 1 actor codes */
    char by;                   /* dyads: 'd'ay, 'w'eek (from Monday), 'm'onth (default), 'y'ear */
    long top;                  /* dyads without actors: the N most active dyads */
    long limit, offset;        /* lists: at most limit rows (0: all) after offset */
    /* blocs --compare: the second period */
    const char *from2, *to2;
} ent_query;

typedef enum ent_format {
    ENT_FMT_JSONL, ENT_FMT_TSV, ENT_FMT_CSV, ENT_FMT_JSON, ENT_FMT_TEXT,
    ENT_FMT_GRAPHML, ENT_FMT_GEXF
} ent_format;

/* Results are written through fn (return nonzero to stop: a write error). */
typedef int (*ent_write_fn)(void *user, const char *data, size_t len);

/* The events with their sentences (de-duplicated: one row per day, source, target and code,
 * with the number of reports and of documents, and the first report's sentence). Formats:
 * jsonl, tsv, csv, json. */
ent_status ent_analyse_events(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                              void *user, ent_error *err);
/* Time series of the dyad q->source / q->target, both directions: events per quad class,
 * sum and mean Goldstein per period; or, with q->top and no actors, the most active dyads. */
ent_status ent_analyse_dyads(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                             void *user, ent_error *err);
/* The actors ranked by events, with their cooperation/conflict balance. */
ent_status ent_analyse_actors(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                              void *user, ent_error *err);
/* The weighted signed actor graph: graphml, gexf or json. */
ent_status ent_analyse_network(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                               void *user, ent_error *err);
/* Blocs by signed community detection; with q->from2/to2, who changed bloc. text or json. */
ent_status ent_analyse_blocs(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                             void *user, ent_error *err);

/* ---- Output helpers --------------------------------------------------------------- */

/* Writes `s` (len bytes) as a JSON string literal, with quotes, to `out` (a FILE *). */
void ent_json_write_string(void *out, const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif

/* cli.h: shared pieces of the entente command line: exit codes, option helpers. */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stdio.h>

#include "entente.h"
#include "../util/util.h"

/* Exit codes (documented in README.md). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

int cmd_sentences(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_actors(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/* Normalises a language tag ("fr-FR", "EN") to "fr"/"en"/...; returns NULL for NULL/"". */
const char *cli_lang(const char *tag, char out[8]);

/* Seconds on a monotonic clock (progress lines). */
double cli_now(void);

/* Today's date, YYYY-MM-DD (UTC): the date of documents that give none. */
const char *cli_today(void);

/* Appends to `out` what the command writes for analysed document d. */
typedef void (*cli_doc_fn)(void *user, const ent_doc *d, const ent_analysis *a, ent_buf *out);

/* Reads every document of r, analyses it with tx into a (in language `force`, else the
 * document's own or the one identified), hands it to fn and writes what fn appended to
 * standard output. A document that cannot be analysed is reported with its origin and
 * skipped. Returns the exit status: EXIT_INPUT after such a document or a reader problem,
 * EXIT_FATAL on a read or write error. */
int cli_each_doc(ent_reader *r, ent_text *tx, ent_analysis *a, const char *force, cli_doc_fn fn,
                 void *user);

/* Everything coding needs, loaded once: dictionaries, text analyser, coder, one worker. */
typedef struct cli_coder {
    ent_dict *dict;
    ent_text *tx;
    ent_coder *coder;
    ent_worker *w;
    ent_analysis *a;
} cli_coder;
/* Loads the dictionaries of dir (NULL: compiled in); prints the error and returns -1. */
int cli_coder_open(cli_coder *k, const char *dir);
void cli_coder_close(cli_coder *k);

/* A coder of another thread, over the same dictionaries and coder as the first (its own
 * text analyser, worker and analysis), as cli_coders_open makes it; closes it. */
void cli_coder_close_clone(cli_coder *k);
/* n coders at once, for n threads: ks[0] as cli_coder_open makes it, ks[1..n-1] sharing its
 * dictionaries and coder, their text analysers loaded in parallel. Prints the error and
 * returns -1 (with nothing left open). */
int cli_coders_open(cli_coder *const *ks, int n, const char *dir);
/* Closes what cli_coders_open opened, the n at once. */
void cli_coders_close(cli_coder *const *ks, int n);

/* Documents read from `reader`, analysed and handed to fn by `threads` threads (thread i
 * with txs[i], as[i], users[i]); what fn appends is written to standard output in input
 * order, byte for byte as with one thread. A progress line on standard error when
 * `progress` (documents, sentences and output lines per second, bytes read, ETA when
 * input_size is known). Returns the exit status, as cli_each_doc. */
typedef struct cli_pool_opts {
    ent_reader *reader;
    int threads;
    const char *force;          /* language for every document, or NULL */
    cli_doc_fn fn;
    void **users;
    ent_text **txs;
    ent_analysis **as;
    int progress;
    uint64_t input_size;
    /* optional, called on the main thread: keep(keep_user, d) before a document is queued
     * (0: skip it); sink(sink_user, data, len) receives each batch's output in input order
     * instead of standard output (nonzero return: stop with EXIT_FATAL) */
    int (*keep)(void *keep_user, const ent_doc *d);
    void *keep_user;
    int (*sink)(void *sink_user, const char *data, size_t len);
    void *sink_user;
} cli_pool_opts;
int cli_pool_run(const cli_pool_opts *o);
/* Copies document d (borrowed from a reader) into c, its strings in mem. */
void cli_copy_doc(ent_arena *mem, ent_doc *c, const ent_doc *d);
/* Analyses each of n documents with tx into a and hands it to fn (what it writes goes to out,
 * the messages of documents that cannot be analysed to errs); counts those failures, the
 * sentences and the lines written. The work of one batch, for the pool and for MPI. */
void cli_code_docs(const ent_doc *docs, size_t n, ent_text *tx, ent_analysis *a, const char *force,
                   cli_doc_fn fn, void *user, ent_buf *out, ent_buf *errs, long *bad, long *sentences,
                   long *lines);
/* Total bytes of the input files, 0 when unknown (standard input, directories, compressed). */
uint64_t cli_input_size(int n, char **paths);
/* The number of cores (default of -j). */
int cli_cores(void);
/* Reads the argument of -j: 1 to 256 threads; prints why and returns -1 otherwise. */
int cli_jobs(const char *arg, int *jobs);

/* MPI (mpi.c): the input shared by byte ranges across the ranks of mpirun. */
int cli_mpi_init(int *argc, char ***argv);
int cli_mpi_rank(void);
int cli_mpi_size(void);
void cli_mpi_finish(void);
/* Prints the message and stops every rank (mpirun exits with an error). */
void cli_mpi_abort(const char *msg);
/* Gives this rank its share of the reader's inputs: one span of bytes of the inputs one after
 * the other, cut at line starts of JSON-lines files or at the end of other files. */
void cli_mpi_share(ent_reader *r);
/* The reader's message handler under MPI: problems every rank sees (a missing input) are
 * reported by rank 0, those of a rank's own span by that rank. */
ent_diag_fn cli_mpi_diag(void);
/* Sums n counters over the ranks (every rank gets the sums); the largest v of all ranks. */
void cli_mpi_sum(long *v, int n);
int cli_mpi_max(int v);
/* `code --mpi`: this rank's share coded, all written by rank 0 in input order. */
int cli_mpi_code(ent_reader *r, ent_text *tx, ent_analysis *a, const char *force, cli_doc_fn fn, void *user);

int cmd_ingest(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_dyads(int argc, char **argv);
int cmd_network(int argc, char **argv);
int cmd_blocs(int argc, char **argv);
/* `entente actors --db`: the actors of a store ranked by events */
int cmd_actors_rank(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif

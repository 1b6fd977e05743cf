/* pool.c: documents coded by a pool of threads, output in input order.
 *
 * The main thread reads documents into batches (copies, at most BATCH_DOCS documents or
 * BATCH_BYTES bytes each) and puts them in a ring of 4 batches per thread: memory is bounded
 * whatever the input. Workers take the batches in order, analyse and code each document with
 * their own text analyser and coder worker (the dictionaries and the coder are shared), and
 * leave the output and the error messages in the batch. The main thread writes finished
 * batches in input order, so the output is byte for byte that of one thread. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum { BATCH_DOCS = 64, BATCH_BYTES = 1 << 20 };
enum { B_FREE, B_FILLED, B_TAKEN, B_DONE };

typedef struct batch {
    int state;
    long seq;
    ent_arena mem;
    ent_doc *docs;
    size_t ndocs, cap, bytes;
    ent_buf out, err;
    long sentences, lines, bad;
} batch;

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    batch *ring;
    long nring;
    long next_take;     /* the next batch a worker takes */
    long filled;        /* batches filled so far */
    int eof;
    const cli_pool_opts *o;
} pool;

typedef struct worker_arg {
    pool *p;
    int i;
} worker_arg;


void cli_code_docs(const ent_doc *docs, size_t n, ent_text *tx, ent_analysis *a, const char *force,
                   cli_doc_fn fn, void *user, ent_buf *out, ent_buf *errs, long *bad, long *sentences,
                   long *lines)
{
    ent_error err = {0};
    for (size_t k = 0; k < n; k++) {
        const ent_doc *d = &docs[k];
        char lb[8];
        const char *lang = force ? force : cli_lang(d->lang, lb);
        if (ent_text_analyse(tx, d->text, d->len, lang, a, &err) != ENT_OK) {
            ent_buf_printf(errs, "%s: %s\n", d->origin, err.message);
            (*bad)++;
            continue;
        }
        *sentences += (long)ent_analysis_sentence_count(a);
        size_t before = out->len;
        fn(user, d, a, out);
        if (out->len > before)
            for (const char *q = out->p + before, *e = out->p + out->len;
                 q < e && (q = memchr(q, '\n', (size_t)(e - q))); q++)
                (*lines)++;
    }
}

/* Analyses and hands over every document of b (a worker, or the main thread when n = 1). */
static void run_batch(const cli_pool_opts *o, int i, batch *b)
{
    /* the output buffers and counts are worked on here, on this thread's stack, and put back
     * at the end: in the ring, next to the batch another thread is coding, every append would
     * write a cache line the other core writes too */
    ent_buf out = b->out, err = b->err;
    long bad = 0, sentences = 0, lines = 0;
    cli_code_docs(b->docs, b->ndocs, o->txs[i], o->as[i], o->force, o->fn, o->users[i], &out, &err,
                  &bad, &sentences, &lines);
    b->out = out, b->err = err;
    b->bad += bad, b->sentences += sentences, b->lines += lines;
}

static void *worker(void *arg)
{
    worker_arg *wa = arg;
    pool *p = wa->p;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        batch *b;
        for (;;) {
            b = &p->ring[p->next_take % p->nring];
            if (p->next_take < p->filled && b->state == B_FILLED && b->seq == p->next_take) break;
            if (p->eof && p->next_take >= p->filled) { pthread_mutex_unlock(&p->mu); return NULL; }
            pthread_cond_wait(&p->cv, &p->mu);
        }
        b->state = B_TAKEN;
        p->next_take++;
        pthread_mutex_unlock(&p->mu);
        run_batch(p->o, wa->i, b);
        pthread_mutex_lock(&p->mu);
        b->state = B_DONE;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
}

void cli_copy_doc(ent_arena *mem, ent_doc *c, const ent_doc *d)
{
#define DUP(f) c->f = d->f ? ent_arena_strndup(mem, d->f, strlen(d->f)) : NULL
    DUP(id);
    DUP(lang);
    DUP(date);
    DUP(url);
    DUP(title);
    DUP(origin);
#undef DUP
    c->text = ent_arena_strndup(mem, d->text, d->len);
    c->len = d->len;
}

static void copy_doc(batch *b, const ent_doc *d)
{
    if (b->ndocs == b->cap) {
        b->cap = b->cap ? 2 * b->cap : BATCH_DOCS;
        b->docs = ent_xrealloc(b->docs, b->cap * sizeof *b->docs);
    }
    cli_copy_doc(&b->mem, &b->docs[b->ndocs++], d);
    b->bytes += d->len;
}

/* The progress line: documents, sentences, events (output lines) per second, bytes read, ETA
 * when the input's size is known. */
typedef struct progress {
    int on;
    double t0, last;
    uint64_t total;      /* bytes of the inputs, 0 when unknown (pipes, compressed files) */
    long docs, sentences, lines;
} progress;

static void progress_show(progress *pg, ent_reader *r, int final)
{
    if (!pg->on) return;
    double t = cli_now();
    if (!final && t - pg->last < 0.5) return;
    pg->last = t;
    double dt = t - pg->t0 > 1e-6 ? t - pg->t0 : 1e-6;
    uint64_t got = ent_reader_bytes(r);
    char eta[48] = "";
    if (pg->total && got && !final && got < pg->total)
        snprintf(eta, sizeof eta, ", ETA %.0f s", (double)(pg->total - got) * dt / (double)got);
    fprintf(stderr, "\r%ld docs, %ld sentences, %ld events (%.0f docs/s, %.0f sentences/s, %.0f events/s), %.1f MB read%s   %s",
            pg->docs, pg->sentences, pg->lines, pg->docs / dt, pg->sentences / dt, pg->lines / dt,
            (double)got / 1e6, eta, final ? "\n" : "");
}

uint64_t cli_input_size(int n, char **paths)
{
    uint64_t total = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        size_t len = strlen(paths[i]);
        if (!strcmp(paths[i], "-") || stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode) ||
            (len > 3 && !strcmp(paths[i] + len - 3, ".gz")) || (len > 4 && !strcmp(paths[i] + len - 4, ".zst")))
            return 0;   /* a pipe, a directory or a compressed file: no ETA */
        total += (uint64_t)st.st_size;
    }
    return n ? total : 0;
}

/* Writes a finished batch; returns -1 on a write error. */
static int flush_batch(const cli_pool_opts *o, batch *b, progress *pg, int *status)
{
    if (b->err.len) fwrite(b->err.p, 1, b->err.len, stderr);
    if (b->bad) *status = EXIT_INPUT;
    int rc = 0;
    if (o->sink) {
        if (o->sink(o->sink_user, b->out.p ? b->out.p : "", b->out.len)) rc = -1;
    } else if (b->out.len && fwrite(b->out.p, 1, b->out.len, stdout) != b->out.len) {
        rc = -1;
    }
    pg->docs += (long)b->ndocs - b->bad;
    pg->sentences += b->sentences;
    pg->lines += b->lines;
    ent_arena_reset(&b->mem);
    b->ndocs = b->bytes = 0;
    b->sentences = b->lines = b->bad = 0;
    ent_buf_clear(&b->out);
    ent_buf_clear(&b->err);
    return rc;
}

/* With the lock held: writes the next batch in input order if it is done (the lock is let
 * go meanwhile) and frees its slot; 0 when it is not done yet. */
static int write_next(pool *p, long *next_write, progress *pg, int *status, int *failed)
{
    batch *w = &p->ring[*next_write % p->nring];
    if (*next_write >= p->filled || w->state != B_DONE) return 0;
    pthread_mutex_unlock(&p->mu);
    if (!*failed && flush_batch(p->o, w, pg, status) < 0) *failed = 1;
    progress_show(pg, p->o->reader, 0);
    pthread_mutex_lock(&p->mu);
    w->state = B_FREE;
    (*next_write)++;
    return 1;
}

int cli_pool_run(const cli_pool_opts *o)
{
    int n = o->threads > 0 ? o->threads : 1;
    progress pg = {o->progress, cli_now(), 0, o->input_size, 0, 0, 0};
    pg.last = pg.t0;
    ent_error err = {0};
    int status = EXIT_OK, rc = 1, failed = 0;
    const ent_doc *d;
    if (n == 1) {
        /* one thread: the same batches, done in place */
        batch b;
        memset(&b, 0, sizeof b);
        while ((rc = ent_reader_next(o->reader, &d, &err)) == 1) {
            if (o->keep && !o->keep(o->keep_user, d)) continue;
            copy_doc(&b, d);
            if (b.ndocs >= BATCH_DOCS || b.bytes >= BATCH_BYTES) {
                run_batch(o, 0, &b);
                if (flush_batch(o, &b, &pg, &status) < 0) { failed = 1; break; }
                progress_show(&pg, o->reader, 0);
            }
        }
        if (!failed && b.ndocs) {
            run_batch(o, 0, &b);
            if (flush_batch(o, &b, &pg, &status) < 0) failed = 1;
        }
        ent_arena_free(&b.mem);
        free(b.docs);
        ent_buf_free(&b.out);
        ent_buf_free(&b.err);
    } else {
        pool p;
        memset(&p, 0, sizeof p);
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.cv, NULL);
        p.nring = 4L * n;
        p.ring = ent_xcalloc((size_t)p.nring, sizeof *p.ring);
        p.o = o;
        pthread_t *th = ent_xcalloc((size_t)n, sizeof *th);
        worker_arg *wa = ent_xcalloc((size_t)n, sizeof *wa);
        for (int i = 0; i < n; i++) {
            wa[i] = (worker_arg){&p, i};
            pthread_create(&th[i], NULL, worker, &wa[i]);
        }
        long next_write = 0;
        batch *cur = NULL;
        for (;;) {
            /* a free slot for the next batch; meanwhile, write what is done, in order */
            if (!cur) {
                pthread_mutex_lock(&p.mu);
                for (;;) {
                    batch *slot = &p.ring[p.filled % p.nring];
                    if (slot->state == B_FREE) { cur = slot; break; }
                    if (write_next(&p, &next_write, &pg, &status, &failed)) continue;
                    pthread_cond_wait(&p.cv, &p.mu);
                }
                pthread_mutex_unlock(&p.mu);
            }
            rc = failed ? 0 : ent_reader_next(o->reader, &d, &err);
            if (rc == 1 && o->keep && !o->keep(o->keep_user, d)) continue;
            if (rc == 1) copy_doc(cur, d);
            if (cur->ndocs && (rc != 1 || cur->ndocs >= BATCH_DOCS || cur->bytes >= BATCH_BYTES)) {
                pthread_mutex_lock(&p.mu);
                cur->seq = p.filled++;
                cur->state = B_FILLED;
                pthread_cond_broadcast(&p.cv);
                pthread_mutex_unlock(&p.mu);
                cur = NULL;
            }
            if (rc != 1) break;
        }
        /* the end: no more batches; write the rest in order */
        pthread_mutex_lock(&p.mu);
        p.eof = 1;
        pthread_cond_broadcast(&p.cv);
        while (next_write < p.filled)
            if (!write_next(&p, &next_write, &pg, &status, &failed)) pthread_cond_wait(&p.cv, &p.mu);
        pthread_mutex_unlock(&p.mu);
        for (int i = 0; i < n; i++) pthread_join(th[i], NULL);
        for (long i = 0; i < p.nring; i++) {
            ent_arena_free(&p.ring[i].mem);
            free(p.ring[i].docs);
            ent_buf_free(&p.ring[i].out);
            ent_buf_free(&p.ring[i].err);
        }
        free(p.ring);
        free(th);
        free(wa);
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.cv);
    }
    progress_show(&pg, o->reader, 1);
    if (failed) {
        if (!o->sink) fprintf(stderr, "entente: write error on standard output\n");
        return EXIT_FATAL;
    }
    if (rc < 0) {
        fprintf(stderr, "entente: %s\n", err.message);
        status = EXIT_FATAL;
    }
    if (status == EXIT_OK && ent_reader_problems(o->reader) > 0) status = EXIT_INPUT;
    if (fflush(stdout) != 0) status = EXIT_FATAL;
    return status;
}

/* cli.c: pieces shared by the entente commands: language tags, today's date, and the loop that
 * reads, analyses and hands over each document. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

const char *cli_lang(const char *tag, char out[8])
{
    if (!tag || !*tag) return NULL;
    size_t i = 0;
    for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i < 7; i++)
        out[i] = (char)((tag[i] >= 'A' && tag[i] <= 'Z') ? tag[i] + 32 : tag[i]);
    out[i] = 0;
    return out;
}

const char *cli_today(void)
{
    static char buf[16];
    time_t now = time(NULL);
    strftime(buf, sizeof buf, "%Y-%m-%d", gmtime(&now));
    return buf;
}

int cli_each_doc(ent_reader *r, ent_text *tx, ent_analysis *a, const char *force, cli_doc_fn fn,
                 void *user)
{
    ent_error err = {0};
    ent_buf out = {0};
    const ent_doc *d;
    int rc, status = EXIT_OK;
    while ((rc = ent_reader_next(r, &d, &err)) == 1) {
        char lb[8];
        const char *lang = force ? force : cli_lang(d->lang, lb);
        if (ent_text_analyse(tx, d->text, d->len, lang, a, &err) != ENT_OK) {
            fprintf(stderr, "%s: %s\n", d->origin, err.message);
            status = EXIT_INPUT;
            continue;
        }
        ent_buf_clear(&out);
        fn(user, d, a, &out);
        if (out.len && fwrite(out.p, 1, out.len, stdout) != out.len) {
            fprintf(stderr, "entente: write error on standard output\n");
            status = EXIT_FATAL;
            break;
        }
    }
    if (rc < 0) {
        fprintf(stderr, "entente: %s\n", err.message);
        status = EXIT_FATAL;
    }
    if (status == EXIT_OK && ent_reader_problems(r) > 0) status = EXIT_INPUT;
    if (fflush(stdout) != 0) status = EXIT_FATAL;
    ent_buf_free(&out);
    return status;
}

int cli_coder_open(cli_coder *k, const char *dir) { return cli_coders_open(&k, 1, dir); }

void cli_coder_close(cli_coder *k)
{
    ent_analysis_free(k->a);
    ent_worker_free(k->w);
    ent_coder_free(k->coder);
    ent_text_free(k->tx);
    ent_dict_free(k->dict);
}

/* One thread's text analyser, worker and analysis, made by a thread of its own (Hunspell and
 * WordNet take 0.1 s to load). */
typedef struct text_job {
    cli_coder *k;
    ent_error err;
} text_job;

static void *open_text(void *arg)
{
    text_job *j = arg;
    j->k->tx = ent_text_new(NULL, &j->err);
    /* made by the thread that will use them, from its own heap: two threads' workers side
     * by side in memory would write the same cache lines */
    if (j->k->tx) {
        j->k->w = ent_worker_new(j->k->coder);
        j->k->a = ent_analysis_new();
    }
    return NULL;
}

int cli_coders_open(cli_coder *const *ks, int n, const char *dir)
{
    ent_error err = {0};
    cli_coder *k = ks[0];
    memset(k, 0, sizeof *k);
    k->dict = ent_dict_load(dir, &err);
    if (!k->dict) { fprintf(stderr, "entente: %s\n", err.message); return -1; }
    k->coder = ent_coder_new(k->dict);
    for (int i = 1; i < n; i++) {
        memset(ks[i], 0, sizeof *ks[i]);
        ks[i]->dict = k->dict;
        ks[i]->coder = k->coder;
    }
    /* the n text analysers at once: thread i makes the i-th, this thread the first */
    text_job *jobs = ent_xcalloc((size_t)n, sizeof *jobs);
    pthread_t *th = ent_xcalloc((size_t)n, sizeof *th);
    int *started = ent_xcalloc((size_t)n, sizeof *started);
    for (int i = 0; i < n; i++) jobs[i].k = ks[i];
    for (int i = 1; i < n; i++) started[i] = pthread_create(&th[i], NULL, open_text, &jobs[i]) == 0;
    open_text(&jobs[0]);
    int failed = -1;
    for (int i = 1; i < n; i++) {
        if (started[i]) pthread_join(th[i], NULL);
        else open_text(&jobs[i]);   /* no thread to be had: made here, one after the other */
    }
    for (int i = 0; i < n; i++)
        if (!ks[i]->tx && failed < 0) failed = i;
    if (failed >= 0) {
        fprintf(stderr, "entente: %s\n", jobs[failed].err.message);
        for (int i = 1; i < n; i++) cli_coder_close_clone(ks[i]);
        cli_coder_close(k);
    }
    free(jobs);
    free(th);
    free(started);
    return failed >= 0 ? -1 : 0;
}

static void *close_clone(void *arg)
{
    cli_coder_close_clone(arg);
    return NULL;
}

void cli_coders_close(cli_coder *const *ks, int n)
{
    if (n < 1) return;
    /* freeing a text analyser takes 40 ms (Hunspell's tables): the clones in threads of their
     * own while this one frees the first */
    pthread_t *th = ent_xcalloc((size_t)n, sizeof *th);
    int *started = ent_xcalloc((size_t)n, sizeof *started);
    for (int i = 1; i < n; i++) started[i] = pthread_create(&th[i], NULL, close_clone, ks[i]) == 0;
    for (int i = 1; i < n; i++)
        if (!started[i]) cli_coder_close_clone(ks[i]);
    cli_coder_close(ks[0]);
    for (int i = 1; i < n; i++)
        if (started[i]) pthread_join(th[i], NULL);
    free(th);
    free(started);
}

void cli_coder_close_clone(cli_coder *k)
{
    ent_analysis_free(k->a);
    ent_worker_free(k->w);
    ent_text_free(k->tx);
}

int cli_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int cli_jobs(const char *arg, int *jobs)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > 256) {
        fprintf(stderr, "entente: -j takes a number of threads, 1 to 256\n");
        return -1;
    }
    *jobs = (int)v;
    return 0;
}

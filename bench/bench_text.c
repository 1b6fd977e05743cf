/* bench_text.c: times the text layer (read + language + segment + tokenise + fold + lemma)
 * over the given inputs, and with --actors the actor recognition too, without writing
 * anything; prints one line: "bytes sentences tokens seconds actors". Used by bench/run. */
#include <string.h>
#include <stdio.h>
#include <time.h>

#include "entente.h"

int main(int argc, char **argv)
{
    ent_error err = {0};
    int actors = argc > 1 && !strcmp(argv[1], "--actors");
    if (actors) argv++, argc--;
    ent_dict *dict = actors ? ent_dict_load(NULL, &err) : NULL;
    ent_actors *rec = dict ? ent_actors_new(dict) : NULL;
    unsigned long long nactors = 0;
    ent_text *tx = ent_text_new(NULL, &err);
    if (!tx) { fprintf(stderr, "bench_text: %s\n", err.message); return 3; }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ent_reader *r = ent_reader_open((const char *const *)argv + 1, (size_t)(argc - 1), NULL, NULL, &err);
    ent_analysis *a = ent_analysis_new();
    const ent_doc *d;
    unsigned long long bytes = 0, sents = 0, toks = 0;
    while (ent_reader_next(r, &d, &err) == 1) {
        if (ent_text_analyse(tx, d->text, d->len, d->lang, a, &err) != ENT_OK) continue;
        bytes += d->len;
        sents += ent_analysis_sentence_count(a);
        toks += ent_analysis_token_count(a);
        for (size_t i = 0; rec && i < ent_analysis_sentence_count(a); i++) {
            const ent_actor *act;
            nactors += ent_actors_find(rec, a, i, d->date, &act);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%llu %llu %llu %.4f %llu\n", bytes, sents, toks, s, nactors);
    ent_actors_free(rec);
    ent_dict_free(dict);
    ent_analysis_free(a);
    ent_reader_close(r);
    ent_text_free(tx);
    return 0;
}

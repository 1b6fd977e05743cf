/* cmd_actors.c: `entente actors` (the actors recognised in each sentence, with the dictionary
 * entries that gave them) and `entente dict lint` (duplicate and conflicting entries). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../io/json.h"
#include "../util/util.h"
#include "cli.h"

static const char actors_help[] =
    "usage: entente actors [--dict DIR] [--lang fr|en] [--date YYYY-MM-DD] [--format jsonl|tsv]\n"
    "                      [FILE...]\n"
    "\n"
    "Writes one JSON line per sentence with the actors it names:\n"
    "  {\"doc_id\", \"sent\", \"date\", \"actors\": [{\"code\", \"start\", \"end\", \"text\",\n"
    "   \"entries\": [\"dict/FILE:LINE\", ...]}]}\n"
    "Codes are CAMEO actor codes for the document's date (its \"date\" field; --date for\n"
    "documents without one; today otherwise). Offsets are bytes into the document text.\n"
    "\n"
    "  --dict DIR  load the dictionaries of DIR instead of those compiled in\n"
    "  --lang L    treat every document as language L\n"
    "  --date D    date of documents that have none\n"
    "  --format tsv  one actor per line: doc_id, sent, code, start, end, text, entries\n"
    "  -h, --help  this help\n";

static const char dict_help[] =
    "usage: entente dict lint [DIR]\n"
    "       entente dict info [DIR]\n"
    "\n"
    "lint: loads the dictionaries (those compiled in, or DIR's *.txt files) and reports every\n"
    "      duplicate or conflicting entry as FILE:LINE: message; exit 1 if there is any.\n"
    "info: the number of entries and files.\n";

static void write_actors_tsv(ent_buf *b, const ent_doc *d, size_t i, const ent_actor *act,
                             size_t n, const ent_dict *dict)
{
    char origin[600];
    for (size_t k = 0; k < n; k++) {
        ent_buf_printf(b, "%s\t%zu\t%s\t%u\t%u\t", d->id, i, act[k].code, act[k].start, act[k].end);
        for (uint32_t p = act[k].start; p < act[k].end; p++)
            ent_buf_addc(b, d->text[p] == '\t' || d->text[p] == '\n' ? ' ' : d->text[p]);
        ent_buf_addc(b, '\t');
        for (uint32_t e = 0; e < act[k].nentries; e++) {
            if (e) ent_buf_addc(b, ',');
            ent_buf_adds(b, ent_dict_entry_origin(dict, act[k].entries[e], origin, sizeof origin));
        }
        ent_buf_addc(b, '\n');
    }
}

static void write_actors(ent_buf *b, const ent_doc *d, const ent_analysis *a, size_t i,
                         const char *date, const ent_actor *act, size_t n, const ent_dict *dict)
{
    ent_buf_adds(b, "{\"doc_id\":");
    ent_json_cstr(b, d->id);
    ent_buf_printf(b, ",\"sent\":%zu,\"date\":", i);
    ent_json_cstr(b, date);
    ent_buf_adds(b, ",\"actors\":[");
    char origin[600];
    for (size_t k = 0; k < n; k++) {
        ent_buf_adds(b, k ? ",{\"code\":" : "{\"code\":");
        ent_json_cstr(b, act[k].code);
        ent_buf_printf(b, ",\"start\":%u,\"end\":%u,\"text\":", act[k].start, act[k].end);
        ent_json_str(b, d->text + act[k].start, act[k].end - act[k].start);
        ent_buf_adds(b, ",\"entries\":[");
        for (uint32_t e = 0; e < act[k].nentries; e++) {
            if (e) ent_buf_addc(b, ',');
            ent_json_cstr(b, ent_dict_entry_origin(dict, act[k].entries[e], origin, sizeof origin));
        }
        ent_buf_adds(b, "]}");
    }
    ent_buf_adds(b, "]}\n");
    (void)a;
}

typedef struct {
    ent_actors *rec;
    const ent_dict *dict;
    const char *defdate;   /* the date of documents that give none */
    int tsv;
} actors_run;

/* cli_doc_fn: the actors of each sentence of d */
static void write_doc(void *user, const ent_doc *d, const ent_analysis *a, ent_buf *out)
{
    actors_run *ar = user;
    const char *date = d->date ? d->date : ar->defdate;
    for (size_t i = 0; i < ent_analysis_sentence_count(a); i++) {
        const ent_actor *act;
        size_t n = ent_actors_find(ar->rec, a, i, date, &act);
        if (ar->tsv) write_actors_tsv(out, d, i, act, n, ar->dict);
        else write_actors(out, d, a, i, date, act, n, ar->dict);
    }
}

int cmd_actors(int argc, char **argv)
{
    static const struct option opts[] = {
        {"dict", required_argument, NULL, 'd'}, {"lang", required_argument, NULL, 'l'},
        {"date", required_argument, NULL, 't'}, {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    int tsv = 0;
    const char *dir = NULL, *force = NULL, *defdate = NULL;
    char langbuf[8];
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hd:l:t:f:", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(actors_help, stdout); return EXIT_OK;
        case 'd': dir = optarg; break;
        case 'l': force = cli_lang(optarg, langbuf); break;
        case 't': defdate = optarg; break;
        case 'f':
            if (strcmp(optarg, "tsv") && strcmp(optarg, "jsonl")) {
                fprintf(stderr, "entente: --format must be jsonl or tsv\n");
                return EXIT_USAGE;
            }
            tsv = !strcmp(optarg, "tsv");
            break;
        default: fputs(actors_help, stderr); return EXIT_USAGE;
        }
    }
    ent_error err = {0};
    ent_dict *dict = ent_dict_load(dir, &err);
    if (!dict) { fprintf(stderr, "entente: %s\n", err.message); return EXIT_FATAL; }
    ent_text *tx = ent_text_new(NULL, &err);
    if (!tx) { fprintf(stderr, "entente: %s\n", err.message); ent_dict_free(dict); return EXIT_FATAL; }
    ent_actors *rec = ent_actors_new(dict);
    ent_reader *r = ent_reader_open((const char *const *)argv + optind, (size_t)(argc - optind),
                                    NULL, NULL, &err);
    ent_analysis *a = ent_analysis_new();
    actors_run ar = {rec, dict, defdate ? defdate : cli_today(), tsv};
    int status = cli_each_doc(r, tx, a, force, write_doc, &ar);
    ent_analysis_free(a);
    ent_reader_close(r);
    ent_actors_free(rec);
    ent_text_free(tx);
    ent_dict_free(dict);
    return status;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(dict_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    int lint = !strcmp(argv[1], "lint");
    if (!lint && strcmp(argv[1], "info")) {
        fprintf(stderr, "entente dict: unknown subcommand '%s'\n%s", argv[1], dict_help);
        return EXIT_USAGE;
    }
    ent_error err = {0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ent_dict *dict = ent_dict_load(argc > 2 ? argv[2] : NULL, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!dict) { fprintf(stderr, "%s\n", err.message); return EXIT_INPUT; }
    int status = EXIT_OK;
    if (lint) {
        size_t n = ent_dict_lint(dict, NULL, NULL);
        printf("%zu actor entries, %zu event patterns, %zu problem%s\n", ent_dict_entry_count(dict),
               ent_dict_pattern_count(dict), n, n == 1 ? "" : "s");
        if (n) status = EXIT_INPUT;
    } else {
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        printf("%zu actor entries, %zu event patterns, loaded in %.1f ms\n",
               ent_dict_entry_count(dict), ent_dict_pattern_count(dict), ms);
    }
    ent_dict_free(dict);
    return status;
}

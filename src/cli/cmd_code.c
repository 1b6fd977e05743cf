/* cmd_code.c: `entente code` (documents to events, JSONL/TSV/CSV) and `entente explain` (one
 * sentence: tokens, actors, triggers, clause decisions, events). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../code/cameo.h"
#include "../code/event_json.h"
#include "../io/json.h"
#include "../util/util.h"
#include "cli.h"

static const char code_help[] =
    "usage: entente code [--dict DIR] [--lang fr|en] [--date YYYY-MM-DD] [--format jsonl|tsv|csv]\n"
    "                    [-j N] [--quiet] [--mpi] [-o OUT] [FILE...]\n"
    "\n"
    "Codes documents into CAMEO events, one per line. JSON lines carry doc_id, sent, source,\n"
    "target, code, root, goldstein, quad, date, mode (verbal|nominal), the sentence's byte span\n"
    "and text, the byte spans of source, target and trigger, and the dictionary entries used\n"
    "(file:line). TSV and CSV give the same columns with a header row.\n"
    "\n"
    "  --dict DIR    load the dictionaries of DIR (and DIR/events) instead of those compiled in\n"
    "  --lang L      treat every document as language L\n"
    "  --date D      date of documents that have none (default: today)\n"
    "  --format F    jsonl (default), tsv or csv\n"
    "  -j, --jobs N  threads (default: one per core); the output is the same, in input order\n"
    "  --quiet       no progress line (shown only when standard error is a terminal)\n"
    "  -o, --output OUT  write the events to file OUT instead of standard output\n"
    "  --mpi         under mpirun: each rank codes a span of the input's bytes (cut at line\n"
    "                starts), rank 0 writes the output in input order (docs/scaling.md); give\n"
    "                -o OUT, as mpirun passes standard output through itself, slowly\n"
    "  -h, --help    this help\n";

static const char explain_help[] =
    "usage: entente explain [--lang fr|en] [--date D] [--json] [--dict DIR] \"SENTENCE\"\n"
    "       entente explain [...] --doc FILE\n"
    "\n"
    "Shows how a sentence is coded: its tokens with lemmas and parts of speech, the actors\n"
    "found, each trigger with its clause analysis (negated, passive, future, infinitive...),\n"
    "and why each event was or was not emitted. --json for tools.\n";

enum { FMT_JSONL, FMT_TSV, FMT_CSV };

typedef struct run {
    cli_coder k;
    const char *defdate;      /* `code`: the date of documents that give none */
    int fmt;                  /* `code`: FMT_* */
} run;

static void csv_field(ent_buf *b, const char *s, size_t n, int fmt)
{
    if (fmt == FMT_TSV) {
        for (size_t i = 0; i < n; i++) ent_buf_addc(b, s[i] == '\t' || s[i] == '\n' ? ' ' : s[i]);
        return;
    }
    ent_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') ent_buf_addc(b, '"');
        ent_buf_addc(b, s[i] == '\n' ? ' ' : s[i]);
    }
    ent_buf_addc(b, '"');
}

static void write_event(ent_buf *b, const ent_doc *d, const ent_sentence *s, const ent_event *e,
                        const char *date, int fmt, const run *r)
{
    if (fmt == FMT_JSONL) {
        ent_event_json(b, d, s, e, date, r->k.coder, r->k.dict);
        ent_buf_addc(b, '\n');
        return;
    }
    char origin[600];
    ent_coder_pattern_origin(r->k.coder, e->pattern, origin, sizeof origin);
    const ent_cameo *cm = ent_cameo_find(e->code);
    const char *label = cm ? cm->label : "";
    {
        char sep = fmt == FMT_TSV ? '\t' : ',';
        csv_field(b, d->id, strlen(d->id), fmt);
        ent_buf_printf(b, "%c%u%c", sep, e->sent, sep);
        csv_field(b, date, strlen(date), fmt);
        ent_buf_printf(b, "%c%s%c%s%c%s%c%s%c", sep, e->source, sep, e->target, sep, e->code, sep,
                       e->root, sep);
        csv_field(b, label, strlen(label), fmt);
        ent_buf_printf(b, "%c%.1f%c%d%c%s%c%u%c%u%c", sep, e->goldstein, sep, e->quad, sep,
                       e->nominal ? "nominal" : "verbal", sep, s->start, sep, s->end, sep);
        csv_field(b, d->text + e->trig_start, e->trig_end - e->trig_start, fmt);
        ent_buf_addc(b, sep);
        csv_field(b, origin, strlen(origin), fmt);
        ent_buf_addc(b, sep);
        csv_field(b, d->text + s->start, s->end - s->start, fmt);
        ent_buf_addc(b, '\n');
    }
}

/* cli_doc_fn: the events of each sentence of d (documents in a language with no dictionaries
 * give none) */
static void write_doc(void *user, const ent_doc *d, const ent_analysis *a, ent_buf *out)
{
    run *r = user;
    const char *alang = ent_analysis_lang(a);
    if (strcmp(alang, "fr") && strcmp(alang, "en")) return;
    const char *date = d->date ? d->date : r->defdate;
    for (size_t i = 0; i < ent_analysis_sentence_count(a); i++) {
        const ent_event *ev;
        size_t n = ent_worker_code(r->k.w, a, i, date, &ev);
        for (size_t k = 0; k < n; k++)
            write_event(out, d, ent_analysis_sentence(a, i), &ev[k], date, r->fmt, r);
    }
}

int cmd_code(int argc, char **argv)
{
    static const struct option opts[] = {
        {"dict", required_argument, NULL, 'd'}, {"lang", required_argument, NULL, 'l'},
        {"date", required_argument, NULL, 't'}, {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'}, {"quiet", no_argument, NULL, 'q'},
        {"mpi", no_argument, NULL, 'M'}, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    const char *dir = NULL, *force = NULL, *defdate = NULL, *outpath = NULL;
    char langbuf[8];
    int fmt = FMT_JSONL, c, jobs = cli_cores(), quiet = 0, mpi = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hd:l:t:f:j:qo:", opts, NULL)) != -1) {
        switch (c) {
        case 'o': outpath = optarg; break;
        case 'h': fputs(code_help, stdout); return EXIT_OK;
        case 'j':
            if (cli_jobs(optarg, &jobs) < 0) return EXIT_USAGE;
            break;
        case 'q': quiet = 1; break;
        case 'M': mpi = 1; break;
        case 'd': dir = optarg; break;
        case 'l': force = cli_lang(optarg, langbuf); break;
        case 't': defdate = optarg; break;
        case 'f':
            if (!strcmp(optarg, "jsonl")) fmt = FMT_JSONL;
            else if (!strcmp(optarg, "tsv")) fmt = FMT_TSV;
            else if (!strcmp(optarg, "csv")) fmt = FMT_CSV;
            else { fprintf(stderr, "entente: --format must be jsonl, tsv or csv\n"); return EXIT_USAGE; }
            break;
        default: fputs(code_help, stderr); return EXIT_USAGE;
        }
    }
    if (mpi) {
        if (cli_mpi_init(&argc, &argv) < 0) return EXIT_FATAL;
        jobs = 1;   /* one rank per core */
        if (optind >= argc && cli_mpi_size() > 1) {
            if (cli_mpi_rank() == 0) fprintf(stderr, "entente: --mpi needs input files (the ranks share their bytes)\n");
            cli_mpi_finish();
            return EXIT_USAGE;
        }
    }
    /* the output file: opened by the one process that writes (rank 0 under MPI) */
    if (outpath && (!mpi || cli_mpi_rank() == 0) && !freopen(outpath, "w", stdout)) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot write %s: %s", outpath, strerror(errno));
        if (mpi) cli_mpi_abort(msg);
        fprintf(stderr, "entente: %s\n", msg);
        return EXIT_FATAL;
    }
    run *rs = ent_xcalloc((size_t)jobs, sizeof *rs);
    cli_coder **ks = ent_xcalloc((size_t)jobs, sizeof *ks);
    for (int i = 0; i < jobs; i++) ks[i] = &rs[i].k;
    int opened = cli_coders_open(ks, jobs, dir) < 0 ? 0 : jobs;
    if (!opened) { free(ks); free(rs); return EXIT_FATAL; }
    ent_error err = {0};
    ent_reader *rd = opened == jobs ? ent_reader_open((const char *const *)argv + optind,
                                                      (size_t)(argc - optind), mpi ? cli_mpi_diag() : NULL,
                                                      NULL, &err) : NULL;
    int status = EXIT_FATAL;
    if (mpi && !rd) cli_mpi_abort(err.message);
    if (rd && mpi) cli_mpi_share(rd);   /* this rank reads its span of the input only */
    if (rd && mpi) {
        static char obuf[1 << 16];
        setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
        if (fmt != FMT_JSONL && cli_mpi_rank() == 0) {
            const char *cols[] = {"doc_id", "sent", "date", "source", "target", "code", "root",
                                  "label", "goldstein", "quad", "mode", "start", "end", "trigger", "pattern",
                                  "sentence", NULL};
            for (int i = 0; cols[i]; i++) printf("%s%s", i ? (fmt == FMT_TSV ? "\t" : ",") : "", cols[i]);
            putchar('\n');
        }
        rs[0].defdate = defdate ? defdate : cli_today();
        rs[0].fmt = fmt;
        status = cli_mpi_code(rd, rs[0].k.tx, rs[0].k.a, force, write_doc, &rs[0]);
    } else if (rd) {
        static char obuf[1 << 16];
        setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
        if (fmt != FMT_JSONL) {
            const char *cols[] = {"doc_id", "sent", "date", "source", "target", "code", "root",
                                  "label", "goldstein", "quad", "mode", "start", "end", "trigger", "pattern",
                                  "sentence", NULL};
            for (int i = 0; cols[i]; i++) printf("%s%s", i ? (fmt == FMT_TSV ? "\t" : ",") : "", cols[i]);
            putchar('\n');
        }
        void **users = ent_xcalloc((size_t)jobs, sizeof *users);
        ent_text **txs = ent_xcalloc((size_t)jobs, sizeof *txs);
        ent_analysis **as = ent_xcalloc((size_t)jobs, sizeof *as);
        for (int i = 0; i < jobs; i++) {
            rs[i].defdate = defdate ? defdate : cli_today();
            rs[i].fmt = fmt;
            users[i] = &rs[i];
            txs[i] = rs[i].k.tx;
            as[i] = rs[i].k.a;
        }
        cli_pool_opts po = {rd, jobs, force, write_doc, users, txs, as, !quiet && isatty(2),
                            cli_input_size(argc - optind, argv + optind), NULL, NULL, NULL, NULL};
        status = cli_pool_run(&po);
        free(users);
        free(txs);
        free(as);
    } else if (opened == jobs) {
        fprintf(stderr, "entente: %s\n", err.message);
    }
    ent_reader_close(rd);
    cli_coders_close(ks, opened);
    free(ks);
    free(rs);
    if (mpi) cli_mpi_finish();
    return status;
}

/* ---- explain ---- */

static void explain_one(run *r, const char *text, size_t len, const char *lang, const char *date,
                        int json)
{
    ent_error err = {0};
    if (ent_text_analyse(r->k.tx, text, len, lang, r->k.a, &err) != ENT_OK) {
        fprintf(stderr, "entente: %s\n", err.message);
        return;
    }
    ent_worker_trace(r->k.w, 1);
    const ent_token *tk = ent_analysis_tokens(r->k.a);
    ent_buf b = {0};
    if (json) ent_buf_printf(&b, "{\"lang\":\"%s\",\"date\":\"%s\",\"sentences\":[", ent_analysis_lang(r->k.a), date);
    for (size_t i = 0; i < ent_analysis_sentence_count(r->k.a); i++) {
        const ent_sentence *s = ent_analysis_sentence(r->k.a, i);
        const ent_event *ev;
        size_t n = ent_worker_code(r->k.w, r->k.a, i, date, &ev);
        const ent_actor *act;
        size_t na = ent_worker_actors(r->k.w, &act);
        char origin[600];
        if (json) {
            ent_buf_adds(&b, i ? ",{\"text\":" : "{\"text\":");
            ent_json_str(&b, text + s->start, s->end - s->start);
            ent_buf_adds(&b, ",\"tokens\":[");
            for (uint32_t k = 0; k < s->n_tokens; k++) {
                const ent_token *t = &tk[s->first_token + k];
                ent_buf_adds(&b, k ? ",[" : "[");
                ent_json_cstr(&b, t->surface);
                ent_buf_addc(&b, ',');
                ent_json_cstr(&b, t->lemma);
                ent_buf_printf(&b, ",\"%s\"]", ent_pos_name((ent_pos)t->pos));
            }
            ent_buf_adds(&b, "],\"actors\":[");
            for (size_t k = 0; k < na; k++) {
                ent_buf_printf(&b, "%s{\"code\":\"%s\",\"text\":", k ? "," : "", act[k].code);
                ent_json_str(&b, text + act[k].start, act[k].end - act[k].start);
                ent_buf_addc(&b, '}');
            }
            ent_buf_adds(&b, "],\"trace\":");
            ent_json_cstr(&b, ent_worker_trace_text(r->k.w));
            ent_buf_adds(&b, ",\"events\":[");
            for (size_t k = 0; k < n; k++)
                ent_buf_printf(&b, "%s{\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"pattern\":\"%s\"}",
                               k ? "," : "", ev[k].source, ev[k].target, ev[k].code,
                               ent_coder_pattern_origin(r->k.coder, ev[k].pattern, origin, sizeof origin));
            ent_buf_adds(&b, "]}");
            continue;
        }
        ent_buf_printf(&b, "Sentence %zu: %.*s\n\nTokens (surface, lemma, part of speech):\n", i,
                       (int)(s->end - s->start), text + s->start);
        for (uint32_t k = 0; k < s->n_tokens; k++) {
            const ent_token *t = &tk[s->first_token + k];
            ent_buf_printf(&b, "  %-18s %-16s %s\n", t->surface, t->lemma, ent_pos_name((ent_pos)t->pos));
        }
        ent_buf_adds(&b, "\nActors:\n");
        if (!na) ent_buf_adds(&b, "  (none)\n");
        for (size_t k = 0; k < na; k++) {
            ent_buf_printf(&b, "  %-10s %-30.*s", act[k].code, (int)(act[k].end - act[k].start),
                           text + act[k].start);
            for (uint32_t e = 0; e < act[k].nentries; e++)
                ent_buf_printf(&b, " %s", ent_dict_entry_origin(r->k.dict, act[k].entries[e], origin, sizeof origin));
            ent_buf_addc(&b, '\n');
        }
        ent_buf_printf(&b, "\nDecisions:\n%s\nEvents:\n", ent_worker_trace_text(r->k.w));
        if (!n) ent_buf_adds(&b, "  (none)\n");
        for (size_t k = 0; k < n; k++)
            ent_buf_printf(&b, "  %s -> %s  %s  (Goldstein %.1f, quad %d)  %s\n", ev[k].source,
                           ev[k].target, ev[k].code, ev[k].goldstein, ev[k].quad,
                           ent_coder_pattern_origin(r->k.coder, ev[k].pattern, origin, sizeof origin));
        ent_buf_addc(&b, '\n');
    }
    if (json) ent_buf_adds(&b, "]}\n");
    fwrite(b.p, 1, b.len, stdout);
    ent_buf_free(&b);
    ent_worker_trace(r->k.w, 0);
}

int cmd_explain(int argc, char **argv)
{
    static const struct option opts[] = {
        {"dict", required_argument, NULL, 'd'}, {"lang", required_argument, NULL, 'l'},
        {"date", required_argument, NULL, 't'}, {"doc", required_argument, NULL, 'D'},
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    const char *dir = NULL, *lang = NULL, *date = NULL, *docfile = NULL;
    char langbuf[8];
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hd:l:t:D:j", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(explain_help, stdout); return EXIT_OK;
        case 'd': dir = optarg; break;
        case 'l': lang = cli_lang(optarg, langbuf); break;
        case 't': date = optarg; break;
        case 'D': docfile = optarg; break;
        case 'j': json = 1; break;
        default: fputs(explain_help, stderr); return EXIT_USAGE;
        }
    }
    if (!docfile && optind != argc - 1) { fputs(explain_help, stderr); return EXIT_USAGE; }
    run r;
    if (cli_coder_open(&r.k, dir) < 0) return EXIT_FATAL;
    int status = EXIT_OK;
    if (docfile) {
        ent_error err = {0};
        const char *paths[] = {docfile};
        ent_reader *rd = ent_reader_open(paths, 1, NULL, NULL, &err);
        const ent_doc *d;
        while (ent_reader_next(rd, &d, &err) == 1) {
            char lb[8];
            explain_one(&r, d->text, d->len, lang ? lang : cli_lang(d->lang, lb),
                        date ? date : d->date ? d->date : cli_today(), json);
        }
        if (ent_reader_problems(rd)) status = EXIT_INPUT;
        ent_reader_close(rd);
    } else {
        explain_one(&r, argv[optind], strlen(argv[optind]), lang, date ? date : cli_today(), json);
    }
    cli_coder_close(&r.k);
    return status;
}

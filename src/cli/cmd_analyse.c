/* cmd_analyse.c: the questions asked of a store: `entente events`, `dyads`, `actors --db`,
 * `network`, `blocs`. One option parser for all; the work is in src/analyse/. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyse/analyse.h"
#include "cli.h"

static const char common_opts[] =
    "  --db URI          the store (default entente.db; postgresql://... for PostgreSQL)\n"
    "  --from D, --to D  only events from/to these days (YYYY-MM-DD, inclusive)\n"
    "  --dedup daily|none  daily (default): one event per day, source, target and code,\n"
    "                    however many reports; none: every report counts\n";

static const char events_help[] =
    "usage: entente events [--db URI] [--actor X] [--source X] [--target Y] [--code C]\n"
    "                      [--from D] [--to D] [--dedup daily|none] [--limit N] [--offset N]\n"
    "                      [--format jsonl|tsv|csv|json]\n"
    "\n"
    "The stored events with their sentences. An actor given as a country or organisation\n"
    "(RUS, IGOUNO) matches all its actors (RUSGOV, RUSMIL...); RUSGOV matches that one only.\n"
    "--code 042 or a prefix: --code '19*'. --actor matches source or target.\n";

static const char dyads_help[] =
    "usage: entente dyads [--db URI] --source X --target Y [--by day|week|month|year] [--from D]\n"
    "                     [--to D] [--code C] [--dedup daily|none] [--format text|tsv|csv|jsonl|json]\n"
    "       entente dyads [--db URI] --top N [--level country|actor] [...]\n"
    "\n"
    "The time series of a dyad, both directions: events per period and quad class (q1\n"
    "verbal cooperation, q2 material cooperation, q3 verbal conflict, q4 material conflict),\n"
    "the sum and mean Goldstein score. With --top N and no actors: the N most active dyads.\n";

static const char actors_help[] =
    "usage: entente actors --db URI [--level country|actor] [--from D] [--to D]\n"
    "                      [--dedup daily|none] [--limit N] [--format text|tsv|csv|jsonl|json]\n"
    "\n"
    "The actors of a store ranked by events (as source or target), with their cooperation\n"
    "and conflict counts, balance ((cooperation - conflict) / events) and mean Goldstein.\n"
    "Actor codes are aggregated to countries unless --level actor.\n"
    "(Without --db, `entente actors FILE...` finds the actors named in documents.)\n";

static const char network_help[] =
    "usage: entente network [--db URI] [--from D] [--to D] [--level country|actor]\n"
    "                       [--dedup daily|none] [--format graphml|gexf|json]\n"
    "\n"
    "The signed, weighted actor graph: a directed edge per (source, target) with its events,\n"
    "weight (sum of Goldstein scores: positive cooperation, negative conflict), mean and\n"
    "sign; nodes carry their events and bloc. GraphML and GEXF open in Gephi, igraph,\n"
    "networkx. Default format graphml.\n";

static const char blocs_help[] =
    "usage: entente blocs [--db URI] [--from D] [--to D] [--compare FROM2:TO2]\n"
    "                     [--level country|actor] [--dedup daily|none] [--format text|json]\n"
    "\n"
    "Blocs of actors found by signed community detection (igraph spinglass with negative\n"
    "weights): each bloc with its members, its cohesion (balance of cooperation over conflict\n"
    "inside it, from -1 to 1) and its relation to the other blocs. Actors with no bloc are\n"
    "listed as unaligned. With --compare, the blocs of the second period too, and who\n"
    "changed bloc between the two.\n";

enum { C_EVENTS, C_DYADS, C_ACTORS, C_NETWORK, C_BLOCS };

static int write_stdout(void *user, const char *data, size_t len)
{
    (void)user;
    return fwrite(data, 1, len, stdout) != len;
}

static int parse_format(const char *s, ent_format *f)
{
    static const struct { const char *name; ent_format f; } names[] = {
        {"jsonl", ENT_FMT_JSONL}, {"tsv", ENT_FMT_TSV}, {"csv", ENT_FMT_CSV}, {"json", ENT_FMT_JSON},
        {"text", ENT_FMT_TEXT}, {"graphml", ENT_FMT_GRAPHML}, {"gexf", ENT_FMT_GEXF}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(s, names[i].name)) { *f = names[i].f; return 0; }
    return -1;
}

static int parse_long(const char *opt, const char *s, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0) {
        fprintf(stderr, "entente: %s needs a number >= 0, not '%s'\n", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

static int run_analysis(int which, int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'D'}, {"actor", required_argument, NULL, 'a'},
        {"source", required_argument, NULL, 's'}, {"target", required_argument, NULL, 't'},
        {"code", required_argument, NULL, 'c'}, {"from", required_argument, NULL, 'F'},
        {"to", required_argument, NULL, 'T'}, {"dedup", required_argument, NULL, 'u'},
        {"level", required_argument, NULL, 'L'}, {"by", required_argument, NULL, 'b'},
        {"top", required_argument, NULL, 'n'}, {"limit", required_argument, NULL, 'l'},
        {"offset", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"compare", required_argument, NULL, 'C'}, {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    static const char *const helps[] = {events_help, dyads_help, actors_help, network_help, blocs_help};
    /* which options each command takes */
    static const char *const takes[] = {"DastcFTulof", "DstcFTuLbnlof", "DFTuLlof", "DFTuLf", "DFTuLfC"};
    static const ent_format defaults[] = {ENT_FMT_JSONL, ENT_FMT_TEXT, ENT_FMT_TEXT, ENT_FMT_GRAPHML, ENT_FMT_TEXT};
    const char *help = helps[which];
    const char *uri = "entente.db";
    ent_query q;
    memset(&q, 0, sizeof q);
    ent_format f = defaults[which];
    char cmp[64];   /* --compare's periods */
    int c;
    optind = 1;
    int li = 0;
    while ((c = getopt_long(argc, argv, "h", opts, &li)) != -1) {
        if (c == 'h') { fputs(help, stdout); fputs(common_opts, stdout); return EXIT_OK; }
        if (c == '?' || !strchr(takes[which], c)) {
            if (c != '?') fprintf(stderr, "entente: %s does not take --%s\n", argv[0], opts[li].name);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
        switch (c) {
        case 'D': uri = optarg; break;
        case 'a': q.actor = optarg; break;
        case 's': q.source = optarg; break;
        case 't': q.target = optarg; break;
        case 'c': q.code = optarg; break;
        case 'F': q.from = optarg; break;
        case 'T': q.to = optarg; break;
        case 'u':
        case 'L':
        case 'b':
        case 'C': {
            const char *why;
            if (query_option(&q, opts[li].name, optarg, cmp, &why) < 0) {
                fprintf(stderr, "entente: --%s\n", why);
                return EXIT_USAGE;
            }
            break;
        }
        case 'n': if (parse_long("--top", optarg, &q.top) < 0) return EXIT_USAGE; break;
        case 'l': if (parse_long("--limit", optarg, &q.limit) < 0) return EXIT_USAGE; break;
        case 'o': if (parse_long("--offset", optarg, &q.offset) < 0) return EXIT_USAGE; break;
        case 'f':
            if (parse_format(optarg, &f) < 0) { fprintf(stderr, "entente: unknown format '%s'\n", optarg); return EXIT_USAGE; }
            break;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "entente: %s takes no file arguments ('%s')\n", argv[0], argv[optind]);
        return EXIT_USAGE;
    }
    ent_error err = {0};
    ent_status st = ENT_OK;
    ent_store *s = NULL;
    /* the query is checked before the store is touched: a typo creates no file */
    if (check_query(&q, &err) != ENT_OK) st = ENT_ERR_USAGE;
    if (st == ENT_OK && !ent_store_exists(uri)) {
        snprintf(err.message, sizeof err.message, "no store at %s (make one with entente ingest --db %s)", uri, uri);
        st = ENT_ERR_FATAL;
    }
    if (st == ENT_OK && !(s = ent_store_open(uri, &err))) st = ENT_ERR_FATAL;
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    if (st == ENT_OK) {
        switch (which) {
        case C_EVENTS: st = ent_analyse_events(s, &q, f, write_stdout, NULL, &err); break;
        case C_DYADS: st = ent_analyse_dyads(s, &q, f, write_stdout, NULL, &err); break;
        case C_ACTORS: st = ent_analyse_actors(s, &q, f, write_stdout, NULL, &err); break;
        case C_NETWORK: st = ent_analyse_network(s, &q, f, write_stdout, NULL, &err); break;
        default: st = ent_analyse_blocs(s, &q, f, write_stdout, NULL, &err); break;
        }
    }
    ent_store_close(s);
    if (fflush(stdout) != 0 && st == ENT_OK) {
        snprintf(err.message, sizeof err.message, "write error on standard output");
        st = ENT_ERR_FATAL;
    }
    if (st != ENT_OK) {
        fprintf(stderr, "entente: %s\n", err.message);
        return st == ENT_ERR_USAGE ? EXIT_USAGE : EXIT_FATAL;
    }
    return EXIT_OK;
}

int cmd_events(int argc, char **argv) { return run_analysis(C_EVENTS, argc, argv); }
int cmd_dyads(int argc, char **argv) { return run_analysis(C_DYADS, argc, argv); }
int cmd_actors_rank(int argc, char **argv) { return run_analysis(C_ACTORS, argc, argv); }
int cmd_network(int argc, char **argv) { return run_analysis(C_NETWORK, argc, argv); }
int cmd_blocs(int argc, char **argv) { return run_analysis(C_BLOCS, argc, argv); }

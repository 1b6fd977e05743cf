/* main.c: the entente command: dispatches to subcommands and prints the help. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: entente COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "entente turns French and English news into coded political events (CAMEO).\n"
    "\n"
    "Commands:\n"
    "  code [FILE...]        code documents into CAMEO events (JSON lines, TSV or CSV)\n"
    "  explain \"SENTENCE\"   show how a sentence is coded, decision by decision\n"
    "  eval --gold FILE      score the coder on a gold file (../shared/devset/README.md)\n"
    "  sentences [FILE...]   split documents into sentences; one JSON line per sentence\n"
    "  tokens [FILE...]      tokens of each sentence with folded form, lemma, part of speech\n"
    "  actors [FILE...]      the actors (CAMEO codes) named in each sentence, with their\n"
    "                        dictionary entries\n"
    "  dict lint|info [DIR]  check the dictionaries: duplicates, conflicts, load time\n"
    "\n"
    "Store and analysis (--db URI: a SQLite file, default entente.db, or postgresql://...):\n"
    "  ingest [FILE...]      code documents and store them (idempotent, resumable)\n"
    "  db info               schema version and counts of a store\n"
    "  events                the stored events with their sentences, filtered\n"
    "  dyads                 a dyad over time (--source X --target Y), or the --top N dyads\n"
    "  actors --db URI       the actors ranked by events, cooperation/conflict balance\n"
    "  network               the signed actor graph (GraphML, GEXF, JSON)\n"
    "  blocs                 blocs by signed community detection; who changed side\n"
    "  serve                 the HTTP API and the dashboard (http://127.0.0.1:8080/)\n"
    "  version               print the version\n"
    "  help [COMMAND]        this help, or a command's\n"
    "\n"
    "FILE: a plain-text file (one document), a JSON-lines file (.jsonl, .ndjson: one\n"
    "{\"id\",\"text\"} document per line), a directory (read recursively), any of these\n"
    "compressed (.gz, .zst), or - for standard input (the default).\n"
    "\n"
    "Exit codes: 0 ok; 1 some input was bad (reported on stderr as FILE:LINE: message, the\n"
    "rest was processed); 2 usage error; 3 fatal error (nothing or not everything done).\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        if (argc > 2) {
            char *hargv[] = {argv[2], "--help", NULL};
            if (!strcmp(argv[2], "sentences")) return cmd_sentences(2, hargv);
            if (!strcmp(argv[2], "tokens")) return cmd_tokens(2, hargv);
            if (!strcmp(argv[2], "actors")) return cmd_actors(2, hargv);
            if (!strcmp(argv[2], "dict")) return cmd_dict(2, hargv);
            if (!strcmp(argv[2], "code")) return cmd_code(2, hargv);
            if (!strcmp(argv[2], "explain")) return cmd_explain(2, hargv);
            if (!strcmp(argv[2], "eval")) return cmd_eval(2, hargv);
            if (!strcmp(argv[2], "ingest")) return cmd_ingest(2, hargv);
            if (!strcmp(argv[2], "db")) return cmd_db(2, hargv);
            if (!strcmp(argv[2], "events")) return cmd_events(2, hargv);
            if (!strcmp(argv[2], "dyads")) return cmd_dyads(2, hargv);
            if (!strcmp(argv[2], "network")) return cmd_network(2, hargv);
            if (!strcmp(argv[2], "blocs")) return cmd_blocs(2, hargv);
            if (!strcmp(argv[2], "serve")) return cmd_serve(2, hargv);
        }
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("entente %s\n", ENT_VERSION);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "sentences")) return cmd_sentences(argc - 1, argv + 1);
    if (!strcmp(cmd, "tokens")) return cmd_tokens(argc - 1, argv + 1);
    if (!strcmp(cmd, "actors")) {
        for (int i = 2; i < argc; i++)
            if (!strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5)) return cmd_actors_rank(argc - 1, argv + 1);
        return cmd_actors(argc - 1, argv + 1);
    }
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "db")) return cmd_db(argc - 1, argv + 1);
    if (!strcmp(cmd, "events")) return cmd_events(argc - 1, argv + 1);
    if (!strcmp(cmd, "dyads")) return cmd_dyads(argc - 1, argv + 1);
    if (!strcmp(cmd, "network")) return cmd_network(argc - 1, argv + 1);
    if (!strcmp(cmd, "blocs")) return cmd_blocs(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    fprintf(stderr, "entente: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}

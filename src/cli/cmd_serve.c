/* cmd_serve.c: `entente serve`, the HTTP API and the dashboard over a store. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../serve/serve.h"
#include "cli.h"

static const char serve_help[] =
    "usage: entente serve [--db URI] [--bind ADDR] [--port N] [--cors ORIGIN] [--threads N]\n"
    "                     [--dict DIR] [--max-body BYTES] [--timeout S] [--max-connections N]\n"
    "\n"
    "Serves the store over HTTP: the dashboard at /, and JSON endpoints over the same\n"
    "functions as the commands: /api/events, /api/dyads, /api/actors, /api/network,\n"
    "/api/blocs (the commands' options as query parameters: ?source=RUS&target=PRK&by=month),\n"
    "POST /api/code (a text, or {\"text\",\"lang\",\"date\"}: its events and explanation),\n"
    "/api/health, and /api/openapi.json describing them all. Lists are paged (limit, offset;\n"
    "at most 10000 rows an answer).\n"
    "\n"
    "  --db URI        the store (default entente.db)\n"
    "  --bind ADDR     the IPv4 address to listen on (default 127.0.0.1: this machine only)\n"
    "  --port N        the port (default 8080; 0: any free port, printed)\n"
    "  --cors ORIGIN   allow this origin to call the API from a browser (default: none)\n"
    "  --threads N     server threads (default: one per core)\n"
    "  --max-body B    largest POST body in bytes (default 1048576; larger: 413)\n"
    "  --timeout S     seconds an idle connection is kept (default 30)\n"
    "  --max-connections N  connections served at once (default 4096; more are refused)\n"
    "  --dict DIR      dictionaries for /api/code (default: those compiled in)\n"
    "\n"
    "Runs until interrupted (Ctrl-C or SIGTERM).\n";

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'D'}, {"bind", required_argument, NULL, 'b'},
        {"port", required_argument, NULL, 'p'}, {"cors", required_argument, NULL, 'c'},
        {"threads", required_argument, NULL, 't'}, {"dict", required_argument, NULL, 'd'},
        {"max-body", required_argument, NULL, 'm'}, {"timeout", required_argument, NULL, 'T'},
        {"max-connections", required_argument, NULL, 'C'},
        {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    ent_serve_options o;
    memset(&o, 0, sizeof o);
    o.uri = "entente.db";
    o.port = 8080;
    const char *dir = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        char *end = NULL;
        long v = 0;
        if (strchr("ptmTC", c)) {
            v = strtol(optarg, &end, 10);
            if (*end || v < 0 || (c == 'p' && v > 65535)) {
                fprintf(stderr, "entente: bad number '%s'\n", optarg);
                return EXIT_USAGE;
            }
        }
        switch (c) {
        case 'h': fputs(serve_help, stdout); return EXIT_OK;
        case 'D': o.uri = optarg; break;
        case 'b': o.bind = optarg; break;
        case 'p': o.port = (unsigned)v; break;
        case 'c': o.cors = optarg; break;
        case 't': o.threads = (unsigned)v; break;
        case 'm': o.max_body = (size_t)v; break;
        case 'T': o.timeout = (unsigned)v; break;
        case 'C': o.max_connections = (unsigned)v; break;
        case 'd': dir = optarg; break;
        default: fputs(serve_help, stderr); return EXIT_USAGE;
        }
    }
    if (!ent_store_exists(o.uri)) {
        fprintf(stderr, "entente: no store at %s (make one with entente ingest --db %s)\n", o.uri, o.uri);
        return EXIT_FATAL;
    }
    ent_error err = {0};
    ent_dict *dict = ent_dict_load(dir, &err);
    if (!dict) { fprintf(stderr, "entente: %s\n", err.message); return EXIT_FATAL; }
    ent_coder *coder = ent_coder_new(dict);
    signal(SIGPIPE, SIG_IGN);
    ent_server *s = ent_server_start(&o, coder, dict, &err);
    if (!s) {
        fprintf(stderr, "entente: %s\n", err.message);
        ent_coder_free(coder);
        ent_dict_free(dict);
        return err.code == ENT_ERR_USAGE ? EXIT_USAGE : EXIT_FATAL;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    printf("entente: serving %s at http://%s:%u/ (Ctrl-C to stop)\n", o.uri, o.bind ? o.bind : "127.0.0.1",
           ent_server_port(s));
    fflush(stdout);
    while (!stop) pause();
    ent_server_stop(s);
    ent_coder_free(coder);
    ent_dict_free(dict);
    return EXIT_OK;
}

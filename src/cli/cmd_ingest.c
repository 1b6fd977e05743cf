/* cmd_ingest.c: `entente ingest` (documents, or events already coded, into a store) and
 * `entente db info`. */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../code/cameo.h"
#include "../util/util.h"
#include "cli.h"

static const char ingest_help[] =
    "usage: entente ingest [--db URI] [--dict DIR] [--lang fr|en] [--date D] [--batch N]\n"
    "                      [-j N] [--quiet] [--mpi] [FILE...]\n"
    "       entente ingest [--db URI] --events FILE [--events FILE...]\n"
    "\n"
    "Codes documents and stores them with their sentences and events. URI: a SQLite file\n"
    "(default entente.db, or sqlite:PATH) or postgresql://user@host:port/dbname.\n"
    "Ingesting the same documents again adds nothing; a document whose text, date or\n"
    "language changed has its sentences and events replaced. Documents are committed in\n"
    "batches: after a crash or a kill, running the same command again finishes the job.\n"
    "\n"
    "  --db URI      the store (default entente.db)\n"
    "  --events F    load events already coded (JSON lines as `entente code` writes them)\n"
    "                from F (- for standard input) instead of coding documents\n"
    "  --dict DIR    load the dictionaries of DIR instead of those compiled in\n"
    "  --lang L      treat every document as language L\n"
    "  --date D      date of documents that have none (default: today)\n"
    "  --batch N     documents per transaction (default 500; with --events, 5000 lines)\n"
    "  -j, --jobs N  threads coding documents (default: one per core); the store is the same\n"
    "  --mpi         under mpirun, with a PostgreSQL store: each rank codes and stores its\n"
    "                share of the input, a span of its bytes (docs/scaling.md)\n"
    "  --quiet       no progress line on a terminal\n"
    "  -h, --help    this help\n";

typedef struct ingest {
    ent_store *st;
    const char *defdate;
    long batch;
    int progress;
    /* counts */
    long docs, added, replaced, unchanged, sentences, events, bad;
    long in_batch;
    double t0, last;
    /* --events: the document and sentence of the previous line (lines of one document
     * follow each other: no lookup for each) */
    char *last_doc;
    int64_t last_key;
    long last_sent;
    ent_buf tmp;
    /* documents: the forced language, and the first store error (the pool stops) */
    const char *force;
    int failed;
    ent_error err;
    int mpi;                   /* --mpi: only this rank's documents */
    ent_reader *reader;        /* documents: for the bytes read, and the input's size (0: unknown) */
    uint64_t total;
} ingest;


static void show_progress(ingest *g, int final)
{
    if (!g->progress) return;
    double t = cli_now();
    if (!final && t - g->last < 0.5) return;
    g->last = t;
    double dt = t - g->t0 > 1e-9 ? t - g->t0 : 1e-9;
    uint64_t got = g->reader ? ent_reader_bytes(g->reader) : 0;
    char eta[48] = "";
    if (g->total && got && !final && got < g->total)
        snprintf(eta, sizeof eta, ", ETA %.0f s", (double)(g->total - got) * dt / (double)got);
    fprintf(stderr, "\ringest: %ld documents (%ld new, %ld replaced, %ld unchanged), %ld sentences, %ld events"
                    " (%.0f docs/s, %.0f sentences/s, %.0f events/s), %.1f MB read%s   %s",
            g->docs, g->added, g->replaced, g->unchanged, g->sentences, g->events, (double)g->docs / dt,
            (double)g->sentences / dt, (double)g->events / dt, (double)got / 1e6, eta, final ? "\n" : "");
}

/* Commits when the batch is full (or at the end with force). */
static int maybe_commit(ingest *g, int force, ent_error *err)
{
    if (!g->in_batch || (!force && g->in_batch < g->batch)) return 0;
    if (ent_store_commit(g->st, err) != ENT_OK) return -1;
    g->in_batch = 0;
    return 0;
}

static int begin_if_needed(ingest *g, ent_error *err)
{
    if (g->in_batch++) return 0;
    return ent_store_begin(g->st, err) == ENT_OK ? 0 : -1;
}

/* The day of a date: its first ten characters when they look like YYYY-MM-DD. */
static const char *day_of(const char *date, char out[11])
{
    if (date && strlen(date) >= 10 && date[4] == '-' && date[7] == '-') {
        memcpy(out, date, 10);
        out[10] = 0;
        return out;
    }
    return NULL;
}

/* ---- documents: coded by the pool's threads, stored by the main thread in input order ----
 *
 * A worker turns each document into records in its batch's output: D (the document), S (a
 * sentence), E (an event), X (a message: the document is skipped). The main thread reads
 * them back in input order (store_records) and writes them to the store, committing every
 * --batch documents. Strings are written with their length and a NUL, and read in place. */

typedef struct coder_ctx {
    cli_coder k;
    const char *defdate, *force;
    ent_buf tmp;
    char pad[64];   /* the threads' contexts sit in one array: tmp is written at every append */
} coder_ctx;

static void put_u32(ent_buf *b, uint32_t v) { ent_buf_add(b, (const char *)&v, sizeof v); }

static void put_str(ent_buf *b, const char *s, size_t n)
{
    if (!s) { put_u32(b, UINT32_MAX); return; }
    put_u32(b, (uint32_t)n);
    ent_buf_add(b, s, n);
    ent_buf_addc(b, 0);
}

static void put_cstr(ent_buf *b, const char *s) { put_str(b, s, s ? strlen(s) : 0); }

typedef struct recs {
    const char *p, *end;
} recs;

static uint32_t get_u32(recs *r)
{
    uint32_t v = 0;
    if (r->end - r->p >= 4) memcpy(&v, r->p, 4);
    r->p += 4;
    return v;
}

static const char *get_str(recs *r)
{
    uint32_t n = get_u32(r);
    if (n == UINT32_MAX) return NULL;
    const char *s = r->p;
    r->p += n + 1;
    return s;
}

/* cli_doc_fn of the workers: the records of one analysed document */
static void code_doc(void *user, const ent_doc *d, const ent_analysis *a, ent_buf *out)
{
    coder_ctx *c = user;
    char lb[8], day[11];
    const char *lang = c->force ? c->force : cli_lang(d->lang, lb);
    const char *date = d->date ? d->date : c->defdate;
    if (!day_of(date, day)) {
        char msg[700];
        snprintf(msg, sizeof msg, "%s: date '%s' is not YYYY-MM-DD; document skipped", d->origin, date);
        ent_buf_addc(out, 'X');
        put_cstr(out, msg);
        return;
    }
    ent_store_doc sd = {d->id, d->url, d->title, date, lang, {0}};
    ent_store_hash(d, lang, date, &sd);
    const char *alang = ent_analysis_lang(a);
    ent_buf_addc(out, 'D');
    put_cstr(out, d->id);
    put_cstr(out, d->url);
    put_cstr(out, d->title);
    put_cstr(out, date);
    put_cstr(out, alang);
    put_cstr(out, sd.hash);
    int coded = !strcmp(alang, "fr") || !strcmp(alang, "en");
    char origin[600];
    for (size_t i = 0; i < ent_analysis_sentence_count(a); i++) {
        const ent_sentence *s = ent_analysis_sentence(a, i);
        ent_buf_addc(out, 'S');
        put_u32(out, (uint32_t)i);
        put_u32(out, s->start);
        put_u32(out, s->end);
        put_str(out, d->text + s->start, s->end - s->start);
        if (!coded) continue;
        const ent_event *ev;
        size_t n = ent_worker_code(c->k.w, a, i, date, &ev);
        for (size_t j = 0; j < n; j++) {
            const ent_event *e = &ev[j];
            ent_buf_addc(out, 'E');
            put_u32(out, e->sent);
            put_cstr(out, day);
            put_cstr(out, e->source);
            put_cstr(out, e->target);
            put_cstr(out, e->code);
            put_cstr(out, e->root);
            put_cstr(out, e->nominal ? "nominal" : "verbal");
            put_u32(out, (uint32_t)(int32_t)(e->goldstein * 10.0 + (e->goldstein < 0 ? -0.5 : 0.5)));
            put_u32(out, (uint32_t)e->quad);
            put_u32(out, e->src_start);
            put_u32(out, e->src_end);
            put_u32(out, e->tgt_start);
            put_u32(out, e->tgt_end);
            put_u32(out, e->trig_start);
            put_u32(out, e->trig_end);
            put_str(out, d->text + e->trig_start, e->trig_end - e->trig_start);
            put_cstr(out, ent_coder_pattern_origin(c->k.coder, e->pattern, origin, sizeof origin));
            ent_buf_clear(&c->tmp);
            for (uint32_t q = 0; q < e->nentries; q++) {
                char eo[600];
                if (q) ent_buf_addc(&c->tmp, ' ');
                ent_buf_adds(&c->tmp, ent_dict_entry_origin(c->k.dict, e->entries[q], eo, sizeof eo));
            }
            put_cstr(out, c->tmp.p ? c->tmp.p : "");
        }
    }
}

/* keep: documents already stored with the same content are not coded again */
static int keep_doc(void *user, const ent_doc *d)
{
    ingest *g = user;
    char lb[8];
    const char *lang = g->force ? g->force : cli_lang(d->lang, lb);
    const char *date = d->date ? d->date : g->defdate;
    ent_store_doc sd = {d->id, NULL, NULL, date, lang, {0}};
    ent_store_hash(d, lang, date, &sd);
    if (g->failed) return 0;
    int has = ent_store_has(g->st, &sd, &g->err);   /* a read: no transaction needed */
    if (has < 0) { g->failed = 1; return 0; }
    if (has == 1) {
        g->docs++;
        g->unchanged++;
        show_progress(g, 0);
        return 0;
    }
    return 1;
}

/* sink: the records of a batch, in input order, into the store */
static int store_records(void *user, const char *data, size_t len)
{
    ingest *g = user;
    ent_error *err = &g->err;
    recs r = {data, data + len};
    int64_t key = 0;
    int skip = 0;
    while (r.p < r.end && !g->failed) {
        char kind = *r.p++;
        if (kind == 'X') {
            fprintf(stderr, "%s\n", get_str(&r));
            g->bad++;
            continue;
        }
        if (kind == 'D') {
            ent_store_doc sd;
            memset(&sd, 0, sizeof sd);
            sd.id = get_str(&r);
            sd.url = get_str(&r);
            sd.title = get_str(&r);
            sd.date = get_str(&r);
            sd.lang = get_str(&r);
            snprintf(sd.hash, sizeof sd.hash, "%s", get_str(&r));
            if (maybe_commit(g, 0, err) < 0 || begin_if_needed(g, err) < 0) { g->failed = 1; break; }
            int has;
            if (ent_store_put_doc(g->st, &sd, 0, &key, &has, err) != ENT_OK) { g->failed = 1; break; }
            skip = has == 1;   /* the same document twice in the input: stored once */
            g->docs++;
            if (has == 2) g->replaced++;
            else if (has == 0) g->added++;
            else g->unchanged++;
            continue;
        }
        if (kind == 'S') {
            uint32_t idx = get_u32(&r), start = get_u32(&r), end = get_u32(&r);
            const char *text = get_str(&r);
            if (skip) continue;
            if (ent_store_put_sentence(g->st, key, idx, start, end, text, text ? strlen(text) : 0, err) != ENT_OK) {
                g->failed = 1;
                break;
            }
            g->sentences++;
            continue;
        }
        if (kind == 'E') {
            ent_store_event e;
            memset(&e, 0, sizeof e);
            e.sent = get_u32(&r);
            e.day = get_str(&r);
            e.source = get_str(&r);
            e.target = get_str(&r);
            e.code = get_str(&r);
            e.root = get_str(&r);
            e.mode = get_str(&r);
            e.goldstein = (int32_t)get_u32(&r) / 10.0;
            e.quad = (int)get_u32(&r);
            e.src_start = get_u32(&r);
            e.src_end = get_u32(&r);
            e.tgt_start = get_u32(&r);
            e.tgt_end = get_u32(&r);
            e.trig_start = get_u32(&r);
            e.trig_end = get_u32(&r);
            e.trigger = get_str(&r);
            e.pattern = get_str(&r);
            e.entries = get_str(&r);
            if (skip) continue;
            if (ent_store_put_event(g->st, key, &e, err) != ENT_OK) { g->failed = 1; break; }
            g->events++;
            continue;
        }
        snprintf(err->message, sizeof err->message, "internal error: bad record '%c'", kind);
        g->failed = 1;
    }
    show_progress(g, 0);
    return g->failed;
}

/* ---- events already coded ---- */

static const char *jstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int jnum(const cJSON *o, const char *k, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (!cJSON_IsNumber(v)) return 0;
    *out = v->valuedouble;
    return 1;
}

/* Reads [a, b] from o[k] into two numbers (0, 0 when absent). */
static void jspan(const cJSON *o, const char *k, uint32_t *a, uint32_t *b)
{
    const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, k) : NULL;
    *a = *b = 0;
    if (cJSON_IsArray(v) && cJSON_GetArraySize(v) == 2) {
        const cJSON *x = cJSON_GetArrayItem(v, 0), *y = cJSON_GetArrayItem(v, 1);
        if (cJSON_IsNumber(x) && cJSON_IsNumber(y) && x->valuedouble >= 0 && y->valuedouble >= 0) {
            *a = (uint32_t)x->valuedouble;
            *b = (uint32_t)y->valuedouble;
        }
    }
}

static int valid_actor(const char *s)
{
    if (!s || !*s || strlen(s) > 15) return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) return 0;
    return 1;
}

/* One event line. Returns 0 stored, 1 bad line (reported), -1 store error. */
static const char *str_of(const cJSON *c) { return cJSON_IsString(c) ? c->valuestring : NULL; }

static int num_of(const cJSON *c, double *out)
{
    if (!cJSON_IsNumber(c)) return 0;
    *out = c->valuedouble;
    return 1;
}

static int ingest_event_line(ingest *g, const char *where, char *line, ent_error *err)
{
    cJSON *o = cJSON_Parse(line);
    const char *msg = NULL;
    char day[11];
    if (!o || !cJSON_IsObject(o)) msg = "not a JSON object";
    /* the fields, in one pass over the object's members */
    const cJSON *f_doc = NULL, *f_src = NULL, *f_tgt = NULL, *f_code = NULL, *f_date = NULL, *f_sent = NULL,
                *f_gs = NULL, *f_quad = NULL, *f_mode = NULL, *f_sentence = NULL, *f_spans = NULL,
                *f_trigger = NULL, *f_entries = NULL;
    for (const cJSON *c = o && !msg ? o->child : NULL; c; c = c->next) {
        const char *k = c->string;
        if (!k) continue;
        switch (k[0]) {
        case 'd': if (!strcmp(k, "doc_id")) f_doc = c; else if (!strcmp(k, "date")) f_date = c; break;
        case 's':
            if (!strcmp(k, "source")) f_src = c;
            else if (!strcmp(k, "sent")) f_sent = c;
            else if (!strcmp(k, "sentence")) f_sentence = c;
            else if (!strcmp(k, "spans")) f_spans = c;
            break;
        case 't': if (!strcmp(k, "target")) f_tgt = c; else if (!strcmp(k, "trigger")) f_trigger = c; break;
        case 'c': if (!strcmp(k, "code")) f_code = c; break;
        case 'g': if (!strcmp(k, "goldstein")) f_gs = c; break;
        case 'q': if (!strcmp(k, "quad")) f_quad = c; break;
        case 'm': if (!strcmp(k, "mode")) f_mode = c; break;
        case 'e': if (!strcmp(k, "entries")) f_entries = c; break;
        default: break;
        }
    }
    const char *doc_id = str_of(f_doc), *src = str_of(f_src), *tgt = str_of(f_tgt);
    const char *code = str_of(f_code), *date = str_of(f_date);
    double sent = -1, gs = 0, quad = 0;
    if (!msg && !doc_id) msg = "no \"doc_id\" string";
    if (!msg && (!num_of(f_sent, &sent) || sent < 0)) msg = "no \"sent\" number";
    if (!msg && (!valid_actor(src) || !valid_actor(tgt))) msg = "\"source\" and \"target\" must be actor codes (A-Z, 0-9)";
    if (!msg && !strcmp(src, tgt)) msg = "source and target are the same actor";
    const ent_cameo *cm = !msg && code ? ent_cameo_find(code) : NULL;
    if (!msg && !cm) msg = "no \"code\" or not a CAMEO code";
    if (!msg && !day_of(date ? date : g->defdate, day)) msg = "\"date\" is not YYYY-MM-DD";
    if (msg) {
        fprintf(stderr, "%s: %s; line skipped\n", where, msg);
        cJSON_Delete(o);
        g->bad++;
        return 1;
    }
    if (!num_of(f_gs, &gs)) gs = cm->goldstein;
    if (!num_of(f_quad, &quad)) quad = ent_cameo_quad(code);
    char root[3] = {code[0], code[1], 0};
    const char *mode = str_of(f_mode);
    if (!mode || (strcmp(mode, "verbal") && strcmp(mode, "nominal"))) mode = "verbal";

    ent_store_doc sd = {doc_id, NULL, NULL, date ? date : g->defdate, NULL, {0}};
    snprintf(sd.hash, sizeof sd.hash, "events");
    int64_t key;
    if (begin_if_needed(g, err) < 0) {
        cJSON_Delete(o);
        return -1;
    }
    if (g->last_doc && !strcmp(g->last_doc, doc_id)) {
        key = g->last_key;
    } else {
        if (ent_store_put_doc(g->st, &sd, 1, &key, NULL, err) != ENT_OK) {
            cJSON_Delete(o);
            return -1;
        }
        free(g->last_doc);
        g->last_doc = ent_xstrndup(doc_id, strlen(doc_id));
        g->last_key = key;
        g->last_sent = -1;
    }
    const cJSON *sn = f_sentence;
    const char *body = sn ? jstr(sn, "text") : NULL;
    double ss = 0, se = 0;
    if ((long)sent != g->last_sent && sn && jnum(sn, "start", &ss) && jnum(sn, "end", &se) && ss >= 0 &&
        se >= ss) {
        if (ent_store_put_sentence(g->st, key, (uint32_t)sent, (uint32_t)ss, (uint32_t)se, body,
                                   body ? strlen(body) : 0, err) != ENT_OK) {
            cJSON_Delete(o);
            return -1;
        }
        g->last_sent = (long)sent;
    }
    const cJSON *spans = f_spans;
    const cJSON *ent = f_entries;
    ent_buf_clear(&g->tmp);
    const cJSON *acts = ent ? cJSON_GetObjectItemCaseSensitive(ent, "actors") : NULL, *a;
    cJSON_ArrayForEach(a, acts) {
        if (!cJSON_IsString(a)) continue;
        if (g->tmp.len) ent_buf_addc(&g->tmp, ' ');
        ent_buf_adds(&g->tmp, a->valuestring);
    }
    ent_store_event ev = {(uint32_t)sent, day, src, tgt, cm->code, root, mode, gs, (int)quad,
                          0, 0, 0, 0, 0, 0, str_of(f_trigger), ent ? jstr(ent, "pattern") : NULL,
                          g->tmp.p ? g->tmp.p : ""};
    jspan(spans, "source", &ev.src_start, &ev.src_end);
    jspan(spans, "target", &ev.tgt_start, &ev.tgt_end);
    jspan(spans, "trigger", &ev.trig_start, &ev.trig_end);
    ent_status rc = ent_store_put_event(g->st, key, &ev, err);
    cJSON_Delete(o);
    if (rc != ENT_OK) return -1;
    g->events++;
    return 0;
}

/* cJSON's allocations for an events file come from an arena emptied at each line: a line's
 * objects are all freed together, and malloc was a tenth of a million-event load. */
static ent_arena line_arena;
static void *arena_malloc(size_t n) { return ent_arena_alloc(&line_arena, n); }
static void arena_free(void *p) { (void)p; }

static int ingest_events_file(ingest *g, const char *path, ent_error *err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, "entente: cannot open %s\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;
    char where[600];
    cJSON_Hooks arena_hooks = {arena_malloc, arena_free};
    cJSON_InitHooks(&arena_hooks);
    while ((n = getline(&line, &cap, f)) >= 0) {
        ent_arena_reset(&line_arena);
        lineno++;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (!n) continue;
        snprintf(where, sizeof where, "%s:%ld", strcmp(path, "-") ? path : "<stdin>", lineno);
        g->docs++;   /* lines, for the progress line */
        if ((rc = ingest_event_line(g, where, line, err)) < 0) break;
        rc = 0;
        if (maybe_commit(g, 0, err) < 0) { rc = -1; break; }
        show_progress(g, 0);
    }
    cJSON_InitHooks(NULL);   /* malloc and free again */
    ent_arena_free(&line_arena);
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "entente: read error on %s\n", path);
        rc = -1;
    }
    free(line);
    if (f != stdin) fclose(f);
    return rc;
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'D'}, {"events", required_argument, NULL, 'e'},
        {"dict", required_argument, NULL, 'd'}, {"lang", required_argument, NULL, 'l'},
        {"date", required_argument, NULL, 't'}, {"batch", required_argument, NULL, 'b'},
        {"quiet", no_argument, NULL, 'q'}, {"jobs", required_argument, NULL, 'j'},
        {"mpi", no_argument, NULL, 'M'},
        {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    const char *uri = "entente.db", *dir = NULL, *force = NULL;
    const char *evfiles[64];
    int nev = 0, quiet = 0, c, jobs = cli_cores();
    char langbuf[8];
    ingest g;
    memset(&g, 0, sizeof g);
    g.batch = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hj:", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(ingest_help, stdout); return EXIT_OK;
        case 'j':
            if (cli_jobs(optarg, &jobs) < 0) return EXIT_USAGE;
            break;
        case 'D': uri = optarg; break;
        case 'e':
            if (nev == 64) { fprintf(stderr, "entente: at most 64 --events files\n"); return EXIT_USAGE; }
            evfiles[nev++] = optarg;
            break;
        case 'd': dir = optarg; break;
        case 'l': force = cli_lang(optarg, langbuf); break;
        case 't': g.defdate = optarg; break;
        case 'b':
            g.batch = strtol(optarg, NULL, 10);
            if (g.batch < 1) { fprintf(stderr, "entente: --batch must be a positive number\n"); return EXIT_USAGE; }
            break;
        case 'q': quiet = 1; break;
        case 'M': g.mpi = 1; break;
        default: fputs(ingest_help, stderr); return EXIT_USAGE;
        }
    }
    if (nev && optind < argc) {
        fprintf(stderr, "entente: give either --events files or documents, not both\n");
        return EXIT_USAGE;
    }
    if (g.mpi) {
        if (nev) { fprintf(stderr, "entente: --mpi codes documents; load --events files without it\n"); return EXIT_USAGE; }
        if (!ent_store_uri_is_pg(uri)) {
            fprintf(stderr, "entente: --mpi needs a store all ranks share: --db postgresql://...\n");
            return EXIT_USAGE;
        }
        if (cli_mpi_init(&argc, &argv) < 0) return EXIT_FATAL;
        quiet = 1;
    }
    ent_error err = {0};
    g.st = ent_store_open(uri, &err);
    if (!g.st) {
        if (g.mpi) cli_mpi_abort(err.message);
        fprintf(stderr, "entente: %s\n", err.message);
        return EXIT_FATAL;
    }
    if (!g.defdate) g.defdate = cli_today();
    if (!g.batch) g.batch = nev ? 5000 : 500;
    g.progress = !quiet && isatty(2);
    g.t0 = g.last = cli_now();
    int status = EXIT_OK, failed = 0;
    if (nev) {
        for (int i = 0; i < nev && !failed; i++)
            if (ingest_events_file(&g, evfiles[i], &err) < 0) failed = 1;
    } else {
        coder_ctx *cs = ent_xcalloc((size_t)jobs, sizeof *cs);
        cli_coder **ks = ent_xcalloc((size_t)jobs, sizeof *ks);
        for (int i = 0; i < jobs; i++) ks[i] = &cs[i].k;
        int opened = cli_coders_open(ks, jobs, dir) < 0 ? 0 : jobs;
        ent_reader *rd = opened == jobs ? ent_reader_open((const char *const *)argv + optind,
                                                          (size_t)(argc - optind), g.mpi ? cli_mpi_diag() : NULL,
                                                          NULL, &err) : NULL;
        if (g.mpi && !rd) cli_mpi_abort(opened == jobs ? err.message : "cannot load the coder");
        if (g.mpi) cli_mpi_share(rd);   /* this rank reads its span of the input only */
        g.reader = rd;
        g.total = cli_input_size(argc - optind, argv + optind);
        if (rd) {
            void **users = ent_xcalloc((size_t)jobs, sizeof *users);
            ent_text **txs = ent_xcalloc((size_t)jobs, sizeof *txs);
            ent_analysis **as = ent_xcalloc((size_t)jobs, sizeof *as);
            for (int i = 0; i < jobs; i++) {
                cs[i].defdate = g.defdate;
                cs[i].force = force;
                users[i] = &cs[i];
                txs[i] = cs[i].k.tx;
                as[i] = cs[i].k.a;
            }
            g.force = force;
            /* the pool's own progress line is off: ingest shows its counts */
            cli_pool_opts po = {rd, jobs, force, code_doc, users, txs, as, 0, 0,
                                keep_doc, &g, store_records, &g};
            int prc = cli_pool_run(&po);
            if (g.failed || prc == EXIT_FATAL) {
                failed = 1;
                if (g.err.message[0]) err = g.err;
            } else if (prc == EXIT_INPUT) {
                status = EXIT_INPUT;
            }
            free(users);
            free(txs);
            free(as);
        } else {
            if (opened == jobs) fprintf(stderr, "entente: %s\n", err.message);
            status = EXIT_FATAL;
            failed = 1;
            err.message[0] = 0;
        }
        show_progress(&g, 1);   /* the final line while the reader still counts */
        g.progress = 0;
        g.reader = NULL;
        ent_reader_close(rd);
        for (int i = 0; i < opened; i++) ent_buf_free(&cs[i].tmp);
        cli_coders_close(ks, opened);
        free(ks);
        free(cs);
    }
    if (!failed && maybe_commit(&g, 1, &err) < 0) failed = 1;
    if (failed) {
        /* the open batch is rolled back: the store is as of the last commit */
        if (err.message[0]) fprintf(stderr, "entente: %s\n", err.message);
        ent_store_rollback(g.st);
        status = EXIT_FATAL;
    }
    if (g.mpi) {
        /* a failed rank stops them all, with its message; else the counts of all ranks */
        if (failed) cli_mpi_abort(err.message[0] ? err.message : "ingest failed");
        long counts[7] = {g.docs, g.added, g.replaced, g.unchanged, g.sentences, g.events, g.bad};
        cli_mpi_sum(counts, 7);
        g.docs = counts[0], g.added = counts[1], g.replaced = counts[2], g.unchanged = counts[3];
        g.sentences = counts[4], g.events = counts[5], g.bad = counts[6];
        status = cli_mpi_max(status);
    }
    show_progress(&g, 1);
    if (!failed && (!g.mpi || cli_mpi_rank() == 0)) {
        if (nev)
            printf("ingest: %ld events from %ld lines into %s\n", g.events, g.docs, uri);
        else
            printf("ingest: %ld documents (%ld new, %ld replaced, %ld unchanged), %ld sentences, %ld events into %s\n",
                   g.docs, g.added, g.replaced, g.unchanged, g.sentences, g.events, uri);
    }
    if (g.bad && status == EXIT_OK) status = EXIT_INPUT;
    ent_buf_free(&g.tmp);
    free(g.last_doc);
    ent_store_close(g.st);
    if (g.mpi) cli_mpi_finish();
    return status;
}

/* ---- db info ---- */

static const char db_help[] =
    "usage: entente db info [--db URI]\n"
    "\n"
    "Prints the store's back end, schema version and counts: documents, sentences, events,\n"
    "and rows of the de-duplicated view (one per day, source, target and code).\n";

int cmd_db(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'D'}, {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    const char *uri = "entente.db";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(db_help, stdout); return EXIT_OK;
        case 'D': uri = optarg; break;
        default: fputs(db_help, stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc || strcmp(argv[optind], "info")) {
        fputs(db_help, stderr);
        return EXIT_USAGE;
    }
    ent_error err = {0};
    ent_store *st = ent_store_open(uri, &err);
    if (!st) {
        fprintf(stderr, "entente: %s\n", err.message);
        return EXIT_FATAL;
    }
    ent_store_info in;
    if (ent_store_stats(st, &in, &err) != ENT_OK) {
        fprintf(stderr, "entente: %s\n", err.message);
        ent_store_close(st);
        return EXIT_FATAL;
    }
    printf("store:          %s (%s)\n", uri, in.backend);
    printf("schema version: %d\n", in.schema_version);
    printf("documents:      %lld\n", (long long)in.documents);
    printf("sentences:      %lld\n", (long long)in.sentences);
    printf("events:         %lld\n", (long long)in.events);
    printf("daily events:   %lld (de-duplicated by day, source, target, code)\n", (long long)in.daily);
    if (in.first_day[0]) printf("days:           %s to %s\n", in.first_day, in.last_day);
    ent_store_close(st);
    return EXIT_OK;
}

/* serve.c: the HTTP API and the dashboard (libmicrohttpd). The API answers with the same
 * functions as the command line (ent_analyse_*), in JSON; POST /api/code codes a text with
 * the coder loaded once at start. Each server thread has its own store connection, text
 * analyser and coder worker; the dictionaries and the coder are shared (immutable). Only the
 * files compiled into the binary are served: no path reaches the file system. */
#include "serve.h"

#include <arpa/inet.h>
#include <cjson/cJSON.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../analyse/analyse.h"
#include "../code/event_json.h"
#include "../dict/embedded.h"
#include "../io/json.h"
#include "../store/store.h"
#include "../util/util.h"

/* Per-thread state, made on a thread's first request and freed when the thread ends. */
typedef struct tstate {
    ent_store *st;
    ent_text *tx;
    ent_worker *w;
    ent_analysis *a;
} tstate;

struct ent_server {
    ent_serve_options o;
    const ent_coder *coder;
    const ent_dict *dict;
    struct MHD_Daemon *d;
    pthread_key_t key;
    unsigned port;
};

/* A request being received (POST bodies come in pieces). */
typedef struct req {
    ent_buf body;
    int too_big;
} req;

static void tstate_free(void *p)
{
    tstate *t = p;
    if (!t) return;
    ent_store_close(t->st);
    ent_analysis_free(t->a);
    ent_worker_free(t->w);
    ent_text_free(t->tx);
    free(t);
}

static tstate *thread_state(ent_server *s, ent_error *err)
{
    tstate *t = pthread_getspecific(s->key);
    if (t) return t;
    t = ent_xcalloc(1, sizeof *t);
    t->st = ent_store_open(s->o.uri, err);
    if (!t->st) { free(t); return NULL; }
    pthread_setspecific(s->key, t);
    return t;
}

/* The coder's part of the thread state, made on the first /api/code of the thread. */
static int thread_coder(ent_server *s, tstate *t, ent_error *err)
{
    if (t->tx) return 0;
    t->tx = ent_text_new(NULL, err);
    if (!t->tx) return -1;
    t->w = ent_worker_new(s->coder);
    t->a = ent_analysis_new();
    ent_worker_trace(t->w, 1);
    return 0;
}

/* ---- responses ---- */

/* Queues a response with the headers every answer has; `allow` is the Allow header of a 405. */
static enum MHD_Result reply_allow(ent_server *s, struct MHD_Connection *c, unsigned status, const char *type,
                                   const char *data, size_t len, enum MHD_ResponseMemoryMode mode,
                                   const char *allow)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)data, mode);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (s->o.cors) MHD_add_response_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, s->o.cors);
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
    enum MHD_Result rc = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return rc;
}

/* reply_allow for every path but /api/code: they take GET (and HEAD). */
static enum MHD_Result reply(ent_server *s, struct MHD_Connection *c, unsigned status, const char *type,
                            const char *data, size_t len, enum MHD_ResponseMemoryMode mode)
{
    return reply_allow(s, c, status, type, data, len, mode, "GET, HEAD");
}

static enum MHD_Result send_json_buf(ent_server *s, struct MHD_Connection *c, unsigned status, ent_buf *b)
{
    /* the response takes the buffer (MHD frees it with free()) */
    char *p = b->p ? b->p : ent_xstrndup("{}", 2);
    size_t n = b->p ? b->len : 2;
    b->p = NULL;
    b->len = b->cap = 0;
    return reply(s, c, status, "application/json; charset=utf-8", p, n, MHD_RESPMEM_MUST_FREE);
}

static enum MHD_Result send_error(ent_server *s, struct MHD_Connection *c, unsigned status, const char *msg)
{
    ent_buf b = {0};
    ent_buf_printf(&b, "{\"error\":");
    ent_json_cstr(&b, msg);
    ent_buf_printf(&b, ",\"status\":%u}\n", status);
    return send_json_buf(s, c, status, &b);
}

static int to_buf(void *user, const char *data, size_t len)
{
    ent_buf_add(user, data, len);
    return 0;
}

/* ---- query parameters ---- */

typedef struct qparse {
    const char *allowed;     /* the keys an endpoint takes, space-separated, with spaces around */
    char bad[64];
} qparse;

static enum MHD_Result check_key(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    (void)value;
    qparse *p = cls;
    char k[70];
    snprintf(k, sizeof k, " %s ", key);
    if (!strstr(p->allowed, k) && !p->bad[0]) snprintf(p->bad, sizeof p->bad, "%s", key);
    return MHD_YES;
}

static const char *arg(struct MHD_Connection *c, const char *k)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, k);
    return v && *v ? v : NULL;
}

/* Reads a number parameter; -1 and a message when it is not a number in [0, max]. */
static long num_arg(struct MHD_Connection *c, const char *k, long dflt, long max, char *msg, size_t n)
{
    const char *v = arg(c, k);
    if (!v) return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || x < 0 || x > max) {
        snprintf(msg, n, "%s must be a whole number from 0 to %ld", k, max);
        return -1;
    }
    return x;
}

enum { EP_EVENTS, EP_DYADS, EP_ACTORS, EP_NETWORK, EP_BLOCS };

static const char *const ep_keys[] = {
    " actor source target code from to dedup limit offset ",
    " source target code from to dedup level by top limit offset ",
    " from to dedup level limit offset ",
    " from to dedup level format ",
    " from to dedup level compare "};

/* Fills q from the query string of endpoint ep; returns 0, or -1 with msg. */
static int parse_query(struct MHD_Connection *c, int ep, ent_query *q, char *cmpbuf, char *msg, size_t n)
{
    static const char *const words[] = {"dedup", "level", "by", "compare", NULL};
    qparse p = {ep_keys[ep], ""};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_key, &p);
    if (p.bad[0]) {
        snprintf(msg, n, "unknown parameter '%s' (this endpoint takes:%s)", p.bad, ep_keys[ep]);
        return -1;
    }
    memset(q, 0, sizeof *q);
    q->actor = arg(c, "actor");
    q->source = arg(c, "source");
    q->target = arg(c, "target");
    q->code = arg(c, "code");
    q->from = arg(c, "from");
    q->to = arg(c, "to");
    for (int i = 0; words[i]; i++) {
        const char *v = arg(c, words[i]), *why;
        if (v && query_option(q, words[i], v, cmpbuf, &why) < 0) {
            snprintf(msg, n, "%s", why);
            return -1;
        }
    }
    /* every list is paged: at most ENT_SERVE_MAX_ROWS rows per answer */
    long dflt = ep == EP_EVENTS ? 100 : 1000;
    if ((q->limit = num_arg(c, "limit", dflt, ENT_SERVE_MAX_ROWS, msg, n)) < 0) return -1;
    if (q->limit == 0) q->limit = dflt;
    if ((q->offset = num_arg(c, "offset", 0, 1L << 40, msg, n)) < 0) return -1;
    if ((q->top = num_arg(c, "top", 0, ENT_SERVE_MAX_ROWS, msg, n)) < 0) return -1;
    ent_error err = {0};
    if (check_query(q, &err) != ENT_OK) {
        snprintf(msg, n, "%s", err.message);
        return -1;
    }
    return 0;
}

static enum MHD_Result api_analyse(ent_server *s, struct MHD_Connection *c, int ep)
{
    ent_query q;
    char msg[600], cmp[64];
    int rc = parse_query(c, ep, &q, cmp, msg, sizeof msg);
    ent_error err = {0};
    if (rc < 0) return send_error(s, c, MHD_HTTP_BAD_REQUEST, msg);
    tstate *t = thread_state(s, &err);
    if (!t) return send_error(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, err.message);
    ent_format f = ENT_FMT_JSON;
    if (ep == EP_NETWORK) {
        const char *fm = arg(c, "format");
        if (fm && !strcmp(fm, "graphml")) f = ENT_FMT_GRAPHML;
        else if (fm && !strcmp(fm, "gexf")) f = ENT_FMT_GEXF;
        else if (fm && strcmp(fm, "json")) return send_error(s, c, MHD_HTTP_BAD_REQUEST, "format must be json, graphml or gexf");
    }
    ent_buf b = {0};
    ent_status st;
    switch (ep) {
    case EP_EVENTS: st = ent_analyse_events(t->st, &q, f, to_buf, &b, &err); break;
    case EP_DYADS:
        if (!q.source && !q.target && !q.top) q.top = 20;   /* the most active dyads */
        st = ent_analyse_dyads(t->st, &q, f, to_buf, &b, &err);
        break;
    case EP_ACTORS: st = ent_analyse_actors(t->st, &q, f, to_buf, &b, &err); break;
    case EP_NETWORK: st = ent_analyse_network(t->st, &q, f, to_buf, &b, &err); break;
    default: st = ent_analyse_blocs(t->st, &q, f, to_buf, &b, &err); break;
    }
    if (st != ENT_OK) {
        ent_buf_free(&b);
        return send_error(s, c, st == ENT_ERR_USAGE ? MHD_HTTP_BAD_REQUEST : MHD_HTTP_INTERNAL_SERVER_ERROR,
                          err.message);
    }
    if (f != ENT_FMT_JSON) {
        char *p = b.p ? b.p : ent_xstrndup("", 0);
        return reply(s, c, MHD_HTTP_OK, "application/xml; charset=utf-8", p, b.len, MHD_RESPMEM_MUST_FREE);
    }
    return send_json_buf(s, c, MHD_HTTP_OK, &b);
}

/* POST /api/code: {"text": ..., "lang": ..., "date": ..., "id": ...} or the text itself. */
static enum MHD_Result api_code(ent_server *s, struct MHD_Connection *c, req *r)
{
    ent_error err = {0};
    const char *ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    cJSON *o = NULL;
    const char *text = r->body.p ? r->body.p : "", *lang = NULL, *date = NULL, *id = "text";
    if (ctype && strstr(ctype, "json")) {
        o = cJSON_ParseWithLength(r->body.p ? r->body.p : "", r->body.len);
        const cJSON *t = o ? cJSON_GetObjectItemCaseSensitive(o, "text") : NULL;
        if (!cJSON_IsString(t)) {
            cJSON_Delete(o);
            return send_error(s, c, MHD_HTTP_BAD_REQUEST, "the body must be a JSON object with a \"text\" string");
        }
        text = t->valuestring;
        const cJSON *v;
        if ((v = cJSON_GetObjectItemCaseSensitive(o, "lang")) && cJSON_IsString(v)) lang = v->valuestring;
        if ((v = cJSON_GetObjectItemCaseSensitive(o, "date")) && cJSON_IsString(v)) date = v->valuestring;
        if ((v = cJSON_GetObjectItemCaseSensitive(o, "id")) && cJSON_IsString(v)) id = v->valuestring;
    }
    if (lang && strcmp(lang, "fr") && strcmp(lang, "en")) {
        cJSON_Delete(o);
        return send_error(s, c, MHD_HTTP_BAD_REQUEST, "lang must be fr or en (or absent: identified)");
    }
    if (date && (strlen(date) < 10 || date[4] != '-' || date[7] != '-')) {
        cJSON_Delete(o);
        return send_error(s, c, MHD_HTTP_BAD_REQUEST, "date must be YYYY-MM-DD");
    }
    char today[16];
    if (!date) {
        time_t now = time(NULL);
        strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
        date = today;
    }
    tstate *t = thread_state(s, &err);
    if (!t || thread_coder(s, t, &err) < 0) {
        cJSON_Delete(o);
        return send_error(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, err.message);
    }
    size_t len = strlen(text);
    if (ent_text_analyse(t->tx, text, len, lang, t->a, &err) != ENT_OK) {
        cJSON_Delete(o);
        return send_error(s, c, MHD_HTTP_BAD_REQUEST, err.message);
    }
    const char *alang = ent_analysis_lang(t->a);
    int coded = !strcmp(alang, "fr") || !strcmp(alang, "en");
    ent_doc d = {id, text, len, alang, date, NULL, NULL, "request"};
    ent_buf b = {0}, sents = {0};
    ent_buf_adds(&b, "{\"lang\":");
    ent_json_cstr(&b, alang);
    ent_buf_adds(&b, ",\"date\":");
    ent_json_cstr(&b, date);
    ent_buf_adds(&b, ",\"events\":[");
    size_t nev = 0;
    for (size_t i = 0; i < ent_analysis_sentence_count(t->a); i++) {
        const ent_sentence *se = ent_analysis_sentence(t->a, i);
        const ent_event *ev = NULL;
        size_t n = coded ? ent_worker_code(t->w, t->a, i, date, &ev) : 0;
        for (size_t k = 0; k < n; k++) {
            if (nev++) ent_buf_addc(&b, ',');
            ent_event_json(&b, &d, se, &ev[k], date, s->coder, s->dict);
        }
        ent_buf_printf(&sents, "%s{\"sent\":%zu,\"start\":%u,\"end\":%u,\"text\":", i ? "," : "", i,
                       se->start, se->end);
        ent_json_str(&sents, text + se->start, se->end - se->start);
        ent_buf_adds(&sents, ",\"explain\":");
        ent_json_cstr(&sents, coded ? ent_worker_trace_text(t->w) : "language not coded");
        ent_buf_addc(&sents, '}');
    }
    ent_buf_adds(&b, "],\"sentences\":[");
    if (sents.p) ent_buf_add(&b, sents.p, sents.len);
    ent_buf_adds(&b, "]}\n");
    ent_buf_free(&sents);
    cJSON_Delete(o);
    return send_json_buf(s, c, MHD_HTTP_OK, &b);
}

static enum MHD_Result api_health(ent_server *s, struct MHD_Connection *c)
{
    ent_error err = {0};
    tstate *t = thread_state(s, &err);
    ent_buf b = {0};
    if (!t) {
        ent_buf_adds(&b, "{\"status\":\"unavailable\",\"error\":");
        ent_json_cstr(&b, err.message);
        ent_buf_adds(&b, "}\n");
        return send_json_buf(s, c, MHD_HTTP_SERVICE_UNAVAILABLE, &b);
    }
    ent_buf_printf(&b, "{\"status\":\"ok\",\"version\":\"%s\",\"store\":{\"backend\":\"%s\",\"schema_version\":%d},"
                       "\"patterns\":%zu}\n",
                   ENT_VERSION, ent_store_uri_is_pg(s->o.uri) ? "postgresql" : "sqlite",
                   ent_store_schema_version(), ent_dict_pattern_count(s->dict));
    return send_json_buf(s, c, MHD_HTTP_OK, &b);
}

static const ent_embedded_file *web_file(const char *url)
{
    if (!strcmp(url, "/")) url = "/index.html";
    for (size_t i = 0; i < ent_web_count; i++)
        if (!strcmp(ent_web[i].name, url)) return &ent_web[i];
    return NULL;
}

static const char *mime(const char *url)
{
    const char *dot = strrchr(url, '.');
    if (!dot || !strcmp(url, "/")) return "text/html; charset=utf-8";
    if (!strcmp(dot, ".js")) return "text/javascript; charset=utf-8";
    if (!strcmp(dot, ".css")) return "text/css; charset=utf-8";
    if (!strcmp(dot, ".json")) return "application/json; charset=utf-8";
    return "text/html; charset=utf-8";
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    ent_server *s = cls;
    req *r = *con_cls;
    if (!r) {
        r = ent_xcalloc(1, sizeof *r);
        *con_cls = r;
        return MHD_YES;
    }
    if (*upload_size) {   /* a piece of the body */
        if (!r->too_big && r->body.len + *upload_size > s->o.max_body) r->too_big = 1;
        if (!r->too_big) ent_buf_add(&r->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    int get = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
    int post = !strcmp(method, MHD_HTTP_METHOD_POST);
    if (!strcmp(method, MHD_HTTP_METHOD_OPTIONS) && s->o.cors) {
        struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, s->o.cors);
        MHD_add_response_header(resp, "Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        MHD_add_response_header(resp, "Access-Control-Allow-Headers", "Content-Type");
        enum MHD_Result rc = MHD_queue_response(c, MHD_HTTP_NO_CONTENT, resp);
        MHD_destroy_response(resp);
        return rc;
    }
    if (!strcmp(url, "/api/code")) {
        if (!post) {
            static const char m[] = "{\"error\":\"/api/code takes POST\",\"status\":405}\n";
            return reply_allow(s, c, MHD_HTTP_METHOD_NOT_ALLOWED, "application/json; charset=utf-8", m,
                               sizeof m - 1, MHD_RESPMEM_PERSISTENT, "POST");
        }
        if (r->too_big) {
            char m[120];
            snprintf(m, sizeof m, "the body is over the limit of %zu bytes", s->o.max_body);
            return send_error(s, c, MHD_HTTP_CONTENT_TOO_LARGE, m);
        }
        return api_code(s, c, r);
    }
    if (!get) return send_error(s, c, MHD_HTTP_METHOD_NOT_ALLOWED, "this path takes GET");
    if (!strcmp(url, "/api/events")) return api_analyse(s, c, EP_EVENTS);
    if (!strcmp(url, "/api/dyads")) return api_analyse(s, c, EP_DYADS);
    if (!strcmp(url, "/api/actors")) return api_analyse(s, c, EP_ACTORS);
    if (!strcmp(url, "/api/network")) return api_analyse(s, c, EP_NETWORK);
    if (!strcmp(url, "/api/blocs")) return api_analyse(s, c, EP_BLOCS);
    if (!strcmp(url, "/api/health")) return api_health(s, c);
    const ent_embedded_file *f = web_file(url);
    if (f) return reply(s, c, MHD_HTTP_OK, mime(f->name), f->data, (size_t)(f->end - f->data), MHD_RESPMEM_PERSISTENT);
    return send_error(s, c, MHD_HTTP_NOT_FOUND, "no such path");
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    req *r = *con_cls;
    if (!r) return;
    ent_buf_free(&r->body);
    free(r);
    *con_cls = NULL;
}

ent_server *ent_server_start(const ent_serve_options *o, const ent_coder *coder, const ent_dict *dict,
                             ent_error *err)
{
    ent_server *s = ent_xcalloc(1, sizeof *s);
    s->o = *o;
    s->coder = coder;
    s->dict = dict;
    if (!s->o.max_body) s->o.max_body = 1 << 20;
    if (!s->o.threads) s->o.threads = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    if (!s->o.max_connections) s->o.max_connections = 4096;
    pthread_key_create(&s->key, tstate_free);
    /* the store must open before we say we serve it */
    ent_store *probe = ent_store_open(o->uri, err);
    if (!probe) {
        pthread_key_delete(s->key);
        free(s);
        return NULL;
    }
    ent_store_close(probe);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)o->port);
    if (inet_pton(AF_INET, o->bind ? o->bind : "127.0.0.1", &sa.sin_addr) != 1) {
        snprintf(err->message, sizeof err->message, "--bind: '%s' is not an IPv4 address", o->bind);
        err->code = ENT_ERR_USAGE;
        pthread_key_delete(s->key);
        free(s);
        return NULL;
    }
    s->d = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG, (uint16_t)o->port, NULL, NULL,
                            handle, s,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
                            MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)s->o.threads,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned int)s->o.max_connections,
                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(s->o.timeout ? s->o.timeout : 30),
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
                            MHD_OPTION_NOTIFY_COMPLETED, completed, s,
                            MHD_OPTION_END);
    if (!s->d) {
        snprintf(err->message, sizeof err->message, "cannot listen on %s:%u (in use, or not allowed)",
                 o->bind ? o->bind : "127.0.0.1", o->port);
        err->code = ENT_ERR_FATAL;
        pthread_key_delete(s->key);
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : o->port;
    return s;
}

unsigned ent_server_port(const ent_server *s) { return s->port; }

void ent_server_stop(ent_server *s)
{
    if (!s) return;
    MHD_stop_daemon(s->d);
    pthread_key_delete(s->key);
    free(s);
}

/* analyse.c: the questions users ask of a store: the events, a dyad over time, the actors
 * ranked, the signed actor network. Blocs are in blocs.c. Every query is written once for
 * both back ends; numbers are parsed and formatted here so that both give the same text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/json.h"
#include "../store/store.h"
#include "analyse.h"
#include "out.h"

/* ---- WHERE clauses with bound parameters ---- */

void where_init(where *w)
{
    memset(w, 0, sizeof w[0]);
}

void where_free(where *w)
{
    ent_buf_free(&w->sql);
    for (int i = 0; i < w->n; i++) free(w->owned[i]);
}

/* Binds value as the next parameter; returns its number ($n). */
static int where_param(where *w, const char *value)
{
    w->owned[w->n] = ent_xstrndup(value, strlen(value));
    w->params[w->n] = w->owned[w->n];
    return ++w->n;
}

/* Adds "AND <term>" where term contains one %d, replaced by the next parameter's number. */
static void where_add(where *w, const char *term, const char *value)
{
    if (w->n >= WHERE_MAX) return;
    int k = where_param(w, value);
    ent_buf_adds(&w->sql, w->sql.len ? " AND " : " WHERE ");
    ent_buf_printf(&w->sql, term, k);
}

/* Is the code a country or an organisation (its own country: RUS, IGOUNO), rather than an
 * actor within one (RUSGOV)? */
int actor_is_country(const char *code)
{
    char c[16];
    return !strcmp(ent_actor_country(code, c), code);
}

static void where_actor(where *w, const char *side, const char *code)
{
    int src = !strcmp(side, "source");
    char c[16];
    ent_actor_country(code, c);
    /* the country column always: its index finds the rows; then the actor itself */
    where_add(w, src ? "src_cty = $%d" : "tgt_cty = $%d", c);
    if (strcmp(c, code)) where_add(w, src ? "source = $%d" : "target = $%d", code);
}

/* The filters of q, as the WHERE clause of a query on the event or dyad_day table. */
void where_query(where *w, const ent_query *q)
{
    if (q->source) where_actor(w, "source", q->source);
    if (q->target) where_actor(w, "target", q->target);
    if (q->actor && w->n + 4 <= WHERE_MAX) {
        /* source or target: "(src_cty = $1 OR tgt_cty = $2)", with the actor columns too for
         * an actor code ("RUSGOV" is src_cty 'RUS' and source 'RUSGOV') */
        char c[16];
        ent_actor_country(q->actor, c);
        ent_buf_adds(&w->sql, w->sql.len ? " AND " : " WHERE ");
        if (strcmp(c, q->actor)) {
            int a = where_param(w, c), b = where_param(w, q->actor);
            int d = where_param(w, c), e = where_param(w, q->actor);
            ent_buf_printf(&w->sql, "((src_cty = $%d AND source = $%d) OR (tgt_cty = $%d AND target = $%d))",
                           a, b, d, e);
        } else {
            int a = where_param(w, c), b = where_param(w, c);
            ent_buf_printf(&w->sql, "(src_cty = $%d OR tgt_cty = $%d)", a, b);
        }
    }
    if (q->code) {
        size_t n = strlen(q->code);
        if (n && q->code[n - 1] == '*') {
            char pat[16];
            snprintf(pat, sizeof pat, "%.*s%%", (int)(n - 1 < 8 ? n - 1 : 8), q->code);
            where_add(w, "code LIKE $%d", pat);
        } else {
            where_add(w, "code = $%d", q->code);
        }
    }
    if (q->from) where_add(w, "day >= $%d", q->from);
    if (q->to) where_add(w, "day <= $%d", q->to);
}

static const char *limit_clause(const ent_query *q, char buf[64])
{
    buf[0] = 0;
    /* SQLite takes OFFSET only after a LIMIT, and PostgreSQL has no LIMIT -1 */
    if (q->limit > 0 || q->offset > 0)
        snprintf(buf, 64, " LIMIT %ld OFFSET %ld", q->limit > 0 ? q->limit : 9223372036854775807L,
                 q->offset > 0 ? q->offset : 0);
    return buf;
}

static ent_status fail_usage(ent_error *err, const char *msg)
{
    if (err) {
        snprintf(err->message, sizeof err->message, "%s", msg);
        err->code = ENT_ERR_USAGE;
    }
    return ENT_ERR_USAGE;
}

ent_status check_query(const ent_query *q, ent_error *err)
{
    const char *days[] = {q->from, q->to, q->from2, q->to2};
    for (int i = 0; i < 4; i++) {
        const char *d = days[i];
        if (!d) continue;
        if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
            return fail_usage(err, "dates must be YYYY-MM-DD");
        for (int k = 0; k < 10; k++)
            if (k != 4 && k != 7 && (d[k] < '0' || d[k] > '9')) return fail_usage(err, "dates must be YYYY-MM-DD");
        int m = (d[5] - '0') * 10 + d[6] - '0', dd = (d[8] - '0') * 10 + d[9] - '0';
        if (m < 1 || m > 12 || dd < 1 || dd > 31) return fail_usage(err, "dates must be YYYY-MM-DD (a real month and day)");
    }
    const char *codes[] = {q->actor, q->source, q->target};
    for (int i = 0; i < 3; i++) {
        const char *c = codes[i];
        if (!c) continue;
        if (!*c || strlen(c) > 15) return fail_usage(err, "actor codes are 1 to 15 letters or digits");
        for (; *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
                return fail_usage(err, "actor codes are capital letters and digits (RUS, RUSGOV, IGOUNO)");
    }
    if (q->code) {
        const char *c = q->code;
        size_t n = strlen(c);
        if (!n || n > 5) return fail_usage(err, "--code is a CAMEO code (042) or a prefix with * (19*)");
        for (size_t k = 0; k < n; k++)
            if (!(c[k] >= '0' && c[k] <= '9') && !(c[k] == '*' && k == n - 1))
                return fail_usage(err, "--code is a CAMEO code (042) or a prefix with * (19*)");
    }
    if (q->limit < 0 || q->offset < 0) return fail_usage(err, "--limit and --offset must not be negative");
    return ENT_OK;
}

/* Can the query be answered from dyad_day, the daily counts by country? Yes when it works
 * at country level and every actor it names is a country or an organisation. */
static int by_country(const ent_query *q, int level_matters)
{
    if (level_matters && q->level_actor) return 0;
    const char *codes[] = {q->actor, q->source, q->target};
    for (int i = 0; i < 3; i++)
        if (codes[i] && !actor_is_country(codes[i])) return 0;
    return 1;
}

int query_option(ent_query *q, const char *name, const char *value, char cmpbuf[64], const char **why)
{
    if (!strcmp(name, "dedup")) {
        *why = "dedup must be daily or none";
        if (strcmp(value, "daily") && strcmp(value, "none")) return -1;
        q->dedup_none = !strcmp(value, "none");
    } else if (!strcmp(name, "level")) {
        *why = "level must be country or actor";
        if (strcmp(value, "country") && strcmp(value, "actor")) return -1;
        q->level_actor = !strcmp(value, "actor");
    } else if (!strcmp(name, "by")) {
        *why = "by must be day, week, month or year";
        if (strcmp(value, "day") && strcmp(value, "week") && strcmp(value, "month") && strcmp(value, "year"))
            return -1;
        q->by = value[0];
    } else if (!strcmp(name, "compare")) {
        *why = "compare takes FROM:TO (YYYY-MM-DD:YYYY-MM-DD)";
        snprintf(cmpbuf, 64, "%s", value);
        char *colon = strchr(cmpbuf, ':');
        if (!colon) return -1;
        *colon = 0;
        q->from2 = *cmpbuf ? cmpbuf : NULL;
        q->to2 = colon[1] ? colon + 1 : NULL;
        if (!q->from2 && !q->to2) q->from2 = "0000-01-01";
    }
    return 0;
}

static const char *dedup_name(const ent_query *q) { return q->dedup_none ? "none" : "daily"; }

/* Opens the JSON object every JSON answer is: {"dedup":..., then the caller's tables. */
static void json_open(out *o, const ent_query *q, const char *what)
{
    if (o->f == ENT_FMT_JSON) out_printf(o, "{\"%s\":{\"dedup\":\"%s\",\"level\":\"%s\"},", what,
                                         dedup_name(q), q->level_actor ? "actor" : "country");
    else if (o->f == ENT_FMT_TEXT)
        out_printf(o, "# %s (de-duplication: %s; actors: %s)\n", what, dedup_name(q),
                   q->level_actor ? "actor codes" : "countries");
}

static void json_close(out *o)
{
    if (o->f == ENT_FMT_JSON) out_adds(o, "}\n");
}

/* ---- events ---- */

typedef struct ev_ctx {
    out *o;
    const char *dedup;
} ev_ctx;

static int ev_row(void *user, int ncol, const char *const *v)
{
    ev_ctx *c = user;
    if (ncol < 24) return 1;
    char g[32];
    const char *cells[25];
    for (int i = 0; i < 24; i++) cells[i] = v[i];
    cells[5] = out_num(g, strtod(v[5] ? v[5] : "0", NULL), 1);
    cells[24] = c->dedup;
    out_row(c->o, cells);
    return c->o->failed;
}

ent_status ent_analyse_events(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                              void *user, ent_error *err)
{
    static const out_col cols[] = {
        {"day", 's', 10}, {"source", 's', 10}, {"target", 's', 10}, {"code", 's', 5},
        {"root", 's', 4}, {"goldstein", 'n', 6}, {"quad", 'n', 4}, {"mode", 's', 7},
        {"reports", 'n', 7}, {"documents", 'n', 9}, {"doc_id", 's', 16}, {"sent", 'n', 4},
        {"trigger", 's', 12}, {"sentence_start", 'n', 6}, {"trig_start", 'n', 6}, {"trig_end", 'n', 6},
        {"src_start", 'n', 6}, {"src_end", 'n', 6}, {"tgt_start", 'n', 6}, {"tgt_end", 'n', 6},
        {"url", 's', 10}, {"title", 's', 10}, {"pattern", 's', 10}, {"sentence", 's', 0},
        {"dedup", 's', 5}};
    ent_status st = check_query(q, err);
    if (st != ENT_OK) return st;
    if (f != ENT_FMT_JSONL && f != ENT_FMT_TSV && f != ENT_FMT_CSV && f != ENT_FMT_JSON && f != ENT_FMT_TEXT)
        return fail_usage(err, "events: format must be jsonl, tsv, csv or json");
    where w;
    where_init(&w);
    where_query(&w, q);
    char lim[64];
    ent_buf sql = {0};
    ent_buf_printf(&sql,
                   "SELECT e.day, e.source, e.target, e.code, e.root, e.goldstein, e.quad, e.mode,"
                   " g.reports, g.documents, d.doc_id, e.sent, e.trig, s.start_byte, e.trig_start,"
                   " e.trig_end, e.src_start, e.src_end, e.tgt_start, e.tgt_end, d.url, d.title, e.pattern, s.body"
                   " FROM (SELECT %s FROM event%s%s) g"
                   " JOIN event e ON e.id = g.id JOIN document d ON d.id = e.doc"
                   " LEFT JOIN sentence s ON s.doc = e.doc AND s.idx = e.sent"
                   " ORDER BY e.day, e.id%s",
                   q->dedup_none ? "id, 1 AS reports, 1 AS documents"
                                 : "min(id) AS id, count(*) AS reports, count(DISTINCT doc) AS documents",
                   w.sql.p ? w.sql.p : "", q->dedup_none ? "" : " GROUP BY day, source, target, code",
                   limit_clause(q, lim));
    out o;
    out_init(&o, f, fn, user);
    json_open(&o, q, "events");
    out_table(&o, "events", cols, f == ENT_FMT_JSON ? 24 : 25);
    ev_ctx c = {&o, dedup_name(q)};
    long rc = db_query(ent_store_db(s), sql.p, w.n, w.params, ev_row, &c, err);
    out_table_end(&o);
    json_close(&o);
    ent_buf_free(&sql);
    where_free(&w);
    if (out_finish(&o) < 0) {
        if (err) snprintf(err->message, sizeof err->message, "write error");
        return ENT_ERR_FATAL;
    }
    return rc < 0 ? ENT_ERR_FATAL : ENT_OK;
}

/* ---- dyads ---- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* The period a day falls in: the day, the Monday of its week, or its month (YYYY-MM). */
void period_of(const char *day, char by, char out_[11])
{
    if (by == 'm' || by == 'y') {
        size_t n = by == 'm' ? 7 : 4;
        memcpy(out_, day, n);
        out_[n] = 0;
        return;
    }
    if (by == 'w') {
        int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);
        long z = days_from_civil(y, m, d);
        long wd = ((z % 7) + 7 + 3) % 7;   /* 1970-01-01 was a Thursday: 0 = Monday */
        civil_from_days(z - wd, &y, &m, &d);
        snprintf(out_, 11, "%04d-%02d-%02d", y, m, d);
        return;
    }
    snprintf(out_, 11, "%.10s", day);
}

typedef struct dy_bucket {
    char period[11];
    int dir;
    long n, quad[5], reports;
    long g10;                  /* sum of Goldstein scores, in tenths */
} dy_bucket;

typedef struct dy_ctx {
    char by;
    int dir, none;
    dy_bucket *b;
    size_t nb, cap;
    long lastb;                /* the bucket of the previous row, or -1 */
    char last_day[11];
} dy_ctx;

static int dy_row(void *user, int ncol, const char *const *v, const int64_t *num)
{
    dy_ctx *c = user;
    if (ncol < 5 || !v[0]) return 0;
    dy_bucket *b;
    if (c->lastb >= 0 && !strncmp(v[0], c->last_day, 10)) {
        b = &c->b[c->lastb];   /* rows come by day: most rows share the previous row's day */
    } else {
        char p[11];
        period_of(v[0], c->by, p);
        b = NULL;
        for (size_t i = c->nb; i-- > 0;) {
            if (c->b[i].dir == c->dir && !strcmp(c->b[i].period, p)) { b = &c->b[i]; break; }
            if (strcmp(c->b[i].period, p) < 0) break;
        }
        if (!b) {
            if (c->nb == c->cap) {
                c->cap = c->cap ? 2 * c->cap : 64;
                c->b = ent_xrealloc(c->b, c->cap * sizeof *c->b);
            }
            b = &c->b[c->nb++];
            memset(b, 0, sizeof *b);
            memcpy(b->period, p, sizeof p);
            b->dir = c->dir;
        }
        c->lastb = (long)(b - c->b);
        snprintf(c->last_day, sizeof c->last_day, "%.10s", v[0]);
    }
    long quad = (long)num[2];
    long g10 = (long)num[3];   /* Goldstein in tenths: exact sums */
    long reports = (long)num[4];
    long weight = c->none ? reports : 1;
    b->n += weight;
    if (quad >= 1 && quad <= 4) b->quad[quad] += weight;
    b->g10 += g10 * weight;
    b->reports += reports;
    return 0;
}

static int dy_cmp(const void *a, const void *b)
{
    const dy_bucket *x = a, *y = b;
    int c = strcmp(x->period, y->period);
    return c ? c : x->dir - y->dir;
}

typedef struct top_ctx {
    out *o;
    const char *dedup;
} top_ctx;

static int top_row(void *user, int ncol, const char *const *v)
{
    top_ctx *c = user;
    if (ncol < 9) return 1;
    char g1[32], g2[32];
    long n = strtol(v[2] ? v[2] : "0", NULL, 10);
    double gs = strtod(v[3] ? v[3] : "0", NULL);
    const char *cells[] = {v[0], v[1], v[2], v[5], v[6], v[7], v[8], out_num(g1, gs, 1),
                           out_num(g2, n ? gs / (double)n : 0, 2), v[4], c->dedup};
    out_row(c->o, cells);
    return c->o->failed;
}

static ent_status top_dyads(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                            void *user, ent_error *err)
{
    static const out_col cols[] = {
        {"source", 's', 10}, {"target", 's', 10}, {"events", 'n', 7}, {"q1", 'n', 5},
        {"q2", 'n', 5}, {"q3", 'n', 5}, {"q4", 'n', 5}, {"goldstein_sum", 'n', 13},
        {"goldstein_mean", 'n', 14}, {"reports", 'n', 7}, {"dedup", 's', 5}};
    where w;
    where_init(&w);
    where_query(&w, q);
    const char *S = q->level_actor ? "source" : "src_cty", *T = q->level_actor ? "target" : "tgt_cty";
    ent_buf sql = {0};
    const char *qsum = "sum(CASE WHEN quad = 1 THEN 1 ELSE 0 END), sum(CASE WHEN quad = 2 THEN 1 ELSE 0 END),"
                       " sum(CASE WHEN quad = 3 THEN 1 ELSE 0 END), sum(CASE WHEN quad = 4 THEN 1 ELSE 0 END)";
    if (by_country(q, 1) && q->dedup_none)
        ent_buf_printf(&sql, "SELECT src_cty, tgt_cty, sum(reports), sum(goldstein * reports), sum(reports),"
                             " sum(CASE WHEN quad = 1 THEN reports ELSE 0 END), sum(CASE WHEN quad = 2 THEN reports ELSE 0 END),"
                             " sum(CASE WHEN quad = 3 THEN reports ELSE 0 END), sum(CASE WHEN quad = 4 THEN reports ELSE 0 END)"
                             " FROM dyad_day%s GROUP BY src_cty, tgt_cty ORDER BY 3 DESC, 1, 2 LIMIT %ld",
                       w.sql.p ? w.sql.p : "", q->top);
    else if (by_country(q, 1))
        ent_buf_printf(&sql, "SELECT src_cty, tgt_cty, count(*), sum(goldstein), sum(reports), %s"
                             " FROM dyad_day%s GROUP BY src_cty, tgt_cty ORDER BY 3 DESC, 1, 2 LIMIT %ld",
                       qsum, w.sql.p ? w.sql.p : "", q->top);
    else if (q->dedup_none)
        ent_buf_printf(&sql, "SELECT %s, %s, count(*), sum(goldstein), count(*), %s FROM event%s"
                             " GROUP BY %s, %s ORDER BY 3 DESC, 1, 2 LIMIT %ld",
                       S, T, qsum, w.sql.p ? w.sql.p : "", S, T, q->top);
    else
        ent_buf_printf(&sql, "SELECT s, t, count(*), sum(goldstein), sum(reports), %s FROM"
                             " (SELECT %s AS s, %s AS t, min(quad) AS quad, min(goldstein) AS goldstein,"
                             " count(*) AS reports FROM event%s GROUP BY day, %s, %s, code) x"
                             " GROUP BY s, t ORDER BY 3 DESC, 1, 2 LIMIT %ld",
                       qsum, S, T, w.sql.p ? w.sql.p : "", S, T, q->top);
    out o;
    out_init(&o, f, fn, user);
    json_open(&o, q, "dyads");
    out_table(&o, "dyads", cols, f == ENT_FMT_JSON ? 10 : 11);
    top_ctx c = {&o, dedup_name(q)};
    long rc = db_query(ent_store_db(s), sql.p, w.n, w.params, top_row, &c, err);
    out_table_end(&o);
    json_close(&o);
    ent_buf_free(&sql);
    where_free(&w);
    if (out_finish(&o) < 0) return fail_usage(err, "write error"), ENT_ERR_FATAL;
    return rc < 0 ? ENT_ERR_FATAL : ENT_OK;
}

ent_status ent_analyse_dyads(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                             void *user, ent_error *err)
{
    ent_status st = check_query(q, err);
    if (st != ENT_OK) return st;
    if (f == ENT_FMT_GRAPHML || f == ENT_FMT_GEXF) return fail_usage(err, "dyads: format must be text, tsv, csv, jsonl or json");
    if (!q->source && !q->target && !q->actor) {
        if (q->top <= 0) return fail_usage(err, "dyads: give --source and --target, or --top N");
        return top_dyads(s, q, f, fn, user, err);
    }
    if (!q->source || !q->target) return fail_usage(err, "dyads: give both --source and --target (or --top N)");
    if (!strcmp(q->source, q->target)) return fail_usage(err, "dyads: source and target must differ");
    ent_query q2 = *q;
    q2.actor = NULL;
    dy_ctx c = {q->by ? q->by : 'm', 0, q->dedup_none, NULL, 0, 0, -1, ""};
    db *d = ent_store_db(s);
    long rc = 0;
    for (int dir = 0; dir < 2 && rc >= 0; dir++) {
        q2.source = dir ? q->target : q->source;
        q2.target = dir ? q->source : q->target;
        where w;
        where_init(&w);
        where_query(&w, &q2);
        ent_buf sql = {0};
        if (by_country(q, 0))
            ent_buf_printf(&sql, "SELECT day, code, quad, CAST(round(goldstein * 10) AS INTEGER), reports"
                                 " FROM dyad_day%s ORDER BY day, code", w.sql.p);
        else
            ent_buf_printf(&sql, "SELECT day, code, min(quad), CAST(round(min(goldstein) * 10) AS INTEGER),"
                                 " count(*) FROM event%s GROUP BY day, code ORDER BY day, code", w.sql.p);
        c.lastb = -1;
        c.dir = dir;
        rc = db_query_nums(d, sql.p, w.n, w.params, 0x3, dy_row, &c, err);
        ent_buf_free(&sql);
        where_free(&w);
    }
    if (rc < 0) { free(c.b); return ENT_ERR_FATAL; }
    qsort(c.b, c.nb, sizeof *c.b, dy_cmp);
    static const out_col cols[] = {
        {"period", 's', 10}, {"source", 's', 10}, {"target", 's', 10}, {"events", 'n', 7},
        {"q1", 'n', 5}, {"q2", 'n', 5}, {"q3", 'n', 5}, {"q4", 'n', 5},
        {"goldstein_sum", 'n', 13}, {"goldstein_mean", 'n', 14}, {"reports", 'n', 7}, {"dedup", 's', 5}};
    out o;
    out_init(&o, f, fn, user);
    if (f == ENT_FMT_JSON)
        out_printf(&o, "{\"dyad\":{\"source\":\"%s\",\"target\":\"%s\",\"by\":\"%s\",\"dedup\":\"%s\"},",
                   q->source, q->target, c.by == 'd' ? "day" : c.by == 'w' ? "week" : c.by == 'y' ? "year" : "month", dedup_name(q));
    else if (f == ENT_FMT_TEXT)
        out_printf(&o, "# dyad %s / %s by %s (de-duplication: %s)\n", q->source, q->target,
                   c.by == 'd' ? "day" : c.by == 'w' ? "week" : c.by == 'y' ? "year" : "month", dedup_name(q));
    out_table(&o, "series", cols, f == ENT_FMT_JSON ? 11 : 12);
    long skipped = 0;
    for (size_t i = 0; i < c.nb; i++) {
        dy_bucket *b = &c.b[i];
        if (q->offset > 0 && skipped < q->offset) { skipped++; continue; }
        if (q->limit > 0 && o.rows >= q->limit) break;
        char n[24], q1[24], q2s[24], q3[24], q4[24], gs[32], gm[32], rp[24];
        snprintf(n, sizeof n, "%ld", b->n);
        snprintf(q1, sizeof q1, "%ld", b->quad[1]);
        snprintf(q2s, sizeof q2s, "%ld", b->quad[2]);
        snprintf(q3, sizeof q3, "%ld", b->quad[3]);
        snprintf(q4, sizeof q4, "%ld", b->quad[4]);
        snprintf(rp, sizeof rp, "%ld", b->reports);
        const char *cells[] = {b->period, b->dir ? q->target : q->source, b->dir ? q->source : q->target,
                               n, q1, q2s, q3, q4, out_num(gs, (double)b->g10 / 10.0, 1),
                               out_num(gm, b->n ? (double)b->g10 / 10.0 / (double)b->n : 0, 2), rp, dedup_name(q)};
        out_row(&o, cells);
    }
    out_table_end(&o);
    json_close(&o);
    free(c.b);
    if (out_finish(&o) < 0) return fail_usage(err, "write error"), ENT_ERR_FATAL;
    return ENT_OK;
}

/* ---- pairs: the (source, target) aggregates network, actors and blocs are built on ---- */

static int pair_row(void *user, int ncol, const char *const *v)
{
    pairs *p = user;
    if (ncol < 6 || !v[0] || !v[1]) return 0;
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 256;
        p->p = ent_xrealloc(p->p, p->cap * sizeof *p->p);
    }
    pair *x = &p->p[p->n++];
    snprintf(x->s, sizeof x->s, "%s", v[0]);
    snprintf(x->t, sizeof x->t, "%s", v[1]);
    x->n = strtol(v[2] ? v[2] : "0", NULL, 10);
    x->coop = strtol(v[3] ? v[3] : "0", NULL, 10);
    x->gsum = strtod(v[4] ? v[4] : "0", NULL);
    x->reports = strtol(v[5] ? v[5] : "0", NULL, 10);
    return 0;
}

int fetch_pairs(ent_store *s, const ent_query *q, const char *from, const char *to, pairs *out_,
                ent_error *err)
{
    ent_query q2 = *q;
    q2.from = from;
    q2.to = to;
    where w;
    where_init(&w);
    where_query(&w, &q2);
    const char *S = q->level_actor ? "source" : "src_cty", *T = q->level_actor ? "target" : "tgt_cty";
    ent_buf sql = {0};
    if (by_country(q, 1) && q->dedup_none)
        ent_buf_printf(&sql, "SELECT src_cty, tgt_cty, sum(reports), sum(CASE WHEN quad <= 2 THEN reports ELSE 0 END),"
                             " sum(goldstein * reports), sum(reports) FROM dyad_day%s"
                             " GROUP BY src_cty, tgt_cty ORDER BY 1, 2", w.sql.p ? w.sql.p : "");
    else if (by_country(q, 1))
        ent_buf_printf(&sql, "SELECT src_cty, tgt_cty, count(*), sum(CASE WHEN quad <= 2 THEN 1 ELSE 0 END),"
                             " sum(goldstein), sum(reports) FROM dyad_day%s"
                             " GROUP BY src_cty, tgt_cty ORDER BY 1, 2", w.sql.p ? w.sql.p : "");
    else if (q->dedup_none)
        ent_buf_printf(&sql, "SELECT %s, %s, count(*), sum(CASE WHEN quad <= 2 THEN 1 ELSE 0 END),"
                             " sum(goldstein), count(*) FROM event%s GROUP BY %s, %s ORDER BY 1, 2",
                       S, T, w.sql.p ? w.sql.p : "", S, T);
    else
        ent_buf_printf(&sql, "SELECT s, t, count(*), sum(CASE WHEN quad <= 2 THEN 1 ELSE 0 END),"
                             " sum(goldstein), sum(reports) FROM"
                             " (SELECT %s AS s, %s AS t, min(quad) AS quad, min(goldstein) AS goldstein,"
                             " count(*) AS reports FROM event%s GROUP BY day, %s, %s, code) x"
                             " GROUP BY s, t ORDER BY 1, 2",
                       S, T, w.sql.p ? w.sql.p : "", S, T);
    memset(out_, 0, sizeof *out_);
    long rc = db_query(ent_store_db(s), sql.p, w.n, w.params, pair_row, out_, err);
    ent_buf_free(&sql);
    where_free(&w);
    /* the same self-pairs can appear at country level (RUSGOV → RUSMIL): they are not
     * relations between actors */
    size_t k = 0;
    for (size_t i = 0; i < out_->n; i++)
        if (strcmp(out_->p[i].s, out_->p[i].t)) out_->p[k++] = out_->p[i];
    out_->n = k;
    return rc < 0 ? -1 : 0;
}

void pairs_free(pairs *p) { free(p->p); }

static int node_cmp(const void *a, const void *b)
{
    return strcmp(((const node *)a)->code, ((const node *)b)->code);
}

/* The actors of the pairs, sorted, with their totals. */
void nodes_of(const pairs *p, nodes *ns)
{
    memset(ns, 0, sizeof *ns);
    ent_map idx = {0};
    for (size_t i = 0; i < p->n; i++) {
        for (int side = 0; side < 2; side++) {
            const char *c = side ? p->p[i].t : p->p[i].s;
            if (ent_map_get(&idx, c, strlen(c))) continue;
            if (ns->n == ns->cap) {
                ns->cap = ns->cap ? 2 * ns->cap : 64;
                ns->v = ent_xrealloc(ns->v, ns->cap * sizeof *ns->v);
            }
            node *x = &ns->v[ns->n++];
            memset(x, 0, sizeof *x);
            snprintf(x->code, sizeof x->code, "%s", c);
            ent_map_put(&idx, c, strlen(c), (void *)1);
        }
    }
    ent_map_free(&idx);
    qsort(ns->v, ns->n, sizeof *ns->v, node_cmp);
    for (size_t i = 0; i < p->n; i++) {
        const pair *x = &p->p[i];
        for (int side = 0; side < 2; side++) {
            node *nd = node_find(ns, side ? x->t : x->s);
            nd->n += x->n;
            nd->coop += x->coop;
            nd->gsum += x->gsum;
            if (side) nd->as_target += x->n;
            else nd->as_source += x->n;
        }
    }
}

node *node_find(const nodes *ns, const char *code)
{
    node key;
    snprintf(key.code, sizeof key.code, "%s", code);
    return bsearch(&key, ns->v, ns->n, sizeof *ns->v, node_cmp);
}

void nodes_free(nodes *ns) { free(ns->v); }

/* ---- actors ---- */

static int rank_cmp(const void *a, const void *b)
{
    const node *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return strcmp(x->code, y->code);
}

ent_status ent_analyse_actors(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                              void *user, ent_error *err)
{
    ent_status st = check_query(q, err);
    if (st != ENT_OK) return st;
    if (f == ENT_FMT_GRAPHML || f == ENT_FMT_GEXF) return fail_usage(err, "actors: format must be text, tsv, csv, jsonl or json");
    pairs p;
    if (fetch_pairs(s, q, q->from, q->to, &p, err) < 0) return ENT_ERR_FATAL;
    nodes ns;
    nodes_of(&p, &ns);
    pairs_free(&p);
    qsort(ns.v, ns.n, sizeof *ns.v, rank_cmp);
    static const out_col cols[] = {
        {"actor", 's', 10}, {"events", 'n', 7}, {"as_source", 'n', 9}, {"as_target", 'n', 9},
        {"cooperation", 'n', 11}, {"conflict", 'n', 8}, {"balance", 'n', 7},
        {"goldstein_mean", 'n', 14}, {"dedup", 's', 5}};
    out o;
    out_init(&o, f, fn, user);
    json_open(&o, q, "actors");
    out_table(&o, "actors", cols, f == ENT_FMT_JSON ? 8 : 9);
    long skipped = 0;
    for (size_t i = 0; i < ns.n; i++) {
        node *x = &ns.v[i];
        if (q->offset > 0 && skipped < q->offset) { skipped++; continue; }
        if (q->limit > 0 && o.rows >= q->limit) break;
        char n[24], a[24], b[24], co[24], cf[24], bal[32], gm[32];
        snprintf(n, sizeof n, "%ld", x->n);
        snprintf(a, sizeof a, "%ld", x->as_source);
        snprintf(b, sizeof b, "%ld", x->as_target);
        snprintf(co, sizeof co, "%ld", x->coop);
        snprintf(cf, sizeof cf, "%ld", x->n - x->coop);
        const char *cells[] = {x->code, n, a, b, co, cf,
                               out_num(bal, x->n ? (double)(2 * x->coop - x->n) / (double)x->n : 0, 2),
                               out_num(gm, x->n ? x->gsum / (double)x->n : 0, 2), dedup_name(q)};
        out_row(&o, cells);
    }
    out_table_end(&o);
    json_close(&o);
    nodes_free(&ns);
    if (out_finish(&o) < 0) return fail_usage(err, "write error"), ENT_ERR_FATAL;
    return ENT_OK;
}

/* ---- network ---- */

static void xml_text(out *o, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': out_adds(o, "&amp;"); break;
        case '<': out_adds(o, "&lt;"); break;
        case '>': out_adds(o, "&gt;"); break;
        case '"': out_adds(o, "&quot;"); break;
        default: out_add(o, s, 1);
        }
    }
}

ent_status ent_analyse_network(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                               void *user, ent_error *err)
{
    ent_status st = check_query(q, err);
    if (st != ENT_OK) return st;
    if (f != ENT_FMT_GRAPHML && f != ENT_FMT_GEXF && f != ENT_FMT_JSON)
        return fail_usage(err, "network: format must be graphml, gexf or json");
    pairs p;
    if (fetch_pairs(s, q, q->from, q->to, &p, err) < 0) return ENT_ERR_FATAL;
    nodes ns;
    nodes_of(&p, &ns);
    blocs_assign(&p, &ns);   /* each node's bloc, for colouring */
    out o;
    out_init(&o, f, fn, user);
    char g1[32], g2[32];
    if (f == ENT_FMT_JSON) {
        out_printf(&o, "{\"network\":{\"dedup\":\"%s\",\"level\":\"%s\",\"from\":", dedup_name(q),
                   q->level_actor ? "actor" : "country");
        ent_buf tmp = {0};
        ent_json_cstr(&tmp, q->from);
        ent_buf_adds(&tmp, ",\"to\":");
        ent_json_cstr(&tmp, q->to);
        out_add(&o, tmp.p, tmp.len);
        ent_buf_free(&tmp);
        out_adds(&o, "},\"nodes\":[");
        for (size_t i = 0; i < ns.n; i++) {
            node *x = &ns.v[i];
            out_printf(&o, "%s{\"id\":\"%s\",\"events\":%ld,\"cooperation\":%ld,\"conflict\":%ld,"
                           "\"goldstein_mean\":%s,\"bloc\":%d}",
                       i ? "," : "", x->code, x->n, x->coop, x->n - x->coop,
                       out_num(g1, x->n ? x->gsum / (double)x->n : 0, 2), x->bloc);
        }
        out_adds(&o, "],\"edges\":[");
        for (size_t i = 0; i < p.n; i++) {
            pair *x = &p.p[i];
            out_printf(&o, "%s{\"source\":\"%s\",\"target\":\"%s\",\"events\":%ld,\"weight\":%s,"
                           "\"goldstein_mean\":%s,\"sign\":%d,\"cooperation\":%ld,\"conflict\":%ld}",
                       i ? "," : "", x->s, x->t, x->n, out_num(g1, x->gsum, 1),
                       out_num(g2, x->n ? x->gsum / (double)x->n : 0, 2),
                       x->gsum > 0 ? 1 : x->gsum < 0 ? -1 : 0, x->coop, x->n - x->coop);
        }
        out_adds(&o, "]}\n");
    } else if (f == ENT_FMT_GRAPHML) {
        out_adds(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                     "  <key id=\"events\" for=\"all\" attr.name=\"events\" attr.type=\"long\"/>\n"
                     "  <key id=\"bloc\" for=\"node\" attr.name=\"bloc\" attr.type=\"int\"/>\n"
                     "  <key id=\"goldstein_mean\" for=\"all\" attr.name=\"goldstein_mean\" attr.type=\"double\"/>\n"
                     "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                     "  <key id=\"sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n");
        out_printf(&o, "  <graph id=\"entente\" edgedefault=\"directed\">\n");
        for (size_t i = 0; i < ns.n; i++) {
            node *x = &ns.v[i];
            out_adds(&o, "    <node id=\"");
            xml_text(&o, x->code);
            out_printf(&o, "\"><data key=\"events\">%ld</data><data key=\"bloc\">%d</data>"
                           "<data key=\"goldstein_mean\">%s</data></node>\n",
                       x->n, x->bloc, out_num(g1, x->n ? x->gsum / (double)x->n : 0, 2));
        }
        for (size_t i = 0; i < p.n; i++) {
            pair *x = &p.p[i];
            out_printf(&o, "    <edge id=\"e%zu\" source=\"", i);
            xml_text(&o, x->s);
            out_adds(&o, "\" target=\"");
            xml_text(&o, x->t);
            out_printf(&o, "\"><data key=\"events\">%ld</data><data key=\"weight\">%s</data>"
                           "<data key=\"goldstein_mean\">%s</data><data key=\"sign\">%d</data></edge>\n",
                       x->n, out_num(g1, x->gsum, 1), out_num(g2, x->n ? x->gsum / (double)x->n : 0, 2),
                       x->gsum > 0 ? 1 : x->gsum < 0 ? -1 : 0);
        }
        out_adds(&o, "  </graph>\n</graphml>\n");
    } else {
        out_adds(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
                     "  <meta><creator>entente</creator></meta>\n"
                     "  <graph defaultedgetype=\"directed\">\n"
                     "    <attributes class=\"node\">\n"
                     "      <attribute id=\"0\" title=\"events\" type=\"long\"/>\n"
                     "      <attribute id=\"1\" title=\"bloc\" type=\"integer\"/>\n"
                     "      <attribute id=\"2\" title=\"goldstein_mean\" type=\"double\"/>\n"
                     "    </attributes>\n"
                     "    <attributes class=\"edge\">\n"
                     "      <attribute id=\"0\" title=\"events\" type=\"long\"/>\n"
                     "      <attribute id=\"1\" title=\"goldstein_mean\" type=\"double\"/>\n"
                     "      <attribute id=\"2\" title=\"sign\" type=\"integer\"/>\n"
                     "    </attributes>\n"
                     "    <nodes>\n");
        for (size_t i = 0; i < ns.n; i++) {
            node *x = &ns.v[i];
            out_adds(&o, "      <node id=\"");
            xml_text(&o, x->code);
            out_adds(&o, "\" label=\"");
            xml_text(&o, x->code);
            out_printf(&o, "\"><attvalues><attvalue for=\"0\" value=\"%ld\"/><attvalue for=\"1\" value=\"%d\"/>"
                           "<attvalue for=\"2\" value=\"%s\"/></attvalues></node>\n",
                       x->n, x->bloc, out_num(g1, x->n ? x->gsum / (double)x->n : 0, 2));
        }
        out_adds(&o, "    </nodes>\n    <edges>\n");
        for (size_t i = 0; i < p.n; i++) {
            pair *x = &p.p[i];
            out_printf(&o, "      <edge id=\"%zu\" source=\"", i);
            xml_text(&o, x->s);
            out_adds(&o, "\" target=\"");
            xml_text(&o, x->t);
            out_printf(&o, "\" weight=\"%s\"><attvalues><attvalue for=\"0\" value=\"%ld\"/>"
                           "<attvalue for=\"1\" value=\"%s\"/><attvalue for=\"2\" value=\"%d\"/></attvalues></edge>\n",
                       out_num(g1, x->gsum, 1), x->n, out_num(g2, x->n ? x->gsum / (double)x->n : 0, 2),
                       x->gsum > 0 ? 1 : x->gsum < 0 ? -1 : 0);
        }
        out_adds(&o, "    </edges>\n  </graph>\n</gexf>\n");
    }
    pairs_free(&p);
    nodes_free(&ns);
    if (out_finish(&o) < 0) return fail_usage(err, "write error"), ENT_ERR_FATAL;
    return ENT_OK;
}

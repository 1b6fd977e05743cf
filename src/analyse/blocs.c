/* blocs.c: blocs of actors by signed community detection (igraph's spinglass with negative
 * weights, after Traag and Bruggeman 2009): actors that cooperate with each other and are
 * in conflict with the others. The graph is undirected; an edge's weight is the sum of the
 * Goldstein scores of the events between the two actors, both ways. */
#include <igraph/igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "out.h"

/* An undirected edge between nodes a < b. */
typedef struct uedge {
    int a, b;
    long n;
    double w;
} uedge;

static int uedge_cmp(const void *x, const void *y)
{
    const uedge *p = x, *q = y;
    return p->a != q->a ? p->a - q->a : p->b - q->b;
}

/* The pairs as undirected weighted edges, sorted, zero weights kept (for counts). */
static uedge *undirected(const pairs *p, const nodes *ns, size_t *ne)
{
    uedge *e = ent_xmalloc((p->n + 1) * sizeof *e);
    size_t n = 0;
    for (size_t i = 0; i < p->n; i++) {
        int a = (int)(node_find(ns, p->p[i].s) - ns->v), b = (int)(node_find(ns, p->p[i].t) - ns->v);
        if (a > b) { int t = a; a = b; b = t; }
        e[n++] = (uedge){a, b, p->p[i].n, p->p[i].gsum};
    }
    qsort(e, n, sizeof *e, uedge_cmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && e[k - 1].a == e[i].a && e[k - 1].b == e[i].b) {
            e[k - 1].n += e[i].n;
            e[k - 1].w += e[i].w;
        } else {
            e[k++] = e[i];
        }
    }
    *ne = k;
    return e;
}

/* Spinglass on the nodes `vs` (a connected component, by nonzero edges); writes a local
 * community number per node into comm. Returns 0, or -1 when igraph failed. */
/* Dense graphs: each actor keeps its KEEP strongest relations (by absolute weight), an edge
 * staying when either end keeps it. Spinglass's time grows with the edges; a year of 200
 * actors that all deal with each other has 20,000 of them. */
enum { KEEP = 20 };

typedef struct strength {
    double w;
    size_t edge;
} strength;

static int strength_cmp(const void *x, const void *y)
{
    const strength *p = x, *q = y;
    if (p->w != q->w) return p->w > q->w ? -1 : 1;
    return p->edge < q->edge ? -1 : p->edge > q->edge;
}

/* Marks in keep[] the edges spinglass sees: all of them when the component has at most
 * KEEP / 2 edges per actor on average, else each actor's KEEP strongest. */
static void sparsify(const uedge *e, size_t ne, const int *local, int nv, char *keep)
{
    size_t m = 0;
    for (size_t i = 0; i < ne; i++) {
        keep[i] = e[i].w != 0 && local[e[i].a] >= 0 && local[e[i].b] >= 0;
        m += keep[i];
    }
    if (m <= (size_t)nv * KEEP / 2) return;
    char *in = ent_xcalloc(ne, 1);
    memcpy(in, keep, ne);
    memset(keep, 0, ne);
    strength *st = ent_xmalloc(ne * sizeof *st);
    for (int v = 0; v < nv; v++) {
        size_t k = 0;
        for (size_t i = 0; i < ne; i++)
            if (in[i] && (local[e[i].a] == v || local[e[i].b] == v))
                st[k++] = (strength){e[i].w < 0 ? -e[i].w : e[i].w, i};
        qsort(st, k, sizeof *st, strength_cmp);
        for (size_t j = 0; j < k && j < KEEP; j++) keep[st[j].edge] = 1;
    }
    free(st);
    free(in);
}

static int spinglass(const uedge *e, size_t ne, const int *local, int nv, int *comm)
{
    igraph_t g;
    igraph_vector_int_t edges, membership;
    igraph_vector_t weights;
    igraph_real_t modularity, temperature;
    int rc = -1;
    igraph_vector_int_init(&edges, 0);
    igraph_vector_init(&weights, 0);
    igraph_vector_int_init(&membership, 0);
    char *keep = ent_xmalloc(ne + 1);
    sparsify(e, ne, local, nv, keep);
    for (size_t i = 0; i < ne; i++) {
        if (!keep[i]) continue;
        igraph_vector_int_push_back(&edges, local[e[i].a]);
        igraph_vector_int_push_back(&edges, local[e[i].b]);
        igraph_vector_push_back(&weights, e[i].w);
    }
    free(keep);
    if (igraph_create(&g, &edges, nv, IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS) {
        igraph_rng_seed(igraph_rng_default(), 20091);   /* the same blocs on every run */
        if (igraph_community_spinglass(&g, &weights, &modularity, &temperature, &membership, NULL,
                                       nv < 25 ? nv : 25, 0, 1.0, 0.01, 0.95,
                                       IGRAPH_SPINCOMM_UPDATE_CONFIG, 1.0,
                                       IGRAPH_SPINCOMM_IMP_NEG, 1.0) == IGRAPH_SUCCESS) {
            for (int i = 0; i < nv; i++) comm[i] = (int)VECTOR(membership)[i];
            rc = 0;
        }
        igraph_destroy(&g);
    }
    igraph_vector_int_destroy(&edges);
    igraph_vector_destroy(&weights);
    igraph_vector_int_destroy(&membership);
    return rc;
}

typedef struct bsize {
    int id, size;
    const char *first;
} bsize;

static int bsize_cmp(const void *x, const void *y)
{
    const bsize *p = x, *q = y;
    if (p->size != q->size) return q->size - p->size;
    return strcmp(p->first, q->first);
}

int blocs_assign(const pairs *p, nodes *ns)
{
    int nv = (int)ns->n;
    if (!nv) return 0;
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    size_t ne;
    uedge *e = undirected(p, ns, &ne);
    /* connected components by nonzero edges (union-find) */
    int *parent = ent_xmalloc((size_t)nv * sizeof *parent);
    for (int i = 0; i < nv; i++) parent[i] = i;
    for (size_t i = 0; i < ne; i++) {
        if (e[i].w == 0) continue;
        int a = e[i].a, b = e[i].b;
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        while (parent[b] != b) b = parent[b] = parent[parent[b]];
        if (a != b) parent[a < b ? b : a] = a < b ? a : b;
    }
    int *bloc = ent_xmalloc((size_t)nv * sizeof *bloc);
    int *local = ent_xmalloc((size_t)nv * sizeof *local);
    int *comm = ent_xmalloc((size_t)nv * sizeof *comm);
    int next = 0;
    for (int i = 0; i < nv; i++) bloc[i] = -1;
    for (int r = 0; r < nv; r++) {
        int root = r;
        while (parent[root] != root) root = parent[root];
        if (root != r || bloc[r] >= 0) continue;
        /* the component of r */
        int k = 0;
        for (int i = 0; i < nv; i++) {
            int x = i;
            while (parent[x] != x) x = parent[x];
            local[i] = x == r ? k++ : -1;
        }
        if (k >= 3 && spinglass(e, ne, local, k, comm) == 0) {
            int base = next, maxc = 0;
            for (int i = 0; i < nv; i++)
                if (local[i] >= 0) {
                    bloc[i] = base + comm[local[i]];
                    if (comm[local[i]] + 1 > maxc) maxc = comm[local[i]] + 1;
                }
            next += maxc;
        } else if (k == 2) {
            /* two actors: together when their relation is cooperative */
            int a = -1, b = -1;
            for (int i = 0; i < nv; i++)
                if (local[i] >= 0) { if (a < 0) a = i; else b = i; }
            double w = 0;
            for (size_t i = 0; i < ne; i++)
                if (e[i].a == a && e[i].b == b) w = e[i].w;
            bloc[a] = next++;
            bloc[b] = w > 0 ? bloc[a] : next++;
        } else {
            for (int i = 0; i < nv; i++)
                if (local[i] >= 0) bloc[i] = next++;
        }
    }
    /* number the blocs by size, largest first, ties by first member */
    bsize *bs = ent_xcalloc((size_t)next + 1, sizeof *bs);
    for (int b = 0; b < next; b++) bs[b].id = b;
    for (int i = 0; i < nv; i++) {
        if (!bs[bloc[i]].size) bs[bloc[i]].first = ns->v[i].code;
        bs[bloc[i]].size++;
    }
    qsort(bs, (size_t)next, sizeof *bs, bsize_cmp);
    int *rank = ent_xmalloc(((size_t)next + 1) * sizeof *rank);
    int nb = 0;
    for (int b = 0; b < next; b++)
        if (bs[b].size) rank[bs[b].id] = ++nb;
    for (int i = 0; i < nv; i++) ns->v[i].bloc = rank[bloc[i]];
    free(rank);
    free(bs);
    free(comm);
    free(local);
    free(bloc);
    free(parent);
    free(e);
    return nb;
}

/* ---- the blocs command ---- */

typedef struct period {
    const char *from, *to;
    pairs p;
    nodes ns;
    int nb;
    uedge *e;
    size_t ne;
} period;

static int load_period(ent_store *s, const ent_query *q, period *pd, ent_error *err)
{
    if (fetch_pairs(s, q, pd->from, pd->to, &pd->p, err) < 0) return -1;
    nodes_of(&pd->p, &pd->ns);
    pd->nb = blocs_assign(&pd->p, &pd->ns);
    pd->e = undirected(&pd->p, &pd->ns, &pd->ne);
    return 0;
}

static void free_period(period *pd)
{
    pairs_free(&pd->p);
    nodes_free(&pd->ns);
    free(pd->e);
}

/* Balance of the edges between blocs a and b (a == b: inside a): (positive − negative
 * weight) / total weight, in [-1, 1]; *events gets the number of events. */
static double balance(const period *pd, int a, int b, long *events)
{
    double pos = 0, neg = 0;
    *events = 0;
    for (size_t i = 0; i < pd->ne; i++) {
        int x = pd->ns.v[pd->e[i].a].bloc, y = pd->ns.v[pd->e[i].b].bloc;
        if (!((x == a && y == b) || (x == b && y == a))) continue;
        *events += pd->e[i].n;
        if (pd->e[i].w > 0) pos += pd->e[i].w;
        else neg -= pd->e[i].w;
    }
    return pos + neg > 0 ? (pos - neg) / (pos + neg) : 0;
}

static int bloc_size(const period *pd, int b)
{
    int n = 0;
    for (size_t i = 0; i < pd->ns.n; i++) n += pd->ns.v[i].bloc == b;
    return n;
}

static void members(out *o, const period *pd, int b, int json, int max)
{
    int k = 0;
    for (size_t i = 0; i < pd->ns.n; i++) {
        if (pd->ns.v[i].bloc != b) continue;
        if (max && k == max) { out_adds(o, " ..."); break; }
        if (json) out_printf(o, "%s\"%s\"", k ? "," : "", pd->ns.v[i].code);
        else out_printf(o, "%s%s", k ? " " : "", pd->ns.v[i].code);
        k++;
    }
}

static void write_period(out *o, const ent_query *q, period *pd)
{
    char g[32];
    int json = o->f == ENT_FMT_JSON;
    if (json) {
        out_adds(o, "{\"from\":");
        out_printf(o, pd->from ? "\"%s\"" : "null", pd->from);
        out_adds(o, ",\"to\":");
        out_printf(o, pd->to ? "\"%s\"" : "null", pd->to);
        out_printf(o, ",\"actors\":%zu,\"blocs\":[", pd->ns.n);
    } else {
        out_printf(o, "# blocs %s to %s (de-duplication: %s; actors: %s): %zu actors\n",
                   pd->from ? pd->from : "start", pd->to ? pd->to : "end", q->dedup_none ? "none" : "daily",
                   q->level_actor ? "actor codes" : "countries", pd->ns.n);
    }
    int first = 1;
    for (int b = 1; b <= pd->nb; b++) {
        int size = bloc_size(pd, b);
        if (size < 2) continue;
        long ev;
        double coh = balance(pd, b, b, &ev);
        if (json) {
            out_printf(o, "%s{\"bloc\":%d,\"members\":[", first ? "" : ",", b);
            members(o, pd, b, 1, 0);
            out_printf(o, "],\"cohesion\":%s,\"events\":%ld,\"relations\":[", out_num(g, coh, 2), ev);
        } else {
            out_printf(o, "bloc %d (%d members; cohesion %s over %ld events): ", b, size, out_num(g, coh, 2), ev);
            members(o, pd, b, 0, 0);
            out_adds(o, "\n");
        }
        int rfirst = 1;
        for (int c = 1; c <= pd->nb; c++) {
            if (c == b || bloc_size(pd, c) < 2) continue;
            long n;
            double bal = balance(pd, b, c, &n);
            if (!n) continue;
            if (json)
                out_printf(o, "%s{\"bloc\":%d,\"balance\":%s,\"events\":%ld}", rfirst ? "" : ",", c,
                           out_num(g, bal, 2), n);
            else
                out_printf(o, "  toward bloc %d: %s over %ld events (%s)\n", c, out_num(g, bal, 2), n,
                           bal < -0.2 ? "hostile" : bal > 0.2 ? "friendly" : "mixed");
            rfirst = 0;
        }
        if (json) out_adds(o, "]}");
        first = 0;
    }
    if (json) out_adds(o, "],\"unaligned\":[");
    else out_adds(o, "unaligned:");
    int k = 0;
    for (size_t i = 0; i < pd->ns.n; i++) {
        if (bloc_size(pd, pd->ns.v[i].bloc) >= 2) continue;
        if (json) out_printf(o, "%s\"%s\"", k ? "," : "", pd->ns.v[i].code);
        else out_printf(o, " %s", pd->ns.v[i].code);
        k++;
    }
    if (!json && !k) out_adds(o, " none");
    out_adds(o, json ? "]}" : "\n");
}

/* The bloc of period a that overlaps bloc b of period pb most (0 when none). */
static int best_match(const period *pa, const period *pb, int b)
{
    int best = 0, bestn = 0;
    for (int c = 1; c <= pa->nb; c++) {
        int n = 0;
        for (size_t i = 0; i < pb->ns.n; i++) {
            if (pb->ns.v[i].bloc != b) continue;
            node *x = node_find(&pa->ns, pb->ns.v[i].code);
            if (x && x->bloc == c) n++;
        }
        if (n > bestn) { best = c; bestn = n; }
    }
    return best;
}

ent_status ent_analyse_blocs(ent_store *s, const ent_query *q, ent_format f, ent_write_fn fn,
                             void *user, ent_error *err)
{
    ent_status st = check_query(q, err);
    if (st != ENT_OK) return st;
    if (f != ENT_FMT_TEXT && f != ENT_FMT_JSON) {
        if (err) {
            snprintf(err->message, sizeof err->message, "blocs: format must be text or json");
            err->code = ENT_ERR_USAGE;
        }
        return ENT_ERR_USAGE;
    }
    int compare = q->from2 || q->to2;
    period p1 = {q->from, q->to, {0}, {0}, 0, NULL, 0}, p2 = {q->from2, q->to2, {0}, {0}, 0, NULL, 0};
    if (load_period(s, q, &p1, err) < 0 || (compare && load_period(s, q, &p2, err) < 0)) {
        free_period(&p1);
        free_period(&p2);
        return ENT_ERR_FATAL;
    }
    out o;
    out_init(&o, f, fn, user);
    int json = f == ENT_FMT_JSON;
    if (json) out_printf(&o, "{\"blocs\":{\"dedup\":\"%s\",\"level\":\"%s\"},\"periods\":[",
                         q->dedup_none ? "none" : "daily", q->level_actor ? "actor" : "country");
    write_period(&o, q, &p1);
    if (compare) {
        out_adds(&o, json ? "," : "\n");
        write_period(&o, q, &p2);
    }
    if (json) out_adds(&o, "]");
    if (compare) {
        /* who changed bloc: an actor whose second-period bloc matches another first-period
         * bloc than its own */
        out_adds(&o, json ? ",\"changes\":[" : "\n# changed bloc between the two periods\n");
        int k = 0;
        for (size_t i = 0; i < p2.ns.n; i++) {
            node *b = &p2.ns.v[i];
            node *a = node_find(&p1.ns, b->code);
            if (!a) continue;
            int sa = bloc_size(&p1, a->bloc), sb = bloc_size(&p2, b->bloc);
            if (sa < 2 && sb < 2) continue;
            int m = best_match(&p1, &p2, b->bloc);
            if (m == a->bloc && sa >= 2 && sb >= 2) continue;
            if (json) {
                out_printf(&o, "%s{\"actor\":\"%s\",\"from_bloc\":%d,\"to_bloc\":%d,\"from_members\":[",
                           k ? "," : "", b->code, sa >= 2 ? a->bloc : 0, sb >= 2 ? b->bloc : 0);
                if (sa >= 2) members(&o, &p1, a->bloc, 1, 0);
                out_adds(&o, "],\"to_members\":[");
                if (sb >= 2) members(&o, &p2, b->bloc, 1, 0);
                out_adds(&o, "]}");
            } else {
                out_printf(&o, "%s: ", b->code);
                if (sa >= 2) { out_printf(&o, "bloc %d (", a->bloc); members(&o, &p1, a->bloc, 0, 8); out_adds(&o, ")"); }
                else out_adds(&o, "unaligned");
                out_adds(&o, " -> ");
                if (sb >= 2) { out_printf(&o, "bloc %d (", b->bloc); members(&o, &p2, b->bloc, 0, 8); out_adds(&o, ")"); }
                else out_adds(&o, "unaligned");
                out_adds(&o, "\n");
            }
            k++;
        }
        if (json) out_adds(&o, "]");
        else if (!k) out_adds(&o, "(none)\n");
    }
    if (json) out_adds(&o, "}\n");
    free_period(&p1);
    free_period(&p2);
    if (out_finish(&o) < 0) return ENT_ERR_FATAL;
    return ENT_OK;
}

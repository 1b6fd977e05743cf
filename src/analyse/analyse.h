/* analyse.h: pieces shared by the analyses (analyse.c, blocs.c). */
#ifndef ENT_ANALYSE_H
#define ENT_ANALYSE_H

#include "entente.h"
#include "../util/util.h"

/* A WHERE clause being built, with its bound parameters. */
#define WHERE_MAX 16
typedef struct where {
    ent_buf sql;                 /* "" or " WHERE ... AND ..." */
    const char *params[WHERE_MAX];
    char *owned[WHERE_MAX];
    int n;
} where;
void where_init(where *w);
void where_free(where *w);
void where_query(where *w, const ent_query *q);
int actor_is_country(const char *code);
ent_status check_query(const ent_query *q, ent_error *err);
/* Sets a word-valued option of q from its text, for the command line and the API alike:
 * dedup (daily|none), level (country|actor), by (day|week|month|year), compare (FROM:TO,
 * copied into cmpbuf). Returns 0, or -1 with *why saying what the option takes. */
int query_option(ent_query *q, const char *name, const char *value, char cmpbuf[64], const char **why);
void period_of(const char *day, char by, char out[11]);

/* Directed (source, target) aggregates over a period, at the query's level. */
typedef struct pair {
    char s[16], t[16];
    long n, coop, reports;
    double gsum;
} pair;
typedef struct pairs {
    pair *p;
    size_t n, cap;
} pairs;
int fetch_pairs(ent_store *s, const ent_query *q, const char *from, const char *to, pairs *out,
                ent_error *err);
void pairs_free(pairs *p);

/* The actors of a set of pairs, sorted by code. */
typedef struct node {
    char code[16];
    long n, coop, as_source, as_target;
    double gsum;
    int bloc;                    /* 1-based, after blocs_assign; 0 none */
} node;
typedef struct nodes {
    node *v;
    size_t n, cap;
} nodes;
void nodes_of(const pairs *p, nodes *ns);
node *node_find(const nodes *ns, const char *code);
void nodes_free(nodes *ns);

/* Signed community detection over the pairs (undirected: both directions summed); sets
 * each node's bloc, numbered by size (1 the largest). Returns the number of blocs. */
int blocs_assign(const pairs *p, nodes *ns);

#endif

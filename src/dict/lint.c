/* lint.c: `entente dict lint`: finds, at every trie node (one name as matched), entries of the
 * same kind that both apply on some day in some language: with the same code they are
 * duplicates, with different codes they conflict (the name would give two actors). */
#include <stdio.h>
#include <string.h>

#include "dict.h"

static int langs_meet(const ent_dentry *a, const ent_dentry *b)
{
    return a->lang == b->lang || a->lang == ENT_DLANG_ANY || b->lang == ENT_DLANG_ANY;
}

static int dates_meet(const ent_dentry *a, const ent_dentry *b)
{
    return a->from < b->to && b->from < a->to;
}

/* A pattern's elements as one string: "accord|traite + avec" (alternatives sorted). */
static void canon(const ent_pattern *p, ent_buf *b)
{
    ent_buf_clear(b);
    ent_buf_printf(b, "%d/", p->pronominal);
    for (uint8_t e = 0; e < p->nelems; e++) {
        const ent_pelem *el = &p->elems[e];
        const char *alts[64];
        char words[64][128];
        uint16_t n = el->nalts < 64 ? el->nalts : 64;
        for (uint16_t a = 0; a < n; a++) {
            words[a][0] = 0;
            for (uint8_t w = 0; w < el->alts[a].nwords; w++) {
                size_t l = strlen(words[a]);
                snprintf(words[a] + l, sizeof words[a] - l, "%s%s", w ? " " : "", el->alts[a].words[w]);
            }
            alts[a] = words[a];
        }
        for (uint16_t i = 1; i < n; i++)   /* insertion sort: a handful of alternatives */
            for (uint16_t j = i; j > 0 && strcmp(alts[j - 1], alts[j]) > 0; j--) {
                const char *t = alts[j]; alts[j] = alts[j - 1]; alts[j - 1] = t;
            }
        ent_buf_adds(b, e ? " + " : "");
        for (uint16_t a = 0; a < n; a++) ent_buf_printf(b, "%s%s", a ? "|" : "", alts[a]);
    }
}

/* Two patterns of the same head, language and elements: duplicate or conflict. */
static size_t lint_patterns(const ent_dict *d, ent_diag_fn diag, void *user)
{
    size_t problems = 0;
    ent_buf a = {0}, b = {0};
    char where[600], other[600], msg[1200];
    for (size_t i = 0; i < d->npats; i++) {
        const ent_pattern *p = &d->pats[i];
        canon(p, &a);
        for (uint32_t j = p->next; j != UINT32_MAX; j = d->pats[j].next) {
            const ent_pattern *q = &d->pats[j];
            if (p->kind != q->kind || (p->lang != q->lang && p->lang != ENT_DLANG_ANY &&
                                       q->lang != ENT_DLANG_ANY))
                continue;
            canon(q, &b);
            if (strcmp(a.p, b.p)) continue;
            ent_dict_pattern_origin(d, p, where, sizeof where);
            ent_dict_pattern_origin(d, q, other, sizeof other);
            if (!strcmp(p->code, q->code))
                snprintf(msg, sizeof msg, "duplicate pattern '%s %s' (=> %s), also at %s", p->head,
                         a.p + 2, p->code, other);
            else
                snprintf(msg, sizeof msg, "conflict: pattern '%s %s' gives %s here and %s at %s",
                         p->head, a.p + 2, p->code, q->code, other);
            problems++;
            if (diag) diag(user, where, msg);
            else fprintf(stderr, "%s: %s\n", where, msg);
        }
    }
    ent_buf_free(&a);
    ent_buf_free(&b);
    return problems;
}

size_t ent_dict_lint(const ent_dict *d, ent_diag_fn diag, void *user)
{
    size_t problems = 0;
    char where[600], other[600], msg[1024];
    ent_map seen = {0};   /* entry pairs already reported */
    for (size_t node = 0; node < d->nnodes; node++) {
        for (uint32_t i = d->node_terms[node]; i != UINT32_MAX; i = d->terms[i].next) {
            for (uint32_t j = d->terms[i].next; j != UINT32_MAX; j = d->terms[j].next) {
                uint32_t ea = d->terms[i].entry, eb = d->terms[j].entry;
                const ent_dentry *a = &d->entries[ea], *b = &d->entries[eb];
                if (ea == eb || a->kind != b->kind || !langs_meet(a, b) || !dates_meet(a, b))
                    continue;
                uint32_t pair[2] = {ea < eb ? ea : eb, ea < eb ? eb : ea};
                if (ent_map_get(&seen, (const char *)pair, sizeof pair)) continue;
                ent_map_put(&seen, (const char *)pair, sizeof pair, (void *)1);
                /* report at the later line, naming the earlier one */
                const ent_dentry *late = ea > eb ? a : b, *early = ea > eb ? b : a;
                ent_dict_origin(d, ea > eb ? ea : eb, where, sizeof where);
                ent_dict_origin(d, ea > eb ? eb : ea, other, sizeof other);
                const char *name = d->name_text[late->first_name];
                if (!strcmp(a->code, b->code))
                    snprintf(msg, sizeof msg, "duplicate [%s] entry: a name of '%s' is already "
                             "given %s at %s", ent_kind_name(a->kind), name, early->code, other);
                else
                    snprintf(msg, sizeof msg, "conflict: a name of '%s' gives %s here and %s at "
                             "%s on the same dates", name, late->code, early->code, other);
                problems++;
                if (diag) diag(user, where, msg);
                else fprintf(stderr, "%s: %s\n", where, msg);
            }
        }
    }
    ent_map_free(&seen);
    return problems + lint_patterns(d, diag, user);
}

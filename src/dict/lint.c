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
    return problems;
}

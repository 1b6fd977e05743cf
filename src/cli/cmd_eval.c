/* cmd_eval.c: `entente eval --gold FILE`: scores the coder on gold sentences with the rules of
 * ../shared/devset/README.md ("Scoring"): optional gold events and the predictions matching
 * them are dropped; a two-digit gold code matches any code of that root; identical events
 * count once; precision, recall and F1 per language and overall at four levels (strict,
 * root, country, relaxed); then the missed and the false events at the strict level, with
 * their sentence ids, sorted by root. */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/json.h"
#include "../util/util.h"
#include "cli.h"

static const char eval_help[] =
    "usage: entente eval --gold FILE [--json] [--dict DIR] [--ids odd|even]\n"
    "\n"
    "Scores the coder on a gold file: JSON lines {\"id\", \"lang\", \"text\", \"events\": [{\"source\",\n"
    "\"target\", \"code\", \"optional\"}]} as in ../shared/devset/README.md. Prints precision,\n"
    "recall and F1 per language at the strict, root, country and relaxed levels, then the\n"
    "missed and the false events. A record's date is its \"date\" field, else a date in its\n"
    "\"source_url\" (2024/06/19, 2024-06-19, 20240619), else today.\n"
    "\n"
    "  --ids odd|even  score only records whose id ends with an odd or even number (tune on\n"
    "                  one half, check on the other)\n"
    "  --json          the scores and the lists as one JSON object\n";

enum { L_STRICT, L_ROOT, L_COUNTRY, L_RELAXED, NLEVELS };
static const char *const level_names[NLEVELS] = {"strict", "root", "country", "relaxed"};

typedef struct gev {
    char src[16], tgt[16], code[8];
    int optional;
} gev;

typedef struct counts {
    long tp, pred, gold;
} counts;

static void key(const char *src, const char *tgt, const char *code, int level, char *s, char *t, char *c)
{
    int country = level == L_COUNTRY || level == L_RELAXED;
    int root = level == L_ROOT || level == L_RELAXED;
    snprintf(s, 16, "%.*s", country ? 3 : 15, src);
    snprintf(t, 16, "%.*s", country ? 3 : 15, tgt);
    snprintf(c, 8, "%.*s", root ? 2 : 7, code);
}

/* Does prediction p match gold g at this level? */
static int match(const gev *p, const gev *g, int level)
{
    char ps[16], pt[16], pc[8], gs[16], gt[16], gc[8];
    key(p->src, p->tgt, p->code, level, ps, pt, pc);
    key(g->src, g->tgt, g->code, level, gs, gt, gc);
    if (strcmp(ps, gs) || strcmp(pt, gt)) return 0;
    if (strlen(g->code) == 2) return !strncmp(p->code, g->code, 2);
    return !strcmp(pc, gc);
}

/* Removes events identical at this level (keeps the first). */
static int unique(gev *v, int n, int level, int *keep)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < k && !dup; j++) {
            char a[3][16], b[3][16];
            key(v[i].src, v[i].tgt, v[i].code, level, a[0], a[1], a[2]);
            key(v[keep[j]].src, v[keep[j]].tgt, v[keep[j]].code, level, b[0], b[1], b[2]);
            dup = !strcmp(a[0], b[0]) && !strcmp(a[1], b[1]) && !strcmp(a[2], b[2]);
        }
        if (!dup) keep[k++] = i;
    }
    return k;
}

static void url_date(const char *url, char *out)
{
    out[0] = 0;
    if (!url) return;
    static const char *const pats[] = {"/(20[0-9][0-9])/([01][0-9])/([0-3][0-9])/",
                                       "(20[0-9][0-9])-([01][0-9])-([0-3][0-9])",
                                       "(20[0-9][0-9])([01][0-9])([0-3][0-9])", NULL};
    for (int i = 0; pats[i]; i++) {
        regex_t re;
        regmatch_t m[4];
        if (regcomp(&re, pats[i], REG_EXTENDED)) continue;
        int ok = regexec(&re, url, 4, m, 0) == 0;
        regfree(&re);
        if (!ok) continue;
        int mo = atoi(url + m[2].rm_so), d = atoi(url + m[3].rm_so);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
        snprintf(out, 16, "%.4s-%.2s-%.2s", url + m[1].rm_so, url + m[2].rm_so, url + m[3].rm_so);
        return;
    }
}

typedef struct listed {
    char id[64], src[16], tgt[16], code[8], why;   /* why: 'm' missed, 'f' false */
} listed;

static int cmp_listed(const void *a, const void *b)
{
    const listed *x = a, *y = b;
    int c = strncmp(x->code, y->code, 2);
    if (c) return c;
    c = (x->why > y->why) - (x->why < y->why);
    return c ? c : strcmp(x->id, y->id);
}

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {
        {"gold", required_argument, NULL, 'g'}, {"json", no_argument, NULL, 'j'},
        {"dict", required_argument, NULL, 'd'}, {"ids", required_argument, NULL, 'i'},
        {"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    const char *gold = NULL, *dir = NULL, *ids = NULL;
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "hg:jd:i:", opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(eval_help, stdout); return EXIT_OK;
        case 'g': gold = optarg; break;
        case 'j': json = 1; break;
        case 'd': dir = optarg; break;
        case 'i': ids = optarg; break;
        default: fputs(eval_help, stderr); return EXIT_USAGE;
        }
    }
    if (!gold || (ids && strcmp(ids, "odd") && strcmp(ids, "even"))) { fputs(eval_help, stderr); return EXIT_USAGE; }
    FILE *f = fopen(gold, "r");
    if (!f) { perror(gold); return EXIT_FATAL; }
    ent_error err = {0};
    ent_dict *dict = ent_dict_load(dir, &err);
    if (!dict) { fprintf(stderr, "entente: %s\n", err.message); fclose(f); return EXIT_FATAL; }
    ent_text *tx = ent_text_new(NULL, &err);
    if (!tx) { fprintf(stderr, "entente: %s\n", err.message); ent_dict_free(dict); fclose(f); return EXIT_FATAL; }
    ent_coder *coder = ent_coder_new(dict);
    ent_worker *w = ent_worker_new(coder);
    ent_analysis *an = ent_analysis_new();
    counts cnt[3][NLEVELS] = {{{0}}};   /* fr, en, all */
    listed *lst = NULL;
    size_t nlst = 0, caplst = 0;
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, sentences = 0;
    int status = EXIT_OK;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        cJSON *o = cJSON_Parse(line);
        cJSON *id = cJSON_GetObjectItem(o, "id"), *text = cJSON_GetObjectItem(o, "text"),
              *lang = cJSON_GetObjectItem(o, "lang"), *events = cJSON_GetObjectItem(o, "events");
        if (!o || !cJSON_IsString(id) || !cJSON_IsString(text) || !cJSON_IsString(lang) ||
            !cJSON_IsArray(events)) {
            fprintf(stderr, "%s:%ld: not a gold record (id, lang, text, events); skipped\n", gold, lineno);
            status = EXIT_INPUT;
            cJSON_Delete(o);
            continue;
        }
        size_t idl = strlen(id->valuestring);
        if (ids && idl && id->valuestring[idl - 1] >= '0' && id->valuestring[idl - 1] <= '9' &&
            ((id->valuestring[idl - 1] - '0') % 2 == 1) != !strcmp(ids, "odd")) {
            cJSON_Delete(o);
            continue;
        }
        sentences++;
        int li = !strcmp(lang->valuestring, "en");
        char date[16];
        cJSON *dt = cJSON_GetObjectItem(o, "date");
        if (cJSON_IsString(dt)) snprintf(date, sizeof date, "%.10s", dt->valuestring);
        else url_date(cJSON_GetStringValue(cJSON_GetObjectItem(o, "source_url")), date);
        /* gold */
        gev g[64];
        int ng = 0;
        cJSON *e;
        cJSON_ArrayForEach(e, events) {
            if (ng == 64) break;
            const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(e, "source"));
            const char *t = cJSON_GetStringValue(cJSON_GetObjectItem(e, "target"));
            const char *cd = cJSON_GetStringValue(cJSON_GetObjectItem(e, "code"));
            if (!s || !t || !cd) continue;
            snprintf(g[ng].src, 16, "%s", s);
            snprintf(g[ng].tgt, 16, "%s", t);
            snprintf(g[ng].code, 8, "%s", cd);
            g[ng].optional = cJSON_IsTrue(cJSON_GetObjectItem(e, "optional"));
            ng++;
        }
        /* predictions */
        gev p[256];
        int np = 0;
        if (ent_text_analyse(tx, text->valuestring, strlen(text->valuestring), lang->valuestring, an, &err) == ENT_OK) {
            for (size_t si = 0; si < ent_analysis_sentence_count(an); si++) {
                const ent_event *ev;
                size_t n = ent_worker_code(w, an, si, date[0] ? date : NULL, &ev);
                for (size_t k = 0; k < n && np < 256; k++, np++) {
                    snprintf(p[np].src, 16, "%s", ev[k].source);
                    snprintf(p[np].tgt, 16, "%s", ev[k].target);
                    snprintf(p[np].code, 8, "%s", ev[k].code);
                    p[np].optional = 0;
                }
            }
        }
        for (int level = 0; level < NLEVELS; level++) {
            int gk[64], pk[256];
            gev greq[64], gopt[64];
            int nreq = 0, nopt = 0;
            for (int i = 0; i < ng; i++) {
                if (g[i].optional) gopt[nopt++] = g[i];
                else greq[nreq++] = g[i];
            }
            int nu = unique(greq, nreq, level, gk);
            int npu = unique(p, np, level, pk);
            int used[64] = {0};
            long tp = 0, pred = 0;
            for (int i = 0; i < npu; i++) {
                const gev *pp = &p[pk[i]];
                int opt = 0;
                for (int j = 0; j < nopt && !opt; j++) opt = match(pp, &gopt[j], level);
                if (opt) continue;
                pred++;
                int hit = 0;
                for (int j = 0; j < nu && !hit; j++)
                    if (!used[j] && match(pp, &greq[gk[j]], level)) used[j] = hit = 1;
                tp += hit;
                if (!hit && level == L_STRICT) {
                    if (nlst == caplst) { caplst = caplst ? caplst * 2 : 64; lst = ent_xrealloc(lst, caplst * sizeof *lst); }
                    listed *l = &lst[nlst++];
                    snprintf(l->id, sizeof l->id, "%s", id->valuestring);
                    memcpy(l->src, pp->src, 16); memcpy(l->tgt, pp->tgt, 16); memcpy(l->code, pp->code, 8);
                    l->why = 'f';
                }
            }
            if (level == L_STRICT)
                for (int j = 0; j < nu; j++) {
                    if (used[j]) continue;
                    if (nlst == caplst) { caplst = caplst ? caplst * 2 : 64; lst = ent_xrealloc(lst, caplst * sizeof *lst); }
                    listed *l = &lst[nlst++];
                    const gev *gg = &greq[gk[j]];
                    snprintf(l->id, sizeof l->id, "%s", id->valuestring);
                    memcpy(l->src, gg->src, 16); memcpy(l->tgt, gg->tgt, 16); memcpy(l->code, gg->code, 8);
                    l->why = 'm';
                }
            int rowsof[2] = {li, 2};   /* the sentence's language, and overall */
            for (int k = 0; k < 2; k++) {
                cnt[rowsof[k]][level].tp += tp;
                cnt[rowsof[k]][level].pred += pred;
                cnt[rowsof[k]][level].gold += nu;
            }
        }
        cJSON_Delete(o);
    }
    free(line);
    fclose(f);
    if (nlst) qsort(lst, nlst, sizeof *lst, cmp_listed);
    static const char *const rows[3] = {"fr", "en", "all"};
    ent_buf b = {0};
    if (json) ent_buf_printf(&b, "{\"sentences\":%ld,\"scores\":[", sentences);
    else ent_buf_printf(&b, "%ld sentences\n%-8s %-4s %6s %6s %6s %6s %6s %6s\n", sentences,
                        "level", "lang", "P", "R", "F1", "tp", "pred", "gold");
    int first = 1;
    for (int level = 0; level < NLEVELS; level++)
        for (int r = 0; r < 3; r++) {
            counts *k = &cnt[r][level];
            double P = k->pred ? (double)k->tp / (double)k->pred : 0, R = k->gold ? (double)k->tp / (double)k->gold : 0;
            double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
            if (json)
                ent_buf_printf(&b, "%s{\"level\":\"%s\",\"lang\":\"%s\",\"precision\":%.4f,\"recall\":%.4f,"
                               "\"f1\":%.4f,\"tp\":%ld,\"pred\":%ld,\"gold\":%ld}", first ? "" : ",",
                               level_names[level], rows[r], P, R, F, k->tp, k->pred, k->gold);
            else
                ent_buf_printf(&b, "%-8s %-4s %6.3f %6.3f %6.3f %6ld %6ld %6ld\n", level_names[level],
                               rows[r], P, R, F, k->tp, k->pred, k->gold);
            first = 0;
        }
    if (json) ent_buf_adds(&b, "],\"errors\":[");
    else ent_buf_adds(&b, "\nStrict errors (m missed, f false), by root:\n");
    for (size_t i = 0; i < nlst; i++) {
        const listed *l = &lst[i];
        if (json)
            ent_buf_printf(&b, "%s{\"id\":\"%s\",\"kind\":\"%s\",\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\"}",
                           i ? "," : "", l->id, l->why == 'm' ? "missed" : "false", l->src, l->tgt, l->code);
        else
            ent_buf_printf(&b, "  %c %-12s %-10s -> %-10s %s\n", l->why, l->id, l->src, l->tgt, l->code);
    }
    if (json) ent_buf_adds(&b, "]}\n");
    fwrite(b.p, 1, b.len, stdout);
    ent_buf_free(&b);
    free(lst);
    ent_analysis_free(an);
    ent_worker_free(w);
    ent_coder_free(coder);
    ent_text_free(tx);
    ent_dict_free(dict);
    return status;
}

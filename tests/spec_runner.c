/* spec_runner.c: runs a spec file (tests/spec/README.md) against libentente and reports each
 * failing record as FILE:LINE: expected … got …. Kinds by file name: segment_*, tokens_*,
 * lemma_*. With --seed ARTICLE EXPECTED, checks the sentence spans of a whole article against
 * a file of "start end" lines (exit 77, skipped, when the article is absent). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entente.h"
#include "util/util.h"

typedef struct record {
    char title[256];
    char lang[8];
    char date[32];
    char xfail[256];            /* a known limitation: failing is expected, and said */
    int line;
    ent_buf input;
    char **expect;
    int *expect_line;
    size_t nexpect, capexpect;
} record;

static ent_text *tx;
static ent_analysis *an;
static int xfails, xpasses;
static ent_dict *dict;
static ent_actors *rec;
static ent_coder *coder;
static ent_worker *worker;
static int failures, records;

/* Collapses runs of white space into one space. */
static void squash(const char *s, size_t n, ent_buf *out)
{
    ent_buf_clear(out);
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { sp = 1; continue; }
        if (sp && out->len) ent_buf_addc(out, ' ');
        sp = 0;
        ent_buf_addc(out, c);
    }
    if (!out->p) ent_buf_add(out, "", 0);
}

static void fail(const char *file, const record *r, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(const char *file, const record *r, int line, const char *fmt, ...)
{
    va_list ap;
    if (r->xfail[0]) {   /* expected: report it as a known limitation, not a failure */
        printf("%s:%d: XFAIL [%s] %s\n", file, line, r->title, r->xfail);
        xfails++;
        return;
    }
    fprintf(stderr, "%s:%d: [%s] ", file, line, r->title);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    failures++;
}

static int analyse(const char *file, record *r)
{
    ent_error err = {0};
    if (ent_text_analyse(tx, r->input.p, r->input.len, r->lang, an, &err) != ENT_OK) {
        fail(file, r, r->line, "analysis failed: %s", err.message);
        return -1;
    }
    return 0;
}

static void check_segment(const char *file, record *r)
{
    if (analyse(file, r)) return;
    size_t n = ent_analysis_sentence_count(an);
    ent_buf got = {0}, want = {0};
    int ok = n == r->nexpect;
    for (size_t i = 0; ok && i < n; i++) {
        const ent_sentence *s = ent_analysis_sentence(an, i);
        squash(r->input.p + s->start, s->end - s->start, &got);
        squash(r->expect[i], strlen(r->expect[i]), &want);
        if (strcmp(got.p, want.p) != 0) ok = 0;
    }
    if (!ok) {
        ent_buf msg = {0};
        for (size_t i = 0; i < n; i++) {
            const ent_sentence *s = ent_analysis_sentence(an, i);
            squash(r->input.p + s->start, s->end - s->start, &got);
            ent_buf_printf(&msg, "\n    got  %zu: %s", i + 1, got.p);
        }
        for (size_t i = 0; i < r->nexpect; i++)
            ent_buf_printf(&msg, "\n    want %zu: %s", i + 1, r->expect[i]);
        fail(file, r, r->line, "%zu sentences, expected %zu%s", n, r->nexpect, msg.p);
        ent_buf_free(&msg);
    }
    ent_buf_free(&got);
    ent_buf_free(&want);
}

static void check_tokens(const char *file, record *r)
{
    if (analyse(file, r)) return;
    ent_buf got = {0};
    const ent_token *t = ent_analysis_tokens(an);
    for (size_t i = 0; i < ent_analysis_token_count(an); i++) {
        if (i) ent_buf_add(&got, " | ", 3);
        ent_buf_adds(&got, t[i].surface);
    }
    if (!got.p) ent_buf_add(&got, "", 0);
    const char *want = r->nexpect ? r->expect[0] : "";
    if (strcmp(got.p, want) != 0)
        fail(file, r, r->nexpect ? r->expect_line[0] : r->line, "\n    want %s\n    got  %s",
             want, got.p);
    ent_buf_free(&got);
}

static void check_lemma(const char *file, record *r)
{
    if (analyse(file, r)) return;
    const ent_token *t = ent_analysis_tokens(an);
    size_t nt = ent_analysis_token_count(an);
    for (size_t k = 0; k < r->nexpect; k++) {
        char spec[512], surface[512], lemma[256], pos[32] = "";
        snprintf(spec, sizeof spec, "%s", r->expect[k]);
        char *eq = strstr(spec, " = ");
        if (!eq) { fail(file, r, r->expect_line[k], "bad line (want SURFACE = LEMMA [POS])"); continue; }
        *eq = 0;
        snprintf(surface, sizeof surface, "%s", spec);
        int nth = 1;
        char *hash = strrchr(surface, '#');
        if (hash && hash != surface && hash[1] >= '0' && hash[1] <= '9') { nth = atoi(hash + 1); *hash = 0; }
        if (sscanf(eq + 3, "%255s %31s", lemma, pos) < 1) {
            fail(file, r, r->expect_line[k], "bad line (want SURFACE = LEMMA [POS])");
            continue;
        }
        const ent_token *hit = NULL;
        for (size_t i = 0, seen = 0; i < nt; i++)
            if (strcmp(t[i].surface, surface) == 0 && ++seen == (size_t)nth) { hit = &t[i]; break; }
        if (!hit) { fail(file, r, r->expect_line[k], "no token '%s'", surface); continue; }
        if (strcmp(hit->lemma, lemma) != 0 || (pos[0] && strcmp(ent_pos_name((ent_pos)hit->pos), pos) != 0))
            fail(file, r, r->expect_line[k], "%s: want %s %s, got %s %s", surface, lemma, pos,
                 hit->lemma, ent_pos_name((ent_pos)hit->pos));
    }
}

/* actors-*.txt: the codes of the actors of the sentence, in order, or "-" for none. */
static void check_actors(const char *file, record *r)
{
    if (analyse(file, r)) return;
    ent_buf got = {0};
    for (size_t i = 0; i < ent_analysis_sentence_count(an); i++) {
        const ent_actor *act;
        size_t n = ent_actors_find(rec, an, i, r->date[0] ? r->date : NULL, &act);
        for (size_t k = 0; k < n; k++) {
            if (got.len) ent_buf_addc(&got, ' ');
            ent_buf_adds(&got, act[k].code);
        }
    }
    if (!got.len) ent_buf_adds(&got, "-");
    const char *want = r->nexpect ? r->expect[0] : "-";
    if (strcmp(got.p, want) != 0)
        fail(file, r, r->nexpect ? r->expect_line[0] : r->line, "\n    %s\n    want %s\n    got  %s",
             r->input.p, want, got.p);
    ent_buf_free(&got);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* events-*.txt: the set of "SOURCE TARGET CODE" events of the input, or "-" for none. */
static void check_events(const char *file, record *r)
{
    if (analyse(file, r)) return;
    char *got[512];
    size_t ng = 0;
    for (size_t i = 0; i < ent_analysis_sentence_count(an); i++) {
        const ent_event *ev;
        size_t n = ent_worker_code(worker, an, i, r->date[0] ? r->date : NULL, &ev);
        for (size_t k = 0; k < n && ng < 512; k++) {
            char line[64];
            snprintf(line, sizeof line, "%s %s %s", ev[k].source, ev[k].target, ev[k].code);
            int dup = 0;
            for (size_t j = 0; j < ng; j++) dup |= !strcmp(got[j], line);
            if (!dup) got[ng++] = ent_xstrndup(line, strlen(line));
        }
    }
    char *want[512];
    size_t nw = 0;
    for (size_t k = 0; k < r->nexpect && nw < 512; k++)
        if (strcmp(r->expect[k], "-")) want[nw++] = r->expect[k];
    qsort(got, ng, sizeof *got, cmp_str);
    qsort(want, nw, sizeof *want, cmp_str);
    int same = ng == nw;
    for (size_t k = 0; same && k < ng; k++) same = !strcmp(got[k], want[k]);
    if (!same) {
        ent_buf msg = {0};
        for (size_t k = 0; k < nw; k++) ent_buf_printf(&msg, "\n    want %s", want[k]);
        if (!nw) ent_buf_adds(&msg, "\n    want -");
        for (size_t k = 0; k < ng; k++) ent_buf_printf(&msg, "\n    got  %s", got[k]);
        if (!ng) ent_buf_adds(&msg, "\n    got  -");
        fail(file, r, r->line, "\n    %s%s", r->input.p, msg.p);
        ent_buf_free(&msg);
    }
    for (size_t k = 0; k < ng; k++) free(got[k]);
}

static void record_reset(record *r, const char *deflang)
{
    r->date[0] = 0;
    r->xfail[0] = 0;
    for (size_t i = 0; i < r->nexpect; i++) free(r->expect[i]);
    r->nexpect = 0;
    r->title[0] = 0;
    ent_buf_clear(&r->input);
    snprintf(r->lang, sizeof r->lang, "%s", deflang);
}

static void add_expect(record *r, const char *s, int line)
{
    if (r->nexpect == r->capexpect) {
        r->capexpect = r->capexpect ? r->capexpect * 2 : 8;
        r->expect = ent_xrealloc(r->expect, r->capexpect * sizeof *r->expect);
        r->expect_line = ent_xrealloc(r->expect_line, r->capexpect * sizeof *r->expect_line);
    }
    r->expect_line[r->nexpect] = line;
    r->expect[r->nexpect++] = ent_xstrndup(s, strlen(s));
}

static int run_spec(const char *file)
{
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    void (*check)(const char *, record *) =
        !strncmp(base, "segment_", 8) ? check_segment
        : !strncmp(base, "tokens_", 7) ? check_tokens
        : !strncmp(base, "lemma_", 6) ? check_lemma
        : !strncmp(base, "actors", 6) ? check_actors
        : !strncmp(base, "events", 6) ? check_events : NULL;
    if (!check) { fprintf(stderr, "%s: unknown spec kind\n", file); return 2; }
    const char *deflang = (strstr(base, "_en") || strstr(base, "-en")) ? "en" : "fr";
    FILE *f = fopen(file, "r");
    if (!f) { perror(file); return 2; }
    record r = {0};
    record_reset(&r, deflang);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, open = 0, have_input = 0;
    for (;;) {
        len = getline(&line, &cap, f);
        if (len >= 0) {
            lineno++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
        }
        int boundary = len < 0 || !strncmp(line, "== ", 3);
        if (boundary && open) {
            if (have_input || r.nexpect) {
                records++;
                int before = failures + xfails;
                check(file, &r);
                if (r.xfail[0] && failures + xfails == before) {
                    printf("%s:%d: XPASS [%s] marked xfail but passes now: remove the mark\n", file, r.line, r.title);
                    xpasses++;
                }
            }
            record_reset(&r, deflang);
            open = have_input = 0;
        }
        if (len < 0) break;
        if (line[0] == '#' || len == 0) continue;
        if (!strncmp(line, "== ", 3)) {
            open = 1;
            r.line = lineno;
            snprintf(r.title, sizeof r.title, "%s", line + 3);
        } else if (!strncmp(line, "lang:", 5)) {
            sscanf(line + 5, " %7s", r.lang);
        } else if (!strncmp(line, "date:", 5)) {
            sscanf(line + 5, " %31s", r.date);
        } else if (!strncmp(line, "xfail:", 6)) {
            snprintf(r.xfail, sizeof r.xfail, "%s", line[6] == ' ' ? line + 7 : line + 6);
        } else if (line[0] == '<') {
            if (have_input) ent_buf_addc(&r.input, '\n');
            ent_buf_adds(&r.input, line[1] == ' ' ? line + 2 : line + 1);
            have_input = 1;
        } else if (line[0] == '>') {
            add_expect(&r, line[1] == ' ' ? line + 2 : line + 1, lineno);
        } else {
            fprintf(stderr, "%s:%d: unexpected line\n", file, lineno);
            failures++;
        }
    }
    record_reset(&r, deflang);
    free(r.expect);
    free(r.expect_line);
    ent_buf_free(&r.input);
    free(line);
    fclose(f);
    printf("%s: %d records, %d passed, %d failed, %d known limitations (xfail)%s\n", base, records,
           records - failures - xfails, failures, xfails, xpasses ? ", some xfail now pass" : "");
    return failures ? 1 : 0;
}

static int run_seed(const char *article, const char *expected)
{
    FILE *f = fopen(article, "r");
    if (!f) { printf("%s: absent; skipped\n", article); return 77; }
    ent_buf text = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) ent_buf_add(&text, chunk, n);
    fclose(f);
    ent_error err = {0};
    if (ent_text_analyse(tx, text.p, text.len, NULL, an, &err) != ENT_OK) {
        fprintf(stderr, "%s: %s\n", article, err.message);
        return 1;
    }
    if (strcmp(ent_analysis_lang(an), "fr") != 0) {
        fprintf(stderr, "%s: language identified as %s, expected fr\n", article, ent_analysis_lang(an));
        failures++;
    }
    FILE *e = fopen(expected, "r");
    if (!e) { perror(expected); return 2; }
    unsigned a, b;
    size_t i = 0, ns = ent_analysis_sentence_count(an);
    int line = 0;
    char buf[256];
    while (fgets(buf, sizeof buf, e)) {
        line++;
        if (buf[0] == '#' || sscanf(buf, "%u %u", &a, &b) != 2) continue;
        const ent_sentence *s = ent_analysis_sentence(an, i++);
        if (!s || s->start != a || s->end != b) {
            fprintf(stderr, "%s:%d: sentence %zu: want %u-%u, got %d-%d\n", expected, line, i, a, b,
                    s ? (int)s->start : -1, s ? (int)s->end : -1);
            failures++;
        }
    }
    fclose(e);
    if (i != ns) { fprintf(stderr, "%s: %zu sentences, expected %zu\n", article, ns, i); failures++; }
    /* every sentence starts with a capital or a quote and ends with terminal punctuation */
    ent_buf_free(&text);
    printf("seed article: %zu sentences, %d failures\n", ns, failures);
    return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: spec_runner FILE.spec | --seed ARTICLE EXPECTED\n"); return 2; }
    ent_error err = {0};
    tx = ent_text_new(NULL, &err);
    if (!tx) { fprintf(stderr, "spec_runner: %s\n", err.message); return 3; }
    an = ent_analysis_new();
    dict = ent_dict_load(getenv("ENT_DICT_DIR"), &err);
    if (!dict) { fprintf(stderr, "spec_runner: %s\n", err.message); return 3; }
    rec = ent_actors_new(dict);
    coder = ent_coder_new(dict);
    worker = ent_worker_new(coder);
    int rc = !strcmp(argv[1], "--seed") && argc == 4 ? run_seed(argv[2], argv[3]) : run_spec(argv[1]);
    ent_worker_free(worker);
    ent_coder_free(coder);
    ent_actors_free(rec);
    ent_dict_free(dict);
    ent_analysis_free(an);
    ent_text_free(tx);
    return rc;
}

/* test_reader.c: document readers (src/io/reader.c) on files written by the test: JSON lines
 * with bad lines, invalid UTF-8, plain text, directories in name order, binary and empty
 * files. Each problem must be reported as FILE:LINE and the rest read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "entente.h"
#include "io/reader.h"
#include "testutil.h"

static char diags[8192];

static void collect(void *user, const char *where, const char *message)
{
    (void)user;
    size_t n = strlen(diags);
    snprintf(diags + n, sizeof diags - n, "%s: %s\n", where, message);
}

static int setup(void **state)
{
    (void)state;
    return tu_mkdtemp("reader");
}

static int teardown(void **state)
{
    (void)state;
    tu_rmtree();
    return 0;
}

/* Reads every document of paths; returns their ids joined by '|'. */
static char *read_ids(const char *const *paths, size_t n, size_t *problems)
{
    static char ids[4096];
    ids[0] = 0;
    diags[0] = 0;
    ent_error err = {0};
    ent_reader *r = ent_reader_open(paths, n, collect, NULL, &err);
    assert_non_null(r);
    const ent_doc *d;
    int rc;
    while ((rc = ent_reader_next(r, &d, &err)) == 1) {
        size_t l = strlen(ids);
        snprintf(ids + l, sizeof ids - l, "%s%s", l ? "|" : "", d->id);
        assert_int_equal(strlen(d->text), d->len);
    }
    assert_int_equal(rc, 0);
    *problems = ent_reader_problems(r);
    ent_reader_close(r);
    return ids;
}

static void jsonl_bad_lines_are_reported_and_skipped(void **state)
{
    (void)state;
    const char data[] =
        "{\"id\":\"a\",\"text\":\"Kiev a protesté.\",\"lang\":\"fr\",\"date\":\"2024-06-19\"}\n"
        "{\"id\":\"b\",\"text\":\"unterminated\n"
        "\n"
        "[1,2,3]\n"
        "{\"text\":\"no id\"}\n"
        "{\"id\":\"c\"}\n"
        "{\"id\":7,\"text\":\"Numeric ids are kept.\"}\n"
        "{\"id\":\"d\",\"text\":\"caf\xC3 ok\",\"title\":42}\n";
    tu_write("docs.jsonl", data, sizeof data - 1);
    const char *p[] = {tu_path("docs.jsonl")};
    size_t problems;
    assert_string_equal(read_ids(p, 1, &problems), "a|7|d");
    assert_int_equal(problems, 6);
    char want[2200];
    snprintf(want, sizeof want, "%s:2: malformed JSON", p[0]);
    assert_non_null(strstr(diags, want));
    snprintf(want, sizeof want, "%s:4: not a JSON object", p[0]);
    assert_non_null(strstr(diags, want));
    snprintf(want, sizeof want, "%s:5: missing \"id\"", p[0]);
    assert_non_null(strstr(diags, want));
    snprintf(want, sizeof want, "%s:6: missing \"text\"", p[0]);
    assert_non_null(strstr(diags, want));
    snprintf(want, sizeof want, "%s:8: invalid UTF-8 in \"text\"", p[0]);
    assert_non_null(strstr(diags, want));
    snprintf(want, sizeof want, "%s:8: \"title\" is not a string", p[0]);
    assert_non_null(strstr(diags, want));
}

/* Everything the reader gives for a file (documents, their fields, the problems reported),
 * as one text; fast: with or without the fast path for JSON lines. */
static char *read_all(const char *path, int fast)
{
    static char *out;
    size_t cap = 1 << 22, len = 0;
    out = realloc(out, cap);
    out[0] = 0;
    diags[0] = 0;
    ent_error err = {0};
    ent_reader *r = ent_reader_open(&path, 1, collect, NULL, &err);
    assert_non_null(r);
    ent_reader_fast_json(r, fast);
    const ent_doc *d;
    while (ent_reader_next(r, &d, &err) == 1) {
        const char *f[] = {d->id, d->text, d->lang, d->date, d->url, d->title};
        for (int i = 0; i < 6; i++) {
            size_t n = f[i] ? strlen(f[i]) : 6;
            if (len + n + 8 >= cap) out = realloc(out, cap *= 2);
            len += (size_t)snprintf(out + len, cap - len, "%s%c", f[i] ? f[i] : "(null)", i < 5 ? '\x1f' : '\n');
        }
        assert_int_equal(strlen(d->text), d->len);
    }
    size_t n = strlen(diags);
    if (len + n + 1 >= cap) out = realloc(out, cap = len + n + 1);
    memcpy(out + len, diags, n + 1);
    ent_reader_close(r);
    return out;
}

static uint64_t xorshift(uint64_t *r)
{
    *r ^= *r << 13, *r ^= *r >> 7, *r ^= *r << 17;
    return *r;
}

/* Generated JSON lines: the six fields and others in any order, strings with every escape,
 * raw control bytes, invalid UTF-8, numbers cJSON reads its own way, nesting, and broken
 * syntax. The fast path must give exactly what cJSON's path gives. */
static void fast_json_path_reads_like_cjson(void **state)
{
    (void)state;
    static const char *const keys[] = {"\"id\"", "\"text\"", "\"lang\"", "\"date\"", "\"url\"",
        "\"title\"", "\"events\"", "\"x\"", "\"te\\u0078t\"", "\"id\"", "\"text\"", "\"\""};
    static const char *const chunks[] = {"a", "Kiev", " ", "\\n", "\\\"", "\\\\", "\\/", "\\t",
        "\\b", "\\f", "\\r", "\\u00e9", "\\u2019", "\\u0041", "\t", "\x01", "\xC3\xA9",
        "\xE2\x80\x99", "\xff", "\xC3", "'", "{", "]", ","};
    /* escapes cJSON reads its own way or refuses: rarer, so that most lines stay documents */
    static const char *const odd[] = {"\\uD83D\\uDE00", "\\u0000", "\\ud800", "\\x", "\\u12",
        "\\uDE00"};
    static const char *const others[] = {"null", "true", "false", "0", "-1.5e3", "12", "01",
        "1.2.3", "+1", ".5", "1.", "-", "1e", "[]", "{}", "[1,[2,{\"a\":null}]]", "{\"b\":[\"c\"]}",
        "[1,]", "{\"a\"}", "nul", "truex", "123456789012345678901234567890123456789012345678",
        "-0", "1E+2", "\"\"", "[[[[[[[[[[]]]]]]]]]]"};
    static const char *const spaces[] = {"", "", " ", "\t", "\r", "  ", "\x01", "\x0b"};
    uint64_t rnd = 0x9E3779B97F4A7C15ULL;
#define NEXT() xorshift(&rnd)
#define PICK(a) (a[NEXT() % (sizeof a / sizeof *a)])
    size_t cap = 1 << 22, len = 0;
    char *data = malloc(cap);
    for (int line = 0; line < 6000; line++) {
        char buf[2048];
        size_t n = 0;
        int nfields = 2 + (int)(NEXT() % 6);
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s{", PICK(spaces));
        for (int k = 0; k < nfields && n < sizeof buf - 400; k++) {
            if (k) n += (size_t)snprintf(buf + n, sizeof buf - n, "%s,%s", PICK(spaces), PICK(spaces));
            /* mostly "id" then "text" first, so that most lines are documents */
            const char *key = k < 2 && NEXT() % 6 ? keys[k] : PICK(keys);
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s:%s", key, PICK(spaces), PICK(spaces));
            if (NEXT() % 6) {   /* a string, mostly clean */
                buf[n++] = '"';
                int parts = (int)(NEXT() % 12);
                for (int c = 0; c < parts; c++) {
                    const char *ch = NEXT() % 3 ? "mot " : NEXT() % 30 ? PICK(chunks) : PICK(odd);
                    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", ch);
                }
                buf[n++] = '"';
            } else {
                n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", PICK(others));
            }
        }
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s\n", PICK(spaces),
                              NEXT() % 50 ? "}" : "", NEXT() % 40 ? "" : " trailing");
        if (len + n >= cap) data = realloc(data, cap *= 2);
        memcpy(data + len, buf, n);
        len += n;
    }
#undef NEXT
#undef PICK
    tu_write("gen.jsonl", data, len);
    free(data);
    char *slow = strdup(read_all(tu_path("gen.jsonl"), 0));
    char *fast = read_all(tu_path("gen.jsonl"), 1);
    if (strcmp(slow, fast)) {
        size_t i = 0;
        while (slow[i] == fast[i]) i++;
        size_t from = i > 200 ? i - 200 : 0;
        fail_msg("the fast path differs at byte %zu:\ncJSON: %.300s\nfast:  %.300s", i, slow + from, fast + from);
    }
    /* the generated lines reach every branch: documents read and lines refused */
    size_t docs = 0;
    for (const char *q = slow; (q = strchr(q, '\x1f')); q++) docs++;

    assert_true(docs / 5 > 2000);
    assert_non_null(strstr(slow, "malformed JSON"));
    assert_non_null(strstr(slow, "missing \"text\""));
    assert_non_null(strstr(slow, "is not a string"));
    assert_non_null(strstr(slow, "invalid UTF-8"));
    free(slow);
}

static void fields_are_passed_through(void **state)
{
    (void)state;
    const char data[] = "{\"id\":\"x1\",\"text\":\"Moscou.\",\"lang\":\"fr\",\"date\":\"2024-06-19\","
                        "\"url\":\"https://example.org/a\",\"title\":\"T\\u00eate\"}\n";
    tu_write("one.jsonl", data, sizeof data - 1);
    const char *p[] = {tu_path("one.jsonl")};
    ent_error err = {0};
    ent_reader *r = ent_reader_open(p, 1, collect, NULL, &err);
    const ent_doc *d;
    assert_int_equal(ent_reader_next(r, &d, &err), 1);
    assert_string_equal(d->id, "x1");
    assert_string_equal(d->text, "Moscou.");
    assert_string_equal(d->lang, "fr");
    assert_string_equal(d->date, "2024-06-19");
    assert_string_equal(d->url, "https://example.org/a");
    assert_string_equal(d->title, "Tête");
    assert_int_equal(ent_reader_next(r, &d, &err), 0);
    assert_true(ent_reader_bytes(r) == sizeof data - 1);
    ent_reader_close(r);
}

static void directories_are_read_recursively_in_order(void **state)
{
    (void)state;
    tu_subdir("tree");
    tu_subdir("tree/b");
    tu_write("tree/c.txt", "Troisième.", strlen("Troisième."));
    tu_write("tree/a.txt", "Premier.", strlen("Premier."));
    tu_write("tree/b/z.jsonl", "{\"id\":\"z\",\"text\":\"Deuxième.\"}\n", 31);
    tu_write("tree/b/notes.md", "ignored", 7);
    const char *p[] = {tu_path("tree")};
    size_t problems;
    char want[4096];
    snprintf(want, sizeof want, "%s/tree/a.txt|z|%s/tree/c.txt", tu_dir, tu_dir);
    assert_string_equal(read_ids(p, 1, &problems), want);
    assert_int_equal(problems, 0);
}

static void binary_empty_and_missing_files_do_not_stop_the_rest(void **state)
{
    (void)state;
    char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (char)(i * 7919 % 256);
    tu_write("garbage.txt", bin, sizeof bin);
    tu_write("empty.txt", "", 0);
    const char *latin1 = "Le pr\xE9sident est arriv\xE9.\nIl repart demain.";
    tu_write("latin1.txt", latin1, strlen(latin1));
    const char *bom = "\xEF\xBB\xBFTexte sain.";
    tu_write("good.txt", bom, strlen(bom));
    const char *p[] = {tu_path("garbage.txt"), tu_path("empty.txt"), tu_path("nope.txt"),
                       tu_path("latin1.txt"), tu_path("good.txt")};
    size_t problems;
    char want[4096];
    snprintf(want, sizeof want, "%s|%s", p[3], p[4]);
    assert_string_equal(read_ids(p, 5, &problems), want);
    assert_int_equal(problems, 4);
    assert_non_null(strstr(diags, "binary data"));
    assert_non_null(strstr(diags, "empty file"));
    assert_non_null(strstr(diags, "cannot read"));
    snprintf(want, sizeof want, "%s:1: invalid UTF-8 in \"text\": 2 sequences", p[3]);
    assert_non_null(strstr(diags, want));
}

static void a_long_single_line_is_read_whole(void **state)
{
    (void)state;
    size_t n = 5u << 20;   /* 5 MB of text in one JSON line */
    char *line = malloc(n + 64);
    size_t k = (size_t)sprintf(line, "{\"id\":\"long\",\"text\":\"");
    for (size_t i = 0; i < n; i++) line[k++] = (char)("Kiev a protesté. "[i % 17]);
    k += (size_t)sprintf(line + k, "\"}\n");
    tu_write("long.jsonl", line, k);
    free(line);
    const char *p[] = {tu_path("long.jsonl")};
    ent_error err = {0};
    ent_reader *r = ent_reader_open(p, 1, collect, NULL, &err);
    const ent_doc *d;
    assert_int_equal(ent_reader_next(r, &d, &err), 1);
    assert_int_equal(d->len, n);
    ent_reader_close(r);
}

/* Byte ranges (MPI shares): a reader reads only its range of a JSON-lines file and the text
 * files given to it; line numbers count from the top of the file. */
static void ranges_read_their_lines_only(void **state)
{
    (void)state;
    const char data[] =
        "{\"id\":\"a\",\"text\":\"Un.\"}\n"        /* bytes 0-23 */
        "{\"id\":\"b\",\"text\":\"Deux.\"}\n"      /* 24-49 */
        "{\"id\":\"c\",\"text\":\n"                 /* 50-67: bad */
        "{\"id\":\"d\",\"text\":\"Quatre.\"}\n";   /* 68- */
    tu_write("r.jsonl", data, sizeof data - 1);
    tu_write("t.txt", "Un texte.", 9);
    const char *p[] = {tu_path("r.jsonl"), tu_path("t.txt")};
    ent_error err = {0};
    struct { uint64_t b[2], e[2]; const char *ids; const char *diag; } cases[] = {
        {{0, UINT64_MAX}, {24, 0}, "a", ""},
        {{24, 0}, {68, UINT64_MAX}, "b|", ":3: malformed JSON"},
        {{68, UINT64_MAX}, {sizeof data - 1, 0}, "d", ""},
        {{UINT64_MAX, 0}, {0, UINT64_MAX}, "", ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        diags[0] = 0;
        ent_reader *r = ent_reader_open(p, 2, collect, NULL, &err);
        assert_int_equal(ent_reader_file_count(r), 2);
        assert_int_equal(ent_reader_file_splits(r, 0), 1);
        assert_int_equal(ent_reader_file_splits(r, 1), 0);
        ent_reader_ranges(r, cases[k].b, cases[k].e);
        char ids[256] = "";
        const ent_doc *d;
        while (ent_reader_next(r, &d, &err) == 1) {
            size_t l = strlen(ids);
            /* the text file's id is its path: written as "" */
            snprintf(ids + l, sizeof ids - l, "%s%s", l ? "|" : "", strchr(d->id, '/') ? "" : d->id);
        }
        ent_reader_close(r);
        assert_string_equal(ids, cases[k].ids);
        if (cases[k].diag[0]) assert_non_null(strstr(diags, cases[k].diag));
        else assert_string_equal(diags, "");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_bad_lines_are_reported_and_skipped),
        cmocka_unit_test(fields_are_passed_through),
        cmocka_unit_test(fast_json_path_reads_like_cjson),
        cmocka_unit_test(directories_are_read_recursively_in_order),
        cmocka_unit_test(binary_empty_and_missing_files_do_not_stop_the_rest),
        cmocka_unit_test(a_long_single_line_is_read_whole),
        cmocka_unit_test(ranges_read_their_lines_only),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_bad_lines_are_reported_and_skipped),
        cmocka_unit_test(fields_are_passed_through),
        cmocka_unit_test(directories_are_read_recursively_in_order),
        cmocka_unit_test(binary_empty_and_missing_files_do_not_stop_the_rest),
        cmocka_unit_test(a_long_single_line_is_read_whole),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

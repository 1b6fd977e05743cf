/* test_segment.c: the segmenter runs ICU's sentence automaton only in windows around
 * terminators and separators (src/text/segment.c); these tests check that it finds exactly the
 * sentences it finds when ICU runs over the whole text, on generated text dense in the
 * characters the rules look at, on our spec files, and on the real news under ../shared (the
 * dev set, the seed article, the peers' English sentences) when it is present. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "text/segment.h"
#include "util/util.h"

static ent_segmenter *seg;
static ent_span *a, *b;
static size_t capa, capb;
static size_t texts;   /* texts compared by the current test */

static int setup(void **state)
{
    (void)state;
    char msg[256];
    seg = ent_segmenter_new(msg, sizeof msg);
    return seg ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ent_segmenter_free(seg);
    free(a);
    free(b);
    return 0;
}

static void show(const char *what, const char *t, const ent_span *s, size_t n)
{
    fprintf(stderr, "%s:", what);
    for (size_t i = 0; i < n; i++) fprintf(stderr, " [%.*s]", (int)(s[i].end - s[i].start), t + s[i].start);
    fputc('\n', stderr);
}

/* Segments t both ways in both languages and fails on the first difference. */
static void same(const char *t, size_t len)
{
    static const char *const langs[] = {"fr", "en"};
    for (int l = 0; l < 2; l++) {
        ent_segmenter_whole(seg, 1);
        size_t na = ent_segment(seg, t, len, langs[l], &a, &capa);
        ent_segmenter_whole(seg, 0);
        size_t nb = ent_segment(seg, t, len, langs[l], &b, &capb);
        if (na != nb || (na && memcmp(a, b, na * sizeof *a))) {
            fprintf(stderr, "text (%s): %.*s\n", langs[l], (int)len, t);
            show("ICU over the whole text", t, a, na);
            show("ICU in windows", t, b, nb);
            fail_msg("the windows change the sentences");
        }
    }
    texts++;
}

/* Generated text: short runs drawn from the characters ICU's sentence rules distinguish
 * (terminators, closers, spaces, separators, upper and lower case, digits, other letters,
 * combining marks, format characters), many per text. */
static void generated_text(void **state)
{
    (void)state;
    static const char *const piece[] = {
        ".", ".", ".", "!", "?", "?!", "...", "\xE2\x80\xA6", "\xE3\x80\x82", "\xD8\x9F",
        " ", " ", " ", "  ", "\t", "\xC2\xA0", "\xE2\x80\xAF", "\n", "\n\n", "\r\n", "\r",
        "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85",
        ")", "(", "\"", "'", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D",
        "\xE2\x80\x99", "]", "[", ",", ";", ":", "-", "\xE2\x80\x94",
        "a", "le", "the", "ministre", "said", "\xC3\xA9t\xC3\xA9", "x", "b",
        "A", "Le", "The", "M", "U.S", "Mr", "\xC3\x89tats", "ONU", "J", "Kim",
        "3", "12", "1999", "3,5", "4.2",
        "\xCC\x81", "\xE2\x80\x8B", "\xC2\xAD", "\xD8\xB9", "\xE4\xB8\xAD",
    };
    const size_t npiece = sizeof piece / sizeof *piece;
    uint64_t r = 0x2545F4914F6CDD1DULL;
    char t[1024];
    texts = 0;
    for (int n = 0; n < 40000; n++) {
        size_t len = 0;
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        int k = 1 + (int)(r % 60);
        for (int i = 0; i < k; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            const char *p = piece[r % npiece];
            size_t pl = strlen(p);
            if (len + pl >= sizeof t) break;
            memcpy(t + len, p, pl);
            len += pl;
        }
        same(t, len);
    }
    assert_int_equal(texts, 40000);
}

/* Every paragraph of a file (paragraphs end at a blank line); spec 1: its "< " lines; spec 2:
 * every line. */
static void file_text(const char *path, int spec)
{
    FILE *f = fopen(path, "rb");
    if (!f) return;
    ent_buf para = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        if (spec == 1) {
            if (n >= 2 && line[0] == '<' && line[1] == ' ') same(line + 2, (size_t)n - 2);
            continue;
        }
        if (spec == 2) {   /* each line a text */
            same(line, (size_t)n);
            continue;
        }
        if (n <= 1 && para.len) {
            same(para.p, para.len);
            para.len = 0;
        } else {
            ent_buf_add(&para, line, (size_t)n);
        }
    }
    if (para.len) same(para.p, para.len);
    free(line);
    free(para.p);
    fclose(f);
}

static void spec_files(void **state)
{
    (void)state;
    texts = 0;
    const char *dir = SPEC_DIR;
    static const char *const files[] = {"segment_fr.spec", "segment_en.spec", "tokens_fr.spec",
                                        "tokens_en.spec"};
    char path[1024];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        file_text(path, 1);
    }
    assert_true(texts > 200);
}

/* The real news under ../shared, when it is there: the dev set's texts (one JSON line each:
 * the text is compared with its escapes, which only adds backslashes), the seed article, and
 * the files of sentences the peers published. */
static void shared_news(void **state)
{
    (void)state;
    texts = 0;
    char path[1024];
    snprintf(path, sizeof path, "%s/devset/events.jsonl", SHARED_DIR);
    FILE *f = fopen(path, "rb");
    if (!f) skip();
    fclose(f);
    file_text(path, 2);
    file_text(path, 0);   /* and the whole file as one text */
    snprintf(path, sizeof path, "%s/seed/seed.fr.txt", SHARED_DIR);
    file_text(path, 0);
    snprintf(path, sizeof path, "%s/peers/CAMEO_ConfliBERT/cameo_100.csv", SHARED_DIR);
    file_text(path, 2);
    assert_true(texts > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(generated_text),
        cmocka_unit_test(spec_files),
        cmocka_unit_test(shared_news),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* test_utf8.c: UTF-8 decoding, validation and repair (src/text/utf8.c), and folding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "text/fold.h"
#include "text/utf8.h"

static void decodes_one_to_four_bytes(void **state)
{
    (void)state;
    size_t l;
    assert_int_equal(ent_utf8_decode((const unsigned char *)"A", 1, &l), 'A');
    assert_int_equal(l, 1);
    assert_int_equal(ent_utf8_decode((const unsigned char *)"\xC3\xA9", 2, &l), 0xE9);
    assert_int_equal(l, 2);
    assert_int_equal(ent_utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &l), 0x2019);
    assert_int_equal(l, 3);
    assert_int_equal(ent_utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &l), 0x1F600);
    assert_int_equal(l, 4);
}

static void rejects_invalid_sequences(void **state)
{
    (void)state;
    size_t l;
    const char *bad[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80",
                         "\xC3", "\xE2\x80", "\xFF"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(ent_utf8_decode((const unsigned char *)bad[i], strlen(bad[i]), &l), -1);
        assert_int_equal(l, 1);
    }
}

static void check_finds_first_fault(void **state)
{
    (void)state;
    const char *s = "Kyiv \xC3\xA9t\xC3 ok";
    assert_int_equal(ent_utf8_check(s, strlen(s)), 8);
    assert_int_equal(ent_utf8_check("abc", 3), 3);
    assert_int_equal(ent_utf8_check("a\0b", 3), 1);
}

static void repair_replaces_each_fault(void **state)
{
    (void)state;
    ent_buf b = {0};
    const char in[] = "L\x92ONU \xC3\xA9t\xC3 \0x";
    size_t n = ent_utf8_repair(in, sizeof in - 1, &b);
    assert_int_equal(n, 3);
    assert_string_equal(b.p, "L\xEF\xBF\xBDONU \xC3\xA9t\xEF\xBF\xBD \xEF\xBF\xBDx");
    assert_int_equal(ent_utf8_check(b.p, b.len), b.len);
    ent_buf_free(&b);
}

static void folds_case_accents_apostrophes_ligatures(void **state)
{
    (void)state;
    struct { const char *in, *out; } cases[] = {
        {"États-Unis", "etats-unis"}, {"L\xE2\x80\x99", "l'"}, {"Œuvre", "oeuvre"},
        {"Al-Qaïda", "al-qaida"}, {"KIEV", "kiev"}, {"Bogotá", "bogota"},
        {"nord\xE2\x80\x91" "coréen", "nord-coreen"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ent_buf b = {0};
        ent_fold(cases[i].in, strlen(cases[i].in), &b);
        assert_string_equal(b.p, cases[i].out);
        ent_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_one_to_four_bytes),
        cmocka_unit_test(rejects_invalid_sequences),
        cmocka_unit_test(check_finds_first_fault),
        cmocka_unit_test(repair_replaces_each_fault),
        cmocka_unit_test(folds_case_accents_apostrophes_ligatures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

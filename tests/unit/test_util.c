/* test_util.c: the buffer, arena and hash map of src/util. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "io/json.h"
#include "util/util.h"

static void buf_grows_and_stays_terminated(void **state)
{
    (void)state;
    ent_buf b = {0};
    for (int i = 0; i < 10000; i++) ent_buf_addc(&b, (char)('a' + i % 26));
    assert_int_equal(b.len, 10000);
    assert_int_equal(b.p[b.len], 0);
    ent_buf_clear(&b);
    ent_buf_printf(&b, "%s:%d", "file", 42);
    assert_string_equal(b.p, "file:42");
    ent_buf_add(&b, "xyz", 2);
    assert_string_equal(b.p, "file:42xy");
    ent_buf_free(&b);
    assert_null(b.p);
}

static void arena_keeps_strings_until_reset(void **state)
{
    (void)state;
    ent_arena a = {0};
    char *p[2000];
    for (int i = 0; i < 2000; i++) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "word%d", i);
        p[i] = ent_arena_strndup(&a, tmp, strlen(tmp));
    }
    assert_string_equal(p[0], "word0");
    assert_string_equal(p[1999], "word1999");
    char *big = ent_arena_alloc(&a, 200000);   /* larger than a block */
    memset(big, 1, 200000);
    ent_arena_reset(&a);
    char *q = ent_arena_strndup(&a, "again", 5);
    assert_string_equal(q, "again");
    ent_arena_free(&a);
}

/* ent_hash is also the store's content hash (src/store/store.c): its values must not change.
 * The reference: eight bytes at a time, then the last bytes as one little-endian word. */
static uint64_t hash_reference(const unsigned char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w = 0;
        for (int i = 7; i >= 0; i--) w = w << 8 | s[i];
        h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    for (size_t i = n; i-- > 0;) w = w << 8 | s[i];
    h = (h ^ w) * 0x94d049bb133111ebULL;
    return h ^ (h >> 29);
}

static void hash_values_are_stable(void **state)
{
    (void)state;
    unsigned char buf[64];
    uint64_t r = 88172645463325252ULL;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            buf[i] = (unsigned char)r;
        }
        for (size_t n = 0; n <= sizeof buf; n++)
            assert_true(ent_hash((const char *)buf, n) == hash_reference(buf, n));
    }
    /* and values written down when stores were first made, so that neither can drift */
    assert_true(ent_hash("Poutine", 7) == 0xa77f173a33eb4e32ULL);
    assert_true(ent_hash("", 0) == 0x2ad0938b4c26d017ULL);
}

/* ent_json_str skips eight bytes at a time to the next byte to escape: it must escape exactly
 * what a byte-by-byte escaper does, wherever the bytes fall in the words. */
static void json_strings_are_escaped_at_any_offset(void **state)
{
    (void)state;
    static const unsigned char pool[] = {'a', 'Z', ' ', '"', '\\', '\n', '\r', '\t', 0x01, 0x1f,
                                         0x20, 0x7f, 0xC3, 0xA9, 0xE2, 0x80, 0x99, '/', 0};
    uint64_t r = 0x853c49e6748fea9bULL;
    ent_buf got = {0}, want = {0};
    for (int round = 0; round < 20000; round++) {
        unsigned char s[48];
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        size_t n = r % sizeof s;
        for (size_t i = 0; i < n; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            s[i] = (r % 8) ? (unsigned char)('a' + r % 26) : pool[(r >> 8) % sizeof pool];
        }
        ent_buf_clear(&got);
        ent_json_str(&got, (const char *)s, n);
        ent_buf_clear(&want);
        ent_buf_addc(&want, '"');
        for (size_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            if (c == '"') ent_buf_adds(&want, "\\\"");
            else if (c == '\\') ent_buf_adds(&want, "\\\\");
            else if (c == '\n') ent_buf_adds(&want, "\\n");
            else if (c == '\r') ent_buf_adds(&want, "\\r");
            else if (c == '\t') ent_buf_adds(&want, "\\t");
            else if (c < 0x20) ent_buf_printf(&want, "\\u%04x", c);
            else ent_buf_addc(&want, (char)c);
        }
        ent_buf_addc(&want, '"');
        assert_int_equal(got.len, want.len);
        assert_memory_equal(got.p, want.p, want.len);
    }
    ent_buf_free(&got);
    ent_buf_free(&want);
}

static void map_finds_every_key_after_growth(void **state)
{
    (void)state;
    ent_map m = {0};
    char key[32];
    for (uintptr_t i = 1; i <= 50000; i++) {
        int n = snprintf(key, sizeof key, "k%lu", (unsigned long)i);
        ent_map_put(&m, key, (size_t)n, (void *)i);
    }
    assert_int_equal(m.count, 50000);
    for (uintptr_t i = 1; i <= 50000; i += 997) {
        int n = snprintf(key, sizeof key, "k%lu", (unsigned long)i);
        assert_ptr_equal(ent_map_get(&m, key, (size_t)n), (void *)i);
    }
    assert_null(ent_map_get(&m, "absent", 6));
    /* keys are byte strings: a prefix is a different key */
    assert_null(ent_map_get(&m, "k1", 1));
    ent_map_put(&m, "k1", 2, (void *)7);
    assert_ptr_equal(ent_map_get(&m, "k1", 2), (void *)7);
    assert_int_equal(m.count, 50000);
    ent_map_free(&m);
}

/* Values by symbol: kept while the epoch stays, zeroed when it changes, zeroed room on growth. */
static void symtab_keeps_values_for_one_epoch(void **state)
{
    (void)state;
    ent_symtab t = {0};
    uint32_t *v = ent_symtab_sync(&t, 7, 10, sizeof *v);
    for (int i = 0; i < 10; i++) assert_int_equal(v[i], 0);
    v[3] = 33;
    v[9] = 99;
    v = ent_symtab_sync(&t, 7, 5000, sizeof *v);   /* grows: kept, new room zeroed */
    assert_true(t.cap >= 5000);
    assert_int_equal(v[3], 33);
    assert_int_equal(v[9], 99);
    for (int i = 10; i < 5000; i++) assert_int_equal(v[i], 0);
    v[4999] = 1;
    v = ent_symtab_sync(&t, 8, 10, sizeof *v);      /* another numbering: all zero */
    assert_int_equal(v[3], 0);
    assert_int_equal(v[9], 0);
    assert_int_equal(v[4999], 0);
    ent_symtab_free(&t);
    assert_null(t.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buf_grows_and_stays_terminated),
        cmocka_unit_test(arena_keeps_strings_until_reset),
        cmocka_unit_test(map_finds_every_key_after_growth),
        cmocka_unit_test(symtab_keeps_values_for_one_epoch),
        cmocka_unit_test(hash_values_are_stable),
        cmocka_unit_test(json_strings_are_escaped_at_any_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_actors.c: the dictionary loader (errors with file:line, dates, lint) and the actor
 * recogniser on a small dictionary written by the test, so that each rule is checked apart
 * from the shipped data: longest match, case rules, dates and fallbacks, composition,
 * apposition, capitals as places, datelines, discards. */
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

static ent_text *tx;
static ent_analysis *an;

static const char *dict_text =
    "[country]\n@lang fr\nCorée du Nord | Corée => PRK\nRussie => RUS\nTurquie => TUR\n"
    "@lang en\nTurkey => TUR\nRussia => RUS\nUS | U.S. => USA\n"
    "[demonym]\n@lang fr\nrusse | russes => RUS\nnord-coréen | nord-coréens => PRK\n"
    "chinois | chinoise => CHN\n"
    "@lang en\nRussian | Russians => RUS\nSouth Korean => KOR\n"
    "[capital]\nMoscou => RUS\nAlger => DZA\n"
    "[seat]\nKremlin => RUSGOV\n"
    "[igo]\nONU | UN => IGOUNO\n"
    "[agent]\n@lang fr\narmée | soldat => ~MIL\nministre | président | ministre de la Défense => ~GOV\n"
    "@lang en\ntroops | forces | navy => ~MIL\n"
    "[person]\nJoe Biden | Biden => USAGOV 2021-01-20..2025-01-20\n"
    "Vladimir Poutine | Poutine => RUSGOV 2000-05-07..\n"
    "Lee Alpha | Lee => KORGOV 2020..2030\nLee Beta | Lee => CHNGOV 2020..2030\n"
    "[discard]\nAmérique latine => -\n";

static int setup(void **state)
{
    (void)state;
    if (tu_mkdtemp("dict") < 0) return -1;
    ent_error err = {0};
    tx = ent_text_new(NULL, &err);
    an = ent_analysis_new();
    return tx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ent_analysis_free(an);
    ent_text_free(tx);
    tu_rmtree();
    return 0;
}

/* The codes found in `text` (all sentences) on `date`, space-separated, or "-". */
static const char *codes(const char *text, const char *lang, const char *date)
{
    static char out[512];
    ent_error err = {0};
    tu_write_str("a.txt", dict_text);
    ent_dict *d = ent_dict_load(tu_dir, &err);
    assert_non_null(d);
    ent_actors *r = ent_actors_new(d);
    assert_int_equal(ent_text_analyse(tx, text, strlen(text), lang, an, &err), ENT_OK);
    out[0] = 0;
    for (size_t i = 0; i < ent_analysis_sentence_count(an); i++) {
        const ent_actor *a;
        size_t n = ent_actors_find(r, an, i, date, &a);
        for (size_t k = 0; k < n; k++) {
            if (out[0]) strcat(out, " ");
            strcat(out, a[k].code);
            assert_true(a[k].nentries >= 1);
        }
    }
    if (!out[0]) strcpy(out, "-");
    ent_actors_free(r);
    ent_dict_free(d);
    return out;
}

static void loader_reports_file_and_line(void **state)
{
    (void)state;
    tu_subdir("bad");
    char sub[1100];
    snprintf(sub, sizeof sub, "%s", tu_path("bad"));
    struct { const char *text, *want; } cases[] = {
        {"[country]\nRussie => RUS\nChine CHN\n", ":3: no '=>'"},
        {"[country]\nRussie => RUSSIA\n", ":2: bad actor code 'RUSSIA'"},
        {"[planets]\n", ":1: unknown section [planets]"},
        {"Russie => RUS\n", ":1: entry before any [section]"},
        {"[person]\nX Y => USAGOV 2021-13-01..\n", ":2: bad date '2021-13-01'"},
        {"[person]\nX Y => USAGOV 2025..2021\n", ":2: date range ends before it starts"},
        {"[agent]\narmée => MIL\n", ":2: bad agent code 'MIL'"},
        {"[country]\n@lang de\n", ":2: unknown language 'de'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tu_write_str("bad/x.txt", cases[i].text);
        ent_error err = {0};
        assert_null(ent_dict_load(sub, &err));
        assert_non_null(strstr(err.message, "/bad/x.txt"));
        if (!strstr(err.message, cases[i].want)) fail_msg("%s: want %s", err.message, cases[i].want);
    }
    ent_error err = {0};
    assert_null(ent_dict_load("/nonexistent-dir", &err));
    assert_int_equal(err.code, ENT_ERR_FATAL);
}

static void lint_finds_duplicates_and_conflicts(void **state)
{
    (void)state;
    tu_subdir("lint");
    tu_write_str("lint/x.txt",
                 "[country]\nRussie => RUS\nRussie => RUS\nGéorgie => GEO\ngeorgie => USA\n"
                 "[person]\nA B | B => USAGOV 2020..2022\nC B | B => USAGOV 2022..2024\n");
    ent_error err = {0};
    ent_dict *d = ent_dict_load(tu_path("lint"), &err);
    assert_non_null(d);
    assert_int_equal(ent_dict_lint(d, NULL, NULL), 2);   /* Russie twice; Géorgie two codes */
    ent_dict_free(d);
}

static void the_shipped_dictionaries_load(void **state)
{
    (void)state;
    ent_error err = {0};
    ent_dict *d = ent_dict_load(NULL, &err);
    assert_non_null(d);
    assert_true(ent_dict_entry_count(d) > 1000);
    char buf[600];
    assert_non_null(strstr(ent_dict_entry_origin(d, 0, buf, sizeof buf), "dict/"));
    assert_null(ent_dict_entry_origin(d, 99999999, buf, sizeof buf));
    ent_dict_free(d);
}

static void longest_match_and_case_rules(void **state)
{
    (void)state;
    assert_string_equal(codes("La Corée du Nord et la Russie.", "fr", NULL), "PRK RUS");
    assert_string_equal(codes("We told us the truth about US plans.", "en", NULL), "USA");
    assert_string_equal(codes("A turkey and Turkey.", "en", NULL), "TUR");
    assert_string_equal(codes("Les pays d'Amérique latine.", "fr", NULL), "-");
}

static void dates_choose_the_role(void **state)
{
    (void)state;
    assert_string_equal(codes("Biden a parlé.", "fr", "2023-05-01"), "USAGOV");
    assert_string_equal(codes("Biden a parlé.", "fr", "2026-05-01"), "USA");    /* former */
    assert_string_equal(codes("Biden a parlé.", "fr", "2019-05-01"), "USA");
    assert_string_equal(codes("Lee a parlé.", "fr", "2024-01-01"), "-");        /* ambiguous */
    assert_string_equal(codes("Lee Alpha a parlé.", "fr", "2024-01-01"), "KORGOV");
    /* the title says the role: the sentence wins over an out-of-term date */
    assert_string_equal(codes("Le président Joe Biden a parlé.", "fr", "2026-05-01"), "USAGOV");
    assert_string_equal(codes("L'ancien président Joe Biden a parlé.", "fr", "2026-05-01"), "USA");
}

static void agents_compose_with_countries(void **state)
{
    (void)state;
    assert_string_equal(codes("L'armée russe et les soldats nord-coréens.", "fr", NULL), "RUSMIL PRKMIL");
    assert_string_equal(codes("Le ministre de la Défense de la Russie.", "fr", NULL), "RUSGOV");
    assert_string_equal(codes("L'armée a tiré.", "fr", NULL), "-");
    assert_string_equal(codes("Russian troops and U.S. and South Korean forces.", "en", NULL),
                        "RUSMIL USAMIL KORMIL");
    assert_string_equal(codes("Russia's navy.", "en", NULL), "RUSMIL");
    assert_string_equal(codes("Les armées russe et chinoise.", "fr", NULL), "RUSMIL CHNMIL");
    assert_string_equal(codes("L'ancien ministre russe.", "fr", NULL), "RUS");
}

static void apposition_capitals_datelines(void **state)
{
    (void)state;
    assert_string_equal(codes("Le président russe, Vladimir Poutine, est venu.", "fr", "2024-06-19"), "RUSGOV");
    assert_string_equal(codes("Moscou a protesté.", "fr", NULL), "RUSGOV");
    assert_string_equal(codes("Il est arrivé à Moscou.", "fr", NULL), "RUS");
    assert_string_equal(codes("ALGER, 24 août (Reuters) - La Russie a protesté.", "fr", NULL), "RUS");
    assert_string_equal(codes("Le Kremlin et l'ONU.", "fr", NULL), "RUSGOV IGOUNO");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loader_reports_file_and_line),
        cmocka_unit_test(lint_finds_duplicates_and_conflicts),
        cmocka_unit_test(the_shipped_dictionaries_load),
        cmocka_unit_test(longest_match_and_case_rules),
        cmocka_unit_test(dates_choose_the_role),
        cmocka_unit_test(agents_compose_with_countries),
        cmocka_unit_test(apposition_capitals_datelines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

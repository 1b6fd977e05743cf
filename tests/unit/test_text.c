/* test_text.c: the text analyser through the public API (include/entente.h): language
 * identification, sentence spans, token spans and flags, forms, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "entente.h"

static ent_text *tx;
static ent_analysis *an;

static int setup(void **state)
{
    (void)state;
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
    return 0;
}

static void analyse(const char *s, const char *lang)
{
    ent_error err = {0};
    assert_int_equal(ent_text_analyse(tx, s, strlen(s), lang, an, &err), ENT_OK);
}

static const ent_token *find(const char *surface)
{
    const ent_token *t = ent_analysis_tokens(an);
    for (size_t i = 0; i < ent_analysis_token_count(an); i++)
        if (!strcmp(t[i].surface, surface)) return &t[i];
    fail_msg("no token %s", surface);
    return NULL;
}

static void identifies_french_and_english(void **state)
{
    (void)state;
    const char *fr = "Le président russe s'est rendu mercredi à Pyongyang pour une visite de deux "
                     "jours, la première depuis vingt-quatre ans.";
    const char *en = "The Russian president arrived in Pyongyang on Wednesday for a two-day visit, "
                     "his first in twenty-four years.";
    assert_string_equal(ent_text_langid(tx, fr, strlen(fr)), "fr");
    assert_string_equal(ent_text_langid(tx, en, strlen(en)), "en");
    assert_string_equal(ent_text_langid(tx, "Il a dit non.", 13), "fr");
    assert_string_equal(ent_text_langid(tx, "He said no to the plan.", 23), "en");
    analyse(fr, NULL);
    assert_string_equal(ent_analysis_lang(an), "fr");
}

static void spans_point_into_the_document(void **state)
{
    (void)state;
    const char *s = "  « Nous resterons. » a déclaré M. Macron.\n\nL’ONU a condamné l'attaque.  ";
    analyse(s, "fr");
    assert_int_equal(ent_analysis_sentence_count(an), 2);
    const ent_sentence *s0 = ent_analysis_sentence(an, 0), *s1 = ent_analysis_sentence(an, 1);
    assert_int_equal(s0->start, 2);
    assert_memory_equal(s + s1->start, "L’ONU", strlen("L’ONU"));
    assert_int_equal(s1->end, strlen(s) - 2);
    const ent_token *t = ent_analysis_tokens(an);
    for (size_t i = 0; i < ent_analysis_token_count(an); i++) {
        assert_int_equal(t[i].end - t[i].start, strlen(t[i].surface));
        assert_memory_equal(s + t[i].start, t[i].surface, t[i].end - t[i].start);
    }
    assert_int_equal(s1->first_token, s0->n_tokens);
    assert_null(ent_analysis_sentence(an, 2));
}

static void tokens_carry_flags_and_forms(void **state)
{
    (void)state;
    analyse("L’ONU a-t-elle condamné les frappes nord-coréennes aux États-Unis ?", "fr");
    const ent_token *t = find("L’");
    assert_true(t->flags & ENT_TOK_ELISION);
    assert_string_equal(t->fold, "l'");
    assert_string_equal(t->lemma, "le");
    t = find("-t-elle");
    assert_true(t->flags & ENT_TOK_CLITIC);
    assert_string_equal(t->lemma, "elle");
    t = find("nord-coréennes");
    assert_string_equal(t->lemma, "nord-coréen");
    t = find("États-Unis");
    assert_string_equal(t->fold, "etats-unis");
    assert_int_equal(t->pos, ENT_POS_PROPN);
    t = find("condamné");
    assert_string_equal(t->lemma, "condamner");
    assert_int_equal(t->pos, ENT_POS_VERB);
    assert_true(t->posmask & (1u << ENT_POS_VERB));
    t = find("ONU");
    assert_true(t->flags & ENT_TOK_ALLCAPS);
    assert_int_equal(ent_analysis_tokens(an)[0].flags & ENT_TOK_FIRST, ENT_TOK_FIRST);

    analyse("Russia's envoy didn't meet the U.N. chief on 24/02/2022 or in 2022.", "en");
    assert_true(find("'s")->flags & ENT_TOK_CLITIC);
    assert_string_equal(find("n't")->lemma, "not");
    assert_true(find("U.N.")->flags & ENT_TOK_ABBREV);
    assert_false(find("2022")->flags & ENT_TOK_ABBREV);
    assert_true(find("24/02/2022")->flags & ENT_TOK_DATE);
    assert_int_equal(find("24/02/2022")->pos, ENT_POS_NUM);
    assert_string_equal(find("meet")->lemma, "meet");
    assert_int_equal(find("meet")->pos, ENT_POS_VERB);
}

static void empty_and_blank_text_have_no_sentence(void **state)
{
    (void)state;
    analyse("", "fr");
    assert_int_equal(ent_analysis_sentence_count(an), 0);
    analyse(" \n\t \n", "en");
    assert_int_equal(ent_analysis_sentence_count(an), 0);
    assert_int_equal(ent_analysis_token_count(an), 0);
}

static void invalid_utf8_is_an_error_not_a_crash(void **state)
{
    (void)state;
    ent_error err = {0};
    const char bad[] = "Kiev \xC3 a dit";
    assert_int_equal(ent_text_analyse(tx, bad, sizeof bad - 1, "fr", an, &err), ENT_ERR_INPUT);
    assert_int_equal(err.code, ENT_ERR_INPUT);
    assert_non_null(strstr(err.message, "UTF-8"));
}

static void missing_resources_are_reported(void **state)
{
    (void)state;
    ent_error err = {0};
    ent_text_options opt = {.hunspell_dir = "/nonexistent"};
    assert_null(ent_text_new(&opt, &err));
    assert_int_equal(err.code, ENT_ERR_FATAL);
    assert_non_null(strstr(err.message, "/nonexistent/fr.dic"));
}

static void pos_names_cover_every_tag(void **state)
{
    (void)state;
    assert_string_equal(ent_pos_name(ENT_POS_VERB), "VERB");
    assert_string_equal(ent_pos_name(ENT_POS_SYM), "SYM");
    assert_string_equal(ent_pos_name((ent_pos)99), "X");
}

/* Equal folded strings have equal symbols and different ones different symbols, all below the
 * bound, within one epoch; another analyser numbers its own (another epoch). */
static void symbols_number_folded_strings(void **state)
{
    (void)state;
    analyse("La Russie a menacé l'Ukraine. LA RUSSIE menace la Russie et les Russes ; "
            "la menace russe, les menaces des Russes.", "fr");
    uint64_t epoch = ent_analysis_epoch(an);
    uint32_t bound = ent_analysis_symbol_bound(an);
    assert_true(epoch != 0);
    const ent_token *t = ent_analysis_tokens(an);
    size_t n = ent_analysis_token_count(an);
    assert_true(n > 20);
    const char *str[3 * 64];
    uint32_t sym[3 * 64];
    size_t k = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        assert_true(t[i].fold_sym > 0 && t[i].fold_sym < bound);
        assert_true(t[i].lemma_sym > 0 && t[i].lemma_sym < bound);
        assert_int_equal(t[i].verb_fold != NULL, t[i].verb_sym != 0);
        assert_true(t[i].verb_sym < bound);
        str[k] = t[i].fold, sym[k++] = t[i].fold_sym;
        str[k] = t[i].lemma_fold, sym[k++] = t[i].lemma_sym;
        if (t[i].verb_fold) str[k] = t[i].verb_fold, sym[k++] = t[i].verb_sym;
    }
    size_t same = 0;
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++) {
            assert_int_equal(strcmp(str[i], str[j]) == 0, sym[i] == sym[j]);
            same += sym[i] == sym[j];
        }
    assert_true(same > 10);   /* "russie" three times, "menace" as a lemma... */
    assert_int_equal(find("menace")->verb_sym, find("menacé")->verb_sym);
    /* the same analyser keeps its numbering from one document to the next */
    uint32_t russie = find("Russie")->fold_sym;
    analyse("Moscou et la Russie.", "fr");
    assert_int_equal(ent_analysis_epoch(an), epoch);
    assert_int_equal(find("Russie")->fold_sym, russie);
    /* another analyser: another epoch */
    ent_error err = {0};
    ent_text *other = ent_text_new(NULL, &err);
    ent_analysis *a2 = ent_analysis_new();
    assert_int_equal(ent_text_analyse(other, "La Russie.", 10, "fr", a2, &err), ENT_OK);
    assert_true(ent_analysis_epoch(a2) != 0 && ent_analysis_epoch(a2) != epoch);
    ent_analysis_free(a2);
    ent_text_free(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identifies_french_and_english),
        cmocka_unit_test(spans_point_into_the_document),
        cmocka_unit_test(tokens_carry_flags_and_forms),
        cmocka_unit_test(empty_and_blank_text_have_no_sentence),
        cmocka_unit_test(invalid_utf8_is_an_error_not_a_crash),
        cmocka_unit_test(missing_resources_are_reported),
        cmocka_unit_test(pos_names_cover_every_tag),
        cmocka_unit_test(symbols_number_folded_strings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

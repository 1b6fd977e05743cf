/* test_coder.c: the event coder's clause rules (docs/events.md) on a small dictionary written
 * by the test, so that each rule is checked apart from the shipped dictionaries: subject and
 * object, passive with and without agent, negation and refusal, future and modal (meetings
 * become 036), reported speech, coordination, symmetric codes, participial and relative
 * clauses, infinitives under a trigger, patterns with elements, nominal events. */
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
static ent_dict *dict;
static ent_coder *coder;
static ent_worker *worker;

static const char *actors_txt =
    "[country]\n@lang fr\nRussie => RUS\nChine => CHN\nUkraine => UKR\nIran => IRN\n"
    "@lang en\nRussia => RUS\nChina => CHN\nUkraine => UKR\nIran => IRN\n"
    "[capital]\nMoscou | Moscow => RUS\nPékin | Beijing => CHN\nKiev | Kyiv => UKR\n"
    "[person]\nVladimir Poutine | Poutine | Putin => RUSGOV 2000..\nXi Jinping | Xi => CHNGOV 2013..\n";
static const char *events_txt =
    "[verb]\n@lang fr\nrencontrer => 040\nattaquer => 190\ncondamner => 111\nse rendre + à => 042\n"
    "signer + accord => 057\nsigner + décret => -\nrejeter => 120\naccuser => 112\nmenacer => 130\n"
    "démentir => 016\nappeler + à => 020\n"
    "@lang en\nmeet => 040\nattack => 190\ncondemn => 111\nurge => 020\nrefuse => 120\n"
    "[noun]\n@lang fr\nvisite => 042\n";

static int setup(void **state)
{
    (void)state;
    if (tu_mkdtemp("coder") < 0) return -1;
    tu_write_str("a.txt", actors_txt);
    tu_subdir("events");
    tu_write_str("events/v.txt", events_txt);
    ent_error err = {0};
    dict = ent_dict_load(tu_dir, &err);
    if (!dict) { fprintf(stderr, "%s\n", err.message); return -1; }
    tx = ent_text_new(NULL, &err);
    an = ent_analysis_new();
    coder = ent_coder_new(dict);
    worker = ent_worker_new(coder);
    return tx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ent_worker_free(worker);
    ent_coder_free(coder);
    ent_dict_free(dict);
    ent_analysis_free(an);
    ent_text_free(tx);
    tu_rmtree();
    return 0;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The events of `text`, sorted, "SRC TGT CODE" joined by "; ", or "-". */
static const char *code(const char *text, const char *lang)
{
    static char out[1024];
    static char lines[32][48];
    char *v[32];
    size_t n = 0;
    ent_error err = {0};
    assert_int_equal(ent_text_analyse(tx, text, strlen(text), lang, an, &err), ENT_OK);
    for (size_t i = 0; i < ent_analysis_sentence_count(an); i++) {
        const ent_event *ev;
        size_t k = ent_worker_code(worker, an, i, "2024-06-19", &ev);
        for (size_t j = 0; j < k && n < 32; j++, n++) {
            snprintf(lines[n], sizeof lines[n], "%s %s %s", ev[j].source, ev[j].target, ev[j].code);
            v[n] = lines[n];
            assert_true(ev[j].quad >= 1 && ev[j].quad <= 4);
        }
    }
    qsort(v, n, sizeof *v, cmp);
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, "; ");
        strcat(out, v[i]);
    }
    if (!n) strcpy(out, "-");
    return out;
}

static void subject_object_and_symmetry(void **state)
{
    (void)state;
    assert_string_equal(code("Poutine a rencontré Xi Jinping.", "fr"), "CHNGOV RUSGOV 040; RUSGOV CHNGOV 040");
    assert_string_equal(code("La Russie a attaqué l'Ukraine.", "fr"), "RUS UKR 190");
    assert_string_equal(code("La Russie et la Chine ont signé un accord.", "fr"), "CHN RUS 057; RUS CHN 057");
    assert_string_equal(code("La Russie a signé un décret sur l'Ukraine.", "fr"), "-");
}

static void passive_negation_refusal(void **state)
{
    (void)state;
    assert_string_equal(code("L'Ukraine a été attaquée par la Russie.", "fr"), "RUS UKR 190");
    assert_string_equal(code("L'Ukraine a été attaquée.", "fr"), "-");
    assert_string_equal(code("Ukraine was attacked by Russia.", "en"), "RUS UKR 190");
    assert_string_equal(code("La Russie n'a pas attaqué l'Ukraine.", "fr"), "-");
    assert_string_equal(code("Russia did not attack Ukraine.", "en"), "-");
    assert_string_equal(code("Russia never attacked Ukraine.", "en"), "-");
    assert_string_equal(code("La Chine a rejeté la Russie.", "fr"), "CHN RUS 120");
}

static void future_and_modality(void **state)
{
    (void)state;
    assert_string_equal(code("Poutine rencontrera Xi Jinping.", "fr"), "CHNGOV RUSGOV 036; RUSGOV CHNGOV 036");
    assert_string_equal(code("Poutine va rencontrer Xi Jinping.", "fr"), "CHNGOV RUSGOV 036; RUSGOV CHNGOV 036");
    assert_string_equal(code("Putin will meet Xi.", "en"), "CHNGOV RUSGOV 036; RUSGOV CHNGOV 036");
    assert_string_equal(code("La Russie attaquera l'Ukraine.", "fr"), "-");
    assert_string_equal(code("Russia may attack Ukraine.", "en"), "-");
    assert_string_equal(code("Poutine devrait se rendre à Pékin.", "fr"), "RUSGOV CHN 036");
    assert_string_equal(code("La Russie vient d'attaquer l'Ukraine.", "fr"), "RUS UKR 190");
}

static void clauses_speech_coordination(void **state)
{
    (void)state;
    assert_string_equal(code("Moscou a déclaré que la Chine a attaqué l'Ukraine.", "fr"), "CHN UKR 190");
    assert_string_equal(code("La Chine a condamné la Russie et l'Iran.", "fr"), "CHN IRN 111; CHN RUS 111");
    assert_string_equal(code("Poutine, arrivé mercredi à Pékin, a rencontré Xi Jinping.", "fr"),
                        "CHNGOV RUSGOV 040; RUSGOV CHNGOV 040");
    assert_string_equal(code("Poutine, qui a rencontré Xi Jinping, a condamné l'Ukraine.", "fr"),
                        "CHNGOV RUSGOV 040; RUSGOV CHNGOV 040; RUSGOV UKR 111");
    assert_string_equal(code("China urged Russia to attack Ukraine.", "en"), "CHN RUS 020");
    assert_string_equal(code("La Chine a appelé la Russie à attaquer l'Ukraine.", "fr"), "CHN RUS 020");
    assert_string_equal(code("La visite de Poutine à Pékin.", "fr"), "RUSGOV CHN 042");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(subject_object_and_symmetry),
        cmocka_unit_test(passive_negation_refusal),
        cmocka_unit_test(future_and_modality),
        cmocka_unit_test(clauses_speech_coordination),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

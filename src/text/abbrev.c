/* abbrev.c: abbreviation and sentence-opener lists for French and English news (the rules of
 * docs/text.md, "Sentences"). Titles never end a sentence; other abbreviations end one only
 * when the next word is a common sentence opener. */
#include "abbrev.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../util/util.h"

static const char *const titles[] = {
    /* French */
    "M.", "MM.", "Mme.", "Mmes.", "Mlle.", "Mgr.", "Dr.", "Pr.", "Me.", "Gén.", "Gal.", "Col.",
    "Cdt.", "Lt.", "Sgt.", "St.", "Ste.", "Cne.", "Adj.", "S.E.", "S.M.",
    /* English */
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Gen.", "Capt.", "Maj.", "Adm.", "Cmdr.", "Cdr.", "Brig.",
    "Cpl.", "Pvt.", "Sen.", "Rep.", "Gov.", "Pres.", "Prof.", "Rev.", "Hon.", "Amb.", "Atty.",
    "Supt.", "Insp.", "Det.", "Lt.-Gen.", "Maj.-Gen.", "Mt.", "Ft.", "Sr.", "Jr.", "Sheikh.",
    NULL
};

static const char *const others[] = {
    "U.S.", "U.N.", "U.K.", "E.U.", "U.S.A.", "D.C.", "U.A.E.", "U.S.S.R.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.", "janv.", "févr.", "fév.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.",
    "No.", "Nos.", "no.", "nos.", "etc.", "av.", "apr.", "J.-C.", "Inc.", "Corp.", "Ltd.",
    "Co.", "vs.", "p.", "pp.", "Vol.", "vol.", "art.", "cf.", "env.", "approx.", "e.g.", "i.e.",
    "a.m.", "p.m.", "Ave.", "Blvd.", "Dept.", "Gouv.", "Assn.", "Bros.", "Cie.", "cie.",
    "ca.", "c.-à-d.", "hab.", "km.", "Calif.", "Mass.", "Fla.", "Ariz.", "Ga.", "Pa.", "Va.",
    "Wash.", "N.Y.", "N.J.", "L.A.", "Op.", "op.", "ibid.", "Ibid.", "fig.", "Fig.",
    NULL
};

static const char *const openers[] = {
    /* English */
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "From", "With", "By",
    "His", "Her", "Its", "Their", "Our", "My", "There", "Here", "When", "While", "After",
    "Before", "As", "If", "Although", "Though", "Meanwhile", "However", "Earlier", "Later",
    "Officials", "Some", "Many", "Most", "No", "Now", "Then", "Today", "Yesterday", "Last",
    "Next", "Since", "Such", "What", "Who", "Why", "How", "Where", "Both", "All", "Each",
    "One", "Two", "Three", "According", "Under", "During", "Despite", "Also", "Still",
    /* French */
    "Le", "La", "Les", "L'", "L\xE2\x80\x99", "Un", "Une", "Des", "Il", "Elle", "Ils", "Elles",
    "On", "Nous", "Vous", "Je", "Ce", "Cette", "Ces", "Cet", "Mais", "Et", "Ou", "Donc", "Or",
    "En", "Dans", "Selon", "Pour", "Par", "Sur", "Son", "Sa", "Ses", "Leur", "Leurs", "Lors",
    "Après", "Avant", "Depuis", "Alors", "Au", "Aux", "Du", "De", "D'", "D\xE2\x80\x99",
    "Cela", "Ceci", "Ça", "Pendant", "Malgré", "Toutefois", "Cependant", "Ainsi", "Puis",
    "Quand", "Lorsque", "Si", "Deux", "Trois", "Plusieurs", "Certains", "Aucun", "Aucune",
    "Tous", "Toutes", "Chaque", "Aujourd'hui", "Hier", "Demain", "Enfin", "Face", "Une",
    "Qui", "Que", "Quel", "Quelle", "Pourquoi", "Comment", "Où", "Mardi", "Lundi",
    "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche",
    NULL
};

/* The lists are looked up through one hash map, built once (pthread_once: the tables are
 * shared by every thread). Values: 1 title, 2 other, 4 opener (bits). */
static ent_map table;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void add_list(const char *const *list, uintptr_t bit)
{
    for (size_t i = 0; list[i]; i++) {
        size_t n = strlen(list[i]);
        uintptr_t v = (uintptr_t)ent_map_get(&table, list[i], n);
        ent_map_put(&table, list[i], n, (void *)(v | bit));
    }
}

static void build_table(void)
{
    add_list(titles, 1);
    add_list(others, 2);
    add_list(openers, 4);
}

static unsigned lookup(const char *w, size_t n)
{
    if (n > 16) return 0;
    pthread_once(&table_once, build_table);
    return (unsigned)(uintptr_t)ent_map_get(&table, w, n);
}

/* "J." "W." : one uppercase ASCII letter (or an accented capital) then a full stop. */
static int is_initial(const char *w, size_t n)
{
    if (n == 2 && w[0] >= 'A' && w[0] <= 'Z') return 1;
    /* two-byte capitals such as É. */
    if (n == 3 && (unsigned char)w[0] == 0xC3 && (unsigned char)w[1] >= 0x80 &&
        (unsigned char)w[1] <= 0x9E)
        return 1;
    return 0;
}

/* "J.-Y." "J.-C." : initials joined by hyphens, each an uppercase letter and a stop. */
static int is_hyphen_initials(const char *w, size_t n)
{
    if (n < 5) return 0;
    for (size_t i = 0; i < n;) {
        if (!(w[i] >= 'A' && w[i] <= 'Z')) return 0;
        if (i + 1 >= n || w[i + 1] != '.') return 0;
        i += 2;
        if (i == n) return 1;
        if (w[i] != '-') return 0;
        i++;
    }
    return 0;
}

/* "H.R." "J.R.R." : two or more capitals each followed by a stop (known acronyms such as
 * "U.S." are in the list of others and checked first). */
static int is_dotted_initials(const char *w, size_t n)
{
    if (n < 4 || n % 2) return 0;
    for (size_t i = 0; i < n; i += 2)
        if (!(w[i] >= 'A' && w[i] <= 'Z') || w[i + 1] != '.') return 0;
    return 1;
}

int ent_abbrev_class(const char *w, size_t n)
{
    if (n < 2 || w[n - 1] != '.') return ENT_ABBR_NONE;
    unsigned v = lookup(w, n);
    if (v & 1) return ENT_ABBR_TITLE;
    if (is_hyphen_initials(w, n)) return ENT_ABBR_TITLE;
    if (is_initial(w, n)) return ENT_ABBR_TITLE;
    if (v & 2) return ENT_ABBR_OTHER;
    if (is_dotted_initials(w, n)) return ENT_ABBR_TITLE;
    return ENT_ABBR_NONE;
}

int ent_sentence_opener(const char *w, size_t n)
{
    return (lookup(w, n) & 4) != 0;
}

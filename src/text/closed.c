/* closed.c: closed-class words of French and English (articles, pronouns, prepositions,
 * conjunctions, auxiliaries, negation), with their lemma and part of speech. Hunspell knows
 * these words but not which one a news coder needs (is "a" avoir or a noun?); these tables
 * decide. Keys are lowercase with ' for ’. */
#include "closed.h"

#include <string.h>

#include "entente.h"

#define D ENT_POS_DET
#define A ENT_POS_ADP
#define P ENT_POS_PRON
#define C ENT_POS_CCONJ
#define S ENT_POS_SCONJ
#define V ENT_POS_ADV
#define X ENT_POS_AUX
#define T ENT_POS_PART

const ent_closed ent_closed_fr[] = {
    {"le", "le", D}, {"la", "le", D}, {"les", "le", D}, {"l'", "le", D}, {"un", "un", D},
    {"une", "un", D}, {"des", "de", D}, {"du", "de", A}, {"au", "à", A}, {"aux", "à", A},
    {"ce", "ce", D}, {"cet", "ce", D}, {"cette", "ce", D}, {"ces", "ce", D}, {"mon", "mon", D},
    {"ma", "mon", D}, {"mes", "mon", D}, {"ton", "ton", D}, {"ta", "ton", D}, {"tes", "ton", D},
    {"son", "son", D}, {"sa", "son", D}, {"ses", "son", D}, {"notre", "notre", D},
    {"nos", "notre", D}, {"votre", "votre", D}, {"vos", "votre", D}, {"leurs", "leur", D},
    {"chaque", "chaque", D}, {"plusieurs", "plusieurs", D}, {"quelques", "quelque", D},
    {"aucun", "aucun", D}, {"aucune", "aucun", D}, {"certains", "certain", D},
    {"certaines", "certain", D}, {"tout", "tout", D}, {"toute", "tout", D}, {"tous", "tout", D},
    {"toutes", "tout", D}, {"quel", "quel", D}, {"quelle", "quel", D}, {"quels", "quel", D},
    {"quelles", "quel", D},
    {"à", "à", A}, {"de", "de", A}, {"d'", "de", A}, {"en", "en", A}, {"dans", "dans", A},
    {"par", "par", A}, {"pour", "pour", A}, {"sur", "sur", A}, {"sous", "sous", A},
    {"avec", "avec", A}, {"sans", "sans", A}, {"contre", "contre", A}, {"entre", "entre", A},
    {"vers", "vers", A}, {"chez", "chez", A}, {"depuis", "depuis", A}, {"pendant", "pendant", A},
    {"avant", "avant", A}, {"après", "après", A}, {"selon", "selon", A}, {"malgré", "malgré", A},
    {"envers", "envers", A}, {"auprès", "auprès", A}, {"parmi", "parmi", A}, {"dès", "dès", A},
    {"durant", "durant", A}, {"via", "via", A}, {"jusqu'", "jusque", A}, {"jusque", "jusque", A},
    {"lors", "lors", A}, {"face", "face", A}, {"outre", "outre", A},
    {"je", "je", P}, {"j'", "je", P}, {"tu", "tu", P}, {"il", "il", P}, {"elle", "elle", P},
    {"on", "on", P}, {"nous", "nous", P}, {"vous", "vous", P}, {"ils", "il", P},
    {"elles", "elle", P}, {"me", "me", P}, {"m'", "me", P}, {"te", "te", P}, {"t'", "te", P},
    {"se", "se", P}, {"s'", "se", P}, {"lui", "lui", P}, {"leur", "leur", P}, {"y", "y", P},
    {"moi", "moi", P}, {"toi", "toi", P}, {"soi", "soi", P}, {"eux", "eux", P},
    {"c'", "ce", P}, {"cela", "cela", P}, {"ça", "cela", P}, {"ceci", "ceci", P},
    {"qui", "qui", P}, {"quoi", "quoi", P}, {"dont", "dont", P}, {"où", "où", P},
    {"celui", "celui", P}, {"celle", "celui", P}, {"ceux", "celui", P}, {"celles", "celui", P},
    {"lequel", "lequel", P}, {"laquelle", "lequel", P}, {"lesquels", "lequel", P},
    {"lesquelles", "lequel", P},
    {"-je", "je", P}, {"-tu", "tu", P}, {"-il", "il", P}, {"-elle", "elle", P}, {"-on", "on", P},
    {"-nous", "nous", P}, {"-vous", "vous", P}, {"-ils", "il", P}, {"-elles", "elle", P},
    {"-ce", "ce", P}, {"-t-il", "il", P}, {"-t-elle", "elle", P}, {"-t-on", "on", P},
    {"-t-ils", "il", P}, {"-t-elles", "elle", P},
    {"et", "et", C}, {"ou", "ou", C}, {"mais", "mais", C}, {"ni", "ni", C}, {"car", "car", C},
    {"or", "or", C}, {"donc", "donc", C},
    {"que", "que", S}, {"qu'", "que", S}, {"si", "si", S}, {"lorsque", "lorsque", S},
    {"lorsqu'", "lorsque", S}, {"puisque", "puisque", S}, {"puisqu'", "puisque", S},
    {"quand", "quand", S}, {"comme", "comme", S}, {"quoique", "quoique", S},
    {"quoiqu'", "quoique", S}, {"parce", "parce", S},
    {"ne", "ne", V}, {"n'", "ne", V}, {"pas", "pas", V}, {"plus", "plus", V},
    {"jamais", "jamais", V}, {"guère", "guère", V}, {"rien", "rien", P}, {"très", "très", V},
    {"aussi", "aussi", V}, {"déjà", "déjà", V}, {"encore", "encore", V},
    {"toujours", "toujours", V}, {"non", "non", V}, {"presqu'", "presque", V},
    /* avoir */
    {"ai", "avoir", X}, {"as", "avoir", X}, {"a", "avoir", X}, {"avons", "avoir", X},
    {"avez", "avoir", X}, {"ont", "avoir", X}, {"avais", "avoir", X}, {"avait", "avoir", X},
    {"aviez", "avoir", X}, {"avaient", "avoir", X},
    {"aurai", "avoir", X}, {"auras", "avoir", X}, {"aura", "avoir", X}, {"aurons", "avoir", X},
    {"aurez", "avoir", X}, {"auront", "avoir", X}, {"aurais", "avoir", X},
    {"aurait", "avoir", X}, {"aurions", "avoir", X}, {"auriez", "avoir", X},
    {"auraient", "avoir", X}, {"eu", "avoir", X}, {"eue", "avoir", X}, {"eus", "avoir", X},
    {"eues", "avoir", X}, {"eut", "avoir", X}, {"eurent", "avoir", X}, {"eût", "avoir", X},
    {"ayant", "avoir", X}, {"avoir", "avoir", X}, {"aie", "avoir", X}, {"aies", "avoir", X},
    {"ait", "avoir", X}, {"ayons", "avoir", X}, {"ayez", "avoir", X}, {"aient", "avoir", X},
    /* être */
    {"suis", "être", X}, {"es", "être", X}, {"est", "être", X}, {"sommes", "être", X},
    {"êtes", "être", X}, {"sont", "être", X}, {"étais", "être", X}, {"était", "être", X},
    {"étions", "être", X}, {"étiez", "être", X}, {"étaient", "être", X}, {"serai", "être", X},
    {"seras", "être", X}, {"sera", "être", X}, {"serons", "être", X}, {"serez", "être", X},
    {"seront", "être", X}, {"serais", "être", X}, {"serait", "être", X},
    {"serions", "être", X}, {"seriez", "être", X}, {"seraient", "être", X}, {"été", "être", X},
    {"étant", "être", X}, {"être", "être", X}, {"fut", "être", X}, {"furent", "être", X},
    {"fût", "être", X}, {"sois", "être", X}, {"soit", "être", X}, {"soyons", "être", X},
    {"soyez", "être", X}, {"soient", "être", X},
    {NULL, NULL, 0}
};

const ent_closed ent_closed_en[] = {
    {"the", "the", D}, {"a", "a", D}, {"an", "a", D}, {"this", "this", D}, {"that", "that", S},
    {"these", "this", D}, {"those", "that", D}, {"my", "my", D}, {"your", "your", D},
    {"his", "his", D}, {"her", "her", D}, {"its", "its", D}, {"our", "our", D},
    {"their", "their", D}, {"some", "some", D}, {"any", "any", D}, {"no", "no", D},
    {"every", "every", D}, {"each", "each", D}, {"all", "all", D}, {"both", "both", D},
    {"either", "either", D}, {"neither", "neither", D}, {"another", "another", D},
    {"several", "several", D}, {"many", "many", D},
    {"of", "of", A}, {"in", "in", A}, {"on", "on", A}, {"at", "at", A}, {"for", "for", A},
    {"with", "with", A}, {"by", "by", A}, {"from", "from", A}, {"about", "about", A},
    {"against", "against", A}, {"into", "into", A}, {"onto", "onto", A}, {"over", "over", A},
    {"under", "under", A}, {"between", "between", A}, {"among", "among", A},
    {"through", "through", A}, {"during", "during", A}, {"before", "before", A},
    {"after", "after", A}, {"since", "since", A}, {"until", "until", A},
    {"without", "without", A}, {"within", "within", A}, {"across", "across", A},
    {"along", "along", A}, {"around", "around", A}, {"toward", "toward", A},
    {"towards", "toward", A}, {"behind", "behind", A}, {"beyond", "beyond", A},
    {"upon", "upon", A}, {"via", "via", A}, {"despite", "despite", A}, {"amid", "amid", A},
    {"amidst", "amid", A}, {"near", "near", A}, {"per", "per", A}, {"than", "than", A},
    {"i", "I", P}, {"me", "I", P}, {"you", "you", P}, {"he", "he", P}, {"him", "he", P},
    {"she", "she", P}, {"it", "it", P}, {"we", "we", P}, {"us", "we", P}, {"they", "they", P},
    {"them", "they", P}, {"myself", "myself", P}, {"himself", "himself", P},
    {"herself", "herself", P}, {"itself", "itself", P}, {"ourselves", "ourselves", P},
    {"themselves", "themselves", P}, {"who", "who", P}, {"whom", "who", P},
    {"whose", "whose", P}, {"which", "which", P}, {"what", "what", P},
    {"and", "and", C}, {"or", "or", C}, {"but", "but", C}, {"nor", "nor", C},
    {"if", "if", S}, {"because", "because", S}, {"although", "although", S},
    {"though", "though", S}, {"while", "while", S}, {"whereas", "whereas", S},
    {"unless", "unless", S}, {"whether", "whether", S}, {"as", "as", S},
    {"to", "to", T}, {"not", "not", T}, {"n't", "not", T}, {"'s", "'s", T}, {"'", "'", T},
    {"never", "never", V}, {"still", "still", V}, {"already", "already", V}, {"now", "now", V},
    {"again", "again", V}, {"also", "also", V}, {"then", "then", V}, {"soon", "soon", V},
    {"just", "just", V}, {"only", "only", V}, {"even", "even", V}, {"ever", "ever", V},
    {"reportedly", "reportedly", V}, {"allegedly", "allegedly", V}, {"so", "so", V},
    {"be", "be", X}, {"am", "be", X}, {"is", "be", X}, {"are", "be", X}, {"was", "be", X},
    {"were", "be", X}, {"been", "be", X}, {"being", "be", X}, {"'m", "be", X},
    {"'re", "be", X}, {"have", "have", X}, {"has", "have", X}, {"had", "have", X},
    {"having", "have", X}, {"'ve", "have", X}, {"do", "do", X}, {"does", "do", X},
    {"did", "do", X}, {"will", "will", X}, {"'ll", "will", X}, {"wo", "will", X},
    {"would", "would", X}, {"'d", "would", X}, {"shall", "shall", X}, {"should", "should", X},
    {"can", "can", X}, {"ca", "can", X}, {"cannot", "can", X}, {"could", "could", X},
    {"may", "may", X}, {"might", "might", X}, {"must", "must", X}, {"ought", "ought", X},
    {NULL, NULL, 0}
};

/* tokenize.c: the tokeniser. A sentence is cut at white space into chunks; each chunk loses
 * its leading and trailing punctuation (each mark a token; "..." and "…" one token; a full stop
 * stays on abbreviations and initials), then is split inside: French elisions (l' qu' jusqu'),
 * French verb inversions (a-t-il, peut-on), English clitics ('s n't 're 'll 've 'd 'm), and
 * punctuation that is not part of a word. Numbers, dates, URLs, e-mail addresses, hashtags and
 * mentions stay whole; French digit groups "1 000" are joined. */
#include "tokenize.h"

#include <string.h>

#include "../util/util.h"
#include "abbrev.h"
#include "entente.h"
#include "utf8.h"

static inline int32_t cp(const char *t, size_t end, size_t i, size_t *l)
{
    if ((unsigned char)t[i] < 0x80) { *l = 1; return (unsigned char)t[i]; }
    int32_t c = ent_utf8_decode((const unsigned char *)t + i, end - i, l);
    return c < 0 ? 0xFFFD : c;
}

static size_t back(const char *t, size_t i)
{
    i--;
    while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80) i--;
    return i;
}

static void emit(ent_rawtoks *tk, size_t a, size_t b, uint16_t flags)
{
    if (a >= b) return;
    if (tk->n == tk->cap) {
        tk->cap = tk->cap ? tk->cap * 2 : 64;
        tk->v = ent_xrealloc(tk->v, tk->cap * sizeof *tk->v);
    }
    tk->v[tk->n++] = (ent_rawtok){(uint32_t)a, (uint32_t)b, flags};
}

static int is_lead_punct(int32_t c)
{
    return c == 0xAB || c == 0x201C || c == '"' || c == '(' || c == '[' || c == '{' ||
           c == 0x2018 || c == '\'' || c == 0x2014 || c == 0x2013 || c == 0xBF || c == 0xA1 ||
           c == 0x201E || c == 0x2039 || c == '*' || c == 0x2022;
}

static int is_trail_punct(int32_t c)
{
    return c == 0xBB || c == 0x201D || c == '"' || c == ')' || c == ']' || c == '}' ||
           c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == 0x2026 ||
           c == '%' || c == 0x2019 || c == '\'' || c == 0x2014 || c == 0x2013 || c == 0x203A ||
           c == 0x2030 || c == '*';
}

/* Punctuation that splits a word in the middle (others, ' - . & _ @ # stay inside). */
static int is_inner_split(int32_t c)
{
    return c == '/' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
           c == ']' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == '"' ||
           c == '!' || c == '?' || c == 0x2014 || c == 0x2013 || c == 0x2026 || c == '+' ||
           c == '=' || c == '<' || c == '>' || c == '|' || c == '*' || c == '~';
}

static int has_prefix_ci(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (n < m) return 0;
    for (size_t i = 0; i < m; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != p[i]) return 0;
    }
    return 1;
}

static int is_url_like(const char *t, size_t a, size_t b)
{
    const char *s = t + a;
    size_t n = b - a;
    if (!memchr(s, '@', n) && !memchr("hHwW#", s[0], 5)) return 0;
    if (has_prefix_ci(s, n, "http://") || has_prefix_ci(s, n, "https://") ||
        has_prefix_ci(s, n, "www."))
        return 1;
    if (n > 1 && (s[0] == '#' || s[0] == '@')) {
        size_t l;
        return ent_uc_is_letter(cp(t, b, a + 1, &l)) || (s[1] >= '0' && s[1] <= '9');
    }
    const char *at = memchr(s, '@', n);
    return at && at > s && memchr(at, '.', (size_t)(s + n - at)) && at[1] != '.';
}

/* Digits with inner separators: 3.5 2,5 1,000.50 24/02/2022 2022-02-24 14h30 -3 and an
 * ordinal or unit suffix of letters (1er 2e 21st 3rd 14h30). */
static int is_number_like(const char *t, size_t a, size_t b)
{
    size_t i = a;
    if (i < b && (t[i] == '-' || t[i] == '+')) i++;
    if (i >= b || !(t[i] >= '0' && t[i] <= '9')) return 0;
    while (i < b) {
        char c = t[i];
        if (c >= '0' && c <= '9') { i++; continue; }
        if ((c == '.' || c == ',' || c == '/' || c == '-' || c == ':') && i + 1 < b &&
            t[i + 1] >= '0' && t[i + 1] <= '9') { i += 2; continue; }
        break;
    }
    if (i == b) return 1;
    /* suffix: letters then optional digits (14h30, 1er, 3rd, 2e, 10km) */
    size_t j = i;
    while (j < b && ((t[j] >= 'a' && t[j] <= 'z') || (unsigned char)t[j] >= 0xC0 ||
                     ((unsigned char)t[j] & 0xC0) == 0x80))
        j++;
    if (j == i || j - i > 4) return 0;
    while (j < b && t[j] >= '0' && t[j] <= '9') j++;
    return j == b;
}

static int is_date_like(const char *t, size_t a, size_t b)
{
    int seps = 0;
    char sep = 0;
    for (size_t i = a; i < b; i++) {
        char c = t[i];
        if (c == '/' || c == '-' || c == '.') {
            if (sep && c != sep) return 0;
            sep = c;
            seps++;
        } else if (!(c >= '0' && c <= '9')) {
            return 0;
        }
    }
    return seps == 2;
}

/* Word part before the final '.': does word+'.' keep its stop? */
static int keeps_stop(const char *t, size_t a, size_t dot)
{
    if (ent_abbrev_class(t + a, dot + 1 - a) != ENT_ABBR_NONE) return 1;
    /* dotted acronyms and initials: letters (at most 3 in a run), stops and hyphens */
    int has_dot = 0, run = 0;
    for (size_t i = a; i < dot; i++) {
        char c = t[i];
        if (c == '.') { has_dot = 1; run = 0; }
        else if (c == '-') run = 0;
        else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) { if (++run > 3) return 0; }
        else return 0;
    }
    return has_dot;
}

static const char *const elisions[] = {
    "l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu",
    "presqu", NULL
};

/* Length of the French elision at t[a..b) (including its apostrophe) or 0. */
static size_t elision_len(const char *t, size_t a, size_t b)
{
    size_t probe = b - a < 10 ? b - a : 10;
    if (!memchr(t + a, '\'', probe) && !memchr(t + a, 0xE2, probe)) return 0;
    for (size_t i = a; i < b && i - a <= 7; i++) {
        size_t l;
        int32_t c = cp(t, b, i, &l);
        if (!ent_uc_is_apostrophe(c)) continue;
        if (i == a || i + l >= b) return 0;
        size_t n = i - a;
        for (size_t k = 0; elisions[k]; k++)
            if (strlen(elisions[k]) == n && has_prefix_ci(t + a, n, elisions[k]))
                return n + l;
        return 0;
    }
    return 0;
}

static const char *const inversions[] = {
    "-t-ils", "-t-elles", "-t-il", "-t-elle", "-t-on", "-ils", "-elles", "-il", "-elle", "-on",
    "-je", "-tu", "-nous", "-vous", "-ce", NULL
};

/* Byte offset where a French verb inversion starts in t[a..b), or b. */
static size_t inversion_at(const char *t, size_t a, size_t b, int first)
{
    if (!memchr(t + a, '-', b - a)) return b;
    for (size_t k = 0; inversions[k]; k++) {
        size_t m = strlen(inversions[k]);
        if (b - a <= m || !has_prefix_ci(t + b - m, m, inversions[k])) continue;
        size_t s = b - m;
        int lower = !(t[a] >= 'A' && t[a] <= 'Z') && !((unsigned char)t[a] == 0xC3 &&
                     (unsigned char)t[a + 1] >= 0x80 && (unsigned char)t[a + 1] <= 0x9E);
        /* the verb part must be a single word: no other hyphen */
        if (memchr(t + a, '-', s - a)) return b;
        if (lower || first || strncmp(inversions[k], "-t-", 3) == 0) return s;
        return b;
    }
    return b;
}

static const char *const en_clitics[] = {"n't", "'s", "'re", "'ll", "'ve", "'d", "'m", NULL};

/* Byte offset where an English clitic starts in t[a..b), or b. Handles ’ as '. */
static size_t clitic_at(const char *t, size_t a, size_t b)
{
    if (!memchr(t + a, '\'', b - a) && !memchr(t + a, 0xE2, b - a)) return b;
    for (size_t k = 0; en_clitics[k]; k++) {
        const char *c = en_clitics[k];
        size_t m = strlen(c);
        /* the apostrophe may be ' (1 byte) or ’ (3 bytes) */
        for (int curly = 0; curly < 2; curly++) {
            size_t apos = curly ? 3 : 1;
            size_t total = m - 1 + apos;
            if (b - a <= total) continue;
            size_t s = b - total;
            size_t ap = (c[0] == 'n') ? s + 1 : s;
            const char *rest = (c[0] == 'n') ? "t" : c + 1;
            if (c[0] == 'n' && t[s] != 'n' && t[s] != 'N') continue;
            if (curly ? memcmp(t + ap, "\xE2\x80\x99", 3) != 0 : t[ap] != '\'') continue;
            if (!has_prefix_ci(t + ap + apos, strlen(rest), rest)) continue;
            return s;
        }
    }
    return b;
}

static uint16_t word_flags(const char *t, size_t a, size_t b)
{
    size_t l;
    int32_t c = cp(t, b, a, &l);
    uint16_t f = 0;
    if (ent_uc_is_upper(c)) f |= ENT_TOK_CAP;
    else if (c < 0x80) {   /* lowercase ASCII start: only an abbreviation flag can apply */
        if (b > a + 1 && t[b - 1] == '.') f |= ENT_TOK_ABBREV;
        return f;
    }
    int up = 0, low = 0;
    for (size_t i = a; i < b; i += l) {
        c = cp(t, b, i, &l);
        if (ent_uc_is_upper(c)) up++;
        else if (ent_uc_is_lower(c)) low++;
    }
    if (up >= 2 && low == 0) f |= ENT_TOK_ALLCAPS;
    if (b > a + 1 && t[b - 1] == '.') f |= ENT_TOK_ABBREV;   /* only kept stops end a word */
    return f;
}

/* A word part with no leading/trailing punctuation: split elisions, inversions, clitics. */
static void emit_word(const char *t, size_t a, size_t b, int lang, int first, ent_rawtoks *tk)
{
    if (lang == ENT_LANG_FR) {
        size_t e;
        while ((e = elision_len(t, a, b)) > 0) {
            emit(tk, a, a + e, (uint16_t)(word_flags(t, a, a + e) | ENT_TOK_ELISION));
            a += e;
            first = 0;
        }
        size_t s = inversion_at(t, a, b, first);
        emit(tk, a, s, word_flags(t, a, s));
        emit(tk, s, b, ENT_TOK_CLITIC);
        return;
    }
    /* "U.S.-led", "Saudi-led": the leader is a word of its own, so that actors find it; the
     * suffix is a token of its own too */
    if (b - a > 5 && has_prefix_ci(t + b - 4, 4, "-led") && t[b - 5] != '-') {
        emit(tk, a, b - 4, word_flags(t, a, b - 4));
        emit(tk, b - 4, b, ENT_TOK_CLITIC);
        return;
    }
    size_t s = clitic_at(t, a, b);
    emit(tk, a, s, word_flags(t, a, s));
    emit(tk, s, b, ENT_TOK_CLITIC);
}

/* The middle of a chunk: words separated by inner punctuation. */
static int ascii_alnum(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

static void emit_middle(const char *t, size_t a, size_t b, int lang, int first, ent_rawtoks *tk)
{
    /* fast path: a plain ASCII word of letters and digits */
    size_t k = a;
    while (k < b && ascii_alnum((unsigned char)t[k])) k++;
    if (k == b && !(t[a] >= '0' && t[a] <= '9')) {
        emit(tk, a, b, word_flags(t, a, b));
        return;
    }
    if (is_url_like(t, a, b)) { emit(tk, a, b, 0); return; }
    if (is_number_like(t, a, b)) {
        emit(tk, a, b, (uint16_t)(ENT_TOK_NUMBER | (is_date_like(t, a, b) ? ENT_TOK_DATE : 0)));
        return;
    }
    size_t w = a, l;
    for (size_t i = a; i < b; i += l) {
        int32_t c = cp(t, b, i, &l);
        if (!is_inner_split(c)) continue;
        /* , : between digits belongs to a number */
        if ((c == ',' || c == ':' || c == '/') && i > a && i + l < b && t[i - 1] >= '0' &&
            t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9')
            continue;
        if (w < i) emit_middle(t, w, i, lang, first && w == a, tk);
        emit(tk, i, i + l, 0);
        w = i + l;
    }
    if (w == a) emit_word(t, a, b, lang, first, tk);
    else if (w < b) emit_middle(t, w, b, lang, 0, tk);
}

static int is_french_group(const char *t, size_t a, size_t end)
{
    /* exactly three digits then a non-digit (or end) */
    for (int k = 0; k < 3; k++)
        if (a + (size_t)k >= end || !(t[a + k] >= '0' && t[a + k] <= '9')) return 0;
    return a + 3 == end || !(t[a + 3] >= '0' && t[a + 3] <= '9');
}

/* Length of the space (ASCII, no-break or narrow no-break) at i, or 0. */
static size_t group_space(const char *t, size_t i, size_t end)
{
    if (i < end && t[i] == ' ') return 1;
    if (i + 1 < end && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0) return 2;
    if (i + 2 < end && memcmp(t + i, "\xE2\x80\xAF", 3) == 0) return 3;
    return 0;
}

/* Cuts one chunk [a, b) (no white space inside). */
static void emit_chunk(const char *t, size_t a, size_t b, int lang, int first, ent_rawtoks *tk)
{
    size_t l;
    /* leading punctuation */
    while (a < b) {
        int32_t c = cp(t, b, a, &l);
        if (!is_lead_punct(c)) break;
        emit(tk, a, a + l, 0);
        a += l;
        first = 0;
    }
    /* trailing punctuation, collected right to left */
    size_t cut[32];
    int nc = 0;
    size_t e = b;
    while (e > a && nc < 30) {
        size_t p = back(t, e);
        int32_t c = cp(t, b, p, &l);
        if (!is_trail_punct(c)) break;
        if (c == '.') {
            if (e - a >= 3 && t[e - 2] == '.' && t[e - 3] == '.') { p = e - 3; }
            else if (p > a && keeps_stop(t, a, p)) break;
        } else if (c == '\'' || c == 0x2019) {
            /* an elision at the end of a chunk ("l' ") keeps its apostrophe */
            if (lang == ENT_LANG_FR && elision_len(t, a, e) == e - a && e - a > l) break;
        } else if (c == '%' || c == 0x2030) {
            /* fine: its own token */
        }
        cut[nc++] = p;
        e = p;
    }
    if (e > a) emit_middle(t, a, e, lang, first, tk);
    size_t end = b;
    /* cut[] holds starts of trailing marks from the right; emit left to right */
    for (int i = nc - 1; i >= 0; i--) {
        size_t s = cut[i];
        size_t next_end = (i > 0) ? cut[i - 1] : end;
        emit(tk, s, next_end, 0);
    }
}

/* Kinds of the printable ASCII bytes (0: a space, a control character or a byte of a
 * multibyte character). */
enum { K_LOW = 1, K_UP = 2, K_DIGIT = 4, K_TRAIL = 8, K_DOT = 16, K_OTHER = 32,
       K_HIGH = 64 /* a letter outside ASCII (set by the scan, not in the table) */ };
static const uint8_t byte_kind[256] = {
    ['!'] = K_TRAIL, ['"' ... '('] = K_OTHER, [')'] = K_TRAIL, ['*' ... '+'] = K_OTHER,
    [','] = K_TRAIL, ['-'] = K_OTHER, ['.'] = K_DOT, ['/'] = K_OTHER, ['0' ... '9'] = K_DIGIT, [':' ... ';'] = K_TRAIL,
    ['<' ... '>'] = K_OTHER, ['?'] = K_TRAIL, ['@'] = K_OTHER, ['A' ... 'Z'] = K_UP,
    ['[' ... '`'] = K_OTHER, ['a' ... 'z'] = K_LOW, ['{' ... 0x7F] = K_OTHER,
};

/* Most chunks are one word of letters and digits that does not start with a digit, perhaps
 * followed by one of , ; : ) ! ? or a full stop that is not an abbreviation's: emit_chunk
 * would give it as the word (with the flags of word_flags) and the mark, having found no
 * elision, inversion, clitic, number or address in it. Emits those tokens and returns 1, or
 * returns 0 for any other chunk. kinds: the byte kinds of the chunk [a, b). */
static int plain_chunk(const char *t, size_t a, size_t b, unsigned kinds, ent_rawtoks *tk)
{
    size_t e = b;
    if (kinds & K_OTHER) return 0;
    if (kinds & (K_TRAIL | K_DOT)) {   /* one mark, at the end */
        e = b - 1;
        unsigned last = byte_kind[(unsigned char)t[e]];
        if (e == a || !(last & (K_TRAIL | K_DOT))) return 0;
        for (size_t j = a; j < e; j++)
            if (byte_kind[(unsigned char)t[j]] & (K_TRAIL | K_DOT)) return 0;
        if ((last & K_DOT) && ent_abbrev_class(t + a, b - a) != ENT_ABBR_NONE) return 0;
    }
    unsigned k0 = byte_kind[(unsigned char)t[a]];
    if (k0 & K_DIGIT) return 0;   /* a number */
    uint16_t flags = 0;
    if (kinds & K_HIGH) {
        flags = word_flags(t, a, e);
    } else if (k0 & K_UP) {
        flags = ENT_TOK_CAP;
        if (!(kinds & K_LOW)) {   /* "NATO", "G7": capitals only, two or more */
            int up = 0;
            for (size_t j = a; j < e && up < 2; j++) up += (byte_kind[(unsigned char)t[j]] & K_UP) != 0;
            if (up >= 2) flags |= ENT_TOK_ALLCAPS;
        }
    }
    emit(tk, a, e, flags);
    if (e < b) emit(tk, e, b, 0);
    return 1;
}

void ent_tokenize(const char *text, size_t start, size_t end, int lang, ent_rawtoks *tk)
{
    size_t i = start, l;
    int first = 1;
    int space_before = 0;
    while (i < end) {
        int32_t c = cp(text, end, i, &l);
        if (ent_uc_is_space(c)) { i += l; space_before = 1; continue; }
        size_t a = i;
        unsigned kinds = 0;   /* the byte kinds of the chunk */
        while (i < end) {
            unsigned k = byte_kind[(unsigned char)text[i]];
            if (k) { kinds |= k; i++; continue; }   /* ASCII, not a space */
            c = cp(text, end, i, &l);
            if (ent_uc_is_space(c)) break;
            kinds |= ent_uc_is_letter(c) ? K_HIGH : K_OTHER;
            i += l;
        }
        size_t n0 = tk->n;
        if (!plain_chunk(text, a, i, kinds, tk)) emit_chunk(text, a, i, lang, first, tk);
        /* French digit groups: "1 000", "27 500,5" */
        if (tk->n == n0 + 1 && (tk->v[n0].flags & ENT_TOK_NUMBER)) {
            ent_rawtok *nt = &tk->v[n0];
            size_t digits = nt->end - nt->start;
            int plain = digits <= 3;
            for (size_t k = nt->start; k < nt->end; k++)
                if (!(text[k] >= '0' && text[k] <= '9')) plain = 0;
            while (plain) {
                size_t sp = group_space(text, nt->end, end);
                if (!sp || !is_french_group(text, nt->end + sp, end)) break;
                size_t j = nt->end + sp + 3;
                /* a decimal part may follow: 1 000,5 */
                if (j + 1 < end && (text[j] == ',' || text[j] == '.') && text[j + 1] >= '0' &&
                    text[j + 1] <= '9') {
                    j++;
                    while (j < end && text[j] >= '0' && text[j] <= '9') j++;
                    plain = 0;
                }
                nt->end = (uint32_t)j;
                i = j;
            }
        }
        if (tk->n > n0) {
            if (first) tk->v[n0].flags |= ENT_TOK_FIRST;
            if (space_before) tk->v[n0].flags |= ENT_TOK_SPACE_BEFORE;
            first = 0;
        }
        space_before = 0;
    }
}

/* segment.c: sentence segmentation for French and English. ICU's sentence break iterator
 * (over UTF-8 text through UText, no conversion) proposes boundaries; we drop the ones after
 * titles, initials and abbreviations, inside quotations closed in the same paragraph, and at
 * line breaks that only wrap a sentence; and we add the ones ICU misses after "…". The rules
 * are in docs/text.md; tests/spec/segment_*.spec holds their cases. */
#define _GNU_SOURCE
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "../util/util.h"
#include "abbrev.h"
#include "utf8.h"

static int sb_is_term(int sb) { return sb == U_SB_ATERM || sb == U_SB_STERM; }
static int sb_is_sep(int sb) { return sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF; }
static int sb_is_ext(int sb) { return sb == U_SB_EXTEND || sb == U_SB_FORMAT; }

struct ent_segmenter {
    UBreakIterator *fr, *en;
    UText *ut;
    ent_span *quotes;     /* quotation intervals of the current text */
    size_t nquotes, capquotes;
    uint32_t *cand;       /* candidate boundaries */
    size_t ncand, capcand;
    int whole;            /* ICU over the whole text, not windows (the reference, for tests) */
    uint8_t ascii_sb[128];   /* Sentence_Break of each ASCII code point */
    uint8_t hot[256];        /* bytes that may start a terminator or a separator */
    int hot_ascii_known;     /* the ASCII ones are among . ! ? CR LF (next_hot's quick test) */
};

ent_segmenter *ent_segmenter_new(char *msg, size_t msgn)
{
    UErrorCode st = U_ZERO_ERROR;
    ent_segmenter *s = ent_xcalloc(1, sizeof *s);
    for (int32_t c = 0; c < 0x800; c++) {   /* one and two bytes: by their code points */
        int sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
        if (c < 128) s->ascii_sb[c] = (uint8_t)sb;
        if (sb_is_term(sb) || sb_is_sep(sb)) s->hot[c < 128 ? c : 0xC0 | (c >> 6)] = 1;
    }
    memset(s->hot + 0xE0, 1, 0x20);   /* three and four bytes: always looked at */
    s->hot_ascii_known = 1;
    for (int c = 0; c < 128; c++)
        if (s->hot[c] && !strchr(".!?\r\n", c)) s->hot_ascii_known = 0;
    s->fr = ubrk_open(UBRK_SENTENCE, "fr", NULL, 0, &st);
    if (U_SUCCESS(st)) s->en = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &st);
    if (U_FAILURE(st)) {
        snprintf(msg, msgn, "ICU sentence break iterator: %s", u_errorName(st));
        ent_segmenter_free(s);
        return NULL;
    }
    return s;
}

void ent_segmenter_whole(ent_segmenter *s, int on) { s->whole = on; }

void ent_segmenter_free(ent_segmenter *s)
{
    if (!s) return;
    if (s->fr) ubrk_close(s->fr);
    if (s->en) ubrk_close(s->en);
    if (s->ut) utext_close(s->ut);
    free(s->quotes);
    free(s->cand);
    free(s);
}

/* ---- helpers over bytes ---- */

static inline int32_t cp_at(const char *t, size_t len, size_t i, size_t *l)
{
    if ((unsigned char)t[i] < 0x80) { *l = 1; return (unsigned char)t[i]; }
    int32_t c = ent_utf8_decode((const unsigned char *)t + i, len - i, l);
    return c < 0 ? 0xFFFD : c;
}

/* Start of the code point that ends just before byte i. */
static size_t cp_back(const char *t, size_t i)
{
    if (i == 0) return 0;
    i--;
    while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80) i--;
    return i;
}

static int is_closer(int32_t c)
{
    return c == 0xBB || c == 0x201D || c == '"' || c == ')' || c == ']' || c == 0x2019 ||
           c == '\'' || c == 0x203A;
}

static void add_quote(ent_segmenter *s, size_t open, size_t close)
{
    if (s->nquotes == s->capquotes) {
        s->capquotes = s->capquotes ? s->capquotes * 2 : 16;
        s->quotes = ent_xrealloc(s->quotes, s->capquotes * sizeof *s->quotes);
    }
    s->quotes[s->nquotes++] = (ent_span){(uint32_t)open, (uint32_t)close};
}

/* Finds quotation intervals closed within their paragraph: « … », “ … ”, and " … " pairs. */
static void find_quotes(ent_segmenter *s, const char *t, size_t len)
{
    enum { MAXD = 8 };
    size_t guil[MAXD], curly[MAXD];
    int ng = 0, nc = 0;
    long dq = -1;
    s->nquotes = 0;
    /* the bytes that start '"', a line break, « » (C2) or “ ” (E2) */
    static const uint8_t lead[256] = {['"'] = 1, ['\n'] = 1, [0xC2] = 1, [0xE2] = 1};
    for (size_t i = 0; i < len;) {
        /* eight bytes at a time while none is one of those */
        for (; i + 8 <= len; i += 8) {
            uint64_t x;
            memcpy(&x, t + i, 8);
            if (ent_swar_has(x, '"') | ent_swar_has(x, '\n') | ent_swar_has(x, 0xC2) |
                ent_swar_has(x, 0xE2))
                break;
        }
        while (i < len && !lead[(unsigned char)t[i]]) i++;
        if (i == len) break;
        size_t l;
        int32_t c = cp_at(t, len, i, &l);
        if (c == '\n' && i + 1 < len) {
            /* a blank line ends the paragraph: forget unclosed quotes */
            size_t j = i + 1;
            while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) j++;
            if (j < len && t[j] == '\n') ng = nc = 0, dq = -1;
        }
        if (c == 0xAB && ng < MAXD) guil[ng++] = i;
        else if (c == 0xBB && ng > 0) add_quote(s, guil[--ng], i);
        else if (c == 0x201C && nc < MAXD) curly[nc++] = i;
        else if (c == 0x201D && nc > 0) add_quote(s, curly[--nc], i);
        else if (c == '"') {
            if (dq < 0) dq = (long)i;
            else add_quote(s, (size_t)dq, i), dq = -1;
        }
        i += l;
    }
}

static int inside_quote(const ent_segmenter *s, size_t b)
{
    for (size_t i = 0; i < s->nquotes; i++)
        if (s->quotes[i].start < b && b <= s->quotes[i].end) return 1;
    return 0;
}

/* The word (bytes up to the previous space) ending at `end`, with leading openers skipped. */
static size_t word_before(const char *t, size_t end, size_t from)
{
    size_t i = end;
    while (i > from) {
        size_t p = cp_back(t, i);
        size_t l;
        int32_t c = cp_at(t, end, p, &l);
        if (ent_uc_is_space(c) || c == '(' || c == '[' || c == 0xAB || c == 0x201C || c == '"')
            break;
        i = p;
    }
    return i;
}

/* The first word after byte b (skipping spaces and opening quotes), as [*ws, *we). */
static void word_after(const char *t, size_t len, size_t b, size_t *ws, size_t *we)
{
    size_t i = b, l;
    while (i < len) {
        int32_t c = cp_at(t, len, i, &l);
        if (!ent_uc_is_space(c) && c != 0xAB && c != 0x201C && c != '"' && c != '(') break;
        i += l;
    }
    *ws = i;
    while (i < len) {
        int32_t c = cp_at(t, len, i, &l);
        if (ent_uc_is_space(c) || c == ',' || c == '.' || c == ';' || c == ':') break;
        if (ent_uc_is_apostrophe(c)) { i += l; break; }  /* keep "L'" as the opener */
        i += l;
    }
    *we = i;
}

/* Decides whether the candidate boundary at b (start of the next sentence) is a real one. */
static int keep_boundary(ent_segmenter *s, const char *t, size_t len, size_t prev, size_t b)
{
    /* end of the sentence before b, white space trimmed; count line breaks in between */
    size_t e = b;
    int newlines = 0;
    while (e > prev) {
        size_t p = cp_back(t, e), l;
        int32_t c = cp_at(t, len, p, &l);
        if (!ent_uc_is_space(c)) break;
        if (c == '\n') newlines++;
        e = p;
    }
    if (e == prev) return 0;            /* nothing before: merge */
    size_t ws, we;
    word_after(t, len, b, &ws, &we);
    if (ws >= len) return 1;
    size_t l0;
    int32_t next = cp_at(t, len, ws, &l0);
    if (newlines >= 2) return 1;
    if (newlines == 1) {
        int32_t last = cp_at(t, len, cp_back(t, e), &l0);
        int terminal = last == '.' || last == '!' || last == '?' || last == ':' ||
                       last == 0x2026 || is_closer(last);
        if (last == '.') {
            size_t w0 = word_before(t, e, prev);
            if (ent_abbrev_class(t + w0, e - w0) != ENT_ABBR_NONE) terminal = 0;
        }
        return terminal || !ent_uc_is_lower(next);
    }
    if (inside_quote(s, b)) return 0;
    /* the last word before the boundary, closers skipped */
    size_t k = e;
    while (k > prev) {
        size_t p = cp_back(t, k), l;
        if (!is_closer(cp_at(t, len, p, &l))) break;
        k = p;
    }
    if (k > prev && t[k - 1] == '.') {
        size_t w0 = word_before(t, k, prev);
        int cls = ent_abbrev_class(t + w0, k - w0);
        if (cls == ENT_ABBR_TITLE) return 0;
        if (cls == ENT_ABBR_OTHER) return ent_sentence_opener(t + ws, we - ws);
    }
    if (ent_uc_is_lower(next)) return 0;
    return 1;
}

static void add_cand(ent_segmenter *s, uint32_t b)
{
    if (s->ncand == s->capcand) {
        s->capcand = s->capcand ? s->capcand * 2 : 64;
        s->cand = ent_xrealloc(s->cand, s->capcand * sizeof *s->cand);
    }
    s->cand[s->ncand++] = b;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* ICU does not break after "…"; add a candidate where one is followed by a capital. */
static void add_ellipsis_candidates(ent_segmenter *s, const char *t, size_t len)
{
    for (const char *p = t; (p = memchr(p, 0xE2, len - (size_t)(p - t))); p++) {
        size_t i = (size_t)(p - t);
        if (len - i < 3 || p[1] != '\x80' || p[2] != '\xA6') continue;
        size_t j = i + 3, l;
        while (j < len && is_closer(cp_at(t, len, j, &l))) j += l;
        size_t k = j;
        while (k < len && ent_uc_is_space(cp_at(t, len, k, &l))) k += l;
        if (k > j && k < len && ent_uc_is_upper(cp_at(t, len, k, &l))) add_cand(s, (uint32_t)k);
    }
}

/* ICU does not break after a closing quote that follows the stop ("… Jamais. » Le"): add a
 * candidate where a quotation ends with . ! ? or … and a capital follows. */
static void add_quote_candidates(ent_segmenter *s, const char *t, size_t len)
{
    size_t l;
    for (size_t q = 0; q < s->nquotes; q++) {
        size_t c = s->quotes[q].end;
        size_t k = c;
        while (k > s->quotes[q].start && ent_uc_is_space(cp_at(t, len, cp_back(t, k), &l)))
            k = cp_back(t, k);
        int32_t last = cp_at(t, len, cp_back(t, k), &l);
        if (last != '.' && last != '!' && last != '?' && last != 0x2026) continue;
        size_t j = c;
        cp_at(t, len, j, &l);
        j += l;
        size_t w = j;
        while (w < len && ent_uc_is_space(cp_at(t, len, w, &l))) w += l;
        if (w > j && w < len && ent_uc_is_upper(cp_at(t, len, w, &l))) add_cand(s, (uint32_t)w);
    }
}

/* ---- ICU's boundaries, found in windows ----
 * ICU's sentence rules (UAX #29) break only after a terminator (. ! ? and the other STerm and
 * ATerm characters) followed by closing punctuation and spaces, or after a paragraph separator,
 * and decide from the character before the terminator and from the text after it up to the first
 * letter. So instead of running ICU's automaton over every byte of the document, we run it over
 * windows around the terminators and separators only: from up to 8 code points before (never
 * past an earlier terminator, so that a window's left context is ordinary text, as it is for the
 * automaton) to the code point after the first letter, separator or terminator that follows.
 * Overlapping windows are merged. The boundaries found are those ICU finds over the whole text:
 * tests/unit/test_segment.c compares both on the spec files, the dev set and generated text. */

static int sb_of(const ent_segmenter *s, int32_t c)
{
    if (c < 128) return s->ascii_sb[c];
    return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
}

/* ICU over t[a, b); the boundaries strictly inside become candidates. */
static void icu_run(ent_segmenter *s, UBreakIterator *bi, const char *t, size_t a, size_t b)
{
    UErrorCode st = U_ZERO_ERROR;
    s->ut = utext_openUTF8(s->ut, t + a, (int64_t)(b - a), &st);
    ubrk_setUText(bi, s->ut, &st);
    if (U_FAILURE(st)) return;   /* cannot happen on valid UTF-8: no boundary from ICU */
    for (int32_t k = ubrk_following(bi, 0); k != UBRK_DONE && a + (size_t)k < b; k = ubrk_next(bi))
        add_cand(s, (uint32_t)(a + (size_t)k));
}

/* End of the window opened by the terminator or separator at p (class sb, l bytes). */
static size_t window_end(const ent_segmenter *s, const char *t, size_t len, size_t p, int sb, size_t l)
{
    size_t j = p + l, m;
    if (sb_is_term(sb)) {
        /* closing punctuation, spaces, then anything up to a letter, separator or terminator */
        while (j < len) {
            int c = sb_of(s, cp_at(t, len, j, &m));
            if (c == U_SB_LOWER || c == U_SB_UPPER || c == U_SB_OLETTER || sb_is_sep(c) ||
                sb_is_term(c))
                break;
            j += m;
        }
        if (j < len) cp_at(t, len, j, &m), j += m;   /* that character */
    } else if (sb == U_SB_CR && j < len && t[j] == '\n') {
        j++;
    }
    while (j < len && sb_is_ext(sb_of(s, cp_at(t, len, j, &m)))) j += m;
    if (j < len) cp_at(t, len, j, &m), j += m;   /* and one more */
    return j;
}

/* Start of the window for the terminator at p: up to 8 code points back (with 2, the tests find
 * differences; with 3, none), not past a terminator or separator, not inside a sequence of
 * combining marks. */
static size_t window_start(const ent_segmenter *s, const char *t, size_t len, size_t p)
{
    size_t k = p, m;
    for (int n = 0; k > 0; n++) {
        size_t q = cp_back(t, k);
        int c = sb_of(s, cp_at(t, len, q, &m));
        if (sb_is_term(c) || sb_is_sep(c)) break;
        if (n >= 8 && !sb_is_ext(c)) break;
        k = q;
    }
    return k;
}

/* Most windows hold one terminator in plain text: a letter, then . ! or ?, one space and a
 * capital A-Z ("Moscow. The"). There UAX #29 breaks before the capital (SB11: no rule from SB6
 * to SB10 applies, as SB7 wants no space and SB8 a lowercase letter), and ICU finds nothing else
 * in the window, whose left part holds no terminator. Sets *b to that boundary and returns 1, or
 * returns 0 for a window ICU must read. term: the terminator's byte. */
static int plain_break(const char *t, size_t len, size_t term, size_t *b)
{
    char c = t[term];
    if (c != '.' && c != '!' && c != '?') return 0;
    if (term == 0 || !(((unsigned)(t[term - 1] | 32) - 'a') < 26u)) return 0;
    if (term + 2 >= len || t[term + 1] != ' ' || !((unsigned)(t[term + 2] - 'A') < 26u)) return 0;
    *b = term + 2;
    return 1;
}

static void run_window(ent_segmenter *s, UBreakIterator *bi, const char *t, size_t len,
                       size_t ws, size_t we, int nterm, size_t term)
{
    size_t b;
    if (nterm == 1 && plain_break(t, len, term, &b)) add_cand(s, (uint32_t)b);
    else icu_run(s, bi, t, ws, we);
}

/* The first byte at or after i that may start a terminator or a separator, or len. Eight
 * bytes at a time while none is . ! ? CR LF or a byte of a multibyte character. */
static size_t next_hot(const ent_segmenter *s, const char *t, size_t i, size_t len)
{
    if (s->hot_ascii_known) {
        for (; i + 8 <= len; i += 8) {
            uint64_t x;
            memcpy(&x, t + i, 8);
            if ((x & ENT_SWAR_HIGH) | ent_swar_has(x, '.') | ent_swar_has(x, '!') |
                ent_swar_has(x, '?') | ent_swar_has(x, '\r') | ent_swar_has(x, '\n'))
                break;
        }
    }
    while (i < len && !s->hot[(unsigned char)t[i]]) i++;
    return i;
}

static void icu_windows(ent_segmenter *s, UBreakIterator *bi, const char *t, size_t len)
{
    size_t ws = 0, we = 0, term = 0;
    int open = 0, nterm = 0;   /* a window is open; the terminators and separators in it */
    for (size_t i = 0; i < len;) {
        i = next_hot(s, t, i, len);
        if (i == len) break;
        size_t l;
        int sb = sb_of(s, cp_at(t, len, i, &l));
        if (!sb_is_term(sb) && !sb_is_sep(sb)) { i += l; continue; }
        size_t a = window_start(s, t, len, i), e = window_end(s, t, len, i, sb, l);
        if (open && a <= we) {
            if (e > we) we = e;
            nterm++;
        } else {
            if (open) run_window(s, bi, t, len, ws, we, nterm, term);
            ws = a, we = e, open = 1, nterm = 1, term = i;
        }
        i += l;
    }
    if (open) run_window(s, bi, t, len, ws, we, nterm, term);
}

static void push_span(ent_span **out, size_t *cap, size_t *n, const char *t, size_t a, size_t b)
{
    size_t l;
    while (a < b && ent_uc_is_space(cp_at(t, b, a, &l))) a += l;
    while (b > a) {
        size_t p = cp_back(t, b);
        if (!ent_uc_is_space(cp_at(t, b, p, &l))) break;
        b = p;
    }
    if (a >= b) return;
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *out = ent_xrealloc(*out, *cap * sizeof **out);
    }
    (*out)[(*n)++] = (ent_span){(uint32_t)a, (uint32_t)b};
}

size_t ent_segment(ent_segmenter *s, const char *text, size_t len, const char *lang,
                   ent_span **out, size_t *cap)
{
    size_t n = 0;
    if (len == 0) return 0;
    UBreakIterator *bi = (lang && strcmp(lang, "en") == 0) ? s->en : s->fr;
    find_quotes(s, text, len);
    s->ncand = 0;
    if (s->whole) icu_run(s, bi, text, 0, len);
    else icu_windows(s, bi, text, len);
    add_ellipsis_candidates(s, text, len);
    add_quote_candidates(s, text, len);
    if (s->ncand > 1) qsort(s->cand, s->ncand, sizeof *s->cand, cmp_u32);

    size_t prev = 0;
    uint32_t last = 0;
    for (size_t i = 0; i < s->ncand; i++) {
        size_t b = s->cand[i];
        if (b == last) continue;
        last = (uint32_t)b;
        if (!keep_boundary(s, text, len, prev, b)) continue;
        push_span(out, cap, &n, text, prev, b);
        prev = b;
    }
    push_span(out, cap, &n, text, prev, len);
    return n;
}

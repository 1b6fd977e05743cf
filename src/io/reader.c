/* reader.c: document readers (DESIGN.md, "read"): plain-text files (one document each),
 * JSON lines ({"id","text"} required; "lang","date","url","title" optional), standard input,
 * directories read recursively in name order, and gzip/zstd-compressed files (libarchive's raw
 * format). JSON lines are streamed, so memory stays bounded by the longest line. Every problem
 * is reported as FILE:LINE: message through the diag handler, and reading goes on. */
#define _DEFAULT_SOURCE
#include <archive.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <unistd.h>

#include "../text/utf8.h"
#include "../util/util.h"
#include "entente.h"
#include "reader.h"

#define CHUNK (1u << 20)
#define BINARY_PROBE 8192

enum { KIND_AUTO, KIND_TEXT, KIND_JSONL };

typedef struct source {
    char *path;           /* as given, or "<stdin>" */
    int kind;
    int compressed;
    int fd;
    struct archive *ar;
    char *chunk;          /* read buffer */
    size_t pos, len;
    int eof;
    int failed;           /* a read error or a truncated stream ended it */
    uint64_t bytes;       /* bytes read from the file (compressed size when compressed) */
    unsigned long line;   /* lines consumed so far */
    uint64_t remain;      /* bytes left to read in this reader's range (UINT64_MAX: all) */
} source;

struct ent_reader {
    char **files;         /* expanded inputs, "-" for stdin */
    size_t nfiles, capfiles, next;
    source *src;
    ent_diag_fn diag;
    void *user;
    size_t problems;
    uint64_t bytes;
    ent_buf line, text, tmp, where;
    ent_buf unesc;        /* a JSON string's contents with its escapes read (fast path) */
    cJSON *json;
    int slow_json;        /* 1: no fast path (ent_reader_fast_json) */
    char *owned[6];       /* strings of the current document */
    ent_doc doc;
    uint64_t *rbegin, *rend;   /* ent_reader_ranges: the bytes of each file to read, or NULL */
};

static void diag(ent_reader *r, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void diag(ent_reader *r, const char *where, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->problems++;
    if (r->diag) r->diag(r->user, where, msg);
    else fprintf(stderr, "%s: %s\n", where, msg);
}

static void add_file(ent_reader *r, const char *p)
{
    if (r->nfiles == r->capfiles) {
        r->capfiles = r->capfiles ? r->capfiles * 2 : 16;
        r->files = ent_xrealloc(r->files, r->capfiles * sizeof *r->files);
    }
    r->files[r->nfiles++] = ent_xstrndup(p, strlen(p));
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int wanted_in_dir(const char *name)
{
    static const char *ext[] = {".txt", ".jsonl", ".ndjson", ".txt.gz", ".jsonl.gz",
                                ".ndjson.gz", ".txt.zst", ".jsonl.zst", ".ndjson.zst", NULL};
    for (int i = 0; ext[i]; i++)
        if (ends_with(name, ext[i])) return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void expand(ent_reader *r, const char *p, int top)
{
    struct stat st;
    if (strcmp(p, "-") == 0) { add_file(r, p); return; }
    if (stat(p, &st) != 0) {
        diag(r, p, "cannot read: %s", strerror(errno));
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (top || wanted_in_dir(p)) add_file(r, p);
        return;
    }
    DIR *d = opendir(p);
    if (!d) { diag(r, p, "cannot open directory: %s", strerror(errno)); return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) { cap = cap ? cap * 2 : 32; names = ent_xrealloc(names, cap * sizeof *names); }
        names[n++] = ent_xstrndup(de->d_name, strlen(de->d_name));
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(p) + strlen(names[i]) + 2;
        char *full = ent_xmalloc(len);
        snprintf(full, len, "%s%s%s", p, ends_with(p, "/") ? "" : "/", names[i]);
        expand(r, full, 0);
        free(full);
        free(names[i]);
    }
    free(names);
}

ent_reader *ent_reader_open(const char *const *paths, size_t n, ent_diag_fn fn, void *user,
                            ent_error *err)
{
    (void)err;
    ent_reader *r = ent_xcalloc(1, sizeof *r);
    r->diag = fn;
    r->user = user;
    if (n == 0) add_file(r, "-");
    for (size_t i = 0; i < n; i++) expand(r, paths[i], 1);
    return r;
}

size_t ent_reader_problems(const ent_reader *r) { return r->problems; }
uint64_t ent_reader_bytes(const ent_reader *r) { return r->bytes + (r->src ? r->src->bytes : 0); }

/* ---- sources ---- */

static void src_close(source *s)
{
    if (!s) return;
    if (s->ar) archive_read_free(s->ar);
    if (s->fd > 0) close(s->fd);
    free(s->chunk);
    free(s->path);
    free(s);
}

/* Counts the lines before byte `at` of fd and leaves fd there; -1 on a read error. */
static long lines_before(int fd, uint64_t at, char *buf)
{
    long lines = 0;
    for (uint64_t done = 0; done < at;) {
        size_t want = at - done < CHUNK ? (size_t)(at - done) : CHUNK;
        ssize_t n;
        do n = read(fd, buf, want); while (n < 0 && errno == EINTR);
        if (n <= 0) return -1;
        for (const char *p = buf, *e = buf + n; (p = memchr(p, '\n', (size_t)(e - p))); p++) lines++;
        done += (uint64_t)n;
    }
    return lines;
}

static source *src_open(ent_reader *r, const char *path, size_t index)
{
    source *s = ent_xcalloc(1, sizeof *s);
    int is_stdin = strcmp(path, "-") == 0;
    s->path = ent_xstrndup(is_stdin ? "<stdin>" : path, strlen(is_stdin ? "<stdin>" : path));
    s->fd = is_stdin ? 0 : open(path, O_RDONLY);
    if (s->fd < 0) {
        diag(r, path, "cannot open: %s", strerror(errno));
        src_close(s);
        return NULL;
    }
    s->chunk = ent_xmalloc(CHUNK);
    char base[4096];
    snprintf(base, sizeof base, "%s", path);
    s->compressed = ends_with(base, ".gz") || ends_with(base, ".zst");
    if (s->compressed) base[strlen(base) - (ends_with(base, ".gz") ? 3 : 4)] = 0;
    s->kind = is_stdin ? KIND_AUTO
              : (ends_with(base, ".jsonl") || ends_with(base, ".ndjson")) ? KIND_JSONL
                                                                          : KIND_TEXT;
    s->remain = UINT64_MAX;
    if (r->rbegin && ent_reader_file_splits(r, index)) {
        /* a range of lines: their numbers count from the top of the file */
        errno = 0;
        long before = lines_before(s->fd, r->rbegin[index], s->chunk);
        if (before < 0) {
            diag(r, path, "cannot read the %llu bytes before this process's share: %s",
                 (unsigned long long)r->rbegin[index], errno ? strerror(errno) : "the file is shorter");
            src_close(s);
            return NULL;
        }
        s->line = (unsigned long)before;
        s->remain = r->rend[index] - r->rbegin[index];
    }
    if (s->compressed) {
        s->ar = archive_read_new();
        archive_read_support_filter_all(s->ar);
        archive_read_support_format_raw(s->ar);
        struct archive_entry *ae;
        if (archive_read_open_fd(s->ar, s->fd, 65536) != ARCHIVE_OK ||
            archive_read_next_header(s->ar, &ae) != ARCHIVE_OK) {
            diag(r, path, "cannot read compressed data: %s", archive_error_string(s->ar));
            src_close(s);
            return NULL;
        }
    }
    return s;
}

/* Refills the chunk; returns bytes now available (0 at end or on error, reported). */
static size_t src_fill(ent_reader *r, source *s)
{
    if (s->pos < s->len) return s->len - s->pos;
    s->pos = s->len = 0;
    if (s->eof) return 0;
    ssize_t n;
    if (s->ar) {
        n = archive_read_data(s->ar, s->chunk, 65536);   /* small: keeps what precedes a fault */
        if (n < 0) {
            diag(r, s->path, "truncated or corrupt compressed data (%s); the documents before "
                 "it were read", archive_error_string(s->ar));
            s->eof = s->failed = 1;
            return 0;
        }
        s->bytes = (uint64_t)archive_filter_bytes(s->ar, -1);   /* compressed bytes read */
    } else {
        size_t want = s->remain < CHUNK ? (size_t)s->remain : CHUNK;
        do n = want ? read(s->fd, s->chunk, want) : 0; while (n < 0 && errno == EINTR);
        if (n < 0) {
            diag(r, s->path, "read error: %s", strerror(errno));
            s->eof = s->failed = 1;
            return 0;
        }
        s->bytes += (uint64_t)n;
        if (s->remain != UINT64_MAX) s->remain -= (uint64_t)n;
    }
    if (n == 0) s->eof = 1;
    s->len = (size_t)n;
    return s->len;
}

/* Reads one line (without its newline) into r->line; returns 0 at end of input. */
static int src_line(ent_reader *r, source *s)
{
    ent_buf_clear(&r->line);
    int any = 0;
    while (src_fill(r, s) > 0) {
        any = 1;
        char *p = s->chunk + s->pos;
        size_t avail = s->len - s->pos;
        char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        ent_buf_add(&r->line, p, take);
        s->pos += take + (nl ? 1 : 0);
        if (nl) { s->line++; return 1; }
    }
    if (s->failed) return 0;   /* a line cut by the fault: already reported, not a document */
    if (any) s->line++;
    return any;
}

/* ---- documents ---- */

static void clear_doc(ent_reader *r)
{
    if (r->json) cJSON_Delete(r->json);
    r->json = NULL;
    for (int i = 0; i < 6; i++) free(r->owned[i]), r->owned[i] = NULL;
    memset(&r->doc, 0, sizeof r->doc);
}

/* Copies s into a fresh string, repairing invalid UTF-8; reports at where. */
static char *clean_string(ent_reader *r, const char *s, size_t n, const char *where,
                          const char *field, size_t *outlen)
{
    if (ent_utf8_check(s, n) == n) {   /* valid, the usual case: copied once */
        if (outlen) *outlen = n;
        return ent_xstrndup(s, n);
    }
    ent_buf_clear(&r->tmp);
    size_t bad = ent_utf8_repair(s, n, &r->tmp);
    if (bad)
        diag(r, where, "invalid UTF-8 in \"%s\": %zu sequence%s replaced by U+FFFD", field, bad,
             bad > 1 ? "s" : "");
    if (outlen) *outlen = r->tmp.len;
    return ent_xstrndup(r->tmp.p ? r->tmp.p : "", r->tmp.len);
}

static const char *opt_string(ent_reader *r, cJSON *obj, const char *key, int slot,
                              const char *where)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) return NULL;
    if (!cJSON_IsString(v)) {
        diag(r, where, "\"%s\" is not a string; ignored", key);
        return NULL;
    }
    r->owned[slot] = clean_string(r, v->valuestring, strlen(v->valuestring), where, key, NULL);
    return r->owned[slot];
}

/* ---- the fast path for JSON lines ----
 * Most lines are a flat object of strings. fast_doc reads those without building a cJSON tree:
 * it walks the object once, notes where the six fields we read are (the first occurrence of
 * each key, as cJSON_GetObjectItemCaseSensitive finds), skips the other values, and unescapes
 * only the strings it keeps. It accepts a subset of what cJSON accepts and gives the same
 * strings; anything else (a numeric id, an escaped key, \u0000 or a surrogate, a number cJSON
 * would read differently, deep nesting, malformed JSON) returns 0 and the line goes to cJSON,
 * which also words the error. tests/unit/test_reader.c compares both on generated lines. */

enum { F_ID, F_TEXT, F_LANG, F_DATE, F_URL, F_TITLE, F_COUNT };
static const char *const field_names[F_COUNT] = {"id", "text", "lang", "date", "url", "title"};

typedef struct jfield {
    int type;                 /* 0 absent, 's' string, 'n' null, 'o' other */
    const char *p;            /* a string's contents between its quotes */
    size_t n;
    int escaped;
} jfield;

static const char *jws(const char *p, const char *e)
{
    while (p < e && (unsigned char)*p <= 32) p++;   /* cJSON's white space: every byte <= 32 */
    return p;
}

/* The first '"' or '\\' in [p, e), or e; eight bytes at a time (a document's text is long). */
static const char *quote_or_backslash(const char *p, const char *e)
{
    for (; e - p >= 8; p += 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        if (ent_swar_has(x, '"') | ent_swar_has(x, '\\')) break;
    }
    while (p < e && *p != '"' && *p != '\\') p++;
    return p;
}

/* A string starting at its opening quote: end after the closing quote, or NULL. *esc says
 * whether it holds escapes; escapes cJSON would refuse or read into a NUL or a surrogate make
 * it NULL too (then cJSON decides). */
static const char *jstring(const char *p, const char *e, int *esc)
{
    *esc = 0;
    p++;
    for (;;) {
        const char *q = quote_or_backslash(p, e);
        if (q == e) return NULL;
        if (*q == '"') return q + 1;
        *esc = 1;
        if (q + 1 >= e) return NULL;
        switch (q[1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            p = q + 2;
            break;
        case 'u': {
            if (e - q < 6) return NULL;
            unsigned v = 0;
            for (int i = 2; i < 6; i++) {
                char c = q[i];
                v <<= 4;
                if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
                else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
                else return NULL;
            }
            if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) return NULL;
            p = q + 6;
            break;
        }
        default:
            return NULL;
        }
    }
}

/* A strict JSON number, followed by none of the characters cJSON would take into it. */
static const char *jnumber(const char *p, const char *e)
{
    const char *s = p;
    if (p < e && *p == '-') p++;
    if (p < e && *p == '0') p++;
    else if (p < e && *p >= '1' && *p <= '9') while (p < e && *p >= '0' && *p <= '9') p++;
    else return NULL;
    if (p < e && *p == '.') {
        p++;
        if (!(p < e && *p >= '0' && *p <= '9')) return NULL;
        while (p < e && *p >= '0' && *p <= '9') p++;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-')) p++;
        if (!(p < e && *p >= '0' && *p <= '9')) return NULL;
        while (p < e && *p >= '0' && *p <= '9') p++;
    }
    if (p - s > 40) return NULL;
    if (p < e && ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.' || *p == 'e' ||
                  *p == 'E'))
        return NULL;
    return p;
}

static const char *jvalue(const char *p, const char *e, int depth);

/* An object or an array starting at its bracket; f (for the top object only): where to note
 * the six fields. */
static const char *jcompound(const char *p, const char *e, int depth, jfield *f)
{
    if (depth > 64) return NULL;
    char close = *p == '{' ? '}' : ']';
    int object = close == '}';
    p = jws(p + 1, e);
    if (p < e && *p == close) return p + 1;
    for (;;) {
        jfield *slot = NULL;
        if (object) {
            int esc;
            if (p >= e || *p != '"') return NULL;
            const char *k = p + 1, *ke = jstring(p, e, &esc);
            if (!ke || esc) return NULL;   /* an escaped key: cJSON reads it */
            size_t kn = (size_t)(ke - 1 - k);
            if (f)
                for (int i = 0; i < F_COUNT; i++)
                    if (!f[i].type && strlen(field_names[i]) == kn && !memcmp(k, field_names[i], kn))
                        slot = &f[i];
            p = jws(ke, e);
            if (p >= e || *p != ':') return NULL;
            p = jws(p + 1, e);
        }
        if (p >= e) return NULL;
        if (slot && *p == '"') {
            const char *ve = jstring(p, e, &slot->escaped);
            if (!ve) return NULL;
            slot->type = 's', slot->p = p + 1, slot->n = (size_t)(ve - 1 - (p + 1));
            p = ve;
        } else {
            if (slot) slot->type = (e - p >= 4 && !memcmp(p, "null", 4)) ? 'n' : 'o';
            p = jvalue(p, e, depth + 1);
            if (!p) return NULL;
        }
        p = jws(p, e);
        if (p < e && *p == ',') { p = jws(p + 1, e); continue; }
        if (p < e && *p == close) return p + 1;
        return NULL;
    }
}

static const char *jvalue(const char *p, const char *e, int depth)
{
    int esc;
    switch (*p) {
    case '"': return jstring(p, e, &esc);
    case '{': case '[': return jcompound(p, e, depth, NULL);
    case 't': return e - p >= 4 && !memcmp(p, "true", 4) ? p + 4 : NULL;
    case 'f': return e - p >= 5 && !memcmp(p, "false", 5) ? p + 5 : NULL;
    case 'n': return e - p >= 4 && !memcmp(p, "null", 4) ? p + 4 : NULL;
    default: return jnumber(p, e);
    }
}

static unsigned hex4(const char *q)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = q[i];
        v = v << 4 | (unsigned)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
    }
    return v;
}

/* A string's contents with its escapes read (the escapes jstring let through). */
static void junescape(const char *p, size_t n, ent_buf *out)
{
    ent_buf_clear(out);
    const char *e = p + n;
    while (p < e) {
        const char *q = memchr(p, '\\', (size_t)(e - p));
        if (!q) q = e;
        ent_buf_add(out, p, (size_t)(q - p));
        if (q == e) break;
        char c = q[1];
        p = q + 2;
        switch (c) {
        case 'b': ent_buf_addc(out, '\b'); break;
        case 'f': ent_buf_addc(out, '\f'); break;
        case 'n': ent_buf_addc(out, '\n'); break;
        case 'r': ent_buf_addc(out, '\r'); break;
        case 't': ent_buf_addc(out, '\t'); break;
        case 'u': {
            unsigned v = hex4(q + 2);
            char u[3];
            if (v < 0x80) {
                ent_buf_addc(out, (char)v);
            } else if (v < 0x800) {
                u[0] = (char)(0xC0 | (v >> 6)), u[1] = (char)(0x80 | (v & 0x3F));
                ent_buf_add(out, u, 2);
            } else {
                u[0] = (char)(0xE0 | (v >> 12)), u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
                u[2] = (char)(0x80 | (v & 0x3F));
                ent_buf_add(out, u, 3);
            }
            p = q + 6;
            break;
        }
        default: ent_buf_addc(out, c); break;   /* " \ / */
        }
    }
}

/* The string of field f, unescaped and repaired, in a fresh allocation. */
static char *fast_string(ent_reader *r, const jfield *f, const char *where, const char *name,
                         size_t *outlen)
{
    if (!f->escaped) return clean_string(r, f->p, f->n, where, name, outlen);
    junescape(f->p, f->n, &r->unesc);
    return clean_string(r, r->unesc.p ? r->unesc.p : "", r->unesc.len, where, name, outlen);
}

/* 1: the line was read (a document, or reported and skipped); 0: cJSON must read it. */
static int fast_doc(ent_reader *r, const char *p, size_t n, const char *where, int *got)
{
    jfield f[F_COUNT] = {{0}};
    const char *e = p + n;
    if (*p != '{' || !jcompound(p, e, 0, f)) return 0;
    if (f[F_ID].type != 's') return 0;   /* numbers and missing ids: cJSON's path says it */
    if (f[F_TEXT].type != 's') {
        diag(r, where, "missing \"text\" (a string); line skipped");
        *got = 0;
        return 1;
    }
    r->owned[0] = fast_string(r, &f[F_ID], where, "id", NULL);
    r->doc.id = r->owned[0];
    r->owned[1] = fast_string(r, &f[F_TEXT], where, "text", &r->doc.len);
    r->doc.text = r->owned[1];
    const char **opt[4] = {&r->doc.lang, &r->doc.date, &r->doc.url, &r->doc.title};
    for (int i = F_LANG; i < F_COUNT; i++) {
        if (f[i].type == 's') {
            r->owned[i] = fast_string(r, &f[i], where, field_names[i], NULL);
            *opt[i - F_LANG] = r->owned[i];
        } else if (f[i].type == 'o') {
            diag(r, where, "\"%s\" is not a string; ignored", field_names[i]);
        }
    }
    r->doc.origin = where;
    *got = 1;
    return 1;
}

void ent_reader_fast_json(ent_reader *r, int on) { r->slow_json = !on; }

/* Parses r->line as a JSON document; returns 1 when it gave a document. */
static int jsonl_doc(ent_reader *r, source *s)
{
    /* "path:line" for messages and ent_doc.origin, once per line: without printf */
    char digits[24];
    size_t k = sizeof digits;
    unsigned long v = s->line;
    do digits[--k] = (char)('0' + v % 10); while ((v /= 10));
    ent_buf_clear(&r->where);
    ent_buf_adds(&r->where, s->path);
    ent_buf_addc(&r->where, ':');
    ent_buf_add(&r->where, digits + k, sizeof digits - k);
    const char *where = r->where.p;
    size_t i = 0;
    while (i < r->line.len && (r->line.p[i] == ' ' || r->line.p[i] == '\t' || r->line.p[i] == '\r'))
        i++;
    if (i == r->line.len) return 0;   /* blank line */
    int got;
    if (!r->slow_json && fast_doc(r, r->line.p + i, r->line.len - i, where, &got)) return got;
    const char *end = NULL;
    cJSON *obj = cJSON_ParseWithLengthOpts(r->line.p + i, r->line.len - i, &end, 0);
    if (!obj) {
        const char *e = cJSON_GetErrorPtr();
        long col = e ? (long)(e - r->line.p) + 1 : 0;
        if (col < 1 || (size_t)col > r->line.len + 1) col = 0;
        diag(r, where, "malformed JSON near byte %ld; line skipped", col);
        return 0;
    }
    if (!cJSON_IsObject(obj)) {
        diag(r, where, "not a JSON object; line skipped");
        cJSON_Delete(obj);
        return 0;
    }
    cJSON *id = cJSON_GetObjectItemCaseSensitive(obj, "id");
    cJSON *text = cJSON_GetObjectItemCaseSensitive(obj, "text");
    if (!id || !(cJSON_IsString(id) || cJSON_IsNumber(id))) {
        diag(r, where, "missing \"id\" (a string or a number); line skipped");
        cJSON_Delete(obj);
        return 0;
    }
    if (!text || !cJSON_IsString(text)) {
        diag(r, where, "missing \"text\" (a string); line skipped");
        cJSON_Delete(obj);
        return 0;
    }
    r->json = obj;
    if (cJSON_IsString(id)) {
        r->owned[0] = clean_string(r, id->valuestring, strlen(id->valuestring), where, "id", NULL);
    } else {
        char num[64];
        snprintf(num, sizeof num, "%.17g", id->valuedouble);
        r->owned[0] = ent_xstrndup(num, strlen(num));
    }
    r->doc.id = r->owned[0];
    r->owned[1] = clean_string(r, text->valuestring, strlen(text->valuestring), where, "text",
                               &r->doc.len);
    r->doc.text = r->owned[1];
    r->doc.lang = opt_string(r, obj, "lang", 2, where);
    r->doc.date = opt_string(r, obj, "date", 3, where);
    r->doc.url = opt_string(r, obj, "url", 4, where);
    r->doc.title = opt_string(r, obj, "title", 5, where);
    r->doc.origin = where;
    return 1;
}

/* Reads a whole source as one plain-text document. */
static int text_doc(ent_reader *r, source *s)
{
    ent_buf_clear(&r->text);
    while (src_fill(r, s) > 0) {
        ent_buf_add(&r->text, s->chunk + s->pos, s->len - s->pos);
        s->pos = s->len;
    }
    const char *p = r->text.p ? r->text.p : "";
    size_t n = r->text.len;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, n -= 3;   /* BOM */
    size_t probe = n < BINARY_PROBE ? n : BINARY_PROBE;
    if (memchr(p, 0, probe)) {
        diag(r, s->path, "binary data (NUL bytes), not text; file skipped");
        return 0;
    }
    if (n == 0) {
        diag(r, s->path, "empty file; nothing to read");
        return 0;
    }
    size_t bad_at = ent_utf8_check(p, n);
    ent_buf_clear(&r->where);
    ent_buf_printf(&r->where, "%s:1", s->path);
    if (bad_at < n) {
        unsigned long line = 1;
        for (size_t i = 0; i < bad_at; i++) line += p[i] == '\n';
        char where[4200];
        snprintf(where, sizeof where, "%s:%lu", s->path, line);
        r->owned[1] = clean_string(r, p, n, where, "text", &r->doc.len);
    } else {
        r->owned[1] = ent_xstrndup(p, n);
        r->doc.len = n;
    }
    r->owned[0] = ent_xstrndup(s->path, strlen(s->path));
    r->doc.id = r->owned[0];
    r->doc.text = r->owned[1];
    r->doc.origin = r->where.p;
    ent_buf_clear(&r->text);
    return 1;
}

/* Decides whether standard input holds JSON lines: first non-blank byte is '{'. */
static void sniff(ent_reader *r, source *s)
{
    while (src_fill(r, s) > 0) {
        while (s->pos < s->len && strchr(" \t\r\n", s->chunk[s->pos])) {
            /* keep the bytes: only look */
            break;
        }
        size_t i = s->pos;
        while (i < s->len && strchr(" \t\r\n", s->chunk[i])) i++;
        if (i < s->len) { s->kind = s->chunk[i] == '{' ? KIND_JSONL : KIND_TEXT; return; }
        s->pos = s->len;   /* all blank: look further */
    }
    s->kind = KIND_TEXT;
}

int ent_reader_next(ent_reader *r, const ent_doc **doc, ent_error *err)
{
    (void)err;
    clear_doc(r);
    for (;;) {
        if (!r->src) {
            if (r->next >= r->nfiles) return 0;
            size_t i = r->next++;
            if (r->rbegin && r->rbegin[i] == UINT64_MAX) continue;   /* another process's */
            r->src = src_open(r, r->files[i], i);
            if (!r->src) continue;
            if (r->src->kind == KIND_AUTO) sniff(r, r->src);
        }
        source *s = r->src;
        if (s->kind == KIND_JSONL) {
            while (src_line(r, s))
                if (jsonl_doc(r, s)) { *doc = &r->doc; return 1; }
        } else if (!s->eof || s->pos < s->len) {
            int got = text_doc(r, s);
            if (got) { *doc = &r->doc; return 1; }
        }
        r->bytes += s->bytes;
        src_close(s);
        r->src = NULL;
    }
}

size_t ent_reader_file_count(const ent_reader *r) { return r->nfiles; }
const char *ent_reader_file(const ent_reader *r, size_t i) { return i < r->nfiles ? r->files[i] : NULL; }

int ent_reader_file_splits(const ent_reader *r, size_t i)
{
    const char *p = r->files[i];
    return strcmp(p, "-") != 0 && (ends_with(p, ".jsonl") || ends_with(p, ".ndjson"));
}

void ent_reader_ranges(ent_reader *r, const uint64_t *begin, const uint64_t *end)
{
    free(r->rbegin);
    free(r->rend);
    r->rbegin = ent_xmalloc((r->nfiles ? r->nfiles : 1) * sizeof *r->rbegin);
    r->rend = ent_xmalloc((r->nfiles ? r->nfiles : 1) * sizeof *r->rend);
    memcpy(r->rbegin, begin, r->nfiles * sizeof *begin);
    memcpy(r->rend, end, r->nfiles * sizeof *end);
}

void ent_reader_close(ent_reader *r)
{
    if (!r) return;
    free(r->rbegin);
    free(r->rend);
    clear_doc(r);
    src_close(r->src);
    for (size_t i = 0; i < r->nfiles; i++) free(r->files[i]);
    free(r->files);
    ent_buf_free(&r->line);
    ent_buf_free(&r->text);
    ent_buf_free(&r->tmp);
    ent_buf_free(&r->where);
    ent_buf_free(&r->unesc);
    free(r);
}

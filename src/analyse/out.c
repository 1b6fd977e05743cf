/* out.c: result tables in JSON lines, TSV, CSV, JSON or text. */
#include "out.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../io/json.h"

void out_init(out *o, ent_format f, ent_write_fn fn, void *user)
{
    memset(o, 0, sizeof *o);
    o->f = f;
    o->fn = fn;
    o->user = user;
}

static void flush_if(out *o, size_t limit)
{
    if (o->b.len < limit) return;
    if (!o->failed && o->b.len && o->fn(o->user, o->b.p, o->b.len)) o->failed = 1;
    ent_buf_clear(&o->b);
}

void out_add(out *o, const char *s, size_t n)
{
    ent_buf_add(&o->b, s, n);
    flush_if(o, 1 << 16);
}

void out_adds(out *o, const char *s) { out_add(o, s, strlen(s)); }

void out_printf(out *o, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    out_add(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

const char *out_num(char buf[32], double v, int prec)
{
    snprintf(buf, 32, "%.*f", prec, v);
    if (strchr(buf, '.')) {
        size_t n = strlen(buf);
        while (buf[n - 1] == '0') buf[--n] = 0;
        if (buf[n - 1] == '.') buf[--n] = 0;
    }
    if (!strcmp(buf, "-0")) strcpy(buf, "0");
    return buf;
}

static void sep_field(out *o, const char *s, char sep)
{
    if (!s) return;
    if (o->f == ENT_FMT_CSV && strpbrk(s, ",\"\n\r")) {
        ent_buf_addc(&o->b, '"');
        for (; *s; s++) {
            if (*s == '"') ent_buf_addc(&o->b, '"');
            ent_buf_addc(&o->b, *s == '\n' || *s == '\r' ? ' ' : *s);
        }
        ent_buf_addc(&o->b, '"');
        return;
    }
    for (; *s; s++) ent_buf_addc(&o->b, *s == sep || *s == '\n' || *s == '\r' ? ' ' : *s);
}

void out_table(out *o, const char *name, const out_col *cols, int ncol)
{
    o->cols = cols;
    o->ncol = ncol;
    o->rows = 0;
    if (o->f == ENT_FMT_JSON) {
        ent_json_cstr(&o->b, name);
        ent_buf_adds(&o->b, ":[");
    } else if (o->f == ENT_FMT_TSV || o->f == ENT_FMT_CSV) {
        char sep = o->f == ENT_FMT_TSV ? '\t' : ',';
        for (int i = 0; i < ncol; i++) {
            if (i) ent_buf_addc(&o->b, sep);
            ent_buf_adds(&o->b, cols[i].name);
        }
        ent_buf_addc(&o->b, '\n');
    } else if (o->f == ENT_FMT_TEXT) {
        for (int i = 0; i < ncol; i++)
            ent_buf_printf(&o->b, "%s%-*s", i ? "  " : "", i == ncol - 1 ? 0 : cols[i].width, cols[i].name);
        ent_buf_addc(&o->b, '\n');
    }
}

void out_row(out *o, const char *const *cells)
{
    switch (o->f) {
    case ENT_FMT_JSON:
    case ENT_FMT_JSONL:
        if (o->f == ENT_FMT_JSON && o->rows) ent_buf_addc(&o->b, ',');
        ent_buf_addc(&o->b, '{');
        for (int i = 0; i < o->ncol; i++) {
            if (i) ent_buf_addc(&o->b, ',');
            ent_json_cstr(&o->b, o->cols[i].name);
            ent_buf_addc(&o->b, ':');
            if (!cells[i]) ent_buf_adds(&o->b, "null");
            else if (o->cols[i].type == 's') ent_json_cstr(&o->b, cells[i]);
            else ent_buf_adds(&o->b, cells[i]);
        }
        ent_buf_addc(&o->b, '}');
        if (o->f == ENT_FMT_JSONL) ent_buf_addc(&o->b, '\n');
        break;
    case ENT_FMT_TSV:
    case ENT_FMT_CSV: {
        char sep = o->f == ENT_FMT_TSV ? '\t' : ',';
        for (int i = 0; i < o->ncol; i++) {
            if (i) ent_buf_addc(&o->b, sep);
            sep_field(o, cells[i], sep);
        }
        ent_buf_addc(&o->b, '\n');
        break;
    }
    default:
        for (int i = 0; i < o->ncol; i++) {
            const char *c = cells[i] ? cells[i] : "";
            if (i == o->ncol - 1) ent_buf_printf(&o->b, "%s%s", i ? "  " : "", c);
            else if (o->cols[i].type == 'n') ent_buf_printf(&o->b, "%s%*s", i ? "  " : "", o->cols[i].width, c);
            else ent_buf_printf(&o->b, "%s%-*s", i ? "  " : "", o->cols[i].width, c);
        }
        ent_buf_addc(&o->b, '\n');
    }
    o->rows++;
    flush_if(o, 1 << 16);
}

void out_table_end(out *o)
{
    if (o->f == ENT_FMT_JSON) ent_buf_addc(&o->b, ']');
}

int out_finish(out *o)
{
    flush_if(o, 1);
    ent_buf_free(&o->b);
    return o->failed ? -1 : 0;
}

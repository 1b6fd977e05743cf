/* out.h: writing result tables in the formats of the analysis commands: JSON lines, TSV,
 * CSV, one JSON document, or an aligned text table, through a write callback (standard
 * output for the command line, a response buffer for the HTTP API). */
#ifndef ENT_OUT_H
#define ENT_OUT_H

#include "entente.h"
#include "../util/util.h"

typedef struct out_col {
    const char *name;
    char type;          /* 's' string, 'n' number (written as is), 'j' raw JSON */
    int width;          /* text format: column width */
} out_col;

typedef struct out {
    ent_format f;
    ent_write_fn fn;
    void *user;
    ent_buf b;
    const out_col *cols;
    int ncol;
    long rows;
    int failed;
} out;

void out_init(out *o, ent_format f, ent_write_fn fn, void *user);
/* Raw text, flushed when the buffer is large. */
void out_add(out *o, const char *s, size_t n);
void out_adds(out *o, const char *s);
void out_printf(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A table: the header (TSV/CSV/text), then rows of ncol cells (NULL: empty / null). For
 * JSON the table is an array named `name` inside the object the caller opened with
 * out_adds(o, "{...,") and closes with out_adds(o, "}"). */
void out_table(out *o, const char *name, const out_col *cols, int ncol);
void out_row(out *o, const char *const *cells);
void out_table_end(out *o);
/* Flushes what is left; returns 0, or -1 when the writer failed. */
int out_finish(out *o);

/* Formats a double with at most `prec` decimals, trailing zeros removed: the same text on
 * every back end. */
const char *out_num(char buf[32], double v, int prec);

#endif

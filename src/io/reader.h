/* reader.h: what the reader offers beyond include/entente.h, for the tests. */
#ifndef ENT_READER_H
#define ENT_READER_H

#include "entente.h"

/* on = 0: every JSON line is read by cJSON, not by the reader's fast path (the reference the
 * tests compare the fast path with). */
void ent_reader_fast_json(ent_reader *r, int on);

/* The inputs once directories are expanded, in reading order. */
size_t ent_reader_file_count(const ent_reader *r);
const char *ent_reader_file(const ent_reader *r, size_t i);
/* 1 when input i is read as JSON lines, uncompressed: a range of its bytes that starts and
 * ends at line boundaries can be read on its own. */
int ent_reader_file_splits(const ent_reader *r, size_t i);
/* Shares the inputs between processes (MPI): this reader reads only bytes [begin[i], end[i])
 * of input i when it splits (ent_reader_file_splits; both at line starts, or end at the end of
 * the file), the whole input otherwise, and skips input i when begin[i] is UINT64_MAX. Line
 * numbers in messages still count from the top of each file. Call before the first
 * ent_reader_next(). */
void ent_reader_ranges(ent_reader *r, const uint64_t *begin, const uint64_t *end);

#endif

/* segment.h: sentence segmentation (ICU sentence break iterator + our filters). */
#ifndef ENT_SEGMENT_H
#define ENT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

typedef struct ent_span {
    uint32_t start, end;
} ent_span;

typedef struct ent_segmenter ent_segmenter;

/* Returns NULL and writes a message into msg (size msgn) when ICU cannot be set up. */
ent_segmenter *ent_segmenter_new(char *msg, size_t msgn);
void ent_segmenter_free(ent_segmenter *s);
/* on: run ICU over the whole text instead of windows around terminators (slower; the same
 * boundaries; kept as the reference the tests compare with). */
void ent_segmenter_whole(ent_segmenter *s, int on);

/* Splits text (valid UTF-8) into sentences; fills *out (grown with realloc; *cap is its
 * capacity) and returns their number. */
size_t ent_segment(ent_segmenter *s, const char *text, size_t len, const char *lang,
                   ent_span **out, size_t *cap);

#endif

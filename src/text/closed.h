/* closed.h: closed-class word tables (see closed.c). */
#ifndef ENT_CLOSED_H
#define ENT_CLOSED_H

typedef struct ent_closed {
    const char *word;   /* lowercase, ' for ’ */
    const char *lemma;
    int pos;            /* ent_pos */
} ent_closed;

extern const ent_closed ent_closed_fr[];
extern const ent_closed ent_closed_en[];

#endif

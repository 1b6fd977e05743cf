/* cameo.h: the CAMEO 1.1b3 event codes with their Goldstein weights and labels (table
 * generated from dict/cameo.tsv by scripts/gen-cameo) and their quad classes. */
#ifndef ENT_CAMEO_H
#define ENT_CAMEO_H

typedef struct ent_cameo {
    const char *code;    /* "042", "0231", or a root "04" */
    double goldstein;
    const char *label;
} ent_cameo;

/* The entry of a code, or NULL when CAMEO has no such code. */
const ent_cameo *ent_cameo_find(const char *code);
/* Quad class of a code, by its root: 1 verbal cooperation (01-05), 2 material cooperation
 * (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20). 0 for a bad code. */
int ent_cameo_quad(const char *code);
extern const ent_cameo ent_cameo_table[];
extern const unsigned ent_cameo_count;

#endif

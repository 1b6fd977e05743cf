/* cameo.c: lookups in the CAMEO table (cameo_table.c, generated from dict/cameo.tsv). */
#include "cameo.h"

#include <stdlib.h>
#include <string.h>

static int cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const ent_cameo *)elem)->code);
}

const ent_cameo *ent_cameo_find(const char *code)
{
    if (!code) return NULL;
    return bsearch(code, ent_cameo_table, ent_cameo_count, sizeof *ent_cameo_table, cmp);
}

int ent_cameo_quad(const char *code)
{
    if (!code || strlen(code) < 2 || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9')
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 1 || root > 20) return 0;
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

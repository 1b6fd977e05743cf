/* embedded.h: the dictionary files compiled into the binary (generated table, see
 * CMakeLists.txt: every .txt file of dict/ is included with .incbin). */
#ifndef ENT_EMBEDDED_H
#define ENT_EMBEDDED_H

#include <stddef.h>

typedef struct ent_embedded_file {
    const char *name;   /* "dict/people-europe.txt" */
    const char *data;
    const char *end;    /* one past the last byte */
} ent_embedded_file;

extern const ent_embedded_file ent_embedded[];
extern const size_t ent_embedded_count;

/* The dashboard's files and the API description, by URL path ("/index.html"). */
extern const ent_embedded_file ent_web[];
extern const size_t ent_web_count;

#endif

/* event_json.c: one event as a JSON object, the line `entente code` writes and the items of
 * the HTTP API's /api/code. */
#include "event_json.h"

#include <string.h>

#include "../io/json.h"
#include "cameo.h"

/* The writers below put text at p, in room reserved beforehand, and return the new end. */

/* A literal string (its length known at compile time). */
#define PUT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) + sizeof(lit) - 1)

static char *put_u32(char *p, uint32_t v)
{
    char tmp[10];
    int n = 0;
    do tmp[n++] = (char)('0' + v % 10); while ((v /= 10));
    while (n) *p++ = tmp[--n];
    return p;
}

/* A NUL-terminated string, or NULL, as JSON: its length, then the string (null for NULL). */
static size_t clen(const char *s) { return s ? strlen(s) : 4; }
static char *put_cstr(char *p, const char *s, size_t n)
{
    return s ? ent_json_put(p, s, n) : PUT(p, "null");
}

void ent_event_json(ent_buf *b, const ent_doc *d, const ent_sentence *s, const ent_event *e,
                    const char *date, const ent_coder *c, const ent_dict *dict)
{
    char origin[600];
    ent_coder_pattern_origin(c, e->pattern, origin, sizeof origin);
    const ent_cameo *cm = ent_cameo_find(e->code);
    const char *label = cm ? cm->label : "";
    size_t lid = clen(d->id), lsrc = strlen(e->source), ltgt = strlen(e->target),
           lcode = strlen(e->code), lroot = strlen(e->root), llabel = strlen(label),
           ldate = clen(date), lorig = strlen(origin), ltext = s->end - s->start,
           ltrig = e->trig_end - e->trig_start;
    /* the field names, punctuation and numbers take less than 400 bytes */
    ent_buf_reserve(b, 400 + ENT_JSON_ROOM(lid + lsrc + ltgt + lcode + lroot + llabel + ldate +
                                           lorig + ltext + ltrig));
    char *p = b->p + b->len;
    p = PUT(p, "{\"doc_id\":");
    p = put_cstr(p, d->id, lid);
    p = PUT(p, ",\"sent\":");
    p = put_u32(p, e->sent);
    p = PUT(p, ",\"source\":");
    p = put_cstr(p, e->source, lsrc);
    p = PUT(p, ",\"target\":");
    p = put_cstr(p, e->target, ltgt);
    p = PUT(p, ",\"code\":");
    p = put_cstr(p, e->code, lcode);
    p = PUT(p, ",\"root\":");
    p = put_cstr(p, e->root, lroot);
    p = PUT(p, ",\"label\":");
    p = put_cstr(p, label, llabel);
    /* Goldstein weights have one decimal: print them without printf */
    int g10 = (int)(e->goldstein * 10.0 + (e->goldstein < 0 ? -0.5 : 0.5));
    p = PUT(p, ",\"goldstein\":");
    if (g10 < 0) *p++ = '-', g10 = -g10;
    p = put_u32(p, (uint32_t)(g10 / 10));
    *p++ = '.';
    p = put_u32(p, (uint32_t)(g10 % 10));
    p = PUT(p, ",\"quad\":");
    p = put_u32(p, (uint32_t)e->quad);
    p = PUT(p, ",\"date\":");
    p = put_cstr(p, date, ldate);
    p = e->nominal ? PUT(p, ",\"mode\":\"nominal\"") : PUT(p, ",\"mode\":\"verbal\"");
    p = PUT(p, ",\"sentence\":{\"start\":");
    p = put_u32(p, s->start);
    p = PUT(p, ",\"end\":");
    p = put_u32(p, s->end);
    p = PUT(p, ",\"text\":");
    p = ent_json_put(p, d->text + s->start, ltext);
    p = PUT(p, "},\"spans\":{\"source\":[");
    p = put_u32(p, e->src_start);
    *p++ = ',';
    p = put_u32(p, e->src_end);
    p = PUT(p, "],\"target\":[");
    p = put_u32(p, e->tgt_start);
    *p++ = ',';
    p = put_u32(p, e->tgt_end);
    p = PUT(p, "],\"trigger\":[");
    p = put_u32(p, e->trig_start);
    *p++ = ',';
    p = put_u32(p, e->trig_end);
    p = PUT(p, "]},\"trigger\":");
    p = ent_json_put(p, d->text + e->trig_start, ltrig);
    p = PUT(p, ",\"entries\":{\"pattern\":");
    p = put_cstr(p, origin, lorig);
    p = PUT(p, ",\"actors\":[");
    b->len = (size_t)(p - b->p);
    for (uint32_t k = 0; k < e->nentries; k++) {
        const char *o = ent_dict_entry_origin(dict, e->entries[k], origin, sizeof origin);
        size_t lo = clen(o);
        ent_buf_reserve(b, 1 + ENT_JSON_ROOM(lo));
        p = b->p + b->len;
        if (k) *p++ = ',';
        p = put_cstr(p, o, lo);
        b->len = (size_t)(p - b->p);
    }
    ent_buf_reserve(b, 4);
    p = PUT(b->p + b->len, "]}}");
    *p = 0;
    b->len = (size_t)(p - b->p);
}

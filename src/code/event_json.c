/* event_json.c: one event as a JSON object, the line `entente code` writes and the items of
 * the HTTP API's /api/code. */
#include "event_json.h"

#include <string.h>

#include "../io/json.h"
#include "cameo.h"

/* Appends an unsigned number (faster than printf on the hot path of `entente code`). */
static void add_u32(ent_buf *b, uint32_t v)
{
    char tmp[12];
    int n = 0;
    do tmp[n++] = (char)('0' + v % 10); while ((v /= 10));
    ent_buf_reserve(b, (size_t)n);
    while (n) b->p[b->len++] = tmp[--n];
    b->p[b->len] = 0;
}

/* Appends key, then a number: ,"key":123 */
static void add_field_u32(ent_buf *b, const char *key, uint32_t v)
{
    ent_buf_adds(b, key);
    add_u32(b, v);
}

void ent_event_json(ent_buf *b, const ent_doc *d, const ent_sentence *s, const ent_event *e,
                    const char *date, const ent_coder *c, const ent_dict *dict)
{
    char origin[600];
    ent_coder_pattern_origin(c, e->pattern, origin, sizeof origin);
    const ent_cameo *cm = ent_cameo_find(e->code);
    const char *label = cm ? cm->label : "";
    ent_buf_adds(b, "{\"doc_id\":");
    ent_json_cstr(b, d->id);
    add_field_u32(b, ",\"sent\":", e->sent);
    ent_buf_adds(b, ",\"source\":");
    ent_json_cstr(b, e->source);
    ent_buf_adds(b, ",\"target\":");
    ent_json_cstr(b, e->target);
    ent_buf_adds(b, ",\"code\":");
    ent_json_cstr(b, e->code);
    ent_buf_adds(b, ",\"root\":");
    ent_json_cstr(b, e->root);
    ent_buf_adds(b, ",\"label\":");
    ent_json_cstr(b, label);
    /* Goldstein weights have one decimal: print them without printf */
    int g10 = (int)(e->goldstein * 10.0 + (e->goldstein < 0 ? -0.5 : 0.5));
    ent_buf_adds(b, ",\"goldstein\":");
    if (g10 < 0) ent_buf_addc(b, '-'), g10 = -g10;
    add_u32(b, (uint32_t)(g10 / 10));
    ent_buf_addc(b, '.');
    add_u32(b, (uint32_t)(g10 % 10));
    add_field_u32(b, ",\"quad\":", (uint32_t)e->quad);
    ent_buf_adds(b, ",\"date\":");
    ent_json_cstr(b, date);
    ent_buf_adds(b, e->nominal ? ",\"mode\":\"nominal\"" : ",\"mode\":\"verbal\"");
    add_field_u32(b, ",\"sentence\":{\"start\":", s->start);
    add_field_u32(b, ",\"end\":", s->end);
    ent_buf_adds(b, ",\"text\":");
    ent_json_str(b, d->text + s->start, s->end - s->start);
    add_field_u32(b, "},\"spans\":{\"source\":[", e->src_start);
    add_field_u32(b, ",", e->src_end);
    add_field_u32(b, "],\"target\":[", e->tgt_start);
    add_field_u32(b, ",", e->tgt_end);
    add_field_u32(b, "],\"trigger\":[", e->trig_start);
    add_field_u32(b, ",", e->trig_end);
    ent_buf_adds(b, "]},\"trigger\":");
    ent_json_str(b, d->text + e->trig_start, e->trig_end - e->trig_start);
    ent_buf_adds(b, ",\"entries\":{\"pattern\":");
    ent_json_cstr(b, origin);
    ent_buf_adds(b, ",\"actors\":[");
    for (uint32_t k = 0; k < e->nentries; k++) {
        if (k) ent_buf_addc(b, ',');
        ent_json_cstr(b, ent_dict_entry_origin(dict, e->entries[k], origin, sizeof origin));
    }
    ent_buf_adds(b, "]}}");
}

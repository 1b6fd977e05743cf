/* serve.h: the HTTP server of `entente serve` (the API over the store and the coder, and the
 * dashboard). */
#ifndef ENT_SERVE_H
#define ENT_SERVE_H

#include "entente.h"

/* At most this many rows in one answer of a list endpoint (page with limit and offset). */
#define ENT_SERVE_MAX_ROWS 10000

typedef struct ent_serve_options {
    const char *uri;             /* the store */
    const char *bind;            /* IPv4 address, default 127.0.0.1 */
    unsigned port;               /* 0: any free port (ent_server_port says which) */
    const char *cors;            /* an origin allowed by CORS, or NULL: none */
    unsigned threads;            /* 0: one per core */
    unsigned max_connections;    /* 0: 4096 */
    unsigned timeout;            /* seconds an idle connection is kept; 0: 30 */
    size_t max_body;             /* bytes of a POST body; 0: 1 MiB */
} ent_serve_options;

typedef struct ent_server ent_server;

/* Opens the store once (to fail early), then listens; returns NULL with err filled when the
 * store cannot be opened or the address cannot be bound. The coder and dictionaries must
 * outlive the server. */
ent_server *ent_server_start(const ent_serve_options *o, const ent_coder *coder, const ent_dict *dict,
                             ent_error *err);
unsigned ent_server_port(const ent_server *s);
void ent_server_stop(ent_server *s);

#endif

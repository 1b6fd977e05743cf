/* db.h: the two SQL back ends behind one small interface. SQL is written once, in the dialect
 * both accept, with $1, $2... placeholders; values go in and come out as text (NULL for SQL
 * NULL), so the callers see the same answers from SQLite and PostgreSQL. Statements are
 * prepared once per connection and reused (keyed by their SQL text). */
#ifndef ENT_DB_H
#define ENT_DB_H

#include "entente.h"

typedef struct db db;

/* Opens `uri`: "postgresql://..." or "postgres://..." (libpq), "sqlite:PATH", or a plain
 * PATH (SQLite, created when absent). */
db *db_open(const char *uri, ent_error *err);
void db_close(db *d);
int db_is_pg(const db *d);
const char *db_uri(const db *d);

/* Runs one or more statements without parameters or results. 0 or -1 (err filled). */
int db_exec(db *d, const char *sql, ent_error *err);

/* Called for each row: ncol values as NUL-terminated text, NULL for SQL NULL. Return
 * nonzero to stop. */
typedef int (*db_row_fn)(void *user, int ncol, const char *const *vals);

/* Runs `sql` with n text parameters; calls row() for each result row (row may be NULL).
 * Returns the number of rows seen, or -1 (err filled). */
long db_query(db *d, const char *sql, int n, const char *const *params, db_row_fn row, void *user,
              ent_error *err);

/* The same for a statement run very often (an ingest's inserts): its caller names it by a
 * fixed slot (1 to DB_SLOTS - 1; always the same SQL for a slot), which skips the lookup. */
#define DB_SLOTS 16
long db_query_slot(db *d, int slot, const char *sql, int n, const char *const *params, db_row_fn row,
                   void *user, ent_error *err);

/* Runs a statement with n text parameters and no result rows (INSERT, UPDATE, DELETE), in
 * slot `slot` (0: none); returns the number of rows it changed, or -1 (err filled). */
long db_change(db *d, int slot, const char *sql, int n, const char *const *params, ent_error *err);

/* The same with numbers: columns whose bit is set in `text_cols` come as text (txt[i]),
 * the others as integers (num[i], 0 for NULL), read without going through text in SQLite.
 * For queries that return many rows of counts. */
typedef int (*db_rowi_fn)(void *user, int ncol, const char *const *txt, const int64_t *num);
long db_query_nums(db *d, const char *sql, int n, const char *const *params, unsigned text_cols,
                   db_rowi_fn row, void *user, ent_error *err);

/* Transactions. db_begin takes the write lock at once (SQLite BEGIN IMMEDIATE). */
int db_begin(db *d, ent_error *err);
int db_commit(db *d, ent_error *err);
void db_rollback(db *d);

#endif

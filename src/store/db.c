/* db.c: SQLite and PostgreSQL behind db.h. */
#include "db.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/util.h"

#define DB_MAX_COLS 64

struct db {
    sqlite3 *lite;
    PGconn *pg;
    ent_map stmts;         /* SQL text → sqlite3_stmt* or prepared statement name (pg) */
    ent_arena names;
    unsigned nprepared;
    char *uri;
    long changed;          /* rows changed by the last statement */
    void *slot[DB_SLOTS];  /* the statements of db_query_slot, without lookup */
};

static void fail(ent_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(ent_error *err, const char *fmt, ...)
{
    if (!err) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    err->code = ENT_ERR_FATAL;
    /* libpq messages end with a newline */
    size_t n = strlen(err->message);
    while (n && (err->message[n - 1] == '\n' || err->message[n - 1] == ' ')) err->message[--n] = 0;
}

int ent_store_uri_is_pg(const char *uri)
{
    return !strncmp(uri, "postgresql://", 13) || !strncmp(uri, "postgres://", 11);
}

int ent_store_exists(const char *uri)
{
    return ent_store_uri_is_pg(uri) || access(!strncmp(uri, "sqlite:", 7) ? uri + 7 : uri, F_OK) == 0;
}

int db_is_pg(const db *d) { return d->pg != NULL; }
const char *db_uri(const db *d) { return d->uri; }

/* What SQLite says, with a hint for the two errors users meet. */
static void lite_fail(db *d, ent_error *err, const char *what)
{
    int rc = sqlite3_extended_errcode(d->lite);
    const char *hint = "";
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        hint = " (another process is writing to it; try again when it has finished)";
    else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        hint = " (the file is not an entente store or is damaged)";
    fail(err, "%s: %s: %s%s", d->uri, what, sqlite3_errmsg(d->lite), hint);
}

static void quiet_notice(void *arg, const char *message) { (void)arg; (void)message; }

db *db_open(const char *uri, ent_error *err)
{
    db *d = ent_xcalloc(1, sizeof *d);
    d->uri = ent_xstrndup(uri, strlen(uri));
    if (ent_store_uri_is_pg(uri)) {
        d->pg = PQconnectdb(uri);
        if (!d->pg || PQstatus(d->pg) != CONNECTION_OK) {
            fail(err, "cannot connect to %s: %s", uri, d->pg ? PQerrorMessage(d->pg) : "out of memory");
            db_close(d);
            return NULL;
        }
        PQsetNoticeProcessor(d->pg, quiet_notice, NULL);
        return d;
    }
    const char *path = !strncmp(uri, "sqlite:", 7) ? uri + 7 : uri;
    if (sqlite3_open_v2(path, &d->lite, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fail(err, "cannot open %s: %s", path, d->lite ? sqlite3_errmsg(d->lite) : "out of memory");
        db_close(d);
        return NULL;
    }
    sqlite3_busy_timeout(d->lite, 5000);
    /* WAL: readers never block the writer, and a killed writer leaves the last committed
     * state; NORMAL sync is safe against a process crash in WAL mode. */
    if (db_exec(d, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                   " PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;",
                err) < 0) {
        db_close(d);
        return NULL;
    }
    return d;
}

void db_close(db *d)
{
    if (!d) return;
    if (d->lite) {
        /* the cached statements are the connection's: finalise them all */
        sqlite3_stmt *s;
        while ((s = sqlite3_next_stmt(d->lite, NULL))) sqlite3_finalize(s);
        sqlite3_close(d->lite);
    }
    if (d->pg) PQfinish(d->pg);
    ent_map_free(&d->stmts);
    ent_arena_free(&d->names);
    free(d->uri);
    free(d);
}

int db_exec(db *d, const char *sql, ent_error *err)
{
    if (d->pg) {
        PGresult *r = PQexec(d->pg, sql);
        ExecStatusType st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            fail(err, "%s: %s", d->uri, PQerrorMessage(d->pg));
            PQclear(r);
            return -1;
        }
        PQclear(r);
        return 0;
    }
    char *msg = NULL;
    if (sqlite3_exec(d->lite, sql, NULL, NULL, &msg) != SQLITE_OK) {
        lite_fail(d, err, "cannot run statement");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* SQLite numbers parameters ?N; we write $N for both. */
static char *lite_sql(const char *sql)
{
    char *s = ent_xstrndup(sql, strlen(sql));
    for (char *p = s; *p; p++)
        if (*p == '$' && p[1] >= '0' && p[1] <= '9') *p = '?';
    return s;
}

/* The prepared statement of sql (from its slot, the cache, or prepared now) with the
 * parameters bound; NULL with err filled on failure. */
static sqlite3_stmt *lite_ready(db *d, int slot, const char *sql, int n, const char *const *params,
                                ent_error *err)
{
    sqlite3_stmt *st = slot ? d->slot[slot] : NULL;
    size_t klen = st ? 0 : strlen(sql);
    if (!st) st = ent_map_get(&d->stmts, sql, klen);
    if (!st) {
        char *s = lite_sql(sql);
        int rc = sqlite3_prepare_v2(d->lite, s, -1, &st, NULL);
        free(s);
        if (rc != SQLITE_OK) {
            lite_fail(d, err, "cannot prepare statement");
            return NULL;
        }
        ent_map_put(&d->stmts, sql, klen, st);
    }
    if (slot) d->slot[slot] = st;
    for (int i = 0; i < n; i++) {
        /* SQLITE_STATIC: the values outlive the statement's use (bindings cleared after) */
        int rc = params[i] ? sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC)
                           : sqlite3_bind_null(st, i + 1);
        if (rc != SQLITE_OK) {
            lite_fail(d, err, "cannot bind parameter");
            sqlite3_reset(st);
            return NULL;
        }
    }
    return st;
}

static long lite_query(db *d, int slot, const char *sql, int n, const char *const *params,
                       db_row_fn row, void *user, ent_error *err)
{
    sqlite3_stmt *st = lite_ready(d, slot, sql, n, params, err);
    if (!st) return -1;
    long rows = 0;
    int rc, ncol = sqlite3_column_count(st);
    if (ncol > DB_MAX_COLS) ncol = DB_MAX_COLS;
    const char *vals[DB_MAX_COLS];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows++;
        if (!row) continue;
        for (int i = 0; i < ncol; i++) vals[i] = (const char *)sqlite3_column_text(st, i);
        if (row(user, ncol, vals)) { rc = SQLITE_DONE; break; }
    }
    if (rc != SQLITE_DONE) {
        lite_fail(d, err, "statement failed");
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return -1;
    }
    d->changed = sqlite3_changes(d->lite);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rows;
}

static long pg_query(db *d, int slot, const char *sql, int n, const char *const *params,
                     db_row_fn row, void *user, ent_error *err)
{
    const char *name = slot ? d->slot[slot] : NULL;
    size_t klen = name ? 0 : strlen(sql);
    if (!name) name = ent_map_get(&d->stmts, sql, klen);
    if (!name) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "ent%u", d->nprepared++);
        PGresult *r = PQprepare(d->pg, tmp, sql, 0, NULL);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            fail(err, "%s: cannot prepare statement: %s", d->uri, PQerrorMessage(d->pg));
            PQclear(r);
            return -1;
        }
        PQclear(r);
        name = ent_arena_strndup(&d->names, tmp, strlen(tmp));
        ent_map_put(&d->stmts, sql, klen, (void *)name);
    }
    if (slot) d->slot[slot] = (void *)name;
    if (!PQsendQueryPrepared(d->pg, name, n, params, NULL, NULL, 0)) {
        fail(err, "%s: %s", d->uri, PQerrorMessage(d->pg));
        return -1;
    }
    PQsetSingleRowMode(d->pg);   /* rows stream in: a big answer is never held whole */
    long rows = 0;
    int failed = 0, stop = 0;
    PGresult *r;
    const char *vals[DB_MAX_COLS];
    while ((r = PQgetResult(d->pg))) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE) {
            rows++;
            if (row && !stop && !failed) {
                int ncol = PQnfields(r);
                if (ncol > DB_MAX_COLS) ncol = DB_MAX_COLS;
                for (int i = 0; i < ncol; i++)
                    vals[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
                if (row(user, ncol, vals)) stop = 1;
            }
        } else if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
            const char *ct = PQcmdTuples(r);
            d->changed = ct && *ct ? strtol(ct, NULL, 10) : 0;
        } else if (!failed) {
            fail(err, "%s: %s", d->uri, PQresultErrorMessage(r));
            failed = 1;
        }
        PQclear(r);
    }
    return failed ? -1 : rows;
}

long db_query(db *d, const char *sql, int n, const char *const *params, db_row_fn row, void *user,
              ent_error *err)
{
    return d->pg ? pg_query(d, 0, sql, n, params, row, user, err)
                 : lite_query(d, 0, sql, n, params, row, user, err);
}

typedef struct nums_ctx {
    unsigned text_cols;
    db_rowi_fn row;
    void *user;
} nums_ctx;

/* PostgreSQL gives text: the numbers are parsed here */
static int nums_from_text(void *user, int ncol, const char *const *vals)
{
    nums_ctx *c = user;
    int64_t num[DB_MAX_COLS];
    for (int i = 0; i < ncol; i++)
        num[i] = (c->text_cols >> i & 1) || !vals[i] ? 0 : strtoll(vals[i], NULL, 10);
    return c->row(c->user, ncol, vals, num);
}

long db_query_nums(db *d, const char *sql, int n, const char *const *params, unsigned text_cols,
                   db_rowi_fn row, void *user, ent_error *err)
{
    if (d->pg) {
        nums_ctx c = {text_cols, row, user};
        return pg_query(d, 0, sql, n, params, nums_from_text, &c, err);
    }
    sqlite3_stmt *st = lite_ready(d, 0, sql, n, params, err);
    if (!st) return -1;
    long rows = 0;
    int rc, ncol = sqlite3_column_count(st);
    if (ncol > DB_MAX_COLS) ncol = DB_MAX_COLS;
    const char *txt[DB_MAX_COLS];
    int64_t num[DB_MAX_COLS];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rows++;
        for (int i = 0; i < ncol; i++) {
            if (text_cols >> i & 1) {
                txt[i] = (const char *)sqlite3_column_text(st, i);
                num[i] = 0;
            } else {
                txt[i] = NULL;
                num[i] = sqlite3_column_int64(st, i);
            }
        }
        if (row(user, ncol, txt, num)) { rc = SQLITE_DONE; break; }
    }
    if (rc != SQLITE_DONE) lite_fail(d, err, "statement failed");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? rows : -1;
}

long db_query_slot(db *d, int slot, const char *sql, int n, const char *const *params, db_row_fn row,
                   void *user, ent_error *err)
{
    if (slot <= 0 || slot >= DB_SLOTS) slot = 0;
    return d->pg ? pg_query(d, slot, sql, n, params, row, user, err)
                 : lite_query(d, slot, sql, n, params, row, user, err);
}

long db_change(db *d, int slot, const char *sql, int n, const char *const *params, ent_error *err)
{
    d->changed = 0;
    if (db_query_slot(d, slot, sql, n, params, NULL, NULL, err) < 0) return -1;
    return d->changed;
}

int db_begin(db *d, ent_error *err) { return db_exec(d, d->pg ? "BEGIN" : "BEGIN IMMEDIATE", err); }
int db_commit(db *d, ent_error *err) { return db_exec(d, "COMMIT", err); }
void db_rollback(db *d) { db_exec(d, "ROLLBACK", NULL); }

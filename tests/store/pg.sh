# pg.sh: a throwaway PostgreSQL cluster for the tests, sourced by store_test.sh.
# pg_start: initdb in a temporary directory, a server on 127.0.0.1 and a free port, a
# database "entente"; sets PG_URI (postgresql://...). pg_stop: stops it and removes it all.
# Returns 77 (skip) from pg_start when PostgreSQL's server programs are not installed.

pg_bin() {
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

# Runs a command as the user that owns the cluster (initdb and postgres refuse root).
pg_as() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    PG_BIN=$(pg_bin) || return 77
    PG_DIR=$(mktemp -d /tmp/entente-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
    PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U entente -A trust --locale=C -E UTF8 >"$PG_DIR/initdb.log" 2>&1 ||
        { cat "$PG_DIR/initdb.log" >&2; return 1; }
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null ||
        { cat "$PG_DIR/server.log" >&2; return 1; }
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U entente entente || return 1
    PG_URI="postgresql://entente@127.0.0.1:$PG_PORT/entente"
    export PG_URI PG_DIR PG_BIN PG_PORT
}

# A second, empty database in the same cluster: prints its URI.
pg_newdb() {
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U entente "$1" && echo "postgresql://entente@127.0.0.1:$PG_PORT/$1"
}

pg_stop() {
    [ -n "${PG_DIR:-}" ] || return 0
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
}

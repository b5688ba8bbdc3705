# Sourced by .ci/run: starts a throwaway PostgreSQL server for the tests and exports
# TEST_DATABASE_URL; the server and its folder are removed when the calling shell exits.
# Needs initdb and pg_ctl (Debian's postgresql package, installed here when missing).

find_pg_bin() {
  local dir
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return 0
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

PG_BIN="$(find_pg_bin || true)"
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL is not installed: installing Debian's postgresql package" >&2
  apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >/dev/null
  PG_BIN="$(find_pg_bin)"
fi

PG_TMP="$(mktemp -d /tmp/levels-pg.XXXXXX)"
PG_USER=""
# initdb refuses to run as root: the server runs as an unprivileged system user.
if [ "$(id -u)" = "0" ]; then
  if id postgres >/dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
  chown "$PG_USER" "$PG_TMP"
fi
as_pg_user() {
  if [ -n "$PG_USER" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

stop_postgres() {
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
trap stop_postgres EXIT

PG_PORT="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
as_pg_user "$PG_BIN/initdb" -D "$PG_TMP/data" -U levels --auth=trust -E UTF8 --no-locale >"$PG_TMP/initdb.log" 2>&1 || {
  cat "$PG_TMP/initdb.log" >&2
  exit 1
}
as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off" start >/dev/null || {
  cat "$PG_TMP/server.log" >&2
  exit 1
}
export TEST_DATABASE_URL="postgres://levels@127.0.0.1:$PG_PORT/postgres"
# pg_dump for npm run db:backup's test, from the same installation.
export PATH="$PATH:$PG_BIN"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running for the tests on 127.0.0.1:$PG_PORT" >&2

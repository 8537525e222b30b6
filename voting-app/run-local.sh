#!/usr/bin/env bash
# Runs the voting app as local processes on free loopback ports: no Docker, no cluster.
#
#   run-local.sh up              start redis, db, vote (under debugpy), worker, result; the last two lines
#                                printed are  vote=http://127.0.0.1:PORT  and  result=http://127.0.0.1:PORT
#   run-local.sh down            stop everything `up` started (process trees); exits 0 if nothing runs
#   run-local.sh status          show what runs and where
#   run-local.sh service NAME    run ONE service in the foreground, configured by environment variables
#                                (NAME: redis | db | vote | worker | result; see README.md)
#
# State (pids, logs, data) lives in voting-app/.run-local/ (RUN_LOCAL_STATE overrides it).
# up also reads OPTION_A, OPTION_B and VOTE_APP_DIR (the vote code to run; default voting-app/vote).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$HERE/$(basename "${BASH_SOURCE[0]}")"
STATE_DIR="${RUN_LOCAL_STATE:-$HERE/.run-local}"
PY="${RUN_LOCAL_PYTHON:-/usr/bin/python3}"
WORKER_JAR="$HERE/worker/target/hostk8s-worker.jar"
SERVICES=(redis db vote worker result)

log() { printf '[%s] [RunLocal] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '❌ %s\n' "$*" >&2; exit 1; }

# ----------------------------------------------------------------------------------------- service

pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/postgres" ] && { echo "$dir"; return 0; }
  done
  command -v postgres >/dev/null && { dirname "$(command -v postgres)"; return 0; }
  return 1
}

svc_redis() {
  : "${PORT:?PORT is required}"
  exec redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no
}

svc_db() {
  : "${PORT:?PORT is required}" "${DATA_DIR:?DATA_DIR is required}"
  local user="${POSTGRES_USER:-postgres}" db="${POSTGRES_DB:-votes}" pw="${POSTGRES_PASSWORD:-}" bin
  [[ "$user" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "POSTGRES_USER must be a plain identifier: $user"
  [[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "POSTGRES_DB must be a plain identifier: $db"
  bin="$(pg_bindir)" || die "postgres not found: apt-get install -y postgresql"
  local as_pg=()
  mkdir -p "$DATA_DIR"
  if [ "$(id -u)" = 0 ]; then # postgres refuses to run as root
    chown postgres:postgres "$DATA_DIR"
    # setpriv execs the command as postgres in place (runuser would stay in between as a parent that, on SIGTERM,
    # waits 2 s before killing its child: a sandbox stopped during initdb took 5 s longer to go away)
    as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups --)
    "${as_pg[@]}" test -w "$DATA_DIR" \
      || die "the postgres user cannot write $DATA_DIR: make its parent directories searchable (chmod o+x) or use a DATA_DIR under a directory such as /tmp"
  fi
  chmod 700 "$DATA_DIR"
  cd /
  if [ ! -s "$DATA_DIR/PG_VERSION" ]; then # a fresh dev database: skip the fsyncs of initialisation
    local auth=trust pwargs=() pwfile=""
    if [ -n "$pw" ]; then
      auth=scram-sha-256
      pwfile="$(mktemp)"
      printf '%s\n' "$pw" >"$pwfile"
      [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
      pwargs=(--pwfile="$pwfile")
    fi
    echo "initdb $DATA_DIR (superuser $user, host auth $auth)" >&2
    "${as_pg[@]}" "$bin/initdb" -D "$DATA_DIR" -U "$user" -E UTF8 --auth-local=trust \
      --auth-host="$auth" "${pwargs[@]}" --no-instructions --no-sync >&2 || { rm -f "$pwfile"; exit 1; }
    rm -f "$pwfile"
    if [ "$db" != postgres ]; then
      local out
      out="$(echo "CREATE DATABASE \"$db\";" | "${as_pg[@]}" "$bin/postgres" --single -F -D "$DATA_DIR" postgres 2>&1)"
      if grep -q 'ERROR' <<<"$out"; then die "CREATE DATABASE $db failed: $out"; fi
    fi
  fi
  local pg=("${as_pg[@]}" "$bin/postgres" -D "$DATA_DIR" -p "$PORT" -c listen_addresses=127.0.0.1)
  if [ ${#DATA_DIR} -le 80 ]; then # the socket next to the data (unix socket paths are limited to 107 bytes)
    exec "${pg[@]}" -k "$DATA_DIR"
  fi
  # A long DATA_DIR: the socket goes to a private temp dir, removed when postgres stops (so bash stays its parent).
  PG_SOCK_DIR="$(mktemp -d /tmp/run-local-pg-XXXXXX)"
  trap 'rm -rf "$PG_SOCK_DIR"' EXIT
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_SOCK_DIR"
  "${pg[@]}" -k "$PG_SOCK_DIR" &
  PG_PID=$!
  trap 'kill -INT "$PG_PID" 2>/dev/null || true' INT TERM # fast shutdown, as `down` asks of the db
  local rc=0
  while kill -0 "$PG_PID" 2>/dev/null; do
    wait "$PG_PID" && rc=0 || rc=$?
  done
  exit "$rc"
}

# Debian's python3-debugpy keeps pydevd outside debugpy (dist-packages/_pydevd_bundle, …) and links it into
# debugpy/_vendored/pydevd. debugpy starts Flask's reloader child as `python …/_vendored/pydevd/pydevd.py`; Python
# puts the link's real directory (dist-packages) first on sys.path, so the child imports pydevd from there and
# debugpy's check warns "incompatible copy of pydevd already imported" with ~90 file names, on every start and every
# reload. The cause fixed: safe-path mode (Python 3.11+) drops that sys.path entry and PYTHONPATH puts debugpy's own
# directory first — the same files, imported through debugpy's path. pip's debugpy (the dev image) ships real files
# there; then nothing changes.
debugpy_own_pydevd() {
  local vendored
  vendored="$("$PY" -c 'import os, debugpy; print(os.path.join(os.path.dirname(debugpy.__file__), "_vendored", "pydevd"))' 2>/dev/null)" || return 0
  if [ -L "$vendored/pydevd.py" ]; then
    export PYTHONSAFEPATH=1 PYTHONPATH="$vendored${PYTHONPATH:+:$PYTHONPATH}"
  fi
}

svc_vote() {
  : "${PORT:?PORT is required}"
  local app_dir="${APP_DIR:-$HERE/vote}"
  [ -f "$app_dir/app.py" ] || die "no app.py in APP_DIR=$app_dir"
  cd "$app_dir"
  export FLASK_APP=app PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
  # Debian's python 3.11 uses frozen stdlib modules; the warning about it is noise for app code.
  export PYDEVD_DISABLE_FILE_VALIDATION="${PYDEVD_DISABLE_FILE_VALIDATION:-1}"
  local flask=(-m flask run --host "${BIND_HOST:-127.0.0.1}" --port "$PORT")
  # The reloading server (debugger or RELOAD=1): devserver.py reloads the app in place on save, in one process that
  # keeps the debugger attached (see its docstring); VOTE_RELOADER=werkzeug runs Flask's own reloader instead (a new
  # process per save, ~2 s here). The app's copy of devserver.py is used when it has one (the dev image, the sandbox).
  local dev="$app_dir/devserver.py" serve
  [ -f "$dev" ] || dev="$HERE/vote/devserver.py"
  serve=("$dev" --host "${BIND_HOST:-127.0.0.1}" --port "$PORT" --app-dir "$app_dir")
  if [ "${VOTE_RELOADER:-dev}" = werkzeug ]; then
    # Werkzeug's stat reloader never watches modules under sys.prefix (/usr for Debian's python, /usr/local in the
    # python images), which holds /usr/local/app: name the app's Python files explicitly.
    local extra
    extra="$(find "$app_dir" -name '*.py' -not -path '*/tests/*' -not -path '*/__pycache__/*' | sort | paste -sd: -)"
    serve=("${flask[@]}" --reload --extra-files "$extra")
  fi
  if [ -n "${DEBUGPY_PORT:-}" ]; then
    local wait=()
    [ "${DEBUGPY_WAIT:-0}" = 1 ] && wait=(--wait-for-client)
    debugpy_own_pydevd
    exec "$PY" -m debugpy --listen "127.0.0.1:$DEBUGPY_PORT" "${wait[@]}" "${serve[@]}"
  fi
  if [ "${RELOAD:-0}" = 1 ]; then
    exec "$PY" "${serve[@]}"
  fi
  exec "$PY" "${flask[@]}" --no-reload
}

svc_worker() {
  [ -f "$WORKER_JAR" ] || die "worker jar missing: build it with  mvn -q -B -pl voting-app/worker -am package -DskipTests"
  if [ -n "${JDWP_PORT:-}" ]; then
    export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:$JDWP_PORT"
  fi
  exec java -jar "$WORKER_JAR"
}

svc_result() {
  : "${PORT:?PORT is required}"
  local app_dir="${APP_DIR:-$HERE/result}"
  [ -f "$app_dir/server.js" ] || die "no server.js in APP_DIR=$app_dir"
  [ -d "$app_dir/node_modules" ] || die "result's dependencies are missing: run  (cd $app_dir && npm ci)"
  cd "$app_dir"
  export PORT HOST="${BIND_HOST:-127.0.0.1}"
  local inspect=()
  [ -n "${NODE_INSPECT_PORT:-}" ] && inspect=(--inspect="127.0.0.1:$NODE_INSPECT_PORT")
  if [ "${RELOAD:-0}" = 1 ]; then # restart on .js/.json edits, as the dev image's CMD does
    local nodemon="$app_dir/node_modules/.bin/nodemon"
    [ -x "$nodemon" ] || nodemon="$(command -v nodemon || true)"
    if [ -n "$nodemon" ]; then
      exec "$nodemon" --watch . --ext js,json --ignore public/ --signal SIGTERM ${inspect[@]:+--exec "node ${inspect[*]}"} server.js
    fi
    exec node --watch "${inspect[@]}" server.js
  fi
  exec node "${inspect[@]}" server.js
}

run_service() {
  case "$1" in
    redis | db | vote | worker | result) "svc_$1" ;;
    *) die "unknown service '$1' (redis | db | vote | worker | result)" ;;
  esac
}
# ---------------------------------------------------------------------------------------- processes

free_ports() { # N distinct free loopback ports, space separated
  "$PY" - "$1" <<'PYEOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PYEOF
}

start_time() { # the kernel's start time of PID, to tell it from a later process with the same pid
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  awk '{print $20}' <<<"$stat"
}

pid_running() { # alive and not a zombie
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [ "${stat%% *}" != Z ]
}

record_pid() { printf '%s %s\n' "$2" "$(start_time "$2" || echo 0)" >"$STATE_DIR/pids/$1"; }

service_alive() {
  local file="$STATE_DIR/pids/$1" pid started
  [ -f "$file" ] || return 1
  read -r pid started <"$file"
  [ -n "$pid" ] && [ "$(start_time "$pid" 2>/dev/null)" = "$started" ] && pid_running "$pid"
}

any_running() {
  local name
  for name in "${SERVICES[@]}"; do service_alive "$name" && return 0; done
  return 1
}

descendants() { # all descendants of the given pids
  ps -e -o pid=,ppid= | awk -v roots="$*" '
    { parent[$1] = $2 }
    END {
      n = split(roots, todo, " "); for (i = 1; i <= n; i++) seen[todo[i]] = 1
      changed = 1
      while (changed) { changed = 0
        for (p in parent) if (!(p in seen) && (parent[p] in seen)) { seen[p] = 1; changed = 1; print p } }
    }'
}

debugpy_adapters() { # debugpy's adapter daemonizes (own session): find it by its --port argument
  ps -e -o pid=,args= | awk -v port="$1" '/debugpy\/adapter/ && index($0, " --port " port " ") { print $1 }'
}

stop_all() {
  [ -d "$STATE_DIR/pids" ] || return 0
  local name pid started all=() tree sig debugpy_port=""
  [ -f "$STATE_DIR/ports.env" ] && debugpy_port="$(sed -n 's/^debugpy_port=//p' "$STATE_DIR/ports.env")"
  for name in result worker vote db redis; do
    service_alive "$name" || continue
    read -r pid started <"$STATE_DIR/pids/$name"
    # The tree is taken before signalling, while no child has been re-parented yet.
    tree=("$pid" $(descendants "$pid"))
    [ "$name" = vote ] && [ -n "$debugpy_port" ] && tree+=($(debugpy_adapters "$debugpy_port"))
    all+=("${tree[@]}")
    sig=TERM
    [ "$name" = db ] && sig=INT # postgres: fast shutdown (TERM waits for clients to leave)
    kill -s "$sig" -- "-$pid" 2>/dev/null || true
    kill -s "$sig" "${tree[@]}" 2>/dev/null || true
  done
  if [ ${#all[@]} -gt 0 ]; then
    local deadline=$((SECONDS + 20)) left
    while :; do
      left=()
      for pid in "${all[@]}"; do pid_running "$pid" && left+=("$pid"); done
      [ ${#left[@]} -eq 0 ] && break
      if [ $SECONDS -ge $deadline ]; then
        log "killing what did not stop: ${left[*]}"
        kill -KILL "${left[@]}" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  fi
  rm -f "$STATE_DIR"/pids/*
}

pg_ready() { "$(pg_bindir)/pg_isready" -q -h 127.0.0.1 -p "$1" -t 5; }

redis_answers() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 5 line <&3 && [[ "$line" == +PONG* ]]
  ) 2>/dev/null
}

http_ok() { # PORT PATH: 0 = the status line says 200; 42 = vote's dev server says the app failed to load (its
  # traceback goes to stderr: it will not come up until the code is fixed); 1 = anything else (not yet)
  local response
  response="$(
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    timeout 10 cat <&3
  )" 2>/dev/null || return 1
  [[ "$response" == "HTTP/1."?" 200"* ]] && return 0
  if [[ "$response" == "HTTP/1."?" 500"*"The app failed to load"* ]]; then
    printf '%s\n' "${response#*$'\r\n\r\n'}" >&2 # the body: the traceback
    return 42
  fi
  return 1
}

wait_until() { # TIMEOUT NAME CHECK ARGS...: poll CHECK while NAME's process lives; CHECK's 42 = failed for good
  # (not 2: pg_isready's 'no response')
  local timeout="$1" name="$2"; shift 2
  local deadline=$((SECONDS + timeout)) rc
  until "$@"; do
    rc=$?
    FAILED="$name"
    [ "$rc" -ne 42 ] || { log "$name cannot start: its code failed to load (above)"; exit 1; }
    service_alive "$name" || { log "$name exited"; exit 1; }
    [ $SECONDS -lt $deadline ] || { log "$name not ready after ${timeout}s"; exit 1; }
    sleep 0.2
  done
  log "$name ready"
}

# ---------------------------------------------------------------------------------------------- up

START_OK=0
FAILED=""

on_up_exit() {
  [ "$START_OK" = 1 ] && return 0
  if [ -n "$FAILED" ] && [ -f "$STATE_DIR/logs/$FAILED.log" ]; then
    printf '❌ %s did not come up; last lines of %s:\n' "$FAILED" "$STATE_DIR/logs/$FAILED.log" >&2
    tail -n 40 "$STATE_DIR/logs/$FAILED.log" >&2 || true
  fi
  log "stopping what was started"
  stop_all
}

start_bg() { # NAME VAR=VALUE...
  local name="$1"; shift
  FAILED="$name"
  # setsid: each service leads its own process group, so `down` can signal the whole group.
  env "$@" setsid "$SELF" service "$name" >"$STATE_DIR/logs/$name.log" 2>&1 </dev/null &
  record_pid "$name" "$!"
  log "$name started (pid $!, log $STATE_DIR/logs/$name.log)"
}

preflight() {
  command -v redis-server >/dev/null || die "redis-server not found: apt-get install -y redis-server"
  pg_bindir >/dev/null || die "postgres not found: apt-get install -y postgresql"
  [ -x "$PY" ] || die "$PY not found: apt-get install -y python3-flask python3-redis python3-debugpy"
  "$PY" -c 'import flask, redis, debugpy' 2>/dev/null \
    || die "$PY lacks flask/redis/debugpy: apt-get install -y python3-flask python3-redis python3-debugpy"
  command -v java >/dev/null || die "java not found (Java 17 is needed for the worker)"
  [ -f "$WORKER_JAR" ] || die "worker jar missing: build it with  mvn -q -B -pl voting-app/worker -am package -DskipTests"
  command -v node >/dev/null || die "node not found (Node 20 is needed for result)"
  [ -f "$HERE/result/server.js" ] || die "voting-app/result/server.js is missing"
  [ -d "$HERE/result/node_modules" ] || die "result's dependencies are missing: run  (cd voting-app/result && npm ci)"
}

cmd_up() {
  if any_running; then
    die "already running (see: $SELF status); run: $SELF down"
  fi
  preflight
  trap on_up_exit EXIT
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR/logs" "$STATE_DIR/pids" "$STATE_DIR/data"
  local ports redis_port db_port vote_port debugpy_port jdwp_port result_port
  ports="$(free_ports 6)"
  read -r redis_port db_port vote_port debugpy_port jdwp_port result_port <<<"$ports"
  local options=(OPTION_A="${OPTION_A:-Cats}" OPTION_B="${OPTION_B:-Dogs}")
  local pg=(POSTGRES_USER=postgres POSTGRES_PASSWORD=postgres POSTGRES_DB=votes)
  cat >"$STATE_DIR/ports.env" <<EOF
redis_port=$redis_port
db_port=$db_port
vote_port=$vote_port
debugpy_port=$debugpy_port
jdwp_port=$jdwp_port
result_port=$result_port
EOF
  start_bg redis PORT="$redis_port"
  wait_until 60 redis redis_answers "$redis_port"
  start_bg db PORT="$db_port" DATA_DIR="$STATE_DIR/data/db" "${pg[@]}"
  wait_until 120 db pg_ready "$db_port"
  start_bg vote PORT="$vote_port" APP_DIR="${VOTE_APP_DIR:-$HERE/vote}" REDIS_HOST=127.0.0.1 REDIS_PORT="$redis_port" \
    DEBUGPY_PORT="$debugpy_port" DEBUGPY_WAIT=0 "${options[@]}"
  start_bg worker REDIS_HOST=127.0.0.1 REDIS_PORT="$redis_port" POSTGRES_HOST=127.0.0.1 \
    POSTGRES_PORT="$db_port" "${pg[@]}" JDWP_PORT="$jdwp_port"
  start_bg result PORT="$result_port" APP_DIR="$HERE/result" \
    DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$db_port/votes" "${options[@]}"
  wait_until 90 vote http_ok "$vote_port" /healthz
  wait_until 90 result http_ok "$result_port" /healthz
  FAILED=worker
  service_alive worker || { log "worker exited"; exit 1; }
  START_OK=1
  trap - EXIT
  printf 'redis=127.0.0.1:%s\n' "$redis_port"
  printf 'db=postgres://postgres:postgres@127.0.0.1:%s/votes\n' "$db_port"
  printf 'debugpy=127.0.0.1:%s\n' "$debugpy_port"
  printf 'jdwp=127.0.0.1:%s\n' "$jdwp_port"
  printf 'vote=http://127.0.0.1:%s\n' "$vote_port"
  printf 'result=http://127.0.0.1:%s\n' "$result_port"
}

cmd_status() {
  local name
  for name in "${SERVICES[@]}"; do
    if service_alive "$name"; then
      printf '%-7s running (pid %s)\n' "$name" "$(cut -d' ' -f1 "$STATE_DIR/pids/$name")"
    else
      printf '%-7s stopped\n' "$name"
    fi
  done
  [ -f "$STATE_DIR/ports.env" ] && cat "$STATE_DIR/ports.env"
  return 0
}

usage() {
  sed -n '2,12p' "$SELF" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  up) cmd_up ;;
  down) stop_all; log "stopped" ;;
  status) cmd_status ;;
  service) [ $# -eq 2 ] || usage; run_service "$2" ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# The soak test (not run in CI): holds idle connections and steady echo traffic against our echo
# server, started fresh, for minutes; samples the server's RSS, threads and file descriptors; and
# says whether anything grew. See "The soak test" in benchmarks/README.md for the verdict rule.
#
#   benchmarks/soak.sh [--minutes M] [--idle N] [--active K] [--sample-seconds S]
#
#   --minutes M         how long the traffic runs once every connection is open (default 10)
#   --idle N            connections that only answer the server's Pings (default 10000)
#   --active K          connections echoing 32 B text, every tenth 64 KiB binary (default 100)
#   --sample-seconds S  how often the server is sampled (default 10); a run needs 10 samples
#
# Environment: SERVER_JVM_OPTS (default -Xms1g -Xmx1g -XX:+AlwaysPreTouch: a fixed heap, touched
# at start, so that RSS moves only with native memory; the heap is judged by its live size),
# CLIENT_JVM_OPTS (default -Xmx1g), BENCH_PORT (first port tried, default 19100). The server also
# logs its garbage collections to benchmarks/target/soak/server-gc.log.
# Exit status: 0 when nothing grew and nothing failed, 1 otherwise, 2 on bad usage.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
ECHO_JAR=samples/echo/target/echo.jar
OUT=benchmarks/target/soak
usage="usage: benchmarks/soak.sh [--minutes M] [--idle N] [--active K] [--sample-seconds S]"

minutes=10; idle=10000; active=100; sample=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=${2:?--minutes needs a number}; shift ;;
    --idle) idle=${2:?--idle needs a number}; shift ;;
    --active) active=${2:?--active needs a number}; shift ;;
    --sample-seconds) sample=${2:?--sample-seconds needs a number}; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
case "$idle$active" in *[!0-9]*) echo "$usage" >&2; exit 2 ;; esac

# --- build if needed -------------------------------------------------------------------------
stale() { # true when a jar is missing or older than any source it is built from
  [ ! -f "$JAR" ] || [ ! -f "$ECHO_JAR" ] && return 0
  [ -n "$(find pom.xml runtime/pom.xml runtime/src samples/echo/pom.xml samples/echo/src \
      benchmarks/pom.xml benchmarks/src -newer "$JAR" -print -quit)" ] && return 0
  [ -n "$(find runtime/src samples/echo/src -newer "$ECHO_JAR" -print -quit)" ]
}
if stale; then
  echo "building benchmarks and the echo sample..."
  ./mvnw -B -q -DskipTests -Dfuzz.skip=true -pl benchmarks,samples/echo -am package
fi

# --- limits and pinning ----------------------------------------------------------------------
# Client and server each hold one descriptor per connection, plus the JVM's own.
want_fds=$((idle + active + 1024))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want_fds" ]; then
  hard=$(ulimit -Hn)
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$want_fds" ]; then ulimit -n "$want_fds"; else ulimit -n "$hard"; fi
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want_fds" ]; then
  echo "warning: open files limited to $(ulimit -n), below the $want_fds the soak needs" >&2
fi
cpus=$(nproc)
pin_server=(); pin_client=()
if command -v taskset >/dev/null && [ "$cpus" -ge 2 ]; then
  # As in run.sh: the client gets CPU 0 and the server the rest.
  server_cpus=$([ "$cpus" -eq 2 ] && echo 1 || echo "1-$((cpus - 1))")
  pin_client=(taskset -c 0); pin_server=(taskset -c "$server_cpus")
fi
read -ra server_jvm <<< "${SERVER_JVM_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}"
read -ra client_jvm <<< "${CLIENT_JVM_OPTS:--Xmx1g}"

# --- the server ------------------------------------------------------------------------------
mkdir -p "$OUT"
port=${BENCH_PORT:-19100}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while port_open "$port"; do port=$((port + 1)); done
server_pid=
stop_server() { # stops $server_pid by PID: TERM, then KILL after 10 s
  [ -z "$server_pid" ] && return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
trap stop_server EXIT

"${pin_server[@]}" java "${server_jvm[@]}" -Xlog:gc:file="$OUT/server-gc.log":uptime \
    -jar "$ECHO_JAR" server --port "$port" > "$OUT/server.log" 2>&1 &
server_pid=$!
started=false
for _ in $(seq 1 300); do   # at most 30 s to start
  kill -0 "$server_pid" 2>/dev/null || break
  if port_open "$port"; then started=true; break; fi
  sleep 0.1
done
if ! $started; then
  echo "soak: the echo server did not start on port $port: $(tail -1 "$OUT/server.log")" >&2
  exit 1
fi
echo "echo server: pid $server_pid, port $port, options ${server_jvm[*]}$([ ${#pin_server[@]} -gt 0 ] && echo ", CPU $server_cpus")"

# --- the soak --------------------------------------------------------------------------------
# Bounded: the run itself, plus ten minutes for opening connections and the checks at the end.
limit=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 + 600 }')
status=0
timeout "$limit" "${pin_client[@]}" java "${client_jvm[@]}" -cp "$JAR" io.asyncws.benchmarks.soak.SoakMain \
    --port "$port" --server-pid "$server_pid" --idle "$idle" --active "$active" --minutes "$minutes" \
    --sample-seconds "$sample" || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "soak: the echo server died during the run: $(tail -1 "$OUT/server.log")" >&2
  status=1
fi
stop_server
[ "$status" -eq 124 ] && echo "soak: the client did not finish within $limit s" >&2
echo "logs: $OUT (server.log, server-gc.log)"
exit "$status"

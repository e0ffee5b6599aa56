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
source benchmarks/lib.sh
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
runtime_sources=(pom.xml runtime/pom.xml runtime/src)
if stale "$JAR" "${runtime_sources[@]}" benchmarks/pom.xml benchmarks/src \
    || stale "$ECHO_JAR" "${runtime_sources[@]}" samples/echo/pom.xml samples/echo/src; then
  echo "building benchmarks and the echo sample..."
  ./mvnw -B -q -DskipTests -Dfuzz.skip=true -pl benchmarks,samples/echo -am package
fi

# --- limits and pinning ----------------------------------------------------------------------
# Client and server each hold one descriptor per connection, plus the JVM's own.
raise_fd_limit $((idle + active + 1024)) "the soak"
pin_cpus
read -ra server_jvm <<< "${SERVER_JVM_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}"
read -ra client_jvm <<< "${CLIENT_JVM_OPTS:--Xmx1g}"

# --- the server ------------------------------------------------------------------------------
mkdir -p "$OUT"
port=${BENCH_PORT:-19100}
while port_open "$port"; do port=$((port + 1)); done
server_pid=
trap stop_server EXIT

"${pin_server[@]}" java "${server_jvm[@]}" -Xlog:gc:file="$OUT/server-gc.log":uptime \
    -jar "$ECHO_JAR" server --port "$port" > "$OUT/server.log" 2>&1 &
server_pid=$!
if ! await_server "$OUT/server.log"; then
  echo "soak: the echo server did not start: $why" >&2
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

#!/usr/bin/env bash
# Runs every benchmark cell against every server in benchmarks/servers.conf, over several passes,
# prints one table (ratios against Netty, spread across passes) and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh [--quick] [--passes N]
#
#   --quick     tiny durations and 200 idle connections: proves the harness works, measures nothing
#   --passes N  passes over all cells and servers (default 2; the spread needs at least 2)
#
# Environment: SERVER_JVM_OPTS (default -Xmx1g), CLIENT_JVM_OPTS (default -Xmx1g),
# BENCH_PORT (first port tried, default 19100).
set -euo pipefail

cd "$(dirname "$0")/.."
source benchmarks/lib.sh
ROOT=$(pwd)
JAR=benchmarks/target/benchmarks.jar
ECHO_JAR=samples/echo/target/echo.jar
OUT=benchmarks/target/run
RESULTS_MD=benchmarks/RESULTS.md

quick=false
passes=2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --passes) passes=${2:?--passes needs a number}; shift ;;
    *) echo "usage: benchmarks/run.sh [--quick] [--passes N]" >&2; exit 2 ;;
  esac
  shift
done

if $quick; then warmup=0.3; duration=0.7; idle=200; else warmup=5; duration=10; idle=10000; fi

# The cells: name | load program arguments (see LoadMain). Adding a cell is adding a line.
CELLS=(
  "1 conn 32 B w1|echo --connections 1 --size 32 --window 1"
  "1 conn 32 B w64|echo --connections 1 --size 32 --window 64"
  "100 conns 32 B w16|echo --connections 100 --size 32 --window 16"
  "10 conns 64 KiB bin w4|echo --connections 10 --size 65536 --window 4 --binary"
  "$idle idle conns|connections --connections $idle"
)

# --- build if needed -------------------------------------------------------------------------
GENERATED_JAR=samples/echo-generated/target/echo-generated.jar
runtime_sources=(pom.xml runtime/pom.xml runtime/src)
generator_sources=(generator/pom.xml generator/src)
if stale "$JAR" "${runtime_sources[@]}" "${generator_sources[@]}" benchmarks/pom.xml benchmarks/src \
    || stale "$ECHO_JAR" "${runtime_sources[@]}" samples/echo/pom.xml samples/echo/src \
    || stale "$GENERATED_JAR" "${runtime_sources[@]}" "${generator_sources[@]}" maven-plugin/pom.xml \
        maven-plugin/src samples/echo-generated/pom.xml samples/echo-generated/src; then
  echo "building benchmarks, the echo sample and the generated echo sample..."
  ./mvnw -B -q -DskipTests -pl benchmarks,samples/echo,samples/echo-generated -am package
fi

# --- limits and pinning ----------------------------------------------------------------------
raise_fd_limit $((idle + 1024)) "the idle cell"
pin_cpus
read -ra server_jvm <<< "${SERVER_JVM_OPTS:--Xmx1g}"
read -ra client_jvm <<< "${CLIENT_JVM_OPTS:--Xmx1g}"

# --- servers ---------------------------------------------------------------------------------
trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; echo "${s%"${s##*[![:space:]]}"}"; }
NAMES=(); NEEDS=(); COMMANDS=(); LOAD_ARGS=()
while IFS='|' read -r name needs command load; do
  name=$(trim "$name")
  case "$name" in ''|'#'*) continue ;; esac
  NAMES+=("$name"); NEEDS+=("$(trim "$needs")"); COMMANDS+=("$(trim "$command")"); LOAD_ARGS+=("$(trim "$load")")
done < benchmarks/servers.conf

port=$((${BENCH_PORT:-19100} - 1))   # start_server moves on by one first
server_pid=

start_server() { # $1 index into NAMES, $2 log file; sets server_pid and port, or why on failure
  port=$((port + 1))   # a fresh port each time: no TIME_WAIT leftovers from the last server
  while port_open "$port"; do port=$((port + 1)); done
  local cmd=${COMMANDS[$1]//\{port\}/$port}
  local words; read -ra words <<< "${cmd//\{java\}/java}"
  # {java} becomes java followed by the shared server options.
  [ "${words[0]}" = java ] && words=(java "${server_jvm[@]}" "${words[@]:1}")
  "${pin_server[@]}" "${words[@]}" > "$2" 2>&1 &
  server_pid=$!
  await_server "$2"
}
trap stop_server EXIT

# --- run -------------------------------------------------------------------------------------
mkdir -p "$OUT"
tsv=$OUT/results.tsv
: > "$tsv"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
skipped=()
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
for pass in $(seq 1 "$passes"); do
  for i in "${!NAMES[@]}"; do
    name=${NAMES[$i]}
    if [ ! -f "${NEEDS[$i]}" ]; then
      echo "pass $pass: $name skipped: ${NEEDS[$i]} is not built"
      if [ "$pass" -eq 1 ]; then skipped+=("$name (${NEEDS[$i]} not built)"); fi
      continue
    fi
    for cell in "${CELLS[@]}"; do
      cell_name=${cell%%|*}; read -ra load_args <<< "${cell#*|} ${LOAD_ARGS[$i]}"
      log=$OUT/pass$pass-$name-${cell_name// /_}
      if ! start_server "$i" "$log.server.log"; then
        printf '%s\t%s\t%s\tFAILED\t%s\n' "$pass" "$cell_name" "$name" "$why" >> "$tsv"
        echo "pass $pass: $name | $cell_name: FAILED: $why"; stop_server; continue
      fi
      extra=(--port "$port")
      if [ "${load_args[0]}" = echo ]; then extra+=(--warmup "$warmup" --duration "$duration")
      else extra+=(--server-pid "$server_pid"); fi
      status=0
      timeout 600 "${pin_client[@]}" java "${client_jvm[@]}" -cp "$JAR" io.asyncws.benchmarks.load.LoadMain \
        "${load_args[@]}" "${extra[@]}" > "$log.out" 2> "$log.err" || status=$?
      stop_server
      result=$(grep '^RESULT ' "$log.out" | head -1 || true)
      if [ -n "$result" ]; then
        printf '%s\t%s\t%s\t%s\n' "$pass" "$cell_name" "$name" "$(echo "${result#RESULT }" | tr ' ' '\t')" >> "$tsv"
      else
        printf '%s\t%s\t%s\tFAILED\t%s\n' "$pass" "$cell_name" "$name" "exit $status: $(tail -1 "$log.err")" >> "$tsv"
      fi
      echo "pass $pass: $name | $cell_name: $(grep -v '^RESULT ' "$log.out" | head -1 || true) (exit $status)"
    done
  done
done

table=$(java -cp "$JAR" io.asyncws.benchmarks.report.ReportMain "$tsv")
echo
echo "$table"

# --- RESULTS.md ------------------------------------------------------------------------------
# The JMH section is run by hand (see benchmarks/README.md) and appended; a load run keeps it.
jmh_section=""
[ -f "$RESULTS_MD" ] && jmh_section=$(sed -n '/^## Codec micro-benchmarks (JMH)/,$p' "$RESULTS_MD")
cpu_model=$(trim "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2-)")
mem_total=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)
jdk=$(java -version 2>&1 | head -2 | tail -1)
if $quick; then
  kind="**Quick smoke run (\`--quick\`)**: ${warmup} s warm-up, ${duration} s per cell, $idle idle connections, on a machine shared with other jobs. It proves the harness works end to end; the numbers are **not a result**."
else
  kind="Full run: ${warmup} s warm-up, ${duration} s per cell, $idle idle connections."
fi
{
  echo "# benchmark results"
  echo
  echo "$kind"
  echo
  echo "- run: $started, $passes passes, command \`benchmarks/run.sh $($quick && echo --quick)\`"
  echo "- machine: $cpus CPUs ($cpu_model), $mem_total memory, Linux $(uname -r), load average at start $load_at_start"
  echo "- JDK: $jdk; server options \`${server_jvm[*]}\`, client options \`${client_jvm[*]}\`"
  if [ ${#pin_client[@]} -gt 0 ]; then
    echo "- pinning: load program on CPU 0, server on CPU $server_cpus (taskset)"
  else
    echo "- pinning: none (taskset missing or a single CPU)"
  fi
  echo "- servers: ${NAMES[*]} (benchmarks/servers.conf); each started fresh for every cell and stopped by PID"
  if [ ${#skipped[@]} -gt 0 ]; then echo "- skipped: ${skipped[*]}"; fi
  echo
  echo "msgs/s, p50/p99/p99.9 and MB/s are means over the passes; spread is ± half the range across"
  echo "passes, relative to the mean; \"vs netty\" is msgs/s (bytes per connection for the idle cell)"
  echo "divided by Netty's: above 1 is faster in the echo cells, below 1 is leaner in the idle cell."
  echo "payload is what the load program sent: the generated server gets JSON messages of its contract"
  echo "(text) in every echo cell, the 64 KiB bulk cell included; \"vs ours\" below compares it with"
  echo "our raw echo on the small-message cells, where the target is 0.8x."
  echo
  echo "$table"
  echo
  echo "<details><summary>raw results, one line per pass, cell and server</summary>"
  echo
  echo '```'
  cat "$tsv"
  echo '```'
  echo
  echo "</details>"
  if [ -n "$jmh_section" ]; then echo; echo "$jmh_section"; fi
} > "$RESULTS_MD"
echo
echo "wrote $RESULTS_MD (logs in $OUT)"

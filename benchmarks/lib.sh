# Shell helpers of run.sh and soak.sh, sourced by both and never run: the load run and the soak
# build, limit, pin, start and stop their servers the same way.

# stale JAR SOURCE...: true when JAR is missing or older than any of its sources.
stale() {
  local jar=$1; shift
  [ ! -f "$jar" ] || [ -n "$(find "$@" -newer "$jar" -print -quit)" ]
}

# raise_fd_limit N WHAT: lifts the open-files limit to N (the hard limit at most); warns when
# WHAT, which needs N, gets fewer.
raise_fd_limit() {
  local want=$1 what=$2 hard
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
    hard=$(ulimit -Hn)
    if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then ulimit -n "$want"; else ulimit -n "$hard"; fi
  fi
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
    echo "warning: open files limited to $(ulimit -n), below the $want $what needs" >&2
  fi
}

# pin_cpus: with taskset and 2 CPUs or more, the client gets CPU 0 and the server the rest, so
# neither steals the other's time. Sets cpus, server_cpus, pin_client and pin_server.
pin_cpus() {
  cpus=$(nproc)
  pin_server=(); pin_client=(); server_cpus=
  if command -v taskset >/dev/null && [ "$cpus" -ge 2 ]; then
    server_cpus=$([ "$cpus" -eq 2 ] && echo 1 || echo "1-$((cpus - 1))")
    pin_client=(taskset -c 0); pin_server=(taskset -c "$server_cpus")
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# await_server LOG: waits up to 30 s for $server_pid to listen on $port; on failure sets why
# (with the last line of LOG when the server exited) and returns 1.
await_server() {
  for _ in $(seq 1 300); do
    kill -0 "$server_pid" 2>/dev/null || { why="server exited at start: $(tail -1 "$1")"; return 1; }
    port_open "$port" && return 0
    sleep 0.1
  done
  why="server did not listen on $port within 30 s"; return 1
}

# stop_server: stops $server_pid by PID: TERM, then KILL after 10 s.
stop_server() {
  [ -z "$server_pid" ] && return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

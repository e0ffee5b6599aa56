#!/usr/bin/env bash
# The echo demo: build asyncws, start the echo sample server, talk to it with an independent
# client (the JDK's java.net.http.WebSocket) and stop the server again.
set -euo pipefail
cd "$(dirname "$0")/../../.."

./mvnw -B -q -DskipTests package
port=${PORT:-8080}
java -jar samples/echo/target/echo.jar server --port "$port" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do   # wait up to 10 s for the port
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done
timeout 60 java samples/echo/demo/EchoDemo.java "ws://127.0.0.1:$port/echo"

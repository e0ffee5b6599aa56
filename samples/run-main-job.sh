#!/usr/bin/env bash
# The main job: build asyncws, generate the market-data sample's code from its AsyncAPI contract
# (asyncws-maven-plugin, in the same build), start the simulated exchange, run the generated
# client against it for a few seconds (it prints every tick), and stop the exchange by PID.
#
#   samples/run-main-job.sh            # 5 seconds of ticks on port 8090
#   SECONDS_TO_RUN=10 PORT=9000 samples/run-main-job.sh
#
# For the browser sample instead: java -jar samples/chat/target/chat.jar --port 8080
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-8090}
seconds=${SECONDS_TO_RUN:-5}
./mvnw -B -q -pl samples/market-data,samples/chat -am package -DskipTests -Dinvoker.skip=true

java -jar samples/market-data/target/market-data.jar exchange --port "$port" --tick-ms 250 &
exchange=$!
trap 'kill "$exchange" 2>/dev/null; wait "$exchange" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do   # wait up to 10 s for the port
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done
timeout $((seconds + 30)) java -jar samples/market-data/target/market-data.jar client \
  --url "ws://127.0.0.1:$port" --pairs XBT/USD,ETH/USD --seconds "$seconds"

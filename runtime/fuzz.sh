#!/usr/bin/env bash
# A longer coverage-guided fuzzing run of the runtime's parsers: ./runtime/fuzz.sh [MINUTES]
# (default 10). Each target is fuzzed in rounds of 10 s (the length the test suite uses); the
# corpus in runtime/.cifuzz-corpus carries over between rounds, so the rounds add up to one run.
# A finding fails the round, is saved under runtime/src/test/resources and stops the script.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
targets=(fuzz-frame-reader fuzz-handshake-request fuzz-handshake-response fuzz-extension-header
  fuzz-deflate-inflater fuzz-deflate-reader)
./mvnw -B -q -pl runtime -am install -DskipTests
deadline=$(( $(date +%s) + minutes * 60 ))
round=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  for target in "${targets[@]}"; do
    JAZZER_FUZZ=1 ./mvnw -B -q -pl runtime "surefire:test@$target" | grep -E '^Done [0-9]+ runs' | sed "s/^/$target: /"
  done
  round=$((round + 1))
done
echo "fuzzed ${#targets[@]} targets for $round rounds without a finding"

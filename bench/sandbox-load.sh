#!/usr/bin/env bash
# Loopback load on the sandbox: starts `sandbox serve` on a free port with a throw-away state dir, polls
# get_task_status from a few keep-alive clients for a bounded time, prints requests/s, then stops the server.
# Usage: bench/sandbox-load.sh [SECONDS=10] [THREADS=4]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
threads=${2:-4}
[ -f target/bkops.jar ] || mvn -o -q -B -DskipTests package
state=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$state"
}
trap cleanup EXIT
java -XX:+UseSerialGC -cp target/bkops.jar bkops.cli.sandbox.SandboxCommand serve --port 0 --state-dir "$state/world" \
  >"$state/serve.log" 2>&1 &
server=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$state/serve.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "sandbox did not start:" >&2; cat "$state/serve.log" >&2; exit 1; }
echo "sandbox on 127.0.0.1:$port; $(nproc) cores; $(java -version 2>&1 | head -1)"
timeout $((seconds + 60)) java bench/SandboxLoad.java "$port" "$seconds" "$threads"

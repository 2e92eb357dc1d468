#!/bin/sh
# Bulk status speed: the status of N tasks (default 200) read by 'bkops task status -' (get_tasks_status, 50 ids a
# request, batches in parallel) against a sequential shell loop of curl doing one get_task_status per task, both
# against 'bkops sandbox serve' adding LATENCY (default 50ms) to every request. Prints both times and the ratio;
# exits 1 when bkops is not at least GOAL (default 15) times faster.
# Usage: bench/bulk-status.sh   (env: N=200 LATENCY=50ms GOAL=15)
set -eu
cd "$(dirname "$0")/.."
N=${N:-200}
LATENCY=${LATENCY:-50ms}
GOAL=${GOAL:-15}

[ -f target/bkops.jar ] || mvn -q -o -B -DskipTests package
work=$(mktemp -d)
serve_pid=
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

bin/bkops sandbox serve --port 0 --state-dir "$work/state" --latency "$LATENCY" >"$work/serve.log" 2>&1 &
serve_pid=$!
i=0
until grep -q '^SOPS gateway:' "$work/serve.log" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 300 ] || ! kill -0 "$serve_pid" 2>/dev/null; then
    echo "bulk-status: the sandbox did not start:" >&2
    cat "$work/serve.log" >&2
    exit 1
  fi
  sleep 0.1
done
sops=$(sed -n 's/^SOPS gateway: *//p' "$work/serve.log")
biz=2
auth='{"bk_app_code":"bkops-sandbox","bk_app_secret":"sandbox-secret-0000","bk_username":"admin"}'
export BKOPS_SOPS_URL="$sops" BKOPS_BIZ=$biz BK_APP_CODE=bkops-sandbox BK_APP_SECRET=sandbox-secret-0000 \
  BK_USERNAME=admin BKOPS_RETRIES=0 XDG_CONFIG_HOME="$work/config"

echo "creating $N tasks on $sops (latency $LATENCY per request)..." >&2
seq 1 "$N" | xargs -P 16 -I{} curl -sf -X POST -H "X-Bkapi-Authorization: $auth" \
  -H 'Content-Type: application/json' -d '{"scope":"cmdb_biz","name":"bench {}"}' \
  "$sops/create_task/1/$biz/" >"$work/created.jsonl"
grep -o '"task_id": *[0-9]*' "$work/created.jsonl" | grep -o '[0-9]*$' >"$work/ids"
count=$(wc -l <"$work/ids")
[ "$count" -eq "$N" ] || { echo "bulk-status: created $count of $N tasks" >&2; exit 1; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

t0=$(now_ms)
bin/bkops task status - <"$work/ids" >"$work/bkops.out"
t1=$(now_ms)
while read -r id; do
  curl -sf -H "X-Bkapi-Authorization: $auth" "$sops/get_task_status/$id/$biz/?scope=cmdb_biz&with_ex_data=true" >/dev/null
done <"$work/ids"
t2=$(now_ms)

lines=$(($(wc -l <"$work/bkops.out") - 1))
[ "$lines" -eq "$N" ] || { echo "bulk-status: bkops printed $lines task lines, expected $N" >&2; exit 1; }
bkops_ms=$((t1 - t0))
curl_ms=$((t2 - t1))
ratio=$(awk -v a="$curl_ms" -v b="$bkops_ms" 'BEGIN { printf "%.1f", a / b }')
echo "tasks:            $N (latency $LATENCY per request)"
echo "bkops task status: ${bkops_ms} ms (one JVM start, get_tasks_status 50 ids a request)"
echo "curl loop:        ${curl_ms} ms ($N get_task_status calls, one after another)"
echo "ratio:            ${ratio}x (goal >= ${GOAL}x)"
echo "machine:          $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v r="$ratio" -v g="$GOAL" 'BEGIN { exit !(r >= g) }' || { echo "bulk-status: below the goal" >&2; exit 1; }

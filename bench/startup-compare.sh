#!/usr/bin/env bash
# Start-up in practice: the same call -- the status of one task printed as a table -- done by bkops, by curl piped
# into jq, and by a short Python script using requests, against one 'bkops sandbox serve'. Medians of N interleaved
# rounds (default 15) in one run on this machine, with bkops's peak memory. Goals (issue 8): bkops <= 0.35 x python,
# <= 4 x curl+jq, peak RSS <= 80 MiB. Usage: bench/startup-compare.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
for tool in curl jq python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "startup-compare: needs $tool" >&2; exit 1; }
done
python3 -c 'import requests' 2>/dev/null || { echo "startup-compare: needs python3 requests (pip install requests)" >&2; exit 1; }
[ -f target/bkops.jar ] || mvn -q -B -DskipTests package

work=$(mktemp -d)
serve_pid=
cleanup() {
  XDG_RUNTIME_DIR=$work/run bin/bkops daemon stop 2>/dev/null || true
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
bin/bkops sandbox serve --port 0 --state-dir "$work/state" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 300); do grep -q '^SOPS gateway:' "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
sops=$(sed -n 's/^SOPS gateway: *//p' "$work/serve.log")
[ -n "$sops" ] || { echo "startup-compare: the sandbox did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
export BKOPS_SOPS_URL=$sops BKOPS_BIZ=2 BK_APP_CODE=bkops-sandbox BK_APP_SECRET=sandbox-secret-0000 BK_USERNAME=admin \
  XDG_CONFIG_HOME=$work/config
auth='{"bk_app_code":"bkops-sandbox","bk_app_secret":"sandbox-secret-0000","bk_username":"admin"}'
task=$(bin/bkops task create --template 9 --name "startup bench" --start -o id)
# The opt-in resident JVM (bkops daemon --help), private to this run; the cold rows do not set BKOPS_DAEMON.
export XDG_RUNTIME_DIR=$work/run
bin/bkops daemon start 2>/dev/null

run_bkops() { bin/bkops task status "$task" >/dev/null; }
run_daemon() { BKOPS_DAEMON=1 bin/bkops task status "$task" >/dev/null; }
# the same jar started without the launcher's options and class-data archive: the state before the start-up work
run_plain() { java -jar target/bkops.jar task status "$task" >/dev/null; }
run_curl() {
  curl -sf -H "X-Bkapi-Authorization: $auth" "$sops/get_task_status/$task/2/?scope=cmdb_biz&with_ex_data=true" |
    jq -r '.data | recurse(.children[]?) | [(.name // .id), .state, (.elapsed_time // 0)] | @tsv' >/dev/null
}
run_python() { python3 bench/status-table.py "$task" >/dev/null; }

ms() { echo $(($(date +%s%N) / 1000000)); }
declare -A times
for variant in bkops daemon plain curl python; do "run_$variant"; done # warm caches
for _ in $(seq "$n"); do
  for variant in bkops daemon plain curl python; do
    t0=$(ms); "run_$variant"; t1=$(ms)
    times[$variant]+="$((t1 - t0)) "
  done
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mem=()
for _ in $(seq 5); do
  /usr/bin/time -o "$work/time" -f "%M" bin/bkops task status "$task" >/dev/null
  mem+=("$(tail -1 "$work/time")")
done
rss=$(printf '%s\n' "${mem[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1024}')
/usr/bin/time -o "$work/time" -f "%M" env BKOPS_DAEMON=1 bin/bkops task status "$task" >/dev/null
client_rss=$(awk '{printf "%.1f", $1/1024}' "$work/time")
daemon_pid=$(bin/bkops daemon status | awk '$1 == "pid" {print $2}')
served=$(bin/bkops daemon status | awk '$1 == "served" {print $2}')
daemon_rss=$(awk '$1 == "VmRSS:" {printf "%.1f", $2/1024}' "/proc/$daemon_pid/status")
b=$(median "${times[bkops]}"); c=$(median "${times[curl]}"); p=$(median "${times[python]}")
j=$(median "${times[plain]}"); d=$(median "${times[daemon]}")
/usr/bin/time -o "$work/time" -f "%M" java -jar target/bkops.jar task status "$task" >/dev/null
plain_rss=$(awk '{printf "%.1f", $1/1024}' "$work/time")
echo "task status of one task as a table; medians of $n interleaved rounds; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %8s\n' "variant" "median"
printf '%-22s %6s ms   peak RSS %s MiB\n' "bkops" "$b" "$rss"
printf '%-22s %6s ms   peak RSS %s MiB (client); daemon resident %s MiB, served %s\n' "bkops, BKOPS_DAEMON=1" "$d" \
  "$client_rss" "$daemon_rss" "$served"
printf '%-22s %6s ms   peak RSS %s MiB\n' "java -jar (no launcher)" "$j" "$plain_rss"
printf '%-22s %6s ms\n' "curl | jq" "$c" "python3 + requests" "$p"
awk -v b="$b" -v c="$c" -v p="$p" -v r="$rss" 'BEGIN {
  printf "bkops / python = %.2f (goal <= 0.35)   bkops / curl+jq = %.2f (goal <= 4)   peak RSS %.1f MiB (goal <= 80)\n", b/p, b/c, r }'
awk -v d="$d" -v c="$c" -v p="$p" -v r="$client_rss" 'BEGIN {
  printf "daemon / python = %.2f (goal <= 0.35)  daemon / curl+jq = %.2f (goal <= 4)  client RSS %.1f MiB (goal <= 80)\n", d/p, d/c, r }'

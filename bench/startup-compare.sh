#!/usr/bin/env bash
# Start-up in practice: the same call -- the status of one task printed as a table -- done by bkops cold on JDK 17
# (class-data archive), cold on JDK 24+ (AOT cache), through the opt-in daemon, by a short Python script using requests,
# and by curl piped into jq, against one 'bkops sandbox serve'. Medians of N interleaved rounds (default 15) in one run,
# so every ratio compares figures taken under the same load (printed with them); peak RSS of each, median of 5 runs.
# Goals (issue 17): cold JDK 17 <= 1.0 x python; daemon <= 0.35 x python and <= 4 x curl+jq.
#
# Usage: bench/startup-compare.sh [N]
#   BKOPS_BENCH_JDK17, BKOPS_BENCH_JDK25  the two JDK homes (default: the JVM that made target/bkops.jsa, else java on
#                                         PATH; the newest JDK 24+ under /usr/lib/jvm). The JDK 25 row gets its AOT
#                                         cache made for target/bkops.jar first when it has none.
#   BKOPS_BENCH_BASELINE                  a checkout of another version, built (its bin/bkops, target/bkops.jar and
#                                         archive): adds its cold JDK 17 and JDK 25 rows, e.g. main before a change.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
for tool in curl jq python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "startup-compare: needs $tool" >&2; exit 1; }
done
python3 -c 'import requests' 2>/dev/null ||
  { echo "startup-compare: needs python3 requests (Debian: apt-get install python3-requests)" >&2; exit 1; }
[ -f target/bkops.jar ] || mvn -q -B -DskipTests package

feature() { # a JDK home's feature release, from its release file (nothing for a directory that is not a JDK)
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}
jdk17=${BKOPS_BENCH_JDK17:-}
if [ -z "$jdk17" ] && [ -f target/bkops.jsa.jvm ]; then read -r jdk17 < target/bkops.jsa.jvm; fi
if [ -z "$jdk17" ]; then jdk17=$(readlink -f "$(command -v java)"); jdk17=${jdk17%/bin/java}; fi
jdk25=${BKOPS_BENCH_JDK25:-}
if [ -z "$jdk25" ]; then
  for home in /usr/lib/jvm/*; do
    f=$(feature "$home"); [ -n "$f" ] && [ "$f" -ge 24 ] && jdk25=$home
  done
fi
[ -n "$jdk25" ] && [ "$(feature "$jdk25")" -ge 24 ] ||
  { echo "startup-compare: no JDK 24+ found; set BKOPS_BENCH_JDK25" >&2; exit 1; }
# The AOT cache belongs to one JVM and one jar: made again when either is not the one it was made for.
if [ ! -f target/bkops.aot.jvm ] || [ "$(cat target/bkops.aot.jvm)" != "$jdk25" ] || [ target/bkops.jar -nt target/bkops.aot ]; then
  JAVA_HOME=$jdk25 BKOPS_MAKE_ARCHIVE=1 bin/bkops >&2
fi
base=${BKOPS_BENCH_BASELINE:-}
if [ -n "$base" ]; then
  [ -x "$base/bin/bkops" ] && [ -f "$base/target/bkops.jar" ] ||
    { echo "startup-compare: $base has no bin/bkops and target/bkops.jar (build it first)" >&2; exit 1; }
  if [ ! -f "$base/target/bkops.aot.jvm" ] || [ "$(cat "$base/target/bkops.aot.jvm")" != "$jdk25" ]; then
    # (a version without BKOPS_MAKE_ARCHIVE just prints its usage here, and runs without a cache)
    JAVA_HOME=$jdk25 BKOPS_MAKE_ARCHIVE=1 "$base/bin/bkops" >/dev/null 2>&1 || true
  fi
fi

work=$(mktemp -d)
serve_pid=
cleanup() {
  XDG_RUNTIME_DIR=$work/run JAVA_HOME=$jdk17 bin/bkops daemon stop >/dev/null 2>&1 || true
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
JAVA_HOME=$jdk17 bin/bkops sandbox serve --port 0 --state-dir "$work/state" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 300); do grep -q '^SOPS gateway:' "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
sops=$(sed -n 's/^SOPS gateway: *//p' "$work/serve.log")
[ -n "$sops" ] || { echo "startup-compare: the sandbox did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
export BKOPS_SOPS_URL=$sops BKOPS_BIZ=2 BK_APP_CODE=bkops-sandbox BK_APP_SECRET=sandbox-secret-0000 BK_USERNAME=admin \
  XDG_CONFIG_HOME=$work/config
unset BKOPS_DAEMON BKOPS_JAVA_OPTS BKOPS_JAR
auth='{"bk_app_code":"bkops-sandbox","bk_app_secret":"sandbox-secret-0000","bk_username":"admin"}'
task=$(JAVA_HOME=$jdk17 bin/bkops task create --template 9 --name "startup bench" --start -o id)
# The opt-in resident JVM (bkops daemon --help), private to this run; the cold rows do not set BKOPS_DAEMON.
export XDG_RUNTIME_DIR=$work/run
JAVA_HOME=$jdk17 bin/bkops daemon start >/dev/null 2>&1

run_cold17() { JAVA_HOME=$jdk17 bin/bkops task status "$task"; }
run_cold25() { JAVA_HOME=$jdk25 bin/bkops task status "$task"; }
run_daemon() { JAVA_HOME=$jdk17 BKOPS_DAEMON=1 bin/bkops task status "$task"; }
run_python() { python3 bench/status-table.py "$task"; }
run_curl() {
  curl -sf -H "X-Bkapi-Authorization: $auth" "$sops/get_task_status/$task/2/?scope=cmdb_biz&with_ex_data=true" |
    jq -r '.data | recurse(.children[]?) | [(.name // .id), .state, (.elapsed_time // 0)] | @tsv'
}
run_base17() { JAVA_HOME=$jdk17 "$base/bin/bkops" task status "$task"; }
run_base25() { JAVA_HOME=$jdk25 "$base/bin/bkops" task status "$task"; }
variants=(cold17 cold25 daemon python curl)
[ -z "$base" ] || variants+=(base17 base25)
declare -A label=([cold17]="bkops cold, JDK $(feature "$jdk17")" [cold25]="bkops cold, JDK $(feature "$jdk25") AOT"
  [daemon]="bkops, BKOPS_DAEMON=1" [python]="python3 + requests" [curl]="curl | jq"
  [base17]="baseline cold, JDK $(feature "$jdk17")" [base25]="baseline cold, JDK $(feature "$jdk25")")

for v in "${variants[@]}"; do "run_$v" >/dev/null || { echo "startup-compare: $v failed" >&2; exit 1; }; done # warm-up
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
ms() { echo $(($(date +%s%N) / 1000000)); }
declare -A times
for _ in $(seq "$n"); do
  for v in "${variants[@]}"; do
    t0=$(ms); "run_$v" >/dev/null; t1=$(ms)
    times[$v]+="$((t1 - t0)) "
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A med rss
for v in "${variants[@]}"; do
  med[$v]=$(median "${times[$v]}")
  peaks=
  for _ in 1 2 3 4 5; do
    /usr/bin/time -o "$work/time" -f "%M" bash -c "$(declare -f "run_$v"); $(declare -p jdk17 jdk25 task sops auth base \
      2>/dev/null); run_$v" >/dev/null
    peaks+="$(tail -1 "$work/time") "
  done
  rss[$v]=$(median "$peaks" | awk '{printf "%.1f", $1 / 1024}')
done
daemon_pid=$(JAVA_HOME=$jdk17 bin/bkops daemon status | awk '$1 == "pid" {print $2}')
daemon_rss=$(awk '$1 == "VmRSS:" {printf "%.1f", $2 / 1024}' "/proc/$daemon_pid/status")
classes() { # classes one cold run loads on JDK 17, and how many of them came from outside the archive
  JAVA_HOME=$jdk17 BKOPS_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes" "$1" task status "$task" >/dev/null
  echo "$(wc -l < "$work/classes") classes loaded, $(grep -vc 'shared objects file' "$work/classes") of them from outside the archive"
}

echo "task status of one task as a table: medians of $n interleaved rounds, peak RSS median of 5 runs"
echo "load average $load_before before, $load_after after; $(nproc) CPUs"
echo "JDK 17 row: $jdk17; JDK 25 row: $jdk25"
for v in "${variants[@]}"; do
  note=
  case $v in
    daemon) note="  (client; the daemon resident: $daemon_rss MiB)" ;;
    curl) note="  (the largest process of the pipeline)" ;;
  esac
  printf '%-28s %6s ms   peak RSS %6s MiB%s\n' "${label[$v]}" "${med[$v]}" "${rss[$v]}" "$note"
done
awk -v c17="${med[cold17]}" -v c25="${med[cold25]}" -v d="${med[daemon]}" -v p="${med[python]}" -v c="${med[curl]}" 'BEGIN {
  printf "cold JDK 17 / python = %.2f (goal <= 1.0)   cold JDK 25 / python = %.2f\n", c17 / p, c25 / p
  printf "daemon / python = %.2f (goal <= 0.35)   daemon / curl+jq = %.2f (goal <= 4)\n", d / p, d / c }'
if [ -n "$base" ]; then
  awk -v b17="${med[base17]}" -v b25="${med[base25]}" -v p="${med[python]}" -v c17="${med[cold17]}" -v c25="${med[cold25]}" 'BEGIN {
    printf "baseline cold JDK 17 / python = %.2f, JDK 25 / python = %.2f; this version saves %d ms (JDK 17), %d ms (JDK 25)\n",
      b17 / p, b25 / p, b17 - c17, b25 - c25 }'
  echo "baseline, JDK 17: $(classes "$base/bin/bkops")"
fi
echo "this version, JDK 17: $(classes bin/bkops)"

#!/usr/bin/env bash
# Start-up baseline: wall time and peak memory (max RSS) of short bkops commands next to `java -version`,
# as medians of N runs (default 9) in one run on this machine. Usage: bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
[ -f target/bkops.jar ] || mvn -q -B -DskipTests package
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export XDG_STATE_HOME=$state XDG_CONFIG_HOME=$state/config

measure() { # label, command...
  local label=$1; shift
  "$@" >/dev/null 2>&1 || true # warm the page cache and the sandbox state
  local times=() mems=()
  for _ in $(seq "$n"); do
    local out
    /usr/bin/time -o "$state/time" -f "%e %M" "$@" >/dev/null 2>/dev/null || true
    out=$(tail -1 "$state/time")
    times+=("$(awk '{printf "%d", $1*1000}' <<<"$out")")
    mems+=("$(awk '{printf "%.1f", $2/1024}' <<<"$out")")
  done
  local mt mm
  mt=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mm=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-45s %8s ms %8s MiB\n' "$label" "$mt" "$mm"
}

echo "median of $n runs; $(java -version 2>&1 | head -1); $(nproc) cores"
printf '%-45s %11s %12s\n' "command" "wall" "peak RSS"
measure "java -version" java -version
measure "bkops --version" bin/bkops --version
measure "bkops -p sandbox template list" bin/bkops -p sandbox template list
measure "bkops -p sandbox template show 9" bin/bkops -p sandbox template show 9

#!/usr/bin/env bash
# Cold start of the embedded default (H2 file database, demo data), heap capped at 256 MiB:
# wall time from launching the JVM to the first answered HTTP request, and the process's
# resident memory and used heap right then. Prints each run and the median of RUNS runs,
# first for a first start (empty ./data: migrations and demo data) and then for a restart.
#   bench/startup.sh            (RUNS=5 by default; measures the README's run command, ./run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
root=$(pwd)
# Build and prepare the class-data archive exactly as the README's run command does.
timeout 300 ./run.sh --server.port="$PORT" --spring.datasource.url=jdbc:h2:mem:warmup >/dev/null 2>&1 &
launcher=$!
until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do sleep 0.2; done
kill "$launcher"; wait "$launcher" 2>/dev/null || true

one_run() { # $1 = working directory; prints "millis rss_mib heap_mib"
  local dir=$1 start end pid rss heap
  start=$(date +%s%N)
  "$root/run.sh" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$dir/qunbei" >"$dir/app.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do
    kill -0 "$pid" 2>/dev/null || { echo "app died, see $dir/app.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ && /total/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); printf "%.0f", v/1024; exit}}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss ${heap:-?}"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for kind in first-start restart; do
  results=()
  shared=$(mktemp -d)
  [ "$kind" = restart ] && one_run "$shared" >/dev/null
  for i in $(seq 1 "$RUNS"); do
    if [ "$kind" = first-start ]; then dir=$(mktemp -d); else dir=$shared; fi
    read -r ms rss heap < <(one_run "$dir")
    echo "$kind run $i: ${ms} ms to first answered request, RSS ${rss} MiB, used heap ${heap} MiB"
    results+=("$ms $rss $heap")
  done
  printf '%s\n' "${results[@]}" | awk '{print $1}' | median | xargs printf "$kind median: %s ms to first answered request, "
  printf '%s\n' "${results[@]}" | awk '{print $2}' | median | xargs printf "RSS %s MiB, "
  printf '%s\n' "${results[@]}" | awk '{print $3}' | median | xargs printf "used heap %s MiB (-Xmx256m)\n"
done

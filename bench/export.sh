#!/usr/bin/env bash
# The registry export at a province's scale, timed on the application alone: the packaged jar with
# its heap capped at 256 MiB, against the 10^6 filings RegistryScaleBenchmark seeds into this
# machine's PostgreSQL (database qunbei_scale; run that benchmark once first). Exports the ~112,000
# DingTalk groups as the cyberspace office RUNS times (5 by default) and prints each run's time and
# size, then the median of the runs after the first (which still compiles the code it runs).
# In RegistryScaleBenchmark the export shares its 256 MiB with the test runner and the seeding
# (~180 MiB live there, ~60 MiB in the application alone): this is the deployment's figure.
#   bench/export.sh            (./mvnw -B -ntp package -DskipTests first)
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/export.jfr,settings=profile bench/export.sh
#                              (a profile of the runs, for jfr print or JDK Mission Control)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18090}
DB=jdbc:postgresql://127.0.0.1:5432/qunbei_scale
[ -f target/qunbei.jar ] || { echo "target/qunbei.jar missing: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d qunbei_scale -qtAc "select 1" >/dev/null \
  || { echo "no qunbei_scale: ./mvnw -Pbench test -Dtest=RegistryScaleBenchmark first" >&2; exit 1; }
log=$(mktemp)
java -Xmx256m ${JAVA_OPTS:-} -jar target/qunbei.jar --server.port="$PORT" \
  --spring.datasource.url="$DB" --spring.datasource.username=postgres --spring.datasource.password= \
  --qunbei.lifecycle.sweep-cron=- --qunbei.delegation.sweep-cron=- --qunbei.audit.retention-cron=- \
  >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; do
  kill -0 "$pid" 2>/dev/null || { echo "the application died, see $log" >&2; exit 1; }
  sleep 0.5
done
# A personal access token, as a school's script would use (at most 20 each: old ones go first).
psql -h 127.0.0.1 -U postgres -d qunbei_scale -qc "delete from access_token where name = 'bench-export'"
token=$(curl -s -u cyberoffice:demo123 -H 'Content-Type: application/json' \
  -d '{"name":"bench-export","days":"1"}' "http://127.0.0.1:$PORT/api/me/tokens" \
  | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
echo "Export GET /api/filings/export?type=DINGTALK as cyberoffice, application alone at -Xmx256m:"
times=()
for i in $(seq 1 "$RUNS"); do
  read -r secs code bytes < <(curl -s -o /dev/null -H "Authorization: Bearer $token" \
    -w '%{time_total} %{http_code} %{size_download}\n' \
    "http://127.0.0.1:$PORT/api/filings/export?type=DINGTALK")
  [ "$code" = 200 ] || { echo "run $i answered $code" >&2; exit 1; }
  printf '  run %d: %.2f s, %s bytes\n' "$i" "$secs" "$bytes"
  [ "$i" -gt 1 ] && times+=("$secs")
done
printf '%s\n' "${times[@]}" | sort -n \
  | awk '{a[NR]=$1} END {printf "  median of runs 2-%d: %.2f s\n", NR+1, (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
grep -q OutOfMemoryError "$log" && { echo "out of memory: see $log" >&2; exit 1; }
jcmd "$pid" GC.heap_info | sed -n 2p | sed 's/^ */  heap after the runs: /'

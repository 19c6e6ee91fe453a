#!/usr/bin/env bash
# Runs Qunbei on the embedded default: an H2 file database under ./data, the demo directory
# and accounts of API.md, on http://localhost:8080. Builds the jar when the sources changed and,
# once per build, a class-data archive (CDS) that roughly halves start-up on a small server.
# Extra arguments go to the application (e.g. --server.port=9090); JAVA_OPTS replaces the
# JVM options (default: heap capped at 256 MiB, the quick-starting C1 compiler only).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
jar=target/qunbei.jar
app="$root/target/app"
port=8080
for arg in "$@"; do
  case "$arg" in --server.port=*) port=${arg#--server.port=} ;; esac
done
say() { printf '\n== %s\n' "$*"; }

if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  say "Building Qunbei with Maven (正在构建): about a minute the first time, on 2 cores…"
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
  touch "$jar" # Maven leaves an up-to-date jar untouched; this build is done either way
fi
opts=${JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1}
if [ ! -f "$app/app.jsa" ] || [ "$jar" -nt "$app/app.jsa" ]; then
  say "Preparing a class-data archive for fast start-up (once per build, ~20 s)…"
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  (cd "$(mktemp -d)" && java $opts -XX:ArchiveClassesAtExit="$app/app.jsa" -Dspring.context.exit=onRefresh \
      -jar "$app/qunbei.jar" --spring.datasource.url=jdbc:h2:mem:cds >/dev/null 2>&1) \
    || echo "(could not prepare the archive; starting without it)"
fi

say "Starting Qunbei on port $port (正在启动, ~5 s)…"
java $opts -XX:SharedArchiveFile="$app/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$app/qunbei.jar" "$@" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 0' INT TERM
# Tomcat takes connections only once the application is ready.
for _ in $(seq 1 180); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    cat <<READY

  Qunbei 群备 is ready:  http://localhost:$port
  Demo accounts, password demo123 (演示账号，密码 demo123):
    applicant    files for 计算机学院 (申请人)        depthead     its head (部门负责人)
    secrecy      保密工作部门                         partyoffice  党政办 (secret-related work)
    cyberoffice  学校网信主管部门 (the registry)      leader       分管领导
    admin        system administrator                 auditor      the audit trail
  Stop with Ctrl-C. Data stays under ./data.

READY
    break
  fi
  sleep 0.5
done
wait "$pid"

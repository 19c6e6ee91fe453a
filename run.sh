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
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building Qunbei…"
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
  touch "$jar" # Maven leaves an up-to-date jar untouched; this build is done either way
fi
opts=${JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1}
if [ ! -f "$app/app.jsa" ] || [ "$jar" -nt "$app/app.jsa" ]; then
  echo "Preparing the class-data archive for fast start-up (once per build)…"
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  (cd "$(mktemp -d)" && java $opts -XX:ArchiveClassesAtExit="$app/app.jsa" -Dspring.context.exit=onRefresh \
      -jar "$app/qunbei.jar" --spring.datasource.url=jdbc:h2:mem:cds >/dev/null 2>&1) \
    || echo "(could not prepare the archive; starting without it)"
fi
exec java $opts -XX:SharedArchiveFile="$app/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -jar "$app/qunbei.jar" "$@"

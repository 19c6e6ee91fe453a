#!/usr/bin/env bash
# What a script pays per API call: HTTP Basic (an adaptive password hash every call) against a
# personal access token (one SHA-256). Needs the app running with its demo accounts (./run.sh).
# Prints the median of 300 sequential warm calls of GET /api/filings?size=5 each way.
set -euo pipefail
BASE=${1:-http://localhost:8080}
TOKEN=$(curl -sf -u applicant:demo123 -H 'Content-Type: application/json' \
  -d '{"name":"auth-cost bench","days":1}' "$BASE/api/me/tokens" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
python3 - "$BASE" "$TOKEN" <<'PY'
import base64, statistics, sys, time, urllib.request
base, token = sys.argv[1], sys.argv[2]
def run(header, n):
    times = []
    for _ in range(n):
        req = urllib.request.Request(base + "/api/filings?size=5", headers={"Authorization": header})
        t = time.perf_counter(); urllib.request.urlopen(req).read(); times.append(time.perf_counter() - t)
    return times
basic = "Basic " + base64.b64encode(b"applicant:demo123").decode()
bearer = "Bearer " + token
run(basic, 100); run(bearer, 100)  # warm-up
b, t = run(basic, 300), run(bearer, 300)
print("median per call: HTTP Basic %.1f ms, access token %.1f ms"
      % (statistics.median(b) * 1000, statistics.median(t) * 1000))
PY

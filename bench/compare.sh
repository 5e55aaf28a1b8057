#!/usr/bin/env bash
# Two builds of heard under the same webhook load, taken in turn, for a change whose effect is
# smaller than the noise between runs of bench/run.sh. Loopback only, every step bounded.
#
#   bash bench/compare.sh OLD_BINARY NEW_BINARY [sqlite|postgres] [ROUNDS]
#
# e.g. build the commit before a change, copy target/release/heard to /tmp/heard-old, build
# the change, then: bash bench/compare.sh /tmp/heard-old target/release/heard postgres 2
#
# Each round starts each build on a fresh database, sends it 3,000 texts of their own for a
# second (what heard builds on first use is built), then measures wrk -t 1 -c 64 for
# BENCH_SECONDS (default 10) with bench/twilio.lua, each request a new signed text. It prints
# requests/s, p50, p99 and the server's own CPU per text (from /proc/PID/stat).
# Needs: wrk, python3, curl; psql and PostgreSQL at BENCH_POSTGRES for postgres (a database
# heard_compare is made and dropped).
set -euo pipefail
cd "$(dirname "$0")/.."

OLD="$(realpath "${1:?old binary}")"
NEW="$(realpath "${2:?new binary}")"
BACKEND="${3:-sqlite}"
ROUNDS="${4:-2}"
SECS="${BENCH_SECONDS:-10}"
PG="${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}"
WARM=3000
# Enough for the fastest server seen so far for the whole run, with room to spare.
REQUESTS=$(( 40000 * SECS + WARM ))

# TOKEN, PUBLIC_URL, wait_up, cpu_ticks, wrk_figures, run_heard
source bench/lib.sh

case "$BACKEND" in sqlite|postgres) ;; *) echo "compare: backend is sqlite or postgres" >&2; exit 2 ;; esac
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "compare: $tool is missing" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ "$BACKEND" == postgres ]] && psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_compare WITH (FORCE)' >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/twilio_requests.py "$REQUESTS" "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" >"$work/all.tsv"
head -n "$WARM" "$work/all.tsv" >"$work/warm.tsv"
tail -n +"$(( WARM + 1 ))" "$work/all.tsv" >"$work/load.tsv"

measure() { # label binary
  local dir="$work/$1" url t0 t1 rps p50 p99 n bad
  if [[ "$BACKEND" == postgres ]]; then
    psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_compare WITH (FORCE)' -c 'CREATE DATABASE heard_compare' >/dev/null 2>&1
    url="$PG/heard_compare"
  else
    url="sqlite://$dir/heard.db"
  fi
  run_heard "$2" "$dir" "$url"
  wrk -t 1 -c 16 -d 1s -s bench/twilio.lua "http://$HEARD_ADDR" -- "$work/warm.tsv" 1 >/dev/null 2>&1
  t0="$(cpu_ticks "$HEARD_PID")"
  wrk -t 1 -c 64 -d "${SECS}s" --latency --timeout 10s -s bench/twilio.lua \
    "http://$HEARD_ADDR" -- "$work/load.tsv" 1 >"$dir/wrk.txt" 2>&1
  t1="$(cpu_ticks "$HEARD_PID")"
  kill "$HEARD_PID"; wait "$HEARD_PID" 2>/dev/null || true
  if grep -q 'wrapped=1' "$dir/wrk.txt"; then
    echo "compare: $1 ran out of distinct texts; lower BENCH_SECONDS" >&2; exit 1
  fi
  read -r rps p50 p99 n bad _ < <(wrk_figures "$dir/wrk.txt")
  awk -v label="$1" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v n="$n" -v bad="$bad" \
    -v ticks="$(( t1 - t0 ))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "| %s | %.0f | %s | %s | %.0f | %d |\n", label, rps, p50, p99, ticks * 1e6 / hz / n, bad }'
}

echo "heard on $BACKEND, wrk -t 1 -c 64 -d ${SECS}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| build | requests/s | p50 ms | p99 ms | CPU µs a text | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  measure "old, round $round" "$OLD"
  measure "new, round $round" "$NEW"
done

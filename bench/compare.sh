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
TOKEN=12345678901234567890abcdefabcdef
PUBLIC_URL=https://heard.example.org
WARM=3000
# Enough for the fastest server seen so far for the whole run, with room to spare.
REQUESTS=$(( 40000 * SECS + WARM ))

case "$BACKEND" in sqlite|postgres) ;; *) echo "compare: backend is sqlite or postgres" >&2; exit 2 ;; esac
for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "compare: $tool is missing" >&2; exit 2; }
done

work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  [[ "$BACKEND" == postgres ]] && psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_compare WITH (FORCE)' >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/twilio_requests.py "$REQUESTS" "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" >"$work/all.tsv"
head -n "$WARM" "$work/all.tsv" >"$work/warm.tsv"
tail -n +"$(( WARM + 1 ))" "$work/all.tsv" >"$work/load.tsv"

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() { # label binary
  local dir="$work/$1" port url t0 t1 n
  rm -rf "$dir"; mkdir -p "$dir"; : >"$dir/empty.toml"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  if [[ "$BACKEND" == postgres ]]; then
    psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_compare WITH (FORCE)' -c 'CREATE DATABASE heard_compare' >/dev/null 2>&1
    url="$PG/heard_compare"
  else
    url="sqlite://$dir/heard.db"
  fi
  (cd "$dir" && exec env -i PATH="$PATH" HOME="$dir" HEARD_CONFIG="$dir/empty.toml" \
    HEARD_BIND="127.0.0.1:$port" HEARD_PUBLIC_URL="$PUBLIC_URL" HEARD_DATABASE_URL="$url" \
    HEARD_SECRET=bench-secret-bench-secret-bench-secret HEARD_TWILIO_AUTH_TOKEN="$TOKEN" \
    HEARD_PAGE_REQUESTS_PER_MINUTE=1000000 HEARD_LOG_FORMAT=json \
    "$2" serve >"$dir/heard.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    sleep 0.1
  done
  wrk -t 1 -c 16 -d 1s -s bench/twilio.lua "http://127.0.0.1:$port" -- "$work/warm.tsv" 1 >/dev/null 2>&1
  t0="$(ticks "$pid")"
  wrk -t 1 -c 64 -d "${SECS}s" --latency --timeout 10s -s bench/twilio.lua \
    "http://127.0.0.1:$port" -- "$work/load.tsv" 1 >"$dir/wrk.txt" 2>&1
  t1="$(ticks "$pid")"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  if grep -q 'wrapped=1' "$dir/wrk.txt"; then
    echo "compare: $1 ran out of distinct texts; lower BENCH_SECONDS" >&2; exit 1
  fi
  n="$(awk '/requests in/ {print $1}' "$dir/wrk.txt")"
  awk -v label="$1" -v n="$n" -v ticks="$(( t1 - t0 ))" -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { printf "| %s | %.0f | %.2f | %.2f | %.0f | %d |\n", label, rps, p50, p99, ticks * 1e6 / hz / n, bad }' "$dir/wrk.txt"
}

echo "heard on $BACKEND, wrk -t 1 -c 64 -d ${SECS}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| build | requests/s | p50 ms | p99 ms | CPU µs a text | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  measure "old, round $round" "$OLD"
  measure "new, round $round" "$NEW"
done

#!/usr/bin/env bash
# Where heard's instructions go for a signed Twilio webhook on SQLite, counted by valgrind's
# callgrind rather than timed: the same binary and load give nearly the same count however
# busy or slow the machine is, so a change too small for bench/compare.sh's noise shows here.
# Loopback only, every step bounded.
#
#   bash bench/callgrind.sh [BINARY] [SECONDS]
#
# BINARY defaults to target/release/heard (build it first: cargo build --release). heard runs
# under callgrind with counting off while it starts and takes 2,000 texts of its own (what it
# builds on first use is built); then counting is turned on for SECONDS (default 20) of
# wrk -c 16, each request a new signed text. Prints the instructions per text of each thread
# (the tokio workers, SQLite's writer, syncer and checkpointer) and the functions that cost
# most, with the callgrind files kept for callgrind_annotate.
#
# Callgrind cannot count the kernel's work (system calls, page cache), which is about half
# of heard's CPU a text; and it runs SHA-1 and SHA-256 without the CPU's SHA instructions,
# so the signature and pseudonyms count several times what they cost on the real machine.
# Needs: valgrind (with callgrind_control), wrk, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="$(realpath "${1:-target/release/heard}")"
SECS="${2:-20}"
for tool in valgrind callgrind_control callgrind_annotate wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "callgrind: $tool is missing" >&2; exit 2; }
done

# TOKEN, PUBLIC_URL, free_port
source bench/lib.sh

work="$(mktemp -d)"
out="${CALLGRIND_OUT:-$work/out}"
mkdir -p "$(dirname "$out")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work/d"
}
trap cleanup EXIT

python3 bench/twilio_requests.py 2000 "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" 100000000 >"$work/warm.tsv"
python3 bench/twilio_requests.py $(( 2000 * SECS )) "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" >"$work/load.tsv"

port="$(free_port)"
mkdir -p "$work/d"
: > "$work/d/empty.toml"
(cd "$work/d" && exec env -i PATH="$PATH" HOME="$work/d" HEARD_CONFIG="$work/d/empty.toml" \
  HEARD_BIND="127.0.0.1:$port" HEARD_PUBLIC_URL="$PUBLIC_URL" \
  HEARD_DATABASE_URL="sqlite://$work/d/heard.db" \
  HEARD_SECRET=bench-secret-bench-secret-bench-secret HEARD_TWILIO_AUTH_TOKEN="$TOKEN" \
  HEARD_PAGE_REQUESTS_PER_MINUTE=1000000 HEARD_LOG_FORMAT=json \
  valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes --dump-instr=no \
    --callgrind-out-file="$out" "$BIN" serve >"$work/d/heard.log" 2>&1) &
pids+=("$!")
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "callgrind: heard did not start" >&2; exit 1; }

# Under callgrind heard runs some 50 times slower, so the warm-up texts get a long time.
wrk -t 1 -c 16 -d 30s --timeout 30s -s bench/twilio.lua "http://127.0.0.1:$port" -- "$work/warm.tsv" 1 >/dev/null 2>&1
valgrind_pid="$(pgrep -f -- "--callgrind-out-file=$out" | head -n 1)"
callgrind_control -i on "$valgrind_pid" >/dev/null 2>&1
wrk -t 1 -c 16 -d "${SECS}s" --timeout 30s -s bench/twilio.lua \
  "http://127.0.0.1:$port" -- "$work/load.tsv" 1 >"$work/wrk.txt" 2>&1
callgrind_control -d "$valgrind_pid" >/dev/null 2>&1
if grep -q 'wrapped=1' "$work/wrk.txt"; then
  echo "callgrind: ran out of distinct texts" >&2; exit 1
fi
texts="$(awk '/requests in/ { print $1 }' "$work/wrk.txt")"
if grep -q 'Non-2xx' "$work/wrk.txt"; then
  echo "callgrind: some webhooks were refused" >&2; grep 'Non-2xx' "$work/wrk.txt" >&2; exit 1
fi

echo "heard on SQLite under callgrind: $texts texts in ${SECS}s, wrk -c 16, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| thread | instructions a text |"
echo "|---|---:|"
# The threads' names are not in the files: each is known by what it runs.
declare -A per_thread biggest biggest_file
for file in "$out".*-*; do
  total="$(callgrind_annotate "$file" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')"
  [[ -z "$total" || "$total" -lt $(( texts * 100 )) ]] && continue
  # grep -c, not grep -q: it reads to the end, so no pipe closes early under pipefail.
  has() { [[ "$(callgrind_annotate --inclusive=yes "$file" 2>/dev/null | grep -c -- "$1")" -gt 0 ]]; }
  if has 'direct::serve'; then name="SQLite writer"
  elif has 'direct::sync'; then name="SQLite syncer"
  elif has 'direct::checkpoint'; then name="SQLite checkpointer"
  elif has 'hyper::proto::h1'; then name="tokio workers"
  else name="other"; fi
  per_thread[$name]=$(( ${per_thread[$name]:-0} + total ))
  if (( total > ${biggest[$name]:-0} )); then biggest[$name]=$total; biggest_file[$name]=$file; fi
done
grand=0
for name in "tokio workers" "SQLite writer" "SQLite syncer" "SQLite checkpointer" "other"; do
  [[ -n "${per_thread[$name]:-}" ]] || continue
  grand=$(( grand + per_thread[$name] ))
  printf '| %s | %s |\n' "$name" "$(( per_thread[$name] / texts ))"
done
printf '| all | %s |\n' "$(( grand / texts ))"
# One file at a time: callgrind_annotate reads one profile (more names are source files).
for name in "tokio workers" "SQLite writer"; do
  [[ -n "${biggest_file[$name]:-}" ]] || continue
  echo
  echo "Most instructions on the busiest of the $name (self cost, share of that thread):"
  callgrind_annotate --threshold=90 "${biggest_file[$name]}" 2>/dev/null |
    awk '/file:function/ { on = 1; getline; next } on && NF && shown < 15 { print; shown++ }' |
    sed 's/ *\[[^]]*\]$//'
done
echo
echo "callgrind files: $out.*  (callgrind_annotate --inclusive=yes FILE)"

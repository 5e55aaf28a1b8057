#!/usr/bin/env bash
# heard's benchmarks, each measured against a reference in the same run so the ratio holds on
# a noisy machine. Loopback only (127.0.0.1), every step bounded in time.
#
#   bash bench/run.sh                 # everything; results to stdout and bench/last-run.md
#   BENCH_SECONDS=5 bash bench/run.sh # shorter load runs (default 15 s each)
#
# What it measures (see BENCHMARKS.md for what the figures mean):
#   1. signed Twilio webhooks, each a new message id, on SQLite and on PostgreSQL, against a
#      bare axum handler answering 200 (bench/ceiling.rs): requests/s, p50, p99;
#   2. the question page: requests/s, p99 (bytes on the wire: bench/page_weight.sh);
#   3. GET /api/coverage/{slug} for a consultation with 1,000,000 submissions, against
#      /healthz on the same server;
#   4. resident memory of heard idle and under load, against the bare axum process.
#
# Needs: wrk (Debian), sqlite3, psql, python3, curl. PostgreSQL at BENCH_POSTGRES
# (default postgres://postgres@127.0.0.1:5432); a database heard_bench is made and dropped.
# The load generator gets one core (wrk -t 1) and the server the other.
set -euo pipefail
cd "$(dirname "$0")/.."

SECS="${BENCH_SECONDS:-15}"
CONNS="${BENCH_CONNECTIONS:-64}"
REQUESTS="${BENCH_REQUESTS:-400000}"
SUBMISSIONS="${BENCH_SUBMISSIONS:-1000000}"
PG="${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}"
OUT="${BENCH_OUT:-bench/last-run.md}"
SLUG=four-cornerstones
# TOKEN, PUBLIC_URL, free_port, wait_up, cpu_ticks, wrk_figures, run_heard
source bench/lib.sh

for tool in wrk sqlite3 psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk sqlite3 postgresql-client curl)" >&2; exit 2; }
done

work="$(mktemp -d)"; [[ -n "${BENCH_KEEP:-}" ]] && echo "bench: keeping $work" >&2
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_bench WITH (FORCE)' >/dev/null 2>&1 || true
  [[ -n "${BENCH_KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

log() { printf '\n## %s\n' "$*" >&2; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

HEARD=target/release/heard
CEILING=target/release/examples/bench_ceiling

log "building (release)"
cargo build --release --quiet --bin heard --example bench_ceiling

# heard with a database of its own. Sets HEARD_PID and HEARD_ADDR.
start_heard() { # name database_url
  run_heard "$PWD/$HEARD" "$work/$1" "$2"
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

disk_bytes() { awk '/^write_bytes/ {print $2}' "/proc/$1/io"; }
per_request() { awk -v d="$1" -v n="$2" 'BEGIN { if (n == 0) print "n/a"; else printf "%.1f", d / n }'; }

# Load with the webhook file while sampling the server's memory. Sets PEAK_KB, and CPU_TICKS
# and DISK_BYTES (what the server spent over the run: CPU in clock ticks, bytes written).
load_webhooks() { # pid addr report
  local peak=0 r ticks0 disk0
  ticks0="$(cpu_ticks "$1")"; disk0="$(disk_bytes "$1")"
  wrk -t 1 -c "$CONNS" -d "${SECS}s" --latency --timeout 10s -s bench/twilio.lua \
    "http://$2" -- "$work/requests.tsv" 1 >"$3" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    r="$(rss_kb "$1" || echo 0)"; (( r > peak )) && peak=$r
    sleep 0.5
  done
  wait "$wrk_pid"
  PEAK_KB=$peak
  CPU_TICKS=$(( $(cpu_ticks "$1") - ticks0 ))
  DISK_BYTES=$(( $(disk_bytes "$1") - disk0 ))
}
# Microseconds of server CPU per request, from ticks and a request count.
cpu_us() { per_request "$(( $1 * 1000000 / $(getconf CLK_TCK) ))" "$2"; }

log "signed Twilio webhooks: $REQUESTS distinct messages"
python3 bench/twilio_requests.py "$REQUESTS" "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" >"$work/requests.tsv"
# A few more, with ids of their own, sent one by one before each measured run: what heard
# builds on first use (the safeguarding patterns) is then built, as on a server in service.
WARM=20
python3 bench/twilio_requests.py "$WARM" "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" 100000000 >"$work/warm.tsv"
warm_up() { # addr
  local signature body
  while IFS=$'\t' read -r signature body; do
    curl -fsS -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded' \
      -H "X-Twilio-Signature: $signature" --data "$body" "http://$1/webhooks/sms/twilio"
  done <"$work/warm.tsv"
}
# Then a few seconds of other texts under the same load, unmeasured, so the measured run
# starts where a server in service is: SQLite's log already grown to its bound rather than
# growing inside the measured seconds, and PostgreSQL's tables and caches warm.
SETTLE_SECS="${BENCH_SETTLE_SECONDS:-3}"
python3 bench/twilio_requests.py "$(( SETTLE_SECS * 30000 ))" "$PUBLIC_URL/webhooks/sms/twilio" "$TOKEN" 200000000 >"$work/settle.tsv"
settle() { # addr
  wrk -t 1 -c "$CONNS" -d "${SETTLE_SECS}s" --timeout 10s -s bench/twilio.lua \
    "http://$1" -- "$work/settle.tsv" 1 >/dev/null 2>&1
}

log "ceiling: bare axum handler"
port="$(free_port)"
"$CEILING" "127.0.0.1:$port" >/dev/null &
CEILING_PID=$!; pids+=("$CEILING_PID")
wait_up "http://127.0.0.1:$port/"
CEILING_IDLE_KB="$(rss_kb "$CEILING_PID")"
load_webhooks "$CEILING_PID" "127.0.0.1:$port" "$work/wrk-ceiling.txt"
read -r C_RPS C_P50 C_P99 C_N C_BAD C_ERR < <(wrk_figures "$work/wrk-ceiling.txt")
C_CPU="$(cpu_us "$CPU_TICKS" "$C_N")" C_DISK="$(per_request "$DISK_BYTES" "$C_N")"
wrk -t 1 -c "$CONNS" -d "${SECS}s" --latency "http://127.0.0.1:$port/" >"$work/wrk-ceiling-get.txt" 2>&1
read -r CG_RPS CG_P50 CG_P99 _ _ _ < <(wrk_figures "$work/wrk-ceiling-get.txt")
stop "$CEILING_PID"

stored_sqlite() { sqlite3 "${1#sqlite://}" 'SELECT COUNT(*) FROM sms_inbound'; }
stored_pg() { psql -qAt "$PG/heard_bench" -c 'SELECT COUNT(*) FROM sms_inbound'; }

webhook_run() { # name database_url counter
  start_heard "$1" "$2"
  IDLE_KB="$(rss_kb "$HEARD_PID")"
  warm_up "$HEARD_ADDR"
  WARM_KB="$(rss_kb "$HEARD_PID")"
  settle "$HEARD_ADDR"
  local before
  before="$($3 "$2")"
  load_webhooks "$HEARD_PID" "$HEARD_ADDR" "$work/wrk-$1.txt"
  read -r RPS P50 P99 N BAD ERR < <(wrk_figures "$work/wrk-$1.txt")
  STORED=$(( $($3 "$2") - before ))
  WRAPPED="$(grep -o 'wrapped=[0-9]' "$work/wrk-$1.txt" | cut -d= -f2)"
  if [[ "$WRAPPED" != 0 ]]; then
    echo "bench: the $1 run sent some messages twice; set BENCH_REQUESTS above $N" >&2
    exit 1
  fi
  # Every answered request was committed first; requests cut off at the end may be too.
  if (( BAD > 0 || STORED < N - ERR )); then
    echo "bench: $1: $N requests, $BAD not 2xx, $ERR socket errors, but $STORED stored" >&2
    cat "$work/wrk-$1.txt" >&2
    exit 1
  fi
}

log "heard on SQLite"
webhook_run sqlite "sqlite://$work/sqlite/heard.db" stored_sqlite
S_RPS=$RPS S_P50=$P50 S_P99=$P99 S_N=$N S_STORED=$STORED S_IDLE_KB=$IDLE_KB S_PEAK_KB=$PEAK_KB
S_WARM_KB=$WARM_KB
# The write-ahead log's size on disk: heard starts it again under load, so it stays bounded.
S_LOG_MB="$(mb "$(( $(stat -c %s "$work/sqlite/heard.db-wal" 2>/dev/null || echo 0) / 1024 ))")"
S_CPU="$(cpu_us "$CPU_TICKS" "$N")" S_DISK="$(per_request "$DISK_BYTES" "$N")"
S_PID=$HEARD_PID S_ADDR=$HEARD_ADDR

log "question page (a returning visitor's session cookie)"
cookie="$(curl -fsS -c - -o /dev/null "http://$S_ADDR/c/$SLUG/q/1" | awk '$6 ~ /heard/ {print $6 "=" $7}' | head -1)"
wrk -t 1 -c "$CONNS" -d "${SECS}s" --latency -H "Cookie: $cookie" -H 'Accept-Encoding: gzip, br' \
  "http://$S_ADDR/c/$SLUG/q/1" >"$work/wrk-page.txt" 2>&1
read -r Q_RPS Q_P50 Q_P99 Q_N Q_BAD _ < <(wrk_figures "$work/wrk-page.txt")
Q_BYTES="$(curl -fsS -H "Cookie: $cookie" -H 'Accept-Encoding: gzip, br' -o /dev/null -w '%{size_download}' "http://$S_ADDR/c/$SLUG/q/1")"
S_LOADED_KB="$(rss_kb "$S_PID")" S_HWM_KB="$(hwm_kb "$S_PID")"
stop "$S_PID"

log "heard on PostgreSQL"
psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_bench WITH (FORCE)' -c 'CREATE DATABASE heard_bench' >/dev/null
webhook_run postgres "$PG/heard_bench" stored_pg
P_RPS=$RPS P_P50=$P50 P_P99=$P99 P_N=$N P_STORED=$STORED P_IDLE_KB=$IDLE_KB P_PEAK_KB=$PEAK_KB
P_WARM_KB=$WARM_KB
P_CPU="$(cpu_us "$CPU_TICKS" "$N")"
stop "$HEARD_PID"

# Coverage: 1,000,000 submissions spread over districts, groups, channels and 120 days.
seed_sql() { # generate_series expression
  cat <<SQL
INSERT INTO submissions (consultation_id, channel, area, respondent_group, received_on, provider_ref, respondent, flagged)
SELECT c.id,
       (ARRAY['web','sms','email','event'])[1 + (i % 4)],
       CASE WHEN i % 97 = 0 THEN NULL ELSE (ARRAY['east-devon','exeter','mid-devon','north-devon','south-hams','teignbridge','torridge','west-devon','outside-devon','prefer-not-to-say'])[1 + ((i * 7) % 10)] END,
       CASE WHEN i % 89 = 0 THEN NULL ELSE (ARRAY['child','young-person','parent-carer','professional','prefer-not-to-say'])[1 + ((i * 3) % 5)] END,
       to_char(DATE '2026-11-01' + (i % 120), 'YYYY-MM-DD'),
       'bench-' || i, NULL, 0
FROM consultations c, $1 WHERE c.slug = '$SLUG';
SQL
}

coverage_run() { # name database_url seed-command
  start_heard "cov-$1" "$2"
  stop "$HEARD_PID"
  "$3"
  local dir="$work/cov-$1" token
  token="$(cd "$dir" && env -i PATH="$PATH" HEARD_CONFIG="$dir/empty.toml" HEARD_DATABASE_URL="$2" \
    HEARD_SECRET=bench-secret-bench-secret-bench-secret "$OLDPWD/$HEARD" token create --name bench 2>/dev/null)"
  start_heard "cov-$1" "$2"
  local auth="Authorization: Bearer $token" url="http://$HEARD_ADDR/api/coverage/$SLUG"
  curl -fsS -H "$auth" "$url" -o "$work/coverage-$1.json"
  python3 - "$work/coverage-$1.json" "$SUBMISSIONS" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
# Districts in "total", outside Devon, not said and unknown in "others".
total = data["total"] + sum(data["others"].values())
if total != int(sys.argv[2]):
    sys.exit(f"bench: coverage counted {total}, not {sys.argv[2]}")
PY
  wrk -t 1 -c 1 -d "${SECS}s" --latency -H "$auth" "$url" >"$work/wrk-cov-$1.txt" 2>&1
  wrk -t 1 -c 1 -d "${SECS}s" --latency -H "$auth" "$url?group=child&from=2026-12-01&to=2026-12-31" >"$work/wrk-covf-$1.txt" 2>&1
  wrk -t 1 -c 1 -d "${SECS}s" --latency "http://$HEARD_ADDR/healthz" >"$work/wrk-health-$1.txt" 2>&1
  stop "$HEARD_PID"
}

seed_sqlite() {
  # SQLite has no arrays or generate_series: the same rows from a recursive count.
  sqlite3 "$work/cov-sqlite/heard.db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SUBMISSIONS)
INSERT INTO submissions (consultation_id, channel, area, respondent_group, received_on, provider_ref, respondent, flagged)
SELECT c.id,
       CASE i % 4 WHEN 0 THEN 'web' WHEN 1 THEN 'sms' WHEN 2 THEN 'email' ELSE 'event' END,
       CASE WHEN i % 97 = 0 THEN NULL ELSE json_extract('["east-devon","exeter","mid-devon","north-devon","south-hams","teignbridge","torridge","west-devon","outside-devon","prefer-not-to-say"]', '\$[' || ((i * 7) % 10) || ']') END,
       CASE WHEN i % 89 = 0 THEN NULL ELSE json_extract('["child","young-person","parent-carer","professional","prefer-not-to-say"]', '\$[' || ((i * 3) % 5) || ']') END,
       date('2026-11-01', '+' || (i % 120) || ' days'),
       'bench-' || i, NULL, 0
FROM consultations c, n WHERE c.slug = '$SLUG';
ANALYZE;
SQL
}
seed_pg() {
  # A million trigger calls would take a quarter of an hour: the tally's trigger is off for
  # the bulk insert and the tally is filled in one statement, as migration 0009 does.
  psql -q "$PG/heard_bench" -c 'ALTER TABLE submissions DISABLE TRIGGER coverage_tally_insert_delete' \
    -c "$(seed_sql 'generate_series(1, '"$SUBMISSIONS"') AS i')" \
    -c 'ALTER TABLE submissions ENABLE TRIGGER coverage_tally_insert_delete' \
    -c "INSERT INTO coverage_tally (consultation_id, received_on, area, respondent_group, channel, n)
        SELECT consultation_id, received_on, COALESCE(area, ''), COALESCE(respondent_group, ''), channel, COUNT(*)
        FROM submissions GROUP BY 1, 2, 3, 4, 5" -c 'ANALYZE' >/dev/null
}

log "coverage of $SUBMISSIONS submissions on SQLite"
coverage_run sqlite "sqlite://$work/cov-sqlite/heard.db" seed_sqlite
read -r CS_RPS CS_P50 CS_P99 _ _ _ < <(wrk_figures "$work/wrk-cov-sqlite.txt")
read -r CSF_RPS CSF_P50 CSF_P99 _ _ _ < <(wrk_figures "$work/wrk-covf-sqlite.txt")
read -r HS_RPS HS_P50 HS_P99 _ _ _ < <(wrk_figures "$work/wrk-health-sqlite.txt")

log "coverage of $SUBMISSIONS submissions on PostgreSQL"
psql -q "$PG/postgres" -c 'DROP DATABASE IF EXISTS heard_bench WITH (FORCE)' -c 'CREATE DATABASE heard_bench' >/dev/null
coverage_run postgres "$PG/heard_bench" seed_pg
read -r CP_RPS CP_P50 CP_P99 _ _ _ < <(wrk_figures "$work/wrk-cov-postgres.txt")
read -r CPF_RPS CPF_P50 CPF_P99 _ _ _ < <(wrk_figures "$work/wrk-covf-postgres.txt")
read -r HP_RPS HP_P50 HP_P99 _ _ _ < <(wrk_figures "$work/wrk-health-postgres.txt")

{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores;"
  echo "wrk -t 1 -c $CONNS -d ${SECS}s (coverage: -c 1); heard and the ceiling built with --release;"
  echo "each heard first took $WARM texts one by one, then ${SETTLE_SECS}s of other texts under load, unmeasured."
  echo
  echo "#### 1. Signed Twilio webhooks (each a new message, committed before the 2xx)"
  echo
  echo "| server | requests/s | p50 ms | p99 ms | requests/s ÷ ceiling | p99 ÷ ceiling p99 | answered / stored |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| bare axum 200 (ceiling) | $C_RPS | $C_P50 | $C_P99 | 1.00 | 1.00 | $C_N / – |"
  echo "| heard, SQLite | $S_RPS | $S_P50 | $S_P99 | **$(ratio "$S_RPS" "$C_RPS")** | $(ratio "$S_P99" "$C_P99") | $S_N / $S_STORED |"
  echo "| heard, PostgreSQL | $P_RPS | $P_P50 | $P_P99 | **$(ratio "$P_RPS" "$C_RPS")** | $(ratio "$P_P99" "$C_P99") | $P_N / $P_STORED |"
  echo
  echo "Where the time goes: the server process's own CPU and disk writes over the run, per"
  echo "request answered (PostgreSQL's server process is not counted; its disk writes are its own)."
  echo
  echo "| server | CPU µs per request | ÷ ceiling | bytes written to disk per request |"
  echo "|---|---:|---:|---:|"
  echo "| bare axum 200 (ceiling) | $C_CPU | 1.00 | $C_DISK |"
  echo "| heard, SQLite | $S_CPU | $(ratio "$S_CPU" "$C_CPU") | $S_DISK |"
  echo "| heard, PostgreSQL | $P_CPU | $(ratio "$P_CPU" "$C_CPU") | – |"
  echo
  echo "SQLite's write-ahead log after the webhook run: $S_LOG_MB MB (heard keeps it under about 256 MB)."
  echo
  echo "#### 2. The question page (GET /c/$SLUG/q/1, returning visitor, gzip/br)"
  echo
  echo "| server | requests/s | p50 ms | p99 ms | requests/s ÷ ceiling | page bytes on the wire |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| bare axum GET / (ceiling) | $CG_RPS | $CG_P50 | $CG_P99 | 1.00 | 0 |"
  echo "| heard, SQLite | $Q_RPS | $Q_P50 | $Q_P99 | **$(ratio "$Q_RPS" "$CG_RPS")** | $Q_BYTES |"
  echo
  echo "#### 3. Coverage JSON, $SUBMISSIONS submissions (GET /api/coverage/$SLUG, one connection)"
  echo
  echo "| backend | query | p50 ms | p99 ms | p50 ÷ /healthz p50 |"
  echo "|---|---|---:|---:|---:|"
  echo "| SQLite | whole consultation | $CS_P50 | $CS_P99 | $(ratio "$CS_P50" "$HS_P50") |"
  echo "| SQLite | group=child, one month | $CSF_P50 | $CSF_P99 | $(ratio "$CSF_P50" "$HS_P50") |"
  echo "| SQLite | /healthz (reference) | $HS_P50 | $HS_P99 | 1.00 |"
  echo "| PostgreSQL | whole consultation | $CP_P50 | $CP_P99 | $(ratio "$CP_P50" "$HP_P50") |"
  echo "| PostgreSQL | group=child, one month | $CPF_P50 | $CPF_P99 | $(ratio "$CPF_P50" "$HP_P50") |"
  echo "| PostgreSQL | /healthz (reference) | $HP_P50 | $HP_P99 | 1.00 |"
  echo
  echo "#### 4. Resident memory (VmRSS)"
  echo
  echo "| process | idle MB | after $WARM texts MB | peak under webhook load MB | idle ÷ bare axum idle |"
  echo "|---|---:|---:|---:|---:|"
  echo "| bare axum (ceiling) | $(mb "$CEILING_IDLE_KB") | – | – | 1.00 |"
  echo "| heard, SQLite | $(mb "$S_IDLE_KB") | $(mb "$S_WARM_KB") | $(mb "$S_PEAK_KB") (high-water $(mb "$S_HWM_KB") after the page run) | $(ratio "$S_IDLE_KB" "$CEILING_IDLE_KB") |"
  echo "| heard, PostgreSQL | $(mb "$P_IDLE_KB") | $(mb "$P_WARM_KB") | $(mb "$P_PEAK_KB") | $(ratio "$P_IDLE_KB" "$CEILING_IDLE_KB") |"
} | tee "$OUT"

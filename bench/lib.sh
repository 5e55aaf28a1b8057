# What bench/run.sh and bench/compare.sh share: sourced by them, not run on its own.

# The Twilio auth token heard is started with, and the address its webhooks are signed for.
TOKEN=12345678901234567890abcdefabcdef
PUBLIC_URL=https://heard.example.org

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_up() { # url
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nothing answered at $1" >&2
  exit 1
}

# User and system CPU of a process so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wrk's report as "rps p50_ms p99_ms requests non2xx errors"
wrk_figures() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF } /Socket errors/ { err = $0; gsub(/[^0-9 ]/, "", err); split(err, e, " "); errs = e[1] + e[2] + e[3] + e[4] }
    END { printf "%s %.2f %.2f %s %d %d\n", rps, p50, p99, n, bad, errs }' "$1"
}

# A heard binary serving from folder DIR on a database of its own, with nothing but the
# bench's settings. Sets HEARD_PID and HEARD_ADDR, adds the process to the caller's `pids`
# (to be killed on exit) and returns once it answers.
run_heard() { # binary dir database_url
  local port
  mkdir -p "$2"
  port="$(free_port)"
  : > "$2/empty.toml"
  (cd "$2" && exec env -i PATH="$PATH" HOME="$2" HEARD_CONFIG="$2/empty.toml" \
    HEARD_BIND="127.0.0.1:$port" HEARD_PUBLIC_URL="$PUBLIC_URL" HEARD_DATABASE_URL="$3" \
    HEARD_SECRET=bench-secret-bench-secret-bench-secret HEARD_TWILIO_AUTH_TOKEN="$TOKEN" \
    HEARD_PAGE_REQUESTS_PER_MINUTE=1000000 HEARD_LOG_FORMAT=json \
    "$1" serve >"$2/heard.log" 2>&1) &
  HEARD_PID=$!
  pids+=("$HEARD_PID")
  HEARD_ADDR="127.0.0.1:$port"
  wait_up "http://$HEARD_ADDR/healthz"
}

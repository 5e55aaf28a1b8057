#!/usr/bin/env bash
# Page weight of a first visit to a question page, as a phone on a slow line gets it:
# the page /c/four-cornerstones/q/1 with a fresh cookie jar, then its stylesheet, script,
# site icon and every picture it shows, each asked for with `Accept-Encoding: gzip, br`.
# Counts the bytes of each body as sent (compressed) on the wire, from curl's %{size_download}.
#
#   bash bench/page_weight.sh            # prints the table
#   bash bench/page_weight.sh --check    # and exits 1 when HTML+CSS+pictures pass 14 KB
#   ACCEPT_ENCODING=gzip bash bench/page_weight.sh   # as a browser asks over plain HTTP
#
# Starts the real service (HEARD_BIN, default target/debug/heard) on a free loopback port in
# a fresh temporary directory, and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_BYTES=14336 # 14 KB: what fits in the first round trips of a new TCP connection
ACCEPT_ENCODING="${ACCEPT_ENCODING:-gzip, br}"
CHECK=false
[[ "${1:-}" == "--check" ]] && CHECK=true
HEARD_BIN="${HEARD_BIN:-${CARGO_TARGET_DIR:-target}/debug/heard}"
[[ -x "$HEARD_BIN" ]] || { echo "page_weight: $HEARD_BIN is missing: run cargo build first" >&2; exit 2; }
HEARD_BIN="$(cd "$(dirname "$HEARD_BIN")" && pwd)/$(basename "$HEARD_BIN")"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Start heard; its log line `heard is listening address=127.0.0.1:PORT` gives the port.
mkfifo "$work/log"
(cd "$work" && exec env -i PATH="$PATH" HEARD_BIND=127.0.0.1:0 NO_COLOR=1 \
  HEARD_SECRET="$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  "$HEARD_BIN" serve >"$work/log" 2>&1) &
server_pid=$!
exec 3<"$work/log"
address=""
while IFS= read -r -t 60 -u 3 line; do
  line="$(printf '%s' "$line" | sed 's/\x1b\[[0-9;]*m//g')"
  if [[ "$line" == *listening* && "$line" =~ address=(127\.0\.0\.1:[0-9]+) ]]; then
    address="${BASH_REMATCH[1]}"
    break
  fi
done
[[ -n "$address" ]] || { echo "page_weight: heard did not start listening" >&2; exit 2; }
cat <&3 >/dev/null & # keep draining its log
base="http://$address"

jar="$work/cookies"
fetch() { # URL -> prints "body-bytes header-bytes content-encoding"; the decoded body goes to $work/body
  # With --compressed, %{size_download} is still the compressed body as it came over the wire.
  curl -sS --fail-with-body -b "$jar" -c "$jar" -H "Accept-Encoding: $ACCEPT_ENCODING" --compressed \
    -o "$work/body" -D "$work/headers" -w '%{size_download} %{size_header}' "$1"
  printf ' %s\n' "$(tr -d '\r' <"$work/headers" | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')"
}

page=/c/four-cornerstones/q/1
printf '%-40s %8s %8s  %s\n' "what" "body" "headers" "encoding"
read -r html_bytes head enc < <(fetch "$base$page")
cp "$work/body" "$work/page.html"
printf '%-40s %8d %8d  %s\n' "$page (HTML)" "$html_bytes" "$head" "${enc:-none}"
total=$html_bytes
headers=$head
js=0
# Every stylesheet, script and picture the page asks for (the site icon too), each once.
for url in $(grep -oE '(href|src)="/((static|pictures)/[^"]+|favicon\.svg)"' "$work/page.html" | sed -E 's/^(href|src)="//; s/"$//' | awk '!seen[$0]++'); do
  read -r bytes head enc < <(fetch "$base$url")
  printf '%-40s %8d %8d  %s\n' "$url" "$bytes" "$head" "${enc:-none}"
  headers=$((headers + head))
  if [[ "$url" == *.js ]]; then js=$((js + bytes)); else total=$((total + bytes)); fi
done
printf '%-40s %8d  (target %d)\n' "HTML + CSS + pictures" "$total" "$TARGET_BYTES"
printf '%-40s %8d\n' "JavaScript (enhancement, separate)" "$js"
printf '%-40s %8d\n' "everything (bodies)" "$((total + js))"
printf '%-40s %8d\n' "response headers, all requests" "$headers"
if $CHECK && ((total > TARGET_BYTES)); then
  echo "page_weight: over target: $total > $TARGET_BYTES bytes" >&2
  exit 1
fi

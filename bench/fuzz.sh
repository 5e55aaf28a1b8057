#!/usr/bin/env bash
# Fuzzes heard's hostile-input parsers with cargo fuzz (libFuzzer), one target at a time,
# and prints what each run did: seconds, executions, corpus entries, and the result.
#
#   bash bench/fuzz.sh                  # every target for 10 minutes (600 s) each
#   bash bench/fuzz.sh --smoke          # every target for 20 s each
#   bash bench/fuzz.sh scrub mime_read  # just these (FUZZ_SECONDS=60 for another length)
#   bash bench/fuzz.sh --build          # only build the targets (with the sanitizer, as a run does)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). Only a stable toolchain is
# needed: RUSTC_BOOTSTRAP=1 lets it take the sanitizer flags cargo fuzz passes.
# The corpus grows in fuzz/corpus/<target>/ (only the seed-* files are committed); a crash
# is saved under fuzz/artifacts/<target>/ and makes this script fail. Logs: fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(twilio_webhook notify_webhook sms_reply scrub mime_read)
SECONDS_EACH="${FUZZ_SECONDS:-600}"
BUILD_ONLY=false
chosen=()
for arg in "$@"; do
  case "$arg" in
    --smoke) SECONDS_EACH="${FUZZ_SECONDS:-20}" ;;
    --build) BUILD_ONLY=true ;;
    -*) echo "fuzz.sh: unknown option $arg" >&2; exit 2 ;;
    *) chosen+=("$arg") ;;
  esac
done
[[ ${#chosen[@]} -gt 0 ]] && TARGETS=("${chosen[@]}")

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
  exit 2
fi
export RUSTC_BOOTSTRAP=1

# One build for every target (they share the heard library).
(cd fuzz && cargo fuzz build)
$BUILD_ONLY && exit 0

mkdir -p fuzz/logs
failed=0
printf '%-16s %8s %12s %8s  %s\n' target seconds executions corpus result
for target in "${TARGETS[@]}"; do
  log="fuzz/logs/$target.log"
  start=$(date +%s)
  # -rss_limit_mb and -timeout are libFuzzer's defaults, written out so the record says them.
  if (cd fuzz && cargo fuzz run "$target" -- \
        -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=25 -print_final_stats=1) \
        >"$log" 2>&1; then
    result="no crash"
  else
    result="FAILED (see $log and fuzz/artifacts/$target/)"
    failed=1
  fi
  took=$(( $(date +%s) - start ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  printf '%-16s %8s %12s %8s  %s\n' "$target" "$took" "${runs:-?}" "$corpus" "$result"
done
exit "$failed"

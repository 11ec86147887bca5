#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS, one after the other (one fuzzer process at a time).
#   fuzz/run.sh BUILD_DIR SECONDS TARGET...
# Seeds come from fuzz/corpus/<target>/ (read only); what the fuzzer finds goes to
# BUILD_DIR/corpus/<target>/ and crashing inputs to BUILD_DIR/artifacts/<target>/. Exits non-zero
# when a fuzzer found a crash, a leak or a broken invariant.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: run.sh BUILD_DIR SECONDS TARGET...}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS TARGET...}
shift 2
build=$(cd "$build" && pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
summary=()
for target in "$@"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    log="$build/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    args=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/"
          -timeout=10 -rss_limit_mb=4096 -max_len=4096)
    [[ -f "$here/$target.dict" ]] && args+=(-dict="$here/$target.dict")
    echo "== $target: ${seconds}s (log: $log)"
    "$build/$target" "${args[@]}" "$corpus" "$here/corpus/$target" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    units=$(find "$corpus" -type f | wc -l)
    if [[ $status -ne 0 ]]; then
        failed+=("$target")
        summary+=("$target: FAILED (exit $status) after ${runs:-?} runs; see $log and $artifacts/")
        grep -m1 -E '^(==[0-9]+==ERROR|.*runtime error|invariant broken|SUMMARY)' "$log" || true
    else
        summary+=("$target: ok, ${runs:-?} runs, corpus $units inputs")
    fi
done
printf '%s\n' "${summary[@]}"
[[ ${#failed[@]} -eq 0 ]]

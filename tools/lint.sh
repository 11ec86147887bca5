#!/usr/bin/env bash
# make lint: clang-format, translations (no unfinished or obsolete French strings) and clang-tidy.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
status=0

echo "lint: clang-format"
if ! git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror; then
    echo "lint: run 'make format' to fix the formatting" >&2
    status=1
fi

echo "lint: translations"
cmake --build "$build" --target update_translations >/dev/null
for ts in translations/*.ts; do
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    obsolete=$(grep -cE 'type="(obsolete|vanished)"' "$ts" || true)
    if ((unfinished + obsolete > 0)); then
        echo "lint: $ts has $unfinished untranslated and $obsolete obsolete strings" >&2
        status=1
    fi
done

echo "lint: clang-tidy"
mapfile -t sources < <(git ls-files 'core/*.cpp' 'ui/*.cpp' 'app/*.cpp')
if ! clang-tidy -p "$build" --quiet "${sources[@]}" 2>/dev/null | grep -E 'warning:|error:'; then
    :
else
    status=1
fi
exit $status

#!/usr/bin/env bash
# Runs the conformance suite: the official SurrealDB JS SDK against the dev server.
# CTest sets SURREALQT_TEST_SERVER_FILE (a file holding the server's URL); without it each test
# file starts its own dev server, which needs tools/dev-server's dependencies.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
[[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error
if [[ -z "${SURREALQT_TEST_SERVER_FILE:-}" && ! -d ../../tools/dev-server/node_modules ]]; then
    (cd ../../tools/dev-server && npm ci --no-audit --no-fund --loglevel=error)
fi
exec npm test

#!/usr/bin/env bash
# make screenshots: the Studio's main views, rendered offscreen against the sandbox, into docs/images.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export QT_QPA_PLATFORM=offscreen
"$build/app/studio/surrealqt-studio" --screenshot docs/images/studio-main.png
# The console test runs a query against the demo database and grabs the window.
# The browser test grabs the table browser with its inspector, and the connection dialog.
# The profile test grabs the explorer with a saved profile open; the migrations test, the
# migrations tab with a migration's transactions and its schema before and after; the dashboard
# test, two live panels after another client's changes; the designer test, a schema diagram.
SURREALQT_SCREENSHOT_DIR="$PWD/docs/images" ctest --test-dir "$build" -R '^tst_(console|browser|profile_connections|migrations_view|dashboard|designer)$' --output-on-failure
echo "screenshots: $(ls docs/images/*.png | tr '\n' ' ')"

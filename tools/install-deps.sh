#!/usr/bin/env bash
# Installs the Debian and npm packages the build, the tests and the Studio need.
# Idempotent: when everything is present it only runs dpkg-query and exits in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git curl
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite qt6-svg-dev
    libqscintilla2-qt6-dev qcoro-qt6-dev qtkeychain-qt6-dev libgl-dev
    nodejs xvfb xauth imagemagick clang-format clang-tidy clang libclang-rt-14-dev
    libbenchmark-dev openssl
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}"
    SUDO=""
    [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq || true
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v npm >/dev/null || { echo "deps: npm is missing (install Debian's npm or NodeSource nodejs)" >&2; exit 1; }

# npm ci only when the lock file changed since the last install.
for dir in tools/dev-server tests/conformance bench; do
    [[ -f "$dir/package-lock.json" ]] || continue
    stamp="$dir/node_modules/.surrealqt-lock"
    if [[ ! -f "$stamp" ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
        echo "deps: npm ci in $dir"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$dir/package-lock.json" "$stamp"
    fi
done

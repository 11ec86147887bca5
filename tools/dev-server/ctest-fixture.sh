#!/usr/bin/env bash
# CTest fixture: `start DIR` launches a server on a free port and writes DIR/url (http://HOST:PORT),
# DIR/pid and DIR/server.log; `stop DIR` stops it with SIGTERM. Credentials are root/root.
# When SURREAL_BIN names a real `surreal` binary, that binary is started instead.
set -euo pipefail
action=${1:?usage: ctest-fixture.sh start|stop DIR}
dir=${2:?usage: ctest-fixture.sh start|stop DIR}
here=$(cd "$(dirname "$0")" && pwd)

stop_server() {
    [[ -f "$dir/pid" ]] || return 0
    local pid
    pid=$(cat "$dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$dir/pid" "$dir/url"
}

case "$action" in
start)
    mkdir -p "$dir"
    stop_server
    : >"$dir/server.log"
    if [[ -n "${SURREAL_BIN:-}" ]]; then
        port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
        "$SURREAL_BIN" start --bind "127.0.0.1:$port" --user root --pass root memory >"$dir/server.log" 2>&1 &
        echo $! >"$dir/pid"
        url="http://127.0.0.1:$port"
        for _ in $(seq 100); do
            curl -fsS "$url/health" >/dev/null 2>&1 && break
            sleep 0.1
        done
    else
        [[ -d "$here/node_modules" ]] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
        node "$here/src/main.js" start --bind 127.0.0.1:0 --user root --pass root --log info memory \
            >"$dir/stdout.log" 2>"$dir/server.log" &
        echo $! >"$dir/pid"
        url=""
        for _ in $(seq 200); do
            url=$(sed -n 's/^Listening on \(http:\/\/[^ ]*\)$/\1/p' "$dir/stdout.log" 2>/dev/null | head -n1)
            [[ -n "$url" ]] && break
            kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
            sleep 0.1
        done
    fi
    if [[ -z "$url" ]] || ! curl -fsS "$url/health" >/dev/null 2>&1; then
        echo "ctest-fixture: the server did not become ready; its log:" >&2
        cat "$dir/server.log" >&2
        stop_server
        exit 1
    fi
    echo "$url" >"$dir/url"
    echo "dev server ready at $url"
    ;;
stop)
    stop_server
    ;;
*)
    echo "usage: ctest-fixture.sh start|stop DIR" >&2
    exit 2
    ;;
esac

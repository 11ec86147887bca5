// Shared plumbing for the conformance suite: finds (or starts) the dev server, opens official-SDK
// connections over WebSocket or HTTP, and gives every test its own namespace and database.
//
// In CTest, SURREALQT_TEST_SERVER_FILE names a file holding the server's base URL
// (http://HOST:PORT), written by tools/dev-server/ctest-fixture.sh. Without it, each test file
// starts its own dev server in a `before` hook and stops it in `after`, so `npm test` works alone.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CborCodec, Surreal, Value } from 'surrealdb';
import WebSocket from 'ws';

export const ROOT = { username: 'root', password: 'root' };

// Node 20 has no global WebSocket, so the SDK is handed the `ws` package.
export const TRANSPORTS = ['ws', 'http'];

const DEV_SERVER = fileURLToPath(new URL('../../tools/dev-server/src/main.js', import.meta.url));
const READY_LINE = /^Listening on (http:\/\/\S+)$/m;
const START_TIMEOUT_MS = 30_000;

const server = { base: null, child: null };

function startDevServer() {
    if (!existsSync(new URL('../../tools/dev-server/node_modules', import.meta.url)))
        throw new Error('tools/dev-server has no node_modules: run `npm ci` there (run.sh does it for you)');
    const child = spawn(process.execPath, [DEV_SERVER, 'start', '--bind', '127.0.0.1:0', '--user', 'root', '--pass', 'root', '--log', 'warn', 'memory'], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`the dev server printed no ready line within ${START_TIMEOUT_MS} ms:\n${stderr}`));
        }, START_TIMEOUT_MS);
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
            stdout += chunk;
            const ready = stdout.match(READY_LINE);
            if (ready) {
                clearTimeout(timer);
                resolve({ child, base: ready[1] });
            }
        });
        child.once('exit', (code, signal) => {
            clearTimeout(timer);
            reject(new Error(`the dev server exited (${signal ?? code}) before it was ready:\n${stderr}`));
        });
    });
}

async function stopDevServer(child) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
}

// Registers the hooks that make a server available to the calling test file.
export function useServer() {
    before(async () => {
        const file = process.env.SURREALQT_TEST_SERVER_FILE;
        if (file) {
            server.base = readFileSync(file, 'utf8').trim().replace(/\/+$/, '');
        } else {
            const started = await startDevServer();
            server.child = started.child;
            server.base = started.base;
        }
    });
    after(async () => {
        if (server.child) await stopDevServer(server.child);
        server.child = null;
        // Watchdog: a handle left open (an unclosed connection, an SDK timer) would keep this file's
        // process alive forever. Fail loudly instead of hanging the run.
        setTimeout(() => {
            process.stderr.write(`conformance: handles still open after the tests: ${process.getActiveResourcesInfo().join(', ')}\n`);
            process.exit(1);
        }, 5000).unref();
    });
}

// The base URL (http://HOST:PORT) of the server under test.
export function baseUrl() {
    if (!server.base) throw new Error('no server: call useServer() at the top of the test file');
    return server.base;
}

export function endpoint(transport) {
    const base = baseUrl();
    return transport === 'ws' ? `${base.replace(/^http/, 'ws')}/rpc` : base;
}

export const uniqueName = (prefix) => `${prefix}_${randomBytes(6).toString('hex')}`;

// A WebSocket that remembers every frame it receives, to check which notifications reach it.
export function spyWebSocket() {
    const frames = [];
    class SpyWebSocket extends WebSocket {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', (event) => frames.push(event.data));
        }
    }
    return { SpyWebSocket, frames };
}

const codec = new CborCodec({});
// Live notifications among the recorded frames: messages without an `id`, shaped {result: {id, action, ...}}.
export function notificationsIn(frames) {
    return frames
        .map((data) => codec.decode(new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))))
        .filter((message) => message.id === undefined && message.result && typeof message.result === 'object' && 'action' in message.result)
        .map((message) => message.result);
}

// Opens an SDK connection. Options:
//   auth: ROOT (default), null (stay anonymous) or any SDK signin object
//   ns, db: namespace and database to `use` (both default to fresh unique names when auth is ROOT)
//   websocketImpl: a WebSocket class (defaults to `ws`)
// The connection is closed when the test `t` ends.
export async function connect(t, transport, { auth = ROOT, ns, db, websocketImpl = WebSocket } = {}) {
    const surreal = new Surreal({ websocketImpl });
    await surreal.connect(endpoint(transport), { reconnect: false });
    t.after(() => surreal.close());
    if (auth) await surreal.signin(auth);
    const namespace = ns ?? (auth === ROOT ? uniqueName('ns') : undefined);
    const database = db ?? (auth === ROOT ? uniqueName('db') : undefined);
    if (namespace || database) await surreal.use({ namespace, database });
    return surreal;
}

// Polls until check() returns truthy or the deadline passes; returns the last value.
export async function eventually(check, { timeoutMs = 3000, intervalMs = 20 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await check();
        if (value || Date.now() > deadline) return value;
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
}

// SDK values keep their state in #private fields, which assert.deepEqual does not see (two
// different RecordIds compare "equal"). plain() turns them into comparable {Type: text} objects.
export function plain(value) {
    if (value instanceof Value) return { [value.constructor.name.replace(/\$\d+$/, '')]: value.toString() };
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
    return value;
}

// assert.deepEqual that also compares SDK values.
export function assertSame(actual, expected, message) {
    assert.deepEqual(plain(actual), plain(expected), message);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

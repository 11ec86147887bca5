// Starts dev servers for the tests and speaks raw RPC to them, with no SDK in between.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from 'cbor2';
import WebSocket from 'ws';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.js');

export function startServer(args = ['--user', 'root', '--pass', 'root', 'memory']) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [main, 'start', '--bind', '127.0.0.1:0', '--log', 'warn', ...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => { stderr += chunk; });
        const onExit = (code) => reject(new Error(`server exited with ${code}: ${stderr}`));
        child.once('exit', onExit);
        child.stdout.on('data', (chunk) => {
            const match = String(chunk).match(/^Listening on (http:\/\/\S+)$/m);
            if (!match) return;
            child.off('exit', onExit);
            const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
            resolve({
                child,
                url: match[1],
                wsUrl: `${match[1].replace('http', 'ws')}/rpc`,
                stderr: () => stderr,
                exited,
                stop: async () => {
                    if (child.exitCode === null) child.kill('SIGTERM');
                    return exited;
                },
            });
        });
    });
}

// A WebSocket RPC client: call() resolves with the whole reply envelope; notifications queue up.
export class RawClient {
    static async open(wsUrl, format = 'cbor') {
        const socket = new WebSocket(wsUrl, format);
        await new Promise((resolve, reject) => {
            socket.once('open', resolve);
            socket.once('error', reject);
        });
        return new RawClient(socket, format);
    }

    constructor(socket, format) {
        this.socket = socket;
        this.format = format;
        this.nextId = 1;
        this.pending = new Map();
        this.notifications = [];
        this.waiters = [];
        this.orphans = [];
        socket.on('message', (data, isBinary) => {
            const message = this.format === 'cbor' && isBinary ? decode(new Uint8Array(data)) : JSON.parse(data.toString());
            if (message.id !== undefined && message.id !== null && this.pending.has(message.id)) {
                this.pending.get(message.id)(message);
                this.pending.delete(message.id);
            } else if (message.result && message.id === undefined) {
                this.notifications.push(message);
                this.waiters.splice(0).forEach((wake) => wake());
            } else {
                this.orphans.push(message);
                this.waiters.splice(0).forEach((wake) => wake());
            }
        });
    }

    call(method, params = [], extra = {}) {
        const id = this.nextId++;
        const request = { id, method, params, ...extra };
        return new Promise((resolve) => {
            this.pending.set(id, resolve);
            this.socket.send(this.format === 'cbor' ? encode(request) : JSON.stringify(request));
        });
    }

    async result(method, params = [], extra = {}) {
        const reply = await this.call(method, params, extra);
        if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
        return reply.result;
    }

    sendRaw(data) {
        this.socket.send(data);
    }

    async next(predicate, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const found = [...this.notifications, ...this.orphans].find(predicate);
            if (found) return found;
            const left = deadline - Date.now();
            if (left <= 0) return undefined;
            await new Promise((wake) => {
                const timer = setTimeout(wake, left);
                this.waiters.push(() => { clearTimeout(timer); wake(); });
            });
        }
    }

    async signedIn(ns = 'test', db = 'test') {
        await this.result('signin', [{ user: 'root', pass: 'root' }]);
        await this.result('use', [ns, db]);
        return this;
    }

    close() {
        this.socket.close();
    }
}

export const basicAuth = (user = 'root', pass = 'root') => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

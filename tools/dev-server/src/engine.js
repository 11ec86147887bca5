// The embedded SurrealDB engine of @surrealdb/node, reached through its native addon directly:
// execute() takes one CBOR request and returns the CBOR of the result (or of {error}).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { encode, decode, Tag } from 'cbor2';
import { RpcError, invalidParams } from './errors.js';
import { encodeRawMap, encodeText, encodeUuid, readText, skipItem, splitMap, readUuid } from './cbor-skim.js';
import { log } from './log.js';
import { uuidBytes } from './json-values.js';

const require = createRequire(import.meta.url);

// The package exports only its ESM entry (which needs the `surrealdb` SDK), so find its folder.
function enginePackageDir() {
    for (const base of require.resolve.paths('@surrealdb/node') ?? []) {
        const dir = path.join(base, '@surrealdb', 'node');
        if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    }
    throw new Error('@surrealdb/node is not installed: run `npm ci` in tools/dev-server');
}

export function engineVersion() {
    return JSON.parse(fs.readFileSync(path.join(enginePackageDir(), 'package.json'), 'utf8')).surreal;
}

function loadNative() {
    // The addon alone is all a server needs.
    const dir = path.join(enginePackageDir(), 'dist');
    const triple = `${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;
    return require(path.join(dir, `surrealdb-node.${triple}.node`));
}

export function newSessionId() {
    return Buffer.from(uuidBytes(randomUUID()));
}

export const sessionKey = (bytes) => Buffer.from(bytes).toString('hex');

// cbor2 decodes the byte strings of a Node Buffer as Buffers, and encodes a Buffer back as
// {type: 'Buffer', data: [...]}: decode from a plain Uint8Array view so uuids and bytes re-encode.
export const decodeCbor = (bytes) => decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));

// A CBOR result is an error when it is the one-entry map {error: …}.
export function splitEngineReply(raw) {
    if (raw.length > 7 && raw[0] === 0xa1 && readText(raw, 1) === 'error')
        return { error: raw.subarray(skipItem(raw, 1)) };
    return { result: raw };
}

export class Engine {
    static async open(url) {
        const { SurrealNodeEngine } = loadNative();
        const native = await SurrealNodeEngine.connect(url, undefined);
        return new Engine(native);
    }

    constructor(native) {
        this.native = native;
        this.nextId = 1;
        this.defaultSessionQueue = Promise.resolve();
    }

    // Raw path: a CBOR request in, the engine's CBOR reply out.
    // The addon rejects (instead of answering {error}) when it cannot deserialize a request, e.g.
    // a uuid that is not 16 bytes; turn that into an ordinary error reply for the caller's id.
    async executeRaw(requestBytes) {
        let reply;
        try {
            reply = await this.native.execute(requestBytes);
        } catch (err) {
            return Buffer.from(encode({ error: invalidParams(String(err?.message ?? err)) }));
        }
        return Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
    }

    // Control path: JS values in, decoded result out; throws RpcError on an engine error.
    async call(session, method, params = [], txn = undefined) {
        const request = { id: this.nextId++, method, params };
        if (session) request.session = new Tag(37, new Uint8Array(session));
        if (txn) request.txn = txn;
        const reply = await this.executeRaw(encode(request));
        const { error } = splitEngineReply(reply);
        if (error) throw new RpcError(decodeCbor(error));
        return decodeCbor(reply);
    }

    async attach(session) {
        await this.call(session, 'attach');
    }

    async detach(session) {
        try {
            await this.call(session, 'detach');
        } catch (err) {
            log.debug('detach failed:', err);
        }
    }

    // import and export act on the engine's default session: serialize them, each with its own `use`.
    onDefaultSession(ns, db, work) {
        const run = this.defaultSessionQueue.then(async () => {
            await this.call(null, 'use', [ns ?? null, db ?? null]);
            return work(this.native);
        });
        this.defaultSessionQueue = run.catch(() => undefined);
        return run;
    }

    async importSql(ns, db, sql) {
        return this.onDefaultSession(ns, db, (native) => native.import(sql));
    }

    async exportSql(ns, db, options = {}) {
        return this.onDefaultSession(ns, db, (native) => native.export(encode(options)));
    }

    // Calls onNotification(sessionKey, rawNotificationBytesWithoutSession, liveQueryKey) for each
    // live message. KILLED notifications carry no session: their sessionKey is null.
    async pumpNotifications(onNotification) {
        const receiver = await this.native.notifications();
        this.receiver = receiver;
        while (!this.closed) {
            const value = await receiver.recv();
            if (value === null || value === undefined) break;
            try {
                const raw = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
                const entries = splitMap(raw);
                const session = readUuid(entries.get('session') ?? Buffer.alloc(0));
                const live = readUuid(entries.get('id') ?? Buffer.alloc(0));
                entries.delete('session');
                onNotification(session ? sessionKey(session) : null, encodeRawMap([...entries]), live ? sessionKey(live) : null);
            } catch (err) {
                log.warn('dropped a malformed live notification:', err);
            }
        }
    }

    close() {
        if (this.closed) return;
        this.closed = true;
        this.native.free();
    }
}

export { encodeText, encodeUuid };

// One WebSocket client of /rpc: its engine sessions, the auth gate, and request forwarding.
// CBOR frames are forwarded as raw bytes (only the envelope's keys are looked at); JSON frames are
// converted to CBOR for the engine and the reply converted back.
import { decode, encode, Tag } from 'cbor2';
import { CborError, CBOR_NULL, encodeRawMap, encodeUuid, readText, readUuid, splitMap } from './cbor-skim.js';
import { decodeCbor, newSessionId, sessionKey, splitEngineReply } from './engine.js';
import { invalidRequest, notAuthenticated, parseError, internalError } from './errors.js';
import { toJson, uuidBytes } from './json-values.js';
import { log } from './log.js';

// null, undefined or NONE (tag 6 around null): the envelope field is there but empty.
const isAbsent = (raw) => raw[0] === 0xf6 || raw[0] === 0xf7 || (raw[0] === 0xc6 && raw.length === 2);

// The CBOR of `type: "live"` in a query result: only replies holding it start a live query.
const LIVE_TYPE = Buffer.from([0x64, ...Buffer.from('type'), 0x64, ...Buffer.from('live')]);

// The live query ids (cbor2 uuid tags) that a successful `live` or `query` reply started.
function startedLiveQueries(method, result) {
    if (method === 'live') return [result];
    if (method !== 'query' || !Array.isArray(result)) return [];
    return result.filter((r) => r?.type === 'live' && r.status === 'OK').map((r) => r.result);
}

export class RpcSocket {
    constructor({ socket, engine, gate, registry, liveOwners, format, peer }) {
        this.socket = socket;
        this.engine = engine;
        this.gate = gate;
        this.registry = registry; // session key -> RpcSocket, for live notifications
        this.liveOwners = liveOwners; // live query id -> session key, for KILLED notifications
        this.format = format;
        this.peer = peer;
        this.defaultSession = newSessionId();
        this.sessions = new Map(); // session key -> {id, authenticated}
        this.ready = this.open();
        socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
        socket.on('close', () => this.close());
        socket.on('error', (err) => log.debug(`socket ${peer} error:`, err));
    }

    async open() {
        await this.engine.attach(this.defaultSession);
        this.track(this.defaultSession);
        this.opened = true;
    }

    track(id) {
        const key = sessionKey(id);
        this.sessions.set(key, { id, authenticated: false });
        this.registry.set(key, this);
    }

    async close() {
        if (this.closed) return;
        this.closed = true;
        await this.ready.catch(() => undefined);
        for (const [live, owner] of this.liveOwners) if (this.sessions.has(owner)) this.liveOwners.delete(live);
        for (const [key, session] of this.sessions) {
            this.registry.delete(key);
            await this.engine.detach(session.id);
        }
        this.sessions.clear();
        log.info(`connection from ${this.peer} closed`);
    }

    send(payload) {
        if (this.socket.readyState === this.socket.OPEN) this.socket.send(payload);
    }

    sendError(idRaw, error) {
        if (this.format === 'cbor') this.send(encodeRawMap([['id', idRaw ?? CBOR_NULL], ['error', Buffer.from(encode(error))]]));
        else this.send(JSON.stringify({ id: idRaw ?? null, error }));
    }

    async onFrame(data, isBinary) {
        if (!this.opened) await this.ready; // only the first frames can beat the attach
        try {
            if (this.format === 'cbor') {
                if (!isBinary) throw new CborError('expected a binary frame on the cbor subprotocol');
                await this.onCbor(Buffer.isBuffer(data) ? data : Buffer.concat(data));
            } else {
                await this.onJson(data.toString('utf8'));
            }
        } catch (err) {
            if (err instanceof CborError || err instanceof SyntaxError) {
                log.debug(`malformed frame from ${this.peer}:`, err);
                this.sendError(null, parseError(err.message));
            } else {
                log.error(`request from ${this.peer} failed:`, err);
                this.sendError(null, internalError(String(err?.message ?? err)));
            }
        }
    }

    // Resolves the session a request runs in. Returns {session} or {error}.
    resolveSession(method, sessionBytes) {
        if (!sessionBytes) return { session: this.sessions.get(sessionKey(this.defaultSession)) };
        const key = sessionKey(sessionBytes);
        const owned = this.sessions.get(key);
        if (method === 'attach') {
            if (owned || this.registry.has(key)) return { error: invalidRequest('the session id is already in use') };
            return { session: { id: Buffer.from(sessionBytes), authenticated: false, pending: true } };
        }
        if (!owned) return { error: invalidRequest('the session is not attached to this connection') };
        return { session: owned };
    }

    // Answers methods the server handles itself. Returns the result, or undefined to forward.
    localResult(method, session) {
        if (method === 'detach' && session.id.equals(this.defaultSession))
            return { error: invalidRequest("a connection's default session cannot be detached") };
        if (method === 'sessions') {
            const ids = [...this.sessions.values()].filter((s) => !s.id.equals(this.defaultSession));
            return { result: ids.map((s) => new Tag(37, new Uint8Array(s.id))) };
        }
        return undefined;
    }

    afterSuccess(method, session, result) {
        this.gate.record(method, session);
        if (method === 'live' || method === 'query') {
            for (const id of startedLiveQueries(method, result())) {
                if (id instanceof Tag && id.tag === 37) this.liveOwners.set(sessionKey(id.contents), sessionKey(session.id));
            }
        }
        if (method === 'attach') this.track(session.id);
        else if (method === 'detach') {
            const key = sessionKey(session.id);
            this.sessions.delete(key);
            this.registry.delete(key);
        }
    }

    async onCbor(frame) {
        const entries = splitMap(frame);
        const idRaw = entries.get('id') ?? CBOR_NULL;
        const method = entries.has('method') ? readText(entries.get('method'), 0) : null;
        if (typeof method !== 'string') return this.sendError(idRaw, invalidRequest('`method` must be a string'));
        let sessionBytes = null;
        const rawSession = entries.get('session');
        if (rawSession && !isAbsent(rawSession)) {
            sessionBytes = readUuid(rawSession) ?? uuidBytes(readText(rawSession, 0) ?? '');
            if (!sessionBytes) return this.sendError(idRaw, invalidRequest('`session` must be a uuid'));
        }
        const { session, error } = this.resolveSession(method, sessionBytes);
        if (error) return this.sendError(idRaw, error);
        if (!this.gate.allows(method, session)) return this.sendError(idRaw, notAuthenticated());
        const local = this.localResult(method, session);
        if (local) {
            if (local.error) return this.sendError(idRaw, local.error);
            return this.send(encodeRawMap([['id', idRaw], ['result', Buffer.from(encode(local.result))]]));
        }
        entries.set('session', encodeUuid(session.id));
        const reply = splitEngineReply(await this.engine.executeRaw(encodeRawMap([...entries])));
        if (reply.error) return this.send(encodeRawMap([['id', idRaw], ['error', reply.error]]));
        const mayStartLive = method === 'live' || (method === 'query' && reply.result.includes(LIVE_TYPE));
        this.afterSuccess(method, session, () => (mayStartLive ? decodeCbor(reply.result) : null));
        this.send(encodeRawMap([['id', idRaw], ['result', reply.result]]));
    }

    async onJson(text) {
        const request = JSON.parse(text);
        if (request === null || typeof request !== 'object' || Array.isArray(request))
            return this.sendError(null, invalidRequest('a request must be an object'));
        const id = request.id ?? null;
        const { method } = request;
        if (typeof method !== 'string') return this.sendError(id, invalidRequest('`method` must be a string'));
        let sessionBytes = null;
        if (request.session !== undefined && request.session !== null) {
            sessionBytes = uuidBytes(request.session);
            if (!sessionBytes) return this.sendError(id, invalidRequest('`session` must be a uuid'));
            sessionBytes = Buffer.from(sessionBytes);
        }
        const { session, error } = this.resolveSession(method, sessionBytes);
        if (error) return this.sendError(id, error);
        if (!this.gate.allows(method, session)) return this.sendError(id, notAuthenticated());
        const local = this.localResult(method, session);
        if (local) {
            if (local.error) return this.sendError(id, local.error);
            return this.send(JSON.stringify({ id, result: toJson(local.result) }));
        }
        const forward = { id: 0, method, params: Array.isArray(request.params) ? request.params : [] };
        forward.session = new Tag(37, new Uint8Array(session.id));
        if (request.txn) {
            const txn = uuidBytes(request.txn);
            if (!txn) return this.sendError(id, invalidRequest('`txn` must be a uuid'));
            forward.txn = new Tag(37, txn);
        }
        const reply = splitEngineReply(await this.engine.executeRaw(encode(forward)));
        if (reply.error) return this.send(JSON.stringify({ id, error: toJson(decode(reply.error)) }));
        const result = decodeCbor(reply.result);
        this.afterSuccess(method, session, () => result);
        this.send(JSON.stringify({ id, result: toJson(result) }));
    }

    // A live notification for one of this socket's sessions.
    notify(key, rawNotification) {
        const outer = key === sessionKey(this.defaultSession) ? [] : [['session', encodeUuid(this.sessions.get(key)?.id ?? Buffer.alloc(16))]];
        if (this.format === 'cbor') this.send(encodeRawMap([['result', rawNotification], ...outer]));
        else this.send(JSON.stringify({ result: toJson(decode(rawNotification)) }));
    }
}

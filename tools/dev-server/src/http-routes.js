// The HTTP half of the server: /rpc, /sql, /signin, /signup, /key, /import, /export and the probes.
// Every HTTP request runs in a short-lived engine session built from its headers, as 3.x does
// for stateless clients.
import { encode } from 'cbor2';
import { CborError } from './cbor-skim.js';
import { decodeCbor, newSessionId } from './engine.js';
import { RpcError, invalidRequest, notAuthenticated, parseError } from './errors.js';
import { toJson } from './json-values.js';
import { log } from './log.js';

const MiB = 1024 * 1024;
const LIMITS = { rpc: 4 * MiB, sql: MiB, key: 16 * 1024, auth: MiB, import: 4096 * MiB, export: MiB };

class HttpError extends Error {
    constructor(status, details, description = details) {
        super(details);
        this.status = status;
        this.details = details;
        this.description = description;
    }
}

function readBody(req, limit) {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > limit) {
            reject(new HttpError(413, 'Payload too large', `The request body exceeds the limit of ${limit} bytes`));
            req.resume();
            return;
        }
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit) {
                reject(new HttpError(413, 'Payload too large', `The request body exceeds the limit of ${limit} bytes`));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

const wantsCbor = (req) => (req.headers.accept ?? '').includes('application/cbor');

function reply(res, status, value, cbor) {
    if (res.headersSent || res.destroyed) return;
    const body = cbor ? Buffer.from(encode(value)) : JSON.stringify(toJson(value));
    res.writeHead(status, {
        'content-type': cbor ? 'application/cbor' : 'application/json',
        'surreal-version': res.surrealVersion,
    });
    res.end(body);
}

function replyText(res, status, text, type = 'text/plain; charset=utf-8') {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': type, 'surreal-version': res.surrealVersion });
    res.end(text);
}

function credentials(req) {
    const header = req.headers.authorization ?? '';
    const [scheme, value] = header.split(/\s+/, 2);
    if (/^basic$/i.test(scheme ?? '')) {
        const decoded = Buffer.from(value ?? '', 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0) throw new HttpError(400, 'Invalid Basic authorization header');
        return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
    }
    if (/^bearer$/i.test(scheme ?? '')) return { token: value };
    return null;
}

export class HttpRoutes {
    constructor({ engine, gate, version }) {
        this.engine = engine;
        this.gate = gate;
        this.version = version;
    }

    // Runs work(session) in a fresh session carrying the request's ns/db and auth.
    async withSession(req, work) {
        const id = newSessionId();
        const session = { id, authenticated: false };
        await this.engine.attach(id);
        try {
            const ns = req.headers['surreal-ns'];
            const db = req.headers['surreal-db'];
            if (ns || db) await this.engine.call(id, 'use', [ns ?? null, db ?? null]);
            const creds = credentials(req);
            try {
                if (creds?.token) await this.engine.call(id, 'authenticate', [creds.token]);
                else if (creds) {
                    const params = { user: creds.user, pass: creds.pass };
                    if (req.headers['surreal-auth-ns']) params.ns = req.headers['surreal-auth-ns'];
                    if (req.headers['surreal-auth-db']) params.db = req.headers['surreal-auth-db'];
                    await this.engine.call(id, 'signin', [params]);
                }
            } catch (err) {
                if (err instanceof RpcError) throw new HttpError(401, 'Authentication failed', err.message);
                throw err;
            }
            session.authenticated = Boolean(creds);
            return await work(session);
        } finally {
            await this.engine.detach(id);
        }
    }

    requireAuth(session) {
        if (!this.gate.allows('query', session)) throw new HttpError(401, 'Authentication failed', notAuthenticated().message);
    }

    async handle(req, res) {
        res.surrealVersion = this.version;
        const url = new URL(req.url, 'http://localhost');
        const route = url.pathname.replace(/\/+$/, '') || '/';
        try {
            if (req.method === 'GET' && (route === '/health' || route === '/status')) return replyText(res, 200, '');
            if (req.method === 'GET' && route === '/version') return replyText(res, 200, this.version);
            if (req.method === 'POST' && route === '/rpc') return await this.rpc(req, res);
            if (req.method === 'POST' && route === '/sql') return await this.sql(req, res, url);
            if (req.method === 'POST' && (route === '/signin' || route === '/signup')) return await this.auth(req, res, route.slice(1));
            if (req.method === 'POST' && route === '/import') return await this.importSql(req, res);
            if ((req.method === 'GET' || req.method === 'POST') && route === '/export') return await this.exportSql(req, res);
            const key = route.match(/^\/key\/([^/]+)(?:\/([^/]+))?$/);
            if (key) return await this.key(req, res, url, decodeURIComponent(key[1]), key[2] && decodeURIComponent(key[2]));
            throw new HttpError(404, 'Not found', `There is no ${req.method} ${route} endpoint`);
        } catch (err) {
            const status = err instanceof HttpError ? err.status : err instanceof RpcError ? 400 : 500;
            if (status === 500) log.error(`${req.method} ${route} failed:`, err);
            else log.debug(`${req.method} ${route}: ${status}`, err.message);
            const details = err instanceof HttpError ? err.details : 'Request problems detected';
            const description = err instanceof HttpError ? err.description : err.message;
            reply(res, status, { code: status, details, description, information: err.message }, false);
        }
    }

    async rpc(req, res) {
        const type = req.headers['content-type'] ?? 'application/json';
        const cbor = type.includes('application/cbor');
        const body = await readBody(req, LIMITS.rpc);
        let request;
        try {
            request = cbor ? decodeCbor(body) : JSON.parse(body.toString('utf8'));
        } catch (err) {
            return reply(res, 400, { id: null, error: parseError(err.message) }, cbor);
        }
        if (!request || typeof request !== 'object' || typeof request.method !== 'string')
            return reply(res, 400, { id: null, error: invalidRequest('a request needs a string `method`') }, cbor);
        const id = request.id ?? null;
        const answerCbor = req.headers.accept ? wantsCbor(req) : cbor;
        await this.withSession(req, async (session) => {
            if (!this.gate.allows(request.method, session))
                return reply(res, 200, { id, error: notAuthenticated() }, answerCbor);
            try {
                const result = await this.engine.call(session.id, request.method, request.params ?? []);
                reply(res, 200, { id, result }, answerCbor);
            } catch (err) {
                if (!(err instanceof RpcError)) throw err;
                reply(res, 200, { id, error: err.rpc }, answerCbor);
            }
        });
    }

    async sql(req, res, url) {
        const text = (await readBody(req, LIMITS.sql)).toString('utf8');
        const vars = Object.fromEntries(url.searchParams);
        await this.withSession(req, async (session) => {
            this.requireAuth(session);
            const result = await this.engine.call(session.id, 'query', [text, vars]);
            reply(res, 200, result, wantsCbor(req));
        });
    }

    async auth(req, res, method) {
        let params;
        try {
            params = JSON.parse((await readBody(req, LIMITS.auth)).toString('utf8'));
        } catch (err) {
            throw new HttpError(400, 'Request problems detected', `The body is not valid JSON: ${err.message}`);
        }
        const id = newSessionId();
        await this.engine.attach(id);
        try {
            const token = await this.engine.call(id, method, [params]);
            const accept = req.headers.accept ?? '';
            if (accept.includes('text/plain')) return replyText(res, 200, typeof token === 'string' ? token : JSON.stringify(toJson(token)));
            reply(res, 200, { code: 200, details: 'Authentication succeeded', token }, wantsCbor(req));
        } catch (err) {
            if (err instanceof RpcError) throw new HttpError(401, 'Authentication failed', err.message);
            throw err;
        } finally {
            await this.engine.detach(id);
        }
    }

    async key(req, res, url, table, recordKey) {
        const hasBody = ['POST', 'PUT', 'PATCH'].includes(req.method);
        let data = null;
        if (hasBody) {
            const body = await readBody(req, LIMITS.key);
            try {
                data = body.length ? JSON.parse(body.toString('utf8')) : {};
            } catch (err) {
                throw new HttpError(400, 'Request problems detected', `The body is not valid JSON: ${err.message}`);
            }
        }
        const target = recordKey === undefined ? 'type::table($tb)' : 'type::record($tb, $id)';
        const statements = {
            GET: recordKey === undefined ? `SELECT * FROM ${target} LIMIT $limit START $start` : `SELECT * FROM ${target}`,
            POST: `CREATE ${target} CONTENT $data`,
            PUT: recordKey === undefined ? `UPDATE ${target} CONTENT $data` : `UPSERT ${target} CONTENT $data`,
            PATCH: recordKey === undefined ? `UPDATE ${target} MERGE $data` : `UPSERT ${target} MERGE $data`,
            DELETE: `DELETE ${target} RETURN BEFORE`,
        };
        const sql = statements[req.method];
        if (!sql) throw new HttpError(405, 'Method not allowed');
        const limit = Number.parseInt(url.searchParams.get('limit') ?? '100', 10);
        const start = Number.parseInt(url.searchParams.get('start') ?? '0', 10);
        if (!Number.isFinite(limit) || !Number.isFinite(start) || limit < 0 || start < 0)
            throw new HttpError(400, 'Request problems detected', '`limit` and `start` must be non-negative integers');
        const vars = { tb: table, id: recordKey, data, limit, start };
        await this.withSession(req, async (session) => {
            this.requireAuth(session);
            reply(res, 200, await this.engine.call(session.id, 'query', [sql, vars]), wantsCbor(req));
        });
    }

    async importSql(req, res) {
        const sql = (await readBody(req, LIMITS.import)).toString('utf8');
        await this.withSession(req, async (session) => {
            this.requireAuth(session);
            try {
                await this.engine.importSql(req.headers['surreal-ns'], req.headers['surreal-db'], sql);
            } catch (err) {
                // Like `surreal import`, a failed import is not rolled back: say so.
                throw new HttpError(400, 'Import failed', `${err.message} (statements before the failure stay applied)`);
            }
            reply(res, 200, [], wantsCbor(req));
        });
    }

    async exportSql(req, res) {
        let options = {};
        if (req.method === 'POST') {
            const body = await readBody(req, LIMITS.export);
            // Like `surreal start`, the options body is JSON or CBOR according to Content-Type
            // (the JS SDK sends CBOR).
            const cbor = (req.headers['content-type'] ?? '').includes('application/cbor');
            try {
                options = body.length ? (cbor ? decodeCbor(body) : JSON.parse(body.toString('utf8'))) : {};
            } catch (err) {
                throw new HttpError(400, 'Request problems detected', `The body is not valid ${cbor ? 'CBOR' : 'JSON'}: ${err.message}`);
            }
        }
        await this.withSession(req, async (session) => {
            this.requireAuth(session);
            const sql = await this.engine.exportSql(req.headers['surreal-ns'], req.headers['surreal-db'], options);
            replyText(res, 200, sql, 'application/octet-stream');
        });
    }
}

export { CborError };

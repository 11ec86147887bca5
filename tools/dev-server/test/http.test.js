import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decode, encode } from 'cbor2';
import { basicAuth, startServer } from './helpers.js';

describe('HTTP endpoints', () => {
    let server;
    const scoped = (extra = {}) => ({ authorization: basicAuth(), 'surreal-ns': 'http', 'surreal-db': 'http', ...extra });
    before(async () => { server = await startServer(); });
    after(async () => { await server.stop(); });

    it('answers the probes', async () => {
        assert.equal((await fetch(`${server.url}/health`)).status, 200);
        assert.equal((await fetch(`${server.url}/status`)).status, 200);
        const version = await fetch(`${server.url}/version`);
        assert.match(await version.text(), /^surrealdb-3\./);
        assert.match(version.headers.get('surreal-version'), /^surrealdb-/);
        assert.equal((await fetch(`${server.url}/nowhere`)).status, 404);
    });

    it('runs /sql with URL variables, JSON or CBOR, and refuses anonymous callers', async () => {
        const hostile = "'; REMOVE DATABASE http; --";
        const json = await fetch(`${server.url}/sql?x=${encodeURIComponent(hostile)}`, { method: 'POST', headers: scoped(), body: 'RETURN $x; RETURN 1 + 1' });
        assert.equal(json.status, 200);
        const results = await json.json();
        assert.deepEqual(results.map((r) => r.result), [hostile, 2]);
        const cbor = await fetch(`${server.url}/sql`, { method: 'POST', headers: scoped({ accept: 'application/cbor' }), body: 'RETURN d"2024-01-02T03:04:05.123456789Z"' });
        const [statement] = decode(new Uint8Array(await cbor.arrayBuffer()));
        assert.equal(statement.result.tag, 12);
        const anonymous = await fetch(`${server.url}/sql`, { method: 'POST', body: 'RETURN 1' });
        assert.equal(anonymous.status, 401);
        const wrong = await fetch(`${server.url}/sql`, { method: 'POST', headers: { authorization: basicAuth('root', 'nope') }, body: 'RETURN 1' });
        assert.equal(wrong.status, 401);
        const details = await wrong.json();
        assert.equal(details.code, 401);
    });

    it('runs POST /rpc statelessly in CBOR and JSON, with Basic and Bearer auth', async () => {
        const request = { id: 7, method: 'query', params: ['RETURN $v', { v: 'ok' }] };
        const cbor = await fetch(`${server.url}/rpc`, { method: 'POST', headers: scoped({ 'content-type': 'application/cbor', accept: 'application/cbor' }), body: encode(request) });
        const reply = decode(new Uint8Array(await cbor.arrayBuffer()));
        assert.equal(reply.id, 7);
        assert.equal(reply.result[0].result, 'ok');
        const signin = await fetch(`${server.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, method: 'signin', params: [{ user: 'root', pass: 'root' }] }) });
        const { result: token } = await signin.json();
        assert.equal(typeof token, 'string');
        const bearer = await fetch(`${server.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'surreal-ns': 'http', 'surreal-db': 'http' }, body: JSON.stringify(request) });
        assert.equal((await bearer.json()).result[0].result, 'ok');
        const anonymous = await fetch(`${server.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
        assert.equal((await anonymous.json()).error.code, -32002);
        const malformed = await fetch(`${server.url}/rpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
        assert.equal(malformed.status, 400);
        assert.equal((await malformed.json()).error.code, -32700);
        const huge = await fetch(`${server.url}/rpc`, { method: 'POST', headers: scoped({ 'content-type': 'application/json' }), body: 'x'.repeat(5 * 1024 * 1024) });
        assert.equal(huge.status, 413);
    });

    it('signs in and up over /signin and /signup', async () => {
        const ok = await fetch(`${server.url}/signin`, { method: 'POST', body: JSON.stringify({ user: 'root', pass: 'root' }) });
        const body = await ok.json();
        assert.equal(body.code, 200);
        assert.equal(body.details, 'Authentication succeeded');
        assert.equal(typeof body.token, 'string');
        const bad = await fetch(`${server.url}/signin`, { method: 'POST', body: JSON.stringify({ user: 'root', pass: 'x' }) });
        assert.equal(bad.status, 401);
        await fetch(`${server.url}/sql`, {
            method: 'POST', headers: scoped(),
            body: 'DEFINE TABLE user SCHEMALESS; DEFINE ACCESS account ON DATABASE TYPE RECORD SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass)) SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))',
        });
        const signup = await fetch(`${server.url}/signup`, { method: 'POST', body: JSON.stringify({ ns: 'http', db: 'http', ac: 'account', email: 'a@b.c', pass: 'pw' }) });
        assert.equal((await signup.json()).code, 200);
        const plain = await fetch(`${server.url}/signin`, { method: 'POST', headers: { accept: 'text/plain' }, body: JSON.stringify({ ns: 'http', db: 'http', ac: 'account', email: 'a@b.c', pass: 'pw' }) });
        assert.match(await plain.text(), /^ey/);
        const garbage = await fetch(`${server.url}/signin`, { method: 'POST', body: 'not json' });
        assert.equal(garbage.status, 400);
    });

    it('serves /key/:table and /key/:table/:id with bound values', async () => {
        const key = (path, init = {}) => fetch(`${server.url}/key/${path}`, { ...init, headers: scoped(init.headers) });
        await fetch(`${server.url}/sql`, { method: 'POST', headers: scoped(), body: 'DEFINE TABLE fruit SCHEMALESS' });
        const created = await (await key('fruit/apple', { method: 'POST', body: JSON.stringify({ colour: 'red' }) })).json();
        assert.equal(created[0].status, 'OK');
        await key('fruit', { method: 'POST', body: JSON.stringify({ colour: "'; DELETE fruit; --" }) });
        const listed = await (await key('fruit?limit=10')).json();
        assert.equal(listed[0].result.length, 2);
        await key('fruit/apple', { method: 'PATCH', body: JSON.stringify({ sweet: true }) });
        const apple = await (await key('fruit/apple')).json();
        assert.deepEqual({ colour: apple[0].result[0].colour, sweet: apple[0].result[0].sweet }, { colour: 'red', sweet: true });
        await key('fruit/pear', { method: 'PUT', body: JSON.stringify({ colour: 'green' }) });
        const removed = await (await key('fruit/apple', { method: 'DELETE' })).json();
        assert.equal(removed[0].result[0].colour, 'red', 'DELETE returns the record as it was');
        const rest = await (await key('fruit')).json();
        assert.equal(rest[0].result.length, 2);
        assert.equal((await key('fruit?limit=-1')).status, 400);
        assert.equal((await key('fruit/x', { method: 'POST', body: '{bad' })).status, 400);
    });

    it('exports and imports a database', async () => {
        await fetch(`${server.url}/sql`, { method: 'POST', headers: scoped(), body: 'DEFINE TABLE book SCHEMAFULL; DEFINE FIELD title ON book TYPE string; CREATE book:one SET title = "Dune"' });
        const exported = await fetch(`${server.url}/export`, { headers: scoped() });
        assert.equal(exported.status, 200);
        const sql = await exported.text();
        assert.match(sql, /DEFINE TABLE book/);
        const target = { authorization: basicAuth(), 'surreal-ns': 'http', 'surreal-db': 'copy' };
        const imported = await fetch(`${server.url}/import`, { method: 'POST', headers: target, body: sql });
        assert.equal(imported.status, 200);
        const check = await (await fetch(`${server.url}/sql`, { method: 'POST', headers: target, body: 'SELECT VALUE title FROM book' })).json();
        assert.deepEqual(check[0].result, ['Dune']);
        assert.equal((await fetch(`${server.url}/export`)).status, 401, 'export needs credentials');
        const broken = await fetch(`${server.url}/import`, { method: 'POST', headers: target, body: 'DEFINE TABLE ;;; nonsense' });
        assert.equal(broken.status, 400);
    });
});

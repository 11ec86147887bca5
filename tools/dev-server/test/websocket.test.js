import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Tag } from 'cbor2';
import { RawClient, startServer } from './helpers.js';

describe('WebSocket /rpc', () => {
    let server;
    before(async () => { server = await startServer(); });
    after(async () => { await server.stop(); });

    for (const format of ['cbor', 'json']) {
        it(`refuses data methods before signin and after invalidate (${format})`, async () => {
            const client = await RawClient.open(server.wsUrl, format);
            const version = await client.result('version');
            assert.match(version, /^surrealdb-3\./);
            for (const method of ['query', 'select', 'create', 'live', 'run']) {
                const reply = await client.call(method, method === 'query' ? ['RETURN 1'] : ['person']);
                assert.equal(reply.error?.code, -32002, `${method} must be refused`);
                assert.match(reply.error.message, /permissions/);
            }
            const wrong = await client.call('signin', [{ user: 'root', pass: 'wrong' }]);
            assert.ok(wrong.error, 'a wrong password is refused');
            assert.equal((await client.call('query', ['RETURN 1'])).error?.code, -32002);
            await client.signedIn();
            const [statement] = await client.result('query', ['RETURN $x', { x: "it's \"hostile\"; REMOVE DATABASE test; --⟩" }]);
            assert.equal(statement.result, "it's \"hostile\"; REMOVE DATABASE test; --⟩");
            await client.result('invalidate');
            assert.equal((await client.call('query', ['RETURN 1'])).error?.code, -32002);
            client.close();
        });

        it(`answers a malformed frame with a parse error and stays usable (${format})`, async () => {
            const client = await (await RawClient.open(server.wsUrl, format)).signedIn();
            client.sendRaw(format === 'cbor' ? Buffer.from([0xa2, 0x62, 0x69]) : '{not json');
            const error = await client.next((m) => m.error);
            assert.equal(error?.error.code, -32700);
            client.sendRaw(format === 'cbor' ? Buffer.from([0x1c]) : '[1,2]');
            assert.ok(await client.next((m) => m.error && m !== error), 'a second bad frame gets its own error');
            const [statement] = await client.result('query', ['RETURN 41 + 1']);
            assert.equal(Number(statement.result), 42);
            client.close();
        });
    }

    it('answers a request the engine cannot deserialize under its own id', async () => {
        const client = await (await RawClient.open(server.wsUrl)).signedIn();
        const reply = await client.call('kill', [new Tag(37, new Uint8Array(3))]);
        assert.equal(reply.error?.code, -32603);
        assert.match(reply.error.message, /16/);
        client.close();
    });

    it('passes custom CBOR tags through unchanged', async () => {
        const client = await (await RawClient.open(server.wsUrl)).signedIn();
        const datetime = new Tag(12, [1704164645, 123456789]);
        const decimal = new Tag(10, '1234567890.123456789012345678');
        const duration = new Tag(14, [5400, 5]);
        const record = new Tag(8, ['person', '42abc']);
        const [statement] = await client.result('query', ['RETURN [$a, $b, $c, $d]', { a: datetime, b: decimal, c: duration, d: record }]);
        const [a, b, c, d] = statement.result;
        assert.equal(a.tag, 12);
        assert.deepEqual(a.contents.map(Number), [1704164645, 123456789]);
        assert.deepEqual([b.tag, b.contents], [10, '1234567890.123456789012345678']);
        assert.equal(c.tag, 14);
        assert.deepEqual(c.contents.map(Number), [5400, 5]);
        assert.deepEqual([d.tag, d.contents], [8, ['person', '42abc']]);
        client.close();
    });

    it('routes live notifications only to the socket that owns the query', async () => {
        const owner = await (await RawClient.open(server.wsUrl)).signedIn('live', 'live');
        const other = await (await RawClient.open(server.wsUrl, 'json')).signedIn('live', 'live');
        await owner.result('query', ['DEFINE TABLE ticket']);
        const liveId = await owner.result('live', ['ticket']);
        await other.result('query', ['CREATE ticket:1 SET n = 1; UPDATE ticket:1 SET n = 2; DELETE ticket:1']);
        const actions = [];
        for (const action of ['CREATE', 'UPDATE', 'DELETE']) {
            const message = await owner.next((m) => m.result?.action === action);
            assert.ok(message, `${action} arrives`);
            assert.deepEqual(Buffer.from(message.result.id.contents), Buffer.from(liveId.contents));
            assert.deepEqual(message.result.record.contents, ['ticket', 1]);
            actions.push(action);
        }
        assert.deepEqual(actions, ['CREATE', 'UPDATE', 'DELETE']);
        await owner.result('kill', [liveId]);
        assert.ok(await owner.next((m) => m.result?.action === 'KILLED'), 'KILLED after kill');
        assert.equal(other.notifications.length, 0, 'the other socket hears nothing');
        owner.close();
        other.close();
    });

    it('keeps sessions separate and refuses foreign session ids', async () => {
        const a = await (await RawClient.open(server.wsUrl)).signedIn('s', 'a');
        const b = await RawClient.open(server.wsUrl);
        const session = new Tag(37, new Uint8Array(16).fill(7));
        assert.equal((await a.call('attach', [], { session })).error, undefined);
        assert.equal((await a.call('query', ['RETURN 1'], { session })).error?.code, -32002, 'a new session starts anonymous');
        await a.result('signin', [{ user: 'root', pass: 'root' }], { session });
        await a.result('use', ['s', 'b'], { session });
        const [info] = await a.result('query', ['RETURN session::db()'], { session });
        assert.equal(info.result, 'b');
        const [main] = await a.result('query', ['RETURN session::db()']);
        assert.equal(main.result, 'a');
        assert.ok((await b.call('query', ['RETURN 1'], { session })).error, 'another socket cannot use it');
        assert.ok((await b.call('attach', [], { session })).error, 'nor attach it');
        const sessions = await a.result('sessions');
        assert.equal(sessions.length, 1);
        await a.result('detach', [], { session });
        assert.ok((await a.call('query', ['RETURN 1'], { session })).error, 'detached');
        a.close();
        b.close();
    });

    it('runs interactive transactions that commit or cancel', async () => {
        const client = await (await RawClient.open(server.wsUrl)).signedIn('txn', 'txn');
        await client.result('query', ['DEFINE TABLE account']);
        const txn = await client.result('begin');
        await client.result('query', ['CREATE account:a SET v = 1'], { txn });
        await client.result('cancel', [txn]);
        let [rows] = await client.result('query', ['SELECT * FROM account']);
        assert.equal(rows.result.length, 0);
        const txn2 = await client.result('begin');
        await client.result('query', ['CREATE account:b SET v = 2'], { txn: txn2 });
        await client.result('commit', [txn2]);
        [rows] = await client.result('query', ['SELECT * FROM account']);
        assert.equal(rows.result.length, 1);
        client.close();
    });

    it('survives a client that vanishes mid-request', async () => {
        const quitter = await (await RawClient.open(server.wsUrl)).signedIn();
        quitter.call('query', ['SLEEP 200ms; RETURN 1']);
        quitter.socket.terminate();
        const client = await (await RawClient.open(server.wsUrl)).signedIn();
        const [statement] = await client.result('query', ['RETURN "still here"']);
        assert.equal(statement.result, 'still here');
        client.close();
    });

    it('refuses an oversized message', async () => {
        const limited = await startServer(['--user', 'root', '--pass', 'root', 'memory']);
        const client = await RawClient.open(limited.wsUrl);
        const closed = new Promise((resolve) => client.socket.once('close', (code) => resolve(code)));
        client.sendRaw(Buffer.alloc(129 * 1024 * 1024, 0x61));
        assert.equal(await closed, 1009);
        const fresh = await (await RawClient.open(limited.wsUrl)).signedIn();
        assert.equal((await fresh.result('query', ['RETURN 1']))[0].result, 1);
        fresh.close();
        await limited.stop();
    });
});

// Authentication and authorisation through the official SDK, over WebSocket and HTTP:
// root signin, refused credentials, anonymous refusal, invalidate, and record access
// (DEFINE ACCESS … TYPE RECORD) with row-level PERMISSIONS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RecordId, Table } from 'surrealdb';
import { ROOT, TRANSPORTS, assertSame, connect, uniqueName, useServer } from './support.js';

useServer();

const ACCESS = `
    DEFINE ACCESS account ON DATABASE TYPE RECORD
        SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))
        SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass))
        DURATION FOR SESSION 1h;
    DEFINE TABLE user SCHEMALESS PERMISSIONS FOR select WHERE id = $auth.id FOR create, update, delete NONE;
    DEFINE TABLE note SCHEMALESS PERMISSIONS
        FOR select, update, delete WHERE owner = $auth.id
        FOR create WHERE $auth.id != NONE;
    DEFINE FIELD owner ON note VALUE $auth.id READONLY;
`;

const texts = (rows) => rows.map((row) => row.text).sort();

for (const transport of TRANSPORTS) {
    describe(`auth over ${transport}`, () => {
        test('root signin succeeds and returns a JWT access token', async (t) => {
            const db = await connect(t, transport, { auth: null });
            const tokens = await db.signin(ROOT);
            assert.equal(typeof tokens.access, 'string');
            assert.equal(tokens.access.split('.').length, 3, 'a JWT has three parts');
            // Root may read root-level metadata, which only an owner can.
            const [info] = await db.query('INFO FOR ROOT');
            assert.equal(typeof info.namespaces, 'object');
            await db.use({ namespace: uniqueName('ns'), database: uniqueName('db') });
            const [n] = await db.query('RETURN 40 + 2');
            assert.equal(n, 42);
        });

        test('a wrong password is refused and leaves the connection anonymous', async (t) => {
            const db = await connect(t, transport, { auth: null });
            await assert.rejects(db.signin({ username: 'root', password: 'not-the-password' }), (err) => {
                assert.match(err.message, /authentication|credentials|password/i);
                return true;
            });
            await assert.rejects(db.signin({ username: 'nobody', password: 'root' }));
            await db.use({ namespace: uniqueName('ns'), database: uniqueName('db') });
            await assert.rejects(db.query('RETURN 1'), /permission/i);
        });

        test('an anonymous query is refused with a permissions error', async (t) => {
            const root = await connect(t, transport);
            await root.query('DEFINE TABLE secret; CREATE secret:0 SET x = 0');
            const db = await connect(t, transport, { auth: null, ns: root.namespace, db: root.database });
            await assert.rejects(db.query('CREATE secret:1 SET x = 1'), (err) => {
                assert.match(err.message, /not enough permissions/i);
                return true;
            });
            await assert.rejects(db.select(new Table('secret')), /permission/i);
            await assert.rejects(db.query('REMOVE TABLE secret'), /permission/i);
            // The refused queries changed nothing.
            const [rows] = await root.query('SELECT * FROM secret');
            assertSame(rows, [{ id: new RecordId('secret', 0), x: 0 }]);
        });

        test('invalidate drops the authentication: later queries are refused', async (t) => {
            const db = await connect(t, transport);
            const [before] = await db.query('RETURN "still signed in"');
            assert.equal(before, 'still signed in');
            await db.invalidate();
            await assert.rejects(db.query('RETURN 1'), /permission/i);
            await assert.rejects(db.create(new RecordId('t', 1)), /permission/i);
            // Signing in again restores access.
            await db.signin(ROOT);
            const [after] = await db.query('RETURN 2');
            assert.equal(after, 2);
        });

        test('record access: signup, signin and per-user row permissions', async (t) => {
            const root = await connect(t, transport);
            const { namespace, database } = root;
            await root.query(ACCESS);

            const alice = await connect(t, transport, { auth: null, ns: namespace, db: database });
            const aliceTokens = await alice.signup({ access: 'account', variables: { email: 'alice@example.com', pass: 'alice-pass' } });
            assert.equal(typeof aliceTokens.access, 'string');
            await alice.query('CREATE note SET text = "alice 1"; CREATE note SET text = "alice 2"');

            const bob = await connect(t, transport, { auth: null, ns: namespace, db: database });
            await bob.signup({ access: 'account', variables: { email: 'bob@example.com', pass: 'bob-pass' } });
            const [bobNote] = await bob.query('CREATE ONLY note SET text = "bob 1"');
            assert.equal(bobNote.text, 'bob 1');

            // $auth is the signed-up user record.
            const aliceRecord = await alice.auth();
            assert.equal(aliceRecord.email, 'alice@example.com');
            assert.ok(aliceRecord.id instanceof RecordId);
            assert.equal(aliceRecord.id.table.name, 'user');

            // Each user sees only their own rows.
            assert.deepEqual(texts(await alice.select(new Table('note'))), ['alice 1', 'alice 2']);
            assert.deepEqual(texts(await bob.select(new Table('note'))), ['bob 1']);
            const [aliceUsers] = await alice.query('SELECT email FROM user');
            assert.deepEqual(aliceUsers, [{ email: 'alice@example.com' }]);

            // Bob's table-wide UPDATE and DELETE reach only his own row.
            await bob.query('UPDATE note SET text = "changed by bob"');
            assert.deepEqual(texts(await root.select(new Table('note'))), ['alice 1', 'alice 2', 'changed by bob']);
            await bob.query('DELETE note');
            assert.deepEqual(texts(await root.select(new Table('note'))), ['alice 1', 'alice 2']);
            assert.deepEqual(texts(await alice.select(new Table('note'))), ['alice 1', 'alice 2']);

            // Signin with the right password on a fresh connection sees Alice's rows again.
            const again = await connect(t, transport, { auth: null, ns: namespace, db: database });
            const tokens = await again.signin({ access: 'account', variables: { email: 'alice@example.com', pass: 'alice-pass' } });
            assert.equal(typeof tokens.access, 'string');
            assert.deepEqual(texts(await again.select(new Table('note'))), ['alice 1', 'alice 2']);

            // A wrong password is refused, and the connection stays anonymous.
            const intruder = await connect(t, transport, { auth: null, ns: namespace, db: database });
            await assert.rejects(intruder.signin({ access: 'account', variables: { email: 'alice@example.com', pass: 'wrong' } }));
            await assert.rejects(intruder.select(new Table('note')), /permission/i);

            // A record user cannot define schema.
            await assert.rejects(alice.query('DEFINE TABLE sneaky'));
        });
    });
}

// SurrealQL queries through the official SDK, over WebSocket and HTTP: use, multi-statement
// results, bindings (hostile strings included), errors, let/unset and run.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RecordId, ServerError } from 'surrealdb';
import { TRANSPORTS, assertSame, connect, uniqueName, useServer } from './support.js';

useServer();

const HOSTILE = [
    "'; REMOVE DATABASE x; --",
    '⟩ ⟨ `x` "y" \\ \\⟩',
    'line\nbreak\ttab \u0000 nul',
    '😀 ünïcödé 漢字',
    '$auth',
    '',
];

for (const transport of TRANSPORTS) {
    describe(`queries over ${transport}`, () => {
        test('use selects the namespace and database the queries run in', async (t) => {
            const db = await connect(t, transport);
            const nsA = uniqueName('ns');
            const dbA = uniqueName('db');
            const selected = await db.use({ namespace: nsA, database: dbA });
            assert.equal(selected.namespace, nsA);
            assert.equal(selected.database, dbA);
            assert.equal(db.namespace, nsA);
            assert.equal(db.database, dbA);
            const [ns, dbName] = await db.query('RETURN session::ns(); RETURN session::db()');
            assert.equal(ns, nsA);
            assert.equal(dbName, dbA);
            await db.query('CREATE item:1 SET where = "A"');

            // Another database of the same namespace does not see the record.
            const dbB = uniqueName('db');
            await db.use({ namespace: nsA, database: dbB });
            assert.equal((await db.query('RETURN session::db()'))[0], dbB);
            await db.query('DEFINE TABLE item');
            const [rows] = await db.query('SELECT * FROM item');
            assert.deepEqual(rows, []);

            // Switching back finds it again.
            await db.use({ namespace: nsA, database: dbA });
            const [back] = await db.query('SELECT VALUE where FROM item');
            assert.deepEqual(back, ['A']);
        });

        test('a multi-statement query returns one result per statement', async (t) => {
            const db = await connect(t, transport);
            const results = await db.query(`
                CREATE person:tobie SET name = 'Tobie', age = 30;
                CREATE person:jaime SET name = 'Jaime', age = 25;
                SELECT name FROM person ORDER BY name;
                RETURN count((SELECT * FROM person));
                UPDATE person:tobie SET age += 1 RETURN VALUE age;
                RETURN 'done';
            `);
            assert.equal(results.length, 6);
            assertSame(results[0], [{ id: new RecordId('person', 'tobie'), name: 'Tobie', age: 30 }]);
            assertSame(results[1], [{ id: new RecordId('person', 'jaime'), name: 'Jaime', age: 25 }]);
            assert.deepEqual(results[2], [{ name: 'Jaime' }, { name: 'Tobie' }]);
            assert.equal(results[3], 2);
            assert.deepEqual(results[4], [31]);
            assert.equal(results[5], 'done');

            // responses() gives the per-statement status, including a failed one in the middle.
            const responses = await db.query('RETURN 1; THROW "middle"; RETURN 3').responses();
            assert.equal(responses.length, 3);
            assert.equal(responses[0].success, true);
            assert.equal(responses[0].result, 1);
            assert.equal(responses[1].success, false);
            assert.match(responses[1].error.message, /middle/);
            assert.equal(responses[2].success, true);
            assert.equal(responses[2].result, 3);
        });

        test('bindings carry hostile strings verbatim and are never spliced into the query', async (t) => {
            const db = await connect(t, transport);
            await db.query('DEFINE TABLE x; DEFINE TABLE note');
            for (const [i, text] of HOSTILE.entries()) {
                const [echoed] = await db.query('RETURN $text', { text });
                assert.equal(echoed, text, `RETURN $text for ${JSON.stringify(text)}`);
                const [stored] = await db.query('CREATE ONLY type::record("note", $i) SET text = $text RETURN VALUE text', { i, text });
                assert.equal(stored, text);
                // As a record key too (an empty key is not a valid id): the key round-trips exactly.
                if (text === '') continue;
                const [record] = await db.query('CREATE ONLY type::record("note", $text) SET n = $i', { i, text });
                assert.ok(record.id.equals(new RecordId('note', text)), `record key ${JSON.stringify(text)}`);
                assert.equal(record.id.id, text);
            }
            const [texts] = await db.query('SELECT VALUE text FROM note WHERE text != NONE ORDER BY text');
            assert.deepEqual(texts, [...HOSTILE].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
            // The injection attempt did not run: the database is still there.
            const [info] = await db.query('INFO FOR DB');
            assert.ok('x' in info.tables && 'note' in info.tables);
            // Bindings of every JSON-ish type keep their type.
            const [values] = await db.query('RETURN [$n, $f, $b, $a, $o, $z]', {
                n: 42, f: 1.5, b: true, a: [1, 'two', [3]], o: { k: { nested: 'v' } }, z: -0.25,
            });
            assert.deepEqual(values, [42, 1.5, true, [1, 'two', [3]], { k: { nested: 'v' } }, -0.25]);
        });

        test('invalid SurrealQL is thrown as an error with a parse message', async (t) => {
            const db = await connect(t, transport);
            await assert.rejects(db.query('SELEC * FROM nowhere'), (err) => {
                assert.ok(err instanceof ServerError, `expected a ServerError, got ${err?.constructor?.name}`);
                assert.match(err.message, /parse error|unexpected/i);
                return true;
            });
            await assert.rejects(db.query('CREATE person SET name = ;'), /parse|unexpected/i);
            // The connection stays usable after an error.
            assert.equal((await db.query('RETURN "alive"'))[0], 'alive');
        });

        test('THROW surfaces as a thrown error carrying the message', async (t) => {
            const db = await connect(t, transport);
            await assert.rejects(db.query('THROW "custom failure 42"'), (err) => {
                assert.ok(err instanceof ServerError);
                assert.match(err.message, /custom failure 42/);
                return true;
            });
            // A failing statement in a transaction block cancels the whole block.
            await db.query('DEFINE TABLE ledger');
            await assert.rejects(db.query('BEGIN; CREATE ledger:1; THROW "rollback please"; COMMIT;'), /rollback please|cancel|failed/i);
            const [rows] = await db.query('SELECT * FROM ledger');
            assert.deepEqual(rows, []);
        });

        test('let defines a variable for later queries and unset removes it', async (t) => {
            const db = await connect(t, transport);
            await db.set('greeting', 'hello');
            await db.set('limits', { max: 10, tags: ['a', 'b'] });
            const [greeting, max, tags] = await db.query('RETURN $greeting; RETURN $limits.max; RETURN $limits.tags');
            assert.equal(greeting, 'hello');
            assert.equal(max, 10);
            assert.deepEqual(tags, ['a', 'b']);
            // A variable is usable inside statements, and a query binding takes precedence.
            const [row] = await db.query('CREATE ONLY msg:1 SET text = $greeting');
            assert.equal(row.text, 'hello');
            assert.equal((await db.query('RETURN $greeting', { greeting: 'override' }))[0], 'override');

            await db.unset('greeting');
            const [gone] = await db.query('RETURN $greeting');
            assert.equal(gone, undefined);
            const [isNone] = await db.query('RETURN type::is_none($greeting)');
            assert.equal(isNone, true);
            // The other variable is untouched.
            assert.equal((await db.query('RETURN $limits.max'))[0], 10);
        });

        test('run calls built-in functions and custom fn:: functions', async (t) => {
            const db = await connect(t, transport);
            assert.equal(await db.run('string::uppercase', ['surreal ⟩ qt']), 'SURREAL ⟩ QT');
            assert.equal(await db.run('math::max', [[3, 9, 4]]), 9);
            assert.deepEqual(await db.run('array::distinct', [[1, 1, 2, 3, 3]]), [1, 2, 3]);

            await db.query(`DEFINE FUNCTION fn::greet($name: string, $times: int) {
                RETURN string::repeat('hi ' + $name + '! ', $times);
            }`);
            assert.equal(await db.run('fn::greet', ['ada', 2]), 'hi ada! hi ada! ');
            // Wrong argument types and unknown functions are errors.
            await assert.rejects(db.run('fn::greet', ['ada', 'many']));
            await assert.rejects(db.run('fn::does_not_exist', []), /does_not_exist|not found|does not exist/i);
        });
    });
}

// Export then import through the official SDK (db.export() / db.import(), which use the HTTP
// /export and /import endpoints even on a WebSocket connection), over both transports, and the
// same endpoints called directly with fetch and Basic auth. The import goes into a fresh
// database, and its contents must match the source's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime, Decimal, Duration, GeometryPoint, Uuid } from 'surrealdb';
import { TRANSPORTS, assertSame, baseUrl, connect, uniqueName, useServer } from './support.js';

useServer();

const SCHEMA = `
    DEFINE TABLE person SCHEMAFULL;
    DEFINE FIELD name ON person TYPE string;
    DEFINE FIELD born ON person TYPE datetime;
    DEFINE FIELD wealth ON person TYPE decimal;
    DEFINE FIELD tags ON person TYPE array<string> DEFAULT [];
    DEFINE INDEX person_name ON person FIELDS name UNIQUE;
    DEFINE TABLE post SCHEMALESS;
    DEFINE TABLE wrote TYPE RELATION IN person OUT post;
    DEFINE FUNCTION fn::shout($s: string) { RETURN string::uppercase($s) + '!'; };
    DEFINE PARAM $motto VALUE 'export me';
    DEFINE ANALYZER simple TOKENIZERS blank FILTERS lowercase;
`;

async function seed(db) {
    await db.query(SCHEMA);
    await db.query(`
        CREATE person:ada CONTENT { name: 'Ada', born: $born, wealth: $wealth, tags: ['math', '⟩ odd'] };
        CREATE person:⟨42abc⟩ CONTENT { name: 'Digits', born: d'2000-01-01T00:00:00Z', wealth: 0.5dec };
        CREATE post:1 CONTENT { title: "It's ⟨quoted⟩", at: $at, span: $span, key: $key, where: $where, nested: { a: [1, NULL, { b: NONE }] } };
        CREATE post:[2, 'x'] SET title = 'array key';
        RELATE person:ada->wrote->post:1 SET at = 2024;
    `, {
        born: new DateTime('1815-12-10T08:30:00.123456789Z'),
        wealth: new Decimal('1234567890.123456789012345678'),
        at: new DateTime('2024-05-06T07:08:09.000000001Z'),
        span: new Duration('1h2m3s4ns'),
        key: new Uuid('0190d5a2-7c3f-7b4e-9a1d-5e6f7a8b9c0d'),
        where: new GeometryPoint([13.4, 52.5]),
    });
}

const TABLES = ['person', 'post', 'wrote'];

async function snapshot(db) {
    const out = {};
    for (const table of TABLES) [out[table]] = await db.query(`SELECT * FROM ${table} ORDER BY id`);
    const [info] = await db.query('INFO FOR DB');
    out.definitions = {
        tables: info.tables, functions: info.functions, params: info.params, analyzers: info.analyzers,
    };
    const [indexes] = await db.query('INFO FOR TABLE person');
    out.personIndexes = indexes.indexes;
    out.personFields = indexes.fields;
    [out.shout] = await db.query('RETURN fn::shout("hi")');
    [out.motto] = await db.query('RETURN $motto');
    [out.graph] = await db.query('SELECT VALUE ->wrote->post.title FROM ONLY person:ada');
    return out;
}

for (const transport of TRANSPORTS) {
    describe(`export and import over ${transport}`, () => {
        test('an export imported into a fresh database reproduces it', async (t) => {
            const source = await connect(t, transport);
            await seed(source);
            const dump = await source.export();
            assert.equal(typeof dump, 'string');
            assert.match(dump, /DEFINE TABLE person/);
            assert.match(dump, /DEFINE FUNCTION fn::shout/);
            assert.match(dump, /INSERT/);

            const target = await connect(t, transport);
            assert.notEqual(target.database, source.database);
            await target.import(dump);

            const expected = await snapshot(source);
            const actual = await snapshot(target);
            assertSame(actual, expected);
            assert.equal(actual.person.length, 2);
            assert.equal(actual.post.length, 2);
            assert.equal(actual.shout, 'HI!');
            assert.deepEqual(actual.graph, ["It's ⟨quoted⟩"]);
            // Typed values survived the trip through SurrealQL text.
            const [post] = await target.query('SELECT * FROM ONLY post:1');
            assert.ok(post.at.equals(new DateTime('2024-05-06T07:08:09.000000001Z')));
            assert.ok(post.key.equals(new Uuid('0190d5a2-7c3f-7b4e-9a1d-5e6f7a8b9c0d')));
            assert.ok(post.span.equals(new Duration('1h2m3s4ns')));
            const [wealth] = await target.query('SELECT VALUE <string>wealth FROM ONLY person:ada');
            assert.equal(wealth, '1234567890.123456789012345678');
            // The schema is enforced in the copy too (the unique index and field types).
            await assert.rejects(target.query("CREATE person SET name = 'Ada', born = time::now(), wealth = 1dec"), /person_name|already contains|unique/i);
            await assert.rejects(target.query("CREATE person SET name = 1, born = 'not a date', wealth = 1dec"));

            // Exporting the copy gives the same text.
            assert.equal(await target.export(), dump);
        });

        test('export options select what is exported', async (t) => {
            const db = await connect(t, transport);
            await seed(db);
            const schemaOnly = await db.export({ records: false });
            assert.match(schemaOnly, /DEFINE TABLE post/);
            assert.doesNotMatch(schemaOnly, /INSERT/);
            const onlyPosts = await db.export({ tables: ['post'], functions: false, params: false });
            assert.match(onlyPosts, /DEFINE TABLE post/);
            assert.doesNotMatch(onlyPosts, /DEFINE TABLE person/);
            assert.doesNotMatch(onlyPosts, /fn::shout/);
            assert.match(onlyPosts, /array key/);
        });
    });
}

describe('export and import with fetch and Basic auth', () => {
    const basic = `Basic ${Buffer.from('root:root').toString('base64')}`;

    test('GET /export and POST /import copy a database', async (t) => {
        const source = await connect(t, 'ws');
        await seed(source);
        const exported = await fetch(`${baseUrl()}/export`, {
            headers: { Authorization: basic, 'Surreal-NS': source.namespace, 'Surreal-DB': source.database },
        });
        assert.equal(exported.status, 200);
        const dump = await exported.text();
        assert.equal(dump, await source.export());

        const targetNs = uniqueName('ns');
        const targetDb = uniqueName('db');
        const imported = await fetch(`${baseUrl()}/import`, {
            method: 'POST',
            headers: { Authorization: basic, 'Surreal-NS': targetNs, 'Surreal-DB': targetDb, Accept: 'application/json' },
            body: dump,
        });
        assert.equal(imported.status, 200, await imported.clone().text());
        await imported.arrayBuffer();
        const target = await connect(t, 'ws', { ns: targetNs, db: targetDb });
        assertSame(await snapshot(target), await snapshot(source));

        // A POST /export with JSON options works too.
        const recordsOnly = await fetch(`${baseUrl()}/export`, {
            method: 'POST',
            headers: { Authorization: basic, 'Surreal-NS': source.namespace, 'Surreal-DB': source.database, 'Content-Type': 'application/json' },
            body: JSON.stringify({ functions: false, params: false, analyzers: false, tables: ['person'] }),
        });
        assert.equal(recordsOnly.status, 200);
        const text = await recordsOnly.text();
        assert.match(text, /person:ada/);
        assert.doesNotMatch(text, /post:1|fn::shout/);
    });

    test('without credentials /export and /import are refused', async () => {
        const headers = { 'Surreal-NS': uniqueName('ns'), 'Surreal-DB': uniqueName('db') };
        const exported = await fetch(`${baseUrl()}/export`, { headers });
        assert.equal(exported.status, 401);
        await exported.arrayBuffer();
        const imported = await fetch(`${baseUrl()}/import`, { method: 'POST', headers, body: 'DEFINE TABLE sneaky;' });
        assert.equal(imported.status, 401);
        await imported.arrayBuffer();
        const wrong = await fetch(`${baseUrl()}/export`, {
            headers: { ...headers, Authorization: `Basic ${Buffer.from('root:wrong').toString('base64')}` },
        });
        assert.equal(wrong.status, 401);
        await wrong.arrayBuffer();
    });
});

// Every CRUD method of the official SDK (create, select, insert, update, upsert, merge, patch,
// delete) plus relate and graph selection, over WebSocket and HTTP. In SDK 2.x merge, patch,
// content and replace are modifiers of update()/upsert() (db.update(id).merge({...})), and every
// method is compiled to SurrealQL sent through the `query` RPC.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BoundExcluded, BoundIncluded, RecordId, RecordIdRange, StringRecordId, Table } from 'surrealdb';
import { TRANSPORTS, assertSame, connect, useServer } from './support.js';

useServer();

const byId = (a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

for (const transport of TRANSPORTS) {
    describe(`CRUD over ${transport}`, () => {
        test('create a record by id and by table, then select it back', async (t) => {
            const db = await connect(t, transport);
            const tobie = new RecordId('person', 'tobie');
            const created = await db.create(tobie).content({ name: 'Tobie', tags: ['founder'] });
            assertSame(created, { id: tobie, name: 'Tobie', tags: ['founder'] });

            // Creating the same id twice is an error.
            await assert.rejects(db.create(tobie).content({ name: 'again' }), /already exists/i);

            // A table target generates an id.
            const [generated] = await db.create(new Table('person')).content({ name: 'Jaime' });
            assert.ok(generated.id instanceof RecordId);
            assert.equal(generated.id.table.name, 'person');
            assert.equal(generated.name, 'Jaime');

            assertSame(await db.select(tobie), { id: tobie, name: 'Tobie', tags: ['founder'] });
            assertSame(await db.select(new StringRecordId('person:tobie')), { id: tobie, name: 'Tobie', tags: ['founder'] });
            const all = await db.select(new Table('person'));
            assert.deepEqual(all.map((p) => p.name).sort(), ['Jaime', 'Tobie']);
            assert.equal(await db.select(new RecordId('person', 'nobody')), undefined);
        });

        test('insert one and many records', async (t) => {
            const db = await connect(t, transport);
            const one = await db.insert(new Table('city'), { id: new RecordId('city', 'paris'), name: 'Paris' });
            assertSame(one, [{ id: new RecordId('city', 'paris'), name: 'Paris' }]);
            const many = await db.insert(new Table('city'), [
                { id: new RecordId('city', 'rome'), name: 'Rome' },
                { name: 'Generated' },
            ]);
            assert.equal(many.length, 2);
            assert.equal(many[0].name, 'Rome');
            assert.equal(many[1].id.table.name, 'city');
            // Inserting records that carry their own ids, without a table.
            const withIds = await db.insert([{ id: new RecordId('town', 'a'), n: 1 }, { id: new RecordId('town', 'b'), n: 2 }]);
            assertSame(withIds.sort(byId), [{ id: new RecordId('town', 'a'), n: 1 }, { id: new RecordId('town', 'b'), n: 2 }]);
            assert.equal((await db.select(new Table('city'))).length, 3);
        });

        test('update replaces content, merge merges, patch applies JSON Patch', async (t) => {
            const db = await connect(t, transport);
            const id = new RecordId('doc', 1);
            await db.create(id).content({ a: 1, b: { c: 2 }, list: [1, 2] });

            const replaced = await db.update(id).content({ x: 'new' });
            assertSame(replaced, { id, x: 'new' });

            const merged = await db.update(id).merge({ y: 2, nested: { deep: true } });
            assertSame(merged, { id, x: 'new', y: 2, nested: { deep: true } });

            const patched = await db.update(id).patch([
                { op: 'replace', path: '/x', value: 'patched' },
                { op: 'add', path: '/z', value: [1, 2, 3] },
                { op: 'remove', path: '/y' },
            ]);
            assertSame(patched, { id, x: 'patched', z: [1, 2, 3], nested: { deep: true } });
            assertSame(await db.select(id), { id, x: 'patched', z: [1, 2, 3], nested: { deep: true } });

            // A table-wide update touches every record.
            await db.create(new RecordId('doc', 2)).content({ x: 'other' });
            const all = await db.update(new Table('doc')).merge({ flagged: true });
            assert.equal(all.length, 2);
            assert.ok(all.every((row) => row.flagged === true));

            // Updating a record that does not exist creates nothing.
            await db.update(new RecordId('doc', 'missing')).merge({ x: 1 });
            assert.equal(await db.select(new RecordId('doc', 'missing')), undefined);
        });

        test('upsert creates a missing record and replaces or merges an existing one', async (t) => {
            const db = await connect(t, transport);
            const id = new RecordId('setting', 'theme');
            const created = await db.upsert(id).content({ value: 'dark' });
            assertSame(created, { id, value: 'dark' });
            const replaced = await db.upsert(id).content({ value: 'light', size: 12 });
            assertSame(replaced, { id, value: 'light', size: 12 });
            const merged = await db.upsert(id).merge({ size: 14 });
            assertSame(merged, { id, value: 'light', size: 14 });
            assert.equal((await db.select(new Table('setting'))).length, 1);
        });

        test('delete one record, a range and a whole table', async (t) => {
            const db = await connect(t, transport);
            for (let i = 1; i <= 6; i++) await db.create(new RecordId('item', i)).content({ n: i });

            const deleted = await db.delete(new RecordId('item', 1));
            assertSame(deleted, { id: new RecordId('item', 1), n: 1 });
            assert.equal(await db.select(new RecordId('item', 1)), undefined);

            // Record id ranges: [2, 4) then the rest.
            const range = new RecordIdRange('item', new BoundIncluded(2), new BoundExcluded(4));
            assert.deepEqual((await db.select(range)).map((row) => row.n), [2, 3]);
            const deletedRange = await db.delete(range);
            assert.deepEqual(deletedRange.map((row) => row.n).sort(), [2, 3]);

            const rest = await db.delete(new Table('item'));
            assert.deepEqual(rest.map((row) => row.n).sort(), [4, 5, 6]);
            assert.deepEqual(await db.select(new Table('item')), []);
        });

        test('relate records and select through the graph', async (t) => {
            const db = await connect(t, transport);
            const ada = new RecordId('person', 'ada');
            const bob = new RecordId('person', 'bob');
            const p1 = new RecordId('post', 'p1');
            const p2 = new RecordId('post', 'p2');
            const p3 = new RecordId('post', 'p3');
            await db.insert([
                { id: ada, name: 'Ada' }, { id: bob, name: 'Bob' },
                { id: p1, title: 'One' }, { id: p2, title: 'Two' }, { id: p3, title: 'Three' },
            ]);

            const edge = await db.relate(ada, new Table('wrote'), p1, { at: 2024 });
            const single = Array.isArray(edge) ? edge[0] : edge;
            assert.ok(single.id instanceof RecordId);
            assert.equal(single.id.table.name, 'wrote');
            assert.ok(single.in.equals(ada));
            assert.ok(single.out.equals(p1));
            assert.equal(single.at, 2024);
            await db.relate(ada, new Table('wrote'), p2);
            await db.relate(bob, new RecordId('wrote', 'bob_p3'), p3, { at: 2025 });

            const [adaPosts] = await db.query('SELECT ->wrote->post AS posts FROM person:ada');
            assert.deepEqual(adaPosts[0].posts.map(String).sort(), ['post:p1', 'post:p2']);
            const [titles] = await db.query('SELECT VALUE ->wrote->post.title FROM ONLY person:ada');
            assert.deepEqual([...titles].sort(), ['One', 'Two']);
            const [authors] = await db.query('SELECT VALUE <-wrote<-person.name FROM ONLY post:p3');
            assert.deepEqual(authors, ['Bob']);
            const [edgeRow] = await db.query('SELECT * FROM ONLY wrote:bob_p3');
            assert.ok(edgeRow.in.equals(bob) && edgeRow.out.equals(p3));
            const [count] = await db.query('RETURN count(SELECT * FROM wrote)');
            assert.equal(count, 3);
        });
    });
}

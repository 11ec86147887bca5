// SurrealDB values round-tripping through the server via the official SDK, over WebSocket and
// HTTP: each value is written with a binding, read back and compared, and where it matters the
// server is asked what it stored (so a lossy client/server pair cannot agree on a wrong value).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
    BoundExcluded, BoundIncluded, DateTime, Decimal, Duration, GeometryCollection, GeometryLine,
    GeometryMultiPoint, GeometryPoint, GeometryPolygon, Range, RecordId, RecordIdRange, Table, Uuid,
} from 'surrealdb';
import { TRANSPORTS, assertSame, connect, useServer } from './support.js';

useServer();

// Writes {v: value} to a fresh record through a binding and returns the stored field.
async function roundTrip(db, value) {
    const id = new RecordId('box', Uuid.v7());
    await db.query('CREATE ONLY $id CONTENT { v: $value }', { id, value });
    const [row] = await db.query('SELECT * FROM ONLY $id', { id });
    return row.v;
}

function assertEquals(actual, expected, label) {
    assert.ok(actual && typeof actual.equals === 'function', `${label}: got ${actual?.constructor?.name} ${actual}`);
    assert.equal(actual.constructor, expected.constructor, `${label}: class`);
    assert.ok(actual.equals(expected), `${label}: ${actual} != ${expected}`);
    assert.equal(actual.toString(), expected.toString(), `${label}: text`);
}

const square = (x0, y0, size) => new GeometryLine([
    new GeometryPoint([x0, y0]), new GeometryPoint([x0 + size, y0]),
    new GeometryPoint([x0 + size, y0 + size]), new GeometryPoint([x0, y0 + size]), new GeometryPoint([x0, y0]),
]);

for (const transport of TRANSPORTS) {
    describe(`values over ${transport}`, () => {
        test('datetime keeps its nanoseconds', async (t) => {
            const db = await connect(t, transport);
            const value = new DateTime('2024-02-29T23:59:59.123456789Z');
            const back = await roundTrip(db, value);
            assertEquals(back, value, 'datetime');
            assert.equal(back.nanoseconds, 1709251199123456789n);
            const [nanos, isDatetime, text] = await db.query(
                'RETURN time::nano($v); RETURN type::is_datetime($v); RETURN <string>$v', { v: value });
            assert.equal(BigInt(nanos), 1709251199123456789n);
            assert.equal(isDatetime, true);
            assert.equal(text, '2024-02-29T23:59:59.123456789Z');
            // A server-made datetime comes back as a DateTime too.
            const [server] = await db.query('RETURN d"1999-12-31T23:59:59.000000001Z"');
            assertEquals(server, new DateTime('1999-12-31T23:59:59.000000001Z'), 'server datetime');
        });

        test('uuid', async (t) => {
            const db = await connect(t, transport);
            for (const value of [Uuid.v4(), Uuid.v7(), new Uuid('00000000-0000-0000-0000-000000000000')]) {
                const back = await roundTrip(db, value);
                assertEquals(back, value, 'uuid');
                const [text, isUuid] = await db.query('RETURN <string>$v; RETURN type::is_uuid($v)', { v: value });
                assert.equal(text, value.toString());
                assert.equal(isUuid, true);
            }
        });

        test('duration keeps every unit down to nanoseconds', async (t) => {
            const db = await connect(t, transport);
            const value = new Duration('1w2d3h4m5s6ms7µs8ns');
            const back = await roundTrip(db, value);
            assertEquals(back, value, 'duration');
            const [nanos] = await db.query('RETURN duration::nanos($v)', { v: value });
            const expected = ((((9n * 24n + 3n) * 60n + 4n) * 60n + 5n) * 1000000000n) + 6007008n;
            assert.equal(BigInt(nanos), expected);
            assert.equal(back.nanoseconds, expected);
            const [server] = await db.query('RETURN 1h30m');
            assertEquals(server, new Duration('1h30m'), 'server duration');
        });

        test('decimal keeps all 28 significant digits', async (t) => {
            const db = await connect(t, transport);
            const value = new Decimal('1234567890.123456789012345678');
            const back = await roundTrip(db, value);
            assertEquals(back, value, 'decimal');
            const [text, isDecimal, sum] = await db.query(
                'RETURN <string>$v; RETURN type::is_decimal($v); RETURN $v + 1dec', { v: value });
            assert.equal(text, '1234567890.123456789012345678');
            assert.equal(isDecimal, true);
            assertEquals(sum, new Decimal('1234567891.123456789012345678'), 'decimal arithmetic');
            const negative = new Decimal('-0.000000000000000000000000001');
            assertEquals(await roundTrip(db, negative), negative, 'tiny negative decimal');
        });

        test('record ids with string, number, array, object and digit-leading keys', async (t) => {
            const db = await connect(t, transport);
            const ids = [
                new RecordId('thing', 'plain'),
                new RecordId('thing', 42),
                new RecordId('thing', '42abc'),
                new RecordId('thing', '42'),
                new RecordId('thing', 'with space ⟩ and ⟨'),
                new RecordId('thing', [1, 'a', { b: 2 }]),
                new RecordId('thing', { city: 'London', year: 2024 }),
                new RecordId('thing', Uuid.v7()),
            ];
            for (const id of ids) {
                assertEquals(await roundTrip(db, id), id, `record id ${id}`);
                // Used as the id of a record itself, selected back by the same id.
                const created = await db.create(id).content({ label: String(id) });
                assertEquals(created.id, id, `created ${id}`);
                const selected = await db.select(id);
                assert.ok(selected, `select ${id}`);
                assertEquals(selected.id, id, `selected ${id}`);
                assert.equal(selected.label, String(id));
            }
            const [key, tb] = await db.query('RETURN record::id($r); RETURN record::tb($r)', { r: new RecordId('thing', '42abc') });
            assert.equal(key, '42abc');
            assert.equal(tb, 'thing');
            // The string key '42' and the number key 42 are different records.
            const [numberKey] = await db.query('RETURN record::id($r)', { r: new RecordId('thing', 42) });
            const [stringKey] = await db.query('RETURN record::id($r)', { r: new RecordId('thing', '42') });
            assert.equal(numberKey, 42);
            assert.equal(stringKey, '42');
            assert.equal((await db.select(new Table('thing'))).length, ids.length);
        });

        test('geometry: point, polygon, multipoint and collection', async (t) => {
            const db = await connect(t, transport);
            const point = new GeometryPoint([-0.118092, 51.509865]);
            const polygon = new GeometryPolygon([square(0, 0, 10), square(2, 2, 1)]);
            const multi = new GeometryMultiPoint([new GeometryPoint([1, 2]), new GeometryPoint([3, 4])]);
            const collection = new GeometryCollection([point, polygon, multi]);
            for (const [label, value] of [['point', point], ['polygon', polygon], ['multipoint', multi], ['collection', collection]])
                assertEquals(await roundTrip(db, value), value, label);
            assert.deepEqual((await roundTrip(db, point)).point, [-0.118092, 51.509865]);
            const [isPoint, isPolygon, area] = await db.query(
                'RETURN type::is_point($p); RETURN type::is_polygon($g); RETURN geo::area($g)', { p: point, g: polygon });
            assert.equal(isPoint, true);
            assert.equal(isPolygon, true);
            assert.ok(area > 0, `area ${area}`);
            // A geometry the server builds from a literal.
            const [server] = await db.query("RETURN { type: 'Point', coordinates: [1.5, 2.5] }");
            assertEquals(server, new GeometryPoint([1.5, 2.5]), 'server point');
        });

        test('ranges with included, excluded and open bounds', async (t) => {
            const db = await connect(t, transport);
            const ranges = [
                ['1..5', new Range(new BoundIncluded(1), new BoundExcluded(5))],
                ['1>..=5', new Range(new BoundExcluded(1), new BoundIncluded(5))],
                ['..5', new Range(undefined, new BoundExcluded(5))],
                ['..=5', new Range(undefined, new BoundIncluded(5))],
                ['3..', new Range(new BoundIncluded(3), undefined)],
                ['3>..', new Range(new BoundExcluded(3), undefined)],
            ];
            for (const [literal, expected] of ranges) {
                const [fromServer] = await db.query(`RETURN ${literal}`);
                assertEquals(fromServer, expected, `RETURN ${literal}`);
                const [echoed, isRange] = await db.query('RETURN $r; RETURN type::is_range($r)', { r: expected });
                assertEquals(echoed, expected, `binding ${literal}`);
                assert.equal(isRange, true);
            }
            const [members] = await db.query('RETURN array::filter([0, 1, 2, 3, 4, 5, 6], |$n| $n INSIDE $r)', {
                r: new Range(new BoundExcluded(1), new BoundIncluded(5)),
            });
            assert.deepEqual(members, [2, 3, 4, 5]);

            // Record id ranges: as a value, and selecting records.
            for (let i = 1; i <= 6; i++) await db.create(new RecordId('seq', i));
            const idRange = new RecordIdRange('seq', new BoundExcluded(2), new BoundIncluded(5));
            const [echoedIdRange] = await db.query('RETURN $r', { r: idRange });
            assertEquals(echoedIdRange, idRange, 'record id range');
            const [serverIdRange] = await db.query('RETURN seq:2>..=5');
            assertEquals(serverIdRange, idRange, 'server record id range');
            const ids = async (q) => (await db.query(q))[0].map((id) => id.id);
            assert.deepEqual(await ids('SELECT VALUE id FROM seq:2..4'), [2, 3]);
            assert.deepEqual(await ids('SELECT VALUE id FROM seq:2>..=4'), [3, 4]);
            assert.deepEqual(await ids('SELECT VALUE id FROM seq:..3'), [1, 2]);
            assert.deepEqual(await ids('SELECT VALUE id FROM seq:5..'), [5, 6]);
            assert.deepEqual((await db.select(idRange)).map((row) => row.id.id), [3, 4, 5]);
        });

        test('NONE makes a field absent; null is stored as null', async (t) => {
            const db = await connect(t, transport);
            const id = new RecordId('nn', 1);
            const [created] = await db.query('CREATE ONLY $id CONTENT { gone: $none, empty: $null, kept: 1 }', {
                id, none: undefined, null: null,
            });
            assert.ok(!('gone' in created), 'a NONE field is absent');
            assert.ok('empty' in created, 'a null field is present');
            assert.equal(created.empty, null);
            const [isNone, isNull, stored] = await db.query(
                'RETURN type::is_none($id.gone); RETURN type::is_null($id.empty); SELECT * FROM ONLY $id', { id });
            assert.equal(isNone, true);
            assert.equal(isNull, true);
            assertSame(stored, { id, empty: null, kept: 1 });

            // Setting an existing field to NONE removes it; setting one to null keeps it as null.
            const updated = await db.update(id).merge({ kept: undefined, empty: null, other: null });
            assertSame(updated, { id, empty: null, other: null });
            const [afterSet] = await db.query('UPDATE ONLY $id SET other = NONE', { id });
            assertSame(afterSet, { id, empty: null });
            // Inside arrays, NONE and null are both kept as elements (NONE reads back as undefined).
            const [array] = await db.query('RETURN [$none, $null, 1]', { none: undefined, null: null });
            assert.deepEqual(array, [undefined, null, 1]);
        });

        test('nested structures of mixed values survive intact', async (t) => {
            const db = await connect(t, transport);
            const value = {
                when: new DateTime('2030-01-01T00:00:00.000000001Z'),
                ids: [new RecordId('a', 1), new RecordId('b', ['x', 2])],
                money: new Decimal('0.1'),
                span: new Duration('90s'),
                key: Uuid.v4(),
                where: new GeometryPoint([1, 2]),
                big: 9007199254740993n,
                float: 0.1,
                text: 'ünïcödé ⟩',
                flags: [true, false, null],
            };
            const back = await roundTrip(db, value);
            assertSame(back, value);
            assert.equal(typeof back.big, 'bigint');
            assert.equal(back.big, 9007199254740993n);
        });
    });
}

// Interop between SurrealQt and the official JS SDK (issue 3 §7): every value kind of the golden
// table is written by one SDK, read back by the other and compared field by field.
//
//   SurrealQt → JS: `surrealqt-interop write` UPSERTs interop:<kind> = { v: <value> }; this file
//                   reads table `interop` with the SDK and compares each record with the value it
//                   builds itself from the SDK's classes (RecordId, DateTime, Range...).
//   JS → SurrealQt: this file UPSERTs the same kinds into `interop_js`; `surrealqt-interop check`
//                   reads them and compares them with the values it builds with SurrealQt's classes.
//
// The binary comes from SURREALQT_INTEROP_BIN (CTest sets it to the built surrealqt-interop). The
// two kind lists must agree; the first test checks that against `surrealqt-interop kinds`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
    BoundExcluded, BoundIncluded, DateTime, Decimal, Duration, FileRef, Geometry, GeometryCollection,
    GeometryLine, GeometryMultiLine, GeometryMultiPoint, GeometryMultiPolygon, GeometryPoint,
    GeometryPolygon, Range, RecordId, RecordIdRange, Table, Uuid, Value, toSurqlString,
} from 'surrealdb';
import { TRANSPORTS, baseUrl, connect, uniqueName, useServer } from './support.js';

useServer();

const RUN_TIMEOUT_MS = 60_000;

// ---- The kinds, as the JS SDK builds them ------------------------------------------------------
// Same names and order as kinds() in interop/interop.cpp. `jsWrites: false`: the SDK cannot write
// the value (it encodes every integral JS number as a CBOR integer: 1.0 and -0.0 become 1 and 0, and
// Number.MAX_VALUE, integral too, throws "Number too big to be encoded"), so it only travels from
// SurrealQt to JS. `number`: what the server must have stored ('int' or 'float'),
// which a JS number alone cannot tell.

const uuidV7 = new Uuid('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
const uuidV4 = new Uuid('8f1c5a4e-2b3d-4e6f-9a0b-1c2d3e4f5a6b');
const P = (x, y) => new GeometryPoint([x, y]);
const square = (x0, y0, size) => new GeometryLine([
    P(x0, y0), P(x0 + size, y0), P(x0 + size, y0 + size), P(x0, y0 + size), P(x0, y0),
]);
const point = P(-0.118092, 51.509865);
const line = new GeometryLine([P(1, 2), P(3, 4)]);
const polygon = new GeometryPolygon([square(0, 0, 10), square(2, 2, 1)]);
const inc = (v) => new BoundIncluded(v);
const exc = (v) => new BoundExcluded(v);

const KINDS = [
    ['none', undefined],
    ['null', null],
    ['bool_true', true],
    ['bool_false', false],

    ['int_zero', 0, { number: 'int' }],
    ['int_small', 42, { number: 'int' }],
    ['int_negative', -500, { number: 'int' }],
    ['int_2p53_plus_1', 9007199254740993n, { number: 'int' }],
    ['int_i64_max', 9223372036854775807n, { number: 'int' }],
    ['int_i64_min', -9223372036854775808n, { number: 'int' }],

    ['float_fraction', 1.5, { number: 'float' }],
    ['float_tenth', 0.1, { number: 'float' }],
    ['float_negative_tiny', -2.5e-300, { number: 'float' }],
    ['float_max', Number.MAX_VALUE, { number: 'float', jsWrites: false }],
    ['float_whole', 1.0, { number: 'float', jsWrites: false }],
    ['float_negative_zero', -0, { number: 'float', jsWrites: false }],

    ['decimal_simple', new Decimal('3.14')],
    ['decimal_precise', new Decimal('1234567890.123456789012345678')],
    ['decimal_negative_tiny', new Decimal('-0.000000000000000000000000001')],
    ['decimal_integer', new Decimal('42')],

    ['string_empty', ''],
    ['string_unicode', 'ünïcödé ⟩ ⟨ 😀'],
    ['string_escapes', 'it\'s "quoted"\n\ttab \\ back`tick'],

    ['datetime_nanos', new DateTime('2024-01-02T03:04:05.123456789Z')],
    ['datetime_pre1970_fraction', new DateTime([-1n, 500000000n])],
    ['datetime_pre1970_nanos', new DateTime('1960-06-15T12:34:56.000000789Z')],
    ['datetime_epoch', new DateTime([0n, 0n])],
    ['datetime_year_1', new DateTime('0001-01-01T00:00:00.000000001Z')],
    ['datetime_year_9999', new DateTime('9999-12-31T23:59:59.999999999Z')],

    ['duration_zero', new Duration('0ns')],
    ['duration_all_units', new Duration('1w2d3h4m5s6ms7µs8ns')],
    ['duration_nanos', new Duration('7ns')],
    ['duration_1h30m', new Duration('1h30m')],
    ['duration_year', new Duration('1y')],

    ['uuid_v7', uuidV7],
    ['uuid_v4', uuidV4],
    ['uuid_nil', new Uuid('00000000-0000-0000-0000-000000000000')],

    ['record_string', new RecordId('person', 'tobie')],
    ['record_digit_leading', new RecordId('person', '42abc')],
    ['record_numeric_string', new RecordId('person', '42')],
    ['record_brackets', new RecordId('person', 'a ⟩ b ⟨ c')],
    ['record_integer', new RecordId('person', 42)],
    ['record_negative', new RecordId('person', -7)],
    ['record_i64_max', new RecordId('person', 9223372036854775807n)],
    ['record_uuid', new RecordId('person', uuidV7)],
    ['record_array', new RecordId('person', ['london', 2024])],
    ['record_array_typed', new RecordId('person', ['london', new DateTime('2024-01-02T03:04:05.123456789Z'), uuidV7])],
    ['record_object', new RecordId('person', { city: 'london', year: 2024 })],
    ['record_range', new RecordIdRange('person', inc(1), inc(5))],
    ['record_range_open', new RecordIdRange('person', exc('a'), undefined)],

    ['table', new Table('person')],
    ['table_escaped', new Table('my table')],

    ['geometry_point', point],
    ['geometry_line', line],
    ['geometry_polygon', polygon],
    ['geometry_multipoint', new GeometryMultiPoint([P(1, 2), P(3, 4)])],
    ['geometry_multiline', new GeometryMultiLine([line, new GeometryLine([P(5, 6), P(7, 8)])])],
    ['geometry_multipolygon', new GeometryMultiPolygon([
        new GeometryPolygon([square(0, 0, 1)]), new GeometryPolygon([square(20, 20, 1)]),
    ])],
    ['geometry_collection', new GeometryCollection([point, line, polygon])],

    ['range_half_open', new Range(inc(1), exc(5))],
    ['range_closed', new Range(inc(1), inc(5))],
    ['range_excluded_included', new Range(exc(1), inc(5))],
    ['range_excluded_both', new Range(exc(1), exc(5))],
    ['range_open_begin', new Range(undefined, exc(5))],
    ['range_open_begin_included', new Range(undefined, inc(5))],
    ['range_open_end', new Range(inc(1), undefined)],
    ['range_open_end_excluded', new Range(exc(1), undefined)],
    ['range_full', new Range(undefined, undefined)],
    ['range_strings', new Range(inc('a'), exc('m'))],

    ['set_ints', new Set([1, 2, 3])],
    ['set_strings', new Set(['a', 'b'])],
    ['set_empty', new Set()],

    ['file', new FileRef('avatars', '/tobie.png')],
    ['file_nested_key', new FileRef('bucket', '/a/b c/ü.txt')],

    ['bytes', new Uint8Array([0x01, 0x02, 0xff])],
    ['bytes_empty', new Uint8Array([])],

    ['object_nested', {
        a: 1,
        b: [true, null, 'x'],
        c: {
            d: new DateTime('2024-01-02T03:04:05.123456789Z'),
            e: new RecordId('person', 1),
            f: new Decimal('0.1'),
        },
        'key with space': 2,
    }],
    ['object_empty', {}],
    ['array_nested', [[1, [2, []]], {}, 'x', new RecordId('person', 'tobie'), 1.5, uuidV7, new Duration('90s')]],
    ['array_empty', []],
    // NONE inside an object is an absent key; inside an array it is an element.
    ['object_with_none', { kept: 1, gone: undefined, empty: null }],
    ['array_with_none', [undefined, null, 1]],
].map(([kind, value, { jsWrites = true, number } = {}]) => ({ kind, value, jsWrites, number }));

// ---- Comparing ---------------------------------------------------------------------------------

const className = (value) => value?.constructor?.name?.replace(/\$\d+$/, '') ?? typeof value;
const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

// A readable form of any value, with its JS type: SurrealQL where the SDK can print it.
function show(value) {
    if (value === undefined) return 'NONE (undefined)';
    if (value === null) return 'NULL (null)';
    if (typeof value === 'bigint') return `${value} (bigint)`;
    if (typeof value === 'number') return `${Object.is(value, -0) ? '-0' : value} (number)`;
    if (typeof value === 'string') return `${JSON.stringify(value)} (string)`;
    if (typeof value === 'boolean') return `${value} (boolean)`;
    if (value instanceof ArrayBuffer) return `b"${hex(new Uint8Array(value))}" (ArrayBuffer)`;
    if (value instanceof Uint8Array) return `b"${hex(value)}" (Uint8Array)`;
    if (value instanceof Set) return `{${[...value].map(show).join(', ')}} (Set)`;
    if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
    if (value instanceof BoundIncluded || value instanceof BoundExcluded) return `${className(value)}(${show(value.value)})`;
    if (value instanceof Value) {
        let text;
        try { text = toSurqlString(value); } catch { text = value.toString(); }
        return `${text} (${className(value)})`;
    }
    if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(', ')} } (${className(value)})`;
    return `${String(value)} (${typeof value})`;
}

function compareBound(actual, expected, where, problems) {
    if (expected === undefined) {
        if (actual !== undefined) problems.push(`${where}: expected an open bound, got ${show(actual)}`);
        return;
    }
    if (actual?.constructor !== expected.constructor) {
        problems.push(`${where}: expected ${show(expected)}, got ${show(actual)}`);
        return;
    }
    compare(actual.value, expected.value, `${where}.value`, problems);
}

// Field by field: the JS type, then the value (numbers with Object.is, so -0 is not 0), and for
// SDK values the class, equals(), the string form and every component.
function compare(actual, expected, where, problems) {
    const differ = (why) => problems.push(`${where}: ${why}: expected ${show(expected)}, got ${show(actual)}`);
    if (expected === undefined || expected === null || typeof expected !== 'object') {
        if (typeof actual !== typeof expected) differ('type');
        else if (!Object.is(actual, expected)) differ('value');
        return;
    }
    if (expected instanceof Uint8Array) {
        if (!(actual instanceof ArrayBuffer)) differ('bytes are read as an ArrayBuffer');
        else if (hex(new Uint8Array(actual)) !== hex(expected)) differ('bytes');
        return;
    }
    if (expected instanceof Set) {
        if (!(actual instanceof Set)) differ('not a Set');
        else compare([...actual], [...expected], `${where}{}`, problems);
        return;
    }
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual)) differ('not an array');
        else if (actual.length !== expected.length) differ(`length ${actual.length} instead of ${expected.length}`);
        else expected.forEach((item, i) => compare(actual[i], item, `${where}[${i}]`, problems));
        return;
    }
    if (expected instanceof Value) {
        if (actual?.constructor !== expected.constructor) return differ('class');
        if (!expected.equals(actual)) differ('equals() is false');
        if (actual.toString() !== expected.toString()) differ('string form');
        if (expected instanceof RecordId) {
            compare(actual.table.name, expected.table.name, `${where}.table`, problems);
            compare(actual.id, expected.id, `${where}.id`, problems);
        } else if (expected instanceof RecordIdRange) {
            compare(actual.table.name, expected.table.name, `${where}.table`, problems);
            compareBound(actual.begin, expected.begin, `${where}.begin`, problems);
            compareBound(actual.end, expected.end, `${where}.end`, problems);
        } else if (expected instanceof Range) {
            compareBound(actual.begin, expected.begin, `${where}.begin`, problems);
            compareBound(actual.end, expected.end, `${where}.end`, problems);
        } else if (expected instanceof DateTime) {
            compare(actual.toCompact(), expected.toCompact(), `${where}.[seconds, nanoseconds]`, problems);
        } else if (expected instanceof Duration) {
            compare(actual.nanoseconds, expected.nanoseconds, `${where}.nanoseconds`, problems);
        } else if (expected instanceof Decimal) {
            compare(actual.toString(), expected.toString(), `${where}.text`, problems);
        } else if (expected instanceof Table) {
            compare(actual.name, expected.name, `${where}.name`, problems);
        } else if (expected instanceof FileRef) {
            compare(actual.bucket, expected.bucket, `${where}.bucket`, problems);
            compare(actual.key, expected.key, `${where}.key`, problems);
        } else if (expected instanceof Geometry) {
            compare(actual.toJSON(), expected.toJSON(), `${where}.geojson`, problems);
        }
        return;
    }
    if (Object.getPrototypeOf(actual ?? 0) !== Object.prototype) return differ('not an object');
    // A key whose value is NONE is the same as an absent key.
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) compare(actual[key], expected[key], `${where}.${key}`, problems);
}

// ---- Running surrealqt-interop ------------------------------------------------------------------

function interopBinary() {
    const bin = process.env.SURREALQT_INTEROP_BIN;
    assert.ok(bin, 'SURREALQT_INTEROP_BIN is not set: it must name the surrealqt-interop binary. CTest sets it; '
        + 'by hand, build the surrealqt-interop target and set it to the absolute path of '
        + '<build>/tests/conformance/interop/surrealqt-interop');
    assert.ok(existsSync(bin), `SURREALQT_INTEROP_BIN=${bin} does not exist: build the surrealqt-interop target`);
    return bin;
}

// Runs surrealqt-interop; resolves {code, stdout, stderr} whatever the exit code.
function runInterop(args) {
    const bin = interopBinary();
    return new Promise((resolve, reject) => {
        const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
        child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
        const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
        child.once('error', (error) => { clearTimeout(timer); reject(error); });
        child.once('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? signal, stdout, stderr });
        });
    });
}

// A connection to a fresh namespace and database, and their names for surrealqt-interop.
async function freshDatabase(t, transport = 'ws') {
    const ns = uniqueName('interop');
    const db = uniqueName('interop');
    return { ns, db, surreal: await connect(t, transport, { ns, db }) };
}

// ---- Tests ---------------------------------------------------------------------------------------

test('surrealqt-interop and this file know the same kinds', async () => {
    const { code, stdout, stderr } = await runInterop(['kinds']);
    assert.equal(code, 0, `surrealqt-interop kinds failed (${code}): ${stderr}`);
    const theirs = JSON.parse(stdout).map(({ kind, jsWrites }) => ({ kind, jsWrites }));
    const ours = KINDS.map(({ kind, jsWrites }) => ({ kind, jsWrites }));
    assert.deepEqual(ours, theirs);
});

test('values written by SurrealQt read back by the JS SDK', async (t) => {
    const { ns, db, surreal } = await freshDatabase(t);
    const written = await runInterop(['write', baseUrl(), ns, db]);
    assert.equal(written.code, 0, `surrealqt-interop write failed (${written.code}):\n${written.stderr}${written.stdout}`);
    assert.deepEqual(JSON.parse(written.stdout), { written: KINDS.length });

    for (const transport of TRANSPORTS) {
        const reader = transport === 'ws' ? surreal : await connect(t, transport, { ns, db });
        const [rows] = await reader.query('SELECT * FROM interop');
        const byKind = new Map(rows.map((row) => [row.id.id, row]));
        const problems = [];
        for (const { kind, value } of KINDS) {
            const row = byKind.get(kind);
            byKind.delete(kind);
            if (!row) {
                problems.push(`${kind}: no record interop:${kind}`);
                continue;
            }
            // Field by field: the id, then v (absent for NONE), then nothing else.
            compare(row.id, new RecordId('interop', kind), `${kind} id`, problems);
            if (value === undefined && 'v' in row) problems.push(`${kind}: v should be absent (NONE), got ${show(row.v)}`);
            else compare(row.v, value, `${kind} v`, problems);
            const extra = Object.keys(row).filter((key) => key !== 'id' && key !== 'v');
            if (extra.length) problems.push(`${kind}: unexpected fields ${extra.join(', ')}`);
        }
        for (const kind of byKind.keys()) problems.push(`unexpected record interop:${String(kind)}`);
        assert.equal(problems.length, 0, `over ${transport}, ${problems.length} mismatches:\n${problems.join('\n')}`);
    }

    // A JS number cannot tell an int from a float: ask the server what SurrealQt stored.
    const numbers = KINDS.filter(({ number }) => number);
    const answers = await surreal.query(numbers.map(({ number }, i) =>
        `RETURN type::is_${number}($id${i}.v)`).join(';\n'),
    Object.fromEntries(numbers.map(({ kind }, i) => [`id${i}`, new RecordId('interop', kind)])));
    const wrong = numbers.filter((_, i) => answers[i] !== true).map(({ kind, number }) => `${kind} is not stored as ${number}`);
    assert.deepEqual(wrong, []);
});

test('values written by the JS SDK read back by SurrealQt', async (t) => {
    const { ns, db, surreal } = await freshDatabase(t);
    for (const { kind, value, jsWrites } of KINDS) {
        if (!jsWrites) continue;
        await surreal.query('UPSERT $id CONTENT { v: $v }', { id: new RecordId('interop_js', kind), v: value });
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'surrealqt-interop-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const reportFile = path.join(dir, 'report.json');
    const checked = await runInterop(['check', baseUrl(), ns, db, reportFile]);
    assert.ok(existsSync(reportFile), `surrealqt-interop check wrote no report (${checked.code}):\n${checked.stderr}${checked.stdout}`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const lines = [
        ...report.mismatches.map(({ kind, path: where, expected, actual }) => `${kind} ${where}: expected ${expected}, got ${actual}`),
        ...report.missing.map((kind) => `${kind}: no record interop_js:${kind}`),
        ...report.unexpected.map((kind) => `unexpected record interop_js:${kind}`),
    ];
    assert.equal(checked.code, 0, `surrealqt-interop check (${checked.code}), ${lines.length} problems:\n${lines.join('\n')}\n${checked.stderr}`);
    assert.equal(report.ok, true);
    assert.equal(report.checked, KINDS.filter(({ jsWrites }) => jsWrites).length);
});

// Decoding a large SELECT: the SurrealQt SDK (C++, build/bench/sdk_decode) against the official JS
// SDK, in one run, on the same data. 100,000 records of 10 mixed-type fields (string, int, float,
// bool, datetime, uuid, record id, array, object with null and duration inside, decimal):
//   decode  — the same saved reply frame (the server's CBOR bytes), decoded into values: ours with
//             Values::decodeCbor, theirs with the CborCodec the JS SDK decodes every frame with;
//   select  — SELECT * FROM the table over WebSocket, end to end (server time included).
// Each client runs in its own process (node decode.js --worker … for the JS side), so the peak
// memory (max RSS) it reports is its own; the processes alternate (C++, JS, C++, JS…) so that a
// busy machine slows both alike. Medians are over every measured round. Writes
// results/decode.json. BENCH_DECODE_RECORDS (100000), BENCH_DECODE_PAIRS (3 processes each, 3
// rounds after a warm-up) and BENCH_SELECT_PAIRS (2 processes each, 2 SELECTs after a warm-up)
// size it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CborCodec, DateTime, Decimal, Duration, RecordId, Surreal, Table, Uuid, createRemoteEngines } from 'surrealdb';
import WebSocket from 'ws';
import { here, pad, startDevServer } from './lib.js';

const RECORDS = Number(process.env.BENCH_DECODE_RECORDS ?? 100_000);
const DECODE_PAIRS = Number(process.env.BENCH_DECODE_PAIRS ?? 3);
const SELECT_PAIRS = Number(process.env.BENCH_SELECT_PAIRS ?? 2);
const SELECT_ROUNDS = 2; // per process, after one warm-up: a first SELECT alone varies by ±20 %
const DECODE_ROUNDS = 3; // per process, after one warm-up
const NAMESPACE = 'bench';
const DATABASE = 'decode';
const TABLE = 'decode';
const run = promisify(execFile);

// ---- The JS SDK side, in its own process ------------------------------------------------------

const rssKb = () => Math.round(process.memoryUsage().rss / 1024);

function report(mode, records, frameBytes, rounds, rssBefore) {
    const sorted = [...rounds].sort((a, b) => a - b);
    console.log(JSON.stringify({
        client: 'surrealdb.js', mode, records, frame_bytes: frameBytes,
        median_ms: sorted[Math.floor(sorted.length / 2)], best_ms: sorted[0], rounds_ms: rounds,
        rss_before_kb: rssBefore, max_rss_kb: process.resourceUsage().maxRSS,
    }));
}

async function jsWorker(mode, target, ROUNDS, WARMUP) {
    if (mode === 'decode') {
        // As the SDK's WebSocket engine does: the frame as a Uint8Array into its CborCodec.
        const frame = new Uint8Array(readFileSync(target));
        const codec = new CborCodec({});
        const rssBefore = rssKb();
        const rounds = [];
        let records = 0;
        for (let round = 0; round < WARMUP + ROUNDS; ++round) {
            const started = process.hrtime.bigint();
            const decoded = codec.decode(frame);
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            records = decoded.result.length;
            if (round >= WARMUP) rounds.push(ms);
        }
        report('decode', records, frame.length, rounds, rssBefore);
        return;
    }
    const db = new Surreal({ engines: createRemoteEngines(), websocketImpl: WebSocket });
    await db.connect(target);
    await db.signin({ username: 'root', password: 'root' });
    await db.use({ namespace: NAMESPACE, database: DATABASE });
    const rssBefore = rssKb();
    const rounds = [];
    let records = 0;
    for (let round = 0; round < WARMUP + ROUNDS; ++round) {
        const started = process.hrtime.bigint();
        const rows = await db.select(new Table(TABLE));
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        records = rows.length;
        if (round >= WARMUP) rounds.push(ms);
    }
    report('select', records, 0, rounds, rssBefore);
    await db.close();
}

// ---- The run ----------------------------------------------------------------------------------

// Record i: ten fields of mixed types besides its id.
function record(i) {
    return {
        id: new RecordId(TABLE, i),
        name: `record ${i} — ünïcødé ✓`,
        count: i,
        score: i * 1.25 + 0.1,
        active: i % 3 === 0,
        created: new DateTime(Date.UTC(2024, 0, 1) + i * 1000),
        token: new Uuid(`0190a5c4-7d3e-7000-8000-${i.toString(16).padStart(12, '0')}`),
        owner: new RecordId('person', `p${i % 1000}`),
        tags: ['alpha', 'beta', i % 7],
        meta: { level: i % 5, label: `L${i % 5}`, ratio: i / 7, missing: null, ttl: new Duration('1h30m') },
        price: new Decimal(`${i}.99`),
    };
}

async function fill(db) {
    await db.query(`REMOVE TABLE IF EXISTS ${TABLE}; DEFINE TABLE ${TABLE} SCHEMALESS`);
    for (let start = 0; start < RECORDS; start += 5000) {
        const rows = [];
        for (let i = start; i < Math.min(RECORDS, start + 5000); ++i) rows.push(record(i));
        await db.query(`INSERT INTO ${TABLE} $rows RETURN NONE`, { rows });
    }
}

// The server's reply frame to `select` over a plain WebSocket, exactly as it arrives.
function captureSelectFrame(address) {
    const codec = new CborCodec({});
    const socket = new WebSocket(`ws://${address}/rpc`, 'cbor', { maxPayload: 1024 * 1024 * 1024 });
    const requests = [
        { id: 1, method: 'signin', params: [{ user: 'root', pass: 'root' }] },
        { id: 2, method: 'use', params: [NAMESPACE, DATABASE] },
        { id: 3, method: 'select', params: [new Table(TABLE)] },
    ];
    return new Promise((resolve, reject) => {
        socket.on('error', reject);
        socket.on('open', () => socket.send(new Uint8Array(codec.encode(requests[0]))));
        socket.on('message', (data) => {
            const reply = codec.decode(new Uint8Array(data));
            if (reply.error) return reject(new Error(`${requests[reply.id - 1].method}: ${JSON.stringify(reply.error)}`));
            if (reply.id < requests.length) return socket.send(new Uint8Array(codec.encode(requests[reply.id])));
            socket.close();
            resolve(Buffer.from(data));
        });
    });
}

const binary = process.env.SURREALQT_BENCH_DECODE ?? path.join(here, '..', 'build', 'bench', 'sdk_decode');
const lastLine = (stdout) => JSON.parse(stdout.trim().split('\n').pop());

async function cpp(args, rounds, warmup) {
    const { stdout } = await run(binary, [...args, '--rounds', String(rounds), '--warmup', String(warmup)], { maxBuffer: 1 << 20 });
    return lastLine(stdout);
}

async function js(mode, target, rounds, warmup) {
    const { stdout } = await run(process.execPath, [path.join(here, 'decode.js'), '--worker', mode, target, String(rounds), String(warmup)], { maxBuffer: 1 << 20 });
    return lastLine(stdout);
}

// `pairs` processes of each client, alternating; one line per client with every round.
async function alternate(pairs, rounds, warmup, cppArgs, jsMode, jsTarget) {
    const merged = { surrealqt: null, officialJs: null };
    const merge = (key, line) => {
        const into = merged[key];
        if (!into) return (merged[key] = line);
        into.rounds_ms.push(...line.rounds_ms);
        into.max_rss_kb = Math.max(into.max_rss_kb, line.max_rss_kb);
        into.rss_before_kb = Math.max(into.rss_before_kb, line.rss_before_kb);
        if (line.records !== into.records) into.records = -1;
    };
    for (let pair = 0; pair < pairs; ++pair) {
        merge('surrealqt', await cpp(cppArgs, rounds, warmup));
        merge('officialJs', await js(jsMode, jsTarget, rounds, warmup));
    }
    for (const line of Object.values(merged)) {
        const sorted = [...line.rounds_ms].sort((a, b) => a - b);
        line.median_ms = sorted[Math.floor(sorted.length / 2)];
        line.best_ms = sorted[0];
    }
    return merged;
}

async function main() {
    if (!existsSync(binary)) {
        console.error(`decode.js: ${binary} is missing; build it first (make bench does)`);
        process.exit(1);
    }
    const server = await startDevServer();
    // BENCH_DECODE_FRAME=path keeps the captured reply frame there (to profile the decoders).
    const keptFrame = process.env.BENCH_DECODE_FRAME;
    const frameFile = keptFrame ?? path.join(os.tmpdir(), `surrealqt-decode-${process.pid}.cbor`);
    const results = { records: RECORDS, decodeRounds: DECODE_PAIRS * DECODE_ROUNDS, selectRounds: SELECT_PAIRS * SELECT_ROUNDS, node: process.version, measuredAt: new Date().toISOString() };
    try {
        const db = new Surreal({ engines: createRemoteEngines(), websocketImpl: WebSocket });
        await db.connect(`ws://${server.address}/rpc`);
        await db.signin({ username: 'root', password: 'root' });
        await db.use({ namespace: NAMESPACE, database: DATABASE });
        await fill(db);
        await db.close();
        const frame = await captureSelectFrame(server.address);
        writeFileSync(frameFile, frame);
        if (process.env.BENCH_DECODE_CAPTURE_ONLY) return;
        console.log(`SurrealQt SDK vs official JS SDK surrealdb@2.0.8: ${RECORDS} records of 10 mixed-type fields, one reply frame of ${(frame.length / 1e6).toFixed(1)} MB; decode: median of ${DECODE_PAIRS * DECODE_ROUNDS} rounds (after a warm-up in each process), select: median of ${SELECT_PAIRS * SELECT_ROUNDS} (after a warm-up in each process)`);

        const url = `ws://${server.address}/rpc`;
        const runs = {
            decode: await alternate(DECODE_PAIRS, DECODE_ROUNDS, 1, ['--file', frameFile], 'decode', frameFile),
            select: await alternate(SELECT_PAIRS, SELECT_ROUNDS, 1, ['--url', url, '--ns', NAMESPACE, '--db', DATABASE, '--table', TABLE], 'select', url),
        };
        for (const [mode, { surrealqt, officialJs }] of Object.entries(runs)) {
            for (const [label, line] of [['SurrealQt (C++)', surrealqt], ['official JS SDK', officialJs]]) {
                if (line.records !== RECORDS) throw new Error(`${label} ${mode}: decoded ${line.records} records, expected ${RECORDS}`);
                console.log(`${pad(`${label}, ${mode}`)} ${line.median_ms.toFixed(1).padStart(8)} ms  peak RSS ${(line.max_rss_kb / 1024).toFixed(0)} MB (${(line.rss_before_kb / 1024).toFixed(0)} MB before)`);
            }
            const ratio = surrealqt.median_ms / officialJs.median_ms;
            const target = mode === 'decode' ? ' (target <= 33 %)' : '';
            console.log(`${mode}: SurrealQt takes ${(100 * ratio).toFixed(0)} % of the JS SDK's time${target}\n`);
            const summary = (line) => ({
                medianMs: Number(line.median_ms.toFixed(1)),
                bestMs: Number(line.best_ms.toFixed(1)),
                peakRssKb: line.max_rss_kb,
                rssBeforeKb: line.rss_before_kb,
            });
            results[mode] = { surrealqt: summary(surrealqt), officialJs: summary(officialJs), timeRatio: Number(ratio.toFixed(3)) };
        }
        results.frameBytes = frame.length;
        results.fields = Object.keys(record(0)).filter((key) => key !== 'id');
    } finally {
        if (!keptFrame) rmSync(frameFile, { force: true });
        server.stop();
    }
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', 'decode.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (process.argv[2] === '--worker') await jsWorker(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
else await main();

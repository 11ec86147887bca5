// The SurrealQt SDK (C++, build/bench/sdk_throughput) against the official JS SDK, both
// over WebSocket to the same dev server, in one run: 5,000 `CREATE item SET n = $n, name = $name`,
// one at a time and 16 in flight, in rounds whose order alternates. Prints ops/s, latency and client CPU per
// operation with their ratios; writes results/sdk.json. QT_NO_GLIB=1 in the environment gives the
// C++ client Qt's plain Unix event dispatcher instead of glib's (fewer wake-ups per call); the
// results record which one ran. Each round also runs build/bench/sdk_floor, the same calls over a
// blocking socket with no event loop and no values: the least CPU any client can use here.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Surreal, createRemoteEngines } from 'surrealdb';
import WebSocket from 'ws';
import { IN_FLIGHT, OPS, WARMUP, here, median, pad, prepare, rate, runJsDetailed, startDevServer } from './lib.js';

const binary = process.env.SURREALQT_BENCH_SDK ?? path.join(here, '..', 'build', 'bench', 'sdk_throughput');
// The floor: the same calls over a blocking socket with hand-made CBOR and no values built.
const floorBinary = path.join(path.dirname(binary), 'sdk_floor');
for (const program of [binary, floorBinary]) {
    if (!existsSync(program)) {
        console.error(`sdk.js: ${program} is missing; build it first (make bench does)`);
        process.exit(1);
    }
}

async function runCpp(address, inFlight, database, program = binary) {
    const { stdout } = await promisify(execFile)(program, ['--url', `ws://${address}/rpc`, '--user', 'root', '--pass', 'root', '--ops', String(OPS), '--in-flight', String(inFlight), '--warmup', String(WARMUP), '--db', database]);
    const line = JSON.parse(stdout.trim().split('\n').pop());
    if (line.errors) throw new Error(`sdk_throughput reported ${line.errors} failed calls`);
    return { opsPerSecond: line.ops_per_s, p50Us: line.p50_us, p99Us: line.p99_us, cpuUsPerOp: line.client_cpu_us_per_op };
}

// Five rounds by default: single runs on this 2-core machine vary by ±20 %.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const server = await startDevServer();
const js = new Surreal({ engines: createRemoteEngines(), websocketImpl: WebSocket });
await js.connect(`ws://${server.address}/rpc`);
await js.signin({ username: 'root', password: 'root' });
const dispatcher = process.env.QT_NO_GLIB ? 'unix (QT_NO_GLIB=1)' : 'glib (the default)';
const results = { ops: OPS, rounds: ROUNDS, node: process.version, qtEventDispatcher: dispatcher, measuredAt: new Date().toISOString() };
console.log(`SurrealQt SDK vs official JS SDK ${'surrealdb@2.0.8'}, both over WebSocket (CBOR) to one dev server; Qt event dispatcher: ${dispatcher}`);
try {
    for (const inFlight of IN_FLIGHT) {
        const cpp = [];
        const official = [];
        const floor = [];
        const show = (label, run) => console.log(`${pad(label)} ${rate(run.opsPerSecond)}  p50 ${Math.round(run.p50Us)} µs  p99 ${Math.round(run.p99Us)} µs  client CPU ${run.cpuUsPerOp.toFixed(1)} µs/op`);
        for (let round = 0; round < ROUNDS; ++round) {
            const runOurs = async () => {
                cpp.push(await runCpp(server.address, inFlight, `cpp${inFlight}_${round}`));
                show(`SurrealQt (C++), ${inFlight} in flight`, cpp.at(-1));
            };
            const runTheirs = async () => {
                await prepare(js, `js${inFlight}_${round}`);
                official.push(await runJsDetailed(js, inFlight));
                show(`official JS SDK, ${inFlight} in flight`, official.at(-1));
            };
            // The server gets faster as it warms up: who goes first alternates between rounds.
            for (const run of round % 2 === 0 ? [runOurs, runTheirs] : [runTheirs, runOurs]) await run();
            floor.push(await runCpp(server.address, inFlight, `floor${inFlight}_${round}`, floorBinary));
            show(`floor (blocking, no values), ${inFlight} in flight`, floor.at(-1));
        }
        const summary = (runs) => ({
            opsPerSecond: Math.round(median(runs.map((r) => r.opsPerSecond))),
            p50Us: Math.round(median(runs.map((r) => r.p50Us))),
            p99Us: Math.round(median(runs.map((r) => r.p99Us))),
            cpuUsPerOp: Number(median(runs.map((r) => r.cpuUsPerOp)).toFixed(1)),
        });
        const ours = summary(cpp);
        const theirs = summary(official);
        const lowest = summary(floor);
        const throughput = ours.opsPerSecond / theirs.opsPerSecond;
        const cpuShare = ours.cpuUsPerOp / theirs.cpuUsPerOp;
        console.log(`median of ${ROUNDS}: throughput ${throughput.toFixed(2)}x the JS SDK (target >= 1.3x), client CPU per op ${(100 * cpuShare).toFixed(0)} % of the JS SDK's (target <= 25 %)`);
        const floorShare = lowest.cpuUsPerOp / theirs.cpuUsPerOp;
        console.log(`  floor: ${(lowest.opsPerSecond / theirs.opsPerSecond).toFixed(2)}x the JS SDK's ops/s, ${(100 * floorShare).toFixed(0)} % of its CPU per op\n`);
        results[`inFlight${inFlight}`] = {
            surrealqt: ours,
            officialJs: theirs,
            floor: lowest,
            throughputRatio: Number(throughput.toFixed(3)),
            cpuPerOpRatio: Number(cpuShare.toFixed(3)),
            floorThroughputRatio: Number((lowest.opsPerSecond / theirs.opsPerSecond).toFixed(3)),
            floorCpuPerOpRatio: Number(floorShare.toFixed(3)),
        };
    }
} finally {
    await js.close();
    server.stop();
}
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'sdk.json'), `${JSON.stringify(results, null, 2)}\n`);

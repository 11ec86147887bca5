// The ORM (bench/orm_fetch, bench/orm_compile) on one dev server: fetching records into typed
// objects next to the raw SDK call (target <= 1.3x), bulk_create in records/s next to raw INSERTs,
// and the time to compile a query set (Google Benchmark). Sizes: BENCH_ORM_FETCH (10,000),
// BENCH_ORM_BULK (100,000), BENCH_ROUNDS (5). Writes results/orm.json.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { here, pad, startDevServer } from './lib.js';

const run = promisify(execFile);
const bin = (name) => path.join(here, '..', 'build', 'bench', name);
const FETCH = Number(process.env.BENCH_ORM_FETCH ?? 10000);
const BULK = Number(process.env.BENCH_ORM_BULK ?? 100000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

if (!existsSync(bin('orm_fetch'))) {
    console.error(`orm.js: ${bin('orm_fetch')} is missing; build it first (make bench does)`);
    process.exit(1);
}

const results = { measuredAt: new Date().toISOString(), node: process.version };
const server = await startDevServer();
try {
    const { stdout } = await run(bin('orm_fetch'), ['--url', `ws://${server.address}/rpc`, '--fetch', String(FETCH), '--bulk', String(BULK), '--rounds', String(ROUNDS)], { maxBuffer: 1 << 20 });
    const line = JSON.parse(stdout.trim().split('\n').pop());
    console.log(`ORM vs raw SDK, one dev server, median of ${ROUNDS} alternating rounds`);
    console.log(`${pad(`fetch ${FETCH} records, raw SDK query`)} ${line.fetch_raw_ms.toFixed(1)} ms`);
    console.log(`${pad(`fetch ${FETCH} records, typed objects`)} ${line.fetch_typed_ms.toFixed(1)} ms  (${line.fetch_ratio.toFixed(2)}x raw, target <= 1.3x)`);
    console.log(`${pad(`bulk_create ${BULK} typed records`)} ${Math.round(line.bulk_create_records_per_s)} records/s`);
    console.log(`${pad(`raw INSERT ${BULK} records`)} ${Math.round(line.raw_insert_records_per_s)} records/s`);
    results.fetch = { records: line.fetch_records, rawMs: line.fetch_raw_ms, typedMs: line.fetch_typed_ms, ratio: Number(line.fetch_ratio.toFixed(3)) };
    results.bulkCreate = { records: line.bulk_records, ormRecordsPerSecond: Math.round(line.bulk_create_records_per_s), rawInsertRecordsPerSecond: Math.round(line.raw_insert_records_per_s) };
} finally {
    server.stop();
}

if (existsSync(bin('orm_compile'))) {
    const { stdout } = await run(bin('orm_compile'), ['--benchmark_format=json'], { maxBuffer: 1 << 22 });
    results.compile = {};
    for (const b of JSON.parse(stdout).benchmarks) {
        const ns = b.time_unit === 'ns' ? b.real_time : b.time_unit === 'us' ? b.real_time * 1e3 : b.real_time * 1e6;
        console.log(`${pad(`compile ${b.name}`)} ${(ns / 1000).toFixed(2)} µs per query`);
        results.compile[b.name] = { microsecondsPerQuery: Number((ns / 1000).toFixed(3)) };
    }
} else {
    console.log('orm_compile not built (Google Benchmark missing): no compile figures');
}
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'orm.json'), `${JSON.stringify(results, null, 2)}\n`);

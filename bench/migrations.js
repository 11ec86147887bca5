// The migration engine at scale (build/bench/migrations_bench): a schema of 500 tables × 10
// fields × 2 indexes. Reports the diff time (target <= 100 ms), the time to apply the first
// migration in one transaction, and the time to introspect the live database; writes
// results/migrations.json. BENCH_TABLES / BENCH_FIELDS / BENCH_INDEXES change the size.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { here, startDevServer } from './lib.js';

const binary = process.env.SURREALQT_BENCH_MIGRATIONS ?? path.join(here, '..', 'build', 'bench', 'migrations_bench');
if (!existsSync(binary)) {
    console.error(`migrations.js: ${binary} is missing; build it first (make bench does)`);
    process.exit(1);
}
const tables = process.env.BENCH_TABLES ?? '500';
const fields = process.env.BENCH_FIELDS ?? '10';
const indexes = process.env.BENCH_INDEXES ?? '2';

const server = await startDevServer();
let result;
try {
    const { stdout } = await promisify(execFile)(binary, ['--url', `ws://${server.address}/rpc`, '--user', 'root', '--pass', 'root', '--tables', tables, '--fields', fields, '--indexes', indexes, '--db', `m${Date.now()}`], { maxBuffer: 1 << 20 });
    result = JSON.parse(stdout.trim().split('\n').pop());
} finally {
    server.stop();
}
const ms = (value) => `${value.toFixed(1).padStart(9)} ms`;
console.log(`Migrations: ${result.tables} tables x ${result.fieldsPerTable} fields x ${result.indexesPerTable} indexes (${result.operations} operations)`);
console.log(`diff, first migration from nothing  ${ms(result.diffInitialMs)}  (target <= 100 ms)`);
console.log(`diff, a change to every table       ${ms(result.diffChangeMs)}  (${result.changeOperations} operations)`);
console.log(`apply, one transaction              ${ms(result.applyMs)}`);
console.log(`introspect the live database        ${ms(result.introspectMs)}`);
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'migrations.json'), `${JSON.stringify({ ...result, node: process.version, measuredAt: new Date().toISOString() }, null, 2)}\n`);

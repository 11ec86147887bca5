// The Studio on a large table, with its real widgets offscreen (build/bench/studio_browse):
// opening a 1,000,000-record table in the table browser (first rows painted, target <= 300 ms),
// jumping to the last row (target <= 1 s), the memory the browser adds (target <= 200 MB), and
// the console showing a 100,000-row result. Writes results/studio.json.
//   BENCH_STUDIO_ROWS=20000 BENCH_STUDIO_CONSOLE_ROWS=5000 node studio.js   (a quick check)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { here, pad, startDevServer } from './lib.js';

const binary = process.env.SURREALQT_BENCH_STUDIO ?? path.join(here, '..', 'build', 'bench', 'studio_browse');
if (!existsSync(binary)) {
    console.error(`studio.js: ${binary} is missing; build it first (make bench does)`);
    process.exit(1);
}
const rows = Number(process.env.BENCH_STUDIO_ROWS ?? 1_000_000);
const consoleRows = Number(process.env.BENCH_STUDIO_CONSOLE_ROWS ?? 100_000);

const server = await startDevServer();
let result;
try {
    const { stdout } = await promisify(execFile)(binary, ['--url', `ws://${server.address}/rpc`, '--user', 'root', '--pass', 'root', '--rows', String(rows), '--console-rows', String(consoleRows)], { maxBuffer: 1 << 20, timeout: 3_600_000 });
    result = JSON.parse(stdout.trim().split('\n').pop());
} finally {
    server.stop();
}

const verdict = (ok) => (ok ? 'ok' : 'MISSED');
console.log(`Studio table browser on ${rows.toLocaleString('en')} records (seeded in ${result.seed_s.toFixed(1)} s), real widgets offscreen`);
console.log(`${pad('first rows painted after opening')} ${result.first_rows_ms.toFixed(0).padStart(7)} ms  (target <= 300 ms: ${verdict(result.first_rows_ms <= 300)})`);
console.log(`${pad('record count known')} ${result.count_ms.toFixed(0).padStart(7)} ms`);
console.log(`${pad('jump to the last row')} ${result.last_row_ms.toFixed(0).padStart(7)} ms  (target <= 1000 ms: ${verdict(result.last_row_ms <= 1000)}; ${result.last_row_id})`);
console.log(`${pad('memory growth')} ${result.memory_growth_mib.toFixed(0).padStart(7)} MiB (target <= 200 MB: ${verdict(result.memory_growth_mib * 1.048576 <= 200)}; ${result.cached_pages} pages cached)`);
for (const place of result.far_places)
    console.log(`${pad(`scroll to row ${place.row.toLocaleString('en')}`)} ${place.ms < 0 ? 'not reached in 30 s' : `${place.ms.toFixed(0).padStart(7)} ms`}`);
console.log(`${pad(`console showing ${result.console_rows.toLocaleString('en')} rows`)} ${result.console_ms.toFixed(0).padStart(7)} ms`);
console.log(`${pad('  of which: server (statement time)')} ${result.console_server_ms.toFixed(0).padStart(7)} ms`);
console.log(`${pad('  reply received and decoded (SDK)')} ${result.console_reply_ms.toFixed(0).padStart(7)} ms  (includes the server time)`);
console.log(`${pad('  split into statements')} ${result.console_split_ms.toFixed(0).padStart(7)} ms`);
console.log(`${pad('  results panel: models, views, paint')} ${result.console_panel_ms.toFixed(0).padStart(7)} ms`);

mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'studio.json'), JSON.stringify({ ...result, node: process.version, measuredAt: new Date().toISOString() }, null, 2) + '\n');

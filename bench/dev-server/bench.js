// 5,000 `CREATE item SET n = $n, name = $name` through the official JS SDK, one at a time and
// 16 in flight: first against the embedded engine in this process, then against the dev server
// over WebSocket. Prints ops/s and the dev-server/in-process ratio; writes results.json.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Surreal, createRemoteEngines } from 'surrealdb';
import { createNodeEngines } from '@surrealdb/node';
import WebSocket from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServer = path.join(here, '..', '..', 'tools', 'dev-server', 'src', 'main.js');
const OPS = Number(process.env.BENCH_OPS ?? 5000);
const WARMUP = 500;

function startDevServer() {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), devServer, 'start', '--bind', '127.0.0.1:0', '--user', 'root', '--pass', 'root', '--log', 'warn', 'memory'], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.once('exit', (code) => reject(new Error(`dev server exited with ${code}`)));
        child.stdout.on('data', (chunk) => {
            const match = String(chunk).match(/Listening on http:\/\/(\S+)/);
            if (match) resolve({ child, address: match[1] });
        });
    });
}

let serverPid = 0;
function serverTicks() {
    if (!serverPid) return 0;
    const fields = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
}

async function run(db, inFlight, label) {
    let next = 0;
    const create = (n) => db.query('CREATE item SET n = $n, name = $name', { n, name: `item ${n}` });
    const worker = async (count, offset) => {
        while (next < count) await create(offset + next++);
    };
    next = 0;
    await Promise.all(Array.from({ length: inFlight }, () => worker(WARMUP, 1_000_000)));
    next = 0;
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const serverCpu = serverTicks();
    await Promise.all(Array.from({ length: inFlight }, () => worker(OPS, 0)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    if (process.env.BENCH_CPU) console.log(`  cpu: this process ${((used.user + used.system) / 1e6 / seconds * 100).toFixed(0)}%, server ${((serverTicks() - serverCpu) / 100 / seconds * 100).toFixed(0)}%`);
    const opsPerSecond = OPS / seconds;
    console.log(`${label.padEnd(34)} ${String(Math.round(opsPerSecond)).padStart(7)} ops/s`);
    return opsPerSecond;
}

async function prepare(db, database) {
    await db.use({ namespace: 'bench', database });
    await db.query('DEFINE TABLE item SCHEMALESS');
}

const results = { ops: OPS, node: process.version, measuredAt: new Date().toISOString() };
const embedded = new Surreal({ engines: createNodeEngines() });
await embedded.connect('mem://');
const server = await startDevServer();
serverPid = server.child.pid;
const remote = new Surreal({ engines: createRemoteEngines(), websocketImpl: WebSocket });
await remote.connect(`ws://${server.address}/rpc`);
await remote.signin({ username: 'root', password: 'root' });

// Rounds alternate between the two targets so drift in machine load hits both alike; the median
// round of each is reported.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
    for (const inFlight of (process.env.BENCH_INFLIGHT ?? '1,16').split(',').map(Number)) {
        const inProcessRuns = [];
        const overWsRuns = [];
        for (let round = 0; round < ROUNDS; ++round) {
            await prepare(embedded, `inproc${inFlight}_${round}`);
            await prepare(remote, `ws${inFlight}_${round}`);
            inProcessRuns.push(await run(embedded, inFlight, `in-process engine, ${inFlight} in flight`));
            overWsRuns.push(await run(remote, inFlight, `dev server over WS, ${inFlight} in flight`));
        }
        const inProcess = median(inProcessRuns);
        const overWs = median(overWsRuns);
        const ratio = overWs / inProcess;
        console.log(`median of ${ROUNDS}: in-process ${Math.round(inProcess)} ops/s, dev server ${Math.round(overWs)} ops/s, ratio ${(100 * ratio).toFixed(0)} %\n`);
        results[`inFlight${inFlight}`] = { inProcess: Math.round(inProcess), devServerWs: Math.round(overWs), ratio: Number(ratio.toFixed(3)) };
    }
} finally {
    await remote.close();
    await embedded.close();
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
}
writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const target = results.inFlight16.ratio >= 0.8 ? 'met' : 'NOT met';
console.log(`target (>= 80% of in-process at 16 in flight): ${target}`);

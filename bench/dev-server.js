// 5,000 `CREATE item SET n = $n, name = $name` through the official JS SDK, one at a time and
// 16 in flight: against the embedded engine in this process, and against the dev server over
// WebSocket, rounds alternating. Prints ops/s and the dev-server/in-process ratio; writes
// results/dev-server.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Surreal, createRemoteEngines } from 'surrealdb';
import { createNodeEngines } from '@surrealdb/node';
import WebSocket from 'ws';
import { IN_FLIGHT, OPS, ROUNDS, cpuSeconds, here, median, pad, prepare, rate, runJs, startDevServer } from './lib.js';

const results = { ops: OPS, rounds: ROUNDS, node: process.version, measuredAt: new Date().toISOString() };
const embedded = new Surreal({ engines: createNodeEngines() });
await embedded.connect('mem://');
const server = await startDevServer();
const remote = new Surreal({ engines: createRemoteEngines(), websocketImpl: WebSocket });
await remote.connect(`ws://${server.address}/rpc`);
await remote.signin({ username: 'root', password: 'root' });

// Runs one measurement and, with BENCH_CPU=1, prints where the CPU went.
async function measured(db, inFlight, label) {
    const selfCpu = process.cpuUsage();
    const serverCpu = cpuSeconds(server.child.pid);
    const started = process.hrtime.bigint();
    const opsPerSecond = await runJs(db, inFlight);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const self = process.cpuUsage(selfCpu);
    console.log(`${pad(label)} ${rate(opsPerSecond)}`);
    if (process.env.BENCH_CPU)
        console.log(`  cpu: bench process ${(((self.user + self.system) / 1e6 / seconds) * 100).toFixed(0)}%, dev server ${(((cpuSeconds(server.child.pid) - serverCpu) / seconds) * 100).toFixed(0)}%`);
    return opsPerSecond;
}

console.log('Official JS SDK: embedded engine in-process vs the dev server over WebSocket');
try {
    for (const inFlight of IN_FLIGHT) {
        const inProcessRuns = [];
        const overWsRuns = [];
        for (let round = 0; round < ROUNDS; ++round) {
            await prepare(embedded, `inproc${inFlight}_${round}`);
            await prepare(remote, `ws${inFlight}_${round}`);
            inProcessRuns.push(await measured(embedded, inFlight, `in-process engine, ${inFlight} in flight`));
            overWsRuns.push(await measured(remote, inFlight, `dev server over WS, ${inFlight} in flight`));
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
    server.stop();
}
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'dev-server.json'), `${JSON.stringify(results, null, 2)}\n`);
if (results.inFlight16) console.log(`target (dev server >= 80% of in-process at 16 in flight): ${results.inFlight16.ratio >= 0.8 ? 'met' : 'NOT met'}`);

// The SurrealQt SDK (C++, build/bench/sdk/surrealqt-bench-sdk) against the official JS SDK, both
// over WebSocket to the same dev server, in one run: 5,000 `CREATE item SET n = $n, name = $name`,
// one at a time and 16 in flight, rounds alternating. Prints ops/s and ratios; writes sdk.json.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Surreal, createRemoteEngines } from 'surrealdb';
import WebSocket from 'ws';
import { IN_FLIGHT, OPS, ROUNDS, WARMUP, here, median, pad, prepare, rate, runJs, startDevServer } from './lib.js';

const binary = process.env.SURREALQT_BENCH_SDK ?? path.join(here, '..', 'build', 'bench', 'sdk', 'surrealqt-bench-sdk');
if (!existsSync(binary)) {
    console.error(`sdk.js: ${binary} is missing; build it first (make bench does)`);
    process.exit(1);
}

async function runCpp(address, inFlight, database) {
    const { stdout } = await promisify(execFile)(binary, ['--url', `ws://${address}/rpc`, '--ops', String(OPS), '--in-flight', String(inFlight), '--warmup', String(WARMUP), '--db', database]);
    const line = JSON.parse(stdout.trim().split('\n').pop());
    if (line.errors) throw new Error(`surrealqt-bench-sdk reported ${line.errors} failed calls`);
    return line.opsPerSecond;
}

const server = await startDevServer();
const js = new Surreal({ engines: createRemoteEngines(), websocketImpl: WebSocket });
await js.connect(`ws://${server.address}/rpc`);
await js.signin({ username: 'root', password: 'root' });
const results = { ops: OPS, rounds: ROUNDS, node: process.version, measuredAt: new Date().toISOString() };
console.log(`SurrealQt SDK vs official JS SDK ${'surrealdb@2.0.8'}, both over WebSocket (CBOR) to one dev server`);
try {
    for (const inFlight of IN_FLIGHT) {
        const cpp = [];
        const official = [];
        for (let round = 0; round < ROUNDS; ++round) {
            cpp.push(await runCpp(server.address, inFlight, `cpp${inFlight}_${round}`));
            console.log(`${pad(`SurrealQt (C++), ${inFlight} in flight`)} ${rate(cpp.at(-1))}`);
            await prepare(js, `js${inFlight}_${round}`);
            official.push(await runJs(js, inFlight));
            console.log(`${pad(`official JS SDK, ${inFlight} in flight`)} ${rate(official.at(-1))}`);
        }
        const ratio = median(cpp) / median(official);
        console.log(`median of ${ROUNDS}: SurrealQt ${Math.round(median(cpp))} ops/s, JS SDK ${Math.round(median(official))} ops/s, ratio ${ratio.toFixed(2)}x\n`);
        results[`inFlight${inFlight}`] = { surrealqt: Math.round(median(cpp)), officialJs: Math.round(median(official)), ratio: Number(ratio.toFixed(3)) };
    }
} finally {
    await js.close();
    server.stop();
}
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'sdk.json'), `${JSON.stringify(results, null, 2)}\n`);

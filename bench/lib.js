// Shared by the benchmark scripts: the dev server, the JS SDK workload, and medians.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const OPS = Number(process.env.BENCH_OPS ?? 5000);
export const WARMUP = 500;
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const IN_FLIGHT = (process.env.BENCH_INFLIGHT ?? '1,16').split(',').map(Number);

export function startDevServer() {
    const devServer = path.join(here, '..', 'tools', 'dev-server', 'src', 'main.js');
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [devServer, 'start', '--bind', '127.0.0.1:0', '--user', 'root', '--pass', 'root', '--log', 'warn', 'memory'], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.once('exit', (code) => reject(new Error(`dev server exited with ${code}`)));
        child.stdout.on('data', (chunk) => {
            const match = String(chunk).match(/Listening on http:\/\/(\S+)/);
            if (!match) return;
            child.removeAllListeners('exit');
            resolve({ child, address: match[1], stop: () => child.kill('SIGTERM') });
        });
    });
}

// CPU time (user + system) a process has used so far, in seconds.
export function cpuSeconds(pid) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function prepare(db, database) {
    await db.use({ namespace: 'bench', database });
    await db.query('DEFINE TABLE IF NOT EXISTS item SCHEMALESS');
}

// OPS `CREATE item` through a JS SDK client, inFlight at a time, after a warm-up:
// {opsPerSecond, p50Us, p99Us, cpuUsPerOp} (CPU of this whole process, i.e. the client).
export async function runJsDetailed(db, inFlight) {
    let next = 0;
    let latencies = [];
    const create = async (n) => {
        const sent = process.hrtime.bigint();
        await db.query('CREATE item SET n = $n, name = $name', { n, name: `item ${n}` });
        latencies.push(Number(process.hrtime.bigint() - sent) / 1000);
    };
    const worker = async (count, offset) => {
        while (next < count) await create(offset + next++);
    };
    await Promise.all(Array.from({ length: inFlight }, () => worker(WARMUP, 1_000_000)));
    next = 0;
    latencies = [];
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: inFlight }, () => worker(OPS, 0)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    latencies.sort((a, b) => a - b);
    return {
        opsPerSecond: OPS / seconds,
        p50Us: latencies[Math.floor(latencies.length * 0.5)],
        p99Us: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))],
        cpuUsPerOp: (used.user + used.system) / OPS,
    };
}

export async function runJs(db, inFlight) {
    return (await runJsDetailed(db, inFlight)).opsPerSecond;
}

export const pad = (label) => label.padEnd(40);
export const rate = (opsPerSecond) => `${String(Math.round(opsPerSecond)).padStart(7)} ops/s`;

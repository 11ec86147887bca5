import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { RawClient, startServer } from './helpers.js';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.js');

describe('server lifecycle', () => {
    it('keeps surrealkv data across a restart and exits 0 on SIGTERM', async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'surrealqt-kv-'));
        try {
            const storage = `surrealkv://${path.join(dir, 'data')}`;
            const first = await startServer(['--user', 'root', '--pass', 'root', storage]);
            const writer = await (await RawClient.open(first.wsUrl)).signedIn('kv', 'kv');
            await writer.result('query', ['CREATE note:keep SET text = $t', { t: 'survives' }]);
            writer.close();
            assert.deepEqual(await first.stop(), { code: 0, signal: null });
            const second = await startServer(['--user', 'root', '--pass', 'root', storage]);
            const reader = await (await RawClient.open(second.wsUrl)).signedIn('kv', 'kv');
            const [statement] = await reader.result('query', ['SELECT VALUE text FROM note:keep']);
            assert.deepEqual(statement.result, ['survives']);
            reader.close();
            assert.equal((await second.stop()).code, 0);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('closes open sockets on SIGTERM', async () => {
        const server = await startServer();
        const client = await RawClient.open(server.wsUrl);
        const closed = new Promise((resolve) => client.socket.once('close', (code) => resolve(code)));
        const exit = server.stop();
        assert.equal(await closed, 1001);
        assert.equal((await exit).code, 0);
    });

    it('lets everyone in with --unauthenticated', async () => {
        const server = await startServer(['--unauthenticated', 'memory']);
        const client = await RawClient.open(server.wsUrl);
        await client.result('use', ['open', 'open']);
        const [statement] = await client.result('query', ['RETURN "anyone"']);
        assert.equal(statement.result, 'anyone');
        client.close();
        await server.stop();
    });

    it('rejects a bad command line with usage and exit code 2', () => {
        for (const args of [['serve'], ['start', '--bind', 'nowhere'], ['start', '--user', 'root'], ['start', 'ftp://x'], ['start', '--log', 'loud']]) {
            const result = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
            assert.notEqual(result.status, 0, args.join(' '));
            assert.match(result.stderr, /surrealqt-dev-server: /);
        }
        const help = spawnSync(process.execPath, [main, '--help'], { encoding: 'utf8' });
        assert.equal(help.status, 0);
        assert.match(help.stdout, /Usage: surrealqt-dev-server start/);
    });
});

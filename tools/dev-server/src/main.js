#!/usr/bin/env node
// surrealqt-dev-server: `surreal start` for machines that have no surreal binary.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { AuthGate } from './auth-gate.js';
import { USAGE, UsageError, parseArgs } from './cli.js';
import { Engine, engineVersion, newSessionId } from './engine.js';
import { HttpRoutes } from './http-routes.js';
import { log, setLogLevel } from './log.js';
import { RpcSocket } from './rpc-socket.js';

const MAX_WS_MESSAGE = 128 * 1024 * 1024;

function quoteSurql(text) {
    return JSON.stringify(String(text)); // a JSON string is a valid SurrealQL string literal
}

async function defineRootUser(engine, user, pass) {
    const session = newSessionId();
    await engine.attach(session);
    try {
        // DEFINE USER takes literals only (no $parameters), so the operator's values are quoted.
        const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(user) ? user : `\`${user.replace(/[`\\]/g, '\\$&')}\``;
        const [result] = await engine.call(session, 'query', [`DEFINE USER IF NOT EXISTS ${name} ON ROOT PASSWORD ${quoteSurql(pass)} ROLES OWNER`]);
        if (result.status !== 'OK') throw new Error(`cannot define the root user: ${result.result}`);
    } finally {
        await engine.detach(session);
    }
}

async function start(options) {
    setLogLevel(options.log);
    const engine = await Engine.open(options.engineUrl);
    const version = `surrealdb-${engineVersion()}`;
    if (options.user !== undefined) await defineRootUser(engine, options.user, options.pass);
    const gate = new AuthGate({ unauthenticated: options.unauthenticated });
    const routes = new HttpRoutes({ engine, gate, version });
    const registry = new Map(); // engine session key -> RpcSocket
    const liveOwners = new Map(); // live query id (hex) -> engine session key that started it

    const server = http.createServer((req, res) => routes.handle(req, res));
    server.keepAliveTimeout = 65000;
    const wss = new WebSocketServer({
        noServer: true,
        maxPayload: MAX_WS_MESSAGE,
        handleProtocols: (protocols) => (protocols.has('cbor') ? 'cbor' : protocols.has('json') ? 'json' : false),
    });
    server.on('upgrade', (req, socket, head) => {
        if (new URL(req.url, 'http://localhost').pathname !== '/rpc') {
            socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
            return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
            const format = ws.protocol || 'json';
            if (!ws.protocol) log.warn('a client connected without a subprotocol; falling back to json (deprecated)');
            const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
            log.info(`connection from ${peer} (${format})`);
            new RpcSocket({ socket: ws, engine, gate, registry, liveOwners, format, peer });
        });
    });

    // The engine tags each notification with its session, except KILLED (after KILL or REMOVE
    // TABLE): route that one by live query id, as `surreal start` routes every notification.
    const routeNotification = (key, raw, live) => {
        const owner = key ?? liveOwners.get(live);
        if (key === null) liveOwners.delete(live); // KILLED is a live query's last message
        registry.get(owner)?.notify(owner, raw);
    };
    engine.pumpNotifications(routeNotification).catch((err) => {
        if (!engine.closed) log.error('live notifications stopped:', err);
    });

    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, resolve);
    });
    const { address, port } = server.address();
    const host = address.includes(':') ? `[${address}]` : address;
    log.info(`engine ${version} on ${options.engineUrl}${options.unauthenticated ? ', unauthenticated' : ''}`);
    process.stdout.write(`Listening on http://${host}:${port}\n`);

    let stopping = false;
    const stop = async (signal) => {
        if (stopping) return;
        stopping = true;
        log.info(`${signal}: shutting down`);
        for (const client of wss.clients) client.close(1001, 'server shutting down');
        server.close();
        server.closeAllConnections?.();
        engine.close(); // flushes and closes the datastore
        process.exit(0);
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
}

try {
    const options = parseArgs(process.argv.slice(2));
    if (options.help) {
        process.stdout.write(`${USAGE}\n`);
    } else {
        await start(options);
    }
} catch (err) {
    process.stderr.write(`surrealqt-dev-server: ${err.message}\n`);
    if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(err instanceof UsageError ? 2 : 1);
}

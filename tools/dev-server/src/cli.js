// Parses the `surreal start`-style command line.
export const USAGE = `Usage: surrealqt-dev-server start [OPTIONS] [memory | surrealkv://PATH | rocksdb://PATH]

A SurrealDB server for tests, benchmarks and the SurrealQt Studio sandbox, running the real
SurrealDB engine from @surrealdb/node. Not for production.

Options:
  -b, --bind HOST:PORT   address to listen on (default 127.0.0.1:8000; port 0 picks a free one)
  -u, --user USER        define this root user at start-up (with --pass)
  -p, --pass PASS        the root user's password
      --unauthenticated  let anonymous clients read and write everything
  -l, --log LEVEL        none, error, warn, info, debug or trace (default info)
  -h, --help             show this help`;

export class UsageError extends Error {}

export function parseArgs(argv) {
    const options = { bind: '127.0.0.1:8000', log: 'info', unauthenticated: false, storage: 'memory' };
    const args = [...argv];
    if (args[0] === '-h' || args[0] === '--help') return { help: true };
    if (args.shift() !== 'start') throw new UsageError('the first argument must be `start`');
    const valueOf = (flag) => {
        if (!args.length) throw new UsageError(`${flag} needs a value`);
        return args.shift();
    };
    let storageSeen = false;
    while (args.length) {
        const arg = args.shift();
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => inline ?? valueOf(flag);
        switch (flag) {
        case '-h': case '--help': return { help: true };
        case '-b': case '--bind': options.bind = value(); break;
        case '-u': case '--user': case '--username': options.user = value(); break;
        case '-p': case '--pass': case '--password': options.pass = value(); break;
        case '-l': case '--log': options.log = value(); break;
        case '--unauthenticated': options.unauthenticated = true; break;
        default:
            if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
            if (storageSeen) throw new UsageError(`unexpected argument ${flag}`);
            options.storage = flag;
            storageSeen = true;
        }
    }
    if ((options.user === undefined) !== (options.pass === undefined)) throw new UsageError('--user and --pass go together');
    const bind = options.bind.match(/^(.*):(\d+)$/);
    if (!bind) throw new UsageError(`--bind wants HOST:PORT, got ${options.bind}`);
    options.host = bind[1].replace(/^\[|\]$/g, '');
    options.port = Number(bind[2]);
    options.engineUrl = engineUrl(options.storage);
    return options;
}

function engineUrl(storage) {
    if (storage === 'memory' || storage === 'mem://') return 'mem://';
    const match = storage.match(/^(surrealkv|rocksdb|surrealkv\+versioned):\/\/(.+)$/);
    if (!match) throw new UsageError(`unknown storage ${storage} (use memory, surrealkv://PATH or rocksdb://PATH)`);
    return storage;
}

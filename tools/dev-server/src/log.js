// Levelled logging to stderr, in the spirit of `surreal start --log`.
const LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'trace'];
let threshold = LEVELS.indexOf('info');

export function setLogLevel(level) {
    const index = LEVELS.indexOf(level);
    if (index < 0) throw new Error(`unknown log level '${level}' (expected one of ${LEVELS.join(', ')})`);
    threshold = index;
}

function emit(level, args) {
    if (LEVELS.indexOf(level) > threshold) return;
    const text = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${text}\n`);
}

export const log = {
    error: (...a) => emit('error', a),
    warn: (...a) => emit('warn', a),
    info: (...a) => emit('info', a),
    debug: (...a) => emit('debug', a),
    trace: (...a) => emit('trace', a),
};

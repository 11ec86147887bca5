// Just enough CBOR to route a frame without decoding it: read an item's head, find where an
// item ends, split a top-level map into raw key/value slices, and write map and text headers.
// The dev server forwards values as the bytes it received so custom SurrealDB tags pass through
// untouched, and skipping is far cheaper than a full decode and re-encode.

export class CborError extends Error {}

const MAJOR_UINT = 0;
const MAJOR_NEGINT = 1;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_ARRAY = 4;
const MAJOR_MAP = 5;
const MAJOR_TAG = 6;
const BREAK = 0xff;
const MAX_DEPTH = 256;

// Returns {major, info, value, offset} where offset is just past the head. value is the length,
// count or integer argument (a Number; arguments above 2^53 only occur for integers we skip).
export function readHead(buf, offset) {
    if (offset >= buf.length) throw new CborError('truncated CBOR item');
    const first = buf[offset];
    const major = first >> 5;
    const info = first & 0x1f;
    let value = info;
    let next = offset + 1;
    if (info === 24) {
        need(buf, next, 1);
        value = buf[next];
        next += 1;
    } else if (info === 25) {
        need(buf, next, 2);
        value = buf.readUInt16BE(next);
        next += 2;
    } else if (info === 26) {
        need(buf, next, 4);
        value = buf.readUInt32BE(next);
        next += 4;
    } else if (info === 27) {
        need(buf, next, 8);
        value = Number(buf.readBigUInt64BE(next));
        next += 8;
    } else if (info >= 28 && info <= 30) {
        throw new CborError(`reserved CBOR additional info ${info}`);
    } else if (info === 31) {
        if (major === MAJOR_UINT || major === MAJOR_NEGINT || major === MAJOR_TAG)
            throw new CborError('indefinite length on a non-container CBOR item');
        value = -1; // indefinite length
    }
    return { major, info, value, offset: next };
}

function need(buf, offset, count) {
    if (offset + count > buf.length) throw new CborError('truncated CBOR item');
}

// Returns the offset just past the item that starts at offset.
export function skipItem(buf, offset, depth = 0) {
    if (depth > MAX_DEPTH) throw new CborError('CBOR nesting too deep');
    const head = readHead(buf, offset);
    switch (head.major) {
    case MAJOR_UINT:
    case MAJOR_NEGINT:
        return head.offset;
    case MAJOR_BYTES:
    case MAJOR_TEXT:
        if (head.value < 0) return skipChunks(buf, head.offset, head.major);
        need(buf, head.offset, head.value);
        return head.offset + head.value;
    case MAJOR_ARRAY:
    case MAJOR_MAP: {
        const perEntry = head.major === MAJOR_MAP ? 2 : 1;
        let next = head.offset;
        if (head.value < 0) {
            while (true) {
                need(buf, next, 1);
                if (buf[next] === BREAK) return next + 1;
                next = skipItem(buf, next, depth + 1);
            }
        }
        for (let i = 0; i < head.value * perEntry; ++i) next = skipItem(buf, next, depth + 1);
        return next;
    }
    case MAJOR_TAG:
        return skipItem(buf, head.offset, depth + 1);
    default: // major 7: simple values and floats; the head already covers them
        if (head.info === 31) throw new CborError('unexpected CBOR break');
        return head.offset;
    }
}

function skipChunks(buf, offset, major) {
    let next = offset;
    while (true) {
        need(buf, next, 1);
        if (buf[next] === BREAK) return next + 1;
        const chunk = readHead(buf, next);
        if (chunk.major !== major || chunk.value < 0) throw new CborError('bad CBOR string chunk');
        need(buf, chunk.offset, chunk.value);
        next = chunk.offset + chunk.value;
    }
}

export function readText(buf, offset) {
    const head = readHead(buf, offset);
    if (head.major !== MAJOR_TEXT || head.value < 0) return null;
    need(buf, head.offset, head.value);
    return buf.toString('utf8', head.offset, head.offset + head.value);
}

// Splits a whole-buffer top-level map with text keys into Map<key, Buffer slice of the value>.
export function splitMap(buf) {
    const head = readHead(buf, 0);
    if (head.major !== MAJOR_MAP) throw new CborError('expected a CBOR map');
    const entries = new Map();
    let next = head.offset;
    const indefinite = head.value < 0;
    for (let i = 0; indefinite || i < head.value; ++i) {
        if (indefinite && buf[next] === BREAK) {
            next += 1;
            break;
        }
        const key = readText(buf, next);
        const valueStart = skipItem(buf, next);
        const valueEnd = skipItem(buf, valueStart);
        if (key !== null) entries.set(key, buf.subarray(valueStart, valueEnd));
        next = valueEnd;
    }
    if (next !== buf.length) throw new CborError('trailing bytes after the CBOR map');
    return entries;
}

function head(major, value) {
    if (value < 24) return Buffer.from([(major << 5) | value]);
    if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
    if (value < 0x10000) {
        const out = Buffer.alloc(3);
        out[0] = (major << 5) | 25;
        out.writeUInt16BE(value, 1);
        return out;
    }
    const out = Buffer.alloc(5);
    out[0] = (major << 5) | 26;
    out.writeUInt32BE(value, 1);
    return out;
}

const textCache = new Map();
export function encodeText(text) {
    let cached = textCache.get(text);
    if (!cached) {
        const bytes = Buffer.from(text, 'utf8');
        cached = Buffer.concat([head(MAJOR_TEXT, bytes.length), bytes]);
        if (textCache.size < 64) textCache.set(text, cached);
    }
    return cached;
}

// Encodes a map from [key, rawValueBytes] pairs whose values are already CBOR.
export function encodeRawMap(pairs) {
    const parts = [head(MAJOR_MAP, pairs.length)];
    for (const [key, raw] of pairs) parts.push(encodeText(key), raw);
    return Buffer.concat(parts);
}

// Tag 37 (uuid) around 16 raw bytes.
export function encodeUuid(bytes16) {
    return Buffer.concat([Buffer.from([0xd8, 37, 0x50]), bytes16]);
}

// Returns the 16 uuid bytes of a tag-37 item, or null.
export function readUuid(raw) {
    if (raw.length === 19 && raw[0] === 0xd8 && raw[1] === 37 && raw[2] === 0x50)
        return raw.subarray(3);
    return null;
}

export const CBOR_NULL = Buffer.from([0xf6]);

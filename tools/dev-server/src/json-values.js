// Converts decoded SurrealDB CBOR values (cbor2 Tag objects) into the JSON form the real server
// speaks on its `json` subprotocol and on HTTP with `Accept: application/json`.
import { Tag } from 'cbor2';

const GEOMETRY_TYPES = {
    88: 'Point',
    89: 'LineString',
    90: 'Polygon',
    91: 'MultiPoint',
    92: 'MultiLineString',
    93: 'MultiPolygon',
};

export function uuidText(bytes) {
    const hex = Buffer.from(bytes).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidBytes(text) {
    const hex = String(text).replace(/-/g, '');
    if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
    return new Uint8Array(Buffer.from(hex, 'hex'));
}

function datetimeText(secs, nanos) {
    const millis = Number(secs) * 1000;
    const iso = new Date(millis).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
    const fraction = String(nanos ?? 0).padStart(9, '0').replace(/0+$/, '');
    return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

const DURATION_UNITS = [
    ['y', 365n * 86400n * 1000000000n],
    ['w', 7n * 86400n * 1000000000n],
    ['d', 86400n * 1000000000n],
    ['h', 3600n * 1000000000n],
    ['m', 60n * 1000000000n],
    ['s', 1000000000n],
    ['ms', 1000000n],
    ['µs', 1000n],
    ['ns', 1n],
];

function durationText(secs, nanos) {
    let total = BigInt(secs ?? 0) * 1000000000n + BigInt(nanos ?? 0);
    if (total === 0n) return '0ns';
    let out = '';
    for (const [unit, size] of DURATION_UNITS) {
        if (total >= size) {
            out += `${total / size}${unit}`;
            total %= size;
        }
    }
    return out;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$|^[0-9]*[A-Za-z_][A-Za-z0-9_]*$/;

function recordKeyText(key) {
    if (typeof key === 'string')
        return PLAIN_KEY.test(key) && !/^[0-9]+$/.test(key) ? key : `⟨${key.replace(/⟩/g, '\\⟩')}⟩`;
    if (typeof key === 'number' || typeof key === 'bigint') return String(key);
    return JSON.stringify(toJson(key));
}

function boundText(bound) {
    if (bound === null || bound === undefined) return '';
    return recordKeyText(bound.contents);
}

function rangeText(range) {
    const [lo, hi] = range;
    const left = boundText(lo) + (lo instanceof Tag && lo.tag === 51 ? '>' : '');
    const right = (hi instanceof Tag && hi.tag === 50 ? '=' : '') + boundText(hi);
    return `${left}..${right}`;
}

function tagToJson(tag) {
    const { contents } = tag;
    switch (tag.tag) {
    case 6:
        return null;
    case 7:
    case 9:
    case 10:
    case 13:
        return String(contents);
    case 8: {
        const [table, key] = contents;
        const keyText = key instanceof Tag && key.tag === 49 ? rangeText(key.contents)
            : key instanceof Tag && key.tag === 37 ? `u"${uuidText(key.contents)}"`
            : recordKeyText(key);
        return `${table}:${keyText}`;
    }
    case 12:
        return datetimeText(contents[0], contents[1]);
    case 14:
        return durationText(contents[0], contents[1]);
    case 37:
        return uuidText(contents);
    case 49:
        return rangeText(contents);
    case 55:
        return `f"${contents[0]}:${contents[1]}"`;
    case 56:
        return contents.map(toJson);
    case 94:
        return { type: 'GeometryCollection', geometries: contents.map(toJson) };
    default:
        if (GEOMETRY_TYPES[tag.tag]) return { type: GEOMETRY_TYPES[tag.tag], coordinates: coordinates(contents) };
        return toJson(contents);
    }
}

function coordinates(value) {
    if (value instanceof Tag) return coordinates(value.contents);
    if (Array.isArray(value)) return value.map(coordinates);
    return toJson(value);
}

export function toJson(value) {
    if (value === undefined || value === null) return null;
    if (value instanceof Tag) return tagToJson(value);
    if (typeof value === 'bigint')
        return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
    if (value instanceof Date) return value.toISOString();
    if (value instanceof Uint8Array) return Array.from(value);
    if (Array.isArray(value)) return value.map(toJson);
    if (value instanceof Map) {
        const out = {};
        for (const [key, item] of value) out[String(key)] = toJson(item);
        return out;
    }
    if (typeof value === 'object') {
        const out = {};
        for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
        return out;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    return value;
}

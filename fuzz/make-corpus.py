#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ (a few valid inputs per fuzzer).

The CBOR seeds are entries of the golden table in tests/unit/values/tst_values_cbor.cpp (hex
worked out by hand there); the RPC frames are built with the tiny encoder below. Re-run after
changing the seeds: python3 fuzz/make-corpus.py
"""
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
PERSON = "66 706572736f6e "
P12 = "d8 58 82 fb 3ff0000000000000 fb 4000000000000000 "
P34 = "d8 58 82 fb 4008000000000000 fb 4010000000000000 "
P00 = "d8 58 82 fb 0000000000000000 fb 0000000000000000 "
P10 = "d8 58 82 fb 3ff0000000000000 fb 0000000000000000 "
P11 = "d8 58 82 fb 3ff0000000000000 fb 3ff0000000000000 "
RING = "d8 59 84 " + P00 + P10 + P11 + P00

GOLDEN = {
    "none": "c6 f6",
    "int_i64_min": "3b 7fffffffffffffff",
    "float": "fb 3fb999999999999a",
    "string": "65 c3a9 e29fa9",
    "decimal": "ca 64 332e3134",
    "datetime": "cc 82 1a 65937d25 1a 075bcd15",
    "datetime_1960": "cc 82 3a 12cff77f 00",
    "duration": "ce 82 01 1a 1dcd6500",
    "uuid": "d8 25 50 0193a1b2c3d47e5f8a9b0c1d2e3f4a5b",
    "record_string": "c8 82 " + PERSON + "65 746f626965",
    "record_array": "c8 82 " + PERSON + "82 66 6c6f6e646f6e 19 07e8",
    "record_object": "c8 82 " + PERSON + "a1 64 63697479 66 6c6f6e646f6e",
    "record_range": "c8 82 " + PERSON + "d8 31 82 d8 32 01 d8 32 05",
    "record_text": "c8 72 706572736f6e3a e29fa8 3432616263 e29fa9",
    "table": "c7 " + PERSON,
    "polygon": "d8 5a 81 " + RING,
    "multipolygon": "d8 5d 81 d8 5a 81 " + RING,
    "collection": "d8 5e 82 " + P12 + "d8 59 82 " + P12 + P34,
    "range": "d8 31 82 d8 33 01 d8 32 05",
    "range_open": "d8 31 82 f6 d8 33 05",
    "set": "d8 38 82 01 02",
    "file": "d8 37 82 67 61766174617273 6a 2f746f6269652e706e67",
    "bytes": "43 0102ff",
    "nested": "a3 62 6964 c8 82 " + PERSON + "18 2a 62 6174 cc 82 00 01 64 676f6e65 c6 f6",
    "tag0_datetime": "c0 78 1e 323032342d30312d30325430333a30343a30352e3132333435363738395a",
    "tag13_duration": "cd 65 316833306d",
    "tag9_uuid": "c9 78 24 30313933613162322d633364342d376535662d386139622d306331643265336634613562",
    "indefinite": "bf 61 61 9f 01 02 ff ff",
}


class Tag:
    def __init__(self, tag, value):
        self.tag, self.value = tag, value


def head(major, n):
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise ValueError(n)


def cbor(value):
    if value is None:
        return b"\xf6"
    if value is True or value is False:
        return b"\xf5" if value else b"\xf4"
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode()
        return head(3, len(data)) + data
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(v) for v in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    if isinstance(value, Tag):
        return head(6, value.tag) + cbor(value.value)
    raise TypeError(value)


UUID = bytes.fromhex("0193a1b2c3d47e5f8a9b0c1d2e3f4a5b")
SESSION = Tag(37, bytes.fromhex("8f1c5a4e2b3d4e6f9a0b1c2d3e4f5a6b"))
RECORD = Tag(8, ["person", "tobie"])
RPC = {
    "response": {"id": 1, "result": {"id": RECORD, "at": Tag(12, [1704164645, 123456789])}},
    "response_string_id": {"id": "7", "result": [1, 2.5, None]},
    "query_result": {"id": 3, "result": [{"status": "OK", "time": "1.2ms", "result": [RECORD]}]},
    "error": {"id": 2, "error": {"code": -32000, "message": "There was a problem"}},
    "error_3x": {"id": 4, "error": {"kind": "NotAllowed", "message": "denied", "details": {"a": 1}}},
    "notification": {"result": {"id": Tag(37, UUID), "action": "CREATE", "record": RECORD,
                                "result": {"id": RECORD, "name": "Tobie"}}},
    "notification_session": {"session": SESSION, "result": {"id": Tag(37, UUID), "action": "KILLED",
                                                            "record": None, "result": None}},
    "session_response": {"id": 5, "session": SESSION, "result": Tag(6, None)},
}

JSON = {  # first byte: the ValueKind hint (core/values/ValueKind.h)
    "any_object": (0, '{"a": 1, "b": [true, null, 1.5], "c": {"d": "x"}}'),
    "datetime": (9, '["2024-01-02T03:04:05.123456789Z"]'),
    "duration": (10, '["1w2d3h4m5s6ms7µs8ns"]'),
    "uuid": (11, '["0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"]'),
    "record": (12, '["person:⟨42abc⟩", "person:[1, \\"a\\"]"]'),
    "table": (13, '["person"]'),
    "geometry": (14, '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}'),
    "collection": (14, '[{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, 2]}]}]'),
    "range": (15, '["1..=5"]'),
    "file": (17, '["bucket:/a/b.png"]'),
    "decimal": (6, '["1234567890.123456789012345678"]'),
    "bytes": (8, '[[1, 2, 255]]'),
    "set": (16, '[[1, 2, 3]]'),
    "none": (1, '[null]'),
    "integer": (4, '[9007199254740993]'),
}

SURQL = {
    "none": "NONE",
    "numbers": "[42, -7, 1.5f, 3.14dec, 9223372036854775807, 1e10]",
    "strings": '["text", \'single\', "esc\\"aped\\n", s"prefixed"]',
    "datetime": 'd"2024-01-02T03:04:05.123456789Z"',
    "duration": "1y2w3d4h5m6s7ms8µs9ns",
    "uuid": 'u"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"',
    "bytes": 'b"0A0BFF"',
    "records": "[person:tobie, person:⟨tobie smith⟩, person:42, person:[1, \"a\"], person:{ a: 1 }, "
               "person:u\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\", person:1..=5, `my table`:x]",
    "object": '{ a: 1, "b c": [true, false, NULL], d: { e: NONE } }',
    "set": "{1, 2, 3}",
    "ranges": "[1..5, 1>..=5, ..5, 1.., .., 'a'..'m']",
    "point": "(1.5, 2)",
    "geometry": '{ type: "LineString", coordinates: [[1, 2], [3, 4]] }',
    "file": 'f"bucket:/key/with space.png"',
}


def write(target, name, data):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def main():
    for name, text in GOLDEN.items():
        write("fuzz_decode_cbor", name, bytes.fromhex(text.replace(" ", "")))
    for name, frame in RPC.items():
        write("fuzz_rpc_message", name, cbor(frame))
    for name, (hint, text) in JSON.items():
        write("fuzz_from_json", name, bytes([hint]) + text.encode())
    for name, text in SURQL.items():
        write("fuzz_parse_surql", name, text.encode())


if __name__ == "__main__":
    main()

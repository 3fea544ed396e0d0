// Writes the Arrow IPC stream fixtures (*.arrows) for ArrowStreamReader's tests with an
// independent implementation (the `apache-arrow` npm package), plus *.expected.json holding
// the values we fed it, so the Java tests compare against the source data, not against a
// second decoder. Run: `cd /tmp/x && npm install apache-arrow && node <this file> <out dir>`.
// Expected JSON: integers and timestamps (as epoch millis, floored) are decimal strings,
// so 64-bit values survive JSON; columns of an unsupported type are listed but not in rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Bool, Field, Float64, Int8, Int16, Int32, Int64, List, RecordBatch, RecordBatchStreamWriter,
  Schema, Struct, TimestampMicrosecond, TimestampMillisecond, TimestampNanosecond,
  TimestampSecond, Uint8, Uint16, Uint32, Uint64, Utf8, makeData, vectorFromArray,
} from 'apache-arrow';

const out = process.argv[2] ?? '.';
const U64_MAX = 2n ** 64n - 1n;

// Per timestamp unit: the arrow type and the divisor from stored value to millis (seconds multiply).
const TS_UNITS = { s: [TimestampSecond, 1n], ms: [TimestampMillisecond, 1n],
  us: [TimestampMicrosecond, 1000n], ns: [TimestampNanosecond, 1000000n] };

function col(name, type, kind, values) { return { name, type, kind, values }; }
function tsCol(name, unit, tz, values) {
  const [Ctor] = TS_UNITS[unit];
  return { name, type: new Ctor(tz), kind: 'TIMESTAMP', values, unit };
}
const listType = () => new List(new Field('item', new Utf8(), true));

function floorDiv(a, b) { const q = a / b; return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q; }

function timestampData(c, values) {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  const data = new BigInt64Array(values.length);
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null) { nulls++; return; }
    bitmap[i >> 3] |= 1 << (i & 7);
    data[i] = BigInt(v);
  });
  return makeData({ type: c.type, length: values.length, nullCount: nulls,
    nullBitmap: nulls ? bitmap : undefined, data });
}

function columnData(c, values) {
  if (c.kind === 'TIMESTAMP') return timestampData(c, values);
  return vectorFromArray(values, c.type).data[0];
}

function batch(schema, cols, from, to) {
  const children = cols.map((c) => columnData(c, c.values.slice(from, to)));
  const data = makeData({ type: new Struct(schema.fields), length: to - from, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

function expectedValue(c, v) {
  if (v === null) return null;
  if (c.kind === 'TIMESTAMP') {
    return String(c.unit === 's' ? BigInt(v) * 1000n : floorDiv(BigInt(v), TS_UNITS[c.unit][1]));
  }
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  return v;
}

// Writes one stream: `cuts` are the batch boundaries, e.g. [0, 3, 3, 5] = batches of 3, 0, 2 rows.
function write(file, cols, cuts) {
  const schema = new Schema(cols.map((c) => new Field(c.name, c.type, true)));
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  for (let i = 0; i + 1 < cuts.length; i++) writer.write(batch(schema, cols, cuts[i], cuts[i + 1]));
  writer.finish();
  writeFileSync(join(out, `${file}.arrows`), writer.toUint8Array(true));
  const rows = [];
  const n = cols.length ? cols[0].values.length : 0;
  for (let r = 0; r < n; r++) {
    const row = {};
    for (const c of cols) if (c.kind !== 'UNSUPPORTED') row[c.name] = expectedValue(c, c.values[r]);
    rows.push(row);
  }
  // One column or row per line keeps diffs of these files readable.
  const lines = (items) => items.map((x) => '  ' + JSON.stringify(x)).join(',\n');
  const columns = cols.map((c) => ({ name: c.name, type: c.kind }));
  writeFileSync(join(out, `${file}.expected.json`),
    `{"columns": [\n${lines(columns)}\n],\n"rows": [\n${lines(rows)}\n]}\n`);
}

// The Restate-like mix, in three batches (3, 0 and 2 rows) with nulls everywhere.
write('all_types', [
  col('name', new Utf8(), 'UTF8', ['p-0', null, '', 'ünïcødé ✓', 'last']),
  col('partition_id', new Uint32(), 'UINT32', [0, 1, null, 4294967295, 7]),
  col('applied_lsn', new Uint64(), 'UINT64', [0n, 2n ** 63n, null, U64_MAX, 9223372036854775807n]),
  col('i32', new Int32(), 'INT32', [-2147483648, null, 0, 2147483647, -1]),
  col('i64', new Int64(), 'INT64', [-9223372036854775808n, 42n, null, 9223372036854775807n, -1n]),
  col('leader', new Bool(), 'BOOL', [true, false, null, true, false]),
  tsCol('ts_s', 's', null, [1700000000n, null, -1n, 0n, 1n]),
  tsCol('ts_ms', 'ms', 'UTC', [1700000000123n, -1n, null, 0n, 253402300799999n]),
  tsCol('ts_us', 'us', 'UTC', [1700000000123456n, -1n, 999n, null, -1001n]),
  tsCol('ts_ns', 'ns', 'Europe/Berlin', [1700000000123456789n, -1n, 999999n, 1000000n, null]),
  col('tags', listType(), 'LIST_UTF8', [['a', 'b'], [], null, [null, 'x'], ['only']]),
], [0, 3, 3, 5]);

// Every integer width at its extremes, no nulls: writers may then omit validity bitmaps.
write('int_widths', [
  col('i8', new Int8(), 'INT8', [-128, 0, 127]),
  col('u8', new Uint8(), 'UINT8', [0, 1, 255]),
  col('i16', new Int16(), 'INT16', [-32768, 0, 32767]),
  col('u16', new Uint16(), 'UINT16', [0, 1, 65535]),
  col('u32', new Uint32(), 'UINT32', [0, 1, 4294967295]),
  col('u64', new Uint64(), 'UINT64', [0n, 1n, U64_MAX]),
  col('s', new Utf8(), 'UTF8', ['x', 'y', 'z']),
], [0, 3]);

// An empty query result: schema, no batches, end marker.
write('empty', [
  col('partition_id', new Uint32(), 'UINT32', []),
  col('plain_node_id', new Utf8(), 'UTF8', []),
], [0]);

// A column of a type the reader does not decode, between two that it does.
write('unsupported_column', [
  col('before', new Utf8(), 'UTF8', ['a', null]),
  col('ratio', new Float64(), 'UNSUPPORTED', [0.5, null]),
  col('after', new Uint64(), 'UINT64', [1n, null]),
], [0, 2]);

/**
 * FlatGeobuf (`.fgb`) writing for the large layers (cameras, footprints,
 * coverage grid, density cells): a binary, streamable feature format that
 * QGIS, GDAL/ogr2ogr and kepler.gl read, a few times smaller and much faster
 * to open than GeoJSON.
 *
 * Written with the `flatbuffers` runtime alone (≈0.6 MB installed), after
 * the format's specification (https://github.com/flatgeobuf/flatgeobuf,
 * schemas `header.fbs` and `feature.fbs`, format version 3): the magic bytes,
 * a size-prefixed Header table, no spatial index (`index_node_size = 0`),
 * then one size-prefixed Feature table per feature. The `flatgeobuf` package
 * itself (≈3.9 MB with its zstd WebAssembly) is only a test dependency: the
 * tests read every file back with it.
 *
 * Properties: the columns are the union of the features' property names, in
 * order of first appearance; a column's type is Bool when every value is a
 * boolean, Int when every value is an integer in the int32 range, Double
 * when every value is a number, String when every value is a string, and
 * Json (the value as JSON text) otherwise. A null or missing value is left
 * out of the feature (the column is nullable).
 */
import { Builder } from 'flatbuffers';
import { InvalidInputError } from '../core/index.js';

/** FlatGeobuf magic bytes: "fgb", format version 3, patch 0. */
const MAGIC = Uint8Array.from([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);

/** GeometryType of header.fbs. */
const GEOMETRY_TYPE = { Point: 1, LineString: 2, Polygon: 3 } as const;
/** ColumnType of header.fbs. */
const COLUMN_TYPE = { Bool: 2, Int: 5, Double: 10, String: 11, Json: 12 } as const;
type ColumnTypeName = keyof typeof COLUMN_TYPE;

/** A GeoJSON feature of one of the geometry types FlatGeobuf layers here hold. */
export interface FgbFeature {
  geometry: { type: 'Point'; coordinates: readonly number[] } | { type: 'LineString'; coordinates: readonly (readonly number[])[] } | { type: 'Polygon'; coordinates: readonly (readonly (readonly number[])[])[] };
  properties: Record<string, unknown> | null;
}

function columnTypeOf(values: unknown[]): ColumnTypeName {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'String';
  if (present.every((v) => typeof v === 'boolean')) return 'Bool';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647)) return 'Int';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'Double';
  if (present.every((v) => typeof v === 'string')) return 'String';
  return 'Json';
}

/** Appends little-endian bytes to a growing buffer. */
class Bytes {
  buf = new Uint8Array(256);
  view = new DataView(this.buf.buffer);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  i32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  text(s: string): void {
    const b = new TextEncoder().encode(s);
    this.ensure(4 + b.length);
    this.view.setUint32(this.length, b.length, true);
    this.buf.set(b, this.length + 4);
    this.length += 4 + b.length;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Flat xy and ring ends (in points) of a geometry. */
function flatCoords(g: FgbFeature['geometry']): { xy: number[]; ends: number[] } {
  if (g.type === 'Point') return { xy: [g.coordinates[0], g.coordinates[1]], ends: [] };
  if (g.type === 'LineString') return { xy: g.coordinates.flatMap((c) => [c[0], c[1]]), ends: [] };
  const xy: number[] = [];
  const ends: number[] = [];
  for (const ring of g.coordinates) {
    for (const c of ring) xy.push(c[0], c[1]);
    ends.push(xy.length / 2);
  }
  // A single ring needs no ends (feature.fbs: "ends … may be omitted for a single part").
  return { xy, ends: ends.length > 1 ? ends : [] };
}

/**
 * A layer of GeoJSON features as the bytes of a FlatGeobuf file (WGS84,
 * EPSG:4326), every feature of one geometry type.
 *
 * @param name - the layer's name (stored in the header)
 * @param geometryType - `Point`, `LineString` or `Polygon`; every feature must have it
 * @param features - the features (coordinates in longitude/latitude); properties as the module describes
 * @returns the file's bytes
 * @throws {InvalidInputError} on a feature of another geometry type or a non-finite coordinate
 * @example writeFileSync('cameras.fgb', flatgeobufBytes('cameras', 'Point', features));
 * @remarks O(features + coordinates); the file is built in memory (a 20,000-camera footprint layer is a few MB).
 */
export function flatgeobufBytes(name: string, geometryType: keyof typeof GEOMETRY_TYPE, features: readonly FgbFeature[]): Uint8Array {
  const origin = 'flatgeobufBytes';
  // Columns: the union of property names in order of first appearance, typed from all their values.
  const names: string[] = [];
  const seen = new Map<string, unknown[]>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      let vs = seen.get(k);
      if (!vs) seen.set(k, (vs = [])), names.push(k);
      vs.push(v);
    }
  }
  const types = names.map((k) => columnTypeOf(seen.get(k)!));
  const index = new Map(names.map((k, i) => [k, i]));

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const encoded: Uint8Array[] = [];
  const b = new Builder(1024);
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    if (!f.geometry || f.geometry.type !== geometryType) throw new InvalidInputError(origin, `features[${fi}].geometry.type`, `must be ${geometryType}`, f.geometry?.type);
    const { xy, ends } = flatCoords(f.geometry);
    for (let i = 0; i < xy.length; i += 2) {
      const x = xy[i];
      const y = xy[i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InvalidInputError(origin, `features[${fi}].geometry.coordinates`, 'must be finite numbers', [x, y]);
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const props = new Bytes();
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v === null || v === undefined) continue;
      const c = index.get(k)!;
      props.u16(c);
      switch (types[c]) {
        case 'Bool': props.u8(v ? 1 : 0); break;
        case 'Int': props.i32(v as number); break;
        case 'Double': props.f64(v as number); break;
        case 'String': props.text(v as string); break;
        default: props.text(JSON.stringify(v));
      }
    }
    b.clear();
    const propBytes = props.bytes();
    const propsOff = b.createByteVector(propBytes);
    const xyOff = createDoubleVector(b, xy);
    let endsOff = 0;
    if (ends.length) {
      b.startVector(4, ends.length, 4);
      for (let i = ends.length - 1; i >= 0; i--) b.addInt32(ends[i]);
      endsOff = b.endVector();
    }
    b.startObject(8); // Geometry
    if (endsOff) b.addFieldOffset(0, endsOff, 0);
    b.addFieldOffset(1, xyOff, 0);
    const geom = b.endObject();
    b.startObject(3); // Feature
    b.addFieldOffset(0, geom, 0);
    if (propBytes.length) b.addFieldOffset(1, propsOff, 0);
    const feat = b.endObject();
    b.finish(feat, undefined, true);
    encoded.push(b.asUint8Array().slice());
  }

  // Header.
  b.clear();
  const colOffs = names.map((k, i) => {
    const n = b.createString(k);
    b.startObject(11); // Column
    b.addFieldOffset(0, n, 0);
    b.addFieldInt8(1, COLUMN_TYPE[types[i]], 0);
    return b.endObject();
  });
  b.startVector(4, colOffs.length, 4);
  for (let i = colOffs.length - 1; i >= 0; i--) b.addOffset(colOffs[i]);
  const columns = b.endVector();
  const nameOff = b.createString(name);
  const envelope = features.length ? createDoubleVector(b, [minX, minY, maxX, maxY]) : 0;
  const org = b.createString('EPSG');
  b.startObject(6); // Crs
  b.addFieldOffset(0, org, 0);
  b.addFieldInt32(1, 4326, 0);
  const crs = b.endObject();
  b.startObject(14); // Header
  b.addFieldOffset(0, nameOff, 0);
  if (envelope) b.addFieldOffset(1, envelope, 0);
  b.addFieldInt8(2, GEOMETRY_TYPE[geometryType], 0);
  b.addFieldOffset(7, columns, 0);
  b.addFieldInt64(8, BigInt(features.length), BigInt(0));
  b.addFieldInt16(9, 0, 16); // no spatial index
  b.addFieldOffset(10, crs, 0);
  const header = b.endObject();
  b.finish(header, undefined, true);
  const headerBytes = b.asUint8Array();

  let total = MAGIC.length + headerBytes.length;
  for (const e of encoded) total += e.length;
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  out.set(headerBytes, MAGIC.length);
  let at = MAGIC.length + headerBytes.length;
  for (const e of encoded) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

function createDoubleVector(b: Builder, values: readonly number[]): number {
  b.startVector(8, values.length, 8);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat64(values[i]);
  return b.endVector();
}

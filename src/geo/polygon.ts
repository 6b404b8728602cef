/**
 * Polygons in the local metric plane.
 *
 * A ring is a flat `Float64Array` `[x0, y0, x1, y1, …]` whose first point is
 * not repeated at the end. A polygon has one outer ring and any number of
 * holes; a multipolygon is an array of polygons. Orientation is normalised by
 * {@link normalisePolygon}: outer rings counter-clockwise, holes clockwise, so
 * that the interior always lies to the left of every edge.
 */
import { InvalidInputError } from '../core/index.js';

export type Ring = Float64Array;

export interface PolygonM {
  outer: Ring;
  holes: Ring[];
}

export type MultiPolygonM = PolygonM[];

/** Signed area of a ring (positive when counter-clockwise), shoelace formula. */
export function ringSignedArea(ring: Ring): number {
  const n = ring.length >> 1;
  if (n < 3) return 0;
  // Shift to the first vertex to keep the products small (precision).
  const ox = ring[0];
  const oy = ring[1];
  let s = 0;
  let px = ring[2 * (n - 1)] - ox;
  let py = ring[2 * (n - 1) + 1] - oy;
  for (let i = 0; i < n; i++) {
    const qx = ring[2 * i] - ox;
    const qy = ring[2 * i + 1] - oy;
    s += px * qy - qx * py;
    px = qx;
    py = qy;
  }
  return s / 2;
}

/** Area of a polygon (outer minus holes), m². */
export function polygonArea(polygon: PolygonM): number {
  let a = Math.abs(ringSignedArea(polygon.outer));
  for (const h of polygon.holes) a -= Math.abs(ringSignedArea(h));
  return a;
}

/** Area of a multipolygon, m². */
export function multiPolygonArea(mp: MultiPolygonM): number {
  let a = 0;
  for (const p of mp) a += polygonArea(p);
  return a;
}

function reversedRing(ring: Ring): Ring {
  const n = ring.length >> 1;
  const out = new Float64Array(ring.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = ring[2 * (n - 1 - i)];
    out[2 * i + 1] = ring[2 * (n - 1 - i) + 1];
  }
  return out;
}

/** Returns the polygon with its outer ring counter-clockwise and holes clockwise. */
export function normalisePolygon(p: PolygonM): PolygonM {
  return {
    outer: ringSignedArea(p.outer) < 0 ? reversedRing(p.outer) : p.outer,
    holes: p.holes.map((h) => (ringSignedArea(h) > 0 ? reversedRing(h) : h)),
  };
}

/** Even–odd point-in-ring test (ray casting). */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  const n = ring.length >> 1;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i];
    const yi = ring[2 * i + 1];
    const xj = ring[2 * j];
    const yj = ring[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when (x, y) lies inside the polygon (inside the outer ring and in no hole). */
export function pointInPolygon(x: number, y: number, p: PolygonM): boolean {
  if (!pointInRing(x, y, p.outer)) return false;
  for (const h of p.holes) if (pointInRing(x, y, h)) return false;
  return true;
}

/** True when (x, y) lies inside any polygon of the multipolygon. */
export function pointInMultiPolygon(x: number, y: number, mp: MultiPolygonM): boolean {
  for (const p of mp) if (pointInPolygon(x, y, p)) return true;
  return false;
}

/** Bounding box `[minX, minY, maxX, maxY]` of a multipolygon. */
export function multiPolygonBounds(mp: MultiPolygonM): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of mp) {
    const r = p.outer;
    for (let i = 0; i < r.length; i += 2) {
      if (r[i] < minX) minX = r[i];
      if (r[i] > maxX) maxX = r[i];
      if (r[i + 1] < minY) minY = r[i + 1];
      if (r[i + 1] > maxY) maxY = r[i + 1];
    }
  }
  return [minX, minY, maxX, maxY];
}

/** A rectangle as a (counter-clockwise) polygon. */
export function boundsToPolygon(b: readonly [number, number, number, number]): PolygonM {
  return { outer: Float64Array.of(b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3]), holes: [] };
}

/**
 * Converts GeoJSON-style coordinates in metres (`[[x, y], …]` rings, the
 * closing point optional) of a Polygon (`number[][][]`) or MultiPolygon
 * (`number[][][][]`) into a normalised {@link MultiPolygonM}.
 *
 * @throws {InvalidInputError} on a ring with fewer than 3 distinct points or a non-finite coordinate
 */
export function multiPolygonFromCoordinates(coords: unknown, origin: string, field: string): MultiPolygonM {
  if (!Array.isArray(coords) || coords.length === 0) throw new InvalidInputError(origin, field, 'must be a non-empty array of rings or polygons', coords);
  const depth = arrayDepth(coords);
  const polys: unknown[] = depth === 3 ? [coords] : depth === 4 ? coords : [];
  if (polys.length === 0) throw new InvalidInputError(origin, field, 'must be Polygon (number[][][]) or MultiPolygon (number[][][][]) coordinates', coords);
  const out: MultiPolygonM = [];
  polys.forEach((poly, pi) => {
    const pf = depth === 4 ? `${field}[${pi}]` : field;
    if (!Array.isArray(poly) || poly.length === 0) throw new InvalidInputError(origin, pf, 'must be a non-empty array of rings', poly);
    const rings = poly.map((ring, ri) => ringFromCoordinates(ring, origin, `${pf}[${ri}]`));
    out.push(normalisePolygon({ outer: rings[0], holes: rings.slice(1) }));
  });
  return out;
}

/** Converts `[[x, y], …]` to a {@link Ring}, dropping a repeated closing point. */
export function ringFromCoordinates(ring: unknown, origin: string, field: string): Ring {
  if (!Array.isArray(ring)) throw new InvalidInputError(origin, field, 'must be an array of [x, y] positions', ring);
  let n = ring.length;
  const first = ring[0];
  const last = ring[n - 1];
  if (n > 1 && Array.isArray(first) && Array.isArray(last) && first[0] === last[0] && first[1] === last[1]) n--;
  if (n < 3) throw new InvalidInputError(origin, field, 'must have at least 3 distinct positions', ring);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new InvalidInputError(origin, `${field}[${i}]`, 'must be a position [x, y] of finite numbers', p);
    }
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  }
  return out;
}

/** Back to GeoJSON-style coordinates (closed rings), e.g. for export after unprojecting. */
export function multiPolygonToCoordinates(mp: MultiPolygonM): number[][][][] {
  return mp.map((p) => [p.outer, ...p.holes].map((r) => {
    const pts: number[][] = [];
    for (let i = 0; i < r.length; i += 2) pts.push([r[i], r[i + 1]]);
    pts.push([r[0], r[1]]);
    return pts;
  }));
}

function arrayDepth(a: unknown): number {
  let d = 0;
  let cur: unknown = a;
  while (Array.isArray(cur)) {
    d++;
    cur = cur[0];
  }
  return d;
}

/**
 * Validity of polygons used as areas (study areas, city boundaries,
 * districts): the exact computations add and subtract ring areas, so a ring
 * that crosses itself, parts that overlap or a hole outside its polygon
 * would silently give wrong numbers. They are rejected here, once, at the
 * boundary.
 *
 * Allowed: rings that touch at single points (shared vertices), parts that
 * abut along an edge (their interiors lie on opposite sides of it, as
 * districts do), parts nested inside another part's hole (an island in a
 * lake).
 */
import Flatbush from 'flatbush';
import { InvalidInputError } from '../core/index.js';
import { normalisePolygon, ringSignedArea, type MultiPolygonM } from './polygon.js';

/**
 * Throws unless the multipolygon is valid: every ring has a non-zero area, no
 * two edges cross or overlap along a length, holes lie inside their outer
 * ring and outside each other, and parts do not overlap.
 *
 * @param mp - the multipolygon (metres)
 * @param origin - function name for error messages
 * @param field - field name for error messages
 * @throws {InvalidInputError} naming the ring or edges at fault
 * @example
 * validateMultiPolygon([boundsToPolygon([0, 0, 1, 1])], 'f', 'area') // ok
 *
 * Complexity: O(E log E) for E edges (a flatbush over the edges).
 */
export function validateMultiPolygon(input: MultiPolygonM, origin: string, field: string): void {
  // Orient every ring with the interior on its left, so the direction of an edge says which side is inside.
  const mp = input.map(normalisePolygon);
  // Flatten edges with their ring ids.
  const rings: { ring: Float64Array; name: string; part: number }[] = [];
  mp.forEach((p, pi) => {
    const base = mp.length > 1 ? `${field}[${pi}]` : field;
    rings.push({ ring: p.outer, name: `${base} outer ring`, part: pi });
    p.holes.forEach((h, hi) => rings.push({ ring: h, name: `${base} hole ${hi}`, part: pi }));
  });
  let numEdges = 0;
  for (const r of rings) {
    const area = ringSignedArea(r.ring);
    if (!(Math.abs(area) > 0)) throw new InvalidInputError(origin, field, `must not contain a ring of zero area (${r.name})`, area);
    numEdges += r.ring.length >> 1;
  }
  const ex0 = new Float64Array(numEdges);
  const ey0 = new Float64Array(numEdges);
  const ex1 = new Float64Array(numEdges);
  const ey1 = new Float64Array(numEdges);
  const ringOf = new Uint32Array(numEdges);
  const indexInRing = new Uint32Array(numEdges);
  const ringSize = new Uint32Array(rings.length);
  const index = new Flatbush(Math.max(1, numEdges));
  let e = 0;
  rings.forEach((r, ri) => {
    const ring = r.ring;
    const m = ring.length >> 1;
    ringSize[ri] = m;
    for (let k = 0; k < m; k++) {
      const k1 = k + 1 === m ? 0 : k + 1;
      ex0[e] = ring[2 * k];
      ey0[e] = ring[2 * k + 1];
      ex1[e] = ring[2 * k1];
      ey1[e] = ring[2 * k1 + 1];
      ringOf[e] = ri;
      indexInRing[e] = k;
      index.add(Math.min(ex0[e], ex1[e]), Math.min(ey0[e], ey1[e]), Math.max(ex0[e], ex1[e]), Math.max(ey0[e], ey1[e]));
      e++;
    }
  });
  if (numEdges === 0) index.add(0, 0, 0, 0);
  index.finish();
  // Edges that run along another edge in the opposite direction (abutting parts, zero-width bridges left by clipping).
  const bridged = new Uint8Array(numEdges);
  for (let a = 0; a < numEdges; a++) {
    const hits = index.search(Math.min(ex0[a], ex1[a]), Math.min(ey0[a], ey1[a]), Math.max(ex0[a], ex1[a]), Math.max(ey0[a], ey1[a]));
    for (const b of hits) {
      if (b <= a) continue;
      const sameRing = ringOf[a] === ringOf[b];
      const adjacent = sameRing && (indexInRing[b] === indexInRing[a] + 1 || (indexInRing[a] === 0 && indexInRing[b] === ringSize[ringOf[a]] - 1));
      if (adjacent) continue;
      const kind = edgeRelation(ex0[a], ey0[a], ex1[a], ey1[a], ex0[b], ey0[b], ex1[b], ey1[b]);
      if (kind === 3) {
        bridged[a] = 1;
        bridged[b] = 1;
        continue;
      }
      if (kind !== 0) {
        const what = kind === 1 ? 'cross' : 'overlap along a length';
        const at = [ex0[a], ey0[a]];
        throw new InvalidInputError(origin, field, `must be a valid polygon: edges of ${rings[ringOf[a]].name} and ${rings[ringOf[b]].name} ${what} (near ${at.map((v) => +v.toFixed(3)).join(', ')})`, `${rings[ringOf[a]].name} edge ${indexInRing[a]}`);
      }
    }
  }
  // The areas are sums of signed ring areas and containment is even-odd, so
  // both agree exactly when the winding number is 0 or 1 everywhere. With
  // edges oriented interior-left, that holds when just left of every edge the
  // winding number is 1: overlapping parts give 2 there, a hole outside its
  // polygon or a reversed lobe give 0. (Zero-width bridges and abutting parts
  // pass: the left of each of their edges is inside exactly once.)
  let total = 0;
  for (const p of mp) {
    total += ringSignedArea(p.outer);
    for (const h of p.holes) total += ringSignedArea(h);
  }
  if (!(total > 0)) throw new InvalidInputError(origin, field, 'must be a valid polygon: its rings cancel out (no area is left)', total);
  for (let a = 0; a < numEdges; a++) {
    if (bridged[a] === 1) continue; // the probe beside a doubled edge says nothing about validity
    const dx = ex1[a] - ex0[a];
    const dy = ey1[a] - ey0[a];
    const len = Math.hypot(dx, dy);
    if (!(len > 0)) continue;
    const scale = Math.max(Math.abs(ex0[a]), Math.abs(ey0[a]), len, 1);
    const eps = Math.min(1e-9 * scale, 0.01 * len);
    const px = (ex0[a] + ex1[a]) / 2 - (dy / len) * eps;
    const py = (ey0[a] + ey1[a]) / 2 + (dx / len) * eps;
    const w = windingNumber(px, py, index, ex0, ey0, ex1, ey1);
    if (w !== 1) {
      const what = w > 1 ? 'parts or rings overlap' : 'a hole or a lobe lies outside its polygon, or rings cancel';
      throw new InvalidInputError(origin, field, `must be a valid polygon: ${what} next to ${rings[ringOf[a]].name} edge ${indexInRing[a]} (near ${+ex0[a].toFixed(3)}, ${+ey0[a].toFixed(3)}; winding number ${w})`, `${rings[ringOf[a]].name} edge ${indexInRing[a]}`);
    }
  }
}

/** Winding number of the oriented edges around (x, y): a ray cast to +x, upward crossings +1, downward −1. */
function windingNumber(x: number, y: number, index: Flatbush, ex0: Float64Array, ey0: Float64Array, ex1: Float64Array, ey1: Float64Array): number {
  let w = 0;
  const hits = index.search(x, y, Infinity, y);
  for (const e of hits) {
    const ay = ey0[e];
    const by = ey1[e];
    if (ay <= y && by > y) {
      if (orient(ex0[e], ay, ex1[e], by, x, y) > 0) w++;
    } else if (ay > y && by <= y) {
      if (orient(ex0[e], ay, ex1[e], by, x, y) < 0) w--;
    }
  }
  return w;
}

/**
 * 0 when the segments do not cross (touching at an end point is allowed);
 * 1 when they cross properly; 2 when they overlap along a length in the same
 * direction; 3 when they run along each other in opposite directions (allowed).
 */
function edgeRelation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (d1 === 0 && d2 === 0) {
    // Collinear: overlap of positive length?
    const ux = bx - ax;
    const uy = by - ay;
    const l2 = ux * ux + uy * uy;
    const t0 = ((cx - ax) * ux + (cy - ay) * uy) / l2;
    const t1 = ((dx - ax) * ux + (dy - ay) * uy) / l2;
    const lo = Math.max(0, Math.min(t0, t1));
    const hi = Math.min(1, Math.max(t0, t1));
    if (!(hi - lo > 1e-12)) return 0;
    // Opposite directions: abutting parts or a zero-width bridge, which is fine (3).
    return ux * (dx - cx) + uy * (dy - cy) < 0 ? 3 : 2;
  }
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 1;
  // An end point lying on another edge (a T-junction) is allowed: clipping
  // produces such zero-width bridges, and neither the area sums nor the
  // even-odd containment are affected by them.
  return 0;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

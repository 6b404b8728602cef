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
import { InvalidInputError } from '../core/errors.js';
import { normalizePolygon, pointInPolygon, pointInRing, ringSignedArea, type MultiPolygonM } from './polygon.js';

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
  const mp = input.map(normalizePolygon);
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
  for (let a = 0; a < numEdges; a++) {
    const hits = index.search(Math.min(ex0[a], ex1[a]), Math.min(ey0[a], ey1[a]), Math.max(ex0[a], ex1[a]), Math.max(ey0[a], ey1[a]));
    for (const b of hits) {
      if (b <= a) continue;
      const sameRing = ringOf[a] === ringOf[b];
      const adjacent = sameRing && (indexInRing[b] === indexInRing[a] + 1 || (indexInRing[a] === 0 && indexInRing[b] === ringSize[ringOf[a]] - 1));
      if (adjacent) continue;
      const kind = edgeRelation(ex0[a], ey0[a], ex1[a], ey1[a], ex0[b], ey0[b], ex1[b], ey1[b]);
      if (kind !== 0) {
        const what = kind === 1 ? 'cross' : 'overlap along a length';
        const at = [ex0[a], ey0[a]];
        throw new InvalidInputError(origin, field, `must be a valid polygon: edges of ${rings[ringOf[a]].name} and ${rings[ringOf[b]].name} ${what} (near ${at.map((v) => +v.toFixed(3)).join(', ')})`, `${rings[ringOf[a]].name} edge ${indexInRing[a]}`);
      }
    }
  }
  // With no crossings, one interior point of each ring's first edge decides containment.
  const probe = (ring: Float64Array): [number, number] => {
    // Midpoint of the first edge, nudged off the edge towards the ring's interior is not needed: rings
    // do not cross, so any point of the ring not shared with another ring decides. Use the first edge's midpoint.
    return [(ring[0] + ring[2]) / 2, (ring[1] + ring[3]) / 2];
  };
  mp.forEach((p, pi) => {
    p.holes.forEach((h, hi) => {
      const [x, y] = probe(h);
      if (!pointInRing(x, y, p.outer)) throw new InvalidInputError(origin, field, `must be a valid polygon: hole ${hi} of part ${pi} lies outside its outer ring`, `hole ${hi}`);
      p.holes.forEach((g, gi) => {
        if (gi !== hi && pointInRing(x, y, g)) throw new InvalidInputError(origin, field, `must be a valid polygon: hole ${hi} of part ${pi} lies inside hole ${gi}`, `hole ${hi}`);
      });
    });
    const [x, y] = probe(p.outer);
    mp.forEach((q, qi) => {
      if (qi !== pi && pointInPolygon(x, y, q)) throw new InvalidInputError(origin, field, `must be a valid multipolygon: part ${pi} overlaps part ${qi}`, `part ${pi}`);
    });
  });
}

/**
 * 0 when the segments do not cross (touching at an end point, or running
 * along each other in opposite directions, is allowed); 1 when they cross
 * properly; 2 when they overlap along a length in the same direction.
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
    // Opposite directions: the interiors lie on opposite sides (abutting parts), which is fine.
    return ux * (dx - cx) + uy * (dy - cy) < 0 ? 0 : 2;
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

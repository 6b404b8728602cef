/**
 * Small exact helpers on straight segments in the local metric plane:
 * orientation, segment–segment and segment–circle intersection, point–segment
 * distance, and turning polygon rings into a flat list of segments.
 *
 * These are maths primitives meant for hot loops: they take plain numbers,
 * allocate nothing (results go into a caller-provided `Float64Array`) and do
 * **not** validate their arguments (inputs must be finite; the public functions
 * that call them validate once at their boundary).
 *
 * A segment with endpoints A, B is parametrised as `X(t) = A + t·(B − A)`,
 * `t ∈ [0, 1]`.
 */
import { InvalidInputError } from '../core/index.js';

/**
 * Orientation of the triangle (a, b, c): twice its signed area, i.e. the cross
 * product `(b − a) × (c − a)`.
 *
 * @param ax - x of a (m)
 * @param ay - y of a (m)
 * @param bx - x of b (m)
 * @param by - y of b (m)
 * @param cx - x of c (m)
 * @param cy - y of c (m)
 * @returns > 0 when a, b, c turn counter-clockwise, < 0 clockwise, 0 when collinear
 * @example
 * orient2d(0, 0, 1, 0, 0, 1) // 1 (counter-clockwise)
 */
export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * Intersection of segments AB and CD as parameters: `out[0] = t` on AB and
 * `out[1] = u` on CD, with `A + t(B − A) = C + u(D − C)`. Touching at an
 * endpoint counts. Parallel segments (including collinear overlapping ones,
 * which have no single intersection point) return `false`.
 *
 * @param ax - x of A
 * @param ay - y of A
 * @param bx - x of B
 * @param by - y of B
 * @param cx - x of C
 * @param cy - y of C
 * @param dx - x of D
 * @param dy - y of D
 * @param out - receives `[t, u]` when the segments meet (length ≥ 2)
 * @returns true when the segments meet in exactly one point
 * @example
 * const out = new Float64Array(2);
 * segmentIntersectionParams(0, 0, 2, 0, 1, -1, 1, 1, out) // true, out = [0.5, 0.5]
 */
export function segmentIntersectionParams(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
  out: Float64Array,
): boolean {
  const rx = bx - ax;
  const ry = by - ay;
  const sx = dx - cx;
  const sy = dy - cy;
  const den = rx * sy - ry * sx;
  if (den === 0) return false;
  const qx = cx - ax;
  const qy = cy - ay;
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return false;
  out[0] = t;
  out[1] = u;
  return true;
}

/**
 * Parameters of the points where the infinite line through A and B meets the
 * circle of centre C and radius r: roots of `|A + t(B − A) − C|² = r²`, solved
 * with the numerically stable form of the quadratic formula.
 *
 * @param ax - x of A
 * @param ay - y of A
 * @param bx - x of B
 * @param by - y of B
 * @param cx - x of the centre
 * @param cy - y of the centre
 * @param r - radius (≥ 0)
 * @param out - receives the roots in increasing order (length ≥ 2)
 * @returns the number of roots written: 0 (line misses the circle or A = B), 1 (tangent; out[0] = out[1]) or 2
 * @example
 * const out = new Float64Array(2);
 * lineCircleParams(-2, 0, 2, 0, 0, 0, 1, out) // 2, out = [0.25, 0.75]
 */
export function lineCircleParams(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, r: number,
  out: Float64Array,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const fx = ax - cx;
  const fy = ay - cy;
  const a = dx * dx + dy * dy;
  if (a === 0) return 0;
  const b = fx * dx + fy * dy; // half of the linear coefficient
  const c = fx * fx + fy * fy - r * r;
  const disc = b * b - a * c;
  if (!(disc >= 0)) return 0; // also NaN (overflowing inputs): no roots
  if (disc === 0) {
    out[0] = out[1] = -b / a;
    return 1;
  }
  const sq = Math.sqrt(disc);
  const q = b >= 0 ? -(b + sq) : -(b - sq);
  // q ≠ 0 here because disc > 0.
  let t0 = q / a;
  let t1 = c / q;
  if (t0 > t1) {
    const tmp = t0;
    t0 = t1;
    t1 = tmp;
  }
  out[0] = t0;
  out[1] = t1;
  return 2;
}

/**
 * The parameter interval `[t0, t1] ⊆ [0, 1]` of segment AB that lies inside the
 * closed disc of centre C and radius r.
 *
 * @param ax - x of A
 * @param ay - y of A
 * @param bx - x of B
 * @param by - y of B
 * @param cx - x of the centre
 * @param cy - y of the centre
 * @param r - radius (≥ 0)
 * @param out - receives `[t0, t1]` (length ≥ 2)
 * @returns true when the segment meets the disc in a piece of positive length
 * @example
 * const out = new Float64Array(2);
 * segmentDiscInterval(0, 0, 4, 0, 0, 0, 1, out) // true, out = [0, 0.25]
 * @remarks O(1), allocation-free. The one segment–disc intersection of the
 * geo layer (sectors and visibility clip with it); they pass coordinates
 * relative to the centre and a centre of (0, 0), which is exactly their
 * former arithmetic.
 */
export function segmentDiscInterval(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, r: number,
  out: Float64Array,
): boolean {
  if (lineCircleParams(ax, ay, bx, by, cx, cy, r, out) < 2) return false;
  // +0 (not −0) when the start is clipped or exactly on the circle.
  const t0 = out[0] > 0 ? out[0] : 0;
  const t1 = out[1] < 1 ? out[1] : 1;
  if (!(t1 > t0)) return false;
  out[0] = t0;
  out[1] = t1;
  return true;
}

/**
 * Squared distance from point P to segment AB.
 *
 * @param px - x of P
 * @param py - y of P
 * @param ax - x of A
 * @param ay - y of A
 * @param bx - x of B
 * @param by - y of B
 * @returns the squared Euclidean distance (m²)
 * @example
 * pointSegmentDistanceSq(0, 1, -1, 0, 1, 0) // 1
 */
export function pointSegmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const wx = px - ax;
  const wy = py - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? (wx * dx + wy * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = wx - t * dx;
  const ey = wy - t * dy;
  return ex * ex + ey * ey;
}

/**
 * Distance from point P to segment AB.
 *
 * @param px - x of P
 * @param py - y of P
 * @param ax - x of A
 * @param ay - y of A
 * @param bx - x of B
 * @param by - y of B
 * @returns the Euclidean distance (m)
 * @example
 * pointSegmentDistance(3, 4, 0, 0, 0, 0) // 5 (a degenerate segment is a point)
 */
export function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  return Math.sqrt(pointSegmentDistanceSq(px, py, ax, ay, bx, by));
}

/**
 * Distance from point P to the infinite line through A and B
 * (the distance to A when A = B).
 *
 * @param px - x of P
 * @param py - y of P
 * @param ax - x of A
 * @param ay - y of A
 * @param bx - x of B
 * @param by - y of B
 * @returns the Euclidean distance (m)
 * @example
 * pointLineDistance(5, 2, 0, 0, 1, 0) // 2
 */
export function pointLineDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.sqrt(dx * dx + dy * dy);
  if (len === 0) return Math.sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
  return Math.abs(dx * (py - ay) - dy * (px - ax)) / len;
}

/**
 * Turns rings stored flat (the layout of the city's `BuildingSet`: ring `b`
 * occupies points `ringStart[b]` … `ringStart[b + 1] − 1` of `coords`, not
 * closed) into a flat segment list `[x0, y0, x1, y1, …]`, one segment per ring
 * edge including the closing edge. Zero-length edges are dropped.
 *
 * @param ringStart - point offsets, length (number of rings + 1), non-decreasing
 * @param coords - `[x0, y0, x1, y1, …]` point coordinates
 * @returns a new `Float64Array` of 4 numbers per segment
 * @throws {InvalidInputError} if offsets are decreasing or out of range, a ring has fewer than 2 points, or a coordinate is not finite
 * @example
 * ringsToSegments(Uint32Array.of(0, 3), Float64Array.of(0, 0, 1, 0, 0, 1)).length // 12 (3 edges)
 * @remarks O(n) in the number of points.
 */
export function ringsToSegments(ringStart: ArrayLike<number>, coords: ArrayLike<number>): Float64Array {
  const origin = 'ringsToSegments';
  const numRings = ringStart.length - 1;
  if (numRings < 0) throw new InvalidInputError(origin, 'ringStart', 'must have length ≥ 1', ringStart);
  const numPoints = coords.length >> 1;
  if (coords.length % 2 !== 0) throw new InvalidInputError(origin, 'coords.length', 'must be even', coords.length);
  for (let i = 0; i < coords.length; i++) {
    if (!Number.isFinite(coords[i])) throw new InvalidInputError(origin, `coords[${i}]`, 'must be a finite number', coords[i]);
  }
  let total = 0;
  for (let b = 0; b < numRings; b++) {
    const s = ringStart[b];
    const e = ringStart[b + 1];
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= numPoints && e - s >= 2)) {
      throw new InvalidInputError(origin, `ringStart[${b}..${b + 1}]`, `must be integer offsets with 2 or more points within the ${numPoints} points`, [s, e]);
    }
    total += e - s;
  }
  const out = new Float64Array(4 * total);
  let k = 0;
  for (let b = 0; b < numRings; b++) {
    const s = ringStart[b];
    const e = ringStart[b + 1];
    for (let i = s; i < e; i++) {
      const j = i + 1 < e ? i + 1 : s;
      const x0 = coords[2 * i];
      const y0 = coords[2 * i + 1];
      const x1 = coords[2 * j];
      const y1 = coords[2 * j + 1];
      if (x0 === x1 && y0 === y1) continue;
      // A 2-point "ring" would give the same edge twice; keep it once.
      if (e - s === 2 && i === e - 1) continue;
      out[k++] = x0;
      out[k++] = y0;
      out[k++] = x1;
      out[k++] = y1;
    }
  }
  return k === out.length ? out : out.slice(0, k);
}

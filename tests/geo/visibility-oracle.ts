/**
 * Brute-force oracles for visibility tests: ray casting against every
 * segment, a segment-crossing point test and shadow polygons for a
 * polygon-clipping area oracle. Deliberately simple and independent of the
 * sweep in src/geo/visibility.ts (they share only the robustness rule:
 * segments whose line passes within 1e-6 m of the apex are ignored).
 */
import polygonClipping from 'polygon-clipping';
import type { Pair, Polygon } from 'polygon-clipping';
import { createRng } from '../../src/core/random.js';

export const IGNORE = 1e-6;

/** Whether segment i is ignored for apex P (its line passes within 1e-6 m of P). */
export function ignored(coords: Float64Array, i: number, px: number, py: number): boolean {
  const ax = coords[4 * i], ay = coords[4 * i + 1], bx = coords[4 * i + 2], by = coords[4 * i + 3];
  const len = Math.hypot(bx - ax, by - ay);
  if (len === 0) return true;
  return Math.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / len <= IGNORE;
}

/** Distance along the ray from P at angle theta to the first non-ignored segment, capped at r. */
export function bruteRayDistance(coords: Float64Array, px: number, py: number, r: number, theta: number): number {
  const ux = Math.cos(theta), uy = Math.sin(theta);
  let best = r;
  const n = coords.length / 4;
  for (let i = 0; i < n; i++) {
    if (ignored(coords, i, px, py)) continue;
    const ax = coords[4 * i] - px, ay = coords[4 * i + 1] - py;
    const dx = coords[4 * i + 2] - coords[4 * i], dy = coords[4 * i + 3] - coords[4 * i + 1];
    // Solve t·u = A + s·d.
    const den = ux * dy - uy * dx;
    if (den === 0) continue;
    const t = (ax * dy - ay * dx) / den;
    const s = (ax * uy - ay * ux) / den;
    if (t >= 0 && s >= 0 && s <= 1 && t < best) best = t;
  }
  return best;
}

/** Whether angle theta lies in [a0, a0 + span] (mod 2π). */
export function inRange(theta: number, a0: number, span: number): boolean {
  let d = (theta - a0) % (2 * Math.PI);
  if (d < 0) d += 2 * Math.PI;
  return d <= span;
}

/**
 * Point oracle: X is visible when it is in the angular range and no closer
 * to P than the first occluder along the ray through X (brute-force ray
 * cast). Returns null when X is within `eps` of the range boundary or of
 * that first hit (undecidable in floating point).
 */
export function brutePointVisible(coords: Float64Array, px: number, py: number, r: number, a0: number, span: number, x: number, y: number, eps = 1e-7): boolean | null {
  const d = Math.hypot(x - px, y - py);
  if (d === 0) return true;
  const th = Math.atan2(y - py, x - px);
  if (span < 2 * Math.PI) {
    let off = (th - a0) % (2 * Math.PI);
    if (off < 0) off += 2 * Math.PI;
    if (Math.min(off, Math.abs(off - span), 2 * Math.PI - off) * d < eps) return null;
    if (off > span) return false;
  }
  const hit = bruteRayDistance(coords, px, py, r, th);
  if (Math.abs(d - hit) < eps) return null;
  return d < hit;
}

/** Sector polygon (maths radians) with `perCircle` chords per 2π. */
export function sectorPolygon(px: number, py: number, r: number, a0: number, span: number, perCircle = 4096): Pair[] {
  const ring: Pair[] = [];
  const full = span >= 2 * Math.PI;
  const n = Math.max(1, Math.ceil((perCircle * span) / (2 * Math.PI)));
  if (!full) ring.push([px, py]);
  for (let i = 0; i < (full ? n : n + 1); i++) {
    const a = a0 + (span * i) / n;
    ring.push([px + r * Math.cos(a), py + r * Math.sin(a)]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Shadow of segment i seen from P, out to 4r (a polygon: the segment, then a far chain). */
export function shadowPolygon(coords: Float64Array, i: number, px: number, py: number, r: number): Polygon {
  const ax = coords[4 * i], ay = coords[4 * i + 1], bx = coords[4 * i + 2], by = coords[4 * i + 3];
  const pa = Math.atan2(ay - py, ax - px);
  const pb = Math.atan2(by - py, bx - px);
  let w = pb - pa;
  while (w > Math.PI) w -= 2 * Math.PI;
  while (w < -Math.PI) w += 2 * Math.PI;
  const far = Math.max(4 * r, 4 * Math.hypot(ax - px, ay - py), 4 * Math.hypot(bx - px, by - py));
  const k = Math.max(2, Math.ceil(Math.abs(w) / 0.1));
  const ring: Pair[] = [[ax, ay], [bx, by]];
  for (let j = 0; j <= k; j++) {
    const a = pb - (w * j) / k;
    ring.push([px + far * Math.cos(a), py + far * Math.sin(a)]);
  }
  ring.push([ax, ay]);
  return [ring];
}

/** Area of a polygon-clipping multipolygon. */
export function multiArea(mp: Pair[][][]): number {
  let total = 0;
  for (const poly of mp) {
    poly.forEach((ring, k) => {
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      total += (k === 0 ? 1 : -1) * Math.abs(s / 2);
    });
  }
  return total;
}

/** Oracle area: the sector polygon minus the shadows of every non-ignored segment. */
export function oracleVisibleArea(coords: Float64Array, px: number, py: number, r: number, a0: number, span: number): number {
  const shadows: Polygon[] = [];
  const n = coords.length / 4;
  for (let i = 0; i < n; i++) {
    if (ignored(coords, i, px, py)) continue;
    const ax = coords[4 * i], ay = coords[4 * i + 1], bx = coords[4 * i + 2], by = coords[4 * i + 3];
    // Skip segments far beyond the range (keeps the clipping small); exact test: distance to segment > r.
    const dx = bx - ax, dy = by - ay;
    let t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    t = Math.max(0, Math.min(1, t));
    if (Math.hypot(ax + t * dx - px, ay + t * dy - py) > r) continue;
    shadows.push(shadowPolygon(coords, i, px, py, r));
  }
  const sector: Polygon = [sectorPolygon(px, py, r, a0, span)];
  if (shadows.length === 0) return multiArea([sector]);
  return multiArea(polygonClipping.difference(sector, ...shadows));
}

/** Random segments: centres in [-s, s]², lengths in [lmin, lmax]. */
export function randomSegments(seed: string, n: number, s: number, lmin: number, lmax: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(4 * n);
  for (let i = 0; i < n; i++) {
    const cx = rng.uniform(-s, s), cy = rng.uniform(-s, s), l = rng.uniform(lmin, lmax), a = rng.uniform(0, Math.PI);
    out[4 * i] = cx - (l / 2) * Math.cos(a);
    out[4 * i + 1] = cy - (l / 2) * Math.sin(a);
    out[4 * i + 2] = cx + (l / 2) * Math.cos(a);
    out[4 * i + 3] = cy + (l / 2) * Math.sin(a);
  }
  return out;
}

/** Edges of random rotated rectangles ("buildings"): 4 segments each, sharing corners. */
export function randomBuildings(seed: string, n: number, s: number): Float64Array {
  const rng = createRng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const cx = rng.uniform(-s, s), cy = rng.uniform(-s, s), w = rng.uniform(4, 25), h = rng.uniform(4, 25), a = rng.uniform(0, Math.PI);
    const c = Math.cos(a), sn = Math.sin(a);
    const pts = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([x, y]) => [cx + x * c - y * sn, cy + x * sn + y * c]);
    for (let k = 0; k < 4; k++) out.push(pts[k][0], pts[k][1], pts[(k + 1) % 4][0], pts[(k + 1) % 4][1]);
  }
  return Float64Array.from(out);
}

/**
 * An axis-aligned grid of square blocks (side `block`, streets `street` wide),
 * each block's edges as 4 segments; block corners at exact multiples.
 */
export function gridBlocks(nx: number, ny: number, block: number, street: number): Float64Array {
  const out: number[] = [];
  const pitch = block + street;
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const x0 = i * pitch, y0 = j * pitch, x1 = x0 + block, y1 = y0 + block;
      out.push(x0, y0, x1, y0, x1, y0, x1, y1, x1, y1, x0, y1, x0, y1, x0, y0);
    }
  }
  return Float64Array.from(out);
}

/** Index of the first non-ignored segment hit by the ray (−1 when none within r) and its distance. */
function bruteRayHit(coords: Float64Array, px: number, py: number, r: number, theta: number): [number, number] {
  const ux = Math.cos(theta), uy = Math.sin(theta);
  let best = r;
  let bi = -1;
  const n = coords.length / 4;
  for (let i = 0; i < n; i++) {
    if (ignored(coords, i, px, py)) continue;
    const ax = coords[4 * i] - px, ay = coords[4 * i + 1] - py;
    const dx = coords[4 * i + 2] - coords[4 * i], dy = coords[4 * i + 3] - coords[4 * i + 1];
    const den = ux * dy - uy * dx;
    if (den === 0) continue;
    const t = (ax * dy - ay * dx) / den;
    const s = (ax * uy - ay * ux) / den;
    if (t >= 0 && s >= 0 && s <= 1 && t < best) {
      best = t;
      bi = i;
    }
  }
  return [bi, best];
}

/** Distance along the ray at theta to the infinite line of segment i. */
function rayToLine(coords: Float64Array, i: number, px: number, py: number, theta: number): number {
  const ax = coords[4 * i] - px, ay = coords[4 * i + 1] - py;
  const dx = coords[4 * i + 2] - coords[4 * i], dy = coords[4 * i + 3] - coords[4 * i + 1];
  return (ax * dy - ay * dx) / (Math.cos(theta) * dy - Math.sin(theta) * dx);
}

/**
 * Exact visible area by brute force, without a sweep: every angle where the
 * nearest occluder can change (segment endpoints, segment–circle and
 * segment–segment intersections, the range ends) is collected; within each
 * elementary interval the nearest segment is found by casting one ray at its
 * middle, and the interval contributes r²Δθ/2 or the exact triangle.
 * O(n²) in the number of segments.
 */
export function bruteExactArea(coords: Float64Array, px: number, py: number, r: number, a0: number, span: number): number {
  const rel: number[] = [0, span];
  const add = (x: number, y: number): void => {
    if (x === 0 && y === 0) return;
    let d = (Math.atan2(y, x) - a0) % (2 * Math.PI);
    if (d < 0) d += 2 * Math.PI;
    if (d > 0 && d < span) rel.push(d);
  };
  const n = coords.length / 4;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (!ignored(coords, i, px, py)) keep.push(i);
  for (const i of keep) {
    const ax = coords[4 * i] - px, ay = coords[4 * i + 1] - py, bx = coords[4 * i + 2] - px, by = coords[4 * i + 3] - py;
    add(ax, ay);
    add(bx, by);
    // Segment–circle crossings.
    const dx = bx - ax, dy = by - ay;
    const a = dx * dx + dy * dy, b = ax * dx + ay * dy, c = ax * ax + ay * ay - r * r;
    const disc = b * b - a * c;
    if (disc > 0) {
      for (const t of [(-b - Math.sqrt(disc)) / a, (-b + Math.sqrt(disc)) / a]) if (t > 0 && t < 1) add(ax + t * dx, ay + t * dy);
    }
  }
  for (let p = 0; p < keep.length; p++) {
    for (let q = p + 1; q < keep.length; q++) {
      const i = keep[p], j = keep[q];
      const ax = coords[4 * i], ay = coords[4 * i + 1], rx = coords[4 * i + 2] - ax, ry = coords[4 * i + 3] - ay;
      const cx = coords[4 * j], cy = coords[4 * j + 1], sx = coords[4 * j + 2] - cx, sy = coords[4 * j + 3] - cy;
      const den = rx * sy - ry * sx;
      if (den === 0) continue;
      const t = ((cx - ax) * sy - (cy - ay) * sx) / den;
      const u = ((cx - ax) * ry - (cy - ay) * rx) / den;
      if (t >= 0 && t <= 1 && u >= 0 && u <= 1) add(ax + t * rx - px, ay + t * ry - py);
    }
  }
  rel.sort((x, y) => x - y);
  let area = 0;
  for (let k = 0; k + 1 < rel.length; k++) {
    const lo = rel[k], hi = rel[k + 1];
    if (!(hi - lo > 1e-13)) continue;
    const [i] = bruteRayHit(coords, px, py, r, a0 + (lo + hi) / 2);
    if (i < 0) area += (r * r * (hi - lo)) / 2;
    else area += (rayToLine(coords, i, px, py, a0 + lo) * rayToLine(coords, i, px, py, a0 + hi) * Math.sin(hi - lo)) / 2;
  }
  return area;
}

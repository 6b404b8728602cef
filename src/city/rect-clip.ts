/**
 * Clipping of polygons against axis-aligned rectangles (Sutherland–Hodgman).
 *
 * Used to cut a city boundary into rectangular districts and to measure how
 * much of a population cell lies inside the boundary. The rectangle is convex,
 * so Sutherland–Hodgman is exact for the area; when a concave ring is cut into
 * several pieces, the output ring joins them by zero-width "bridges" along the
 * rectangle's sides. Those bridges have no area and do not change even–odd
 * point-in-polygon results away from the rectangle's sides.
 */
import { type MultiPolygonM, type PolygonM, type Ring, ringSignedArea } from '../geo/index.js';

/**
 * Clips one ring against the rectangle `[minX, minY, maxX, maxY]`.
 *
 * @param ring - flat `[x0, y0, x1, y1, …]`, not closed, either orientation
 * @param minX - rectangle left side
 * @param minY - rectangle bottom side
 * @param maxX - rectangle right side
 * @param maxY - rectangle top side
 * @returns the clipped ring (same orientation), or `null` when nothing with positive area remains
 * @example
 * clipRingToRect(Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), 5, -1, 20, 20) // square 5..10 × 0..10
 * @remarks O(n) per side, O(n) total for a ring of n vertices.
 */
export function clipRingToRect(ring: Ring, minX: number, minY: number, maxX: number, maxY: number): Ring | null {
  let cur = ring;
  for (let side = 0; side < 4; side++) {
    const n = cur.length >> 1;
    if (n < 3) return null;
    const out: number[] = [];
    let px = cur[2 * (n - 1)];
    let py = cur[2 * (n - 1) + 1];
    let pIn = insideSide(side, px, py, minX, minY, maxX, maxY);
    for (let i = 0; i < n; i++) {
      const qx = cur[2 * i];
      const qy = cur[2 * i + 1];
      const qIn = insideSide(side, qx, qy, minX, minY, maxX, maxY);
      if (qIn) {
        if (!pIn) pushIntersection(out, side, px, py, qx, qy, minX, minY, maxX, maxY);
        out.push(qx, qy);
      } else if (pIn) {
        pushIntersection(out, side, px, py, qx, qy, minX, minY, maxX, maxY);
      }
      px = qx;
      py = qy;
      pIn = qIn;
    }
    cur = Float64Array.from(out);
  }
  if (cur.length < 6 || Math.abs(ringSignedArea(cur)) === 0) return null;
  return cur;
}

function insideSide(side: number, x: number, y: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  switch (side) {
    case 0: return x >= minX;
    case 1: return x <= maxX;
    case 2: return y >= minY;
    default: return y <= maxY;
  }
}

function pushIntersection(out: number[], side: number, px: number, py: number, qx: number, qy: number, minX: number, minY: number, maxX: number, maxY: number): void {
  if (side === 0 || side === 1) {
    const x = side === 0 ? minX : maxX;
    const t = (x - px) / (qx - px);
    out.push(x, py + t * (qy - py));
  } else {
    const y = side === 2 ? minY : maxY;
    const t = (y - py) / (qy - py);
    out.push(px + t * (qx - px), y);
  }
}

/**
 * Clips a polygon (outer ring and holes) against a rectangle.
 *
 * @returns the clipped polygon, or `null` when its outer ring vanishes
 * @example
 * clipPolygonToRect(boundsToPolygon([0, 0, 10, 10]), 5, 5, 20, 20) // 5..10 × 5..10
 */
export function clipPolygonToRect(p: PolygonM, minX: number, minY: number, maxX: number, maxY: number): PolygonM | null {
  const outer = clipRingToRect(p.outer, minX, minY, maxX, maxY);
  if (!outer) return null;
  const holes: Ring[] = [];
  for (const h of p.holes) {
    const c = clipRingToRect(h, minX, minY, maxX, maxY);
    if (c) holes.push(c);
  }
  return { outer, holes };
}

/**
 * Clips a multipolygon against a rectangle; polygons that vanish are dropped.
 *
 * @returns the clipped multipolygon (possibly empty)
 * @example
 * multiPolygonArea(clipMultiPolygonToRect(mp, 0, 0, 100, 100))
 */
export function clipMultiPolygonToRect(mp: MultiPolygonM, minX: number, minY: number, maxX: number, maxY: number): MultiPolygonM {
  const out: MultiPolygonM = [];
  for (const p of mp) {
    const c = clipPolygonToRect(p, minX, minY, maxX, maxY);
    if (c) out.push(c);
  }
  return out;
}

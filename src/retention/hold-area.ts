/**
 * Which cameras stand inside a legal hold's area. A hold keeps what is
 * captured in its area; a capture's position is its camera's position.
 *
 * Boundary rule: a point ON the ring (an edge or a vertex) counts as inside,
 * so a camera on the fence of a held square is held. The test is exact for
 * points on axis-parallel edges (the `[minX, minY, maxX, maxY]` form of a
 * hold) and uses the plain orientation determinant otherwise (floating
 * point; a point a rounding error away from a slanted edge may fall either
 * way).
 */
import { orient2d } from '../geo/index.js';
import type { LegalHold } from './policy.js';

/**
 * True when (x, y) lies inside the hold's ring or on its boundary.
 *
 * @param hold - a resolved legal hold (ring closed, bounds set)
 * @param x - local metres (east)
 * @param y - local metres (north)
 * @returns true inside or on the boundary
 * @example
 * pointInHold(policy.legalHolds[0], 10, 20);
 * @remarks O(ring vertices); O(1) for points outside the bounding box.
 */
export function pointInHold(hold: LegalHold, x: number, y: number): boolean {
  const b = hold.bounds;
  if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return false;
  const ring = hold.ring;
  const n = ring.length; // closed: ring[n − 1] equals ring[0]
  // Boundary first: on an edge means collinear with it and within its box.
  for (let i = 0; i + 1 < n; i++) {
    const ax = ring[i][0], ay = ring[i][1], bx = ring[i + 1][0], by = ring[i + 1][1];
    if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by)) continue;
    if (orient2d(ax, ay, bx, by, x, y) === 0) return true;
  }
  // Interior: even–odd ray casting.
  let inside = false;
  for (let i = 0, j = n - 2; i < n - 1; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * For each camera, whether it stands inside (or on the boundary of) the hold.
 *
 * @param hold - a resolved legal hold
 * @param x - camera x, local metres
 * @param y - camera y, local metres (same length as x)
 * @returns a Uint8Array with 1 for cameras in the hold's area
 * @remarks O(cameras + cameras in the bounding box · ring vertices).
 */
export function camerasInHold(hold: LegalHold, x: Float64Array, y: Float64Array): Uint8Array {
  const n = x.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (pointInHold(hold, x[i], y[i])) out[i] = 1;
  return out;
}

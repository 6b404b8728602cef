/**
 * Shared preparation of footprints for the exact computations: effective
 * radius per level, selection of the cameras that can reach a box, optional
 * occlusion and availability weights.
 */
import { InvalidInputError } from '../core/index.js';
import { scratchFloat64, scratchUint32 } from '../core/internal.js';
import { type CameraSet } from '../cameras/index.js';
import { type BuildingSet } from '../city/index.js';
import { Footprints, effectiveRadius, setSector, type CoverageLevel } from './footprints.js';
import { applyOcclusion } from './occlusion.js';

export interface PreparedFootprints {
  fp: Footprints;
  /** Availability of each footprint (index as in fp), or null when all are up. */
  weights: Float64Array | null;
}

/**
 * Builds footprints for the cameras whose disc bounds meet `box`, relative to (ox, oy).
 * Cameras with availability 0 are left out (they never see anything).
 */
export function prepareFootprints(
  cameras: CameraSet,
  level: CoverageLevel,
  box: readonly [number, number, number, number],
  ox: number,
  oy: number,
  buildings: BuildingSet | null,
  weightsAll: Float64Array | null,
  shared = false,
): PreparedFootprints {
  const n = cameras.numCameras;
  const [bx0, by0, bx1, by1] = box;
  const keep = scratchUint32('prepare.keep', n);
  const radius = scratchFloat64('prepare.radius', n);
  let m = 0;
  const xs = cameras.x;
  const ys = cameras.y;
  for (let i = 0; i < n; i++) {
    if (weightsAll !== null && weightsAll[i] === 0) continue;
    const r = effectiveRadius(cameras, i, level);
    const x = xs[i];
    const y = ys[i];
    if (x + r < bx0 || x - r > bx1 || y + r < by0 || y - r > by1) continue;
    radius[m] = r;
    keep[m++] = i;
  }
  const fp = new Footprints(m, ox, oy, shared);
  const heading = cameras.heading;
  const fov = cameras.fov;
  for (let k = 0; k < m; k++) {
    const i = keep[k];
    setSector(fp, k, i, xs[i], ys[i], radius[k], heading[i], fov[i]);
  }
  // Plain sectors need no stored primitives: the engine derives them from the columns.
  if (buildings) applyOcclusion(fp, buildings);
  let weights: Float64Array | null = null;
  if (weightsAll !== null) {
    weights = new Float64Array(m);
    for (let k = 0; k < m; k++) weights[k] = weightsAll[keep[k]];
  }
  return { fp, weights };
}

/** Validates an availability option: one probability for all cameras or one per camera. */
export function checkAvailability(origin: string, a: unknown, n: number): Float64Array | null {
  if (a === undefined) return null;
  const w = new Float64Array(n);
  if (typeof a === 'number') {
    if (!(a >= 0 && a <= 1)) throw new InvalidInputError(origin, 'options.availability', 'must be a probability in [0, 1]', a);
    w.fill(a);
    return w;
  }
  if (typeof a !== 'object' || a === null || typeof (a as ArrayLike<number>).length !== 'number') {
    throw new InvalidInputError(origin, 'options.availability', 'must be a number or an array with one probability per camera', a);
  }
  const arr = a as ArrayLike<number>;
  if (arr.length !== n) throw new InvalidInputError(origin, 'options.availability.length', `must equal the number of cameras (${n})`, arr.length);
  for (let i = 0; i < n; i++) {
    const p = arr[i];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidInputError(origin, `options.availability[${i}]`, 'must be a probability in [0, 1]', p);
    w[i] = p;
  }
  return w;
}

/**
 * Footprints: what each camera sees, as flat arrays ready for the exact
 * coverage computation.
 *
 * Without occlusion a footprint is the circular sector of radius r centred on
 * the heading with opening fov (a disc when fov = 360). With occlusion it is
 * that sector minus what buildings hide: a region star-shaped from the apex
 * whose boundary is made of arcs, pieces of building walls and radial shadow
 * edges.
 *
 * Every footprint boundary is stored as a closed, counter-clockwise chain of
 * primitives (segments and arcs), interior on the left, in coordinates
 * relative to an origin (the study area's centre) to keep products small.
 */
import { InvalidInputError } from '../core/index.js';
import { headingToAngleDeg, scratchFloat64, scratchUint32, scratchUint8, sharedScratchFloat64, sharedScratchUint8 } from '../core/internal.js';
import { type CameraSet, DORI_PX_PER_M, DORI_LEVELS, type DoriLevel } from '../cameras/index.js';
import { doriDistanceUnchecked } from '../cameras/internal.js';

/** Which distance bounds a footprint: a DORI level, or the camera's own `range`. */
export type CoverageLevel = DoriLevel | 'range';

/** Footprint modes (low bits of {@link Footprints.mode}). */
export const MODE_NARROW = 0; // fov <= 180: wedge = intersection of two half-planes
export const MODE_WIDE = 1; // 180 < fov < 360: wedge = union of two half-planes
export const MODE_FULL = 2; // fov = 360: a disc
/** Bit set in {@link Footprints.mode} when the footprint is clipped by occluders. */
export const MODE_OCCLUDED = 4;
/**
 * Bit set in {@link Footprints.mode} when a plain sector is thin (fov, or the
 * gap 360 − fov, below {@link THIN_ANGLE}) and its tip is cut at
 * {@link Footprints.tip}: see {@link setSector}.
 */
export const MODE_TIP = 8;

/** Absolute tolerance (m) below which the exact engine treats a point as on a boundary. */
export const BOUNDARY_TOLERANCE = 1e-7;
/** Offset (m) of the two probe points the exact engine uses to resolve a piece lying on a boundary. */
export const PROBE_DISTANCE = 1e-5;
/**
 * Opening (radians) below which a wedge is thin: a narrow sector with fov
 * below it, or a wide one whose gap (360° − fov) is below it. Near the apex of
 * a thin wedge its two edges are closer to each other than the probe distance,
 * so a probe meant to land just inside (or outside) the wedge lands beyond it.
 */
export const THIN_ANGLE = 0.1;
/**
 * Width (m) of a thin wedge where its tip is cut: 2.5 probe distances, so a
 * probe from one edge never crosses the other (see {@link setSector}).
 */
export const TIP_WIDTH = 2.5 * PROBE_DISTANCE;

/** Primitive kinds. */
export const PRIM_SEGMENT = 0;
export const PRIM_ARC = 1;
/** Doubles per primitive in {@link Footprints.prim}. */
export const PRIM_STRIDE = 10;

/**
 * Effective radius of each camera for a level: the camera's `range`, or, for
 * a DORI level, the smaller of `range` and the DORI distance.
 */
export function effectiveRadius(cameras: CameraSet, id: number, level: CoverageLevel): number {
  const range = cameras.range[id];
  if (level === 'range') return range;
  const d = doriDistanceUnchecked(cameras.resolutionPx[id], cameras.fov[id], DORI_PX_PER_M[level]);
  return d < range ? d : range;
}

/** Checks a level option. */
export function checkLevel(origin: string, level: unknown): CoverageLevel {
  if (level === undefined) return 'range';
  if (level === 'range' || (typeof level === 'string' && (DORI_LEVELS as readonly string[]).includes(level))) return level as CoverageLevel;
  throw new InvalidInputError(origin, 'options.level', `must be one of "range", ${DORI_LEVELS.map((l) => JSON.stringify(l)).join(', ')}`, level);
}

/**
 * Flat footprint data for a subset of cameras (the ones that can touch the
 * study area). Index k of every column refers to camera `cameraId[k]`.
 */
export class Footprints {
  readonly n: number;
  readonly originX: number;
  readonly originY: number;
  readonly cameraId: Uint32Array;
  /** Apex relative to the origin. */
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  readonly r: Float64Array;
  /** Maths angles (radians CCW from east) of the two edges; a1 > a0, a1 − a0 = fov. */
  readonly a0: Float64Array;
  readonly a1: Float64Array;
  /** Unit vectors along the two edges. */
  readonly u0x: Float64Array;
  readonly u0y: Float64Array;
  readonly u1x: Float64Array;
  readonly u1y: Float64Array;
  readonly mode: Uint8Array;
  /**
   * Distance L from the apex along both edges where a thin sector's tip is
   * cut (mode has {@link MODE_TIP}), else 0. See {@link setSector}.
   */
  readonly tip: Float64Array;
  readonly minX: Float64Array;
  readonly minY: Float64Array;
  readonly maxX: Float64Array;
  readonly maxY: Float64Array;
  /** Primitives of footprint k: primStart[k] … primStart[k+1] − 1. */
  primStart: Uint32Array;
  primType: Uint8Array;
  /**
   * Segment: x0, y0, x1, y1 (from, to).
   * Arc: cx, cy, r, θ0, θ1 (CCW, θ1 > θ0), v0x, v0y, v1x, v1y (unit vectors at
   * the ends), span flag (0: span ≤ π, 1: π < span < 2π, 2: full circle).
   */
  prim: Float64Array;
  /** Visibility (occlusion) data, or null. See `attachVisibility`. */
  vis: VisibilityColumns | null = null;

  /**
   * @param shared - allocate the columns on SharedArrayBuffers, so worker threads read them without a copy
   */
  constructor(n: number, originX: number, originY: number, shared = false) {
    // Columns come from the scratch pool (see core/scratch.ts); shared ones live on SharedArrayBuffers for the workers.
    const f64 = (k: number, key: string): Float64Array => (shared ? sharedScratchFloat64(`footprints.${key}`, k) : scratchFloat64(`footprints.${key}`, k));
    this.n = n;
    this.originX = originX;
    this.originY = originY;
    this.cameraId = scratchUint32('footprints.cameraId', n);
    this.cx = f64(n, 'cx');
    this.cy = f64(n, 'cy');
    this.r = f64(n, 'r');
    this.a0 = f64(n, 'a0');
    this.a1 = f64(n, 'a1');
    this.u0x = f64(n, 'u0x');
    this.u0y = f64(n, 'u0y');
    this.u1x = f64(n, 'u1x');
    this.u1y = f64(n, 'u1y');
    this.mode = shared ? sharedScratchUint8('footprints.mode', n) : scratchUint8('footprints.mode', n);
    this.tip = f64(n, 'tip');
    this.minX = f64(n, 'minX');
    this.minY = f64(n, 'minY');
    this.maxX = f64(n, 'maxX');
    this.maxY = f64(n, 'maxY');
    this.primStart = new Uint32Array(n + 1);
    this.primType = new Uint8Array(0);
    this.prim = new Float64Array(0);
  }
}

/**
 * Visibility of occluded footprints, flat: footprint k's angular intervals are
 * visStart[k] … visStart[k+1] − 1; interval q spans angles visAngle[q] to
 * visAngle[q + 1]… stored per interval as (θ from, θ to) for simplicity.
 */
export interface VisibilityColumns {
  visStart: Uint32Array;
  /** Per interval: start angle, end angle (maths radians, unwrapped, increasing). */
  visFrom: Float64Array;
  visTo: Float64Array;
  /** 0: arc at the footprint radius; 1: a wall line n·X = c (relative coordinates). */
  visKind: Uint8Array;
  visNx: Float64Array;
  visNy: Float64Array;
  visC: Float64Array;
}

const TWO_PI = 2 * Math.PI;

/**
 * Fills apex, radius, angles, unit vectors, mode and tight bounds for footprint k.
 * `heading` and `fov` in degrees.
 *
 * Thin wedges (opening γ — fov, or the gap 360° − fov — below
 * {@link THIN_ANGLE}) are cut at the tip. Within L = {@link TIP_WIDTH} / sin γ
 * of the apex the two edges are closer than the engine can resolve with its
 * probes, so pieces there were classified inconsistently (one edge counted,
 * its twin not: a whole edge's Green term, thousands of m², could appear from
 * nothing — issue 18). The engine instead works on a footprint whose wedge
 * starts at the chord between the points at distance L on both edges: a
 * narrow sector loses the triangle (apex, L·u0, L·u1), a wide one gets its
 * gap closed by it. The triangle's area, ½L²·sin γ = ½·L·TIP_WIDTH, is the
 * whole change. When L reaches the radius the wedge is thinner than
 * TIP_WIDTH along its whole length: a narrow sector is then empty (radius 0,
 * area at most ½·r·TIP_WIDTH lost) and a wide one a disc (its gap, at most
 * that area, closed).
 */
export function setSector(fp: Footprints, k: number, cameraId: number, x: number, y: number, r: number, heading: number, fov: number): void {
  const cx = x - fp.originX;
  const cy = y - fp.originY;
  fp.cameraId[k] = cameraId;
  fp.cx[k] = cx;
  fp.cy[k] = cy;
  fp.tip[k] = 0;
  const gamma = fov >= 360 ? Math.PI : fov > 180 ? ((360 - fov) * Math.PI) / 180 : (fov * Math.PI) / 180;
  let tipL = 0;
  if (gamma < THIN_ANGLE) {
    tipL = TIP_WIDTH / Math.sin(gamma);
    if (tipL >= r) {
      if (fov <= 180) r = 0; // thinner than TIP_WIDTH everywhere: nothing to see at the engine's resolution
      else fov = 360; // its gap is: a disc
      tipL = 0;
    }
  }
  fp.r[k] = r;
  // (x·π)/180, not x·DEG_TO_RAD: the two differ in the last bit, and this order is the one coverage results were made with.
  const mid = (headingToAngleDeg(heading) * Math.PI) / 180;
  const half = (fov * Math.PI) / 360;
  let a0: number;
  let a1: number;
  let mode: number;
  if (fov >= 360) {
    a0 = mid - Math.PI;
    a1 = a0 + TWO_PI;
    mode = MODE_FULL;
  } else {
    a0 = mid - half;
    a1 = mid + half;
    mode = fov > 180 ? MODE_WIDE : MODE_NARROW;
  }
  fp.a0[k] = a0;
  fp.a1[k] = a1;
  const u0x = Math.cos(a0);
  const u0y = Math.sin(a0);
  const u1x = Math.cos(a1);
  const u1y = Math.sin(a1);
  fp.u0x[k] = u0x;
  fp.u0y[k] = u0y;
  fp.u1x[k] = u1x;
  fp.u1y[k] = u1y;
  if (tipL > 0) {
    mode |= MODE_TIP;
    fp.tip[k] = tipL;
  }
  fp.mode[k] = mode;
  if (mode === MODE_FULL) {
    fp.minX[k] = cx - r;
    fp.minY[k] = cy - r;
    fp.maxX[k] = cx + r;
    fp.maxY[k] = cy + r;
    return;
  }
  // Tight bounds: apex, both edge ends, and the arc's extreme points at the
  // axis directions that fall inside [a0, a1].
  let minX = Math.min(cx, cx + r * u0x, cx + r * u1x);
  let maxX = Math.max(cx, cx + r * u0x, cx + r * u1x);
  let minY = Math.min(cy, cy + r * u0y, cy + r * u1y);
  let maxY = Math.max(cy, cy + r * u0y, cy + r * u1y);
  for (let q = 0; q < 4; q++) {
    const axis = (q * Math.PI) / 2;
    // Smallest axis + 2πm that is >= a0.
    let t = axis + TWO_PI * Math.ceil((a0 - axis) / TWO_PI);
    if (t < a0) t += TWO_PI;
    if (t <= a1) {
      if (q === 0) maxX = cx + r;
      else if (q === 1) maxY = cy + r;
      else if (q === 2) minX = cx - r;
      else minY = cy - r;
    }
  }
  fp.minX[k] = minX;
  fp.minY[k] = minY;
  fp.maxX[k] = maxX;
  fp.maxY[k] = maxY;
}

export function writeSegment(primType: Uint8Array, prim: Float64Array, p: number, x0: number, y0: number, x1: number, y1: number): void {
  primType[p] = PRIM_SEGMENT;
  const o = p * PRIM_STRIDE;
  prim[o] = x0;
  prim[o + 1] = y0;
  prim[o + 2] = x1;
  prim[o + 3] = y1;
}

export function writeArc(
  primType: Uint8Array,
  prim: Float64Array,
  p: number,
  cx: number,
  cy: number,
  r: number,
  t0: number,
  t1: number,
  v0x: number,
  v0y: number,
  v1x: number,
  v1y: number,
  spanFlag: number,
): void {
  primType[p] = PRIM_ARC;
  const o = p * PRIM_STRIDE;
  prim[o] = cx;
  prim[o + 1] = cy;
  prim[o + 2] = r;
  prim[o + 3] = t0;
  prim[o + 4] = t1;
  prim[o + 5] = v0x;
  prim[o + 6] = v0y;
  prim[o + 7] = v1x;
  prim[o + 8] = v1y;
  prim[o + 9] = spanFlag;
}

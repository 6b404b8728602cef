/**
 * Occlusion: what a camera sees of its sector when building edges block the
 * view.
 *
 * A camera at apex P = (px, py) with radius r and angular range [a0, a1]
 * (maths radians, counter-clockwise from east; the whole circle when `full`)
 * sees, along each ray of angle θ in the range, everything up to the first
 * occluder segment the ray meets, or up to r when it meets none. The visible
 * region is therefore star-shaped from P and is described completely by its
 * visible distance `t(θ)`, which is piecewise: either the arc (`t = r`) or
 * the supporting line of one occluder segment.
 *
 * ## The representation ({@link VisibilityRegion})
 *
 * - `numIntervals` = m ≥ 1 angular intervals;
 * - `angles[0 … m]`, strictly increasing, `angles[0] = a0`, `angles[m] = a1`
 *   (`a0 + 2π` for a full circle);
 * - for interval k (θ ∈ [angles[k], angles[k+1]]):
 *   - `kind[k] = 0` ({@link VISIBILITY_ARC}): the boundary is the arc, `t(θ) = r`;
 *   - `kind[k] = 1` ({@link VISIBILITY_LINE}): the boundary is the line
 *     `n·X = c` with `n = (lineNx[k], lineNy[k])` a unit normal pointing away
 *     from P, `c = lineC[k]`, so `t(θ) = (c − n·P) / (n·u(θ))`,
 *     `u(θ) = (cos θ, sin θ)`; inside the interval `0 < t(θ) ≤ r`.
 * - Adjacent intervals never have the same kind and line (they are merged).
 *   Where two adjacent intervals' distances differ at their shared angle the
 *   boundary has a radial "shadow edge" along that ray; for a partial sector
 *   the boundary also has the two straight edges from P at a0 and a1.
 *
 * Only the first `numIntervals` entries (`numIntervals + 1` for `angles`) are
 * meaningful: a region reused through the `out` argument keeps arrays at
 * least that long.
 *
 * ## Robustness rules
 *
 * - A segment whose supporting line passes within {@link WALL_TOLERANCE}
 *   (1e-6 m) of P is ignored: either P is on it (a camera mounted on that
 *   wall, or a wall through the apex) or it is collinear with a ray from P
 *   (it hides nothing of positive area).
 * - Only the part of a segment within distance r of P matters; segments
 *   entirely beyond r are ignored.
 * - Zero-length segments are ignored. Crossing and touching segments are fine.
 *
 * ## How it is computed
 *
 * The segments whose boxes meet the sector's box (a flatbush query) are
 * clipped to the disc and oriented counter-clockwise around P; each becomes
 * one or two angular items (two when it straddles the start direction of a
 * full circle). Directions are ordered by a pseudo-angle relative to the
 * start direction, so the sweep needs no trigonometry; items' start and end
 * events are sorted, and between consecutive events the lower envelope of the
 * active lines is built exactly, walking across line crossings. One `atan2`
 * per output interval converts back to radians.
 */
import type Flatbush from 'flatbush';
import { InvalidInputError, DEG_TO_RAD } from '../core/index.js';
import { headingToAngleDeg } from '../core/internal.js';
import { sectorBoundsRadInto, validateSector } from './sector.js';
import { buildSegmentIndex } from './spatial-index.js';
import { segmentDiscInterval } from './segment.js';

const TWO_PI = 2 * Math.PI;

/** Distance (m) from the apex to a segment's supporting line below which the segment is ignored (camera on that wall). */
export const WALL_TOLERANCE = 1e-6;
/** Angular tolerance (rad): events closer than this are treated as simultaneous. */
const ANG_EPS = 1e-13;
/** Relative tolerance under which two visible distances count as tied. */
const TIE_REL = 1e-9;

/** Parameter interval of a segment inside the disc ({@link segmentDiscInterval}'s output). */
const discScratch = new Float64Array(2);

/** `kind` of an interval bounded by the arc at distance r. */
export const VISIBILITY_ARC = 0;
/** `kind` of an interval bounded by an occluder's supporting line. */
export const VISIBILITY_LINE = 1;

/** Occluder segments and their spatial index. */
export interface Occluders {
  /** `[x0, y0, x1, y1, …]`, 4 numbers per segment (e.g. building edges). */
  readonly coords: Float64Array;
  /** A flatbush index whose item i is segment i (`null` when there are no segments). */
  readonly index: Flatbush | null;
}

/**
 * The region a camera sees: see the module documentation for the exact
 * meaning of each field. Plain data (numbers and typed arrays).
 */
export interface VisibilityRegion {
  /** Apex x (m). */
  px: number;
  /** Apex y (m). */
  py: number;
  /** Radius (m). */
  r: number;
  /** Start angle, radians CCW from east. */
  a0: number;
  /** End angle, radians; `a0 + 2π` when full. */
  a1: number;
  /** Whether the range is the whole circle (the region then has no straight edges at a0/a1). */
  full: boolean;
  /** Number m of angular intervals (≥ 1). */
  numIntervals: number;
  /** Interval boundaries, `angles[0] = a0 < … < angles[m] = a1` (length ≥ m + 1). */
  angles: Float64Array;
  /** Per interval: 0 = arc ({@link VISIBILITY_ARC}), 1 = line ({@link VISIBILITY_LINE}). */
  kind: Uint8Array;
  /** Per line interval: unit normal x of the line n·X = c (pointing away from the apex); 0 for arcs. */
  lineNx: Float64Array;
  /** Per line interval: unit normal y; 0 for arcs. */
  lineNy: Float64Array;
  /** Per line interval: c of n·X = c in world coordinates; 0 for arcs. */
  lineC: Float64Array;
}

/**
 * Reusable working memory for {@link computeVisibility}. Make one per thread
 * and pass it to every call: it grows to the largest neighbourhood seen and is
 * then reused without allocation.
 */
export class VisibilityScratch {
  /** @internal */ lnx!: Float64Array;
  /** @internal */ lny!: Float64Array;
  /** @internal */ lh!: Float64Array;
  /** @internal */ itLine!: Int32Array;
  /** @internal */ itS0!: Float64Array;
  /** @internal */ itS1!: Float64Array;
  /** @internal */ itX0!: Float64Array;
  /** @internal */ itY0!: Float64Array;
  /** @internal */ itX1!: Float64Array;
  /** @internal */ itY1!: Float64Array;
  /** @internal */ actPos!: Int32Array;
  /** @internal */ act!: Int32Array;
  /** @internal */ evKey!: Float64Array;
  /** @internal */ evVal!: Int32Array;
  /** @internal */ pStart: Float64Array;
  /** @internal */ pDx: Float64Array;
  /** @internal */ pDy: Float64Array;
  /** @internal */ pLine: Int32Array;
  /** @internal */ m = 0;
  /** @internal */ readonly box = new Float64Array(4);

  /** @param capacity - initial number of segments it can hold without growing */
  constructor(capacity = 64) {
    const c = Math.max(8, capacity | 0);
    this.allocateSegments(c);
    this.pStart = new Float64Array(4 * c);
    this.pDx = new Float64Array(4 * c);
    this.pDy = new Float64Array(4 * c);
    this.pLine = new Int32Array(4 * c);
  }

  /** @internal Makes room for n candidate segments. */
  ensure(n: number): void {
    if (n <= this.lnx.length) return;
    this.allocateSegments(Math.max(n, 2 * this.lnx.length));
  }

  /** Per-segment working arrays for c segments (contents are rebuilt on every call). */
  private allocateSegments(c: number): void {
    this.lnx = new Float64Array(c);
    this.lny = new Float64Array(c);
    this.lh = new Float64Array(c);
    this.itLine = new Int32Array(2 * c);
    this.itS0 = new Float64Array(2 * c);
    this.itS1 = new Float64Array(2 * c);
    this.itX0 = new Float64Array(2 * c);
    this.itY0 = new Float64Array(2 * c);
    this.itX1 = new Float64Array(2 * c);
    this.itY1 = new Float64Array(2 * c);
    this.actPos = new Int32Array(2 * c);
    this.act = new Int32Array(2 * c);
    this.evKey = new Float64Array(4 * c);
    this.evVal = new Int32Array(4 * c);
  }

  /** @internal Makes room for one more output piece. */
  growPieces(): void {
    const n = 2 * this.pStart.length;
    const ps = new Float64Array(n);
    ps.set(this.pStart);
    const dx = new Float64Array(n);
    dx.set(this.pDx);
    const dy = new Float64Array(n);
    dy.set(this.pDy);
    const pl = new Int32Array(n);
    pl.set(this.pLine);
    this.pStart = ps;
    this.pDx = dx;
    this.pDy = dy;
    this.pLine = pl;
  }
}

/**
 * Creates reusable working memory for {@link computeVisibility}.
 *
 * @param capacity - initial number of nearby segments it holds without growing (default 64)
 * @returns a new scratch object
 * @example
 * const scratch = createVisibilityScratch();
 * for (let i = 0; i < n; i++) computeVisibility(x[i], y[i], r[i], a0[i], a1[i], false, occ, scratch, region);
 */
export function createVisibilityScratch(capacity = 64): VisibilityScratch {
  return new VisibilityScratch(capacity);
}

/**
 * Creates an empty region to pass as `out` to {@link computeVisibility}
 * (its arrays grow as needed).
 *
 * @param capacity - initial number of intervals (default 16)
 * @returns a region with `numIntervals = 0`
 * @example
 * const region = createVisibilityRegion();
 */
export function createVisibilityRegion(capacity = 16): VisibilityRegion {
  const c = Math.max(1, capacity | 0);
  return {
    px: 0, py: 0, r: 0, a0: 0, a1: 0, full: false, numIntervals: 0,
    angles: new Float64Array(c + 1),
    kind: new Uint8Array(c),
    lineNx: new Float64Array(c),
    lineNy: new Float64Array(c),
    lineC: new Float64Array(c),
  };
}

/**
 * An exact-size, independent copy of a region (e.g. to keep a result computed
 * into a reused `out`).
 *
 * @param region - the region to copy
 * @returns a new region whose arrays have exactly m (m + 1 for angles) entries
 * @example
 * const kept = copyVisibilityRegion(region);
 */
export function copyVisibilityRegion(region: VisibilityRegion): VisibilityRegion {
  const m = region.numIntervals;
  return {
    px: region.px, py: region.py, r: region.r, a0: region.a0, a1: region.a1, full: region.full, numIntervals: m,
    angles: region.angles.slice(0, m + 1),
    kind: region.kind.slice(0, m),
    lineNx: region.lineNx.slice(0, m),
    lineNy: region.lineNy.slice(0, m),
    lineC: region.lineC.slice(0, m),
  };
}

/**
 * Wraps occluder segments with their flatbush index.
 *
 * @param coords - `[x0, y0, x1, y1, …]`, 4 numbers per segment
 * @returns `{ coords, index }` for {@link computeVisibility}
 * @throws {InvalidInputError} if the length is not a multiple of 4 or a coordinate is not finite
 * @example
 * const occ = createOccluders(Float64Array.of(-10, 5, 10, 5)); // one wall
 */
export function createOccluders(coords: Float64Array): Occluders {
  return { coords, index: buildSegmentIndex(coords) };
}

/* ------------------------------------------------------------------------ */

/** Sorts evKey/evVal[0, n) by key (insertion sort for short runs, quicksort otherwise). */
function sortEvents(keys: Float64Array, vals: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 24) {
    // median of three pivot
    const mid = (lo + hi) >> 1;
    const a = keys[lo];
    const b = keys[mid];
    const c = keys[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const tk = keys[i];
        keys[i] = keys[j];
        keys[j] = tk;
        const tv = vals[i];
        vals[i] = vals[j];
        vals[j] = tv;
        i++;
        j--;
      }
    }
    // Recurse into the smaller part, loop on the larger (bounded stack).
    if (j - lo < hi - i) {
      sortEvents(keys, vals, lo, j);
      lo = i;
    } else {
      sortEvents(keys, vals, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i];
    const v = vals[i];
    let j = i - 1;
    while (j >= lo && keys[j] > k) {
      keys[j + 1] = keys[j];
      vals[j + 1] = vals[j];
      j--;
    }
    keys[j + 1] = k;
    vals[j + 1] = v;
  }
}

function sameLine(sc: VisibilityScratch, a: number, b: number): boolean {
  if (a === b) return true;
  if (a < 0 || b < 0) return false;
  const ha = sc.lh[a];
  return (
    Math.abs(sc.lnx[a] - sc.lnx[b]) <= 1e-12 &&
    Math.abs(sc.lny[a] - sc.lny[b]) <= 1e-12 &&
    Math.abs(ha - sc.lh[b]) <= 1e-9 * (ha > 1 ? ha : 1)
  );
}

/**
 * Records that from pseudo-angle `start` (direction (dx, dy)) on, the
 * boundary is `line` (−1 = arc).
 */
function emit(sc: VisibilityScratch, start: number, dx: number, dy: number, line: number): void {
  const m = sc.m;
  if (m === 0) {
    sc.pStart[0] = 0;
    sc.pDx[0] = dx;
    sc.pDy[0] = dy;
    sc.pLine[0] = line;
    sc.m = 1;
    return;
  }
  if (sameLine(sc, sc.pLine[m - 1], line)) return;
  if (start - sc.pStart[m - 1] <= ANG_EPS) {
    // The previous piece has (almost) no width: replace it.
    if (m >= 2 && sameLine(sc, sc.pLine[m - 2], line)) sc.m = m - 1;
    else sc.pLine[m - 1] = line;
    return;
  }
  if (m >= sc.pStart.length) sc.growPieces();
  sc.pStart[m] = start;
  sc.pDx[m] = dx;
  sc.pDy[m] = dy;
  sc.pLine[m] = line;
  sc.m = m + 1;
}

/**
 * Pseudo-angle ("diamond angle") of the non-zero vector (x, y): a number in
 * [0, 4) that increases monotonically with the true angle from the +x axis
 * (0 ↔ 0, 1 ↔ π/2, 2 ↔ π, 3 ↔ 3π/2), with p(−v) = p(v) ± 2. Used to order
 * directions without trigonometry.
 */
function pseudoAngle(x: number, y: number): number {
  if (y >= 0) return x >= 0 ? y / (x + y) : 1 - x / (y - x);
  return x < 0 ? 2 - y / (-x - y) : 3 + x / (x - y);
}

/**
 * Lower envelope over one elementary interval (pseudo-angles [ca, cb],
 * directions (cax, cay) and (cbx, cby)) in which the active set does not
 * change: picks the nearest line, then walks across the crossings of the
 * current nearest line with the others. Distances are compared as
 * h / (n·D) along unnormalised directions D: the common factor |D| cancels.
 */
function envelope(
  sc: VisibilityScratch, nAct: number,
  ca: number, cax: number, cay: number, cb: number, cbx: number, cby: number,
  u0x: number, u0y: number,
): void {
  const act = sc.act;
  const itLine = sc.itLine;
  const lnx = sc.lnx;
  const lny = sc.lny;
  const lh = sc.lh;
  if (nAct === 0) {
    emit(sc, ca, cax, cay, -1);
    return;
  }
  if (nAct === 1) {
    emit(sc, ca, cax, cay, itLine[act[0]]);
    return;
  }
  let c = ca;
  let cx = cax;
  let cy = cay;
  const maxIter = nAct * nAct + 4;
  for (let iter = 0; iter < maxIter; iter++) {
    // 1. The nearest line at c; ties (lines meeting at c) are broken by the distance at cb.
    let best = -1;
    let bestV = Infinity;
    for (let k = 0; k < nAct; k++) {
      const l = itLine[act[k]];
      const v = lh[l] / (lnx[l] * cx + lny[l] * cy);
      if (v < bestV) {
        bestV = v;
        best = l;
      }
    }
    const lim = bestV * (1 + TIE_REL);
    let bestB = lh[best] / (lnx[best] * cbx + lny[best] * cby);
    for (let k = 0; k < nAct; k++) {
      const l = itLine[act[k]];
      if (l === best) continue;
      const v = lh[l] / (lnx[l] * cx + lny[l] * cy);
      if (v <= lim) {
        const vb = lh[l] / (lnx[l] * cbx + lny[l] * cby);
        if (vb < bestB) {
          best = l;
          bestB = vb;
        }
      }
    }
    emit(sc, c, cx, cy, best);
    // 2. The first crossing after c with a line that is nearer at cb (two lines cross once).
    const snx = lnx[best];
    const sny = lny[best];
    const sh = lh[best];
    let xBest = cb;
    let xX = 0;
    let xY = 0;
    let found = -1;
    const limB = bestB * (1 - 1e-12);
    for (let k = 0; k < nAct; k++) {
      const l = itLine[act[k]];
      if (l === best) continue;
      const vb = lh[l] / (lnx[l] * cbx + lny[l] * cby);
      if (!(vb < limB)) continue;
      const det = snx * lny[l] - sny * lnx[l];
      if (det === 0) continue;
      const yx = (sh * lny[l] - lh[l] * sny) / det;
      const yy = (snx * lh[l] - lnx[l] * sh) / det;
      const x = pseudoAngle(u0x * yx + u0y * yy, u0x * yy - u0y * yx);
      if (x > c + ANG_EPS && x < xBest) {
        xBest = x;
        xX = yx;
        xY = yy;
        found = l;
      }
    }
    if (found < 0 || xBest >= cb - ANG_EPS) return;
    c = xBest;
    cx = xX;
    cy = xY;
  }
}

function validateOccluders(origin: string, occluders: unknown): Occluders {
  if (typeof occluders !== 'object' || occluders === null) throw new InvalidInputError(origin, 'occluders', 'must be { coords: Float64Array, index: Flatbush | null }', occluders);
  const o = occluders as Occluders;
  if (!(o.coords instanceof Float64Array) || o.coords.length % 4 !== 0) {
    throw new InvalidInputError(origin, 'occluders.coords', 'must be a Float64Array [x0, y0, x1, y1, …] of length a multiple of 4', o.coords);
  }
  if (o.index !== null) {
    if (typeof o.index !== 'object' || typeof (o.index as Flatbush).search !== 'function') {
      throw new InvalidInputError(origin, 'occluders.index', 'must be a flatbush index or null', o.index);
    }
    if (o.index.numItems !== o.coords.length / 4) {
      throw new InvalidInputError(origin, 'occluders.index.numItems', `must equal the number of segments (${o.coords.length / 4})`, o.index.numItems);
    }
  } else if (o.coords.length !== 0) {
    // A null index with segments would silently ignore them.
    throw new InvalidInputError(origin, 'occluders.index', `must be a flatbush index of the ${o.coords.length / 4} segments (null only when there are none)`, null);
  }
  return o;
}

/**
 * Computes the region a camera sees: its sector minus what occluder segments
 * hide. An angular sweep over the segments whose bounding box meets the
 * sector's bounding box (found with the flatbush index), each clipped to the
 * disc of radius r and to the angular range; the lower envelope of their
 * distance functions (and r) is built exactly, crossings included.
 *
 * @param px - apex x (m)
 * @param py - apex y (m)
 * @param r - radius (m), > 0
 * @param a0 - start angle, radians CCW from east
 * @param a1 - end angle, radians; `a0 < a1 ≤ a0 + 2π`; must be `a0 + 2π` when `full`
 * @param full - the whole circle (fov 360): the region then has no straight edges at a0/a1
 * @param occluders - segments and their index (see {@link createOccluders})
 * @param scratch - reusable working memory ({@link createVisibilityScratch}); pass one to avoid allocation
 * @param out - region to write into ({@link createVisibilityRegion}); its arrays grow when needed. Without it, a new exact-size region is returned
 * @returns the visible region (`out` when given)
 * @throws {InvalidInputError} on a non-finite apex or angle, r ≤ 0, an empty or over-long angular range, `full` with a range other than 2π, or malformed occluders
 * @example
 * const occ = createOccluders(Float64Array.of(-10, 5, 10, 5)); // a wall 5 m north
 * const v = computeVisibility(0, 0, 10, Math.PI / 4, 3 * Math.PI / 4, false, occ);
 * v.numIntervals // 1: the wall bounds the whole 90° view
 * visibleArea(v) // 25 (the triangle (0,0), (5,5), (-5,5))
 * @remarks O(s + m log m) for s index hits and m segments near the camera
 * (plus the envelope walk, linear in m times the number of segments a ray
 * crosses); allocation-free with `scratch` and `out` apart from flatbush's
 * search result.
 */
export function computeVisibility(
  px: number, py: number, r: number, a0: number, a1: number, full: boolean,
  occluders: Occluders, scratch?: VisibilityScratch, out?: VisibilityRegion,
): VisibilityRegion {
  const occ = validateVisibilityInput(px, py, r, a0, a1, full, occluders, scratch, out);
  const sc = scratch ?? new VisibilityScratch(16);
  const span = a1 - a0;
  const end = full ? a0 + TWO_PI : a1;
  const spanRad = full ? TWO_PI : span < TWO_PI ? span : TWO_PI;
  // Directions of the range ends and the range in pseudo-angle units relative to u0.
  const u0x = Math.cos(a0);
  const u0y = Math.sin(a0);
  const u1x = full ? u0x : Math.cos(end);
  const u1y = full ? u0y : Math.sin(end);
  let L = spanRad >= TWO_PI ? 4 : pseudoAngle(u0x * u1x + u0y * u1y, u0x * u1y - u0y * u1x);
  if (spanRad > Math.PI && L < 2) L = 4; // rounding of a range just short of 2π
  if (!(L > 0)) L = ANG_EPS; // rounding of a tiny range

  const ni = collectItems(sc, occ, px, py, r, a0, spanRad, u0x, u0y, u1x, u1y, L);
  const nev = sortItemEvents(sc, ni);
  sweepEnvelope(sc, nev, L, u0x, u0y, u1x, u1y);
  return writeRegion(sc, px, py, r, a0, end, full, u0x, u0y, out);
}

/** Throws unless the arguments of {@link computeVisibility} are valid; returns the occluders. */
function validateVisibilityInput(
  px: number, py: number, r: number, a0: number, a1: number, full: boolean,
  occluders: Occluders, scratch: VisibilityScratch | undefined, out: VisibilityRegion | undefined,
): Occluders {
  const origin = 'computeVisibility';
  if (!Number.isFinite(px)) throw new InvalidInputError(origin, 'px', 'must be a finite number', px);
  if (!Number.isFinite(py)) throw new InvalidInputError(origin, 'py', 'must be a finite number', py);
  if (!(typeof r === 'number' && r > 0 && r < Infinity)) throw new InvalidInputError(origin, 'r', 'must be a finite number > 0', r);
  if (!Number.isFinite(a0)) throw new InvalidInputError(origin, 'a0', 'must be a finite number (radians)', a0);
  if (!Number.isFinite(a1)) throw new InvalidInputError(origin, 'a1', 'must be a finite number (radians)', a1);
  if (typeof full !== 'boolean') throw new InvalidInputError(origin, 'full', 'must be a boolean', full);
  const span = a1 - a0;
  if (full) {
    if (!(Math.abs(span - TWO_PI) <= 1e-9)) throw new InvalidInputError(origin, 'a1', `must be a0 + 2π (${a0 + TWO_PI}) when full`, a1);
  } else if (!(span > 1e-12 && span <= TWO_PI + 1e-12)) {
    throw new InvalidInputError(origin, 'a1', `must satisfy a0 < a1 ≤ a0 + 2π (a0 = ${a0})`, a1);
  }
  const occ = validateOccluders(origin, occluders);
  if (scratch !== undefined && !(scratch instanceof VisibilityScratch)) throw new InvalidInputError(origin, 'scratch', 'must come from createVisibilityScratch()', scratch);
  if (out !== undefined && (typeof out !== 'object' || out === null || !(out.angles instanceof Float64Array) || !(out.kind instanceof Uint8Array))) {
    throw new InvalidInputError(origin, 'out', 'must come from createVisibilityRegion()', out);
  }
  return occ;
}

/**
 * Step 1: the candidate segments (index hits for the sector's box), clipped to
 * the disc, oriented counter-clockwise around P and turned into angular items
 * over pseudo-angles [0, L] (two items when a segment straddles the start
 * direction). Fills the scratch's line (lnx, lny, lh) and item (it…) columns.
 * @returns the number of items
 */
function collectItems(
  sc: VisibilityScratch, occ: Occluders, px: number, py: number, r: number, a0: number, spanRad: number,
  u0x: number, u0y: number, u1x: number, u1y: number, L: number,
): number {
  const index = occ.index;
  if (index === null) return 0;
  let nl = 0;
  let ni = 0;
  const box = sc.box;
  sectorBoundsRadInto(px, py, r, a0, spanRad, box, 0);
  const ids = index.search(box[0], box[1], box[2], box[3]);
  const nc = ids.length;
  sc.ensure(nc);
  const coords = occ.coords;
  const r2 = r * r;
  const wall2 = WALL_TOLERANCE * WALL_TOLERANCE;
  for (let k = 0; k < nc; k++) {
    const j = ids[k] << 2;
    const ax = coords[j] - px;
    const ay = coords[j + 1] - py;
    const bx = coords[j + 2] - px;
    const by = coords[j + 3] - py;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) continue;
    const cr = ax * dy - ay * dx; // A × d = ±|d| · distance(P, line)
    if (cr * cr <= wall2 * len2) continue;
    // Part inside the disc (clipped only when an endpoint is outside).
    const a2 = ax * ax + ay * ay;
    let e0x = ax;
    let e0y = ay;
    let e1x = bx;
    let e1y = by;
    if (a2 > r2 || bx * bx + by * by > r2) {
      if (!segmentDiscInterval(ax, ay, bx, by, 0, 0, r, discScratch)) continue;
      const t0 = discScratch[0];
      const t1 = discScratch[1];
      if (t0 > 0) {
        e0x = ax + t0 * dx;
        e0y = ay + t0 * dy;
      }
      if (t1 < 1) {
        e1x = ax + t1 * dx;
        e1y = ay + t1 * dy;
      }
    }
    // Orient so that the segment runs counter-clockwise around P (from s to e).
    let sx: number;
    let sy: number;
    let ex: number;
    let ey: number;
    if (cr > 0) {
      sx = e0x;
      sy = e0y;
      ex = e1x;
      ey = e1y;
    } else {
      sx = e1x;
      sy = e1y;
      ex = e0x;
      ey = e0y;
    }
    const rs = pseudoAngle(u0x * sx + u0y * sy, u0x * sy - u0y * sx);
    const re = pseudoAngle(u0x * ex + u0y * ey, u0x * ey - u0y * ex);
    if (re === rs) continue;
    // A segment subtends less than π (2 pseudo units); re < rs by less than that is rounding of a tiny angle.
    if (re < rs && rs - re < 2) continue;
    const first = ni;
    if (rs < re) {
      // One item from rs, ending at re or at the range's end.
      if (rs < L) ni = re < L ? pushItem(sc, ni, nl, rs, sx, sy, re, ex, ey) : pushItem(sc, ni, nl, rs, sx, sy, L, u1x, u1y);
    } else {
      // Wraps past the start direction: from rs to the range's end, and from the start to re.
      if (rs < L) ni = pushItem(sc, ni, nl, rs, sx, sy, L, u1x, u1y);
      if (re > 0) ni = re < L ? pushItem(sc, ni, nl, 0, u0x, u0y, re, ex, ey) : pushItem(sc, ni, nl, 0, u0x, u0y, L, u1x, u1y);
    }
    if (ni > first) {
      // Unit normal pointing away from P; h = distance from P to the line.
      const len = Math.sqrt(len2);
      if (cr > 0) {
        sc.lnx[nl] = dy / len;
        sc.lny[nl] = -dx / len;
        sc.lh[nl] = cr / len;
      } else {
        sc.lnx[nl] = -dy / len;
        sc.lny[nl] = dx / len;
        sc.lh[nl] = -cr / len;
      }
      nl++;
    }
  }
  return ni;
}

/**
 * Writes angular item `i` of line `line`: from pseudo-angle s0 (direction
 * (x0, y0)) to s1 (direction (x1, y1)).
 * @returns i + 1
 */
function pushItem(sc: VisibilityScratch, i: number, line: number, s0: number, x0: number, y0: number, s1: number, x1: number, y1: number): number {
  sc.itLine[i] = line;
  sc.itS0[i] = s0;
  sc.itX0[i] = x0;
  sc.itY0[i] = y0;
  sc.itS1[i] = s1;
  sc.itX1[i] = x1;
  sc.itY1[i] = y1;
  return i + 1;
}

/**
 * Step 2: the items' events, sorted by pseudo-angle: item i starts at itS0[i]
 * (value 2i) and ends at itS1[i] (value 2i + 1). Marks every item inactive.
 * @returns the number of events
 */
function sortItemEvents(sc: VisibilityScratch, ni: number): number {
  const evKey = sc.evKey;
  const evVal = sc.evVal;
  const nev = 2 * ni;
  for (let i = 0; i < ni; i++) {
    evKey[2 * i] = sc.itS0[i];
    evVal[2 * i] = 2 * i;
    evKey[2 * i + 1] = sc.itS1[i];
    evVal[2 * i + 1] = 2 * i + 1;
    sc.actPos[i] = -1;
  }
  if (nev > 1) sortEvents(evKey, evVal, 0, nev - 1);
  return nev;
}

/**
 * Step 3: the sweep over pseudo-angles [0, L]: between consecutive events the
 * active items do not change and {@link envelope} emits the nearest boundary
 * pieces into the scratch (pStart, pDx, pDy, pLine; `sc.m` of them).
 */
function sweepEnvelope(sc: VisibilityScratch, nev: number, L: number, u0x: number, u0y: number, u1x: number, u1y: number): void {
  const evKey = sc.evKey;
  const evVal = sc.evVal;
  sc.m = 0;
  let nAct = 0;
  let e = 0;
  let cur = 0;
  let curX = u0x;
  let curY = u0y;
  const act = sc.act;
  const actPos = sc.actPos;
  for (;;) {
    while (e < nev && evKey[e] <= cur + ANG_EPS) {
      const v = evVal[e++];
      const i = v >> 1;
      if ((v & 1) === 0) {
        actPos[i] = nAct;
        act[nAct++] = i;
      } else {
        const p = actPos[i];
        if (p >= 0) {
          const last = act[--nAct];
          act[p] = last;
          actPos[last] = p;
          actPos[i] = -1;
        }
      }
    }
    let next = L;
    let nX = u1x;
    let nY = u1y;
    if (e < nev && evKey[e] < L) {
      next = evKey[e];
      const v = evVal[e];
      const i = v >> 1;
      if ((v & 1) === 0) {
        nX = sc.itX0[i];
        nY = sc.itY0[i];
      } else {
        nX = sc.itX1[i];
        nY = sc.itY1[i];
      }
    }
    if (next - cur > ANG_EPS || sc.m === 0) envelope(sc, nAct, cur, curX, curY, next, nX, nY, u0x, u0y);
    if (next >= L) break;
    cur = next;
    curX = nX;
    curY = nY;
  }
}

/**
 * Step 4: the pieces in world terms (one atan2 per piece for its start
 * angle), merged where consecutive pieces have the same boundary, written
 * into `out` (grown when too small) or a new exact-size region.
 */
function writeRegion(
  sc: VisibilityScratch, px: number, py: number, r: number, a0: number, end: number, full: boolean,
  u0x: number, u0y: number, out: VisibilityRegion | undefined,
): VisibilityRegion {
  const mMax = sc.m;
  let region: VisibilityRegion;
  if (out === undefined) {
    region = createVisibilityRegion(mMax);
  } else {
    region = out;
    if (region.kind.length < mMax || region.angles.length < mMax + 1) {
      const c = Math.max(mMax, 2 * region.kind.length);
      region.angles = new Float64Array(c + 1);
      region.kind = new Uint8Array(c);
      region.lineNx = new Float64Array(c);
      region.lineNy = new Float64Array(c);
      region.lineC = new Float64Array(c);
    }
  }
  region.px = px;
  region.py = py;
  region.r = r;
  region.a0 = a0;
  region.a1 = end;
  region.full = full;
  const angles = region.angles;
  let m = 0;
  let prevLine = -2;
  for (let k = 0; k < mMax; k++) {
    let angle = a0;
    if (k > 0) {
      const dx = sc.pDx[k];
      const dy = sc.pDy[k];
      let rel = Math.atan2(u0x * dy - u0y * dx, u0x * dx + u0y * dy);
      if (rel < 0) rel += TWO_PI;
      angle = a0 + rel;
      // Guard strict increase in world angles (pieces narrower than the rounding of a0 + rel are dropped).
      if (!(angle > angles[m - 1]) || !(angle < end)) continue;
    }
    const l = sc.pLine[k];
    if (l === prevLine) continue;
    prevLine = l;
    angles[m] = angle;
    if (l < 0) {
      region.kind[m] = VISIBILITY_ARC;
      region.lineNx[m] = 0;
      region.lineNy[m] = 0;
      region.lineC[m] = 0;
    } else {
      const nx = sc.lnx[l];
      const ny = sc.lny[l];
      region.kind[m] = VISIBILITY_LINE;
      region.lineNx[m] = nx;
      region.lineNy[m] = ny;
      region.lineC[m] = nx * px + ny * py + sc.lh[l];
    }
    m++;
  }
  region.numIntervals = m;
  angles[m] = end;
  return region;
}

/**
 * {@link computeVisibility} for a camera given in degrees: heading clockwise
 * from north and fov in (0, 360].
 *
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m), > 0
 * @param headingDeg - degrees clockwise from north
 * @param fovDeg - opening angle in degrees, (0, 360]; 360 gives a full-circle region
 * @param occluders - segments and their index
 * @param scratch - reusable working memory
 * @param out - region to write into
 * @returns the visible region, with `a0 = (90 − heading − fov/2)·π/180` and `a1 = a0 + fov·π/180`
 * @throws {InvalidInputError} on invalid sector parameters or malformed occluders
 * @example
 * const v = computeSectorVisibility(0, 0, 10, 0, 90, createOccluders(Float64Array.of(-10, 5, 10, 5)));
 * visibleArea(v) // 25
 */
export function computeSectorVisibility(
  cx: number, cy: number, r: number, headingDeg: number, fovDeg: number,
  occluders: Occluders, scratch?: VisibilityScratch, out?: VisibilityRegion,
): VisibilityRegion {
  validateSector('computeSectorVisibility', cx, cy, r, headingDeg, fovDeg);
  const full = fovDeg === 360;
  const span = full ? TWO_PI : fovDeg * DEG_TO_RAD;
  const a0 = (headingToAngleDeg(headingDeg) - fovDeg / 2) * DEG_TO_RAD;
  return computeVisibility(cx, cy, r, a0, a0 + span, full, occluders, scratch, out);
}

/** Interval index containing absolute angle th (clamped to the range). */
function findInterval(region: VisibilityRegion, th: number): number {
  const a = region.angles;
  let lo = 0;
  let hi = region.numIntervals - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid] <= th) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Distance along θ (absolute, inside interval k) to the boundary. */
function distanceIn(region: VisibilityRegion, k: number, th: number): number {
  if (region.kind[k] === VISIBILITY_ARC) return region.r;
  const nx = region.lineNx[k];
  const ny = region.lineNy[k];
  const den = nx * Math.cos(th) + ny * Math.sin(th);
  const t = (region.lineC[k] - nx * region.px - ny * region.py) / den;
  if (!(t > 0)) return den > 0 ? 0 : region.r;
  return t < region.r ? t : region.r;
}

/**
 * Visible distance from the apex along the ray of maths angle θ: r where the
 * ray meets no occluder, the distance to the first occluder otherwise, and 0
 * for a direction outside the camera's angular range. Binary search on the
 * interval angles.
 *
 * @param region - a region from {@link computeVisibility}
 * @param theta - ray angle, radians CCW from east (any finite value; taken modulo 2π)
 * @returns distance in metres, in [0, r]
 * @throws {InvalidInputError} if theta is not finite
 * @example
 * visibleDistance(computeSectorVisibility(0, 0, 10, 0, 90, occ), Math.PI / 2) // 5 with a wall at y = 5
 * @remarks O(log m).
 */
export function visibleDistance(region: VisibilityRegion, theta: number): number {
  if (!Number.isFinite(theta)) throw new InvalidInputError('visibleDistance', 'theta', 'must be a finite number (radians)', theta);
  const span = region.a1 - region.a0;
  let d = theta - region.a0;
  d -= TWO_PI * Math.floor(d / TWO_PI);
  if (d > span) {
    if (d > span + 1e-12) {
      if (TWO_PI - d <= 1e-12) d = 0; // just before a0
      else return 0;
    } else d = span;
  }
  const th = region.a0 + d;
  return distanceIn(region, findInterval(region, th), th);
}

/**
 * Whether point (x, y) is visible to the camera (closed set: points on the
 * boundary count). The apex itself is visible.
 *
 * @param region - a region from {@link computeVisibility}
 * @param px - apex x (m); the apex the region was computed for
 * @param py - apex y (m)
 * @param x - point x (m)
 * @param y - point y (m)
 * @returns true when the point lies in the visible region
 * @throws {InvalidInputError} on non-finite coordinates
 * @example
 * pointVisible(region, 0, 0, 0, 4) // true in front of a wall at y = 5
 * pointVisible(region, 0, 0, 0, 6) // false behind it
 * @remarks O(log m).
 */
export function pointVisible(region: VisibilityRegion, px: number, py: number, x: number, y: number): boolean {
  if (!Number.isFinite(px) || !Number.isFinite(py)) throw new InvalidInputError('pointVisible', 'px/py', 'must be finite numbers', [px, py]);
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new InvalidInputError('pointVisible', 'x/y', 'must be finite numbers', [x, y]);
  const dx = x - px;
  const dy = y - py;
  const d2 = dx * dx + dy * dy;
  if (d2 === 0) return true;
  const r = region.r;
  if (d2 > r * r * (1 + 1e-12)) return false;
  const dist = visibleDistance(region, Math.atan2(dy, dx));
  return Math.sqrt(d2) <= dist * (1 + 1e-12) + 1e-12;
}

/**
 * Exact area of the visible region: the sum over intervals of the circular
 * sector `r²Δθ/2` (arc intervals) or the triangle (P, hit(θk), hit(θk+1))
 * `t_k t_{k+1} sin(Δθ)/2` (line intervals).
 *
 * @param region - a region from {@link computeVisibility}
 * @returns area in m²
 * @example
 * visibleArea(computeSectorVisibility(0, 0, 10, 0, 360, createOccluders(new Float64Array(0)))) // 314.159…
 * @remarks O(m).
 */
export function visibleArea(region: VisibilityRegion): number {
  const m = region.numIntervals;
  const a = region.angles;
  const r = region.r;
  let area = 0;
  for (let k = 0; k < m; k++) {
    const dt = a[k + 1] - a[k];
    if (region.kind[k] === VISIBILITY_ARC) {
      area += (r * r * dt) / 2;
    } else {
      const t0 = distanceIn(region, k, a[k]);
      const t1 = distanceIn(region, k, a[k + 1]);
      area += (t0 * t1 * Math.sin(dt)) / 2;
    }
  }
  return area;
}

/**
 * The visible region as a closed, counter-clockwise GeoJSON-style ring
 * `[[x, y], …]` (first point repeated at the end): the apex (unless full),
 * then each interval's boundary in angle order — arcs as chords with vertices
 * on the arc, line intervals as their two end points — joined by the radial
 * shadow edges. Consecutive duplicate points are dropped. For oracles and
 * exports; the exact numbers come from {@link visibleArea}.
 *
 * @param region - a region from {@link computeVisibility}
 * @param arcSegmentsPerRadian - chords per radian of arc (default 32), > 0
 * @returns the closed ring
 * @throws {InvalidInputError} if arcSegmentsPerRadian is not a finite number > 0
 * @example
 * visibilityToPolygon(region, 64) // [[px, py], …, [px, py]]
 */
export function visibilityToPolygon(region: VisibilityRegion, arcSegmentsPerRadian = 32): number[][] {
  if (!(typeof arcSegmentsPerRadian === 'number' && arcSegmentsPerRadian > 0 && arcSegmentsPerRadian < Infinity)) {
    throw new InvalidInputError('visibilityToPolygon', 'arcSegmentsPerRadian', 'must be a finite number > 0', arcSegmentsPerRadian);
  }
  const pts: number[][] = [];
  const px = region.px;
  const py = region.py;
  const push = (x: number, y: number): void => {
    const last = pts[pts.length - 1];
    if (last !== undefined && Math.abs(last[0] - x) <= 1e-12 * (1 + Math.abs(x)) && Math.abs(last[1] - y) <= 1e-12 * (1 + Math.abs(y))) return;
    pts.push([x, y]);
  };
  if (!region.full) push(px, py);
  const a = region.angles;
  for (let k = 0; k < region.numIntervals; k++) {
    const t0 = a[k];
    const t1 = a[k + 1];
    if (region.kind[k] === VISIBILITY_ARC) {
      const n = Math.max(1, Math.ceil((t1 - t0) * arcSegmentsPerRadian));
      for (let i = 0; i <= n; i++) {
        const th = i === n ? t1 : t0 + ((t1 - t0) * i) / n;
        push(px + region.r * Math.cos(th), py + region.r * Math.sin(th));
      }
    } else {
      const d0 = distanceIn(region, k, t0);
      const d1 = distanceIn(region, k, t1);
      push(px + d0 * Math.cos(t0), py + d0 * Math.sin(t0));
      push(px + d1 * Math.cos(t1), py + d1 * Math.sin(t1));
    }
  }
  // Close the ring (for a full circle the last point is the first one again).
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length > 1 && Math.abs(first[0] - last[0]) <= 1e-9 * (1 + Math.abs(first[0])) && Math.abs(first[1] - last[1]) <= 1e-9 * (1 + Math.abs(first[1]))) pts.pop();
  pts.push([first[0], first[1]]);
  return pts;
}

/**
 * Circular sectors: the footprint of a camera without occlusion.
 *
 * A sector has an apex (cx, cy) in metres, a radius r > 0, a heading in
 * degrees clockwise from north and an opening angle `fov` in degrees, (0, 360];
 * 360 is the whole disc. In maths terms the heading is the angle
 * `a = (90 − heading)` (radians counter-clockwise from east, x axis) and the
 * sector spans the maths angles `[a − fov/2, a + fov/2]`. Every sector here is
 * a closed set (its boundary belongs to it).
 */
import { InvalidInputError, DEG_TO_RAD, headingToAngle } from '../core/index.js';
import { headingToAngleDeg } from '../core/internal.js';
import { segmentDiscInterval } from './segment.js';

const TWO_PI = 2 * Math.PI;
const HALF_PI = Math.PI / 2;

/** Module scratch for {@link unitDeg}: [cos, sin]. */
const unitScratch = new Float64Array(2);

/**
 * cos and sin of an angle in degrees (maths convention) into unitScratch,
 * exact at multiples of 90° so that axis-aligned sector edges are exact.
 */
function unitDeg(deg: number): void {
  let d = deg % 360;
  if (d < 0) d += 360;
  if (d === 0) {
    unitScratch[0] = 1;
    unitScratch[1] = 0;
  } else if (d === 90) {
    unitScratch[0] = 0;
    unitScratch[1] = 1;
  } else if (d === 180) {
    unitScratch[0] = -1;
    unitScratch[1] = 0;
  } else if (d === 270) {
    unitScratch[0] = 0;
    unitScratch[1] = -1;
  } else {
    const a = d * DEG_TO_RAD;
    unitScratch[0] = Math.cos(a);
    unitScratch[1] = Math.sin(a);
  }
}

/**
 * A sector precomputed for fast point tests ({@link pointInSectorFrame}) and
 * segment clipping ({@link segmentSectorFrameIntervals}): no trigonometry per
 * test, only cross products against the two edge directions.
 */
export interface SectorFrame {
  /** Apex x (m). */
  readonly cx: number;
  /** Apex y (m). */
  readonly cy: number;
  /** Radius (m). */
  readonly r: number;
  /** Radius squared (m²). */
  readonly r2: number;
  /** Unit direction of the start edge (maths angle a − fov/2). */
  readonly ux0: number;
  readonly uy0: number;
  /** Unit direction of the end edge (maths angle a + fov/2); equal to the start edge when fov = 360. */
  readonly ux1: number;
  readonly uy1: number;
  /** fov > 180°: the sector is the disc minus the open wedge from the end edge to the start edge. */
  readonly wide: boolean;
  /** fov = 360°: the whole disc. */
  readonly full: boolean;
  /** Maths angle of the start edge, radians (a − fov/2). */
  readonly a0: number;
  /** Opening angle in radians, (0, 2π]. */
  readonly span: number;
}

/**
 * Throws unless (cx, cy, r, heading, fov) describe a sector.
 * @internal
 */
export function validateSector(origin: string, cx: unknown, cy: unknown, r: unknown, headingDeg: unknown, fovDeg: unknown): void {
  if (typeof cx !== 'number' || !Number.isFinite(cx)) throw new InvalidInputError(origin, 'cx', 'must be a finite number', cx);
  if (typeof cy !== 'number' || !Number.isFinite(cy)) throw new InvalidInputError(origin, 'cy', 'must be a finite number', cy);
  validateRadiusFov(origin, r, fovDeg);
  if (typeof headingDeg !== 'number' || !Number.isFinite(headingDeg)) throw new InvalidInputError(origin, 'heading', 'must be a finite number (degrees clockwise from north)', headingDeg);
}

function validateRadiusFov(origin: string, r: unknown, fovDeg: unknown): void {
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0) throw new InvalidInputError(origin, 'r', 'must be a finite number > 0', r);
  if (typeof fovDeg !== 'number' || !Number.isFinite(fovDeg) || fovDeg <= 0 || fovDeg > 360) throw new InvalidInputError(origin, 'fov', 'must be in (0, 360]', fovDeg);
}

/**
 * Precomputes a sector for fast repeated tests.
 *
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m), > 0
 * @param headingDeg - degrees clockwise from north
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @returns the {@link SectorFrame}
 * @throws {InvalidInputError} on a non-finite apex or heading, r ≤ 0, or fov outside (0, 360]
 * @example
 * const f = sectorFrame(0, 0, 10, 0, 90); // looking north, 90° wide
 * pointInSectorFrame(f, 0, 5) // true
 */
export function sectorFrame(cx: number, cy: number, r: number, headingDeg: number, fovDeg: number): SectorFrame {
  validateSector('sectorFrame', cx, cy, r, headingDeg, fovDeg);
  const span = fovDeg * DEG_TO_RAD;
  const a0Deg = headingToAngleDeg(headingDeg) - fovDeg / 2;
  const a0 = a0Deg * DEG_TO_RAD;
  const full = fovDeg === 360;
  unitDeg(a0Deg);
  const ux0 = unitScratch[0];
  const uy0 = unitScratch[1];
  unitDeg(a0Deg + fovDeg);
  return {
    cx,
    cy,
    r,
    r2: r * r,
    ux0,
    uy0,
    ux1: full ? ux0 : unitScratch[0],
    uy1: full ? uy0 : unitScratch[1],
    wide: fovDeg > 180,
    full,
    a0,
    span,
  };
}

/**
 * Whether point (px, py) lies in a precomputed sector (closed set). No
 * trigonometry: a distance test and two cross products. No validation (the
 * frame was validated when it was made).
 *
 * @param f - the sector, from {@link sectorFrame}
 * @param px - point x (m)
 * @param py - point y (m)
 * @returns true when the point is in the sector or on its boundary
 * @example
 * pointInSectorFrame(sectorFrame(0, 0, 10, 90, 60), 5, 0) // true (east of the apex)
 * @remarks O(1).
 */
export function pointInSectorFrame(f: SectorFrame, px: number, py: number): boolean {
  const dx = px - f.cx;
  const dy = py - f.cy;
  if (!(dx * dx + dy * dy <= f.r2)) return false;
  const c0 = f.ux0 * dy - f.uy0 * dx; // u0 × d: ≥ 0 when d is CCW of the start edge
  const c1 = dx * f.uy1 - dy * f.ux1; // d × u1: ≥ 0 when d is CW of the end edge
  if (!f.wide) return c0 >= 0 && c1 >= 0;
  // Disc minus the open wedge from u1 (CCW) to u0: d in that wedge iff u1 × d > 0 and d × u0 > 0.
  return !(c1 < 0 && c0 < 0);
}

/**
 * Whether point (px, py) lies in the sector (closed set). For many tests
 * against one sector, make a {@link sectorFrame} once and use
 * {@link pointInSectorFrame}.
 *
 * @param px - point x (m)
 * @param py - point y (m)
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m), > 0
 * @param headingDeg - degrees clockwise from north
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @returns true when the point is in the sector or on its boundary
 * @throws {InvalidInputError} on invalid sector parameters
 * @example
 * pointInSector(0, 5, 0, 0, 10, 0, 90) // true: 5 m north of a camera looking north
 * pointInSector(0, -5, 0, 0, 10, 0, 90) // false: behind it
 */
export function pointInSector(px: number, py: number, cx: number, cy: number, r: number, headingDeg: number, fovDeg: number): boolean {
  validateSector('pointInSector', cx, cy, r, headingDeg, fovDeg);
  const dx = px - cx;
  const dy = py - cy;
  if (!(dx * dx + dy * dy <= r * r)) return false;
  if (fovDeg === 360) return true;
  const a0Deg = headingToAngleDeg(headingDeg) - fovDeg / 2;
  unitDeg(a0Deg);
  const ux0 = unitScratch[0];
  const uy0 = unitScratch[1];
  unitDeg(a0Deg + fovDeg);
  const ux1 = unitScratch[0];
  const uy1 = unitScratch[1];
  const c0 = ux0 * dy - uy0 * dx;
  const c1 = dx * uy1 - dy * ux1;
  if (fovDeg <= 180) return c0 >= 0 && c1 >= 0;
  return !(c1 < 0 && c0 < 0);
}

/**
 * Tight bounding box of a sector given in maths radians, written into `out`
 * at `offset` as minX, minY, maxX, maxY. Includes the apex (unless full),
 * both arc ends and the arc's extreme points at the axis angles 0, π/2, π,
 * 3π/2 that fall inside the angular range. Unchecked (for hot loops).
 *
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m)
 * @param a0 - start angle, radians CCW from east
 * @param span - opening angle in radians, (0, 2π]
 * @param out - receives the box
 * @param offset - index of minX in `out`
 * @returns nothing; `out[offset … offset + 3]` is written
 * @example
 * const b = new Float64Array(4);
 * sectorBoundsRadInto(0, 0, 1, 0, Math.PI / 2, b, 0); // b = [0, 0, 1, 1]
 */
export function sectorBoundsRadInto(cx: number, cy: number, r: number, a0: number, span: number, out: Float64Array | number[], offset: number): void {
  if (span >= TWO_PI) {
    out[offset] = cx - r;
    out[offset + 1] = cy - r;
    out[offset + 2] = cx + r;
    out[offset + 3] = cy + r;
    return;
  }
  const x0 = cx + r * Math.cos(a0);
  const y0 = cy + r * Math.sin(a0);
  const x1 = cx + r * Math.cos(a0 + span);
  const y1 = cy + r * Math.sin(a0 + span);
  let minX = Math.min(cx, x0, x1);
  let maxX = Math.max(cx, x0, x1);
  let minY = Math.min(cy, y0, y1);
  let maxY = Math.max(cy, y0, y1);
  // Relative position of angle 0 within the range, then the other axis angles.
  let rel = -a0 % TWO_PI;
  if (rel < 0) rel += TWO_PI;
  for (let k = 0; k < 4; k++) {
    let q = rel + k * HALF_PI;
    if (q >= TWO_PI) q -= TWO_PI;
    if (q <= span) {
      // axis angle k·π/2: 0 → +x, 1 → +y, 2 → −x, 3 → −y
      if (k === 0) maxX = cx + r;
      else if (k === 1) maxY = cy + r;
      else if (k === 2) minX = cx - r;
      else minY = cy - r;
    }
  }
  out[offset] = minX;
  out[offset + 1] = minY;
  out[offset + 2] = maxX;
  out[offset + 3] = maxY;
}

/**
 * Tight bounding box of a sector.
 *
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m), > 0
 * @param headingDeg - degrees clockwise from north
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @returns `[minX, minY, maxX, maxY]`
 * @throws {InvalidInputError} on invalid sector parameters
 * @example
 * sectorBounds(0, 0, 10, 0, 90) // ≈ [-7.07, 0, 7.07, 10]: the arc's top point (0, 10) counts
 */
export function sectorBounds(cx: number, cy: number, r: number, headingDeg: number, fovDeg: number): [number, number, number, number] {
  validateSector('sectorBounds', cx, cy, r, headingDeg, fovDeg);
  const out: [number, number, number, number] = [0, 0, 0, 0];
  const span = fovDeg * DEG_TO_RAD;
  sectorBoundsRadInto(cx, cy, r, headingToAngle(headingDeg) - span / 2, fovDeg === 360 ? TWO_PI : span, out, 0);
  return out;
}

/**
 * Area of a sector: `fov_rad · r² / 2` (π r² for a disc).
 *
 * @param r - radius (m), > 0
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @returns area in m²
 * @throws {InvalidInputError} on r ≤ 0 or fov outside (0, 360]
 * @example
 * sectorArea(10, 90) // 78.54 (a quarter of π·100)
 */
export function sectorArea(r: number, fovDeg: number): number {
  validateRadiusFov('sectorArea', r, fovDeg);
  return (fovDeg * DEG_TO_RAD * r * r) / 2;
}

/**
 * Perimeter of a sector: the arc plus the two radii (`r · fov_rad + 2r`); a
 * disc (fov = 360) has no radii, so its perimeter is 2πr.
 *
 * @param r - radius (m), > 0
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @returns perimeter in m
 * @throws {InvalidInputError} on r ≤ 0 or fov outside (0, 360]
 * @example
 * sectorPerimeter(10, 360) // 62.83
 */
export function sectorPerimeter(r: number, fovDeg: number): number {
  validateRadiusFov('sectorPerimeter', r, fovDeg);
  if (fovDeg === 360) return TWO_PI * r;
  return r * fovDeg * DEG_TO_RAD + 2 * r;
}

/**
 * Largest `segmentsPerFullCircle` {@link sectorToPolygon} accepts. A million
 * chords already match the arc to a relative area error of about 7e-12
 * ((2π/n)²/6); more would only build rings of tens of megabytes per sector
 * (unchecked, a value like 1e9 made the call hang).
 */
export const MAX_SEGMENTS_PER_FULL_CIRCLE = 1_000_000;

/**
 * The sector as a polygon: a closed, counter-clockwise GeoJSON-style ring
 * `[[x, y], …, [x, y]]` (first point repeated at the end). The arc is replaced
 * by chords with vertices on the arc (an inscribed polygon), about
 * `segmentsPerFullCircle · fov / 360` of them. For fov = 360 the ring is the
 * inscribed regular polygon (no apex). Used by test oracles and exports.
 *
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m), > 0
 * @param headingDeg - degrees clockwise from north
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @param segmentsPerFullCircle - chords per 360° of arc, integer in [3, {@link MAX_SEGMENTS_PER_FULL_CIRCLE}] (default 720)
 * @returns the closed ring
 * @throws {InvalidInputError} on invalid sector parameters or segment count
 * @example
 * sectorToPolygon(0, 0, 1, 90, 90, 4) // [[0,0], [0.707,-0.707], [0.707,0.707], [0,0]]
 * @remarks O(segmentsPerFullCircle). The inscribed polygon's area falls short of the sector's by a relative ≈ (2π/n)²/6.
 */
export function sectorToPolygon(cx: number, cy: number, r: number, headingDeg: number, fovDeg: number, segmentsPerFullCircle = 720): number[][] {
  validateSector('sectorToPolygon', cx, cy, r, headingDeg, fovDeg);
  if (!Number.isInteger(segmentsPerFullCircle) || segmentsPerFullCircle < 3 || segmentsPerFullCircle > MAX_SEGMENTS_PER_FULL_CIRCLE) {
    throw new InvalidInputError('sectorToPolygon', 'segmentsPerFullCircle', `must be an integer in [3, ${MAX_SEGMENTS_PER_FULL_CIRCLE}]`, segmentsPerFullCircle);
  }
  const span = fovDeg * DEG_TO_RAD;
  const a0 = headingToAngle(headingDeg) - span / 2;
  const ring: number[][] = [];
  if (fovDeg === 360) {
    const n = segmentsPerFullCircle;
    for (let i = 0; i < n; i++) {
      const a = a0 + (i * TWO_PI) / n;
      ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  } else {
    const n = Math.max(1, Math.ceil((segmentsPerFullCircle * fovDeg) / 360));
    ring.push([cx, cy]);
    for (let i = 0; i <= n; i++) {
      const a = a0 + (i * span) / n;
      ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Clips [lo, hi] to {t : g0 + t·g1 ≥ 0}; returns the new bounds packed in the module scratch. */
const clipScratch = new Float64Array(2);
function clipGE(g0: number, g1: number, lo: number, hi: number): boolean {
  if (g1 === 0) {
    clipScratch[0] = lo;
    clipScratch[1] = hi;
    return g0 >= 0;
  }
  const t = -g0 / g1;
  if (g1 > 0) {
    clipScratch[0] = t > lo ? t : lo;
    clipScratch[1] = hi;
  } else {
    clipScratch[0] = lo;
    clipScratch[1] = t < hi ? t : hi;
  }
  return clipScratch[0] <= clipScratch[1];
}

const discScratch = new Float64Array(2);

/**
 * The parameter intervals `t ∈ [0, 1]` of segment (x0, y0)–(x1, y1) that lie
 * inside a precomputed sector, exactly: the circle–line quadratic for the
 * disc, then the half-planes of the two edges (one interval when fov ≤ 180;
 * the disc minus the excluded wedge, so up to two intervals, when fov > 180).
 * Intervals of zero length (a segment touching the sector in a point) are not
 * reported. Allocation-free and unchecked (the frame was validated when made).
 *
 * @param f - the sector, from {@link sectorFrame}
 * @param x0 - segment start x (m)
 * @param y0 - segment start y (m)
 * @param x1 - segment end x (m)
 * @param y1 - segment end y (m)
 * @param out - receives `[tStart0, tEnd0, tStart1, tEnd1]` (length ≥ 4), intervals in increasing t
 * @returns the number of intervals written (0, 1 or 2)
 * @example
 * const out = new Float64Array(4);
 * segmentSectorFrameIntervals(sectorFrame(0, 0, 10, 0, 90), -20, 5, 20, 5, out) // 1, out ≈ [0.375, 0.625]
 * @remarks O(1).
 */
export function segmentSectorFrameIntervals(f: SectorFrame, x0: number, y0: number, x1: number, y1: number, out: Float64Array): number {
  return segmentIntervalsCore(f.cx, f.cy, f.r, f.ux0, f.uy0, f.ux1, f.uy1, f.wide, f.full, x0, y0, x1, y1, out);
}

function segmentIntervalsCore(
  cx: number, cy: number, r: number, ux0: number, uy0: number, ux1: number, uy1: number, wide: boolean, full: boolean,
  x0: number, y0: number, x1: number, y1: number, out: Float64Array,
): number {
  // The segment relative to the apex, clipped to the disc.
  if (!segmentDiscInterval(x0 - cx, y0 - cy, x1 - cx, y1 - cy, 0, 0, r, discScratch)) return 0;
  let lo = discScratch[0];
  let hi = discScratch[1];
  if (full) {
    out[0] = lo;
    out[1] = hi;
    return 1;
  }
  const fx = x0 - cx;
  const fy = y0 - cy;
  const dx = x1 - x0;
  const dy = y1 - y0;
  // u0 × (f + t d) and (f + t d) × u1, both linear in t.
  const g0a = ux0 * fy - uy0 * fx;
  const g1a = ux0 * dy - uy0 * dx;
  const g0b = fx * uy1 - fy * ux1;
  const g1b = dx * uy1 - dy * ux1;
  if (!wide) {
    if (!clipGE(g0a, g1a, lo, hi)) return 0;
    lo = clipScratch[0];
    hi = clipScratch[1];
    if (!clipGE(g0b, g1b, lo, hi)) return 0;
    lo = clipScratch[0];
    hi = clipScratch[1];
    if (!(hi > lo)) return 0;
    out[0] = lo;
    out[1] = hi;
    return 1;
  }
  // Excluded open wedge W: u1 × d > 0 and d × u0 > 0, i.e. −g0b − t g1b > 0 and −g0a − t g1a > 0.
  let wlo = -Infinity;
  let whi = Infinity;
  let wEmpty = false;
  if (!clipGE(-g0b, -g1b, wlo, whi)) wEmpty = true;
  else {
    wlo = clipScratch[0];
    whi = clipScratch[1];
    if (!clipGE(-g0a, -g1a, wlo, whi)) wEmpty = true;
    else {
      wlo = clipScratch[0];
      whi = clipScratch[1];
      if (!(whi > wlo)) wEmpty = true;
    }
  }
  if (wEmpty || whi <= lo || wlo >= hi) {
    out[0] = lo;
    out[1] = hi;
    return 1;
  }
  let n = 0;
  if (wlo > lo) {
    out[0] = lo;
    out[1] = wlo;
    n = 1;
  }
  if (whi < hi) {
    out[2 * n] = whi;
    out[2 * n + 1] = hi;
    n++;
  }
  return n;
}

/**
 * The parameter intervals `t ∈ [0, 1]` of segment (x0, y0)–(x1, y1) inside
 * the sector, exactly (see {@link segmentSectorFrameIntervals}, which this
 * calls after validating; use that one with a frame in loops).
 *
 * @param x0 - segment start x (m)
 * @param y0 - segment start y (m)
 * @param x1 - segment end x (m)
 * @param y1 - segment end y (m)
 * @param cx - apex x (m)
 * @param cy - apex y (m)
 * @param r - radius (m), > 0
 * @param headingDeg - degrees clockwise from north
 * @param fovDeg - opening angle in degrees, (0, 360]
 * @param out - receives `[tStart0, tEnd0, tStart1, tEnd1]` (length ≥ 4)
 * @returns the number of intervals (0, 1 or 2; 2 only when fov > 180)
 * @throws {InvalidInputError} on invalid sector parameters, non-finite segment coordinates or an `out` shorter than 4
 * @example
 * const out = new Float64Array(4);
 * segmentSectorIntervals(-20, 5, 20, 5, 0, 0, 10, 0, 90, out) // 1: t ∈ [0.375, 0.625], x ∈ [-5, 5]
 */
export function segmentSectorIntervals(
  x0: number, y0: number, x1: number, y1: number,
  cx: number, cy: number, r: number, headingDeg: number, fovDeg: number,
  out: Float64Array,
): number {
  const origin = 'segmentSectorIntervals';
  validateSector(origin, cx, cy, r, headingDeg, fovDeg);
  if (!Number.isFinite(x0)) throw new InvalidInputError(origin, 'x0', 'must be a finite number', x0);
  if (!Number.isFinite(y0)) throw new InvalidInputError(origin, 'y0', 'must be a finite number', y0);
  if (!Number.isFinite(x1)) throw new InvalidInputError(origin, 'x1', 'must be a finite number', x1);
  if (!Number.isFinite(y1)) throw new InvalidInputError(origin, 'y1', 'must be a finite number', y1);
  if (!(out instanceof Float64Array) || out.length < 4) throw new InvalidInputError(origin, 'out', 'must be a Float64Array of length ≥ 4', out);
  const a0Deg = headingToAngleDeg(headingDeg) - fovDeg / 2;
  const full = fovDeg === 360;
  unitDeg(a0Deg);
  const ux0 = unitScratch[0];
  const uy0 = unitScratch[1];
  unitDeg(a0Deg + fovDeg);
  const ux1 = full ? ux0 : unitScratch[0];
  const uy1 = full ? uy0 : unitScratch[1];
  return segmentIntervalsCore(cx, cy, r, ux0, uy0, ux1, uy1, fovDeg > 180, full, x0, y0, x1, y1, out);
}

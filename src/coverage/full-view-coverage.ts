/**
 * Full-view (face-on) coverage: a point is full-view covered with effective
 * angle θ when, whichever way a person standing there faces, some camera
 * that covers the point sees the face within θ of frontal (Y. Wang and
 * G. Cao, "On full-view coverage in camera sensor networks", IEEE INFOCOM
 * 2011). Equivalently: sort the directions from the point to the cameras
 * covering it; the point is full-view covered iff the largest circular gap
 * between consecutive directions is at most 2θ.
 *
 * For a pedestrian walking along a street the facing direction is the
 * walking direction: the point is covered face-on for that direction iff
 * some covering camera lies within θ of it.
 *
 * Methods:
 * - **streets, exact**: along a straight segment the covering set changes
 *   only where the segment crosses a footprint boundary; a camera is within θ
 *   of the walking direction on a half-line of the segment (closed form, as
 *   the street exposure profile's frontalUntil / frontalFrom); and the angle
 *   two cameras subtend at the walker equals 2θ (or 2π − 2θ) only on the two
 *   circles through both cameras with radius |C₁C₂| / (2 sin 2θ) (inscribed
 *   angle theorem). Splitting the segment at all these points leaves pieces
 *   on which every condition is constant; each piece is classified at its
 *   midpoint. Exact up to floating point.
 * - **area, sampled**: a jittered (stratified) grid of points over the study
 *   area's bounding box, one uniform point per cell, kept when inside the
 *   area; each kept point is classified exactly. Shares come with a Wilson
 *   score interval at the requested confidence, computed as if the kept
 *   points were independent uniform points: stratification can only lower
 *   the variance (the interval is conservative).
 * - **share of the covered area, sampled**: independent points exactly
 *   uniform on the covered part of the study area (pick a footprint with
 *   probability ∝ its bounding box, a uniform point in the box, keep it when
 *   inside that footprint and the area, then with probability 1 / (number of
 *   footprints containing it)); the share of full-view points among them,
 *   with its Wilson score interval (exact i.i.d. Bernoulli sampling, so the
 *   interval's coverage is the nominal one up to Wilson's approximation).
 *   Covered areas are small (at the identify level well below 1 % of a
 *   city), so this share is not left to the few grid points that land there.
 */
import Flatbush from 'flatbush';
import { InvalidInputError, type Bounds, type Rng, type Seed } from '../core/index.js';
import { checkOptions, optionKeys, toRng } from '../core/internal.js';
import { CameraSet } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { checkLevel, type CoverageLevel, type Footprints } from './footprints.js';
import { prepareFootprints } from './prepare.js';
import { resolveStudyArea, relativeLocator, type StudyAreaInput } from './study-area.js';
import { streetSegments } from './street-coverage.js';
import { footprintContains, maxSplitsOf, splitSegmentByFootprint } from './union-engine.js';

/** Defaults of {@link computeFullViewCoverage}, with their reasons. */
export const FULL_VIEW_COVERAGE_DEFAULTS = {
  /** Face identification needs the DORI "identify" level (250 px/m, EN 62676-4:2015). */
  level: 'identify' as CoverageLevel,
  /** As computeCoverage: no clipping by buildings unless asked (occlusion needs building data). */
  occlusion: false,
  /**
   * Effective angle θ, degrees. **Assumption** (no measured threshold found):
   * 45°, half-way between frontal and profile; plausible range 30°–60°
   * (ASSUMPTION_REGISTRY `faceAngle`, `fullViewAngle`). Wang & Cao (INFOCOM
   * 2011, SOURCES['wang-cao-2011']) leave θ a free parameter (θ ≤ π/2 in
   * their analysis); recognition accuracy falls as the face turns towards
   * profile (Sengupta et al., WACV 2016, SOURCES['sengupta-2016']: algorithms
   * lose more than 10 points of accuracy from frontal–frontal to
   * frontal–profile pairs). The street exposure profile's `faceAngle`
   * (the walking-direction face-on test of the exposure model) uses this value.
   */
  effectiveAngle: 45,
  /**
   * Sample points in the study area (expected number kept). 20,000 points
   * give a 95 % Wilson half-width below 0.7 percentage points for any share
   * (z·√(0.25/n)); raise it for small shares.
   */
  samples: 20_000,
  /**
   * Points drawn uniformly on the covered area for the full-view share of it
   * (the same 0.7-point half-width as `samples`).
   */
  coveredSamples: 20_000,
  /** Seed of the jittered grid. A fixed seed, so that a call without one gives the same result every time. */
  seed: 1 as Seed,
  /** Confidence of the reported intervals (normal quantile from it; 0.95 → z ≈ 1.96). */
  confidence: 0.95,
  /** With a city that has streets: the exact street-length part. */
  streets: true,
} as const;

/** Options of {@link computeFullViewCoverage}. */
export interface FullViewCoverageOptions {
  /** Study area as `[minX, minY, maxX, maxY]` in metres. */
  bounds?: Bounds;
  /** Study area as a polygon or multipolygon in metres (instead of `bounds`). */
  area?: StudyAreaInput;
  /** A city: its boundary is the default study area, its buildings the occluders, its streets the street part. */
  city?: Pick<City, 'streets'> & Partial<Pick<City, 'boundary' | 'buildings'>>;
  /** DORI level or `range` (default `identify`). */
  level?: CoverageLevel;
  /** Clip footprints by buildings (default false). Needs `city` or `buildings`. */
  occlusion?: boolean;
  /** Occluders when `occlusion` is on (default `city.buildings`). */
  buildings?: BuildingSet;
  /** Effective angle θ in degrees, in (0, 180] (default 45, an assumption). */
  effectiveAngle?: number;
  /** Expected number of sample points inside the study area (integer in [1, 10,000,000]); 0 skips the area part. */
  samples?: number;
  /** Points drawn uniformly on the covered area for `fullViewOfCovered` (integer in [0, 10,000,000]); 0 takes it from the grid points. */
  coveredSamples?: number;
  /** Seed of the sample points. */
  seed?: Seed | Rng;
  /** Confidence of the intervals, in (0, 1) (default 0.95). */
  confidence?: number;
  /** Compute the exact street part when `city` has streets (default true). */
  streets?: boolean;
}

const FULL_VIEW_OPTION_KEYS = optionKeys<FullViewCoverageOptions>()(FULL_VIEW_COVERAGE_DEFAULTS, ['bounds', 'area', 'city', 'buildings']);

/** A sampled share with its interval. */
export interface SampledShare {
  share: number;
  /** Interval at the requested confidence (Wilson score). */
  low: number;
  high: number;
  /** Points counted (numerator) and points it is a share of (denominator). */
  count: number;
  of: number;
}

/** Area part of {@link FullViewCoverageResult}: sampled. */
export interface FullViewAreaResult {
  /** m² of the study area. */
  studyArea: number;
  /** Sample points inside the study area. */
  samples: number;
  /** Share of the study area inside at least one footprint at the level. */
  covered: SampledShare;
  /** Share of the study area full-view covered. */
  fullView: SampledShare;
  /**
   * Share of the covered area that is full-view covered: among `coveredSamples` points drawn uniformly on the
   * covered area (or, with `coveredSamples: 0`, among the covered grid points).
   */
  fullViewOfCovered: SampledShare;
  method: 'jittered-grid sampling, Wilson score interval (conservative for stratified points)';
  /** How fullViewOfCovered was sampled. */
  coveredMethod: 'uniform points on the covered area, Wilson score interval' | 'covered grid points, Wilson score interval';
}

/** Street part of {@link FullViewCoverageResult}: exact lengths (metres) over all street segments of the city. */
export interface FullViewStreetResult {
  totalLength: number;
  /** Inside at least one footprint at the level. */
  coveredLength: number;
  /** Full-view covered (every facing direction). */
  fullViewLength: number;
  /** Face-on for a pedestrian walking source → target of each segment, and target → source. */
  forwardLength: number;
  backwardLength: number;
  /** Face-on for both walking directions, and for at least one. */
  bothDirectionsLength: number;
  eitherDirectionLength: number;
  /** Shares of totalLength. */
  coveredShare: number;
  fullViewShare: number;
  /** Mean of the two walking directions: (forward + backward) / (2 · total). */
  walkingShare: number;
  bothDirectionsShare: number;
  /** Shares of the covered length (0 when nothing is covered). */
  fullViewOfCovered: number;
  walkingOfCovered: number;
  /** Per segment (streetSegments order): covered, full-view, forward and backward face-on metres. */
  perSegment: { covered: Float64Array; fullView: Float64Array; forward: Float64Array; backward: Float64Array };
  method: 'exact';
}

/** Result of {@link computeFullViewCoverage}: plain data. */
export interface FullViewCoverageResult {
  /** Null when `samples` is 0. */
  area: FullViewAreaResult | null;
  /** Null without a city with streets, or with `streets: false`. */
  streets: FullViewStreetResult | null;
  /** Cameras whose footprint can reach the study area (or the streets). */
  numCamerasConsidered: number;
  params: {
    level: CoverageLevel;
    occlusion: boolean;
    /** Degrees. */
    effectiveAngle: number;
    samples: number;
    coveredSamples: number;
    confidence: number;
    seed: string | null;
    studyArea: 'bounds' | 'polygon';
    cameras: unknown;
  };
}

const ORIGIN = 'computeFullViewCoverage';
/** Angular tolerance (radians) of the gap test: a gap within 1e-9 rad of 2θ counts as closed (rounding of atan2). */
const GAP_EPS = 1e-9;

/**
 * Largest circular gap (radians) between the directions `ang[0 … k)` (any
 * real angles in radians); sorts them in place. 2π for one direction, and
 * for none.
 *
 * @param ang - directions in radians (modified: reduced to [0, 2π) and sorted)
 * @param k - how many of them
 * @returns the largest gap, in [0, 2π]
 * @example largestAngularGap(Float64Array.of(0, 2.0944, 4.1888), 3) // ≈ 2.0944 (120°)
 */
export function largestAngularGap(ang: Float64Array, k: number): number {
  if (k <= 1) return 2 * Math.PI;
  const TWO_PI = 2 * Math.PI;
  for (let i = 0; i < k; i++) {
    let a = ang[i] % TWO_PI;
    if (a < 0) a += TWO_PI;
    ang[i] = a;
  }
  const s = ang.subarray(0, k).sort();
  let gap = s[0] + TWO_PI - s[k - 1];
  for (let i = 1; i < k; i++) {
    const g = s[i] - s[i - 1];
    if (g > gap) gap = g;
  }
  return gap;
}

/** z for a two-sided interval at `confidence` (inverse normal CDF, Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Share x / n with its Wilson score interval (z); 0 of 0 gives share 0 and [0, 1]. */
function sampledShare(x: number, n: number, z: number): SampledShare {
  if (n === 0) return { share: 0, low: 0, high: 1, count: 0, of: 0 };
  const p = x / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  return { share: p, low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half), count: x, of: n };
}

/**
 * Classifies one point (relative coordinates) against the footprints in
 * `cand`: returns 0 when no footprint covers it, 1 when covered but not
 * full-view, 2 when full-view covered; `ang` is scratch (length ≥ cand.length).
 */
function classifyPoint(fp: Footprints, cand: ArrayLike<number>, x: number, y: number, twoTheta: number, ang: Float64Array): number {
  let k = 0;
  for (let i = 0; i < cand.length; i++) {
    const j = cand[i];
    if (!footprintContains(fp, j, x, y)) continue;
    const dx = fp.cx[j] - x;
    const dy = fp.cy[j] - y;
    if (dx === 0 && dy === 0) continue; // at the apex: no direction (a null set)
    ang[k++] = Math.atan2(dy, dx);
  }
  if (k === 0) return 0;
  return largestAngularGap(ang, k) <= twoTheta + GAP_EPS ? 2 : 1;
}

/**
 * Full-view (face-on) coverage of a camera network at one DORI level: the
 * share of a study area that is full-view covered (sampled, with an
 * interval), and, for a city with streets, the exact street length that is
 * full-view covered and the length covered face-on for a pedestrian walking
 * each way along each street (Wang & Cao, INFOCOM 2011; see the file's
 * header for the method).
 *
 * A camera covers a point when the point lies in its footprint at `level`
 * (clipped by buildings with `occlusion`). Angles are measured in the ground
 * plane, from the point to the camera's position (its height is ignored).
 *
 * @param cameras - the camera set
 * @param options - study area (`bounds`, `area` or `city`), `level`, `occlusion` / `buildings`, `effectiveAngle`,
 *   `samples`, `seed`, `confidence`, `streets`; defaults {@link FULL_VIEW_COVERAGE_DEFAULTS}
 * @returns the area part (sampled shares with intervals) and the street part (exact lengths), with the parameters
 * @throws {InvalidInputError} when cameras is not a CameraSet, the study area is missing or invalid, the level is
 *   unknown, occlusion has no buildings, effectiveAngle is not in (0, 180], samples is not an integer in
 *   [0, 10,000,000], confidence is not in (0, 1), or streets is not a boolean
 * @example
 * const r = computeFullViewCoverage(cameras, { city, occlusion: true });
 * r.streets?.fullViewOfCovered; // share of identify-level street coverage that is full-view
 * r.area?.fullView.share;       // share of the city full-view covered, with r.area.fullView.low/high
 *
 * Complexity: area O(samples · footprints near a point); streets
 * O(Σ over segments of (K² + pieces · K log K)) for K footprints near a segment.
 */
export function computeFullViewCoverage(cameras: CameraSet, options: FullViewCoverageOptions): FullViewCoverageResult {
  checkOptions(ORIGIN, options, FULL_VIEW_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const D = FULL_VIEW_COVERAGE_DEFAULTS;
  const level = checkLevel(ORIGIN, options.level ?? D.level);
  const occlusion = options.occlusion ?? D.occlusion;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.occlusion', 'must be a boolean', occlusion);
  const city = options.city;
  const buildings = options.buildings ?? city?.buildings;
  if (occlusion && !buildings) throw new InvalidInputError(ORIGIN, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, ORIGIN, options.buildings ? 'options.buildings' : 'city.buildings');
  const theta = options.effectiveAngle ?? D.effectiveAngle;
  if (typeof theta !== 'number' || !(theta > 0 && theta <= 180)) throw new InvalidInputError(ORIGIN, 'options.effectiveAngle', 'must be a number of degrees in (0, 180]', theta);
  const samples = options.samples ?? D.samples;
  if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 0 || samples > 10_000_000) throw new InvalidInputError(ORIGIN, 'options.samples', 'must be an integer in [0, 10000000]', samples);
  const coveredSamples = options.coveredSamples ?? D.coveredSamples;
  if (typeof coveredSamples !== 'number' || !Number.isInteger(coveredSamples) || coveredSamples < 0 || coveredSamples > 10_000_000) throw new InvalidInputError(ORIGIN, 'options.coveredSamples', 'must be an integer in [0, 10000000]', coveredSamples);
  const confidence = options.confidence ?? D.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new InvalidInputError(ORIGIN, 'options.confidence', 'must be a number in (0, 1)', confidence);
  const wantStreets = options.streets ?? D.streets;
  if (typeof wantStreets !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.streets', 'must be a boolean', wantStreets);
  const areaInput = options.bounds === undefined && options.area === undefined && city ? city.boundary : options.area;
  const resolved = resolveStudyArea(ORIGIN, options.bounds, areaInput);
  const rng = toRng(options.seed ?? D.seed, ORIGIN, 'options.seed').stream('full-view-samples');
  const occluders = occlusion && buildings ? buildings : null;
  const thetaRad = (theta * Math.PI) / 180;
  const twoTheta = 2 * thetaRad;
  const z = normalQuantile(0.5 + confidence / 2);

  // Area part.
  const [bx0, by0, bx1, by1] = resolved.bbox;
  const ox = (bx0 + bx1) / 2;
  const oy = (by0 + by1) / 2;
  let numConsidered = 0;
  let area: FullViewAreaResult | null = null;
  {
    const { fp } = prepareFootprints(cameras, level, resolved.bbox, ox, oy, occluders, null);
    numConsidered = fp.n;
    const locator = relativeLocator(resolved, ox, oy);
    const studyArea = locator.area;
    if (!(studyArea > 0 && studyArea < Infinity)) throw new InvalidInputError(ORIGIN, resolved.isBox ? 'options.bounds' : 'options.area', 'must have a positive, finite area', studyArea);
    if (samples > 0) {
      const index = footprintIndex(fp);
      const w = bx1 - bx0;
      const h = by1 - by0;
      // Cells over the box so that about `samples` fall inside the area; square-ish cells.
      const cells = Math.max(1, Math.ceil((samples * w * h) / studyArea));
      const side = Math.sqrt((w * h) / cells);
      const nx = Math.max(1, Math.round(w / side));
      const ny = Math.max(1, Math.ceil(cells / nx));
      const cw = w / nx;
      const ch = h / ny;
      const ang = new Float64Array(Math.max(16, fp.n));
      let kept = 0;
      let covered = 0;
      let full = 0;
      for (let iy = 0; iy < ny; iy++) {
        for (let ix = 0; ix < nx; ix++) {
          const x = bx0 - ox + (ix + rng.next()) * cw;
          const y = by0 - oy + (iy + rng.next()) * ch;
          if (!locator.contains(x, y)) continue;
          kept++;
          if (index === null) continue;
          const c = classifyPoint(fp, index.search(x, y, x, y), x, y, twoTheta, ang);
          if (c > 0) covered++;
          if (c === 2) full++;
        }
      }
      let ofCovered = sampledShare(full, covered, z);
      if (coveredSamples > 0 && index !== null) {
        const u = sampleCovered(fp, index, locator, [bx0 - ox, by0 - oy, bx1 - ox, by1 - oy], coveredSamples, rng.stream('covered'), twoTheta, ang);
        ofCovered = sampledShare(u.full, u.n, z);
      }
      area = {
        studyArea,
        samples: kept,
        covered: sampledShare(covered, kept, z),
        fullView: sampledShare(full, kept, z),
        fullViewOfCovered: ofCovered,
        method: 'jittered-grid sampling, Wilson score interval (conservative for stratified points)',
        coveredMethod: coveredSamples > 0 ? 'uniform points on the covered area, Wilson score interval' : 'covered grid points, Wilson score interval',
      };
    }
  }

  // Street part.
  let streets: FullViewStreetResult | null = null;
  if (wantStreets && city && city.streets && city.streets.size > 0) {
    const r = streetFullView(cameras, city, level, occluders, thetaRad);
    streets = r.result;
    numConsidered = Math.max(numConsidered, r.numConsidered);
  }
  return {
    area,
    streets,
    numCamerasConsidered: numConsidered,
    params: { level, occlusion, effectiveAngle: theta, samples, coveredSamples, confidence, seed: rng.seed, studyArea: resolved.isBox ? 'bounds' : 'polygon', cameras: cameras.provenance ?? null },
  };
}

/**
 * Draws points exactly uniform on the covered part of the area (see the file
 * header) until `n` are accepted or 1,000·n + 10⁶ proposals were made (a
 * covered area too small to hit: the count says how many were reached), and
 * counts the full-view ones. Coordinates relative; `box` the study box.
 */
function sampleCovered(fp: Footprints, index: Flatbush, locator: { contains(x: number, y: number): boolean }, box: readonly [number, number, number, number], n: number, rng: Rng, twoTheta: number, ang: Float64Array): { n: number; full: number } {
  const m = fp.n;
  const cum = new Float64Array(m + 1);
  const x0 = new Float64Array(m), y0 = new Float64Array(m), x1 = new Float64Array(m), y1 = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    x0[j] = Math.max(fp.minX[j], box[0]);
    y0[j] = Math.max(fp.minY[j], box[1]);
    x1[j] = Math.min(fp.maxX[j], box[2]);
    y1[j] = Math.min(fp.maxY[j], box[3]);
    const a = x1[j] > x0[j] && y1[j] > y0[j] ? (x1[j] - x0[j]) * (y1[j] - y0[j]) : 0;
    cum[j + 1] = cum[j] + a;
  }
  const total = cum[m];
  if (!(total > 0)) return { n: 0, full: 0 };
  let accepted = 0;
  let full = 0;
  const maxTries = 1000 * n + 1_000_000;
  for (let tries = 0; tries < maxTries && accepted < n; tries++) {
    // Footprint j with probability ∝ its clipped box (binary search on the cumulative areas).
    const t = rng.next() * total;
    let lo = 0, hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid + 1] <= t) lo = mid + 1;
      else hi = mid;
    }
    const j = lo;
    const x = x0[j] + rng.next() * (x1[j] - x0[j]);
    const y = y0[j] + rng.next() * (y1[j] - y0[j]);
    const r = rng.next();
    if (!footprintContains(fp, j, x, y) || !locator.contains(x, y)) continue;
    const cand = index.search(x, y, x, y);
    let depth = 0;
    for (let i = 0; i < cand.length; i++) if (footprintContains(fp, cand[i], x, y)) depth++;
    if (r * depth >= 1) continue; // keep with probability 1 / depth: the density becomes uniform on the union
    accepted++;
    if (classifyPoint(fp, cand, x, y, twoTheta, ang) === 2) full++;
  }
  return { n: accepted, full };
}

function footprintIndex(fp: Footprints): Flatbush | null {
  if (fp.n === 0) return null;
  const index = new Flatbush(fp.n);
  for (let k = 0; k < fp.n; k++) index.add(fp.minX[k], fp.minY[k], fp.maxX[k], fp.maxY[k]);
  index.finish();
  return index;
}

/** Parameters t ∈ (0, 1) where the line P + s·u (s = t·len) meets the circle (cx, cy, R); appended to out. */
function lineCircle(px: number, py: number, ux: number, uy: number, len: number, cx: number, cy: number, R: number, out: number[]): void {
  const wx = px - cx;
  const wy = py - cy;
  const b = ux * wx + uy * wy;
  const c = wx * wx + wy * wy - R * R;
  const disc = b * b - c;
  if (!(disc >= 0)) return;
  const sq = Math.sqrt(disc);
  const s1 = -b - sq;
  const s2 = -b + sq;
  if (s1 > 0 && s1 < len) out.push(s1 / len);
  if (s2 > 0 && s2 < len && s2 !== s1) out.push(s2 / len);
}

/**
 * Exact full-view and walking-direction face-on lengths per street segment
 * (see the file header): split at footprint boundaries, at each camera's
 * frontal half-line ends (s = a ∓ h·cot θ), at the foot of each camera
 * (s = a), and where two cameras subtend 2θ or 2π − 2θ; classify each piece
 * at its midpoint.
 */
function streetFullView(cameras: CameraSet, city: Pick<City, 'streets'>, level: CoverageLevel, occluders: BuildingSet | null, theta: number): { result: FullViewStreetResult; numConsidered: number } {
  const segs = streetSegments(city.streets);
  const ns = segs.numSegments;
  const c = segs.coords;
  let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
  for (let k = 0; k < 4 * ns; k += 2) {
    if (c[k] < bx0) bx0 = c[k];
    if (c[k] > bx1) bx1 = c[k];
    if (c[k + 1] < by0) by0 = c[k + 1];
    if (c[k + 1] > by1) by1 = c[k + 1];
  }
  const ox = (bx0 + bx1) / 2;
  const oy = (by0 + by1) / 2;
  const { fp } = prepareFootprints(cameras, level, [bx0, by0, bx1, by1], ox, oy, occluders, null);
  const index = footprintIndex(fp);
  const covered = new Float64Array(ns);
  const fullView = new Float64Array(ns);
  const forward = new Float64Array(ns);
  const backward = new Float64Array(ns);
  let total = 0, tCov = 0, tFull = 0, tFwd = 0, tBwd = 0, tBoth = 0, tEither = 0;
  const cosT = Math.cos(theta);
  const alpha = Math.min(2 * theta, 2 * Math.PI - 2 * theta); // unoriented angle at which a gap equals 2θ
  const sinA = Math.sin(alpha);
  const cotA = Math.cos(alpha) / sinA;
  const cotT = theta >= Math.PI ? -Infinity : Math.cos(theta) / Math.sin(theta);
  let splitBuf = new Float64Array(64);
  let ang = new Float64Array(64);
  const near: number[] = [];
  const ts: number[] = [];
  for (let s = 0; s < ns; s++) {
    const px = c[4 * s] - ox;
    const py = c[4 * s + 1] - oy;
    const dx = c[4 * s + 2] - ox - px;
    const dy = c[4 * s + 3] - oy - py;
    const len = Math.sqrt(dx * dx + dy * dy);
    total += len;
    if (index === null || !(len > 0)) continue;
    const eps = 1e-9;
    const cand = index.search(Math.min(px, px + dx) - eps, Math.min(py, py + dy) - eps, Math.max(px, px + dx) + eps, Math.max(py, py + dy) + eps);
    if (cand.length === 0) continue;
    const ux = dx / len;
    const uy = dy / len;
    ts.length = 0;
    ts.push(0, 1);
    near.length = 0;
    for (const j of cand) {
      const need = maxSplitsOf(fp, j);
      if (splitBuf.length < need) splitBuf = new Float64Array(2 * need);
      const k = splitSegmentByFootprint(fp, j, px, py, dx, dy, len, splitBuf, 0);
      for (let i = 0; i < k; i++) ts.push(splitBuf[i]);
      // Frontal half-line ends and the foot of the camera on the segment's line.
      const wx = fp.cx[j] - px;
      const wy = fp.cy[j] - py;
      const a = wx * ux + wy * uy;
      const h = Math.abs(ux * wy - uy * wx);
      for (const sv of [a, a - h * cotT, a + h * cotT]) if (sv > 0 && sv < len) ts.push(sv / len);
      near.push(j);
    }
    if (theta < Math.PI) {
      // Pairs: circles through both apexes on which they subtend alpha.
      for (let i = 0; i < near.length; i++) {
        const ax = fp.cx[near[i]], ay = fp.cy[near[i]];
        for (let k = i + 1; k < near.length; k++) {
          const bx = fp.cx[near[k]], by = fp.cy[near[k]];
          const ex = bx - ax, ey = by - ay;
          const d = Math.sqrt(ex * ex + ey * ey);
          if (!(d > 0)) continue;
          const mx = (ax + bx) / 2, my = (ay + by) / 2;
          if (sinA < 1e-12) {
            // alpha = π (θ = 90°): the locus is the segment between the two cameras; split where the street's line crosses their line.
            const den = ux * ey - uy * ex;
            if (den !== 0) {
              const sv = ((ax - px) * ey - (ay - py) * ex) / den;
              if (sv > 0 && sv < len) ts.push(sv / len);
            }
            continue;
          }
          const R = d / (2 * sinA);
          const off = (d / 2) * cotA;
          const nx = -ey / d, ny = ex / d;
          lineCircle(px, py, ux, uy, len, mx + off * nx, my + off * ny, R, ts);
          lineCircle(px, py, ux, uy, len, mx - off * nx, my - off * ny, R, ts);
        }
      }
    }
    ts.sort((x, y) => x - y);
    if (ang.length < near.length) ang = new Float64Array(2 * near.length);
    let sCov = 0, sFull = 0, sFwd = 0, sBwd = 0, sBoth = 0, sEither = 0;
    for (let p = 0; p + 1 < ts.length; p++) {
      const t0 = ts[p];
      const t1 = ts[p + 1];
      if (!(t1 > t0)) continue;
      const pieceLen = (t1 - t0) * len;
      const tm = 0.5 * (t0 + t1);
      const x = px + tm * dx;
      const y = py + tm * dy;
      let k = 0;
      let fwd = false;
      let bwd = false;
      for (const j of near) {
        if (!footprintContains(fp, j, x, y)) continue;
        const vx = fp.cx[j] - x;
        const vy = fp.cy[j] - y;
        const dist = Math.sqrt(vx * vx + vy * vy);
        if (!(dist > 0)) continue;
        ang[k++] = Math.atan2(vy, vx);
        const along = vx * ux + vy * uy;
        if (along >= dist * cosT) fwd = true;
        if (-along >= dist * cosT) bwd = true;
      }
      if (k === 0) continue;
      sCov += pieceLen;
      if (largestAngularGap(ang, k) <= 2 * theta + GAP_EPS) sFull += pieceLen;
      if (fwd) sFwd += pieceLen;
      if (bwd) sBwd += pieceLen;
      if (fwd && bwd) sBoth += pieceLen;
      if (fwd || bwd) sEither += pieceLen;
    }
    covered[s] = sCov;
    fullView[s] = sFull;
    forward[s] = sFwd;
    backward[s] = sBwd;
    tCov += sCov;
    tFull += sFull;
    tFwd += sFwd;
    tBwd += sBwd;
    tBoth += sBoth;
    tEither += sEither;
  }
  const share = (x: number, of: number) => (of > 0 ? x / of : 0);
  return {
    numConsidered: fp.n,
    result: {
      totalLength: total,
      coveredLength: tCov,
      fullViewLength: tFull,
      forwardLength: tFwd,
      backwardLength: tBwd,
      bothDirectionsLength: tBoth,
      eitherDirectionLength: tEither,
      coveredShare: share(tCov, total),
      fullViewShare: share(tFull, total),
      walkingShare: share(tFwd + tBwd, 2 * total),
      bothDirectionsShare: share(tBoth, total),
      fullViewOfCovered: share(tFull, tCov),
      walkingOfCovered: share(tFwd + tBwd, 2 * tCov),
      perSegment: { covered, fullView, forward, backward },
      method: 'exact',
    },
  };
}

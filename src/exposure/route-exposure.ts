/**
 * Exposure along a given route (a polyline in metres): which cameras see it,
 * how much of it, and the longest stretch no camera sees.
 *
 * This is a public contract that outside checks call:
 * `routeExposure(cameras, path).cameraIds / .observedLength / .observedFraction`.
 */
import Flatbush from 'flatbush';
import { InvalidInputError } from '../core/index.js';
import { CameraSet, type CameraProvenance } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { type CoverageLevel, COMPUTE_COVERAGE_DEFAULTS } from '../coverage/index.js';
import { checkLevel, checkAvailability, prepareFootprints, BOUNDARY_EPS } from '../coverage/internal.js';
import { classifyPieces, createPieceScratch } from './profile-pieces.js';
import { nearbyBuildings, nearbyCameraWeights } from './route-nearby.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Margin (m) of the nearby-camera and nearby-building searches: far above the footprint tolerance (1e-7 m). */
const NEAR_PAD = 1e-3;

/** A route: points `[x, y]` in metres (local plane), in travel order. */
export type RoutePath = ReadonlyArray<readonly [number, number] | ArrayLike<number>>;

/**
 * Options of {@link routeExposure}: the footprint options of computeCoverage
 * (`level`, `occlusion`, `buildings` / `city`, `availability`). Study-area
 * options (`bounds`, `area`) and `threads` are accepted and have no effect:
 * the path itself says where to look.
 */
export interface RouteExposureOptions {
  /** Distance level: `'range'` (default) or a DORI level, as in computeCoverage. */
  level?: CoverageLevel;
  /** Clip footprints by buildings (default false, as in computeCoverage). Needs `city` or `buildings`. */
  occlusion?: boolean;
  /** Occluders when `occlusion` is on (default: `city.buildings`). */
  buildings?: BuildingSet;
  /** A city: its buildings are the occluders when `occlusion` is on. */
  city?: Pick<City, 'buildings'>;
  /** Probability that each camera is up (one number, or one per camera id): `observedLength` becomes an expectation. */
  availability?: number | ArrayLike<number>;
  bounds?: unknown;
  area?: unknown;
  threads?: unknown;
}

/** One stretch of the route inside one camera's footprint. */
export interface RouteStretch {
  camera: number;
  /** Metres from the start of the route. */
  from: number;
  to: number;
}

/** Result of {@link routeExposure}: plain data, JSON-serialisable. */
export interface RouteExposure {
  /**
   * Ids of the cameras whose footprint the path enters (geometry only, no
   * probabilities), sorted ascending, as a plain `number[]`. "Enters" means
   * a stretch of positive length lies in the (closed) footprint: a path that
   * only touches a footprint's boundary at a point does not enter it; a path
   * running along a boundary does. Cameras with availability 0 never see
   * anything and are not listed.
   */
  cameraIds: number[];
  /**
   * Metres of the path inside at least one footprint (with `availability`:
   * the expected metres, each piece weighted by the probability that at least
   * one camera seeing it is up).
   */
  observedLength: number;
  /** observedLength / length. */
  observedFraction: number;
  /** Length of the path, metres. */
  length: number;
  /** Metres of the path inside each camera's footprint, aligned with `cameraIds` (geometry only). */
  cameraLengths: number[];
  /** Expected number of distinct cameras that see the path: Σ availability over cameraIds (= cameraIds.length when all are up). */
  expectedCameras: number;
  /** Every stretch of the path inside a footprint, sorted by camera then start (geometry only). */
  stretches: RouteStretch[];
  /**
   * The longest stretch of the path seen by no camera (geometry: every
   * camera with availability > 0 counted as up). `length` 0 when the whole
   * path is observed; the whole path when nothing sees it.
   */
  longestUnobserved: { length: number; from: number; to: number };
  params: {
    level: CoverageLevel;
    occlusion: boolean;
    availability: 'all-up' | number | 'per-camera';
    numPoints: number;
    cameras: CameraProvenance | null;
  };
}

const ORIGIN = 'routeExposure';

/** Defaults of {@link routeExposure}: those of computeCoverage, whose footprints a route is measured against. */
export const ROUTE_EXPOSURE_DEFAULTS = {
  /** As computeCoverage (`COMPUTE_COVERAGE_DEFAULTS`): each footprint reaches the camera's own range. */
  level: COMPUTE_COVERAGE_DEFAULTS.level,
  /** As computeCoverage: no clipping by buildings unless asked (occlusion needs `city` or `buildings`). */
  occlusion: COMPUTE_COVERAGE_DEFAULTS.occlusion,
} as const;

/** The options routeExposure knows (its unknown options are refused). */
const ROUTE_EXPOSURE_OPTION_KEYS = optionKeys<RouteExposureOptions>()(ROUTE_EXPOSURE_DEFAULTS, ['buildings', 'city', 'availability', 'bounds', 'area', 'threads']);

/**
 * Largest |x| or |y| of a route point, metres: 1e12 m, far beyond any route
 * in a local plane (the Earth's circumference is 4e7 m), and small enough
 * that squared distances stay finite (points at ±1e308 once gave a length of
 * Infinity).
 */
export const MAX_ROUTE_COORDINATE = 1e12;
/** Shortest route, metres: ten times the coverage engine's boundary tolerance. */
export const MIN_ROUTE_LENGTH = 1e-6;

/**
 * Exposure of a route: the cameras whose footprint it enters, the metres
 * and share of it inside at least one footprint, each camera's stretches,
 * and the longest unobserved stretch.
 *
 * Footprints are exactly those of computeCoverage with the same options
 * (`level`, `occlusion` with `city` / `buildings`, `availability`): the same
 * footprint code, and every segment of the path is split exactly at
 * footprint boundaries as in computeStreetCoverage. Footprints are closed
 * sets: a stretch running along a boundary is observed.
 *
 * @param cameras - the camera set
 * @param path - the route, at least two points `[x, y]` (metres), with a positive total length; repeated points are allowed
 * @param options - `level`, `occlusion`, `city` / `buildings`, `availability`; defaults: {@link ROUTE_EXPOSURE_DEFAULTS}
 * @returns camera ids, observed length and share, per-camera stretches, longest unobserved stretch, parameters
 * @throws {InvalidInputError} when cameras is not a CameraSet; when path is not an array (`path`), has fewer than two
 *   points, a point that is not `[x, y]` (`path[3]`) or a coordinate that is not a finite number (`path[3][1]`), or zero
 *   length; on an invalid level, occlusion, buildings or availability (as computeCoverage)
 * @example
 * import { createCameraSet, routeExposure } from 'sightline';
 * const cameras = createCameraSet([{ x: 100, y: 0, heading: 0, fov: 360, range: 50 }]);
 * const e = routeExposure(cameras, [[0, 0], [200, 0], [200, 150]]);
 * e.cameraIds        // [0]
 * e.observedLength   // 100 (metres inside the disc)
 * e.observedFraction // 100 / 350
 *
 * Complexity: O(n + (S + P) log n) for n cameras, S segments and P (segment, footprint) crossings,
 * plus the occlusion of the footprints near the path when `occlusion` is on.
 */
export function routeExposure(cameras: CameraSet, path: RoutePath, options: RouteExposureOptions = {}): RouteExposure {
  checkOptions('routeExposure', options, ROUTE_EXPOSURE_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  const coords = checkRoutePath(ORIGIN, path);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const level = checkLevel(ORIGIN, options.level ?? ROUTE_EXPOSURE_DEFAULTS.level);
  const occlusion = options.occlusion ?? ROUTE_EXPOSURE_DEFAULTS.occlusion;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.occlusion', 'must be a boolean', occlusion);
  const buildings = options.buildings ?? options.city?.buildings;
  if (occlusion && !buildings) throw new InvalidInputError(ORIGIN, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, ORIGIN, options.buildings ? 'options.buildings' : 'city.buildings');
  const weightsAll = checkAvailability(ORIGIN, options.availability, cameras.numCameras);
  return routeExposureOfCoords(cameras, coords, level, occlusion && buildings ? buildings : null, weightsAll, {
    level,
    occlusion,
    availability: options.availability === undefined ? 'all-up' : typeof options.availability === 'number' ? options.availability : 'per-camera',
    numPoints: coords.length / 2,
    cameras: cameras.provenance,
  });
}

/** Validates a route path (errors name `path[i][k]`) and returns its coordinates interleaved (x0, y0, x1, y1, …). @internal */
export function checkRoutePath(origin: string, path: unknown, field = 'path'): Float64Array {
  if (!Array.isArray(path)) throw new InvalidInputError(origin, field, 'must be an array of [x, y] points (metres)', path);
  if (path.length < 2) throw new InvalidInputError(origin, field, 'must have at least 2 points', path);
  const n = path.length;
  const out = new Float64Array(2 * n);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const p = path[i] as unknown;
    if (typeof p !== 'object' || p === null || typeof (p as ArrayLike<number>).length !== 'number' || (p as ArrayLike<number>).length < 2) {
      throw new InvalidInputError(origin, `${field}[${i}]`, 'must be a point [x, y]', p);
    }
    const x = (p as ArrayLike<unknown>)[0];
    const y = (p as ArrayLike<unknown>)[1];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidInputError(origin, `${field}[${i}][0]`, 'must be a finite number', x);
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new InvalidInputError(origin, `${field}[${i}][1]`, 'must be a finite number', y);
    if (!(Math.abs(x) <= MAX_ROUTE_COORDINATE)) throw new InvalidInputError(origin, `${field}[${i}][0]`, `must be within ±${MAX_ROUTE_COORDINATE} m`, x);
    if (!(Math.abs(y) <= MAX_ROUTE_COORDINATE)) throw new InvalidInputError(origin, `${field}[${i}][1]`, `must be within ±${MAX_ROUTE_COORDINATE} m`, y);
    out[2 * i] = x;
    out[2 * i + 1] = y;
    if (i > 0) length += Math.hypot(x - out[2 * i - 2], y - out[2 * i - 1]);
  }
  if (!(length > 0)) throw new InvalidInputError(origin, field, 'must have a positive length (its points all coincide)', path);
  // Shorter than the coverage engine's boundary tolerance (1e-7 m) a route has no measurable part in view (a length of 1e-267 m once gave a share of NaN).
  if (length < MIN_ROUTE_LENGTH) throw new InvalidInputError(origin, field, `must be at least ${MIN_ROUTE_LENGTH} m long`, path);
  if (length === Infinity) throw new InvalidInputError(origin, field, 'must have a finite length (its points are too far apart: the distances overflow)', path);
  return out;
}

/** The computation on validated input. @internal */
export function routeExposureOfCoords(
  cameras: CameraSet,
  coords: Float64Array,
  level: CoverageLevel,
  buildings: BuildingSet | null,
  weightsAll: Float64Array | null,
  params: RouteExposure['params'],
): RouteExposure {
  const np0 = coords.length / 2;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  for (let k = 0; k < coords.length; k += 2) {
    if (coords[k] < bx0) bx0 = coords[k];
    if (coords[k] > bx1) bx1 = coords[k];
    if (coords[k + 1] < by0) by0 = coords[k + 1];
    if (coords[k + 1] > by1) by1 = coords[k + 1];
  }
  const ox = (bx0 + bx1) / 2;
  const oy = (by0 + by1) / 2;
  // Only the cameras that can reach a segment, and only the buildings that can hide part of their view
  // (route-nearby.ts: the footprints are unchanged, the work no longer grows with the path's bounding box).
  const near = nearbyCameraWeights(cameras, level, coords, weightsAll, NEAR_PAD);
  const occluders = buildings === null ? null : nearbyBuildings(buildings, cameras, level, near, NEAR_PAD);
  const prepared = prepareFootprints(cameras, level, [bx0, by0, bx1, by1], ox, oy, occluders, near);
  const fp = prepared.fp;
  const weights = prepared.weights as Float64Array; // non-null: `near` was given
  const n = fp.n;
  const index = n > 0 ? new Flatbush(n) : null;
  if (index) {
    for (let k = 0; k < n; k++) index.add(fp.minX[k], fp.minY[k], fp.maxX[k], fp.maxY[k]);
    index.finish();
  }
  // Per footprint: metres inside, open run (from, to) and the global index of its last piece inside.
  const camLength = new Float64Array(n);
  const runFrom = new Float64Array(n);
  const runTo = new Float64Array(n);
  const lastPiece = new Int32Array(n).fill(-2);
  const stretches: RouteStretch[] = [];
  const sc = createPieceScratch();
  const eps = BOUNDARY_EPS;
  let total = 0;
  let observed = 0;
  let gapStart = 0;
  let bestGap = -1;
  let bestFrom = 0;
  let bestTo = 0;
  let piece = 0;
  for (let i = 0; i + 1 < np0; i++) {
    const px = coords[2 * i] - ox;
    const py = coords[2 * i + 1] - oy;
    const dx = coords[2 * i + 2] - ox - px;
    const dy = coords[2 * i + 3] - oy - py;
    const len = Math.sqrt(dx * dx + dy * dy);
    const start = total;
    total += len;
    if (index === null) continue;
    const cand = index.search(Math.min(px, px + dx) - eps, Math.min(py, py + dy) - eps, Math.max(px, px + dx) + eps, Math.max(py, py + dy) + eps);
    if (cand.length === 0) continue;
    const np = classifyPieces(fp, cand, px, py, dx, dy, len, sc);
    const nc = cand.length;
    const pa = sc.ta;
    const pb = sc.tb;
    const inside = sc.inside;
    const cams = sc.cams;
    for (let p = 0; p < np; p++, piece++) {
      if (sc.depth[p] === 0) continue;
      const pieceLen = (pb[p] - pa[p]) * len;
      const d0 = start + pa[p] * len;
      const d1 = start + pb[p] * len;
      // Gap before this observed piece.
      if (d0 - gapStart > bestGap) {
        bestGap = d0 - gapStart;
        bestFrom = gapStart;
        bestTo = d0;
      }
      gapStart = d1;
      let none = 1;
      for (let q = 0; q < nc; q++) {
        if (inside[q * np + p] === 0) continue;
        const j = cams[q];
        none *= 1 - weights[j];
        camLength[j] += pieceLen;
        if (lastPiece[j] === piece - 1) runTo[j] = d1;
        else {
          if (lastPiece[j] >= 0) stretches.push({ camera: fp.cameraId[j], from: runFrom[j], to: runTo[j] });
          runFrom[j] = d0;
          runTo[j] = d1;
        }
        lastPiece[j] = piece;
      }
      // All up (weights 1): none = 0 exactly, so the piece counts in full.
      observed += pieceLen * (1 - none);
    }
  }
  if (total - gapStart > bestGap) {
    bestGap = total - gapStart;
    bestFrom = gapStart;
    bestTo = total;
  }
  const cameraIds: number[] = [];
  const cameraLengths: number[] = [];
  let expectedCameras = 0;
  for (let j = 0; j < n; j++) {
    if (lastPiece[j] < 0) continue;
    stretches.push({ camera: fp.cameraId[j], from: runFrom[j], to: runTo[j] });
    cameraIds.push(fp.cameraId[j]);
    cameraLengths.push(camLength[j]);
    expectedCameras += weights[j];
  }
  stretches.sort((a, b) => a.camera - b.camera || a.from - b.from);
  if (observed > total) observed = total;
  if (bestGap < 0) bestGap = 0;
  return {
    cameraIds,
    observedLength: observed,
    observedFraction: observed / total,
    length: total,
    cameraLengths,
    expectedCameras,
    stretches,
    longestUnobserved: { length: bestGap, from: bestFrom, to: bestTo },
    params,
  };
}

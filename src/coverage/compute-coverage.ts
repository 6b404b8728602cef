/**
 * Exact area coverage of a camera network inside a study area.
 */
import { InvalidInputError, type Bounds } from '../core/index.js';
import { CameraSet, type CameraProvenance } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { checkLevel, type CoverageLevel } from './footprints.js';
import { padAtLeast } from './at-least.js';
import { checkAvailability, prepareFootprints } from './prepare.js';
import { resolveStudyArea, relativeLocator, type StudyAreaInput } from './study-area.js';
import { unionAreas } from './union-engine.js';
import { checkOptions, optionKeys } from '../core/internal.js';
import { availableParallelism } from '../core/internal.js';

/** Options of {@link computeCoverage}. */
export interface CoverageOptions {
  /** Study area as `[minX, minY, maxX, maxY]` in metres. */
  bounds?: Bounds;
  /** Study area as a polygon or multipolygon in metres (instead of `bounds`). */
  area?: StudyAreaInput;
  /** A city: its boundary is the default study area, its buildings the occluders. */
  city?: City;
  /**
   * Which distance bounds each footprint: `'range'` (default: the camera's own
   * range) or a DORI level (`detect` 25, `observe` 62.5, `recognise` 125,
   * `identify` 250 px/m, EN 62676-4), capped by the camera's range.
   */
  level?: CoverageLevel;
  /** Clip footprints by buildings (default false). Needs `city` or `buildings`. */
  occlusion?: boolean;
  /** Occluders when `occlusion` is on (default: `city.buildings`). */
  buildings?: BuildingSet;
  /**
   * Probability that each camera is up: one number for all, or one per camera
   * id. When given, the results are expectations (exact, not sampled) under
   * independent failures.
   */
  availability?: number | ArrayLike<number>;
  /**
   * Threads to use: a number (capped at the machine's cores), or `'auto'`
   * (default): the machine's cores, at most 4, for
   * {@link PARALLEL_MIN_FOOTPRINTS} cameras or more, else 1. Workers are kept
   * for later calls; {@link terminateCoverageWorkers} stops them.
   * Worker threads take chunks of the footprints beside the calling thread;
   * the result is identical bit for bit whatever the number. Needs the built
   * package (workers load `dist/coverage-worker.js`); from the TypeScript
   * sources it runs on one thread, with the same result. With `occlusion`
   * the computation currently stays on one thread (the parallel path
   * measured slower there).
   */
  threads?: number | 'auto';
}

/** Result of {@link computeCoverage}: plain data, JSON-serialisable. */
export interface CoverageResult {
  /** m² of the study area inside at least one footprint (expected value when `availability` is set). */
  coveredArea: number;
  /** coveredArea / studyArea. */
  coveredFraction: number;
  /** m² of the study area. */
  studyArea: number;
  /**
   * atLeast[k] = share of the study area covered by at least k cameras; atLeast[0] === 1.
   * Entries k = 0 … 20 are always present (`AT_LEAST_MIN_K`), 0 beyond the deepest level;
   * deeper levels follow when they exist.
   */
  atLeast: number[];
  /** areaAtLeast[k] in m² (areaAtLeast[0] = studyArea); same length as atLeast. */
  areaAtLeast: number[];
  /** Number of cameras in the set. */
  numCameras: number;
  /** Cameras whose footprint can reach the study area. */
  numCamerasConsidered: number;
  /** The parameters that produced this result. */
  params: {
    level: CoverageLevel;
    occlusion: boolean;
    availability: 'all-up' | number | 'per-camera';
    studyArea: 'bounds' | 'polygon';
    bounds: [number, number, number, number];
    /** Where the cameras came from (generator, seed, options), when the set records it. */
    cameras: CameraProvenance | null;
  };
  /** Work done: boundary pieces evaluated and overlapping footprint pairs. */
  work: { numPieces: number; numPairs: number };
}

/** Defaults of {@link computeCoverage}. */
export const COMPUTE_COVERAGE_DEFAULTS = {
  /** Each footprint reaches the camera's own range; a DORI level (EN 62676-4) is asked for explicitly. */
  level: 'range' as CoverageLevel,
  /** No clipping by buildings unless asked: occlusion needs building data (`city` or `buildings`). */
  occlusion: false,
  /** The machine's cores, at most 4, from {@link PARALLEL_MIN_FOOTPRINTS} cameras; the result is the same whatever the number. */
  threads: 'auto' as number | 'auto',
} as const;

/** The options computeCoverage knows (its unknown options are refused). */
export const COMPUTE_COVERAGE_OPTION_KEYS = optionKeys<CoverageOptions>()(COMPUTE_COVERAGE_DEFAULTS, ['bounds', 'area', 'city', 'buildings', 'availability']);

const ORIGIN = 'computeCoverage';

/**
 * Below this many cameras `threads: 'auto'` stays on one thread: handing
 * work to a worker costs a few milliseconds, more than it saves on small
 * inputs.
 */
export const PARALLEL_MIN_FOOTPRINTS = 20_000;

/**
 * Computes the exact area covered by the union of camera footprints inside a
 * study area, and the share covered by at least k cameras for every k.
 *
 * Without occlusion a footprint is the circular sector of radius `range`
 * centred on `heading` with opening `fov` (a disc when fov is 360). The
 * computation is exact up to floating point: the area of each level set is
 * a sum of Green's-theorem integrals over the pieces of footprint
 * boundaries, no raster is involved.
 *
 * @param cameras - the camera set
 * @param options - study area (`bounds`, `area` or `city`), `level`, `occlusion`, `availability`;
 *   defaults: {@link COMPUTE_COVERAGE_DEFAULTS}
 * @returns covered area, fraction and k-coverage shares, with the parameters used
 * @throws {InvalidInputError} on inverted or non-finite bounds, an invalid area,
 *   level or availability, or occlusion without buildings
 * @example
 * const cameras = createCameraSet([{ x: 10, y: 20, heading: 90, fov: 60, range: 40 }]);
 * const r = computeCoverage(cameras, { bounds: [0, 0, 1000, 1000] });
 * r.coveredArea // 837.758… = π·40²/6
 *
 * Complexity: O((n + P) log n) for n cameras and P overlapping footprint pairs.
 */
export function computeCoverage(cameras: CameraSet, options: CoverageOptions): CoverageResult {
  checkOptions('computeCoverage', options, COMPUTE_COVERAGE_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const level = checkLevel(ORIGIN, options.level ?? COMPUTE_COVERAGE_DEFAULTS.level);
  const occlusion = options.occlusion ?? COMPUTE_COVERAGE_DEFAULTS.occlusion;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.occlusion', 'must be a boolean', occlusion);
  const city = options.city;
  const areaInput = options.bounds === undefined && options.area === undefined && city ? city.boundary : options.area;
  const resolved = resolveStudyArea(ORIGIN, options.bounds, areaInput);
  const buildings = options.buildings ?? city?.buildings;
  if (occlusion && !buildings) throw new InvalidInputError(ORIGIN, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, ORIGIN, options.buildings ? 'options.buildings' : 'city.buildings');
  const n = cameras.numCameras;
  const weightsAll = checkAvailability(ORIGIN, options.availability, n);
  const threadsOption = options.threads ?? COMPUTE_COVERAGE_DEFAULTS.threads;
  if (threadsOption !== 'auto' && (typeof threadsOption !== 'number' || !Number.isInteger(threadsOption) || threadsOption < 1 || threadsOption > 64)) {
    throw new InvalidInputError(ORIGIN, 'options.threads', 'must be "auto" or an integer in [1, 64]', threadsOption);
  }
  // More threads than cores only adds workers that wait for a core.
  const cores = availableParallelism();
  const threads = threadsOption === 'auto' ? (n >= PARALLEL_MIN_FOOTPRINTS ? Math.min(4, cores) : 1) : Math.min(threadsOption, cores);

  const [bx0, by0, bx1, by1] = resolved.bbox;
  const ox = (bx0 + bx1) / 2;
  const oy = (by0 + by1) / 2;

  const { fp, weights } = prepareFootprints(cameras, level, resolved.bbox, ox, oy, occlusion && buildings ? buildings : null, weightsAll, threads > 1 && !occlusion);
  const m = fp.n;
  const locator = relativeLocator(resolved, ox, oy);
  const studyArea = locator.area;
  if (!(studyArea > 0 && studyArea < Infinity)) {
    throw new InvalidInputError(ORIGIN, resolved.isBox ? 'options.bounds' : 'options.area', 'must have a positive, finite area', studyArea);
  }
  const { areaAtLeast, numPieces, numPairs } = unionAreas(fp, locator, weights, threads);

  // Trim levels that are empty (floating noise below 1e-9 of the study area).
  let top = areaAtLeast.length - 1;
  while (top > 1 && !(areaAtLeast[top] > studyArea * 1e-12)) top--;
  const areas: number[] = [];
  const shares: number[] = [];
  for (let k = 0; k <= top; k++) {
    let a = areaAtLeast[k];
    if (k === 0) a = studyArea;
    if (a < 0) a = 0;
    if (a > studyArea) a = studyArea;
    // Each level set contains the next: floating noise (~1e-12 of the area) must not make atLeast increase.
    if (k > 0 && a > areas[k - 1]) a = areas[k - 1];
    areas.push(a);
    shares.push(k === 0 ? 1 : a / studyArea);
  }
  const availability: CoverageResult['params']['availability'] =
    options.availability === undefined ? 'all-up' : typeof options.availability === 'number' ? options.availability : 'per-camera';
  return {
    coveredArea: areas[1],
    coveredFraction: shares[1],
    studyArea,
    atLeast: padAtLeast(shares),
    areaAtLeast: padAtLeast(areas),
    numCameras: n,
    numCamerasConsidered: m,
    params: {
      level,
      occlusion,
      availability,
      studyArea: resolved.isBox ? 'bounds' : 'polygon',
      bounds: [bx0, by0, bx1, by1],
      cameras: cameras.provenance,
    },
    work: { numPieces, numPairs },
  };
}

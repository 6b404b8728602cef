/**
 * Unicity as a function of crowd size and spatial resolution.
 *
 * Unicity falls as the crowd grows (more people share any given set of
 * points) and as the points get coarser (a 1 km cell holds many cameras), so
 * a unicity figure means little without its crowd size and resolution. de
 * Montjoye et al. (Sci. Rep. 3:1376, 2013) found 95 % for 4 points among 1.5
 * million people over 15 months at antenna × hour resolution; a simulated
 * sample of 10,000 residents over one day at camera × hour resolution is a
 * different measurement, and this module makes the difference visible.
 *
 * Method: one seeded permutation of the people; the crowd of size n is its
 * first n people (crowds are nested, so the curve is monotone up to sampling
 * noise). For each crowd the inverted index is rebuilt on that crowd alone
 * and {@link unicity} runs on it: exact for the crowd (every other member's
 * trace is checked), with sampling only in which members are tested and which
 * k points are drawn (Wilson interval). Coarser resolutions map each camera
 * to a spatial unit (e.g. a grid cell: {@link cellUnits}) before the index is
 * built, so (unit, hour) points are de-duplicated per person.
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys } from '../core/internal.js';
import { unicity, UNICITY_DEFAULTS, type UnicityPoints } from './unicity.js';

/** Defaults of {@link unicityCurve}. */
export const UNICITY_CURVE_DEFAULTS = {
  /** Points per person, as in the headline of de Montjoye et al. (2013). */
  k: 4,
  /** Crowd sizes (capped at the number of people; the whole crowd is always added). */
  crowdSizes: [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000] as readonly number[],
  /** People tested per crowd (see {@link UNICITY_DEFAULTS}.sampleSize). */
  sampleSize: UNICITY_DEFAULTS.sampleSize,
  confidence: UNICITY_DEFAULTS.confidence,
  seed: 1 as Seed,
} as const;

/** The options unicityCurve knows (its unknown options are refused). */
const UNICITY_CURVE_OPTION_KEYS = optionKeys<UnicityCurveOptions>()(UNICITY_CURVE_DEFAULTS, ['unitOf']);

/** Options of {@link unicityCurve}. */
export interface UnicityCurveOptions {
  /** Number of points k (integer ≥ 1). Default 4. */
  k?: number;
  /** Crowd sizes (integers ≥ 1); sizes above the number of people are dropped and the whole crowd is added. */
  crowdSizes?: readonly number[];
  /**
   * Spatial unit of each camera id (length > every camera id in the points):
   * points become (unit, hour). Default: each camera is its own unit.
   */
  unitOf?: Uint32Array;
  /** People tested per crowd. Default 10,000. */
  sampleSize?: number;
  /** Wilson interval level. Default 0.95. */
  confidence?: number;
  /** Seed or stream (the crowd permutation and each crowd's unicity draws). Default 1. */
  seed?: Seed | Rng;
}

/** One point of the curve. */
export interface UnicityCurvePoint {
  crowdSize: number;
  k: number;
  /** Null when nobody in the crowd was sighted (nothing to measure). */
  share: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Members tested (0 when nobody in the crowd was sighted: share and interval are then null). */
  sampled: number;
  /** Members with fewer than k distinct points, excluded (as de Montjoye et al.). */
  excluded: number;
}

/** Result of {@link unicityCurve}. */
export interface UnicityCurve {
  points: UnicityCurvePoint[];
  /** `numUnits`: distinct units (cameras or cells) that appear in the points. */
  params: { k: number; crowdSizes: number[]; sampleSize: number; confidence: number; seed: string; units: 'camera' | 'custom'; numUnits: number };
}

const ORIGIN = 'unicityCurve';

/**
 * Unicity at k points for nested crowds of growing size.
 *
 * @param points - each person's (camera, hour) points (see {@link UnicityPoints})
 * @param options - `k`, `crowdSizes`, `unitOf`, `sampleSize`, `confidence`, `seed`; defaults {@link UNICITY_CURVE_DEFAULTS}
 * @returns one point per crowd size (ascending), with Wilson intervals and exclusions
 * @throws {InvalidInputError} on malformed points (as {@link unicity}), k or a crowd size not an integer ≥ 1,
 *   or a `unitOf` that is not a Uint32Array covering every camera id
 * @example
 * const c = unicityCurve(sightingPoints(sightings), { crowdSizes: [1000, 10000] });
 * c.points.map((p) => [p.crowdSize, p.share]);
 *
 * Complexity: per crowd size n, O(S_n + ranges) to index the crowd's S_n
 * sightings plus the unicity draws (see {@link unicity}).
 */
export function unicityCurve(points: UnicityPoints, options: UnicityCurveOptions = {}): UnicityCurve {
  checkOptions('unicityCurve', options, UNICITY_CURVE_OPTION_KEYS);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  if (typeof points !== 'object' || points === null || !(points.start instanceof Uint32Array) || !(points.camera instanceof Uint32Array) || !(points.hour instanceof Uint32Array)) {
    throw new InvalidInputError(ORIGIN, 'points', 'must be UnicityPoints (numPeople, start, camera, hour)', points);
  }
  const n = points.numPeople;
  if (!Number.isInteger(n) || n < 1 || points.start.length !== n + 1) throw new InvalidInputError(ORIGIN, 'points.numPeople', 'must be an integer >= 1 with start of length numPeople + 1', n);
  const k = options.k ?? UNICITY_CURVE_DEFAULTS.k;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > 1000) throw new InvalidInputError(ORIGIN, 'options.k', 'must be an integer in [1, 1000]', k);
  const sizesIn = options.crowdSizes ?? UNICITY_CURVE_DEFAULTS.crowdSizes;
  if (!Array.isArray(sizesIn)) throw new InvalidInputError(ORIGIN, 'options.crowdSizes', 'must be an array of integers >= 1', sizesIn);
  sizesIn.forEach((s, i) => {
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 1) throw new InvalidInputError(ORIGIN, `options.crowdSizes[${i}]`, 'must be an integer >= 1', s);
  });
  const sizes = [...new Set([...sizesIn.filter((s) => s < n), n])].sort((a, b) => a - b);
  const sampleSize = options.sampleSize ?? UNICITY_CURVE_DEFAULTS.sampleSize;
  const confidence = options.confidence ?? UNICITY_CURVE_DEFAULTS.confidence;
  const unitOf = options.unitOf;
  let maxCamera = -1;
  for (let i = 0; i < points.camera.length; i++) if (points.camera[i] > maxCamera) maxCamera = points.camera[i];
  if (unitOf !== undefined && (!(unitOf instanceof Uint32Array) || unitOf.length <= maxCamera)) {
    throw new InvalidInputError(ORIGIN, 'options.unitOf', `must be a Uint32Array covering every camera id (length > ${maxCamera})`, unitOf);
  }
  const rng = toRng(options.seed ?? UNICITY_CURVE_DEFAULTS.seed, ORIGIN);
  // Fisher–Yates on a seeded stream: the crowd of size n is order[0 .. n − 1].
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const shuffle = rng.stream('crowd');
  for (let i = n - 1; i > 0; i--) {
    const j = shuffle.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const camera = unitOf === undefined ? points.camera : remap(points.camera, unitOf);
  // Distinct units that appear in the points (sighted cameras, or cells holding a sighted camera).
  const seen = new Set<number>();
  for (let i = 0; i < camera.length; i++) seen.add(camera[i]);
  const numUnits = seen.size;
  const out: UnicityCurvePoint[] = [];
  for (const size of sizes) {
    const crowd = subsetPoints(points.start, camera, points.hour, order, size);
    if (crowd.camera.length === 0) {
      // Nobody in this crowd was sighted: nobody has k points, so everyone is excluded and nothing is measured.
      out.push({ crowdSize: size, k, share: null, ciLow: null, ciHigh: null, sampled: 0, excluded: size });
      continue;
    }
    const u = unicity(crowd, { kMax: k, sampleSize, confidence, seed: rng.stream(`crowd-${size}`) });
    const at = u.byK[k - 1];
    out.push({ crowdSize: size, k, share: at.share, ciLow: at.ciLow, ciHigh: at.ciHigh, sampled: at.sampled, excluded: at.excluded });
  }
  return { points: out, params: { k, crowdSizes: sizes, sampleSize, confidence, seed: rng.seed, units: unitOf === undefined ? 'camera' : 'custom', numUnits } };
}

function remap(camera: Uint32Array, unitOf: Uint32Array): Uint32Array {
  const out = new Uint32Array(camera.length);
  for (let i = 0; i < camera.length; i++) out[i] = unitOf[camera[i]];
  return out;
}

/** The points of people `order[0 .. size − 1]`, renumbered 0 … size − 1 in that order. */
function subsetPoints(start: Uint32Array, camera: Uint32Array, hour: Uint32Array, order: Uint32Array, size: number): UnicityPoints {
  let total = 0;
  for (let i = 0; i < size; i++) total += start[order[i] + 1] - start[order[i]];
  const s = new Uint32Array(size + 1);
  const c = new Uint32Array(total);
  const h = new Uint32Array(total);
  let at = 0;
  for (let i = 0; i < size; i++) {
    const p = order[i];
    for (let j = start[p]; j < start[p + 1]; j++) {
      c[at] = camera[j];
      h[at] = hour[j];
      at++;
    }
    s[i + 1] = at;
  }
  return { numPeople: size, start: s, camera: c, hour: h };
}

/**
 * Spatial units of a square grid: the cell of each camera, numbered densely
 * in order of first appearance (camera order). For antenna-like resolution
 * (de Montjoye et al. used mobile-phone antennas) pass a cell size of the
 * order of urban antenna spacing.
 *
 * @param x - camera x in metres
 * @param y - camera y in metres
 * @param cellSize - cell side in metres (finite > 0)
 * @returns the unit (cell) id of each camera and the number of cells used
 * @throws {InvalidInputError} on a bad cell size, arrays of different lengths or a non-finite coordinate
 * @example
 * const { unitOf } = cellUnits(cameras.x, cameras.y, 1000);
 */
export function cellUnits(x: ArrayLike<number>, y: ArrayLike<number>, cellSize: number): { unitOf: Uint32Array; numUnits: number } {
  const origin = 'cellUnits';
  if (typeof cellSize !== 'number' || !(cellSize > 0) || !Number.isFinite(cellSize)) throw new InvalidInputError(origin, 'cellSize', 'must be a finite number > 0', cellSize);
  if (x.length !== y.length) throw new InvalidInputError(origin, 'y.length', `must equal x.length (${x.length})`, y.length);
  const ids = new Map<string, number>();
  const unitOf = new Uint32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new InvalidInputError(origin, `x/y[${i}]`, 'must be finite numbers', [x[i], y[i]]);
    const key = `${Math.floor(x[i] / cellSize)},${Math.floor(y[i] / cellSize)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    unitOf[i] = id;
  }
  return { unitOf, numUnits: ids.size };
}

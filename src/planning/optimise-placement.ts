/**
 * Choosing where to put k new cameras: greedy maximum coverage with lazy
 * evaluation (CELF) and exact marginal gains.
 */
import { InvalidInputError } from '../core/index.js';
import { checkOptions, optionKeys } from '../core/internal.js';
import { CameraSet, concatCameraSets } from '../cameras/index.js';
import { overlappingPairs, streetSegments, type CoverageLevel } from '../coverage/index.js';
import { FootprintPool } from './footprint-pool.js';
import { lazyGreedy } from './lazy-greedy.js';
import { buildStreetPieces, piecesByViewer } from './street-pieces.js';
import { resolvePlanningArea, type PlanningAreaOptions } from './study-area-input.js';
import { identificationTable } from './identification-gains.js';
import { type StreetNetwork, type TripSet } from '../mobility/index.js';

/** What {@link optimisePlacement} maximises. */
export type PlacementObjective = 'area' | 'streetLength' | 'populationStreetLength' | 'identifications';

/** The objectives {@link optimisePlacement} knows. */
export const PLACEMENT_OBJECTIVES: readonly PlacementObjective[] = ['area', 'streetLength', 'populationStreetLength', 'identifications'];

/** Options of {@link optimisePlacement}. */
export interface OptimisePlacementOptions extends PlanningAreaOptions {
  /**
   * What to maximise: `'area'` (m² of the study area covered, exact),
   * `'streetLength'` (m of street covered, exact; needs `city`) or
   * `'populationStreetLength'` (street metres weighted by the residential
   * density of the population-grid cell each piece of street lies in, in
   * m × residents/km²; needs `city`), or `'identifications'`: the expected
   * number of `trips` identified at least once, with the exposure layer's
   * sighting model (faces of pedestrians by face-capable cameras, plates of
   * cars by plate readers, at `level`, or at `identify` when `level` is
   * `'range'`; the candidates need `capabilities`); needs `city`, `trips`
   * and `network`. Default `'area'`.
   */
  objective?: PlacementObjective;
  /** Routed trips (routeTrips) for the `'identifications'` objective. */
  trips?: TripSet;
  /** The street network the trips were routed on, for the `'identifications'` objective. */
  network?: StreetNetwork;
  /** Cameras already in place: what they cover counts as covered (their coverage is `baseValue`, not in `value`). */
  existing?: CameraSet;
  /**
   * One group number per candidate (an integer ≥ 0): at most one candidate of
   * each group is chosen, e.g. the several headings of one mounting site.
   * The choice is then greedy over a partition matroid, whose guarantee is
   * ½ instead of 1 − 1/e (Fisher, Nemhauser and Wolsey 1978).
   */
  exclusive?: ArrayLike<number>;
}

/** Result of {@link optimisePlacement}: plain data, JSON-serialisable. */
export interface PlacementResult {
  /** Candidate ids (indices into `candidates`) in pick order. Fewer than k when no candidate adds anything more. */
  chosen: number[];
  /** Exact marginal gain of each pick, given the existing cameras and the earlier picks (m², m, or m × residents/km²). */
  gains: number[];
  /** Coverage the picks add: the sum of `gains`. */
  value: number;
  /** Coverage of the existing cameras alone (0 without `existing`). */
  baseValue: number;
  /** An upper bound on the coverage any k candidates could add: the smaller of `bounds.apriori` and `bounds.online`. */
  bound: number;
  bounds: {
    /** value / (1 − 1/e) (Nemhauser, Wolsey and Fisher 1978), or 2 · value with `exclusive`. */
    apriori: number;
    /** value + the sum of the k largest marginal gains left after the last pick (Minoux 1978; Leskovec et al. 2007). */
    online: number;
  };
  /** The greedy's guaranteed share of the optimum: 1 − 1/e, or ½ with `exclusive`. */
  guarantee: number;
  /** Marginal gains evaluated (a measure of work; a plain greedy evaluates about k × candidates). */
  evaluations: number;
  /** The unit of `gains`, `value` and the bounds. */
  unit: 'm²' | 'm' | 'm × residents/km²' | 'trips';
  params: { objective: PlacementObjective; k: number; level: CoverageLevel; occlusion: boolean; numCandidates: number; numExisting: number; exclusive: boolean };
}

/** Defaults of {@link optimisePlacement}. */
export const OPTIMISE_PLACEMENT_DEFAULTS = {
  /** Covered area: the objective every study area has (the street objectives need a city). */
  objective: 'area' as PlacementObjective,
  /** As computeCoverage: each footprint reaches the camera's own range. */
  level: 'range' as CoverageLevel,
  /** As computeCoverage: no clipping by buildings unless asked. */
  occlusion: false,
} as const;

const OPTIMISE_PLACEMENT_OPTION_KEYS = optionKeys<OptimisePlacementOptions>()(OPTIMISE_PLACEMENT_DEFAULTS, ['bounds', 'area', 'city', 'buildings', 'existing', 'exclusive', 'trips', 'network']);

const ORIGIN = 'optimisePlacement';
const ONE_MINUS_INV_E = 1 - Math.exp(-1);

/**
 * Chooses up to k of the candidate cameras to add, greedily by exact
 * marginal coverage, with lazy evaluation (CELF: Leskovec et al.,
 * "Cost-effective outbreak detection in networks", KDD 2007,
 * https://doi.org/10.1145/1281192.1281239).
 *
 * Coverage is monotone and submodular, so the greedy choice covers at least
 * (1 − 1/e) ≈ 63.2 % of the best possible k-subset (Nemhauser, Wolsey and
 * Fisher, Math. Programming 14, 1978); the result reports that bound and
 * the usually much tighter online bound (Minoux 1978). Gains are exact: for
 * `'area'`, the area a candidate adds to the union of the existing and
 * chosen footprints, measured by the exact union engine on the candidate
 * and the chosen footprints whose boxes meet its box, clipped to the
 * candidate's box (no raster); for the street objectives, the weight of the
 * street pieces (cut at every footprint, study-area and grid boundary) it
 * sees that nothing chosen sees yet.
 *
 * Several headings at one site are several candidates; `exclusive` lets a
 * site pick at most one of them.
 *
 * @param candidates - the candidate cameras (position, heading, fov, range, resolution)
 * @param k - how many to choose (an integer ≥ 0)
 * @param options - study area (`bounds`, `area` or `city`), `objective`, `level`, `occlusion`,
 *   `existing`, `exclusive`; defaults: {@link OPTIMISE_PLACEMENT_DEFAULTS}
 * @returns the picks in order with their exact gains, the total, and upper bounds on the optimum
 * @throws {InvalidInputError} on a bad camera set, k, objective, exclusive groups,
 *   a street objective without `city`, or the study-area errors of computeCoverage
 * @example
 * const candidates = createCameraSet([
 *   { x: 100, y: 100, heading: 0, fov: 90, range: 50 },
 *   { x: 100, y: 100, heading: 180, fov: 90, range: 50 },
 *   { x: 300, y: 300, heading: 90, fov: 360, range: 30 },
 * ]);
 * const r = optimisePlacement(candidates, 2, { bounds: [0, 0, 500, 500] });
 * r.chosen // [2, 0]: the disc (2,827 m²) first, then a quarter disc (1,963 m²)
 *
 * Complexity: O(n) initial gains plus O(k · r) re-evaluations for r
 * re-evaluations per pick (a few in practice), each costing the union of a
 * candidate with its chosen neighbours (area) or a scan of its street pieces.
 */
export function optimisePlacement(candidates: CameraSet, k: number, options: OptimisePlacementOptions): PlacementResult {
  checkOptions(ORIGIN, options, OPTIMISE_PLACEMENT_OPTION_KEYS);
  if (!(candidates instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'candidates', 'must be a CameraSet (use createCameraSet)', candidates);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  if (!Number.isInteger(k) || k < 0) throw new InvalidInputError(ORIGIN, 'k', 'must be an integer ≥ 0', k);
  const objective = options.objective ?? OPTIMISE_PLACEMENT_DEFAULTS.objective;
  if (!PLACEMENT_OBJECTIVES.includes(objective)) throw new InvalidInputError(ORIGIN, 'options.objective', `must be one of ${PLACEMENT_OBJECTIVES.map((o) => JSON.stringify(o)).join(', ')}`, objective);
  const existing = options.existing;
  if (existing !== undefined && !(existing instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'options.existing', 'must be a CameraSet', existing);
  const { resolved, level, occlusion, buildings } = resolvePlanningArea(ORIGIN, options, OPTIMISE_PLACEMENT_DEFAULTS);
  const city = options.city;
  if (objective !== 'area' && city === undefined) throw new InvalidInputError(ORIGIN, 'options.city', `is required for the objective "${objective}" (its streets)`, undefined);
  if (objective === 'identifications') {
    if (typeof options.trips !== 'object' || options.trips === null || typeof (options.trips as TripSet).numTrips !== 'number') {
      throw new InvalidInputError(ORIGIN, 'options.trips', 'is required for the objective "identifications" (routed trips, see routeTrips)', options.trips);
    }
    if (typeof options.network !== 'object' || options.network === null) throw new InvalidInputError(ORIGIN, 'options.network', 'is required for the objective "identifications" (the street network of the trips)', options.network);
  }
  const nc = candidates.numCameras;
  const group = checkExclusive(options.exclusive, nc);

  const all = existing !== undefined && existing.numCameras > 0 ? concatCameraSets([candidates, existing]) : candidates;
  // The identification objective reads sightings, not footprints.
  const areaPool = objective === 'identifications' ? null : new FootprintPool(all, level, resolved, buildings);
  const fpOf = areaPool === null ? null : areaPool.fpOf;
  const chosenFlag = new Uint8Array(nc);
  const groupTaken = group === null ? null : new Set<number>();
  const eligible = (c: number): boolean => (fpOf === null || fpOf[c] >= 0) && chosenFlag[c] === 0 && (groupTaken === null || !groupTaken.has(group![c]));
  const markChosen = (c: number): void => {
    chosenFlag[c] = 1;
    if (groupTaken !== null) groupTaken.add(group![c]);
  };

  let gain: (c: number) => number;
  let pick: (c: number) => void;
  let baseValue = 0;
  if (objective === 'area') {
    const pool = areaPool!;
    const fpOf = pool.fpOf;
    const fp = pool.fp;
    const m = pool.n;
    const nb = overlappingPairs(fp.minX, fp.minY, fp.maxX, fp.maxY, m, 1e-7);
    const inUnion = new Uint8Array(m);
    const existingIds: number[] = [];
    for (let f = 0; f < m; f++) {
      if (fp.cameraId[f] >= nc) {
        inUnion[f] = 1;
        existingIds.push(f);
      }
    }
    baseValue = existingIds.length > 0 ? pool.area(existingIds, existingIds.length, null) : 0;
    const clips = new Map<number, [number, number, number] | null>();
    let ids = new Uint32Array(64);
    gain = (c) => {
      const f = fpOf[c];
      let clip = clips.get(f);
      if (clip === undefined) {
        clip = pool.clipBox(fp.minX[f], fp.minY[f], fp.maxX[f], fp.maxY[f]);
        clips.set(f, clip);
      }
      // The covered footprints whose boxes meet f's, in index order, with f in its place.
      let count = 0;
      const deg = nb.start[f + 1] - nb.start[f];
      if (ids.length < deg + 1) ids = new Uint32Array(2 * deg + 2);
      for (let q = nb.start[f]; q < nb.start[f + 1]; q++) if (inUnion[nb.list[q]] === 1) ids[count++] = nb.list[q];
      if (count === 0) {
        ids[0] = f;
        return pool.area(ids, 1, clip);
      }
      const sorted = ids.subarray(0, count).sort();
      const without = pool.area(sorted, count, clip);
      let at = count;
      while (at > 0 && sorted[at - 1] > f) {
        ids[at] = ids[at - 1];
        at--;
      }
      ids[at] = f;
      const withF = pool.area(ids, count + 1, clip);
      const g = withF - without;
      return g > 0 ? g : 0;
    };
    pick = (c) => {
      inUnion[fpOf[c]] = 1;
      markChosen(c);
    };
  } else if (objective === 'identifications') {
    const table = identificationTable(all, nc, city!, options.trips!, options.network!, level, occlusion, buildings);
    const miss = table.miss;
    baseValue = table.baseValue;
    gain = (c) => {
      let g = 0;
      for (let q = table.start[c]; q < table.start[c + 1]; q++) g += miss[table.trip[q]] * table.q[q];
      return g;
    };
    pick = (c) => {
      for (let q = table.start[c]; q < table.start[c + 1]; q++) miss[table.trip[q]] *= 1 - table.q[q];
      markChosen(c);
    };
  } else {
    const pool = areaPool!;
    const fpOf = pool.fpOf;
    const pieces = buildStreetPieces(pool, streetSegments(city!.streets), objective === 'populationStreetLength' ? city!.population : null);
    const byViewer = piecesByViewer(pieces, pool.n);
    const covered = new Uint8Array(pieces.numPieces);
    for (let p = 0; p < pieces.numPieces; p++) {
      for (let q = pieces.viewStart[p]; q < pieces.viewStart[p + 1]; q++) {
        if (pool.fp.cameraId[pieces.viewers[q]] >= nc) {
          covered[p] = 1;
          baseValue += pieces.weight[p];
          break;
        }
      }
    }
    gain = (c) => {
      const f = fpOf[c];
      let g = 0;
      for (let q = byViewer.start[f]; q < byViewer.start[f + 1]; q++) {
        const p = byViewer.pieces[q];
        if (covered[p] === 0) g += pieces.weight[p];
      }
      return g;
    };
    pick = (c) => {
      const f = fpOf[c];
      for (let q = byViewer.start[f]; q < byViewer.start[f + 1]; q++) covered[byViewer.pieces[q]] = 1;
      markChosen(c);
    };
  }

  const run = lazyGreedy(nc, k, gain, pick, eligible);
  let value = 0;
  for (const g of run.gains) value += g;
  const guarantee = group === null ? ONE_MINUS_INV_E : 0.5;
  const apriori = value / guarantee;
  const online = value + run.remainingTopK;
  return {
    chosen: run.chosen,
    gains: run.gains,
    value,
    baseValue,
    bound: Math.min(apriori, online),
    bounds: { apriori, online },
    guarantee,
    evaluations: run.evaluations,
    unit: objective === 'area' ? 'm²' : objective === 'streetLength' ? 'm' : objective === 'populationStreetLength' ? 'm × residents/km²' : 'trips',
    params: { objective, k, level, occlusion, numCandidates: nc, numExisting: existing?.numCameras ?? 0, exclusive: group !== null },
  };
}

/** Checks the exclusive groups: one integer ≥ 0 per candidate. */
function checkExclusive(ex: unknown, n: number): Int32Array | null {
  if (ex === undefined) return null;
  if (typeof ex !== 'object' || ex === null || typeof (ex as ArrayLike<number>).length !== 'number') {
    throw new InvalidInputError(ORIGIN, 'options.exclusive', 'must be an array with one group number per candidate', ex);
  }
  const arr = ex as ArrayLike<number>;
  if (arr.length !== n) throw new InvalidInputError(ORIGIN, 'options.exclusive.length', `must equal the number of candidates (${n})`, arr.length);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = arr[i];
    if (!Number.isInteger(g) || g < 0 || g > 0x7fffffff) throw new InvalidInputError(ORIGIN, `options.exclusive[${i}]`, 'must be an integer ≥ 0', g);
    out[i] = g;
  }
  return out;
}

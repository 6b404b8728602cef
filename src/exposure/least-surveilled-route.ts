/**
 * The least-surveilled route between two points of the street network: the
 * path minimising length + weight × exposure, with a cap on the detour
 * against the shortest path (in the tradition of iSee's "paths of least
 * surveillance" and of ALPR-avoiding routers).
 */
import { InvalidInputError, NotFoundError } from '../core/index.js';
import { type CoverageLevel } from '../coverage/index.js';
import { type StreetNetwork, nearestNode } from '../mobility/index.js';
import { csrLengths, dijkstra } from '../mobility/internal.js';
import { shortestPathTies, SHORTEST_TIE_TOLERANCE, walkBack } from './shortest-path-ties.js';
import { PROFILE_LEVELS, type StreetExposureProfile } from './street-exposure-profile.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** A route end: a node index, or a point `[x, y]` in metres snapped to the nearest node. */
export type RouteEnd = number | readonly [number, number];

/** Options of {@link leastSurveilledRoute}. */
export interface LeastSurveilledRouteOptions {
  /**
   * Level whose observed metres count as exposure (must be recorded in the
   * profile). Default: the widest level the profile records (normally
   * `'range'`: seen at all).
   */
  level?: CoverageLevel;
  /**
   * Exposure per arc instead of the profile's observed metres: a
   * Float64Array of length 2 · numEdges, finite ≥ 0 (for example expected
   * identifications per arc from a recognition model, or frontal metres).
   */
  arcExposure?: Float64Array;
  /** Metres of extra walking one unit of exposure is worth (finite ≥ 0; default 10, see {@link LEAST_SURVEILLED_DEFAULTS}). */
  weight?: number;
  /**
   * Largest allowed detour as a share of the shortest path's length (≥ 0, Infinity for none; default 0.25).
   * Lengths within a relative 1e-9 of the cap count as within it (the tolerance under which two sums of edge
   * lengths are taken as equal), so 0 admits exactly the equally short paths.
   */
  maxDetour?: number;
}

/** Defaults of {@link leastSurveilledRoute}. */
export const LEAST_SURVEILLED_DEFAULTS = {
  /**
   * **Assumption** (a preference, not a fact): one metre walked under a
   * camera costs as much as 10 metres of extra walking, i.e. the router
   * accepts long detours to avoid cameras, bounded by `maxDetour`.
   */
  weight: 10,
  /** At most 25 % longer than the shortest path (the example given in the issue that specified this router). */
  maxDetour: 0.25,
  /** Cap on the number of searches (each one Dijkstra run); the hull search below needs far fewer. */
  maxSearches: 64,
} as const;

/** The options leastSurveilledRoute knows (its unknown options are refused). */
const LEAST_SURVEILLED_ROUTE_OPTION_KEYS = optionKeys<LeastSurveilledRouteOptions>()(LEAST_SURVEILLED_DEFAULTS, ['level', 'arcExposure'], ['maxSearches']);

/** A route on the network. */
export interface NetworkRoute {
  /** Arc ids in travel order (see street-network.ts: arc 2e runs source → target of edge e). */
  arcs: Uint32Array;
  /** Metres. */
  length: number;
  /** Sum of the arcs' exposure (observed metres at the chosen level, or `arcExposure`). */
  exposure: number;
}

/** Result of {@link leastSurveilledRoute}. */
export interface LeastSurveilledRoute extends NetworkRoute {
  /** Node indexes of the two ends (after snapping points). */
  from: number;
  to: number;
  /**
   * The reference: the least-exposed of the equally short paths (shortest by length, then by exposure), so
   * that `exposureAvoided` is what the detour buys and not which of many equal-length paths was taken.
   */
  shortest: NetworkRoute;
  /**
   * Exposure over all the equally short paths: the least (= `shortest.exposure`) and the greatest, and how
   * many such paths there are (counted in floating point by the dynamic programme: exact below 2^53, may
   * round above it or be Infinity on huge grids). max − min is how much route choice alone, without any
   * extra walking, changes the exposure.
   */
  shortestExposureRange: { min: number; max: number; numPaths: number };
  /** length / shortest.length − 1 (0 when from = to). */
  detour: number;
  /** shortest.exposure − exposure (≥ 0; exactly 0 when maxDetour is 0). */
  exposureAvoided: number;
  /** The weight for which the returned route minimises length + weight × exposure (≤ options.weight). */
  effectiveWeight: number;
  /** Dijkstra searches run. */
  searches: number;
  params: { level: CoverageLevel | null; exposure: 'observed-metres' | 'arcExposure'; weight: number; maxDetour: number };
}

const ORIGIN = 'leastSurveilledRoute';

/**
 * The route between two points that minimises length + weight × exposure,
 * never longer than (1 + maxDetour) × the shortest path.
 *
 * Exposure of an arc is, by default, the metres of its street seen by at
 * least one camera at the chosen level (the profile's `observedLength`,
 * the same in both directions); `arcExposure` replaces it (for example
 * with expected identifications).
 *
 * Method: the reference is the least-exposed shortest path, found
 * exactly by a dynamic programme over the shortest-path DAG (two Dijkstra
 * searches, see shortest-path-ties.ts), which also gives the least and
 * greatest exposure over all equally short paths. With `maxDetour` 0 that
 * path is the answer (nothing else fits the cap). Otherwise first the route
 * for `weight` (one Dijkstra search on length + weight × exposure). If it breaks the detour cap, the weight is
 * lowered by the Lagrangian hull search for constrained shortest paths
 * (Handler & Zang, Networks 1980): keep a feasible route (weight w_lo, from
 * the reference, the optimum at w = 0 with the least exposure) and an infeasible one; search at the weight
 * where both cost the same; the result replaces whichever of the two it
 * matches in feasibility, until no route is cheaper at that weight. The
 * returned route is optimal for length + effectiveWeight × exposure and
 * respects the cap; it is the least exposed route on the lower convex hull
 * of (length, exposure), which may miss a slightly less exposed route
 * inside the hull (the exact constrained problem is NP-hard). When no
 * route fits the cap with less exposure than the reference (below it by
 * more than a relative 1e-9, i.e. beyond rounding), the reference is
 * returned.
 *
 * @param network - a street network (buildStreetNetwork)
 * @param profile - the street exposure profile of the same city (computeStreetExposureProfile), edge order matching
 * @param from - a node index, or a point `[x, y]` snapped to the nearest node of the largest connected component
 * @param to - likewise
 * @param options - `level`, `arcExposure`, `weight`, `maxDetour` (see {@link LEAST_SURVEILLED_DEFAULTS})
 * @returns the route (arcs, length, exposure), the reference shortest path's, the exposure range over the shortest
 *   paths, the detour and the effective weight
 * @throws {InvalidInputError} when the profile's edge count differs from the network's, from/to is not a node index or a
 *   finite point, the level is not recorded in the profile, arcExposure has the wrong length or a negative / non-finite
 *   value, weight is not finite ≥ 0 or maxDetour is not ≥ 0
 * @throws {NotFoundError} when `to` cannot be reached from `from`
 * @example
 * const network = buildStreetNetwork(city.streets);
 * const profile = computeStreetExposureProfile(cameras, city);
 * const r = leastSurveilledRoute(network, profile, [0, 0], [2500, 1800], { maxDetour: 0.25 });
 * r.exposure / r.shortest.exposure // share of the shortest path's exposure left
 * r.detour                         // ≤ 0.25
 * r.shortestExposureRange          // { min, max, numPaths }: exposure of the equally short paths
 *
 * Complexity: O(k (N + E) log N) for k Dijkstra searches (typically 3–9).
 */
export function leastSurveilledRoute(network: StreetNetwork, profile: StreetExposureProfile, from: RouteEnd, to: RouteEnd, options: LeastSurveilledRouteOptions = {}): LeastSurveilledRoute {
  checkOptions('leastSurveilledRoute', options, LEAST_SURVEILLED_ROUTE_OPTION_KEYS);
  if (typeof network !== 'object' || network === null || !(network.starts instanceof Uint32Array)) {
    throw new InvalidInputError(ORIGIN, 'network', 'must be a StreetNetwork (use buildStreetNetwork)', network);
  }
  if (typeof profile !== 'object' || profile === null || !(profile.observedLength instanceof Float64Array)) {
    throw new InvalidInputError(ORIGIN, 'profile', 'must be a StreetExposureProfile (use computeStreetExposureProfile)', profile);
  }
  const ne = network.numEdges;
  if (profile.numEdges !== ne) throw new InvalidInputError(ORIGIN, 'profile.numEdges', `must equal the network's number of edges (${ne}): build both from the same street graph`, profile.numEdges);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const s = snap(network, from, 'from');
  const t = snap(network, to, 'to');
  const weight = options.weight ?? LEAST_SURVEILLED_DEFAULTS.weight;
  if (typeof weight !== 'number' || !(weight >= 0 && weight < Infinity)) throw new InvalidInputError(ORIGIN, 'options.weight', 'must be a finite number >= 0', weight);
  const maxDetour = options.maxDetour ?? LEAST_SURVEILLED_DEFAULTS.maxDetour;
  if (typeof maxDetour !== 'number' || !(maxDetour >= 0)) throw new InvalidInputError(ORIGIN, 'options.maxDetour', 'must be a number >= 0 (Infinity for no cap)', maxDetour);

  // Exposure per arc and per CSR position (cached per network, profile and level).
  let level: CoverageLevel | null = null;
  const m = 2 * ne;
  let arcExp: Float64Array;
  let expPos: Float64Array;
  if (options.arcExposure !== undefined) {
    if (options.level !== undefined) throw new InvalidInputError(ORIGIN, 'options.level', 'cannot be combined with options.arcExposure', options.level);
    const ax = options.arcExposure as unknown;
    if (!(ax instanceof Float64Array) || ax.length !== m) throw new InvalidInputError(ORIGIN, 'options.arcExposure', `must be a Float64Array of length 2 · numEdges = ${m}`, ax);
    for (let a = 0; a < m; a++) {
      const v = ax[a];
      if (!(v >= 0 && v < Infinity)) throw new InvalidInputError(ORIGIN, `options.arcExposure[${a}]`, 'must be a finite number >= 0', v);
    }
    arcExp = ax;
    expPos = byPosition(network, arcExp);
  } else {
    const recorded = profile.levels.map((li) => PROFILE_LEVELS[li]);
    level = options.level ?? recorded[0];
    const li = recorded.indexOf(level);
    if (li < 0) throw new InvalidInputError(ORIGIN, 'options.level', `must be a level the profile records (${recorded.map((l) => JSON.stringify(l)).join(', ')})`, options.level);
    const cached = profileArrays(network, profile, li);
    arcExp = cached.arcExp;
    expPos = cached.expPos;
  }
  const params: LeastSurveilledRoute['params'] = { level, exposure: options.arcExposure !== undefined ? 'arcExposure' : 'observed-metres', weight, maxDetour };

  // The reference: the least-exposed shortest path, and the exposure range over the shortest paths.
  const lenPos = csrLengths(network);
  const ties = shortestPathTies(network, s, t, lenPos, expPos);
  if (!(ties.length < Infinity)) throw new NotFoundError(ORIGIN, 'to', t, `is not reachable from node ${s}`);
  const shortest = summarise(network, ties.arcs, arcExp);
  const shortestExposureRange = { min: ties.minExposure, max: ties.maxExposure, numPaths: ties.numPaths };
  // The cap, with the tolerance of the shortest-path DAG: maxDetour 0 admits exactly the DAG's paths.
  const limit = ties.length * (1 + maxDetour) + SHORTEST_TIE_TOLERANCE * ties.length;
  // Weights of one search (per CSR position) and the search's arrays: module scratch, reused.
  ensureScratch(m, network.numNodes);
  const w = scratchW.subarray(0, m);
  const dist = scratchDist.subarray(0, network.numNodes);
  const parent = scratchParent.subarray(0, network.numNodes);
  let searches = 2;
  const solve = (lambda: number): NetworkRoute => {
    for (let p = 0; p < m; p++) w[p] = lenPos[p] + lambda * expPos[p];
    dijkstra(network, s, t, w, dist, parent);
    searches++;
    return summarise(network, walkBack(network, parent, s, t), arcExp);
  };

  let best = shortest;
  let bestWeight = 0;
  if (s !== t && weight > 0 && maxDetour > 0) {
    const top = solve(weight);
    if (top.length <= limit) {
      if (top.length + weight * top.exposure < shortest.length + weight * shortest.exposure) {
        best = top;
        bestWeight = weight;
      }
    } else {
      // Hull search between a feasible (lo) and an infeasible (hi) route.
      let lo = shortest;
      let hi = top;
      while (searches < LEAST_SURVEILLED_DEFAULTS.maxSearches && lo.exposure > hi.exposure) {
        const lambda = (hi.length - lo.length) / (lo.exposure - hi.exposure);
        if (!(lambda > 0 && lambda < Infinity)) break;
        const mid = solve(lambda);
        const costLo = lo.length + lambda * lo.exposure;
        const costMid = mid.length + lambda * mid.exposure;
        if (!(costMid < costLo - 1e-9 * Math.max(1, costLo))) break; // no route below the segment lo–hi: lo is on the hull
        if (mid.length <= limit) {
          lo = mid;
          bestWeight = lambda;
        } else hi = mid;
      }
      best = lo;
    }
    // Not less exposed beyond rounding: the extra walking buys nothing, keep the reference.
    if (!(best.exposure < shortest.exposure - SHORTEST_TIE_TOLERANCE * shortest.exposure)) {
      best = shortest;
      bestWeight = 0;
    }
  }
  return {
    from: s,
    to: t,
    arcs: best.arcs,
    length: best.length,
    exposure: best.exposure,
    shortest,
    shortestExposureRange,
    detour: shortest.length > 0 ? best.length / shortest.length - 1 : 0,
    exposureAvoided: Math.max(0, shortest.exposure - best.exposure),
    effectiveWeight: bestWeight,
    searches,
    params,
  };
}

// Scratch of the searches (grown on demand; results never point into it).
let scratchW = new Float64Array(0);
let scratchDist = new Float64Array(0);
let scratchParent = new Uint32Array(0);

function ensureScratch(m: number, n: number): void {
  if (scratchW.length < m) scratchW = new Float64Array(m);
  if (scratchDist.length < n) {
    scratchDist = new Float64Array(n);
    scratchParent = new Uint32Array(n);
  }
}

/** Per network and profile: exposure per arc and per CSR position for each recorded level. */
const profileCache = new WeakMap<StreetNetwork, WeakMap<StreetExposureProfile, Map<number, { arcExp: Float64Array; expPos: Float64Array }>>>();

function profileArrays(network: StreetNetwork, profile: StreetExposureProfile, li: number): { arcExp: Float64Array; expPos: Float64Array } {
  let byProfile = profileCache.get(network);
  if (byProfile === undefined) {
    byProfile = new WeakMap();
    profileCache.set(network, byProfile);
  }
  let byLevel = byProfile.get(profile);
  if (byLevel === undefined) {
    byLevel = new Map();
    byProfile.set(profile, byLevel);
  }
  let entry = byLevel.get(li);
  if (entry === undefined) {
    const ne = network.numEdges;
    const obs = profile.observedLength;
    const arcExp = new Float64Array(2 * ne);
    for (let e = 0; e < ne; e++) {
      arcExp[2 * e] = obs[li * ne + e];
      arcExp[2 * e + 1] = obs[li * ne + e];
    }
    entry = { arcExp, expPos: byPosition(network, arcExp) };
    byLevel.set(li, entry);
  }
  return entry;
}

/** Reorders a per-arc array by CSR position. */
function byPosition(network: StreetNetwork, perArc: Float64Array): Float64Array {
  const outArcs = network.outArcs;
  const out = new Float64Array(outArcs.length);
  for (let p = 0; p < outArcs.length; p++) out[p] = perArc[outArcs[p]];
  return out;
}

function snap(network: StreetNetwork, end: unknown, field: string): number {
  if (typeof end === 'number') {
    if (!Number.isInteger(end) || end < 0 || end >= network.numNodes) {
      throw new InvalidInputError(ORIGIN, field, `must be a node index (an integer in [0, ${network.numNodes - 1}]) or a point [x, y]`, end);
    }
    return end;
  }
  if (!Array.isArray(end) || end.length !== 2) throw new InvalidInputError(ORIGIN, field, 'must be a node index or a point [x, y]', end);
  for (let k = 0; k < 2; k++) {
    if (typeof end[k] !== 'number' || !Number.isFinite(end[k])) throw new InvalidInputError(ORIGIN, `${field}[${k}]`, 'must be a finite number', end[k]);
  }
  return nearestNode(network, end[0] as number, end[1] as number, { largestComponent: true });
}

function summarise(network: StreetNetwork, arcs: Uint32Array, arcExp: Float64Array): NetworkRoute {
  let length = 0;
  let exposure = 0;
  for (let k = 0; k < arcs.length; k++) {
    length += network.edgeLength[arcs[k] >>> 1];
    exposure += arcExp[arcs[k]];
  }
  return { arcs, length, exposure };
}

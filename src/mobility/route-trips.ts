/**
 * Routes planned trips on the street network: one shortest-path search per
 * distinct origin node, shared by every plan that leaves from it.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject, requirePositive, checkOptions, optionKeys, withNestedOptions } from '../core/internal.js';
import { csrLengths, dijkstraUntil, nextStamp, NO_ARC, targetMark } from './shortest-paths.js';
import type { StreetNetwork } from './street-network.js';
import { MODE_CAR, MODE_WALK, type TripSet } from './trip-set.js';
import type { TripPlans } from './trip-plans.js';

/** Travel speeds by mode, metres per second. */
export const TRAVEL_SPEEDS = {
  /**
   * Walking: 1.31 m/s, the mean "usual pace" outdoor walking speed of
   * healthy adults in a meta-analysis of 35 studies (Murtagh et al.,
   * "Outdoor walking speeds of apparently healthy adults: a systematic review
   * and meta-analysis", Sports Medicine 51(1):125–141, 2021,
   * doi:10.1007/s40279-020-01351-3; 95% CI 1.27–1.35 m/s).
   */
  walk: 1.31,
  /**
   * Car: 25 km/h ≈ 6.94 m/s door to door in city traffic. Assumption — no
   * published average for Almaty was found; congested city centres average
   * 20–30 km/h.
   */
  car: 25 / 3.6,
} as const;

/** The keys of a `speeds` option: the modes of {@link TRAVEL_SPEEDS}. */
export const TRAVEL_SPEED_KEYS = optionKeys<NonNullable<RouteTripsOptions['speeds']>>()(TRAVEL_SPEEDS, []);

/** Options of {@link routeTrips}. */
export interface RouteTripsOptions {
  /** Route only these plans (indices into the plans), in this order. Default: all plans in order. */
  planIds?: Uint32Array;
  /** Speeds in m/s by mode (default {@link TRAVEL_SPEEDS}). */
  speeds?: { walk?: number; car?: number };
}

/** Routed trips: a TripSet in plan order, with each trip's plan index. */
export interface RoutedTripSet extends TripSet {
  /** Plan index of each trip. */
  readonly planId: Uint32Array;
}

/** Result of {@link routeTrips}. */
export interface RouteTripsResult {
  trips: RoutedTripSet;
  /** Plans whose destination cannot be reached from their origin: counted, listed, not routed. */
  unreachable: { count: number; planIds: Uint32Array };
  /** Number of shortest-path searches run (distinct origin nodes). */
  numTrees: number;
  /** Trips whose origin and destination node coincide (empty path, length 0). */
  numEmptyPaths: number;
  params: { speeds: { walk: number; car: number }; numPlans: number; planSeed: string };
}

const ORIGIN = 'routeTrips';

/** The options routeTrips knows (its unknown options are refused). */
const ROUTE_TRIPS_OPTION_KEYS = withNestedOptions(optionKeys<RouteTripsOptions>()({}, ['planIds', 'speeds']), { speeds: TRAVEL_SPEED_KEYS });

/**
 * Routes trip plans on shortest paths (by length). Plans are grouped by
 * origin node; each group gets one Dijkstra search, stopped as soon as all
 * of the group's destinations are settled, and each plan's path is read off
 * the tree. Trips come out in the order of `planIds` (default: plan order).
 * A plan whose destination is unreachable is listed in `unreachable` and
 * skipped — never dropped silently. Routing any partition of the plan ids
 * and concatenating the shares gives exactly the trips of routing them all.
 *
 * @param network - the street network the plans were made on
 * @param plans - from planTrips (or your own with the same columns)
 * @param options - `planIds` (a share to route), `speeds` by mode
 * @returns trips (TripSet + planId), unreachable plans, number of searches
 * @throws {InvalidInputError} on a plan id or node index out of range, or a speed that is not > 0
 * @example
 * const { trips, unreachable } = routeTrips(network, plans);
 * trips.numTrips + unreachable.count === plans.numPlans // true
 * @remarks O(origins · (N + E) log E + total path length). Plans of one origin with the same destination share one
 *   path walk; peak memory about 4 bytes per output arc plus 4 per distinct (origin, destination) path arc.
 */
export function routeTrips(network: StreetNetwork, plans: TripPlans, options: RouteTripsOptions = {}): RouteTripsResult {
  checkOptions('routeTrips', options, ROUTE_TRIPS_OPTION_KEYS);
  requireObject(ORIGIN, 'options', options);
  const numNodes = network.numNodes;
  const np = plans.numPlans;
  const walkSpeed = options.speeds?.walk === undefined ? TRAVEL_SPEEDS.walk : requirePositive(ORIGIN, 'options.speeds.walk', options.speeds.walk);
  const carSpeed = options.speeds?.car === undefined ? TRAVEL_SPEEDS.car : requirePositive(ORIGIN, 'options.speeds.car', options.speeds.car);
  let ids: Uint32Array;
  if (options.planIds === undefined) {
    ids = new Uint32Array(np);
    for (let k = 0; k < np; k++) ids[k] = k;
  } else {
    if (!(options.planIds instanceof Uint32Array)) throw new InvalidInputError(ORIGIN, 'options.planIds', 'must be a Uint32Array of plan indices', options.planIds);
    ids = options.planIds;
    for (let k = 0; k < ids.length; k++) if (ids[k] >= np) throw new InvalidInputError(ORIGIN, `options.planIds[${k}]`, `must be a plan index in [0, ${np - 1}]`, ids[k]);
  }
  const m = ids.length;
  const on = plans.originNode;
  const dn = plans.destNode;
  for (let k = 0; k < m; k++) {
    const p = ids[k];
    if (!(on[p] < numNodes)) throw new InvalidInputError(ORIGIN, `plans.originNode[${p}]`, `must be a node index in [0, ${numNodes - 1}]`, on[p]);
    if (!(dn[p] < numNodes)) throw new InvalidInputError(ORIGIN, `plans.destNode[${p}]`, `must be a node index in [0, ${numNodes - 1}]`, dn[p]);
  }
  for (let k = 0; k < m; k++) {
    const mode = plans.mode[ids[k]];
    if (mode !== MODE_WALK && mode !== MODE_CAR) throw new InvalidInputError(ORIGIN, `plans.mode[${ids[k]}]`, 'must be 0 (walk) or 1 (car)', mode);
  }

  return routeValidated(network, plans, ids, walkSpeed, carSpeed, new RouteScratch());
}

/**
 * @internal Working and output arrays of {@link routeTrips}, reusable from one
 * call to the next on the same thread (grown on demand, never shrunk). The
 * population pipeline routes a hundred chunks per call through one scratch:
 * without it each chunk allocated about 20 MB of fresh arrays (the path
 * buffer grows by half several times), whose first-touch page faults and
 * collections cost more than the copying. Outputs routed into a scratch are
 * views, valid until its next use.
 */
export class RouteScratch {
  private arrays = new Map<string, Uint32Array | Float64Array | Uint8Array>();
  private stamps = new Uint32Array(0);
  /** Stamp of the current tree in {@link pathStamps}; increases across calls, so the array needs no clearing. */
  stamp = 0;
  /** Per node, the stamp of the tree whose path to it is stored (at least `n` entries; stamps restart with a fresh array). */
  pathStamps(n: number): Uint32Array {
    if (this.stamps.length < n) {
      this.stamps = new Uint32Array(n);
      this.stamp = 0;
    }
    return this.stamps;
  }
  /** A Uint32Array of at least `n` entries under `key` (contents unspecified). */
  u32(key: string, n: number): Uint32Array {
    return this.array(key, n, Uint32Array);
  }
  /** A Float64Array of at least `n` entries under `key` (contents unspecified). */
  f64(key: string, n: number): Float64Array {
    return this.array(key, n, Float64Array);
  }
  /** A Uint8Array of at least `n` entries under `key` (contents unspecified). */
  u8(key: string, n: number): Uint8Array {
    return this.array(key, n, Uint8Array);
  }
  private array<T extends Uint32Array | Float64Array | Uint8Array>(key: string, n: number, C: new (length: number) => T): T {
    let a = this.arrays.get(key) as T | undefined;
    if (a === undefined || a.length < n) {
      // Grown by at least a quarter, so that slowly growing shares do not reallocate every time.
      a = new C(Math.max(n, a === undefined ? 0 : Math.ceil(a.length * 1.25)));
      this.arrays.set(key, a);
    }
    return a;
  }
}

/**
 * @internal Routes plans `ids` (validated: plan ids, nodes and modes in
 * range) through `scratch`. With a fresh scratch the result owns its arrays;
 * with a reused one its trips are views into the scratch (valid until the
 * scratch is used again). `weights`: the arcs' lengths in CSR order (csrLengths; threads
 * routing on the same network can share one copy).
 */
export function routeValidated(
  network: StreetNetwork, plans: TripPlans, ids: Uint32Array, walkSpeed: number, carSpeed: number, scratch: RouteScratch,
  weights: Float64Array = csrLengths(network),
): RouteTripsResult {
  const numNodes = network.numNodes;
  const np = plans.numPlans;
  const m = ids.length;
  const on = plans.originNode;
  const dn = plans.destNode;
  // Group the positions k by origin node (counting sort: stable, so k increases within a group).
  const groupStart = scratch.u32('groupStart', numNodes + 1).fill(0, 0, numNodes + 1);
  for (let k = 0; k < m; k++) groupStart[on[ids[k]] + 1]++;
  for (let v = 0; v < numNodes; v++) groupStart[v + 1] += groupStart[v];
  const order = scratch.u32('order', m);
  const fill = scratch.u32('fill', numNodes);
  fill.set(groupStart.subarray(0, numNodes));
  for (let k = 0; k < m; k++) order[fill[on[ids[k]]]++] = k;

  const dist = scratch.f64('dist', numNodes);
  const parentArc = scratch.u32('parentArc', numNodes);
  const hopCount = scratch.u32('hopCount', m);
  const tmpStart = scratch.u32('tmpStart', m);
  const length = scratch.f64('length', m);
  const reached = scratch.u8('reached', m).fill(0, 0, m);
  // Paths in group order; plans of one group with the same destination share one stored path.
  let tmp = scratch.u32('tmp', Math.max(1024, Math.min(m * 16, 1 << 26)) + numNodes);
  let tmpUsed = 0;
  const pathStamp = scratch.pathStamps(numNodes);
  const pathAt = scratch.u32('pathAt', numNodes);
  const pathHops = scratch.u32('pathHops', numNodes);
  if (scratch.stamp > 0xffffffff - numNodes) {
    pathStamp.fill(0);
    scratch.stamp = 0;
  }
  let numTrees = 0;
  let numUnreachable = 0;
  let done = 0;
  for (let v = 0; v < numNodes; v++) {
    const s = groupStart[v];
    const e = groupStart[v + 1];
    if (s === e) continue;
    numTrees++;
    const treeStamp = ++scratch.stamp;
    const mark = targetMark(numNodes);
    const stamp = nextStamp();
    let targets = 0;
    for (let q = s; q < e; q++) {
      const t = dn[ids[order[q]]];
      if (mark[t] !== stamp) {
        mark[t] = stamp;
        targets++;
      }
    }
    dijkstraUntil(network, v, weights, dist, parentArc, mark, stamp, targets);
    for (let q = s; q < e; q++) {
      const k = order[q];
      const target = dn[ids[k]];
      const d = dist[target];
      if (!(d < Infinity)) {
        numUnreachable++;
        continue;
      }
      reached[k] = 1;
      length[k] = d;
      if (pathStamp[target] === treeStamp) {
        tmpStart[k] = pathAt[target];
        hopCount[k] = pathHops[target];
        continue;
      }
      // A path has at most numNodes − 1 arcs: keep that much room ahead.
      if (tmpUsed + numNodes > tmp.length) {
        const projected = Math.ceil((tmpUsed / Math.max(1, done)) * m * 1.05) + numNodes;
        const need = Math.max(Math.ceil(tmp.length * 1.5), projected, tmpUsed + numNodes);
        const bigger = scratch.u32('tmp', need);
        if (bigger !== tmp) {
          bigger.set(tmp.subarray(0, tmpUsed));
          tmp = bigger;
        }
      }
      const h = writePath(parentArc, network.edgeSource, network.edgeTarget, v, target, tmp, tmpUsed);
      tmpStart[k] = tmpUsed;
      hopCount[k] = h;
      pathStamp[target] = treeStamp;
      pathAt[target] = tmpUsed;
      pathHops[target] = h;
      tmpUsed += h;
    }
    done += e - s;
  }

  // Output in the order of ids, skipping unreachable plans.
  const n = m - numUnreachable;
  const unreachableIds = scratch.u32('unreachable', numUnreachable).subarray(0, numUnreachable);
  const person = scratch.u32('person', n).subarray(0, n);
  const day = new Uint16Array(scratch.u32('day', Math.ceil(n / 2)).buffer, 0, n);
  const mode = scratch.u8('mode', n).subarray(0, n);
  const purpose = scratch.u8('purpose', n).subarray(0, n);
  const departure = scratch.f64('departure', n).subarray(0, n);
  const speed = new Float32Array(scratch.u32('speed', n).buffer, 0, n);
  const lengthOut = scratch.f64('lengthOut', n).subarray(0, n);
  const planId = scratch.u32('planId', n).subarray(0, n);
  const pathStart = scratch.u32('pathStart', n + 1).subarray(0, n + 1);
  pathStart[0] = 0;
  let total = 0;
  for (let k = 0; k < m; k++) if (reached[k]) total += hopCount[k];
  const pathArcs = scratch.u32('pathArcs', total).subarray(0, total);
  let t = 0;
  let u = 0;
  let numEmptyPaths = 0;
  let off = 0;
  for (let k = 0; k < m; k++) {
    const p = ids[k];
    if (!reached[k]) {
      unreachableIds[u++] = p;
      continue;
    }
    person[t] = plans.person[p];
    day[t] = plans.day[p];
    mode[t] = plans.mode[p];
    purpose[t] = plans.purpose[p];
    departure[t] = plans.departure[p];
    speed[t] = plans.mode[p] === MODE_WALK ? walkSpeed : carSpeed;
    lengthOut[t] = length[k];
    planId[t] = p;
    const h = hopCount[k];
    if (h === 0) numEmptyPaths++;
    copyArcs(tmp, tmpStart[k], pathArcs, off, h);
    off += h;
    t++;
    pathStart[t] = off;
  }
  return {
    trips: { numTrips: n, person, day, mode, purpose, departure, speed, length: lengthOut, pathStart, pathArcs, planId },
    unreachable: { count: numUnreachable, planIds: unreachableIds },
    numTrees,
    numEmptyPaths,
    params: { speeds: { walk: walkSpeed, car: carSpeed }, numPlans: np, planSeed: plans.seed },
  };
}

/**
 * Writes the tree path from `source` to `target` into `out` at `at`, in
 * travel order (walks the parents back, then reverses in place); returns
 * the number of arcs. The caller guarantees room for numNodes − 1 arcs.
 */
function writePath(parentArc: Uint32Array, edgeSource: Uint32Array, edgeTarget: Uint32Array, source: number, target: number, out: Uint32Array, at: number): number {
  let h = 0;
  let u = target;
  while (u !== source) {
    const a = parentArc[u];
    if (a === NO_ARC) throw new Error('routeTrips: internal error, broken shortest-path tree');
    out[at + h] = a;
    h++;
    u = a & 1 ? edgeTarget[a >>> 1] : edgeSource[a >>> 1];
  }
  for (let i = at, j = at + h - 1; i < j; i++, j--) {
    const x = out[i];
    out[i] = out[j];
    out[j] = x;
  }
  return h;
}

/** Copies `count` arcs (memcpy through a view for long paths, a loop for short ones). */
function copyArcs(src: Uint32Array, from: number, dst: Uint32Array, to: number, count: number): void {
  if (count > 24) dst.set(src.subarray(from, from + count), to);
  else for (let i = 0; i < count; i++) dst[to + i] = src[from + i];
}

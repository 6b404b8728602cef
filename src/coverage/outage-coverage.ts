/**
 * Coverage under camera outages: the exact expectation under independent
 * outages (availability weights in the coverage engine), and coverage over
 * the first few outage trials or random damage draws (one computeCoverage
 * per distinct set of watching cameras). Fault semantics: see
 * network-coverage.ts.
 */
import { InvalidInputError } from '../core/index.js';
import { toRng, checkOptions, optionKeys, pickOptions } from '../core/internal.js';
import { applyTargetedDamage, centreFlags, createRouting, routeToCentres, sampleOutageScenario, type CommandNetwork, type DamageSimulationOptions, type FaultLiveOptions, type NodeKind, type OutageSimulationOptions, type TrialSummary } from '../network/index.js';
import { checkNetwork, networkDistricts, nodeDistrictIndex, resolveLiveOptions, resolveSummaryOptions, summariseResolved, APPLY_TARGETED_DAMAGE_OPTION_KEYS } from '../network/internal.js';
import { computeCoverage, type CoverageResult } from './compute-coverage.js';
import { checkCoverageOptions, idsWhere, liveWatchingIds, type FaultCoverageOptions } from './network-coverage.js';

/** Options of {@link expectedCoverageUnderOutages}. */
export interface ExpectedOutageCoverageOptions extends FaultLiveOptions {
  coverage: FaultCoverageOptions;
  /** Probability each camera is up (own power, faults): one number or one per camera (default 1). */
  cameraAvailability?: number | ArrayLike<number>;
  /** Probability per district (one number, or per districtId) that it loses power; darkens the cameras of its nodes (default 0). */
  districtBlackout?: number | Readonly<Record<string, number>>;
  /**
   * Live coverage: only live cameras, each weighted also by the probability
   * that its route to the centre is up (product of the availabilities of the
   * nodes and links on its route). Default false (area coverage: paths do not matter).
   */
  live?: boolean;
}

/** Result of {@link expectedCoverageUnderOutages}. */
export interface ExpectedOutageCoverage {
  /** computeCoverage with the per-camera weights: covered area is an expectation. */
  coverage: CoverageResult;
  /** Per camera: the weight used (probability it watches). */
  weights: Float64Array;
  /** `exact` when only independent camera-level outages are modelled; otherwise `upper-bound` (see the docs). */
  exactness: 'exact' | 'upper-bound';
  params: { live: boolean; cameraAvailability: number | 'per-camera'; districtBlackout: Record<string, number> };
}

/** The options expectedCoverageUnderOutages knows (its unknown options are refused). */
const EXPECTED_COVERAGE_UNDER_OUTAGES_OPTION_KEYS = optionKeys<ExpectedOutageCoverageOptions>()({}, ['coverage', 'cameraAvailability', 'districtBlackout', 'live', 'centreKinds', 'analyticsDemand']);

/**
 * Expected coverage under independent outages, exactly, from the coverage
 * engine's availability weights (not from trials).
 *
 * Each camera gets weight w = a (its own availability) × (1 − q) (q: the
 * blackout probability of its node's district) × (with `live`) the
 * probability that every node and link on its route is up.
 *
 * Exactness: the weights treat cameras as independent. That is exact for
 * camera-level outages only. District blackouts and node/link outages are
 * shared by all cameras of a district or a node, which makes their states
 * positively correlated; by the Harris–FKG inequality the probability that
 * all the cameras watching a point are down is then at least the product of
 * their down-probabilities, so the weighted result is an UPPER BOUND on the
 * true expectation (`exactness: 'upper-bound'`). For node-level effects use
 * {@link simulateOutageCoverage}. On a network with redundant links the route
 * probability is that of the baseline route only (alternative routes are
 * ignored: a lower bound on the path's availability).
 *
 * @param network - the network
 * @param options - coverage (required), cameraAvailability (1), districtBlackout (0), live (false), centreKinds
 * @returns the weighted coverage, the weights and whether the result is exact
 * @throws {InvalidInputError} on bad options; NotFoundError for an unknown district id
 * @example
 * expectedCoverageUnderOutages(net, { coverage: { city }, cameraAvailability: 0.95 }).coverage.coveredFraction
 *
 * Complexity: one computeCoverage with weights, plus O(nodes + links + cameras).
 */
export function expectedCoverageUnderOutages(network: CommandNetwork, options: ExpectedOutageCoverageOptions): ExpectedOutageCoverage {
  checkOptions('expectedCoverageUnderOutages', options, EXPECTED_COVERAGE_UNDER_OUTAGES_OPTION_KEYS);
  const origin = 'expectedCoverageUnderOutages';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const live = options.live ?? false;
  if (typeof live !== 'boolean') throw new InvalidInputError(origin, 'options.live', 'must be a boolean', live);
  const p = resolveLiveOptions(origin, options);
  const C = network.numCameras;
  const { weights: w, param: caParam } = cameraAvailabilityWeights(origin, options.cameraAvailability ?? 1, C);
  const districts = networkDistricts(network);
  const q = districtBlackoutProbabilities(origin, options.districtBlackout ?? 0, districts);
  // Per node: the probability its district has power.
  const nd = nodeDistrictIndex(network, districts);
  const N = network.numNodes;
  const nodeW = new Float64Array(N).fill(1);
  let correlated = false;
  for (let v = 0; v < N; v++) {
    if (nd[v] >= 0 && q[nd[v]] > 0) {
      nodeW[v] = 1 - q[nd[v]];
      correlated = true;
    }
  }
  if (live) {
    const pathP = routeUpProbability(network, p.centreKinds);
    for (let v = 0; v < N; v++) {
      if (pathP[v] < 1) correlated = true;
      nodeW[v] *= pathP[v];
    }
    for (let c = 0; c < C; c++) w[c] = network.cameraLive[c] === 1 ? w[c] * nodeW[network.cameraNode[c]] : 0;
  } else {
    for (let c = 0; c < C; c++) w[c] *= nodeW[network.cameraNode[c]];
  }
  const coverage = computeCoverage(network.cameras, { ...cov, availability: w });
  const districtBlackout: Record<string, number> = {};
  districts.forEach((d, k) => {
    if (q[k] > 0) districtBlackout[d] = q[k];
  });
  return { coverage, weights: w, exactness: correlated ? 'upper-bound' : 'exact', params: { live, cameraAvailability: caParam, districtBlackout } };
}

/** Per-camera availability from `options.cameraAvailability` (one probability, or one per camera), and how to report it. */
function cameraAvailabilityWeights(origin: string, ca: number | ArrayLike<number>, C: number): { weights: Float64Array; param: number | 'per-camera' } {
  const w = new Float64Array(C);
  if (typeof ca === 'number') {
    if (!(ca >= 0 && ca <= 1)) throw new InvalidInputError(origin, 'options.cameraAvailability', 'must be a probability in [0, 1]', ca);
    w.fill(ca);
    return { weights: w, param: ca };
  }
  if (typeof ca === 'object' && ca !== null && typeof ca.length === 'number') {
    if (ca.length !== C) throw new InvalidInputError(origin, 'options.cameraAvailability.length', `must equal the number of cameras (${C})`, ca.length);
    for (let c = 0; c < C; c++) {
      const a = ca[c];
      if (typeof a !== 'number' || !(a >= 0 && a <= 1)) throw new InvalidInputError(origin, `options.cameraAvailability[${c}]`, 'must be a probability in [0, 1]', a);
      w[c] = a;
    }
    return { weights: w, param: 'per-camera' };
  }
  throw new InvalidInputError(origin, 'options.cameraAvailability', 'must be a probability or an array with one per camera', ca);
}

/** Blackout probability per district (in the order of `districts`) from `options.districtBlackout`. */
function districtBlackoutProbabilities(origin: string, db: number | Readonly<Record<string, number>>, districts: string[]): Float64Array {
  const q = new Float64Array(districts.length);
  if (typeof db === 'number') {
    if (!(db >= 0 && db <= 1)) throw new InvalidInputError(origin, 'options.districtBlackout', 'must be a probability in [0, 1]', db);
    q.fill(db);
  } else if (typeof db === 'object' && db !== null && !Array.isArray(db)) {
    for (const [id, v] of Object.entries(db)) {
      const k = districts.indexOf(id);
      if (k < 0) throw new InvalidInputError(origin, `options.districtBlackout[${JSON.stringify(id)}]`, `must name the districtId of a node (known: ${districts.join(', ') || 'none'})`, id);
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new InvalidInputError(origin, `options.districtBlackout[${JSON.stringify(id)}]`, 'must be a probability in [0, 1]', v);
      q[k] = v;
    }
  } else throw new InvalidInputError(origin, 'options.districtBlackout', 'must be a probability or an object { districtId: probability }', db);
  return q;
}

/** Per node: the probability that every node and link of its baseline route to a centre is up (0 when unreached). */
function routeUpProbability(network: CommandNetwork, centreKinds: readonly NodeKind[]): Float64Array {
  // In BFS order parents come first.
  const r = routeToCentres(network, centreFlags(network, centreKinds), null, null, createRouting(network));
  const pathP = new Float64Array(network.numNodes);
  for (let k = 0; k < r.numReached; k++) {
    const v = r.order[k];
    const l = r.nextLink[v];
    pathP[v] = network.nodeAvailability[v] * (l < 0 ? 1 : network.linkAvailability[l] * pathP[network.linkTarget[l]]);
  }
  return pathP;
}

function sameIds(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Options of {@link simulateOutageCoverage}. */
export interface OutageCoverageOptions extends OutageSimulationOptions {
  coverage: FaultCoverageOptions;
  /** Trials to compute coverage for (the first ones of simulateOutages; integer in [1, 1000], default 5). */
  coverageTrials?: number;
  /** Live coverage (live cameras up and reached) instead of area coverage (default false). */
  live?: boolean;
}

/** Result of {@link simulateOutageCoverage}. */
export interface OutageCoverage {
  /** Covered area per trial, m² (trial t at index t). */
  coveredArea: Float64Array;
  coveredFraction: Float64Array;
  /** Distribution of the covered fraction over the trials. */
  coveredFractionSummary: TrialSummary;
  /** Trials whose camera set was the same as a previous one (coverage reused, not recomputed). */
  reused: number;
  params: { coverageTrials: number; live: boolean; seed: string; coverage: CoverageResult['params'] | null };
}

/** The options simulateOutageCoverage knows (its unknown options are refused). */
const SIMULATE_OUTAGE_COVERAGE_OPTION_KEYS = optionKeys<OutageCoverageOptions>()({}, ['coverage', 'coverageTrials', 'live', 'trials', 'seed', 'nodeOutages', 'linkOutages', 'districtBlackout', 'cameraAvailability', 'areas', 'keepTrials', 'centreKinds', 'analyticsDemand', 'confidence', 'ci', 'resamples']);

/**
 * Coverage over the first few outage trials of {@link simulateOutages} (same
 * options and seed → the same trials): a distribution, for when the exact
 * expectation of {@link expectedCoverageUnderOutages} is not enough (node-level
 * and district correlations, spread). Each trial is one computeCoverage; a
 * trial whose set of watching cameras is unchanged from the all-up state
 * reuses its coverage.
 *
 * @param network - the network
 * @param options - coverage (required), coverageTrials (5), live (false), and
 *   the simulateOutages options (seed, districtBlackout, cameraAvailability, …)
 * @returns covered area and fraction per trial and their summary
 * @throws {InvalidInputError} on bad options
 * @example
 * simulateOutageCoverage(net, { coverage: { city }, districtBlackout: 0.05, coverageTrials: 10 }).coveredFractionSummary
 *
 * Complexity: up to coverageTrials computeCoverage calls.
 */
export function simulateOutageCoverage(network: CommandNetwork, options: OutageCoverageOptions): OutageCoverage {
  checkOptions('simulateOutageCoverage', options, SIMULATE_OUTAGE_COVERAGE_OPTION_KEYS);
  const origin = 'simulateOutageCoverage';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const T = checkCoverageTrials(origin, options.coverageTrials);
  const live = options.live ?? false;
  if (typeof live !== 'boolean') throw new InvalidInputError(origin, 'options.live', 'must be a boolean', live);
  const p = resolveLiveOptions(origin, options);
  const summary = resolveSummaryOptions(origin, { ...options, seed: options.seed ?? 1 });
  const centres = centreFlags(network, p.centreKinds);
  const routing = createRouting(network);
  const coveredArea = new Float64Array(T);
  const coveredFraction = new Float64Array(T);
  const seen = new Map<string, { ids: Uint32Array; result: CoverageResult }[]>();
  let reused = 0;
  let params: CoverageResult['params'] | null = null;
  let seed = '';
  for (let t = 0; t < T; t++) {
    const s = sampleOutageScenario(network, options, t);
    seed = s.provenance.seed ?? '';
    let ids: Uint32Array;
    if (live) {
      routeToCentres(network, centres, s.nodeUp, s.linkUp, routing);
      ids = liveWatchingIds(network, s.cameraUp, routing.hops);
    } else ids = idsWhere(s.cameraUp);
    // Key: a cheap fingerprint of the set (count and a rolling hash of ids).
    let h = 0;
    for (let i = 0; i < ids.length; i++) h = (Math.imul(h, 31) + ids[i]) | 0;
    const key = `${ids.length}:${h}`;
    const bucket = seen.get(key) ?? [];
    let r: CoverageResult | undefined;
    for (const e of bucket) if (sameIds(e.ids, ids)) r = e.result;
    if (r === undefined) {
      r = coverageOfIds(network, ids, cov);
      bucket.push({ ids, result: r });
      seen.set(key, bucket);
    } else reused++;
    params = r.params;
    coveredArea[t] = r.coveredArea;
    coveredFraction[t] = r.coveredFraction;
  }
  return trialsResult(coveredArea, coveredFraction, summary, reused, { coverageTrials: T, live, seed, coverage: params });
}

/** Options of {@link simulateDamageCoverage}. */
export interface DamageCoverageOptions extends DamageSimulationOptions {
  coverage: FaultCoverageOptions;
  /** Damage draws to compute coverage for (the first trials of simulateTargetedDamage; integer in [1, 1000], default 5). */
  coverageTrials?: number;
}

/** The options simulateDamageCoverage knows (its unknown options are refused). */
const SIMULATE_DAMAGE_COVERAGE_OPTION_KEYS = optionKeys<DamageCoverageOptions>()({}, ['coverage', 'coverageTrials', 'trials', 'seed', 'keepTrials', 'areas', 'totalUnits', 'totalCameras', 'units', 'cameras', 'randomUnits', 'randomCameras', 'unitKinds', 'darkenUnitCameras', 'centreKinds', 'analyticsDemand', 'confidence', 'ci', 'resamples']);

/**
 * Coverage under the first few random damage draws of
 * `simulateTargetedDamage` (same options and seed → the same draws): covered
 * area per draw and its distribution. One computeCoverage per draw.
 *
 * @param network - the network
 * @param options - coverage (required), coverageTrials (5), and the simulateTargetedDamage options
 * @returns covered area and fraction per draw, their summary, the params
 * @throws {InvalidInputError} on bad options
 * @example
 * simulateDamageCoverage(net, { coverage: { city }, randomUnits: 766, randomCameras: 493, seed: 2022 }).coveredFractionSummary
 *
 * Complexity: coverageTrials × (one computeCoverage + O(nodes + cameras)).
 */
export function simulateDamageCoverage(network: CommandNetwork, options: DamageCoverageOptions): OutageCoverage {
  checkOptions('simulateDamageCoverage', options, SIMULATE_DAMAGE_COVERAGE_OPTION_KEYS);
  const origin = 'simulateDamageCoverage';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const cov = checkCoverageOptions(origin, options.coverage);
  const T = checkCoverageTrials(origin, options.coverageTrials);
  const rng = toRng(options.seed ?? 1, origin);
  const summary = resolveSummaryOptions(origin, { ...options, seed: rng });
  const coveredArea = new Float64Array(T);
  const coveredFraction = new Float64Array(T);
  let params: CoverageResult['params'] | null = null;
  for (let t = 0; t < T; t++) {
    const s = applyTargetedDamage(network, { ...pickOptions(options, APPLY_TARGETED_DAMAGE_OPTION_KEYS), seed: rng.stream(`damage/${t}`) });
    const r = coverageOfIds(network, idsWhere(s.cameraUp), cov);
    params = r.params;
    coveredArea[t] = r.coveredArea;
    coveredFraction[t] = r.coveredFraction;
  }
  return trialsResult(coveredArea, coveredFraction, summary, 0, { coverageTrials: T, live: false, seed: rng.seed, coverage: params });
}

/** Checks `options.coverageTrials` (default 5). */
function checkCoverageTrials(origin: string, trials: number | undefined): number {
  const T = trials ?? 5;
  if (!Number.isInteger(T) || T < 1 || T > 1000) throw new InvalidInputError(origin, 'options.coverageTrials', 'must be an integer in [1, 1000]', T);
  return T;
}

/** computeCoverage of the cameras `ids` (the whole set when every camera is listed). */
function coverageOfIds(network: CommandNetwork, ids: Uint32Array, cov: FaultCoverageOptions): CoverageResult {
  return computeCoverage(ids.length === network.numCameras ? network.cameras : network.cameras.subset(ids), cov);
}

/** The result of a run of coverage trials, with the distribution of the covered fraction. */
function trialsResult(
  coveredArea: Float64Array,
  coveredFraction: Float64Array,
  summary: ReturnType<typeof resolveSummaryOptions>,
  reused: number,
  params: OutageCoverage['params'],
): OutageCoverage {
  return { coveredArea, coveredFraction, coveredFractionSummary: summariseResolved(coveredFraction, summary, 'coveredFraction'), reused, params };
}

/**
 * Seeded Monte Carlo trials of outages: independent node and link outages
 * (each up with its `availability`), correlated district blackouts, and
 * optional independent camera outages; per trial the live share under the
 * fault model of `faults-scenario.ts`.
 *
 * Each trial draws from its own named stream `trial/<t>` of the seed, so trial
 * t is the same whatever the number of trials, and {@link sampleOutageScenario}
 * reproduces any single trial as a full {@link FaultScenario}.
 * Order of draws in a trial: districts (sorted ids), nodes (index order),
 * links (index order), cameras (id order); a probability of exactly 0 or 1
 * draws nothing.
 */
import { InvalidInputError, NotFoundError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys } from '../core/internal.js';
import { NODE_KINDS, type CommandNetwork, type NetworkProvenance, type NodeKind } from './command-network.js';
import {
  allUpScenario,
  checkNetwork,
  createFaultEvaluator,
  darkenCamera,
  deliveredWith,
  evaluateWith,
  networkDistricts,
  nodeDistrictIndex,
  resetAdjusted,
  resolveLiveOptions,
  type FaultLiveOptions,
  type FaultScenario,
} from './faults-scenario.js';
import { resolveSummaryOptions, summariseResolved, type ConfidenceMethod, type TrialSummary, type TrialSummaryOptions } from './faults-stats.js';
import type { AnalyticsDemand, LiveCounts } from './routing.js';
import { resolveAreas, type DamageArea } from './damage.js';

/** Options of {@link simulateOutages}. */
export interface OutageSimulationOptions extends FaultLiveOptions, Omit<TrialSummaryOptions, 'seed'> {
  /** Number of trials (integer in [1, 10^7]; default 1,000). */
  trials?: number;
  /** Seed (or stream) of the trials and of the bootstrap (default 1). */
  seed?: Seed | Rng;
  /** Draw each node's own outage from its `availability` (default true). */
  nodeOutages?: boolean;
  /** Draw each link's outage from its `availability` (default true). */
  linkOutages?: boolean;
  /**
   * Probability that a district loses power in a trial, independently per
   * district: one number for every district, or per district id (missing ids: 0).
   * A blackout takes down every node with that `districtId` and darkens their
   * cameras. Default 0.
   */
  districtBlackout?: number | Readonly<Record<string, number>>;
  /**
   * Probability that each camera is up (its own power, faults), one number or
   * one per camera id; default 1 (camera-level outages off: assumption, no
   * sourced figure). Costs O(cameras) per trial when below 1.
   */
  cameraAvailability?: number | ArrayLike<number>;
  /**
   * Target areas (a circle or a polygon in metres, as {@link DamageArea}):
   * in each trial every unit (aggregation node) inside an area is down with
   * probability `unitShare` — its cameras dark, as in a blackout — and every
   * camera inside with probability `cameraShare` (on top of
   * `cameraAvailability`). Overlapping areas combine as independent causes.
   * Default none.
   */
  areas?: readonly DamageArea[];
  /** Keep the per-trial columns in the result (default true). */
  keepTrials?: boolean;
}

/** Defaults of {@link simulateOutages}. */
export const OUTAGE_SIMULATION_DEFAULTS = {
  /** Assumption (no source): 1,000 independent draws per simulation; the result gives a confidence interval on the mean. */
  trials: 1000,
  /** Assumption: a fixed seed, so that a call without one gives the same trials every time. */
  seed: 1 as Seed,
  /** Nodes fail with their own `availability` (1 − availability is the chance a node is down in a trial). */
  nodeOutages: true,
  /** Links fail with their own `availability`. */
  linkOutages: true,
  /** No district blackouts unless asked (assumption: no sourced blackout rate). */
  districtBlackout: 0,
  /** Cameras never fail on their own unless asked (assumption). */
  cameraAvailability: 1,
  /** Keep the per-trial columns in the result. */
  keepTrials: true,
} as const;

/** The options simulateOutages knows (its unknown options are refused). */
const SIMULATE_OUTAGES_OPTION_KEYS = optionKeys<OutageSimulationOptions>()(OUTAGE_SIMULATION_DEFAULTS, ['areas', 'centreKinds', 'analyticsDemand', 'confidence', 'ci', 'resamples']);

/** sampleOutageScenario's: simulateOutages' and also simulateOutageCoverage's own (ignored), so that either call's options reproduce its trial. */
const SAMPLE_OUTAGE_SCENARIO_OPTION_KEYS = [...SIMULATE_OUTAGES_OPTION_KEYS, 'coverage', 'coverageTrials', 'live'];

/** Per-trial outcomes (trial t at index t). */
export interface OutageTrials {
  liveShare: Float64Array;
  /** Live share delivered through the working links' capacity (fair share, rule 6 of `routing.ts`). */
  deliveredShare: Float64Array;
  liveServed: Float64Array;
  /** Cameras up with a working path / all cameras. */
  reachedShare: Float64Array;
  analyticsShortfall: Float64Array;
  nodesDown: Uint32Array;
  linksDown: Uint32Array;
  camerasDark: Uint32Array;
  districtsDown: Uint32Array;
}

/** Result of {@link simulateOutages} (plain data). */
export interface OutageSimulation {
  params: {
    trials: number;
    seed: string;
    nodeOutages: boolean;
    linkOutages: boolean;
    districtBlackout: Record<string, number>;
    cameraAvailability: number | 'per-camera';
    /** The target areas, when given (circles as given; polygons summarised). */
    areas?: { name: string | null; circle?: { x: number; y: number; radius: number }; polygon?: { vertices: number; holes: number }; unitShare: number; cameraShare: number }[];
    centreKinds: NodeKind[];
    analyticsDemand: AnalyticsDemand;
    confidence: number;
    ci: ConfidenceMethod;
    network: NetworkProvenance;
  };
  /** Live counts with everything up. */
  baseline: LiveCounts;
  /** Delivered live share with everything up (as `analyseNetwork`'s `live.deliveredShare`). */
  baselineDeliveredShare: number;
  liveShare: TrialSummary;
  /** Live share delivered through the links' capacity, per trial (fair share; ≤ liveShare in every trial). */
  deliveredShare: TrialSummary;
  reachedShare: TrialSummary;
  liveServed: TrialSummary;
  analyticsShortfall: TrialSummary;
  /** Share of trials with at least one district blacked out. */
  blackoutTrialShare: number;
  /** Per-trial columns, or null with `keepTrials: false`. */
  trials: OutageTrials | null;
}

/** Everything a trial needs, resolved once. @internal */
interface TrialContext {
  network: CommandNetwork;
  rng: Rng;
  nodeOutages: boolean;
  linkOutages: boolean;
  /** Per district (sorted ids): blackout probability. */
  districts: string[];
  districtP: Float64Array;
  nodeDistrict: Int32Array;
  /** Per camera availability, or null when every camera is always up. */
  cameraA: Float64Array | null;
  cameraAScalar: number | null;
  /** Per node: probability that a target area takes it down in a trial (null without areas). */
  areaNodeP: Float64Array | null;
}

function resolveTrialContext(origin: string, network: CommandNetwork, o: OutageSimulationOptions) {
  const D = OUTAGE_SIMULATION_DEFAULTS;
  const trials = o.trials ?? D.trials;
  if (!Number.isInteger(trials) || trials < 1 || trials > 10_000_000) throw new InvalidInputError(origin, 'options.trials', 'must be an integer in [1, 10000000]', trials);
  const rng = toRng(o.seed ?? D.seed, origin);
  const bool = (name: 'nodeOutages' | 'linkOutages' | 'keepTrials', v: unknown, d: boolean): boolean => {
    if (v === undefined) return d;
    if (typeof v !== 'boolean') throw new InvalidInputError(origin, `options.${name}`, 'must be a boolean', v);
    return v;
  };
  const nodeOutages = bool('nodeOutages', o.nodeOutages, D.nodeOutages);
  const linkOutages = bool('linkOutages', o.linkOutages, D.linkOutages);
  const keepTrials = bool('keepTrials', o.keepTrials, D.keepTrials);
  const districts = networkDistricts(network);
  const districtP = new Float64Array(districts.length);
  const db = o.districtBlackout ?? D.districtBlackout;
  if (typeof db === 'number') {
    if (!(db >= 0 && db <= 1)) throw new InvalidInputError(origin, 'options.districtBlackout', 'must be a probability in [0, 1]', db);
    if (db > 0 && districts.length === 0) throw new InvalidInputError(origin, 'options.districtBlackout', 'needs nodes with a districtId (the network has none)', db);
    districtP.fill(db);
  } else if (typeof db === 'object' && db !== null && !Array.isArray(db)) {
    for (const [id, p] of Object.entries(db)) {
      const k = districts.indexOf(id);
      if (k < 0) throw new NotFoundError(origin, `options.districtBlackout[${JSON.stringify(id)}]`, id, `is not the districtId of any node (known: ${districts.join(', ') || 'none'})`);
      if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidInputError(origin, `options.districtBlackout[${JSON.stringify(id)}]`, 'must be a probability in [0, 1]', p);
      districtP[k] = p;
    }
  } else {
    throw new InvalidInputError(origin, 'options.districtBlackout', 'must be a probability or an object { districtId: probability }', db);
  }
  const ca = o.cameraAvailability ?? D.cameraAvailability;
  let cameraA: Float64Array | null = null;
  let cameraAScalar: number | null = null;
  if (typeof ca === 'number') {
    if (!(ca >= 0 && ca <= 1)) throw new InvalidInputError(origin, 'options.cameraAvailability', 'must be a probability in [0, 1]', ca);
    cameraAScalar = ca;
    if (ca < 1) cameraA = new Float64Array(network.numCameras).fill(ca);
  } else if (typeof ca === 'object' && ca !== null && typeof (ca as ArrayLike<number>).length === 'number') {
    const arr = ca as ArrayLike<number>;
    if (arr.length !== network.numCameras) throw new InvalidInputError(origin, 'options.cameraAvailability.length', `must equal the number of cameras (${network.numCameras})`, arr.length);
    cameraA = new Float64Array(network.numCameras);
    let anyBelow = false;
    for (let c = 0; c < arr.length; c++) {
      const p = arr[c];
      if (typeof p !== 'number' || !(p >= 0 && p <= 1)) throw new InvalidInputError(origin, `options.cameraAvailability[${c}]`, 'must be a probability in [0, 1]', p);
      cameraA[c] = p;
      if (p < 1) anyBelow = true;
    }
    if (!anyBelow) cameraA = null;
  } else {
    throw new InvalidInputError(origin, 'options.cameraAvailability', 'must be a probability or an array with one per camera', ca);
  }
  // Target areas: per-node outage probabilities, and camera availabilities lowered inside them.
  const areas = resolveAreas(origin, o.areas);
  let areaNodeP: Float64Array | null = null;
  if (areas.length > 0) {
    const agg = NODE_KINDS.indexOf('aggregation');
    const keep = new Float64Array(network.numNodes).fill(1);
    for (const a of areas) {
      if (a.unitShare === 0) continue;
      for (let v = 0; v < network.numNodes; v++) if (network.nodeKind[v] === agg && a.inside(network.nodeX[v], network.nodeY[v])) keep[v] *= 1 - a.unitShare;
    }
    areaNodeP = new Float64Array(network.numNodes);
    for (let v = 0; v < network.numNodes; v++) areaNodeP[v] = 1 - keep[v];
    const cx = network.cameras.x;
    const cy = network.cameras.y;
    for (const a of areas) {
      if (a.cameraShare === 0) continue;
      if (cameraA === null) cameraA = new Float64Array(network.numCameras).fill(1);
      for (let c = 0; c < network.numCameras; c++) if (a.inside(cx[c], cy[c])) cameraA[c] *= 1 - a.cameraShare;
    }
  }
  const ctx: TrialContext = {
    network,
    rng,
    nodeOutages,
    linkOutages,
    districts,
    districtP,
    nodeDistrict: nodeDistrictIndex(network, districts),
    cameraA,
    cameraAScalar,
    areaNodeP,
  };
  return { trials, keepTrials, ctx };
}

/** Trial buffers (allocated once). */
interface TrialBuffers {
  nodeUp: Uint8Array;
  linkUp: Uint8Array;
  /** 1 when the node is down by a district blackout (its cameras dark). */
  nodeBlackout: Uint8Array;
  districtDown: Uint8Array;
  /** Own camera state (1 up), only when camera outages are on. */
  cameraOwnUp: Uint8Array | null;
}

function createBuffers(ctx: TrialContext): TrialBuffers {
  const net = ctx.network;
  return {
    nodeUp: new Uint8Array(net.numNodes),
    linkUp: new Uint8Array(net.numLinks),
    nodeBlackout: new Uint8Array(net.numNodes),
    districtDown: new Uint8Array(ctx.districts.length),
    cameraOwnUp: ctx.cameraA === null ? null : new Uint8Array(net.numCameras),
  };
}

/** Draws trial t into the buffers. Returns the number of districts down. */
function drawTrial(ctx: TrialContext, t: number, b: TrialBuffers): number {
  const rng = ctx.rng.stream(`trial/${t}`);
  const net = ctx.network;
  const N = net.numNodes;
  const L = net.numLinks;
  const dp = ctx.districtP;
  let districtsDown = 0;
  for (let k = 0; k < dp.length; k++) {
    const p = dp[k];
    const down = p >= 1 ? 1 : p > 0 && rng.next() < p ? 1 : 0;
    b.districtDown[k] = down;
    districtsDown += down;
  }
  const avail = net.nodeAvailability;
  const nd = ctx.nodeDistrict;
  for (let v = 0; v < N; v++) {
    let up = 1;
    if (ctx.nodeOutages) {
      const a = avail[v];
      if (a <= 0) up = 0;
      else if (a < 1 && rng.next() >= a) up = 0;
    }
    const k = nd[v];
    const black = k >= 0 && b.districtDown[k] === 1 ? 1 : 0;
    b.nodeBlackout[v] = black;
    b.nodeUp[v] = black === 1 ? 0 : up;
  }
  const lavail = net.linkAvailability;
  for (let l = 0; l < L; l++) {
    let up = 1;
    if (ctx.linkOutages) {
      const a = lavail[l];
      if (a <= 0) up = 0;
      else if (a < 1 && rng.next() >= a) up = 0;
    }
    b.linkUp[l] = up;
  }
  const ca = ctx.cameraA;
  const own = b.cameraOwnUp;
  if (ca !== null && own !== null) {
    for (let c = 0; c < ca.length; c++) {
      const a = ca[c];
      own[c] = a >= 1 ? 1 : a <= 0 ? 0 : rng.next() < a ? 1 : 0;
    }
  }
  // Target areas last, so that a simulation without them draws exactly as before.
  const ap = ctx.areaNodeP;
  if (ap !== null) {
    for (let v = 0; v < N; v++) {
      const p = ap[v];
      if (p > 0 && (p >= 1 || rng.next() < p)) {
        b.nodeBlackout[v] = 1;
        b.nodeUp[v] = 0;
      }
    }
  }
  return districtsDown;
}

/**
 * Runs seeded Monte Carlo trials of outages and reports the live share (and
 * reach, analytics shortfall) as distributions with a confidence interval on
 * the mean.
 *
 * Per trial: every district blacks out with its probability; every node and
 * link is up with its `availability` (independently); every camera is up
 * with `cameraAvailability`; then live streams are routed around what is down
 * and analytics allocated (rules of `routing.ts`). Area coverage does not
 * change with node or link outages (cameras record locally); see
 * `simulateOutageCoverage` and `expectedCoverageUnderOutages` in the coverage
 * layer for coverage.
 *
 * @param network - the network
 * @param options - trials (1,000), seed (1), nodeOutages / linkOutages (true),
 *   districtBlackout (0), cameraAvailability (1), centreKinds, analyticsDemand,
 *   confidence (0.95), ci (`normal` | `bootstrap`), resamples, keepTrials (true); defaults: {@link OUTAGE_SIMULATION_DEFAULTS}
 * @returns summaries of liveShare, deliveredShare (through the links' capacity, fair share),
 *   reachedShare, liveServed and analyticsShortfall, the all-up baseline, per-trial columns, and the params
 *   with the seed
 * @throws {InvalidInputError} on a bad network or option; {@link NotFoundError}
 *   for a district id no node has
 * @example
 * const sim = simulateOutages(net, { trials: 1000, seed: 7, districtBlackout: 0.01 });
 * sim.liveShare.mean; sim.liveShare.ci; sim.liveShare.p05
 *
 * Complexity: O(trials · (nodes + links)) (+ O(trials · cameras) with camera
 * outages); no allocation per trial beyond the trial's named stream.
 */
export function simulateOutages(network: CommandNetwork, options: OutageSimulationOptions = {}): OutageSimulation {
  checkOptions('simulateOutages', options, SIMULATE_OUTAGES_OPTION_KEYS);
  const origin = 'simulateOutages';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const live = resolveLiveOptions(origin, options);
  const { trials, keepTrials, ctx } = resolveTrialContext(origin, network, options);
  const summary = resolveSummaryOptions(origin, { ...options, seed: ctx.rng });
  const ev = createFaultEvaluator(network, live.centreKinds, live.analyticsDemand);
  resetAdjusted(ev);
  const baseline = evaluateWith(ev, null, null);
  const baselineDelivered = deliveredWith(ev);

  const b = createBuffers(ctx);
  const N = network.numNodes;
  const C = network.numCameras;
  const out: OutageTrials = {
    liveShare: new Float64Array(trials),
    deliveredShare: new Float64Array(trials),
    liveServed: new Float64Array(trials),
    reachedShare: new Float64Array(trials),
    analyticsShortfall: new Float64Array(trials),
    nodesDown: new Uint32Array(trials),
    linksDown: new Uint32Array(trials),
    camerasDark: new Uint32Array(trials),
    districtsDown: new Uint32Array(trials),
  };
  const face = live.analyticsDemand === 'face';
  const caps = network.cameras.capabilities;
  const cameraNode = network.cameraNode;
  let blackoutTrials = 0;
  for (let t = 0; t < trials; t++) {
    const dd = drawTrial(ctx, t, b);
    if (dd > 0) blackoutTrials++;
    resetAdjusted(ev);
    let dark = 0;
    let nodesDown = 0;
    for (let v = 0; v < N; v++) {
      nodesDown += 1 - b.nodeUp[v];
      if (b.nodeBlackout[v] === 1) {
        dark += ev.camsAdj[v];
        ev.camsAdj[v] = 0;
        ev.liveAdj[v] = 0;
        ev.liveMbpsAdj[v] = 0;
        ev.demandAdj[v] = 0;
      }
    }
    const own = b.cameraOwnUp;
    if (own !== null) {
      for (let c = 0; c < C; c++) {
        if (own[c] === 0 && b.nodeBlackout[cameraNode[c]] === 0) {
          dark++;
          darkenCamera(ev, c, face, caps);
        }
      }
    }
    let linksDown = 0;
    for (let l = 0; l < network.numLinks; l++) linksDown += 1 - b.linkUp[l];
    const counts = evaluateWith(ev, b.nodeUp, b.linkUp);
    out.liveShare[t] = counts.liveShare;
    out.deliveredShare[t] = C === 0 ? 0 : deliveredWith(ev) / C;
    out.liveServed[t] = counts.liveServed;
    out.reachedShare[t] = C === 0 ? 0 : counts.camerasReached / C;
    out.analyticsShortfall[t] = counts.analyticsShortfall;
    out.nodesDown[t] = nodesDown;
    out.linksDown[t] = linksDown;
    out.camerasDark[t] = dark;
    out.districtsDown[t] = dd;
  }
  const districtBlackout: Record<string, number> = {};
  ctx.districts.forEach((d, k) => {
    if (ctx.districtP[k] > 0) districtBlackout[d] = ctx.districtP[k];
  });
  return {
    params: {
      trials,
      seed: ctx.rng.seed,
      nodeOutages: ctx.nodeOutages,
      linkOutages: ctx.linkOutages,
      districtBlackout,
      cameraAvailability: ctx.cameraAScalar ?? 'per-camera',
      ...(options.areas && options.areas.length ? { areas: options.areas.map((a) => ({ name: a.name ?? null, ...(a.circle ? { circle: { ...a.circle } } : { polygon: { vertices: a.polygon!.outer.length / 2, holes: a.polygon!.holes.length } }), unitShare: a.unitShare ?? 0, cameraShare: a.cameraShare ?? 0 })) } : {}),
      centreKinds: live.centreKinds,
      analyticsDemand: live.analyticsDemand,
      confidence: summary.confidence,
      ci: summary.ci,
      network: network.provenance,
    },
    baseline,
    baselineDeliveredShare: C === 0 ? 0 : baselineDelivered / C,
    liveShare: summariseResolved(out.liveShare, summary, 'liveShare'),
    deliveredShare: summariseResolved(out.deliveredShare, summary, 'deliveredShare'),
    reachedShare: summariseResolved(out.reachedShare, summary, 'reachedShare'),
    liveServed: summariseResolved(out.liveServed, summary, 'liveServed'),
    analyticsShortfall: summariseResolved(out.analyticsShortfall, summary, 'analyticsShortfall'),
    blackoutTrialShare: blackoutTrials / trials,
    trials: keepTrials ? out : null,
  };
}

/**
 * The fault scenario of one trial of {@link simulateOutages} (same options,
 * same seed → the same draws), e.g. to compute coverage under it.
 *
 * @param network - the network
 * @param options - the options given to simulateOutages or simulateOutageCoverage (trials and the coverage options are ignored)
 * @param trial - trial index (integer ≥ 0)
 * @returns the scenario: nodeUp, linkUp, cameraUp (dark: blacked-out nodes' cameras
 *   and cameras failing on their own), districtsDown, provenance with seed and trial
 * @throws {InvalidInputError} on a bad trial index or option
 * @example
 * const s = sampleOutageScenario(net, { seed: 7, districtBlackout: 0.01 }, 3);
 * evaluateFaultScenario(net, s).live.liveShare === simulateOutages(net, { seed: 7, districtBlackout: 0.01 }).trials.liveShare[3]
 *
 * Complexity: O(nodes + links + cameras).
 */
export function sampleOutageScenario(network: CommandNetwork, options: OutageSimulationOptions, trial: number): FaultScenario {
  checkOptions('sampleOutageScenario', options, SAMPLE_OUTAGE_SCENARIO_OPTION_KEYS);
  const origin = 'sampleOutageScenario';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  if (!Number.isInteger(trial) || trial < 0) throw new InvalidInputError(origin, 'trial', 'must be an integer >= 0', trial);
  const { ctx } = resolveTrialContext(origin, network, { ...options, trials: 1 });
  const b = createBuffers(ctx);
  drawTrial(ctx, trial, b);
  const params: Record<string, unknown> = {
    trial,
    nodeOutages: ctx.nodeOutages,
    linkOutages: ctx.linkOutages,
    districtBlackout: options.districtBlackout ?? OUTAGE_SIMULATION_DEFAULTS.districtBlackout,
    cameraAvailability: ctx.cameraAScalar ?? 'per-camera',
  };
  const s = allUpScenario(network, origin, params, ctx.rng.seed);
  s.nodeUp.set(b.nodeUp);
  s.linkUp.set(b.linkUp);
  const ids = network.nodeCameraIds;
  for (let v = 0; v < network.numNodes; v++) {
    if (b.nodeBlackout[v] === 1) for (let p = network.nodeCameraStart[v]; p < network.nodeCameraStart[v + 1]; p++) s.cameraUp[ids[p]] = 0;
  }
  if (b.cameraOwnUp !== null) for (let c = 0; c < network.numCameras; c++) if (b.cameraOwnUp[c] === 0) s.cameraUp[c] = 0;
  ctx.districts.forEach((d, k) => {
    if (b.districtDown[k] === 1) s.districtsDown.push(d);
  });
  return s;
}

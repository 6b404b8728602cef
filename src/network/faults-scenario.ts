/**
 * Fault scenarios: which nodes, links and cameras are up, and what that does
 * to the live share of a command network.
 *
 * The fault model (every fault analysis in sightline follows it):
 * - **Node or link down** (an outage: power at a cabinet, weak internet on an
 *   LTE uplink): the live paths through it break. Cameras keep recording
 *   locally, so the AREA they cover is unaffected; only live streaming (and
 *   live face recognition) is lost for cameras whose node has no working path
 *   to a centre. Routing follows the rules of `routing.ts` (traffic re-routes
 *   over redundant links where the graph has them).
 * - **Camera down** (its own power, damage): the camera sees nothing. It
 *   drops out of area coverage and, if live, out of the live share.
 * - **District power loss** (correlated): every node whose `districtId` is
 *   the district's id goes down (aggregation points and the district's hub
 *   alike), AND every camera attached to those nodes goes dark (assumption:
 *   a camera draws power in the same grid area as the node it reports to).
 * - **Targeted damage** (see `damage.ts`): named or random units (aggregation
 *   points) and cameras are destroyed; a damaged unit's cameras go dark.
 *
 * A scenario is plain data: `nodeUp`, `linkUp`, `cameraUp` flags (1 = up).
 */
import { CAPABILITY_FACE } from '../cameras/index.js';
import { InvalidInputError, NotFoundError } from '../core/index.js';
import { centreFlags, NODE_KINDS, type CommandNetwork, type NodeKind } from './command-network.js';
import {
  allocateAnalytics,
  ANALYTICS_DEMANDS,
  createAllocationScratch,
  createDeliveryBuffers,
  createRouting,
  deliverLiveStreams,
  routeToCentres,
  type AllocationScratch,
  type DeliveryBuffers,
  type AnalyticsDemand,
  type LiveCounts,
  type NetworkRouting,
} from './routing.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Up/down state of every node, link and camera (1 = up, 0 = down). Plain data. */
export interface FaultScenario {
  /** Uint8Array(numNodes). */
  nodeUp: Uint8Array;
  /** Uint8Array(numLinks). */
  linkUp: Uint8Array;
  /** Uint8Array(numCameras): 0 = the camera sees nothing (dark). */
  cameraUp: Uint8Array;
  /** District ids whose power was cut (their nodes and those nodes' cameras are down). */
  districtsDown: string[];
  /** How the scenario was made. */
  provenance: { generator: string; seed: string | null; params: Record<string, unknown> };
}

/** What to put down in {@link createFaultScenario}. */
export interface FaultScenarioInput {
  /** Nodes down, by key or index (their cameras keep recording: area coverage unaffected). */
  nodesDown?: readonly (string | number)[];
  /** Links down, by key or index. */
  linksDown?: readonly (string | number)[];
  /** Cameras dark, by id. */
  camerasDown?: ArrayLike<number>;
  /** Districts without power: their nodes go down and those nodes' cameras go dark. */
  districtsDown?: readonly string[];
  /** Nodes whose cameras go dark with them, by key or index (a destroyed unit). */
  unitsDestroyed?: readonly (string | number)[];
}

/** Options of the live evaluation ({@link evaluateFaultScenario}, trials, SPOF). */
export interface FaultLiveOptions {
  /** Node kinds that are destinations for live streams (default `['city-centre']`, as analyseNetwork). */
  centreKinds?: readonly NodeKind[];
  /** Which live cameras need an analytics slot: `face` (default) or `live`. */
  analyticsDemand?: AnalyticsDemand;
}

/** Defaults of the live evaluation (the same as `analyseNetwork`). */
export const FAULT_LIVE_DEFAULTS = {
  centreKinds: ['city-centre'] as readonly NodeKind[],
  analyticsDemand: 'face' as AnalyticsDemand,
} as const;

/** The options evaluateFaultScenario knows (its unknown options are refused). */
const EVALUATE_FAULT_SCENARIO_OPTION_KEYS = optionKeys<FaultLiveOptions>()(FAULT_LIVE_DEFAULTS, []);

/** Live counts under a scenario, with what was down. */
export interface FaultEvaluation {
  /** Live and analytics counts (see `LiveCounts`; `liveCameras` counts live cameras that are up). */
  live: LiveCounts;
  /**
   * Served live streams that also fit through every working link's capacity (rule 6 of
   * `routing.ts`, fair share; fractional), and that count / numCameras: the delivered
   * counterparts of `live.liveServed` and `live.liveShare` under the scenario.
   */
  deliveredStreams: number;
  deliveredShare: number;
  /** camerasReached / numCameras: cameras up whose node has a working path. */
  reachedShare: number;
  nodesDown: number;
  linksDown: number;
  camerasDark: number;
  /** Live cameras that are dark. */
  liveCamerasDark: number;
  /** Cameras that are up but whose node has no working path (record-only for the outage). */
  camerasCutOff: number;
  params: { centreKinds: NodeKind[]; analyticsDemand: AnalyticsDemand };
}

/** Checks a network argument (boundary check shared by the fault functions). @internal */
export function checkNetwork(origin: string, network: unknown): CommandNetwork {
  if (typeof network !== 'object' || network === null || !((network as CommandNetwork).upStart instanceof Uint32Array) || !((network as CommandNetwork).nodeCameraIds instanceof Uint32Array)) {
    throw new InvalidInputError(origin, 'network', 'must be a CommandNetwork (createCommandNetwork / buildHierarchicalNetwork)', network);
  }
  return network as CommandNetwork;
}

/** Resolves the live options. @internal */
export function resolveLiveOptions(origin: string, o: FaultLiveOptions): { centreKinds: NodeKind[]; analyticsDemand: AnalyticsDemand } {
  const centreKinds = o.centreKinds ?? FAULT_LIVE_DEFAULTS.centreKinds;
  if (!Array.isArray(centreKinds) || centreKinds.length === 0) throw new InvalidInputError(origin, 'options.centreKinds', 'must be a non-empty array of node kinds', centreKinds);
  centreKinds.forEach((k, i) => {
    if (!NODE_KINDS.includes(k)) throw new InvalidInputError(origin, `options.centreKinds[${i}]`, `must be one of ${NODE_KINDS.map((x) => JSON.stringify(x)).join(', ')}`, k);
  });
  const analyticsDemand = o.analyticsDemand ?? FAULT_LIVE_DEFAULTS.analyticsDemand;
  if (!ANALYTICS_DEMANDS.includes(analyticsDemand)) throw new InvalidInputError(origin, 'options.analyticsDemand', 'must be "face" or "live"', analyticsDemand);
  return { centreKinds: [...centreKinds], analyticsDemand };
}

/** Resolves a node given by key or index. @internal */
export function resolveNode(origin: string, network: CommandNetwork, field: string, v: unknown): number {
  if (typeof v === 'string') {
    const i = network.nodeIndex.get(v);
    if (i === undefined) throw new NotFoundError(origin, field, v, 'is not a node of the network');
    return i;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < network.numNodes) return v;
  throw new InvalidInputError(origin, field, `must be a node key or a node index in [0, ${network.numNodes - 1}]`, v);
}

/** Resolves a link given by key or index. @internal */
export function resolveLink(origin: string, network: CommandNetwork, field: string, v: unknown, linkIndex: Map<string, number>): number {
  if (typeof v === 'string') {
    const i = linkIndex.get(v);
    if (i === undefined) throw new NotFoundError(origin, field, v, 'is not a link of the network');
    return i;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < network.numLinks) return v;
  throw new InvalidInputError(origin, field, `must be a link key or a link index in [0, ${network.numLinks - 1}]`, v);
}

/** Sorted district ids present on the network's nodes. @internal */
export function networkDistricts(network: CommandNetwork): string[] {
  const set = new Set<string>();
  network.graph.forEachNode((_k, a) => {
    if (typeof a.districtId === 'string') set.add(a.districtId);
  });
  return [...set].sort();
}

/** Per node, the index into `districts` of its districtId, or −1. @internal */
export function nodeDistrictIndex(network: CommandNetwork, districts: readonly string[]): Int32Array {
  const pos = new Map<string, number>();
  districts.forEach((d, i) => pos.set(d, i));
  const out = new Int32Array(network.numNodes).fill(-1);
  for (let v = 0; v < network.numNodes; v++) {
    const d = network.graph.getNodeAttribute(network.nodeKeys[v], 'districtId');
    if (typeof d === 'string') out[v] = pos.get(d) ?? -1;
  }
  return out;
}

/** The options createFaultScenario knows (its unknown options are refused). */
const CREATE_FAULT_SCENARIO_OPTION_KEYS = optionKeys<FaultScenarioInput>()({}, ['nodesDown', 'linksDown', 'camerasDown', 'districtsDown', 'unitsDestroyed']);

/**
 * Makes a scenario from named faults (everything else up).
 *
 * @param network - the network
 * @param input - `nodesDown`, `linksDown` (keys or indices), `camerasDown` (ids),
 *   `districtsDown` (district ids: their nodes down, those nodes' cameras dark),
 *   `unitsDestroyed` (nodes down with their cameras dark)
 * @returns the scenario (plain data)
 * @throws {NotFoundError} for a node key, link key or district id the network does not have
 * @throws {InvalidInputError} for a bad index or camera id, or a non-array field
 * @example
 * const s = createFaultScenario(net, { districtsDown: ['medeu'], linksDown: ['agg-7->hub-almaly'] });
 * evaluateFaultScenario(net, s).live.liveShare
 *
 * Complexity: O(nodes + links + cameras).
 */
export function createFaultScenario(network: CommandNetwork, input: FaultScenarioInput = {}): FaultScenario {
  checkOptions('createFaultScenario', input, CREATE_FAULT_SCENARIO_OPTION_KEYS, 'input');
  const origin = 'createFaultScenario';
  checkNetwork(origin, network);
  if (typeof input !== 'object' || input === null) throw new InvalidInputError(origin, 'input', 'must be an object', input);
  const s = allUpScenario(network, origin, {});
  const list = <T>(field: string, v: unknown): readonly T[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new InvalidInputError(origin, `input.${field}`, 'must be an array', v);
    return v as T[];
  };
  list<string | number>('nodesDown', input.nodesDown).forEach((v, i) => {
    s.nodeUp[resolveNode(origin, network, `input.nodesDown[${i}]`, v)] = 0;
  });
  const linksDown = list<string | number>('linksDown', input.linksDown);
  if (linksDown.length > 0) {
    const linkIndex = new Map<string, number>();
    network.linkKeys.forEach((k, l) => linkIndex.set(k, l));
    linksDown.forEach((v, i) => {
      s.linkUp[resolveLink(origin, network, `input.linksDown[${i}]`, v, linkIndex)] = 0;
    });
  }
  if (input.camerasDown !== undefined) {
    const cd = input.camerasDown;
    if (typeof cd !== 'object' || cd === null || typeof cd.length !== 'number') throw new InvalidInputError(origin, 'input.camerasDown', 'must be an array of camera ids', cd);
    for (let i = 0; i < cd.length; i++) {
      const c = cd[i];
      if (!Number.isInteger(c) || c < 0 || c >= network.numCameras) throw new InvalidInputError(origin, `input.camerasDown[${i}]`, `must be a camera id in [0, ${network.numCameras - 1}]`, c);
      s.cameraUp[c] = 0;
    }
  }
  list<string | number>('unitsDestroyed', input.unitsDestroyed).forEach((v, i) => {
    destroyUnit(network, s, resolveNode(origin, network, `input.unitsDestroyed[${i}]`, v));
  });
  const districts = list<string>('districtsDown', input.districtsDown);
  if (districts.length > 0) {
    const known = networkDistricts(network);
    districts.forEach((d, i) => {
      if (!known.includes(d)) throw new NotFoundError(origin, `input.districtsDown[${i}]`, d, `is not the districtId of any node (known: ${known.join(', ') || 'none'})`);
    });
    blackOutDistricts(network, s, districts);
  }
  s.provenance.params = {
    nodesDown: input.nodesDown ? [...input.nodesDown] : [],
    linksDown: input.linksDown ? [...input.linksDown] : [],
    camerasDown: input.camerasDown ? Array.from(input.camerasDown) : [],
    districtsDown: [...districts],
    unitsDestroyed: input.unitsDestroyed ? [...input.unitsDestroyed] : [],
  };
  return s;
}

/** A scenario with everything up. @internal */
export function allUpScenario(network: CommandNetwork, generator: string, params: Record<string, unknown>, seed: string | null = null): FaultScenario {
  return {
    nodeUp: new Uint8Array(network.numNodes).fill(1),
    linkUp: new Uint8Array(network.numLinks).fill(1),
    cameraUp: new Uint8Array(network.numCameras).fill(1),
    districtsDown: [],
    provenance: { generator, seed, params },
  };
}

/** Puts node v down and darkens its cameras. @internal */
export function destroyUnit(network: CommandNetwork, s: FaultScenario, v: number): void {
  s.nodeUp[v] = 0;
  const ids = network.nodeCameraIds;
  for (let p = network.nodeCameraStart[v], e = network.nodeCameraStart[v + 1]; p < e; p++) s.cameraUp[ids[p]] = 0;
}

/** Applies district blackouts to a scenario. @internal */
export function blackOutDistricts(network: CommandNetwork, s: FaultScenario, districts: readonly string[]): void {
  const want = new Set(districts);
  for (let v = 0; v < network.numNodes; v++) {
    const d = network.graph.getNodeAttribute(network.nodeKeys[v], 'districtId');
    if (typeof d === 'string' && want.has(d)) destroyUnit(network, s, v);
  }
  for (const d of districts) if (!s.districtsDown.includes(d)) s.districtsDown.push(d);
}

/**
 * Reusable evaluator: routing, allocation scratch and per-node columns
 * adjusted for dark cameras, allocated once. @internal
 */
export interface FaultEvaluator {
  readonly network: CommandNetwork;
  readonly centres: Uint8Array;
  readonly routing: NetworkRouting;
  readonly scratch: AllocationScratch;
  /** Network view whose per-node camera columns are the adjusted ones below. */
  readonly view: CommandNetwork;
  readonly camsAdj: Uint32Array;
  readonly liveAdj: Uint32Array;
  /** Live Mbit/s per node of the cameras that are up. */
  readonly liveMbpsAdj: Float64Array;
  readonly demandAdj: Uint32Array;
  readonly demandBase: Uint32Array;
  readonly delivery: DeliveryBuffers;
}

/** Makes a {@link FaultEvaluator}. @internal */
export function createFaultEvaluator(network: CommandNetwork, centreKinds: readonly NodeKind[], analyticsDemand: AnalyticsDemand): FaultEvaluator {
  const N = network.numNodes;
  const camsAdj = new Uint32Array(N);
  const liveAdj = new Uint32Array(N);
  const demandAdj = new Uint32Array(N);
  const liveMbpsAdj = new Float64Array(N);
  const view: CommandNetwork = { ...network, nodeCameras: camsAdj, nodeLiveCameras: liveAdj, nodeLiveMbps: liveMbpsAdj };
  return {
    network,
    centres: centreFlags(network, centreKinds),
    routing: createRouting(network),
    scratch: createAllocationScratch(network),
    view,
    camsAdj,
    liveAdj,
    liveMbpsAdj,
    demandAdj,
    demandBase: analyticsDemand === 'face' ? network.nodeLiveFaceCameras : network.nodeLiveCameras,
    delivery: createDeliveryBuffers(network),
  };
}

/** Resets the adjusted columns to the network's own (all cameras up). @internal */
export function resetAdjusted(ev: FaultEvaluator): void {
  ev.camsAdj.set(ev.network.nodeCameras);
  ev.liveAdj.set(ev.network.nodeLiveCameras);
  ev.liveMbpsAdj.set(ev.network.nodeLiveMbps);
  ev.demandAdj.set(ev.demandBase);
}

/**
 * Marks camera c dark in the adjusted columns (call after {@link resetAdjusted}). @internal
 * `faceDemand` = the analytics rule is `face`.
 */
export function darkenCamera(ev: FaultEvaluator, c: number, faceDemand: boolean, faceCaps: Uint8Array): void {
  const net = ev.network;
  const v = net.cameraNode[c];
  ev.camsAdj[v]--;
  if (net.cameraLive[c] === 1) {
    ev.liveAdj[v]--;
    // A node's last live camera going dark leaves exactly 0 (no rounding residue).
    ev.liveMbpsAdj[v] = ev.liveAdj[v] === 0 ? 0 : ev.liveMbpsAdj[v] - net.cameraMbps[c];
    if (!faceDemand || (faceCaps[c] & CAPABILITY_FACE) !== 0) ev.demandAdj[v]--;
  }
}

/** Routes and allocates with the adjusted columns. @internal */
export function evaluateWith(ev: FaultEvaluator, nodeUp: Uint8Array | null, linkUp: Uint8Array | null): LiveCounts {
  routeToCentres(ev.network, ev.centres, nodeUp, linkUp, ev.routing);
  return allocateAnalytics(ev.view, ev.routing, ev.demandAdj, ev.scratch);
}

/** Delivered live streams (rule 6) of the routing and allocation {@link evaluateWith} just made. @internal */
export function deliveredWith(ev: FaultEvaluator): number {
  return deliverLiveStreams(ev.view, ev.routing, ev.demandAdj, ev.scratch, ev.delivery);
}

/** Checks a scenario's shape against a network. @internal */
export function checkScenario(origin: string, network: CommandNetwork, scenario: unknown, field = 'scenario'): FaultScenario {
  if (typeof scenario !== 'object' || scenario === null) throw new InvalidInputError(origin, field, 'must be a FaultScenario', scenario);
  const s = scenario as FaultScenario;
  const check = (name: 'nodeUp' | 'linkUp' | 'cameraUp', n: number) => {
    const a = s[name];
    if (!(a instanceof Uint8Array)) throw new InvalidInputError(origin, `${field}.${name}`, 'must be a Uint8Array', a);
    if (a.length !== n) throw new InvalidInputError(origin, `${field}.${name}.length`, `must equal ${n}`, a.length);
    for (let i = 0; i < n; i++) if (a[i] > 1) throw new InvalidInputError(origin, `${field}.${name}[${i}]`, 'must be 0 or 1', a[i]);
  };
  check('nodeUp', network.numNodes);
  check('linkUp', network.numLinks);
  check('cameraUp', network.numCameras);
  return s;
}

/**
 * Live share under a fault scenario: routes around the nodes and links that
 * are down, leaves out the dark cameras, and allocates analytics (rules of
 * `routing.ts`).
 *
 * @param network - the network
 * @param scenario - from {@link createFaultScenario}, `applyTargetedDamage` or a trial
 * @param options - centreKinds (default city-centre), analyticsDemand (`face` | `live`)
 * @returns live counts (live share over ALL cameras of the network, dark ones included in the denominator),
 *   the delivered streams and share (through the working links' capacity, fair share), and what was down
 * @throws {InvalidInputError} on a bad network, scenario shape or option
 * @example
 * const e = evaluateFaultScenario(net, createFaultScenario(net, { nodesDown: ['hub-medeu'] }));
 * e.live.liveShare; e.camerasCutOff
 *
 * Complexity: O(nodes + links + cameras).
 */
export function evaluateFaultScenario(network: CommandNetwork, scenario: FaultScenario, options: FaultLiveOptions = {}): FaultEvaluation {
  checkOptions('evaluateFaultScenario', options, EVALUATE_FAULT_SCENARIO_OPTION_KEYS);
  const origin = 'evaluateFaultScenario';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const s = checkScenario(origin, network, scenario);
  const p = resolveLiveOptions(origin, options);
  const ev = createFaultEvaluator(network, p.centreKinds, p.analyticsDemand);
  resetAdjusted(ev);
  const face = p.analyticsDemand === 'face';
  const caps = network.cameras.capabilities;
  let camerasDark = 0;
  let liveCamerasDark = 0;
  for (let c = 0; c < network.numCameras; c++) {
    if (s.cameraUp[c] === 0) {
      camerasDark++;
      liveCamerasDark += network.cameraLive[c];
      darkenCamera(ev, c, face, caps);
    }
  }
  const live = evaluateWith(ev, s.nodeUp, s.linkUp);
  const deliveredStreams = deliveredWith(ev);
  let nodesDown = 0;
  for (let v = 0; v < network.numNodes; v++) nodesDown += 1 - s.nodeUp[v];
  let linksDown = 0;
  for (let l = 0; l < network.numLinks; l++) linksDown += 1 - s.linkUp[l];
  const up = network.numCameras - camerasDark;
  return {
    live,
    deliveredStreams,
    deliveredShare: network.numCameras === 0 ? 0 : deliveredStreams / network.numCameras,
    reachedShare: network.numCameras === 0 ? 0 : live.camerasReached / network.numCameras,
    nodesDown,
    linksDown,
    camerasDark,
    liveCamerasDark,
    camerasCutOff: up - live.camerasReached,
    params: p,
  };
}

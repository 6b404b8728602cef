/**
 * Steady-state metrics of a command network with everything up: live share,
 * link utilisation and overloaded links, analytics shortfall, storage demand
 * per node for N days of video, hop count and latency to the centre.
 *
 * Routing and allocation follow the rules in `routing.ts` (fewest hops to
 * the nearest centre; analytics at the route's centre, nodes served in node
 * index order). Storage rules:
 * - every node keeps its own cameras' video, live and record-only
 *   (`nodeAllMbps` × retentionDays);
 * - every centre also archives every live stream routed to it, its own
 *   cameras' included (the centre's archive is a store apart from the
 *   recorders of its own cameras): its live traffic × retentionDays.
 * This is the storage rule of `retentionStorage` (retention layer) for a
 * policy keeping video `retentionDays` at the camera tier (charged to the
 * cameras' nodes) and at the centres, one replica each, with record-only
 * cameras keeping their video on site: the two give the same per-node
 * demand.
 * Hop count and latency are measured from the camera's node to its centre
 * (the camera's own attachment is not counted).
 *
 * Two live shares: the CONNECTED share (`live.liveShare`: live cameras with a
 * route, minus the analytics shortfall; rules 1–5) ignores link capacity; the
 * DELIVERED share (`live.deliveredShare`, rule 6, fair share) counts only what
 * fits through every link: an overloaded link passes capacity / offered load
 * of every stream offered to it.
 */
import { InvalidInputError } from '../core/index.js';
import { centreFlags, NODE_KINDS, type CommandNetwork, type NodeKind, type NetworkProvenance } from './command-network.js';
import {
  allocateAnalytics,
  analyticsDemandColumn,
  ANALYTICS_DEMANDS,
  createAllocationScratch,
  createDeliveryBuffers,
  createRouting,
  deliverLiveStreams,
  routeToCentres,
  routeTraffic,
  type AnalyticsDemand,
  type LiveCounts,
} from './routing.js';
import type { ResolvedStreamOptions } from './streams.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Options of {@link analyseNetwork}. */
export interface AnalyseNetworkOptions {
  /** Days of video kept, for storage demand (≥ 0). */
  retentionDays?: number;
  /** Node kinds that are destinations for live streams (default `['city-centre']`). */
  centreKinds?: readonly NodeKind[];
  /** Which live cameras need an analytics slot: `face` (live face-recognition cameras, default) or `live` (all). */
  analyticsDemand?: AnalyticsDemand;
  /** A link is overloaded when its utilisation is above this (> 0; default 1 = 100% of capacity). */
  overloadThreshold?: number;
}

/** Defaults of {@link analyseNetwork}. */
export const ANALYSE_NETWORK_DEFAULTS = {
  /**
   * 30 days: the video retention reported for the NYPD Domain Awareness System
   * (SOURCES['nypd-das-2009'], unverified; an assumption for Almaty; Flock's 30
   * days apply to plate reads); the Kazakh regional rule is
   * at least 90 days — pass `retentionDays: 90` to compare.
   */
  retentionDays: 30,
  centreKinds: ['city-centre'] as readonly NodeKind[],
  analyticsDemand: 'face' as AnalyticsDemand,
  overloadThreshold: 1,
} as const;

/** The options analyseNetwork knows (its unknown options are refused). */
const ANALYSE_NETWORK_OPTION_KEYS = optionKeys<AnalyseNetworkOptions>()(ANALYSE_NETWORK_DEFAULTS, []);

/** Storage totals of one node kind. */
export interface StorageByKind {
  demandTB: number;
  capacityTB: number;
  shortfallTB: number;
}

/** Result of {@link analyseNetwork}: plain data. Per-node arrays are in node index order, per-link arrays in link index order. */
export interface NetworkAnalysis {
  params: {
    retentionDays: number;
    centreKinds: NodeKind[];
    analyticsDemand: AnalyticsDemand;
    overloadThreshold: number;
    stream: ResolvedStreamOptions;
    numNodes: number;
    numLinks: number;
    numCameras: number;
    network: NetworkProvenance;
  };
  /**
   * Live share and reach (see `LiveCounts`); `liveReachedShareOfLive` = liveReached / liveCameras.
   * `liveShare` is the CONNECTED share (link capacity ignored). `deliveredStreams` counts the
   * served live streams that fit through every link's capacity (fair share, rule 6 of
   * `routing.ts`; a fractional count, the expected number of whole streams), and
   * `deliveredShare` = deliveredStreams / numCameras (the denominator of `liveShare`).
   */
  live: LiveCounts & { liveReachedShareOfLive: number; reachedShare: number; deliveredStreams: number; deliveredShare: number };
  analytics: {
    demand: number;
    served: number;
    /** Reached live streams that get no face recognition. */
    shortfall: number;
    /** Demand at nodes without a route to a centre. */
    unreached: number;
    /** Slots given per node. */
    servedPerNode: Uint32Array;
    perCentre: { node: number; key: string; capacity: number; demand: number; served: number; shortfall: number }[];
  };
  links: {
    /** Live traffic per link, Mbit/s: every connected stream routed through it (rule 5, capacity ignored). */
    mbps: Float64Array;
    /** Live Mbit/s offered to each link after the overloaded links below it have thinned it (rule 6). */
    offeredMbps: Float64Array;
    /** Live Mbit/s each link passes: min(offeredMbps, capacity). */
    passedMbps: Float64Array;
    /** Share of each stream offered to the link that it passes: min(1, capacity / offeredMbps). */
    passFraction: Float64Array;
    /** Live Mbit/s delivered at the centres (through every link's capacity). */
    deliveredLiveMbps: number;
    /** mbps / capacity. */
    utilisation: Float64Array;
    /** Links with utilisation > overloadThreshold, most loaded first (ties by link index). */
    overloaded: Uint32Array;
    maxUtilisation: number;
    /** Live Mbit/s arriving at the centres. */
    totalLiveMbps: number;
  };
  storage: {
    retentionDays: number;
    /** Per node, TB. */
    demandTB: Float64Array;
    capacityTB: Float64Array;
    /** max(0, demand − capacity), TB. */
    shortfallTB: Float64Array;
    /** Nodes with a shortfall, largest first. */
    shortNodes: Uint32Array;
    totalDemandTB: number;
    totalCapacityTB: number;
    totalShortfallTB: number;
    byKind: Record<NodeKind, StorageByKind>;
  };
  paths: {
    /** Hops from each node to its centre, −1 without a route. */
    nodeHops: Int32Array;
    /** Latency from each node to its centre, ms; −1 without a route. */
    nodeLatencyMs: Float64Array;
    /** Centre node index per node, −1 without a route. */
    nodeCentre: Int32Array;
    /** Share of each node's live streams delivered at its centre (product of the links' pass fractions); 0 without a route. */
    nodeDeliveredFraction: Float64Array;
    /** camerasByHops[h] = cameras whose node is h hops from its centre. */
    camerasByHops: number[];
    /** Same for live cameras. */
    liveCamerasByHops: number[];
    /** Cameras whose node has no route. */
    unreachedCameras: number;
    /** Over reached cameras (weighted by each node's cameras); 0 when none is reached. */
    meanHops: number;
    maxHops: number;
    /** Latency over reached cameras, ms: mean and quantiles (lower quantile: the smallest value with at least q of the cameras at or below it). */
    latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  };
}

function resolve(network: CommandNetwork, options: AnalyseNetworkOptions | undefined) {
  const origin = 'analyseNetwork';
  if (typeof network !== 'object' || network === null || !(network.upStart instanceof Uint32Array)) {
    throw new InvalidInputError(origin, 'network', 'must be a CommandNetwork (createCommandNetwork / buildHierarchicalNetwork)', network);
  }
  const o = options ?? {};
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  const D = ANALYSE_NETWORK_DEFAULTS;
  const retentionDays = o.retentionDays ?? D.retentionDays;
  if (typeof retentionDays !== 'number' || !Number.isFinite(retentionDays) || retentionDays < 0) throw new InvalidInputError(origin, 'options.retentionDays', 'must be a finite number >= 0', retentionDays);
  const centreKinds = o.centreKinds ?? D.centreKinds;
  if (!Array.isArray(centreKinds) || centreKinds.length === 0) throw new InvalidInputError(origin, 'options.centreKinds', 'must be a non-empty array of node kinds', centreKinds);
  centreKinds.forEach((k, i) => {
    if (!NODE_KINDS.includes(k)) throw new InvalidInputError(origin, `options.centreKinds[${i}]`, `must be one of ${NODE_KINDS.map((x) => JSON.stringify(x)).join(', ')}`, k);
  });
  const analyticsDemand = o.analyticsDemand ?? D.analyticsDemand;
  if (!ANALYTICS_DEMANDS.includes(analyticsDemand)) throw new InvalidInputError(origin, 'options.analyticsDemand', 'must be "face" or "live"', analyticsDemand);
  const overloadThreshold = o.overloadThreshold ?? D.overloadThreshold;
  if (typeof overloadThreshold !== 'number' || !Number.isFinite(overloadThreshold) || overloadThreshold <= 0) throw new InvalidInputError(origin, 'options.overloadThreshold', 'must be a finite number > 0', overloadThreshold);
  return { retentionDays, centreKinds: [...centreKinds], analyticsDemand, overloadThreshold };
}

/** Terabytes per (Mbit/s · day): 10^6 / 8 bytes/s × 86,400 s / 10^12. */
const TB_PER_MBPS_DAY = (1e6 * 86_400) / 8 / 1e12;

/**
 * Analyses a command network with every node and link up.
 *
 * @param network - the network
 * @param options - retentionDays (default 30), centreKinds (default city-centre),
 *   analyticsDemand (`face` | `live`), overloadThreshold (default 1)
 * @returns plain data with the params (see {@link NetworkAnalysis})
 * @throws {InvalidInputError} on a bad network or option
 * @example
 * const a = analyseNetwork(net, { retentionDays: 90 });
 * a.live.liveShare; a.live.deliveredShare; a.links.overloaded; a.storage.totalShortfallTB; a.paths.latencyMs.p90
 *
 * Complexity: O(nodes log nodes + links); cameras are not visited (per-node aggregates).
 */
export function analyseNetwork(network: CommandNetwork, options?: AnalyseNetworkOptions): NetworkAnalysis {
  checkOptions('analyseNetwork', options, ANALYSE_NETWORK_OPTION_KEYS);
  const p = resolve(network, options);
  const N = network.numNodes;
  const L = network.numLinks;
  const centres = centreFlags(network, p.centreKinds);
  const routing = routeToCentres(network, centres, null, null, createRouting(network));
  const scratch = createAllocationScratch(network);
  const demand = analyticsDemandColumn(network, p.analyticsDemand);
  const counts = allocateAnalytics(network, routing, demand, scratch);

  // analytics per centre
  const perCentre: NetworkAnalysis['analytics']['perCentre'] = [];
  const centreSlot = new Int32Array(N).fill(-1);
  for (let v = 0; v < N; v++) {
    if (centres[v] === 1) {
      centreSlot[v] = perCentre.length;
      perCentre.push({ node: v, key: network.nodeKeys[v], capacity: network.nodeAnalyticsStreams[v], demand: 0, served: 0, shortfall: 0 });
    }
  }
  for (let v = 0; v < N; v++) {
    const c = routing.centre[v];
    if (c < 0) continue;
    const e = perCentre[centreSlot[c]];
    e.demand += demand[v];
    e.served += scratch.served[v];
  }
  for (const e of perCentre) e.shortfall = e.demand - e.served;

  // links
  const mbps = new Float64Array(L);
  const flow = new Float64Array(N);
  routeTraffic(network, routing, mbps, flow);
  const utilisation = new Float64Array(L);
  let maxUtilisation = 0;
  const over: number[] = [];
  for (let l = 0; l < L; l++) {
    const u = mbps[l] / network.linkCapacityMbps[l];
    utilisation[l] = u;
    if (u > maxUtilisation) maxUtilisation = u;
    if (u > p.overloadThreshold) over.push(l);
  }
  over.sort((a, b) => utilisation[b] - utilisation[a] || a - b);
  let totalLiveMbps = 0;
  for (let v = 0; v < N; v++) if (routing.centre[v] === v) totalLiveMbps += flow[v];
  const delivery = createDeliveryBuffers(network);
  const deliveredStreams = deliverLiveStreams(network, routing, demand, scratch, delivery);
  let deliveredLiveMbps = 0;
  for (let v = 0; v < N; v++) if (routing.centre[v] === v) deliveredLiveMbps += delivery.nodeFlow[v];

  // storage
  const demandTB = new Float64Array(N);
  const shortfallTB = new Float64Array(N);
  const capacityTB = Float64Array.from(network.nodeStorageTB);
  const byKind = {} as Record<NodeKind, StorageByKind>;
  for (const k of NODE_KINDS) byKind[k] = { demandTB: 0, capacityTB: 0, shortfallTB: 0 };
  let totalDemandTB = 0;
  let totalCapacityTB = 0;
  let totalShortfallTB = 0;
  const short: number[] = [];
  for (let v = 0; v < N; v++) {
    let mb = network.nodeAllMbps[v];
    if (routing.centre[v] === v) mb += flow[v]; // the centre's archive of every live stream routed to it
    const d = mb * p.retentionDays * TB_PER_MBPS_DAY;
    demandTB[v] = d;
    const s = d > capacityTB[v] ? d - capacityTB[v] : 0;
    shortfallTB[v] = s;
    if (s > 0) short.push(v);
    const b = byKind[NODE_KINDS[network.nodeKind[v]]];
    b.demandTB += d;
    b.capacityTB += capacityTB[v];
    b.shortfallTB += s;
    totalDemandTB += d;
    totalCapacityTB += capacityTB[v];
    totalShortfallTB += s;
  }
  short.sort((a, b) => shortfallTB[b] - shortfallTB[a] || a - b);

  // paths
  const camerasByHops: number[] = [];
  const liveCamerasByHops: number[] = [];
  let unreachedCameras = 0;
  let maxHops = 0;
  let hopSum = 0;
  let reachedCams = 0;
  let latSum = 0;
  const lat: number[] = [];
  for (let v = 0; v < N; v++) {
    const h = routing.hops[v];
    const n = network.nodeCameras[v];
    if (h < 0) {
      unreachedCameras += n;
      continue;
    }
    while (camerasByHops.length <= h) {
      camerasByHops.push(0);
      liveCamerasByHops.push(0);
    }
    camerasByHops[h] += n;
    liveCamerasByHops[h] += network.nodeLiveCameras[v];
    if (n > 0) {
      if (h > maxHops) maxHops = h;
      hopSum += h * n;
      reachedCams += n;
      latSum += routing.latencyMs[v] * n;
      lat.push(v);
    }
  }
  lat.sort((a, b) => routing.latencyMs[a] - routing.latencyMs[b] || a - b);
  const quantile = (q: number): number => {
    if (reachedCams === 0) return 0;
    const need = q * reachedCams;
    let acc = 0;
    for (const v of lat) {
      acc += network.nodeCameras[v];
      if (acc >= need) return routing.latencyMs[v];
    }
    return routing.latencyMs[lat[lat.length - 1]];
  };

  return {
    params: {
      ...p,
      stream: network.stream,
      numNodes: N,
      numLinks: L,
      numCameras: network.numCameras,
      network: network.provenance,
    },
    live: {
      ...counts,
      liveReachedShareOfLive: counts.liveCameras === 0 ? 0 : counts.liveReached / counts.liveCameras,
      reachedShare: network.numCameras === 0 ? 0 : counts.camerasReached / network.numCameras,
      deliveredStreams,
      deliveredShare: network.numCameras === 0 ? 0 : deliveredStreams / network.numCameras,
    },
    analytics: {
      demand: counts.analyticsDemand,
      served: counts.analyticsServed,
      shortfall: counts.analyticsShortfall,
      unreached: counts.analyticsUnreached,
      servedPerNode: Uint32Array.from(scratch.served),
      perCentre,
    },
    links: {
      mbps,
      offeredMbps: delivery.linkOfferedMbps,
      passedMbps: delivery.linkPassedMbps,
      passFraction: delivery.linkPassFraction,
      utilisation,
      overloaded: Uint32Array.from(over),
      maxUtilisation,
      totalLiveMbps,
      deliveredLiveMbps,
    },
    storage: {
      retentionDays: p.retentionDays,
      demandTB,
      capacityTB,
      shortfallTB,
      shortNodes: Uint32Array.from(short),
      totalDemandTB,
      totalCapacityTB,
      totalShortfallTB,
      byKind,
    },
    paths: {
      nodeHops: Int32Array.from(routing.hops),
      nodeLatencyMs: Float64Array.from(routing.latencyMs),
      nodeCentre: Int32Array.from(routing.centre),
      nodeDeliveredFraction: delivery.nodeDeliveredFraction,
      camerasByHops,
      liveCamerasByHops,
      unreachedCameras,
      meanHops: reachedCams === 0 ? 0 : hopSum / reachedCams,
      maxHops,
      latencyMs: {
        mean: reachedCams === 0 ? 0 : latSum / reachedCams,
        p50: quantile(0.5),
        p90: quantile(0.9),
        p99: quantile(0.99),
        max: reachedCams === 0 ? 0 : routing.latencyMs[lat[lat.length - 1]],
      },
    },
  };
}

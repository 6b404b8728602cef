/**
 * Routing of live streams to command centres, and allocation of analytics
 * capacity: the O(nodes + links) kernel that both the steady-state metrics
 * and the fault trials run (a trial never loops over cameras; it uses the
 * per-node aggregates of {@link CommandNetwork}).
 *
 * Rules (deterministic, documented once here):
 * 1. **Route.** A multi-source breadth-first search runs DOWNSTREAM from every
 *    working centre (centres in node index order), following links in reverse
 *    (`downLinks`, ascending link index) and skipping links and nodes that are
 *    down. Each node reached gets the number of hops to its centre, the
 *    centre, and `nextLink`, the upstream link through which it was first
 *    reached. So every node sends its traffic along a fewest-hops path to the
 *    nearest working centre, ties broken by centre index, then by BFS order
 *    (link index). A working centre routes to itself (0 hops); a node with no
 *    working path has hops −1.
 * 2. **Latency** of a node is the sum of `latencyMs` along that route (not
 *    the least-latency path).
 * 3. **Analytics.** Each node's analytics demand (by default its live
 *    face-recognition cameras, `nodeLiveFaceCameras`; with `analyticsDemand:
 *    'live'` every live camera) is offered to its route's centre only. Nodes
 *    are served in node index order; each takes min(demand, capacity left at
 *    its centre). No spill-over to another centre.
 * 4. **Live.** A live camera is *reached* when its node has a route. It is
 *    *served* (counts in the live share) when it is reached and either needs
 *    no analytics or got a slot: served = reached − analytics shortfall.
 * 5. **Traffic.** Every reached node's live bitrate (`nodeLiveMbps`) flows
 *    along its route; link load = sum over the nodes routed through it.
 *    Streams of unreached nodes load no link.
 * 6. **Delivery (fair share).** Rules 4 and 5 count a stream as live when its
 *    node has a route, whatever the links' capacity. The *delivered* count
 *    also respects capacity: a link whose offered load exceeds its capacity
 *    passes the same fraction, capacity / offered load, of every stream
 *    offered to it (no stream has priority: none is named by the sources, so
 *    this is an assumption). The offered load of a link is what arrives from
 *    below after the links further down have thinned it (computed bottom-up
 *    along the routes, leaves first). A stream reaches its centre with the
 *    product of the pass fractions along its route; delivered streams =
 *    Σ over reached nodes of (the node's served live cameras, rule 4) × that
 *    product. The count is fractional: read it as the expected number of
 *    streams that get through whole when each stream offered to an
 *    overloaded link is kept with probability capacity / offered load (or,
 *    equivalently, the stream-equivalents when every stream is degraded to
 *    that share of its bitrate). Analytics slots are allocated on the
 *    connected streams (rule 3), before capacity is applied.
 */
import { InvalidInputError } from '../core/index.js';
import type { CommandNetwork } from './command-network.js';

/** Per-node route to a centre. Reused across trials: make one with {@link createRouting}. */
export interface NetworkRouting {
  /** Hops from the node to its centre; −1 when the node has no working path (or is down). */
  readonly hops: Int32Array;
  /** Upstream link the node sends through; −1 at centres and unreached nodes. */
  readonly nextLink: Int32Array;
  /** Node index of the centre the node routes to; −1 when unreached. */
  readonly centre: Int32Array;
  /** Latency along the route, ms; −1 when unreached. */
  readonly latencyMs: Float64Array;
  /** Reached nodes in BFS order (non-decreasing hops); the first `numReached` entries are valid. */
  readonly order: Uint32Array;
  /** Number of reached nodes. */
  numReached: number;
}

/** Options of the analytics allocation. */
export type AnalyticsDemand = 'face' | 'live';
export const ANALYTICS_DEMANDS: readonly AnalyticsDemand[] = ['face', 'live'];

/** Allocates a routing buffer for `network` (once; reuse it across trials). */
export function createRouting(network: CommandNetwork): NetworkRouting {
  const N = network.numNodes;
  return {
    hops: new Int32Array(N),
    nextLink: new Int32Array(N),
    centre: new Int32Array(N),
    latencyMs: new Float64Array(N),
    order: new Uint32Array(N),
    numReached: 0,
  };
}

/**
 * Routes every node to its nearest working centre (rule 1 and 2 above).
 *
 * @param network - the network
 * @param centres - Uint8Array(numNodes), 1 for a destination centre (see `centreFlags`)
 * @param nodeUp - Uint8Array(numNodes), 1 = up, 0 = down; null = all up
 * @param linkUp - Uint8Array(numLinks), 1 = up, 0 = down; null = all up
 * @param out - buffer from {@link createRouting}; overwritten
 * @returns `out`
 * @example
 * const r = routeToCentres(net, centreFlags(net), null, null, createRouting(net));
 * r.hops[0] // hops from node 0 to its centre
 *
 * Complexity: O(nodes + links), no allocation. Arguments are not validated
 * (hot path): lengths must match the network.
 */
export function routeToCentres(network: CommandNetwork, centres: Uint8Array, nodeUp: Uint8Array | null, linkUp: Uint8Array | null, out: NetworkRouting): NetworkRouting {
  const N = network.numNodes;
  const { hops, nextLink, centre, latencyMs, order } = out;
  hops.fill(-1);
  nextLink.fill(-1);
  centre.fill(-1);
  latencyMs.fill(-1);
  let tail = 0;
  for (let v = 0; v < N; v++) {
    if (centres[v] === 1 && (nodeUp === null || nodeUp[v] === 1)) {
      hops[v] = 0;
      centre[v] = v;
      latencyMs[v] = 0;
      order[tail++] = v;
    }
  }
  const downStart = network.downStart;
  const downLinks = network.downLinks;
  const linkSource = network.linkSource;
  const linkLatency = network.linkLatencyMs;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    const h = hops[v] + 1;
    const c = centre[v];
    const lat = latencyMs[v];
    for (let p = downStart[v], end = downStart[v + 1]; p < end; p++) {
      const l = downLinks[p];
      if (linkUp !== null && linkUp[l] === 0) continue;
      const s = linkSource[l];
      if (hops[s] !== -1) continue;
      if (nodeUp !== null && nodeUp[s] === 0) continue;
      hops[s] = h;
      centre[s] = c;
      nextLink[s] = l;
      latencyMs[s] = lat + linkLatency[l];
      order[tail++] = s;
    }
  }
  out.numReached = tail;
  return out;
}

/** Live and analytics counts of one routing (plain data). */
export interface LiveCounts {
  /** All cameras in the network. */
  numCameras: number;
  /** Cameras flagged live. */
  liveCameras: number;
  /** Live cameras whose node has a route to a working centre. */
  liveReached: number;
  /** Live cameras reached and not refused analytics (rule 4). */
  liveServed: number;
  /** liveServed / numCameras (0 when there are no cameras). */
  liveShare: number;
  /** Cameras (live or not) whose node has a route. */
  camerasReached: number;
  /** Analytics demand of reached nodes. */
  analyticsDemand: number;
  /** Analytics slots allocated. */
  analyticsServed: number;
  /** analyticsDemand − analyticsServed: reached streams that get no face recognition. */
  analyticsShortfall: number;
  /** Analytics demand of nodes without a route. */
  analyticsUnreached: number;
}

/** Scratch of {@link allocateAnalytics}; make once with {@link createAllocationScratch}. */
export interface AllocationScratch {
  /** Capacity left per node (only centres matter). */
  readonly remaining: Uint32Array;
  /** Analytics slots given to each node's cameras. */
  readonly served: Uint32Array;
}

/** Allocates the scratch of {@link allocateAnalytics}. */
export function createAllocationScratch(network: CommandNetwork): AllocationScratch {
  return { remaining: new Uint32Array(network.numNodes), served: new Uint32Array(network.numNodes) };
}

/**
 * Per-node analytics demand column for a demand rule.
 * @param network - the network
 * @param demand - `face` (live face-recognition cameras, default) or `live` (every live camera)
 * @returns the network's own column (`nodeLiveFaceCameras` or `nodeLiveCameras`); do not mutate
 * @throws {InvalidInputError} on an unknown rule
 */
export function analyticsDemandColumn(network: CommandNetwork, demand: AnalyticsDemand = 'face'): Uint32Array {
  if (demand === 'face') return network.nodeLiveFaceCameras;
  if (demand === 'live') return network.nodeLiveCameras;
  throw new InvalidInputError('analyticsDemandColumn', 'demand', 'must be "face" or "live"', demand);
}

/**
 * Allocates analytics capacity and counts live cameras (rules 3 and 4).
 *
 * @param network - the network
 * @param routing - a routing filled by {@link routeToCentres}
 * @param demand - per-node demand column (see {@link analyticsDemandColumn}); demand[i] ≤ nodeLiveCameras[i]
 * @param scratch - from {@link createAllocationScratch}; `served` holds the per-node result afterwards
 * @returns the counts (one small object)
 * @example
 * const counts = allocateAnalytics(net, routing, net.nodeLiveFaceCameras, createAllocationScratch(net));
 * counts.liveShare
 *
 * Complexity: O(nodes).
 */
export function allocateAnalytics(network: CommandNetwork, routing: NetworkRouting, demand: Uint32Array, scratch: AllocationScratch): LiveCounts {
  const N = network.numNodes;
  const { remaining, served } = scratch;
  remaining.set(network.nodeAnalyticsStreams);
  const centre = routing.centre;
  const live = network.nodeLiveCameras;
  const cams = network.nodeCameras;
  let liveCameras = 0;
  let liveReached = 0;
  let camerasReached = 0;
  let dem = 0;
  let got = 0;
  let unreached = 0;
  for (let v = 0; v < N; v++) {
    liveCameras += live[v];
    const c = centre[v];
    if (c < 0) {
      served[v] = 0;
      unreached += demand[v];
      continue;
    }
    liveReached += live[v];
    camerasReached += cams[v];
    const d = demand[v];
    dem += d;
    const left = remaining[c];
    const take = d < left ? d : left;
    remaining[c] = left - take;
    served[v] = take;
    got += take;
  }
  const numCameras = network.numCameras;
  const liveServed = liveReached - (dem - got);
  return {
    numCameras,
    liveCameras,
    liveReached,
    liveServed,
    liveShare: numCameras === 0 ? 0 : liveServed / numCameras,
    camerasReached,
    analyticsDemand: dem,
    analyticsServed: got,
    analyticsShortfall: dem - got,
    analyticsUnreached: unreached,
  };
}

/**
 * Live traffic per link along the routes (rule 5).
 *
 * @param network - the network
 * @param routing - a routing filled by {@link routeToCentres}
 * @param linkMbps - output, Float64Array(numLinks); overwritten
 * @param nodeFlow - scratch, Float64Array(numNodes); holds each node's outgoing flow afterwards
 * @returns `linkMbps`
 * @example routeTraffic(net, routing, new Float64Array(net.numLinks), new Float64Array(net.numNodes))
 *
 * Complexity: O(nodes + links).
 */
export function routeTraffic(network: CommandNetwork, routing: NetworkRouting, linkMbps: Float64Array, nodeFlow: Float64Array): Float64Array {
  linkMbps.fill(0);
  nodeFlow.fill(0);
  flowUp(network, routing, null, linkMbps, null, null, nodeFlow);
  return linkMbps;
}

/**
 * Sums the live flow bottom-up along the routes (reverse BFS order: every node
 * comes after all nodes routed through it, as they are one hop farther). With
 * `capacity`, a link passes at most its capacity and records its pass
 * fraction (rule 6); without, it passes everything (rule 5). Buffers must be
 * zeroed (pass fractions filled with 1) by the caller.
 */
function flowUp(network: CommandNetwork, routing: NetworkRouting, capacity: Float64Array | null, linkOffered: Float64Array, linkPassed: Float64Array | null, linkPass: Float64Array | null, nodeFlow: Float64Array): void {
  const order = routing.order;
  const next = routing.nextLink;
  const own = network.nodeLiveMbps;
  const target = network.linkTarget;
  for (let k = routing.numReached - 1; k >= 0; k--) {
    const v = order[k];
    const f = nodeFlow[v] + own[v];
    nodeFlow[v] = f;
    const l = next[v];
    if (l >= 0) {
      linkOffered[l] += f;
      let passed = f;
      if (capacity !== null && f > capacity[l]) {
        passed = capacity[l];
        linkPass![l] = passed / f;
      }
      if (linkPassed !== null) linkPassed[l] = passed;
      nodeFlow[target[l]] += passed;
    }
  }
}

/** Per-link and per-node columns of {@link deliverLiveStreams} (rule 6); make once with {@link createDeliveryBuffers}. */
export interface DeliveryBuffers {
  /** Live Mbit/s arriving at each link after the links below it have thinned it. */
  readonly linkOfferedMbps: Float64Array;
  /** Live Mbit/s each link passes: min(offered, capacity). */
  readonly linkPassedMbps: Float64Array;
  /** Share of every offered stream a link passes: min(1, capacity / offered); 1 on links that carry nothing. */
  readonly linkPassFraction: Float64Array;
  /** Share of each node's streams that reaches its centre (product of the pass fractions along its route); 0 when unreached. */
  readonly nodeDeliveredFraction: Float64Array;
  /** Scratch: each node's outgoing offered flow, Mbit/s. */
  readonly nodeFlow: Float64Array;
}

/** Allocates the buffers of {@link deliverLiveStreams}. */
export function createDeliveryBuffers(network: CommandNetwork): DeliveryBuffers {
  return {
    linkOfferedMbps: new Float64Array(network.numLinks),
    linkPassedMbps: new Float64Array(network.numLinks),
    linkPassFraction: new Float64Array(network.numLinks),
    nodeDeliveredFraction: new Float64Array(network.numNodes),
    nodeFlow: new Float64Array(network.numNodes),
  };
}

/**
 * Live streams delivered through the links' capacity (rule 6, fair share):
 * thins the offered load bottom-up along the routes, then multiplies the pass
 * fractions top-down and counts the served live cameras (rule 4) that get through.
 *
 * @param network - the network (its `nodeLiveMbps` is what each node offers)
 * @param routing - a routing filled by {@link routeToCentres}
 * @param demand - the per-node demand column given to {@link allocateAnalytics}
 * @param allocation - the scratch {@link allocateAnalytics} filled (its `served` column)
 * @param out - from {@link createDeliveryBuffers}; overwritten
 * @returns delivered streams: a fractional count (the expected number of whole streams
 *   when each stream offered to an overloaded link is kept with probability capacity / offered load);
 *   ≤ the connected count `liveServed`, equal when no link is over capacity
 * @example
 * const counts = allocateAnalytics(net, routing, demand, scratch);
 * const delivered = deliverLiveStreams(net, routing, demand, scratch, createDeliveryBuffers(net));
 * delivered / counts.numCameras // delivered live share
 *
 * Complexity: O(nodes + links), no allocation. Arguments are not validated (hot path).
 */
export function deliverLiveStreams(network: CommandNetwork, routing: NetworkRouting, demand: Uint32Array, allocation: AllocationScratch, out: DeliveryBuffers): number {
  const { linkOfferedMbps, linkPassedMbps, linkPassFraction, nodeDeliveredFraction, nodeFlow } = out;
  linkOfferedMbps.fill(0);
  linkPassedMbps.fill(0);
  linkPassFraction.fill(1);
  nodeDeliveredFraction.fill(0);
  nodeFlow.fill(0);
  // Bottom-up: a node's outgoing flow is its own streams plus what its children's links passed.
  flowUp(network, routing, network.linkCapacityMbps, linkOfferedMbps, linkPassedMbps, linkPassFraction, nodeFlow);
  const order = routing.order;
  const next = routing.nextLink;
  const target = network.linkTarget;
  // Top-down (BFS order): a node's share is its next hop's share times its link's pass fraction.
  const live = network.nodeLiveCameras;
  const served = allocation.served;
  let delivered = 0;
  for (let k = 0; k < routing.numReached; k++) {
    const v = order[k];
    const l = next[v];
    const share = l < 0 ? 1 : nodeDeliveredFraction[target[l]] * linkPassFraction[l];
    nodeDeliveredFraction[v] = share;
    const servedLive = live[v] - (demand[v] - served[v]);
    delivered += servedLive * share;
  }
  return delivered;
}

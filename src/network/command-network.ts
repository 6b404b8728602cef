/**
 * The command network: a graphology DirectedGraph as the user-facing model
 * (nodes = aggregation points, district hubs, city command centres, the
 * national platform; links point UPSTREAM, child → parent), plus compact
 * typed arrays built from it once by {@link createCommandNetwork}, which all
 * algorithms (metrics, fault trials) use.
 *
 * Index conventions (every network module relies on them):
 * - Node index i is the i-th node in `graph.forEachNode` order (insertion
 *   order); `nodeKeys[i]` is its graphology key, `nodeIndex.get(key)` = i.
 * - Link index l is the l-th edge in `graph.forEachEdge` order; link l runs
 *   from `linkSource[l]` (downstream, child) to `linkTarget[l]` (upstream, parent).
 * - Upstream CSR: the links leaving node i (towards its parents) are
 *   `upLinks[upStart[i]]` … `upLinks[upStart[i + 1] − 1]`, ascending link index.
 * - Downstream CSR: the links entering node i (from its children) are
 *   `downLinks[downStart[i]]` … `downLinks[downStart[i + 1] − 1]`, ascending link index.
 * - Camera c reports to node `cameraNode[c]`; the cameras of node i are
 *   `nodeCameraIds[nodeCameraStart[i]]` … `nodeCameraIds[nodeCameraStart[i + 1] − 1]`, ascending id.
 *
 * The graph is treated as frozen once the network is made: after editing the
 * graph, call {@link createCommandNetwork} again.
 */
import { DirectedGraph } from '../core/internal.js';
import { CAPABILITY_FACE, NO_NODE, type CameraSet } from '../cameras/index.js';
import { InvalidInputError } from '../core/index.js';
import { cameraBitrates, resolveStreamOptions, STREAM_OPTION_KEYS, type ResolvedStreamOptions, type StreamOptions } from './streams.js';
import { checkOptions, optionKeys, withNestedOptions } from '../core/internal.js';

/** Kind of command node, from the edge of the network to its top. */
export type NodeKind = 'aggregation' | 'district-hub' | 'city-centre' | 'national';
/** Node kinds; `nodeKind[i]` indexes this array. */
export const NODE_KINDS: readonly NodeKind[] = ['aggregation', 'district-hub', 'city-centre', 'national'];
export const NODE_AGGREGATION = 0;
export const NODE_DISTRICT_HUB = 1;
export const NODE_CITY_CENTRE = 2;
export const NODE_NATIONAL = 3;

/** Kind of link. */
export type LinkKind = 'fibre' | 'lte' | 'radio';
/** Link kinds; `linkKind[l]` indexes this array. */
export const LINK_KINDS: readonly LinkKind[] = ['fibre', 'lte', 'radio'];

/** Attributes of a command node (graphology node attributes). */
export interface NetworkNodeAttributes {
  kind: NodeKind;
  /** Metres east in the city's local plane. */
  x: number;
  /** Metres north in the city's local plane. */
  y: number;
  /** Storage capacity, terabytes (10^12 bytes), ≥ 0. */
  storageTB: number;
  /** Live face-recognition streams the node can process at once, integer ≥ 0. */
  analyticsStreams: number;
  /** Probability that the node is up, [0, 1]. */
  availability: number;
  name?: string;
  /** District id (City.districts[k].id) the node belongs to, if any. */
  districtId?: string;
}

/** Attributes of a link (graphology edge attributes). Links point upstream: child → parent. */
export interface NetworkLinkAttributes {
  kind: LinkKind;
  /** Capacity, Mbit/s, > 0. */
  capacityMbps: number;
  /** One-way latency, milliseconds, ≥ 0. */
  latencyMs: number;
  /** Probability that the link is up, [0, 1]. */
  availability: number;
}

/** The user-facing graph: directed, links child → parent. */
export type NetworkGraph = DirectedGraph<NetworkNodeAttributes, NetworkLinkAttributes>;

/** Creates an empty network graph (no self-loops, no parallel links). */
export function createNetworkGraph(): NetworkGraph {
  return new DirectedGraph<NetworkNodeAttributes, NetworkLinkAttributes>({ allowSelfLoops: false, multi: false });
}

/** How a network was made (plain data, JSON-safe). */
export interface NetworkProvenance {
  /** Function that made it: `createCommandNetwork`, `buildHierarchicalNetwork`, `networkFromGeoJSON`, … */
  generator: string;
  seed: string | number | null;
  params: Record<string, unknown>;
}

/** A command network: the graph plus compact arrays. Treat every array as read-only. */
export interface CommandNetwork {
  /** The user-facing model. Do not mutate after creation (rebuild with createCommandNetwork). */
  readonly graph: NetworkGraph;
  /** The cameras (not mutated by the network). */
  readonly cameras: CameraSet;
  readonly numNodes: number;
  readonly numLinks: number;
  readonly numCameras: number;

  // ---- nodes (node index order) ----
  readonly nodeKeys: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Index into {@link NODE_KINDS}. */
  readonly nodeKind: Uint8Array;
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  readonly nodeStorageTB: Float64Array;
  readonly nodeAnalyticsStreams: Uint32Array;
  readonly nodeAvailability: Float64Array;
  /** District id of each node (`districtId` attribute), null where none. */
  readonly nodeDistrict: readonly (string | null)[];

  // ---- links (link index order) ----
  readonly linkKeys: readonly string[];
  /** Downstream end (child). */
  readonly linkSource: Uint32Array;
  /** Upstream end (parent). */
  readonly linkTarget: Uint32Array;
  /** Index into {@link LINK_KINDS}. */
  readonly linkKind: Uint8Array;
  readonly linkCapacityMbps: Float64Array;
  readonly linkLatencyMs: Float64Array;
  readonly linkAvailability: Float64Array;

  // ---- CSR ----
  /** Length numNodes + 1. */
  readonly upStart: Uint32Array;
  /** Length numLinks: link ids grouped by source node. */
  readonly upLinks: Uint32Array;
  /** Length numNodes + 1. */
  readonly downStart: Uint32Array;
  /** Length numLinks: link ids grouped by target node. */
  readonly downLinks: Uint32Array;

  // ---- cameras ----
  /** Node index per camera. */
  readonly cameraNode: Uint32Array;
  /** 1 = streams live, 0 = record-only. */
  readonly cameraLive: Uint8Array;
  /** Stream bitrate per camera, Mbit/s. */
  readonly cameraMbps: Float64Array;
  /** Length numNodes + 1. */
  readonly nodeCameraStart: Uint32Array;
  /** Length numCameras: camera ids grouped by node, ascending id within a node. */
  readonly nodeCameraIds: Uint32Array;

  // ---- per-node camera aggregates (so a fault trial is O(nodes + links), not O(cameras)) ----
  /** Cameras assigned to the node. */
  readonly nodeCameras: Uint32Array;
  /** Live cameras assigned to the node. */
  readonly nodeLiveCameras: Uint32Array;
  /** Live cameras with the face-recognition capability (CAPABILITY_FACE) assigned to the node. */
  readonly nodeLiveFaceCameras: Uint32Array;
  /** Sum of the live cameras' bitrates, Mbit/s. */
  readonly nodeLiveMbps: Float64Array;
  /** Sum of all its cameras' bitrates (live and record-only), Mbit/s. */
  readonly nodeAllMbps: Float64Array;

  /** True when every node has at most one upstream link and there is no cycle. */
  readonly isTree: boolean;
  /** Resolved stream options the bitrates were computed with. */
  readonly stream: ResolvedStreamOptions;
  readonly provenance: NetworkProvenance;
}

/** Options of {@link createCommandNetwork}. */
export interface CreateNetworkOptions {
  /**
   * Node per camera: node indices (ArrayLike<number>, graph node order) or
   * node keys (string[]). Default: `cameras.nodeId` read as node indices.
   */
  cameraNode?: ArrayLike<number> | readonly string[];
  /** Live flag per camera (1/0 or booleans). Default: `cameras.live`. */
  cameraLive?: ArrayLike<number> | readonly boolean[];
  /** Bitrate per camera, Mbit/s (each finite ≥ 0). Default: {@link cameraBitrates}(cameras, options.stream). */
  cameraMbps?: ArrayLike<number>;
  /** Stream model options used when cameraMbps is not given. */
  stream?: StreamOptions;
  /** Throw unless the upstream graph is a tree (each node ≤ 1 upstream link, no cycle). Default false. */
  requireTree?: boolean;
  /** Provenance to record (default `{ generator: 'createCommandNetwork', seed: null, params: {} }`). */
  provenance?: NetworkProvenance;
  /** Name used in error messages (default `createCommandNetwork`). */
  origin?: string;
}

/** Defaults of {@link createCommandNetwork}. */
export const CREATE_NETWORK_DEFAULTS = {
  /** Accept redundant links (several parents) unless a tree is asked for. */
  requireTree: false,
  /** Name used in error messages: this function's own (importers pass theirs). */
  origin: 'createCommandNetwork',
} as const;

/** The options createCommandNetwork knows (its unknown options are refused). */
const CREATE_COMMAND_NETWORK_OPTION_KEYS = withNestedOptions(optionKeys<CreateNetworkOptions>()(CREATE_NETWORK_DEFAULTS, ['cameraNode', 'cameraLive', 'cameraMbps', 'stream', 'provenance']), { stream: STREAM_OPTION_KEYS });

function nodeField(key: string): string {
  return `nodes[${JSON.stringify(key)}]`;
}
function linkField(key: string, s: string, t: string): string {
  return `links[${JSON.stringify(key)}] (${JSON.stringify(s)} -> ${JSON.stringify(t)})`;
}

/**
 * Checks one node's attributes; throws an InvalidInputError naming the node.
 * @internal shared with the builders and importers
 */
export function validateNodeAttributes(origin: string, field: string, a: unknown): NetworkNodeAttributes {
  if (typeof a !== 'object' || a === null) throw new InvalidInputError(origin, field, 'must have attributes', a);
  const n = a as Record<string, unknown>;
  if (!NODE_KINDS.includes(n.kind as NodeKind)) throw new InvalidInputError(origin, `${field}.kind`, `must be one of ${NODE_KINDS.map((k) => JSON.stringify(k)).join(', ')}`, n.kind);
  if (typeof n.x !== 'number' || !Number.isFinite(n.x)) throw new InvalidInputError(origin, `${field}.x`, 'must be a finite number (metres)', n.x);
  if (typeof n.y !== 'number' || !Number.isFinite(n.y)) throw new InvalidInputError(origin, `${field}.y`, 'must be a finite number (metres)', n.y);
  if (typeof n.storageTB !== 'number' || !Number.isFinite(n.storageTB) || n.storageTB < 0) throw new InvalidInputError(origin, `${field}.storageTB`, 'must be a finite number >= 0', n.storageTB);
  if (typeof n.analyticsStreams !== 'number' || !Number.isInteger(n.analyticsStreams) || n.analyticsStreams < 0 || n.analyticsStreams > 0xffffffff) {
    throw new InvalidInputError(origin, `${field}.analyticsStreams`, 'must be an integer >= 0', n.analyticsStreams);
  }
  if (typeof n.availability !== 'number' || !(n.availability >= 0 && n.availability <= 1)) throw new InvalidInputError(origin, `${field}.availability`, 'must be a probability in [0, 1]', n.availability);
  if (n.name !== undefined && typeof n.name !== 'string') throw new InvalidInputError(origin, `${field}.name`, 'must be a string', n.name);
  if (n.districtId !== undefined && typeof n.districtId !== 'string') throw new InvalidInputError(origin, `${field}.districtId`, 'must be a string', n.districtId);
  return a as NetworkNodeAttributes;
}

/**
 * Checks one link's attributes; throws an InvalidInputError naming the link.
 * @internal shared with the builders and importers
 */
export function validateLinkAttributes(origin: string, field: string, a: unknown): NetworkLinkAttributes {
  if (typeof a !== 'object' || a === null) throw new InvalidInputError(origin, field, 'must have attributes', a);
  const l = a as Record<string, unknown>;
  if (!LINK_KINDS.includes(l.kind as LinkKind)) throw new InvalidInputError(origin, `${field}.kind`, `must be one of ${LINK_KINDS.map((k) => JSON.stringify(k)).join(', ')}`, l.kind);
  if (typeof l.capacityMbps !== 'number' || !Number.isFinite(l.capacityMbps) || l.capacityMbps <= 0) throw new InvalidInputError(origin, `${field}.capacityMbps`, 'must be a finite number > 0', l.capacityMbps);
  if (typeof l.latencyMs !== 'number' || !Number.isFinite(l.latencyMs) || l.latencyMs < 0) throw new InvalidInputError(origin, `${field}.latencyMs`, 'must be a finite number >= 0', l.latencyMs);
  if (typeof l.availability !== 'number' || !(l.availability >= 0 && l.availability <= 1)) throw new InvalidInputError(origin, `${field}.availability`, 'must be a probability in [0, 1]', l.availability);
  return a as NetworkLinkAttributes;
}

/**
 * Finds a directed cycle in the upstream links (iterative three-colour DFS).
 * @returns the node indices of one cycle in upstream order (first node not repeated), or null
 * Complexity: O(nodes + links).
 */
export function findUpstreamCycle(numNodes: number, upStart: Uint32Array, upLinks: Uint32Array, linkTarget: Uint32Array): number[] | null {
  const colour = new Uint8Array(numNodes); // 0 white, 1 on stack, 2 done
  const parent = new Int32Array(numNodes).fill(-1);
  const nextPos = new Uint32Array(numNodes);
  const stack = new Uint32Array(numNodes);
  for (let root = 0; root < numNodes; root++) {
    if (colour[root] !== 0) continue;
    let sp = 0;
    stack[sp++] = root;
    colour[root] = 1;
    nextPos[root] = upStart[root];
    while (sp > 0) {
      const v = stack[sp - 1];
      if (nextPos[v] < upStart[v + 1]) {
        const w = linkTarget[upLinks[nextPos[v]++]];
        if (colour[w] === 0) {
          colour[w] = 1;
          parent[w] = v;
          nextPos[w] = upStart[w];
          stack[sp++] = w;
        } else if (colour[w] === 1) {
          const cycle: number[] = [];
          for (let u = v; u !== w; u = parent[u]) cycle.push(u);
          cycle.push(w);
          cycle.reverse();
          return cycle;
        }
      } else {
        colour[v] = 2;
        sp--;
      }
    }
  }
  return null;
}

/**
 * Makes a {@link CommandNetwork} from a graph and a camera assignment:
 * validates every node, link and camera assignment once, then builds the
 * compact arrays (node/link columns, upstream and downstream CSR, cameras per
 * node, per-node live / face / bitrate aggregates).
 *
 * Does not mutate `cameras` (see {@link assignCamerasToNodes} for the explicit
 * mutating call).
 *
 * @param graph - a graphology DirectedGraph whose nodes carry {@link NetworkNodeAttributes}
 *   and whose edges carry {@link NetworkLinkAttributes}, links pointing child → parent
 * @param cameras - the camera set
 * @param options - cameraNode (indices or keys; default cameras.nodeId), cameraLive
 *   (default cameras.live), cameraMbps or stream options, requireTree, provenance; defaults: {@link CREATE_NETWORK_DEFAULTS}
 * @returns the network with its compact arrays
 * @throws {InvalidInputError} naming the item: a node or link with a bad or unknown kind,
 *   non-finite coordinates, storageTB < 0, analyticsStreams not an integer ≥ 0,
 *   capacityMbps ≤ 0, latencyMs < 0, availability outside [0, 1]; a self-loop;
 *   a camera assigned to no node or to a missing node (`cameraNode[17]`); a bad
 *   live flag or bitrate; with `requireTree`, a node with two upstream links or
 *   a cycle (the message lists the cycle's node keys)
 * @example
 * const g = createNetworkGraph();
 * g.addNode('centre', { kind: 'city-centre', x: 0, y: 0, storageTB: 1000, analyticsStreams: 100, availability: 1 });
 * g.addNode('agg', { kind: 'aggregation', x: 500, y: 0, storageTB: 10, analyticsStreams: 0, availability: 0.99 });
 * g.addEdge('agg', 'centre', { kind: 'fibre', capacityMbps: 1000, latencyMs: 1, availability: 0.999 });
 * const net = createCommandNetwork(g, cameras, { cameraNode: new Uint32Array(cameras.numCameras).fill(1) });
 *
 * Complexity: O(nodes + links + cameras).
 */
export function createCommandNetwork(graph: NetworkGraph, cameras: CameraSet, options?: CreateNetworkOptions): CommandNetwork {
  checkOptions('createCommandNetwork', options, CREATE_COMMAND_NETWORK_OPTION_KEYS);
  const o = options ?? {};
  const origin = o.origin ?? CREATE_NETWORK_DEFAULTS.origin;
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options', 'must be an object', options);
  if (typeof graph !== 'object' || graph === null || typeof (graph as NetworkGraph).forEachNode !== 'function' || typeof (graph as NetworkGraph).forEachEdge !== 'function') {
    throw new InvalidInputError(origin, 'graph', 'must be a graphology graph', graph);
  }
  if (graph.type !== 'directed') throw new InvalidInputError(origin, 'graph.type', 'must be "directed" (links point child -> parent)', graph.type);
  if (typeof cameras !== 'object' || cameras === null || !Number.isInteger(cameras.numCameras) || !(cameras.resolutionPx instanceof Float32Array)) {
    throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet', cameras);
  }
  const requireTree = o.requireTree ?? CREATE_NETWORK_DEFAULTS.requireTree;
  if (typeof requireTree !== 'boolean') throw new InvalidInputError(origin, 'options.requireTree', 'must be a boolean', requireTree);

  // ---- nodes ----
  const N = graph.order;
  const nodeKeys: string[] = new Array(N);
  const nodeIndex = new Map<string, number>();
  const nodeKind = new Uint8Array(N);
  const nodeX = new Float64Array(N);
  const nodeY = new Float64Array(N);
  const nodeStorageTB = new Float64Array(N);
  const nodeAnalyticsStreams = new Uint32Array(N);
  const nodeAvailability = new Float64Array(N);
  const nodeDistrict: (string | null)[] = new Array(N);
  let i = 0;
  graph.forEachNode((key, attrs) => {
    const a = validateNodeAttributes(origin, nodeField(key), attrs);
    nodeKeys[i] = key;
    nodeIndex.set(key, i);
    nodeKind[i] = NODE_KINDS.indexOf(a.kind);
    nodeX[i] = a.x;
    nodeY[i] = a.y;
    nodeStorageTB[i] = a.storageTB;
    nodeAnalyticsStreams[i] = a.analyticsStreams;
    nodeAvailability[i] = a.availability;
    nodeDistrict[i] = a.districtId ?? null;
    i++;
  });

  // ---- links ----
  const L = graph.size;
  const linkKeys: string[] = new Array(L);
  const linkSource = new Uint32Array(L);
  const linkTarget = new Uint32Array(L);
  const linkKind = new Uint8Array(L);
  const linkCapacityMbps = new Float64Array(L);
  const linkLatencyMs = new Float64Array(L);
  const linkAvailability = new Float64Array(L);
  const upStart = new Uint32Array(N + 1);
  const downStart = new Uint32Array(N + 1);
  let l = 0;
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
    const field = linkField(key, source, target);
    if (undirected) throw new InvalidInputError(origin, field, 'must be directed (child -> parent)', 'undirected');
    if (source === target) throw new InvalidInputError(origin, field, 'must join two different nodes (no self-loop)', source);
    const a = validateLinkAttributes(origin, field, attrs);
    linkKeys[l] = key;
    const s = nodeIndex.get(source)!;
    const t = nodeIndex.get(target)!;
    linkSource[l] = s;
    linkTarget[l] = t;
    linkKind[l] = LINK_KINDS.indexOf(a.kind);
    linkCapacityMbps[l] = a.capacityMbps;
    linkLatencyMs[l] = a.latencyMs;
    linkAvailability[l] = a.availability;
    upStart[s + 1]++;
    downStart[t + 1]++;
    l++;
  });
  for (let v = 0; v < N; v++) {
    upStart[v + 1] += upStart[v];
    downStart[v + 1] += downStart[v];
  }
  const upLinks = new Uint32Array(L);
  const downLinks = new Uint32Array(L);
  {
    const upFill = upStart.slice(0, N);
    const downFill = downStart.slice(0, N);
    for (let e = 0; e < L; e++) {
      upLinks[upFill[linkSource[e]]++] = e;
      downLinks[downFill[linkTarget[e]]++] = e;
    }
  }
  let maxUp = 0;
  for (let v = 0; v < N; v++) if (upStart[v + 1] - upStart[v] > maxUp) maxUp = upStart[v + 1] - upStart[v];
  const cycle = findUpstreamCycle(N, upStart, upLinks, linkTarget);
  const isTree = maxUp <= 1 && cycle === null;
  if (requireTree) {
    for (let v = 0; v < N; v++) {
      if (upStart[v + 1] - upStart[v] > 1) {
        const parents: string[] = [];
        for (let p = upStart[v]; p < upStart[v + 1]; p++) parents.push(nodeKeys[linkTarget[upLinks[p]]]);
        throw new InvalidInputError(origin, `${nodeField(nodeKeys[v])}`, 'must have at most one upstream link (options.requireTree)', parents);
      }
    }
    if (cycle !== null) {
      const keys = cycle.map((v) => nodeKeys[v]);
      throw new InvalidInputError(origin, 'graph', `must be a tree but has a cycle ${keys.map((k) => JSON.stringify(k)).join(' -> ')} -> ${JSON.stringify(keys[0])} (options.requireTree)`, keys);
    }
  }

  // ---- cameras ----
  const C = cameras.numCameras;
  const cameraNode = new Uint32Array(C);
  const cn = o.cameraNode ?? cameras.nodeId;
  if (cn === null || typeof cn !== 'object' || typeof (cn as ArrayLike<unknown>).length !== 'number') {
    throw new InvalidInputError(origin, 'options.cameraNode', 'must be an array of node indices or node keys', cn);
  }
  const cnField = o.cameraNode === undefined ? 'cameras.nodeId' : 'cameraNode';
  if ((cn as ArrayLike<unknown>).length !== C) throw new InvalidInputError(origin, `${cnField}.length`, `must equal cameras.numCameras (${C})`, (cn as ArrayLike<unknown>).length);
  for (let c = 0; c < C; c++) {
    const v = (cn as ArrayLike<unknown>)[c];
    if (typeof v === 'string') {
      const k = nodeIndex.get(v);
      if (k === undefined) throw new InvalidInputError(origin, `${cnField}[${c}]`, 'must name a node of the network', v);
      cameraNode[c] = k;
    } else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < N) {
      cameraNode[c] = v;
    } else {
      const what = v === NO_NODE ? 'must be assigned to a node (got NO_NODE)' : `must be a node index in [0, ${N - 1}] or a node key`;
      throw new InvalidInputError(origin, `${cnField}[${c}]`, what, v);
    }
  }
  const cameraLive = new Uint8Array(C);
  if (o.cameraLive === undefined) {
    cameraLive.set(cameras.live.subarray(0, C));
  } else {
    const cl = o.cameraLive as ArrayLike<unknown>;
    if (cl === null || typeof cl !== 'object' || cl.length !== C) throw new InvalidInputError(origin, 'options.cameraLive', `must be an array of length ${C}`, cl);
    for (let c = 0; c < C; c++) {
      const v = cl[c];
      if (v === true || v === 1) cameraLive[c] = 1;
      else if (v !== false && v !== 0) throw new InvalidInputError(origin, `cameraLive[${c}]`, 'must be 0, 1, true or false', v);
    }
  }
  const stream = resolveStreamOptions(o.stream, origin);
  let cameraMbps: Float64Array;
  if (o.cameraMbps === undefined) {
    cameraMbps = cameraBitrates(cameras, o.stream);
  } else {
    const cm = o.cameraMbps as ArrayLike<unknown>;
    if (cm === null || typeof cm !== 'object' || cm.length !== C) throw new InvalidInputError(origin, 'options.cameraMbps', `must be an array of length ${C}`, cm);
    cameraMbps = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      const v = cm[c];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidInputError(origin, `cameraMbps[${c}]`, 'must be a finite number >= 0', v);
      cameraMbps[c] = v;
    }
  }
  const nodeCameraStart = new Uint32Array(N + 1);
  const nodeCameras = new Uint32Array(N);
  const nodeLiveCameras = new Uint32Array(N);
  const nodeLiveFaceCameras = new Uint32Array(N);
  const nodeLiveMbps = new Float64Array(N);
  const nodeAllMbps = new Float64Array(N);
  const caps = cameras.capabilities;
  for (let c = 0; c < C; c++) {
    const v = cameraNode[c];
    nodeCameras[v]++;
    nodeAllMbps[v] += cameraMbps[c];
    if (cameraLive[c] === 1) {
      nodeLiveCameras[v]++;
      nodeLiveMbps[v] += cameraMbps[c];
      if (caps[c] & CAPABILITY_FACE) nodeLiveFaceCameras[v]++;
    }
  }
  for (let v = 0; v < N; v++) nodeCameraStart[v + 1] = nodeCameraStart[v] + nodeCameras[v];
  const nodeCameraIds = new Uint32Array(C);
  {
    const fill = nodeCameraStart.slice(0, N);
    for (let c = 0; c < C; c++) nodeCameraIds[fill[cameraNode[c]]++] = c;
  }

  const provenance: NetworkProvenance = o.provenance ?? { generator: origin, seed: null, params: {} };
  return {
    graph,
    cameras,
    numNodes: N,
    numLinks: L,
    numCameras: C,
    nodeKeys,
    nodeIndex,
    nodeKind,
    nodeX,
    nodeY,
    nodeStorageTB,
    nodeAnalyticsStreams,
    nodeAvailability,
    nodeDistrict,
    linkKeys,
    linkSource,
    linkTarget,
    linkKind,
    linkCapacityMbps,
    linkLatencyMs,
    linkAvailability,
    upStart,
    upLinks,
    downStart,
    downLinks,
    cameraNode,
    cameraLive,
    cameraMbps,
    nodeCameraStart,
    nodeCameraIds,
    nodeCameras,
    nodeLiveCameras,
    nodeLiveFaceCameras,
    nodeLiveMbps,
    nodeAllMbps,
    isTree,
    stream,
    provenance,
  };
}

/**
 * The explicit, MUTATING convenience: writes the network's camera assignment
 * into `cameras.nodeId` (node indices). Nothing else in the network module
 * mutates a CameraSet.
 *
 * @param cameras - the camera set to write into (same number of cameras as the network)
 * @param network - the network whose `cameraNode` is copied
 * @returns `cameras`, for chaining
 * @throws {InvalidInputError} when the camera counts differ
 * @example assignCamerasToNodes(cameras, network); cameras.nodeId[0] === network.cameraNode[0]
 */
export function assignCamerasToNodes(cameras: CameraSet, network: CommandNetwork): CameraSet {
  if (cameras.numCameras !== network.numCameras) {
    throw new InvalidInputError('assignCamerasToNodes', 'cameras.numCameras', `must equal the network's numCameras (${network.numCameras})`, cameras.numCameras);
  }
  cameras.nodeId.set(network.cameraNode);
  return cameras;
}

/**
 * Flags of the nodes that are destinations ("centres") for live streams.
 * @param network - the network
 * @param kinds - node kinds that count as centres (default `['city-centre']`)
 * @returns Uint8Array(numNodes), 1 for a centre
 * @throws {InvalidInputError} on an unknown kind
 * @example centreFlags(net) // 1 at every city-centre node
 */
export function centreFlags(network: CommandNetwork, kinds: readonly NodeKind[] = ['city-centre']): Uint8Array {
  if (!Array.isArray(kinds)) throw new InvalidInputError('centreFlags', 'kinds', 'must be an array of node kinds', kinds);
  let mask = 0;
  for (let k = 0; k < kinds.length; k++) {
    const idx = NODE_KINDS.indexOf(kinds[k]);
    if (idx < 0) throw new InvalidInputError('centreFlags', `kinds[${k}]`, `must be one of ${NODE_KINDS.map((x) => JSON.stringify(x)).join(', ')}`, kinds[k]);
    mask |= 1 << idx;
  }
  const out = new Uint8Array(network.numNodes);
  for (let v = 0; v < network.numNodes; v++) if (mask & (1 << network.nodeKind[v])) out[v] = 1;
  return out;
}

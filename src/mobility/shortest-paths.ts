/**
 * Shortest paths on a {@link StreetNetwork}: Dijkstra's algorithm with a
 * binary heap (lazy deletion) on typed arrays, one search per source giving a
 * whole shortest-path tree that many trips can share.
 */
import { InvalidInputError, NotFoundError } from '../core/index.js';
import type { StreetNetwork } from './street-network.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Marks "no parent arc" in {@link ShortestPathTree.parentArc} (the source, and unreached nodes). */
export const NO_ARC = 0xffffffff;

/**
 * A shortest-path tree from one source node. For every node v,
 * `dist[v]` is the cost of the cheapest path from the source (Infinity when
 * unreached) and `parentArc[v]` the arc that enters v on that path
 * ({@link NO_ARC} for the source and unreached nodes).
 *
 * When the search was stopped early at a `target`, only nodes settled
 * before the target (those with dist ≤ dist[target]) hold final values;
 * other nodes may hold tentative upper bounds.
 */
export interface ShortestPathTree {
  source: number;
  dist: Float64Array;
  parentArc: Uint32Array;
  /** The network searched (needed to walk the tree back). */
  network: StreetNetwork;
  /** The node the search stopped at, or −1 when it ran to completion. */
  target: number;
}

/** Options of {@link shortestPathTree}. */
export interface ShortestPathTreeOptions {
  /** Cost per arc id (length 2 · numEdges, every value finite and ≥ 0). Default: the edge's length in metres for both arcs. */
  arcWeight?: Float64Array;
  /** Stop as soon as this node is settled. */
  target?: number;
  /** A tree to overwrite (its arrays are reused when their length is numNodes): no allocation per call. */
  into?: ShortestPathTree;
}

// Scratch shared by every search (grown on demand, never shrunk): a binary heap of
// (node, key) entries with lazy deletion (capacity 2E + 1), and a settled flag per node.
let heapNode = new Uint32Array(0);
let heapKey = new Float64Array(0);
let settled = new Uint8Array(0);
/** Per CSR position: the weight of the arc at that position (custom weights). */
let posWeightScratch = new Float64Array(0);
/** Per network: default weights by CSR position (the edge length). */
const defaultPosWeights = new WeakMap<StreetNetwork, Float64Array>();

/** Grows the scratch: `n` nodes (settled flags), `heap` heap entries, `m` CSR weights. */
function ensureScratch(n: number, heap: number, m = 0): void {
  if (settled.length < n) settled = new Uint8Array(n);
  if (heapKey.length < heap) {
    heapNode = new Uint32Array(heap);
    heapKey = new Float64Array(heap);
  }
  if (posWeightScratch.length < m) posWeightScratch = new Float64Array(m);
}

/** Default weights in CSR order (edge lengths), cached per network. */
export function csrLengths(network: StreetNetwork): Float64Array {
  let w = defaultPosWeights.get(network);
  if (w === undefined) {
    const m = network.outArcs.length;
    w = new Float64Array(m);
    for (let p = 0; p < m; p++) w[p] = network.edgeLength[network.outArcs[p] >>> 1];
    defaultPosWeights.set(network, w);
  }
  return w;
}

/** The options shortestPathTree knows (its unknown options are refused). */
const SHORTEST_PATH_TREE_OPTION_KEYS = optionKeys<ShortestPathTreeOptions>()({}, ['arcWeight', 'target', 'into']);

/**
 * Dijkstra's algorithm from one source: the cheapest cost to every node and
 * the arc by which each is reached. Costs are edge lengths (metres) unless
 * `arcWeight` gives a cost per arc. Neighbours are relaxed in CSR order and
 * a node's parent is the first settled neighbour that reaches it at its
 * final cost, so among equally short paths the choice is deterministic for a
 * given network (not necessarily the lowest index).
 *
 * @param network - a street network from buildStreetNetwork
 * @param source - source node index, integer in [0, numNodes)
 * @param options - `arcWeight` (per arc, finite ≥ 0), `target` (stop once settled), `into` (reuse a tree's arrays)
 * @returns the tree (the `into` object when given)
 * @throws {InvalidInputError} when source or target is not a node index, or arcWeight has the wrong length or a value that is not finite and ≥ 0 (names the arc)
 * @example
 * const tree = shortestPathTree(network, 0);
 * tree.dist[42]              // metres from node 0 to node 42
 * pathArcs(tree, 42)         // the arcs to follow, in order
 * @remarks O((N + E) log E) time; O(N + E) scratch kept between calls. With `into`, nothing is allocated per call.
 */
export function shortestPathTree(network: StreetNetwork, source: number, options: ShortestPathTreeOptions = {}): ShortestPathTree {
  checkOptions('shortestPathTree', options, SHORTEST_PATH_TREE_OPTION_KEYS);
  const origin = 'shortestPathTree';
  const n = network.numNodes;
  checkNode(origin, 'source', source, n);
  const target = options.target === undefined ? -1 : checkNode(origin, 'options.target', options.target, n);
  const weights = options.arcWeight === undefined ? csrLengths(network) : gatherWeights(origin, network, options.arcWeight);
  let tree = options.into;
  if (tree === undefined || tree.dist.length !== n || tree.parentArc.length !== n) {
    const fresh: ShortestPathTree = { source, dist: new Float64Array(n), parentArc: new Uint32Array(n), network, target };
    if (tree !== undefined) {
      tree.dist = fresh.dist;
      tree.parentArc = fresh.parentArc;
    } else tree = fresh;
  }
  tree.source = source;
  tree.network = network;
  tree.target = target;
  dijkstra(network, source, target, weights, tree.dist, tree.parentArc);
  return tree;
}

/**
 * The search itself, on validated input. `weights` are per CSR position.
 * Exported for modules that route many trees over the same network.
 * @internal
 */
export function dijkstra(network: StreetNetwork, source: number, target: number, weights: Float64Array, dist: Float64Array, parentArc: Uint32Array): void {
  if (target < 0) dijkstraUntil(network, source, weights, dist, parentArc, null, 0, 0);
  else {
    const mark = targetMark(network.numNodes);
    const stamp = nextStamp();
    mark[target] = stamp;
    dijkstraUntil(network, source, weights, dist, parentArc, mark, stamp, 1);
  }
}

let markScratch = new Uint32Array(0);
let stampCounter = 0;

/**
 * A per-node stamp array shared by searches that stop once a set of nodes
 * is settled: node v is a target of the current search when
 * `mark[v] === stamp` (stamps from {@link nextStamp}; no clearing needed).
 * @internal
 */
export function targetMark(n: number): Uint32Array {
  if (markScratch.length < n) {
    markScratch = new Uint32Array(n);
    stampCounter = 0;
  }
  return markScratch;
}

/** A fresh stamp for {@link targetMark} (clears the array when the counter wraps). @internal */
export function nextStamp(): number {
  stampCounter++;
  if (stampCounter >= 0xffffffff) {
    markScratch.fill(0);
    stampCounter = 1;
  }
  return stampCounter;
}

/**
 * Dijkstra that stops once `remaining` nodes with `mark[v] === stamp` are
 * settled (runs to completion when `mark` is null). All marked nodes then
 * hold final distances and parents.
 * @internal
 */
export function dijkstraUntil(
  network: StreetNetwork, source: number, weights: Float64Array, dist: Float64Array, parentArc: Uint32Array,
  mark: Uint32Array | null, stamp: number, remaining: number,
): void {
  const n = network.numNodes;
  // Lazy deletion: a node is pushed again whenever its distance improves (at most once per
  // arc, so 2E + 1 entries at most) and stale entries are skipped when popped. Measured about
  // 15% faster than a decrease-key heap with a position array on the Almaty grid.
  ensureScratch(n, network.outArcs.length + 1);
  const starts = network.starts;
  const outArcs = network.outArcs;
  const nbr = network.neighbors;
  const hn = heapNode;
  const hk = heapKey;
  const done = settled;
  dist.fill(Infinity);
  parentArc.fill(NO_ARC);
  done.fill(0, 0, n);
  dist[source] = 0;
  hn[0] = source;
  hk[0] = 0;
  let size = 1;
  while (size > 0) {
    const u = hn[0];
    const du = hk[0];
    size--;
    if (size > 0) {
      // Move the last entry to the root and sift it down.
      const lastNode = hn[size];
      const lastKey = hk[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hk[c + 1] < hk[c]) c++;
        if (hk[c] >= lastKey) break;
        hn[i] = hn[c];
        hk[i] = hk[c];
        i = c;
      }
      hn[i] = lastNode;
      hk[i] = lastKey;
    }
    if (done[u] !== 0) continue; // a stale entry
    done[u] = 1;
    if (mark !== null && mark[u] === stamp && --remaining === 0) break;
    const end = starts[u + 1];
    for (let p = starts[u]; p < end; p++) {
      const v = nbr[p];
      // Settled nodes never improve (weights ≥ 0), so no separate check is needed.
      const nd = du + weights[p];
      if (nd < dist[v]) {
        dist[v] = nd;
        parentArc[v] = outArcs[p];
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (hk[parent] <= nd) break;
          hn[i] = hn[parent];
          hk[i] = hk[parent];
          i = parent;
        }
        hn[i] = v;
        hk[i] = nd;
      }
    }
  }
}

/** Validates per-arc weights and reorders them by CSR position (into scratch). */
function gatherWeights(origin: string, network: StreetNetwork, arcWeight: unknown): Float64Array {
  const m = 2 * network.numEdges;
  if (!(arcWeight instanceof Float64Array) || arcWeight.length !== m) {
    throw new InvalidInputError(origin, 'options.arcWeight', `must be a Float64Array of length 2 · numEdges = ${m}`, arcWeight);
  }
  ensureScratch(0, 0, m);
  const w = posWeightScratch;
  const outArcs = network.outArcs;
  for (let p = 0; p < m; p++) {
    const a = outArcs[p];
    const v = arcWeight[a];
    if (!(v >= 0 && v < Infinity)) throw new InvalidInputError(origin, `options.arcWeight[${a}]`, 'must be a finite number >= 0', v);
    w[p] = v;
  }
  return w;
}

function checkNode(origin: string, field: string, v: unknown, n: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n) {
    throw new InvalidInputError(origin, field, n === 0 ? 'must be a node index, but the network has no nodes' : `must be a node index, an integer in [0, ${n - 1}]`, v);
  }
  return v;
}

/** The node an arc leaves from. */
export function arcTail(network: StreetNetwork, arc: number): number {
  const e = arc >>> 1;
  return arc & 1 ? network.edgeTarget[e] : network.edgeSource[e];
}

/** The node an arc leads to. */
export function arcHead(network: StreetNetwork, arc: number): number {
  const e = arc >>> 1;
  return arc & 1 ? network.edgeSource[e] : network.edgeTarget[e];
}

/**
 * The arcs of the tree's path from its source to `target`, in travel order
 * (empty when target is the source).
 *
 * @param tree - a tree from {@link shortestPathTree}
 * @param target - node index
 * @returns arc ids (see street-network.ts), first arc leaves the source
 * @throws {InvalidInputError} when target is not a node index
 * @throws {NotFoundError} when target was not reached from the source
 * @example
 * const arcs = pathArcs(shortestPathTree(network, 0), 7);
 * @remarks O(path length).
 */
export function pathArcs(tree: ShortestPathTree, target: number): Uint32Array {
  const origin = 'pathArcs';
  const network = tree.network;
  const n = tree.dist.length;
  checkNode(origin, 'target', target, n);
  if (!(tree.dist[target] < Infinity)) throw new NotFoundError(origin, 'target', target, `is not reachable from node ${tree.source}`);
  let count = 0;
  let v = target;
  while (v !== tree.source) {
    const a = tree.parentArc[v];
    if (a === NO_ARC || count > n) throw new NotFoundError(origin, 'target', target, `has no complete path back to node ${tree.source} in this tree`);
    v = arcTail(network, a);
    count++;
  }
  const out = new Uint32Array(count);
  v = target;
  for (let k = count - 1; k >= 0; k--) {
    const a = tree.parentArc[v];
    out[k] = a;
    v = arcTail(network, a);
  }
  return out;
}

/** The options shortestPath knows (its unknown options are refused). */
const SHORTEST_PATH_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof shortestPath>[3]>>()({}, ['arcWeight']);

/**
 * The cheapest path between two nodes (Dijkstra stopped at the target).
 *
 * @param network - a street network
 * @param from - source node index
 * @param to - target node index
 * @param options - `arcWeight`: cost per arc (default: length)
 * @returns `arcs` in travel order, `length` in metres (sum of edge lengths) and `cost` (sum of arc weights; equals length by default)
 * @throws {InvalidInputError} on invalid node indexes or weights
 * @throws {NotFoundError} when `to` cannot be reached from `from`
 * @example
 * const p = shortestPath(network, nearestNode(network, 0, 0), nearestNode(network, 2000, 1500));
 * p.length // metres
 * @remarks O((N + E) log N) at worst.
 */
export function shortestPath(network: StreetNetwork, from: number, to: number, options: { arcWeight?: Float64Array } = {}): { arcs: Uint32Array; length: number; cost: number } {
  checkOptions('shortestPath', options, SHORTEST_PATH_OPTION_KEYS);
  const origin = 'shortestPath';
  checkNode(origin, 'from', from, network.numNodes);
  checkNode(origin, 'to', to, network.numNodes);
  const tree = shortestPathTree(network, from, { arcWeight: options.arcWeight, target: to });
  if (!(tree.dist[to] < Infinity)) throw new NotFoundError(origin, 'to', to, `is not reachable from node ${from}`);
  const arcs = pathArcs(tree, to);
  let length = 0;
  for (let k = 0; k < arcs.length; k++) length += network.edgeLength[arcs[k] >>> 1];
  return { arcs, length, cost: tree.dist[to] };
}

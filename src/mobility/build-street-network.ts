/**
 * Builds the compact routing arrays ({@link StreetNetwork}) from a city's
 * graphology street graph, once, and finds the street node nearest to a point.
 */
import Flatbush from 'flatbush';
import { InvalidInputError, NotFoundError } from '../core/index.js';
import { STREET_CLASSES, type StreetGraph } from '../city/index.js';
import type { StreetNetwork } from './street-network.js';
import { checkOptions, optionKeys } from '../core/internal.js';

const ORIGIN = 'buildStreetNetwork';

/**
 * Builds the routing arrays of a street graph: node coordinates, edge
 * endpoints / lengths / classes in graph edge order, and a CSR adjacency over
 * directed arcs (arc `2e` source → target, `2e + 1` target → source; see
 * street-network.ts). Arcs leaving a node are listed in increasing arc id.
 * Self-loops are kept (both arcs lead back to the node).
 *
 * @param streets - a street graph (graphology, undirected) whose nodes carry finite `x`, `y` and whose edges carry a finite `length` > 0
 * @returns the {@link StreetNetwork}
 * @throws {InvalidInputError} when a node's x or y is not finite, an edge's length is not a finite number > 0, or the argument is not a graph
 * @example
 * const network = buildStreetNetwork(city.streets);
 * network.numNodes, network.numEdges
 * @remarks O(N + E) time and memory.
 */
export function buildStreetNetwork(streets: StreetGraph): StreetNetwork {
  if (typeof streets !== 'object' || streets === null || typeof (streets as StreetGraph).forEachNode !== 'function') {
    throw new InvalidInputError(ORIGIN, 'streets', 'must be a graphology street graph', streets);
  }
  const numNodes = streets.order;
  const numEdges = streets.size;
  const nodeKeys: string[] = new Array(numNodes);
  const x = new Float64Array(numNodes);
  const y = new Float64Array(numNodes);
  const index = new Map<string, number>();
  let i = 0;
  streets.forEachNode((key, attr) => {
    const px = attr?.x;
    const py = attr?.y;
    if (typeof px !== 'number' || !Number.isFinite(px)) throw new InvalidInputError(ORIGIN, `streets node ${JSON.stringify(key)}.x`, 'must be a finite number', px);
    if (typeof py !== 'number' || !Number.isFinite(py)) throw new InvalidInputError(ORIGIN, `streets node ${JSON.stringify(key)}.y`, 'must be a finite number', py);
    nodeKeys[i] = key;
    x[i] = px;
    y[i] = py;
    index.set(key, i);
    i++;
  });
  const edgeSource = new Uint32Array(numEdges);
  const edgeTarget = new Uint32Array(numEdges);
  const edgeLength = new Float64Array(numEdges);
  const edgeClass = new Uint8Array(numEdges);
  const degree = new Uint32Array(numNodes + 1);
  let e = 0;
  streets.forEachEdge((key, attr, s, t) => {
    const len = attr?.length;
    if (typeof len !== 'number' || !Number.isFinite(len) || len <= 0) {
      throw new InvalidInputError(ORIGIN, `streets edge ${JSON.stringify(key)}.length`, 'must be a finite number > 0', len);
    }
    const a = index.get(s) as number;
    const b = index.get(t) as number;
    edgeSource[e] = a;
    edgeTarget[e] = b;
    edgeLength[e] = len;
    const c = STREET_CLASSES.indexOf(attr.streetClass);
    edgeClass[e] = c < 0 ? STREET_CLASSES.length - 1 : c;
    degree[a]++;
    degree[b]++;
    e++;
  });
  const starts = new Uint32Array(numNodes + 1);
  for (let n = 0; n < numNodes; n++) starts[n + 1] = starts[n] + degree[n];
  const fill = starts.slice(0, numNodes);
  const outArcs = new Uint32Array(2 * numEdges);
  const neighbors = new Uint32Array(2 * numEdges);
  // Edges in increasing order, forward arc then backward arc: arcs leaving a node end up sorted by arc id.
  for (let k = 0; k < numEdges; k++) {
    const a = edgeSource[k];
    const b = edgeTarget[k];
    let p = fill[a]++;
    outArcs[p] = 2 * k;
    neighbors[p] = b;
    p = fill[b]++;
    outArcs[p] = 2 * k + 1;
    neighbors[p] = a;
  }
  return { numNodes, numEdges, nodeKeys, x, y, edgeSource, edgeTarget, edgeLength, edgeClass, starts, outArcs, neighbors };
}

/** Flatbush over node points, built on first use and kept per network. */
const nodeIndexes = new WeakMap<StreetNetwork, Flatbush>();

function nodeIndex(network: StreetNetwork): Flatbush {
  let idx = nodeIndexes.get(network);
  if (idx === undefined) {
    idx = new Flatbush(network.numNodes);
    for (let i = 0; i < network.numNodes; i++) idx.add(network.x[i], network.y[i], network.x[i], network.y[i]);
    idx.finish();
    nodeIndexes.set(network, idx);
  }
  return idx;
}

/** Defaults of {@link nearestNode}. */
export const NEAREST_NODE_DEFAULTS = {
  /** Every node is a candidate; `true` keeps to the largest connected component (see {@link streetComponents}). */
  largestComponent: false,
} as const;

/** The options nearestNode knows (its unknown options are refused). */
const NEAREST_NODE_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof nearestNode>[3]>>()(NEAREST_NODE_DEFAULTS, []);

/**
 * The node of a street network nearest to a point (Euclidean). Ties go to the
 * lower node index. The spatial index (flatbush) is built on the first call
 * for a network and cached (WeakMap), so later calls cost O(log N).
 *
 * @param network - a street network from {@link buildStreetNetwork}
 * @param x - metres east (finite)
 * @param y - metres north (finite)
 * @param options - `largestComponent`: only consider nodes of the largest connected component (see {@link streetComponents});
 *   defaults: {@link NEAREST_NODE_DEFAULTS}
 * @returns the node index
 * @throws {InvalidInputError} when x or y is not finite
 * @throws {NotFoundError} when the network has no nodes
 * @example
 * const from = nearestNode(network, 0, 0);
 * @remarks O(N log N) once per network, then O(log N) per call.
 */
export function nearestNode(network: StreetNetwork, x: number, y: number, options: { largestComponent?: boolean } = {}): number {
  checkOptions('nearestNode', options, NEAREST_NODE_OPTION_KEYS);
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new InvalidInputError('nearestNode', 'x', 'must be a finite number', x);
  if (typeof y !== 'number' || !Number.isFinite(y)) throw new InvalidInputError('nearestNode', 'y', 'must be a finite number', y);
  if (network.numNodes === 0) throw new NotFoundError('nearestNode', 'network.numNodes', 0, 'leaves no node to snap to');
  const idx = nodeIndex(network);
  // Take a few candidates so that exact ties resolve to the lowest index deterministically.
  let cand: number[];
  if ((options.largestComponent ?? NEAREST_NODE_DEFAULTS.largestComponent) === true) {
    const comp = streetComponents(network);
    const label = comp.component;
    const big = comp.largest;
    cand = idx.neighbors(x, y, 4, Infinity, (i: number) => label[i] === big);
  } else cand = idx.neighbors(x, y, 4);
  let best = cand[0];
  let bd = (network.x[best] - x) ** 2 + (network.y[best] - y) ** 2;
  for (let k = 1; k < cand.length; k++) {
    const c = cand[k];
    const d = (network.x[c] - x) ** 2 + (network.y[c] - y) ** 2;
    if (d < bd || (d === bd && c < best)) {
      best = c;
      bd = d;
    }
  }
  return best;
}

/**
 * The nearest node for many points at once (one index query each).
 *
 * @param network - a street network
 * @param xs - x per point (finite)
 * @param ys - y per point (finite, same length)
 * @returns node index per point
 * @throws {InvalidInputError} on mismatched lengths or a non-finite coordinate (names the index)
 * @example
 * const nodes = nearestNodes(network, Float64Array.of(0, 10), Float64Array.of(0, 0));
 */
export function nearestNodes(network: StreetNetwork, xs: ArrayLike<number>, ys: ArrayLike<number>): Uint32Array {
  if (xs.length !== ys.length) throw new InvalidInputError('nearestNodes', 'ys.length', `must equal xs.length (${xs.length})`, ys.length);
  const out = new Uint32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) throw new InvalidInputError('nearestNodes', `xs[${i}]`, 'must be a finite number', xs[i]);
    if (!Number.isFinite(ys[i])) throw new InvalidInputError('nearestNodes', `ys[${i}]`, 'must be a finite number', ys[i]);
    out[i] = nearestNode(network, xs[i], ys[i]);
  }
  return out;
}

/** Connected components of a street network. */
export interface StreetComponents {
  /** Number of components. */
  readonly count: number;
  /** Component of each node, numbered by their lowest node index (0, 1, …). */
  readonly component: Uint32Array;
  /** Number of nodes in each component. */
  readonly size: Uint32Array;
  /** The largest component (lowest number on ties). */
  readonly largest: number;
}

const componentCache = new WeakMap<StreetNetwork, StreetComponents>();

/**
 * Connected components of a street network (breadth-first search over the
 * CSR arrays), computed once per network and cached. Imported street data
 * often holds small islands (clipped at the boundary, unconnected paths);
 * trips between islands are unreachable.
 *
 * @param network - a street network
 * @returns component labels and sizes
 * @example
 * const c = streetComponents(network);
 * c.size[c.largest] / network.numNodes // share of nodes in the main component
 * @remarks O(N + E).
 */
export function streetComponents(network: StreetNetwork): StreetComponents {
  const cached = componentCache.get(network);
  if (cached !== undefined) return cached;
  const n = network.numNodes;
  const NONE = 0xffffffff;
  const component = new Uint32Array(n).fill(NONE);
  const queue = new Uint32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (component[s] !== NONE) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    component[s] = c;
    while (head < tail) {
      const u = queue[head++];
      for (let p = network.starts[u]; p < network.starts[u + 1]; p++) {
        const v = network.neighbors[p];
        if (component[v] === NONE) {
          component[v] = c;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  let largest = 0;
  for (let c = 1; c < sizes.length; c++) if (sizes[c] > sizes[largest]) largest = c;
  const result: StreetComponents = { count: sizes.length, component, size: Uint32Array.from(sizes), largest };
  componentCache.set(network, result);
  return result;
}

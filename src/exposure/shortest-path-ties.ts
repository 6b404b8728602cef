/**
 * The equally short paths between two nodes and the exposure they carry: a
 * street grid has many shortest paths of the same length (3,654 from
 * Almaty-2 station to Republic Square in the Almaty preset), and which one a
 * router returns decides how much of the walk cameras see. This module finds
 * the least and the most exposed of them exactly, so that a detour is judged
 * against the best route that costs no extra walking.
 *
 * Method: one Dijkstra search from each end gives d_s (metres from `from`)
 * and d_t (metres to `to`; the street network is undirected with the same
 * length both ways, so a search from `to` on the same arrays gives it). An
 * arc u → v lies on a shortest path iff d_s[u] + length + d_t[v] = D, the
 * shortest length; these arcs form the shortest-path DAG. A dynamic
 * programme over its nodes in order of d_s gives, per node, the least and
 * the greatest exposure of a shortest path from `from` and the number of
 * such paths; the least-exposed path is walked back from `to`.
 */
import { type StreetNetwork, arcTail, NO_ARC } from '../mobility/index.js';
import { dijkstra } from '../mobility/internal.js';

/**
 * Relative tolerance under which two path lengths count as equal: floating
 * sums of the same edge lengths in a different order differ in the last
 * bits (about k · 1.1e-16 relative for k edges), while genuinely different
 * street paths differ by far more (1e-9 of a 5 km walk is 5 µm). Used for
 * the shortest-path DAG and, consistently, for the detour cap, so that
 * `maxDetour: 0` admits exactly the paths of the DAG.
 */
export const SHORTEST_TIE_TOLERANCE = 1e-9;

/** The equally short paths between two nodes, summarised. */
export interface ShortestPathTies {
  /** Shortest length, metres (d_s[to]). */
  length: number;
  /** Arc ids of the least-exposed shortest path, in travel order. */
  arcs: Uint32Array;
  /** Least and greatest total exposure over the shortest paths. */
  minExposure: number;
  maxExposure: number;
  /** Number of distinct shortest paths, counted by the dynamic programme in floating point (may round or overflow to Infinity). */
  numPaths: number;
}

// Scratch reused by every call (grown on demand; results never point into it).
let distFrom = new Float64Array(0);
let distTo = new Float64Array(0);
let parentScratch = new Uint32Array(0);
let minExp = new Float64Array(0);
let maxExp = new Float64Array(0);
let count = new Float64Array(0);
let predArc = new Uint32Array(0);
let order = new Uint32Array(0);

function ensureScratch(n: number): void {
  if (distFrom.length >= n) return;
  distFrom = new Float64Array(n);
  distTo = new Float64Array(n);
  parentScratch = new Uint32Array(n);
  minExp = new Float64Array(n);
  maxExp = new Float64Array(n);
  count = new Float64Array(n);
  predArc = new Uint32Array(n);
  order = new Uint32Array(n);
}

/**
 * The least- and most-exposed of the shortest paths from `s` to `t`, with
 * the number of shortest paths.
 *
 * Arcs whose length is within the tolerance of 0 (d_s does not grow along
 * them) are followed only from the node of lower (d_s, index) to the higher
 * one, which keeps the DAG acyclic; with such edges the paths that cross
 * them the other way are not enumerated.
 *
 * @param network - a street network
 * @param s - source node index (validated by the caller)
 * @param t - target node index
 * @param lenPos - arc length per CSR position (csrLengths)
 * @param expPos - arc exposure per CSR position, finite ≥ 0
 * @returns the shortest length, the least-exposed shortest path's arcs and the exposure range; length Infinity, no
 *   arcs and NaN exposures when t is not reachable from s
 * @remarks O((N + E) log N) for the two searches, O(E) for the DAG and O(K log K) to order its K nodes.
 * @internal
 */
export function shortestPathTies(network: StreetNetwork, s: number, t: number, lenPos: Float64Array, expPos: Float64Array): ShortestPathTies {
  const n = network.numNodes;
  ensureScratch(n);
  const ds = distFrom.subarray(0, n);
  const dt = distTo.subarray(0, n);
  const parent = parentScratch.subarray(0, n);
  dijkstra(network, s, -1, lenPos, ds, parent);
  const length = ds[t];
  if (!(length < Infinity)) return { length, arcs: new Uint32Array(0), minExposure: NaN, maxExposure: NaN, numPaths: 0 };
  dijkstra(network, t, -1, lenPos, dt, parent);
  const bound = length + SHORTEST_TIE_TOLERANCE * length;

  // Nodes of the DAG (on some shortest path), ordered by (d_s, index).
  let k = 0;
  for (let v = 0; v < n; v++) {
    if (ds[v] + dt[v] <= bound) {
      order[k++] = v;
      minExp[v] = Infinity;
      maxExp[v] = -Infinity;
      count[v] = 0;
      predArc[v] = NO_ARC;
    }
  }
  const nodes = order.subarray(0, k);
  nodes.sort((a, b) => ds[a] - ds[b] || a - b);
  minExp[s] = 0;
  maxExp[s] = 0;
  count[s] = 1;

  // Forward over the DAG: every arc u → v with d_s[u] + len + d_t[v] within the bound, v after u in the order.
  const starts = network.starts;
  const nbr = network.neighbors;
  const outArcs = network.outArcs;
  for (let i = 0; i < k; i++) {
    const u = nodes[i];
    if (count[u] === 0) continue; // not reached from s inside the DAG (only before s in the order)
    const du = ds[u];
    const end = starts[u + 1];
    for (let p = starts[u]; p < end; p++) {
      const v = nbr[p];
      if (!(du + lenPos[p] + dt[v] <= bound)) continue;
      if (!(ds[v] > du || (ds[v] === du && v > u))) continue;
      if (!(ds[v] + dt[v] <= bound)) continue; // v must be a DAG node (guards rounding at the bound)
      const lo = minExp[u] + expPos[p];
      if (lo < minExp[v]) {
        minExp[v] = lo;
        predArc[v] = outArcs[p];
      }
      const hi = maxExp[u] + expPos[p];
      if (hi > maxExp[v]) maxExp[v] = hi;
      count[v] += count[u];
    }
  }

  return { length, arcs: walkBack(network, predArc, s, t), minExposure: minExp[t], maxExposure: maxExp[t], numPaths: count[t] };
}

/**
 * The arcs from s to t in travel order, following `parent[v]` (the arc
 * entering v) back from t; stops early at a node without one.
 * @internal
 */
export function walkBack(network: StreetNetwork, parent: Uint32Array, s: number, t: number): Uint32Array {
  let steps = 0;
  for (let v = t; v !== s && parent[v] !== NO_ARC; steps++) v = arcTail(network, parent[v]);
  const out = new Uint32Array(steps);
  for (let v = t, j = steps - 1; j >= 0; j--) {
    const a = parent[v];
    out[j] = a;
    v = arcTail(network, a);
  }
  return out;
}

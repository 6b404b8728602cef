/**
 * Compact routing arrays built once from a city's street graph (graphology),
 * shared by routing, trips, exposure profiles and least-surveilled routes.
 *
 * Indexing conventions (every module relies on them):
 * - Node index i is the i-th node in `graph.forEachNode` order.
 * - Edge index e is the e-th edge in `graph.forEachEdge` order — the same
 *   order as `streetSegments(graph)` in the coverage module.
 * - Each undirected edge e gives two directed arcs: arc `2e` runs from the
 *   edge's source node to its target node ("forward"), arc `2e + 1` runs from
 *   target to source ("backward"). `arc >> 1` is the edge, `arc & 1` the direction.
 * - CSR: the arcs leaving node i are `outArcs[starts[i]]` … `outArcs[starts[i + 1] − 1]`.
 */

/** Compact, read-only routing arrays of a street graph. Treat the arrays as read-only. */
export interface StreetNetwork {
  readonly numNodes: number;
  readonly numEdges: number;
  /** Graphology node keys, by node index. */
  readonly nodeKeys: readonly string[];
  /** Node coordinates, metres (local plane). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Per edge (graph edge order): source node, target node, length (m), class (index into STREET_CLASSES). */
  readonly edgeSource: Uint32Array;
  readonly edgeTarget: Uint32Array;
  readonly edgeLength: Float64Array;
  readonly edgeClass: Uint8Array;
  /** CSR over arcs: length numNodes + 1. */
  readonly starts: Uint32Array;
  /** Arc ids (2e or 2e + 1) leaving each node, grouped by node; length 2 · numEdges. */
  readonly outArcs: Uint32Array;
  /** Head node of each arc position in `outArcs` (same indexing as outArcs). */
  readonly neighbors: Uint32Array;
}

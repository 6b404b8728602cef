/**
 * Builds a street graph from polylines in metres: one edge between each
 * pair of consecutive vertices, vertices closer than a snap tolerance merged
 * into one node. Shared by the GeoJSON and OSM XML street importers.
 */
import { Graph } from '../core/internal.js';
import type { StreetClass, StreetEdgeAttributes, StreetGraph, StreetNodeAttributes } from './city.js';

/** Counts of what a build did, returned by importers beside the graph. */
export interface StreetBuildSummary {
  /** Polylines added. */
  lines: number;
  /** Segments skipped because both ends snapped to the same node. */
  zeroLengthSegments: number;
  /** Segments skipped because the same two nodes were already joined (the first one is kept). */
  duplicateSegments: number;
  /** Total length of the graph's edges, metres. */
  totalLength: number;
}

/**
 * Accumulates polylines into a {@link StreetGraph}. Node keys are the
 * caller's vertex ids when given (the first id that lands on a merged node
 * wins) or `n0`, `n1`, …; edge keys are `e0`, `e1`, … in insertion order.
 */
export class StreetGraphBuilder {
  readonly graph: StreetGraph;
  readonly summary: StreetBuildSummary = { lines: 0, zeroLengthSegments: 0, duplicateSegments: 0, totalLength: 0 };
  private readonly tol: number;
  private readonly cells = new Map<string, string[]>();
  private nodeCount = 0;
  private edgeCount = 0;

  /** @param snapTolerance - metres (≥ 0); vertices closer than this become one node */
  constructor(snapTolerance: number) {
    this.tol = snapTolerance;
    this.graph = new Graph<StreetNodeAttributes, StreetEdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  }

  /** Returns the key of the node at (x, y), creating it (with key `id` when given) if no node lies within the tolerance. */
  node(x: number, y: number, id?: string): string {
    const tol = this.tol;
    const size = tol > 0 ? tol : 1e-9;
    const cx = Math.floor(x / size);
    const cy = Math.floor(y / size);
    let best: string | null = null;
    let bestD = Infinity;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(`${cx + dx},${cy + dy}`);
        if (!list) continue;
        for (const key of list) {
          const a = this.graph.getNodeAttributes(key);
          const d = Math.hypot(a.x - x, a.y - y);
          if (d <= tol && d < bestD) {
            bestD = d;
            best = key;
          }
        }
      }
    }
    if (best !== null) return best;
    let key = id ?? `n${this.nodeCount}`;
    if (this.graph.hasNode(key)) key = `${key}#${this.nodeCount}`;
    this.nodeCount++;
    this.graph.addNode(key, { x, y });
    const cellKey = `${cx},${cy}`;
    const list = this.cells.get(cellKey);
    if (list) list.push(key);
    else this.cells.set(cellKey, [key]);
    return key;
  }

  /**
   * Adds a polyline.
   *
   * @param coords - flat `[x0, y0, x1, y1, …]` metres, at least 2 points, finite (checked by the caller)
   * @param streetClass - class of every segment
   * @param width - carriageway width, metres
   * @param name - street name, when known
   * @param ids - optional vertex ids (same length as the number of points)
   */
  addLine(coords: ArrayLike<number>, streetClass: StreetClass, width: number, name?: string, ids?: readonly string[]): void {
    this.summary.lines++;
    const n = coords.length >> 1;
    let prev = this.node(coords[0], coords[1], ids?.[0]);
    for (let i = 1; i < n; i++) {
      const cur = this.node(coords[2 * i], coords[2 * i + 1], ids?.[i]);
      if (cur === prev) {
        this.summary.zeroLengthSegments++;
        continue;
      }
      if (this.graph.hasEdge(prev, cur)) {
        this.summary.duplicateSegments++;
      } else {
        const a = this.graph.getNodeAttributes(prev);
        const b = this.graph.getNodeAttributes(cur);
        const length = Math.hypot(b.x - a.x, b.y - a.y);
        const attrs: StreetEdgeAttributes = name === undefined ? { length, streetClass, width } : { length, streetClass, width, name };
        this.graph.addUndirectedEdgeWithKey(`e${this.edgeCount++}`, prev, cur, attrs);
        this.summary.totalLength += length;
      }
      prev = cur;
    }
  }
}

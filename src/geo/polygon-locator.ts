/**
 * A study area prepared for many queries: its oriented edges (interior on the
 * left), a flatbush index over them, and a band index for fast
 * point-in-polygon tests.
 *
 * Point-in-polygon by ray casting costs O(edges); here the plane is cut into
 * horizontal bands and each band lists only the edges whose y-range meets it,
 * so a test visits the handful of edges near the point's row. On the Almaty
 * boundary (thousands of vertices) this makes a test about a hundred times
 * cheaper than a naive scan.
 */
import Flatbush from 'flatbush';
import type { MultiPolygonM } from './polygon.js';
import { normalizePolygon, ringSignedArea } from './polygon.js';

export class PolygonLocator {
  /** Number of edges. */
  readonly numEdges: number;
  /** Edge k runs from (edges[4k], edges[4k+1]) to (edges[4k+2], edges[4k+3]); interior on its left. */
  readonly edges: Float64Array;
  /** Flatbush over the edges' bounding boxes. */
  readonly index: Flatbush;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Area in m² (outer rings minus holes). */
  readonly area: number;
  private readonly numBands: number;
  private readonly bandHeight: number;
  private readonly bandStart: Uint32Array;
  private readonly bandEdges: Uint32Array;
  /** True when the area is a single axis-aligned rectangle (fast path). */
  readonly isBox: boolean;

  constructor(area: MultiPolygonM, isBox = false) {
    let n = 0;
    for (const p of area) {
      n += p.outer.length >> 1;
      for (const h of p.holes) n += h.length >> 1;
    }
    this.numEdges = n;
    this.isBox = isBox;
    const edges = new Float64Array(4 * n);
    let k = 0;
    let a = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const raw of area) {
      const p = normalizePolygon(raw);
      for (const ring of [p.outer, ...p.holes]) {
        a += ringSignedArea(ring);
        const m = ring.length >> 1;
        for (let i = 0; i < m; i++) {
          const j = i + 1 === m ? 0 : i + 1;
          edges[4 * k] = ring[2 * i];
          edges[4 * k + 1] = ring[2 * i + 1];
          edges[4 * k + 2] = ring[2 * j];
          edges[4 * k + 3] = ring[2 * j + 1];
          if (ring[2 * i] < minX) minX = ring[2 * i];
          if (ring[2 * i] > maxX) maxX = ring[2 * i];
          if (ring[2 * i + 1] < minY) minY = ring[2 * i + 1];
          if (ring[2 * i + 1] > maxY) maxY = ring[2 * i + 1];
          k++;
        }
      }
    }
    this.edges = edges;
    this.area = a;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const index = new Flatbush(Math.max(n, 1));
    for (let e = 0; e < n; e++) {
      const x0 = edges[4 * e];
      const y0 = edges[4 * e + 1];
      const x1 = edges[4 * e + 2];
      const y1 = edges[4 * e + 3];
      index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
    if (n === 0) index.add(0, 0, 0, 0);
    index.finish();
    this.index = index;
    // Band index: about one band per 4 edges, at most 4096 bands.
    const numBands = Math.max(1, Math.min(4096, Math.ceil(n / 4)));
    this.numBands = numBands;
    this.bandHeight = (maxY - minY) / numBands || 1;
    const counts = new Uint32Array(numBands + 1);
    for (let e = 0; e < n; e++) {
      const [b0, b1] = this.bandRange(edges[4 * e + 1], edges[4 * e + 3]);
      for (let b = b0; b <= b1; b++) counts[b + 1]++;
    }
    for (let b = 0; b < numBands; b++) counts[b + 1] += counts[b];
    const bandEdges = new Uint32Array(counts[numBands]);
    const fill = counts.slice(0, numBands);
    for (let e = 0; e < n; e++) {
      const [b0, b1] = this.bandRange(edges[4 * e + 1], edges[4 * e + 3]);
      for (let b = b0; b <= b1; b++) bandEdges[fill[b]++] = e;
    }
    this.bandStart = counts;
    this.bandEdges = bandEdges;
  }

  private bandRange(ya: number, yb: number): [number, number] {
    const lo = Math.min(ya, yb);
    const hi = Math.max(ya, yb);
    const last = this.numBands - 1;
    let b0 = Math.floor((lo - this.minY) / this.bandHeight);
    let b1 = Math.floor((hi - this.minY) / this.bandHeight);
    if (b0 < 0) b0 = 0;
    if (b1 > last) b1 = last;
    if (b0 > last) b0 = last;
    if (b1 < 0) b1 = 0;
    return [b0, b1];
  }

  /** True when (x, y) is inside the area (even–odd rule; points on an edge may go either way). */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    if (this.isBox) return true;
    let b = Math.floor((y - this.minY) / this.bandHeight);
    if (b >= this.numBands) b = this.numBands - 1;
    if (b < 0) b = 0;
    const edges = this.edges;
    const list = this.bandEdges;
    const end = this.bandStart[b + 1];
    let inside = false;
    for (let k = this.bandStart[b]; k < end; k++) {
      const e = list[k] * 4;
      const xi = edges[e];
      const yi = edges[e + 1];
      const xj = edges[e + 2];
      const yj = edges[e + 3];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
}

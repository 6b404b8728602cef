/**
 * A city boundary prepared for many point and segment queries.
 *
 * The plane is cut into horizontal bands; each band lists the boundary edges
 * whose y-range meets it (a CSR layout in typed arrays). A point-in-boundary
 * test then visits only the few edges of the point's band instead of all of
 * them, which matters for a real boundary of thousands of vertices queried
 * for tens of thousands of street intersections.
 *
 * Points on the boundary (within a tolerance of 1e-9 of the boundary's
 * extent) count as inside, so a grid laid exactly on a rectangular boundary
 * keeps its outermost streets.
 */
import { type MultiPolygonM } from '../geo/index.js';

export class BoundaryIndex {
  /** Number of boundary edges (outer rings and holes). */
  readonly numEdges: number;
  /** Edge k runs from (edges[4k], edges[4k+1]) to (edges[4k+2], edges[4k+3]). */
  readonly edges: Float64Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Distance under which a point counts as lying on the boundary (metres). */
  readonly tolerance: number;
  private readonly numBands: number;
  private readonly bandHeight: number;
  private readonly bandStart: Uint32Array;
  private readonly bandEdges: Uint32Array;

  /**
   * @param boundary - a non-empty multipolygon (holes are respected)
   * @example
   * const idx = new BoundaryIndex(city.boundary);
   * idx.contains(0, 0)
   * @remarks O(E + B) to build for E edges and B bands (B ≈ E / 2).
   */
  constructor(boundary: MultiPolygonM) {
    let n = 0;
    for (const p of boundary) {
      n += p.outer.length >> 1;
      for (const h of p.holes) n += h.length >> 1;
    }
    this.numEdges = n;
    const edges = new Float64Array(4 * n);
    let k = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of boundary) {
      const rings = [p.outer, ...p.holes];
      for (const ring of rings) {
        const m = ring.length >> 1;
        for (let i = 0; i < m; i++) {
          const j = i + 1 === m ? 0 : i + 1;
          const x = ring[2 * i];
          const y = ring[2 * i + 1];
          edges[4 * k] = x;
          edges[4 * k + 1] = y;
          edges[4 * k + 2] = ring[2 * j];
          edges[4 * k + 3] = ring[2 * j + 1];
          k++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
    }
    this.edges = edges;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    this.tolerance = 1e-9 * extent;
    const numBands = Math.max(1, Math.min(1 << 16, Math.ceil(n / 2)));
    this.numBands = numBands;
    this.bandHeight = (maxY - minY) / numBands || 1;
    const counts = new Uint32Array(numBands + 1);
    for (let e = 0; e < n; e++) {
      const b0 = this.band(Math.min(edges[4 * e + 1], edges[4 * e + 3]));
      const b1 = this.band(Math.max(edges[4 * e + 1], edges[4 * e + 3]));
      for (let b = b0; b <= b1; b++) counts[b + 1]++;
    }
    for (let b = 0; b < numBands; b++) counts[b + 1] += counts[b];
    const bandEdges = new Uint32Array(counts[numBands]);
    const fill = counts.slice(0, numBands);
    for (let e = 0; e < n; e++) {
      const b0 = this.band(Math.min(edges[4 * e + 1], edges[4 * e + 3]));
      const b1 = this.band(Math.max(edges[4 * e + 1], edges[4 * e + 3]));
      for (let b = b0; b <= b1; b++) bandEdges[fill[b]++] = e;
    }
    this.bandStart = counts;
    this.bandEdges = bandEdges;
  }

  private band(y: number): number {
    const b = Math.floor((y - this.minY) / this.bandHeight);
    return b < 0 ? 0 : b >= this.numBands ? this.numBands - 1 : b;
  }

  /**
   * True when (x, y) lies inside the boundary or on it (within {@link tolerance}).
   *
   * @example
   * new BoundaryIndex([boundsToPolygon([0, 0, 10, 10])]).contains(10, 5) // true (on the edge)
   * @remarks O(edges in the point's band).
   */
  contains(x: number, y: number): boolean {
    const tol = this.tolerance;
    if (x < this.minX - tol || x > this.maxX + tol || y < this.minY - tol || y > this.maxY + tol) return false;
    const edges = this.edges;
    const b = this.band(y);
    const end = this.bandStart[b + 1];
    let inside = false;
    for (let s = this.bandStart[b]; s < end; s++) {
      const e = this.bandEdges[s];
      const ax = edges[4 * e];
      const ay = edges[4 * e + 1];
      const bx = edges[4 * e + 2];
      const by = edges[4 * e + 3];
      // On the edge (distance to the segment within tolerance)?
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      if (ex * ex + ey * ey <= tol * tol) return true;
      if (ay > y !== by > y && x < (dx * (y - ay)) / dy + ax) inside = !inside;
    }
    return inside;
  }

  /**
   * True when the whole segment (ax, ay)–(bx, by) lies inside the boundary or
   * on it: both ends inside, no proper crossing of a boundary edge, and, where
   * boundary vertices touch the segment, every piece between touches inside
   * (a segment cannot leave the boundary any other way).
   *
   * @example
   * idx.segmentInside(0, 5, 10, 5)
   * @remarks O(edges in the bands the segment spans).
   */
  segmentInside(ax: number, ay: number, bx: number, by: number): boolean {
    if (!this.contains(ax, ay) || !this.contains(bx, by)) return false;
    const touches = this.touches;
    touches.length = 0;
    if (this.scanSegment(ax, ay, bx, by, touches)) return false;
    if (touches.length === 0) return true;
    touches.push(0, 1);
    touches.sort((p, q) => p - q);
    for (let i = 0; i + 1 < touches.length; i++) {
      if (touches[i + 1] - touches[i] < 1e-12) continue;
      const t = (touches[i] + touches[i + 1]) / 2;
      if (!this.contains(ax + t * (bx - ax), ay + t * (by - ay))) return false;
    }
    return true;
  }

  /**
   * True when the segment (ax, ay)–(bx, by) properly crosses a boundary edge
   * (touching or running along the boundary does not count).
   *
   * @example
   * idx.segmentCrosses(-1, 5, 1, 5) // true when x = 0 is a boundary edge
   * @remarks O(edges in the bands the segment spans).
   */
  segmentCrosses(ax: number, ay: number, bx: number, by: number): boolean {
    return this.scanSegment(ax, ay, bx, by, null);
  }

  private readonly touches: number[] = [];

  /** Proper-crossing scan; when `touches` is given, records the segment parameter t of boundary vertices lying on it. */
  private scanSegment(ax: number, ay: number, bx: number, by: number, touches: number[] | null): boolean {
    const edges = this.edges;
    const tol = this.tolerance;
    const sMinY = (ay < by ? ay : by) - tol;
    const sMaxY = (ay < by ? by : ay) + tol;
    const sMinX = (ax < bx ? ax : bx) - tol;
    const sMaxX = (ax < bx ? bx : ax) + tol;
    if (sMaxY < this.minY || sMinY > this.maxY || sMaxX < this.minX || sMinX > this.maxX) return false;
    const b0 = this.band(sMinY);
    const b1 = this.band(sMaxY);
    const abx = bx - ax;
    const aby = by - ay;
    const abLen2 = abx * abx + aby * aby;
    const abLen = Math.sqrt(abLen2);
    for (let b = b0; b <= b1; b++) {
      const end = this.bandStart[b + 1];
      for (let s = this.bandStart[b]; s < end; s++) {
        const e = this.bandEdges[s];
        const cx = edges[4 * e];
        const cy = edges[4 * e + 1];
        const dx = edges[4 * e + 2];
        const dy = edges[4 * e + 3];
        if ((cx < sMinX && dx < sMinX) || (cx > sMaxX && dx > sMaxX) || (cy < sMinY && dy < sMinY) || (cy > sMaxY && dy > sMaxY)) continue;
        const e2 = tol * abLen;
        const o3 = abx * (cy - ay) - aby * (cx - ax);
        if (touches !== null && o3 <= e2 && o3 >= -e2 && abLen2 > 0) {
          // Edge start vertex (each vertex starts exactly one edge) lies on the segment's line: record it if within the segment.
          const t = ((cx - ax) * abx + (cy - ay) * aby) / abLen2;
          if (t > 0 && t < 1) touches.push(t);
        }
        const cdx = dx - cx;
        const cdy = dy - cy;
        const e1 = tol * Math.sqrt(cdx * cdx + cdy * cdy);
        const o1 = cdx * (ay - cy) - cdy * (ax - cx);
        const o2 = cdx * (by - cy) - cdy * (bx - cx);
        if (!((o1 > e1 && o2 < -e1) || (o1 < -e1 && o2 > e1))) continue;
        const o4 = abx * (dy - ay) - aby * (dx - ax);
        if ((o3 > e2 && o4 < -e2) || (o3 < -e2 && o4 > e2)) return true;
      }
    }
    return false;
  }

  /**
   * True when some boundary vertex lies strictly inside the convex
   * quadrilateral `quad` (`[x0, y0, …, x3, y3]`, counter-clockwise).
   *
   * @example
   * idx.anyVertexInConvexQuad(Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1))
   * @remarks O(edges in the bands the quad spans).
   */
  anyVertexInConvexQuad(quad: Float64Array): boolean {
    let qMinY = Infinity;
    let qMaxY = -Infinity;
    for (let i = 1; i < 8; i += 2) {
      if (quad[i] < qMinY) qMinY = quad[i];
      if (quad[i] > qMaxY) qMaxY = quad[i];
    }
    if (qMaxY < this.minY || qMinY > this.maxY) return false;
    const edges = this.edges;
    const b0 = this.band(qMinY);
    const b1 = this.band(qMaxY);
    const tol = this.tolerance;
    for (let b = b0; b <= b1; b++) {
      const end = this.bandStart[b + 1];
      for (let s = this.bandStart[b]; s < end; s++) {
        const e = this.bandEdges[s];
        const x = edges[4 * e];
        const y = edges[4 * e + 1];
        let inside = true;
        for (let i = 0; i < 4 && inside; i++) {
          const j = (i + 1) & 3;
          const ex = quad[2 * j] - quad[2 * i];
          const ey = quad[2 * j + 1] - quad[2 * i + 1];
          const len = Math.sqrt(ex * ex + ey * ey);
          if (ex * (y - quad[2 * i + 1]) - ey * (x - quad[2 * i]) <= tol * len) inside = false;
        }
        if (inside) return true;
      }
    }
    return false;
  }
}

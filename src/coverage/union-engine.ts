/**
 * The exact coverage engine (hot core).
 *
 * The area of the region covered by at least k footprints follows from
 * Green's theorem: area(R) = ½ ∮∂R (x dy − y dx). The boundary of
 * R_k = {depth ≥ k} is made of pieces of footprint boundaries: split every
 * footprint's boundary where other footprints' boundaries cross it; a piece of
 * footprint i's boundary that lies inside c other footprints separates depth
 * c + 1 (inside i) from depth c (outside), so it belongs to ∂R_{c+1}, and
 * its Green integral is added to level c + 1. Clipping to the study area S
 * adds the pieces of ∂S, each counted in every level up to its depth.
 * The cost is proportional to the number of boundary pieces, i.e. to the
 * overlapping pairs, not to the area or a raster resolution.
 *
 * Degenerate layouts are common in real networks (several cameras on one
 * pole share an apex and abut along common edges; cameras on one arc
 * overlap along it). They are resolved by a symbolic rule applied to a
 * piece that lies on another footprint's boundary: if both interiors are on
 * the same side the footprint with the lower index counts as containing the
 * other's piece, never the reverse; if the interiors are on opposite sides
 * neither counts. Coincident pieces are split at each other's end points, so
 * each piece is either on or off a given boundary.
 *
 * With availability weights (camera i up with probability pᵢ, independently)
 * the same pieces give expectations: the jump of P(depth ≥ k) across a piece
 * of footprint i lying inside the set J of other footprints is
 * pᵢ · P(exactly k − 1 of J up) (a Poisson-binomial term).
 */
import Flatbush from 'flatbush';
import { type PolygonLocator } from '../geo/index.js';
import { neighbourLists } from './neighbour-pairs.js';
import { runChunksInParallel } from './parallel.js';
import { scratchUint32 } from '../core/internal.js';
import {
  Footprints,
  MODE_FULL,
  MODE_NARROW,
  MODE_OCCLUDED,
  MODE_TIP,
  MODE_WIDE,
  PRIM_ARC,
  BOUNDARY_TOLERANCE,
  PROBE_DISTANCE,
  PRIM_STRIDE,
} from './footprints.js';

/** Absolute tolerance (m) below which a point is treated as on a boundary. */
const EPS = BOUNDARY_TOLERANCE;
/** Offset (m) of the two probe points used to resolve on-boundary pieces. */
const DELTA = PROBE_DISTANCE;
/** Pieces shorter than this (m) are skipped: their Green term is below 1e-5 m² even 100 km from the origin. */
const MIN_PIECE = 1e-10;
/** Relative tolerance on segment parameters when accepting an intersection. */
const TOL_PARAM = 1e-9;
const TWO_PI = 2 * Math.PI;

export interface UnionResult {
  /** areaAtLeast[k] = area (m²) covered by at least k footprints (k ≥ 1); index 0 = study area. */
  areaAtLeast: Float64Array;
  /** Number of boundary pieces evaluated (a measure of work). */
  numPieces: number;
  /** Number of overlapping footprint pairs (by bounding box). */
  numPairs: number;
}

/** The footprint columns the engine reads (a {@link Footprints}, or the same fields rebuilt in a worker). */
export type FootprintColumns = Pick<
  Footprints,
  'n' | 'cx' | 'cy' | 'r' | 'a0' | 'a1' | 'u0x' | 'u0y' | 'u1x' | 'u1y' | 'mode' | 'tip' | 'minX' | 'minY' | 'maxX' | 'maxY' | 'primStart' | 'primType' | 'prim' | 'vis'
>;

/** Footprints per chunk. Chunks are the unit of work and of summation, so results do not depend on the number of threads. */
export const CHUNK_SIZE = 4096;

/** One engine: everything the footprint and study-area passes need, with scratch buffers. */
export interface UnionEngine {
  /**
   * Evaluates the boundary pieces of footprints [from, to): adds Green terms
   * to `acc` (length levels + 1) and writes the ids of footprints whose box
   * meets a study-area edge to `touching` from `touchingAt`.
   * Returns [pieces evaluated, footprints written to `touching`].
   */
  footprintChunk(from: number, to: number, acc: Float64Array, touching: Uint32Array, touchingAt: number): [number, number];
  /** Evaluates the pieces of the study-area boundary; `accEdge` as described in {@link unionAreas}. */
  edgePass(touching: Uint32Array, numTouching: number, accEdge: Float64Array): number;
}

/**
 * Builds an engine over footprint columns, neighbour lists and a study area.
 * @internal Used by {@link unionAreas} and by the coverage worker.
 */
export function createUnionEngine(
  fp: FootprintColumns,
  nbStart: Uint32Array,
  nbList: Uint32Array,
  area: PolygonLocator,
  weights: Float64Array | null,
  levels: number,
): UnionEngine {
  return new ExactUnionEngine(fp, nbStart, nbList, area, weights, levels);
}

/**
 * The union engine's state and its steps. One pass over a footprint
 * ({@link ExactUnionEngine.footprintChunk}) runs:
 * 1. find the study-area edges near it ({@link ExactUnionEngine.studyAreaEdgesNear});
 * 2. gather its boundary primitives ({@link ExactUnionEngine.gather});
 * 3. split each primitive where neighbours' and study-area boundaries cross it
 *    ({@link ExactUnionEngine.primitiveSplits});
 * 4. classify each piece and add its Green term to the level of its depth
 *    ({@link ExactUnionEngine.addSegmentPieces}, {@link ExactUnionEngine.addArcPieces},
 *    {@link ExactUnionEngine.addPiece}).
 * The study-area pass ({@link ExactUnionEngine.edgePass}) does the same for the
 * edges of the study area. The footprint columns are copied into fields and
 * read into locals at the top of each step, so the hot loops index typed
 * arrays directly; scratch buffers are fields reused across footprints.
 */
export class ExactUnionEngine implements UnionEngine {
  protected readonly fp: FootprintColumns;
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly r: Float64Array;
  private readonly a0: Float64Array;
  private readonly a1: Float64Array;
  private readonly u0x: Float64Array;
  private readonly u0y: Float64Array;
  private readonly u1x: Float64Array;
  private readonly u1y: Float64Array;
  private readonly mode: Uint8Array;
  private readonly tip: Float64Array;
  private readonly minX: Float64Array;
  private readonly minY: Float64Array;
  private readonly maxX: Float64Array;
  private readonly maxY: Float64Array;
  private readonly primStart: FootprintColumns['primStart'];
  private readonly primType: FootprintColumns['primType'];
  private readonly prim: FootprintColumns['prim'];
  private readonly nbStart: Uint32Array;
  protected readonly nbList: Uint32Array;
  private readonly area: PolygonLocator;
  private readonly areaEdges: PolygonLocator['edges'];
  private readonly weights: Float64Array | null;
  /** Accumulator of the current footprint pass (set by footprintChunk). */
  protected accFoot: Float64Array;
  /** Scratch: split parameters of the primitive being cut. */
  protected splits = new Float64Array(256);
  /** Scratch: Poisson-binomial distribution of the number of containing footprints up. */
  private readonly dist: Float64Array;
  /** Pieces evaluated in the current pass. */
  protected numPieces = 0;
  /** Gather buffer: primitives with bounding boxes (stride G_STRIDE), and their types. */
  private gBuf = new Float64Array(64 * G_STRIDE);
  private gType = new Uint8Array(64);

  constructor(fp: FootprintColumns, nbStart: Uint32Array, nbList: Uint32Array, area: PolygonLocator, weights: Float64Array | null, levels: number) {
    this.fp = fp;
    this.cx = fp.cx;
    this.cy = fp.cy;
    this.r = fp.r;
    this.a0 = fp.a0;
    this.a1 = fp.a1;
    this.u0x = fp.u0x;
    this.u0y = fp.u0y;
    this.u1x = fp.u1x;
    this.u1y = fp.u1y;
    this.mode = fp.mode;
    this.tip = fp.tip;
    this.minX = fp.minX;
    this.minY = fp.minY;
    this.maxX = fp.maxX;
    this.maxY = fp.maxY;
    this.primStart = fp.primStart;
    this.primType = fp.primType;
    this.prim = fp.prim;
    this.nbStart = nbStart;
    this.nbList = nbList;
    this.area = area;
    this.areaEdges = area.edges;
    this.weights = weights;
    this.accFoot = new Float64Array(levels + 1);
    this.dist = new Float64Array(levels + 1);
  }

  // ---- Footprint boundary pieces.

  footprintChunk(from: number, to: number, acc: Float64Array, touchesEdge: Uint32Array, touchingAt: number): [number, number] {
    this.accFoot = acc;
    this.numPieces = 0;
    const nbStart = this.nbStart;
    const modeA = this.mode;
    let numTouching = touchingAt;
    for (let i = from; i < to; i++) {
      const edgeIds = this.studyAreaEdgesNear(i);
      if (edgeIds.length !== 0) touchesEdge[numTouching++] = i;
      else if (!this.area.contains(this.cx[i], this.cy[i])) continue; // the whole footprint is outside S
      // An isolated plain sector wholly inside S (no neighbour, no study-area
      // edge): its boundary pieces would sum to its own area, fov·r²/2, so add
      // that directly (sparse layouts have many such cameras; dense ones few).
      if (nbStart[i] === nbStart[i + 1] && edgeIds.length === 0 && (modeA[i] & MODE_OCCLUDED) === 0) {
        this.addIsolatedSector(i);
        continue;
      }
      this.addBoundaryPieces(i, edgeIds);
    }
    return [this.numPieces, numTouching - touchingAt];
  }

  /** Ids of the study-area edges whose boxes meet footprint i's box (EPS-widened), or an empty list. */
  private studyAreaEdgesNear(i: number): number[] {
    const area = this.area;
    const x0 = this.minX[i];
    const y0 = this.minY[i];
    const x1 = this.maxX[i];
    const y1 = this.maxY[i];
    if (area.isBox) {
      if (x0 <= area.minX + EPS || y0 <= area.minY + EPS || x1 >= area.maxX - EPS || y1 >= area.maxY - EPS) {
        return area.index.search(x0 - EPS, y0 - EPS, x1 + EPS, y1 + EPS);
      }
    } else if (area.mayTouchBoundary(x0 - EPS, y0 - EPS, x1 + EPS, y1 + EPS)) {
      return area.index.search(x0 - EPS, y0 - EPS, x1 + EPS, y1 + EPS);
    }
    return EMPTY;
  }

  /** Adds the area of plain sector i, which has no neighbour and lies wholly inside S, to level 1. */
  protected addIsolatedSector(i: number): void {
    const span = this.a1[i] - this.a0[i];
    let own = 0.5 * span * this.r[i] * this.r[i];
    // A cut tip (see setSector): the triangle (apex, L·u0, L·u1) is taken from a narrow sector, added to a wide one.
    if ((this.mode[i] & MODE_TIP) !== 0) own += (this.mode[i] & 3) === MODE_WIDE ? tipTriangleArea(this.fp, i) : -tipTriangleArea(this.fp, i);
    this.accFoot[1] += this.weights === null ? own : this.weights[i] * own;
    this.numPieces++;
  }

  /** Cuts every boundary primitive of footprint i into pieces and adds each piece's Green term. */
  private addBoundaryPieces(i: number, edgeIds: number[]): void {
    const ownCount = this.gather(i, 0);
    this.reserveSplits(i, edgeIds.length);
    const G = this.gBuf;
    const GT = this.gType;
    for (let p = 0; p < ownCount; p++) {
      if (GT[p] !== PRIM_ARC) this.addSegmentPieces(i, G, p * G_STRIDE, edgeIds);
      else this.addArcPieces(i, G, p * G_STRIDE, edgeIds);
    }
  }

  /** Grows the split buffer to hold two splits per primitive of i's neighbours and per nearby study-area edge. */
  private reserveSplits(i: number, numEdges: number): void {
    const modeA = this.mode;
    const primStart = this.primStart;
    const nbList = this.nbList;
    let nbPrims = 0;
    for (let q = this.nbStart[i]; q < this.nbStart[i + 1]; q++) {
      const j = nbList[q];
      nbPrims += (modeA[j] & MODE_OCCLUDED) !== 0 ? primStart[j + 1] - primStart[j] : 4;
    }
    const need = 2 * (nbPrims + numEdges) + 8;
    if (this.splits.length < need) this.splits = new Float64Array(need * 2);
  }

  /** Splits the gathered segment at G[o] where other boundaries cross it, then adds its pieces. */
  private addSegmentPieces(i: number, G: Float64Array, o: number, edgeIds: number[]): void {
    const px = G[o];
    const py = G[o + 1];
    const dx = G[o + 2] - px;
    const dy = G[o + 3] - py;
    const len2 = dx * dx + dy * dy;
    const len = Math.sqrt(len2);
    if (len < MIN_PIECE) return;
    const ns = this.primitiveSplits(i, G, o, false, edgeIds);
    const splits = this.splits;
    const nbFrom = this.nbStart[i];
    const nbTo = this.nbStart[i + 1];
    const nx = -dy / len;
    const ny = dx / len;
    let ta = 0;
    for (let s = 0; s <= ns; s++) {
      const tb = s < ns ? splits[s] : 1;
      if ((tb - ta) * len < MIN_PIECE) continue;
      const ax = px + ta * dx;
      const ay = py + ta * dy;
      const bx = px + tb * dx;
      const by = py + tb * dy;
      ta = tb;
      const mx = (ax + bx) * 0.5;
      const my = (ay + by) * 0.5;
      if (edgeIds.length !== 0 && !this.inStudyArea(mx, my, nx, ny, edgeIds)) continue;
      this.addPiece(i, nbFrom, nbTo, mx, my, nx, ny, 0.5 * (ax * by - bx * ay));
    }
  }

  /** Splits the gathered arc at G[o] where other boundaries cross it, then adds its pieces. */
  private addArcPieces(i: number, G: Float64Array, o: number, edgeIds: number[]): void {
    const ccx = G[o];
    const ccy = G[o + 1];
    const r = G[o + 2];
    const t0 = G[o + 3];
    const span = G[o + 4] - t0;
    const ns = this.primitiveSplits(i, G, o, true, edgeIds);
    const splits = this.splits;
    const nbFrom = this.nbStart[i];
    const nbTo = this.nbStart[i + 1];
    let fa = 0;
    // End directions are stored with the arc (no trig); the midpoint of a
    // piece shorter than π is the normalised sum of its end directions.
    let cosA = G[o + 5];
    let sinA = G[o + 6];
    for (let s = 0; s <= ns; s++) {
      const last = s === ns;
      const fb = last ? span : splits[s];
      if ((fb - fa) * r < MIN_PIECE) continue;
      const cosB = last ? G[o + 7] : Math.cos(t0 + fb);
      const sinB = last ? G[o + 8] : Math.sin(t0 + fb);
      let cm: number;
      let sm: number;
      if (fb - fa < 3) {
        const hx = cosA + cosB;
        const hy = sinA + sinB;
        const hl = Math.sqrt(hx * hx + hy * hy);
        cm = hx / hl;
        sm = hy / hl;
      } else {
        const fm = t0 + (fa + fb) * 0.5;
        cm = Math.cos(fm);
        sm = Math.sin(fm);
      }
      // ∫ x dy − y dx over the arc = r²Δθ + r·cx·(sin θb − sin θa) − r·cy·(cos θb − cos θa)
      const g = 0.5 * (r * r * (fb - fa) + r * ccx * (sinB - sinA) - r * ccy * (cosB - cosA));
      fa = fb;
      cosA = cosB;
      sinA = sinB;
      const mx = ccx + r * cm;
      const my = ccy + r * sm;
      if (edgeIds.length !== 0 && !this.inStudyArea(mx, my, -cm, -sm, edgeIds)) continue;
      this.addPiece(i, nbFrom, nbTo, mx, my, -cm, -sm, g);
    }
  }

  /**
   * Writes to the split buffer, sorted, where the gathered primitive at G[o]
   * crosses i's neighbours and the nearby study-area edges, and returns their
   * count: parameters t ∈ (0, 1) along a segment P + t·d, or angle offsets in
   * (0, span) along an arc (C, r, t0, span).
   */
  private primitiveSplits(i: number, G: Float64Array, o: number, arc: boolean, edgeIds: number[]): number {
    const bx0 = G[o + 10] - EPS;
    const by0 = G[o + 11] - EPS;
    const bx1 = G[o + 12] + EPS;
    const by1 = G[o + 13] + EPS;
    const minXA = this.minX;
    const minYA = this.minY;
    const maxXA = this.maxX;
    const maxYA = this.maxY;
    const modeA = this.mode;
    const primStart = this.primStart;
    const primType = this.primType;
    const prim = this.prim;
    const nbList = this.nbList;
    const nbFrom = this.nbStart[i];
    const nbTo = this.nbStart[i + 1];
    const areaEdges = this.areaEdges;
    const splits = this.splits;
    let ns = 0;
    if (!arc) {
      const px = G[o];
      const py = G[o + 1];
      const dx = G[o + 2] - px;
      const dy = G[o + 3] - py;
      const len = Math.sqrt(dx * dx + dy * dy);
      for (let q = nbFrom; q < nbTo; q++) {
        const j = nbList[q];
        if (minXA[j] > bx1 || maxXA[j] < bx0 || minYA[j] > by1 || maxYA[j] < by0) continue;
        if ((modeA[j] & MODE_OCCLUDED) === 0) ns = this.segmentVsSector(px, py, dx, dy, len, j, ns);
        else for (let pq = primStart[j]; pq < primStart[j + 1]; pq++) ns = segmentVsPrimitive(px, py, dx, dy, len, prim, primType[pq], pq * PRIM_STRIDE, splits, ns);
      }
      for (let q = 0; q < edgeIds.length; q++) {
        const e = edgeIds[q] * 4;
        ns = segmentVsSegment(px, py, dx, dy, len, areaEdges[e], areaEdges[e + 1], areaEdges[e + 2], areaEdges[e + 3], splits, ns);
      }
    } else {
      const ccx = G[o];
      const ccy = G[o + 1];
      const r = G[o + 2];
      const t0 = G[o + 3];
      const span = G[o + 4] - t0;
      for (let q = nbFrom; q < nbTo; q++) {
        const j = nbList[q];
        if (minXA[j] > bx1 || maxXA[j] < bx0 || minYA[j] > by1 || maxYA[j] < by0) continue;
        if ((modeA[j] & MODE_OCCLUDED) === 0) ns = this.arcVsSector(ccx, ccy, r, t0, span, j, ns);
        else for (let pq = primStart[j]; pq < primStart[j + 1]; pq++) ns = arcVsPrimitive(ccx, ccy, r, t0, span, prim, primType[pq], pq * PRIM_STRIDE, splits, ns);
      }
      for (let q = 0; q < edgeIds.length; q++) {
        const e = edgeIds[q] * 4;
        ns = arcVsSegment(ccx, ccy, r, t0, span, areaEdges[e], areaEdges[e + 1], areaEdges[e + 2], areaEdges[e + 3], splits, ns);
      }
    }
    sortPrefix(splits, ns);
    return ns;
  }

  // ---- Intersections with a plain sector j, read straight from the columns
  // (no copying of its primitives: each footprint is a neighbour of several others).

  private segmentVsSector(px: number, py: number, dx: number, dy: number, len: number, j: number, ns: number): number {
    const cx = this.cx[j];
    const cy = this.cy[j];
    const r = this.r[j];
    const mode = this.mode[j] & 3;
    if (mode !== MODE_FULL) {
      const L = this.tip[j];
      const u0x = this.u0x[j];
      const u0y = this.u0y[j];
      const u1x = this.u1x[j];
      const u1y = this.u1y[j];
      ns = segmentVsSegment(px, py, dx, dy, len, cx + L * u0x, cy + L * u0y, cx + r * u0x, cy + r * u0y, this.splits, ns);
      ns = segmentVsSegment(px, py, dx, dy, len, cx + r * u1x, cy + r * u1y, cx + L * u1x, cy + L * u1y, this.splits, ns);
      if (L > 0) ns = segmentVsSegment(px, py, dx, dy, len, cx + L * u1x, cy + L * u1y, cx + L * u0x, cy + L * u0y, this.splits, ns);
    }
    return segmentVsCircle(px, py, dx, dy, cx, cy, r, this.u0x[j], this.u0y[j], this.u1x[j], this.u1y[j], mode === MODE_FULL ? 2 : mode === MODE_WIDE ? 1 : 0, this.splits, ns);
  }

  private arcVsSector(ccx: number, ccy: number, r: number, t0: number, span: number, j: number, ns: number): number {
    const cx = this.cx[j];
    const cy = this.cy[j];
    const rho = this.r[j];
    const mode = this.mode[j] & 3;
    if (mode !== MODE_FULL) {
      const L = this.tip[j];
      const u0x = this.u0x[j];
      const u0y = this.u0y[j];
      const u1x = this.u1x[j];
      const u1y = this.u1y[j];
      ns = arcVsSegment(ccx, ccy, r, t0, span, cx + L * u0x, cy + L * u0y, cx + rho * u0x, cy + rho * u0y, this.splits, ns);
      ns = arcVsSegment(ccx, ccy, r, t0, span, cx + rho * u1x, cy + rho * u1y, cx + L * u1x, cy + L * u1y, this.splits, ns);
      if (L > 0) ns = arcVsSegment(ccx, ccy, r, t0, span, cx + L * u1x, cy + L * u1y, cx + L * u0x, cy + L * u0y, this.splits, ns);
    }
    return arcVsCircle(ccx, ccy, r, t0, span, cx, cy, rho, this.u0x[j], this.u0y[j], this.u1x[j], this.u1y[j], mode === MODE_FULL ? 2 : mode === MODE_WIDE ? 1 : 0, this.splits, ns);
  }

  // ---- Classifying a piece.

  /** Study-area membership of a piece midpoint with inward normal (nx, ny). */
  private inStudyArea(x: number, y: number, nx: number, ny: number, edgeIds: number[]): boolean {
    const area = this.area;
    const areaEdges = this.areaEdges;
    let minD = Infinity;
    for (let q = 0; q < edgeIds.length; q++) {
      const e = edgeIds[q] * 4;
      const d = pointSegmentDistance(x, y, areaEdges[e], areaEdges[e + 1], areaEdges[e + 2], areaEdges[e + 3]);
      if (d < minD) minD = d;
    }
    if (minD > EPS) return area.contains(x, y);
    const plus = area.contains(x + DELTA * nx, y + DELTA * ny);
    const minus = area.contains(x - DELTA * nx, y - DELTA * ny);
    if (plus === minus) return plus;
    return plus; // same orientation: the piece is on ∂S with its interior inside S
  }

  /**
   * Evaluates one sub-piece of footprint i: midpoint (mx, my), inward normal
   * (nx, ny), Green term g. Adds g to the level of its depth (or, weighted,
   * its expectation to every level).
   */
  protected addPiece(i: number, nbFrom: number, nbTo: number, mx: number, my: number, nx: number, ny: number, g: number): void {
    this.numPieces++;
    const fp = this.fp;
    const nbList = this.nbList;
    const weights = this.weights;
    const accFoot = this.accFoot;
    if (weights === null) {
      let c = 0;
      for (let q = nbFrom; q < nbTo; q++) {
        const j = nbList[q];
        let k = footprintClassify(fp, j, mx, my);
        if (k === 2) k = resolveOnBoundary(fp, j, i, mx, my, nx, ny);
        c += k;
      }
      accFoot[c + 1] += g;
      return;
    }
    // Weighted: Poisson-binomial distribution of the number of containing footprints up.
    const dist = this.dist;
    dist[0] = 1;
    let c = 0;
    for (let q = nbFrom; q < nbTo; q++) {
      const j = nbList[q];
      let k = footprintClassify(fp, j, mx, my);
      if (k === 2) k = resolveOnBoundary(fp, j, i, mx, my, nx, ny);
      if (k === 1) addBernoulli(dist, ++c, weights[j]);
    }
    const pi = weights[i] * g;
    for (let m = 0; m <= c; m++) accFoot[m + 1] += pi * dist[m];
  }

  // ---- Gathering a footprint's boundary primitives.

  /** Copies footprint j's boundary primitives, each with its bounding box, to the gather buffer from slot `at`; returns the next free slot. */
  private gather(j: number, at: number): number {
    const occluded = (this.mode[j] & MODE_OCCLUDED) !== 0;
    const count = occluded ? this.primStart[j + 1] - this.primStart[j] : (this.mode[j] & 3) === MODE_FULL ? 1 : (this.mode[j] & MODE_TIP) !== 0 ? 4 : 3;
    if (at + count > this.gType.length) this.growGather(at + count);
    return occluded ? this.gatherPrimitives(j, at) : this.gatherSector(j, at);
  }

  /** Grows the gather buffer to at least `slots` primitives, keeping its contents. */
  private growGather(slots: number): void {
    const cap = Math.max(2 * this.gType.length, slots);
    const nb = new Float64Array(cap * G_STRIDE);
    nb.set(this.gBuf);
    this.gBuf = nb;
    const nt = new Uint8Array(cap);
    nt.set(this.gType);
    this.gType = nt;
  }

  /** Gathers the stored primitives of occluded footprint j. */
  private gatherPrimitives(j: number, at: number): number {
    const G = this.gBuf;
    const gType = this.gType;
    const prim = this.prim;
    const primType = this.primType;
    for (let p = this.primStart[j]; p < this.primStart[j + 1]; p++) {
      const src = p * PRIM_STRIDE;
      const dst = at * G_STRIDE;
      for (let f = 0; f < PRIM_STRIDE; f++) G[dst + f] = prim[src + f];
      gType[at] = primType[p];
      if (primType[p] === PRIM_ARC) {
        G[dst + 10] = this.minX[j];
        G[dst + 11] = this.minY[j];
        G[dst + 12] = this.maxX[j];
        G[dst + 13] = this.maxY[j];
      } else segmentBox(G, dst);
      at++;
    }
    return at;
  }

  /** Gathers plain sector j from its columns: first edge, arc, second edge (the arc alone for a full circle), then the chord of a cut tip. */
  private gatherSector(j: number, at: number): number {
    const G = this.gBuf;
    const gType = this.gType;
    const cx = this.cx[j];
    const cy = this.cy[j];
    const r = this.r[j];
    const u0x = this.u0x[j];
    const u0y = this.u0y[j];
    const u1x = this.u1x[j];
    const u1y = this.u1y[j];
    const mode = this.mode[j] & 3;
    const L = this.tip[j];
    let dst = at * G_STRIDE;
    if (mode !== MODE_FULL) {
      G[dst] = cx + L * u0x;
      G[dst + 1] = cy + L * u0y;
      G[dst + 2] = cx + r * u0x;
      G[dst + 3] = cy + r * u0y;
      segmentBox(G, dst);
      gType[at++] = 0;
      dst += G_STRIDE;
    }
    G[dst] = cx;
    G[dst + 1] = cy;
    G[dst + 2] = r;
    G[dst + 3] = this.a0[j];
    G[dst + 4] = this.a1[j];
    G[dst + 5] = u0x;
    G[dst + 6] = u0y;
    G[dst + 7] = u1x;
    G[dst + 8] = u1y;
    G[dst + 9] = mode === MODE_FULL ? 2 : mode === MODE_WIDE ? 1 : 0;
    G[dst + 10] = this.minX[j];
    G[dst + 11] = this.minY[j];
    G[dst + 12] = this.maxX[j];
    G[dst + 13] = this.maxY[j];
    gType[at++] = PRIM_ARC;
    if (mode !== MODE_FULL) {
      dst += G_STRIDE;
      G[dst] = cx + r * u1x;
      G[dst + 1] = cy + r * u1y;
      G[dst + 2] = cx + L * u1x;
      G[dst + 3] = cy + L * u1y;
      segmentBox(G, dst);
      gType[at++] = 0;
      if (L > 0) {
        dst += G_STRIDE;
        G[dst] = cx + L * u1x;
        G[dst + 1] = cy + L * u1y;
        G[dst + 2] = cx + L * u0x;
        G[dst + 3] = cy + L * u0y;
        segmentBox(G, dst);
        gType[at++] = 0;
      }
    }
    return at;
  }

  // ---- Study-area boundary pieces: each counts in every level up to its depth.

  edgePass(touchesEdge: Uint32Array, numTouching: number, accEdge: Float64Array): number {
    this.numPieces = 0;
    const index = numTouching > 0 ? boxIndex(touchesEdge, numTouching, this.minX, this.minY, this.maxX, this.maxY) : null;
    const areaEdges = this.areaEdges;
    const numEdges = this.area.numEdges;
    for (let e = 0; e < numEdges; e++) {
      const px = areaEdges[4 * e];
      const py = areaEdges[4 * e + 1];
      const qx = areaEdges[4 * e + 2];
      const qy = areaEdges[4 * e + 3];
      const dx = qx - px;
      const dy = qy - py;
      const len = Math.sqrt(dx * dx + dy * dy);
      if (len < MIN_PIECE) continue;
      // Only footprints whose box met a study-area edge can contain a piece of it.
      const cams = index === null ? EMPTY : index.search(Math.min(px, qx) - EPS, Math.min(py, qy) - EPS, Math.max(px, qx) + EPS, Math.max(py, qy) + EPS);
      for (let q = 0; q < cams.length; q++) cams[q] = touchesEdge[cams[q]];
      const ns = this.edgeSplits(cams, px, py, dx, dy, len);
      this.addEdgePieces(cams, px, py, dx, dy, len, ns, accEdge);
    }
    return this.numPieces;
  }

  /** Writes to the split buffer, sorted, the parameters where study-area edge P + t·d crosses the footprints `cams`; returns their count. */
  private edgeSplits(cams: number[], px: number, py: number, dx: number, dy: number, len: number): number {
    let numGathered = 0;
    for (let q = 0; q < cams.length; q++) numGathered = this.gather(cams[q], numGathered);
    if (this.splits.length < 2 * numGathered + 8) this.splits = new Float64Array(4 * numGathered + 16);
    const splits = this.splits;
    const gBuf = this.gBuf;
    const gType = this.gType;
    let ns = 0;
    for (let pq = 0; pq < numGathered; pq++) ns = segmentVsPrimitive(px, py, dx, dy, len, gBuf, gType[pq], pq * G_STRIDE, splits, ns);
    sortPrefix(splits, ns);
    return ns;
  }

  /** Adds the pieces of study-area edge P + t·d: each piece's Green term to every level up to its depth (or, weighted, times P(depth ≥ level)). */
  protected addEdgePieces(cams: number[], px: number, py: number, dx: number, dy: number, len: number, ns: number, accEdge: Float64Array): void {
    const fp = this.fp;
    const weights = this.weights;
    const dist = this.dist;
    const splits = this.splits;
    const nx = -dy / len;
    const ny = dx / len;
    let ta = 0;
    for (let s = 0; s <= ns; s++) {
      const tb = s < ns ? splits[s] : 1;
      if ((tb - ta) * len < MIN_PIECE) continue;
      const ax = px + ta * dx;
      const ay = py + ta * dy;
      const bx = px + tb * dx;
      const by = py + tb * dy;
      ta = tb;
      const g = 0.5 * (ax * by - bx * ay);
      const mx = (ax + bx) * 0.5;
      const my = (ay + by) * 0.5;
      this.numPieces++;
      if (weights === null) {
        let c = 0;
        for (let q = 0; q < cams.length; q++) if (containsEdgePiece(fp, cams[q], mx, my, nx, ny)) c++;
        accEdge[c] += g;
      } else {
        dist[0] = 1;
        let c = 0;
        for (let q = 0; q < cams.length; q++) {
          const j = cams[q];
          if (containsEdgePiece(fp, j, mx, my, nx, ny)) addBernoulli(dist, ++c, weights[j]);
        }
        // P(depth >= k) for k = 0..c: tail sums.
        let tail = 0;
        for (let m = c; m >= 0; m--) {
          tail += dist[m];
          accEdge[m] += g * tail; // g · P(depth >= m): no suffix sum needed below
        }
      }
    }
  }
}

/**
 * Resolves a piece of footprint i that lies on footprint j's boundary, by
 * probing both sides along the normal: same orientation, the lower index
 * counts as containing; opposite orientation (abutting), neither does.
 */
export function resolveOnBoundary(fp: FootprintColumns, j: number, i: number, mx: number, my: number, nx: number, ny: number): number {
  const plus = footprintContains(fp, j, mx + DELTA * nx, my + DELTA * ny);
  const minus = footprintContains(fp, j, mx - DELTA * nx, my - DELTA * ny);
  if (plus === minus) return plus ? 1 : 0;
  if (plus) return j < i ? 1 : 0; // same orientation: lower index wins
  return 0; // opposite orientation: abutting, neither counts
}

/** True when footprint j contains a study-area piece: a piece lying on j's boundary is never counted inside it. */
export function containsEdgePiece(fp: FootprintColumns, j: number, mx: number, my: number, nx: number, ny: number): boolean {
  const k = footprintClassify(fp, j, mx, my);
  return k === 1 || (k === 2 && footprintContains(fp, j, mx + DELTA * nx, my + DELTA * ny) && footprintContains(fp, j, mx - DELTA * nx, my - DELTA * ny));
}

/**
 * Adds one independent trial with success probability p to the
 * Poisson-binomial distribution dist[0..c − 1], making it dist[0..c].
 */
function addBernoulli(dist: Float64Array, c: number, p: number): void {
  dist[c] = dist[c - 1] * p;
  for (let m = c - 1; m > 0; m--) dist[m] = dist[m] * (1 - p) + dist[m - 1] * p;
  dist[0] *= 1 - p;
}

/** A box index over the footprints listed in ids[0..count) (search results are positions in that list). */
function boxIndex(ids: Uint32Array, count: number, minX: Float64Array, minY: Float64Array, maxX: Float64Array, maxY: Float64Array): Flatbush {
  const index = new Flatbush(count);
  for (let t = 0; t < count; t++) {
    const k = ids[t];
    index.add(minX[k], minY[k], maxX[k], maxY[k]);
  }
  index.finish();
  return index;
}

/**
 * Computes the exact area covered at least k times, for every k, of the
 * footprints `fp` inside the study area `area` (coordinates relative to
 * fp's origin).
 *
 * Work is cut into chunks of {@link CHUNK_SIZE} footprints whose sums are
 * added in chunk order, so the result is the same bit for bit whether the
 * chunks run on this thread or on `threads − 1` workers beside it.
 *
 * @param fp - footprints (with primitives when occluded)
 * @param area - the study area, in the same relative coordinates
 * @param weights - per-footprint availability in [0, 1], or null for all up
 * @param threads - threads to use (1: this thread only)
 */
export function unionAreas(fp: Footprints, area: PolygonLocator, weights: Float64Array | null, threads = 1): UnionResult {
  const n = fp.n;
  const { start: nbStart, list: nbList, maxDegree } = neighbourLists(fp.minX, fp.minY, fp.maxX, fp.maxY, n, EPS, true);
  const levels = maxDegree + 2;
  const stride = levels + 1;
  const numChunks = Math.ceil(n / CHUNK_SIZE);
  const chunkAcc = new Float64Array(numChunks * stride);
  const chunkPieces = new Float64Array(numChunks);
  const chunkTouching = new Int32Array(numChunks);
  const touching = scratchUint32('union.touching', n);
  const engine = createUnionEngine(fp, nbStart, nbList, area, weights, levels);
  // Occluded footprints stay on this thread: measured on the Almaty preset, the
  // worker path was slower for them (npm run bench, coverage-almaty-occlusion-2threads).
  const ran = threads > 1 && numChunks > 1 && fp.vis === null && runChunksInParallel(engine, fp, nbStart, nbList, area, weights, levels, threads, chunkAcc, chunkPieces, chunkTouching, touching);
  if (!ran) {
    for (let c = 0; c < numChunks; c++) {
      const from = c * CHUNK_SIZE;
      const [pieces, touched] = engine.footprintChunk(from, Math.min(n, from + CHUNK_SIZE), chunkAcc.subarray(c * stride, (c + 1) * stride), touching, from);
      chunkPieces[c] = pieces;
      chunkTouching[c] = touched;
    }
  }
  // Sum the chunks in order; compact the touching lists (each chunk wrote from its first footprint).
  const accFoot = new Float64Array(stride);
  let numPieces = 0;
  let numTouching = 0;
  for (let c = 0; c < numChunks; c++) {
    for (let k = 0; k < stride; k++) accFoot[k] += chunkAcc[c * stride + k];
    numPieces += chunkPieces[c];
    const from = c * CHUNK_SIZE;
    for (let t = 0; t < chunkTouching[c]; t++) touching[numTouching++] = touching[from + t];
  }
  const accEdge = new Float64Array(stride);
  numPieces += engine.edgePass(touching, numTouching, accEdge);

  // ---- Assemble: A_k = footprint pieces at level k + study-area pieces at depth >= k.
  const areaAtLeast = new Float64Array(levels + 1);
  if (weights === null) {
    let suffix = 0;
    for (let k = levels; k >= 0; k--) {
      suffix += accEdge[k];
      areaAtLeast[k] = accFoot[k] + suffix;
    }
  } else {
    for (let k = 0; k <= levels; k++) areaAtLeast[k] = accFoot[k] + accEdge[k];
  }
  return { areaAtLeast, numPieces, numPairs: nbStart[n] / 2 };
}

const EMPTY: number[] = [];

/** Doubles per gathered primitive: the 10 primitive fields, then its bounding box. */
const G_STRIDE = 14;

function segmentBox(G: Float64Array, o: number): void {
  const x0 = G[o];
  const y0 = G[o + 1];
  const x1 = G[o + 2];
  const y1 = G[o + 3];
  G[o + 10] = x0 < x1 ? x0 : x1;
  G[o + 11] = y0 < y1 ? y0 : y1;
  G[o + 12] = x0 < x1 ? x1 : x0;
  G[o + 13] = y0 < y1 ? y1 : y0;
}

/** Insertion sort of the first n entries (n is small: a few dozen at most in practice). */
function sortPrefix(a: Float64Array, n: number): void {
  if (n > 48) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function pointSegmentDistance(x: number, y: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((x - x0) * dx + (y - y0) * dy) / l2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = x0 + t * dx - x;
  const ey = y0 + t * dy - y;
  return Math.sqrt(ex * ex + ey * ey);
}

/** True when direction (wx, wy) from an arc's centre lies in the arc's angular range (with tolerance, in metres). */
function inArcRange(wx: number, wy: number, v0x: number, v0y: number, v1x: number, v1y: number, spanFlag: number): boolean {
  if (spanFlag === 2) return true;
  const c0 = v0x * wy - v0y * wx;
  const c1 = wx * v1y - wy * v1x;
  if (spanFlag === 0) return c0 >= -EPS && c1 >= -EPS;
  return c0 >= -EPS || c1 >= -EPS;
}

/** Splits of segment P + t·d (t ∈ (0,1)) by primitive pq. */
function segmentVsPrimitive(px: number, py: number, dx: number, dy: number, len: number, prim: Float64Array, type: number, o: number, out: Float64Array, ns: number): number {
  if (type !== PRIM_ARC) return segmentVsSegment(px, py, dx, dy, len, prim[o], prim[o + 1], prim[o + 2], prim[o + 3], out, ns);
  return segmentVsCircle(px, py, dx, dy, prim[o], prim[o + 1], prim[o + 2], prim[o + 5], prim[o + 6], prim[o + 7], prim[o + 8], prim[o + 9], out, ns);
}

/** Splits of segment P + t·d (t ∈ (0,1)) by the arc of circle (C, ρ) between unit directions v0 and v1. */
function segmentVsCircle(px: number, py: number, dx: number, dy: number, ccx: number, ccy: number, rho: number, v0x: number, v0y: number, v1x: number, v1y: number, spanFlag: number, out: Float64Array, ns: number): number {
  const fx = px - ccx;
  const fy = py - ccy;
  const a = dx * dx + dy * dy;
  const b = 2 * (fx * dx + fy * dy);
  const c = fx * fx + fy * fy - rho * rho;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return ns;
  const sq = Math.sqrt(disc);
  const tA = (-b - sq) / (2 * a);
  const tB = (-b + sq) / (2 * a);
  if (tA > 0 && tA < 1 && inArcRange(fx + tA * dx, fy + tA * dy, v0x, v0y, v1x, v1y, spanFlag)) out[ns++] = tA;
  if (tB > 0 && tB < 1 && tB !== tA && inArcRange(fx + tB * dx, fy + tB * dy, v0x, v0y, v1x, v1y, spanFlag)) out[ns++] = tB;
  return ns;
}

/** Splits of segment P + t·d by segment R→S (including collinear overlaps' end points). */
function segmentVsSegment(px: number, py: number, dx: number, dy: number, len: number, rx: number, ry: number, sx: number, sy: number, out: Float64Array, ns: number): number {
  const ex = sx - rx;
  const ey = sy - ry;
  const wx = rx - px;
  const wy = ry - py;
  const den = dx * ey - dy * ex;
  const elen = Math.sqrt(ex * ex + ey * ey);
  if (Math.abs(den) > 1e-12 * len * elen) {
    const t = (wx * ey - wy * ex) / den;
    if (t <= 0 || t >= 1) return ns;
    const s = (wx * dy - wy * dx) / den;
    if (s < -TOL_PARAM || s > 1 + TOL_PARAM) return ns;
    out[ns++] = t;
    return ns;
  }
  // Parallel: collinear when R is on the line of P + t d.
  if (Math.abs(wx * dy - wy * dx) > EPS * len) return ns;
  const l2 = len * len;
  const t1 = (wx * dx + wy * dy) / l2;
  const t2 = ((sx - px) * dx + (sy - py) * dy) / l2;
  if (t1 > 0 && t1 < 1) out[ns++] = t1;
  if (t2 > 0 && t2 < 1) out[ns++] = t2;
  return ns;
}

/** Angle offset in [0, 2π) of direction (wx, wy) from angle t0. */
function angleOffset(wx: number, wy: number, t0: number): number {
  let f = Math.atan2(wy, wx) - t0;
  f -= TWO_PI * Math.floor(f / TWO_PI);
  return f;
}

/** Splits of arc (C, r, θ ∈ t0 + (0, span)) by primitive pq. */
function arcVsPrimitive(ccx: number, ccy: number, r: number, t0: number, span: number, prim: Float64Array, type: number, o: number, out: Float64Array, ns: number): number {
  if (type !== PRIM_ARC) return arcVsSegment(ccx, ccy, r, t0, span, prim[o], prim[o + 1], prim[o + 2], prim[o + 3], out, ns);
  return arcVsCircle(ccx, ccy, r, t0, span, prim[o], prim[o + 1], prim[o + 2], prim[o + 5], prim[o + 6], prim[o + 7], prim[o + 8], prim[o + 9], out, ns);
}

/** Splits of arc (C, r, θ ∈ t0 + (0, span)) by the arc of circle (Q, ρ) between unit directions v0 and v1. */
function arcVsCircle(ccx: number, ccy: number, r: number, t0: number, span: number, qcx: number, qcy: number, rho: number, v0x: number, v0y: number, v1x: number, v1y: number, spanFlag: number, out: Float64Array, ns: number): number {
  const dx = qcx - ccx;
  const dy = qcy - ccy;
  const d2 = dx * dx + dy * dy;
  if (d2 < EPS * EPS) {
    // Concentric. Same circle: split at the other arc's end points.
    if (Math.abs(r - rho) > EPS || spanFlag === 2) return ns;
    const fa = angleOffset(v0x, v0y, t0);
    const fb = angleOffset(v1x, v1y, t0);
    if (fa > 0 && fa < span) out[ns++] = fa;
    if (fb > 0 && fb < span) out[ns++] = fb;
    return ns;
  }
  const d = Math.sqrt(d2);
  if (d > r + rho + EPS || d < Math.abs(r - rho) - EPS) return ns;
  const a = (r * r - rho * rho + d2) / (2 * d);
  let h2 = r * r - a * a;
  if (h2 < 0) h2 = 0;
  const h = Math.sqrt(h2);
  const ux = dx / d;
  const uy = dy / d;
  const bx = a * ux;
  const by = a * uy;
  // Intersection points relative to C: (bx ∓ h·uy, by ± h·ux).
  for (let sgn = -1; sgn <= 1; sgn += 2) {
    const wx = bx - sgn * h * uy;
    const wy = by + sgn * h * ux;
    if (!inArcRange(wx - dx, wy - dy, v0x, v0y, v1x, v1y, spanFlag)) continue;
    const f = angleOffset(wx, wy, t0);
    if (f > 0 && f < span) out[ns++] = f;
    if (h === 0) break;
  }
  return ns;
}

/** Splits of arc (C, r, t0, span) by segment R→S. */
function arcVsSegment(ccx: number, ccy: number, r: number, t0: number, span: number, rx: number, ry: number, sx: number, sy: number, out: Float64Array, ns: number): number {
  const ex = sx - rx;
  const ey = sy - ry;
  const fx = rx - ccx;
  const fy = ry - ccy;
  const a = ex * ex + ey * ey;
  if (a === 0) return ns;
  const b = 2 * (fx * ex + fy * ey);
  const c = fx * fx + fy * fy - r * r;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return ns;
  const sq = Math.sqrt(disc);
  const sA = (-b - sq) / (2 * a);
  const sB = (-b + sq) / (2 * a);
  if (sA >= -TOL_PARAM && sA <= 1 + TOL_PARAM) {
    const f = angleOffset(fx + sA * ex, fy + sA * ey, t0);
    if (f > 0 && f < span) out[ns++] = f;
  }
  if (sB !== sA && sB >= -TOL_PARAM && sB <= 1 + TOL_PARAM) {
    const f = angleOffset(fx + sB * ex, fy + sB * ey, t0);
    if (f > 0 && f < span) out[ns++] = f;
  }
  return ns;
}

/**
 * Visibility test for occluded footprints: 1 visible, 0 hidden, 2 within EPS
 * of the visibility boundary (a wall line or a shadow edge).
 */
function visibilityMargin(vis: NonNullable<Footprints['vis']>, j: number, dx: number, dy: number, d2: number): number {
  const from = vis.visStart[j];
  const to = vis.visStart[j + 1];
  if (to === from) return 1;
  const lo = vis.visFrom[from];
  const hi = vis.visTo[to - 1];
  let theta = Math.atan2(dy, dx);
  // Map theta next to the range: for a partial sector centre it on the middle of
  // the range (so points just outside either edge land on that edge's side);
  // for a full circle into [lo, lo + 2π). Then clamp.
  const base = hi - lo >= TWO_PI - 1e-12 ? lo : (lo + hi) / 2 - Math.PI;
  theta = base + ((((theta - base) % TWO_PI) + TWO_PI) % TWO_PI);
  if (theta < lo) theta = lo;
  else if (theta > hi) theta = hi;
  // Binary search the interval containing theta.
  let a = from;
  let b = to - 1;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (vis.visFrom[m] <= theta) a = m;
    else b = m - 1;
  }
  const d = Math.sqrt(d2);
  let result = 1;
  if (vis.visKind[a] === 1) {
    // Distance to the wall along this ray.
    const ux = dx / (d || 1);
    const uy = dy / (d || 1);
    const den = vis.visNx[a] * ux + vis.visNy[a] * uy;
    const t = den > 0 ? vis.visC[a] / den : Infinity; // visC is n·(X − apex); den > 0 inside the interval
    if (d > t + EPS) return 0;
    if (d > t - EPS) result = 2;
  }
  // Near a breakpoint between intervals (a shadow edge): ambiguous.
  const angTol = d > 0 ? EPS / d : Infinity;
  if (theta - vis.visFrom[a] < angTol || vis.visTo[a] - theta < angTol) result = 2;
  return result;
}

// ---------------------------------------------------------------------------
// Containment and splitting helpers, shared by the union above and by the
// other exact computations (street lengths, rasters, routes).

/** Exact closed containment of (x, y) (relative coordinates) in footprint j. */
export function footprintContains(fp: FootprintColumns, j: number, x: number, y: number): boolean {
  const dx = x - fp.cx[j];
  const dy = y - fp.cy[j];
  const r = fp.r[j];
  const d2 = dx * dx + dy * dy;
  if (d2 > r * r) return false;
  const mode = fp.mode[j];
  const base = mode & 3;
  if (base !== MODE_FULL) {
    const s0 = fp.u0x[j] * dy - fp.u0y[j] * dx;
    const s1 = dx * fp.u1y[j] - dy * fp.u1x[j];
    if ((mode & MODE_TIP) !== 0) {
      // Cut tip: a narrow sector is the thin wedge T past its chord; a wide one is the disc minus T.
      const m = tipWedgeMargin(fp, j, dx, dy, s0, s1, base);
      if (base === MODE_NARROW ? m < 0 : m > 0) return false;
    } else if (base === MODE_NARROW ? s0 < 0 || s1 < 0 : s0 < 0 && s1 < 0) return false;
  }
  if ((mode & MODE_OCCLUDED) !== 0 && fp.vis !== null) return visibilityMargin(fp.vis, j, dx, dy, d2) !== 0;
  return true;
}

/** Margin classification of (x, y) against footprint j: 1 inside, 0 outside, 2 within 1e-7 m of its boundary. */
export function footprintClassify(fp: FootprintColumns, j: number, x: number, y: number): number {
  const dx = x - fp.cx[j];
  const dy = y - fp.cy[j];
  const r = fp.r[j];
  const d2 = dx * dx + dy * dy;
  const rOut = r + EPS;
  if (d2 > rOut * rOut) return 0;
  const rIn = r - EPS;
  let near = d2 > rIn * rIn;
  const mode = fp.mode[j];
  const base = mode & 3;
  if (base !== MODE_FULL) {
    const s0 = fp.u0x[j] * dy - fp.u0y[j] * dx;
    const s1 = dx * fp.u1y[j] - dy * fp.u1x[j];
    if ((mode & MODE_TIP) !== 0) {
      // Cut tip (see footprintContains): the margin to the truncated thin wedge T decides.
      const m = tipWedgeMargin(fp, j, dx, dy, s0, s1, base);
      if (base === MODE_NARROW ? m < -EPS : m > EPS) return 0;
      if (m < EPS && m > -EPS) near = true;
    } else if (base === MODE_NARROW) {
      if (s0 < -EPS || s1 < -EPS) return 0;
      if (s0 < EPS || s1 < EPS) near = true;
    } else if (!(s0 > EPS || s1 > EPS)) {
      if (s0 < -EPS && s1 < -EPS) return 0;
      near = true;
    }
  }
  if ((mode & MODE_OCCLUDED) !== 0 && fp.vis !== null) {
    const v = visibilityMargin(fp.vis, j, dx, dy, d2);
    if (v === 0) return 0;
    if (v === 2) near = true;
  }
  return near ? 2 : 1;
}

/**
 * Appends to `out` (from index ns) the parameters t ∈ (0, 1) where segment
 * P + t·d crosses the boundary of footprint j; returns the new count.
 * `out` must have room for 2 entries per boundary primitive of j.
 */
export function splitSegmentByFootprint(fp: Footprints, j: number, px: number, py: number, dx: number, dy: number, len: number, out: Float64Array, ns: number): number {
  const mode = fp.mode[j];
  if ((mode & MODE_OCCLUDED) !== 0) {
    const prim = fp.prim;
    const types = fp.primType;
    for (let p = fp.primStart[j]; p < fp.primStart[j + 1]; p++) ns = segmentVsPrimitive(px, py, dx, dy, len, prim, types[p], p * PRIM_STRIDE, out, ns);
    return ns;
  }
  const cx = fp.cx[j];
  const cy = fp.cy[j];
  const r = fp.r[j];
  const base = mode & 3;
  if (base !== MODE_FULL) {
    const L = fp.tip[j];
    const u0x = fp.u0x[j];
    const u0y = fp.u0y[j];
    const u1x = fp.u1x[j];
    const u1y = fp.u1y[j];
    ns = segmentVsSegment(px, py, dx, dy, len, cx + L * u0x, cy + L * u0y, cx + r * u0x, cy + r * u0y, out, ns);
    ns = segmentVsSegment(px, py, dx, dy, len, cx + r * u1x, cy + r * u1y, cx + L * u1x, cy + L * u1y, out, ns);
    if (L > 0) ns = segmentVsSegment(px, py, dx, dy, len, cx + L * u1x, cy + L * u1y, cx + L * u0x, cy + L * u0y, out, ns);
  }
  return segmentVsCircle(px, py, dx, dy, cx, cy, r, fp.u0x[j], fp.u0y[j], fp.u1x[j], fp.u1y[j], base === MODE_FULL ? 2 : base === MODE_WIDE ? 1 : 0, out, ns);
}

/** Maximum number of split points one footprint can add to a segment. */
export function maxSplitsOf(fp: Footprints, j: number): number {
  return (fp.mode[j] & MODE_OCCLUDED) !== 0 ? 2 * (fp.primStart[j + 1] - fp.primStart[j]) : 8;
}

/**
 * Signed margin (m) of point (dx, dy) (relative to the apex) to the truncated
 * thin wedge T of a sector with a cut tip: positive inside T. T is bounded by
 * the two edge lines and by the chord at distance L along both edges (see
 * setSector); it is the footprint of a narrow sector (within the disc) and
 * the gap of a wide one. s0, s1: signed distances to the edge lines as in
 * footprintContains.
 */
function tipWedgeMargin(fp: FootprintColumns, j: number, dx: number, dy: number, s0: number, s1: number, base: number): number {
  // u0 + u1 points into the thin wedge (the fov of a narrow sector, the gap of a wide one); its length is 2·cos(γ/2).
  const wx = fp.u0x[j] + fp.u1x[j];
  const wy = fp.u0y[j] + fp.u1y[j];
  const wl = Math.sqrt(wx * wx + wy * wy);
  const beyondChord = (dx * wx + dy * wy) / wl - 0.5 * fp.tip[j] * wl;
  const a = base === MODE_NARROW ? s0 : -s0;
  const b = base === MODE_NARROW ? s1 : -s1;
  return a < b ? (a < beyondChord ? a : beyondChord) : b < beyondChord ? b : beyondChord;
}

/** Area (m²) of the triangle cut from a thin sector's tip: ½·L²·sin γ. */
function tipTriangleArea(fp: FootprintColumns, j: number): number {
  const L = fp.tip[j];
  const sinGamma = Math.abs(fp.u0x[j] * fp.u1y[j] - fp.u0y[j] * fp.u1x[j]);
  return 0.5 * L * L * sinGamma;
}

export { sortPrefix as sortSplits, EPS as BOUNDARY_EPS, DELTA as PROBE_OFFSET, MIN_PIECE as MIN_PIECE_LENGTH };

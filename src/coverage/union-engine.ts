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
import type { PolygonLocator } from '../geo/polygon-locator.js';
import {
  Footprints,
  MODE_FULL,
  MODE_NARROW,
  MODE_OCCLUDED,
  MODE_WIDE,
  PRIM_ARC,
  PRIM_STRIDE,
} from './footprints.js';

/** Absolute tolerance (m) below which a point is treated as on a boundary. */
const EPS = 1e-7;
/** Offset (m) of the two probe points used to resolve on-boundary pieces. */
const DELTA = 1e-5;
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

/**
 * Computes the exact area covered at least k times, for every k, of the
 * footprints `fp` inside the study area `area` (coordinates relative to
 * fp's origin).
 *
 * @param fp - footprints with primitives built
 * @param area - the study area, in the same relative coordinates
 * @param weights - per-footprint availability in [0, 1], or null for all up
 */
export function unionAreas(fp: Footprints, area: PolygonLocator, weights: Float64Array | null): UnionResult {
  const n = fp.n;
  const cxA = fp.cx;
  const cyA = fp.cy;
  const rA = fp.r;
  const u0xA = fp.u0x;
  const u0yA = fp.u0y;
  const u1xA = fp.u1x;
  const u1yA = fp.u1y;
  const modeA = fp.mode;
  const minXA = fp.minX;
  const minYA = fp.minY;
  const maxXA = fp.maxX;
  const maxYA = fp.maxY;
  const primStart = fp.primStart;
  const primType = fp.primType;
  const prim = fp.prim;
  const vis = fp.vis;

  // ---- Neighbour lists (CSR) from a flatbush index over footprint bounds.
  const index = new Flatbush(Math.max(n, 1));
  for (let k = 0; k < n; k++) index.add(minXA[k], minYA[k], maxXA[k], maxYA[k]);
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  const nbStart = new Uint32Array(n + 1);
  let nbList = new Uint32Array(Math.max(16, n * 8));
  let nbCount = 0;
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    nbStart[i] = nbCount;
    const found = index.search(minXA[i] - EPS, minYA[i] - EPS, maxXA[i] + EPS, maxYA[i] + EPS);
    if (nbCount + found.length > nbList.length) {
      const grown = new Uint32Array(Math.max(nbList.length * 2, nbCount + found.length));
      grown.set(nbList);
      nbList = grown;
    }
    let deg = 0;
    for (let q = 0; q < found.length; q++) {
      const j = found[q];
      if (j !== i) {
        nbList[nbCount++] = j;
        deg++;
      }
    }
    if (deg > maxDegree) maxDegree = deg;
  }
  nbStart[n] = nbCount;

  const levels = maxDegree + 2;
  const accFoot = new Float64Array(levels + 1);
  const accEdge = new Float64Array(levels + 1);
  // Scratch: split parameters, Poisson-binomial distribution.
  let splits = new Float64Array(256);
  const dist = new Float64Array(levels + 1);
  let numPieces = 0;

  // ---- Containment of a point in footprint j.
  // Returns 1 inside, 0 outside (both decided with margin EPS), 2 within EPS of the boundary.
  const classify = (j: number, x: number, y: number): number => {
    const dx = x - cxA[j];
    const dy = y - cyA[j];
    const r = rA[j];
    const d2 = dx * dx + dy * dy;
    const rOut = r + EPS;
    if (d2 > rOut * rOut) return 0;
    const rIn = r - EPS;
    let near = d2 > rIn * rIn;
    const mode = modeA[j];
    const base = mode & 3;
    if (base !== MODE_FULL) {
      const s0 = u0xA[j] * dy - u0yA[j] * dx;
      const s1 = dx * u1yA[j] - dy * u1xA[j];
      if (base === MODE_NARROW) {
        if (s0 < -EPS || s1 < -EPS) return 0;
        if (s0 < EPS || s1 < EPS) near = true;
      } else {
        if (s0 > EPS || s1 > EPS) {
          // strictly inside the wedge
        } else if (s0 < -EPS && s1 < -EPS) return 0;
        else near = true;
      }
    }
    if ((mode & MODE_OCCLUDED) !== 0 && vis !== null) {
      const v = visibilityMargin(vis, j, dx, dy, d2);
      if (v === 0) return 0;
      if (v === 2) near = true;
    }
    return near ? 2 : 1;
  };
  // Exact (closed) containment, used only for the probe points.
  const containsExact = (j: number, x: number, y: number): boolean => {
    const dx = x - cxA[j];
    const dy = y - cyA[j];
    const r = rA[j];
    const d2 = dx * dx + dy * dy;
    if (d2 > r * r) return false;
    const mode = modeA[j];
    const base = mode & 3;
    if (base !== MODE_FULL) {
      const s0 = u0xA[j] * dy - u0yA[j] * dx;
      const s1 = dx * u1yA[j] - dy * u1xA[j];
      if (base === MODE_NARROW ? s0 < 0 || s1 < 0 : s0 < 0 && s1 < 0) return false;
    }
    if ((mode & MODE_OCCLUDED) !== 0 && vis !== null) {
      return visibilityMargin(vis, j, dx, dy, d2) !== 0;
    }
    return true;
  };

  // ---- Study-area membership of a piece midpoint with inward normal (nx, ny).
  const areaEdges = area.edges;
  const inArea = (x: number, y: number, nx: number, ny: number, edgeIds: number[]): boolean => {
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
  };

  // ---- Evaluates one sub-piece of footprint i: midpoint (mx, my), inward normal (nx, ny),
  // Green term g. Adds to the accumulators.
  const evaluatePiece = (i: number, nbFrom: number, nbTo: number, mx: number, my: number, nx: number, ny: number, g: number): void => {
    numPieces++;
    if (weights === null) {
      let c = 0;
      for (let q = nbFrom; q < nbTo; q++) {
        const j = nbList[q];
        let k = classify(j, mx, my);
        if (k === 2) k = resolveOnBoundary(j, i, mx, my, nx, ny);
        c += k;
      }
      accFoot[c + 1] += g;
      return;
    }
    // Weighted: Poisson-binomial distribution of the number of containing footprints up.
    dist[0] = 1;
    let c = 0;
    for (let q = nbFrom; q < nbTo; q++) {
      const j = nbList[q];
      let k = classify(j, mx, my);
      if (k === 2) k = resolveOnBoundary(j, i, mx, my, nx, ny);
      if (k === 1) {
        const p = weights[j];
        c++;
        dist[c] = dist[c - 1] * p;
        for (let m = c - 1; m > 0; m--) dist[m] = dist[m] * (1 - p) + dist[m - 1] * p;
        dist[0] *= 1 - p;
      }
    }
    const pi = weights[i] * g;
    for (let m = 0; m <= c; m++) accFoot[m + 1] += pi * dist[m];
  };
  const resolveOnBoundary = (j: number, i: number, mx: number, my: number, nx: number, ny: number): number => {
    const plus = containsExact(j, mx + DELTA * nx, my + DELTA * ny);
    const minus = containsExact(j, mx - DELTA * nx, my - DELTA * ny);
    if (plus === minus) return plus ? 1 : 0;
    if (plus) return j < i ? 1 : 0; // same orientation: lower index wins
    return 0; // opposite orientation: abutting, neither counts
  };

  // ---- Footprint boundary pieces.
  const boxArea = area.isBox;
  for (let i = 0; i < n; i++) {
    const nbFrom = nbStart[i];
    const nbTo = nbStart[i + 1];
    // Study-area edges near this footprint.
    let edgeIds: number[] = EMPTY;
    let wholeInside = true;
    if (boxArea) {
      if (minXA[i] <= area.minX + EPS || minYA[i] <= area.minY + EPS || maxXA[i] >= area.maxX - EPS || maxYA[i] >= area.maxY - EPS) {
        edgeIds = area.index.search(minXA[i] - EPS, minYA[i] - EPS, maxXA[i] + EPS, maxYA[i] + EPS);
      }
    } else {
      edgeIds = area.index.search(minXA[i] - EPS, minYA[i] - EPS, maxXA[i] + EPS, maxYA[i] + EPS);
    }
    if (edgeIds.length === 0) {
      wholeInside = area.contains(cxA[i], cyA[i]);
      if (!wholeInside) continue; // the whole footprint is outside S
    }
    let nbPrims = 0;
    for (let q = nbFrom; q < nbTo; q++) {
      const j = nbList[q];
      nbPrims += primStart[j + 1] - primStart[j];
    }
    const need = 2 * nbPrims + 2 * edgeIds.length + 8;
    if (splits.length < need) splits = new Float64Array(need * 2);

    for (let p = primStart[i]; p < primStart[i + 1]; p++) {
      const o = p * PRIM_STRIDE;
      let ns = 0;
      if (primType[p] !== PRIM_ARC) {
        const px = prim[o];
        const py = prim[o + 1];
        const dx = prim[o + 2] - px;
        const dy = prim[o + 3] - py;
        const len2 = dx * dx + dy * dy;
        const len = Math.sqrt(len2);
        if (len < MIN_PIECE) continue;
        for (let q = nbFrom; q < nbTo; q++) {
          const j = nbList[q];
          for (let pq = primStart[j]; pq < primStart[j + 1]; pq++) {
            ns = segmentVsPrimitive(px, py, dx, dy, len, prim, primType, pq, splits, ns);
          }
        }
        for (let q = 0; q < edgeIds.length; q++) {
          const e = edgeIds[q] * 4;
          ns = segmentVsSegment(px, py, dx, dy, len, areaEdges[e], areaEdges[e + 1], areaEdges[e + 2], areaEdges[e + 3], splits, ns);
        }
        sortPrefix(splits, ns);
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
          if (edgeIds.length !== 0 && !inArea(mx, my, nx, ny, edgeIds)) continue;
          evaluatePiece(i, nbFrom, nbTo, mx, my, nx, ny, 0.5 * (ax * by - bx * ay));
        }
      } else {
        const ccx = prim[o];
        const ccy = prim[o + 1];
        const r = prim[o + 2];
        const t0 = prim[o + 3];
        const span = prim[o + 4] - t0;
        for (let q = nbFrom; q < nbTo; q++) {
          const j = nbList[q];
          for (let pq = primStart[j]; pq < primStart[j + 1]; pq++) {
            ns = arcVsPrimitive(ccx, ccy, r, t0, span, prim, primType, pq, splits, ns);
          }
        }
        for (let q = 0; q < edgeIds.length; q++) {
          const e = edgeIds[q] * 4;
          ns = arcVsSegment(ccx, ccy, r, t0, span, areaEdges[e], areaEdges[e + 1], areaEdges[e + 2], areaEdges[e + 3], splits, ns);
        }
        sortPrefix(splits, ns);
        let fa = 0;
        let cosA = Math.cos(t0);
        let sinA = Math.sin(t0);
        for (let s = 0; s <= ns; s++) {
          const fb = s < ns ? splits[s] : span;
          if ((fb - fa) * r < MIN_PIECE) continue;
          const cosB = Math.cos(t0 + fb);
          const sinB = Math.sin(t0 + fb);
          const fm = t0 + (fa + fb) * 0.5;
          const cm = Math.cos(fm);
          const sm = Math.sin(fm);
          // ∫ x dy − y dx over the arc = r²Δθ + r·cx·(sin θb − sin θa) − r·cy·(cos θb − cos θa)
          const g = 0.5 * (r * r * (fb - fa) + r * ccx * (sinB - sinA) - r * ccy * (cosB - cosA));
          fa = fb;
          cosA = cosB;
          sinA = sinB;
          const mx = ccx + r * cm;
          const my = ccy + r * sm;
          if (edgeIds.length !== 0 && !inArea(mx, my, -cm, -sm, edgeIds)) continue;
          evaluatePiece(i, nbFrom, nbTo, mx, my, -cm, -sm, g);
        }
      }
    }
  }

  // ---- Study-area boundary pieces: each counts in every level up to its depth.
  const numEdges = area.numEdges;
  for (let e = 0; e < numEdges; e++) {
    const px = areaEdges[4 * e];
    const py = areaEdges[4 * e + 1];
    const qx = areaEdges[4 * e + 2];
    const qy = areaEdges[4 * e + 3];
    const dx = qx - px;
    const dy = qy - py;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (len < MIN_PIECE) continue;
    const cams = n === 0 ? EMPTY : index.search(Math.min(px, qx) - EPS, Math.min(py, qy) - EPS, Math.max(px, qx) + EPS, Math.max(py, qy) + EPS);
    let ns = 0;
    let nbPrims = 0;
    for (let q = 0; q < cams.length; q++) nbPrims += primStart[cams[q] + 1] - primStart[cams[q]];
    if (splits.length < 2 * nbPrims + 8) splits = new Float64Array(4 * nbPrims + 16);
    for (let q = 0; q < cams.length; q++) {
      const j = cams[q];
      for (let pq = primStart[j]; pq < primStart[j + 1]; pq++) ns = segmentVsPrimitive(px, py, dx, dy, len, prim, primType, pq, splits, ns);
    }
    sortPrefix(splits, ns);
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
      numPieces++;
      // A piece of ∂S lying on a footprint's boundary is never counted inside it.
      if (weights === null) {
        let c = 0;
        for (let q = 0; q < cams.length; q++) {
          const j = cams[q];
          const k = classify(j, mx, my);
          if (k === 1 || (k === 2 && containsExact(j, mx + DELTA * nx, my + DELTA * ny) && containsExact(j, mx - DELTA * nx, my - DELTA * ny))) c++;
        }
        accEdge[c] += g;
      } else {
        dist[0] = 1;
        let c = 0;
        for (let q = 0; q < cams.length; q++) {
          const j = cams[q];
          const k = classify(j, mx, my);
          if (k === 1 || (k === 2 && containsExact(j, mx + DELTA * nx, my + DELTA * ny) && containsExact(j, mx - DELTA * nx, my - DELTA * ny))) {
            const p = weights[j];
            c++;
            dist[c] = dist[c - 1] * p;
            for (let m = c - 1; m > 0; m--) dist[m] = dist[m] * (1 - p) + dist[m - 1] * p;
            dist[0] *= 1 - p;
          }
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
  return { areaAtLeast, numPieces, numPairs: nbCount / 2 };
}

const EMPTY: number[] = [];

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
function segmentVsPrimitive(px: number, py: number, dx: number, dy: number, len: number, prim: Float64Array, primType: Uint8Array, pq: number, out: Float64Array, ns: number): number {
  const o = pq * PRIM_STRIDE;
  if (primType[pq] !== PRIM_ARC) return segmentVsSegment(px, py, dx, dy, len, prim[o], prim[o + 1], prim[o + 2], prim[o + 3], out, ns);
  // Segment vs circle |P + t d − C|² = ρ².
  const ccx = prim[o];
  const ccy = prim[o + 1];
  const rho = prim[o + 2];
  const fx = px - ccx;
  const fy = py - ccy;
  const a = dx * dx + dy * dy;
  const b = 2 * (fx * dx + fy * dy);
  const c = fx * fx + fy * fy - rho * rho;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return ns;
  const sq = Math.sqrt(disc);
  const v0x = prim[o + 5];
  const v0y = prim[o + 6];
  const v1x = prim[o + 7];
  const v1y = prim[o + 8];
  const spanFlag = prim[o + 9];
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
function arcVsPrimitive(ccx: number, ccy: number, r: number, t0: number, span: number, prim: Float64Array, primType: Uint8Array, pq: number, out: Float64Array, ns: number): number {
  const o = pq * PRIM_STRIDE;
  if (primType[pq] !== PRIM_ARC) return arcVsSegment(ccx, ccy, r, t0, span, prim[o], prim[o + 1], prim[o + 2], prim[o + 3], out, ns);
  const qcx = prim[o];
  const qcy = prim[o + 1];
  const rho = prim[o + 2];
  const spanFlag = prim[o + 9];
  const dx = qcx - ccx;
  const dy = qcy - ccy;
  const d2 = dx * dx + dy * dy;
  if (d2 < EPS * EPS) {
    // Concentric. Same circle: split at the other arc's end points.
    if (Math.abs(r - rho) > EPS || spanFlag === 2) return ns;
    const fa = angleOffset(prim[o + 5], prim[o + 6], t0);
    const fb = angleOffset(prim[o + 7], prim[o + 8], t0);
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
  const v0x = prim[o + 5];
  const v0y = prim[o + 6];
  const v1x = prim[o + 7];
  const v1y = prim[o + 8];
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
  let theta = Math.atan2(dy, dx);
  const lo = vis.visFrom[from];
  theta = lo + ((((theta - lo) % TWO_PI) + TWO_PI) % TWO_PI);
  // Binary search the interval containing theta.
  let a = from;
  let b = to - 1;
  while (a < b) {
    const m = (a + b + 1) >> 1;
    if (vis.visFrom[m] <= theta) a = m;
    else b = m - 1;
  }
  if (theta > vis.visTo[a]) return 0; // outside the angular range (caller already checked the wedge)
  const d = Math.sqrt(d2);
  let result = 1;
  if (vis.visKind[a] === 1) {
    // Distance to the wall along this ray.
    const ux = dx / (d || 1);
    const uy = dy / (d || 1);
    const den = vis.visNx[a] * ux + vis.visNy[a] * uy;
    const t = den !== 0 ? vis.visC[a] / den : Infinity; // visC is n·(X − apex)
    if (d > t + EPS) return 0;
    if (d > t - EPS) result = 2;
  }
  // Near a breakpoint between intervals (a shadow edge): ambiguous.
  const angTol = d > 0 ? EPS / d : Infinity;
  if (theta - vis.visFrom[a] < angTol || vis.visTo[a] - theta < angTol) result = 2;
  return result;
}

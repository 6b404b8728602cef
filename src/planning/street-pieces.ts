/**
 * Street pieces: every street segment cut where it crosses a footprint
 * boundary, the study area's boundary and (for population weighting) the
 * population grid's lines, each piece with its weight and the footprints
 * that see it. The same rules as computeStreetCoverage: footprints and the
 * study area are closed sets, so a piece lying on a boundary counts as
 * inside. Coverage of any set of footprints is then a sum over pieces,
 * which makes greedy street-length objectives exact and fast.
 */
import Flatbush from 'flatbush';
import { type PopulationGrid } from '../city/index.js';
import { populationAt } from '../city/index.js';
import {
  BOUNDARY_EPS,
  MIN_PIECE_LENGTH,
  PROBE_OFFSET,
  footprintClassify,
  footprintContains,
  maxSplitsOf,
  sortSplits,
  splitSegmentByFootprint,
  splitByEdge,
  inAreaWithTie,
} from '../coverage/internal.js';
import { type StreetSegments } from '../coverage/index.js';
import { type FootprintPool } from './footprint-pool.js';

/** Street pieces seen by at least one footprint, with their weights and viewers. */
export interface StreetPieces {
  numPieces: number;
  /** Weight of each piece: its length (m), times the population density (residents/km²) when weighted. */
  weight: Float64Array;
  /** Viewers of piece p: viewers[viewStart[p] … viewStart[p + 1] − 1] (footprint indices of the pool). */
  viewStart: Uint32Array;
  viewers: Uint32Array;
  /** Total weight of the street pieces inside the study area (seen or not). */
  totalWeight: number;
}

/**
 * Cuts the street segments into pieces against the pool's footprints and study area.
 *
 * @param pool - footprints and study area
 * @param segs - street segments (absolute metres)
 * @param grid - population grid for density weights, or null for plain length
 */
export function buildStreetPieces(pool: FootprintPool, segs: StreetSegments, grid: PopulationGrid | null): StreetPieces {
  const fp = pool.fp;
  const n = fp.n;
  const ox = pool.originX;
  const oy = pool.originY;
  const area = pool.locator;
  const index = new Flatbush(Math.max(1, n));
  for (let k = 0; k < n; k++) index.add(fp.minX[k], fp.minY[k], fp.maxX[k], fp.maxY[k]);
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  let weight = new Float64Array(1024);
  let viewers = new Uint32Array(4096);
  let viewStart = new Uint32Array(1025);
  let numPieces = 0;
  let numViews = 0;
  let totalWeight = 0;
  let splits = new Float64Array(64);
  const coords = segs.coords;
  const eps = BOUNDARY_EPS;
  const delta = PROBE_OFFSET;
  const inside: number[] = [];
  for (let s = 0; s < segs.numSegments; s++) {
    const px = coords[4 * s] - ox;
    const py = coords[4 * s + 1] - oy;
    const dx = coords[4 * s + 2] - ox - px;
    const dy = coords[4 * s + 3] - oy - py;
    const len = Math.sqrt(dx * dx + dy * dy);
    if (len < MIN_PIECE_LENGTH) continue;
    const sx0 = Math.min(px, px + dx) - eps;
    const sy0 = Math.min(py, py + dy) - eps;
    const sx1 = Math.max(px, px + dx) + eps;
    const sy1 = Math.max(py, py + dy) + eps;
    if (sx1 < area.minX || sx0 > area.maxX || sy1 < area.minY || sy0 > area.maxY) continue;
    const edgeIds = area.index.search(sx0, sy0, sx1, sy1);
    const cams = n === 0 ? EMPTY : index.search(sx0, sy0, sx1, sy1);
    let need = 2 * edgeIds.length + 8;
    for (let q = 0; q < cams.length; q++) need += maxSplitsOf(fp, cams[q]);
    if (grid !== null) need += Math.ceil((sx1 - sx0 + sy1 - sy0) / grid.cellSize) + 4;
    if (splits.length < need) splits = new Float64Array(2 * need);
    let ns = 0;
    for (let q = 0; q < cams.length; q++) ns = splitSegmentByFootprint(fp, cams[q], px, py, dx, dy, len, splits, ns);
    const ae = area.edges;
    for (let q = 0; q < edgeIds.length; q++) {
      const e = edgeIds[q] * 4;
      ns = splitByEdge(px, py, dx, dy, ae[e], ae[e + 1], ae[e + 2], ae[e + 3], splits, ns);
    }
    if (grid !== null) ns = splitByGrid(grid, px + ox, py + oy, dx, dy, splits, ns);
    sortSplits(splits, ns);
    const nx = -dy / len;
    const ny = dx / len;
    let ta = 0;
    for (let k = 0; k <= ns; k++) {
      const tb = k < ns ? splits[k] : 1;
      const pieceLen = (tb - ta) * len;
      if (pieceLen < MIN_PIECE_LENGTH) continue;
      const tm = (ta + tb) * 0.5;
      ta = tb;
      const mx = px + tm * dx;
      const my = py + tm * dy;
      if (!inAreaWithTie(area, edgeIds, mx, my, nx, ny)) continue;
      const w = grid === null ? pieceLen : pieceLen * populationAt(grid, mx + ox, my + oy) * 1e6;
      totalWeight += w;
      inside.length = 0;
      for (let q = 0; q < cams.length; q++) {
        const j = cams[q];
        let c = footprintClassify(fp, j, mx, my);
        if (c === 2) c = footprintContains(fp, j, mx + delta * nx, my + delta * ny) || footprintContains(fp, j, mx - delta * nx, my - delta * ny) ? 1 : 0;
        if (c === 1) inside.push(j);
      }
      if (inside.length === 0 || !(w > 0)) continue;
      if (numPieces + 1 >= weight.length) {
        weight = grow(weight, 2 * weight.length);
        viewStart = growU32(viewStart, 2 * viewStart.length);
      }
      if (numViews + inside.length > viewers.length) viewers = growU32(viewers, 2 * (numViews + inside.length));
      viewStart[numPieces] = numViews;
      weight[numPieces++] = w;
      for (let q = 0; q < inside.length; q++) viewers[numViews++] = inside[q];
    }
  }
  viewStart[numPieces] = numViews;
  return { numPieces, weight: weight.slice(0, numPieces), viewStart: viewStart.slice(0, numPieces + 1), viewers: viewers.slice(0, numViews), totalWeight };
}

/**
 * The pieces seen by each footprint, as lists: pieces[start[f] … start[f + 1] − 1].
 */
export function piecesByViewer(sp: StreetPieces, numFootprints: number): { start: Uint32Array; pieces: Uint32Array } {
  const start = new Uint32Array(numFootprints + 1);
  for (let q = 0; q < sp.viewers.length; q++) start[sp.viewers[q] + 1]++;
  for (let f = 0; f < numFootprints; f++) start[f + 1] += start[f];
  const fill = start.slice(0, numFootprints);
  const pieces = new Uint32Array(sp.viewers.length);
  for (let p = 0; p < sp.numPieces; p++) for (let q = sp.viewStart[p]; q < sp.viewStart[p + 1]; q++) pieces[fill[sp.viewers[q]]++] = p;
  return { start, pieces };
}

const EMPTY: number[] = [];

function grow(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}

function growU32(a: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(size);
  out.set(a);
  return out;
}

/** Splits of segment P + t·d at the grid's cell lines (absolute P). */
function splitByGrid(grid: PopulationGrid, px: number, py: number, dx: number, dy: number, out: Float64Array, ns: number): number {
  const cs = grid.cellSize;
  if (dx !== 0) {
    const a = (Math.min(px, px + dx) - grid.originX) / cs;
    const b = (Math.max(px, px + dx) - grid.originX) / cs;
    for (let m = Math.ceil(a); m <= Math.floor(b); m++) {
      const t = (grid.originX + m * cs - px) / dx;
      if (t > 0 && t < 1) out[ns++] = t;
    }
  }
  if (dy !== 0) {
    const a = (Math.min(py, py + dy) - grid.originY) / cs;
    const b = (Math.max(py, py + dy) - grid.originY) / cs;
    for (let m = Math.ceil(a); m <= Math.floor(b); m++) {
      const t = (grid.originY + m * cs - py) / dy;
      if (t > 0 && t < 1) out[ns++] = t;
    }
  }
  return ns;
}


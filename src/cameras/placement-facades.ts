/**
 * Placement strategy: cameras on building facades that face a street,
 * looking out from the wall (building and entrance cameras).
 */
import { InvalidInputError } from '../core/index.js';
import { requireNonNegative, requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import { type City, type StreetClass } from '../city/index.js';
import type { CameraSet } from './camera-set.js';
import {
  allocateCameraSet,
  cityRef,
  collectStreetSegments,
  headingOf,
  MAX_CAMERAS,
  optionsObject,
  provenanceParams,
  requireCameraTotal,
  requireCity,
  requireCount,
  resolveAttributes,
  streetClassFilter,
  type PlacementBaseOptions,
  type StreetSegments,
} from './placement-common.js';

/** Options of {@link placeOnFacades}. */
export interface FacadePlacementOptions extends PlacementBaseOptions {
  /** Metres between the wall and the camera, outward. Default 0.5. */
  facadeOffset?: number;
  /**
   * A wall faces a street when a street segment comes within this many
   * metres of the wall's midpoint on the wall's outward side. Default 30.
   */
  maxStreetDistance?: number;
  /** Only streets of these classes count. Default: all. */
  streetClasses?: readonly StreetClass[];
}

/** Defaults of {@link placeOnFacades}. */
export const FACADE_PLACEMENT_DEFAULTS = {
  /** Assumption: a wall bracket holds the camera about half a metre from the wall. */
  facadeOffset: 0.5,
  /**
   * Assumption: a facade "faces a street" when the street's centre line is
   * within 30 m of it (half a carriageway, pavement and a front setback).
   */
  maxStreetDistance: 30,
} as const;

/** The options placeOnFacades knows (its unknown options are refused). */
const PLACE_ON_FACADES_OPTION_KEYS = optionKeys<FacadePlacementOptions>()(FACADE_PLACEMENT_DEFAULTS, ['streetClasses', 'seed', 'fov', 'range', 'resolutionPx', 'height', 'tilt', 'kind', 'capabilities', 'operator', 'live', 'nodeId']);

const ORIGIN = 'placeOnFacades';

/**
 * Places cameras on building walls that face a street, `facadeOffset` metres
 * outside the wall, each looking along the wall's outward normal (toward the
 * street, away from its own building).
 *
 * Rings of `city.buildings` are treated by their signed area, so clockwise
 * rings work too. Positions: with a count, evenly spread over the total
 * length of the facing walls (spacing = length / count, the first half a
 * spacing from the start); with `{ spacing }`, on each facing wall at
 * `(k + 0.5) · spacing` from its start while shorter than the wall.
 * Placement is deterministic; `seed` is accepted for uniformity and unused.
 *
 * @param city - a City; `city.buildings` and `city.streets` are read
 * @param countOrSpacing - an exact number of cameras, or `{ spacing }` in metres (> 0)
 * @param options - see {@link FacadePlacementOptions} and the camera attribute options
 * @returns a CameraSet in building and wall order; its `provenance` records `placeOnFacades`
 *   and the options (seed null: the placement uses no randomness)
 * @throws {InvalidInputError} on a bad count/spacing/option, a malformed building set,
 *   a count > 0 when no wall faces a street, or a count (or the number of cameras a
 *   spacing gives) above {@link MAX_CAMERAS}
 * @example
 * const cams = placeOnFacades(city, 5000, { operator: 'private', fov: 100 });
 * const cams2 = placeOnFacades(city, { spacing: 40 });
 *
 * Complexity: O(walls · streets nearby + cameras), with a uniform grid over the street segments.
 */
export function placeOnFacades(city: City, countOrSpacing: number | { spacing: number }, options?: FacadePlacementOptions): CameraSet {
  checkOptions('placeOnFacades', options, PLACE_ON_FACADES_OPTION_KEYS);
  const o = optionsObject(ORIGIN, options);
  requireCity(ORIGIN, city, ['streets', 'buildings']);
  let count = -1;
  let spacing = 0;
  if (typeof countOrSpacing === 'number') {
    count = requireCount(ORIGIN, 'countOrSpacing', countOrSpacing);
  } else if (typeof countOrSpacing === 'object' && countOrSpacing !== null) {
    spacing = requirePositive(ORIGIN, 'countOrSpacing.spacing', countOrSpacing.spacing);
  } else {
    throw new InvalidInputError(ORIGIN, 'countOrSpacing', 'must be an integer count >= 0 or { spacing: metres }', countOrSpacing);
  }
  const attrs = resolveAttributes(ORIGIN, o);
  const offset = requireNonNegative(ORIGIN, 'options.facadeOffset', o.facadeOffset ?? FACADE_PLACEMENT_DEFAULTS.facadeOffset);
  const maxD = requirePositive(ORIGIN, 'options.maxStreetDistance', o.maxStreetDistance ?? FACADE_PLACEMENT_DEFAULTS.maxStreetDistance);
  const keep = streetClassFilter(ORIGIN, 'options.streetClasses', o.streetClasses);
  const b = city.buildings;
  const nb = b.numBuildings;
  if (!Number.isInteger(nb) || nb < 0) throw new InvalidInputError(ORIGIN, 'city.buildings.numBuildings', 'must be an integer >= 0', nb);
  if (!(b.ringStart instanceof Uint32Array) || b.ringStart.length !== nb + 1) {
    throw new InvalidInputError(ORIGIN, 'city.buildings.ringStart', `must be a Uint32Array of length numBuildings + 1 = ${nb + 1}`, b.ringStart);
  }
  if (!(b.coords instanceof Float64Array) || b.coords.length < 2 * b.ringStart[nb]) {
    throw new InvalidInputError(ORIGIN, 'city.buildings.coords', `must be a Float64Array of at least ${2 * b.ringStart[nb]} numbers`, b.coords);
  }
  for (let i = 0; i < 2 * b.ringStart[nb]; i++) {
    if (!Number.isFinite(b.coords[i])) throw new InvalidInputError(ORIGIN, `city.buildings.coords[${i}]`, 'must be a finite number', b.coords[i]);
  }

  const seg = collectStreetSegments(ORIGIN, city, keep);
  const grid = buildSegmentGrid(seg, maxD);

  // 1. Facing walls: start point, unit direction, length, outward normal.
  const totalWalls = b.ringStart[nb] - b.ringStart[0];
  const wx = new Float64Array(totalWalls);
  const wy = new Float64Array(totalWalls);
  const wux = new Float64Array(totalWalls);
  const wuy = new Float64Array(totalWalls);
  const wl = new Float64Array(totalWalls);
  const wnx = new Float64Array(totalWalls);
  const wny = new Float64Array(totalWalls);
  let nw = 0;
  let facingLength = 0;
  const coords = b.coords;
  for (let bi = 0; bi < nb; bi++) {
    const s = b.ringStart[bi];
    const e = b.ringStart[bi + 1];
    const nv = e - s;
    if (nv < 3) continue;
    // Orientation from the signed area: outward normal is to the right of a CCW ring's edges.
    let area2 = 0;
    for (let i = 0; i < nv; i++) {
      const j = i + 1 === nv ? 0 : i + 1;
      area2 += coords[2 * (s + i)] * coords[2 * (s + j) + 1] - coords[2 * (s + j)] * coords[2 * (s + i) + 1];
    }
    if (area2 === 0) continue;
    const sign = area2 > 0 ? 1 : -1;
    for (let i = 0; i < nv; i++) {
      const j = i + 1 === nv ? 0 : i + 1;
      const ax = coords[2 * (s + i)];
      const ay = coords[2 * (s + i) + 1];
      const dx = coords[2 * (s + j)] - ax;
      const dy = coords[2 * (s + j) + 1] - ay;
      const L = Math.hypot(dx, dy);
      if (!(L > 0)) continue;
      const ux = dx / L;
      const uy = dy / L;
      const nx = uy * sign;
      const ny = -ux * sign;
      if (!facesStreet(grid, seg, ax + dx / 2, ay + dy / 2, nx, ny, maxD)) continue;
      wx[nw] = ax;
      wy[nw] = ay;
      wux[nw] = ux;
      wuy[nw] = uy;
      wl[nw] = L;
      wnx[nw] = nx;
      wny[nw] = ny;
      facingLength += L;
      nw++;
    }
  }

  // 2. Number of cameras.
  let n: number;
  if (count >= 0) {
    if (count > 0 && nw === 0) {
      throw new InvalidInputError(ORIGIN, 'city.buildings', `has no wall facing a street within options.maxStreetDistance = ${maxD} m, so this count cannot be placed; got`, count);
    }
    n = count;
  } else {
    n = 0;
    for (let w = 0; w < nw; w++) n += Math.max(0, Math.ceil(wl[w] / spacing - 0.5));
    requireCameraTotal(ORIGIN, 'countOrSpacing.spacing', spacing, n, `over ${facingLength.toFixed(1)} m of walls facing a street`);
  }

  // 3. Positions.
  const set = allocateCameraSet(n, attrs, ORIGIN);
  set.provenance = {
    generator: ORIGIN,
    seed: null, // deterministic: no random choice is made
    params: provenanceParams(o, {
      city: cityRef(city),
      ...(count >= 0 ? { count } : { spacing }),
      facadeOffset: offset,
      maxStreetDistance: maxD,
      facingWalls: nw,
      facingLength,
      fov: attrs.fov,
      range: attrs.range,
    }),
  };
  const step = count >= 0 ? (count > 0 ? facingLength / count : 0) : spacing;
  let c = 0;
  let startS = 0;
  for (let w = 0; w < nw && c < n; w++) {
    const L = wl[w];
    let first: number;
    let last: number;
    if (count >= 0) {
      first = c;
      last = w === nw - 1 ? n : Math.min(n, Math.max(c, Math.ceil((startS + L) / step - 0.5)));
    } else {
      first = 0;
      last = Math.max(0, Math.ceil(L / spacing - 0.5));
    }
    const h = headingOf(wnx[w], wny[w]);
    for (let k = first; k < last; k++) {
      const s = count >= 0 ? Math.min(L, Math.max(0, (k + 0.5) * step - startS)) : (k + 0.5) * spacing;
      set.x[c] = wx[w] + wux[w] * s + wnx[w] * offset;
      set.y[c] = wy[w] + wuy[w] * s + wny[w] * offset;
      set.heading[c] = h;
      c++;
    }
    startS += L;
  }
  return set;
}

/** A uniform grid over street segments (CSR: cell → segment ids). */
interface SegmentGrid {
  minX: number;
  minY: number;
  cell: number;
  cols: number;
  rows: number;
  starts: Uint32Array;
  items: Uint32Array;
}

/** Buckets each segment into every grid cell its bounding box touches. Cell size = max(maxD, extent / 512). */
function buildSegmentGrid(seg: StreetSegments, maxD: number): SegmentGrid {
  const n = seg.n;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, seg.ax[i], seg.bx[i]);
    maxX = Math.max(maxX, seg.ax[i], seg.bx[i]);
    minY = Math.min(minY, seg.ay[i], seg.by[i]);
    maxY = Math.max(maxY, seg.ay[i], seg.by[i]);
  }
  if (n === 0) {
    minX = minY = 0;
    maxX = maxY = 1;
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1);
  const cell = Math.max(maxD, extent / 512);
  const cols = Math.floor((maxX - minX) / cell) + 1;
  const rows = Math.floor((maxY - minY) / cell) + 1;
  return finishGrid(seg, minX, minY, cell, cols, rows);
}

function finishGrid(seg: StreetSegments, minX: number, minY: number, cell: number, cols: number, rows: number): SegmentGrid {
  const nc = cols * rows;
  const starts = new Uint32Array(nc + 1);
  const n = seg.n;
  for (let i = 0; i < n; i++) {
    const c0 = Math.floor((Math.min(seg.ax[i], seg.bx[i]) - minX) / cell);
    const c1 = Math.floor((Math.max(seg.ax[i], seg.bx[i]) - minX) / cell);
    const r0 = Math.floor((Math.min(seg.ay[i], seg.by[i]) - minY) / cell);
    const r1 = Math.floor((Math.max(seg.ay[i], seg.by[i]) - minY) / cell);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) starts[r * cols + c + 1]++;
  }
  for (let k = 0; k < nc; k++) starts[k + 1] += starts[k];
  const items = new Uint32Array(starts[nc]);
  const fill = starts.slice(0, nc);
  for (let i = 0; i < n; i++) {
    const c0 = Math.floor((Math.min(seg.ax[i], seg.bx[i]) - minX) / cell);
    const c1 = Math.floor((Math.max(seg.ax[i], seg.bx[i]) - minX) / cell);
    const r0 = Math.floor((Math.min(seg.ay[i], seg.by[i]) - minY) / cell);
    const r1 = Math.floor((Math.max(seg.ay[i], seg.by[i]) - minY) / cell);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[fill[r * cols + c]++] = i;
  }
  return { minX, minY, cell, cols, rows, starts, items };
}

/**
 * True when the nearest point of some street segment within `maxD` of (mx, my)
 * lies on the outward side of the wall (dot product with the normal > 0).
 */
function facesStreet(grid: SegmentGrid, seg: StreetSegments, mx: number, my: number, nx: number, ny: number, maxD: number): boolean {
  const cx = Math.floor((mx - grid.minX) / grid.cell);
  const cy = Math.floor((my - grid.minY) / grid.cell);
  const maxD2 = maxD * maxD;
  for (let r = cy - 1; r <= cy + 1; r++) {
    if (r < 0 || r >= grid.rows) continue;
    for (let c = cx - 1; c <= cx + 1; c++) {
      if (c < 0 || c >= grid.cols) continue;
      const k = r * grid.cols + c;
      for (let p = grid.starts[k]; p < grid.starts[k + 1]; p++) {
        const i = grid.items[p];
        const ax = seg.ax[i], ay = seg.ay[i];
        const dx = seg.bx[i] - ax, dy = seg.by[i] - ay;
        let t = ((mx - ax) * dx + (my - ay) * dy) / (dx * dx + dy * dy);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const qx = ax + t * dx - mx;
        const qy = ay + t * dy - my;
        if (qx * qx + qy * qy <= maxD2 && qx * nx + qy * ny > 0) return true;
      }
    }
  }
  return false;
}

/**
 * A placement step shared by the area scatters (and usable after any
 * placement): cameras that fall inside a building footprint are moved just
 * outside the nearest wall and turned to face away from it, into the street.
 */
import { InvalidInputError } from '../core/index.js';
import { requirePositive } from '../core/internal.js';
import { type BuildingSet } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import type { CameraSet } from './camera-set.js';
import { headingOf, optionsObject } from './placement-common.js';

/** Defaults of {@link snapOutsideBuildings}. */
export const SNAP_OUTSIDE_BUILDINGS_DEFAULTS = {
  /**
   * Assumption: a camera that fell inside a footprint is remounted 1 m
   * outside the nearest wall (a wall bracket or a pole at the pavement's
   * edge), measured along the wall's outward normal.
   */
  offset: 1,
} as const;

/** Options of {@link snapOutsideBuildings}. */
export interface SnapOutsideBuildingsOptions {
  /** Metres outside the wall, along its outward normal (> 0). Default: {@link SNAP_OUTSIDE_BUILDINGS_DEFAULTS}.offset = 1. */
  offset?: number;
}

/** What {@link snapOutsideBuildings} did. */
export interface SnapOutsideBuildingsResult {
  /** Cameras that stood strictly inside a building footprint and were moved outside it. */
  moved: number;
  /**
   * Cameras inside a building for which no position outside every building
   * was found (every wall of the building tried at 1, 2, 4, … 32 × the
   * offset); they are left where they were. 0 on any city whose buildings do
   * not touch each other.
   */
  unresolved: number;
}

/**
 * Wall offsets tried, as multiples of `offset`: the nearest wall first at
 * 1 × offset, then the other walls by distance; only when every wall fails
 * (a candidate point falls inside another building) the next multiple.
 */
const OFFSET_SCALES = [1, 2, 4, 8, 16, 32] as const;

/**
 * A uniform grid over the buildings' bounding boxes (compressed rows: the
 * buildings of cell k are `items[cellStart[k] .. cellStart[k + 1])`, in
 * building order). Queries allocate nothing.
 */
interface BuildingGrid {
  readonly b: BuildingSet;
  readonly bbox: Float64Array;
  /** +1 for a counter-clockwise ring, −1 for a clockwise one. */
  readonly orient: Int8Array;
  readonly minX: number;
  readonly minY: number;
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellStart: Uint32Array;
  readonly items: Uint32Array;
}

/** At most this many grid cells per building (and at least 1024 cells in all). */
const CELLS_PER_BUILDING = 4;

function buildGrid(b: BuildingSet): BuildingGrid {
  const n = b.numBuildings;
  const bbox = new Float64Array(4 * n);
  const orient = new Int8Array(n);
  const c = b.coords;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let sumW = 0, sumH = 0;
  for (let i = 0; i < n; i++) {
    const s = b.ringStart[i], e = b.ringStart[i + 1];
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    let area2 = 0;
    const ox = c[2 * s], oy = c[2 * s + 1];
    for (let k = s; k < e; k++) {
      const x = c[2 * k], y = c[2 * k + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const j = k + 1 === e ? s : k + 1;
      area2 += (x - ox) * (c[2 * j + 1] - oy) - (c[2 * j] - ox) * (y - oy);
    }
    orient[i] = area2 >= 0 ? 1 : -1;
    bbox[4 * i] = x0;
    bbox[4 * i + 1] = y0;
    bbox[4 * i + 2] = x1;
    bbox[4 * i + 3] = y1;
    sumW += x1 - x0;
    sumH += y1 - y0;
    if (x0 < minX) minX = x0;
    if (y0 < minY) minY = y0;
    if (x1 > maxX) maxX = x1;
    if (y1 > maxY) maxY = y1;
  }
  // Cell about the mean building size, widened until the grid has at most
  // CELLS_PER_BUILDING cells per building.
  const spanX = Math.max(maxX - minX, 1e-9), spanY = Math.max(maxY - minY, 1e-9);
  let cell = Math.max((sumW + sumH) / (2 * n), 1e-6);
  const maxCells = Math.max(1024, CELLS_PER_BUILDING * n);
  while (Math.ceil(spanX / cell) * Math.ceil(spanY / cell) > maxCells) cell *= 1.5;
  const cols = Math.max(1, Math.ceil(spanX / cell));
  const rows = Math.max(1, Math.ceil(spanY / cell));
  const cellStart = new Uint32Array(cols * rows + 1);
  const range = (v: number, lo: number, max: number): number => Math.min(max - 1, Math.max(0, Math.floor((v - lo) / cell)));
  for (let pass = 0; pass < 2; pass++) {
    const fill = pass === 1 ? new Uint32Array(cellStart[cols * rows]) : null;
    const cursor = pass === 1 ? cellStart.slice(0, cols * rows) : null;
    for (let i = 0; i < n; i++) {
      const cx0 = range(bbox[4 * i], minX, cols), cx1 = range(bbox[4 * i + 2], minX, cols);
      const cy0 = range(bbox[4 * i + 1], minY, rows), cy1 = range(bbox[4 * i + 3], minY, rows);
      for (let cy = cy0; cy <= cy1; cy++) {
        for (let cx = cx0; cx <= cx1; cx++) {
          const k = cy * cols + cx;
          if (fill && cursor) fill[cursor[k]++] = i;
          else cellStart[k + 1]++;
        }
      }
    }
    if (pass === 0) {
      for (let k = 0; k < cols * rows; k++) cellStart[k + 1] += cellStart[k];
    } else {
      return { b, bbox, orient, minX, minY, cell, cols, rows, cellStart, items: fill as Uint32Array };
    }
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Even-odd test of (x, y) against building i's ring (strict interior up to the usual half-open rule). */
function inRing(b: BuildingSet, i: number, x: number, y: number): boolean {
  const c = b.coords;
  const s = b.ringStart[i], e = b.ringStart[i + 1];
  let inside = false;
  for (let k = s, j = e - 1; k < e; j = k++) {
    const yk = c[2 * k + 1], yj = c[2 * j + 1];
    if (yk > y !== yj > y) {
      const xk = c[2 * k];
      const xCross = xk + ((y - yk) * (c[2 * j] - xk)) / (yj - yk);
      if (x < xCross) inside = !inside;
    }
  }
  return inside;
}

/** The lowest-numbered building whose footprint contains (x, y), or −1. */
function containing(g: BuildingGrid, x: number, y: number): number {
  const cx = Math.floor((x - g.minX) / g.cell);
  const cy = Math.floor((y - g.minY) / g.cell);
  if (!(cx >= 0 && cx < g.cols && cy >= 0 && cy < g.rows)) return -1;
  const k = cy * g.cols + cx;
  const bb = g.bbox;
  for (let p = g.cellStart[k], end = g.cellStart[k + 1]; p < end; p++) {
    const i = g.items[p];
    if (x < bb[4 * i] || x > bb[4 * i + 2] || y < bb[4 * i + 1] || y > bb[4 * i + 3]) continue;
    if (inRing(g.b, i, x, y)) return i;
  }
  return -1;
}

/**
 * Moves every camera of `set` that stands strictly inside a building
 * footprint to `offset` metres outside the nearest wall of that building,
 * along the wall's outward normal, and turns it to face along that normal
 * (away from the wall, into the street). Cameras outside every building are
 * not touched (their position and heading stay bit-identical). Deterministic:
 * no randomness; the building tested first is the lowest-numbered one
 * containing the camera.
 *
 * When the point 1 × offset outside the nearest wall falls inside another
 * building (touching buildings), the building's other walls are tried by
 * distance, then 2, 4, … 32 × offset; a camera for which all fail stays
 * where it was and is counted in `unresolved`.
 *
 * Mutates `set.x`, `set.y` and `set.heading` in place (call it on a set you
 * have just placed, before sharing it).
 *
 * @param set - the cameras
 * @param buildings - the footprints (e.g. `city.buildings`); either ring orientation
 * @param options - `offset` in metres; defaults: {@link SNAP_OUTSIDE_BUILDINGS_DEFAULTS}
 * @returns how many cameras were moved and how many could not be
 * @throws {InvalidInputError} on a malformed building set or an offset that is not a finite number > 0
 * @example
 * const cams = createCameraSet([{ x: 5, y: 4, heading: 0, fov: 90, range: 30 }]);
 * const b = createBuildingSet([{ ring: [[0, 0], [10, 0], [10, 10], [0, 10]], height: 9 }]);
 * snapOutsideBuildings(cams, b); // { moved: 1, unresolved: 0 }; the camera is at (5, −1), heading 180
 *
 * Complexity: O(buildings + vertices) to build a uniform grid over the footprints, then
 * O(buildings per cell · ring size) per camera; allocation-free per camera.
 */
export function snapOutsideBuildings(set: CameraSet, buildings: BuildingSet, options?: SnapOutsideBuildingsOptions): SnapOutsideBuildingsResult {
  return snapOutsideBuildingsFor('snapOutsideBuildings', set, buildings, options);
}

/** {@link snapOutsideBuildings} with the caller's name in errors. @internal */
export function snapOutsideBuildingsFor(origin: string, set: CameraSet, buildings: BuildingSet, options?: SnapOutsideBuildingsOptions): SnapOutsideBuildingsResult {
  const o = optionsObject(origin, options);
  const offset = o.offset === undefined ? SNAP_OUTSIDE_BUILDINGS_DEFAULTS.offset : requirePositive(origin, 'options.offset', o.offset);
  if (!(offset < Infinity)) throw new InvalidInputError(origin, 'options.offset', 'must be a finite number > 0', offset);
  const b = validateBuildingSet(buildings, origin, 'buildings');
  if (typeof set !== 'object' || set === null || !(set.x instanceof Float64Array)) throw new InvalidInputError(origin, 'set', 'must be a CameraSet', set);
  const n = set.numCameras;
  if (b.numBuildings === 0 || n === 0) return { moved: 0, unresolved: 0 };
  const g = buildGrid(b);
  const c = b.coords;
  let maxRing = 0;
  for (let i = 0; i < b.numBuildings; i++) maxRing = Math.max(maxRing, b.ringStart[i + 1] - b.ringStart[i]);
  const dist = new Float64Array(maxRing);
  const order = new Int32Array(maxRing);
  let moved = 0, unresolved = 0;
  const xs = set.x, ys = set.y, hs = set.heading;
  for (let cam = 0; cam < n; cam++) {
    const x = xs[cam], y = ys[cam];
    const bi = containing(g, x, y);
    if (bi < 0) continue;
    const s = b.ringStart[bi], e = b.ringStart[bi + 1], m = e - s;
    // Squared distance to each wall, then walls ordered by distance (insertion sort; ties by wall index).
    for (let k = 0; k < m; k++) {
      const a = s + k, z = k + 1 === m ? s : a + 1;
      const ax = c[2 * a], ay = c[2 * a + 1];
      const dx = c[2 * z] - ax, dy = c[2 * z + 1] - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const px = ax + t * dx - x, py = ay + t * dy - y;
      dist[k] = len2 > 0 ? px * px + py * py : Infinity;
      let q = k;
      while (q > 0 && dist[order[q - 1]] > dist[k]) {
        order[q] = order[q - 1];
        q--;
      }
      order[q] = k;
    }
    const sign = g.orient[bi];
    let done = false;
    for (let si = 0; si < OFFSET_SCALES.length && !done; si++) {
      const off = offset * OFFSET_SCALES[si];
      for (let r = 0; r < m; r++) {
        const k = order[r];
        if (dist[k] === Infinity) break;
        const a = s + k, z = k + 1 === m ? s : a + 1;
        const ax = c[2 * a], ay = c[2 * a + 1];
        const dx = c[2 * z] - ax, dy = c[2 * z + 1] - ay;
        const len = Math.sqrt(dx * dx + dy * dy);
        let t = ((x - ax) * dx + (y - ay) * dy) / (len * len);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        // Outward normal: right of the edge for a counter-clockwise ring.
        const nx = (sign * dy) / len, ny = (-sign * dx) / len;
        const qx = ax + t * dx + nx * off, qy = ay + t * dy + ny * off;
        if (containing(g, qx, qy) >= 0) continue;
        xs[cam] = qx;
        ys[cam] = qy;
        hs[cam] = headingOf(nx, ny);
        done = true;
        break;
      }
    }
    if (done) moved++;
    else unresolved++;
  }
  return { moved, unresolved };
}

/**
 * Residential population on a regular grid: building it from a density law
 * over a boundary, reading it, and sampling residents' home points from it.
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, requireFinite, requireInteger, requireNonNegative, requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import { type MultiPolygonM, multiPolygonArea, multiPolygonBounds } from '../geo/index.js';
import { BoundaryIndex } from './boundary-index.js';
import type { PopulationGrid } from './city.js';
import { clipMultiPolygonToRect } from './rect-clip.js';

/**
 * Defaults of {@link createPopulationGrid}. Each is an assumption, not a
 * measured fact; presets override them with sourced figures.
 */
export const POPULATION_DEFAULTS = {
  /** Cell size in metres. Assumption: 250 m, fine enough for district tables, coarse enough to stay small at city scale. */
  cellSize: 250,
  /**
   * Length scale b (metres) of Clark's negative-exponential density law,
   * density ∝ exp(−r / b) (C. Clark, "Urban population densities", J. Royal
   * Statistical Society A 114(4), 1951). The law is Clark's; the value 5,000 m
   * is an assumption (density falls by e every 5 km from the centre).
   * Use `Infinity` for a uniform density.
   */
  densityDecay: 5000,
  /** Residents per km² when no total is given. Assumption: 3,000 /km², a mid-density city (Almaty: about 2.25 million on about 703 km² ≈ 3,200 /km², itself an assumption). */
  densityPerKm2: 3000,
} as const;

/** The options createPopulationGrid knows (its unknown options are refused). */
const CREATE_POPULATION_GRID_OPTION_KEYS = optionKeys<PopulationGridOptions>()(POPULATION_DEFAULTS, ['total', 'centre'], ['densityPerKm2']);

/** Options of {@link createPopulationGrid}. */
export interface PopulationGridOptions {
  /** Total residents (≥ 0); the grid is scaled so its values sum to this. Default: area × {@link POPULATION_DEFAULTS}.densityPerKm2. */
  total?: number;
  /** Cell size in metres (> 0). Default 250. */
  cellSize?: number;
  /** Centre of the density law [x, y] in metres. Default: centre of the boundary's bounding box. */
  centre?: readonly [number, number];
  /** Clark's length scale b in metres (> 0, `Infinity` = uniform). Default 5,000. */
  densityDecay?: number;
}

/**
 * Builds a population grid over a boundary: each cell's residents are
 * proportional to Clark's density exp(−r / b) at the cell centre times the
 * area of the cell that lies inside the boundary (computed exactly by
 * clipping for cells the boundary crosses), so cells outside hold 0 and the
 * values sum to `total`.
 *
 * @param boundary - the city boundary in metres (non-empty, positive area)
 * @param options - total, cell size, centre and decay; see {@link PopulationGridOptions}
 * @param origin - function name used in error messages
 * @returns a {@link PopulationGrid} whose `total` is the sum of its values (equal to `options.total` up to rounding)
 * @throws {InvalidInputError} on a non-positive cell size or decay, a negative or non-finite total, a non-finite centre, or a boundary without area
 * @example
 * const grid = createPopulationGrid([boundsToPolygon([0, 0, 1000, 1000])], { total: 5000, cellSize: 100 });
 * grid.cols // 10
 * @remarks O(cells + boundary vertices × rows) time; cells crossed by the boundary are clipped against the row's strip of the boundary.
 */
export function createPopulationGrid(boundary: MultiPolygonM, options: PopulationGridOptions = {}): PopulationGrid {
  checkOptions('createPopulationGrid', options, CREATE_POPULATION_GRID_OPTION_KEYS);
  return createPopulationGridFor(boundary, options, 'createPopulationGrid');
}

/** {@link createPopulationGrid} for a caller whose name errors should carry. */
export function createPopulationGridFor(boundary: MultiPolygonM, options: PopulationGridOptions, origin: string): PopulationGrid {
  const cellSize = options.cellSize === undefined ? POPULATION_DEFAULTS.cellSize : requirePositive(origin, 'cellSize', options.cellSize);
  const decay = options.densityDecay === undefined ? POPULATION_DEFAULTS.densityDecay : options.densityDecay;
  if (typeof decay !== 'number' || !(decay > 0)) throw new InvalidInputError(origin, 'densityDecay', 'must be a number > 0 (Infinity for uniform)', decay);
  const area = multiPolygonArea(boundary);
  if (!(area > 0)) throw new InvalidInputError(origin, 'boundary', 'must have a positive area', area);
  const total = options.total === undefined ? (area / 1e6) * POPULATION_DEFAULTS.densityPerKm2 : requireNonNegative(origin, 'population', options.total);
  const [minX, minY, maxX, maxY] = multiPolygonBounds(boundary);
  let cx = (minX + maxX) / 2;
  let cy = (minY + maxY) / 2;
  if (options.centre !== undefined) {
    if (!Array.isArray(options.centre) || options.centre.length !== 2) throw new InvalidInputError(origin, 'centre', 'must be [x, y]', options.centre);
    cx = requireFinite(origin, 'centre[0]', options.centre[0]);
    cy = requireFinite(origin, 'centre[1]', options.centre[1]);
  }
  const cols = Math.max(1, Math.ceil((maxX - minX) / cellSize));
  const rows = Math.max(1, Math.ceil((maxY - minY) / cellSize));
  if (cols * rows > 50_000_000) throw new InvalidInputError(origin, 'cellSize', `is too small for a boundary of ${Math.round(maxX - minX)} × ${Math.round(maxY - minY)} m (more than 50 million cells)`, cellSize);

  // 1. Mark cells that boundary edges may cross (each edge's bounding box of cells).
  const n = cols * rows;
  const crossed = new Uint8Array(n);
  for (const p of boundary) {
    for (const ring of [p.outer, ...p.holes]) {
      const m = ring.length >> 1;
      for (let i = 0; i < m; i++) {
        const j = i + 1 === m ? 0 : i + 1;
        const c0 = clampInt(Math.floor((Math.min(ring[2 * i], ring[2 * j]) - minX) / cellSize), cols);
        const c1 = clampInt(Math.floor((Math.max(ring[2 * i], ring[2 * j]) - minX) / cellSize), cols);
        const r0 = clampInt(Math.floor((Math.min(ring[2 * i + 1], ring[2 * j + 1]) - minY) / cellSize), rows);
        const r1 = clampInt(Math.floor((Math.max(ring[2 * i + 1], ring[2 * j + 1]) - minY) / cellSize), rows);
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) crossed[r * cols + c] = 1;
      }
    }
  }
  // 2. Area of each cell inside the boundary.
  const inside = new Float64Array(n);
  const index = new BoundaryIndex(boundary);
  const cellArea = cellSize * cellSize;
  for (let r = 0; r < rows; r++) {
    const y0 = minY + r * cellSize;
    let strip: MultiPolygonM | null = null;
    for (let c = 0; c < cols; c++) {
      const x0 = minX + c * cellSize;
      const k = r * cols + c;
      if (crossed[k]) {
        if (strip === null) strip = clipMultiPolygonToRect(boundary, minX - 1, y0, maxX + 1, y0 + cellSize);
        inside[k] = multiPolygonArea(clipMultiPolygonToRect(strip, x0, y0, x0 + cellSize, y0 + cellSize));
      } else if (index.contains(x0 + cellSize / 2, y0 + cellSize / 2)) {
        inside[k] = cellArea;
      }
    }
  }
  // 3. Clark's law, shifted by the smallest distance so that weights never all underflow.
  let rMin = Infinity;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (inside[r * cols + c] <= 0) continue;
      const d = Math.hypot(minX + (c + 0.5) * cellSize - cx, minY + (r + 0.5) * cellSize - cy);
      if (d < rMin) rMin = d;
    }
  }
  const values = new Float64Array(n);
  let sum = 0;
  const uniform = decay === Infinity;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      if (inside[k] <= 0) continue;
      const w = uniform ? inside[k] : inside[k] * Math.exp(-(Math.hypot(minX + (c + 0.5) * cellSize - cx, minY + (r + 0.5) * cellSize - cy) - rMin) / decay);
      values[k] = w;
      sum += w;
    }
  }
  let t = 0;
  if (sum > 0 && total > 0) {
    const scale = total / sum;
    for (let k = 0; k < n; k++) {
      values[k] *= scale;
      t += values[k];
    }
  } else {
    values.fill(0);
  }
  return { originX: minX, originY: minY, cellSize, cols, rows, values, total: t };
}

function clampInt(v: number, n: number): number {
  return v < 0 ? 0 : v >= n ? n - 1 : v;
}

/**
 * Index of the grid cell containing (x, y), or −1 outside the grid. Cells are
 * half-open: [originX + c·size, originX + (c+1)·size); the grid's top and
 * right edges belong to the last cell.
 *
 * @example
 * populationCellIndex(grid, 10, 10) // 0 when the grid starts at (0, 0)
 */
export function populationCellIndex(grid: PopulationGrid, x: number, y: number): number {
  const fc = (x - grid.originX) / grid.cellSize;
  const fr = (y - grid.originY) / grid.cellSize;
  if (!(fc >= 0 && fc <= grid.cols && fr >= 0 && fr <= grid.rows)) return -1;
  const c = Math.min(grid.cols - 1, Math.floor(fc));
  const r = Math.min(grid.rows - 1, Math.floor(fr));
  return r * grid.cols + c;
}

/**
 * Population density at a point: the residents of the grid cell containing
 * (x, y) divided by the cell's area (residents per m², averaged over the
 * cell). 0 outside the grid and for non-finite coordinates.
 *
 * @param grid - a population grid
 * @param x - metres east
 * @param y - metres north
 * @returns residents per square metre (multiply by 1e6 for per km²)
 * @example
 * populationAt(city.population, 0, 0) * 1e6 // residents per km² at the origin
 * @remarks O(1).
 */
export function populationAt(grid: PopulationGrid, x: number, y: number): number {
  const k = populationCellIndex(grid, x, y);
  return k < 0 ? 0 : grid.values[k] / (grid.cellSize * grid.cellSize);
}

/** Home points drawn from a population grid. */
export interface PopulationSample {
  /** Metres east, one per point. */
  x: Float64Array;
  /** Metres north, one per point. */
  y: Float64Array;
  /** Grid cell index of each point. */
  cell: Uint32Array;
  /** Seed of the stream that drew the points. */
  seed: string;
}

/**
 * Draws `n` points with probability proportional to the cells' residents
 * (cumulative sums and binary search), each uniform within its cell. In
 * cells that the boundary cuts, a point can fall just outside the boundary.
 *
 * @param grid - a population grid with a positive total
 * @param n - number of points (integer ≥ 0)
 * @param seed - a seed or an {@link Rng}; the same seed gives the same points
 * @returns the points as columns, with the seed used
 * @throws {InvalidInputError} when `n` is not a non-negative integer, the seed is invalid, or the grid's densities sum to zero
 * @example
 * const homes = samplePopulationPoints(city.population, 10_000, 42);
 * homes.x[0], homes.y[0]
 * @remarks O(cells + n log cells).
 */
export function samplePopulationPoints(grid: PopulationGrid, n: number, seed: Seed | Rng): PopulationSample {
  const origin = 'samplePopulationPoints';
  validatePopulationGrid(grid, origin, 'grid');
  requireInteger(origin, 'n', n, 0);
  const rng = toRng(seed, origin);
  const values = grid.values;
  const m = values.length;
  const cum = new Float64Array(m);
  let s = 0;
  for (let k = 0; k < m; k++) {
    s += values[k];
    cum[k] = s;
  }
  if (!(s > 0)) throw new InvalidInputError(origin, 'grid.values', 'must be densities that sum to more than zero (got densities that sum to zero)', s);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const cell = new Uint32Array(n);
  const size = grid.cellSize;
  for (let i = 0; i < n; i++) {
    const u = rng.next() * s;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const c = lo % grid.cols;
    const r = (lo - c) / grid.cols;
    cell[i] = lo;
    x[i] = grid.originX + (c + rng.next()) * size;
    y[i] = grid.originY + (r + rng.next()) * size;
  }
  return { x, y, cell, seed: rng.seed };
}

/**
 * Checks a {@link PopulationGrid} given by a caller: dimensions, finite
 * non-negative values, and `total` equal to their sum (to 1e-9 relative).
 *
 * @throws {InvalidInputError} naming the inconsistent field
 * @example
 * validatePopulationGrid(grid, 'createCity', 'population')
 */
export function validatePopulationGrid(grid: unknown, origin: string, field: string): PopulationGrid {
  if (typeof grid !== 'object' || grid === null) throw new InvalidInputError(origin, field, 'must be a PopulationGrid', grid);
  const g = grid as PopulationGrid;
  requireFinite(origin, `${field}.originX`, g.originX);
  requireFinite(origin, `${field}.originY`, g.originY);
  requirePositive(origin, `${field}.cellSize`, g.cellSize);
  requireInteger(origin, `${field}.cols`, g.cols, 1);
  requireInteger(origin, `${field}.rows`, g.rows, 1);
  if (!(g.values instanceof Float64Array) || g.values.length !== g.cols * g.rows) {
    throw new InvalidInputError(origin, `${field}.values`, `must be a Float64Array of length cols × rows = ${g.cols * g.rows}`, g.values);
  }
  let s = 0;
  for (let k = 0; k < g.values.length; k++) {
    const v = g.values[k];
    if (!(v >= 0) || v === Infinity) throw new InvalidInputError(origin, `${field}.values[${k}]`, 'must be a finite number >= 0', v);
    s += v;
  }
  if (typeof g.total !== 'number' || !(Math.abs(g.total - s) <= 1e-9 * Math.max(1, s))) {
    throw new InvalidInputError(origin, `${field}.total`, `must equal the sum of values (${s})`, g.total);
  }
  return g;
}

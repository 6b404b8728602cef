/**
 * A synthetic grid city: a rectangular street grid (optionally rotated and
 * jittered) clipped to a boundary, one building block per street block,
 * equal-area districts and a population that follows Clark's density law.
 */
import { Graph } from '../core/internal.js';
import { InvalidInputError, createRng, type Seed, DEG_TO_RAD } from '../core/index.js';
import { checkOptions, optionKeys, requireFinite, requireInteger, requireNonNegative, requirePositive } from '../core/internal.js';
import { multiPolygonBounds, type LocalProjection } from '../geo/index.js';
import { BoundaryIndex } from './boundary-index.js';
import { toBoundary, type BoundaryInput } from './boundary.js';
import { BuildingSetBuilder, emptyBuildingSet } from './building-set.js';
import type { City, Provenance, StreetClass, StreetEdgeAttributes, StreetGraph, StreetNodeAttributes } from './city.js';
import { resolveDistricts, type DistrictSpec } from './districts.js';
import { createPopulationGridFor } from './population.js';
import { STREET_WIDTHS } from './street-classes.js';

/** Defaults of {@link generateGridCity}. */
export const GRID_CITY_DEFAULTS = {
  /** Boundary when none is given: a 3 km × 3 km square (an arbitrary toy city). */
  boundary: [0, 0, 3000, 3000] as const,
  /** Block size in metres (street centreline to centreline). Almaty's central grid has blocks of about 150 m (assumption: not surveyed). */
  blockSize: 150,
  /** Degrees clockwise; 0 = streets run north–south and east–west. */
  rotation: 0,
  /**
   * Every n-th street is an arterial: 8 × 150 m ≈ 1.2 km between arterials.
   * Assumption (not a sourced figure): main avenues about a kilometre apart,
   * as in large grid-planned cities.
   */
  arterialSpacing: 8,
  /** Every n-th street that is not an arterial is a collector (default 4: halfway between arterials). Assumption. */
  collectorSpacing: 4,
  /** Maximum random displacement of an intersection along x and along y, metres. */
  jitter: 0,
  seed: 1 as Seed,
  /** Distance from the kerb to the building line, metres. Assumption: 2 m (a pavement's width). */
  buildingSetback: 2,
  /** Height of each block's building, metres. Assumption: 15 m (about five storeys). */
  buildingHeight: 15,
  /** Number of synthetic districts. Assumption: 4 (a 2 × 2 split of equal area). */
  districts: 4,
} as const;

/** Options of {@link generateGridCity}. */
export interface GridCityOptions {
  /** City name (default `grid city`). */
  name?: string;
  /** Boundary in metres: bounds `[minX, minY, maxX, maxY]` or polygons (default a 3 km square). */
  boundary?: BoundaryInput;
  /** The projection that places the local metres on Earth (default null: an abstract city). */
  projection?: LocalProjection | null;
  /** Block size in metres, centreline to centreline (> 0, default 150). */
  blockSize?: number;
  /** Grid rotation, degrees clockwise (default 0: streets N–S and E–W). */
  rotation?: number;
  /** A point the grid's streets pass through (index 0 streets, which are arterials); default the centre of the boundary's bounding box. */
  origin?: readonly [number, number];
  /** Every n-th street is an arterial (integer ≥ 1, default 8). */
  arterialSpacing?: number;
  /** Every n-th street not an arterial is a collector (integer ≥ 1, default 4). */
  collectorSpacing?: number;
  /** Carriageway widths per class (defaults {@link STREET_WIDTHS}). */
  streetWidths?: Partial<Record<StreetClass, number>>;
  /** Maximum random displacement of intersections in x and y, metres (≥ 0, < blockSize / 4; default 0). */
  jitter?: number;
  /** Seed of the jitter (default 1). */
  seed?: Seed;
  /** Whether to generate one building per block (default true). */
  buildings?: boolean;
  /** Metres from the kerb to the building (≥ 0, default 2). */
  buildingSetback?: number;
  /** Building height, metres (> 0, default 15). */
  buildingHeight?: number;
  /** Total residents (≥ 0); default area × 3,000 / km² (assumption, see POPULATION_DEFAULTS). */
  population?: number;
  /** Centre of the population density law [x, y]; default the boundary's bounding-box centre. */
  centre?: readonly [number, number];
  /** Clark's length scale b in metres (> 0, Infinity = uniform; default 5,000). */
  densityDecay?: number;
  /** Population cell size in metres (> 0, default 250). */
  populationCellSize?: number;
  /** Number of districts, their names, or full specs (default 4). */
  districts?: number | readonly string[] | readonly DistrictSpec[];
  /** Provenance overrides for parts that are not synthetic (used by presets). */
  provenance?: Partial<City['provenance']>;
}

/** The option names {@link generateGridCity} knows (its defaults' keys and the options without one); any other key is an error. */
export const GRID_CITY_OPTION_KEYS = optionKeys<GridCityOptions>()(GRID_CITY_DEFAULTS, ['name', 'projection', 'origin', 'streetWidths', 'buildings', 'population', 'centre', 'densityDecay', 'populationCellSize', 'provenance']);

/**
 * Generates a synthetic grid city.
 *
 * Streets: the grid lines `origin + i·blockSize·u + j·blockSize·v` (u, v the
 * east and north axes turned clockwise by `rotation`), intersections keyed
 * `"i,j"`, jittered by up to `jitter` metres; one edge per block side,
 * keyed `"h:i,j"` (from `i,j` to `i+1,j`) or `"v:i,j"` (from `i,j` to
 * `i,j+1`), with `length`, `streetClass` (every `arterialSpacing`-th line
 * arterial, every `collectorSpacing`-th collector, others local) and
 * `width`. An edge is kept when it lies wholly inside the boundary (on it counts
 * as inside: both ends inside, no crossing, not leaving through a gap); intersections with
 * no kept edge are dropped.
 *
 * Buildings: one per block whose four sides were kept and that contains no
 * boundary vertex (the block lies fully inside): the block quadrilateral
 * inset by half the width of each adjacent street plus `buildingSetback`.
 *
 * @param options - see {@link GridCityOptions}; every field optional
 * @returns a {@link City} whose parts are labelled synthetic (unless `provenance` overrides them)
 * @throws {InvalidInputError} on an unknown option key (named, with the nearest known one or the list of them), a bad boundary, a non-positive block size,
 *   a jitter ≥ blockSize / 4, a non-integer spacing, bad widths, heights, population or district options, a grid of more than
 *   20 million intersections, options that leave no street segment inside the boundary (e.g. a block larger than the city),
 *   or, with buildings on, street widths and setback that leave no room for a building in any block
 *   (`streetWidths.<class>` or `buildingSetback` named)
 * @example
 * const city = generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100 });
 * city.streets.order // 121 intersections
 * city.streets.size  // 220 street segments
 * @remarks O(N · e) for N grid intersections in the bounding box and e boundary edges per band (a few); graphology edge insertion dominates the running time (figures for the Almaty preset in benchmarks/README.md).
 */
export function generateGridCity(options: GridCityOptions = {}): City {
  const origin = 'generateGridCity';
  checkOptions(origin, options, GRID_CITY_OPTION_KEYS);
  const boundary = toBoundary(options.boundary ?? GRID_CITY_DEFAULTS.boundary, origin, 'boundary');
  const blockSize = options.blockSize === undefined ? GRID_CITY_DEFAULTS.blockSize : requirePositive(origin, 'blockSize', options.blockSize);
  const rotation = options.rotation === undefined ? GRID_CITY_DEFAULTS.rotation : requireFinite(origin, 'rotation', options.rotation);
  const arterialSpacing = options.arterialSpacing === undefined ? GRID_CITY_DEFAULTS.arterialSpacing : requireInteger(origin, 'arterialSpacing', options.arterialSpacing, 1);
  const collectorSpacing = options.collectorSpacing === undefined ? GRID_CITY_DEFAULTS.collectorSpacing : requireInteger(origin, 'collectorSpacing', options.collectorSpacing, 1);
  const jitter = options.jitter === undefined ? GRID_CITY_DEFAULTS.jitter : requireNonNegative(origin, 'jitter', options.jitter);
  if (jitter >= blockSize / 4) throw new InvalidInputError(origin, 'jitter', `must be less than blockSize / 4 = ${blockSize / 4}`, jitter);
  const seed = options.seed === undefined ? GRID_CITY_DEFAULTS.seed : options.seed;
  const rng = createRng(seed as Seed);
  const widths: Record<StreetClass, number> = { ...STREET_WIDTHS };
  if (options.streetWidths !== undefined) {
    if (typeof options.streetWidths !== 'object' || options.streetWidths === null) throw new InvalidInputError(origin, 'streetWidths', 'must be an object { arterial?, collector?, local?, footway? }', options.streetWidths);
    for (const key of Object.keys(options.streetWidths)) {
      if (!(key in STREET_WIDTHS)) throw new InvalidInputError(origin, `streetWidths.${key}`, 'is not a street class (arterial, collector, local, footway)', key);
      widths[key as StreetClass] = requirePositive(origin, `streetWidths.${key}`, (options.streetWidths as Record<string, unknown>)[key]);
    }
  }
  const withBuildings = options.buildings === undefined ? true : options.buildings;
  if (typeof withBuildings !== 'boolean') throw new InvalidInputError(origin, 'buildings', 'must be a boolean', withBuildings);
  const setback = options.buildingSetback === undefined ? GRID_CITY_DEFAULTS.buildingSetback : requireNonNegative(origin, 'buildingSetback', options.buildingSetback);
  const buildingHeight = options.buildingHeight === undefined ? GRID_CITY_DEFAULTS.buildingHeight : requirePositive(origin, 'buildingHeight', options.buildingHeight);
  const [bMinX, bMinY, bMaxX, bMaxY] = multiPolygonBounds(boundary);
  let ox = (bMinX + bMaxX) / 2;
  let oy = (bMinY + bMaxY) / 2;
  if (options.origin !== undefined) {
    if (!Array.isArray(options.origin) || options.origin.length !== 2) throw new InvalidInputError(origin, 'origin', 'must be [x, y]', options.origin);
    ox = requireFinite(origin, 'origin[0]', options.origin[0]);
    oy = requireFinite(origin, 'origin[1]', options.origin[1]);
  }
  const name = options.name === undefined ? 'grid city' : options.name;
  if (typeof name !== 'string') throw new InvalidInputError(origin, 'name', 'must be a string', name);
  const projection = options.projection === undefined ? null : options.projection;
  if (projection !== null && (typeof projection !== 'object' || typeof projection.forward !== 'function' || typeof projection.inverse !== 'function')) {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection or null', projection);
  }

  // Grid axes: u (the "east" direction turned clockwise by rotation), v ("north" turned likewise).
  const r = rotation * DEG_TO_RAD;
  const ux = Math.cos(r) * blockSize;
  const uy = -Math.sin(r) * blockSize;
  const vx = Math.sin(r) * blockSize;
  const vy = Math.cos(r) * blockSize;
  // Index range covering the boundary's bounding box in grid coordinates (+1 for jitter).
  let iMin = Infinity;
  let iMax = -Infinity;
  let jMin = Infinity;
  let jMax = -Infinity;
  const corners = [bMinX, bMinY, bMaxX, bMinY, bMaxX, bMaxY, bMinX, bMaxY];
  const bs2 = blockSize * blockSize;
  for (let c = 0; c < 4; c++) {
    const dx = corners[2 * c] - ox;
    const dy = corners[2 * c + 1] - oy;
    const a = (dx * ux + dy * uy) / bs2;
    const b = (dx * vx + dy * vy) / bs2;
    if (a < iMin) iMin = a;
    if (a > iMax) iMax = a;
    if (b < jMin) jMin = b;
    if (b > jMax) jMax = b;
  }
  const i0 = Math.floor(iMin - 1e-9) - 1;
  const j0 = Math.floor(jMin - 1e-9) - 1;
  const ni = Math.ceil(iMax + 1e-9) + 1 - i0 + 1;
  const nj = Math.ceil(jMax + 1e-9) + 1 - j0 + 1;
  if (ni * nj > 20_000_000) throw new InvalidInputError(origin, 'blockSize', `is too small for this boundary (${ni} × ${nj} grid intersections, more than 20 million)`, blockSize);
  if (withBuildings) checkRoomForBuildings(origin, blockSize, widths, setback, arterialSpacing, collectorSpacing);

  // Districts and population first: they validate their options before the heavy work.
  const districts = resolveDistricts(boundary, options.districts ?? GRID_CITY_DEFAULTS.districts, origin);
  const population = createPopulationGridFor(
    boundary,
    {
      total: options.population,
      cellSize: options.populationCellSize,
      centre: options.centre,
      densityDecay: options.densityDecay,
    },
    origin,
  );
  // Intersection positions (row-major by j), jitter drawn for every grid point in a fixed order.
  const n = ni * nj;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const jitterRng = rng.stream('jitter');
  for (let jj = 0; jj < nj; jj++) {
    for (let ii = 0; ii < ni; ii++) {
      const k = jj * ni + ii;
      const i = i0 + ii;
      const j = j0 + jj;
      let x = ox + i * ux + j * vx;
      let y = oy + i * uy + j * vy;
      if (jitter > 0) {
        x += jitterRng.uniform(-jitter, jitter);
        y += jitterRng.uniform(-jitter, jitter);
      }
      px[k] = x;
      py[k] = y;
    }
  }
  const index = new BoundaryIndex(boundary);
  const inside = new Uint8Array(n);
  for (let k = 0; k < n; k++) inside[k] = index.contains(px[k], py[k]) ? 1 : 0;
  // Edge k of hKept goes from point k to k+1 (along u); of vKept from k to k+ni (along v).
  const hKept = new Uint8Array(n);
  const vKept = new Uint8Array(n);
  const degree = new Uint8Array(n);
  for (let jj = 0; jj < nj; jj++) {
    for (let ii = 0; ii < ni; ii++) {
      const k = jj * ni + ii;
      if (!inside[k]) continue;
      if (ii + 1 < ni && inside[k + 1] && index.segmentInside(px[k], py[k], px[k + 1], py[k + 1])) {
        hKept[k] = 1;
        degree[k]++;
        degree[k + 1]++;
      }
      if (jj + 1 < nj && inside[k + ni] && index.segmentInside(px[k], py[k], px[k + ni], py[k + ni])) {
        vKept[k] = 1;
        degree[k]++;
        degree[k + ni]++;
      }
    }
  }
  // Street class of grid line number `line`.
  const lineClass = (line: number): StreetClass => {
    if (mod(line, arterialSpacing) === 0) return 'arterial';
    if (mod(line, collectorSpacing) === 0) return 'collector';
    return 'local';
  };
  const iClass: StreetClass[] = new Array(ni);
  for (let ii = 0; ii < ni; ii++) iClass[ii] = lineClass(i0 + ii);
  const jClass: StreetClass[] = new Array(nj);
  for (let jj = 0; jj < nj; jj++) jClass[jj] = lineClass(j0 + jj);

  const streets: StreetGraph = new Graph<StreetNodeAttributes, StreetEdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const keys: string[] = new Array(n);
  for (let jj = 0; jj < nj; jj++) {
    for (let ii = 0; ii < ni; ii++) {
      const k = jj * ni + ii;
      if (degree[k] === 0) continue;
      const key = `${i0 + ii},${j0 + jj}`;
      keys[k] = key;
      streets.addNode(key, { x: px[k], y: py[k] });
    }
  }
  for (let jj = 0; jj < nj; jj++) {
    for (let ii = 0; ii < ni; ii++) {
      const k = jj * ni + ii;
      if (hKept[k]) {
        const cls = jClass[jj];
        streets.addUndirectedEdgeWithKey(`h:${keys[k]}`, keys[k], keys[k + 1], { length: Math.hypot(px[k + 1] - px[k], py[k + 1] - py[k]), streetClass: cls, width: widths[cls] });
      }
      if (vKept[k]) {
        const cls = iClass[ii];
        streets.addUndirectedEdgeWithKey(`v:${keys[k]}`, keys[k], keys[k + ni], { length: Math.hypot(px[k + ni] - px[k], py[k + ni] - py[k]), streetClass: cls, width: widths[cls] });
      }
    }
  }

  if (streets.size === 0) {
    throw new InvalidInputError(
      origin,
      'blockSize',
      `leaves no street segment wholly inside the boundary (its bounding box is ${formatMetres(bMaxX - bMinX)} × ${formatMetres(bMaxY - bMinY)} m); use a smaller block or a larger boundary`,
      blockSize,
    );
  }

  // Buildings: one per block fully inside the boundary.
  let buildings = emptyBuildingSet();
  if (withBuildings) {
    const builder = new BuildingSetBuilder(4 * n);
    const quad = new Float64Array(8);
    const inset = new Float64Array(8);
    const d = new Float64Array(4);
    for (let jj = 0; jj + 1 < nj; jj++) {
      for (let ii = 0; ii + 1 < ni; ii++) {
        const k = jj * ni + ii;
        // Sides: bottom h(k), right v(k+1), top h(k+ni), left v(k).
        if (!hKept[k] || !vKept[k + 1] || !hKept[k + ni] || !vKept[k]) continue;
        quad[0] = px[k];
        quad[1] = py[k];
        quad[2] = px[k + 1];
        quad[3] = py[k + 1];
        quad[4] = px[k + ni + 1];
        quad[5] = py[k + ni + 1];
        quad[6] = px[k + ni];
        quad[7] = py[k + ni];
        if (index.anyVertexInConvexQuad(quad)) continue;
        d[0] = widths[jClass[jj]] / 2 + setback;
        d[1] = widths[iClass[ii + 1]] / 2 + setback;
        d[2] = widths[jClass[jj + 1]] / 2 + setback;
        d[3] = widths[iClass[ii]] / 2 + setback;
        if (insetQuad(quad, d, inset)) builder.addRing(inset, buildingHeight, 4);
      }
    }
    buildings = builder.finish();
  }

  const params = `block ${blockSize} m, rotation ${rotation}°, arterial every ${arterialSpacing}, collector every ${collectorSpacing}, jitter ${jitter} m, seed ${String(seed)}`;
  const synthetic = (description: string): Provenance => ({ kind: 'synthetic', description });
  const provenance: City['provenance'] = {
    boundary: synthetic('synthetic boundary given to generateGridCity'),
    streets: synthetic(`synthetic street grid (${params})`),
    buildings: synthetic(withBuildings ? `one synthetic building per block, setback ${setback} m, height ${buildingHeight} m (assumption)` : 'no buildings'),
    districts: synthetic(`${districts.length} synthetic districts of equal area`),
    population: synthetic(
      `synthetic population of ${population.total.toFixed(0)} on ${population.cellSize} m cells, density ∝ exp(−r / b) (Clark 1951), b = ${options.densityDecay ?? 5000} m`,
    ),
    ...options.provenance,
  };
  return {
    name,
    projection,
    boundary,
    bounds: [bMinX, bMinY, bMaxX, bMaxY],
    streets,
    buildings,
    districts,
    population,
    provenance,
  };
}

function formatMetres(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : String(v);
}

/**
 * Throws when no block can hold a building: a block between grid lines of
 * classes a and b keeps `blockSize − (w_a + w_b) / 2 − 2 · setback` across,
 * so even between the two narrowest street classes present there is no room
 * when `blockSize − w_min − 2 · setback ≤ 0`. Names `buildingSetback` when the
 * setback alone fills the block, else the narrowest class's width.
 * Classes present: arterial always (line 0); local when both spacings exceed
 * 1 (line 1); collector when collectorSpacing is not a multiple of arterialSpacing.
 */
function checkRoomForBuildings(
  origin: string,
  blockSize: number,
  widths: Record<StreetClass, number>,
  setback: number,
  arterialSpacing: number,
  collectorSpacing: number,
): void {
  const present: StreetClass[] = ['arterial'];
  if (collectorSpacing % arterialSpacing !== 0) present.push('collector');
  if (arterialSpacing > 1 && collectorSpacing > 1) present.push('local');
  let narrow: StreetClass = present[0];
  for (const c of present) if (widths[c] < widths[narrow]) narrow = c;
  const room = blockSize - widths[narrow] - 2 * setback;
  if (room > 0) return;
  const fix = 'or pass buildings: false';
  if (2 * setback >= blockSize) {
    throw new InvalidInputError(origin, 'buildingSetback', `leaves no room for a building: 2 × setback must be less than blockSize (${blockSize} m) minus the street width (${fix})`, setback);
  }
  if (widths[narrow] >= blockSize) {
    throw new InvalidInputError(origin, `streetWidths.${narrow}`, `is at least blockSize (${blockSize} m), so no block has room for a building (${fix})`, widths[narrow]);
  }
  throw new InvalidInputError(
    origin,
    'buildingSetback',
    `leaves no room for a building with streetWidths.${narrow} = ${widths[narrow]} m: blockSize (${blockSize} m) − width − 2 × setback must be > 0 (${fix})`,
    setback,
  );
}

function mod(a: number, n: number): number {
  const m = a % n;
  return m < 0 ? m + n : m;
}

/**
 * Insets a counter-clockwise quadrilateral: side s (from corner s to s+1)
 * moves inward by d[s]; corner s of the result is where the moved sides s−1
 * and s meet. Returns false (writing nothing useful) when the result is not a
 * convex counter-clockwise quadrilateral with positive area (the inset ate
 * the block).
 */
function insetQuad(q: Float64Array, d: Float64Array, out: Float64Array): boolean {
  for (let s = 0; s < 4; s++) {
    const p = (s + 3) & 3; // previous side
    // Side p: from corner p to corner s; side s: from corner s to s+1.
    const ax = q[2 * p];
    const ay = q[2 * p + 1];
    const sx = q[2 * s];
    const sy = q[2 * s + 1];
    const nx = (s + 1) & 3;
    const bx = q[2 * nx];
    const by = q[2 * nx + 1];
    const d1x = sx - ax;
    const d1y = sy - ay;
    const d2x = bx - sx;
    const d2y = by - sy;
    const l1 = Math.hypot(d1x, d1y);
    const l2 = Math.hypot(d2x, d2y);
    if (!(l1 > 0 && l2 > 0)) return false;
    // Points on the moved lines (inward normal of a CCW edge (dx, dy) is (−dy, dx)/len).
    const p1x = sx - (d1y / l1) * d[p];
    const p1y = sy + (d1x / l1) * d[p];
    const p2x = sx - (d2y / l2) * d[s];
    const p2y = sy + (d2x / l2) * d[s];
    const den = d1x * d2y - d1y * d2x;
    if (!(den > 0)) return false;
    const t = ((p2x - p1x) * d2y - (p2y - p1y) * d2x) / den;
    out[2 * s] = p1x + t * d1x;
    out[2 * s + 1] = p1y + t * d1y;
  }
  // Convex and counter-clockwise with the same side directions as the block.
  for (let s = 0; s < 4; s++) {
    const a = (s + 1) & 3;
    const b = (s + 2) & 3;
    const ex = out[2 * a] - out[2 * s];
    const ey = out[2 * a + 1] - out[2 * s + 1];
    const fx = out[2 * b] - out[2 * a];
    const fy = out[2 * b + 1] - out[2 * a + 1];
    if (!(ex * fy - ey * fx > 0)) return false;
    // Same direction as the original side s (an inverted inset flips it).
    if (!(ex * (q[2 * a] - q[2 * s]) + ey * (q[2 * a + 1] - q[2 * s + 1]) > 0)) return false;
  }
  return true;
}


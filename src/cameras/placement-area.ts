/**
 * Placement strategies that scatter cameras over an area: uniformly, or
 * weighted by residential population.
 */
import { InvalidInputError, type Bounds, type Rng, normaliseDegrees } from '../core/index.js';
import { requireBounds, requireFinite, checkOptions, optionKeys } from '../core/internal.js';
import { type MultiPolygonM, type PolygonM, pointInPolygon, polygonArea } from '../geo/index.js';
import { type BuildingSet, type City, type StreetGraph } from '../city/index.js';
import type { CameraSet } from './camera-set.js';
import { validateBuildingSet } from '../city/internal.js';
import { snapOutsideBuildingsFor, SNAP_OUTSIDE_BUILDINGS_DEFAULTS } from './snap-outside-buildings.js';
import { mountOnNearestStreetFor, MOUNT_ON_STREET_DEFAULTS } from './mount-on-street.js';
import {
  allocateCameraSet,
  cityRef,
  MAX_CAMERAS,
  optionsObject,
  provenanceParams,
  seedOf,
  placementRng,
  requireCity,
  requireCount,
  resolveAttributes,
  type PlacementBaseOptions,
} from './placement-common.js';

/** Options of {@link placeUniform} and {@link placeByPopulation}. */
export interface ScatterPlacementOptions extends PlacementBaseOptions {
  /** `random` (default): uniform random headings; or a fixed heading in degrees for every camera. */
  heading?: 'random' | number;
  /**
   * Move cameras that fall inside a building footprint to 1 m outside the
   * nearest wall, facing away from it (see `snapOutsideBuildings`). Default
   * true; it applies only when there are buildings (`city.buildings` for
   * {@link placeByPopulation}, `options.buildings` for {@link placeUniform}).
   */
  avoidBuildings?: boolean;
  /**
   * {@link placeUniform} only: the building footprints to keep cameras out of
   * (e.g. `city.buildings`). Default: none (an area has no buildings).
   */
  buildings?: BuildingSet;
  /**
   * Move each camera to the kerb of the nearest street and aim it along the
   * street (see `mountOnNearestStreet`), for cameras meant to see the faces
   * of people walking towards them. Default false. Needs streets:
   * `city.streets` for {@link placeByPopulation}, `options.streets` for
   * {@link placeUniform}. Applied before `avoidBuildings`. An object turns it
   * on with the mount's `kerbOffset` and `aimDistance` (metres; default
   * `MOUNT_ON_STREET_DEFAULTS`).
   */
  mountOnStreet?: boolean | { kerbOffset?: number; aimDistance?: number };
  /** {@link placeUniform} only: the street graph for `mountOnStreet` (e.g. `city.streets`). */
  streets?: StreetGraph;
}

/**
 * Rejection sampling draws in a polygon's bounding box until a point falls
 * inside. A polygon whose area is less than this fraction of its bounding
 * box is refused as too thin to sample (it would need over a million draws
 * per camera on average).
 */
export const MIN_AREA_TO_BBOX_RATIO = 1e-6;
/**
 * Each camera may use at most `ATTEMPTS_PER_EXPECTED` times the expected
 * number of draws (bbox area / polygon area). Running out has probability
 * below e^-50 per camera, so in practice it signals an inconsistent polygon;
 * it throws instead of hanging.
 */
export const ATTEMPTS_PER_EXPECTED = 50;

/** Defaults of {@link placeUniform} (the camera attributes and seed: `PLACEMENT_DEFAULTS`). */
export const PLACE_UNIFORM_DEFAULTS = {
  /** Assumption: uniform random headings, since an area scatter has no street to face. */
  heading: 'random' as const,
  /**
   * Assumption: a camera is mounted outside, so one that falls inside a
   * footprint of `options.buildings` is moved 1 m outside the nearest wall
   * (`SNAP_OUTSIDE_BUILDINGS_DEFAULTS.offset`), facing the street.
   */
  avoidBuildings: true,
  /** Cameras stay where they were drawn (the scatter says nothing about streets). */
  mountOnStreet: false,
} as const;

/** The options placeUniform knows (its unknown options are refused). */
const PLACE_UNIFORM_OPTION_KEYS = optionKeys<ScatterPlacementOptions>()(PLACE_UNIFORM_DEFAULTS, ['buildings', 'streets', 'seed', 'fov', 'range', 'resolutionPx', 'height', 'tilt', 'kind', 'capabilities', 'operator', 'live', 'nodeId']);

/** Defaults of {@link placeByPopulation} (the camera attributes and seed: `PLACEMENT_DEFAULTS`). */
export const PLACE_BY_POPULATION_DEFAULTS = {
  /** Assumption: uniform random headings, since a population cell says where people live, not which way a camera faces. */
  heading: 'random' as const,
  /**
   * Assumption: a camera is mounted outside, so one that falls inside a
   * footprint of `city.buildings` is moved 1 m outside the nearest wall
   * (`SNAP_OUTSIDE_BUILDINGS_DEFAULTS.offset`), facing the street.
   */
  avoidBuildings: true,
  /** Cameras stay where they were drawn (the scatter says nothing about streets). */
  mountOnStreet: false,
} as const;

/** The options placeByPopulation knows (its unknown options are refused). */
const PLACE_BY_POPULATION_OPTION_KEYS = optionKeys<ScatterPlacementOptions>()(PLACE_BY_POPULATION_DEFAULTS, ['buildings', 'streets', 'seed', 'fov', 'range', 'resolutionPx', 'height', 'tilt', 'kind', 'capabilities', 'operator', 'live', 'nodeId']);

const UNIFORM = 'placeUniform';
const POPULATION = 'placeByPopulation';

/** The `avoidBuildings` option, checked. @internal */
export function resolveAvoid(origin: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new InvalidInputError(origin, 'options.avoidBuildings', 'must be a boolean', v);
  return v;
}

/**
 * Applies the building step to a freshly placed set and, when there are
 * buildings, records it in the provenance: `avoidBuildings`, and when on,
 * `buildingOffset`, `movedOutOfBuildings` (and `leftInsideBuildings` when
 * some camera could not be moved). Shared by every placement strategy. @internal
 */
export function avoidBuildingsStep(origin: string, set: CameraSet, buildings: BuildingSet | undefined, avoid: boolean): void {
  const params = (set.provenance as { params: Record<string, unknown> }).params;
  const has = buildings !== undefined && buildings !== null && buildings.numBuildings > 0;
  if (!has) return; // no buildings: nothing recorded, nothing to do
  params.avoidBuildings = avoid;
  if (!avoid) return;
  const r = snapOutsideBuildingsFor(origin, set, buildings);
  params.buildingOffset = SNAP_OUTSIDE_BUILDINGS_DEFAULTS.offset;
  params.movedOutOfBuildings = r.moved;
  if (r.unresolved > 0) params.leftInsideBuildings = r.unresolved;
}

/** The street mount asked for: false, or its kerb offset and aim distance (checked by mountOnNearestStreet). */
type Mount = false | { kerbOffset?: number; aimDistance?: number };

function resolveMount(origin: string, v: unknown, fallback: boolean): Mount {
  if (v === undefined) return fallback ? {} : false;
  if (typeof v === 'boolean') return v ? {} : false;
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => k === 'kerbOffset' || k === 'aimDistance')) {
    const m = v as { kerbOffset?: number; aimDistance?: number };
    return { ...(m.kerbOffset !== undefined ? { kerbOffset: m.kerbOffset } : {}), ...(m.aimDistance !== undefined ? { aimDistance: m.aimDistance } : {}) };
  }
  throw new InvalidInputError(origin, 'options.mountOnStreet', 'must be a boolean or { kerbOffset?, aimDistance? }', v);
}

/**
 * Applies the street-mount step (when asked) and records it in the
 * provenance: `mountOnStreet`, and when on, `kerbOffset`, `aimDistance`,
 * `mountedOnStreet` and `noStreetNearby`.
 */
function mountOnStreetStep(origin: string, set: CameraSet, streets: StreetGraph | undefined, mount: Mount, rng: Rng): void {
  if (mount === false) return;
  const params = (set.provenance as { params: Record<string, unknown> }).params;
  if (streets === undefined || streets === null) throw new InvalidInputError(origin, origin === UNIFORM ? 'options.streets' : 'city.streets', 'must be a street graph when mountOnStreet is true', streets);
  const r = mountOnNearestStreetFor(origin, set, streets, { rng, ...mount });
  params.mountOnStreet = true;
  params.kerbOffset = mount.kerbOffset ?? MOUNT_ON_STREET_DEFAULTS.kerbOffset;
  params.aimDistance = mount.aimDistance ?? MOUNT_ON_STREET_DEFAULTS.aimDistance;
  params.mountedOnStreet = r.mounted;
  params.noStreetNearby = r.noStreetNearby;
}

function resolveHeading(origin: string, h: 'random' | number): number {
  if (h === 'random') return NaN;
  return normaliseDegrees(requireFinite(origin, 'options.heading', h));
}

/**
 * Places `count` cameras uniformly at random inside an area, with random
 * headings (or a fixed one).
 *
 * A multipolygon is sampled part by part: a part is chosen with probability
 * proportional to its area (cumulative sums + binary search), then a point is
 * drawn in the part's bounding box until it falls inside (rejection sampling),
 * so the result is uniform over the whole area. With `options.buildings`,
 * cameras that fall inside a footprint are then moved 1 m outside the
 * nearest wall, facing away from it (`avoidBuildings`, default true; see
 * `snapOutsideBuildings`; a moved camera may end up to a metre or so outside
 * the area); the provenance records `movedOutOfBuildings`.
 *
 * @param area - a MultiPolygonM (metres, e.g. `city.boundary`) or bounds `[minX, minY, maxX, maxY]`
 * @param count - number of cameras, an integer in [0, {@link MAX_CAMERAS}]
 * @param options - seed, heading and the camera attribute options; defaults: {@link PLACE_UNIFORM_DEFAULTS}
 * @returns a CameraSet of exactly `count` cameras; its `provenance` records
 *   `placeUniform`, the seed and the options (the area as bounds, or summarised)
 * @throws {InvalidInputError} if the area is empty (no part with positive area), a part is
 *   thinner than {@link MIN_AREA_TO_BBOX_RATIO} of its bounding box, count is above
 *   {@link MAX_CAMERAS}, or an option is invalid
 * @example
 * const cams = placeUniform([0, 0, 1000, 1000], 200, { fov: 60, range: 40, seed: 'a' });
 *
 * Complexity: O(count · (bbox/area) · vertices) expected.
 */
export function placeUniform(area: MultiPolygonM | Bounds, count: number, options?: ScatterPlacementOptions): CameraSet {
  checkOptions('placeUniform', options, PLACE_UNIFORM_OPTION_KEYS);
  const o = optionsObject(UNIFORM, options);
  const n = requireCount(UNIFORM, 'count', count);
  const attrs = resolveAttributes(UNIFORM, o);
  const fixedHeading = resolveHeading(UNIFORM, o.heading === undefined ? PLACE_UNIFORM_DEFAULTS.heading : o.heading);
  const avoid = resolveAvoid(UNIFORM, o.avoidBuildings, PLACE_UNIFORM_DEFAULTS.avoidBuildings);
  const mount = resolveMount(UNIFORM, o.mountOnStreet, PLACE_UNIFORM_DEFAULTS.mountOnStreet);
  const buildings = o.buildings === undefined ? undefined : validateBuildingSet(o.buildings, UNIFORM, 'options.buildings');
  const rng = placementRng(UNIFORM, o);
  const posRng = rng.stream('position');
  const headRng = rng.stream('heading');

  let parts: PolygonM[];
  let areaRecord: unknown;
  if (Array.isArray(area) && area.length === 4 && typeof area[0] === 'number') {
    const b = requireBounds(UNIFORM, 'area', area);
    parts = [{ outer: Float64Array.of(b[0], b[1], b[2], b[1], b[2], b[3], b[0], b[3]), holes: [] }];
    areaRecord = [b[0], b[1], b[2], b[3]];
  } else {
    if (!Array.isArray(area)) throw new InvalidInputError(UNIFORM, 'area', 'must be a MultiPolygonM or bounds [minX, minY, maxX, maxY]', area);
    parts = area as PolygonM[];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (typeof p !== 'object' || p === null || !(p.outer instanceof Float64Array) || !Array.isArray(p.holes)) {
        throw new InvalidInputError(UNIFORM, `area[${i}]`, 'must be a polygon { outer: Float64Array, holes: Float64Array[] }', p);
      }
      for (let k = 0; k < p.outer.length; k++) {
        if (!Number.isFinite(p.outer[k])) throw new InvalidInputError(UNIFORM, `area[${i}].outer[${k}]`, 'must be a finite number', p.outer[k]);
      }
    }
  }

  // Per-part area, bounding box and cumulative weights.
  const np = parts.length;
  const cum = new Float64Array(np);
  const bb = new Float64Array(4 * np);
  const maxAttempts = new Float64Array(np);
  let total = 0;
  for (let i = 0; i < np; i++) {
    const a = Math.max(0, polygonArea(parts[i]));
    const r = parts[i].outer;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let k = 0; k < r.length; k += 2) {
      if (r[k] < minX) minX = r[k];
      if (r[k] > maxX) maxX = r[k];
      if (r[k + 1] < minY) minY = r[k + 1];
      if (r[k + 1] > maxY) maxY = r[k + 1];
    }
    bb[4 * i] = minX;
    bb[4 * i + 1] = minY;
    bb[4 * i + 2] = maxX;
    bb[4 * i + 3] = maxY;
    if (a > 0) {
      const ratio = a / ((maxX - minX) * (maxY - minY));
      if (!(ratio >= MIN_AREA_TO_BBOX_RATIO)) {
        throw new InvalidInputError(UNIFORM, `area[${i}]`, `is too thin to sample: its area is less than ${MIN_AREA_TO_BBOX_RATIO} of its bounding box (area/bbox ratio)`, ratio);
      }
      maxAttempts[i] = Math.ceil(ATTEMPTS_PER_EXPECTED / ratio) + 100;
    }
    total += a;
    cum[i] = total;
  }
  if (!(total > 0)) throw new InvalidInputError(UNIFORM, 'area', 'must have a positive area (it is empty)', area);
  if (areaRecord === undefined) {
    let vertices = 0;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < np; i++) {
      vertices += parts[i].outer.length >> 1;
      for (const h of parts[i].holes) vertices += h.length >> 1;
      minX = Math.min(minX, bb[4 * i]);
      minY = Math.min(minY, bb[4 * i + 1]);
      maxX = Math.max(maxX, bb[4 * i + 2]);
      maxY = Math.max(maxY, bb[4 * i + 3]);
    }
    areaRecord = { type: 'MultiPolygonM', parts: np, vertices, area: total, bounds: [minX, minY, maxX, maxY] };
  }

  const set = allocateCameraSet(n, attrs, UNIFORM);
  set.provenance = { generator: UNIFORM, seed: seedOf(o.seed), params: provenanceParams(o, { area: areaRecord, count: n, heading: o.heading ?? PLACE_UNIFORM_DEFAULTS.heading, fov: attrs.fov, range: attrs.range, buildings: buildings === undefined ? undefined : { numBuildings: buildings.numBuildings }, streets: o.streets === undefined || o.streets === null ? undefined : { streetEdges: o.streets.size } }) };
  for (let c = 0; c < n; c++) {
    const part = upperBound(cum, posRng.next() * total);
    const poly = parts[part];
    const x0 = bb[4 * part], y0 = bb[4 * part + 1];
    const w = bb[4 * part + 2] - x0, h = bb[4 * part + 3] - y0;
    const limit = maxAttempts[part];
    let x = 0, y = 0, ok = false;
    for (let t = 0; t < limit; t++) {
      x = x0 + w * posRng.next();
      y = y0 + h * posRng.next();
      if (pointInPolygon(x, y, poly)) {
        ok = true;
        break;
      }
    }
    if (!ok) throw new InvalidInputError(UNIFORM, `area[${part}]`, `could not be sampled in ${limit} attempts (inconsistent rings?)`, parts.length);
    set.x[c] = x;
    set.y[c] = y;
    set.heading[c] = fixedHeading === fixedHeading ? fixedHeading : headRng.uniform(0, 360);
  }
  mountOnStreetStep(UNIFORM, set, o.streets, mount, rng.stream('street-mount'));
  avoidBuildingsStep(UNIFORM, set, buildings, avoid);
  return set;
}

/**
 * Index of the first element of the non-decreasing array `cum` that is
 * strictly greater than `u` (clamped to the last index). Zero-weight entries
 * (equal to their predecessor) are never returned for u in [0, cum[last]).
 * @internal
 */
export function upperBound(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Places `count` cameras where people live: each camera picks a population
 * grid cell with probability proportional to its residents (cumulative sums +
 * binary search), then a uniform point inside that cell; random headings (or
 * a fixed one).
 *
 * Cameras that fall inside a footprint of `city.buildings` are then moved
 * 1 m outside the nearest wall, facing away from it (`avoidBuildings`,
 * default true; see `snapOutsideBuildings`); the others are untouched. The
 * provenance records `movedOutOfBuildings`.
 *
 * @param city - a City; `city.population` and (unless `avoidBuildings: false`) `city.buildings` are read
 * @param count - number of cameras, an integer in [0, {@link MAX_CAMERAS}]
 * @param options - seed, heading and the camera attribute options; defaults: {@link PLACE_BY_POPULATION_DEFAULTS}
 * @returns a CameraSet of exactly `count` cameras; its `provenance` records `placeByPopulation`, the seed and the options
 * @throws {InvalidInputError} if the grid or the building set is malformed, holds a negative or non-finite value,
 *   or its total population is 0 (with count > 0), or count is above {@link MAX_CAMERAS}
 * @example
 * const cams = placeByPopulation(city, 2200, { capabilities: ['face'], live: true, seed: 3 });
 *
 * Complexity: O(cells + count · log cells).
 */
export function placeByPopulation(city: City, count: number, options?: ScatterPlacementOptions): CameraSet {
  checkOptions('placeByPopulation', options, PLACE_BY_POPULATION_OPTION_KEYS);
  const o = optionsObject(POPULATION, options);
  requireCity(POPULATION, city, ['population']);
  const n = requireCount(POPULATION, 'count', count);
  const attrs = resolveAttributes(POPULATION, o);
  const fixedHeading = resolveHeading(POPULATION, o.heading === undefined ? PLACE_BY_POPULATION_DEFAULTS.heading : o.heading);
  const avoid = resolveAvoid(POPULATION, o.avoidBuildings, PLACE_BY_POPULATION_DEFAULTS.avoidBuildings);
  const mount = resolveMount(POPULATION, o.mountOnStreet, PLACE_BY_POPULATION_DEFAULTS.mountOnStreet);
  if (o.streets !== undefined) throw new InvalidInputError(POPULATION, 'options.streets', 'is not an option of placeByPopulation (it reads city.streets)', o.streets);
  if (o.buildings !== undefined) throw new InvalidInputError(POPULATION, 'options.buildings', 'is not an option of placeByPopulation (it reads city.buildings)', o.buildings);
  const buildings = avoid && city.buildings !== undefined && city.buildings !== null ? validateBuildingSet(city.buildings, POPULATION, 'city.buildings') : undefined;
  const rng = placementRng(POPULATION, o);
  const posRng = rng.stream('position');
  const headRng = rng.stream('heading');
  const g = city.population;
  const { cols, rows, cellSize, originX, originY, values } = g;
  if (!Number.isInteger(cols) || cols < 0) throw new InvalidInputError(POPULATION, 'city.population.cols', 'must be an integer >= 0', cols);
  if (!Number.isInteger(rows) || rows < 0) throw new InvalidInputError(POPULATION, 'city.population.rows', 'must be an integer >= 0', rows);
  if (typeof cellSize !== 'number' || !(cellSize > 0) || !Number.isFinite(cellSize)) throw new InvalidInputError(POPULATION, 'city.population.cellSize', 'must be a finite number > 0', cellSize);
  requireFinite(POPULATION, 'city.population.originX', originX);
  requireFinite(POPULATION, 'city.population.originY', originY);
  if (!values || typeof values.length !== 'number' || values.length !== cols * rows) {
    throw new InvalidInputError(POPULATION, 'city.population.values', `must have cols × rows = ${cols * rows} entries`, values);
  }
  const m = values.length;
  const cum = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const v = values[i];
    if (!(v >= 0) || v === Infinity) throw new InvalidInputError(POPULATION, `city.population.values[${i}]`, 'must be a finite number >= 0', v);
    total += v;
    cum[i] = total;
  }
  if (n > 0 && !(total > 0)) {
    throw new InvalidInputError(POPULATION, 'city.population total', 'must be > 0 to weight camera positions', total);
  }
  const set = allocateCameraSet(n, attrs, POPULATION);
  set.provenance = {
    generator: POPULATION,
    seed: seedOf(o.seed),
    params: provenanceParams(o, { city: cityRef(city), population: total, count: n, heading: o.heading ?? PLACE_BY_POPULATION_DEFAULTS.heading, fov: attrs.fov, range: attrs.range }),
  };
  for (let c = 0; c < n; c++) {
    const cell = upperBound(cum, posRng.next() * total);
    const row = (cell / cols) | 0;
    const col = cell - row * cols;
    set.x[c] = originX + (col + posRng.next()) * cellSize;
    set.y[c] = originY + (row + posRng.next()) * cellSize;
    set.heading[c] = fixedHeading === fixedHeading ? fixedHeading : headRng.uniform(0, 360);
  }
  mountOnStreetStep(POPULATION, set, city.streets, mount, rng.stream('street-mount'));
  avoidBuildingsStep(POPULATION, set, buildings, avoid);
  return set;
}

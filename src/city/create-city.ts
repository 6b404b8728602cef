/**
 * Assembling a {@link City} from parts (a boundary plus optional streets,
 * buildings, districts and population), validated once.
 */
import { Graph } from '../core/internal.js';
import { InvalidInputError } from '../core/index.js';
import { multiPolygonBounds, type LocalProjection } from '../geo/index.js';
import { toBoundary, type BoundaryInput } from './boundary.js';
import { emptyBuildingSet, validateBuildingSet } from './building-set.js';
import type { BuildingSet, City, PopulationGrid, Provenance, StreetEdgeAttributes, StreetGraph, StreetNodeAttributes } from './city.js';
import { STREET_CLASSES } from './city.js';
import { resolveDistricts, type DistrictSpec } from './districts.js';
import { createPopulationGridFor, validatePopulationGrid, type PopulationGridOptions } from './population.js';

/** The parts of a city given to {@link createCity}. */
export interface CityParts {
  /** City name (default `city`). */
  name?: string;
  /**
   * Boundary in metres (bounds, polygons or coordinates). Default, when
   * `streets` are given: the streets' extent (bounding box of their nodes)
   * padded by {@link STREETS_EXTENT_PADDING} metres, as scenarios do for
   * imported streets without a boundary file.
   */
  boundary?: BoundaryInput;
  /** Projection between the local metres and WGS84 (default null). */
  projection?: LocalProjection | null;
  /** Street graph (default: empty). Nodes need finite `x`, `y`; edges `length` ≥ 0, a `streetClass`, `width` > 0. */
  streets?: StreetGraph;
  /** Buildings (default: none). */
  buildings?: BuildingSet;
  /** Districts: a count or names (equal-area split of the boundary) or specs with areas (default: one district, the whole city). */
  districts?: number | readonly string[] | readonly DistrictSpec[];
  /** A population grid, or options to build one (default: uniform density, 3,000 residents per km², an assumption). */
  population?: PopulationGrid | PopulationGridOptions;
  /** Provenance of each part (default: `synthetic`, "supplied to createCity; source not stated", or a description of what was generated). */
  provenance?: Partial<City['provenance']>;
}

/**
 * Metres added around the streets' bounding box when a city's boundary
 * defaults to the streets' extent (a choice of this library, so that the
 * outermost street lies inside the study area, not on its edge).
 */
export const STREETS_EXTENT_PADDING = 10;

/**
 * The streets' extent as bounds: the bounding box of the graph's nodes,
 * padded by {@link STREETS_EXTENT_PADDING} m.
 * @throws {InvalidInputError} naming `field` when the streets do not span an area
 * @internal
 */
export function streetsExtent(streets: StreetGraph, origin: string, field: string, value: unknown = `${streets.order} street nodes`): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  streets.forEachNode((_k, a) => {
    if (a.x < x0) x0 = a.x;
    if (a.x > x1) x1 = a.x;
    if (a.y < y0) y0 = a.y;
    if (a.y > y1) y1 = a.y;
  });
  if (!(x1 > x0 && y1 > y0)) throw new InvalidInputError(origin, field, 'must hold streets spanning an area when no boundary is given', value);
  const p = STREETS_EXTENT_PADDING;
  return [x0 - p, y0 - p, x1 + p, y1 + p];
}

/**
 * Creates a city from parts, checking each part once.
 *
 * @param parts - see {@link CityParts}; a `boundary`, or `streets` (the boundary is then their extent)
 * @returns a {@link City}; missing parts are empty (streets, buildings), the whole city (districts) or uniform (population)
 * @throws {InvalidInputError} on a bad or missing boundary (neither a boundary nor streets spanning an area), a streets value that is not an undirected graphology graph or has a node or edge with bad attributes, an inconsistent building set or population grid, bad districts or provenance
 * @example
 * const city = createCity({ boundary: [0, 0, 2000, 2000], population: { total: 10_000 } });
 * city.population.total // 10000
 * @remarks O(nodes + edges + buildings' vertices + cells).
 */
export function createCity(parts: CityParts): City {
  const origin = 'createCity';
  if (typeof parts !== 'object' || parts === null) throw new InvalidInputError(origin, 'parts', 'must be an object with a boundary or streets', parts);
  const name = parts.name ?? 'city';
  if (typeof name !== 'string') throw new InvalidInputError(origin, 'name', 'must be a string', name);
  if (parts.boundary === undefined && parts.streets === undefined) throw new InvalidInputError(origin, 'boundary', 'must be given when there are no streets (with streets it defaults to their extent)', undefined);
  const streets = parts.streets === undefined ? new Graph<StreetNodeAttributes, StreetEdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false }) : validateStreets(parts.streets, origin);
  const boundary = toBoundary(parts.boundary ?? streetsExtent(streets, origin, 'streets'), origin, 'boundary');
  const projection = parts.projection ?? null;
  if (projection !== null && (typeof projection !== 'object' || typeof projection.forward !== 'function' || typeof projection.inverse !== 'function')) {
    throw new InvalidInputError(origin, 'projection', 'must be a LocalProjection or null', projection);
  }
  const supplied = (what: string): Provenance => ({ kind: 'synthetic', description: `${what} supplied to createCity; source not stated` });
  const provenance: City['provenance'] = {
    boundary: parts.boundary === undefined ? { kind: 'synthetic', description: `the streets' extent padded by ${STREETS_EXTENT_PADDING} m (no boundary given)` } : supplied('boundary'),
    streets: parts.streets === undefined ? { kind: 'synthetic', description: 'no streets' } : supplied('streets'),
    buildings: parts.buildings === undefined ? { kind: 'synthetic', description: 'no buildings' } : supplied('buildings'),
    districts: parts.districts === undefined ? { kind: 'synthetic', description: 'one district: the whole city' } : supplied('districts'),
    population: isGrid(parts.population) ? supplied('population grid') : { kind: 'synthetic', description: 'synthetic population from createPopulationGrid' },
  };
  if (parts.provenance !== undefined) {
    if (typeof parts.provenance !== 'object' || parts.provenance === null) throw new InvalidInputError(origin, 'provenance', 'must be an object', parts.provenance);
    for (const [k, v] of Object.entries(parts.provenance)) {
      if (!(k in provenance)) throw new InvalidInputError(origin, `provenance.${k}`, 'is not a city part (boundary, streets, buildings, districts, population)', k);
      const p = v as Provenance;
      if (typeof p !== 'object' || p === null || (p.kind !== 'synthetic' && p.kind !== 'real') || typeof p.description !== 'string') {
        throw new InvalidInputError(origin, `provenance.${k}`, "must be { kind: 'synthetic' | 'real', description: string, licence?: string }", v);
      }
      provenance[k as keyof City['provenance']] = p;
    }
  }
  const buildings = parts.buildings === undefined ? emptyBuildingSet() : validateBuildingSet(parts.buildings, origin, 'buildings');
  const districts = parts.districts === undefined ? [{ id: 'city', name, area: boundary }] : resolveDistricts(boundary, parts.districts, origin);
  let population: PopulationGrid;
  if (isGrid(parts.population)) population = validatePopulationGrid(parts.population, origin, 'population');
  else {
    const opts = (parts.population ?? {}) as PopulationGridOptions;
    if (typeof opts !== 'object' || opts === null) throw new InvalidInputError(origin, 'population', 'must be a PopulationGrid or options { total?, cellSize?, centre?, densityDecay? }', opts);
    population = createPopulationGridFor(boundary, { densityDecay: Infinity, ...opts }, origin);
  }
  return { name, projection, boundary, bounds: multiPolygonBounds(boundary), streets, buildings, districts, population, provenance };
}

function isGrid(p: unknown): p is PopulationGrid {
  return typeof p === 'object' && p !== null && 'values' in p;
}

/**
 * Checks a street graph: an undirected graphology graph whose nodes have
 * finite `x`, `y` and whose edges have a finite `length` ≥ 0, a known
 * `streetClass` and a finite `width` > 0.
 *
 * @throws {InvalidInputError} naming the first bad node or edge and field
 * @example
 * validateStreets(graph, 'createCity')
 */
export function validateStreets(streets: unknown, origin: string): StreetGraph {
  const g = streets as StreetGraph;
  if (typeof g !== 'object' || g === null || typeof g.forEachNode !== 'function' || typeof g.forEachEdge !== 'function') {
    throw new InvalidInputError(origin, 'streets', 'must be a graphology Graph', streets);
  }
  if (g.type !== 'undirected') throw new InvalidInputError(origin, 'streets.type', "must be 'undirected'", g.type);
  g.forEachNode((key, a) => {
    if (typeof a.x !== 'number' || !Number.isFinite(a.x)) throw new InvalidInputError(origin, `streets node ${JSON.stringify(key)}.x`, 'must be a finite number', a.x);
    if (typeof a.y !== 'number' || !Number.isFinite(a.y)) throw new InvalidInputError(origin, `streets node ${JSON.stringify(key)}.y`, 'must be a finite number', a.y);
  });
  g.forEachEdge((key, a) => {
    if (typeof a.length !== 'number' || !(a.length >= 0) || a.length === Infinity) throw new InvalidInputError(origin, `streets edge ${JSON.stringify(key)}.length`, 'must be a finite number >= 0', a.length);
    if (!STREET_CLASSES.includes(a.streetClass)) throw new InvalidInputError(origin, `streets edge ${JSON.stringify(key)}.streetClass`, `must be one of ${STREET_CLASSES.join(', ')}`, a.streetClass);
    if (typeof a.width !== 'number' || !(a.width > 0) || a.width === Infinity) throw new InvalidInputError(origin, `streets edge ${JSON.stringify(key)}.width`, 'must be a finite number > 0', a.width);
  });
  return g;
}

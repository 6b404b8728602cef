/**
 * Origin/destination zones: the city's population grid aggregated into
 * coarser square zones, each with one representative street node, so that
 * one shortest-path search per zone serves every trip that starts there.
 */
import { InvalidInputError, NotFoundError } from '../core/index.js';
import { requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import { type City, type PopulationGrid } from '../city/index.js';
import { validatePopulationGrid } from '../city/internal.js';
import { nearestNode } from './build-street-network.js';
import type { StreetNetwork } from './street-network.js';

/** Defaults of {@link buildZones}. */
export const ZONE_DEFAULTS = {
  /**
   * Zone side in metres. A modelling choice, not a fact: 500 m (2 × 2 cells of
   * the presets' 250 m population grid) gives about 2,900 zones for Almaty, so
   * routing a million trips needs about 2,900 searches; trip ends are snapped
   * to a node within roughly 350 m of the resident's true home.
   */
  zoneSize: 500,
} as const;

/** The options buildZones knows (its unknown options are refused). */
const BUILD_ZONES_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof buildZones>[2]>>()(ZONE_DEFAULTS, ['largestComponent']);

/**
 * Zones as columns. Zone z covers the square cell `cell[z]` of a
 * `cols × rows` grid of side `zoneSize` starting at (originX, originY);
 * only cells holding residents become zones, numbered in cell order
 * (row-major). `fineCellZone[k]` maps population-grid cell k to its zone
 * (−1 for cells without residents).
 */
export interface Zones {
  readonly numZones: number;
  readonly zoneSize: number;
  readonly originX: number;
  readonly originY: number;
  readonly cols: number;
  readonly rows: number;
  /** Zone-grid cell index of each zone. */
  readonly cell: Uint32Array;
  /** Residents in each zone (sum of the population cells whose centre falls in it). */
  readonly population: Float64Array;
  /** Population-weighted centre of each zone, metres. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Representative street node of each zone: the node nearest to its weighted centre (in the largest connected component by default). */
  readonly node: Uint32Array;
  /** Zone of each population-grid cell, −1 where the cell holds nobody. */
  readonly fineCellZone: Int32Array;
}

/**
 * Aggregates a city's population grid into square zones of side `zoneSize`
 * (each population cell goes to the zone containing its centre), and gives
 * each zone the street node nearest to its population-weighted centre —
 * by default only among nodes of the largest connected component, so that
 * no synthetic trip is unreachable because its zone snapped to an island.
 *
 * @param city - a City (its population grid is used)
 * @param network - the street network of the same city
 * @param options - `zoneSize` in metres (> 0, default {@link ZONE_DEFAULTS}.zoneSize); `largestComponent` (default true):
 *   snap zones only to nodes of the network's largest connected component, so that every zone reaches every other
 * @param origin - function name used in error messages
 * @returns the zones
 * @throws {InvalidInputError} on a bad zone size or population grid, or when the densities sum to zero
 * @throws {NotFoundError} when the network has no nodes
 * @example
 * const zones = buildZones(city, buildStreetNetwork(city.streets));
 * zones.numZones
 * @remarks O(cells + zones · log N).
 */
export function buildZones(city: City, network: StreetNetwork, options: { zoneSize?: number; largestComponent?: boolean } = {}): Zones {
  checkOptions('buildZones', options, BUILD_ZONES_OPTION_KEYS);
  return buildZonesFor(city, network, options, 'buildZones');
}

/** {@link buildZones} for a caller whose name errors should carry. */
export function buildZonesFor(city: City, network: StreetNetwork, options: { zoneSize?: number; largestComponent?: boolean }, origin: string): Zones {
  const snap = options.largestComponent !== false;
  const zoneSize = options.zoneSize === undefined ? ZONE_DEFAULTS.zoneSize : requirePositive(origin, 'options.zoneSize', options.zoneSize);
  const grid: PopulationGrid = validatePopulationGrid(city?.population, origin, 'city.population');
  if (!(grid.total > 0)) throw new InvalidInputError(origin, 'city.population.values', 'must be densities that sum to more than zero', grid.total);
  if (network.numNodes === 0) throw new NotFoundError(origin, 'network.numNodes', 0, 'leaves no node to represent a zone');
  const width = grid.cols * grid.cellSize;
  const height = grid.rows * grid.cellSize;
  const cols = Math.max(1, Math.ceil(width / zoneSize - 1e-9));
  const rows = Math.max(1, Math.ceil(height / zoneSize - 1e-9));
  if (cols * rows > 50_000_000) throw new InvalidInputError(origin, 'options.zoneSize', 'is too small (more than 50 million zone cells)', zoneSize);
  const nFine = grid.cols * grid.rows;
  const fineToCell = new Int32Array(nFine);
  const pop = new Float64Array(cols * rows);
  const sx = new Float64Array(cols * rows);
  const sy = new Float64Array(cols * rows);
  for (let r = 0; r < grid.rows; r++) {
    const cyf = (r + 0.5) * grid.cellSize;
    const zr = Math.min(rows - 1, Math.floor(cyf / zoneSize));
    for (let c = 0; c < grid.cols; c++) {
      const k = r * grid.cols + c;
      const v = grid.values[k];
      if (!(v > 0)) {
        fineToCell[k] = -1;
        continue;
      }
      const cxf = (c + 0.5) * grid.cellSize;
      const zc = Math.min(cols - 1, Math.floor(cxf / zoneSize));
      const zk = zr * cols + zc;
      fineToCell[k] = zk;
      pop[zk] += v;
      sx[zk] += v * (grid.originX + cxf);
      sy[zk] += v * (grid.originY + cyf);
    }
  }
  const cellToZone = new Int32Array(cols * rows).fill(-1);
  let numZones = 0;
  for (let k = 0; k < cols * rows; k++) if (pop[k] > 0) cellToZone[k] = numZones++;
  const cell = new Uint32Array(numZones);
  const population = new Float64Array(numZones);
  const x = new Float64Array(numZones);
  const y = new Float64Array(numZones);
  const node = new Uint32Array(numZones);
  for (let k = 0; k < cols * rows; k++) {
    const z = cellToZone[k];
    if (z < 0) continue;
    cell[z] = k;
    population[z] = pop[k];
    x[z] = sx[k] / pop[k];
    y[z] = sy[k] / pop[k];
    node[z] = nearestNode(network, x[z], y[z], { largestComponent: snap });
  }
  const fineCellZone = new Int32Array(nFine);
  for (let k = 0; k < nFine; k++) fineCellZone[k] = fineToCell[k] < 0 ? -1 : cellToZone[fineToCell[k]];
  return { numZones, zoneSize, originX: grid.originX, originY: grid.originY, cols, rows, cell, population, x, y, node, fineCellZone };
}

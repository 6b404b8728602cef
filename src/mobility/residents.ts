/**
 * Synthetic residents: home points drawn from the city's population density,
 * each tied to its zone, the zone's street node, and its district.
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { requireInteger, toRng, checkOptions, optionKeys } from '../core/internal.js';
import { type City, samplePopulationPoints } from '../city/index.js';
import { PolygonLocator } from '../geo/index.js';
import type { StreetNetwork } from './street-network.js';
import { NO_DISTRICT, type Residents } from './trip-set.js';
import { buildZonesFor, type Zones } from './zones.js';

/** Options of {@link createResidents}. */
export interface CreateResidentsOptions {
  /** Number of residents to draw (integer ≥ 0). */
  numResidents: number;
  /** Seed or stream; homes use the sub-stream `homes`. */
  seed: Seed | Rng;
  /** Zone side in metres (default 500; see ZONE_DEFAULTS). Ignored when `zones` is given. */
  zoneSize?: number;
  /** Zones built beforehand with {@link buildZones} for the same city and network. */
  zones?: Zones;
}

/** Residents made by {@link createResidents}: also carry their zones and the parameters used. */
export interface SyntheticResidents extends Residents {
  readonly seed: string;
  /** The zones that `homeZone` indexes (planTrips reuses them). */
  readonly zones: Zones;
  readonly params: { numResidents: number; zoneSize: number; generator: 'createResidents' };
}

/** The options createResidents knows (its unknown options are refused). */
const CREATE_RESIDENTS_OPTION_KEYS = optionKeys<CreateResidentsOptions>()({}, ['numResidents', 'seed', 'zoneSize', 'zones']);

/**
 * Draws residents' homes from the city's population grid (probability
 * proportional to each cell's residents, uniform within the cell, via
 * `samplePopulationPoints`), and gives each resident its home zone, the
 * zone's representative street node (`homeNode`; every trip from home
 * starts there) and its district (point in polygon; {@link NO_DISTRICT}
 * when the home lies in no district, e.g. just outside a cut boundary cell).
 *
 * @param city - the City (population grid and districts)
 * @param network - its street network (buildStreetNetwork)
 * @param options - `numResidents`, `seed`, optional `zoneSize` or prebuilt `zones`
 * @returns the residents (struct of arrays) with their zones and the seed
 * @throws {InvalidInputError} when numResidents is not a non-negative integer, the seed is invalid, or the population densities sum to zero (field `city.population.values`)
 * @throws {NotFoundError} when the network has no nodes
 * @example
 * const residents = createResidents(city, network, { numResidents: 10_000, seed: 1 });
 * residents.homeNode[0], residents.district[0]
 * @remarks O(cells + n log cells + n · district edges per band); deterministic for a given seed.
 */
export function createResidents(city: City, network: StreetNetwork, options: CreateResidentsOptions): SyntheticResidents {
  checkOptions('createResidents', options, CREATE_RESIDENTS_OPTION_KEYS);
  const origin = 'createResidents';
  const n = requireInteger(origin, 'options.numResidents', options?.numResidents, 0);
  const rng = toRng(options.seed, origin);
  const zones = options.zones ?? buildZonesFor(city, network, { zoneSize: options.zoneSize }, origin);
  if (options.zones !== undefined && zones.fineCellZone?.length !== city.population.cols * city.population.rows) {
    throw new InvalidInputError(origin, 'options.zones', "must be built for this city's population grid (buildZones(city, network))", zones);
  }
  const homes = samplePopulationPoints(city.population, n, rng.stream('homes'));
  const homeZone = new Uint32Array(n);
  const homeNode = new Uint32Array(n);
  const district = new Uint16Array(n).fill(NO_DISTRICT);
  const fine = zones.fineCellZone;
  for (let i = 0; i < n; i++) {
    const z = fine[homes.cell[i]];
    homeZone[i] = z;
    homeNode[i] = zones.node[z];
  }
  const locators = (city.districts ?? []).slice(0, NO_DISTRICT).map((d) => new PolygonLocator(d.area));
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < locators.length; d++) {
      if (locators[d].contains(homes.x[i], homes.y[i])) {
        district[i] = d;
        break;
      }
    }
  }
  return {
    numResidents: n,
    x: homes.x,
    y: homes.y,
    homeZone,
    homeNode,
    district,
    seed: rng.seed,
    zones,
    params: { numResidents: n, zoneSize: zones.zoneSize, generator: 'createResidents' },
  };
}

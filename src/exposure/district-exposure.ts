/**
 * Exposure per district, by residents' home district: how often the people
 * who live in each district are seen and identified on an average day.
 */
import { InvalidInputError } from '../core/index.js';
import { type District } from '../city/index.js';
import { NO_DISTRICT, type Residents } from '../mobility/index.js';
import type { PersonDayMetrics } from './person-metrics.js';

/** One row of {@link DistrictExposureTable}. */
export interface DistrictExposureRow {
  /** District id, or null for residents whose home lies in no district. */
  id: string | null;
  name: string;
  /** Residents (of the simulated sample) living there. */
  residents: number;
  /** Means per resident and day. */
  meanSightings: number;
  meanIdentified: number;
  meanDistinctCameras: number;
  meanPIdentified: number;
  /** Share of residents' travelled path observed: Σ observed / Σ length (0 when nobody travelled). */
  observedFraction: number;
  /** Mean longest unobserved stretch per resident-day that travelled, metres (0 when nobody travelled). */
  meanLongestGap: number;
}

/** Per-district table. */
export interface DistrictExposureTable {
  rows: DistrictExposureRow[];
  numDays: number;
}

/**
 * Aggregates per-person-day metrics by home district.
 *
 * @param persons - per person-day metrics (computePersonMetrics)
 * @param residents - the residents (their `district`)
 * @param districts - the city's districts (only their `id` and `name` are read; rows in this order, and a last row `id: null` when some residents live in none)
 * @returns rows of means per resident and day
 * @throws {InvalidInputError} residents and metrics of different sizes, or a district index out of range
 * @example
 * const table = districtExposure(persons, residents, city.districts);
 * table.rows[0].meanPIdentified;
 * @remarks O(numPersons · numDays + districts).
 */
export function districtExposure(persons: PersonDayMetrics, residents: Residents, districts: readonly Pick<District, 'id' | 'name'>[]): DistrictExposureTable {
  const origin = 'districtExposure';
  if (typeof persons !== 'object' || persons === null || !(persons.sightings instanceof Float64Array)) throw new InvalidInputError(origin, 'persons', 'must be a PersonDayMetrics (computePersonMetrics)', persons);
  if (typeof residents !== 'object' || residents === null || !(residents.district instanceof Uint16Array)) throw new InvalidInputError(origin, 'residents', 'must be Residents (createResidents)', residents);
  if (!Array.isArray(districts)) throw new InvalidInputError(origin, 'districts', 'must be an array of districts', districts);
  if (residents.numResidents !== persons.numPersons) throw new InvalidInputError(origin, 'residents.numResidents', `must equal persons.numPersons (${persons.numPersons})`, residents.numResidents);
  const nd = districts.length;
  const G = nd + 1; // last group: no district
  const count = new Float64Array(G), sight = new Float64Array(G), ident = new Float64Array(G), dist = new Float64Array(G), pid = new Float64Array(G);
  const len = new Float64Array(G), obs = new Float64Array(G), gap = new Float64Array(G), travelled = new Float64Array(G);
  const days = persons.numDays;
  for (let p = 0; p < persons.numPersons; p++) {
    const d = residents.district[p];
    if (d !== NO_DISTRICT && d >= nd) throw new InvalidInputError(origin, `residents.district[${p}]`, `must be < districts.length (${nd}) or NO_DISTRICT`, d);
    const g = d === NO_DISTRICT ? nd : d;
    count[g]++;
    for (let k = 0; k < days; k++) {
      const r = p * days + k;
      sight[g] += persons.sightings[r];
      ident[g] += persons.identified[r];
      dist[g] += persons.distinctCameras[r];
      pid[g] += persons.pIdentified[r];
      len[g] += persons.length[r];
      obs[g] += persons.observedLength[r];
      if (persons.trips[r] > 0) {
        gap[g] += persons.longestGap[r];
        travelled[g]++;
      }
    }
  }
  const rows: DistrictExposureRow[] = [];
  for (let g = 0; g < G; g++) {
    if (g === nd && count[g] === 0) continue;
    const n = count[g] * days;
    rows.push({
      id: g < nd ? districts[g].id : null,
      name: g < nd ? districts[g].name : '(no district)',
      residents: count[g],
      meanSightings: n > 0 ? sight[g] / n : 0,
      meanIdentified: n > 0 ? ident[g] / n : 0,
      meanDistinctCameras: n > 0 ? dist[g] / n : 0,
      meanPIdentified: n > 0 ? pid[g] / n : 0,
      observedFraction: len[g] > 0 ? Math.min(1, obs[g] / len[g]) : 0,
      meanLongestGap: travelled[g] > 0 ? gap[g] / travelled[g] : 0,
    });
  }
  return { rows, numDays: days };
}

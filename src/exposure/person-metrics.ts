/**
 * Exposure per person and day, aggregated from per-trip metrics: everybody
 * counts, including residents who made no trip that day (all zeros).
 */
import { InvalidInputError } from '../core/errors.js';
import { requireInteger, requireObject } from '../core/validate.js';
import type { TripMetrics } from './trip-metrics.js';

/**
 * Metrics per (person, day): row `person · numDays + day`. Sightings,
 * identified and distinct cameras are summed over the day's trips (distinct
 * cameras counted once per day); the observed share is Σ observed / Σ length;
 * the longest unobserved stretch is the longest of any trip (stretches never
 * span two trips: between trips the person is at a destination); the
 * probability of being identified at least once is 1 − Π over the day's
 * captures of (1 − pIdentify).
 */
export interface PersonDayMetrics {
  readonly numPersons: number;
  readonly numDays: number;
  readonly trips: Uint16Array;
  readonly sightings: Float64Array;
  readonly identified: Float64Array;
  readonly distinctCameras: Float64Array;
  readonly length: Float64Array;
  readonly observedLength: Float64Array;
  /** observedLength / length (0 for a person who did not travel). */
  readonly observedFraction: Float64Array;
  readonly longestGap: Float64Array;
  readonly longestGapSeconds: Float64Array;
  readonly pIdentified: Float64Array;
  /** Expected face searches (see TripMetrics.faceSearches). */
  readonly faceSearches: Float64Array;
}

/** Options of {@link computePersonMetrics}. */
export interface PersonMetricsOptions {
  /** Number of persons (e.g. residents.numResidents); every trip's person must be below it. */
  numPersons: number;
  /** Number of days (default: the largest day in the trips + 1, at least 1). */
  numDays?: number;
}

/**
 * Aggregates per-trip metrics into per-person-day metrics.
 *
 * @param trips - per-trip metrics (computeTripMetrics or the population pipeline)
 * @param options - `numPersons` (required), `numDays`
 * @returns a {@link PersonDayMetrics} with numPersons · numDays rows
 * @throws {InvalidInputError} numPersons/numDays not positive integers, a trip's person ≥ numPersons or day ≥ numDays
 * @example
 * const pd = computePersonMetrics(tripMetrics, { numPersons: residents.numResidents });
 * pd.pIdentified[personId]; // day 0
 * @remarks O(trips + distinct cameras per trip + numPersons · numDays); one scratch array per camera.
 */
export function computePersonMetrics(trips: TripMetrics, options: PersonMetricsOptions): PersonDayMetrics {
  const origin = 'computePersonMetrics';
  const o = requireObject(origin, 'options', options) as unknown as PersonMetricsOptions;
  if (typeof trips !== 'object' || trips === null || !(trips.cameraStart instanceof Uint32Array) || !(trips.cameraRow instanceof Uint32Array)) {
    throw new InvalidInputError(origin, 'trips', 'must be a TripMetrics (computeTripMetrics)', trips);
  }
  const np = requireInteger(origin, 'options.numPersons', o.numPersons, 1);
  const nt = trips.numTrips;
  let maxDay = 0;
  for (let t = 0; t < nt; t++) {
    if (trips.day[t] > maxDay) maxDay = trips.day[t];
    if (trips.person[t] >= np) throw new InvalidInputError(origin, `trips.person[${t}]`, `must be < options.numPersons (${np})`, trips.person[t]);
  }
  const nd = o.numDays === undefined ? maxDay + 1 : requireInteger(origin, 'options.numDays', o.numDays, 1);
  if (maxDay >= nd) throw new InvalidInputError(origin, 'options.numDays', `must exceed every trip's day (largest ${maxDay})`, nd);
  const rows = np * nd;
  const out = {
    numPersons: np,
    numDays: nd,
    trips: new Uint16Array(rows),
    sightings: new Float64Array(rows),
    identified: new Float64Array(rows),
    distinctCameras: new Float64Array(rows),
    length: new Float64Array(rows),
    observedLength: new Float64Array(rows),
    observedFraction: new Float64Array(rows),
    longestGap: new Float64Array(rows),
    longestGapSeconds: new Float64Array(rows),
    pIdentified: new Float64Array(rows),
    faceSearches: new Float64Array(rows),
  };
  const logNot = new Float64Array(rows);
  // Trips grouped by row (counting sort, stable: trip order within a row).
  const rowStart = new Uint32Array(rows + 1);
  for (let t = 0; t < nt; t++) rowStart[trips.person[t] * nd + trips.day[t] + 1]++;
  for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
  const order = new Uint32Array(nt);
  const fill = rowStart.slice(0, rows);
  for (let t = 0; t < nt; t++) order[fill[trips.person[t] * nd + trips.day[t]]++] = t;
  // Distinct cameras per row: stamp per camera, product of misses per camera.
  const nc = trips.numCameras;
  const stamp = new Uint32Array(nc);
  const slotMiss = new Float64Array(nc);
  const listed = new Uint32Array(nc);
  const miss = trips.cameraMiss;
  for (let r = 0; r < rows; r++) {
    const a = rowStart[r];
    const b = rowStart[r + 1];
    if (a === b) continue;
    let numListed = 0;
    let searches = 0;
    let sightings = 0, identified = 0, length = 0, observed = 0, gap = 0, gapS = 0, ln = 0;
    for (let k = a; k < b; k++) {
      const t = order[k];
      sightings += trips.sightings[t];
      searches += trips.faceSearches[t];
      identified += trips.identified[t];
      length += trips.length[t];
      observed += trips.observedLength[t];
      if (trips.longestGap[t] > gap) gap = trips.longestGap[t];
      if (trips.longestGapSeconds[t] > gapS) gapS = trips.longestGapSeconds[t];
      const p = trips.pIdentified[t];
      ln += p >= 1 ? -Infinity : Math.log1p(-p);
      const row = trips.cameraRow[t];
      for (let j = trips.cameraStart[row]; j < trips.cameraStart[row + 1]; j++) {
        const c = trips.cameraList[j];
        const m = miss === null ? 0 : miss[j];
        if (stamp[c] !== r + 1) {
          stamp[c] = r + 1;
          slotMiss[c] = m;
          listed[numListed++] = c;
        } else {
          slotMiss[c] *= m;
        }
      }
    }
    let distinct = 0;
    for (let i = 0; i < numListed; i++) distinct += 1 - slotMiss[listed[i]];
    out.trips[r] = b - a;
    out.sightings[r] = sightings;
    out.faceSearches[r] = searches;
    out.identified[r] = identified;
    out.distinctCameras[r] = distinct;
    out.length[r] = length;
    out.observedLength[r] = observed;
    out.observedFraction[r] = length > 0 ? Math.min(1, observed / length) : 0;
    out.longestGap[r] = gap;
    out.longestGapSeconds[r] = gapS;
    logNot[r] = ln;
    out.pIdentified[r] = -Math.expm1(ln) + 0;
  }
  return out;
}

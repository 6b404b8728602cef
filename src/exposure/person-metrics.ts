/**
 * Exposure per person and day, aggregated from per-trip metrics: everybody
 * counts, including residents who made no trip that day (all zeros).
 */
import { InvalidInputError } from '../core/errors.js';
import { requireInteger, requireObject } from '../core/validate.js';
import type { TripCameraBlock, TripMetrics } from './trip-metrics.js';

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
  return aggregatePersonDays(trips, options);
}

/** @internal Trips grouped by person-day row: row r's trips are `order[rowStart[r]]` … `order[rowStart[r + 1] − 1]` (trip order within a row). */
export interface PersonDayRows {
  readonly numRows: number;
  readonly rowStart: Uint32Array;
  readonly order: Uint32Array;
}

/** @internal Where the camera lists of the trips are: TripMetrics' blocks, rows and the camera count. */
export interface TripCameraLists {
  readonly numCameras: number;
  readonly cameraBlocks: readonly TripCameraBlock[];
  readonly cameraBlock: Uint32Array;
  readonly cameraRow: Uint32Array;
}

/** @internal Per-thread scratch of {@link distinctCamerasOfRows} (one slot per camera). */
export interface DistinctScratch {
  stamp: Uint32Array;
  slotMiss: Float64Array;
  listed: Uint32Array;
}

/** @internal Scratch sized to `numCameras`. */
export function distinctScratch(numCameras: number): DistinctScratch {
  return { stamp: new Uint32Array(numCameras), slotMiss: new Float64Array(numCameras), listed: new Uint32Array(numCameras) };
}

/**
 * @internal Expected distinct cameras of person-day rows `r0` … `r1 − 1`
 * into `out[r]`: Σ over the cameras on the row's trips of
 * 1 − Π (their miss probabilities), cameras in order of first listing (so the
 * sum is the same floating-point value whoever computes it). Rows without
 * trips are left untouched.
 */
export function distinctCamerasOfRows(lists: TripCameraLists, rows: PersonDayRows, r0: number, r1: number, out: Float64Array, scratch: DistinctScratch): void {
  const { stamp, slotMiss, listed } = scratch;
  const blocks = lists.cameraBlocks;
  const nb = blocks.length;
  const starts: Uint32Array[] = new Array(nb);
  const cams: Uint32Array[] = new Array(nb);
  const misses: (Float64Array | null)[] = new Array(nb);
  let binary = true;
  for (let b = 0; b < nb; b++) {
    starts[b] = blocks[b].start;
    cams[b] = blocks[b].list;
    misses[b] = blocks[b].miss;
    if (blocks[b].miss !== null) binary = false;
  }
  const { rowStart, order } = rows;
  const tBlock = lists.cameraBlock;
  const tRow = lists.cameraRow;
  for (let r = r0; r < r1; r++) {
    const a = rowStart[r];
    const e = rowStart[r + 1];
    if (a === e) continue;
    const mark = r + 1;
    if (binary) {
      // Every listed camera saw the trip for sure: count the distinct ones.
      let count = 0;
      for (let k = a; k < e; k++) {
        const t = order[k];
        const b = tBlock[t];
        const row = tRow[t];
        const st = starts[b];
        const list = cams[b];
        for (let j = st[row], je = st[row + 1]; j < je; j++) {
          const c = list[j];
          if (stamp[c] !== mark) {
            stamp[c] = mark;
            count++;
          }
        }
      }
      out[r] = count;
      continue;
    }
    let numListed = 0;
    for (let k = a; k < e; k++) {
      const t = order[k];
      const b = tBlock[t];
      const row = tRow[t];
      const st = starts[b];
      const list = cams[b];
      const miss = misses[b];
      for (let j = st[row], je = st[row + 1]; j < je; j++) {
        const c = list[j];
        const m = miss === null ? 0 : miss[j];
        if (stamp[c] !== mark) {
          stamp[c] = mark;
          slotMiss[c] = m;
          listed[numListed++] = c;
        } else {
          slotMiss[c] *= m;
        }
      }
    }
    let distinct = 0;
    for (let i = 0; i < numListed; i++) distinct += 1 - slotMiss[listed[i]];
    out[r] = distinct;
  }
}

/**
 * @internal computePersonMetrics, with the distinct cameras per row
 * optionally computed by `distinct` (e.g. on several threads; it must return
 * the values distinctCamerasOfRows gives, for every row with trips).
 */
export function aggregatePersonDays(
  trips: TripMetrics,
  options: PersonMetricsOptions,
  distinct?: (rows: PersonDayRows) => Float64Array,
): PersonDayMetrics {
  const origin = 'computePersonMetrics';
  const o = requireObject(origin, 'options', options) as unknown as PersonMetricsOptions;
  if (typeof trips !== 'object' || trips === null || !Array.isArray(trips.cameraBlocks) || !(trips.cameraBlock instanceof Uint32Array) || !(trips.cameraRow instanceof Uint32Array)) {
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
  // Trips grouped by row (counting sort, stable: trip order within a row).
  const rowStart = new Uint32Array(rows + 1);
  for (let t = 0; t < nt; t++) rowStart[trips.person[t] * nd + trips.day[t] + 1]++;
  for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
  const order = new Uint32Array(nt);
  const fill = rowStart.slice(0, rows);
  for (let t = 0; t < nt; t++) order[fill[trips.person[t] * nd + trips.day[t]]++] = t;
  const groups: PersonDayRows = { numRows: rows, rowStart, order };
  if (distinct === undefined) distinctCamerasOfRows(trips, groups, 0, rows, out.distinctCameras, distinctScratch(trips.numCameras));
  else out.distinctCameras.set(distinct(groups));
  for (let r = 0; r < rows; r++) {
    const a = rowStart[r];
    const b = rowStart[r + 1];
    if (a === b) {
      out.distinctCameras[r] = 0;
      continue;
    }
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
    }
    out.trips[r] = b - a;
    out.sightings[r] = sightings;
    out.faceSearches[r] = searches;
    out.identified[r] = identified;
    out.length[r] = length;
    out.observedLength[r] = observed;
    out.observedFraction[r] = length > 0 ? Math.min(1, observed / length) : 0;
    out.longestGap[r] = gap;
    out.longestGapSeconds[r] = gapS;
    out.pIdentified[r] = -Math.expm1(ln) + 0;
  }
  return out;
}

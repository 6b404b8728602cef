/**
 * Exposure per person and day, aggregated from per-trip metrics: everybody
 * counts, including residents who made no trip that day (all zeros).
 */
import { InvalidInputError } from '../core/index.js';
import { quantileSummaryInto, requireInteger, requireObject, checkOptions, optionKeys } from '../core/internal.js';
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

/** The options computePersonMetrics knows (its unknown options are refused). */
const COMPUTE_PERSON_METRICS_OPTION_KEYS = optionKeys<PersonMetricsOptions>()({}, ['numPersons', 'numDays']);

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
  checkOptions('computePersonMetrics', options, COMPUTE_PERSON_METRICS_OPTION_KEYS);
  return aggregatePersonDays(trips, options);
}

/** @internal Trips grouped by person-day row: row r's trips are `order[rowStart[r]]` … `order[rowStart[r + 1] − 1]` (trip order within a row). */
export interface PersonDayRows {
  readonly numRows: number;
  readonly rowStart: Uint32Array;
  readonly order: Uint32Array;
}

/** @internal What the person-day aggregation reads of the trips: metric columns and camera lists. */
export type PersonDayInput = Pick<
  TripMetrics,
  'numCameras' | 'cameraBlocks' | 'cameraBlock' | 'cameraRow' | 'sightings' | 'faceSearches' | 'identified' | 'length' | 'observedLength' | 'longestGap' | 'longestGapSeconds' | 'pIdentified'
>;

/** @internal The per-row output columns of the person-day aggregation. */
export type PersonDayColumns = Omit<PersonDayMetrics, 'numPersons' | 'numDays'>;

/** @internal Zeroed person-day columns for `rows` rows (on SharedArrayBuffers with `shared`). */
export function personDayColumns(rows: number, shared: boolean): PersonDayColumns {
  const f64 = () => (shared ? new Float64Array(new SharedArrayBuffer(8 * rows)) : new Float64Array(rows));
  return {
    trips: shared ? new Uint16Array(new SharedArrayBuffer(2 * rows)) : new Uint16Array(rows),
    sightings: f64(), identified: f64(), distinctCameras: f64(), length: f64(), observedLength: f64(), observedFraction: f64(),
    longestGap: f64(), longestGapSeconds: f64(), pIdentified: f64(), faceSearches: f64(),
  };
}

/** @internal Per-thread scratch of {@link aggregateRows} (one slot per camera). */
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
 * @internal Trips grouped by person-day row `person · numDays + day` (counting sort, stable: trip order
 * within a row). The trips' persons and days must be in range (checked by the caller). O(trips + rows).
 */
export function groupTripsByRow(trips: Pick<TripMetrics, 'numTrips' | 'person' | 'day'>, numRows: number, numDays: number): PersonDayRows {
  const nt = trips.numTrips;
  const { person, day } = trips;
  const rowStart = new Uint32Array(numRows + 1);
  for (let t = 0; t < nt; t++) rowStart[person[t] * numDays + day[t] + 1]++;
  for (let r = 0; r < numRows; r++) rowStart[r + 1] += rowStart[r];
  const order = new Uint32Array(nt);
  const fill = rowStart.slice(0, numRows);
  for (let t = 0; t < nt; t++) order[fill[person[t] * numDays + day[t]]++] = t;
  return { numRows, rowStart, order };
}

/**
 * @internal The identification columns of person-day rows `r0` … `r1 − 1` alone (expected identified
 * captures and P(identified at least once)), from the trips' `identified` and `pIdentified`, with the
 * arithmetic of {@link aggregateRows} (same order, same bits; rows without trips are left untouched).
 * rescorePopulationExposure uses it after changing the rates.
 */
export function identificationRows(
  tIdentified: Float64Array, tP: Float64Array, rows: PersonDayRows, r0: number, r1: number, outIdentified: Float64Array, outP: Float64Array,
): void {
  const { rowStart, order } = rows;
  for (let r = r0; r < r1; r++) {
    const a = rowStart[r];
    const e = rowStart[r + 1];
    if (a === e) continue;
    let identified = 0, ln = 0;
    for (let k = a; k < e; k++) {
      const t = order[k];
      identified += tIdentified[t];
      const p = tP[t];
      ln += p >= 1 ? -Infinity : Math.log1p(-p);
    }
    outIdentified[r] = identified;
    outP[r] = -Math.expm1(ln) + 0;
  }
}

/**
 * @internal Aggregates person-day rows `r0` … `r1 − 1` into `out` (rows
 * without trips are left untouched, i.e. zero). Distinct cameras are
 * Σ over the cameras on the row's trips of 1 − Π (their miss probabilities),
 * cameras in order of first listing; every value is computed in the same order
 * whoever computes it, so ranges can run on different threads. The identified
 * and pIdentified sums are those of {@link identificationRows} (keep them alike).
 */
export function aggregateRows(trips: PersonDayInput, rows: PersonDayRows, r0: number, r1: number, out: PersonDayColumns, scratch: DistinctScratch): void {
  const { stamp, slotMiss, listed } = scratch;
  const blocks = trips.cameraBlocks;
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
  const tBlock = trips.cameraBlock;
  const tRow = trips.cameraRow;
  const tSightings = trips.sightings, tSearches = trips.faceSearches, tIdentified = trips.identified, tLength = trips.length;
  const tObserved = trips.observedLength, tGap = trips.longestGap, tGapS = trips.longestGapSeconds, tP = trips.pIdentified;
  for (let r = r0; r < r1; r++) {
    const a = rowStart[r];
    const e = rowStart[r + 1];
    if (a === e) continue;
    const mark = r + 1;
    let searches = 0;
    let sightings = 0, identified = 0, length = 0, observed = 0, gap = 0, gapS = 0, ln = 0;
    let count = 0;
    let numListed = 0;
    for (let k = a; k < e; k++) {
      const t = order[k];
      sightings += tSightings[t];
      searches += tSearches[t];
      identified += tIdentified[t];
      length += tLength[t];
      observed += tObserved[t];
      if (tGap[t] > gap) gap = tGap[t];
      if (tGapS[t] > gapS) gapS = tGapS[t];
      const p = tP[t];
      ln += p >= 1 ? -Infinity : Math.log1p(-p);
      const b = tBlock[t];
      const row = tRow[t];
      const st = starts[b];
      const list = cams[b];
      if (binary) {
        // Every listed camera saw the trip for sure: count the distinct ones.
        for (let j = st[row], je = st[row + 1]; j < je; j++) {
          const c = list[j];
          if (stamp[c] !== mark) {
            stamp[c] = mark;
            count++;
          }
        }
        continue;
      }
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
    let distinct = count;
    if (!binary) {
      distinct = 0;
      for (let i = 0; i < numListed; i++) distinct += 1 - slotMiss[listed[i]];
    }
    out.trips[r] = e - a;
    out.sightings[r] = sightings;
    out.faceSearches[r] = searches;
    out.identified[r] = identified;
    out.distinctCameras[r] = distinct;
    out.length[r] = length;
    out.observedLength[r] = observed;
    out.observedFraction[r] = length > 0 ? Math.min(1, observed / length) : 0;
    out.longestGap[r] = gap;
    out.longestGapSeconds[r] = gapS;
    out.pIdentified[r] = -Math.expm1(ln) + 0;
  }
}

/**
 * @internal computePersonMetrics, with the rows optionally aggregated by
 * `aggregate` (e.g. on several threads; it must fill the columns it is given
 * as aggregateRows over every row does).
 */
export function aggregatePersonDays(
  trips: TripMetrics,
  options: PersonMetricsOptions,
  aggregate?: (rows: PersonDayRows) => PersonDayColumns,
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
  const groups = groupTripsByRow(trips, rows, nd);
  let out: PersonDayColumns;
  if (aggregate === undefined) {
    out = personDayColumns(rows, false);
    aggregateRows(trips, groups, 0, rows, out, distinctScratch(trips.numCameras));
  } else {
    out = aggregate(groups);
  }
  return { numPersons: np, numDays: nd, ...out };
}

/**
 * @internal Mean, min, max and the quantiles `qs` (type 7, simple-statistics'
 * quantileSorted) of `values`, written to `out[at]` … `out[at + 2 + qs.length]`
 * as [mean, min, max, q…] by the core layer's quantile summary on a sorted
 * copy: the mean sums the sorted values, so the result is the same whichever
 * thread computes it. All zeros for no values.
 */
export function columnStats(values: Float64Array, qs: readonly number[], out: Float64Array, at: number): void {
  quantileSummaryInto(values, qs, out, at, { method: 'sort' });
}

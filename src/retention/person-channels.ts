/**
 * Per person and day, what the exposure layer's trips say about each
 * identification channel (faces for pedestrians, plates for cars): the input
 * of the history and access analyses at population scale.
 *
 * The retention layer sits below mobility and exposure, so it reads their
 * results through the structural type {@link RetentionTripsInput}: the
 * exposure layer's `TripMetrics` (and `PopulationExposure.trips`) fits it.
 */
import { InvalidInputError } from '../core/index.js';
import { requireInteger, requireObject, checkOptions, optionKeys } from '../core/internal.js';

/** Travel modes as the mobility layer numbers them (MODE_WALK = 0, MODE_CAR = 1). */
export const RETENTION_MODE_WALK = 0;
export const RETENTION_MODE_CAR = 1;

/** Per-trip columns the retention analyses read (TripMetrics fits this). */
export interface RetentionTripsInput {
  readonly numTrips: number;
  readonly person: Uint32Array;
  readonly day: Uint16Array;
  /** 0 = walk (face channel), 1 = car (plate channel). */
  readonly mode: Uint8Array;
  /** Expected captures (sightings) on the trip. */
  readonly sightings: Float64Array;
  /** Expected identifying captures. */
  readonly identified: Float64Array;
  /** Probability the trip identifies the person at least once. */
  readonly pIdentified: Float64Array;
}

/** Rows `person · numDays + day`. */
export interface PersonChannelDays {
  readonly numPersons: number;
  readonly numDays: number;
  /** Expected captures of every kind (what video holds). */
  readonly captures: Float64Array;
  /** Expected identifying face captures (walk trips). */
  readonly faceIdentified: Float64Array;
  /** Expected identifying plate captures (car trips). */
  readonly plateIdentified: Float64Array;
  /** Walk and car trips. */
  readonly faceTrips: Uint16Array;
  readonly plateTrips: Uint16Array;
  /** Σ pIdentified over the day's walk (car) trips: expected trips that identify. */
  readonly faceTripsIdentified: Float64Array;
  readonly plateTripsIdentified: Float64Array;
  /** Σ log(1 − pIdentified) over the day's walk (car) trips: log P(not identified that day through the channel); −Infinity when certain. */
  readonly faceLogMiss: Float64Array;
  readonly plateLogMiss: Float64Array;
}

/** Options of {@link personChannelDays}. */
export interface PersonChannelDaysOptions {
  numPersons: number;
  /** Days simulated (default: largest trip day + 1, at least 1). */
  numDays?: number;
}

const ORIGIN = 'personChannelDays';

/** Throws the error for trip row `i` (cold path of the one-pass loop). */
function badRow(t: RetentionTripsInput, i: number, numPersons: number, numDays: number): never {
  if (t.person[i] >= numPersons) throw new InvalidInputError(ORIGIN, `trips.person[${i}]`, `must be < numPersons (${numPersons})`, t.person[i]);
  if (t.day[i] >= numDays) throw new InvalidInputError(ORIGIN, `trips.day[${i}]`, `must be < numDays (${numDays})`, t.day[i]);
  if (t.mode[i] > 1) throw new InvalidInputError(ORIGIN, `trips.mode[${i}]`, 'must be 0 (walk) or 1 (car)', t.mode[i]);
  const p = t.pIdentified[i];
  if (!(p >= 0 && p <= 1)) throw new InvalidInputError(ORIGIN, `trips.pIdentified[${i}]`, 'must be a probability in [0, 1]', p);
  if (!(t.sightings[i] >= 0 && t.sightings[i] < Infinity)) throw new InvalidInputError(ORIGIN, `trips.sightings[${i}]`, 'must be a finite number >= 0', t.sightings[i]);
  throw new InvalidInputError(ORIGIN, `trips.identified[${i}]`, 'must be a finite number >= 0', t.identified[i]);
}

/** The options personChannelDays knows (its unknown options are refused). */
const PERSON_CHANNEL_DAYS_OPTION_KEYS = optionKeys<PersonChannelDaysOptions>()({}, ['numPersons', 'numDays']);

/**
 * Aggregates per-trip exposure into per-person-day figures per channel.
 *
 * @param trips - per-trip metrics (e.g. `computePopulationExposure(...).trips`)
 * @param options - `numPersons` (required), `numDays`
 * @returns a {@link PersonChannelDays}
 * @throws {InvalidInputError} malformed trips, a person ≥ numPersons, a day ≥ numDays, an unknown mode, a
 *   probability outside [0, 1] or a negative count
 * @example
 * const pc = personChannelDays(exposure.trips, { numPersons: exposure.numResidents, numDays: exposure.numDays });
 * @remarks O(trips + numPersons · numDays).
 */
export function personChannelDays(trips: RetentionTripsInput, options: PersonChannelDaysOptions): PersonChannelDays {
  checkOptions('personChannelDays', options, PERSON_CHANNEL_DAYS_OPTION_KEYS);
  const o = requireObject(ORIGIN, 'options', options);
  const numPersons = requireInteger(ORIGIN, 'options.numPersons', o.numPersons, 1);
  const t = requireObject(ORIGIN, 'trips', trips) as unknown as RetentionTripsInput;
  const n = requireInteger(ORIGIN, 'trips.numTrips', t.numTrips, 0);
  const cols: [keyof RetentionTripsInput, unknown][] = [
    ['person', Uint32Array], ['day', Uint16Array], ['mode', Uint8Array],
    ['sightings', Float64Array], ['identified', Float64Array], ['pIdentified', Float64Array],
  ];
  for (const [name, ctor] of cols) {
    const col = t[name] as unknown;
    if (!(col instanceof (ctor as typeof Uint8Array)) || (col as Uint8Array).length < n) {
      throw new InvalidInputError(ORIGIN, `trips.${String(name)}`, `must be a ${(ctor as { name: string }).name} of length >= numTrips (${n})`, col);
    }
  }
  let numDays: number;
  if (o.numDays === undefined) {
    let maxDay = 0;
    for (let i = 0; i < n; i++) if (t.day[i] > maxDay) maxDay = t.day[i];
    numDays = maxDay + 1;
  } else {
    numDays = requireInteger(ORIGIN, 'options.numDays', o.numDays, 1);
  }
  const rows = numPersons * numDays;
  const captures = new Float64Array(rows);
  const faceIdentified = new Float64Array(rows);
  const plateIdentified = new Float64Array(rows);
  const faceTrips = new Uint16Array(rows);
  const plateTrips = new Uint16Array(rows);
  const faceTripsIdentified = new Float64Array(rows);
  const plateTripsIdentified = new Float64Array(rows);
  const faceLogMiss = new Float64Array(rows);
  const plateLogMiss = new Float64Array(rows);
  const { person, day, mode, sightings, identified, pIdentified } = t;
  // One pass: checks and sums together. A bad row throws before anything is returned, so the partial
  // sums are never seen. The checks are written so that NaN fails them (negated comparisons).
  for (let i = 0; i < n; i++) {
    const pe = person[i];
    const d = day[i];
    const m = mode[i];
    const p = pIdentified[i];
    const si = sightings[i];
    const id = identified[i];
    if (pe >= numPersons || d >= numDays || m > 1 || !(p >= 0 && p <= 1) || !(si >= 0 && si < Infinity) || !(id >= 0 && id < Infinity)) badRow(t, i, numPersons, numDays);
    const row = pe * numDays + d;
    captures[row] += si;
    // log1p(−0) is 0: skip the call for trips that never identify (most of them in sparse networks).
    const lm = p > 0 ? Math.log1p(-p) : 0;
    if (m === RETENTION_MODE_WALK) {
      faceIdentified[row] += id;
      faceTrips[row]++;
      faceTripsIdentified[row] += p;
      faceLogMiss[row] += lm;
    } else {
      plateIdentified[row] += id;
      plateTrips[row]++;
      plateTripsIdentified[row] += p;
      plateLogMiss[row] += lm;
    }
  }
  return { numPersons, numDays, captures, faceIdentified, plateIdentified, faceTrips, plateTrips, faceTripsIdentified, plateTripsIdentified, faceLogMiss, plateLogMiss };
}

/**
 * Σ of a per-person-day column over the last `days` days before now, for one
 * person. The simulated days repeat (day `numDays − 1` is yesterday, then
 * `numDays − 2`, …, cycling), and a fractional last day counts in proportion
 * (captures spread evenly over the day). Used for expected counts on file.
 *
 * @param column - a per-person-day column (rows person · numDays + day)
 * @param numDays - days per person in the column
 * @param person - the person
 * @param days - how far back, in days (≥ 0, finite)
 * @returns the sum (0 when days = 0)
 * @throws {InvalidInputError} days negative or not finite
 * @remarks O(min(days, numDays)).
 */
export function sumWithin(column: Float64Array | Uint16Array, numDays: number, person: number, days: number): number {
  if (!(days >= 0 && days < Infinity)) throw new InvalidInputError('sumWithin', 'days', 'must be a finite number >= 0', days);
  const base = person * numDays;
  const whole = Math.floor(days);
  const cycles = Math.floor(whole / numDays);
  const rest = whole - cycles * numDays;
  let sum = 0;
  if (cycles > 0) {
    let all = 0;
    for (let d = 0; d < numDays; d++) all += column[base + d];
    sum = cycles * all;
  }
  // The newest `rest` days of a cycle: days numDays − 1 down to numDays − rest.
  for (let j = 0; j < rest; j++) sum += column[base + numDays - 1 - j];
  const w = days - whole;
  if (w > 0) sum += w * column[base + numDays - 1 - rest];
  return sum;
}

/**
 * log P(not identified) over the last `days` days, from a per-person-day
 * log-miss column (faceLogMiss or plateLogMiss), cycling the simulated days
 * as {@link sumWithin} does. Days are independent; a fractional last day of
 * weight w counts as log(1 − w · P(identified that day)) — exact when the
 * day's trips happen at one uniformly random time, an approximation
 * otherwise. Whole-day windows are exact. Never NaN: −Infinity when
 * identification is certain, 0 when `days` = 0.
 *
 * @param logMiss - per-person-day Σ log(1 − p)
 * @param numDays - days per person in the column
 * @param person - the person
 * @param days - how far back, in days (≥ 0, finite)
 * @returns log P(no identification in the window), in [−Infinity, 0]
 * @throws {InvalidInputError} days negative or not finite
 * @remarks O(min(days, numDays)).
 */
export function logMissWithin(logMiss: Float64Array, numDays: number, person: number, days: number): number {
  if (!(days >= 0 && days < Infinity)) throw new InvalidInputError('logMissWithin', 'days', 'must be a finite number >= 0', days);
  const base = person * numDays;
  const whole = Math.floor(days);
  const cycles = Math.floor(whole / numDays);
  const rest = whole - cycles * numDays;
  let sum = 0;
  if (cycles > 0) {
    let all = 0;
    for (let d = 0; d < numDays; d++) all += logMiss[base + d];
    sum = all === -Infinity ? -Infinity : cycles * all; // never 0 · −Infinity
  }
  for (let j = 0; j < rest; j++) sum += logMiss[base + numDays - 1 - j];
  const w = days - whole;
  if (w > 0) {
    const pDay = -Math.expm1(logMiss[base + numDays - 1 - rest]);
    sum += Math.log1p(-w * pDay);
  }
  return sum;
}

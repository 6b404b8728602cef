/**
 * City-wide event counts per day (face captures, match events, plate reads,
 * alerts) from the exposure layer's trips, scaled to the city's population:
 * the input of the storage volumes of every kind but video
 * (`retentionStorage(..., { events })`).
 *
 * The retention layer sits below exposure, so trips are read through a
 * structural type that the exposure layer's `TripMetrics` fits.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject, checkOptions, optionKeys } from '../core/internal.js';
import { RETENTION_MODE_CAR, RETENTION_MODE_WALK, type RetentionTripsInput } from './person-channels.js';

/** City-wide event counts per day: what the non-video kinds are made of. */
export interface DailyEvents {
  /** Faces captured and templated per day (every face searched, matched or not) → `faceTemplates`. */
  faceCaptures: number;
  /** Identifying face captures per day (match events) → `sightings`. */
  matchEvents: number;
  /** Identifying plate captures per day → `plateReads`. */
  plateReads: number;
  /** Watchlist alerts per day → `alerts`. */
  alerts: number;
}
/** The fields of {@link DailyEvents}. */
export const DAILY_EVENT_FIELDS: readonly (keyof DailyEvents)[] = ['faceCaptures', 'matchEvents', 'plateReads', 'alerts'];

function finite(origin: string, field: string, v: unknown, min: number, strict: boolean): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (strict ? v <= min : v < min)) {
    throw new InvalidInputError(origin, field, `must be a finite number ${strict ? '>' : '>='} ${min}`, v);
  }
  return v;
}

/** Trips as the exposure layer reports them, with expected face searches (TripMetrics fits this). */
export interface EventTripsInput extends RetentionTripsInput {
  /** Expected face searches per trip (faces captured and templated). */
  readonly faceSearches: Float64Array;
}

/** Options of {@link dailyEventRates}. */
export interface DailyEventRatesOptions {
  /** City residents per simulated resident (> 0, finite): e.g. 2,250,000 / 10,000 = 225. */
  scale: number;
  /** Alerts per day city-wide (finite ≥ 0); default faceCaptures × {@link MET_ALERTS_PER_FACE}. */
  alertsPerDay?: number;
  /** Days the trips cover (integer ≥ 1; default largest trip day + 1). */
  numDays?: number;
}

/**
 * Watchlist alerts per face scanned, London Met live facial recognition,
 * September 2024 – September 2025: 2,077 alerts for 3,147,436 faces scanned
 * (SOURCES['met-lfr-2025']) ≈ 6.6 × 10^-4. Used as the default
 * alert rate; it depends on the watchlist (Met watchlists are deployment-sized),
 * so it is an assumption for any other system.
 */
export const MET_ALERTS_PER_FACE = 2077 / 3_147_436;

/** Result of {@link dailyEventRates}. */
export interface DailyEventRates {
  /** City-wide events per day (pass as `retentionStorage(..., { events })`). */
  events: DailyEvents;
  /** The same per simulated day before scaling (sums over the trips / numDays). */
  simulated: DailyEvents;
  params: { scale: number; numDays: number; numTrips: number; alerts: 'given' | 'met-rate'; alertsPerFace: number | null };
}

/** Throws the error for trip `i` (cold path of the validation loop). */
function badTrip(origin: string, i: number, m: number, id: number, fs: number): never {
  if (m !== RETENTION_MODE_WALK && m !== RETENTION_MODE_CAR) throw new InvalidInputError(origin, `trips.mode[${i}]`, 'must be 0 (walk) or 1 (car)', m);
  if (!(id >= 0 && id < Infinity)) throw new InvalidInputError(origin, `trips.identified[${i}]`, 'must be a finite number >= 0', id);
  throw new InvalidInputError(origin, `trips.faceSearches[${i}]`, 'must be a finite number >= 0', fs);
}

/** The options dailyEventRates knows (its unknown options are refused). */
const DAILY_EVENT_RATES_OPTION_KEYS = optionKeys<DailyEventRatesOptions>()({}, ['scale', 'alertsPerDay', 'numDays']);

/**
 * City-wide events per day from the exposure layer's trips, scaled to the
 * city's population: faceCaptures = Σ faceSearches (templates extracted),
 * matchEvents = Σ identified over walk trips (identified face captures),
 * plateReads = Σ identified over car trips (identified plate captures), each
 * divided by the days simulated and multiplied by `scale`; alerts = the given
 * `alertsPerDay`, else faceCaptures × {@link MET_ALERTS_PER_FACE}.
 *
 * @param trips - per-trip columns (e.g. `computePopulationExposure(...).trips`)
 * @param options - scale (required), alertsPerDay, numDays
 * @returns events per day city-wide and per simulated day, with params
 * @throws {InvalidInputError} malformed trips (a column that is not the right typed array or is shorter
 *   than numTrips, a mode other than walk/car, a negative or non-finite count, a day ≥ numDays), a bad
 *   scale, alertsPerDay or numDays
 * @example
 * const rates = dailyEventRates(exposure.trips, { scale: 2_250_000 / exposure.numResidents });
 * retentionStorage(retentionPreset('almaty-assumed'), network, { events: rates.events });
 * @remarks O(trips), one pass.
 */
export function dailyEventRates(trips: EventTripsInput, options: DailyEventRatesOptions): DailyEventRates {
  checkOptions('dailyEventRates', options, DAILY_EVENT_RATES_OPTION_KEYS);
  const origin = 'dailyEventRates';
  const o = requireObject(origin, 'options', options);
  const scale = finite(origin, 'options.scale', o.scale, 0, true);
  const alertsPerDay = o.alertsPerDay === undefined ? undefined : finite(origin, 'options.alertsPerDay', o.alertsPerDay, 0, false);
  const t = requireObject(origin, 'trips', trips) as unknown as EventTripsInput;
  const n = t.numTrips;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new InvalidInputError(origin, 'trips.numTrips', 'must be an integer >= 0', n);
  const cols: [keyof EventTripsInput, { name: string }][] = [
    ['day', Uint16Array], ['mode', Uint8Array], ['identified', Float64Array], ['faceSearches', Float64Array],
  ];
  for (const [name, ctor] of cols) {
    const col = t[name] as unknown;
    if (!(col instanceof (ctor as typeof Uint8Array)) || (col as Uint8Array).length < n) {
      throw new InvalidInputError(origin, `trips.${String(name)}`, `must be a ${ctor.name} of length >= numTrips (${n})`, col);
    }
  }
  const { day, mode, identified, faceSearches } = t;
  let maxDay = 0;
  let face = 0;
  // Identified captures by mode, summed without a branch on the (unpredictable) mode: acc[0] walk, acc[1] car.
  const acc = new Float64Array(2);
  const maxMode = RETENTION_MODE_CAR; // local copy: no module-binding load in the loop
  for (let i = 0; i < n; i++) {
    const m = mode[i];
    const id = identified[i];
    const fs = faceSearches[i];
    // One predictable test per trip; the cold path names the item (RETENTION_MODE_WALK = 0, RETENTION_MODE_CAR = 1).
    if (!(m <= maxMode && id >= 0 && id < Infinity && fs >= 0 && fs < Infinity)) badTrip(origin, i, m, id, fs);
    const d = day[i];
    if (d > maxDay) maxDay = d;
    face += fs;
    acc[m] += id;
  }
  const walkId = acc[RETENTION_MODE_WALK];
  const carId = acc[RETENTION_MODE_CAR];
  let numDays = maxDay + 1;
  if (o.numDays !== undefined) {
    const nd = o.numDays;
    if (typeof nd !== 'number' || !Number.isInteger(nd) || nd < 1) throw new InvalidInputError(origin, 'options.numDays', 'must be an integer >= 1', nd);
    if (n > 0 && maxDay >= nd) throw new InvalidInputError(origin, 'options.numDays', `must be > the largest trip day (${maxDay})`, nd);
    numDays = nd;
  }
  const simulated: DailyEvents = { faceCaptures: face / numDays, matchEvents: walkId / numDays, plateReads: carId / numDays, alerts: 0 };
  const events: DailyEvents = { faceCaptures: simulated.faceCaptures * scale, matchEvents: simulated.matchEvents * scale, plateReads: simulated.plateReads * scale, alerts: 0 };
  if (alertsPerDay === undefined) {
    events.alerts = events.faceCaptures * MET_ALERTS_PER_FACE;
    simulated.alerts = simulated.faceCaptures * MET_ALERTS_PER_FACE;
  } else {
    events.alerts = alertsPerDay;
    simulated.alerts = alertsPerDay / scale;
  }
  return {
    events,
    simulated,
    params: { scale, numDays, numTrips: n, alerts: alertsPerDay === undefined ? 'met-rate' : 'given', alertsPerFace: alertsPerDay === undefined ? MET_ALERTS_PER_FACE : null },
  };
}

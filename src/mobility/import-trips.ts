/**
 * Imports trips that users bring: GeoJSON LineStrings (WGS84) with
 * per-coordinate timestamps, or plain coordinate lists in metres, into
 * {@link PolylineTrips}, with a per-feature report of everything that could
 * not be read as given.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject, requireOneOf, requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import { type ImportReportEntry } from '../city/index.js';
import { featureId } from '../city/internal.js';
import { type LocalProjection } from '../geo/index.js';
import type { PolylineTrips } from './polyline-trips.js';
import { TRAVEL_SPEEDS } from './route-trips.js';
import { MODE_CAR, MODE_WALK, TRAVEL_MODES, type TravelMode } from './trip-set.js';

/** A trip given as a plain list of points in metres. */
export interface CoordinateTrip {
  /** Points `[x, y]` or `[x, y, t]` (metres, seconds). */
  coords: readonly (readonly number[])[];
  /** Times in seconds, one per point (overrides a third coordinate). */
  times?: readonly number[];
  /** Person key (any string or number); trips with the same key belong to one person. */
  person?: string | number;
  mode?: TravelMode;
}

/** Options of {@link importTrips}. */
export interface ImportTripsOptions {
  /** Mode of trips that give none (default `walk`). */
  mode?: TravelMode;
  /** Unit of numeric timestamps in GeoJSON properties: seconds (default) or milliseconds. ISO strings are always read as dates. */
  timeUnit?: 's' | 'ms';
  /** Speeds (m/s) used to synthesise times for trips without timestamps (default TRAVEL_SPEEDS). */
  speeds?: { walk?: number; car?: number };
  /** Start time (s) of synthesised timelines when a trip gives neither times nor `properties.departure` (default 0). */
  departure?: number;
  /** Throw an InvalidInputError at the first problem instead of reporting it (default false). */
  strict?: boolean;
}

/** Result of {@link importTrips}. */
export interface ImportedTrips extends PolylineTrips {
  /** Input feature (or list item) of each trip; a MultiLineString gives one trip per part. */
  readonly featureIndex: Uint32Array;
  /** Person key of each person id (null for trips that gave none: one person each). */
  readonly personKeys: (string | null)[];
  /** What could not be read as given, per feature; nothing is dropped silently. */
  readonly report: ImportReportEntry[];
  readonly params: { mode: TravelMode; timeUnit: 's' | 'ms'; speeds: { walk: number; car: number }; departure: number; input: 'geojson' | 'coordinates' };
}

/** Defaults of {@link importTrips}. */
export const IMPORT_TRIPS_DEFAULTS = {
  /** Mode of a trip that gives none. Assumption (no source): such a track is read as a pedestrian's. */
  mode: 'walk' as TravelMode,
  /** Numeric timestamps are seconds (epoch or relative); milliseconds are asked for with `'ms'`. */
  timeUnit: 's' as 's' | 'ms',
  /** Speeds (m/s) of synthesised timelines: {@link TRAVEL_SPEEDS} (walking from a systematic review, urban car speed an assumption). */
  speeds: TRAVEL_SPEEDS,
  /** Start (s) of a synthesised timeline without `properties.departure`: time 0, so that its times are durations. */
  departure: 0,
  /** Problems are reported and the rest is read; `strict: true` throws at the first one. */
  strict: false,
} as const;

/** The options importTrips knows (its unknown options are refused). */
const IMPORT_TRIPS_OPTION_KEYS = optionKeys<ImportTripsOptions>()(IMPORT_TRIPS_DEFAULTS, []);

const ORIGIN = 'importTrips';

const MODE_WORDS: Record<string, number> = {
  walk: MODE_WALK, walking: MODE_WALK, foot: MODE_WALK, pedestrian: MODE_WALK, on_foot: MODE_WALK,
  car: MODE_CAR, driving: MODE_CAR, drive: MODE_CAR, motorcar: MODE_CAR, vehicle: MODE_CAR, motor_vehicle: MODE_CAR,
};

/**
 * Reads trips into timed polylines (struct of arrays).
 *
 * Input forms:
 * - a GeoJSON FeatureCollection (or Feature, or array of Features) of
 *   LineString / MultiLineString in WGS84 lon/lat, projected with
 *   `projection`. Times per coordinate come from `properties.times` or
 *   `properties.coordTimes` (as written by GPX → GeoJSON converters; nested
 *   per part for MultiLineStrings): ISO 8601 strings (→ epoch seconds) or
 *   numbers (seconds, or milliseconds with `timeUnit: 'ms'`). Person from
 *   `properties.person` (or `personId`, `user`), mode from `properties.mode`.
 * - an array of {@link CoordinateTrip} in metres (projection unused, may be null).
 *
 * Problems are reported per feature and never guessed silently: a path
 * with fewer than two usable points is skipped; a point with a non-finite or
 * out-of-range coordinate, an unreadable time, or a time earlier than the
 * previous kept point is dropped; a times list whose length differs from
 * the coordinates' skips the feature; an unknown mode falls back to
 * `options.mode`; a trip without times gets a synthetic timeline at the
 * mode's speed from `properties.departure` (or `options.departure`) — each
 * with a report entry. With `strict: true` the first problem throws instead.
 *
 * @param input - GeoJSON or a list of coordinate trips
 * @param projection - the city's projection (required for GeoJSON)
 * @param options - default mode, time unit, speeds and departure for synthesised times, strict;
 *   defaults: {@link IMPORT_TRIPS_DEFAULTS}
 * @returns the trips, the feature index and person key of each, and the report
 * @throws {InvalidInputError} when the input is neither form, GeoJSON comes without a projection, an option is invalid, or (strict) at the first problem
 * @example
 * const { numTrips, report } = importTrips(geojson, city.projection);
 * const mine = importTrips([{ coords: [[0, 0, 0], [100, 0, 80]] }], null);
 * @remarks O(points).
 */
export function importTrips(input: unknown, projection: LocalProjection | null, options: ImportTripsOptions = {}): ImportedTrips {
  checkOptions('importTrips', options, IMPORT_TRIPS_OPTION_KEYS);
  requireObject(ORIGIN, 'options', options);
  const defaultMode = options.mode === undefined ? IMPORT_TRIPS_DEFAULTS.mode : requireOneOf(ORIGIN, 'options.mode', options.mode, TRAVEL_MODES);
  const timeUnit = options.timeUnit === undefined ? IMPORT_TRIPS_DEFAULTS.timeUnit : requireOneOf(ORIGIN, 'options.timeUnit', options.timeUnit, ['s', 'ms'] as const);
  const walk = options.speeds?.walk === undefined ? IMPORT_TRIPS_DEFAULTS.speeds.walk : requirePositive(ORIGIN, 'options.speeds.walk', options.speeds.walk);
  const car = options.speeds?.car === undefined ? IMPORT_TRIPS_DEFAULTS.speeds.car : requirePositive(ORIGIN, 'options.speeds.car', options.speeds.car);
  let departure: number = IMPORT_TRIPS_DEFAULTS.departure;
  if (options.departure !== undefined) {
    if (typeof options.departure !== 'number' || !Number.isFinite(options.departure)) throw new InvalidInputError(ORIGIN, 'options.departure', 'must be a finite number of seconds', options.departure);
    departure = options.departure;
  }
  const strict = (options.strict ?? IMPORT_TRIPS_DEFAULTS.strict) === true;

  let items: unknown[];
  let geo: boolean;
  if (Array.isArray(input) && !input.some(isFeature)) {
    items = input;
    geo = false;
  } else if (Array.isArray(input)) {
    items = input;
    geo = true;
  } else if (typeof input === 'object' && input !== null && (input as { type?: unknown }).type === 'FeatureCollection') {
    const f = (input as { features?: unknown }).features;
    if (!Array.isArray(f)) throw new InvalidInputError(ORIGIN, 'input.features', 'must be an array', f);
    items = f;
    geo = true;
  } else if (isFeature(input)) {
    items = [input];
    geo = true;
  } else {
    throw new InvalidInputError(ORIGIN, 'input', 'must be a GeoJSON FeatureCollection, Feature, array of Features, or an array of { coords } trips in metres', input);
  }
  if (geo && (projection === null || typeof projection !== 'object' || typeof projection.forward !== 'function')) {
    throw new InvalidInputError(ORIGIN, 'projection', 'must be a LocalProjection for GeoJSON input (lon/lat)', projection);
  }

  const report: ImportReportEntry[] = [];
  const problem = (entry: ImportReportEntry): void => {
    if (strict) throw new InvalidInputError(ORIGIN, `input[${entry.index}].${entry.field}`, entry.reason, entry.value);
    report.push(entry);
  };

  const coords: number[] = [];
  const times: number[] = [];
  const start: number[] = [0];
  const person: number[] = [];
  const mode: number[] = [];
  const featureIndex: number[] = [];
  const personKeys: (string | null)[] = [];
  const personIds = new Map<string, number>();
  const px: number[] = [];
  const py: number[] = [];
  const pt: number[] = [];

  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    let id: string | null = null;
    let parts: unknown[];
    let partTimes: unknown[] | null;
    let props: Record<string, unknown>;
    let timesField = 'times';
    if (geo) {
      id = featureId(item);
      const f = item as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: unknown };
      if (!isFeature(f)) {
        problem({ index, id, field: 'type', value: typeof f === 'object' && f !== null ? f.type : f, reason: 'not a GeoJSON Feature; skipped', action: 'skipped' });
        continue;
      }
      props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
      const g = f.geometry;
      if (g === null || typeof g !== 'object') {
        problem({ index, id, field: 'geometry', value: g, reason: 'feature has no geometry; skipped', action: 'skipped' });
        continue;
      }
      const rawTimes = props.times !== undefined ? props.times : props.coordTimes;
      timesField = props.times !== undefined ? 'properties.times' : 'properties.coordTimes';
      if (g.type === 'LineString') {
        if (!Array.isArray(g.coordinates)) {
          problem({ index, id, field: 'geometry.coordinates', value: g.coordinates, reason: 'must be an array of positions; skipped', action: 'skipped' });
          continue;
        }
        parts = [g.coordinates];
        partTimes = rawTimes === undefined || rawTimes === null ? null : [rawTimes];
      } else if (g.type === 'MultiLineString') {
        if (!Array.isArray(g.coordinates)) {
          problem({ index, id, field: 'geometry.coordinates', value: g.coordinates, reason: 'must be an array of lines; skipped', action: 'skipped' });
          continue;
        }
        parts = g.coordinates;
        if (rawTimes === undefined || rawTimes === null) partTimes = null;
        else if (Array.isArray(rawTimes) && rawTimes.length === parts.length && rawTimes.every((r) => Array.isArray(r))) partTimes = rawTimes;
        else {
          problem({ index, id, field: timesField, value: rawTimes, reason: `must hold one list of times per line (${parts.length}) for a MultiLineString; skipped`, action: 'skipped' });
          continue;
        }
      } else {
        problem({ index, id, field: 'geometry.type', value: g.type, reason: 'must be LineString or MultiLineString; skipped', action: 'skipped' });
        continue;
      }
    } else {
      const t = item as CoordinateTrip | null;
      if (typeof t !== 'object' || t === null || !Array.isArray(t.coords)) {
        problem({ index, id, field: 'coords', value: typeof t === 'object' && t !== null ? (t as { coords?: unknown }).coords : t, reason: 'must be an array of [x, y] or [x, y, t] points; skipped', action: 'skipped' });
        continue;
      }
      props = t as unknown as Record<string, unknown>;
      parts = [t.coords];
      partTimes = t.times === undefined ? null : [t.times];
    }

    // Mode and person (shared by the feature's parts).
    let m = defaultMode === 'car' ? MODE_CAR : MODE_WALK;
    if (props.mode !== undefined && props.mode !== null) {
      const word = typeof props.mode === 'string' ? MODE_WORDS[props.mode.trim().toLowerCase()] : undefined;
      if (word === undefined) problem({ index, id, field: 'mode', value: props.mode, reason: `unknown mode; "${defaultMode}" used`, action: 'defaulted' });
      else m = word;
    }
    const rawKey = props.person ?? props.personId ?? props.user;
    const key = typeof rawKey === 'string' || (typeof rawKey === 'number' && Number.isFinite(rawKey)) ? String(rawKey) : null;
    if (rawKey !== undefined && rawKey !== null && key === null) problem({ index, id, field: 'person', value: rawKey, reason: 'must be a string or number; the trip gets a person of its own', action: 'defaulted' });
    let dep = departure;
    if (props.departure !== undefined) {
      const d = readTime(props.departure, timeUnit);
      if (Number.isFinite(d)) dep = d;
      else problem({ index, id, field: 'departure', value: props.departure, reason: `unreadable time; ${departure} used`, action: 'defaulted' });
    }

    for (let part = 0; part < parts.length; part++) {
      const where = parts.length > 1 ? `[${part}]` : '';
      const line = parts[part];
      if (!Array.isArray(line)) {
        problem({ index, id, field: `geometry.coordinates${where}`, value: line, reason: 'must be an array of positions; skipped', action: 'skipped' });
        continue;
      }
      let tl: unknown[] | null = partTimes === null ? null : (partTimes[part] as unknown[]);
      if (tl !== null && (!Array.isArray(tl) || tl.length !== line.length)) {
        problem({ index, id, field: `${timesField}${where}`, value: Array.isArray(tl) ? `${tl.length} times` : tl, reason: `must have one time per coordinate (${line.length}); skipped`, action: 'skipped' });
        continue;
      }
      // Third coordinate as time, for plain coordinate lists only.
      const thirdIsTime = !geo && tl === null && line.length > 0 && line.every((p) => Array.isArray(p) && p.length >= 3);
      const hasTimes = tl !== null || thirdIsTime;
      px.length = 0;
      py.length = 0;
      pt.length = 0;
      for (let k = 0; k < line.length; k++) {
        const p = line[k] as unknown;
        const field = `${geo ? 'geometry.coordinates' : 'coords'}${where}[${k}]`;
        if (!Array.isArray(p) || p.length < 2) {
          problem({ index, id, field, value: p, reason: 'must be a position [x, y]; point dropped', action: 'dropped' });
          continue;
        }
        const a = p[0];
        const b = p[1];
        if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
          problem({ index, id, field, value: p, reason: 'must hold finite numbers; point dropped', action: 'dropped' });
          continue;
        }
        let x = a;
        let y = b;
        if (geo) {
          if (a < -180 || a > 180 || b < -90 || b > 90) {
            problem({ index, id, field, value: p, reason: 'must be [lon, lat] in WGS84 degrees; point dropped', action: 'dropped' });
            continue;
          }
          try {
            [x, y] = (projection as LocalProjection).forward(a, b);
          } catch (err) {
            problem({ index, id, field, value: p, reason: `cannot be projected (${(err as Error).message}); point dropped`, action: 'dropped' });
            continue;
          }
        }
        let t = NaN;
        if (hasTimes) {
          const raw = tl !== null ? tl[k] : p[2];
          t = tl !== null ? readTime(raw, timeUnit) : typeof raw === 'number' ? raw : NaN;
          const tField = tl !== null ? `${timesField}${where}[${k}]` : `${field}[2]`;
          if (!Number.isFinite(t)) {
            problem({ index, id, field: tField, value: raw, reason: 'unreadable time; point dropped', action: 'dropped' });
            continue;
          }
          if (pt.length > 0 && t < pt[pt.length - 1]) {
            problem({ index, id, field: tField, value: raw, reason: `time decreases (previous kept point at ${pt[pt.length - 1]} s); point dropped`, action: 'dropped' });
            continue;
          }
        }
        px.push(x);
        py.push(y);
        pt.push(t);
      }
      if (px.length < 2) {
        problem({ index, id, field: `${geo ? 'geometry.coordinates' : 'coords'}${where}`, value: `${px.length} usable point(s)`, reason: 'a path needs at least two usable points; skipped', action: 'skipped' });
        continue;
      }
      if (!hasTimes) {
        const v = m === MODE_CAR ? car : walk;
        let t = dep;
        pt[0] = t;
        for (let k = 1; k < px.length; k++) {
          t += Math.hypot(px[k] - px[k - 1], py[k] - py[k - 1]) / v;
          pt[k] = t;
        }
        // Reported but never an error, even when strict: trips without times are a documented input form.
        report.push({ index, id, field: timesField, value: undefined, reason: `no timestamps; times synthesised from ${dep} s at ${v.toFixed(2)} m/s (${TRAVEL_MODES[m]})`, action: 'synthesised' });
      }
      let pid: number;
      if (key === null) {
        pid = personKeys.length;
        personKeys.push(null);
      } else {
        const got = personIds.get(key);
        if (got === undefined) {
          pid = personKeys.length;
          personKeys.push(key);
          personIds.set(key, pid);
        } else pid = got;
      }
      for (let k = 0; k < px.length; k++) {
        coords.push(px[k], py[k]);
        times.push(pt[k]);
      }
      start.push(times.length);
      person.push(pid);
      mode.push(m);
      featureIndex.push(index);
    }
  }
  return {
    numTrips: person.length,
    person: Uint32Array.from(person),
    mode: Uint8Array.from(mode),
    start: Uint32Array.from(start),
    coords: Float64Array.from(coords),
    times: Float64Array.from(times),
    featureIndex: Uint32Array.from(featureIndex),
    personKeys,
    report,
    params: { mode: defaultMode, timeUnit, speeds: { walk, car }, departure, input: geo ? 'geojson' : 'coordinates' },
  };
}

function isFeature(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Feature';
}

/** A timestamp: ISO 8601 string → epoch seconds; number → seconds (÷ 1000 for ms). NaN when unreadable. */
function readTime(v: unknown, unit: 's' | 'ms'): number {
  if (typeof v === 'number') return Number.isFinite(v) ? (unit === 'ms' ? v / 1000 : v) : NaN;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return NaN;
    if (/^-?\d+(\.\d+)?$/.test(s)) {
      const n = Number(s);
      return unit === 'ms' ? n / 1000 : n;
    }
    // Require a date shape so that Date.parse's lenient fallbacks do not read arbitrary text.
    if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return NaN;
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms / 1000 : NaN;
  }
  return NaN;
}

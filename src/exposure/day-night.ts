/**
 * Day and night: what the cameras see, and whom they identify, by hour of day.
 *
 * **Night ranges.** After dark a camera sees as far as its infrared
 * illuminator reaches (or as far as street lights light the scene). Its range
 * at night is min(day range, night range), and so is every DORI distance: the
 * night range caps every level alike (identify included), because pixel
 * density does not change at night — what changes is how far there is light
 * to image. A camera whose identify distance (a few to about 15 m for the
 * usual lenses) is shorter than its illuminator's reach (20–50 m for street
 * bullets and domes, SOURCES['cctv-camera-database-2026']) keeps its identify
 * footprint at night and loses its outer, detect-level reach; the night loss
 * at the identify level is then carried by the recognition rates (below).
 * Street lighting is modelled by giving the cameras on lit streets a longer
 * night range (`nightRange`), up to their day range.
 *
 * **Recognition at night.** Face recognition on infrared or poorly lit images
 * is less accurate than on daylight images: NIST found the best algorithms of
 * FRVT 2006 still sensitive to lighting (SOURCES['nist-phillips-2010-lighting'])
 * but published no night-time rate for surveillance video. The face
 * true-positive rate at night is the day rate times `nightFaceFactor`, an
 * assumption (0.5, plausible 0.2–0.9). Plate readers use infrared flash and
 * retro-reflective plates and are assumed to read as well at night
 * (`nightPlateFactor` 1).
 *
 * **Which trips are at night.** A trip is scored by day or by night as a whole,
 * by the light of the local hour it departs in ({@link hourlyLight}: civil dawn
 * to civil dusk of the date).
 */
import { InvalidInputError } from '../core/index.js';
import { checkOptions, optionKeys, requireObject, requireProbability } from '../core/internal.js';
import { CAMERA_KINDS, type CameraKind, type CameraSet } from '../cameras/index.js';
import { isCameraSet } from '../cameras/internal.js';
import { type City } from '../city/index.js';
import { computeCoverage, computeStreetCoverage, type CoverageLevel, type StudyAreaInput } from '../coverage/index.js';
import { type Bounds } from '../core/index.js';
import { hourlyLight, type HourlyLight, type Light, type SunTimesOptions, SUN_TIMES_DEFAULTS } from './daylight.js';
import type { PopulationExposure } from './population-exposure.js';
import { identifiedFromCounts } from './sightings-scorer.js';

/** Defaults of {@link nightCameraSet}. */
export const NIGHT_CAMERA_SET_DEFAULTS = {
  /**
   * Night (infrared illuminator) range in metres by camera kind, used where `nightRange` gives none.
   * - fixed: 30 m — the middle of the datasheet IR ranges of fixed street bullets, 20 m (Hikvision
   *   DS-2CD1021G2-IU) to 50 m (ACTi K32-P1), with 30 m for Hikvision's compact Smart Hybrid Light bullets
   *   (SOURCES['cctv-camera-database-2026']); plausible 20–80 m (long-range IR bullets reach 80 m).
   * - dome: 30 m — Hikvision DS-2CD3121G3-LIUF fixed dome, Smart Hybrid Light 30 m (same source); plausible 20–50 m.
   * - panning: 50 m — assumption (no datasheet at hand): a pan-tilt unit with a bullet's illuminator, plausible 30–100 m.
   * - ptz: 200 m — DarkFighter PTZ speed domes, IR up to 200 m (Hikvision DS-2DE7A425IWG1-E, same source); an
   *   "up to" figure at full zoom, plausible 100–200 m.
   */
  nightRangeByKind: { fixed: 30, dome: 30, panning: 50, ptz: 200 } as Readonly<Record<CameraKind, number>>,
} as const;

/** Options of {@link nightCameraSet}. */
export interface NightCameraSetOptions {
  /**
   * Night range in metres: one for every camera, or one per camera id (an array of length numCameras); overrides
   * `nightRangeByKind`. `Infinity` leaves a camera's range as by day (a well-lit street).
   */
  nightRange?: number | ArrayLike<number>;
  /** Night range by kind, metres (default {@link NIGHT_CAMERA_SET_DEFAULTS}.nightRangeByKind; a partial record overrides those kinds). */
  nightRangeByKind?: Partial<Record<CameraKind, number>>;
}

const NIGHT_CAMERA_SET_OPTION_KEYS = optionKeys<NightCameraSetOptions>()(NIGHT_CAMERA_SET_DEFAULTS, ['nightRange']);

function checkNightRange(origin: string, field: string, v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v) || !(v > 0)) throw new InvalidInputError(origin, field, 'must be a number > 0 (metres; Infinity for no cap)', v);
  return v;
}

/** @internal The per-camera night ranges of the options (validated). */
export function resolveNightRanges(origin: string, cameras: CameraSet, options: NightCameraSetOptions, prefix = 'options'): Float64Array {
  const n = cameras.numCameras;
  const out = new Float64Array(n);
  const nr = options.nightRange;
  if (nr !== undefined && typeof nr !== 'number') {
    if (typeof nr !== 'object' || nr === null || typeof (nr as ArrayLike<number>).length !== 'number') {
      throw new InvalidInputError(origin, `${prefix}.nightRange`, 'must be a number or an array with one range per camera', nr);
    }
    if (nr.length !== n) throw new InvalidInputError(origin, `${prefix}.nightRange.length`, `must equal the number of cameras (${n})`, nr.length);
    for (let i = 0; i < n; i++) out[i] = checkNightRange(origin, `${prefix}.nightRange[${i}]`, nr[i]);
    return out;
  }
  if (typeof nr === 'number') return out.fill(checkNightRange(origin, `${prefix}.nightRange`, nr));
  const byKindOption = options.nightRangeByKind;
  if (byKindOption !== undefined) requireObject(origin, `${prefix}.nightRangeByKind`, byKindOption);
  const byKind = CAMERA_KINDS.map((k) => {
    const v = byKindOption?.[k];
    return v === undefined ? NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind[k] : checkNightRange(origin, `${prefix}.nightRangeByKind.${k}`, v);
  });
  if (byKindOption !== undefined) {
    for (const k of Object.keys(byKindOption)) {
      if (!(CAMERA_KINDS as readonly string[]).includes(k)) throw new InvalidInputError(origin, `${prefix}.nightRangeByKind.${k}`, `is not a camera kind (${CAMERA_KINDS.join(', ')})`, k);
    }
  }
  for (let i = 0; i < n; i++) out[i] = byKind[cameras.kind[i]];
  return out;
}

/**
 * The cameras as they see at night: a copy of the set whose `range` is
 * min(day range, night range), so that every DORI distance (capped by the
 * range, see computeCoverage's `level`) is capped by the night range too.
 * Everything else (ids, positions, kinds, capabilities, nodes) is unchanged,
 * so the copy can stand for the day set in any analysis.
 *
 * @param cameras - the camera set (by day)
 * @param options - `nightRange` (per camera or for all), `nightRangeByKind`; defaults: {@link NIGHT_CAMERA_SET_DEFAULTS}
 * @returns a new CameraSet (provenance `{ generator: 'nightCameraSet', sources: [the day set's] }`)
 * @throws {InvalidInputError} when `cameras` is not a CameraSet, or a night range is not a number > 0 or has the wrong length
 * @example
 * const night = nightCameraSet(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 80 }]));
 * night.range[0] // 30: a fixed camera's default infrared reach
 *
 * Complexity: O(numCameras).
 */
export function nightCameraSet(cameras: CameraSet, options: NightCameraSetOptions = {}): CameraSet {
  const origin = 'nightCameraSet';
  checkOptions(origin, options, NIGHT_CAMERA_SET_OPTION_KEYS);
  if (!isCameraSet(cameras)) throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet', cameras);
  const nr = resolveNightRanges(origin, cameras, options);
  const n = cameras.numCameras;
  const ids = new Uint32Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  const out = cameras.subset(ids);
  for (let i = 0; i < n; i++) if (nr[i] < out.range[i]) out.range[i] = nr[i];
  out.provenance = {
    generator: 'nightCameraSet',
    seed: null,
    params: {
      nightRange: options.nightRange === undefined ? null : typeof options.nightRange === 'number' ? options.nightRange : 'per-camera',
      nightRangeByKind: { ...NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind, ...(options.nightRangeByKind ?? {}) },
    },
    sources: [cameras.provenance],
  };
  return out;
}

/** Defaults of {@link coverageByHour}. */
export const COVERAGE_BY_HOUR_DEFAULTS = {
  /** The camera's own range and the face-identification level (EN 62676-4 identify, 250 px/m). */
  levels: ['range', 'identify'] as readonly CoverageLevel[],
  /** Street coverage too when a city is given. */
  streets: true,
  /** As computeCoverage: no clipping by buildings unless asked. */
  occlusion: false,
  utcOffset: SUN_TIMES_DEFAULTS.utcOffset,
  twilight: SUN_TIMES_DEFAULTS.twilight,
} as const;

/** Options of {@link coverageByHour}. */
export interface CoverageByHourOptions extends SunTimesOptions, NightCameraSetOptions {
  /** The date whose hours are classified, `YYYY-MM-DD` (required). */
  date: string;
  /** Latitude and longitude (degrees) of the city, for the sun (required). */
  latitude: number;
  longitude: number;
  /** Levels to compute (default `range` and `identify`). */
  levels?: readonly CoverageLevel[];
  /** Study area as in computeCoverage (`bounds`, `area`, or the city's boundary). */
  bounds?: Bounds;
  area?: StudyAreaInput;
  /** The city: default study area, occluders, and its streets for street coverage. */
  city?: City;
  /** Clip footprints by buildings (needs `city`). */
  occlusion?: boolean;
  /** Compute the covered share of street length too (needs `city`; default true when a city is given). */
  streets?: boolean;
  /** Threads for computeCoverage (same result for any value). */
  threads?: number | 'auto';
}

const COVERAGE_BY_HOUR_OPTION_KEYS = optionKeys<CoverageByHourOptions>()(COVERAGE_BY_HOUR_DEFAULTS, [
  'date', 'latitude', 'longitude', 'bounds', 'area', 'city', 'threads', 'nightRange', 'nightRangeByKind',
]);

/** Coverage of one level under one light. */
export interface LightCoverage {
  /** m² of the study area seen by at least one camera. */
  coveredArea: number;
  coveredFraction: number;
  /** Share of street length seen (null without streets). */
  streetFraction: number | null;
  /** Metres of street seen (null without streets). */
  streetCoveredLength: number | null;
}

/** Result of {@link coverageByHour} (plain data). */
export interface CoverageByHour {
  /** Per level: coverage by day and by night. */
  levels: { level: CoverageLevel; day: LightCoverage; night: LightCoverage }[];
  /** Per local hour 0 … 23: its light and, per level (in `levels` order), the covered share of the area and of the streets. */
  hours: { hour: number; light: Light; coveredFraction: number[]; streetFraction: (number | null)[] }[];
  /** m² of the study area; metres of street (null without streets). */
  studyArea: number;
  streetLength: number | null;
  /** The date's light by hour and the sun's events. */
  light: HourlyLight;
  params: { date: string; latitude: number; longitude: number; occlusion: boolean; nightRange: unknown };
}

/**
 * Coverage by hour of day: the cameras' coverage (area and street length, at
 * each level) by day and by night (the night set of {@link nightCameraSet}),
 * and which of the 24 local hours of `date` take which ({@link hourlyLight}).
 * By day the figures are computeCoverage's and computeStreetCoverage's for
 * the cameras as given, bit for bit.
 *
 * @param cameras - the camera set
 * @param options - `date`, `latitude`, `longitude` (required); `utcOffset`, `twilight`; `levels`; the study area
 *   (`bounds`, `area`, `city`), `occlusion`, `streets`, `threads`; `nightRange`, `nightRangeByKind`;
 *   defaults: {@link COVERAGE_BY_HOUR_DEFAULTS}, {@link NIGHT_CAMERA_SET_DEFAULTS}
 * @returns per level the day and night coverage, per hour the light and the covered shares
 * @throws {InvalidInputError} on a bad date, place or level, a bad night range, or as computeCoverage does
 * @example
 * const r = coverageByHour(cameras, { date: '2026-12-21', latitude: 43.238, longitude: 76.946, bounds: [0, 0, 1000, 1000] });
 * r.hours[2].coveredFraction[0] // night share of the area within range at 02:00–03:00
 *
 * Complexity: two computeCoverage calls per level (and two street coverage calls with streets).
 */
export function coverageByHour(cameras: CameraSet, options: CoverageByHourOptions): CoverageByHour {
  const origin = 'coverageByHour';
  checkOptions(origin, options, COVERAGE_BY_HOUR_OPTION_KEYS);
  requireObject(origin, 'options', options);
  if (!isCameraSet(cameras)) throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet', cameras);
  const light = hourlyLight(options.date, options.latitude, options.longitude, { utcOffset: options.utcOffset, twilight: options.twilight });
  const levels = options.levels ?? COVERAGE_BY_HOUR_DEFAULTS.levels;
  if (!Array.isArray(levels) || levels.length === 0) throw new InvalidInputError(origin, 'options.levels', 'must be a non-empty array of levels', levels);
  const occlusion = options.occlusion ?? COVERAGE_BY_HOUR_DEFAULTS.occlusion;
  const city = options.city;
  const streets = (options.streets ?? COVERAGE_BY_HOUR_DEFAULTS.streets) && city !== undefined;
  if (options.streets === true && city === undefined) throw new InvalidInputError(origin, 'options.streets', 'needs options.city', true);
  const night = nightCameraSet(cameras, { nightRange: options.nightRange, nightRangeByKind: options.nightRangeByKind });
  const area = { bounds: options.bounds, area: options.area, city, occlusion, threads: options.threads };
  const streetArea = { bounds: options.bounds, area: options.area, occlusion };
  let studyArea = 0;
  let streetLength: number | null = null;
  const rows = levels.map((level) => {
    const one = (set: CameraSet): LightCoverage => {
      const c = computeCoverage(set, { ...area, level });
      studyArea = c.studyArea;
      let streetFraction: number | null = null;
      let streetCoveredLength: number | null = null;
      if (streets) {
        const s = computeStreetCoverage(set, city!, { ...streetArea, level });
        streetFraction = s.coveredFraction;
        streetCoveredLength = s.coveredLength;
        streetLength = s.totalLength;
      }
      return { coveredArea: c.coveredArea, coveredFraction: c.coveredFraction, streetFraction, streetCoveredLength };
    };
    return { level, day: one(cameras), night: one(night) };
  });
  const hours = light.light.map((l, hour) => ({
    hour,
    light: l,
    coveredFraction: rows.map((r) => r[l].coveredFraction),
    streetFraction: rows.map((r) => r[l].streetFraction),
  }));
  return {
    levels: rows,
    hours,
    studyArea,
    streetLength,
    light,
    params: {
      date: options.date, latitude: options.latitude, longitude: options.longitude, occlusion,
      nightRange: options.nightRange === undefined ? { ...NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind, ...(options.nightRangeByKind ?? {}) } : typeof options.nightRange === 'number' ? options.nightRange : 'per-camera',
    },
  };
}

/** Defaults of {@link exposureByHour}. */
export const EXPOSURE_BY_HOUR_DEFAULTS = {
  /**
   * Face true-positive rate at night as a share of the day rate. Assumption: 0.5, plausible 0.2–0.9. Infrared
   * and low-light images lose colour and contrast; NIST found the best FRVT 2006 algorithms still sensitive to
   * lighting (SOURCES['nist-phillips-2010-lighting']) but publishes no night rate for street video; NIST FIVE's
   * spread of 60 % to over 99 % between capture conditions (SOURCES['nistir-8173']) bounds how much capture
   * conditions alone move the rate.
   */
  nightFaceFactor: 0.5,
  /** Plate read rate at night as a share of the day rate. Assumption: 1 (plate readers use infrared flash on retro-reflective plates), plausible 0.8–1. */
  nightPlateFactor: 1,
} as const;

/** Options of {@link exposureByHour}. */
export interface ExposureByHourOptions {
  /** Face true-positive rate at night / by day, [0, 1] (default 0.5, assumption). */
  nightFaceFactor?: number;
  /** Plate read rate at night / by day, [0, 1] (default 1, assumption). */
  nightPlateFactor?: number;
}

const EXPOSURE_BY_HOUR_OPTION_KEYS = optionKeys<ExposureByHourOptions>()(EXPOSURE_BY_HOUR_DEFAULTS, []);

/** Sums over a set of trips. */
export interface TripTotals {
  trips: number;
  /** Expected sightings, identified captures (identifications), face searches and plate captures. */
  sightings: number;
  identified: number;
  faceSearches: number;
  plateCaptures: number;
}

/** Result of {@link exposureByHour} (plain data). */
export interface ExposureByHour {
  /** Per local departure hour 0 … 23: its light and the totals of the trips departing then (scored in that light). */
  hours: (TripTotals & { hour: number; light: Light })[];
  /** Totals of the trips departing by day and by night, and of all trips. */
  day: TripTotals;
  night: TripTotals;
  total: TripTotals;
  /** The same trips all scored by day (the figures without the day/night split). */
  allByDay: TripTotals;
  /** Identifications per resident-day, and for the whole city per day (scaled by city population / residents simulated). */
  perResidentDay: { day: number; night: number; total: number; allByDay: number };
  cityPerDay: { day: number; night: number; total: number; allByDay: number };
  numResidents: number;
  numDays: number;
  params: { nightFaceFactor: number; nightPlateFactor: number; faceRateDay: number; faceRateNight: number; plateRateDay: number; plateRateNight: number };
}

function zero(): TripTotals {
  return { trips: 0, sightings: 0, identified: 0, faceSearches: 0, plateCaptures: 0 };
}

function requireColumn(origin: string, field: string, a: unknown, n: number): void {
  if (!(a instanceof Float64Array || a instanceof Uint32Array) || a.length < n) throw new InvalidInputError(origin, field, `must be a typed array of length >= ${n} (a PopulationExposure)`, a);
}

/**
 * Exposure by hour of day: the population's trips split by the light of the
 * local hour they depart in; a trip departing by day counts as scored in
 * `day` (the cameras as given), one departing at night as scored in `night`
 * (the same residents and trips scored against {@link nightCameraSet}), its
 * face identifications at the night face rate (day rate × `nightFaceFactor`)
 * and plate reads at the night plate rate. Expected identifications are
 * linear in the rates (face searches × face rate + plate captures × plate
 * rate), so the night rates apply exactly to the night run's capture counts.
 * Every simulated day takes the light of the one date `light` was made for.
 *
 * @param day - computePopulationExposure on the cameras as given
 * @param night - computePopulationExposure with the same options (seed, residents, plans, recognition) on the night set
 * @param light - the light of each local hour (an array of 24, or {@link hourlyLight}'s result)
 * @param options - `nightFaceFactor`, `nightPlateFactor`; defaults: {@link EXPOSURE_BY_HOUR_DEFAULTS}
 * @returns totals per departure hour, by day and night, and per resident-day and city-day
 * @throws {InvalidInputError} when the two exposures do not hold the same trips (trip count, plan ids, departure
 *   times), a trip has no departure time, `light` is not 24 hours of `day` / `night`, or a factor is not in [0, 1]
 * @example
 * const night = computePopulationExposure(nightCameraSet(cameras), city, opts);
 * const byHour = exposureByHour(computePopulationExposure(cameras, city, opts), night, hourlyLight('2026-12-21', 43.24, 76.95));
 * byHour.night.identified // identifications on trips departing at night
 *
 * Complexity: O(trips).
 */
export function exposureByHour(day: PopulationExposure, night: PopulationExposure, light: readonly Light[] | HourlyLight, options: ExposureByHourOptions = {}): ExposureByHour {
  const origin = 'exposureByHour';
  checkOptions(origin, options, EXPOSURE_BY_HOUR_OPTION_KEYS);
  const ff = requireProbability(origin, 'options.nightFaceFactor', options.nightFaceFactor ?? EXPOSURE_BY_HOUR_DEFAULTS.nightFaceFactor);
  const fp = requireProbability(origin, 'options.nightPlateFactor', options.nightPlateFactor ?? EXPOSURE_BY_HOUR_DEFAULTS.nightPlateFactor);
  const hoursLight = Array.isArray(light) ? (light as readonly Light[]) : (light as HourlyLight | null)?.light;
  if (!Array.isArray(hoursLight) || hoursLight.length !== 24 || hoursLight.some((l) => l !== 'day' && l !== 'night')) {
    throw new InvalidInputError(origin, 'light', 'must be 24 hours of "day" | "night" (or hourlyLight\'s result)', light);
  }
  requireObject(origin, 'day', day);
  requireObject(origin, 'night', night);
  const dt = day.trips;
  const nt = night.trips;
  const n = dt?.numTrips;
  if (!Number.isInteger(n) || nt?.numTrips !== n) throw new InvalidInputError(origin, 'night.trips.numTrips', `must equal day.trips.numTrips (${n}): both exposures must hold the same trips`, nt?.numTrips);
  for (const [name, t] of [['day', dt], ['night', nt]] as const) {
    for (const k of ['sightings', 'identified', 'faceSearches', 'plateCaptures', 'departure', 'planId'] as const) requireColumn(origin, `${name}.trips.${k}`, t[k], n);
  }
  for (let k = 0; k < n; k++) {
    if (dt.planId[k] !== nt.planId[k] || !Object.is(dt.departure[k], nt.departure[k])) {
      throw new InvalidInputError(origin, `night.trips.planId[${k}]`, 'must match the day exposure (same seed, residents and plans)', nt.planId[k]);
    }
  }
  const rec = night.trips.params?.recognition;
  const faceRateNight = (rec?.truePositiveRate ?? NaN) * ff;
  const plateRateNight = (night.trips.params?.plateReadRate ?? NaN) * fp;
  if (!(faceRateNight >= 0 && plateRateNight >= 0)) throw new InvalidInputError(origin, 'night.trips.params', 'must hold the recognition model and plate read rate (a PopulationExposure)', night.trips.params);
  const hours = hoursLight.map((l, hour) => ({ hour, light: l, ...zero() }));
  const dayT = zero();
  const nightT = zero();
  const allByDay = zero();
  for (let k = 0; k < n; k++) {
    const dep = dt.departure[k];
    if (!Number.isFinite(dep)) throw new InvalidInputError(origin, `day.trips.departure[${k}]`, 'must be a finite number of seconds', dep);
    const h = Math.floor((((dep % 86_400) + 86_400) % 86_400) / 3600);
    const isNight = hoursLight[h] === 'night';
    allByDay.trips++;
    allByDay.sightings += dt.sightings[k];
    allByDay.identified += dt.identified[k];
    allByDay.faceSearches += dt.faceSearches[k];
    allByDay.plateCaptures += dt.plateCaptures[k];
    const s = isNight ? nt.sightings[k] : dt.sightings[k];
    const face = isNight ? nt.faceSearches[k] : dt.faceSearches[k];
    const plate = isNight ? nt.plateCaptures[k] : dt.plateCaptures[k];
    const id = isNight ? identifiedFromCounts(face, plate, faceRateNight, plateRateNight) : dt.identified[k];
    for (const t of [hours[h], isNight ? nightT : dayT]) {
      t.trips++;
      t.sightings += s;
      t.identified += id;
      t.faceSearches += face;
      t.plateCaptures += plate;
    }
  }
  const total: TripTotals = {
    trips: dayT.trips + nightT.trips,
    sightings: dayT.sightings + nightT.sightings,
    identified: dayT.identified + nightT.identified,
    faceSearches: dayT.faceSearches + nightT.faceSearches,
    plateCaptures: dayT.plateCaptures + nightT.plateCaptures,
  };
  const residentDays = day.numResidents * day.numDays;
  const per = (x: number) => (residentDays > 0 ? x / residentDays : 0);
  const scale = day.params.cityPopulation;
  const perResidentDay = { day: per(dayT.identified), night: per(nightT.identified), total: per(total.identified), allByDay: per(allByDay.identified) };
  return {
    hours,
    day: dayT,
    night: nightT,
    total,
    allByDay,
    perResidentDay,
    cityPerDay: { day: perResidentDay.day * scale, night: perResidentDay.night * scale, total: perResidentDay.total * scale, allByDay: perResidentDay.allByDay * scale },
    numResidents: day.numResidents,
    numDays: day.numDays,
    params: {
      nightFaceFactor: ff,
      nightPlateFactor: fp,
      faceRateDay: day.trips.params.recognition.truePositiveRate,
      faceRateNight,
      plateRateDay: day.trips.params.plateReadRate,
      plateRateNight,
    },
  };
}

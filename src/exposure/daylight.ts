/**
 * Daylight: sunrise, sunset and civil twilight for a date and place, and
 * which hours of that day are day or night.
 *
 * The sun's position follows the NOAA Solar Calculator's spreadsheet
 * equations (NOAA Global Monitoring Laboratory, "NOAA Solar Calculator:
 * calculation details", https://gml.noaa.gov/grad/solcalc/calcdetails.html,
 * after J. Meeus, Astronomical Algorithms): declination and equation of time
 * from the Julian century, the hour angle at which the sun's centre reaches a
 * zenith angle (90.833° for sunrise and sunset: refraction and the sun's
 * radius; 96° for the end of civil twilight), solar noon at
 * 720 − 4·longitude − equation of time minutes UTC. Each event is computed
 * twice, the second time with the sun's position at the first estimate, as the
 * spreadsheet would be filled in at that time of day.
 */
import { InvalidInputError, DEG_TO_RAD, RAD_TO_DEG } from '../core/index.js';
import { checkOptions, optionKeys, requireFinite, requireOneOf } from '../core/internal.js';

/** Light of an hour: `day` between civil dawn and civil dusk (by default), else `night`. */
export type Light = 'day' | 'night';

/** Which sun elevation ends the day: `civil` (sun 6° below the horizon, zenith 96°) or `official` (sunrise and sunset, zenith 90.833°). */
export type Twilight = 'civil' | 'official';

/** Zenith angles (degrees) of the sun's centre at the events (NOAA Solar Calculator). */
export const SUN_ZENITH = {
  /** Sunrise and sunset: 90° plus 0.833° for refraction at the horizon and the sun's radius (SOURCES['noaa-solar-calculator']). */
  official: 90.833,
  /** Civil dawn and dusk: the sun's centre 6° below the horizon (SOURCES['noaa-solar-calculator']). */
  civil: 96,
} as const;

/** Defaults of {@link sunTimes} and {@link hourlyLight}. */
export const SUN_TIMES_DEFAULTS = {
  /**
   * Hours ahead of UTC of the local clock: null derives the solar time zone
   * round(longitude / 15) (Almaty, 76.9° E: UTC+5, the offset Kazakhstan
   * has kept since 1 March 2024). Give the legal offset where it differs.
   */
  utcOffset: null as number | null,
  /** Day ends at civil dusk (the sun 6° below the horizon): street scenes are still lit by the sky until then. */
  twilight: 'civil' as Twilight,
} as const;

/** Options of {@link sunTimes} and {@link hourlyLight}. */
export interface SunTimesOptions {
  /** Hours ahead of UTC of the local clock, in [-14, 14] (default: round(longitude / 15)). */
  utcOffset?: number | null;
  /** Which event ends the day in {@link hourlyLight} (default `civil`). */
  twilight?: Twilight;
}

const SUN_TIMES_OPTION_KEYS = optionKeys<SunTimesOptions>()(SUN_TIMES_DEFAULTS, []);

/** Sun events of one date, in local clock hours (decimal; 6.5 = 06:30). */
export interface SunTimes {
  /** The date, `YYYY-MM-DD`. */
  date: string;
  latitude: number;
  longitude: number;
  /** Hours ahead of UTC used for the local hours. */
  utcOffset: number;
  /** Solar noon. */
  solarNoon: number;
  /** Sunrise and sunset (zenith 90.833°); null when the sun does not cross that zenith that day (polar day or night). */
  sunrise: number | null;
  sunset: number | null;
  /** Civil dawn and dusk (zenith 96°); null as above. */
  civilDawn: number | null;
  civilDusk: number | null;
  /** When an event does not happen: `day` (the sun stays above it all day) or `night` (below), per event kind; else null. */
  polar: { official: Light | null; civil: Light | null };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1899-12-30 (the spreadsheet's day number) of a `YYYY-MM-DD` date; throws on a bad date. */
function spreadsheetDay(origin: string, date: unknown): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m === null) throw new InvalidInputError(origin, 'date', 'must be a date `YYYY-MM-DD`', date);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (mo < 1 || mo > 12 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new InvalidInputError(origin, 'date', 'must be a calendar date `YYYY-MM-DD`', date);
  }
  return t / 86_400_000 + 25_569; // 1970-01-01 is day 25,569 of the spreadsheet's count
}

/** Declination (degrees) and equation of time (minutes) at a Julian century (NOAA spreadsheet columns G … V). */
function sunPosition(jc: number): { decl: number; eqTime: number } {
  const L0 = (280.46646 + jc * (36000.76983 + jc * 0.0003032)) % 360; // geometric mean longitude
  const M = 357.52911 + jc * (35999.05029 - 0.0001537 * jc); // geometric mean anomaly
  const e = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc); // eccentricity of the Earth's orbit
  const Mr = M * DEG_TO_RAD;
  const C = Math.sin(Mr) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) + Math.sin(2 * Mr) * (0.019993 - 0.000101 * jc) + Math.sin(3 * Mr) * 0.000289;
  const trueLong = L0 + C;
  const omega = (125.04 - 1934.136 * jc) * DEG_TO_RAD;
  const appLong = trueLong - 0.00569 - 0.00478 * Math.sin(omega);
  const meanObliq = 23 + (26 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60) / 60;
  const obliq = meanObliq + 0.00256 * Math.cos(omega);
  const decl = Math.asin(Math.sin(obliq * DEG_TO_RAD) * Math.sin(appLong * DEG_TO_RAD)) * RAD_TO_DEG;
  const y = Math.tan((obliq / 2) * DEG_TO_RAD) ** 2;
  const L0r = L0 * DEG_TO_RAD;
  const eqTime =
    4 * RAD_TO_DEG * (y * Math.sin(2 * L0r) - 2 * e * Math.sin(Mr) + 4 * e * y * Math.sin(Mr) * Math.cos(2 * L0r) - 0.5 * y * y * Math.sin(4 * L0r) - 1.25 * e * e * Math.sin(2 * Mr));
  return { decl, eqTime };
}

/** Julian century of local clock hour `h` of spreadsheet day `day`. */
function julianCentury(day: number, h: number, utcOffset: number): number {
  const jd = day + 2_415_018.5 + h / 24 - utcOffset / 24;
  return (jd - 2_451_545) / 36_525;
}

/**
 * Local hour of an event: `sign` −1 for the morning one, +1 for the evening one, at `zenith` degrees;
 * a string when the sun never reaches that zenith ('day': always above, 'night': always below).
 */
function eventHour(day: number, lat: number, lon: number, utcOffset: number, zenith: number, sign: -1 | 1): number | Light {
  let h = 12 + sign * 6;
  for (let pass = 0; pass < 2; pass++) {
    const { decl, eqTime } = sunPosition(julianCentury(day, h, utcOffset));
    const latR = lat * DEG_TO_RAD;
    const dR = decl * DEG_TO_RAD;
    const cosH = Math.cos(zenith * DEG_TO_RAD) / (Math.cos(latR) * Math.cos(dR)) - Math.tan(latR) * Math.tan(dR);
    if (cosH > 1) return 'night';
    if (cosH < -1) return 'day';
    const ha = Math.acos(cosH) * RAD_TO_DEG;
    const noonMinutes = 720 - 4 * lon - eqTime + utcOffset * 60;
    h = (noonMinutes + sign * 4 * ha) / 60;
  }
  return h;
}

function resolveOffset(origin: string, longitude: number, value: unknown): number {
  if (value === undefined || value === null) return Math.round(longitude / 15);
  const v = requireFinite(origin, 'options.utcOffset', value);
  if (v < -14 || v > 14) throw new InvalidInputError(origin, 'options.utcOffset', 'must be in [-14, 14] hours', v);
  return v;
}

function checkPlace(origin: string, latitude: unknown, longitude: unknown): void {
  const lat = requireFinite(origin, 'latitude', latitude);
  if (lat < -90 || lat > 90) throw new InvalidInputError(origin, 'latitude', 'must be in [-90, 90] degrees', lat);
  const lon = requireFinite(origin, 'longitude', longitude);
  if (lon < -180 || lon > 180) throw new InvalidInputError(origin, 'longitude', 'must be in [-180, 180] degrees (east positive)', lon);
}

/**
 * Sunrise, sunset, civil dawn and dusk and solar noon of a date at a place,
 * in local clock hours, by the NOAA Solar Calculator's equations
 * (SOURCES['noaa-solar-calculator']): accurate to about a minute
 * between ±72° latitude.
 *
 * @param date - the date, `YYYY-MM-DD` (Gregorian)
 * @param latitude - degrees north, [-90, 90]
 * @param longitude - degrees east, [-180, 180]
 * @param options - `utcOffset` (default round(longitude / 15)), `twilight` (read by {@link hourlyLight}); defaults: {@link SUN_TIMES_DEFAULTS}
 * @returns the events in decimal local hours (an event may fall before 0 or after 24 far from the zone's meridian), null where the sun does not reach it
 * @throws {InvalidInputError} on a malformed or impossible date, a latitude or longitude out of range, an offset outside [-14, 14]
 * @example
 * const s = sunTimes('2026-06-21', 43.238, 76.946); // Almaty, UTC+5
 * s.sunrise // ≈ 4.3 (04:18)
 *
 * Complexity: O(1).
 */
export function sunTimes(date: string, latitude: number, longitude: number, options: SunTimesOptions = {}): SunTimes {
  const origin = 'sunTimes';
  checkOptions(origin, options, SUN_TIMES_OPTION_KEYS);
  const day = spreadsheetDay(origin, date);
  checkPlace(origin, latitude, longitude);
  const utcOffset = resolveOffset(origin, longitude, options.utcOffset);
  if (options.twilight !== undefined) requireOneOf(origin, 'options.twilight', options.twilight, ['civil', 'official']);
  const { eqTime } = sunPosition(julianCentury(day, 12, utcOffset));
  const solarNoon = (720 - 4 * longitude - eqTime + utcOffset * 60) / 60;
  const rise = eventHour(day, latitude, longitude, utcOffset, SUN_ZENITH.official, -1);
  const set = eventHour(day, latitude, longitude, utcOffset, SUN_ZENITH.official, 1);
  const dawn = eventHour(day, latitude, longitude, utcOffset, SUN_ZENITH.civil, -1);
  const dusk = eventHour(day, latitude, longitude, utcOffset, SUN_ZENITH.civil, 1);
  const num = (x: number | Light) => (typeof x === 'number' ? x : null);
  const pol = (a: number | Light, b: number | Light): Light | null => (typeof a === 'string' ? a : typeof b === 'string' ? b : null);
  return {
    date,
    latitude,
    longitude,
    utcOffset,
    solarNoon,
    sunrise: num(rise),
    sunset: num(set),
    civilDawn: num(dawn),
    civilDusk: num(dusk),
    polar: { official: pol(rise, set), civil: pol(dawn, dusk) },
  };
}

/** Result of {@link hourlyLight}. */
export interface HourlyLight {
  /** light[h]: the light of local clock hour h (h:00 to h+1:00), h = 0 … 23. */
  light: Light[];
  /** Hours of day and of night (sum 24). */
  dayHours: number;
  nightHours: number;
  sun: SunTimes;
  twilight: Twilight;
}

/**
 * Which local clock hours of a date are day and which are night: hour h
 * (h:00 to h+1:00) is `day` when its midpoint h + 0.5 lies between civil dawn
 * and civil dusk (with `twilight: 'official'`, between sunrise and sunset);
 * under the polar day every hour is day, under the polar night none.
 *
 * @param date - `YYYY-MM-DD`
 * @param latitude - degrees north
 * @param longitude - degrees east
 * @param options - `utcOffset`, `twilight` (default `civil`); defaults: {@link SUN_TIMES_DEFAULTS}
 * @returns the light of each of the 24 hours and the sun's events
 * @throws {InvalidInputError} as {@link sunTimes}, and on a `twilight` other than `civil` or `official`
 * @example
 * hourlyLight('2026-12-21', 43.238, 76.946).light[7] // 'night' (civil dawn about 07:40 in Almaty)
 *
 * Complexity: O(1).
 */
export function hourlyLight(date: string, latitude: number, longitude: number, options: SunTimesOptions = {}): HourlyLight {
  const origin = 'hourlyLight';
  checkOptions(origin, options, SUN_TIMES_OPTION_KEYS);
  const twilight = requireOneOf(origin, 'options.twilight', options.twilight ?? SUN_TIMES_DEFAULTS.twilight, ['civil', 'official']);
  const sun = sunTimes(date, latitude, longitude, { utcOffset: options.utcOffset });
  const from = twilight === 'civil' ? sun.civilDawn : sun.sunrise;
  const to = twilight === 'civil' ? sun.civilDusk : sun.sunset;
  const polar = sun.polar[twilight];
  const light: Light[] = [];
  for (let h = 0; h < 24; h++) {
    const mid = h + 0.5;
    if (from === null || to === null) light.push(polar === 'day' ? 'day' : 'night');
    else {
      // Events may fall outside [0, 24) far from the zone's meridian: compare on the 24-hour circle.
      const t = (((mid - from) % 24) + 24) % 24;
      const len = (((to - from) % 24) + 24) % 24;
      light.push(t <= len ? 'day' : 'night');
    }
  }
  const dayHours = light.filter((l) => l === 'day').length;
  return { light, dayHours, nightHours: 24 - dayHours, sun, twilight };
}

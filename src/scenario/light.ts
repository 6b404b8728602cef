/**
 * Day and night in a scenario: the fields the `coverageByHour` and
 * `exposureByHour` analyses share (the date, the place for the sun, the
 * night ranges) and their resolution against the city.
 */
import { z } from 'zod';
import { InvalidInputError } from '../core/index.js';
import { hourlyLight, NIGHT_CAMERA_SET_DEFAULTS, type HourlyLight, type NightCameraSetOptions, type SunTimes } from '../exposure/index.js';
import type { Assumption } from './result.js';
import type { ScenarioContext } from './steps.js';

const positive = z.number().positive();

/** The fields both by-hour analyses take. */
export const lightFields = {
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').describe('The date whose 24 local hours are classified day or night, YYYY-MM-DD (required).'),
  latitude: z.number().min(-90).max(90).optional().describe("Degrees north for the sun (default: the centre of the city's projection)."),
  longitude: z.number().min(-180).max(180).optional().describe("Degrees east for the sun (default: the centre of the city's projection)."),
  utcOffset: z.number().min(-14).max(14).optional().describe('Hours ahead of UTC of the local clock (default round(longitude / 15): UTC+5 for Almaty, its legal offset since March 2024).'),
  twilight: z.enum(['civil', 'official']).default('civil').describe('Day from civil dawn to civil dusk (default) or from sunrise to sunset.'),
  nightRange: positive.optional().describe('Night range of every camera, metres (overrides nightRangeByKind; a large value stands for lit streets).'),
  nightRangeByKind: z
    .strictObject({ fixed: positive.optional(), dome: positive.optional(), panning: positive.optional(), ptz: positive.optional() })
    .optional()
    .describe('Infrared (night) range by camera kind, metres (default fixed 30, dome 30, panning 50, ptz 200: vendor datasheets, panning an assumption).'),
};

/** The light fields as the schema gives them. */
export interface LightSpec {
  date: string;
  latitude?: number;
  longitude?: number;
  utcOffset?: number;
  twilight: 'civil' | 'official';
  nightRange?: number;
  nightRangeByKind?: NightCameraSetOptions['nightRangeByKind'];
}

/**
 * The place and the day's light for a by-hour analysis: the analysis's own
 * latitude and longitude, else the centre of the city's projection.
 *
 * @throws {InvalidInputError} naming `analyses.<key>.latitude` when neither is there (a city without a projection)
 */
export function resolveLight(ctx: ScenarioContext, key: string, o: LightSpec): { latitude: number; longitude: number; light: HourlyLight } {
  const p = ctx.city!.projection;
  const latitude = o.latitude ?? p?.lat0;
  const longitude = o.longitude ?? p?.lon0;
  if (latitude === undefined || longitude === undefined) {
    throw new InvalidInputError('runScenario', `analyses.${key}.latitude`, 'is needed (with longitude) for a city without a projection', o.latitude);
  }
  return { latitude, longitude, light: hourlyLight(o.date, latitude, longitude, { utcOffset: o.utcOffset, twilight: o.twilight }) };
}

/** The date, place and sun of a by-hour analysis, as results.json keeps them (`metrics.coverageByHour`, `metrics.exposureByHour`). */
export interface LightMetrics {
  date: string;
  latitude: number;
  longitude: number;
  utcOffset: number;
  twilight: 'civil' | 'official';
  /** The sun's events in decimal local hours (null when the sun does not reach them that day). */
  sun: Pick<SunTimes, 'sunrise' | 'sunset' | 'civilDawn' | 'civilDusk' | 'solarNoon'>;
  dayHours: number;
  nightHours: number;
}

/** The {@link LightMetrics} of a resolved light. */
export function lightMetrics(o: LightSpec, latitude: number, longitude: number, light: HourlyLight): LightMetrics {
  const s = light.sun;
  return {
    date: o.date, latitude, longitude, utcOffset: s.utcOffset, twilight: o.twilight,
    sun: { sunrise: s.sunrise, sunset: s.sunset, civilDawn: s.civilDawn, civilDusk: s.civilDusk, solarNoon: s.solarNoon },
    dayHours: light.dayHours, nightHours: light.nightHours,
  };
}

/** The night-range options of nightCameraSet from the spec. */
export function nightOptions(o: LightSpec): NightCameraSetOptions {
  return { nightRange: o.nightRange, nightRangeByKind: o.nightRangeByKind };
}

const hm = (h: number | null) => (h === null ? '—' : `${String(Math.floor(((h % 24) + 24) % 24)).padStart(2, '0')}:${String(Math.floor((h * 60) % 60)).padStart(2, '0')}`);

/** Clock time of a decimal local hour (`04:12`), `—` when the event does not happen. */
export function clockTime(h: number | null): string {
  return hm(h);
}

/** The assumption rows of the light model: sun, night ranges. */
export function lightAssumptions(o: LightSpec, light: HourlyLight, latitude: number, longitude: number): Assumption[] {
  const s = light.sun;
  const byKind = { ...NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind, ...(o.nightRangeByKind ?? {}) };
  return [
    {
      topic: 'Day and night',
      value: `${o.date} at ${latitude.toFixed(3)}° N, ${longitude.toFixed(3)}° E, UTC${s.utcOffset >= 0 ? '+' : ''}${s.utcOffset}: ${o.twilight === 'civil' ? `civil dawn ${clockTime(s.civilDawn)}, dusk ${clockTime(s.civilDusk)}` : `sunrise ${clockTime(s.sunrise)}, sunset ${clockTime(s.sunset)}`}; ${light.dayHours} day hours (an hour is day when its midpoint is)`,
      source: 'NOAA Solar Calculator equations (sun declination, equation of time, zenith 96° for civil twilight, 90.833° for sunrise)',
      sources: ['noaa-solar-calculator'],
      kind: 'sourced',
    },
    {
      topic: 'Night range',
      value: o.nightRange !== undefined
        ? `${o.nightRange} m for every camera (the scenario's); every DORI distance capped by it at night`
        : `by kind: fixed ${byKind.fixed} m, dome ${byKind.dome} m, panning ${byKind.panning} m, ptz ${byKind.ptz} m; every DORI distance capped by it at night`,
      source: o.nightRange !== undefined
        ? 'scenario'
        : 'vendor datasheets (infrared illuminator "up to" ranges: Hikvision value bullet 20 m, Smart Hybrid Light bullet and dome 30 m, ACTi bullet 50 m, DarkFighter PTZ 200 m); panning an assumption; street lighting not modelled (cameras on lit streets would keep more of their day range)',
      sources: o.nightRange !== undefined ? undefined : ['cctv-camera-database-2026'],
      kind: o.nightRange !== undefined ? 'assumption' : 'sourced',
    },
  ];
}

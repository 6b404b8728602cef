import { describe, expect, it } from 'vitest';
import { hourlyLight, sunTimes } from '../../src/exposure/index.js';
import { InvalidInputError } from '../../src/core/errors.js';

/**
 * An independent oracle: the Astronomical Almanac's low-precision formulas
 * for the sun (mean longitude and anomaly from n = JD − 2451545, ecliptic
 * longitude λ = L + 1.915° sin g + 0.020° sin 2g, obliquity 23.439°; good to
 * 0.01° between 1950 and 2050), a different formulation from the Meeus-based
 * NOAA spreadsheet the library follows; the equation of time is L − α.
 * Local hours of the events at `zenith` on a date (UTC midnight `utc0`, ms), iterated once at the event's time.
 */
function almanac(utc0: number, lat: number, lon: number, tz: number, zenith: number): { rise: number; set: number; noon: number } {
  const r = Math.PI / 180;
  const at = (utcHour: number) => {
    const n = (utc0 + utcHour * 3_600_000) / 86_400_000 + 2_440_587.5 - 2_451_545;
    const L = 280.46 + 0.9856474 * n;
    const g = (357.528 + 0.9856003 * n) * r;
    const lambda = (L + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * r;
    const eps = (23.439 - 0.0000004 * n) * r;
    const decl = Math.asin(Math.sin(eps) * Math.sin(lambda));
    const alpha = Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda)) / r;
    const eqtime = 4 * ((((L - alpha) % 360) + 540) % 360 - 180); // minutes
    const ha = Math.acos(Math.cos(zenith * r) / (Math.cos(lat * r) * Math.cos(decl)) - Math.tan(lat * r) * Math.tan(decl)) / r;
    return { rise: (720 - 4 * (lon + ha) - eqtime) / 60 + tz, set: (720 - 4 * (lon - ha) - eqtime) / 60 + tz, noon: (720 - 4 * lon - eqtime) / 60 + tz };
  };
  const first = at(12);
  return { rise: at(first.rise - tz).rise, set: at(first.set - tz).set, noon: at(first.noon - tz).noon };
}

const ALMATY = { lat: 43.238, lon: 76.946 };
const MINUTE = 1 / 60;

describe('sunTimes', () => {
  it('gives Almaty\'s solstice sunrise and sunset as worked out by hand (UTC+5)', () => {
    // 21 June: declination 23.44°. cos H = (cos 90.833° − sin 43.238° · sin 23.44°) / (cos 43.238° · cos 23.44°)
    // = (−0.01454 − 0.68503 · 0.39777) / (0.72852 · 0.91748) = −0.42939, H = 115.43° = 7 h 41.7 min.
    // Solar noon: 12:00 − 4 min · (76.946° − 75°) + 1.7 min (equation of time −1.7 min) = 11:53.9.
    const s = sunTimes('2026-06-21', ALMATY.lat, ALMATY.lon);
    expect(s.utcOffset).toBe(5);
    expect(Math.abs(s.solarNoon - (11 + 53.9 / 60))).toBeLessThan(0.5 * MINUTE);
    expect(Math.abs(s.sunrise! - (11 + 53.9 / 60 - 7 - 41.7 / 60))).toBeLessThan(1.5 * MINUTE); // ≈ 04:12
    expect(Math.abs(s.sunset! - (11 + 53.9 / 60 + 7 + 41.7 / 60))).toBeLessThan(1.5 * MINUTE); // ≈ 19:36
  });

  it('agrees within a minute with the Astronomical Almanac\'s low-precision sun on every month of a year', () => {
    for (let m = 1; m <= 12; m++) {
      const date = `2026-${String(m).padStart(2, '0')}-15`;
      const s = sunTimes(date, ALMATY.lat, ALMATY.lon);
      const off = almanac(Date.UTC(2026, m - 1, 15), ALMATY.lat, ALMATY.lon, 5, 90.833);
      const civ = almanac(Date.UTC(2026, m - 1, 15), ALMATY.lat, ALMATY.lon, 5, 96);
      expect(Math.abs(s.sunrise! - off.rise), `${date} sunrise`).toBeLessThan(1 * MINUTE);
      expect(Math.abs(s.sunset! - off.set), `${date} sunset`).toBeLessThan(1 * MINUTE);
      expect(Math.abs(s.civilDawn! - civ.rise), `${date} dawn`).toBeLessThan(1 * MINUTE);
      expect(Math.abs(s.civilDusk! - civ.set), `${date} dusk`).toBeLessThan(1 * MINUTE);
      expect(Math.abs(s.solarNoon - off.noon), `${date} noon`).toBeLessThan(1 * MINUTE);
    }
  });

  it('gives a day slightly longer than 12 hours at the equator on the equinox (refraction and the sun\'s radius)', () => {
    const s = sunTimes('2026-03-20', 0, 0, { utcOffset: 0 });
    // 2 · 0.833° of hour angle = 6.7 minutes longer than 12 h.
    expect(Math.abs(s.sunset! - s.sunrise! - (12 + 6.7 / 60))).toBeLessThan(0.5 * MINUTE);
  });

  it('reports the polar day and night instead of times', () => {
    const summer = sunTimes('2026-06-21', 80, 0);
    expect(summer.sunrise).toBeNull();
    expect(summer.polar).toEqual({ official: 'day', civil: 'day' });
    const winter = sunTimes('2026-12-21', 80, 0);
    expect(winter.polar.official).toBe('night');
  });

  it('names the field of a bad date, place or offset', () => {
    expect(() => sunTimes('2026-02-30', 43, 77)).toThrow(InvalidInputError);
    expect(() => sunTimes('2026-02-30', 43, 77)).toThrow(/sunTimes.*date/);
    expect(() => sunTimes('21/06/2026', 43, 77)).toThrow(/date/);
    expect(() => sunTimes('2026-06-21', 91, 77)).toThrow(/latitude/);
    expect(() => sunTimes('2026-06-21', 43, Number.NaN)).toThrow(/longitude/);
    expect(() => sunTimes('2026-06-21', 43, 77, { utcOffset: 20 })).toThrow(/utcOffset/);
  });
});

describe('hourlyLight', () => {
  it('switches at civil dawn and dusk: an hour is day when its midpoint lies between them', () => {
    const r = hourlyLight('2026-12-21', ALMATY.lat, ALMATY.lon);
    const { civilDawn, civilDusk } = r.sun;
    for (let h = 0; h < 24; h++) expect(r.light[h], `hour ${h}`).toBe(h + 0.5 >= civilDawn! && h + 0.5 <= civilDusk! ? 'day' : 'night');
    // Almaty, winter solstice (UTC+5): civil dawn ≈ 06:48, dusk ≈ 16:52: hours 7 … 15 are day, 16:00–17:00 (midpoint 16:30) too.
    expect(r.light.indexOf('day')).toBe(7);
    expect(r.light.lastIndexOf('day')).toBe(16);
    expect(r.dayHours + r.nightHours).toBe(24);
  });

  it('has longer days in June than in December, and official sunrise gives shorter days than civil twilight', () => {
    const june = hourlyLight('2026-06-21', ALMATY.lat, ALMATY.lon);
    const dec = hourlyLight('2026-12-21', ALMATY.lat, ALMATY.lon);
    expect(june.dayHours).toBeGreaterThan(dec.dayHours);
    expect(hourlyLight('2026-06-21', ALMATY.lat, ALMATY.lon, { twilight: 'official' }).dayHours).toBeLessThanOrEqual(june.dayHours);
  });

  it('is all day under the polar day and all night under the polar night', () => {
    expect(hourlyLight('2026-06-21', 85, 0).light.every((l) => l === 'day')).toBe(true);
    expect(hourlyLight('2026-12-21', 85, 0).light.every((l) => l === 'night')).toBe(true);
  });

  it('refuses an unknown twilight', () => {
    expect(() => hourlyLight('2026-06-21', 43, 77, { twilight: 'nautical' as never })).toThrow(/hourlyLight.*twilight/);
  });
});

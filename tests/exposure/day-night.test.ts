import { describe, expect, it } from 'vitest';
import { coverageByHour, exposureByHour, hourlyLight, nightCameraSet, NIGHT_CAMERA_SET_DEFAULTS, type Light } from '../../src/exposure/index.js';
import { computePopulationExposure, type PopulationExposureOptions } from '../../src/exposure/population-exposure.js';
import { routeExposure } from '../../src/exposure/route-exposure.js';
import { computeCoverage } from '../../src/coverage/index.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { doriDistance } from '../../src/cameras/optics.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';

const ALMATY = { latitude: 43.238, longitude: 76.946 };
const sector = (r: number, fovDeg: number) => 0.5 * r * r * ((fovDeg * Math.PI) / 180);

describe('nightCameraSet', () => {
  const cams = createCameraSet([
    { x: 0, y: 0, heading: 0, fov: 60, range: 80, kind: 'fixed' },
    { x: 10, y: 0, heading: 90, fov: 90, range: 20, kind: 'dome' },
    { x: 20, y: 0, heading: 180, fov: 360, range: 300, kind: 'ptz', capabilities: ['face'] },
  ]);

  it('caps each camera\'s range at its kind\'s infrared reach, and keeps a shorter day range', () => {
    const n = nightCameraSet(cams);
    expect(Array.from(n.range)).toEqual([NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind.fixed, 20, NIGHT_CAMERA_SET_DEFAULTS.nightRangeByKind.ptz]);
    expect(Array.from(cams.range)).toEqual([80, 20, 300]); // the day set is untouched
    expect(Array.from(n.capabilities)).toEqual(Array.from(cams.capabilities));
    expect(n.provenance?.generator).toBe('nightCameraSet');
  });

  it('takes one night range for all, one per camera (Infinity: a lit street), or kinds overridden', () => {
    expect(Array.from(nightCameraSet(cams, { nightRange: 15 }).range)).toEqual([15, 15, 15]);
    expect(Array.from(nightCameraSet(cams, { nightRange: [Infinity, 5, 100] }).range)).toEqual([80, 5, 100]);
    expect(Array.from(nightCameraSet(cams, { nightRangeByKind: { fixed: 50 } }).range)).toEqual([50, 20, 200]);
  });

  it('names a bad night range', () => {
    expect(() => nightCameraSet(cams, { nightRange: 0 })).toThrow(InvalidInputError);
    expect(() => nightCameraSet(cams, { nightRange: [1, 2] })).toThrow(/nightCameraSet.*nightRange\.length/);
    expect(() => nightCameraSet(cams, { nightRange: [1, Number.NaN, 3] })).toThrow(/nightRange\[1\]/);
    expect(() => nightCameraSet(cams, { nightRangeByKind: { tripod: 3 } as never })).toThrow(/nightRangeByKind\.tripod/);
  });
});

describe('a route at night', () => {
  it('is seen over no more of its length, by no more cameras, than by day, at every level (the same route, random cameras)', () => {
    const rng = createRng('route-night');
    const cams: CameraInput[] = [];
    for (let i = 0; i < 400; i++) cams.push({ x: rng.uniform(0, 2000), y: rng.uniform(-200, 200), heading: rng.uniform(0, 360), fov: rng.uniform(30, 120), resolutionPx: 3840, kind: i % 2 ? 'fixed' : 'dome' });
    const day = createCameraSet(cams);
    const night = nightCameraSet(day);
    const path: [number, number][] = [[0, 0], [700, 40], [1300, -30], [2000, 0]];
    for (const level of ['range', 'detect', 'identify'] as const) {
      const d = routeExposure(day, path, { level });
      const n = routeExposure(night, path, { level });
      expect(n.observedLength, level).toBeLessThanOrEqual(d.observedLength + 1e-9);
      expect(n.cameraIds.every((c) => d.cameraIds.includes(c)), level).toBe(true);
      if (level === 'range') expect(n.observedLength).toBeLessThan(d.observedLength);
    }
  });
});

describe('coverageByHour', () => {
  // One camera looking north, 60° field of view, 1920 px: detect reach 1920 / (2 tan 30° · 25) = 66.5 m, identify 6.65 m.
  const one = createCameraSet([{ x: 500, y: 500, heading: 0, fov: 60, resolutionPx: 1920 }]);
  const options = { date: '2026-12-21', ...ALMATY, bounds: [0, 0, 1000, 1000] as [number, number, number, number], levels: ['range', 'identify'] as const };

  it('gives at night the closed-form sector ½ r² fov with the night radius, and by day computeCoverage\'s figure bit for bit', () => {
    const r = coverageByHour(one, { ...options, levels: [...options.levels] });
    const [range, identify] = r.levels;
    expect(range.night.coveredArea).toBeCloseTo(sector(30, 60), 6); // the fixed camera's 30 m infrared reach
    expect(range.day.coveredArea).toBeCloseTo(sector(doriDistance(1920, 60, 'detect'), 60), 6);
    expect(range.day.coveredArea).toBe(computeCoverage(one, { bounds: options.bounds, level: 'range' }).coveredArea);
    // The identify distance (6.65 m) is inside the infrared reach: the identify footprint is the same at night.
    expect(identify.night.coveredArea).toBeCloseTo(sector(doriDistance(1920, 60, 'identify'), 60), 6);
    expect(identify.night.coveredArea).toBe(identify.day.coveredArea);
    // With a 4 m night range the identify footprint shrinks to the 4 m sector.
    const dark = coverageByHour(one, { ...options, levels: ['identify'], nightRange: 4 });
    expect(dark.levels[0].night.coveredArea).toBeCloseTo(sector(4, 60), 6);
  });

  it('switches between the day and night figures at the computed civil dawn and dusk', () => {
    const r = coverageByHour(one, { ...options, levels: ['range'] });
    const sun = hourlyLight(options.date, ALMATY.latitude, ALMATY.longitude).sun;
    for (const h of r.hours) {
      const isDay = h.hour + 0.5 >= sun.civilDawn! && h.hour + 0.5 <= sun.civilDusk!;
      expect(h.light, `hour ${h.hour}`).toBe(isDay ? 'day' : 'night');
      expect(h.coveredFraction[0]).toBe(isDay ? r.levels[0].day.coveredFraction : r.levels[0].night.coveredFraction);
    }
    // Almaty, 21 December (UTC+5): 06:00–07:00 is night (dawn ≈ 06:48), 07:00–08:00 is day.
    expect(r.hours[6].light).toBe('night');
    expect(r.hours[7].light).toBe('day');
  });

  it('adds the covered street share when a city is given, smaller or equal at night', () => {
    const city = generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100, population: 1000, seed: 1 });
    const r = coverageByHour(one, { date: options.date, ...ALMATY, city, levels: ['range'] });
    const lvl = r.levels[0];
    expect(r.streetLength).toBeGreaterThan(0);
    expect(lvl.day.streetFraction).toBeGreaterThan(0);
    expect(lvl.night.streetFraction!).toBeLessThan(lvl.day.streetFraction!);
    // The camera looks north along the street x = 500 from (500, 500): it covers 66.5 m by day and 30 m by night of it.
    expect(lvl.day.streetCoveredLength!).toBeCloseTo(doriDistance(1920, 60, 'detect'), 6);
    expect(lvl.night.streetCoveredLength!).toBeCloseTo(30, 6);
  });
});

describe('exposureByHour', () => {
  const city = generateGridCity({ boundary: [0, 0, 1500, 1500], blockSize: 100, population: 30_000, seed: 3 });
  const rng = createRng('cams');
  const cams: CameraInput[] = [];
  for (let i = 0; i < 300; i++) {
    const r = rng.next();
    cams.push({
      x: rng.uniform(0, 1500), y: rng.uniform(0, 1500), heading: rng.uniform(0, 360), fov: rng.uniform(40, 100),
      resolutionPx: 3840, capabilities: r < 0.4 ? ['face'] : r < 0.6 ? ['plate'] : r < 0.7 ? ['face', 'plate'] : [],
    });
  }
  const cameras = createCameraSet(cams);
  const network = buildStreetNetwork(city.streets);
  const base: PopulationExposureOptions = { seed: 5, numResidents: 500, network, plans: { days: 1 }, threads: 1 };
  const day = computePopulationExposure(cameras, city, base);
  const night = computePopulationExposure(nightCameraSet(cameras), city, base);
  const allDay: Light[] = new Array(24).fill('day');
  const allNight: Light[] = new Array(24).fill('night');

  it('sees every trip at night over no more of its path than by day (night footprints lie inside day footprints)', () => {
    expect(night.numTrips).toBe(day.numTrips);
    let shorter = 0;
    for (let k = 0; k < day.numTrips; k++) {
      expect(night.trips.observedLength[k]).toBeLessThanOrEqual(day.trips.observedLength[k] + 1e-9);
      if (night.trips.observedLength[k] < day.trips.observedLength[k] - 1e-9) shorter++;
    }
    expect(shorter).toBeGreaterThan(0);
  });

  it('gives the day figures exactly when every hour is day, and fewer identifications when every hour is night', () => {
    const d = exposureByHour(day, night, allDay);
    expect(d.total).toEqual(d.allByDay);
    expect(d.night.trips).toBe(0);
    let sum = 0;
    for (let k = 0; k < day.numTrips; k++) sum += day.trips.identified[k];
    expect(d.allByDay.identified).toBe(sum);
    const n = exposureByHour(day, night, allNight, { nightFaceFactor: 0.5, nightPlateFactor: 1 });
    expect(n.day.trips).toBe(0);
    expect(n.night.identified).toBeLessThan(n.allByDay.identified);
    expect(n.night.faceSearches).toBeLessThanOrEqual(n.allByDay.faceSearches);
    // Linear in the rates: the night run's face searches × half the face rate + its plate captures × the plate rate.
    const tpr = day.trips.params.recognition.truePositiveRate;
    const pr = day.trips.params.plateReadRate;
    let face = 0, plate = 0;
    for (let k = 0; k < night.numTrips; k++) {
      face += night.trips.faceSearches[k];
      plate += night.trips.plateCaptures[k];
    }
    expect(n.night.identified).toBeCloseTo(face * tpr * 0.5 + plate * pr, 9);
  });

  it('splits the trips by the light of their departure hour, and scales identifications to residents and the city', () => {
    const light = hourlyLight('2026-12-21', ALMATY.latitude, ALMATY.longitude);
    const r = exposureByHour(day, night, light);
    let dayTrips = 0;
    for (let k = 0; k < day.numTrips; k++) if (light.light[Math.floor((day.trips.departure[k] % 86_400) / 3600)] === 'day') dayTrips++;
    expect(r.day.trips).toBe(dayTrips);
    expect(r.night.trips).toBe(day.numTrips - dayTrips);
    expect(r.night.trips).toBeGreaterThan(0);
    expect(r.hours.reduce((a, h) => a + h.trips, 0)).toBe(day.numTrips);
    expect(r.hours.reduce((a, h) => a + h.identified, 0)).toBeCloseTo(r.total.identified, 9);
    expect(r.perResidentDay.total).toBeCloseTo(r.total.identified / 500, 12);
    expect(r.cityPerDay.total).toBeCloseTo((r.total.identified / 500) * city.population.total, 6);
    expect(r.total.identified).toBeLessThanOrEqual(r.allByDay.identified);
  });

  it('refuses exposures of different trips, a bad light, or a factor out of [0, 1]', () => {
    const other = computePopulationExposure(cameras, city, { ...base, seed: 6 });
    expect(() => exposureByHour(day, other, allDay)).toThrow(InvalidInputError);
    expect(() => exposureByHour(day, night, allDay.slice(1))).toThrow(/exposureByHour.*light/);
    expect(() => exposureByHour(day, night, allDay, { nightFaceFactor: 2 })).toThrow(/nightFaceFactor/);
  });
});

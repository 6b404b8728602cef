/**
 * The by-hour analyses of a scenario (coverageByHour, exposureByHour): they
 * add their metrics and leave every other figure of the run as it was; by
 * day they repeat the day figures; their sun matches the library's.
 */
import { describe, expect, test } from 'vitest';
import { runScenarioDetailed } from '../../src/scenario/run-scenario.js';
import { parseScenario } from '../../src/scenario/index.js';
import { hourlyLight } from '../../src/exposure/index.js';

const BASE = {
  name: 'day-night test',
  seed: 3,
  city: { preset: 'almaty' },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 3000 }],
  residents: { count: 400 },
  analyses: {
    coverage: { levels: ['range', 'identify'] },
    streetCoverage: {},
    exposure: { occlusion: false },
  },
};
const BY_HOUR = {
  ...BASE,
  analyses: {
    ...BASE.analyses,
    coverageByHour: { date: '2026-12-21' },
    exposureByHour: { date: '2026-12-21' },
  },
};

describe('coverageByHour and exposureByHour in a scenario', async () => {
  const plain = (await runScenarioDetailed(BASE as never)).result;
  const run = await runScenarioDetailed(BY_HOUR as never);
  const r = run.result;

  test('leave every metric of the run without them unchanged, bit for bit', () => {
    expect(r.metrics.coverage).toEqual(plain.metrics.coverage);
    expect(r.metrics.streetCoverage).toEqual(plain.metrics.streetCoverage);
    expect(r.metrics.exposure).toEqual(plain.metrics.exposure);
    for (const [k, v] of Object.entries(plain.headline)) expect(r.headline[k], k).toBe(v);
  });

  test('by day repeat the coverage analysis\'s figures, and at night see less at the range level', () => {
    const c = r.metrics.coverageByHour!;
    for (const l of c.levels) {
      const run = r.metrics.coverage!.runs.find((x) => x.level === l.level)!;
      expect(l.day.coveredFraction, l.level).toBe(run.coveredFraction);
      expect(l.night.coveredFraction, l.level).toBeLessThanOrEqual(l.day.coveredFraction);
    }
    expect(c.levels[0].night.coveredFraction).toBeLessThan(c.levels[0].day.coveredFraction);
    expect(c.levels[0].day.streetFraction).toBe(r.metrics.streetCoverage!.coveredFraction);
    expect(r.headline.coveredFractionNight_range).toBe(c.levels[0].night.coveredFraction);
  });

  test('classify the hours with the city projection\'s centre and the solar time zone (UTC+5 for Almaty)', () => {
    const c = r.metrics.coverageByHour!;
    expect(c.utcOffset).toBe(5);
    const light = hourlyLight('2026-12-21', c.latitude, c.longitude);
    expect(c.hours.map((h) => h.light)).toEqual(light.light);
    expect(c.dayHours).toBe(light.dayHours);
  });

  test('split the identifications by day and night trips, summing to the day figures when scored by day', () => {
    const e = r.metrics.exposureByHour!;
    const p = r.metrics.exposure!.population!;
    expect(e.total.trips).toBe(p.numTrips);
    expect(e.day.trips + e.night.trips).toBe(p.numTrips);
    expect(e.night.trips).toBeGreaterThan(0);
    // All trips scored by day: the mean identified per person-day of the exposure analysis.
    expect(e.perResidentDay.allByDay).toBeCloseTo(p.summary.identified.mean, 9);
    expect(e.total.identified).toBeLessThanOrEqual(e.allByDay.identified);
    expect(e.params.faceRateNight).toBeCloseTo(0.5 * e.params.faceRateDay, 12);
    expect(r.headline.exposureByHourIdentifiedCityNight).toBe(e.cityPerDay.night);
  });

  test('list the light and night-recognition assumptions', () => {
    const topics = r.assumptions.map((a) => a.topic);
    expect(topics).toContain('Day and night');
    expect(topics).toContain('Night range');
    expect(topics).toContain('Face recognition at night (share of the day rate)');
    expect(topics.filter((t) => t === 'Day and night')).toHaveLength(1);
  });

  test('the schema refuses exposureByHour without the exposure analysis, and a bad date', () => {
    expect(() => parseScenario({ ...BASE, residents: undefined, analyses: { exposureByHour: { date: '2026-12-21' } } })).toThrow(/analyses\.exposureByHour/);
    expect(() => parseScenario({ ...BASE, analyses: { coverageByHour: { date: '21.12.2026' } } })).toThrow(/analyses\.coverageByHour\.date/);
  });
});

/**
 * Sampled headline numbers carry an interval: the watchlist figures rest on
 * the face searches of the simulated residents, so their 90 % interval is the
 * exact Poisson interval of that count, scaled like the count.
 */
import { describe, expect, test } from 'vitest';
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { createRng, runScenario, runScenarioDetailed, scenarioPreset } from '../../src/index.js';

describe('intervals of sampled headline numbers', () => {
  test('the watchlist figures get a 90 % interval that brackets them and narrows like 1/√(searches)', async () => {
    const r = await runScenario(scenarioPreset('almaty', { numCameras: 30000, numResidents: 3000, outageTrials: 10 }));
    const w = r.metrics.exposure!.population!.watchlist!;
    expect(w.simulatedSearches).toBeGreaterThan(3);
    for (const [key, value] of [['watchlistTruePerDay', w.expectedTrue], ['watchlistFalsePerDay', w.expectedFalse]] as const) {
      const i = r.intervals![key];
      expect(r.headline[key]).toBe(value);
      expect(i.level).toBe(0.9);
      expect(i.method).toMatch(/exact Poisson \(Garwood\) interval of the [\d,]+ simulated face searches/);
      expect(i.lo).toBeLessThan(value);
      expect(i.hi).toBeGreaterThan(value);
      // Normal approximation to the Poisson count n: value × (1 ± 1.645 / √n), asymmetric for small n.
      const half = (1.645 / Math.sqrt(w.simulatedSearches)) * value;
      expect((i.hi - i.lo) / 2).toBeGreaterThan(0.8 * half);
      expect((i.hi - i.lo) / 2).toBeLessThan(1.25 * half);
    }
  });
});

/**
 * Every sampled headline number of the default (Almaty) run gets a 90 %
 * interval that brackets it, states its method and is reproducible from the
 * seed; the bootstrap over residents is recomputed here independently from
 * the per-resident arrays with simple-statistics.
 */
describe('90 % intervals of the default run', () => {
  // A small Almaty run over two days, so that residents (not person-days) are what the bootstrap resamples.
  const spec = () => {
    const s = scenarioPreset('almaty', { numCameras: 8000, numResidents: 600, outageTrials: 50 }) as Record<string, unknown>;
    return { ...s, trips: { ...(s.trips as object | undefined), days: 2 } };
  };
  const KEYS = ['exposurePIdentifiedMean', 'exposureSightingsMean', 'unicityK4', 'outageLiveShareMean', 'retentionReconstructableShareMean', 'watchlistTruePerDay', 'watchlistFalsePerDay'];

  test('the seven keys (and every other interval) bracket their value at level 0.9 with a stated method; same seed, same intervals', async () => {
    const a = await runScenarioDetailed(spec());
    const r = a.result;
    for (const key of KEYS) expect(r.intervals, key).toHaveProperty(key);
    for (const [key, i] of Object.entries(r.intervals!)) {
      const v = r.headline[key];
      expect(v, key).toBeTypeOf('number');
      expect(i.level, key).toBe(0.9);
      expect(i.method.length, key).toBeGreaterThan(20);
      expect(i.lo, key).toBeLessThanOrEqual(v);
      expect(i.hi, key).toBeGreaterThanOrEqual(v);
    }
    expect(r.intervals!.exposureSightingsMean.method).toMatch(/^percentile bootstrap over residents: 2,000 resamples, with replacement, of the 600 simulated residents \(each resident's 2 days kept together\)/);
    expect(r.intervals!.unicityK4.method).toMatch(/^Wilson score interval of [\d,]+ sampled residents/);
    expect(r.intervals!.outageLiveShareMean.method).toMatch(/^90 % confidence interval of the mean over 50 outage trials/);
    const b = await runScenario(spec());
    expect(JSON.stringify(b.intervals)).toBe(JSON.stringify(r.intervals));
    const { timings: _ta, ...ra } = r;
    const { timings: _tb, ...rb } = b;
    expect(JSON.stringify(rb)).toBe(JSON.stringify(ra));

    // Independent recomputation of exposurePIdentifiedMean's interval: the same draws of residents from the
    // dedicated stream, each resident's mean over their days and the percentiles by simple-statistics.
    const ex = a.exposure!;
    const nr = ex.numResidents;
    const nd = ex.numDays;
    expect(nd).toBe(2);
    const perResident: number[] = [];
    for (let p = 0; p < nr; p++) perResident.push(mean(Array.from(ex.persons.pIdentified.subarray(p * nd, (p + 1) * nd))));
    const rng = createRng(r.seed).stream('bootstrap/exposure');
    const means: number[] = [];
    for (let k = 0; k < 2000; k++) {
      const drawn: number[] = [];
      for (let j = 0; j < nr; j++) drawn.push(perResident[Math.floor(rng.next() * nr)]);
      means.push(mean(drawn));
    }
    means.sort((x, y) => x - y);
    const i = r.intervals!.exposurePIdentifiedMean;
    expect(i.lo).toBeCloseTo(quantileSorted(means, 0.05), 10);
    expect(i.hi).toBeCloseTo(quantileSorted(means, 0.95), 10);
    // And near the closed form over residents: mean ± 1.645·sd/√n.
    const m = mean(perResident);
    const half = (1.645 * sampleStandardDeviation(perResident)) / Math.sqrt(nr);
    expect(Math.abs(i.lo - (m - half))).toBeLessThan(0.15 * half);
    expect(Math.abs(i.hi - (m + half))).toBeLessThan(0.15 * half);
  });
});

/**
 * Sampled headline numbers carry an interval: the watchlist figures rest on
 * the face searches of the simulated residents, so their 90 % interval is the
 * exact Poisson interval of that count, scaled like the count.
 */
import { describe, expect, test } from 'vitest';
import { runScenario, scenarioPreset } from '../../src/index.js';

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

import { describe, expect, it } from 'vitest';
import { gini, groupInequality } from '../../src/exposure/inequality.js';
import { computePersonMetrics } from '../../src/exposure/person-metrics.js';
import { computeTripMetrics } from '../../src/exposure/trip-metrics.js';
import { computeSightings } from '../../src/exposure/sightings.js';
import { districtExposure } from '../../src/exposure/district-exposure.js';
import { NO_DISTRICT, type Residents } from '../../src/mobility/trip-set.js';
import { createRng } from '../../src/core/random.js';
import { randomCase } from './sightings-fixtures.js';

const MODEL = { name: 'test', truePositiveRate: 0.7, falsePositivePerEntry: 1e-6 };

describe('gini', () => {
  it('equals the pairwise definition Σ Σ w_i w_j |x_i − x_j| / (2 W² μ) on random weighted data', () => {
    const rng = createRng('gini');
    for (let rep = 0; rep < 20; rep++) {
      const n = 1 + rng.int(12);
      const x = Array.from({ length: n }, () => (rng.next() < 0.2 ? 0 : rng.uniform(0, 10)));
      const w = Array.from({ length: n }, () => rng.uniform(0, 5));
      let num = 0, W = 0, S = 0;
      for (let i = 0; i < n; i++) {
        W += w[i];
        S += w[i] * x[i];
        for (let j = 0; j < n; j++) num += w[i] * w[j] * Math.abs(x[i] - x[j]);
      }
      const want = S > 0 ? num / (2 * W * S) : 0;
      expect(gini(x, w)).toBeCloseTo(want, 12);
    }
  });

  it('is 0 for equal values, 2/3 for (0, 0, 1), and 0 with nothing to share', () => {
    expect(gini([3, 3, 3])).toBe(0);
    expect(gini([0, 0, 1])).toBeCloseTo(2 / 3, 15);
    expect(gini([0, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });

  it('rejects negative or non-finite values and mismatched weights', () => {
    expect(() => gini([1, -1])).toThrow(/gini: values\[1\] must be a finite number >= 0, got -1/);
    expect(() => gini([1, NaN])).toThrow(/values\[1\]/);
    expect(() => gini([1, 2], [1])).toThrow(/gini: weights must be an array of the same length as values \(2\)/);
    expect(() => gini([1, 2], [1, Infinity])).toThrow(/weights\[1\] must be a finite number >= 0, got Infinity/);
    expect(() => gini(null as never)).toThrow(/gini: values must be an array/);
  });
});

describe('groupInequality', () => {
  it('reports the max/min ratio and labels, skipping empty groups, and null when the minimum is 0', () => {
    const g = groupInequality(['a', 'b', 'c'], [1, 3, 100], [10, 10, 0]);
    expect(g).toMatchObject({ max: 3, min: 1, maxGroup: 'b', minGroup: 'a', maxMinRatio: 3, groups: 2 });
    expect(g.gini).toBeCloseTo(gini([1, 3], [10, 10]), 15);
    expect(groupInequality(['a', 'b'], [0, 2], [1, 1]).maxMinRatio).toBeNull();
    expect(groupInequality([], [], []).groups).toBe(0);
  });

  it('rejects mismatched lengths and bad values', () => {
    expect(() => groupInequality(['a'], [1, 2], [1])).toThrow(/groupInequality: means.length must equal ids.length \(1\), got 2/);
    expect(() => groupInequality(['a'], [1], [])).toThrow(/weights.length must equal ids.length \(1\), got 0/);
    expect(() => groupInequality(['a'], [-1], [1])).toThrow(/means\[0\] must be a finite number >= 0/);
    expect(() => groupInequality(['a'], [1], [-1])).toThrow(/weights\[0\] must be a finite number >= 0/);
    expect(() => groupInequality('a' as never, [1], [1])).toThrow(/ids must be an array/);
  });
});

describe('computePersonMetrics', () => {
  it('matches a brute-force grouping of the sightings by person and day (distinct cameras per day, at-least-once over all captures)', () => {
    for (const seed of [11, 12, 13]) {
      const { net, profile, cameras, trips } = randomCase(seed, 10, 60);
      const up = Uint8Array.from({ length: 10 }, (_, c) => (c === 3 ? 0 : 1));
      for (const extra of [{}, { cameraUp: up }, { availability: Array.from({ length: 10 }, (_, c) => (c % 2 ? 0.5 : 1)) }]) {
        const opts = { network: net, recognition: MODEL, ...extra };
        const s = computeSightings(trips, profile, cameras, opts);
        const m = computeTripMetrics(trips, profile, cameras, opts);
        const pd = computePersonMetrics(m, { numPersons: 8, numDays: 2 });
        for (let p = 0; p < 8; p++) {
          for (let d = 0; d < 2; d++) {
            const r = p * 2 + d;
            const idx: number[] = [];
            for (let i = 0; i < s.numSightings; i++) if (s.person[i] === p && s.day[i] === d) idx.push(i);
            const tripIds: number[] = [];
            for (let t = 0; t < trips.numTrips; t++) if (trips.person[t] === p && trips.day[t] === d) tripIds.push(t);
            expect(pd.trips[r]).toBe(tripIds.length);
            expect(pd.sightings[r]).toBeCloseTo(idx.reduce((a, i) => a + s.pSeen[i], 0), 12);
            expect(pd.identified[r]).toBeCloseTo(idx.reduce((a, i) => a + s.pIdentify[i], 0), 12);
            expect(pd.pIdentified[r]).toBeCloseTo(1 - idx.reduce((q, i) => q * (1 - s.pIdentify[i]), 1), 12);
            // Expected distinct cameras: Σ_c 1 − Π over c's captures (1 − pSeen).
            const miss = new Map<number, number>();
            for (const i of idx) miss.set(s.camera[i], (miss.get(s.camera[i]) ?? 1) * (1 - s.pSeen[i]));
            expect(pd.distinctCameras[r]).toBeCloseTo([...miss.values()].reduce((a, q) => a + 1 - q, 0), 12);
            const len = tripIds.reduce((a, t) => a + m.length[t], 0);
            const obs = tripIds.reduce((a, t) => a + m.observedLength[t], 0);
            expect(pd.length[r]).toBeCloseTo(len, 9);
            expect(pd.observedFraction[r]).toBeCloseTo(len > 0 ? obs / len : 0, 12);
            expect(pd.longestGap[r]).toBe(Math.max(0, ...tripIds.map((t) => m.longestGap[t])));
          }
        }
      }
    }
  });

  it('rejects bad options and persons or days out of range', () => {
    const { net, profile, cameras, trips } = randomCase(1, 4, 10);
    const m = computeTripMetrics(trips, profile, cameras, { network: net });
    expect(() => computePersonMetrics(m, undefined as never)).toThrow(/computePersonMetrics: options must be an object/);
    expect(() => computePersonMetrics(m, { numPersons: 0 })).toThrow(/options.numPersons must be an integer >= 1/);
    expect(() => computePersonMetrics(m, { numPersons: 3 })).toThrow(/trips.person\[\d+\] must be < options.numPersons \(3\)/);
    expect(() => computePersonMetrics(m, { numPersons: 8, numDays: 1 })).toThrow(/options.numDays must exceed every trip's day \(largest 1\)/);
    expect(() => computePersonMetrics({} as never, { numPersons: 8 })).toThrow(/trips must be a TripMetrics/);
  });
});

describe('districtExposure', () => {
  it('averages per resident-day by home district, with a row for residents in no district (hand-worked)', () => {
    // 3 persons, 1 day: person 0 and 1 in district 0, person 2 in none.
    const pd = {
      numPersons: 3, numDays: 1,
      trips: Uint16Array.from([2, 0, 1]),
      sightings: Float64Array.from([4, 0, 10]),
      identified: Float64Array.from([1, 0, 2]),
      distinctCameras: Float64Array.from([3, 0, 5]),
      length: Float64Array.from([1000, 0, 500]),
      observedLength: Float64Array.from([250, 0, 500]),
      observedFraction: Float64Array.from([0.25, 0, 1]),
      longestGap: Float64Array.from([300, 0, 0]),
      longestGapSeconds: Float64Array.from([200, 0, 0]),
      pIdentified: Float64Array.from([0.5, 0, 0.9]),
      faceSearches: Float64Array.from([1, 0, 2]),
    };
    const residents = { numResidents: 3, district: Uint16Array.from([0, 0, NO_DISTRICT]) } as unknown as Residents;
    const districts = [{ id: 'a', name: 'A', area: [] }, { id: 'b', name: 'B', area: [] }];
    const t = districtExposure(pd, residents, districts);
    expect(t.rows).toEqual([
      // A: (4 + 0) / 2 sightings, (1 + 0) / 2 identified, 250 / 1000 observed, gap mean over the one who travelled.
      { id: 'a', name: 'A', residents: 2, meanSightings: 2, meanIdentified: 0.5, meanDistinctCameras: 1.5, meanPIdentified: 0.25, observedFraction: 0.25, meanLongestGap: 300 },
      { id: 'b', name: 'B', residents: 0, meanSightings: 0, meanIdentified: 0, meanDistinctCameras: 0, meanPIdentified: 0, observedFraction: 0, meanLongestGap: 0 },
      { id: null, name: '(no district)', residents: 1, meanSightings: 10, meanIdentified: 2, meanDistinctCameras: 5, meanPIdentified: 0.9, observedFraction: 1, meanLongestGap: 0 },
    ]);
    expect(() => districtExposure(pd, { numResidents: 2, district: new Uint16Array(2) } as unknown as Residents, districts)).toThrow(/residents.numResidents must equal persons.numPersons \(3\)/);
    expect(() => districtExposure(pd, { numResidents: 3, district: Uint16Array.from([5, 0, 0]) } as unknown as Residents, districts)).toThrow(/residents.district\[0\] must be < districts.length \(2\)/);
    expect(() => districtExposure({} as never, residents, districts)).toThrow(/persons must be a PersonDayMetrics/);
    expect(() => districtExposure(pd, {} as never, districts)).toThrow(/residents must be Residents/);
    expect(() => districtExposure(pd, residents, null as never)).toThrow(/districts must be an array/);
  });
});

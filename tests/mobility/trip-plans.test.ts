import { describe, expect, test } from 'vitest';
import { InvalidInputError, UsageError } from '../../src/core/errors.js';
import { createCity } from '../../src/city/create-city.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { createResidents } from '../../src/mobility/residents.js';
import { gravityProbabilities, planTrips, planTripsWith, solveDestinations, PURPOSE_HOME, PURPOSE_WORK, type PlanTripsOptions } from '../../src/mobility/trip-plans.js';
import { MODE_CAR, MODE_WALK, type Residents } from '../../src/mobility/trip-set.js';
import { buildZones, type Zones } from '../../src/mobility/zones.js';
import { gridStreetGraph } from './helpers.js';

/**
 * Three zones (500 m cells of a 1.5 km × 0.5 km strip) holding 100, 200 and
 * 300 residents, with weighted centres at x = 250, 750, 1250 (y = 250).
 */
function threeZoneCity() {
  const values = new Float64Array([100, 200, 300]);
  const city = createCity({
    boundary: [0, 0, 1500, 500],
    streets: gridStreetGraph(6, 16, 100),
    population: { originX: 0, originY: 0, cellSize: 500, cols: 3, rows: 1, values, total: 600 },
  });
  const network = buildStreetNetwork(city.streets);
  const zones = buildZones(city, network, { zoneSize: 500 });
  return { city, network, zones };
}

function residentsIn(zones: Zones, zone: number, n: number): Residents {
  return {
    numResidents: n,
    x: new Float64Array(n).fill(zones.x[zone]),
    y: new Float64Array(n).fill(zones.y[zone]),
    homeZone: new Uint32Array(n).fill(zone),
    homeNode: new Uint32Array(n).fill(zones.node[zone]),
    district: new Uint16Array(n),
    seed: null,
  };
}

describe('gravityProbabilities', () => {
  test('equals the closed form A_j exp(−d/β) / Σ_k A_k exp(−d_k/β) on a 3-zone case', () => {
    const { zones } = threeZoneCity();
    // From zone 0: d01 = 500, d02 = 1000; A = (100, 200, 300); own zone excluded.
    // P(1) = 200 e^{−0.5} / (200 e^{−0.5} + 300 e^{−1}) with β = 1000 m.
    const w1 = 200 * Math.exp(-0.5);
    const w2 = 300 * Math.exp(-1);
    const p = gravityProbabilities(zones, 0, { deterrence: { kind: 'exponential', scale: 1000 } });
    expect(p[0]).toBe(0);
    expect(p[1]).toBeCloseTo(w1 / (w1 + w2), 12);
    expect(p[2]).toBeCloseTo(w2 / (w1 + w2), 12);
    // Power law d^−2 from zone 1: both neighbours at 500 m, so P ∝ attraction: 100 / 400 and 300 / 400.
    const q = gravityProbabilities(zones, 1, { deterrence: { kind: 'power', exponent: 2 } });
    expect(q[0]).toBeCloseTo(0.25, 12);
    expect(q[2]).toBeCloseTo(0.75, 12);
    // Custom attraction and function.
    const r = gravityProbabilities(zones, 2, { attraction: [1, 1, 1], deterrence: (d) => 1 / d });
    expect(r[0]).toBeCloseTo(0.5 / 1.5, 12);
    expect(r[1]).toBeCloseTo(1 / 1.5, 12);
  });

  test('treats zones that share the origin zone’s street node as the origin (no empty paths)', () => {
    const { zones } = threeZoneCity();
    const shared = { ...zones, node: Uint32Array.of(zones.node[0], zones.node[0], zones.node[2]) };
    const p = gravityProbabilities(shared, 0);
    expect(Array.from(p)).toEqual([0, 0, 1]);
    expect(Array.from(gravityProbabilities(shared, 2, { deterrence: { kind: 'power', exponent: 0 } }))).toEqual([1 / 3, 2 / 3, 0]);
  });

  test('does not underflow when every deterrence would be below the smallest double', () => {
    const { zones } = threeZoneCity();
    const p = gravityProbabilities(zones, 0, { deterrence: { kind: 'exponential', scale: 0.5 } });
    // exp(−1000) and exp(−2000) underflow; relative to the nearest, zone 1 takes all but e^{−1000} of it.
    expect(p[1]).toBe(1);
    expect(p[2]).toBe(0);
  });

  test('rejects bad input naming the field', () => {
    const { zones } = threeZoneCity();
    expect(() => gravityProbabilities(zones, 3)).toThrow(/gravityProbabilities: from must be an integer in \[0, 2\], got 3/);
    expect(() => gravityProbabilities(zones, 0, { attraction: [1, 2] })).toThrow(/options\.attraction must be an array of length numZones = 3/);
    expect(() => gravityProbabilities(zones, 0, { attraction: [1, NaN, 1] })).toThrow(/options\.attraction\[1\] must be a finite number >= 0, got NaN/);
    expect(() => gravityProbabilities(zones, 0, { attraction: [1, 0, 0] })).toThrow(/must give some zone other than 0 \(and not sharing its street node\) a positive weight/);
    expect(() => gravityProbabilities(zones, 0, { deterrence: { kind: 'exponential', scale: -1 } })).toThrow(/options\.deterrence\.scale/);
    expect(() => gravityProbabilities(zones, 0, { deterrence: { kind: 'gaussian' } as never })).toThrow(/options\.deterrence\.kind must be "exponential" or "power"/);
    expect(() => gravityProbabilities(zones, 0, { deterrence: () => -1 })).toThrow(/options\.deterrence must return a finite weight >= 0/);
  });
});

describe('planTrips', () => {
  test('draws destinations with the gravity probabilities (3 zones, 20,000 commuters)', () => {
    const { city, network, zones } = threeZoneCity();
    const residents = residentsIn(zones, 0, 20000);
    const plans = planTrips(city, network, residents, {
      seed: 'gravity', zones,
      roleShares: { worker: 1, student: 0, other: 0 },
      errandProbability: { worker: 0, student: 0, other: 0 },
      deterrence: { work: { kind: 'exponential', scale: 1000 } },
    });
    expect(plans.numPlans).toBe(40000);
    const p = gravityProbabilities(zones, 0, { deterrence: { kind: 'exponential', scale: 1000 } });
    const count = [0, 0, 0];
    for (let k = 0; k < plans.numPlans; k += 2) {
      expect(plans.purpose[k]).toBe(PURPOSE_WORK);
      expect(plans.purpose[k + 1]).toBe(PURPOSE_HOME);
      expect(plans.originZone[k]).toBe(0);
      expect(plans.destZone[k + 1]).toBe(0);
      expect(plans.originZone[k + 1]).toBe(plans.destZone[k]);
      expect(plans.mode[k + 1]).toBe(plans.mode[k]);
      expect(plans.departure[k + 1]).toBeGreaterThanOrEqual(plans.departure[k]);
      count[plans.destZone[k]]++;
    }
    expect(count[0]).toBe(0);
    // Binomial sd with n = 20,000 is at most 0.0036; allow 5 sd.
    expect(Math.abs(count[1] / 20000 - p[1])).toBeLessThan(0.018);
    expect(Math.abs(count[2] / 20000 - p[2])).toBeLessThan(0.018);
  });

  test('chains, modes and times follow the options (walk probability 1, one departure bin, fixed duration)', () => {
    const { city, network, zones } = threeZoneCity();
    const plans = planTrips(city, network, residentsIn(zones, 1, 50), {
      seed: 1, zones, days: 3,
      roleShares: { worker: 0, student: 0, other: 1 },
      errandProbability: { worker: 0, student: 0, other: 1 },
      walkProbability: () => 1,
      departure: { errand: { histogram: [0, 1], binSeconds: 1800, offset: 36000 } },
      duration: { errand: { mean: 600, sd: 0 } },
    });
    // 50 residents × 3 days × one errand chain of 2 trips.
    expect(plans.numPlans).toBe(300);
    for (let k = 0; k < plans.numPlans; k++) {
      expect(plans.mode[k]).toBe(MODE_WALK);
      expect(plans.person[k]).toBe(Math.floor(k / 6));
      expect(plans.day[k]).toBe(Math.floor(k / 2) % 3);
      if (k % 2 === 0) {
        // Bin 1 of 1800 s after 10:00 → [37800, 39600).
        expect(plans.departure[k]).toBeGreaterThanOrEqual(37800);
        expect(plans.departure[k]).toBeLessThan(39600);
      } else expect(plans.departure[k]).toBe(plans.departure[k - 1] + 600);
      expect(plans.originNode[k]).toBe(zones.node[plans.originZone[k]]);
      expect(plans.destNode[k]).toBe(zones.node[plans.destZone[k]]);
    }
    const cars = planTrips(city, network, residentsIn(zones, 1, 20), { seed: 1, zones, walkProbability: () => 0 });
    for (let k = 0; k < cars.numPlans; k++) expect(cars.mode[k]).toBe(MODE_CAR);
  });

  test('keeps work places fixed across days and puts a commuter’s errand after the return home', () => {
    const city = generateGridCity({ boundary: [0, 0, 3000, 3000], blockSize: 150, population: 20000, buildings: false });
    const network = buildStreetNetwork(city.streets);
    const residents = createResidents(city, network, { numResidents: 400, seed: 2 });
    const plans = planTrips(city, network, residents, { seed: 3, days: 2, roleShares: { worker: 1, student: 0, other: 0 }, errandProbability: { worker: 1, student: 0, other: 0 } });
    expect(plans.numPlans).toBe(400 * 2 * 4);
    for (let i = 0; i < 400; i++) {
      const k = i * 8;
      expect(plans.destZone[k]).toBe(plans.destZone[k + 4]); // same work zone on both days
      expect(plans.departure[k + 2]).toBeGreaterThanOrEqual(plans.departure[k + 1]); // errand after returning from work
      for (let j = 0; j < 8; j++) {
        expect(plans.departure[k + j]).toBeGreaterThanOrEqual(0);
        expect(plans.departure[k + j]).toBeLessThan(86400);
      }
    }
  });

  test('is byte-identical for the same seed, and records the seed and parameters', () => {
    const city = generateGridCity({ boundary: [0, 0, 3000, 3000], blockSize: 150, population: 20000, buildings: false });
    const network = buildStreetNetwork(city.streets);
    const residents = createResidents(city, network, { numResidents: 1000, seed: 5 });
    const a = planTrips(city, network, residents, { seed: 9 });
    const b = planTrips(city, network, residents, { seed: 9 });
    const c = planTrips(city, network, residents, { seed: 10 });
    for (const key of ['person', 'day', 'purpose', 'mode', 'departure', 'originNode', 'destNode'] as const) {
      expect(Buffer.from(a[key].buffer).equals(Buffer.from(b[key].buffer))).toBe(true);
    }
    expect(Buffer.from(a.departure.buffer).equals(Buffer.from(c.departure.buffer))).toBe(false);
    expect(a.seed).toBe('9');
    expect(a.params.days).toBe(1);
    expect(JSON.parse(JSON.stringify(a.params)).roleShares).toEqual({ worker: 0.45, student: 0.2, other: 0.35 });
  });

  test('draws the same plans when the zones are solved one by one in reverse order (as threads may)', () => {
    const city = generateGridCity({ boundary: [0, 0, 3000, 3000], blockSize: 150, population: 20000, buildings: false });
    const network = buildStreetNetwork(city.streets);
    const residents = createResidents(city, network, { numResidents: 1000, seed: 5 });
    const o = { seed: 9, days: 2 };
    const a = planTrips(city, network, residents, o);
    let calls = 0;
    const b = planTripsWith(city, network, residents, o, (task) => {
      calls++;
      for (let z = task.numZones - 1; z >= 0; z--) solveDestinations(task, z, z + 1);
    });
    expect(calls).toBe(1);
    for (const key of ['person', 'day', 'purpose', 'mode', 'departure', 'originZone', 'destZone', 'originNode', 'destNode', 'distance'] as const) {
      expect(Buffer.from(b[key].buffer).equals(Buffer.from(a[key].buffer))).toBe(true);
    }
    // A custom deterrence function stays on the calling thread: the solver is not asked.
    planTripsWith(city, network, residents, { ...o, deterrence: { work: (d: number) => Math.exp(-d / 4000) } }, () => {
      throw new Error('not expected');
    });
    // The solver's error is planTrips' own (first zone in zone order).
    const zeros = new Float64Array(residents.zones!.numZones);
    expect(() => planTripsWith(city, network, residents, { ...o, attraction: { study: zeros } }, (task) => solveDestinations(task, 0, task.numZones))).toThrow(
      /planTrips: options\.attraction\.study must give some zone other than zone \d+ a positive weight/,
    );
  });

  test('rejects shares and probabilities outside [0, 1], and every other bad option, naming the field', () => {
    const { city, network, zones } = threeZoneCity();
    const res = residentsIn(zones, 0, 10);
    const bad = (o: Partial<PlanTripsOptions>, re: RegExp) => expect(() => planTrips(city, network, res, { seed: 1, zones, ...o })).toThrow(re);
    bad({ roleShares: { worker: 1.2, student: 0, other: -0.2 } }, /planTrips: options\.roleShares\.worker must be a probability in \[0, 1\], got 1\.2/);
    bad({ roleShares: { worker: 0.5, student: 0.2, other: 0.2 } }, /options\.roleShares must have worker \+ student \+ other = 1/);
    bad({ errandProbability: { worker: 0, student: NaN, other: 0 } }, /options\.errandProbability\.student must be a probability in \[0, 1\], got NaN/);
    bad({ walkProbability: () => 1.5 }, /options\.walkProbability must return a probability in \[0, 1\].*got 1\.5/);
    bad({ walkProbability: 'often' as never }, /options\.walkProbability must be a function/);
    bad({ days: 0 }, /options\.days must be an integer in \[1, 65535\], got 0/);
    bad({ departure: { work: { histogram: [0, 0] } } }, /options\.departure\.work\.histogram must have weights that sum to more than zero/);
    bad({ departure: { work: { histogram: [1, -1] } } }, /options\.departure\.work\.histogram\[1\]/);
    bad({ departure: { errand: () => NaN }, roleShares: { worker: 0, student: 0, other: 1 }, errandProbability: { worker: 0, student: 0, other: 1 } }, /options\.departure\.errand must return a finite number of seconds/);
    bad({ duration: { study: { mean: 1, sd: -1 } } }, /options\.duration\.study\.sd/);
    bad({ duration: { study: { foo: 1 } as never } }, /options\.duration\.study must be \{ histogram \}, \{ mean, sd \} or a function/);
    bad({ attraction: { work: [0, 0, 0] } }, /options\.attraction\.work must give some zone other than zone 0 a positive weight/);
    bad({ deterrence: { errand: { kind: 'power', exponent: -2 } } }, /options\.deterrence\.errand\.exponent/);
    const wrong = { ...res, homeZone: new Uint32Array(10).fill(7) };
    expect(() => planTrips(city, network, wrong, { seed: 1, zones })).toThrow(/residents\.homeZone\[0\] must be a zone index in \[0, 2\], got 7/);
    expect(() => planTrips(city, network, res, { seed: {} as never, zones })).toThrow(/planTrips: seed/);
    expect(() => planTrips(city, network, res, null as never)).toThrow(InvalidInputError);
  });

  test('a city of one zone has no destination to draw: UsageError', () => {
    const city = createCity({ boundary: [0, 0, 400, 400], streets: gridStreetGraph(3, 3, 200), population: { total: 100, cellSize: 400 } });
    const network = buildStreetNetwork(city.streets);
    const residents = createResidents(city, network, { numResidents: 3, seed: 1, zoneSize: 1000 });
    expect(() => planTrips(city, network, residents, { seed: 1 })).toThrow(UsageError);
  });
});

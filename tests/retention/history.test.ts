import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import {
  personHistory,
  personHistoryForDays,
  retentionReach,
  summariseHistoryValues,
} from '../../src/retention/history.js';
import { logMissWithin, personChannelDays, sumWithin, type RetentionTripsInput } from '../../src/retention/person-channels.js';
import { createRetentionPolicy } from '../../src/retention/policy.js';
import { analyseAccess } from '../../src/retention/access.js';
import { principalReach } from '../../src/retention/access-graph.js';

function trips(rows: [person: number, day: number, mode: number, sightings: number, identified: number, pIdentified: number][]): RetentionTripsInput {
  return {
    numTrips: rows.length,
    person: Uint32Array.from(rows.map((r) => r[0])),
    day: Uint16Array.from(rows.map((r) => r[1])),
    mode: Uint8Array.from(rows.map((r) => r[2])),
    sightings: Float64Array.from(rows.map((r) => r[3])),
    identified: Float64Array.from(rows.map((r) => r[4])),
    pIdentified: Float64Array.from(rows.map((r) => r[5])),
  };
}

/** A policy with different days per tier and kind (used across the file). */
function policy() {
  return createRetentionPolicy({
    name: 'mixed',
    rules: {
      camera: { video: { days: 7, copyTo: 'city', readers: ['vendor'] }, plateReads: { days: 3, copyTo: 'national', readers: ['police'] } },
      city: {
        video: { days: 30, readers: ['police'] },
        faceTemplates: { days: 'forever', readers: ['biometric-platform'] },
        sightings: { days: 60, readers: ['police', 'prosecutors'] },
        alerts: { days: 0, readers: ['police'] },
      },
      national: { plateReads: { days: 1825, readers: ['police'] } },
    },
    legalHolds: [{ id: 'protest', area: [0, 0, 100, 100], from: 10, to: 12, keepDays: 365, kinds: ['video'] }],
  });
}

describe('retentionReach', () => {
  it('gives the longest days per kind, per tier and the direct readers', () => {
    const r = retentionReach(policy(), { operatingDays: 400 });
    expect(r.policy).toBe('mixed');
    expect(r.kinds.video.longestDays).toBe(30);
    expect(r.kinds.video.readers).toEqual(['police', 'vendor']); // in the order of the policy's principals
    expect(r.kinds.video.tiers.map((t) => [t.tier, t.present, t.days])).toEqual([
      ['camera', true, 7], ['aggregation', false, 0], ['district', false, 0], ['city', true, 30], ['national', false, 0],
    ]);
    // 'forever' is capped at operatingDays; 1825 days of plate reads too.
    expect(r.kinds.faceTemplates.longestDays).toBe(400);
    expect(r.kinds.faceTemplates.tiers.find((t) => t.tier === 'city')?.policyDays).toBe('forever');
    expect(r.kinds.plateReads.longestDays).toBe(400);
    expect(r.kinds.sightings.readers).toEqual(['police', 'prosecutors']);
    // Alerts kept 0 days: nobody reads a kept copy.
    expect(r.kinds.alerts.longestDays).toBe(0);
    expect(r.kinds.alerts.readers).toEqual([]);
    expect(r.kinds.video.holds).toEqual([{ id: 'protest', keepDays: 365, readers: ['police', 'prosecutors'] }]);
    expect(r.kinds.plateReads.holds).toEqual([]);
    expect(r.channels).toEqual({ face: 400, plate: 400 });
    expect(retentionReach(policy(), { operatingDays: 20 }).channels).toEqual({ face: 20, plate: 20 });
  });

  it('lists only the tiers the policy has', () => {
    const p = createRetentionPolicy({ name: 'two tiers', tiers: ['camera', 'city'], rules: { camera: { video: { days: 5 } } } });
    expect(retentionReach(p, { operatingDays: 10 }).kinds.video.tiers.map((t) => t.tier)).toEqual(['camera', 'city']);
  });

  it('throws on a bad operatingDays', () => {
    for (const v of [-1, NaN, Infinity, '3']) {
      expect(() => retentionReach(policy(), { operatingDays: v as number })).toThrow(/retentionReach: options.operatingDays must be a finite number >= 0/);
    }
  });
});

describe('personHistoryForDays on a hand-worked case', () => {
  // Person 0: day 0 walk (3 captures, 1.0 identifying, p 0.5); day 1 car (2, 0.4, p 0.4) and walk (1, 0.2, p 0.2).
  // Person 1: no trips. Days cycle backwards from now: day 1 is yesterday, day 0 the day before, then day 1 again.
  const pc = personChannelDays(trips([[0, 0, 0, 3, 1.0, 0.5], [0, 1, 1, 2, 0.4, 0.4], [0, 1, 0, 1, 0.2, 0.2]]), { numPersons: 2, numDays: 2 });
  const h = personHistoryForDays(pc, { faceDays: 1.5, plateDays: 3, captureDays: 1, lookbackDays: 2 });

  it('sums captures and identifying captures over each channel’s days', () => {
    expect(h.capturesOnFile[0]).toBeCloseTo(3, 12); // day 1: 2 + 1
    // face over 1.5 days: 0.2 + 0.5 · 1.0 = 0.7; plate over 3 days: 0.4 (day 1) + 0 (day 0) + 0.4 (day 1) = 0.8.
    expect(h.identifiableOnFile[0]).toBeCloseTo(1.5, 12);
  });

  it('gives the reconstructable share of the window’s trips', () => {
    expect(h.tripsInWindow[0]).toBe(3);
    // face over min(1.5, 2): 0.2 + 0.5 · 0.5 = 0.45; plate over min(3, 2): 0.4 + 0 = 0.4.
    expect(h.reconstructableTrips[0]).toBeCloseTo(0.85, 12);
    expect(h.reconstructableShare[0]).toBeCloseTo(0.85 / 3, 12);
  });

  it('gives P(history on file) from the log-miss columns', () => {
    // face: (1 − 0.2)(1 − 0.5 · 0.5) = 0.6; plate: 0.6 · 1 · 0.6 = 0.36; P = 1 − 0.216.
    expect(h.pHistoryOnFile[0]).toBeCloseTo(0.784, 12);
  });

  it('counts the persons without trips and gives them zeros', () => {
    expect(h.numWithoutTrips).toBe(1);
    expect([h.capturesOnFile[1], h.identifiableOnFile[1], h.reconstructableShare[1], h.pHistoryOnFile[1]]).toEqual([0, 0, 0, 0]);
    expect(Object.is(h.pHistoryOnFile[1], -0)).toBe(false);
  });

  it('keeps nothing with zero days', () => {
    const z = personHistoryForDays(pc, { faceDays: 0, plateDays: 0, captureDays: 0, lookbackDays: 2 });
    expect([z.capturesOnFile[0], z.identifiableOnFile[0], z.reconstructableTrips[0], z.pHistoryOnFile[0]]).toEqual([0, 0, 0, 0]);
    expect(z.tripsInWindow[0]).toBe(3);
  });

  it('defaults lookbackDays to 30', () => {
    expect(personHistoryForDays(pc, { faceDays: 1, plateDays: 1, captureDays: 1 }).params.lookbackDays).toBe(30);
  });

  it('throws on negative or non-finite days and malformed channels', () => {
    for (const key of ['faceDays', 'plateDays', 'captureDays', 'lookbackDays'] as const) {
      for (const v of [-0.5, NaN, Infinity]) {
        const opts = { faceDays: 1, plateDays: 1, captureDays: 1, lookbackDays: 1, [key]: v };
        expect(() => personHistoryForDays(pc, opts)).toThrow(new RegExp(`personHistoryForDays: options.${key} must be a finite number >= 0`));
      }
    }
    expect(() => personHistoryForDays({ ...pc, captures: new Float64Array(3) }, { faceDays: 1, plateDays: 1, captureDays: 1 })).toThrow(
      /personHistoryForDays: channels.captures must be a Float64Array of length numPersons · numDays \(4\)/,
    );
    expect(() => personHistoryForDays({ ...pc, faceTrips: new Float64Array(4) as unknown as Uint16Array }, { faceDays: 1, plateDays: 1, captureDays: 1 })).toThrow(/channels.faceTrips must be a Uint16Array/);
    expect(() => personHistoryForDays(null as unknown as typeof pc, { faceDays: 1, plateDays: 1, captureDays: 1 })).toThrow(/channels must be an object/);
  });
});

describe('personHistoryForDays against sumWithin / logMissWithin', () => {
  it('agrees on random multi-day and one-day channels, fractional and cycling windows', () => {
    const rng = createRng('history-kernel');
    for (const numDays of [1, 3, 7]) {
      const numPersons = 40;
      const rows: [number, number, number, number, number, number][] = [];
      for (let p = 0; p < numPersons; p++) {
        for (let d = 0; d < numDays; d++) {
          const k = rng.int(4);
          for (let j = 0; j < k; j++) {
            const u = rng.next();
            const pid = u < 0.1 ? 0 : u < 0.15 ? 1 : rng.next();
            rows.push([p, d, rng.int(2), rng.uniform(0, 5), rng.uniform(0, 2), pid]);
          }
        }
      }
      const pc = personChannelDays(trips(rows), { numPersons, numDays });
      for (const [faceDays, plateDays, captureDays, lookbackDays] of [[2.5, 10, 0.25, 4.75], [30, 0.5, 17, 30], [0, 3, 1, 100], [6.4, 6.4, 6.4, 2]]) {
        const h = personHistoryForDays(pc, { faceDays, plateDays, captureDays, lookbackDays });
        for (let p = 0; p < numPersons; p++) {
          const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
          near(h.capturesOnFile[p], sumWithin(pc.captures, numDays, p, captureDays));
          near(h.identifiableOnFile[p], sumWithin(pc.faceIdentified, numDays, p, faceDays) + sumWithin(pc.plateIdentified, numDays, p, plateDays));
          const t = sumWithin(pc.faceTrips, numDays, p, lookbackDays) + sumWithin(pc.plateTrips, numDays, p, lookbackDays);
          near(h.tripsInWindow[p], t);
          const rec = sumWithin(pc.faceTripsIdentified, numDays, p, Math.min(faceDays, lookbackDays)) + sumWithin(pc.plateTripsIdentified, numDays, p, Math.min(plateDays, lookbackDays));
          near(h.reconstructableShare[p], t > 0 ? rec / t : 0);
          near(h.pHistoryOnFile[p], -Math.expm1(logMissWithin(pc.faceLogMiss, numDays, p, faceDays) + logMissWithin(pc.plateLogMiss, numDays, p, plateDays)));
          expect(Number.isNaN(h.pHistoryOnFile[p])).toBe(false);
        }
      }
    }
  });
});

describe('personHistory under a policy', () => {
  const pc = personChannelDays(trips([[0, 0, 0, 3, 1.0, 0.5], [1, 0, 1, 2, 0.4, 0.4], [2, 0, 0, 1, 0.2, 0.2]]), { numPersons: 4, numDays: 1 });

  it('resolves the kept days per channel and uses the engine', () => {
    const h = personHistory(policy(), pc, { operatingDays: 365, lookbackDays: 30 });
    // face: max(video 30, templates forever → 365, sightings 60); plate: max(video 30, plate reads 1825 → 365).
    expect(h.keptDays).toEqual({ face: 365, plate: 365, captures: 30 });
    const e = personHistoryForDays(pc, { faceDays: 365, plateDays: 365, captureDays: 30, lookbackDays: 30 });
    expect(Array.from(h.pHistoryOnFile)).toEqual(Array.from(e.pHistoryOnFile));
    expect(Array.from(h.capturesOnFile)).toEqual([90, 60, 30, 0]);
    expect(h.numWithoutTrips).toBe(1);
    expect(h.params.legalHolds).toBe('not included');
    expect(h.params.reader).toBeNull();
    // Share per traveller: every trip within 30 days is still on file, so the share is its pIdentified.
    expect(Array.from(h.reconstructableShare)).toEqual([0.5, 0.4, 0.2, 0].map((v) => expect.closeTo(v, 12)) as unknown as number[]);
    expect(h.meanShareOfTravellers).toBeCloseTo((0.5 + 0.4 + 0.2) / 3, 12);
  });

  it('restricts to the copies a reader can read, directly or through via chains (as analyseAccess)', () => {
    const p = policy();
    // vendor reads camera video only (7 days): faces and plates through video, 7 days.
    expect(personHistory(p, pc, { operatingDays: 365, reader: 'vendor' }).keptDays).toEqual({ face: 7, plate: 7, captures: 7 });
    // prosecutors read sightings (60 days, face only); no video, no plate reads.
    expect(personHistory(p, pc, { operatingDays: 365, reader: 'prosecutors' }).keptDays).toEqual({ face: 60, plate: 0, captures: 0 });
    // biometric platform: templates forever.
    expect(personHistory(p, pc, { operatingDays: 365, reader: 'biometric-platform' }).keptDays).toEqual({ face: 365, plate: 0, captures: 0 });
    // banks read templates only through the platform (via, faceTemplates): the platform's 365 days of templates.
    const banks = personHistory(p, pc, { operatingDays: 365, reader: 'banks' });
    expect(banks.keptDays).toEqual({ face: 365, plate: 0, captures: 0 });
    // Every principal: the days personHistory keeps for it are the days analyseAccess says it reaches.
    const access = analyseAccess(p, pc, { operatingDays: 365, lookbackDays: 30 });
    for (const a of access.principals) {
      const h = personHistory(p, pc, { operatingDays: 365, reader: a.principal });
      expect([h.keptDays.face, h.keptDays.plate], a.principal).toEqual([a.faceDays, a.plateDays]);
    }
    const pros = personHistory(p, pc, { operatingDays: 365, reader: 'prosecutors', lookbackDays: 90 });
    // Person 1 travels by car only: nothing on file for prosecutors.
    expect(pros.pHistoryOnFile[1]).toBe(0);
    expect(pros.reconstructableShare[0]).toBeCloseTo((60 * 0.5) / 90, 12);
    expect(pros.params.reader).toBe('prosecutors');
  });

  it('summarises every column', () => {
    const h = personHistory(policy(), pc, { operatingDays: 365, quantiles: [0, 0.5, 1] });
    expect(h.summary.capturesOnFile).toEqual({ mean: 45, min: 0, max: 90, quantiles: { '0': 0, '0.5': 45, '1': 90 } });
    expect(Object.keys(h.summary)).toEqual(['capturesOnFile', 'identifiableOnFile', 'reconstructableShare', 'pHistoryOnFile']);
  });

  it('throws on bad options', () => {
    const p = policy();
    for (const v of [-1, NaN, Infinity, undefined]) {
      expect(() => personHistory(p, pc, { operatingDays: v as number })).toThrow(/personHistory: options.operatingDays must be a finite number >= 0/);
      if (v !== undefined) expect(() => personHistory(p, pc, { operatingDays: 10, lookbackDays: v })).toThrow(/personHistory: options.lookbackDays must be a finite number >= 0/);
    }
    expect(() => personHistory(p, pc, { operatingDays: 10, reader: 'journalists' })).toThrow(/personHistory: options.reader must be a principal of the policy \(police, .*\), got "journalists"/);
    expect(() => personHistory(p, pc, { operatingDays: 10, quantiles: [1.5] })).toThrow(/options.quantiles\[0\] must be a probability/);
    expect(() => personHistory({} as typeof p, pc, { operatingDays: 10 })).toThrow(/personHistory: policy must be a resolved policy/);
    expect(() => personHistory(p, { ...pc, numDays: 0 }, { operatingDays: 10 })).toThrow(/channels.numDays must be an integer >= 1/);
  });
});

describe('option checks shared by the layer', () => {
  it('names a misspelt option instead of ignoring it', () => {
    const p = createRetentionPolicy({ name: 'p', rules: { camera: { video: { days: 30, readers: ['police'] } } } });
    const trips: RetentionTripsInput = {
      numTrips: 1, person: Uint32Array.of(0), day: Uint16Array.of(0), mode: Uint8Array.of(0),
      sightings: Float64Array.of(1), identified: Float64Array.of(0.5), pIdentified: Float64Array.of(0.4),
    };
    expect(() => personChannelDays(trips, { numPersons: 1, numDay: 7 } as never)).toThrow('personChannelDays: unknown option `numDay`; did you mean `numDays`?');
    const pc = personChannelDays(trips, { numPersons: 1 });
    expect(() => personHistory(p, pc, { operatingDays: 365, lookback: 7 } as never)).toThrow('personHistory: unknown option `lookback`; did you mean `lookbackDays`?');
    expect(() => personHistoryForDays(pc, { faceDays: 1, plateDays: 1, captureDays: 1, lookback: 3 } as never)).toThrow('personHistoryForDays: unknown option `lookback`; did you mean `lookbackDays`?');
    expect(() => retentionReach(p, { operatingDays: 365, reader: 'police' } as never)).toThrow('retentionReach: unknown option `reader`; known options: operatingDays');
    expect(() => principalReach(p, { operatingDays: 365, lookbackDays: 3 } as never)).toThrow('principalReach: unknown option `lookbackDays`; known options: operatingDays');
    expect(() => analyseAccess(p, pc, { operatingDays: 365, allow: ['police'] } as never)).toThrow('analyseAccess: unknown option `allow`; did you mean `allowed`?');
  });

  it('refuses negative or non-finite windows and out-of-range quantiles', () => {
    const col = Float64Array.of(1, 2, 3);
    expect(() => sumWithin(col, 3, 0, -1)).toThrow('sumWithin: days must be a finite number >= 0, got -1');
    expect(() => logMissWithin(col, 3, 0, Number.NaN)).toThrow('logMissWithin: days must be a finite number >= 0');
    expect(() => summariseHistoryValues(col, [1.5])).toThrow('summariseHistoryValues: quantiles[0] must be a probability in [0, 1], got 1.5');
    expect(() => summariseHistoryValues([1, 2] as never)).toThrow('summariseHistoryValues: values must be a Float64Array');
  });
});

describe('summariseHistoryValues', () => {
  it('equals simple-statistics quantiles on a sorted copy (ties, small and odd sizes)', () => {
    const rng = createRng('history-summary');
    const qs = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1];
    for (const n of [1, 2, 3, 7, 100, 601, 602, 5000]) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = rng.next() < 0.3 ? 0 : Math.round(rng.next() * 20) / 4; // many ties
      const before = v.slice();
      const s = summariseHistoryValues(v, qs);
      const sorted = Array.from(v).sort((a, b) => a - b);
      for (const q of qs) expect(s.quantiles[String(q)]).toBe(quantileSorted(sorted, q));
      expect(s.min).toBe(sorted[0]);
      expect(s.max).toBe(sorted[n - 1]);
      expect(s.mean).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / n, 12);
      expect(Array.from(v)).toEqual(Array.from(before)); // input untouched
    }
  });

  it('is exact on large clustered columns and on columns with negative values or −0 (fallback)', () => {
    const rng = createRng('history-summary-large');
    const qs = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
    const n = 200_000;
    const kinds: ((i: number) => number)[] = [
      () => (rng.next() < 0.8 ? 1 : -Math.expm1(-rng.uniform(0, 5))), // probabilities piled on 1
      () => rng.uniform(0, 1e-300), // subnormal-ish tiny values
      () => (rng.next() < 0.5 ? 0 : rng.uniform(0, 1000)),
      () => rng.uniform(-5, 5), // negative: fallback
      (i) => (i === 7 ? -0 : rng.next()), // −0: fallback
    ];
    for (const make of kinds) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = make(i);
      const s = summariseHistoryValues(v, qs);
      const sorted = Array.from(v).sort((a, b) => a - b);
      for (const q of qs) expect(s.quantiles[String(q)]).toBe(quantileSorted(sorted, q));
    }
  });

  it('gives zeros for an empty column', () => {
    expect(summariseHistoryValues(new Float64Array(0), [0.5])).toEqual({ mean: 0, min: 0, max: 0, quantiles: { '0.5': 0 } });
  });
});

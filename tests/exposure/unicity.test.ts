import { describe, expect, it } from 'vitest';
import { groupPointsByPerson, normalQuantile, unicity, wilsonInterval, type UnicityPoints } from '../../src/exposure/unicity.js';
import { createRng } from '../../src/core/random.js';

/** A synthetic population: each person has a home and work camera and a few random ones, at routine hours. */
function population(numPeople: number, numCameras: number, numHours: number, meanPoints: number, seed: number): UnicityPoints {
  const rng = createRng(seed);
  const person: number[] = [];
  const camera: number[] = [];
  const hour: number[] = [];
  for (let p = 0; p < numPeople; p++) {
    const home = rng.int(numCameras);
    const work = rng.int(numCameras);
    const m = 1 + rng.int(2 * meanPoints);
    for (let q = 0; q < m; q++) {
      const r = rng.next();
      person.push(p);
      camera.push(r < 0.4 ? home : r < 0.8 ? work : rng.int(numCameras));
      hour.push(rng.int(numHours));
    }
  }
  return groupPointsByPerson({ numPeople, person, camera, hour });
}

/** Brute force: people whose trace holds every one of the (camera, hour) points. */
function matchingPeople(pts: UnicityPoints, cams: ArrayLike<number>, hours: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let p = 0; p < pts.numPeople; p++) {
    let all = true;
    for (let q = 0; q < cams.length && all; q++) {
      let found = false;
      for (let i = pts.start[p]; i < pts.start[p + 1] && !found; i++) found = pts.camera[i] === cams[q] && pts.hour[i] === hours[q];
      all = found;
    }
    if (all) out.push(p);
  }
  return out;
}

function distinctPoints(pts: UnicityPoints, p: number): Set<string> {
  const s = new Set<string>();
  for (let i = pts.start[p]; i < pts.start[p + 1]; i++) s.add(`${pts.camera[i]},${pts.hour[i]}`);
  return s;
}

describe('unicity', () => {
  it('agrees with a brute-force oracle on every sampled person of small synthetic populations', () => {
    // Seed 4: long traces (up to 80 sightings, many repeats) take the sorting path for a person's points.
    for (const [seed, mean] of [[1, 4], [2, 4], [3, 4], [4, 40]]) {
      const pts = population(300, 25, 12, mean, seed);
      const u = unicity(pts, { kMax: 6, sampleSize: 120, seed, details: true });
      for (const r of u.byK) {
        const d = r.details!;
        expect(d.person.length).toBe(r.sampled);
        let unique = 0;
        const seen = new Set<number>();
        for (let s = 0; s < r.sampled; s++) {
          const p = d.person[s];
          expect(seen.has(p)).toBe(false); // sampled without replacement
          seen.add(p);
          const cams = d.camera.subarray(s * r.k, (s + 1) * r.k);
          const hours = d.hour.subarray(s * r.k, (s + 1) * r.k);
          // The k points are distinct points of p's own trace.
          const own = distinctPoints(pts, p);
          const chosen = new Set<string>();
          for (let q = 0; q < r.k; q++) chosen.add(`${cams[q]},${hours[q]}`);
          expect(chosen.size).toBe(r.k);
          for (const c of chosen) expect(own.has(c)).toBe(true);
          const who = matchingPeople(pts, cams, hours);
          expect(who).toContain(p);
          const isUnique = who.length === 1;
          expect(d.unique[s]).toBe(isUnique ? 1 : 0);
          if (isUnique) unique++;
        }
        expect(r.unique).toBe(unique);
        expect(r.share).toBeCloseTo(unique / r.sampled, 15);
      }
    }
  });

  it('counts eligible and excluded people as those with at least / fewer than k distinct points', () => {
    const pts = population(200, 10, 6, 3, 9);
    const u = unicity(pts, { kMax: 8, sampleSize: 50, seed: 4 });
    for (const r of u.byK) {
      let eligible = 0;
      for (let p = 0; p < pts.numPeople; p++) if (distinctPoints(pts, p).size >= r.k) eligible++;
      expect(r.eligible).toBe(eligible);
      expect(r.excluded).toBe(200 - eligible);
      expect(r.sampled).toBe(Math.min(50, eligible));
    }
  });

  it('samples every eligible person when the sample size exceeds the population', () => {
    const pts = population(40, 6, 4, 3, 5);
    const u = unicity(pts, { kMax: 3, sampleSize: 1000, seed: 1, details: true });
    for (const r of u.byK) {
      expect(r.sampled).toBe(r.eligible);
      expect(new Set(r.details!.person).size).toBe(r.eligible);
    }
  });

  it('finds everybody unique when traces do not overlap, and nobody when all traces are the same (hand-worked)', () => {
    // People 0..3 each at their own camera: any point singles them out.
    const apart = groupPointsByPerson({ numPeople: 4, person: [0, 0, 1, 1, 2, 2, 3, 3], camera: [0, 0, 1, 1, 2, 2, 3, 3], hour: [1, 2, 1, 2, 1, 2, 1, 2] });
    const a = unicity(apart, { kMax: 2, sampleSize: 10 });
    expect(a.byK.map((r) => r.share)).toEqual([1, 1]);
    // Three people with identical traces (with duplicates): nobody is unique.
    const same = groupPointsByPerson({ numPeople: 3, person: [0, 0, 0, 1, 1, 2, 2], camera: [5, 5, 6, 5, 6, 6, 5], hour: [7, 7, 8, 7, 8, 8, 7] });
    const s = unicity(same, { kMax: 3, sampleSize: 10 });
    expect(s.byK[0].share).toBe(0);
    expect(s.byK[1].share).toBe(0);
    // Duplicates collapse: each person has 2 distinct points, so k = 3 has nobody eligible.
    expect(s.byK[2]).toMatchObject({ sampled: 0, eligible: 0, excluded: 3, share: 0, ciLow: 0, ciHigh: 1 });
    expect(s.numSightings).toBe(7);
    expect(s.numDistinctPoints).toBe(2);
    expect(s.numPersonPoints).toBe(6);
  });

  it('gives the hand-worked share for a nested pair of traces', () => {
    // Person 0: {A, B}; person 1: {A, B, C}. k = 1: person 0 is never unique (A and B are shared);
    // person 1 is unique exactly when C is drawn (probability 1/3). k = 2: person 0's only pair {A, B}
    // is shared; person 1 is unique unless the pair is {A, B} (probability 2/3). k = 3: only person 1, unique.
    const pts = groupPointsByPerson({ numPeople: 2, person: [0, 0, 1, 1, 1], camera: [1, 2, 1, 2, 3], hour: [0, 0, 0, 0, 0] });
    let k1 = 0;
    let k2 = 0;
    const runs = 600;
    for (let s = 0; s < runs; s++) {
      const u = unicity(pts, { kMax: 3, sampleSize: 2, seed: s });
      k1 += u.byK[0].unique;
      k2 += u.byK[1].unique;
      expect(u.byK[2]).toMatchObject({ unique: 1, sampled: 1, eligible: 1, excluded: 1 });
    }
    // Means 1/3 and 2/3 per run; binomial sd over 600 runs ≈ 0.019: allow 5 sd.
    expect(Math.abs(k1 / runs - 1 / 3)).toBeLessThan(0.1);
    expect(Math.abs(k2 / runs - 2 / 3)).toBeLessThan(0.1);
  });

  it('is deterministic for a seed and records it', () => {
    const pts = population(500, 30, 24, 5, 11);
    const a = unicity(pts, { kMax: 5, sampleSize: 200, seed: 'abc', details: true });
    const b = unicity(pts, { kMax: 5, sampleSize: 200, seed: 'abc', details: true });
    expect(JSON.stringify(a, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v))).toBe(
      JSON.stringify(b, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v)),
    );
    expect(a.params.seed).toBe('abc');
    const c = unicity(pts, { kMax: 5, sampleSize: 200, seed: 'abd', details: true });
    expect(Array.from(c.byK[4].details!.person)).not.toEqual(Array.from(a.byK[4].details!.person));
  });

  it('rises with k on a routine-heavy population (more points single out more people)', () => {
    const pts = population(2000, 40, 24, 6, 3);
    const u = unicity(pts, { kMax: 4, sampleSize: 1500, seed: 2 });
    for (let k = 1; k < 4; k++) expect(u.byK[k].share).toBeGreaterThanOrEqual(u.byK[k - 1].share - 0.02);
    for (const r of u.byK) {
      expect(r.ciLow).toBeLessThanOrEqual(r.share);
      expect(r.ciHigh).toBeGreaterThanOrEqual(r.share);
    }
  });

  it('handles huge, sparse camera and hour ids (the sorting path)', () => {
    const pts = groupPointsByPerson({
      numPeople: 3,
      person: [0, 0, 1, 1, 2],
      camera: [4_000_000_000, 7, 4_000_000_000, 9, 7],
      hour: [3_000_000_000, 1, 3_000_000_000, 1, 1],
    });
    const u = unicity(pts, { kMax: 2, sampleSize: 10, seed: 1, details: true });
    // k = 2: person 0 {(4e9,3e9), (7,1)} and person 1 {(4e9,3e9), (9,1)} are both unique.
    expect(u.byK[1]).toMatchObject({ unique: 2, sampled: 2, eligible: 2 });
    expect(u.numDistinctPoints).toBe(3);
    for (let s = 0; s < u.byK[0].sampled; s++) {
      const d = u.byK[0].details!;
      expect(d.unique[s]).toBe(matchingPeople(pts, [d.camera[s]], [d.hour[s]]).length === 1 ? 1 : 0);
    }
  });

  it('takes the two-pass path when (camera, hour) keys exceed 32 bits, with the same answers as the oracle', () => {
    // Camera ids spread over [0, 2^24) and hours over [0, 300): 2^24 · 300 > 2^32 buckets.
    const rng = createRng(8);
    const person: number[] = [];
    const camera: number[] = [];
    const hour: number[] = [];
    const cams = [0, 5, 77, 1 << 20, (1 << 24) - 1];
    for (let p = 0; p < 60; p++) {
      for (let q = 0; q < 6; q++) {
        person.push(p);
        camera.push(cams[rng.int(cams.length)]);
        hour.push(q === 0 ? 299 : rng.int(4));
      }
    }
    const pts = groupPointsByPerson({ numPeople: 60, person, camera, hour });
    const u = unicity(pts, { kMax: 4, sampleSize: 60, seed: 2, details: true });
    for (const r of u.byK) {
      const d = r.details!;
      for (let s = 0; s < r.sampled; s++) {
        const who = matchingPeople(pts, d.camera.subarray(s * r.k, (s + 1) * r.k), d.hour.subarray(s * r.k, (s + 1) * r.k));
        expect(who).toContain(d.person[s]);
        expect(d.unique[s]).toBe(who.length === 1 ? 1 : 0);
      }
    }
  });

  it('throws on bad points and options, naming the field', () => {
    const ok = groupPointsByPerson({ numPeople: 2, person: [0, 1], camera: [1, 2], hour: [0, 0] });
    expect(() => unicity(null as never)).toThrow(/unicity: points must be an object/);
    expect(() => unicity({ ...ok, numPeople: 0 })).toThrow(/unicity: points.numPeople must be an integer >= 1, got 0/);
    expect(() => unicity({ ...ok, start: [0, 1, 2] as never })).toThrow(/points.start must be a Uint32Array/);
    expect(() => unicity({ ...ok, start: new Uint32Array([0, 2]) })).toThrow(/points.start must have length numPeople \+ 1 \(3\), got 2/);
    expect(() => unicity({ ...ok, start: new Uint32Array([1, 1, 2]) })).toThrow(/points.start\[0\] must be 0, got 1/);
    expect(() => unicity({ ...ok, start: new Uint32Array([0, 2, 1]) })).toThrow(/points.start\[2\] must be >= points.start\[1\] \(2\), got 1/);
    expect(() => unicity({ ...ok, start: new Uint32Array([0, 1, 1]) })).toThrow(/points.start\[2\] must equal the number of sightings \(2\), got 1/);
    expect(() => unicity({ ...ok, camera: [1, 2] as never })).toThrow(/points.camera must be a Uint32Array/);
    expect(() => unicity({ ...ok, hour: new Uint32Array(3) })).toThrow(/points.hour must have the same length as points.camera \(2\), got 3/);
    expect(() => unicity({ numPeople: 2, start: new Uint32Array(3), camera: new Uint32Array(0), hour: new Uint32Array(0) })).toThrow(/unicity: points must hold at least one sighting/);
    expect(() => unicity(ok, { kMax: 0 })).toThrow(/unicity: options.kMax must be an integer in \[1, 1000\], got 0/);
    expect(() => unicity(ok, { kMax: 2.5 })).toThrow(/options.kMax/);
    expect(() => unicity(ok, { sampleSize: 0 })).toThrow(/options.sampleSize must be an integer >= 1, got 0/);
    expect(() => unicity(ok, { confidence: 1 })).toThrow(/options.confidence must be a number in \(0, 1\), got 1/);
    expect(() => unicity(ok, { seed: Number.NaN })).toThrow(/unicity: seed/);
    expect(() => unicity(ok, null as never)).toThrow(/unicity: options must be an object/);
  });
});

describe('groupPointsByPerson', () => {
  it('groups sightings by person, keeping their order within a person', () => {
    const g = groupPointsByPerson({ numPeople: 3, person: [2, 0, 2, 0], camera: [1, 2, 3, 4], hour: [5, 6, 7, 8] });
    expect(Array.from(g.start)).toEqual([0, 2, 2, 4]);
    expect(Array.from(g.camera)).toEqual([2, 4, 1, 3]);
    expect(Array.from(g.hour)).toEqual([6, 8, 5, 7]);
  });
  it('throws on mismatched lengths and values out of range', () => {
    expect(() => groupPointsByPerson({ numPeople: 0, person: [], camera: [], hour: [] })).toThrow(/groupPointsByPerson: input.numPeople must be an integer >= 1, got 0/);
    expect(() => groupPointsByPerson({ numPeople: 1, person: [0], camera: [], hour: [0] })).toThrow(/input.camera must have the same length as input.person \(1\), got 0/);
    expect(() => groupPointsByPerson({ numPeople: 1, person: [0], camera: [0], hour: [] })).toThrow(/input.hour must have the same length/);
    expect(() => groupPointsByPerson({ numPeople: 1, person: [1], camera: [0], hour: [0] })).toThrow(/input.person\[0\] must be an integer in \[0, 0\], got 1/);
    expect(() => groupPointsByPerson({ numPeople: 1, person: [0], camera: [-1], hour: [0] })).toThrow(/input.camera\[0\]/);
    expect(() => groupPointsByPerson({ numPeople: 1, person: [0], camera: [0], hour: [0.5] })).toThrow(/input.hour\[0\].*0.5/);
    expect(() => groupPointsByPerson({ numPeople: 1, person: null as never, camera: [0], hour: [0] })).toThrow(/input.person must be an array/);
    expect(() => groupPointsByPerson(null as never)).toThrow(/groupPointsByPerson: input must be an object/);
  });
});

describe('wilsonInterval', () => {
  it('matches hand-worked values (95 of 100 at z = 1.96: centre 0.93335, half-width 0.04510)', () => {
    // p̂ = 0.95, z² = 3.8416, den = 1.038416; centre = (0.95 + 0.019208)/den = 0.969208/1.038416 = 0.933352;
    // half = 1.96·√(0.000475 + 0.00009604)/den = 1.96·0.0238965/1.038416 = 0.045104.
    const [lo, hi] = wilsonInterval(95, 100, 1.96);
    expect(lo).toBeCloseTo(0.933352 - 0.045104, 5);
    expect(hi).toBeCloseTo(0.933352 + 0.045104, 5);
  });
  it('is [0, …] at 0 successes and […, 1] at n successes', () => {
    expect(wilsonInterval(0, 10, 1.96)[0]).toBe(0);
    expect(wilsonInterval(10, 10, 1.96)[1]).toBe(1);
    expect(wilsonInterval(10, 10, 1.96)[0]).toBeCloseTo(10 / (10 + 3.8416), 12);
  });
  it('throws on bad counts and quantiles', () => {
    expect(() => wilsonInterval(1, 0, 1.96)).toThrow(/wilsonInterval: n must be an integer >= 1, got 0/);
    expect(() => wilsonInterval(5, 4, 1.96)).toThrow(/wilsonInterval: x must be an integer in \[0, 4\], got 5/);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(/wilsonInterval: z must be a finite number > 0, got 0/);
  });
});

describe('normalQuantile', () => {
  it('gives the familiar quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8);
  });
});

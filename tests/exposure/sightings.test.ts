import { describe, expect, it } from 'vitest';
import { computeSightings } from '../../src/exposure/sightings.js';
import { computeTripMetrics, tripCameras } from '../../src/exposure/trip-metrics.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { MODE_CAR, MODE_WALK } from '../../src/mobility/trip-set.js';
import { makeCameras, makeNetwork, makeProfile, makeTrips, randomCase, type Entry } from './sightings-fixtures.js';

const MODEL = { name: 'test', truePositiveRate: 0.8, falsePositivePerEntry: 1e-6 };

/*
 * Hand-worked line: nodes 0 —e0— 1 —e1— 2 —e2— 3 along x, 100 m each.
 * cam0 (face): range e0 [60,100] and e1 [0,30] (touch at node 1: one passage);
 *   identify e1 [0,10] with frontalUntil −∞ (never frontal walking forward)
 *   and frontalFrom 8 (frontal walking backward where s ≥ 8: [8,10] has length).
 * cam1 (plate): range e2 [20,40], identify e2 [25,35].
 * cam2 (face): range+identify e0 [10,20], frontalUntil 15 (forward frontal on [10,15]),
 *   frontalFrom 30 (backward: needs s ≥ 30, outside [10,20]).
 * cam3 (none): range e0 [50,70] (overlaps cam0).
 */
function line() {
  const net = makeNetwork([[0, 0], [100, 0], [200, 0], [300, 0]], [[0, 1], [1, 2], [2, 3]]);
  const entries: Entry[] = [
    { edge: 0, camera: 0, level: 0, s0: 60, s1: 100 },
    { edge: 1, camera: 0, level: 0, s0: 0, s1: 30 },
    { edge: 1, camera: 0, level: 4, s0: 0, s1: 10, frontalUntil: -Infinity, frontalFrom: 8 },
    { edge: 2, camera: 1, level: 0, s0: 20, s1: 40 },
    { edge: 2, camera: 1, level: 4, s0: 25, s1: 35, frontalUntil: Infinity, frontalFrom: -Infinity },
    { edge: 0, camera: 2, level: 0, s0: 10, s1: 20 },
    { edge: 0, camera: 2, level: 4, s0: 10, s1: 20, frontalUntil: 15, frontalFrom: 30 },
    { edge: 0, camera: 3, level: 0, s0: 50, s1: 70 },
  ];
  const profile = makeProfile(3, entries, [0, 4], 4);
  const cameras = makeCameras([['face'], ['plate'], ['face'], []]);
  return { net, profile, cameras };
}

/** Independent oracle: gathers every stretch in path coordinates, then merges per camera and in union. */
function oracle(net: ReturnType<typeof makeNetwork>, entries: Entry[], arcs: number[], mode: number, caps: number[], w: number[] | null, tpr: number, plate: number) {
  type Iv = { c: number; a: number; b: number; level: number; fr: boolean };
  const base: Iv[] = [];
  const high: Iv[] = [];
  let D = 0;
  for (const arc of arcs) {
    const e = arc >> 1;
    const fwd = (arc & 1) === 0;
    const L = net.edgeLength[e];
    for (const en of entries) {
      if (en.edge !== e) continue;
      if (w && !(w[en.camera] > 0)) continue;
      const a = D + (fwd ? en.s0 : L - en.s1);
      const b = D + (fwd ? en.s1 : L - en.s0);
      const fr = fwd ? (en.frontalUntil ?? -Infinity) > en.s0 : (en.frontalFrom ?? Infinity) < en.s1;
      (en.level === 0 ? base : high).push({ c: en.camera, a, b, level: en.level, fr });
    }
    D += L;
  }
  const sorted = [...base].sort((x, y) => x.a - y.a);
  let observed = 0, gap = 0, cs = -1, ce = -1;
  for (const iv of sorted) {
    if (ce < 0) { gap = iv.a; cs = iv.a; ce = iv.b; }
    else if (iv.a > ce + 1e-6) { observed += ce - cs; gap = Math.max(gap, iv.a - ce); cs = iv.a; ce = iv.b; }
    else ce = Math.max(ce, iv.b);
  }
  if (ce >= 0) { observed += ce - cs; gap = Math.max(gap, D - ce); } else gap = D;
  const sightings: { c: number; a: number; b: number; level: number; frontal: boolean; p: number; w: number }[] = [];
  const cams = [...new Set(base.map((x) => x.c))];
  for (const c of cams) {
    const mine = base.filter((x) => x.c === c).sort((x, y) => x.a - y.a);
    let cur: { c: number; a: number; b: number; level: number; frontal: boolean; p: number; w: number } | null = null;
    for (const iv of mine) {
      if (cur && Math.abs(cur.b - iv.a) <= 1e-6) cur.b = iv.b;
      else { cur = { c, a: iv.a, b: iv.b, level: 0, frontal: false, p: 0, w: w ? w[c] : 1 }; sightings.push(cur); }
    }
  }
  for (const h of high) {
    const mid = (h.a + h.b) / 2;
    const s = sightings.find((x) => x.c === h.c && x.a - 1e-6 <= mid && mid <= x.b + 1e-6)!;
    s.level = Math.max(s.level, h.level);
    if (h.level === 4 && h.fr) s.frontal = true;
  }
  for (const s of sightings) {
    if (mode === MODE_WALK && caps[s.c] & 1 && s.frontal && s.level >= 4) s.p = tpr * s.w;
    if (mode === MODE_CAR && caps[s.c] & 2 && s.level >= 4) s.p = plate * s.w;
  }
  sightings.sort((x, y) => x.a - y.a || x.c - y.c);
  return { sightings, observed, gap, length: D, pAny: 1 - sightings.reduce((q, s) => q * (1 - s.p), 1), distinct: new Set(sightings.map((s) => s.c)).size };
}

describe('computeSightings', () => {
  it('merges a camera\'s stretches on consecutive arcs into one passage and orders sightings by entry (hand-worked line)', () => {
    const { net, profile, cameras } = line();
    // Walk forward 0 → 3 departing 1000 s at 2 m/s.
    const trips = makeTrips(net, [{ person: 0, mode: MODE_WALK, departure: 1000, speed: 2, arcs: [0, 2, 4] }]);
    const s = computeSightings(trips, profile, cameras, { network: net, recognition: MODEL });
    // Expected: cam2 10→20, cam3 50→70, cam0 60→130 (merged across node 1), cam1 220→240.
    expect(Array.from(s.camera)).toEqual([2, 3, 0, 1]);
    expect(Array.from(s.entryDistance)).toEqual([10, 50, 60, 220]);
    expect(Array.from(s.exitDistance)).toEqual([20, 70, 130, 240]);
    // time = 1000 + entry / 2; duration = (exit − entry) / 2
    expect(Array.from(s.time)).toEqual([1005, 1025, 1030, 1110]);
    expect(Array.from(s.duration)).toEqual([5, 10, 35, 10]);
    expect(Array.from(s.level)).toEqual([4, 0, 4, 4]);
    // cam2 frontal forward (frontalUntil 15 > s0 10); cam0 not (−∞); cam1's identify entry frontal everywhere.
    expect(Array.from(s.frontal)).toEqual([1, 0, 0, 1]);
    // Only cam2 identifies the pedestrian (face, frontal, identify); cam1 is a plate reader.
    expect(Array.from(s.pIdentify)).toEqual([0.8, 0, 0, 0]);
    expect(Array.from(s.tripStart)).toEqual([0, 4]);
  });

  it('reads the frontal half-line the other way when walking backward', () => {
    const { net, profile, cameras } = line();
    // Backward 3 → 0: arcs 5, 3, 1. Path coordinate u = D + (L − s).
    const trips = makeTrips(net, [{ person: 0, mode: MODE_WALK, arcs: [5, 3, 1] }]);
    const s = computeSightings(trips, profile, cameras, { network: net, recognition: MODEL });
    // cam1 e2 [20,40] → u [60,80]; cam0 e1 [0,30] → 100 + [70,100], e0 [60,100] → 200 + [0,40]: 170→240;
    // cam3 e0 [50,70] → 200 + [30,50]; cam2 e0 [10,20] → 200 + [80,90].
    expect(Array.from(s.camera)).toEqual([1, 0, 3, 2]);
    expect(Array.from(s.entryDistance)).toEqual([60, 170, 230, 280]);
    expect(Array.from(s.exitDistance)).toEqual([80, 240, 250, 290]);
    // cam0 backward: frontalFrom 8 < s1 10 → frontal; cam2 backward: frontalFrom 30 ≥ s1 20 → not.
    expect(Array.from(s.frontal)).toEqual([1, 1, 0, 0]);
    expect(Array.from(s.pIdentify)).toEqual([0, 0.8, 0, 0]);
  });

  it('identifies cars by plate readers only', () => {
    const { net, profile, cameras } = line();
    const trips = makeTrips(net, [{ person: 0, mode: MODE_CAR, arcs: [0, 2, 4] }]);
    const s = computeSightings(trips, profile, cameras, { network: net, recognition: MODEL, plateReadRate: 0.9 });
    expect(Array.from(s.camera)).toEqual([2, 3, 0, 1]);
    expect(Array.from(s.pIdentify)).toEqual([0, 0, 0, 0.9]);
  });

  it('lets down cameras see nothing and scales captures by availability', () => {
    const { net, profile, cameras } = line();
    const trips = makeTrips(net, [{ person: 0, mode: MODE_WALK, arcs: [0, 2, 4] }]);
    const down = computeSightings(trips, profile, cameras, { network: net, recognition: MODEL, cameraUp: Uint8Array.from([1, 1, 0, 1]) });
    expect(Array.from(down.camera)).toEqual([3, 0, 1]);
    expect(Array.from(down.pIdentify)).toEqual([0, 0, 0]);
    const av = computeSightings(trips, profile, cameras, { network: net, recognition: MODEL, availability: [0.5, 1, 0.25, 1] });
    expect(Array.from(av.pSeen)).toEqual([0.25, 1, 0.5, 1]);
    expect(Array.from(av.pIdentify)).toEqual([0.2, 0, 0, 0]);
  });

  it('rejects a level the profile does not record, a missing network and malformed trips', () => {
    const { net, profile, cameras } = line();
    const trips = makeTrips(net, [{ person: 0, mode: MODE_WALK, arcs: [0, 2, 4] }]);
    expect(() => computeSightings(trips, profile, cameras, { network: net, faceLevel: 'recognise' })).toThrow(/options.faceLevel must be a level the profile records/);
    expect(() => computeSightings(trips, profile, cameras, { network: net, plateLevel: 'bogus' as never })).toThrow(/options.plateLevel must be one of/);
    expect(() => computeSightings(trips, profile, cameras, {} as never)).toThrow(/options.network must be the StreetNetwork/);
    expect(() => computeSightings(trips, profile, cameras, undefined as never)).toThrow(/computeSightings: options must be an object/);
    const other = makeNetwork([[0, 0], [1, 0]], [[0, 1]]);
    expect(() => computeSightings(trips, profile, cameras, { network: other })).toThrow(/options.network.numEdges must equal the profile's numEdges \(3\)/);
    expect(() => computeSightings(trips, profile, makeCameras([['face']]), { network: net })).toThrow(/cameras.numCameras must equal/);
    expect(() => computeSightings(trips, profile, cameras, { network: net, plateReadRate: 1.5 })).toThrow(/options.plateReadRate must be a probability/);
    expect(() => computeSightings(trips, profile, cameras, { network: net, availability: [1, 2, 1, 1] })).toThrow(/options.availability\[1\]/);
    expect(() => computeSightings(trips, profile, cameras, { network: net, cameraUp: new Uint8Array(2) })).toThrow(/options.cameraUp.length must equal the number of cameras \(4\)/);
    expect(() => computeSightings(trips, profile, cameras, { network: net, cameraUp: [1, 1, 1, 1] as never })).toThrow(/options.cameraUp must be a Uint8Array/);
    expect(() => computeSightings(trips, profile, cameras, { network: net, recognition: 'nope' })).toThrow(InvalidInputError);
    expect(() => computeSightings(trips, {} as never, cameras, { network: net })).toThrow(/profile must be a StreetExposureProfile/);
    expect(() => computeSightings(trips, profile, {} as never, { network: net })).toThrow(/cameras must be a CameraSet/);
    expect(() => computeSightings({} as never, profile, cameras, { network: net })).toThrow(/trips must be a TripSet/);
    const badArc = makeTrips(net, [{ person: 0, mode: MODE_WALK, arcs: [0, 6] }]);
    expect(() => computeSightings(badArc, profile, cameras, { network: net })).toThrow(/trips.pathArcs\[1\] must be an arc id < 6/);
    const badSpeed = makeTrips(net, [{ person: 0, mode: MODE_WALK, speed: 0, arcs: [0] }]);
    expect(() => computeSightings(badSpeed, profile, cameras, { network: net })).toThrow(/trips.speed\[0\] must be a finite number > 0/);
    const badDep = makeTrips(net, [{ person: 0, mode: MODE_WALK, departure: NaN, arcs: [0] }]);
    expect(() => computeSightings(badDep, profile, cameras, { network: net })).toThrow(/trips.departure\[0\] must be a finite number, got NaN/);
  });

  it('matches an independent brute-force recomputation on random grids, profiles and walks', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { net, profile, cameras, trips, entries } = randomCase(seed);
      const caps = Array.from(cameras.capabilities);
      const up = Uint8Array.from({ length: cameras.numCameras }, (_, c) => (c % 5 === 4 ? 0 : 1));
      for (const variant of [null, up]) {
        const opts = { network: net, recognition: MODEL, plateReadRate: 0.9, ...(variant ? { cameraUp: variant } : {}) };
        const s = computeSightings(trips, profile, cameras, opts);
        const m = computeTripMetrics(trips, profile, cameras, opts);
        for (let t = 0; t < trips.numTrips; t++) {
          const arcs = Array.from(trips.pathArcs.subarray(trips.pathStart[t], trips.pathStart[t + 1]));
          const o = oracle(net, entries, arcs, trips.mode[t], caps, variant ? Array.from(variant) : null, 0.8, 0.9);
          const a = s.tripStart[t], b = s.tripStart[t + 1];
          expect(b - a).toBe(o.sightings.length);
          for (let i = 0; i < o.sightings.length; i++) {
            const x = o.sightings[i];
            expect(s.camera[a + i]).toBe(x.c);
            expect(s.entryDistance[a + i]).toBeCloseTo(x.a, 9);
            expect(s.exitDistance[a + i]).toBeCloseTo(x.b, 9);
            expect(s.level[a + i]).toBe(x.level);
            expect(s.frontal[a + i]).toBe(x.frontal ? 1 : 0);
            expect(s.pIdentify[a + i]).toBeCloseTo(x.p, 12);
            expect(s.time[a + i]).toBeCloseTo(trips.departure[t] + x.a / trips.speed[t], 6);
          }
          expect(m.sightings[t]).toBe(o.sightings.length);
          expect(m.distinctCameras[t]).toBe(o.distinct);
          expect(m.length[t]).toBeCloseTo(o.length, 9);
          expect(m.observedLength[t]).toBeCloseTo(o.observed, 9);
          expect(m.longestGap[t]).toBeCloseTo(o.gap, 9);
          expect(m.longestGapSeconds[t]).toBeCloseTo(o.gap / trips.speed[t], 6);
          expect(m.pIdentified[t]).toBeCloseTo(o.pAny, 12);
          expect(m.identified[t]).toBeCloseTo(o.sightings.reduce((q, x) => q + x.p, 0), 12);
        }
      }
    }
  });
});

describe('computeTripMetrics', () => {
  it('computes the hand-worked line: observed share, longest gap, distinct cameras', () => {
    const { net, profile, cameras } = line();
    const trips = makeTrips(net, [
      { person: 0, mode: MODE_WALK, speed: 2, arcs: [0, 2, 4] },
      { person: 1, mode: MODE_WALK, speed: 1, arcs: [] },
    ]);
    const m = computeTripMetrics(trips, profile, cameras, { network: net, recognition: MODEL });
    // Union: [10,20] ∪ [50,130] ∪ [220,240] = 10 + 80 + 20 = 110 of 300 m.
    expect(m.observedLength[0]).toBe(110);
    expect(m.observedFraction[0]).toBeCloseTo(110 / 300, 15);
    // Gaps: 0–10, 20–50, 130–220 (90), 240–300 → 90 m, 45 s at 2 m/s.
    expect(m.longestGap[0]).toBe(90);
    expect(m.longestGapSeconds[0]).toBe(45);
    expect(m.sightings[0]).toBe(4);
    expect(m.distinctCameras[0]).toBe(4);
    expect(m.pIdentified[0]).toBeCloseTo(0.8, 15);
    // An empty path: nothing seen, no NaN.
    expect([m.sightings[1], m.observedFraction[1], m.longestGap[1], m.pIdentified[1]]).toEqual([0, 0, 0, 0]);
    expect(Array.from(tripCameras(m, 0).cameras)).toEqual([2, 3, 0, 1]);
  });

  it('gives expected values under availability (worked by hand)', () => {
    const { net, profile, cameras } = line();
    const trips = makeTrips(net, [{ person: 0, mode: MODE_WALK, arcs: [0, 2, 4] }]);
    const m = computeTripMetrics(trips, profile, cameras, { network: net, recognition: MODEL, availability: [0.5, 1, 1, 1] });
    // e0: cam2 [10,20] → 10; cam3 [50,70] (1) ∪ cam0 [60,100] (0.5): 20 + 30·0.5 = 35;
    // e1: cam0 [0,30] · 0.5 = 15; e2: cam1 20 → 80 m expected.
    expect(m.observedLength[0]).toBeCloseTo(80, 12);
    expect(m.sightings[0]).toBe(3.5);
    expect(m.distinctCameras[0]).toBe(3.5);
    // Longest gap counts cameras of availability > 0 as possibly seeing: still 90 m.
    expect(m.longestGap[0]).toBe(90);
    expect(m.cameraBlocks[0].miss).not.toBeNull();
  });
});

describe('sightingPoints', () => {
  it('groups sightings by person as (camera, day · 24 + hour) points', async () => {
    const { sightingPoints } = await import('../../src/exposure/sightings.js');
    const { net, profile, cameras } = line();
    const trips = makeTrips(net, [
      { person: 1, day: 1, mode: MODE_WALK, departure: 3 * 3600 - 6, speed: 2, arcs: [0, 2, 4] },
      { person: 0, mode: MODE_WALK, departure: 0, arcs: [0] },
    ]);
    const s = computeSightings(trips, profile, cameras, { network: net, recognition: MODEL });
    const pts = sightingPoints(s, 3);
    // Person 0: cam2 at 10 s, cam3 at 50 s, cam0 at 60 s, all in hour 0 of day 0.
    // Person 1 (day 1): cam2 enters at 10 m → 3 h − 6 s + 5 s → hour 2; cam3 at 25 s → hour 3; cam0 (30 s) 3; cam1 (110 s) 3.
    expect(Array.from(pts.start)).toEqual([0, 3, 7, 7]);
    expect(Array.from(pts.camera)).toEqual([2, 3, 0, 2, 3, 0, 1]);
    expect(Array.from(pts.hour)).toEqual([0, 0, 0, 26, 27, 27, 27]);
    expect(() => sightingPoints(s, 1)).toThrow(/sightingPoints: numPeople must exceed every sighting's person \(largest 1\), got 1/);
    expect(() => sightingPoints(s, 1.5)).toThrow(/numPeople must be an integer >= 0/);
    expect(() => sightingPoints({} as never)).toThrow(/sightings must be a SightingSet/);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { personHistory } from '../../src/retention/history.js';
import { camerasInHold, pointInHold } from '../../src/retention/hold-area.js';
import { personChannelDays } from '../../src/retention/person-channels.js';
import {
  CHANNEL_KINDS,
  DATA_KINDS,
  RETENTION_TIERS,
  createRetentionPolicy,
  effectiveDays,
  retentionRule,
  type DataKind,
  type RetentionPolicy,
  type RetentionPolicySpec,
} from '../../src/retention/policy.js';
import { reconstructHistory, type ReconstructedHistory, type RetentionSightingsInput } from '../../src/retention/reconstruct.js';

interface Row { person: number; trip: number; camera: number; day: number; time: number; pIdentify: number; pSeen?: number }

function sightingsOf(rows: Row[], withPSeen = true): RetentionSightingsInput {
  return {
    numSightings: rows.length,
    person: Uint32Array.from(rows.map((r) => r.person)),
    trip: Uint32Array.from(rows.map((r) => r.trip)),
    camera: Uint32Array.from(rows.map((r) => r.camera)),
    day: Uint16Array.from(rows.map((r) => r.day)),
    time: Float64Array.from(rows.map((r) => r.time)),
    pIdentify: Float64Array.from(rows.map((r) => r.pIdentify)),
    ...(withPSeen ? { pSeen: Float64Array.from(rows.map((r) => r.pSeen ?? 1)) } : {}),
  };
}

// ---------------------------------------------------------------------------
// Hand-worked case
// ---------------------------------------------------------------------------

/**
 * Policy: camera video 10 days (police), city match events (sightings) 30 days (police), camera plate reads 2 days
 * (police). Face channel: max(10, 0, 30) = 30 days; plate channel: max(10, 2) = 10 days.
 * Hold: cameras in [50, −10, 150, 10] (camera 1 at (100, 0)), captured in [5, 6), video kept 100 days, readers
 * police and prosecutors. now = 20, lookback 15: trips with day in [5, 20).
 *   s0 trip 0 walk cam 0 day 3  t = 3.5   age 16.5  p 0.5: no video (≥ 10), identifiable (face < 30)
 *   s1 trip 1 car  cam 1 day 5  t = 5.25  age 14.75 p 0.4: policy gone (plate ≥ 10), held video → on file
 *   s2 trip 2 car  cam 0 day 18 t = 18.5  age 1.5   p 0.2: on video, identifiable
 *   s3 trip 2 car  cam 1 day 18 t = 18.75 age 1.25  p 0.5: on video, identifiable
 *   s4 trip 3 walk cam 0 day 20 t ≈ 20.04 ≥ now: not captured yet
 * Person 0: captures on file s1, s2, s3 = 3; identifiable 0.5 + 0.4 + 0.2 + 0.5 = 1.6.
 * Window trips: trip 1 (day 5) and trip 2 (day 18); trip 0 (day 3) too old, trip 3 (day 20) not before now.
 * Reconstructable: trip 1: 0.4; trip 2: 1 − 0.8 · 0.5 = 0.6; total 1.0, share 0.5.
 * P(history) = 1 − 0.5 · 0.6 · 0.8 · 0.5 = 0.88.
 */
const handSpec: RetentionPolicySpec = {
  name: 'hand',
  rules: {
    camera: { video: { days: 10, readers: ['police'] }, plateReads: { days: 2, readers: ['police'] } },
    city: { sightings: { days: 30, readers: ['police'] } },
  },
  legalHolds: [{ area: [50, -10, 150, 10], from: 5, to: 6, keepDays: 100, kinds: ['video'] }],
};
const handCameras = { x: Float64Array.from([0, 100]), y: Float64Array.from([0, 0]) };
const handTripMode = Uint8Array.from([0, 1, 1, 0]);
const handRows: Row[] = [
  { person: 0, trip: 0, camera: 0, day: 3, time: 43200, pIdentify: 0.5 },
  { person: 0, trip: 1, camera: 1, day: 5, time: 21600, pIdentify: 0.4 },
  { person: 0, trip: 2, camera: 0, day: 18, time: 43200, pIdentify: 0.2 },
  { person: 0, trip: 2, camera: 1, day: 18, time: 64800, pIdentify: 0.5 },
  { person: 0, trip: 3, camera: 0, day: 20, time: 3600, pIdentify: 0.9 },
];
function hand(reader?: string): ReconstructedHistory {
  return reconstructHistory(createRetentionPolicy(handSpec), sightingsOf(handRows, false), {
    cameras: handCameras, tripMode: handTripMode, now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2, reader,
  });
}

describe('reconstructHistory on a hand-worked case', () => {
  it('counts what is on file, with the hold', () => {
    const h = hand();
    expect(h.capturesOnFile[0]).toBe(3);
    expect(h.identifiableOnFile[0]).toBeCloseTo(1.6, 12);
    expect(h.tripsInWindow[0]).toBe(2);
    expect(h.reconstructableTrips[0]).toBeCloseTo(1.0, 12);
    expect(h.reconstructableShare[0]).toBeCloseTo(0.5, 12);
    expect(h.pHistoryOnFile[0]).toBeCloseTo(0.88, 12);
    expect(h.futureSightings).toBe(1);
    expect(h.numWithoutTrips).toBe(1); // person 1
    expect(h.params.keptDays).toEqual({ face: 30, plate: 10, captures: 10 });
    expect(h.params.trips).toBe('sighted');
  });

  it('reports how far back each kind reaches (holds included)', () => {
    // video: s1 held, age 14.75; sightings (face, 30 days): s0 16.5; plate reads (2 days): s2 1.5; templates, alerts: none.
    expect(hand().reachBack).toEqual({ video: 14.75, faceTemplates: 0, sightings: 16.5, plateReads: 1.5, alerts: 0 });
  });

  it('reports what the hold keeps and adds', () => {
    expect(hand().holds).toEqual([{ id: 'hold-0', readable: true, sightings: 1, captures: 1, capturesBeyondPolicy: 1, persons: 1 }]);
  });

  it('restricts to the copies and holds a reader reads', () => {
    // Prosecutors read no tier's copy, but they read the hold: s1 only.
    const pros = hand('prosecutors');
    expect(pros.capturesOnFile[0]).toBe(1);
    expect(pros.identifiableOnFile[0]).toBeCloseTo(0.4, 12);
    expect(pros.reconstructableShare[0]).toBeCloseTo(0.2, 12);
    expect(pros.pHistoryOnFile[0]).toBeCloseTo(0.4, 12);
    expect(pros.reachBack).toEqual({ video: 14.75, faceTemplates: 0, sightings: 0, plateReads: 0, alerts: 0 });
    // The vendor reads nothing; the hold still holds s1 (counts ignore the reader) but is not readable.
    const vendor = hand('vendor');
    expect(vendor.totals).toEqual({ capturesOnFile: 0, identifiableOnFile: 0, tripsInWindow: 2, reconstructableTrips: 0 });
    expect(vendor.holds[0]).toMatchObject({ readable: false, sightings: 1, persons: 1 });
    expect(vendor.params.keptDays).toEqual({ face: 0, plate: 0, captures: 0 });
    // Police read everything here.
    expect(hand('police').totals).toEqual(hand().totals);
  });

  it('weights captures by pSeen when given', () => {
    const rows = handRows.map((r, i) => ({ ...r, pSeen: i === 2 ? 0.5 : 1 }));
    const h = reconstructHistory(createRetentionPolicy(handSpec), sightingsOf(rows), {
      cameras: handCameras, tripMode: handTripMode, now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2,
    });
    expect(h.capturesOnFile[0]).toBe(2.5);
  });

  it('counts trips no camera saw when tripPerson and tripDay are given', () => {
    const h = reconstructHistory(createRetentionPolicy(handSpec), sightingsOf(handRows), {
      cameras: handCameras, tripMode: Uint8Array.from([0, 1, 1, 0, 1]), tripPerson: Uint32Array.from([0, 0, 0, 0, 1]),
      tripDay: Uint16Array.from([3, 5, 18, 20, 10]), now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2,
    });
    expect(Array.from(h.tripsInWindow)).toEqual([2, 1]);
    expect(h.reconstructableShare[1]).toBe(0);
    expect(h.numWithoutTrips).toBe(0);
    expect(h.params.trips).toBe('all');
  });

  it('takes per-trip rows with plan ids instead (the exposure layer\'s trips), skipping persons outside the sample', () => {
    // Rows in another order, trip ids as planId, one extra unseen trip of person 1 and a trip of person 7 (not sampled).
    const trips = {
      numTrips: 6,
      person: Uint32Array.from([0, 1, 0, 7, 0, 0]),
      day: Uint16Array.from([18, 10, 5, 12, 3, 20]),
      mode: Uint8Array.from([1, 1, 1, 0, 0, 0]),
      planId: Uint32Array.from([2, 4, 1, 9, 0, 3]),
    };
    const policy = createRetentionPolicy(handSpec);
    const a = reconstructHistory(policy, sightingsOf(handRows), { cameras: handCameras, trips, now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2 });
    const b = reconstructHistory(policy, sightingsOf(handRows), {
      cameras: handCameras, tripMode: Uint8Array.from([0, 1, 1, 0, 1]), tripPerson: Uint32Array.from([0, 0, 0, 0, 1]),
      tripDay: Uint16Array.from([3, 5, 18, 20, 10]), now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2,
    });
    expect(a.totals).toEqual(b.totals);
    expect(Array.from(a.tripsInWindow)).toEqual([2, 1]);
    expect(Array.from(a.pHistoryOnFile)).toEqual(Array.from(b.pHistoryOnFile));
    expect(a.params.trips).toBe('all');
    // Without planId, the row index is the trip id.
    const rows = { numTrips: 4, person: new Uint32Array(4), day: Uint16Array.from([3, 5, 18, 20]), mode: handTripMode };
    expect(reconstructHistory(policy, sightingsOf(handRows), { cameras: handCameras, trips: rows, now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2 }).totals).toEqual(hand().totals);
  });

  it('caps forever and long holds at operatingDays', () => {
    const spec: RetentionPolicySpec = { ...handSpec, legalHolds: [{ area: [50, -10, 150, 10], from: 5, to: 6, keepDays: 'forever', kinds: ['video'] }] };
    const opts = { cameras: handCameras, tripMode: handTripMode, now: 20, lookbackDays: 15, numPersons: 1 };
    // System running 14.8 days at now = 20: s1 (age 14.75) still held; 14.7 days: gone.
    expect(reconstructHistory(createRetentionPolicy(spec), sightingsOf(handRows), { ...opts, operatingDays: 14.8 }).capturesOnFile[0]).toBe(3);
    expect(reconstructHistory(createRetentionPolicy(spec), sightingsOf(handRows), { ...opts, operatingDays: 14.7 }).capturesOnFile[0]).toBe(2);
  });
});

// ---------------------------------------------------------------------------
// Hold areas
// ---------------------------------------------------------------------------

describe('pointInHold', () => {
  const p = createRetentionPolicy({
    name: 'holds',
    rules: {},
    legalHolds: [
      { area: [0, 0, 10, 10], from: 0, to: 1, keepDays: 1 },
      { area: [[0, 0], [10, 0], [0, 10]], from: 0, to: 1, keepDays: 1 },
    ],
  });
  const [square, triangle] = p.legalHolds;

  it('counts points on the boundary (edges and vertices) as inside', () => {
    for (const [x, y] of [[0, 0], [10, 10], [5, 0], [10, 3], [0, 7], [5, 10]]) expect(pointInHold(square, x, y)).toBe(true);
    for (const [x, y] of [[0, 0], [10, 0], [0, 10], [5, 5], [2.5, 7.5], [5, 0], [0, 5]]) expect(pointInHold(triangle, x, y)).toBe(true);
  });

  it('tells inside from outside', () => {
    expect(pointInHold(square, 5, 5)).toBe(true);
    for (const [x, y] of [[-0.001, 5], [10.001, 5], [5, -1e-9], [5, 10.5]]) expect(pointInHold(square, x, y)).toBe(false);
    expect(pointInHold(triangle, 1, 1)).toBe(true);
    expect(pointInHold(triangle, 6, 6)).toBe(false);
    expect(pointInHold(triangle, 5.01, 5)).toBe(false);
  });

  it('marks the cameras in the area', () => {
    expect(Array.from(camerasInHold(triangle, Float64Array.from([1, 6, 10, 11]), Float64Array.from([1, 6, 0, 0])))).toEqual([1, 0, 1, 0]);
  });
});

// ---------------------------------------------------------------------------
// Brute-force replay of a simulated month
// ---------------------------------------------------------------------------

/** A policy with different days per kind and tier, fractional days, 'forever', copies, and two legal holds. */
const monthSpec: RetentionPolicySpec = {
  name: 'month',
  rules: {
    camera: {
      video: { days: 4.5, copyTo: 'district', readers: ['vendor', 'police'] },
      plateReads: { days: 2, copyTo: ['city', 'national'], readers: ['vendor'] },
    },
    district: { video: { days: 9, readers: ['police'] } },
    city: {
      faceTemplates: { days: 6, copyTo: 'national', readers: ['police'] },
      sightings: { days: 13.25, readers: ['police', 'prosecutors'] },
      alerts: { days: 'forever', readers: ['police'] },
      plateReads: { days: 8, readers: ['police'] },
    },
    national: { faceTemplates: { days: 'forever', readers: ['biometric-platform'] }, plateReads: { days: 20, readers: ['prosecutors'] } },
  },
  legalHolds: [
    { id: 'protest', area: [0, 0, 400, 400], from: 8.5, to: 11, keepDays: 60, kinds: ['video', 'faceTemplates'] },
    { id: 'raid', area: [[500, 500], [1000, 500], [1000, 1000]], from: 15, to: 18.5, keepDays: 14, kinds: ['plateReads'], readers: ['prosecutors'] },
  ],
};

interface Month { rows: Row[]; tripMode: Uint8Array; tripPerson: Uint32Array; tripDay: Uint16Array; cameras: { x: Float64Array; y: Float64Array }; numPersons: number }

function simulateMonth(seed: string): Month {
  const rng = createRng(seed);
  const numPersons = 5;
  // 10 cameras at random, two inside each hold's area, and two on hold boundaries (an edge of the square, a
  // vertex of the triangle).
  const cx: number[] = [], cy: number[] = [];
  for (let i = 0; i < 10; i++) { cx.push(rng.uniform(0, 1000)); cy.push(rng.uniform(0, 1000)); }
  cx.push(100, 300, 700, 900, 400, 1000); cy.push(100, 50, 600, 800, 200, 1000);
  const rows: Row[] = [];
  const mode: number[] = [], tp: number[] = [], td: number[] = [];
  for (let day = 0; day <= 30; day++) {
    for (let p = 0; p < numPersons; p++) {
      const nTrips = rng.int(4);
      for (let k = 0; k < nTrips; k++) {
        const trip = mode.length;
        mode.push(rng.int(2)); tp.push(p); td.push(day);
        const nCaps = rng.int(5);
        let time = rng.uniform(1, 80000);
        for (let c = 0; c < nCaps; c++) {
          const u = rng.next();
          const pIdentify = u < 0.15 ? 0 : u < 0.25 ? 1 : rng.next();
          rows.push({ person: p, trip, camera: rng.int(cx.length), day, time, pIdentify, pSeen: rng.uniform(0.5, 1) });
          time += rng.uniform(10, 9000); // may pass midnight
        }
      }
    }
  }
  return { rows, tripMode: Uint8Array.from(mode), tripPerson: Uint32Array.from(tp), tripDay: Uint16Array.from(td), cameras: { x: Float64Array.from(cx), y: Float64Array.from(cy) }, numPersons };
}

/** Even-odd point in polygon with the boundary inside (independent of src: brute force on segments). */
function inArea(ring: [number, number][], x: number, y: number): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) return true;
  }
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i], [bx, by] = ring[i + 1];
    if ((ay > y) !== (by > y) && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside;
}

interface Copy { s: number; kind: DataKind; tier: string; t: number }

/**
 * Replays the month step by step: at each step time T (every day's end, then now), captures with t < T are
 * stored as one copy per kind they produce at every tier where the kind is present; then every copy that has
 * expired (T − t ≥ its tier's days, 'forever' = since the system started) and that no legal hold keeps (area,
 * window, T − t < keepDays, kind held) is deleted for good. At the end, metrics are read from the surviving copies.
 */
function replay(policy: RetentionPolicy, m: Month, now: number, operatingDays: number, lookbackDays: number, reader?: string) {
  const start = now - operatingDays; // when the system started
  const capT = m.rows.map((r) => r.day + r.time / 86400);
  const channel = (s: number): 'face' | 'plate' => (m.tripMode[m.rows[s].trip] === 0 ? 'face' : 'plate');
  const producedKinds = (s: number): DataKind[] => {
    const ks = [...CHANNEL_KINDS[channel(s)]];
    if (m.rows[s].pIdentify > 0) ks.push('alerts');
    return ks;
  };
  const ruleDays = (tier: string, kind: DataKind, T: number): number => {
    const d = retentionRule(policy, tier as never, kind).days;
    return d === 'forever' ? T - start : d; // kept since the system started
  };
  const heldBy = (c: Copy, T: number): number[] => {
    const r = m.rows[c.s];
    const out: number[] = [];
    policy.legalHolds.forEach((h, j) => {
      if (!h.kinds.includes(c.kind)) return;
      if (!inArea(h.ring, m.cameras.x[r.camera], m.cameras.y[r.camera])) return;
      if (!(c.t >= h.from && c.t < h.to)) return;
      const keep = h.keepDays === 'forever' ? T - start : h.keepDays;
      if (T - c.t < keep) out.push(j);
    });
    return out;
  };
  let store: Copy[] = [];
  const ingested = new Uint8Array(m.rows.length);
  const steps: number[] = [];
  for (let T = Math.floor(start) + 1; T < now; T++) if (T > start) steps.push(T);
  steps.push(now);
  for (const T of steps) {
    for (let s = 0; s < m.rows.length; s++) {
      if (ingested[s] || capT[s] >= T || capT[s] < start) continue;
      ingested[s] = 1;
      for (const kind of producedKinds(s)) {
        for (const tier of RETENTION_TIERS) {
          const rule = retentionRule(policy, tier, kind);
          if (rule.present && rule.tierExists) store.push({ s, kind, tier, t: capT[s] });
        }
      }
    }
    store = store.filter((c) => T - c.t < ruleDays(c.tier, c.kind, T) || heldBy(c, T).length > 0);
  }
  // Read the state at now.
  const readable = (c: Copy): boolean => {
    const rule = retentionRule(policy, c.tier as never, c.kind);
    if (now - c.t < ruleDays(c.tier, c.kind, now) && (reader === undefined || rule.readers.includes(reader))) return true;
    return heldBy(c, now).some((j) => reader === undefined || policy.legalHolds[j].readers.includes(reader));
  };
  const n = m.numPersons;
  const out = {
    capturesOnFile: new Array<number>(n).fill(0), identifiableOnFile: new Array<number>(n).fill(0),
    tripsInWindow: new Array<number>(n).fill(0), reconstructableTrips: new Array<number>(n).fill(0),
    pHistoryOnFile: new Array<number>(n).fill(0),
    reachBack: Object.fromEntries(DATA_KINDS.map((k) => [k, 0])) as Record<DataKind, number>,
    holds: policy.legalHolds.map(() => ({ sightings: 0, captures: 0, capturesBeyondPolicy: 0, persons: new Set<number>() })),
  };
  const videoOn = new Set<number>(), idOn = new Set<number>();
  for (const c of store) {
    if (!readable(c)) continue;
    if (c.kind === 'video') videoOn.add(c.s);
    if ((CHANNEL_KINDS[channel(c.s)] as readonly DataKind[]).includes(c.kind)) idOn.add(c.s);
    out.reachBack[c.kind] = Math.max(out.reachBack[c.kind], now - c.t);
  }
  const miss = new Array<number>(n).fill(1);
  const tripMiss = new Map<number, number>();
  for (let s = 0; s < m.rows.length; s++) {
    const r = m.rows[s];
    if (videoOn.has(s)) out.capturesOnFile[r.person] += r.pSeen ?? 1;
    if (idOn.has(s)) {
      out.identifiableOnFile[r.person] += r.pIdentify;
      miss[r.person] *= 1 - r.pIdentify;
      tripMiss.set(r.trip, (tripMiss.get(r.trip) ?? 1) * (1 - r.pIdentify));
    }
  }
  for (let t = 0; t < m.tripMode.length; t++) {
    const d = m.tripDay[t];
    if (d >= now - lookbackDays && d < now) {
      out.tripsInWindow[m.tripPerson[t]]++;
      out.reconstructableTrips[m.tripPerson[t]] += 1 - (tripMiss.get(t) ?? 1);
    }
  }
  for (let p = 0; p < n; p++) out.pHistoryOnFile[p] = 1 - miss[p];
  // Holds (regardless of the reader): captures with a surviving copy of a channel kind that the hold keeps.
  policy.legalHolds.forEach((h, j) => {
    const held = new Set<number>(), withPolicyCopy = new Set<number>();
    for (const c of store) {
      if (!(CHANNEL_KINDS[channel(c.s)] as readonly DataKind[]).includes(c.kind)) continue;
      if (heldBy(c, now).includes(j)) held.add(c.s);
      if (now - c.t < ruleDays(c.tier, c.kind, now)) withPolicyCopy.add(c.s);
    }
    for (const s of held) {
      const r = m.rows[s];
      out.holds[j].sightings++;
      out.holds[j].captures += r.pSeen ?? 1;
      if (!withPolicyCopy.has(s)) out.holds[j].capturesBeyondPolicy += r.pSeen ?? 1;
      out.holds[j].persons.add(r.person);
    }
  });
  return out;
}

function expectSame(h: ReconstructedHistory, b: ReturnType<typeof replay>): void {
  for (const key of ['capturesOnFile', 'identifiableOnFile', 'tripsInWindow', 'reconstructableTrips', 'pHistoryOnFile'] as const) {
    for (let p = 0; p < h.numPersons; p++) expect(h[key][p], `${key}[${p}]`).toBeCloseTo(b[key][p], 10);
  }
  for (const k of DATA_KINDS) expect(h.reachBack[k], `reachBack.${k}`).toBeCloseTo(b.reachBack[k], 10);
  h.holds.forEach((hh, j) => {
    expect(hh.sightings, `hold ${j} sightings`).toBe(b.holds[j].sightings);
    expect(hh.captures).toBeCloseTo(b.holds[j].captures, 10);
    expect(hh.capturesBeyondPolicy).toBeCloseTo(b.holds[j].capturesBeyondPolicy, 10);
    expect(hh.persons).toBe(b.holds[j].persons.size);
  });
}

describe('reconstructHistory against a brute-force replay of a simulated month', () => {
  const policy = createRetentionPolicy(monthSpec);
  const month = simulateMonth('retention-month');

  it('builds a month with captures in every situation the policy distinguishes', () => {
    expect(month.rows.length).toBeGreaterThan(300);
    const h = reconstructHistory(policy, sightingsOf(month.rows), {
      cameras: month.cameras, tripMode: month.tripMode, now: 30.4, operatingDays: 30.4, lookbackDays: 14, numPersons: month.numPersons,
    });
    expect(h.holds[0].capturesBeyondPolicy).toBeGreaterThan(0);
    expect(h.holds[1].sightings).toBeGreaterThan(0);
    expect(h.futureSightings).toBeGreaterThan(0);
  });

  const cases: [string, number, number, number, string | undefined][] = [
    ['every reader, now mid-day', 30.4, 30.4, 14, undefined],
    ['police', 30.4, 30.4, 14, 'police'],
    ['prosecutors (hold readers)', 30.4, 30.4, 7.5, 'prosecutors'],
    ['the biometric platform (templates forever)', 30.4, 30.4, 30, 'biometric-platform'],
    ['the vendor', 30.4, 30.4, 14, 'vendor'],
    ['every reader, now at midnight, system younger than the month', 25, 20, 10, undefined],
    ['police, just after the protest hold window', 11.2, 11.2, 5, 'police'],
  ];
  for (const [label, now, operatingDays, lookbackDays, reader] of cases) {
    it(`matches the replay exactly for ${label}`, () => {
      const h = reconstructHistory(policy, sightingsOf(month.rows), {
        cameras: month.cameras, tripMode: month.tripMode, tripPerson: month.tripPerson, tripDay: month.tripDay,
        now, operatingDays, lookbackDays, numPersons: month.numPersons, reader,
      });
      expectSame(h, replay(policy, month, now, operatingDays, lookbackDays, reader));
    });
  }

  it('is deterministic', () => {
    const run = () => reconstructHistory(policy, sightingsOf(month.rows), {
      cameras: month.cameras, tripMode: month.tripMode, now: 30.4, operatingDays: 30.4, lookbackDays: 14, numPersons: month.numPersons,
    });
    expect(JSON.stringify(run(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(
      JSON.stringify(run(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)),
    );
  });
});

// ---------------------------------------------------------------------------
// Population steady state against the exact version
// ---------------------------------------------------------------------------

describe('personHistory on one day against reconstructHistory on that day repeated', () => {
  const spec: RetentionPolicySpec = {
    name: 'steady',
    rules: {
      camera: { video: { days: 14, readers: ['police', 'vendor'] }, plateReads: { days: 5, copyTo: 'national', readers: ['police'] } },
      city: { faceTemplates: { days: 3, readers: ['biometric-platform'] }, sightings: { days: 25, readers: ['police'] } },
      national: { plateReads: { days: 'forever', readers: ['prosecutors'] } },
    },
  };
  const policy = createRetentionPolicy(spec);
  const rng = createRng('retention-steady');
  const numPersons = 30;
  // One day: trips (some with no capture), captures strictly inside the day (0 < s < 86,400).
  const tMode: number[] = [], tPerson: number[] = [];
  const caps: Row[] = [];
  for (let p = 0; p < numPersons - 3; p++) { // the last 3 persons stay home
    const nTrips = rng.int(4);
    for (let k = 0; k < nTrips; k++) {
      const trip = tMode.length;
      tMode.push(rng.int(2)); tPerson.push(p);
      const nCaps = rng.int(4);
      for (let c = 0; c < nCaps; c++) {
        const u = rng.next();
        caps.push({ person: p, trip, camera: 0, day: 0, time: rng.uniform(1, 86399), pIdentify: u < 0.1 ? 0 : u < 0.15 ? 1 : rng.next(), pSeen: rng.uniform(0.3, 1) });
      }
    }
  }
  const numTrips = tMode.length;
  // Per-trip inputs for personChannelDays (what the exposure layer's TripMetrics holds).
  const sightings = new Float64Array(numTrips), identified = new Float64Array(numTrips), miss = new Float64Array(numTrips).fill(1);
  for (const c of caps) { sightings[c.trip] += c.pSeen ?? 1; identified[c.trip] += c.pIdentify; miss[c.trip] *= 1 - c.pIdentify; }
  const pc = personChannelDays({
    numTrips, person: Uint32Array.from(tPerson), day: new Uint16Array(numTrips), mode: Uint8Array.from(tMode),
    sightings, identified, pIdentified: miss.map((m) => 1 - m),
  }, { numPersons, numDays: 1 });
  // The same day repeated N days: day k's trip t is trip k · numTrips + t.
  const N = 40;
  const rows: Row[] = [];
  for (let k = 0; k < N; k++) for (const c of caps) rows.push({ ...c, day: k, trip: k * numTrips + c.trip });
  const tripMode = new Uint8Array(N * numTrips), tripPerson = new Uint32Array(N * numTrips), tripDay = new Uint16Array(N * numTrips);
  for (let k = 0; k < N; k++) for (let t = 0; t < numTrips; t++) { tripMode[k * numTrips + t] = tMode[t]; tripPerson[k * numTrips + t] = tPerson[t]; tripDay[k * numTrips + t] = k; }
  const cameras = { x: new Float64Array(1), y: new Float64Array(1) };

  for (const [lookbackDays, reader] of [[20, undefined], [30, 'police'], [7, 'prosecutors'], [40, 'biometric-platform'], [10, 'vendor']] as [number, string | undefined][]) {
    it(`agrees to 1e-9 over ${lookbackDays} days for ${reader ?? 'every reader'}`, () => {
      const pop = personHistory(policy, pc, { operatingDays: N, lookbackDays, reader });
      const exact = reconstructHistory(policy, sightingsOf(rows), { cameras, tripMode, tripPerson, tripDay, now: N, operatingDays: N, lookbackDays, numPersons, reader });
      for (const key of ['capturesOnFile', 'identifiableOnFile', 'tripsInWindow', 'reconstructableTrips', 'reconstructableShare', 'pHistoryOnFile'] as const) {
        for (let p = 0; p < numPersons; p++) expect(Math.abs(pop[key][p] - exact[key][p]), `${key}[${p}]`).toBeLessThan(1e-9);
      }
      expect(pop.numWithoutTrips).toBe(exact.numWithoutTrips);
      expect(pop.keptDays).toEqual(exact.params.keptDays);
    });
  }
});

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

describe('reconstructHistory errors', () => {
  const policy = createRetentionPolicy(handSpec);
  const base = { cameras: handCameras, tripMode: handTripMode, now: 20, operatingDays: 365, lookbackDays: 15, numPersons: 2 };
  const s = sightingsOf(handRows);

  it('rejects negative or non-finite now, lookbackDays and operatingDays', () => {
    for (const key of ['now', 'operatingDays', 'lookbackDays'] as const) {
      for (const v of [-1, NaN, Infinity, -Infinity]) {
        expect(() => reconstructHistory(policy, s, { ...base, [key]: v })).toThrow(new RegExp(`reconstructHistory: options.${key} must be a finite number >= 0`));
      }
    }
  });

  it('rejects an unknown reader', () => {
    expect(() => reconstructHistory(policy, s, { ...base, reader: 'nobody' })).toThrow(/reconstructHistory: options.reader must be a principal of the policy/);
  });

  it('rejects columns of the wrong length or type', () => {
    expect(() => reconstructHistory(policy, { ...s, time: new Float64Array(4) }, base)).toThrow(/sightings.time must be a Float64Array of length numSightings \(5\)/);
    expect(() => reconstructHistory(policy, { ...s, person: new Uint16Array(5) as unknown as Uint32Array }, base)).toThrow(/sightings.person must be a Uint32Array/);
    expect(() => reconstructHistory(policy, { ...s, pSeen: new Float64Array(6) }, base)).toThrow(/sightings.pSeen must be a Float64Array of length numSightings/);
    expect(() => reconstructHistory(policy, s, { ...base, cameras: { x: new Float64Array(2), y: new Float64Array(3) } })).toThrow(/options.cameras.y must be a Float64Array of length cameras.x.length \(2\)/);
    expect(() => reconstructHistory(policy, s, { ...base, tripPerson: new Uint32Array(4) })).toThrow(/options.tripDay must be a Uint16Array of length tripMode.length \(4\)/);
    expect(() => reconstructHistory(policy, s, { ...base, tripPerson: new Uint32Array(3), tripDay: new Uint16Array(4) })).toThrow(/options.tripPerson must be a Uint32Array of length tripMode.length/);
    expect(() => reconstructHistory(policy, { ...s, numSightings: -1 }, base)).toThrow(/sightings.numSightings must be an integer >= 0/);
  });

  it('rejects a trip with no mode', () => {
    expect(() => reconstructHistory(policy, s, { ...base, tripMode: Uint8Array.from([0, 1, 1]) })).toThrow(/reconstructHistory: sightings.trip\[4\] must be a trip with a mode \(< tripMode.length 3\), got 3/);
    expect(() => reconstructHistory(policy, s, { ...base, tripMode: Uint8Array.from([0, 1, 2, 0]) })).toThrow(/options.tripMode\[2\] must be 0 \(walk\) or 1 \(car\), got 2/);
    expect(() => reconstructHistory(policy, s, { ...base, tripMode: [0, 1, 1, 0] as unknown as Uint8Array })).toThrow(/options.tripMode must be a Uint8Array/);
  });

  it('rejects bad per-trip rows', () => {
    const trips = { numTrips: 4, person: new Uint32Array(4), day: Uint16Array.from([3, 5, 18, 20]), mode: handTripMode };
    const { tripMode: _omit, ...noMode } = base;
    expect(() => reconstructHistory(policy, s, { ...base, trips })).toThrow(/options.trips must not be given together with tripMode/);
    expect(() => reconstructHistory(policy, s, { ...noMode, trips: { ...trips, mode: Uint8Array.from([0, 1, 3, 0]) } })).toThrow(/options.trips.mode\[2\] must be 0 \(walk\) or 1 \(car\), got 3/);
    expect(() => reconstructHistory(policy, s, { ...noMode, trips: { ...trips, day: new Uint16Array(3) } })).toThrow(/options.trips.day must be a Uint16Array of length trips.numTrips \(4\)/);
    expect(() => reconstructHistory(policy, s, { ...noMode, trips: { ...trips, planId: Uint32Array.from([0, 1, 1, 3]) } })).toThrow(/options.trips.planId\[2\] must not repeat a trip id, got 1/);
    // A sighting on a trip that has no row: no mode.
    expect(() => reconstructHistory(policy, s, { ...noMode, trips: { ...trips, planId: Uint32Array.from([0, 1, 2, 5]) } })).toThrow(/sightings.trip\[4\] must be a trip with a mode \(a row in options.trips\), got 3/);
    expect(() => reconstructHistory(policy, s, noMode)).toThrow(/options.tripMode must be a Uint8Array indexed by trip id \(or give options.trips\), got undefined/);
  });

  it('rejects bad per-sighting values', () => {
    const bad = (i: number, patch: Partial<Row>) => sightingsOf(handRows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    expect(() => reconstructHistory(policy, bad(1, { person: 2 }), base)).toThrow(/sightings.person\[1\] must be < numPersons \(2\), got 2/);
    expect(() => reconstructHistory(policy, bad(2, { camera: 5 }), base)).toThrow(/sightings.camera\[2\] must be a camera with a position \(< 2\), got 5/);
    expect(() => reconstructHistory(policy, bad(0, { pIdentify: 1.5 }), base)).toThrow(/sightings.pIdentify\[0\] must be a probability/);
    expect(() => reconstructHistory(policy, bad(0, { pIdentify: NaN }), base)).toThrow(/sightings.pIdentify\[0\] must be a probability in \[0, 1\], got NaN/);
    expect(() => reconstructHistory(policy, bad(0, { pSeen: -0.1 }), base)).toThrow(/sightings.pSeen\[0\] must be a probability/);
    expect(() => reconstructHistory(policy, bad(3, { time: -5 }), base)).toThrow(/sightings.time\[3\] must be a finite number of seconds >= 0/);
    expect(() => reconstructHistory(policy, bad(3, { time: Infinity }), base)).toThrow(/sightings.time\[3\]/);
    expect(() => reconstructHistory(policy, bad(3, { person: 1 }), base)).toThrow(/sightings.person\[3\] must be the person of trip 2 \(0\), got 1/);
    expect(() => reconstructHistory(policy, bad(3, { day: 17 }), base)).toThrow(/sightings.day\[3\] must be the day of trip 2 \(18\), got 17/);
    expect(() => reconstructHistory(policy, s, { ...base, tripPerson: Uint32Array.from([0, 0, 0, 9]), tripDay: new Uint16Array(4) })).toThrow(/options.tripPerson\[3\] must be < numPersons \(2\), got 9/);
    expect(() => reconstructHistory(policy, s, { ...base, numPersons: 1.5 })).toThrow(/options.numPersons must be an integer >= 0/);
    expect(() => reconstructHistory({} as RetentionPolicy, s, base)).toThrow(/reconstructHistory: policy must be a resolved policy/);
  });
});

// effectiveDays is imported to document the cap used above; keep the import honest.
it('caps forever at operatingDays (policy helper used by both)', () => {
  expect(effectiveDays('forever', 12)).toBe(12);
});

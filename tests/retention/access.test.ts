import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import { createRng, type Rng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';
import {
  CHANNEL_KINDS,
  DATA_KINDS,
  DEFAULT_CREATED_AT,
  RETENTION_TIERS,
  createRetentionPolicy,
  effectiveDays,
  type DataKind,
  type RetentionPolicy,
  type RetentionPolicySpec,
  type RetentionTier,
} from '../../src/retention/policy.js';
import { logMissWithin, personChannelDays, sumWithin, type PersonChannelDays, type RetentionTripsInput } from '../../src/retention/person-channels.js';
import { buildAccessGraph, principalReach } from '../../src/retention/access-graph.js';
import { ACCESS_DEFAULTS, analyseAccess } from '../../src/retention/access.js';

// ---------------------------------------------------------------------------
// Fixtures

/** An Almaty-like policy: the six built-in principals, templates kept forever at the national platform. */
const ALMATY_LIKE: RetentionPolicySpec = {
  name: 'almaty-like',
  rules: {
    camera: {
      video: { days: 30, copyTo: 'city', readers: ['vendor'] },
      plateReads: { days: 1, copyTo: 'city' },
    },
    city: {
      video: { days: 90, readers: ['police', 'prosecutors'] },
      faceTemplates: { days: 'forever', copyTo: 'national', readers: ['police'] },
      sightings: { days: 365, readers: ['police'] },
      plateReads: { days: 365, readers: ['police'] },
      alerts: { days: 365, readers: ['police', 'prosecutors'] },
    },
    national: { faceTemplates: { days: 'forever', readers: ['biometric-platform'] } },
  },
};

/** Trips from rows [person, day, mode, sightings, identified, pIdentified]. */
function trips(rows: [number, number, number, number, number, number][]): RetentionTripsInput {
  const n = rows.length;
  return {
    numTrips: n,
    person: Uint32Array.from(rows.map((r) => r[0])),
    day: Uint16Array.from(rows.map((r) => r[1])),
    mode: Uint8Array.from(rows.map((r) => r[2])),
    sightings: Float64Array.from(rows.map((r) => r[3])),
    identified: Float64Array.from(rows.map((r) => r[4])),
    pIdentified: Float64Array.from(rows.map((r) => r[5])),
  };
}

function randomChannels(rng: Rng, numPersons: number, numDays: number, tripsPerPersonDay = 2): PersonChannelDays {
  const rows: [number, number, number, number, number, number][] = [];
  for (let p = 0; p < numPersons; p++) {
    for (let d = 0; d < numDays; d++) {
      const k = rng.int(tripsPerPersonDay + 1);
      for (let i = 0; i < k; i++) {
        const u = rng.next();
        // Some certain identifications (p = 1) to exercise −Infinity log-misses, some zeros.
        const pId = u < 0.1 ? 1 : u < 0.2 ? 0 : rng.next();
        const sightings = rng.uniform(0, 6);
        rows.push([p, d, rng.int(2), sightings, sightings * rng.next(), pId]);
      }
    }
  }
  return personChannelDays(trips(rows), { numPersons, numDays });
}

/** A random valid policy: random principals with random via chains (cycles included), stores, copies and readers. */
function randomPolicy(rng: Rng, index: number): RetentionPolicy {
  const extra = 1 + rng.int(4);
  const ids = ['police', 'prosecutors', 'vendor', 'biometric-platform', 'banks', 'telecoms'];
  for (let i = 0; i < extra; i++) ids.push(`p${i}`);
  const pick = <T>(list: readonly T[], share: number): T[] => list.filter(() => rng.next() < share);
  const principals = [];
  for (let i = 0; i < extra; i++) {
    const via = [];
    const n = rng.int(3);
    for (let j = 0; j < n; j++) {
      let target = ids[rng.int(ids.length)];
      if (target === `p${i}`) target = 'police';
      via.push(rng.next() < 0.3 ? { principal: target } : { principal: target, kinds: [DATA_KINDS[rng.int(5)], ...pick(DATA_KINDS, 0.4)] });
    }
    principals.push({ id: `p${i}`, via });
  }
  // Tiers: always the camera and the city (where kinds are created), others at random.
  const tiers = RETENTION_TIERS.filter((t) => t === 'camera' || t === 'city' || rng.next() < 0.6);
  const rules: RetentionPolicySpec['rules'] = {};
  for (const kind of DATA_KINDS) {
    const present = new Set<RetentionTier>([DEFAULT_CREATED_AT[kind]]);
    for (const tier of tiers) {
      if (!present.has(tier) || rng.next() < 0.2) continue;
      const above = tiers.filter((t) => RETENTION_TIERS.indexOf(t) > RETENTION_TIERS.indexOf(tier));
      const copyTo = pick(above, 0.4);
      for (const t of copyTo) present.add(t);
      const u = rng.next();
      const days = u < 0.15 ? 0 : u < 0.3 ? 'forever' : Math.round(rng.uniform(0.5, 400) * 2) / 2;
      (rules[tier] ??= {})[kind] = { days, copyTo, readers: pick(ids, 0.3) };
    }
  }
  const legalHolds = rng.next() < 0.5
    ? [{ id: 'h', area: [0, 0, 10, 10] as [number, number, number, number], from: 0, to: 1, keepDays: 200, kinds: [DATA_KINDS[rng.int(5)]], readers: pick(ids, 0.4) }]
    : [];
  return createRetentionPolicy({ name: `random-${index}`, tiers, principals, rules, legalHolds });
}

/** Brute force: every simple path of `via` entries from `start` (read straight from the policy), kinds intersected. */
function bruteReach(policy: RetentionPolicy, start: string, operatingDays: number) {
  const byId = new Map(policy.principals.map((p) => [p.id, p]));
  const grants: { endpoint: string; kinds: Set<DataKind> }[] = [];
  const walk = (id: string, kinds: Set<DataKind>, onPath: Set<string>): void => {
    grants.push({ endpoint: id, kinds });
    for (const v of byId.get(id)!.via) {
      if (onPath.has(v.principal)) continue;
      const next = new Set([...kinds].filter((k) => v.kinds.includes(k)));
      onPath.add(v.principal);
      walk(v.principal, next, onPath);
      onPath.delete(v.principal);
    }
  };
  walk(start, new Set(DATA_KINDS), new Set([start]));
  const stores = new Set<string>();
  const holds = new Set<string>();
  const days = Object.fromEntries(DATA_KINDS.map((k) => [k, 0])) as Record<DataKind, number>;
  const via = new Set<string>();
  for (const g of grants) {
    if (g.endpoint !== start && g.kinds.size > 0) via.add(g.endpoint);
    for (const rule of policy.rules) {
      if (!rule.present || !rule.tierExists || !rule.readers.includes(g.endpoint) || !g.kinds.has(rule.kind)) continue;
      stores.add(`store:${rule.tier}:${rule.kind}`);
      days[rule.kind] = Math.max(days[rule.kind], effectiveDays(rule.days, operatingDays));
    }
    for (const h of policy.legalHolds) {
      if (!h.readers.includes(g.endpoint)) continue;
      for (const k of h.kinds) if (g.kinds.has(k)) holds.add(`hold:${h.id}:${k}`);
    }
  }
  return { stores, holds, days, via };
}

/**
 * Reference figures per principal window (fw, pw), slot by slot (slot j = day numDays − 1 − j mod numDays,
 * weights clamp(fw − j), clamp(pw − j)), with logMissWithin / sumWithin for the reach and captures.
 */
function reference(c: PersonChannelDays, fw: number, pw: number, person: number) {
  const lm = logMissWithin(c.faceLogMiss, c.numDays, person, fw) + logMissWithin(c.plateLogMiss, c.numDays, person, pw);
  const captures = sumWithin(c.faceIdentified, c.numDays, person, fw) + sumWithin(c.plateIdentified, c.numDays, person, pw);
  let days = 0;
  for (let j = 0; j < Math.ceil(Math.max(fw, pw)); j++) {
    const row = person * c.numDays + c.numDays - 1 - (j % c.numDays);
    const wf = Math.min(1, Math.max(0, fw - j));
    const wp = Math.min(1, Math.max(0, pw - j));
    const pf = 1 - Math.exp(c.faceLogMiss[row]);
    const pp = 1 - Math.exp(c.plateLogMiss[row]);
    days += 1 - (1 - wf * pf) * (1 - wp * pp);
  }
  return { reach: -Math.expm1(lm), days, captures };
}

// ---------------------------------------------------------------------------

describe('buildAccessGraph', () => {
  it('has a node per principal, per copy that exists and per held kind, and reads / via / copies edges', () => {
    const policy = createRetentionPolicy({
      ...ALMATY_LIKE,
      tiers: ['camera', 'district', 'city', 'national'],
      legalHolds: [{ id: 'protest', area: [0, 0, 100, 100], from: 3, to: 4, keepDays: 'forever', kinds: ['video', 'plateReads'], readers: ['prosecutors'] }],
    });
    const g = buildAccessGraph(policy);
    expect(g.type).toBe('directed');
    // 6 principals; stores: camera video + plateReads, city × 5, national faceTemplates (8); holds: 2.
    expect(g.filterNodes((_k, a) => a.type === 'principal')).toHaveLength(6);
    expect(g.filterNodes((_k, a) => a.type === 'store').sort()).toEqual([
      'store:camera:plateReads', 'store:camera:video',
      'store:city:alerts', 'store:city:faceTemplates', 'store:city:plateReads', 'store:city:sightings', 'store:city:video',
      'store:national:faceTemplates',
    ]);
    // Face templates are never kept at the camera or district: no node there.
    expect(g.hasNode('store:camera:faceTemplates')).toBe(false);
    expect(g.hasNode('store:district:video')).toBe(false);
    expect(g.getNodeAttributes('store:city:faceTemplates')).toEqual({ type: 'store', tier: 'city', kind: 'faceTemplates', days: 'forever', present: true });
    expect(g.getNodeAttributes('hold:protest:video')).toEqual({ type: 'hold', holdId: 'protest', kind: 'video', keepDays: 'forever', window: [3, 4] });
    expect(g.getEdgeAttributes('principal:banks', 'principal:biometric-platform')).toEqual({ type: 'via', kinds: ['faceTemplates'] });
    expect(g.getEdgeAttributes('store:camera:video', 'store:city:video')).toEqual({ type: 'copies' });
    expect(g.getEdgeAttributes('store:city:faceTemplates', 'store:national:faceTemplates')).toEqual({ type: 'copies' });
    expect(g.getEdgeAttributes('principal:prosecutors', 'hold:protest:plateReads')).toEqual({ type: 'reads' });
    expect(g.outNeighbors('principal:police').sort()).toEqual(['store:city:alerts', 'store:city:faceTemplates', 'store:city:plateReads', 'store:city:sightings', 'store:city:video']);
    // Nothing reads the camera's plate reads.
    expect(g.inDegree('store:camera:plateReads')).toBe(0);
  });

  it('exports plain JSON, identical for the same policy', () => {
    const policy = createRetentionPolicy(ALMATY_LIKE);
    const a = JSON.stringify(buildAccessGraph(policy).export());
    const b = JSON.stringify(buildAccessGraph(createRetentionPolicy(ALMATY_LIKE)).export());
    expect(a).toBe(b);
    const back = JSON.parse(a);
    expect(back.nodes.length).toBe(6 + 8);
    expect(back.edges.find((e: { key: string }) => e.key === 'via:principal:banks->principal:biometric-platform').attributes).toEqual({ type: 'via', kinds: ['faceTemplates'] });
  });

  it('merges two via entries to the same principal into one edge carrying both kinds', () => {
    const policy = createRetentionPolicy({
      name: 'two vias',
      principals: [{ id: 'x', via: [{ principal: 'police', kinds: ['plateReads'] }, { principal: 'police', kinds: ['video'] }] }],
      rules: { camera: { video: { days: 1, copyTo: 'city' } }, city: { video: { days: 5, readers: ['police'] } } },
    });
    expect(buildAccessGraph(policy).getEdgeAttributes('principal:x', 'principal:police')).toEqual({ type: 'via', kinds: ['video', 'plateReads'] });
  });

  it('rejects two legal holds with the same id, and a policy spec that was not resolved', () => {
    const policy = createRetentionPolicy({
      name: 'holds',
      rules: {},
      legalHolds: [
        { id: 'a', area: [0, 0, 1, 1], from: 0, to: 1, keepDays: 10 },
        { id: 'a', area: [0, 0, 2, 2], from: 0, to: 1, keepDays: 10 },
      ],
    });
    expect(() => buildAccessGraph(policy)).toThrow(/buildAccessGraph: policy\.legalHolds\[1\]\.id must be unique/);
    expect(() => buildAccessGraph(ALMATY_LIKE as unknown as RetentionPolicy)).toThrow(InvalidInputError);
    expect(() => buildAccessGraph(null as unknown as RetentionPolicy)).toThrow(/buildAccessGraph: policy must be an object/);
  });
});

describe('principalReach', () => {
  it('matches a brute-force enumeration of simple via paths on 60 random policies', () => {
    const rng = createRng('access-brute');
    let chains = 0;
    for (let i = 0; i < 60; i++) {
      const policy = randomPolicy(rng.stream(`policy-${i}`), i);
      const operatingDays = 100 + rng.int(400);
      const reach = principalReach(policy, { operatingDays });
      expect(reach.principals.map((p) => p.principal)).toEqual(policy.principals.map((p) => p.id));
      for (const p of reach.principals) {
        const truth = bruteReach(policy, p.principal, operatingDays);
        expect(new Set(p.stores.map((s) => s.key))).toEqual(truth.stores);
        expect(new Set(p.holds.map((h) => h.key))).toEqual(truth.holds);
        expect(p.days).toEqual(truth.days);
        expect(p.channelDays.face).toBe(Math.max(...CHANNEL_KINDS.face.map((k) => truth.days[k])));
        expect(p.channelDays.plate).toBe(Math.max(...CHANNEL_KINDS.plate.map((k) => truth.days[k])));
        expect(new Set(p.via)).toEqual(truth.via);
        expect(p.kinds).toEqual(DATA_KINDS.filter((k) => [...truth.stores].some((s) => s.endsWith(`:${k}`))));
        if (p.stores.some((s) => s.through !== p.principal)) chains++;
      }
    }
    // The random policies do exercise reach through chains.
    expect(chains).toBeGreaterThan(20);
  });

  it('lets banks reach face templates only through the biometric platform, and never its other data', () => {
    // The platform also reads the national copy of video; the banks' via edge carries templates only.
    const policy = createRetentionPolicy({
      ...ALMATY_LIKE,
      rules: { ...ALMATY_LIKE.rules, city: { ...ALMATY_LIKE.rules.city, video: { days: 90, copyTo: 'national', readers: ['police'] } }, national: { faceTemplates: { days: 'forever', readers: ['biometric-platform'] }, video: { days: 10, readers: ['biometric-platform'] } } },
    });
    const reach = principalReach(policy, { operatingDays: 2000 });
    const banks = reach.principals.find((p) => p.principal === 'banks')!;
    // 'forever' = operatingDays = 2000 days.
    expect(banks.days).toEqual({ video: 0, faceTemplates: 2000, sightings: 0, plateReads: 0, alerts: 0 });
    expect(banks.kinds).toEqual(['faceTemplates']);
    expect(banks.stores).toEqual([{ key: 'store:national:faceTemplates', tier: 'national', kind: 'faceTemplates', days: 2000, through: 'biometric-platform' }]);
    expect(banks.channelDays).toEqual({ face: 2000, plate: 0 });
    expect(banks.via).toEqual(['biometric-platform']);
    const platform = reach.principals.find((p) => p.principal === 'biometric-platform')!;
    expect(platform.days.video).toBe(10);
    expect(platform.stores.map((s) => s.through)).toEqual(['biometric-platform', 'biometric-platform']);
    // The police read the city copies directly: video 90 days, templates forever, sightings and plate reads 365.
    const police = reach.principals.find((p) => p.principal === 'police')!;
    expect(police.channelDays).toEqual({ face: 2000, plate: 365 });
    expect(police.via).toEqual([]);
  });

  it('gives prosecutors nothing when no rule names them', () => {
    const policy = createRetentionPolicy({ name: 'police only', rules: { camera: { video: { days: 3, copyTo: 'city', readers: ['vendor'] } }, city: { video: { days: 30, readers: ['police'] }, faceTemplates: { days: 7, readers: ['police'] } } } });
    const p = principalReach(policy, { operatingDays: 365 }).principals.find((x) => x.principal === 'prosecutors')!;
    expect(p).toEqual({
      principal: 'prosecutors',
      label: 'Prosecutors',
      days: { video: 0, faceTemplates: 0, sightings: 0, plateReads: 0, alerts: 0 },
      kinds: [],
      channelDays: { face: 0, plate: 0 },
      stores: [],
      holds: [],
      via: [],
    });
  });

  it('follows cycles of via edges without looping, restricting each chain to the kinds on all its edges', () => {
    // a → b (video, plateReads) → c (video) → a (all): a reaches c's video only, b reaches a's everything ∩ … .
    const policy = createRetentionPolicy({
      name: 'cycle',
      principals: [
        { id: 'a', via: [{ principal: 'b', kinds: ['video', 'plateReads'] }] },
        { id: 'b', via: [{ principal: 'c', kinds: ['video'] }] },
        { id: 'c', via: [{ principal: 'a' }] },
      ],
      rules: {
        camera: { plateReads: { days: 3, readers: ['b'] }, video: { days: 2, copyTo: 'city', readers: ['a'] } },
        city: { video: { days: 40, readers: ['c'] }, sightings: { days: 9, readers: ['a', 'b'] } },
      },
    });
    const r = Object.fromEntries(principalReach(policy, { operatingDays: 100 }).principals.map((p) => [p.principal, p]));
    // a: own camera video 2 + sightings 9; b's plate reads 3 (via a→b); c's video 40 (a→b→c, video ∩ video).
    expect(r.a.days).toEqual({ video: 40, faceTemplates: 0, sightings: 9, plateReads: 3, alerts: 0 });
    expect(r.a.via).toEqual(['b', 'c']);
    // b: own plate reads and sightings; c's video; a's camera video through b→c→a (video).
    expect(r.b.days).toEqual({ video: 40, faceTemplates: 0, sightings: 9, plateReads: 3, alerts: 0 });
    expect(r.b.stores.find((s) => s.key === 'store:camera:video')!.through).toBe('a');
    // c: own video; a's sightings and camera video (c→a all); b's plate reads and sightings via a→b (video, plateReads) only.
    expect(r.c.days).toEqual({ video: 40, faceTemplates: 0, sightings: 9, plateReads: 3, alerts: 0 });
    expect(r.c.stores.find((s) => s.key === 'store:city:sightings')!.through).toBe('a');
  });

  it('caps forever and long retention at operatingDays and rejects bad operatingDays', () => {
    const policy = createRetentionPolicy(ALMATY_LIKE);
    const police = principalReach(policy, { operatingDays: 200 }).principals[0];
    expect(police.days).toEqual({ video: 90, faceTemplates: 200, sightings: 200, plateReads: 200, alerts: 200 });
    for (const bad of [0, -1, NaN, Infinity, '30', undefined]) {
      expect(() => principalReach(policy, { operatingDays: bad as number })).toThrow(/principalReach: options\.operatingDays must be a finite number > 0/);
    }
    expect(() => principalReach(policy, null as unknown as { operatingDays: number })).toThrow(/principalReach: options must be an object/);
  });
});

describe('analyseAccess', () => {
  it('agrees with an exact enumeration of trip outcomes on 2 persons × 2 days', () => {
    // Trips [person, day, mode (0 walk, 1 car), sightings, identified, pIdentified].
    const pc = personChannelDays(trips([
      [0, 0, 0, 3, 1.5, 0.5],
      [0, 1, 0, 2, 0.4, 0.2],
      [0, 1, 1, 4, 2.0, 0.7],
      [1, 0, 1, 1, 0.9, 0.9],
      [1, 1, 0, 5, 0.3, 0.1],
    ]), { numPersons: 2, numDays: 2 });
    const byPerson = [
      [{ day: 0, mode: 0, p: 0.5, id: 1.5 }, { day: 1, mode: 0, p: 0.2, id: 0.4 }, { day: 1, mode: 1, p: 0.7, id: 2.0 }],
      [{ day: 0, mode: 1, p: 0.9, id: 0.9 }, { day: 1, mode: 0, p: 0.1, id: 0.3 }],
    ];
    // Policy: police read face data 3 days (cycling: slots yesterday = day 1, day 0, day 1 again) and plates
    // 1.5 days; vendor reads the camera video for 0.5 day (face and plate); prosecutors read nothing.
    const policy = createRetentionPolicy({
      name: 'tiny',
      rules: {
        camera: { video: { days: 0.5, readers: ['vendor'] }, plateReads: { days: 1.5, readers: ['police'] } },
        city: { sightings: { days: 3, readers: ['police'] } },
      },
    });
    const a = analyseAccess(policy, pc, { operatingDays: 1000, lookbackDays: 10 });
    const windows: Record<string, [number, number]> = { police: [3, 1.5], vendor: [0.5, 0.5], prosecutors: [0, 0] };
    // Exact enumeration: slot j holds an independent copy of day (1 − j mod 2)'s trips; a channel's part of a
    // slot is in the window with probability clamp(window − j, 0, 1) (a fractional last day), independently.
    const perResident = [0, 0];
    for (const [id, [fw, pw]] of Object.entries(windows)) {
      let residents = 0, days = 0, captures = 0;
      for (let person = 0; person < 2; person++) {
        // Events: (slot, trip) with inclusion weight w and identification p.
        const events: { slot: number; w: number; p: number; id: number }[] = [];
        for (let j = 0; j < 3; j++) {
          for (const t of byPerson[person]) {
            if (t.day !== 1 - (j % 2)) continue;
            const w = Math.min(1, Math.max(0, (t.mode === 0 ? fw : pw) - j));
            if (w > 0) events.push({ slot: j, w, p: t.p, id: t.id });
          }
        }
        // Enumerate 2^events outcomes of (in window and identified), each with prob w·p. Within a slot and
        // channel, inclusion is one event for all that channel's trips of the day: here every (slot, channel)
        // has at most one trip, so per-trip inclusion is the same thing.
        let pAny = 0, eDays = 0;
        for (let mask = 0; mask < 1 << events.length; mask++) {
          let prob = 1;
          const slots = new Set<number>();
          events.forEach((e, k) => {
            const hit = (mask >> k) & 1;
            prob *= hit ? e.w * e.p : 1 - e.w * e.p;
            if (hit) slots.add(e.slot);
          });
          if (slots.size > 0) pAny += prob;
          eDays += prob * slots.size;
        }
        residents += pAny;
        days += eDays;
        captures += events.reduce((s, e) => s + e.w * e.id, 0);
        perResident[person] += pAny;
      }
      const got = a.principals.find((p) => p.principal === id)!;
      expect(got.window).toEqual({ faceDays: fw, plateDays: pw });
      expect(got.expectedResidents).toBeCloseTo(residents, 12);
      expect(got.shareOfResidents).toBeCloseTo(residents / 2, 12);
      expect(got.expectedDaysPerResident).toBeCloseTo(days / 2, 12);
      expect(got.expectedIdentifyingCaptures).toBeCloseTo(captures, 12);
      expect(got.identifyingCapturesPerResident).toBeCloseTo(captures / 2, 12);
    }
    // Banks, telecoms and the platform read nothing here.
    expect(a.principalsPerResident[0]).toBeCloseTo(perResident[0], 12);
    expect(a.principalsPerResident[1]).toBeCloseTo(perResident[1], 12);
    expect(a.principals.find((p) => p.principal === 'prosecutors')!.expectedResidents).toBe(0);
  });

  it('matches slot-by-slot reference figures on random inputs with fractional windows and cycling days', () => {
    const rng = createRng('access-reference');
    for (let trial = 0; trial < 12; trial++) {
      const numDays = 1 + (trial % 4); // the one-day kernel and the general one
      const pc = randomChannels(rng.stream(`pc-${trial}`), 7, numDays);
      const policy = randomPolicy(rng.stream(`policy-${trial}`), trial);
      const operatingDays = rng.uniform(1, 60);
      const lookbackDays = rng.uniform(0.2, 25);
      const a = analyseAccess(policy, pc, { operatingDays, lookbackDays });
      const expectedPerResident = new Float64Array(7);
      for (const p of a.principals) {
        const fw = Math.min(p.faceDays, lookbackDays);
        const pw = Math.min(p.plateDays, lookbackDays);
        expect(p.window).toEqual({ faceDays: fw, plateDays: pw });
        let residents = 0, days = 0, captures = 0;
        for (let person = 0; person < 7; person++) {
          const r = reference(pc, fw, pw, person);
          residents += r.reach;
          days += r.days;
          captures += r.captures;
          expectedPerResident[person] += r.reach;
        }
        expect(p.expectedResidents).toBeCloseTo(residents, 9);
        expect(p.expectedDaysPerResident).toBeCloseTo(days / 7, 9);
        expect(p.expectedIdentifyingCaptures).toBeCloseTo(captures, 9);
        expect(Number.isFinite(p.expectedResidents) && Number.isFinite(p.expectedDaysPerResident)).toBe(true);
      }
      for (let i = 0; i < 7; i++) expect(a.principalsPerResident[i]).toBeCloseTo(expectedPerResident[i], 9);
    }
  });

  it('summarises the principals per resident with simple-statistics quantiles and the share reached by two or more', () => {
    const rng = createRng('access-summary');
    for (const numPersons of [1, 2, 501, 1000, 4000]) {
      const pc = randomChannels(rng.stream(`n-${numPersons}`), numPersons, 2);
      const a = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365 });
      const v = a.principalsPerResident;
      const sorted = Array.from(v).sort((x, y) => x - y);
      const s = a.principalsPerResidentSummary;
      expect(s.min).toBe(sorted[0]);
      expect(s.max).toBe(sorted[sorted.length - 1]);
      expect(s.mean).toBeCloseTo(sorted.reduce((x, y) => x + y, 0) / numPersons, 12);
      for (const q of ACCESS_DEFAULTS.quantiles) expect(s.quantiles[String(q)]).toBeCloseTo(quantileSorted(sorted, q), 12);
      expect(s.shareAtLeastTwo).toBe(sorted.filter((x) => x >= 2 - 1e-9).length / numPersons);
      // The per-resident mean is the sum of the principals' shares.
      expect(s.mean).toBeCloseTo(a.principals.reduce((x, p) => x + p.shareOfResidents, 0), 12);
    }
  });

  it('finds exact quantiles with point masses, near-ties and a lone outlier', () => {
    // Columns by hand: 40% never identified (log-miss 0), 30% certainly (−Infinity), the rest spread
    // over a tiny range; person 0 alone is an outlier. The per-resident counts pile up on a few values.
    const rng = createRng('access-quantile-masses');
    for (const numPersons of [3, 10, 4097, 9000]) {
      const face = new Float64Array(numPersons);
      const plate = new Float64Array(numPersons);
      for (let i = 0; i < numPersons; i++) {
        const u = rng.next();
        face[i] = u < 0.4 ? 0 : u < 0.7 ? -Infinity : -1e-9 * (1 + rng.int(3));
        plate[i] = i === 0 ? -50 : 0;
      }
      const zeros = new Float64Array(numPersons);
      const pc: PersonChannelDays = {
        numPersons, numDays: 1, captures: zeros, faceIdentified: zeros, plateIdentified: zeros,
        faceTrips: new Uint16Array(numPersons), plateTrips: new Uint16Array(numPersons),
        faceTripsIdentified: zeros, plateTripsIdentified: zeros, faceLogMiss: face, plateLogMiss: plate,
      };
      const a = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365 });
      const sorted = Array.from(a.principalsPerResident).sort((x, y) => x - y);
      for (const q of ACCESS_DEFAULTS.quantiles) expect(a.principalsPerResidentSummary.quantiles[String(q)]).toBe(quantileSorted(sorted, q));
    }
  });

  it('computes principals that share a window once and gives them identical figures', () => {
    const pc = randomChannels(createRng('share'), 50, 3);
    const a = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365 });
    const banks = a.principals.find((p) => p.principal === 'banks')!;
    const telecoms = a.principals.find((p) => p.principal === 'telecoms')!;
    const platform = a.principals.find((p) => p.principal === 'biometric-platform')!;
    expect(banks.expectedResidents).toBeGreaterThan(0);
    for (const p of [telecoms, platform]) {
      expect(p.expectedResidents).toBe(banks.expectedResidents);
      expect(p.expectedDaysPerResident).toBe(banks.expectedDaysPerResident);
    }
    // Same inputs, same output (no randomness anywhere).
    const b = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365 });
    expect(JSON.stringify({ ...b, principalsPerResident: Array.from(b.principalsPerResident) })).toBe(JSON.stringify({ ...a, principalsPerResident: Array.from(a.principalsPerResident) }));
  });

  it('reports the closed loop broken by the vendor and by everyone reading templates through the biometric platform', () => {
    const pc = randomChannels(createRng('loop'), 20, 1);
    const a = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365 });
    expect(a.closedLoop).toBe(false);
    expect(a.params.allowed).toEqual(['police']);
    // Prosecutors read city video (face and plate data) too; the vendor reads the camera's video.
    expect(a.beyondAllowed.map((b) => b.principal)).toEqual(['prosecutors', 'vendor', 'biometric-platform', 'banks', 'telecoms']);
    const banks = a.beyondAllowed.find((b) => b.principal === 'banks')!;
    expect(banks).toMatchObject({ kinds: ['faceTemplates'], faceDays: 365, plateDays: 0, holdsOnly: false });
    expect(banks.expectedResidents).toBe(a.principals.find((p) => p.principal === 'banks')!.expectedResidents);
    // With everyone allowed, the loop is "closed".
    const all = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365, allowed: ['police', 'prosecutors', 'vendor', 'biometric-platform', 'banks', 'telecoms'] });
    expect(all.closedLoop).toBe(true);
    expect(all.beyondAllowed).toEqual([]);
  });

  it('keeps the loop closed when others read only alerts or copies deleted at once, and opens it through a legal hold', () => {
    const pc = randomChannels(createRng('loop2'), 10, 2);
    const spec: RetentionPolicySpec = {
      name: 'closed',
      rules: {
        camera: { video: { days: 0, copyTo: 'city', readers: ['vendor'] } },
        city: { video: { days: 30, readers: ['police'] }, alerts: { days: 90, readers: ['police', 'prosecutors'] }, faceTemplates: { days: 0, copyTo: 'national' } },
        national: { faceTemplates: { days: 0, readers: ['biometric-platform'] } },
      },
    };
    const a = analyseAccess(createRetentionPolicy(spec), pc, { operatingDays: 365 });
    expect(a.closedLoop).toBe(true);
    expect(a.beyondAllowed).toEqual([]);
    // The vendor sees the live stream (a store kept 0 days) but nothing on file.
    const vendor = a.principals.find((p) => p.principal === 'vendor')!;
    expect(vendor.kinds).toEqual(['video']);
    expect(vendor.expectedResidents).toBe(0);
    expect(a.principals.find((p) => p.principal === 'banks')!.kinds).toEqual(['faceTemplates']);
    // Only the police reach histories: one principal at most per resident.
    expect(a.principalsPerResidentSummary.max).toBeLessThanOrEqual(1);
    expect(a.principalsPerResidentSummary.shareAtLeastTwo).toBe(0);

    const held = analyseAccess(createRetentionPolicy({ ...spec, legalHolds: [{ id: 'protest', area: [0, 0, 10, 10], from: 0, to: 1, keepDays: 60, kinds: ['video'], readers: ['police', 'vendor'] }] }), pc, { operatingDays: 365 });
    expect(held.closedLoop).toBe(false);
    expect(held.beyondAllowed).toEqual([{ principal: 'vendor', label: 'System vendor / operator', kinds: ['video'], faceDays: 0, plateDays: 0, expectedResidents: 0, holdsOnly: true }]);
  });

  it('caps each window at lookbackDays and reaches more with a longer look-back', () => {
    const pc = randomChannels(createRng('lookback'), 30, 1);
    const policy = createRetentionPolicy(ALMATY_LIKE);
    const short = analyseAccess(policy, pc, { operatingDays: 365, lookbackDays: 7 });
    const long = analyseAccess(policy, pc, { operatingDays: 365, lookbackDays: 365 });
    const police = (x: typeof short) => x.principals.find((p) => p.principal === 'police')!;
    expect(police(short).window).toEqual({ faceDays: 7, plateDays: 7 });
    expect(police(long).window).toEqual({ faceDays: 365, plateDays: 365 });
    expect(police(long).faceDays).toBe(365);
    expect(police(long).expectedDaysPerResident).toBeGreaterThan(police(short).expectedDaysPerResident);
    expect(police(long).expectedResidents).toBeGreaterThanOrEqual(police(short).expectedResidents);
    expect(short.params).toMatchObject({ operatingDays: 365, lookbackDays: 7, numPersons: 30, numDays: 1 });
    expect(analyseAccess(policy, pc, { operatingDays: 365 }).params.lookbackDays).toBe(30);
  });

  it('throws on an unknown allowed principal, bad operatingDays or lookbackDays, malformed channels or policy', () => {
    const policy = createRetentionPolicy(ALMATY_LIKE);
    const pc = randomChannels(createRng('errors'), 3, 1);
    expect(() => analyseAccess(policy, pc, { operatingDays: 30, allowed: ['police', 'nsa'] })).toThrow(/analyseAccess: options\.allowed\[1\] must be a principal of the policy .*got "nsa"/);
    expect(() => analyseAccess(policy, pc, { operatingDays: 30, allowed: 'police' as unknown as string[] })).toThrow(/analyseAccess: options\.allowed must be an array/);
    for (const bad of [0, -5, NaN, Infinity, '90', undefined]) {
      expect(() => analyseAccess(policy, pc, { operatingDays: bad as number })).toThrow(/analyseAccess: options\.operatingDays must be a finite number > 0/);
    }
    for (const bad of [0, -1, NaN, Infinity, '30', null]) {
      expect(() => analyseAccess(policy, pc, { operatingDays: 30, lookbackDays: bad as number })).toThrow(/analyseAccess: options\.lookbackDays must be a finite number > 0/);
    }
    expect(() => analyseAccess(policy, pc, null as unknown as { operatingDays: number })).toThrow(/analyseAccess: options must be an object/);
    expect(() => analyseAccess(policy, { ...pc, faceLogMiss: new Float64Array(1) }, { operatingDays: 30 })).toThrow(/analyseAccess: channels\.faceLogMiss must be a Float64Array of length >= numPersons · numDays \(3\)/);
    expect(() => analyseAccess(policy, { ...pc, plateIdentified: [0, 0, 0] as unknown as Float64Array }, { operatingDays: 30 })).toThrow(/channels\.plateIdentified/);
    expect(() => analyseAccess(policy, { ...pc, numPersons: 0 }, { operatingDays: 30 })).toThrow(/analyseAccess: channels\.numPersons must be an integer >= 1/);
    expect(() => analyseAccess(policy, { ...pc, numDays: 1.5 }, { operatingDays: 30 })).toThrow(/analyseAccess: channels\.numDays must be an integer >= 1/);
    expect(() => analyseAccess(policy, null as unknown as PersonChannelDays, { operatingDays: 30 })).toThrow(/analyseAccess: channels must be an object/);
    expect(() => analyseAccess({ ...policy, rules: [] }, pc, { operatingDays: 30 })).toThrow(/analyseAccess: policy\.rules must hold 25 resolved rules/);
    expect(() => analyseAccess({ ...policy, principals: undefined } as unknown as RetentionPolicy, pc, { operatingDays: 30 })).toThrow(/analyseAccess: policy\.principals must be an array/);
    expect(() => analyseAccess({ ...policy, legalHolds: undefined } as unknown as RetentionPolicy, pc, { operatingDays: 30 })).toThrow(/analyseAccess: policy\.legalHolds must be an array/);
  });

  it('never yields NaN when identification is certain on every day', () => {
    const pc = personChannelDays(trips([[0, 0, 0, 2, 2, 1], [0, 0, 1, 1, 1, 1], [1, 0, 0, 0, 0, 0]]), { numPersons: 2, numDays: 1 });
    const a = analyseAccess(createRetentionPolicy(ALMATY_LIKE), pc, { operatingDays: 365, lookbackDays: 2.5 });
    const police = a.principals.find((p) => p.principal === 'police')!;
    // Person 0 is identified for sure on each whole day: 1 + 1; on the half day, the walk and the car trip are
    // each in the window with probability 0.5, independently: 1 − 0.5 · 0.5 = 0.75. Person 1 never.
    expect(police.expectedResidents).toBe(1);
    expect(police.expectedDaysPerResident).toBeCloseTo(2.75 / 2, 12);
    expect(police.expectedIdentifyingCaptures).toBeCloseTo(3 * 2.5, 12);
    for (const p of a.principals) {
      expect(Number.isNaN(p.expectedResidents) || Number.isNaN(p.expectedDaysPerResident) || Number.isNaN(p.expectedIdentifyingCaptures)).toBe(false);
    }
    expect(Array.from(a.principalsPerResident).some(Number.isNaN)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createCameraSet } from '../../src/cameras/camera-set.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { analyseNetwork } from '../../src/network/analyse-network.js';
import { createCommandNetwork, createNetworkGraph, type CommandNetwork, type NodeKind } from '../../src/network/command-network.js';
import { dailyEventRates, MET_ALERTS_PER_FACE, type EventTripsInput } from '../../src/retention/event-rates.js';
import { createRetentionPolicy, type RetentionPolicySpec } from '../../src/retention/policy.js';
import { retentionPreset } from '../../src/retention/presets.js';
import { DEFAULT_PRICE_PER_TB_MONTH, RECORD_SIZES, retentionStorage } from '../../src/retention/storage.js';

/** 1 Mbit/s for one day: 10^6 / 8 B/s × 86,400 s = 1.08 × 10^10 B = 0.0108 TB. */
const MBPS_DAY = 0.0108;

/**
 * Hand-built network (node index order N, C, H, A, B, X):
 *   N national (100 TB)   C city-centre (10 TB)   H district-hub (1 TB)
 *   A aggregation (0.5)   B aggregation (0.5)     X aggregation (0.5)
 *   links C→N, H→C, A→H, B→H, X→C (X skips the district tier)
 *   cameras: 0 at A, 1 Mbit/s, face     1 at A, 1 Mbit/s, plate
 *            2 at B, 2 Mbit/s, face+plate   3 at X, 4 Mbit/s, none
 * Total 8 Mbit/s → 8 × 0.0108 = 0.0864 TB of video per day.
 */
function build(opts: { withNational?: boolean; live?: boolean } = {}): CommandNetwork {
  const withNational = opts.withNational ?? true;
  const g = createNetworkGraph();
  const n = (kind: NodeKind, storageTB: number) => ({ kind, x: 0, y: 0, storageTB, analyticsStreams: 10, availability: 1 });
  if (withNational) g.addNode('N', n('national', 100));
  g.addNode('C', n('city-centre', 10));
  g.addNode('H', n('district-hub', 1));
  g.addNode('A', n('aggregation', 0.5));
  g.addNode('B', n('aggregation', 0.5));
  g.addNode('X', n('aggregation', 0.5));
  const link = { kind: 'fibre' as const, capacityMbps: 1000, latencyMs: 1, availability: 1 };
  if (withNational) g.addEdge('C', 'N', link);
  g.addEdge('H', 'C', link);
  g.addEdge('A', 'H', link);
  g.addEdge('B', 'H', link);
  g.addEdge('X', 'C', link);
  const live = opts.live ?? true;
  const c = (caps: ('face' | 'plate')[]) => ({ x: 0, y: 0, heading: 0, fov: 90, range: 10, live, capabilities: caps });
  const cams = createCameraSet([c(['face']), c(['plate']), c(['face', 'plate']), c([])]);
  return createCommandNetwork(g, cams, { cameraNode: ['A', 'A', 'B', 'X'], cameraMbps: [1, 1, 2, 4] });
}

const policy = (rules: RetentionPolicySpec['rules'], extra: Partial<RetentionPolicySpec> = {}) => createRetentionPolicy({ name: 'p', rules, ...extra });

function row(s: ReturnType<typeof retentionStorage>, tier: string, kind: string) {
  const r = s.byTierKind.find((x) => x.tier === tier && x.kind === kind);
  if (r === undefined) throw new Error(`no row ${tier}/${kind}`);
  return r;
}

function throwsAt(fn: () => unknown, field: string, text?: string): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, `expected an InvalidInputError at ${field}`).toBeInstanceOf(InvalidInputError);
  expect((err as InvalidInputError).field).toBe(field);
  if (text !== undefined) expect((err as Error).message).toContain(text);
}

describe('retentionStorage: video, worked by hand', () => {
  // camera 7 days → district 30 days → city 90 days; replication camera 1, district 1, city 2 (defaults); price 10.
  const p = policy({
    camera: { video: { days: 7, copyTo: 'district' } },
    district: { video: { days: 30, copyTo: 'city' } },
    city: { video: { days: 90 } },
  });
  const s = retentionStorage(p, build(), { pricePerTBMonth: 10 });

  it('gives the volume per tier: bitrate × days × replication', () => {
    // camera: 0.0864 × 7 = 0.6048 TB
    expect(row(s, 'camera', 'video').storedTB).toBeCloseTo(0.6048, 12);
    expect(row(s, 'camera', 'video').dailyTB).toBeCloseTo(8 * MBPS_DAY, 12);
    // district: 0.0864 × 30 = 2.592 TB (one copy)
    expect(row(s, 'district', 'video').storedTB).toBeCloseTo(2.592, 12);
    // city: 0.0864 × 90 × 2 = 15.552 TB
    expect(row(s, 'city', 'video')).toMatchObject({ days: 90, policyDays: 90, replication: 2, steadyState: true });
    expect(row(s, 'city', 'video').storedTB).toBeCloseTo(15.552, 12);
    expect(row(s, 'city', 'video').costPerMonth).toBeCloseTo(155.52, 9);
    expect(s.totals.storedTB).toBeCloseTo(0.6048 + 2.592 + 15.552, 12);
    expect(s.totals.costPerMonth).toBeCloseTo(10 * (0.6048 + 2.592 + 15.552), 9);
    expect(s.totals.steadyState).toBe(true);
  });

  it('places each camera\'s copy on the nearest node of the tier upstream', () => {
    const at = (key: string) => s.perNode.keys.indexOf(key);
    // district: H holds A's and B's cameras (1 + 1 + 2 = 4 Mbit/s): 4 × 0.0108 × 30 = 1.296 TB;
    // X's camera (4 Mbit/s) has no district hub upstream: 1.296 TB on no node.
    expect(s.perNode.byKind.video[at('H')]).toBeCloseTo(1.296, 12);
    expect(row(s, 'district', 'video').unassignedTB).toBeCloseTo(1.296, 12);
    expect(s.notes.some((n) => n.includes('no district-hub node'))).toBe(true);
    // city: C holds every camera: 15.552 TB; nothing at N, A, B, X (the camera tier is the cameras' own recorders)
    expect(s.perNode.byKind.video[at('C')]).toBeCloseTo(15.552, 12);
    for (const k of ['N', 'A', 'B', 'X']) expect(s.perNode.demandTB[at(k)]).toBe(0);
    expect(s.perNode.tier).toEqual(['national', 'city', 'district', 'aggregation', 'aggregation', 'aggregation']);
    const two = retentionStorage(createRetentionPolicy({ name: 'q', tiers: ['camera', 'city'], rules: {} }), build());
    expect(two.perNode.tier).toEqual([null, 'city', null, null, null, null]);
  });

  it('ranks the nodes over capacity and computes utilisation', () => {
    const at = (key: string) => s.perNode.keys.indexOf(key);
    // C: 15.552 of 10 TB → short 5.552, utilisation 1.5552; H: 1.296 of 1 → short 0.296.
    expect(s.overCapacity.map((o) => o.key)).toEqual(['C', 'H']);
    expect(s.overCapacity[0].shortfallTB).toBeCloseTo(5.552, 12);
    expect(s.overCapacity[0].tier).toBe('city');
    expect(s.overCapacity[1].shortfallTB).toBeCloseTo(0.296, 12);
    expect(s.perNode.utilisation[at('C')]).toBeCloseTo(1.5552, 12);
    expect(s.perNode.utilisation[at('N')]).toBe(0);
    expect(s.totals.overCapacityNodes).toBe(2);
    expect(s.totals.shortfallTB).toBeCloseTo(5.848, 12);
    const city = s.byTier.find((t) => t.tier === 'city')!;
    expect(city).toMatchObject({ units: 1, capacityTB: 10, overCapacityNodes: 1 });
    expect(s.byTier.find((t) => t.tier === 'camera')!.units).toBe(4);
  });

  it('sums per kind and records its params', () => {
    const v = s.byKind.find((k) => k.kind === 'video')!;
    expect(v.dailyTB).toBeCloseTo(0.0864, 12);
    expect(v.longestDays).toBe(90);
    expect(s.params).toMatchObject({ policy: 'p', operatingDays: 3650, currency: 'USD', cameraTierOnNodes: false, numCameras: 4, numNodes: 6 });
    expect(s.params.pricePerTBMonth.city).toBe(10);
    expect(s.params.replication).toEqual({ camera: 1, aggregation: 1, district: 1, city: 2, national: 2 });
    expect(s.params.legalHolds).toMatch(/not included/);
  });

  it('is JSON-serialisable plain data and deterministic', () => {
    const again = retentionStorage(p, build(), { pricePerTBMonth: 10 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(s));
    const round = JSON.parse(JSON.stringify(s));
    expect(round.byTierKind).toEqual(s.byTierKind);
    expect(round.totals).toEqual(s.totals);
  });
});

describe('retentionStorage: copy chains, replication and forever', () => {
  it('keeps the whole city\'s video at each tier of a chain camera → aggregation → district → city → national', () => {
    const p = policy({
      camera: { video: { days: 1, copyTo: true } },
      aggregation: { video: { days: 2, copyTo: true } },
      district: { video: { days: 3, copyTo: true } },
      city: { video: { days: 4, copyTo: true } },
      national: { video: { days: 5 } },
    });
    const s = retentionStorage(p, build(), { replication: { city: 1, national: 1 } });
    const daily = 8 * MBPS_DAY;
    [['camera', 1], ['aggregation', 2], ['district', 3], ['city', 4], ['national', 5]].forEach(([t, d]) => {
      expect(row(s, t as string, 'video').storedTB).toBeCloseTo(daily * (d as number), 12);
    });
    // aggregation: A 2 Mbit/s, B 2, X 4 → × 0.0108 × 2 days
    const at = (key: string) => s.perNode.keys.indexOf(key);
    expect(s.perNode.demandTB[at('A')]).toBeCloseTo(2 * MBPS_DAY * 2, 12);
    expect(s.perNode.demandTB[at('X')]).toBeCloseTo(4 * MBPS_DAY * 2, 12);
    expect(s.perNode.demandTB[at('N')]).toBeCloseTo(daily * 5, 12);
    expect(s.totals.unassignedTB).toBeCloseTo(4 * MBPS_DAY * 3, 12); // X skips the district tier
  });

  it('a tier that only passes data on (0 days) stores nothing and needs no node', () => {
    const p = policy({ camera: { video: { days: 0, copyTo: 'district' } }, district: { video: { days: 0, copyTo: 'national' } }, national: { video: { days: 10 } } }, { tiers: ['camera', 'district', 'national'] });
    const s = retentionStorage(p, build(), { replication: { national: 3 } });
    expect(row(s, 'camera', 'video').storedTB).toBe(0);
    expect(row(s, 'district', 'video').storedTB).toBe(0);
    expect(row(s, 'national', 'video').storedTB).toBeCloseTo(8 * MBPS_DAY * 10 * 3, 12);
    expect(s.byTierKind.map((r) => `${r.tier}/${r.kind}`)).toEqual([
      'camera/video', 'camera/plateReads', 'district/video', 'national/faceTemplates', 'national/sightings', 'national/alerts', 'national/video',
    ].sort((a, b) => order(a) - order(b)));
  });

  it('multiplies by the replication factor of each tier', () => {
    const p = policy({ camera: { video: { days: 10, copyTo: 'city' } }, city: { video: { days: 10 } } });
    const one = retentionStorage(p, build(), { replication: { camera: 1, city: 1 } });
    const rep = retentionStorage(p, build(), { replication: { camera: 2.5, city: 3 } });
    expect(row(rep, 'camera', 'video').storedTB).toBeCloseTo(2.5 * row(one, 'camera', 'video').storedTB, 12);
    expect(row(rep, 'city', 'video').storedTB).toBeCloseTo(3 * row(one, 'city', 'video').storedTB, 12);
    expect(row(rep, 'city', 'video').dailyTB).toBe(row(one, 'city', 'video').dailyTB);
  });

  it('takes forever as operatingDays and says there is no steady state', () => {
    const p = policy({ camera: { video: { days: 'forever', copyTo: 'city' } }, city: { video: { days: 400 } } });
    const s = retentionStorage(p, build(), { operatingDays: 365, replication: { city: 1 } });
    const cam = row(s, 'camera', 'video');
    expect(cam).toMatchObject({ policyDays: 'forever', days: 365, steadyState: false });
    expect(cam.storedTB).toBeCloseTo(8 * MBPS_DAY * 365, 12);
    // 400 days > 365 operating days: capped, and not at steady state either
    expect(row(s, 'city', 'video')).toMatchObject({ policyDays: 400, days: 365, steadyState: false });
    expect(s.totals.steadyState).toBe(false);
    expect(s.notes.filter((n) => n.includes('no steady state'))).toHaveLength(2);
    // after longer operation, more is on file
    const later = retentionStorage(p, build(), { operatingDays: 730, replication: { city: 1 } });
    expect(row(later, 'camera', 'video').storedTB).toBeCloseTo(2 * cam.storedTB, 12);
    expect(row(later, 'city', 'video')).toMatchObject({ days: 400, steadyState: true });
  });
});

describe('retentionStorage: records from events', () => {
  it('turns events into volumes and splits them by capable cameras', () => {
    const p = policy({
      camera: { plateReads: { days: 5, copyTo: 'aggregation' } },
      aggregation: { plateReads: { days: 20 } },
      city: { faceTemplates: { days: 10, copyTo: 'national' }, alerts: { days: 30 } },
      national: { faceTemplates: { days: 'forever' } },
    });
    const s = retentionStorage(p, build(), { operatingDays: 100, events: { faceCaptures: 1e6, plateReads: 1000, alerts: 10 }, pricePerTBMonth: { city: 20 } });
    // templates: 10^6 × 2,048 B = 0.002048 TB/day; city 10 days × 2 = 0.04096 TB; national 100 days × 2 = 0.4096 TB
    expect(row(s, 'city', 'faceTemplates').dailyTB).toBeCloseTo(0.002048, 15);
    expect(row(s, 'city', 'faceTemplates').storedTB).toBeCloseTo(0.04096, 12);
    expect(row(s, 'city', 'faceTemplates').costPerMonth).toBeCloseTo(0.8192, 12);
    expect(row(s, 'national', 'faceTemplates')).toMatchObject({ steadyState: false, days: 100 });
    expect(row(s, 'national', 'faceTemplates').storedTB).toBeCloseTo(0.4096, 12);
    expect(row(s, 'national', 'faceTemplates').costPerMonth).toBeCloseTo(0.4096 * DEFAULT_PRICE_PER_TB_MONTH, 9);
    // plate reads: 1,000 × 210,000 B = 0.00021 TB/day; camera 5 days = 0.00105; aggregation 20 days = 0.0042,
    // split by plate cameras: A has camera 1, B camera 2 → 0.0021 each; X none
    expect(row(s, 'camera', 'plateReads').storedTB).toBeCloseTo(0.00105, 15);
    expect(row(s, 'aggregation', 'plateReads').storedTB).toBeCloseTo(0.0042, 15);
    const at = (key: string) => s.perNode.keys.indexOf(key);
    expect(s.perNode.byKind.plateReads[at('A')]).toBeCloseTo(0.0021, 15);
    expect(s.perNode.byKind.plateReads[at('B')]).toBeCloseTo(0.0021, 15);
    expect(s.perNode.byKind.plateReads[at('X')]).toBe(0);
    // alerts: 10 × 50,000 B = 5e-7 TB/day × 30 days × 2 = 3e-5 TB at C
    expect(s.perNode.byKind.alerts[at('C')]).toBeCloseTo(3e-5, 18);
    expect(s.perNode.byKind.faceTemplates[at('C')]).toBeCloseTo(0.04096, 12);
    expect(s.perNode.byKind.faceTemplates[at('N')]).toBeCloseTo(0.4096, 12);
    // sightings are present at the city (created there) but kept 0 days: no event count needed
    expect(row(s, 'city', 'sightings').storedTB).toBe(0);
    expect(s.params.events).toEqual({ faceCaptures: 1e6, matchEvents: 0, plateReads: 1000, alerts: 10 });
    expect(s.byKind.find((k) => k.kind === 'plateReads')!.dailyTB).toBeCloseTo(0.00021, 15);
  });

  it('uses the record sizes given', () => {
    const p = policy({ city: { sightings: { days: 1 } } });
    const s = retentionStorage(p, build(), { events: { matchEvents: 1e6 }, recordSizes: { sightings: 1e6 }, replication: { city: 1 } });
    expect(row(s, 'city', 'sightings').storedTB).toBeCloseTo(1, 12);
    expect(s.params.recordSizes).toEqual({ ...RECORD_SIZES, sightings: 1e6 });
  });
});

describe('retentionStorage agrees with analyseNetwork', () => {
  it('gives the same per-node demand for D days of video at the cameras\' nodes and the centre', () => {
    // analyseNetwork: each node keeps its own cameras' video, the centre archives the live streams from
    // other nodes. With every camera live and none at the centre, that is the camera tier charged to the
    // cameras' nodes plus a city copy of every camera.
    const net = build({ live: true });
    for (const D of [0, 1, 30, 90]) {
      const a = analyseNetwork(net, { retentionDays: D });
      const p = policy({ camera: { video: { days: D, copyTo: 'city' } }, city: { video: { days: D } } });
      const s = retentionStorage(p, net, { cameraTierOnNodes: true, replication: { camera: 1, city: 1 } });
      for (let v = 0; v < net.numNodes; v++) expect(s.perNode.demandTB[v]).toBeCloseTo(a.storage.demandTB[v], 12);
      expect(s.totals.storedTB).toBeCloseTo(a.storage.totalDemandTB, 12);
      expect(Array.from(s.overCapacity.map((o) => o.node))).toEqual(Array.from(a.storage.shortNodes));
    }
  });
});

describe('retentionStorage on presets', () => {
  it('runs the Kazakh rule: 90 days of every camera at the centre, mirrored', () => {
    const s = retentionStorage(retentionPreset('kazakhstan-90d'), build());
    expect(row(s, 'city', 'video').storedTB).toBeCloseTo(8 * MBPS_DAY * 90 * 2, 12);
    expect(s.totals.storedTB).toBeCloseTo(8 * MBPS_DAY * 90 * 2, 12);
  });

  it('needs a national node for keep-everything and the event counts', () => {
    throwsAt(() => retentionStorage(retentionPreset('keep-everything'), build({ withNational: false }), { events: { faceCaptures: 1, matchEvents: 1, plateReads: 1, alerts: 1 } }), 'policy.rules.national.video', "(policy 'keep-everything') keeps video at national, but the network has no national node");
    const s = retentionStorage(retentionPreset('keep-everything'), build(), { operatingDays: 10, events: { faceCaptures: 1, matchEvents: 1, plateReads: 1, alerts: 1 } });
    expect(s.totals.steadyState).toBe(false);
    expect(s.byTierKind).toHaveLength(25);
  });
});

describe('retentionStorage rejects bad input, naming the item', () => {
  const p = policy({ camera: { video: { days: 1 } } });
  it('rejects a policy or network that is not one', () => {
    throwsAt(() => retentionStorage({} as never, build()), 'policy');
    throwsAt(() => retentionStorage(null as never, build()), 'policy');
    throwsAt(() => retentionStorage(p, {} as never), 'network');
    throwsAt(() => retentionStorage(p, build(), 5 as never), 'options');
  });

  it('rejects a tier the network has no node for', () => {
    const q = policy({ city: { sightings: { days: 5, copyTo: 'national' } }, national: { sightings: { days: 5 } } });
    throwsAt(() => retentionStorage(q, build({ withNational: false }), { events: { matchEvents: 1 } }), 'policy.rules.national.sightings', 'but the network has no national node');
  });

  it('rejects a missing event count for a kind the policy keeps', () => {
    const q = policy({ city: { faceTemplates: { days: 5 } } });
    throwsAt(() => retentionStorage(q, build()), 'options.events.faceCaptures', "policy 'p' keeps faceTemplates at city");
    throwsAt(() => retentionStorage(q, build(), { events: { matchEvents: 3 } }), 'options.events.faceCaptures');
    const r = policy({ camera: { plateReads: { days: 1 } } });
    throwsAt(() => retentionStorage(r, build(), { events: {} }), 'options.events.plateReads', 'keeps plateReads at camera');
  });

  it('rejects bad options', () => {
    throwsAt(() => retentionStorage(p, build(), { operatingDays: 0 }), 'options.operatingDays');
    throwsAt(() => retentionStorage(p, build(), { operatingDays: Infinity }), 'options.operatingDays');
    throwsAt(() => retentionStorage(p, build(), { replication: { city: 0.5 } }), 'options.replication.city', '>= 1');
    throwsAt(() => retentionStorage(p, build(), { replication: { cloud: 2 } as never }), 'options.replication.cloud', 'is not a known key');
    throwsAt(() => retentionStorage(p, build(), { replication: 2 as never }), 'options.replication');
    throwsAt(() => retentionStorage(p, build(), { pricePerTBMonth: -1 }), 'options.pricePerTBMonth');
    throwsAt(() => retentionStorage(p, build(), { pricePerTBMonth: NaN }), 'options.pricePerTBMonth');
    throwsAt(() => retentionStorage(p, build(), { pricePerTBMonth: '5' as never }), 'options.pricePerTBMonth');
    throwsAt(() => retentionStorage(p, build(), { pricePerTBMonth: { district: -2 } }), 'options.pricePerTBMonth.district');
    throwsAt(() => retentionStorage(p, build(), { recordSizes: { faceTemplates: 0 } }), 'options.recordSizes.faceTemplates', '> 0');
    throwsAt(() => retentionStorage(p, build(), { recordSizes: { video: 5 } as never }), 'options.recordSizes.video');
    throwsAt(() => retentionStorage(p, build(), { events: { faceCaptures: -1 } }), 'options.events.faceCaptures');
    throwsAt(() => retentionStorage(p, build(), { events: { faces: 1 } as never }), 'options.events.faces', 'is not an event count');
    throwsAt(() => retentionStorage(p, build(), { events: [] as never }), 'options.events');
    throwsAt(() => retentionStorage(p, build(), { cameraTierOnNodes: 'yes' as never }), 'options.cameraTierOnNodes');
    throwsAt(() => retentionStorage(p, build(), { currency: '' }), 'options.currency');
    throwsAt(() => retentionStorage(p, build(), { retentionDays: 30 } as never), 'options.retentionDays', 'unknown option `retentionDays`');
  });
});

describe('dailyEventRates', () => {
  /**
   * Four trips over 2 simulated days:
   *   trip 0 day 0 walk: identified 0.5, faceSearches 3
   *   trip 1 day 0 car:  identified 2,   faceSearches 0
   *   trip 2 day 1 walk: identified 1.5, faceSearches 5
   *   trip 3 day 1 car:  identified 4,   faceSearches 1
   * Per simulated day: faces (3 + 0 + 5 + 1) / 2 = 4.5, matches (0.5 + 1.5) / 2 = 1, plates (2 + 4) / 2 = 3.
   */
  function trips(over: Partial<Record<keyof EventTripsInput, unknown>> = {}): EventTripsInput {
    return {
      numTrips: 4,
      person: Uint32Array.from([0, 0, 1, 1]),
      day: Uint16Array.from([0, 0, 1, 1]),
      mode: Uint8Array.from([0, 1, 0, 1]),
      sightings: Float64Array.from([3, 2, 5, 4]),
      identified: Float64Array.from([0.5, 2, 1.5, 4]),
      pIdentified: Float64Array.from([0.4, 0.9, 0.7, 0.99]),
      faceSearches: Float64Array.from([3, 0, 5, 1]),
      ...over,
    } as EventTripsInput;
  }

  it('sums the trips per simulated day and scales them to the city', () => {
    const r = dailyEventRates(trips(), { scale: 100 });
    expect(r.simulated).toEqual({ faceCaptures: 4.5, matchEvents: 1, plateReads: 3, alerts: 4.5 * MET_ALERTS_PER_FACE });
    expect(r.events.faceCaptures).toBeCloseTo(450, 12);
    expect(r.events.matchEvents).toBeCloseTo(100, 12);
    expect(r.events.plateReads).toBeCloseTo(300, 12);
    expect(r.events.alerts).toBeCloseTo(450 * 2077 / 3147436, 12);
    expect(r.params).toEqual({ scale: 100, numDays: 2, numTrips: 4, alerts: 'met-rate', alertsPerFace: MET_ALERTS_PER_FACE });
  });

  it('takes the days and alerts given', () => {
    const r = dailyEventRates(trips(), { scale: 2, numDays: 4, alertsPerDay: 7 });
    expect(r.events).toEqual({ faceCaptures: 4.5, matchEvents: 1, plateReads: 3, alerts: 7 });
    expect(r.simulated.alerts).toBe(3.5);
    expect(r.params.alerts).toBe('given');
    expect(dailyEventRates(trips({ numTrips: 0 }), { scale: 1 }).events).toEqual({ faceCaptures: 0, matchEvents: 0, plateReads: 0, alerts: 0 });
  });

  it('feeds retentionStorage', () => {
    const r = dailyEventRates(trips(), { scale: 1e5 });
    const p = policy({ city: { sightings: { days: 30 } } });
    const s = retentionStorage(p, build(), { events: r.events, replication: { city: 1 } });
    // 1e5 match events per day × 20,000 B × 30 days = 6e10 B = 0.06 TB
    expect(row(s, 'city', 'sightings').storedTB).toBeCloseTo(0.06, 12);
  });

  it('rejects bad trips and options', () => {
    const at = (fn: () => unknown, field: string) => {
      let err: unknown;
      try {
        fn();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
      expect((err as Error).message.startsWith('dailyEventRates: ')).toBe(true);
    };
    at(() => dailyEventRates(trips(), { scale: 0 }), 'options.scale');
    at(() => dailyEventRates(trips(), {} as never), 'options.scale');
    at(() => dailyEventRates(trips(), null as never), 'options');
    at(() => dailyEventRates(trips(), { scale: 1, alertsPerDay: -1 }), 'options.alertsPerDay');
    at(() => dailyEventRates(trips(), { scale: 1, numDays: 1 }), 'options.numDays');
    at(() => dailyEventRates(trips(), { scale: 1, numDays: 1.5 }), 'options.numDays');
    at(() => dailyEventRates(trips(), { scale: 1, days: 3 } as never), 'options.days');
    at(() => dailyEventRates(null as never, { scale: 1 }), 'trips');
    at(() => dailyEventRates(trips({ numTrips: -1 }), { scale: 1 }), 'trips.numTrips');
    at(() => dailyEventRates(trips({ faceSearches: [3, 0, 5, 1] }), { scale: 1 }), 'trips.faceSearches');
    at(() => dailyEventRates(trips({ numTrips: 5 }), { scale: 1 }), 'trips.day');
    at(() => dailyEventRates(trips({ mode: Uint8Array.from([0, 2, 0, 1]) }), { scale: 1 }), 'trips.mode[1]');
    at(() => dailyEventRates(trips({ identified: Float64Array.from([0, NaN, 0, 0]) }), { scale: 1 }), 'trips.identified[1]');
    at(() => dailyEventRates(trips({ faceSearches: Float64Array.from([0, 0, -1, 0]) }), { scale: 1 }), 'trips.faceSearches[2]');
  });
});

function order(rowKey: string): number {
  const [t, k] = rowKey.split('/');
  return ['camera', 'aggregation', 'district', 'city', 'national'].indexOf(t) * 10 + ['video', 'faceTemplates', 'sightings', 'plateReads', 'alerts'].indexOf(k);
}

describe('retentionStorage: record-only cameras keep their video on site (recordOnlyOnSite, the default)', () => {
  /** C city-centre with a camera of its own; A aggregation → C. cam 0 at A live 1 Mbit/s; cam 1 at A record-only 3; cam 2 at C live 2; cam 3 at C record-only 0.5. */
  function mixed(): CommandNetwork {
    const g = createNetworkGraph();
    const n = (kind: NodeKind, storageTB: number) => ({ kind, x: 0, y: 0, storageTB, analyticsStreams: 10, availability: 1 });
    g.addNode('C', n('city-centre', 10));
    g.addNode('A', n('aggregation', 0.5));
    g.addEdge('A', 'C', { kind: 'fibre' as const, capacityMbps: 1000, latencyMs: 1, availability: 1 });
    const c = (live: boolean) => ({ x: 0, y: 0, heading: 0, fov: 90, range: 10, live, capabilities: [] as ('face' | 'plate')[] });
    const cams = createCameraSet([c(true), c(false), c(true), c(false)]);
    return createCommandNetwork(g, cams, { cameraNode: ['A', 'A', 'C', 'C'], cameraMbps: [1, 3, 2, 0.5] });
  }
  const p = policy({ camera: { video: { days: 0, copyTo: 'city' } }, city: { video: { days: 90 } } });

  it('copies only live streams to the centre and keeps record-only video on its recorder for the longest video retention (worked by hand)', () => {
    const s = retentionStorage(p, mixed());
    // City: live 1 + 2 = 3 Mbit/s × 0.0108 × 90 days × 2 replicas = 5.832 TB.
    expect(row(s, 'city', 'video').storedTB).toBeCloseTo(3 * MBPS_DAY * 90 * 2, 12);
    expect(row(s, 'city', 'video').cameras).toBe('live');
    // Camera tier: the live cameras keep 0 days; the record-only ones (3 + 0.5 Mbit/s) keep 90 days on site, 1 copy.
    const onSite = s.byTierKind.find((r) => r.tier === 'camera' && r.kind === 'video' && r.cameras === 'record-only')!;
    expect(onSite.storedTB).toBeCloseTo(3.5 * MBPS_DAY * 90, 12);
    expect(onSite.days).toBe(90);
    expect(s.totals.storedTB).toBeCloseTo(3 * MBPS_DAY * 90 * 2 + 3.5 * MBPS_DAY * 90, 12);
    // The day's video created is every camera's.
    expect(s.byKind.find((k) => k.kind === 'video')!.dailyTB).toBeCloseTo(6.5 * MBPS_DAY, 12);
    // The old rule (every camera copied to the centre) on request: 6.5 Mbit/s × 90 × 2.
    const all = retentionStorage(p, mixed(), { recordOnlyOnSite: false });
    expect(all.totals.storedTB).toBeCloseTo(6.5 * MBPS_DAY * 90 * 2, 12);
    expect(all.byTierKind.some((r) => r.cameras !== undefined)).toBe(false);
    expect(() => retentionStorage(p, mixed(), { recordOnlyOnSite: 'yes' as never })).toThrow(/retentionStorage: options\.recordOnlyOnSite must be a boolean/);
  });

  it('agrees node by node with analyseNetwork when the centre has cameras and some cameras only record', () => {
    const net = mixed();
    for (const D of [1, 30, 90]) {
      const a = analyseNetwork(net, { retentionDays: D });
      const q = policy({ camera: { video: { days: D, copyTo: 'city' } }, city: { video: { days: D } } });
      const s = retentionStorage(q, net, { cameraTierOnNodes: true, replication: { camera: 1, city: 1 } });
      // By hand for D = 1: A keeps 1 + 3 = 4 Mbit/s; C keeps its own 2.5 plus the live archive 1 + 2 = 3.
      if (D === 1) {
        expect(a.storage.demandTB[1]).toBeCloseTo(4 * MBPS_DAY, 12);
        expect(a.storage.demandTB[0]).toBeCloseTo(5.5 * MBPS_DAY, 12);
      }
      for (let v = 0; v < net.numNodes; v++) expect(s.perNode.demandTB[v]).toBeCloseTo(a.storage.demandTB[v], 12);
      expect(s.totals.storedTB).toBeCloseTo(a.storage.totalDemandTB, 12);
    }
  });
});

describe('retentionStorage on the full Almaty preset (almaty-assumed policy)', () => {
  it('stores the live streams at the centre (×2) and the record-only cameras\' video on site: recomputed from the camera columns', async () => {
    const { createPreset } = await import('../../src/cameras/presets.js');
    const { buildHierarchicalNetwork } = await import('../../src/network/build-hierarchical.js');
    const { almatyNetworkOptions } = await import('../../src/network/network-presets.js');
    const p = createPreset('almaty', { seed: 1 });
    const net = buildHierarchicalNetwork(p.cameras, p.city, almatyNetworkOptions({ seed: 1 }));
    let liveMbps = 0, recordMbps = 0, live = 0;
    for (let c = 0; c < net.numCameras; c++) {
      if (p.cameras.live[c] === 1) {
        liveMbps += net.cameraMbps[c];
        live++;
      } else recordMbps += net.cameraMbps[c];
    }
    expect(live).toBe(53_000);
    const s = retentionStorage(retentionPreset('almaty-assumed'), net, { events: { faceCaptures: 0, matchEvents: 0, plateReads: 0, alerts: 0 } });
    const video = s.byTierKind.filter((r) => r.kind === 'video').reduce((t, r) => t + r.storedTB, 0);
    // Relative 1e-10: sums of 128,000 bitrates in a different order (float rounding about n·ε ≈ 3e-11).
    const expected = (liveMbps * 90 * 2 + recordMbps * 90) * MBPS_DAY;
    expect(Math.abs(video - expected) / expected).toBeLessThan(1e-10);
    // The centre holds only the 53,000 live cameras' video, not the 75,000 record-only ones.
    expect(Math.abs(row(s, 'city', 'video').storedTB / (liveMbps * 90 * 2 * MBPS_DAY) - 1)).toBeLessThan(1e-10);
  }, 120_000);
});

describe('retentionStorage: record-only video kept as long as a forever copy', () => {
  it('marks the on-site row forever, without steady state, and says so in a note', () => {
    const g = createNetworkGraph();
    g.addNode('C', { kind: 'city-centre', x: 0, y: 0, storageTB: 10, analyticsStreams: 10, availability: 1 });
    g.addNode('A', { kind: 'aggregation', x: 0, y: 0, storageTB: 1, analyticsStreams: 10, availability: 1 });
    g.addEdge('A', 'C', { kind: 'fibre' as const, capacityMbps: 1000, latencyMs: 1, availability: 1 });
    const c = (live: boolean) => ({ x: 0, y: 0, heading: 0, fov: 90, range: 10, live, capabilities: [] as ('face' | 'plate')[] });
    const net = createCommandNetwork(g, createCameraSet([c(true), c(false)]), { cameraNode: ['A', 'A'], cameraMbps: [1, 2] });
    const p = policy({ camera: { video: { days: 0, copyTo: 'city' } }, city: { video: { days: 'forever' } } });
    const s = retentionStorage(p, net, { operatingDays: 100, replication: { city: 1 } });
    const onSite = s.byTierKind.find((r) => r.cameras === 'record-only')!;
    expect(onSite.policyDays).toBe('forever');
    expect(onSite.steadyState).toBe(false);
    expect(onSite.storedTB).toBeCloseTo(2 * MBPS_DAY * 100, 12);
    expect(s.notes.some((n) => /record-only cameras.*no steady state/.test(n))).toBe(true);
    expect(s.totals.steadyState).toBe(false);
  });
});

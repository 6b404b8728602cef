/**
 * analyseRetention runs the parts on one policy; compareRetention returns
 * B − A. Checked against the parts called directly, and against hand-worked
 * figures on a tiny network and population.
 */
import { describe, expect, it } from 'vitest';
import { createCameraSet } from '../../src/cameras/camera-set.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createCommandNetwork, createNetworkGraph } from '../../src/network/command-network.js';
import { analyseAccess } from '../../src/retention/access.js';
import { analyseRetention, compareRetention } from '../../src/retention/analyse-retention.js';
import { personHistory } from '../../src/retention/history.js';
import { personChannelDays, type RetentionTripsInput } from '../../src/retention/person-channels.js';
import { createRetentionPolicy, type RetentionPolicySpec } from '../../src/retention/policy.js';
import { retentionPreset } from '../../src/retention/presets.js';
import { retentionStorage } from '../../src/retention/storage.js';

/** One city centre with one aggregation point; two cameras of 1 Mbit/s each. */
function network() {
  const g = createNetworkGraph();
  const n = (kind: 'city-centre' | 'aggregation') => ({ kind, x: 0, y: 0, storageTB: 100, analyticsStreams: 10, availability: 1 });
  g.addNode('C', n('city-centre'));
  g.addNode('A', n('aggregation'));
  g.addEdge('A', 'C', { kind: 'fibre', capacityMbps: 1000, latencyMs: 1, availability: 1 });
  const cam = { x: 0, y: 0, heading: 0, fov: 90, range: 10, live: true, capabilities: ['face' as const] };
  return createCommandNetwork(g, createCameraSet([cam, cam]), { cameraNode: ['A', 'A'], cameraMbps: [1, 1] });
}

/** Two persons, one simulated day: person 0 walks once (p = 0.5), person 1 drives once (p = 0.8). */
function trips(): RetentionTripsInput {
  return {
    numTrips: 2,
    person: Uint32Array.from([0, 1]),
    day: Uint16Array.from([0, 0]),
    mode: Uint8Array.from([0, 1]),
    sightings: Float64Array.from([3, 2]),
    identified: Float64Array.from([0.7, 0.9]),
    pIdentified: Float64Array.from([0.5, 0.8]),
  };
}

/** Video `videoDays` at the camera and the centre; face templates `templateDays` at the centre, read by the biometric platform. */
function policy(videoDays: number, templateDays: number) {
  const spec: RetentionPolicySpec = {
    name: `video ${videoDays} d, templates ${templateDays} d`,
    tiers: ['camera', 'aggregation', 'city'],
    rules: {
      camera: { video: { days: videoDays, copyTo: 'city', readers: ['police'] } },
      city: {
        video: { days: videoDays, readers: ['police'] },
        faceTemplates: { days: templateDays, readers: ['police', 'biometric-platform'] },
      },
    },
  };
  return createRetentionPolicy(spec);
}

describe('analyseRetention', () => {
  const channels = personChannelDays(trips(), { numPersons: 2, numDays: 1 });

  it('equals its parts called one by one', () => {
    const p = policy(30, 0);
    const net = network();
    const a = analyseRetention(p, { network: net, channels, operatingDays: 365, lookbackDays: 30 });
    expect(a.storage).toEqual(retentionStorage(p, net, { operatingDays: 365 }));
    const h = personHistory(p, channels, { operatingDays: 365, lookbackDays: 30 });
    expect(a.history!.summary).toEqual(h.summary);
    expect(a.history!.reconstructableShare).toEqual(h.reconstructableShare);
    const acc = analyseAccess(p, channels, { operatingDays: 365, lookbackDays: 30, allowed: ['police'] });
    expect(a.access!.principals).toEqual(acc.principals);
    expect(a.params).toEqual({ operatingDays: 365, lookbackDays: 30, allowed: ['police'], numPersons: 2, numDays: 1 });
  });

  it('leaves out storage without a network and history and access without residents', () => {
    const a = analyseRetention(policy(30, 0));
    expect(a.storage).toBeNull();
    expect(a.history).toBeNull();
    expect(a.access).toBeNull();
    expect(a.reach.kinds.video.longestDays).toBe(30);
  });

  it('names the bad option', () => {
    const p = policy(30, 0);
    expect(() => analyseRetention(p, { operatingDays: -1 })).toThrow(InvalidInputError);
    expect(() => analyseRetention(p, { operatingDays: -1 })).toThrow('analyseRetention: options.operatingDays must be a finite number > 0, got -1');
    expect(() => analyseRetention(p, { lookbackDays: Number.NaN })).toThrow('options.lookbackDays');
    expect(() => analyseRetention(p, { bogus: 1 } as never)).toThrow('analyseRetention: unknown option `bogus`; known options: ');
    expect(() => analyseRetention({} as never)).toThrow('analyseRetention: policy.rules');
    expect(() => analyseRetention(p, { channels, allowed: ['nobody'] })).toThrow('allowed[0]');
    // Checked even without residents, and never split into letters.
    expect(() => analyseRetention(p, { allowed: ['mayor'] })).toThrow('analyseRetention: options.allowed[0] must be a principal of the policy');
    expect(() => analyseRetention(p, { allowed: 'police' as never })).toThrow('options.allowed must be an array');
    expect(() => analyseRetention(p, { storage: { events: {} } })).toThrow('analyseRetention: options.storage needs options.network');
    expect(() => analyseRetention(p, { network: network(), storage: { operatingDays: 10 } as never })).toThrow('options.storage.operatingDays is set once for every part');
  });
});

describe('compareRetention', () => {
  const channels = personChannelDays(trips(), { numPersons: 2, numDays: 1 });
  const opts = { network: network(), channels, operatingDays: 365, lookbackDays: 60, storage: { events: { faceCaptures: 1000, matchEvents: 10, plateReads: 0, alerts: 0 } } };

  it('triples video storage from 30 to 90 days, and the days of history a person can be traced back', () => {
    const a = analyseRetention(policy(30, 0), opts);
    const b = analyseRetention(policy(90, 0), opts);
    const d = compareRetention(a, b);
    expect(d.a).toBe('video 30 d, templates 0 d');
    // Two cameras × 1 Mbit/s × 86,400 s / 8 = 2.16 × 10^10 B = 0.0216 TB a day, kept at camera and centre.
    expect(d.storage!.byKind.video.a).toBeCloseTo(0.0216 * 30 * (a.storage!.byTierKind.filter((r) => r.kind === 'video').reduce((s, r) => s + r.replication, 0)), 9);
    expect(d.storage!.byKind.video.ratio).toBeCloseTo(3, 12);
    expect(d.reach.kinds.video).toEqual({ a: 30, b: 90, delta: 60, ratio: 3 });
    expect(d.reach.channels.face.delta).toBe(60);
    // Look back 60 days: with 30 days on file half the trips can be reconstructed, with 90 all of them.
    // Person 0: 60 walk trips, 30 on file × 0.5 = 15 → share 0.25; with 90 days 0.5. Person 1 (car): plate
    // channel on video too: 0.4 → 0.8. Means (0.25 + 0.4) / 2 = 0.325 and (0.5 + 0.8) / 2 = 0.65.
    expect(d.history!.reconstructableShare.mean.a).toBeCloseTo(0.325, 12);
    expect(d.history!.reconstructableShare.mean.b).toBeCloseTo(0.65, 12);
  });

  it('shows the biometric platform (and banks and telecoms through it) leaving the loop when templates are kept', () => {
    const a = analyseRetention(policy(30, 0), opts);
    const b = analyseRetention(policy(30, 365), opts);
    const d = compareRetention(a, b);
    expect(d.access!.closedLoop).toEqual({ a: true, b: false });
    expect(d.access!.beyondAllowedAdded).toEqual(['biometric-platform', 'banks', 'telecoms']);
    expect(d.access!.beyondAllowedRemoved).toEqual([]);
    const platform = d.access!.principals.find((p) => p.principal === 'biometric-platform')!;
    expect(platform.faceDays).toEqual({ a: 0, b: 365, delta: 365, ratio: null });
    // Templates carry faces only: person 0 reachable with P = 1 − 0.5^60 (60 days of look-back), person 1 (car) never.
    expect(platform.expectedResidents.b).toBeCloseTo(1 - 0.5 ** 60, 12);
    expect(d.storage!.byKind.faceTemplates.a).toBe(0);
  });

  it('compares the shipped presets on parts computed for both, and refuses what is not an analysis', () => {
    const a = analyseRetention(retentionPreset('met-lfr'), { channels, operatingDays: 365 });
    const b = analyseRetention(retentionPreset('keep-everything'), { channels, operatingDays: 365 });
    const d = compareRetention(a, b);
    expect(d.storage).toBeNull();
    expect(d.history!.pHistoryOnFile.mean.b).toBeGreaterThan(d.history!.pHistoryOnFile.mean.a);
    expect(d.reach.kinds.video.b).toBe(365);
    expect(() => compareRetention({} as never, b)).toThrow('compareRetention: a must be a retention analysis');
    expect(() => compareRetention({ reach: {}, policy: {}, params: {} } as never, b)).toThrow('compareRetention: a must be a retention analysis');
    expect(d.mismatched).toEqual([]);
    // Analyses under different settings: the deltas then mix policy and setting, and the comparison says so.
    const longer = analyseRetention(retentionPreset('keep-everything'), { channels, operatingDays: 1000 });
    expect(compareRetention(b, longer).mismatched).toEqual([{ param: 'operatingDays', a: 365, b: 1000 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { createCameraSet } from '../../src/cameras/camera-set.js';
import { analyseNetwork } from '../../src/network/analyse-network.js';
import { createCommandNetwork, createNetworkGraph, type CommandNetwork } from '../../src/network/command-network.js';

/**
 * Hand-built network (node index order C, H, A, B):
 *   C city-centre: 1 analytics slot, 1 TB     H district-hub: 0 TB
 *   A aggregation: 0.1 TB                     B aggregation: 0.1 TB
 *   links: H->C 10 Mbit/s lat 2 ms; A->H (lte) 2 Mbit/s lat 3 ms; B->H 100 Mbit/s lat 1 ms
 *   cameras: A has 3 live at 1 Mbit/s (one face); B has 1 live face at 8 Mbit/s and 1 record-only at 8 Mbit/s.
 */
function build(): CommandNetwork {
  const g = createNetworkGraph();
  const n = (kind: 'city-centre' | 'district-hub' | 'aggregation', storageTB: number, analyticsStreams = 0) => ({ kind, x: 0, y: 0, storageTB, analyticsStreams, availability: 1 });
  g.addNode('C', n('city-centre', 1, 1));
  g.addNode('H', n('district-hub', 0));
  g.addNode('A', n('aggregation', 0.1));
  g.addNode('B', n('aggregation', 0.1));
  g.addEdge('H', 'C', { kind: 'fibre', capacityMbps: 10, latencyMs: 2, availability: 1 });
  g.addEdge('A', 'H', { kind: 'lte', capacityMbps: 2, latencyMs: 3, availability: 1 });
  g.addEdge('B', 'H', { kind: 'fibre', capacityMbps: 100, latencyMs: 1, availability: 1 });
  const c = (live: boolean, face: boolean) => ({ x: 0, y: 0, heading: 0, fov: 90, range: 10, live, capabilities: face ? (['face'] as const) : [] });
  const cams = createCameraSet([c(true, true), c(true, false), c(true, false), c(true, true), c(false, false)]);
  return createCommandNetwork(g, cams, { cameraNode: ['A', 'A', 'A', 'B', 'B'], cameraMbps: [1, 1, 1, 8, 8] });
}

describe('analyseNetwork on a hand-built network', () => {
  it('counts the live share and the analytics shortfall', () => {
    // Face demand: A 1, B 1; one slot, nodes in index order: A gets it, B does not. Shortfall 1.
    // Live cameras 4, all reached; served = 4 − 1 = 3 of 5 cameras → live share 0.6.
    const a = analyseNetwork(build());
    expect(a.live).toMatchObject({ liveCameras: 4, liveReached: 4, liveServed: 3, analyticsDemand: 2, analyticsShortfall: 1, liveReachedShareOfLive: 1, reachedShare: 1 });
    expect(a.live.liveShare).toBeCloseTo(0.6, 15);
    expect(a.analytics.perCentre).toEqual([{ node: 0, key: 'C', capacity: 1, demand: 2, served: 1, shortfall: 1 }]);
    expect(Array.from(a.analytics.servedPerNode)).toEqual([0, 0, 1, 0]);
    // every live camera needs a slot: demand 4, served 1, shortfall 3 → 1 served of 5
    const b = analyseNetwork(build(), { analyticsDemand: 'live' });
    expect(b.live.liveServed).toBe(1);
    expect(b.analytics.shortfall).toBe(3);
  });

  it('finds the overloaded links', () => {
    // A->H carries 3 of 2 Mbit/s (1.5), B->H 8 of 100 (0.08), H->C 11 of 10 (1.1).
    const a = analyseNetwork(build());
    expect(Array.from(a.links.mbps)).toEqual([11, 3, 8]);
    expect(a.links.utilisation[0]).toBeCloseTo(1.1, 12);
    expect(a.links.utilisation[1]).toBeCloseTo(1.5, 12);
    expect(a.links.utilisation[2]).toBeCloseTo(0.08, 12);
    expect(Array.from(a.links.overloaded)).toEqual([1, 0]);
    expect(a.links.maxUtilisation).toBeCloseTo(1.5, 12);
    expect(a.links.totalLiveMbps).toBe(11);
    expect(Array.from(analyseNetwork(build(), { overloadThreshold: 1.2 }).links.overloaded)).toEqual([1]);
  });

  it('computes storage demand per node for N days', () => {
    // 1 Mbit/s for a day = 10^6 / 8 × 86,400 B = 0.0108 TB. Ten days:
    //   A keeps its 3 Mbit/s: 0.324 TB (capacity 0.1 → short 0.224)
    //   B keeps 16 Mbit/s (live and record-only): 1.728 TB (short 1.628)
    //   C archives the 11 Mbit/s arriving: 1.188 TB (capacity 1 → short 0.188); H stores nothing.
    const s = analyseNetwork(build(), { retentionDays: 10 }).storage;
    const want = [1.188, 0, 0.324, 1.728];
    want.forEach((w, i) => expect(s.demandTB[i]).toBeCloseTo(w, 12));
    [0.188, 0, 0.224, 1.628].forEach((w, i) => expect(s.shortfallTB[i]).toBeCloseTo(w, 12));
    expect(Array.from(s.shortNodes)).toEqual([3, 2, 0]);
    expect(s.totalDemandTB).toBeCloseTo(3.24, 12);
    expect(s.totalShortfallTB).toBeCloseTo(2.04, 12);
    expect(s.byKind.aggregation.demandTB).toBeCloseTo(2.052, 12);
    expect(s.byKind['city-centre'].capacityTB).toBe(1);
    expect(analyseNetwork(build(), { retentionDays: 0 }).storage.totalDemandTB).toBe(0);
  });

  it('gives hops and latency per node and over cameras', () => {
    // hops C 0, H 1, A 2, B 2; latency A 3 + 2 = 5, B 1 + 2 = 3.
    // Cameras: 2 at 3 ms (B), 3 at 5 ms (A): mean 21 / 5 = 4.2; median: 2 of 5 at ≤ 3 < 2.5 → 5.
    const p = analyseNetwork(build()).paths;
    expect(Array.from(p.nodeHops)).toEqual([0, 1, 2, 2]);
    expect(Array.from(p.nodeLatencyMs)).toEqual([0, 2, 5, 3]);
    expect(p.camerasByHops).toEqual([0, 0, 5]);
    expect(p.liveCamerasByHops).toEqual([0, 0, 4]);
    expect(p.meanHops).toBe(2);
    expect(p.latencyMs.mean).toBeCloseTo(4.2, 12);
    expect(p.latencyMs).toMatchObject({ p50: 5, p90: 5, p99: 5, max: 5 });
    expect(analyseNetwork(build()).paths.latencyMs.p50).toBe(5);
  });

  it('reports zeros, never NaN, when no centre is reachable', () => {
    const a = analyseNetwork(build(), { centreKinds: ['national'] });
    expect(a.live.liveShare).toBe(0);
    expect(a.paths.unreachedCameras).toBe(5);
    expect(a.paths.latencyMs).toEqual({ mean: 0, p50: 0, p90: 0, p99: 0, max: 0 });
    expect(a.paths.meanHops).toBe(0);
    expect(JSON.stringify(a)).not.toContain('NaN');
  });

  it('records its params and rejects bad options', () => {
    const a = analyseNetwork(build(), { retentionDays: 90 });
    expect(a.params).toMatchObject({ retentionDays: 90, centreKinds: ['city-centre'], analyticsDemand: 'face', overloadThreshold: 1, numNodes: 4, numLinks: 3, numCameras: 5 });
    expect(() => analyseNetwork({} as never)).toThrow(/analyseNetwork: network must be a CommandNetwork/);
    expect(() => analyseNetwork(build(), { retentionDays: -1 })).toThrow(/options.retentionDays must be a finite number >= 0, got -1/);
    expect(() => analyseNetwork(build(), { centreKinds: [] })).toThrow(/options.centreKinds must be a non-empty array/);
    expect(() => analyseNetwork(build(), { centreKinds: ['hq' as never] })).toThrow(/options.centreKinds\[0\] must be one of/);
    expect(() => analyseNetwork(build(), { analyticsDemand: 'all' as never })).toThrow(/options.analyticsDemand must be "face" or "live", got "all"/);
    expect(() => analyseNetwork(build(), { overloadThreshold: 0 })).toThrow(/options.overloadThreshold must be a finite number > 0, got 0/);
  });
});

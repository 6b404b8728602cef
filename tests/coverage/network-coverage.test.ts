import { describe, expect, it } from 'vitest';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import type { BuildingSet } from '../../src/city/city.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import { computeCoverage } from '../../src/coverage/compute-coverage.js';
import { coverageUnderFault } from '../../src/coverage/network-coverage.js';
import { expectedCoverageUnderOutages, simulateDamageCoverage, simulateOutageCoverage } from '../../src/coverage/outage-coverage.js';
import { rankSinglePointsOfFailureByArea } from '../../src/coverage/spof-coverage.js';
import { createCommandNetwork, createNetworkGraph, type CommandNetwork } from '../../src/network/command-network.js';
import { applyTargetedDamage } from '../../src/network/damage.js';
import { createFaultScenario } from '../../src/network/faults-scenario.js';
import { sampleOutageScenario } from '../../src/network/faults-simulate.js';

const BOUNDS: [number, number, number, number] = [0, 0, 400, 400];

/**
 * 80 random cameras in a 400 m square (some footprints cross the edge);
 * four aggregation points by quadrant, two hubs (west, east), one centre.
 * Hubs carry districtId 'west' / 'east' (and their points too).
 */
function build(seed = 1): CommandNetwork {
  const rng = createRng(seed);
  const spec: CameraInput[] = [];
  const at: string[] = [];
  for (let i = 0; i < 80; i++) {
    const x = rng.uniform(-20, 420);
    const y = rng.uniform(-20, 420);
    spec.push({ x, y, heading: rng.uniform(0, 360), fov: i % 7 === 0 ? 360 : rng.uniform(30, 120), range: rng.uniform(20, 70), live: rng.next() < 0.5 });
    at.push(`agg-${x < 200 ? 'w' : 'e'}${y < 200 ? 's' : 'n'}`);
  }
  const g = createNetworkGraph();
  const n = (kind: 'aggregation' | 'district-hub' | 'city-centre', availability: number, districtId?: string) => ({ kind, x: 0, y: 0, storageTB: 1, analyticsStreams: 0, availability, ...(districtId ? { districtId } : {}) });
  const l = (availability: number) => ({ kind: 'fibre' as const, capacityMbps: 1000, latencyMs: 1, availability });
  g.addNode('centre', n('city-centre', 1));
  g.addNode('hub-w', n('district-hub', 0.9, 'west'));
  g.addNode('hub-e', n('district-hub', 0.95, 'east'));
  for (const k of ['ws', 'wn', 'es', 'en']) g.addNode(`agg-${k}`, n('aggregation', 0.8, k[0] === 'w' ? 'west' : 'east'));
  g.addEdgeWithKey('hub-w->centre', 'hub-w', 'centre', l(1));
  g.addEdgeWithKey('hub-e->centre', 'hub-e', 'centre', l(1));
  for (const k of ['ws', 'wn', 'es', 'en']) g.addEdgeWithKey(`agg-${k}->hub-${k[0]}`, `agg-${k}`, `hub-${k[0]}`, l(0.9));
  return createCommandNetwork(g, createCameraSet(spec), { cameraNode: at, cameraMbps: new Float64Array(80).fill(1) });
}

function without(net: CommandNetwork, out: Set<number>, liveOnly = false) {
  const ids: number[] = [];
  for (let c = 0; c < net.numCameras; c++) if (!out.has(c) && (!liveOnly || net.cameraLive[c] === 1)) ids.push(c);
  return net.cameras.subset(ids);
}

describe('rankSinglePointsOfFailureByArea', () => {
  it('equals the difference of two full computeCoverage calls for every node and link', () => {
    const net = build();
    const r = rankSinglePointsOfFailureByArea(net, { coverage: { bounds: BOUNDS } });
    const full = computeCoverage(net.cameras, { bounds: BOUNDS }).coveredArea;
    expect(r.coveredArea).toBeCloseTo(full, 6);
    for (let v = 0; v < net.numNodes; v++) {
      const cut = new Set<number>();
      for (let p = r.spof.nodes.cutStart[v]; p < r.spof.nodes.cutStart[v + 1]; p++) {
        const u = r.spof.nodes.cutNodes[p];
        for (let q = net.nodeCameraStart[u]; q < net.nodeCameraStart[u + 1]; q++) cut.add(net.nodeCameraIds[q]);
      }
      const direct = full - computeCoverage(without(net, cut), { bounds: BOUNDS }).coveredArea;
      expect(Math.abs(r.nodeAreaLost[v] - direct)).toBeLessThan(1e-6 * full);
    }
    // The centre cuts everything; each aggregation uplink cuts the same cameras as its point.
    expect(r.nodeAreaLost[net.nodeIndex.get('centre')!]).toBeCloseTo(full, 6);
    const l = net.linkKeys.indexOf('agg-ws->hub-w');
    expect(r.linkAreaLost![l]).toBe(r.nodeAreaLost[net.nodeIndex.get('agg-ws')!]);
    expect(r.top[0].key).toBe('centre');
    expect(r.top[0].areaLostShare).toBeCloseTo(1, 9);
    expect(r.rankedByArea.length).toBe(net.numNodes);
  });

  it('stays exact when small sets are measured in local boxes, with and without occlusion', () => {
    // Study area much larger than the cameras' spread: the aggregation-level sets use local boxes.
    const big: [number, number, number, number] = [-1000, -1000, 1400, 1400];
    const net = build(3);
    const coords: number[] = [];
    const ringStart = [0];
    for (const [x0, y0, x1, y1] of [[100, 100, 140, 130], [250, 260, 300, 280], [60, 300, 90, 360]]) {
      coords.push(x0, y0, x1, y0, x1, y1, x0, y1);
      ringStart.push(ringStart[ringStart.length - 1] + 4);
    }
    const buildings: BuildingSet = { numBuildings: 3, ringStart: Uint32Array.from(ringStart), coords: Float64Array.from(coords), height: new Float32Array(3).fill(10) };
    for (const occlusion of [false, true]) {
      const opts = { bounds: big, occlusion, buildings };
      const r = rankSinglePointsOfFailureByArea(net, { coverage: opts });
      const full = computeCoverage(net.cameras, opts).coveredArea;
      for (let v = 0; v < net.numNodes; v++) {
        const cut = new Set<number>();
        for (let p = r.spof.nodes.cutStart[v]; p < r.spof.nodes.cutStart[v + 1]; p++) {
          const u = r.spof.nodes.cutNodes[p];
          for (let q = net.nodeCameraStart[u]; q < net.nodeCameraStart[u + 1]; q++) cut.add(net.nodeCameraIds[q]);
        }
        const direct = full - computeCoverage(without(net, cut), opts).coveredArea;
        expect(Math.abs(r.nodeAreaLost[v] - direct)).toBeLessThan(1e-6 * full);
      }
    }
  });

  it('counts only live watchers with watchers: live, on a polygon study area', () => {
    const net = build(2);
    const area = [[[0, 0], [400, 0], [400, 300], [200, 400], [0, 400], [0, 0]]];
    const r = rankSinglePointsOfFailureByArea(net, { coverage: { area }, watchers: 'live' });
    const live = computeCoverage(without(net, new Set(), true), { area }).coveredArea;
    expect(r.coveredArea).toBeCloseTo(live, 6);
    const v = net.nodeIndex.get('hub-e')!;
    const cut = new Set<number>();
    for (let c = 0; c < net.numCameras; c++) if (net.nodeKeys[net.cameraNode[c]].startsWith('agg-e')) cut.add(c);
    const direct = live - computeCoverage(without(net, cut, true), { area }).coveredArea;
    expect(Math.abs(r.nodeAreaLost[v] - direct)).toBeLessThan(1e-6 * live);
  });

  it('throws typed errors for bad options', () => {
    const net = build();
    expect(() => rankSinglePointsOfFailureByArea(net, {} as never)).toThrow(/options\.coverage/);
    expect(() => rankSinglePointsOfFailureByArea(net, { coverage: { bounds: BOUNDS, availability: 0.5 } as never })).toThrow(/options\.coverage\.availability/);
    expect(() => rankSinglePointsOfFailureByArea(net, { coverage: { bounds: BOUNDS }, watchers: 'some' as never })).toThrow(/options\.watchers/);
    expect(() => rankSinglePointsOfFailureByArea(net, { coverage: { bounds: [1, 1, 0, 0] } })).toThrow(InvalidInputError);
    expect(() => rankSinglePointsOfFailureByArea(net, { coverage: { bounds: BOUNDS, threads: 0 } })).toThrow(/threads/);
    expect(() => rankSinglePointsOfFailureByArea(net, { coverage: { bounds: BOUNDS }, spof: { nodes: { camerasCut: new Uint32Array(2) } } as never })).toThrow(/options\.spof/);
  });
});

describe('coverageUnderFault', () => {
  it('is computeCoverage on the cameras that are up; node outages leave area coverage unchanged', () => {
    const net = build();
    const s = applyTargetedDamage(net, { randomUnits: 1, randomCameras: 5, seed: 3 });
    const r = coverageUnderFault(net, s, { coverage: { bounds: BOUNDS }, live: true });
    const dark = new Set<number>();
    for (let c = 0; c < net.numCameras; c++) if (s.cameraUp[c] === 0) dark.add(c);
    expect(r.camerasUp).toBe(80 - dark.size);
    expect(r.coverage.coveredArea).toBeCloseTo(computeCoverage(without(net, dark), { bounds: BOUNDS }).coveredArea, 6);
    // Live coverage: live cameras up whose node still reaches the centre (the damaged unit's node is down).
    expect(r.liveCoverage!.coveredArea).toBeCloseTo(computeCoverage(without(net, dark, true), { bounds: BOUNDS }).coveredArea, 6);
    const hubDown = coverageUnderFault(net, createFaultScenario(net, { nodesDown: ['hub-w'] }), { coverage: { bounds: BOUNDS }, live: true });
    expect(hubDown.coverage.coveredArea).toBeCloseTo(computeCoverage(net.cameras, { bounds: BOUNDS }).coveredArea, 6);
    const westCut = new Set<number>();
    for (let c = 0; c < net.numCameras; c++) if (net.nodeKeys[net.cameraNode[c]].startsWith('agg-w')) westCut.add(c);
    expect(hubDown.liveCoverage!.coveredArea).toBeCloseTo(computeCoverage(without(net, westCut, true), { bounds: BOUNDS }).coveredArea, 6);
  });

  it('throws typed errors', () => {
    const net = build();
    const s = createFaultScenario(net);
    expect(() => coverageUnderFault(net, s, {} as never)).toThrow(/options\.coverage/);
    expect(() => coverageUnderFault(net, { ...s, cameraUp: new Uint8Array(3) }, { coverage: { bounds: BOUNDS } })).toThrow(/scenario\.cameraUp\.length/);
    expect(() => coverageUnderFault(net, s, { coverage: { bounds: BOUNDS }, live: 1 as never })).toThrow(/options\.live/);
  });
});

describe('expectedCoverageUnderOutages', () => {
  it('is exact for camera-level outages (the availability weights of computeCoverage)', () => {
    const net = build();
    const r = expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, cameraAvailability: 0.7 });
    expect(r.exactness).toBe('exact');
    expect(r.coverage.coveredArea).toBeCloseTo(computeCoverage(net.cameras, { bounds: BOUNDS, availability: 0.7 }).coveredArea, 6);
  });

  it('is an upper bound when cameras share a node (two overlapping cameras on one node, by hand)', () => {
    // Two discs of radius 10 at distance 10 on one node A (availability 0.5) under a centre.
    // Exact: both are up together or down together: E = 0.5 · area(A ∪ B).
    // Weights (independent, 0.5 each): 0.5·area(A) + 0.5·area(B) − 0.25·area(A ∩ B) > exact.
    const g = createNetworkGraph();
    g.addNode('C', { kind: 'city-centre', x: 0, y: 0, storageTB: 1, analyticsStreams: 0, availability: 1 });
    g.addNode('A', { kind: 'aggregation', x: 0, y: 0, storageTB: 1, analyticsStreams: 0, availability: 0.5 });
    g.addEdge('A', 'C', { kind: 'fibre', capacityMbps: 10, latencyMs: 1, availability: 1 });
    const cameras = createCameraSet([
      { x: 50, y: 50, heading: 0, fov: 360, range: 10, live: true },
      { x: 60, y: 50, heading: 0, fov: 360, range: 10, live: true },
    ]);
    const net = createCommandNetwork(g, cameras, { cameraNode: ['A', 'A'] });
    const r = expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, live: true });
    expect(r.exactness).toBe('upper-bound');
    expect(Array.from(r.weights)).toEqual([0.5, 0.5]);
    const union = computeCoverage(cameras, { bounds: BOUNDS }).coveredArea;
    const lens = 2 * Math.PI * 100 - union; // area(A ∩ B) = area(A) + area(B) − area(A ∪ B)
    expect(r.coverage.coveredArea).toBeCloseTo(0.5 * 2 * Math.PI * 100 - 0.25 * lens, 6);
    expect(r.coverage.coveredArea).toBeGreaterThan(0.5 * union);
  });

  it('weights by district blackouts and route availability', () => {
    const net = build();
    const r = expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, districtBlackout: { west: 0.1 }, cameraAvailability: 0.9, live: true });
    for (let c = 0; c < net.numCameras; c++) {
      const key = net.nodeKeys[net.cameraNode[c]];
      const west = key.startsWith('agg-w');
      // route: point 0.8 × uplink 0.9 × hub (0.9 west, 0.95 east) × hub link 1 × centre 1
      const path = 0.8 * 0.9 * (west ? 0.9 : 0.95);
      const want = net.cameraLive[c] === 1 ? 0.9 * (west ? 0.9 : 1) * path : 0;
      expect(r.weights[c]).toBeCloseTo(want, 12);
    }
    expect(r.params.districtBlackout).toEqual({ west: 0.1 });
  });

  it('throws typed errors', () => {
    const net = build();
    expect(() => expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, cameraAvailability: 2 })).toThrow(/cameraAvailability/);
    expect(() => expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, cameraAvailability: [1] })).toThrow(/cameraAvailability\.length/);
    expect(() => expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, districtBlackout: { north: 0.1 } })).toThrow(/districtBlackout\["north"\]/);
    expect(() => expectedCoverageUnderOutages(net, { coverage: { bounds: BOUNDS }, districtBlackout: -0.1 })).toThrow(/districtBlackout/);
  });
});

describe('simulateOutageCoverage', () => {
  it('reuses the all-up coverage when no camera goes dark, and matches each sampled trial otherwise', () => {
    const net = build();
    const full = computeCoverage(net.cameras, { bounds: BOUNDS }).coveredArea;
    const a = simulateOutageCoverage(net, { coverage: { bounds: BOUNDS }, coverageTrials: 4, seed: 2 });
    expect(Array.from(a.coveredArea).every((x) => Math.abs(x - full) < 1e-6)).toBe(true);
    expect(a.reused).toBe(3);
    const opts = { coverage: { bounds: BOUNDS }, coverageTrials: 3, seed: 5, cameraAvailability: 0.6, districtBlackout: 0.3 };
    const b = simulateOutageCoverage(net, opts);
    for (let t = 0; t < 3; t++) {
      const s = sampleOutageScenario(net, opts, t);
      const dark = new Set<number>();
      for (let c = 0; c < net.numCameras; c++) if (s.cameraUp[c] === 0) dark.add(c);
      expect(b.coveredArea[t]).toBeCloseTo(computeCoverage(without(net, dark), { bounds: BOUNDS }).coveredArea, 6);
    }
    expect(JSON.stringify(simulateOutageCoverage(net, opts))).toBe(JSON.stringify(b));
    expect(b.coveredFractionSummary.n).toBe(3);
  });

  it('throws typed errors', () => {
    const net = build();
    expect(() => simulateOutageCoverage(net, { coverage: { bounds: BOUNDS }, coverageTrials: 0 })).toThrow(/coverageTrials/);
    expect(() => simulateOutageCoverage(net, {} as never)).toThrow(/options\.coverage/);
  });
});

describe('simulateDamageCoverage', () => {
  it('computes coverage for each replayable damage draw', () => {
    const net = build();
    const opts = { coverage: { bounds: BOUNDS }, randomUnits: 1, randomCameras: 6, coverageTrials: 3, seed: 11 };
    const r = simulateDamageCoverage(net, opts);
    for (let t = 0; t < 3; t++) {
      const s = applyTargetedDamage(net, { randomUnits: 1, randomCameras: 6, seed: createRng(11).stream(`damage/${t}`) });
      const dark = new Set<number>();
      for (let c = 0; c < net.numCameras; c++) if (s.cameraUp[c] === 0) dark.add(c);
      expect(r.coveredArea[t]).toBeCloseTo(computeCoverage(without(net, dark), { bounds: BOUNDS }).coveredArea, 6);
    }
    expect(r.coveredFractionSummary.n).toBe(3);
    expect(() => simulateDamageCoverage(net, { coverage: { bounds: BOUNDS }, coverageTrials: 2000 })).toThrow(/coverageTrials/);
  });
});

/**
 * Delivered live share (rule 6 of routing.ts, fair share): hand-worked small
 * trees, an independent brute force on random seeded trees (a per-camera path
 * walk over the test's own parent pointers, capacities and bitrates), and
 * properties against the connected share.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { analyseNetwork } from '../../src/network/analyse-network.js';
import { createCommandNetwork, createNetworkGraph, type CommandNetwork } from '../../src/network/command-network.js';
import { allocateAnalytics, analyticsDemandColumn, createAllocationScratch, createDeliveryBuffers, createRouting, deliverLiveStreams, routeToCentres } from '../../src/network/routing.js';
import { centreFlags } from '../../src/network/command-network.js';
import { CAPABILITY_FACE } from '../../src/cameras/camera-set.js';
import { createPreset } from '../../src/cameras/presets.js';
import { almatyNetworkOptions } from '../../src/network/network-presets.js';
import { buildHierarchicalNetwork } from '../../src/network/build-hierarchical.js';
import { createFaultScenario, evaluateFaultScenario } from '../../src/network/faults-scenario.js';
import { sampleOutageScenario, simulateOutages } from '../../src/network/faults-simulate.js';
import { cams, node, randomNetwork } from './faults-helpers.js';

/** A tree: node 0 is the centre, parent[i] < i for i ≥ 1; link i−1 is i → parent[i] with capacity capacity[i]. */
interface TreeSpec {
  parent: number[];
  capacity: number[];
  /** Per camera: its node, bitrate, live and face flags. */
  cameras: { at: number; mbps: number; live: boolean; face: boolean }[];
  centreSlots: number;
  /** The centre node (default 0). */
  root?: number;
}

function buildTree(t: TreeSpec): CommandNetwork {
  const g = createNetworkGraph();
  g.addNode('n0', node('city-centre', 1, t.centreSlots));
  for (let i = 1; i < t.parent.length; i++) g.addNode(`n${i}`, node('aggregation'));
  for (let i = 1; i < t.parent.length; i++) g.addEdge(`n${i}`, `n${t.parent[i]}`, { kind: 'fibre', capacityMbps: t.capacity[i], latencyMs: 1, availability: 1 });
  const c = cams(t.cameras.map((x) => ({ live: x.live, face: x.face })));
  return createCommandNetwork(g, c, { cameraNode: t.cameras.map((x) => `n${x.at}`), cameraMbps: t.cameras.map((x) => x.mbps) });
}

const liveCams = (at: number, n: number, mbps = 1) => Array.from({ length: n }, () => ({ at, mbps, live: true, face: false }));

describe('delivered live streams on hand-worked trees', () => {
  it('a chain of two links, the lower one overloaded ×2: the streams below it are delivered at 1/2', () => {
    // C ← H ← A. A has 4 live cameras at 1 Mbit/s on a 2 Mbit/s link (×2); H has 1 live camera; H→C 100 Mbit/s.
    // Delivered: A 4 × 1/2 = 2, H 1 × 1 = 1 → 3 of 5 cameras; connected 5 of 5.
    const net = buildTree({ parent: [0, 0, 1], capacity: [0, 100, 2], cameras: [...liveCams(2, 4), ...liveCams(1, 1)], centreSlots: 0 });
    const a = analyseNetwork(net);
    expect(a.live.liveServed).toBe(5);
    expect(a.live.deliveredStreams).toBe(3);
    expect(a.live.deliveredShare).toBe(3 / 5);
    // link 0 = H→C, link 1 = A→H
    expect(Array.from(a.links.passFraction)).toEqual([1, 0.5]);
    expect(Array.from(a.links.offeredMbps)).toEqual([3, 4]);
    expect(Array.from(a.links.passedMbps)).toEqual([3, 2]);
    expect(Array.from(a.paths.nodeDeliveredFraction)).toEqual([1, 1, 0.5]);
    expect(a.links.deliveredLiveMbps).toBe(3);
    expect(a.links.totalLiveMbps).toBe(5);
  });

  it('two overloaded links in series multiply, and the upper one sees the load the lower one passed', () => {
    // C ← H ← A. A: 4 × 1 Mbit/s on a 2 Mbit/s link → passes 2 (f = 1/2). H: 2 × 1 Mbit/s of its own.
    // H→C capacity 2: offered 2 + 2 = 4 (not the 6 of the unthinned load) → f = 1/2.
    // Delivered: A 4 × 1/2 × 1/2 = 1, H 2 × 1/2 = 1 → 2 of 6.
    const net = buildTree({ parent: [0, 0, 1], capacity: [0, 2, 2], cameras: [...liveCams(2, 4), ...liveCams(1, 2)], centreSlots: 0 });
    const a = analyseNetwork(net);
    expect(Array.from(a.links.mbps)).toEqual([6, 4]);
    expect(Array.from(a.links.offeredMbps)).toEqual([4, 4]);
    expect(Array.from(a.links.passFraction)).toEqual([0.5, 0.5]);
    expect(Array.from(a.paths.nodeDeliveredFraction)).toEqual([1, 0.5, 0.25]);
    expect(a.live.deliveredStreams).toBe(2);
    expect(a.live.liveShare).toBe(1);
    expect(a.live.deliveredShare).toBe(2 / 6);
  });

  it('a branch where only one child is over capacity thins only that child', () => {
    // C ← H ← {A, B}. A: 4 × 1 Mbit/s on 2 Mbit/s (f = 1/2); B: 3 × 1 Mbit/s on 100. H→C 100.
    // Delivered: A 2, B 3 → 5 of 7.
    const net = buildTree({ parent: [0, 0, 1, 1], capacity: [0, 100, 2, 100], cameras: [...liveCams(2, 4), ...liveCams(3, 3)], centreSlots: 0 });
    const a = analyseNetwork(net);
    expect(Array.from(a.links.passFraction)).toEqual([1, 0.5, 1]);
    expect(Array.from(a.paths.nodeDeliveredFraction)).toEqual([1, 1, 0.5, 1]);
    expect(a.live.deliveredStreams).toBe(5);
    expect(a.live.deliveredShare).toBe(5 / 7);
  });

  it('counts only served streams (rule 4) and thins a link below an overloaded one back under capacity', () => {
    // The network of analyse-network.test.ts: A→H 3 of 2 Mbit/s (f = 2/3, passes 2); B→H 8 of 100;
    // H→C unthinned 11 of 10, but offered 2 + 8 = 10 ≤ 10 → f = 1. B's face camera got no analytics slot
    // (shortfall 1), so B serves 0 streams. Delivered: A 3 × 2/3 = 2 → 2 of 5 = 0.4 (connected 0.6).
    const g = createNetworkGraph();
    g.addNode('C', node('city-centre', 1, 1));
    g.addNode('H', node('district-hub'));
    g.addNode('A', node('aggregation'));
    g.addNode('B', node('aggregation'));
    g.addEdge('H', 'C', { kind: 'fibre', capacityMbps: 10, latencyMs: 2, availability: 1 });
    g.addEdge('A', 'H', { kind: 'lte', capacityMbps: 2, latencyMs: 3, availability: 1 });
    g.addEdge('B', 'H', { kind: 'fibre', capacityMbps: 100, latencyMs: 1, availability: 1 });
    const c = cams([{ live: true, face: true }, { live: true }, { live: true }, { live: true, face: true }, { live: false }]);
    const net = createCommandNetwork(g, c, { cameraNode: ['A', 'A', 'A', 'B', 'B'], cameraMbps: [1, 1, 1, 8, 8] });
    const a = analyseNetwork(net);
    expect(a.live.liveShare).toBeCloseTo(0.6, 15);
    expect(Array.from(a.links.overloaded)).toEqual([1, 0]);
    expect(a.links.passFraction[0]).toBe(1);
    expect(a.links.passFraction[1]).toBeCloseTo(2 / 3, 15);
    expect(a.links.passedMbps[0]).toBe(10);
    expect(a.live.deliveredStreams).toBeCloseTo(2, 14);
    expect(a.live.deliveredShare).toBeCloseTo(0.4, 14);
    expect(a.links.deliveredLiveMbps).toBe(10);
  });
});

/** Random tree with some tight links; face cameras compete for a few analytics slots. */
function randomTree(seed: number): TreeSpec {
  const rng = createRng(seed);
  const n = 2 + rng.int(12);
  const parent = [0];
  const capacity = [0];
  for (let i = 1; i < n; i++) {
    parent.push(rng.int(i));
    capacity.push(rng.next() < 0.5 ? 0.5 + 4 * rng.next() : 10 + 40 * rng.next());
  }
  const cameras: TreeSpec['cameras'] = [];
  for (let i = 0; i < n; i++) {
    const k = rng.int(5);
    for (let j = 0; j < k; j++) cameras.push({ at: i, mbps: 0.2 + 3 * rng.next(), live: rng.next() < 0.7, face: rng.next() < 0.3 });
  }
  if (cameras.length === 0) cameras.push({ at: n - 1, mbps: 1, live: true, face: false });
  return { parent, capacity, cameras, centreSlots: rng.int(4) };
}

/**
 * Independent brute force: offered load and pass fraction of each link level
 * by level (deepest first), each camera walking its own path; analytics
 * greedily by node index (rule 3) to know each node's served count.
 * `parent[v]` is v's next hop (−1 where it has none), `capacity[v]` its uplink's capacity.
 */
function bruteForce(t: TreeSpec): { connected: number; delivered: number; anyServedOverloaded: boolean; anyOver: boolean } {
  const n = t.parent.length;
  const root = t.root ?? 0;
  const up = (v: number) => (v === root ? -1 : t.parent[v]);
  const depth = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) for (let u = v; up(u) >= 0; u = up(u)) depth[v]++;
  const maxDepth = Math.max(0, ...depth);
  // pass[v] = pass fraction of node v's uplink
  const pass = new Array<number>(n).fill(1);
  const offered = new Array<number>(n).fill(0);
  for (let d = maxDepth; d >= 1; d--) {
    for (const cam of t.cameras) {
      if (!cam.live) continue;
      let share = 1;
      for (let u = cam.at; up(u) >= 0; u = up(u)) {
        if (depth[u] === d) {
          offered[u] += cam.mbps * share;
          break;
        }
        share *= pass[u];
      }
    }
    for (let v = 0; v < n; v++) if (depth[v] === d && offered[v] > t.capacity[v]) pass[v] = t.capacity[v] / offered[v];
  }
  const pathShare = (v: number) => {
    let s = 1;
    for (let u = v; up(u) >= 0; u = up(u)) s *= pass[u];
    return s;
  };
  // Every live camera walks its path; then the streams refused analytics (rule 4) are taken off at their node's share.
  let delivered = 0;
  const liveAt = new Array<number>(n).fill(0);
  const faceAt = new Array<number>(n).fill(0);
  for (const c of t.cameras) {
    if (!c.live) continue;
    delivered += pathShare(c.at);
    liveAt[c.at]++;
    if (c.face) faceAt[c.at]++;
  }
  let left = t.centreSlots;
  let connected = 0;
  let anyServedOverloaded = false;
  for (let v = 0; v < n; v++) {
    const got = Math.min(faceAt[v], left);
    left -= got;
    const served = liveAt[v] - (faceAt[v] - got);
    connected += served;
    delivered -= (faceAt[v] - got) * pathShare(v);
    if (served > 0 && pathShare(v) < 1) anyServedOverloaded = true;
  }
  return { connected, delivered, anyServedOverloaded, anyOver: pass.some((p) => p < 1) };
}

describe('delivered live streams against an independent brute force', () => {
  it('matches a per-camera path walk on 300 random seeded trees, and delivered ≤ connected', () => {
    let sawOver = 0;
    let sawStrict = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const t = randomTree(seed);
      const want = bruteForce(t);
      const net = buildTree(t);
      const a = analyseNetwork(net);
      expect(a.live.liveServed, `seed ${seed}`).toBe(want.connected);
      expect(a.live.deliveredStreams, `seed ${seed}`).toBeCloseTo(want.delivered, 10);
      expect(a.live.deliveredStreams).toBeLessThanOrEqual(a.live.liveServed + 1e-9);
      expect(a.live.deliveredShare).toBeLessThanOrEqual(a.live.liveShare + 1e-12);
      if (want.anyServedOverloaded) {
        sawStrict++;
        expect(a.live.deliveredStreams, `seed ${seed}`).toBeLessThan(a.live.liveServed);
      } else {
        expect(a.live.deliveredStreams, `seed ${seed}`).toBeCloseTo(a.live.liveServed, 12);
      }
      if (want.anyOver) sawOver++;
      for (let l = 0; l < net.numLinks; l++) {
        expect(a.links.passedMbps[l]).toBeLessThanOrEqual(net.linkCapacityMbps[l] * (1 + 1e-12));
        expect(a.links.passedMbps[l]).toBeCloseTo(a.links.offeredMbps[l] * a.links.passFraction[l], 9);
      }
    }
    // The generator exercises both cases.
    expect(sawOver).toBeGreaterThan(50);
    expect(sawStrict).toBeGreaterThan(50);
  });
});

describe('delivered against connected: properties', () => {
  it('equals the connected count when no link is over capacity (same trees, capacities raised)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const t = randomTree(seed);
      const a = analyseNetwork(buildTree({ ...t, capacity: t.capacity.map(() => 1e6) }));
      expect(a.links.overloaded.length).toBe(0);
      expect(a.live.deliveredStreams, `seed ${seed}`).toBe(a.live.liveServed);
      expect(a.live.deliveredShare).toBe(a.live.liveShare);
      expect(a.links.deliveredLiveMbps).toBeCloseTo(a.links.totalLiveMbps, 9);
    }
  });

  it('stays at or below the connected count on networks with redundant links (routing picks one path per node)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const net = randomNetwork(seed, 8);
      const a = analyseNetwork(net);
      expect(a.live.deliveredStreams).toBeLessThanOrEqual(a.live.liveServed + 1e-9);
      // 100 Mbit/s links and 1 Mbit/s cameras: nothing is over capacity, so nothing is thinned.
      expect(a.live.deliveredStreams).toBe(a.live.liveServed);
    }
  });

  it('is what deliverLiveStreams gives on a routing with a link down (the kernel, without analyseNetwork)', () => {
    // C ← H ← {A, B} as in the branch case; with H→C down nothing is delivered; with A→H down only B (3 streams).
    const net = buildTree({ parent: [0, 0, 1, 1], capacity: [0, 100, 2, 100], cameras: [...liveCams(2, 4), ...liveCams(3, 3)], centreSlots: 0 });
    const routing = createRouting(net);
    const scratch = createAllocationScratch(net);
    const demand = analyticsDemandColumn(net, 'face');
    const out = createDeliveryBuffers(net);
    const centres = centreFlags(net);
    const run = (linkUp: number[]) => {
      routeToCentres(net, centres, null, Uint8Array.from(linkUp), routing);
      allocateAnalytics(net, routing, demand, scratch);
      return deliverLiveStreams(net, routing, demand, scratch, out);
    };
    expect(run([1, 1, 1])).toBe(5);
    expect(run([0, 1, 1])).toBe(0);
    expect(Array.from(out.nodeDeliveredFraction)).toEqual([1, 0, 0, 0]);
    expect(run([1, 0, 1])).toBe(3);
  });
});

describe('the Almaty preset network', () => {
  it('delivers fewer streams than it connects, as the independent path walk over its 128,000 cameras says', () => {
    const p = createPreset('almaty');
    const net = buildHierarchicalNetwork(p.cameras, p.city, almatyNetworkOptions());
    const a = analyseNetwork(net);
    // The walk's inputs, read straight from the network's columns: each node's one uplink (a tree), capacities, bitrates.
    const centre = net.nodeIndex.get('centre-0')!;
    const parent: number[] = [];
    const capacity: number[] = [];
    for (let v = 0; v < net.numNodes; v++) {
      const hasUp = net.upStart[v + 1] > net.upStart[v];
      parent.push(hasUp ? net.linkTarget[net.upLinks[net.upStart[v]]] : -1);
      capacity.push(hasUp ? net.linkCapacityMbps[net.upLinks[net.upStart[v]]] : Infinity);
    }
    const cameras = Array.from({ length: net.numCameras }, (_, c) => ({ at: net.cameraNode[c], mbps: net.cameraMbps[c], live: net.cameraLive[c] === 1, face: (p.cameras.capabilities[c] & CAPABILITY_FACE) !== 0 }));
    const want = bruteForce({ parent, capacity, cameras, centreSlots: net.nodeAnalyticsStreams[centre], root: centre });
    expect(a.live.liveServed).toBe(53_000);
    expect(want.connected).toBe(53_000);
    expect(a.live.deliveredStreams).toBeCloseTo(want.delivered, 6);
    expect(a.links.overloaded.length).toBeGreaterThan(0);
    expect(a.live.deliveredStreams).toBeLessThan(a.live.liveServed);
    expect(a.live.deliveredShare).toBeCloseTo(want.delivered / 128_000, 12);
  }, 60_000);
});

describe('delivered live share under faults', () => {
  it('all up, evaluateFaultScenario delivers what analyseNetwork does; a dark camera no longer loads its link', () => {
    // Chain C ← H ← A: A's 4 live cameras (1 Mbit/s) on a 2 Mbit/s link, H's 1 camera. Camera 0 (at A) dark:
    // A offers 3 on 2 → f = 2/3, A delivers 3 × 2/3 = 2, H 1 → 3 of the 5 cameras (the dark one stays in the denominator).
    const net = buildTree({ parent: [0, 0, 1], capacity: [0, 100, 2], cameras: [...liveCams(2, 4), ...liveCams(1, 1)], centreSlots: 0 });
    const all = evaluateFaultScenario(net, createFaultScenario(net, {}));
    expect(all.deliveredStreams).toBe(analyseNetwork(net).live.deliveredStreams);
    expect(all.deliveredShare).toBe(3 / 5);
    const dark = evaluateFaultScenario(net, createFaultScenario(net, { camerasDown: [0] }));
    expect(dark.live.liveServed).toBe(4);
    expect(dark.deliveredStreams).toBeCloseTo(3, 14);
    expect(dark.deliveredShare).toBeCloseTo(3 / 5, 14);
    // The link A→H down: only H's camera is delivered.
    expect(evaluateFaultScenario(net, createFaultScenario(net, { linksDown: [1] })).deliveredStreams).toBe(1);
  });

  it('each outage trial matches the brute force on the cameras and links left up, and stays at or below the connected share', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const t = randomTree(seed);
      // Links fail too: give them an availability below 1.
      const g = createNetworkGraph();
      g.addNode('n0', node('city-centre', 1, t.centreSlots));
      for (let i = 1; i < t.parent.length; i++) g.addNode(`n${i}`, node('aggregation', 0.9));
      for (let i = 1; i < t.parent.length; i++) g.addEdge(`n${i}`, `n${t.parent[i]}`, { kind: 'fibre', capacityMbps: t.capacity[i], latencyMs: 1, availability: 0.8 });
      const net = createCommandNetwork(g, cams(t.cameras.map((x) => ({ live: x.live, face: x.face }))), { cameraNode: t.cameras.map((x) => `n${x.at}`), cameraMbps: t.cameras.map((x) => x.mbps) });
      const options = { trials: 20, seed, cameraAvailability: 0.7 };
      const sim = simulateOutages(net, options);
      expect(sim.baselineDeliveredShare).toBe(analyseNetwork(net).live.deliveredShare);
      for (let k = 0; k < 20; k++) {
        const d = sim.trials!.deliveredShare[k];
        expect(d).toBeLessThanOrEqual(sim.trials!.liveShare[k] + 1e-12);
        // Independent: drop dark cameras, cut every node whose path meets a node or link that is down.
        const s = sampleOutageScenario(net, options, k);
        const cut = (v: number): boolean => {
          for (let u = v; u !== 0; u = t.parent[u]) if (s.nodeUp[u] === 0 || s.linkUp[u - 1] === 0) return true;
          return s.nodeUp[0] === 0;
        };
        const kept = t.cameras.filter((c, i) => s.cameraUp[i] === 1 && !cut(c.at));
        const want = bruteForce({ ...t, cameras: kept });
        expect(d * t.cameras.length, `seed ${seed} trial ${k}`).toBeCloseTo(want.delivered, 9);
      }
    }
  });
});

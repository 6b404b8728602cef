import { describe, expect, it } from 'vitest';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { createRng } from '../../src/core/random.js';
import { centreFlags, createCommandNetwork, createNetworkGraph, NODE_KINDS, type CommandNetwork } from '../../src/network/command-network.js';
import {
  allocateAnalytics,
  analyticsDemandColumn,
  createAllocationScratch,
  createRouting,
  routeToCentres,
  routeTraffic,
} from '../../src/network/routing.js';

const node = (kind: (typeof NODE_KINDS)[number], analyticsStreams = 0) => ({ kind, x: 0, y: 0, storageTB: 1, analyticsStreams, availability: 1 });
const link = (latencyMs = 1, capacityMbps = 100) => ({ kind: 'fibre' as const, capacityMbps, latencyMs, availability: 1 });

/** Cameras with chosen live/face flags; resolution 1000 px so that bitrates are simple. */
function cameraSet(flags: { live: boolean; face: boolean }[]) {
  return createCameraSet(flags.map((f, i): CameraInput => ({ x: i, y: 0, heading: 0, fov: 90, range: 10, live: f.live, capabilities: f.face ? ['face'] : [] })));
}

describe('routeToCentres on a hand-built network', () => {
  // Nodes: 0 centre C (2 analytics slots), 1 hub H, 2 agg A, 3 agg B, 4 agg D (redundant: D -> H and D -> C).
  // Links: 0: H->C (lat 2), 1: A->H (lat 3), 2: B->H (lat 4), 3: D->H (lat 1), 4: D->C (lat 10).
  // Working out by hand:
  //   hops: C 0, H 1 (via link 0), D 1 (via link 4, direct to C: fewer hops than via H), A 2, B 2.
  //   latency: H 2, D 10 (route latency, not the least latency 3 via H), A 2+3 = 5, B 2+4 = 6.
  // Cameras: A has 2 live face + 1 record-only; B has 1 live face + 1 live plain; D has 1 live face.
  //   Analytics demand (face): A 2, B 1, D 1 = 4 > 2 slots. Node index order: A (index 2) takes 2, B and D get none.
  //   Shortfall 2; live cameras 5; liveServed = 5 − 2 = 3; liveShare = 3 / 7.
  function build(): CommandNetwork {
    const g = createNetworkGraph();
    g.addNode('C', node('city-centre', 2));
    g.addNode('H', node('district-hub'));
    g.addNode('A', node('aggregation'));
    g.addNode('B', node('aggregation'));
    g.addNode('D', node('aggregation'));
    g.addEdge('H', 'C', link(2));
    g.addEdge('A', 'H', link(3));
    g.addEdge('B', 'H', link(4));
    g.addEdge('D', 'H', link(1));
    g.addEdge('D', 'C', link(10));
    const cams = cameraSet([
      { live: true, face: true },
      { live: true, face: true },
      { live: false, face: false },
      { live: true, face: true },
      { live: true, face: false },
      { live: true, face: true },
      { live: false, face: true },
    ]);
    return createCommandNetwork(g, cams, { cameraNode: ['A', 'A', 'A', 'B', 'B', 'D', 'D'], cameraMbps: [1, 1, 1, 1, 1, 1, 1] });
  }

  it('routes by fewest hops and sums route latency', () => {
    const net = build();
    const r = routeToCentres(net, centreFlags(net), null, null, createRouting(net));
    expect(Array.from(r.hops)).toEqual([0, 1, 2, 2, 1]);
    expect(Array.from(r.nextLink)).toEqual([-1, 0, 1, 2, 4]);
    expect(Array.from(r.latencyMs)).toEqual([0, 2, 5, 6, 10]);
    expect(r.numReached).toBe(5);
  });

  it('allocates analytics in node index order and counts the live share', () => {
    const net = build();
    const r = routeToCentres(net, centreFlags(net), null, null, createRouting(net));
    const s = createAllocationScratch(net);
    const c = allocateAnalytics(net, r, analyticsDemandColumn(net, 'face'), s);
    expect(c).toMatchObject({ liveCameras: 5, liveReached: 5, analyticsDemand: 4, analyticsServed: 2, analyticsShortfall: 2, liveServed: 3 });
    expect(c.liveShare).toBeCloseTo(3 / 7, 15);
    expect(Array.from(s.served)).toEqual([0, 0, 2, 0, 0]);
  });

  it('sends traffic along the routes', () => {
    // live Mbps per node: A 2, B 2, D 1. Link 1 (A->H) 2, link 2 (B->H) 2, link 0 (H->C) 4, link 4 (D->C) 1, link 3 unused.
    const net = build();
    const r = routeToCentres(net, centreFlags(net), null, null, createRouting(net));
    expect(Array.from(routeTraffic(net, r, new Float64Array(5), new Float64Array(5)))).toEqual([4, 2, 2, 0, 1]);
  });

  it('fails over to the redundant link and cuts off nodes behind a failed hub', () => {
    const net = build();
    // H down: A and B lose their route; D still reaches C directly.
    const r = routeToCentres(net, centreFlags(net), new Uint8Array([1, 0, 1, 1, 1]), null, createRouting(net));
    expect(Array.from(r.hops)).toEqual([0, -1, -1, -1, 1]);
    // link D->C down: D goes through H (2 hops, latency 1 + 2 = 3).
    const r2 = routeToCentres(net, centreFlags(net), null, new Uint8Array([1, 1, 1, 1, 0]), createRouting(net));
    expect(r2.hops[4]).toBe(2);
    expect(r2.latencyMs[4]).toBe(3);
    const c = allocateAnalytics(net, r, analyticsDemandColumn(net, 'live'), createAllocationScratch(net));
    // only D's camera 5 is reached: demand 1 (live), served 1; A's and B's 4 live cameras unreached (analytics demand 2 + 2 = 4).
    expect(c).toMatchObject({ liveReached: 1, liveServed: 1, analyticsDemand: 1, analyticsUnreached: 4, camerasReached: 2 });
  });
});

describe('routing against brute force on small random networks', () => {
  /** Every simple path from u over working links/nodes; returns the minimum hops to each working centre (Infinity if none). */
  function bruteHops(net: CommandNetwork, centres: Uint8Array, nodeUp: Uint8Array, linkUp: Uint8Array, u: number): number[] {
    const best = new Array(net.numNodes).fill(Infinity);
    const onPath = new Uint8Array(net.numNodes);
    const walk = (v: number, h: number): void => {
      if (centres[v] && h < best[v]) best[v] = h;
      onPath[v] = 1;
      for (let l = 0; l < net.numLinks; l++) {
        if (net.linkSource[l] !== v || !linkUp[l]) continue;
        const w = net.linkTarget[l];
        if (onPath[w] || !nodeUp[w]) continue;
        walk(w, h + 1);
      }
      onPath[v] = 0;
    };
    if (nodeUp[u]) walk(u, 0);
    return best;
  }

  it('agrees on reach, hops, centre (lowest index among the nearest), latency, live share and traffic', () => {
    const rng = createRng('routing-brute');
    for (let trial = 0; trial < 150; trial++) {
      const n = 2 + rng.int(8);
      const g = createNetworkGraph();
      for (let v = 0; v < n; v++) {
        const kind = rng.next() < 0.25 ? 'city-centre' : NODE_KINDS[rng.int(4)];
        g.addNode(`n${v}`, { kind, x: 0, y: 0, storageTB: 0, analyticsStreams: rng.int(4), availability: 1 });
      }
      // random directed links, cycles allowed
      for (let k = 0; k < n * 2; k++) {
        const s = rng.int(n);
        const t = rng.int(n);
        if (s !== t && !g.hasEdge(`n${s}`, `n${t}`)) g.addEdge(`n${s}`, `n${t}`, link(rng.int(10), 1 + rng.int(5)));
      }
      const numCams = rng.int(25);
      const flags = Array.from({ length: numCams }, () => ({ live: rng.next() < 0.6, face: rng.next() < 0.5 }));
      const cameraNode = flags.map(() => rng.int(n));
      const mbps = flags.map(() => rng.int(5));
      const net = createCommandNetwork(g, cameraSet(flags), { cameraNode, cameraMbps: mbps });
      const centres = centreFlags(net);
      const nodeUp = Uint8Array.from({ length: n }, () => (rng.next() < 0.8 ? 1 : 0));
      const linkUp = Uint8Array.from({ length: net.numLinks }, () => (rng.next() < 0.8 ? 1 : 0));
      const r = routeToCentres(net, centres, nodeUp, linkUp, createRouting(net));
      for (let u = 0; u < n; u++) {
        const best = bruteHops(net, centres, nodeUp, linkUp, u);
        const min = Math.min(...best);
        if (min === Infinity) {
          expect(r.hops[u]).toBe(-1);
          expect(r.centre[u]).toBe(-1);
          continue;
        }
        expect(r.hops[u]).toBe(min);
        expect(r.centre[u]).toBe(best.indexOf(min));
        // the nextLink chain is a working path of that many hops ending at the centre, with that latency
        let v = u;
        let lat = 0;
        for (let h = 0; h < min; h++) {
          const l = r.nextLink[v];
          expect(net.linkSource[l]).toBe(v);
          expect(linkUp[l]).toBe(1);
          lat += net.linkLatencyMs[l];
          v = net.linkTarget[l];
          expect(nodeUp[v]).toBe(1);
        }
        expect(v).toBe(r.centre[u]);
        expect(r.latencyMs[u]).toBe(lat);
      }
      // live share, camera by camera (nodes in index order, cameras in id order within a node)
      const left = Array.from(net.nodeAnalyticsStreams);
      let liveServed = 0;
      let shortfall = 0;
      for (let u = 0; u < n; u++) {
        for (let c = 0; c < numCams; c++) {
          if (cameraNode[c] !== u || !flags[c].live || r.hops[u] < 0) continue;
          if (!flags[c].face) liveServed++;
          else if (left[r.centre[u]] > 0) {
            left[r.centre[u]]--;
            liveServed++;
          } else shortfall++;
        }
      }
      const counts = allocateAnalytics(net, r, analyticsDemandColumn(net), createAllocationScratch(net));
      expect(counts.liveServed).toBe(liveServed);
      expect(counts.analyticsShortfall).toBe(shortfall);
      // traffic: walk each camera's route
      const expected = new Float64Array(net.numLinks);
      for (let c = 0; c < numCams; c++) {
        if (!flags[c].live) continue;
        for (let v = cameraNode[c]; r.hops[v] > 0; v = net.linkTarget[r.nextLink[v]]) expected[r.nextLink[v]] += mbps[c];
      }
      expect(Array.from(routeTraffic(net, r, new Float64Array(net.numLinks), new Float64Array(n)))).toEqual(Array.from(expected));
    }
  });
});

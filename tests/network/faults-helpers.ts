/** Small networks for the fault tests. */
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { createRng } from '../../src/core/random.js';
import { createCommandNetwork, createNetworkGraph, type CommandNetwork, type NodeKind } from '../../src/network/command-network.js';

export const node = (kind: NodeKind, availability = 1, analyticsStreams = 0, districtId?: string) => ({
  kind,
  x: 0,
  y: 0,
  storageTB: 1,
  analyticsStreams,
  availability,
  ...(districtId ? { districtId } : {}),
});
export const link = (availability = 1) => ({ kind: 'fibre' as const, capacityMbps: 100, latencyMs: 1, availability });

/** Cameras with live / face flags at given positions. */
export function cams(spec: { live: boolean; face?: boolean; x?: number; y?: number; heading?: number; range?: number; fov?: number }[]) {
  return createCameraSet(
    spec.map((s, i): CameraInput => ({
      x: s.x ?? i * 100,
      y: s.y ?? 0,
      heading: s.heading ?? 0,
      fov: s.fov ?? 90,
      range: s.range ?? 10,
      live: s.live,
      capabilities: s.face ? ['face'] : [],
    })),
  );
}

/**
 * Hand-worked network:
 *   C (city-centre, 10 slots, avail 1) <- H (hub, avail 0.9, district "d1") <- A (agg, avail 0.8, "d1") via link A->H (avail 0.5)
 *                                                                          <- B (agg, avail 1, "d2") via link B->H (avail 1)
 *   link H->C avail 1.
 * Cameras: A: 2 live; B: 1 live + 1 record-only. 4 cameras.
 * Expected live served = 2 · P(A, A->H, H up) + 1 · P(H up) = 2 · 0.8 · 0.5 · 0.9 + 0.9 = 1.62; liveShare = 1.62 / 4 = 0.405.
 */
export function handNetwork(): CommandNetwork {
  const g = createNetworkGraph();
  g.addNode('C', node('city-centre', 1, 10));
  g.addNode('H', node('district-hub', 0.9, 0, 'd1'));
  g.addNode('A', node('aggregation', 0.8, 0, 'd1'));
  g.addNode('B', node('aggregation', 1, 0, 'd2'));
  g.addEdge('H', 'C', link(1));
  g.addEdge('A', 'H', link(0.5));
  g.addEdge('B', 'H', link(1));
  const c = cams([{ live: true }, { live: true }, { live: true }, { live: false }]);
  return createCommandNetwork(g, c, { cameraNode: ['A', 'A', 'B', 'B'], cameraMbps: [1, 1, 1, 1] });
}

/**
 * A small random DAG: 1 centre (node 0), then nodes 1..n-1 each linking to one
 * or two earlier nodes; random availabilities; 2–4 cameras per non-centre node.
 */
export function randomNetwork(seed: number, n = 5, centreSlots = 3): CommandNetwork {
  const rng = createRng(seed);
  const g = createNetworkGraph();
  g.addNode('n0', node('city-centre', 0.5 + 0.5 * rng.next(), centreSlots));
  for (let i = 1; i < n; i++) g.addNode(`n${i}`, node('aggregation', 0.3 + 0.7 * rng.next(), 0, i % 2 ? 'odd' : 'even'));
  for (let i = 1; i < n; i++) {
    const p = rng.int(i);
    g.addEdge(`n${i}`, `n${p}`, link(0.3 + 0.7 * rng.next()));
    if (i > 1 && rng.next() < 0.4) {
      const q = rng.int(i);
      if (q !== p) g.addEdge(`n${i}`, `n${q}`, link(0.3 + 0.7 * rng.next()));
    }
  }
  const spec: { live: boolean; face: boolean }[] = [];
  const at: string[] = [];
  for (let i = 1; i < n; i++) {
    const k = 2 + rng.int(3);
    for (let j = 0; j < k; j++) {
      spec.push({ live: rng.next() < 0.7, face: rng.next() < 0.5 });
      at.push(`n${i}`);
    }
  }
  return createCommandNetwork(g, cams(spec), { cameraNode: at, cameraMbps: new Float64Array(spec.length).fill(1) });
}

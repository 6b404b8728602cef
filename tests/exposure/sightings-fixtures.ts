/**
 * Hand-built street networks, exposure profiles and trips for the sightings
 * tests (plain typed arrays, as the interfaces in src/mobility/trip-set.ts and
 * src/exposure/street-exposure-profile.ts define them).
 */
import type { StreetNetwork } from '../../src/mobility/street-network.js';
import type { TripSet } from '../../src/mobility/trip-set.js';
import type { StreetExposureProfile } from '../../src/exposure/street-exposure-profile.js';
import { createCameraSet, type CameraCapability } from '../../src/cameras/camera-set.js';
import { createRng } from '../../src/core/random.js';

/** A network from node coordinates and edges (CSR built here). */
export function makeNetwork(xy: [number, number][], edges: [number, number][]): StreetNetwork {
  const n = xy.length;
  const m = edges.length;
  const x = Float64Array.from(xy.map((p) => p[0]));
  const y = Float64Array.from(xy.map((p) => p[1]));
  const edgeSource = Uint32Array.from(edges.map((e) => e[0]));
  const edgeTarget = Uint32Array.from(edges.map((e) => e[1]));
  const edgeLength = Float64Array.from(edges.map(([a, b]) => Math.hypot(x[b] - x[a], y[b] - y[a])));
  const lists: number[][] = Array.from({ length: n }, () => []);
  edges.forEach(([a, b], e) => {
    lists[a].push(2 * e);
    lists[b].push(2 * e + 1);
  });
  const starts = new Uint32Array(n + 1);
  const outArcs: number[] = [];
  const neighbors: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const a of lists[i]) {
      outArcs.push(a);
      const e = a >> 1;
      neighbors.push(a & 1 ? edgeSource[e] : edgeTarget[e]);
    }
    starts[i + 1] = outArcs.length;
  }
  return {
    numNodes: n, numEdges: m, nodeKeys: xy.map((_, i) => String(i)), x, y, edgeSource, edgeTarget, edgeLength,
    edgeClass: new Uint8Array(m), starts, outArcs: Uint32Array.from(outArcs), neighbors: Uint32Array.from(neighbors),
  };
}

export interface Entry { edge: number; camera: number; level: number; s0: number; s1: number; frontalUntil?: number; frontalFrom?: number }

/** A profile from a list of entries (sorted here by edge, level, camera, s0); levels as PROFILE_LEVELS indices. */
export function makeProfile(numEdges: number, entries: Entry[], levels = [0, 4], numCameras?: number): StreetExposureProfile {
  const sorted = [...entries].sort((a, b) => a.edge - b.edge || a.level - b.level || a.camera - b.camera || a.s0 - b.s0);
  const entryStart = new Uint32Array(numEdges + 1);
  for (const e of sorted) entryStart[e.edge + 1]++;
  for (let i = 0; i < numEdges; i++) entryStart[i + 1] += entryStart[i];
  const observedLength = new Float64Array(levels.length * numEdges);
  return {
    numEdges,
    levels,
    entryStart,
    camera: Uint32Array.from(sorted.map((e) => e.camera)),
    level: Uint8Array.from(sorted.map((e) => e.level)),
    s0: Float64Array.from(sorted.map((e) => e.s0)),
    s1: Float64Array.from(sorted.map((e) => e.s1)),
    frontalUntil: Float64Array.from(sorted.map((e) => e.frontalUntil ?? -Infinity)),
    frontalFrom: Float64Array.from(sorted.map((e) => e.frontalFrom ?? Infinity)),
    observedLength,
    params: { levels: ['range', 'identify'], occlusion: false, faceAngle: 60, numCameras: numCameras ?? 0, cameras: null },
  };
}

/** Cameras with the given capabilities (positions irrelevant to the hand-built profiles). */
export function makeCameras(caps: CameraCapability[][]) {
  return createCameraSet(caps.map((c, i) => ({ x: i, y: 0, heading: 0, fov: 90, range: 50, capabilities: c })));
}

export interface TripSpec { person: number; day?: number; mode: number; departure?: number; speed?: number; arcs: number[] }

/** A TripSet from trip specs (length from the network). */
export function makeTrips(net: StreetNetwork, specs: TripSpec[]): TripSet {
  const n = specs.length;
  const pathStart = new Uint32Array(n + 1);
  const arcs: number[] = [];
  specs.forEach((s, t) => {
    arcs.push(...s.arcs);
    pathStart[t + 1] = arcs.length;
  });
  return {
    numTrips: n,
    person: Uint32Array.from(specs.map((s) => s.person)),
    day: Uint16Array.from(specs.map((s) => s.day ?? 0)),
    mode: Uint8Array.from(specs.map((s) => s.mode)),
    purpose: new Uint8Array(n),
    departure: Float64Array.from(specs.map((s) => s.departure ?? 0)),
    speed: Float32Array.from(specs.map((s) => s.speed ?? 1)),
    length: Float64Array.from(specs.map((s) => s.arcs.reduce((a, arc) => a + net.edgeLength[arc >> 1], 0))),
    pathStart,
    pathArcs: Uint32Array.from(arcs),
  };
}

/**
 * A random grid network (w × h nodes, spacing 100 m), a random profile with
 * nested levels (identify stretches inside range stretches, per camera per
 * edge disjoint stretches, some ending exactly at nodes so that merging across
 * arcs happens), and random-walk trips.
 */
export function randomCase(seed: number, numCameras = 12, numTrips = 40) {
  const rng = createRng(seed);
  const w = 5, h = 4;
  const xy: [number, number][] = [];
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) xy.push([i * 100, j * 100]);
  const edges: [number, number][] = [];
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
    if (i + 1 < w) edges.push([j * w + i, j * w + i + 1]);
    if (j + 1 < h) edges.push([j * w + i, (j + 1) * w + i]);
  }
  const net = makeNetwork(xy, edges);
  const entries: Entry[] = [];
  for (let e = 0; e < net.numEdges; e++) {
    for (let c = 0; c < numCameras; c++) {
      if (rng.next() < 0.75) continue;
      // 1 or 2 disjoint stretches; ends snapped to the nodes sometimes.
      const cuts = [rng.uniform(0, 100), rng.uniform(0, 100), rng.uniform(0, 100), rng.uniform(0, 100)].sort((a, b) => a - b);
      if (rng.next() < 0.4) cuts[0] = 0;
      if (rng.next() < 0.4) cuts[3] = 100;
      const pieces = rng.next() < 0.5 ? [[cuts[0], cuts[3]]] : [[cuts[0], cuts[1]], [cuts[2], cuts[3]]];
      for (const [a, b] of pieces) {
        if (!(b > a)) continue;
        entries.push({ edge: e, camera: c, level: 0, s0: a, s1: b });
        if (rng.next() < 0.6) {
          const u = a + (b - a) * rng.uniform(0, 0.5);
          const v = u + (b - u) * rng.uniform(0.2, 1);
          if (v > u) entries.push({ edge: e, camera: c, level: 4, s0: u, s1: v, frontalUntil: rng.uniform(-50, 150), frontalFrom: rng.uniform(-50, 150) });
        }
      }
    }
  }
  const profile = makeProfile(net.numEdges, entries, [0, 4], numCameras);
  const capsList: CameraCapability[][] = [];
  for (let c = 0; c < numCameras; c++) capsList.push(c % 3 === 0 ? ['face'] : c % 3 === 1 ? ['plate'] : []);
  const cameras = makeCameras(capsList);
  const specs: TripSpec[] = [];
  for (let t = 0; t < numTrips; t++) {
    let node = rng.int(net.numNodes);
    const arcs: number[] = [];
    const len = 1 + rng.int(12);
    for (let k = 0; k < len; k++) {
      const deg = net.starts[node + 1] - net.starts[node];
      const pos = net.starts[node] + rng.int(deg);
      arcs.push(net.outArcs[pos]);
      node = net.neighbors[pos];
    }
    specs.push({ person: rng.int(8), day: rng.int(2), mode: rng.int(2), departure: rng.uniform(0, 86400), speed: rng.uniform(1, 15), arcs });
  }
  return { net, profile, cameras, trips: makeTrips(net, specs), entries };
}

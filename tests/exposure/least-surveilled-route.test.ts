import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import {
  buildStreetNetwork,
  computeStreetExposureProfile,
  createCameraSet,
  createPreset,
  createRng,
  generateGridCity,
  InvalidInputError,
  leastSurveilledRoute,
  NotFoundError,
  PRESET_PLACES,
  type CameraInput,
  type StreetExposureProfile,
  type StreetGraph,
  type StreetNetwork,
} from '../../src/index.js';
import { shortestPathTree } from '../../src/mobility/index.js';

interface Brute {
  length: number;
  exposure: number;
}

/** Every simple path from s to t (exhaustive DFS), as (length, exposure) pairs. */
function allSimplePaths(net: StreetNetwork, arcExp: Float64Array, s: number, t: number): Brute[] {
  const out: Brute[] = [];
  const onPath = new Uint8Array(net.numNodes);
  const walk = (v: number, length: number, exposure: number): void => {
    if (v === t) {
      out.push({ length, exposure });
      return;
    }
    onPath[v] = 1;
    for (let p = net.starts[v]; p < net.starts[v + 1]; p++) {
      const u = net.neighbors[p];
      if (onPath[u]) continue;
      const a = net.outArcs[p];
      walk(u, length + net.edgeLength[a >>> 1], exposure + arcExp[a]);
    }
    onPath[v] = 0;
  };
  walk(s, 0, 0);
  return out;
}

/** A random graph: a jittered 4 × 4 grid with a few diagonals, random lengths ≥ Euclidean. */
function randomGraph(seed: number): StreetGraph {
  const rng = createRng(seed).stream('graph');
  const g = new Graph({ type: 'undirected', multi: false }) as unknown as StreetGraph;
  const n = 4;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) g.addNode(`${i},${j}`, { x: i * 100 + rng.uniform(-20, 20), y: j * 100 + rng.uniform(-20, 20) });
  const add = (a: string, b: string): void => {
    if (g.hasEdge(a, b)) return;
    const A = g.getNodeAttributes(a);
    const B = g.getNodeAttributes(b);
    g.addEdge(a, b, { length: Math.hypot(A.x - B.x, A.y - B.y) * rng.uniform(1, 1.3), streetClass: 'local', width: 8 });
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i + 1 < n && rng.next() < 0.9) add(`${i},${j}`, `${i + 1},${j}`);
      if (j + 1 < n && rng.next() < 0.9) add(`${i},${j}`, `${i},${j + 1}`);
      if (i + 1 < n && j + 1 < n && rng.next() < 0.2) add(`${i},${j}`, `${i + 1},${j + 1}`);
    }
  }
  return g;
}

/** A profile stand-in with the given observed metres per edge (only the fields the router reads are meaningful). */
function fakeProfile(numEdges: number, observed: Float64Array): StreetExposureProfile {
  return {
    numEdges,
    levels: [0],
    entryStart: new Uint32Array(numEdges + 1),
    camera: new Uint32Array(0),
    level: new Uint8Array(0),
    s0: new Float64Array(0),
    s1: new Float64Array(0),
    frontalUntil: new Float64Array(0),
    frontalFrom: new Float64Array(0),
    observedLength: observed,
    params: { levels: ['range'], occlusion: false, faceAngle: 45, numCameras: 0, cameras: null },
  };
}

function setup(seed: number) {
  const net = buildStreetNetwork(randomGraph(seed));
  const rng = createRng(seed).stream('exposure');
  const observed = new Float64Array(net.numEdges);
  for (let e = 0; e < net.numEdges; e++) observed[e] = rng.next() < 0.5 ? 0 : rng.uniform(0, 1) * net.edgeLength[e];
  const arcExp = new Float64Array(2 * net.numEdges);
  for (let e = 0; e < net.numEdges; e++) arcExp[2 * e] = arcExp[2 * e + 1] = observed[e];
  return { net, profile: fakeProfile(net.numEdges, observed), arcExp };
}

describe('leastSurveilledRoute against brute force over all simple paths', () => {
  test('without a cap it minimises length + weight × exposure (cost equals the brute-force minimum)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { net, profile, arcExp } = setup(seed);
      const s = 0;
      const t = net.numNodes - 1;
      const paths = allSimplePaths(net, arcExp, s, t);
      if (paths.length === 0) continue;
      for (const weight of [0, 0.5, 2, 10]) {
        const r = leastSurveilledRoute(net, profile, s, t, { weight, maxDetour: Infinity });
        const best = Math.min(...paths.map((p) => p.length + weight * p.exposure));
        expect(r.length + weight * r.exposure).toBeCloseTo(best, 8);
        expect(r.shortest.length).toBeCloseTo(Math.min(...paths.map((p) => p.length)), 8);
        // The arcs form a walk from s to t, and length / exposure are their sums.
        const walked = walkOf(net, arcExp, r.arcs, s, t);
        expect(r.length).toBeCloseTo(walked.length, 9);
        expect(r.exposure).toBeCloseTo(walked.exposure, 9);
      }
    }
  });

  test('with a cap it never exceeds it, is optimal for its effective weight, and is the unconstrained optimum when that fits', () => {
    let lowered = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const { net, profile, arcExp } = setup(100 + seed);
      const s = 0;
      const t = net.numNodes - 1;
      const paths = allSimplePaths(net, arcExp, s, t);
      if (paths.length === 0) continue;
      const shortest = Math.min(...paths.map((p) => p.length));
      for (const maxDetour of [0, 0.05, 0.15, 0.3]) {
        const weight = 20;
        const r = leastSurveilledRoute(net, profile, s, t, { weight, maxDetour });
        expect(r.length).toBeLessThanOrEqual(shortest * (1 + maxDetour) * (1 + 1e-9));
        expect(r.detour).toBeLessThanOrEqual(maxDetour + 1e-9);
        // Optimal for the effective weight.
        const w = r.effectiveWeight;
        expect(w).toBeLessThanOrEqual(weight);
        expect(r.length + w * r.exposure).toBeCloseTo(Math.min(...paths.map((p) => p.length + w * p.exposure)), 8);
        // Never more exposed than the shortest path, never less exposed than the best route within the cap.
        const feasible = paths.filter((p) => p.length <= shortest * (1 + maxDetour) * (1 + 1e-12));
        expect(r.exposure).toBeLessThanOrEqual(r.shortest.exposure + 1e-9);
        expect(r.exposure).toBeGreaterThanOrEqual(Math.min(...feasible.map((p) => p.exposure)) - 1e-9);
        // When the weight-optimal route fits, it is the answer.
        const unconstrained = Math.min(...paths.map((p) => p.length + weight * p.exposure));
        const fits = paths.some((p) => Math.abs(p.length + weight * p.exposure - unconstrained) < 1e-7 && p.length <= shortest * (1 + maxDetour));
        if (fits) expect(r.length + weight * r.exposure).toBeCloseTo(unconstrained, 7);
        else lowered++;
        // maxDetour 0: only routes as short as the shortest are allowed.
        if (maxDetour === 0) expect(r.length).toBeCloseTo(shortest, 8);
      }
    }
    expect(lowered).toBeGreaterThan(5); // the hull search was exercised
  });

  test('when nothing but the shortest path fits the cap, the shortest path is returned', () => {
    // A triangle: direct edge 100 m fully observed, a 200 m unobserved detour via c. Cap 25 % → the direct edge.
    const g = new Graph({ type: 'undirected' }) as unknown as StreetGraph;
    g.addNode('a', { x: 0, y: 0 });
    g.addNode('b', { x: 100, y: 0 });
    g.addNode('c', { x: 50, y: 86.6 });
    g.addEdge('a', 'b', { length: 100, streetClass: 'local', width: 8 });
    g.addEdge('a', 'c', { length: 100, streetClass: 'local', width: 8 });
    g.addEdge('c', 'b', { length: 100, streetClass: 'local', width: 8 });
    const net = buildStreetNetwork(g);
    const profile = fakeProfile(3, Float64Array.of(100, 0, 0));
    const capped = leastSurveilledRoute(net, profile, 0, 1, { maxDetour: 0.25 });
    expect(capped.length).toBe(100);
    expect(capped.exposure).toBe(100);
    expect(capped.detour).toBe(0);
    expect(capped.effectiveWeight).toBe(0);
    const free = leastSurveilledRoute(net, profile, 0, 1, { maxDetour: 1 });
    expect(free.length).toBe(200);
    expect(free.exposure).toBe(0);
    expect(free.detour).toBeCloseTo(1, 12);
    expect(free.exposureAvoided).toBe(100);
    // Hand-worked: weight 0.5 → direct costs 150, detour 200: the direct edge.
    expect(leastSurveilledRoute(net, profile, 0, 1, { maxDetour: 1, weight: 0.5 }).length).toBe(100);
  });
});

describe('leastSurveilledRoute on a real profile', () => {
  test('points are snapped to nodes; exposure is observed metres at the chosen level; arcExposure replaces it', () => {
    const city = generateGridCity({ boundary: [0, 0, 1500, 1500], seed: 2 });
    const rng = createRng(9).stream('cams');
    const inputs: CameraInput[] = [];
    for (let i = 0; i < 200; i++) inputs.push({ x: rng.uniform(0, 1500), y: rng.uniform(0, 1500), heading: rng.uniform(0, 360), fov: rng.uniform(30, 360), range: rng.uniform(20, 80) });
    const cameras = createCameraSet(inputs);
    const net = buildStreetNetwork(city.streets);
    const profile = computeStreetExposureProfile(cameras, city, { levels: ['range', 'identify'] });
    const r = leastSurveilledRoute(net, profile, [50, 60], [1400, 1300], { maxDetour: 0.3 });
    expect(r.from).toBeGreaterThanOrEqual(0);
    expect(r.params).toEqual({ level: 'range', exposure: 'observed-metres', weight: 10, maxDetour: 0.3 });
    expect(r.exposure).toBeLessThanOrEqual(r.shortest.exposure);
    expect(r.detour).toBeLessThanOrEqual(0.3 + 1e-12);
    let exp = 0;
    for (const a of r.arcs) exp += profile.observedLength[a >>> 1];
    expect(r.exposure).toBeCloseTo(exp, 9);
    const id = leastSurveilledRoute(net, profile, r.from, r.to, { level: 'identify' });
    expect(id.params.level).toBe('identify');
    expect(id.shortest.length).toBeCloseTo(r.shortest.length, 9);
    // arcExposure: penalise only forward arcs of edge 0 … identical to the profile when given the same numbers.
    const arcExp = new Float64Array(2 * net.numEdges);
    for (let e = 0; e < net.numEdges; e++) arcExp[2 * e] = arcExp[2 * e + 1] = profile.observedLength[e];
    const same = leastSurveilledRoute(net, profile, r.from, r.to, { arcExposure: arcExp, maxDetour: 0.3 });
    expect(same.exposure).toBeCloseTo(r.exposure, 9);
    expect(same.length).toBeCloseTo(r.length, 9);
    expect(same.params.exposure).toBe('arcExposure');
    // Same ends: an empty route.
    const still = leastSurveilledRoute(net, profile, 5, 5);
    expect(still.arcs.length).toBe(0);
    expect(still.length).toBe(0);
    expect(still.detour).toBe(0);
  });
});

describe('leastSurveilledRoute: bad input is named', () => {
  const { net, profile } = setup(3);
  const last = net.numNodes - 1;
  test.each([
    ['network', () => leastSurveilledRoute({} as never, profile, 0, 1), /leastSurveilledRoute: network must be a StreetNetwork/],
    ['profile', () => leastSurveilledRoute(net, {} as never, 0, 1), /leastSurveilledRoute: profile must be a StreetExposureProfile/],
    ['profile of another graph', () => leastSurveilledRoute(net, fakeProfile(3, new Float64Array(3)), 0, 1), /profile.numEdges must equal the network's number of edges/],
    ['from out of range', () => leastSurveilledRoute(net, profile, -1, 1), /leastSurveilledRoute: from must be a node index/],
    ['to not an integer', () => leastSurveilledRoute(net, profile, 0, 1.5), /leastSurveilledRoute: to must be a node index/],
    ['from NaN point', () => leastSurveilledRoute(net, profile, [0, NaN], 1), /leastSurveilledRoute: from\[1\] must be a finite number, got NaN/],
    ['to a string', () => leastSurveilledRoute(net, profile, 0, 'x' as never), /leastSurveilledRoute: to must be a node index or a point/],
    ['weight', () => leastSurveilledRoute(net, profile, 0, last, { weight: -1 }), /options.weight must be a finite number >= 0, got -1/],
    ['maxDetour', () => leastSurveilledRoute(net, profile, 0, last, { maxDetour: NaN }), /options.maxDetour must be a number >= 0/],
    ['level not recorded', () => leastSurveilledRoute(net, profile, 0, last, { level: 'identify' }), /options.level must be a level the profile records \("range"\)/],
    ['arcExposure length', () => leastSurveilledRoute(net, profile, 0, last, { arcExposure: new Float64Array(1) }), /options.arcExposure must be a Float64Array of length/],
    ['arcExposure value', () => leastSurveilledRoute(net, profile, 0, last, { arcExposure: new Float64Array(2 * net.numEdges).fill(-1) }), /options.arcExposure\[0\] must be a finite number >= 0, got -1/],
    ['level with arcExposure', () => leastSurveilledRoute(net, profile, 0, last, { level: 'range', arcExposure: new Float64Array(2 * net.numEdges) }), /options.level cannot be combined with options.arcExposure/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(message);
  });

  test('an unreachable destination is a NotFoundError', () => {
    const g = new Graph({ type: 'undirected' }) as unknown as StreetGraph;
    g.addNode('a', { x: 0, y: 0 });
    g.addNode('b', { x: 10, y: 0 });
    g.addNode('c', { x: 50, y: 0 });
    g.addNode('d', { x: 60, y: 0 });
    g.addEdge('a', 'b', { length: 10, streetClass: 'local', width: 8 });
    g.addEdge('c', 'd', { length: 10, streetClass: 'local', width: 8 });
    const n2 = buildStreetNetwork(g);
    expect(() => leastSurveilledRoute(n2, fakeProfile(2, new Float64Array(2)), 0, 3)).toThrow(NotFoundError);
  });
});

/** Exposure of every shortest path, by brute force: DFS from s that only follows arcs keeping the prefix on a shortest path. */
function allShortestPaths(net: StreetNetwork, arcExp: Float64Array, s: number, t: number): { length: number; exposures: number[] } {
  const toT = shortestPathTree(net, t).dist; // lengths are the same both ways
  const total = toT[s];
  const slack = 1e-6; // metres: far above rounding, far below any real difference of street lengths
  const exposures: number[] = [];
  const walk = (v: number, length: number, exposure: number): void => {
    if (v === t) {
      exposures.push(exposure);
      return;
    }
    for (let p = net.starts[v]; p < net.starts[v + 1]; p++) {
      const a = net.outArcs[p];
      const next = length + net.edgeLength[a >>> 1];
      if (next + toT[net.neighbors[p]] <= total + slack) walk(net.neighbors[p], next, exposure + arcExp[a]);
    }
  };
  walk(s, 0, 0);
  return { length: total, exposures };
}

/** Checks that the arcs form a walk s → t and returns its length and exposure (summed in travel order). */
function walkOf(net: StreetNetwork, arcExp: Float64Array, arcs: Uint32Array, s: number, t: number): { length: number; exposure: number } {
  let v = s;
  let length = 0;
  let exposure = 0;
  for (const a of arcs) {
    const e = a >>> 1;
    expect(a & 1 ? net.edgeTarget[e] : net.edgeSource[e]).toBe(v);
    v = a & 1 ? net.edgeSource[e] : net.edgeTarget[e];
    length += net.edgeLength[e];
    exposure += arcExp[a];
  }
  expect(v).toBe(t);
  return { length, exposure };
}

describe('leastSurveilledRoute compares like with like: the reference is the least-exposed shortest path', () => {
  /** A regular grid of 6 × 6 blocks of 100 m (7 × 7 nodes); cameras see part of some streets. */
  function blockGrid(seed: number) {
    const g = new Graph({ type: 'undirected' }) as unknown as StreetGraph;
    const k = 7;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) g.addNode(`${i},${j}`, { x: 100 * i, y: 100 * j });
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        if (i + 1 < k) g.addEdge(`${i},${j}`, `${i + 1},${j}`, { length: 100, streetClass: 'local', width: 8 });
        if (j + 1 < k) g.addEdge(`${i},${j}`, `${i},${j + 1}`, { length: 100, streetClass: 'local', width: 8 });
      }
    }
    const net = buildStreetNetwork(g);
    const rng = createRng(seed).stream('cameras');
    const observed = new Float64Array(net.numEdges);
    for (let e = 0; e < net.numEdges; e++) observed[e] = rng.next() < 0.4 ? rng.uniform(5, 100) : 0;
    const arcExp = new Float64Array(2 * net.numEdges);
    for (let e = 0; e < net.numEdges; e++) arcExp[2 * e] = arcExp[2 * e + 1] = observed[e];
    const node = (i: number, j: number) => net.nodeKeys.indexOf(`${i},${j}`);
    return { net, profile: fakeProfile(net.numEdges, observed), arcExp, node, edgeIndex: new Map(g.edges().map((key, e) => [key, e])), g };
  }

  test('on a 6 × 6 block grid: min and max exposure over the 924 monotone lattice paths, and maxDetour 0 avoids nothing', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { net, profile, arcExp, node, edgeIndex, g } = blockGrid(seed);
      // Enumerate the monotone lattice paths corner → corner (every shortest path of a grid), independent of any search.
      const lattice: number[] = [];
      const walk = (i: number, j: number, exposure: number): void => {
        if (i === 6 && j === 6) {
          lattice.push(exposure);
          return;
        }
        if (i < 6) walk(i + 1, j, exposure + profile.observedLength[edgeIndex.get(g.edge(`${i},${j}`, `${i + 1},${j}`)!)!]);
        if (j < 6) walk(i, j + 1, exposure + profile.observedLength[edgeIndex.get(g.edge(`${i},${j}`, `${i},${j + 1}`)!)!]);
      };
      walk(0, 0, 0);
      expect(lattice.length).toBe(924); // C(12, 6)
      const min = Math.min(...lattice);
      const max = Math.max(...lattice);
      expect(max).toBeGreaterThan(min); // ties with different exposure: the case this test is about
      const s = node(0, 0);
      const t = node(6, 6);
      for (const maxDetour of [0, 0.25]) {
        const r = leastSurveilledRoute(net, profile, s, t, { maxDetour });
        expect(r.shortest.length).toBe(1200);
        expect(r.shortest.exposure).toBe(min);
        expect(r.shortestExposureRange).toEqual({ min, max, numPaths: 924 });
        const ref = walkOf(net, arcExp, r.shortest.arcs, s, t);
        expect(ref).toEqual({ length: 1200, exposure: min });
        if (maxDetour === 0) {
          expect(r.exposureAvoided).toBe(0);
          expect(r.exposure).toBe(min);
          expect(r.length).toBe(1200);
          expect(r.detour).toBe(0);
        } else expect(r.exposure).toBeLessThanOrEqual(min);
      }
    }
  });

  test('random small graphs with tied lengths: the reference and the range match brute force over all shortest paths; the cap holds', () => {
    let ties = 0;
    for (let seed = 1; seed <= 40; seed++) {
      // A 4 × 4 grid with missing streets, lengths of 100 or 200 m (so many ties), diagonals of 200 m.
      const rng = createRng(seed).stream('tied');
      const g = new Graph({ type: 'undirected' }) as unknown as StreetGraph;
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) g.addNode(`${i},${j}`, { x: 100 * i, y: 100 * j });
      const add = (a: string, b: string, length: number) => g.addEdge(a, b, { length, streetClass: 'local', width: 8 });
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          if (i + 1 < 4 && rng.next() < 0.85) add(`${i},${j}`, `${i + 1},${j}`, rng.next() < 0.2 ? 200 : 100);
          if (j + 1 < 4 && rng.next() < 0.85) add(`${i},${j}`, `${i},${j + 1}`, rng.next() < 0.2 ? 200 : 100);
          if (i + 1 < 4 && j + 1 < 4 && rng.next() < 0.2) add(`${i},${j}`, `${i + 1},${j + 1}`, 200);
        }
      }
      const net = buildStreetNetwork(g);
      const observed = new Float64Array(net.numEdges);
      for (let e = 0; e < net.numEdges; e++) observed[e] = rng.next() < 0.5 ? 0 : rng.uniform(0, 1) * net.edgeLength[e];
      const arcExp = new Float64Array(2 * net.numEdges);
      for (let e = 0; e < net.numEdges; e++) arcExp[2 * e] = arcExp[2 * e + 1] = observed[e];
      const profile = fakeProfile(net.numEdges, observed);
      const s = rng.int(net.numNodes);
      const t = (s + 1 + rng.int(net.numNodes - 1)) % net.numNodes; // t ≠ s
      const simple = allSimplePaths(net, arcExp, s, t);
      if (simple.length === 0) continue;
      const shortestLength = Math.min(...simple.map((p) => p.length));
      const tied = simple.filter((p) => p.length === shortestLength).map((p) => p.exposure); // integer lengths: exact
      if (tied.length > 1) ties++;
      expect(allShortestPaths(net, arcExp, s, t).exposures.length).toBe(tied.length); // the two brute forces agree
      for (const maxDetour of [0, 0.1, 0.3, Infinity]) {
        const r = leastSurveilledRoute(net, profile, s, t, { maxDetour, weight: 20 });
        expect(r.shortest.length).toBe(shortestLength);
        expect(r.shortest.exposure).toBe(Math.min(...tied));
        expect(r.shortestExposureRange).toEqual({ min: Math.min(...tied), max: Math.max(...tied), numPaths: tied.length });
        expect(walkOf(net, arcExp, r.arcs, s, t).length).toBe(r.length);
        expect(r.length).toBeLessThanOrEqual((1 + maxDetour) * shortestLength);
        expect(r.exposure).toBeLessThanOrEqual(r.shortest.exposure);
        // Never less exposed than the best route within the cap (brute force).
        expect(r.exposure).toBeGreaterThanOrEqual(Math.min(...simple.filter((p) => p.length <= (1 + maxDetour) * shortestLength).map((p) => p.exposure)));
        if (maxDetour === 0) expect(r.exposureAvoided).toBe(0);
        if (r.exposureAvoided > 0) expect(r.length).toBeGreaterThan(shortestLength); // a saving is bought by a detour
      }
    }
    expect(ties).toBeGreaterThan(10);
  });

  test('Almaty-2 station → Republic Square (Almaty preset, seed 1): the DAG dynamic programme matches brute force over its 3,654 shortest paths', () => {
    const { city, cameras } = createPreset('almaty', { seed: 1 });
    const net = buildStreetNetwork(city.streets);
    const profile = computeStreetExposureProfile(cameras, city);
    const from = city.projection!.forward(PRESET_PLACES.almaty2Station.lon, PRESET_PLACES.almaty2Station.lat);
    const to = city.projection!.forward(PRESET_PLACES.republicSquare.lon, PRESET_PLACES.republicSquare.lat);
    const r = leastSurveilledRoute(net, profile, from, to, { maxDetour: 0 });
    expect(r.exposureAvoided).toBe(0);
    expect(r.detour).toBe(0);
    const arcExp = new Float64Array(2 * net.numEdges);
    for (let e = 0; e < net.numEdges; e++) arcExp[2 * e] = arcExp[2 * e + 1] = profile.observedLength[e];
    const brute = allShortestPaths(net, arcExp, r.from, r.to);
    expect(brute.exposures.length).toBe(3654);
    const min = Math.min(...brute.exposures);
    const max = Math.max(...brute.exposures);
    expect(r.shortestExposureRange).toEqual({ min, max, numPaths: 3654 });
    expect(r.shortest.exposure).toBe(min);
    expect(r.exposure).toBe(min);
    expect(walkOf(net, arcExp, r.shortest.arcs, r.from, r.to).length).toBeCloseTo(brute.length, 6);
    // With the default 25 % cap the route is never more exposed than the reference, and no longer than allowed.
    const capped = leastSurveilledRoute(net, profile, from, to);
    expect(capped.shortest.exposure).toBe(min);
    expect(capped.length).toBeLessThanOrEqual(1.25 * brute.length * (1 + 1e-9));
    expect(capped.exposure).toBeLessThanOrEqual(min);
  });
});

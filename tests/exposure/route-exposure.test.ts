import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import { computeStreetCoverage, createCameraSet, createRng, generateGridCity, InvalidInputError, routeExposure, type CameraInput, type StreetGraph } from '../../src/index.js';
import { inSector, type SectorSpec } from '../coverage/oracles.js';

/** The path's segments as a street graph (one edge per segment), for computeStreetCoverage. */
function streetsOfPath(path: [number, number][]): { streets: StreetGraph } {
  const g = new Graph({ type: 'undirected', multi: true }) as unknown as StreetGraph;
  for (let i = 0; i + 1 < path.length; i++) {
    const [x0, y0] = path[i];
    const [x1, y1] = path[i + 1];
    g.addNode(`a${i}`, { x: x0, y: y0 });
    g.addNode(`b${i}`, { x: x1, y: y1 });
    g.addEdge(`a${i}`, `b${i}`, { length: Math.hypot(x1 - x0, y1 - y0), streetClass: 'local', width: 10 });
  }
  return { streets: g };
}

function randomSectors(seed: number, n: number, box: number, maxFov = 360): SectorSpec[] {
  const rng = createRng(seed).stream('sectors');
  const out: SectorSpec[] = [];
  for (let i = 0; i < n; i++) out.push({ x: rng.uniform(0, box), y: rng.uniform(0, box), heading: rng.uniform(0, 360), fov: rng.uniform(10, maxFov), range: rng.uniform(5, 60) });
  return out;
}

function randomPath(seed: number, points: number, box: number): [number, number][] {
  const rng = createRng(seed).stream('path');
  const out: [number, number][] = [];
  for (let i = 0; i < points; i++) out.push([rng.uniform(0, box), rng.uniform(0, box)]);
  return out;
}

/** Knuth's Poisson sampler (fine for means up to a few hundred). */
function poisson(rng: { next(): number }, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

describe('routeExposure: the public contract', () => {
  test('the README example: a disc of radius 50 centred on the first leg sees 100 m of a 350 m path', () => {
    // Path (0,0) → (200,0) → (200,150): 200 + 150 = 350 m. The disc centred at (100, 0), r = 50,
    // covers x ∈ [50, 150] of the first leg (100 m) and nothing of the second (its nearest point is 100 m away).
    const cameras = createCameraSet([{ x: 100, y: 0, heading: 0, fov: 360, range: 50 }]);
    const e = routeExposure(cameras, [[0, 0], [200, 0], [200, 150]]);
    expect(e.cameraIds).toEqual([0]);
    expect(Array.isArray(e.cameraIds)).toBe(true);
    expect(e.length).toBeCloseTo(350, 12);
    expect(e.observedLength).toBeCloseTo(100, 9);
    expect(e.observedFraction).toBeCloseTo(100 / 350, 12);
    expect(e.stretches).toHaveLength(1);
    expect(e.stretches[0].from).toBeCloseTo(50, 9);
    expect(e.stretches[0].to).toBeCloseTo(150, 9);
    // Longest unobserved: from 150 to the end (350): 200 m.
    expect(e.longestUnobserved.length).toBeCloseTo(200, 9);
    expect(e.longestUnobserved.from).toBeCloseTo(150, 9);
    expect(e.longestUnobserved.to).toBeCloseTo(350, 9);
    expect(e.params).toMatchObject({ level: 'range', occlusion: false, availability: 'all-up', numPoints: 3 });
  });

  test('cameraIds lists every camera entered, ascending, and the per-camera lengths and stretches add up', () => {
    // Camera 2: disc r = 20 at (50, 0) → [30, 70] on the first leg (40 m).
    // Camera 0: sector at (200, 80) looking west (heading 270), fov 90, r = 30 → crosses the second leg x = 200,
    //   y ∈ [50, 110] ∩ |y − 80| ≤ (200 − 200)… the apex is on the leg: the wedge's edges at ±45° meet the line x = 200
    //   only at the apex, so the camera sees none of it (looks away from the leg).
    // Camera 1: sector at (230, 75) looking west, fov 90, r = 40: on x = 200 (30 m west of the apex) the wedge spans
    //   |y − 75| ≤ 30 and the disc |y − 75| ≤ √(40² − 30²) = 26.46 → 52.92 m, path distance 200 + 75 ± 26.46.
    // Camera 3: far away.
    const cameras = createCameraSet([
      { x: 200, y: 80, heading: 270, fov: 90, range: 30 },
      { x: 230, y: 75, heading: 270, fov: 90, range: 40 },
      { x: 50, y: 0, heading: 0, fov: 360, range: 20 },
      { x: 900, y: 900, heading: 0, fov: 360, range: 20 },
    ]);
    const e = routeExposure(cameras, [[0, 0], [200, 0], [200, 150]]);
    const half = Math.sqrt(40 * 40 - 30 * 30);
    expect(e.cameraIds).toEqual([1, 2]);
    expect(e.cameraLengths[0]).toBeCloseTo(2 * half, 9);
    expect(e.cameraLengths[1]).toBeCloseTo(40, 9);
    expect(e.observedLength).toBeCloseTo(40 + 2 * half, 9);
    expect(e.stretches.map((s) => s.camera)).toEqual([1, 2]);
    expect(e.stretches[0].from).toBeCloseTo(275 - half, 9);
    expect(e.stretches[0].to).toBeCloseTo(275 + half, 9);
    // Gaps: [0, 30], [70, 275 − half], [275 + half, 350]: the middle one is longest.
    expect(e.longestUnobserved.length).toBeCloseTo(205 - half, 9);
    expect(e.expectedCameras).toBe(2);
  });

  test('a stretch continues across a vertex of the path (one stretch, not two)', () => {
    const cameras = createCameraSet([{ x: 200, y: 0, heading: 0, fov: 360, range: 30 }]);
    const e = routeExposure(cameras, [[0, 0], [200, 0], [200, 150]]);
    expect(e.stretches).toHaveLength(1);
    expect(e.stretches[0].from).toBeCloseTo(170, 9);
    expect(e.stretches[0].to).toBeCloseTo(230, 9);
    expect(e.observedLength).toBeCloseTo(60, 9);
  });

  test('a path that only touches a footprint at one point does not enter it; one along its straight edge does (closed sets)', () => {
    // Tangent to a disc of radius 10 centred 10 m above the path.
    const disc = createCameraSet([{ x: 100, y: 10, heading: 0, fov: 360, range: 10 }]);
    const tangent = routeExposure(disc, [[0, 0], [200, 0]]);
    expect(tangent.cameraIds).toEqual([]);
    expect(tangent.observedLength).toBe(0);
    expect(tangent.longestUnobserved.length).toBeCloseTo(200, 12);
    // Through the apex of a sector that looks away (north) from a path running east–west: touches one point.
    const apex = createCameraSet([{ x: 100, y: 0, heading: 0, fov: 90, range: 50 }]);
    expect(routeExposure(apex, [[0, 0], [200, 0]]).cameraIds).toEqual([]);
    // A path along the sector's edge: the sector heading 45° with fov 90 has an edge due east from its apex.
    const edge = createCameraSet([{ x: 100, y: 0, heading: 45, fov: 90, range: 50 }]);
    const along = routeExposure(edge, [[0, 0], [200, 0]]);
    expect(along.cameraIds).toEqual([0]);
    expect(along.observedLength).toBeCloseTo(50, 9);
  });

  test('availability: observedLength becomes an expectation; cameraIds stay geometric; availability 0 sees nothing', () => {
    const cameras = createCameraSet([
      { x: 0, y: 0, heading: 90, fov: 30, range: 50 },
      { x: 30, y: 0, heading: 90, fov: 30, range: 50 },
    ]);
    const path: [number, number][] = [[-10, 0], [200, 0]];
    const e = routeExposure(cameras, path, { availability: [0.5, 0.8] });
    // 30 m only camera 0, 20 m both, 30 m only camera 1.
    expect(e.observedLength).toBeCloseTo(30 * 0.5 + 20 * (1 - 0.5 * 0.2) + 30 * 0.8, 9);
    expect(e.cameraIds).toEqual([0, 1]);
    expect(e.cameraLengths[0]).toBeCloseTo(50, 9);
    expect(e.expectedCameras).toBeCloseTo(1.3, 12);
    expect(e.params.availability).toBe('per-camera');
    const off = routeExposure(cameras, path, { availability: [0, 1] });
    expect(off.cameraIds).toEqual([1]);
    expect(off.observedLength).toBeCloseTo(50, 9);
  });

  test('levels use the DORI distances, as computeCoverage does', () => {
    // 1920 px over fov 90 → identify (250 px/m) at d = 1920 / (2 · 250 · tan 45°) = 3.84 m.
    const cameras = createCameraSet([{ x: 0, y: 0, heading: 90, fov: 90, range: 100 }]);
    const e = routeExposure(cameras, [[0, 0], [200, 0]], { level: 'identify' });
    expect(e.observedLength).toBeCloseTo(3.84, 9);
  });
});

describe('routeExposure agrees with the coverage module and with point sampling', () => {
  test('observed length equals computeStreetCoverage on the same segments (random layouts and polylines)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const sectors = randomSectors(seed, 60, 400);
      const cameras = createCameraSet(sectors as CameraInput[]);
      const path = randomPath(seed, 8, 400);
      const e = routeExposure(cameras, path);
      const s = computeStreetCoverage(cameras, streetsOfPath(path));
      expect(e.length).toBeCloseTo(s.totalLength, 9);
      expect(e.observedLength).toBeCloseTo(s.coveredLength, 9);
      const w = routeExposure(cameras, path, { availability: 0.7 });
      const sw = computeStreetCoverage(cameras, streetsOfPath(path), { availability: 0.7 });
      expect(w.observedLength).toBeCloseTo(sw.coveredLength, 9);
    }
  });

  test('with occlusion too (buildings of a generated city), at range and at identify', () => {
    const city = generateGridCity({ boundary: [0, 0, 1200, 1200], seed: 3 });
    const rng = createRng(5).stream('cams');
    const inputs: CameraInput[] = [];
    for (let i = 0; i < 150; i++) inputs.push({ x: rng.uniform(0, 1200), y: rng.uniform(0, 1200), heading: rng.uniform(0, 360), fov: rng.uniform(30, 360), range: rng.uniform(20, 80) });
    const cameras = createCameraSet(inputs);
    expect(city.buildings.numBuildings).toBeGreaterThan(0);
    let hidden = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const path = randomPath(100 + seed, 6, 1200);
      for (const level of ['range', 'identify'] as const) {
        const e = routeExposure(cameras, path, { occlusion: true, city, level });
        const s = computeStreetCoverage(cameras, { ...streetsOfPath(path), buildings: city.buildings }, { occlusion: true, level });
        expect(e.observedLength).toBeCloseTo(s.coveredLength, 9);
        expect(e.params.occlusion).toBe(true);
        hidden += routeExposure(cameras, path, { level }).observedLength - e.observedLength;
      }
    }
    expect(hidden).toBeGreaterThan(1); // buildings did hide something
  });

  test('every stretch and camera id agrees with brute-force containment at sampled points', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const sectors = randomSectors(50 + seed, 40, 300);
      const cameras = createCameraSet(sectors as CameraInput[]);
      const path = randomPath(50 + seed, 5, 300);
      const e = routeExposure(cameras, path);
      // Sample points along the path; the depth from stretches equals the oracle's depth away from boundaries.
      const cum = [0];
      for (let i = 1; i < path.length; i++) cum.push(cum[i - 1] + Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]));
      const seenIds = new Set<number>();
      let mismatches = 0;
      const samples = 4000;
      for (let k = 0; k < samples; k++) {
        const d = ((k + 0.5) / samples) * e.length;
        let i = 1;
        while (cum[i] < d) i++;
        const t = (d - cum[i - 1]) / (cum[i] - cum[i - 1]);
        const x = path[i - 1][0] + t * (path[i][0] - path[i - 1][0]);
        const y = path[i - 1][1] + t * (path[i][1] - path[i - 1][1]);
        const fromStretches = new Set(e.stretches.filter((s) => s.from <= d && d <= s.to).map((s) => s.camera));
        const fromOracle = new Set(sectors.map((s, id) => (inSector(s, x, y) ? id : -1)).filter((id) => id >= 0));
        for (const id of fromOracle) seenIds.add(id);
        if (fromStretches.size !== fromOracle.size || [...fromOracle].some((id) => !fromStretches.has(id))) mismatches++;
      }
      expect(mismatches).toBeLessThanOrEqual(2); // a sample landing within 1e-7 m of a boundary may disagree
      // Every camera the samples saw is listed (a camera seen over less than the sample spacing may be missed by the samples only).
      for (const id of seenIds) expect(e.cameraIds).toContain(id);
    }
  });
});

describe('routeExposure against the Boolean model (DESIGN.md)', () => {
  // Sectors with apexes a Poisson process of intensity λ in a window padded by r, uniform headings.
  const r = 20;
  const fovDeg = 90;
  const alpha = (fovDeg * Math.PI) / 180;
  const areaA = (alpha * r * r) / 2; // E[A] = α r² / 2
  const perimeter = 2 * r + alpha * r; // two radii and the arc
  const L = 200;

  function replica(seed: number, lambda: number): ReturnType<typeof routeExposure> {
    const rng = createRng(seed).stream('boolean');
    // Window [−r, L + r] × [−r, r]: every apex whose sector can reach the path y = 0, x ∈ [0, L].
    const w = L + 2 * r;
    const h = 2 * r;
    const n = poisson(rng, lambda * w * h);
    const inputs: CameraInput[] = [];
    for (let i = 0; i < n; i++) inputs.push({ x: -r + rng.next() * w, y: -r + rng.next() * h, heading: rng.next() * 360, fov: fovDeg, range: r });
    return routeExposure(createCameraSet(inputs), [[0, 0], [L, 0]]);
  }

  test('the observed share of a straight path matches the covered area share 1 − exp(−λ E[A]) (Sundhar Ram et al. 2007)', () => {
    const lambda = 1 / 400; // E[A] = 314.16 m², λE[A] = 0.785 → expected share 0.544
    const expected = 1 - Math.exp(-lambda * areaA);
    const shares: number[] = [];
    for (let seed = 1; seed <= 300; seed++) shares.push(replica(seed, lambda).observedFraction);
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    const variance = shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (shares.length - 1);
    const se = Math.sqrt(variance / shares.length);
    // Tolerance: 4 standard errors of the mean over independent replicas (two-sided p ≈ 6e-5 of a false failure).
    expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(0.02);
  });

  test('the probability that a segment meets at least one footprint is 1 − exp(−λ(E[A] + L·E[P]/π)) (Lazos et al. 2007)', () => {
    const lambda = 1 / 20000; // λ(E[A] + L P/π) = (314.16 + 200 · 71.42 / π) / 20000 = 0.243 → p = 0.216
    const expected = 1 - Math.exp(-lambda * (areaA + (L * perimeter) / Math.PI));
    const N = 2000;
    let hits = 0;
    for (let seed = 1; seed <= N; seed++) if (replica(10_000 + seed, lambda).cameraIds.length > 0) hits++;
    const se = Math.sqrt((expected * (1 - expected)) / N); // binomial standard error
    expect(Math.abs(hits / N - expected)).toBeLessThan(4 * se);
  });
});

describe('routeExposure: bad input is named', () => {
  const cameras = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 360, range: 10 }]);
  test.each([
    ['not an array', 'nope', /routeExposure: path must be an array of \[x, y\] points/],
    ['empty', [], /routeExposure: path must have at least 2 points/],
    ['one point', [[0, 0]], /routeExposure: path must have at least 2 points/],
    ['a point that is not a pair', [[0, 0], 5], /routeExposure: path\[1\] must be a point \[x, y\], got 5/],
    ['a short point', [[0, 0], [1]], /routeExposure: path\[1\] must be a point/],
    ['NaN', [[0, 0], [1, 1], [2, 2], [3, NaN]], /routeExposure: path\[3\]\[1\] must be a finite number, got NaN/],
    ['a string coordinate', [['0', 0], [1, 1]], /routeExposure: path\[0\]\[0\] must be a finite number, got "0"/],
    ['Infinity', [[0, 0], [Infinity, 1]], /routeExposure: path\[1\]\[0\] must be a finite number, got Infinity/],
    ['zero length', [[1, 1], [1, 1], [1, 1]], /routeExposure: path must have a positive length/],
  ])('%s', (_name, path, message) => {
    expect(() => routeExposure(cameras, path as never)).toThrow(InvalidInputError);
    expect(() => routeExposure(cameras, path as never)).toThrow(message);
  });

  test('the field is on the error object', () => {
    try {
      routeExposure(cameras, [[0, 0], [1, 1], [2, 2], [3, NaN]]);
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidInputError).field).toBe('path[3][1]');
    }
  });

  test('cameras, options, level, occlusion and availability', () => {
    const path: [number, number][] = [[0, 0], [1, 0]];
    expect(() => routeExposure({} as never, path)).toThrow(/routeExposure: cameras must be a CameraSet/);
    expect(() => routeExposure(cameras, path, null as never)).toThrow(/routeExposure: options must be an object/);
    expect(() => routeExposure(cameras, path, { level: 'see' as never })).toThrow(/routeExposure: options.level must be one of/);
    expect(() => routeExposure(cameras, path, { occlusion: 'yes' as never })).toThrow(/routeExposure: options.occlusion must be a boolean/);
    expect(() => routeExposure(cameras, path, { occlusion: true })).toThrow(/routeExposure: options.occlusion needs options.city or options.buildings/);
    expect(() => routeExposure(cameras, path, { availability: 2 })).toThrow(/routeExposure: options.availability must be a probability/);
    expect(() => routeExposure(cameras, path, { availability: [0.5, 0.5] })).toThrow(/routeExposure: options.availability.length must equal the number of cameras/);
  });
});

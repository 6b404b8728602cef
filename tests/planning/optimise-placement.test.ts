import { describe, expect, test } from 'vitest';
import { buildStreetNetwork, computeCoverage, computeSightings, computeStreetCoverage, computeStreetExposureProfile, createCameraSet, createResidents, createRng, generateGridCity, identifiedAtLeastOnce, InvalidInputError, planTrips, routeTrips, type CameraInput, type CameraSet } from '../../src/index.js';
import { optimisePlacement, type OptimisePlacementOptions } from '../../src/planning/index.js';
import { createPopulationGrid } from '../../src/city/index.js';

const ONE_MINUS_INV_E = 1 - Math.exp(-1);

/** n random candidates in a box: a few sites, each with several headings. */
function randomCandidates(seed: number, numSites: number, headings: number, box: [number, number, number, number], range: [number, number]): CameraSet {
  const rng = createRng(seed);
  const cams: CameraInput[] = [];
  for (let s = 0; s < numSites; s++) {
    const x = box[0] + rng.next() * (box[2] - box[0]);
    const y = box[1] + rng.next() * (box[3] - box[1]);
    const fov = 40 + rng.next() * 140;
    const r = range[0] + rng.next() * (range[1] - range[0]);
    const h0 = rng.next() * 360;
    for (let h = 0; h < headings; h++) cams.push({ x, y, heading: (h0 + (360 * h) / headings) % 360, fov, range: r });
  }
  return createCameraSet(cams);
}

function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, cur: number[]): void => {
    if (cur.length === k) {
      out.push(cur.slice());
      return;
    }
    for (let i = start; i < n; i++) rec(i + 1, [...cur, i]);
  };
  rec(0, []);
  return out;
}

/** Coverage of candidate ids (plus existing cameras) by computeCoverage. */
function areaOf(candidates: CameraSet, ids: number[], options: OptimisePlacementOptions, existing?: CameraSet): number {
  const o = { bounds: options.bounds, area: options.area, city: options.city, level: options.level, occlusion: options.occlusion };
  const pick = candidates.subset(ids);
  const set = existing ? concat(existing, pick) : pick;
  if (set.numCameras === 0) return 0;
  return computeCoverage(set, o).coveredArea;
}

function concat(a: CameraSet, b: CameraSet): CameraSet {
  return createCameraSet([...a.toArray(), ...b.toArray()].map(({ x, y, heading, fov, range, resolutionPx }) => ({ x, y, heading, fov, range, resolutionPx })));
}

/** The plain (non-lazy) greedy: every remaining candidate evaluated at every step, ties to the lower index. */
function plainGreedy(n: number, k: number, value: (ids: number[]) => number, groups?: number[]): number[] {
  const chosen: number[] = [];
  let current = value([]);
  while (chosen.length < k) {
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < n; c++) {
      if (chosen.includes(c) || (groups && chosen.some((d) => groups[d] === groups[c]))) continue;
      const g = value([...chosen, c]) - current;
      if (g > bestGain * (1 + 1e-9) + 1e-9) {
        best = c;
        bestGain = g;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    current += bestGain;
  }
  return chosen;
}

describe('optimisePlacement by area', () => {
  const bounds: [number, number, number, number] = [0, 0, 200, 200];
  for (const seed of [1, 2, 3, 4]) {
    test(`seed ${seed}: greedy covers at least (1 − 1/e) of the exhaustive optimum over all subsets of 12 candidates, k ≤ 4, and the bounds hold`, () => {
      const cands = randomCandidates(seed, 6, 2, bounds, [30, 80]);
      expect(cands.numCameras).toBe(12);
      for (const k of [2, 3, 4]) {
        const r = optimisePlacement(cands, k, { bounds });
        let opt = 0;
        for (const s of subsets(12, k)) opt = Math.max(opt, areaOf(cands, s, { bounds }));
        expect(r.value).toBeGreaterThanOrEqual(ONE_MINUS_INV_E * opt);
        expect(r.value).toBeLessThanOrEqual(opt * (1 + 1e-9));
        expect(r.bound).toBeGreaterThanOrEqual(opt * (1 - 1e-9));
        expect(r.bounds.apriori).toBeCloseTo(r.value / ONE_MINUS_INV_E, 6);
        // The gap to the optimum, reported: greedy is usually within a few per cent.
        const gap = 1 - r.value / opt;
        expect(gap).toBeGreaterThanOrEqual(-1e-9);
        expect(gap).toBeLessThan(1 - ONE_MINUS_INV_E);
      }
    });

    test(`seed ${seed}: each gain equals the difference of computeCoverage before and after the pick (1e-6 relative), and the order equals the plain greedy's`, () => {
      const cands = randomCandidates(seed + 10, 5, 2, bounds, [30, 80]);
      const r = optimisePlacement(cands, 4, { bounds });
      let prev = 0;
      r.chosen.forEach((c, t) => {
        const now = areaOf(cands, r.chosen.slice(0, t + 1), { bounds });
        expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-6 * now);
        prev = now;
      });
      expect(r.value).toBeCloseTo(prev, 6);
      expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 4, (ids) => areaOf(cands, ids, { bounds })));
    });
  }

  test('counts the existing cameras as covered: gains are what each pick adds to them, baseValue their own coverage', () => {
    const cands = randomCandidates(21, 5, 2, bounds, [30, 80]);
    const existing = randomCandidates(22, 3, 1, bounds, [40, 70]);
    const r = optimisePlacement(cands, 3, { bounds, existing });
    const base = computeCoverage(existing, { bounds }).coveredArea;
    expect(r.baseValue).toBeCloseTo(base, 6);
    let prev = base;
    r.chosen.forEach((c, t) => {
      const now = areaOf(cands, r.chosen.slice(0, t + 1), { bounds }, existing);
      expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-6 * now);
      prev = now;
    });
    expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 3, (ids) => areaOf(cands, ids, { bounds }, existing)));
  });

  test('clips to a polygon study area that candidates straddle, as computeCoverage does', () => {
    const area = [[[0, 0], [200, 0], [100, 150], [0, 0]]];
    const cands = randomCandidates(31, 6, 2, [0, 0, 200, 160], [30, 80]);
    const r = optimisePlacement(cands, 4, { area });
    let prev = 0;
    r.chosen.forEach((c, t) => {
      const now = areaOf(cands, r.chosen.slice(0, t + 1), { area });
      expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-6 * Math.max(1, now));
      prev = now;
    });
    expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 4, (ids) => areaOf(cands, ids, { area })));
  });

  test('with occlusion by buildings and a DORI level the gains still equal computeCoverage differences', () => {
    const city = generateGridCity({ boundary: [0, 0, 400, 400], blockSize: 100 });
    const cands = randomCandidates(41, 6, 2, [20, 20, 380, 380], [40, 120]);
    const opts = { city, occlusion: true, level: 'observe' as const };
    const r = optimisePlacement(cands, 4, opts);
    expect(r.chosen.length).toBeGreaterThan(0);
    let prev = 0;
    r.chosen.forEach((c, t) => {
      const now = areaOf(cands, r.chosen.slice(0, t + 1), opts);
      expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-6 * Math.max(1, now));
      prev = now;
    });
    expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 4, (ids) => areaOf(cands, ids, opts)));
  });

  test('several cameras on one pole, abutting along shared edges, are resolved as computeCoverage resolves them', () => {
    const cams: CameraInput[] = [];
    for (let h = 0; h < 4; h++) cams.push({ x: 100, y: 100, heading: h * 90, fov: 90, range: 50 });
    cams.push({ x: 140, y: 100, heading: 270, fov: 90, range: 50 }, { x: 100, y: 100, heading: 45, fov: 90, range: 50 });
    const cands = createCameraSet(cams);
    const r = optimisePlacement(cands, 5, { bounds });
    let prev = 0;
    r.chosen.forEach((c, t) => {
      const now = areaOf(cands, r.chosen.slice(0, t + 1), { bounds });
      expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-6 * now);
      prev = now;
    });
  });

  test('exclusive groups: at most one heading per site, in the order of a plain greedy under the same constraint, with the ½ guarantee', () => {
    const cands = randomCandidates(51, 5, 3, bounds, [30, 80]);
    const groups = Array.from({ length: cands.numCameras }, (_, i) => Math.floor(i / 3));
    const r = optimisePlacement(cands, 4, { bounds, exclusive: groups });
    expect(new Set(r.chosen.map((c) => groups[c])).size).toBe(r.chosen.length);
    expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 4, (ids) => areaOf(cands, ids, { bounds }), groups));
    expect(r.guarantee).toBe(0.5);
    expect(r.bounds.apriori).toBeCloseTo(2 * r.value, 9);
    // The best 4 with at most one per site, by trying every such subset: the bound holds and greedy has at least half.
    let opt = 0;
    for (const sub of subsets(cands.numCameras, 4)) if (new Set(sub.map((c) => groups[c])).size === 4) opt = Math.max(opt, areaOf(cands, sub, { bounds }));
    expect(r.bound).toBeGreaterThanOrEqual(opt * (1 - 1e-9));
    expect(r.bounds.online).toBeGreaterThanOrEqual(opt * (1 - 1e-9));
    expect(r.value).toBeGreaterThanOrEqual(0.5 * opt);
  });

  test('stops early, with fewer than k picks, once no candidate adds anything', () => {
    const cands = createCameraSet([
      { x: 50, y: 50, heading: 0, fov: 360, range: 20 },
      { x: 50, y: 50, heading: 0, fov: 90, range: 10 },
    ]);
    const r = optimisePlacement(cands, 2, { bounds });
    expect(r.chosen).toEqual([0]);
    expect(r.gains[0]).toBeCloseTo(Math.PI * 400, 6);
    expect(r.bounds.online).toBeCloseTo(r.value, 9);
  });

  test('the TSDoc example: the disc first, then a quarter disc', () => {
    const candidates = createCameraSet([
      { x: 100, y: 100, heading: 0, fov: 90, range: 50 },
      { x: 100, y: 100, heading: 180, fov: 90, range: 50 },
      { x: 300, y: 300, heading: 90, fov: 360, range: 30 },
    ]);
    const r = optimisePlacement(candidates, 2, { bounds: [0, 0, 500, 500] });
    expect(r.chosen).toEqual([2, 0]);
    expect(r.gains[0]).toBeCloseTo(Math.PI * 900, 6);
    expect(r.gains[1]).toBeCloseTo((Math.PI * 2500) / 4, 6);
  });
});

describe('optimisePlacement by street length', () => {
  const city = generateGridCity({ boundary: [0, 0, 600, 600], blockSize: 100, buildings: false });
  const cands = randomCandidates(61, 6, 2, [0, 0, 600, 600], [40, 120]);
  const streetOf = (ids: number[], existing?: CameraSet): number => {
    const set = existing ? concat(existing, cands.subset(ids)) : cands.subset(ids);
    return set.numCameras === 0 ? 0 : computeStreetCoverage(set, city, { area: city.boundary }).coveredLength;
  };

  test('gains equal computeStreetCoverage differences, the order equals the plain greedy, and greedy ≥ (1 − 1/e) of the exhaustive optimum', () => {
    const r = optimisePlacement(cands, 3, { city, objective: 'streetLength' });
    expect(r.unit).toBe('m');
    let prev = 0;
    r.chosen.forEach((c, t) => {
      const now = streetOf(r.chosen.slice(0, t + 1));
      expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-6 * now);
      prev = now;
    });
    expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 3, (ids) => streetOf(ids)));
    let opt = 0;
    for (const s of subsets(cands.numCameras, 3)) opt = Math.max(opt, streetOf(s));
    expect(r.value).toBeGreaterThanOrEqual(ONE_MINUS_INV_E * opt);
    expect(r.bound).toBeGreaterThanOrEqual(opt * (1 - 1e-9));
  });

  test('with existing cameras the base value is their covered street length', () => {
    const existing = randomCandidates(62, 2, 1, [0, 0, 600, 600], [60, 100]);
    const r = optimisePlacement(cands, 2, { city, objective: 'streetLength', existing });
    expect(r.baseValue).toBeCloseTo(computeStreetCoverage(existing, city, { area: city.boundary }).coveredLength, 6);
    expect(r.value).toBeCloseTo(streetOf(r.chosen, existing) - r.baseValue, 6);
  });

  test('under a uniform population the population-weighted objective is the street length times the density', () => {
    const population = createPopulationGrid(city.boundary, { total: 36_000, cellSize: 100, densityDecay: Infinity });
    const uniformCity = { ...city, population };
    const density = 36_000 / 0.36; // residents per km² over 0.36 km²
    const a = optimisePlacement(cands, 3, { city: uniformCity, objective: 'streetLength' });
    const b = optimisePlacement(cands, 3, { city: uniformCity, objective: 'populationStreetLength' });
    expect(b.chosen).toEqual(a.chosen);
    b.gains.forEach((g, t) => expect(g).toBeCloseTo(a.gains[t] * density, 3));
  });

  test('under a population living in one grid cell only, a gain is the street length seen in that cell times its density', () => {
    // One 300 m cell, [−50, 250)², holds 9,000 residents (100,000 per km²); no street runs along its edges.
    const values = new Float64Array(9);
    values[0] = 9000;
    const oneCell = { ...city, population: { originX: -50, originY: -50, cellSize: 300, cols: 3, rows: 3, values, total: 9000 } };
    const r = optimisePlacement(cands, 3, { city: oneCell, objective: 'populationStreetLength' });
    expect(r.chosen.length).toBeGreaterThan(0);
    const inCell = (ids: number[]): number => (ids.length === 0 ? 0 : computeStreetCoverage(cands.subset(ids), city, { bounds: [-50, -50, 250, 250] }).coveredLength);
    r.chosen.forEach((c, t) => {
      const gain = inCell(r.chosen.slice(0, t + 1)) - inCell(r.chosen.slice(0, t));
      expect(Math.abs(r.gains[t] - gain * 100_000)).toBeLessThanOrEqual(1e-6 * r.gains[t]);
    });
  });

  test('refuses a street objective without a city, an unknown objective, a negative k and exclusive groups of the wrong length', () => {
    expect(() => optimisePlacement(cands, 2, { bounds: [0, 0, 600, 600], objective: 'streetLength' })).toThrow(/options\.city/);
    expect(() => optimisePlacement(cands, 2, { city, objective: 'visits' as never })).toThrow(InvalidInputError);
    expect(() => optimisePlacement(cands, -1, { city })).toThrow(/k/);
    expect(() => optimisePlacement(cands, 2, { city, exclusive: [0, 1] })).toThrow(/exclusive/);
    expect(() => optimisePlacement(cands, 2, { city, bogus: 1 } as never)).toThrow(/bogus/);
  });
});

describe('optimisePlacement by expected identifications along trips', () => {
  const city = generateGridCity({ boundary: [0, 0, 800, 800], blockSize: 100, buildings: false, population: 20_000 });
  const network = buildStreetNetwork(city.streets);
  const rng = createRng(3);
  const residents = createResidents(city, network, { numResidents: 400, seed: rng.stream('residents') });
  const plans = planTrips(city, network, residents, { seed: rng.stream('plans') });
  const { trips } = routeTrips(network, plans);
  // Face and plate cameras by the intersections (4K, 60°: identify reaches 13.3 m).
  const crng = createRng(4);
  const cams: CameraInput[] = [];
  for (let k = 0; k < 10; k++) {
    const x = 100 * (1 + Math.floor(crng.next() * 7)) + 3;
    const y = 100 * (1 + Math.floor(crng.next() * 7)) + 3;
    cams.push({ x, y, heading: crng.next() * 360, fov: 60, range: 60, resolutionPx: 3840, capabilities: ['face', 'plate'] });
  }
  const cands = createCameraSet(cams);
  /** Expected trips identified at least once, from sightings computed for the subset alone. */
  const identified = (ids: number[]): number => {
    if (ids.length === 0) return 0;
    const set = cands.subset(ids);
    const profile = computeStreetExposureProfile(set, city, { levels: ['range', 'identify'], occlusion: false });
    const s = computeSightings(trips, profile, set, { network });
    let total = 0;
    for (let t = 0; t < trips.numTrips; t++) total += identifiedAtLeastOnce(s.pIdentify.subarray(s.tripStart[t], s.tripStart[t + 1]));
    return total;
  };

  test('gains equal the differences of the expected trips identified (sightings of the chosen cameras alone), in the plain greedy order', () => {
    expect(trips.numTrips).toBeGreaterThan(300);
    const r = optimisePlacement(cands, 4, { city, objective: 'identifications', trips, network });
    expect(r.unit).toBe('trips');
    expect(r.chosen.length).toBeGreaterThan(1);
    let prev = 0;
    r.chosen.forEach((c, t) => {
      const now = identified(r.chosen.slice(0, t + 1));
      expect(Math.abs(r.gains[t] - (now - prev))).toBeLessThanOrEqual(1e-9 * Math.max(1, now));
      prev = now;
    });
    expect(r.chosen).toEqual(plainGreedy(cands.numCameras, 4, identified));
  });

  test('existing cameras: baseValue is what they identify, and gains are what each pick adds', () => {
    const existing = cands.subset([0, 1]);
    const rest = cands.subset([2, 3, 4, 5, 6, 7, 8, 9]);
    const r = optimisePlacement(rest, 2, { city, objective: 'identifications', trips, network, existing });
    expect(r.baseValue).toBeCloseTo(identified([0, 1]), 9);
    expect(r.baseValue + r.value).toBeCloseTo(identified([0, 1, ...r.chosen.map((c) => c + 2)]), 9);
  });

  test('refuses the identification objective without trips or network', () => {
    expect(() => optimisePlacement(cands, 2, { city, objective: 'identifications', network })).toThrow(/options\.trips/);
    expect(() => optimisePlacement(cands, 2, { city, objective: 'identifications', trips })).toThrow(/options\.network/);
  });
});

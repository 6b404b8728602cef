import { describe, expect, test } from 'vitest';
import polygonClipping from 'polygon-clipping';
import { computeCoverage, computeStreetCoverage, createCameraSet, createRng, generateGridCity, InvalidInputError } from '../../src/index.js';
import { AT_LEAST_MIN_K } from '../../src/coverage/index.js';
import { depthAt, inscribedDeficit, sectorRing, unionAreaByClipping, type SectorSpec } from './oracles.js';

const box = (b: [number, number, number, number]): [number, number][][] => [[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]];

function randomSectors(seed: number, count: number, b: [number, number, number, number], opts: { fovMin?: number; fovMax?: number; rMin?: number; rMax?: number; margin?: number } = {}): SectorSpec[] {
  const rng = createRng(seed);
  const { fovMin = 20, fovMax = 360, rMin = 5, rMax = 60, margin = 30 } = opts;
  const out: SectorSpec[] = [];
  for (let i = 0; i < count; i++) {
    const fovPick = rng.next();
    const fov = fovPick < 0.15 ? 360 : fovPick < 0.25 ? 180 : rng.uniform(fovMin, Math.min(fovMax, 359));
    out.push({ x: rng.uniform(b[0] - margin, b[2] + margin), y: rng.uniform(b[1] - margin, b[3] + margin), heading: rng.uniform(0, 360), fov, range: rng.uniform(rMin, rMax) });
  }
  return out;
}

describe('computeCoverage: the public contract', () => {
  test('one 60° sector of radius 40 inside the bounds covers π·40²/6 m²', () => {
    const cameras = createCameraSet([{ x: 10, y: 20, heading: 90, fov: 60, range: 40 }]);
    const r = computeCoverage(cameras, { bounds: [0, 0, 1000, 1000] });
    const expected = (Math.PI * 40 * 40) / 6; // αr²/2 with α = π/3
    expect(r.coveredArea).toBeCloseTo(expected, 9);
    expect(r.coveredFraction).toBeCloseTo(expected / 1e6, 15);
    expect(r.atLeast[0]).toBe(1);
    expect(r.atLeast[1]).toBeCloseTo(expected / 1e6, 15);
    expect(r.studyArea).toBe(1e6);
  });

  test('an empty camera set covers nothing and is not an error', () => {
    const r = computeCoverage(createCameraSet([]), { bounds: [0, 0, 10, 10] });
    expect(r.coveredArea).toBe(0);
    expect(r.coveredFraction).toBe(0);
    // Issue 17: k = 0 … 20 always present, 0 beyond the deepest level.
    expect(r.atLeast).toEqual([1, ...new Array(20).fill(0)]);
  });

  test('the result is plain data that survives a JSON round trip', () => {
    const r = computeCoverage(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]), { bounds: [-50, -50, 50, 50] });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('computeCoverage: hand-worked cases', () => {
  test('two discs of radius 10 whose centres are 10 m apart: union and lens', () => {
    // Lens area of two circles r = 10 at distance d = 10: 2r²·acos(d/2r) − (d/2)·√(4r² − d²).
    const lens = 2 * 100 * Math.acos(0.5) - 5 * Math.sqrt(400 - 100);
    const r = computeCoverage(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 360, range: 10 }, { x: 10, y: 0, heading: 0, fov: 360, range: 10 }]), { bounds: [-100, -100, 100, 100] });
    expect(r.coveredArea).toBeCloseTo(2 * Math.PI * 100 - lens, 9);
    expect(r.areaAtLeast[2]).toBeCloseTo(lens, 9);
    // Deepest level 2; entries up to k = 20 are there, 0 beyond it (issue 17).
    expect(r.atLeast.length).toBe(21);
    expect(r.atLeast[3]).toBe(0);
    expect(r.areaAtLeast.length).toBe(21);
  });

  test('a disc centred on a corner of the bounds is clipped to a quarter', () => {
    const r = computeCoverage(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 360, range: 10 }]), { bounds: [0, 0, 100, 100] });
    expect(r.coveredArea).toBeCloseTo((Math.PI * 100) / 4, 9);
  });

  test('a camera wholly outside the bounds covers nothing; one whose disc holds the bounds covers all', () => {
    const out = computeCoverage(createCameraSet([{ x: -500, y: 0, heading: 0, fov: 360, range: 10 }]), { bounds: [0, 0, 100, 100] });
    expect(out.coveredArea).toBe(0);
    const all = computeCoverage(createCameraSet([{ x: 50, y: 50, heading: 0, fov: 360, range: 1000 }]), { bounds: [0, 0, 100, 100] });
    expect(all.coveredArea).toBeCloseTo(1e4, 8);
    expect(all.coveredFraction).toBeCloseTo(1, 12);
  });

  test('four 90° cameras on one pole pointing N, E, S, W make one disc, covered once', () => {
    const r = computeCoverage(createCameraSet([0, 90, 180, 270].map((heading) => ({ x: 50, y: 50, heading, fov: 90, range: 10 }))), { bounds: [0, 0, 100, 100] });
    expect(r.coveredArea).toBeCloseTo(Math.PI * 100, 9);
    expect(r.atLeast.length).toBe(21);
    expect(r.atLeast.slice(2)).toEqual(new Array(19).fill(0));
  });

  test('three identical cameras cover their sector three times', () => {
    const r = computeCoverage(createCameraSet([1, 2, 3].map(() => ({ x: 50, y: 50, heading: 30, fov: 60, range: 10 }))), { bounds: [0, 0, 100, 100] });
    const a = (Math.PI * 100) / 6;
    expect(r.areaAtLeast[1]).toBeCloseTo(a, 9);
    expect(r.areaAtLeast[2]).toBeCloseTo(a, 9);
    expect(r.areaAtLeast[3]).toBeCloseTo(a, 9);
  });

  test('a 270° camera covers three quarters of its disc', () => {
    const r = computeCoverage(createCameraSet([{ x: 0, y: 0, heading: 45, fov: 270, range: 20 }]), { bounds: [-100, -100, 100, 100] });
    expect(r.coveredArea).toBeCloseTo(0.75 * Math.PI * 400, 9);
  });

  test('a Sergek-style pole with six 70° cameras at 60° spacing covers a disc, with six 10° double wedges', () => {
    const cams = [0, 1, 2, 3, 4, 5].map((k) => ({ x: 0, y: 0, heading: k * 60, fov: 70, range: 25 }));
    const r = computeCoverage(createCameraSet(cams), { bounds: [-100, -100, 100, 100] });
    expect(r.coveredArea).toBeCloseTo(Math.PI * 625, 8);
    // Six overlaps of 10° each: 60° in all, i.e. one sixth of the disc.
    expect(r.areaAtLeast[2]).toBeCloseTo((Math.PI * 625) / 6, 8);
  });

  test('the DORI level shrinks the footprint: identify distance of a 1920 px, 90° camera is 3.84 m', () => {
    const cameras = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 100, resolutionPx: 1920 }]);
    const r = computeCoverage(cameras, { bounds: [-200, -200, 200, 200], level: 'identify' });
    const d = 1920 / (2 * 250 * Math.tan(Math.PI / 4)); // EN 62676-4: 250 px/m
    expect(r.coveredArea).toBeCloseTo((Math.PI / 4) * d * d, 9);
    expect(r.params.level).toBe('identify');
  });
});

describe('computeCoverage against polygon-clipping (an independent library)', () => {
  const perCircle = 4096;
  const tol = inscribedDeficit(perCircle) * 1.5; // the oracle's polygons are inscribed

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    test(`random layout ${seed}: 40 mixed sectors in a 200 m box`, () => {
      const b: [number, number, number, number] = [0, 0, 200, 200];
      const sectors = randomSectors(seed, 40, b);
      const r = computeCoverage(createCameraSet(sectors), { bounds: b });
      const oracle = unionAreaByClipping(sectors, box(b), perCircle);
      expect(Math.abs(r.coveredArea - oracle)).toBeLessThanOrEqual(tol * oracle + 1e-6);
      expect(r.coveredArea).toBeGreaterThanOrEqual(oracle - 1e-6); // inscribed polygons never exceed the truth
    });
  }

  test('a polygon study area with a hole (an L-shape around a courtyard)', () => {
    const outer: [number, number][] = [[0, 0], [300, 0], [300, 100], [100, 100], [100, 300], [0, 300], [0, 0]];
    const hole: [number, number][] = [[20, 20], [60, 20], [60, 60], [20, 60], [20, 20]];
    const sectors = randomSectors(11, 60, [0, 0, 300, 300]);
    const r = computeCoverage(createCameraSet(sectors), { area: [outer, hole] });
    const oracle = unionAreaByClipping(sectors, [outer, hole], perCircle);
    expect(Math.abs(r.coveredArea - oracle)).toBeLessThanOrEqual(tol * oracle + 1e-6);
    expect(r.studyArea).toBeCloseTo(300 * 100 + 100 * 200 - 40 * 40, 9);
  });

  test('a rotated square study area (edges not aligned with the axes)', () => {
    const c = 150;
    const sq: [number, number][] = [0, 1, 2, 3, 0].map((k) => [c + 120 * Math.cos(0.3 + (k * Math.PI) / 2), c + 120 * Math.sin(0.3 + (k * Math.PI) / 2)]);
    const sectors = randomSectors(12, 50, [0, 0, 300, 300]);
    const r = computeCoverage(createCameraSet(sectors), { area: [sq] });
    const oracle = unionAreaByClipping(sectors, [sq], perCircle);
    expect(Math.abs(r.coveredArea - oracle)).toBeLessThanOrEqual(tol * oracle + 1e-6);
  });

  test('k = 2 coverage equals the union of pairwise intersections', () => {
    const b: [number, number, number, number] = [0, 0, 150, 150];
    const sectors = randomSectors(21, 14, b, { rMin: 20, rMax: 50 });
    const polys = sectors.map((s) => [sectorRing(s, perCircle)] as [number, number][][]);
    const pairs = [];
    for (let i = 0; i < polys.length; i++) for (let j = i + 1; j < polys.length; j++) {
      const x = polygonClipping.intersection(polys[i], polys[j]);
      if (x.length) pairs.push(x);
    }
    const union2 = polygonClipping.intersection(polygonClipping.union(pairs[0], ...pairs.slice(1)), box(b));
    let oracle = 0;
    for (const poly of union2) poly.forEach((ring, k) => {
      let s = 0;
      for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      oracle += k === 0 ? Math.abs(s) / 2 : -Math.abs(s) / 2;
    });
    const r = computeCoverage(createCameraSet(sectors), { bounds: b });
    expect(Math.abs(r.areaAtLeast[2] - oracle)).toBeLessThanOrEqual(2 * tol * oracle + 1e-6);
  });
});

describe('computeCoverage against brute-force point sampling', () => {
  test('every k-coverage share matches a 500 × 500 cell-centre grid within its discretisation error', () => {
    const b: [number, number, number, number] = [0, 0, 250, 250];
    const sectors = randomSectors(31, 120, b, { rMin: 10, rMax: 50 });
    const r = computeCoverage(createCameraSet(sectors), { bounds: b });
    const N = 500;
    const h = 250 / N;
    const counts: number[] = [];
    for (let iy = 0; iy < N; iy++) for (let ix = 0; ix < N; ix++) {
      const d = depthAt(sectors, (ix + 0.5) * h, (iy + 0.5) * h);
      for (let k = 0; k <= d; k++) counts[k] = (counts[k] ?? 0) + 1;
    }
    for (let k = 1; k < Math.max(counts.length, r.atLeast.length); k++) {
      const sampled = (counts[k] ?? 0) / (N * N);
      const exact = r.atLeast[k] ?? 0;
      // Cell-centre sampling errs only in cells cut by a boundary: the total boundary
      // length here is below 120 · (2·50 + 2π·50) ≈ 50 km → at most ~50,000·h/2 m² ≈ 0.4% of the box.
      expect(Math.abs(sampled - exact)).toBeLessThan(0.004);
    }
  });
});

describe('computeCoverage against the Boolean model (Hall 1988; Stoyan, Kendall & Mecke)', () => {
  test('coverage and k-coverage of uniformly placed sectors agree with 1 − exp(−λ·αr²/2) and its Poisson tail within 3 SE', () => {
    // Inner window W = 1 km²; apexes uniform on W grown by r so no footprint touching W is missing.
    const r = 40;
    const fov = 90;
    const alpha = (fov * Math.PI) / 180;
    const footprint = (alpha * r * r) / 2;
    const grow = r;
    const outerArea = (1000 + 2 * grow) ** 2;
    const numCameras = 400;
    const p = footprint / outerArea; // P(one camera covers a given point of W): exact for a binomial process
    const replicates = 24;
    const levels = [1, 2, 3];
    const samples: number[][] = levels.map(() => []);
    for (let rep = 0; rep < replicates; rep++) {
      const rng = createRng(`boolean-${rep}`);
      const cams = [];
      for (let i = 0; i < numCameras; i++) cams.push({ x: rng.uniform(-grow, 1000 + grow), y: rng.uniform(-grow, 1000 + grow), heading: rng.uniform(0, 360), fov, range: r });
      const res = computeCoverage(createCameraSet(cams), { bounds: [0, 0, 1000, 1000] });
      levels.forEach((k, li) => samples[li].push(res.atLeast[k] ?? 0));
    }
    // Binomial(n, p) tail (the fixed-count process), and its Poisson limit (the Boolean model).
    const binomTail = (k: number) => {
      let cdf = 0;
      for (let m = 0; m < k; m++) cdf += binom(numCameras, m) * p ** m * (1 - p) ** (numCameras - m);
      return 1 - cdf;
    };
    const mu = numCameras * p;
    const poissonTail = (k: number) => {
      let cdf = 0;
      for (let m = 0; m < k; m++) cdf += (Math.exp(-mu) * mu ** m) / factorial(m);
      return 1 - cdf;
    };
    levels.forEach((k, li) => {
      const xs = samples[li];
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
      const se = sd / Math.sqrt(xs.length);
      expect(Math.abs(mean - binomTail(k))).toBeLessThan(3 * se);
      // The Boolean (Poisson) formula differs from the binomial by O(p); allow that too.
      expect(Math.abs(mean - poissonTail(k))).toBeLessThan(3 * se + 2 * p);
    });
  });
});

function binom(n: number, k: number): number {
  let v = 1;
  for (let i = 1; i <= k; i++) v = (v * (n - k + i)) / i;
  return v;
}
function factorial(k: number): number {
  let v = 1;
  for (let i = 2; i <= k; i++) v *= i;
  return v;
}

describe('computeCoverage with availability weights', () => {
  test('expected coverage equals the average over all 2^n up/down states (n = 8)', () => {
    const b: [number, number, number, number] = [0, 0, 120, 120];
    const sectors = randomSectors(41, 8, b, { rMin: 30, rMax: 60, margin: 0 });
    const probs = [0.9, 0.5, 0.75, 0.2, 1, 0.6, 0.33, 0.8];
    const weighted = computeCoverage(createCameraSet(sectors), { bounds: b, availability: probs });
    const expected: number[] = [];
    for (let mask = 0; mask < 256; mask++) {
      let w = 1;
      const up: SectorSpec[] = [];
      for (let i = 0; i < 8; i++) {
        if (mask & (1 << i)) {
          w *= probs[i];
          up.push(sectors[i]);
        } else w *= 1 - probs[i];
      }
      if (w === 0) continue;
      const res = computeCoverage(createCameraSet(up), { bounds: b });
      res.areaAtLeast.forEach((a, k) => {
        expected[k] = (expected[k] ?? 0) + w * a;
      });
    }
    for (let k = 1; k < expected.length; k++) {
      expect(weighted.areaAtLeast[k] ?? 0).toBeCloseTo(expected[k], 6);
    }
    expect(weighted.params.availability).toBe('per-camera');
  });

  test('availability 1 gives the plain result and availability 0 covers nothing', () => {
    const sectors = randomSectors(42, 30, [0, 0, 200, 200]);
    const cams = createCameraSet(sectors);
    const plain = computeCoverage(cams, { bounds: [0, 0, 200, 200] });
    const one = computeCoverage(cams, { bounds: [0, 0, 200, 200], availability: 1 });
    expect(one.coveredArea).toBeCloseTo(plain.coveredArea, 8);
    expect(computeCoverage(cams, { bounds: [0, 0, 200, 200], availability: 0 }).coveredArea).toBe(0);
  });
});

describe('computeCoverage at large coordinates', () => {
  test('a layout moved to UTM-like coordinates (x + 500,000, y + 4,800,000) covers the same areas', () => {
    const b: [number, number, number, number] = [0, 0, 300, 300];
    const sectors = randomSectors(61, 80, b);
    const here = computeCoverage(createCameraSet(sectors), { bounds: b });
    const dx = 500_000;
    const dy = 4_800_000;
    const moved = sectors.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy }));
    const there = computeCoverage(createCameraSet(moved), { bounds: [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy] });
    // Everything is computed relative to the study area's centre, so only the input rounding differs.
    for (let k = 1; k < here.areaAtLeast.length; k++) expect(there.areaAtLeast[k]).toBeCloseTo(here.areaAtLeast[k], 4);
  });
});

describe('computeCoverage: determinism', () => {
  test('the same cameras give byte-identical results', () => {
    const sectors = randomSectors(51, 300, [0, 0, 500, 500]);
    const a = computeCoverage(createCameraSet(sectors), { bounds: [0, 0, 500, 500] });
    const b = computeCoverage(createCameraSet(sectors), { bounds: [0, 0, 500, 500] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('computeCoverage: bad input', () => {
  const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);
  test('inverted bounds', () => {
    expect(() => computeCoverage(cams, { bounds: [10, 0, 0, 10] })).toThrow(InvalidInputError);
    expect(() => computeCoverage(cams, { bounds: [10, 0, 0, 10] })).toThrow(/computeCoverage: options.bounds must have minX < maxX/);
  });
  test('non-finite bounds', () => {
    expect(() => computeCoverage(cams, { bounds: [0, 0, NaN, 10] })).toThrow(/options.bounds\[2\] must be a finite number, got NaN/);
    expect(() => computeCoverage(cams, { bounds: [0, 0, Infinity, 10] })).toThrow(/got Infinity/);
  });
  test('no study area', () => {
    expect(() => computeCoverage(cams, {})).toThrow(/computeCoverage: options.bounds or options.area/);
  });
  test('bounds and area together', () => {
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], area: [[[0, 0], [1, 0], [1, 1]]] })).toThrow(/options.area must not be given together/);
  });
  test('a degenerate polygon area', () => {
    expect(() => computeCoverage(cams, { area: [[[0, 0], [1, 0], [0, 0]]] })).toThrow(InvalidInputError);
    expect(() => computeCoverage(cams, { area: [[[0, 0], [1, 0], [NaN, 1]]] })).toThrow(/options.area\[0\]\[2\] must be a position/);
  });
  test('invalid polygon areas: overlapping parts, a duplicated part, a stray hole, a bow-tie', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const disc = createCameraSet([{ x: 50, y: 50, heading: 0, fov: 360, range: 40 }]);
    expect(() => computeCoverage(disc, { area: [[sq(0, 0, 60, 100)], [sq(40, 0, 100, 100)]] })).toThrow(/computeCoverage: options.area must be a valid polygon: edges of .* (cross|overlap)/);
    expect(() => computeCoverage(disc, { area: [[sq(0, 0, 100, 100)], [sq(0, 0, 100, 100)]] })).toThrow(/options.area must be a valid polygon: .* overlap along a length/);
    expect(() => computeCoverage(disc, { area: [sq(0, 0, 100, 100), sq(200, 200, 210, 210)] })).toThrow(/a hole or a lobe lies outside its polygon/);
    expect(() => computeCoverage(disc, { area: [[[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]]] })).toThrow(InvalidInputError);
    expect(() => computeCoverage(disc, { area: [[sq(0, 0, 100, 100)], [sq(20, 20, 40, 40)]] })).toThrow(/parts or rings overlap/);
  });

  test('parts that abut along an edge (like districts) are accepted', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const disc = createCameraSet([{ x: 50, y: 50, heading: 0, fov: 360, range: 1000 }]);
    const r = computeCoverage(disc, { area: [[sq(0, 0, 50, 100)], [sq(50, 0, 100, 100)]] });
    expect(r.studyArea).toBeCloseTo(10000, 9);
    expect(r.coveredArea).toBeCloseTo(10000, 8);
  });

  test('a valid island inside a lake is accepted and measured', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const disc = createCameraSet([{ x: 50, y: 50, heading: 0, fov: 360, range: 1000 }]);
    const r = computeCoverage(disc, { area: [[sq(0, 0, 100, 100), sq(20, 20, 80, 80)], [sq(40, 40, 60, 60)]] });
    expect(r.studyArea).toBeCloseTo(10000 - 3600 + 400, 9);
    expect(r.coveredFraction).toBeCloseTo(1, 12);
  });

  test('bounds whose area overflows', () => {
    expect(() => computeCoverage(cams, { bounds: [-1e300, -1e300, 1e300, 1e300] })).toThrow(/options.bounds must have a finite area/);
  });

  test('an unknown level', () => {
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], level: 'see' as never })).toThrow(/options.level must be one of/);
  });
  test('availability outside [0, 1] or of the wrong length', () => {
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], availability: 1.5 })).toThrow(/options.availability must be a probability in \[0, 1\], got 1.5/);
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], availability: [0.5, 0.5] })).toThrow(/options.availability.length must equal the number of cameras \(1\), got 2/);
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], availability: [NaN] })).toThrow(/options.availability\[0\] must be a probability/);
  });
  test('occlusion without buildings', () => {
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], occlusion: true })).toThrow(/options.occlusion needs options.city or options.buildings/);
  });
  test('occluders that are not a BuildingSet', () => {
    expect(() => computeCoverage(cams, { bounds: [0, 0, 1, 1], occlusion: true, buildings: {} as never })).toThrow(/computeCoverage: options.buildings/);
  });
  test('not a camera set', () => {
    expect(() => computeCoverage([] as never, { bounds: [0, 0, 1, 1] })).toThrow(/computeCoverage: cameras must be a CameraSet/);
  });
});

describe('computeCoverage records where its cameras came from', () => {
  test('a placed camera set carries its generator and seed into the result', async () => {
    const { generateGridCity, placeAtIntersections } = await import('../../src/index.js');
    const city = generateGridCity({ boundary: [0, 0, 600, 600], blockSize: 100 });
    const cams = placeAtIntersections(city, { seed: 5, fov: 90, range: 30 });
    const r = computeCoverage(cams, { city });
    expect(r.params.cameras?.generator).toBe('placeAtIntersections');
    expect(r.params.cameras?.seed).toBe(5);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('atLeast has entries k = 0 … 20 at least (issue 17)', () => {
  test('reading atLeast[k] for any k up to 20 gives a number, 0 where nothing is seen k times, for area and street coverage', () => {
    expect(AT_LEAST_MIN_K).toBe(20);
    const city = generateGridCity({ boundary: [0, 0, 600, 600], buildings: false });
    const cams = createCameraSet([{ x: 300, y: 300, heading: 0, fov: 90, range: 50 }]);
    const area = computeCoverage(cams, { bounds: [0, 0, 600, 600] });
    const street = computeStreetCoverage(cams, city);
    for (const r of [area, street]) {
      expect(r.atLeast.length).toBe(21);
      expect(r.atLeast[1]).toBeGreaterThan(0);
      for (let k = 2; k <= 20; k++) expect(r.atLeast[k], `k = ${k}`).toBe(0);
    }
    expect(street.lengthAtLeast.length).toBe(21);
  });
});

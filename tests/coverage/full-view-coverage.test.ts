import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import { computeCoverage, computeStreetCoverage, createCameraSet, createRng, InvalidInputError, type StreetGraph } from '../../src/index.js';
import { computeFullViewCoverage, largestAngularGap } from '../../src/exposure/index.js';
import { inSector, type SectorSpec } from './oracles.js';

/** A street graph of straight segments given as [x0, y0, x1, y1]. */
function streetsOf(segments: [number, number, number, number][]): { streets: StreetGraph } {
  const g = new Graph({ type: 'undirected', multi: false }) as unknown as StreetGraph;
  segments.forEach(([x0, y0, x1, y1], k) => {
    g.addNode(`a${k}`, { x: x0, y: y0 });
    g.addNode(`b${k}`, { x: x1, y: y1 });
    g.addEdgeWithKey(`e${k}`, `a${k}`, `b${k}`, { length: Math.hypot(x1 - x0, y1 - y0), streetClass: 'local', width: 10 });
  });
  return { streets: g };
}

const deg = Math.PI / 180;

/**
 * Oracle, written differently from the library: the arcs [φ − θ, φ + θ] of
 * facing directions each covering camera sees cover the circle iff just past
 * every arc's right end lies strictly inside another arc (Wang & Cao's
 * definition read directly; no sorting, no gaps).
 */
function fullViewOracle(sectors: SectorSpec[], px: number, py: number, thetaDeg: number): { covered: boolean; full: boolean; fwd: (ux: number, uy: number) => boolean } {
  const phis: number[] = [];
  for (const s of sectors) if (inSector(s, px, py)) phis.push(Math.atan2(s.y - py, s.x - px));
  const th = thetaDeg * deg;
  const diff = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));
  let full = phis.length > 0 && th >= Math.PI;
  if (phis.length > 0 && th < Math.PI) full = phis.every((p) => phis.some((q) => diff(p + th + 1e-12, q) < th));
  return {
    covered: phis.length > 0,
    full,
    fwd: (ux, uy) => phis.some((p) => diff(p, Math.atan2(uy, ux)) <= th),
  };
}

function randomSectors(seed: string, n: number, size: number): SectorSpec[] {
  const rng = createRng(seed);
  const out: SectorSpec[] = [];
  for (let i = 0; i < n; i++) out.push({ x: rng.uniform(0, size), y: rng.uniform(0, size), heading: rng.uniform(0, 360), fov: [60, 90, 120, 360][rng.int(4)], range: rng.uniform(20, 60) });
  return out;
}

describe('largestAngularGap and the full-view condition, worked by hand', () => {
  test('cameras at 0°, 120° and 240° leave gaps of 120°: full-view for θ ≥ 60° and not below', () => {
    const gap = largestAngularGap(Float64Array.of(0, 120 * deg, 240 * deg), 3);
    expect(gap).toBeCloseTo(120 * deg, 12);
    // The point at the centre of three omnidirectional cameras at 0°, 120°, 240°, 50 m away.
    const cams = createCameraSet([0, 120, 240].map((a) => ({ x: 50 * Math.cos(a * deg), y: 50 * Math.sin(a * deg), heading: 0, fov: 360, range: 100 })));
    const at = (theta: number) => computeFullViewCoverage(cams, { bounds: [-1e-3, -1e-3, 1e-3, 1e-3], level: 'range', effectiveAngle: theta, samples: 50 }).area!;
    // Exactly 60°: the gap test allows 1e-9 rad of rounding, so the centre itself counts (points 1 mm off it do not).
    expect(gap <= 2 * 60 * deg + 1e-9).toBe(true);
    expect(at(60.01).fullView.share).toBe(1);
    expect(at(59.99).fullView.share).toBe(0);
    expect(at(59.99).covered.share).toBe(1);
  });

  test('one camera is never enough below θ = 180°; two opposite cameras need θ ≥ 90°', () => {
    expect(largestAngularGap(Float64Array.of(1), 1)).toBeCloseTo(2 * Math.PI, 15);
    expect(largestAngularGap(Float64Array.of(0, Math.PI), 2)).toBeCloseTo(Math.PI, 15);
    const two = createCameraSet([{ x: -30, y: 0, heading: 0, fov: 360, range: 100 }, { x: 30, y: 0, heading: 0, fov: 360, range: 100 }]);
    const box: [number, number, number, number] = [-1e-3, -1e-3, 1e-3, 1e-3];
    expect(computeFullViewCoverage(two, { bounds: box, level: 'range', effectiveAngle: 90.01, samples: 20 }).area!.fullView.share).toBe(1);
    expect(computeFullViewCoverage(two, { bounds: box, level: 'range', effectiveAngle: 89.9, samples: 20 }).area!.fullView.share).toBe(0);
  });

  test('a street past one camera: face-on while walking towards it, exactly where the closed form says', () => {
    // Camera 10 m north of a 200 m street, omnidirectional, 60 m range: covered on x ∈ [100 − √3500, 100 + √3500].
    // Walking east (forward) the camera is within θ = 45° of the walking direction for x ≤ 100 − 10·cot 45° = 90;
    // walking west for x ≥ 110. Full view never (one camera).
    const cams = createCameraSet([{ x: 100, y: 10, heading: 0, fov: 360, range: 60 }]);
    const r = computeFullViewCoverage(cams, { bounds: [0, -50, 200, 50], city: streetsOf([[0, 0, 200, 0]]), level: 'range', effectiveAngle: 45, samples: 0 }).streets!;
    const half = Math.sqrt(3500);
    expect(r.coveredLength).toBeCloseTo(2 * half, 9);
    expect(r.forwardLength).toBeCloseTo(90 - (100 - half), 9);
    expect(r.backwardLength).toBeCloseTo(100 + half - 110, 9);
    expect(r.bothDirectionsLength).toBe(0);
    expect(r.fullViewLength).toBe(0);
    expect(r.walkingOfCovered).toBeCloseTo((2 * (half - 10)) / (2 * 2 * half), 9);
  });

  test('a street between two cameras on either side: full view (θ = 90°) exactly between them', () => {
    // Cameras at (80, 0) … no: at (50, 20) and (150, −20), omni, range 200: the angle they subtend at (x, 0) is 180° only
    // on the segment joining them, which crosses the street at x = 100; with θ = 90° the gap ≤ 180° holds where the
    // subtended angle is ≥ 180°… i.e. only at x = 100 (a null set): full-view length 0. With θ = 100°, gap ≤ 200°
    // holds where the subtended angle ≥ 160°: on the street, |x − 100| ≤ x* with atan terms solved below.
    const cams = createCameraSet([{ x: 50, y: 20, heading: 0, fov: 360, range: 500 }, { x: 150, y: -20, heading: 0, fov: 360, range: 500 }]);
    const city = streetsOf([[0, 0, 200, 0]]);
    const at = (theta: number) => computeFullViewCoverage(cams, { bounds: [0, -50, 200, 50], city, level: 'range', effectiveAngle: theta, samples: 0 }).streets!;
    expect(at(90).fullViewLength).toBeCloseTo(0, 9);
    // Subtended angle at (x, 0): π − atan(20 / |x − 50|)-type terms; solve angle(x) = 160° by bisection (oracle).
    const subtended = (x: number) => {
      const a = Math.atan2(20, 50 - x);
      const b = Math.atan2(-20, 150 - x);
      return Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));
    };
    const solve = (lo: number, hi: number) => {
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if ((subtended(mid) >= 160 * deg) === (subtended(lo) >= 160 * deg)) lo = mid;
        else hi = mid;
      }
      return lo;
    };
    const x0 = solve(50, 100);
    const x1 = solve(150, 100);
    expect(at(100).fullViewLength).toBeCloseTo(x1 - x0, 6);
  });
});

describe('computeFullViewCoverage against a brute-force oracle on random inputs', () => {
  const sectors = randomSectors('fv-brute', 40, 200);
  const cams = createCameraSet(sectors);
  const segs: [number, number, number, number][] = [];
  const rng = createRng('fv-streets');
  for (let i = 0; i < 12; i++) segs.push([rng.uniform(0, 200), rng.uniform(0, 200), rng.uniform(0, 200), rng.uniform(0, 200)]);
  const city = streetsOf(segs);

  for (const theta of [30, 45, 60, 90, 120]) {
    test(`street lengths are exact: dense sampling along each segment agrees (θ = ${theta}°)`, () => {
      const r = computeFullViewCoverage(cams, { bounds: [0, 0, 200, 200], city, level: 'range', effectiveAngle: theta, samples: 0 }).streets!;
      const N = 4000;
      let cov = 0, full = 0, fwd = 0, bwd = 0, total = 0;
      let transitions = 0;
      for (const [x0, y0, x1, y1] of segs) {
        const len = Math.hypot(x1 - x0, y1 - y0);
        total += len;
        const ux = (x1 - x0) / len, uy = (y1 - y0) / len;
        let prev = '';
        for (let i = 0; i < N; i++) {
          const t = (i + 0.5) / N;
          const o = fullViewOracle(sectors, x0 + t * (x1 - x0), y0 + t * (y1 - y0), theta);
          const f = o.covered && o.fwd(ux, uy), b = o.covered && o.fwd(-ux, -uy);
          if (o.covered) cov += len / N;
          if (o.full) full += len / N;
          if (f) fwd += len / N;
          if (b) bwd += len / N;
          const key = `${o.covered}${o.full}${f}${b}`;
          if (i > 0 && key !== prev) transitions++;
          prev = key;
        }
      }
      // Midpoint sampling misjudges at most one sample step per transition.
      const tol = ((transitions + segs.length) * 200 * Math.SQRT2) / N;
      expect(r.totalLength).toBeCloseTo(total, 9);
      expect(Math.abs(r.coveredLength - cov)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.fullViewLength - full)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.forwardLength - fwd)).toBeLessThanOrEqual(tol);
      expect(Math.abs(r.backwardLength - bwd)).toBeLessThanOrEqual(tol);
      if (theta >= 60) expect(full).toBeGreaterThan(0); // some full view to compare (none at 30° and 45° with 40 cameras)
    });
  }

  test('covered street length equals computeStreetCoverage', () => {
    const r = computeFullViewCoverage(cams, { bounds: [0, 0, 200, 200], city, level: 'range', samples: 0 }).streets!;
    expect(r.coveredLength).toBeCloseTo(computeStreetCoverage(cams, city).coveredLength, 6);
  });

  test('area shares: an independent brute-force estimate falls within the stated interval', () => {
    const theta = 60;
    const sectors = randomSectors('fv-area', 150, 200);
    const cams = createCameraSet(sectors);
    const r = computeFullViewCoverage(cams, { bounds: [0, 0, 200, 200], level: 'range', effectiveAngle: theta, samples: 20_000, confidence: 0.999 }).area!;
    const brng = createRng('fv-oracle-points');
    const M = 40_000;
    let cov = 0, full = 0;
    for (let i = 0; i < M; i++) {
      const o = fullViewOracle(sectors, brng.uniform(0, 200), brng.uniform(0, 200), theta);
      if (o.covered) cov++;
      if (o.full) full++;
    }
    // Two independent estimates: each within its own 99.9 % interval of the truth, so they differ by at most both half-widths.
    const bHalf = 3.29 * Math.sqrt((full / M) * (1 - full / M) / M);
    expect(full / M).toBeGreaterThanOrEqual(r.fullView.low - bHalf);
    expect(full / M).toBeLessThanOrEqual(r.fullView.high + bHalf);
    // The covered share has an exact value: computeCoverage.
    const exact = computeCoverage(cams, { bounds: [0, 0, 200, 200] }).coveredFraction;
    expect(exact).toBeGreaterThanOrEqual(r.covered.low);
    expect(exact).toBeLessThanOrEqual(r.covered.high);
    expect(Math.abs(r.samples - 20_000)).toBeLessThan(200);
    expect(r.fullView.share).toBeGreaterThan(0.05); // enough full view for the comparison to mean something
    // The share of the covered area comes from points drawn uniformly on it (depth-corrected): it matches the oracle's
    // share among its covered points, which are uniform on the covered area by construction.
    const cHalf = 3.29 * Math.sqrt((full / cov) * (1 - full / cov) / cov);
    expect(r.fullViewOfCovered.of).toBe(20_000);
    expect(full / cov).toBeGreaterThanOrEqual(r.fullViewOfCovered.low - cHalf);
    expect(full / cov).toBeLessThanOrEqual(r.fullViewOfCovered.high + cHalf);
    // Without the uniform points it is the share among the covered grid points.
    const g = computeFullViewCoverage(cams, { bounds: [0, 0, 200, 200], level: 'range', effectiveAngle: theta, samples: 20_000, coveredSamples: 0 }).area!;
    expect(g.fullViewOfCovered.of).toBe(g.covered.count);
    expect(g.fullViewOfCovered.count).toBe(g.fullView.count);
  });

  test('points on the covered area are uniform on it, whatever the depth: a region seen by three cameras is hit in proportion to its area', () => {
    // A large disc (one camera, depth 1) and, apart from it, three omnidirectional cameras 5 m from (100, 0) at 0°, 120°
    // and 240°, each seeing 10 m (depth 1 to 3). With θ = 89°, full view holds where all three cover the point and the
    // gaps between them stay ≤ 178°: near the middle of their triangle, where the depth is 3. Sampling that ignored the
    // depth would find it about three times too often.
    const three = [0, 120, 240].map((a) => ({ x: 100 + 5 * Math.cos(a * deg), y: 5 * Math.sin(a * deg), heading: 0, fov: 360, range: 10 }));
    const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 360, range: 40 }, ...three]);
    const r = computeFullViewCoverage(cams, { bounds: [-50, -50, 120, 50], level: 'range', effectiveAngle: 89, samples: 100, coveredSamples: 40_000 }).area!;
    // The oracle: full-view area and the small discs' union by a fine grid; the large disc's area in closed form.
    let fullArea = 0, union3 = 0;
    const h = 0.05;
    for (let x = 85 + h / 2; x < 115; x += h) {
      for (let y = -15 + h / 2; y < 15; y += h) {
        const o = fullViewOracle(three, x, y, 89);
        if (o.covered) union3 += h * h;
        if (o.full) fullArea += h * h;
      }
    }
    const expected = fullArea / (Math.PI * 1600 + union3);
    expect(expected).toBeGreaterThan(0.003);
    // 99.9 % of the time within 3.29 standard errors; the grid's own error is far below that.
    const se = Math.sqrt((expected * (1 - expected)) / 40_000);
    expect(Math.abs(r.fullViewOfCovered.share - expected)).toBeLessThanOrEqual(3.29 * se);
  });

  test('the same seed gives the same result; the sample count is about the requested one inside a polygon', () => {
    const area = [[[0, 0], [200, 0], [0, 200], [0, 0]]];
    const a = computeFullViewCoverage(cams, { area, level: 'range', samples: 5000, seed: 'x' });
    const b = computeFullViewCoverage(cams, { area, level: 'range', samples: 5000, seed: 'x' });
    expect(a).toEqual(b);
    expect(Math.abs(a.area!.samples - 5000)).toBeLessThan(200);
  });
});

describe('random deployments: Stevens (1939) and the density conditions of Wang & Cao (2011)', () => {
  /** Stevens: probability that n arcs of length a (fraction of the circle) placed uniformly at random cover it. */
  function stevens(n: number, a: number): number {
    if (n === 0) return 0;
    if (a >= 1) return 1;
    let s = 0;
    let binom = 1;
    for (let k = 0; k <= Math.floor(1 / a) && k <= n; k++) {
      s += (k % 2 === 0 ? 1 : -1) * binom * Math.pow(1 - k * a, n - 1);
      binom = (binom * (n - k)) / (k + 1);
    }
    return s;
  }
  /** P(full view) at a point with Poisson(μ) covering cameras in uniformly random directions. */
  function poissonFullView(mu: number, thetaDeg: number): number {
    let p = Math.exp(-mu);
    let s = 0;
    for (let n = 0; n < 200; n++) {
      s += p * stevens(n, thetaDeg / 180);
      p *= mu / (n + 1);
    }
    return s;
  }
  function poissonTail(mu: number, k: number): number {
    let p = Math.exp(-mu);
    let below = 0;
    for (let n = 0; n < k; n++) {
      below += p;
      p *= mu / (n + 1);
    }
    return 1 - below;
  }

  // Cameras of radius r, uniform random headings, Poisson in a window; the study area is inset by r (no edge effect).
  const r = 15;
  const W = 900;
  for (const [fov, mu, theta] of [[360, 8, 60], [90, 6, 45], [360, 12, 30]] as const) {
    test(`fov ${fov}°, μ = ${mu} covering cameras per point, θ = ${theta}°: the sampled share matches Stevens' formula and lies between the necessary and sufficient bounds`, () => {
      const lambda = mu / (Math.PI * r * r * (fov / 360)); // cameras per m² so that a point has μ covering cameras on average
      const rng = createRng(`poisson-${fov}-${mu}`);
      // Poisson count by inversion of a normal approximation is not exact: draw the count exactly with the product method in chunks.
      const mean = lambda * W * W;
      let n = 0;
      {
        let left = mean;
        while (left > 0) {
          const step = Math.min(left, 500);
          left -= step;
          let p = Math.exp(-step);
          let prod = rng.next();
          while (prod > p) {
            n++;
            prod *= rng.next();
          }
        }
      }
      const specs = [];
      for (let i = 0; i < n; i++) specs.push({ x: rng.uniform(0, W), y: rng.uniform(0, W), heading: rng.uniform(0, 360), fov, range: r });
      const cams = createCameraSet(specs);
      const res = computeFullViewCoverage(cams, { bounds: [r, r, W - r, W - r], level: 'range', effectiveAngle: theta, samples: 20_000 }).area!;
      const expected = poissonFullView(mu, theta);
      // The points of one deployment are correlated over about 2r, so the spread is larger than the binomial interval:
      // about ((W − 2r) / 2r)² independent patches.
      const patches = ((W - 2 * r) / (2 * r)) ** 2;
      const tol = 4 * Math.sqrt((expected * (1 - expected)) / patches) + 0.005;
      expect(Math.abs(res.fullView.share - expected)).toBeLessThanOrEqual(tol);
      // Necessary: at least ⌈π/θ⌉ covering cameras (each sees 2θ of the facing directions).
      const necessary = poissonTail(mu, Math.ceil(180 / theta));
      // Sufficient (Wang & Cao's sector argument): M = ⌈360/θ⌉ equal sectors around the point each holding a covering camera.
      const M = Math.ceil(360 / theta);
      const sufficient = Math.pow(1 - Math.exp(-mu / M), M);
      expect(sufficient).toBeLessThanOrEqual(expected);
      expect(expected).toBeLessThanOrEqual(necessary);
      expect(res.fullView.share).toBeLessThanOrEqual(necessary + tol);
      expect(res.fullView.share).toBeGreaterThanOrEqual(sufficient - tol);
      expect(res.covered.share).toBeCloseTo(1 - Math.exp(-mu), 1);
    });
  }

  test('more cameras or a wider effective angle never lower the full-view share (monotone)', () => {
    const sectors = randomSectors('fv-mono', 120, 300);
    const few = createCameraSet(sectors.slice(0, 60));
    const all = createCameraSet(sectors);
    const o = { bounds: [0, 0, 300, 300] as [number, number, number, number], level: 'range' as const, samples: 5000 };
    const a = computeFullViewCoverage(few, o).area!.fullView.count;
    const b = computeFullViewCoverage(all, o).area!.fullView.count;
    expect(b).toBeGreaterThanOrEqual(a);
    const t1 = computeFullViewCoverage(all, { ...o, effectiveAngle: 30 }).area!.fullView.count;
    const t2 = computeFullViewCoverage(all, { ...o, effectiveAngle: 60 }).area!.fullView.count;
    expect(t2).toBeGreaterThanOrEqual(t1);
  });
});

describe('computeFullViewCoverage: inputs', () => {
  const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 50 }]);
  test('rejects bad options, naming the function and the field', () => {
    expect(() => computeFullViewCoverage(cams, { bounds: [0, 0, 10, 10], effectiveAngle: 0 })).toThrow(/computeFullViewCoverage.*effectiveAngle/);
    expect(() => computeFullViewCoverage(cams, { bounds: [0, 0, 10, 10], effectiveAngle: 181 })).toThrow(InvalidInputError);
    expect(() => computeFullViewCoverage(cams, { bounds: [0, 0, 10, 10], samples: 1.5 })).toThrow(/samples/);
    expect(() => computeFullViewCoverage(cams, { bounds: [0, 0, 10, 10], confidence: 1 })).toThrow(/confidence/);
    expect(() => computeFullViewCoverage(cams, { bounds: [0, 0, 10, 10], occlusion: true })).toThrow(/occlusion/);
    expect(() => computeFullViewCoverage(cams, {})).toThrow(/bounds/);
    expect(() => computeFullViewCoverage({} as never, { bounds: [0, 0, 10, 10] })).toThrow(/cameras/);
  });

  test('no cameras: nothing covered, no NaN', () => {
    const r = computeFullViewCoverage(createCameraSet([]), { bounds: [0, 0, 100, 100], city: streetsOf([[0, 0, 100, 0]]), samples: 100 });
    expect(r.area!.covered.share).toBe(0);
    expect(r.area!.fullViewOfCovered).toEqual({ share: 0, low: 0, high: 1, count: 0, of: 0 });
    expect(r.streets!.fullViewOfCovered).toBe(0);
    expect(r.streets!.totalLength).toBeCloseTo(100, 12);
  });
});

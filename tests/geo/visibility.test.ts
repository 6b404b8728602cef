import Flatbush from 'flatbush';
import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import { buildSegmentIndex } from '../../src/geo/spatial-index.js';
import {
  computeSectorVisibility,
  computeVisibility,
  copyVisibilityRegion,
  createOccluders,
  createVisibilityRegion,
  createVisibilityScratch,
  pointVisible,
  visibilityToPolygon,
  visibleArea,
  visibleDistance,
  VISIBILITY_ARC,
  VISIBILITY_LINE,
  type VisibilityRegion,
} from '../../src/geo/visibility.js';
import {
  bruteExactArea,
  bruteRayDistance,
  brutePointVisible,
  gridBlocks,
  inRange,
  multiArea,
  oracleVisibleArea,
  randomBuildings,
  randomSegments,
} from './visibility-oracle.js';

const TWO_PI = 2 * Math.PI;
const DEG = Math.PI / 180;

/** Building rectangles [x0, y0, x1, y1] → their 4 edges. */
function boxes(...bs: number[][]): Float64Array {
  const out: number[] = [];
  for (const [x0, y0, x1, y1] of bs) out.push(x0, y0, x1, y0, x1, y0, x1, y1, x1, y1, x0, y1, x0, y1, x0, y0);
  return Float64Array.from(out);
}

/** Checks the documented invariants of a region. */
function checkInvariants(v: VisibilityRegion): void {
  const m = v.numIntervals;
  expect(m).toBeGreaterThanOrEqual(1);
  expect(v.angles[0]).toBe(v.a0);
  expect(v.angles[m]).toBe(v.a1);
  for (let k = 0; k < m; k++) {
    expect(v.angles[k + 1]).toBeGreaterThan(v.angles[k]);
    if (v.kind[k] === VISIBILITY_LINE) {
      expect(Math.hypot(v.lineNx[k], v.lineNy[k])).toBeCloseTo(1, 12);
      const h = v.lineC[k] - v.lineNx[k] * v.px - v.lineNy[k] * v.py;
      expect(h).toBeGreaterThan(0);
      for (const th of [v.angles[k], (v.angles[k] + v.angles[k + 1]) / 2, v.angles[k + 1]]) {
        const t = h / (v.lineNx[k] * Math.cos(th) + v.lineNy[k] * Math.sin(th));
        expect(t).toBeGreaterThan(0);
        expect(t).toBeLessThanOrEqual(v.r * (1 + 1e-9));
      }
    } else {
      expect(v.kind[k]).toBe(VISIBILITY_ARC);
    }
    if (k > 0) {
      const same =
        v.kind[k] === v.kind[k - 1] &&
        (v.kind[k] === VISIBILITY_ARC ||
          (Math.abs(v.lineNx[k] - v.lineNx[k - 1]) < 1e-12 && Math.abs(v.lineNy[k] - v.lineNy[k - 1]) < 1e-12 && Math.abs(v.lineC[k] - v.lineC[k - 1]) < 1e-9));
      expect(same).toBe(false);
    }
  }
}

describe('computeVisibility: hand-worked cases', () => {
  test('a wall across the whole view of a camera leaves the triangle in front of it', () => {
    const v = computeSectorVisibility(0, 0, 10, 0, 90, createOccluders(Float64Array.of(-10, 5, 10, 5)));
    checkInvariants(v);
    expect(v.numIntervals).toBe(1);
    expect(v.kind[0]).toBe(VISIBILITY_LINE);
    expect(v.lineNx[0]).toBeCloseTo(0, 15);
    expect(v.lineNy[0]).toBeCloseTo(1, 15);
    expect(v.lineC[0]).toBeCloseTo(5, 14);
    expect(visibleArea(v)).toBeCloseTo(25, 12);
    expect(visibleDistance(v, Math.PI / 2)).toBeCloseTo(5, 14);
    expect(visibleDistance(v, Math.PI / 4)).toBeCloseTo(5 * Math.SQRT2, 14);
    expect(pointVisible(v, 0, 0, 0, 4.999)).toBe(true);
    expect(pointVisible(v, 0, 0, 0, 5)).toBe(true); // closed set: the wall face is seen
    expect(pointVisible(v, 0, 0, 0, 5.001)).toBe(false);
  });

  test('a short wall leaves arc, wall, arc with the area of two sectors and a triangle', () => {
    const v = computeSectorVisibility(0, 0, 10, 0, 90, createOccluders(Float64Array.of(-2, 5, 2, 5)));
    checkInvariants(v);
    expect(Array.from(v.kind.subarray(0, 3))).toEqual([VISIBILITY_ARC, VISIBILITY_LINE, VISIBILITY_ARC]);
    const w = Math.atan2(5, 2);
    expect(v.angles[1]).toBeCloseTo(w, 14);
    expect(v.angles[2]).toBeCloseTo(Math.PI - w, 14);
    const arcAngle = Math.PI / 2 - (Math.PI - 2 * w);
    expect(visibleArea(v)).toBeCloseTo(10 + 50 * arcAngle, 11);
  });

  test('a camera in a street canyon between two blocks sees the band between the facades', () => {
    const occ = createOccluders(boxes([-60, -100, -5, 100], [5, -100, 60, 100]));
    const r = 50;
    const a = 5;
    const band = 2 * (a * Math.sqrt(r * r - a * a) + r * r * Math.asin(a / r)); // ∫ 2√(r² − x²) over |x| ≤ a
    const full = computeSectorVisibility(0, 0, r, 0, 360, occ);
    checkInvariants(full);
    // a0 points south: south arc (east half), east wall, north arc, west wall, south arc (west half).
    expect(Array.from(full.kind.subarray(0, full.numIntervals))).toEqual([0, 1, 0, 1, 0]);
    expect(visibleArea(full)).toBeCloseTo(band, 9);
    // Looking north with fov 90: the band above y = |x|.
    const north = computeSectorVisibility(0, 0, r, 0, 90, occ);
    checkInvariants(north);
    expect(visibleArea(north)).toBeCloseTo(band / 2 - a * a, 9);
  });

  test('a camera on a facade looking out sees the half disc; a wider view also sees along its own building', () => {
    const occ = createOccluders(boxes([0, -20, 20, 0])); // camera on the top wall at (10, 0)
    const half = computeSectorVisibility(10, 0, 15, 0, 180, occ);
    checkInvariants(half);
    expect(half.numIntervals).toBe(1);
    expect(half.kind[0]).toBe(VISIBILITY_ARC);
    expect(visibleArea(half)).toBeCloseTo((Math.PI * 225) / 2, 10);
    // fov 270 reaches 45° below the facade on each side, bounded by the side walls x = 0 and x = 20.
    const wide = computeSectorVisibility(10, 0, 15, 0, 270, occ);
    checkInvariants(wide);
    expect(Array.from(wide.kind.subarray(0, wide.numIntervals))).toEqual([VISIBILITY_LINE, VISIBILITY_ARC, VISIBILITY_LINE]);
    expect(visibleArea(wide)).toBeCloseTo((Math.PI * 225) / 2 + 100, 10);
    expect(visibleDistance(wide, -Math.PI / 4)).toBeCloseTo(10 * Math.SQRT2, 12);
  });

  test('two crossing walls are followed through their crossing', () => {
    // X-shaped walls in front of the camera, crossing at (0, 5).
    const occ = createOccluders(Float64Array.of(-5, 3, 5, 7, -5, 7, 5, 3));
    const v = computeSectorVisibility(0, 0, 20, 0, 90, occ);
    checkInvariants(v);
    // Right of the crossing the falling wall y + 0.4x = 5 is nearer, left of it the rising one y − 0.4x = 5.
    for (const th of [50 * DEG, 70 * DEG, 89 * DEG]) expect(visibleDistance(v, th)).toBeCloseTo(5 / (Math.sin(th) + 0.4 * Math.cos(th)), 12);
    for (const th of [91 * DEG, 110 * DEG, 130 * DEG]) expect(visibleDistance(v, th)).toBeCloseTo(5 / (Math.sin(th) - 0.4 * Math.cos(th)), 12);
    expect(v.numIntervals).toBe(2);
    expect(v.angles.subarray(0, v.numIntervals + 1)).toContain(Math.PI / 2);
    // Visible: the polygon P, hits at 45°, (5,3), (0,5), (-5,3), hit at 135°.
    const ring = visibilityToPolygon(v, 16);
    expect(multiArea([[ring as [number, number][]]])).toBeCloseTo(visibleArea(v), 9);
  });

  test('collinear pieces of one wall are merged into a single interval', () => {
    const v = computeSectorVisibility(0, 0, 10, 0, 90, createOccluders(Float64Array.of(-10, 5, -1, 5, -1, 5, 3, 5, 3, 5, 10, 5)));
    checkInvariants(v);
    expect(v.numIntervals).toBe(1);
    expect(visibleArea(v)).toBeCloseTo(25, 12);
  });
});

describe('computeVisibility: degenerate cases', () => {
  const r = 10;
  const disc = Math.PI * r * r;

  test('a wall through the apex is ignored', () => {
    const v = computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(-10, 0, 10, 0)));
    expect(v.numIntervals).toBe(1);
    expect(visibleArea(v)).toBeCloseTo(disc, 10);
  });

  test('a wall touching the apex, or within 1e-6 m of its line, is ignored', () => {
    expect(visibleArea(computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(0, 0, 0, 8))))).toBeCloseTo(disc, 10);
    expect(visibleArea(computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(-5, 5e-7, 5, 5e-7))))).toBeCloseTo(disc, 10);
    // …but a wall 1e-5 m away hides (almost) half of the disc.
    expect(visibleArea(computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(-20, 1e-5, 20, 1e-5))))).toBeCloseTo(disc / 2, 2);
  });

  test('a segment collinear with a ray hides nothing', () => {
    const v = computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(2, 0, 8, 0, 0, 3, 0, 12)));
    expect(v.numIntervals).toBe(1);
    expect(visibleArea(v)).toBeCloseTo(disc, 10);
  });

  test('a segment beyond the range or tangent to the arc is ignored', () => {
    expect(computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(-20, 11, 20, 11))).numIntervals).toBe(1);
    expect(visibleArea(computeSectorVisibility(0, 0, r, 0, 360, createOccluders(Float64Array.of(-20, 10, 20, 10))))).toBeCloseTo(disc, 10);
  });

  test('a chord with both endpoints exactly on the arc cuts off the circular segment', () => {
    const v = computeSectorVisibility(0, 0, 5, 0, 360, createOccluders(Float64Array.of(-3, 4, 3, 4)));
    checkInvariants(v);
    expect(Array.from(v.kind.subarray(0, v.numIntervals))).toEqual([0, 1, 0]); // a0 points south
    const cap = 25 * Math.acos(0.8) - 4 * 3;
    expect(visibleArea(v)).toBeCloseTo(25 * Math.PI - cap, 11);
  });

  test('fov 360 handles a wall across the start angle of the range', () => {
    // heading 270 puts a0 at maths angle 0 (east), in the middle of the wall x = 5.
    const occ = createOccluders(Float64Array.of(5, -5, 5, 5));
    const v = computeSectorVisibility(0, 0, 10, 270, 360, occ);
    checkInvariants(v);
    expect(v.full).toBe(true);
    expect(v.a1 - v.a0).toBeCloseTo(TWO_PI, 14);
    const expected = 75 * Math.PI + 25;
    expect(visibleArea(v)).toBeCloseTo(expected, 10);
    expect(visibleArea(computeSectorVisibility(0, 0, 10, 90, 360, occ))).toBeCloseTo(expected, 10);
    expect(visibleDistance(v, 0)).toBeCloseTo(5, 12);
    expect(visibleDistance(v, -1e-9)).toBeCloseTo(5, 6);
    expect(visibleDistance(v, TWO_PI - 1e-9)).toBeCloseTo(5, 6);
  });

  test('a camera inside a closed building sees only the building', () => {
    const v = computeSectorVisibility(5, 5, 100, 0, 360, createOccluders(boxes([0, 0, 10, 10])));
    checkInvariants(v);
    expect(v.numIntervals).toBe(5); // four walls, the south one split at a0
    expect(v.kind.subarray(0, 5).every((k) => k === VISIBILITY_LINE)).toBe(true);
    expect(visibleArea(v)).toBeCloseTo(100, 10);
  });

  test('no occluders at all gives the plain sector', () => {
    const none = createOccluders(new Float64Array(0));
    expect(none.index).toBeNull();
    const v = computeSectorVisibility(3, 4, 10, 45, 120, none);
    expect(v.numIntervals).toBe(1);
    expect(visibleArea(v)).toBeCloseTo((120 * DEG * 100) / 2, 12);
  });
});

interface Scenario {
  name: string;
  coords: Float64Array;
  /** polygon-clipping's sweep fails on the shared corners and collinear walls of building layouts. */
  polygonOracle: boolean;
  cameras: (rng: ReturnType<typeof createRng>, i: number) => { x: number; y: number; r: number; heading: number; fov: number };
}

const FOVS = [30, 60, 90, 120, 180, 200, 270, 360];

const scenarios: Scenario[] = [
  {
    name: 'random crossing segments',
    coords: randomSegments('vis-segments', 60, 60, 2, 40),
    polygonOracle: true,
    cameras: (rng, i) => ({ x: rng.uniform(-30, 30), y: rng.uniform(-30, 30), r: rng.uniform(15, 70), heading: rng.uniform(0, 360), fov: FOVS[i % FOVS.length] }),
  },
  {
    name: 'random rotated buildings',
    coords: randomBuildings('vis-buildings', 30, 60),
    polygonOracle: false,
    cameras: (rng, i) => ({ x: rng.uniform(-30, 30), y: rng.uniform(-30, 30), r: rng.uniform(15, 70), heading: rng.uniform(0, 360), fov: FOVS[i % FOVS.length] }),
  },
  {
    // Axis-aligned blocks 40 m with 10 m streets; cameras on facades, at corners and in streets,
    // headings along the axes: many exactly aligned events, collinear walls and apexes on walls.
    name: 'grid blocks with cameras on facades and corners',
    coords: gridBlocks(5, 5, 40, 10),
    polygonOracle: false,
    cameras: (rng, i) => {
      const kind = i % 3;
      const bi = rng.int(5) * 50, bj = rng.int(5) * 50;
      let x: number, y: number;
      if (kind === 0) { x = bi + rng.int(41); y = bj + 40; } // top facade (integer positions include corners)
      else if (kind === 1) { x = bi + 40; y = bj + rng.int(41); } // right facade
      else { x = bi + 40 + rng.uniform(0, 10); y = bj + rng.uniform(0, 50); } // in a street
      return { x, y, r: [25, 50, 75][rng.int(3)], heading: 90 * rng.int(4), fov: FOVS[rng.int(FOVS.length)] };
    },
  },
  {
    // Almaty-scale local coordinates (kilometres from the projection centre) with tiny and long segments.
    name: 'far from the origin, tiny to long segments',
    coords: randomSegments('vis-far', 150, 80, 0.01, 120).map((v, i) => v + (i % 2 === 0 ? 12345.678 : -9876.5)),
    polygonOracle: false,
    cameras: (rng, i) => ({ x: 12345.678 + rng.uniform(-50, 50), y: -9876.5 + rng.uniform(-50, 50), r: rng.uniform(1, 120), heading: rng.uniform(0, 360), fov: [1, ...FOVS][i % 9] }),
  },
];

describe.each(scenarios)('computeVisibility against brute force: $name', ({ name, coords, cameras, polygonOracle }) => {
  const occ = createOccluders(coords);
  const rng = createRng(`cams/${name}`);
  const cams = Array.from({ length: 50 }, (_, i) => cameras(rng, i));
  const scratch = createVisibilityScratch(4);
  const out = createVisibilityRegion(1);

  test('regions satisfy the documented invariants', () => {
    for (const c of cams) checkInvariants(computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out));
  });

  test('visible distance matches ray casting on 20,000 rays', () => {
    const rays = createRng(`rays/${name}`);
    let worst = 0;
    let n = 0;
    for (const c of cams) {
      const v = computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out);
      const span = c.fov * DEG;
      for (let k = 0; k < 400; k++) {
        const th = rays.uniform(-Math.PI, Math.PI);
        const truth = inRange(th, v.a0, span) ? bruteRayDistance(coords, c.x, c.y, c.r, th) : 0;
        worst = Math.max(worst, Math.abs(visibleDistance(v, th) - truth) / c.r);
        n++;
      }
    }
    expect(n).toBe(20000);
    expect(worst).toBeLessThan(1e-9);
  });

  test('point visibility matches segment tests on 20,000 sample points', () => {
    const pts = createRng(`points/${name}`);
    let checked = 0;
    let mismatches = 0;
    for (const c of cams) {
      const v = computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out);
      for (let k = 0; k < 400; k++) {
        const x = c.x + pts.uniform(-c.r, c.r);
        const y = c.y + pts.uniform(-c.r, c.r);
        const truth = brutePointVisible(coords, c.x, c.y, c.r, v.a0, c.fov * DEG, x, y);
        if (truth === null) continue;
        checked++;
        if (pointVisible(v, c.x, c.y, x, y) !== truth) mismatches++;
      }
    }
    expect(checked).toBeGreaterThan(19900);
    expect(mismatches).toBe(0);
  });

  test('exact area matches a brute-force exact area over all critical angles', () => {
    for (const c of cams) {
      const v = computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out);
      const oracle = bruteExactArea(coords, c.x, c.y, c.r, v.a0, c.fov * DEG);
      expect(Math.abs(visibleArea(v) - oracle)).toBeLessThan(1e-9 * Math.PI * c.r * c.r);
    }
  });

  test('exact area agrees with a point-sampling estimate within 3 standard errors', () => {
    const pts = createRng(`mc/${name}`);
    let exact = 0;
    let estimate = 0;
    let variance = 0;
    for (const c of cams.slice(0, 10)) {
      const v = computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out);
      exact += visibleArea(v);
      const n = 4000;
      let hits = 0;
      for (let k = 0; k < n; k++) {
        // Uniform in the disc of radius r (area πr²).
        const rho = c.r * Math.sqrt(pts.next());
        const phi = pts.uniform(0, TWO_PI);
        if (brutePointVisible(coords, c.x, c.y, c.r, v.a0, c.fov * DEG, c.x + rho * Math.cos(phi), c.y + rho * Math.sin(phi), 0) === true) hits++;
      }
      const p = hits / n;
      const disc = Math.PI * c.r * c.r;
      estimate += p * disc;
      variance += (disc * disc * p * (1 - p)) / n;
    }
    expect(Math.abs(exact - estimate)).toBeLessThan(3 * Math.sqrt(variance));
  });

  test.runIf(polygonOracle)('exact area matches polygon clipping of the sector minus shadow polygons', () => {
    for (const c of cams.slice(0, 25)) {
      const v = computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out);
      const oracle = oracleVisibleArea(coords, c.x, c.y, c.r, v.a0, c.fov * DEG);
      // The oracle's 4096-gon loses ≈ (2π/4096)²/6 ≈ 4e-7 of arc area.
      expect(Math.abs(visibleArea(v) - oracle)).toBeLessThan(2e-6 * Math.PI * c.r * c.r);
    }
  });

  test('the exported polygon has the exact area up to its chords', () => {
    for (const c of cams.slice(0, 25)) {
      const v = computeSectorVisibility(c.x, c.y, c.r, c.heading, c.fov, occ, scratch, out);
      const ring = visibilityToPolygon(v, 2000) as [number, number][];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const a = multiArea([[ring]]);
      expect(Math.abs(a - visibleArea(v))).toBeLessThan(1e-6 * Math.PI * c.r * c.r);
    }
  });
});

describe('computeVisibility: reuse and determinism', () => {
  test('reusing scratch and out gives the same regions as fresh calls', () => {
    const coords = randomBuildings('reuse', 40, 80);
    const occ = createOccluders(coords);
    const rng = createRng('reuse-cams');
    const scratch = createVisibilityScratch(1);
    const out = createVisibilityRegion(1);
    for (let i = 0; i < 100; i++) {
      const x = rng.uniform(-60, 60), y = rng.uniform(-60, 60), r = rng.uniform(5, 90), h = rng.uniform(0, 360), f = FOVS[i % FOVS.length];
      const fresh = computeSectorVisibility(x, y, r, h, f, occ);
      const reused = copyVisibilityRegion(computeSectorVisibility(x, y, r, h, f, occ, scratch, out));
      expect(reused).toEqual(fresh);
      expect(fresh.angles.length).toBe(fresh.numIntervals + 1);
    }
  });

  test('computeSectorVisibility equals computeVisibility with the converted angles', () => {
    const occ = createOccluders(randomSegments('conv', 30, 40, 2, 30));
    const a = computeSectorVisibility(1, 2, 30, 30, 100, occ);
    const a0 = (90 - 30 - 50) * DEG;
    const b = computeVisibility(1, 2, 30, a0, a0 + 100 * DEG, false, occ);
    expect(b).toEqual(a);
    expect(a.a0).toBeCloseTo(10 * DEG, 15);
  });

  test('an index built separately with flatbush options works the same', () => {
    const coords = randomSegments('idx', 50, 40, 2, 30);
    const idx = buildSegmentIndex(coords, 4);
    const v1 = computeSectorVisibility(0, 0, 40, 10, 200, { coords, index: idx });
    const v2 = computeSectorVisibility(0, 0, 40, 10, 200, createOccluders(coords));
    expect(v1).toEqual(v2);
  });
});

describe('visibility errors', () => {
  const occ = createOccluders(Float64Array.of(-10, 5, 10, 5));

  test('computeVisibility names each invalid argument', () => {
    expect(() => computeVisibility(NaN, 0, 1, 0, 1, false, occ)).toThrow(/computeVisibility: px must be a finite number, got NaN/);
    expect(() => computeVisibility(0, Infinity, 1, 0, 1, false, occ)).toThrow(/py must be a finite number, got Infinity/);
    expect(() => computeVisibility(0, 0, 0, 0, 1, false, occ)).toThrow(/r must be a finite number > 0, got 0/);
    expect(() => computeVisibility(0, 0, 1, NaN, 1, false, occ)).toThrow(/a0 must be a finite number/);
    expect(() => computeVisibility(0, 0, 1, 0, -Infinity, false, occ)).toThrow(/a1 must be a finite number/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, 'yes' as unknown as boolean, occ)).toThrow(/full must be a boolean, got "yes"/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, true, occ)).toThrow(/a1 must be a0 \+ 2π .* when full, got 1/);
    expect(() => computeVisibility(0, 0, 1, 1, 1, false, occ)).toThrow(/a1 must satisfy a0 < a1 ≤ a0 \+ 2π/);
    expect(() => computeVisibility(0, 0, 1, 0, 7, false, occ)).toThrow(/a1 must satisfy/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, occ, {} as never)).toThrow(/scratch must come from createVisibilityScratch/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, occ, undefined, {} as never)).toThrow(/out must come from createVisibilityRegion/);
  });

  test('computeVisibility rejects malformed occluders', () => {
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, null as never)).toThrow(/occluders must be \{ coords/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, { coords: [1, 2, 3, 4], index: null } as never)).toThrow(/occluders.coords must be a Float64Array/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, { coords: Float64Array.of(1, 2, 3), index: null })).toThrow(/occluders.coords must be/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, { coords: Float64Array.of(1, 2, 3, 4), index: {} as Flatbush })).toThrow(/occluders.index must be a flatbush index or null/);
    const two = new Flatbush(2);
    two.add(0, 0, 1, 1);
    two.add(0, 0, 1, 1);
    two.finish();
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, { coords: Float64Array.of(1, 2, 3, 4), index: two })).toThrow(/occluders.index.numItems must equal the number of segments \(1\), got 2/);
    expect(() => computeVisibility(0, 0, 1, 0, 1, false, { coords: Float64Array.of(1, 2, 3, 4), index: null })).toThrow(/occluders.index must be a flatbush index of the 1 segments/);
    expect(() => createOccluders(Float64Array.of(0, 0, NaN, 0))).toThrow(/buildSegmentIndex: coords\[2\] must be a finite number/);
  });

  test('computeSectorVisibility validates the sector in degrees', () => {
    expect(() => computeSectorVisibility(0, 0, 10, 0, 0, occ)).toThrow(/computeSectorVisibility: fov must be in \(0, 360\], got 0/);
    expect(() => computeSectorVisibility(0, 0, -1, 0, 90, occ)).toThrow(/computeSectorVisibility: r must be a finite number > 0/);
    expect(() => computeSectorVisibility(0, 0, 1, NaN, 90, occ)).toThrow(/heading must be a finite number/);
  });

  test('queries reject non-finite angles, points and chord counts', () => {
    const v = computeSectorVisibility(0, 0, 10, 0, 90, occ);
    expect(() => visibleDistance(v, NaN)).toThrow(/visibleDistance: theta must be a finite number/);
    expect(() => pointVisible(v, NaN, 0, 1, 1)).toThrow(/pointVisible: px\/py must be finite numbers/);
    expect(() => pointVisible(v, 0, 0, 1, Infinity)).toThrow(/pointVisible: x\/y must be finite numbers/);
    expect(() => visibilityToPolygon(v, 0)).toThrow(/visibilityToPolygon: arcSegmentsPerRadian must be a finite number > 0, got 0/);
    expect(() => visibilityToPolygon(v, 0)).toThrow(InvalidInputError);
  });

  test('directions outside a partial range have visible distance 0', () => {
    const v = computeSectorVisibility(0, 0, 10, 0, 90, occ);
    expect(visibleDistance(v, -Math.PI / 2)).toBe(0);
    expect(pointVisible(v, 0, 0, 0, -1)).toBe(false);
    expect(pointVisible(v, 0, 0, 0, 0)).toBe(true);
  });
});

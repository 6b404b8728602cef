import { describe, expect, test } from 'vitest';
import { computeCoverage, createCameraSet, createRng, type BuildingSet } from '../../src/index.js';
import { inSector, type SectorSpec } from './oracles.js';

/** Axis-aligned rectangular buildings as a BuildingSet (CCW rings). */
function rectangles(rects: [number, number, number, number][]): BuildingSet {
  const coords: number[] = [];
  const ringStart = [0];
  for (const [x0, y0, x1, y1] of rects) {
    coords.push(x0, y0, x1, y0, x1, y1, x0, y1);
    ringStart.push(ringStart[ringStart.length - 1] + 4);
  }
  return { numBuildings: rects.length, ringStart: Uint32Array.from(ringStart), coords: Float64Array.from(coords), height: new Float32Array(rects.length).fill(10) };
}

/** Brute force: does segment (ax,ay)-(bx,by) properly cross any rectangle edge? */
function blocked(rects: [number, number, number, number][], ax: number, ay: number, bx: number, by: number): boolean {
  for (const [x0, y0, x1, y1] of rects) {
    const edges = [[x0, y0, x1, y0], [x1, y0, x1, y1], [x1, y1, x0, y1], [x0, y1, x0, y0]];
    for (const [cx, cy, dx, dy] of edges) {
      const d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
      const d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
      const d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
      if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    }
  }
  return false;
}

describe('computeCoverage with occlusion by buildings', () => {
  test('a wall in front of a camera hides what lies behind it (hand-worked)', () => {
    // Camera at the origin looking north, 90°, range 10; a building spans y ∈ [5, 8], x ∈ [−20, 20].
    // Visible: the triangle (0,0), (−5,5), (5,5) = 25 m².
    const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);
    const r = computeCoverage(cams, { bounds: [-50, -50, 50, 50], occlusion: true, buildings: rectangles([[-20, 5, 20, 8]]) });
    expect(r.coveredArea).toBeCloseTo(25, 3); // walls are inset by WALL_INSET (2 µm): error ≤ 2e-6 m² per metre of wall
    expect(r.params.occlusion).toBe(true);
    const plain = computeCoverage(cams, { bounds: [-50, -50, 50, 50] });
    expect(plain.coveredArea).toBeCloseTo((Math.PI * 100) / 4, 9);
  });

  test('a camera in a street canyon sees only the street (hand-worked)', () => {
    // Street y ∈ [−5, 5] between two long blocks; an omnidirectional camera of range 30 at the origin
    // sees the strip |y| ≤ 5 within the disc: 2·∫_{-5}^{5} √(900 − y²) dy.
    const strip = 2 * (5 * Math.sqrt(875) + 900 * Math.asin(5 / 30));
    const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 360, range: 30 }]);
    const r = computeCoverage(cams, { bounds: [-100, -100, 100, 100], occlusion: true, buildings: rectangles([[-200, 5, 200, 50], [-200, -50, 200, -5]]) });
    expect(r.coveredArea).toBeCloseTo(strip, 3);
  });

  test('random cameras among random blocks agree with brute-force ray casting on a sample grid', () => {
    const rng = createRng('occlusion-grid');
    const rects: [number, number, number, number][] = [];
    for (let bx = 0; bx < 4; bx++) for (let by = 0; by < 4; by++) {
      const x0 = 10 + bx * 50 + rng.uniform(0, 5);
      const y0 = 10 + by * 50 + rng.uniform(0, 5);
      rects.push([x0, y0, x0 + rng.uniform(20, 35), y0 + rng.uniform(20, 35)]);
    }
    // Cameras inside buildings are kept (about a third of them fall inside one): by the definition
    // tested below, such a camera sees the part of its sector inside its own building that no wall
    // hides, and nothing outside it, which is what the brute force below computes for every camera.
    const sectors: SectorSpec[] = [];
    let inside = 0;
    while (sectors.length < 40) {
      const s = { x: rng.uniform(0, 220), y: rng.uniform(0, 220), heading: rng.uniform(0, 360), fov: rng.next() < 0.2 ? 360 : rng.uniform(30, 200), range: rng.uniform(15, 60) };
      if (rects.some(([x0, y0, x1, y1]) => s.x > x0 && s.x < x1 && s.y > y0 && s.y < y1)) inside++;
      sectors.push(s);
    }
    expect(inside).toBeGreaterThan(3);
    const b: [number, number, number, number] = [0, 0, 220, 220];
    const r = computeCoverage(createCameraSet(sectors), { bounds: b, occlusion: true, buildings: rectangles(rects) });
    const N = Number(process.env.SIGHTLINE_GRID ?? 300);
    const h = 220 / N;
    const atLeast: number[] = [];
    for (let iy = 0; iy < N; iy++) for (let ix = 0; ix < N; ix++) {
      const px = (ix + 0.5) * h;
      const py = (iy + 0.5) * h;
      let d = 0;
      for (const s of sectors) if (inSector(s, px, py) && !blocked(rects, s.x, s.y, px, py)) d++;
      for (let k = 0; k <= d; k++) atLeast[k] = (atLeast[k] ?? 0) + 1;
    }
    for (let k = 1; k < Math.max(atLeast.length, r.atLeast.length); k++) {
      // Boundary length here is below ~40 km → cell-centre error below ~40,000·h/2 / 220² ≈ 0.3%.
      const diff = Math.abs((atLeast[k] ?? 0) / (N * N) - (r.atLeast[k] ?? 0));
      if (process.env.SIGHTLINE_DEBUG) console.log(k, diff, r.atLeast[k]);
      expect(diff).toBeLessThan(0.006);
    }
    expect(r.coveredArea).toBeLessThan(computeCoverage(createCameraSet(sectors), { bounds: b }).coveredArea);
  });

  test('cameras sharing a wall line (one street, both looking at the same facade) are handled exactly', () => {
    // Two cameras on the south kerb looking north at one long building face y = 10.
    const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 20 }, { x: 4, y: 0, heading: 0, fov: 90, range: 20 }]);
    const r = computeCoverage(cams, { bounds: [-100, -100, 100, 100], occlusion: true, buildings: rectangles([[-100, 10, 100, 30]]) });
    // Each sees the triangle with apex at its position up to y = 10: base 20, height 10 → 100 m².
    // Union of the two triangles (offset 4 m): 2·100 − overlap; overlap is a triangle of base 16, height 8 = 64.
    expect(r.coveredArea).toBeCloseTo(200 - 64, 3);
    expect(r.areaAtLeast[2]).toBeCloseTo(64, 3);
  });
});

describe('cameras inside a building see nothing outside it', () => {
  // Definition: the walls occlude from both sides, so a camera strictly inside a footprint sees only
  // the part of its sector inside that footprint (up to the 2 µm wall inset) and no point outside it,
  // however far its range reaches. Placements no longer put cameras there (snapOutsideBuildings);
  // imported or hand-made camera sets still may, and this is what they are credited with.
  const building = rectangles([[0, 0, 10, 10]]);
  const bounds: [number, number, number, number] = [-100, -100, 100, 100];
  const run = (cam: { x: number; y: number; heading: number; fov: number; range: number }) =>
    computeCoverage(createCameraSet([cam]), { bounds, occlusion: true, buildings: building }).coveredArea;

  test('an omnidirectional camera whose range reaches far outside sees exactly the interior (100 m²)', () => {
    expect(run({ x: 5, y: 5, heading: 0, fov: 360, range: 50 })).toBeCloseTo(100, 3);
  });

  test('a 90° camera facing north from the centre sees the interior triangle up to the north wall (25 m²)', () => {
    // Apex (5, 5), edges at ±45°: the triangle (5,5), (0,10), (10,10).
    expect(run({ x: 5, y: 5, heading: 0, fov: 90, range: 20 })).toBeCloseTo(25, 3);
  });

  test('a short-range camera inside sees its whole sector when the sector stays inside', () => {
    expect(run({ x: 5, y: 5, heading: 0, fov: 90, range: 3 })).toBeCloseTo((Math.PI * 9) / 4, 6);
  });

  test('nothing outside the building is credited: coverage over study areas that exclude it is 0', () => {
    const cams = createCameraSet([{ x: 2, y: 3, heading: 30, fov: 360, range: 80 }, { x: 8, y: 7, heading: 200, fov: 120, range: 80 }]);
    expect(computeCoverage(cams, { bounds, occlusion: true, buildings: building }).coveredArea).toBeCloseTo(100, 3);
    // The four half-planes around the footprint (as bounds boxes), each reached by the ranges.
    for (const area of [[10, -100, 100, 100], [-100, -100, 0, 100], [-100, 10, 100, 100], [-100, -100, 100, 0]] as [number, number, number, number][]) {
      expect(computeCoverage(cams, { bounds: area, occlusion: true, buildings: building }).coveredArea).toBeLessThan(1e-3);
      expect(computeCoverage(cams, { bounds: area }).coveredArea).toBeGreaterThan(1000); // without occlusion they do reach it
    }
  });
});

describe('cameras mounted on a wall or a corner', () => {
  const building = rectangles([[20, -5, 30, 5]]);
  const run = (cam: { x: number; y: number; heading: number; fov: number; range: number }) =>
    computeCoverage(createCameraSet([cam]), { bounds: [-100, -100, 100, 100], occlusion: true, buildings: building }).coveredArea;

  test('an omnidirectional camera on a wall sees the half disc outside, not the building behind it', () => {
    // Range 50 reaches past the building's far wall; the true view is the half disc x ≤ 20.
    expect(run({ x: 20, y: 0, heading: 0, fov: 360, range: 50 })).toBeCloseTo((Math.PI * 2500) / 2, 2); // within the 2 µm wall inset
  });

  test('a camera on a wall looking into the building sees (almost) nothing', () => {
    expect(run({ x: 20, y: 0, heading: 90, fov: 180, range: 50 })).toBeLessThan(1e-2);
  });

  test('an omnidirectional camera on a convex corner sees three quarters of its disc', () => {
    expect(run({ x: 20, y: 5, heading: 0, fov: 360, range: 50 })).toBeCloseTo((3 * Math.PI * 2500) / 4, 2);
  });
});

describe('cameras at sharp building corners', () => {
  test.each([60, 27, 20, 10, 2, 0.5])('a camera on the tip of a %s° wedge sees its disc minus the wedge', (deg) => {
    const t = (deg * Math.PI) / 180;
    const coords = Float64Array.of(0, 0, 10, 0, 10 * Math.cos(t), 10 * Math.sin(t));
    const wedge: BuildingSet = { numBuildings: 1, ringStart: Uint32Array.of(0, 3), coords, height: Float32Array.of(10) };
    const r = computeCoverage(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 360, range: 5 }]), { bounds: [-100, -100, 100, 100], occlusion: true, buildings: wedge });
    expect(r.coveredArea).toBeCloseTo(Math.PI * 25 * (1 - deg / 360), 2);
  });
});

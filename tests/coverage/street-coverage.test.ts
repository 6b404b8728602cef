import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import { computeDistrictCoverage, computeStreetCoverage, computeCoverage, coverageRaster, createCameraSet, createRng, generateGridCity, InvalidInputError, type StreetGraph } from '../../src/index.js';
import { depthAt, type SectorSpec } from './oracles.js';

/** A street graph of straight segments given as [x0, y0, x1, y1]. */
function streetsOf(segments: [number, number, number, number][], streetClass: 'arterial' | 'local' = 'local'): { streets: StreetGraph } {
  const g = new Graph({ type: 'undirected', multi: false }) as unknown as StreetGraph;
  segments.forEach(([x0, y0, x1, y1], k) => {
    g.addNode(`a${k}`, { x: x0, y: y0 });
    g.addNode(`b${k}`, { x: x1, y: y1 });
    g.addEdgeWithKey(`e${k}`, `a${k}`, `b${k}`, { length: Math.hypot(x1 - x0, y1 - y0), streetClass, width: 10 });
  });
  return { streets: g };
}

describe('computeStreetCoverage: hand-worked cases', () => {
  test('a street through the centre of a disc of radius 10 is seen over its 20 m chord', () => {
    const r = computeStreetCoverage(createCameraSet([{ x: 50, y: 3, heading: 0, fov: 360, range: 10 }]), streetsOf([[0, 0, 100, 0]]));
    expect(r.totalLength).toBeCloseTo(100, 12);
    expect(r.coveredLength).toBeCloseTo(2 * Math.sqrt(100 - 9), 9);
    expect(r.byClass.local.coveredLength).toBeCloseTo(2 * Math.sqrt(91), 9);
  });

  test('a camera looking along the street sees range metres of it; one looking away sees none beyond its apex', () => {
    const streets = streetsOf([[0, 0, 100, 0]]);
    const along = computeStreetCoverage(createCameraSet([{ x: 20, y: 0, heading: 90, fov: 40, range: 30 }]), streets);
    expect(along.coveredLength).toBeCloseTo(30, 9);
    const across = computeStreetCoverage(createCameraSet([{ x: 20, y: -5, heading: 180, fov: 40, range: 30 }]), streets);
    expect(across.coveredLength).toBe(0);
  });

  test('two overlapping cameras: seen once and twice', () => {
    const cams = createCameraSet([{ x: 0, y: 0, heading: 90, fov: 30, range: 50 }, { x: 30, y: 0, heading: 90, fov: 30, range: 50 }]);
    const r = computeStreetCoverage(cams, streetsOf([[-10, 0, 200, 0]]));
    expect(r.lengthAtLeast[1]).toBeCloseTo(80, 9);
    expect(r.lengthAtLeast[2]).toBeCloseTo(20, 9);
  });

  test("a study area clips streets exactly, and a street along the area's edge counts as inside (the area is closed)", () => {
    const streets = streetsOf([[0, 0, 100, 0], [0, 50, 100, 50]]);
    const cams = createCameraSet([{ x: 50, y: 0, heading: 0, fov: 360, range: 200 }]);
    const r = computeStreetCoverage(cams, streets, { bounds: [25, 0, 75, 40] });
    // Street y = 0 runs along the bottom edge: inside (closed) → 50 m; y = 50 is outside.
    expect(r.totalLength).toBeCloseTo(50, 9);
    expect(r.coveredFraction).toBeCloseTo(1, 12);
  });

  test('availability makes covered length an expectation', () => {
    const cams = createCameraSet([{ x: 0, y: 0, heading: 90, fov: 30, range: 50 }, { x: 30, y: 0, heading: 90, fov: 30, range: 50 }]);
    const r = computeStreetCoverage(cams, streetsOf([[-10, 0, 200, 0]]), { availability: [0.5, 0.8] });
    // 30 m seen only by camera 0, 20 m by both, 30 m only by camera 1.
    expect(r.coveredLength).toBeCloseTo(30 * 0.5 + 20 * (1 - 0.5 * 0.2) + 30 * 0.8, 9);
    expect(r.lengthAtLeast[2]).toBeCloseTo(20 * 0.4, 9);
  });

  test('bad input is named', () => {
    const cams = createCameraSet([]);
    expect(() => computeStreetCoverage(cams, {} as never)).toThrow(/computeStreetCoverage: city must be a City with a street graph/);
    expect(() => computeStreetCoverage(cams, streetsOf([[0, 0, 1, 0]]), { level: 'x' as never })).toThrow(InvalidInputError);
    expect(() => computeStreetCoverage(cams, streetsOf([[0, 0, 1, 0]]), { occlusion: true })).toThrow(/needs the city's buildings/);
  });
});

describe('computeStreetCoverage against the Boolean model', () => {
  test('the covered share of lines equals the covered share of the area (Sundhar Ram et al. 2007), within 3 SE', () => {
    const r = 30;
    const fov = 120;
    const numCameras = 600;
    const grow = r;
    const side = 1000;
    const outerArea = (side + 2 * grow) ** 2;
    const footprint = ((fov * Math.PI) / 180) * r * r * 0.5;
    const expected = 1 - (1 - footprint / outerArea) ** numCameras; // binomial process, exact
    const shares: number[] = [];
    for (let rep = 0; rep < 20; rep++) {
      const rng = createRng(`lines-${rep}`);
      const cams = [];
      for (let i = 0; i < numCameras; i++) cams.push({ x: rng.uniform(-grow, side + grow), y: rng.uniform(-grow, side + grow), heading: rng.uniform(0, 360), fov, range: r });
      const segs: [number, number, number, number][] = [];
      for (let k = 0; k < 20; k++) segs.push([0, rng.uniform(0, side), side, rng.uniform(0, side)]);
      shares.push(computeStreetCoverage(createCameraSet(cams), streetsOf(segs)).coveredFraction);
    }
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    const se = Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (shares.length - 1) / shares.length);
    expect(Math.abs(mean - expected)).toBeLessThan(3 * se);
  });

  test('a segment of length L meets a footprint with probability 1 − exp(−λ(E[A] + L·E[P]/π)) (Lazos et al. 2007), within 3 SE', () => {
    const r = 20;
    const fov = 90; // convex sectors
    const alpha = (fov * Math.PI) / 180;
    const area = (alpha * r * r) / 2;
    const perimeter = 2 * r + alpha * r;
    const L = 60;
    const lambda = 150e-6; // per m²
    const side = 4000;
    const grow = r + L;
    const outer = (side + 2 * grow) ** 2;
    const rng = createRng('lazos');
    // Poisson number of cameras by summing exponential gaps (inversion), seeded.
    let count = 0;
    let t = -Math.log(1 - rng.next());
    while (t < lambda * outer) {
      count++;
      t += -Math.log(1 - rng.next());
    }
    const cams = [];
    for (let i = 0; i < count; i++) cams.push({ x: rng.uniform(-grow, side + grow), y: rng.uniform(-grow, side + grow), heading: rng.uniform(0, 360), fov, range: r });
    const numSegments = 3000;
    const segs: [number, number, number, number][] = [];
    for (let k = 0; k < numSegments; k++) {
      const x = rng.uniform(0, side);
      const y = rng.uniform(0, side);
      const a = rng.uniform(0, 2 * Math.PI);
      segs.push([x, y, x + L * Math.cos(a), y + L * Math.sin(a)]);
    }
    const res = computeStreetCoverage(createCameraSet(cams), streetsOf(segs), { perEdge: true });
    const hit = res.perEdge!.filter((v) => v > 0).length / numSegments;
    const expected = 1 - Math.exp(-lambda * (area + (L * perimeter) / Math.PI));
    const se = Math.sqrt((expected * (1 - expected)) / numSegments);
    expect(Math.abs(hit - expected)).toBeLessThan(3 * se);
  });
});

describe('computeDistrictCoverage and coverageRaster on a grid city', () => {
  const city = generateGridCity({ boundary: [0, 0, 1200, 900], blockSize: 100, districts: 4, population: 10000 });
  const rng = createRng('districts');
  const specs: SectorSpec[] = [];
  for (let i = 0; i < 150; i++) specs.push({ x: rng.uniform(0, 1200), y: rng.uniform(0, 900), heading: rng.uniform(0, 360), fov: rng.uniform(40, 180), range: rng.uniform(10, 50) });
  const cams = createCameraSet(specs);

  test('district areas and covered areas add up to the whole city', () => {
    const t = computeDistrictCoverage(cams, city);
    const whole = computeCoverage(cams, { city });
    const sumArea = t.districts.reduce((a, d) => a + d.area, 0);
    const sumCovered = t.districts.reduce((a, d) => a + d.coveredArea, 0);
    const sumCams = t.districts.reduce((a, d) => a + d.numCameras, 0);
    expect(sumArea).toBeCloseTo(whole.studyArea, 6);
    expect(sumCovered).toBeCloseTo(whole.coveredArea, 6);
    expect(sumCams).toBe(150);
    const streets = computeStreetCoverage(cams, city);
    expect(t.districts.reduce((a, d) => a + d.streetLength, 0)).toBeCloseTo(streets.totalLength, 6);
    expect(t.districts.reduce((a, d) => a + d.coveredStreetLength, 0)).toBeCloseTo(streets.coveredLength, 6);
  });

  test('the raster counts the cameras that see each cell centre, as a brute-force check does', () => {
    const raster = coverageRaster(cams, { bounds: [0, 0, 1200, 900], cellSize: 25 });
    expect(raster.cols).toBe(48);
    expect(raster.rows).toBe(36);
    for (let k = 0; k < raster.depth.length; k += 7) {
      const c = k % raster.cols;
      const r = Math.floor(k / raster.cols);
      expect(raster.depth[k]).toBe(depthAt(specs, (c + 0.5) * 25, (r + 0.5) * 25));
    }
  });

  test('a raster too large is refused with a named error', () => {
    expect(() => coverageRaster(cams, { bounds: [0, 0, 1e6, 1e6], cellSize: 0.1 })).toThrow(/coverageRaster: options.cellSize gives/);
  });
});

describe('computeDistrictCoverage on the Almaty preset (districts clipped from the real boundary)', () => {
  test('every district is a valid study area, and districts add up to the city', async () => {
    const { almatyCity, placeUniform } = await import('../../src/index.js');
    const city = almatyCity({ seed: 3 });
    const cams = placeUniform(city.boundary, 3000, { seed: 3, fov: 90, range: 60 });
    const table = computeDistrictCoverage(cams, city);
    const whole = computeCoverage(cams, { city });
    expect(table.districts.length).toBe(8);
    expect(table.districts.reduce((a, d) => a + d.area, 0)).toBeCloseTo(whole.studyArea, 0);
    expect(table.districts.reduce((a, d) => a + d.coveredArea, 0)).toBeCloseTo(whole.coveredArea, 0);
    expect(table.districts.reduce((a, d) => a + d.numCameras, 0)).toBe(3000);
    const streets = computeStreetCoverage(cams, city);
    expect(table.districts.reduce((a, d) => a + d.streetLength, 0)).toBeCloseTo(streets.totalLength, 0);
  });
});

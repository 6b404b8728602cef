/**
 * Layouts full of coincidences — apexes on a 10 m lattice, headings in steps
 * of 45°, a few fields of view and ranges — so that edges, arcs and apexes of
 * different cameras coincide all the time, as on real poles and kerbs.
 * Checked against polygon-clipping, or turf's union (polyclip-ts) where
 * polygon-clipping fails to close its rings (each of the two sweep-line
 * libraries fails on some of these layouts; the test needs one of them to
 * succeed), and k-levels against point sampling.
 */
import { describe, expect, test } from 'vitest';
import { computeCoverage, createCameraSet, createRng } from '../../src/index.js';
import * as turf from '@turf/turf';
import { depthAt, inscribedDeficit, multiPolygonArea, sectorRing, unionAreaByClipping, type SectorSpec } from './oracles.js';

function latticeLayout(seed: number, count: number): SectorSpec[] {
  const rng = createRng(`lattice-${seed}`);
  const fovs = [45, 90, 135, 180, 270, 360];
  const out: SectorSpec[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      x: 10 * rng.int(11),
      y: 10 * rng.int(11),
      heading: 45 * rng.int(8),
      fov: fovs[rng.int(fovs.length)],
      range: 10 * (1 + rng.int(2)),
    });
  }
  return out;
}

describe('computeCoverage on degenerate lattice layouts', () => {
  const b: [number, number, number, number] = [0, 0, 100, 100];
  for (const seed of [1, 2, 3, 4, 5]) {
    test(`lattice layout ${seed}: union area matches a polygon-clipping library`, () => {
      const sectors = latticeLayout(seed, 30);
      const r = computeCoverage(createCameraSet(sectors), { bounds: b, threads: 1 });
      const perCircle = 4096;
      const box: [number, number][][] = [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]];
      let oracle: number;
      try {
        oracle = unionAreaByClipping(sectors, box, perCircle);
      } catch {
        // turf.union / turf.intersect on plain coordinates (metres); the area is the shoelace sum.
        const union = turf.union(turf.featureCollection(sectors.map((s) => turf.polygon([sectorRing(s, perCircle)]))));
        const clipped = turf.intersect(turf.featureCollection([union!, turf.polygon(box)]));
        const g = clipped!.geometry;
        oracle = multiPolygonArea((g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as never);
      }
      expect(Math.abs(r.coveredArea - oracle)).toBeLessThanOrEqual(2 * inscribedDeficit(perCircle) * oracle + 1e-6);
    });
  }

  test('k-levels match a jittered point sample (points almost never fall on the coincident boundaries)', () => {
    const sectors = latticeLayout(9, 40);
    const r = computeCoverage(createCameraSet(sectors), { bounds: b, threads: 1 });
    const rng = createRng('lattice-sample');
    const N = 400;
    const counts: number[] = [];
    for (let iy = 0; iy < N; iy++) for (let ix = 0; ix < N; ix++) {
      const d = depthAt(sectors, (ix + rng.next()) * (100 / N), (iy + rng.next()) * (100 / N));
      for (let k = 0; k <= d; k++) counts[k] = (counts[k] ?? 0) + 1;
    }
    for (let k = 1; k < Math.max(counts.length, r.atLeast.length); k++) {
      const p = r.atLeast[k] ?? 0;
      const se = Math.sqrt(Math.max(p * (1 - p), 1e-6) / (N * N));
      expect(Math.abs((counts[k] ?? 0) / (N * N) - p)).toBeLessThan(5 * se + 0.002);
    }
  });
});

/**
 * Issue 18, defect 1: thin wedges (fov near 0°, or a gap near 0° when fov is
 * near 360°) whose edges lie along a study-area edge or another footprint's
 * edge. Within L = TIP_WIDTH / sin γ of the apex the two edges of such a wedge
 * are closer than the engine's probes, and one edge's Green term (thousands
 * of m²) used to be counted without its twin. The expected values are worked
 * out by hand: a disc of radius r centred on an edge of the box has half its
 * area, πr²/2, inside; a sliver of fov γ has area γr²/2.
 */
import { describe, expect, test } from 'vitest';
import { computeCoverage, createCameraSet } from '../../src/index.js';

const box: [number, number, number, number] = [0, 0, 1000, 1000];
const area = (cams: Parameters<typeof createCameraSet>[0], bounds = box) => computeCoverage(createCameraSet(cams), { bounds, threads: 1 });
const rad = (deg: number) => (deg * Math.PI) / 180;

describe('computeCoverage with thin wedges on an edge (issue 18, defect 1)', () => {
  test('the reproduction: fov 359.999999 on the left edge pointing north gives half a disc', () => {
    expect(area([{ x: 0, y: 500, heading: 0, fov: 359.999999, range: 10 }]).coveredArea).toBeCloseTo(157.08, 2);
    expect(area([{ x: 0, y: 500, heading: 0, fov: 359.999999, range: 100 }]).coveredArea).toBeCloseTo(15_707.96, 1);
  });

  // Every edge of the box, the gap pointing along it either way, and several widths of gap or sliver.
  const onEdges = [
    { x: 0, y: 500, along: [0, 180] },
    { x: 1000, y: 500, along: [0, 180] },
    { x: 500, y: 0, along: [90, 270] },
    { x: 500, y: 1000, along: [90, 270] },
  ];
  for (const thin of [1e-7, 1e-6, 1.146e-6, 1e-5, 1e-3, 0.1, 2]) {
    test(`a camera on any edge with a gap or a sliver of ${thin}° along the edge`, () => {
      for (const { x, y, along } of onEdges) {
        for (const dir of along) {
          for (const r of [10, 100]) {
            // Nearly full: the gap points along the edge (heading opposite to it).
            const full = area([{ x, y, heading: (dir + 180) % 360, fov: 360 - thin, range: r }]).coveredArea;
            const gap = (rad(thin) * r * r) / 2;
            expect(Math.abs(full - (Math.PI * r * r) / 2), `gap ${thin}° at (${x}, ${y}) towards ${dir}°, range ${r}`).toBeLessThanOrEqual(gap / 2 + 1e-6);
            // A sliver along the edge: half of it inside at most.
            const sliver = area([{ x, y, heading: dir, fov: thin, range: r }]).coveredArea;
            expect(sliver, `sliver ${thin}° at (${x}, ${y}) towards ${dir}°, range ${r}`).toBeGreaterThanOrEqual(0);
            expect(sliver, `sliver ${thin}° at (${x}, ${y}) towards ${dir}°, range ${r}`).toBeLessThanOrEqual(gap / 2 + 1e-6);
          }
        }
      }
    });
  }

  test('a box corner: a near-full camera on the corner covers a quarter disc', () => {
    expect(area([{ x: 0, y: 0, heading: 180, fov: 359.999999, range: 10 }]).coveredArea).toBeCloseTo((Math.PI * 100) / 4, 4);
  });

  test('thin wedges along another camera\'s edge (same apex, away from the origin)', () => {
    const g = 1e-6;
    const h = (cams: Parameters<typeof createCameraSet>[0]) => area(cams).coveredArea;
    // A half disc facing east, its lower edge pointing south, and a sliver along that edge.
    const half = (Math.PI * 100) / 2;
    expect(h([{ x: 200, y: 300, heading: 90, fov: 180, range: 10 }, { x: 200, y: 300, heading: 180, fov: g, range: 10 }])).toBeCloseTo(half, 6);
    expect(h([{ x: 200, y: 300, heading: 180, fov: g, range: 10 }, { x: 200, y: 300, heading: 90, fov: 180, range: 10 }])).toBeCloseTo(half, 6);
    // A half disc facing west and a near-full camera whose gap runs along the half disc's edge: a whole disc.
    const disc = Math.PI * 100;
    expect(h([{ x: 200, y: 300, heading: 270, fov: 180, range: 10 }, { x: 200, y: 300, heading: 0, fov: 360 - g, range: 10 }])).toBeCloseTo(disc, 6);
    const twice = area([{ x: 200, y: 300, heading: 0, fov: 360 - g, range: 10 }, { x: 200, y: 300, heading: 270, fov: 180, range: 10 }]);
    expect(twice.coveredArea).toBeCloseTo(disc, 6);
    expect(twice.areaAtLeast[2]).toBeCloseTo(half, 5);
  });

  test('a thin sector well inside the box keeps its area γr²/2 (up to the cut tip, ½·L·2.5e-5 m²)', () => {
    for (const fov of [0.5, 1, 5]) {
      const r = 100;
      const a = area([{ x: 300, y: 600, heading: 33, fov, range: r }]).coveredArea;
      expect(a).toBeCloseTo((rad(fov) * r * r) / 2, 6);
      const b = area([{ x: 300, y: 600, heading: 33, fov: 360 - fov, range: r }]).coveredArea;
      expect(b).toBeCloseTo((rad(360 - fov) * r * r) / 2, 6);
    }
  });
});

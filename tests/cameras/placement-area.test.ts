import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { placeByPopulation, placeUniform } from '../../src/cameras/placement.js';
import { InvalidInputError } from '../../src/core/errors.js';
import type { MultiPolygonM } from '../../src/geo/polygon.js';
import { gridCity, populationGrid, snapshot } from './test-city.js';

/** An L-shaped polygon with a square hole: area 3·100² − 20² = 29,600 m². */
const L_SHAPE: MultiPolygonM = [
  {
    outer: Float64Array.of(0, 0, 200, 0, 200, 100, 100, 100, 100, 200, 0, 200),
    holes: [Float64Array.of(40, 40, 40, 60, 60, 60, 60, 40)],
  },
];

function toTurf(mp: MultiPolygonM) {
  const ring = (r: Float64Array) => {
    const pts: number[][] = [];
    for (let i = 0; i < r.length; i += 2) pts.push([r[i], r[i + 1]]);
    pts.push([r[0], r[1]]);
    return pts;
  };
  return turf.multiPolygon(mp.map((p) => [ring(p.outer), ...p.holes.map(ring)]));
}

describe('placeUniform', () => {
  it('places exactly count cameras, all inside the polygon (turf oracle) and none in the hole', () => {
    const cams = placeUniform(L_SHAPE, 3000, { seed: 1 });
    expect(cams.numCameras).toBe(3000);
    const poly = toTurf(L_SHAPE);
    for (let i = 0; i < cams.numCameras; i++) {
      expect(turf.booleanPointInPolygon(turf.point([cams.x[i], cams.y[i]]), poly)).toBe(true);
    }
  });

  it('is uniform: the share in a sub-square matches its share of the area within 4 standard errors', () => {
    const n = 20000;
    const cams = placeUniform(L_SHAPE, n, { seed: 2 });
    let inTopArm = 0; // [0,100] × [100,200], area 10,000
    for (let i = 0; i < n; i++) if (cams.y[i] > 100) inTopArm++;
    const p = 10000 / 29600;
    expect(Math.abs(inTopArm / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('picks the parts of a multipolygon in proportion to their areas', () => {
    const mp: MultiPolygonM = [
      { outer: Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), holes: [] },
      { outer: Float64Array.of(1000, 0, 1020, 0, 1020, 15, 1000, 15), holes: [] },
    ];
    const n = 20000;
    const cams = placeUniform(mp, n, { seed: 3 });
    let first = 0;
    for (let i = 0; i < n; i++) if (cams.x[i] < 500) first++;
    const p = 100 / 400;
    expect(Math.abs(first / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('accepts bounds and keeps every camera inside them, with headings in [0, 360)', () => {
    const cams = placeUniform([-50, 10, 50, 20], 500, { seed: 'b' });
    for (let i = 0; i < 500; i++) {
      expect(cams.x[i]).toBeGreaterThanOrEqual(-50);
      expect(cams.x[i]).toBeLessThanOrEqual(50);
      expect(cams.y[i]).toBeGreaterThanOrEqual(10);
      expect(cams.y[i]).toBeLessThanOrEqual(20);
      expect(cams.heading[i]).toBeGreaterThanOrEqual(0);
      expect(cams.heading[i]).toBeLessThan(360);
    }
  });

  it('gives identical cameras for the same seed and different ones for another seed', () => {
    expect(snapshot(placeUniform(L_SHAPE, 50, { seed: 9 }))).toEqual(snapshot(placeUniform(L_SHAPE, 50, { seed: 9 })));
    expect(snapshot(placeUniform(L_SHAPE, 50, { seed: 9 }))).not.toEqual(snapshot(placeUniform(L_SHAPE, 50, { seed: 10 })));
  });

  it('uses a fixed heading when one is given (normalised to [0, 360))', () => {
    const cams = placeUniform([0, 0, 1, 1], 5, { heading: -90 });
    expect(Array.from(cams.heading)).toEqual([270, 270, 270, 270, 270]);
  });

  it('throws instead of hanging when a polygon cannot be sampled (inconsistent rings)', () => {
    // Two self-intersecting "bow-tie" holes: each has signed area 0, so the computed area is the full
    // square, yet together they cover the whole square, so no point is ever accepted.
    const broken: MultiPolygonM = [
      {
        outer: Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10),
        holes: [Float64Array.of(0, 0, 10, 10, 10, 0, 0, 10), Float64Array.of(0, 0, 10, 0, 0, 10, 10, 10)],
      },
    ];
    expect(() => placeUniform(broken, 3, { seed: 1 })).toThrow(/placeUniform: area\[0\] could not be sampled in 150 attempts/);
  });

  it('returns an empty set for count 0', () => {
    expect(placeUniform(L_SHAPE, 0).numCameras).toBe(0);
  });

  it('throws InvalidInputError on an empty, degenerate or too thin area, and on bad arguments', () => {
    const cases: [() => unknown, string][] = [
      [() => placeUniform([], 1), 'area'],
      [() => placeUniform([{ outer: Float64Array.of(0, 0, 1, 1, 2, 2), holes: [] }], 1), 'area'],
      [() => placeUniform([{ outer: Float64Array.of(0, 0, 1e6, 1e6, 1e6, 1e6 + 1e-3), holes: [] }], 1), 'area[0]'],
      [() => placeUniform([{ outer: Float64Array.of(0, 0, NaN, 0, 1, 1), holes: [] }], 1), 'area[0].outer[2]'],
      [() => placeUniform([{ outer: [0, 0, 1, 0, 1, 1] as never, holes: [] }], 1), 'area[0]'],
      [() => placeUniform([5, 5, 1, 1] as never, 1), 'area'],
      [() => placeUniform('city' as never, 1), 'area'],
      [() => placeUniform(L_SHAPE, -1), 'count'],
      [() => placeUniform(L_SHAPE, 1.5), 'count'],
      [() => placeUniform(L_SHAPE, 1, { heading: NaN }), 'options.heading'],
      [() => placeUniform(L_SHAPE, 1, { fov: 0 }), 'options.fov'],
    ];
    for (const [fn, field] of cases) {
      let err: unknown;
      try {
        fn();
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
      expect((err as Error).message).toMatch(/^placeUniform: /);
    }
  });
});

describe('placeByPopulation', () => {
  // 2×2 grid of 100 m cells: lower-left 0, lower-right 1, upper-left 3, upper-right 0 residents.
  const city = gridCity({ n: 3, block: 100, population: { cellSize: 100, cols: 2, rows: 2, values: [0, 1, 3, 0] } });

  it('follows the population weights and never uses an empty cell', () => {
    const n = 20000;
    const cams = placeByPopulation(city, n, { seed: 4 });
    expect(cams.numCameras).toBe(n);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) counts[Math.floor(cams.y[i] / 100) * 2 + Math.floor(cams.x[i] / 100)]++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    const p = 0.75;
    expect(Math.abs(counts[2] / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('spreads cameras uniformly inside a cell', () => {
    const one = gridCity({ n: 2, block: 100, population: { cellSize: 50, cols: 1, rows: 1, values: [5] } });
    const n = 10000;
    const cams = placeByPopulation(one, n, { seed: 5 });
    let left = 0;
    for (let i = 0; i < n; i++) {
      expect(cams.x[i]).toBeGreaterThanOrEqual(0);
      expect(cams.x[i]).toBeLessThan(50);
      expect(cams.y[i]).toBeGreaterThanOrEqual(0);
      expect(cams.y[i]).toBeLessThan(50);
      if (cams.x[i] < 25) left++;
    }
    expect(Math.abs(left / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it('respects the grid origin', () => {
    const c = gridCity({ n: 2, block: 10 });
    c.population = populationGrid({ cellSize: 10, cols: 1, rows: 1, values: [1], originX: -1000, originY: 500 });
    const cams = placeByPopulation(c, 10);
    for (let i = 0; i < 10; i++) {
      expect(cams.x[i]).toBeGreaterThanOrEqual(-1000);
      expect(cams.x[i]).toBeLessThan(-990);
      expect(cams.y[i]).toBeGreaterThanOrEqual(500);
    }
  });

  it('is deterministic per seed', () => {
    expect(snapshot(placeByPopulation(city, 100, { seed: 1 }))).toEqual(snapshot(placeByPopulation(city, 100, { seed: 1 })));
    expect(snapshot(placeByPopulation(city, 100, { seed: 1 }))).not.toEqual(snapshot(placeByPopulation(city, 100, { seed: 2 })));
  });

  it('throws InvalidInputError when the total is 0 or the grid is malformed', () => {
    const withGrid = (p: Parameters<typeof populationGrid>[0]) => {
      const c = gridCity({ n: 2, block: 10 });
      c.population = populationGrid(p);
      return c;
    };
    const cases: [() => unknown, string][] = [
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 2, rows: 1, values: [0, 0] }), 1), 'city.population total'],
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 2, rows: 1, values: [1, -1] }), 1), 'city.population.values[1]'],
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 2, rows: 1, values: [1, NaN] }), 1), 'city.population.values[1]'],
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 2, rows: 1, values: [1, Infinity] }), 1), 'city.population.values[1]'],
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 3, rows: 1, values: [1, 1] }), 1), 'city.population.values'],
      [() => placeByPopulation(withGrid({ cellSize: 0, cols: 2, rows: 1, values: [1, 1] }), 1), 'city.population.cellSize'],
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 1.5, rows: 1, values: [1] }), 1), 'city.population.cols'],
      [() => placeByPopulation(withGrid({ cellSize: 10, cols: 1, rows: 1, values: [1], originX: NaN }), 1), 'city.population.originX'],
      [() => placeByPopulation(city, -3), 'count'],
      [() => placeByPopulation(city, 3, { heading: Infinity }), 'options.heading'],
      [() => placeByPopulation({} as never, 3), 'city.population'],
    ];
    for (const [fn, field] of cases) {
      let err: unknown;
      try {
        fn();
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
      expect((err as Error).message).toMatch(/^placeByPopulation: /);
    }
    // An empty population is fine when no camera is asked for.
    expect(placeByPopulation(withGrid({ cellSize: 10, cols: 1, rows: 1, values: [0] }), 0).numCameras).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createPopulationGrid, populationAt, populationCellIndex, samplePopulationPoints, validatePopulationGrid } from '../../src/city/population.js';
import type { PopulationGrid } from '../../src/city/city.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import { boundsToPolygon } from '../../src/geo/polygon.js';

function grid(values: number[], cols: number, rows: number, cellSize = 10, originX = 0, originY = 0): PopulationGrid {
  const v = Float64Array.from(values);
  return { originX, originY, cellSize, cols, rows, values: v, total: values.reduce((a, b) => a + b, 0) };
}

describe('createPopulationGrid', () => {
  const square = [boundsToPolygon([0, 0, 1000, 1000])];

  it('spreads a uniform population evenly and sums to the total exactly', () => {
    const g = createPopulationGrid(square, { total: 10_000, cellSize: 100, densityDecay: Infinity });
    expect([g.cols, g.rows, g.originX, g.originY]).toEqual([10, 10, 0, 0]);
    for (const v of g.values) expect(v).toBeCloseTo(100, 9);
    expect(g.total).toBeCloseTo(10_000, 8);
  });

  it("follows Clark's law exp(−r / b) between interior cells", () => {
    const g = createPopulationGrid(square, { total: 1e6, cellSize: 100, centre: [50, 50], densityDecay: 300 });
    // Cell (0, 0) has its centre on the density centre; cell (3, 4) is 500 m away.
    const ratio = g.values[4 * 10 + 3] / g.values[0];
    expect(ratio).toBeCloseTo(Math.exp(-500 / 300), 12);
    expect(g.total).toBeCloseTo(1e6, 6);
  });

  it('puts nobody outside the boundary and weights cells the boundary cuts by their inside area', () => {
    // Right triangle (0,0) (1000,0) (0,1000): the diagonal cells are exactly half inside.
    const tri = [{ outer: Float64Array.of(0, 0, 1000, 0, 0, 1000), holes: [] }];
    const g = createPopulationGrid(tri, { total: 5000, cellSize: 100, densityDecay: Infinity });
    const full = 5000 / (500_000 / 10_000); // residents per full cell: total / (triangle area / cell area)
    for (let r = 0; r < 10; r++) {
      for (let c = 0; c < 10; c++) {
        const v = g.values[r * 10 + c];
        if (r + c < 9) expect(v).toBeCloseTo(full, 9);
        else if (r + c === 9) expect(v).toBeCloseTo(full / 2, 9);
        else expect(v).toBe(0);
      }
    }
    expect(g.total).toBeCloseTo(5000, 9);
  });

  it('respects holes in the boundary', () => {
    const ring = { outer: Float64Array.of(0, 0, 400, 0, 400, 400, 0, 400), holes: [Float64Array.of(100, 100, 300, 100, 300, 300, 100, 300)] };
    const g = createPopulationGrid([ring], { total: 120, cellSize: 100, densityDecay: Infinity });
    expect(g.values[1 * 4 + 1]).toBe(0);
    expect(g.values[2 * 4 + 2]).toBe(0);
    expect(g.values[0]).toBeCloseTo(10, 12);
  });

  it('gives an all-zero grid for a population of 0', () => {
    const g = createPopulationGrid(square, { total: 0, cellSize: 500 });
    expect(Array.from(g.values)).toEqual([0, 0, 0, 0]);
    expect(g.total).toBe(0);
  });

  it('rejects bad options, naming the field', () => {
    expect(() => createPopulationGrid(square, { cellSize: -1 })).toThrow(/createPopulationGrid: cellSize must be a finite number > 0, got -1/);
    expect(() => createPopulationGrid(square, { densityDecay: -3 })).toThrow(/densityDecay must be a number > 0/);
    expect(() => createPopulationGrid(square, { total: NaN })).toThrow(/population must be a finite number >= 0, got NaN/);
    expect(() => createPopulationGrid(square, { centre: [1] as never })).toThrow(/centre must be \[x, y\]/);
    expect(() => createPopulationGrid(square, { cellSize: 0.01 })).toThrow(/cellSize is too small/);
    expect(() => createPopulationGrid([{ outer: Float64Array.of(0, 0, 1, 1, 2, 2), holes: [] }])).toThrow(InvalidInputError);
  });
});

describe('populationAt and populationCellIndex', () => {
  const g = grid([100, 200, 300, 400], 2, 2, 10, 5, 5);

  it('returns residents per m² of the cell holding the point, and 0 outside the grid', () => {
    expect(populationAt(g, 6, 6)).toBe(1);
    expect(populationAt(g, 16, 6)).toBe(2);
    expect(populationAt(g, 6, 24.9)).toBe(3);
    expect(populationAt(g, 25, 25)).toBe(4); // the top-right corner belongs to the last cell
    expect(populationAt(g, 4.9, 6)).toBe(0);
    expect(populationAt(g, 6, 25.1)).toBe(0);
    expect(populationAt(g, NaN, 6)).toBe(0);
    expect(populationCellIndex(g, 15, 15)).toBe(3);
    expect(populationCellIndex(g, -100, 15)).toBe(-1);
  });
});

describe('samplePopulationPoints', () => {
  const g = grid([1, 2, 0, 3, 4, 0], 3, 2, 10);

  it('gives identical points for the same seed and different points for another seed', () => {
    const a = samplePopulationPoints(g, 1000, 42);
    const b = samplePopulationPoints(g, 1000, 42);
    const c = samplePopulationPoints(g, 1000, 43);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
    expect(a.seed).toBe('42');
  });

  it('accepts an Rng and records its seed', () => {
    const s = samplePopulationPoints(g, 5, createRng('homes').stream('city'));
    expect(s.seed).toBe('homes/city');
  });

  it('draws points inside their cells, never in empty cells, in proportion to the weights (chi-square, 3 d.o.f.)', () => {
    const n = 100_000;
    const s = samplePopulationPoints(g, n, 2024);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < n; i++) {
      const k = s.cell[i];
      counts[k]++;
      const c = k % 3, r = Math.floor(k / 3);
      expect(s.x[i] >= 10 * c && s.x[i] < 10 * (c + 1)).toBe(true);
      expect(s.y[i] >= 10 * r && s.y[i] < 10 * (r + 1)).toBe(true);
    }
    expect(counts[2]).toBe(0);
    expect(counts[5]).toBe(0);
    let chi2 = 0;
    const w = [1, 2, 0, 3, 4, 0];
    for (let k = 0; k < 6; k++) {
      if (w[k] === 0) continue;
      const e = (n * w[k]) / 10;
      chi2 += (counts[k] - e) ** 2 / e;
    }
    // 99.9th percentile of chi-square with 3 degrees of freedom is 16.27.
    expect(chi2).toBeLessThan(16.27);
  });

  it('returns no points for n = 0', () => {
    expect(samplePopulationPoints(g, 0, 1).x.length).toBe(0);
  });

  it('throws on densities that sum to zero, a bad n, a bad seed or an inconsistent grid', () => {
    expect(() => samplePopulationPoints(grid([0, 0], 2, 1), 10, 1)).toThrow(/samplePopulationPoints: grid.values must be densities that sum to more than zero \(got densities that sum to zero\)/);
    expect(() => samplePopulationPoints(g, -1, 1)).toThrow(/n must be an integer >= 0, got -1/);
    expect(() => samplePopulationPoints(g, 2.5, 1)).toThrow(/n must be an integer >= 0, got 2.5/);
    expect(() => samplePopulationPoints(g, 1, NaN)).toThrow(/seed must be a string, a finite number or an Rng, got NaN/);
    expect(() => samplePopulationPoints({ ...g, total: 99 }, 1, 1)).toThrow(/grid.total must equal the sum of values \(10\), got 99/);
    expect(() => samplePopulationPoints({ ...g, cols: 2 }, 1, 1)).toThrow(/grid.values must be a Float64Array of length cols × rows = 4/);
    expect(() => samplePopulationPoints(grid([1, -1, 1], 3, 1), 1, 1)).toThrow(/grid.values\[1\] must be a finite number >= 0, got -1/);
    expect(() => validatePopulationGrid(null, 'f', 'population')).toThrow(/f: population must be a PopulationGrid, got null/);
  });
});

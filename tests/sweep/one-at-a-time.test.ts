import { describe, expect, test } from 'vitest';
import { oneAtATime, oneAtATimeFromEvaluations, oneAtATimePoints } from '../../src/sweep/index.js';
import type { OneAtATimeParameters } from '../../src/sweep/index.js';

/** y = 2a + b² − 3e; d and c are parameters the model ignores. */
const model = ({ a, b, e }: Record<string, number>): number => 2 * a + b * b - 3 * e;
const PARAMS: OneAtATimeParameters = {
  a: { low: 0, central: 1, high: 3 },
  b: [-1, 2], // central = midpoint 0.5
  d: [0, 10],
  e: { low: 0, high: 1 }, // central = midpoint 0.5
  c: { low: -5, central: -5, high: 5 },
};

describe('oneAtATime', () => {
  test('gives the hand-worked swings of y = 2a + b² − 3e, largest first, ties by name', async () => {
    // Central point a = 1, b = 0.5, e = 0.5: base = 2 + 0.25 − 1.5 = 0.75.
    // a: 0 → 0 + 0.25 − 1.5 = −1.25, 3 → 6 + 0.25 − 1.5 = 4.75, swing 6.
    // b: −1 → 2 + 1 − 1.5 = 1.5, 2 → 2 + 4 − 1.5 = 4.5, swing 3.
    // e: 0 → 2 + 0.25 = 2.25, 1 → 2.25 − 3 = −0.75, swing 3 (a tie with b: b first by name).
    // c and d do not enter the model: swing 0, c before d.
    const r = await oneAtATime(model, PARAMS);
    expect(r.base).toBe(0.75);
    expect(r.evaluations).toBe(11);
    expect(r.swings).toEqual([
      { name: 'a', low: 0, central: 1, high: 3, outputAtLow: -1.25, outputAtHigh: 4.75, swing: 6 },
      { name: 'b', low: -1, central: 0.5, high: 2, outputAtLow: 1.5, outputAtHigh: 4.5, swing: 3 },
      { name: 'e', low: 0, central: 0.5, high: 1, outputAtLow: 2.25, outputAtHigh: -0.75, swing: 3 },
      { name: 'c', low: -5, central: -5, high: 5, outputAtLow: 0.75, outputAtHigh: 0.75, swing: 0 },
      { name: 'd', low: 0, central: 5, high: 10, outputAtLow: 0.75, outputAtHigh: 0.75, swing: 0 },
    ]);
    expect(r.parameters.b).toEqual({ low: -1, central: 0.5, high: 2 });
  });

  test('lists the central point first, then each parameter low and high with the others central', () => {
    const design = oneAtATimePoints({ a: [0, 2], b: { low: 1, central: 1.5, high: 4 } });
    expect(design.points).toEqual([
      { a: 1, b: 1.5 },
      { a: 0, b: 1.5 },
      { a: 2, b: 1.5 },
      { a: 1, b: 1 },
      { a: 1, b: 4 },
    ]);
    expect(design.index).toEqual({ base: 0, low: [1, 3], high: [2, 4] });
    expect(design.names).toEqual(['a', 'b']);
  });

  test('gives from outputs computed elsewhere exactly what oneAtATime gives', async () => {
    const values = oneAtATimePoints(PARAMS).points.map(model);
    expect(oneAtATimeFromEvaluations(PARAMS, values)).toEqual(await oneAtATime(model, PARAMS));
    expect(oneAtATimeFromEvaluations(PARAMS, Float64Array.from(values))).toEqual(await oneAtATime(async (x) => model(x), PARAMS));
  });

  test('rejects bad levels, outputs and models, naming the function, field and value', async () => {
    expect(() => oneAtATimePoints({})).toThrow(/oneAtATimePoints: parameters must name at least one parameter/);
    expect(() => oneAtATimePoints({ a: { low: 0, central: 3, high: 2 } })).toThrow(/oneAtATimePoints: parameters.a.central must be in \[low, high\] = \[0, 2\], got 3/);
    expect(() => oneAtATimePoints({ a: { low: 0, high: Number.NaN } })).toThrow(/parameters.a\[1\] must be a finite number \(high\), got NaN/);
    expect(() => oneAtATimePoints({ a: { low: 0, high: 1, centre: 0.5 } as never })).toThrow(/parameters.a.centre is not a level/);
    expect(() => oneAtATimePoints({ a: [1, 0] })).toThrow(/must have low < high/);
    expect(() => oneAtATimeFromEvaluations({ a: [0, 1] }, [1, 2])).toThrow(/oneAtATimeFromEvaluations: values.length must equal the number of points \(3\), got 2/);
    expect(() => oneAtATimeFromEvaluations({ a: [0, 1] }, [1, 2, Infinity])).toThrow(/values\[2\] must be a finite number, got Infinity/);
    await expect(oneAtATime(() => Number.NaN, { a: [0, 1] })).rejects.toThrow(/^oneAtATime: model\(\{"a":0\.5\}\) \(point 0\) must return a finite number, got NaN$/);
    await expect(oneAtATime(null as never, { a: [0, 1] })).rejects.toThrow(/oneAtATime: model must be a function/);
  });
});

import { describe, expect, test } from 'vitest';
import { createRng, overlappingPairs } from '../../src/index.js';

describe('overlappingPairs', () => {
  test('finds exactly the pairs a brute-force check of every pair finds (boxes of very different sizes)', () => {
    const rng = createRng('pairs');
    const n = 600;
    const minX = new Float64Array(n);
    const minY = new Float64Array(n);
    const maxX = new Float64Array(n);
    const maxY = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = rng.next() < 0.05 ? rng.uniform(100, 400) : rng.uniform(1, 30);
      const h = rng.next() < 0.05 ? rng.uniform(100, 400) : rng.uniform(1, 30);
      minX[i] = rng.uniform(0, 1000);
      minY[i] = rng.uniform(0, 1000);
      maxX[i] = minX[i] + w;
      maxY[i] = minY[i] + h;
    }
    const nb = overlappingPairs(minX, minY, maxX, maxY, n, 0.5);
    for (let i = 0; i < n; i++) {
      const expected: number[] = [];
      for (let j = 0; j < n; j++) {
        if (j !== i && !(minX[j] > maxX[i] + 0.5 || maxX[j] < minX[i] - 0.5 || minY[j] > maxY[i] + 0.5 || maxY[j] < minY[i] - 0.5)) expected.push(j);
      }
      const got = Array.from(nb.list.subarray(nb.start[i], nb.start[i + 1])).sort((a, b) => a - b);
      expect(got).toEqual(expected);
    }
  });

  test('handles no boxes and identical boxes', () => {
    expect(overlappingPairs(new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0), 0, 0).start).toEqual(new Uint32Array(1));
    const z = new Float64Array(3);
    const one = new Float64Array(3).fill(1);
    const nb = overlappingPairs(z, z, one, one, 3, 0);
    expect(nb.maxDegree).toBe(2);
    expect(nb.start[3]).toBe(6);
  });
});

import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { sectorBounds } from '../../src/geo/sector.js';
import { buildSectorIndex, buildSegmentIndex } from '../../src/geo/spatial-index.js';

function overlaps(a: readonly number[], q: readonly number[]): boolean {
  return a[0] <= q[2] && a[2] >= q[0] && a[1] <= q[3] && a[3] >= q[1];
}

describe('buildSectorIndex', () => {
  test('returns the same ids as a brute-force scan of sector bounds', () => {
    const rng = createRng('sector-index');
    const n = 2000;
    const cx = new Float64Array(n), cy = new Float64Array(n), r = new Float64Array(n), heading = new Float32Array(n), fov = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      cx[i] = rng.uniform(0, 1000); cy[i] = rng.uniform(0, 1000); r[i] = rng.uniform(5, 60);
      heading[i] = rng.uniform(0, 360); fov[i] = i % 7 === 0 ? 360 : rng.uniform(10, 350);
    }
    const index = buildSectorIndex(cx, cy, r, heading, fov);
    expect(index).not.toBeNull();
    const boxes = Array.from({ length: n }, (_, i) => sectorBounds(cx[i], cy[i], r[i], heading[i], fov[i]));
    for (let q = 0; q < 50; q++) {
      const x = rng.uniform(0, 1000), y = rng.uniform(0, 1000), w = rng.uniform(1, 100);
      const box = [x, y, x + w, y + w];
      const got = index!.search(box[0], box[1], box[2], box[3]).sort((a, b) => a - b);
      const want = boxes.flatMap((b, i) => (overlaps(b, box) ? [i] : []));
      expect(got).toEqual(want);
    }
  });

  test('returns null when there are no sectors', () => {
    const e = new Float64Array(0);
    expect(buildSectorIndex(e, e, e, e, e)).toBeNull();
  });

  test('throws a typed error naming the column or row at fault', () => {
    const one = Float64Array.of(1);
    const two = Float64Array.of(1, 2);
    expect(() => buildSectorIndex(one, two, one, one, one)).toThrow(/buildSectorIndex: cy.length must equal cx.length \(1\), got 2/);
    expect(() => buildSectorIndex(one, one, two, one, one)).toThrow(/r.length must equal/);
    expect(() => buildSectorIndex(one, one, one, two, one)).toThrow(/heading.length must equal/);
    expect(() => buildSectorIndex(one, one, one, one, two)).toThrow(/fov.length must equal/);
    expect(() => buildSectorIndex([NaN], [0], [1], [0], [90])).toThrow(/cx\[0\] must be a finite number, got NaN/);
    expect(() => buildSectorIndex([0], [Infinity], [1], [0], [90])).toThrow(/cy\[0\] must be a finite number/);
    expect(() => buildSectorIndex([0], [0], [1], [NaN], [90])).toThrow(/heading\[0\] must be a finite number/);
    expect(() => buildSectorIndex([0, 0], [0, 0], [1, 0], [0, 0], [90, 90])).toThrow(/r\[1\] must be a finite number > 0, got 0/);
    expect(() => buildSectorIndex([0], [0], [1], [0], [361])).toThrow(/fov\[0\] must be in \(0, 360\], got 361/);
    expect(() => buildSectorIndex(one, one, one, one, one, 1)).toThrow(/nodeSize must be an integer in \[2, 65535\], got 1/);
  });
});

describe('buildSegmentIndex', () => {
  test('returns the same ids as a brute-force scan of segment boxes', () => {
    const rng = createRng('segment-index');
    const n = 3000;
    const coords = new Float64Array(4 * n);
    for (let i = 0; i < 4 * n; i++) coords[i] = rng.uniform(0, 500);
    const index = buildSegmentIndex(coords, 8)!;
    for (let q = 0; q < 50; q++) {
      const x = rng.uniform(0, 500), y = rng.uniform(0, 500);
      const box = [x, y, x + 20, y + 20];
      const got = index.search(box[0], box[1], box[2], box[3]).sort((a, b) => a - b);
      const want: number[] = [];
      for (let i = 0; i < n; i++) {
        const b = [Math.min(coords[4 * i], coords[4 * i + 2]), Math.min(coords[4 * i + 1], coords[4 * i + 3]), Math.max(coords[4 * i], coords[4 * i + 2]), Math.max(coords[4 * i + 1], coords[4 * i + 3])];
        if (overlaps(b, box)) want.push(i);
      }
      expect(got).toEqual(want);
    }
  });

  test('returns null when there are no segments', () => {
    expect(buildSegmentIndex(new Float64Array(0))).toBeNull();
  });

  test('throws a typed error for malformed coordinates', () => {
    expect(() => buildSegmentIndex([0, 0, 1, 1] as unknown as Float64Array)).toThrow(/buildSegmentIndex: coords must be a Float64Array/);
    expect(() => buildSegmentIndex(Float64Array.of(0, 0, 1))).toThrow(/coords.length must be a multiple of 4, got 3/);
    expect(() => buildSegmentIndex(Float64Array.of(0, 0, 1, NaN))).toThrow(/coords\[3\] must be a finite number, got NaN/);
    expect(() => buildSegmentIndex(Float64Array.of(0, 0, 1, 1), 0.5)).toThrow(/nodeSize must be an integer/);
  });
});

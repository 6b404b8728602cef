import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import {
  lineCircleParams,
  orient2d,
  pointLineDistance,
  pointSegmentDistance,
  pointSegmentDistanceSq,
  ringsToSegments,
  segmentDiscInterval,
  segmentIntersectionParams,
} from '../../src/geo/segment.js';

describe('orient2d', () => {
  test('is positive for a counter-clockwise turn, negative for clockwise, zero for collinear points', () => {
    expect(orient2d(0, 0, 1, 0, 0, 1)).toBe(1);
    expect(orient2d(0, 0, 0, 1, 1, 0)).toBe(-1);
    expect(orient2d(0, 0, 1, 1, 3, 3)).toBe(0);
  });

  test('equals twice the signed triangle area', () => {
    expect(orient2d(1, 1, 5, 1, 1, 4)).toBe(12); // legs 4 and 3: area 6
  });
});

describe('segmentIntersectionParams', () => {
  const out = new Float64Array(2);

  test('finds the crossing of two diagonals at their midpoints', () => {
    expect(segmentIntersectionParams(0, 0, 2, 2, 0, 2, 2, 0, out)).toBe(true);
    expect(out[0]).toBeCloseTo(0.5, 15);
    expect(out[1]).toBeCloseTo(0.5, 15);
  });

  test('counts a touch at an endpoint', () => {
    expect(segmentIntersectionParams(0, 0, 1, 0, 1, 0, 1, 5, out)).toBe(true);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(0);
  });

  test('reports no intersection for parallel, collinear or disjoint segments', () => {
    expect(segmentIntersectionParams(0, 0, 1, 0, 0, 1, 1, 1, out)).toBe(false);
    expect(segmentIntersectionParams(0, 0, 2, 0, 1, 0, 3, 0, out)).toBe(false);
    expect(segmentIntersectionParams(0, 0, 1, 0, 2, -1, 2, 1, out)).toBe(false);
  });

  test('returns parameters that give the same point on both segments for random crossings', () => {
    const rng = createRng('segment-intersection');
    let hits = 0;
    for (let i = 0; i < 2000; i++) {
      const c = Array.from({ length: 8 }, () => rng.uniform(-10, 10));
      if (segmentIntersectionParams(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], out)) {
        hits++;
        const [t, u] = out;
        expect(c[0] + t * (c[2] - c[0])).toBeCloseTo(c[4] + u * (c[6] - c[4]), 9);
        expect(c[1] + t * (c[3] - c[1])).toBeCloseTo(c[5] + u * (c[7] - c[5]), 9);
        // Independent check: the endpoints of each segment lie on opposite sides of the other.
        expect(orient2d(c[0], c[1], c[2], c[3], c[4], c[5]) * orient2d(c[0], c[1], c[2], c[3], c[6], c[7])).toBeLessThanOrEqual(0);
      }
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('lineCircleParams and segmentDiscInterval', () => {
  const out = new Float64Array(2);

  test('gives the two crossings of a line through the centre', () => {
    expect(lineCircleParams(-2, 0, 2, 0, 0, 0, 1, out)).toBe(2);
    expect(out[0]).toBeCloseTo(0.25, 15);
    expect(out[1]).toBeCloseTo(0.75, 15);
  });

  test('gives one root for a tangent line and none for a line that misses', () => {
    expect(lineCircleParams(-1, 1, 1, 1, 0, 0, 1, out)).toBe(1);
    expect(out[0]).toBe(0.5);
    expect(lineCircleParams(-1, 2, 1, 2, 0, 0, 1, out)).toBe(0);
    expect(lineCircleParams(3, 3, 3, 3, 0, 0, 1, out)).toBe(0);
  });

  test('clips a segment to the disc it starts in', () => {
    expect(segmentDiscInterval(0, 0, 4, 0, 0, 0, 1, out)).toBe(true);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(0.25, 15);
  });

  test('reports no roots when the quadratic overflows (discriminant NaN) rather than NaN parameters', () => {
    // dx = 2e300, so a = dx² = Infinity and b² − a·c = Infinity − Infinity = NaN.
    expect(lineCircleParams(-1e300, 0, 1e300, 0, 0, 0, 1, out)).toBe(0);
    expect(segmentDiscInterval(-1e300, 0, 1e300, 0, 0, 0, 1, out)).toBe(false);
  });

  test('starts at exactly +0 for a segment that starts on the circle and runs inward, and is empty when it runs outward', () => {
    // Start (1, 0) on the unit circle, end (−3, 0): |A − C|² = r² gives c = 0, so one root is exactly 0, the other 0.5.
    expect(segmentDiscInterval(1, 0, -3, 0, 0, 0, 1, out)).toBe(true);
    expect(Object.is(out[0], 0)).toBe(true);
    expect(out[1]).toBe(0.5);
    // Start (1, 0), end (3, 0): roots −1 and −0, the segment only touches the disc at its start.
    expect(segmentDiscInterval(1, 0, 3, 0, 0, 0, 1, out)).toBe(false);
  });

  test('reports nothing for a segment outside the disc or merely tangent to it', () => {
    expect(segmentDiscInterval(2, 0, 4, 0, 0, 0, 1, out)).toBe(false);
    expect(segmentDiscInterval(-1, 1, 1, 1, 0, 0, 1, out)).toBe(false);
  });

  test('agrees with dense sampling on random segments', () => {
    const rng = createRng('disc-interval');
    let mismatches = 0;
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const ax = rng.uniform(-5, 5), ay = rng.uniform(-5, 5), bx = rng.uniform(-5, 5), by = rng.uniform(-5, 5);
      const r = rng.uniform(0.5, 4);
      const ok = segmentDiscInterval(ax, ay, bx, by, 0, 0, r, out);
      for (let s = 0; s <= 400; s++) {
        const t = s / 400;
        const x = ax + t * (bx - ax);
        const y = ay + t * (by - ay);
        const d = Math.hypot(x, y) - r;
        if (Math.abs(d) < 1e-9) continue;
        const inside = ok && t >= out[0] - 1e-12 && t <= out[1] + 1e-12;
        checked++;
        if (inside !== d < 0) mismatches++;
      }
    }
    expect(checked).toBeGreaterThan(100000);
    expect(mismatches).toBe(0);
  });
});

describe('point–segment and point–line distance', () => {
  test('measures to the interior, to an endpoint and to a degenerate segment', () => {
    expect(pointSegmentDistance(0, 1, -1, 0, 1, 0)).toBe(1);
    expect(pointSegmentDistance(4, 4, 0, 0, 1, 0)).toBe(5);
    expect(pointSegmentDistance(3, 4, 0, 0, 0, 0)).toBe(5);
    expect(pointSegmentDistanceSq(4, 4, 0, 0, 1, 0)).toBe(25);
  });

  test('measures to the infinite line beyond the segment ends', () => {
    expect(pointLineDistance(5, 2, 0, 0, 1, 0)).toBe(2);
    expect(pointLineDistance(3, 4, 0, 0, 0, 0)).toBe(5);
  });

  test('agrees with the minimum over dense samples of the segment', () => {
    const rng = createRng('point-segment');
    for (let i = 0; i < 200; i++) {
      const c = Array.from({ length: 6 }, () => rng.uniform(-10, 10));
      let best = Infinity;
      for (let s = 0; s <= 20000; s++) {
        const t = s / 20000;
        best = Math.min(best, Math.hypot(c[2] + t * (c[4] - c[2]) - c[0], c[3] + t * (c[5] - c[3]) - c[1]));
      }
      const d = pointSegmentDistance(c[0], c[1], c[2], c[3], c[4], c[5]);
      expect(d).toBeLessThanOrEqual(best + 1e-12);
      expect(best - d).toBeLessThan(2e-3);
    }
  });
});

describe('ringsToSegments', () => {
  test('emits one segment per edge including the closing edge', () => {
    const segs = ringsToSegments(Uint32Array.of(0, 3, 7), Float64Array.of(0, 0, 1, 0, 0, 1, 5, 5, 6, 5, 6, 6, 5, 6));
    expect(segs.length).toBe(4 * 7);
    expect(Array.from(segs.slice(8, 12))).toEqual([0, 1, 0, 0]);
    expect(Array.from(segs.slice(24, 28))).toEqual([5, 6, 5, 5]);
  });

  test('drops zero-length edges and keeps a two-point ring as one segment', () => {
    expect(ringsToSegments(Uint32Array.of(0, 4), Float64Array.of(0, 0, 1, 0, 1, 0, 0, 1)).length).toBe(12);
    expect(Array.from(ringsToSegments(Uint32Array.of(0, 2), Float64Array.of(0, 0, 3, 0)))).toEqual([0, 0, 3, 0]);
  });

  test('returns an empty list for no rings', () => {
    expect(ringsToSegments(Uint32Array.of(0), new Float64Array(0)).length).toBe(0);
  });

  test('throws a typed error naming the field for malformed input', () => {
    expect(() => ringsToSegments([], new Float64Array(0))).toThrow(/ringsToSegments: ringStart must have length ≥ 1/);
    expect(() => ringsToSegments([0, 1], Float64Array.of(0, 0, 1))).toThrow(/coords.length must be even, got 3/);
    expect(() => ringsToSegments([0, 2], Float64Array.of(0, NaN, 1, 1))).toThrow(/coords\[1\] must be a finite number, got NaN/);
    expect(() => ringsToSegments([0, 3], Float64Array.of(0, 0, 1, 1))).toThrow(/ringStart\[0..1\] must be integer offsets/);
    expect(() => ringsToSegments([0, 1], Float64Array.of(0, 0, 1, 1))).toThrow(InvalidInputError);
  });
});

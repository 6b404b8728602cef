import { describe, expect, it } from 'vitest';
import polygonClipping from 'polygon-clipping';
import { clipMultiPolygonToRect, clipRingToRect } from '../../src/city/rect-clip.js';
import { BoundaryIndex } from '../../src/city/boundary-index.js';
import { toBoundary } from '../../src/city/boundary.js';
import { createRng } from '../../src/core/random.js';
import { boundsToPolygon, multiPolygonArea, pointInMultiPolygon, ringSignedArea, type MultiPolygonM } from '../../src/geo/polygon.js';
import { InvalidInputError } from '../../src/core/errors.js';

/** A star-shaped concave polygon with n spikes, with a square hole, in metres. */
function star(n: number, r1: number, r2: number): MultiPolygonM {
  const ring = new Float64Array(4 * n);
  for (let i = 0; i < 2 * n; i++) {
    const a = (Math.PI * i) / n;
    const r = i % 2 === 0 ? r1 : r2;
    ring[2 * i] = r * Math.cos(a);
    ring[2 * i + 1] = r * Math.sin(a);
  }
  return [{ outer: ring, holes: [Float64Array.of(-10, -10, -10, 10, 10, 10, 10, -10)] }];
}

function toClipping(mp: MultiPolygonM): [number, number][][][] {
  return mp.map((p) => [p.outer, ...p.holes].map((r) => {
    const pts: [number, number][] = [];
    for (let i = 0; i < r.length; i += 2) pts.push([r[i], r[i + 1]]);
    pts.push([r[0], r[1]]);
    return pts;
  }));
}

function clippingArea(mp: [number, number][][][]): number {
  let a = 0;
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      const flat = Float64Array.from(ring.slice(0, -1).flat());
      a += (i === 0 ? 1 : -1) * Math.abs(ringSignedArea(flat));
    });
  }
  return a;
}

describe('clipRingToRect and clipMultiPolygonToRect', () => {
  it('clips a square by hand', () => {
    const r = clipRingToRect(Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), 5, -1, 20, 20)!;
    expect(Math.abs(ringSignedArea(r))).toBe(50);
    expect(clipRingToRect(Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), 20, 20, 30, 30)).toBeNull();
  });

  it('matches the polygon-clipping oracle on a concave star with a hole for random rectangles', () => {
    const mp = star(7, 100, 35);
    const rng = createRng('rect-clip');
    for (let t = 0; t < 50; t++) {
      const x0 = rng.uniform(-120, 100), y0 = rng.uniform(-120, 100);
      const x1 = x0 + rng.uniform(1, 120), y1 = y0 + rng.uniform(1, 120);
      const mine = multiPolygonArea(clipMultiPolygonToRect(mp, x0, y0, x1, y1));
      const rect: [number, number][][] = [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
      const oracle = clippingArea(polygonClipping.intersection(toClipping(mp), rect));
      expect(mine).toBeCloseTo(oracle, 6);
    }
  });
});

describe('BoundaryIndex', () => {
  const mp = star(9, 1000, 400);
  const idx = new BoundaryIndex(mp);

  it('agrees with the plain ray-casting test on 20,000 random points', () => {
    const rng = createRng('pip');
    for (let i = 0; i < 20_000; i++) {
      const x = rng.uniform(-1100, 1100), y = rng.uniform(-1100, 1100);
      expect(idx.contains(x, y)).toBe(pointInMultiPolygon(x, y, mp));
    }
  });

  it('counts points on the boundary as inside', () => {
    const sq = new BoundaryIndex([boundsToPolygon([0, 0, 10, 10])]);
    expect(sq.contains(10, 5)).toBe(true);
    expect(sq.contains(0, 0)).toBe(true);
    expect(sq.contains(10.001, 5)).toBe(false);
    expect(sq.contains(-1, 5)).toBe(false);
  });

  it('finds proper crossings but not touches, and whole-segment containment through gaps', () => {
    const u = new BoundaryIndex(toBoundary([[[0, 0], [10, 0], [10, 10], [6, 10], [6, 2], [4, 2], [4, 10], [0, 10]]], 't', 'b'));
    expect(u.segmentCrosses(2, 5, 8, 5)).toBe(true);
    expect(u.segmentInside(2, 5, 8, 5)).toBe(false);
    expect(u.segmentInside(2, 1, 8, 1)).toBe(true);
    expect(u.segmentCrosses(2, 10, 8, 10)).toBe(false); // runs along the top, across the slot's mouth
    expect(u.segmentInside(2, 10, 8, 10)).toBe(false);
    expect(u.segmentInside(0, 10, 4, 10)).toBe(true); // along the boundary
    expect(u.segmentInside(2, 1, 11, 1)).toBe(false);
  });

  it('finds boundary vertices inside a quadrilateral', () => {
    const u = new BoundaryIndex([boundsToPolygon([0, 0, 10, 10])]);
    expect(u.anyVertexInConvexQuad(Float64Array.of(9, 9, 11, 9, 11, 11, 9, 11))).toBe(true);
    expect(u.anyVertexInConvexQuad(Float64Array.of(2, 2, 8, 2, 8, 8, 2, 8))).toBe(false);
  });
});

describe('toBoundary', () => {
  it('accepts bounds, a PolygonM, a MultiPolygonM and coordinates, normalising orientation', () => {
    expect(multiPolygonArea(toBoundary([0, 0, 2, 3], 'f', 'b'))).toBe(6);
    const cw = { outer: Float64Array.of(0, 0, 0, 1, 1, 1, 1, 0), holes: [] };
    expect(ringSignedArea(toBoundary(cw, 'f', 'b')[0].outer)).toBe(1);
    const cw2 = { outer: Float64Array.of(5, 0, 5, 1, 6, 1, 6, 0), holes: [] };
    expect(toBoundary([cw, cw2], 'f', 'b').length).toBe(2);
    // The same polygon twice overlaps itself: rejected (area sums would count it twice).
    expect(() => toBoundary([cw, cw], 'f', 'b')).toThrow(/f: b must be a valid polygon: .* overlap along a length/);
    expect(multiPolygonArea(toBoundary([[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]], 'f', 'b'))).toBe(16);
  });

  it('throws InvalidInputError naming the field for bad boundaries', () => {
    expect(() => toBoundary({ outer: Float64Array.of(0, 0, NaN, 0, 1, 1), holes: [] }, 'f', 'b')).toThrow(/f: b.outer\[2\] must be finite, got NaN/);
    expect(() => toBoundary({ outer: Float64Array.of(0, 0, 1, 1), holes: [] }, 'f', 'b')).toThrow(/b.outer must be a Float64Array of at least 3 points/);
    expect(() => toBoundary(42, 'f', 'b')).toThrow(InvalidInputError);
    expect(() => toBoundary([[[0, 0], [1, 0], [Infinity, 1]]], 'f', 'b')).toThrow(/must be a position \[x, y\] of finite numbers/);
  });
});

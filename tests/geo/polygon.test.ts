import { describe, expect, test } from 'vitest';
import { boundsToPolygon, createRng, multiPolygonArea, pointInMultiPolygon, PolygonLocator, polygonArea } from '../../src/index.js';
import { ringSignedArea } from '../../src/geo/index.js';
import { multiPolygonFromCoordinates } from '../../src/geo/polygon.js';
import { validateMultiPolygon } from '../../src/geo/polygon-validate.js';

describe('polygons in metres', () => {
  test('ring area by the shoelace formula: a 3 × 2 rectangle is 6 m², positive counter-clockwise', () => {
    expect(ringSignedArea(Float64Array.of(0, 0, 3, 0, 3, 2, 0, 2))).toBe(6);
    expect(ringSignedArea(Float64Array.of(0, 0, 0, 2, 3, 2, 3, 0))).toBe(-6);
  });

  test('coordinates are normalised (outer counter-clockwise, holes clockwise) and holes subtract', () => {
    const mp = multiPolygonFromCoordinates([[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]], [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]], 'f', 'area');
    expect(ringSignedArea(mp[0].outer)).toBe(100);
    expect(ringSignedArea(mp[0].holes[0])).toBe(-4);
    expect(polygonArea(mp[0])).toBe(96);
  });
});

describe('PolygonLocator', () => {
  test('answers point-in-polygon exactly as the brute-force even-odd test on a star with a hole', () => {
    const star: number[][] = [];
    for (let k = 0; k < 40; k++) {
      const r = k % 2 ? 400 : 1000;
      const a = (k * Math.PI) / 20;
      star.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    star.push(star[0]);
    const hole = [[-100, -100], [100, -100], [100, 100], [-100, 100], [-100, -100]];
    const mp = multiPolygonFromCoordinates([star, hole], 'f', 'area');
    const locator = new PolygonLocator(mp);
    const rng = createRng('locator');
    for (let i = 0; i < 20000; i++) {
      const x = rng.uniform(-1100, 1100);
      const y = rng.uniform(-1100, 1100);
      expect(locator.contains(x, y)).toBe(pointInMultiPolygon(x, y, mp));
    }
    expect(locator.area).toBeCloseTo(multiPolygonArea(mp), 9);
  });

  test('mayTouchBoundary is false far from every edge and true on one', () => {
    const locator = new PolygonLocator([boundsToPolygon([0, 0, 1000, 1000])]);
    expect(locator.mayTouchBoundary(400, 400, 600, 600)).toBe(false);
    expect(locator.mayTouchBoundary(-5, 400, 5, 410)).toBe(true);
  });
});

describe('validateMultiPolygon', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  const mp = (coords: unknown) => multiPolygonFromCoordinates(coords, 'f', 'a');

  test('accepts a polygon with a hole, abutting parts and an island in a lake', () => {
    expect(() => validateMultiPolygon(mp([sq(0, 0, 10, 10), sq(2, 2, 4, 4)]), 'f', 'a')).not.toThrow();
    expect(() => validateMultiPolygon(mp([[sq(0, 0, 5, 10)], [sq(5, 0, 10, 10)]]), 'f', 'a')).not.toThrow();
    expect(() => validateMultiPolygon(mp([[sq(0, 0, 10, 10), sq(2, 2, 8, 8)], [sq(4, 4, 6, 6)]]), 'f', 'a')).not.toThrow();
  });

  test('rejects a bow-tie, crossing parts, a duplicated part, a stray hole and nested holes', () => {
    expect(() => validateMultiPolygon(mp([[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]), 'f', 'a')).toThrow(/f: a must not contain a ring of zero area/);
    expect(() => validateMultiPolygon(mp([[[0, 0], [10, 10], [10, 0], [0, 14], [0, 0]]]), 'f', 'a')).toThrow(/f: a must be a valid polygon: .* cross/);
    expect(() => validateMultiPolygon(mp([[sq(0, 0, 6, 10)], [sq(4, 2, 10, 8)]]), 'f', 'a')).toThrow(/cross/);
    expect(() => validateMultiPolygon(mp([[sq(0, 0, 6, 10)], [sq(0, 0, 6, 10)]]), 'f', 'a')).toThrow(/overlap along a length/);
    expect(() => validateMultiPolygon(mp([sq(0, 0, 10, 10), sq(20, 20, 25, 25)]), 'f', 'a')).toThrow(/a hole or a lobe lies outside its polygon/);
    expect(() => validateMultiPolygon(mp([sq(0, 0, 10, 10), sq(20, 20, 30, 30)]), 'f', 'a')).toThrow(/its rings cancel out/);
    expect(() => validateMultiPolygon(mp([sq(0, 0, 10, 10), sq(1, 1, 9, 9), sq(2, 2, 3, 3)]), 'f', 'a')).toThrow(/f: a must be a valid polygon/);
  });

  test('rejects overlaps whose edges only meet at vertices (checked against polygon-clipping in the review)', () => {
    // Two parts overlapping by 25 m², their edges crossing only through vertices.
    expect(() => validateMultiPolygon(mp([[[[0, 10], [0, 0], [10, 0], [10, 10]]], [[[5, -5], [15, -5], [15, 5], [10, 5], [5, 5], [5, 0]]]]), 'f', 'a')).toThrow(/parts or rings overlap/);
    // A figure-8 through a repeated vertex.
    expect(() => validateMultiPolygon(mp([[[0, 0], [5, 5], [20, 20], [20, -10], [5, 5], [0, 10]]]), 'f', 'a')).toThrow(/f: a must be a valid polygon/);
    // A hole half outside its square.
    expect(() => validateMultiPolygon(mp([sq(0, 0, 10, 10), [[5, 2], [10, 2], [15, 2], [15, 8], [10, 8], [5, 8], [5, 2]]]), 'f', 'a')).toThrow(/f: a must be a valid polygon/);
    // A hole identical to its outer ring (the area would be 0 and every share NaN).
    expect(() => validateMultiPolygon(mp([sq(0, 0, 10, 10), sq(0, 0, 10, 10).reverse()]), 'f', 'a')).toThrow(/f: a must be a valid polygon/);
  });

  test('accepts abutting parts and a shore-touching island whatever vertex their rings start at', () => {
    const rotate = (ring: number[][], k: number) => {
      const open = ring.slice(0, -1);
      const r = [...open.slice(k), ...open.slice(0, k)];
      return [...r, r[0]];
    };
    for (let k = 0; k < 4; k++) {
      expect(() => validateMultiPolygon(mp([[rotate(sq(0, 0, 10, 10), k)], [rotate(sq(10, 0, 20, 10), k)]]), 'f', 'a')).not.toThrow();
      expect(() => validateMultiPolygon(mp([[sq(0, 0, 10, 10), rotate(sq(2, 2, 8, 8), k)], [rotate(sq(2, 2, 5, 5), k)]]), 'f', 'a')).not.toThrow();
    }
  });
});

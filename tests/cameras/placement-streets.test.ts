import { describe, expect, it } from 'vitest';
import { placeAlongStreets } from '../../src/cameras/placement.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { gridCity, snapshot } from './test-city.js';
import type { City } from '../../src/city/city.js';

/** Distance from (x, y) to the nearest street centre line, and that street's width. */
function nearestStreet(city: City, x: number, y: number): { d: number; width: number } {
  let best = { d: Infinity, width: 0 };
  city.streets.forEachEdge((_e, a, _s, _t, sa, ta) => {
    const dx = ta.x - sa.x, dy = ta.y - sa.y;
    const t = Math.max(0, Math.min(1, ((x - sa.x) * dx + (y - sa.y) * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(sa.x + t * dx - x, sa.y + t * dy - y);
    if (d < best.d) best = { d, width: a.width };
  });
  return best;
}

describe('placeAlongStreets', () => {
  const city = gridCity({ n: 3, block: 100, arterialRows: [1] });

  it('places a camera every spacing metres along each street, the first half a spacing in (brute-force count)', () => {
    expect(placeAlongStreets(city).numCameras).toBe(24); // 12 streets × 100 m, at 25 and 75 m
    const big = gridCity({ n: 5, block: 130 });
    for (const spacing of [10, 33, 50, 64, 130, 200, 261]) {
      let expected = 0;
      big.streets.forEachEdge((_e, _a, _s, _t, sa, ta) => {
        const L = Math.hypot(ta.x - sa.x, ta.y - sa.y);
        for (let s = spacing / 2; s < L; s += spacing) expected++;
      });
      expect(placeAlongStreets(big, { spacing }).numCameras, `spacing ${spacing}`).toBe(expected);
    }
  });

  it('stands on the kerb, half the street width from the centre line, alternating sides', () => {
    const cams = placeAlongStreets(city);
    for (let i = 0; i < cams.numCameras; i++) {
      const { d, width } = nearestStreet(city, cams.x[i], cams.y[i]);
      expect(d).toBeCloseTo(width / 2, 9);
    }
    // The first street of the grid runs (0,0) → (100,0), local, 8 m wide.
    expect([cams.x[0], cams.y[0]]).toEqual([25, 4]);
    expect([cams.x[1], cams.y[1]]).toEqual([75, -4]);
  });

  it('looks along the street in alternating directions by default', () => {
    const cams = placeAlongStreets(city);
    expect(cams.heading[0]).toBe(90);
    expect(cams.heading[1]).toBe(270);
  });

  it('faces across the street from the kerb with heading "across"', () => {
    const cams = placeAlongStreets(city, { heading: 'across' });
    expect(cams.heading[0]).toBe(180); // north kerb, looking south
    expect(cams.heading[1]).toBe(0); // south kerb, looking north
    for (let i = 0; i < cams.numCameras; i++) {
      // Looking across: a point 1 m ahead is closer to the centre line than the camera.
      const r = (cams.heading[i] * Math.PI) / 180;
      const ahead = nearestStreet(city, cams.x[i] + Math.sin(r), cams.y[i] + Math.cos(r));
      expect(ahead.d).toBeLessThan(nearestStreet(city, cams.x[i], cams.y[i]).d);
    }
  });

  it('uses a given kerbOffset and filters by street class', () => {
    const cams = placeAlongStreets(city, { streetClasses: ['arterial'], kerbOffset: 0 });
    expect(cams.numCameras).toBe(4);
    expect(Array.from(cams.y)).toEqual([100, 100, 100, 100]);
    expect(Array.from(cams.x)).toEqual([25, 75, 125, 175]);
  });

  it('with numCameras, places exactly that many cameras; numCameras = length / spacing reproduces the spacing layout', () => {
    const bySpacing = placeAlongStreets(city, { spacing: 50 });
    const byCount = placeAlongStreets(city, { numCameras: 24 });
    expect(byCount.numCameras).toBe(24);
    for (let i = 0; i < 24; i++) {
      expect(byCount.x[i]).toBeCloseTo(bySpacing.x[i], 9);
      expect(byCount.y[i]).toBeCloseTo(bySpacing.y[i], 9);
    }
    // The deprecated name `count` (kept for one release) gives the same cameras.
    expect(Array.from(placeAlongStreets(city, { count: 24 }).x)).toEqual(Array.from(byCount.x));
    for (const count of [0, 1, 7, 13, 100, 1001]) {
      const cams = placeAlongStreets(city, { numCameras: count });
      expect(cams.numCameras).toBe(count);
      for (let i = 0; i < count; i++) {
        // Away from the nodes (where a crossing street is nearer), each camera stands on its kerb.
        const nearNode = Math.abs(cams.x[i] - Math.round(cams.x[i] / 100) * 100) < 8 && Math.abs(cams.y[i] - Math.round(cams.y[i] / 100) * 100) < 8;
        if (nearNode) continue;
        const { d, width } = nearestStreet(city, cams.x[i], cams.y[i]);
        expect(d).toBeCloseTo(width / 2, 6);
      }
    }
  });

  it('is deterministic per seed with random headings', () => {
    const a = placeAlongStreets(city, { heading: 'random', seed: 5 });
    const b = placeAlongStreets(city, { heading: 'random', seed: 5 });
    const c = placeAlongStreets(city, { heading: 'random', seed: 6 });
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
  });

  it('throws InvalidInputError naming the field for every bad option', () => {
    const bad: [object, string][] = [
      [{ spacing: 0 }, 'options.spacing'],
      [{ spacing: -5 }, 'options.spacing'],
      [{ spacing: Infinity }, 'options.spacing'],
      [{ count: -1 }, 'options.count'],
      [{ count: 2.5 }, 'options.count'],
      [{ heading: 'up' }, 'options.heading'],
      [{ kerbOffset: -1 }, 'options.kerbOffset'],
      [{ streetClasses: 'arterial' }, 'options.streetClasses'],
      [{ tilt: 100 }, 'options.tilt'],
      [{ capabilities: ['x-ray'] }, 'options.capabilities[0]'],
      [{ count: 3, streetClasses: ['footway'] }, 'city.streets'],
    ];
    for (const [opts, field] of bad) {
      let err: unknown;
      try {
        placeAlongStreets(city, opts as never);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(opts)).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
      expect((err as Error).message).toMatch(/^placeAlongStreets: /);
    }
  });

  it('throws on a street with an unknown class or a negative width', () => {
    const c1 = gridCity({ n: 2, block: 100 });
    c1.streets.setEdgeAttribute(c1.streets.edges()[0], 'streetClass', 'motorway' as never);
    expect(() => placeAlongStreets(c1)).toThrow(/streetClass must be one of/);
    const c2 = gridCity({ n: 2, block: 100 });
    c2.streets.setEdgeAttribute(c2.streets.edges()[0], 'width', -3);
    expect(() => placeAlongStreets(c2)).toThrow(/width must be a finite number >= 0, got -3/);
  });
});

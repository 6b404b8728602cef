import { describe, expect, it } from 'vitest';
import { countIntersections, placeAtIntersections } from '../../src/cameras/placement.js';
import { CAPABILITY_PLATE, CAMERA_KINDS, CAMERA_OPERATORS } from '../../src/cameras/camera-set.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import { angleDiff, gridCity, snapshot } from './test-city.js';

describe('placeAtIntersections', () => {
  const city = gridCity({ n: 3, block: 100, arterialRows: [1] });

  it('places one camera at every node of degree 3 or more by default', () => {
    const cams = placeAtIntersections(city);
    // 3×3 grid: the centre (degree 4) and the four edge midpoints (degree 3); corners have degree 2.
    expect(cams.numCameras).toBe(5);
    const pts = new Set<string>();
    for (let i = 0; i < cams.numCameras; i++) pts.add(`${cams.x[i]},${cams.y[i]}`);
    expect(pts).toEqual(new Set(['100,0', '0,100', '100,100', '200,100', '100,200']));
  });

  it('counts cameras as intersections times camerasPerIntersection, checked by brute force on a larger grid', () => {
    const big = gridCity({ n: 6, block: 80 });
    for (const minDegree of [1, 2, 3, 4]) {
      let expected = 0;
      big.streets.forEachNode((node) => {
        if (big.streets.degree(node) >= minDegree) expected++;
      });
      expect(placeAtIntersections(big, { minDegree, camerasPerIntersection: 3 }).numCameras).toBe(3 * expected);
    }
  });

  it('points camera j along incident street j, arterials first, then by bearing, repeating when there are more cameras than streets', () => {
    const cams = placeAtIntersections(city, { minDegree: 4, camerasPerIntersection: 6 });
    expect(cams.numCameras).toBe(6);
    expect(Array.from(cams.heading)).toEqual([90, 270, 0, 180, 90, 270]);
    for (let i = 0; i < 6; i++) expect([cams.x[i], cams.y[i]]).toEqual([100, 100]);
  });

  it('selects only intersections touching a street class', () => {
    const cams = placeAtIntersections(city, { streetClasses: ['arterial'] });
    expect(cams.numCameras).toBe(3);
    expect(Array.from(cams.y)).toEqual([100, 100, 100]);
    // The first direction is always along the arterial.
    for (let i = 0; i < 3; i++) expect([90, 270]).toContain(cams.heading[i]);
  });

  it('offsets each camera along its heading by offset metres', () => {
    const cams = placeAtIntersections(city, { minDegree: 4, camerasPerIntersection: 4, offset: 5 });
    const expected = [
      [105, 100],
      [95, 100],
      [100, 105],
      [100, 95],
    ];
    for (let i = 0; i < 4; i++) {
      expect(cams.x[i]).toBeCloseTo(expected[i][0], 9);
      expect(cams.y[i]).toBeCloseTo(expected[i][1], 9);
    }
  });

  it('spreads numCameras exactly and as evenly as possible over the intersections', () => {
    const cams = placeAtIntersections(city, { numCameras: 12 });
    expect(cams.numCameras).toBe(12);
    const perNode = new Map<string, number>();
    for (let i = 0; i < 12; i++) perNode.set(`${cams.x[i]},${cams.y[i]}`, (perNode.get(`${cams.x[i]},${cams.y[i]}`) ?? 0) + 1);
    expect([...perNode.values()].sort()).toEqual([2, 2, 2, 3, 3]);
  });

  it('still reads the deprecated totalCameras for one release: the same cameras, and an error when it disagrees with numCameras', () => {
    const now = placeAtIntersections(city, { numCameras: 12 });
    const old = placeAtIntersections(city, { totalCameras: 12 });
    expect(Array.from(old.x)).toEqual(Array.from(now.x));
    expect(Array.from(old.heading)).toEqual(Array.from(now.heading));
    expect(placeAtIntersections(city, { numCameras: 12, totalCameras: 12 }).numCameras).toBe(12);
    expect(() => placeAtIntersections(city, { numCameras: 12, totalCameras: 5 })).toThrow(
      /placeAtIntersections: options.totalCameras is the deprecated name of options.numCameras \(12\); give only one, got 5/,
    );
  });

  it('samples maxIntersections intersections with a seed, the same ones for the same seed', () => {
    const big = gridCity({ n: 10, block: 50 });
    const a = placeAtIntersections(big, { maxIntersections: 7, seed: 11 });
    const b = placeAtIntersections(big, { maxIntersections: 7, seed: 11 });
    const c = placeAtIntersections(big, { maxIntersections: 7, seed: 12 });
    expect(a.numCameras).toBe(7);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
    const distinct = new Set<string>();
    for (let i = 0; i < 7; i++) distinct.add(`${a.x[i]},${a.y[i]}`);
    expect(distinct.size).toBe(7);
  });

  it('draws random headings in [0, 360) reproducibly from the seed, also from an Rng', () => {
    const a = placeAtIntersections(city, { heading: 'random', camerasPerIntersection: 4, seed: 'x' });
    const b = placeAtIntersections(city, { heading: 'random', camerasPerIntersection: 4, seed: createRng('x') });
    expect(snapshot(a)).toEqual(snapshot(b));
    for (let i = 0; i < a.numCameras; i++) {
      expect(a.heading[i]).toBeGreaterThanOrEqual(0);
      expect(a.heading[i]).toBeLessThan(360);
    }
    const streets = placeAtIntersections(city, { camerasPerIntersection: 4 });
    let differs = 0;
    for (let i = 0; i < a.numCameras; i++) if (angleDiff(a.heading[i], streets.heading[i]) > 1e-9) differs++;
    expect(differs).toBeGreaterThan(0);
  });

  it('writes the camera attribute options into every camera', () => {
    const cams = placeAtIntersections(city, { fov: 40, range: 70, height: 7, tilt: 20, kind: 'ptz', capabilities: ['plate'], operator: 'public', live: true, nodeId: 3 });
    for (let i = 0; i < cams.numCameras; i++) {
      expect(cams.fov[i]).toBe(40);
      expect(cams.range[i]).toBe(70);
      expect(cams.height[i]).toBe(7);
      expect(cams.tilt[i]).toBe(20);
      expect(CAMERA_KINDS[cams.kind[i]]).toBe('ptz');
      expect(cams.capabilities[i]).toBe(CAPABILITY_PLATE);
      expect(CAMERA_OPERATORS[cams.operator[i]]).toBe('public');
      expect(cams.live[i]).toBe(1);
      expect(cams.nodeId[i]).toBe(3);
    }
  });

  it('derives the range from resolution and fov (DORI detect) when no range is given', () => {
    const cams = placeAtIntersections(city, { fov: 90, resolutionPx: 1920 });
    // 1920 / (2 · tan 45° · 25 px/m) = 38.4 m
    expect(cams.range[0]).toBeCloseTo(38.4, 9);
  });

  it('counts the intersections it would use with countIntersections', () => {
    expect(countIntersections(city)).toBe(5);
    expect(countIntersections(city, { streetClasses: ['arterial'] })).toBe(3);
    expect(countIntersections(city, { minDegree: 2 })).toBe(9);
    expect(() => countIntersections(city, { minDegree: 0 })).toThrow(/countIntersections: options.minDegree/);
  });

  it('returns an empty set when no node qualifies', () => {
    expect(placeAtIntersections(city, { minDegree: 5 }).numCameras).toBe(0);
  });

  it('throws InvalidInputError naming the field for every bad option', () => {
    const bad: [object, string][] = [
      [{ minDegree: 0 }, 'options.minDegree'],
      [{ minDegree: 2.5 }, 'options.minDegree'],
      [{ camerasPerIntersection: -1 }, 'options.camerasPerIntersection'],
      [{ numCameras: 1.5 }, 'options.numCameras'],
      [{ totalCameras: 1.5 }, 'options.totalCameras'],
      [{ heading: 'north' }, 'options.heading'],
      [{ streetClasses: [] }, 'options.streetClasses'],
      [{ streetClasses: ['highway'] }, 'options.streetClasses[0]'],
      [{ maxIntersections: -2 }, 'options.maxIntersections'],
      [{ offset: -1 }, 'options.offset'],
      [{ offset: NaN }, 'options.offset'],
      [{ fov: 400 }, 'options.fov'],
      [{ range: 0 }, 'options.range'],
      [{ kind: 'box' }, 'options.kind'],
      [{ seed: {} }, 'seed'],
    ];
    for (const [opts, field] of bad) {
      let err: unknown;
      try {
        placeAtIntersections(city, opts as never);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(opts)).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
      expect((err as Error).message).toMatch(/^placeAtIntersections: /);
    }
  });

  it('throws when the city is missing, options is not an object, or numCameras cannot be placed', () => {
    expect(() => placeAtIntersections(null as never)).toThrow(/placeAtIntersections: city must be a City object/);
    expect(() => placeAtIntersections(city, 5 as never)).toThrow(/options must be an object/);
    expect(() => placeAtIntersections(city, { minDegree: 9, numCameras: 3 })).toThrow(InvalidInputError);
    expect(placeAtIntersections(city, { minDegree: 9, numCameras: 0 }).numCameras).toBe(0);
  });

  it('throws on a node with non-finite coordinates', () => {
    const c = gridCity({ n: 3, block: 100 });
    c.streets.setNodeAttribute('1,1', 'x', NaN);
    expect(() => placeAtIntersections(c)).toThrow(/node 1,1 x\/y must be finite numbers/);
  });
});

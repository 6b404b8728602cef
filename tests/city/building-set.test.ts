import { describe, expect, it } from 'vitest';
import { BuildingSetBuilder, createBuildingSet, emptyBuildingSet, validateBuildingSet } from '../../src/city/building-set.js';
import { ringSignedArea } from '../../src/geo/polygon.js';

describe('building sets', () => {
  it('stores rings flat and counter-clockwise, reversing clockwise input', () => {
    const set = createBuildingSet([
      { ring: [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]], height: 9 },
      { ring: [20, 0, 30, 0, 25, 8], height: 4 },
    ]);
    expect(set.numBuildings).toBe(2);
    expect(Array.from(set.ringStart)).toEqual([0, 4, 7]);
    expect(Array.from(set.height)).toEqual([9, 4]);
    expect(ringSignedArea(set.coords.slice(0, 8))).toBe(100);
    expect(ringSignedArea(set.coords.slice(8, 14))).toBe(40);
    expect(validateBuildingSet(set, 'f', 'b')).toBe(set);
  });

  it('grows the builder past its initial capacity', () => {
    const b = new BuildingSetBuilder(4);
    for (let i = 0; i < 100; i++) b.addRing(Float64Array.of(i, 0, i + 1, 0, i + 1, 1, i, 1), 3);
    const set = b.finish();
    expect(set.numBuildings).toBe(100);
    expect(set.coords.length).toBe(800);
    expect(set.coords[8 * 99]).toBe(99);
  });

  it('has an empty set with one offset', () => {
    expect(emptyBuildingSet()).toMatchObject({ numBuildings: 0, ringStart: Uint32Array.of(0) });
  });

  it('throws naming the building and field for bad input', () => {
    expect(() => createBuildingSet([{ ring: [[0, 0], [1, 0], [1, 1]], height: 0 }])).toThrow(/createBuildingSet: buildings\[0\].height must be a finite number > 0, got 0/);
    expect(() => createBuildingSet([{ ring: [[0, 0], [1, 0], [0, 0]], height: 3 }])).toThrow(/buildings\[0\].ring must have at least 3 distinct points/);
    expect(() => createBuildingSet([{ ring: [[0, 0], [1, NaN], [1, 1]], height: 3 }])).toThrow(/buildings\[0\].ring\[1\] must have finite coordinates, got NaN/);
    expect(() => createBuildingSet([{ ring: [0, 0, 1], height: 3 }])).toThrow(/buildings\[0\].ring must be \[\[x, y\], …\] or a flat/);
    expect(() => createBuildingSet('x' as never)).toThrow(/buildings must be an array/);
    expect(() => createBuildingSet([null as never])).toThrow(/buildings\[0\] must be an object/);
    const good = createBuildingSet([{ ring: [[0, 0], [1, 0], [1, 1]], height: 3 }]);
    expect(() => validateBuildingSet({ ...good, ringStart: Uint32Array.of(0, 2) }, 'f', 'b')).toThrow(/f: b.ringStart must start at 0 and end at coords.length \/ 2/);
    expect(() => validateBuildingSet({ ...good, height: Float32Array.of(NaN) }, 'f', 'b')).toThrow(/b.height\[0\] must be a finite number > 0, got NaN/);
    expect(() => validateBuildingSet({ ...good, numBuildings: 2 }, 'f', 'b')).toThrow(/b.ringStart must be a Uint32Array of length numBuildings \+ 1 = 3/);
    expect(() => validateBuildingSet({ ...good, coords: Float64Array.of(0, 0, 1, 0, Infinity, 1) }, 'f', 'b')).toThrow(/b.coords\[4\] must be finite, got Infinity/);
  });
});

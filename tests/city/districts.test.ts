import { describe, expect, it } from 'vitest';
import { resolveDistricts, splitIntoDistricts } from '../../src/city/districts.js';
import { boundsToPolygon, multiPolygonArea, pointInMultiPolygon, type MultiPolygonM } from '../../src/geo/polygon.js';
import { createRng } from '../../src/core/random.js';

const lShape: MultiPolygonM = [{ outer: Float64Array.of(0, 0, 3000, 0, 3000, 1000, 1000, 1000, 1000, 2000, 0, 2000), holes: [] }];

describe('splitIntoDistricts', () => {
  it('splits a square into a 2 × 2 grid of equal squares', () => {
    const ds = splitIntoDistricts([boundsToPolygon([0, 0, 1000, 1000])], 4);
    expect(ds.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ds.map((d) => d.name)).toEqual(['District 1', 'District 2', 'District 3', 'District 4']);
    for (const d of ds) expect(multiPolygonArea(d.area)).toBeCloseTo(250_000, 4);
    expect(pointInMultiPolygon(250, 250, ds[0].area)).toBe(true);
    expect(pointInMultiPolygon(250, 750, ds[1].area)).toBe(true);
    expect(pointInMultiPolygon(750, 250, ds[2].area)).toBe(true);
  });

  it('gives every district of a concave boundary the same area, and every point exactly one district', () => {
    const ds = splitIntoDistricts(lShape, 6);
    const total = multiPolygonArea(lShape);
    for (const d of ds) expect(multiPolygonArea(d.area) / (total / 6)).toBeCloseTo(1, 9);
    const rng = createRng('districts');
    for (let i = 0; i < 2000; i++) {
      const x = rng.uniform(0, 3000), y = rng.uniform(0, 2000);
      const n = ds.filter((d) => pointInMultiPolygon(x, y, d.area)).length;
      expect(n).toBe(pointInMultiPolygon(x, y, lShape) ? 1 : 0);
    }
  });

  it('names districts from a list, slugging the ids and keeping them unique', () => {
    const ds = splitIntoDistricts(lShape, ['Medeu', 'Médeu', 'Old Town']);
    expect(ds.map((d) => d.id)).toEqual(['medeu', 'medeu-2', 'old-town']);
  });

  it('rejects a count that is not an integer in [1, 10000]', () => {
    expect(() => splitIntoDistricts(lShape, 0)).toThrow(/splitIntoDistricts: districts must be an integer in \[1, 10000\]/);
    expect(() => splitIntoDistricts(lShape, 2.5)).toThrow(/got 2.5/);
  });
});

describe('resolveDistricts', () => {
  it('accepts specs with areas as given and specs without areas as names of an equal-area split', () => {
    const given = resolveDistricts(lShape, [{ name: 'A', area: [0, 0, 1000, 2000] }, { id: 'b', name: 'B', area: [1000, 0, 3000, 1000] }], 'f');
    expect(given.map((d) => [d.id, multiPolygonArea(d.area)])).toEqual([['a', 2e6], ['b', 2e6]]);
    const split = resolveDistricts(lShape, [{ name: 'North', id: 'n' }, { name: 'South' }], 'f');
    expect(split.map((d) => d.id)).toEqual(['n', 'south']);
  });

  it('throws on a mix of specs with and without areas, duplicate ids, missing names or a bad value', () => {
    expect(() => resolveDistricts(lShape, [{ name: 'A', area: [0, 0, 1, 1] }, { name: 'B' }], 'f')).toThrow(/f: districts must give an area for every district or for none/);
    expect(() => resolveDistricts(lShape, [{ name: 'A', id: 'x' }, { name: 'B', id: 'x' }], 'f')).toThrow(/districts\[1\].id must be unique, got "x"/);
    expect(() => resolveDistricts(lShape, [{ name: '' }], 'f')).toThrow(/districts\[0\].name must be a non-empty string/);
    expect(() => resolveDistricts(lShape, [], 'f')).toThrow(/districts must be a count/);
    expect(() => resolveDistricts(lShape, [{ name: 'A', area: [1, 1, 0, 0] }], 'f')).toThrow(/districts\[0\].area must have minX < maxX/);
  });
});

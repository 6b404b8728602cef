import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { createCity } from '../../src/city/create-city.js';
import { createBuildingSet } from '../../src/city/building-set.js';
import { createPopulationGrid } from '../../src/city/population.js';
import { InvalidInputError } from '../../src/core/errors.js';
import type { StreetEdgeAttributes, StreetNodeAttributes } from '../../src/city/city.js';
import { boundsToPolygon, multiPolygonArea } from '../../src/geo/polygon.js';
import { createLocalProjection } from '../../src/geo/projection.js';

function streets() {
  const g = new Graph<StreetNodeAttributes, StreetEdgeAttributes>({ type: 'undirected' });
  g.addNode('a', { x: 0, y: 0 });
  g.addNode('b', { x: 100, y: 0 });
  g.addEdgeWithKey('ab', 'a', 'b', { length: 100, streetClass: 'local', width: 10 });
  return g;
}

describe('createCity', () => {
  it('fills missing parts: no streets or buildings, one district, a uniform population', () => {
    const city = createCity({ boundary: [0, 0, 2000, 1000], population: { total: 10_000, cellSize: 500 } });
    expect(city.name).toBe('city');
    expect(city.bounds).toEqual([0, 0, 2000, 1000]);
    expect(city.streets.order).toBe(0);
    expect(city.buildings.numBuildings).toBe(0);
    expect(city.districts).toHaveLength(1);
    expect(city.districts[0].id).toBe('city');
    expect(multiPolygonArea(city.districts[0].area)).toBe(2e6);
    expect(Array.from(city.population.values)).toEqual(new Array(8).fill(1250));
    expect(city.population.total).toBe(10_000);
    expect(city.projection).toBeNull();
    expect(city.provenance.population.kind).toBe('synthetic');
  });

  it('uses 3,000 residents per km² (an assumption) when no population is given', () => {
    expect(createCity({ boundary: [0, 0, 1000, 1000] }).population.total).toBeCloseTo(3000, 9);
  });

  it('keeps given parts as they are and records the provenance given', () => {
    const g = streets();
    const b = createBuildingSet([{ ring: [[10, 10], [20, 10], [20, 20]], height: 5 }]);
    const boundary = [boundsToPolygon([0, 0, 200, 200])];
    const pop = createPopulationGrid(boundary, { total: 50, cellSize: 100 });
    const projection = createLocalProjection(10, 10);
    const city = createCity({
      name: 'Test', boundary, projection, streets: g, buildings: b, population: pop, districts: ['N', 'S'],
      provenance: { streets: { kind: 'real', description: 'surveyed', licence: 'CC0' } },
    });
    expect(city.streets).toBe(g);
    expect(city.buildings).toBe(b);
    expect(city.population).toBe(pop);
    expect(city.projection).toBe(projection);
    expect(city.districts.map((d) => d.id)).toEqual(['n', 's']);
    expect(city.provenance.streets).toEqual({ kind: 'real', description: 'surveyed', licence: 'CC0' });
    expect(city.provenance.buildings.description).toMatch(/supplied to createCity; source not stated/);
  });

  it('throws InvalidInputError naming the part, field and value', () => {
    const bad = (parts: unknown, msg: RegExp) => {
      let err: unknown;
      try {
        createCity(parts as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as Error).message).toMatch(msg);
    };
    bad(undefined, /createCity: parts must be an object with a boundary or streets, got undefined/);
    bad({}, /createCity: boundary must be given when there are no streets/);
    bad({ boundary: [0, 0, -1, 1] }, /boundary must have minX < maxX/);
    bad({ boundary: [0, 0, 1, 1], name: 5 }, /name must be a string, got 5/);
    bad({ boundary: [0, 0, 1, 1], projection: {} }, /projection must be a LocalProjection or null/);
    bad({ boundary: [0, 0, 1, 1], streets: {} }, /streets must be a graphology Graph/);
    bad({ boundary: [0, 0, 1, 1], streets: new Graph({ type: 'directed' }) }, /streets.type must be 'undirected', got "directed"/);
    const g1 = streets();
    g1.setNodeAttribute('b', 'x', NaN);
    bad({ boundary: [0, 0, 1, 1], streets: g1 }, /streets node "b".x must be a finite number, got NaN/);
    const g2 = streets();
    g2.setEdgeAttribute('ab', 'streetClass', 'motorway' as never);
    bad({ boundary: [0, 0, 1, 1], streets: g2 }, /streets edge "ab".streetClass must be one of arterial, collector, local, footway, got "motorway"/);
    const g3 = streets();
    g3.setEdgeAttribute('ab', 'width', 0);
    bad({ boundary: [0, 0, 1, 1], streets: g3 }, /streets edge "ab".width must be a finite number > 0, got 0/);
    const g4 = streets();
    g4.setEdgeAttribute('ab', 'length', -1);
    bad({ boundary: [0, 0, 1, 1], streets: g4 }, /streets edge "ab".length must be a finite number >= 0, got -1/);
    bad({ boundary: [0, 0, 1, 1], buildings: { numBuildings: -1 } }, /buildings.numBuildings must be an integer >= 0, got -1/);
    bad({ boundary: [0, 0, 1, 1], districts: 0 }, /districts must be an integer in \[1, 10000\]/);
    bad({ boundary: [0, 0, 1, 1], population: { total: -1 } }, /population must be a finite number >= 0, got -1/);
    bad({ boundary: [0, 0, 1, 1], population: { values: new Float64Array(1), cols: 1, rows: 1, cellSize: 1, originX: 0, originY: 0, total: 3 } }, /population.total must equal the sum of values \(0\), got 3/);
    bad({ boundary: [0, 0, 1, 1], provenance: { roads: { kind: 'real', description: '' } } }, /provenance.roads is not a city part/);
    bad({ boundary: [0, 0, 1, 1], provenance: { streets: { kind: 'imported', description: '' } } }, /provenance.streets must be \{ kind: 'synthetic' \| 'real'/);
  });
});

describe('createCity without a boundary (issue 17)', () => {
  it('defaults the boundary to the streets’ extent padded by 10 m, as scenarios do', async () => {
    const { createCity, generateGridCity, createLocalProjection } = await import('../../src/index.js');
    const grid = generateGridCity({ boundary: [100, 200, 1300, 1100], buildings: false });
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    grid.streets.forEachNode((_k, a) => {
      x0 = Math.min(x0, a.x);
      y0 = Math.min(y0, a.y);
      x1 = Math.max(x1, a.x);
      y1 = Math.max(y1, a.y);
    });
    const projection = createLocalProjection(76.9, 43.2);
    const city = createCity({ streets: grid.streets, projection });
    expect(city.bounds).toEqual([x0 - 10, y0 - 10, x1 + 10, y1 + 10]);
    expect(city.projection).toBe(projection);
    expect(city.provenance.boundary.description).toMatch(/streets' extent/);
  });

  it('still needs a boundary when there are no streets, and says so', async () => {
    const { createCity } = await import('../../src/index.js');
    expect(() => createCity({} as never)).toThrow(/createCity: boundary must be given when there are no streets/);
  });
});

import { describe, expect, test } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.js';
import { createCity } from '../../src/city/create-city.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { PolygonLocator } from '../../src/geo/polygon-locator.js';
import { buildStreetNetwork, nearestNode } from '../../src/mobility/build-street-network.js';
import { createResidents } from '../../src/mobility/residents.js';
import { NO_DISTRICT } from '../../src/mobility/trip-set.js';
import { buildZones } from '../../src/mobility/zones.js';
import { gridStreetGraph } from './helpers.js';

/** A 1 km square, 100 m street grid, population only in two 250 m cells: (0,0) with 300 and (3,3) with 100. */
function twoCellCity() {
  const values = new Float64Array(16);
  values[0] = 300;
  values[15] = 100;
  return createCity({
    boundary: [0, 0, 1000, 1000],
    streets: gridStreetGraph(11, 11, 100),
    population: { originX: 0, originY: 0, cellSize: 250, cols: 4, rows: 4, values, total: 400 },
    districts: [
      { id: 'west', name: 'West', area: [0, 0, 500, 1000] },
      { id: 'east', name: 'East', area: [500, 0, 1000, 1000] },
    ],
  });
}

describe('buildZones', () => {
  test('aggregates populated cells into zones with weighted centres and nearest nodes (hand-worked)', () => {
    const city = twoCellCity();
    const net = buildStreetNetwork(city.streets);
    // 500 m zones: cell (0,0) → zone cell 0, cell (3,3) (centre 875, 875) → zone cell 3 of the 2 × 2 zone grid.
    const z = buildZones(city, net, { zoneSize: 500 });
    expect(z.numZones).toBe(2);
    expect(Array.from(z.cell)).toEqual([0, 3]);
    expect(Array.from(z.population)).toEqual([300, 100]);
    expect([z.x[0], z.y[0], z.x[1], z.y[1]]).toEqual([125, 125, 875, 875]);
    expect(z.node[0]).toBe(nearestNode(net, 125, 125));
    expect(z.node[1]).toBe(nearestNode(net, 875, 875));
    expect(z.fineCellZone[0]).toBe(0);
    expect(z.fineCellZone[15]).toBe(1);
    expect(z.fineCellZone[5]).toBe(-1);
  });

  test('rejects densities that sum to zero and a bad zone size', () => {
    const empty = createCity({ boundary: [0, 0, 1000, 1000], streets: gridStreetGraph(3, 3, 500), population: { total: 0 } });
    const net = buildStreetNetwork(empty.streets);
    expect(() => buildZones(empty, net)).toThrow(/buildZones: city\.population\.values must be densities that sum to more than zero/);
    expect(() => createResidents(empty, net, { numResidents: 5, seed: 1 })).toThrow(/createResidents: city\.population\.values/);
    const city = twoCellCity();
    expect(() => buildZones(city, net, { zoneSize: 0 })).toThrow(/options\.zoneSize must be a finite number > 0/);
    const noStreets = createCity({ boundary: [0, 0, 1000, 1000], population: { total: 100 } });
    expect(() => buildZones(noStreets, buildStreetNetwork(noStreets.streets))).toThrow(NotFoundError);
    expect(() => buildZones(noStreets, buildStreetNetwork(noStreets.streets))).toThrow(/buildZones: network\.numNodes 0 leaves no node to represent a zone/);
  });
});

describe('createResidents', () => {
  test('places homes by density, in their zone, at the zone node, in the right district', () => {
    const city = twoCellCity();
    const net = buildStreetNetwork(city.streets);
    const r = createResidents(city, net, { numResidents: 4000, seed: 'homes', zoneSize: 500 });
    let inFirst = 0;
    const west = new PolygonLocator(city.districts[0].area);
    for (let i = 0; i < r.numResidents; i++) {
      const first = r.x[i] < 250 && r.y[i] < 250;
      const second = r.x[i] >= 750 && r.y[i] >= 750;
      expect(first || second).toBe(true);
      if (first) inFirst++;
      expect(r.homeZone[i]).toBe(first ? 0 : 1);
      expect(r.homeNode[i]).toBe(r.zones.node[r.homeZone[i]]);
      expect(r.district[i]).toBe(west.contains(r.x[i], r.y[i]) ? 0 : 1);
    }
    // Expected share 300 / 400 = 0.75; binomial sd = sqrt(0.75 · 0.25 / 4000) ≈ 0.0068.
    expect(Math.abs(inFirst / 4000 - 0.75)).toBeLessThan(0.03);
    expect(r.seed).toBe('homes');
    expect(r.params.zoneSize).toBe(500);
  });

  test('marks homes outside every district with NO_DISTRICT', () => {
    const city = generateGridCity({ boundary: [0, 0, 1000, 1000], blockSize: 100, population: 1000, buildings: false, districts: [{ id: 'sw', name: 'SW', area: [0, 0, 500, 500] }] });
    const net = buildStreetNetwork(city.streets);
    const r = createResidents(city, net, { numResidents: 500, seed: 3 });
    for (let i = 0; i < r.numResidents; i++) {
      const inside = r.x[i] < 500 && r.y[i] < 500;
      expect(r.district[i]).toBe(inside ? 0 : NO_DISTRICT);
    }
  });

  test('is byte-identical for the same seed and differs for another', () => {
    const city = twoCellCity();
    const net = buildStreetNetwork(city.streets);
    const a = createResidents(city, net, { numResidents: 300, seed: 7 });
    const b = createResidents(city, net, { numResidents: 300, seed: 7 });
    const c = createResidents(city, net, { numResidents: 300, seed: 8 });
    expect(Buffer.from(a.x.buffer).equals(Buffer.from(b.x.buffer))).toBe(true);
    expect(Array.from(a.homeNode)).toEqual(Array.from(b.homeNode));
    expect(Buffer.from(a.x.buffer).equals(Buffer.from(c.x.buffer))).toBe(false);
  });

  test('rejects a bad count or seed', () => {
    const city = twoCellCity();
    const net = buildStreetNetwork(city.streets);
    expect(() => createResidents(city, net, { numResidents: -1, seed: 1 })).toThrow(/createResidents: options\.numResidents must be an integer >= 0, got -1/);
    expect(() => createResidents(city, net, { numResidents: 2.5, seed: 1 })).toThrow(InvalidInputError);
    expect(() => createResidents(city, net, { numResidents: 2, seed: NaN })).toThrow(/createResidents: seed/);
    const other = createCity({ boundary: [0, 0, 2000, 2000], streets: gridStreetGraph(3, 3, 500), population: { total: 100 } });
    const foreign = buildZones(other, buildStreetNetwork(other.streets));
    expect(() => createResidents(city, net, { numResidents: 2, seed: 1, zones: foreign })).toThrow(/createResidents: options\.zones must be built for this city's population grid/);
  });
});

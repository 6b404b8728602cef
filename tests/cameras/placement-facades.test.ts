import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { placeOnFacades } from '../../src/cameras/placement.js';
import { InvalidInputError } from '../../src/core/errors.js';
import type { City, StreetEdgeAttributes, StreetNodeAttributes } from '../../src/city/city.js';
import { buildingSet, gridCity } from './test-city.js';

/** Even–odd point in the building ring b (independent of the library). */
function inBuilding(city: City, b: number, x: number, y: number): boolean {
  const { ringStart, coords } = city.buildings;
  let inside = false;
  const s = ringStart[b], e = ringStart[b + 1];
  for (let i = s, j = e - 1; i < e; j = i++) {
    const xi = coords[2 * i], yi = coords[2 * i + 1], xj = coords[2 * j], yj = coords[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function inAnyBuilding(city: City, x: number, y: number): number {
  for (let b = 0; b < city.buildings.numBuildings; b++) if (inBuilding(city, b, x, y)) return b;
  return -1;
}

/** One street along y = 0 from x = 0 to 100, and the given buildings. */
function oneStreetCity(rings: number[][]): City {
  const c = gridCity({ n: 2, block: 100 });
  const g = new Graph<StreetNodeAttributes, StreetEdgeAttributes>({ type: 'undirected' });
  g.addNode('a', { x: 0, y: 0 });
  g.addNode('b', { x: 100, y: 0 });
  g.addEdge('a', 'b', { length: 100, streetClass: 'local', width: 8 });
  c.streets = g;
  c.buildings = buildingSet(rings);
  return c;
}

describe('placeOnFacades', () => {
  const city = gridCity({ n: 3, block: 100, inset: 10 });

  it('puts exactly count cameras on the facing walls, spread evenly (one per wall at its middle for count = walls)', () => {
    const cams = placeOnFacades(city, 16);
    expect(cams.numCameras).toBe(16);
    const mids = new Set<string>();
    for (let i = 0; i < 16; i++) {
      // Each camera sits 0.5 m outside the middle of one wall: one coordinate ends in 50 (wall middle).
      const mx = Math.round(cams.x[i]) % 100 === 50, my = Math.round(cams.y[i]) % 100 === 50;
      expect(mx || my).toBe(true);
      mids.add(`${cams.x[i].toFixed(3)},${cams.y[i].toFixed(3)}`);
    }
    expect(mids.size).toBe(16);
    for (const count of [0, 1, 5, 333]) expect(placeOnFacades(city, count).numCameras).toBe(count);
  });

  it('with { spacing }, places cameras every spacing metres along each facing wall', () => {
    // 16 walls of 80 m: positions 20 and 60 m with spacing 40; 10, 30, 50, 70 with spacing 20.
    expect(placeOnFacades(city, { spacing: 40 }).numCameras).toBe(32);
    expect(placeOnFacades(city, { spacing: 20 }).numCameras).toBe(64);
    expect(placeOnFacades(city, { spacing: 200 }).numCameras).toBe(0);
  });

  it('looks away from its own building: behind the camera is the building, ahead is open street', () => {
    for (const c of [city, gridCity({ n: 3, block: 100, inset: 10, clockwise: true })]) {
      const cams = placeOnFacades(c, 64, { facadeOffset: 0.5 });
      for (let i = 0; i < cams.numCameras; i++) {
        const r = (cams.heading[i] * Math.PI) / 180;
        const sx = Math.sin(r), sy = Math.cos(r);
        expect(inAnyBuilding(c, cams.x[i], cams.y[i])).toBe(-1);
        expect(inAnyBuilding(c, cams.x[i] - 0.6 * sx, cams.y[i] - 0.6 * sy)).toBeGreaterThanOrEqual(0);
        expect(inAnyBuilding(c, cams.x[i] + 5 * sx, cams.y[i] + 5 * sy)).toBe(-1);
        // Headings are the outward normals of axis-aligned walls.
        expect([0, 90, 180, 270]).toContain(Math.round(cams.heading[i]));
      }
    }
  });

  it('uses only walls with a street within maxStreetDistance on their outward side', () => {
    // A thin building between y = 10 and y = 20: its north wall is 20 m from the street but faces away.
    const c = oneStreetCity([[20, 10, 80, 10, 80, 20, 20, 20]]);
    const cams = placeOnFacades(c, { spacing: 10 });
    expect(cams.numCameras).toBe(6);
    for (let i = 0; i < 6; i++) {
      expect(cams.heading[i]).toBe(180);
      expect(cams.y[i]).toBeCloseTo(9.5, 12);
    }
    expect(Array.from(cams.x)).toEqual([25, 35, 45, 55, 65, 75]);
    // Too far: nothing faces the street.
    const far = oneStreetCity([[20, 40, 80, 40, 80, 60, 20, 60]]);
    expect(placeOnFacades(far, { spacing: 10 }).numCameras).toBe(0);
    expect(placeOnFacades(far, { spacing: 10 }, { maxStreetDistance: 45 }).numCameras).toBe(6);
  });

  it('honours facadeOffset and the camera attributes', () => {
    const c = oneStreetCity([[20, 10, 80, 10, 80, 20, 20, 20]]);
    const cams = placeOnFacades(c, 2, { facadeOffset: 2, operator: 'private', fov: 100, range: 30 });
    expect(Array.from(cams.y)).toEqual([8, 8]);
    expect(Array.from(cams.x)).toEqual([35, 65]);
    expect(cams.getCamera(0)).toMatchObject({ operator: 'private', fov: 100, range: 30 });
  });

  it('is deterministic', () => {
    const a = placeOnFacades(city, 50, { seed: 1 });
    const b = placeOnFacades(city, 50, { seed: 1 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.heading)).toEqual(Array.from(b.heading));
  });

  it('throws InvalidInputError for bad arguments, malformed buildings, and a count with no facing wall', () => {
    const cases: [() => unknown, string][] = [
      [() => placeOnFacades(city, -1), 'countOrSpacing'],
      [() => placeOnFacades(city, 2.5), 'countOrSpacing'],
      [() => placeOnFacades(city, 'many' as never), 'countOrSpacing'],
      [() => placeOnFacades(city, { spacing: 0 }), 'countOrSpacing.spacing'],
      [() => placeOnFacades(city, 3, { facadeOffset: -0.1 }), 'options.facadeOffset'],
      [() => placeOnFacades(city, 3, { maxStreetDistance: 0 }), 'options.maxStreetDistance'],
      [() => placeOnFacades(city, 3, { streetClasses: ['x' as never] }), 'options.streetClasses[0]'],
      [() => placeOnFacades(oneStreetCity([[20, 40, 80, 40, 80, 60, 20, 60]]), 3), 'city.buildings'],
      [() => placeOnFacades({ ...city, buildings: { ...city.buildings, ringStart: new Uint32Array(2) } }, 3), 'city.buildings.ringStart'],
      [() => placeOnFacades({ ...city, buildings: { ...city.buildings, coords: new Float64Array(4) } }, 3), 'city.buildings.coords'],
      [() => placeOnFacades(oneStreetCity([[20, 10, NaN, 10, 80, 20]]), 3), 'city.buildings.coords[2]'],
      [() => placeOnFacades({ ...city, buildings: undefined as never }, 3), 'city.buildings'],
    ];
    for (const [fn, field] of cases) {
      let err: unknown;
      try {
        fn();
      } catch (e) {
        err = e;
      }
      expect(err, field).toBeInstanceOf(InvalidInputError);
      expect((err as InvalidInputError).field).toBe(field);
      expect((err as Error).message).toMatch(/^placeOnFacades: /);
    }
  });
});

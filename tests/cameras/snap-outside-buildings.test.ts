import { describe, expect, it } from 'vitest';
import { createPreset } from '../../src/cameras/presets.js';
import { placeByPopulation, placeUniform, PLACE_BY_POPULATION_DEFAULTS, PLACE_UNIFORM_DEFAULTS } from '../../src/cameras/placement-area.js';
import { snapOutsideBuildings, SNAP_OUTSIDE_BUILDINGS_DEFAULTS } from '../../src/cameras/snap-outside-buildings.js';
import { createCameraSet, type CameraSet } from '../../src/cameras/camera-set.js';
import { createBuildingSet } from '../../src/city/building-set.js';
import type { BuildingSet } from '../../src/city/city.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { placeAtIntersections } from '../../src/cameras/placement-intersections.js';
import { placeAlongStreets } from '../../src/cameras/placement-streets.js';
import { gridCity } from './test-city.js';

/**
 * Independent oracle: classic even-odd ray casting (W. R. Franklin's pnpoly),
 * written here, over every building with no index; a point on or within
 * 1e-9 m of a wall counts as "not strictly inside".
 */
function strictlyInside(b: BuildingSet, x: number, y: number): boolean {
  for (let i = 0; i < b.numBuildings; i++) {
    const s = b.ringStart[i];
    const e = b.ringStart[i + 1];
    let inside = false;
    let near = false;
    for (let k = s, j = e - 1; k < e; j = k++) {
      const xi = b.coords[2 * k], yi = b.coords[2 * k + 1], xj = b.coords[2 * j], yj = b.coords[2 * j + 1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      // Distance to the wall, to exclude points on it.
      const dx = xj - xi, dy = yj - yi;
      const t = Math.max(0, Math.min(1, ((x - xi) * dx + (y - yi) * dy) / (dx * dx + dy * dy || 1)));
      if (Math.hypot(xi + t * dx - x, yi + t * dy - y) < 1e-9) near = true;
    }
    if (inside && !near) return true;
  }
  return false;
}

/** Oracle over a camera set, with a coarse bucket of buildings by bounding box so that 128,000 cameras take seconds. */
function countInside(cams: CameraSet, b: BuildingSet, pick?: (i: number) => boolean): number {
  const CELL = 200;
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < b.numBuildings; i++) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let k = b.ringStart[i]; k < b.ringStart[i + 1]; k++) {
      x0 = Math.min(x0, b.coords[2 * k]); x1 = Math.max(x1, b.coords[2 * k]);
      y0 = Math.min(y0, b.coords[2 * k + 1]); y1 = Math.max(y1, b.coords[2 * k + 1]);
    }
    for (let cx = Math.floor(x0 / CELL); cx <= Math.floor(x1 / CELL); cx++) {
      for (let cy = Math.floor(y0 / CELL); cy <= Math.floor(y1 / CELL); cy++) {
        const key = `${cx},${cy}`;
        if (!buckets.has(key)) buckets.set(key, []);
        buckets.get(key)!.push(i);
      }
    }
  }
  let n = 0;
  for (let c = 0; c < cams.numCameras; c++) {
    if (pick && !pick(c)) continue;
    const x = cams.x[c], y = cams.y[c];
    const list = buckets.get(`${Math.floor(x / CELL)},${Math.floor(y / CELL)}`) ?? [];
    for (const i of list) {
      const one: BuildingSet = { numBuildings: 1, ringStart: Uint32Array.of(0, b.ringStart[i + 1] - b.ringStart[i]), coords: b.coords.subarray(2 * b.ringStart[i], 2 * b.ringStart[i + 1]), height: b.height.subarray(i, i + 1) };
      if (strictlyInside(one, x, y)) {
        n++;
        break;
      }
    }
  }
  return n;
}

const square = (x0: number, y0: number, side: number) => ({ ring: [[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side]], height: 10 });

describe('snapOutsideBuildings (hand-worked)', () => {
  it('the offset is 1 m by default', () => {
    expect(SNAP_OUTSIDE_BUILDINGS_DEFAULTS.offset).toBe(1);
    expect(PLACE_BY_POPULATION_DEFAULTS.avoidBuildings).toBe(true);
    expect(PLACE_UNIFORM_DEFAULTS.avoidBuildings).toBe(true);
  });

  it('moves a camera in a square building to 1 m outside the nearest wall, facing outward', () => {
    // 10 × 10 building at the origin; walls: south y=0, east x=10, north y=10, west x=0.
    const b = createBuildingSet([square(0, 0, 10)]);
    const cams = createCameraSet([
      { x: 5, y: 2, heading: 45, fov: 90, range: 30 }, // nearest wall south (2 m) → (5, −1), heading 180
      { x: 9, y: 5, heading: 45, fov: 90, range: 30 }, // east (1 m) → (11, 5), heading 90
      { x: 4, y: 9.5, heading: 45, fov: 90, range: 30 }, // north (0.5 m) → (4, 11), heading 0
      { x: 0.25, y: 6, heading: 45, fov: 90, range: 30 }, // west → (−1, 6), heading 270
      { x: 20, y: 5, heading: 45, fov: 90, range: 30 }, // outside: untouched
      { x: 10, y: 5, heading: 33, fov: 90, range: 30 }, // on a wall: not strictly inside, untouched
    ]);
    const r = snapOutsideBuildings(cams, b);
    expect(r).toEqual({ moved: 4, unresolved: 0 });
    const at = (i: number) => [cams.x[i], cams.y[i], cams.heading[i]];
    expect(at(0)).toEqual([5, -1, 180]);
    expect(at(1)).toEqual([11, 5, 90]);
    expect(at(2)).toEqual([4, 11, 0]);
    expect(at(3)).toEqual([-1, 6, 270]);
    expect(at(4)).toEqual([20, 5, 45]);
    expect(at(5)).toEqual([10, 5, 33]);
  });

  it('works for a clockwise ring given directly (outward normal from the signed area)', () => {
    const b: BuildingSet = { numBuildings: 1, ringStart: Uint32Array.of(0, 4), coords: Float64Array.of(0, 0, 0, 10, 10, 10, 10, 0), height: Float32Array.of(5) };
    const cams = createCameraSet([{ x: 5, y: 2, heading: 0, fov: 90, range: 30 }]);
    expect(snapOutsideBuildings(cams, b, { offset: 2 })).toEqual({ moved: 1, unresolved: 0 });
    expect([cams.x[0], cams.y[0], cams.heading[0]]).toEqual([5, -2, 180]);
  });

  it('when the nearest wall touches another building, the next wall is used', () => {
    // Two squares sharing the wall x = 10; a camera at (9.5, 3) in the west one is nearest the shared wall
    // (0.5 m), whose outside lies in the east building; the next nearest wall is the south one (3 m).
    const b = createBuildingSet([square(0, 0, 10), square(10, 0, 10)]);
    const cams = createCameraSet([{ x: 9.5, y: 3, heading: 0, fov: 90, range: 30 }]);
    expect(snapOutsideBuildings(cams, b)).toEqual({ moved: 1, unresolved: 0 });
    expect([cams.x[0], cams.y[0], cams.heading[0]]).toEqual([9.5, -1, 180]);
    expect(strictlyInside(b, cams.x[0], cams.y[0])).toBe(false);
  });

  it('leaves a camera it cannot free where it was and counts it', () => {
    // A 10 m building entirely wrapped by a ring of 100 m buildings: no point within 32 m is free.
    const b = createBuildingSet([square(0, 0, 10), square(-100, -100, 100), square(0, -100, 100), square(-100, 0, 100), square(10, 0, 100), square(0, 10, 100), square(-100, 10, 100), square(10, -100, 100), square(10, 10, 100)]);
    const cams = createCameraSet([{ x: 5, y: 5, heading: 7, fov: 90, range: 30 }]);
    expect(snapOutsideBuildings(cams, b)).toEqual({ moved: 0, unresolved: 1 });
    expect([cams.x[0], cams.y[0], cams.heading[0]]).toEqual([5, 5, 7]);
  });

  it('rejects a bad offset and a bad building set with typed errors', () => {
    const cams = createCameraSet([{ x: 5, y: 2, heading: 0, fov: 90, range: 30 }]);
    const b = createBuildingSet([square(0, 0, 10)]);
    for (const offset of [0, -1, NaN, Infinity, '1']) {
      expect(() => snapOutsideBuildings(cams, b, { offset: offset as number })).toThrow(InvalidInputError);
      expect(() => snapOutsideBuildings(cams, b, { offset: offset as number })).toThrow(/snapOutsideBuildings.*options\.offset/);
    }
    expect(() => snapOutsideBuildings(cams, {} as BuildingSet)).toThrow(/snapOutsideBuildings.*buildings/);
  });
});

describe('placements keep cameras out of buildings', () => {
  const b = createBuildingSet([square(100, 100, 300), square(500, 500, 200)]);

  it('placeUniform with buildings: none inside; the moved count matches the oracle on the unmoved run; others bit-identical', () => {
    const opts = { seed: 4, fov: 90, range: 40 };
    const before = placeUniform([0, 0, 1000, 1000], 3000, { ...opts, buildings: b, avoidBuildings: false });
    const after = placeUniform([0, 0, 1000, 1000], 3000, { ...opts, buildings: b });
    const plain = placeUniform([0, 0, 1000, 1000], 3000, opts);
    const inside = countInside(before, b);
    expect(inside).toBeGreaterThan(300); // 13 % of the area is built on
    expect(countInside(after, b)).toBe(0);
    expect(after.provenance?.params.movedOutOfBuildings).toBe(inside);
    expect(after.provenance?.params.avoidBuildings).toBe(true);
    expect(before.provenance?.params.avoidBuildings).toBe(false);
    expect(plain.provenance?.params.avoidBuildings).toBeUndefined(); // no buildings given: no step, nothing recorded
    expect(plain.provenance?.params.movedOutOfBuildings).toBeUndefined();
    let same = 0;
    for (let i = 0; i < after.numCameras; i++) {
      expect(plain.x[i]).toBe(before.x[i]);
      if (after.x[i] === before.x[i] && after.y[i] === before.y[i] && after.heading[i] === before.heading[i]) same++;
    }
    expect(same).toBe(3000 - inside);
  });

  it('rejects a bad avoidBuildings or buildings option naming the function and field', () => {
    expect(() => placeUniform([0, 0, 10, 10], 1, { avoidBuildings: 'yes' as unknown as boolean })).toThrow(/placeUniform.*options\.avoidBuildings/);
    expect(() => placeUniform([0, 0, 10, 10], 1, { buildings: { numBuildings: -1 } as unknown as BuildingSet })).toThrow(InvalidInputError);
    expect(() => placeUniform([0, 0, 10, 10], 1, { buildings: { numBuildings: -1 } as unknown as BuildingSet })).toThrow(/placeUniform.*options\.buildings/);
  });
});

// Full presets, seeds 1 and 7, every camera.
describe.each(['almaty', 'astana'] as const)('preset %s: no camera strictly inside a building (independent even-odd oracle)', (name) => {
  it.each([1, 7])('seed %i', (seed) => {
    const p = createPreset(name, { seed });
    const b = p.city.buildings;
    expect(b.numBuildings).toBeGreaterThan(100);
    expect(countInside(p.cameras, b)).toBe(0);
    // The face group records how many of its cameras were moved.
    const face = (p.cameras.provenance?.sources ?? [])
      .flatMap((s) => s?.sources ?? [s])
      .find((s) => s?.generator === 'placeByPopulation');
    expect(face).toBeDefined();
    expect(face!.params.avoidBuildings).toBe(true);
    // Face cameras are first mounted at a kerb (mountOnStreet), so few are left inside a building for the building step.
    expect(face!.params.mountOnStreet).toBe(true);
    expect((face!.params.mountedOnStreet as number) + (face!.params.noStreetNearby as number)).toBe(face!.params.count);
    expect(face!.params.movedOutOfBuildings as number).toBeGreaterThanOrEqual(0);
    expect(face!.params.leftInsideBuildings).toBeUndefined();
    // Same placement on the preset city with and without the step: the count in provenance is the oracle's count before.
    const opts = { seed, capabilities: ['face'] as const, fov: 60, range: 40 };
    const before = placeByPopulation(p.city, face!.params.count as number, { ...opts, avoidBuildings: false });
    const after = placeByPopulation(p.city, face!.params.count as number, opts);
    const insideBefore = countInside(before, b);
    expect(insideBefore).toBeGreaterThan(0); // without the kerb mount, population-weighted cameras do land in buildings
    expect(after.provenance?.params.movedOutOfBuildings).toBe(insideBefore);
    expect(countInside(after, b)).toBe(0);
  }, 120_000);
});

describe('intersection and street placements keep cameras out of buildings too', () => {
  // A 4 × 4 grid of 100 m blocks with a 60 × 60 m building drawn over the intersection (100, 100) and a
  // 19 m deep building over the kerb of the street y = 200 (x 150.5–250.5; no camera exactly on a wall): bad data of the kind OSM has.
  const base = gridCity({ n: 4, block: 100 });
  const over = createBuildingSet([square(70, 70, 60), { ring: [[150.5, 196.5], [250.5, 196.5], [250.5, 215.5], [150.5, 215.5]], height: 10 }]);
  const city = { ...base, buildings: over };

  it('placeAtIntersections moves the cameras at the covered intersection outside (oracle: even-odd test), others untouched', () => {
    const before = placeAtIntersections(city, { minDegree: 2, seed: 1, avoidBuildings: false });
    const after = placeAtIntersections(city, { minDegree: 2, seed: 1 });
    const inside = countInside(before, over);
    expect(inside).toBeGreaterThan(0);
    expect(countInside(after, over)).toBe(0);
    expect(after.provenance?.params.movedOutOfBuildings).toBe(inside);
    let same = 0;
    for (let i = 0; i < after.numCameras; i++) if (after.x[i] === before.x[i] && after.y[i] === before.y[i]) same++;
    expect(same).toBe(after.numCameras - inside);
  });

  it('placeAlongStreets moves kerb cameras under a facade outside', () => {
    const before = placeAlongStreets(city, { spacing: 10, seed: 1, avoidBuildings: false });
    const after = placeAlongStreets(city, { spacing: 10, seed: 1 });
    const inside = countInside(before, over);
    expect(inside).toBeGreaterThan(0);
    expect(countInside(after, over)).toBe(0);
    expect(after.provenance?.params.movedOutOfBuildings).toBe(inside);
    expect(() => placeAlongStreets(city, { avoidBuildings: 1 as never })).toThrow(/placeAlongStreets.*options\.avoidBuildings/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildScenarioCameras } from '../../src/scenario/model/build-cameras.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createRng } from '../../src/core/random.js';
import type { BuildingSet } from '../../src/city/city.js';

/** Independent even-odd test over every building (no index). */
function inside(b: BuildingSet, x: number, y: number): boolean {
  for (let i = 0; i < b.numBuildings; i++) {
    let c = false;
    for (let k = b.ringStart[i], j = b.ringStart[i + 1] - 1; k < b.ringStart[i + 1]; j = k++) {
      const xi = b.coords[2 * k], yi = b.coords[2 * k + 1], xj = b.coords[2 * j], yj = b.coords[2 * j + 1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
    if (c) return true;
  }
  return false;
}

describe('scenario camera sources keep out of buildings', () => {
  const city = generateGridCity({ boundary: [0, 0, 1500, 1500], seed: 3 });
  const count = (sources: Parameters<typeof buildScenarioCameras>[0]) => {
    const { cameras } = buildScenarioCameras(sources, city, createRng(5), '.');
    let n = 0;
    for (let i = 0; i < cameras.numCameras; i++) if (inside(city.buildings, cameras.x[i], cameras.y[i])) n++;
    return { n, cameras };
  };

  it('a uniform source puts no camera inside a building and records how many it moved; avoidBuildings: false turns it off', () => {
    expect(city.buildings.numBuildings).toBeGreaterThan(10);
    const on = count([{ from: 'uniform', numCameras: 800 }]);
    const off = count([{ from: 'uniform', numCameras: 800, avoidBuildings: false }]);
    expect(on.n).toBe(0);
    expect(off.n).toBeGreaterThan(100);
    expect(on.cameras.provenance?.params.movedOutOfBuildings).toBe(off.n);
    expect(off.cameras.provenance?.params.avoidBuildings).toBe(false);
  });

  it('so does a population source', () => {
    const on = count([{ from: 'population', numCameras: 800 }]);
    expect(on.n).toBe(0);
    expect(on.cameras.provenance?.params.movedOutOfBuildings as number).toBeGreaterThan(100);
  });
});

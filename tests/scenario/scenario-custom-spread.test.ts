/**
 * Issue 17, friction 2, from the scenario file: examples/scenario-custom.json
 * puts 2,000 plate-reading cameras at arterial intersections of Almaty; they
 * must spread over the whole city, not fill its southern third.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_PLATE, runScenarioDetailed } from '../../src/index.js';

describe('examples/scenario-custom.json (issue 17)', () => {
  it('spreads its plate cameras over every third of Almaty, north to south and west to east', async () => {
    const scenario = JSON.parse(readFileSync(join(__dirname, '../../examples/scenario-custom.json'), 'utf8'));
    // Only the city and the plate-camera source: the analyses are not what this test is about.
    const run = await runScenarioDetailed({ ...scenario, cameras: [scenario.cameras[0]], analyses: {} }, { baseDir: join(__dirname, '../../examples') });
    const c = run.cameras;
    expect(c.numCameras).toBe(2000);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    run.city.streets.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    const byThirdY = [0, 0, 0];
    const byThirdX = [0, 0, 0];
    for (let i = 0; i < c.numCameras; i++) {
      expect(c.capabilities[i] & CAPABILITY_PLATE).toBe(CAPABILITY_PLATE);
      byThirdY[Math.min(2, Math.floor((3 * (c.y[i] - minY)) / (maxY - minY)))]++;
      byThirdX[Math.min(2, Math.floor((3 * (c.x[i] - minX)) / (maxX - minX)))]++;
    }
    // Every third of the street network's extent holds a real share of them (the city is not a rectangle, so not exactly a third).
    for (const n of [...byThirdY, ...byThirdX]) expect(n).toBeGreaterThan(200);
    expect(byThirdY[0]).toBeLessThan(1000);
  });
});

/**
 * A crowd counted after the damage sees only the cameras the damage left:
 * hand-placed cameras on a square, some destroyed by id.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src/index.js';

describe('a crowd after targeted damage', () => {
  it('loses exactly the destroyed cameras: all destroyed, nobody is captured; none destroyed, the same as before', async () => {
    // Two 360° cameras of 40 m range, 45 m either side of the centre of a 200 × 200 m square (discs 90 m apart: no
    // overlap, each inside the square); occlusion off to keep the closed form.
    const lon = 76.945278, lat = 43.238333;
    const d = 100 / (111_320 * Math.cos((lat * Math.PI) / 180));
    const cams = [
      { lon: lon - 0.45 * d, lat, heading: 0, fov: 360, range: 40, live: true },
      { lon: lon + 0.45 * d, lat, heading: 0, fov: 360, range: 40, live: false },
    ];
    const e = 100 / 111_320;
    const polygon = [[lon - d, lat - e], [lon + d, lat - e], [lon + d, lat + e], [lon - d, lat + e]];
    const scenario = (cameras: number[]) => ({
      city: { preset: 'almaty', blockSize: 600 },
      cameras: [{ from: 'list', cameras: cams }],
      network: { from: 'preset' },
      analyses: {
        damage: { cameras, coverage: false },
        exposure: {
          occlusion: false,
          crowds: [
            { name: 'before', polygon, numPeople: 1000 },
            { name: 'after', polygon, numPeople: 1000, afterDamage: true },
          ],
        },
      },
    });
    const one = await runScenario(scenario([1]));
    const [before, after] = one.metrics.exposure!.crowds;
    // Each camera sees a disc of π·40² m² inside the 200 × 200 m square (polygonal arcs and the lon/lat square: within 1%).
    const disc = (Math.PI * 1600) / 40_000;
    expect(before.archive.capturedShare).toBeCloseTo(2 * disc, 2);
    expect(before.live.capturedShare).toBeCloseTo(disc, 2);
    // Camera 1 (recording only) destroyed: the archive loses its disc; live is unchanged.
    expect(after.archive.capturedShare).toBeCloseTo(disc, 2);
    expect(after.live.capturedShare).toBeCloseTo(before.live.capturedShare, 9);
    const both = await runScenario(scenario([0, 1]));
    expect(both.metrics.exposure!.crowds[1].archive.captured).toBe(0);
    expect(both.metrics.exposure!.crowds[1].live.captured).toBe(0);
  }, 60_000);
});

describe('residents scored after targeted damage', () => {
  const scenario = (destroyed: number[], afterDamage: boolean) => ({
    seed: 3,
    city: { preset: 'almaty', blockSize: 800 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }],
    network: { from: 'preset' },
    residents: { count: 300 },
    analyses: { damage: { cameras: destroyed, coverage: false }, exposure: { occlusion: false, afterDamage, threads: 1 } },
  });

  it('sees nobody when every camera is destroyed, and is unchanged when none is', async () => {
    const all = Array.from({ length: 1500 }, (_, i) => i);
    const dark = (await runScenario(scenario(all, true))).metrics.exposure!.population!;
    expect(dark.afterDamage).toBe(true);
    expect(dark.summary.sightings.max).toBe(0);
    expect(dark.summary.pIdentified.max).toBe(0);
    const before = (await runScenario(scenario(all, false))).metrics.exposure!.population!;
    expect(before.afterDamage).toBe(false);
    expect(before.summary.sightings.mean).toBeGreaterThan(0);
    // Nothing destroyed: scoring with the damage's (all-up) mask gives exactly the undamaged figures.
    const intact = (await runScenario(scenario([], true))).metrics.exposure!.population!;
    expect(intact.summary).toEqual(before.summary);
  }, 120_000);

  it('is refused without the damage analysis or without residents', () => {
    expect(() => parseScenario({ city: { preset: 'almaty' }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 10 }], residents: { count: 5 }, analyses: { exposure: { afterDamage: true } } })).toThrow(
      /analyses\.exposure\.afterDamage.*needs analyses\.damage/,
    );
  });
});

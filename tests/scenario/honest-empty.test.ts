/**
 * Issue 17, "honest empty results", from the user's side (runScenario): a
 * metric whose input is missing is null with a reason, never 0 % of 0;
 * occlusion without buildings is refused (or, for the exposure default,
 * warned about); counts and densities are of the cameras in the study area.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, runScenarioDetailed, ScenarioError, type ScenarioResult } from '../../src/index.js';
import { zurichBox, zurichFolder } from './zurich-fixture.js';

describe('a Zürich scenario: OSM cameras of all Switzerland, a boundary, no street data', () => {
  it('reports street coverage as not computed, with its reason, and counts the cameras of the study area only', async () => {
    const { dir, scenario } = zurichFolder();
    const run = await runScenarioDetailed(scenario, { baseDir: dir });
    const r = run.result;
    // Street coverage: null with a reason, no headline key (not 0 % of 0 km).
    expect(r.metrics.streetCoverage).toMatchObject({ coveredFraction: null, atLeast: null, byClass: null, totalKm: 0, reason: 'no street data: street coverage not computed' });
    expect('streetCoveredFraction' in r.headline).toBe(false);
    // No districts given: no per-district table pretending the city is one district.
    expect(r.metrics.districts).toMatchObject({ rows: [], reason: 'no district data: per-district coverage not computed' });
    expect(Object.keys(r.headline).some((k) => k.startsWith('districtCoveredFraction'))).toBe(false);
    // Cameras: those in the box, counted independently from their lon/lat.
    const ring = zurichBox();
    const p = run.city.projection!;
    let inBox = 0;
    for (let i = 0; i < run.cameras.numCameras; i++) {
      const [lon, lat] = p.inverse(run.cameras.x[i], run.cameras.y[i]);
      if (lon > ring[0][0] && lon < ring[1][0] && lat > ring[0][1] && lat < ring[2][1]) inBox++;
    }
    const c = r.metrics.cameras;
    expect(inBox).toBeGreaterThan(10);
    expect(c.numCameras).toBe(inBox);
    expect(c.numOutside).toBe(run.cameras.numCameras - inBox);
    expect(c.numOutside).toBeGreaterThan(1000); // the rest of Switzerland
    expect(c.perSource[0].numCameras).toBe(c.numCameras + c.numOutside);
    expect(r.headline.cameras).toBe(inBox);
    expect(r.headline.camerasPerKm2).toBeCloseTo(inBox / r.metrics.city.areaKm2, 9);
    expect(r.headline.camerasPerKm2).toBeLessThan(100); // not 2,000 Swiss cameras over 4 km²
    const byOperator = Object.values(c.byOperator).reduce((a, b) => a + b, 0);
    expect(byOperator).toBe(inBox);
    // Area coverage is still computed (it needs only the boundary and the cameras).
    expect(r.headline.coveredFraction).toBeGreaterThan(0);
    // results.json keeps the null and the reason.
    const back = JSON.parse(JSON.stringify(r)) as ScenarioResult;
    expect(back.metrics.streetCoverage).toMatchObject({ coveredFraction: null, reason: 'no street data: street coverage not computed' });
    expect(back.warnings).toEqual([]);
  });
});

/** A quick Almaty scenario on a coarse grid. */
const quick = (extra: Record<string, unknown> = {}) => ({ seed: 2, city: { preset: 'almaty', blockSize: 1500 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 30 }], ...extra });

describe('occlusion without buildings', () => {
  it('is a ScenarioError naming each analysis that asks for it, before any camera is placed', async () => {
    const steps: string[] = [];
    const s = quick({ city: { preset: 'almaty', blockSize: 1500, buildings: false }, analyses: { coverage: { occlusion: true }, streetCoverage: { occlusion: true }, districts: { occlusion: false } } });
    const err = await runScenario(s, { onProgress: (e) => e.phase === 'start' && steps.push(e.step) }).catch((e) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).issues.map((i) => i.path)).toEqual(['analyses.coverage.occlusion', 'analyses.streetCoverage.occlusion']);
    expect((err as Error).message).toMatch(/analyses\.coverage\.occlusion needs buildings to block the view, but the city has none/);
    expect(steps).toEqual(['city']);
  });

  it('is refused for an imported city without a buildings file', async () => {
    const { dir, scenario } = zurichFolder({ coverage: { occlusion: true } });
    await expect(runScenario(scenario, { baseDir: dir })).rejects.toThrow(/analyses\.coverage\.occlusion needs buildings/);
  });

  it('runs as before in a city with buildings', async () => {
    const r = await runScenario(quick({ analyses: { coverage: { occlusion: true } } }));
    expect(r.metrics.coverage!.runs[0].occlusion).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("the exposure analysis's default occlusion in a city without buildings is a warning in the result", async () => {
    // The Almaty camera preset puts cameras on facades: uniform cameras in a city without buildings.
    const noBuildings = { city: { preset: 'almaty', blockSize: 1500, buildings: false }, cameras: [{ from: 'uniform', numCameras: 30 }], residents: { count: 10 } };
    const r = await runScenario(quick({ ...noBuildings, analyses: { exposure: { threads: 1 } } }));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings![0]).toMatch(/analyses\.exposure\.occlusion is true \(its default\) but the city has no buildings/);
    const off = await runScenario(quick({ ...noBuildings, analyses: { exposure: { occlusion: false, threads: 1 } } }));
    expect(off.warnings).toEqual([]);
  });
});

describe('the study area', () => {
  it('counts only the cameras inside the boundary; the ones outside are reported, kept in the set and not counted', async () => {
    // Two cameras on Republic Square, one in Astana (about 970 km away).
    const list = { from: 'list', cameras: [{ lon: 76.9453, lat: 43.2383, heading: 0, fov: 90 }, { lon: 76.95, lat: 43.24, heading: 90, fov: 90, live: true }, { lon: 71.43, lat: 51.13, heading: 0, fov: 90, live: true }] };
    const run = await runScenarioDetailed(quick({ cameras: [list], analyses: { coverage: {} } }));
    const r = run.result;
    expect(run.cameras.numCameras).toBe(3);
    expect(r.metrics.cameras).toMatchObject({ numCameras: 2, numOutside: 1, live: 1 });
    expect(r.headline.cameras).toBe(2);
    expect(r.headline.liveCameras).toBe(1);
    expect(r.headline.camerasPerKm2).toBeCloseTo(2 / r.metrics.city.areaKm2, 12);
    expect(r.headline.residentsPerCamera).toBeCloseTo(r.metrics.city.population / 2, 6);
  });

  it('has no residents-per-camera number when no camera is in the study area', async () => {
    const r = await runScenario(quick({ cameras: [{ from: 'list', cameras: [{ lon: 71.43, lat: 51.13, heading: 0, fov: 90 }] }], analyses: {} }));
    expect(r.metrics.cameras).toMatchObject({ numCameras: 0, numOutside: 1, camerasPerKm2: 0 });
    expect('residentsPerCamera' in r.headline).toBe(false);
  });
});

describe('district rows without street length', () => {
  it('give the street share as null, not 0 % of 0 km (districts: { streets: false })', async () => {
    const r = await runScenario(quick({ analyses: { districts: { streets: false } } }));
    const rows = r.metrics.districts!.rows;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.streetKm).toBe(0);
      expect(row.streetCoveredFraction).toBeNull();
    }
  });
});

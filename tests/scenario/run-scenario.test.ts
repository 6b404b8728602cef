import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  runScenario,
  runScenarioDetailed,
  scenarioPreset,
  ScenarioAbortError,
  ScenarioError,
  InvalidInputError,
  SIGHTLINE_VERSION,
  type ScenarioProgress,
  type ScenarioResult,
} from '../../src/index.js';
import pkg from '../../package.json';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A result without its timings (the only part that may differ between identical runs). */
const untimed = (r: ScenarioResult) => JSON.stringify({ ...r, timings: null });

/** A quick Almaty scenario: coarse grid (600 m blocks), few cameras. */
const quick = (extra: Record<string, unknown> = {}) => ({
  seed: 5,
  city: { preset: 'almaty', blockSize: 600 },
  cameras: [{ from: 'preset', name: 'almaty', numCameras: 400 }],
  analyses: { coverage: { levels: ['range', 'identify'] }, streetCoverage: {}, districts: {}, raster: { cellSize: 1000 } },
  ...extra,
});

describe('runScenario determinism', () => {
  it('gives an identical result for the same seed, timings aside, and a different one for another seed', async () => {
    const a = await runScenario(quick());
    const b = await runScenario(quick());
    expect(untimed(a)).toBe(untimed(b));
    const c = await runScenario(quick({ seed: 6 }));
    expect(untimed(c)).not.toBe(untimed(a));
  });
});

describe('runScenario camera sources and imported cities', () => {
  it('concatenates sources in order, with lon/lat list cameras placed through the city projection', async () => {
    const run = await runScenarioDetailed({
      city: { preset: 'almaty', blockSize: 600 },
      cameras: [
        { from: 'uniform', numCameras: 30, fov: 90, range: 50 },
        { from: 'intersections', numCameras: 12, streetClasses: ['arterial'] },
        { from: 'list', cameras: [{ lon: 76.945, lat: 43.238, heading: 0, fov: 360, range: 100 }, { x: 0, y: 0, heading: 90, fov: 60, range: 30 }] },
      ],
      analyses: { coverage: {} },
    });
    expect(run.result.metrics.cameras.perSource).toEqual([
      { from: 'uniform', numCameras: 30 },
      { from: 'intersections', numCameras: 12 },
      { from: 'list', numCameras: 2 },
    ]);
    // count, the deprecated name of numCameras, places the same cameras (apart from the echoed input).
    const old = await runScenarioDetailed({
      city: { preset: 'almaty', blockSize: 600 },
      cameras: [
        { from: 'uniform', count: 30, fov: 90, range: 50 },
        { from: 'intersections', count: 12, streetClasses: ['arterial'] },
        { from: 'list', cameras: [{ lon: 76.945, lat: 43.238, heading: 0, fov: 360, range: 100 }, { x: 0, y: 0, heading: 90, fov: 60, range: 30 }] },
      ],
      analyses: { coverage: {} },
    });
    expect(Array.from(old.cameras.x)).toEqual(Array.from(run.cameras.x));
    expect(Array.from(old.cameras.heading)).toEqual(Array.from(run.cameras.heading));
    expect(old.result.metrics).toEqual(run.result.metrics);
    const [x, y] = run.city.projection!.forward(76.945, 43.238);
    expect(run.cameras.x[42]).toBeCloseTo(x, 6);
    expect(run.cameras.y[42]).toBeCloseTo(y, 6);
    expect(run.cameras.range[43]).toBe(30);
  });

  it('builds a city from an OSM XML street file and a boundary GeoJSON, relative to baseDir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-scn-'));
    copyFileSync(join(FIXTURES, 'osm-streets-west-oakland.osm'), join(dir, 'streets.osm'));
    const ring = [[-122.3025, 37.8062], [-122.2983, 37.8062], [-122.2983, 37.809], [-122.3025, 37.809], [-122.3025, 37.8062]];
    writeFileSync(join(dir, 'boundary.geojson'), JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }));
    const r = await runScenario(
      {
        city: { name: 'West Oakland', import: { boundary: 'boundary.geojson', streets: 'streets.osm' }, districts: 2, population: 5000 },
        cameras: [{ from: 'streets', spacing: 100 }],
        analyses: { coverage: {}, streetCoverage: {}, districts: { streets: false } },
      },
      { baseDir: dir },
    );
    expect(r.metrics.city.name).toBe('West Oakland');
    expect(r.metrics.city.streetSegments).toBeGreaterThan(10);
    expect(r.metrics.city.provenance.streets.licence).toMatch(/ODbL/);
    expect(r.metrics.city.provenance.boundary.kind).toBe('real');
    // About 370 m × 310 m.
    expect(r.metrics.city.areaKm2).toBeGreaterThan(0.09);
    expect(r.metrics.city.areaKm2).toBeLessThan(0.14);
    expect(r.metrics.districts!.rows).toHaveLength(2);
    expect(r.headline.streetCoveredFraction).toBeGreaterThan(0);
  });

  it('fails with an InvalidInputError naming the field when a file is missing', async () => {
    await expect(runScenario({ city: { import: { streets: 'nope.osm' } }, cameras: [{ from: 'uniform', numCameras: 1 }] }, { baseDir: tmpdir() })).rejects.toThrow(InvalidInputError);
    await expect(runScenario({ city: { import: { streets: 'nope.osm' } }, cameras: [{ from: 'uniform', numCameras: 1 }] }, { baseDir: tmpdir() })).rejects.toThrow(/city\.import\.streets must name a readable file \(ENOENT\)/);
  });

  it('fails with a ScenarioError before doing any work on an invalid scenario', async () => {
    const events: ScenarioProgress[] = [];
    await expect(runScenario({ city: { preset: 'almaty' }, typo: 1 }, { onProgress: (e) => events.push(e) })).rejects.toThrow(ScenarioError);
    expect(events).toEqual([]);
  });

  it('rejects bad options', async () => {
    await expect(runScenario(quick(), { onProgress: 3 as never })).rejects.toThrow('runScenario: options.onProgress must be a function, got 3');
    await expect(runScenario(quick(), { signal: {} as never })).rejects.toThrow(/options\.signal must be an AbortSignal/);
  });
});

describe('runScenario progress and abort', () => {
  it('reports start and end of every step in order, with fractions in [0, 1]', async () => {
    const events: ScenarioProgress[] = [];
    await runScenario(quick(), { onProgress: (e) => events.push(e) });
    const ends = events.filter((e) => e.phase === 'end');
    expect(ends.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events.every((e) => e.fraction >= 0 && e.fraction <= 1 && e.total === 7)).toBe(true);
    expect(events[0]).toMatchObject({ phase: 'start', step: 'city', index: 0 });
    expect(events.some((e) => e.phase === 'progress' && e.step === 'coverage' && e.detail === 'level identify')).toBe(true);
  });

  it('stops between steps with an AbortError when the signal aborts', async () => {
    const ac = new AbortController();
    const seen: string[] = [];
    const p = runScenario(quick(), {
      signal: ac.signal,
      onProgress: (e) => {
        if (e.phase === 'end') seen.push(e.step);
        if (e.phase === 'end' && e.step === 'cameras') ac.abort();
      },
    });
    const err = await p.catch((e) => e);
    expect(err).toBeInstanceOf(ScenarioAbortError);
    expect(err.name).toBe('AbortError');
    expect(err.step).toBe('coverage');
    expect(seen).toEqual(['city', 'cameras']);
  });

  it('stops inside a step at its next progress point', async () => {
    const ac = new AbortController();
    const err = await runScenario(quick(), {
      signal: ac.signal,
      onProgress: (e) => {
        if (e.phase === 'progress' && e.step === 'coverage') ac.abort();
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ScenarioAbortError);
    expect(err.step).toBe('coverage');
  });

  it('does not start when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const events: ScenarioProgress[] = [];
    await expect(runScenario(quick(), { signal: ac.signal, onProgress: (e) => events.push(e) })).rejects.toMatchObject({ name: 'AbortError', step: 'city' });
    expect(events).toEqual([]);
  });
});

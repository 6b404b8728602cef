import { describe, expect, it } from 'vitest';
import { runScenario, scenarioPreset, SIGHTLINE_VERSION, InvalidInputError } from '../../src/index.js';
import pkg from '../../package.json';

describe('runScenario on the presets (reduced size)', () => {
  it('runs the almaty preset with 1,000 cameras and fills every section of the result', async () => {
    const r = await runScenario(scenarioPreset('almaty', { numCameras: 1000, numResidents: 300, outageTrials: 100 }));
    expect(r.format).toBe('sightline-result');
    expect(r.libraryVersion).toBe(pkg.version);
    expect(SIGHTLINE_VERSION).toBe(pkg.version);
    expect(r.seed).toBe(1);
    expect(r.inputs.cameras).toEqual([{ from: 'preset', name: 'almaty', numCameras: 1000 }]);
    expect(r.metrics.cameras.numCameras).toBe(1000);
    expect(r.headline.cameras).toBe(1000);
    expect(r.metrics.city.name).toBe('Almaty');
    expect(r.metrics.city.districts).toBe(8);
    expect(r.metrics.coverage!.runs.map((x) => [x.level, x.occlusion])).toEqual([['range', true], ['identify', true]]);
    // Identification needs 10× the pixel density of detection: a smaller area.
    expect(r.headline.coveredFraction_identify).toBeLessThan(r.headline.coveredFraction_range);
    expect(r.headline.coveredFraction).toBeGreaterThan(0);
    expect(r.metrics.districts!.rows).toHaveLength(8);
    const residents = r.metrics.districts!.rows.reduce((a, d) => a + d.residents, 0);
    expect(residents / r.metrics.city.population).toBeGreaterThan(0.97);
    expect(residents).toBeLessThanOrEqual(r.metrics.city.population * (1 + 1e-9));
    const cams = r.metrics.districts!.rows.reduce((a, d) => a + d.numCameras, 0);
    expect(cams).toBeLessThanOrEqual(1000);
    expect(r.timings.steps.map((s) => s.id)).toEqual(['city', 'cameras', 'coverage', 'streetCoverage', 'districts', 'raster', 'fullView', 'coverage-assumptions', 'network', 'network-metrics', 'spof', 'outages', 'trips', 'exposure', 'retention']);
    expect(r.assumptions.some((a) => a.topic === 'DORI identify' && a.value === '250 px/m' && /EN 62676-4/.test(a.source))).toBe(true);
    expect(r.assumptions.some((a) => a.topic === 'City boundary' && a.kind === 'real' && /ODbL/.test(a.source))).toBe(true);
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('runs the astana preset (new and older cameras) and the older network alone', async () => {
    const both = await runScenario(scenarioPreset('astana', { numCameras: 700, numResidents: 300, outageTrials: 100 }));
    expect(both.inputs.cameras).toEqual([{ from: 'preset', name: 'astana', includeOlder: true, numCameras: 700 }]);
    expect(both.metrics.cameras.numCameras).toBe(700);
    expect(both.metrics.city.districts).toBe(5);
    expect(both.assumptions.some((a) => a.topic === 'Astana older cameras')).toBe(true);
    const older = await runScenario(scenarioPreset('astana-older', { numCameras: 700 }));
    // 6,000 of 28,000 scaled to 700: round(6000 · 700 / 28000) = 150.
    expect(older.metrics.cameras.numCameras).toBe(150);
    expect(older.metrics.cameras.live).toBe(0);
  });
});

describe('scenarioPreset', () => {
  it('rejects an unknown name and a bad numCameras', () => {
    expect(() => scenarioPreset('paris' as never)).toThrow(InvalidInputError);
    expect(() => scenarioPreset('paris' as never)).toThrow('scenarioPreset: name must be one of "almaty", "astana", "astana-older", "almaty-january-2022", "almaty-retention", got "paris"');
    expect(() => scenarioPreset('almaty', { numCameras: 0 })).toThrow('scenarioPreset: options.numCameras must be an integer >= 1, got 0');
  });

  it('defaults to full scale: 128,000 Almaty cameras, Astana with its older cameras', () => {
    expect(scenarioPreset('almaty').cameras).toEqual([{ from: 'preset', name: 'almaty' }]);
    expect(scenarioPreset('astana').cameras).toEqual([{ from: 'preset', name: 'astana', includeOlder: true }]);
    expect(scenarioPreset('astana-older').cameras![0]).toMatchObject({ from: 'streets', numCameras: 6000, resolutionPx: 1280, live: false });
  });
});

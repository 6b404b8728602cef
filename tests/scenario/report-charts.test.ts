/**
 * Every chart of the report says what it shows and in what units: a title
 * with a one-line reading under it, axis and legend titles that end with
 * their unit in parentheses, colour scales of quantities that start at zero,
 * and a note on maps over synthetic district shapes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenarioDetailed, districtsGeoJson, cameraDensityGeoJson, type ScenarioRun } from '../../src/index.js';
import { MODEL_REPORT, COVERAGE_REPORT, NETWORK_REPORT, EXPOSURE_REPORT, RETENTION_REPORT } from '../../src/scenario/internal.js';

let run: ScenarioRun;
let specs: Record<string, any> = {};
beforeAll(async () => {
  run = await runScenarioDetailed({
    seed: 4,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 1200 }],
    network: { from: 'preset' },
    residents: { count: 150 },
    retention: { preset: 'almaty-assumed', compareWith: { preset: 'met-lfr' } },
    analyses: {
      coverage: {},
      streetCoverage: {},
      districts: { streets: false },
      network: {},
      spof: { top: 5 },
      outages: { trials: 50 },
      exposure: {
        watchlistSize: 1000,
        unicity: { kMax: 4, sampleSize: 100 },
        crowds: [{ name: 'Square', polygon: [[76.9437, 43.2374], [76.9469, 43.2374], [76.9469, 43.2393], [76.9437, 43.2393]], numPeople: 2000, durationS: 3600 }],
      },
    },
  });
  const maps = {
    districts: districtsGeoJson(run.city, run.result.metrics.districts?.rows ?? [], run.result.metrics.exposure?.population?.districts ?? []).features,
    density: cameraDensityGeoJson(run.cameras, run.city).features,
  };
  for (const section of [MODEL_REPORT, COVERAGE_REPORT, NETWORK_REPORT, EXPOSURE_REPORT, RETENTION_REPORT]) Object.assign(specs, section.charts(run.result, maps));
}, 180_000);

/** Every encoding channel (x, y, color, size) of a spec, wherever it sits (layers, concatenations, facets). */
function channels(spec: any, out: { channel: string; def: any }[] = []): { channel: string; def: any }[] {
  if (spec === null || typeof spec !== 'object') return out;
  if (spec.encoding) for (const ch of ['x', 'y', 'color', 'size']) if (spec.encoding[ch]) out.push({ channel: ch, def: spec.encoding[ch] });
  for (const k of ['layer', 'vconcat', 'hconcat', 'concat']) if (Array.isArray(spec[k])) spec[k].forEach((s: any) => channels(s, out));
  if (spec.spec) channels(spec.spec, out);
  return out;
}

describe('the report charts', () => {
  it('are all there for a run with every part (14 charts and maps)', () => {
    expect(Object.keys(specs).sort()).toEqual(
      ['chart-crowds', 'chart-district-exposure', 'chart-districts', 'chart-k', 'chart-outages', 'chart-pidentified', 'chart-retention-access', 'chart-retention-storage', 'chart-sightings', 'chart-spof', 'chart-streets', 'chart-unicity', 'map-density', 'map-districts', 'map-exposure'].sort(),
    );
  });

  it('each have a title, a one-line reading under it and a description', () => {
    for (const [id, s] of Object.entries(specs)) {
      expect(Array.isArray(s.title?.text) && s.title.text.join(' ').length > 5, id).toBe(true);
      expect(Array.isArray(s.title.subtitle) && s.title.subtitle.join(' ').length > 20, id).toBe(true);
      // Lines short enough for a phone (Vega does not wrap them).
      for (const line of [...s.title.text, ...s.title.subtitle]) expect(line.length, `${id}: ${line}`).toBeLessThanOrEqual(60);
      expect(typeof s.description, id).toBe('string');
    }
  });

  it('title every quantitative axis and legend with its unit in parentheses', () => {
    for (const [id, s] of Object.entries(specs)) {
      const quantitative = channels(s).filter((c) => c.def.type === 'quantitative');
      expect(quantitative.length, id).toBeGreaterThan(0);
      for (const ch of new Set(quantitative.map((c) => c.channel))) {
        const titles = quantitative.filter((c) => c.channel === ch && c.def.title !== undefined).map((c) => c.def.title);
        expect(titles.length, `${id} ${ch}`).toBeGreaterThan(0);
        for (const t of titles) expect(t, `${id} ${ch}`).toMatch(/\([^()]+\)$/);
      }
    }
  });

  it('start every colour scale of a quantity at zero', () => {
    for (const [id, s] of Object.entries(specs)) {
      for (const c of channels(s).filter((c) => c.channel === 'color' && c.def.type === 'quantitative')) {
        const scale = c.def.scale ?? {};
        expect(scale.domainMin === 0 || (Array.isArray(scale.domain) && scale.domain[0] === 0), id).toBe(true);
      }
    }
  });

  it('say on every map over districts that the district shapes are synthetic (the Almaty preset splits its real boundary into equal areas)', () => {
    expect(run.result.metrics.city.provenance.districts.kind).toBe('synthetic');
    for (const id of ['map-density', 'map-districts', 'map-exposure', 'chart-districts', 'chart-district-exposure']) {
      expect(specs[id].title.subtitle.join(' '), id).toMatch(/synthetic/);
    }
    // Charts without districts carry no such note.
    expect(specs['chart-k'].title.subtitle.join(' ')).not.toMatch(/synthetic/);
  });
});

import { describe, expect, it } from 'vitest';
import { concatCameraSets, createCameraSet, type CameraProvenance, type CameraSet } from '../../src/cameras/camera-set.js';
import { importOsmCameras } from '../../src/cameras/osm-import.js';
import {
  placeAlongStreets,
  placeAtIntersections,
  placeByPopulation,
  placeOnFacades,
  placeUniform,
} from '../../src/cameras/placement.js';
import { almatyCameras, createPreset } from '../../src/cameras/presets.js';
import { createRng } from '../../src/core/random.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { gridCity } from './test-city.js';

/** The provenance survives JSON unchanged (plain data only). */
function jsonRoundTrip(p: CameraProvenance | null): void {
  expect(p).not.toBeNull();
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
}

const city = gridCity({ n: 4, block: 100, inset: 10, population: { cellSize: 150, cols: 2, rows: 2, values: [1, 2, 3, 4] } });

describe('CameraSet.provenance', () => {
  it('is null for a set built by hand', () => {
    expect(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]).provenance).toBeNull();
  });

  it('records generator, seed and options for placeUniform, and is identical for the same seed', () => {
    const a = placeUniform([0, 0, 100, 50], 7, { seed: 'abc', fov: 60, range: 20, capabilities: ['face'] });
    jsonRoundTrip(a.provenance);
    expect(a.provenance).toEqual({
      generator: 'placeUniform',
      seed: 'abc',
      params: { fov: 60, range: 20, capabilities: ['face'], area: [0, 0, 100, 50], count: 7, heading: 'random' },
    });
    expect(placeUniform([0, 0, 100, 50], 7, { seed: 'abc', fov: 60, range: 20, capabilities: ['face'] }).provenance).toEqual(a.provenance);
    // Default seed recorded; a polygon area is summarised, not copied.
    const b = placeUniform([{ outer: Float64Array.of(0, 0, 10, 0, 10, 10, 0, 10), holes: [] }], 2);
    expect(b.provenance?.seed).toBe(1);
    expect(b.provenance?.params.area).toEqual({ type: 'MultiPolygonM', parts: 1, vertices: 4, area: 100, bounds: [0, 0, 10, 10] });
  });

  it('records the seed path of a random stream given as seed', () => {
    const rng = createRng(5).stream('cams');
    const s = placeByPopulation(city, 10, { seed: rng, heading: 90 });
    jsonRoundTrip(s.provenance);
    expect(s.provenance?.generator).toBe('placeByPopulation');
    expect(s.provenance?.seed).toBe('5/cams');
    expect(s.provenance?.params).toMatchObject({ count: 10, heading: 90, population: 10 });
  });

  it('is set by every placement strategy with its generator name and resolved options', () => {
    // 4 × 4 grid: 8 border nodes of degree 3 and 4 inner nodes of degree 4 are intersections.
    const cases: [CameraSet, string, Record<string, unknown>][] = [
      [placeAtIntersections(city, { seed: 3, camerasPerIntersection: 2 }), 'placeAtIntersections', { camerasPerIntersection: 2, minDegree: 3, heading: 'streets', intersections: 12 }],
      [placeAlongStreets(city, { spacing: 40, seed: 4 }), 'placeAlongStreets', { spacing: 40, heading: 'along' }],
      [placeAlongStreets(city, { numCameras: 9 }), 'placeAlongStreets', { numCameras: 9 }],
      [placeOnFacades(city, { spacing: 30 }), 'placeOnFacades', { spacing: 30, facadeOffset: 0.5, maxStreetDistance: 30 }],
      [placeOnFacades(city, 12, { fov: 100 }), 'placeOnFacades', { count: 12, fov: 100 }],
    ];
    for (const [set, generator, params] of cases) {
      jsonRoundTrip(set.provenance);
      expect(set.provenance?.generator).toBe(generator);
      expect(set.provenance?.params).toMatchObject(params);
    }
    expect(cases[0][0].provenance?.seed).toBe(3);
    expect(cases[2][0].provenance?.seed).toBe(1);
    expect(cases[3][0].provenance?.seed).toBeNull(); // facades use no randomness
  });

  it('is kept by subset and concat, with the sources in order', () => {
    const a = placeUniform([0, 0, 10, 10], 5, { seed: 'a' });
    const b = placeUniform([0, 0, 10, 10], 3, { seed: 'b' });
    const sub = a.subset([4, 0]);
    jsonRoundTrip(sub.provenance);
    expect(sub.provenance).toEqual({ generator: 'subset', seed: null, params: { numCameras: 2, fromNumCameras: 5 }, sources: [a.provenance] });
    const hand = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);
    const all = concatCameraSets([a, hand, b]);
    jsonRoundTrip(all.provenance);
    expect(all.provenance).toEqual({ generator: 'concat', seed: null, params: { numSets: 3, numCameras: 9 }, sources: [a.provenance, null, b.provenance] });
    expect(hand.subset([0]).provenance).toBeNull();
    expect(concatCameraSets([hand, hand]).provenance).toBeNull();
    // Mutable: callers may record their own.
    hand.provenance = { generator: 'survey', seed: null, params: { by: 'hand' } };
    expect(hand.provenance.generator).toBe('survey');
  });

  it('is set by the camera presets, with every group placement as a source', () => {
    const cams = almatyCameras(city, { seed: 'p', numCameras: 200 });
    jsonRoundTrip(cams.provenance);
    expect(cams.provenance?.generator).toBe('almatyCameras');
    expect(cams.provenance?.seed).toBe('p');
    expect(cams.provenance?.params).toMatchObject({ numCameras: 200 });
    const gens = cams.provenance?.sources?.map((s) => s?.generator);
    expect(gens).toEqual(['placeAtIntersections', 'placeByPopulation', 'placeAlongStreets', 'placeOnFacades']);
    expect(cams.provenance?.sources?.[0]?.seed).toBe('p/traffic');
    expect(almatyCameras(city, { seed: 'p', numCameras: 200 }).provenance).toEqual(cams.provenance);
  });

  it('is set by createPreset around the camera preset', () => {
    const p = createPreset('astana', { seed: 9, numCameras: 300, blockSize: 600, population: 1000 });
    jsonRoundTrip(p.cameras.provenance);
    expect(p.cameras.provenance).toMatchObject({ generator: 'createPreset', seed: 9, params: { name: 'astana', numCameras: 300, blockSize: 600, population: 1000 } });
    expect(p.cameras.provenance?.sources?.[0]).toMatchObject({ generator: 'astanaCameras', seed: '9/cameras' });
  });

  it('is set by the OSM importer with its options and the projection used', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { man_made: 'surveillance' }, geometry: { type: 'Point', coordinates: [8.5, 47.4] } }],
    };
    const r = importOsmCameras(fc, { fov: 70 });
    jsonRoundTrip(r.cameras.provenance);
    expect(r.cameras.provenance).toMatchObject({ generator: 'importOsmCameras', seed: null, params: { fov: 70, features: 1, imported: 1, skipped: 0, projection: r.projection.definition } });
  });

  it('leaves grid-city generation untouched (the city keeps its own provenance)', () => {
    const c = generateGridCity({ boundary: [0, 0, 300, 300], blockSize: 100 });
    expect(c.provenance.streets.kind).toBe('synthetic');
  });
});

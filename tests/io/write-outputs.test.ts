import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  runScenarioDetailed,
  writeScenarioOutputs,
  cameraDensityGeoJson,
  coverageGridGeoJson,
  districtsGeoJson,
  camerasGeoJsonChunks,
  createCameraSet,
  InvalidInputError,
  OUTPUT_FILES,
  TEMP_PREFIX,
  type ScenarioRun,
} from '../../src/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sightline-out-'));

/** Signed area of a lon/lat ring (shoelace): > 0 when counter-clockwise. */
function signedArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

let run: ScenarioRun;
beforeAll(async () => {
  run = await runScenarioDetailed({
    seed: 3,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 300 }],
    analyses: { coverage: {}, districts: {}, raster: { cellSize: 1000 } },
  });
});

describe('writeScenarioOutputs', () => {
  it('writes results.json, the GeoJSON layers and report.html, and nothing else', () => {
    const dir = join(tmp(), 'nested', 'out');
    const files = writeScenarioOutputs(run, dir);
    // No network and no residents in this scenario: no network files, no exposure.csv; GeoJSON only (the default formats).
    const expected = OUTPUT_FILES.filter((f) => !f.startsWith('network') && f !== 'exposure.csv' && !f.endsWith('.fgb'));
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(expected);
    expect(readdirSync(dir).sort()).toEqual([...expected].sort());
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    // results.json is the result without its timings (they differ from run to run).
    const { timings: _timings, ...rest } = run.result;
    expect(results).toEqual(JSON.parse(JSON.stringify(rest)));
  });

  it('exports WGS84 GeoJSON (RFC 7946) in Almaty: camera points, district multipolygons with metrics, grid cells', () => {
    const dir = tmp();
    writeScenarioOutputs(run, dir);
    const cams = JSON.parse(readFileSync(join(dir, 'cameras.geojson'), 'utf8'));
    expect(cams.type).toBe('FeatureCollection');
    expect(cams.features).toHaveLength(300);
    for (const f of cams.features) {
      const [lon, lat] = f.geometry.coordinates;
      // Almaty lies within lon 76.7–77.2, lat 43.0–43.45.
      expect(lon).toBeGreaterThan(76.7);
      expect(lon).toBeLessThan(77.2);
      expect(lat).toBeGreaterThan(43.0);
      expect(lat).toBeLessThan(43.45);
    }
    // Round trip: the first camera's lon/lat projects back onto its local position (7 decimals ≈ 1 cm).
    const [x, y] = run.city.projection!.forward(cams.features[0].geometry.coordinates[0], cams.features[0].geometry.coordinates[1]);
    expect(Math.hypot(x - run.cameras.x[0], y - run.cameras.y[0])).toBeLessThan(0.05);
    expect(cams.features[0].properties).toMatchObject({ id: 0, kind: 'fixed' });
    expect(typeof cams.features[0].properties.live).toBe('boolean');

    const d = JSON.parse(readFileSync(join(dir, 'districts.geojson'), 'utf8'));
    expect(d.features).toHaveLength(8);
    const row = run.result.metrics.districts!.rows[0];
    expect(d.features[0].properties).toMatchObject({ id: 0, key: row.id, name: row.name, coveredFraction: row.coveredFraction, numCameras: row.numCameras });
    expect(d.features[0].geometry.type).toBe('MultiPolygon');
    for (const f of d.features) for (const poly of f.geometry.coordinates) expect(signedArea(poly[0])).toBeGreaterThan(0);

    const g = JSON.parse(readFileSync(join(dir, 'coverage-grid.geojson'), 'utf8'));
    expect(g.features.length).toBe(run.result.metrics.raster!.cellsInArea);
    const ring = g.features[0].geometry.coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    expect(g.features.every((f: { properties: { cameras: number } }) => Number.isInteger(f.properties.cameras))).toBe(true);
  });

  it('leaves no partial file when a run is interrupted mid-run: nothing is written', async () => {
    const dir = tmp();
    const ac = new AbortController();
    const p = runScenarioDetailed(
      { city: { preset: 'almaty', blockSize: 600 }, cameras: [{ from: 'preset', name: 'almaty', numCameras: 300 }] },
      { signal: ac.signal, onProgress: (e) => e.step === 'coverage' && e.phase === 'start' && ac.abort() },
    ).then((r) => writeScenarioOutputs(r, dir, { signal: ac.signal }));
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves the folder as it was when interrupted while writing: no new file, no temp file, no results.json', () => {
    const dir = tmp();
    const ac = new AbortController();
    expect(() => writeScenarioOutputs(run, dir, { signal: ac.signal, onFile: (name) => name === 'districts.geojson' && ac.abort() })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    const left = readdirSync(dir).sort();
    expect(left).toEqual([]);
    expect(left.some((n) => n.startsWith(TEMP_PREFIX))).toBe(false);
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
  });
});

describe('GeoJSON helpers', () => {
  it('refuse a city without a projection', () => {
    const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);
    expect(() => [...camerasGeoJsonChunks(cams, null)]).toThrow(InvalidInputError);
    expect(() => districtsGeoJson({ ...run.city, projection: null })).toThrow(/districtsGeoJson: projection must be a LocalProjection/);
    expect(() => coverageGridGeoJson(run.raster!, null)).toThrow(InvalidInputError);
    expect(() => cameraDensityGeoJson(cams, { ...run.city, projection: null })).toThrow(InvalidInputError);
    expect(() => cameraDensityGeoJson(cams, run.city, 0)).toThrow('cameraDensityGeoJson: cellSize must be a finite number > 0, got 0');
  });

  it('count every camera inside the city once in the density grid', () => {
    const fc = cameraDensityGeoJson(run.cameras, run.city, 2000);
    const total = fc.features.reduce((a: number, f) => a + (f as { properties: { cameras: number } }).properties.cameras, 0);
    expect(total).toBe(run.cameras.numCameras);
    // perKm2 = cameras / the cell's area inside the city: (2 km)² for a cell wholly inside.
    for (const f of fc.features as { properties: { cameras: number; perKm2: number; areaKm2: number } }[]) {
      expect(f.properties.areaKm2).toBeLessThanOrEqual(4 + 1e-9);
      expect(f.properties.perKm2).toBeCloseTo(f.properties.cameras / f.properties.areaKm2, 3);
    }
    expect(fc.features.some((f) => (f as { properties: { areaKm2: number } }).properties.areaKm2 === 4)).toBe(true);
  });

  it('keeps only cells with at least minDepth cameras in the coverage grid', () => {
    const all = coverageGridGeoJson(run.raster!, run.city.projection);
    const seen = coverageGridGeoJson(run.raster!, run.city.projection, { minDepth: 1 });
    let expected = 0;
    for (let i = 0; i < run.raster!.depth.length; i++) if (run.raster!.inArea[i] && run.raster!.depth[i] >= 1) expected++;
    expect(seen.features.length).toBe(expected);
    expect(seen.features.length).toBeLessThan(all.features.length);
  });
});

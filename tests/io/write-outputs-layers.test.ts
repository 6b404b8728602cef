/**
 * The outputs of the network and exposure layers: network.geojson,
 * exposure.csv (one row per simulated resident and day), per-district
 * exposure in districts.geojson and the report's new sections.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenarioDetailed, writeScenarioOutputs, OUTPUT_FILES, EXPOSURE_CSV_COLUMNS, exposureCsvChunks, NO_DISTRICT, type ScenarioRun } from '../../src/index.js';

let run: ScenarioRun;
let dir = '';
beforeAll(async () => {
  run = await runScenarioDetailed({
    seed: 5,
    city: { preset: 'almaty', blockSize: 600 },
    cameras: [{ from: 'preset', name: 'almaty', numCameras: 1500 }],
    network: { from: 'preset' },
    residents: { count: 150 },
    trips: { days: 2 },
    analyses: {
      districts: { streets: false },
      network: {},
      spof: { top: 5 },
      outages: { trials: 100 },
      exposure: { watchlistSize: 1000, unicity: { kMax: 4, sampleSize: 100 }, places: { a: { lon: 76.94, lat: 43.27 }, b: { lon: 76.95, lat: 43.24 } }, routes: [{ from: 'a', to: 'b' }] },
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'sightline-layers-'));
  writeScenarioOutputs(run, dir);
}, 120_000);

/** Splits one CSV line (no quoted commas in this data except district names, which have none). */
const cells = (line: string) => line.split(',');

describe('outputs of the network and exposure layers', () => {
  it('writes network.geojson and exposure.csv in their places among the files', () => {
    // GeoJSON only (the default formats); no raster in this scenario.
    expect(readdirSync(dir).sort()).toEqual(OUTPUT_FILES.filter((f) => f !== 'coverage-grid.geojson' && !f.endsWith('.fgb')).sort());
  });

  it('network.geojson holds every node and link of the network in WGS84', () => {
    const fc = JSON.parse(readFileSync(join(dir, 'network.geojson'), 'utf8'));
    const net = run.network!;
    expect(fc.features).toHaveLength(net.numNodes + net.numLinks);
    const nodes = fc.features.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point');
    expect(nodes).toHaveLength(net.numNodes);
    for (const f of nodes) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThan(70); // Almaty, and the national platform in Astana
      expect(lon).toBeLessThan(78);
      expect(lat).toBeGreaterThan(43);
      expect(lat).toBeLessThan(52);
    }
  });

  it('exposure.csv has one row per resident and day, equal to the per-person metrics', () => {
    const lines = readFileSync(join(dir, 'exposure.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(EXPOSURE_CSV_COLUMNS.join(','));
    const { persons, residents } = run.exposure!;
    expect(persons.numDays).toBe(2);
    expect(lines.length - 1).toBe(150 * 2);
    const col = (name: string) => EXPOSURE_CSV_COLUMNS.indexOf(name as never);
    for (let row = 1; row < lines.length; row++) {
      const c = cells(lines[row]);
      expect(c).toHaveLength(EXPOSURE_CSV_COLUMNS.length);
      const p = Number(c[col('resident')]);
      const d = Number(c[col('day')]);
      const i = p * 2 + d;
      expect(i).toBe(row - 1); // resident-major order
      expect(Number(c[col('sightings')])).toBeCloseTo(persons.sightings[i], 4);
      expect(Number(c[col('pIdentified')])).toBeCloseTo(persons.pIdentified[i], 6);
      expect(Number(c[col('trips')])).toBe(persons.trips[i]);
      const di = residents.district[p];
      expect(c[col('districtKey')]).toBe(di === NO_DISTRICT ? '' : run.city.districts[di].id);
      const [lon, lat] = run.city.projection!.inverse(residents.x[p], residents.y[p]);
      expect(Number(c[col('homeLon')])).toBeCloseTo(lon, 5);
      expect(Number(c[col('homeLat')])).toBeCloseTo(lat, 5);
    }
    expect(lines.join('\n')).not.toMatch(/NaN|undefined/);
  });

  it('exposureCsvChunks rejects metrics and residents of different sizes', () => {
    const { persons } = run.exposure!;
    expect(() => [...exposureCsvChunks(persons, { ...run.exposure!.residents, numResidents: 3 }, run.city)]).toThrow('exposureCsv: residents.numResidents must equal persons.numPersons (150), got 3');
  });

  it('districts.geojson carries each district coverage and its residents exposure', () => {
    const fc = JSON.parse(readFileSync(join(dir, 'districts.geojson'), 'utf8'));
    const rows = run.result.metrics.exposure!.population!.districts;
    for (const f of fc.features) {
      const r = rows.find((x) => x.id === f.properties.key)!;
      expect(f.properties.exposureMeanPIdentified).toBe(r.meanPIdentified);
      expect(f.properties.exposureMeanSightings).toBe(r.meanSightings);
      expect(f.properties.exposureResidents).toBe(r.residents);
      expect(typeof f.properties.coveredFraction).toBe('number');
    }
  });

  it('report.html has the network and exposure sections with their numbers', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const s of ['Command network', 'Single points of failure (top 5)', 'Outages', 'Exposure', 'Watchlist', 'Unicity', 'Least-surveilled routes', 'Walking speed', 'Recognition model']) expect(html).toContain(s);
    for (const id of ['chart-outages', 'chart-spof', 'chart-sightings', 'chart-pidentified', 'map-exposure', 'chart-district-exposure', 'chart-unicity']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain(run.result.metrics.network!.spof!.top[0].key);
  });
});

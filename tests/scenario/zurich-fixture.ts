/**
 * The Zürich case of issue 17: what a user studying central Zürich has — a
 * boundary and the OpenStreetMap cameras of all Switzerland (2023 export,
 * © OpenStreetMap contributors, ODbL 1.0; tests/fixtures/ATTRIBUTION.md), no
 * street data — written to a temporary folder with its scenario.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Central Zürich: a 2 km × 2 km box around Paradeplatz (8.5390° E, 47.3697° N), lon/lat. */
export function zurichBox(): [number, number][] {
  const lon0 = 8.539, lat0 = 47.3697;
  const dLat = 1000 / 111_320, dLon = 1000 / (111_320 * Math.cos((lat0 * Math.PI) / 180));
  return [[lon0 - dLon, lat0 - dLat], [lon0 + dLon, lat0 - dLat], [lon0 + dLon, lat0 + dLat], [lon0 - dLon, lat0 + dLat], [lon0 - dLon, lat0 - dLat]];
}

/**
 * A folder holding what a user studying Zürich has: a boundary and the OSM
 * cameras of all of Switzerland, no street data; and the scenario.
 */
export function zurichFolder(analyses: Record<string, unknown> = { coverage: {}, streetCoverage: {}, districts: {} }): { dir: string; scenario: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-zurich-'));
  writeFileSync(join(dir, 'zurich.geojson'), JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [zurichBox()] } }));
  copyFileSync(join(FIXTURES, 'osm-cameras-switzerland-2023.geojson'), join(dir, 'cameras.geojson'));
  const scenario = { name: 'Central Zürich', seed: 1, city: { name: 'Zürich', import: { boundary: 'zurich.geojson' } }, cameras: [{ from: 'osm', file: 'cameras.geojson' }], analyses };
  writeFileSync(join(dir, 'zurich.json'), JSON.stringify(scenario));
  return { dir, scenario };
}


import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { almatyCity, astanaCity, ALMATY_FACTS } from '../../src/city/presets.js';
import { ALMATY_BOUNDARY } from '../../src/city/data/almaty-boundary.js';
import { populationAt } from '../../src/city/population.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { multiPolygonArea, pointInMultiPolygon } from '../../src/geo/polygon.js';

describe('almatyCity', () => {
  const city = almatyCity();

  it('uses the real OSM boundary: about 703 km², matching turf.area on the GeoJSON within 0.5%', () => {
    const area = multiPolygonArea(city.boundary);
    const oracle = turf.area({ type: 'Feature', properties: {}, geometry: ALMATY_BOUNDARY as never });
    expect(Math.abs(area / oracle - 1)).toBeLessThan(0.005);
    expect(area / 1e6).toBeGreaterThan(695);
    expect(area / 1e6).toBeLessThan(711);
    expect(city.boundary).toHaveLength(2);
  });

  it('embeds the same boundary as the raw shared extract (checked when ../shared is present)', () => {
    const raw = fileURLToPath(new URL('../../../shared/data/osm-almaty-boundary.geojson', import.meta.url));
    if (!existsSync(raw)) return;
    const fc = JSON.parse(readFileSync(raw, 'utf8'));
    const rawArea = turf.area(fc);
    const embedded = turf.area({ type: 'Feature', properties: {}, geometry: ALMATY_BOUNDARY as never });
    expect(Math.abs(embedded / rawArea - 1)).toBeLessThan(1e-4);
    expect(Math.abs(multiPolygonArea(city.boundary) / rawArea - 1)).toBeLessThan(0.005);
  });

  it('centres the projection on the boundary and keeps the streets inside it', () => {
    expect(city.projection!.lon0).toBeCloseTo((76.738277 + 77.166754) / 2, 4);
    expect(city.projection!.lat0).toBeCloseTo((43.032844 + 43.403766) / 2, 4);
    let outside = 0;
    city.streets.forEachNode((_k, p) => {
      if (!pointInMultiPolygon(p.x, p.y, city.boundary)) outside++;
    });
    expect(outside).toBe(0);
  });

  it('has a 150 m N–S / E–W grid of about 31,000 blocks and 60,000 segments', () => {
    expect(city.streets.size).toBeGreaterThan(55_000);
    expect(city.streets.size).toBeLessThan(65_000);
    expect(city.buildings.numBuildings).toBeGreaterThan(28_000);
    expect(city.buildings.numBuildings).toBeLessThan(32_000);
    let bad = 0;
    city.streets.forEachEdge((_e, a, _s, _t, sa, ta) => {
      if (Math.abs(a.length - 150) > 1e-6 || Math.min(Math.abs(ta.x - sa.x), Math.abs(ta.y - sa.y)) > 1e-6) bad++;
    });
    expect(bad).toBe(0);
  });

  it("has 2,250,000 residents, densest near Republic Square, and Almaty's 8 district names on equal areas", () => {
    expect(city.population.total).toBeCloseTo(ALMATY_FACTS.population, 3);
    const [cx, cy] = city.projection!.forward(76.945, 43.238);
    expect(populationAt(city.population, cx, cy)).toBeGreaterThan(3 * populationAt(city.population, cx + 10_000, cy - 5_000));
    expect(city.districts.map((d) => d.name)).toEqual(['Alatau', 'Almaly', 'Auezov', 'Bostandyk', 'Zhetysu', 'Medeu', 'Nauryzbay', 'Turksib']);
    const area = multiPolygonArea(city.boundary);
    for (const d of city.districts) expect(multiPolygonArea(d.area) / (area / 8)).toBeCloseTo(1, 6);
  });

  it('labels the boundary real (ODbL, relation 2465058) and everything else synthetic', () => {
    expect(city.provenance.boundary.kind).toBe('real');
    expect(city.provenance.boundary.licence).toMatch(/ODbL/);
    expect(city.provenance.boundary.description).toMatch(/2465058/);
    for (const part of ['streets', 'buildings', 'districts', 'population'] as const) expect(city.provenance[part].kind).toBe('synthetic');
    expect(city.provenance.districts.description).toMatch(/synthetic equal-area geometry/);
  });

  it('accepts overrides and rejects boundary or projection overrides', () => {
    const coarse = almatyCity({ blockSize: 600, population: 1000, districts: 2, buildings: false });
    expect(coarse.streets.size).toBeLessThan(city.streets.size / 10);
    expect(coarse.population.total).toBeCloseTo(1000, 9);
    expect(coarse.districts).toHaveLength(2);
    expect(coarse.buildings.numBuildings).toBe(0);
    expect(multiPolygonArea(coarse.boundary)).toBeCloseTo(multiPolygonArea(city.boundary), 3);
    expect(() => almatyCity({ boundary: [0, 0, 1, 1] } as never)).toThrow(/almatyCity: options.boundary cannot be overridden/);
    expect(() => almatyCity({ blockSize: -1 })).toThrow(InvalidInputError);
    expect(() => almatyCity(null as never)).toThrow(/almatyCity: options must be an object, got null/);
  });
});

describe('astanaCity', () => {
  const city = astanaCity();

  it('has a synthetic boundary of exactly 810 km² centred on lon 71.43, lat 51.13', () => {
    expect(multiPolygonArea(city.boundary) / 1e6).toBeCloseTo(810, 6);
    expect(city.projection!.lon0).toBe(71.43);
    expect(city.projection!.lat0).toBe(51.13);
    expect(city.provenance.boundary.kind).toBe('synthetic');
  });

  it('has 1,420,000 residents and the five district names on synthetic equal areas', () => {
    expect(city.population.total).toBeCloseTo(1_420_000, 3);
    expect(city.districts.map((d) => d.name)).toEqual(['Almaty', 'Baikonyr', 'Yesil', 'Saryarka', 'Nura']);
    for (const d of city.districts) expect(multiPolygonArea(d.area) / 1e6).toBeCloseTo(162, 4);
    for (const p of Object.values(city.provenance)) expect(p.kind).toBe('synthetic');
  });

  it('is reproducible: the same options give the same city', () => {
    const a = astanaCity({ jitter: 5, seed: 3, blockSize: 400 });
    const b = astanaCity({ jitter: 5, seed: 3, blockSize: 400 });
    expect(b.streets.mapNodes((_k, p) => p)).toEqual(a.streets.mapNodes((_k, p) => p));
    expect(() => astanaCity({ projection: null } as never)).toThrow(/astanaCity: options.projection cannot be overridden/);
  });
});

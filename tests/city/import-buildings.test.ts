import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { importBuildings } from '../../src/city/import-buildings.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createLocalProjection } from '../../src/geo/projection.js';
import { ringSignedArea } from '../../src/geo/polygon.js';

const projection = createLocalProjection(76.95, 43.24);
const sq = (lon: number, lat: number, d = 0.0002, clockwise = false) => {
  const r = [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];
  return clockwise ? r.reverse() : r;
};

const fc = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'way/1', properties: { building: 'yes', height: '21 m' }, geometry: { type: 'Polygon', coordinates: [sq(76.95, 43.24), sq(76.95005, 43.24005, 0.00005)] } },
    { type: 'Feature', properties: { building: 'yes', 'building:levels': '4' }, geometry: { type: 'Polygon', coordinates: [sq(76.951, 43.24, 0.0002, true)] } },
    { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'MultiPolygon', coordinates: [[sq(76.952, 43.24)], [sq(76.953, 43.24)]] } },
    { type: 'Feature', properties: { building: 'yes', height: 'tall', 'building:levels': 'many' }, geometry: { type: 'Polygon', coordinates: [sq(76.954, 43.24)] } },
    { type: 'Feature', properties: { building: 'yes' }, geometry: null },
    { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'LineString', coordinates: [[76.95, 43.24], [76.96, 43.24]] } },
    { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'Polygon', coordinates: [[[76.95, 43.24], [76.95, 43.24], [76.951, 43.24], [76.95, 43.24]]] } },
    { type: 'Feature', properties: { building: 'yes' }, geometry: { type: 'Polygon', coordinates: [[[76.95, 43.24], [76.951, NaN], [76.951, 43.241], [76.95, 43.24]]] } },
    { type: 'Feature', properties: { building: 'yes', height: 12 }, geometry: { type: 'MultiPolygon', coordinates: [[sq(76.955, 43.24)], [[[0, 0]]]] } },
  ],
};

describe('importBuildings on a hand-made FeatureCollection', () => {
  const r = importBuildings(fc, { projection });

  it('makes one building per polygon outer ring, counter-clockwise, remembering its feature', () => {
    expect(r.buildings.numBuildings).toBe(6);
    expect(Array.from(r.featureIndex)).toEqual([0, 1, 2, 2, 3, 8]);
    for (let b = 0; b < 6; b++) {
      const ring = r.buildings.coords.slice(2 * r.buildings.ringStart[b], 2 * r.buildings.ringStart[b + 1]);
      expect(ring.length).toBe(8); // closing point dropped, hole ignored
      expect(ringSignedArea(ring)).toBeGreaterThan(0);
    }
  });

  it('projects footprints with areas matching turf within 0.5%', () => {
    const ring = r.buildings.coords.slice(0, 8);
    const oracle = turf.area(turf.polygon([sq(76.95, 43.24)]));
    expect(Math.abs(ringSignedArea(ring) / oracle - 1)).toBeLessThan(0.005);
  });

  it('reads height, then building:levels × 3 m, then the 10 m default', () => {
    expect(Array.from(r.buildings.height)).toEqual([21, 12, 10, 10, 10, 12]);
  });

  it('reports each feature or polygon it could not fully read', () => {
    expect(r.report.map((e) => [e.index, e.field])).toEqual([
      [3, 'height'],
      [3, 'building:levels'],
      [4, 'geometry'],
      [5, 'geometry.type'],
      [6, 'geometry.coordinates[0]'],
      [7, 'geometry.coordinates[0]'],
      [8, 'geometry.coordinates[1][0]'],
    ]);
    expect(r.report[0]).toMatchObject({ value: 'tall', id: null });
    expect(r.report[4].reason).toMatch(/at least 3 distinct positions/);
    expect(r.report[5].reason).toMatch(/position 1 is not a \[lon, lat\] pair/);
  });

  it('uses the given defaults and a bounding-box-centred projection when none is given', () => {
    const s = importBuildings(fc, { defaultHeight: 7, metresPerLevel: 3.5, source: 'test', licence: 'CC0' });
    expect(Array.from(s.buildings.height)).toEqual([21, 14, 7, 7, 7, 12]);
    expect(s.projection.lon0).toBeCloseTo((76.95 + 76.9552) / 2, 9);
    expect(s.provenance).toEqual({ kind: 'real', description: 'test', licence: 'CC0' });
  });

  it('throws InvalidInputError for input that is not a FeatureCollection or bad options', () => {
    expect(() => importBuildings({ type: 'Feature', geometry: null })).toThrow(/importBuildings: geojson must be a GeoJSON FeatureCollection/);
    expect(() => importBuildings([])).toThrow(InvalidInputError);
    expect(() => importBuildings(fc, { defaultHeight: 0 })).toThrow(/defaultHeight must be a finite number > 0, got 0/);
    expect(() => importBuildings(fc, { metresPerLevel: Infinity })).toThrow(/metresPerLevel must be a finite number > 0, got Infinity/);
    expect(() => importBuildings(fc, { projection: 3 as never })).toThrow(/projection must be a LocalProjection/);
  });
});

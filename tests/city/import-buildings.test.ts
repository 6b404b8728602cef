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

describe('importBuildings on degenerate and unclosed rings', () => {
  const poly = (ring: number[][], props: Record<string, unknown> = {}) => ({ type: 'Feature', properties: { building: 'yes', ...props }, geometry: { type: 'Polygon', coordinates: [ring] } });

  it('reports and skips a ring of collinear positions (zero area)', () => {
    const r = importBuildings({ type: 'FeatureCollection', features: [poly([[0, 0], [0.001, 0], [0.002, 0], [0, 0]]), poly(sq(0.01, 0))] });
    expect(r.buildings.numBuildings).toBe(1);
    expect(Array.from(r.featureIndex)).toEqual([1]);
    expect(r.report).toHaveLength(1);
    expect(r.report[0]).toMatchObject({ index: 0, field: 'geometry.coordinates[0]', action: 'skipped' });
    expect(r.report[0].reason).toMatch(/zero area \(its positions are collinear\); polygon skipped/);
    // Diagonal collinear positions too.
    const d = importBuildings({ type: 'FeatureCollection', features: [poly([[10, 10], [10.001, 10.001], [10.003, 10.003], [10, 10]])] });
    expect(d.buildings.numBuildings).toBe(0);
    expect(d.report[0].action).toBe('skipped');
  });

  it('closes and keeps an unclosed ring, reporting it with action "closed"', () => {
    const open = [[0, 0], [0.001, 0], [0.001, 0.001]];
    const r = importBuildings({ type: 'FeatureCollection', features: [poly(open)] }, { projection: createLocalProjection(0, 0) });
    expect(r.buildings.numBuildings).toBe(1);
    expect(r.report).toEqual([
      { index: 0, id: null, field: 'geometry.coordinates[0]', value: open, reason: 'the ring is not closed (GeoJSON rings repeat their first position at the end); closed and kept', action: 'closed' },
    ]);
    // Same building as the closed ring.
    const closed = importBuildings({ type: 'FeatureCollection', features: [poly([...open, [0, 0]])] }, { projection: createLocalProjection(0, 0) });
    expect(closed.report).toEqual([]);
    expect(Array.from(r.buildings.coords)).toEqual(Array.from(closed.buildings.coords));
  });

  it('centres its projection across the ±180° meridian and measures a straddling building correctly', () => {
    // A 0.0002° square straddling the meridian at the equator: about 22.3 m × 22.1 m.
    const ring = [[179.9999, 0], [-179.9999, 0], [-179.9999, 0.0002], [179.9999, 0.0002], [179.9999, 0]];
    const r = importBuildings({ type: 'FeatureCollection', features: [poly(ring)] });
    expect(r.report).toEqual([]);
    expect(r.buildings.numBuildings).toBe(1);
    const c = Array.from(r.buildings.coords);
    for (const v of c) expect(Number.isFinite(v)).toBe(true);
    const area = Math.abs(ringSignedArea(Float64Array.from(c)));
    expect(area / turf.area(turf.polygon([[[-0.0001, 0], [0.0001, 0], [0.0001, 0.0002], [-0.0001, 0.0002], [-0.0001, 0]]]))).toBeCloseTo(1, 2);
  });

  it('reports and skips a building at the antipode of a given projection centre', () => {
    const r = importBuildings({ type: 'FeatureCollection', features: [poly([[179.999, -0.001], [180, 0], [179.999, 0.001], [179.999, -0.001]]), poly(sq(1, 0))] }, { projection: createLocalProjection(0, 0) });
    expect(r.buildings.numBuildings).toBe(1);
    expect(Array.from(r.featureIndex)).toEqual([1]);
    expect(r.report[0]).toMatchObject({ index: 0, action: 'skipped' });
    // The position named is one of the ring's (proj4 has no finite image near the antipode, not only at it).
    expect([[179.999, -0.001], [180, 0], [179.999, 0.001]]).toContainEqual(r.report[0].value);
    expect(r.report[0].reason).toMatch(/no finite position in the local projection/);
  });
});

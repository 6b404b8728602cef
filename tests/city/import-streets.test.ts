import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { importStreets } from '../../src/city/import-streets.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createLocalProjection } from '../../src/geo/projection.js';

const projection = createLocalProjection(-122.3, 37.8);

function line(coords: number[][], properties: Record<string, unknown> = {}, id?: string) {
  return { type: 'Feature', id, properties, geometry: { type: 'LineString', coordinates: coords } };
}

// Three streets meeting at (−122.3, 37.8), plus features the importer must report.
const fc = {
  type: 'FeatureCollection',
  features: [
    line([[-122.301, 37.8], [-122.3, 37.8], [-122.299, 37.8]], { highway: 'primary', name: 'Main Street' }, 'way/1'),
    line([[-122.3, 37.8], [-122.3, 37.801]], { highway: 'residential', width: '7.5 m' }, 'way/2'),
    {
      type: 'Feature', properties: { highway: 'footway', '@id': 'way/3' },
      geometry: { type: 'MultiLineString', coordinates: [[[-122.3, 37.801], [-122.299, 37.801]], [[-122.299, 37.801], [-122.299, 37.8]]] },
    },
    { type: 'Feature', properties: { highway: 'primary' }, geometry: null },
    { type: 'Feature', id: 5, properties: {}, geometry: { type: 'Point', coordinates: [-122.3, 37.8] } },
    line([[-122.31, 37.8], [-122.311, 37.8]], { highway: 'proposed' }, 'way/6'),
    line([[-122.31, 37.81], [-122.311, 37.81]], { highway: 'secondary', width: 'wide' }, 'way/7'),
    line([[-122.31, 37.82], [200, 37.81]], { highway: 'tertiary' }, 'way/8'),
    line([[-122.31, 37.83], [-122.311, 37.83]], {}, 'way/9'),
    line([[-122.31, 37.84]], { highway: 'service' }, 'way/10'),
    { type: 'Feature', properties: {} },
    'not a feature',
    line([[-122.32, 37.84], [-122.321, 37.84]], { streetClass: 'collector' }, 'way/13'),
  ],
};

describe('importStreets on a hand-made FeatureCollection', () => {
  const r = importStreets(fc, { projection });

  it('merges shared vertices and makes one edge per consecutive vertex pair', () => {
    // way/1: 3 nodes, 2 edges; way/2 shares its first node: +1 node, 1 edge; way/3: 2 parts, 3 nodes on
    // (-122.3,37.801) shared, (-122.299,37.801) new, (-122.299,37.8) shared with way/1: +1 node, 2 edges;
    // way/7: 2 nodes, 1 edge; way/13: 2 nodes, 1 edge.
    expect(r.streets.order).toBe(3 + 1 + 1 + 2 + 2);
    expect(r.streets.size).toBe(2 + 1 + 2 + 1 + 1);
    expect(r.summary).toMatchObject({ lines: 6, zeroLengthSegments: 0, duplicateSegments: 0 });
  });

  it('classes streets from highway, reads widths and names, falls back to class widths', () => {
    const byClass: Record<string, number[]> = {};
    r.streets.forEachEdge((_e, a) => (byClass[a.streetClass] ??= []).push(a.width));
    expect(byClass).toEqual({ arterial: [24, 24], local: [7.5], footway: [3, 3], collector: [16, 16] });
    expect(r.streets.getEdgeAttribute('e0', 'name')).toBe('Main Street');
  });

  it('measures edge lengths like turf within 0.5% (turf is spherical, the projection ellipsoidal)', () => {
    let mine = 0;
    r.streets.forEachEdge((_e, a) => (mine += a.length));
    const kept = [fc.features[0], fc.features[1], fc.features[2], fc.features[6], fc.features[12]];
    let oracle = 0;
    for (const f of kept) oracle += turf.length(f as never, { units: 'meters' });
    expect(Math.abs(mine / oracle - 1)).toBeLessThan(0.005);
    expect(r.summary.totalLength).toBeCloseTo(mine, 9);
  });

  it('reports every feature it could not fully read, with index, id, field, value and reason', () => {
    const rows = r.report.map((e) => [e.index, e.id, e.field]);
    expect(rows).toEqual([
      [3, null, 'geometry'],
      [4, '5', 'geometry.type'],
      [5, 'way/6', 'highway'],
      [6, 'way/7', 'width'],
      [7, 'way/8', 'geometry.coordinates'],
      [8, 'way/9', 'highway'],
      [9, 'way/10', 'geometry.coordinates'],
      [10, null, 'geometry'],
      [11, null, 'type'],
    ]);
    const width = r.report.find((e) => e.field === 'width')!;
    expect(width.value).toBe('wide');
    expect(width.reason).toMatch(/used the collector default 16 m/);
    expect(r.report.find((e) => e.id === 'way/6')!.reason).toMatch(/not a street class/);
    expect(r.report.find((e) => e.id === 'way/8')!.reason).toMatch(/position 1 is not a \[lon, lat\] pair/);
    expect(r.report.find((e) => e.id === 'way/10')!.reason).toMatch(/at least 2 positions/);
  });

  it('labels the result as imported data', () => {
    expect(r.provenance).toEqual({ kind: 'real', description: 'streets imported from GeoJSON' });
    expect(r.projection).toBe(projection);
  });
});

describe('importStreets options', () => {
  it('centres its own projection on the data bounding box when none is given', () => {
    const r = importStreets({ type: 'FeatureCollection', features: [line([[10, 50], [10.002, 50], [10.001, 50.002]], { highway: 'primary' })] });
    expect(r.projection.lon0).toBeCloseTo(10.001, 12);
    expect(r.projection.lat0).toBeCloseTo(50.001, 12);
    const [a, b, c] = r.streets.mapNodes((_k, p) => p);
    expect(a.x).toBeCloseTo(-b.x, 6);
    expect(c.x).toBeCloseTo(0, 6);
    expect(c.y).toBeGreaterThan(0);
  });

  it('snaps vertices within the tolerance and drops the zero-length and duplicate segments that result', () => {
    const d = 1e-7; // about 1 cm in latitude
    const features = [
      line([[0, 0], [0.001, 0]], { highway: 'primary' }),
      line([[0.001, d], [0, d]], { highway: 'primary' }),
      line([[0.002, 0], [0.002, d / 10]], { highway: 'primary' }),
    ];
    const loose = importStreets({ type: 'FeatureCollection', features }, { projection: createLocalProjection(0, 0), snapTolerance: 0.05 });
    expect(loose.streets.order).toBe(3);
    expect(loose.streets.size).toBe(1);
    expect(loose.summary).toMatchObject({ duplicateSegments: 1, zeroLengthSegments: 1 });
    const tight = importStreets({ type: 'FeatureCollection', features }, { projection: createLocalProjection(0, 0), snapTolerance: 0.001 });
    expect(tight.streets.order).toBe(6);
    expect(tight.streets.size).toBe(3);
  });

  it('can leave footways out and override class widths', () => {
    const r = importStreets(fc, { projection, includeFootways: false, widths: { arterial: 30 } });
    r.streets.forEachEdge((_e, a) => expect(a.streetClass).not.toBe('footway'));
    expect(r.streets.getEdgeAttribute('e0', 'width')).toBe(30);
  });

  it('returns an empty graph, not an error, for an empty collection', () => {
    const r = importStreets({ type: 'FeatureCollection', features: [] });
    expect(r.streets.order).toBe(0);
    expect(r.report).toEqual([]);
  });

  it('throws InvalidInputError when the input is not a FeatureCollection or an option is bad', () => {
    expect(() => importStreets({ type: 'Feature' })).toThrow(/importStreets: geojson must be a GeoJSON FeatureCollection with a features array/);
    expect(() => importStreets(null)).toThrow(InvalidInputError);
    expect(() => importStreets({ type: 'FeatureCollection', features: {} })).toThrow(InvalidInputError);
    expect(() => importStreets(fc, { snapTolerance: -1 })).toThrow(/snapTolerance must be a finite number >= 0, got -1/);
    expect(() => importStreets(fc, { projection: {} as never })).toThrow(/projection must be a LocalProjection/);
    expect(() => importStreets(fc, { widths: { lane: 3 } as never })).toThrow(/widths.lane is not a street class/);
    expect(() => importStreets(fc, { widths: { local: 0 } })).toThrow(/widths.local must be a finite number > 0, got 0/);
    expect(() => importStreets(fc, { includeFootways: 1 as never })).toThrow(/includeFootways must be a boolean/);
  });
});

describe('importStreets across the ±180° meridian', () => {
  it('centres the projection on the meridian and gives finite coordinates and true lengths', () => {
    const r = importStreets({ type: 'FeatureCollection', features: [line([[179.999, 0], [-179.999, 0]], { highway: 'residential' })] });
    expect(r.report).toEqual([]);
    expect(Math.abs(Math.abs(r.projection.lon0) - 180)).toBeLessThan(1e-9);
    expect(r.streets.size).toBe(1);
    r.streets.forEachNode((_n, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
    const len = r.streets.getEdgeAttributes(r.streets.edges()[0]).length;
    // turf (spherical, mean radius) on the same 0.002° of equator, shifted away from the meridian.
    expect(len / (turf.length(turf.lineString([[-0.001, 0], [0.001, 0]])) * 1000)).toBeCloseTo(1, 2);
    expect(Number.isFinite(r.summary.totalLength)).toBe(true);
  });

  it('reports and skips a line through the antipode of a given projection centre', () => {
    const r = importStreets(
      { type: 'FeatureCollection', features: [line([[179.9, 0], [180, 0]], { highway: 'residential' }, 'way/9'), line([[0, 0], [0.001, 0]], { highway: 'residential' })] },
      { projection: createLocalProjection(0, 0) },
    );
    expect(r.streets.size).toBe(1);
    expect(r.report).toHaveLength(1);
    // proj4's azimuthal equidistant has no finite image within about half a degree of the antipode on the equator, so the first position already fails.
    expect(r.report[0]).toMatchObject({ index: 0, id: 'way/9', field: 'geometry.coordinates', value: [179.9, 0], action: 'skipped' });
    expect(r.report[0].reason).toMatch(/position 0 has no finite position in the local projection/);
  });
});

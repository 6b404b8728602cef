import { describe, expect, test } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { createLocalProjection } from '../../src/geo/projection.js';
import { importTrips } from '../../src/mobility/import-trips.js';
import { TRAVEL_SPEEDS } from '../../src/mobility/route-trips.js';
import { MODE_CAR, MODE_WALK } from '../../src/mobility/trip-set.js';

const proj = createLocalProjection(76.9457, 43.2383); // Almaty, Republic Square

function line(coords: number[][], properties: Record<string, unknown> = {}, id?: string) {
  return { type: 'Feature', id, properties, geometry: { type: 'LineString', coordinates: coords } };
}

describe('importTrips', () => {
  test('reads GeoJSON LineStrings with ISO and numeric times, persons and modes', () => {
    const [x1, y1] = proj.forward(76.95, 43.24);
    const fc = {
      type: 'FeatureCollection',
      features: [
        line([[76.9457, 43.2383], [76.95, 43.24]], { times: ['2024-05-01T08:00:00Z', '2024-05-01T08:05:00Z'], person: 'ann', mode: 'foot' }),
        line([[76.95, 43.24], [76.96, 43.25], [76.97, 43.25]], { coordTimes: [1000, 1100, 1250], person: 'bob', mode: 'driving' }),
        line([[76.96, 43.25], [76.9457, 43.2383]], { times: ['2024-05-01T17:00:00Z', '2024-05-01T17:20:00Z'], person: 'ann' }),
      ],
    };
    const r = importTrips(fc, proj);
    expect(r.report).toEqual([]);
    expect(r.numTrips).toBe(3);
    expect(Array.from(r.start)).toEqual([0, 2, 5, 7]);
    expect(Array.from(r.person)).toEqual([0, 1, 0]);
    expect(r.personKeys).toEqual(['ann', 'bob']);
    expect(Array.from(r.mode)).toEqual([MODE_WALK, MODE_CAR, MODE_WALK]);
    expect(r.coords[0]).toBeCloseTo(0, 6);
    expect(r.coords[1]).toBeCloseTo(0, 6);
    expect(r.coords[2]).toBeCloseTo(x1, 9);
    expect(r.coords[3]).toBeCloseTo(y1, 9);
    const t0 = Date.parse('2024-05-01T08:00:00Z') / 1000;
    expect(r.times[0]).toBe(t0);
    expect(r.times[1]).toBe(t0 + 300);
    expect(Array.from(r.times.subarray(2, 5))).toEqual([1000, 1100, 1250]);
    expect(Array.from(r.featureIndex)).toEqual([0, 1, 2]);
    // Milliseconds.
    const ms = importTrips([line([[76.9457, 43.2383], [76.95, 43.24]], { times: [5000, 9000] })], proj, { timeUnit: 'ms' });
    expect(Array.from(ms.times)).toEqual([5, 9]);
  });

  test('reads MultiLineStrings as one trip per part, with nested coordTimes', () => {
    const f = {
      type: 'Feature',
      properties: { coordTimes: [[0, 10], [20, 30, 40]] },
      geometry: { type: 'MultiLineString', coordinates: [[[76.9457, 43.2383], [76.946, 43.2383]], [[76.946, 43.2383], [76.947, 43.2383], [76.948, 43.2383]]] },
    };
    const r = importTrips(f, proj);
    expect(r.numTrips).toBe(2);
    expect(Array.from(r.start)).toEqual([0, 2, 5]);
    expect(Array.from(r.featureIndex)).toEqual([0, 0]);
    expect(Array.from(r.times)).toEqual([0, 10, 20, 30, 40]);
  });

  test('reads plain coordinate lists in metres, with [x, y, t] or synthesised times (reported)', () => {
    const r = importTrips(
      [
        { coords: [[0, 0, 100], [30, 40, 150]], person: 7 },
        { coords: [[0, 0], [300, 400]], mode: 'car' },
        { coords: [[0, 0], [3, 4]], times: [1, 2] },
      ],
      null,
      { departure: 3600 },
    );
    expect(r.numTrips).toBe(3);
    expect(Array.from(r.coords)).toEqual([0, 0, 30, 40, 0, 0, 300, 400, 0, 0, 3, 4]);
    // Trip 1: 500 m by car from 3600 s at 25 km/h.
    expect(r.times[2]).toBe(3600);
    expect(r.times[3]).toBeCloseTo(3600 + 500 / TRAVEL_SPEEDS.car, 9);
    expect(Array.from(r.times.subarray(0, 2))).toEqual([100, 150]);
    expect(Array.from(r.times.subarray(4))).toEqual([1, 2]);
    expect(r.report).toHaveLength(1);
    expect(r.report[0]).toMatchObject({ index: 1, field: 'times', action: 'synthesised' });
    expect(r.personKeys).toEqual(['7', null, null]);
  });

  test('reports empty and one-point paths, NaN, decreasing times and unreadable values; never drops silently', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        line([], { times: [] }, 'empty'),
        line([[76.9457, 43.2383]], { times: [0] }, 'one'),
        line([[76.9457, 43.2383], [NaN, 43.24], [76.95, 43.24]], { times: [0, 5, 10] }, 'nan'),
        line([[76.9457, 43.2383], [76.95, 43.24], [76.96, 43.24]], { times: [0, 20, 10] }, 'backwards'),
        line([[76.9457, 43.2383], [76.95, 43.24]], { times: [0] }, 'short-times'),
        line([[76.9457, 43.2383], [76.95, 43.24]], { times: ['soon', 10], mode: 'rocket' }, 'odd'),
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [76.9, 43.2] } },
        { type: 'Feature', properties: {}, geometry: null },
        line([[76.9457, 43.2383], [200, 43.24], [76.95, 43.24]], { times: [0, 1, 2] }, 'lon'),
      ],
    };
    const r = importTrips(fc, proj);
    const by = (id: string | null) => r.report.filter((e) => e.id === id);
    expect(by('empty')).toMatchObject([{ field: 'geometry.coordinates', action: 'skipped' }]);
    expect(by('one')).toMatchObject([{ field: 'geometry.coordinates', value: '1 usable point(s)', action: 'skipped' }]);
    expect(by('nan')).toMatchObject([{ field: 'geometry.coordinates[1]', action: 'dropped' }]);
    expect(by('backwards')).toMatchObject([{ field: 'properties.times[2]', value: 10, action: 'dropped' }]);
    expect(by('short-times')).toMatchObject([{ field: 'properties.times', action: 'skipped' }]);
    expect(by('odd').map((e) => e.field)).toEqual(['mode', 'properties.times[0]', 'geometry.coordinates']);
    expect(by('lon')).toMatchObject([{ field: 'geometry.coordinates[1]', action: 'dropped' }]);
    expect(r.report.filter((e) => e.index === 6)).toMatchObject([{ field: 'geometry.type', value: 'Point' }]);
    expect(r.report.filter((e) => e.index === 7)).toMatchObject([{ field: 'geometry', action: 'skipped' }]);
    // Kept: nan (2 points), backwards (2 points), lon (2 points).
    expect(Array.from(r.featureIndex)).toEqual([2, 3, 8]);
    expect(Array.from(r.start)).toEqual([0, 2, 4, 6]);
    for (let k = 0; k < r.times.length; k++) expect(Number.isFinite(r.times[k]) && Number.isFinite(r.coords[2 * k])).toBe(true);
  });

  test('strict mode throws a typed error naming the field at the first problem', () => {
    expect(() => importTrips([{ coords: [[0, 0]] }], null, { strict: true })).toThrow(/importTrips: input\[0\]\.coords a path needs at least two usable points; skipped, got "1 usable point\(s\)"/);
    expect(() => importTrips([{ coords: [[0, 0, 0], [NaN, 1, 1], [2, 2, 2]] }], null, { strict: true })).toThrow(/input\[0\]\.coords\[1\]/);
    expect(() => importTrips([{ coords: [[0, 0, 5], [1, 1, 4]] }], null, { strict: true })).toThrow(/input\[0\]\.coords\[1\]\[2\] time decreases/);
    expect(() => importTrips([line([], {})], proj, { strict: true })).toThrow(InvalidInputError);
  });

  test('rejects unusable input and options', () => {
    expect(() => importTrips(42, proj)).toThrow(/importTrips: input must be a GeoJSON FeatureCollection/);
    expect(() => importTrips({ type: 'FeatureCollection', features: 3 }, proj)).toThrow(/input\.features must be an array/);
    expect(() => importTrips([line([[0, 0], [1, 1]])], null)).toThrow(/importTrips: projection must be a LocalProjection for GeoJSON input/);
    expect(() => importTrips([], null, { mode: 'bike' as never })).toThrow(/options\.mode must be one of "walk", "car"/);
    expect(() => importTrips([], null, { timeUnit: 'h' as never })).toThrow(/options\.timeUnit/);
    expect(() => importTrips([], null, { speeds: { walk: -1 } })).toThrow(/options\.speeds\.walk/);
    expect(() => importTrips([], null, { departure: NaN })).toThrow(/options\.departure/);
    expect(importTrips([], null).numTrips).toBe(0);
    // An array whose first item is broken is still read as GeoJSON when other items are Features.
    const mixed = importTrips([null, line([[76.9457, 43.2383], [76.95, 43.24]], { times: [0, 60] })], proj);
    expect(mixed.numTrips).toBe(1);
    expect(mixed.report).toMatchObject([{ index: 0, field: 'type', action: 'skipped' }]);
  });
});

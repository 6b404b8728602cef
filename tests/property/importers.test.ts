/**
 * Fuzzing every importer with generated bad inputs (issue 18): OSM cameras
 * (GeoJSON), OSM streets (XML), GeoJSON streets and buildings. Each outcome
 * is a typed error (a SightlineError naming the function and field) or a
 * result whose numbers are all finite — never NaN, Infinity, a raw
 * TypeError, or a hang (each call is timed).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importBuildings, importOsmCameras, importOsmStreetsXml, importStreets } from '../../src/index.js';
import { expectTypedOrFinite, params, timeout } from './settings.js';

/** Awkward tag values: long digit strings, overflowing and tiny numbers, units, wrong types. */
const tagValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('1' + '0'.repeat(400), '9'.repeat(40), '1e309', '-0', 'NaN', 'Infinity', '', ' ', '3,5 m', '40 ft', "12'", '360', '190-100', 'south', 'NE', '180, 270', '0x10', '1e-400', '5e-324'),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[0-9]{1,400}(\.[0-9]{1,5})?( ?(m|ft))?$/),
  fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }),
);

const lonArb = fc.oneof(fc.double({ min: -180, max: 180, noNaN: true }), fc.constantFrom(180, -180, 0, 1e308, -1e308, Number.NaN, Infinity, 5e-324));
const latArb = fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(90, -90, 0, 1e308, Number.NaN));
const nearLon = fc.double({ min: 8.5, max: 8.6, noNaN: true });
const nearLat = fc.double({ min: 47.3, max: 47.4, noNaN: true });
const position = fc.oneof({ weight: 4, arbitrary: fc.tuple(nearLon, nearLat) }, { weight: 1, arbitrary: fc.tuple(lonArb, latArb) });

const CAMERA_TAGS = ['man_made', 'surveillance', 'surveillance:type', 'surveillance:zone', 'camera:type', 'camera:mount', 'camera:direction', 'direction', 'camera:angle', 'height', 'camera:height', 'operator', 'camera:count'];

const cameraFeature = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    type: fc.constant('Feature'),
    geometry: fc.oneof({ weight: 6, arbitrary: position.map((c) => ({ type: 'Point', coordinates: c })) }, { weight: 1, arbitrary: fc.constantFrom(null, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, { type: 'Point' }, { type: 'Point', coordinates: [1] }) }),
    properties: fc.dictionary(fc.constantFrom(...CAMERA_TAGS), tagValue, { maxKeys: 8 }).map((p) => ({ man_made: 'surveillance', ...p })),
  }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 1, 'x', [], { type: 'Feature' }, { type: 'Feature', geometry: null, properties: null }) },
);

function timed(origin: string, run: () => unknown, limitMs = 5_000): void {
  const t0 = performance.now();
  expectTypedOrFinite(origin, run);
  const ms = performance.now() - t0;
  if (ms > limitMs) throw new Error(`${origin} took ${ms.toFixed(0)} ms on a small input`);
}

describe('importers never return NaN or Infinity, never throw raw errors, never hang (issue 18)', () => {
  test('importOsmCameras on generated feature collections and options', () => {
    const optionsArb = fc.oneof(
      fc.constant(undefined),
      fc.dictionary(fc.constantFrom('fov', 'height', 'tilt', 'resolutionPx', 'range', 'includeIndoor', 'splitMultiDirection', 'missingDirection'), fc.oneof(tagValue, fc.double()), { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(fc.array(cameraFeature, { maxLength: 12 }), optionsArb, (features, options) => {
        timed('importOsmCameras', () => {
          const r = importOsmCameras({ type: 'FeatureCollection', features }, options as never);
          // Every camera column is finite; every feature is imported or reported as skipped.
          expect(r.imported + r.skipped).toBe(features.length);
          return { cameras: r.cameras, skipped: r.skipped, imported: r.imported };
        });
      }),
      params(400),
    );
  }, timeout(60_000, 10));

  const xmlPieces = [
    '<node id="1" lat="0" lon="0"/>', '<node id="1" lat="60" lon="100"/>', '<node id="2" lat="1e400" lon="x"/>', '<node id="3" lat="0.001" lon="0.001"/>', '<node id="4" lat="90" lon="180"/>',
    '<way id="10">', '<way id="10"/>', '<way>', '</way>', '<nd ref="1"/>', '<nd ref="2"/>', '<nd ref="3"/>', '<nd ref="4"/>', '<nd ref="99"/>', '<nd/>',
    '<tag k="highway" v="primary"/>', '<tag k="highway" v="footway"/>', '<tag k="width" v="' + '9'.repeat(400) + '"/>', '<tag k="width" v="1e308"/>', '<tag k="name" v="&amp;&#x10FFFF;&#99999999;"/>',
    '<?', '?>', '<?xml version="1.0"?>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE osm>', '<', '>', '"', "'", '&', '<osm>', '</osm>', '<relation id="1">', '</relation>',
  ];
  test('importOsmStreetsXml on generated documents', () => {
    const doc = fc.array(fc.constantFrom(...xmlPieces), { maxLength: 40 }).map((parts) => `<?xml version="1.0"?>\n<osm version="0.6">\n${parts.join('\n')}\n</osm>`);
    const mutated = fc.tuple(doc, fc.nat(), fc.constantFrom(...xmlPieces), fc.nat({ max: 3000 })).map(([d, at, piece, repeat]) => {
      const i = at % (d.length + 1);
      return d.slice(0, i) + piece.repeat(1 + (repeat % 50 === 0 ? repeat : 0)) + d.slice(i);
    });
    fc.assert(
      fc.property(fc.oneof(doc, mutated), (xml) => {
        timed('importOsmStreetsXml', () => {
          const r = importOsmStreetsXml(xml);
          let bad = '';
          r.streets.forEachEdge((e, a) => {
            const { length, width } = a as { length: number; width: number };
            if (!(Number.isFinite(length) && Number.isFinite(width) && width > 0)) bad = `${e}: length ${length}, width ${width}`;
          });
          r.streets.forEachNode((n, a) => {
            const { x, y } = a as { x: number; y: number };
            if (!(Number.isFinite(x) && Number.isFinite(y))) bad = `${n}: (${x}, ${y})`;
          });
          expect(bad).toBe('');
          return { report: r.report.length, summary: r.summary };
        });
      }),
      params(400),
    );
  }, timeout(60_000, 10));

  const coordsArb = fc.array(position, { minLength: 0, maxLength: 6 });
  const lineFeature = fc.record({
    type: fc.constant('Feature'),
    geometry: fc.oneof(
      coordsArb.map((c) => ({ type: 'LineString', coordinates: c })),
      fc.array(coordsArb, { maxLength: 3 }).map((c) => ({ type: 'MultiLineString', coordinates: c })),
      fc.constantFrom(null, { type: 'Point', coordinates: [0, 0] }, { type: 'LineString' }, { type: 'LineString', coordinates: [[0], [1, 2, 3]] }),
    ),
    properties: fc.dictionary(fc.constantFrom('highway', 'width', 'name', 'streetClass', '@id'), fc.oneof(fc.constantFrom('primary', 'residential', 'footway', 'local', 'arterial'), tagValue), { maxKeys: 4 }),
  });
  test('importStreets on generated GeoJSON', () => {
    fc.assert(
      fc.property(fc.array(lineFeature, { maxLength: 10 }), fc.oneof(fc.constant({}), fc.record({ snapTolerance: fc.oneof(fc.double(), tagValue) }, { requiredKeys: [] }), fc.record({ widths: fc.dictionary(fc.constantFrom('arterial', 'local', 'toString'), fc.oneof(fc.double(), tagValue)) })), (features, options) => {
        timed('importStreets', () => {
          const r = importStreets({ type: 'FeatureCollection', features }, options as never);
          r.streets.forEachEdge((_e, a) => {
            const { length, width } = a as { length: number; width: number };
            expect(Number.isFinite(length) && Number.isFinite(width) && width > 0).toBe(true);
          });
          return { report: r.report.length, summary: r.summary };
        });
      }),
      params(400),
    );
  }, timeout(60_000, 10));

  const ringArb = fc.oneof(
    fc.tuple(nearLon, nearLat, fc.double({ min: 1e-5, max: 1e-3, noNaN: true })).map(([x, y, d]) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]),
    fc.array(position, { maxLength: 6 }),
  );
  const buildingFeature = fc.record({
    type: fc.constant('Feature'),
    geometry: fc.oneof(
      ringArb.map((r) => ({ type: 'Polygon', coordinates: [r] })),
      fc.array(ringArb, { maxLength: 2 }).map((rs) => ({ type: 'MultiPolygon', coordinates: rs.map((r) => [r]) })),
      fc.constantFrom(null, { type: 'Polygon' }, { type: 'Polygon', coordinates: [] }),
    ),
    properties: fc.dictionary(fc.constantFrom('building', 'height', 'building:levels', 'name'), tagValue, { maxKeys: 4 }),
  });
  test('importBuildings on generated GeoJSON', () => {
    fc.assert(
      fc.property(fc.array(buildingFeature, { maxLength: 8 }), fc.oneof(fc.constant({}), fc.record({ defaultHeight: fc.oneof(fc.double(), tagValue), metresPerLevel: fc.oneof(fc.double(), tagValue) }, { requiredKeys: [] })), (features, options) => {
        timed('importBuildings', () => {
          const r = importBuildings({ type: 'FeatureCollection', features }, options as never);
          // (A positive height below the smallest Float32, e.g. 8e-272 m, is stored as 0: finite, though not > 0.)
          for (const h of r.buildings.height) expect(Number.isFinite(h) && h >= 0).toBe(true);
          return { coords: r.buildings.coords, report: r.report.length };
        });
      }),
      params(400),
    );
  }, timeout(60_000, 10));
});

/**
 * Fuzzing the main public functions that take an options object (issue 18):
 * each option gets awkward values (overflowing, subnormal, negative, NaN,
 * wrong types, Symbols, BigInts, Object.prototype names), a few at a time.
 * Every outcome must be a SightlineError naming the function and the field,
 * or a result whose numbers are all finite; every call is timed.
 */
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { computeCoverage, computeStreetCoverage, coverageRaster, createCameraSet, doriDistance, generateGridCity, pixelDensity, placeUniform, routeExposure } from '../../src/index.js';
import { buildHierarchicalNetwork, streamBitrate } from '../../src/network/index.js';
import { expectTypedOrFinite, params, timeout } from './settings.js';

/** Values that broke something once, or could. */
const awkward: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 2, 1000, 1e6, 1e9, 1e308, -1e308, 5e-324, 1e-300, Number.MAX_SAFE_INTEGER, 2 ** 32, NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom('', 'auto', 'range', 'identify', 'detect', 'toString', '__proto__', 'constructor', '1', 'fibre', 'h264'),
  fc.constantFrom(null, true, false, [], {}, [0, 0, 1, 1], [0, 0, 5e-324, 5e-324], [-1e200, -1e200, 1e200, 1e200], [0, 0, 100, 100], { fibre: 1e308 }, { fibre: 1, lte: 1 }, { x: 0, y: 0 }),
  fc.constantFrom(Symbol('s'), 10n, () => 1, new Float64Array([NaN]), new Uint8Array(3)),
);

function optionsArb(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...keys), awkward, { maxKeys: 3 });
}

function timed(origin: string, run: () => unknown, limitMs = 10_000): void {
  const t0 = performance.now();
  expectTypedOrFinite(origin, run, ['provenance', 'params']);
  const ms = performance.now() - t0;
  if (ms > limitMs) throw new Error(`${origin} took ${ms.toFixed(0)} ms on a small input`);
}

const city = generateGridCity({ districts: 2 });
const cams = placeUniform(city.bounds, 60, { seed: 2, fov: 90, range: 40, live: true });
const small = createCameraSet([
  { x: 10, y: 10, heading: 0, fov: 90, range: 10 },
  { x: 0, y: 50, heading: 180, fov: 359.9999, range: 20 },
]);

describe('public functions with options: typed errors or finite results (issue 18)', () => {
  test('computeCoverage', () => {
    fc.assert(
      fc.property(optionsArb(['bounds', 'area', 'level', 'occlusion', 'availability', 'threads', 'city', 'buildings']), (o) => {
        timed('computeCoverage', () => computeCoverage(small, { bounds: [0, 0, 100, 100], ...o } as never));
      }),
      params(300),
    );
  }, timeout(60_000, 10));

  test('computeStreetCoverage', () => {
    fc.assert(
      fc.property(optionsArb(['bounds', 'area', 'level', 'occlusion', 'availability', 'perEdge', 'buildings']), (o) => {
        timed('computeStreetCoverage', () => computeStreetCoverage(cams, city, o as never));
      }),
      params(150),
    );
  }, timeout(60_000, 20));

  test('coverageRaster', () => {
    fc.assert(
      fc.property(optionsArb(['bounds', 'cellSize', 'level', 'occlusion', 'area']), (o) => {
        timed('coverageRaster', () => coverageRaster(small, { bounds: [0, 0, 100, 100], cellSize: 5, ...o } as never));
      }),
      params(200),
    );
  }, timeout(60_000, 10));

  test('placeUniform', () => {
    fc.assert(
      fc.property(awkward, optionsArb(['seed', 'fov', 'range', 'height', 'resolutionPx', 'heading', 'tilt', 'kind', 'operator', 'live', 'capabilities']), (count, o) => {
        const n = typeof count === 'number' && count > 500 ? 500 : count; // a huge count is refused elsewhere; keep runs small
        timed('placeUniform', () => placeUniform([0, 0, 100, 100], n as never, o as never));
      }),
      params(300),
    );
  }, timeout(60_000, 10));

  test('buildHierarchicalNetwork', () => {
    fc.assert(
      fc.property(
        optionsArb(['seed', 'numCentres', 'camerasPerAggregation', 'maxCamerasPerAggregation', 'hubUplinks', 'analyticsStreams', 'nationalAnalyticsStreams', 'aggregationLinkMix', 'aggregationUplinkMbps', 'hubUplinkMbps', 'latencyMsPerKm', 'nodeAvailability', 'aggregationStorageDays', 'centres', 'national', 'stream']),
        (o) => {
          timed('buildHierarchicalNetwork', () => {
            const net = buildHierarchicalNetwork(cams, city, o as never);
            return { storage: net.nodeStorageTB, analytics: net.nodeAnalyticsStreams, x: net.nodeX, y: net.nodeY };
          });
        },
      ),
      params(200),
    );
  }, timeout(60_000, 20));

  test('routeExposure', () => {
    const point = fc.oneof(fc.tuple(fc.double({ min: -50, max: 150, noNaN: true }), fc.double({ min: -50, max: 150, noNaN: true })), fc.tuple(awkward, awkward));
    fc.assert(
      fc.property(fc.array(point, { minLength: 0, maxLength: 5 }), optionsArb(['level', 'occlusion', 'availability', 'buildings', 'city', 'speed']), (path, o) => {
        timed('routeExposure', () => routeExposure(small, path as never, o as never));
      }),
      params(300),
    );
  }, timeout(60_000, 10));

  test('optics and stream bitrates', () => {
    fc.assert(
      fc.property(awkward, awkward, awkward, awkward, (a, b, c, d) => {
        timed('pixelDensity', () => pixelDensity(a as never, b as never, c as never));
        timed('doriDistance', () => doriDistance(a as never, b as never, d as never));
        timed('streamBitrate', () => streamBitrate(a as never, b === undefined ? undefined : (b as never), undefined, d === undefined ? undefined : (d as never)));
      }),
      params(300),
    );
  }, timeout(60_000, 10));

  test('createCameraSet', () => {
    const field = fc.dictionary(fc.constantFrom('x', 'y', 'heading', 'fov', 'range', 'height', 'tilt', 'resolutionPx', 'kind', 'operator', 'live', 'nodeId', 'capabilities', 'sourceId'), awkward, { maxKeys: 3 });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), (overrides) => {
        timed('createCameraSet', () => createCameraSet(overrides.map((o) => ({ x: 1, y: 2, heading: 3, fov: 90, ...o })) as never));
      }),
      params(300),
    );
  }, timeout(60_000, 10));
});

import { describe, expect, it } from 'vitest';
import { createCameraSet, concatCameraSets } from '../../src/cameras/camera-set.js';
import { MAX_CAMERAS } from '../../src/cameras/placement-common.js';
import {
  placeAlongStreets,
  placeAtIntersections,
  placeByPopulation,
  placeOnFacades,
  placeUniform,
} from '../../src/cameras/placement.js';
import { ALMATY_CAMERA_MIX, almatyCameras, scaleCameraMix } from '../../src/cameras/presets.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { gridCity } from './test-city.js';

/** Runs `f`, expects an InvalidInputError, returns it. */
function invalid(f: () => unknown): InvalidInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError, nothing was thrown');
}

describe('MAX_CAMERAS', () => {
  // 3 × 3 nodes, 100 m blocks: 12 street segments of 100 m; 4 degree-3 nodes and 1 degree-4 node.
  const city = gridCity({ n: 3, block: 100, inset: 10, population: { cellSize: 100, cols: 2, rows: 2, values: [1, 1, 1, 1] } });

  it('is fifty million', () => {
    expect(MAX_CAMERAS).toBe(50_000_000);
  });

  it('placeUniform refuses a count above the cap with a typed error naming count (not a RangeError)', () => {
    const e = invalid(() => placeUniform([0, 0, 10, 10], 1e12));
    expect(e.message).toBe('placeUniform: count must be at most MAX_CAMERAS = 50000000, got 1000000000000');
    expect(e.field).toBe('count');
    expect(invalid(() => placeUniform([0, 0, 10, 10], MAX_CAMERAS + 1)).value).toBe(MAX_CAMERAS + 1);
  });

  it('placeByPopulation refuses a count above the cap', () => {
    expect(invalid(() => placeByPopulation(city, MAX_CAMERAS + 1)).message).toMatch(/placeByPopulation: count must be at most MAX_CAMERAS = 50000000, got 50000001/);
  });

  it('placeAtIntersections computes cameras per intersection × intersections before allocating', () => {
    const e = invalid(() => placeAtIntersections(city, { camerasPerIntersection: 1e9 }));
    // 5 intersections × 1e9, counted by hand above.
    expect(e.message).toBe(
      'placeAtIntersections: options.camerasPerIntersection gives 5000000000 cameras (1000000000 at each of 5 intersections), more than MAX_CAMERAS = 50000000, got 1000000000',
    );
    expect(e.field).toBe('options.camerasPerIntersection');
    // Just above the cap: 5 × 10,000,001 = 50,000,005.
    expect(invalid(() => placeAtIntersections(city, { camerasPerIntersection: 10_000_001 })).message).toMatch(/gives 50000005 cameras/);
    expect(invalid(() => placeAtIntersections(city, { numCameras: MAX_CAMERAS + 1 })).message).toMatch(
      /placeAtIntersections: options.numCameras must be at most MAX_CAMERAS = 50000000, got 50000001/,
    );
    // Far below the cap it still works.
    expect(placeAtIntersections(city, { camerasPerIntersection: 3 }).numCameras).toBe(15);
  });

  it('placeAlongStreets computes the count a spacing gives before allocating', () => {
    const spacing = 1e-6;
    // Brute force: 12 segments of 100 m, cameras at (k + 0.5)·spacing < 100.
    const expected = 12 * Math.ceil(100 / spacing - 0.5);
    const e = invalid(() => placeAlongStreets(city, { spacing }));
    expect(e.field).toBe('options.spacing');
    expect(e.value).toBe(spacing);
    expect(e.message).toContain(`gives ${expected} cameras (over 1200.0 m of selected street), more than MAX_CAMERAS = 50000000`);
    expect(invalid(() => placeAlongStreets(city, { numCameras: 1e12 })).message).toMatch(/placeAlongStreets: options.numCameras must be at most MAX_CAMERAS = 50000000, got 1000000000000/);
    expect(placeAlongStreets(city, { spacing: 50 }).numCameras).toBe(24);
  });

  it('placeOnFacades computes the count a spacing gives before allocating', () => {
    const e = invalid(() => placeOnFacades(city, { spacing: 1e-6 }));
    expect(e.field).toBe('countOrSpacing.spacing');
    expect(e.message).toMatch(/^placeOnFacades: countOrSpacing.spacing gives \d+ cameras \(over [\d.]+ m of walls facing a street\), more than MAX_CAMERAS = 50000000, got 0.000001$/);
    expect(invalid(() => placeOnFacades(city, 1e12)).message).toMatch(/placeOnFacades: countOrSpacing must be at most MAX_CAMERAS/);
  });

  it('the presets refuse a numCameras above the cap', () => {
    expect(invalid(() => scaleCameraMix(ALMATY_CAMERA_MIX, MAX_CAMERAS + 1)).message).toMatch(/scaleCameraMix: numCameras must be at most MAX_CAMERAS = 50000000, got 50000001/);
    expect(invalid(() => almatyCameras(city, { numCameras: 1e12 })).message).toMatch(/almatyCameras: numCameras must be at most MAX_CAMERAS/);
  });
});

describe('concatCameraSets input checks', () => {
  const a = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);

  it('throws a typed error naming sets when the argument is not an array', () => {
    const e = invalid(() => concatCameraSets(null as never));
    expect(e.message).toBe('concatCameraSets: sets must be an array of CameraSets, got null');
    expect(invalid(() => concatCameraSets(a as never)).field).toBe('sets');
  });

  it('throws a typed error naming the offending element', () => {
    expect(invalid(() => concatCameraSets([null as never])).message).toBe('concatCameraSets: sets[0] must be a CameraSet, got null');
    expect(invalid(() => concatCameraSets([a, {} as never])).field).toBe('sets[1]');
    // eslint-disable-next-line no-sparse-arrays
    expect(invalid(() => concatCameraSets([, a] as never)).field).toBe('sets[0]');
  });

  it('still concatenates valid sets, and an empty list gives an empty set', () => {
    expect(concatCameraSets([a, a]).numCameras).toBe(2);
    expect(concatCameraSets([]).numCameras).toBe(0);
  });
});

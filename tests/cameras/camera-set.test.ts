import { describe, expect, test } from 'vitest';
import {
  CAMERA_DEFAULTS,
  CameraSetBuilder,
  CAPABILITY_FACE,
  CAPABILITY_PLATE,
  createCameraSet,
  doriDistance,
  InvalidInputError,
  NO_NODE,
  UsageError,
} from '../../src/index.js';

describe('createCameraSet', () => {
  test('stores every field in typed-array columns indexed by camera id', () => {
    const set = createCameraSet([
      { x: 1, y: 2, heading: 450, fov: 60, range: 40, height: 8, tilt: 20, resolutionPx: 3840, kind: 'dome', capabilities: ['face', 'plate'], operator: 'public', live: true, nodeId: 7, sourceId: 'node/1' },
      { x: -3, y: 4, heading: -90, fov: 360 },
    ]);
    expect(set.numCameras).toBe(2);
    expect(set.x).toBeInstanceOf(Float64Array);
    expect(Array.from(set.x)).toEqual([1, -3]);
    expect(set.heading[0]).toBe(90); // 450 normalised into [0, 360)
    expect(set.heading[1]).toBe(270);
    expect(set.capabilities[0]).toBe(CAPABILITY_FACE | CAPABILITY_PLATE);
    expect(set.live[0]).toBe(1);
    expect(set.nodeId[0]).toBe(7);
    expect(set.nodeId[1]).toBe(NO_NODE);
    expect(set.getCamera(0)).toMatchObject({ kind: 'dome', operator: 'public', capabilities: ['face', 'plate'], live: true, nodeId: 7, sourceId: 'node/1' });
  });

  test('applies the documented defaults, and a missing range is the DORI detect distance', () => {
    const set = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90 }]);
    const c = set.getCamera(0);
    expect(c.height).toBe(CAMERA_DEFAULTS.height);
    expect(c.tilt).toBe(CAMERA_DEFAULTS.tilt);
    expect(c.resolutionPx).toBe(CAMERA_DEFAULTS.resolutionPx);
    expect(c.kind).toBe('fixed');
    expect(c.live).toBe(false);
    expect(c.range).toBeCloseTo(doriDistance(1920, 90, 'detect'), 12);
    expect(set.sourceId).toBeNull();
  });

  test('subset renumbers the chosen cameras and filterIds selects by predicate', () => {
    const set = createCameraSet([0, 1, 2, 3].map((i) => ({ x: i, y: 0, heading: 0, fov: 90, range: 10, capabilities: i % 2 ? (['face'] as const) : [] })));
    const faces = set.filterIds((i, s) => (s.capabilities[i] & CAPABILITY_FACE) !== 0);
    expect(Array.from(faces)).toEqual([1, 3]);
    const sub = set.subset(faces);
    expect(sub.numCameras).toBe(2);
    expect(Array.from(sub.x)).toEqual([1, 3]);
    expect(() => set.subset([9])).toThrow(/CameraSet.subset: ids\[0\] must be an integer in \[0, 3\], got 9/);
  });

  test.each([
    ['NaN x', { x: NaN, y: 0, heading: 0, fov: 90 }, /createCameraSet: cameras\[0\].x must be a finite number, got NaN/],
    ['infinite y', { x: 0, y: Infinity, heading: 0, fov: 90 }, /cameras\[0\].y must be a finite number, got Infinity/],
    ['fov 0', { x: 0, y: 0, heading: 0, fov: 0 }, /cameras\[0\].fov must be in \(0, 360\], got 0/],
    ['fov 400', { x: 0, y: 0, heading: 0, fov: 400 }, /cameras\[0\].fov must be in \(0, 360\], got 400/],
    ['range 0', { x: 0, y: 0, heading: 0, fov: 90, range: 0 }, /cameras\[0\].range must be a finite number > 0, got 0/],
    ['negative range', { x: 0, y: 0, heading: 0, fov: 90, range: -5 }, /cameras\[0\].range must be a finite number > 0, got -5/],
    ['NaN heading', { x: 0, y: 0, heading: NaN, fov: 90 }, /cameras\[0\].heading must be a finite number/],
    ['tilt 100', { x: 0, y: 0, heading: 0, fov: 90, tilt: 100 }, /cameras\[0\].tilt must be in \[-90, 90\], got 100/],
    ['unknown kind', { x: 0, y: 0, heading: 0, fov: 90, kind: 'drone' }, /cameras\[0\].kind must be one of fixed, dome, panning, ptz, got "drone"/],
    ['unknown capability', { x: 0, y: 0, heading: 0, fov: 90, capabilities: ['gait'] }, /cameras\[0\].capabilities\[0\] must be "face" or "plate", got "gait"/],
    ['bad nodeId', { x: 0, y: 0, heading: 0, fov: 90, nodeId: -1 }, /cameras\[0\].nodeId must be an integer/],
    ['bad resolution', { x: 0, y: 0, heading: 0, fov: 90, resolutionPx: 0 }, /cameras\[0\].resolutionPx must be a finite number > 0, got 0/],
    ['not an object', null, /cameras\[0\] must be an object, got null/],
  ])('rejects %s with a message naming the camera and field', (_name, camera, message) => {
    expect(() => createCameraSet([camera as never])).toThrow(InvalidInputError);
    expect(() => createCameraSet([camera as never])).toThrow(message);
  });

  test('rejects a non-array', () => {
    expect(() => createCameraSet({} as never)).toThrow(/createCameraSet: cameras must be an array/);
  });
});

describe('CameraSetBuilder', () => {
  test('builds a set of a known size with add, then finish', () => {
    const b = new CameraSetBuilder(2);
    expect(b.add({ x: 0, y: 0, heading: 0, fov: 90, range: 5 })).toBe(0);
    expect(b.add({ x: 1, y: 1, heading: 0, fov: 90, range: 5 })).toBe(1);
    expect(b.finish().numCameras).toBe(2);
  });

  test('refuses more cameras than announced, or finishing early', () => {
    const b = new CameraSetBuilder(1);
    b.add({ x: 0, y: 0, heading: 0, fov: 90, range: 5 });
    expect(() => b.add({ x: 0, y: 0, heading: 0, fov: 90, range: 5 })).toThrow(UsageError);
    expect(() => new CameraSetBuilder(2).finish()).toThrow(/0 cameras were added but 2 were announced/);
    expect(() => new CameraSetBuilder(-1)).toThrow(/numCameras must be an integer >= 0, got -1/);
  });
});

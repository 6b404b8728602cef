/**
 * Issue 18, defects 5 and 6: no NaN or Infinity out, no raw TypeError. Each
 * reproduction of the issue is either refused with an InvalidInputError that
 * names the function, the field and the value, or gives a finite result.
 */
import { describe, expect, test } from 'vitest';
import { computeCoverage, createCameraSet, doriDistance, InvalidInputError, pixelDensity, routeExposure } from '../../src/index.js';
import { formatValue } from '../../src/core/internal.js';
import { streamBitrate } from '../../src/network/index.js';

function expectTyped(f: () => unknown, pattern: RegExp): void {
  let error: unknown = null;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, `expected an InvalidInputError matching ${pattern}`).toBeInstanceOf(InvalidInputError);
  expect((error as Error).message).toMatch(pattern);
}

const one = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);

describe('NaN and Infinity out (issue 18, defect 5)', () => {
  test('fov 5e-324 with no range: the derived range would be Infinity', () => {
    expectTyped(() => createCameraSet([{ x: 0, y: 0, heading: 0, fov: 5e-324 }]), /createCameraSet: cameras\[0\]\.fov is too narrow to derive a range.*got 5e-324/);
    expectTyped(() => createCameraSet([{ x: 0, y: 0, heading: 0, fov: 1e-300 }]), /cameras\[0\]\.fov/);
    expectTyped(() => createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 1e300 }]), /cameras\[0\]\.range must be at most/);
    // With a range the narrow camera is fine, and covers (almost) nothing.
    const r = computeCoverage(createCameraSet([{ x: 5, y: 5, heading: 0, fov: 5e-324, range: 3 }]), { bounds: [0, 0, 10, 10] });
    expect(r.coveredFraction).toBe(0);
  });

  test('bounds [0, 0, 5e-324, 5e-324] are refused (the area rounds to 0)', () => {
    expectTyped(() => computeCoverage(one, { bounds: [0, 0, 5e-324, 5e-324] }), /computeCoverage: options\.bounds must be at least 0\.001 m wide and high, got \[0,0,5e-324,5e-324\]/);
  });

  test('a polygon study area of ±1e200 is refused like the same bounds', () => {
    const e = 1e200;
    expectTyped(() => computeCoverage(one, { bounds: [-e, -e, e, e] }), /computeCoverage: options\.bounds must have a finite area/);
    expectTyped(() => computeCoverage(one, { area: [[[-e, -e], [e, -e], [e, e], [-e, e], [-e, -e]]] }), /computeCoverage: options\.area must have a finite area/);
  });

  test('height or resolution above the largest Float32 is refused (the columns are Float32)', () => {
    expectTyped(() => createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10, height: 3.5e38 }]), /createCameraSet: cameras\[0\]\.height must be at most 3\.4028234663852886e\+38.*got 3\.5e\+38/);
    expectTyped(() => createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10, resolutionPx: 1e39 }]), /createCameraSet: cameras\[0\]\.resolutionPx must be at most/);
    const ok = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10, height: 3.4e38, resolutionPx: 3.4e38 }]);
    expect(Number.isFinite(ok.height[0]) && Number.isFinite(ok.resolutionPx[0])).toBe(true);
  });

  test('routeExposure with points at ±1e308 is refused (the length would overflow), and a route of 1e-300 m (a share of NaN)', () => {
    expectTyped(() => routeExposure(one, [[-1e308, 0], [1e308, 0]]), /routeExposure: path\[0\]\[0\] must be within ±1000000000000 m, got -1e\+308/);
    expectTyped(() => routeExposure(one, [[0, 0], [1e-300, 0]]), /routeExposure: path must be at least 0\.000001 m long/);
  });

  test('streamBitrate(1e300) is refused (the bitrate overflows); a large finite one is finite', () => {
    expectTyped(() => streamBitrate(1e300), /streamBitrate: resolutionPx is too large.*got 1e\+300/);
    expect(Number.isFinite(streamBitrate(3.4e38))).toBe(true);
  });

  test('doriDistance and pixelDensity refuse what would overflow', () => {
    expectTyped(() => doriDistance(1920, 5e-324, 'detect'), /doriDistance: fov is too narrow/);
    expectTyped(() => pixelDensity(1920, 90, 5e-324), /pixelDensity: distance is too small/);
  });
});

describe('typed errors, never a raw TypeError (issue 18, defect 6)', () => {
  test('doriDistance({}, 90, "identify"), and a level that is an Object.prototype key', () => {
    expectTyped(() => doriDistance({} as never, 90, 'identify'), /doriDistance: resolutionPx must be a finite number > 0, got \{\}/);
    expectTyped(() => doriDistance(1920, 90, 'toString' as never), /doriDistance: level must be one of/);
    expectTyped(() => doriDistance(1920, 90, Symbol('x') as never), /doriDistance: level.*Symbol\(x\)/);
  });

  test('pixelDensity with a Symbol or a BigInt in any argument', () => {
    const bad: unknown[] = [Symbol('s'), 10n];
    for (const v of bad) {
      expectTyped(() => pixelDensity(v as never, 90, 10), /pixelDensity: resolutionPx/);
      expectTyped(() => pixelDensity(1920, v as never, 10), /pixelDensity: fov/);
      expectTyped(() => pixelDensity(1920, 90, v as never), /pixelDensity: distance/);
    }
  });

  test('formatValue never throws', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = { toJSON() { throw new Error('no'); } };
    for (const v of [Symbol('q'), Symbol(), [Symbol('q')], { a: Symbol('q') }, Object.create(null), revoked.proxy, throwing, () => 1, function named() {}, 1n, new Uint8Array(2)]) {
      expect(typeof formatValue(v)).toBe('string');
    }
    expect(formatValue(Symbol('q'))).toBe('Symbol(q)');
  });
});

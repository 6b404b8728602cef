import { describe, expect, test } from 'vitest';
import { DORI_PX_PER_M, doriDistance, InvalidInputError, pixelDensity, RECTILINEAR_MAX_FOV } from '../../src/index.js';

describe('DORI levels (EN 62676-4:2015)', () => {
  test('are 25, 62.5, 125 and 250 pixels per metre', () => {
    expect(DORI_PX_PER_M).toEqual({ detect: 25, observe: 62.5, recognise: 125, identify: 250 });
  });
});

describe('pixelDensity and doriDistance', () => {
  test('a 1920 px camera with a 90° lens has 96 px/m at 10 m: R / (2 d tan(45°))', () => {
    expect(pixelDensity(1920, 90, 10)).toBeCloseTo(96, 12);
  });

  test('identify distance of a Full-HD 90° camera is 3.84 m; detect 38.4 m (hand-worked: 1920 / (2 · D · tan 45°))', () => {
    expect(doriDistance(1920, 90, 'identify')).toBeCloseTo(3.84, 12);
    expect(doriDistance(1920, 90, 'detect')).toBeCloseTo(38.4, 12);
  });

  test('a 4K camera with a 30° lens identifies up to 3840 / (2 · 250 · tan 15°) = 28.66 m', () => {
    expect(doriDistance(3840, 30, 'identify')).toBeCloseTo(3840 / (500 * Math.tan(Math.PI / 12)), 12);
  });

  test('each level is the previous distance divided by the ratio of pixel densities', () => {
    const d = doriDistance(2560, 60, 'detect');
    expect(doriDistance(2560, 60, 'observe')).toBeCloseTo(d / 2.5, 12);
    expect(doriDistance(2560, 60, 'recognise')).toBeCloseTo(d / 5, 12);
    expect(doriDistance(2560, 60, 'identify')).toBeCloseTo(d / 10, 12);
  });

  test('range falls continuously and steadily as the field of view widens, through 120° and 180° up to 360°', () => {
    let previous = Infinity;
    for (let fov = 1; fov <= 360; fov += 0.5) {
      const d = doriDistance(1920, fov, 'detect');
      expect(d).toBeLessThan(previous);
      expect(d).toBeGreaterThan(0);
      previous = d;
    }
    const below = doriDistance(1920, RECTILINEAR_MAX_FOV - 1e-9, 'detect');
    const above = doriDistance(1920, RECTILINEAR_MAX_FOV + 1e-9, 'detect');
    expect(Math.abs(below - above)).toBeLessThan(1e-6);
    expect(Math.abs(doriDistance(1920, 179.9, 'detect') - doriDistance(1920, 180.1, 'detect'))).toBeLessThan(0.05);
  });

  test('bad input is named', () => {
    expect(() => pixelDensity(0, 90, 10)).toThrow(/pixelDensity: resolutionPx must be a finite number > 0, got 0/);
    expect(() => pixelDensity(1920, 400, 10)).toThrow(/pixelDensity: fov must be in \(0, 360\], got 400/);
    expect(() => pixelDensity(1920, 90, -1)).toThrow(/pixelDensity: distance must be a finite number > 0, got -1/);
    expect(() => doriDistance(1920, 0, 'detect')).toThrow(InvalidInputError);
    expect(() => doriDistance(1920, 90, 'see' as never)).toThrow(/doriDistance: level must be one of detect, observe, recognise, identify, got "see"/);
    expect(() => doriDistance(NaN, 90, 'detect')).toThrow(/got NaN/);
  });
});

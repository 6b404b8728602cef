import { describe, expect, test } from 'vitest';
import { InvalidInputError, NotFoundError, SightlineError, UsageError } from '../../src/index.js';
import { formatValue } from '../../src/core/errors.js';

describe('error classes', () => {
  test('an InvalidInputError names the function, the field and the value', () => {
    const e = new InvalidInputError('createCameraSet', 'cameras[17].fov', 'must be in (0, 360]', 400);
    expect(e.message).toBe('createCameraSet: cameras[17].fov must be in (0, 360], got 400');
    expect(e).toBeInstanceOf(SightlineError);
    expect(e).toBeInstanceOf(Error);
    expect(e.origin).toBe('createCameraSet');
    expect(e.field).toBe('cameras[17].fov');
    expect(e.value).toBe(400);
    expect(e.name).toBe('InvalidInputError');
  });

  test('NotFoundError and UsageError share the base class and the "origin: " prefix', () => {
    expect(new NotFoundError('f', 'nodeId', 12).message).toBe('f: nodeId 12 was not found');
    expect(new UsageError('g', 'call finish() first').message).toBe('g: call finish() first');
    expect(new UsageError('g', 'x')).toBeInstanceOf(SightlineError);
  });
});

describe('formatValue', () => {
  test('shows numbers, special numbers, strings, null and undefined unambiguously', () => {
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('-Infinity');
    expect(formatValue(1.5)).toBe('1.5');
    expect(formatValue('a')).toBe('"a"');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('undefined');
  });

  test('keeps long values short and never throws on cycles or typed arrays', () => {
    expect(formatValue('x'.repeat(200)).length).toBeLessThanOrEqual(82);
    expect(formatValue(new Array(100).fill(0))).toBe('an array of length 100');
    expect(formatValue(new Float64Array(3))).toBe('a Float64Array');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => formatValue(cyclic)).not.toThrow();
  });
});

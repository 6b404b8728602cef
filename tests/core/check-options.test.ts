import { describe, expect, it } from 'vitest';
import { InvalidInputError, SightlineError } from '../../src/index.js';
import { checkOptions, damerauLevenshtein, nearestKey, optionKeys, pickOptions, UnknownOptionError, withNestedOptions } from '../../src/core/check-options.js';

interface DemoOptions {
  level?: number;
  occlusion?: boolean;
  numCameras?: number;
  stream?: { fps?: number };
}
const DEMO_DEFAULTS = { level: 1, occlusion: true, chunk: 64 } as const;
const KEYS = withNestedOptions(optionKeys<DemoOptions>()(DEMO_DEFAULTS, ['numCameras', 'stream'], ['chunk']), { stream: ['fps'] });

function error(call: () => void): UnknownOptionError {
  try {
    call();
  } catch (e) {
    return e as UnknownOptionError;
  }
  throw new Error('expected an error');
}

describe('checkOptions', () => {
  it('knows the defaults keys (less the tuning constants) and the options without a default', () => {
    expect([...KEYS]).toEqual(['level', 'occlusion', 'numCameras', 'stream']);
  });

  it('accepts known keys, undefined values included, and undefined options', () => {
    expect(() => checkOptions('demo', { level: 2, occlusion: undefined }, KEYS)).not.toThrow();
    expect(() => checkOptions('demo', undefined, KEYS)).not.toThrow();
    expect(() => checkOptions('demo', {}, KEYS)).not.toThrow();
  });

  it('refuses an unknown key, naming it and the nearest known one', () => {
    const e = error(() => checkOptions('demo', { occlussion: true }, KEYS));
    expect(e).toBeInstanceOf(SightlineError);
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.message).toBe('demo: unknown option `occlussion`; did you mean `occlusion`?');
    expect(e.field).toBe('options.occlussion');
    expect(e.value).toBe(true);
    expect(e.origin).toBe('demo');
    expect(e.stack).toContain('unknown option `occlussion`');
  });

  it('refuses an unknown key whatever its value, undefined included; a tuning constant of the defaults is no option', () => {
    expect(error(() => checkOptions('demo', { levle: undefined }, KEYS)).message).toBe('demo: unknown option `levle`; did you mean `level`?');
    expect(error(() => checkOptions('demo', { chunk: 8 }, KEYS)).message).toBe('demo: unknown option `chunk`; known options: level, occlusion, numCameras, stream');
  });

  it('suggests by case, by distance, by containment and numX for a count', () => {
    expect(nearestKey('LEVEL', KEYS)).toBe('level');
    expect(nearestKey('cameras', KEYS)).toBe('numCameras');
    expect(nearestKey('count', KEYS)).toBe('numCameras');
    expect(nearestKey('numCamreas', KEYS)).toBe('numCameras');
    expect(nearestKey('xyz', KEYS)).toBeUndefined();
    expect(nearestKey('ab', ['cd'])).toBeUndefined();
  });

  it('lists the known keys when none is near', () => {
    expect(error(() => checkOptions('demo', { bogus: 1 }, KEYS)).message).toBe('demo: unknown option `bogus`; known options: level, occlusion, numCameras, stream');
    expect(error(() => checkOptions('demo', { bogus: 1 }, [])).message).toBe('demo: unknown option `bogus`; it takes no options');
  });

  it('refuses options that are not an object', () => {
    for (const bad of [null, 5, 'level', [1], true]) {
      const e = error(() => checkOptions('demo', bad, KEYS));
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e.message).toMatch(/^demo: options must be an object, got /);
    }
  });

  it('checks nested option objects, naming their path', () => {
    expect(error(() => checkOptions('demo', { stream: { fsp: 1 } }, KEYS)).message).toBe('demo: unknown option `fsp` in options.stream; did you mean `fps`?');
    expect(error(() => checkOptions('demo', { stream: { fsp: 1 } }, KEYS)).field).toBe('options.stream.fsp');
    expect(() => checkOptions('demo', { stream: { fps: 1 } }, KEYS)).not.toThrow();
    // Non-objects are left to the function's own checks.
    expect(() => checkOptions('demo', { stream: 5 }, KEYS)).not.toThrow();
  });

  it('picks the known entries for a function handing its options on', () => {
    expect(pickOptions({ level: 1, other: 2 }, KEYS)).toEqual({ level: 1 });
  });

  it('measures the Damerau–Levenshtein distance', () => {
    expect(damerauLevenshtein('occlussion', 'occlusion')).toBe(1);
    expect(damerauLevenshtein('numcenters', 'numcentres')).toBe(1);
    expect(damerauLevenshtein('abc', 'abc')).toBe(0);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting', 2)).toBe(2);
  });
});

import { describe, expect, test } from 'vitest';
import { saltelliDesign, sobolSequence, SALTELLI_MAX_PARAMETERS } from '../../src/sweep/index.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';

const PARAMS = { speed: [1, 3], fov: [30, 90], height: [2, 10] } as Record<string, [number, number]>;

describe('saltelliDesign', () => {
  test('lists N·(d + 2) points: rows of A, B and each AB_i, where AB_i is A with column i taken from B', () => {
    const design = saltelliDesign(PARAMS, { samples: 64, seed: 1 });
    const { names, points, index } = design;
    expect(names).toEqual(['speed', 'fov', 'height']);
    expect(design.samples).toBe(64);
    expect(points).toHaveLength(64 * 5);
    expect(index.ab).toHaveLength(3);
    const used = new Set([...index.a, ...index.b, ...index.ab.flat()]);
    expect(used.size).toBe(points.length);
    for (let j = 0; j < 64; j++) {
      const a = points[index.a[j]];
      const b = points[index.b[j]];
      names.forEach((name, i) => {
        const ab = points[index.ab[i][j]];
        for (const other of names) expect(ab[other]).toBe(other === name ? b[other] : a[other]);
      });
    }
  });

  test('scales one 2d-dimensional scrambled Sobol sequence to the ranges: the first d columns give A, the next d give B', () => {
    const design = saltelliDesign(PARAMS, { samples: 32, seed: 'k' });
    const u = sobolSequence(32, 6, { seed: createRng('k').stream('saltelliDesign') });
    const lows = [1, 30, 2];
    const spans = [2, 60, 8];
    for (let j = 0; j < 32; j++) {
      design.names.forEach((name, i) => {
        expect(design.points[design.index.a[j]][name]).toBe(lows[i] + spans[i] * u[j * 6 + i]);
        expect(design.points[design.index.b[j]][name]).toBe(lows[i] + spans[i] * u[j * 6 + 3 + i]);
      });
    }
    for (const p of design.points) {
      design.names.forEach((name, i) => {
        expect(p[name]).toBeGreaterThanOrEqual(lows[i]);
        expect(p[name]).toBeLessThan(lows[i] + spans[i]);
      });
    }
  });

  test('keeps a power-of-two sample stratified: each parameter of A and of B has one value in each of the N equal slices of its range', () => {
    const design = saltelliDesign(PARAMS, { samples: 256, seed: 9 });
    for (const rows of [design.index.a, design.index.b]) {
      design.names.forEach((name) => {
        const [low, high] = PARAMS[name];
        const bins = new Set(rows.map((k) => Math.floor(((design.points[k][name] - low) / (high - low)) * 256)));
        expect(bins.size).toBe(256);
      });
    }
  });

  test('rounds samples up to a power of two and records what was asked, the seed and the ranges', () => {
    const design = saltelliDesign({ x: [0, 1] }, { samples: 1000 });
    expect(design.samples).toBe(1024);
    expect(design.requestedSamples).toBe(1000);
    expect(design.seed).toBe(0);
    expect(design.parameters).toEqual({ x: [0, 1] });
    expect(design.points).toHaveLength(1024 * 3);
    expect(saltelliDesign({ x: [0, 1] }).samples).toBe(4096);
    expect(JSON.parse(JSON.stringify(design))).toEqual(design);
  });

  test('is reproducible from the seed and changes with it', () => {
    expect(saltelliDesign(PARAMS, { samples: 16, seed: 4 })).toEqual(saltelliDesign(PARAMS, { samples: 16, seed: 4 }));
    expect(saltelliDesign(PARAMS, { samples: 16, seed: 4 }).points).not.toEqual(saltelliDesign(PARAMS, { samples: 16, seed: 5 }).points);
  });

  test('rejects bad ranges, too many parameters, bad samples or seeds and unknown options, naming the field', () => {
    expect(() => saltelliDesign({})).toThrow(/saltelliDesign: parameters must name at least one parameter/);
    expect(() => saltelliDesign({ a: [1, 1] })).toThrow(/saltelliDesign: parameters.a must have low < high, got \[1,1\]/);
    expect(() => saltelliDesign({ a: [0, Infinity] })).toThrow(/parameters.a\[1\] must be a finite number/);
    expect(() => saltelliDesign({ a: [0] as never })).toThrow(/parameters.a must be \[low, high\]/);
    expect(() => saltelliDesign({ a: [-1e308, 1e308] })).toThrow(/finite span/);
    expect(() => saltelliDesign(JSON.parse('{"__proto__": [0, 1]}'))).toThrow(/parameters.__proto__ is not allowed/);
    const many = Object.fromEntries(Array.from({ length: SALTELLI_MAX_PARAMETERS + 1 }, (_, i) => [`p${i}`, [0, 1] as [number, number]]));
    expect(() => saltelliDesign(many)).toThrow(/at most 80 parameters/);
    expect(() => saltelliDesign({ a: [0, 1] }, { samples: 1 })).toThrow(/saltelliDesign: options.samples must be an integer in \[2, 16777216\], got 1/);
    expect(() => saltelliDesign({ a: [0, 1] }, { samples: 10.5 })).toThrow(InvalidInputError);
    expect(() => saltelliDesign({ a: [0, 1] }, { seed: {} as never })).toThrow(/options.seed must be a string or a finite number/);
    expect(() => saltelliDesign({ a: [0, 1] }, { sample: 4 } as never)).toThrow(/saltelliDesign: unknown option `sample`; did you mean `samples`?/);
  });
});

import { describe, expect, test } from 'vitest';
import { saltelliDesign, sobolFromEvaluations, sobolIndices, SOBOL_DEFAULTS } from '../../src/sweep/index.js';
import type { SobolIndices } from '../../src/sweep/index.js';
import { InvalidInputError } from '../../src/core/errors.js';

/**
 * The Ishigami function, f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³ with a = 7, b = 0.1
 * (T. Ishigami and T. Homma, Proc. ISUMA 1990, pp. 398–403).
 */
const A = 7;
const B = 0.1;
const ishigami = ({ x1, x2, x3 }: Record<string, number>): number => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
const CUBE: Record<string, [number, number]> = { x1: [-Math.PI, Math.PI], x2: [-Math.PI, Math.PI], x3: [-Math.PI, Math.PI] };

/**
 * Closed-form indices of the Ishigami function (Ishigami and Homma 1990; A. Saltelli et al., Global
 * Sensitivity Analysis: The Primer, Wiley 2008), from its ANOVA terms: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
 * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = 8b²π⁸/225 — so S = 0.3139, 0.4424, 0 and
 * S_T = (V1 + V13)/V, V2/V, V13/V = 0.5576, 0.4424, 0.2437.
 */
const pi4 = Math.PI ** 4;
const pi8 = Math.PI ** 8;
const V = (A * A) / 8 + (B * pi4) / 5 + (B * B * pi8) / 18 + 0.5;
const V1 = (1 + (B * pi4) / 5) ** 2 / 2;
const V2 = (A * A) / 8;
const V13 = (8 * B * B * pi8) / 225;
const ISHIGAMI_FIRST = { x1: V1 / V, x2: V2 / V, x3: 0 };
const ISHIGAMI_TOTAL = { x1: (V1 + V13) / V, x2: V2 / V, x3: V13 / V };

function defined(r: SobolIndices): Extract<SobolIndices, { reason: null }> {
  if (r.reason !== null) throw new Error(`indices undefined: ${r.reason}`);
  return r;
}

describe('sobolIndices', () => {
  test('the closed form of the Ishigami indices is 0.3139 / 0.4424 / 0 (first) and 0.5576 / 0.4424 / 0.2437 (total)', () => {
    expect(ISHIGAMI_FIRST.x1).toBeCloseTo(0.3139, 4);
    expect(ISHIGAMI_FIRST.x2).toBeCloseTo(0.4424, 4);
    expect(ISHIGAMI_TOTAL.x1).toBeCloseTo(0.5576, 4);
    expect(ISHIGAMI_TOTAL.x3).toBeCloseTo(0.2437, 4);
  });

  test('recovers the Ishigami indices within 0.025 from 65,536 base samples (327,680 model calls, about a second)', async () => {
    const started = performance.now();
    const r = defined(await sobolIndices(ishigami, CUBE, { samples: 65_536, bootstrap: 0 }));
    const seconds = (performance.now() - started) / 1000;
    expect(r.evaluations).toBe(65_536 * 5);
    expect(r.samples).toBe(65_536);
    for (const name of ['x1', 'x2', 'x3'] as const) {
      expect(Math.abs(r.first[name] - ISHIGAMI_FIRST[name]), `first ${name}`).toBeLessThan(0.025);
      expect(Math.abs(r.total[name] - ISHIGAMI_TOTAL[name]), `total ${name}`).toBeLessThan(0.025);
    }
    expect(r.variance).toBeCloseTo(V, 1);
    expect(r.firstInterval).toBeNull();
    expect(seconds).toBeLessThan(10);
  });

  test('gives 90 % bootstrap intervals at 4096 base samples that cover every closed-form Ishigami index', async () => {
    const r = defined(await sobolIndices(ishigami, CUBE, { samples: 4096, seed: 0 }));
    const firstInterval = r.firstInterval!;
    const totalInterval = r.totalInterval!;
    for (const name of ['x1', 'x2', 'x3'] as const) {
      expect(firstInterval[name].lo, `first ${name}`).toBeLessThanOrEqual(ISHIGAMI_FIRST[name]);
      expect(firstInterval[name].hi, `first ${name}`).toBeGreaterThanOrEqual(ISHIGAMI_FIRST[name]);
      expect(totalInterval[name].lo, `total ${name}`).toBeLessThanOrEqual(ISHIGAMI_TOTAL[name]);
      expect(totalInterval[name].hi, `total ${name}`).toBeGreaterThanOrEqual(ISHIGAMI_TOTAL[name]);
      expect(firstInterval[name].lo).toBeLessThan(firstInterval[name].hi);
      expect(firstInterval[name]).toMatchObject({ level: 0.9, method: 'percentile bootstrap, 1000 resamples of the 4096 base rows' });
    }
    expect(r.params).toMatchObject({ samples: 4096, seed: 0, bootstrapSeed: 0, bootstrap: 1000, level: 0.9 });
  });

  test('a linear model of independent uniforms has S_i = S_Ti = a_i² w_i² / Σ a_j² w_j²', async () => {
    // y = 2 x1 − 3 x2 + 0.5 x3, x1 ~ U[0, 1], x2 ~ U[−1, 1], x3 ~ U[10, 14]. Var(a_i x_i) = a_i² w_i² / 12 and the
    // terms are independent and additive, so V_i = a_i² w_i² / 12, no interactions (S_Ti = S_i):
    // a_i² w_i² = 4·1, 9·4, 0.25·16 = 4, 36, 4 (sum 44), so S = 1/11, 9/11, 1/11.
    const r = defined(await sobolIndices(({ x1, x2, x3 }) => 2 * x1 - 3 * x2 + 0.5 * x3, { x1: [0, 1], x2: [-1, 1], x3: [10, 14] }, { samples: 4096, bootstrap: 0, seed: 2 }));
    const expected = { x1: 1 / 11, x2: 9 / 11, x3: 1 / 11 };
    for (const name of ['x1', 'x2', 'x3'] as const) {
      expect(r.first[name], `first ${name}`).toBeCloseTo(expected[name], 2);
      expect(r.total[name], `total ${name}`).toBeCloseTo(expected[name], 2);
    }
    // Var(y) = 44 / 12.
    expect(r.variance).toBeCloseTo(44 / 12, 2);
  });

  test('is unchanged by adding a constant to the model (the first-order estimator is centred)', async () => {
    const options = { samples: 1024, bootstrap: 50, seed: 3 };
    const r = defined(await sobolIndices(ishigami, CUBE, options));
    const shifted = defined(await sobolIndices((x) => ishigami(x) + 1e6, CUBE, options));
    for (const name of ['x1', 'x2', 'x3']) {
      expect(shifted.first[name]).toBeCloseTo(r.first[name], 6);
      expect(shifted.total[name]).toBeCloseTo(r.total[name], 6);
    }
  });

  test('gives identical output for the same seed (deep equal), different output for another seed, and awaits async models', async () => {
    const options = { samples: 256, bootstrap: 100, seed: 'camera-grid' };
    const one = await sobolIndices(ishigami, CUBE, options);
    const two = await sobolIndices(async (x) => ishigami(x), CUBE, options);
    expect(two).toEqual(one);
    const other = await sobolIndices(ishigami, CUBE, { ...options, seed: 'camera-grid-2' });
    expect(other.first).not.toEqual(one.first);
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
  });

  test('calls the model one point at a time, in the design order, with a fresh object each call', async () => {
    const seen: Record<string, number>[] = [];
    let running = 0;
    await sobolIndices(
      async (x) => {
        running++;
        expect(running).toBe(1);
        seen.push({ ...x });
        x.a = 99; // a model that writes on its argument changes nothing
        await Promise.resolve();
        running--;
        return x.b;
      },
      { a: [0, 1], b: [0, 1] },
      { samples: 8, bootstrap: 0 },
    );
    expect(seen).toEqual(saltelliDesign({ a: [0, 1], b: [0, 1] }, { samples: 8 }).points);
  });

  test('gives null indices with a reason, never NaN, for a constant model', async () => {
    const r = await sobolIndices(() => 0.1 + 0.2, CUBE, { samples: 64 });
    expect(r.reason).toMatch(/zero variance/);
    expect(r).toMatchObject({ first: null, total: null, firstInterval: null, totalInterval: null, variance: 0, evaluations: 64 * 5 });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  test('a parameter the model ignores gets indices near 0, and an input that acts alone gets S = S_T', async () => {
    const r = defined(await sobolIndices(({ a }) => a * a, { a: [0, 1], unused: [0, 1] }, { samples: 2048, bootstrap: 0 }));
    expect(r.first.unused).toBeCloseTo(0, 2);
    expect(r.total.unused).toBe(0);
    expect(r.first.a).toBeCloseTo(1, 2);
    expect(r.total.a).toBeCloseTo(1, 2);
  });

  test('uses the documented defaults', async () => {
    expect(SOBOL_DEFAULTS).toEqual({ samples: 4096, bootstrap: 1000, level: 0.9, seed: 0 });
    const r = await sobolIndices(({ a }) => a, { a: [0, 1] }, { bootstrap: 2 });
    expect(r.samples).toBe(4096);
    expect(r.params).toMatchObject({ seed: 0, level: 0.9 });
  });

  test('rejects a model output that is not a finite number, naming sobolIndices, the point and the value', async () => {
    await expect(sobolIndices(({ a }) => (a > 0.5 ? Number.NaN : a), { a: [0, 1] }, { samples: 8 })).rejects.toThrow(/^sobolIndices: model\(\{"a":0\.\d+\}\) \(point \d+\) must return a finite number, got NaN$/);
    await expect(sobolIndices(() => Infinity, { a: [0, 1] }, { samples: 8 })).rejects.toThrow(InvalidInputError);
    await expect(sobolIndices((() => '3') as never, { a: [0, 1] }, { samples: 8 })).rejects.toThrow(/got "3"/);
    await expect(sobolIndices(() => { throw new RangeError('model failed'); }, { a: [0, 1] }, { samples: 8 })).rejects.toThrow(RangeError);
  });

  test('checks every option before the first model call, naming an unknown key', async () => {
    let calls = 0;
    const model = (): number => ++calls;
    await expect(sobolIndices(model, { a: [0, 1] }, { sample: 8 } as never)).rejects.toThrow(/sobolIndices: unknown option `sample`; did you mean `samples`?/);
    await expect(sobolIndices(model, { a: [0, 1] }, { samples: 1 })).rejects.toThrow(/sobolIndices: options.samples must be an integer in \[2, /);
    await expect(sobolIndices(model, { a: [0, 1] }, { samples: 2.5 })).rejects.toThrow(InvalidInputError);
    await expect(sobolIndices(model, { a: [0, 1] }, { bootstrap: -1 })).rejects.toThrow(/options.bootstrap must be an integer in \[0, 100000\]/);
    await expect(sobolIndices(model, { a: [0, 1] }, { level: 1 })).rejects.toThrow(/options.level must be a number in \(0, 1\)/);
    await expect(sobolIndices(model, { a: [0, 1] }, { seed: Number.NaN })).rejects.toThrow(/options.seed must be a string or a finite number/);
    await expect(sobolIndices(model, { a: [2, 1] })).rejects.toThrow(/sobolIndices: parameters.a must have low < high/);
    await expect(sobolIndices(model, {})).rejects.toThrow(/at least one parameter/);
    await expect(sobolIndices('f' as never, { a: [0, 1] })).rejects.toThrow(/sobolIndices: model must be a function/);
    expect(calls).toBe(0);
  });
});

describe('sobolFromEvaluations', () => {
  test('returns exactly what sobolIndices returns from the same design and outputs, also after a JSON round trip', async () => {
    const options = { samples: 512, seed: 11, bootstrap: 200, level: 0.8 };
    const direct = await sobolIndices(ishigami, CUBE, options);
    const design = JSON.parse(JSON.stringify(saltelliDesign(CUBE, { samples: 512, seed: 11 })));
    const values = design.points.map(ishigami);
    expect(sobolFromEvaluations(design, values, { bootstrap: 200, level: 0.8 })).toEqual(direct);
    expect(sobolFromEvaluations(design, Float64Array.from(values), { bootstrap: 200, level: 0.8, seed: 11 })).toEqual(direct);
  });

  test('draws the bootstrap from its own seed: the point estimates stay, the intervals move', () => {
    const design = saltelliDesign(CUBE, { samples: 256, seed: 1 });
    const values = design.points.map(ishigami);
    const a = defined(sobolFromEvaluations(design, values, { bootstrap: 100 }));
    const b = defined(sobolFromEvaluations(design, values, { bootstrap: 100, seed: 'other' }));
    expect(b.first).toEqual(a.first);
    expect(b.firstInterval).not.toEqual(a.firstInterval);
    expect(b.params.bootstrapSeed).toBe('other');
  });

  test('rejects outputs that do not match the design, naming the index and value', () => {
    const design = saltelliDesign({ a: [0, 1] }, { samples: 4 });
    const values = design.points.map(({ a }) => a);
    expect(() => sobolFromEvaluations(design, values.slice(1))).toThrow(/sobolFromEvaluations: values.length must equal the number of points \(12\), got 11/);
    expect(() => sobolFromEvaluations(design, values.map((v, k) => (k === 5 ? Number.NaN : v)))).toThrow(/sobolFromEvaluations: values\[5\] must be a finite number, got NaN/);
    expect(() => sobolFromEvaluations(design, 'x' as never)).toThrow(/values must be an array of numbers/);
    expect(() => sobolFromEvaluations({ ...design, index: { ...design.index, a: [0, 1] } }, values)).toThrow(/design.index.a must be an array of 4 point positions/);
    expect(() => sobolFromEvaluations({ ...design, names: [] }, values)).toThrow(/design.names/);
    expect(() => sobolFromEvaluations(design, values, { samples: 4 } as never)).toThrow(/sobolFromEvaluations: unknown option `samples`/);
  });
});

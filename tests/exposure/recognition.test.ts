import { describe, expect, it } from 'vitest';
import {
  RECOGNITION_PRESETS,
  falseAlertProbability,
  identifiedAtLeastOnce,
  perEntryFromFpir,
  recognitionModel,
} from '../../src/exposure/recognition.js';
import { InvalidInputError } from '../../src/core/errors.js';

describe('falseAlertProbability', () => {
  it('equals 1 − (1 − p1)^N on moderate values', () => {
    for (const [p1, n] of [[0.01, 10], [0.2, 3], [1e-3, 1000], [0.5, 1]] as const) {
      expect(falseAlertProbability(p1, n)).toBeCloseTo(1 - (1 - p1) ** n, 14);
    }
  });
  it('keeps full precision where the naive formula loses it (p1 = 1e-12, N = 1e6 gives ≈ 1e-6)', () => {
    // Series: 1 − (1 − p)^N = Np − N(N−1)p²/2 + … = 1e-6 − 5e-13 + …
    const v = falseAlertProbability(1e-12, 1e6);
    expect(v / (1e-6 - 0.5 * 1e6 * (1e6 - 1) * 1e-24) - 1).toBeLessThan(1e-12);
  });
  it('is 0 for p1 = 0, 1 for p1 = 1, and p1 for a gallery of one', () => {
    expect(falseAlertProbability(0, 1e9)).toBe(0);
    expect(falseAlertProbability(1, 5)).toBe(1);
    expect(falseAlertProbability(0.37, 1)).toBeCloseTo(0.37, 15);
  });
  it('grows with the gallery size', () => {
    expect(falseAlertProbability(1e-7, 1e6)).toBeGreaterThan(falseAlertProbability(1e-7, 1e5));
  });
  it('rejects probabilities outside [0, 1] and galleries smaller than 1', () => {
    expect(() => falseAlertProbability(-0.1, 10)).toThrow(/falseAlertProbability: p1 must be a probability in \[0, 1\], got -0.1/);
    expect(() => falseAlertProbability(1.5, 10)).toThrow(InvalidInputError);
    expect(() => falseAlertProbability(Number.NaN, 10)).toThrow(/p1.*NaN/);
    expect(() => falseAlertProbability(0.1, 0)).toThrow(/falseAlertProbability: galleryN must be a finite number >= 1, got 0/);
    expect(() => falseAlertProbability(0.1, Infinity)).toThrow(/galleryN/);
  });
});

describe('perEntryFromFpir', () => {
  it('inverts falseAlertProbability', () => {
    for (const [fpir, n] of [[0.003, 12e6], [3e-6, 16000], [0.5, 2], [0.1, 1]] as const) {
      const p1 = perEntryFromFpir(fpir, n);
      expect(falseAlertProbability(p1, n) / fpir - 1).toBeLessThan(1e-12);
    }
  });
  it('is close to FPIR / N for small FPIR (0.003 at 12 million ≈ 2.504e-10)', () => {
    // −ln(1 − 0.003)/12e6 = 0.0030045/12e6 = 2.50376e-10
    expect(perEntryFromFpir(0.003, 12e6)).toBeCloseTo(2.50376e-10, 14);
  });
  it('rejects bad FPIR and gallery sizes', () => {
    expect(() => perEntryFromFpir(2, 10)).toThrow(/perEntryFromFpir: fpir/);
    expect(() => perEntryFromFpir(0.1, 0.5)).toThrow(/perEntryFromFpir: galleryN must be a finite number >= 1, got 0.5/);
  });
});

describe('identifiedAtLeastOnce', () => {
  it('is 1 − Π(1 − p) (hand-worked: 0.5, 0.5 → 0.75; 0.2, 0.5, 0.1 → 1 − 0.8·0.5·0.9 = 0.64)', () => {
    expect(identifiedAtLeastOnce([0.5, 0.5])).toBeCloseTo(0.75, 15);
    expect(identifiedAtLeastOnce(new Float64Array([0.2, 0.5, 0.1]))).toBeCloseTo(0.64, 15);
  });
  it('is 0 for no captures and 1 when one capture is certain', () => {
    expect(identifiedAtLeastOnce([])).toBe(0);
    expect(identifiedAtLeastOnce([0.1, 1, 0.2])).toBe(1);
  });
  it('stays accurate for many tiny probabilities (1e6 × 1e-9 ≈ 1e-3 − 5e-7)', () => {
    const p = new Float64Array(1e6).fill(1e-9);
    const expected = -Math.expm1(1e6 * Math.log1p(-1e-9));
    expect(identifiedAtLeastOnce(p) / expected - 1).toBeLessThan(1e-9);
  });
  it('rejects entries outside [0, 1] naming the index, and non-arrays', () => {
    expect(() => identifiedAtLeastOnce([0.1, 1.2])).toThrow(/identifiedAtLeastOnce: p\[1\] must be a probability in \[0, 1\], got 1.2/);
    expect(() => identifiedAtLeastOnce([Number.NaN])).toThrow(/p\[0\].*NaN/);
    expect(() => identifiedAtLeastOnce(null as unknown as number[])).toThrow(/identifiedAtLeastOnce: p must be an array/);
  });
});

describe('RECOGNITION_PRESETS', () => {
  it('derives P_1 from each preset\'s published FPIR at its gallery size', () => {
    for (const m of Object.values(RECOGNITION_PRESETS)) {
      expect(falseAlertProbability(m.falsePositivePerEntry, m.referenceGallerySize) / m.fpir - 1).toBeLessThan(1e-12);
      expect(m.truePositiveRate).toBeGreaterThan(0);
      expect(m.truePositiveRate).toBeLessThanOrEqual(1);
      expect(m.source.length).toBeGreaterThan(10);
    }
  });
  it('holds the sourced figures: NIST photo TPR 0.998 at FPIR 0.003 (12 million); Met FPIR 10 / 3,147,436', () => {
    const nist = RECOGNITION_PRESETS['nist-photo-1n'];
    expect(nist.truePositiveRate).toBeCloseTo(0.998, 12);
    expect(nist.fpir).toBe(0.003);
    expect(nist.referenceGallerySize).toBe(12_000_000);
    expect(RECOGNITION_PRESETS['london-met-lfr'].fpir).toBeCloseTo(10 / 3_147_436, 18);
    expect(RECOGNITION_PRESETS['nist-video-noncooperative'].truePositiveRate).toBe(0.6);
  });
  it('is frozen', () => {
    expect(Object.isFrozen(RECOGNITION_PRESETS)).toBe(true);
    expect(Object.isFrozen(RECOGNITION_PRESETS['nist-photo-1n'])).toBe(true);
  });
});

describe('recognitionModel', () => {
  it('returns presets by name', () => {
    expect(recognitionModel('london-met-lfr')).toBe(RECOGNITION_PRESETS['london-met-lfr']);
  });
  it('derives P_1 from a user FPIR and gallery size', () => {
    const m = recognitionModel({ name: 'mine', truePositiveRate: 0.9, fpir: 0.01, referenceGallerySize: 100 });
    expect(m.falsePositivePerEntry).toBeCloseTo(1 - 0.99 ** (1 / 100), 15);
    expect(m.source).toBe('user-defined');
  });
  it('accepts P_1 directly and fills FPIR at the given (or unit) gallery', () => {
    const m = recognitionModel({ name: 'p1', truePositiveRate: 0.5, falsePositivePerEntry: 1e-6, referenceGallerySize: 1000, source: 'lab' });
    expect(m.fpir).toBeCloseTo(1 - (1 - 1e-6) ** 1000, 12); // the naive power loses ~1e-14
    expect(m.source).toBe('lab');
    const u = recognitionModel({ name: 'u', truePositiveRate: 0.5, falsePositivePerEntry: 0.2 });
    expect(u.referenceGallerySize).toBe(1);
    expect(u.fpir).toBeCloseTo(0.2, 15);
  });
  it('throws on unknown presets, missing or out-of-range fields', () => {
    expect(() => recognitionModel('nist')).toThrow(/recognitionModel: spec must be one of "nist-photo-1n"/);
    expect(() => recognitionModel('toString')).toThrow(InvalidInputError);
    expect(() => recognitionModel({ name: '', truePositiveRate: 0.5, fpir: 0.1, referenceGallerySize: 1 })).toThrow(/spec.name must be a non-empty string/);
    expect(() => recognitionModel({ name: 'x', truePositiveRate: 1.1, fpir: 0.1, referenceGallerySize: 1 })).toThrow(/recognitionModel: spec.truePositiveRate must be a probability in \[0, 1\], got 1.1/);
    expect(() => recognitionModel({ name: 'x', fpir: 0.1, referenceGallerySize: 1 })).toThrow(/spec.truePositiveRate/);
    expect(() => recognitionModel({ name: 'x', truePositiveRate: 0.5, fpir: -1, referenceGallerySize: 1 })).toThrow(/spec.fpir/);
    expect(() => recognitionModel({ name: 'x', truePositiveRate: 0.5, fpir: 0.1 })).toThrow(/spec.referenceGallerySize must be given with spec.fpir/);
    expect(() => recognitionModel({ name: 'x', truePositiveRate: 0.5, fpir: 0.1, referenceGallerySize: 0 })).toThrow(/spec.referenceGallerySize must be a finite number >= 1, got 0/);
    expect(() => recognitionModel({ name: 'x', truePositiveRate: 0.5 })).toThrow(/spec.falsePositivePerEntry or spec.fpir/);
    expect(() => recognitionModel({ name: 'x', truePositiveRate: 0.5, falsePositivePerEntry: 2 })).toThrow(/spec.falsePositivePerEntry must be a probability/);
    expect(() => recognitionModel(null as unknown as string)).toThrow(/recognitionModel: spec must be an object/);
  });
});

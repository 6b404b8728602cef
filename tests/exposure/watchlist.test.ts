import { describe, expect, it } from 'vitest';
import { watchlistIdentifications } from '../../src/exposure/watchlist.js';
import { RECOGNITION_PRESETS, falseAlertProbability } from '../../src/exposure/recognition.js';

describe('watchlistIdentifications', () => {
  it('reproduces the London Met figures as a worked example: 10 false alerts in 3,147,436 scans', () => {
    // Met LFR Sept 2024 – Sept 2025: 3,147,436 faces scanned, 2,077 alerts, 10 false ⇒ 2,067 true.
    // With the preset's TPR 0.89, 2,067 true alerts mean ≈ 2,067 / 0.89 = 2,322.5 scans of watchlisted people;
    // the other 3,145,113.5 scans each raise a false alert with FPIR = 10 / 3,147,436 (the preset is taken
    // at its own watchlist size), so expected false ≈ 3,145,113.5 · 3.1772e-6 = 9.993, plus a negligible
    // 2,322.5 · 0.11 · FPIR ≈ 0.0008 from missed watchlisted people.
    const met = RECOGNITION_PRESETS['london-met-lfr'];
    const mated = 2_067 / met.truePositiveRate;
    const r = watchlistIdentifications(
      { gallerySize: met.referenceGallerySize, watchlistedCapturesPerDay: mated, otherCapturesPerDay: 3_147_436 - mated },
      { model: 'london-met-lfr' },
    );
    expect(r.expectedTrue).toBeCloseTo(2_067, 9);
    expect(r.expectedFalse).toBeGreaterThan(9.98);
    expect(r.expectedFalse).toBeLessThan(10.0);
    expect(Math.round(r.expectedFalse)).toBe(10);
    expect(Math.round(r.expectedAlerts)).toBe(2_077);
    expect(r.falseShare).toBeCloseTo(10 / 2_077, 4);
  });

  it('computes true = mated·TPR and false = other·P_N + mated·(1 − TPR)·P_{N−1} (hand-worked)', () => {
    // P_1 = 0.01, N = 3: P_3 = 1 − 0.99³ = 0.029701, P_2 = 0.0199.
    // mated 10, other 100, TPR 0.5: true 5; false 100·0.029701 + 10·0.5·0.0199 = 2.9701 + 0.0995 = 3.0696.
    const r = watchlistIdentifications(
      { gallerySize: 3, watchlistedCapturesPerDay: 10, otherCapturesPerDay: 100 },
      { model: { name: 'hand', truePositiveRate: 0.5, falsePositivePerEntry: 0.01 } },
    );
    expect(r.expectedTrue).toBeCloseTo(5, 12);
    expect(r.expectedFalse).toBeCloseTo(3.0696, 12);
    expect(r.falseAlertPerSearch).toBeCloseTo(0.029701, 12);
    expect(r.params.gallerySize).toBe(3);
  });

  it('splits total captures by the watchlist\'s share of the population', () => {
    const a = watchlistIdentifications({ gallerySize: 1000, capturesPerDay: 1e6, population: 2e6 }, { model: 'nist-photo-1n' });
    expect(a.watchlistedCapturesPerDay).toBeCloseTo(500, 9);
    expect(a.otherCapturesPerDay).toBeCloseTo(999_500, 6);
    expect(a.expectedTrue).toBeCloseTo(500 * 0.998, 9);
  });

  it('lets a mean per-capture identification probability replace the model TPR', () => {
    const r = watchlistIdentifications({ gallerySize: 10, watchlistedCapturesPerDay: 100 }, { truePositiveRate: 0.25 });
    expect(r.expectedTrue).toBeCloseTo(25, 12);
    expect(r.params.model.name).toBe('nist-video-noncooperative');
  });

  it('grows false alerts with the gallery size as 1 − (1 − P_1)^N', () => {
    const p1 = RECOGNITION_PRESETS['nist-video-noncooperative'].falsePositivePerEntry;
    for (const n of [1, 100, 1e4, 1e6, 1e8]) {
      const r = watchlistIdentifications({ gallerySize: n, otherCapturesPerDay: 1e5 });
      expect(r.expectedFalse).toBeCloseTo(1e5 * falseAlertProbability(p1, n), 9);
    }
  });

  it('has no false alert from a mated search against a one-entry list', () => {
    const r = watchlistIdentifications({ gallerySize: 1, watchlistedCapturesPerDay: 10 }, { model: { name: 'x', truePositiveRate: 0, falsePositivePerEntry: 0.5 } });
    expect(r.expectedFalse).toBe(0);
    expect(r.falseShare).toBe(0);
  });

  it('throws on bad gallery sizes, counts, populations, probabilities and models', () => {
    expect(() => watchlistIdentifications({ gallerySize: 0, otherCapturesPerDay: 1 })).toThrow(/watchlistIdentifications: input.gallerySize must be a finite number >= 1, got 0/);
    expect(() => watchlistIdentifications({ gallerySize: Number.NaN, otherCapturesPerDay: 1 })).toThrow(/input.gallerySize.*NaN/);
    expect(() => watchlistIdentifications({ gallerySize: 5, otherCapturesPerDay: -1 })).toThrow(/input.otherCapturesPerDay must be a finite number >= 0, got -1/);
    expect(() => watchlistIdentifications({ gallerySize: 5, watchlistedCapturesPerDay: Infinity })).toThrow(/input.watchlistedCapturesPerDay/);
    expect(() => watchlistIdentifications({ gallerySize: 5 })).toThrow(/input.watchlistedCapturesPerDay or input.otherCapturesPerDay/);
    expect(() => watchlistIdentifications({ gallerySize: 5, capturesPerDay: 10, otherCapturesPerDay: 1, population: 10 })).toThrow(/input.capturesPerDay must not be given together/);
    expect(() => watchlistIdentifications({ gallerySize: 5, capturesPerDay: 10 })).toThrow(/input.population must be a finite number >= input.gallerySize \(5\)/);
    expect(() => watchlistIdentifications({ gallerySize: 5, capturesPerDay: 10, population: 4 })).toThrow(/input.population.*got 4/);
    expect(() => watchlistIdentifications({ gallerySize: 5, capturesPerDay: -10, population: 40 })).toThrow(/input.capturesPerDay must be a finite number >= 0/);
    expect(() => watchlistIdentifications({ gallerySize: 5, otherCapturesPerDay: 1 }, { truePositiveRate: 1.2 })).toThrow(/options.truePositiveRate must be a probability in \[0, 1\], got 1.2/);
    expect(() => watchlistIdentifications({ gallerySize: 5, otherCapturesPerDay: 1 }, { model: 'acme' })).toThrow(/options.model must be a recognition preset name/);
    expect(() => watchlistIdentifications({ gallerySize: 5, otherCapturesPerDay: 1 }, { model: 3 as unknown as string })).toThrow(/options.model/);
    expect(() => watchlistIdentifications({ gallerySize: 5, otherCapturesPerDay: 1 }, { model: { name: 'x', truePositiveRate: 0.5, falsePositivePerEntry: -1 } })).toThrow(/spec.falsePositivePerEntry/);
    expect(() => watchlistIdentifications(null as never)).toThrow(/watchlistIdentifications: input must be an object/);
    expect(() => watchlistIdentifications({ gallerySize: 5, otherCapturesPerDay: 1 }, null as never)).toThrow(/options must be an object/);
  });
});

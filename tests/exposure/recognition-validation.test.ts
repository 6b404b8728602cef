/**
 * Recognition models against the Met's published operating record (Sept 2024 –
 * Sept 2025: 3,147,436 faces scanned, 2,077 alerts, 10 false). Expected values
 * by hand: P_N = 1 − (1 − P_1)^N, and for small rates P_N ≈ FPIR · N / N_ref.
 */
import { describe, expect, it } from 'vitest';
import { validateRecognition, MET_LFR_2025 } from '../../src/exposure/recognition-validation.js';
import { poissonInterval } from '../../src/core/poisson-interval.js';

describe('validateRecognition against the Met LFR record', () => {
  it('the london-met-lfr preset reproduces the 10 false alerts (it is calibrated on them: a consistency check, not a validation)', () => {
    const v = validateRecognition('london-met-lfr');
    expect(v.predictedFalseAlerts).toBeCloseTo(10, 6);
    expect(v.withinInterval).toBe(true);
    // Garwood 90 % interval of 10: 5.43–16.96 (chi-square quantiles / 2).
    expect(v.observedInterval.lo).toBeCloseTo(5.426, 2);
    expect(v.observedInterval.hi).toBeCloseTo(16.962, 2);
    // 2,067 true alerts / (3,147,436 × 0.89) ≈ 7.38e-4 of scanned faces were on the watchlist.
    expect(v.impliedPrevalence).toBeCloseTo(2067 / (3_147_436 * 0.89), 12);
  });

  it('the laboratory video preset overstates the Met\'s false alerts about 300-fold', () => {
    const v = validateRecognition('nist-video-noncooperative');
    // FPIR 0.003 at 48,000 entries → at 16,000 entries ≈ 0.003 × 16,000 / 48,000 = 0.001 per scan → ≈ 3,147 false alerts.
    const approx = 3_147_436 * (1 - Math.pow(1 - 0.003, 16_000 / 48_000));
    expect(v.predictedFalseAlerts).toBeCloseTo(approx, 6);
    expect(v.predictedFalseAlerts).toBeGreaterThan(3000);
    expect(v.withinInterval).toBe(false);
    expect(v.ratio).toBeGreaterThan(250);
    expect(v.ratio).toBeLessThan(400);
  });

  it('takes any record and refuses a malformed one naming the field', () => {
    const v = validateRecognition('nist-photo-1n', { ...MET_LFR_2025, name: 'x', falseAlerts: 0, alerts: 5 });
    expect(v.observedInterval).toEqual(poissonInterval(0));
    expect(v.ratio).toBe(Infinity);
    expect(() => validateRecognition('london-met-lfr', { ...MET_LFR_2025, falseAlerts: 3000 })).toThrow(/validateRecognition: record\.falseAlerts/);
    expect(() => validateRecognition('london-met-lfr', { ...MET_LFR_2025, facesScanned: 1.5 })).toThrow(/record\.facesScanned/);
    expect(() => validateRecognition('no-such-model')).toThrow(/recognitionModel/);
  });
});

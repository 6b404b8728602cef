/**
 * Face-recognition models: how often one capture identifies a person who is in
 * the gallery (watchlist), and how often a search raises a false alert.
 *
 * A model has two numbers the rest of the library uses:
 * - `truePositiveRate` = 1 − FNIR: probability that one identify-level, frontal
 *   capture of a person who *is* in the gallery returns the right identity;
 * - `falsePositivePerEntry` = P_1: probability that one search raises a false
 *   alert against ONE gallery entry. False alerts per search grow with the
 *   gallery size N as P_N = 1 − (1 − P_1)^N ({@link falseAlertProbability}).
 *
 * Published figures are an FPIR (false-positive identification rate: share of
 * searches of people *not* in the gallery that still raise an alert) measured
 * at one gallery size N_ref; P_1 is obtained by inverting
 * FPIR = 1 − (1 − P_1)^N_ref, i.e. P_1 = 1 − (1 − FPIR)^(1/N_ref)
 * ({@link perEntryFromFpir}). This assumes independent per-entry false matches,
 * which is the standard first-order model;
 * real algorithms' FPIR grows somewhat slower than linearly in N because
 * thresholds are tuned per gallery size, so extrapolating far beyond N_ref
 * tends to overstate false alerts.
 *
 * Sources for the presets: see {@link RECOGNITION_PRESETS}.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject, requireProbability } from '../core/internal.js';

/** A face-recognition model (operating point of one algorithm in one setting). */
export interface RecognitionModel {
  name: string;
  /** Probability that one identify-level, frontal capture of a person in the gallery returns the right identity (1 − FNIR). */
  truePositiveRate: number;
  /** Per-search probability of a false alert against ONE gallery entry (P_1), derived from the published FPIR at the published gallery size. */
  falsePositivePerEntry: number;
  /** Published operating point, for display: FPIR and the gallery size it was measured at. */
  fpir: number;
  referenceGallerySize: number;
  source: string;
}

/**
 * What a `model` / `recognition` option accepts: a preset name, a complete
 * model, or a user definition (`name`, `truePositiveRate`, and
 * `falsePositivePerEntry` or `fpir` + `referenceGallerySize`), all resolved by
 * {@link recognitionModel}.
 */
export type RecognitionSpec = string | RecognitionModel | (Partial<RecognitionModel> & { name: string });

/** Names of the built-in presets. */
export type RecognitionPresetName = 'nist-photo-1n' | 'nist-video-noncooperative' | 'london-met-lfr';

/**
 * P_1 from an FPIR measured at gallery size N: P_1 = 1 − (1 − FPIR)^(1/N),
 * computed as −expm1(log1p(−FPIR) / N) so that tiny values keep their digits.
 *
 * @param fpir - false-positive identification rate per search, in [0, 1]
 * @param galleryN - gallery size the FPIR was measured at (>= 1)
 * @returns the per-entry false-match probability P_1 in [0, 1]
 * @throws {InvalidInputError} if `fpir` is not in [0, 1] or `galleryN` is not a finite number >= 1
 * @example
 * perEntryFromFpir(0.003, 12_000_000); // ≈ 2.5e-10
 */
export function perEntryFromFpir(fpir: number, galleryN: number): number {
  requireProbability('perEntryFromFpir', 'fpir', fpir);
  requireGallery('perEntryFromFpir', 'galleryN', galleryN);
  if (fpir === 1) return 1;
  if (fpir === 0) return 0;
  return -Math.expm1(Math.log1p(-fpir) / galleryN);
}

/*
 * Preset operating points. Every number carries its source; "assumption" marks
 * what the sources do not say.
 */

/** NISTIR 8238 (Grother, Ngan, Hanaoka, 2018): good-photo (mugshot) 1:N search. */
const NIST_PHOTO_FNIR = 0.002; // "misses the mate in about 0.2 % of searches" — the most accurate algorithms, NISTIR 8238 (2018)
const NIST_PHOTO_GALLERY = 12_000_000; // gallery of 12 million people, NISTIR 8238 (2018)
const NIST_FPIR = 0.003; // NIST FRVT reports FNIR at FPIR = 0.003 (SOURCES['nistir-8238'])

/** NIST FIVE (NISTIR 8173, 2017): face recognition in non-cooperative video. */
const FIVE_TPR = 0.6; // FIVE: "between about 60 % and more than 99 %" of subjects identified depending on capture; we take the LOW end (passive capture in crowds) — choice of figure is an assumption
const FIVE_GALLERY = 48_000; // FIVE matched video faces against galleries of up to 48,000 people (NIST news release, April 2017); used only to convert FPIR to P_1
const FIVE_FPIR = 0.003; // assumption: NIST's usual reporting point FPIR = 0.003 applied to video

/** London Metropolitan Police live facial recognition, Sept 2024 – Sept 2025. */
const MET_SCANS = 3_147_436; // faces scanned, Met LFR annual figures Sept 2024 – Sept 2025 (SOURCES['met-lfr-2025'])
const MET_FALSE_ALERTS = 10; // of 2,077 alerts, 10 were false (same source)
const MET_FPIR = MET_FALSE_ALERTS / MET_SCANS; // ≈ 3.18e-6 false alerts per scan (nearly every scanned face is not on the watchlist)
const MET_WATCHLIST = 16_000; // assumption: order of magnitude of Met LFR watchlists (about 10^4 entries per deployment); used only to convert FPIR to P_1
const MET_TPR = 0.89; // assumption: true-positive identification rate at the Met's threshold 0.6 from the NPL equitability study (2023), as reported second-hand — not checked against the report, and not measured by the field figures above

function preset(name: string, tpr: number, fpir: number, n: number, source: string): RecognitionModel {
  return Object.freeze({
    name,
    truePositiveRate: tpr,
    falsePositivePerEntry: perEntryFromFpir(fpir, n),
    fpir,
    referenceGallerySize: n,
    source,
  });
}

/**
 * Built-in recognition models.
 *
 * - `nist-photo-1n`: 1:N search with good (mugshot-quality) photos. TPR = 0.998
 *   (FNIR ≈ 0.2 %, NISTIR 8238, 2018, gallery 12 million) at FPIR = 0.003
 *   (NIST's reporting point; simplification: the 0.2 % headline is taken as
 *   the FNIR at that FPIR). Upper bound for what street cameras achieve.
 * - `nist-video-noncooperative`: non-cooperative video, NIST FIVE (NISTIR 8173,
 *   2017), which found between about 60 % and more than 99 % identified depending
 *   on capture; TPR = 0.60 (the low end; assumption that it represents passive
 *   capture in public space), FPIR = 0.003 (assumption: NIST's usual reporting
 *   point) at a 48,000-entry gallery (FIVE's largest, NIST news release 2017).
 * - `london-met-lfr`: London Met live facial recognition, Sept 2024 – Sept 2025:
 *   3,147,436 faces scanned, 2,077 alerts, 10 false ⇒ FPIR = 10 / 3,147,436 ≈
 *   3.2e-6 per scan; watchlist 16,000 entries (assumption); TPR 0.89 (assumption,
 *   NPL equitability study 2023 at threshold 0.6, as reported second-hand).
 */
export const RECOGNITION_PRESETS: Readonly<Record<RecognitionPresetName, RecognitionModel>> = Object.freeze({
  'nist-photo-1n': preset(
    'nist-photo-1n',
    1 - NIST_PHOTO_FNIR,
    NIST_FPIR,
    NIST_PHOTO_GALLERY,
    'NISTIR 8238 (Grother, Ngan, Hanaoka, 2018): FNIR ≈ 0.2 % on good photos, gallery 12 million; FPIR = 0.003 (NIST reporting point)',
  ),
  'nist-video-noncooperative': preset(
    'nist-video-noncooperative',
    FIVE_TPR,
    FIVE_FPIR,
    FIVE_GALLERY,
    'NIST FIVE (NISTIR 8173, 2017): 60 % to >99 % identified depending on capture, galleries up to 48,000; low end taken (assumption); FPIR 0.003 (assumption)',
  ),
  'london-met-lfr': preset(
    'london-met-lfr',
    MET_TPR,
    MET_FPIR,
    MET_WATCHLIST,
    'London Met LFR Sept 2024 – Sept 2025: 3,147,436 faces scanned, 2,077 alerts, 10 false; watchlist 16,000 (assumption); TPR 0.89 (assumption, NPL 2023)',
  ),
});

/**
 * A recognition model from a preset name or a user definition.
 *
 * A user definition needs `name` and `truePositiveRate`, and either
 * `falsePositivePerEntry` (P_1) directly or `fpir` with `referenceGallerySize`
 * (P_1 is then derived). Missing `fpir`/`referenceGallerySize` are filled from
 * P_1 at a gallery of 1 entry.
 *
 * @param spec - a preset name (see {@link RECOGNITION_PRESETS}) or a partial model with a `name`
 * @returns a complete, validated model (a fresh object for user definitions; the frozen preset otherwise)
 * @throws {InvalidInputError} unknown preset name; probabilities outside [0, 1]; gallery size < 1;
 *   neither `falsePositivePerEntry` nor `fpir` given; `fpir` without `referenceGallerySize`
 * @example
 * recognitionModel('nist-photo-1n').truePositiveRate; // 0.998
 * recognitionModel({ name: 'mine', truePositiveRate: 0.9, fpir: 0.001, referenceGallerySize: 1000 });
 */
export function recognitionModel(spec: string | (Partial<RecognitionModel> & { name: string })): RecognitionModel {
  const origin = 'recognitionModel';
  if (typeof spec === 'string') {
    const p = (RECOGNITION_PRESETS as Record<string, RecognitionModel>)[spec];
    if (p === undefined || !Object.prototype.hasOwnProperty.call(RECOGNITION_PRESETS, spec)) {
      throw new InvalidInputError(origin, 'spec', `must be one of ${Object.keys(RECOGNITION_PRESETS).map((k) => JSON.stringify(k)).join(', ')} or a model object`, spec);
    }
    return p;
  }
  const s = requireObject(origin, 'spec', spec);
  if (typeof s.name !== 'string' || s.name.length === 0) {
    throw new InvalidInputError(origin, 'spec.name', 'must be a non-empty string', s.name);
  }
  const tpr = requireProbability(origin, 'spec.truePositiveRate', s.truePositiveRate);
  let p1: number;
  let fpir: number;
  let n: number;
  if (s.falsePositivePerEntry !== undefined) {
    p1 = requireProbability(origin, 'spec.falsePositivePerEntry', s.falsePositivePerEntry);
    n = s.referenceGallerySize === undefined ? 1 : requireGallery(origin, 'spec.referenceGallerySize', s.referenceGallerySize);
    if (s.fpir !== undefined) {
      fpir = requireProbability(origin, 'spec.fpir', s.fpir);
    } else {
      fpir = falseAlertProbability(p1, n);
    }
  } else if (s.fpir !== undefined) {
    fpir = requireProbability(origin, 'spec.fpir', s.fpir);
    if (s.referenceGallerySize === undefined) {
      throw new InvalidInputError(origin, 'spec.referenceGallerySize', 'must be given with spec.fpir (the gallery size the FPIR was measured at)', undefined);
    }
    n = requireGallery(origin, 'spec.referenceGallerySize', s.referenceGallerySize);
    p1 = perEntryFromFpir(fpir, n);
  } else {
    throw new InvalidInputError(origin, 'spec.falsePositivePerEntry', 'or spec.fpir (with spec.referenceGallerySize) must be given', undefined);
  }
  return {
    name: s.name,
    truePositiveRate: tpr,
    falsePositivePerEntry: p1,
    fpir,
    referenceGallerySize: n,
    source: typeof s.source === 'string' ? s.source : 'user-defined',
  };
}

/**
 * Probability that one search raises at least one false alert against a
 * gallery of N entries: P_N = 1 − (1 − P_1)^N, computed as
 * −expm1(N · log1p(−P_1)) so that P_1 ≈ 1e-10 and N ≈ 1e7 keep full precision.
 *
 * @param p1 - per-entry false-match probability, in [0, 1]
 * @param galleryN - gallery size, a finite number >= 1 (need not be an integer: expected sizes are allowed)
 * @returns P_N in [0, 1]
 * @throws {InvalidInputError} if `p1` is outside [0, 1] or `galleryN` < 1 / not finite
 * @example
 * falseAlertProbability(1e-6, 1000); // ≈ 0.0009995
 */
export function falseAlertProbability(p1: number, galleryN: number): number {
  requireProbability('falseAlertProbability', 'p1', p1);
  requireGallery('falseAlertProbability', 'galleryN', galleryN);
  if (p1 === 1) return 1;
  if (p1 === 0) return 0; // not −0
  return -Math.expm1(galleryN * Math.log1p(-p1));
}

/**
 * Probability of at least one success among independent events:
 * 1 − Π(1 − p_i), accumulated as a sum of log1p(−p_i) for accuracy.
 * An empty list gives 0.
 *
 * @param p - per-event probabilities, each in [0, 1]
 * @returns 1 − Π(1 − p_i), in [0, 1]
 * @throws {InvalidInputError} if some p[i] is not in [0, 1]
 * @example
 * identifiedAtLeastOnce([0.5, 0.5]); // 0.75
 * @remarks O(n).
 */
export function identifiedAtLeastOnce(p: ArrayLike<number>): number {
  if (p === null || typeof p !== 'object' || typeof (p as ArrayLike<number>).length !== 'number') {
    throw new InvalidInputError('identifiedAtLeastOnce', 'p', 'must be an array of probabilities', p);
  }
  let logQ = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!(v >= 0 && v <= 1)) throw new InvalidInputError('identifiedAtLeastOnce', `p[${i}]`, 'must be a probability in [0, 1]', v);
    if (v === 1) return 1;
    logQ += Math.log1p(-v);
  }
  return logQ === 0 ? 0 : -Math.expm1(logQ);
}

function requireGallery(origin: string, field: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) {
    throw new InvalidInputError(origin, field, 'must be a finite number >= 1', n);
  }
  return n;
}

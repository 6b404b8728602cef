/**
 * Watchlist searches: expected true and false identifications per day when
 * every capture is searched against a watchlist (gallery) of N people.
 *
 * Model (per search, independent searches):
 * - a capture of a person who IS on the watchlist ("mated search") returns the
 *   right identity with probability TPR (the model's `truePositiveRate`, or an
 *   override such as the mean per-capture identification probability); when it
 *   misses, it can still raise a false alert against one of the other N − 1
 *   entries, with probability P_{N−1} = 1 − (1 − P_1)^(N−1);
 * - a capture of anybody else ("non-mated search") raises a false alert with
 *   probability P_N = 1 − (1 − P_1)^N ({@link falseAlertProbability}).
 *
 * Expected true identifications = mated · TPR; expected false alerts =
 * nonMated · P_N + mated · (1 − TPR) · P_{N−1}.
 */
import { InvalidInputError } from '../core/index.js';
import { requireNonNegative, requireObject, requireProbability, checkOptions, optionKeys } from '../core/internal.js';
import { falseAlertProbability, recognitionModel, type RecognitionModel, type RecognitionSpec } from './recognition.js';

/** What is searched, per day. */
export interface WatchlistInput {
  /** Watchlist (gallery) size N, a finite number >= 1. */
  gallerySize: number;
  /** Searches per day of people who are on the watchlist (mated searches); >= 0. */
  watchlistedCapturesPerDay?: number;
  /** Searches per day of everybody else (non-mated searches); >= 0. */
  otherCapturesPerDay?: number;
  /**
   * Alternative to the two counts above: all searches per day, split in
   * proportion to `gallerySize / population` (watchlisted people assumed to be
   * captured as often as anybody else — an assumption).
   */
  capturesPerDay?: number;
  /** Population the watchlist is drawn from (with `capturesPerDay`); >= gallerySize. */
  population?: number;
}

/** Options of {@link watchlistIdentifications}. */
export interface WatchlistOptions {
  /** Recognition model: a preset name, a model, or a user definition (default `'nist-video-noncooperative'`). */
  model?: RecognitionSpec;
  /**
   * Probability that a mated search returns the right identity, replacing the
   * model's `truePositiveRate` (e.g. the mean per-capture identification
   * probability from the sightings, which already counts face angle).
   */
  truePositiveRate?: number;
}

/** Defaults of {@link watchlistIdentifications}. */
export const WATCHLIST_DEFAULTS = {
  /**
   * Street cameras capture people who do not cooperate: NIST FIVE's
   * non-cooperative video preset (see RECOGNITION_PRESETS).
   */
  model: 'nist-video-noncooperative',
} as const;

/** The options watchlistIdentifications knows (its unknown options are refused). */
const WATCHLIST_IDENTIFICATIONS_OPTION_KEYS = optionKeys<WatchlistOptions>()(WATCHLIST_DEFAULTS, ['truePositiveRate']);

/** Result of {@link watchlistIdentifications}: expectations per day, plain data. */
export interface WatchlistResult {
  /** Expected correct identifications of watchlisted people per day. */
  expectedTrue: number;
  /** Expected false alerts per day (a person flagged as somebody on the list they are not). */
  expectedFalse: number;
  /** expectedTrue + expectedFalse. */
  expectedAlerts: number;
  /** Share of alerts that are false (0 when no alert is expected). */
  falseShare: number;
  /** Per-search false-alert probability of a non-mated search, P_N. */
  falseAlertPerSearch: number;
  /** Mated and non-mated searches per day used. */
  watchlistedCapturesPerDay: number;
  otherCapturesPerDay: number;
  params: {
    gallerySize: number;
    truePositiveRate: number;
    falsePositivePerEntry: number;
    model: RecognitionModel;
  };
}

const ORIGIN = 'watchlistIdentifications';

/**
 * Expected true and false identifications per day for a watchlist of a given size.
 *
 * @param input - `gallerySize`, and either `watchlistedCapturesPerDay` / `otherCapturesPerDay`
 *   or `capturesPerDay` with `population`
 * @param options - `model` (preset name, model or definition), `truePositiveRate` override
 * @returns expected true and false identifications per day, the per-search false-alert probability and the parameters
 * @throws {InvalidInputError} gallery size < 1; negative or non-finite capture counts; population < gallerySize;
 *   both ways of giving captures, or neither; probabilities outside [0, 1]; unknown model
 * @example
 * // London Met LFR, Sept 2024 – Sept 2025, as one "day" of 3,147,436 scans:
 * const r = watchlistIdentifications(
 *   { gallerySize: 16_000, watchlistedCapturesPerDay: 2_322, otherCapturesPerDay: 3_145_114 },
 *   { model: 'london-met-lfr' },
 * );
 * r.expectedFalse; // ≈ 10
 */
export function watchlistIdentifications(input: WatchlistInput, options: WatchlistOptions = {}): WatchlistResult {
  checkOptions('watchlistIdentifications', options, WATCHLIST_IDENTIFICATIONS_OPTION_KEYS);
  requireObject(ORIGIN, 'input', input);
  requireObject(ORIGIN, 'options', options);
  const n = input.gallerySize;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) throw new InvalidInputError(ORIGIN, 'input.gallerySize', 'must be a finite number >= 1', n);
  const model = resolveModel(ORIGIN, 'options.model', options.model ?? WATCHLIST_DEFAULTS.model);
  const tpr = options.truePositiveRate === undefined ? model.truePositiveRate : requireProbability(ORIGIN, 'options.truePositiveRate', options.truePositiveRate);

  let mated: number;
  let other: number;
  const split = input.watchlistedCapturesPerDay !== undefined || input.otherCapturesPerDay !== undefined;
  if (input.capturesPerDay !== undefined) {
    if (split) throw new InvalidInputError(ORIGIN, 'input.capturesPerDay', 'must not be given together with watchlistedCapturesPerDay / otherCapturesPerDay', input.capturesPerDay);
    const total = requireNonNegative(ORIGIN, 'input.capturesPerDay', input.capturesPerDay);
    const pop = input.population;
    if (typeof pop !== 'number' || !Number.isFinite(pop) || pop < n) {
      throw new InvalidInputError(ORIGIN, 'input.population', `must be a finite number >= input.gallerySize (${n}) when input.capturesPerDay is given`, pop);
    }
    mated = (total * n) / pop;
    other = total - mated;
  } else {
    if (!split) throw new InvalidInputError(ORIGIN, 'input.watchlistedCapturesPerDay', 'or input.otherCapturesPerDay (or input.capturesPerDay with input.population) must be given', undefined);
    mated = input.watchlistedCapturesPerDay === undefined ? 0 : requireNonNegative(ORIGIN, 'input.watchlistedCapturesPerDay', input.watchlistedCapturesPerDay);
    other = input.otherCapturesPerDay === undefined ? 0 : requireNonNegative(ORIGIN, 'input.otherCapturesPerDay', input.otherCapturesPerDay);
  }
  const p1 = model.falsePositivePerEntry;
  const pN = falseAlertProbability(p1, n);
  const pNm1 = n >= 2 ? falseAlertProbability(p1, n - 1) : 0;
  const expectedTrue = mated * tpr;
  const expectedFalse = other * pN + mated * (1 - tpr) * pNm1;
  const alerts = expectedTrue + expectedFalse;
  return {
    expectedTrue,
    expectedFalse,
    expectedAlerts: alerts,
    falseShare: alerts > 0 ? expectedFalse / alerts : 0,
    falseAlertPerSearch: pN,
    watchlistedCapturesPerDay: mated,
    otherCapturesPerDay: other,
    params: { gallerySize: n, truePositiveRate: tpr, falsePositivePerEntry: p1, model: { ...model } },
  };
}

/**
 * Resolves a model option: preset name, complete model or user definition.
 * @internal
 */
export function resolveModel(origin: string, field: string, spec: unknown): RecognitionModel {
  if (typeof spec === 'string') {
    try {
      return recognitionModel(spec);
    } catch {
      throw new InvalidInputError(origin, field, 'must be a recognition preset name ("nist-photo-1n", "nist-video-noncooperative", "london-met-lfr") or a model', spec);
    }
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new InvalidInputError(origin, field, 'must be a recognition preset name or a model object', spec);
  }
  // recognitionModel validates and names the field inside spec.
  return recognitionModel(spec as Partial<RecognitionModel> & { name: string });
}

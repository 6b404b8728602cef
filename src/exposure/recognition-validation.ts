/**
 * Recognition models checked against an operational record: how many false
 * alerts a model predicts for a deployment's published number of scanned
 * faces and watchlist size, against the number the operator published.
 *
 * Laboratory figures (NIST's FPIR = 0.003 reporting point) describe an
 * algorithm at a threshold chosen for a benchmark; police deployments set
 * much stricter thresholds, so the laboratory false-alert rate can overstate
 * operational false alerts by orders of magnitude. This module measures that
 * gap for each model, so a reader sees which kind of rate a figure rests on.
 */
import { InvalidInputError, poissonInterval, type Interval } from '../core/index.js';
import { requireObject } from '../core/internal.js';
import { recognitionModel, falseAlertProbability, type RecognitionSpec } from './recognition.js';

/** A published operating record of a live facial-recognition deployment. */
export interface OperationalRecord {
  name: string;
  /** Faces scanned (searched against the watchlist). */
  facesScanned: number;
  /** Alerts raised (true and false). */
  alerts: number;
  /** Alerts that were false. */
  falseAlerts: number;
  /** Watchlist size used to convert per-entry rates (an assumption when not published). */
  watchlistSize: number;
  /** Bibliography id and a short description of the period. */
  source: string;
  period: string;
}

/**
 * The London Metropolitan Police's live facial recognition, September 2024 –
 * September 2025 (SOURCES['met-lfr-2025']): 3,147,436 faces scanned, 2,077
 * alerts, 10 of them false. The watchlist size is not in the figures: 16,000
 * is an assumption (order of magnitude of Met LFR watchlists, about 10^4
 * entries per deployment; plausible 5,000–20,000).
 */
export const MET_LFR_2025: Readonly<OperationalRecord> = Object.freeze({
  name: 'met-lfr-2025',
  facesScanned: 3_147_436,
  alerts: 2_077,
  falseAlerts: 10,
  watchlistSize: 16_000,
  source: 'met-lfr-2025',
  period: 'September 2024 – September 2025',
});

/** Result of {@link validateRecognition}. */
export interface RecognitionValidation {
  model: string;
  record: string;
  /** Expected false alerts: facesScanned × (1 − (1 − P_1)^watchlistSize) (almost every scanned face is not on the list). */
  predictedFalseAlerts: number;
  observedFalseAlerts: number;
  /** 90 % exact Poisson interval of the observed count (its counting uncertainty). */
  observedInterval: Interval;
  /** True when the prediction lies inside that interval. */
  withinInterval: boolean;
  /** predicted / observed (Infinity when none was observed and some are predicted). */
  ratio: number;
  /** Share of scanned faces that were on the watchlist implied by the true alerts and the model's TPR: (alerts − false) / (facesScanned × TPR). */
  impliedPrevalence: number;
}

/**
 * Predicts an operational record's false alerts from a recognition model and
 * compares them with the published count and its Poisson counting
 * uncertainty.
 *
 * @param model - a recognition preset name, model or definition (see `recognitionModel`)
 * @param record - the operating record (default {@link MET_LFR_2025})
 * @returns predicted and observed false alerts, the observed count's 90 % interval, whether the prediction is inside it, their ratio and the prevalence the true alerts imply
 * @throws {InvalidInputError} on an unknown model or a record with non-integer or negative counts, or more false alerts than alerts
 * @example
 * validateRecognition('london-met-lfr').withinInterval; // true: the preset is calibrated on this record
 * validateRecognition('nist-video-noncooperative').ratio; // ≈ 316: the laboratory rate overstates the Met's false alerts
 *
 * Complexity: O(1).
 */
export function validateRecognition(model: RecognitionSpec, record: OperationalRecord = MET_LFR_2025): RecognitionValidation {
  const origin = 'validateRecognition';
  const m = typeof model === 'string' ? recognitionModel(model) : recognitionModel(model as Parameters<typeof recognitionModel>[0]);
  const r = requireObject(origin, 'record', record) as unknown as OperationalRecord;
  for (const f of ['facesScanned', 'alerts', 'falseAlerts', 'watchlistSize'] as const) {
    const v = r[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > Number.MAX_SAFE_INTEGER) throw new InvalidInputError(origin, `record.${f}`, 'must be an integer >= 0', v);
  }
  if (r.falseAlerts > r.alerts) throw new InvalidInputError(origin, 'record.falseAlerts', `must be at most record.alerts (${r.alerts})`, r.falseAlerts);
  if (r.watchlistSize < 1) throw new InvalidInputError(origin, 'record.watchlistSize', 'must be an integer >= 1', r.watchlistSize);
  const perScan = falseAlertProbability(m.falsePositivePerEntry, r.watchlistSize);
  const predicted = r.facesScanned * perScan;
  const observedInterval = poissonInterval(r.falseAlerts);
  const ratio = r.falseAlerts > 0 ? predicted / r.falseAlerts : predicted > 0 ? Infinity : 1;
  return {
    model: m.name,
    record: r.name,
    predictedFalseAlerts: predicted,
    observedFalseAlerts: r.falseAlerts,
    observedInterval,
    withinInterval: predicted >= observedInterval.lo && predicted <= observedInterval.hi,
    ratio,
    impliedPrevalence: r.facesScanned > 0 && m.truePositiveRate > 0 ? (r.alerts - r.falseAlerts) / (r.facesScanned * m.truePositiveRate) : 0,
  };
}

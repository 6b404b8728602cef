/**
 * Retention history at population scale: how far back each kind of data
 * reaches under a policy ({@link retentionReach}), and per resident what is
 * on file at steady state and how much of their recent movement can be
 * reconstructed from it ({@link personHistory}, {@link personHistoryForDays}).
 *
 * Model (shared by the retention layer; see also reconstruct.ts for the
 * exact per-capture version on a sample):
 * - Timeline in days: simulated day d runs [d, d + 1). `now` is the end of
 *   the newest simulated day, and the simulated days repeat backwards
 *   (cycling: day numDays − 1 is yesterday, then numDays − 2, …), as
 *   `sumWithin` and `logMissWithin` (person-channels.ts) do. A copy kept D days is on
 *   file while age < D; `'forever'` means since the system started, capped
 *   at `operatingDays`.
 * - A capture stays identifiable while any kind carrying its channel is kept
 *   (CHANNEL_KINDS: faces through video, face templates or match events;
 *   plates through video or plate reads) at a tier the reader reaches —
 *   directly or through `via` chains (readerReach, shared with the access
 *   analysis). Captures on file are what video holds (video carries every
 *   capture). A retroactive *search* of an event's archive (archiveOnFile)
 *   counts only what can be searched anew (video, templates; plate reads):
 *   match events name the people identified live and nobody else.
 * - Copies to upper tiers carry every camera's data (an archive is fetched
 *   even from record-only cameras): a simplification, documented.
 * - Legal holds are transient and are left out of the steady state (they are
 *   evaluated exactly per capture by `reconstructHistory`); the results'
 *   params say so.
 */
import { InvalidInputError } from '../core/index.js';
import { quantileSummary, requireNonNegative, requireObject, type QuantileSummary, checkOptions, optionKeys } from '../core/internal.js';
import type { PersonChannelDays } from './person-channels.js';
import { readerReach } from './access-graph.js';
import {
  CHANNEL_KINDS,
  DATA_KINDS,
  RETENTION_TIERS,
  effectiveDays,
  longestKept,
  type DataKind,
  type RetentionDays,
  type RetentionPolicy,
  type RetentionTier,
} from './policy.js';

/** Defaults of the history analyses. */
export const HISTORY_DEFAULTS = {
  /** Days of trips looked back on for the reconstructable share (assumption: 30, matching the common 30-day video rule). */
  lookbackDays: 30,
  /** Quantiles reported in summaries (type 7 / numpy "linear", as simple-statistics' quantileSorted). */
  quantiles: [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as readonly number[],
};

/** The options personHistory knows (its unknown options are refused). */
const PERSON_HISTORY_OPTION_KEYS = optionKeys<PersonHistoryOptions>()(HISTORY_DEFAULTS, ['operatingDays', 'reader']);

// ---------------------------------------------------------------------------
// Reach of a policy
// ---------------------------------------------------------------------------

/** One tier's copy of one kind, in {@link RetentionReach}. */
export interface TierReach {
  tier: RetentionTier;
  /** The kind is created at or copied to this tier. */
  present: boolean;
  /** Days as the policy writes them. */
  policyDays: RetentionDays;
  /** Days on file (0 when not present; `'forever'` and long rules capped at operatingDays). */
  days: number;
  /** Principals that read this copy directly. */
  readers: string[];
}

/** How far back one kind reaches under a policy. */
export interface KindReach {
  kind: DataKind;
  /** Longest any tier keeps it (days, capped at operatingDays; holds left out). */
  longestDays: number;
  /** Per tier the policy has, bottom-up. */
  tiers: TierReach[];
  /** Principals that read a kept copy (days > 0) directly, in the order of the policy's principals. */
  readers: string[];
  /** Legal holds that keep this kind, with their effective keep days and readers. */
  holds: { id: string; keepDays: number; readers: string[] }[];
}

/** Result of {@link retentionReach} (plain data). */
export interface RetentionReach {
  policy: string;
  operatingDays: number;
  kinds: Record<DataKind, KindReach>;
  /** Longest a capture stays identifiable per channel (face: video/faceTemplates/sightings; plate: video/plateReads). */
  channels: { face: number; plate: number };
}

/** The options retentionReach knows (its unknown options are refused). */
const RETENTION_REACH_OPTION_KEYS = optionKeys<NonNullable<Parameters<typeof retentionReach>[1]>>()({}, ['operatingDays']);

/**
 * For each kind of data: the longest it is kept anywhere, what each tier
 * keeps, and which principals read it directly.
 *
 * @param policy - a resolved policy (createRetentionPolicy)
 * @param options - `operatingDays`: how long the system has run (bounds `'forever'`)
 * @returns a {@link RetentionReach}
 * @throws {InvalidInputError} operatingDays negative or not finite
 * @example
 * const reach = retentionReach(policy, { operatingDays: 365 });
 * reach.kinds.video.longestDays; // e.g. 30
 * reach.kinds.faceTemplates.readers; // e.g. ['police', 'biometric-platform']
 * @remarks O(tiers · kinds · principals).
 */
export function retentionReach(policy: RetentionPolicy, options: { operatingDays: number }): RetentionReach {
  checkOptions('retentionReach', options, RETENTION_REACH_OPTION_KEYS);
  const origin = 'retentionReach';
  requirePolicy(origin, policy);
  const o = requireObject(origin, 'options', options);
  const operatingDays = requireNonNegative(origin, 'options.operatingDays', o.operatingDays);
  const kinds = {} as Record<DataKind, KindReach>;
  for (let k = 0; k < DATA_KINDS.length; k++) {
    const kind = DATA_KINDS[k];
    const tiers: TierReach[] = [];
    const readerSet = new Set<string>();
    let longest = 0;
    for (let t = 0; t < RETENTION_TIERS.length; t++) {
      const rule = policy.rules[t * DATA_KINDS.length + k];
      if (!rule.tierExists) continue;
      const days = rule.present ? effectiveDays(rule.days, operatingDays) : 0;
      if (days > longest) longest = days;
      if (days > 0) for (const r of rule.readers) readerSet.add(r);
      tiers.push({ tier: rule.tier, present: rule.present, policyDays: rule.days, days, readers: [...rule.readers] });
    }
    const holds = policy.legalHolds
      .filter((h) => h.kinds.includes(kind))
      .map((h) => ({ id: h.id, keepDays: effectiveDays(h.keepDays, operatingDays), readers: [...h.readers] }));
    kinds[kind] = {
      kind,
      longestDays: longest,
      tiers,
      readers: policy.principals.map((p) => p.id).filter((id) => readerSet.has(id)),
      holds,
    };
  }
  return { policy: policy.name, operatingDays, kinds, channels: channelDays(policy, operatingDays) };
}

/**
 * Days on file per kind: the longest anywhere, or — for a reader — the
 * longest among the copies it reaches directly or through `via` chains
 * (readerReach, the resolver analyseAccess uses too).
 */
function kindDaysFor(policy: RetentionPolicy, operatingDays: number, reader?: string): Record<DataKind, number> {
  if (reader !== undefined) return readerReach(policy, reader, operatingDays).days;
  return Object.fromEntries(DATA_KINDS.map((k) => [k, longestKept(policy, k, operatingDays)])) as Record<DataKind, number>;
}

/** Longest days per channel (for a reader: what it reaches, `via` chains included). */
function channelDays(policy: RetentionPolicy, operatingDays: number, reader?: string): { face: number; plate: number } {
  const days = kindDaysFor(policy, operatingDays, reader);
  let face = 0;
  for (const k of CHANNEL_KINDS.face) face = Math.max(face, days[k]);
  let plate = 0;
  for (const k of CHANNEL_KINDS.plate) plate = Math.max(plate, days[k]);
  return { face, plate };
}

// ---------------------------------------------------------------------------
// Summaries (exact quantiles by selection: no full sort of 1M values)
// ---------------------------------------------------------------------------

/**
 * Mean, extremes and quantiles of one per-person metric: the core layer's
 * QuantileSummary (the same shape as the exposure layer's DistributionSummary),
 * quantiles at HISTORY_DEFAULTS.quantiles as `{ '0.5': median, … }` (type 7,
 * as simple-statistics' quantileSorted).
 */
export type HistorySummary = QuantileSummary;

/**
 * Mean, min, max and quantiles of a column, exactly (type-7 quantiles, equal
 * to simple-statistics' `quantileSorted` on a sorted copy), without a full
 * sort: for non-negative columns (every history metric) a histogram of the
 * values' high bits finds the few buckets that hold the wanted ranks, and
 * only those are selected; otherwise selection on one scratch copy. The
 * core layer's quantile summary with its `select` method (mean summed in
 * input order).
 *
 * @param values - the column (not modified; never NaN by contract)
 * @param quantiles - probabilities in [0, 1] (default HISTORY_DEFAULTS.quantiles)
 * @returns a {@link HistorySummary} (all zeros for an empty column)
 * @throws {InvalidInputError} values not a Float64Array; a quantile outside [0, 1]
 * @example
 * summariseHistoryValues(history.pHistoryOnFile).quantiles['0.5'];
 * @remarks O(n) (two passes for non-negative columns; expected O(n log #quantiles) otherwise).
 */
export function summariseHistoryValues(values: Float64Array, quantiles: readonly number[] = HISTORY_DEFAULTS.quantiles): HistorySummary {
  if (!(values instanceof Float64Array)) throw new InvalidInputError('summariseHistoryValues', 'values', 'must be a Float64Array', values);
  quantiles = requireQuantiles('summariseHistoryValues', quantiles, 'quantiles');
  return quantileSummary(values, quantiles, { method: 'select' });
}

// ---------------------------------------------------------------------------
// Per person, steady state
// ---------------------------------------------------------------------------

/** Options of {@link personHistoryForDays}: days on file per channel, already resolved. */
export interface HistoryDaysOptions {
  /** Days face captures stay identifiable (longest of video, faceTemplates, sightings readable). */
  faceDays: number;
  /** Days plate captures stay identifiable (longest of video, plateReads readable). */
  plateDays: number;
  /** Days video is kept (captures on file). */
  captureDays: number;
  /** Days of trips looked back on (default HISTORY_DEFAULTS.lookbackDays). */
  lookbackDays?: number;
}

/**
 * What is on file per person (every column has length numPersons): the
 * columns the steady state (personHistory) and the exact per-capture replay
 * (reconstructHistory) share.
 */
export interface OnFileColumns {
  numPersons: number;
  /** Expected captures still on video. */
  capturesOnFile: Float64Array;
  /** Expected identifying captures still on file through a kind carrying their channel. */
  identifiableOnFile: Float64Array;
  /** Trips in the look-back window (walk + car). */
  tripsInWindow: Float64Array;
  /** Expected trips of the window that identify the person from what is on file. */
  reconstructableTrips: Float64Array;
  /** reconstructableTrips / tripsInWindow (0 for a person without trips in the window). */
  reconstructableShare: Float64Array;
  /** P(at least one identification of the person on file). */
  pHistoryOnFile: Float64Array;
  /** Persons without any trip in the window (their share is 0). */
  numWithoutTrips: number;
}

/**
 * Per-person steady-state history columns: {@link OnFileColumns} over the
 * last captureDays (video), faceDays / plateDays (identifying captures) and
 * lookbackDays (trips; fractional days pro rata), the simulated days cycling.
 */
export interface HistoryColumns extends OnFileColumns {
  params: { faceDays: number; plateDays: number; captureDays: number; lookbackDays: number; numDays: number };
}

const FOR_DAYS = 'personHistoryForDays';

function requireChannels(origin: string, channels: PersonChannelDays): void {
  const c = requireObject(origin, 'channels', channels) as unknown as PersonChannelDays;
  const rows = c.numPersons * c.numDays;
  if (!Number.isInteger(c.numPersons) || c.numPersons < 0) throw new InvalidInputError(origin, 'channels.numPersons', 'must be an integer >= 0', c.numPersons);
  if (!Number.isInteger(c.numDays) || c.numDays < 1) throw new InvalidInputError(origin, 'channels.numDays', 'must be an integer >= 1', c.numDays);
  const cols: [keyof PersonChannelDays, typeof Float64Array | typeof Uint16Array][] = [
    ['captures', Float64Array], ['faceIdentified', Float64Array], ['plateIdentified', Float64Array],
    ['faceTrips', Uint16Array], ['plateTrips', Uint16Array], ['faceTripsIdentified', Float64Array],
    ['plateTripsIdentified', Float64Array], ['faceLogMiss', Float64Array], ['plateLogMiss', Float64Array],
  ];
  for (const [name, ctor] of cols) {
    const col = c[name] as unknown;
    if (!(col instanceof ctor) || col.length !== rows) {
      throw new InvalidInputError(origin, `channels.${String(name)}`, `must be a ${ctor.name} of length numPersons · numDays (${rows})`, col);
    }
  }
}

/** The options personHistoryForDays knows (its unknown options are refused). */
const PERSON_HISTORY_FOR_DAYS_OPTION_KEYS = optionKeys<HistoryDaysOptions>()({}, ['faceDays', 'plateDays', 'captureDays', 'lookbackDays']);

/**
 * Per-person steady-state history for given days on file per channel: the
 * engine under {@link personHistory} and the access analysis (which passes
 * each principal's reach, `via` chains resolved).
 *
 * For person p, with the simulated days cycling backwards from now:
 * - capturesOnFile = Σ captures over the last `captureDays` days;
 * - identifiableOnFile = Σ faceIdentified over `faceDays` + Σ plateIdentified over `plateDays`;
 * - tripsInWindow = Σ (faceTrips + plateTrips) over `lookbackDays`;
 * - reconstructableTrips = Σ faceTripsIdentified over min(faceDays, lookbackDays) + the same for plates
 *   (a trip identifies its person from what is on file when its captures are still kept);
 * - reconstructableShare = reconstructableTrips / tripsInWindow, 0 without trips;
 * - pHistoryOnFile = 1 − exp(logMissWithin(faceLogMiss, faceDays) + logMissWithin(plateLogMiss, plateDays)).
 * Fractional days count pro rata (see sumWithin / logMissWithin). Legal holds are not included.
 *
 * @param channels - per-person-day channel figures (personChannelDays)
 * @param options - faceDays, plateDays, captureDays, lookbackDays (all finite, ≥ 0)
 * @returns {@link HistoryColumns}
 * @throws {InvalidInputError} malformed channels; a negative or non-finite number of days
 * @example
 * const h = personHistoryForDays(pc, { faceDays: 30, plateDays: 90, captureDays: 30, lookbackDays: 30 });
 * h.reconstructableShare[0];
 * @remarks O(numPersons · min(days, numDays)); no allocation per person.
 */
export function personHistoryForDays(channels: PersonChannelDays, options: HistoryDaysOptions): HistoryColumns {
  checkOptions('personHistoryForDays', options, PERSON_HISTORY_FOR_DAYS_OPTION_KEYS);
  requireChannels(FOR_DAYS, channels);
  const o = requireObject(FOR_DAYS, 'options', options);
  const faceDays = requireNonNegative(FOR_DAYS, 'options.faceDays', o.faceDays);
  const plateDays = requireNonNegative(FOR_DAYS, 'options.plateDays', o.plateDays);
  const captureDays = requireNonNegative(FOR_DAYS, 'options.captureDays', o.captureDays);
  const lookbackDays = o.lookbackDays === undefined ? HISTORY_DEFAULTS.lookbackDays : requireNonNegative(FOR_DAYS, 'options.lookbackDays', o.lookbackDays);
  return historyKernel(channels, faceDays, plateDays, captureDays, lookbackDays);
}

/**
 * Weights of the simulated days in a window of `days` days (cycling backwards
 * from the newest day, as sumWithin does): whole days in `w`, a fractional
 * oldest day `frac` at index `fi`.
 */
interface DayWindow {
  w: Float64Array;
  fi: number;
  frac: number;
}

function dayWindow(days: number, nd: number): DayWindow {
  const whole = Math.floor(days);
  const cycles = Math.floor(whole / nd);
  const rest = whole - cycles * nd;
  const w = new Float64Array(nd).fill(cycles);
  for (let j = 0; j < rest; j++) w[nd - 1 - j] += 1;
  return { w, fi: nd - 1 - rest, frac: days - whole };
}

/** Σ over the window of a per-person-day column (= sumWithin up to rounding). */
function sumWin(col: Float64Array, base: number, nd: number, win: DayWindow): number {
  let s = 0;
  const w = win.w;
  for (let d = 0; d < nd; d++) if (w[d] !== 0) s += w[d] * col[base + d];
  if (win.frac > 0) s += win.frac * col[base + win.fi];
  return s;
}

function sumWin16(col: Uint16Array, base: number, nd: number, win: DayWindow): number {
  let s = 0;
  const w = win.w;
  for (let d = 0; d < nd; d++) if (w[d] !== 0) s += w[d] * col[base + d];
  if (win.frac > 0) s += win.frac * col[base + win.fi];
  return s;
}

/** log P(no identification) over the window (= logMissWithin up to rounding; never NaN: zero weights skipped). */
function logMissWin(lm: Float64Array, base: number, nd: number, win: DayWindow): number {
  let s = 0;
  const w = win.w;
  for (let d = 0; d < nd; d++) if (w[d] !== 0) s += w[d] * lm[base + d];
  if (win.frac > 0) s += Math.log1p(win.frac * Math.expm1(lm[base + win.fi]));
  return s;
}

/**
 * The per-person loop (inputs validated). The window weights are the same
 * for every person, so they are computed once; one simulated day (the usual
 * case) takes a scalar path. Results equal sumWithin / logMissWithin up to
 * floating-point rounding (tests: 1e-12).
 */
function historyKernel(c: PersonChannelDays, faceDays: number, plateDays: number, captureDays: number, lookbackDays: number): HistoryColumns {
  const n = c.numPersons;
  const nd = c.numDays;
  const capturesOnFile = new Float64Array(n);
  const identifiableOnFile = new Float64Array(n);
  const tripsInWindow = new Float64Array(n);
  const reconstructableTrips = new Float64Array(n);
  const reconstructableShare = new Float64Array(n);
  const pHistoryOnFile = new Float64Array(n);
  const faceWin = Math.min(faceDays, lookbackDays);
  const plateWin = Math.min(plateDays, lookbackDays);
  const { captures, faceIdentified, plateIdentified, faceTrips, plateTrips, faceTripsIdentified, plateTripsIdentified, faceLogMiss, plateLogMiss } = c;
  let numWithoutTrips = 0;
  if (nd === 1) {
    // Window of D days over one repeated day: weight D on it; log-miss: floor(D) · lm + log(1 − frac · pDay).
    const fWhole = Math.floor(faceDays), fFrac = faceDays - fWhole;
    const pWhole = Math.floor(plateDays), pFrac = plateDays - pWhole;
    for (let p = 0; p < n; p++) {
      capturesOnFile[p] = captureDays * captures[p];
      identifiableOnFile[p] = faceDays * faceIdentified[p] + plateDays * plateIdentified[p];
      const trips = lookbackDays * (faceTrips[p] + plateTrips[p]);
      tripsInWindow[p] = trips;
      if (trips > 0) {
        const rec = faceWin * faceTripsIdentified[p] + plateWin * plateTripsIdentified[p];
        reconstructableTrips[p] = rec;
        reconstructableShare[p] = rec / trips;
      } else numWithoutTrips++;
      const fl = faceLogMiss[p];
      const pl = plateLogMiss[p];
      let logMiss = 0;
      if (fWhole > 0 && fl !== 0) logMiss += fWhole * fl;
      if (fFrac > 0 && fl !== 0) logMiss += Math.log1p(fFrac * Math.expm1(fl));
      if (pWhole > 0 && pl !== 0) logMiss += pWhole * pl;
      if (pFrac > 0 && pl !== 0) logMiss += Math.log1p(pFrac * Math.expm1(pl));
      pHistoryOnFile[p] = logMiss === 0 ? 0 : -Math.expm1(logMiss);
    }
  } else {
    const wCap = dayWindow(captureDays, nd);
    const wFace = dayWindow(faceDays, nd);
    const wPlate = dayWindow(plateDays, nd);
    const wLook = dayWindow(lookbackDays, nd);
    const wFaceWin = dayWindow(faceWin, nd);
    const wPlateWin = dayWindow(plateWin, nd);
    for (let p = 0; p < n; p++) {
      const base = p * nd;
      capturesOnFile[p] = sumWin(captures, base, nd, wCap);
      identifiableOnFile[p] = sumWin(faceIdentified, base, nd, wFace) + sumWin(plateIdentified, base, nd, wPlate);
      const trips = sumWin16(faceTrips, base, nd, wLook) + sumWin16(plateTrips, base, nd, wLook);
      tripsInWindow[p] = trips;
      if (trips > 0) {
        const rec = sumWin(faceTripsIdentified, base, nd, wFaceWin) + sumWin(plateTripsIdentified, base, nd, wPlateWin);
        reconstructableTrips[p] = rec;
        reconstructableShare[p] = rec / trips;
      } else numWithoutTrips++;
      const logMiss = logMissWin(faceLogMiss, base, nd, wFace) + logMissWin(plateLogMiss, base, nd, wPlate);
      pHistoryOnFile[p] = -Math.expm1(logMiss) + 0; // + 0: never −0
    }
  }
  return {
    numPersons: n,
    capturesOnFile,
    identifiableOnFile,
    tripsInWindow,
    reconstructableTrips,
    reconstructableShare,
    pHistoryOnFile,
    numWithoutTrips,
    params: { faceDays, plateDays, captureDays, lookbackDays, numDays: nd },
  };
}

/** Options of {@link personHistory}. */
export interface PersonHistoryOptions {
  /** How long the system has run, days (bounds `'forever'` and every rule). */
  operatingDays: number;
  /** Days of trips looked back on (default 30). */
  lookbackDays?: number;
  /** Only copies this principal can read, directly or through `via` chains (as analyseAccess counts them). */
  reader?: string;
  /** Quantiles for the summaries (default HISTORY_DEFAULTS.quantiles). */
  quantiles?: readonly number[];
}

/** Result of {@link personHistory} (plain data). */
export interface PersonHistory extends HistoryColumns {
  /** Days on file per channel, and of video (captures), for the reader when given. */
  keptDays: { face: number; plate: number; captures: number };
  summary: Record<'capturesOnFile' | 'identifiableOnFile' | 'reconstructableShare' | 'pHistoryOnFile', HistorySummary>;
  /** Mean reconstructable share over persons with at least one trip in the window (0 when nobody travelled). */
  meanShareOfTravellers: number;
  params: HistoryColumns['params'] & {
    policy: string;
    operatingDays: number;
    reader: string | null;
    /** Population steady state: legal holds are transient and not included (see reconstructHistory). */
    legalHolds: 'not included';
    quantiles: number[];
  };
}

const HISTORY = 'personHistory';

/** @internal Throws unless `reader` is undefined or a principal of the policy (shared with reconstructHistory). */
export function requireReader(origin: string, policy: RetentionPolicy, reader: unknown): string | undefined {
  if (reader === undefined) return undefined;
  const ids = policy.principals.map((p) => p.id);
  if (typeof reader !== 'string' || !ids.includes(reader)) {
    throw new InvalidInputError(origin, 'options.reader', `must be a principal of the policy (${ids.join(', ')})`, reader);
  }
  return reader;
}

function requirePolicy(origin: string, policy: RetentionPolicy): void {
  const p = requireObject(origin, 'policy', policy);
  if (!Array.isArray(p.rules) || p.rules.length !== RETENTION_TIERS.length * DATA_KINDS.length || !Array.isArray(p.principals) || !Array.isArray(p.legalHolds)) {
    throw new InvalidInputError(origin, 'policy', 'must be a resolved policy (from createRetentionPolicy)', policy);
  }
}

function requireQuantiles(origin: string, value: unknown, field = 'options.quantiles'): number[] {
  if (value === undefined) return [...HISTORY_DEFAULTS.quantiles];
  if (!Array.isArray(value)) throw new InvalidInputError(origin, field, 'must be an array of probabilities', value);
  return value.map((q, i) => {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw new InvalidInputError(origin, `${field}[${i}]`, 'must be a probability in [0, 1]', q);
    return q;
  });
}

/**
 * Population steady state under a policy: per resident, the expected
 * captures on file, identifying captures on file, the share of their trips
 * in the last `lookbackDays` days that can be reconstructed, and the
 * probability that at least one identification of them is on file; with
 * summaries (mean, min, max, quantiles). Legal holds are left out (transient;
 * evaluate them with reconstructHistory on a sample).
 *
 * @param policy - a resolved policy
 * @param channels - per-person-day channel figures (personChannelDays on the exposure layer's trips)
 * @param options - operatingDays (required), lookbackDays (default 30), reader, quantiles
 * @returns a {@link PersonHistory}
 * @throws {InvalidInputError} operatingDays or lookbackDays negative or not finite; an unknown reader;
 *   malformed channels or quantiles
 * @example
 * const pc = personChannelDays(exposure.trips, { numPersons: exposure.numResidents, numDays: exposure.numDays });
 * const h = personHistory(policy, pc, { operatingDays: 365, lookbackDays: 30 });
 * h.summary.reconstructableShare.mean;
 * const police = personHistory(policy, pc, { operatingDays: 365, reader: 'police' });
 * @remarks O(numPersons · min(days, numDays)) plus O(numPersons) per summary (selection, no sort).
 */
export function personHistory(policy: RetentionPolicy, channels: PersonChannelDays, options: PersonHistoryOptions): PersonHistory {
  checkOptions('personHistory', options, PERSON_HISTORY_OPTION_KEYS);
  requirePolicy(HISTORY, policy);
  const o = requireObject(HISTORY, 'options', options);
  const operatingDays = requireNonNegative(HISTORY, 'options.operatingDays', o.operatingDays);
  const lookbackDays = o.lookbackDays === undefined ? HISTORY_DEFAULTS.lookbackDays : requireNonNegative(HISTORY, 'options.lookbackDays', o.lookbackDays);
  const reader = requireReader(HISTORY, policy, o.reader);
  const quantiles = requireQuantiles(HISTORY, o.quantiles);
  requireChannels(HISTORY, channels);
  const { face, plate } = channelDays(policy, operatingDays, reader);
  const captures = kindDaysFor(policy, operatingDays, reader).video;
  const cols = historyKernel(channels, face, plate, captures, lookbackDays);
  const travellers = cols.numPersons - cols.numWithoutTrips;
  let shareSum = 0;
  for (let p = 0; p < cols.numPersons; p++) shareSum += cols.reconstructableShare[p];
  return {
    ...cols,
    keptDays: { face, plate, captures },
    summary: {
      capturesOnFile: summariseHistoryValues(cols.capturesOnFile, quantiles),
      identifiableOnFile: summariseHistoryValues(cols.identifiableOnFile, quantiles),
      reconstructableShare: summariseHistoryValues(cols.reconstructableShare, quantiles),
      pHistoryOnFile: summariseHistoryValues(cols.pHistoryOnFile, quantiles),
    },
    meanShareOfTravellers: travellers > 0 ? shareSum / travellers : 0,
    params: { ...cols.params, policy: policy.name, operatingDays, reader: reader ?? null, legalHolds: 'not included', quantiles },
  };
}

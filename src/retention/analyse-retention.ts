/**
 * The whole retention analysis of one policy — how far back each kind of
 * data reaches, the storage it takes, what of each resident's history is on
 * file and who can read it — and the comparison of two such analyses
 * (`compareRetention`), for reports and scenario deltas.
 */
import { InvalidInputError } from '../core/index.js';
import { requireObject, requirePositive, checkOptions, optionKeys, withNestedOptions } from '../core/internal.js';
import { type CommandNetwork } from '../network/index.js';
import { analyseAccess, type AccessAnalysis } from './access.js';
import { requireRetentionPolicy } from './access-graph.js';
import { personHistory, retentionReach, type HistorySummary, type PersonHistory, type RetentionReach } from './history.js';
import type { PersonChannelDays } from './person-channels.js';
import { DATA_KINDS, RETENTION_TIERS, type DataKind, type PolicyEvidence, type RetentionPolicy, type RetentionTier } from './policy.js';
import { RETENTION_STORAGE_DEFAULTS, RETENTION_STORAGE_OPTION_KEYS, retentionStorage, type RetentionStorage, type RetentionStorageOptions } from './storage.js';

/** Defaults of {@link analyseRetention}. */
export const ANALYSE_RETENTION_DEFAULTS = {
  /** Days the system has run (bounds `'forever'`): the storage model's default, ten years (assumption). */
  operatingDays: RETENTION_STORAGE_DEFAULTS.operatingDays as number,
  /** Days of a resident's recent trips asked about (30, as the history and access analyses). */
  lookbackDays: 30,
  /** Principals the "closed loop" claim allows: the police (as the access analysis). */
  allowed: ['police'] as readonly string[],
};

/** The options analyseRetention knows (its unknown options are refused). */
const ANALYSE_RETENTION_OPTION_KEYS = withNestedOptions(optionKeys<AnalyseRetentionOptions>()(ANALYSE_RETENTION_DEFAULTS, ['network', 'storage', 'channels']), {
  // operatingDays is known here, to be refused with its own message (it is set once for every part).
  storage: RETENTION_STORAGE_OPTION_KEYS,
});

/** Options of {@link analyseRetention}. */
export interface AnalyseRetentionOptions {
  /** Days the system has run (> 0; default 3,650, assumption). */
  operatingDays?: number;
  /** Days of recent trips asked about (> 0; default 30). */
  lookbackDays?: number;
  /** The command network: storage per tier, kind and node is computed when given. */
  network?: CommandNetwork;
  /** Storage options (events per day, replication, price, record sizes); `operatingDays` comes from above. */
  storage?: Omit<RetentionStorageOptions, 'operatingDays'>;
  /** Residents' exposure per person and day (personChannelDays): history and access are computed when given. */
  channels?: PersonChannelDays;
  /** Principals the "closed loop" claim allows (default police). */
  allowed?: readonly string[];
}

/** Result of {@link analyseRetention}. Per-person columns are typed arrays (not written to JSON by the scenario layer). */
export interface RetentionAnalysis {
  policy: { name: string; description: string; sources: string[]; evidence: PolicyEvidence; tiers: RetentionTier[]; legalHolds: string[] };
  reach: RetentionReach;
  /** Null without a network. */
  storage: RetentionStorage | null;
  /** Steady state over every copy (any reader); null without channels. */
  history: PersonHistory | null;
  /** Null without channels. */
  access: AccessAnalysis | null;
  params: { operatingDays: number; lookbackDays: number; allowed: string[]; numPersons: number | null; numDays: number | null };
  /** Milliseconds per part (not part of the model's output: varies between runs). */
  timings: { reach: number; storage: number; history: number; access: number };
}

const ORIGIN = 'analyseRetention';

/**
 * Runs every retention analysis of one policy: reach per kind
 * (retentionReach), storage with a network (retentionStorage), and with
 * residents' exposure the steady-state history (personHistory, any reader)
 * and access (analyseAccess: per principal, per resident, the closed-loop
 * check).
 *
 * @param policy - a resolved policy (createRetentionPolicy / retentionPreset)
 * @param options - `operatingDays`, `lookbackDays`, `network` + `storage`, `channels`, `allowed`
 * @returns a {@link RetentionAnalysis}
 * @throws {InvalidInputError} from the parts, naming the field: bad days, a policy tier the network lacks,
 *   malformed channels, unknown allowed principals
 * @example
 * const pc = personChannelDays(exposure.trips, { numPersons: exposure.numResidents, numDays: exposure.numDays });
 * const a = analyseRetention(retentionPreset('kazakhstan-90d'), { network, channels: pc, storage: { events } });
 * a.storage.totals.storedTB; a.history.summary.reconstructableShare.mean; a.access.closedLoop;
 * @remarks O(tiers · kinds · principals + nodes + cameras + numPersons · numDays · distinct reach windows),
 *   per-person channels and event rates included (benchmark `retention-analysis-1m`; figures in benchmarks/README.md).
 */
export function analyseRetention(policy: RetentionPolicy, options: AnalyseRetentionOptions = {}): RetentionAnalysis {
  checkOptions('analyseRetention', options, ANALYSE_RETENTION_OPTION_KEYS);
  requireRetentionPolicy(ORIGIN, policy);
  const o = requireObject(ORIGIN, 'options', options);
  const operatingDays = o.operatingDays === undefined ? ANALYSE_RETENTION_DEFAULTS.operatingDays : requirePositive(ORIGIN, 'options.operatingDays', o.operatingDays);
  const lookbackDays = o.lookbackDays === undefined ? ANALYSE_RETENTION_DEFAULTS.lookbackDays : requirePositive(ORIGIN, 'options.lookbackDays', o.lookbackDays);
  const known = policy.principals.map((p) => p.id);
  let allowed = [...ANALYSE_RETENTION_DEFAULTS.allowed];
  if (o.allowed !== undefined) {
    if (!Array.isArray(o.allowed)) throw new InvalidInputError(ORIGIN, 'options.allowed', 'must be an array of principal ids', o.allowed);
    allowed = o.allowed.map((id: unknown, i: number) => {
      if (typeof id !== 'string' || !known.includes(id)) throw new InvalidInputError(ORIGIN, `options.allowed[${i}]`, `must be a principal of the policy (${known.join(', ')})`, id);
      return id;
    });
  }
  if (o.storage !== undefined) {
    if (o.network === undefined) throw new InvalidInputError(ORIGIN, 'options.storage', 'needs options.network (storage is computed on the command network)', o.storage);
    const st = requireObject(ORIGIN, 'options.storage', o.storage);
    if (st.operatingDays !== undefined) throw new InvalidInputError(ORIGIN, 'options.storage.operatingDays', 'is set once for every part: use options.operatingDays', st.operatingDays);
  }
  const channels = o.channels as PersonChannelDays | undefined;

  let t = performance.now();
  const reach = retentionReach(policy, { operatingDays });
  const tReach = performance.now() - t;
  t = performance.now();
  const storage = o.network === undefined ? null : retentionStorage(policy, o.network as CommandNetwork, { ...(o.storage as object | undefined), operatingDays });
  const tStorage = performance.now() - t;
  t = performance.now();
  const history = channels === undefined ? null : personHistory(policy, channels, { operatingDays, lookbackDays });
  const tHistory = performance.now() - t;
  t = performance.now();
  const access = channels === undefined ? null : analyseAccess(policy, channels, { operatingDays, lookbackDays, allowed });
  const tAccess = performance.now() - t;
  return {
    policy: { name: policy.name, description: policy.description, sources: [...policy.sources], evidence: policy.evidence, tiers: [...policy.tiers], legalHolds: policy.legalHolds.map((h) => h.id) },
    reach,
    storage,
    history,
    access,
    params: { operatingDays, lookbackDays, allowed, numPersons: channels?.numPersons ?? null, numDays: channels?.numDays ?? null },
    timings: { reach: tReach, storage: tStorage, history: tHistory, access: tAccess },
  };
}

/** One number in two analyses. `ratio` is b / a (null when a is 0). */
export interface RetentionDelta {
  a: number;
  b: number;
  delta: number;
  ratio: number | null;
}

function delta(a: number, b: number): RetentionDelta {
  return { a, b, delta: b - a, ratio: a !== 0 ? b / a : null };
}

/** Result of {@link compareRetention}: B minus A, part by part (a part missing on either side is null). */
export interface RetentionComparison {
  a: string;
  b: string;
  /** Parameters that differ between the two analyses (operatingDays, lookbackDays, allowed, numPersons, numDays): deltas then mix policy and setting. */
  mismatched: { param: string; a: unknown; b: unknown }[];
  /** Longest days on file per kind, and per identification channel. */
  reach: { kinds: Record<DataKind, RetentionDelta>; channels: { face: RetentionDelta; plate: RetentionDelta } };
  storage: {
    storedTB: RetentionDelta;
    costPerMonth: RetentionDelta;
    dailyCreatedTB: RetentionDelta;
    shortfallTB: RetentionDelta;
    overCapacityNodes: RetentionDelta;
    byTier: Partial<Record<RetentionTier, RetentionDelta>>;
    byKind: Record<DataKind, RetentionDelta>;
  } | null;
  /** Means (and medians) over residents of the steady-state history. */
  history: Record<'capturesOnFile' | 'identifiableOnFile' | 'reconstructableShare' | 'pHistoryOnFile', { mean: RetentionDelta; median: RetentionDelta }> & {
    meanShareOfTravellers: RetentionDelta;
  } | null;
  access: {
    /** Per principal present in either policy (absent = 0 residents, 0 days). */
    principals: { principal: string; expectedResidents: RetentionDelta; shareOfResidents: RetentionDelta; faceDays: RetentionDelta; plateDays: RetentionDelta; expectedDaysPerResident: RetentionDelta }[];
    principalsPerResident: { mean: RetentionDelta; shareAtLeastTwo: RetentionDelta };
    closedLoop: { a: boolean; b: boolean };
    /** Principals beyond the allowed set in B but not in A, and the reverse. */
    beyondAllowedAdded: string[];
    beyondAllowedRemoved: string[];
  } | null;
}

function summaryDelta(a: HistorySummary, b: HistorySummary): { mean: RetentionDelta; median: RetentionDelta } {
  return { mean: delta(a.mean, b.mean), median: delta(a.quantiles['0.5'] ?? 0, b.quantiles['0.5'] ?? 0) };
}

/**
 * Compares two retention analyses (B − A): reach per kind and channel,
 * storage totals and per tier and kind, the residents' history (means and
 * medians), and access per principal, principals per resident and the
 * closed-loop check. Parts computed on one side only are null.
 *
 * @param a - the baseline analysis (analyseRetention)
 * @param b - the alternative
 * @returns a {@link RetentionComparison} (plain JSON-serialisable data)
 * @throws {InvalidInputError} when either argument is not a retention analysis
 * @example
 * const d = compareRetention(analyseRetention(video30, opts), analyseRetention(video90, opts));
 * d.storage.storedTB.ratio; // ≈ 3 for video-dominated storage
 * @remarks O(tiers · kinds + principals).
 */
export function compareRetention(a: RetentionAnalysis, b: RetentionAnalysis): RetentionComparison {
  const origin = 'compareRetention';
  for (const [field, x] of [['a', a], ['b', b]] as const) {
    const r = requireObject(origin, field, x);
    const reach = r.reach as { kinds?: Record<string, unknown>; channels?: unknown } | null;
    const ok =
      typeof r.policy === 'object' && r.policy !== null && typeof r.params === 'object' && r.params !== null &&
      typeof reach === 'object' && reach !== null && typeof reach.kinds === 'object' && reach.kinds !== null && typeof reach.channels === 'object' &&
      DATA_KINDS.every((k) => typeof (reach.kinds![k] as { longestDays?: unknown } | undefined)?.longestDays === 'number');
    if (!ok) throw new InvalidInputError(origin, field, 'must be a retention analysis (analyseRetention)', x);
  }
  const mismatched: RetentionComparison['mismatched'] = [];
  for (const param of ['operatingDays', 'lookbackDays', 'allowed', 'numPersons', 'numDays'] as const) {
    if (JSON.stringify(a.params[param]) !== JSON.stringify(b.params[param])) mismatched.push({ param, a: a.params[param], b: b.params[param] });
  }
  const kinds = {} as Record<DataKind, RetentionDelta>;
  for (const k of DATA_KINDS) kinds[k] = delta(a.reach.kinds[k].longestDays, b.reach.kinds[k].longestDays);
  const reach = { kinds, channels: { face: delta(a.reach.channels.face, b.reach.channels.face), plate: delta(a.reach.channels.plate, b.reach.channels.plate) } };

  let storage: RetentionComparison['storage'] = null;
  if (a.storage && b.storage) {
    const sa = a.storage;
    const sb = b.storage;
    const byTier: Partial<Record<RetentionTier, RetentionDelta>> = {};
    for (const tier of RETENTION_TIERS) {
      const ta = sa.byTier.find((r) => r.tier === tier);
      const tb = sb.byTier.find((r) => r.tier === tier);
      if (ta || tb) byTier[tier] = delta(ta?.storedTB ?? 0, tb?.storedTB ?? 0);
    }
    const byKind = {} as Record<DataKind, RetentionDelta>;
    for (const k of DATA_KINDS) byKind[k] = delta(sa.byKind.find((r) => r.kind === k)?.storedTB ?? 0, sb.byKind.find((r) => r.kind === k)?.storedTB ?? 0);
    storage = {
      storedTB: delta(sa.totals.storedTB, sb.totals.storedTB),
      costPerMonth: delta(sa.totals.costPerMonth, sb.totals.costPerMonth),
      dailyCreatedTB: delta(sa.totals.dailyCreatedTB, sb.totals.dailyCreatedTB),
      shortfallTB: delta(sa.totals.shortfallTB, sb.totals.shortfallTB),
      overCapacityNodes: delta(sa.totals.overCapacityNodes, sb.totals.overCapacityNodes),
      byTier,
      byKind,
    };
  }

  let history: RetentionComparison['history'] = null;
  if (a.history && b.history) {
    const ha = a.history.summary;
    const hb = b.history.summary;
    history = {
      capturesOnFile: summaryDelta(ha.capturesOnFile, hb.capturesOnFile),
      identifiableOnFile: summaryDelta(ha.identifiableOnFile, hb.identifiableOnFile),
      reconstructableShare: summaryDelta(ha.reconstructableShare, hb.reconstructableShare),
      pHistoryOnFile: summaryDelta(ha.pHistoryOnFile, hb.pHistoryOnFile),
      meanShareOfTravellers: delta(a.history.meanShareOfTravellers, b.history.meanShareOfTravellers),
    };
  }

  let access: RetentionComparison['access'] = null;
  if (a.access && b.access) {
    const ids: string[] = [];
    for (const p of [...a.access.principals, ...b.access.principals]) if (!ids.includes(p.principal)) ids.push(p.principal);
    const zero = { expectedResidents: 0, shareOfResidents: 0, faceDays: 0, plateDays: 0, expectedDaysPerResident: 0 };
    const principals = ids.map((id) => {
      const pa = a.access!.principals.find((p) => p.principal === id) ?? zero;
      const pb = b.access!.principals.find((p) => p.principal === id) ?? zero;
      return {
        principal: id,
        expectedResidents: delta(pa.expectedResidents, pb.expectedResidents),
        shareOfResidents: delta(pa.shareOfResidents, pb.shareOfResidents),
        faceDays: delta(pa.faceDays, pb.faceDays),
        plateDays: delta(pa.plateDays, pb.plateDays),
        expectedDaysPerResident: delta(pa.expectedDaysPerResident, pb.expectedDaysPerResident),
      };
    });
    const beyondA = a.access.beyondAllowed.map((x) => x.principal);
    const beyondB = b.access.beyondAllowed.map((x) => x.principal);
    access = {
      principals,
      principalsPerResident: {
        mean: delta(a.access.principalsPerResidentSummary.mean, b.access.principalsPerResidentSummary.mean),
        shareAtLeastTwo: delta(a.access.principalsPerResidentSummary.shareAtLeastTwo, b.access.principalsPerResidentSummary.shareAtLeastTwo),
      },
      closedLoop: { a: a.access.closedLoop, b: b.access.closedLoop },
      beyondAllowedAdded: beyondB.filter((id) => !beyondA.includes(id)),
      beyondAllowedRemoved: beyondA.filter((id) => !beyondB.includes(id)),
    };
  }
  return { a: a.policy.name, b: b.policy.name, mismatched, reach, storage, history, access };
}

/**
 * Access at population scale: for each principal, how many residents'
 * histories and how many days of them it can reach; for each resident, how
 * many principals can reach theirs; and the "closed loop" claim (only the
 * police see face and plate data) made checkable.
 *
 * Model (shared by the retention layer; see the README section):
 * - A resident's history is what identifies them in the last `lookbackDays`
 *   days before now. The simulated days repeat ("the last N days" cycle them,
 *   newest = day numDays − 1), as in {@link sumWithin} / {@link logMissWithin}.
 * - A principal reaches a face capture while a kind carrying the face channel
 *   (CHANNEL_KINDS.face: video, faceTemplates, sightings) is on file at a
 *   store it can read (directly or through `via` chains), and a plate capture
 *   likewise (video, plateReads). With face reach F and plate reach L days
 *   ({@link principalReach}), its window into a history of `lookbackDays` W is
 *   the last min(F, W) days of walk trips and the last min(L, W) days of car trips.
 * - Days are independent; within a day, trips are independent with the
 *   exposure layer's P(trip identifies the person) (`pIdentified`). A
 *   fractional last day of weight w counts as probability w · P(day), as
 *   logMissWithin does.
 * - Legal holds are left out: they are transient, and these are steady-state
 *   figures (the holds each principal reaches are listed, and a hold that lets
 *   a principal outside `allowed` read face or plate data breaks the closed loop).
 * - Copies to upper tiers carry every camera's data (the archive is fetched
 *   even from record-only cameras): a simplification of the storage model
 *   that reach inherits.
 */
import { InvalidInputError } from '../core/index.js';
import { requireInteger, requireObject, requirePositive, checkOptions, optionKeys } from '../core/internal.js';
import { buildAccessGraph, reachOnGraph, requireRetentionPolicy, type ReachedHold, type ReachedStore } from './access-graph.js';
import { CHANNEL_KINDS, type DataKind, type RetentionPolicy } from './policy.js';
import type { PersonChannelDays } from './person-channels.js';
import { summariseHistoryValues } from './history.js';

/** Defaults of {@link analyseAccess}. */
export const ACCESS_DEFAULTS = {
  /** Days of a resident's history looked at (the last N days before now). Assumption: a month, the common video-retention period (NYPD DAS video and Flock plate reads: 30 days). */
  lookbackDays: 30,
  /** Principals allowed to see face and plate data under the "closed loop" claim (issue 5). Assumption: the claim read as "only the police see face and plate data". */
  allowed: ['police'] as readonly string[],
  /** Quantiles of the per-resident count of principals. */
  quantiles: [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as readonly number[],
  /** A resident counts as reachable by ≥ 2 principals when the expected count is ≥ 2 − this (rounding of sums of probabilities). */
  tolerance: 1e-9,
};

/** The options analyseAccess knows (its unknown options are refused). */
const ANALYSE_ACCESS_OPTION_KEYS = optionKeys<AccessOptions>()(ACCESS_DEFAULTS, ['operatingDays'], ['quantiles', 'tolerance']);

/** Options of {@link analyseAccess}. */
export interface AccessOptions {
  /** How long the system has been running, days (> 0): bounds `'forever'`. */
  operatingDays: number;
  /** Days of history looked at (> 0, default 30). */
  lookbackDays?: number;
  /** Principals allowed to read face and plate data (default `['police']`); each must be a principal of the policy. */
  allowed?: readonly string[];
}

/** What one principal can reach, at population scale. */
export interface PrincipalAccess {
  principal: string;
  label: string;
  /** Kinds of which it reaches at least one store (even one kept 0 days). */
  kinds: DataKind[];
  /** Per kind, the longest days on file it reaches (holds left out). */
  days: Record<DataKind, number>;
  /** Longest days on file of any face-channel / plate-channel kind it reaches. */
  faceDays: number;
  plateDays: number;
  /** Its window into a history of `lookbackDays`: min(faceDays, lookbackDays), min(plateDays, lookbackDays). */
  window: { faceDays: number; plateDays: number };
  stores: ReachedStore[];
  holds: ReachedHold[];
  /** Principals it reaches data through (`via` chains). */
  via: string[];
  /** Σ over residents of P(at least one identification on file within its window). */
  expectedResidents: number;
  /** expectedResidents / numPersons. */
  shareOfResidents: number;
  /** Mean over residents of Σ over days in its window of P(identified that day from what it reaches). */
  expectedDaysPerResident: number;
  /** Expected identifying captures (face on walk trips, plate on car trips) on file within its window, all residents. */
  expectedIdentifyingCaptures: number;
  /** The same per resident. */
  identifyingCapturesPerResident: number;
}

/** A principal outside `allowed` that reaches face or plate data. */
export interface AccessBreach {
  principal: string;
  label: string;
  /** Face- and plate-channel kinds it reaches on file (days > 0), or through holds. */
  kinds: DataKind[];
  faceDays: number;
  plateDays: number;
  /** Residents whose history it reaches (expected), as in {@link PrincipalAccess.expectedResidents}. */
  expectedResidents: number;
  /** True when only legal holds give it face or plate data (transient; 0 residents at steady state). */
  holdsOnly: boolean;
}

/** Mean, extremes and quantiles of the per-resident count of principals. */
export interface PrincipalsPerResidentSummary {
  mean: number;
  min: number;
  max: number;
  /** At ACCESS_DEFAULTS.quantiles, `{ '0.5': median, … }` (linear interpolation, R/numpy type 7, as simple-statistics' quantileSorted). */
  quantiles: Record<string, number>;
  /** Share of residents whose expected count of principals is ≥ 2. */
  shareAtLeastTwo: number;
}

/** Result of {@link analyseAccess} (plain data). */
export interface AccessAnalysis {
  policy: string;
  params: {
    operatingDays: number;
    lookbackDays: number;
    allowed: string[];
    numPersons: number;
    numDays: number;
    legalHolds: string;
  };
  /** One per principal, in policy order. */
  principals: PrincipalAccess[];
  /** Per resident: Σ over principals of P(the principal reaches their history). */
  principalsPerResident: Float64Array;
  principalsPerResidentSummary: PrincipalsPerResidentSummary;
  /**
   * True iff no principal outside `allowed` reaches any face or plate data on file. Choices, stated: a
   * copy kept 0 days (live viewing only) does not break the loop; alerts do not (they name people on a
   * watchlist, not residents at large); a legal hold does, when a principal outside `allowed` may read it
   * (the default hold readers are police and prosecutors: allow `prosecutors` to keep such a loop closed;
   * `beyondAllowed[i].holdsOnly` marks a break through holds only).
   */
  closedLoop: boolean;
  /** The principals that break it, in policy order. */
  beyondAllowed: AccessBreach[];
}

const ORIGIN = 'analyseAccess';

function requireColumn(field: string, value: unknown, rows: number): Float64Array {
  if (!(value instanceof Float64Array) || value.length < rows) {
    throw new InvalidInputError(ORIGIN, `channels.${field}`, `must be a Float64Array of length >= numPersons · numDays (${rows})`, value);
  }
  return value;
}

/**
 * Who can read whose history: per principal, the kinds and days it reaches,
 * the expected residents whose history (last `lookbackDays` days) it reaches,
 * expected days of history per resident and identifying captures it can read;
 * per resident, the expected number of principals that reach them; and the
 * closed-loop check.
 *
 * @param policy - a resolved policy (createRetentionPolicy)
 * @param channels - per person and day, per channel (personChannelDays)
 * @param options - `operatingDays` (required), `lookbackDays` (30), `allowed` (`['police']`)
 * @returns an {@link AccessAnalysis}
 * @throws {InvalidInputError} `operatingDays` or `lookbackDays` not a finite number > 0, `allowed` not an
 *   array of principals of the policy, malformed channels, a policy not made by createRetentionPolicy
 * @example
 * const pc = personChannelDays(exposure.trips, { numPersons: exposure.numResidents });
 * const access = analyseAccess(policy, pc, { operatingDays: 365 });
 * access.closedLoop;                // false when banks reach templates through the biometric platform
 * access.beyondAllowed.map((b) => b.principal);
 * @remarks O(principals · edges + G · numPersons · numDays) for G distinct (face, plate) windows among the
 *   principals (principals sharing a window are computed once; one pass over the residents for all windows); the
 *   benchmark benchmarks/cases/retention-access.mjs times 1,000,000 residents × 1 day with the six built-in
 *   principals (figures in benchmarks/README.md).
 */
export function analyseAccess(policy: RetentionPolicy, channels: PersonChannelDays, options: AccessOptions): AccessAnalysis {
  checkOptions('analyseAccess', options, ANALYSE_ACCESS_OPTION_KEYS);
  requireRetentionPolicy(ORIGIN, policy);
  const o = requireObject(ORIGIN, 'options', options);
  const operatingDays = requirePositive(ORIGIN, 'options.operatingDays', o.operatingDays);
  const lookbackDays = o.lookbackDays === undefined ? ACCESS_DEFAULTS.lookbackDays : requirePositive(ORIGIN, 'options.lookbackDays', o.lookbackDays);
  const known = new Set(policy.principals.map((p) => p.id));
  let allowed: string[] = [...ACCESS_DEFAULTS.allowed];
  if (o.allowed !== undefined) {
    if (!Array.isArray(o.allowed)) throw new InvalidInputError(ORIGIN, 'options.allowed', 'must be an array of principal ids', o.allowed);
    allowed = [];
    o.allowed.forEach((id: unknown, i: number) => {
      if (typeof id !== 'string' || !known.has(id)) throw new InvalidInputError(ORIGIN, `options.allowed[${i}]`, `must be a principal of the policy (${[...known].join(', ')})`, id);
      if (!allowed.includes(id)) allowed.push(id);
    });
  }
  const c = requireObject(ORIGIN, 'channels', channels);
  const numPersons = requireInteger(ORIGIN, 'channels.numPersons', c.numPersons, 1);
  const numDays = requireInteger(ORIGIN, 'channels.numDays', c.numDays, 1);
  const rows = numPersons * numDays;
  const faceLogMiss = requireColumn('faceLogMiss', c.faceLogMiss, rows);
  const plateLogMiss = requireColumn('plateLogMiss', c.plateLogMiss, rows);
  const faceIdentified = requireColumn('faceIdentified', c.faceIdentified, rows);
  const plateIdentified = requireColumn('plateIdentified', c.plateIdentified, rows);

  const reach = reachOnGraph(buildAccessGraph(policy), policy, operatingDays);

  // Distinct windows: principals that share (face, plate) windows are computed once.
  const windowKeys = new Map<string, number>();
  const groupFace: number[] = [];
  const groupPlate: number[] = [];
  const groupCount: number[] = [];
  const groupOf = new Int32Array(reach.length);
  for (let i = 0; i < reach.length; i++) {
    const fw = Math.min(reach[i].channelDays.face, lookbackDays);
    const pw = Math.min(reach[i].channelDays.plate, lookbackDays);
    const key = `${fw}/${pw}`;
    let g = windowKeys.get(key);
    if (g === undefined) {
      g = groupFace.length;
      windowKeys.set(key, g);
      groupFace.push(fw);
      groupPlate.push(pw);
      groupCount.push(0);
    }
    groupCount[g]++;
    groupOf[i] = g;
  }

  // Windows that reach something; the others give 0 everywhere.
  const active: number[] = [];
  for (let g = 0; g < groupFace.length; g++) if (groupFace[g] > 0 || groupPlate[g] > 0) active.push(g);
  const principalsPerResident = new Float64Array(numPersons);
  const sumResidents = new Float64Array(groupFace.length);
  const sumDays = new Float64Array(groupFace.length);
  const sumCaptures = new Float64Array(groupFace.length);
  if (active.length > 0) {
    const tables = packTables(active.map((g) => windowTables(groupFace[g], groupPlate[g], numDays)), active.map((g) => groupCount[g]), numDays);
    windowKernel(tables, numPersons, numDays, faceLogMiss, plateLogMiss, faceIdentified, plateIdentified, principalsPerResident);
    active.forEach((g, a) => {
      sumResidents[g] = tables.sumReach[a];
      sumDays[g] = tables.sumDays[a];
      sumCaptures[g] = tables.sumCaptures[a];
    });
  }

  const principals: PrincipalAccess[] = reach.map((r, i) => {
    const g = groupOf[i];
    return {
      principal: r.principal,
      label: r.label,
      kinds: r.kinds,
      days: r.days,
      faceDays: r.channelDays.face,
      plateDays: r.channelDays.plate,
      window: { faceDays: groupFace[g], plateDays: groupPlate[g] },
      stores: r.stores,
      holds: r.holds,
      via: r.via,
      expectedResidents: sumResidents[g],
      shareOfResidents: sumResidents[g] / numPersons,
      expectedDaysPerResident: sumDays[g] / numPersons,
      expectedIdentifyingCaptures: sumCaptures[g],
      identifyingCapturesPerResident: sumCaptures[g] / numPersons,
    };
  });

  const channelKinds = new Set<DataKind>([...CHANNEL_KINDS.face, ...CHANNEL_KINDS.plate]);
  const beyondAllowed: AccessBreach[] = [];
  for (const p of principals) {
    if (allowed.includes(p.principal)) continue;
    const onFile = new Set<DataKind>();
    for (const k of CHANNEL_KINDS.face) if (p.days[k] > 0) onFile.add(k);
    for (const k of CHANNEL_KINDS.plate) if (p.days[k] > 0) onFile.add(k);
    const held = new Set<DataKind>();
    for (const h of p.holds) if (channelKinds.has(h.kind) && h.keepDays > 0) held.add(h.kind);
    if (onFile.size === 0 && held.size === 0) continue;
    beyondAllowed.push({
      principal: p.principal,
      label: p.label,
      kinds: [...channelKinds].filter((k) => onFile.has(k) || held.has(k)),
      faceDays: p.faceDays,
      plateDays: p.plateDays,
      expectedResidents: p.expectedResidents,
      holdsOnly: onFile.size === 0,
    });
  }

  return {
    policy: policy.name,
    params: {
      operatingDays,
      lookbackDays,
      allowed,
      numPersons,
      numDays,
      legalHolds: 'left out of the population figures (transient); the holds each principal reaches are listed, and count for closedLoop',
    },
    principals,
    principalsPerResident,
    principalsPerResidentSummary: summarise(principalsPerResident),
    closedLoop: beyondAllowed.length === 0,
    beyondAllowed,
  };
}

/**
 * How a (face window, plate window) pair maps onto the simulated days. Slot j
 * (0 = yesterday, 1 = the day before, …) is day numDays − 1 − (j mod numDays)
 * and has weights wf = clamp(F − j, 0, 1), wp = clamp(L − j, 0, 1). Slots with
 * whole weights are counted per day; the (at most two) slots with a
 * fractional weight are listed.
 */
interface WindowTables {
  /** Per day: slots with both channels whole, face only, plate only. */
  both: Float64Array;
  faceOnly: Float64Array;
  plateOnly: Float64Array;
  /** Per day: slots with a whole face (plate) weight (both + faceOnly, both + plateOnly). */
  faceWhole: Float64Array;
  plateWhole: Float64Array;
  /** Fractional slots: day, face weight, plate weight. */
  specialDay: number[];
  specialFace: number[];
  specialPlate: number[];
}

function addSlots(out: Float64Array, from: number, to: number, numDays: number): void {
  // Whole slots j in [from, to): cycles first, then the rest one by one.
  if (to <= from) return;
  const n = to - from;
  const cycles = Math.floor(n / numDays);
  if (cycles > 0) for (let d = 0; d < numDays; d++) out[d] += cycles;
  for (let j = from + cycles * numDays; j < to; j++) out[numDays - 1 - (j % numDays)] += 1;
}

function windowTables(faceDays: number, plateDays: number, numDays: number): WindowTables {
  const t: WindowTables = {
    both: new Float64Array(numDays),
    faceOnly: new Float64Array(numDays),
    plateOnly: new Float64Array(numDays),
    faceWhole: new Float64Array(numDays),
    plateWhole: new Float64Array(numDays),
    specialDay: [],
    specialFace: [],
    specialPlate: [],
  };
  const fWhole = Math.floor(faceDays);
  const pWhole = Math.floor(plateDays);
  const special = new Set<number>();
  if (faceDays > fWhole) special.add(fWhole);
  if (plateDays > pWhole) special.add(pWhole);
  // Pure slots: both whole in [0, min); one channel whole in [min, max), except special slots.
  const lo = Math.min(fWhole, pWhole);
  const hi = Math.max(fWhole, pWhole);
  addSlots(t.both, 0, lo, numDays);
  const one = fWhole > pWhole ? t.faceOnly : t.plateOnly;
  // A fractional slot of the shorter channel can fall inside [lo, hi): it is special, not pure.
  const cut = special.has(lo) && lo < hi ? lo : -1;
  if (cut >= 0) {
    addSlots(one, lo + 1, hi, numDays);
  } else {
    addSlots(one, lo, hi, numDays);
  }
  for (let d = 0; d < numDays; d++) {
    t.faceWhole[d] = t.both[d] + t.faceOnly[d];
    t.plateWhole[d] = t.both[d] + t.plateOnly[d];
  }
  for (const j of [...special].sort((a, b) => a - b)) {
    t.specialDay.push(numDays - 1 - (j % numDays));
    t.specialFace.push(Math.min(1, Math.max(0, faceDays - j)));
    t.specialPlate.push(Math.min(1, Math.max(0, plateDays - j)));
  }
  return t;
}

/** The window tables of all active groups, flattened (group a, day d at a · numDays + d), and their sums. */
interface PackedTables {
  numGroups: number;
  multiplicity: Float64Array;
  both: Float64Array;
  faceOnly: Float64Array;
  plateOnly: Float64Array;
  faceWhole: Float64Array;
  plateWhole: Float64Array;
  /** Fractional slots of group a: specialStart[a] … specialStart[a + 1] − 1. */
  specialStart: Int32Array;
  specialDay: Int32Array;
  specialFace: Float64Array;
  specialPlate: Float64Array;
  sumReach: Float64Array;
  sumDays: Float64Array;
  sumCaptures: Float64Array;
}

function packTables(list: WindowTables[], multiplicity: number[], numDays: number): PackedTables {
  const G = list.length;
  const flat = (pick: (t: WindowTables) => Float64Array): Float64Array => {
    const out = new Float64Array(G * numDays);
    list.forEach((t, a) => out.set(pick(t), a * numDays));
    return out;
  };
  const specialStart = new Int32Array(G + 1);
  list.forEach((t, a) => (specialStart[a + 1] = specialStart[a] + t.specialDay.length));
  return {
    numGroups: G,
    multiplicity: Float64Array.from(multiplicity),
    both: flat((t) => t.both),
    faceOnly: flat((t) => t.faceOnly),
    plateOnly: flat((t) => t.plateOnly),
    faceWhole: flat((t) => t.faceWhole),
    plateWhole: flat((t) => t.plateWhole),
    specialStart,
    specialDay: Int32Array.from(list.flatMap((t) => t.specialDay)),
    specialFace: Float64Array.from(list.flatMap((t) => t.specialFace)),
    specialPlate: Float64Array.from(list.flatMap((t) => t.specialPlate)),
    sumReach: new Float64Array(G),
    sumDays: new Float64Array(G),
    sumCaptures: new Float64Array(G),
  };
}

/**
 * The hot loop, one pass over the persons: per person, the day's probabilities
 * of identification per channel once, then for every window group P(reached),
 * expected days and identifying captures; adds multiplicity · P(reached) to
 * `perResident` and accumulates the group sums in `t`. No allocation per person.
 */
function windowKernel(
  t: PackedTables,
  numPersons: number,
  numDays: number,
  faceLogMiss: Float64Array,
  plateLogMiss: Float64Array,
  faceIdentified: Float64Array,
  plateIdentified: Float64Array,
  perResident: Float64Array,
): void {
  const { numGroups, multiplicity, both, faceOnly, plateOnly, faceWhole, plateWhole, specialStart, specialDay, specialFace, specialPlate, sumReach, sumDays, sumCaptures } = t;
  if (numDays === 1) {
    oneDayKernel(t, numPersons, faceLogMiss, plateLogMiss, faceIdentified, plateIdentified, perResident);
    return;
  }
  const pFace = new Float64Array(numDays);
  const pPlate = new Float64Array(numDays);
  for (let person = 0; person < numPersons; person++) {
    const base = person * numDays;
    for (let d = 0; d < numDays; d++) {
      pFace[d] = -Math.expm1(faceLogMiss[base + d]);
      pPlate[d] = -Math.expm1(plateLogMiss[base + d]);
    }
    let count = 0;
    for (let a = 0; a < numGroups; a++) {
      const off = a * numDays;
      let logMiss = 0;
      let days = 0;
      let captures = 0;
      for (let d = 0; d < numDays; d++) {
        const r = base + d;
        const cf = faceWhole[off + d];
        const cp = plateWhole[off + d];
        // Never 0 · −Infinity: a day outside the window adds nothing.
        if (cf > 0) {
          logMiss += cf * faceLogMiss[r];
          captures += cf * faceIdentified[r];
        }
        if (cp > 0) {
          logMiss += cp * plateLogMiss[r];
          captures += cp * plateIdentified[r];
        }
        const pf = pFace[d];
        const pp = pPlate[d];
        days += both[off + d] * (pf + pp - pf * pp) + faceOnly[off + d] * pf + plateOnly[off + d] * pp;
      }
      for (let s = specialStart[a]; s < specialStart[a + 1]; s++) {
        const d = specialDay[s];
        const qf = specialFace[s] * pFace[d];
        const qp = specialPlate[s] * pPlate[d];
        logMiss += Math.log1p(-qf) + Math.log1p(-qp);
        days += qf + qp - qf * qp;
        captures += specialFace[s] * faceIdentified[base + d] + specialPlate[s] * plateIdentified[base + d];
      }
      const p = -Math.expm1(logMiss);
      count += multiplicity[a] * p;
      sumReach[a] += p;
      sumDays[a] += days;
      sumCaptures[a] += captures;
    }
    perResident[person] = count;
  }
}

/**
 * {@link windowKernel} when one day is simulated (the exposure layer's usual
 * run): every slot is that day, so each group is a handful of scalars. About
 * a quarter faster than the general loop; same figures.
 */
function oneDayKernel(
  t: PackedTables,
  numPersons: number,
  faceLogMiss: Float64Array,
  plateLogMiss: Float64Array,
  faceIdentified: Float64Array,
  plateIdentified: Float64Array,
  perResident: Float64Array,
): void {
  const { numGroups, multiplicity, both, faceOnly, plateOnly, faceWhole, plateWhole, specialStart, specialFace, specialPlate, sumReach, sumDays, sumCaptures } = t;
  for (let person = 0; person < numPersons; person++) {
    const lf = faceLogMiss[person];
    const lp = plateLogMiss[person];
    const pf = -Math.expm1(lf);
    const pp = -Math.expm1(lp);
    const pb = pf + pp - pf * pp;
    const idf = faceIdentified[person];
    const idp = plateIdentified[person];
    let count = 0;
    for (let a = 0; a < numGroups; a++) {
      const cf = faceWhole[a];
      const cp = plateWhole[a];
      // Never 0 · −Infinity.
      let logMiss = 0;
      if (cf > 0) logMiss += cf * lf;
      if (cp > 0) logMiss += cp * lp;
      let days = both[a] * pb + faceOnly[a] * pf + plateOnly[a] * pp;
      let captures = cf * idf + cp * idp;
      for (let s = specialStart[a]; s < specialStart[a + 1]; s++) {
        const qf = specialFace[s] * pf;
        const qp = specialPlate[s] * pp;
        logMiss += Math.log1p(-qf) + Math.log1p(-qp);
        days += qf + qp - qf * qp;
        captures += specialFace[s] * idf + specialPlate[s] * idp;
      }
      const p = -Math.expm1(logMiss);
      count += multiplicity[a] * p;
      sumReach[a] += p;
      sumDays[a] += days;
      sumCaptures[a] += captures;
    }
    perResident[person] = count;
  }
}

/**
 * Summary of the per-resident count of principals: mean, extremes and type-7
 * quantiles from the history layer's exact summariser (one quantile engine
 * for the retention layer), plus the share of residents whose expected count
 * is at least two.
 */
function summarise(values: Float64Array): PrincipalsPerResidentSummary {
  const s = summariseHistoryValues(values, ACCESS_DEFAULTS.quantiles);
  const n = values.length;
  const two = 2 - ACCESS_DEFAULTS.tolerance;
  let atLeastTwo = 0;
  for (let i = 0; i < n; i++) if (values[i] >= two) atLeastTwo++;
  return { ...s, shareAtLeastTwo: n > 0 ? atLeastTwo / n : 0 };
}

/**
 * The retention part's result types (`metrics.retention` of results.json),
 * derived from the retention layer's result types (RetentionAnalysis and its
 * parts, ArchiveOnFile, DailyEvents, RetentionComparison). Where the JSON
 * differs on purpose: per-resident and per-node columns (typed arrays) and
 * timings are left out, and nested fields the report needs are lifted to
 * the top of a row (storage `totals.storedTB` as `storedTB`).
 */
import type { CrowdModeResult } from '../../exposure/index.js';
import type { AccessAnalysis, AccessBreach, ArchiveOnFile, DailyEvents, KindReach, PersonHistory, PrincipalAccess, RetentionAnalysis, RetentionComparison, RetentionStorage, StorageKindTotals, StorageTierTotals } from '../../retention/index.js';

/** Storage of one policy: RetentionStorage totals and rows without the per-node columns. */
export interface RetentionStorageMetrics extends Pick<RetentionStorage['totals'], 'storedTB' | 'costPerMonth' | 'dailyCreatedTB' | 'steadyState' | 'shortfallTB' | 'overCapacityNodes'>, Pick<RetentionStorage, 'notes'> {
  currency: RetentionStorage['params']['currency'];
  /** The inputs that drive the storage and cost figures (named assumptions in the table). */
  params: Pick<RetentionStorage['params'], 'recordSizes' | 'replication' | 'pricePerTBMonth' | 'recordOnlyOnSite'>;
  byTier: Pick<StorageTierTotals, 'tier' | 'storedTB' | 'costPerMonth' | 'capacityTB' | 'overCapacityNodes'>[];
  byKind: Pick<StorageKindTotals, 'kind' | 'dailyTB' | 'storedTB' | 'longestDays'>[];
}

/** Access to one policy's data: AccessAnalysis without the per-resident column and the stores reached. */
export interface RetentionAccessMetrics extends Pick<AccessAnalysis, 'closedLoop'> {
  allowed: AccessAnalysis['params']['allowed'];
  principals: Pick<PrincipalAccess, 'principal' | 'label' | 'kinds' | 'via' | 'faceDays' | 'plateDays' | 'expectedResidents' | 'shareOfResidents' | 'expectedDaysPerResident'>[];
  /** AccessAnalysis `principalsPerResidentSummary`. */
  principalsPerResident: AccessAnalysis['principalsPerResidentSummary'];
  beyondAllowed: Pick<AccessBreach, 'principal' | 'label' | 'kinds' | 'expectedResidents' | 'holdsOnly'>[];
}

/** One retention policy's analysis, as written to results.json (per-resident columns left out). */
export interface RetentionPolicyMetrics extends Pick<RetentionAnalysis['policy'], 'name' | 'description' | 'sources' | 'evidence' | 'legalHolds'> {
  /** Longest days on file per kind (RetentionReach `kinds[k].longestDays`), and per identification channel. */
  reach: { kinds: Record<string, KindReach['longestDays']> } & RetentionAnalysis['reach']['channels'];
  /** Null without a network. */
  storage: RetentionStorageMetrics | null;
  /** Steady state over every copy; null without residents. */
  history: Pick<PersonHistory, 'keptDays' | 'summary' | 'meanShareOfTravellers' | 'numWithoutTrips'> | null;
  /** Null without residents. */
  access: RetentionAccessMetrics | null;
}

/** Retroactive identification of a crowd from the archive, days after the gathering. */
export interface RetroactiveCrowdMetrics {
  crowd: string;
  start: number;
  durationDays: number;
  afterDamage: boolean;
  rows: (Pick<ArchiveOnFile, 'byPolicy' | 'heldCameras'> & {
    daysAfter: number;
    /** The archive mode's `captured` and `identified` (CrowdModeResult) with the legal holds … */
    captured: CrowdModeResult['captured'];
    identified: CrowdModeResult['identified'];
    /** … and without them (the policy alone). */
    capturedWithoutHolds: CrowdModeResult['captured'];
    identifiedWithoutHolds: CrowdModeResult['identified'];
  })[];
}

/** The retention analysis. */
export interface RetentionMetrics {
  operatingDays: number;
  lookbackDays: number;
  /** City residents per simulated resident (event rates), or null without residents. */
  scale: number | null;
  /** Events per day city-wide used for the storage of non-video kinds (zeros without residents). */
  eventsPerDay: DailyEvents;
  policy: RetentionPolicyMetrics;
  /** The policy compared with, and the deltas (compareRetention: B = compared − A = main), or null. */
  compared: { policy: RetentionPolicyMetrics; deltas: RetentionComparison } | null;
  crowds: RetroactiveCrowdMetrics[];
  /**
   * When the policy's video retention rests on an unverified rule (the
   * built-in `almaty-assumed` and `kazakhstan-90d`: 90 days), the storage
   * and cost with that video retention replaced by the documented
   * alternative (30 days), and why; null otherwise or without a network.
   */
  videoAlternative: { videoDays: number; replacesDays: number; storedTB: number; costPerMonth: number; reason: string } | null;
}

/** The retention part's key of `ScenarioMetrics` (result.ts): present when the scenario has a retention section. */
export interface RetentionPartMetrics {
  retention?: RetentionMetrics;
}

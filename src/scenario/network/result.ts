import type { UptimeMetrics } from './uptime.js';
/**
 * The network part's result types (`metrics.network` of results.json),
 * derived from the network layer's result types (CommandNetwork,
 * NetworkAnalysis, SpofRow, TrialSummary, DamageScenario). Where the JSON
 * differs on purpose: per-node and per-link typed arrays are summarised
 * (counts by kind, the top rows) rather than written out, and the options the
 * step ran with are recorded beside the numbers.
 */
import type { AnalyticsDemand, CommandNetwork, DamageScenario, FaultEvaluation, LiveCounts, NetworkAnalysis, SpofRow, StorageByKind, TrialSummary } from '../../network/index.js';
import type { Histogram } from '../result.js';

/**
 * Summary of a distribution over trials: the network layer's TrialSummary,
 * its interval on the mean without the bootstrap details.
 */
export interface TrialSummaryMetrics extends Pick<TrialSummary, 'n' | 'mean' | 'sd' | 'min' | 'max' | 'p05' | 'p25' | 'p50' | 'p75' | 'p95'> {
  ci: Pick<TrialSummary['ci'], 'method' | 'level' | 'low' | 'high'>;
}

/** Steady state, everything up (analyseNetwork). */
export interface SteadyNetworkMetrics
  extends Pick<LiveCounts, 'numCameras' | 'liveCameras' | 'liveServed' | 'liveShare'>,
    Pick<NetworkAnalysis['live'], 'reachedShare' | 'deliveredStreams' | 'deliveredShare'>,
    Pick<NetworkAnalysis['links'], 'maxUtilisation' | 'totalLiveMbps' | 'deliveredLiveMbps'> {
  retentionDays: number;
  analyticsDemand: AnalyticsDemand;
  overloadThreshold: number;
  /** NetworkAnalysis `analytics.demand`, `.served`, `.shortfall`. */
  analyticsStreamsDemanded: NetworkAnalysis['analytics']['demand'];
  analyticsServed: NetworkAnalysis['analytics']['served'];
  analyticsShortfall: NetworkAnalysis['analytics']['shortfall'];
  /** Number of links over the threshold (NetworkAnalysis `links.overloaded` is their list). */
  overloadedLinks: number;
  /** The most loaded links over the threshold (at most 10). */
  topOverloaded: { key: string; kind: string; mbps: number; capacityMbps: number; utilisation: number; offeredMbps: number; passedMbps: number }[];
  /** NetworkAnalysis `storage` totals (its per-node arrays left out). */
  storage: { demandTB: number; capacityTB: number; shortfallTB: number; byKind: Record<string, Pick<StorageByKind, 'demandTB' | 'capacityTB' | 'shortfallTB'>> };
  latencyMs: NetworkAnalysis['paths']['latencyMs'];
  camerasByHops: NetworkAnalysis['paths']['camerasByHops'];
}

/** One single point of failure: a SpofRow, with the area only its cameras see when `area` is on. */
export interface SpofNodeMetrics extends Pick<SpofRow, 'key' | 'kind' | 'camerasCut' | 'liveCut' | 'liveShareAfter'> {
  areaLostKm2: number | null;
  areaLostShare: number | null;
}

/** The command network and its analyses. */
export interface NetworkMetrics extends Pick<CommandNetwork, 'numNodes' | 'numLinks' | 'isTree'> {
  /** Where the network came from: `preset` (with its name), `hierarchical` or `geojson` (with its file). */
  source: { from: 'preset' | 'hierarchical' | 'geojson'; name?: string; file?: string };
  nodesByKind: Record<string, number>;
  linksByKind: Record<string, number>;
  /** GeoJSON import: report entries (defaults used, features skipped), first 50. */
  importReport: { entries: number; sample: { feature: number; field: string; message: string }[] } | null;
  steady?: SteadyNetworkMetrics;
  /** Single points of failure: the top nodes (and links) by cameras cut off. */
  spof?: {
    includeLinks: boolean;
    area: boolean;
    baselineLiveShare: number;
    top: SpofNodeMetrics[];
    topLinks: Pick<SpofNodeMetrics, 'key' | 'camerasCut' | 'liveCut' | 'liveShareAfter'>[];
  };
  /** Monte Carlo outages (simulateOutages). */
  outages?: {
    trials: number;
    seed: string;
    nodeOutages: boolean;
    linkOutages: boolean;
    districtBlackout: number | Record<string, number>;
    cameraAvailability: number;
    baselineLiveShare: number;
    /** Delivered live share with everything up (through the links' capacity, fair share). */
    baselineDeliveredShare: number;
    liveShare: TrialSummaryMetrics;
    /** Live share delivered through the working links' capacity, over trials. */
    deliveredShare: TrialSummaryMetrics;
    reachedShare: TrialSummaryMetrics;
    analyticsShortfall: TrialSummaryMetrics;
    blackoutTrialShare: number;
    /** With target areas only: each area's name and the per-trial outage probabilities of the units and cameras inside. */
    areas?: { name: string | null; unitShare: number; cameraShare: number }[];
    /** Live share per trial, binned. */
    liveShareHistogram: Histogram;
  };
  /** Targeted damage (applyTargetedDamage) and what is left. */
  damage?: Pick<DamageScenario, 'camerasDark'> & {
    seed: string;
    /** DamageScenario `damagedUnits.length`, `damagedCameras.length`. */
    unitsDamaged: number;
    camerasDamaged: number;
    camerasCutOff: FaultEvaluation['camerasCutOff'];
    liveShareBefore: number;
    liveShareAfter: number;
    /** Delivered live share (through the working links' capacity, fair share) before and after. */
    deliveredShareBefore: number;
    deliveredShareAfter: number;
    /** Coverage at range by every camera, and by the cameras left (null when `coverage` is off). */
    coveredFractionBefore: number | null;
    coveredFractionAfter: number | null;
    occlusion: boolean;
    /** First 20 destroyed unit keys. */
    unitKeysSample: string[];
    unitKinds: string[];
    darkenUnitCameras: boolean;
    /** With target areas only: per area (in order) the units and cameras inside and hit (DamageScenario `areas`). */
    areas?: DamageScenario['areas'];
    /** With target areas only: the random units and cameras drawn after them (the top-up of totalUnits / totalCameras). */
    randomUnitsDrawn?: number;
    randomCamerasDrawn?: number;
  };
  /** Outages as a process over days (simulateUptime; src/scenario/network/uptime.ts). */
  uptime?: UptimeMetrics;
}

/** The network part's key of `ScenarioMetrics` (result.ts): present when the scenario has a network. */
export interface NetworkPartMetrics {
  network?: NetworkMetrics;
}

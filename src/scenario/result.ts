/**
 * The result of a scenario run: one JSON-serialisable object holding the
 * inputs, the seed, the library version, timings and every metric.
 */
import { type CameraImportReportEntry } from '../cameras/index.js';
import type { ImportReportEntry, Provenance } from '../city/index.js';
import type { CoverageLevel, StreetClassCoverage } from '../coverage/index.js';
import type { ScenarioSpec } from './schema.js';

/** One assumption or fact behind the numbers, with where it comes from. */
export interface Assumption {
  /** What it is about, e.g. `DORI identify`. */
  topic: string;
  /** The value used, as text. */
  value: string;
  /** Where it comes from; "assumption" when it is one. */
  source: string;
  /** `sourced` (a cited fact), `assumption`, `synthetic` (generated) or `real` (imported data). */
  kind: 'sourced' | 'assumption' | 'synthetic' | 'real';
}

/** Timing of one step. */
export interface StepTiming {
  id: string;
  label: string;
  /** Wall-clock milliseconds. */
  ms: number;
}

/** City summary. */
export interface CityMetrics {
  name: string;
  areaKm2: number;
  population: number;
  streetKm: number;
  streetSegments: number;
  buildings: number;
  districts: number;
  provenance: Record<string, Provenance>;
  importReports: { file: string; entries: number; sample: ImportReportEntry[] }[];
}

/** Camera summary. */
export interface CameraMetrics {
  numCameras: number;
  live: number;
  face: number;
  plate: number;
  byOperator: Record<string, number>;
  byKind: Record<string, number>;
  camerasPerKm2: number;
  perSource: { from: string; numCameras: number }[];
  importReports: { source: number; file: string; imported: number; skipped: number; summary: { tag: string; action: string; count: number }[]; sample: CameraImportReportEntry[] }[];
}

/** One area-coverage computation. */
export interface CoverageRun {
  level: CoverageLevel;
  occlusion: boolean;
  availability: number | null;
  studyAreaKm2: number;
  coveredAreaKm2: number;
  coveredFraction: number;
  /** atLeast[k]: share of the city seen by at least k cameras (atLeast[0] = 1). */
  atLeast: number[];
  numCamerasConsidered: number;
}

/** One district row (from computeDistrictCoverage, plus residents). */
export interface DistrictMetrics {
  id: string;
  name: string;
  areaKm2: number;
  coveredFraction: number;
  atLeast: number[];
  streetKm: number;
  streetCoveredFraction: number;
  numCameras: number;
  camerasPerKm2: number;
  /** Residents whose population cell centre lies in the district. */
  residents: number;
  /** Residents per camera (0 when the district has no camera). */
  residentsPerCamera: number;
}

/** A histogram for the report's charts: counts[i] values in [binEdges[i], binEdges[i + 1]) (the last bin closed). */
export interface Histogram {
  binEdges: number[];
  counts: number[];
}

/** Summary of a distribution over trials (the network module's TrialSummary). */
export interface TrialSummaryMetrics {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  ci: { method: string; level: number; low: number; high: number };
}

/** The command network and its analyses. */
export interface NetworkMetrics {
  /** Where the network came from: `preset` (with its name), `hierarchical` or `geojson` (with its file). */
  source: { from: 'preset' | 'hierarchical' | 'geojson'; name?: string; file?: string };
  numNodes: number;
  numLinks: number;
  nodesByKind: Record<string, number>;
  linksByKind: Record<string, number>;
  isTree: boolean;
  /** GeoJSON import: report entries (defaults used, features skipped), first 50. */
  importReport: { entries: number; sample: { feature: number; field: string; message: string }[] } | null;
  /** Steady state, everything up (analyseNetwork). */
  steady?: {
    retentionDays: number;
    analyticsDemand: 'face' | 'live';
    overloadThreshold: number;
    numCameras: number;
    liveCameras: number;
    liveServed: number;
    /** liveServed / all cameras. */
    liveShare: number;
    reachedShare: number;
    analyticsStreamsDemanded: number;
    analyticsServed: number;
    analyticsShortfall: number;
    overloadedLinks: number;
    maxUtilisation: number;
    totalLiveMbps: number;
    /** The most loaded links over the threshold (at most 10). */
    topOverloaded: { key: string; kind: string; mbps: number; capacityMbps: number; utilisation: number }[];
    storage: { demandTB: number; capacityTB: number; shortfallTB: number; byKind: Record<string, { demandTB: number; capacityTB: number; shortfallTB: number }> };
    latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
    camerasByHops: number[];
  };
  /** Single points of failure: the top nodes (and links) by cameras cut off. */
  spof?: {
    includeLinks: boolean;
    area: boolean;
    baselineLiveShare: number;
    top: { key: string; kind: string; camerasCut: number; liveCut: number; liveShareAfter: number; areaLostKm2: number | null; areaLostShare: number | null }[];
    topLinks: { key: string; camerasCut: number; liveCut: number; liveShareAfter: number }[];
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
    liveShare: TrialSummaryMetrics;
    reachedShare: TrialSummaryMetrics;
    analyticsShortfall: TrialSummaryMetrics;
    blackoutTrialShare: number;
    /** Live share per trial, binned. */
    liveShareHistogram: Histogram;
  };
  /** Targeted damage (applyTargetedDamage) and what is left. */
  damage?: {
    seed: string;
    unitsDamaged: number;
    camerasDamaged: number;
    /** Cameras dark in total (destroyed, or on a destroyed unit). */
    camerasDark: number;
    camerasCutOff: number;
    liveShareBefore: number;
    liveShareAfter: number;
    /** Coverage at range by every camera, and by the cameras left (null when `coverage` is off). */
    coveredFractionBefore: number | null;
    coveredFractionAfter: number | null;
    occlusion: boolean;
    /** First 20 destroyed unit keys. */
    unitKeysSample: string[];
    unitKinds: string[];
    darkenUnitCameras: boolean;
  };
}

/** One district's exposure (residents by home district; means per resident and day). */
export interface DistrictExposureMetrics {
  id: string | null;
  name: string;
  residents: number;
  meanSightings: number;
  meanIdentified: number;
  meanDistinctCameras: number;
  meanPIdentified: number;
  observedFraction: number;
  meanLongestGap: number;
}

/** A distribution across person-days: mean, extremes, quantiles. */
export interface DistributionMetrics {
  mean: number;
  min: number;
  max: number;
  quantiles: Record<string, number>;
}

/** One crowd's exposure, live and from the archive. */
export interface CrowdMetrics {
  name: string;
  kind: 'area' | 'route';
  numPeople: number;
  /** m² of the area, or metres of the route. */
  size: number;
  afterDamage: boolean;
  live: { captured: number; capturedShare: number; identified: number; identifiedShare: number; cameras: number; expectedFalseAlerts: number | null };
  archive: { captured: number; capturedShare: number; identified: number; identifiedShare: number; cameras: number; expectedFalseAlerts: number | null };
  source: string | null;
}

/** Population exposure of the residents sample (computePopulationExposure) and what is built on it. */
export interface PopulationExposureMetrics {
  numResidents: number;
  numDays: number;
  numTrips: number;
  unreachableTrips: number;
  seed: string;
  plateReadRate: number;
  /** True when the trips were scored against only the cameras left working by the damage analysis. */
  afterDamage: boolean;
  /** Across person-days (everybody, including those who stayed home). */
  summary: Record<'sightings' | 'identified' | 'distinctCameras' | 'observedFraction' | 'longestGap' | 'pIdentified', DistributionMetrics>;
  histograms: { sightings: Histogram; pIdentified: Histogram };
  districts: DistrictExposureMetrics[];
  inequality: Record<'meanSightings' | 'meanIdentified' | 'meanPIdentified', { gini: number; maxMinRatio: number | null; maxGroup: string | null; minGroup: string | null }>;
  watchlist: { size: number; citySearchesPerDay: number; expectedTrue: number; expectedFalse: number; falseShare: number } | null;
  unicity: { sampled: number; byK: { k: number; share: number; ciLow: number; ciHigh: number; sampled: number; excluded: number }[] } | null;
}

/** The exposure analysis: the residents sample (when the scenario has residents), crowds and routes. */
export interface ExposureMetrics {
  recognition: { name: string; truePositiveRate: number; falsePositivePerEntry: number; source: string };
  faceLevel: string;
  plateLevel: string;
  faceAngle: number;
  occlusion: boolean;
  /** Null when the scenario has no `residents` section. */
  population: PopulationExposureMetrics | null;
  crowds: CrowdMetrics[];
  routes: { from: string; to: string; shortestKm: number; shortestObservedKm: number; routeKm: number; routeObservedKm: number; detour: number; exposureAvoidedShare: number; maxDetour: number; weight: number }[];
}

/** One retention policy's analysis, as written to results.json (per-resident columns left out). */
export interface RetentionPolicyMetrics {
  name: string;
  description: string;
  sources: string[];
  /** How well the sources carry the policy: sourced, partly-sourced or assumption. */
  evidence: string;
  legalHolds: string[];
  /** Longest days on file per kind, and per identification channel. */
  reach: { kinds: Record<string, number>; face: number; plate: number };
  /** Null without a network. */
  storage: {
    storedTB: number;
    costPerMonth: number;
    currency: string;
    dailyCreatedTB: number;
    steadyState: boolean;
    shortfallTB: number;
    overCapacityNodes: number;
    byTier: { tier: string; storedTB: number; costPerMonth: number; capacityTB: number; overCapacityNodes: number }[];
    byKind: { kind: string; dailyTB: number; storedTB: number; longestDays: number }[];
    notes: string[];
  } | null;
  /** Steady state over every copy; null without residents. */
  history: {
    keptDays: { face: number; plate: number; captures: number };
    summary: Record<'capturesOnFile' | 'identifiableOnFile' | 'reconstructableShare' | 'pHistoryOnFile', DistributionMetrics>;
    meanShareOfTravellers: number;
    numWithoutTrips: number;
  } | null;
  /** Null without residents. */
  access: {
    allowed: string[];
    closedLoop: boolean;
    principals: { principal: string; label: string; kinds: string[]; via: string[]; faceDays: number; plateDays: number; expectedResidents: number; shareOfResidents: number; expectedDaysPerResident: number }[];
    principalsPerResident: { mean: number; min: number; max: number; quantiles: Record<string, number>; shareAtLeastTwo: number };
    beyondAllowed: { principal: string; label: string; kinds: string[]; expectedResidents: number; holdsOnly: boolean }[];
  } | null;
}

/** Retroactive identification of a crowd from the archive, days after the gathering. */
export interface RetroactiveCrowdMetrics {
  crowd: string;
  start: number;
  durationDays: number;
  afterDamage: boolean;
  rows: {
    daysAfter: number;
    /** The policy alone still keeps the face channel. */
    byPolicy: boolean;
    /** Cameras whose captures a legal hold keeps (when the policy no longer does). */
    heldCameras: number;
    captured: number;
    identified: number;
    /** The same without the legal holds (the policy alone). */
    capturedWithoutHolds: number;
    identifiedWithoutHolds: number;
  }[];
}

/** The retention analysis. */
export interface RetentionMetrics {
  operatingDays: number;
  lookbackDays: number;
  /** City residents per simulated resident (event rates), or null without residents. */
  scale: number | null;
  /** Events per day city-wide used for the storage of non-video kinds (zeros without residents). */
  eventsPerDay: { faceCaptures: number; matchEvents: number; plateReads: number; alerts: number };
  policy: RetentionPolicyMetrics;
  /** The policy compared with, and the deltas (B = compared − A = main), or null. */
  compared: { policy: RetentionPolicyMetrics; deltas: unknown } | null;
  crowds: RetroactiveCrowdMetrics[];
}

/** Every metric of a run; a section is present when its analysis ran. */
export interface ScenarioMetrics {
  city: CityMetrics;
  cameras: CameraMetrics;
  coverage?: { runs: CoverageRun[] };
  streetCoverage?: { level: CoverageLevel; occlusion: boolean; totalKm: number; coveredFraction: number; atLeast: number[]; byClass: Record<string, StreetClassCoverage> };
  districts?: { level: CoverageLevel; occlusion: boolean; rows: DistrictMetrics[] };
  raster?: { cellSize: number; level: CoverageLevel; cols: number; rows: number; cellsInArea: number; maxDepth: number; shareOfCellsAtLeast: number[] };
  network?: NetworkMetrics;
  exposure?: ExposureMetrics;
  retention?: RetentionMetrics;
}

/** The result of {@link runScenario}. */
export interface ScenarioResult {
  format: 'sightline-result';
  formatVersion: 1;
  /** sightline's version that produced it. */
  libraryVersion: string;
  name: string;
  /** The seed of every random choice. */
  seed: string | number;
  /** The validated scenario (defaults applied): run it again to reproduce this result. */
  inputs: ScenarioSpec;
  /** Headline numbers, flat, for tables and {@link compareScenarios}. */
  headline: Record<string, number>;
  metrics: ScenarioMetrics;
  /** Every assumption and fact behind the numbers, with its source. */
  assumptions: Assumption[];
  /** Per step and total wall-clock milliseconds (the only part that differs between identical runs). */
  timings: { totalMs: number; steps: StepTiming[] };
}

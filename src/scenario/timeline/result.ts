/**
 * The timeline part's key of the result: `metrics.timeline`, one row per
 * year (run or data only) with its counts, their series and sources, and the
 * year's headline figures.
 */
import type { SourceId } from '../../core/index.js';

/** One year of `metrics.timeline.years`. */
export interface TimelineYearMetrics {
  year: number;
  label: string | null;
  /** Whether the scenario ran for this year (false: a data-only row). */
  run: boolean;
  /** The camera count and what it counts, with its source (null on a data-only row). */
  cameras: number | null;
  series: string | null;
  source: SourceId | null;
  /** Cameras of the run inside the study area, and those streaming live. */
  camerasInStudyArea: number | null;
  liveCameras: number | null;
  /** liveCameras / camerasInStudyArea. */
  liveShare: number | null;
  /** Area seen by at least one camera (the coverage analysis' first level). */
  coveredFraction: number | null;
  /** Live at the command centre (network analysis). */
  networkLiveShare: number | null;
  /** Mean P(identified at least once a day) per resident, and mean sightings (exposure analysis). */
  exposurePIdentifiedMean: number | null;
  exposureSightingsMean: number | null;
  /** Storage the network needs (network analysis) and the retention policy stores, TB. */
  networkStorageDemandTB: number | null;
  retentionStorageTB: number | null;
  sergekComplexes: number | null;
  sergekSource: SourceId | null;
  sergekPlanned: boolean;
  note: string | null;
  /** Milliseconds the year's run took (0 for a data-only row). */
  ms: number;
}

/** `metrics.timeline`. */
export interface TimelineMetrics {
  /** How the years' cameras relate: `nested` (prefixes of one seeded ordering of the base set). */
  nesting: 'nested';
  /** Seed of the ordering. */
  orderSeed: string;
  /** Cameras in the base set (the scenario's cameras section). */
  baseCameras: number;
  /** Series present among the years run (more than one: the counts are of different quantities). */
  series: string[];
  years: TimelineYearMetrics[];
  /** Step results reused from an earlier year (city and cameras are built once). */
  cacheHits: number;
}

/** The timeline part's key of `ScenarioMetrics`. */
export interface TimelinePartMetrics {
  timeline?: TimelineMetrics;
}

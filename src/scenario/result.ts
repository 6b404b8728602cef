/**
 * The result of a scenario run: one JSON-serialisable object holding the
 * inputs, the seed, the library version, timings and every metric.
 */
import type { CameraImportReportEntry } from '../cameras/osm-import.js';
import type { ImportReportEntry } from '../city/import-report.js';
import type { Provenance } from '../city/city.js';
import type { CoverageLevel } from '../coverage/footprints.js';
import type { StreetClassCoverage } from '../coverage/street-coverage.js';
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

/** Every metric of a run; a section is present when its analysis ran. */
export interface ScenarioMetrics {
  city: CityMetrics;
  cameras: CameraMetrics;
  coverage?: { runs: CoverageRun[] };
  streetCoverage?: { level: CoverageLevel; occlusion: boolean; totalKm: number; coveredFraction: number; atLeast: number[]; byClass: Record<string, StreetClassCoverage> };
  districts?: { level: CoverageLevel; occlusion: boolean; rows: DistrictMetrics[] };
  raster?: { cellSize: number; level: CoverageLevel; cols: number; rows: number; cellsInArea: number; maxDepth: number; shareOfCellsAtLeast: number[] };
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

/**
 * The coverage part's result types (`metrics.coverage`, `streetCoverage`,
 * `districts`, `raster` of results.json), derived from the coverage layer's
 * result types. The JSON differs from them on purpose in three ways, each
 * noted where it applies: areas and lengths are in km² and km (the library
 * works in m² and m), `atLeast` arrays are cut at {@link MAX_K_REPORTED}
 * cameras, and the options the step ran with are recorded beside the numbers.
 */
import type { CoverageLevel, CoverageResult, CoverageRaster, DistrictCoverageRow, StreetCoverageResult } from '../../coverage/index.js';

/** Highest k kept in `atLeast` arrays of the result (the full arrays can run to hundreds of levels). */
export const MAX_K_REPORTED = 20;

/** One area-coverage computation (a computeCoverage result, areas in km²). */
export interface CoverageRun extends Pick<CoverageResult, 'coveredFraction' | 'numCamerasConsidered'> {
  level: CoverageLevel;
  occlusion: boolean;
  availability: number | null;
  /** CoverageResult `studyArea`, km². */
  studyAreaKm2: number;
  /** CoverageResult `coveredArea`, km². */
  coveredAreaKm2: number;
  /** atLeast[k]: share of the city seen by at least k cameras (atLeast[0] = 1), k ≤ MAX_K_REPORTED. */
  atLeast: CoverageResult['atLeast'];
}

/** `metrics.coverage`: one run per level. */
export interface CoverageMetrics {
  runs: CoverageRun[];
}

/** `metrics.streetCoverage` (a computeStreetCoverage result, lengths in km). */
export interface StreetCoverageMetrics extends Pick<StreetCoverageResult, 'coveredFraction' | 'atLeast' | 'byClass'> {
  level: CoverageLevel;
  occlusion: boolean;
  /** StreetCoverageResult `totalLength`, km. */
  totalKm: number;
}

/** One district row (a computeDistrictCoverage row, areas in km², lengths in km, plus residents). */
export interface DistrictMetrics extends Pick<DistrictCoverageRow, 'id' | 'name' | 'coveredFraction' | 'atLeast' | 'streetCoveredFraction' | 'numCameras' | 'camerasPerKm2'> {
  /** DistrictCoverageRow `area`, km². */
  areaKm2: number;
  /** DistrictCoverageRow `streetLength`, km. */
  streetKm: number;
  /** Residents whose population cell centre lies in the district. */
  residents: number;
  /** Residents per camera (0 when the district has no camera). */
  residentsPerCamera: number;
}

/** `metrics.districts`: the table and how it was computed. */
export interface DistrictsMetrics {
  level: CoverageLevel;
  occlusion: boolean;
  rows: DistrictMetrics[];
}

/**
 * `metrics.raster`: the shape of the coverage raster and a summary of its
 * depth grid (the grid itself goes to coverage-grid.geojson, not the JSON).
 */
export interface RasterMetrics extends Pick<CoverageRaster, 'cellSize' | 'cols' | 'rows'> {
  level: CoverageRaster['params']['level'];
  cellsInArea: number;
  maxDepth: number;
  /** Share of the cells in the area seen by at least k cameras, k ≤ min(maxDepth, MAX_K_REPORTED). */
  shareOfCellsAtLeast: number[];
}

/** The coverage part's keys of `ScenarioMetrics` (result.ts): each present when its analysis ran. */
export interface CoveragePartMetrics {
  coverage?: CoverageMetrics;
  streetCoverage?: StreetCoverageMetrics;
  districts?: DistrictsMetrics;
  raster?: RasterMetrics;
}

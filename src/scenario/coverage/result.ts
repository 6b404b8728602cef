/**
 * The coverage part's result types (`metrics.coverage`, `streetCoverage`,
 * `districts`, `raster` of results.json), derived from the coverage layer's
 * result types. The JSON differs from them on purpose in three ways, each
 * noted where it applies: areas and lengths are in km² and km (the library
 * works in m² and m), `atLeast` arrays are cut at {@link MAX_K_REPORTED}
 * cameras, and the options the step ran with are recorded beside the numbers.
 */
import type { CoverageLevel, CoverageResult, CoverageRaster, DistrictCoverageRow, StreetCoverageResult, FullViewAreaResult, FullViewCoverageResult, FullViewStreetResult } from '../../coverage/index.js';
import type { NotComputed } from '../result.js';
import type { CoverageByHour, LightCoverage } from '../../exposure/index.js';
import type { LightMetrics } from '../light.js';

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

/**
 * `metrics.streetCoverage` (a computeStreetCoverage result, lengths in km).
 * In a city without street data the numbers are `null` (not 0 % of 0 km),
 * `reason` says `no street data: street coverage not computed`, and the
 * headline has no `streetCoveredFraction`.
 */
export interface StreetCoverageMetrics extends Partial<NotComputed> {
  level: CoverageLevel;
  occlusion: boolean;
  /** StreetCoverageResult `totalLength`, km (0 without street data). */
  totalKm: number;
  /** Share of the street length seen; null without street data. */
  coveredFraction: StreetCoverageResult['coveredFraction'] | null;
  /** atLeast[k]: share of the street length seen by at least k cameras; null without street data. */
  atLeast: StreetCoverageResult['atLeast'] | null;
  /** Length and share seen per street class; null without street data. */
  byClass: StreetCoverageResult['byClass'] | null;
}

/** One district row (a computeDistrictCoverage row, areas in km², lengths in km, plus residents). */
export interface DistrictMetrics extends Pick<DistrictCoverageRow, 'id' | 'name' | 'coveredFraction' | 'atLeast' | 'numCameras' | 'camerasPerKm2'> {
  /** DistrictCoverageRow `area`, km². */
  areaKm2: number;
  /** DistrictCoverageRow `streetLength`, km (0 when street length was not measured: `streets: false`, or no street in the district). */
  streetKm: number;
  /** Share of the district's street length seen; null when it has no street length to see (`streets: false`, no street data, no street in it). */
  streetCoveredFraction: DistrictCoverageRow['streetCoveredFraction'] | null;
  /** Residents whose population cell centre lies in the district. */
  residents: number;
  /** Residents per camera; null when the district has no camera. */
  residentsPerCamera: number | null;
}

/**
 * `metrics.districts`: the table and how it was computed. A city given no
 * districts (an imported city without `city.districts`: createCity makes the
 * whole city its one district) has no district data: `rows` is empty,
 * `reason` says `no district data: per-district coverage not computed`, and
 * the headline has no `districtCoveredFraction*` keys.
 */
export interface DistrictsMetrics extends Partial<NotComputed> {
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

/** Coverage of one level under one light (a LightCoverage, the area in km²). */
export interface LightCoverageMetrics extends Pick<LightCoverage, 'coveredFraction' | 'streetFraction'> {
  /** LightCoverage `coveredArea`, km². */
  coveredAreaKm2: number;
}

/**
 * `metrics.coverageByHour`: coverageByHour's result (areas in km²; the per-hour rows as in the library), with the
 * date, place and sun events it was computed for and the night ranges used.
 */
export interface CoverageByHourMetrics extends LightMetrics {
  occlusion: boolean;
  /** Night ranges: one for all cameras (metres), or by kind. */
  nightRange: CoverageByHour['params']['nightRange'];
  levels: { level: CoverageLevel; day: LightCoverageMetrics; night: LightCoverageMetrics }[];
  hours: CoverageByHour['hours'];
}

/**
 * `metrics.fullView`: computeFullViewCoverage in the city (areas in km², lengths in km; the
 * per-segment arrays of the street part are left out of the JSON: one number per street segment).
 */
export interface FullViewMetrics extends Pick<FullViewCoverageResult['params'], 'level' | 'occlusion' | 'effectiveAngle' | 'samples' | 'coveredSamples' | 'confidence' | 'seed'> {
  /** Sampled area part (null when `samples` is 0). */
  area: (Omit<FullViewAreaResult, 'studyArea'> & { studyAreaKm2: number }) | null;
  /** Exact street part (null without street data or with `streets: false`). */
  streets: (Pick<FullViewStreetResult, 'coveredShare' | 'fullViewShare' | 'walkingShare' | 'bothDirectionsShare' | 'fullViewOfCovered' | 'walkingOfCovered' | 'method'> & {
    totalKm: number;
    coveredKm: number;
    fullViewKm: number;
    forwardKm: number;
    backwardKm: number;
    bothDirectionsKm: number;
    eitherDirectionKm: number;
  }) | null;
  numCamerasConsidered: number;
}

/** The coverage part's keys of `ScenarioMetrics` (result.ts): each present when its analysis ran. */
export interface CoveragePartMetrics {
  coverage?: CoverageMetrics;
  streetCoverage?: StreetCoverageMetrics;
  districts?: DistrictsMetrics;
  raster?: RasterMetrics;
  coverageByHour?: CoverageByHourMetrics;
  fullView?: FullViewMetrics;
}

/**
 * Per-district coverage tables: area and street coverage, k-coverage and
 * camera density for every district of a city.
 */
import { InvalidInputError } from '../core/index.js';
import { CameraSet } from '../cameras/index.js';
import { type City } from '../city/index.js';
import { PolygonLocator } from '../geo/index.js';
import { computeCoverage, COMPUTE_COVERAGE_DEFAULTS, type CoverageOptions } from './compute-coverage.js';
import { checkLevel, type CoverageLevel } from './footprints.js';
import { checkAvailability } from './prepare.js';
import { streetCoverageByZone, streetSegments } from './street-coverage.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** One row of the district table. */
export interface DistrictCoverageRow {
  id: string;
  name: string;
  /** m². */
  area: number;
  coveredArea: number;
  coveredFraction: number;
  /** atLeast[k]: share of the district covered by at least k cameras (k = 0 … 20 always present, as computeCoverage). */
  atLeast: number[];
  /** Metres of street inside the district. */
  streetLength: number;
  coveredStreetLength: number;
  streetCoveredFraction: number;
  /** Cameras whose position lies in the district. */
  numCameras: number;
  camerasPerKm2: number;
}

export interface DistrictCoverageResult {
  districts: DistrictCoverageRow[];
  params: { level: CoverageLevel; occlusion: boolean; availability: 'all-up' | number | 'per-camera' };
}

/** Options: as computeCoverage (without a study area: each district is one). */
export type DistrictCoverageOptions = Omit<CoverageOptions, 'bounds' | 'area' | 'city'> & { streets?: boolean };

/** Defaults of {@link computeDistrictCoverage} (the rest of the options as {@link COMPUTE_COVERAGE_DEFAULTS}). */
export const COMPUTE_DISTRICT_COVERAGE_DEFAULTS = {
  /** As {@link computeCoverage}: each footprint reaches the camera's own range. */
  level: COMPUTE_COVERAGE_DEFAULTS.level,
  /** As {@link computeCoverage}: no clipping by buildings unless asked. */
  occlusion: COMPUTE_COVERAGE_DEFAULTS.occlusion,
  /** Street lengths per district are computed; `false` skips that pass when only areas are wanted. */
  streets: true,
} as const;

/** The options computeDistrictCoverage knows (its unknown options are refused). */
const COMPUTE_DISTRICT_COVERAGE_OPTION_KEYS = optionKeys<DistrictCoverageOptions>()(COMPUTE_DISTRICT_COVERAGE_DEFAULTS, ['buildings', 'availability', 'threads']);

/**
 * Coverage of every district of a city, exact (one computeCoverage and one
 * street coverage per district, each restricted to the district polygon).
 *
 * @param cameras - the camera set
 * @param city - a City with districts
 * @param options - `level`, `occlusion`, `availability`; `streets: false` skips street lengths;
 *   defaults: {@link COMPUTE_DISTRICT_COVERAGE_DEFAULTS}
 * @returns one row per district, in the city's order
 * @throws {InvalidInputError} if the city has no districts, or on invalid options
 * @example
 * const t = computeDistrictCoverage(cameras, city);
 * t.districts.map((d) => [d.name, d.coveredFraction]);
 */
export function computeDistrictCoverage(cameras: CameraSet, city: City, options: DistrictCoverageOptions = {}): DistrictCoverageResult {
  checkOptions('computeDistrictCoverage', options, COMPUTE_DISTRICT_COVERAGE_OPTION_KEYS);
  const origin = 'computeDistrictCoverage';
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof city !== 'object' || city === null || !Array.isArray(city.districts)) throw new InvalidInputError(origin, 'city.districts', 'must be an array of districts', city?.districts);
  if (city.districts.length === 0) throw new InvalidInputError(origin, 'city.districts', 'must not be empty', city.districts);
  const rows: DistrictCoverageRow[] = [];
  // Streets: one pass over the whole network, each piece assigned to exactly one district.
  const level = checkLevel(origin, options.level ?? COMPUTE_DISTRICT_COVERAGE_DEFAULTS.level);
  const occlusion = options.occlusion ?? COMPUTE_DISTRICT_COVERAGE_DEFAULTS.occlusion;
  const buildings = options.buildings ?? city.buildings;
  const streetZones =
    (options.streets ?? COMPUTE_DISTRICT_COVERAGE_DEFAULTS.streets) === false
      ? null
      : streetCoverageByZone(
          cameras,
          streetSegments(city.streets),
          city.districts.map((d) => new PolygonLocator(d.area)),
          level,
          occlusion ? buildings : null,
          checkAvailability(origin, options.availability, cameras.numCameras),
        );
  let params: DistrictCoverageResult['params'] | null = null;
  // computeCoverage refuses options it does not know: `streets` is this function's own.
  const { streets: _streets, ...coverageOptions } = options;
  for (const d of city.districts) {
    const cov = computeCoverage(cameras, { ...coverageOptions, area: d.area, city, bounds: undefined });
    params = { level: cov.params.level, occlusion: cov.params.occlusion, availability: cov.params.availability };
    const streetLength = streetZones ? streetZones.length[rows.length] : 0;
    const covered = streetZones ? streetZones.covered[rows.length] : 0;
    const locator = new PolygonLocator(d.area);
    let numCameras = 0;
    for (let i = 0; i < cameras.numCameras; i++) if (locator.contains(cameras.x[i], cameras.y[i])) numCameras++;
    rows.push({
      id: d.id,
      name: d.name,
      area: cov.studyArea,
      coveredArea: cov.coveredArea,
      coveredFraction: cov.coveredFraction,
      atLeast: cov.atLeast,
      streetLength,
      coveredStreetLength: covered,
      streetCoveredFraction: streetLength > 0 ? covered / streetLength : 0,
      numCameras,
      camerasPerKm2: cov.studyArea > 0 ? numCameras / (cov.studyArea / 1e6) : 0,
    });
  }
  return { districts: rows, params: params! };
}

/**
 * The model part's result types: the city and camera summaries of
 * results.json (`metrics.city`, `metrics.cameras`), derived from the
 * library's City and from what the builders report.
 */
import { type City } from '../../city/index.js';
import type { BuiltCity } from './build-city.js';
import type { BuiltCameras } from './build-cameras.js';

/**
 * City summary. Counts and lengths are summed from the city (km and km² in
 * the JSON where the library works in metres); the provenance is the city's
 * own, the import reports are the builder's.
 */
export interface CityMetrics extends Pick<City, 'name' | 'provenance'>, Pick<BuiltCity, 'importReports'> {
  areaKm2: number;
  population: City['population']['total'];
  streetKm: number;
  streetSegments: number;
  buildings: City['buildings']['numBuildings'];
  districts: number;
}

/**
 * Camera summary: counts by capability, operator and kind (counted from the
 * CameraSet's columns), per source and the OSM import reports as the builder
 * gives them.
 */
export interface CameraMetrics extends Pick<BuiltCameras, 'perSource' | 'importReports'> {
  numCameras: number;
  live: number;
  face: number;
  plate: number;
  /** Cameras per operator, every operator present (0 when none). */
  byOperator: Record<string, number>;
  /** Cameras per kind, every kind present (0 when none). */
  byKind: Record<string, number>;
  camerasPerKm2: number;
}

/** The model part's keys of `ScenarioMetrics` (result.ts; always present). */
export interface ModelPartMetrics {
  city: CityMetrics;
  cameras: CameraMetrics;
}

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
 *
 * Counts and the density are of the cameras inside the study area (the city
 * boundary). Cameras outside it (an OSM export of a whole country, a list
 * with a point beyond the boundary) are kept in the camera set — a camera
 * just outside may see across the boundary, and the coverage inside counts
 * what it sees — but are not counted: `numOutside` says how many there are.
 * `perSource` counts every camera a source built, inside or outside.
 */
export interface CameraMetrics extends Pick<BuiltCameras, 'perSource' | 'importReports'> {
  /** Cameras inside the study area. */
  numCameras: number;
  /** Cameras outside the study area: kept in the set (coverage inside counts their view), not counted here. */
  numOutside: number;
  /** Live, face-recognition and plate-reading cameras inside the study area. */
  live: number;
  face: number;
  plate: number;
  /** Cameras per operator, every operator present (0 when none). */
  byOperator: Record<string, number>;
  /** Cameras per kind, every kind present (0 when none). */
  byKind: Record<string, number>;
  /** Cameras inside the study area per km² of it. */
  camerasPerKm2: number;
}

/** The model part's keys of `ScenarioMetrics` (result.ts; always present). */
export interface ModelPartMetrics {
  city: CityMetrics;
  cameras: CameraMetrics;
}

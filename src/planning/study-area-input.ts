/**
 * The inputs the planning functions share with computeCoverage: study area
 * (`bounds`, `area` or `city`), DORI level, occlusion by buildings.
 */
import { InvalidInputError, type Bounds } from '../core/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { checkLevel, resolveStudyArea } from '../coverage/internal.js';
import { type CoverageLevel, type StudyAreaInput } from '../coverage/index.js';

/** A resolved study area (absolute metres). */
export type ResolvedArea = ReturnType<typeof resolveStudyArea>;

/** The study-area, level and occlusion options of the planning functions (as in computeCoverage). */
export interface PlanningAreaOptions {
  /** Study area as `[minX, minY, maxX, maxY]` in metres. */
  bounds?: Bounds;
  /** Study area as a polygon or multipolygon in metres (instead of `bounds`). */
  area?: StudyAreaInput;
  /** A city: its boundary is the default study area, its buildings the occluders, its streets and population the street objectives' input. */
  city?: City;
  /** `'range'` (default) or a DORI level (`detect`, `observe`, `recognise`, `identify`), as in computeCoverage. */
  level?: CoverageLevel;
  /** Clip footprints by buildings (default false). Needs `city` or `buildings`. */
  occlusion?: boolean;
  /** Occluders when `occlusion` is on (default: `city.buildings`). */
  buildings?: BuildingSet;
}

/** The resolved common inputs. */
export interface ResolvedPlanningArea {
  resolved: ResolvedArea;
  level: CoverageLevel;
  occlusion: boolean;
  buildings: BuildingSet | null;
}

/** Resolves and checks the study area, level and occlusion options. */
export function resolvePlanningArea(origin: string, options: PlanningAreaOptions, defaults: { level: CoverageLevel; occlusion: boolean }): ResolvedPlanningArea {
  const level = checkLevel(origin, options.level ?? defaults.level);
  const occlusion = options.occlusion ?? defaults.occlusion;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(origin, 'options.occlusion', 'must be a boolean', occlusion);
  const city = options.city;
  if (city !== undefined && (typeof city !== 'object' || city === null || !Array.isArray(city.boundary))) {
    throw new InvalidInputError(origin, 'options.city', 'must be a City (see createCity)', city);
  }
  const areaInput = options.bounds === undefined && options.area === undefined && city ? city.boundary : options.area;
  const resolved = resolveStudyArea(origin, options.bounds, areaInput);
  const buildings = options.buildings ?? city?.buildings;
  if (occlusion && !buildings) throw new InvalidInputError(origin, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  if (occlusion && buildings) validateBuildingSet(buildings, origin, options.buildings ? 'options.buildings' : 'city.buildings');
  return { resolved, level, occlusion, buildings: occlusion && buildings ? buildings : null };
}

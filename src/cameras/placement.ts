/**
 * Camera placement strategies, all seeded and all returning a CameraSet:
 * at intersections, along streets, uniform in an area, weighted by
 * population, and on building facades facing a street.
 */
export {
  MAX_CAMERAS,
  PLACEMENT_DEFAULTS,
  type CameraAttributeOptions,
  type PlacementBaseOptions,
} from './placement-common.js';
export {
  placeAtIntersections,
  INTERSECTION_PLACEMENT_DEFAULTS,
  type IntersectionPlacementOptions,
} from './placement-intersections.js';
export { placeAlongStreets, STREET_PLACEMENT_DEFAULTS, type StreetPlacementOptions } from './placement-streets.js';
export {
  placeUniform,
  placeByPopulation,
  MIN_AREA_TO_BBOX_RATIO,
  ATTEMPTS_PER_EXPECTED,
  type ScatterPlacementOptions,
} from './placement-area.js';
export { placeOnFacades, FACADE_PLACEMENT_DEFAULTS, type FacadePlacementOptions } from './placement-facades.js';
export { countIntersections } from './placement-intersections.js';

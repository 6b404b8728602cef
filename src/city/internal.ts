/**
 * Internal entry of the city layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { validateBuildingSet } from './building-set.js';
export { featureId } from './import-report.js';
export { validatePopulationGrid } from './population.js';
export { streetsExtent } from './create-city.js';
export { PRESET_CITY_OPTION_KEYS } from './presets.js';
export { clipMultiPolygonToRect } from './rect-clip.js';

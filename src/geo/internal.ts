/**
 * Internal entry of the geo layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { validateMultiPolygon } from './polygon-validate.js';
export { multiPolygonFromCoordinates } from './polygon.js';

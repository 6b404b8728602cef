/**
 * Internal entry of the cameras layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { doriDistanceUnchecked } from './optics.js';
export { isCameraSet } from './camera-set.js';

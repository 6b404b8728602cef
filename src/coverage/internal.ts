/**
 * Internal entry of the coverage layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { checkLevel, effectiveRadius } from './footprints.js';
export { checkAvailability, prepareFootprints } from './prepare.js';
export { segmentCoverage, splitByEdge, inAreaWithTie } from './street-coverage.js';
export { resolveStudyArea } from './study-area.js';
export { MIN_PIECE_LENGTH, PROBE_OFFSET, footprintClassify, footprintContains, maxSplitsOf, sortSplits, splitSegmentByFootprint, BOUNDARY_EPS } from './union-engine.js';
export { uniqueAreasByGroup } from './attribution.js';
export type { UniqueAreas } from './attribution.js';
export { Footprints, setSector } from './footprints.js';
export { applyOcclusion } from './occlusion.js';
export { relativeLocator } from './study-area.js';
export { unionAreas } from './union-engine.js';
export { PRIM_ARC } from './footprints.js';

/**
 * Geometry: local projection, polygons, sectors and segments, visibility (occlusion), spatial indexes.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { PolygonLocator } from './polygon-locator.js';
export { ringSignedArea, polygonArea, multiPolygonArea, normalisePolygon, pointInRing, pointInPolygon, pointInMultiPolygon, multiPolygonBounds, boundsToPolygon, multiPolygonToCoordinates } from './polygon.js';
export type { Ring, PolygonM, MultiPolygonM } from './polygon.js';
export { createLocalProjection, projectCoordinates, unprojectRing, unprojectMultiPolygon, lonLatCentre, MAX_PROJECTED_DISTANCE } from './projection.js';
export type { LocalProjection } from './projection.js';
export { sectorFrame, pointInSectorFrame, pointInSector, sectorBoundsRadInto, sectorBounds, sectorArea, sectorPerimeter, sectorToPolygon, segmentSectorFrameIntervals, segmentSectorIntervals, MAX_SEGMENTS_PER_FULL_CIRCLE } from './sector.js';
export type { SectorFrame } from './sector.js';
export { orient2d, segmentIntersectionParams, lineCircleParams, segmentDiscInterval, pointSegmentDistanceSq, pointSegmentDistance, pointLineDistance, ringsToSegments } from './segment.js';
export { buildSectorIndex, buildSegmentIndex } from './spatial-index.js';
export type { SpatialIndex } from './spatial-index.js';
export { createVisibilityScratch, createVisibilityRegion, copyVisibilityRegion, createOccluders, computeVisibility, computeSectorVisibility, visibleDistance, pointVisible, visibleArea, visibilityToPolygon, WALL_TOLERANCE, VISIBILITY_ARC, VISIBILITY_LINE, VisibilityScratch } from './visibility.js';
export type { Occluders, VisibilityRegion } from './visibility.js';

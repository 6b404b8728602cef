/**
 * Coverage: exact area and k-coverage, street coverage, district tables, rasters, coverage under faults.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { computeCoverage, COMPUTE_COVERAGE_DEFAULTS } from './compute-coverage.js';
export type { CoverageOptions, CoverageResult } from './compute-coverage.js';
export { AT_LEAST_MIN_K } from './at-least.js';
export { coverageRaster, MAX_RASTER_CELLS, COVERAGE_RASTER_DEFAULTS } from './coverage-raster.js';
export type { CoverageRasterOptions, CoverageRaster } from './coverage-raster.js';
export { computeDistrictCoverage, COMPUTE_DISTRICT_COVERAGE_DEFAULTS } from './district-coverage.js';
export type { DistrictCoverageRow, DistrictCoverageResult, DistrictCoverageOptions } from './district-coverage.js';
export type { CoverageLevel } from './footprints.js';
export { computeFullViewCoverage, largestAngularGap, FULL_VIEW_COVERAGE_DEFAULTS } from './full-view-coverage.js';
export type { FullViewCoverageOptions, FullViewCoverageResult, FullViewAreaResult, FullViewStreetResult, SampledShare } from './full-view-coverage.js';
export { overlappingPairs } from './neighbour-pairs.js';
export type { NeighbourLists } from './neighbour-pairs.js';
export { coverageUnderFault } from './network-coverage.js';
export type { FaultCoverageOptions, Watchers, FaultCoverageRequest, FaultCoverage } from './network-coverage.js';
export { expectedCoverageUnderOutages, simulateOutageCoverage, simulateDamageCoverage } from './outage-coverage.js';
export type { ExpectedOutageCoverageOptions, ExpectedOutageCoverage, OutageCoverageOptions, OutageCoverage, DamageCoverageOptions } from './outage-coverage.js';
export { rankSinglePointsOfFailureByArea } from './spof-coverage.js';
export type { SpofAreaOptions, SpofAreaRow, SpofAreaRanking } from './spof-coverage.js';
export { parallelCoverageAvailable, terminateCoverageWorkers } from './parallel.js';
export { streetSegments, computeStreetCoverage, COMPUTE_STREET_COVERAGE_DEFAULTS } from './street-coverage.js';
export type { StreetCoverageOptions, StreetClassCoverage, StreetCoverageResult, StreetSegments } from './street-coverage.js';
export type { StudyAreaInput } from './study-area.js';

/**
 * sightline — model smart-city camera networks: cameras and what they see,
 * exact coverage at city scale, reproducible from a seed.
 *
 * The public API, by layer (core → geo → city → cameras → coverage).
 */

// Foundations: errors, seeded random streams, units, boundary checks.
export * from './core/errors.js';
export * from './core/random.js';
export * from './core/units.js';
export type { Bounds } from './core/validate.js';
export { releaseScratch } from './core/scratch.js';

// Geometry: projection, polygons, sectors and segments, visibility, spatial indexes.
export * from './geo/projection.js';
export * from './geo/polygon.js';
export * from './geo/segment.js';
export * from './geo/sector.js';
export * from './geo/visibility.js';
export * from './geo/spatial-index.js';
export { PolygonLocator } from './geo/polygon-locator.js';

// Cities: the City model, generator, importers, population, districts, presets.
export * from './city/city.js';
export type { BoundaryInput } from './city/boundary.js';
export * from './city/building-set.js';
export * from './city/population.js';
export * from './city/districts.js';
export * from './city/street-classes.js';
export * from './city/generate-grid-city.js';
export * from './city/create-city.js';
export type { ImportReportEntry } from './city/import-report.js';
export * from './city/import-streets.js';
export * from './city/import-osm-streets-xml.js';
export * from './city/import-buildings.js';
export * from './city/presets.js';
export * from './city/data/almaty-boundary.js';

// Cameras: the camera store, optics (DORI), placement, OSM import, presets.
export * from './cameras/camera-set.js';
export * from './cameras/optics.js';
export * from './cameras/placement.js';
export * from './cameras/osm-import.js';
export * from './cameras/presets.js';

// Coverage: exact area and k-coverage, streets, districts, rasters.
export * from './coverage/compute-coverage.js';
export * from './coverage/street-coverage.js';
export * from './coverage/district-coverage.js';
export * from './coverage/coverage-raster.js';
export { parallelCoverageAvailable, terminateCoverageWorkers } from './coverage/parallel.js';
export { overlappingPairs, type NeighbourLists } from './coverage/neighbour-pairs.js';
export type { CoverageLevel } from './coverage/footprints.js';
export type { StudyAreaInput } from './coverage/study-area.js';
export * from './exposure/recognition.js';
export * from './mobility/street-network.js';
export * from './mobility/trip-set.js';
export * from './mobility/polyline-trips.js';
export * from './mobility/build-street-network.js';
export { NO_ARC, shortestPathTree, pathArcs, shortestPath, arcTail, arcHead, type ShortestPathTree, type ShortestPathTreeOptions } from './mobility/shortest-paths.js';
export * from './exposure/street-exposure-profile.js';

// Command network: model, streams, routing kernel.
export * from './network/command-network.js';
export * from './network/streams.js';
export * from './network/routing.js';
export * from './exposure/route-exposure.js';
export { computeSightings, sightingPoints, SIGHTING_DEFAULTS, type SightingOptions, type SightingParams, type SightingSet, type SightingPoints } from './exposure/sightings.js';
export { computeTripMetrics, type TripMetrics } from './exposure/trip-metrics.js';
export * from './exposure/person-metrics.js';
export * from './exposure/watchlist.js';
export * from './exposure/unicity.js';
export * from './exposure/least-surveilled-route.js';
export * from './network/build-hierarchical.js';
export * from './network/network-presets.js';
export * from './mobility/zones.js';
export * from './mobility/residents.js';
export * from './mobility/trip-plans.js';
export * from './mobility/route-trips.js';
export * from './network/analyse-network.js';
export * from './mobility/import-trips.js';
export * from './exposure/population-exposure.js';
export { parallelPopulationAvailable, terminatePopulationWorkers } from './exposure/population-parallel.js';
export * from './exposure/district-exposure.js';
export * from './exposure/inequality.js';
export * from './exposure/crowd-exposure.js';

// Scenarios: schema, presets, runner, comparison.
export * from './scenario/scenario-error.js';
export * from './scenario/schema.js';
export * from './scenario/presets.js';
export * from './scenario/result.js';
export * from './scenario/run-scenario.js';
export * from './scenario/compare.js';
export type { ScenarioContext, ScenarioStep } from './scenario/steps.js';
export { SCENARIO_STEPS } from './scenario/steps.js';
export { SIGHTLINE_VERSION } from './scenario/version.js';

// Outputs: atomic writes, GeoJSON, the HTML report.
export * from './io/atomic-write.js';
export * from './io/geojson.js';
export * from './io/report-html.js';
export * from './io/write-outputs.js';
export * from './network/network-geojson.js';
export { createFaultScenario, evaluateFaultScenario, FAULT_LIVE_DEFAULTS, type FaultScenario, type FaultScenarioInput, type FaultLiveOptions, type FaultEvaluation } from './network/faults-scenario.js';
export { summariseTrials, TRIAL_SUMMARY_DEFAULTS, CONFIDENCE_METHODS, type ConfidenceMethod, type TrialSummary, type TrialSummaryOptions } from './network/faults-stats.js';
export * from './network/faults-simulate.js';
export * from './network/damage.js';
export * from './network/spof.js';
export * from './coverage/network-coverage.js';
export * from './exposure/sightings-polyline.js';
export * from './io/comparison-html.js';
export * from './io/exposure-csv.js';
export * from './retention/policy.js';
export * from './retention/person-channels.js';
export { buildAccessGraph, principalReach, readerReach, type ReaderReach, principalKey, storeKey, holdKey, type AccessGraph, type AccessNodeAttributes, type AccessPrincipalNode, type AccessStoreNode, type AccessHoldNode, type AccessEdgeAttributes, type ReachedStore, type ReachedHold, type PrincipalReach, type PrincipalReachResult, type PrincipalReachOptions } from './retention/access-graph.js';
export * from './retention/access.js';
export { tripCameras, type TripCameraBlock } from './exposure/trip-metrics.js';
export { retentionReach, personHistory, personHistoryForDays, summariseHistoryValues, HISTORY_DEFAULTS, type OnFileColumns, type RetentionReach, type KindReach, type TierReach, type HistorySummary, type HistoryDaysOptions, type HistoryColumns, type PersonHistoryOptions, type PersonHistory } from './retention/history.js';
export { reconstructHistory, type RetentionSightingsInput, type ReconstructHistoryOptions, type ReconstructedHistory, type HoldHistory } from './retention/reconstruct.js';
export { pointInHold, camerasInHold } from './retention/hold-area.js';
export * from './retention/presets.js';
export * from './retention/event-rates.js';
export * from './retention/storage.js';
export { type RetentionTripRowsInput } from './retention/reconstruct.js';
export * from './retention/analyse-retention.js';
export * from './retention/archive-on-file.js';

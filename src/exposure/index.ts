/**
 * Exposure: sightings, recognition, per-trip / per-person / population metrics, crowds, unicity, routes.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { crowdExposure, CROWD_DEFAULTS } from './crowd-exposure.js';
export type { AreaCrowd, RouteCrowd, CrowdInput, CrowdExposureOptions, CrowdModeResult, CrowdExposureResult } from './crowd-exposure.js';
/** Full-view (face-on) coverage lives in the coverage layer; the root entry is at its name budget, so it is published here. */
export { computeFullViewCoverage, largestAngularGap, FULL_VIEW_COVERAGE_DEFAULTS } from '../coverage/index.js';
export type { FullViewCoverageOptions, FullViewCoverageResult, FullViewAreaResult, FullViewStreetResult, SampledShare } from '../coverage/index.js';
export { districtExposure } from './district-exposure.js';
export type { DistrictExposureRow, DistrictExposureTable } from './district-exposure.js';
export { gini, groupInequality } from './inequality.js';
export type { GroupInequality } from './inequality.js';
export { leastSurveilledRoute, LEAST_SURVEILLED_DEFAULTS } from './least-surveilled-route.js';
export type { RouteEnd, LeastSurveilledRouteOptions, NetworkRoute, LeastSurveilledRoute } from './least-surveilled-route.js';
export { computePersonMetrics } from './person-metrics.js';
export type { PersonDayMetrics, PersonMetricsOptions } from './person-metrics.js';
export { computePopulationExposure, POPULATION_EXPOSURE_DEFAULTS } from './population-exposure.js';
export type { PopulationExposureOptions, DistributionSummary, PopulationExposure } from './population-exposure.js';
export { parallelPopulationAvailable, terminatePopulationWorkers } from './population-parallel.js';
export { rescorePopulationExposure } from './rescore-population-exposure.js';
export type { RescorePopulationExposureOptions } from './rescore-population-exposure.js';
export { perEntryFromFpir, recognitionModel, falseAlertProbability, identifiedAtLeastOnce, RECOGNITION_PRESETS } from './recognition.js';
export type { RecognitionModel, RecognitionSpec, RecognitionPresetName } from './recognition.js';
export { validateRecognition, MET_LFR_2025 } from './recognition-validation.js';
export type { RecognitionValidation, OperationalRecord } from './recognition-validation.js';
export { routeExposure, ROUTE_EXPOSURE_DEFAULTS } from './route-exposure.js';
export type { RoutePath, RouteExposureOptions, RouteStretch, RouteExposure } from './route-exposure.js';
export { computePolylineSightings, COMPUTE_POLYLINE_SIGHTINGS_DEFAULTS } from './sightings-polyline.js';
export type { PolylineSightingOptions, PolylineTripMetrics, PolylineSightings } from './sightings-polyline.js';
export { computeSightings, sightingPoints, SIGHTING_DEFAULTS } from './sightings.js';
export type { SightingOptions, SightingParams, SightingSet, SightingPoints } from './sightings.js';
export { computeStreetExposureProfile, PROFILE_LEVELS, EXPOSURE_PROFILE_DEFAULTS } from './street-exposure-profile.js';
export type { StreetExposureProfile, StreetExposureProfileOptions } from './street-exposure-profile.js';
export { computeTripMetrics, tripCameras } from './trip-metrics.js';
export type { TripMetrics, TripCameraBlock } from './trip-metrics.js';
export { unicity, wilsonInterval, groupPointsByPerson, UNICITY_DEFAULTS } from './unicity.js';
export { unicityCurve, cellUnits, UNICITY_CURVE_DEFAULTS } from './unicity-curve.js';
export type { UnicityCurve, UnicityCurvePoint, UnicityCurveOptions } from './unicity-curve.js';
export type { UnicityPoints, UnicityOptions, UnicityAtK, UnicityResult, UngroupedPoints } from './unicity.js';
export { watchlistIdentifications, WATCHLIST_DEFAULTS } from './watchlist.js';
export type { WatchlistInput, WatchlistOptions, WatchlistResult } from './watchlist.js';
export { sunTimes, hourlyLight, SUN_TIMES_DEFAULTS, SUN_ZENITH } from './daylight.js';
export type { Light, Twilight, SunTimes, SunTimesOptions, HourlyLight } from './daylight.js';
export { nightCameraSet, coverageByHour, exposureByHour, NIGHT_CAMERA_SET_DEFAULTS, COVERAGE_BY_HOUR_DEFAULTS, EXPOSURE_BY_HOUR_DEFAULTS } from './day-night.js';
export type { NightCameraSetOptions, CoverageByHourOptions, CoverageByHour, LightCoverage, ExposureByHourOptions, ExposureByHour, TripTotals } from './day-night.js';

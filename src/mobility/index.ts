/**
 * Mobility: street network arrays (CSR), shortest paths, zones, residents, trip plans, routed and imported trips.
 *
 * The layer's public API. Other folders of src/ import this layer only through
 * this file (or, for the internals another layer needs, through ./internal.ts).
 */
export { buildStreetNetwork, nearestNode, nearestNodes, streetComponents, NEAREST_NODE_DEFAULTS } from './build-street-network.js';
export type { StreetComponents } from './build-street-network.js';
export { importTrips, IMPORT_TRIPS_DEFAULTS } from './import-trips.js';
export type { CoordinateTrip, ImportTripsOptions, ImportedTrips } from './import-trips.js';
export type { PolylineTrips } from './polyline-trips.js';
export { createResidents } from './residents.js';
export type { CreateResidentsOptions, SyntheticResidents } from './residents.js';
export { routeTrips, TRAVEL_SPEEDS } from './route-trips.js';
export type { RouteTripsOptions, RoutedTripSet, RouteTripsResult } from './route-trips.js';
export { NO_ARC, shortestPathTree, pathArcs, shortestPath, arcTail, arcHead } from './shortest-paths.js';
export type { ShortestPathTree, ShortestPathTreeOptions } from './shortest-paths.js';
export type { StreetNetwork } from './street-network.js';
export { gravityProbabilities, planTrips, PURPOSE_HOME, PURPOSE_WORK, PURPOSE_STUDY, PURPOSE_ERRAND, TRIP_DEFAULTS } from './trip-plans.js';
export type { ActivityPurpose, Deterrence, TimeDistribution, PlanTripsOptions, TripPlans, DeterrenceSpec } from './trip-plans.js';
export { TRAVEL_MODES, MODE_WALK, MODE_CAR, TRIP_PURPOSES, NO_DISTRICT } from './trip-set.js';
export type { TravelMode, TripPurpose, Residents, TripSet } from './trip-set.js';
export { buildZones, ZONE_DEFAULTS } from './zones.js';
export type { Zones } from './zones.js';

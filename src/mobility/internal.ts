/**
 * Internal entry of the mobility layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { RouteScratch, routeValidated } from './route-trips.js';
export { csrLengths, dijkstra } from './shortest-paths.js';
export { planTripsWith, solveDestinations, PLAN_TRIPS_OPTION_KEYS } from './trip-plans.js';
export { TRAVEL_SPEED_KEYS } from './route-trips.js';
export type { DestinationTask } from './trip-plans.js';

/**
 * Internal entry of the network layer: what other layers of sightline need
 * from it but users do not. Not re-exported by src/index.ts; names here may
 * change in any release.
 *
 * @internal
 */
export { checkNetwork, checkScenario, nodeDistrictIndex, networkDistricts, resolveLiveOptions } from './faults-scenario.js';
export { resolveSummaryOptions, summariseResolved } from './faults-stats.js';
/** Option keys, for a function that hands its options on (pickOptions). */
export { APPLY_TARGETED_DAMAGE_OPTION_KEYS } from './damage.js';
export { RANK_SINGLE_POINTS_OF_FAILURE_OPTION_KEYS } from './spof.js';

/**
 * The options {@link computePopulationExposure} knows, and their check: its
 * unknown options (and those of its nested `plans` and `speeds`) are refused.
 * Kept apart from population-exposure.ts so that the function carries only
 * its one-line check; the keys still come from POPULATION_EXPOSURE_DEFAULTS,
 * handed over by that line.
 */
import { checkOptions, optionKeys, withNestedOptions, type OptionKeys } from '../core/internal.js';
import { PLAN_TRIPS_OPTION_KEYS, TRAVEL_SPEED_KEYS } from '../mobility/internal.js';
import type { POPULATION_EXPOSURE_DEFAULTS, PopulationExposureOptions } from './population-exposure.js';

/** Defaults' keys that are tuning constants of the implementation, not options. */
const NOT_OPTIONS = ['minChunk', 'maxChunks', 'releaseAfterBytes', 'quantiles'] as const;

let cached: { defaults: object; keys: OptionKeys } | null = null;

/**
 * The known options of computePopulationExposure: the keys of its defaults
 * (less the tuning constants) and the options without a default; `plans`
 * takes planTrips' options less `seed`, `speeds` the travel modes.
 * @internal
 */
export function populationExposureOptionKeys(defaults: typeof POPULATION_EXPOSURE_DEFAULTS): OptionKeys {
  if (cached !== null && cached.defaults === defaults) return cached.keys;
  const keys = withNestedOptions(
    optionKeys<PopulationExposureOptions>()(
      defaults,
      ['seed', 'plans', 'speeds', 'profile', 'network', 'threads', 'keepSightings', 'watchlistSize', 'availability', 'recognition', 'faceLevel', 'plateLevel', 'plateReadRate', 'cameraUp'],
      NOT_OPTIONS,
    ),
    { plans: PLAN_TRIPS_OPTION_KEYS.filter((k) => k !== 'seed'), speeds: TRAVEL_SPEED_KEYS },
  );
  cached = { defaults, keys };
  return keys;
}

/**
 * Refuses an unknown option of computePopulationExposure (named, with the
 * nearest known one), in `options`, `options.plans` or `options.speeds`.
 * @internal
 */
export function checkPopulationExposureOptions(options: unknown, defaults: typeof POPULATION_EXPOSURE_DEFAULTS): void {
  checkOptions('computePopulationExposure', options, populationExposureOptionKeys(defaults));
}

/**
 * Coverage under network faults, and what the fault functions share.
 *
 * The functions are in three files by concern: this one (coverage under one
 * fault scenario, and the option checks the others use), outage-coverage.ts
 * (the exact expectation under independent outages, and coverage over outage
 * trials and damage draws) and spof-coverage.ts (the area each single point
 * of failure takes out of coverage). They live in the coverage layer because
 * the network layer may not import coverage (the layer order of src/).
 *
 * Fault semantics (see network/faults-scenario.ts): a node or link that is
 * down only breaks live paths — cameras keep recording, so AREA coverage is
 * unchanged; a dark camera (own failure, district blackout, damage) sees
 * nothing. "Live coverage" counts only live cameras that are up and whose
 * node has a working path to a centre.
 */
import { InvalidInputError } from '../core/index.js';
import { centreFlags, createRouting, routeToCentres, type CommandNetwork, type FaultLiveOptions, type FaultScenario } from '../network/index.js';
import { checkNetwork, checkScenario, resolveLiveOptions } from '../network/internal.js';
import { computeCoverage, COMPUTE_COVERAGE_OPTION_KEYS, type CoverageOptions, type CoverageResult } from './compute-coverage.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/** Coverage options without `availability` (the fault functions set it). */
export type FaultCoverageOptions = Omit<CoverageOptions, 'availability'>;

/** The keys of `options.coverage`: computeCoverage's, less `availability`. */
const FAULT_COVERAGE_OPTION_KEYS = COMPUTE_COVERAGE_OPTION_KEYS.filter((k) => k !== 'availability');

/** Which cameras count as watchers: every camera, or only live ones (area watched live). */
export type Watchers = 'all' | 'live';

/** Checks `options.coverage` of a fault function: coverage options without `availability`. */
export function checkCoverageOptions(origin: string, o: unknown): FaultCoverageOptions {
  if (typeof o !== 'object' || o === null) throw new InvalidInputError(origin, 'options.coverage', 'must be coverage options (bounds, area or city; level, occlusion, …)', o);
  if ((o as CoverageOptions).availability !== undefined) {
    throw new InvalidInputError(origin, 'options.coverage.availability', 'is not allowed here (the fault model sets camera availability; use cameraAvailability)', (o as CoverageOptions).availability);
  }
  checkOptions(origin, o, FAULT_COVERAGE_OPTION_KEYS, 'options.coverage');
  return o as FaultCoverageOptions;
}

/** Checks `options.watchers` (default `all`). */
export function checkWatchers(origin: string, w: unknown): Watchers {
  if (w === undefined) return 'all';
  if (w !== 'all' && w !== 'live') throw new InvalidInputError(origin, 'options.watchers', 'must be "all" or "live"', w);
  return w;
}

/** Camera ids with flag 1. */
export function idsWhere(flags: Uint8Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  const out = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1) out[n++] = i;
  return out;
}

/** Ids of the live cameras that are up and whose node reaches a centre (`hops` ≥ 0, from routeToCentres). */
export function liveWatchingIds(network: CommandNetwork, cameraUp: Uint8Array, hops: ArrayLike<number>): Uint32Array {
  const flags = new Uint8Array(network.numCameras);
  for (let c = 0; c < network.numCameras; c++) if (cameraUp[c] === 1 && network.cameraLive[c] === 1 && hops[network.cameraNode[c]] >= 0) flags[c] = 1;
  return idsWhere(flags);
}

/** Options of {@link coverageUnderFault}. */
export interface FaultCoverageRequest extends FaultLiveOptions {
  /** Study area etc., as computeCoverage (no availability). */
  coverage: FaultCoverageOptions;
  /** Also compute live coverage: live cameras up whose node has a working path (default false; one more computeCoverage). */
  live?: boolean;
}

/** Result of {@link coverageUnderFault}. */
export interface FaultCoverage {
  /** Coverage by the cameras that are up (node and link outages do not change it). */
  coverage: CoverageResult;
  camerasUp: number;
  /** Coverage by live cameras that are up and reached, or null. */
  liveCoverage: CoverageResult | null;
  liveCamerasWatching: number | null;
  scenario: FaultScenario['provenance'];
}

/** The options coverageUnderFault knows (its unknown options are refused). */
const COVERAGE_UNDER_FAULT_OPTION_KEYS = optionKeys<FaultCoverageRequest>()({}, ['coverage', 'live', 'centreKinds', 'analyticsDemand']);

/**
 * Coverage under a fault scenario (targeted damage, a trial, a named
 * scenario): computeCoverage on the cameras that are up.
 *
 * @param network - the network
 * @param scenario - the scenario (from applyTargetedDamage, createFaultScenario, sampleOutageScenario)
 * @param options - coverage (required: study area etc.), live (false), centreKinds
 * @returns coverage by the cameras up, and live coverage when asked
 * @throws {InvalidInputError} on a bad network, scenario or coverage options
 * @example
 * const s = applyTargetedDamage(net, { randomUnits: 766, randomCameras: 493, seed: 2022 });
 * coverageUnderFault(net, s, { coverage: { city } }).coverage.coveredFraction
 *
 * Complexity: one computeCoverage on the cameras up, plus O(cameras) to select them
 * (and a second computeCoverage with `live`).
 */
export function coverageUnderFault(network: CommandNetwork, scenario: FaultScenario, options: FaultCoverageRequest): FaultCoverage {
  checkOptions('coverageUnderFault', options, COVERAGE_UNDER_FAULT_OPTION_KEYS);
  const origin = 'coverageUnderFault';
  checkNetwork(origin, network);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(origin, 'options', 'must be an object with options.coverage', options);
  const s = checkScenario(origin, network, scenario);
  const cov = checkCoverageOptions(origin, options.coverage);
  const live = options.live ?? false;
  if (typeof live !== 'boolean') throw new InvalidInputError(origin, 'options.live', 'must be a boolean', live);
  const p = resolveLiveOptions(origin, options);
  const up = idsWhere(s.cameraUp);
  const cams = up.length === network.numCameras ? network.cameras : network.cameras.subset(up);
  const coverage = computeCoverage(cams, cov);
  let liveCoverage: CoverageResult | null = null;
  let liveCamerasWatching: number | null = null;
  if (live) {
    const r = routeToCentres(network, centreFlags(network, p.centreKinds), s.nodeUp, s.linkUp, createRouting(network));
    const ids = liveWatchingIds(network, s.cameraUp, r.hops);
    liveCamerasWatching = ids.length;
    liveCoverage = computeCoverage(network.cameras.subset(ids), cov);
  }
  return { coverage, camerasUp: up.length, liveCoverage, liveCamerasWatching, scenario: s.provenance };
}

/**
 * Rescoring a population exposure for other recognition parameters (the
 * recognition model, the plate read rate, the watchlist size) without routing
 * or scoring the trips again: with binary camera weights (every camera up or
 * down) a trip's identification depends on the rates only through its counts
 * of face-qualifying and plate-qualifying captures (TripMetrics.faceSearches,
 * TripMetrics.plateCaptures; see sightings-scorer.ts), so the per-trip,
 * per-person-day, summary, district, inequality and watchlist figures can be
 * recomputed from the counts, with the very arithmetic of
 * computePopulationExposure.
 */
import { CAPABILITY_FACE, CAPABILITY_PLATE, type CameraSet } from '../cameras/index.js';
import { isCameraSet } from '../cameras/internal.js';
import { InvalidInputError } from '../core/index.js';
import { requireKnownKeys, requireObject } from '../core/internal.js';
import { MODE_CAR, MODE_WALK } from '../mobility/index.js';
import { districtExposure } from './district-exposure.js';
import { groupTripsByRow, identificationRows, type PersonDayMetrics } from './person-metrics.js';
import { checkWatchlistSize, districtInequality, populationWatchlist, resolveKeepSightings, summarise, type PopulationExposure } from './population-exposure.js';
import type { RecognitionSpec } from './recognition.js';
import { identifiedFromCounts, logNotIdentifiedFromCounts } from './sightings-scorer.js';
import { resolvePlateReadRateOption, resolveRecognitionOption, type SightingParams, type SightingSet } from './sightings.js';
import { PROFILE_LEVELS } from './street-exposure-profile.js';

/**
 * Options of {@link rescorePopulationExposure}. An option that is absent keeps the exposure's value; one that
 * is present (even as `undefined`) replaces it as it would in `computePopulationExposure({ ...previous, ...options })`
 * (`recognition: undefined` is the default model, `watchlistSize: undefined` no watchlist).
 */
export interface RescorePopulationExposureOptions {
  /** Face recognition model: a preset name or a model (see `recognitionModel`). */
  recognition?: RecognitionSpec;
  /** Probability a plate at the plate level is read. */
  plateReadRate?: number;
  /** Watchlist expectations for a gallery of this many people (undefined: none). */
  watchlistSize?: number;
  /**
   * false: drop the kept sightings (`sightings` and `params.sample` null, as computePopulationExposure gives them
   * without `keepSightings`), which saves recomputing their `pIdentify` (O(kept sightings): a fresh array of 8 bytes
   * a sighting, the bulk of the cost when many residents are kept). true: keep them (the exposure must have them).
   */
  keepSightings?: boolean;
  /**
   * The CameraSet the exposure was computed for. Needed only when the exposure keeps sightings and a channel's
   * rate was 0 there (a kept sighting's identification probability then no longer tells whether its camera can
   * identify); otherwise not read.
   */
  cameras?: CameraSet;
}

const ORIGIN = 'rescorePopulationExposure';
const OPTION_KEYS = ['recognition', 'plateReadRate', 'watchlistSize', 'keepSightings', 'cameras'] as const;

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A zeroed Float64Array like `a` (same length, on a SharedArrayBuffer when `a` is). */
function zerosLike(a: Float64Array): Float64Array {
  return typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer ? new Float64Array(new SharedArrayBuffer(8 * a.length)) : new Float64Array(a.length);
}

function requireF64(field: string, value: unknown, length: number, why: string): Float64Array {
  if (!(value instanceof Float64Array) || value.length < length) throw new InvalidInputError(ORIGIN, field, `must be a Float64Array of length >= ${length}${why}`, value);
  return value;
}

/** Checks the parts of a PopulationExposure that rescoring reads (once, O(trips)). */
function checkExposure(e: PopulationExposure): void {
  requireObject(ORIGIN, 'exposure', e);
  const t = requireObject(ORIGIN, 'exposure.trips', e.trips) as unknown as PopulationExposure['trips'];
  const p = requireObject(ORIGIN, 'exposure.persons', e.persons) as unknown as PersonDayMetrics;
  const params = requireObject(ORIGIN, 'exposure.params', e.params) as unknown as PopulationExposure['params'];
  requireObject(ORIGIN, 'exposure.params.sighting', params.sighting);
  requireObject(ORIGIN, 'exposure.districts', e.districts);
  if (!Array.isArray(e.districts.rows)) throw new InvalidInputError(ORIGIN, 'exposure.districts.rows', 'must be an array (a PopulationExposure)', e.districts.rows);
  const nt = t.numTrips;
  if (!Number.isInteger(nt) || nt < 0) throw new InvalidInputError(ORIGIN, 'exposure.trips.numTrips', 'must be an integer >= 0', nt);
  const counts = ' (a result of computePopulationExposure that records the capture counts)';
  requireF64('exposure.trips.faceSearches', t.faceSearches, nt, counts);
  requireF64('exposure.trips.plateCaptures', t.plateCaptures, nt, counts);
  requireF64('exposure.trips.identified', t.identified, nt, '');
  requireF64('exposure.trips.pIdentified', t.pIdentified, nt, '');
  if (!(t.person instanceof Uint32Array) || t.person.length < nt) throw new InvalidInputError(ORIGIN, 'exposure.trips.person', `must be a Uint32Array of length >= ${nt}`, t.person);
  if (!(t.day instanceof Uint16Array) || t.day.length < nt) throw new InvalidInputError(ORIGIN, 'exposure.trips.day', `must be a Uint16Array of length >= ${nt}`, t.day);
  if (!(t.mode instanceof Uint8Array) || t.mode.length < nt) throw new InvalidInputError(ORIGIN, 'exposure.trips.mode', `must be a Uint8Array of length >= ${nt}`, t.mode);
  if (!Array.isArray(t.cameraBlocks)) throw new InvalidInputError(ORIGIN, 'exposure.trips.cameraBlocks', 'must be an array (a PopulationExposure)', t.cameraBlocks);
  // Binary weights: the chunks keep no miss probabilities (TripCameraBlock.miss is null exactly then).
  const a = params.sighting.availability;
  if (t.cameraBlocks.some((b) => b.miss !== null) || (typeof a === 'number' && a !== 0 && a !== 1)) {
    throw new InvalidInputError(
      ORIGIN, 'exposure.params.sighting.availability',
      'must be absent (every camera up or down, e.g. cameraUp): with availabilities between 0 and 1 the identification is a per-capture sum that the capture counts do not determine',
      a,
    );
  }
  const np = p.numPersons, nd = p.numDays;
  if (!Number.isInteger(np) || np < 1 || !Number.isInteger(nd) || nd < 1) throw new InvalidInputError(ORIGIN, 'exposure.persons.numPersons', 'must be an integer >= 1 (with numDays >= 1)', np);
  requireF64('exposure.persons.identified', p.identified, np * nd, '');
  requireF64('exposure.persons.pIdentified', p.pIdentified, np * nd, '');
  for (let i = 0; i < nt; i++) {
    if (t.person[i] >= np) throw new InvalidInputError(ORIGIN, `exposure.trips.person[${i}]`, `must be < exposure.persons.numPersons (${np})`, t.person[i]);
    if (t.day[i] >= nd) throw new InvalidInputError(ORIGIN, `exposure.trips.day[${i}]`, `must be < exposure.persons.numDays (${nd})`, t.day[i]);
  }
}

/**
 * The kept sightings with every pIdentify recomputed for the new rates: a capture identifies at the channel's
 * rate (× pSeen) when it qualifies (pedestrian, face camera, frontal, at the face level; car, plate reader, at
 * the plate level), as the scorer decides. Whether a camera can read faces or plates is taken from `capabilities`
 * when given, else from the old pIdentify (> 0 exactly when the capture qualified, the old rate being > 0).
 */
function rescoreSightings(
  s: SightingSet, trips: PopulationExposure['trips'], old: SightingParams, params: SightingParams, capabilities: Uint8Array | null,
): SightingSet {
  const oldFace = old.recognition.truePositiveRate, oldPlate = old.plateReadRate;
  const faceRate = params.recognition.truePositiveRate, plateRate = params.plateReadRate;
  if (Object.is(faceRate, oldFace) && Object.is(plateRate, oldPlate)) return { ...s, params };
  const faceLevel = (PROFILE_LEVELS as readonly string[]).indexOf(old.faceLevel);
  const plateLevel = (PROFILE_LEVELS as readonly string[]).indexOf(old.plateLevel);
  const { tripStart, camera, level, frontal, pSeen } = s;
  const oldP = s.pIdentify;
  const pIdentify = zerosLike(oldP);
  const np = tripStart.length - 1;
  const nt = trips.numTrips;
  for (let k = 0; k < nt; k++) {
    const plan = trips.planId[k];
    if (plan >= np) break;
    const i0 = tripStart[plan], i1 = tripStart[plan + 1];
    if (i0 === i1) continue;
    const mode = trips.mode[k];
    for (let i = i0; i < i1; i++) {
      let rate = -1;
      let knownRate: number;
      let bit: number;
      if (mode === MODE_WALK && frontal[i] === 1 && level[i] >= faceLevel) {
        rate = faceRate;
        knownRate = oldFace;
        bit = CAPABILITY_FACE;
      } else if (mode === MODE_CAR && level[i] >= plateLevel) {
        rate = plateRate;
        knownRate = oldPlate;
        bit = CAPABILITY_PLATE;
      } else {
        continue;
      }
      let qualifies: boolean;
      if (capabilities !== null) qualifies = (capabilities[camera[i]] & bit) !== 0;
      else if (knownRate > 0) qualifies = oldP[i] > 0;
      else {
        throw new InvalidInputError(
          ORIGIN, 'options.cameras',
          `must be given (the CameraSet of the exposure) to rescore kept sightings when the exposure's ${bit === CAPABILITY_FACE ? 'face true-positive rate' : 'plate read rate'} was 0`,
          undefined,
        );
      }
      if (qualifies) pIdentify[i] = rate * pSeen[i];
    }
  }
  return { ...s, pIdentify, params };
}

/**
 * A population exposure recomputed for other recognition parameters — the recognition model (its
 * truePositiveRate and falsePositivePerEntry), `plateReadRate`, `watchlistSize` — without routing or scoring
 * the trips again. Every part that depends on them is recomputed (per trip `identified` and `pIdentified`,
 * per person-day `identified` and `pIdentified`, the summary, the district table, the inequality between
 * districts, the watchlist, the kept sightings' `pIdentify`, the params) and the result is deep-equal, bit for
 * bit, to computePopulationExposure called with the same inputs and these options. The rest is shared with
 * `exposure` (the same arrays: treat both as read-only); `exposure` is not modified.
 *
 * Needs binary camera weights (every camera up, or `cameraUp` only): a trip's identification then follows from
 * its counts of face-qualifying and plate-qualifying captures (TripMetrics.faceSearches, plateCaptures).
 *
 * @param exposure - a result of computePopulationExposure (binary weights)
 * @param options - `recognition`, `plateReadRate`, `watchlistSize`, `keepSightings` (an absent option keeps the
 *   exposure's value; see {@link RescorePopulationExposureOptions}), and `cameras` (needed only in one case, see there)
 * @returns a new PopulationExposure, as computePopulationExposure would give it with these options
 * @throws {InvalidInputError} an exposure computed with availabilities between 0 and 1 (field
 *   `exposure.params.sighting.availability`) or without the capture counts (`exposure.trips.plateCaptures`);
 *   a bad option (named, as computePopulationExposure words it), an unknown option, a watchlist larger than the
 *   city's population; `options.cameras` missing when needed (see RescorePopulationExposureOptions.cameras)
 * @example
 * const base = computePopulationExposure(cameras, city, { seed: 1, cameraUp });
 * const lfr = rescorePopulationExposure(base, { recognition: 'london-met-lfr', watchlistSize: 16_000 });
 * lfr.summary.pIdentified.mean; // as computePopulationExposure(cameras, city, { seed: 1, cameraUp, recognition: 'london-met-lfr', watchlistSize: 16_000 })
 * @remarks O(trips + person-days · log(person-days) for the two quantile summaries + kept sightings when the
 *   rates change); no routing, no scoring. Allocates the recomputed columns only. On the Almaty preset (10,000
 *   residents, 20,672 trips) a few to tens of milliseconds; with the 10,000 residents' 2.3 million kept sightings
 *   rescored as well, some hundreds (mostly the first writes to the fresh 18 MB pIdentify column; pass
 *   `keepSightings: false` when the variants do not need the sightings).
 */
export function rescorePopulationExposure(exposure: PopulationExposure, options: RescorePopulationExposureOptions): PopulationExposure {
  const o = requireObject(ORIGIN, 'options', options) as unknown as RescorePopulationExposureOptions;
  requireKnownKeys(ORIGIN, 'options', o as unknown as Record<string, unknown>, OPTION_KEYS);
  checkExposure(exposure);
  const old = exposure.params.sighting;
  const recognition = has(o, 'recognition') ? resolveRecognitionOption(ORIGIN, o.recognition) : old.recognition;
  const plateReadRate = has(o, 'plateReadRate') ? resolvePlateReadRateOption(ORIGIN, o.plateReadRate) : old.plateReadRate;
  const watchlistSize = has(o, 'watchlistSize') ? o.watchlistSize : exposure.watchlist === null ? undefined : exposure.watchlist.params.gallerySize;
  checkWatchlistSize(ORIGIN, watchlistSize);
  const keep = has(o, 'keepSightings') ? resolveKeepSightings(ORIGIN, o.keepSightings) : exposure.sightings !== null;
  if (keep && exposure.sightings === null) {
    throw new InvalidInputError(ORIGIN, 'options.keepSightings', 'can be true only when the exposure kept sightings (computePopulationExposure with keepSightings)', true);
  }
  const cityPopulation = exposure.params.cityPopulation;
  if (watchlistSize !== undefined && !(typeof cityPopulation === 'number' && cityPopulation >= 0 && Number.isFinite(cityPopulation))) {
    throw new InvalidInputError(ORIGIN, 'exposure.params.cityPopulation', 'must be a finite number >= 0 (a result of computePopulationExposure) to compute the watchlist', cityPopulation);
  }
  let capabilities: Uint8Array | null = null;
  if (o.cameras !== undefined) {
    if (!isCameraSet(o.cameras)) throw new InvalidInputError(ORIGIN, 'options.cameras', 'must be a CameraSet', o.cameras);
    if (o.cameras.numCameras !== exposure.trips.numCameras) {
      throw new InvalidInputError(ORIGIN, 'options.cameras.numCameras', `must equal the exposure's number of cameras (${exposure.trips.numCameras})`, o.cameras.numCameras);
    }
    capabilities = o.cameras.capabilities;
  }
  const sighting: SightingParams = { ...old, recognition, plateReadRate };
  const faceRate = recognition.truePositiveRate;

  // Per trip, from the counts (the scorer's two functions: same bits).
  const trips = exposure.trips;
  const nt = trips.numTrips;
  const nFace = trips.faceSearches, nPlate = trips.plateCaptures;
  const identified = zerosLike(trips.identified);
  const pIdentified = zerosLike(trips.pIdentified);
  for (let t = 0; t < nt; t++) {
    identified[t] = identifiedFromCounts(nFace[t], nPlate[t], faceRate, plateReadRate);
    pIdentified[t] = -Math.expm1(logNotIdentifiedFromCounts(nFace[t], nPlate[t], faceRate, plateReadRate)) + 0;
  }
  const newTrips: PopulationExposure['trips'] = { ...trips, identified, pIdentified, params: sighting };

  // Per person-day: the trips grouped by row as computePersonMetrics groups them, and its sums.
  const persons = exposure.persons;
  const numRows = persons.numPersons * persons.numDays;
  const rows = groupTripsByRow(trips, numRows, persons.numDays);
  const pdIdentified = zerosLike(persons.identified);
  const pdP = zerosLike(persons.pIdentified);
  identificationRows(identified, pIdentified, rows, 0, numRows, pdIdentified, pdP);
  const newPersons: PersonDayMetrics = { ...persons, identified: pdIdentified, pIdentified: pdP };

  const [sIdentified, sP] = summarise([pdIdentified, pdP], 1);
  const summary = { ...exposure.summary, identified: sIdentified, pIdentified: sP };
  // The district table from the rows of the old one (every district has a row, in the city's order).
  const groups = exposure.districts.rows.filter((r) => r.id !== null).map((r) => ({ id: r.id as string, name: r.name }));
  const districts = districtExposure(newPersons, exposure.residents, groups);
  const inequality = districtInequality(districts);
  const watchlist = populationWatchlist(ORIGIN, watchlistSize, newPersons, exposure.numResidents, cityPopulation, recognition);
  const sightings = keep ? rescoreSightings(exposure.sightings as SightingSet, trips, old, sighting, capabilities) : null;
  return {
    ...exposure,
    trips: newTrips,
    persons: newPersons,
    summary,
    districts,
    inequality,
    watchlist,
    sightings,
    params: { ...exposure.params, sighting, ...(keep ? {} : { sample: null }) },
  };
}

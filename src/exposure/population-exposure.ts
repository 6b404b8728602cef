/**
 * The population pipeline: a synthetic population's day of trips, routed on
 * the street graph and scored against the cameras' street exposure profile,
 * summarised per trip, per person and day, per district, and as watchlist
 * expectations — on one thread or several, with identical results.
 */
import { type CameraSet } from '../cameras/index.js';
import { isCameraSet } from '../cameras/internal.js';
import { type City } from '../city/index.js';
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, requireInteger, requireObject, warnDeprecated, quantileSummaryFromRow, type QuantileSummary } from '../core/internal.js';
import { buildStreetNetwork, createResidents, type SyntheticResidents, TRAVEL_SPEEDS, type StreetNetwork, type PlanTripsOptions, type TripPlans } from '../mobility/index.js';
import { csrLengths, planTripsWith } from '../mobility/internal.js';
import { districtExposure, type DistrictExposureTable } from './district-exposure.js';
import { groupInequality, type GroupInequality } from './inequality.js';
import { aggregatePersonDays, columnStats, type PersonDayMetrics } from './person-metrics.js';
import { gatherRows, keptRowTable, planColumns, type ChunkResult, type PlanColumns, type PopulationJobData } from './population-chunk.js';
import { parallelPopulationAvailable, prestartPopulationWorkers, releasePopulationWorkers, runColumnStats, runDestinations, runGather, runPersonRows, runPopulationChunks } from './population-parallel.js';
import { packProfileEntries } from './sightings-scorer.js';
import { prepareScoring, type SightingOptions, type SightingParams, type SightingSet } from './sightings.js';
import { computeStreetExposureProfile, type StreetExposureProfile, type StreetExposureProfileOptions } from './street-exposure-profile.js';
import type { TripCameraBlock, TripMetrics } from './trip-metrics.js';
import type { RecognitionModel } from './recognition.js';
import { watchlistIdentifications, type WatchlistResult } from './watchlist.js';
import { checkPopulationExposureOptions } from './population-exposure-options.js';
import { availableParallelism } from '../core/internal.js';

/** Defaults of {@link computePopulationExposure}. */
export const POPULATION_EXPOSURE_DEFAULTS = {
  /** Residents simulated (a sample of the city; expectations are scaled to the city's population where stated). */
  numResidents: 10_000,
  /** Residents whose sightings are kept when `keepSightings` is on (ids 0 … sample − 1: a random sample, homes being drawn at random). */
  sample: 10_000,
  /** Plans per chunk of work: at least this many, and at most 128 chunks (chunks end at an origin boundary; small chunks keep the threads finishing together). Independent of the thread count. */
  minChunk: 2_000,
  maxChunks: 128,
  /**
   * Worker threads collect their heaps at the end of a call that shared more than this many bytes of per-call
   * arrays with them (camera lists, per-plan columns): a worker's heap holds its handles on those
   * SharedArrayBuffers until it is next collected, which an idle worker rarely is, so a reused pool would keep
   * every earlier call's buffers (1,000,000 trips: about 0.5 GB per call). The workers stay warm for the next
   * call; in a process where a collection cannot be had on demand (src/core/collect-garbage.ts) they are stopped
   * instead, and fresh ones start on the next call. Smaller calls leave their workers alone.
   */
  releaseAfterBytes: 32 * 1024 * 1024,
  /** Quantiles reported for each person-day metric. */
  quantiles: [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as readonly number[],
} as const;

/** Options of {@link computePopulationExposure}. */
export interface PopulationExposureOptions extends Omit<SightingOptions, 'network'> {
  /** Seed of residents and trips (sub-streams `residents`, `plans`). Required. */
  seed: Seed | Rng;
  /** Residents to simulate (default 10,000). */
  numResidents?: number;
  /** Options passed to planTrips (days, shares, distributions; not `seed`). */
  plans?: Omit<PlanTripsOptions, 'seed'>;
  /** Speeds by mode, m/s (default the mobility module's TRAVEL_SPEEDS). */
  speeds?: { walk?: number; car?: number };
  /** Street exposure profile options (levels, occlusion, buildings, faceAngle), or a profile computed beforehand for the same cameras and streets. */
  profile?: StreetExposureProfileOptions | StreetExposureProfile;
  /** A street network built beforehand from `city.streets` (default: built here). */
  network?: StreetNetwork;
  /** Worker threads: 1, 2, … or 'auto' (up to 4 cores from 20,000 plans). Results are identical for every value. Default 'auto'. */
  threads?: number | 'auto';
  /** Keep per-sighting arrays for the residents with id < `sample` (default false). */
  keepSightings?: boolean;
  /** Number of residents whose sightings are kept (default 10,000). */
  sample?: number;
  /** Watchlist expectations for a gallery of this many people (optional). */
  watchlistSize?: number;
}

/**
 * Mean, extremes and quantiles of one metric across person-days: the core
 * layer's QuantileSummary, quantiles at POPULATION_EXPOSURE_DEFAULTS.quantiles
 * as `{ '0.5': median, … }` (type 7).
 */
export type DistributionSummary = QuantileSummary;

/** Result of {@link computePopulationExposure} (plain data). */
export interface PopulationExposure {
  numResidents: number;
  numDays: number;
  numPlans: number;
  numTrips: number;
  /** Plans whose destination was unreachable: counted, listed, not scored. */
  unreachable: { count: number; planIds: Uint32Array };
  /** Shortest-path searches run (one per origin node). */
  numTrees: number;
  residents: SyntheticResidents;
  /**
   * Per trip (routed plans, in plan order), with each row's plan id and departure time (seconds since midnight of
   * the trip's day, as planned: a late return may pass 86,400).
   */
  trips: TripMetrics & { planId: Uint32Array; departure: Float64Array };
  persons: PersonDayMetrics;
  /** Across all person-days (everybody, including those who stayed home). */
  summary: Record<'sightings' | 'identified' | 'distinctCameras' | 'observedFraction' | 'longestGap' | 'pIdentified', DistributionSummary>;
  districts: DistrictExposureTable;
  /** Between districts (weighted by residents; homes in no district left out): Gini of district means and max/min ratio. */
  inequality: Record<'meanSightings' | 'meanIdentified' | 'meanPIdentified', GroupInequality>;
  /** Watchlist expectations per day for the whole city (when `watchlistSize` is given), else null. */
  /**
   * Watchlist expectations for the city (`watchlistSize` given), with the face searches per day scaled to the city
   * (`citySearchesPerDay`), the scale (city population / residents simulated) and the simulated residents' face
   * searches over all days (`simulatedSearches`, the count an interval on the watchlist figures rests on).
   */
  watchlist: (WatchlistResult & { citySearchesPerDay: number; scale: number; simulatedSearches: number }) | null;
  /** Sightings of the sampled residents (trip = plan id), when `keepSightings`; else null. */
  sightings: SightingSet | null;
  params: {
    seed: string;
    numResidents: number;
    sample: number | null;
    sighting: SightingParams;
    speeds: { walk: number; car: number };
    profile: StreetExposureProfile['params'];
    plans: Record<string, unknown>;
    /** The city's population (`city.population.total`), to which the watchlist figures are scaled. */
    cityPopulation: number;
  };
}

const ORIGIN = 'computePopulationExposure';

function isProfile(p: unknown): p is StreetExposureProfile {
  return typeof p === 'object' && p !== null && (p as StreetExposureProfile).entryStart instanceof Uint32Array;
}

/** Plan ids grouped by origin node (stable), cut into chunks at origin boundaries. */
function chunkPlans(plans: TripPlans, numNodes: number): { order: Uint32Array; chunkStart: Uint32Array } {
  const np = plans.numPlans;
  const count = new Uint32Array(numNodes + 1);
  for (let i = 0; i < np; i++) count[plans.originNode[i] + 1]++;
  for (let v = 0; v < numNodes; v++) count[v + 1] += count[v];
  const order = new Uint32Array(np);
  const fill = count.slice(0, numNodes);
  for (let i = 0; i < np; i++) order[fill[plans.originNode[i]]++] = i;
  const target = Math.max(POPULATION_EXPOSURE_DEFAULTS.minChunk, Math.ceil(np / POPULATION_EXPOSURE_DEFAULTS.maxChunks));
  const starts: number[] = [0];
  let last = 0;
  for (let v = 0; v < numNodes; v++) {
    const end = count[v + 1];
    if (end - last >= target) {
      starts.push(end);
      last = end;
    }
  }
  if (last < np) starts.push(np);
  return { order, chunkStart: Uint32Array.from(starts) };
}

/** @internal Distribution summaries of person-day columns (the sorts on the worker threads too when `threads` > 1; same values). */
export function summarise(columns: Float64Array[], threads: number): DistributionSummary[] {
  const qs = POPULATION_EXPOSURE_DEFAULTS.quantiles;
  const w = 3 + qs.length;
  const stats = threads > 1 ? runColumnStats(columns, qs, threads) : new Float64Array(columns.length * w);
  if (threads <= 1) for (let c = 0; c < columns.length; c++) columnStats(columns[c], qs, stats, c * w);
  return columns.map((_col, c) => quantileSummaryFromRow(stats, c * w, qs));
}

/**
 * Merges chunk results into plan order (independent of which thread ran which
 * chunk). The chunks wrote their trips' metrics into a row table by position
 * in the chunk order (see keptRowTable); one gather puts the routed plans' rows
 * into plan order, as columns (by `gather`, e.g. on several threads, or here).
 * The camera lists are not copied: each chunk's lists become one block of the
 * result (TripMetrics.cameraBlocks), reached through cameraBlock/cameraRow.
 * With `shared`, the gathered columns go on SharedArrayBuffers (the person
 * pass reads them on the worker threads).
 */
function mergeChunks(
  results: ChunkResult[], plans: TripPlans, order: Uint32Array, rows: Float64Array, numCameras: number, params: SightingParams, shared: boolean,
  gather?: (rows: Float64Array, dst: PlanColumns, at: Uint32Array) => void,
) {
  const np = plans.numPlans;
  const unreachable: number[] = [];
  let numTrees = 0;
  for (const r of results) {
    numTrees += r.numTrees;
    for (let i = 0; i < r.unreachable.length; i++) unreachable.push(r.unreachable[i]);
  }
  unreachable.sort((a, b) => a - b);
  const nt = np - unreachable.length;
  const cameraBlocks: TripCameraBlock[] = results.map((r) => ({ start: r.cameraStart, list: r.cameraList, miss: r.cameraMiss }));
  // Routed plan ids, ascending (all of them when none is unreachable).
  const planId = new Uint32Array(nt);
  for (let p = 0, k = 0, u = 0; p < np; p++) {
    if (u < unreachable.length && unreachable[u] === p) {
      u++;
      continue;
    }
    planId[k++] = p;
  }
  const person = new Uint32Array(nt), day = new Uint16Array(nt), mode = new Uint8Array(nt), departure = new Float64Array(nt);
  for (let k = 0; k < nt; k++) {
    const p = planId[k];
    person[k] = plans.person[p];
    day[k] = plans.day[p];
    mode[k] = plans.mode[p];
    departure[k] = plans.departure[p];
  }
  // Rows into plan order: routed plan planId[i] was written at position inv[planId[i]] of the chunk order.
  const inv = new Uint32Array(np);
  for (let k = 0; k < np; k++) inv[order[k]] = k;
  let at = inv;
  if (nt < np) {
    at = new Uint32Array(nt);
    for (let i = 0; i < nt; i++) at[i] = inv[planId[i]];
  }
  const cols = planColumns(nt, shared);
  if (gather === undefined) gatherRows(rows, cols, at, 0, nt);
  else gather(rows, cols, at);
  const trips: PopulationExposure['trips'] = {
    numTrips: nt, numCameras, person, day, mode,
    speed: cols.speed, sightings: cols.sightings, identified: cols.identified, distinctCameras: cols.distinctCameras, length: cols.length,
    observedLength: cols.observedLength, observedFraction: cols.observedFraction, longestGap: cols.longestGap, longestGapSeconds: cols.longestGapSeconds,
    pIdentified: cols.pIdentified, faceSearches: cols.faceSearches, plateCaptures: cols.plateCaptures,
    cameraBlocks, cameraBlock: cols.cameraBlock, cameraRow: cols.cameraRow,
    params, planId, departure,
  };
  return { trips, unreachable: Uint32Array.from(unreachable), numTrees };
}

/** Kept sightings of all chunks, ordered by plan id then entry. */
function mergeKept(results: ChunkResult[], numPlans: number, params: SightingParams): SightingSet {
  let n = 0;
  for (const r of results) if (r.kept !== null) n += r.kept.trip.length;
  const cols = {
    trip: new Uint32Array(n), person: new Uint32Array(n), camera: new Uint32Array(n), time: new Float64Array(n), day: new Uint16Array(n),
    duration: new Float64Array(n), entryDistance: new Float64Array(n), exitDistance: new Float64Array(n), level: new Uint8Array(n),
    frontal: new Uint8Array(n), pIdentify: new Float64Array(n), pSeen: new Float64Array(n),
  };
  // Counting sort by plan id (each plan's sightings are contiguous within its chunk, in entry order).
  const tripStart = new Uint32Array(numPlans + 1);
  for (const r of results) if (r.kept !== null) for (let i = 0; i < r.kept.trip.length; i++) tripStart[r.kept.trip[i] + 1]++;
  for (let p = 0; p < numPlans; p++) tripStart[p + 1] += tripStart[p];
  const fill = tripStart.slice(0, numPlans);
  for (const r of results) {
    const k = r.kept;
    if (k === null) continue;
    for (let i = 0; i < k.trip.length; i++) {
      const j = fill[k.trip[i]]++;
      for (const key of Object.keys(cols) as (keyof typeof cols)[]) cols[key][j] = k[key][i];
    }
  }
  return { numSightings: n, tripStart, ...cols, params };
}

/**
 * Population exposure: residents drawn from the city's population density,
 * a day (or more) of trips each, routed on the street graph and scored
 * against the cameras' street exposure profile.
 *
 * Steps: buildStreetNetwork → computeStreetExposureProfile (once) →
 * createResidents → planTrips → (plans grouped by origin node and cut into
 * chunks at origin boundaries, independently of the thread count) for each
 * chunk: routeTrips on its plan ids, then score every trip
 * (computeSightings' rules) → rows merged in plan order → per person-day
 * metrics, distributions (simple-statistics quantiles), per-district table,
 * inequality between districts, watchlist expectations.
 *
 * With `threads` > 1 (needs the built package) the work is spread over
 * worker threads: the gravity model's destinations (zones), routing and
 * scoring (chunks, on `threads` workers while the calling thread waits), the
 * person-day aggregation (row ranges) and the distribution summaries
 * (columns); the result is byte-identical for any thread count. The per-trip
 * and per-person columns and the camera lists are then on SharedArrayBuffers.
 *
 * Watchlist: the face searches per day of the simulated residents (pedestrian
 * captures by face cameras, frontal at the face level; expected values) are
 * scaled to the city by `city.population.total / numResidents` and passed to
 * watchlistIdentifications with `capturesPerDay` and the city's population,
 * i.e. watchlisted people are captured as often as anybody (assumption).
 *
 * @param cameras - the cameras
 * @param city - the City (streets, population, districts, buildings for occlusion)
 * @param options - `seed` (required), `numResidents`, `plans`, `speeds`, `profile`, `network`, `threads`,
 *   `keepSightings`, `sample`, `watchlistSize`, and the sighting options (recognition, faceLevel, plateLevel,
 *   plateReadRate, cameraUp, availability)
 * @returns a {@link PopulationExposure}
 * @throws {InvalidInputError} a bad option (named), densities summing to zero, a profile for other cameras or
 *   streets, a level the profile does not record, a watchlist larger than the population
 * @example
 * const r = computePopulationExposure(cameras, city, { seed: 1, numResidents: 20_000, threads: 2 });
 * r.summary.pIdentified.mean; r.districts.rows[0];
 * @remarks Time O(origins · Dijkstra + total path arcs + profile entries read); memory O(trips) for the
 *   per-trip rows (paths are dropped chunk by chunk).
 */
export function computePopulationExposure(cameras: CameraSet, city: City, options: PopulationExposureOptions): PopulationExposure;
/**
 * @deprecated The argument order is `(cameras, city, options)`, as in every function that takes both;
 * the old order `(city, cameras, options)` is still accepted in this release and emits a DeprecationWarning.
 */
export function computePopulationExposure(city: City, cameras: CameraSet, options: PopulationExposureOptions): PopulationExposure;
export function computePopulationExposure(first: CameraSet | City, second: City | CameraSet, options: PopulationExposureOptions): PopulationExposure {
  checkPopulationExposureOptions(options, POPULATION_EXPOSURE_DEFAULTS);
  let cameras = first as CameraSet;
  let city = second as City;
  if (!isCameraSet(first) && isCameraSet(second)) {
    warnDeprecated('sightline:computePopulationExposure-order', `${ORIGIN}(city, cameras, options) is deprecated: pass (cameras, city, options)`);
    cameras = second;
    city = first as City;
  }
  const o = requireObject(ORIGIN, 'options', options) as unknown as PopulationExposureOptions;
  if (typeof city !== 'object' || city === null || typeof city.streets !== 'object' || typeof city.population !== 'object') {
    throw new InvalidInputError(ORIGIN, 'city', 'must be a City', city);
  }
  if (o.seed === undefined) throw new InvalidInputError(ORIGIN, 'options.seed', 'must be given (a string, a finite number or an Rng)', o.seed);
  const rng = toRng(o.seed, ORIGIN);
  const numResidents = o.numResidents === undefined ? POPULATION_EXPOSURE_DEFAULTS.numResidents : requireInteger(ORIGIN, 'options.numResidents', o.numResidents, 1);
  let threads: number;
  if (o.threads === undefined || o.threads === 'auto') threads = -1;
  else threads = requireInteger(ORIGIN, 'options.threads', o.threads, 1, 256);
  const keep = resolveKeepSightings(ORIGIN, o.keepSightings);
  const sample = o.sample === undefined ? POPULATION_EXPOSURE_DEFAULTS.sample : requireInteger(ORIGIN, 'options.sample', o.sample, 0);
  const speeds = { walk: o.speeds?.walk ?? TRAVEL_SPEEDS.walk, car: o.speeds?.car ?? TRAVEL_SPEEDS.car };
  for (const k of ['walk', 'car'] as const) {
    if (!(typeof speeds[k] === 'number' && speeds[k] > 0 && Number.isFinite(speeds[k]))) throw new InvalidInputError(ORIGIN, `options.speeds.${k}`, 'must be a finite number > 0', speeds[k]);
  }
  checkWatchlistSize(ORIGIN, o.watchlistSize);
  if (o.plans !== undefined) requireObject(ORIGIN, 'options.plans', o.plans);

  const network = o.network ?? buildStreetNetwork(city.streets);
  const profile = isProfile(o.profile) ? o.profile : computeStreetExposureProfile(cameras, city, (o.profile as StreetExposureProfileOptions | undefined) ?? {});
  const prep = prepareScoring(ORIGIN, profile, cameras, { ...o, network });
  const autoThreads = (numPlans: number) => (numPlans >= 20_000 ? Math.max(1, Math.min(4, availableParallelism())) : 1);
  // The gravity model's destinations (zones² work) are drawn on the worker threads too (same plans), and the
  // plans go on SharedArrayBuffers when workers may read them.
  const mayShare = parallelPopulationAvailable() && (threads > 1 || (threads === -1 && availableParallelism() > 1));
  // Workers that are not running yet (the first call, or after a retirement) start now and load while this
  // thread draws the residents, rather than when the first parallel pass needs them. With 'auto', guessed from
  // the plans to expect (about 2.1 a resident and day with the default shares).
  if (mayShare) prestartPopulationWorkers(threads === -1 ? autoThreads(2 * numResidents) : threads);
  const residents = createResidents(city, network, { numResidents, seed: rng.stream('residents') });
  const plans = planTripsWith(
    city, network, residents, { ...(o.plans ?? {}), seed: rng.stream('plans') },
    (task) => runDestinations(task, threads === -1 ? autoThreads(task.numPlans) : threads),
    mayShare,
  );
  if (threads === -1) threads = autoThreads(plans.numPlans);

  // On several threads the chunks' camera lists go on SharedArrayBuffers, for the person pass on the workers.
  const parallel = threads > 1 && parallelPopulationAvailable();
  const { order, chunkStart } = chunkPlans(plans, network.numNodes);
  const job: PopulationJobData = {
    network, plans, profile, weights: csrLengths(network), entries: packProfileEntries(profile, parallel), capabilities: cameras.capabilities, resolved: prep.resolved, speeds,
    sampleLimit: keep ? Math.min(sample, numResidents) : 0, order, chunkStart, shared: parallel, out: keptRowTable(plans.numPlans),
  };
  const results = runPopulationChunks(job, threads);
  const merged = mergeChunks(results, plans, order, job.out, cameras.numCameras, prep.params, parallel, parallel ? (rows, dst, at) => runGather(rows, dst, at, threads) : undefined);
  const trips = merged.trips;
  const numDays = Math.max(typeof plans.params.days === 'number' ? plans.params.days : 1, maxDay(plans) + 1);
  const persons = aggregatePersonDays(trips, { numPersons: numResidents, numDays }, parallel ? (rows) => runPersonRows(trips, rows, threads) : undefined);
  const [sSightings, sIdentified, sDistinct, sObserved, sGap, sP] = summarise(
    [persons.sightings, persons.identified, persons.distinctCameras, persons.observedFraction, persons.longestGap, persons.pIdentified],
    parallel ? threads : 1,
  );
  // The last pass on the workers is over: have them collect when this call handed them a large volume of
  // per-call shared arrays (see releaseAfterBytes), which idle workers would otherwise hold until their next collection.
  if (parallel && sharedBytes(trips, plans.numPlans) > POPULATION_EXPOSURE_DEFAULTS.releaseAfterBytes) releasePopulationWorkers();
  const summary = { sightings: sSightings, identified: sIdentified, distinctCameras: sDistinct, observedFraction: sObserved, longestGap: sGap, pIdentified: sP };
  const districts = districtExposure(persons, residents, city.districts);
  const inequality = districtInequality(districts);
  const cityPopulation = city.population.total;
  const watchlist = populationWatchlist(ORIGIN, o.watchlistSize, persons, numResidents, cityPopulation, prep.params.recognition);
  return {
    numResidents,
    numDays: persons.numDays,
    numPlans: plans.numPlans,
    numTrips: trips.numTrips,
    unreachable: { count: merged.unreachable.length, planIds: merged.unreachable },
    numTrees: merged.numTrees,
    residents,
    trips,
    persons,
    summary,
    districts,
    inequality,
    watchlist,
    sightings: keep ? mergeKept(results, plans.numPlans, prep.params) : null,
    params: {
      seed: rng.seed, numResidents, sample: keep ? Math.min(sample, numResidents) : null, sighting: prep.params, speeds, profile: profile.params, plans: plans.params,
      cityPopulation,
    },
  };
}

/** @internal The `keepSightings` option checked (default false); shared with rescorePopulationExposure. */
export function resolveKeepSightings(origin: string, value: unknown): boolean {
  const keep = value ?? false;
  if (typeof keep !== 'boolean') throw new InvalidInputError(origin, 'options.keepSightings', 'must be a boolean', keep);
  return keep;
}

/** @internal Checks the `watchlistSize` option (undefined: no watchlist); shared with rescorePopulationExposure. */
export function checkWatchlistSize(origin: string, size: unknown): void {
  if (size !== undefined && !(typeof size === 'number' && Number.isFinite(size) && size >= 1)) {
    throw new InvalidInputError(origin, 'options.watchlistSize', 'must be a finite number >= 1', size);
  }
}

/** @internal Inequality between districts (residents whose home lies in no district are left out of the comparison). */
export function districtInequality(districts: DistrictExposureTable): PopulationExposure['inequality'] {
  const named = districts.rows.filter((r) => r.id !== null);
  const ids = named.map((r) => r.id as string);
  const weights = named.map((r) => r.residents);
  return {
    meanSightings: groupInequality(ids, named.map((r) => r.meanSightings), weights),
    meanIdentified: groupInequality(ids, named.map((r) => r.meanIdentified), weights),
    meanPIdentified: groupInequality(ids, named.map((r) => r.meanPIdentified), weights),
  };
}

/**
 * @internal The watchlist part of a PopulationExposure (null without `size`): the simulated face searches
 * scaled to the city. Throws when the watchlist exceeds the city's population.
 */
export function populationWatchlist(
  origin: string, size: number | undefined, persons: PersonDayMetrics, numResidents: number, cityPopulation: number, model: RecognitionModel,
): PopulationExposure['watchlist'] {
  if (size === undefined) return null;
  let searches = 0;
  for (let r = 0; r < persons.faceSearches.length; r++) searches += persons.faceSearches[r];
  const scale = cityPopulation / numResidents;
  const perDay = (searches / persons.numDays) * scale;
  if (size > cityPopulation) throw new InvalidInputError(origin, 'options.watchlistSize', `must be at most the city's population (${cityPopulation})`, size);
  const w = watchlistIdentifications({ gallerySize: size, capturesPerDay: perDay, population: cityPopulation }, { model });
  return { ...w, citySearchesPerDay: perDay, scale, simulatedSearches: searches };
}

/** Bytes of per-call arrays the workers were handed: the camera lists and about 250 bytes per plan (the plans, the row table, the gathered columns). */
function sharedBytes(trips: TripMetrics, numPlans: number): number {
  let bytes = 250 * numPlans;
  for (const b of trips.cameraBlocks) bytes += b.list.byteLength + (b.miss === null ? 0 : b.miss.byteLength) + b.start.byteLength;
  return bytes;
}

function maxDay(plans: TripPlans): number {
  let m = 0;
  for (let i = 0; i < plans.numPlans; i++) if (plans.day[i] > m) m = plans.day[i];
  return m;
}

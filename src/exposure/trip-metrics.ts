/**
 * Per-trip exposure metrics: sightings, identified sightings, distinct
 * cameras, share of the path observed, longest unobserved stretch, and the
 * probability of being identified at least once.
 */
import { type CameraSet } from '../cameras/index.js';
import { type TripSet } from '../mobility/index.js';
import { InvalidInputError } from '../core/index.js';
import { checkTrips, prepareScoring, type SightingOptions, type SightingParams } from './sightings.js';
import { TripScorer } from './sightings-scorer.js';
import type { StreetExposureProfile } from './street-exposure-profile.js';
import { checkOptions, optionKeys } from '../core/internal.js';

/**
 * Metrics per trip (columns indexed by trip). With `availability` the counts
 * are expected values; with every camera up (or only `cameraUp`) they are exact.
 */
export interface TripMetrics {
  readonly numTrips: number;
  readonly numCameras: number;
  readonly person: Uint32Array;
  readonly day: Uint16Array;
  readonly mode: Uint8Array;
  /** Seconds per metre is 1 / speed; kept to convert gaps to seconds. */
  readonly speed: Float64Array;
  /** Sightings (expected: Σ pSeen). */
  readonly sightings: Float64Array;
  /** Identified sightings, expected: Σ pIdentify. */
  readonly identified: Float64Array;
  /** Distinct cameras that saw the trip (expected: Σ_c 1 − Π(1 − pSeen)). */
  readonly distinctCameras: Float64Array;
  /** Path length, metres. */
  readonly length: Float64Array;
  /** Metres inside at least one footprint at the base level (expected with availability). */
  readonly observedLength: Float64Array;
  /** observedLength / length (0 for a zero-length trip). */
  readonly observedFraction: Float64Array;
  /** Longest stretch seen by no camera (of availability > 0), metres and seconds. */
  readonly longestGap: Float64Array;
  readonly longestGapSeconds: Float64Array;
  /** Probability of being identified at least once on the trip: 1 − Π(1 − pIdentify). */
  readonly pIdentified: Float64Array;
  /**
   * Expected face searches: pedestrian captures by face cameras, frontal at the face level (what a watchlist
   * search runs on) — the trip's face-qualifying captures (Σ weight; a count with binary weights).
   */
  readonly faceSearches: Float64Array;
  /**
   * Expected plate captures: car captures by plate readers at the plate level — the trip's plate-qualifying
   * captures (Σ weight; a count with binary weights). With binary weights `identified` and `pIdentified` follow
   * from the two counts and the rates (see sightings-scorer.ts), which is what rescorePopulationExposure uses.
   */
  readonly plateCaptures: Float64Array;
  /**
   * Distinct cameras per trip (in order of first sighting), stored in blocks:
   * trip t's cameras are `b.list[b.start[r]]` … `b.list[b.start[r + 1] − 1]`
   * with `b = cameraBlocks[cameraBlock[t]]` and `r = cameraRow[t]` (read them
   * with {@link tripCameras}). Used to count distinct cameras per person and
   * day. computeTripMetrics gives one block in trip order; the population
   * pipeline keeps one block per chunk of work, as its threads produced them
   * (no merged copy of the lists, which are the bulk of the memory).
   */
  readonly cameraBlocks: readonly TripCameraBlock[];
  /** Block of each trip's camera list (index into cameraBlocks). */
  readonly cameraBlock: Uint32Array;
  /** Row of each trip's camera list within its block. */
  readonly cameraRow: Uint32Array;
  readonly params: SightingParams;
}

/**
 * One block of per-trip camera lists (CSR): row r's cameras are
 * `list[start[r]]` … `list[start[r + 1] − 1]`; `miss[j]` is the probability
 * that none of the captures by camera `list[j]` on that trip happened (null
 * when every weight is 0 or 1: then every listed camera saw the trip for sure).
 * The arrays may be longer than `start[rows]` (spare capacity).
 */
export interface TripCameraBlock {
  readonly start: Uint32Array;
  readonly list: Uint32Array;
  readonly miss: Float64Array | null;
}

/**
 * The distinct cameras that saw trip `t` (in order of first sighting), with
 * the probability that each missed it (null when certain). Views into the
 * metrics' blocks, not copies.
 *
 * @param metrics - per-trip metrics (computeTripMetrics or the population pipeline's `trips`)
 * @param t - trip index in [0, numTrips)
 * @returns `{ cameras, miss }` (subarray views; `miss` null when every listed camera saw the trip for sure)
 * @throws {InvalidInputError} when `t` is not a trip index
 * @example
 * const { cameras } = tripCameras(m, 0);
 * cameras.length === m.distinctCameras[0]; // with every camera up
 * @remarks O(1); allocates two views, so hot loops should read the blocks directly.
 */
export function tripCameras(metrics: TripMetrics, t: number): { cameras: Uint32Array; miss: Float64Array | null } {
  if (!Number.isInteger(t) || t < 0 || t >= metrics.numTrips) throw new InvalidInputError('tripCameras', 't', `must be a trip index in [0, ${metrics.numTrips - 1}]`, t);
  const b = metrics.cameraBlocks[metrics.cameraBlock[t]];
  const r = metrics.cameraRow[t];
  const a = b.start[r], e = b.start[r + 1];
  return { cameras: b.list.subarray(a, e), miss: b.miss === null ? null : b.miss.subarray(a, e) };
}

/** Options of the internal TripMetricsBuffer. */
export interface TripMetricsBufferOptions {
  /** Initial capacity of the camera lists (entries); default 16 per trip. */
  capacity?: number;
  /** Allocate the camera lists on SharedArrayBuffers (so that other threads can read them). */
  shared?: boolean;
}

/** @internal The per-trip metric columns a TripMetricsBuffer writes. */
export interface TripMetricColumns {
  sightings: Float64Array;
  identified: Float64Array;
  distinctCameras: Float64Array;
  length: Float64Array;
  observedLength: Float64Array;
  longestGap: Float64Array;
  pIdentified: Float64Array;
  faceSearches: Float64Array;
  plateCaptures: Float64Array;
}

/** @internal Growable per-trip metric columns filled from a scorer. */
export class TripMetricsBuffer {
  readonly n: number;
  readonly sightings: Float64Array;
  readonly identified: Float64Array;
  readonly distinctCameras: Float64Array;
  readonly length: Float64Array;
  readonly observedLength: Float64Array;
  readonly longestGap: Float64Array;
  readonly pIdentified: Float64Array;
  readonly faceSearches: Float64Array;
  readonly plateCaptures: Float64Array;
  readonly cameraStart: Uint32Array;
  cameraList: Uint32Array;
  cameraMiss: Float64Array | null;
  private usedEntries = 0;

  private readonly shared: boolean;

  constructor(n: number, withMiss: boolean, options: TripMetricsBufferOptions = {}) {
    this.n = n;
    this.sightings = new Float64Array(n);
    this.identified = new Float64Array(n);
    this.distinctCameras = new Float64Array(n);
    this.length = new Float64Array(n);
    this.observedLength = new Float64Array(n);
    this.longestGap = new Float64Array(n);
    this.pIdentified = new Float64Array(n);
    this.faceSearches = new Float64Array(n);
    this.plateCaptures = new Float64Array(n);
    this.shared = options.shared === true;
    this.cameraStart = this.u32(n + 1);
    // Distinct cameras per trip: tens to a hundred on the Almaty preset; the lists grow by half when needed.
    const cap = Math.max(16, Math.ceil(options.capacity ?? n * 16));
    this.cameraList = this.u32(cap);
    this.cameraMiss = withMiss ? this.f64(cap) : null;
  }

  private u32(len: number): Uint32Array {
    return this.shared ? new Uint32Array(new SharedArrayBuffer(4 * len)) : new Uint32Array(len);
  }

  private f64(len: number): Float64Array {
    return this.shared ? new Float64Array(new SharedArrayBuffer(8 * len)) : new Float64Array(len);
  }

  /** Entries used in the camera lists. */
  get used(): number {
    return this.usedEntries;
  }

  /** Records the scorer's current trip as row i (rows must be recorded in order 0, 1, …). */
  record(i: number, s: TripScorer): void {
    this.sightings[i] = s.sightings;
    this.identified[i] = s.identified;
    this.distinctCameras[i] = s.distinct;
    this.length[i] = s.length;
    this.observedLength[i] = s.observed;
    this.longestGap[i] = s.longestGap;
    this.pIdentified[i] = -Math.expm1(s.logNotIdentified) + 0;
    this.faceSearches[i] = s.searches;
    this.plateCaptures[i] = s.plates;
    const nd = s.numDistinct;
    const u = this.usedEntries;
    if (u + nd > this.cameraList.length) {
      let len = Math.ceil(this.cameraList.length * 1.5);
      while (len < u + nd) len = Math.ceil(len * 1.5);
      const b = this.u32(len);
      b.set(this.cameraList.subarray(0, u));
      this.cameraList = b;
      if (this.cameraMiss !== null) {
        const m = this.f64(len);
        m.set(this.cameraMiss.subarray(0, u));
        this.cameraMiss = m;
      }
    }
    // Plain loops: subarray() would allocate a view per trip.
    const list = this.cameraList, dCam = s.dCam;
    for (let i = 0; i < nd; i++) list[u + i] = dCam[i];
    const miss = this.cameraMiss;
    if (miss !== null) {
      const dMiss = s.dMiss;
      for (let i = 0; i < nd; i++) miss[u + i] = dMiss[i];
    }
    this.usedEntries = u + nd;
    this.cameraStart[i + 1] = u + nd;
  }

  /** Trims the camera lists. */
  trimmed(): { cameraList: Uint32Array; cameraMiss: Float64Array | null } {
    const u = this.usedEntries;
    return { cameraList: this.cameraList.slice(0, u), cameraMiss: this.cameraMiss === null ? null : this.cameraMiss.slice(0, u) };
  }
}

/** @internal Assembles a TripMetrics from columns. */
export function assembleTripMetrics(
  cols: {
    person: Uint32Array; day: Uint16Array; mode: Uint8Array; speed: Float64Array;
    sightings: Float64Array; identified: Float64Array; distinctCameras: Float64Array; length: Float64Array;
    observedLength: Float64Array; longestGap: Float64Array; pIdentified: Float64Array; faceSearches: Float64Array; plateCaptures: Float64Array;
    cameraBlocks: TripCameraBlock[]; cameraBlock: Uint32Array; cameraRow: Uint32Array;
  },
  numCameras: number,
  params: SightingParams,
): TripMetrics {
  const n = cols.person.length;
  const observedFraction = new Float64Array(n);
  const longestGapSeconds = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    observedFraction[t] = cols.length[t] > 0 ? Math.min(1, cols.observedLength[t] / cols.length[t]) : 0;
    longestGapSeconds[t] = cols.longestGap[t] / cols.speed[t];
  }
  return { numTrips: n, numCameras, ...cols, observedFraction, longestGapSeconds, params };
}

/** The options computeTripMetrics knows (its unknown options are refused). */
const COMPUTE_TRIP_METRICS_OPTION_KEYS = optionKeys<SightingOptions>()({}, ['network', 'recognition', 'faceLevel', 'plateLevel', 'plateReadRate', 'cameraUp', 'availability']);

/**
 * Exposure metrics of every routed trip (one pass over the trips, no
 * per-sighting output). Same rules and options as {@link computeSightings}.
 *
 * @param trips - routed trips (routeTrips)
 * @param profile - street exposure profile of the cameras on the trips' network
 * @param cameras - the camera set the profile was computed for
 * @param options - as computeSightings: `network` (required), recognition, levels, plateReadRate, cameraUp, availability;
 *   defaults: `SIGHTING_DEFAULTS` (those of computeSightings)
 * @returns a {@link TripMetrics} with one row per trip
 * @throws {InvalidInputError} as computeSightings
 * @example
 * const m = computeTripMetrics(trips, profile, cameras, { network });
 * m.pIdentified[0]; // probability trip 0 is identified at least once
 * @remarks O(total arcs + profile entries on them).
 */
export function computeTripMetrics(trips: TripSet, profile: StreetExposureProfile, cameras: CameraSet, options: SightingOptions): TripMetrics {
  checkOptions('computeTripMetrics', options, COMPUTE_TRIP_METRICS_OPTION_KEYS);
  const origin = 'computeTripMetrics';
  const prep = prepareScoring(origin, profile, cameras, options);
  checkTrips(origin, trips, profile.numEdges);
  const scorer = new TripScorer(profile, prep.edgeLength, cameras.capabilities, prep.resolved);
  const nt = trips.numTrips;
  const buf = new TripMetricsBuffer(nt, !prep.resolved.binary);
  for (let t = 0; t < nt; t++) {
    scorer.scoreTrip(trips.pathArcs, trips.pathStart[t], trips.pathStart[t + 1], trips.mode[t]);
    buf.record(t, scorer);
  }
  const { cameraList, cameraMiss } = buf.trimmed();
  return assembleTripMetrics(
    {
      person: trips.person.slice(0, nt), day: trips.day.slice(0, nt), mode: trips.mode.slice(0, nt), speed: Float64Array.from(trips.speed.subarray(0, nt)),
      sightings: buf.sightings, identified: buf.identified, distinctCameras: buf.distinctCameras, length: buf.length,
      observedLength: buf.observedLength, longestGap: buf.longestGap, pIdentified: buf.pIdentified, faceSearches: buf.faceSearches, plateCaptures: buf.plateCaptures,
      cameraBlocks: [{ start: buf.cameraStart, list: cameraList, miss: cameraMiss }], cameraBlock: new Uint32Array(nt), cameraRow: identity(nt),
    },
    cameras.numCameras,
    prep.params,
  );
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/**
 * Per-trip exposure metrics: sightings, identified sightings, distinct
 * cameras, share of the path observed, longest unobserved stretch, and the
 * probability of being identified at least once.
 */
import type { CameraSet } from '../cameras/camera-set.js';
import type { TripSet } from '../mobility/trip-set.js';
import { checkTrips, prepareScoring, type SightingOptions, type SightingParams } from './sightings.js';
import { TripScorer } from './sightings-scorer.js';
import type { StreetExposureProfile } from './street-exposure-profile.js';

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
  /** Expected face searches: pedestrian captures by face cameras, frontal at the face level (what a watchlist search runs on). */
  readonly faceSearches: Float64Array;
  /**
   * Distinct cameras per trip (in order of first sighting), as a CSR over
   * rows: trip t's are `cameraList[cameraStart[r]]` … `cameraList[cameraStart[r + 1] − 1]`
   * with `r = cameraRow[t]`. Used to count distinct cameras per person and day.
   * (`cameraRow` is the identity for computeTripMetrics; the population
   * pipeline keeps the lists in the order its chunks produced them, which
   * saves a million small copies at city scale.)
   */
  readonly cameraStart: Uint32Array;
  readonly cameraRow: Uint32Array;
  readonly cameraList: Uint32Array;
  /** Per listed camera: probability that none of its captures on the trip happened; null when every weight is 0 or 1 (then 0). */
  readonly cameraMiss: Float64Array | null;
  readonly params: SightingParams;
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
  readonly cameraStart: Uint32Array;
  cameraList: Uint32Array;
  cameraMiss: Float64Array | null;
  private used = 0;

  constructor(n: number, withMiss: boolean) {
    this.n = n;
    this.sightings = new Float64Array(n);
    this.identified = new Float64Array(n);
    this.distinctCameras = new Float64Array(n);
    this.length = new Float64Array(n);
    this.observedLength = new Float64Array(n);
    this.longestGap = new Float64Array(n);
    this.pIdentified = new Float64Array(n);
    this.faceSearches = new Float64Array(n);
    this.cameraStart = new Uint32Array(n + 1);
    // Distinct cameras per trip: tens on the Almaty preset; the list doubles when needed.
    this.cameraList = new Uint32Array(Math.max(16, n * 16));
    this.cameraMiss = withMiss ? new Float64Array(this.cameraList.length) : null;
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
    const nd = s.numDistinct;
    if (this.used + nd > this.cameraList.length) {
      let len = this.cameraList.length * 2;
      while (len < this.used + nd) len *= 2;
      const b = new Uint32Array(len);
      b.set(this.cameraList.subarray(0, this.used));
      this.cameraList = b;
      if (this.cameraMiss !== null) {
        const m = new Float64Array(len);
        m.set(this.cameraMiss.subarray(0, this.used));
        this.cameraMiss = m;
      }
    }
    // Plain loops: subarray() would allocate a view per trip.
    const list = this.cameraList, dCam = s.dCam, u = this.used;
    for (let i = 0; i < nd; i++) list[u + i] = dCam[i];
    const miss = this.cameraMiss;
    if (miss !== null) {
      const dMiss = s.dMiss;
      for (let i = 0; i < nd; i++) miss[u + i] = dMiss[i];
    }
    this.used += nd;
    this.cameraStart[i + 1] = this.used;
  }

  /** Trims the camera lists. */
  trimmed(): { cameraList: Uint32Array; cameraMiss: Float64Array | null } {
    return { cameraList: this.cameraList.slice(0, this.used), cameraMiss: this.cameraMiss === null ? null : this.cameraMiss.slice(0, this.used) };
  }
}

/** @internal Assembles a TripMetrics from columns. */
export function assembleTripMetrics(
  cols: {
    person: Uint32Array; day: Uint16Array; mode: Uint8Array; speed: Float64Array;
    sightings: Float64Array; identified: Float64Array; distinctCameras: Float64Array; length: Float64Array;
    observedLength: Float64Array; longestGap: Float64Array; pIdentified: Float64Array; faceSearches: Float64Array;
    cameraStart: Uint32Array; cameraRow: Uint32Array; cameraList: Uint32Array; cameraMiss: Float64Array | null;
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

/**
 * Exposure metrics of every routed trip (one pass over the trips, no
 * per-sighting output). Same rules and options as {@link computeSightings}.
 *
 * @param trips - routed trips (routeTrips)
 * @param profile - street exposure profile of the cameras on the trips' network
 * @param cameras - the camera set the profile was computed for
 * @param options - as computeSightings: `network` (required), recognition, levels, plateReadRate, cameraUp, availability
 * @returns a {@link TripMetrics} with one row per trip
 * @throws {InvalidInputError} as computeSightings
 * @example
 * const m = computeTripMetrics(trips, profile, cameras, { network });
 * m.pIdentified[0]; // probability trip 0 is identified at least once
 * @remarks O(total arcs + profile entries on them).
 */
export function computeTripMetrics(trips: TripSet, profile: StreetExposureProfile, cameras: CameraSet, options: SightingOptions): TripMetrics {
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
      observedLength: buf.observedLength, longestGap: buf.longestGap, pIdentified: buf.pIdentified, faceSearches: buf.faceSearches,
      cameraStart: buf.cameraStart, cameraRow: identity(nt), cameraList, cameraMiss,
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

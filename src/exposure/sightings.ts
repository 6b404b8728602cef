/**
 * Sightings: every continuous passage of a routed trip through one camera's
 * footprint, with the level reached, whether the person faced the camera,
 * and the probability that the capture identifies them.
 *
 * Definitions (merging across arcs, face and plate rules, availability): see
 * the module comment of `sightings-scorer.ts` and {@link computeSightings}.
 */
import { type CameraSet } from '../cameras/index.js';
import { InvalidInputError } from '../core/index.js';
import { requireObject, requireProbability, checkOptions, optionKeys } from '../core/internal.js';
import { checkAvailability } from '../coverage/internal.js';
import { type CoverageLevel } from '../coverage/index.js';
import type { StreetNetwork, TripSet } from '../mobility/index.js';
import { recognitionModel, type RecognitionModel } from './recognition.js';
import { TripScorer, type ResolvedScoring } from './sightings-scorer.js';
import { PROFILE_LEVELS, type StreetExposureProfile } from './street-exposure-profile.js';

/**
 * Defaults of the sighting model. Each is a source or a labelled assumption.
 */
export const SIGHTING_DEFAULTS = {
  /**
   * Recognition model for faces: NIST FIVE non-cooperative video (see
   * RECOGNITION_PRESETS) — passive capture in public space is the
   * non-cooperative case.
   */
  recognition: 'nist-video-noncooperative' as string,
  /**
   * Level at which a face capture can identify: DORI "identify" (250 px/m,
   * EN 62676-4:2015), the level face identification needs.
   */
  faceLevel: 'identify' as CoverageLevel,
  /**
   * Level at which a plate reader reads a plate. Assumption: DORI "identify"
   * (250 px/m), the highest level a profile records. Vendors ask for more:
   * Milestone XProtect LPR wants ≥ 170 px across a 52 cm European plate for
   * stopped vehicles (≈ 330 px/m) and 280 px (≈ 540 px/m) for moving ones
   * with interlacing; OCR vendors suggest 3 px/cm (300 px/m) for 95 % reads
   * (Imagsa ANPR FAQ). Dedicated plate readers use narrow lenses, so their
   * identify distance already reflects their optics.
   */
  plateLevel: 'identify' as CoverageLevel,
  /**
   * Probability that a plate reader reads a plate captured at the plate
   * level. Assumption: 0.95, the recognition rate OCR vendors quote at
   * 3 px/cm (Imagsa ANPR FAQ, "not using a low resolution").
   */
  plateReadRate: 0.95,
} as const;

/** The options computeSightings knows (its unknown options are refused). */
const COMPUTE_SIGHTINGS_OPTION_KEYS = optionKeys<SightingOptions>()(SIGHTING_DEFAULTS, ['network', 'cameraUp', 'availability']);

/** Options of {@link computeSightings} (and of the metrics and pipeline built on it). */
export interface SightingOptions {
  /** The street network the trips were routed on (edge lengths; must match the profile's edges). Required. */
  network: StreetNetwork;
  /** Face recognition model: a preset name or a model (see `recognitionModel`). Default `nist-video-noncooperative`. */
  recognition?: string | RecognitionModel | (Partial<RecognitionModel> & { name: string });
  /** Level a frontal face capture must reach to identify (default `identify`; must be recorded in the profile). */
  faceLevel?: CoverageLevel;
  /** Level a plate capture must reach to be read (default `identify`; must be recorded in the profile). */
  plateLevel?: CoverageLevel;
  /** Probability a plate at the plate level is read (default 0.95, assumption). */
  plateReadRate?: number;
  /** Per camera: 0 = down (sees nothing), else up. */
  cameraUp?: Uint8Array;
  /** Probability each capture happens (camera working), one number or one per camera; expected values. */
  availability?: number | ArrayLike<number>;
}

/** Parameters recorded in results. */
export interface SightingParams {
  recognition: RecognitionModel;
  faceLevel: CoverageLevel;
  plateLevel: CoverageLevel;
  plateReadRate: number;
  baseLevel: CoverageLevel;
  cameraUp: 'all-up' | 'per-camera';
  availability: 'all-up' | number | 'per-camera';
  profile: StreetExposureProfile['params'];
}

/**
 * Sightings as columns (struct of arrays), grouped by trip in trip order and,
 * within a trip, in order of entry.
 */
export interface SightingSet {
  readonly numSightings: number;
  /** Offsets by trip: trip t's sightings are `tripStart[t]` … `tripStart[t + 1] − 1` (length numTrips + 1). */
  readonly tripStart: Uint32Array;
  readonly trip: Uint32Array;
  readonly person: Uint32Array;
  readonly camera: Uint32Array;
  /** Seconds since midnight of the trip's day at entry (may exceed 86,400 for trips that cross midnight). */
  readonly time: Float64Array;
  readonly day: Uint16Array;
  /** Seconds inside the footprint. */
  readonly duration: Float64Array;
  /** Metres along the trip's path at entry and exit. */
  readonly entryDistance: Float64Array;
  readonly exitDistance: Float64Array;
  /** Highest level reached, as an index into PROFILE_LEVELS. */
  readonly level: Uint8Array;
  /** 1 when the person faced the camera at the face level (geometry; computed for every mode). */
  readonly frontal: Uint8Array;
  /** Probability this capture identifies the person (already multiplied by `pSeen`). */
  readonly pIdentify: Float64Array;
  /** Probability the capture happens at all (cameraUp × availability; 1 when every camera is up). */
  readonly pSeen: Float64Array;
  readonly params: SightingParams;
}

/** @internal Validated options plus what the scorer needs. */
export interface PreparedScoring {
  resolved: ResolvedScoring;
  params: SightingParams;
  edgeLength: Float64Array;
}

function levelIndex(origin: string, field: string, value: unknown, profile: StreetExposureProfile): number {
  const i = typeof value === 'string' ? (PROFILE_LEVELS as readonly string[]).indexOf(value) : -1;
  if (i < 0) throw new InvalidInputError(origin, field, `must be one of ${PROFILE_LEVELS.map((l) => JSON.stringify(l)).join(', ')}`, value);
  if (!profile.levels.includes(i)) {
    throw new InvalidInputError(origin, field, `must be a level the profile records (${profile.levels.map((l) => JSON.stringify(PROFILE_LEVELS[l])).join(', ')})`, value);
  }
  return i;
}

/**
 * @internal The `recognition` sighting option resolved to a model (default SIGHTING_DEFAULTS.recognition);
 * shared by prepareScoring and rescorePopulationExposure.
 */
export function resolveRecognitionOption(origin: string, value: SightingOptions['recognition']): RecognitionModel {
  const rec = value ?? SIGHTING_DEFAULTS.recognition;
  if (typeof rec === 'string') return recognitionModel(rec);
  requireObject(origin, 'options.recognition', rec);
  return recognitionModel(rec);
}

/** @internal The `plateReadRate` sighting option checked (default SIGHTING_DEFAULTS.plateReadRate); shared as resolveRecognitionOption. */
export function resolvePlateReadRateOption(origin: string, value: number | undefined): number {
  return requireProbability(origin, 'options.plateReadRate', value ?? SIGHTING_DEFAULTS.plateReadRate);
}

/**
 * @internal Validates the sighting options against a profile and a camera set
 * (once, at a public boundary).
 */
export function prepareScoring(origin: string, profile: StreetExposureProfile, cameras: CameraSet, options: SightingOptions | undefined): PreparedScoring {
  const o = requireObject(origin, 'options', options) as unknown as SightingOptions;
  if (typeof profile !== 'object' || profile === null || !(profile.entryStart instanceof Uint32Array) || !Array.isArray(profile.levels) || profile.levels.length === 0) {
    throw new InvalidInputError(origin, 'profile', 'must be a StreetExposureProfile (computeStreetExposureProfile)', profile);
  }
  if (typeof cameras !== 'object' || cameras === null || !(cameras.capabilities instanceof Uint8Array)) {
    throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet', cameras);
  }
  const network = o.network;
  if (typeof network !== 'object' || network === null || !(network.edgeLength instanceof Float64Array)) {
    throw new InvalidInputError(origin, 'options.network', 'must be the StreetNetwork the trips were routed on (buildStreetNetwork)', network);
  }
  if (network.numEdges !== profile.numEdges) {
    throw new InvalidInputError(origin, 'options.network.numEdges', `must equal the profile's numEdges (${profile.numEdges})`, network.numEdges);
  }
  const n = cameras.numCameras;
  if (profile.params && typeof profile.params.numCameras === 'number' && profile.params.numCameras !== n) {
    throw new InvalidInputError(origin, 'cameras.numCameras', `must equal the number of cameras the profile was computed for (${profile.params.numCameras})`, n);
  }
  const model = resolveRecognitionOption(origin, o.recognition);
  const faceLevel = levelIndex(origin, 'options.faceLevel', o.faceLevel ?? SIGHTING_DEFAULTS.faceLevel, profile);
  const plateLevel = levelIndex(origin, 'options.plateLevel', o.plateLevel ?? SIGHTING_DEFAULTS.plateLevel, profile);
  const plateRate = resolvePlateReadRateOption(origin, o.plateReadRate);
  let weight: Float64Array | null = checkAvailability(origin, o.availability, n);
  if (o.cameraUp !== undefined) {
    const up = o.cameraUp;
    if (!(up instanceof Uint8Array)) throw new InvalidInputError(origin, 'options.cameraUp', 'must be a Uint8Array with one flag per camera', up);
    if (up.length !== n) throw new InvalidInputError(origin, 'options.cameraUp.length', `must equal the number of cameras (${n})`, up.length);
    if (weight === null) weight = new Float64Array(n).fill(1);
    for (let c = 0; c < n; c++) if (up[c] === 0) weight[c] = 0;
  }
  let binary = true;
  if (weight !== null) for (let c = 0; c < n; c++) if (weight[c] !== 0 && weight[c] !== 1) binary = false;
  const baseLevel = Math.min(...profile.levels);
  return {
    resolved: { weight, binary, baseLevel, faceLevel, plateLevel, faceRate: model.truePositiveRate, plateRate },
    edgeLength: network.edgeLength,
    params: {
      recognition: model,
      faceLevel: PROFILE_LEVELS[faceLevel],
      plateLevel: PROFILE_LEVELS[plateLevel],
      plateReadRate: plateRate,
      baseLevel: PROFILE_LEVELS[baseLevel],
      cameraUp: o.cameraUp === undefined ? 'all-up' : 'per-camera',
      availability: o.availability === undefined ? 'all-up' : typeof o.availability === 'number' ? o.availability : 'per-camera',
      profile: profile.params,
    },
  };
}

/** @internal Checks a TripSet's shape against a network (once, O(arcs)). */
export function checkTrips(origin: string, trips: TripSet, numEdges: number): void {
  if (typeof trips !== 'object' || trips === null || !(trips.pathStart instanceof Uint32Array) || !(trips.pathArcs instanceof Uint32Array)) {
    throw new InvalidInputError(origin, 'trips', 'must be a TripSet (routeTrips)', trips);
  }
  const nt = trips.numTrips;
  if (!Number.isInteger(nt) || nt < 0) throw new InvalidInputError(origin, 'trips.numTrips', 'must be an integer >= 0', nt);
  if (trips.pathStart.length !== nt + 1) throw new InvalidInputError(origin, 'trips.pathStart.length', `must be numTrips + 1 (${nt + 1})`, trips.pathStart.length);
  for (const f of ['person', 'day', 'mode', 'departure', 'speed'] as const) {
    const col = trips[f] as ArrayLike<number> | undefined;
    if (!col || typeof col.length !== 'number' || col.length < nt) throw new InvalidInputError(origin, `trips.${f}.length`, `must be at least numTrips (${nt})`, col?.length);
  }
  const end = trips.pathStart[nt];
  if (end > trips.pathArcs.length) throw new InvalidInputError(origin, 'trips.pathStart', `must end within pathArcs (length ${trips.pathArcs.length})`, end);
  const maxArc = 2 * numEdges;
  for (let t = 0; t < nt; t++) {
    if (trips.pathStart[t + 1] < trips.pathStart[t]) throw new InvalidInputError(origin, `trips.pathStart[${t + 1}]`, `must be >= pathStart[${t}] (${trips.pathStart[t]})`, trips.pathStart[t + 1]);
    const v = trips.speed[t];
    if (!(v > 0 && Number.isFinite(v))) throw new InvalidInputError(origin, `trips.speed[${t}]`, 'must be a finite number > 0', v);
    const d = trips.departure[t];
    if (!Number.isFinite(d)) throw new InvalidInputError(origin, `trips.departure[${t}]`, 'must be a finite number', d);
  }
  for (let k = 0; k < end; k++) {
    if (trips.pathArcs[k] >= maxArc) throw new InvalidInputError(origin, `trips.pathArcs[${k}]`, `must be an arc id < ${maxArc} (2 · numEdges)`, trips.pathArcs[k]);
  }
}

/** Growable columns of sightings (used by computeSightings and the pipeline's samples). */
export class SightingBuffer {
  n = 0;
  trip = new Uint32Array(64);
  person = new Uint32Array(64);
  camera = new Uint32Array(64);
  time = new Float64Array(64);
  day = new Uint16Array(64);
  duration = new Float64Array(64);
  entryDistance = new Float64Array(64);
  exitDistance = new Float64Array(64);
  level = new Uint8Array(64);
  frontal = new Uint8Array(64);
  pIdentify = new Float64Array(64);
  pSeen = new Float64Array(64);

  private ensure(n: number): void {
    if (n <= this.trip.length) return;
    let len = this.trip.length * 2;
    while (len < n) len *= 2;
    for (const k of ['trip', 'person', 'camera', 'time', 'day', 'duration', 'entryDistance', 'exitDistance', 'level', 'frontal', 'pIdentify', 'pSeen'] as const) {
      const a = this[k];
      const b = new (a.constructor as new (n: number) => typeof a)(len);
      b.set(a as never);
      (this as Record<string, unknown>)[k] = b;
    }
  }

  /** Appends one sighting. */
  push(trip: number, person: number, camera: number, time: number, day: number, duration: number, entry: number, exit: number, level: number, frontal: number, pIdentify: number, pSeen: number): void {
    this.ensure(this.n + 1);
    const j = this.n++;
    this.trip[j] = trip;
    this.person[j] = person;
    this.camera[j] = camera;
    this.time[j] = time;
    this.day[j] = day;
    this.duration[j] = duration;
    this.entryDistance[j] = entry;
    this.exitDistance[j] = exit;
    this.level[j] = level;
    this.frontal[j] = frontal;
    this.pIdentify[j] = pIdentify;
    this.pSeen[j] = pSeen;
  }

  /** Appends the scorer's current trip. */
  append(s: TripScorer, trip: number, person: number, day: number, departure: number, speed: number): void {
    const ns = s.numSightings;
    this.ensure(this.n + ns);
    let j = this.n;
    for (let i = 0; i < ns; i++, j++) {
      this.trip[j] = trip;
      this.person[j] = person;
      this.camera[j] = s.sCam[i];
      this.time[j] = departure + s.sStart[i] / speed;
      this.day[j] = day;
      this.duration[j] = (s.sEnd[i] - s.sStart[i]) / speed;
      this.entryDistance[j] = s.sStart[i];
      this.exitDistance[j] = s.sEnd[i];
      this.level[j] = s.sLevel[i];
      this.frontal[j] = s.sFrontal[i];
      this.pIdentify[j] = s.sPId[i];
      this.pSeen[j] = s.sW[i];
    }
    this.n = j;
  }

  /** Trimmed copies as a SightingSet. */
  finish(tripStart: Uint32Array, params: SightingParams): SightingSet {
    const n = this.n;
    return {
      numSightings: n,
      tripStart,
      trip: this.trip.slice(0, n),
      person: this.person.slice(0, n),
      camera: this.camera.slice(0, n),
      time: this.time.slice(0, n),
      day: this.day.slice(0, n),
      duration: this.duration.slice(0, n),
      entryDistance: this.entryDistance.slice(0, n),
      exitDistance: this.exitDistance.slice(0, n),
      level: this.level.slice(0, n),
      frontal: this.frontal.slice(0, n),
      pIdentify: this.pIdentify.slice(0, n),
      pSeen: this.pSeen.slice(0, n),
      params,
    };
  }
}

/**
 * Sightings of routed trips: every continuous passage of each trip through
 * one camera's footprint.
 *
 * Rules:
 * - a sighting is one passage through a camera's footprint at the profile's
 *   lowest recorded level (`range` by default) — seen and recorded, whether or
 *   not anyone is identified; a camera's stretches on consecutive arcs are
 *   merged when they touch;
 * - pedestrians (MODE_WALK) can be identified by face-recognition cameras
 *   (CAPABILITY_FACE) when the capture reaches `faceLevel` while they face the
 *   camera (the profile's `faceAngle`): probability = the recognition model's
 *   `truePositiveRate` (1 − FNIR);
 * - cars (MODE_CAR) by plate readers (CAPABILITY_PLATE) at `plateLevel`:
 *   probability `plateReadRate`;
 * - cameras with `cameraUp[c] = 0` see nothing; `availability` scales every
 *   capture of a camera by its probability (recorded as `pSeen`; `pIdentify`
 *   includes it).
 *
 * @param trips - routed trips (routeTrips)
 * @param profile - the street exposure profile of the cameras on the same network
 * @param cameras - the camera set the profile was computed for (capabilities)
 * @param options - `network` (required), `recognition`, `faceLevel`, `plateLevel`, `plateReadRate`, `cameraUp`, `availability`
 * @returns a {@link SightingSet}, grouped by trip, in entry order within a trip
 * @throws {InvalidInputError} missing/mismatched network, a level the profile
 *   does not record, probabilities outside [0, 1], bad cameraUp/availability
 *   lengths, malformed trips (arc ids out of range, speed ≤ 0, NaN departure)
 * @example
 * const s = computeSightings(trips, profile, cameras, { network });
 * s.numSightings; s.pIdentify[0];
 * @remarks O(total arcs + profile entries on them); no geometry per trip.
 */
export function computeSightings(trips: TripSet, profile: StreetExposureProfile, cameras: CameraSet, options: SightingOptions): SightingSet {
  checkOptions('computeSightings', options, COMPUTE_SIGHTINGS_OPTION_KEYS);
  const origin = 'computeSightings';
  const prep = prepareScoring(origin, profile, cameras, options);
  checkTrips(origin, trips, profile.numEdges);
  const scorer = new TripScorer(profile, prep.edgeLength, cameras.capabilities, prep.resolved);
  const buf = new SightingBuffer();
  const nt = trips.numTrips;
  const tripStart = new Uint32Array(nt + 1);
  for (let t = 0; t < nt; t++) {
    scorer.scoreTrip(trips.pathArcs, trips.pathStart[t], trips.pathStart[t + 1], trips.mode[t]);
    buf.append(scorer, t, trips.person[t], trips.day[t], trips.departure[t], trips.speed[t]);
    tripStart[t + 1] = buf.n;
  }
  return buf.finish(tripStart, prep.params);
}

/** Sightings as (camera, hour) points per person, the input of the unicity analysis. */
export interface SightingPoints {
  numPeople: number;
  /** Person p's points are `start[p]` … `start[p + 1] − 1` (length numPeople + 1), in the sightings' order. */
  start: Uint32Array;
  camera: Uint32Array;
  /** Hours since midnight of day 0: day · 24 + floor(time / 3600). */
  hour: Uint32Array;
}

/**
 * Each person's sightings as (camera, hour) points — the spatio-temporal
 * points of de Montjoye et al. (Sci. Rep. 2013) with cameras for antennas —
 * ready for `unicity`. Every sighting counts (seen and recorded), identified
 * or not; duplicates are kept (unicity collapses them).
 *
 * @param sightings - a SightingSet (computeSightings, or a population run with `keepSightings`)
 * @param numPeople - number of people (ids 0 … numPeople − 1; default the largest person id + 1)
 * @returns `{ numPeople, start, camera, hour }`
 * @throws {InvalidInputError} when a sighting's person is ≥ numPeople, or numPeople is not an integer ≥ 0
 * @example
 * const pts = sightingPoints(result.sightings, 2000);
 * unicity(pts, { seed: 1 });
 * @remarks O(sightings + numPeople).
 */
export function sightingPoints(sightings: SightingSet, numPeople?: number): SightingPoints {
  const origin = 'sightingPoints';
  if (typeof sightings !== 'object' || sightings === null || !(sightings.person instanceof Uint32Array)) {
    throw new InvalidInputError(origin, 'sightings', 'must be a SightingSet (computeSightings)', sightings);
  }
  const n = sightings.numSightings;
  let maxP = -1;
  for (let i = 0; i < n; i++) if (sightings.person[i] > maxP) maxP = sightings.person[i];
  const np = numPeople === undefined ? maxP + 1 : numPeople;
  if (typeof np !== 'number' || !Number.isInteger(np) || np < 0) throw new InvalidInputError(origin, 'numPeople', 'must be an integer >= 0', numPeople);
  if (maxP >= np) throw new InvalidInputError(origin, 'numPeople', `must exceed every sighting's person (largest ${maxP})`, np);
  const start = new Uint32Array(np + 1);
  for (let i = 0; i < n; i++) start[sightings.person[i] + 1]++;
  for (let p = 0; p < np; p++) start[p + 1] += start[p];
  const fill = start.slice(0, np);
  const camera = new Uint32Array(n);
  const hour = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const j = fill[sightings.person[i]]++;
    camera[j] = sightings.camera[i];
    hour[j] = sightings.day[i] * 24 + Math.max(0, Math.floor(sightings.time[i] / 3600));
  }
  return { numPeople: np, start, camera, hour };
}

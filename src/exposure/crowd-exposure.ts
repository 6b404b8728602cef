/**
 * Crowds: people gathered in an area, or along a march route, for a time
 * window (a protest). How many are captured by cameras, and how many can be
 * identified — live, by the cameras that stream to a command centre and run
 * face recognition, or later, by searching every camera's recorded video.
 *
 * Crowd model (assumptions, stated in the result's params):
 * - people are spread uniformly over the area (or over the march corridor,
 *   uniformly in distance along the route and in lateral offset across its
 *   width) and stay in place for the window;
 * - each person faces a direction that is uniform on the circle and
 *   independent for each camera, so a camera gets a frontal view (angle
 *   between facing direction and the line to the camera ≤ faceAngle) with
 *   probability f = faceAngle / 180; with `views` independent looks per camera
 *   over the window, a camera at identify level identifies a person with
 *   q = 1 − (1 − f·TPR)^views, independently per camera. f = faceAngle / 180
 *   is not a stand-in for the geometry: for a person standing still with a
 *   uniformly random facing it is the exact probability that one camera lies
 *   within faceAngle of the facing direction (full-view coverage's face-on
 *   condition, Wang & Cao 2011). What the geometry would add is the joint
 *   law across cameras: one person has one facing direction at a time, so the
 *   cameras that see a face are those whose arcs of ±faceAngle around their
 *   direction contain it (the union of arcs is what computeFullViewCoverage
 *   tests). Independence overstates identification where cameras cluster in
 *   direction (one pole, several cameras) and understates it where they
 *   surround the crowd; it is kept here (it needs no per-point directions) and
 *   stated in the result as `crowdModel`;
 * - a person covered at identify level by K cameras is identified with
 *   probability 1 − (1 − q)^K. With `availability`, cameras fail
 *   independently and all results are exact expectations.
 *
 * Live: captured = within the range footprint of a live camera; identified =
 * by live cameras with face recognition (CAPABILITY_FACE) at identify level.
 * Archive: every camera records (retention long enough is assumed):
 * captured = within any camera's range footprint; identified = any camera at
 * identify level, its video searched afterwards.
 *
 * The coverage shares are exact (computeCoverage for an area; exact segment
 * coverage, segmentCoverage, along lateral lanes of a route).
 */
import { InvalidInputError, type Rng, type Seed } from '../core/index.js';
import { toRng, checkOptions, optionKeys } from '../core/internal.js';
import { CameraSet, CAPABILITY_FACE } from '../cameras/index.js';
import { validateBuildingSet } from '../city/internal.js';
import { type BuildingSet, type City } from '../city/index.js';
import { computeCoverage, type StreetSegments, type StudyAreaInput, type CoverageLevel } from '../coverage/index.js';
import { segmentCoverage, resolveStudyArea, checkAvailability } from '../coverage/internal.js';
import { EXPOSURE_PROFILE_DEFAULTS } from './street-exposure-profile.js';
import { falseAlertProbability, type RecognitionModel, type RecognitionSpec } from './recognition.js';
import { resolveModel } from './watchlist.js';

/** A crowd in an area (polygon or multipolygon in metres, or bounds). */
export interface AreaCrowd {
  area: StudyAreaInput;
  /** Number of people (may be an expected, non-integer count), > 0. */
  numPeople: number;
  /** Length of the gathering in seconds (recorded in the result; see `views`). */
  durationS?: number;
}

/** A crowd marching along a route: a polyline (metres) and the corridor's width. */
export interface RouteCrowd {
  /** Polyline `[[x, y], …]`, at least two points, total length > 0. */
  route: ArrayLike<ArrayLike<number>>;
  /** Width of the corridor in metres (people spread across it), > 0. */
  width: number;
  numPeople: number;
  durationS?: number;
}

export type CrowdInput = AreaCrowd | RouteCrowd;

/** Options of {@link crowdExposure}. */
export interface CrowdExposureOptions {
  /** Recognition model (preset name, model or definition); default `'nist-video-noncooperative'`. */
  model?: RecognitionSpec;
  /** Degrees in (0, 180]; default the street exposure profile's (45°, an assumption documented there). */
  faceAngle?: number;
  /** Independent face-direction draws per camera during the window (integer >= 1); default 1. */
  views?: number;
  /** Clip footprints by buildings; default true when `city` or `buildings` is given, else false. */
  occlusion?: boolean;
  /** Occluders (default `city.buildings`). */
  buildings?: BuildingSet;
  city?: City;
  /** Probability each camera is up (one value or one per camera id): results are expectations. */
  availability?: number | ArrayLike<number>;
  /** Route crowds: number of lateral lanes across the width (integer >= 1); default 16. */
  lanes?: number;
  /** Route crowds: seed of the lanes' jitter; default 1. */
  seed?: Seed | Rng;
  /** Gallery (watchlist) size the faces are searched against: adds expected false alerts. */
  gallerySize?: number;
}

/** Defaults of {@link crowdExposure}. */
export const CROWD_DEFAULTS = {
  /** Passive capture in public space: NIST FIVE non-cooperative video (see RECOGNITION_PRESETS). */
  model: 'nist-video-noncooperative',
  /** Same as the street exposure profile (45°, a labelled assumption; see EXPOSURE_PROFILE_DEFAULTS.faceAngle). */
  faceAngle: EXPOSURE_PROFILE_DEFAULTS.faceAngle as number,
  /** Assumption: one independent look per camera (conservative: people turn their heads over a long gathering). */
  views: 1,
  /**
   * Lateral lanes (stratified offsets, one uniform draw per stratum): 16 lanes
   * put the offset quadrature error well below the effect of footprint edges
   * on a corridor a few metres wide (assumption, not a sourced figure).
   */
  lanes: 16,
  /** Seed of the lane offsets. Assumption: a fixed seed, so that a call without one gives the same result every time. */
  seed: 1 as Seed,
} as const;

/** The options crowdExposure knows (its unknown options are refused). */
const CROWD_EXPOSURE_OPTION_KEYS = optionKeys<CrowdExposureOptions>()(CROWD_DEFAULTS, ['occlusion', 'buildings', 'city', 'availability', 'gallerySize']);

/** Exposure of the crowd in one mode (live or archive). */
export interface CrowdModeResult {
  /** Cameras taking part in capture (live: live cameras; archive: all). */
  numCaptureCameras: number;
  /** Cameras taking part in identification (live: live face-recognition cameras; archive: all). */
  numIdentifyCameras: number;
  /** Share of the crowd within at least one capture camera's range footprint. */
  capturedShare: number;
  /** Expected number of people captured. */
  captured: number;
  /** identifyAtLeast[k]: share of the crowd within at least k identify-level footprints (index 0 = 1). */
  identifyAtLeast: number[];
  /** Share of the crowd expected to be identified. */
  identifiedShare: number;
  /** Expected number of people identified. */
  identified: number;
  /** Expected frontal identify-level captures, i.e. face searches. */
  searches: number;
  /** Expected false alerts among those searches (when `gallerySize` is given; the crowd assumed not on the list). */
  expectedFalseAlerts: number | null;
}

/** Result of {@link crowdExposure}: plain data. */
export interface CrowdExposureResult {
  live: CrowdModeResult;
  archive: CrowdModeResult;
  numPeople: number;
  /** 'area': m² of the area; 'route': length of the route in metres (the corridor is length × width). */
  geometry: { kind: 'area'; areaM2: number } | { kind: 'route'; length: number; width: number; lanes: number; offsets: number[] };
  params: {
    model: RecognitionModel;
    faceAngle: number;
    /** Probability that one camera gets a frontal view, faceAngle / 180. */
    frontalProbability: number;
    views: number;
    /** Per-camera identification probability q at identify level. */
    perCameraIdentification: number;
    occlusion: boolean;
    availability: 'all-up' | number | 'per-camera';
    gallerySize: number | null;
    durationS: number | null;
    seed: string | null;
    cameras: unknown;
    crowdModel: 'uniform-position, uniform-independent-facing';
  };
}

const ORIGIN = 'crowdExposure';

/**
 * Expected number of people in a crowd captured and identified by the camera
 * network, live and later from the archive.
 *
 * @param cameras - the camera set (live flags and face capability are read from it)
 * @param crowd - `{ area, numPeople }` or `{ route, width, numPeople }` (metres), optional `durationS`
 * @param options - `model`, `faceAngle`, `views`, `occlusion` / `city` / `buildings`, `availability`, `lanes`, `seed`, `gallerySize`
 * @returns per mode (live, archive): captured and identified shares and counts, face searches, false alerts; with the parameters
 * @throws {InvalidInputError} not a CameraSet; numPeople not > 0; an invalid area; a route with fewer than two points,
 *   non-finite coordinates or zero length; width not > 0; faceAngle outside (0, 180]; views or lanes not integers >= 1;
 *   gallerySize < 1; bad availability, model or occlusion without buildings
 * @example
 * const cams = createCameraSet([{ x: 0, y: 0, heading: 90, fov: 90, range: 60, live: true, capabilities: ['face'] }]);
 * const r = crowdExposure(cams, { area: [0, -50, 100, 50], numPeople: 5000 });
 * r.live.captured;   // people within the camera's range footprint
 * r.archive.identified;
 *
 * Complexity: four exact coverage computations (area) or four segment
 * coverages over lanes × route segments (route).
 */
export function crowdExposure(cameras: CameraSet, crowd: CrowdInput, options: CrowdExposureOptions = {}): CrowdExposureResult {
  checkOptions('crowdExposure', options, CROWD_EXPOSURE_OPTION_KEYS);
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(ORIGIN, 'cameras', 'must be a CameraSet (use createCameraSet)', cameras);
  if (typeof crowd !== 'object' || crowd === null) throw new InvalidInputError(ORIGIN, 'crowd', 'must be { area, numPeople } or { route, width, numPeople }', crowd);
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(ORIGIN, 'options', 'must be an object', options);
  const numPeople = crowd.numPeople;
  if (typeof numPeople !== 'number' || !Number.isFinite(numPeople) || numPeople <= 0) throw new InvalidInputError(ORIGIN, 'crowd.numPeople', 'must be a finite number > 0', numPeople);
  const durationS = crowd.durationS ?? null;
  if (durationS !== null && (typeof durationS !== 'number' || !Number.isFinite(durationS) || durationS <= 0)) {
    throw new InvalidInputError(ORIGIN, 'crowd.durationS', 'must be a finite number > 0', durationS);
  }
  const model = resolveModel(ORIGIN, 'options.model', options.model ?? CROWD_DEFAULTS.model);
  const faceAngle = options.faceAngle ?? CROWD_DEFAULTS.faceAngle;
  if (typeof faceAngle !== 'number' || !(faceAngle > 0 && faceAngle <= 180)) throw new InvalidInputError(ORIGIN, 'options.faceAngle', 'must be a number of degrees in (0, 180]', faceAngle);
  const views = options.views ?? CROWD_DEFAULTS.views;
  if (typeof views !== 'number' || !Number.isInteger(views) || views < 1) throw new InvalidInputError(ORIGIN, 'options.views', 'must be an integer >= 1', views);
  const gallerySize = options.gallerySize ?? null;
  if (gallerySize !== null && (typeof gallerySize !== 'number' || !Number.isFinite(gallerySize) || gallerySize < 1)) {
    throw new InvalidInputError(ORIGIN, 'options.gallerySize', 'must be a finite number >= 1', gallerySize);
  }
  const buildings = options.buildings ?? options.city?.buildings;
  const occlusion = options.occlusion ?? buildings !== undefined;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(ORIGIN, 'options.occlusion', 'must be a boolean', occlusion);
  if (occlusion && buildings === undefined) throw new InvalidInputError(ORIGIN, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  if (occlusion && buildings !== undefined) validateBuildingSet(buildings, ORIGIN, options.buildings ? 'options.buildings' : 'options.city.buildings');
  const n = cameras.numCameras;
  const availability = options.availability;
  // Validated once here (names this function); subsets get the matching slices.
  const availChecked = checkAvailability(ORIGIN, availability, n);
  const availPass: number | Float64Array | undefined = availability === undefined ? undefined : typeof availability === 'number' ? availability : (availChecked as Float64Array);

  const f = faceAngle / 180;
  const perView = f * model.truePositiveRate;
  const q = views === 1 ? perView : -Math.expm1(views * Math.log1p(-perView));

  // Camera groups.
  const liveIds: number[] = [];
  const liveFaceIds: number[] = [];
  for (let i = 0; i < n; i++) {
    if (cameras.live[i] === 1) {
      liveIds.push(i);
      if ((cameras.capabilities[i] & CAPABILITY_FACE) !== 0) liveFaceIds.push(i);
    }
  }
  const allIds: number[] | null = null; // null = the whole set

  let geometry: CrowdExposureResult['geometry'];
  let seedUsed: string | null = null;
  let shares: (ids: number[] | null, level: CoverageLevel) => number[];
  const covOpts = { occlusion, buildings };
  if ('area' in crowd && crowd.area !== undefined) {
    if ('route' in crowd && crowd.route !== undefined) throw new InvalidInputError(ORIGIN, 'crowd.route', 'must not be given together with crowd.area', 'route');
    const resolved = renameField(() => resolveStudyArea(ORIGIN, undefined, crowd.area), ['options.area', 'options.bounds'], 'crowd.area');
    const area = resolved.isBox ? resolved.bbox : resolved.area;
    shares = (ids, level) => {
      const sub = ids === null ? cameras : cameras.subset(ids);
      const r = computeCoverage(sub, { ...covOpts, area: area as StudyAreaInput, level, availability: subsetAvailability(availPass, ids), threads: 1 });
      return r.atLeast;
    };
    // The area in m² (for reporting): a coverage with no cameras is cheap.
    const areaM2 = computeCoverage(cameras.subset([]), { area: area as StudyAreaInput, threads: 1 }).studyArea;
    if (!(areaM2 > 0)) throw new InvalidInputError(ORIGIN, 'crowd.area', 'must have a positive area', areaM2);
    geometry = { kind: 'area', areaM2 };
  } else if ('route' in crowd && crowd.route !== undefined) {
    const width = crowd.width;
    if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0) throw new InvalidInputError(ORIGIN, 'crowd.width', 'must be a finite number > 0', width);
    const lanes = options.lanes ?? CROWD_DEFAULTS.lanes;
    if (typeof lanes !== 'number' || !Number.isInteger(lanes) || lanes < 1 || lanes > 10_000) throw new InvalidInputError(ORIGIN, 'options.lanes', 'must be an integer in [1, 10000]', lanes);
    const route = readPolyline(crowd.route);
    const rng = toRng(options.seed ?? CROWD_DEFAULTS.seed, ORIGIN).stream('lanes');
    seedUsed = rng.seed;
    const offsets: number[] = [];
    for (let l = 0; l < lanes; l++) offsets.push(-width / 2 + ((l + rng.next()) * width) / lanes);
    const segs = laneSegments(route.xy, offsets);
    shares = (ids, level) => {
      const sub = ids === null ? cameras : cameras.subset(ids);
      const r = segmentCoverage(ORIGIN, sub, segs, { ...covOpts, level, availability: subsetAvailability(availPass, ids) });
      return r.atLeast;
    };
    geometry = { kind: 'route', length: route.length, width, lanes, offsets };
  } else {
    throw new InvalidInputError(ORIGIN, 'crowd', 'must have an area or a route', crowd);
  }

  const pN = gallerySize === null ? 0 : falseAlertProbability(model.falsePositivePerEntry, gallerySize);
  const mode = (captureIds: number[] | null, identifyIds: number[] | null): CrowdModeResult => {
    const numCapture = captureIds === null ? n : captureIds.length;
    const numIdentify = identifyIds === null ? n : identifyIds.length;
    const capAtLeast = numCapture === 0 ? [1, 0] : shares(captureIds, 'range');
    const idAtLeast = numIdentify === 0 ? [1, 0] : shares(identifyIds, 'identify');
    // P(identified) = Σ_k P(K ≥ k) · q(1 − q)^(k − 1); E[K] = Σ_{k ≥ 1} P(K ≥ k).
    let identifiedShare = 0;
    let meanK = 0;
    let w = q;
    for (let k = 1; k < idAtLeast.length; k++) {
      identifiedShare += idAtLeast[k] * w;
      meanK += idAtLeast[k];
      w *= 1 - q;
    }
    if (identifiedShare > 1) identifiedShare = 1;
    const capturedShare = capAtLeast[1] ?? 0;
    const searches = numPeople * meanK * views * f;
    return {
      numCaptureCameras: numCapture,
      numIdentifyCameras: numIdentify,
      capturedShare,
      captured: numPeople * capturedShare,
      identifyAtLeast: idAtLeast,
      identifiedShare,
      identified: numPeople * identifiedShare,
      searches,
      expectedFalseAlerts: gallerySize === null ? null : searches * pN,
    };
  };
  const live = mode(liveIds, liveFaceIds);
  const archive = mode(allIds, allIds);
  return {
    live,
    archive,
    numPeople,
    geometry,
    params: {
      model: { ...model },
      faceAngle,
      frontalProbability: f,
      views,
      perCameraIdentification: q,
      occlusion,
      availability: availability === undefined ? 'all-up' : typeof availability === 'number' ? availability : 'per-camera',
      gallerySize,
      durationS,
      seed: seedUsed,
      cameras: cameras.provenance ?? null,
      crowdModel: 'uniform-position, uniform-independent-facing',
    },
  };
}

function subsetAvailability(availability: number | ArrayLike<number> | undefined, ids: number[] | null): number | ArrayLike<number> | undefined {
  if (availability === undefined || typeof availability === 'number' || ids === null) return availability;
  const out = new Float64Array(ids.length);
  for (let k = 0; k < ids.length; k++) out[k] = availability[ids[k]];
  return out;
}

/** Runs `fn`, renaming a field in the InvalidInputError it may throw (e.g. options.area or options.bounds → crowd.area). */
function renameField<T>(fn: () => T, fromFields: string[], to: string): T {
  try {
    return fn();
  } catch (e) {
    const from = e instanceof InvalidInputError ? fromFields.find((f) => e.field.startsWith(f)) : undefined;
    if (e instanceof InvalidInputError && from !== undefined) {
      const prefix = `${ORIGIN}: ${e.field} `;
      const gotAt = e.message.lastIndexOf(', got ');
      const expected = e.message.startsWith(prefix) && gotAt > prefix.length ? e.message.slice(prefix.length, gotAt) : 'is invalid';
      throw new InvalidInputError(ORIGIN, to + e.field.slice(from.length), expected, e.value);
    }
    throw e;
  }
}

function readPolyline(route: unknown): { xy: Float64Array; length: number } {
  if (route === null || typeof route !== 'object' || typeof (route as ArrayLike<unknown>).length !== 'number') {
    throw new InvalidInputError(ORIGIN, 'crowd.route', 'must be an array of [x, y] points', route);
  }
  const pts = route as ArrayLike<ArrayLike<number>>;
  if (pts.length < 2) throw new InvalidInputError(ORIGIN, 'crowd.route', 'must have at least two points', pts.length);
  const xy = new Float64Array(2 * pts.length);
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    if (p === null || typeof p !== 'object' || typeof p.length !== 'number' || p.length < 2) throw new InvalidInputError(ORIGIN, `crowd.route[${i}]`, 'must be an [x, y] point', p);
    for (let c = 0; c < 2; c++) {
      const v = p[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidInputError(ORIGIN, `crowd.route[${i}][${c}]`, 'must be a finite number', v);
      xy[2 * i + c] = v;
    }
  }
  let length = 0;
  for (let i = 0; i + 1 < pts.length; i++) length += Math.hypot(xy[2 * i + 2] - xy[2 * i], xy[2 * i + 3] - xy[2 * i + 1]);
  if (!(length > 0)) throw new InvalidInputError(ORIGIN, 'crowd.route', 'must have a positive length', length);
  return { xy, length };
}

/**
 * The route's segments offset sideways by each lane offset (left normal of
 * each segment; corners are not joined, so each lane has the route's exact
 * length and people are uniform in (distance along, offset across)).
 */
function laneSegments(xy: Float64Array, offsets: number[]): StreetSegments {
  const np = xy.length / 2;
  const segIdx: number[] = [];
  for (let i = 0; i + 1 < np; i++) if (xy[2 * i + 2] !== xy[2 * i] || xy[2 * i + 3] !== xy[2 * i + 1]) segIdx.push(i);
  const m = segIdx.length * offsets.length;
  const coords = new Float64Array(4 * m);
  let k = 0;
  for (const o of offsets) {
    for (const i of segIdx) {
      const x0 = xy[2 * i];
      const y0 = xy[2 * i + 1];
      const x1 = xy[2 * i + 2];
      const y1 = xy[2 * i + 3];
      const len = Math.hypot(x1 - x0, y1 - y0);
      const nx = -(y1 - y0) / len;
      const ny = (x1 - x0) / len;
      coords[k++] = x0 + o * nx;
      coords[k++] = y0 + o * ny;
      coords[k++] = x1 + o * nx;
      coords[k++] = y1 + o * ny;
    }
  }
  return { numSegments: m, coords, streetClass: new Uint8Array(m) };
}

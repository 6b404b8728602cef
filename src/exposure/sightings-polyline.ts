/**
 * Sightings of imported trips (timed polylines that need not follow the
 * street graph), scored geometrically with the exposure-geometry module's
 * exact per-camera stretches (the footprints of computeCoverage).
 */
import { CameraSet, CAPABILITY_FACE, CAPABILITY_PLATE } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { InvalidInputError } from '../core/index.js';
import { requireObject, requireProbability, checkOptions, optionKeys } from '../core/internal.js';
import { checkAvailability } from '../coverage/internal.js';
import { type CoverageLevel } from '../coverage/index.js';
import { type PolylineTrips, MODE_CAR, MODE_WALK } from '../mobility/index.js';
import { recognitionModel, type RecognitionModel } from './recognition.js';
import { routeExposureOfCoords, type RouteStretch } from './route-exposure.js';
import { SIGHTING_DEFAULTS, SightingBuffer, type SightingParams, type SightingSet } from './sightings.js';
import { EXPOSURE_PROFILE_DEFAULTS, PROFILE_LEVELS } from './street-exposure-profile.js';
import { TOUCH_EPS } from './sightings-scorer.js';

/** Options of {@link computePolylineSightings}. */
export interface PolylineSightingOptions {
  recognition?: string | RecognitionModel | (Partial<RecognitionModel> & { name: string });
  /** Level a frontal face capture must reach (default `identify`). */
  faceLevel?: CoverageLevel;
  /** Level a plate capture must reach (default `identify`). */
  plateLevel?: CoverageLevel;
  plateReadRate?: number;
  cameraUp?: Uint8Array;
  availability?: number | ArrayLike<number>;
  /** Clip footprints by buildings (default: true when `city` or `buildings` is given, else false). */
  occlusion?: boolean;
  city?: Pick<City, 'buildings'>;
  buildings?: BuildingSet;
  /** Face angle in degrees, (0, 180] (default the street exposure profile's, 45°). */
  faceAngle?: number;
}

/**
 * Defaults of {@link computePolylineSightings}: the sighting model of computeSightings
 * ({@link SIGHTING_DEFAULTS}) and the street exposure profile's face angle. Occlusion
 * has no fixed default: it is on when `city` or `buildings` is given.
 */
export const COMPUTE_POLYLINE_SIGHTINGS_DEFAULTS = {
  /** As computeSightings: NIST FIVE non-cooperative video, the case of passive capture in public space. */
  recognition: SIGHTING_DEFAULTS.recognition,
  /** As computeSightings: DORI "identify" (250 px/m, EN 62676-4:2015) for face identification. */
  faceLevel: SIGHTING_DEFAULTS.faceLevel,
  /** As computeSightings: DORI "identify" for plate reads (an assumption, see SIGHTING_DEFAULTS.plateLevel). */
  plateLevel: SIGHTING_DEFAULTS.plateLevel,
  /** As computeSightings: 0.95, the OCR vendors' quoted read rate (assumption, see SIGHTING_DEFAULTS.plateReadRate). */
  plateReadRate: SIGHTING_DEFAULTS.plateReadRate,
  /** As the street exposure profile: 45°, a labelled assumption (see EXPOSURE_PROFILE_DEFAULTS.faceAngle). */
  faceAngle: EXPOSURE_PROFILE_DEFAULTS.faceAngle as number,
} as const;

/** The options computePolylineSightings knows (its unknown options are refused). */
const COMPUTE_POLYLINE_SIGHTINGS_OPTION_KEYS = optionKeys<PolylineSightingOptions>()(COMPUTE_POLYLINE_SIGHTINGS_DEFAULTS, ['cameraUp', 'availability', 'occlusion', 'city', 'buildings']);

/** Per-trip metrics of polyline trips (columns by trip). */
export interface PolylineTripMetrics {
  numTrips: number;
  person: Uint32Array;
  mode: Uint8Array;
  length: Float64Array;
  /** Seconds from the first to the last point. */
  duration: Float64Array;
  sightings: Float64Array;
  identified: Float64Array;
  distinctCameras: Float64Array;
  observedLength: Float64Array;
  observedFraction: Float64Array;
  longestGap: Float64Array;
  /** Seconds between the ends of the longest unobserved stretch (from the points' times). */
  longestGapSeconds: Float64Array;
  pIdentified: Float64Array;
}

/** Result of {@link computePolylineSightings}. */
export interface PolylineSightings {
  sightings: SightingSet;
  trips: PolylineTripMetrics;
  /** Trips that could not be scored (zero length: every point the same), never dropped silently. */
  report: { trip: number; reason: string }[];
  params: SightingParams & { occlusion: boolean; faceAngle: number };
}

/** Time at distance x along a polyline (linear between points). */
function timeAt(cum: Float64Array, times: Float64Array, off: number, n: number, x: number): number {
  let k = 0;
  while (k < n - 2 && cum[k + 1] < x) k++;
  const len = cum[k + 1] - cum[k];
  if (!(len > 0)) return times[off + k];
  const f = Math.min(1, Math.max(0, (x - cum[k]) / len));
  return times[off + k] + f * (times[off + k + 1] - times[off + k]);
}

/**
 * Sightings of timed polylines (imported GPS tracks): the same rules as
 * computeSightings (one sighting per continuous passage through a camera's
 * footprint at `range` level; pedestrians identified by face cameras when
 * frontal at the face level, cars by plate readers at the plate level;
 * cameraUp / availability), with the footprints computed exactly along each
 * polyline (routeExposure's stretches, the footprints of computeCoverage).
 *
 * Frontal: on a straight segment from p0 in direction d, with the camera at
 * `a` metres along d and `b` across, the angle between d and the line to the
 * camera is ≤ θ exactly where s ≤ a − |b| cot θ (one half-line; the same
 * closed form as the street exposure profile).
 *
 * Times: `time` of a sighting is the point times interpolated linearly at
 * entry, reduced to seconds since midnight (UTC for epoch seconds) with
 * `day = floor(t / 86400)`; `duration` from the interpolated exit time.
 *
 * @param trips - PolylineTrips (importTrips)
 * @param cameras - the cameras
 * @param options - recognition, faceLevel, plateLevel, plateReadRate, cameraUp, availability, occlusion with city/buildings, faceAngle;
 *   defaults: {@link COMPUTE_POLYLINE_SIGHTINGS_DEFAULTS}
 * @returns sightings (trip = polyline trip index), per-trip metrics, and a report of trips that could not be scored
 * @throws {InvalidInputError} malformed trips (offsets, NaN coordinates or times), bad options (named)
 * @example
 * const { sightings, trips } = computePolylineSightings(imported.trips, cameras, { city });
 * @remarks O(trips · (cameras + crossings · log cameras)) — one exact footprint pass per trip and level; for
 *   many trips on the street graph, route them and use computeSightings instead.
 */
export function computePolylineSightings(trips: PolylineTrips, cameras: CameraSet, options: PolylineSightingOptions = {}): PolylineSightings {
  checkOptions('computePolylineSightings', options, COMPUTE_POLYLINE_SIGHTINGS_OPTION_KEYS);
  const origin = 'computePolylineSightings';
  const o = requireObject(origin, 'options', options) as PolylineSightingOptions;
  if (!(cameras instanceof CameraSet)) throw new InvalidInputError(origin, 'cameras', 'must be a CameraSet', cameras);
  if (typeof trips !== 'object' || trips === null || !(trips.start instanceof Uint32Array) || !(trips.coords instanceof Float64Array) || !(trips.times instanceof Float64Array)) {
    throw new InvalidInputError(origin, 'trips', 'must be PolylineTrips (importTrips)', trips);
  }
  const nt = trips.numTrips;
  if (trips.start.length !== nt + 1) throw new InvalidInputError(origin, 'trips.start.length', `must be numTrips + 1 (${nt + 1})`, trips.start.length);
  const totalPts = trips.start[nt];
  if (trips.coords.length < 2 * totalPts || trips.times.length < totalPts) throw new InvalidInputError(origin, 'trips.coords', `must hold ${totalPts} points and times`, trips.coords.length);
  for (let t = 0; t < nt; t++) {
    if (trips.start[t + 1] < trips.start[t] + 2) throw new InvalidInputError(origin, `trips.start[${t + 1}]`, `must leave trip ${t} at least 2 points`, trips.start[t + 1]);
  }
  for (let k = 0; k < totalPts; k++) {
    if (!Number.isFinite(trips.coords[2 * k]) || !Number.isFinite(trips.coords[2 * k + 1])) throw new InvalidInputError(origin, `trips.coords[${2 * k}]`, 'must be finite numbers (x, y)', trips.coords[2 * k]);
    if (!Number.isFinite(trips.times[k])) throw new InvalidInputError(origin, `trips.times[${k}]`, 'must be a finite number', trips.times[k]);
  }
  const D = COMPUTE_POLYLINE_SIGHTINGS_DEFAULTS;
  const rec = o.recognition ?? D.recognition;
  if (typeof rec !== 'string') requireObject(origin, 'options.recognition', rec);
  const model = recognitionModel(rec);
  const lvl = (field: string, v: unknown): number => {
    const i = typeof v === 'string' ? (PROFILE_LEVELS as readonly string[]).indexOf(v) : -1;
    if (i < 0) throw new InvalidInputError(origin, field, `must be one of ${PROFILE_LEVELS.map((l) => JSON.stringify(l)).join(', ')}`, v);
    return i;
  };
  const faceLevel = lvl('options.faceLevel', o.faceLevel ?? D.faceLevel);
  const plateLevel = lvl('options.plateLevel', o.plateLevel ?? D.plateLevel);
  const plateRate = requireProbability(origin, 'options.plateReadRate', o.plateReadRate ?? D.plateReadRate);
  const faceAngle = o.faceAngle ?? D.faceAngle;
  if (typeof faceAngle !== 'number' || !(faceAngle > 0 && faceAngle <= 180)) throw new InvalidInputError(origin, 'options.faceAngle', 'must be a number of degrees in (0, 180]', faceAngle);
  const buildings = o.buildings ?? o.city?.buildings ?? null;
  const occlusion = o.occlusion ?? buildings !== null;
  if (typeof occlusion !== 'boolean') throw new InvalidInputError(origin, 'options.occlusion', 'must be a boolean', occlusion);
  if (occlusion && buildings === null) throw new InvalidInputError(origin, 'options.occlusion', 'needs options.city or options.buildings', occlusion);
  const n = cameras.numCameras;
  let weight = checkAvailability(origin, o.availability, n);
  if (o.cameraUp !== undefined) {
    const up = o.cameraUp;
    if (!(up instanceof Uint8Array)) throw new InvalidInputError(origin, 'options.cameraUp', 'must be a Uint8Array with one flag per camera', up);
    if (up.length !== n) throw new InvalidInputError(origin, 'options.cameraUp.length', `must equal the number of cameras (${n})`, up.length);
    if (weight === null) weight = new Float64Array(n).fill(1);
    for (let c = 0; c < n; c++) if (up[c] === 0) weight[c] = 0;
  }
  const params: PolylineSightings['params'] = {
    recognition: model, faceLevel: PROFILE_LEVELS[faceLevel], plateLevel: PROFILE_LEVELS[plateLevel], plateReadRate: plateRate, baseLevel: 'range',
    cameraUp: o.cameraUp === undefined ? 'all-up' : 'per-camera',
    availability: o.availability === undefined ? 'all-up' : typeof o.availability === 'number' ? o.availability : 'per-camera',
    profile: { levels: ['range', PROFILE_LEVELS[faceLevel], PROFILE_LEVELS[plateLevel]], occlusion, faceAngle, numCameras: n, cameras: cameras.provenance },
    occlusion, faceAngle,
  };
  const occ = occlusion ? buildings : null;
  const cot = faceAngle >= 180 ? -Infinity : Math.cos((faceAngle * Math.PI) / 180) / Math.sin((faceAngle * Math.PI) / 180);
  const out: PolylineTripMetrics = {
    numTrips: nt, person: trips.person.slice(0, nt), mode: trips.mode.slice(0, nt),
    length: new Float64Array(nt), duration: new Float64Array(nt), sightings: new Float64Array(nt), identified: new Float64Array(nt),
    distinctCameras: new Float64Array(nt), observedLength: new Float64Array(nt), observedFraction: new Float64Array(nt),
    longestGap: new Float64Array(nt), longestGapSeconds: new Float64Array(nt), pIdentified: new Float64Array(nt),
  };
  const report: PolylineSightings['report'] = [];
  const buf = new SightingBuffer();
  const tripStart = new Uint32Array(nt + 1);
  const sub = (level: number) => ({ level: PROFILE_LEVELS[level], occlusion, availability: 'per-camera' as const, numPoints: 0, cameras: null });
  for (let t = 0; t < nt; t++) {
    const p0 = trips.start[t];
    const np = trips.start[t + 1] - p0;
    const coords = trips.coords.subarray(2 * p0, 2 * (p0 + np));
    const cum = new Float64Array(np);
    for (let k = 1; k < np; k++) cum[k] = cum[k - 1] + Math.hypot(coords[2 * k] - coords[2 * k - 2], coords[2 * k + 1] - coords[2 * k - 1]);
    const L = cum[np - 1];
    out.length[t] = L;
    out.duration[t] = trips.times[p0 + np - 1] - trips.times[p0];
    if (!(L > 0)) {
      report.push({ trip: t, reason: 'zero length (all points coincide): not scored' });
      tripStart[t + 1] = buf.n;
      continue;
    }
    const range = routeExposureOfCoords(cameras, coords, 'range', occ, weight, sub(0));
    const face = routeExposureOfCoords(cameras, coords, PROFILE_LEVELS[faceLevel], occ, weight, sub(faceLevel));
    const plate = plateLevel === faceLevel ? face : routeExposureOfCoords(cameras, coords, PROFILE_LEVELS[plateLevel], occ, weight, sub(plateLevel));
    out.observedLength[t] = range.observedLength;
    out.observedFraction[t] = range.observedFraction;
    out.longestGap[t] = range.longestUnobserved.length;
    out.longestGapSeconds[t] = timeAt(cum, trips.times, p0, np, range.longestUnobserved.to) - timeAt(cum, trips.times, p0, np, range.longestUnobserved.from);
    // Passages: each camera's range stretches merged when they touch, then ordered by entry.
    const st = [...range.stretches].sort((a, b) => a.camera - b.camera || a.from - b.from);
    const passages: { camera: number; from: number; to: number; level: number; frontal: boolean }[] = [];
    for (const s of st) {
      const last = passages[passages.length - 1];
      if (last !== undefined && last.camera === s.camera && Math.abs(last.to - s.from) <= TOUCH_EPS) last.to = Math.max(last.to, s.to);
      else passages.push({ camera: s.camera, from: s.from, to: s.to, level: 0, frontal: false });
    }
    const attach = (list: RouteStretch[], level: number, checkFrontal: boolean) => {
      for (const s of list) {
        const mid = 0.5 * (s.from + s.to);
        const pas = passages.find((x) => x.camera === s.camera && x.from - TOUCH_EPS <= mid && mid <= x.to + TOUCH_EPS);
        if (pas === undefined) continue;
        if (level > pas.level) pas.level = level;
        if (checkFrontal && !pas.frontal) pas.frontal = frontalOn(coords, cum, np, s.from, s.to, cameras.x[s.camera], cameras.y[s.camera], cot);
      }
    };
    attach(face.stretches, faceLevel, true);
    if (plate !== face) attach(plate.stretches, plateLevel, false);
    passages.sort((a, b) => a.from - b.from || a.camera - b.camera);
    const mode = trips.mode[t];
    let sightings = 0, identified = 0, logNot = 0;
    const miss = new Map<number, number>();
    for (const pas of passages) {
      const c = pas.camera;
      const wc = weight === null ? 1 : weight[c];
      let pid = 0;
      if (mode === MODE_WALK && (cameras.capabilities[c] & CAPABILITY_FACE) !== 0 && pas.frontal && pas.level >= faceLevel) pid = model.truePositiveRate * wc;
      else if (mode === MODE_CAR && (cameras.capabilities[c] & CAPABILITY_PLATE) !== 0 && pas.level >= plateLevel) pid = plateRate * wc;
      sightings += wc;
      identified += pid;
      logNot += pid >= 1 ? -Infinity : Math.log1p(-pid);
      miss.set(c, (miss.get(c) ?? 1) * (1 - wc));
      const t0 = timeAt(cum, trips.times, p0, np, pas.from);
      const t1 = timeAt(cum, trips.times, p0, np, pas.to);
      const day = t0 >= 0 ? Math.floor(t0 / 86400) : 0;
      if (day > 65535) throw new InvalidInputError(origin, `trips.times[${p0}]`, 'must give days since the time origin ≤ 65535 (seconds, e.g. epoch seconds)', trips.times[p0]);
      pushSighting(buf, t, trips.person[t], c, t0 - 86400 * day, day, t1 - t0, pas.from, pas.to, pas.level, pas.frontal ? 1 : 0, pid, wc);
    }
    let distinct = 0;
    for (const q of miss.values()) distinct += 1 - q;
    out.sightings[t] = sightings;
    out.identified[t] = identified;
    out.distinctCameras[t] = distinct;
    out.pIdentified[t] = -Math.expm1(logNot) + 0;
    tripStart[t + 1] = buf.n;
  }
  return { sightings: buf.finish(tripStart, params), trips: out, report, params };
}

/** True when a stretch [f, g] of the polyline has a positive-length part facing the camera (angle ≤ θ). */
function frontalOn(coords: Float64Array, cum: Float64Array, np: number, f: number, g: number, cx: number, cy: number, cot: number): boolean {
  for (let k = 0; k + 1 < np; k++) {
    const a0 = Math.max(f, cum[k]);
    const a1 = Math.min(g, cum[k + 1]);
    if (!(a1 > a0)) continue;
    const x0 = coords[2 * k], y0 = coords[2 * k + 1];
    const len = cum[k + 1] - cum[k];
    const dx = (coords[2 * k + 2] - x0) / len, dy = (coords[2 * k + 3] - y0) / len;
    const vx = cx - x0, vy = cy - y0;
    const along = vx * dx + vy * dy;
    const across = Math.abs(dx * vy - dy * vx);
    const limit = cot === -Infinity ? Infinity : along - across * cot; // s ≤ a − |b| cot θ
    if (limit > a0 - cum[k]) return true;
  }
  return false;
}

function pushSighting(
  buf: SightingBuffer, trip: number, person: number, camera: number, time: number, day: number, duration: number,
  from: number, to: number, level: number, frontal: number, pid: number, w: number,
): void {
  buf.push(trip, person, camera, time, day, duration, from, to, level, frontal, pid, w);
}

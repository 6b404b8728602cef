/**
 * The hot loop shared by {@link computeSightings}, {@link computeTripMetrics}
 * and the population pipeline (main thread and workers): it walks one routed
 * trip arc by arc, reads the street exposure profile's stretches, and produces
 * the trip's sightings and metrics with no allocation per trip (scratch grows
 * by doubling and is reused).
 *
 * Definitions (documented once here, referred to by the public functions):
 * - A **sighting** is one continuous passage through one camera's footprint at
 *   the profile's lowest recorded level (`range` by default): the camera's
 *   stretches on consecutive arcs are merged when they touch (end of one at
 *   the shared node = start of the next, within {@link TOUCH_EPS}).
 * - Its **level** is the highest recorded level any of the camera's stretches
 *   inside the passage reaches.
 * - **frontal**: somewhere in the passage the camera sees the person at the
 *   face level AND the person faces it (profile frontalUntil/frontalFrom on a
 *   stretch of positive length). Computed for every mode; only pedestrians use it.
 * - **pIdentify**: pedestrians (MODE_WALK) through face cameras
 *   (CAPABILITY_FACE) when frontal at the face level: `truePositiveRate` of the
 *   recognition model; cars (MODE_CAR) through plate readers (CAPABILITY_PLATE)
 *   at the plate level: `plateReadRate`; otherwise 0. Multiplied by the
 *   camera's weight (availability; see below).
 * - **identification with binary weights** (every camera up or down: no
 *   `availability`, or only 0 and 1): a trip's expected identified captures
 *   and log P(not identified) come from its counts of face-qualifying and
 *   plate-qualifying captures (nFace · faceRate + nPlate · plateRate and
 *   nFace · log1p(−faceRate) + nPlate · log1p(−plateRate)), so that they can
 *   be recomputed for other rates without scoring again
 *   (rescorePopulationExposure); with other weights, the per-capture sums.
 * - **weight** (`pSeen`): probability the capture happens = cameraUp (0/1) ×
 *   availability. Availability is read as a per-capture probability, independent
 *   between captures (short, scattered outages); draw `cameraUp` yourself for
 *   correlated outages. Cameras of weight 0 see nothing.
 */
import { CAPABILITY_FACE, CAPABILITY_PLATE } from '../cameras/index.js';
import { MODE_CAR, MODE_WALK } from '../mobility/index.js';
import type { StreetExposureProfile } from './street-exposure-profile.js';

/** Two stretches touch when their ends are closer than this (metres). */
export const TOUCH_EPS = 1e-6;

/** Options resolved and validated once at a public boundary. */
export interface ResolvedScoring {
  /** Per camera: probability a capture happens (cameraUp × availability); null = every camera always up. */
  weight: Float64Array | null;
  /** True when every weight is 0 or 1 (coverage along the path is then exact, not an expectation). */
  binary: boolean;
  /** Index into PROFILE_LEVELS of the profile's lowest recorded level (sightings are at this level). */
  baseLevel: number;
  /** Index into PROFILE_LEVELS of the face-identification level. */
  faceLevel: number;
  /** Index into PROFILE_LEVELS of the plate-reading level. */
  plateLevel: number;
  /** Recognition model's true-positive rate (1 − FNIR). */
  faceRate: number;
  /** Probability a plate reader reads a plate at the plate level. */
  plateRate: number;
}

/**
 * @internal Expected identified captures of a trip whose captures all happen (binary weights):
 * nFace · faceRate + nPlate · plateRate. Shared by the scorer and rescorePopulationExposure, so that
 * both give the same bits.
 */
export function identifiedFromCounts(nFace: number, nPlate: number, faceRate: number, plateRate: number): number {
  return nFace * faceRate + nPlate * plateRate;
}

/** log(1 − rate)^n, 0 when nothing can identify (n or rate 0), −Infinity when a capture identifies for sure. */
function channelLogMiss(n: number, rate: number): number {
  if (!(n > 0 && rate > 0)) return 0;
  return rate >= 1 ? -Infinity : n * Math.log1p(-rate);
}

/**
 * @internal log P(not identified) of a trip whose captures all happen (binary weights):
 * nFace · log1p(−faceRate) + nPlate · log1p(−plateRate) (a term is 0 when its count or rate is 0, −Infinity
 * when its rate is 1). Shared by the scorer and rescorePopulationExposure (same bits).
 */
export function logNotIdentifiedFromCounts(nFace: number, nPlate: number, faceRate: number, plateRate: number): number {
  return channelLogMiss(nFace, faceRate) + channelLogMiss(nPlate, plateRate);
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, n: number): T {
  if (a.length >= n) return a;
  let len = a.length * 2;
  while (len < n) len *= 2;
  const b = new (a.constructor as new (n: number) => T)(len);
  b.set(a as never);
  return b;
}

/** Fields per entry in the packed entry table: s0, s1, frontalUntil, frontalFrom, camera, level. */
const ES = 6;

/**
 * @internal The profile's entry columns packed into one Float64Array, 6 numbers per entry
 * (s0, s1, frontalUntil, frontalFrom, camera, level), on a SharedArrayBuffer with `shared`.
 */
export function packProfileEntries(profile: StreetExposureProfile, shared: boolean): Float64Array {
  const ne = profile.camera.length;
  const ent = shared ? new Float64Array(new SharedArrayBuffer(8 * ES * ne)) : new Float64Array(ES * ne);
  for (let q = 0; q < ne; q++) {
    const o = ES * q;
    ent[o] = profile.s0[q];
    ent[o + 1] = profile.s1[q];
    ent[o + 2] = profile.frontalUntil[q];
    ent[o + 3] = profile.frontalFrom[q];
    ent[o + 4] = profile.camera[q];
    ent[o + 5] = profile.level[q];
  }
  return ent;
}

/**
 * Scores one trip at a time; read the public fields after {@link TripScorer.scoreTrip}.
 *
 * Memory layout (the loop is bound by memory latency, not arithmetic): the
 * profile's entry columns are packed once into one Float64Array, 6 numbers per
 * entry, so the entries of an edge sit on one or two cache lines; the
 * per-camera state (trip stamp, open sighting, distinct slot) is interleaved
 * in one Uint32Array.
 */
export class TripScorer {
  private readonly entryStart: Uint32Array;
  private readonly ent: Float64Array;
  private readonly edgeLength: Float64Array;
  private readonly capabilities: Uint8Array;
  private readonly r: ResolvedScoring;
  /** Per camera: [stamp of the last trip that saw it, its open sighting, its distinct slot]. */
  private readonly cam: Uint32Array;
  private stamp = 0;
  // Per arc scratch: base-level intervals.
  private aCam = new Uint32Array(16);
  private aU0 = new Float64Array(16);
  private aU1 = new Float64Array(16);
  private aSid = new Uint32Array(16);

  // ---- Outputs of the last scoreTrip ----
  /** Number of sightings of the trip. */
  numSightings = 0;
  /** Per sighting: path distance (m) at entry and exit, camera, level reached, frontal flag, pIdentify, weight. */
  sStart = new Float64Array(16);
  sEnd = new Float64Array(16);
  sCam = new Uint32Array(16);
  sLevel = new Uint8Array(16);
  sFrontal = new Uint8Array(16);
  sPId = new Float64Array(16);
  sW = new Float64Array(16);
  /** Distinct cameras of the trip and, per camera, the probability that none of its captures happened (0 when always up). */
  numDistinct = 0;
  dCam = new Uint32Array(16);
  dMiss = new Float64Array(16);
  /** Expected sightings (Σ weight), expected identified sightings (Σ pIdentify), Σ log(1 − pIdentify). */
  sightings = 0;
  identified = 0;
  logNotIdentified = 0;
  /** Expected distinct cameras. */
  distinct = 0;
  /** Expected face searches: captures of a pedestrian by a face camera, frontal at the face level (Σ weight). */
  searches = 0;
  /** Expected plate captures: captures of a car by a plate reader at the plate level (Σ weight). */
  plates = 0;
  /** Path length (m) and (expected) metres inside at least one footprint at the base level. */
  length = 0;
  observed = 0;
  /** Longest stretch (m) seen by no camera of weight > 0. */
  longestGap = 0;

  /**
   * @param profile - the street exposure profile (its `entryStart`, and its entry columns unless `entries` is given)
   * @param edgeLength - edge lengths of the profile's network
   * @param capabilities - per camera capability bits
   * @param resolved - the resolved scoring options
   * @param entries - the profile's entries packed by {@link packProfileEntries} (threads scoring the same
   *   profile share one packed copy, so that the cores' shared cache holds it once)
   */
  constructor(profile: StreetExposureProfile, edgeLength: Float64Array, capabilities: Uint8Array, resolved: ResolvedScoring, entries?: Float64Array) {
    this.entryStart = profile.entryStart;
    this.ent = entries ?? packProfileEntries(profile, false);
    this.edgeLength = edgeLength;
    this.capabilities = capabilities;
    this.r = resolved;
    this.cam = new Uint32Array(3 * capabilities.length);
  }

  /**
   * Scores the trip travelling `arcs[from]` … `arcs[to − 1]` in `mode`.
   * Complexity O(arcs + profile entries on them), with small per-arc sorts.
   */
  scoreTrip(arcs: Uint32Array, from: number, to: number, mode: number): void {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.cam.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const entryStart = this.entryStart;
    const ent = this.ent;
    const cam = this.cam;
    const edgeLength = this.edgeLength;
    const w = this.r.weight;
    const useW = w !== null;
    const binary = this.r.binary;
    const baseLevel = this.r.baseLevel;
    const faceLevel = this.r.faceLevel;
    let ns = 0;
    let nd = 0;
    let D = 0;
    // Union of the observed intervals along the path (a stream sorted by start).
    let curStart = -1;
    let curEnd = -1;
    let observed = 0;
    let longestGap = 0;
    let expectedObserved = 0;
    for (let k = from; k < to; k++) {
      const a = arcs[k];
      const e = a >>> 1;
      const fwd = (a & 1) === 0;
      const L = edgeLength[e];
      const q0 = entryStart[e];
      const q1 = entryStart[e + 1];
      // Base-level block (entries are sorted by level first).
      let qb = q0;
      while (qb < q1 && ent[ES * qb + 5] === baseLevel) qb++;
      if (qb - q0 > this.aCam.length) {
        const n = qb - q0;
        this.aCam = grow(this.aCam, n);
        this.aU0 = grow(this.aU0, n);
        this.aU1 = grow(this.aU1, n);
        this.aSid = grow(this.aSid, n);
      }
      const aCam = this.aCam, aU0 = this.aU0, aU1 = this.aU1, aSid = this.aSid;
      let m = 0;
      for (let q = q0; q < qb; q++) {
        const o = ES * q;
        const c = ent[o + 4];
        if (useW && !((w as Float64Array)[c] > 0)) continue;
        const u0 = fwd ? ent[o] : L - ent[o + 1];
        const u1 = fwd ? ent[o + 1] : L - ent[o];
        // Insertion sort by (u0, camera).
        let i = m++;
        while (i > 0 && (aU0[i - 1] > u0 || (aU0[i - 1] === u0 && aCam[i - 1] > c))) {
          aU0[i] = aU0[i - 1];
          aU1[i] = aU1[i - 1];
          aCam[i] = aCam[i - 1];
          i--;
        }
        aU0[i] = u0;
        aU1[i] = u1;
        aCam[i] = c;
      }
      for (let i = 0; i < m; i++) {
        const c = aCam[i];
        const U0 = D + aU0[i];
        const U1 = D + aU1[i];
        // Union (binary coverage).
        if (curEnd < 0) {
          longestGap = U0;
          curStart = U0;
          curEnd = U1;
        } else if (U0 > curEnd + TOUCH_EPS) {
          observed += curEnd - curStart;
          if (U0 - curEnd > longestGap) longestGap = U0 - curEnd;
          curStart = U0;
          curEnd = U1;
        } else if (U1 > curEnd) {
          curEnd = U1;
        }
        // Sighting: extend the camera's open passage when it touches, else open a new one.
        const cs = 3 * c;
        const seen = cam[cs] === stamp;
        if (seen && Math.abs(this.sEnd[cam[cs + 1]] - U0) <= TOUCH_EPS) {
          const sid = cam[cs + 1];
          if (U1 > this.sEnd[sid]) this.sEnd[sid] = U1;
          aSid[i] = sid;
        } else {
          if (ns >= this.sStart.length) this.growSightings(ns + 1);
          this.sStart[ns] = U0;
          this.sEnd[ns] = U1;
          this.sCam[ns] = c;
          this.sLevel[ns] = baseLevel;
          this.sFrontal[ns] = 0;
          if (!seen) {
            cam[cs] = stamp;
            cam[cs + 2] = nd;
            if (nd >= this.dCam.length) {
              this.dCam = grow(this.dCam, nd + 1);
              this.dMiss = grow(this.dMiss, nd + 1);
            }
            this.dCam[nd++] = c;
          }
          cam[cs + 1] = ns;
          aSid[i] = ns;
          ns++;
        }
      }
      if (!binary && m > 0) expectedObserved += this.expectedCovered(m, w as Float64Array);
      // Higher levels: attach each stretch to the passage of its camera that contains it.
      for (let q = qb; q < q1; q++) {
        const o = ES * q;
        const c = ent[o + 4];
        if (useW && !((w as Float64Array)[c] > 0)) continue;
        const lq = ent[o + 5];
        const s0 = ent[o];
        const s1 = ent[o + 1];
        const mid = fwd ? 0.5 * (s0 + s1) : L - 0.5 * (s0 + s1);
        let sid = -1;
        for (let i = 0; i < m; i++) {
          if (aCam[i] === c && aU0[i] - TOUCH_EPS <= mid && mid <= aU1[i] + TOUCH_EPS) {
            sid = aSid[i];
            break;
          }
        }
        if (sid < 0) continue; // a stretch outside the base footprint cannot happen for nested footprints
        if (lq > this.sLevel[sid]) this.sLevel[sid] = lq;
        if (lq === faceLevel && (fwd ? ent[o + 2] > s0 : ent[o + 3] < s1)) this.sFrontal[sid] = 1;
      }
      D += L;
    }
    if (curEnd >= 0) {
      observed += curEnd - curStart;
      if (D - curEnd > longestGap) longestGap = D - curEnd;
    } else {
      longestGap = D;
    }
    this.length = D;
    this.observed = binary ? observed : expectedObserved;
    this.longestGap = longestGap;
    this.numSightings = ns;
    this.numDistinct = nd;
    this.finishTrip(mode);
  }

  /** Expected covered length of the current arc's m intervals, cameras up independently with their weights. O(m²). */
  private expectedCovered(m: number, w: Float64Array): number {
    // Elementary pieces between sorted endpoints; the starts are sorted, so
    // merge the sorted starts with the ends (sorted here in a small scratch).
    const ends = this.endsScratch.length >= 2 * m ? this.endsScratch : (this.endsScratch = new Float64Array(4 * m));
    let ne = 0;
    for (let i = 0; i < m; i++) {
      ends[ne++] = this.aU0[i];
      ends[ne++] = this.aU1[i];
    }
    const pts = ends.subarray(0, ne).sort();
    let total = 0;
    for (let j = 0; j + 1 < ne; j++) {
      const x0 = pts[j];
      const x1 = pts[j + 1];
      if (!(x1 > x0)) continue;
      const mid = 0.5 * (x0 + x1);
      let miss = 1;
      for (let i = 0; i < m; i++) if (this.aU0[i] <= mid && mid <= this.aU1[i]) miss *= 1 - w[this.aCam[i]];
      total += (x1 - x0) * (1 - miss);
    }
    return total;
  }
  private endsScratch = new Float64Array(32);

  private growSightings(n: number): void {
    this.sStart = grow(this.sStart, n);
    this.sEnd = grow(this.sEnd, n);
    this.sCam = grow(this.sCam, n);
    this.sLevel = grow(this.sLevel, n);
    this.sFrontal = grow(this.sFrontal, n);
    this.sPId = grow(this.sPId, n);
    this.sW = grow(this.sW, n);
  }

  private finishTrip(mode: number): void {
    const ns = this.numSightings;
    const nd = this.numDistinct;
    const w = this.r.weight;
    const caps = this.capabilities;
    const cam = this.cam;
    const { faceLevel, plateLevel, faceRate, plateRate } = this.r;
    let sightings = 0;
    let identified = 0;
    let logNot = 0;
    let searches = 0;
    let plates = 0;
    const binary = this.r.binary;
    const dMiss = this.dMiss;
    for (let i = 0; i < nd; i++) dMiss[i] = 1;
    for (let s = 0; s < ns; s++) {
      const c = this.sCam[s];
      const wc = w === null ? 1 : w[c];
      let pid = 0;
      if (mode === MODE_WALK) {
        if ((caps[c] & CAPABILITY_FACE) !== 0 && this.sFrontal[s] === 1 && this.sLevel[s] >= faceLevel) {
          pid = faceRate * wc;
          searches += wc;
        }
      } else if (mode === MODE_CAR) {
        if ((caps[c] & CAPABILITY_PLATE) !== 0 && this.sLevel[s] >= plateLevel) {
          pid = plateRate * wc;
          plates += wc;
        }
      }
      this.sPId[s] = pid;
      this.sW[s] = wc;
      sightings += wc;
      if (!binary) {
        identified += pid;
        if (pid > 0) logNot += pid >= 1 ? -Infinity : Math.log1p(-pid);
      }
      if (w !== null) dMiss[cam[3 * c + 2]] *= 1 - wc;
    }
    if (binary) {
      // Every capture happens for sure: the trip's identification depends on the rates only through the
      // counts, and rescorePopulationExposure recomputes it from the counts with the same two functions.
      identified = identifiedFromCounts(searches, plates, faceRate, plateRate);
      logNot = logNotIdentifiedFromCounts(searches, plates, faceRate, plateRate);
    }
    let distinct = 0;
    if (w === null) {
      distinct = nd;
      for (let i = 0; i < nd; i++) dMiss[i] = 0;
    } else {
      for (let i = 0; i < nd; i++) distinct += 1 - dMiss[i];
    }
    this.sightings = sightings;
    this.identified = identified;
    this.logNotIdentified = logNot;
    this.searches = searches;
    this.plates = plates;
    this.distinct = distinct;
  }
}

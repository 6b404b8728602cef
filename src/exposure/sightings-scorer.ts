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
 * - **weight** (`pSeen`): probability the capture happens = cameraUp (0/1) ×
 *   availability. Availability is read as a per-capture probability, independent
 *   between captures (short, scattered outages); draw `cameraUp` yourself for
 *   correlated outages. Cameras of weight 0 see nothing.
 */
import { CAPABILITY_FACE, CAPABILITY_PLATE } from '../cameras/camera-set.js';
import { MODE_CAR, MODE_WALK } from '../mobility/trip-set.js';
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

function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, n: number): T {
  if (a.length >= n) return a;
  let len = a.length * 2;
  while (len < n) len *= 2;
  const b = new (a.constructor as new (n: number) => T)(len);
  b.set(a as never);
  return b;
}

/** Scores one trip at a time; read the public fields after {@link TripScorer.scoreTrip}. */
export class TripScorer {
  private readonly profile: StreetExposureProfile;
  private readonly edgeLength: Float64Array;
  private readonly capabilities: Uint8Array;
  private readonly r: ResolvedScoring;
  // Per camera scratch (stamped by trip).
  private readonly openStamp: Uint32Array;
  private readonly openSid: Uint32Array;
  private readonly openEnd: Float64Array;
  private readonly camStamp: Uint32Array;
  private readonly camSlot: Uint32Array;
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
  /** Path length (m) and (expected) metres inside at least one footprint at the base level. */
  length = 0;
  observed = 0;
  /** Longest stretch (m) seen by no camera of weight > 0. */
  longestGap = 0;

  constructor(profile: StreetExposureProfile, edgeLength: Float64Array, capabilities: Uint8Array, resolved: ResolvedScoring) {
    this.profile = profile;
    this.edgeLength = edgeLength;
    this.capabilities = capabilities;
    this.r = resolved;
    const n = capabilities.length;
    this.openStamp = new Uint32Array(n);
    this.openSid = new Uint32Array(n);
    this.openEnd = new Float64Array(n);
    this.camStamp = new Uint32Array(n);
    this.camSlot = new Uint32Array(n);
  }

  private newStamp(): void {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.openStamp.fill(0);
      this.camStamp.fill(0);
      this.stamp = 1;
    }
  }

  /**
   * Scores the trip travelling `arcs[from]` … `arcs[to − 1]` in `mode`.
   * Complexity O(arcs + profile entries on them · log) with small per-arc sorts.
   */
  scoreTrip(arcs: Uint32Array, from: number, to: number, mode: number): void {
    this.newStamp();
    const stamp = this.stamp;
    const p = this.profile;
    const { entryStart, camera, level, s0, s1, frontalUntil, frontalFrom } = p;
    const edgeLength = this.edgeLength;
    const w = this.r.weight;
    const baseLevel = this.r.baseLevel;
    const faceLevel = this.r.faceLevel;
    const openStamp = this.openStamp, openSid = this.openSid, openEnd = this.openEnd;
    const useW = w !== null;
    const binary = this.r.binary;
    let ns = 0;
    let D = 0;
    // Union of the observed intervals along the path (stream sorted by start).
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
      // Base-level block (entries sorted by level first).
      let qb = q0;
      while (qb < q1 && level[qb] === baseLevel) qb++;
      let m = 0;
      if (qb - q0 > this.aCam.length) {
        const cap = qb - q0;
        this.aCam = grow(this.aCam, cap);
        this.aU0 = grow(this.aU0, cap);
        this.aU1 = grow(this.aU1, cap);
        this.aSid = grow(this.aSid, cap);
      }
      const aCam = this.aCam, aU0 = this.aU0, aU1 = this.aU1, aSid = this.aSid;
      for (let q = q0; q < qb; q++) {
        const c = camera[q];
        if (useW && !((w as Float64Array)[c] > 0)) continue;
        const u0 = fwd ? s0[q] : L - s1[q];
        const u1 = fwd ? s1[q] : L - s0[q];
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
        if (openStamp[c] === stamp && Math.abs(openEnd[c] - U0) <= TOUCH_EPS) {
          const sid = openSid[c];
          if (U1 > this.sEnd[sid]) this.sEnd[sid] = U1;
          openEnd[c] = U1;
          aSid[i] = sid;
        } else {
          if (ns >= this.sStart.length) this.growSightings(ns + 1);
          this.sStart[ns] = U0;
          this.sEnd[ns] = U1;
          this.sCam[ns] = c;
          this.sLevel[ns] = baseLevel;
          this.sFrontal[ns] = 0;
          openStamp[c] = stamp;
          openSid[c] = ns;
          openEnd[c] = U1;
          aSid[i] = ns;
          ns++;
        }
      }
      if (!binary && m > 0) expectedObserved += this.expectedCovered(m, w as Float64Array);
      // Higher levels: attach each stretch to the passage of its camera that contains it.
      for (let q = qb; q < q1; q++) {
        const c = camera[q];
        if (useW && !((w as Float64Array)[c] > 0)) continue;
        const lq = level[q];
        const u0 = fwd ? s0[q] : L - s1[q];
        const u1 = fwd ? s1[q] : L - s0[q];
        const mid = 0.5 * (u0 + u1);
        let sid = -1;
        for (let i = 0; i < m; i++) {
          if (aCam[i] === c && aU0[i] - TOUCH_EPS <= mid && mid <= aU1[i] + TOUCH_EPS) {
            sid = aSid[i];
            break;
          }
        }
        if (sid < 0) continue; // a stretch outside the base footprint cannot happen for nested footprints
        if (lq > this.sLevel[sid]) this.sLevel[sid] = lq;
        if (lq === faceLevel && (fwd ? frontalUntil[q] > s0[q] : frontalFrom[q] < s1[q])) this.sFrontal[sid] = 1;
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
    const w = this.r.weight;
    const caps = this.capabilities;
    const { faceLevel, plateLevel, faceRate, plateRate } = this.r;
    const camStamp = this.camStamp, camSlot = this.camSlot;
    const stamp = this.stamp;
    let sightings = 0;
    let identified = 0;
    let logNot = 0;
    let searches = 0;
    let nd = 0;
    if (this.dCam.length < ns) {
      this.dCam = grow(this.dCam, ns);
      this.dMiss = grow(this.dMiss, ns);
    }
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
        if ((caps[c] & CAPABILITY_PLATE) !== 0 && this.sLevel[s] >= plateLevel) pid = plateRate * wc;
      }
      this.sPId[s] = pid;
      this.sW[s] = wc;
      sightings += wc;
      identified += pid;
      logNot += pid >= 1 ? -Infinity : Math.log1p(-pid);
      if (camStamp[c] !== stamp) {
        camStamp[c] = stamp;
        camSlot[c] = nd;
        this.dCam[nd] = c;
        this.dMiss[nd] = 1 - wc;
        nd++;
      } else {
        this.dMiss[camSlot[c]] *= 1 - wc;
      }
    }
    let distinct = 0;
    for (let i = 0; i < nd; i++) distinct += 1 - this.dMiss[i];
    this.sightings = sightings;
    this.identified = identified;
    this.logNotIdentified = logNot;
    this.searches = searches;
    this.numDistinct = nd;
    this.distinct = distinct;
  }
}

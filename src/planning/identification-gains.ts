/**
 * The identification objective of optimisePlacement: the expected number of
 * trips identified at least once, with the exposure layer's sighting model
 * (street exposure profile → sightings → per-capture identification
 * probabilities).
 *
 * For trip t and camera c let q(t, c) = 1 − Π (1 − p) over c's captures of
 * t (p = the capture's `pIdentify`): the probability that c identifies t at
 * least once. Captures are independent in the model, so a set S identifies
 * t with probability 1 − Π_{c ∈ S} (1 − q(t, c)), and the objective
 * f(S) = Σ_t [1 − Π_{c ∈ S} (1 − q(t, c))] is monotone and submodular. The
 * marginal gain of c given S is Σ_t miss_t(S) · q(t, c), with
 * miss_t(S) = Π_{c' ∈ S} (1 − q(t, c')): exact, no sampling.
 */
import { type CameraSet } from '../cameras/index.js';
import { type BuildingSet, type City } from '../city/index.js';
import { type CoverageLevel } from '../coverage/index.js';
import { computeSightings, computeStreetExposureProfile } from '../exposure/index.js';
import { type StreetNetwork, type TripSet } from '../mobility/index.js';

/** Per-candidate trip lists with identification probabilities, and the trips' miss probabilities under the existing cameras. */
export interface IdentificationTable {
  /** Trips seen by camera c: trips[start[c] … start[c + 1] − 1], with q (probability c identifies the trip at least once). */
  start: Uint32Array;
  trip: Uint32Array;
  q: Float64Array;
  /** Probability each trip escapes the existing cameras (1 without). */
  miss: Float64Array;
  /** Expected trips identified by the existing cameras. */
  baseValue: number;
}

/**
 * Builds the table for cameras 0 … numCandidates − 1 of `all` (the
 * candidates); cameras from numCandidates on are the existing ones.
 */
export function identificationTable(
  all: CameraSet,
  numCandidates: number,
  city: City,
  trips: TripSet,
  network: StreetNetwork,
  level: CoverageLevel,
  occlusion: boolean,
  buildings: BuildingSet | null,
): IdentificationTable {
  const idLevel: CoverageLevel = level === 'range' ? 'identify' : level;
  const levels: CoverageLevel[] = ['range', idLevel];
  const profile = computeStreetExposureProfile(all, city, { levels, occlusion, ...(buildings ? { buildings } : {}) });
  const s = computeSightings(trips, profile, all, { network, faceLevel: idLevel, plateLevel: idLevel });
  const n = all.numCameras;
  const numTrips = trips.numTrips;
  const miss = new Float64Array(numTrips).fill(1);
  // Per trip: each camera's log-miss over its captures, then the (trip, camera) pairs.
  const pairTrip: number[] = [];
  const pairCam: number[] = [];
  const pairQ: number[] = [];
  const logMiss = new Float64Array(n);
  const seenAt = new Int32Array(n).fill(-1);
  const cams: number[] = [];
  for (let t = 0; t < numTrips; t++) {
    cams.length = 0;
    for (let i = s.tripStart[t]; i < s.tripStart[t + 1]; i++) {
      const c = s.camera[i];
      const p = s.pIdentify[i];
      if (!(p > 0)) continue;
      if (seenAt[c] !== t) {
        seenAt[c] = t;
        logMiss[c] = 0;
        cams.push(c);
      }
      logMiss[c] += p >= 1 ? -Infinity : Math.log1p(-p);
    }
    for (const c of cams) {
      const q = -Math.expm1(logMiss[c]);
      if (c >= numCandidates) miss[t] *= 1 - q;
      else {
        pairTrip.push(t);
        pairCam.push(c);
        pairQ.push(q);
      }
    }
  }
  const start = new Uint32Array(numCandidates + 1);
  for (const c of pairCam) start[c + 1]++;
  for (let c = 0; c < numCandidates; c++) start[c + 1] += start[c];
  const fill = start.slice(0, numCandidates);
  const trip = new Uint32Array(pairCam.length);
  const q = new Float64Array(pairCam.length);
  for (let k = 0; k < pairCam.length; k++) {
    const at = fill[pairCam[k]]++;
    trip[at] = pairTrip[k];
    q[at] = pairQ[k];
  }
  let baseValue = 0;
  for (let t = 0; t < numTrips; t++) baseValue += 1 - miss[t];
  return { start, trip, q, miss, baseValue };
}

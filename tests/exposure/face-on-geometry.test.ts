/**
 * The exposure model's face-on test is the full-view geometry: a walker's
 * sighting identifies only where the walker faces the camera (the street
 * exposure profile's frontalUntil / frontalFrom). Summed over the streets,
 * the face-on stretches of the profile are exactly the walking-direction
 * face-on lengths of computeFullViewCoverage (a separate implementation:
 * pieces classified at their midpoints by the angle to each covering camera).
 */
import { describe, expect, test } from 'vitest';
import { createCameraSet, createRng, generateGridCity, type CameraInput } from '../../src/index.js';
import { computeFullViewCoverage, computeStreetExposureProfile, EXPOSURE_PROFILE_DEFAULTS, FULL_VIEW_COVERAGE_DEFAULTS, PROFILE_LEVELS, type StreetExposureProfile } from '../../src/exposure/index.js';

/** Length of the union of intervals [a, b] (unsorted). */
function unionLength(iv: [number, number][]): number {
  const s = iv.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0, cs = -Infinity, ce = -Infinity;
  for (const [a, b] of s) {
    if (a > ce) {
      if (ce > cs) total += ce - cs;
      cs = a;
      ce = b;
    } else if (b > ce) ce = b;
  }
  if (ce > cs) total += ce - cs;
  return total;
}

/** Forward and backward face-on metres at the identify level, read from the profile's entries. */
function profileFaceOn(p: StreetExposureProfile): { forward: number; backward: number } {
  const identify = PROFILE_LEVELS.indexOf('identify');
  let forward = 0, backward = 0;
  for (let e = 0; e < p.numEdges; e++) {
    const fw: [number, number][] = [];
    const bw: [number, number][] = [];
    for (let q = p.entryStart[e]; q < p.entryStart[e + 1]; q++) {
      if (p.level[q] !== identify) continue;
      fw.push([p.s0[q], Math.min(p.s1[q], p.frontalUntil[q])]);
      bw.push([Math.max(p.s0[q], p.frontalFrom[q]), p.s1[q]]);
    }
    forward += unionLength(fw);
    backward += unionLength(bw);
  }
  return { forward, backward };
}

describe('the exposure profile faces the camera exactly where full-view coverage says a walker is face-on', () => {
  test('one θ for both (the profile reads the full-view default)', () => {
    expect(EXPOSURE_PROFILE_DEFAULTS.faceAngle).toBe(FULL_VIEW_COVERAGE_DEFAULTS.effectiveAngle);
  });

  for (const [occlusion, theta] of [[false, 45], [true, 45], [false, 30], [true, 60]] as const) {
    test(`random cameras on a grid city, occlusion ${occlusion}, θ = ${theta}°`, () => {
      const city = generateGridCity({ boundary: [0, 0, 1200, 1200], seed: 3 });
      const rng = createRng('face-on').stream('cameras');
      const inputs: CameraInput[] = [];
      for (let i = 0; i < 400; i++) inputs.push({ x: rng.uniform(0, 1200), y: rng.uniform(0, 1200), heading: rng.uniform(0, 360), fov: rng.uniform(20, 360), range: rng.uniform(15, 90), resolutionPx: 3840 });
      const cameras = createCameraSet(inputs);
      const profile = computeStreetExposureProfile(cameras, city, { levels: ['range', 'identify'], occlusion, faceAngle: theta });
      const fv = computeFullViewCoverage(cameras, { city, level: 'identify', occlusion, effectiveAngle: theta, samples: 0 }).streets!;
      const p = profileFaceOn(profile);
      expect(p.forward).toBeGreaterThan(20); // something to compare
      expect(fv.forwardLength).toBeCloseTo(p.forward, 6);
      expect(fv.backwardLength).toBeCloseTo(p.backward, 6);
    });
  }
});

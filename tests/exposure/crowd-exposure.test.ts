import { describe, expect, it } from 'vitest';
import { crowdExposure, CROWD_DEFAULTS } from '../../src/exposure/crowd-exposure.js';
import { EXPOSURE_PROFILE_DEFAULTS } from '../../src/exposure/street-exposure-profile.js';
import { RECOGNITION_PRESETS, falseAlertProbability } from '../../src/exposure/recognition.js';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { createBuildingSet } from '../../src/city/building-set.js';
import { effectiveRadius } from '../../src/coverage/footprints.js';
import type { CameraSet } from '../../src/cameras/camera-set.js';

const TPR = RECOGNITION_PRESETS['nist-video-noncooperative'].truePositiveRate;
const Q = (45 / 180) * TPR; // default face angle 45°, one view

/** Number of footprints (at `level`) containing (x, y), computed from first principles. */
function depth(cams: CameraSet, ids: number[], level: 'range' | 'identify', x: number, y: number, avail?: number[]): number[] {
  const inside: number[] = [];
  for (const i of ids) {
    const r = effectiveRadius(cams, i, level);
    const dx = x - cams.x[i];
    const dy = y - cams.y[i];
    const d = Math.hypot(dx, dy);
    if (d > r) continue;
    if (cams.fov[i] < 360) {
      const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360; // clockwise from north
      let diff = Math.abs(bearing - cams.heading[i]) % 360;
      if (diff > 180) diff = 360 - diff;
      if (diff > cams.fov[i] / 2) continue;
    }
    inside.push(avail ? avail[i] : 1);
  }
  return inside;
}

/** Grid oracle over a box: mean captured and identified shares. */
function gridOracle(cams: CameraSet, box: [number, number, number, number], captureIds: number[], identifyIds: number[], q: number, avail?: number[], steps = 400) {
  let cap = 0;
  let idf = 0;
  const [x0, y0, x1, y1] = box;
  for (let a = 0; a < steps; a++) {
    for (let b = 0; b < steps; b++) {
      const x = x0 + ((a + 0.5) * (x1 - x0)) / steps;
      const y = y0 + ((b + 0.5) * (y1 - y0)) / steps;
      // Independent failures: P(no capture) = Π(1 − a_i); P(not identified) = Π(1 − a_i·q).
      let noCap = 1;
      for (const w of depth(cams, captureIds, 'range', x, y, avail)) noCap *= 1 - w;
      let noId = 1;
      for (const w of depth(cams, identifyIds, 'identify', x, y, avail)) noId *= 1 - w * q;
      cap += 1 - noCap;
      idf += 1 - noId;
    }
  }
  return { captured: cap / (steps * steps), identified: idf / (steps * steps) };
}

const base: Partial<CameraInput> = { resolutionPx: 3840, height: 4, tilt: 10 };
function cams(): CameraSet {
  return createCameraSet([
    { ...base, x: 20, y: 20, heading: 45, fov: 60, range: 50, live: true, capabilities: ['face'] },
    { ...base, x: 60, y: 30, heading: 270, fov: 90, range: 40, live: true },
    { ...base, x: 40, y: 70, heading: 180, fov: 40, range: 45, live: false, capabilities: ['face'] },
    { ...base, x: 50, y: 50, heading: 0, fov: 360, range: 12, live: true, capabilities: ['face'] },
  ]);
}

describe('crowdExposure: an area', () => {
  it('takes the face-angle default from the street exposure profile', () => {
    expect(CROWD_DEFAULTS.faceAngle).toBe(EXPOSURE_PROFILE_DEFAULTS.faceAngle);
  });

  it('gives one camera\'s captured share as its sector area over the crowd\'s area (hand-worked)', () => {
    // A 90° sector of radius 40 inside a 200 × 200 box: area π·40²/4 = 1256.64 m² of 40,000 → 3.1416 %.
    const c = createCameraSet([{ x: 100, y: 100, heading: 0, fov: 90, range: 40, resolutionPx: 1920, live: true, capabilities: ['face'] }]);
    const r = crowdExposure(c, { area: [0, 0, 200, 200], numPeople: 10_000 });
    expect(r.geometry).toEqual({ kind: 'area', areaM2: 40_000 });
    expect(r.live.capturedShare).toBeCloseTo((Math.PI * 1600) / 4 / 40_000, 10);
    expect(r.live.captured).toBeCloseTo((10_000 * Math.PI * 1600) / 4 / 40_000, 6);
    // Identify radius at 1920 px, 90°: 1920 / (2·tan 45°·250) = 3.84 m → π·3.84²/4 m², each identified with q = 0.25·0.6.
    const idArea = (Math.PI * 3.84 ** 2) / 4;
    expect(r.live.identifyAtLeast[1]).toBeCloseTo(idArea / 40_000, 10);
    expect(r.live.identifiedShare).toBeCloseTo((idArea / 40_000) * Q, 10);
    expect(r.live.searches).toBeCloseTo(10_000 * (idArea / 40_000) * 0.25, 8);
    expect(r.archive.captured).toBeCloseTo(r.live.captured, 9);
    expect(r.params.perCameraIdentification).toBeCloseTo(Q, 15);
  });

  it('agrees with a grid oracle on overlapping cameras, live and archive', () => {
    const c = cams();
    const box: [number, number, number, number] = [0, 0, 100, 100];
    const r = crowdExposure(c, { area: box, numPeople: 1000 });
    const live = gridOracle(c, box, [0, 1, 3], [0, 3], Q);
    const archive = gridOracle(c, box, [0, 1, 2, 3], [0, 1, 2, 3], Q);
    // Grid of 400 × 400 cells of 0.25 m: boundary error ≲ perimeter·cell/area ≈ 1e-3 of the area.
    expect(r.live.capturedShare).toBeCloseTo(live.captured, 2);
    expect(Math.abs(r.live.identifiedShare - live.identified)).toBeLessThan(2e-4);
    expect(r.archive.capturedShare).toBeCloseTo(archive.captured, 2);
    expect(Math.abs(r.archive.identifiedShare - archive.identified)).toBeLessThan(2e-4);
    expect(r.live.numCaptureCameras).toBe(3);
    expect(r.live.numIdentifyCameras).toBe(2);
    expect(r.archive.numIdentifyCameras).toBe(4);
    expect(r.archive.identified).toBeGreaterThan(r.live.identified);
  });

  it('returns exact expectations under availability (grid oracle with independent failures)', () => {
    const c = cams();
    const box: [number, number, number, number] = [0, 0, 100, 100];
    const avail = [0.9, 0.5, 0.7, 0.2];
    const r = crowdExposure(c, { area: box, numPeople: 1000 }, { availability: avail, views: 3 });
    const q = 1 - (1 - Q) ** 3;
    const archive = gridOracle(c, box, [0, 1, 2, 3], [0, 1, 2, 3], q, avail);
    const live = gridOracle(c, box, [0, 1, 3], [0, 3], q, avail);
    expect(r.archive.capturedShare).toBeCloseTo(archive.captured, 2);
    expect(Math.abs(r.archive.identifiedShare - archive.identified)).toBeLessThan(2e-4);
    expect(r.live.capturedShare).toBeCloseTo(live.captured, 2);
    expect(Math.abs(r.live.identifiedShare - live.identified)).toBeLessThan(2e-4);
    expect(r.params.availability).toBe('per-camera');
    expect(r.params.perCameraIdentification).toBeCloseTo(q, 15);
  });

  it('sees nobody live when no camera streams live, and counts false alerts as searches × P_N', () => {
    const c = createCameraSet([{ x: 0, y: 0, heading: 90, fov: 60, range: 30, resolutionPx: 3840, capabilities: ['face'] }]);
    const r = crowdExposure(c, { area: [[[-10, -20], [40, -20], [40, 20], [-10, 20], [-10, -20]]], numPeople: 500, durationS: 7200 }, { gallerySize: 1e6, model: 'nist-photo-1n' });
    expect(r.live).toMatchObject({ captured: 0, identified: 0, searches: 0, expectedFalseAlerts: 0, numCaptureCameras: 0 });
    expect(r.archive.captured).toBeGreaterThan(0);
    const pN = falseAlertProbability(RECOGNITION_PRESETS['nist-photo-1n'].falsePositivePerEntry, 1e6);
    expect(r.archive.expectedFalseAlerts).toBeCloseTo(r.archive.searches * pN, 12);
    expect(r.params.durationS).toBe(7200);
    expect(r.geometry).toMatchObject({ kind: 'area', areaM2: 2000 });
  });

  it('lets occlusion by buildings hide part of the crowd', () => {
    const c = createCameraSet([{ x: 0, y: 0, heading: 90, fov: 90, range: 50, live: true, capabilities: ['face'] }]);
    // A 10 × 10 m block straight ahead, 10 to 20 m east: the shadow behind it is lost.
    const buildings = createBuildingSet([{ ring: [[10, -5], [20, -5], [20, 5], [10, 5]], height: 10 }]);
    const open = crowdExposure(c, { area: [0, -60, 60, 60], numPeople: 100 });
    const hidden = crowdExposure(c, { area: [0, -60, 60, 60], numPeople: 100 }, { buildings });
    expect(open.params.occlusion).toBe(false);
    expect(hidden.params.occlusion).toBe(true); // on by default when buildings are given
    expect(hidden.live.captured).toBeLessThan(open.live.captured - 100 * 100 / 7200); // at least the block (100 m²) is lost
    const off = crowdExposure(c, { area: [0, -60, 60, 60], numPeople: 100 }, { buildings, occlusion: false });
    expect(off.live.captured).toBeCloseTo(open.live.captured, 12);
    expect(() => crowdExposure(c, { area: [0, -60, 60, 60], numPeople: 100 }, { buildings: {} as never })).toThrow(/crowdExposure: options.buildings/);
  });
});

describe('crowdExposure: a march route', () => {
  it('matches the covered share of the corridor for a disc camera on the route axis (closed form)', () => {
    // Corridor 400 m × 20 m along y = 0; a 360° camera of radius 25 at (200, 0).
    // Covered area = ∫_{−10}^{10} 2√(25² − o²) do = [o√(r² − o²) + r² asin(o/r)]_{−10}^{10}
    //             = 2·(10·√525 + 625·asin(0.4)) = 2·(229.129 + 257.3725) = 973.003 m² of 8,000 m².
    const c = createCameraSet([{ x: 200, y: 0, heading: 0, fov: 360, range: 25, live: true }]);
    const exact = (2 * (10 * Math.sqrt(525) + 625 * Math.asin(0.4))) / 8000;
    const r = crowdExposure(c, { route: [[0, 0], [400, 0]], width: 20, numPeople: 2000 }, { lanes: 64, seed: 3 });
    // Stratified lanes: each stratum's chord varies by < 2.3 m over 0.31 m of offset; error ≪ 1e-3.
    expect(Math.abs(r.live.capturedShare - exact)).toBeLessThan(1e-3);
    expect(r.geometry).toMatchObject({ kind: 'route', length: 400, width: 20, lanes: 64 });
    expect(r.params.seed).toBe('3/lanes');
  });

  it('counts each bend\'s segments at full length (uniform in distance along and offset across)', () => {
    // An L-shaped route with every lane inside one big disc: everybody is captured.
    const c = createCameraSet([{ x: 50, y: 50, heading: 0, fov: 360, range: 500, live: true }]);
    const r = crowdExposure(c, { route: [[0, 0], [100, 0], [100, 100], [100, 100]], width: 10, numPeople: 300 });
    expect(r.live.capturedShare).toBeCloseTo(1, 12);
    expect(r.live.captured).toBeCloseTo(300, 9);
    expect(r.geometry).toMatchObject({ kind: 'route', length: 200 });
  });

  it('is deterministic for a seed', () => {
    const c = cams();
    const a = crowdExposure(c, { route: [[0, 10], [100, 60]], width: 8, numPeople: 100 }, { seed: 'x' });
    const b = crowdExposure(c, { route: [[0, 10], [100, 60]], width: 8, numPeople: 100 }, { seed: 'x' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('crowdExposure: bad input', () => {
  const c = cams();
  it('throws on bad crowds, geometry and options, naming the field', () => {
    expect(() => crowdExposure({} as never, { area: [0, 0, 1, 1], numPeople: 1 })).toThrow(/crowdExposure: cameras must be a CameraSet/);
    expect(() => crowdExposure(c, null as never)).toThrow(/crowdExposure: crowd must be/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 0 })).toThrow(/crowdExposure: crowd.numPeople must be a finite number > 0, got 0/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: Number.NaN })).toThrow(/crowd.numPeople.*NaN/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1, durationS: -5 })).toThrow(/crowd.durationS must be a finite number > 0, got -5/);
    expect(() => crowdExposure(c, { numPeople: 1 } as never)).toThrow(/crowdExposure: crowd must have an area or a route/);
    expect(() => crowdExposure(c, { area: [1, 0, 0, 1], numPeople: 1 })).toThrow(/crowdExposure: crowd.area/);
    expect(() => crowdExposure(c, { area: [[[0, 0], [1, 0]]], numPeople: 1 })).toThrow(/crowdExposure: crowd.area/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], route: [[0, 0], [1, 1]], width: 1, numPeople: 1 } as never)).toThrow(/crowd.route must not be given together with crowd.area/);
    expect(() => crowdExposure(c, { route: [[0, 0]], width: 5, numPeople: 1 })).toThrow(/crowdExposure: crowd.route must have at least two points, got 1/);
    expect(() => crowdExposure(c, { route: [], width: 5, numPeople: 1 })).toThrow(/crowd.route must have at least two points, got 0/);
    expect(() => crowdExposure(c, { route: 'abc' as never, width: 5, numPeople: 1 })).toThrow(/crowd.route/);
    expect(() => crowdExposure(c, { route: [[0, 0], [1, Number.NaN]], width: 5, numPeople: 1 })).toThrow(/crowd.route\[1\]\[1\] must be a finite number, got NaN/);
    expect(() => crowdExposure(c, { route: [[0, 0], [3]], width: 5, numPeople: 1 })).toThrow(/crowd.route\[1\] must be an \[x, y\] point/);
    expect(() => crowdExposure(c, { route: [[2, 2], [2, 2]], width: 5, numPeople: 1 })).toThrow(/crowd.route must have a positive length, got 0/);
    expect(() => crowdExposure(c, { route: [[0, 0], [5, 0]], width: 0, numPeople: 1 })).toThrow(/crowd.width must be a finite number > 0, got 0/);
    expect(() => crowdExposure(c, { route: [[0, 0], [5, 0]], width: 3, numPeople: 1 }, { lanes: 0 })).toThrow(/options.lanes must be an integer in \[1, 10000\], got 0/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { faceAngle: 0 })).toThrow(/options.faceAngle must be a number of degrees in \(0, 180\], got 0/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { views: 1.5 })).toThrow(/options.views must be an integer >= 1, got 1.5/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { gallerySize: 0.5 })).toThrow(/options.gallerySize must be a finite number >= 1, got 0.5/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { occlusion: true })).toThrow(/options.occlusion needs options.city or options.buildings/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { occlusion: 'yes' as never })).toThrow(/options.occlusion must be a boolean/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { model: 'nope' })).toThrow(/options.model must be a recognition preset name/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { model: { name: 'm', truePositiveRate: 2, falsePositivePerEntry: 0 } })).toThrow(/spec.truePositiveRate must be a probability/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { availability: [0.5] })).toThrow(/crowdExposure: options.availability.length must equal the number of cameras \(4\), got 1/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { availability: 1.5 })).toThrow(/crowdExposure: options.availability/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, { availability: [0.5, 0.5, -1, 0.5] })).toThrow(/crowdExposure: options.availability\[2\] must be a probability in \[0, 1\], got -1/);
    expect(() => crowdExposure(c, { area: [0, 0, 1, 1], numPeople: 1 }, null as never)).toThrow(/crowdExposure: options must be an object/);
  });
});

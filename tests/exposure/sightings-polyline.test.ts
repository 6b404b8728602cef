import { describe, expect, it } from 'vitest';
import { computePolylineSightings } from '../../src/exposure/sightings-polyline.js';
import { computeSightings } from '../../src/exposure/sightings.js';
import { computeStreetExposureProfile } from '../../src/exposure/street-exposure-profile.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { shortestPath } from '../../src/mobility/shortest-paths.js';
import { MODE_CAR, MODE_WALK, type TripSet } from '../../src/mobility/trip-set.js';
import type { PolylineTrips } from '../../src/mobility/polyline-trips.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { createRng } from '../../src/core/random.js';
import { importTrips } from '../../src/mobility/import-trips.js';

const MODEL = { name: 'test', truePositiveRate: 0.8, falsePositivePerEntry: 1e-6 };

function polylines(list: { person: number; mode: number; pts: [number, number][]; times: number[] }[]): PolylineTrips {
  const start = new Uint32Array(list.length + 1);
  const coords: number[] = [];
  const times: number[] = [];
  list.forEach((t, i) => {
    for (const p of t.pts) coords.push(p[0], p[1]);
    times.push(...t.times);
    start[i + 1] = start[i] + t.pts.length;
  });
  return { numTrips: list.length, person: Uint32Array.from(list.map((t) => t.person)), mode: Uint8Array.from(list.map((t) => t.mode)), start, coords: Float64Array.from(coords), times: Float64Array.from(times) };
}

describe('computePolylineSightings', () => {
  /*
   * One camera at (100, 10) looking south (heading 180, fov 180), range 50, very high
   * resolution (identify everywhere in range), face capability. Path along y = 0.
   * Footprint ∩ path: |x − 100| ≤ √(50² − 10²) = √2400 ≈ 48.99 → x ∈ [51.01, 148.99].
   * Walking east from (0,0): camera 100 m along, 10 m across; frontal where
   * s ≤ 100 − 10·cot 45° = 90 → [51.01, 90] has length: frontal.
   * Walking west from (95, 0) to (0, 0): the camera is behind (along −5): limit −15: not frontal.
   */
  const cameras = createCameraSet([{ x: 100, y: 10, heading: 180, fov: 180, range: 50, resolutionPx: 1e6, capabilities: ['face'] }]);
  const r2400 = Math.sqrt(2400);

  it('finds the passage, its times and the frontal half-line (hand-worked)', () => {
    const trips = polylines([
      { person: 0, mode: MODE_WALK, pts: [[0, 0], [200, 0]], times: [86400 + 1000, 86400 + 1200] },
      { person: 1, mode: MODE_WALK, pts: [[95, 0], [0, 0]], times: [0, 95] },
      { person: 2, mode: MODE_CAR, pts: [[0, 0], [120, 0], [200, 0]], times: [0, 10, 20] },
    ]);
    const r = computePolylineSightings(trips, cameras, { recognition: MODEL });
    const s = r.sightings;
    expect(Array.from(s.tripStart)).toEqual([0, 1, 2, 3]);
    expect(s.entryDistance[0]).toBeCloseTo(100 - r2400, 9);
    expect(s.exitDistance[0]).toBeCloseTo(100 + r2400, 9);
    // 1 m/s; day 1; time of day 1000 + 51.01 s.
    expect(s.day[0]).toBe(1);
    expect(s.time[0]).toBeCloseTo(1000 + 100 - r2400, 9);
    expect(s.duration[0]).toBeCloseTo(2 * r2400, 9);
    // Frontal is geometry, computed for every mode (the car faces the camera too; only pedestrians use it).
    expect(Array.from(s.frontal)).toEqual([1, 0, 1]);
    expect(s.level[0]).toBe(4);
    expect(Array.from(s.pIdentify)).toEqual([0.8, 0, 0]);
    // Walking west from x = 95: inside from the start to x = 51.01 → 95 − 51.01 m.
    expect(s.entryDistance[1]).toBe(0);
    expect(s.exitDistance[1]).toBeCloseTo(95 - (100 - r2400), 9);
    // The car's two segments inside one footprint make one passage.
    expect(s.entryDistance[2]).toBeCloseTo(100 - r2400, 9);
    expect(s.exitDistance[2]).toBeCloseTo(100 + r2400, 9);
    expect(s.time[2]).toBeCloseTo((100 - r2400) / 12, 9);
    expect(r.trips.observedLength[0]).toBeCloseTo(2 * r2400, 9);
    // Longest unobserved stretch of trip 0: 0 → 51.01 m = 51.01 s.
    expect(r.trips.longestGap[0]).toBeCloseTo(100 - r2400, 9);
    expect(r.trips.longestGapSeconds[0]).toBeCloseTo(100 - r2400, 9);
    expect(r.trips.pIdentified[0]).toBeCloseTo(0.8, 15);
    expect(r.report).toEqual([]);
  });

  it('scores the output of importTrips (coordinate lists with times)', () => {
    const imported = importTrips([{ coords: [[0, 0, 0], [200, 0, 200]] }], null);
    const r = computePolylineSightings(imported, cameras, { recognition: MODEL });
    expect(r.sightings.numSightings).toBe(1);
    expect(r.sightings.time[0]).toBeCloseTo(100 - r2400, 9);
    expect(r.sightings.pIdentify[0]).toBe(0.8);
  });

  it('reports zero-length trips, sees nothing with cameras down, and rejects bad input', () => {
    const trips = polylines([
      { person: 0, mode: MODE_WALK, pts: [[5, 5], [5, 5]], times: [0, 10] },
      { person: 0, mode: MODE_WALK, pts: [[0, 0], [200, 0]], times: [0, 200] },
    ]);
    const r = computePolylineSightings(trips, cameras, { cameraUp: Uint8Array.from([0]) });
    expect(r.report).toEqual([{ trip: 0, reason: 'zero length (all points coincide): not scored' }]);
    expect(r.sightings.numSightings).toBe(0);
    expect(r.trips.observedLength[1]).toBe(0);
    expect(() => computePolylineSightings(trips, cameras, { occlusion: true })).toThrow(/computePolylineSightings: options.occlusion needs options.city or options.buildings/);
    expect(() => computePolylineSightings(trips, cameras, { faceAngle: 0 })).toThrow(/options.faceAngle must be a number of degrees in \(0, 180\]/);
    expect(() => computePolylineSightings(trips, cameras, { faceLevel: 'x' as never })).toThrow(/options.faceLevel must be one of/);
    expect(() => computePolylineSightings(trips, cameras, { plateReadRate: -1 })).toThrow(/options.plateReadRate must be a probability/);
    expect(() => computePolylineSightings(trips, cameras, { cameraUp: new Uint8Array(3) })).toThrow(/options.cameraUp.length must equal the number of cameras \(1\)/);
    expect(() => computePolylineSightings(trips, {} as never)).toThrow(/cameras must be a CameraSet/);
    expect(() => computePolylineSightings({} as never, cameras)).toThrow(/trips must be PolylineTrips/);
    const bad = polylines([{ person: 0, mode: MODE_WALK, pts: [[0, 0], [NaN, 0]], times: [0, 1] }]);
    expect(() => computePolylineSightings(bad, cameras)).toThrow(/trips.coords\[2\] must be finite numbers/);
    const badT = polylines([{ person: 0, mode: MODE_WALK, pts: [[0, 0], [1, 0]], times: [0, Infinity] }]);
    expect(() => computePolylineSightings(badT, cameras)).toThrow(/trips.times\[1\] must be a finite number, got Infinity/);
    const one = { ...bad, start: Uint32Array.from([0, 1]), numTrips: 1 };
    expect(() => computePolylineSightings(one, cameras)).toThrow(/trips.start\[1\] must leave trip 0 at least 2 points/);
  });

  it('agrees with computeSightings (street exposure profile) on trips that follow the streets', () => {
    const city = generateGridCity({ boundary: [0, 0, 800, 800], blockSize: 100, population: 1000, seed: 2, buildings: false });
    const rng = createRng('poly-vs-profile');
    const cams: CameraInput[] = [];
    for (let i = 0; i < 60; i++) cams.push({ x: rng.uniform(0, 800), y: rng.uniform(0, 800), heading: rng.uniform(0, 360), fov: rng.uniform(40, 110), resolutionPx: 4000, capabilities: i % 2 ? ['face'] : ['plate'] });
    const cameras = createCameraSet(cams);
    const network = buildStreetNetwork(city.streets);
    const profile = computeStreetExposureProfile(cameras, city, { occlusion: false });
    const specs: { arcs: number[]; from: number; mode: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const a = rng.int(network.numNodes), b = rng.int(network.numNodes);
      if (a === b) continue;
      specs.push({ arcs: Array.from(shortestPath(network, a, b).arcs), from: a, mode: i % 2 });
    }
    const pathStart = new Uint32Array(specs.length + 1);
    specs.forEach((s, i) => (pathStart[i + 1] = pathStart[i] + s.arcs.length));
    const lengths = specs.map((s) => s.arcs.reduce((x, a) => x + network.edgeLength[a >> 1], 0));
    const trips: TripSet = {
      numTrips: specs.length, person: Uint32Array.from(specs.map((_, i) => i)), day: new Uint16Array(specs.length), mode: Uint8Array.from(specs.map((s) => s.mode)),
      purpose: new Uint8Array(specs.length), departure: new Float64Array(specs.length).fill(3600), speed: new Float32Array(specs.length).fill(2),
      length: Float64Array.from(lengths), pathStart, pathArcs: Uint32Array.from(specs.flatMap((s) => s.arcs)),
    };
    const viaProfile = computeSightings(trips, profile, cameras, { network, recognition: MODEL });
    const poly = polylines(specs.map((s, i) => {
      const pts: [number, number][] = [[network.x[s.from], network.y[s.from]]];
      const times = [3600];
      let d = 0;
      for (const a of s.arcs) {
        const e = a >> 1;
        const head = a & 1 ? network.edgeSource[e] : network.edgeTarget[e];
        d += network.edgeLength[e];
        pts.push([network.x[head], network.y[head]]);
        times.push(3600 + d / 2);
      }
      return { person: i, mode: s.mode, pts, times };
    }));
    const viaGeometry = computePolylineSightings(poly, cameras, { recognition: MODEL }).sightings;
    expect(viaGeometry.numSightings).toBe(viaProfile.numSightings);
    expect(viaGeometry.numSightings).toBeGreaterThan(10);
    for (let i = 0; i < viaProfile.numSightings; i++) {
      expect(viaGeometry.camera[i]).toBe(viaProfile.camera[i]);
      expect(viaGeometry.entryDistance[i]).toBeCloseTo(viaProfile.entryDistance[i], 6);
      expect(viaGeometry.exitDistance[i]).toBeCloseTo(viaProfile.exitDistance[i], 6);
      expect(viaGeometry.time[i]).toBeCloseTo(viaProfile.time[i], 6);
      expect(viaGeometry.level[i]).toBe(viaProfile.level[i]);
      expect(viaGeometry.frontal[i]).toBe(viaProfile.frontal[i]);
      expect(viaGeometry.pIdentify[i]).toBe(viaProfile.pIdentify[i]);
    }
  });
});

import { describe, expect, test } from 'vitest';
import Graph from 'graphology';
import {
  computeStreetCoverage,
  computeStreetExposureProfile,
  createCameraSet,
  createRng,
  EXPOSURE_PROFILE_DEFAULTS,
  generateGridCity,
  InvalidInputError,
  PROFILE_LEVELS,
  routeExposure,
  streetSegments,
  type CameraInput,
  type StreetExposureProfile,
  type StreetGraph,
} from '../../src/index.js';

/** A street graph of straight segments given as [x0, y0, x1, y1] (source → target as given). */
function streetsOf(segments: [number, number, number, number][]): { streets: StreetGraph } {
  const g = new Graph({ type: 'undirected', multi: false }) as unknown as StreetGraph;
  segments.forEach(([x0, y0, x1, y1], k) => {
    g.addNode(`a${k}`, { x: x0, y: y0 });
    g.addNode(`b${k}`, { x: x1, y: y1 });
    g.addEdgeWithKey(`e${k}`, `a${k}`, `b${k}`, { length: Math.hypot(x1 - x0, y1 - y0), streetClass: 'local', width: 10 });
  });
  return { streets: g };
}

function entriesOf(p: StreetExposureProfile, e: number) {
  const out = [];
  for (let q = p.entryStart[e]; q < p.entryStart[e + 1]; q++) {
    out.push({ camera: p.camera[q], level: PROFILE_LEVELS[p.level[q]], s0: p.s0[q], s1: p.s1[q], frontalUntil: p.frontalUntil[q], frontalFrom: p.frontalFrom[q] });
  }
  return out;
}

/** Angle (degrees) between direction (ux, uy) and the vector from (px, py) to (cx, cy). */
function angleTo(ux: number, uy: number, px: number, py: number, cx: number, cy: number): number {
  const wx = cx - px;
  const wy = cy - py;
  const c = (ux * wx + uy * wy) / Math.hypot(ux, uy) / Math.hypot(wx, wy);
  return (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
}

function testCity(seed: number, numCameras: number) {
  const city = generateGridCity({ boundary: [0, 0, 1500, 1500], seed });
  const rng = createRng(seed).stream('cameras');
  const inputs: CameraInput[] = [];
  for (let i = 0; i < numCameras; i++) {
    inputs.push({ x: rng.uniform(0, 1500), y: rng.uniform(0, 1500), heading: rng.uniform(0, 360), fov: rng.uniform(20, 360), range: rng.uniform(15, 90), resolutionPx: rng.next() < 0.5 ? 1920 : 3840 });
  }
  return { city, cameras: createCameraSet(inputs) };
}

describe('computeStreetExposureProfile: hand-worked cases', () => {
  test('a disc beside a street: one entry, its chord, and the frontal half-lines a ∓ h·cot θ', () => {
    // Edge (0,0) → (100,0); disc r = 20 at (50, 10): chord half-length √(400 − 100) = 17.32 → [32.68, 67.32].
    // a = 50, h = 10, θ = 45° (cot = 1): forward frontal until 40, backward frontal from 60.
    const p = computeStreetExposureProfile(createCameraSet([{ x: 50, y: 10, heading: 0, fov: 360, range: 20 }]), streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range'] });
    const [entry, ...rest] = entriesOf(p, 0);
    expect(rest).toEqual([]);
    expect(entry.camera).toBe(0);
    expect(entry.level).toBe('range');
    expect(entry.s0).toBeCloseTo(50 - Math.sqrt(300), 9);
    expect(entry.s1).toBeCloseTo(50 + Math.sqrt(300), 9);
    expect(entry.frontalUntil).toBeCloseTo(40, 9);
    expect(entry.frontalFrom).toBeCloseTo(60, 9);
    expect(p.observedLength[0]).toBeCloseTo(2 * Math.sqrt(300), 9);
    // θ = 90°: the half-lines meet at the foot of the perpendicular (s = a = 50).
    const q = computeStreetExposureProfile(createCameraSet([{ x: 50, y: 10, heading: 0, fov: 360, range: 20 }]), streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range'], faceAngle: 90 });
    expect(q.frontalUntil[0]).toBeCloseTo(50, 9);
    expect(q.frontalFrom[0]).toBeCloseTo(50, 9);
    // θ = 180°: always facing.
    const all = computeStreetExposureProfile(createCameraSet([{ x: 50, y: 10, heading: 0, fov: 360, range: 20 }]), streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range'], faceAngle: 180 });
    expect(all.frontalUntil[0]).toBe(Infinity);
    expect(all.frontalFrom[0]).toBe(-Infinity);
  });

  test('positions run from the source node: the same street the other way round mirrors s', () => {
    const cams = createCameraSet([{ x: 30, y: 5, heading: 0, fov: 360, range: 10 }]);
    const fwd = computeStreetExposureProfile(cams, streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range'] });
    const back = computeStreetExposureProfile(cams, streetsOf([[100, 0, 0, 0]]), { occlusion: false, levels: ['range'] });
    expect(back.s0[0]).toBeCloseTo(100 - fwd.s1[0], 9);
    expect(back.s1[0]).toBeCloseTo(100 - fwd.s0[0], 9);
    // a = 30, h = 5: forward until 25, backward from 35; reversed: a = 70 → until 65, from 75.
    expect(fwd.frontalUntil[0]).toBeCloseTo(25, 9);
    expect(back.frontalUntil[0]).toBeCloseTo(65, 9);
    expect(back.frontalFrom[0]).toBeCloseTo(75, 9);
  });

  test('half-lines beyond the edge become ±Infinity (holds everywhere / nowhere on the edge)', () => {
    // Camera ahead of the edge's end: a = 150, h = 10 → frontalUntil 140 ≥ 100 → +∞; frontalFrom 160 > 100 → +∞ (never).
    const p = computeStreetExposureProfile(createCameraSet([{ x: 150, y: 10, heading: 270, fov: 60, range: 100 }]), streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range'] });
    expect(p.frontalUntil[0]).toBe(Infinity);
    expect(p.frontalFrom[0]).toBe(Infinity);
    // Camera behind the start: a = −50 → until −60 → −∞ (never); from −40 ≤ 0 → −∞ (always).
    const q = computeStreetExposureProfile(createCameraSet([{ x: -50, y: 10, heading: 90, fov: 60, range: 100 }]), streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range'] });
    expect(q.frontalUntil[0]).toBe(-Infinity);
    expect(q.frontalFrom[0]).toBe(-Infinity);
  });

  test('a wide camera seeing the street twice gives two entries; entries are sorted by level, camera, s0', () => {
    // fov 300 looking south from (50, 5) with r = 30: the blind 60° wedge points north, away from the street, so the
    // street is seen as one stretch; with heading north the blind wedge (south, ±30°) cuts the street in two.
    const cams = createCameraSet([
      { x: 50, y: 5, heading: 0, fov: 300, range: 30 },
      { x: 40, y: -3, heading: 0, fov: 360, range: 10 },
    ]);
    const p = computeStreetExposureProfile(cams, streetsOf([[0, 0, 100, 0]]), { occlusion: false, levels: ['range', 'identify'] });
    const es = entriesOf(p, 0);
    const range0 = es.filter((e) => e.level === 'range' && e.camera === 0);
    expect(range0).toHaveLength(2);
    // Blind wedge: |x − 50| ≤ 5·tan 30° = 2.887 around the foot; disc: |x − 50| ≤ √(900 − 25).
    expect(range0[0].s0).toBeCloseTo(50 - Math.sqrt(875), 9);
    expect(range0[0].s1).toBeCloseTo(50 - 5 * Math.tan(Math.PI / 6), 9);
    expect(range0[1].s0).toBeCloseTo(50 + 5 * Math.tan(Math.PI / 6), 9);
    for (let k = 1; k < es.length; k++) {
      const a = es[k - 1];
      const b = es[k];
      const la = PROFILE_LEVELS.indexOf(a.level);
      const lb = PROFILE_LEVELS.indexOf(b.level);
      expect(la < lb || (la === lb && (a.camera < b.camera || (a.camera === b.camera && a.s0 < b.s0)))).toBe(true);
    }
    expect(p.levels).toEqual([0, 4]);
  });
});

describe('computeStreetExposureProfile agrees with street coverage, routeExposure and brute force', () => {
  test('observedLength per edge and level equals computeStreetCoverage perEdge (with and without occlusion)', () => {
    const { city, cameras } = testCity(2, 400);
    for (const occlusion of [false, true]) {
      const p = computeStreetExposureProfile(cameras, city, { occlusion, levels: ['range', 'observe', 'identify'] });
      expect(p.params.levels).toEqual(['range', 'observe', 'identify']);
      let seen = 0;
      p.params.levels.forEach((level, li) => {
        const s = computeStreetCoverage(cameras, city, { occlusion, level, perEdge: true });
        for (let e = 0; e < p.numEdges; e++) expect(p.observedLength[li * p.numEdges + e]).toBe(s.perEdge![e]);
        seen += s.coveredLength;
      });
      expect(seen).toBeGreaterThan(0);
    }
  });

  test("each edge's entries equal routeExposure's stretches on that edge as a two-point path", () => {
    const { city, cameras } = testCity(3, 300);
    const p = computeStreetExposureProfile(cameras, city, { occlusion: true, levels: ['range'] });
    const segs = streetSegments(city.streets);
    let checked = 0;
    for (let e = 0; e < p.numEdges && checked < 150; e++) {
      const es = entriesOf(p, e);
      if (es.length === 0) continue;
      checked++;
      const c = segs.coords;
      const r = routeExposure(cameras, [[c[4 * e], c[4 * e + 1]], [c[4 * e + 2], c[4 * e + 3]]], { occlusion: true, city });
      expect(r.stretches.length).toBe(es.length);
      r.stretches.forEach((s, k) => {
        expect(s.camera).toBe(es[k].camera);
        expect(s.from).toBeCloseTo(es[k].s0, 6);
        expect(s.to).toBeCloseTo(es[k].s1, 6);
      });
      expect(r.observedLength).toBeCloseTo(p.observedLength[e], 6);
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('frontal half-lines agree with the angle measured by brute force at sampled points', () => {
    const { city, cameras } = testCity(4, 300);
    const segs = streetSegments(city.streets);
    for (const faceAngle of [20, 45, 90, 135]) {
      const p = computeStreetExposureProfile(cameras, city, { occlusion: false, levels: ['range'], faceAngle });
      let checked = 0;
      for (let e = 0; e < p.numEdges; e++) {
        const x0 = segs.coords[4 * e];
        const y0 = segs.coords[4 * e + 1];
        const ux = segs.coords[4 * e + 2] - x0;
        const uy = segs.coords[4 * e + 3] - y0;
        const len = Math.hypot(ux, uy);
        for (let q = p.entryStart[e]; q < p.entryStart[e + 1]; q++) {
          const cam = p.camera[q];
          for (let k = 0; k <= 20; k++) {
            const s = (k / 20) * len;
            const px = x0 + (ux * s) / len;
            const py = y0 + (uy * s) / len;
            const fwd = angleTo(ux, uy, px, py, cameras.x[cam], cameras.y[cam]);
            const back = angleTo(-ux, -uy, px, py, cameras.x[cam], cameras.y[cam]);
            // Skip samples within 1e-6° of the threshold.
            if (Math.abs(fwd - faceAngle) > 1e-6) expect(s <= p.frontalUntil[q]).toBe(fwd <= faceAngle);
            if (Math.abs(back - faceAngle) > 1e-6) expect(s >= p.frontalFrom[q]).toBe(back <= faceAngle);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(1000);
    }
  });

  test('the stated defaults: levels range and identify, occlusion on, face angle 45°', () => {
    const { city, cameras } = testCity(5, 50);
    const p = computeStreetExposureProfile(cameras, city);
    expect(p.params).toMatchObject({ levels: ['range', 'identify'], occlusion: true, faceAngle: 45, numCameras: 50 });
    expect(EXPOSURE_PROFILE_DEFAULTS.faceAngle).toBe(45);
    expect(p.numEdges).toBe(city.streets.size);
    expect(p.entryStart.length).toBe(p.numEdges + 1);
    expect(p.observedLength.length).toBe(2 * p.numEdges);
    // Identify stretches lie within range stretches of the same camera.
    for (let e = 0; e < p.numEdges; e++) {
      const es = entriesOf(p, e);
      for (const id of es.filter((x) => x.level === 'identify')) {
        expect(es.some((r) => r.level === 'range' && r.camera === id.camera && r.s0 <= id.s0 + 1e-9 && id.s1 <= r.s1 + 1e-9)).toBe(true);
      }
    }
  });

  test('no cameras, or no streets: an empty profile, not an error', () => {
    const { city } = testCity(6, 0);
    const p = computeStreetExposureProfile(createCameraSet([]), city);
    expect(p.camera.length).toBe(0);
    expect(p.observedLength.every((v) => v === 0)).toBe(true);
    const none = computeStreetExposureProfile(createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]), streetsOf([]), { occlusion: false });
    expect(none.numEdges).toBe(0);
    expect(none.entryStart).toEqual(new Uint32Array(1));
  });
});

describe('computeStreetExposureProfile: bad input is named', () => {
  const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 90, range: 10 }]);
  const streets = streetsOf([[0, 0, 10, 0]]);
  test.each([
    ['cameras', () => computeStreetExposureProfile({} as never, streets), /computeStreetExposureProfile: cameras must be a CameraSet/],
    ['city', () => computeStreetExposureProfile(cams, {} as never), /computeStreetExposureProfile: city must be a City with a street graph/],
    ['options', () => computeStreetExposureProfile(cams, streets, null as never), /computeStreetExposureProfile: options must be an object/],
    ['levels empty', () => computeStreetExposureProfile(cams, streets, { levels: [] }), /options.levels must be a non-empty array/],
    ['level unknown', () => computeStreetExposureProfile(cams, streets, { levels: ['range', 'see' as never] }), /options.levels\[1\] must be one of/],
    ['level repeated', () => computeStreetExposureProfile(cams, streets, { levels: ['range', 'range'] }), /options.levels\[1\] must not repeat a level/],
    ['occlusion type', () => computeStreetExposureProfile(cams, streets, { occlusion: 1 as never }), /options.occlusion must be a boolean/],
    ['occlusion without buildings', () => computeStreetExposureProfile(cams, streets), /options.occlusion needs the city's buildings or options.buildings/],
    ['faceAngle 0', () => computeStreetExposureProfile(cams, streets, { occlusion: false, faceAngle: 0 }), /options.faceAngle must be a number of degrees in \(0, 180\], got 0/],
    ['faceAngle NaN', () => computeStreetExposureProfile(cams, streets, { occlusion: false, faceAngle: NaN }), /options.faceAngle must be a number of degrees in \(0, 180\], got NaN/],
    ['faceAngle 200', () => computeStreetExposureProfile(cams, streets, { occlusion: false, faceAngle: 200 }), /options.faceAngle/],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(message);
  });
});

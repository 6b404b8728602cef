/**
 * mountOnNearestStreet: cameras move to the kerb of the nearest street and
 * look along it. Expected values are hand-worked from the geometry in the
 * function's documentation; the preset check uses a brute-force nearest
 * segment over every street edge (no index) as its oracle.
 */
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { createCameraSet } from '../../src/cameras/camera-set.js';
import { mountOnNearestStreet, MOUNT_ON_STREET_DEFAULTS } from '../../src/cameras/mount-on-street.js';
import { placeByPopulation } from '../../src/cameras/placement-area.js';
import { createPreset } from '../../src/cameras/presets.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';
import type { StreetGraph } from '../../src/city/city.js';

/** One straight street from (0, 0) to (100, 0), 8 m wide. */
function oneStreet(width = 8): StreetGraph {
  const g = new Graph({ type: 'undirected', multi: true }) as unknown as StreetGraph;
  g.addNode('a', { x: 0, y: 0 });
  g.addNode('b', { x: 100, y: 0 });
  g.addEdge('a', 'b', { length: 100, streetClass: 'local', width });
  return g;
}

/** Brute force: distance from (x, y) to the nearest street edge, over every edge. */
function nearestStreet(g: StreetGraph, x: number, y: number): { d: number; width: number; ux: number; uy: number } {
  let best = { d: Infinity, width: 0, ux: 0, uy: 0 };
  g.forEachEdge((_e, attr, _s, _t, a, b) => {
    const dx = b.x - a.x, dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    if (len2 === 0) return;
    const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
    const d = Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
    if (d < best.d) best = { d, width: attr.width, ux: dx / Math.sqrt(len2), uy: dy / Math.sqrt(len2) };
  });
  return best;
}

describe('mountOnNearestStreet (hand-worked)', () => {
  it('moves a camera 20 m north of an 8 m street to 5 m north of its centreline, looking along it at the point 10 m ahead', () => {
    const cams = createCameraSet([{ x: 40, y: 20, heading: 0, fov: 60, range: 40 }]);
    const r = mountOnNearestStreet(cams, oneStreet(), { rng: createRng(1).stream('m') });
    expect(r).toEqual({ mounted: 1, noStreetNearby: 0 });
    expect(cams.x[0]).toBeCloseTo(40, 12);
    expect(cams.y[0]).toBeCloseTo(4 + MOUNT_ON_STREET_DEFAULTS.kerbOffset, 12);
    // Aim point (40 ± 10, 0): heading 180° − atan(10 / 5) towards +x is 116.57°, towards −x 243.43°.
    const towardsPlusX = 90 + (Math.atan2(5, 10) * 180) / Math.PI;
    const towardsMinusX = 270 - (Math.atan2(5, 10) * 180) / Math.PI;
    expect([towardsPlusX, towardsMinusX].some((h) => Math.abs(cams.heading[0] - h) < 1e-9)).toBe(true);
  });

  it('keeps the camera on its side of the street, and a camera on the line goes to the left side', () => {
    const cams = createCameraSet([
      { x: 30, y: -7, heading: 0, fov: 60, range: 40 },
      { x: 60, y: 0, heading: 0, fov: 60, range: 40 },
    ]);
    mountOnNearestStreet(cams, oneStreet(), { rng: createRng(2).stream('m'), kerbOffset: 2 });
    expect(cams.y[0]).toBeCloseTo(-6, 12);
    expect(cams.y[1]).toBeCloseTo(6, 12);
  });

  it('leaves cameras beyond maxDistance alone and counts them', () => {
    const cams = createCameraSet([{ x: 50, y: 900, heading: 33, fov: 60, range: 40 }]);
    const r = mountOnNearestStreet(cams, oneStreet(), { rng: createRng(1).stream('m') });
    expect(r).toEqual({ mounted: 0, noStreetNearby: 1 });
    expect([cams.x[0], cams.y[0], cams.heading[0]]).toEqual([50, 900, 33]);
  });

  it('walkers approaching the mounted camera face it: the line to the camera is within 45° of their direction over the aim zone', () => {
    const cams = createCameraSet([{ x: 40, y: 20, heading: 0, fov: 60, range: 40 }]);
    mountOnNearestStreet(cams, oneStreet(), { rng: createRng(1).stream('m') });
    const cx = cams.x[0], cy = cams.y[0];
    const dir = cams.heading[0] < 180 ? 1 : -1; // looks towards +x or −x
    for (const d of [6, 10, 13]) {
      const px = cx + dir * d, py = 0; // walker on the centreline d metres ahead, walking towards the camera
      const wx = -dir, wy = 0;
      const lx = cx - px, ly = cy - py;
      const angle = (Math.acos((wx * lx + wy * ly) / Math.hypot(lx, ly)) * 180) / Math.PI;
      expect(angle).toBeLessThanOrEqual(45);
      // ... and the walker is inside the camera's 60° sector.
      const bearing = ((Math.atan2(px - cx, py - cy) * 180) / Math.PI + 360) % 360;
      const off = Math.abs(((bearing - cams.heading[0] + 540) % 360) - 180);
      expect(off).toBeLessThanOrEqual(30);
    }
  });

  it('refuses bad options naming the function and field', () => {
    const cams = createCameraSet([{ x: 0, y: 0, heading: 0, fov: 60, range: 40 }]);
    expect(() => mountOnNearestStreet(cams, oneStreet(), {} as never)).toThrow(/mountOnNearestStreet.*options\.rng/);
    expect(() => mountOnNearestStreet(cams, oneStreet(), { rng: createRng(1), aimDistance: 0 })).toThrow(InvalidInputError);
    expect(() => mountOnNearestStreet(cams, oneStreet(), { rng: createRng(1), kerbOffset: -1 })).toThrow(/options\.kerbOffset/);
    expect(() => placeByPopulation({} as never, 1, { mountOnStreet: 'yes' as never })).toThrow(InvalidInputError);
  });
});

describe.each(['almaty', 'astana'] as const)('preset %s: face-recognition cameras stand at a kerb and look along the street (brute-force oracle)', (name) => {
  it('every face camera is width / 2 + 1 m from its nearest street, looking within 60° of the street axis', () => {
    const p = createPreset(name, { seed: 3, numCameras: name === 'almaty' ? 20_000 : undefined });
    const cams = p.cameras;
    let face = 0, atKerb = 0, alongStreet = 0;
    for (let c = 0; c < cams.numCameras; c++) {
      if ((cams.capabilities[c] & 1) === 0 || (cams.capabilities[c] & 2) !== 0) continue; // face only (not Sergek plate units)
      face++;
      const s = nearestStreet(p.city.streets, cams.x[c], cams.y[c]);
      if (Math.abs(s.d - (s.width / 2 + MOUNT_ON_STREET_DEFAULTS.kerbOffset)) < 1e-6) atKerb++;
      const hx = Math.sin((cams.heading[c] * Math.PI) / 180), hy = Math.cos((cams.heading[c] * Math.PI) / 180);
      const cos = Math.abs(hx * s.ux + hy * s.uy);
      if (cos >= Math.cos((60 * Math.PI) / 180)) alongStreet++;
    }
    expect(face).toBeGreaterThan(100);
    // A kerb point can be nearer to a second street (crossings, narrow blocks), or be moved again by the
    // building step; nearly all stay where they were mounted.
    expect(atKerb / face).toBeGreaterThan(0.9);
    expect(alongStreet / face).toBeGreaterThan(0.9);
  }, 120_000);
});

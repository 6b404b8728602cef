/**
 * Issue 17, friction 7, from the public API: damage aimed at an area (a
 * circle or a polygon) with a share of the units and cameras inside hit.
 * Expected counts come from distances and coordinates computed here, not
 * from the library's membership tests.
 */
import { describe, expect, it } from 'vitest';
import { generateGridCity, placeUniform, InvalidInputError } from '../../src/index.js';
// The network subpath entry (sightline/network), as a user imports it.
import { applyTargetedDamage, buildHierarchicalNetwork, simulateTargetedDamage, NODE_KINDS } from '../../src/network/index.js';

const city = generateGridCity({ boundary: [0, 0, 3000, 3000] });
const cameras = placeUniform([0, 0, 3000, 3000], 1500, { seed: 4 });
const net = buildHierarchicalNetwork(cameras, city, { camerasPerAggregation: 8, maxCamerasPerAggregation: 16, seed: 2 });
const AGG = NODE_KINDS.indexOf('aggregation');

const centre = { x: 1500, y: 1500 };
const radius = 600;
const inCircle = (x: number, y: number) => Math.hypot(x - centre.x, y - centre.y) <= radius;
const unitsIn = (inside: (x: number, y: number) => boolean) => Array.from({ length: net.numNodes }, (_, v) => v).filter((v) => net.nodeKind[v] === AGG && inside(net.nodeX[v], net.nodeY[v]));
const camerasIn = (inside: (x: number, y: number) => boolean) => Array.from({ length: net.numCameras }, (_, c) => c).filter((c) => inside(cameras.x[c], cameras.y[c]));

describe('aimed damage: applyTargetedDamage areas (issue 17)', () => {
  it('every unit and every camera within a circle: all of them go, nothing outside', () => {
    const s = applyTargetedDamage(net, { areas: [{ name: 'centre', circle: { ...centre, radius }, unitShare: 1, cameraShare: 1 }] });
    const units = unitsIn(inCircle);
    const cams = camerasIn(inCircle);
    expect(units.length).toBeGreaterThan(10);
    expect(cams.length).toBeGreaterThan(100);
    expect(new Set(s.damagedUnits)).toEqual(new Set(units));
    for (const c of cams) expect(s.cameraUp[c], `camera ${c}`).toBe(0);
    // Outside the circle, only cameras attached to a unit inside go dark.
    for (let c = 0; c < net.numCameras; c++) if (!inCircle(cameras.x[c], cameras.y[c]) && s.cameraUp[c] === 0) expect(units).toContain(net.cameraNode[c]);
    expect(s.areas).toEqual([{ name: 'centre', unitsInside: units.length, unitsHit: units.length, camerasInside: cams.length, camerasHit: s.damagedCameras.length, camerasDarkInside: cams.length }]);
  });

  it('a share hits exactly that share of the units inside, seeded', () => {
    const units = unitsIn(inCircle);
    const a = applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 0.5 }], seed: 7 });
    expect(a.damagedUnits.length).toBe(Math.round(units.length / 2));
    for (const v of a.damagedUnits) expect(units).toContain(v);
    expect(applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 0.5 }], seed: 7 }).damagedUnitKeys).toEqual(a.damagedUnitKeys);
    expect(applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 0.5 }], seed: 8 }).damagedUnitKeys).not.toEqual(a.damagedUnitKeys);
  });

  it('a polygon (metres) hits the cameras inside it', () => {
    // The square 0–1000 × 0–1000 m.
    const outer = Float64Array.of(0, 0, 1000, 0, 1000, 1000, 0, 1000);
    const s = applyTargetedDamage(net, { areas: [{ polygon: { outer, holes: [] }, cameraShare: 1 }] });
    const inside = camerasIn((x, y) => x > 0 && x < 1000 && y > 0 && y < 1000);
    expect(s.damagedCameras.length).toBe(inside.length);
    expect(new Set(s.damagedCameras)).toEqual(new Set(inside));
  });

  it('totalUnits and totalCameras top the aimed damage up with random draws to the given totals', () => {
    const units = unitsIn(inCircle);
    const s = applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 1 }], totalUnits: units.length + 20, totalCameras: 30 });
    expect(s.damagedUnits.length).toBe(units.length + 20);
    expect(s.damagedCameras.length).toBe(30);
    // The aimed units come first.
    expect(new Set(Array.from(s.damagedUnits.subarray(0, units.length)))).toEqual(new Set(units));
    // A total already reached draws nothing more.
    expect(applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 1 }], totalUnits: 1 }).damagedUnits.length).toBe(units.length);
  });

  it('areas with nothing to hit leave the random damage as it was', () => {
    const plain = applyTargetedDamage(net, { randomUnits: 12, randomCameras: 9, seed: 3 });
    const zero = applyTargetedDamage(net, { randomUnits: 12, randomCameras: 9, seed: 3, areas: [{ circle: { ...centre, radius } }] });
    expect(Array.from(zero.damagedUnits)).toEqual(Array.from(plain.damagedUnits));
    expect(Array.from(zero.damagedCameras)).toEqual(Array.from(plain.damagedCameras));
    expect(plain.areas).toEqual([]);
  });

  it('simulateTargetedDamage takes the same areas (aimed part fixed, random part redrawn)', () => {
    const d = simulateTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 1, cameraShare: 1 }], trials: 5, seed: 1 });
    expect(d.camerasDark.min).toBeGreaterThanOrEqual(camerasIn(inCircle).length);
  });

  it('refuses a bad area, naming the field', () => {
    expect(() => applyTargetedDamage(net, { areas: [{ unitShare: 1 }] })).toThrow(/applyTargetedDamage: options\.areas\[0\] must give exactly one of circle and polygon/);
    expect(() => applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, unitShare: 1.5 }] })).toThrow(/options\.areas\[0\]\.unitShare/);
    expect(() => applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius: -1 } }] })).toThrow(InvalidInputError);
    expect(() => applyTargetedDamage(net, { areas: [{ circle: { ...centre, radius }, share: 1 } as never] })).toThrow(/options\.areas\[0\]\.share/);
    expect(() => applyTargetedDamage(net, { randomUnits: 1, totalUnits: 2 })).toThrow(/options\.totalUnits/);
  });
});

describe('outages aimed at an area: simulateOutages areas (issue 17)', () => {
  it('an area whose units always fail darkens every camera of those units in every trial; without areas the trials are as before', async () => {
    const { simulateOutages, sampleOutageScenario } = await import('../../src/network/index.js');
    const units = unitsIn(inCircle);
    const attached = Array.from({ length: net.numCameras }, (_, c) => c).filter((c) => units.includes(net.cameraNode[c]));
    const base = { trials: 20, seed: 5, nodeOutages: false, linkOutages: false } as const;
    const plain = simulateOutages(net, base);
    const aimed = simulateOutages(net, { ...base, areas: [{ circle: { ...centre, radius }, unitShare: 1 }] });
    for (let t = 0; t < 20; t++) {
      expect(plain.trials!.camerasDark[t]).toBe(0);
      expect(aimed.trials!.camerasDark[t]).toBe(attached.length);
    }
    expect(aimed.params.areas).toEqual([{ name: null, circle: { ...centre, radius }, unitShare: 1, cameraShare: 0 }]);
    expect(plain.params.areas).toBeUndefined();
    // The same trial, replayed.
    const s = sampleOutageScenario(net, { ...base, areas: [{ circle: { ...centre, radius }, unitShare: 1 }] }, 3);
    for (const v of units) expect(s.nodeUp[v]).toBe(0);
  });

  it('a camera share is the per-trial chance of each camera inside being down (mean close to share × cameras inside)', async () => {
    const { simulateOutages } = await import('../../src/network/index.js');
    const inside = camerasIn(inCircle).length;
    const sim = simulateOutages(net, { trials: 400, seed: 9, nodeOutages: false, linkOutages: false, areas: [{ circle: { ...centre, radius }, cameraShare: 0.25 }] });
    const mean = sim.trials!.camerasDark.reduce((a, b) => a + b, 0) / 400;
    // Binomial(inside, 0.25) per trial: the mean of 400 trials is within 4 standard errors.
    const se = Math.sqrt((inside * 0.25 * 0.75) / 400);
    expect(Math.abs(mean - 0.25 * inside)).toBeLessThan(4 * se);
  });
});

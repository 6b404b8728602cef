import { describe, expect, test } from 'vitest';
import polygonClipping, { type Polygon } from 'polygon-clipping';
import { computeCoverage, computeStreetCoverage, createCameraSet, createRng, generateGridCity, type CameraInput } from '../../src/index.js';
import { rankCameraImportance } from '../../src/planning/index.js';
import { multiPolygonArea, sectorRing } from '../coverage/oracles.js';

function randomCameras(seed: number, n: number, box: [number, number, number, number], range: [number, number], onPoles = false): CameraInput[] {
  const rng = createRng(seed);
  const cams: CameraInput[] = [];
  while (cams.length < n) {
    const x = box[0] + rng.next() * (box[2] - box[0]);
    const y = box[1] + rng.next() * (box[3] - box[1]);
    const r = range[0] + rng.next() * (range[1] - range[0]);
    if (onPoles) {
      // Three cameras on one pole, abutting: headings 0/120/240 with fov 120 share edges.
      for (let h = 0; h < 3 && cams.length < n; h++) cams.push({ x, y, heading: h * 120, fov: 120, range: r });
    } else cams.push({ x, y, heading: rng.next() * 360, fov: 30 + rng.next() * 330, range: r });
  }
  return cams;
}

const areaOf = (cams: CameraInput[], options: Parameters<typeof computeCoverage>[1]): number => (cams.length === 0 ? 0 : computeCoverage(createCameraSet(cams), options).coveredArea);

describe('rankCameraImportance: unique area', () => {
  const bounds: [number, number, number, number] = [0, 0, 300, 300];
  for (const [seed, poles] of [[1, false], [2, false], [3, true]] as const) {
    test(`seed ${seed}${poles ? ' (cameras on shared poles)' : ''}: each camera's unique area equals computeCoverage(all) − computeCoverage(all but it)`, () => {
      const cams = randomCameras(seed, 12, [-20, -20, 320, 320], [40, 110], poles);
      const r = rankCameraImportance(createCameraSet(cams), { bounds, removals: 0 });
      const all = areaOf(cams, { bounds });
      expect(r.covered).toBeCloseTo(all, 6);
      expect(r.rows).toHaveLength(12);
      for (const row of r.rows) {
        const lost = all - areaOf(cams.filter((_, i) => i !== row.key), { bounds });
        expect(Math.abs(row.unique - lost)).toBeLessThanOrEqual(1e-6 * all);
        expect(row.share).toBeCloseTo(row.unique / all, 12);
      }
      // Ranked largest first.
      for (let t = 1; t < r.rows.length; t++) expect(r.rows[t].unique).toBeLessThanOrEqual(r.rows[t - 1].unique);
    });
  }

  test('unique areas agree with polygon-clipping: each sector minus the union of the others (polygons with 1,024 vertices per turn)', () => {
    const cams = randomCameras(7, 8, [50, 50, 250, 250], [40, 90]);
    const r = rankCameraImportance(createCameraSet(cams), { bounds: [-1000, -1000, 1000, 1000], removals: 0 });
    const polys: Polygon[] = cams.map((c) => [sectorRing({ x: c.x, y: c.y, heading: c.heading!, fov: c.fov!, range: c.range! }, 1024)]);
    for (const row of r.rows) {
      const i = row.key as number;
      const others = polys.filter((_, j) => j !== i);
      const only = polygonClipping.difference(polys[i], ...others);
      const expected = multiPolygonArea(only);
      // An inscribed polygon with 1,024 vertices per turn misses about (2π/1024)²/6 ≈ 6e-6 of a sector's area.
      expect(Math.abs(row.unique - expected)).toBeLessThanOrEqual(2e-3 * Math.max(expected, 10));
    }
  });

  test('a polygon study area and occlusion by buildings: still computeCoverage(all) − computeCoverage(all but it)', () => {
    const city = generateGridCity({ boundary: [0, 0, 400, 400], blockSize: 100 });
    const cams = randomCameras(9, 10, [0, 0, 400, 400], [50, 150]);
    const opts = { city, occlusion: true, level: 'observe' as const };
    const r = rankCameraImportance(createCameraSet(cams), { ...opts, removals: 0 });
    const all = areaOf(cams, opts);
    expect(r.covered).toBeCloseTo(all, 6);
    for (const row of r.rows) {
      const lost = all - areaOf(cams.filter((_, i) => i !== row.key), opts);
      expect(Math.abs(row.unique - lost)).toBeLessThanOrEqual(1e-6 * Math.max(all, 1));
    }
  });

  test('grouped by a user key: a group\'s unique area is what removing all of its cameras loses', () => {
    const cams = randomCameras(11, 12, [0, 0, 300, 300], [50, 120]);
    const keys = cams.map((_, i) => ['north', 'south', 'east'][i % 3]);
    const r = rankCameraImportance(createCameraSet(cams), { bounds, groupBy: keys, removals: 0 });
    expect(r.params.groupBy).toBe('custom');
    expect(r.rows.map((row) => row.key).sort()).toEqual(['east', 'north', 'south']);
    const all = areaOf(cams, { bounds });
    for (const row of r.rows) {
      expect(row.numCameras).toBe(4);
      const lost = all - areaOf(cams.filter((_, i) => keys[i] !== row.key), { bounds });
      expect(Math.abs(row.unique - lost)).toBeLessThanOrEqual(1e-6 * all);
    }
  });

  test('grouped by operator', () => {
    const cams = randomCameras(12, 9, [0, 0, 300, 300], [50, 120]).map((c, i) => ({ ...c, operator: (i % 2 === 0 ? 'public' : 'private') as 'public' | 'private' }));
    const r = rankCameraImportance(createCameraSet(cams), { bounds, groupBy: 'operator', removals: 0 });
    const all = areaOf(cams, { bounds });
    for (const row of r.rows) {
      const lost = all - areaOf(cams.filter((c) => c.operator !== row.key), { bounds });
      expect(Math.abs(row.unique - lost)).toBeLessThanOrEqual(1e-6 * all);
    }
  });

  test('grouped by command node: cameras without a node form the group "none"', () => {
    const cams = randomCameras(13, 9, [0, 0, 300, 300], [50, 120]).map((c, i) => (i < 6 ? { ...c, nodeId: i % 2 } : c));
    const r = rankCameraImportance(createCameraSet(cams), { bounds, groupBy: 'node', removals: 0 });
    expect(r.rows.map((row) => row.key).sort()).toEqual([0, 1, 'none']);
    const all = areaOf(cams, { bounds });
    const nodeOf = (c: CameraInput): number | string => (c.nodeId === undefined ? 'none' : c.nodeId);
    for (const row of r.rows) {
      const lost = all - areaOf(cams.filter((c) => nodeOf(c) !== row.key), { bounds });
      expect(Math.abs(row.unique - lost)).toBeLessThanOrEqual(1e-6 * all);
    }
  });

  test('the TSDoc example: two discs of radius 10 m, 10 m apart', () => {
    const cameras = createCameraSet([
      { x: 0, y: 0, heading: 0, fov: 360, range: 10 },
      { x: 10, y: 0, heading: 0, fov: 360, range: 10 },
    ]);
    const r = rankCameraImportance(cameras, { bounds: [-50, -50, 50, 50] });
    // Lens of two unit-distance circles: 2r²·acos(d/2r) − (d/2)·√(4r² − d²).
    const lens = 2 * 100 * Math.acos(0.5) - 5 * Math.sqrt(400 - 100);
    expect(r.rows[0].unique).toBeCloseTo(Math.PI * 100 - lens, 9);
    expect(r.covered).toBeCloseTo(2 * Math.PI * 100 - lens, 9);
  });
});

/** Brute-force greedy removal: at each step the unit whose removal (after the earlier ones) loses most. */
function bruteRemoval(numUnits: number, steps: number, value: (removed: Set<number>) => number): { order: number[]; losses: number[] } {
  const removed = new Set<number>();
  const order: number[] = [];
  const losses: number[] = [];
  let current = value(removed);
  for (let s = 0; s < steps; s++) {
    let best = -1;
    let bestLoss = -1;
    for (let u = 0; u < numUnits; u++) {
      if (removed.has(u)) continue;
      const loss = current - value(new Set([...removed, u]));
      if (loss > bestLoss * (1 + 1e-9) + 1e-9) {
        best = u;
        bestLoss = loss;
      }
    }
    removed.add(best);
    order.push(best);
    losses.push(bestLoss);
    current -= bestLoss;
  }
  return { order, losses };
}

describe('rankCameraImportance: greedy removal order', () => {
  for (const seed of [21, 22, 23]) {
    test(`seed ${seed}: by area, the order and the losses equal a brute-force greedy over computeCoverage`, () => {
      const bounds: [number, number, number, number] = [0, 0, 250, 250];
      const cams = randomCameras(seed, 10, [0, 0, 250, 250], [50, 120]);
      const r = rankCameraImportance(createCameraSet(cams), { bounds, removals: 6 });
      const brute = bruteRemoval(10, 6, (removed) => areaOf(cams.filter((_, i) => !removed.has(i)), { bounds }));
      expect(r.removalOrder.map((s) => s.key)).toEqual(brute.order);
      r.removalOrder.forEach((s, t) => expect(Math.abs(s.loss - brute.losses[t])).toBeLessThanOrEqual(1e-6 * r.covered));
      expect(r.removalOrder[5].remaining).toBeCloseTo(areaOf(cams.filter((_, i) => !brute.order.includes(i)), { bounds }), 5);
    });
  }

  test('by area with groups: removing whole groups, in the brute-force order', () => {
    const bounds: [number, number, number, number] = [0, 0, 250, 250];
    const cams = randomCameras(31, 12, [0, 0, 250, 250], [50, 120]);
    const keys = cams.map((_, i) => i % 5);
    const r = rankCameraImportance(createCameraSet(cams), { bounds, groupBy: keys, removals: 3 });
    const brute = bruteRemoval(5, 3, (removed) => areaOf(cams.filter((_, i) => !removed.has(keys[i])), { bounds }));
    expect(r.removalOrder.map((s) => s.key)).toEqual(brute.order);
    r.removalOrder.forEach((s, t) => expect(Math.abs(s.loss - brute.losses[t])).toBeLessThanOrEqual(1e-6 * r.covered));
  });

  test('by street length: unique lengths and the removal order equal brute force over computeStreetCoverage', () => {
    const city = generateGridCity({ boundary: [0, 0, 500, 500], blockSize: 100, buildings: false });
    const cams = randomCameras(41, 10, [0, 0, 500, 500], [60, 140]);
    const lengthOf = (keep: CameraInput[]): number => (keep.length === 0 ? 0 : computeStreetCoverage(createCameraSet(keep), city, { area: city.boundary }).coveredLength);
    const r = rankCameraImportance(createCameraSet(cams), { city, metric: 'streetLength', removals: 5 });
    expect(r.unit).toBe('m');
    const all = lengthOf(cams);
    expect(r.covered).toBeCloseTo(all, 6);
    for (const row of r.rows) expect(row.unique).toBeCloseTo(all - lengthOf(cams.filter((_, i) => i !== row.key)), 6);
    const brute = bruteRemoval(10, 5, (removed) => lengthOf(cams.filter((_, i) => !removed.has(i))));
    expect(r.removalOrder.map((s) => s.key)).toEqual(brute.order);
    r.removalOrder.forEach((s, t) => expect(s.loss).toBeCloseTo(brute.losses[t], 6));
  });

  test('refuses an unknown metric, a bad grouping, a negative removal count and street length without a city', () => {
    const cams = createCameraSet(randomCameras(1, 3, [0, 0, 100, 100], [20, 40]));
    expect(() => rankCameraImportance(cams, { bounds: [0, 0, 100, 100], metric: 'volume' as never })).toThrow(/metric/);
    expect(() => rankCameraImportance(cams, { bounds: [0, 0, 100, 100], groupBy: ['a'] })).toThrow(/groupBy/);
    expect(() => rankCameraImportance(cams, { bounds: [0, 0, 100, 100], groupBy: 'district' as never })).toThrow(/groupBy/);
    expect(() => rankCameraImportance(cams, { bounds: [0, 0, 100, 100], removals: -1 })).toThrow(/removals/);
    expect(() => rankCameraImportance(cams, { bounds: [0, 0, 100, 100], metric: 'streetLength' })).toThrow(/city/);
    expect(() => rankCameraImportance(cams, { bounds: [0, 0, 100, 100], bogus: 1 } as never)).toThrow(/bogus/);
  });
});

test('the attribution pass leaves computeCoverage unchanged: the same covered area, bit for bit, before and after it runs', () => {
  const cams = createCameraSet(randomCameras(5, 40, [0, 0, 400, 400], [40, 120], true));
  const before = computeCoverage(cams, { bounds: [0, 0, 400, 400] });
  const r = rankCameraImportance(cams, { bounds: [0, 0, 400, 400], removals: 3 });
  const after = computeCoverage(cams, { bounds: [0, 0, 400, 400] });
  expect(after).toEqual(before);
  expect(r.covered).toBeCloseTo(before.coveredArea, 6);
});


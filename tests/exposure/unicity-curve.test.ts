/**
 * unicityCurve against a brute-force oracle: when every person has exactly k
 * distinct points, the k points drawn are the whole trace, so a person is
 * unique exactly when no other member of the crowd has all of them (checked
 * here with plain Sets over every pair of people). Hand-worked cells beside.
 */
import { describe, expect, it } from 'vitest';
import { unicityCurve, cellUnits } from '../../src/exposure/unicity-curve.js';
import { createRng } from '../../src/core/random.js';
import type { UnicityPoints } from '../../src/exposure/unicity.js';

/** n people, each with exactly k distinct (camera, hour) points drawn from a small world so that collisions happen. */
function population(n: number, k: number, cameras: number, hours: number, seed: number): { pts: UnicityPoints; traces: string[][] } {
  const rng = createRng(seed);
  const start = new Uint32Array(n + 1);
  const camera: number[] = [];
  const hour: number[] = [];
  const traces: string[][] = [];
  for (let p = 0; p < n; p++) {
    const set = new Set<string>();
    while (set.size < k) set.add(`${rng.int(cameras)},${rng.int(hours)}`);
    const list = [...set];
    traces.push(list);
    for (const s of list) {
      const [c, h] = s.split(',').map(Number);
      camera.push(c);
      hour.push(h);
    }
    start[p + 1] = camera.length;
  }
  return { pts: { numPeople: n, start, camera: Uint32Array.from(camera), hour: Uint32Array.from(hour) }, traces };
}

function bruteForceShare(traces: string[][]): number {
  const sets = traces.map((t) => new Set(t));
  let unique = 0;
  for (let p = 0; p < traces.length; p++) {
    let alone = true;
    for (let q = 0; q < traces.length && alone; q++) if (q !== p && traces[p].every((x) => sets[q].has(x))) alone = false;
    if (alone) unique++;
  }
  return unique / traces.length;
}

describe('unicityCurve', () => {
  it('equals the brute-force share on the whole crowd when every trace has exactly k points', () => {
    // 2 cameras × 3 hours = 6 possible points, 4 per person: C(6,4) = 15 possible traces for 60 people, so many share one.
    const { pts, traces } = population(60, 4, 2, 3, 5);
    const c = unicityCurve(pts, { k: 4, crowdSizes: [10, 30], sampleSize: 1000, seed: 2 });
    expect(c.points.map((p) => p.crowdSize)).toEqual([10, 30, 60]);
    const whole = c.points[2];
    expect(whole.sampled).toBe(60);
    expect(whole.excluded).toBe(0);
    expect(whole.share).toBeCloseTo(bruteForceShare(traces), 12);
    expect(whole.share!).toBeLessThan(1);
    expect(whole.ciLow!).toBeLessThanOrEqual(whole.share!);
    expect(whole.ciHigh!).toBeGreaterThanOrEqual(whole.share!);
  });

  it('coarser units merge points: with every camera in one unit the brute force runs on (unit, hour) traces', () => {
    const { pts } = population(40, 3, 5, 4, 9);
    const unitOf = new Uint32Array(5); // all cameras → unit 0
    const c = unicityCurve(pts, { k: 1, crowdSizes: [], unitOf, sampleSize: 1000, seed: 1 });
    // At k = 1 a person is unique when one random (0, hour) point of theirs is nobody else's: with 40 people
    // over 4 hours every hour is shared, so nobody is unique.
    expect(c.points[0].share).toBe(0);
    expect(c.params.numUnits).toBe(1);
  });

  it('is deterministic for a seed and falls (up to sampling) as the crowd grows', () => {
    const { pts } = population(3000, 4, 4, 4, 11); // C(16, 4) = 1,820 possible traces: few shared among 100, most among 3,000
    const a = unicityCurve(pts, { crowdSizes: [100, 1000], sampleSize: 500, seed: 3 });
    const b = unicityCurve(pts, { crowdSizes: [100, 1000], sampleSize: 500, seed: 3 });
    expect(a).toEqual(b);
    expect(a.points[0].share!).toBeGreaterThan(a.points[2].share!);
  });

  it('reports an unmeasured (null) point, not an error, for a crowd in which nobody was sighted', () => {
    // 3,000 people, only the last one sighted: most nested crowds of 1,000 hold no sighting at all.
    const start = new Uint32Array(3001);
    for (let p = 2999; p < 3000; p++) start[p + 1] = 5;
    for (let p = 0; p < 2999; p++) start[p + 1] = 0;
    start[3000] = 5;
    const pts: UnicityPoints = { numPeople: 3000, start, camera: Uint32Array.of(1, 2, 3, 4, 5), hour: Uint32Array.of(1, 2, 3, 4, 5) };
    const c = unicityCurve(pts, { k: 4, crowdSizes: [1, 2], seed: 4 });
    const empty = c.points.filter((p) => p.sampled === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const p of empty) expect(p).toMatchObject({ share: null, ciLow: null, ciHigh: null, excluded: p.crowdSize });
    expect(c.points[c.points.length - 1]).toMatchObject({ crowdSize: 3000, sampled: 1, share: 1 });
    expect(c.params.numUnits).toBe(5);
  });

  it('refuses bad options naming the field', () => {
    const { pts } = population(5, 2, 3, 3, 1);
    expect(() => unicityCurve(pts, { k: 0 })).toThrow(/unicityCurve: options\.k/);
    expect(() => unicityCurve(pts, { crowdSizes: [0] })).toThrow(/options\.crowdSizes\[0\]/);
    expect(() => unicityCurve(pts, { unitOf: new Uint32Array(1) })).toThrow(/options\.unitOf/);
    expect(() => unicityCurve({} as never)).toThrow(/unicityCurve: points/);
  });
});

describe('cellUnits', () => {
  it('numbers 1 km cells densely in camera order (hand-worked)', () => {
    const r = cellUnits([10, 999, 1001, -1, 500], [10, 20, 30, 40, 1500], 1000);
    // cells (0,0), (0,0), (1,0), (-1,0), (0,1)
    expect(Array.from(r.unitOf)).toEqual([0, 0, 1, 2, 3]);
    expect(r.numUnits).toBe(4);
    expect(() => cellUnits([0], [0], 0)).toThrow(/cellUnits: cellSize/);
    expect(() => cellUnits([0], [NaN], 1)).toThrow(/cellUnits/);
  });
});

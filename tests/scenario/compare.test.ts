import { describe, expect, it } from 'vitest';
import { compareScenarios, InvalidInputError, type ScenarioResult } from '../../src/index.js';

/** A hand-made result holding only what compareScenarios reads. */
function result(name: string, headline: Record<string, number>, rows: { id: string; name: string; coveredFraction: number; numCameras: number; atLeast: number[] }[]): ScenarioResult {
  return {
    format: 'sightline-result',
    formatVersion: 1,
    libraryVersion: '0.1.0',
    name,
    seed: 1,
    inputs: {} as never,
    headline,
    metrics: { districts: { level: 'range', occlusion: false, rows } } as never,
    assumptions: [],
    timings: { totalMs: 0, steps: [] },
  };
}

describe('compareScenarios', () => {
  it('gives b − a and the relative change of every common headline number', () => {
    const a = result('A', { cameras: 6000, coveredFraction: 0.02, zero: 0, onlyA: 1 }, []);
    const b = result('B', { cameras: 28000, coveredFraction: 0.05, zero: 3, onlyB: 2 }, []);
    const d = compareScenarios(a, b);
    // cameras: 28000 − 6000 = 22000, relative 22000 / 6000 = 3.666…
    // coveredFraction: 0.05 − 0.02 = 0.03, relative 0.03 / 0.02 = 1.5
    // zero: 3 − 0 = 3, relative undefined (division by zero) → null
    expect(d.headline).toEqual([
      { key: 'cameras', a: 6000, b: 28000, delta: 22000, relative: 22000 / 6000 },
      { key: 'coveredFraction', a: 0.02, b: 0.05, delta: 0.05 - 0.02, relative: (0.05 - 0.02) / 0.02 },
      { key: 'zero', a: 0, b: 3, delta: 3, relative: null },
    ]);
    expect(d.onlyInA).toEqual(['onlyA']);
    expect(d.onlyInB).toEqual(['onlyB']);
    expect(d.a).toEqual({ name: 'A', seed: 1, libraryVersion: '0.1.0' });
  });

  it('matches districts by id and compares every numeric field, arrays element by element', () => {
    const a = result('A', {}, [
      { id: 'x', name: 'X', coveredFraction: 0.1, numCameras: 10, atLeast: [1, 0.1, 0.01] },
      { id: 'gone', name: 'Gone', coveredFraction: 0, numCameras: 0, atLeast: [1] },
    ]);
    const b = result('B', {}, [
      { id: 'new', name: 'New', coveredFraction: 0, numCameras: 0, atLeast: [1] },
      { id: 'x', name: 'X', coveredFraction: 0.25, numCameras: 4, atLeast: [1, 0.25, 0.05] },
    ]);
    const d = compareScenarios(a, b);
    expect(d.districts).toHaveLength(1);
    const x = Object.fromEntries(d.districts[0].deltas.map((v) => [v.key, v]));
    // 0.25 − 0.1 = 0.15 (relative 1.5); 4 − 10 = −6 (relative −0.6); atLeast[2]: 0.05 − 0.01 = 0.04 (relative 4).
    expect(x.coveredFraction.delta).toBeCloseTo(0.15, 15);
    expect(x.coveredFraction.relative).toBeCloseTo(1.5, 12);
    expect(x.numCameras).toEqual({ key: 'numCameras', a: 10, b: 4, delta: -6, relative: -0.6 });
    expect(x['atLeast[2]'].delta).toBeCloseTo(0.04, 15);
    expect(x['atLeast[2]'].relative).toBeCloseTo(4, 12);
    expect(x['atLeast[0]'].delta).toBe(0);
    expect(d.onlyInA).toEqual(['district:gone']);
    expect(d.onlyInB).toEqual(['district:new']);
  });

  it('rejects something that is not a result', () => {
    expect(() => compareScenarios({} as never, result('B', {}, []))).toThrow(InvalidInputError);
    expect(() => compareScenarios(result('A', {}, []), null as never)).toThrow('compareScenarios: b must be a sightline result (from runScenario or a results.json), got null');
  });
});

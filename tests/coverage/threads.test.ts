/**
 * The parallel engine runs worker threads from the built package
 * (dist/coverage-worker.js), so this test imports dist/ the way a user does,
 * building it first when it is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const root = join(__dirname, '..', '..');
type Pkg = typeof import('../../src/index.js');
let pkg: Pkg;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'coverage-worker.js'))) {
    execSync('npm run build', { cwd: root, stdio: 'ignore', timeout: 300_000 });
  }
  pkg = (await import(join(root, 'dist', 'index.js'))) as Pkg;
}, 300_000);

describe('computeCoverage with worker threads', () => {
  function layout(seed: number, n: number) {
    const rng = pkg.createRng(seed);
    const side = Math.sqrt(n / 180e-6); // Almaty's density: about 180 cameras per km²
    const cams = [];
    for (let i = 0; i < n; i++) {
      cams.push({ x: rng.uniform(0, side), y: rng.uniform(0, side), heading: rng.uniform(0, 360), fov: rng.next() < 0.1 ? 360 : rng.uniform(30, 120), range: rng.uniform(15, 60) });
    }
    return { cameras: pkg.createCameraSet(cams), side };
  }

  test('can use worker threads when running from the build', () => {
    expect(pkg.parallelCoverageAvailable()).toBe(true);
  });

  test('gives byte-identical results with 1, 2, 3 and "auto" threads (several chunks of work)', () => {
    const { cameras, side } = layout(7, 20_000); // 5 chunks of 4,096 footprints
    const one = computeJson(cameras, { bounds: [0, 0, side, side], threads: 1 });
    expect(computeJson(cameras, { bounds: [0, 0, side, side], threads: 2 })).toBe(one);
    expect(computeJson(cameras, { bounds: [0, 0, side, side], threads: 3 })).toBe(one);
    expect(computeJson(cameras, { bounds: [0, 0, side, side] })).toBe(one);
  });

  test('gives byte-identical expectations with availability weights and a polygon study area', () => {
    const { cameras, side } = layout(8, 12_000);
    const area = [[[0, 0], [side, 0], [side, side * 0.7], [side * 0.4, side], [0, side], [0, 0]]];
    const weights = Array.from({ length: cameras.numCameras }, (_, i) => (i % 10) / 10);
    const one = computeJson(cameras, { area, availability: weights, threads: 1 });
    expect(computeJson(cameras, { area, availability: weights, threads: 2 })).toBe(one);
  });

  test('stops its workers on request and starts them again on the next call, with the same result', async () => {
    const { cameras, side } = layout(10, 10_000);
    const before = computeJson(cameras, { bounds: [0, 0, side, side], threads: 2 });
    await pkg.terminateCoverageWorkers();
    expect(computeJson(cameras, { bounds: [0, 0, side, side], threads: 2 })).toBe(before);
    await pkg.terminateCoverageWorkers();
  });

  test('rejects a thread count that is not a positive integer', () => {
    const { cameras } = layout(9, 10);
    expect(() => pkg.computeCoverage(cameras, { bounds: [0, 0, 1, 1], threads: 0 })).toThrow(/computeCoverage: options.threads must be "auto" or an integer in \[1, 64\], got 0/);
    expect(() => pkg.computeCoverage(cameras, { bounds: [0, 0, 1, 1], threads: 1.5 })).toThrow(pkg.InvalidInputError);
  });

  function computeJson(cameras: ReturnType<Pkg['createCameraSet']>, options: Parameters<Pkg['computeCoverage']>[1]): string {
    const r = pkg.computeCoverage(cameras, options);
    return JSON.stringify(r);
  }
});

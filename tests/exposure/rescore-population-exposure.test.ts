import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computePopulationExposure, type PopulationExposure, type PopulationExposureOptions } from '../../src/exposure/population-exposure.js';
import { rescorePopulationExposure, type RescorePopulationExposureOptions } from '../../src/exposure/rescore-population-exposure.js';
import { identifiedFromCounts, logNotIdentifiedFromCounts } from '../../src/exposure/sightings-scorer.js';
import { computeStreetExposureProfile } from '../../src/exposure/street-exposure-profile.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { personChannelDays } from '../../src/retention/person-channels.js';
import * as exposureApi from '../../src/exposure/index.js';

function smallCase() {
  const city = generateGridCity({ boundary: [0, 0, 1500, 1500], blockSize: 100, population: 30_000, seed: 3 });
  const rng = createRng('cams');
  const cams: CameraInput[] = [];
  for (let i = 0; i < 300; i++) {
    const r = rng.next();
    cams.push({
      x: rng.uniform(0, 1500), y: rng.uniform(0, 1500), heading: rng.uniform(0, 360), fov: rng.uniform(40, 100),
      resolutionPx: 3840, capabilities: r < 0.4 ? ['face'] : r < 0.6 ? ['plate'] : r < 0.7 ? ['face', 'plate'] : [],
    });
  }
  const cameras = createCameraSet(cams);
  const network = buildStreetNetwork(city.streets);
  const profile = computeStreetExposureProfile(cameras, city, { occlusion: false });
  const up = new Uint8Array(cameras.numCameras);
  for (let c = 0; c < up.length; c++) up[c] = rng.next() < 0.7 ? 1 : 0;
  return { city, cameras, network, profile, up };
}

const K = smallCase();
const base: PopulationExposureOptions = {
  seed: 5, numResidents: 600, network: K.network, profile: K.profile, keepSightings: true, sample: 150, watchlistSize: 1000, plans: { days: 2 },
};
const compute = (o: Partial<PopulationExposureOptions>) => computePopulationExposure(K.cameras, K.city, { ...base, ...o });

/** The rescoring choices compared with a full computation (TPR and plate read rate 0 and 1 among them). */
const CHOICES: RescorePopulationExposureOptions[] = [
  {},
  { recognition: 'london-met-lfr' },
  { recognition: { name: 'none', truePositiveRate: 0, falsePositivePerEntry: 1e-6 }, plateReadRate: 0 },
  { recognition: { name: 'perfect', truePositiveRate: 1, falsePositivePerEntry: 1e-7 }, plateReadRate: 1, watchlistSize: 5000 },
  { recognition: 'nist-photo-1n', plateReadRate: 0.5, watchlistSize: 20 },
  { plateReadRate: 0.8, watchlistSize: undefined },
];

/** Every path where a and b differ: typed arrays element by element and numbers with Object.is, keys in order. */
function bitDiffs(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 10) return out;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) out.push(`${path}: types differ`);
    else {
      const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
      if (x.length !== y.length) out.push(`${path}: lengths ${x.length} and ${y.length}`);
      else for (let i = 0; i < x.length && out.length <= 10; i++) if (!Object.is(x[i], y[i])) out.push(`${path}[${i}]: ${x[i]} vs ${y[i]}`);
    }
    return out;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    if (!Object.is(a, b)) out.push(`${path}: ${String(a)} vs ${String(b)}`);
    return out;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: array and non-array`);
    return out;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join()} vs ${kb.join()}`);
  for (const k of ka) bitDiffs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  return out;
}

/** A deep copy (typed arrays copied) to check that an input is left alone. */
function deepCopy<T>(v: T): T {
  if (ArrayBuffer.isView(v)) return (v as unknown as Uint8Array).slice() as unknown as T;
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(deepCopy) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
  return out as T;
}

/** Bit-for-bit equal (bitDiffs); with `toEqual`, vitest's deep equality too (slow on these results: a third of a second). */
function expectSame(got: PopulationExposure, want: PopulationExposure, toEqual = false): void {
  expect(bitDiffs(got, want)).toEqual([]);
  if (toEqual) expect(got).toEqual(want);
}

describe('rescorePopulationExposure', () => {
  it('is exported from the exposure layer', () => {
    expect(exposureApi.rescorePopulationExposure).toBe(rescorePopulationExposure);
  });

  it('gives, bit for bit, what computePopulationExposure gives with the new recognition options (every camera up)', () => {
    const r = compute({});
    expect(r.trips.numTrips).toBeGreaterThan(1000);
    expect(r.sightings!.numSightings).toBeGreaterThan(0);
    let face = 0, plate = 0;
    for (let t = 0; t < r.trips.numTrips; t++) {
      face += r.trips.faceSearches[t];
      plate += r.trips.plateCaptures[t];
      // Counts with binary weights, one channel per trip (by mode).
      expect(Number.isInteger(r.trips.faceSearches[t]) && Number.isInteger(r.trips.plateCaptures[t])).toBe(true);
      expect(r.trips.faceSearches[t] === 0 || r.trips.plateCaptures[t] === 0).toBe(true);
    }
    expect(face).toBeGreaterThan(0);
    expect(plate).toBeGreaterThan(0);
    const before = deepCopy(r);
    for (const [i, opts] of CHOICES.entries()) {
      const got = rescorePopulationExposure(r, opts);
      const want = compute(opts as Partial<PopulationExposureOptions>);
      expectSame(got, want, i === 3);
      // The retention layer's per-person channel figures agree too.
      const o = { numPersons: got.numResidents, numDays: got.numDays };
      expect(bitDiffs(personChannelDays(got.trips, o), personChannelDays(want.trips, o))).toEqual([]);
    }
    expect(bitDiffs(r, before)).toEqual([]);
  });

  it('drops the kept sightings with keepSightings: false, as computePopulationExposure without them', () => {
    const r = compute({});
    const got = rescorePopulationExposure(r, { ...CHOICES[1], keepSightings: false });
    expect(got.sightings).toBeNull();
    expect(got.params.sample).toBeNull();
    expectSame(got, compute({ ...(CHOICES[1] as Partial<PopulationExposureOptions>), keepSightings: false }));
    expectSame(rescorePopulationExposure(r, { keepSightings: true, plateReadRate: 0.3 }), compute({ plateReadRate: 0.3 }));
    expect(() => rescorePopulationExposure(got, { keepSightings: true })).toThrow(/rescorePopulationExposure: options.keepSightings can be true only when the exposure kept sightings/);
    expect(() => rescorePopulationExposure(r, { keepSightings: 1 as never })).toThrow(/rescorePopulationExposure: options.keepSightings must be a boolean/);
  });

  it('chains: rescoring a rescored result is rescoring the original', () => {
    const r = compute({});
    const a = rescorePopulationExposure(rescorePopulationExposure(r, CHOICES[3]), CHOICES[1]);
    expectSame(a, rescorePopulationExposure(r, { ...CHOICES[3], ...CHOICES[1] }));
  });

  it('gives the same results with cameraUp (cameras down), with threads 1 and 2', () => {
    const rs = [1, 2].map((threads) => compute({ cameraUp: K.up, threads }));
    expect(rs[0].params.sighting.cameraUp).toBe('per-camera');
    for (const r of rs) {
      const before = deepCopy(r);
      for (const opts of CHOICES) expectSame(rescorePopulationExposure(r, opts), compute({ cameraUp: K.up, threads: r === rs[0] ? 1 : 2, ...opts } as Partial<PopulationExposureOptions>));
      expect(bitDiffs(r, before)).toEqual([]);
    }
    // availability 1 is binary too.
    const one = compute({ availability: 1, keepSightings: false });
    expectSame(rescorePopulationExposure(one, CHOICES[4]), compute({ availability: 1, keepSightings: false, ...CHOICES[4] } as Partial<PopulationExposureOptions>));
  });

  it('rescores from a result computed with a rate of 0 (kept sightings need the cameras then)', () => {
    const zero = { recognition: { name: 'none', truePositiveRate: 0, falsePositivePerEntry: 1e-6 }, plateReadRate: 0 };
    const r = compute(zero);
    const back = { recognition: 'nist-video-noncooperative', plateReadRate: 0.95 };
    expect(() => rescorePopulationExposure(r, back)).toThrow(/rescorePopulationExposure: options.cameras must be given/);
    expectSame(rescorePopulationExposure(r, { ...back, cameras: K.cameras }), compute(back));
    // Without kept sightings the cameras are not needed.
    const noKeep = compute({ ...zero, keepSightings: false });
    expectSame(rescorePopulationExposure(noKeep, back), compute({ ...back, keepSightings: false }));
  });

  it('works out a trip of 2 face captures and 1 plate capture by hand', () => {
    const logNot = logNotIdentifiedFromCounts(2, 1, 0.9, 0.95);
    expect(-Math.expm1(logNot)).toBeCloseTo(1 - 0.1 ** 2 * 0.05, 14);
    expect(identifiedFromCounts(2, 1, 0.9, 0.95)).toBeCloseTo(2 * 0.9 + 0.95, 14);
    expect(logNotIdentifiedFromCounts(2, 0, 1, 0.95)).toBe(-Infinity);
    expect(Object.is(logNotIdentifiedFromCounts(0, 0, 1, 1), 0)).toBe(true);
    expect(Object.is(logNotIdentifiedFromCounts(3, 2, 0, 0), 0)).toBe(true);
    // And on a real trip: the recorded counts give the trip's probability.
    const r = rescorePopulationExposure(compute({ keepSightings: false, watchlistSize: undefined }), { recognition: { name: 'h', truePositiveRate: 0.9, falsePositivePerEntry: 1e-6 }, plateReadRate: 0.95 });
    let seen = 0;
    for (let t = 0; t < r.trips.numTrips; t++) {
      const f = r.trips.faceSearches[t], p = r.trips.plateCaptures[t];
      expect(r.trips.pIdentified[t]).toBeCloseTo(1 - 0.1 ** f * 0.05 ** p, 12);
      if (f === 2 || p === 1) seen++;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('refuses availabilities between 0 and 1, results without the counts and bad options, naming the field', () => {
    const r = compute({ keepSightings: false });
    const avail = compute({ availability: 0.9, keepSightings: false });
    let err: unknown;
    try {
      rescorePopulationExposure(avail, { plateReadRate: 0.5 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(/^rescorePopulationExposure: exposure\.params\.sighting\.availability must be absent/);
    const perCamera = new Float64Array(K.cameras.numCameras).fill(0.8);
    expect(() => rescorePopulationExposure(compute({ availability: perCamera, keepSightings: false }), {})).toThrow(/exposure\.params\.sighting\.availability/);
    const old = { ...r, trips: { ...r.trips, plateCaptures: undefined } } as unknown as PopulationExposure;
    expect(() => rescorePopulationExposure(old, {})).toThrow(/rescorePopulationExposure: exposure\.trips\.plateCaptures must be a Float64Array/);
    expect(() => rescorePopulationExposure(r, undefined as never)).toThrow(/rescorePopulationExposure: options must be an object/);
    expect(() => rescorePopulationExposure(null as never, {})).toThrow(/rescorePopulationExposure: exposure must be an object/);
    expect(() => rescorePopulationExposure(r, { plateReadRate: 1.5 })).toThrow(/rescorePopulationExposure: options.plateReadRate must be/);
    expect(() => rescorePopulationExposure(r, { plateReadRate: Number.NaN })).toThrow(InvalidInputError);
    expect(() => rescorePopulationExposure(r, { watchlistSize: 0.5 })).toThrow(/rescorePopulationExposure: options.watchlistSize must be a finite number >= 1/);
    expect(() => rescorePopulationExposure(r, { watchlistSize: 1e9 })).toThrow(/rescorePopulationExposure: options.watchlistSize must be at most the city's population/);
    expect(() => rescorePopulationExposure(r, { recognition: 'nope' })).toThrow(InvalidInputError);
    expect(() => rescorePopulationExposure(r, { recognition: 3 as never })).toThrow(/options.recognition must be an object/);
    expect(() => rescorePopulationExposure(r, { plateRate: 0.5 } as never)).toThrow(/rescorePopulationExposure: unknown option `plateRate`/);
    expect(() => rescorePopulationExposure(r, { cameras: {} as never })).toThrow(/options.cameras must be a CameraSet/);
    // The same words as computePopulationExposure for the shared checks.
    expect(() => compute({ plateReadRate: 1.5 })).toThrow(/computePopulationExposure: options.plateReadRate must be/);
  });
});

describe('rescorePopulationExposure on worker threads (built package)', () => {
  const distEntry = new URL('../../dist/index.js', import.meta.url);
  const workerFile = new URL('../../dist/population-worker.js', import.meta.url);
  const built = existsSync(fileURLToPath(distEntry)) && existsSync(fileURLToPath(workerFile));
  it.skipIf(!built)('gives the same bits from a result computed on 2 threads as computePopulationExposure on 1 and 2', async () => {
    // The root entry and the sightline/exposure subpath, as a user imports them.
    const pkg = { ...(await import(distEntry.href)), ...(await import(new URL('../../dist/exposure.js', import.meta.url).href)) };
    expect(pkg.parallelPopulationAvailable()).toBe(true);
    const city = pkg.generateGridCity({ boundary: [0, 0, 1500, 1500], blockSize: 100, population: 30_000, seed: 3 });
    const rng = pkg.createRng('cams');
    const cams = [];
    for (let i = 0; i < 300; i++) cams.push({ x: rng.uniform(0, 1500), y: rng.uniform(0, 1500), heading: rng.uniform(0, 360), fov: rng.uniform(40, 100), resolutionPx: 3840, capabilities: rng.next() < 0.5 ? ['face'] : ['plate'] });
    const cameras = pkg.createCameraSet(cams);
    const network = pkg.buildStreetNetwork(city.streets);
    const profile = pkg.computeStreetExposureProfile(cameras, city, { occlusion: false });
    // 5,000 residents ≈ 10,000 plans ≈ 5 chunks: every thread takes chunks.
    const o = { seed: 9, numResidents: 5_000, network, profile, keepSightings: true, sample: 300, watchlistSize: 100 };
    const r2 = pkg.computePopulationExposure(cameras, city, { ...o, threads: 2 });
    for (const opts of CHOICES.slice(1, 4)) {
      const got = pkg.rescorePopulationExposure(r2, opts);
      expect(bitDiffs(got, pkg.computePopulationExposure(cameras, city, { ...o, ...opts, threads: 2 }))).toEqual([]);
      expect(bitDiffs(got, pkg.computePopulationExposure(cameras, city, { ...o, ...opts, threads: 1 }))).toEqual([]);
    }
    await pkg.terminatePopulationWorkers();
  }, 120_000);
});

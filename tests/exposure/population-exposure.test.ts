import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computePopulationExposure } from '../../src/exposure/population-exposure.js';
import { computeTripMetrics, tripCameras } from '../../src/exposure/trip-metrics.js';
import { computeSightings } from '../../src/exposure/sightings.js';
import { computePersonMetrics } from '../../src/exposure/person-metrics.js';
import { computeStreetExposureProfile } from '../../src/exposure/street-exposure-profile.js';
import { buildStreetNetwork } from '../../src/mobility/build-street-network.js';
import { createResidents } from '../../src/mobility/residents.js';
import { planTrips } from '../../src/mobility/trip-plans.js';
import { buildZones } from '../../src/mobility/zones.js';
import { routeTrips } from '../../src/mobility/route-trips.js';
import { generateGridCity } from '../../src/city/generate-grid-city.js';
import { createCameraSet, type CameraInput } from '../../src/cameras/camera-set.js';
import { createRng } from '../../src/core/random.js';
import { InvalidInputError } from '../../src/core/errors.js';

function smallCase() {
  const city = generateGridCity({ boundary: [0, 0, 2000, 2000], blockSize: 100, population: 40_000, seed: 3 });
  const rng = createRng('cams');
  const cams: CameraInput[] = [];
  for (let i = 0; i < 400; i++) {
    const r = rng.next();
    cams.push({
      x: rng.uniform(0, 2000), y: rng.uniform(0, 2000), heading: rng.uniform(0, 360), fov: rng.uniform(40, 100),
      resolutionPx: 3840, capabilities: r < 0.4 ? ['face'] : r < 0.6 ? ['plate'] : [],
    });
  }
  const cameras = createCameraSet(cams);
  const network = buildStreetNetwork(city.streets);
  const profile = computeStreetExposureProfile(cameras, city, { occlusion: false });
  return { city, cameras, network, profile };
}

const base = smallCase();
const opts = { seed: 5, numResidents: 1500, network: base.network, profile: base.profile, keepSightings: true, sample: 200, watchlistSize: 1000 };

describe('computePopulationExposure', () => {
  const r = computePopulationExposure(base.cameras, base.city, opts);

  it('accounts for every plan: routed trips plus reported unreachable ones', () => {
    expect(r.numTrips + r.unreachable.count).toBe(r.numPlans);
    expect(r.numPlans).toBeGreaterThan(1500);
    expect(r.persons.numPersons).toBe(1500);
  });

  it('gives the same per-trip rows as routing every plan at once and scoring with computeTripMetrics', () => {
    // Independent path: the same residents and plans (same seed streams), routed in one call.
    const rng = createRng(5);
    const residents = createResidents(base.city, base.network, { numResidents: 1500, seed: rng.stream('residents') });
    const plans = planTrips(base.city, base.network, residents, { seed: rng.stream('plans') });
    const { trips } = routeTrips(base.network, plans);
    const m = computeTripMetrics(trips, base.profile, base.cameras, { network: base.network });
    expect(Array.from(r.trips.planId)).toEqual(Array.from(trips.planId));
    for (const k of ['sightings', 'identified', 'distinctCameras', 'length', 'observedLength', 'longestGap', 'longestGapSeconds', 'pIdentified', 'faceSearches'] as const) {
      expect(Array.from(r.trips[k])).toEqual(Array.from(m[k]));
    }
    // Each trip's distinct cameras (the pipeline keeps one block of lists per chunk, reached through cameraBlock/cameraRow).
    expect(r.trips.cameraBlocks.length).toBeGreaterThan(1);
    expect(m.cameraBlocks.length).toBe(1);
    for (let t = 0; t < m.numTrips; t++) expect(Array.from(tripCameras(r.trips, t).cameras)).toEqual(Array.from(tripCameras(m, t).cameras));
    const entries = (x: typeof m) => x.cameraBlocks.reduce((a, b) => a + b.start[b.start.length - 1], 0);
    expect(entries(r.trips)).toBe(entries(m));
    expect(() => tripCameras(m, m.numTrips)).toThrow(/tripCameras: t must be a trip index in \[0, \d+\], got \d+/);
    expect(() => tripCameras(m, 0.5)).toThrow(/tripCameras: t must be a trip index/);
    // Person-day rows equal the aggregation of those trips.
    const pd = computePersonMetrics(m, { numPersons: 1500 });
    expect(Array.from(r.persons.pIdentified)).toEqual(Array.from(pd.pIdentified));
    // Kept sightings are those of persons < 200, as computeSightings gives them.
    const s = computeSightings(trips, base.profile, base.cameras, { network: base.network });
    const want: number[] = [];
    for (let i = 0; i < s.numSightings; i++) if (s.person[i] < 200) want.push(s.camera[i]);
    expect(Array.from(r.sightings!.camera)).toEqual(want);
    expect(r.sightings!.numSightings).toBeGreaterThan(0);
  });

  it('drops unreachable plans (a city cut in two along x = 1000 m) and keeps the rows of the routed ones', () => {
    // Every street crossing x = 1000 m removed, and zones snapped to their nearest node in either half
    // (not only the largest component): trips between the halves are unreachable.
    const streets = base.city.streets.copy();
    streets.forEachEdge((e, _a, _s, _t, sa, ta) => {
      if ((sa.x - 1000) * (ta.x - 1000) < 0 || (sa.x === 1000) !== (ta.x === 1000)) streets.dropEdge(e);
    });
    const city = { ...base.city, streets };
    const network = buildStreetNetwork(streets);
    const profile = computeStreetExposureProfile(base.cameras, city, { occlusion: false });
    const zones = buildZones(city, network, { largestComponent: false });
    const o = { seed: 4, numResidents: 800, network, profile, plans: { zones } };
    const cut = computePopulationExposure(base.cameras, city, o);
    expect(cut.unreachable.count).toBeGreaterThan(0);
    expect(cut.numTrips + cut.unreachable.count).toBe(cut.numPlans);
    const rng = createRng(4);
    const residents = createResidents(city, network, { numResidents: 800, seed: rng.stream('residents') });
    const plans = planTrips(city, network, residents, { seed: rng.stream('plans'), zones });
    const routed = routeTrips(network, plans);
    expect(Array.from(cut.unreachable.planIds)).toEqual(Array.from(routed.unreachable.planIds));
    const m = computeTripMetrics(routed.trips, profile, base.cameras, { network });
    expect(Array.from(cut.trips.planId)).toEqual(Array.from(routed.trips.planId));
    for (const k of ['person', 'day', 'mode', 'speed', 'sightings', 'distinctCameras', 'observedFraction', 'longestGapSeconds', 'pIdentified'] as const) {
      expect(Array.from(cut.trips[k])).toEqual(Array.from(m[k]));
    }
    for (let t = 0; t < m.numTrips; t++) expect(Array.from(tripCameras(cut.trips, t).cameras)).toEqual(Array.from(tripCameras(m, t).cameras));
    const pd = computePersonMetrics(m, { numPersons: 800 });
    expect(Array.from(cut.persons.distinctCameras)).toEqual(Array.from(pd.distinctCameras));
    expect(Array.from(cut.persons.longestGapSeconds)).toEqual(Array.from(pd.longestGapSeconds));
  });

  it('summarises person-days with brute-force means and a district table that adds up', () => {
    const n = r.persons.pIdentified.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r.persons.pIdentified[i];
    expect(r.summary.pIdentified.mean).toBeCloseTo(sum / n, 12);
    const sorted = Array.from(r.persons.sightings).sort((a, b) => a - b);
    // simple-statistics' quantileSorted: linear interpolation at index (n − 1)·p (numpy's default, type 7).
    for (const q of [0.1, 0.5, 0.9]) {
      const idx = (n - 1) * q;
      const lo = Math.floor(idx);
      const want = sorted[lo] + (idx - lo) * (sorted[Math.ceil(idx)] - sorted[lo]);
      expect(r.summary.sightings.quantiles[String(q)]).toBeCloseTo(want, 12);
    }
    expect(r.districts.rows.reduce((a, row) => a + row.residents, 0)).toBe(1500);
    const weighted = r.districts.rows.reduce((a, row) => a + row.residents * row.meanSightings, 0) / 1500;
    expect(weighted).toBeCloseTo(r.summary.sightings.mean, 9);
    expect(r.inequality.meanSightings.gini).toBeGreaterThanOrEqual(0);
    expect(r.inequality.meanSightings.gini).toBeLessThan(1);
    expect(r.watchlist!.expectedTrue).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.watchlist!.expectedFalse)).toBe(true);
  });

  it('is deterministic per seed and changes with the seed', () => {
    const again = computePopulationExposure(base.cameras, base.city, opts);
    expect(Array.from(again.trips.pIdentified)).toEqual(Array.from(r.trips.pIdentified));
    expect(JSON.stringify(again.summary)).toBe(JSON.stringify(r.summary));
    const other = computePopulationExposure(base.cameras, base.city, { ...opts, seed: 6 });
    expect(JSON.stringify(other.summary)).not.toBe(JSON.stringify(r.summary));
  });

  it('still accepts the deprecated (city, cameras, options) order for one release, with the same result and a DeprecationWarning', () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => void warnings.push(w);
    process.on('warning', onWarning);
    try {
      const old = computePopulationExposure(base.city, base.cameras, opts);
      expect(JSON.stringify(old.summary)).toBe(JSON.stringify(r.summary));
      expect(Array.from(old.trips.pIdentified)).toEqual(Array.from(r.trips.pIdentified));
    } finally {
      // Warnings are emitted on the next tick.
      return new Promise<void>((done) =>
        setImmediate(() => {
          process.off('warning', onWarning);
          expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual(['DeprecationWarning: computePopulationExposure(city, cameras, options) is deprecated: pass (cameras, city, options)']);
          done();
        }),
      );
    }
  });

  it('gives identical results whatever the thread count (falls back to one thread from the sources)', () => {
    const two = computePopulationExposure(base.cameras, base.city, { ...opts, threads: 2 });
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(r.summary));
    expect(Array.from(two.trips.observedLength)).toEqual(Array.from(r.trips.observedLength));
  });

  it('simulates several days: one row per resident and day, day 1 trips on day 1', () => {
    const d = computePopulationExposure(base.cameras, base.city, { ...opts, numResidents: 300, plans: { days: 2 }, keepSightings: false, watchlistSize: undefined });
    expect(d.numDays).toBe(2);
    expect(d.persons.sightings.length).toBe(600);
    let trips1 = 0;
    for (let t = 0; t < d.trips.numTrips; t++) if (d.trips.day[t] === 1) trips1++;
    let rows1 = 0;
    for (let p = 0; p < 300; p++) rows1 += d.persons.trips[p * 2 + 1];
    expect(rows1).toBe(trips1);
    expect(trips1).toBeGreaterThan(0);
    expect(d.sightings).toBeNull();
    expect(d.watchlist).toBeNull();
  });

  it('rejects bad options, naming the field', () => {
    const c = base.city, k = base.cameras;
    expect(() => computePopulationExposure(k, c, undefined as never)).toThrow(/computePopulationExposure: options must be an object/);
    expect(() => computePopulationExposure(k, c, {} as never)).toThrow(/options.seed must be given/);
    expect(() => computePopulationExposure(k, c, { ...opts, numResidents: 0 })).toThrow(/options.numResidents must be an integer >= 1/);
    expect(() => computePopulationExposure(k, c, { ...opts, threads: 0 })).toThrow(/options.threads must be an integer in \[1, 256\]/);
    expect(() => computePopulationExposure(k, c, { ...opts, keepSightings: 1 as never })).toThrow(/options.keepSightings must be a boolean/);
    expect(() => computePopulationExposure(k, c, { ...opts, sample: -1 })).toThrow(/options.sample must be an integer >= 0/);
    expect(() => computePopulationExposure(k, c, { ...opts, speeds: { walk: 0 } })).toThrow(/options.speeds.walk must be a finite number > 0/);
    expect(() => computePopulationExposure(k, c, { ...opts, watchlistSize: 0.5 })).toThrow(/options.watchlistSize must be a finite number >= 1/);
    expect(() => computePopulationExposure(k, c, { ...opts, watchlistSize: 1e9 })).toThrow(/options.watchlistSize must be at most the city's population/);
    expect(() => computePopulationExposure(k, c, { ...opts, plans: 3 as never })).toThrow(/options.plans must be an object/);
    expect(() => computePopulationExposure(k, null as never, opts)).toThrow(/city must be a City/);
    expect(() => computePopulationExposure(k, c, { ...opts, faceLevel: 'detect' })).toThrow(InvalidInputError);
  });
});

/** Number of zones the pipeline's residents use on this city (the default zones). */
function zoneCount(pkg: Record<string, (...a: unknown[]) => { zones: { numZones: number } }>, city: unknown, network: unknown): number {
  return pkg.createResidents(city, network, { numResidents: 1, seed: 1 }).zones.numZones;
}

describe('computePopulationExposure on worker threads (built package)', () => {
  const distEntry = new URL('../../dist/index.js', import.meta.url);
  const workerFile = new URL('../../dist/population-worker.js', import.meta.url);
  const built = existsSync(fileURLToPath(distEntry)) && existsSync(fileURLToPath(workerFile));
  /** The root entry and the sightline/mobility subpath, as a user imports them. */
  const loadPackage = async () => ({ ...(await import(distEntry.href)), ...(await import(new URL('../../dist/mobility.js', import.meta.url).href)) });
  it.skipIf(!built)('gives byte-identical results on 1, 2 and 3 threads, with and without availability', async () => {
    const pkg = await loadPackage();
    expect(pkg.parallelPopulationAvailable()).toBe(true);
    const city = pkg.generateGridCity({ boundary: [0, 0, 2000, 2000], blockSize: 100, population: 40_000, seed: 3 });
    const rng = pkg.createRng('cams');
    const cams = [];
    for (let i = 0; i < 400; i++) {
      const r = rng.next();
      cams.push({ x: rng.uniform(0, 2000), y: rng.uniform(0, 2000), heading: rng.uniform(0, 360), fov: rng.uniform(40, 100), resolutionPx: 3840, capabilities: r < 0.4 ? ['face'] : r < 0.6 ? ['plate'] : [] });
    }
    const cameras = pkg.createCameraSet(cams);
    const network = pkg.buildStreetNetwork(city.streets);
    const profile = pkg.computeStreetExposureProfile(cameras, city, { occlusion: false });
    // 5,000 residents ≈ 10,000 plans ≈ 5 chunks, so every thread takes chunks; with availability the person
    // pass multiplies miss probabilities, without it it counts cameras (both run on the workers too).
    const dump = (r: Record<string, unknown>) => JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));
    for (const availability of [0.9, undefined]) {
      const o = { seed: 9, numResidents: 5_000, network, profile, keepSightings: true, sample: 500, watchlistSize: 100, availability };
      const one = pkg.computePopulationExposure(cameras, city, { ...o, threads: 1 });
      const want = dump(one);
      for (const threads of [2, 3]) expect(dump(pkg.computePopulationExposure(cameras, city, { ...o, threads }))).toBe(want);
      expect(one.numTrips).toBeGreaterThan(8_000);
      expect(one.trips.cameraBlocks.length).toBeGreaterThan(3);
    }
    // Calls that end by releasing the workers (every call here, with the threshold at 0): the kept workers,
    // told to collect between calls, give the same results call after call.
    const defaults = pkg.POPULATION_EXPOSURE_DEFAULTS as { releaseAfterBytes: number };
    const threshold = defaults.releaseAfterBytes;
    defaults.releaseAfterBytes = 0;
    try {
      const o = { seed: 9, numResidents: 5_000, network, profile, availability: 0.9 };
      const want = dump(pkg.computePopulationExposure(cameras, city, { ...o, threads: 1 }));
      for (let call = 0; call < 3; call++) expect(dump(pkg.computePopulationExposure(cameras, city, { ...o, threads: 2 }))).toBe(want);
    } finally {
      defaults.releaseAfterBytes = threshold;
    }
    // Unreachable plans (the city cut in two, zones snapped in either half): their rows are dropped alike.
    const streets = city.streets.copy();
    streets.forEachEdge((e: string, _a: unknown, _s: unknown, _t: unknown, sa: { x: number }, ta: { x: number }) => {
      if ((sa.x - 1000) * (ta.x - 1000) < 0 || (sa.x === 1000) !== (ta.x === 1000)) streets.dropEdge(e);
    });
    const cutCity = { ...city, streets };
    const cutNetwork = pkg.buildStreetNetwork(streets);
    const cut = {
      seed: 4, numResidents: 3_000, network: cutNetwork, profile: pkg.computeStreetExposureProfile(cameras, cutCity, { occlusion: false }),
      plans: { zones: pkg.buildZones(cutCity, cutNetwork, { largestComponent: false }) },
    };
    const cut1 = pkg.computePopulationExposure(cameras, cutCity, { ...cut, threads: 1 });
    expect(cut1.unreachable.count).toBeGreaterThan(0);
    expect(dump(pkg.computePopulationExposure(cameras, cutCity, { ...cut, threads: 2 }))).toBe(dump(cut1));
    // The trip plans' destinations are drawn on the workers too: a zone without a destination fails as on one thread.
    const zeros = new Float64Array(zoneCount(pkg, city, network));
    const bad = { seed: 9, numResidents: 5_000, network, profile, plans: { attraction: { study: zeros } } };
    const msg = /planTrips: options\.attraction\.study must give some zone other than zone \d+ a positive weight/;
    let err1 = '';
    try {
      pkg.computePopulationExposure(cameras, city, { ...bad, threads: 1 });
    } catch (e) {
      err1 = (e as Error).message;
    }
    expect(err1).toMatch(msg);
    expect(() => pkg.computePopulationExposure(cameras, city, { ...bad, threads: 2 })).toThrow(err1);
    await pkg.terminatePopulationWorkers();
  }, 120_000);
});

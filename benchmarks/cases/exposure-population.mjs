import os from 'node:os';
import { resetPeakRss, runPeakRssMB } from '../lib.mjs';

// Population exposure on the Almaty preset: residents → trip plans → routing → sightings → metrics.
// See benchmarks/plugins.mjs for the interface.

/** Trips per resident and day with planTrips' defaults (measured on the Almaty preset, seed 1: 103,264 plans for 50,000 residents). */
const TRIPS_PER_RESIDENT = 2.065;

export const cases = [
  { name: 'exposure-population-almaty-10k', tags: ['exposure', 'almaty', 'population'] },
  { name: 'exposure-population-almaty-100k', tags: ['exposure', 'almaty', 'population'] },
  {
    name: 'exposure-population-almaty-1thread',
    tags: ['exposure', 'almaty', 'population'],
    target: { seconds: 60, rssMB: 2048, label: '≤ 60 s and ≤ 2 GB for 1,000,000 person-trips routed and scored' },
    limitS: 900,
  },
  {
    name: 'exposure-population-almaty-2threads',
    tags: ['exposure', 'almaty', 'population', 'parallel'],
    target: { rssMB: 2048, label: '≤ 2 GB (the ≥ 1.7× speed-up target is checked below the table)' },
    limitS: 900,
  },
];

export const method = `**Population exposure.** \`computePopulationExposure(city, cameras, { seed: 1, numResidents, network, profile, threads, watchlistSize: 10000 })\` on the Almaty preset (seed 1), with the street network and the street exposure profile (defaults: range + identify, occlusion on) built beforehand, outside the timing (they are built once per camera network; see \`exposure-profile-almaty\`). The timing covers drawing the residents, planning their day of trips (about ${TRIPS_PER_RESIDENT} trips per resident), routing every trip (one shortest-path tree per origin node), scoring every trip against the profile, and the per-person, per-district, inequality and watchlist summaries. The four cases use about 10,000, 100,000 and 1,000,000 person-trips (numResidents = trips / ${TRIPS_PER_RESIDENT}); \`-1thread\` and \`-2threads\` are the 1,000,000-trip run with \`threads: 1\` and \`threads: 2\` (results identical). 10k and 1M: 1 warm-up, 5 runs; 100k: 1 warm-up, 3 runs. Each run's previous result is released before it starts (the harness keeps only a sink), so a run's peak RSS is that of one call; with 2 threads the workers are retired after each 1M call (\`retireAfterBytes\`), releasing the buffers their heaps still held. The speed-up of two threads is the ratio of the two 1M medians (below the table).`;

/** The two-thread speed-up, from the two 1,000,000-trip cases (run in separate processes). */
export function summary(results) {
  const one = results.get('exposure-population-almaty-1thread');
  const two = results.get('exposure-population-almaty-2threads');
  if (!one || !two || typeof one.median !== 'number' || typeof two.median !== 'number') return null;
  const speedup = one.median / two.median;
  return `**Two threads vs one** (1,000,000 person-trips, medians): ${one.median.toFixed(1)} s → ${two.median.toFixed(1)} s, a speed-up of **${speedup.toFixed(2)}×** (target ≥ 1.7×: ${speedup >= 1.7 ? 'met' : 'not met'}).`;
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createPreset', 'buildStreetNetwork', 'computeStreetExposureProfile', 'computePopulationExposure']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  const m = /^exposure-population-almaty-(10k|100k|1thread|2threads)$/.exec(name);
  if (!m) throw new Error(`unknown case ${name}`);
  const trips = m[1] === '10k' ? 10_000 : m[1] === '100k' ? 100_000 : 1_000_000;
  const threads = m[1] === '2threads' ? 2 : 1;
  const { city, cameras } = pkg.createPreset('almaty', { seed });
  const network = pkg.buildStreetNetwork(city.streets);
  const profile = pkg.computeStreetExposureProfile(cameras, city);
  const numResidents = Math.round(trips / TRIPS_PER_RESIDENT);
  const opts = { seed, numResidents, network, profile, threads, watchlistSize: 10_000 };
  // The 1M cases take 5 runs: their ratio is the speed-up target, and a median of 3 moved by ±10 % between full runs.
  const reps = trips === 100_000 ? { warmup: 1, repeats: 3 } : { warmup: 1, repeats: 5 };
  // CPU seconds of the whole process (all threads) per run: the machine may be shared, and wall time then
  // says more about the other load than about this code.
  const cpu = [];
  // Peak RSS of each run on its own (VmHWM reset before the run, Linux): the process-wide peak in the table
  // also holds earlier runs' buffers that V8 has not collected yet (its collector runs late for external memory).
  const runPeaks = [];
  const r = bench(name, () => {
    const reset = resetPeakRss();
    const c0 = process.cpuUsage();
    const out = pkg.computePopulationExposure(city, cameras, opts);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1e6);
    const p = reset ? runPeakRssMB() : null;
    if (p !== null) runPeaks.push(p);
    return out;
  }, reps);
  const firstRunPeak = runPeaks.length > 0 ? runPeaks[0] : null;
  const maxRunPeak = runPeaks.length > 0 ? Math.max(...runPeaks) : null;
  const cpuLast = cpu[cpu.length - 1];
  if (typeof pkg.terminatePopulationWorkers === 'function') await pkg.terminatePopulationWorkers();
  const l = r.last;
  const tps = l.numTrips / r.median;
  return {
    ...timing(r),
    numResidents,
    numPlans: l.numPlans,
    numTrips: l.numTrips,
    unreachable: l.unreachable.count,
    numTrees: l.numTrees,
    tripsPerSecond: tps,
    cpuSeconds: cpuLast,
    runPeakRssMB: maxRunPeak,
    firstRunPeakRssMB: firstRunPeak,
    details:
      `${l.numTrips.toLocaleString('en')} trips of ${numResidents.toLocaleString('en')} residents (${l.unreachable.count} unreachable, ${l.numTrees.toLocaleString('en')} shortest-path trees), ` +
      `${Math.round(tps).toLocaleString('en')} trips/s on ${threads} thread${threads > 1 ? 's' : ''} (CPU ${cpuLast.toFixed(1)} s over all threads, last run; 1-min load average ${os.loadavg()[0].toFixed(1)} at the end); ` +
      `mean sightings per resident-day ${l.summary.sightings.mean.toFixed(1)}, mean P(identified at least once) ${l.summary.pIdentified.mean.toFixed(3)}.` +
      (maxRunPeak !== null ? ` Peak RSS of a run on its own: first (warm-up, fresh process) ${Math.round(firstRunPeak)} MB, largest of the ${runPeaks.length} runs ${Math.round(maxRunPeak)} MB (the table's peak is process-wide over all runs).` : ''),
  };
}

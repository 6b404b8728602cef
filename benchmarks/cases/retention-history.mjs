// Retention history at population scale: 1,000,000 residents, ~2.1 trips each (synthetic seeded columns),
// personChannelDays + personHistory. See benchmarks/plugins.mjs for the interface.

const NUM_RESIDENTS = 1_000_000;

export const cases = [
  {
    name: 'retention-history-1m',
    tags: ['retention', 'population'],
    target: { seconds: 0.3, label: 'personChannelDays + personHistory for 1,000,000 residents ≤ 0.3 s (the full retention analysis has ≤ 1 s)' },
  },
];

export const method = `**Retention history.** Synthetic trips, not the exposure pipeline (which takes about 25 s): ${NUM_RESIDENTS.toLocaleString('en')} residents, 2 trips each plus a third for 10% of them (about 2.1), walk with probability 0.45, expected captures U(0, 6) per trip, identifying captures a U(0, 0.3) share of them, pIdentified = 1 − exp(−identified); seeded with \`createRng(seed)\`, built outside the timing. \`retention-history-1m\` times \`personChannelDays(trips, { numPersons, numDays: 1 })\` followed by \`personHistory(policy, channels, { operatingDays: 365, lookbackDays: 30 })\` (four per-person columns and four summaries with exact quantiles), on the \`almaty-assumed\` retention preset when the package has it; 2 warm-ups, 7 timed runs. The details give \`personHistory\` alone (same repeats).`;

/** Synthetic trips for 1,000,000 residents (also used by retention-analysis.mjs). */
export function synthTrips(pkg, seed) {
  const rng = pkg.createRng(seed).stream('retention-history-trips');
  const counts = new Uint8Array(NUM_RESIDENTS);
  let n = 0;
  for (let p = 0; p < NUM_RESIDENTS; p++) {
    counts[p] = rng.next() < 0.1 ? 3 : 2;
    n += counts[p];
  }
  const person = new Uint32Array(n), day = new Uint16Array(n), mode = new Uint8Array(n);
  const sightings = new Float64Array(n), identified = new Float64Array(n), pIdentified = new Float64Array(n), faceSearches = new Float64Array(n);
  let i = 0;
  for (let p = 0; p < NUM_RESIDENTS; p++) {
    for (let k = 0; k < counts[p]; k++, i++) {
      person[i] = p;
      mode[i] = rng.next() < 0.45 ? 0 : 1;
      sightings[i] = rng.uniform(0, 6);
      identified[i] = sightings[i] * rng.uniform(0, 0.3);
      pIdentified[i] = -Math.expm1(-identified[i]);
      faceSearches[i] = mode[i] === 0 ? sightings[i] * 0.5 : 0;
    }
  }
  return { numTrips: n, person, day, mode, sightings, identified, pIdentified, faceSearches };
}

function policyOf(pkg) {
  if (typeof pkg.retentionPreset === 'function') {
    try {
      return { policy: pkg.retentionPreset('almaty-assumed'), label: 'almaty-assumed preset' };
    } catch {
      // fall through to the inline policy
    }
  }
  const spec = {
    name: 'video 90 days, templates kept',
    rules: {
      camera: { video: { days: 90, readers: ['police'] }, plateReads: { days: 30, copyTo: 'city', readers: ['police'] } },
      city: { faceTemplates: { days: 'forever', readers: ['biometric-platform'] }, sightings: { days: 365, readers: ['police'] }, plateReads: { days: 365, readers: ['police'] } },
    },
  };
  return { policy: pkg.createRetentionPolicy(spec), label: 'inline policy (video 90 d, templates forever)' };
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createRng', 'createRetentionPolicy', 'personChannelDays', 'personHistory']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  if (name !== 'retention-history-1m') return undefined;
  const trips = synthTrips(pkg, seed);
  const { policy, label } = policyOf(pkg);
  const options = { operatingDays: 365, lookbackDays: 30 };
  const r = bench(name, () => {
    const channels = pkg.personChannelDays(trips, { numPersons: NUM_RESIDENTS, numDays: 1 });
    return pkg.personHistory(policy, channels, options);
  }, { warmup: 2, repeats: 7 });
  const channels = pkg.personChannelDays(trips, { numPersons: NUM_RESIDENTS, numDays: 1 });
  const h = bench(`${name}/personHistory`, () => pkg.personHistory(policy, channels, options), { warmup: 2, repeats: 7 });
  const last = h.last;
  const pct = (v) => `${(v * 100).toFixed(1)}%`;
  return {
    ...timing(r),
    numTrips: trips.numTrips,
    personHistoryMedian: h.median,
    meanShare: last.summary.reconstructableShare.mean,
    details: `${NUM_RESIDENTS.toLocaleString('en')} residents, ${trips.numTrips.toLocaleString('en')} trips; ${label}: kept days face ${last.keptDays.face}, plate ${last.keptDays.plate}, video ${last.keptDays.captures}. personHistory alone: median ${(h.median * 1000).toFixed(0)} ms. Mean captures on file ${last.summary.capturesOnFile.mean.toFixed(1)}, mean reconstructable share of the last 30 days ${pct(last.summary.reconstructableShare.mean)}, median P(history on file) ${pct(last.summary.pHistoryOnFile.quantiles['0.5'])}.`,
  };
}

// Retention history at population scale: 1,000,000 residents, ~2.1 trips each (synthetic seeded columns),
// personChannelDays + personHistory. See benchmarks/plugins.mjs for the interface.
import { synthRetentionTrips, SYNTH_TRIPS_METHOD } from '../retention-trips.mjs';

const NUM_RESIDENTS = 1_000_000;

export const cases = [
  {
    name: 'retention-history-1m',
    tags: ['retention', 'population'],
    target: { seconds: 0.3, label: 'personChannelDays + personHistory for 1,000,000 residents ≤ 0.3 s (the full retention analysis has ≤ 1 s)' },
  },
];

export const method = `**Retention history.** ${NUM_RESIDENTS.toLocaleString('en')} residents, ${SYNTH_TRIPS_METHOD}. \`retention-history-1m\` times \`personChannelDays(trips, { numPersons, numDays: 1 })\` followed by \`personHistory(policy, channels, { operatingDays: 365, lookbackDays: 30 })\` (four per-person columns and four summaries with exact quantiles), on the \`almaty-assumed\` retention preset when the package has it; 2 warm-ups, 7 timed runs. The details give \`personHistory\` alone (same repeats).`;

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
  const trips = synthRetentionTrips(pkg, seed, NUM_RESIDENTS);
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

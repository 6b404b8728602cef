// The full retention analysis at Almaty scale: 1,000,000 residents' exposure (synthetic seeded trips) on the
// Almaty preset network — per-person channels, event rates, then analyseRetention (reach, storage, history,
// access) — the issue's ≤ 1 s figure. See benchmarks/plugins.mjs for the interface.
import { synthRetentionTrips, SYNTH_TRIPS_METHOD } from '../retention-trips.mjs';

const NUM_RESIDENTS = 1_000_000;

export const cases = [
  {
    name: 'retention-analysis-1m',
    tags: ['retention', 'population', 'almaty'],
    target: { seconds: 1, label: 'full retention analysis (channels, events, reach, storage, history, access) for 1,000,000 residents on the Almaty network ≤ 1 s' },
  },
];

export const method = `**Full retention analysis.** The Almaty preset and its network (\`buildHierarchicalNetwork(cameras, city, almatyNetworkOptions())\`, not timed) and ${SYNTH_TRIPS_METHOD} for ${NUM_RESIDENTS.toLocaleString('en')} residents. \`retention-analysis-1m\` times what a user runs on top of computed exposure: \`personChannelDays(trips)\`, \`dailyEventRates(trips, { scale })\` and \`analyseRetention(retentionPreset('almaty-assumed'), { network, channels, storage: { events } })\` — reach per kind, storage per tier, kind and node, per-resident history with four summaries, and access for the six built-in principals with the closed-loop check; 2 warm-ups, 7 timed runs. The details split the median by part.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createPreset', 'buildHierarchicalNetwork', 'almatyNetworkOptions', 'createRng', 'retentionPreset', 'personChannelDays', 'dailyEventRates', 'analyseRetention']) {
    if (typeof pkg[f] !== 'function') return skipped(name, f);
  }
  if (name !== 'retention-analysis-1m') return undefined;
  const preset = pkg.createPreset('almaty', { seed });
  const network = pkg.buildHierarchicalNetwork(preset.cameras, preset.city, pkg.almatyNetworkOptions());
  const trips = synthRetentionTrips(pkg, seed, NUM_RESIDENTS);
  const policy = pkg.retentionPreset('almaty-assumed');
  const scale = preset.city.population.total / NUM_RESIDENTS;
  const parts = { channels: [], events: [], reach: [], storage: [], history: [], access: [] };
  const r = bench(name, () => {
    let t = performance.now();
    const channels = pkg.personChannelDays(trips, { numPersons: NUM_RESIDENTS, numDays: 1 });
    parts.channels.push(performance.now() - t);
    t = performance.now();
    const { events } = pkg.dailyEventRates(trips, { scale, numDays: 1 });
    parts.events.push(performance.now() - t);
    const a = pkg.analyseRetention(policy, { network, channels, storage: { events } });
    for (const k of ['reach', 'storage', 'history', 'access']) parts[k].push(a.timings[k]);
    return a;
  }, { warmup: 2, repeats: 7 });
  const median = (xs) => {
    const s = xs.slice(-7).sort((x, y) => x - y);
    return s[Math.floor(s.length / 2)];
  };
  const a = r.last;
  const split = Object.entries(parts).map(([k, xs]) => `${k} ${median(xs).toFixed(0)} ms`).join(', ');
  return {
    ...timing(r),
    details: `${NUM_RESIDENTS.toLocaleString('en')} residents, ${trips.numTrips.toLocaleString('en')} trips, almaty-assumed. Median by part: ${split}. Stored ${Math.round(a.storage.totals.storedTB).toLocaleString('en')} TB; mean reconstructable share of the last 30 days ${(100 * a.history.summary.reconstructableShare.mean).toFixed(1)}%; ${a.access.principalsPerResidentSummary.mean.toFixed(2)} principals per resident; closed loop ${a.access.closedLoop ? 'holds' : 'broken'}.`,
  };
}

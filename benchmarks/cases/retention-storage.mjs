// Retention storage on the Almaty preset network: volumes per tier and kind, per-node demand against capacity,
// with events per day from 1,000,000 synthetic residents (~2.1 trips each). See benchmarks/plugins.mjs.
import { synthRetentionTrips, SYNTH_TRIPS_METHOD } from '../retention-trips.mjs';

const NUM_RESIDENTS = 1_000_000;
/** Almaty's population (DESIGN.md, "City presets": about 2.25 million). */
const ALMATY_RESIDENTS = 2_250_000;

export const cases = [
  {
    name: 'retention-storage-almaty',
    tags: ['retention', 'network', 'almaty'],
    target: { seconds: 0.1, label: 'dailyEventRates (1M residents) + retentionStorage on the Almaty network ≤ 0.1 s (the full retention analysis has ≤ 1 s)' },
  },
];

export const method = `**Retention storage.** On the Almaty preset (\`createPreset('almaty', { seed: 1 })\`) and its network (\`buildHierarchicalNetwork(cameras, city, almatyNetworkOptions())\`, built once, not timed), with ${SYNTH_TRIPS_METHOD} for ${NUM_RESIDENTS.toLocaleString('en')} residents. \`retention-storage-almaty\` times \`dailyEventRates(trips, { scale: 2,250,000 / 1,000,000 })\` followed by \`retentionStorage(retentionPreset('almaty-assumed'), network, { events })\` (defaults: 10 years of operation, replication 1/1/1/2/2, Google Cloud Storage standard list price); 2 warm-ups, 7 timed runs. The details give \`retentionStorage\` alone and the Kazakh 90-day rule and keep-everything for comparison.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createPreset', 'buildHierarchicalNetwork', 'almatyNetworkOptions', 'createRng', 'retentionPreset', 'retentionStorage', 'dailyEventRates']) {
    if (typeof pkg[f] !== 'function') return skipped(name, f);
  }
  if (name !== 'retention-storage-almaty') return undefined;
  const preset = pkg.createPreset('almaty', { seed });
  const net = pkg.buildHierarchicalNetwork(preset.cameras, preset.city, pkg.almatyNetworkOptions());
  const trips = synthRetentionTrips(pkg, seed, NUM_RESIDENTS);
  const policy = pkg.retentionPreset('almaty-assumed');
  const scale = ALMATY_RESIDENTS / NUM_RESIDENTS;
  const r = bench(name, () => {
    const rates = pkg.dailyEventRates(trips, { scale });
    return pkg.retentionStorage(policy, net, { events: rates.events });
  }, { warmup: 2, repeats: 7 });
  const events = pkg.dailyEventRates(trips, { scale }).events;
  const s = bench(`${name}/retentionStorage`, () => pkg.retentionStorage(policy, net, { events }), { warmup: 2, repeats: 7 });
  const a = r.last;
  const kz = pkg.retentionStorage(pkg.retentionPreset('kazakhstan-90d'), net);
  const all = pkg.retentionStorage(pkg.retentionPreset('keep-everything'), net, { events });
  const tb = (x) => `${Math.round(x).toLocaleString('en')} TB`;
  const usd = (x) => `$${Math.round(x).toLocaleString('en')}`;
  const tiers = a.byTier.filter((t) => t.storedTB > 0).map((t) => `${t.tier} ${tb(t.storedTB)}`).join(', ');
  const kinds = a.byKind.filter((k) => k.storedTB > 0).map((k) => `${k.kind} ${k.storedTB < 10 ? k.storedTB.toFixed(2) + ' TB' : tb(k.storedTB)}`).join(', ');
  const worst = a.overCapacity[0];
  return {
    ...timing(r),
    retentionStorageMedian: s.median,
    storedTB: a.totals.storedTB,
    costPerMonth: a.totals.costPerMonth,
    details: `${net.numCameras.toLocaleString('en')} cameras, ${net.numNodes.toLocaleString('en')} nodes; ${trips.numTrips.toLocaleString('en')} synthetic trips → per day ${Math.round(events.faceCaptures).toLocaleString('en')} face captures, ${Math.round(events.matchEvents).toLocaleString('en')} match events, ${Math.round(events.plateReads).toLocaleString('en')} plate reads, ${Math.round(events.alerts).toLocaleString('en')} alerts (city-wide, ×${scale}). almaty-assumed: ${tb(a.totals.storedTB)} stored (${tiers}; ${kinds}), ${usd(a.totals.costPerMonth)}/month at the default price; ${a.totals.overCapacityNodes} nodes over capacity${worst ? ` (worst ${worst.key}: ${tb(worst.demandTB)} of ${tb(worst.capacityTB)})` : ''}. kazakhstan-90d: ${tb(kz.totals.storedTB)}; keep-everything after 10 years: ${tb(all.totals.storedTB)}. retentionStorage alone: median ${(s.median * 1000).toFixed(1)} ms.`,
  };
}

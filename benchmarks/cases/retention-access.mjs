// Retention access at population scale: who can read whose history, for 1,000,000 residents.
// See benchmarks/plugins.mjs for the interface.
import { synthRetentionTrips, SYNTH_TRIPS_METHOD } from '../retention-trips.mjs';

export const cases = [
  { name: 'retention-access-1m', tags: ['retention', 'population'], target: { seconds: 0.3, label: 'access analysis for 1,000,000 residents ≤ 0.3 s' } },
];

export const method = `**Retention access.** \`retention-access-1m\`: \`analyseAccess(policy, channels, { operatingDays: 365 })\` (look-back 30 days, allowed: police) for 1,000,000 residents × 1 simulated day, on ${SYNTH_TRIPS_METHOD}, aggregated once with \`personChannelDays\` (not timed), under the \`almaty-assumed\` retention preset (the six built-in principals; banks and telecoms reach face templates through the biometric platform). 2 warm-ups, 7 timed runs.`;

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createRng', 'retentionPreset', 'personChannelDays', 'analyseAccess']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  if (name !== 'retention-access-1m') return undefined;
  const numPersons = 1_000_000;
  const trips = synthRetentionTrips(pkg, seed, numPersons);
  const channels = pkg.personChannelDays(trips, { numPersons, numDays: 1 });
  const policy = pkg.retentionPreset('almaty-assumed');
  const r = bench(name, () => pkg.analyseAccess(policy, channels, { operatingDays: 365 }), { warmup: 2, repeats: 7 });
  const a = r.last;
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const row = (id) => a.principals.find((p) => p.principal === id);
  return {
    ...timing(r),
    numResidents: numPersons,
    numTrips: trips.numTrips,
    closedLoop: a.closedLoop,
    beyondAllowed: a.beyondAllowed.map((b) => b.principal),
    meanPrincipalsPerResident: a.principalsPerResidentSummary.mean,
    details: `${numPersons.toLocaleString('en')} residents, ${trips.numTrips.toLocaleString('en')} synthetic trips; police reach ${pct(row('police').shareOfResidents)} of residents' last 30 days, banks (through the biometric platform) ${pct(row('banks').shareOfResidents)}; ${a.principalsPerResidentSummary.mean.toFixed(2)} principals per resident on average, ${pct(a.principalsPerResidentSummary.shareAtLeastTwo)} reachable by ≥ 2; closed loop: ${a.closedLoop ? 'yes' : `no (${a.beyondAllowed.map((b) => b.principal).join(', ')})`}.`,
  };
}

// Retention access at population scale: who can read whose history, for 1,000,000 residents.
// See benchmarks/plugins.mjs for the interface.

export const cases = [
  { name: 'retention-access-1m', tags: ['retention', 'population'], target: { seconds: 0.3, label: 'access analysis for 1,000,000 residents ≤ 0.3 s' } },
];

/** Almaty-like policy (benchmark fixture, not a sourced preset): the six built-in principals. */
export const ALMATY_LIKE_POLICY = {
  name: 'almaty-like (benchmark)',
  rules: {
    camera: {
      video: { days: 30, copyTo: 'city', readers: ['vendor'] },
      plateReads: { days: 1, copyTo: 'city' },
    },
    city: {
      video: { days: 90, readers: ['police', 'prosecutors'] },
      faceTemplates: { days: 'forever', copyTo: 'national', readers: ['police'] },
      sightings: { days: 365, readers: ['police'] },
      plateReads: { days: 365, readers: ['police'] },
      alerts: { days: 365, readers: ['police', 'prosecutors'] },
    },
    national: { faceTemplates: { days: 'forever', readers: ['biometric-platform'] } },
  },
};

export const method = `**Retention access.** \`retention-access-1m\`: \`analyseAccess(policy, channels, { operatingDays: 365 })\` (look-back 30 days, allowed: police) for 1,000,000 residents × 1 simulated day, on synthetic seeded trips (2.1 per resident on average, 60% on foot; createRng, not the exposure pipeline) aggregated once with \`personChannelDays\` (not timed), and an Almaty-like policy with the six built-in principals (video 30 days at the camera, 90 at the city; templates kept forever and copied to the national platform that banks and telecoms reach through). 2 warm-ups, 7 timed runs.`;

function synthTrips(pkg, numPersons, seed) {
  const rng = pkg.createRng(seed).stream('retention-access-trips');
  const counts = new Uint8Array(numPersons);
  let n = 0;
  for (let p = 0; p < numPersons; p++) {
    counts[p] = rng.next() < 0.1 ? 3 : 2; // 2.1 trips per resident on average
    n += counts[p];
  }
  const person = new Uint32Array(n);
  const day = new Uint16Array(n);
  const mode = new Uint8Array(n);
  const sightings = new Float64Array(n);
  const identified = new Float64Array(n);
  const pIdentified = new Float64Array(n);
  let i = 0;
  for (let p = 0; p < numPersons; p++) {
    for (let k = 0; k < counts[p]; k++, i++) {
      person[i] = p;
      mode[i] = rng.next() < 0.6 ? 0 : 1;
      const s = -Math.log(1 - rng.next()) * (mode[i] === 0 ? 4 : 8);
      sightings[i] = s;
      const q = rng.next() < 0.3 ? 0 : rng.next() * (mode[i] === 0 ? 0.3 : 0.8);
      identified[i] = s * q;
      pIdentified[i] = -Math.expm1(-s * q);
    }
  }
  return { numTrips: n, person, day, mode, sightings, identified, pIdentified };
}

export async function run(name, ctx) {
  const { pkg, bench, timing, skipped, seed } = ctx;
  for (const f of ['createRng', 'createRetentionPolicy', 'personChannelDays', 'analyseAccess']) if (typeof pkg[f] !== 'function') return skipped(name, f);
  if (name !== 'retention-access-1m') return undefined;
  const numPersons = 1_000_000;
  const trips = synthTrips(pkg, numPersons, seed);
  const channels = pkg.personChannelDays(trips, { numPersons, numDays: 1 });
  const policy = pkg.createRetentionPolicy(ALMATY_LIKE_POLICY);
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

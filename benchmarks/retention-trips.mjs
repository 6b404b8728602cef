// Synthetic per-trip exposure columns for the retention benchmarks (one generator for every retention case, so
// their figures are on the same input). Not the exposure pipeline, which takes about 25 s for a million residents.

/**
 * `numPersons` residents (default 1,000,000), 2 trips each plus a third for 10% of them (about 2.1), on foot with
 * probability 0.45, expected captures U(0, 6) per trip, identifying captures a U(0, 0.3) share of them,
 * pIdentified = 1 − exp(−identified), face searches = the captures of walk trips; one simulated day; seeded.
 */
export function synthRetentionTrips(pkg, seed, numPersons = 1_000_000) {
  const rng = pkg.createRng(seed).stream('retention-trips');
  const counts = new Uint8Array(numPersons);
  let n = 0;
  for (let p = 0; p < numPersons; p++) {
    counts[p] = rng.next() < 0.1 ? 3 : 2;
    n += counts[p];
  }
  const person = new Uint32Array(n), day = new Uint16Array(n), mode = new Uint8Array(n);
  const sightings = new Float64Array(n), identified = new Float64Array(n), pIdentified = new Float64Array(n), faceSearches = new Float64Array(n);
  let i = 0;
  for (let p = 0; p < numPersons; p++) {
    for (let k = 0; k < counts[p]; k++, i++) {
      person[i] = p;
      mode[i] = rng.next() < 0.45 ? 0 : 1;
      sightings[i] = rng.uniform(0, 6);
      identified[i] = sightings[i] * rng.uniform(0, 0.3);
      pIdentified[i] = -Math.expm1(-identified[i]);
      faceSearches[i] = mode[i] === 0 ? sightings[i] : 0;
    }
  }
  return { numTrips: n, person, day, mode, sightings, identified, pIdentified, faceSearches };
}

/** The words the cases' `method` texts use for the generator. */
export const SYNTH_TRIPS_METHOD = 'synthetic seeded trips (`benchmarks/retention-trips.mjs`: 2 trips per resident plus a third for 10%, on foot with probability 0.45, expected captures U(0, 6), identifying captures a U(0, 0.3) share, face searches = captures on walk trips; built outside the timing)';

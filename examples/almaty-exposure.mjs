// Almaty: how often a resident is seen and identified on an ordinary day.
//
// A sample of residents (homes drawn from the population density) make a day
// of trips (work, study, errands; on foot or by car), routed on the street
// graph and scored against the 128,000 cameras' street exposure profile.
//
//   npm run build && node examples/almaty-exposure.mjs [--seed 1] [--residents 10000] [--threads 2]
import {
  createPreset,
  buildStreetNetwork,
  computeStreetExposureProfile,
  computePopulationExposure,
  terminatePopulationWorkers,
  leastSurveilledRoute,
  routeExposure,
  sightingPoints,
  unicity,
  PROFILE_LEVELS,
} from '../dist/index.js';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(arg('seed', '1'));
const numResidents = Number(arg('residents', '10000'));
const threads = arg('threads', 'auto') === 'auto' ? 'auto' : Number(arg('threads'));

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const timed = (label, fn) => {
  const t = performance.now();
  const value = fn();
  console.log(`  (${label}: ${((performance.now() - t) / 1000).toFixed(2)} s)`);
  return value;
};

console.log(`sightline — tracking exposure in Almaty, seed ${seed}\n`);
const { city, cameras } = timed('city and cameras', () => createPreset('almaty', { seed }));
const network = timed('street network', () => buildStreetNetwork(city.streets));
const profile = timed('street exposure profile (range + identify, occlusion)', () => computeStreetExposureProfile(cameras, city));

const r = timed(`${numResidents.toLocaleString('en-US')} residents, a day of trips, routed and scored`, () =>
  computePopulationExposure(cameras, city, {
    seed,
    numResidents,
    network,
    profile,
    threads,
    keepSightings: true,
    sample: 5000,
    watchlistSize: 10_000,
  }),
);
await terminatePopulationWorkers();

console.log(`\n${r.numTrips.toLocaleString('en-US')} trips (${r.unreachable.count} unreachable, reported), recognition model "${r.params.sighting.recognition.name}"`);
const q = (s, f = (x) => x.toFixed(0)) => ['0.1', '0.25', '0.5', '0.75', '0.9', '0.99'].map((k) => f(s.quantiles[k]).padStart(7)).join('');
console.log('\nPer resident and day           mean     p10    p25    p50    p75    p90    p99');
console.log(`  sightings (seen)          ${r.summary.sightings.mean.toFixed(1).padStart(7)}${q(r.summary.sightings)}`);
console.log(`  identified sightings      ${r.summary.identified.mean.toFixed(2).padStart(7)}${q(r.summary.identified, (x) => x.toFixed(1))}`);
console.log(`  distinct cameras          ${r.summary.distinctCameras.mean.toFixed(1).padStart(7)}${q(r.summary.distinctCameras)}`);
console.log(`  share of path observed    ${pct(r.summary.observedFraction.mean).padStart(7)}${q(r.summary.observedFraction, pct)}`);
console.log(`  P(identified ≥ once)      ${r.summary.pIdentified.mean.toFixed(3).padStart(7)}${q(r.summary.pIdentified, (x) => x.toFixed(2))}`);

console.log('\nBy home district            residents  sightings  identified  P(id ≥ 1)  path seen');
for (const d of r.districts.rows) {
  console.log(
    `  ${d.name.padEnd(26)} ${String(d.residents).padStart(9)} ${d.meanSightings.toFixed(1).padStart(10)} ${d.meanIdentified.toFixed(2).padStart(11)} ${d.meanPIdentified.toFixed(3).padStart(10)} ${pct(d.observedFraction).padStart(10)}`,
  );
}
const ineq = r.inequality.meanPIdentified;
console.log(`  between districts, P(identified ≥ 1): Gini ${ineq.gini.toFixed(3)}, max/min ${ineq.maxMinRatio === null ? '—' : ineq.maxMinRatio.toFixed(2)} (${ineq.maxGroup} vs ${ineq.minGroup})`);

const w = r.watchlist;
console.log(`\nWatchlist of 10,000 people, the whole city (${Math.round(w.citySearchesPerDay).toLocaleString('en-US')} face searches a day, scaled ×${w.scale.toFixed(0)}):`);
console.log(`  expected true identifications ${w.expectedTrue.toFixed(1)} / day, false alerts ${w.expectedFalse.toFixed(1)} / day (${pct(w.falseShare)} of alerts)`);

// Unicity of the sampled residents' (camera, hour) traces.
const pts = sightingPoints(r.sightings, 5000);
const u = timed('unicity of 5,000 residents', () => unicity(pts, { seed, kMax: 4, sampleSize: 2000 }));
console.log('  share singled out by k random (camera, hour) points: ' + u.byK.map((b) => `k=${b.k} ${pct(b.share)}`).join(', '));

// One route across the centre: its exposure, and the least-surveilled alternative.
const [x0, y0, x1, y1] = city.bounds;
const from = [x0 + 0.35 * (x1 - x0), y0 + 0.4 * (y1 - y0)];
const to = [x0 + 0.6 * (x1 - x0), y0 + 0.6 * (y1 - y0)];
const lsr = timed('least-surveilled route', () => leastSurveilledRoute(network, profile, from, to, { maxDetour: 0.25 }));
const polyline = (route) => {
  const pts = [[network.x[lsr.from], network.y[lsr.from]]];
  for (const a of route.arcs) {
    const e = a >>> 1;
    const head = a & 1 ? network.edgeSource[e] : network.edgeTarget[e];
    pts.push([network.x[head], network.y[head]]);
  }
  return pts;
};
const shortestExposure = routeExposure(cameras, polyline(lsr.shortest), { occlusion: true, city });
console.log(`\nShortest route ${(lsr.shortest.length / 1000).toFixed(2)} km: ${shortestExposure.cameraIds.length} cameras, ${pct(shortestExposure.observedFraction)} of it observed (routeExposure, ${PROFILE_LEVELS[0]} level)`);
console.log(`Least-surveilled route ${(lsr.length / 1000).toFixed(2)} km (+${pct(lsr.detour)}): ${(lsr.exposure / 1000).toFixed(2)} km observed instead of ${(lsr.shortest.exposure / 1000).toFixed(2)} km`);

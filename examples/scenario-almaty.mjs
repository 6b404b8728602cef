// The Almaty scenario end to end: city, 128,000 cameras, exact coverage at
// the camera range and at the DORI identify level (buildings block the view),
// streets, districts, the command network (live share, overloaded links,
// single points of failure, outage trials) and a day of trips for a sample of
// residents (exposure, watchlist, unicity, a least-surveilled route); writes
// results.json, GeoJSON layers, exposure.csv and report.html.
//
//   npm run build
//   node examples/scenario-almaty.mjs [--num-cameras 128000] [--residents 10000] [--seed 1] [--out out/almaty]
//
// The same as `npx sightline run --preset almaty --out out/almaty`.
import { runScenarioDetailed, scenarioPreset, writeScenarioOutputs, terminateCoverageWorkers, terminatePopulationWorkers } from 'sightline';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const camerasArg = arg('num-cameras') ?? arg('cameras'); // --cameras: deprecated name
const numCameras = camerasArg === undefined ? undefined : Number(camerasArg);
const numResidents = arg('residents') === undefined ? undefined : Number(arg('residents'));
const seed = Number(arg('seed', '1'));
const out = arg('out', 'out/almaty');

const scenario = scenarioPreset('almaty', { seed, numCameras, numResidents });
const run = await runScenarioDetailed(scenario, {
  onProgress: (e) => e.phase === 'end' && console.log(`  ${e.label}: ${(e.ms / 1000).toFixed(2)} s`),
});
const { headline: h, metrics: m } = run.result;
const pct = (x) => `${(100 * x).toFixed(2)}%`;
console.log(`\n${run.result.name}: ${h.cameras.toLocaleString('en-US')} cameras, ${h.liveCameras.toLocaleString('en-US')} live`);
for (const r of m.coverage.runs) console.log(`  area seen at level ${r.level}${r.occlusion ? ' (buildings block)' : ''}: ${pct(r.coveredFraction)} of ${r.studyAreaKm2.toFixed(0)} km²`);
console.log(`  street length seen: ${pct(m.streetCoverage.coveredFraction)} of ${m.streetCoverage.totalKm.toFixed(0)} km`);
console.log(`  districts: from ${pct(h.districtCoveredFractionMin)} to ${pct(h.districtCoveredFractionMax)} of the area seen`);
const n = m.network;
console.log(`  live at the command centre: ${pct(n.steady.liveShare)}; ${n.steady.overloadedLinks} links over capacity; outages: mean live share ${pct(n.outages.liveShare.mean)} over ${n.outages.trials} trials`);
const w = n.spof.top.find((r) => r.kind === 'district-hub');
console.log(`  worst hub failure: ${w.key} cuts ${w.camerasCut.toLocaleString('en-US')} cameras off (live share ${pct(w.liveShareAfter)})`);
const p = m.exposure.population;
console.log(`  a day for ${p.numResidents.toLocaleString('en-US')} residents: ${p.summary.sightings.mean.toFixed(1)} sightings each; P(identified ≥ once) ${pct(p.summary.pIdentified.mean)}`);
console.log(`  watchlist of ${p.watchlist.size.toLocaleString('en-US')}: ${p.watchlist.expectedTrue.toFixed(1)} true and ${p.watchlist.expectedFalse.toFixed(1)} false identifications a day`);
console.log(`  unicity: ${p.unicity.byK.map((b) => `k=${b.k} ${pct(b.share)}`).join(', ')}`);
const files = writeScenarioOutputs(run, out);
console.log(`\nwrote ${files.length} files; open ${out}/report.html`);
await terminateCoverageWorkers();
await terminatePopulationWorkers();

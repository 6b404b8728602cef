// The Almaty scenario end to end: city, 128,000 cameras, exact coverage at
// the camera range and at the DORI identify level (buildings block the view),
// streets, districts; writes results.json, GeoJSON layers and report.html.
//
//   npm run build
//   node examples/scenario-almaty.mjs [--cameras 128000] [--seed 1] [--out out/almaty]
//
// The same as `npx sightline run --preset almaty --out out/almaty`.
import { runScenarioDetailed, scenarioPreset, writeScenarioOutputs, terminateCoverageWorkers } from 'sightline';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const numCameras = arg('cameras') === undefined ? undefined : Number(arg('cameras'));
const seed = Number(arg('seed', '1'));
const out = arg('out', 'out/almaty');

const scenario = scenarioPreset('almaty', { seed, numCameras });
const run = await runScenarioDetailed(scenario, {
  onProgress: (e) => e.phase === 'end' && console.log(`  ${e.label}: ${(e.ms / 1000).toFixed(2)} s`),
});
const { headline: h, metrics: m } = run.result;
const pct = (x) => `${(100 * x).toFixed(2)}%`;
console.log(`\n${run.result.name}: ${h.cameras.toLocaleString('en-US')} cameras, ${h.liveCameras.toLocaleString('en-US')} live`);
for (const r of m.coverage.runs) console.log(`  area seen at level ${r.level}${r.occlusion ? ' (buildings block)' : ''}: ${pct(r.coveredFraction)} of ${r.studyAreaKm2.toFixed(0)} km²`);
console.log(`  street length seen: ${pct(m.streetCoverage.coveredFraction)} of ${m.streetCoverage.totalKm.toFixed(0)} km`);
console.log(`  districts: from ${pct(h.districtCoveredFractionMin)} to ${pct(h.districtCoveredFractionMax)} of the area seen`);
const files = writeScenarioOutputs(run, out);
console.log(`\nwrote ${files.length} files; open ${out}/report.html`);
await terminateCoverageWorkers();

// Almaty, January 2022: the damage to the camera network (766 Sergek units
// and 493 cameras: Tengrinews via kgnews.asia and Kazinform, Jan 2022), aimed
// where the clashes were reported (every unit and camera within 1 km of
// Republic Square and the akimat: an assumption; the rest at random), and a crowd on Republic Square — how many of
// 10,000 people are captured and identified live, and how many from the
// archive, before and after the damage.
//
//   npm run build
//   node examples/scenario-almaty-january-2022.mjs [--num-cameras 128000] [--seed 1] [--out out/almaty-january-2022]
//
// The same as `npx sightline run --preset almaty-january-2022 --out out/almaty-january-2022`.
// Then the archive searched for the crowd 30, 120 and 365 days later, under the
// Kazakh 90-day video rule and an assumed legal hold on the square
// (JANUARY_2022_HOLD: 300 m around it, the first week, kept 3 years).
import { runScenarioDetailed, scenarioPreset, writeScenarioOutputs, terminateCoverageWorkers } from 'sightline';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const camerasArg = arg('num-cameras') ?? arg('cameras'); // --cameras: deprecated name
const numCameras = camerasArg === undefined ? undefined : Number(camerasArg);
const seed = Number(arg('seed', '1'));
const out = arg('out', 'out/almaty-january-2022');

const run = await runScenarioDetailed(scenarioPreset('almaty-january-2022', { seed, numCameras }), {
  onProgress: (e) => e.phase === 'end' && console.log(`  ${e.label}: ${(e.ms / 1000).toFixed(2)} s`),
});
const { metrics: m } = run.result;
const pct = (x) => `${(100 * x).toFixed(2)}%`;
const int = (x) => Math.round(x).toLocaleString('en-US');
const d = m.network.damage;
console.log(`\n${run.result.name}: ${int(m.cameras.numCameras)} cameras on ${int(m.network.nodesByKind.aggregation)} Sergek-sized units`);
const aimed = (d.areas ?? []).map((a) => `${a.name}: ${int(a.unitsHit)} units, ${int(a.camerasHit)} cameras`).join('; ');
console.log(`  destroyed: ${int(d.unitsDamaged)} units and ${int(d.camerasDamaged)} cameras (${aimed ? `${aimed}; the rest at random` : 'random'}, seed ${d.seed}); ${int(d.camerasDark)} cameras dark`);
for (const a of d.areas ?? []) console.log(`  ${a.name}: ${int(a.camerasDarkInside)} of ${int(a.camerasInside)} cameras inside dark`);
console.log(`  live at the command centre: ${pct(d.liveShareBefore)} → ${pct(d.liveShareAfter)}`);
console.log(`  area seen (camera range, buildings block): ${pct(d.coveredFractionBefore)} → ${pct(d.coveredFractionAfter)}`);
console.log('\n  crowd                                people   live: captured  identified   archive: captured  identified');
for (const c of m.exposure.crowds) {
  console.log(`  ${c.name.padEnd(36)} ${int(c.numPeople).padStart(6)} ${int(c.live.captured).padStart(16)} ${c.live.identified.toFixed(1).padStart(11)} ${int(c.archive.captured).padStart(19)} ${c.archive.identified.toFixed(1).padStart(11)}`);
}
console.log('\n  searched in the archive later         days   kept by      identified   without the hold');
for (const c of m.retention.crowds) {
  for (const r of c.rows) {
    console.log(`  ${c.crowd.padEnd(36)} ${String(r.daysAfter).padStart(6)}   ${(r.byPolicy ? 'the 90-day rule' : r.heldCameras > 0 ? 'legal hold' : 'nothing').padEnd(15)}${r.identified.toFixed(1).padStart(8)} ${r.identifiedWithoutHolds.toFixed(1).padStart(18)}`);
  }
}
const files = writeScenarioOutputs(run, out);
console.log(`\nwrote ${files.length} files; open ${out}/report.html`);
await terminateCoverageWorkers();

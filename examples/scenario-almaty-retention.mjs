// Almaty under two retention policies: the assumed Almaty policy (90 days of
// video, face templates and match events kept at the city centre and a year
// at the national platform) against a minimal one (30 days of video, face
// templates deleted at once, police only) — storage and its cost, how much of
// a resident's last 30 days can be reconstructed, and who can read it.
//
//   npm run build
//   node examples/scenario-almaty-retention.mjs [--num-cameras 128000] [--residents 10000] [--seed 1] [--out out/almaty-retention]
//
// The same as `npx sightline run --preset almaty-retention --out out/almaty-retention`.
import { runScenarioDetailed, scenarioPreset, writeScenarioOutputs, terminateCoverageWorkers, terminatePopulationWorkers } from 'sightline';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const camerasArg = arg('num-cameras') ?? arg('cameras'); // --cameras: deprecated name
const numCameras = camerasArg === undefined ? undefined : Number(camerasArg);
const numResidents = Number(arg('residents', '10000'));
const seed = Number(arg('seed', '1'));
const out = arg('out', 'out/almaty-retention');

const run = await runScenarioDetailed(scenarioPreset('almaty-retention', { seed, numCameras, numResidents }), {
  onProgress: (e) => e.phase === 'end' && console.log(`  ${e.label}: ${(e.ms / 1000).toFixed(2)} s`),
});
const r = run.result.metrics.retention;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const int = (x) => Math.round(x).toLocaleString('en-US');
const [a, b] = [r.policy, r.compared.policy];
console.log(`\n${run.result.name}: ${int(run.result.metrics.cameras.numCameras)} cameras, ${int(numResidents)} simulated residents, the system taken to run ${int(r.operatingDays)} days`);
console.log(`\n  ${''.padEnd(44)}${a.name.padStart(18)}${b.name.padStart(18)}`);
const line = (label, f) => console.log(`  ${label.padEnd(44)}${f(a).padStart(18)}${f(b).padStart(18)}`);
line('video kept, days', (p) => int(p.reach.kinds.video));
line('face templates kept, days', (p) => int(p.reach.kinds.faceTemplates));
line('faces / plates identifiable, days', (p) => `${int(p.reach.face)} / ${int(p.reach.plate)}`);
line('storage, TB (with replication)', (p) => int(p.storage.storedTB));
line(`cost a month (${a.storage.currency})`, (p) => int(p.storage.costPerMonth));
line('captures on video per resident', (p) => int(p.history.summary.capturesOnFile.mean));
line(`share of the last ${r.lookbackDays} days' trips reconstructable`, (p) => pct(p.history.summary.reconstructableShare.mean));
line('principals that can reach a history', (p) => p.access.principalsPerResident.mean.toFixed(2));
line('"closed loop" (police only)', (p) => (p.access.closedLoop ? 'holds' : 'broken'));
console.log(`\n  beyond the police under ${a.name}: ${a.access.beyondAllowed.map((x) => `${x.label} (${pct(x.expectedResidents / numResidents)} of residents)`).join('; ') || 'nobody'}`);
const files = writeScenarioOutputs(run, out);
console.log(`\nwrote ${files.length} files; open ${out}/report.html`);
await terminateCoverageWorkers();
await terminatePopulationWorkers();

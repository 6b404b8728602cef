// Astana: the older network (~6,000 record-only street cameras) against the
// 22,000 new cameras with the older ones still in service; prints the
// difference of every headline number and the coverage of each district.
//
//   npm run build
//   node examples/scenario-astana.mjs [--num-cameras 28000]
//
// With the command: sightline run --preset astana-older --out out/old
//                   sightline run --preset astana --out out/new
//                   sightline compare out/old/results.json out/new/results.json
import { compareScenarios, runScenario, scenarioPreset, terminateCoverageWorkers } from 'sightline';

const args = process.argv.slice(2);
// --cameras: the deprecated name of --num-cameras (one release)
const i = args.includes('--num-cameras') ? args.indexOf('--num-cameras') : args.indexOf('--cameras');
const numCameras = i >= 0 ? Number(args[i + 1]) : undefined;

const older = await runScenario(scenarioPreset('astana-older', { numCameras }));
const both = await runScenario(scenarioPreset('astana', { numCameras }));
const d = compareScenarios(older, both);
const show = (k, v) => (/Fraction/.test(k) ? `${(100 * v).toFixed(2)}%` : v.toLocaleString('en-US', { maximumFractionDigits: 1 }));
console.log(`A: ${d.a.name}\nB: ${d.b.name}\n`);
for (const x of d.headline) console.log(`  ${x.key.padEnd(30)} ${show(x.key, x.a).padStart(12)} → ${show(x.key, x.b).padStart(12)}`);
console.log('\nArea seen per district');
for (const row of d.districts) {
  const x = row.deltas.find((v) => v.key === 'coveredFraction');
  console.log(`  ${row.name.padEnd(10)} ${show('Fraction', x.a).padStart(8)} → ${show('Fraction', x.b).padStart(8)}`);
}
await terminateCoverageWorkers();
